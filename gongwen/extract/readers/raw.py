"""The intermediate every reader produces: lines of text with style hints and provenance.

Readers (PDF, DOCX, text) differ in what they know.  A text dump knows nothing but lines; a PDF
knows pages, glyph boxes and over-printing (fake bold); a DOCX knows paragraphs and real bold
runs.  They all hand the cleaner a :class:`RawDocument`: a list of :class:`RawLine` whose texts,
joined with ``"\\n"``, form the document's *raw text* (the thing canonical offsets map back to).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ...model import SourceLine

LineKind = Literal["text", "table_row"]


@dataclass
class RawLine:
    """One physical line (text, PDF) or paragraph (DOCX) or table row.

    - ``bold``: one flag per character of ``text`` (real bold runs, or over-printed glyphs).
    - ``para_end``: ``True`` when the reader knows a paragraph ends here (DOCX), ``None`` when
      it cannot know (text dumps, PDF lines: the cleaner decides).
    - ``cells``: for ``kind == "table_row"``, ``(start, end)`` of each cell inside ``text``
      (cells are joined with a tab in ``text``).
    - ``size``: font size in points where known; ``centered``: laid out centred (title cue).
    - ``style``: the DOCX paragraph style name or outline level hint, when any.
    - ``confidence``: for a recognised (OCR) line, the recogniser's confidence per character.
    """

    text: str
    bold: list[bool] = field(default_factory=list)
    page: int | None = None
    index: int = 0
    boxes: list[tuple[float, float, float, float]] | None = None
    para_end: bool | None = None
    kind: LineKind = "text"
    cells: list[tuple[int, int]] | None = None
    size: float | None = None
    centered: bool = False
    style: str | None = None
    outline_level: int | None = None
    confidence: list[float] | None = None

    def __post_init__(self) -> None:
        if not self.bold:
            self.bold = [False] * len(self.text)
        if len(self.bold) != len(self.text):
            raise ValueError(f"bold flags ({len(self.bold)}) do not match text ({len(self.text)})")
        if self.boxes is not None and len(self.boxes) != len(self.text):
            raise ValueError(f"glyph boxes ({len(self.boxes)}) do not match text ({len(self.text)})")
        if self.confidence is not None and len(self.confidence) != len(self.text):
            raise ValueError(f"confidences ({len(self.confidence)}) do not match text ({len(self.text)})")


@dataclass
class RawDocument:
    """What a reader returns: lines plus what the file says about itself."""

    path: str
    format: Literal["pdf", "docx", "text"]
    lines: list[RawLine]
    pages: int | None = None
    title: str | None = None  # a title from file metadata, when trustworthy
    ocr_pages: dict[int, float] = field(default_factory=dict)  # recognised page -> its skew (degrees)
    ocr_engine: str | None = None  # the OCR engine and models that read those pages

    @property
    def raw(self) -> str:
        return "\n".join(ln.text for ln in self.lines)

    def line_starts(self) -> list[int]:
        starts, pos = [], 0
        for ln in self.lines:
            starts.append(pos)
            pos += len(ln.text) + 1
        return starts

    def source_lines(self) -> tuple[SourceLine, ...]:
        out = []
        start = 0
        for ln in self.lines:
            end = start + len(ln.text)
            if ln.boxes is None and ln.confidence is None:
                out.append(SourceLine(start, end, ln.page, ln.index))  # text and DOCX lines: the common case
            else:
                out.append(SourceLine(start, end, ln.page, ln.index,
                                      tuple(tuple(round(v, 2) for v in b) for b in ln.boxes)  # type: ignore[misc]
                                      if ln.boxes is not None else None,
                                      tuple(round(c, 3) for c in ln.confidence)
                                      if ln.confidence is not None else None))
            start = end + 1
        return tuple(out)
