"""Relation discovery: which figures the text says add up, differ, divide or repeat.

Explicit cues come first (bracketed breakdowns after a total, 其中 lists, 合计/共计, 由 A 提高至 B
提高了 D, 救助水平 … 元/人次 after 人次 and 金额, 分别增加 a%、b%、c%, 占…的 x%); each yields a
:class:`Candidate` that :mod:`gongwen.check.rules` evaluates with interval arithmetic.  This
module holds the candidate and the breakdowns, subsets and stated totals; changes are
:mod:`gongwen.check.changes`', levels :mod:`gongwen.check.levels`'.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from ..figure import Figure
from ..model import Span
from .intervals import vocab
from .textindex import OPEN, SPACES, Group, TextIndex, disjoint_set, exhaustive_set, find_all

PCT_UNITS = ("%", "个百分点", "‰")
_CLASSIFY = re.compile(r"(?:分|按)[\u4e00-\u9fff]{1,3}(?:看|分)[，,：:]?|(?:按|从)[\u4e00-\u9fff]{2,8}?(?:看|分)[，,：:]")


@dataclass(frozen=True)
class Candidate:
    """A relation found in the text, not yet evaluated.

    ``whole`` and ``parts`` are the operands (their meaning depends on ``kind``); ``params``
    carries kind-specific facts (a stated count, a sign, part labels).
    """

    code: str
    kind: str
    whole: tuple[Figure, ...]
    parts: tuple[Figure, ...]
    trigger: str
    explicit: bool = True
    exhaustive: bool | None = None
    cue: Span | None = None
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def figures(self) -> tuple[Figure, ...]:
        return self.whole + self.parts


def is_ratio_unit(unit: str) -> bool:
    return "/" in unit


def summable(f: Figure) -> bool:
    """Figures that can be parts or totals of a sum (amounts and counts, not rates or levels:
    人均可支配收入 36591 元 is an average even in 元)."""
    if not f.unit or is_ratio_unit(f.unit) or f.unit in PCT_UNITS or f.range_id is not None:
        return False
    return not any(w in (f.metric or "") + f.as_written for w in vocab()["per_unit_words"])


def fact_kind(idx: TextIndex, f: Figure) -> str | None:
    """A figure's kind, read as a target when the text names it one: right before it (完成年度计划
    6.2 亿元的 110.3%) or right after it (5.5% 的年度控制目标).  An actual and a target are never
    one fact, and a target is never the value a change is stated against."""
    if f.kind != "actual":
        return f.kind
    cues = vocab()["completion_cues"]
    after = idx.text[f.span.end:f.span.end + 8]
    if any(idx.label_before(f, 12).endswith(w) for w in cues) or (
            after.startswith("的") and any(w in after for w in cues)):
        return "target"
    return f.kind


def unit_family(unit: str) -> str:
    for name, units in vocab()["unit_families"].items():
        if unit in units:
            return str(name)
    return unit


# -- breakdowns and subsets ----------------------------------------------------------------------

def _totals_before(idx: TextIndex, g: Group) -> list[Figure]:
    """Figures standing right before an opening bracket: 6154 户 11160 人（…."""
    text = idx.text
    out: list[Figure] = []
    pos = g.open
    for f in reversed(idx.figures):
        if f.span.end > pos:
            continue
        gap = text[f.span.end:pos]
        limit = 2 if out else 16
        if any(ch in "，,。；;：:、！？\n" or ch in OPEN or ch in "）)" for ch in gap) or len(gap.strip(SPACES)) > limit:
            break
        if not out and gap.strip(SPACES) and not _noun_after_measure(f, gap):
            break
        if not summable(f) or any(o.unit == f.unit for o in out):
            break
        out.append(f)
        pos = f.span.start
    return list(reversed(out))


def _noun_after_measure(f: Figure, gap: str) -> bool:
    """A noun after a count (6367 名建档立卡贫困户（…）) still lets the count head the bracket."""
    return f.unit in vocab()["count_units"] and not any(ch.isdigit() for ch in gap)


def _parts_for(total: Figure, inner: list[Figure], single_total: bool) -> tuple[list[Figure], bool]:
    """The inner figures that break ``total`` down, and whether units had to be matched by family."""
    same = [f for f in inner if f.unit == total.unit]
    others = [f for f in inner if f.unit != total.unit]
    fam = unit_family(total.unit)
    family = [f for f in others if (f.unit and unit_family(f.unit) == fam and f.unit != total.unit)]
    unitless = [f for f in inner if not f.unit]
    if single_total:
        parts = sorted(same + family + unitless, key=lambda f: f.span.start)
        return parts, bool(family or unitless)
    return same, False


def bracket_breakdowns(idx: TextIndex) -> Iterator[Candidate]:
    """A total followed by a bracket listing its parts (with or without 其中)."""
    subset_cues = vocab()["subset_cues"]
    for g in idx.groups:
        comparison = vocab()["comparison_words"]
        inner = [f for f in idx.direct_figures(g) if (f.unit == "" or summable(f)) and f.change is None
                 and not any(w in idx.category_of(f) for w in comparison)]
        if not inner:
            continue
        totals = _totals_before(idx, g)
        if not totals:
            continue
        head = idx.text[g.open + 1:g.close].lstrip(SPACES)
        cue = next((c for c in subset_cues if head.startswith(c)), None)
        etc = _ends_with_etc(idx, g)
        for t in totals:
            parts, mixed = _parts_for(t, inner, len(totals) == 1)
            if not parts:
                continue
            parts = [p if p.unit else replace(p, unit=t.unit) for p in parts]
            labels = [idx.category_of(p) for p in parts]
            exhaustive = exhaustive_set(labels) and not etc
            kind = "subset" if cue and not exhaustive else "sum"
            if len(parts) == 1 and not exhaustive:
                kind = "subset"
            yield Candidate(
                code="GW101" if kind == "sum" else "GW108", kind=kind, whole=(t,), parts=tuple(parts),
                trigger=f"（{cue or ''}…）" if cue else "（…）", exhaustive=exhaustive,
                cue=Span(g.open, g.close + 1),
                params={"labels": labels, "mixed_units": mixed, "bracket": True, "subset_cue": cue})


def _ends_with_etc(idx: TextIndex, g: Group) -> bool:
    tail = idx.text[max(g.open, g.close - 3):g.close].strip(SPACES)
    return any(tail.endswith(w) for w in vocab()["etc_words"])


def subset_lists(idx: TextIndex) -> Iterator[Candidate]:
    """其中 … outside a bracket that follows a total: parts after the cue, wholes before it."""
    text = idx.text
    for cue in vocab()["subset_cues"]:
        if cue not in ("其中",):
            continue
        for pos in find_all(text, cue):
            g = idx.group_at(pos)
            if g is not None and text[g.open + 1:pos].strip(SPACES) == "":
                continue  # （其中…）: a bracket breakdown
            sent = idx.sentence_of(pos)
            end = g.close if g is not None else sent.end
            if g is None and text[pos + len(cue):pos + len(cue) + 1] in "，,：:":
                end = max(end, _full_stop_after(text, pos))  # 其中，A 收入 a、支出 b；B 收入 c、支出 d。
            opening = g is None and text[sent.start:pos].strip(SPACES) == ""
            scope = Span(_full_stop_before(text, sent.start - 1), sent.start) if opening and sent.start > 0 \
                else Span(sent.start, pos)
            before = [f for f in idx.figures_in(scope) if summable(f) and f.kind != "change"
                      and idx.group_at(f.span.start) == g and not _base_of_comparison(idx, f)]
            after = _list_items(idx, [f for f in idx.figures_in(Span(pos, end))  # 较上年增加 1265 人 is no part
                                      if summable(f) and f.kind != "change" and idx.group_at(f.span.start) == g
                                      and not _base_of_comparison(idx, f) and not _whole_of_share(idx, f)])
            if not before or not after:
                continue
            wholes: dict[str, Figure] = {}
            for f in before:
                if not (opening and f.unit in wholes):
                    wholes[f.unit] = f  # the nearest one of each unit (the first: 其中 opens a sentence)
            for unit, w in list(wholes.items()):  # …2,150 套，完成任务 1,800 套的 119.4%，其中：the result
                done = [f for f in before if f.unit == unit and fact_kind(idx, f) != "target"]
                planned = any(fact_kind(idx, f) == "target" for f in after if f.unit == unit)
                if fact_kind(idx, w) == "target" and done and not planned:
                    wholes[unit] = done[-1]
            etc = any(w in text[after[-1].span.end:end] for w in vocab()["etc_words"])
            for unit, w in wholes.items():
                plan = fact_kind(idx, w) == "target"  # a target is a part of a target only
                parts = [f for f in after if f.unit == unit and (plan or fact_kind(idx, f) != "target")]
                if not parts:
                    continue
                named = _by_name(idx, [f for f in before if f.unit == unit], parts)
                for whole, ps in (named.items() if named else [(w, parts)]):
                    labels = [idx.category_of(p) for p in ps]
                    exhaustive = (exhaustive_set(labels) or _named_categories(idx, whole, labels)
                                  or _levels_closed(idx, whole, labels)) and not etc
                    yield Candidate(code="GW101" if exhaustive else "GW108",
                                    kind="sum" if exhaustive else "subset", whole=(whole,), parts=tuple(ps),
                                    trigger=cue, exhaustive=exhaustive, cue=Span(pos, pos + len(cue)),
                                    params={"labels": labels, "subset_cue": cue,
                                            "disjoint": not exhaustive and disjoint_set(labels)})


def _whole_of_share(idx: TextIndex, f: Figure) -> bool:
    """The whole a share names inside its cue (其中重点人群签约 9.26 万人，占重点人群总数 11.8 万人的
    78.5%): the base of the part before it, no part of the list."""
    text = idx.text
    clause = idx.clause_before(f, 24)
    if not any(clause.startswith(w) or w in clause[1:] for w in vocab()["share_cues"]):
        return False
    nxt = idx.figures_in(Span(f.span.end, min(len(text), f.span.end + 8)))
    return text[f.span.end:f.span.end + 1] == "的" and bool(nxt) and nxt[0].unit in PCT_UNITS


def _base_of_comparison(idx: TextIndex, f: Figure) -> bool:
    """Last year's value a change is stated against (其中新登记企业 1926 户，较上年的 1754 户增长
    9.8%): no part nor whole of this year's list."""
    head = idx.text[max(0, f.span.start - 8):f.span.start]
    return any(head.endswith(w) or head.endswith(w + "的") for w in vocab()["comparison_bases"])


