"""The document model: one canonical text, immutable spans into it, and a map back to the source.

A :class:`Document` owns ``text``.  Paragraphs, headings, tables (and, later, figures and
findings) refer to it by half-open code-point offsets (:class:`Span`) that are checked when
built (:mod:`gongwen.source`).  ``Document.source`` maps every canonical character back to the raw text the reader saw
and from there to the PDF page and glyph box, the DOCX paragraph, or the text-file line.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Literal

from ._frozen import quick_init
from .source import SourceLine, SourceMap, Span

__all__ = ["Document", "Heading", "Metadata", "OutlineAnomaly", "OutlineNode", "Paragraph", "SourceLine",
           "SourceMap", "Span", "Table"]

SCHEMA = "gongwen.document"
SCHEMA_VERSION = 1

# "meta": a web page's information field or a line repeating the title (a teaser), not the report's text
ParagraphKind = Literal["body", "heading", "title", "signature", "date", "table_row", "meta"]


@quick_init
@dataclass(frozen=True)
class Paragraph:
    """A paragraph of canonical text; ``bold`` lists the bold stretches inside it."""

    span: Span
    kind: ParagraphKind = "body"
    bold: tuple[Span, ...] = ()
    page: int | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"span": self.span.to_json(), "kind": self.kind}
        if self.bold:
            out["bold"] = [b.to_json() for b in self.bold]
        if self.page is not None:
            out["page"] = self.page
        return out

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Paragraph:
        return cls(
            span=Span.from_json(d["span"]),
            kind=d.get("kind", "body"),
            bold=tuple(Span.from_json(b) for b in d.get("bold", ())),
            page=d.get("page"),
        )


@quick_init
@dataclass(frozen=True)
class Heading:
    """A heading: ``span`` covers marker and title, ``title_span`` the title alone.

    ``family`` names the marker family (``cn-comma`` for 一、, ``cn-paren`` for （一）, ``num``
    for 1、/1., ``num-paren`` for （1）, ``di`` for 第一, ``shi`` for 一是, ``di-shi`` for 第一是,
    ``cn-bare`` for a bare 一 …, ``bold-lead`` for an unmarked bold lead such as "粮食生产稳定。"
    with siblings, ``outline-N`` for a DOCX heading style); ``number`` is the marker's ordinal
    value (for bold leads and styles, the count under the parent or 0).
    """

    level: int
    marker: str
    title: str
    span: Span
    title_span: Span
    family: str
    number: int
    run_in: bool = False
    bold: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "marker": self.marker,
            "title": self.title,
            "run_in": self.run_in,
            "span": self.span.to_json(),
            "title_span": self.title_span.to_json(),
            "family": self.family,
            "number": self.number,
            "bold": self.bold,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Heading:
        return cls(
            level=d["level"],
            marker=d["marker"],
            title=d["title"],
            span=Span.from_json(d["span"]),
            title_span=Span.from_json(d["title_span"]),
            family=d["family"],
            number=d["number"],
            run_in=d.get("run_in", False),
            bold=d.get("bold", False),
        )


@dataclass(frozen=True)
class OutlineAnomaly:
    """A numbering irregularity found while building the outline (a gap, a repeat, a restart)."""

    kind: Literal["gap", "repeat", "restart", "out_of_order"]
    heading: int  # index into Document.headings
    expected: int
    found: int
    message: str

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "heading": self.heading, "expected": self.expected,
                "found": self.found, "message": self.message}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> OutlineAnomaly:
        return cls(d["kind"], d["heading"], d["expected"], d["found"], d["message"])


@dataclass(frozen=True)
class Table:
    """A table whose rows are paragraphs of canonical text; ``cells`` span each cell's text."""

    span: Span
    cells: tuple[tuple[Span, ...], ...]

    def to_json(self) -> dict[str, Any]:
        return {"span": self.span.to_json(), "cells": [[c.to_json() for c in row] for row in self.cells]}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Table:
        return cls(Span.from_json(d["span"]), tuple(tuple(Span.from_json(c) for c in row) for row in d["cells"]))


@dataclass(frozen=True)
class Metadata:
    """What the document says about itself: title, issuer, signature date, year, kind, period.

    ``kind`` is ``"summary"``, ``"plan"``, ``"summary-plan"``, ``"half-year"`` (a summary of a
    half year, with or without the next half's plan) or ``"quarter"`` (of one or more quarters:
    一季度, 前三季度, 1-9月), else None.  ``period`` is the period the report covers in ISO 8601:
    ``"2023"``, ``"2023-01/2023-06"`` (上半年), ``"2023-01/2023-09"`` (前三季度); for a plan, the
    period planned (``"2024"`` for a 2024年工作计划).  A scan read by OCR records the pages
    recognised (``ocr_pages``), the skew measured on each (``ocr_skew``) and the engine.
    """

    title: str | None = None
    issuer: str | None = None
    date: str | None = None  # ISO 8601 date of the signature, e.g. "2020-11-16"
    year: int | None = None  # the year the report is about
    kind: str | None = None  # "summary" | "plan" | "summary-plan" | "half-year" | "quarter" | None
    period: str | None = None  # ISO 8601 period covered, e.g. "2023" or "2023-01/2023-06"
    pages: int | None = None
    ocr_pages: tuple[int, ...] | None = None  # pages read by OCR (1-based)
    ocr_skew: tuple[float, ...] | None = None  # the skew (degrees) measured on each of those pages
    ocr_engine: str | None = None  # the engine and models that read them
    doc_number: str | None = None  # 发文字号 of the letterhead, e.g. "青民发〔2024〕3号"

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Metadata:
        values = {f.name: d.get(f.name) for f in fields(cls)}
        if values["kind"] == "half-year-summary":  # the name before "half-year"
            values["kind"] = "half-year"
        for k in ("ocr_pages", "ocr_skew"):
            v = values[k]
            if v is not None:
                values[k] = tuple(v)
        return cls(**values)


