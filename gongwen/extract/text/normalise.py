"""Spaces and folding: the third cleaning stage, on :class:`~gongwen.extract.text.dedupe.Chars`.

Spurious spaces next to CJK characters go; full-width digits and letters fold to ASCII, ％/℅ → %,
／ → /, and a range dash between digits → "-".  Nothing else is rewritten, and never NFKC (it
would turn ℅ into c/o and ， into ,).  Every character keeps its raw index.
"""

from __future__ import annotations

import re

import regex

from .chars import SPACES, Chars

# -- character classes ------------------------------------------------------------------------
_CJK = regex.compile(r"[\p{Han}\p{Block=CJK_Symbols_and_Punctuation}\p{Block=Halfwidth_and_Fullwidth_Forms}"
                     r"“”‘’…—·]")
_DASHES = "—–－～~‐‑−"
# Spaces next to these never matter ("1- 9月", "100 %", "元 / 人").
_GLUE = "-/%‰.:"
_FOLD = {"％": "%", "℅": "%", "／": "/", "．": "."}
for _i in range(10):
    _FOLD[chr(0xFF10 + _i)] = str(_i)
for _i in range(26):
    _FOLD[chr(0xFF21 + _i)] = chr(0x41 + _i)
    _FOLD[chr(0xFF41 + _i)] = chr(0x61 + _i)
# a plain character class: the standard library scans it about ten times faster than ``regex``
_NEEDS_WORK = re.compile("[" + re.escape(SPACES + _DASHES + "".join(_FOLD)) + "]")


def is_cjk(ch: str) -> bool:
    """Whether the character ``ch`` is Han, CJK punctuation or a full-width form (memoised: the
    space remover asks about the same few hundred characters thousands of times)."""
    got = _CJK_SEEN.get(ch)
    if got is None:
        got = _CJK_SEEN[ch] = bool(_CJK.match(ch))
    return got


_CJK_SEEN: dict[str, bool] = {}


def normalise(c: Chars) -> Chars:
    """Remove spurious spaces and fold characters, keeping the offset map.

    Only the characters that may change (spaces, dashes, foldable forms) are visited one by
    one; the stretches between them are copied in bulk.

    >>> t = "留 守 儿 童 2020 年 1—9 月 １２ ℅"
    >>> normalise(Chars(t, list(range(len(t))), [False] * len(t))).text
    '留守儿童2020年1-9月12%'
    """
    t, s, b = c.text, c.src, c.bold
    if not _NEEDS_WORK.search(t):
        return c  # nothing to remove or fold (most paragraphs of a DOCX)
    n = len(t)
    out_t: list[str] = []
    out_s: list[int] = []
    out_b: list[bool] = []
    pos = 0
    for m in _NEEDS_WORK.finditer(t):
        i = m.start()
        if i < pos:
            continue  # inside a run of spaces already handled
        if i > pos:
            out_t.append(t[pos:i])
            out_s.extend(s[pos:i])
            out_b.extend(b[pos:i])
        ch = t[i]
        if ch in SPACES:
            j = i
            while j < n and t[j] in SPACES:
                j += 1
            left = out_t[-1][-1] if out_t and out_t[-1] else ""
            right = t[j] if j < n else ""
            r = _FOLD.get(right, right)
            if left.isdigit() and r.isdigit() and _IN_NUMBER.search("".join(out_t[-3:])):
                pos = j  # justification split a decimal number ("4275.3 6万元"): join it
                continue
            if left and right and not is_cjk(left) and not is_cjk(r) \
                    and r not in _DASHES and left not in _GLUE and r not in _GLUE:
                out_t.append(" ")
                out_s.append(s[i])
                out_b.append(b[i])
            pos = j
            continue
        folded = _FOLD.get(ch, ch)
        prev = out_t[-1][-1] if out_t and out_t[-1] else ""
        if ch in _DASHES and prev.isdigit():
            # a range dash between numbers (1—9月, 1万—2万元): look past spaces for a digit
            j = i + 1
            while j < n and t[j] in SPACES:
                j += 1
            if j < n and _FOLD.get(t[j], t[j]).isdigit():
                folded = "-"
        out_t.append(folded)
        out_s.append(s[i])
        out_b.append(b[i])
        pos = i + 1
    if pos < n:
        out_t.append(t[pos:])
        out_s.extend(s[pos:])
        out_b.extend(b[pos:])
    text = "".join(out_t)
    # "1万—2万元": the dash follows 万, not a digit; fold it when digits surround the scale word
    if _SCALE_DASH.search(text):
        chars = list(text)
        for m in _SCALE_DASH.finditer(text):
            chars[m.start()] = "-"
        text = "".join(chars)
    return Chars(text, out_s, out_b)


# The tail of a decimal number before a space ("4275.3"): digits after a decimal point.
_IN_NUMBER = regex.compile(r"\d\.\d*$")
_SCALE_DASH = regex.compile(r"(?<=\d[万亿千百])[—–－～~](?=\d)")
