"""How two mentions are known to name one quantity (:mod:`gongwen.check.repeats.facts`): the same
labels, the same noun phrase, a run of characters shared with the other's subject, one subject
nested in or qualifying the other; and the headings and subsections that keep a bare name
(新增学位, 节约资金) each section's own.
"""

from __future__ import annotations

import re
from decimal import Decimal as Decimal  # doctests
from difflib import SequenceMatcher

from ...figure import Figure
from ..evaluation.intervals import longest_first, vocab
from ..reading.mentions import Mention, bare_subject, content, core
from ..reading.relations import abbreviates, summable
from ..reading.textindex import TextIndex


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
    size, ta, tb = _after_run(a, b)
    if not counts or size < 4:
        return size
    return size if not (ta and tb) or ta[-1] == tb[-1] else 0


def _after_run(a: str, b: str) -> tuple[int, str, str]:
    """The length of the longest run two names share and what each says after it (:func:`_head`; of
    ``b`` the part before a ``|``, where a subject and a metric are joined)."""
    m = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return m.size, _head(a[m.a + m.size:]), _head(b[m.b + m.size:].split("|")[0])


def _tails_agree(a: str, b: str) -> bool:
    """Whether what two names say after the longest run they share is one head: not a quantity named
    after it in both (vocab ``quantity_heads``), or one's words a tail of the other's (技术合同成交额 /
    技术合同实现成交额).  Two values that differ are one quantity misprinted only then: 全县主要农作物
    病虫害累计发生面积 and 全县主要农作物绿色防控实施面积 share their scope, 完成水土流失综合治理面积 and
    涉及水土流失防治责任范围 a word inside — each goes on to name its own quantity.

    >>> _tails_agree("全县主要农作物病虫害累计发生面积", "全县主要农作物绿色防控实施面积|面积")
    False
    >>> _tails_agree("全年技术合同成交额", "登记技术合同实现成交额|成交额"), _tails_agree("开展应急救护培训", "应急救护培训|人数")
    (True, True)
    """
    size, ta, tb = _after_run(a, b)
    if size < 4:
        return False
    heads = vocab()["quantity_heads"]
    if not (ta.endswith(tuple(heads)) and tb.endswith(tuple(heads))):
        return True  # (a verb or a target's words after the run, 控制在 / 为比, tell no other quantity)
    return ta.endswith(tb) or tb.endswith(ta)


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
    if run >= 4 and not (a.within or b.within) and (equal or any(_tails_agree(x, y) for x, y in pairs)):
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


def _same_unit(a: str, b: str) -> bool:
    """One unit, or two words for it (人, 名, 位: same_units in vocab.yaml)."""
    return a == b or any(a in group and b in group for group in vocab()["same_units"])


def _named_metric(metric: str | None) -> bool:
    """A metric that names a quantity, not only its kind (占比, 比重, 数量 name nothing)."""
    v = vocab()
    return bool(metric) and len(core(metric or "")) >= 3 and metric not in (*v["rate_words"], *v["whole_words"])
