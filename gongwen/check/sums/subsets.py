"""Breakdowns a cue opens: a 其中 list after the figures it breaks down (a total followed by a
bracket listing its parts is :mod:`.brackets`').  Closed lists (:mod:`.closed_lists`: categories
that exhaust the whole, the whole's own words naming every part, the levels the whole counts) are
sums (GW101); the rest are parts that may not exceed their whole (GW108)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from ...figure import Figure
from ...model import Span
from ..evaluation.intervals import interval_of, vocab
from ..reading.relations import (
    PCT_UNITS,
    Candidate,
    comparison_base,
    each_bound,
    fact_kind,
    is_ratio_unit,
    summable,
)
from ..reading.textindex import SPACES, TextIndex, disjoint_set, exhaustive_set, find_all, match_category
from .brackets import bracket_breakdowns as bracket_breakdowns  # the engine reads it here
from .closed_lists import (
    _cut_two_ways,
    _levels_closed,
    _named_categories,
    _nearly,
    complementary,
    counted_kinds,
    names_rest,
)


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
                end = max(end, full_stop_after(text, pos))  # 其中，A 收入 a、支出 b；B 收入 c、支出 d。
                # …；智力残疾 1,265 人；按残疾等级分，重度残疾人 5,231 人: a new criterion ends the list
                end = _criterion_before(text, pos + len(cue), end)
            opening = g is None and text[sent.start:pos].strip(SPACES) == ""
            # 其中 opening a paragraph (…获得资金 101.7 万元。⏎其中，作为特色品牌，假日学校共筹集经费 1093.51 万元):
            # it may speak of the paragraph before as a whole, of its work, not of its last figure — a reading,
            # kept where it holds
            line = text.rfind("\n", 0, pos)
            paragraph = opening and line >= 0 and text[line + 1:pos].strip(SPACES) == ""
            scope = Span(_full_stop_before(text, _stop_before(text, sent.start)), sent.start) \
                if opening and sent.start > 0 else Span(sent.start, pos)
            # a stated change is no whole, whatever kind its sentence gives it (计划供应 2600 亩，比上年增加
            # 282 亩、增长 12.2%，其中工业用地 1300 亩: a plan's increase is a target too, and still a change)
            before = [f for f in idx.figures_in(scope) if (summable(f) or _average(f)) and f.kind != "change"
                      and f.change is None and idx.group_at(f.span.start) == g and not comparison_base(idx, f)]
            # 门诊 15.82 万人次，日均 433 人次，其中全科门诊 9.67 万人次…: a level per day (or per unit) stated
            # beside its total is no whole of the list — unless it is all there is (人均收入…，其中工资性收入…)
            before = [f for f in before if not _per_unit_beside_total(idx, f, before)]
            inner = _inner_lists(text, cue, pos, end)
            listed = [f for f in idx.figures_in(Span(pos, end))  # 较上年增加 1265 人 is no part
                      if summable(f) and f.kind != "change" and f.change is None and idx.group_at(f.span.start) == g
                      and not comparison_base(idx, f) and not _whole_of_share(idx, f)
                      and not _per_unit_standard(idx, f) and not each_bound(idx, f)
                      and not any(s.start <= f.span.start < s.end for s in inner)]
            listed = _one_count(listed, before)
            after = _list_items(idx, listed)
            if not before or not after:
                continue
            wholes: dict[str, Figure] = {}
            for f in before:
                if not (opening and f.unit in wholes):
                    wholes[f.unit] = f  # the nearest one of each unit (the first: 其中 opens a sentence)
            if opening:  # 新开线路 9 条…，公交线路由上年末的 79 条增至 86 条。其中，城区线路 52 条…: a sentence that
                for unit in list(wholes):  # takes a level to a new value speaks of that level; 其中 breaks it down
                    reached = [f for f in before if f.unit == unit and f.previous is not None]
                    if len(reached) == 1:
                        wholes[unit] = reached[0]
                        continue
                    # 园长一名，副园长两名，其他教职工共 24 名。其中…: a first count its parts outgrow is no whole
                    # of them where the sentence marks another count of the unit a total (共)
                    marked = [f for f in before if f.unit == unit and f is not wholes[unit] and _marked_total(idx, f)]
                    outgrown = sum(f.value for f in after if f.unit == unit) > wholes[unit].value
                    if len(marked) == 1 and outgrown:
                        wholes[unit] = marked[0]
            for unit, w in list(wholes.items()):  # 总投资 a，年度计划投资 b。其中：…年度计划投资 c；…年度计划投资 d
                if not opening and idx.between(w.span.end, pos).strip(SPACES + "，,：:") == "":
                    continue  # …累计拥有 64 家，其中国家级…企业 6 家: 其中 is of the figure right before it
                named_whole = _named_whole(idx, [f for f in before if f.unit == unit],
                                           [f for f in after if f.unit == unit])
                wholes[unit] = named_whole or w
                if opening and named_whole is None and _list_item(idx, w, before):
                    del wholes[unit]
            for unit, w in list(wholes.items()):  # …2,150 套，完成任务 1,800 套的 119.4%，其中：the result
                done = [f for f in before if f.unit == unit and fact_kind(idx, f) != "target"]
                planned = any(fact_kind(idx, f) == "target" for f in after if f.unit == unit)
                if fact_kind(idx, w) == "target" and done and not planned:
                    wholes[unit] = done[-1]
            etc = any(w in text[after[-1].span.end:end] for w in vocab()["etc_words"])
            for unit, w in wholes.items():
                plan = fact_kind(idx, w) == "target"  # a target is a part of a target only
                # 培训 2,400 人次，其中返乡青年培训 380 人; 展演 860 场次，其中送戏进村 215 场: items counted
                # in the word a count of times is made of (vocab per_time_units), no whole of their own
                # before the list and none beside them in the whole's word (体检 2.1 万人次、筛查 0.9 万人:
                # the persons may count another service), are within the whole
                timed = [] if any(f.unit == unit for f in after) else \
                    [u for u in vocab()["per_time_units"].get(unit, ()) if u not in wholes]
                parts = [f for f in after if (f.unit == unit or f.unit in timed)
                         and (plan or fact_kind(idx, f) != "target") and not _stock_of_flow(idx, w, f)]
                if not parts:
                    continue
                if any(f.unit != unit for f in parts):
                    # never their sum: the persons of several items may each come more than once
                    yield Candidate(code="GW108", kind="subset", whole=(w,), parts=tuple(parts), trigger=cue,
                                    exhaustive=False, cue=Span(pos, pos + len(cue)),
                                    params={"labels": [idx.category_of(f) for f in parts], "subset_cue": cue,
                                            "per_time": True})
                    continue
                if _average(w):  # the parts of an amount per head: only those named as its kinds
                    parts = [p for p in parts if _component(idx, w, p)]
                    if parts:
                        yield Candidate(code="GW108", kind="subset", whole=(w,), parts=tuple(parts), trigger=cue,
                                        exhaustive=False, cue=Span(pos, pos + len(cue)),
                                        params={"labels": [idx.category_of(p) for p in parts], "subset_cue": cue,
                                                "confirm_only": True})
                    continue
                cut = _before_rest_of_more(idx, w, parts)
                if len(cut) < len(parts) and len(cut) >= 2:  # they make up the whole: its sum, as it holds
                    yield Candidate(code="GW101", kind="sum", whole=(w,), parts=tuple(cut), trigger=cue,
                                    explicit=False, exhaustive=True, cue=Span(pos, pos + len(cue)),
                                    params={"labels": [idx.category_of(p) for p in cut], "subset_cue": cue,
                                            "confirm_only": True})
                parts = cut
                parts, found = subtotals(idx, parts)
                yield from found
                parts = _below_thresholds(idx, parts)
                parts, inside = _nested(idx, parts)
                for n, hosts in inside:
                    for host in hosts:  # 监测对象中有 0.87 万人(同时具有低保对象身份): within each group named
                        yield Candidate(code="GW108", kind="subset", whole=(host,), parts=(n,), trigger="中",
                                        explicit=True, exhaustive=False,
                                        params={"labels": [idx.category_of(n)], "subset_cue": "中"})
                twice = [n for n, hosts in inside if len(hosts) == 2]
                named = _by_name(idx, [f for f in before if f.unit == unit], parts)
                for whole, ps in (named.items() if named else [(w, parts)]):
                    labels = [idx.category_of(p) for p in ps]
                    if _cut_two_ways(labels) or _shares_overlap(idx, ps):
                        for p, lab in zip(ps, labels):  # each within the whole, their sum nothing
                            yield Candidate(code="GW108", kind="subset", whole=(whole,), parts=(p,), trigger=cue,
                                            exhaustive=False, cue=Span(pos, pos + len(cue)),
                                            params={"labels": [lab], "subset_cue": cue})
                        # …unless they fall within it together, which verifies the list (a miss says nothing)
                        yield Candidate(code="GW108", kind="subset", whole=(whole,), parts=tuple(ps), trigger=cue,
                                        explicit=False, exhaustive=False, cue=Span(pos, pos + len(cue)),
                                        params={"labels": labels, "subset_cue": cue, "confirm_only": True})
                        continue
                    exhaustive = (exhaustive_set(labels, whole=idx.clause_before(whole, 30))
                                  or complementary(labels) or _named_categories(idx, whole, labels)
                                  or _levels_closed(idx, whole, labels) or counted_kinds(idx, whole, ps)
                                  or names_rest(idx, ps, after)) and not etc
                    # categories that split a whole as a rule but may leave a class out (城区 …、农村 …
                    # leave out 镇区 schools; 省内 …、省外 … 境外 visitors): within the whole, and
                    # verified as its sum when they add up, a miss reported when a misprint of one
                    # figure explains it (below)
                    paired = exhaustive_set(labels, "open_sets") and not etc
                    # a group counted in two listed groups is counted once in the whole
                    minus = [] if named else twice
                    yield Candidate(code="GW101" if exhaustive else "GW108",
                                    kind="sum" if exhaustive else "subset", whole=(whole,), parts=(*ps, *minus),
                                    trigger=cue, exhaustive=exhaustive, cue=Span(pos, pos + len(cue)),
                                    params={"labels": [*labels, *(idx.category_of(n) for n in minus)],
                                            "subset_cue": cue, "overlaps": list(range(len(ps), len(ps) + len(minus))),
                                            "disjoint": not exhaustive and disjoint_set(labels),
                                            **({"confirm_only": True} if paragraph else {})})
                    if paired and not exhaustive:
                        yield Candidate(code="GW101", kind="sum", whole=(whole,), parts=(*ps, *minus), trigger=cue,
                                        explicit=False, exhaustive=True, cue=Span(pos, pos + len(cue)),
                                        params={"labels": labels, "subset_cue": cue, "confirm_only": True,
                                                "anchored": True})
                    elif not exhaustive and len(ps) > 1 and disjoint_set(labels) and not minus and _nearly(whole, ps):
                        # 学前 …、小学 …、初中 … of 在校学生: classes that never overlap, all but a sliver of
                        # the whole — their sum, verified when it holds, and reported when two swapped
                        # digits of one figure make it hold exactly (a slip, not a class left out)
                        yield Candidate(code="GW101", kind="sum", whole=(whole,), parts=tuple(ps), trigger=cue,
                                        explicit=False, exhaustive=True, cue=Span(pos, pos + len(cue)),
                                        params={"labels": labels, "subset_cue": cue, "confirm_only": True})
                    rest = [f for f in listed if all(f is not n for n, _ in inside)]
                    more = [] if exhaustive or named or minus else _read_on(idx, rest, ps, fact_kind(idx, whole))
                    if more:
                        yield Candidate(code="GW101", kind="sum", whole=(whole,), parts=(*ps, *more), trigger=cue,
                                        explicit=False, exhaustive=True, cue=Span(pos, pos + len(cue)),
                                        params={"labels": [idx.category_of(p) for p in (*ps, *more)],
                                                "subset_cue": cue, "confirm_only": True})


def _shares_overlap(idx: TextIndex, parts: list[Figure]) -> bool:
    """Whether the parts' own shares say they overlap: each part followed in its clause by its share
    (其中，首套住房贷款 3652 笔，占发放笔数的 88.5%；向新市民、青年人发放贷款 1963 笔，占 47.6%), and
    the shares adding up past the whole (136.1% > 100%) — two ways of cutting it, not one list."""
    if len(parts) < 2:
        return False
    total = Decimal(0)
    for k, p in enumerate(parts):
        stop = parts[k + 1].span.start if k + 1 < len(parts) else idx.sentence_of(p.span.start).end
        pct = next((h for h in idx.figures_in(Span(p.span.end, stop)) if h.unit == "%" and h.kind != "change"), None)
        if pct is None or not any(w in idx.between(p.span.end, pct.span.start) for w in vocab()["share_cues"]):
            return False
        total += pct.value
    return total > 101


def _below_thresholds(idx: TextIndex, parts: list[Figure]) -> list[Figure]:
    """其中亿元以上项目 21 个，10 亿元以上项目 6 个: things above a higher threshold of the same noun are
    among those above the lower one listed before them (read by :func:`gongwen.check.sums.named_parts.
    nested_thresholds`), no further part of the whole — the whole holds the lowest one's."""
    from .named_parts import _threshold

    v = vocab()
    seen: list[tuple[float, str, str]] = []
    out = []
    for p in parts:
        t = _threshold(idx.label_before(p, 16), v)
        if t is not None and any(t[1:] == s[1:] and t[0] > s[0] for s in seen):
            continue
        if t is not None:
            seen.append(t)
        out.append(p)
    return out


