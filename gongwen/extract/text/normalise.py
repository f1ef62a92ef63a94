"""Spaces and folding: the third cleaning stage, on :class:`~gongwen.extract.text.dedupe.Chars`.

Spurious spaces next to CJK characters go; full-width digits and letters fold to ASCII, ％/℅ → %,
／ → /, and a range dash between digits → "-"; a line written in traditional characters (a web
page's 繁體 version: 永和縣城鎮第二幼兒園, 戶外活動面積) folds to simplified ones, character for
character (OpenCC's t2s), so that the vocabularies and units read it.  Nothing else is rewritten,
and never NFKC (it would turn ℅ into c/o and ， into ,).  Every character keeps its raw index.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import regex

from .chars import SPACES, Chars, cut

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


def simplified(c: Chars) -> Chars:
    """``c`` in simplified characters when it is written in traditional ones — at least two of its
    characters and a twentieth of its Han characters change under OpenCC's t2s (a simplified line
    that quotes one old name stays as written) — each folded character keeping its raw index.

    >>> t = "永和縣城鎮第二幼兒園戶外活動面積3600平方米"
    >>> simplified(Chars(t, list(range(len(t))), [False] * len(t))).text
    '永和县城镇第二幼儿园户外活动面积3600平方米'
    """
    t = c.text
    if t.isascii():
        return c
    conv = _t2s().convert
    out = conv(t)
    if len(out) != len(t):  # (a phrase folded to another length: character by character instead)
        out = "".join(x if len(x := conv(ch)) == 1 else ch for ch in t)
    changed = sum(1 for a, b in zip(t, out) if a != b)
    if changed < 2 or changed * 20 < sum(1 for ch in t if is_cjk(ch)):
        return c
    return Chars(out, c.src, c.bold)


@functools.cache
def _t2s() -> Any:
    """OpenCC's traditional-to-simplified converter, loaded once per process when first needed."""
    import opencc  # (a compiled dictionary: loaded only for text that holds Han characters)

    return opencc.OpenCC("t2s")


def normalise(c: Chars) -> Chars:
    """Remove spurious spaces and fold characters, keeping the offset map.

    Only the characters that may change (spaces, dashes, foldable forms) are visited one by
    one; the stretches between them are copied in bulk.

    >>> t = "留 守 儿 童 2020 年 1—9 月 １２ ℅"
    >>> normalise(Chars(t, list(range(len(t))), [False] * len(t))).text
    '留守儿童2020年1-9月12%'
    >>> t = "供熱面積2732萬(wàn)平方米(PM)"
    >>> normalise(Chars(t, list(range(len(t))), [False] * len(t))).text
    '供热面积2732万平方米(PM)'
    """
    if "(" in c.text:  # (國(guó)慶節(jié): the readings a page prints after its characters go)
        c = cut(c, [m.span() for m in _READING.finditer(c.text)])
    c = simplified(c)
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


# A reading in pinyin with its tone mark, bracketed right after a Han character (國(guó), 萬(wàn)): a
# page's ruby annotation printed inline, no text of the report.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_READING = regex.compile(rf"(?<=\p{{Han}})\((?=[a-zü]*[{_TONED}])[a-zü{_TONED}]{{1,7}}\)")
# The tail of a decimal number before a space ("4275.3"): digits after a decimal point.
_IN_NUMBER = regex.compile(r"\d\.\d*$")
_SCALE_DASH = regex.compile(r"(?<=\d[万亿千百])[—–－～~](?=\d)")
