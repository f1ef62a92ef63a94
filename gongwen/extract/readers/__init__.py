"""One entry point for every reader: :func:`read_raw` picks PDF, DOCX or text.

The format is decided by the file's first bytes (``%PDF``; a zip holding
``word/document.xml``) and its suffix together, so a PDF renamed ``.txt`` is still read as a
PDF, and a ``.pdf`` that is not one gets a clear error instead of a text-decoding failure.

Every reader works within the budgets of :mod:`.limits`; whatever it returns is then held to
the character limits (``MAX_DOCUMENT_CHARS``, ``MAX_LINE_CHARS``) so the cleaning stages only
ever see text of a bounded size.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..._data import few_collections
from ...errors import LimitError, ReadError
from . import limits
from .raw import RawDocument

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ".markdown"})  # never sniffed for a late %PDF
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc / .wps, or an encrypted .docx


def detect_format(path: str | Path) -> str:
    """``"pdf"``, ``"docx"`` or ``"text"`` for ``path``, from its magic bytes and suffix.

    Raises :class:`ReadError` when the suffix promises a format the bytes do not have.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    with open(p, "rb") as f:
        head = f.read(1024)
    if not head:
        raise ReadError("empty file (0 bytes)", p)
    if head.startswith(b"%PDF-") or (suffix not in TEXT_SUFFIXES and b"%PDF-" in head):
        return "pdf"  # the spec tolerates junk before the header
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(p) as z:
                names = set(z.namelist())
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError) as e:
            if suffix == ".docx":
                raise ReadError(f"not a valid DOCX (truncated or corrupt zip: {e})", p) from e
            raise ReadError(f"unsupported file: a damaged zip archive ({e})", p) from e
        if "word/document.xml" in names:
            return "docx"
        if suffix == ".docx":
            raise ReadError("not a valid DOCX (truncated or corrupt zip: no word/document.xml)", p)
        raise ReadError("unsupported file: a zip archive that is not a Word document", p)
    if head.startswith(_OLE_MAGIC):
        raise ReadError("a legacy Word .doc/.wps or password-protected document, not a DOCX: remove the "
                        "password or save it as .docx", p)
    if suffix == ".pdf":
        raise ReadError("not a valid PDF (no %PDF header): the file is corrupt or not a PDF", p)
    if suffix == ".docx":
        raise ReadError("not a valid DOCX (truncated or corrupt zip: not a zip file)", p)
    return "text"


def read_raw(path: str | Path, *, encoding: str | None = None, engine: str = "auto",
             ocr: str = "auto") -> RawDocument:
    """Read a report file into a :class:`RawDocument` (lines with style hints and provenance).

    ``encoding`` applies to text files (detected when None); ``engine`` to PDFs: ``"auto"``
    and ``"fast"`` use gongwen's fast reader, ``"pdfplumber"`` reads through pdfplumber (same
    lines, slower); ``ocr`` too: ``"auto"`` recognises scanned or garbled pages when the OCR
    extra is installed, ``"always"`` every page, ``"never"`` none (see :mod:`.ocr`).  Every
    failure a file can cause is a :class:`ReadError` naming the file.
    """
    p = Path(path)
    if not p.exists():
        raise ReadError("no such file", p)
    if not p.is_file():
        raise ReadError("not a regular file", p)
    fmt = detect_format(p)
    with few_collections():
        if fmt == "pdf":
            from .pdf import read_pdf

            doc = read_pdf(p, engine="fast" if engine == "auto" else engine, ocr=ocr)
        elif fmt == "docx":
            from .docx import read_docx

            doc = read_docx(p)
        else:
            from .text import read_text

            return read_text(p, encoding=encoding)  # checks the limits before building its lines
    try:
        limits.check_text([ln.text for ln in doc.lines])
    except LimitError as e:
        raise LimitError(e.reason, p) from None
    return doc
