"""From what an OCR engine recognised on one page to :class:`RawLine` objects in reading order.

The engine gives *fragments*: a piece of text, the quadrilateral it fills on the image, and,
per character, a confidence and a quadrilateral.  This module turns them into the lines the
PDF reader would have produced for the same page, so clean → outline → figures run unchanged:

1. **Skew.**  The median angle of the fragments' long edges is the page's skew; every point is
   rotated back by it about the image centre, so lines are level and their left edges line up
   (the cleaner reads indents and full lines from the boxes).
2. **Lines.**  Fragments are grouped by vertical centre, as glyphs are, and sorted by x; a
   gap wider than ``space_gap`` characters becomes a space, one wider than ``cell_gap`` a cell
   border.  A run of rows with ``min_cells`` cells or more becomes ``table_row`` lines.
3. **Marks.**  Half-width marks beside Chinese text become full-width (the recogniser reads
   ``（`` as ``(``), a full-width comma between digit groups a thousands comma; spaces the
   recogniser saw beside a full-width mark (which carries its own blank) are dropped.
4. **Reading order and furniture** as on a PDF page: top to bottom (title, body, signature),
   page numbers in the footer band dropped (``data/pdf_page_furniture.yaml``).

Boxes are PDF points in the page's deskewed frame (rotated by the skew about the page
centre; the skew is recorded per page), with the confidence of every character alongside.
"""

from __future__ import annotations

import math
import statistics
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..._data import package_yaml
from ._pdf_layout import _centered, _drop_furniture
from .raw import RawLine

Box = tuple[float, float, float, float]
Point = Sequence[float]


@dataclass
class Fragment:
    """One piece of text as the engine recognised it (image pixels).

    ``quad``: four corners, clockwise from top-left; ``chars``: ``(char, confidence, quad)``
    for the non-space characters of ``text`` in order (empty when the engine gives none);
    ``strokes``: the stroke width measured in each of those characters' boxes (bold cue).
    """

    text: str
    quad: Sequence[Point]
    score: float
    chars: Sequence[tuple[str, float, Sequence[Point]]] = ()
    strokes: Sequence[float] = ()


@dataclass
class _Piece:
    """A fragment in deskewed page points, one entry per character."""

    chars: list[str]
    conf: list[float]
    boxes: list[Box]
    strokes: list[float]  # stroke width per character (0: not measured)
    top: float
    bottom: float

    @property
    def x0(self) -> float:
        return self.boxes[0][0]

    @property
    def x1(self) -> float:
        return self.boxes[-1][2]

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class _Row:
    pieces: list[_Piece] = field(default_factory=list)
    cells: list[list[_Piece]] = field(default_factory=list)
    size: float = 10.0


@lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    """The OCR data table (``data/ocr.yaml``)."""
    data: dict[str, Any] = package_yaml("gongwen.extract", "data/ocr.yaml")
    return data


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E


def _fullwidth_mark(ch: str) -> bool:
    o = ord(ch)
    return 0x3001 <= o <= 0x303F or 0xFF01 <= o <= 0xFF0F or 0xFF1A <= o <= 0xFF20 or 0xFF3B <= o <= 0xFF40 \
        or 0xFF5B <= o <= 0xFF5E or ch in "“”‘’—…·"


def estimate_skew(frags: Sequence[Fragment]) -> float:
    """The page's skew in degrees (positive: lines fall to the right), from long fragments.

    >>> estimate_skew([Fragment("x", [(0, 0), (100, 2), (100, 12), (0, 10)], 1.0)])  # doctest: +ELLIPSIS
    1.14...
    """
    angles: list[float] = []
    weights: list[float] = []
    for f in frags:
        q = f.quad
        for a, b in ((q[0], q[1]), (q[3], q[2])):
            dx, dy = b[0] - a[0], b[1] - a[1]
            h = math.dist(q[0], q[3])
            if dx > 3 * max(h, 1.0):
                angles.append(math.degrees(math.atan2(dy, dx)))
                weights.append(dx)
    if not angles:
        return 0.0
    order = sorted(range(len(angles)), key=lambda i: angles[i])
    half, acc = sum(weights) / 2, 0.0
    for i in order:  # weighted median: long lines count more than short ones
        acc += weights[i]
        if acc >= half:
            skew = angles[i]
            break
    limit = float(settings()["layout"]["max_skew_degrees"])
    return skew if abs(skew) <= limit else 0.0