def _stock_of_flow(idx: TextIndex, whole: Figure, f: Figure) -> bool:
    """A figure named a stock (年末…总量, 累计, 实有) after a 其中 of a whole named new (全年新增市场主体
    8,620 户，其中企业 2,160 户，年末市场主体总量 5.26 万户): what there is, no part of what was added;
    and a running total (累计达到 78 辆) after a 其中 of a whole not named one, whatever its verb."""
    v = vocab()
    label = idx.label_before(f, 16)
    if any(w in label for w in v["stock_words"]) and not any(w in idx.clause_before(whole, 24) for w in v["stock_words"]):
        return True  # 全年更新购置公务用车 24 辆，其中新能源汽车 22 辆，全县新能源公务用车累计达到 78 辆
    return any(w in idx.clause_before(whole, 24) for w in v["new_words"]) \
        and any(w in label for w in (*v["stock_words"], *v["moment_words"], *v["sum_name_words"]))


def _one_count(listed: list[Figure], before: list[Figure]) -> list[Figure]:
    """The items of a list counted in another word for the whole's count (医疗卫生机构 326 个，其中县级
    公立医院 4 家、…村卫生室 289 个: 家 and 个 both count the institutions; one_count_units) read in
    the whole's unit, when no figure before the list is counted in the item's own word — and the
    item alone does not exceed every figure of that unit before the list: then it counts other
    things (对 6 家企业开展评估，其中 4 家…，稳定就业岗位 150 余个: the jobs, not the firms)."""
    units = {f.unit for f in before}
    out = []
    for f in listed:
        group = next((g for g in vocab()["one_count_units"] if f.unit in g), None)
        own = [u for u in units if group is not None and u in group]
        held = len(own) == 1 and any(f.value <= g.value for g in before if g.unit == own[0])
        out.append(replace(f, unit=own[0]) if f.unit not in units and held else f)
    return out


