"""A growth rate restated without the level it grows (:func:`restated_growths`), named by its 分别
list, its level or its own clause: one fact in two sections of one year when the names agree.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from ...figure import Figure
from ..evaluation.findings import Finding
from ..evaluation.intervals import longest_first, vocab
from ..evaluation.slips import WORDS, decisive, one_misprint_apart, telling
from ..evaluation.verdicts import lit, make, where_said
from ..reading.mentions import clean, content, core, growth_mention, respective_name
from ..reading.relations import Candidate
from ..reading.textindex import TextIndex
from .moments import same_year


def _rated_name(idx: TextIndex, f: Figure) -> str:
    """The name a rate stated with no level takes from its own clause: the words before the base
    it is compared with, or before its verb (政府性基金预算收入同比下降 12.4% → 政府性基金预算收入)."""
    v = vocab()
    clause = idx.clause_before(f, 30)
    at = min((i for w in v["comparison_bases"] if (i := clause.find(w)) >= 0), default=-1)
    if at >= 0:
        return clause[:at]
    verbs = longest_first("increase_verbs", "decrease_verbs")
    return clause.removesuffix(next((w for w in verbs if clause.endswith(w)), ""))


def restated_growths(idx: TextIndex) -> Iterator[Finding]:
    """A growth rate restated without the level it grows (the opening summary's 社会消费品零售总额、
    外贸进出口总额分别增长 5.8%、9.3% and the section's 全年实现社会消费品零售总额 128.6 亿元，同比增长
    5.8%): named by its 分别 list or by its level, the same name, year and value in two sections are
    one fact — confirmed when equal; a value one misprint away under the very same name is reported:
    an error when the misprint is decisive (:func:`slips.decisive`: 15.6% / 51.6%), else a warning
    (one digit changed may be another base or period)."""
    rates = [f for f in idx.figures if f.unit == "%" and f.kind == "change" and f.range_id is None]
    shown: dict[int, str] = {}
    levelled: set[int] = set()
    for f in rates:
        item = respective_name(idx, f)
        level = growth_mention(idx, f) if not item else None
        own = _rated_name(idx, f) if item is None and level is None else ""
        shown[id(f)] = content(clean(level.subject if level else item if item is not None else own))
        if level is not None:
            levelled.add(id(f))
    for a, b in combinations(rates, 2):
        if id(a) in levelled and id(b) in levelled:
            continue  # two rates with their levels: one fact when the levels agree too (same_fact)
        na, nb = core(shown[id(a)]), core(shown[id(b)])
        if a.section == b.section or not same_year(a, b) or min(len(na), len(nb)) < 4:
            continue
        # another value is the same rate only under one name and one misprint away (社会消费品零售总额
        # 分别增长 5.8% … 社会消费品零售总额 128.6 亿元，同比增长 6.8%); 农村网络零售额 is not 网络零售额
        slip = one_misprint_apart(a, b) if a.value != b.value and na == nb else None
        if a.value != b.value and not telling(slip, a, b):
            continue
        if not any(x.endswith(y) or x.startswith(y) for x, y in ((na, nb), (nb, na))):
            continue  # 社会消费品零售总额 ~ 全年实现社会消费品零售总额; 学堂接待人次 ~ 学堂接待 (186.2 万人次)
        name = min(shown[id(a)], shown[id(b)], key=len)
        c = Candidate(code="GW112", kind="same", whole=(a,), parts=(b,), trigger=name, explicit=False)
        where_a, where_b = where_said(a, b)
        if slip is not None:
            # under the very same name, two swapped digits or a dropped one leave no reading (15.6% /
            # 51.6%); one digit changed may be another base or period, unless both state one period
            sure = decisive(slip, a, b) or bool(a.stated_period and a.stated_period == b.stated_period)
            yield make(c, idx, "inconsistent", "error" if sure else "warning",
                       f"“{name}”增速在“{where_a}”中为 {lit(a)}，在“{where_b}”中为 {lit(b)}（{WORDS[slip]}）；"
                       + ("同一增速两处不应不同，必有一处笔误" if sure else "同一增速两处表述不一，疑有一处笔误，请核对"),
                       [b, a], lit(a), lit(b), hints=("transposition",) if slip == "swap" else ("misprint",))
            continue
        yield make(c, idx, "consistent", "info", f"“{name}”增速在“{where_a}”与“{where_b}”两处均为 {lit(a)}，一致",
                   [b, a], lit(a), lit(b))
