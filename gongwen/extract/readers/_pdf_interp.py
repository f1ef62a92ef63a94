"""A lean PDF content-stream interpreter that yields glyphs with boxes, fast.

pdfplumber (through pdfminer) spends most of its time in a generic PostScript lexer and in
building a layout object and a dict of ~20 attributes per glyph.  For reading text we only
need the text operators, the graphics-state matrices, form XObjects, and whether a page
draws images or ruling lines.  This module tokenises each content stream with one compiled
regular expression and runs just those operators, reusing pdfminer's font objects (encodings,
CMaps, widths) so that every glyph box is computed exactly as pdfminer computes it: the
``fast`` and ``pdfplumber`` engines therefore see the same glyphs.

Every page runs within the budgets of :mod:`.limits`: content-stream operators per page and
per document, XObject invocations and glyphs per page, form nesting depth.  A form that draws
itself ten times, ten deep, would otherwise run 10**10 operators.

Why not pypdfium2's text page?  It is fast, but the pdfium build shipped with pypdfium2 does
not decode non-embedded CID fonts with predefined CMaps (``STSong-Light`` +
``UniGB-UCS2-H``, which reportlab and many Chinese office tools write): those glyphs come out
with no text at all.  See ``pdf.py`` for how the engines are chosen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pdfminer.pdfdevice import PDFDevice
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import list_value, resolve1, stream_value
from pdfminer.psparser import PSLiteral
from pdfminer.utils import apply_matrix_rect, mult_matrix, translate_matrix

from ...errors import LimitError
from . import limits

Matrix = tuple[float, float, float, float, float, float]
#: A glyph as both engines deliver it: text, x0, top, x1, bottom (page space, top-down), size,
#: font name.
Glyph = tuple[str, float, float, float, float, float, str]

IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)

# One token per item of ``findall``: leading whitespace and comments are swallowed.  Literal
# strings may nest balanced parentheses three deep (deeper nesting must be escaped in practice).
_WS = rb"[\x00\t\n\f\r ]"
_DELIM = rb"\x00\t\n\f\r ()<>\[\]{}/%"
_STR = rb"\((?:[^()\\]|\\.|\((?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*\))*\)"
_TOKEN = re.compile(
    rb"(?:" + _WS + rb"|%[^\r\n]*)*(" + _STR + rb"|<<|>>|<[0-9A-Fa-f\x00\t\n\f\r ]*>|/[^" + _DELIM
    + rb"]*|[^" + _DELIM + rb"]+|[\[\]]|.)",
    re.DOTALL,
)
# Inline images carry raw binary between ID and EI: cut them out before tokenising.
_INLINE_IMAGE = re.compile(rb"(?<![^\x00\t\n\f\r ])BI" + _WS + rb".*?" + _WS + rb"ID" + _WS + rb".*?"
                           + _WS + rb"EI(?=" + _WS + rb"|$)", re.DOTALL)
_NUM_START = frozenset(b"0123456789+-.")
_ESCAPE = re.compile(rb"\\(?:([0-7]{1,3})|(\r\n|\r|\n)|(.))", re.DOTALL)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
_PATH_PAINT = frozenset([b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"])
_CURVES = frozenset([b"c", b"v", b"y"])
#: pdfplumber's table finder drops edges shorter than this before merging (edge_min_length_prefilter).
_MIN_EDGE = 1.0
_TEXT_PARAMS = {b"TL": "leading", b"Tc": "charspace", b"Tw": "wordspace", b"Tz": "scaling", b"Ts": "rise"}


def _unescape(m: re.Match[bytes]) -> bytes:
    octal, newline, other = m.groups()
    if octal is not None:
        return bytes([int(octal, 8) & 0xFF])
    if newline is not None:
        return b""
    return _ESCAPES.get(other, other)


def _literal(raw: bytes) -> bytes:
    body = raw[1:-1]
    return _ESCAPE.sub(_unescape, body) if b"\\" in body else body


def font_name(name: object) -> str:
    """A font name as a str (pdfminer may hand over bytes), as pdfplumber reports it."""
    if isinstance(name, bytes):
        try:
            return name.decode("utf-8")
        except UnicodeDecodeError:
            return name.decode("latin-1")
    return str(name)


_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")


def _name(tok: bytes) -> str:
    """``/F#201`` -> ``"F 1"``: a PDF name with its #xx escapes decoded, as pdfminer does."""
    raw = tok[1:]
    if b"#" in raw:
        raw = _NAME_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), raw)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _hex(tok: bytes) -> bytes:
    digits = re.sub(rb"[^0-9A-Fa-f]", b"", tok)
    return bytes.fromhex((digits + b"0" if len(digits) % 2 else digits).decode("ascii"))


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


