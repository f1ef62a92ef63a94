"""Lists that share out a total stated before them: classified lists (分产业看，A a；B b), 分别
lists (共争取资金 X，分别用于 A a、B b) and a figure followed by the known categories that
partition it (建有 3 个机构，1 个公办机构，2 个民办机构)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from decimal import Decimal

from ...figure import Figure
from ...model import Span
from ..evaluation.intervals import hedge_kind, longest_first, vocab
from ..reading.relations import Candidate, abbreviates, comparison_base, fact_kind, han_pairs, summable
from ..reading.textindex import SPACES, TextIndex, complete_set, exhaustive_set, find_all
from .subsets import full_stop_after, names_rest, states_total, subtotals

_CLASSIFY = re.compile(r"(?:分|按)[\u4e00-\u9fff]{1,3}(?:看|分)[，,：:]?|(?:按|从)[\u4e00-\u9fff]{2,8}?(?:看|分)[，,：:]")


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
        # …；从项目来源看，…: the next criterion starts a list of its own
        stop = next((n.start() for n in _CLASSIFY.finditer(text, m.end(), stop) if _criterion_at(idx, n.start())), stop)
        # last year's value a class is compared with (来访 961 件次，较上年的 1108 件次) is no class
        after = [f for f in idx.figures_in(Span(pos, max(stop, sent.end))) if summable(f) and f.kind != "change"
                 and not comparison_base(idx, f)]
        prev = _whole_span(idx, pos)
        before = [f for f in idx.figures_in(prev) if summable(f) and f.kind != "change"
                  and not comparison_base(idx, f)]
        # 计划为 40 个，…实际完成 42 个，完成计划的 105.0%。按类型分，…: the result is broken down, not
        # the plan (a target by its kind, or the base a completion rate of the sentence is stated against)
        planned = _targets(idx, prev)
        before = [f for f in before if fact_kind(idx, f) != "target" and id(f) not in planned] or before
        before = _share_whole(idx, before, prev, m.group(0))
        # 交易额分别为 52.7 亿元、9.34 亿元、…: an item of a list of bare figures is one class of
        # its own list, never the whole a later criterion breaks down
        before = [f for f in before if not _bare_item(idx, f) and not _item_of_unstated(idx, f)]
        measured = _by_measure(idx, after, pos)
        if measured is not None:
            for whole, parts in measured:
                yield Candidate(code="GW101", kind="sum", whole=(whole,), parts=tuple(parts), trigger=m.group(0),
                                exhaustive=True, cue=Span(pos, pos + len(m.group(0))),
                                params={"labels": [idx.category_of(p) for p in parts]})
            continue
        if after and not any(f.unit == after[0].unit for f in before):
            near = _whole_of_section(idx, after, pos)
            if near is not None and (names_rest(idx, near[1]) or complete_set([idx.category_of(p) for p in near[1]])):
                # 全年发生事故 38 起…。按行业领域分，道路交通事故 21 起、…、其他领域事故 3 起: the one count
                # of the parts' noun stated before in the section, broken down into a closed list
                labels = [idx.category_of(p) for p in near[1]]
                yield Candidate(code="GW101", kind="sum", whole=(near[0],), parts=tuple(near[1]), trigger=m.group(0),
                                exhaustive=True, cue=Span(pos, pos + len(m.group(0))), params={"labels": labels})
                continue
        if not before:
            far = _whole_named_before(idx, after, pos) or _named_whole(idx, after, pos)
            if far is not None:  # the whole stated far before, found by the parts' shared name
                yield Candidate(code="GW101", kind="sum", whole=(far[0],), parts=tuple(far[1]), trigger=m.group(0),
                                explicit=False, exhaustive=True, cue=Span(pos, pos + len(m.group(0))),
                                params={"labels": [idx.category_of(p) for p in far[1]], "confirm_only": True})
        lists: list[tuple[Figure, list[Figure], list[str]]] = []
        for whole in before[:1] + [f for f in before[1:] if f.unit != before[0].unit][:1]:
            parts = [f for f in after if f.unit == whole.unit and not _within_item(idx, f, pos)]
            if len(parts) < 2:
                continue
            whole = measured_whole(idx, whole, parts[0])
            parts, sums = subtotals(idx, parts)
            yield from sums
            # 从节支增值看，招标控制价合计 a，成交金额合计 b，累计节约资金 c: a figure named a total (a
            # subtotal of the list's own items is read above) is no class of the whole
            parts = [p for p in parts if not idx.totalled(p) or _names_members(idx.label_before(p, 16))]
            if len(parts) < 2:
                continue
            labels = [idx.category_of(p) for p in parts]
            # 邻里纠纷 512 件、物业纠纷 387 件，是矛盾纠纷的主要来源: the main parts, not all of them;
            # a list with a subtotal of some of its items names a group of the whole, not all of it
            main = any(w in text[parts[-1].span.end:stop] for w in vocab()["main_part_words"]) or bool(sums)
            # 分税种看，增值税 a，企业所得税 b: the classes named may be only the largest ones — the
            # list is closed when it names every class of a known set or the rest (其他), else its
            # classes, which never overlap, are within the whole and it is verified when it adds up
            # (reported when a misprint of one figure explains the miss)
            closed = not main and (complete_set(labels) or names_rest(idx, parts))
            if not main and not closed:
                lists.append((whole, parts, labels))
            yield Candidate(code="GW101" if closed else "GW108", kind="sum" if closed else "subset", whole=(whole,),
                            parts=tuple(parts), trigger=m.group(0), exhaustive=closed,
                            cue=Span(pos, pos + len(m.group(0))), params={"labels": labels, "disjoint": not main})
            if not closed and not main:
                yield Candidate(code="GW101", kind="sum", whole=(whole,), parts=tuple(parts), trigger=m.group(0),
                                explicit=False, exhaustive=True, cue=Span(pos, pos + len(m.group(0))),
                                params={"labels": labels, "confirm_only": True, "anchored": True})
        yield from _covered_by_count(m.group(0), Span(pos, pos + len(m.group(0))), lists)


def _covered_by_count(cue: str, at: Span, lists: list[tuple[Figure, list[Figure], list[str]]]
                      ) -> Iterator[Candidate]:
    """从产业分布看，新材料项目 15 个、协议投资 98.2 亿元，高端装备项目 12 个、协议投资 71.6 亿元，… after 签约项目
    38 个、协议总投资 216.5 亿元: the classes' counts add up to the whole count exactly (15 + 12 + … = 38),
    so the classes are all there are, and the amounts stated class by class beside those counts
    (one amount in each item, the two lists interleaved) add up to the amount of the whole too —
    a list of the largest classes only leaves the count short.  Counts printed exactly, never
    hedged (约 38 个 may round a class away)."""
    counted = [(w, ps) for w, ps, _ in lists if _adds_up_exactly(w, ps)]
    for w, ps in counted:
        for other, qs, labels in lists:
            if other.unit == w.unit or len(qs) != len(ps) or not _interleaved(ps, qs):
                continue
            yield Candidate(code="GW101", kind="sum", whole=(other,), parts=tuple(qs), trigger=cue,
                            exhaustive=True, cue=at, params={"labels": labels, "covered_by": w.id})


def _adds_up_exactly(whole: Figure, parts: list[Figure]) -> bool:
    """Counts printed as whole numbers, no hedge, whose sum is the whole's value exactly."""
    figs = [whole, *parts]
    return (whole.unit in vocab()["count_units"] and len(parts) >= 2
            and all(hedge_kind(f) is None and f.bound is None and f.value == f.value.to_integral_value()
                    for f in figs)
            and sum((p.value for p in parts), start=Decimal(0)) == whole.value)


