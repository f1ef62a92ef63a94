"""Read a PDF into a :class:`RawDocument`: lines in position order, fake bold detected.

Two engines produce the same lines (text, bold flags, glyph boxes):

- ``fast`` (default): gongwen's own content-stream interpreter (``_pdf_interp``) on top of
  pdfminer's document and font objects.  About 7x faster than pdfplumber's ``extract_text``.
- ``pdfplumber``: the characters of ``pdfplumber.Page.chars``.

Both feed the same page layout (``_pdf_layout``): over-printed copies removed by position and
flagged bold, lines grouped by position, gap spaces, tables as ``table_row`` lines, page
numbers in the header/footer band dropped.  Tables are found by pdfplumber's table finder in
both engines; the fast engine opens pdfplumber only for pages that draw lines or rectangles.

Why not pypdfium2 for ``fast``?  Its pdfium build does not decode non-embedded CID fonts with
a predefined CMap (``STSong-Light``/``UniGB-UCS2-H``, common in Chinese PDFs and what reportlab
writes): such glyphs come back with no text, so it cannot serve as a reader of its own.

Pages are processed one at a time and released, so memory stays flat on long files.  A page
with fewer than ``SCANNED_MAX_CHARS`` characters and a page-sized image looks scanned, one with
more than ``GARBLED_RATIO`` of its glyphs unmapped is garbled: with ``ocr="auto"`` and the OCR
extra installed both are recognised by :mod:`.ocr` (``"always"``: every page).  Otherwise, when
other pages have text, the document is read and a warning names the scanned pages (their few
lines, e.g. a caption, are kept); when no page has a text layer, :class:`ReadError` says so.

Both engines read within the budgets of :mod:`.limits` (reference cycles, inflated stream
size and ratio, operators, XObjects and glyphs per page): the ``pdfplumber`` engine runs each
page through the fast interpreter's budget first, since pdfminer's own interpreter has none.
A limit that is hit is a :class:`~gongwen.errors.LimitError` naming the file and the limit.
"""

from __future__ import annotations

import logging
import re
import zlib
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

from ...errors import LimitError, ReadError
from . import _pdf_guard, limits
from . import ocr as _ocr
from ._pdf_interp import ContentReader, Glyph, font_name, page_box
from ._pdf_layout import PageText, TableGeom, layout_page
from ._pdf_running import drop_running
from .raw import RawDocument, RawLine

log = logging.getLogger("gongwen.extract")
_pdf_guard.install()

Engine = Literal["fast", "pdfplumber"]
ENGINES: tuple[str, ...] = ("fast", "pdfplumber")

#: A page with fewer non-space characters than this and a page-sized image is a scan.
SCANNED_MAX_CHARS = 50
#: Share of the page an image must cover to count as "page-sized".
SCANNED_IMAGE_AREA = 0.5
#: Share of unmapped glyphs ((cid:N) / U+FFFD) above which the text layer is garbled.
GARBLED_RATIO = 0.2

#: One page as an engine delivers it: number, glyphs, image boxes, width, height, table thunk.
_PageSource = tuple[int, list[Glyph], list[tuple[float, float, float, float]], float, float,
                    Callable[[], list[TableGeom]]]


def read_pdf(path: str | Path, engine: str = "fast", ocr: str = "auto") -> RawDocument:
    """Read ``path`` with ``engine`` (``"fast"`` or ``"pdfplumber"``) into a RawDocument;
    ``ocr`` (``auto``/``always``/``never``): which pages OCR reads (see :mod:`.ocr`)."""
    p = Path(path)
    if engine not in ENGINES:
        raise ReadError(f"unknown PDF engine {engine!r}: use one of {', '.join(ENGINES)}", p)
    if p.stat().st_size == 0:
        raise ReadError("empty file (0 bytes)", p)
    with _quiet_pdfminer(), limits.pdf_budget() as budget:
        try:
            doc = _read(p, engine, _ocr.check_mode(ocr))
        except LimitError as e:
            raise LimitError(e.reason, p) from None
        except RecursionError:
            raise LimitError("objects nested too deeply (or referring to themselves): the file is crafted "
                             "or corrupt", p) from None
        except ReadError:
            if budget.tripped is not None:  # a limit hit inside pdfminer that it turned into another error
                raise LimitError(budget.tripped.reason, p) from None
            raise
        if budget.tripped is not None:  # a limit hit that pdfminer swallowed
            raise LimitError(budget.tripped.reason, p)
        return doc


@contextmanager
def _quiet_pdfminer() -> Iterator[None]:
    """pdfminer logs a WARNING for every recoverable oddity (missing FontBBox, …): keep them
    off the user's terminal while reading; real failures still raise."""
    logger = logging.getLogger("pdfminer")
    old = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(old)


