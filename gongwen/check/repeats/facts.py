"""The same fact stated twice in the text: two mentions of one quantity in different sections
(the opening summary and its section, the work done and the plan) matched by their labels or
names must agree.  A disagreement is an error when no reading makes both true (two actual figures
of one stated moment, one misprint apart, a target set twice), else a warning.  Table cells
restated in the text are :mod:`gongwen.check.repeats.restated`'s; what a figure names is
:mod:`gongwen.check.reading.mentions`'.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal as Decimal  # doctests
from difflib import SequenceMatcher
from itertools import combinations

from ...figure import Figure
from ..evaluation.findings import Finding
from ..evaluation.intervals import hedge_kind, interval_of, longest_first, vocab
from ..evaluation.slips import WORDS, decisive, digit_swaps, one_misprint_apart, same_printed, telling
from ..evaluation.verdicts import lit, make, show_gap
from ..reading.distinct import distinct
from ..reading.mentions import _DATES as _DATES  # levels.py reads the date pattern here
from ..reading.mentions import (
    Mention,
    bare_subject,
    clean,
    content,
    core,
    growth_mention,
    mentions,
    respective_name,
)
from ..reading.mentions import subject_of as subject_of  # the engine's subject of a figure
from ..reading.relations import Candidate, abbreviates, summable
from ..reading.textindex import TextIndex, disjoint_set
from .sectioned import section_parts


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


def _one_moment(idx: TextIndex, a: Figure, b: Figure) -> bool:
    """Two figures' stated periods agree (:func:`_agree`), and when one is a month, it is named as
    the moment the year ends at (截至 12 月底参保 12.4 万人), not as a month of its own: 12 月当月实现
    社会消费品零售总额 is the month's flow, not the year's."""
    p, q = a.stated_period, b.stated_period
    if not (p and q and _agree(p, q)):
        return False
    if p == q:
        return True
    month = a if len(p) == 7 and "/" not in p else b
    # the date opens the full sentence, perhaps a clause before a ； (截至 12 月底，实有 …；合格率 …)
    start = month.span.start
    said = idx.text[max(idx.text.rfind("。", 0, start) + 1, start - 120):start]
    return any(w in said for w in vocab()["moment_cues"])


def _shared(a: str, b: str, counts: bool = False) -> int:
    """Length of the longest run of characters two names share; for two counts, 0 when the names
    go on to count different things after it (各类政务服务平台共受理办件 and 政务服务便民热线共受理群众诉求
    share 政务服务, but one counts 办件, the other 诉求): the run names the quantity only when it is
    the head of one name, or both names end in the same head (技术合同成交额 / 技术合同实现成交额).

    >>> _shared("各类政务服务平台共受理办件", "政务服务便民热线共受理群众诉求数", counts=True)
    0
    >>> _shared("全年新增经营主体", "新登记经营主体户数", counts=True), _shared("技术合同成交额", "登记技术合同实现成交额", counts=True)
    (4, 4)
    """
    m = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    if not counts or m.size < 4:
        return m.size
    heads = [_head(a[m.a + m.size:]), _head(b[m.b + m.size:].split("|")[0])]
    return m.size if not all(heads) or heads[0][-1] == heads[1][-1] else 0


def _one_head(a: Mention, b: Mention) -> bool:
    """Two mentions' names end in one head, whatever runs they share before it (书院茶叶总产量 and
    其中春茶采摘面积总产量 both count 总产)."""
    def heads(m: Mention) -> set[str]:
        return {h[-1] for h in (_head(content(x)) for x in (m.name, m.subject, m.fig.metric or "")) if h}
    return bool(heads(a) & heads(b))


def _head(tail: str) -> str:
    """What a name counts after a run it shares: its words without punctuation, the closing words
    that count nothing (的, a hedge 不少于, a verb 为) or a generic tail (办件数 → 办件; 计划为 → 计划;
    不少于 → nothing).

    >>> _head("便民热线共受理群众诉求数"), _head("计划为"), _head("不少于"), _head("”")
    ('便民热线共受理群众诉求', '计划', '', '')
    """
    v = vocab()
    ends = longest_first("hedges", "subject_suffixes", extra=("的",))
    t = "".join(re.findall(r"[\u4e00-\u9fff]", tail))
    while cut := next((w for w in ends if t.endswith(w) and not any(t.endswith(b) for b in v["suffix_bound_words"])), ""):
        t = t[: -len(cut)]
    return "" if t in v["generic_tails"] else core(t)


def _match(a: Mention, b: Mention, equal: bool = False) -> str | None:
    """How two mentions are known to name one quantity: ``labels`` (program, scope and metric
    all equal), ``subject`` (the same noun phrase), ``similar`` (one's name shares a run of
    characters with the other's subject or metric, same program), ``nested`` (one subject is the
    other's with words added), ``program`` (same program only: enough to verify equal values,
    never to report a difference); None when they name different things.

    Two programs apart part two mentions, except an ``equal`` value (the very number, not one
    that rounds to the other: 近 1 万户 is no 6,412 户) restated in the opening (no heading above it): the opening sums up every program at once, so the program read there is a
    guess, and the shared run of the names says what is restated (开展应急救护培训 8,410 人 in the
    opening, 全年举办应急救护培训…8,410 人 under its heading)."""
    fa, fb = a.fig, b.fig
    if fa.program and _named_metric(fa.metric) and (fa.program, fa.scope, fa.metric) == (fb.program, fb.scope, fb.metric):
        return "labels"
    # a subject of two characters once its verbs are dropped (实现产值 → 产值, 面积) names a measure,
    # not what is measured: 高山蔬菜 实现产值 and 中药材 实现产值 are two quantities
    if a.subject and len(re.findall(r"[\u4e00-\u9fff]", content(a.subject))) >= 3 \
            and (a.subject == b.subject or bare_subject(a) == bare_subject(b)):
        return "subject"  # 基本医疗保险参保人数 and 基本医疗保险参保: one noun phrase, with its generic tail
    if a.subject and b.subject and _one_scope(fa.scope, fb.scope) and fa.scope != fb.scope \
            and not (fa.program and fb.program and fa.program != fb.program) \
            and len(re.findall(r"[\u4e00-\u9fff]", bare_subject(a))) >= 3 and _unscoped(a) == _unscoped(b):
        return "subject"  # 城乡居民经常参加体育锻炼人数比例 is the place's 经常参加体育锻炼人数比例
    if _short_for(a, b) or _short_for(b, a):
        return "subject"  # 总产量 after 全市粮食播种面积 386.4 万亩 is the section's 粮食总产量
    if _nested(a, b) or _qualified(a, b):
        return "nested"
    programs = bool(fa.program and fb.program)
    # a target set once is restated where the plan says how it is met (年度参保任务为 36.5 万人 in the
    # work done, 力保完成 36.5 万人的年度参保任务 in the plan): the very number under a shared run of
    # its name is that target, whatever program each place is filed under and whatever verb closes
    # each name (预算投入不低于 / 预算安排) — the pairing only confirms, the values being equal
    set_once = equal and a.kind == b.kind == "target"
    if programs and fa.program != fb.program and not (equal and not (fa.section and fb.section) or set_once):
        return None
    # the shared run must name the quantity: lie in one mention's subject or metric (全区实现 …
    # 地区生产总值 and 全区实现第一产业增加值 share only their scope and verb)
    # and, for two counts, what each counts after it (平台…办件 and 热线…诉求 share only 政务服务)
    counts = fa.unit != "%" and fb.unit != "%" and not set_once  # a percentage's name states a part and a whole, not a head
    pairs = ((content(a.name), content(f"{b.subject}|{fb.metric or ''}")),
             (content(b.name), content(f"{a.subject}|{fa.metric or ''}")))
    run = max(_shared(x, y, counts and not _one_head(a, b)) for x, y in pairs)
    if run >= 4 and not (a.within or b.within):
        return "similar"
    return "program" if programs else None


def _one_scope(p: str | None, q: str | None) -> bool:
    """Two scopes of one population: equal, or the place (全市) and everyone in it (城乡居民).

    >>> _one_scope("全县", "城乡居民"), _one_scope("全县", "城镇"), _one_scope("城乡居民", "城乡居民")
    (True, False, True)
    """
    if p == q:
        return True
    whole = vocab()["whole_population_scopes"]
    return any(x in whole and (y in whole or y.startswith("全")) for x, y in ((p or "", q or ""), (q or "", p or "")))


def _unscoped(m: Mention) -> str:
    """A subject without the whole-population scope that leads it (城乡居民经常参加体育锻炼人数比例 →
    经常参加体育锻炼人数比例), when that scope is the figure's own."""
    s = bare_subject(m)
    scope = m.fig.scope or ""
    return s.removeprefix(scope) if scope in vocab()["whole_population_scopes"] else s


