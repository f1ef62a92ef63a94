"""X率 x% after its two counts: 排查隐患 12856 件，已整改 12604 件，整改率 98.0% (part and whole
stated just before), or the whole named by the rate and stated elsewhere (签约 112.4 万人，常住人口
签约率 36.0%).  Found by position, so inferred: see :func:`gongwen.check.proportions.rates.percent_rate`."""

from __future__ import annotations

import re
from decimal import Decimal as Decimal  # doctests
from functools import cache

from ...figure import Figure
from ...model import Span
from ..evaluation.intervals import interval_of, longest_first, vocab
from ..reading.relations import Candidate, fact_kind, summable
from ..reading.textindex import TextIndex
from ..repeats.facts import same_year
from .operands import (
    HUNDRED,
    _fits,
    _paragraph_start,
    compatible,
    near_miss,
    operands_before,
    populations,
)


def _rate_name(label: str) -> str:
    """The rate's name in the words before it, up to its rate word (常住人口签约率, 护理型床位占比).
    A bracket between two words of the name qualifies a word of it (村（社区）覆盖率: the rate of
    villages, the communities counted with them) and stays in the name; any other bracket ends it.

    >>> _rate_name("覆盖全市，村（社区）覆盖率"), _rate_name("（三）线上办理率"), _rate_name("办结（含转办）率")
    ('村（社区）覆盖率', '线上办理率', '办结（含转办）率')
    """
    best = -1
    for w in vocab()["rate_words"]:
        i = label.rfind(w)
        if i >= 0:
            best = max(best, i + len(w))
    if best < 0:
        return ""
    name = label[:best]
    masked = _QUALIFIER.sub(lambda m: "·" * len(m.group()), name)
    return name[max(masked.rfind(stop) for stop in "，,。；;：:、（(）)") + 1:]


# a bracket of words between two words of a name: a qualifier of the word before it (村（社区）)
_QUALIFIER = re.compile(r"(?<=[\u4e00-\u9fff])[（(][\u4e00-\u9fff]{1,6}[）)](?=[\u4e00-\u9fff])")


def _names_another(idx: TextIndex, stem: str, part: Figure, whole: Figure) -> bool:
    """The rate's name holds a subject neither operand's words name (学生体质健康达标率 after 达标学堂
    312 所 of 学堂 328 所): the rate of another quantity, whose name only ends like the part's.  The
    name's head before its last two characters must share two characters with the operands' words
    (集中供养率 after 集中供养 418 人; 常住人口签约率 of 常住人口 312.6 万人)."""
    head = stem[:-2]
    for w in longest_first("subject_prefixes"):
        head = head.removeprefix(w)
    if len(head) < 2:
        return False
    words = idx.clause_before(part, 24) + "|" + idx.clause_before(whole, 24)
    return not any(head[i:i + 2] in words for i in range(len(head) - 1))


def _own_words(idx: TextIndex, stem: str, part: Figure, whole: Figure) -> bool:
    """The rate's name holds words of its own, two words (four characters) in a run that share no
    two characters with the operands' clauses (限额以上有效投诉按法定时限办结率 after 受理投诉 a，办结 b:
    限额以上, 按法定时限): it is the rate of a narrower base or of a part within a
    condition, not of these two counts, and a near miss of theirs is no misprint of it.  Words any
    figure may carry (全年, 累计: ``subject_prefixes``) are no words of its own.

    >>> from gongwen.check.reading.textindex import TextIndex
    >>> t = "全年受理投诉案件812件，办结790件，有效投诉按法定时限办结率96.8%"
    >>> figs = [Figure(Decimal(v), "件", span=Span(t.index(v), t.index(v) + len(v) + 1)) for v in ("812", "790")]
    >>> idx = TextIndex(t, figs)
    >>> _own_words(idx, "有效投诉按法定时限办结", figs[1], figs[0]), _own_words(idx, "投诉办结", figs[1], figs[0])
    (True, False)
    """
    words = idx.clause_before(part, 24) + "|" + idx.clause_before(whole, 24)
    head = _generic_words().sub("|", stem)
    covered = [False] * len(head)
    for i in range(len(head) - 1):
        if _CJK_RUN.fullmatch(head[i:i + 2]) and head[i:i + 2] in words:
            covered[i] = covered[i + 1] = True
    run = 0
    for ch, seen in zip(head, covered):
        run = run + 1 if not seen and _CJK_RUN.fullmatch(ch) else 0
        if run >= 4:
            return True
    return False


