"""Interval arithmetic on printed precision (check-rules §3.3)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from gongwen.check.evaluation.intervals import Interval, NotCheckable, interval_of, last_nonzero_place
from gongwen.figure import Figure
from gongwen.model import Span


def fig(value: str, unit: str, written: str, quantum: str = "1", approx: str | None = None,
        bound: str | None = None) -> Figure:
    return Figure(value=D(value), unit=unit, as_written=written, span=Span(0, len(written)),
                  quantum=D(quantum), approx=approx, bound=bound, unit_as_written=unit)  # type: ignore[arg-type]


@pytest.mark.parametrize("f, lo, hi", [
    (fig("386400", "元", "38.64万元", "100"), "386350", "386450"),
    (fig("612.38", "元/人次", "612.38元/人次", "0.01"), "612.375", "612.385"),
    (fig("4826", "户", "4826户"), "4826", "4826"),              # counts are exact
    (fig("6382150", "元", "6382150元"), "6382150", "6382150"),  # plain 元 amounts are exact
    (fig("14.95", "%", "14.95%", "0.01"), "14.945", "14.955"),
    (fig("320000000", "元", "3.2亿元", "10000000"), "315000000", "325000000"),
], ids=["wan", "level", "count", "yuan", "pct", "yi"])
def test_printed_precision(f: Figure, lo: str, hi: str) -> None:
    iv = interval_of(f)
    assert (iv.lo, iv.hi) == (D(lo), D(hi))


def test_hedges_open_or_widen() -> None:
    more = interval_of(fig("40", "家", "40多家", approx="多", bound=">"))
    assert (more.lo, more.hi, more.lo_open, more.hi_open) == (D(40), D(50), True, True)
    assert interval_of(fig("400", "人", "400余人", approx="余")).hi == D(500)
    at_least = interval_of(fig("100", "%", "100%以上", approx="以上", bound=">="))
    assert at_least.lo == D(100) and at_least.hi is None
    about = interval_of(fig("43000000", "元", "约4300万元", "10000", approx="约", bound="~"))
    assert about.lo == D(40850000) and about.hi == D(45150000)
    near = interval_of(fig("86", "人", "近86人", approx="近", bound="<="))
    assert near.hi == D("86.5") and near.lo < D(82)


def test_trailing_zero_readings() -> None:
    f = fig("3000", "人", "3000人")
    assert interval_of(f).is_point
    r = interval_of(f, "rounded")
    assert (r.lo, r.hi) == (D(2500), D(3500))
    assert last_nonzero_place(D(5000000), D(10000)) == D(1000000)
    assert interval_of(fig("380", "人次", "380人次"), "rounded").is_point  # one zero: not a round figure


def test_arithmetic_and_disjointness() -> None:
    a = Interval(D(1), D(2))
    b = Interval(D(3), D(5))
    assert (a + b) == Interval(D(4), D(7))
    assert (b - a) == Interval(D(1), D(4))
    assert (b / a).lo == D("1.5") and (b / a).hi == D(5)
    assert not a.intersects(b) and a.gap(b) == D(1)
    assert Interval(D(2), D(3), True).intersects(a) is False  # (2,3] and [1,2] share no value
    assert a.le(b) and not b.le(a)
    with pytest.raises(NotCheckable):
        _ = b / Interval(D(-1), D(1))


def test_ratio_example_is_consistent_with_intervals_but_not_naively() -> None:
    amount, count = fig("386400", "元", "38.64万元", "100"), fig("365", "人次", "365人次")
    level = fig("1058.66", "元/人次", "1058.66元/人次", "0.01")
    comp = interval_of(amount) / interval_of(count)
    assert comp.intersects(interval_of(level))
    assert round(D(386400) / 365, 2) != D("1058.66")  # the naive round-to-2-decimals check fails