def _short_for(s: Mention, full: Mention) -> bool:
    """``s`` names its quantity by a short form of ``full``'s subject — the subject's tail (总产量
    of 粮食总产量) — and its own sentence names the head before it, with no list or part between
    (全市粮食播种面积 412.7 万亩，总产量 173.25 万吨; not 粮食播种面积…，其中夏粮…，总产量): the
    sentence leaves one reading, the full one; never across two programs.

    >>> f = Figure(Decimal(1), "吨", program="粮食生产")
    >>> full = Mention(f, "粮食总产量", "粮食总产量", "actual")
    >>> _short_for(Mention(f, "", "总产量", "actual", short="总产量", before="全市粮食播种面积412.7万亩，总产量"), full)
    True
    >>> _short_for(Mention(f, "", "总产量", "actual", short="总产量", before="全市粮食播种面积412.7万亩，其中夏粮21.6万亩，总产量"), full)
    False
    """
    if s.subject or not s.short or not full.subject:
        return False
    if s.fig.program and full.fig.program and s.fig.program != full.fig.program:
        return False
    whole = content(full.subject)
    if not whole.endswith(s.short) or whole == s.short:
        return False
    head = whole[: -len(s.short)]
    at = s.before.rfind(head)
    if len(re.findall(r"[\u4e00-\u9fff]", head)) < 2 or at < 0:
        return False
    rest = s.before[at:]
    return not any(w in rest for w in (*vocab()["subset_cues"], "、"))