def _interleaved(ps: list[Figure], qs: list[Figure]) -> bool:
    """Each item states one of each (A a 个、a′ 亿元，B b 个、b′ 亿元): in text order the two lists
    alternate, whichever comes first in an item."""
    merged = sorted([(p.span.start, 0) for p in ps] + [(q.span.start, 1) for q in qs])
    kinds = [k for _, k in merged]
    return all(kinds[i] != kinds[i + 1] for i in range(len(kinds) - 1))


def measured_whole(idx: TextIndex, whole: Figure, first: Figure) -> Figure:
    """The whole a list breaks down, by what its first item's words measure: 排查出各类事故隐患 6439 项，
    其中重大事故隐患 11 项；已整改 6310 项。分行业看，危险化学品企业排查隐患 1247 项、… — the items count what
    was found (排查…隐患), so the whole is 6439, not the nearest figure (已整改 6310) whose words share
    nothing with the item's.  The figure of the whole's unit in the full sentence before it (back to
    a 。 or a line's start) whose words share most pairs of characters with the first item's; the
    nearest whole stays when its own words share any, or when none names the item's measure."""
    mine = han_pairs(idx.label_before(first, 24))
    if not mine or mine & han_pairs(idx.label_before(whole, 24)):
        return whole
    start = max(idx.text.rfind("。", 0, whole.span.start), idx.text.rfind("\n", 0, whole.span.start)) + 1
    named = [(len(mine & han_pairs(idx.label_before(g, 24))), g) for g in idx.figures_in(Span(start, whole.span.start))
             if g.unit == whole.unit and summable(g) and g.kind == whole.kind and g.previous is None]
    most = max((n for n, _ in named), default=0)
    best = [g for n, g in named if n == most]
    return best[-1] if most and len(best) == 1 else whole


