"""A fact stated twice in the text, told by its value: the only two text figures of one value of three
significant digits or more, one unit, kind and time, whose clauses share a word of two characters
(全年缴存住房公积金 58.74 亿元 and 年初缴存余额 312.45 亿元，加上全年缴存 58.74 亿元: 缴存), are one fact.

The names pairs of :mod:`.facts` read a fact's names from its clause and miss it when the two
mentions name it two ways (完成全县 10.27 万名老年人基础信息动态更新 and 60 周岁及以上老年人口 10.27
万人); a value a reader recognises by itself, stated nowhere else, with one word in common, is that
fact.  Found by value, the pairing is only ever verified: two figures that differ are left to the
names pairs.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from ...figure import Figure
from ..evaluation.findings import Finding
from ..evaluation.intervals import vocab
from ..evaluation.verdicts import lit, make, said_in
from ..growth.changes import old_values
from ..reading.relations import Candidate
from ..reading.textindex import TextIndex
from .table_wholes import _TELLING_DIGITS, _one_time, _row_said, significant_digits


def told_pairs(idx: TextIndex, findings: list[Finding]) -> Iterator[Finding]:
    """Every value stated exactly twice in the text (one unit, kind and time, two sentences, a word
    in common, no finding pairing them yet): verified as one fact stated twice (GW112)."""
    per = vocab()["per_unit_words"]
    old = old_values(idx)
    # a level, not a rate of one (完成年度目标任务的 104.8% of 52.4 亿元 and of 52.6 亿元 are two facts)
    said = [f for f in idx.figures if f.source != "table" and f.range_id is None and f.kind in ("actual", "target")
            and (f.span.start, f.span.end) not in old and significant_digits(f.value) >= _TELLING_DIGITS
            and not any(w in idx.clause_before(f) + f.as_written for w in per)]
    groups: dict[tuple[str, object], list[Figure]] = {}
    for f in said:
        groups.setdefault((f.unit, f.value), []).append(f)
    paired = {frozenset((id(a), id(b))) for g in findings for a, b in combinations(g.figures, 2)}
    for a, b in (pair for figs in groups.values() for pair in combinations(figs, 2)):
        if a.kind != b.kind or not _one_time(a, b) or frozenset((id(a), id(b))) in paired \
                or idx.sentence_of(a.span.start) == idx.sentence_of(b.span.start) \
                or _two_programs(a, b):
            continue
        # the words before each figure and the noun it counts after it (10.27 万名老年人)
        words_a, words_b = (idx.clause_before(f, 40, list_items=True) + idx.words_after(f, 8) for f in (a, b))
        if not _row_said(words_a, words_b):
            continue
        name = idx.label_before(a, 24) or lit(a)
        c = Candidate(code="GW112", kind="same", whole=(a,), parts=(b,), trigger=name, explicit=False)
        where = said_in(a, b)
        yield make(c, idx, "consistent", "info", f"“{name}”{where}两处均为 {lit(a)}，一致", [b, a], lit(a), lit(b))


def _two_programs(a: Figure, b: Figure) -> bool:
    """Two figures of two programs, neither named within the other (应急救护培训 and 人道资源动员, each its
    heading's own; not 住房公积金 and 住房公积金缴存): one value is two quantities."""
    if not a.program or not b.program:
        return False
    return a.program not in b.program and b.program not in a.program