def _nested(a: Mention, b: Mention) -> bool:
    """One subject is the other with words added — inside it (群众满意率 in 12319 城管服务热线群众
    满意率) or between its head and tail (新增学位 of 新增中小学幼儿园学位): the longer one may name
    a part of the shorter one's quantity (a qualifier sets it apart), so the pairing only confirms
    equal values or points at a misprint; whatever programs the two are filed under, since the
    words name the quantity."""
    if not (a.subject and b.subject):
        return False
    x, y = sorted((bare_subject(a), bare_subject(b)), key=len)
    if x == y or len(re.findall(r"[\u4e00-\u9fff]", x)) < 4:
        return False
    return x in y or abbreviates(x, y)


def _qualified(a: Mention, b: Mention) -> bool:
    """One subject's head noun opens the other's, which goes on with words of its own (按全县常住人口
    and 常住人口签约家庭医生: those of the residents who signed): the longer names something of the
    shorter's quantity, as :func:`_nested`'s do — never the same by a shared run alone.

    >>> f = Figure(Decimal(1), "人")
    >>> _qualified(Mention(f, "按全县常住人口", "", "actual"), Mention(f, "常住人口签约家庭医生", "", "actual"))
    True
    >>> _qualified(Mention(f, "全县常住人口", "", "actual"), Mention(f, "年末常住人口", "", "actual"))
    False
    """
    if not (a.subject and b.subject):
        return False
    x, y = bare_subject(a), bare_subject(b)
    for p, q in ((x, y), (y, x)):
        k = next((k for k in range(min(len(p), len(q)), 3, -1) if p.endswith(q[:k])), 0)
        if k and len(_CJK.findall(q[:k])) >= 4 and _CJK.search(q[k:]):
            return True
    return False


