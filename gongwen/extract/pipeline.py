"""The reading pipeline as plain functions: read → clean → outline → metadata (→ figures).

``read(path)`` gives a :class:`~gongwen.model.Document`; ``extract(path_or_document)`` adds the
figures.  ``document_from_text`` builds a document from a string (tests, mutation benches, the
checker's text input).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date as _date
from pathlib import Path
from typing import TYPE_CHECKING

from .._data import few_collections
from ..model import Document, Paragraph, SourceMap, Span, Table
from .readers.raw import RawDocument, RawLine
from .text.chars import SPACES
from .text.clean import clean
from .text.metadata import find_metadata
from .text.outline import find_headings
from .text.title import title_end

if TYPE_CHECKING:  # pragma: no cover
    from ..figure import Extraction


def build_document(raw: RawDocument, *, date: str | None = None) -> Document:
    """Clean a reader's output and outline it into a Document with a full source map.

    ``date`` (ISO ``YYYY-MM-DD``) is the document's date when its text states none: a web page's
    publication date known from its address or a crawl.  A date the text states wins."""
    if date is not None:
        try:
            date = _date.fromisoformat(date).isoformat()
        except ValueError:
            raise ValueError(f"date must be YYYY-MM-DD, not {date!r}") from None
    paras = clean(raw)
    text_parts: list[str] = []
    offsets: list[int] = []
    paragraphs: list[Paragraph] = []
    tables: list[Table] = []
    title_cues: list[bool] = []
    raw_text = raw.raw
    pos = 0
    table_rows: list[tuple[Span, tuple[Span, ...]]] = []
    level_hints: dict[int, int] = {}  # paragraph start -> outline level declared by the file (DOCX)
    p_prev_end_src = -1

    def close_table() -> None:
        if table_rows:
            tables.append(Table(Span(table_rows[0][0].start, table_rows[-1][0].end),
                                tuple(cells for _, cells in table_rows)))
            table_rows.clear()

    for k, p in enumerate(paras):
        if k:
            text_parts.append("\n")
            nl = p_prev_end_src + 1 if p_prev_end_src >= 0 else -1
            offsets.append(nl if 0 <= nl < len(raw_text) and raw_text[nl] == "\n" else -1)
            pos += 1
        c = p.chars
        span = Span(pos, pos + len(c.text))
        text_parts.append(c.text)
        offsets.extend(c.src)
        bold = _bold_spans(pos, c.bold)
        if p.kind == "table_row":
            cells = tuple(Span(pos + a, pos + b) for a, b in (p.cells or [(0, len(c.text))]))
            table_rows.append((span, cells))
            paragraphs.append(Paragraph(span, "table_row", bold, p.page))
        else:
            close_table()
            paragraphs.append(Paragraph(span, "meta" if p.kind == "meta" else "body", bold, p.page))
            if p.outline_level is not None:
                level_hints[span.start] = p.outline_level
        title_cues.append(p.title_cue)
        pos = span.end
        p_prev_end_src = c.src[-1] if c.src else -1
    close_table()
    text = "".join(text_parts)
    first = next((p for p in paragraphs if p.kind == "body"), None)
    if first is not None and first.span.start in level_hints and _is_title(first.span.slice(text)):
        del level_hints[first.span.start]  # "# 某某县民政局2023年工作总结" is the title, not a heading
    gaps = _dropped_spaces(offsets, raw_text) if raw.format == "text" else frozenset()
    headings, anomalies = find_headings(text, paragraphs, level_hints, gaps=gaps)
    heading_starts = {h.span.start for h in headings if not h.run_in}
    paragraphs = [Paragraph(p.span, "heading", p.bold, p.page) if p.span.start in heading_starts else p
                  for p in paragraphs]
    metadata, paragraphs = find_metadata(text, paragraphs, headings, title_cues, raw.pages, date=date)
    if raw.ocr_pages:
        metadata = replace(metadata, ocr_pages=tuple(raw.ocr_pages), ocr_skew=tuple(raw.ocr_pages.values()),
                           ocr_engine=raw.ocr_engine)
    source = SourceMap(raw.path, raw.format, raw_text, tuple(offsets), raw.source_lines())
    return Document(text, tuple(paragraphs), tuple(headings), source, metadata, tuple(tables), tuple(anomalies))


def _dropped_spaces(offsets: list[int], raw_text: str) -> frozenset[int]:
    """The positions of the clean text that a space of the raw text stood before, where the
    cleaner removed it (between two Chinese characters it is layout, not text).

    A web page that ran a heading into its first sentence often kept the line break as one
    space ("一、基层组织持续健全 坚持把…"); the outline reads the heading's end there.
    """
    out = []
    for i in range(1, len(offsets)):
        a, b = offsets[i - 1], offsets[i]
        if a >= 0 and b > a + 1 and "\n" not in raw_text[a + 1:b] and not raw_text[a + 1:b].strip(SPACES):
            out.append(i)
    return frozenset(out)


def _is_title(t: str) -> bool:
    return title_end(t) == len(t)


def _bold_spans(base: int, flags: list[bool]) -> tuple[Span, ...]:
    if True not in flags:
        return ()  # most paragraphs (a scan in C instead of a loop in Python)
    out: list[Span] = []
    start = -1
    for i, b in enumerate(flags):
        if b and start < 0:
            start = i
        elif not b and start >= 0:
            out.append(Span(base + start, base + i))
            start = -1
    if start >= 0:
        out.append(Span(base + start, base + len(flags)))
    return tuple(out)


def read(path: str | Path, *, encoding: str | None = None, engine: str = "auto", ocr: str = "auto",
         date: str | None = None) -> Document:
    """Read a report (PDF, DOCX, TXT/MD) into a cleaned, outlined :class:`Document`.

    ``ocr`` (``auto``, ``always``, ``never``): which PDF pages are recognised by OCR (see
    :mod:`gongwen.extract.readers.ocr`).  ``date``: the document's date when its text states
    none (see :func:`build_document`).
    """
    from .readers import read_raw

    with few_collections():
        return build_document(read_raw(path, encoding=encoding, engine=engine, ocr=ocr), date=date)


def document_from_text(text: str, path: str = "<text>") -> Document:
    """Build a Document from a string as if it were a text file (lines split on newlines)."""
    lines = [RawLine(t, index=i + 1) for i, t in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))]
    with few_collections():
        return build_document(RawDocument(path, "text", lines))


def extract(source: str | Path | Document, *, encoding: str | None = None, engine: str = "auto",
            vocab: str | Path | None = None, ocr: str = "auto", date: str | None = None) -> Extraction:
    """Read (if needed) and extract every figure: ``Extraction(document, figures)``.

    ``date`` (ISO ``YYYY-MM-DD``): the document's date when its text states none — a saved web
    page's publication date — from which its year, and so the periods of its figures, follow."""
    from ..figure import Extraction
    from .figures.assemble import find_figures

    doc = source if isinstance(source, Document) else read(source, encoding=encoding, engine=engine, ocr=ocr,
                                                              date=date)
    with few_collections():
        return Extraction(doc, tuple(find_figures(doc, vocab=vocab)))