def _full_stop_before(text: str, pos: int) -> int:
    """Start of the full sentence (。 or a line break, not ；) that ends at ``pos``."""
    return max(text.rfind("。", 0, pos), text.rfind("\n", 0, pos)) + 1


def _full_stop_after(text: str, pos: int) -> int:
    ends = [i for i in (text.find("。", pos), text.find("\n", pos)) if i >= 0]
    return min(ends) if ends else len(text)


def _list_items(idx: TextIndex, after: list[Figure]) -> list[Figure]:
    """The figures of a 其中 list: a list joined by 、 ends at the first comma (其中学前 3,200 个、小学
    5,400 个，完成年度计划 2.1 万个的 60.0%: the plan is no part); a ；separates its groups (收入
    a、支出 b；收入 c、支出 d)."""
    items = after
    first = idx.between(items[0].span.end, items[1].span.start) if len(items) >= 2 else ""
    if "、" not in first or any(ch in first for ch in "，,；;") or items[0].unit != items[1].unit:
        return items  # not one 、-list of one measure (城市 1,135 户、1,628 人，农村 …)
    out = items[:1]
    for f in items[1:]:
        gap = idx.between(out[-1].span.end, f.span.start)
        if any(ch in gap for ch in "，,。"):
            break
        out.append(f)
    return out


