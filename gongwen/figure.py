"""Figures: every quantity in a report as a frozen, labelled, traceable value.

Equality is by meaning (value, unit, labels); ``as_written``, ``span`` and the other source
details are carried along with ``compare=False`` (sqlite-utils / price-parser habit).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from ._frozen import quick_init
from .model import Document, Span

EXTRACTION_SCHEMA = "gongwen.extraction"
EXTRACTION_VERSION = 2

# What kind of quantity a figure is (see gongwen.extract.figures.labels.kinds).
FigureKind = Literal["actual", "target", "standard", "condition", "change", "completion", "share"]

# What names a figure's program (see gongwen.extract.figures.assemble): "text" the vocabulary's
# words or a heading's line of work found in the text, "heading" the innermost heading's title
# that is itself a line's name, "metric" only the work the figure's own metric counts.
ProgramFrom = Literal["text", "heading", "metric"]

# How a hedge word bounds the value: "~" about, ">=" at least, ">" more than, "<=" at most,
# "<" less than; None for a plain value.
Bound = Literal["~", ">=", ">", "<=", "<"]


@quick_init
@dataclass(frozen=True)
class Figure:
    """One quantity.

    - ``value``: Decimal in the base unit (万元 and 亿元 become 元, 万人 becomes 人).
    - ``unit``: normalised base unit (元, 元/人/月, 人, 户, 人次, %, 个百分点 …).
    - ``approx``: the hedge word as written (约, 近, 余, 多, 以上 …) and ``bound`` its meaning.
    - ``previous``: the old value of a stated change (由 A 提高到 B → previous = A) in the same unit.
    - ``change``: a stated delta or growth (提高了 168 元; 增加 127%), signed; ``change_unit`` is
      its unit (the figure's unit for an absolute change, ``%`` or ``个百分点`` for a relative one).
    - ``quantum``: the place value of the last printed digit in the base unit (41.57 万元 → 100):
      the checker's precision interval is value ± quantum / 2.
    - ``range_id``/``range_role``: the two bounds of a stated range share an id.
    - ``text_span``: the sentence the figure stands in; ``source``: "text" or "table".
    - ``program``: the line of work the figure is filed under, or None; ``program_from`` what names
      it (:data:`ProgramFrom`) — the checker takes a program its figure's own metric alone names
      for no evidence that two figures are of two works. ``topic``: the title of the innermost
      heading above the figure (what the section is about).
    - ``kind``: actual, target, standard, condition, change, completion or share.
    - ``ocr_confidence``: for a figure read from a scan, the lowest recognition confidence of
      its digits (None otherwise); below the OCR settings' ``low_confidence`` it is to be
      verified against the scan.
    - ``period``: ISO 8601 at the printed precision; ``period_inferred`` is True when the period
      was not stated in the figure's own sentence (carried from its paragraph, a heading such
      as 2024年工作计划, or the report's own period).
    """

    value: Decimal
    unit: str
    program: str | None = None
    scope: str | None = None
    metric: str | None = None
    period: str | None = None
    previous: Decimal | None = None
    change: Decimal | None = None
    change_unit: str | None = None
    approx: str | None = None
    bound: Bound | None = None
    section: tuple[str, ...] = ()
    topic: str | None = None
    kind: FigureKind = "actual"
    period_inferred: bool = False
    # -- provenance, not part of the figure's meaning ---------------------------------------
    id: str = field(default="", compare=False)
    as_written: str = field(default="", compare=False)
    span: Span = field(default=Span(0, 0), compare=False)
    unit_as_written: str = field(default="", compare=False)
    quantum: Decimal = field(default=Decimal(1), compare=False)
    range_id: str | None = field(default=None, compare=False)
    range_role: Literal["low", "high"] | None = field(default=None, compare=False)
    page: int | None = field(default=None, compare=False)
    text_span: Span | None = field(default=None, compare=False)
    source: Literal["text", "table"] = field(default="text", compare=False)
    previous_span: Span | None = field(default=None, compare=False)
    ocr_confidence: float | None = field(default=None, compare=False)
    program_from: ProgramFrom | None = field(default=None, compare=False)

    @property
    def stated_period(self) -> str | None:
        """The period the text states for the figure (None when it was only inferred)."""
        return None if self.period_inferred else self.period

    @property
    def as_float(self) -> float:
        return float(self.value)

    def to_json(self, text: str | None = None) -> dict[str, Any]:
        """JSON-ready dict; Decimals become JSON numbers via their exact string form."""
        out: dict[str, Any] = {
            "id": self.id,
            "value": _num(self.value),
            "unit": self.unit,
            "as_written": self.as_written,
            "unit_as_written": self.unit_as_written,
            "span": self.span.to_json(),
            "page": self.page,
            "section": list(self.section),
            "topic": self.topic,
            "program": self.program,
            "program_from": self.program_from,
            "kind": self.kind,
            "scope": self.scope,
            "metric": self.metric,
            "period": self.period,
            "period_inferred": self.period_inferred,
            "previous": _num(self.previous),
            "change": _num(self.change),
            "change_unit": self.change_unit,
            "approx": self.approx,
            "bound": self.bound,
            "quantum": _num(self.quantum),
            "range_id": self.range_id,
            "range_role": self.range_role,
            "source": self.source,
            "previous_span": self.previous_span.to_json() if self.previous_span else None,
            "text_span": self.text_span.to_json() if self.text_span else None,
            "ocr_confidence": self.ocr_confidence,
        }
        if text is not None and self.text_span is not None:
            out["text"] = self.text_span.slice(text)
        return out

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Figure:
        def dec(x: Any) -> Decimal | None:
            return None if x is None else Decimal(str(x))

        return cls(
            value=Decimal(str(d["value"])),
            unit=d["unit"],
            program=d.get("program"),
            scope=d.get("scope"),
            metric=d.get("metric"),
            period=d.get("period"),
            previous=dec(d.get("previous")),
            change=dec(d.get("change")),
            change_unit=d.get("change_unit"),
            approx=d.get("approx"),
            bound=d.get("bound"),
            section=tuple(d.get("section") or ()),
            topic=d.get("topic"),
            kind=d.get("kind", "actual"),
            period_inferred=bool(d.get("period_inferred", False)),
            id=d.get("id", ""),
            as_written=d.get("as_written", ""),
            span=Span.from_json(d["span"]),
            unit_as_written=d.get("unit_as_written", ""),
            quantum=dec(d.get("quantum")) or Decimal(1),
            range_id=d.get("range_id"),
            range_role=d.get("range_role"),
            page=d.get("page"),
            text_span=Span.from_json(d["text_span"]) if d.get("text_span") else None,
            source=d.get("source", "text"),
            previous_span=Span.from_json(d["previous_span"]) if d.get("previous_span") else None,
            ocr_confidence=d.get("ocr_confidence"),
            program_from=d.get("program_from"),
        )


def _num(x: Decimal | None) -> int | float | str | None:
    """A Decimal as a JSON number: int when integral, else float if it round-trips exactly."""
    if x is None:
        return None
    if x == x.to_integral_value():
        return int(x)
    f = float(x)
    return f if Decimal(repr(f)) == x.normalize() else str(x)


@dataclass(frozen=True)
class Extraction:
    """A document together with the figures found in it."""

    document: Document
    figures: tuple[Figure, ...]

    def to_json(self) -> dict[str, Any]:
        doc = self.document
        md = doc.metadata
        return {
            "schema": EXTRACTION_SCHEMA,
            "version": EXTRACTION_VERSION,
            "document": {
                "title": md.title,
                "issuer": md.issuer,
                "date": md.date,
                "year": md.year,
                "kind": md.kind,
                "period": getattr(md, "period", None),
                "pages": md.pages,
                "doc_number": md.doc_number,
                "source": doc.source.path,
                "format": doc.source.format,
            },
            "headings": [h.to_json() for h in doc.headings],
            "outline": doc.outline_json(),
            "figures": [f.to_json(doc.text) for f in self.figures],
        }
