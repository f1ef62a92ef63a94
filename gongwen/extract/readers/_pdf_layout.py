"""From the glyphs of one PDF page to :class:`RawLine` objects, the same for both engines.

Steps, all linear in the number of glyphs (apart from sorting):

1. **Bold.**  A glyph in a bold face (font name with Bold/Heavy/Black, or Word's synthetic
   ``SimSun,Bold``) is bold.  **Fake bold:** word processors "bold" a font that has no bold
   face by drawing every glyph 2-4 times at sub-point offsets (sometimes in another font).
   A glyph whose text equals a glyph already kept within ``DEDUPE_TOLERANCE`` points in both
   x and y is a copy: it is dropped and the kept glyph is flagged bold.  A hash grid on
   rounded positions makes this O(n), where pdfplumber's ``dedupe_chars`` is O(n^2) and keys
   on the font name.
2. **Lines in position order.**  Glyphs are grouped into lines by their vertical centre and
   sorted by x, never read in content-stream order.
3. **Spaces.**  A single space is inserted where the gap between two glyphs exceeds
   ``SPACE_GAP`` x the font size, so "OA 平台" keeps its space (the cleaner later removes
   spurious spaces between CJK characters and digits).
4. **Tables** (regions found by pdfplumber's table finder) become ``table_row`` lines whose
   cells are built from the same de-duplicated glyphs.
5. **Page furniture.**  Page numbers in the header/footer band (``data/pdf_page_furniture.yaml``)
   are dropped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex
import yaml

from ._pdf_interp import Glyph
from .raw import RawLine

#: Two copies of a glyph closer than this (points, in x and in y) are one over-printed glyph.
DEDUPE_TOLERANCE = 1.0
#: A horizontal gap wider than this fraction of the font size becomes one space.
SPACE_GAP = 0.2
#: Text of a glyph pdfminer could not map to Unicode.
UNMAPPED = "\ufffd"

Box = tuple[float, float, float, float]


@dataclass(slots=True)
class Kept:
    """A de-duplicated glyph: one character, its box, whether it was over-printed."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool = False

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(frozen=True)
class TableGeom:
    """A table found on a page: its box and, per row, the cell boxes (merged cells once)."""

    bbox: Box
    rows: tuple[tuple[Box, ...], ...]


@dataclass
class PageText:
    """The result for one page: its lines in reading order and what the error checks need."""

    lines: list[RawLine]
    glyph_count: int  # non-space glyphs after de-duplication
    unmapped: int  # glyphs without a Unicode mapping


@lru_cache(maxsize=1)
def _furniture() -> tuple[float, int, tuple[regex.Pattern[str], ...]]:
    data = yaml.safe_load(resources.files("gongwen.extract").joinpath("data/pdf_page_furniture.yaml")
                          .read_text(encoding="utf-8"))
    pats = tuple(regex.compile(p) for p in data["patterns"])
    return float(data["band"]), int(data["lines_per_end"]), pats


def is_page_number(text: str) -> bool:
    """True for a page-number line such as ``— 3 —`` or ``第 3 页 共 9 页``.

    >>> is_page_number("— 3 —"), is_page_number("第 3 页 共 9 页"), is_page_number("3 个")
    (True, True, False)
    """
    t = text.strip()
    return bool(t) and any(p.fullmatch(t) for p in _furniture()[2])


_BOLD_FACE = regex.compile(r"(?i)bold|heavy|black|,\s*b$")


@lru_cache(maxsize=256)
def _bold_face(fontname: str) -> bool:
    """True for a bold face by name: ``ABCDEF+NotoSansCJK-Bold``, ``SimSun,Bold``, ``Arial-Black``.

    >>> _bold_face("DAAAAA+NotoSansCJKjp-Bold-VKana"), _bold_face("SimSun,Bold"), _bold_face("STSong-Light")
    (True, True, False)
    """
    return bool(_BOLD_FACE.search(fontname.split("+", 1)[-1]))