def _by_name(idx: TextIndex, wholes: list[Figure], parts: list[Figure]) -> dict[Figure, list[Figure]] | None:
    """Parts that repeat the names of several wholes (收入 a、支出 b；收入 c、支出 d after 收入 X，支出
    Y): each name's parts under the whole of that name; None unless every part finds one and
    at least two wholes are named."""
    names = {w: _tail_name(idx.label_before(w, 16)) for w in wholes}
    if len({n for n in names.values() if n}) < 2:
        return None
    out: dict[Figure, list[Figure]] = {}
    for p in parts:
        lab = idx.label_before(p, 16)
        hit = [w for w, n in names.items() if n and lab.endswith(n)]
        if len(hit) != 1:
            return None
        out.setdefault(hit[0], []).append(p)
    return out if len(out) >= 2 else None


def _tail_name(label: str) -> str:
    """The last two characters of a label, the name a repeated measure keeps (基金收入 → 收入)."""
    core = label.strip(SPACES)
    return core[-2:] if len(core) >= 2 and not any(ch.isdigit() for ch in core[-2:]) else ""


def _named_categories(idx: TextIndex, whole: Figure, labels: list[str]) -> bool:
    """The whole's own words list every part (受理投诉、举报 3862 件，其中投诉…、举报…): closed."""
    if len(labels) < 2:
        return False
    clause = idx.clause_before(whole, 30, list_items=True)
    names = [lab.removeprefix("其中") for lab in labels]
    return all(2 <= len(n) <= 6 and n in clause for n in names) and len(set(names)) == len(names)