def named_wholes(idx: TextIndex, stem: str, part: Figure) -> list[Figure]:
    """Figures anywhere before a rate whose own label is the head of the rate's name: 常住人口
    312.6万人 for 常住人口签约率, 行政村 165 个 for 行政村覆盖率 (the longest head wins; the whole
    name, 签约, names what the rate counts, not what it is a rate of)."""
    best: list[Figure] = []
    best_len = 1
    for g in idx.figures:
        if g is part or not summable(g) or g.kind == "change" or g.bound is not None \
                or not compatible(g, part) or g.value < part.value:
            continue
        lab = idx.label_before(g, 16)
        # the head only: a label ending with the whole stem (城乡居民医保参保 42.6 万人 for 参保率) counts
        # the rate's act, as its part does (其中新增参保 0.8 万人), not the whole it is a rate of
        n = next((k for k in range(len(stem) - 1, 1, -1) if lab.endswith(stem[:k])), 0)
        if n > best_len:
            best, best_len = [g], n
        elif n == best_len and n > 1:
            best.append(g)
    return best


def repeated_whole(idx: TextIndex, part: Figure, pool: list[Figure]) -> Figure | None:
    """The whole a rate's part names by repeating its words: of the earlier figures of ``pool`` that
    can hold the part, the one whose label shares the longest run of words (two characters at least,
    the latest on a tie) with the part's sentence up to it — 排查各类隐患 1262 处 for 已整改隐患 1218 处，
    整改率; 全县登记社会组织 486 家 for 组织开展社会组织年度检查，参检 452 家，参检率; 共有在校学生 for
    参加课后服务学生.  Words any figure may carry (全年, 累计, 全县: ``subject_prefixes``) name nothing.

    >>> from gongwen.check.reading.textindex import TextIndex
    >>> t = "排查各类隐患1262处，其中重大事故隐患5处。已整改隐患1218处"
    >>> figs = [Figure(Decimal(v), "处", span=Span(t.index(v), t.index(v) + len(v) + 1)) for v in ("1262", "5", "1218")]
    >>> repeated_whole(TextIndex(t, figs), figs[2], figs[:2]).value
    Decimal('1262')
    """
    generic = _generic_words()
    said = generic.sub("|", idx.back_to(part.span.start, "。；;！？", 80))
    best, longest = None, 1
    for g in pool:
        if g is part or g.span.start >= part.span.start or g.kind == "change" or g.bound is not None \
                or not compatible(g, part) or g.value < part.value:
            continue
        label = generic.sub("|", idx.label_before(g, 16))
        n = next((k for k in range(min(len(label), 8), 1, -1)
                  if any(_CJK_RUN.fullmatch(label[i:i + k]) and label[i:i + k] in said
                         for i in range(len(label) - k + 1))), 0)
        if n >= longest:
            best, longest = g, n
    return best if longest >= 2 else None


_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


@cache
def _generic_words() -> re.Pattern[str]:
    """Words any figure may carry (全年, 累计, 全县: ``subject_prefixes``), longest first, compiled once."""
    return re.compile("|".join(map(re.escape, longest_first("subject_prefixes"))))


