"""Interval arithmetic on printed precision, with Decimal and open or infinite ends.

A printed figure stands for every value its last digit allows (41.57 万元 = [415650, 415750]
元); counts of people and households are exact; hedge words widen or open the interval
(check-rules §3.3).  A relation is inconsistent only when no values inside the intervals
satisfy it, which for the relations we check reduces to "the computed interval and the stated
interval are disjoint".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal, localcontext
from functools import cache
from pathlib import Path
from typing import Any, Literal

from ..._data import package_yaml, rx
from ...errors import DataError
from ...figure import Figure

DATA = Path(__file__).parent.parent / "data"
Reading = Literal["strict", "rounded"]


@cache
def vocab() -> dict[str, Any]:
    """The checker's vocabulary (units, hedges, cue words, category sets), loaded once."""
    path = DATA / "vocab.yaml"
    data = package_yaml("gongwen.check", "data/vocab.yaml")
    if not isinstance(data, dict):
        raise DataError("checker vocabulary is not a mapping", path)
    return data


@cache
def longest_first(*keys: str, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The words of the vocabulary lists ``keys`` (and ``extra``), each once, longest first: the
    order a scan for the longest cue a name starts or ends with needs, sorted once per run.

    >>> longest_first("annual_words", extra=("全年全年",))[0]
    '全年全年'
    """
    v = vocab()
    words = dict.fromkeys((*extra, *(w for k in keys for w in v[k])))
    return tuple(sorted(words, key=len, reverse=True))


class NotCheckable(Exception):
    """Raised when an interval operation has no meaningful result (division by an interval
    spanning zero, an unbounded operand in a ratio)."""


@dataclass(frozen=True)
class Interval:
    """A real interval; ``lo``/``hi`` None mean −∞/+∞; ``lo_open``/``hi_open`` exclude ends.

    >>> (Interval.point(Decimal(416)) + Interval.point(Decimal(5738))).hi
    Decimal('6154')
    """

    lo: Decimal | None
    hi: Decimal | None
    lo_open: bool = False
    hi_open: bool = False

    @classmethod
    def point(cls, v: Decimal) -> Interval:
        return cls(v, v)

    @classmethod
    def around(cls, v: Decimal, half: Decimal) -> Interval:
        return cls(v - half, v + half)

    # -- predicates ---------------------------------------------------------------------------
    @property
    def bounded(self) -> bool:
        return self.lo is not None and self.hi is not None

    @property
    def is_point(self) -> bool:
        return self.bounded and self.lo == self.hi

    @property
    def width(self) -> Decimal | None:
        if not self.bounded:
            return None
        assert self.lo is not None and self.hi is not None
        return self.hi - self.lo

    def contains(self, v: Decimal) -> bool:
        if self.lo is not None and (v < self.lo or (self.lo_open and v == self.lo)):
            return False
        return not (self.hi is not None and (v > self.hi or (self.hi_open and v == self.hi)))

    def intersects(self, other: Interval) -> bool:
        """True when some value lies in both intervals (open ends respected)."""
        return _below(self, other) and _below(other, self)

    def gap(self, other: Interval) -> Decimal:
        """Distance between two disjoint intervals (0 when they meet)."""
        if self.intersects(other):
            return Decimal(0)
        if self.hi is not None and other.lo is not None and self.hi <= other.lo:
            return other.lo - self.hi
        if other.hi is not None and self.lo is not None and other.hi <= self.lo:
            return self.lo - other.hi
        return Decimal(0)

    def le(self, other: Interval) -> bool:
        """Some x in self and y in other with x <= y."""
        if self.lo is None or other.hi is None:
            return True
        if self.lo < other.hi:
            return True
        return self.lo == other.hi and not self.lo_open and not other.hi_open

    # -- arithmetic ---------------------------------------------------------------------------
    def __add__(self, other: Interval) -> Interval:
        lo = None if self.lo is None or other.lo is None else self.lo + other.lo
        hi = None if self.hi is None or other.hi is None else self.hi + other.hi
        return Interval(lo, hi, self.lo_open or other.lo_open, self.hi_open or other.hi_open)

    def __neg__(self) -> Interval:
        return Interval(None if self.hi is None else -self.hi, None if self.lo is None else -self.lo,
                        self.hi_open, self.lo_open)

    def __sub__(self, other: Interval) -> Interval:
        return self + (-other)

    def __mul__(self, other: Interval) -> Interval:
        if not (self.bounded and other.bounded):
            raise NotCheckable("product of an unbounded interval")
        assert self.lo is not None and self.hi is not None and other.lo is not None and other.hi is not None
        cands = [(self.lo * other.lo, self.lo_open or other.lo_open),
                 (self.lo * other.hi, self.lo_open or other.hi_open),
                 (self.hi * other.lo, self.hi_open or other.lo_open),
                 (self.hi * other.hi, self.hi_open or other.hi_open)]
        lo = min(cands, key=lambda c: (c[0], c[1]))
        hi = max(cands, key=lambda c: (c[0], not c[1]))
        return Interval(lo[0], hi[0], lo[1], hi[1])

    def __truediv__(self, other: Interval) -> Interval:
        if not other.bounded:
            raise NotCheckable("division by an unbounded interval")
        assert other.lo is not None and other.hi is not None
        if other.lo <= 0 <= other.hi:
            raise NotCheckable("division by an interval that contains zero")
        with localcontext() as ctx:
            ctx.prec = 34
            inv = Interval(1 / other.hi, 1 / other.lo, other.hi_open, other.lo_open)
            if not self.bounded:
                return _scale_unbounded(self, inv)
            return self * inv

    def scale(self, k: Decimal) -> Interval:
        """Multiply by a positive constant."""
        return Interval(None if self.lo is None else self.lo * k, None if self.hi is None else self.hi * k,
                        self.lo_open, self.hi_open)

    def shift(self, k: Decimal) -> Interval:
        return Interval(None if self.lo is None else self.lo + k, None if self.hi is None else self.hi + k,
                        self.lo_open, self.hi_open)

    def to_json(self) -> list[str | None]:
        """Ends as decimal strings (None for infinite ends), never floats."""
        return [None if self.lo is None else _s(self.lo), None if self.hi is None else _s(self.hi)]

    def show(self, places: int | None = None) -> str:
        """Human form: a point as one number, else lo–hi (∞ for open-ended; lo 至 hi when a bound is
        negative, so no dash reads as a minus sign)."""
        lo = "−∞" if self.lo is None else _s(self.lo, places)
        hi = "+∞" if self.hi is None else _s(self.hi, places)
        if lo == hi:
            return lo
        return f"{lo} 至 {hi}" if lo.startswith("-") or hi.startswith("-") else f"{lo}–{hi}"


def _below(a: Interval, b: Interval) -> bool:
    """a.lo is not above b.hi (so the intervals can meet from a's side)."""
    if a.lo is None or b.hi is None:
        return True
    if a.lo < b.hi:
        return True
    return a.lo == b.hi and not a.lo_open and not b.hi_open


def _scale_unbounded(a: Interval, inv: Interval) -> Interval:
    assert inv.lo is not None and inv.hi is not None
    if inv.lo <= 0:
        raise NotCheckable("unbounded interval divided by a non-positive interval")
    lo = None if a.lo is None else (a.lo * (inv.lo if a.lo >= 0 else inv.hi))
    hi = None if a.hi is None else (a.hi * (inv.hi if a.hi >= 0 else inv.lo))
    return Interval(lo, hi, a.lo_open, a.hi_open)


def _s(v: Decimal, places: int | None = None) -> str:
    """A Decimal as plain text, without exponent, trailing zeros trimmed (or fixed places)."""
    if places is not None:
        v = v.quantize(Decimal(1).scaleb(-places)) if places > 0 else v.quantize(Decimal(1))
        return format(v, "f")
    t = format(v.normalize(), "f") if v != 0 else "0"
    return t


# -- figures to intervals ---------------------------------------------------------------------------

def is_count(fig: Figure) -> bool:
    return fig.unit in vocab()["count_units"]


def has_scale_word(fig: Figure) -> bool:
    text = fig.as_written + fig.unit_as_written
    return any(w in text for w in vocab()["scale_words"])


def is_exact(fig: Figure) -> bool:
    """Counts and plain 元 amounts printed without a scale word are exact (check-rules §3.3.2)."""
    if has_scale_word(fig):
        return False
    averaged = any(w in (fig.metric or "") + fig.as_written for w in vocab()["per_unit_words"])
    if is_count(fig):
        # 检查企业 1,842 家次 is a count; 平均每家企业检查 1.6 次, 平均每名教练员带训运动员 22 人 are rounded averages
        return fig.quantum <= 1 and not averaged
    if fig.unit in vocab()["integer_units"]:
        # 331 天 of good air is a count of days; 平均办结时间 3 天 is a rounded average
        return fig.quantum == 1 and not averaged
    if fig.quantum != 1 or not fig.unit.startswith("元"):
        return False
    # 元 and per-person standards (元/人/月) as printed; averages (元/人次, 元/户) are rounded results
    parts = fig.unit.split("/")
    return len(parts) != 2 or parts[1] not in vocab()["level_denominators"]


def hedge_kind(fig: Figure) -> str | None:
    """The hedge kind of a figure (about, near, digit_more, at_least …) or None."""
    v = vocab()
    if fig.approx:
        for word, kind in sorted(v["hedges"].items(), key=lambda kv: -len(kv[0])):
            if word in fig.approx:
                return str(kind)
    if fig.bound:
        return v["bounds"].get(fig.bound)
    return None


def last_nonzero_place(value: Decimal, quantum: Decimal) -> Decimal:
    """Place value of the last non-zero printed digit (3000 → 1000; 41.57万 with q=100 → 100)."""
    if quantum <= 0 or value == 0:
        return quantum if quantum > 0 else Decimal(1)
    n = (abs(value) / quantum).to_integral_value()
    place = quantum
    while n != 0 and n % 10 == 0:
        n //= 10
        place *= 10
    return place


def has_trailing_zeros(fig: Figure) -> bool:
    """Two or more trailing zeros (3000 人, 500 万元): the figure may be a rounded one — unless it is
    printed with a decimal point (6.00 万人次, 120.0 万元): zeros after the point are the precision
    its writer states, and so are the zeros before it that the point closes."""
    q = fig.quantum if fig.quantum > 0 else Decimal(1)
    return last_nonzero_place(fig.value, q) >= q * 100 and not _pointed(fig)


_POINTED = rx(r"\d\.\d")


def _pointed(fig: Figure) -> bool:
    """The figure's number is printed with a decimal point (6.00万, 1,700.0)."""
    return bool(_POINTED.search(fig.as_written))


def interval_of(fig: Figure, reading: Reading = "strict", value: Decimal | None = None) -> Interval:
    """The interval a printed figure stands for under a reading.

    ``strict`` uses the printed precision; ``rounded`` also lets trailing zeros be rounding
    (3000 人 may be 2500–3500).  ``value`` overrides the figure's value (used for ``previous``).
    """
    v = fig.value if value is None else value
    q = fig.quantum if fig.quantum > 0 else Decimal(1)
    kind = hedge_kind(fig)
    exact = is_exact(fig) and kind is None
    if reading == "rounded" and kind is None and fig.source != "table" and fig.kind != "standard" \
            and last_nonzero_place(v, q) >= q * 100 and not (value is None and _pointed(fig)):
        q = last_nonzero_place(v, q)
        exact = False
    half = Decimal(0) if exact else q / 2
    if kind is None:
        return Interval.around(v, half)
    band = Decimal(str(vocab()["about_band"]))
    if kind == "about":
        w = max(abs(v) * band, half)
        return Interval(v - w, v + w)
    if kind == "near":
        return Interval(v - max(abs(v) * band, half), v + half)
    if kind == "digit_more":
        return Interval(v, v + last_nonzero_place(v, q), True, True)
    if kind == "at_least":
        return Interval(v, None)
    if kind == "more_than":
        return Interval(v, None, True, False)
    if kind == "at_most":
        return Interval(None, v)
    if kind == "less_than":
        return Interval(None, v, False, True)
    return Interval.around(v, half)



def interval_under(fig: Figure, reading: Reading, override: tuple[Figure, Decimal] | None) -> Interval:
    """:func:`interval_of`, with ``override``'s figure read at its value instead (a candidate
    misprint's correction, tried by the slip finders)."""
    return interval_of(fig, reading, override[1] if override and fig is override[0] else None)

def readings_of(figs: Iterable[Figure]) -> list[Reading]:
    """Readings worth trying for a set of operands: strict, then rounded if any has trailing zeros.
    A table cell is printed to the unit its header states (240000 万元 beside 98560 万元 is not
    24 亿 rounded): only text figures may be round numbers."""
    return ["strict", "rounded"] if any(has_trailing_zeros(f) and f.source != "table" and f.kind != "standard"
                                        for f in figs) else ["strict"]


def with_value(fig: Figure, value: Decimal, **kw: Any) -> Figure:
    """A copy of a figure carrying another value (and optionally other fields)."""
    return replace(fig, value=value, **kw)


def hundred_percent(share: Figure, metric: str, exact: bool = False) -> Figure:
    """100% beside a share (no literal of the text): the whole it is a part of, a tenth finer than
    the share.  ``exact``: like a table cell, never read as a rounded number (a structure's whole:
    its two zeros are no rounding that would let 73% pass as 100%)."""
    return replace(share, value=Decimal(100), as_written="100%", id="", quantum=share.quantum / 10,
                   source="table" if exact else share.source, previous=None, previous_span=None, change=None,
                   approx=None, bound=None, range_id=None, metric=metric)