def _inner_lists(text: str, cue: str, pos: int, end: int) -> list[Span]:
    """The lists a cue opens again inside the list opened at ``pos`` (其中，住房消费类提取 a，其中租赁
    住房提取 b；非住房消费类提取 c): each runs to its ；and breaks down the item before it, so its
    figures are no items of the outer list."""
    out = []
    for at in find_all(text, cue, Span(pos + len(cue), end)):
        stops = [i for i in (text.find("；", at, end), text.find(";", at, end)) if i >= 0]
        out.append(Span(at, min(stops, default=end)))
    return out


def _criterion_before(text: str, start: int, end: int) -> int:
    """Where a cue that classifies anew (按残疾等级分，分产业看) opens between ``start`` and ``end``:
    the items after it break the whole down by another criterion; else ``end``."""
    from .classified import _CLASSIFY

    m = _CLASSIFY.search(text, start, end)
    return m.start() if m is not None else end


def subtotals(idx: TextIndex, parts: list[Figure]) -> tuple[list[Figure], list[Candidate]]:
    """Items of a list whose clause states a total (两大主导产业合计完成产值 c after A a；B b; 其中，教育
    支出 a，卫生健康支出 b，两项合计 c): the sum of the items before it, not one more item.  A total cue
    in the clause of the first item too is the writer's wording of every item (A 共计 a；B 共计 b), so
    no subtotal."""
    cues = vocab()["total_cues"]
    marked = [states_total(idx, p) for p in parts]
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