def _edge(a: tuple[float, float], b: tuple[float, float]) -> tuple[int, int]:
    """(1, 0) for a horizontal segment, (0, 1) for any other, (0, 0) when too short to count."""
    dx, dy = abs(a[0] - b[0]), abs(a[1] - b[1])
    if dy < 1e-6:
        return (1, 0) if dx >= _MIN_EDGE else (0, 0)
    return (0, 1) if dy >= _MIN_EDGE else (0, 0)


def _all_float(values: list[Any]) -> bool:
    return all(type(v) is float for v in values)


@dataclass
class PageScan:
    """What one page holds: glyphs in drawing order, images, and whether it draws rules."""

    glyphs: list[Glyph] = field(default_factory=list)
    images: list[tuple[float, float, float, float]] = field(default_factory=list)
    h_edges: int = 0  # painted horizontal path segments (rect sides, lines) of at least _MIN_EDGE
    v_edges: int = 0  # painted non-horizontal ones
    curves: bool = False  # painted Bezier curves (their edges are not counted: be conservative)

    @property
    def has_rules(self) -> bool:
        """Whether pdfplumber's table finder could find a ruled table here (>= 2 h and 2 v edges)."""
        return self.curves or (self.h_edges >= 2 and self.v_edges >= 2)


@dataclass
class _TextState:
    font: PDFFont | None = None
    size: float = 0.0
    charspace: float = 0.0
    wordspace: float = 0.0
    scaling: float = 100.0
    leading: float = 0.0
    rise: float = 0.0
    matrix: Matrix = IDENTITY
    line: tuple[float, float] = (0.0, 0.0)

    def copy(self) -> _TextState:
        return _TextState(self.font, self.size, self.charspace, self.wordspace, self.scaling,
                          self.leading, self.rise, self.matrix, self.line)


class _FontCache:
    """Per-font memo of cid -> (text, width, disp) so repeated glyphs cost a dict lookup."""

    def __init__(self) -> None:
        self._by_font: dict[int, dict[int, tuple[str, float]]] = {}

    def lookup(self, font: PDFFont, cid: int) -> tuple[str, float]:
        table = self._by_font.setdefault(id(font), {})
        hit = table.get(cid)
        if hit is None:
            try:
                text = font.to_unichr(cid)
            except PDFUnicodeNotDefined:
                text = f"(cid:{cid})"  # what pdfminer/pdfplumber report; the layout maps it
            hit = (text, font.char_width(cid))
            table[cid] = hit
        return hit


