"""The same fact stated twice in the text: two mentions of one quantity in different sections
(the opening summary and its section, the work done and the plan) matched by their labels or
names must agree.  A disagreement is an error when no reading makes both true (two actual figures
of one stated moment, one misprint apart, a target set twice), else a warning.  Table cells
restated in the text are :mod:`gongwen.check.repeats.restated`'s; what a figure names is
:mod:`gongwen.check.reading.mentions`'.  How two mentions name one quantity is :mod:`.naming`'s,
whether they state one moment :mod:`.moments`'; restated growth rates and counted nouns have
modules of their own (:mod:`.restated_growths`, :mod:`.counted_nouns`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import combinations

from ...figure import Figure
from ..evaluation.findings import Finding
from ..evaluation.intervals import hedge_kind, interval_of, vocab
from ..evaluation.slips import WORDS, decisive, digit_swaps, one_misprint_apart, same_printed, telling
from ..evaluation.verdicts import lit, make, show_gap, where_said
from ..reading.distinct import distinct
from ..reading.mentions import _DATES as _DATES  # levels.py reads the date pattern here
from ..reading.mentions import Mention, mentions
from ..reading.mentions import core as core  # restated.py and restated_periods.py read it here
from ..reading.mentions import subject_of as subject_of  # the engine's subject of a figure
from ..reading.relations import Candidate, comparison_base
from ..reading.textindex import TextIndex, disjoint_set
from .counted_nouns import counted_nouns
from .moments import _occasion, _one_moment, _same_period, _since, _this_year, _year_and_deadline
from .moments import same_year as same_year  # levelled.py, restated.py and the proportions read it here
from .naming import (
    _headed_alike,
    _match,
    _measure_of_before,
    _one_scope,
    _same_unit,
    headed_apart,
    subsections_apart,
)
from .naming import _named_metric as _named_metric  # tests read it here
from .restated_growths import restated_growths
from .sectioned import section_parts


def transposed(a: Figure, b: Figure) -> bool:
    """One figure is the other with two adjacent digits swapped (1846 ↔ 1864; never across the
    decimal point: 2.84万 ↔ 8.24万 is no typing slip)."""
    return any(v == b.value for _, v in digit_swaps(a))


def _places_apart(idx: TextIndex, a: Figure, b: Figure) -> bool:
    """The two figures' sentences name places of two levels before them (全市常住人口…，城镇化率 and
    全县常住人口…，城镇化率): each figure is its place's (whole_places)."""
    levels = []
    for f in (a, b):
        words = idx.between(idx.sentence_of(f.span.start).start, f.span.start)
        found = [(words.rfind(w), lvl) for w, lvl in vocab()["whole_places"].items() if w in words]
        levels.append(max(found)[1] if found else None)
    return None not in levels and levels[0] != levels[1]


def _far_apart(a: Figure, b: Figure) -> bool:
    """Two values a quarter or more of the larger apart (24 and 17; not 157 and 158).

    >>> from decimal import Decimal
    >>> _far_apart(Figure(Decimal(24), "个"), Figure(Decimal(17), "个")), _far_apart(Figure(Decimal(157), "天"), Figure(Decimal(158), "天"))
    (True, False)
    """
    hi = max(abs(a.value), abs(b.value))
    return hi > 0 and abs(a.value - b.value) >= hi / 4


def _bound(f: Figure) -> bool:
    return hedge_kind(f) in ("at_least", "more_than", "at_most", "less_than")


def _whole_only(m: Mention) -> bool:
    """A share named by its whole alone (占社会消费品零售总额的比重为 39.8%): the part it is of is said
    before the cue, so the name does not tell which share of that whole it is."""
    return m.fig.unit == "%" and m.subject.startswith(tuple(vocab()["share_cues"]))


def _stretch(idx: TextIndex, f: Figure) -> bool:
    """A target named as one to strive for (力争, 争取), set beyond the target that must be met."""
    return any(w in idx.clause_before(f, 30) for w in vocab()["stretch_words"])


