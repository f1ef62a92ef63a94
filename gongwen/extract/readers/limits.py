"""The readers' budgets: explicit limits on what one document may cost to read.

Files come from strangers.  A few hundred crafted bytes can loop a PDF reader forever
(references that point at each other), repeat a drawing exponentially (a form that draws
itself ten times, ten deep), or inflate a megabyte to gigabytes (a flate or zip bomb).  Every
reader therefore works within the limits below; a limit that is hit is a
:class:`~gongwen.errors.LimitError` (one line naming the file and the limit, exit code 2).

The values are an order of magnitude above the largest genuine report we have seen (a
300-page yearbook: about 600,000 characters, 30,000 operators on its busiest page, 20 MB
embedded fonts), so only broken or hostile files meet them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from ...errors import LimitError

MiB = 1 << 20

#: Content-stream operators run for one PDF page (forms included).
MAX_PAGE_OPERATORS = 1_000_000
#: ...and for the whole document.
MAX_DOCUMENT_OPERATORS = 20_000_000
#: Form and image XObjects drawn on one page (a form drawing itself repeats exponentially).
MAX_PAGE_XOBJECTS = 10_000
#: Glyphs drawn on one PDF page (fake-bold copies included).
MAX_PAGE_GLYPHS = 500_000
#: Nesting of form XObjects inside each other.
MAX_FORM_DEPTH = 12
#: Indirect references followed in a row (``6 0 R`` -> ``7 0 R`` -> ...) before giving up.
MAX_REFERENCE_CHAIN = 64
#: Bytes one compressed PDF stream may inflate to.
MAX_STREAM_BYTES = 64 * MiB
#: Inflation ratio allowed to a PDF stream or DOCX part once its output passes RATIO_FLOOR.
MAX_INFLATE_RATIO = 500
#: Output size below which the ratio is not checked (tiny, highly repetitive streams are fine).
RATIO_FLOOR = 4 * MiB
#: Bytes all inflated streams of one PDF may add up to.
MAX_INFLATED_BYTES = 512 * MiB
#: Entries of a DOCX zip (a long report with pictures has a few hundred).
MAX_DOCX_PARTS = 10_000
#: Uncompressed bytes of one DOCX XML part (document.xml of a 300-page report has about 10 MB;
#: parsing costs about 20 bytes of memory per byte) ...
MAX_DOCX_XML_BYTES = 32 * MiB
#: ... of one other part (an image) ...
MAX_DOCX_PART_BYTES = 128 * MiB
#: ... and of all parts together.
MAX_DOCX_BYTES = 512 * MiB
#: Characters of one document's text (about 15 MB of UTF-8 Chinese; a long report has 500,000).
MAX_DOCUMENT_CHARS = 5_000_000
#: Characters of one line or paragraph (a whole report on one line has about 100,000).
MAX_LINE_CHARS = 200_000
#: Pixels of one image in a PDF that is decoded for OCR, read from its declared size before
#: anything is decoded (a page scanned at 600 dpi has 35 million on A4, 70 million on A3; at the
#: limit the decoded RGB image takes 300 MB).  A few hundred bytes can declare 100,000 × 100,000.
MAX_IMAGE_PIXELS = 100_000_000


def exceeded(what: str, limit: int, name: str, unit: str = "") -> LimitError:
    """The one-line error for a budget that ran out.

    >>> str(exceeded("page 3 runs more content-stream operators", 10, "MAX_PAGE_OPERATORS"))
    'page 3 runs more content-stream operators than the limit of 10 (MAX_PAGE_OPERATORS): the file is too large or too complex to read'
    """
    return LimitError(f"{what} than the limit of {_num(limit, unit)} ({name}): "
                      "the file is too large or too complex to read")


def _num(n: int, unit: str) -> str:
    if unit == "bytes" and n >= MiB:
        return f"{n // MiB} MiB"
    return f"{n:,}" + (f" {unit}" if unit else "")


def inflate_limit(compressed: int, item: tuple[int, str], total: tuple[int, str]) -> tuple[int, str, str]:
    """``(bytes, limit name, wording)``: what an item of ``compressed`` bytes may inflate to.

    ``item`` and ``total`` are ``(bytes, name)`` of the per-item cap and of what is left of
    the document's total; the ratio cap applies past ``RATIO_FLOOR``.

    >>> inflate_limit(1000, (64 * MiB, "MAX_STREAM_BYTES"), (512 * MiB, "MAX_INFLATED_BYTES"))
    (4194304, 'MAX_INFLATE_RATIO', 'inflates more than 500-fold')
    """
    candidates = [(item[0], item[1], "inflates to more bytes"),
                  (max(RATIO_FLOOR, compressed * MAX_INFLATE_RATIO), "MAX_INFLATE_RATIO",
                   f"inflates more than {MAX_INFLATE_RATIO}-fold"),
                  (total[0], total[1], "takes the document's inflated data to more bytes")]
    return min(candidates, key=lambda c: c[0])


def inflate_error(what: str, compressed: int, limit: tuple[int, str, str]) -> LimitError:
    """The error for ``what`` (``"a PDF stream"``) of ``compressed`` bytes passing ``limit``."""
    size, name, wording = limit
    if name == "MAX_INFLATE_RATIO":
        return LimitError(f"{what} of {compressed:,} bytes {wording} (limit {MAX_INFLATE_RATIO} past "
                          f"{RATIO_FLOOR // MiB} MiB, {name}): a compression bomb")
    return exceeded(f"{what} of {compressed:,} bytes {wording}", size, name, "bytes")


@dataclass
class PdfBudget:
    """Counters of one PDF read (inflated bytes, operators); raised errors are kept as ``tripped``
    so a limit hit inside a library that swallows exceptions still fails the read."""

    inflated: int = 0
    operators: int = 0
    tripped: LimitError | None = None

    def trip(self, err: LimitError) -> LimitError:
        if self.tripped is None:
            self.tripped = err
        return err


_active: list[PdfBudget] = []


def current_pdf_budget() -> PdfBudget:
    """The budget of the PDF being read (a fresh, unshared one outside :func:`pdf_budget`)."""
    return _active[-1] if _active else PdfBudget()


@contextmanager
def pdf_budget() -> Iterator[PdfBudget]:
    """Count everything pdfminer inflates while the block runs against one fresh budget."""
    budget = PdfBudget()
    _active.append(budget)
    try:
        yield budget
    finally:
        _active.remove(budget)


def check_image_pixels(width: int, height: int, where: str) -> None:
    """Refuse an image whose declared size passes ``MAX_IMAGE_PIXELS`` (before it is decoded).

    >>> check_image_pixels(4961, 7016, "page 1")  # A4 scanned at 600 dpi
    >>> check_image_pixels(100_000, 100_000, "page 2")
    Traceback (most recent call last):
    ...
    gongwen.errors.LimitError: page 2 has an image of 100,000 × 100,000 pixels, more than the limit of 100,000,000 pixels (MAX_IMAGE_PIXELS): the file is too large or too complex to read
    """
    if width * height > MAX_IMAGE_PIXELS:
        raise exceeded(f"{where} has an image of {width:,} × {height:,} pixels, more", MAX_IMAGE_PIXELS,
                       "MAX_IMAGE_PIXELS", "pixels")


def check_text(lines: list[str]) -> None:
    """Refuse a document whose text, or one of whose lines, passes the character limits."""
    total = 0
    for i, line in enumerate(lines, start=1):
        n = len(line)
        if n > MAX_LINE_CHARS:
            raise exceeded(f"line {i} has {n:,} characters, more", MAX_LINE_CHARS, "MAX_LINE_CHARS",
                           "per line")
        total += n + 1
        if total > MAX_DOCUMENT_CHARS:
            raise exceeded("the text has more characters", MAX_DOCUMENT_CHARS, "MAX_DOCUMENT_CHARS")
