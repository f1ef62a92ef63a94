"""A rate restated after the level it is of: a change or a completion rate stated in two
sentences (the opening summary and its section; twice in one paragraph) each after the same
level.  Its name may differ (完成年度目标的 104% and 完成率 104%; 较上年提高 1.3 个百分点 and 由上年
的 20.5% 提高 1.3 个百分点): the level names it, so the two are one fact.

Confirm only: an equal rate after an equal level is verified; a rate that differs is left to
:mod:`gongwen.check.repeats.facts` (another base or another plan may give another rate of one
level: 完成年度目标的 104% and 完成省下达任务的 98%).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal as Decimal  # doctests
from itertools import combinations

from ...figure import Figure
from ...source import Span as Span  # doctests
from ..evaluation.findings import Finding
from ..evaluation.intervals import vocab
from ..evaluation.verdicts import lit, make, said_in
from ..growth.changes import old_values
from ..reading.relations import Candidate
from ..reading.textindex import TextIndex
from .facts import same_year

_RATES = ("change", "completion")


def level_before(idx: TextIndex, f: Figure, old: set[tuple[int, int]]) -> Figure | None:
    """The level a rate is of: the nearest figure before it in its sentence that states a result
    (kind ``actual``) of the rate's year — not another rate, a target (年度目标为 60 亿元) nor an old
    value (比上年的 57.3 亿元).

    >>> lvl, old, rate = (Figure(Decimal(v), u, span=Span(a, b), kind=k) for v, u, a, b, k in
    ...     (("62.4", "亿元", 6, 10, "actual"), ("60", "亿元", 18, 20, "target"), ("104", "%", 25, 28, "completion")))
    >>> idx = TextIndex("全年完成投资62.4亿元，年度目标为60亿元，完成率104%。", [lvl, old, rate])
    >>> level_before(idx, rate, set()) is lvl
    True
    """
    sent = idx.sentence_of(f.span.start)
    before = [g for g in idx.figures_in(sent) if g.span.end <= f.span.start]
    year = (f.period or "")[:4]
    return next((g for g in reversed(before) if g.kind == "actual" and g.range_id is None
                 and (g.period or "")[:4] == year and not _last_years(idx, g)
                 and (g.span.start, g.span.end) not in old), None)


def _last_years(idx: TextIndex, g: Figure) -> bool:
    """A figure the words before it date to last year (由上年的 20.5%, 比上年同期的 1.74 亿元): an
    old value, whatever period the extractor gave it.

    >>> g = Figure(Decimal("20.5"), "%", span=Span(15, 20))
    >>> _last_years(TextIndex("达标比例为21.8%，由上年的20.5%提高1.3个百分点", [g]), g)
    True
    """
    label = idx.label_before(g, 12).removesuffix("的")
    return label.endswith(tuple(vocab()["previous_heads"]))


def restated_rates(idx: TextIndex) -> Iterator[Finding]:
    """Every pair of equal rates of one kind and year in two sentences, each after an equal level
    (:func:`level_before`): one fact stated twice, verified."""
    old = old_values(idx)
    rates = [f for f in idx.figures if f.kind in _RATES and f.source != "table" and f.range_id is None]
    levels = {id(f): level_before(idx, f, old) for f in rates}
    for a, b in combinations(rates, 2):
        la, lb = levels[id(a)], levels[id(b)]
        if la is None or lb is None or la is lb or (a.kind, a.unit, a.value) != (b.kind, b.unit, b.value) \
                or (la.unit, la.value) != (lb.unit, lb.value) or not same_year(a, b) \
                or idx.sentence_of(a.span.start) == idx.sentence_of(b.span.start):
            continue
        name = idx.label_before(la, 24) or lit(la)
        c = Candidate(code="GW112", kind="same", whole=(a,), parts=(b,), trigger=name, explicit=False)
        where = said_in(a, b)
        yield make(c, idx, "consistent", "info",
                   f"“{name}”{lit(la)} 的{'完成率' if a.kind == 'completion' else '增减'}{where}两处均为 {lit(a)}，一致",
                   [b, a], lit(a), lit(b))


def unsaid(found: Iterable[Finding], said: list[Finding]) -> Iterator[Finding]:
    """The findings whose figures no finding said before has (a rate pair :mod:`.facts` verified)."""
    seen = {frozenset(id(f) for f in s.figures) for s in said}
    for f in found:
        if frozenset(id(g) for g in f.figures) not in seen:
            yield f
