"""A share of a count whose whole the text leaves unsaid (新一届班子中，高中以上学历 49 人，占 62.01%):
the whole is a count too, so some whole number of things must give the share as printed — rounded,
or cut off at its last digit as writers also do (48 人，占 60.7% is 48 of 79: 60.76%).  When no whole
number does, the share or the count is misprinted; when the text states the whole, the share is
checked against it elsewhere (:mod:`.rates`), and so is any share named with its whole (占全县的).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from math import ceil, floor

from ...figure import Figure
from ..evaluation.findings import Finding
from ..evaluation.intervals import hedge_kind, vocab
from ..evaluation.verdicts import lit, make
from ..reading.relations import Candidate
from ..reading.textindex import SPACES, TextIndex


def whole_counts(part: Figure, share: Figure) -> tuple[int, int] | None:
    """The whole numbers a count ``part`` may be of for ``share`` to print as it does (rounded or cut
    off at its last digit), lowest and highest, or None when there is none.

    >>> whole_counts(Figure(Decimal(48), "人"), Figure(Decimal("60.7"), "%", quantum=Decimal("0.1")))
    (79, 79)
    >>> whole_counts(Figure(Decimal(49), "人"), Figure(Decimal("62.01"), "%", quantum=Decimal("0.01"))) is None
    True
    """
    q = share.quantum if share.quantum > 0 else Decimal(1)
    lo_share, hi_share = share.value - q / 2, share.value + q
    if lo_share <= 0:
        return None
    # part / N * 100 in [lo_share, hi_share): N in (part*100/hi_share, part*100/lo_share]
    lo = floor(part.value * 100 / hi_share) + 1
    hi = floor(part.value * 100 / lo_share)
    lo = max(lo, ceil(part.value))
    return (lo, hi) if lo <= hi else None


def _count(f: Figure) -> bool:
    """An exact count as printed: a count unit, a whole number, no hedge, no 万 or 亿 in its words."""
    return f.unit in vocab()["count_units"] and f.value > 0 and f.value == f.value.to_integral_value() \
        and hedge_kind(f) is None and not any(w in f.as_written for w in vocab()["magnitudes"]) \
        and f.source != "table"


def unstated_wholes(idx: TextIndex) -> Iterator[Finding]:
    """Each share printed right after a count with only a share cue between (…49 人，占 62.01%) that no
    whole number of things gives."""
    cues = tuple(vocab()["unstated_whole_cues"])
    for s in idx.figures:
        if s.unit != "%" or s.kind == "change" or s.change is not None or hedge_kind(s) is not None:
            continue
        part = idx.figure_before(s)
        if part is None or not _count(part) or part.kind != "actual" or s.kind not in ("actual", "share"):
            continue
        between = idx.text[part.span.end:s.span.start].strip(SPACES + "，,")
        if between not in cues:
            continue
        if whole_counts(part, s) is not None:
            continue
        c = Candidate(code="GW107", kind="share", whole=(), parts=(part,), trigger=between, explicit=False)
        msg = (f"{lit(part)} 占 {lit(s)}：没有哪个整数总数能使 {lit(part)} 所占比例为 {lit(s)}"
               f"（四舍五入或截尾均不能），占比或人数疑有笔误")
        yield make(c, idx, "inconsistent", "warning", msg, [part, s], lit(s), None)