@dataclass(frozen=True)
class OutlineNode:
    """A node of the section tree; ``heading`` indexes ``Document.headings`` (None: the root)."""

    heading: int | None
    span: Span  # from the heading's start to the start of the next heading of the same or higher level
    children: tuple[OutlineNode, ...] = ()


@dataclass(frozen=True)
class Document:
    """A read, cleaned and outlined report."""

    text: str
    paragraphs: tuple[Paragraph, ...]
    headings: tuple[Heading, ...]
    source: SourceMap
    metadata: Metadata = field(default_factory=Metadata)
    tables: tuple[Table, ...] = ()
    anomalies: tuple[OutlineAnomaly, ...] = ()

    def __post_init__(self) -> None:
        n = len(self.text)
        if len(self.source.offsets) != n:
            raise ValueError(f"source map has {len(self.source.offsets)} offsets for {n} characters")
        for p in self.paragraphs:
            if p.span.end > n:
                raise ValueError(f"paragraph span {p.span} exceeds text length {n}")
        for h in self.headings:
            if h.span.end > n or not h.span.contains(h.title_span):
                raise ValueError(f"heading span {h.span} / {h.title_span} invalid")

    # -- navigation -------------------------------------------------------------------------
    def slice(self, span: Span) -> str:
        return span.slice(self.text)

    def paragraph_at(self, offset: int) -> Paragraph | None:
        lo, hi = 0, len(self.paragraphs)
        while lo < hi:
            mid = (lo + hi) // 2
            p = self.paragraphs[mid]
            if offset < p.span.start:
                hi = mid
            elif offset >= p.span.end:
                lo = mid + 1
            else:
                return p
        return None

    def section_path(self, offset: int) -> tuple[Heading, ...]:
        """The chain of headings (outermost first) whose sections contain ``offset``."""
        stack: list[Heading] = []
        for h in self.headings:
            if h.span.start > offset:
                break
            while stack and stack[-1].level >= h.level:
                stack.pop()
            stack.append(h)
        return tuple(stack)

    @property
    def outline(self) -> tuple[OutlineNode, ...]:
        """The section tree built from the flat heading list (levels nest by number)."""
        n = len(self.text)
        ends: list[int] = []
        for i, h in enumerate(self.headings):
            end = n
            for h2 in self.headings[i + 1 :]:
                if h2.level <= h.level:
                    end = h2.span.start
                    break
            ends.append(end)

        def build(lo: int, hi: int, level_floor: int) -> tuple[OutlineNode, ...]:
            nodes: list[OutlineNode] = []
            i = lo
            while i < hi:
                h = self.headings[i]
                j = i + 1
                while j < hi and self.headings[j].level > h.level:
                    j += 1
                nodes.append(OutlineNode(i, Span(h.span.start, ends[i]), build(i + 1, j, h.level)))
                i = j
            return tuple(nodes)

        return build(0, len(self.headings), 0)

    def outline_json(self) -> list[dict[str, Any]]:
        def node(nd: OutlineNode) -> dict[str, Any]:
            assert nd.heading is not None
            h = self.headings[nd.heading]
            return {"level": h.level, "marker": h.marker, "title": h.title, "run_in": h.run_in,
                    "span": nd.span.to_json(), "children": [node(c) for c in nd.children]}

        return [node(n) for n in self.outline]

    # -- serialisation ------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "version": SCHEMA_VERSION,
            "text": self.text,
            "metadata": self.metadata.to_json(),
            "paragraphs": [p.to_json() for p in self.paragraphs],
            "headings": [h.to_json() for h in self.headings],
            "tables": [t.to_json() for t in self.tables],
            "anomalies": [a.to_json() for a in self.anomalies],
            "source": self.source.to_json(),
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Document:
        from .errors import DataError

        if d.get("schema") != SCHEMA:
            raise DataError(f"not a gongwen document dump (schema {d.get('schema')!r})")
        if d.get("version") != SCHEMA_VERSION:
            raise DataError(f"unsupported document dump version {d.get('version')!r}, expected {SCHEMA_VERSION}")
        try:
            return cls(
                text=d["text"],
                paragraphs=tuple(Paragraph.from_json(p) for p in d["paragraphs"]),
                headings=tuple(Heading.from_json(h) for h in d["headings"]),
                source=SourceMap.from_json(d["source"]),
                metadata=Metadata.from_json(d.get("metadata", {})),
                tables=tuple(Table.from_json(t) for t in d.get("tables", ())),
                anomalies=tuple(OutlineAnomaly.from_json(a) for a in d.get("anomalies", ())),
            )
        except (KeyError, TypeError, ValueError) as e:
            raise DataError(f"malformed document dump: {e}") from e
