"""Rates a report states with their operands: completion of a target (read by
:mod:`gongwen.check.proportions.completions`), 占X的x%, X率 after its two counts, and per-thousand or
per-100,000 ratios.

Each yields a share-like :class:`Candidate` (``rate = part ÷ whole × factor``) evaluated by
:func:`gongwen.check.evaluation.ratios.eval_share`.  Operands named by the text (完成目标 T 的 x%; 占 X 的 x%
with X stated) are explicit; operands found by position (the two counts before 整改率) are
inferred: a pass verifies the rate, a failure is at most a warning.

The operands are found with :mod:`.operands`; the readings live in :mod:`.named_shares` (占 X 的
x%), :mod:`.counted_rates` (X率 after its counts), :mod:`.per_capita` (per thousand, per
100,000), :mod:`.completions`, :mod:`.shares` and :mod:`.bases`; their names stay importable from
here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from ...figure import Figure
from ...model import Span
from ..evaluation.intervals import longest_first
from ..reading.relations import Candidate
from ..reading.textindex import TextIndex
from .bases import basis_rate
from .completions import completion
from .counted_rates import _names_another, _rate_name, closed_list, counted_rate, distant_whole, named_wholes
from .named_shares import named_share
from .operands import (
    HUNDRED,
    all_named,
    choose_whole,
    clause_start,
    compatible,
    core_name,
    counted,
    near_miss,
    operands_before,
    populations,
    same_kind,
    share_name,
)
from .per_capita import _per_factor, per_ratio, table_per_ratios
from .shares import named_multiple, respective_share, stated_ratio, structure_share
from .stem_wholes import stem_named_share

__all__ = [
    "HUNDRED", "all_named", "choose_whole", "clause_start", "closed_list", "compatible", "core_name", "counted",
    "counted_rate", "named_share", "named_wholes", "near_miss", "operands_before", "per_ratio", "percent_rate",
    "populations", "same_kind", "share_name", "stated_rates", "table_per_ratios",
]


def stated_rates(idx: TextIndex) -> Iterator[Candidate]:
    """Every rate of a text whose operands it states."""
    for f in idx.figures:
        if f.unit == "%" and f.kind != "change":
            c = percent_rate(idx, f)
            if c is not None:
                if not c.explicit and _anchored(idx, c):
                    c = dataclasses.replace(c, params={**c.params, "anchored": True})
                yield c
        elif f.unit == "倍" and f.kind != "change":
            c = named_multiple(idx, f)
            if c is not None:
                yield c
        elif _per_factor(idx, f) is not None:
            c = per_ratio(idx, f)
            if c is not None:
                if _anchored(idx, c):
                    c = dataclasses.replace(c, params={**c.params, "anchored": True})
                yield c


def percent_rate(idx: TextIndex, f: Figure) -> Candidate | None:
    """The rate a figure in percent states, with the operands the wording lays out, if any."""
    return completion(idx, f) or respective_share(idx, f) or stated_ratio(idx, f) or \
        structure_share(idx, f) or named_share(idx, f) or basis_rate(idx, f) or counted_rate(idx, f) or \
        basis_rate(idx, f, cued=False) or distant_whole(idx, f) or stem_named_share(idx, f)


def _anchored(idx: TextIndex, c: Candidate) -> bool:
    """A rate whose pairing the text itself makes: the part right before the rate in its sentence
    or named by the rate (受理 386 件，审结 372 件，结案率 96.4%; 其中集中供养 418 人、分散供养
    908 人，集中供养率 31.5%), the whole in that sentence or the one figure the rate's words name
    (占总诊疗人次的 52.7%; 常住人口签约率); or both found as the only figures so named.  A miss of
    such a pairing by a misprint is meant and wrong (see :func:`gongwen.check.evaluation.ratios.eval_share`)."""
    f, (part, whole) = c.whole[0], c.parts
    if c.params.get("named_pair"):
        return True
    sent = idx.sentence_of(f.span.start)
    if not sent.start <= part.span.start < f.span.start:
        return False
    if whole.span.start < sent.start and not c.params.get("named"):
        return False
    between = [g for g in idx.figures_in(Span(part.span.end, f.span.start)) if g.unit != "%" and g is not whole]
    stem = _rate_name(idx.clause_before(f, 24))
    for w in longest_first("rate_words"):
        stem = stem.removesuffix(w)
    if _names_another(idx, stem, part, whole):
        return False
    return not between or (len(stem) >= 2 and stem[-2:] in idx.label_before(part, 16))