def counted_rate(idx: TextIndex, f: Figure) -> Candidate | None:
    """排查隐患 12856 件，已整改 12604 件，整改率 98.0%: part and whole stated just before; or the
    whole named by the rate and stated elsewhere (签约 112.4 万人，常住人口签约率 36.0%)."""
    text = idx.text
    label = idx.clause_before(f, 24)
    name = _rate_name(label)
    if not name and "面" not in label[-4:]:
        return None
    if any(w in name for w in vocab()["unbounded_rate_words"]) and "完成率" not in name:
        return None
    called = name[-12:] or label[-6:]  # what the text calls the rate, for the message
    start = _paragraph_start(idx, f.span.start, 200)
    before = [g for g in operands_before(idx, f.span.start, start) if g.unit not in ("%",)]
    if fact_kind(idx, f) != "target":  # 签约 15.3 万人，完成年度任务 14.5 万人的 105.5%，签约覆盖率: a
        while before and fact_kind(idx, before[-1]) == "target":  # target is no part of what was done
            before.pop()
    # 2025 年共核实处置预警线索 1846 条，2026 年确保核查处置率保持 100%: a rate of one year is never
    # of the counts the text dates to another
    before = [g for g in before if not _years_apart(f, g)]
    if not before:
        return None
    part = before[-1]
    if idx.sentence_of(part.span.start) != idx.sentence_of(f.span.start) and \
            text[part.span.end:f.span.start].count("。") > 0:
        return None
    stem = name
    for w in longest_first("rate_words"):
        if stem.endswith(w):
            stem = stem[: -len(w)]
            break
    stated = interval_of(f)
    # the members of a closed list (县级医院 a，乡镇卫生院 b，村卫生室 c after 总诊疗人次 a + b + c) are
    # siblings: neither is the other's whole
    closed = closed_list(idx, f)
    listed = {id(g) for g in closed[0]} if closed else set()

    def apart(p: Figure, w: Figure) -> bool:
        return not (id(p) in listed and id(w) in listed)
    recent = before[-6:]
    # the part the rate names (集中供养 418 人 for 集中供养率), else the last operand
    parts = [g for g in reversed(recent) if len(stem) >= 2 and stem[-2:] in idx.clause_before(g, 16)] + [part]
    for p in dict.fromkeys(parts):
        complement = any(w in idx.clause_before(p, 12) for w in vocab()["negative_words"]) and \
            not any(w in label for w in vocab()["negative_words"])
        wholes = [g for g in before if g is not p and g.span.start < p.span.start and compatible(g, p)
                  and g.value >= p.value and apart(p, g)]
        named = named_wholes(idx, stem, p) + populations(idx, p)
        for whole in [*reversed(wholes), *named]:
            if _fits(p, whole, stated, complement):
                return Candidate(code="GW123", kind="share", whole=(f,), parts=(p, whole), trigger=called,
                                 explicit=False, params={"complete": True, "complement": complement})
    complement = any(w in idx.clause_before(part, 12) for w in vocab()["negative_words"]) and \
        not any(w in label for w in vocab()["negative_words"])
    sent = idx.sentence_of(f.span.start)
    # the rate's own sentence, or its full sentence for the count right before it (审结 11958 件，同比
    # 下降 5.1%；结案率 95.8%: the ； ends a clause, not what the rate is of)
    full = max(text.rfind("。", 0, f.span.start), text.rfind("\n", 0, f.span.start)) + 1
    near = near_miss(f, [(p, w) for p in dict.fromkeys(parts)
                         if p.span.start >= sent.start or p is part and p.span.start >= full
                         for w in [*before, *named_wholes(idx, stem, p), *populations(idx, p)]
                         if w is not p and compatible(w, p) and w.value >= p.value and apart(p, w)
                         and (w.span.start < p.span.start or w not in before)], HUNDRED, complement)
    if near is not None and _own_words(idx, stem, *near):
        near = None  # 有效投诉按法定时限办结率 after 受理投诉 a，办结 b: a narrower rate
    if near is not None:  # the one pairing the rate misses by a digit: it is meant, and wrong
        # … and the text's own when the whole is the one figure the rate's name designates
        designated = {w.value for w in named_wholes(idx, stem, near[0]) + populations(idx, near[0])}
        said = repeated_whole(idx, near[0], before) is near[1]
        return Candidate(code="GW123", kind="share", whole=(f,), parts=near, trigger=called,
                         explicit=False, params={"complete": True, "complement": complement,
                                                 "named": designated == {near[1].value} or said})
    named = named_wholes(idx, stem, part)
    if len(named) == 1 and idx.sentence_of(part.span.start) == idx.sentence_of(f.span.start) \
            and stem[-2:] in idx.clause_before(part, 16):
        # 签约 112.4 万人，常住人口签约率 36.0%: the one whole the rate names, the part its act (签约;
        # not 其中学历提升类 326 人次 before 培训合格率)
        return Candidate(code="GW123", kind="share", whole=(f,), parts=(part, named[0]), trigger=called,
                         explicit=False, params={"complete": True, "complement": complement, "named": True})
    by_name = [g for g in recent if len(stem) >= 2 and stem in idx.label_before(g, 16)
               and g.span.start >= sent.start]
    if len(by_name) == 1 and by_name[0] is not part:  # 其中集中供养 418 人、分散供养 908 人，集中供养率
        p = by_name[0]
        held = next((g for g in reversed(before) if g.span.start < p.span.start and g.span.start >= sent.start
                     and compatible(g, p) and g.value >= p.value and stem not in idx.label_before(g, 16)
                     and apart(p, g)), None)
        if held is not None:
            return Candidate(code="GW123", kind="share", whole=(f,), parts=(p, held), trigger=called,
                             explicit=False, params={"complete": True, "complement": False})
    wholes = [g for g in before[:-1] if compatible(g, part) and g.value >= part.value and apart(part, g)]
    if not wholes and len(before) >= 2 and compatible(before[-2], part) and apart(part, before[-2]):
        wholes = [before[-2]]  # 排查 1856 件，已整改 12604 件，整改率: the designated whole, misprinted
    if not wholes:
        return None
    whole = wholes[-1]
    short = label.split("率")[0][-2:] if "率" in label else ""
    if (whole is not before[-2] or idx.sentence_of(whole.span.start) != idx.sentence_of(f.span.start)
            or len(short) < 2 or short not in idx.clause_before(part, 16) or short in idx.clause_before(whole, 16)
            or _names_another(idx, stem, part, whole)):
        return None  # not designated (已整改 n 件，整改率): another pairing might be meant
    if idx.figures_in(Span(whole.span.end, part.span.start)):
        # 系统保健管理 13433 人，系统保健管理率 95%，新生儿访视人数 3627 人，访视率: the figure before the
        # part is the whole of another rate, stated between; this rate's whole is elsewhere
        return None
    return Candidate(code="GW123", kind="share", whole=(f,), parts=(part, whole), trigger=called,
                     explicit=False, params={"complete": True, "complement": complement})