def _marked_total(idx: TextIndex, f: Figure) -> bool:
    """The words right before ``f`` mark it a total (共 24 名, 合计, 总数: vocab total_cues, loose_total_cues,
    sum_name_words)."""
    label = idx.label_before(f, 6)
    v = vocab()
    return any(w in label for w in (*v["total_cues"], *v["loose_total_cues"], *v["sum_name_words"]))


def _per_unit_beside_total(idx: TextIndex, f: Figure, before: list[Figure]) -> bool:
    """``f`` is a level per unit (日均, 月均, 人均: vocab per_unit_words) and a figure of its unit that is no such
    level stands before it in the list's scope: the total whose average ``f`` is."""
    per = vocab()["per_unit_words"]
    if not any(w in idx.label_before(f, 6) + f.as_written for w in per):
        return False
    return any(g.span.start < f.span.start and g.unit == f.unit
               and not any(w in idx.label_before(g, 6) + g.as_written for w in per) for g in before)


def _before_rest_of_more(idx: TextIndex, whole: Figure, parts: list[Figure]) -> list[Figure]:
    """The parts before a clause that opens on a rest word (其余, 其他) when they already make up the whole
    exactly (调解结案 1647 件。其中，立案前调解 912 件，…调解 735 件；其余案件以裁决方式结案 1044 件): the rest
    is of a larger whole the text had spoken of (all cases closed), no part of this one."""
    rest = tuple(vocab()["remainder_words"]) + tuple(vocab()["rest_words"])
    for i in range(1, len(parts)):
        gap = idx.between(parts[i - 1].span.end, parts[i].span.start)
        clause = re.split(r"[，,；;。]", gap)[-1].strip(SPACES) if re.search(r"[，,；;。]", gap) else ""
        if clause.startswith(rest) and sum(p.value for p in parts[:i]) == whole.value:
            return parts[:i]
    return parts