class _Frame:
    """Image pixels → deskewed PDF points."""

    def __init__(self, skew: float, width_px: float, height_px: float, scale: float) -> None:
        t = math.radians(skew)
        self.cos, self.sin = math.cos(t), math.sin(t)
        self.cx, self.cy = width_px / 2, height_px / 2
        self.scale = scale

    def box(self, quad: Sequence[Point]) -> Box:
        xs, ys = [], []
        for x, y in quad:
            dx, dy = x - self.cx, y - self.cy
            xs.append(self.cx + dx * self.cos + dy * self.sin)
            ys.append(self.cy - dx * self.sin + dy * self.cos)
        s = self.scale
        return (min(xs) / s, min(ys) / s, max(xs) / s, max(ys) / s)


def _piece(f: Fragment, frame: _Frame) -> _Piece | None:
    text = f.text.strip()
    if not text:
        return None
    x0, top, x1, bottom = frame.box(f.quad)
    chars: list[str] = []
    conf: list[float] = []
    strokes: list[float] = []
    xs: list[tuple[float, float] | None] = []
    j = 0
    aligned = True
    for ch in text:
        if ch.isspace():
            chars.append(" ")
            conf.append(1.0)
            strokes.append(0.0)
            xs.append(None)
            continue
        if j < len(f.chars) and f.chars[j][0] == ch:
            b = frame.box(f.chars[j][2])
            chars.append(ch)
            conf.append(float(f.chars[j][1]))
            strokes.append(float(f.strokes[j]) if j < len(f.strokes) else 0.0)
            xs.append((b[0], b[2]))
            j += 1
        else:
            aligned = False
            break
    if not aligned or j != len(f.chars) or not f.chars:
        step = (x1 - x0) / len(text)  # no usable character boxes: share the fragment's width
        chars = [" " if c.isspace() else c for c in text]
        conf = [1.0 if c == " " else float(f.score) for c in chars]
        strokes = [0.0] * len(chars)
        xs = [(x0 + i * step, x0 + (i + 1) * step) for i in range(len(chars))]
    boxes: list[Box] = []
    for i, span in enumerate(xs):
        if span is None:  # a space: from the previous character's end to the next one's start
            left = boxes[-1][2] if boxes else x0
            nxt = next((s for s in xs[i + 1:] if s is not None), None)
            span = (left, max(left, nxt[0] if nxt else left))
        boxes.append((span[0], top, span[1], bottom))
    return _Piece(chars, conf, boxes, strokes, top, bottom)


def _char_size(pieces: Sequence[_Piece]) -> float:
    """A line's character size in points: the median pitch of neighbouring Chinese characters."""
    pitches = [p.boxes[i + 1][0] - p.boxes[i][0] for p in pieces for i in range(len(p.chars) - 1)
               if _is_cjk(p.chars[i]) and _is_cjk(p.chars[i + 1]) and not _fullwidth_mark(p.chars[i])]
    pitches = [d for d in pitches if d > 0]
    if len(pitches) >= 2:
        return float(statistics.median(pitches))
    return max(1.0, 0.75 * statistics.median(p.bottom - p.top for p in pieces))


def _regularise(p: _Piece, size: float) -> None:
    """Character boxes like a PDF's glyph boxes: a full-width character ``size`` wide, a
    half-width one half as wide, centred where the recogniser saw it (its own boxes are narrower
    than the type, and the cleaner reads full lines and indents from glyph widths)."""
    for i, c in enumerate(p.chars):
        if c == " ":
            continue
        x0, top, x1, bottom = p.boxes[i]
        half = (size if unicodedata.east_asian_width(c) in "WF" else size / 2) / 2
        p.boxes[i] = ((x0 + x1) / 2 - half, top, (x0 + x1) / 2 + half, bottom)
    for i, c in enumerate(p.chars):
        if c == " ":
            left = p.boxes[i - 1][2] if i else p.boxes[i][0]
            right = next((b[0] for b, ch in zip(p.boxes[i + 1:], p.chars[i + 1:]) if ch != " "), left)
            p.boxes[i] = (left, p.top, max(left, right), p.bottom)