_CJK = re.compile(r"[\u4e00-\u9fff]")


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
        where_a = a.section[-1] if a.section else "前文"
        where_b = b.section[-1] if b.section else "后文"
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


def _category(m: Mention, members: list[list[str]]) -> int | None:
    """The member of a category set a mention names: in its own words, else in the nearest
    heading above it that names one (新增学位 under 学前教育普惠扩容 → 学前); a heading's word of one
    character (省, 女) is too loose to tell a section's subject."""
    def named(text: str, shortest: int) -> int | None:
        best = max(((len(w), i) for i, ws in enumerate(members) for w in ws if len(w) >= shortest and w in text),
                   default=None)
        return best[1] if best else None
    own = named(f"{m.name}|{m.subject}", 1)
    if own is not None:
        return own
    return next((i for h in reversed(m.fig.section) if (i := named(h, 2)) is not None), None)


def headed_apart(a: Mention, b: Mention) -> bool:
    """Two mentions whose sections' headings name different members of one category set (学前教育…
    and 义务教育…, 城市… and 农村…), their own words naming no other: the heading says whose quantity
    the bare name counts, so 新增学位 3,600 个 and 新增学位 1.08 万个 are two sections' places, not one
    fact stated twice.  A mention under no such heading (the opening summary) stays pairable.

    >>> f, g = (Figure(Decimal(1), "个", section=("成效", h)) for h in ("学前教育普惠扩容", "义务教育优质均衡"))
    >>> headed_apart(Mention(f, "新增学位", "新增学位", "actual"), Mention(g, "新增学位", "新增学位", "actual"))
    True
    >>> headed_apart(Mention(f, "新增学位", "新增学位", "actual"), Mention(Figure(Decimal(2), "个"), "新增学位", "新增学位", "actual"))
    False
    """
    v = vocab()
    for members in [*v["exhaustive_sets"], *v["open_sets"], *v["disjoint_sets"]]:
        ca, cb = _category(a, members), _category(b, members)
        if ca is not None and cb is not None and ca != cb:
            return True
    return False


def subsections_apart(a: Figure, b: Figure) -> bool:
    """Two figures in two subsections (a heading under a heading each), neither within the other:
    a bare name (节约资金, 成交金额, 检查企业) counts each subsection's own work there, so only a
    misprint tells two unequal values apart as one fact; the opening summary and a top section
    restate (全年完成… in the summary and in its section) and stay pairable.

    >>> f = lambda *s: Figure(Decimal(1), "亿元", section=s)
    >>> subsections_apart(f("成效", "政府采购"), f("成效", "工程招投标")), subsections_apart(f("总体情况"), f("成效", "政府采购"))
    (True, False)
    """
    sa, sb = a.section, b.section
    return len(sa) >= 2 and len(sb) >= 2 and sa[:len(sb)] != sb and sb[:len(sa)] != sa


def _measure_of_before(idx: TextIndex, f: Figure) -> bool:
    """An amount or count that goes on from another figure of its sentence (完成产权交易 64 宗，成交
    金额 8.20 亿元; 采购预算金额 12.50 亿元，成交金额 11.90 亿元): its name is a measure of what the
    sentence states before it, not a name of its own."""
    before = idx.figure_before(f)
    return summable(f) and before is not None and before.span.start >= idx.sentence_of(f.span.start).start \
        and not any(ch in idx.between(before.span.end, f.span.start) for ch in "；;。")