def _names_members(label: str) -> bool:
    """A total that names what it adds up (普通高中和中职在校生合计: 和, 及, 与, 、): a class made of
    those members, not a total of the whole's other measures."""
    return any(w in label for w in ("和", "及", "与", "、"))


def _criterion_at(idx: TextIndex, pos: int) -> bool:
    """A criterion (分产业看，从项目来源看，) opening its clause at ``pos``."""
    return pos == idx.sentence_of(pos).start or idx.text[pos - 1] in "，,：:"


def _whole_span(idx: TextIndex, pos: int, depth: int = 0) -> Span:
    """Where the whole a criterion at ``pos`` breaks down is stated: its own sentence before it, or
    when it opens the sentence, the sentence before — past a 其中 sentence of parts (问题金额 3.86 亿元。
    其中，违规金额…。从领域看，…), and past another criterion's list (从投资规模看，…；从项目来源看，…; 从资金
    来源看，…；当年新签约项目…。分产业链看，…): both break the one whole down."""
    text = idx.text
    sent = idx.sentence_of(pos)
    if pos > sent.start or sent.start == 0:
        return Span(sent.start, pos)
    k = pos - 1
    while k > 0 and text[k] in "\n \u3000":
        k -= 1  # 分险种看 opening a line: the total is the sentence before the line break
    prev = idx.sentence_of(k)
    if text[prev.start:prev.end].lstrip(SPACES).startswith(tuple(vocab()["subset_cues"])):
        prev = idx.sentence_of(max(0, prev.start - 1))
    full = max(text.rfind("。", 0, prev.start), text.rfind("\n", 0, prev.start)) + 1
    lead = len(text[full:prev.end]) - len(text[full:prev.end].lstrip(SPACES))
    crit = _CLASSIFY.match(text, full + lead)
    if crit is not None and depth < 3 and full + lead < pos:
        return _whole_span(idx, full + lead, depth + 1)
    return Span(prev.start, pos)