def _levels_closed(idx: TextIndex, whole: Figure, labels: list[str]) -> bool:
    """The whole's words say which levels it counts and the parts name exactly those, once each:
    how many (市、县、乡、村四级河湖长 2386 名，其中市级…、县级…、乡级…、村级…) or down to which one
    (市级以上龙头企业 46 家，其中国家级…、省级…、市级…): closed."""
    v = vocab()
    ladder: list[list[str]] = v["level_ladder"]
    hits = []
    for lab in labels:
        at = {i for i, names in enumerate(ladder) if any(n in lab for n in names)}
        if len(at) != 1:
            return False
        hits.append(at.pop())
    if len(set(hits)) != len(hits):
        return False
    clause = idx.clause_before(whole, 30, list_items=True)
    counted = [n for w, n in v["count_words"].items() if f"{w}级" in clause]
    if counted:
        return counted == [len(hits)]
    for i, names in enumerate(ladder):
        if any(f"{n}以上" in clause or f"{n}及以上" in clause for n in names):
            return sorted(hits) == list(range(i + 1))
    return False


def classified_breakdowns(idx: TextIndex) -> Iterator[Candidate]:
    """分类看/分机构看/分产业看，A a，B b: the parts of the total stated just before (closed)."""
    text = idx.text
    for m in _CLASSIFY.finditer(text):
        pos = m.start()
        sent = idx.sentence_of(pos)
        if pos > sent.start and text[pos - 1] not in "，,：:":
            continue
        # the list runs to the end of the full sentence (分产业看，第一产业…；第二产业…；第三产业…。),
        # across a hard line wrap after a ；(a PDF dump), not past a paragraph's end
        stop = min((i for i in (text.find("。", pos), _paragraph_end(text, pos)) if i >= 0), default=len(text))
        after = [f for f in idx.figures_in(Span(pos, max(stop, sent.end))) if summable(f) and f.kind != "change"]
        k = pos - 1
        while k > 0 and text[k] in "\n \u3000":
            k -= 1  # 分险种看 opening a line: the total is the sentence before the line break
        prev = idx.sentence_of(k) if pos == sent.start and sent.start > 0 else Span(sent.start, pos)
        before = [f for f in idx.figures_in(Span(prev.start, pos)) if summable(f) and f.kind != "change"]
        measured = _by_measure(idx, after, pos)
        if measured is not None:
            for whole, parts in measured:
                yield Candidate(code="GW101", kind="sum", whole=(whole,), parts=tuple(parts), trigger=m.group(0),
                                exhaustive=True, cue=Span(pos, pos + len(m.group(0))),
                                params={"labels": [idx.category_of(p) for p in parts]})
            continue
        if not before:
            far = _named_whole(idx, after, pos)
            if far is not None:  # the whole stated far before, found by the parts' shared name
                yield Candidate(code="GW101", kind="sum", whole=(far[0],), parts=tuple(far[1]), trigger=m.group(0),
                                explicit=False, exhaustive=True, cue=Span(pos, pos + len(m.group(0))),
                                params={"labels": [idx.category_of(p) for p in far[1]], "confirm_only": True})
        for whole in before[:1] + [f for f in before[1:] if f.unit != before[0].unit][:1]:
            parts = [f for f in after if f.unit == whole.unit]
            if len(parts) < 2:
                continue
            parts, subtotals = _subtotals(idx, parts)
            yield from subtotals
            labels = [idx.category_of(p) for p in parts]
            # 邻里纠纷 512 件、物业纠纷 387 件，是矛盾纠纷的主要来源: the main parts, not all of them;
            # a list with a subtotal of some of its items names a group of the whole, not all of it
            main = any(w in text[parts[-1].span.end:stop] for w in vocab()["main_part_words"]) or bool(subtotals)
            yield Candidate(code="GW108" if main else "GW101", kind="subset" if main else "sum", whole=(whole,),
                            parts=tuple(parts), trigger=m.group(0), exhaustive=not main,
                            cue=Span(pos, pos + len(m.group(0))), params={"labels": labels})