def _read(p: Path, engine: str, ocr: str = "auto") -> RawDocument:
    meta: dict[str, str | None] = {}
    pages = _fast_pages(p, meta) if engine == "fast" else _plumber_pages(p, meta)
    lines: list[RawLine] = []
    scanned: list[int] = []  # pages that look like a scan (little text, a page-sized image)
    counts: dict[int, tuple[int, int]] = {}  # page -> (glyphs, unmapped glyphs)
    with_text = 0  # other pages that have text
    n_pages = chars = unmapped = 0
    heights: dict[int, float] = {}
    try:
        for page_no, glyphs, images, width, height, tables in pages:
            n_pages = page_no
            heights[page_no] = height
            text: PageText = layout_page(glyphs, page_no, width, height, tables())
            chars += text.glyph_count
            unmapped += text.unmapped
            counts[page_no] = (text.glyph_count, text.unmapped)
            if text.glyph_count < SCANNED_MAX_CHARS and _page_sized(images, width, height):
                scanned.append(page_no)  # its few lines (a caption, a stamp) are still kept
            elif text.lines:
                with_text += 1
            lines.extend(text.lines)
    except ReadError:
        raise
    except _PDF_ERRORS as e:
        tripped = limits.current_pdf_budget().tripped
        if tripped is not None:
            raise tripped from None
        raise _classify(e, p) from e
    finally:
        pages.close()
    if n_pages == 0:
        raise ReadError("not a valid PDF (no pages)", p)
    garbled = [n for n, (g, u) in counts.items() if g and u > GARBLED_RATIO * g]
    todo = range(1, n_pages + 1) if ocr == "always" else sorted(set(scanned + garbled))
    recognised: dict[int, float] = {}
    engine_name = None
    if todo and _ocr.wanted(ocr):
        lines, recognised, engine_name = _ocr.replace_pages(p, lines, todo)
        with_text = len({ln.page for ln in lines})
        chars -= sum(counts[n][0] for n in recognised)
        unmapped -= sum(counts[n][1] for n in recognised)
    if not with_text:
        if scanned:
            done = ", and OCR recognised no text on it" if recognised else f"; {_ocr.hint(ocr)}"
            raise ReadError(f"no text layer on pages {_ranges(scanned)}: this looks like a scanned PDF{done}", p)
        raise ReadError(f"no text layer on pages {_ranges(range(1, n_pages + 1))}: the PDF contains no "
                        "extractable text", p)
    if chars and unmapped / chars > GARBLED_RATIO:
        raise ReadError(f"text layer is garbled (unmapped CID font): {unmapped} of {chars} characters have "
                        f"no Unicode mapping; re-export the PDF with embedded fonts, or {_ocr.hint(ocr)}", p)
    lines = drop_running(lines, heights)
    scanned = [n for n in scanned if n not in recognised]
    if scanned:
        log.warning("%s: pages %s have no text layer (scanned?); %s", p, _ranges(scanned), _ocr.hint(ocr))
    return RawDocument(path=str(p), format="pdf", lines=lines, pages=n_pages,
                       title=_trusted_title(meta.get("title")), ocr_pages=recognised, ocr_engine=engine_name)


# --- engines -----------------------------------------------------------------------------------

def _fast_pages(p: Path, meta: dict[str, str | None]) -> Generator[_PageSource, None, None]:
    from pdfminer.pdfinterp import PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    with open(p, "rb") as f:
        doc = _open_pdfminer(f, p)
        meta["title"] = _info_title(doc)
        reader = ContentReader(PDFResourceManager(caching=True))
        plumber: Any = None
        try:
            for i, page in enumerate(PDFPage.create_pages(doc)):
                x0, y0, x1, y1 = page_box(page.mediabox, i + 1)
                width, height = (y1 - y0, x1 - x0) if page.rotate in (90, 270) else (x1 - x0, y1 - y0)
                scan = reader.scan_page(page, i + 1)
                tables: Callable[[], list[TableGeom]] = list
                if scan.has_rules:
                    if plumber is None:
                        import pdfplumber

                        plumber = pdfplumber.open(p)
                    tables = _table_finder(plumber.pages[i])
                yield (i + 1, scan.glyphs, scan.images, width, height, tables)
        finally:
            if plumber is not None:
                plumber.close()


def _plumber_pages(p: Path, meta: dict[str, str | None]) -> Generator[_PageSource, None, None]:
    import pdfplumber
    from pdfminer.pdfinterp import PDFResourceManager

    try:
        pdf = pdfplumber.open(p)
    except _PDF_ERRORS as e:  # pdfplumber wraps every pdfminer failure in PdfminerException
        raise _classify(e, p) from e
    with pdf:
        meta["title"] = _meta_title(pdf.metadata.get("Title"))
        budget = ContentReader(PDFResourceManager(caching=True))
        for i, page in enumerate(pdf.pages):
            page_box(page.page_obj.mediabox, i + 1)
            budget.scan_page(page.page_obj, i + 1)  # pdfminer's interpreter has no budget of its own
            ox, oy = page.bbox[0], page.bbox[1]
            glyphs = [(c["text"], c["x0"] - ox, c["top"] - oy, c["x1"] - ox, c["bottom"] - oy, c["size"],
                       font_name(c["fontname"])) for c in page.chars]
            images = [(im["x0"] - ox, im["top"] - oy, im["x1"] - ox, im["bottom"] - oy) for im in page.images]
            has_rules = bool(page.rects or page.lines or page.curves)
            tables: Callable[[], list[TableGeom]] = _table_finder(page) if has_rules else list
            yield (i + 1, glyphs, images, float(page.width), float(page.height), tables)
            page.close()  # release the page's parsed objects