def _item_of_unstated(idx: TextIndex, f: Figure) -> bool:
    """全年挂号量保持增长，其中一季度 8.6 万人次，…。从科室看，A a、B b: a figure after a 其中 whose
    whole its sentence names but never states (no figure of its unit before the cue) is one part of
    that whole — of a period, a kind — never the whole a later criterion breaks down."""
    sent = idx.sentence_of(f.span.start)
    at = idx.text.rfind(vocab()["subset_cues"][0], sent.start, f.span.start)
    return at >= 0 and not any(g.unit == f.unit for g in idx.figures_in(Span(sent.start, at)))


def _bare_item(idx: TextIndex, f: Figure) -> bool:
    """A figure a 、 alone joins to another of its unit (分别为 52.7 亿元、9.34 亿元): a list's item."""
    nxt = idx.figures_in(Span(f.span.end, f.span.end + 24))
    prv = idx.figure_before(f)
    return bool(nxt and nxt[0].unit == f.unit and idx.between(f.span.end, nxt[0].span.start).strip(SPACES) == "、") \
        or (prv is not None and prv.unit == f.unit and idx.between(prv.span.end, f.span.start).strip(SPACES) == "、")


def _targets(idx: TextIndex, span: Span) -> set[int]:
    """The figures a completion rate in ``span`` is stated against (完成计划的 105.0%: the 计划)."""
    from ..proportions.completions import completion

    found = (completion(idx, f) for f in idx.figures_in(span) if f.unit == "%")
    return {id(c.parts[1]) for c in found if c is not None and len(c.parts) == 2}


def _share_whole(idx: TextIndex, before: list[Figure], span: Span, cue: str) -> list[Figure]:
    """争取上级资金 2.93 亿元，占全年完成投资的 60.3%。从投资投向看，A a、B b…: the sentence before
    states its figure as a share of a whole it names (投资), and the criterion breaks that whole
    down (投资投向), so the list's whole is the share's (完成投资 4.86 亿元), not its part."""
    from ..proportions.named_shares import named_share

    crit = cue.strip("，,：: ")[1:].removesuffix("来看").removesuffix("看").removesuffix("分")
    for g in idx.figures_in(span):
        c = named_share(idx, g) if g.unit == "%" and before and g.span.start > before[0].span.end else None
        if c is None or len(c.parts) != 2 or c.parts[0] is not before[0]:
            continue
        if any(crit[i:i + 2] in c.trigger for i in range(len(crit) - 1)):
            return [c.parts[1], *before[1:]]
    return before


def _within_item(idx: TextIndex, f: Figure, pos: int) -> bool:
    """A figure in a bracket a subset cue opens (义务教育在校生 a（其中小学在校生 b）), or after one
    within the item before it (税收收入 62.37 亿元，增长 4.9%，其中增值税 24.16 亿元；非税收入…), is a
    part of that item, not one more class of the list opened at ``pos``."""
    cues = tuple(vocab()["subset_cues"])
    g = idx.group_at(f.span.start)
    if g is None or g == idx.group_at(pos):
        prev = next((g for g in reversed(idx.figures_in(Span(pos, f.span.start))) if g.unit == f.unit), None)
        if prev is None:
            return False
        gap = idx.text[prev.span.end:f.span.start]
        if any(ch in gap for ch in "；;。"):
            return False
        # …其中增值税 a、企业所得税 b；: joined by 、 to a part within the item, within it too
        return any(w in gap for w in cues[:1]) or not any(ch in gap for ch in "，,") and _within_item(idx, prev, pos)
    return idx.text[g.open + 1:f.span.start].lstrip(SPACES).startswith(cues)


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