def _subtotals(idx: TextIndex, parts: list[Figure]) -> tuple[list[Figure], list[Candidate]]:
    """Items of a classified list whose clause states a total (两大主导产业合计完成产值 c after
    A a；B b): the sum of the items before it, not one more item.  A total cue in the clause of the
    first item too is the writer's wording of every item (A 共计 a；B 共计 b), so no subtotal."""
    cues = vocab()["total_cues"]
    marked = [any(w in idx.clause_before(p, 30) for w in cues) for p in parts]
    if marked[0]:
        return parts, []
    items: list[Figure] = []
    kept: list[Figure] = []
    found: list[Candidate] = []
    for p, total in zip(parts, marked, strict=True):
        if total and len(items) >= 2:
            clause = idx.clause_before(p, 30)
            found.append(Candidate(code="GW102", kind="sum", whole=(p,), parts=tuple(items),
                                   trigger=next(w for w in cues if w in clause), exhaustive=True))
            items = []
            continue
        items.append(p)
        kept.append(p)
    return kept, found


def _named_whole(idx: TextIndex, after: list[Figure], pos: int) -> tuple[Figure, list[Figure]] | None:
    """分领域看，公路建设完成投资 46.2 亿元，水运建设完成投资 8.7 亿元… with no total before it in
    its paragraph: the one earlier figure of the unit whose label holds the parts' shared name
    (全市完成交通固定资产投资 58.6 亿元 for 完成投资).  Found by name only, so it is kept only when it
    holds (``confirm_only``)."""
    parts = [f for f in after if after and f.unit == after[0].unit]
    if len(parts) < 2:
        return None
    labels = [idx.label_before(f, 24) for f in parts]
    shared = os.path.commonprefix([lab[::-1] for lab in labels])[::-1]
    if len(shared) < 4:
        return None
    names = [shared[k:] for k in range(len(shared) - 3)]
    wholes = [g for g in idx.figures_in(Span(0, pos)) if g.unit == parts[0].unit and summable(g)
              and g.kind == "actual" and g.previous is None
              and any(n in idx.label_before(g, 24) or abbreviates(n, idx.label_before(g, 24)) for n in names)]
    return (wholes[0], parts) if len(wholes) == 1 else None


def abbreviates(name: str, label: str) -> bool:
    """``name`` is ``label``'s head and tail with words between left out (完成投资 of 完成交通固定资产
    投资, 检查机构 of 检查定点医药机构): two characters at least each side, the head before the tail."""
    if len(name) < 4:
        return False
    for k in range(2, len(name) - 1):
        i = label.find(name[:k])
        if i >= 0 and label.find(name[k:], i + k) > i:
            return True
    return False