def _rows(pieces: list[_Piece]) -> list[_Row]:
    """Group pieces into rows by vertical centre; each row sorted by x, rows top to bottom."""
    rows: list[_Row] = []
    ref_cy = ref_h = 0.0
    for p in sorted(pieces, key=lambda p: p.cy):
        h = p.bottom - p.top
        if rows and abs(p.cy - ref_cy) <= 0.5 * min(h, ref_h):
            rows[-1].pieces.append(p)
            continue
        rows.append(_Row([p]))
        ref_cy, ref_h = p.cy, h
    lay = settings()["layout"]
    for row in rows:
        row.pieces.sort(key=lambda p: p.x0)
        row.size = _char_size(row.pieces)
        for p in row.pieces:
            _regularise(p, row.size)
        row.cells = [[row.pieces[0]]]
        for a, b in zip(row.pieces, row.pieces[1:]):
            if b.x0 - a.x1 > lay["cell_gap"] * row.size:
                row.cells.append([b])
            else:
                row.cells[-1].append(b)
    rows.sort(key=lambda r: min(p.top for p in r.pieces))
    return rows


_Chars = tuple[list[str], list[float], list[Box], list[float]]


def _join(pieces: Sequence[_Piece], size: float) -> _Chars:
    """Characters, confidences, boxes and stroke widths of pieces side by side on one line."""
    chars: list[str] = []
    conf: list[float] = []
    boxes: list[Box] = []
    strokes: list[float] = []
    gap = settings()["layout"]["space_gap"] * size
    for k, p in enumerate(pieces):
        if k and p.x0 - pieces[k - 1].x1 > gap:
            prev = pieces[k - 1]
            chars.append(" ")
            conf.append(1.0)
            strokes.append(0.0)
            boxes.append((prev.x1, min(prev.top, p.top), p.x0, max(prev.bottom, p.bottom)))
        chars.extend(p.chars)
        conf.extend(p.conf)
        boxes.extend(p.boxes)
        strokes.extend(p.strokes)
    return chars, conf, boxes, strokes


def _bold(chars: Sequence[str], strokes: Sequence[float], size: float, regular: float,
          carry: bool = False) -> list[bool]:
    """Bold flags from stroke widths over character size, against the page's ``regular`` ratio.

    One character's width says little (a glyph of many thin strokes measures thin), so the
    decision is made per stretch of Chinese characters between two marks (。，、：…): a stretch
    of ``min_bold_stretch`` characters or more whose mean ratio reaches ``bold_stroke_ratio`` is
    bold, as a run-in lead ending in 。 is.  Digits, Latin letters, marks (whose strokes differ
    by design) and short stretches take the flags of the stretches around them (a closing mark
    the one before it, an opening one the one after it); a line with no stretch long enough
    (``作用`` ending a wrapped heading) takes ``carry``, the flag that ended the line before.
    """
    lay = settings()["layout"]
    ratio = lay["bold_stroke_ratio"]
    flags = [False] * len(chars)
    if regular <= 0 or size <= 0:
        return flags
    stretches: list[list[int]] = [[]]
    for i, c in enumerate(chars):
        if _fullwidth_mark(c) or c in ",.;:!?()" or c == " ":
            if stretches[-1]:
                stretches.append([])
        elif _is_cjk(c) and strokes[i] > 0:
            stretches[-1].append(i)
    han: list[tuple[int, bool]] = []
    for st in stretches:
        if len(st) >= lay["min_bold_stretch"]:  # a numeral 一 of thin strokes alone is no evidence
            mean = sum(strokes[i] for i in st) / len(st) / size / regular
            han.extend((i, mean >= ratio) for i in st)
    if not han:
        return [carry and not c.isspace() for c in chars]
    for i, b in han:
        flags[i] = b
    k = 0
    for i in range(len(chars)):
        while k < len(han) and han[k][0] < i:
            k += 1
        if k < len(han) and han[k][0] == i:
            continue
        before = han[k - 1][1] if k > 0 else None
        after = han[k][1] if k < len(han) else None
        if chars[i] in _OPENING:
            flags[i] = bool(after if after is not None else before)
        elif chars[i] in _CLOSING:  # the 。 ending a bold lead is bold
            flags[i] = bool(before if before is not None else after)
        else:
            flags[i] = bool((before is None or before) and (after is None or after) and (before or after))
    return flags