def states_total(idx: TextIndex, f: Figure) -> bool:
    """The clause of ``f`` states a total of what went before it (三个行业合计 1051 件, 以上合计 …), and
    names no members of its own (:func:`names_members`)."""
    return any(w in idx.clause_before(f, 30) for w in vocab()["total_cues"]) and not names_members(idx, f)


def names_members(idx: TextIndex, total: Figure) -> bool:
    """The clause of a total names its own members joined by 和/及/与 (普通高中和中职在校生合计 c after
    A a，B b): one more class of the list, the total of the two it names, not of the items before it."""
    clause = re.split(r"[，,；;：:]", idx.clause_before(total, 30))[-1]
    head = clause[:min((clause.find(w) for w in vocab()["total_cues"] if w in clause), default=len(clause))]
    return any(0 < head.find(w) < len(head) - len(w) for w in vocab()["list_joiners"])


# the unit a standard is paid per, right before its figure: 按每生每学期 1000 元的标准, 每人每月 150 元
_PER_UNIT = re.compile(r"每[\u4e00-\u9fff]{1,3}$")


def _per_unit_standard(idx: TextIndex, f: Figure) -> bool:
    """A figure stated per head or per unit of time (普通高中国家助学金资助 4210 人次，按每生每学期 1000 元的
    标准发放 421.0 万元): the rate an amount is paid at, no part of the list the amount belongs to."""
    return _PER_UNIT.search(idx.label_before(f, 12)) is not None


def _average(f: Figure) -> bool:
    """An amount per head (人均可支配收入 11642 元): its 其中 list may name its parts, each per head
    too (其中工资性收入 5218 元), which lie within it as a total's parts do (:func:`_component`)."""
    return bool(f.unit) and not is_ratio_unit(f.unit) and f.unit not in PCT_UNITS and f.range_id is None \
        and any(w in (f.metric or "") + f.as_written for w in vocab()["per_head_words"])