def _whole_of_section(idx: TextIndex, after: list[Figure], pos: int) -> tuple[Figure, list[Figure]] | None:
    """全年共发生生产安全事故 38 起…；…。按行业领域分，道路交通事故 21 起、…其他领域事故 3 起: a criterion
    that opens a sentence with no figure of the parts' unit in the sentence before breaks down the
    quantity its parts name (the noun their labels end with, 事故) as stated earlier in the section —
    when exactly one figure of that unit and year there bears the noun (受理投诉 1,046 件, not 举报 212 件)."""
    parts = [f for f in after if after and f.unit == after[0].unit]
    if len(parts) < 2:
        return None
    noun = os.path.commonprefix([idx.label_before(f, 24)[::-1] for f in parts])[::-1]
    if len(re.findall(r"[\u4e00-\u9fff]", noun)) < 2:
        return None
    year = (parts[0].period or "")[:4]
    wholes = [g for g in idx.figures if g.span.end <= pos and g.section == parts[0].section
              and g.unit == parts[0].unit and summable(g) and g.kind == "actual" and g.previous is None
              and (g.period or "")[:4] == year]
    named = [g for g in wholes if idx.label_before(g, 24).endswith(noun)]
    return (named[0], parts) if len(named) == 1 else None


def _whole_named_before(idx: TextIndex, after: list[Figure], pos: int) -> tuple[Figure, list[Figure]] | None:
    """全年全市社会消费品零售总额中，按经营单位所在地分，城镇消费品零售额 a，乡村消费品零售额 b: the
    words before the criterion name the whole the list breaks down (X 中), stated elsewhere by that
    name (全年实现社会消费品零售总额 1,286.4 亿元).  Found by name, so kept only when it holds."""
    sent = idx.sentence_of(pos)
    head = idx.text[sent.start:pos].rstrip("，,：: ")
    if not head.endswith("中"):
        return None
    name, prefixes = head[:-1], longest_first("subject_prefixes")
    while (p := next((w for w in prefixes if name.startswith(w) and len(name) > len(w)), None)) is not None:
        name = name[len(p):]
    parts = [f for f in after if after and f.unit == after[0].unit]
    if len(name) < 4 or len(parts) < 2:
        return None
    year = (parts[0].period or "")[:4]
    wholes = [g for g in idx.figures if g.unit == parts[0].unit and summable(g) and g.kind == "actual"
              and g.previous is None and g not in parts and (g.period or "")[:4] == year
              and idx.label_before(g, 24).endswith(name)]
    return (wholes[0], parts) if wholes and len({g.value for g in wholes}) == 1 else None


def _measure(idx: TextIndex, f: Figure) -> str | None:
    label = idx.label_before(f, 16)
    return next((w for w in vocab()["flow_measures"] if label.endswith(w)), None)


def _by_measure(idx: TextIndex, after: list[Figure], pos: int) -> list[tuple[Figure, list[Figure]]] | None:
    """A classified list giving two measures per class (职工医保收入 a、支出 b，居民医保收入 c、支出 d):
    each measure's parts and the total of that measure stated before the list (总收入, 总支出); None
    when the list gives one measure; an empty list when a measure's total is not stated."""
    # a part within a class (职工医保收入 a，其中统筹基金收入 b) is no class of the list
    after = [f for f in after if after and f.unit == after[0].unit and not _within_item(idx, f, pos)]
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
    for pos in find_all(text, "分别"):
        head = text[pos + 2:pos + 6]
        word = next((w for w in longest_first("respective_list_words") if head.startswith(w)), None)
        if word is None:
            continue
        sent = idx.sentence_of(pos)
        stop = full_stop_after(text, pos)
        before = [f for f in idx.figures_in(Span(sent.start, pos)) if summable(f) and fact_kind(idx, f) != "change"
                  and not idx.at_other_period(f) and not comparison_base(idx, f)]
        # (上年同期 2,846 件; 比上年的 33 件多 9 件): an earlier period's value, not what is shared out
        if not before:
            continue
        whole = before[-1]
        items = [f for f in idx.figures_in(Span(pos, stop)) if summable(f) and fact_kind(idx, f) != "change"]
        # …其中 A、B、C 分别为 486 件、352 件、213 件，三个行业合计 1051 件: items that state their own total
        # after them are that total's (stated_totals), no breakdown of the figure before 分别
        if any(i >= 2 and states_total(idx, f) for i, f in enumerate(items)):
            continue
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
