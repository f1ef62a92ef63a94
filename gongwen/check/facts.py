"""The same fact stated twice in the text: two mentions of one quantity in different sections
(the opening summary and its section, the work done and the plan) matched by their labels or
names must agree.  A disagreement is an error when no reading makes both true (two actual figures
of one stated moment, one misprint apart, a target set twice), else a warning.  Table cells
restated in the text are :mod:`gongwen.check.restated`'s.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import combinations

from ..figure import Figure
from ..model import Span
from .distinct import distinct
from .findings import Finding
from .intervals import hedge_kind, interval_of, vocab
from .relations import Candidate, fact_kind, summable
from .remainders import pending_word
from .slips import WORDS, digit_swaps, one_misprint_apart, telling
from .textindex import SPACES, TextIndex, disjoint_set
from .verdicts import lit, make, show_gap

_BRACKETS = re.compile(r"[（(][^）)]*[）)]")


def core(name: str) -> str:
    """A name without its unit bracket and generic tail: 在校学生数（人） → 在校学生."""
    s = _BRACKETS.sub("", name).strip(SPACES)
    for w in sorted(vocab()["generic_tails"], key=len, reverse=True):
        if s.endswith(w) and len(s) > len(w) + 1:
            s = s[: -len(w)]
            break
    return s


def transposed(a: Figure, b: Figure) -> bool:
    """One figure is the other with two adjacent digits swapped (1846 ↔ 1864; never across the
    decimal point: 2.84万 ↔ 8.24万 is no typing slip)."""
    return any(v == b.value for _, v in digit_swaps(a))


def same_year(a: Figure, b: Figure) -> bool:
    if a.stated_period and b.stated_period and a.stated_period != b.stated_period:
        return False
    return not (a.period and b.period and a.period[:4] != b.period[:4])


def _agree(p: str, q: str) -> bool:
    """Two stated periods of one fact: equal, or a period and its last month (全年 2025 and 截至
    12 月底 2025-12; 上半年 2025-01/2025-06 and 截至 6 月底 2025-06).

    >>> _agree("2025", "2025-12"), _agree("2025-01/2025-06", "2025-06"), _agree("2025", "2025-06")
    (True, True, False)
    >>> _agree("2024", "2024-07/2024-12")
    False
    """
    def point(x: str) -> bool:
        return len(x) == 7 and "/" not in x

    def end(x: str) -> str:
        x = x.split("/")[-1]
        return f"{x}-12" if len(x) == 4 else x
    if p == q:
        return True
    if point(p) == point(q):
        return False  # two spans (全年 and 下半年 both end in December) or two months
    span, moment = (q, p) if point(p) else (p, q)
    return end(span) == moment


# -- two mentions in the text --------------------------------------------------------------------

_DATES = re.compile(r"\d+年|\d+(?:[-—–~至]\d+)?月(?:份|底|末)?|\d+日|[-—–~]")
_NOT_NAME = re.compile(r"[\d.,，、%％（）()\s]+")


def subject_of(idx: TextIndex, f: Figure) -> str:
    """The noun phrase a figure counts: 我市有特困供养人员 2969 人 → 特困供养人员."""
    v = vocab()
    lab = idx.label_before(f, 30)
    lab = _DATES.sub("", lab)
    changed = True
    while changed and lab:
        changed = False
        for p in sorted(v["subject_prefixes"], key=len, reverse=True):
            if lab.startswith(p) and len(lab) > len(p):
                lab, changed = lab[len(p):], True
        for s in sorted(v["subject_suffixes"], key=len, reverse=True):
            if lab.endswith(s) and len(lab) > len(s):
                lab, changed = lab[: -len(s)], True
    return lab


def noun_after(idx: TextIndex, f: Figure) -> str:
    """The noun a count stands before (312 处山洪灾害危险区, 245 个村（社区）服务站), brackets kept."""
    if f.unit not in vocab()["count_units"]:
        return ""
    end = f.span.end
    j = end
    while j < min(len(idx.text), end + 14) and idx.text[j] not in "，,。；;：:、\n":
        j += 1
    words = idx.text[end:j].strip(" \u3000")
    for stop in ("中", "逐一", "全部", "均", "已"):
        i = words.find(stop, 2)
        if i > 0:
            words = words[:i]
    return words if words and not words[0].isdigit() else ""


def context_name(idx: TextIndex, f: Figure) -> str:
    """The words that name a figure wherever the text puts them: its clause before it, the noun
    after a count, and the clause before when this one names no quantity of its own: a share
    (接待过夜游客 612.8 万人次，占游客总数的 33.0%) or a target (完成学员培训 2600 人次，完成全年
    任务 5000 人次的 52.0%); digits, dates and brackets dropped."""
    name = idx.clause_before(f, 30, list_items=True)
    whole_of = idx.text.startswith("的", f.span.end)  # 完成年度计划 32 亿元的 58.1%: the plan of what was done
    if any(name.startswith(w) for w in vocab()["share_cues"]) or len(_content(_clean(name))) < 4 or whole_of:
        before = idx.figure_before(f)
        if before is not None and idx.sentence_of(before.span.start) == idx.sentence_of(f.span.start):
            name = idx.clause_before(before, 30, list_items=True) + name
    return _clean(name + noun_after(idx, f))


def _clean(name: str) -> str:
    return _NOT_NAME.sub("", _DATES.sub("", name))


def _content(name: str) -> str:
    """A name without the words that never tell two quantities apart: places (全区), periods
    (前三季度) and the verbs of reporting (实现, 完成)."""
    v = vocab()
    for w in sorted({*v["subject_prefixes"], *v["half_year_words"], *v["name_fillers"]}, key=len, reverse=True):
        if len(w) >= 2:
            name = name.replace(w, "")
    return name


def _bare_subject(m: _Mention) -> str:
    """A subject without reporting verbs, a generic tail or its unit (医疗卫生机构完成总诊疗 and
    医疗卫生机构总诊疗人次 are one noun phrase)."""
    s = core(_content(m.subject))
    unit = m.fig.unit
    if unit and s.endswith(unit) and len(s) > len(unit) + 1:
        s = s[: -len(unit)]
    return s


def _shared(a: str, b: str) -> int:
    """Length of the longest run of characters two names share."""
    m = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return m.size


@dataclass(frozen=True)
class _Mention:
    fig: Figure
    subject: str
    name: str
    kind: str | None
    within: bool = False  # counted inside another stated count (146 个学堂中…的 61 个)
    other: str = ""  # "pending" (13 个小区未完成改造) or "level" (人均承担约 93 家): not the count done
    old: bool = False  # the old value of a stated change (由 61.0% 提高到 65%): confirmed when equal only
    level: Figure | None = None  # a growth rate's level (税收 3.86 亿元，同比增长 6.3%): confirmed when equal only
    equal_only: bool = False  # a breakdown's part or a change's new value: confirmed when equal only
    level_only: bool = False  # a level (婴儿死亡率 2.26‰, 人均体育场地面积 2.78 平方米): confirmed when equal only


def _mentions(idx: TextIndex, roles: dict[str, str]) -> list[_Mention]:
    out: list[_Mention] = []
    after: list[int] = []
    for f in idx.figures:
        rate = f.unit == "%" and f.kind in ("actual", "share", "target") and f.change is None and f.range_id is None
        # a level in another unit (‰, 1/10万, 元/人, 人均 … 平方米) is named by its indicator like a
        # rate, but rounding and per-what readings differ: it confirms an equal level, never contradicts
        level = not (summable(f) or rate) and _level(f)
        if not (summable(f) or rate or level):
            continue
        # a part of a breakdown, or the new value of a stated change (由 310.54 万人增加至 312.46 万人),
        # is named by its list or its change: it confirms an equal mention, never contradicts one
        equal_only = f.previous is not None or roles.get(f.id or str(f.span)) == "part"
        subj = subject_of(idx, f)
        if f.previous is not None:  # 参保人数由上年末的 310.54 万人增加到 312.46 万人: 参保人数
            subj = subj[:max((subj.rfind(w) for w in vocab()["from_words"]), default=-1)] or subj
        noun = len(subj) < 4
        if noun:  # 仍有 312 处山洪灾害危险区: the counted noun stands after the count
            subj = noun_after(idx, f)
        if noun and len(subj) >= 4:
            after.append(len(out))
        out.append(_Mention(f, subj if len(subj) >= 4 else "", context_name(idx, f), fact_kind(idx, f),
                            bool(_WITHIN.search(idx.clause_before(f, 30))), _other(idx, f), equal_only=equal_only,
                            level_only=level))
    out += [m for m in (_old_mention(idx, f) for f in idx.figures if f.previous is not None) if m is not None]
    out += [m for m in (_growth_mention(idx, f) for f in idx.figures if f.unit == "%" and f.kind == "change")
            if m is not None]
    for i, j in combinations(after, 2):  # 312 处山洪灾害危险区 ~ 312 处山洪灾害危险区监测设施…
        k = len(os.path.commonprefix([out[i].subject, out[j].subject]))
        if k >= 5:
            out[i] = dataclasses.replace(out[i], subject=out[i].subject[:k])
            out[j] = dataclasses.replace(out[j], subject=out[j].subject[:k])
    return out


def _match(a: _Mention, b: _Mention) -> str | None:
    """How two mentions are known to name one quantity: ``labels`` (program, scope and metric
    all equal), ``subject`` (the same noun phrase), ``similar`` (one's name shares a run of
    characters with the other's subject or metric, same program), ``program`` (same program only: enough to verify equal values,
    never to report a difference); None when they name different things."""
    fa, fb = a.fig, b.fig
    if fa.program and _named_metric(fa.metric) and (fa.program, fa.scope, fa.metric) == (fb.program, fb.scope, fb.metric):
        return "labels"
    # a subject of two characters once its verbs are dropped (实现产值 → 产值, 面积) names a measure,
    # not what is measured: 高山蔬菜 实现产值 and 中药材 实现产值 are two quantities
    if a.subject and len(re.findall(r"[\u4e00-\u9fff]", _content(a.subject))) >= 3 \
            and (a.subject == b.subject or _bare_subject(a) == _bare_subject(b)):
        return "subject"  # 基本医疗保险参保人数 and 基本医疗保险参保: one noun phrase, with its generic tail
    programs = bool(fa.program and fb.program)
    if programs and fa.program != fb.program:
        return None
    # the shared run must name the quantity: lie in one mention's subject or metric (全区实现 …
    # 地区生产总值 and 全区实现第一产业增加值 share only their scope and verb)
    run = max(_shared(_content(a.name), _content(f"{b.subject}|{fb.metric or ''}")),
              _shared(_content(b.name), _content(f"{a.subject}|{fa.metric or ''}")))
    if run >= 4 and not (a.within or b.within):
        return "similar"
    return "program" if programs else None


def _old_mention(idx: TextIndex, f: Figure) -> _Mention | None:
    """The old value of a stated change as a mention of its own (护理型床位占比由 61.0% 提高到 65%: the
    61.0% stated before), named by the words before 由/从; its moment is before the change's, so it
    is dated inferred, one year before: it confirms an equal mention, never contradicts one."""
    from .changes import previous_figure

    prev = previous_figure(idx, f)
    if prev is None or prev.span.end > f.span.start:
        return None
    label = idx.label_before(prev, 30)
    cut = max((label.rfind(w) for w in vocab()["from_words"]), default=-1)
    if cut < 2:
        return None
    year = f.period[:4] if f.period and f.period[:4].isdigit() else None
    prev = dataclasses.replace(prev, period=str(int(year) - 1) if year else None, period_inferred=True,
                               kind="actual")
    subj = _DATES.sub("", label[:cut])
    for w in sorted(vocab()["subject_prefixes"], key=len, reverse=True):
        subj = subj.removeprefix(w)
    return _Mention(prev, subj if len(subj) >= 4 else "", _clean(subj), "actual", old=True)


def _growth_mention(idx: TextIndex, f: Figure) -> _Mention | None:
    """A growth rate as a mention, named by the level it grows: the figure of its year before it in
    its sentence (全年实现税收 3.86 亿元，同比增长 6.3%; not last year's 3.63 亿元 after 较上年的), never
    after 分别 (the pairing is positional)."""
    if f.range_id is not None or any(w in idx.clause_before(f, 12) for w in vocab()["respectively"]):
        return None
    sent = idx.sentence_of(f.span.start)
    year = (f.period or "")[:4]
    levels = [g for g in idx.figures_in(Span(sent.start, f.span.start)) if summable(g) and g.kind == "actual"
              and g.previous is None and (g.period or "")[:4] == year]
    if not levels or any(g.unit == "%" for g in idx.figures_in(Span(levels[-1].span.end, f.span.start))):
        return None
    g = levels[-1]
    subj = subject_of(idx, g)
    return _Mention(f, subj if len(subj) >= 4 else "", context_name(idx, g), "change", level=g)


def _level(f: Figure) -> bool:
    """A stated level of the year that is no amount or count: a rate per mille or per 10万, an
    amount per person, a 人均 quantity (not a change, a range or a standard set for a program)."""
    return bool(f.unit) and f.kind == "actual" and f.change is None and f.range_id is None \
        and f.unit not in ("%", "个百分点")


def _respective_item(idx: TextIndex, f: Figure) -> str | None:
    """The name a rate takes in a 分别 list (社会消费品零售总额、外贸进出口总额、网络零售额分别增长
    5.8%、9.3%和15.6%: 9.3% → 外贸进出口总额): the k-th name of the clause before 分别 for the k-th
    rate after it; "" when the list's names and rates do not pair one to one, None when no list."""
    sent = idx.sentence_of(f.span.start)
    pos = max((idx.text.rfind(w, sent.start, f.span.start) for w in vocab()["respectively"]), default=-1)
    if pos < 0:
        return None
    rates = [g for g in idx.figures_in(Span(pos, sent.end)) if g.unit == "%"]
    head = _CLAUSE_CUT.split(idx.text[sent.start:pos])[-1]
    for w in vocab()["comparison_bases"]:
        head = head.split(w)[0]
    items = [x for x in _LIST_CUT.split(head) if x.strip(SPACES)]
    return items[rates.index(f)] if len(items) == len(rates) and f in rates else ""


_CLAUSE_CUT = re.compile(r"[，,；;：:。]")
_LIST_CUT = re.compile(r"[、和及]")


def restated_growths(idx: TextIndex) -> Iterator[Finding]:
    """A growth rate restated without the level it grows (the opening summary's 社会消费品零售总额、
    外贸进出口总额分别增长 5.8%、9.3% and the section's 全年实现社会消费品零售总额 128.6 亿元，同比增长
    5.8%): named by its 分别 list or by its level, the same name, year and value in two sections are
    one fact — confirmed when equal; a value one misprint away under the very same name is reported
    as a warning (another value may be another base or period)."""
    rates = [f for f in idx.figures if f.unit == "%" and f.kind == "change" and f.range_id is None]
    shown: dict[int, str] = {}
    levelled: set[int] = set()
    for f in rates:
        item = _respective_item(idx, f)
        level = _growth_mention(idx, f) if item is None else None
        shown[id(f)] = _content(_clean(item if item is not None else level.subject if level else ""))
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
        where_a = a.section[-1] if a.section else "前文"
        where_b = b.section[-1] if b.section else "后文"
        if slip is not None:
            yield make(c, idx, "inconsistent", "warning",
                       f"“{name}”增速在“{where_a}”中为 {lit(a)}，在“{where_b}”中为 {lit(b)}（{WORDS[slip]}）；"
                       "同一增速两处表述不一，疑有一处笔误，请核对", [b, a], lit(a), lit(b))
            continue
        yield make(c, idx, "consistent", "info", f"“{name}”增速在“{where_a}”与“{where_b}”两处均为 {lit(a)}，一致",
                   [b, a], lit(a), lit(b))


def _other(idx: TextIndex, f: Figure) -> str:
    """What else than the quantity its name says a count stands for: the part not yet done when
    the words after it negate the verb (尚有 13 个老旧小区未完成改造), a per-unit level when a
    per-unit word leads its clause (人均承担约 93 家机构的监管任务)."""
    v = vocab()
    if f.unit not in v["count_units"]:
        return ""
    if pending_word(idx, f) is not None:
        return "pending"
    if any(idx.clause_before(f, 12).startswith(w) for w in v["per_unit_words"]):
        return "level"
    return ""


# a count inside another stated count (146 个社区学堂中配备专职教员的 61 个): a part of it
_WITHIN = re.compile(r"\d[\d,.]*\s*[^\d，,。；;]{2,}?中")


def _occasion(m: _Mention) -> frozenset[str]:
    """The occasions a mention's name confines it to (五一假期, 春节, 汛期): part of a period."""
    return frozenset(w for w in vocab()["occasion_words"] if w in m.name or w in m.subject)


def _bound(f: Figure) -> bool:
    return hedge_kind(f) in ("at_least", "more_than", "at_most", "less_than")


def _same_unit(a: str, b: str) -> bool:
    """One unit, or two words for it (人, 名, 位: same_units in vocab.yaml)."""
    return a == b or any(a in group and b in group for group in vocab()["same_units"])


def _named_metric(metric: str | None) -> bool:
    """A metric that names a quantity, not only its kind (占比, 比重, 数量 name nothing)."""
    v = vocab()
    return bool(metric) and len(core(metric or "")) >= 3 and metric not in (*v["rate_words"], *v["whole_words"])


def _same_period(idx: TextIndex, a: _Mention, b: _Mention) -> bool:
    """Periods that allow one fact: the stated periods must not differ, nor the years; a target
    named annual (全年, 年度) is of its year even in a half-year report (完成年度目标任务 7500 人)."""
    fa, fb = a.fig, b.fig
    if a.kind == b.kind == "target":
        pa, pb = (f.period[:4] if f.period and _annual(idx, f) else f.period for f in (fa, fb))
        return not (pa and pb and pa != pb)
    return same_year(fa, fb)


def _annual(idx: TextIndex, f: Figure) -> bool:
    return any(w in idx.clause_before(f, 30) + idx.words_after(f, 8) for w in vocab()["annual_words"])


def same_fact(idx: TextIndex, roles: dict[str, str]) -> Iterator[Finding]:
    """Two mentions of one quantity (same names, unit, kind and period) in different sections
    must agree.  A disagreement is an error when no reading makes both true: two digits
    transposed, or two actual figures with the same labels and the same stated period; else a
    warning (the pairing is inferred)."""
    seen: set[tuple[str, str]] = set()
    for a, b in combinations(_mentions(idx, roles), 2):
        fa, fb = a.fig, b.fig
        if fa.section == fb.section or not _same_unit(fa.unit, fb.unit):
            continue
        if a.other != b.other or a.old and b.old or (a.level is None) != (b.level is None) \
                or a.level_only != b.level_only:
            continue  # what is left undone (or a level per person) is not the count of what was done
        how = _match(a, b)
        if how is None:
            continue
        ia, ib = interval_of(fa), interval_of(fb)
        equal = ia.intersects(ib)
        if not equal and distinct(idx, fa, fb, a.subject, b.subject):
            continue  # a whole and one of its items, a set and a part of it, two kinds of one noun
        # a level or a breakdown's part confirms an equal mention; unequal, it is the same fact only
        # under the same name and one misprint away (婴儿死亡率 2.26‰ / 2.62‰): no rounding nor reading
        # gives that.  A change's new value may be of another moment (年末) unless both mentions
        # state one period (2025年…法律援助案件 716 件 / 2025年…由上年的 652 件增加到 761 件)
        dated = bool(fa.stated_period and fb.stated_period and _agree(fa.stated_period, fb.stated_period))
        restated = (a.equal_only or b.equal_only or a.level_only) and not (a.old or b.old) and (
            fa.previous is None and fb.previous is None or dated)
        misprinted = restated and not equal and how in ("labels", "subject") \
            and telling(one_misprint_apart(fa, fb), fa, fb)
        if (a.old or b.old or a.equal_only or b.equal_only or a.level_only) and not equal and not misprinted:
            continue  # an old value may be of another moment than the one stated elsewhere
        if (a.equal_only or b.equal_only) and (a.equal_only and b.equal_only or how == "program" or _bound(fa)):
            continue  # two parts, a part and a figure of its program only, or a threshold (超过 50 万元的村)
        if a.level is not None and b.level is not None and not (
                equal and interval_of(a.level).intersects(interval_of(b.level)) and a.level.unit == b.level.unit):
            continue  # two growth rates are one fact when the levels they grow are one too
        if a.kind == b.kind == "target":
            # a target is a value that was set, not measured: 32 亿元 and 33 亿元 are two targets, and
            # 控制在 5.5% 以内 sets 5.5% as 5.5% 的控制目标 does
            equal = fa.value == fb.value
        inferred = fa.period_inferred or fb.period_inferred
        if a.kind != b.kind and not (equal and inferred):
            continue  # a target is never the same fact as a result (checked as a bound instead)
        # a period and its last month name one moment only for one named quantity (全年参保 and
        # 截至 12 月底参保; not 全年新增经营主体 and 12 月底实有经营主体)
        agree = how in ("labels", "subject") and bool(fa.stated_period and fb.stated_period
                                                      and _agree(fa.stated_period, fb.stated_period))
        if not _same_period(idx, a, b) and not (equal and inferred) and not agree:
            continue  # another year (a plan section's inferred period) is another fact
        if fa.scope and fb.scope and fa.scope != fb.scope and not equal \
                and not any(sc in a.name and sc in b.name and sc not in vocab()["subject_prefixes"]
                            for sc in (fa.scope, fb.scope)):
            continue  # 全县 and 城镇 name two scopes, unless 城镇 is in both names (城镇老旧小区)
        if how == "program" and not equal:
            continue
        if _occasion(a) != _occasion(b) and not equal:
            continue  # 五一假期接待游客 is not the half year's 接待游客
        if not equal and disjoint_set([a.name, b.name]):
            continue  # 春季学堂招生面积 and 秋季学堂招生面积: two categories of one set
        if _bound(fa) != _bound(fb) and not a.kind == b.kind == "target":
            continue  # 达到 95% 以上 is a goal or a floor, not a value stated elsewhere
        name = a.subject or fa.metric or a.name
        if fa.metric and any(w in name for w in vocab()["respectively"]):
            name = fa.metric  # 孕产妇死亡率、婴儿死亡率分别为 …: the list's own indicator, not its last
        c = Candidate(code="GW112", kind="same", whole=(fa,), parts=(fb,), trigger=name, explicit=False)
        where_a = fa.section[-1] if fa.section else "前文"
        where_b = fb.section[-1] if fb.section else "后文"
        if equal:
            key = (name, fa.unit)
            if key in seen:
                continue
            seen.add(key)
            yield make(c, idx, "consistent", "info", f"“{name}”在“{where_a}”与“{where_b}”两处均为 {lit(fa)}，一致",
                       [fb, fa], lit(fa), lit(fb))
            continue
        if transposed(fa, fb):  # 1,846 vs 1,864: no reading makes both true
            msg = f"“{name}”在“{where_a}”中为 {lit(fa)}，在“{where_b}”中为 {lit(fb)}，相邻数字颠倒，必有一处笔误"
            yield make(c, idx, "inconsistent", "error", msg, [fb, fa], lit(fa), lit(fb), hints=("transposition",))
            continue
        stated = bool(fa.stated_period and fa.stated_period == fb.stated_period) or agree
        # one misprint apart (166 所 / 176 所, 73.52 / 74.52 万吨): one fact misprinted, unless the
        # text dates the two mentions apart (checked above) or only a shared run of words pairs them
        slip = one_misprint_apart(fa, fb)
        certain = (a.kind == b.kind == "actual" and hedge_kind(fa) is None and hedge_kind(fb) is None
                   and not misprinted  # named by its list, change or as a level: the pairing is inferred
                   # names that only share a run of words (how == "similar") may be two quantities
                   # however close their values: a warning at most
                   and how in ("labels", "subject") and (stated or slip is not None))
        # one target of one year, set twice one misprint apart (完成年度计划 84.5 亿元 / 确保全年完成
        # 投资 85.5 亿元): a target is set, not measured, so no reading makes both true
        certain = certain or (a.kind == b.kind == "target" and slip is not None and how != "program")
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
        elif misprinted and slip is not None:
            msg += f"（{WORDS[slip]}）；同一数据两处表述不一，疑有一处笔误，请核对"
        elif a.kind == "target":
            msg += "；同一目标前后表述不一，请核对"
        elif stated and slip is not None:  # one moment, names that only look alike
            msg += f"（{WORDS[slip]}）；如为同一数据，疑有一处笔误，请核对"
        else:
            msg += "；如为不同时点的数据，请注明时点"
        yield make(c, idx, "inconsistent", "error" if certain else "warning", msg, [fb, fa], lit(fa), lit(fb))
    yield from restated_growths(idx)
