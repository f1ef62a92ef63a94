"""The document model: one canonical text, immutable spans into it, and a map back to the source.

A :class:`Document` owns ``text``.  Paragraphs, headings, tables (and, later, figures and
findings) refer to it by half-open code-point offsets (:class:`Span`) that are checked when
built.  ``Document.source`` maps every canonical character back to the raw text the reader saw
and from there to the PDF page and glyph box, the DOCX paragraph, or the text-file line.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import MISSING, dataclass, field, fields
from typing import Any, Literal, TypeVar

SCHEMA = "gongwen.document"
SCHEMA_VERSION = 1

_T = TypeVar("_T")


def _quick_init(cls: type[_T]) -> type[_T]:
    """Give a frozen dataclass an ``__init__`` that fills the new instance's ``__dict__``
    directly: the same parameters, defaults and ``__post_init__`` call as the generated one,
    about three times faster to run (a frozen dataclass's own ``__init__`` sets each field through
    ``object.__setattr__``; a document builds its spans, source lines, quantities and figures by
    the hundred).  The instance stays frozen: only ``__init__`` writes its fields.

    >>> @_quick_init
    ... @dataclass(frozen=True)
    ... class P:
    ...     x: int
    ...     y: int = 2
    >>> P(1), P(1, y=3) == P(1, 3)
    (P(x=1, y=2), True)
    """
    params: list[str] = []
    stores: list[str] = []
    defaults: dict[str, Any] = {}
    for f in fields(cls):  # type: ignore[arg-type]
        if not f.init or f.default_factory is not MISSING:
            raise TypeError(f"_quick_init: {cls.__name__}.{f.name} needs the generated __init__")
        if f.default is MISSING:
            params.append(f.name)
        else:
            defaults[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        stores.append(f"    d[{f.name!r}] = {f.name}\n")
    post = "    self.__post_init__()\n" if hasattr(cls, "__post_init__") else ""
    source = f"def __init__(self, {', '.join(params)}):\n    d = self.__dict__\n{''.join(stores)}{post}"
    exec(source, defaults)  # built from the class's own field names, as dataclasses does
    init = defaults["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__annotations__ = cls.__init__.__annotations__
    cls.__init__ = init  # type: ignore[method-assign]
    return cls


# "meta": a web page's information field or a line repeating the title (a teaser), not the report's text
ParagraphKind = Literal["body", "heading", "title", "signature", "date", "table_row", "meta"]


@_quick_init
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


@_quick_init
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


@_quick_init
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


@_quick_init
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