def dedupe(glyphs: Sequence[Glyph], width: float, height: float) -> list[Kept]:
    """Drop over-printed copies (flagging the kept glyph bold) and glyphs off the page."""
    tol = DEDUPE_TOLERANCE
    cell = 2 * tol
    grid: dict[tuple[str, int, int], list[Kept]] = {}
    kept: list[Kept] = []
    for text, x0, top, x1, bottom, size, fontname in glyphs:
        face_bold = _bold_face(fontname)
        if x1 < 0 or x0 > width or bottom < 0 or top > height:
            continue
        if text.startswith("(cid:") and text.endswith(")"):
            text = UNMAPPED
        if len(text) != 1:
            if not text:
                continue
            # A ligature or a multi-character mapping: split the box evenly.
            step = (x1 - x0) / len(text)
            parts = [(ch, x0 + i * step, x0 + (i + 1) * step) for i, ch in enumerate(text)]
        else:
            parts = [(text, x0, x1)]
        for ch, a0, a1 in parts:
            if ch < " " or ch == "\x7f":
                continue  # control characters carry no text
            # Cells are 2*tol wide: anything within tol lies in this cell or the nearer neighbour.
            fx, fy = a0 / cell, top / cell
            cx, cy = int(fx // 1), int(fy // 1)
            nx = cx - 1 if fx - cx < 0.5 else cx + 1
            ny = cy - 1 if fy - cy < 0.5 else cy + 1
            dup = None
            for key in ((ch, cx, cy), (ch, nx, cy), (ch, cx, ny), (ch, nx, ny)):
                bucket = grid.get(key)
                if bucket:
                    for k in bucket:
                        if abs(k.x0 - a0) <= tol and abs(k.top - top) <= tol:
                            dup = k
                            break
                    if dup is not None:
                        break
            if dup is not None:
                if ch != " ":
                    dup.bold = True
                continue
            k = Kept(ch, a0, top, a1, bottom, size, face_bold and ch != " ")
            grid.setdefault((ch, cx, cy), []).append(k)
            kept.append(k)
    return kept


def group_lines(glyphs: Sequence[Kept]) -> list[list[Kept]]:
    """Group glyphs into lines by vertical centre; each line sorted by x, lines top to bottom."""
    order = sorted(glyphs, key=lambda g: g.cy)
    lines: list[list[Kept]] = []
    ref_cy = ref_h = 0.0
    for g in order:
        h = g.bottom - g.top
        if lines and abs(g.cy - ref_cy) <= 0.5 * min(h, ref_h):
            lines[-1].append(g)
            continue
        lines.append([g])
        ref_cy, ref_h = g.cy, h
    for ln in lines:
        ln.sort(key=lambda g: g.x0)
    lines.sort(key=lambda ln: min(g.top for g in ln))
    return lines


def _line_parts(line: Sequence[Kept]) -> tuple[str, list[bool], list[Box]]:
    """Text, bold flags and boxes of one line, with gap spaces inserted and spaces collapsed."""
    chars: list[str] = []
    bold: list[bool] = []
    boxes: list[Box] = []
    prev: Kept | None = None
    for g in line:
        if prev is not None and g.text != " " and chars and chars[-1] != " ":
            gap = g.x0 - prev.x1
            if gap > SPACE_GAP * max(g.size, prev.size):
                chars.append(" ")
                bold.append(prev.bold and g.bold)
                boxes.append((prev.x1, min(prev.top, g.top), g.x0, max(prev.bottom, g.bottom)))
        if g.text == " " and (not chars or chars[-1] == " "):
            prev = g
            continue
        chars.append(g.text)
        bold.append(g.bold)
        boxes.append((g.x0, g.top, g.x1, g.bottom))
        prev = g
    while chars and chars[-1] == " ":
        chars.pop()
        bold.pop()
        boxes.pop()
    return "".join(chars), bold, boxes


def _common_size(line: Sequence[Kept]) -> float | None:
    sizes = Counter(round(g.size, 1) for g in line if g.text != " ")
    return sizes.most_common(1)[0][0] if sizes else None


def _inside(g: Kept, box: Box) -> bool:
    cx = (g.x0 + g.x1) / 2
    return box[0] <= cx <= box[2] and box[1] <= g.cy <= box[3]


def _table_rows(table: TableGeom, glyphs: list[Kept]) -> list[tuple[float, RawLine]]:
    rows: list[tuple[float, RawLine]] = []
    for cells in table.rows:
        texts: list[str] = []
        bold: list[bool] = []
        boxes: list[Box] = []
        spans: list[tuple[int, int]] = []
        for ci, cell in enumerate(cells):
            if ci:
                texts.append("\t")
                bold.append(False)
                boxes.append((cells[ci - 1][2], cell[1], cell[0], cell[3]))
            start = sum(len(t) for t in texts)
            inner = [g for g in glyphs if _inside(g, cell)]
            for li, ln in enumerate(group_lines(inner)):
                t, b, bx = _line_parts(ln)
                if li and t:
                    texts.append(" ")
                    bold.append(False)
                    boxes.append(bx[0])
                texts.append(t)
                bold.extend(b)
                boxes.extend(bx)
            spans.append((start, sum(len(t) for t in texts)))
        text = "".join(texts)
        top = min(c[1] for c in cells) if cells else table.bbox[1]
        rows.append((top, RawLine(text=text, bold=bold, boxes=boxes, kind="table_row", cells=spans)))
    return rows


def _centered(x0: float, x1: float, size: float | None, block: tuple[float, float], width: float) -> bool:
    """Laid out centred: more than a two-character indent, equal margins to the text block or page."""
    size = size or 10.0
    tol = max(2.0, 0.25 * size)
    if x0 - block[0] <= 2.5 * size:  # starts at (or near) the left edge of the text
        return False
    return any(abs((x0 - left) - (right - x1)) <= tol for left, right in (block, (0.0, width)))


def layout_page(glyphs: Sequence[Glyph], page_no: int, width: float, height: float,
                tables: Sequence[TableGeom] = ()) -> PageText:
    """Turn one page's glyphs (drawing order) into RawLines in reading order."""
    kept = dedupe(glyphs, width, height)
    unmapped = sum(1 for g in kept if g.text == UNMAPPED)
    count = sum(1 for g in kept if g.text != " ")
    items: list[tuple[float, RawLine]] = []
    body = kept
    if tables:
        body = [g for g in kept if not any(_inside(g, t.bbox) for t in tables)]
        for t in tables:
            items.extend(_table_rows(t, [g for g in kept if _inside(g, t.bbox)]))
    groups = [ln for ln in group_lines(body) if any(g.text != " " for g in ln)]
    block = (min((ln[0].x0 for ln in groups), default=0.0), max((ln[-1].x1 for ln in groups), default=width))
    for ln in groups:
        text, bold, boxes = _line_parts(ln)
        if not text:
            continue
        size = _common_size(ln)
        line = RawLine(text=text, bold=bold, boxes=boxes, size=size,
                       centered=_centered(boxes[0][0], boxes[-1][2], size, block, width))
        items.append((min(g.top for g in ln), line))
    items.sort(key=lambda it: it[0])
    out = _drop_furniture(items, height)
    for i, raw_line in enumerate(out, start=1):
        raw_line.page = page_no
        raw_line.index = i
    return PageText(lines=out, glyph_count=count, unmapped=unmapped)


def _drop_furniture(items: list[tuple[float, RawLine]], height: float) -> list[RawLine]:
    band, per_end, _ = _furniture()
    drop: set[int] = set()
    n = len(items)
    for i in range(min(per_end, n)):  # header band, from the top
        top, ln = items[i]
        in_band = bool(ln.boxes) and max(b[3] for b in ln.boxes or ()) < height * band
        if ln.kind == "text" and in_band and is_page_number(ln.text):
            drop.add(i)
    for i in range(n - 1, max(n - 1 - per_end, -1), -1):  # footer band, from the bottom
        top, ln = items[i]
        if ln.kind == "text" and top > height * (1 - band) and is_page_number(ln.text):
            drop.add(i)
    return [ln for i, (_, ln) in enumerate(items) if i not in drop]
