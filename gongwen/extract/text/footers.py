"""Page numbers left inside text dumps: found, checked against each other, cut out.

A PDF-to-text converter keeps each page's footer ("— 3 —", "第 2 页 共 6 页", "5/7") in the
text, usually on a line of its own, sometimes run into a line ("…全年累计发放第 2 页 共 6 页补贴资金…")
where it joined the page's last line with the footer.  The shapes live in
``data/pdf_page_furniture.yaml``; a shape that prose could also write (a bare number, "5/7",
"第5页") counts only when the footers of neighbouring pages confirm it, so "第3季度" and
"共7个" are never touched.  Nothing is edited: :func:`find_footers` returns the character
ranges to leave out, and the cleaner builds the canonical text without them (the removed
characters simply have no canonical position).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Any

import regex

from ..._data import package_yaml, rx
from ..._frozen import quick_init

_TRIM = " \t\u3000\u00a0\f\v"
_DIGIT = regex.compile(r"\d")


@dataclass(frozen=True)
class _Shape:
    name: str
    pattern: Any  # compiled regex with groups n (and m)
    needs: str
    alone: str  # always | sequence
    glued: str  # always | sequence | never


@dataclass(frozen=True)
class _Rules:
    shapes: tuple[_Shape, ...]
    min_apart: int


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = package_yaml("gongwen.extract", "data/pdf_page_furniture.yaml")["text_dump"]
    shapes = tuple(_Shape(s["name"], rx(s["pattern"]), s.get("needs", ""), s["alone"], s["glued"])
                   for s in data["shapes"])
    return _Rules(shapes, int(data["min_lines_apart"]))


@quick_init
@dataclass(frozen=True)
class _Candidate:
    line: int
    start: int
    end: int
    shape: int  # index into the shapes
    number: int
    rank: int  # position among the non-blank lines
    proven: bool  # the shape proves itself here (no confirmation needed)


def _number_ok(m: Any) -> bool:
    n = int(m["n"])
    total = m.groupdict().get("m")
    return n >= 1 and (total is None or n <= int(total))


def find_footers(texts: Sequence[str]) -> dict[int, list[tuple[int, int]]]:
    """Page-number footers in the lines of a text dump: line index → ``(start, end)`` ranges.

    A whole-line footer is given as the whole line.

    >>> lines = ["正文第一行", "— 1 —"] + ["正文"] * 6 + ["— 2 —", "第3季度共7个"]
    >>> find_footers(lines)
    {1: [(0, 5)], 8: [(0, 5)]}
    """
    r = _rules()
    every = list(enumerate(r.shapes))
    free = [(k, sh) for k, sh in every if not sh.needs]  # the shapes a line without their characters can take
    needed = frozenset("".join(sh.needs for sh in r.shapes))
    cands: list[_Candidate] = []
    rank = -1
    for i, t in enumerate(texts):
        stripped = t.strip(_TRIM)
        if not stripped:
            continue
        rank += 1
        if not _DIGIT.search(stripped):
            continue
        # the shapes' required characters that the line holds (never trimmed ones): a look-up of
        # each of the few, not a set of the line's characters (a web page's line is a paragraph)
        chars = frozenset(c for c in needed if c in t)
        shapes = free if not chars else every
        whole = None
        for k, sh in shapes:
            if sh.needs and chars.isdisjoint(sh.needs):
                continue
            m = sh.pattern.fullmatch(stripped)
            if m and _number_ok(m):
                whole = _Candidate(i, 0, len(t), k, int(m["n"]), rank, sh.alone == "always")
                break
        if whole is not None:
            cands.append(whole)
            continue
        for k, sh in shapes:
            if sh.glued == "never" or (sh.needs and chars.isdisjoint(sh.needs)):
                continue
            for m in sh.pattern.finditer(t):
                if _number_ok(m) and not any(c.line == i and c.start < m.end() and m.start() < c.end
                                             for c in cands[-4:]):
                    cands.append(_Candidate(i, m.start(), m.end(), k, int(m["n"]), rank, sh.glued == "always"))
    out: dict[int, list[tuple[int, int]]] = {}
    for j, c in enumerate(cands):
        if c.proven or _confirmed(cands, j, r.min_apart):
            out.setdefault(c.line, []).append((c.start, c.end))
    for ranges in out.values():
        ranges.sort()
    return out


def _confirmed(cands: Sequence[_Candidate], j: int, min_apart: int, reach: int = 3) -> bool:
    """Another footer of the same shape a page or two before or after ``cands[j]``."""
    c = cands[j]
    for order, before in ((range(j - 1, -1, -1), True), (range(j + 1, len(cands)), False)):
        for o in islice((cands[d] for d in order if cands[d].shape == c.shape), reach):
            first, last = (o, c) if before else (c, o)
            if last.rank - first.rank >= min_apart and 1 <= last.number - first.number <= 2:
                return True
    return False