def _headed_alike(a: Mention, b: Mention) -> bool:
    """Both subsections' headings name what the mentions count (特困供养人员 under 特困人员救助供养 and
    under 特困供养人员照料护理: a word of two characters of the name in each heading): one population
    the two subsections speak of, not each subsection's own work.

    >>> f = lambda h: Figure(Decimal(1), "人", section=("成效", h))
    >>> _headed_alike(Mention(f("特困人员救助供养"), "特困供养人员", "特困供养人员", "actual"),
    ...               Mention(f("特困供养人员照料护理"), "特困供养人员", "特困供养人员", "actual"))
    True
    """
    name = content(a.subject or a.name)
    ha, hb = a.fig.section[-1], b.fig.section[-1]
    return any(name[i:i + 2] in ha and name[i:i + 2] in hb for i in range(len(name) - 1)
               if len(_CJK.findall(name[i:i + 2])) == 2)


def _occasion(m: Mention) -> frozenset[str]:
    """The occasions a mention's name confines it to (五一假期, 春节, 汛期): part of a period."""
    return frozenset(w for w in vocab()["occasion_words"] if w in m.name or w in m.subject)


def _since(idx: TextIndex, f: Figure) -> str | None:
    """The year a figure counts from when its sentence says so before it and it is before the
    figure's own year (自 2021 年启动以来，全区累计…3.26 万户 → 2021): a total over several years."""
    sent = idx.sentence_of(f.span.start)
    words = "|".join(map(re.escape, vocab()["since_words"]))
    years = re.findall(rf"(\d{{4}})年[^\d，,。；;]{{0,8}}?(?:{words})", idx.text[sent.start:f.span.start])
    own = (f.period or "")[:4]
    return next((y for y in reversed(years) if not own.isdigit() or y < own), None)


def _places_apart(idx: TextIndex, a: Figure, b: Figure) -> bool:
    """The two figures' sentences name places of two levels before them (全市常住人口…，城镇化率 and
    全县常住人口…，城镇化率): each figure is its place's (whole_places)."""
    levels = []
    for f in (a, b):
        words = idx.between(idx.sentence_of(f.span.start).start, f.span.start)
        found = [(words.rfind(w), lvl) for w, lvl in vocab()["whole_places"].items() if w in words]
        levels.append(max(found)[1] if found else None)
    return None not in levels and levels[0] != levels[1]


def _bound(f: Figure) -> bool:
    return hedge_kind(f) in ("at_least", "more_than", "at_most", "less_than")


def _same_unit(a: str, b: str) -> bool:
    """One unit, or two words for it (人, 名, 位: same_units in vocab.yaml)."""
    return a == b or any(a in group and b in group for group in vocab()["same_units"])


def _named_metric(metric: str | None) -> bool:
    """A metric that names a quantity, not only its kind (占比, 比重, 数量 name nothing)."""
    v = vocab()
    return bool(metric) and len(core(metric or "")) >= 3 and metric not in (*v["rate_words"], *v["whole_words"])


def _same_period(idx: TextIndex, a: Mention, b: Mention) -> bool:
    """Periods that allow one fact: the stated periods must not differ, nor the years; a target
    named annual (全年, 年度) is of its year even in a half-year report (完成年度目标任务 7500 人)."""
    fa, fb = a.fig, b.fig
    if a.kind == b.kind == "target":
        pa, pb = (f.period[:4] if f.period and _annual(idx, f) else f.period for f in (fa, fb))
        return not (pa and pb and pa != pb)
    return same_year(fa, fb)


def _year_and_deadline(a: Mention, b: Mention) -> bool:
    """Two targets, one set for a year (今年计划实施除险加固的 22 座) and one due within it (9 月底前
    22 座完工): equal, they are one target restated with its deadline."""
    pa, pb = a.fig.period or "", b.fig.period or ""
    return a.kind == b.kind == "target" and pa[:4] == pb[:4] != "" and 4 in (len(pa), len(pb))