def _measure(idx: TextIndex, f: Figure) -> str | None:
    label = idx.label_before(f, 16)
    return next((w for w in vocab()["flow_measures"] if label.endswith(w)), None)


def _by_measure(idx: TextIndex, after: list[Figure], pos: int) -> list[tuple[Figure, list[Figure]]] | None:
    """A classified list giving two measures per class (职工医保收入 a、支出 b，居民医保收入 c、支出 d):
    each measure's parts and the total of that measure stated before the list (总收入, 总支出); None
    when the list gives one measure; an empty list when a measure's total is not stated."""
    after = [f for f in after if after and f.unit == after[0].unit]
    measures = [_measure(idx, f) for f in after]
    if not after or None in measures or len(set(measures)) < 2:
        return None
    earlier = [f for f in idx.figures_in(Span(max(0, pos - 300), pos)) if summable(f) and f.kind != "change"]
    out = []
    for w in dict.fromkeys(measures):
        parts = [f for f, m in zip(after, measures) if m == w]
        wholes = [f for f in earlier if f.unit == parts[0].unit and _measure(idx, f) == w
                  and not any(s in idx.label_before(f, 16) for s in vocab()["stock_words"])]
        if len(parts) >= 2 and wholes:
            out.append((wholes[-1], parts))
    return out


def _paragraph_end(text: str, pos: int) -> int:
    """The first line break after ``pos`` that ends a paragraph (not one after ；，、: a wrap)."""
    i = text.find("\n", pos)
    while i > 0 and text[i - 1] in "；;，,、":
        i = text.find("\n", i + 1)
    return i


def respective_breakdowns(idx: TextIndex) -> Iterator[Candidate]:
    """共争取资金 4,380 万元，分别用于 A 1,250 万元、B 2,210 万元、C 860 万元 (对象 9,842 人，…，分别为：
    A 1,036 人，B 428 人 …): the list after 分别 shares out the figure before it (closed)."""
    text = idx.text
    words = vocab()["respective_list_words"]
    for pos in find_all(text, "分别"):
        head = text[pos + 2:pos + 6]
        word = next((w for w in sorted(words, key=len, reverse=True) if head.startswith(w)), None)
        if word is None:
            continue
        sent = idx.sentence_of(pos)
        stop = _full_stop_after(text, pos)
        before = [f for f in idx.figures_in(Span(sent.start, pos)) if summable(f) and fact_kind(idx, f) != "change"]
        if not before:
            continue
        whole = before[-1]
        items = [f for f in idx.figures_in(Span(pos, stop)) if summable(f) and fact_kind(idx, f) != "change"]
        parts = [f for f in items if f.unit == whole.unit]
        if len(parts) < 2 or len(parts) != len(items) or any(f.kind != whole.kind for f in parts):
            continue  # a list of another measure (标准分别为 …元) or of mixed measures
        labels = [idx.category_of(p) for p in parts]
        yield Candidate(code="GW101", kind="sum", whole=(whole,), parts=tuple(parts), trigger=f"分别{word}",
                        exhaustive=True, cue=Span(pos, pos + 2 + len(word)), params={"labels": labels})


def listed_breakdowns(idx: TextIndex) -> Iterator[Candidate]:
    """建有 3 个机构，1 个公办机构，2 个民办机构: a figure followed by same-unit figures whose
    categories partition it (known category sets only; inferred, so failures are warnings)."""
    for sent in idx.sentences:
        figs = [f for f in idx.figures_in(sent) if summable(f) and idx.group_at(f.span.start) is None]
        for i, t in enumerate(figs):
            for k in (2, 3):
                parts = figs[i + 1:i + 1 + k]
                if len(parts) < k or any(p.unit != t.unit for p in parts):
                    continue
                if any(c in idx.text[t.span.end:parts[-1].span.end] for c in vocab()["subset_cues"]):
                    continue
                labels = [idx.category_of(p) for p in parts]
                if exhaustive_set(labels) and not exhaustive_set([idx.category_of(t), *labels[1:]]):
                    yield Candidate(code="GW101", kind="sum", whole=(t,), parts=tuple(parts), trigger="…，…",
                                    explicit=False, exhaustive=True, params={"labels": labels})
                    break