def _component(idx: TextIndex, whole: Figure, part: Figure) -> bool:
    """A part of an amount per head named as a kind of its measure (工资性收入 of 人均可支配收入: the
    same last word), not as a group of the people (城镇居民 …: an average of its own, which may
    exceed the whole's)."""
    label = idx.label_before(part, 16).removeprefix("其中")
    head = (whole.metric or "")[-2:]
    return len(head) == 2 and label.endswith(head) and match_category(label) is None


def _nested(idx: TextIndex, parts: list[Figure]) -> tuple[list[Figure], list[tuple[Figure, list[Figure]]]]:
    """The parts of a 其中 list that count within an earlier part (其中，特困人员 a、低保对象 b、监测对象
    c；监测对象中有 d 同时具有低保对象身份): named "X 中" after a part named X, d is no further part of
    the whole but a part of X — and, when the words after it name another listed part, of that
    one too (it is then counted twice in the list).  Returns the list's own parts and, for each
    nested figure, the parts it lies within."""
    own: list[Figure] = []
    inside: list[tuple[Figure, list[Figure]]] = []
    for k, p in enumerate(parts):
        m = _WITHIN_PART.fullmatch(idx.label_before(p, 16))
        names = [(q, idx.label_before(q, 16)) for q in own]
        host = next((q for q, lab in reversed(names) if m and m.group(1) in lab), None)
        if host is None:
            host = _share_host(idx, p, own, parts[k + 1] if k + 1 < len(parts) else None)
        if host is None:
            own.append(p)
            continue
        after = idx.words_after(p, 24)
        also = [q for q, lab in names if q is not host and len(lab) >= 2 and lab in after]
        inside.append((p, [host, *also[:1]]))
    return own, inside


def _share_host(idx: TextIndex, p: Figure, own: list[Figure], nxt: Figure | None) -> Figure | None:
    """其中医疗收入 1032.4 万元，药品收入 368.2 万元，药占比 35.7%: a rate stated after a part, before
    the next part, that reads the part over an earlier part of the list and holds makes the part one
    of that part's (a part of a part), no further part of the whole."""
    from ..proportions.operands import _fits
    from ..proportions.rates import percent_rate
    end = nxt.span.start if nxt is not None else idx.sentence_of(p.span.start).end
    for r in idx.figures_in(Span(p.span.end, end)):
        if r.unit != "%" or r.kind == "change":
            continue
        c = percent_rate(idx, r)
        if c is not None and c.kind == "share" and len(c.parts) == 2 and c.parts[0] is p \
                and any(c.parts[1] is q for q in own) and _fits(p, c.parts[1], interval_of(r), False):
            return c.parts[1]
    return None


# a count within a group named before it: 监测对象中有 0.87 万人, 农村中 3 万人
_WITHIN_PART = re.compile(r"([\u4e00-\u9fff]{2,})中(?:有|共有|已有)?")


def _whole_of_share(idx: TextIndex, f: Figure) -> bool:
    """The whole a share names inside its cue (其中重点人群签约 9.26 万人，占重点人群总数 11.8 万人的
    78.5%), or any base a percentage is taken of (其中能繁母猪 17.9 万头，为正常保有量 17.2 万头的
    104.1%): the base of the part before it, no part of the list."""
    text = idx.text
    nxt = idx.figures_in(Span(f.span.end, min(len(text), f.span.end + 8)))
    return text[f.span.end:f.span.end + 1] == "的" and bool(nxt) and nxt[0].unit in PCT_UNITS


def _full_stop_before(text: str, pos: int) -> int:
    """Start of the full sentence (。 or a line break, not ；) that ends at ``pos``."""
    return max(text.rfind("。", 0, pos), text.rfind("\n", 0, pos)) + 1


def _stop_before(text: str, start: int) -> int:
    r"""The stop that ends the sentence before ``start``, over the line breaks and blanks after it
    (…的 103.7%。⏎其中，…: the 。, not the line break, so the sentence before is read whole).

    >>> _stop_before("收入13,580万元。\n其中，", 12), _stop_before("收入13,580万元。其中，", 11)
    (10, 10)
    """
    k = start - 1
    while k > 0 and text[k] in SPACES + "\n" and text[k - 1] in SPACES + "\n。；;":
        k -= 1
    return k