_OPENING = "（(“‘《〔【「"
_CLOSING = "。，、：；！？）)”’》〕】」.,:;!?"


def normalise_marks(chars: list[str]) -> list[str]:
    """Full-width marks in Chinese context, thousands commas between digit groups, a dash read
    as 一 between numbers (in place, one character for one).

    >>> "".join(normalise_marks(list("(2)保障对象3，215户,共1,936人:不足40%;1万一2万")))
    '（2）保障对象3,215户，共1,936人：不足40%；1万—2万'
    """
    data = settings()
    wide: dict[str, str] = data["fullwidth"]
    group = int(data["thousands_group"])
    number_chars = data["number_chars"]
    dash_after: str = data["dash_after"]
    n = len(chars)

    def neighbour(i: int, step: int, skip: str = " ") -> str:
        j = i + step
        while 0 <= j < n and chars[j] in skip:
            j += step
        return chars[j] if 0 <= j < n else ""

    opened: list[int] = []
    pairs: dict[int, int] = {}
    for i, c in enumerate(chars):
        if c in "(（":
            opened.append(i)
        elif c in ")）" and opened:
            pairs[opened.pop()] = i
    for i, c in enumerate(chars):
        prev, nxt = neighbour(i, -1), neighbour(i, 1)
        if c == "，" and prev.isdigit():
            k = i + 1
            while k < n and chars[k].isdigit():
                k += 1
            if k - i - 1 == group and (k == n or not chars[k].isdigit()):
                chars[i] = ","
            continue
        if c == "一":
            before = prev.isdigit() or (prev in dash_after and i >= 2 and neighbour(i - 1, -1).isdigit())
            if before and (nxt.isdigit() or not nxt):  # 1000一3000, 1万一2万, a page number -4一
                chars[i] = "—"
            elif nxt.isdigit() and not prev and neighbour(i, 1, " 0123456789") in ("", "-", "—", "一"):
                chars[i] = "—"  # 一4—
            continue
        if c not in wide:
            continue
        if c == "," and prev.isdigit() and nxt.isdigit():
            continue  # 1,936
        if c == ":" and prev.isdigit() and nxt.isdigit():
            continue  # 10:30
        if c == "(" and i in pairs:
            close = pairs[i]
            around = (prev, nxt, neighbour(close, -1), neighbour(close, 1))
            if any(a and _is_cjk(a) for a in around):
                chars[i] = wide["("]
                if chars[close] == ")":
                    chars[close] = wide[")"]
            continue
        # the nearest letters on either side, past a number ("不足40%;"), decide the context
        before_text, after_text = neighbour(i, -1, number_chars), neighbour(i, 1, number_chars)
        if (before_text and _is_cjk(before_text)) or (after_text and _is_cjk(after_text)):
            chars[i] = wide[c]
    return chars


def _tidy(chars: list[str], conf: list[float], boxes: list[Box], strokes: list[float], size: float,
          regular: float, carry: bool = False) -> tuple[str, list[float], list[Box], list[bool]]:
    """Marks normalised; spaces beside a full-width mark, doubled or at the ends dropped; bold flags."""
    chars = normalise_marks(chars)
    bold = _bold(chars, strokes, size, regular, carry)
    keep = []
    for i, c in enumerate(chars):
        if c == " ":
            prev = chars[i - 1] if i else ""
            nxt = chars[i + 1] if i + 1 < len(chars) else ""
            if not prev or not nxt or prev == " " or _fullwidth_mark(prev) or _fullwidth_mark(nxt):
                continue
        keep.append(i)
    return ("".join(chars[i] for i in keep), [conf[i] for i in keep], [boxes[i] for i in keep],
            [bold[i] for i in keep])