def same_fact(idx: TextIndex, roles: dict[str, str]) -> Iterator[Finding]:
    """Two mentions of one quantity (same names, unit, kind and period) in different sections
    must agree.  A disagreement is an error when no reading makes both true: two digits
    transposed, or two actual figures with the same labels and the same stated period; else a
    warning (the pairing is inferred)."""
    seen: set[tuple[str, str]] = set()
    said = mentions(idx, roles)
    for a, b in combinations(said, 2):
        fa, fb = a.fig, b.fig
        inside = fa.section == fb.section
        if not _same_unit(fa.unit, fb.unit) or inside and (
                fa.span == fb.span or idx.sentence_of(fa.span.start) == idx.sentence_of(fb.span.start)):
            continue
        if a.other != b.other or a.old and b.old or (a.level is None) != (b.level is None) \
                or a.level_only != b.level_only:
            continue  # what is left undone (or a level per person) is not the count of what was done
        equal = same_printed(fa, fb)
        how = _match(a, b, equal and fa.value == fb.value)
        if how is None:
            continue
        if inside and not (equal and how in ("labels", "subject", "nested")):
            continue  # restated within a section (a change's new value, then a breakdown's part): confirmed only
        if not equal and (_whole_only(a) or _whole_only(b)):
            continue  # 占社会消费品零售总额的比重 names a share's whole, not its part: two shares of one whole
        # two targets are equal only in value (实施节能改造项目 10 个以上 meets 12 个 as an interval)
        unequal = not equal or a.kind == b.kind == "target" and fa.value != fb.value
        if unequal and distinct(idx, fa, fb, a.subject, b.subject):
            continue  # a whole and one of its items, a set and a part of it, two kinds of one noun
        if unequal and (_restated_beside(idx, fa, fb) or _restated_beside(idx, fb, fa)):
            continue  # 年末在监项目 146 个 … / 146 个在监项目中已有 126 个接入: 146 is said again beside 126
        # a level or a breakdown's part confirms an equal mention; unequal, it is the same fact only
        # under the same name and one misprint away (婴儿死亡率 2.26‰ / 2.62‰): no rounding nor reading
        # gives that.  A change's new value may be of another moment (年末) unless both mentions
        # state one period (2025年…法律援助案件 716 件 / 2025年…由上年的 652 件增加到 761 件), or the
        # change runs from last year's value, so its new value is this year's, the moment an undated
        # mention of the year states too (森林覆盖率由上年的 61.20% 提高到 62.37% / 森林覆盖率达到 62.37%)
        dated = _one_moment(idx, fa, fb) or _this_year(idx, fa, fb)
        restated = (a.equal_only or b.equal_only or a.level_only) and not (a.old or b.old) and (
            fa.previous is None and fb.previous is None or dated)
        misprinted = restated and not equal and how in ("labels", "subject", "nested") \
            and telling(one_misprint_apart(fa, fb), fa, fb)
        if (a.old or b.old or a.equal_only or b.equal_only or a.level_only) and not equal and not misprinted:
            continue  # an old value may be of another moment than the one stated elsewhere
        if (a.equal_only or b.equal_only) and (a.equal_only and b.equal_only and not inside or how == "program"
                                               or _bound(fa)):
            continue  # two parts, a part and a figure of its program only, or a threshold (超过 50 万元的村)
        one_level = a.level is not None and b.level is not None and a.level.unit == b.level.unit \
            and interval_of(a.level).intersects(interval_of(b.level))
        if a.level is not None and b.level is not None and not (
                one_level and (equal or how in ("labels", "subject") and telling(one_misprint_apart(fa, fb), fa, fb))):
            continue  # two growth rates are one fact when the levels they grow are one too (and, unequal,
            # when their names are one and a telling misprint parts them: 增长 12.6% / 21.6% of one level)
        if a.kind == b.kind == "target":
            # a target is a value that was set, not measured: 32 亿元 and 33 亿元 are two targets, and
            # 控制在 5.5% 以内 sets 5.5% as 5.5% 的控制目标 does
            equal = fa.value == fb.value
            if not equal and _stretch(idx, fa) != _stretch(idx, fb):
                continue  # 力争全年新增 5800 人以上 beside a target of 5500 人: a stretch beyond it, by design
        inferred = fa.period_inferred or fb.period_inferred
        if a.kind != b.kind and not (equal and inferred):
            continue  # a target is never the same fact as a result (checked as a bound instead)
        # a period and its last month name one moment only for one named quantity (全年参保 and
        # 截至 12 月底参保; not 全年新增经营主体 and 12 月底实有经营主体)
        agree = how in ("labels", "subject") and _one_moment(idx, fa, fb)
        if not _same_period(idx, a, b) and not (equal and (inferred or _year_and_deadline(a, b))) and not agree:
            continue  # another year (a plan section's inferred period) is another fact
        if fa.scope and fb.scope and not _one_scope(fa.scope, fb.scope) and not equal \
                and not any(sc in a.name and sc in b.name and sc not in vocab()["subject_prefixes"]
                            for sc in (fa.scope, fb.scope)) \
                and not (how in ("labels", "subject") and telling(one_misprint_apart(fa, fb), fa, fb)) \
                and not (how == "nested" and decisive(one_misprint_apart(fa, fb), fa, fb)):
            continue  # 全县 and 城镇 name two scopes, unless 城镇 is in both names (城镇老旧小区) — or one name
            # pairs them and a telling misprint parts them, or nests the other (全所累计检查营运车辆 / 检查
            # 营运车辆) and a misprint no reading explains parts them — two digits swapped, 12460 / 12640;
            # not one digit changed, 新增公办学位 1.68 万 / 新增学位 1.08 万 (the scopes are then two
            # readings of one text)
        if how == "program" and not equal and not decisive(one_misprint_apart(fa, fb), fa, fb):
            continue  # one program only pairs two unequal figures when no reading but a slip parts them
        if not equal and _places_apart(idx, fa, fb):
            continue  # 全市…城镇化率 62.4% and 全县…城镇化率 58.9%: the same name of two places
        if how == "similar" and a.kind == b.kind == "target" and not equal and not one_misprint_apart(fa, fb) \
                and _far_apart(fa, fb):
            continue  # 清理规范事业单位 24 个 and 对生产经营活动的 17 个事业单位: two targets whose names share a run
            # of words only, with values no slip relates and a quarter or more apart, are two targets of a plan
        if how == "nested" and not equal and not telling(one_misprint_apart(fa, fb), fa, fb):
            continue  # a qualified name may count a part: only a misprint tells it is the same quantity
        if _since(idx, fa) != _since(idx, fb) and not equal:
            continue  # 自 2021 年启动以来累计惠及 3.26 万户 counts the years since: not the year's 1 万户
        if not equal and _occasion(idx, a) != _occasion(idx, b):
            continue  # 五一假期接待游客 is not the half year's 接待游客
        if not equal and _added(a) != _added(b) and not telling(one_misprint_apart(fa, fb), fa, fb):
            continue  # 新增口袋公园 12 个 and 纳入养护的口袋公园 86 个: what the year added and what there is
        if not equal and disjoint_set([a.name, b.name]):
            continue  # 春季学堂招生面积 and 秋季学堂招生面积: two categories of one set
        if not equal and headed_apart(a, b):
            continue  # 新增学位 under 学前教育普惠扩容 and under 义务教育优质均衡: each section's places
        if not equal and (subsections_apart(fa, fb) and a.kind == b.kind == "actual" and not _headed_alike(a, b)
                          and (_measure_of_before(idx, fa) or _measure_of_before(idx, fb))
                          or idx.totalled(fa, running=False) != idx.totalled(fb, running=False)) \
                and not telling(one_misprint_apart(fa, fb), fa, fb):
            continue  # 节约资金 under 工程建设项目招投标 and under 政府采购: each subsection's own work (a
            # target is set once and restated anywhere); 合计节约资金 6.84 亿元 in the summary and a
            # section's 节约资金 5.12 亿元: a total and a part of it
        if _bound(fa) != _bound(fb) and not a.kind == b.kind == "target":
            continue  # 达到 95% 以上 is a goal or a floor, not a value stated elsewhere
        if not equal and (_said_beside(idx, said, a, b) or _said_beside(idx, said, b, a)) \
                and not telling(one_misprint_apart(fa, fb), fa, fb):
            continue  # 受理投诉 820 件 in the summary and again in the section of 物业类 205 件: 205 is another quantity
        if not equal and _reach_of_two(idx, fa, fb) and not telling(one_misprint_apart(fa, fb), fa, fb):
            continue  # 开展活动 3620 场次，受教育青少年 41.6 万人次 / 举办报告会 624 场次，受教育青少年 15.8 万人次
        if not equal and _total_and_part(said, a, b):
            continue  # 节约资金 6.84 亿元 for the year, 5.12 and 1.72 亿元 in two sections: their sum
        name = a.subject or fa.metric or a.name
        if fa.metric and any(w in name for w in vocab()["respectively"]):
            name = fa.metric  # 孕产妇死亡率、婴儿死亡率分别为 …: the list's own indicator, not its last
        c = Candidate(code="GW112", kind="same", whole=(fa,), parts=(fb,), trigger=name, explicit=False)
        where_a, where_b = where_said(fa, fb)
        if equal:
            key = (name, fa.unit)
            if key in seen:
                continue
            seen.add(key)
            where = f"在“{where_a}”中" if inside else f"在“{where_a}”与“{where_b}”"
            yield make(c, idx, "consistent", "info", f"“{name}”{where}两处均为 {lit(fa)}，一致", [fb, fa], lit(fa), lit(fb))
            continue
        slip = one_misprint_apart(fa, fb)
        apart = bool(fa.stated_period and fb.stated_period) and not _one_moment(idx, fa, fb)
        if decisive(slip, fa, fb) and not apart:
            # 1,846 vs 1,864, 3862 vs 362, 12.8 万元 vs 12.8 亿元: no reading makes both true, unless
            # the text dates the two apart (截至 11 月底 and 全年: a count may grow in between)
            msg = f"“{name}”在“{where_a}”中为 {lit(fa)}，在“{where_b}”中为 {lit(fb)}，{WORDS[slip or 'swap']}，必有一处笔误"
            yield make(c, idx, "inconsistent", "error", msg, [fb, fa], lit(fa), lit(fb),
                       hints=("transposition",) if slip == "swap" else ("misprint",))
            continue
        stated = bool(fa.stated_period and fa.stated_period == fb.stated_period) or agree
        # one misprint apart (166 所 / 176 所, 73.52 / 74.52 万吨): one fact misprinted, unless the
        # text dates the two mentions apart (checked above) or only a shared run of words pairs them
        certain = (a.kind == b.kind == "actual" and hedge_kind(fa) is None and hedge_kind(fb) is None
                   and not misprinted  # named by its list, change or as a level: the pairing is inferred
                   # names that only share a run of words (how == "similar") may be two quantities
                   # however close their values: a warning at most
                   and how in ("labels", "subject") and (stated or slip is not None))
        # one target of one year, set twice one misprint apart (完成年度计划 84.5 亿元 / 确保全年完成
        # 投资 85.5 亿元): a target is set, not measured, so no reading makes both true
        certain = certain or (a.kind == b.kind == "target" and slip is not None and how != "program")
        # a level, a list's part or a change's new value under the very noun phrase of the other
        # mention, one telling misprint away (婴儿死亡率 2.26‰ / 3.26‰; 自主就业 1,138 人 / 其中自主就业
        # 1,148 人): the name pairs them, and no rounding nor reading makes both true
        sure = misprinted and how in ("labels", "subject") and not apart and hedge_kind(fa) is None \
            and hedge_kind(fb) is None and a.kind == b.kind
        pa = f"（{fa.stated_period}）" if fa.stated_period else "（未注明时点）"
        pb = f"（{fb.stated_period}）" if fb.stated_period else "（未注明时点）"
        msg = (f"“{name}”在“{where_a}”中为 {lit(fa)}{pa}，在“{where_b}”中为 {lit(fb)}{pb}，"
               f"相差 {show_gap(abs(fa.value - fb.value), fa)}")
        if certain and a.kind == "target":
            msg += f"（{WORDS[slip or 'digit']}）；同一目标两处不应不同，疑有一处笔误"
        elif certain and slip is not None and not stated:
            msg += f"（{WORDS[slip]}）；同一数据两处不应不同，疑有一处笔误"
        elif certain:
            msg += "；同一时点的同一数据不应不同"
        elif sure and slip is not None:
            msg += f"（{WORDS[slip]}）；同一数据两处不应不同，疑有一处笔误"
        elif misprinted and slip is not None:
            msg += f"（{WORDS[slip]}）；同一数据两处表述不一，疑有一处笔误，请核对"
        elif a.kind == "target":
            msg += "；同一目标前后表述不一，请核对"
        elif slip is not None and (stated or how == "nested"):  # one moment, or names nested: look alike
            msg += f"（{WORDS[slip]}）；如为同一数据，疑有一处笔误，请核对"
        else:
            msg += "；如为不同时点的数据，请注明时点"
        yield make(c, idx, "inconsistent", "error" if certain or sure else "warning", msg, [fb, fa], lit(fa), lit(fb))
    yield from restated_growths(idx)
    yield from counted_nouns(idx, said)


