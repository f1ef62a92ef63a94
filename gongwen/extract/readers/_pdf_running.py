"""Running heads and footers of a PDF: the same words at the same place on most of its pages.

A report printed with a running head (its title or issuer above the text block) or a footer
line (an office's name, a print note) repeats those words on every page, in the margin above or
below the body.  Read as text they break into the paragraph a page break cuts, or stand as a
paragraph of their own between two halves of one.  The body's margins are the same on every
page, so a line among the first or last few of its page, in the header or footer band
(``data/pdf_page_furniture.yaml``), whose words (its numbers aside: "第 3 页") stand at the same
height on at least half the pages (two at least) is the page's furniture and is dropped; the
title on the first page, lower than the running head that repeats it, is kept.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import regex

from ._pdf_layout import _furniture
from .raw import RawLine

#: Two lines this close in height (points) stand at the same place on their pages.
SAME_PLACE = 3.0
_NUMBER = regex.compile(r"\d+")
_SPACE = regex.compile(r"\s+")


def _words(ln: RawLine) -> str:
    """The line's words with its numbers left out (the page number a footer carries)."""
    return _SPACE.sub("", _NUMBER.sub("#", ln.text))


def drop_running(lines: Sequence[RawLine], heights: Mapping[int, float]) -> list[RawLine]:
    """``lines`` without the running heads and footers; each page's lines numbered again."""
    band, per_end, _ = _furniture()
    pages: dict[int, list[RawLine]] = {}
    for ln in lines:
        if ln.page is not None and ln.kind == "text" and ln.boxes:
            pages.setdefault(ln.page, []).append(ln)
    if len(pages) < 2:
        return list(lines)
    seen: dict[tuple[str, str], list[tuple[float, int, RawLine]]] = {}
    for page, group in pages.items():
        height = heights.get(page)
        if not height:
            continue
        for end, ends in (("head", group[:per_end]), ("foot", group[-per_end:])):
            for ln in ends:
                top = min(b[1] for b in ln.boxes or ())
                bottom = max(b[3] for b in ln.boxes or ())
                if (bottom < height * band if end == "head" else top > height * (1 - band)) and _words(ln):
                    seen.setdefault((end, _words(ln)), []).append((top, page, ln))
    need = max(2, (len(pages) + 1) // 2)
    drop: set[int] = set()
    for found in seen.values():
        found.sort(key=lambda f: f[0])
        start = 0
        for k in range(1, len(found) + 1):
            if k == len(found) or found[k][0] - found[k - 1][0] > SAME_PLACE:
                run = found[start:k]
                if len({page for _, page, _ in run}) >= need:
                    drop.update(id(ln) for _, _, ln in run)
                start = k
    if not drop:
        return list(lines)
    out = [ln for ln in lines if id(ln) not in drop]
    index: dict[int | None, int] = {}
    for ln in out:
        index[ln.page] = ln.index = index.get(ln.page, 0) + 1
    return out