def _table_finder(page: Any) -> Callable[[], list[TableGeom]]:
    """A thunk that runs pdfplumber's table finder on ``page`` (page-relative boxes)."""

    def find() -> list[TableGeom]:
        ox, oy = page.bbox[0], page.bbox[1]

        def rel(b: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
            return (b[0] - ox, b[1] - oy, b[2] - ox, b[3] - oy)

        out = []
        try:
            for t in page.find_tables():
                rows = tuple(tuple(rel(c) for c in row.cells if c is not None) for row in t.rows)
                rows = tuple(r for r in rows if r)
                if rows:
                    out.append(TableGeom(rel(t.bbox), rows))
        finally:
            page.close()
        return out

    return find


# --- errors --------------------------------------------------------------------------------------

def _pdf_error_types() -> tuple[type[BaseException], ...]:
    from pdfminer.pdftypes import PDFException
    from pdfminer.psexceptions import PSException
    from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

    return (PDFException, PSException, PdfminerException, MalformedPDFException, zlib.error, ValueError,
            KeyError, IndexError, EOFError, TypeError, AssertionError, NotImplementedError, AttributeError)


_PDF_ERRORS = _pdf_error_types()


def _open_pdfminer(f: Any, p: Path) -> Any:
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser

    try:
        return PDFDocument(PDFParser(f))
    except _PDF_ERRORS as e:
        raise _classify(e, p) from e


def _classify(e: BaseException, p: Path) -> ReadError:
    """Turn a pdfminer/pdfplumber exception into a ReadError that says what to do."""
    inner = e
    while getattr(inner, "args", None) and isinstance(inner.args[0], BaseException):
        inner = inner.args[0]  # pdfplumber's PdfminerException wraps the real one
    name = type(inner).__name__
    msg = str(inner).strip()
    if "Password" in name:  # PDFPasswordIncorrect: raised with an empty message
        return ReadError("encrypted PDF: password required (decrypt it first, e.g. qpdf --decrypt)", p)
    if "Encryption" in name:
        return ReadError(f"encrypted PDF with an unsupported security handler ({msg or name}): "
                         "decrypt it first (e.g. qpdf --decrypt)", p)
    return ReadError(f"not a valid PDF ({msg or name}): the file is corrupt or not a PDF", p)


# --- helpers -------------------------------------------------------------------------------------

def _page_sized(images: list[tuple[float, float, float, float]], width: float, height: float) -> bool:
    area = width * height
    for x0, top, x1, bottom in images:
        w = min(x1, width) - max(x0, 0.0)
        h = min(bottom, height) - max(top, 0.0)
        if w > 0 and h > 0 and w * h >= SCANNED_IMAGE_AREA * area:
            return True
    return False


def _ranges(pages: Any) -> str:
    """``[1, 2, 3, 5]`` -> ``"1-3, 5"``.

    >>> _ranges([1, 2, 3, 5, 7, 8])
    '1-3, 5, 7-8'
    """
    out: list[str] = []
    nums = sorted(pages)
    i = 0
    while i < len(nums):
        j = i
        while j + 1 < len(nums) and nums[j + 1] == nums[j] + 1:
            j += 1
        out.append(str(nums[i]) if i == j else f"{nums[i]}-{nums[j]}")
        i = j + 1
    return ", ".join(out)


def _info_title(doc: Any) -> str | None:
    from pdfminer.pdftypes import resolve1

    for info in getattr(doc, "info", []) or []:
        t = resolve1(info.get("Title")) if isinstance(info, dict) else None
        if t is not None:
            return _meta_title(t)
    return None


def _meta_title(t: Any) -> str | None:
    from pdfminer.utils import decode_text

    if isinstance(t, bytes):
        t = decode_text(t)
    return t if isinstance(t, str) else None


_FILENAME_LIKE = re.compile(r"(?i)(microsoft\s+word|wps|untitled|\.(docx?|wps|pdf|txt)$|^[a-z0-9_\s.-]*$)")


def _trusted_title(t: str | None) -> str | None:
    """A metadata title worth keeping: Chinese text that is not a file name or tool stamp."""
    if not t:
        return None
    t = t.strip()
    if not t or _FILENAME_LIKE.search(t) or not re.search(r"[\u4e00-\u9fff]", t):
        return None
    return t