def _said_beside(idx: TextIndex, said: list[Mention], a: Mention, b: Mention) -> bool:
    """``a``'s value stated again under ``a``'s own subject in ``b``'s section, where ``b`` bears
    another subject, or in ``b``'s own sentence under any name that pairs with ``a``'s (计划完成投资
    5.2 亿元 in the targets, then 项目总投资 9.8 亿元，年度计划投资 5.2 亿元): that section or sentence
    states ``a``'s fact itself, so ``b``, however its labels read, is some other quantity of it (a
    class, a part, a total over years)."""
    if not a.subject or a.subject == b.subject:
        return False
    sentence = idx.sentence_of(b.fig.span.start)
    return any(c is not a and c is not b and (
        c.fig.section == b.fig.section and c.subject == a.subject and same_printed(c.fig, a.fig)
        # the very number (not one a bound's interval meets: 控制在 6.5% 以内 holds 4.2%)
        or idx.sentence_of(c.fig.span.start) == sentence and c.fig.value == a.fig.value
        and _match(a, c, True) is not None) for c in said)


def _companion(idx: TextIndex, f: Figure) -> Figure | None:
    """The figure of another unit stated in the clause right before ``f``'s, in its sentence (举办报告会
    624 场次，受教育青少年 15.8 万人次): ``f`` counts what that figure's acts reached."""
    start = idx.sentence_of(f.span.start).start
    prev, stepped = idx.figure_before(f), 0
    # (受理案件 2846 件，较上年的 2677 件增长 6.3%，涉及劳动者 3912 人: the count's own change and old
    # value stand between it and what its acts reached)
    while prev is not None and prev.span.start >= start and (prev.kind == "change" or comparison_base(idx, prev)
                                                               or not prev.unit):
        prev, stepped = idx.figure_before(prev), 1
    if prev is None or prev.span.start < start or prev.unit == f.unit:
        return None
    gap = _THOUSANDS.sub("", idx.between(prev.span.end, f.span.start))  # (2,677: a number's comma parts nothing)
    return prev if 1 <= sum(gap.count(c) for c in "，,") <= 1 + stepped and not any(c in gap for c in "；;。") \
        else None