# -- stated totals ---------------------------------------------------------------------------------

def stated_totals(idx: TextIndex) -> Iterator[Candidate]:
    """合计/共计/总计 after a list of same-unit items; 两项合计 also states the item count."""
    text = idx.text
    v = vocab()
    seen: set[int] = set()
    for cue in sorted(v["total_cues"], key=len, reverse=True):
        for pos in find_all(text, cue):
            if any(pos <= s < pos + len(cue) for s in seen):
                continue
            seen.add(pos)
            after = [f for f in idx.figures if f.span.start >= pos + len(cue)]
            if not after:
                continue
            total = after[0]
            sent = idx.sentence_of(pos)
            # 上述假期合计接待游客 206.7 万人次: the items are those of the paragraph before the total
            back = any(w in text[max(sent.start, pos - 6):pos] for w in v["back_reference_words"])
            if len(text[pos + len(cue):total.span.start].strip(SPACES)) > (8 if back else 3) or not summable(total):
                continue
            # the list opens after its opener: 将 9 个社区划分为综合网格 126 个、专属网格 38 个，共计
            # 164 个 adds the grids, not the communities they split
            opened = max((text.rfind(w, sent.start, pos) + len(w) for w in v["list_openers"]
                          if text.rfind(w, sent.start, pos) >= 0), default=sent.start)
            if back and opened == sent.start and sent.start == _sentence_start(text, pos):
                opened = _paragraph_start(idx, pos)
            items = [f for f in idx.figures_in(Span(opened, pos)) if f.unit == total.unit
                     and idx.group_at(f.span.start) == idx.group_at(total.span.start)]
            n = _count_before(text, pos)
            if n is not None and len(items) > n:
                items = items[-n:]
            if n is None and len(items) < 2:
                continue
            start = pos - (len(_count_prefix(text, pos)))
            cue_span = Span(start, pos + len(cue))
            if items:
                yield Candidate(code="GW102", kind="sum", whole=(total,), parts=tuple(items),
                                trigger=text[start:pos + len(cue)], exhaustive=True, cue=cue_span,
                                explicit=not (back and opened < sent.start))
            if n is not None:
                yield Candidate(code="GW103", kind="count", whole=(total,), parts=tuple(items),
                                trigger=text[start:pos + len(cue)], cue=cue_span, params={"count": n})


def _sentence_start(text: str, pos: int) -> int:
    """Where the full sentence of ``pos`` starts (after the last 。, not a ；)."""
    return max(text.rfind("。", 0, pos), text.rfind("\n", 0, pos), text.rfind("*", 0, pos)) + 1


def _paragraph_start(idx: TextIndex, pos: int) -> int:
    """The start of the paragraph of ``pos``: after the last line break that follows a full stop
    (a hard wrap inside a sentence is no paragraph break) or a heading's closing **."""
    text = idx.text
    i = text.rfind("\n", 0, pos)
    while i > 0 and text[i - 1] not in "。*:：":
        i = text.rfind("\n", 0, i)
    start = i + 1
    head = text.find("**", start, pos)  # **2.节假日市场持续火爆。**春节…: the title is no item
    if head >= 0:
        close = text.find("**", head + 2, pos)
        start = close + 2 if close >= 0 else start
    return start


def _count_prefix(text: str, pos: int) -> str:
    v = vocab()
    for m in sorted(v["count_measure"], key=len, reverse=True):
        s = pos - len(m)
        if s > 0 and text[s:pos] == m and text[s - 1] in v["count_words"]:
            return text[s - 1:pos]
    return ""


def _count_before(text: str, pos: int) -> int | None:
    p = _count_prefix(text, pos)
    return int(vocab()["count_words"][p[0]]) if p else None