class ContentReader:
    """Run the text and graphics-state operators of pages; one instance per document."""

    def __init__(self, rsrcmgr: PDFResourceManager) -> None:
        self.rsrcmgr = rsrcmgr
        self.fonts = _FontCache()
        self.page_no = 0
        self._doc_ops_left = limits.MAX_DOCUMENT_OPERATORS
        self._ops_left = 0  # operators this page may still run
        self._xobjects_left = 0  # XObjects this page may still draw
        self._page_cap_binds = True

    def scan_page(self, page: PDFPage, page_no: int | None = None) -> PageScan:
        """All glyphs of ``page`` in drawing order, with boxes in top-down page space.

        Raises :class:`~gongwen.errors.LimitError` (without a path) when the page runs past
        one of the budgets, and :class:`ValueError` for a page box that is not four numbers.
        """
        self.page_no = page_no if page_no is not None else self.page_no + 1
        x0, y0, x1, y1 = page_box(page.mediabox, self.page_no)
        rotate = page.rotate
        if rotate == 90:
            ctm: Matrix = (0, -1, 1, 0, -y0, x1)
        elif rotate == 180:
            ctm = (-1, 0, 0, -1, x1, y1)
        elif rotate == 270:
            ctm = (0, 1, -1, 0, y1, -x0)
        else:
            ctm = (1, 0, 0, 1, -x0, -y0)
        height = (x1 - x0) if rotate in (90, 270) else (y1 - y0)
        scan = PageScan()
        self._page_cap_binds = self._doc_ops_left >= limits.MAX_PAGE_OPERATORS
        self._ops_left = min(limits.MAX_PAGE_OPERATORS, self._doc_ops_left)
        self._xobjects_left = limits.MAX_PAGE_XOBJECTS
        start = self._ops_left
        try:
            self._render(page.resources, list(list_value(page.contents)), ctm, height, scan, depth=0)
        finally:
            self._doc_ops_left -= start - self._ops_left
        return scan

    def _too_many_operators(self) -> LimitError:
        if self._page_cap_binds:
            return limits.exceeded(f"page {self.page_no} runs more content-stream operators",
                                   limits.MAX_PAGE_OPERATORS, "MAX_PAGE_OPERATORS")
        return limits.exceeded("the document runs more content-stream operators",
                               limits.MAX_DOCUMENT_OPERATORS, "MAX_DOCUMENT_OPERATORS")

    def _resources(self, resources: Any) -> tuple[dict[Any, PDFFont], dict[Any, Any]]:
        # pdfminer's own resource set-up (fonts through the cached resource manager).
        interp = PDFPageInterpreter(self.rsrcmgr, PDFDevice(self.rsrcmgr))
        interp.init_resources(resources)
        return interp.fontmap, interp.xobjmap

    def _render(self, resources: Any, streams: list[Any], ctm: Matrix, height: float,
                scan: PageScan, depth: int) -> None:
        fontmap, xobjmap = self._resources(resources)
        data = b"\n".join(stream_value(s).get_data() or b"" for s in streams)
        self._execute(data, fontmap, xobjmap, resources, ctm, height, scan, depth)

    def _execute(self, data: bytes, fontmap: dict[Any, PDFFont], xobjmap: dict[Any, Any],
                 resources: Any, ctm: Matrix, height: float, scan: PageScan, depth: int) -> None:
        if b"ID" in data:
            data = _INLINE_IMAGE.sub(b" BI ", data)
        glyphs = scan.glyphs
        ts = _TextState()
        gstack: list[tuple[Matrix, _TextState]] = []
        stack: list[Any] = []
        target = stack  # where operands go: the stack, or the innermost open array
        arrays: list[list[Any]] = []
        ph = pv = 0  # edges of the path under construction
        pcurve = False
        cur = start = (0.0, 0.0)  # current point and subpath start, in device space
        num_start = _NUM_START
        ops_left = self._ops_left
        for tok in _TOKEN.findall(data):
            c = tok[0]
            if c in num_start:
                try:
                    target.append(float(tok))
                except ValueError:
                    pass
                continue
            if c == 0x28:  # (
                target.append(_literal(tok))
                continue
            if c == 0x2F:  # /
                target.append(_name(tok))
                continue
            if c == 0x5B:  # [
                arrays.append([])
                target = arrays[-1]
                continue
            if c == 0x5D:  # ]
                if arrays:
                    done = arrays.pop()
                    target = arrays[-1] if arrays else stack
                    target.append(done)
                continue
            if c == 0x3C:  # < hex string, or << dict bracket (irrelevant to text)
                if tok != b"<<":
                    target.append(_hex(tok))
                continue
            if not (0x41 <= c <= 0x5A or 0x61 <= c <= 0x7A or c in (0x27, 0x22)):
                continue  # >>, braces, stray bytes
            # An operator.
            ops_left -= 1
            if ops_left < 0:
                self._ops_left = ops_left
                raise self._too_many_operators()
            if arrays:  # an operator inside an open array: malformed, drop the array
                arrays.clear()
                target = stack
            op = tok
            if op == b"Tj" or op == b"TJ":
                if stack and ts.font is not None:
                    seq = stack[-1] if op == b"TJ" else [stack[-1]]
                    if isinstance(seq, list):
                        self._show(seq, ts, ctm, height, glyphs)
            elif op == b"Tf":
                if len(stack) >= 2:
                    ts.font = fontmap.get(stack[-2]) or self.rsrcmgr.get_font(None, {})
                    if type(stack[-1]) is float:
                        ts.size = stack[-1]
            elif op == b"Tm":
                if len(stack) >= 6 and _all_float(stack[-6:]):
                    ts.matrix = tuple(stack[-6:])  # type: ignore[assignment]
                    ts.line = (0.0, 0.0)
            elif op == b"Td" or op == b"TD":
                if len(stack) >= 2 and _all_float(stack[-2:]):
                    tx, ty = stack[-2], stack[-1]
                    a, b, c_, d, e, f = ts.matrix
                    ts.matrix = (a, b, c_, d, tx * a + ty * c_ + e, tx * b + ty * d + f)
                    if op == b"TD":
                        ts.leading = ty
                ts.line = (0.0, 0.0)
            elif op == b"T*" or op == b"'" or op == b'"':
                if op == b'"' and len(stack) >= 3 and _all_float(stack[-3:-1]):
                    ts.wordspace, ts.charspace = stack[-3], stack[-2]
                a, b, c_, d, e, f = ts.matrix
                ts.matrix = (a, b, c_, d, ts.leading * c_ + e, ts.leading * d + f)
                ts.line = (0.0, 0.0)
                if op != b"T*" and stack and ts.font is not None:
                    self._show([stack[-1]], ts, ctm, height, glyphs)
            elif op == b"BT":
                ts.matrix = IDENTITY
                ts.line = (0.0, 0.0)
            elif op == b"q":
                gstack.append((ctm, ts.copy()))
            elif op == b"Q":
                if gstack:
                    ctm, ts = gstack.pop()
            elif op == b"cm":
                if len(stack) >= 6 and _all_float(stack[-6:]):
                    ctm = mult_matrix(tuple(stack[-6:]), ctm)  # type: ignore[arg-type]
            elif op in _TEXT_PARAMS:
                if stack and type(stack[-1]) is float:
                    setattr(ts, _TEXT_PARAMS[op], -stack[-1] if op == b"TL" else stack[-1])
            elif op == b"re":
                if len(stack) >= 4 and _all_float(stack[-4:]):
                    x, y, w, h = stack[-4:]
                    pts = ((x, y), (x + w, y), (x + w, y + h), (x, y + h))
                    corners = [_apply(ctm, px, py) for px, py in pts]
                    for k in range(4):
                        dh, dv = _edge(corners[k], corners[(k + 1) % 4])
                        ph += dh
                        pv += dv
                    cur = start = corners[0]
            elif op == b"m":
                if len(stack) >= 2 and _all_float(stack[-2:]):
                    cur = start = _apply(ctm, stack[-2], stack[-1])
            elif op == b"l":
                if len(stack) >= 2 and _all_float(stack[-2:]):
                    nxt = _apply(ctm, stack[-2], stack[-1])
                    dh, dv = _edge(cur, nxt)
                    ph += dh
                    pv += dv
                    cur = nxt
            elif op == b"h":
                dh, dv = _edge(cur, start)
                ph += dh
                pv += dv
                cur = start
            elif op in _CURVES:
                pcurve = True
                if len(stack) >= 2 and _all_float(stack[-2:]):
                    cur = _apply(ctm, stack[-2], stack[-1])
            elif op in _PATH_PAINT:
                scan.h_edges += ph
                scan.v_edges += pv
                scan.curves = scan.curves or pcurve
                ph = pv = 0
                pcurve = False
            elif op == b"n":
                ph = pv = 0
                pcurve = False
            elif op == b"Do":
                if stack:
                    self._ops_left = ops_left
                    self._do(stack[-1], xobjmap, resources, ctm, height, scan, depth)
                    ops_left = self._ops_left
            elif op == b"BI":
                scan.images.append(_image_box(ctm, height))
            stack.clear()
        self._ops_left = ops_left

    def _show(self, seq: list[Any], ts: _TextState, ctm: Matrix, height: float,
              glyphs: list[Glyph]) -> None:
        """Place the glyphs of one Tj/TJ operand exactly as pdfminer's device does."""
        font = ts.font
        assert font is not None
        matrix = mult_matrix(ts.matrix, ctm)
        size = ts.size
        scaling = ts.scaling * 0.01
        charspace = ts.charspace * scaling
        wordspace = 0.0 if font.is_multibyte() else ts.wordspace * scaling
        rise = ts.rise
        dxscale = 0.001 * size * scaling
        vertical = font.is_vertical()
        descent = font.get_descent() * size
        x, y = ts.line
        need_space = False
        lookup = self.fonts.lookup
        fontname = font_name(font.fontname)
        for obj in seq:
            if isinstance(obj, float):
                if vertical:
                    y -= obj * dxscale
                else:
                    x -= obj * dxscale
                need_space = True
                continue
            if not isinstance(obj, bytes):
                continue
            # (a string has at most one glyph per byte: decode twice only near the limit)
            if len(glyphs) + len(obj) > limits.MAX_PAGE_GLYPHS \
                    and len(glyphs) + len(list(font.decode(obj))) > limits.MAX_PAGE_GLYPHS:
                raise limits.exceeded(f"page {self.page_no} draws more glyphs", limits.MAX_PAGE_GLYPHS,
                                          "MAX_PAGE_GLYPHS")
            for cid in font.decode(obj):
                if need_space:
                    if vertical:
                        y += charspace
                    else:
                        x += charspace
                text, width = lookup(font, cid)
                adv = width * size * scaling
                m = translate_matrix(matrix, (x, y))
                if vertical:
                    vx, vy = font.char_disp(cid)  # type: ignore[misc]
                    vx = size * 0.5 if vx is None else vx * size * 0.001
                    vy = (1000 - vy) * size * 0.001
                    bx0, by0, bx1, by1 = apply_matrix_rect(m, (-vx, vy + rise + adv, -vx + size, vy + rise))
                elif m[1] == 0 and m[2] == 0:
                    # Upright text (the common case): pdfminer's corner arithmetic, minus the zero terms.
                    a, d, e, f = m[0], m[3], m[4], m[5]
                    ya, yb = d * (descent + rise) + f, d * (descent + rise + size) + f
                    xa, xb = e, a * adv + e
                    bx0, bx1 = (xa, xb) if xa <= xb else (xb, xa)
                    by0, by1 = (ya, yb) if ya <= yb else (yb, ya)
                else:
                    bx0, by0, bx1, by1 = apply_matrix_rect(m, (0, descent + rise, adv, descent + rise + size))
                if bx1 < bx0:
                    bx0, bx1 = bx1, bx0
                if by1 < by0:
                    by0, by1 = by1, by0
                glyphs.append((text, bx0, height - by1, bx1, height - by0,
                               (bx1 - bx0) if vertical else (by1 - by0), fontname))
                if vertical:
                    y += adv
                else:
                    x += adv
                if cid == 32 and wordspace:
                    if vertical:
                        y += wordspace
                    else:
                        x += wordspace
                need_space = True
        ts.line = (x, y)

    def _do(self, name: Any, xobjmap: dict[Any, Any], resources: Any, ctm: Matrix, height: float,
            scan: PageScan, depth: int) -> None:
        try:
            xobj = stream_value(xobjmap[name])
        except (KeyError, TypeError, ValueError):
            return
        self._xobjects_left -= 1
        if self._xobjects_left < 0:
            raise limits.exceeded(f"page {self.page_no} draws more XObjects (forms, images)",
                                  limits.MAX_PAGE_XOBJECTS, "MAX_PAGE_XOBJECTS")
        subtype = xobj.get("Subtype")
        sub = subtype.name if isinstance(subtype, PSLiteral) else None
        if sub == "Image":
            scan.images.append(_image_box(ctm, height))
        elif sub == "Form" and "BBox" in xobj and depth < limits.MAX_FORM_DEPTH:
            matrix = list_value(xobj.get("Matrix", IDENTITY))
            res = xobj.get("Resources")
            sub_res = resolve1(res) if res else resources
            self._render(sub_res, [xobj], mult_matrix(tuple(float(v) for v in matrix), ctm),  # type: ignore[arg-type]
                         height, scan, depth + 1)


def page_box(box: Any, page_no: int) -> tuple[float, float, float, float]:
    """A page's MediaBox as four finite numbers; ValueError (one line) for anything else.

    >>> page_box([0, 0, 612, 792], 1)
    (0.0, 0.0, 612.0, 792.0)
    """
    try:
        values = tuple(float(v) for v in box)
    except (TypeError, ValueError):
        values = ()
    if len(values) != 4 or not all(-1e7 < v < 1e7 for v in values) or values[0] == values[2] \
            or values[1] == values[3]:
        shown = " ".join(map(repr, box))[:60] if isinstance(box, (list, tuple)) else repr(box)[:60]
        raise ValueError(f"page {page_no} has an invalid MediaBox [{shown}]: expected four numbers")
    return values  # type: ignore[return-value]


def _image_box(ctm: Matrix, height: float) -> tuple[float, float, float, float]:
    """An image fills the unit square of its CTM: its box in top-down page space."""
    x0, y0, x1, y1 = apply_matrix_rect(ctm, (0, 0, 1, 1))
    return (x0, height - y1, x1, height - y0)