def _whole_only(m: Mention) -> bool:
    """A share named by its whole alone (占社会消费品零售总额的比重为 39.8%): the part it is of is said
    before the cue, so the name does not tell which share of that whole it is."""
    return m.fig.unit == "%" and m.subject.startswith(tuple(vocab()["share_cues"]))


def _stretch(idx: TextIndex, f: Figure) -> bool:
    """A target named as one to strive for (力争, 争取), set beyond the target that must be met."""
    return any(w in idx.clause_before(f, 30) for w in vocab()["stretch_words"])


def _annual(idx: TextIndex, f: Figure) -> bool:
    return any(w in idx.clause_before(f, 30) + idx.words_after(f, 8) for w in vocab()["annual_words"])


def _from_last_year(idx: TextIndex, f: Figure) -> bool:
    """A change whose old value the words date to last year (由上年的 61.20% 提高到 62.37%, 从去年
    同期的 …, 由上年末的 …): its new value is this period's, the report's own."""
    if f.previous is None or f.previous_span is None:
        return False
    before = idx.text[max(0, f.previous_span.start - 8):f.previous_span.start]
    at = max(before.rfind(w) for w in vocab()["from_words"])
    return at >= 0 and before[at + 1:].startswith(tuple(vocab()["previous_heads"]))


def _this_year(idx: TextIndex, a: Figure, b: Figure) -> bool:
    """Two mentions of one year's moment by their words: each is a plain mention or the new value of
    a change from last year's (:func:`_from_last_year`), at least one of them such a change, and
    neither states a moment of its own inside the year (截至 11 月底 may be before the year's end);
    a stated year, or its end (截至 12 月底), is that moment.

    >>> _this_year(TextIndex("森林覆盖率由上年的61.20%提高到62.37%", []),
    ...            Figure(Decimal("62.37"), "%", previous=Decimal("61.20"), previous_span=Span(8, 14), period="2025"),
    ...            Figure(Decimal("62.73"), "%", period="2025"))
    True
    """
    if not any(f.previous is not None for f in (a, b)) or not same_year(a, b):
        return False
    if any(f.previous is not None and not _from_last_year(idx, f) for f in (a, b)):
        return False
    return all(f.stated_period is None or len(f.stated_period) == 4 or f.stated_period.endswith("-12")
               for f in (a, b))


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
        if a.level is not None and b.level is not None and not (
                equal and interval_of(a.level).intersects(interval_of(b.level)) and a.level.unit == b.level.unit):
            continue  # two growth rates are one fact when the levels they grow are one too
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
                            for sc in (fa.scope, fb.scope)):
            continue  # 全县 and 城镇 name two scopes, unless 城镇 is in both names (城镇老旧小区)
        if how == "program" and not equal:
            continue
        if not equal and _places_apart(idx, fa, fb):
            continue  # 全市…城镇化率 62.4% and 全县…城镇化率 58.9%: the same name of two places
        if how == "nested" and not equal and not telling(one_misprint_apart(fa, fb), fa, fb):
            continue  # a qualified name may count a part: only a misprint tells it is the same quantity
        if _since(idx, fa) != _since(idx, fb) and not equal:
            continue  # 自 2021 年启动以来累计惠及 3.26 万户 counts the years since: not the year's 1 万户
        if _occasion(a) != _occasion(b) and not equal:
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
        if not equal and (_said_beside(said, a, b) or _said_beside(said, b, a)) \
                and not telling(one_misprint_apart(fa, fb), fa, fb):
            continue  # 受理投诉 820 件 in the summary and again in the section of 物业类 205 件: 205 is another quantity
        if not equal and _total_and_part(said, a, b):
            continue  # 节约资金 6.84 亿元 for the year, 5.12 and 1.72 亿元 in two sections: their sum
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