def distant_whole(idx: TextIndex, f: Figure) -> Candidate | None:
    """亏损企业 216 家，亏损面为 16.8% after 年末规模以上工业企业由上年末的 1212 家增加到 1286 家 in an
    earlier section; 在园幼儿 12203 人，普惠性幼儿园覆盖率 92.4% after 分学段看，在园幼儿 13206 人: a
    named rate right after its part whose whole its paragraph does not state, nor its name designate.
    The whole is an earlier figure of the document of the rate's year that can hold the part and
    whose words (before and after it) share two characters with the part's clause or the rate's
    name, or a population (常住人口) — nearest first, the first that makes the rate hold.  A reading
    from afar, so it is kept only when it holds (``confirm_only``): a miss says nothing."""
    label = idx.clause_before(f, 24)
    name = _rate_name(label)
    if not name and "面" not in label[-4:] or f.kind == "change" or fact_kind(idx, f) == "target":
        return None
    if any(w in name for w in vocab()["unbounded_rate_words"]):
        return None
    sent = idx.sentence_of(f.span.start)
    before = [g for g in operands_before(idx, f.span.start, sent.start) if g.unit != "%"]
    if not before or fact_kind(idx, before[-1]) == "target":
        return None
    part = before[-1]
    if idx.figures_in(Span(part.span.end, f.span.start)):
        return None
    generic = _generic_words()
    said = generic.sub("|", idx.clause_before(part, 24) + "|" + (name or label[-6:]))
    runs = {said[i:i + 2] for i in range(len(said) - 1) if _CJK_RUN.fullmatch(said[i:i + 2])}
    people = {id(g) for g in populations(idx, part)}
    stated = interval_of(f)
    for g in reversed(operands_before(idx, part.span.start, 0)):
        if not compatible(g, part) or g.value <= part.value or g.kind != "actual" or not same_year(g, part):
            continue
        words = generic.sub("|", idx.label_before(g, 16) + "|" + idx.words_after(g, 6))
        if id(g) not in people and not any(r in words for r in runs):
            continue
        if _fits(part, g, stated, False):
            return Candidate(code="GW123", kind="share", whole=(f,), parts=(part, g), trigger=name or label[-4:],
                             explicit=False, params={"complete": True, "confirm_only": True})
    return None


def _years_apart(a: Figure, b: Figure) -> bool:
    """Two figures the text dates (not inferred) to two different years.

    >>> _years_apart(Figure(Decimal(100), "%", period="2026"), Figure(Decimal(1846), "条", period="2025"))
    True
    >>> _years_apart(Figure(Decimal(100), "%", period="2026"), Figure(Decimal(1846), "条", period="2025", period_inferred=True))
    False
    """
    if not a.period or not b.period or a.period_inferred or b.period_inferred:
        return False
    return a.period[:4].isdigit() and b.period[:4].isdigit() and a.period[:4] != b.period[:4]


def closed_list(idx: TextIndex, f: Figure) -> tuple[list[Figure], Figure] | None:
    """The figures of one unit that end ``f``'s sentence before it, three to six, and the figure
    stated before them in the paragraph that they add up to: a closed list (县级医院 a，乡镇卫生院 b，
    村卫生室 c after 总诊疗人次 a + b + c), whose members are parts of that whole, not of each other."""
    sent = idx.sentence_of(f.span.start)
    before = operands_before(idx, f.span.start, sent.start)
    run = [g for g in before if before and g.unit == before[-1].unit]
    if not 3 <= len(run) <= 6 or run != before[-len(run):]:
        return None
    total = interval_of(run[0])
    for g in run[1:]:
        total = total + interval_of(g)
    para = idx.text.rfind("\n", 0, run[0].span.start) + 1
    whole = next((g for g in reversed(operands_before(idx, run[0].span.start, para))
                  if g.unit == run[0].unit and interval_of(g).intersects(total)), None)
    return None if whole is None else (run, whole)
