"""The value types of the number grammar: a quantity literal, its bound, a condition."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from ...._frozen import quick_init
from ....model import Span

__all__ = ["Bound", "Condition", "Quantity"]

Bound = Literal["~", ">=", ">", "<=", "<"]


@quick_init
@dataclass(frozen=True)
class Quantity:
    """One quantity literal: ``text[span.start:span.end] == as_written``.

    ``value`` and ``quantum`` are in the base unit (38.64万元 → 386400 元, quantum 100).
    ``approx`` is the hedge word as written and ``bound`` its direction.  The two ends of a
    range share ``range_id``.  ``condition`` is a qualifying bound written right before the
    quantity (80至89周岁 in "80至89周岁120元/人·月").  ``needs_unit`` marks a number written
    without a unit whose ``unit`` was inferred from its neighbours ("" when none was found);
    ``unit_source`` says where the unit came from ("noun" for a ratio or coefficient its noun names,
    whose unit may be "": 城乡居民收入比…1.94).  ``role`` is set by
    :func:`gongwen.extract.figures.grammar.changes.apply_changes` ("previous" for the old value of a change,
    "delta" for a stated increase; :mod:`.numbers` sets "class" for an amount that names a class of
    things counted next, 10亿元以上项目23个, which is no figure).
    """

    span: Span
    as_written: str
    value: Decimal
    unit: str
    unit_as_written: str
    quantum: Decimal = Decimal(1)
    approx: str | None = None
    bound: Bound | None = None
    approx_span: Span | None = None
    range_id: str | None = None
    range_role: Literal["low", "high"] | None = None
    condition: str | None = None
    condition_span: Span | None = None
    needs_unit: bool = False
    unit_source: Literal["written", "prefix", "context", "inferred", "noun", ""] = "written"
    script: Literal["arabic", "chinese"] = "arabic"
    role: Literal["value", "previous", "delta", "class"] = "value"


@dataclass(frozen=True)
class Condition:
    """A bound used as a condition, not a figure: 80至89周岁, 100周岁以上."""

    span: Span
    text: str
    unit: str
    low: Decimal | None
    high: Decimal | None
