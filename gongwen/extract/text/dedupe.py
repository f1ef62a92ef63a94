"""Repair fake bold that survives in text dumps.

PDF producers fake bold by drawing the same glyphs k times (k = 2, 3 or 4) at sub-point offsets.
A text dump of such a PDF repeats every bold *segment* k times in a row: whole lines
("（二）加强队伍建设…" ×4), runs ("第三、第三、第三、第三、住房保障住房保障…"), single
characters ("1111、、、、") and mixes of these.  This module finds k from the data, collapses
the repetition and marks what it collapsed as bold — without touching the legitimate repetition
of prose (天天, 研究研究, 一一, "1111 人", "22 个").

The rule that keeps prose intact: a *region* is a maximal stretch of back-to-back k-fold
segments; it is collapsed only when it is long enough once collapsed (``MIN_REGION`` characters)
and starts where a bold run can start (line start, after punctuation, or right after another
region, possibly on the previous line, for wrapped bold headings).  For k = 2, where "研究研究讨论讨论"
is genuinely ambiguous, a region must also contain a segment of at least three characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import NamedTuple

from .chars import Chars

MIN_REGION = 3
MAX_SEGMENT = 120
# Characters after which a bold run may begin (sentence and clause punctuation, brackets).
_RUN_START_AFTER = set("。！？；：，、）)】」』”\"' \t　")


@lru_cache(maxsize=512)
def _segment_re(k: int, longest: int) -> re.Pattern[str]:
    # Smallest segment first (lazy), starting at the leftmost position: greedy left-to-right.
    # ``longest`` bounds the segment by the line (len // k), which keeps the search short.
    return re.compile(rf"(.{{1,{longest}}}?)\1{{{k - 1}}}", re.DOTALL)


_SHORT_SEGMENTS = 24  # the longest segment a line allows up to which the pattern is the faster


def _segments(text: str, k: int, longest: int) -> Iterator[tuple[int, int]]:
    """(start, length) of every k-fold segment of ``text``, left to right, the shortest at each
    start: ``_segment_re(k, longest).finditer(text)``.  On a long line (a web paragraph) the
    pattern tries every length at every position; there the copies are compared only where a
    position's character comes back (:func:`_segment_at`), which the pattern does faster on a
    short line."""
    if longest <= _SHORT_SEGMENTS:
        for m in _segment_re(k, longest).finditer(text):
            yield m.start(), m.end(1) - m.start()
        return
    q = 0
    while q < len(text):
        n = _segment_at(text, q, k, longest) if text.find(text[q], q + 1, q + longest + 1) >= 0 else 0
        if n:
            yield q, n
            q += k * n
        else:
            q += 1


class _Region(NamedTuple):  # (a tuple: built several times faster than a frozen dataclass)
    start: int  # in the line
    end: int
    segments: tuple[tuple[int, int], ...]  # (start, segment length) of each k-fold segment

    @property
    def collapsed_len(self) -> int:
        return sum(n for _, n in self.segments)

    @property
    def longest(self) -> int:
        return max(n for _, n in self.segments)


def _regions(text: str, k: int) -> list[_Region]:
    regions: list[_Region] = []
    segs: list[tuple[int, int]] = []
    start = end = -1
    if len(text) < k:
        return regions
    longest = min(MAX_SEGMENT, len(text) // k)
    for at, n in _segments(text, k, longest):
        q = at + k * n
        if text[at:at + n].isspace():
            continue
        if segs and at == end:
            segs.append((at, n))
            end = q
            continue
        if segs:
            regions.append(_Region(start, end, tuple(segs)))
        segs, start, end = [(at, n)], at, q
    if segs:
        regions.append(_Region(start, end, tuple(segs)))
    return regions


_MARKER_ONLY = re.compile(r"^(?:\d{1,2}|[一二三四五六七八九十]{1,3})[、.．]$|^[（(][一二三四五六七八九十\d]{1,3}[)）]$")


def _collapsed(region: _Region, text: str) -> str:
    return "".join(text[s : s + n] for s, n in region.segments)


_RUN_END = set("：:。；;")


def _split_at_run_ends(regions: list[_Region], text: str, k: int) -> list[_Region]:
    """Split regions after a run-ending punctuation segment ("…检查：：" | "天天…").

    A bold lead ends with its colon or full stop; what follows must qualify as bold on its
    own, so plain prose that happens to start with a reduplication ("：天天…") stays intact.
    """
    out: list[_Region] = []
    for r in regions:
        segs: list[tuple[int, int]] = []
        for s, n in r.segments:
            segs.append((s, n))
            if n == 1 and text[s] in _RUN_END:
                out.append(_Region(segs[0][0], s + n * k, tuple(segs)))
                segs = []
        if segs:
            out.append(_Region(segs[0][0], r.end, tuple(segs)))
    return out


def _acceptable(region: _Region, text: str, k: int, continues_bold: bool) -> bool:
    if k == 2 and region.longest < 3 and not continues_bold:
        return False
    at_start = region.start == 0 or text[:region.start].isspace()
    after_punct = region.start > 0 and text[region.start - 1] in _RUN_START_AFTER
    if at_start and continues_bold:
        return True  # the tail of a bold heading wrapped from the previous line ("划划划划")
    if at_start and _MARKER_ONLY.match(_collapsed(region, text)):
        return True  # a bold list marker before plain text ("3333、、、、街巷保洁巡查…")
    if region.collapsed_len < MIN_REGION:
        return False
    return at_start or after_punct


_STARTS = re.compile("[" + re.escape("".join(sorted(_RUN_START_AFTER))) + "]")


def _may_repeat(text: str, k: int) -> bool:
    """Whether a k-fold region could start where a bold run can (the line's start, or after
    punctuation or a space): a region the rules accept starts there with a k-fold segment, so a
    line without one has none — and the segment search runs at a few positions, not at every
    character (a web text's paragraph is one line of thousands of characters)."""
    if len(text) < k:
        return False
    longest = min(MAX_SEGMENT, len(text) // k)
    n = _segment_at(text, 0, k, longest)
    if n and not text[:n].isspace():
        return True
    for p in _STARTS.finditer(text):
        q = p.end()
        if q < len(text) and text.find(text[q], q + 1, q + longest + 1) < 0:
            continue  # (the usual start: its character does not come back soon, see _segment_at)
        n = _segment_at(text, q, k, longest)
        if n and not text[q:q + n].isspace():
            return True
    return False


def _segment_at(text: str, q: int, k: int, longest: int) -> int:
    """The length of the shortest segment of at most ``longest`` characters that stands k times in
    a row from ``q`` (the lazy ``(.{1,longest}?)\\1{k-1}`` matched at ``q``), 0 when none.

    A segment of n characters repeats its first character at q + n: only where that character
    comes back are the copies compared (the pattern tried every n from 1 up)."""
    end = len(text)
    if q >= end:
        return 0
    c = text[q]
    stop = q + longest + 1
    j = text.find(c, q + 1, stop)
    while j >= 0:
        n = j - q
        if q + k * n > end:
            return 0  # (a longer segment fits even less)
        seg = text[q:j]
        i = 1
        while i < k and text.startswith(seg, q + i * n):
            i += 1
        if i == k:
            return n
        j = text.find(c, j + 1, stop)
    return 0


def _repeat_starts(text: str) -> list[int]:
    """The positions where :func:`_may_repeat` looks for a segment (the line's start, after
    punctuation or a space) at which one stands at least twice: the only ones where one can stand
    k times, for any k (k copies are two copies, and the window for two is the widest)."""
    if len(text) < 2:
        return []
    longest = min(MAX_SEGMENT, len(text) // 2)
    out = [0] if _segment_at(text, 0, 2, longest) else []
    for p in _STARTS.finditer(text):
        q = p.end()
        if q < len(text) and text.find(text[q], q + 1, q + longest + 1) >= 0 and _segment_at(text, q, 2, longest):
            out.append(q)
    return out


def _may_repeat_at(text: str, k: int, starts: list[int]) -> bool:
    """:func:`_may_repeat` with the line's :func:`_repeat_starts` known."""
    if not starts or len(text) < k:
        return False
    longest = min(MAX_SEGMENT, len(text) // k)
    for q in starts:
        n = _segment_at(text, q, k, longest)
        if n and not text[q:q + n].isspace():
            return True
    return False


def detect_repeat_factor(lines: Sequence[str]) -> int:
    """The fake-bold repeat factor k of a text dump (4, 3 or 2), or 1 when there is none.

    Evidence is a region that the collapse rules accept and that collapses to at least four
    characters with a segment of at least two; k = 4 is tried before 2 because a 4-fold
    repetition is also 2-fold.

    >>> detect_repeat_factor(["正文", "第一、第一、第一、最低生活保障最低生活保障最低生活保障", "其余"])
    3
    """
    starts: list[list[int] | None] = [None] * len(lines)  # each line's, found when first needed
    for k in (4, 3, 2):
        for i, line in enumerate(lines):
            at = starts[i]
            if at is None:
                at = starts[i] = _repeat_starts(line)
            if not _may_repeat_at(line, k, at):
                continue
            for r in _regions(line, k):
                if r.collapsed_len >= 4 and r.longest >= 2 and _acceptable(r, line, k, False):
                    return k
    return 1


def collapse_line(line: Chars, k: int, continues_bold: bool = False) -> tuple[Chars, bool]:
    """Collapse the fake-bold regions of one line; returns the new line and whether it ends bold."""
    if k < 2:
        return line, False
    text = line.text
    regions = _regions(text, k) if _may_repeat(text, k) else []
    if not regions:
        return line, False  # most lines: nothing repeated, nothing to copy
    out_t: list[str] = []
    out_s: list[int] = []
    out_b: list[bool] = []
    pos = 0
    ends_bold = False
    first = True
    for region in _split_at_run_ends(regions, text, k):
        if not _acceptable(region, text, k, continues_bold and first):
            first = False
            continue
        first = False
        # keep what precedes the region verbatim
        out_t.append(text[pos:region.start])
        out_s.extend(line.src[pos:region.start])
        out_b.extend(line.bold[pos:region.start])
        for s, n in region.segments:
            out_t.append(text[s : s + n])
            out_s.extend(line.src[s : s + n])
            out_b.extend([True] * n)
        pos = region.end
        ends_bold = text[region.end :].strip() == ""
    out_t.append(text[pos:])
    out_s.extend(line.src[pos:])
    out_b.extend(line.bold[pos:])
    if pos == 0:
        return line, False
    return Chars("".join(out_t), out_s, out_b), ends_bold


def repair_fake_bold(lines: Sequence[Chars], k: int | None = None) -> list[Chars]:
    """Collapse k-fold repetition in every line (k found from the data when not given).

    Blank lines between a bold line and its wrapped continuation do not break the chain.
    """
    if k is None:
        k = detect_repeat_factor([ln.text for ln in lines])
    if k < 2:
        return list(lines)
    out: list[Chars] = []
    prev_bold_end = False
    for ln in lines:
        if not ln.text.strip():
            out.append(ln)
            continue
        new, ends_bold = collapse_line(ln, k, prev_bold_end)
        out.append(new)
        prev_bold_end = ends_bold
    return out
