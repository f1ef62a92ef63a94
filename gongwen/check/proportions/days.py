"""Rates over the days of a period: a count of days over the days of its year (优良天数 331 天，优良
天数比例 90.4%: 331 ÷ 366 in 2024, a leap year) and a per-day level of a period's total (全年提供
助餐服务 14.3 万人次，日均约 392 人次: ÷ 365).  The calendar is the whole the text leaves unsaid;
the pairing is a reading, so a relation is confirmed when it holds and silent when not.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from ...figure import Figure
from ...model import Span
from ..evaluation.intervals import hedge_kind, vocab
from ..reading.relations import Candidate, summable
from ..reading.textindex import TextIndex

_YEAR = re.compile(r"(\d{4})")
_SPAN = re.compile(r"(\d{4})-(\d{2})/(\d{4})-(\d{2})")


def period_days(period: str | None) -> int | None:
    """Days of a year or of a span of months; None for a point in time.

    >>> period_days("2024"), period_days("2025"), period_days("2025-01/2025-06"), period_days("2025-06")
    (366, 365, 181, None)
    """
    p = period or ""
    if _YEAR.fullmatch(p):
        return 366 if calendar.isleap(int(p)) else 365
    m = _SPAN.fullmatch(p)
    if m is None:
        return None
    y, a, y2, b = (int(x) for x in m.groups())
    months = [(y + (a - 1 + k) // 12, (a - 1 + k) % 12 + 1) for k in range((y2 - y) * 12 + b - a + 1)]
    return sum(calendar.monthrange(yy, mm)[1] for yy, mm in months) if months else None


def _calendar(f: Figure, days: int) -> Figure:
    """The days of ``f``'s period as a figure beside it (no literal of the text: shown as 366天)."""
    return replace(f, value=Decimal(days), unit="天", as_written=f"{days}天", unit_as_written="天", id="",
                   kind="actual", quantum=Decimal(1), previous=None, previous_span=None, change=None,
                   approx=None, bound=None, range_id=None, metric="全年天数")


def day_shares(idx: TextIndex) -> Iterator[Candidate]:
    """A share of days (优良天数比例 90.4%) over the count of days before it in its sentence (优良天数
    331 天) whose name the share's own words repeat: that count ÷ the days of its period."""
    v = vocab()
    for f in idx.figures:
        if f.unit != "%" or f.kind not in ("actual", "share") or f.change is not None or f.range_id is not None:
            continue
        name = idx.clause_before(f, 24)
        if "天数" not in name or not any(w in name for w in v["rate_words"]):
            continue
        sent = idx.sentence_of(f.span.start)
        counts = [g for g in idx.figures_in(Span(sent.start, f.span.start)) if g.unit == "天" and summable(g)]
        if not counts:
            continue
        part = counts[-1]
        noun = name[:name.index("天数") + 2]
        if not noun or noun[-4:] not in idx.clause_before(part, 24) + "天数":
            continue  # 优良天数比例 after 优良天数 331 天, not after another count of days
        days = period_days(part.period)
        if days is None or part.value > days:
            continue
        yield Candidate(code="GW107", kind="share", whole=(f,), parts=(part, _calendar(part, days)),
                        trigger="天数", explicit=False,
                        params={"complete": True, "exact_whole": True, "confirm_only": True})


def per_day_levels(idx: TextIndex) -> Iterator[Candidate]:
    """A per-day level (日均约 392 人次) after a total of its unit over a period in its sentence (全年
    14.3 万人次): total ÷ the days of the total's period."""
    for f in idx.figures:
        if f.kind != "actual" or f.change is not None or not f.unit:
            continue
        # a unit per day says so itself (日均清运量由上年的 1175 吨提高到 1260 吨 → 吨/日); the total is in
        # the unit's base
        base = f.unit.removesuffix("/日").removesuffix("/天")
        before = idx.text[max(0, f.span.start - 6):f.span.start] + f.as_written
        if base == f.unit and not any(w in before for w in vocab()["per_day_cues"]):
            continue
        sent = idx.sentence_of(f.span.start)
        totals = [g for g in idx.figures_in(Span(sent.start, f.span.start)) if g.unit == base and summable(g)]
        if not totals:
            continue
        total = totals[-1]
        days = period_days(total.period)
        if days is None:
            continue
        # 共清运 186420 吨，日均清运 1029.9 吨: a level right after its total, in the clause next to it, is
        # that total's per day — the text's own pairing, so a miss one misprint explains is reported; a
        # level said to be about so much (日均约 420 人次) claims no exact quotient, and a miss says nothing
        anchored = idx.figure_before(f) is total and hedge_kind(f) is None \
            and not any(ch in idx.between(total.span.end, f.span.start) for ch in "；;。")
        yield Candidate(code="GW106", kind="ratio", whole=(f,), parts=(total, _calendar(total, days)),
                        trigger="日均", params={"complete": True, "months": 1, "confirm_only": True,
                                              "anchored": anchored})
