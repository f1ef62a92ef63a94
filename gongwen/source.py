"""Spans into the canonical text and the map from it back to the source the reader saw.

:class:`Span` is a half-open code-point range of ``Document.text``; :class:`SourceMap` takes every
canonical character back to the raw text and from there to the PDF page and glyph box, the DOCX
paragraph, or the text-file line (:class:`SourceLine`).  All three are re-exported by
:mod:`gongwen.model`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ._frozen import quick_init


@quick_init
@dataclass(frozen=True, order=True)
class Span:
    """A half-open range ``[start, end)`` of code points in a document's canonical text.

    >>> Span(2, 5).slice("0123456789")
    '234'
    """

    start: int
    end: int

    def __post_init__(self) -> None:
        if not (0 <= self.start <= self.end):
            raise ValueError(f"bad span [{self.start}, {self.end}): need 0 <= start <= end")

    def __len__(self) -> int:
        return self.end - self.start

    def slice(self, text: str) -> str:
        if self.end > len(text):
            raise ValueError(f"span [{self.start}, {self.end}) exceeds text of length {len(text)}")
        return text[self.start : self.end]

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def to_json(self) -> list[int]:
        return [self.start, self.end]

    @classmethod
    def from_json(cls, data: Sequence[int]) -> Span:
        return cls(int(data[0]), int(data[1]))


@quick_init
@dataclass(frozen=True)
class SourceLine:
    """One line (or DOCX paragraph, or table row) as the reader delivered it.

    ``start``/``end`` index the raw text; ``page`` is 1-based for PDF; ``index`` is the line
    number (text, 1-based), the paragraph index (DOCX body order, tables included) or the line
    index on its page (PDF).  ``boxes`` holds one ``(x0, top, x1, bottom)`` glyph box per raw
    character of a PDF line, in PDF points.  ``confidence`` holds, for a line read by OCR, the
    recogniser's confidence (0-1) per raw character (its boxes are then in the page's deskewed
    frame: see ``Metadata.ocr_skew``).
    """

    start: int
    end: int
    page: int | None = None
    index: int = 0
    boxes: tuple[tuple[float, float, float, float], ...] | None = None
    confidence: tuple[float, ...] | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end, "index": self.index}
        if self.page is not None:
            out["page"] = self.page
        if self.boxes is not None:
            out["boxes"] = [[round(v, 2) for v in b] for b in self.boxes]
        if self.confidence is not None:
            out["confidence"] = [round(c, 3) for c in self.confidence]
        return out

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> SourceLine:
        boxes = d.get("boxes")
        return cls(
            start=d["start"],
            end=d["end"],
            page=d.get("page"),
            index=d.get("index", 0),
            boxes=tuple(tuple(float(v) for v in b) for b in boxes) if boxes is not None else None,  # type: ignore[misc]
            confidence=tuple(float(c) for c in d["confidence"]) if d.get("confidence") is not None else None,
        )


@dataclass(frozen=True)
class SourceMap:
    """Maps canonical offsets to raw-text offsets and raw offsets to lines, pages and glyphs.

    ``offsets[i]`` is the raw index of canonical character ``i`` or ``-1`` for characters the
    cleaner inserted (none today: joins drop characters, they never add them).
    """

    path: str
    format: str
    raw: str
    offsets: tuple[int, ...]
    lines: tuple[SourceLine, ...]

    def raw_index(self, i: int) -> int | None:
        r = self.offsets[i]
        return None if r < 0 else r

    def raw_span(self, span: Span) -> tuple[int, int] | None:
        """The raw range covering a canonical span (first to last mapped character)."""
        mapped = [r for r in self.offsets[span.start : span.end] if r >= 0]
        if not mapped:
            return None
        return min(mapped), max(mapped) + 1

    def line_of(self, raw_index: int) -> SourceLine | None:
        lo, hi = 0, len(self.lines)
        while lo < hi:
            mid = (lo + hi) // 2
            ln = self.lines[mid]
            if raw_index < ln.start:
                hi = mid
            elif raw_index >= ln.end + 1:  # +1: the newline after a line belongs to it
                lo = mid + 1
            else:
                return ln
        return None

    def page_of(self, span: Span) -> int | None:
        rs = self.raw_span(span)
        if rs is None:
            return None
        ln = self.line_of(rs[0])
        return ln.page if ln else None

    def boxes_of(self, span: Span) -> list[tuple[int | None, tuple[float, float, float, float]]]:
        """Glyph boxes ``(page, box)`` of a canonical span (PDF sources only)."""
        out: list[tuple[int | None, tuple[float, float, float, float]]] = []
        for r in self.offsets[span.start : span.end]:
            if r < 0:
                continue
            ln = self.line_of(r)
            if ln is None or ln.boxes is None or not (ln.start <= r < ln.end):
                continue
            out.append((ln.page, ln.boxes[r - ln.start]))
        return out

    def confidence_of(self, span: Span, chars: str | None = None) -> float | None:
        """The lowest OCR confidence among the characters of a canonical span (only those in
        ``chars`` when given, e.g. the digits); None when none of them was recognised by OCR."""
        low: float | None = None
        for r in self.offsets[span.start : span.end]:
            if r < 0 or (chars is not None and self.raw[r] not in chars):
                continue
            ln = self.line_of(r)
            if ln is None or ln.confidence is None or not (ln.start <= r < ln.end):
                continue
            c = ln.confidence[r - ln.start]
            low = c if low is None else min(low, c)
        return low

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "format": self.format,
            "raw": self.raw,
            "offsets": _rle_encode(self.offsets),
            "lines": [ln.to_json() for ln in self.lines],
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> SourceMap:
        return cls(
            path=d["path"],
            format=d["format"],
            raw=d["raw"],
            offsets=tuple(_rle_decode(d["offsets"])),
            lines=tuple(SourceLine.from_json(x) for x in d["lines"]),
        )


def _rle_encode(offsets: Sequence[int]) -> list[list[int]]:
    """Compress runs of consecutive offsets as ``[first, length]`` (``-1`` runs stay ``-1``)."""
    out: list[list[int]] = []
    for r in offsets:
        if out:
            first, n = out[-1]
            if (first < 0 and r < 0) or (first >= 0 and r == first + n):
                out[-1][1] += 1
                continue
        out.append([r if r >= 0 else -1, 1])
    return out


def _rle_decode(runs: Sequence[Sequence[int]]) -> Iterator[int]:
    for first, n in runs:
        if first < 0:
            yield from (-1 for _ in range(n))
        else:
            yield from range(first, first + n)
