"""Mentions: what a figure names where the text states it — the noun phrase it counts (我市有特困
供养人员 2969 人 → 特困供养人员), the noun after a count (312 处山洪灾害危险区), the words of its
clause — and what else it may stand for (a part of a list, a change's old or new value, a level, a
growth rate named by the level it grows).  :mod:`gongwen.check.repeats.facts` pairs two mentions of one
quantity.
"""

from __future__ import annotations

import dataclasses
import os
import re
from dataclasses import dataclass
from itertools import combinations

from ...figure import Figure
from ...model import Span
from ..evaluation.intervals import longest_first, vocab
from ..sums.remainders import pending_word
from .relations import fact_kind, summable
from .textindex import SPACES, TextIndex

_BRACKETS = re.compile(r"[（(][^）)]*[）)]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def core(name: str) -> str:
    """A name without its unit bracket and generic tail: 在校学生数（人） → 在校学生."""
    s = _BRACKETS.sub("", name).strip(SPACES)
    for w in longest_first("generic_tails"):
        if s.endswith(w) and len(s) > len(w) + 1:
            s = s[: -len(w)]
            break
    return s


# -- two mentions in the text --------------------------------------------------------------------

_DATES = re.compile(r"\d+年|\d+(?:[-—–~至]\d+)?月(?:份|底|末)?|\d+日|[-—–~]")
_NOT_NAME = re.compile(r"[\d.,，、%％（）()\s]+")


def subject_of(idx: TextIndex, f: Figure) -> str:
    """The noun phrase a figure counts: 我市有特困供养人员 2969 人 → 特困供养人员."""
    v = vocab()
    lab = _list_head(idx, f, _past_alternative(idx, f, idx.label_before(f, 30)))
    lab = _DATES.sub("", lab)
    changed = True
    while changed and lab:
        changed = False
        for p in longest_first("subject_prefixes"):
            if lab.startswith(p) and len(lab) > len(p):
                lab, changed = lab[len(p):], True
        if any(lab.endswith(w) for w in v["suffix_bound_words"]):
            continue  # 签约 is a word, not 签 + a hedge 约
        for s in longest_first("subject_suffixes"):
            if lab.endswith(s) and len(lab) > len(s):
                lab, changed = lab[: -len(s)], True
    return lab


_ALTERNATIVE_BEFORE = re.compile(r"([\u4e00-\u9fff]{1,12})[（(]([\u4e00-\u9fff]{1,6})[）)]$")


def _past_alternative(idx: TextIndex, f: Figure, lab: str) -> str:
    """A label a bracketed alternative cuts short (执业（助理）医师 1,260 人 → 医师; 总阅读（播放）量
    4.6 亿次 → 量) read on past it, the alternative kept without its brackets (执业助理医师): the
    brackets hold another word for the noun, not a clause of their own."""
    start = f.span.start - len(lab)
    while start > 0 and idx.text[start - 1] in SPACES:
        start -= 1
    prev = idx.figure_before(f)
    lo = max(prev.span.end if prev is not None else 0, start - 24)
    m = _ALTERNATIVE_BEFORE.search(idx.text[lo:start])
    if m is None or idx.text[f.span.start - len(lab) - 1:f.span.start - len(lab)] not in "）)" \
            or any(ch in m.group(1) for ch in "的，"):
        return lab
    return m.group(1) + m.group(2) + lab


def respective_name(idx: TextIndex, f: Figure) -> str | None:
    """The name a figure takes in a 分别 list (社会消费品零售总额、外贸进出口总额、网络零售额分别增长
    4.7%、8.2%和13.9%: 8.2% → 外贸进出口总额; 县、乡、村三级分别建成 1 个、14 个、126 个): the k-th name of
    the clause before 分别 for the k-th figure of its unit after it; "" when the list's names and
    figures do not pair one to one, None when no list."""
    sent = idx.sentence_of(f.span.start)
    pos = max((idx.text.rfind(w, sent.start, f.span.start) for w in vocab()["respectively"]), default=-1)
    if pos < 0:
        return None
    listed = [g for g in idx.figures_in(Span(pos, sent.end)) if g.unit == f.unit]
    head = _CLAUSE_CUT.split(idx.text[sent.start:pos])[-1]
    for w in vocab()["comparison_bases"]:
        head = head.split(w)[0]
    items = [x for x in _LIST_CUT.split(head) if x.strip(SPACES)]
    return items[listed.index(f)] if len(items) == len(listed) and f in listed else ""


_CLAUSE_CUT = re.compile(r"[，,；;：:。]")
_LIST_CUT = re.compile(r"[、和及]")


def _list_head(idx: TextIndex, f: Figure, lab: str) -> str:
    """The head noun a list of kinds closes on (举办书法、摄影、剪纸等群众文化培训 46 期 → 群众文化
    培训): the label holds the list's last item, 等 and the head, and only the head is what is
    counted — the items before it are the kinds, not the name."""
    clause = idx.clause_before(f, 40, list_items=True)
    at = lab.rfind("等")
    if at < 0 or "、" not in clause[:max(0, clause.rfind("等"))]:
        return lab
    head = lab[at + 1:]
    return head if len(_CJK.findall(head)) >= 2 else lab


def noun_after(idx: TextIndex, f: Figure) -> str:
    """The noun a count stands before (312 处山洪灾害危险区, 245 个村（社区）服务站), brackets kept."""
    if f.unit not in vocab()["count_units"]:
        return ""
    end = f.span.end
    j = end
    while j < min(len(idx.text), end + 14) and idx.text[j] not in "，,。；;：:、\n":
        j += 1
    words = idx.text[end:j].strip(" \u3000")
    for stop in vocab()["noun_after_stops"]:
        i = words.find(stop, 2)
        if i > 0:
            words = words[:i]
    return words if words and not words[0].isdigit() else ""


def context_name(idx: TextIndex, f: Figure) -> str:
    """The words that name a figure wherever the text puts them: its clause before it, the noun
    after a count, and the clause before when this one names no quantity of its own: a share
    (接待过夜游客 612.8 万人次，占游客总数的 33.0%) or a target (完成学员培训 2600 人次，完成全年
    任务 5000 人次的 52.0%); digits, dates and brackets dropped."""
    name = _without_includes(idx.clause_before(f, 30, list_items=True))
    whole_of = idx.text.startswith("的", f.span.end)  # 完成年度计划 32 亿元的 58.1%: the plan of what was done
    cue = any(name.startswith(w) for w in vocab()["share_cues"])
    if cue or len(content(clean(name))) < 4 or whole_of:
        before = idx.figure_before(f)
        # an item of a 、-list (获得金牌 58 枚、银牌 41 枚) names its own quantity, however short: the
        # words before the item before it are that item's (金牌), not this one's
        # — and so does a sibling of the same unit after a comma (医保基金总收入 48.29 亿元，总支出 40.17
        # 亿元: 总支出, not 医保基金总收入总支出)
        item = not (cue or whole_of) and before is not None and (
            "、" in idx.between(before.span.end, f.span.start) or before.unit == f.unit)
        if before is not None and idx.sentence_of(before.span.start) == idx.sentence_of(f.span.start) and not item:
            name = idx.clause_before(before, 30, list_items=True) + name
    return clean(name + noun_after(idx, f))


def _without_includes(name: str) -> str:
    """A name without a bracket that says what its count includes (在校学生（含在园幼儿）): the
    bracket names a part, not the quantity.

    >>> _without_includes("在校学生（含在园幼儿）"), _without_includes("村（社区）服务站")
    ('在校学生', '村（社区）服务站')
    """
    cues = tuple(vocab()["subset_cues"])
    return _BRACKETS.sub(lambda m: "" if m.group(0)[1:].startswith(cues) else m.group(0), name)


def clean(name: str) -> str:
    return _NOT_NAME.sub("", _DATES.sub("", name))


def content(name: str) -> str:
    """A name without the words that never tell two quantities apart: places (全区), periods
    (前三季度) and the verbs of reporting (实现, 完成); a short form in its full words (规上 → 规模以上)."""
    for w in longest_first("subject_prefixes", "half_year_words", "name_fillers"):
        if len(w) >= 2:
            name = name.replace(w, "")
    for short, full in vocab()["short_forms"].items():
        if full not in name:
            name = name.replace(short, full)
    return name


def bare_subject(m: Mention) -> str:
    """A subject without reporting verbs, a generic tail or its unit (医疗卫生机构完成总诊疗 and
    医疗卫生机构总诊疗人次 are one noun phrase)."""
    s = core(content(m.subject))
    for w in vocab()["subset_cues"]:  # 其中高速公路: a list's word, not the name
        if s.startswith(w) and len(s) > len(w) + 1:
            s = s[len(w):]
            break
    unit = m.fig.unit
    if unit and s.endswith(unit) and len(s) > len(unit) + 1:
        s = s[: -len(unit)]
    return s


@dataclass(frozen=True)
class Mention:
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
    short: str = ""  # a name too short to be a subject (总产量 of 全市粮食播种面积…，总产量 161.83 万吨)
    before: str = ""  # its sentence before it, where a short name's head may stand (粮食)


def mentions(idx: TextIndex, roles: dict[str, str]) -> list[Mention]:
    out: list[Mention] = []
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
        subj = _changed_subject(subject_of(idx, f), f)
        if f.kind == "change" and _bare_change(subj):
            # 比上年增加 69.3 亿元 names no quantity: the level it changes does, stated before it
            m = growth_mention(idx, f)
            if m is not None and m.subject:  # 社会消费品零售总额比上年增加: the level's name, then the change's
                out.append(dataclasses.replace(m, subject=m.subject + subj, name=m.name + subj, equal_only=equal_only))
            continue
        if f.kind == "target" and _bare_rate_name(subj):
            continue  # 增幅控制在 4.5% 以内: a goal for the growth of the level before it, named by none of its words
        item = respective_name(idx, f) if summable(f) else None
        if item and len(_CJK.findall(item)) >= 2:
            # 县级、乡镇、村级服务站数分别为 2 个、14 个、126 个: each figure is its own item's count, named by
            # its place (the list's measure word dropped), confirmed when equal only
            name = item.removesuffix(f.unit + "数").removesuffix("数")
            out.append(Mention(f, name, name, fact_kind(idx, f), equal_only=True))
            continue
        ref = referent(idx, f, subj)
        if ref is not None:
            # 较上年的 1.05 亿元, 完成年度目标 2400 人的 80.7%: the words name the figure's relation to
            # the one before it (its old value, its target), not a quantity: the quantity is that one's
            # its name is that one's, never a subject of its own: two mentions named so are one
            # quantity only as far as their words agree (similar names), not as one noun phrase
            out.append(Mention(f, "", context_name(idx, ref), fact_kind(idx, f),
                               old=fact_kind(idx, f) != "target", equal_only=equal_only))
            continue
        noun = len(subj) < 4
        short = subj if len(_CJK.findall(subj)) == len(subj) >= 2 else ""
        if noun:  # 仍有 312 处山洪灾害危险区: the counted noun stands after the count
            subj = noun_after(idx, f)
        if noun and len(subj) >= 4:
            after.append(len(out))
        out.append(Mention(f, subj if len(subj) >= 4 else "", context_name(idx, f), fact_kind(idx, f),
                            bool(_WITHIN.search(idx.clause_before(f, 30))), _other(idx, f), equal_only=equal_only,
                            level_only=level, short=short if len(subj) < 4 else "",
                            before=idx.back_to(f.span.start, "。！？；;", 80) if short and len(subj) < 4 else ""))
    out += [m for m in (_old_mention(idx, f) for f in idx.figures if f.previous is not None) if m is not None]
    out += [m for m in (growth_mention(idx, f) for f in idx.figures if f.unit == "%" and f.kind == "change")
            if m is not None]
    for i, j in combinations(after, 2):  # 312 处山洪灾害危险区 ~ 312 处山洪灾害危险区监测设施…
        k = len(os.path.commonprefix([out[i].subject, out[j].subject]))
        if k >= 5:
            out[i] = dataclasses.replace(out[i], subject=out[i].subject[:k])
            out[j] = dataclasses.replace(out[j], subject=out[j].subject[:k])
    return out


def reference_only(subject: str) -> bool:
    """A subject made only of the words that relate a figure to another — the base of a comparison
    (较上年的, 比上年同期的) or the target a result is measured against (完成年度目标, 全年计划) — and
    naming no quantity of its own.

    >>> reference_only("较上年的"), reference_only("完成年度目标"), reference_only("完成年度扩面任务"), reference_only("占")
    (True, True, False, False)
    """
    if not any(w in subject for w in longest_first("comparison_bases", "previous_heads", "completion_cues")):
        return False  # a verb alone (占, 为, 达到) relates nothing: a share's cue names its whole elsewhere
    s = subject
    for w in longest_first("comparison_bases", "previous_heads", "completion_verbs", "completion_cues",
                           "annual_words", extra=("的",)):
        s = s.replace(w, "")
    return not _CJK.search(s)


def referent(idx: TextIndex, f: Figure, subject: str) -> Figure | None:
    """The figure a reference-only subject (:func:`reference_only`) relates ``f`` to: the nearest
    figure of its unit before it in its sentence (来访 961 件次、1532 人次，较上年的 1108 件次: 961 件次;
    失业人员再就业 1936 人，完成年度目标 2400 人的 80.7%: 1936 人), None when there is none."""
    if not reference_only(subject):
        return None
    sent = idx.sentence_of(f.span.start)
    before = [g for g in idx.figures_in(Span(sent.start, f.span.start)) if g.unit == f.unit and g.kind != "change"]
    return before[-1] if before else None


def _old_mention(idx: TextIndex, f: Figure) -> Mention | None:
    """The old value of a stated change as a mention of its own (护理型床位占比由 61.0% 提高到 65%: the
    61.0% stated before), named by the words before 由/从; its moment is before the change's, so it
    is dated inferred, one year before: it confirms an equal mention, never contradicts one."""
    from ..growth.changes import previous_figure

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
    for w in longest_first("subject_prefixes"):
        subj = subj.removeprefix(w)
    return Mention(prev, subj if len(subj) >= 4 else "", clean(subj), "actual", old=True)


def growth_mention(idx: TextIndex, f: Figure) -> Mention | None:
    """A growth rate as a mention, named by the level it grows: the figure of its year before it in
    its sentence (全年实现税收 3.86 亿元，同比增长 6.3%; not last year's 3.63 亿元 after 较上年的); after
    分别, the level of its place in the list (:func:`respective_level`)."""
    if f.range_id is not None:
        return None
    if _respective_cue(idx, f) >= 0 or any(w in idx.clause_before(f, 12) for w in vocab()["respectively"]):
        g = respective_level(idx, f)
    else:
        sent = idx.sentence_of(f.span.start)
        levels = _levels_in(idx, f, Span(sent.start, f.span.start))
        # a completion rate between (完成目标任务 2700 万元的 105.4%，同比增长 6.3%) rates the same level
        g = None if not levels or any(h.unit == "%" and h.kind != "completion"
                                      for h in idx.figures_in(Span(levels[-1].span.end, f.span.start))) \
            else levels[-1]
    if g is None:
        return None
    subj = _changed_subject(subject_of(idx, g), g)
    return Mention(f, subj if len(subj) >= 4 else "", context_name(idx, g), "change", level=g)


def _changed_subject(subj: str, f: Figure) -> str:
    """The subject of a stated change's new value without the change's words (参保人数由上年末的
    310.54 万人增加到 312.46 万人: 参保人数)."""
    if f.previous is None:
        return subj
    return subj[:max((subj.rfind(w) for w in vocab()["from_words"]), default=-1)] or subj


def _levels_in(idx: TextIndex, f: Figure, span: Span) -> list[Figure]:
    """The levels of ``f``'s year stated in ``span``: amounts, counts and per-unit levels done."""
    year = (f.period or "")[:4]
    return [g for g in idx.figures_in(span) if (summable(g) or _level(g))
            and g.kind == "actual" and (g.period or "")[:4] == year]


def _respective_cue(idx: TextIndex, f: Figure) -> int:
    """Where the 分别 before ``f`` in its sentence stands, with only rates like ``f`` between (-1: none)."""
    sent = idx.sentence_of(f.span.start)
    pos = max((idx.text.rfind(w, sent.start, f.span.start) for w in vocab()["respectively"]), default=-1)
    if pos < 0 or any(g.unit != f.unit or g.kind != f.kind for g in idx.figures_in(Span(pos, f.span.start))):
        return -1
    return pos


def respective_level(idx: TextIndex, f: Figure) -> Figure | None:
    """The level a rate after 分别 grows, by its place: 能源消费总量 5218.6 吨标准煤，人均用水量 34.5
    立方米，同比分别下降 4.0% 和 6.5% — the k-th rate after the cue is the k-th level before it in the
    sentence, when the sentence states as many levels as rates (else the pairing is unknown)."""
    sent = idx.sentence_of(f.span.start)
    pos = _respective_cue(idx, f)
    if pos < 0:
        return None
    rates = [g for g in idx.figures_in(Span(pos, sent.end)) if g.unit == f.unit and g.kind == f.kind]
    levels = _levels_in(idx, f, Span(sent.start, pos))
    if f not in rates or len(levels) != len(rates):
        return None
    return levels[rates.index(f)]


def _bare_change(subject: str) -> bool:
    """A subject that is only a change's verb and its base (比上年增加, 同比减少, 增加): it names
    no quantity, so two such changes of two things are never one fact by their words.

    >>> _bare_change("比上年增加"), _bare_change("较上年同期减少"), _bare_change("新增就业岗位"), _bare_change("比年初增加")
    (True, True, False, True)
    """
    v = vocab()
    for w in longest_first("comparison_bases", extra=tuple(f"{c}{b}" for c in "比较" for b in v["other_base_words"])):
        subject = subject.replace(w, "")
    return subject in ("", *v["increase_verbs"], *v["decrease_verbs"])


def _bare_rate_name(subject: str) -> bool:
    """A subject that is only a change rate's name and the verb that sets its level (增幅控制在,
    增速达到): two such targets of two levels are never one fact by their words.

    >>> _bare_rate_name("增幅控制在"), _bare_rate_name("增速达到"), _bare_rate_name("基金支出增幅控制在")
    (True, True, False)
    """
    for w in longest_first("rate_level_verbs"):
        if subject.endswith(w):
            subject = subject[: -len(w)]
            break
    return subject in vocab()["signed_rate_names"]


def _level(f: Figure) -> bool:
    """A stated level of the year that is no amount or count: a rate per mille or per 10万, an
    amount per person, a 人均 quantity (not a change, a range or a standard set for a program)."""
    return bool(f.unit) and f.kind == "actual" and f.change is None and f.range_id is None \
        and f.unit not in ("%", "个百分点")


def _other(idx: TextIndex, f: Figure) -> str:
    """What else than the quantity its name says a count stands for: the part not yet done when
    the words after it negate the verb (尚有 13 个老旧小区未完成改造), what is left of it (剩余 380 户,
    其余 41 处), a per-unit level when a
    per-unit word leads its clause (人均承担约 93 家机构的监管任务)."""
    v = vocab()
    if f.unit not in v["count_units"]:
        return ""
    if pending_word(idx, f) is not None:
        return "pending"
    if any(idx.label_before(f, 12).endswith(w) for w in v["remainder_words"]):
        return "rest"  # 完成剩余 380 户改造任务: what is left of the count, not the count
    if any(idx.clause_before(f, 12).startswith(w) for w in v["per_unit_words"]):
        return "level"
    return ""


# a count inside another stated count (146 个社区学堂中配备专职教员的 61 个): a part of it
_WITHIN = re.compile(r"\d[\d,.]*\s*[^\d，,。；;]{2,}?中")