def _said_beside(said: list[Mention], a: Mention, b: Mention) -> bool:
    """``a``'s value stated again under ``a``'s own subject in ``b``'s section, where ``b`` bears
    another subject: that section states ``a``'s fact itself, so ``b``, however its labels read,
    is some other quantity of it (a class, a part)."""
    if not a.subject or a.subject == b.subject:
        return False
    return any(c is not a and c is not b and c.fig.section == b.fig.section and c.subject == a.subject
               and same_printed(c.fig, a.fig) for c in said)


def _added(m: Mention) -> bool:
    """A mention named as what was added (vocab new_words: 新增, 新建 …), a flow of its period,
    never the stock a mention not so named counts."""
    return any(w in m.name for w in vocab()["new_words"])


def _one_quantity(a: Mention, b: Mention) -> bool:
    """Two mentions name one quantity by their words (labels, subject or a shared run)."""
    return _match(a, b) in ("labels", "subject", "similar")


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


def counted_nouns(idx: TextIndex, said: list[Mention]) -> Iterator[Finding]:
    """A count named by the noun right after it (街道下辖 9 个社区；实现 155 个行政村全覆盖；5 轮强降雨过程),
    the same count in another sentence, named by that noun after it or before it (乡镇卫生院 18 家 and
    实现全县 18 家乡镇卫生院全覆盖): the words before such a count are a verb (下辖, 实现, 经历), so the
    mention has no subject.  Equal values are verified; unequal ones are left unsaid — the noun alone
    does not tell all of them from some (16 个行政村 and 15 个行政村 covered)."""
    v = vocab()
    named: list[tuple[Mention, str, str]] = []
    for m in said:
        f = m.fig
        if f.unit not in v["count_units"] or f.kind != "actual" or m.old or m.level is not None or m.other \
                or m.within or f.previous is not None or f.range_id is not None \
                or any(w in idx.clause_before(f, 24) for w in v["new_words"]):
            continue
        after = _counted_noun(idx, f)
        named.append((m, after, "" if after else subject_of(idx, f)))
    for (a, na, ba), (b, nb, bb) in combinations(named, 2):
        fa, fb = a.fig, b.fig
        noun = na or ba
        if not (na or nb) or noun != (nb or bb) or len(_CJK.findall(noun)) < 2 or fa.value != fb.value \
                or not _same_unit(fa.unit, fb.unit) or not (same_year(fa, fb) or _year_end(fa, fb)) \
                or idx.sentence_of(fa.span.start) == idx.sentence_of(fb.span.start):
            continue
        c = Candidate(code="GW112", kind="same", whole=(fa,), parts=(fb,), trigger=noun, explicit=False)
        where_a = fa.section[-1] if fa.section else "前文"
        where_b = fb.section[-1] if fb.section else "后文"
        yield make(c, idx, "consistent", "info", f"“{noun}”在“{where_a}”与“{where_b}”两处均为 {lit(fa)}，一致",
                   [fb, fa], lit(fa), lit(fb))


def _year_end(a: Figure, b: Figure) -> bool:
    """Two stated periods of one moment: a year and its end (全年 2025 and 截至年底 2025-12)."""
    return bool(a.stated_period and b.stated_period and _agree(a.stated_period, b.stated_period))


def _counted_noun(idx: TextIndex, f: Figure) -> str:
    """The noun right after a count, up to a break, a figure or a word that goes on to say something
    of it (行政村全覆盖 → 行政村; 社区划分为综合网格 → 社区; vocabulary counted_noun_ends)."""
    end = f.span.end
    words = re.split(r"[\d，,。；;：:、（）()“”\s]", idx.text[end:end + 16], maxsplit=1)[0]
    for w in vocab()["counted_noun_ends"]:
        i = words.find(w, 1)
        if i > 0:
            words = words[:i]
    return words if _CJK.match(words) else ""