_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3})")


def _reach_of_two(idx: TextIndex, a: Figure, b: Figure) -> bool:
    """Each figure follows a count of its own acts, the two counts in one unit and unequal: the two
    are the reach of two sets of acts (all the year's activities, and its lectures), not one fact."""
    if a.unit in ("%", "‰", "个百分点"):
        return False  # a rate after its part (城镇人口 25.1 万人，城镇化率 58.9%) is of the place, not of the part
    ca, cb = _companion(idx, a), _companion(idx, b)
    return ca is not None and cb is not None and ca.unit == cb.unit and ca.value != cb.value


def _added(m: Mention) -> bool:
    """A mention named as what was added (vocab new_words: 新增, 新建 …), a flow of its period,
    never the stock a mention not so named counts."""
    return any(w in m.name for w in vocab()["new_words"])


def _one_quantity(a: Mention, b: Mention) -> bool:
    """Two mentions name one quantity by their words (labels, subject or a shared run)."""
    return _match(a, b) in ("labels", "subject", "similar")


def _restated_beside(idx: TextIndex, a: Figure, b: Figure) -> bool:
    """``b``'s own sentence states ``a``'s very value again in its unit (…146 个在监项目中已有 126 个接入):
    the fact ``a`` states is said there by that figure, and ``b`` is another quantity beside it."""
    sent = idx.sentence_of(b.span.start)
    return any(f is not b and f.span != a.span and f.unit == a.unit and same_printed(f, a) and f.value == a.value
               for f in idx.figures_in(sent))


def _total_and_part(said: list[Mention], a: Mention, b: Mention) -> bool:
    """The larger of two mentions is the sum of its quantity's values in other sections, the
    smaller one of them (:func:`~gongwen.check.repeats.sectioned.section_parts`)."""
    big, small = (a, b) if a.fig.value > b.fig.value else (b, a)
    return any(m is small for m in section_parts(said, big, _one_quantity))


def section_sums(idx: TextIndex, roles: dict[str, str]) -> Iterator[Candidate]:
    """A quantity stated for the whole and, under its name, in each of several sections: the
    sections' values make the whole (confirmed when they do; a name alone pairs them)."""
    seen: set[tuple[int, ...]] = set()
    said = mentions(idx, roles)
    for t in said:
        parts = section_parts(said, t, _one_quantity)
        key = (id(t.fig), *sorted(id(m.fig) for m in parts))
        if not parts or key in seen:
            continue
        seen.add(key)
        yield Candidate(code="GW101", kind="sum", whole=(t.fig,), parts=tuple(m.fig for m in parts),
                        trigger=t.subject or t.fig.metric or t.name, explicit=False, exhaustive=True,
                        params={"confirm_only": True})