def wrapped_thousands(lines: Sequence[RawLine]) -> None:
    """A line ending in "9，" before one starting "612人" wraps a number: the comma is a
    thousands comma (within a line :func:`normalise_marks` sees it).  Lines in reading order,
    page furniture removed (a number also wraps from one page to the next)."""
    group = int(settings()["thousands_group"])
    for a, b in zip(lines, lines[1:]):
        t = a.text
        if len(t) >= 2 and t[-1] == "，" and t[-2].isdigit() and a.kind == b.kind == "text":
            k = 0
            while k < len(b.text) and b.text[k].isdigit():
                k += 1
            if k == group and (k == len(b.text) or not b.text[k].isdigit()):
                a.text = t[:-1] + ","


def page_lines(frags: Sequence[Fragment], page_no: int, width: float, height: float, scale: float,
               image_size: tuple[int, int]) -> tuple[list[RawLine], float]:
    """RawLines of one recognised page in reading order, and the page's skew in degrees.

    ``width``/``height``: the page in PDF points; ``scale``: image pixels per point;
    ``image_size``: ``(width, height)`` of the image in pixels.
    """
    skew = estimate_skew(frags)
    frame = _Frame(skew, image_size[0], image_size[1], scale)
    pieces = [p for p in (_piece(f, frame) for f in frags) if p is not None]
    if not pieces:
        return [], skew
    rows = _rows(pieces)
    lay = settings()["layout"]
    # stroke width over character size: the same weight in a larger type has wider strokes
    han = [w / r.size for r in rows for p in r.pieces for c, w in zip(p.chars, p.strokes)
           if w > 0 and _is_cjk(c) and not _fullwidth_mark(c)]
    regular = float(statistics.median(han)) if han else 0.0  # most text on a page is regular
    table = [len(r.cells) >= lay["min_cells"] for r in rows]
    i = 0
    while i < len(rows):  # a table is a run of many-celled rows; a lone one is not
        j = i
        while j < len(rows) and table[j]:
            j += 1
        if j - i < lay["min_rows"]:
            for k in range(i, j):
                table[k] = False
        i = j + 1
    items: list[tuple[float, RawLine]] = []
    lines: list[tuple[int, RawLine]] = []
    carry = False  # bold at the end of the line before
    for i, row in enumerate(rows):
        top = min(p.top for p in row.pieces)
        if table[i]:
            chars: list[str] = []
            conf: list[float] = []
            boxes: list[Box] = []
            bold: list[bool] = []
            spans: list[tuple[int, int]] = []
            for ci, cell in enumerate(row.cells):
                text, c, b, f = _tidy(*_join(cell, row.size), row.size, 0.0)  # small type measures bold
                if ci:
                    left = boxes[-1][2] if boxes else cell[0].x0
                    chars.append("\t")
                    conf.append(1.0)
                    bold.append(False)
                    boxes.append((left, top, max(left, cell[0].x0), max(p.bottom for p in row.pieces)))
                start = len(chars)
                chars.extend(text)
                conf.extend(c)
                boxes.extend(b)
                bold.extend(f)
                spans.append((start, len(chars)))
            line = RawLine(text="".join(chars), bold=bold, boxes=boxes, confidence=conf, kind="table_row",
                           cells=spans, size=row.size)
        else:
            text, conf, boxes, bold = _tidy(*_join(row.pieces, row.size), row.size, regular, carry)
            if not text:
                continue
            carry = bold[-1]
            line = RawLine(text=text, bold=bold, boxes=boxes, confidence=conf, size=row.size)
        lines.append((i, line))
        items.append((top, line))
    wrapped_thousands([ln for _, ln in lines])
    body = [ln for _, ln in lines if ln.kind == "text" and ln.boxes]
    block = (min((ln.boxes[0][0] for ln in body if ln.boxes), default=0.0),
             max((ln.boxes[-1][2] for ln in body if ln.boxes), default=width))
    for ln in body:
        assert ln.boxes is not None
        ln.centered = _centered(ln.boxes[0][0], ln.boxes[-1][2], ln.size, block, width)
    out = _drop_furniture(items, height)
    for k, raw_line in enumerate(out, start=1):
        raw_line.page = page_no
        raw_line.index = k
    return out, skew