def full_stop_after(text: str, pos: int) -> int:
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
            if f.unit == out[-1].unit and names_rest(idx, [*out, f]) and "。" not in gap:
                out.append(f)  # …、村卫生室 271 个，…诊所等其他机构 18 个: the rest ends the list
            break
        out.append(f)
    return out


def _read_on(idx: TextIndex, listed: list[Figure], parts: list[Figure], kind: str | None) -> list[Figure]:
    """The figures of the parts' unit that the sentence states after a 其中 list cut at a comma
    (其中县级 4 场次、乡镇 38 场次，企业、学校等单位 394 场次): the list may go on past the comma,
    so they are read as its last items.  The reading is the text's only when the parts then make
    up the whole, so its sum is kept only when it holds (``confirm_only``)."""
    rest = [f for f in listed if f.span.start > parts[-1].span.start]
    if not rest or rest[0].unit != parts[0].unit:
        return []
    run = []
    for f in rest:
        if f.unit != parts[0].unit or states_total(idx, f):
            break  # (…分别为 486 件、352 件、213 件，三个行业合计 1051 件: the items' total, no item)
        if fact_kind(idx, f) != kind:
            return []  # 完成年度计划 2.1 万个: a target is no part of an actual
        run.append(f)
    return run


def _by_name(idx: TextIndex, wholes: list[Figure], parts: list[Figure]) -> dict[Figure, list[Figure]] | None:
    """Parts that repeat the names of several wholes (收入 a、支出 b；收入 c、支出 d after 收入 X，支出
    Y): each name's parts under the whole of that name; None unless every part finds one and
    at least two wholes are named.  A whole whose own name joins two of those names (新认定名泉 3 处，
    现有名泉古井 64 处，其中名泉 41 处、古井 23 处: 名泉古井 holds 名泉 and 古井) names no measure
    of its own: its parts are kinds of it, never split among the wholes."""
    labels = {w: idx.label_before(w, 16) for w in wholes}
    names = {w: _tail_name(lab) for w, lab in labels.items()}
    if len({n for n in names.values() if n}) < 2:
        return None
    if any(sum(1 for n in set(names.values()) if n and n in lab) >= 2 for lab in labels.values()):
        return None
    out: dict[Figure, list[Figure]] = {}
    for p in parts:
        lab = idx.label_before(p, 16)
        hit = [w for w, n in names.items() if n and lab.endswith(n)]
        if len(hit) != 1:
            return None
        out.setdefault(hit[0], []).append(p)
    return out if len(out) >= 2 else None


def _list_item(idx: TextIndex, w: Figure, before: list[Figure]) -> bool:
    """完成大修工程 49.9 公里、预防性养护工程 81.6 公里、…。其中，示范路 85 公里: the first figure of
    the sentence before a 其中 that opens its own is one item of a 、-list of its unit, not named a
    total — the 其中 may speak of any item or of them all, so of no one figure."""
    nxt = next((f for f in before if f.span.start > w.span.end and f.unit == w.unit), None)
    if nxt is None or idx.totalled(w, running=False):
        return False
    gap = idx.text[w.span.end:nxt.span.start]
    return "、" in gap and not any(ch in gap for ch in "。；;：:") \
        and not any(c in gap for c in vocab()["subset_cues"])


def _named_whole(idx: TextIndex, wholes: list[Figure], parts: list[Figure]) -> Figure | None:
    """The one whole whose whole name every part repeats (年度计划投资 216 亿元 before 其中：续建项目 74
    个，年度计划投资 131 亿元；新开工项目 54 个，年度计划投资 85 亿元, not 总投资 1046 亿元 before it)."""
    if len(wholes) < 2 or not parts:
        return None
    labels = [idx.label_before(p, 16).strip(SPACES) for p in parts]
    hits = [w for w in wholes if len(name := idx.label_before(w, 16).strip(SPACES)) >= 2
            and all(lab.endswith(name) for lab in labels)]
    return hits[0] if len(hits) == 1 else None


def _tail_name(label: str) -> str:
    """The last two characters of a label, the name a repeated measure keeps (基金收入 → 收入)."""
    core = label.strip(SPACES)
    return core[-2:] if len(core) >= 2 and not any(ch.isdigit() for ch in core[-2:]) else ""
