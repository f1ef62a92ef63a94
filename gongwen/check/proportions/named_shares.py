"""占 X 的 x%: a share whose whole the text names — stated in the cue (占耕地面积 467.2 万亩的
68.2%), named and stated before (占一般公共预算收入的比重为 76.2%), or, with its part, found by
name in another paragraph (道路交通事故占全部生产安全事故的 64.3%).  Read by
:func:`gongwen.check.proportions.rates.percent_rate`."""

from __future__ import annotations

import re

from ...figure import Figure
from ...model import Span
from ..evaluation.intervals import interval_of, longest_first, vocab
from ..reading.relations import Candidate, abbreviates, comparison_base, fact_kind
from ..reading.textindex import SPACES, TextIndex
from ..sums.totals import _breakdown_cue
from .operands import (
    _by_value,
    _fits,
    _paragraph_start,
    all_named,
    choose_whole,
    clause_start,
    compatible,
    core_name,
    counted,
    near_miss,
    operands_before,
    same_kind,
    share_name,
)
from .shares import _head

_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]是|其中)")


def named_share(idx: TextIndex, f: Figure) -> Candidate | None:
    """占耕地面积 467.2 万亩的 68.2% (the whole stated in the cue), or 占一般公共预算收入的比重为
    76.2% (the whole named: the figure the text labels with that name, before); a part or whole
    stated in another paragraph is found by its name (道路交通事故占全部生产安全事故的 64.3%)."""
    text = idx.text
    sent = idx.sentence_of(f.span.start)
    lo = max(sent.start, f.span.start - 24)
    at = next((k for w in vocab()["share_cues"] if (k := _cue_before(text, w, lo, f.span.start)) >= 0), -1)
    if at < 0:
        return _named_ratio(idx, f)
    if "比" in text[at + 1:at + 2]:
        return None
    if _own_rate(idx, f, at):
        return None
    cue = next(w for w in vocab()["share_cues"] if text.startswith(w, at))
    name = share_name(text[at + len(cue):f.span.start])
    earlier = operands_before(idx, at, 0)
    # the level of another moment a change is stated against (较去年同期的 33.90 万亩) is no part nor whole
    before = [g for g in operands_before(idx, at, _paragraph_start(idx, at)) if not comparison_base(idx, g)]
    # the part stands right before 占, in its sentence (等外公路 262 公里。等级公路里程占…: not the part)
    far = False
    # 新增床位 2,120 个，其中托位占 29.2%: a part named after 其中 in the share's own clause is not the
    # figure before it, but the whole's part stated elsewhere under that name
    named_within = len(_ORDINAL.sub("", text[clause_start(idx, at):at].strip(SPACES))) >= 2 \
        and text[clause_start(idx, at):at].strip(SPACES).startswith("其中")
    item = _subject_item(idx, before, at) if before and not named_within else None
    if item is not None:
        part = item  # 其中发明专利 1286 件、…、外观设计 992 件，发明专利授权量占…: the item the subject names
    elif before and (len(text[idx.end_of(before[-1]):at]) <= 8 or _own_change_between(idx, before[-1], at)) \
            and not _names_own_part(idx, before[-1], at) \
            and not named_within and not any(ch in text[before[-1].span.end:at] for ch in "。；;"):
        part = before[-1]  # the part stands right before 占
    else:  # the part is named before 占 and stated elsewhere
        subject = text[clause_start(idx, at):at].strip(SPACES)
        for w in vocab()["adverbs"]:
            subject = subject.removesuffix(w)
        within = subject.startswith("其中")
        subject = _ORDINAL.sub("", subject)
        if subject or not before or before[-1].span.start < sent.start:
            if len(subject) >= 2 and within and (name in vocab()["whole_words"] or len(name) < 2):
                return _named_part(idx, f, subject, before, earlier, at)
            if len(subject) < 2 or name in vocab()["whole_words"] or len(name) < 2:
                return None
            return _by_names(idx, f, subject, name, earlier, cue)
        # 为 8,635 名持证残疾人提供康复服务，占有需求持证残疾人 9,427 人的 91.6%: a clause with no
        # subject of its own goes on with the sentence's figure before it (read with the whole the
        # cue states only)
        part, far = before[-1], True
    if fact_kind(idx, part) == "target":
        return None  # 完成年度目标 135 亿元的 102.6%，占全市…的 18.7%: the result's share, not the target's
    # a target is no whole of a result (年度目标 135 亿元 … 其中出口 97.6 亿元，占全区进出口总额的 70.5%)
    before = [g for g in before if g is part or fact_kind(idx, g) != "target"]
    earlier = [g for g in earlier if fact_kind(idx, g) != "target"]
    inside = [g for g in operands_before(idx, f.span.start, at + len(cue)) if compatible(g, part)]
    if inside:  # 占户籍总人口 36.8 万人的 22.7%
        params: dict[str, object] = {"complete": True}
        host = _list_whole(idx, part) if not far else None
        if host is not None:
            # 文明村镇 168 个，其中全国 1 个、…、县级 121 个，占全县 251 个村镇总数的 66.9%: after a 其中 list
            # the share's clause may go on from the list's whole as well as from its last item — the
            # reading that holds is the text's; when neither holds, the text says which by no word
            told = interval_of(f)
            if _fits(host, inside[-1], told, False) and not _fits(part, inside[-1], told, False):
                part = host
            else:
                params["confirm_only"] = True
        return Candidate(code="GW107", kind="share", whole=(f,), parts=(part, inside[-1]), trigger="占…的",
                         explicit=not far, params=params)
    if far:
        return None
    # 脑血管疾病 40 人，占疾病总数 6%；心血管疾病 39 人，占疾病总数 5.8%: a figure with a share of the same
    # name of its own is one more part of that whole, never the whole
    said = cue + name
    before = [g for g in before if g is part or not _shares_of(idx, g, said)]
    earlier = [g for g in earlier if g is part or not _shares_of(idx, g, said)]
    larger = [g for g in before if g.span.end <= part.span.start and compatible(g, part) and g.value >= part.value]
    if name in vocab()["whole_words"] or len(name) < 2:  # 占总数的: the total just stated
        in_sent = [g for g in larger if g.span.start >= sent.start]
        head = text[sent.start:part.span.start].lstrip(SPACES)
        if not in_sent and (head.startswith("其中") or _breakdown_cue().match(head)):
            # 全年查办案件 1362 件。其中，食品安全案件 486 件，占 35.7%: the 其中 opens on the sentence
            # before; so does a criterion (完成投资 1.86 亿元。从资金来源看，中央和省级资金 10240 万元，占 55.1%)
            prev = idx.sentence_of(max(0, sent.start - 1))
            if _breakdown_cue().match(head) and prev.start > 0 and \
                    text[prev.start:prev.end].lstrip(SPACES).startswith(tuple(vocab()["subset_cues"][:1])):
                # 入库 1286 人。其中，A 398 人、B 427 人。从结构看，女性 502 人，占 39.0%: a criterion after a
                # 其中 sentence breaks down the whole that sentence breaks down, stated before it
                prev = Span(idx.sentence_of(prev.start - 1).start, prev.end)
            sibling = _sibling_whole(idx, prev, part) if _breakdown_cue().match(head) else None
            in_sent = [sibling] if sibling is not None else [g for g in larger if g.span.start >= prev.start]
        if in_sent and (shared := _shared_whole(idx, in_sent[-1], part)) is not None:
            in_sent = [shared]
        sibling = None
        if not in_sent:
            # 支持首套住房贷款 3652 笔，占发放笔数的 88.5%；向青年人发放贷款 1963 笔，占 47.6%: a bare share in
            # the ；-clause after a sibling's share is of the whole that share is of
            sibling = _clause_sibling_whole(idx, sent, part)
            in_sent = [sibling] if sibling is not None else []
        group = idx.group_at(f.span.start)
        if group is not None:  # 实有 59 人（其中 50 岁以上 18 人占 30.6%；…）: the bracket's head
            in_sent = [g for g in in_sent if g.span.end <= group.open] or in_sent
        whole = choose_whole(f, [part], in_sent) or (in_sent[-1] if in_sent else None)
        if whole is None:
            return None
        # 再就业 1.35 万人，其中就业困难人员 4,260 人，占 34.6%: the 其中 states the whole
        listed = any(w in text[whole.span.end:part.span.start] for w in vocab()["subset_cues"][:1])
        if sibling is not None:  # a reading of the clauses' parallel: kept only where it holds
            return Candidate(code="GW107", kind="share", whole=(f,), parts=(part, whole), trigger="占总数",
                             explicit=False, params={"complete": True, "confirm_only": True})
        return Candidate(code="GW107", kind="share", whole=(f,), parts=(part, whole), trigger="占总数",
                         explicit=listed, params={"complete": True})
    whole = _named(idx, name, larger, f, part)
    named = whole is not None
    if whole is None:  # the whole stated in another paragraph (占总诊疗人次的 52.7%)
        wholes = all_named(idx, name, [g for g in earlier if g is not part and same_kind(g, part)
                                        and g.value >= part.value])
        whole = choose_whole(f, [part], wholes)
        named = len(wholes) == 1 and bool(all_named(idx, name, wholes, shortened=False))
        if not wholes:
            counted_in = _unit_named(idx, name, f, part, [*larger, *reversed(earlier)])
            if counted_in is not None:
                return Candidate(code="GW107", kind="share", whole=(f,), parts=(part, counted_in),
                                 trigger=f"{cue}{name}", explicit=False,
                                 params={"complete": True, "confirm_only": True})
            return _qualified_item(idx, f, part, name, earlier, cue)
    if whole is None:
        return None
    place, stated = _place(text[at + len(cue):f.span.start]), _place(text[_sent_start(idx, whole):whole.span.start])
    if place and stated and place != stated:
        return None  # 占全省一般公共预算收入的 0.9% after 全县一般公共预算收入 10.5 亿元: another place's whole
    # a whole found by its name in another sentence stays a reading, even when one fact bears the name:
    # on held-out reports the name a cue gives was also another figure's (a warning, never an error) —
    # unless the sentence right before states it under that name, the only value so named in its paragraph
    near = whole.span.start >= sent.start or named and _stated_just_before(idx, f, whole, name)
    return Candidate(code="GW107", kind="share", whole=(f,), parts=(part, whole), trigger=f"{cue}{name}",
                     explicit=near, params={"complete": True, "named": named})


def _shares_of(idx: TextIndex, g: Figure, said: str) -> bool:
    """``g``'s own clause, before its next figure, states a share with the words ``said`` (占疾病总数
    after 脑血管疾病 40 人): ``g`` is a part of the whole so named."""
    sent = idx.sentence_of(g.span.start)
    end = next((i for i in range(g.span.end, sent.end) if idx.text[i] in "；;。"), sent.end)
    nxt = idx.figures_in(Span(g.span.end, end))
    if nxt:
        end = nxt[0].span.start
    return said in idx.text[g.span.end:end]


def _stated_just_before(idx: TextIndex, f: Figure, whole: Figure, name: str) -> bool:
    """全区一般公共预算支出完成 52.6 亿元，…。全年民生支出 41.2 亿元，占一般公共预算支出的 78.3%: the
    sentence right before the share's, in its paragraph, states the whole under the cue's own name,
    and no other value of the paragraph up to the share bears that name — the text's own pairing,
    as a whole stated in the share's sentence is (a miss is an error)."""
    # (sentences as 。 ends them: a ；-clause of the share's own sentence, or of the one before, is within)
    start = _full_start(idx, idx.sentence_of(f.span.start).start)
    if start == 0:
        return False
    prev = Span(_full_start(idx, idx.sentence_of(start - 1).start), start)
    if not prev.start <= whole.span.start < f.span.start or "\n" in idx.text[whole.span.end:f.span.start] \
            or name not in idx.clause_before(whole, 40):
        return False
    start = _paragraph_start(idx, whole.span.start)
    named = [g for g in idx.figures_in(Span(start, f.span.start))
             if g.unit == whole.unit and name in idx.clause_before(g, 40)]
    return len(_by_value(named)) == 1


def _full_start(idx: TextIndex, start: int) -> int:
    """Where the sentence ended by 。 (not by ；) that the sentence at ``start`` belongs to begins."""
    while start > 0 and idx.text[start - 1] in "；;":
        start = idx.sentence_of(start - 1).start
    return start


def _unit_named(idx: TextIndex, name: str, f: Figure, part: Figure, cands: list[Figure]) -> Figure | None:
    """占培训总人次的 59.7%, 占监测户总数的 60.2%: a name that ends in the unit its whole is counted in
    (人次, 户), or in that unit's count (笔数 of 占发放笔数的 88.5%), names that whole by the words
    before the unit, 总 left aside (培训 3,650 人次, 纳入监测对象 1,724 户) — no label says 培训人次, so loose a match is taken only where the rate holds, the nearest
    first."""
    unit = part.unit
    # (占发放笔数的 88.5%: the count of the unit, 笔数, names it as the unit alone does)
    counted = name.removesuffix("数") if name.endswith(f"{unit}数") else name
    if not unit or not counted.endswith(unit) or unit not in vocab()["count_units"]:
        return None
    short = counted[: -len(unit)].removesuffix("总")
    if len(short) < 2:
        return None
    stated = interval_of(f)
    return next((g for g in cands if g is not part and g.unit == unit and g.value > part.value
                 and short in idx.label_before(g, 24) and _fits(part, g, stated, False)), None)


def _sibling_whole(idx: TextIndex, prev: Span, part: Figure) -> Figure | None:
    """受理投诉 820 件。从渠道看，热线 410 件，占投诉总量的 50.0%；从类别看，物业 205 件，占 25.0%: a
    criterion opening on the sentence of another criterion breaks the same whole down another way,
    so its bare share (占 25.0%) is of the whole that sentence's share names (820 件), not of the
    other list's class (410 件)."""
    if not _breakdown_cue().match(idx.text[prev.start:prev.end].lstrip(SPACES)):
        return None
    for g in idx.figures_in(prev):
        c = named_share(idx, g) if g.unit == "%" and g.kind != "change" else None
        if c is not None and len(c.parts) == 2 and compatible(c.parts[1], part) and c.parts[1].value >= part.value:
            return c.parts[1]
    return None


def _shared_whole(idx: TextIndex, g: Figure, part: Figure) -> Figure | None:
    """物业类 205 件，占 25.0%，质量类 164 件，占 20.0%: a figure before the part that states its own
    share right after it is the part's sibling — one more class of the whole its share is of —
    never the part's whole; that share's whole is the part's too."""
    pct = next((h for h in idx.figures_in(Span(g.span.end, part.span.start)) if h.unit == "%"), None)
    if pct is None or pct.kind == "change" or len(idx.text[g.span.end:pct.span.start].strip(SPACES)) > 3:
        return None
    c = named_share(idx, pct)
    if c is None or len(c.parts) != 2 or c.parts[0] is not g:
        return None
    whole = c.parts[1]
    return whole if compatible(whole, part) and whole.value >= part.value else None


def _clause_sibling_whole(idx: TextIndex, sent: Span, part: Figure) -> Figure | None:
    """The whole of the share of the part's sibling in the ；-clause right before the part's (…3652 笔，
    占发放笔数的 88.5%；…1963 笔，占 47.6%): the last figure there of the part's unit, with its own share
    right after it; None when that clause states no such share."""
    k = sent.start
    while k > 0 and idx.text[k - 1] in SPACES:
        k -= 1
    if k == 0 or idx.text[k - 1] not in "；;":
        return None
    prev = idx.sentence_of(k - 1)
    sibs = [g for g in idx.figures_in(prev) if compatible(g, part) and g.kind != "change"]
    pct = next((h for h in idx.figures_in(Span(sibs[-1].span.end, prev.end)) if h.unit == "%"), None) if sibs else None
    if pct is None or pct.kind == "change":
        return None
    c = named_share(idx, pct)
    if c is None or len(c.parts) != 2 or c.parts[0] is not sibs[-1]:
        return None
    whole = c.parts[1]
    return whole if compatible(whole, part) and whole.value >= part.value else None


def _own_change_between(idx: TextIndex, part: Figure, at: int) -> bool:
    """职工医保参保 118.64 万人，同比增加 2.74 万人，占参保总人数的 28.8% (技术改造投资 30.3 亿元，同比增长
    18.4%，占工业投资的 46.8%): the clauses between the figure and the cue 占 each open on a comparison
    base (vocab comparison_bases) and state only changes — the figure's own change, said before its
    share — so the figure still stands right before 占 and is the part.  A clause stating a figure
    of its own (服务企业 800 家) leaves the part unread."""
    gap = idx.text[part.span.end:at]
    clauses = [c.strip(SPACES) for c in re.split(r"[，,]", gap)]
    clauses = [c for c in clauses if c]
    bases = tuple(vocab()["comparison_bases"])
    if not clauses or len(clauses) > 2 or not all(c.startswith(bases) for c in clauses):
        return False
    return all(g.kind == "change" or g.change is not None or g.unit == "%" or comparison_base(idx, g)
               for g in idx.figures_in(Span(part.span.end, at)))


def _sent_start(idx: TextIndex, g: Figure) -> int:
    return idx.sentence_of(g.span.start).start


def _place(words: str) -> str | None:
    """The level of the last place the words name (占全市…的 → 市; 全县一般公共预算收入 → 县), or None."""
    places = vocab()["whole_places"]
    found = [(words.rfind(w), places[w]) for w in places if w in words]
    return max(found)[1] if found else None


def _own_rate(idx: TextIndex, f: Figure, at: int) -> bool:
    """A percentage in a clause after the cue's that names a rate of its own (占签约居民总数的 57.2%，
    重点人群签约率达到 78.2%): the cue states the percentage of its own clause, and this one is
    the rate its clause names, of a whole the text need not state; or one its clause sets in
    another period (占总诊疗量的 62.9%，较上年同期的 60.7% 提高 2.2 个百分点): the cue's rate then."""
    own = clause_start(idx, f.span.start)
    words = (*vocab()["rate_words"], *longest_first("table_previous_words", "last_year_words"))
    return own > at and any(g.unit == "%" for g in idx.figures_in(Span(at, own))) \
        and any(w in idx.text[own:f.span.start] for w in words)


def _qualified_item(idx: TextIndex, f: Figure, part: Figure, name: str, earlier: list[Figure],
                    cue: str) -> Candidate | None:
    """老旧电梯 213 台，占在用电梯的 15.7% after 全县在用特种设备 4128 台，其中电梯 1356 台: a 其中 item
    is named with the words of the whole it is taken from (在用 of 在用特种设备 and 电梯), so the
    share's name may join them.  Found by name, so kept only when it holds."""
    head = core_name(name)
    found = []
    for g in earlier:
        if g is part or not same_kind(g, part) or g.value < part.value:
            continue
        label = idx.label_before(g, 16)
        if not label.startswith("其中") or len(label) < 4:
            continue
        host = idx.figure_before(g)
        if host is None or host.unit != g.unit or idx.sentence_of(host.span.start) != idx.sentence_of(g.span.start):
            continue
        item = label.removeprefix("其中")
        if head.endswith(item) and abbreviates(head, idx.label_before(host, 16) + item):
            found.append(g)
    if len(_by_value(found)) != 1 or not _fits(part, found[-1], interval_of(f), False):
        return None
    return Candidate(code="GW107", kind="share", whole=(f,), parts=(part, found[-1]), trigger=f"{cue}{name}",
                     explicit=False, params={"complete": True, "confirm_only": True})


def _named_ratio(idx: TextIndex, f: Figure) -> Candidate | None:
    """债务余额为限额的 93.7% after 政府债务限额 268.40 亿元 and 政府债务余额 251.37 亿元: a clause of
    two names joined by a ratio verb (vocab ratio_verbs: 为, 是 …) and no figure of its own, the
    first over the second, both found by their names as :func:`_by_names` finds a share's."""
    text = idx.text
    start = clause_start(idx, f.span.start)
    clause = text[start:f.span.start].strip(SPACES)
    if not clause.endswith("的") or idx.figures_in(Span(start, f.span.start)):
        return None
    for verb in vocab()["ratio_verbs"]:
        subject, _, name = clause[:-1].partition(verb)
        subject, name = _ORDINAL.sub("", subject), share_name(name)
        if len(subject) >= 2 and len(name) >= 2 and name not in vocab()["whole_words"]:
            return _by_names(idx, f, subject, name, operands_before(idx, start, 0), verb)
    return None


def _names_own_part(idx: TextIndex, prev: Figure, at: int) -> bool:
    """A new clause before 占 names another figure of the sentence as the part (企业 5.14 万户、个体
    工商户 13.21 万户，合作社 2700 户，企业占经营主体总量的 27.6%): the figure right before the
    clause is not the part.  A name no other figure carries (基层医疗卫生机构 73.7 万人次，基层门急诊
    量占全区的 39.5%) leaves it the part."""
    k = clause_start(idx, at)
    if k <= prev.span.end:
        return False
    name = idx.text[k:at].strip(SPACES)
    for w in vocab()["adverbs"]:
        name = name.removesuffix(w)
    if len(name) < 2:
        return False
    start = min(idx.sentence_of(at).start, prev.span.start)
    return any(name in idx.label_before(g, 16) for g in idx.figures_in(Span(start, prev.span.start))
               if g.unit == prev.unit)


def _subject_item(idx: TextIndex, before: list[Figure], at: int) -> Figure | None:
    """全年专利授权 5930 件，其中发明专利 1286 件、实用新型 3652 件、外观设计 992 件，发明专利授权量占
    专利授权总量的 21.7%: a clause of its own before 占 whose subject opens with the name of one item
    of the list just stated (its measure after it) has that item as its part, not the last item —
    when it names one item only and not the figure right before it."""
    last = before[-1]
    k = clause_start(idx, at)
    sent = idx.sentence_of(at)
    if k <= last.span.end or last.span.start < sent.start or any(ch in idx.text[last.span.end:k] for ch in "。；;"):
        return None
    subject = _ORDINAL.sub("", idx.text[k:at].strip(SPACES))
    if len(subject) < 3:
        return None
    items = [g for g in before if g.span.start >= sent.start and g.unit == last.unit]
    named = [g for g in items if len(n := _item_name(idx, g)) >= 2 and subject.startswith(n)]
    if len(named) != 1 or named[0] is last or _item_name(idx, last) in subject:
        return None
    return named[0]


def _item_name(idx: TextIndex, g: Figure) -> str:
    """The name a listed figure carries: its label without the word that opens the list (其中)."""
    label = idx.label_before(g, 16)
    for w in vocab()["subset_cues"]:
        label = label.removeprefix(w)
    return label.strip(SPACES + "、，,")


def _by_names(idx: TextIndex, f: Figure, subject: str, name: str, earlier: list[Figure],
              cue: str) -> Candidate | None:
    """道路交通事故占全部生产安全事故的 64.3%: part and whole both found by their names."""
    parts = all_named(idx, subject, earlier)
    stated = interval_of(f)
    pairs = [(p, w) for p in parts for w in all_named(idx, name, [g for g in earlier if g is not p
                                                                     and same_kind(g, p) and g.value >= p.value])]
    fit = next(((p, w) for p, w in reversed(pairs) if _fits(p, w, stated, False)), None)
    one = len(_by_value(pairs)) == 1  # one pairing, or one fact stated twice (5.26 万户 … 52600 户)
    # by their full names only: a shortened one (受理案件) is a reading, not the text's own pairing
    one = one and all(all_named(idx, n, [g], shortened=False) for n, g in zip((subject, name), pairs[0]))
    if fit is None and one:
        fit = pairs[-1]
    if fit is None:
        fit = near_miss(f, pairs)
    if fit is None:
        return None
    # the only figures the text names so: the pairing is the text's own, wherever they stand
    return Candidate(code="GW107", kind="share", whole=(f,), parts=fit, trigger=f"{cue}{name}", explicit=False,
                     params={"complete": True, "named_pair": one})


def _named_part(idx: TextIndex, f: Figure, subject: str, before: list[Figure], earlier: list[Figure],
                at: int) -> Candidate | None:
    """新增公办学位 3330 个，…，其中学前学位占 32.4%: a part named after 其中 with no figure of its
    own, over the whole the 其中 opens on (the sentence's last figure before it that is no target);
    the part is the figure stated earlier under that name (全年新增学前学位 1080 个).  Found by
    name, so kept only when it holds."""
    sent = idx.sentence_of(at)
    opened = idx.text.rfind("其中", sent.start, at)
    wholes = [g for g in before if sent.start <= g.span.start < opened and fact_kind(idx, g) != "target"]
    if not wholes:
        return None
    whole = wholes[-1]
    parts = [g for g in all_named(idx, subject, [g for g in earlier if g is not whole])
             if same_kind(g, whole) and g.value <= whole.value]
    stated = interval_of(f)
    fit = [p for p in parts if _fits(p, whole, stated, False)]
    if len(_by_value(fit)) != 1:
        return None
    return Candidate(code="GW107", kind="share", whole=(f,), parts=(fit[-1], whole), trigger="其中…占",
                     explicit=False, params={"complete": True, "confirm_only": True})


def _named(idx: TextIndex, name: str, cands: list[Figure], f: Figure, part: Figure) -> Figure | None:
    """The candidate whose clause names ``name``: the one the rate fits (接待住宿学员 and 接待学员
    both name 接待), else the nearest."""
    named = [g for g in cands if name in idx.clause_before(g, 40)]
    if not named:  # 占检查机构数的: 检查定点医药机构 2146 家, the name's head and tail around other words
        named = [g for g in cands if abbreviates(core_name(name), idx.clause_before(g, 40))]
        named = named if len(named) == 1 else counted(idx, name, cands)
    stated = interval_of(f)
    if not named and _head(name) != name:
        # 总诊疗 218.6 万人次；其中基层 131.8 万人次，占总诊疗量的 60.3%: the name without its
        # generic tail (量, 数, 额) — so loose a match is taken only where the rate holds
        return next((g for g in reversed(cands) if _head(name) in idx.clause_before(g, 40)
                     and _fits(part, g, stated, False)), None)
    return next((g for g in reversed(named) if _fits(part, g, stated, False)), named[-1] if named else None)


def _list_whole(idx: TextIndex, part: Figure) -> Figure | None:
    """The whole a 其中 list breaks down when ``part`` is the list's last item (X 168 个，其中 A 1 个、
    B 8 个、C 121 个): the figure of the part's unit right before the 其中, with only a comma between;
    None when the part closes no such list of two items or more."""
    text = idx.text
    sent = idx.sentence_of(part.span.start)
    cue = vocab()["subset_cues"][0]
    k = text.rfind(cue, sent.start, part.span.start)
    if k < 0 or any(ch in text[k:part.span.start] for ch in "，,；;。"):
        return None  # (a list of items parted by 、 only, inside one clause)
    items = [g for g in idx.figures_in(Span(k, part.span.end)) if g.unit == part.unit]
    if len(items) < 2 or "、" not in text[k:part.span.start]:
        return None
    before = [g for g in idx.figures_in(Span(sent.start, k)) if g.unit == part.unit]
    if not before or text[before[-1].span.end:k].strip(SPACES + "，,") or before[-1].value <= part.value:
        return None
    return before[-1]


def _cue_before(text: str, cue: str, lo: int, hi: int) -> int:
    """The last ``cue`` between ``lo`` and ``hi`` that is no part of a word it does not cue a share in
    (vocab ``not_share_cues``: 实际占用总床日数, 占地面积 — not 占地区生产总值的); -1 if none.

    >>> _cue_before("实际占用总床日数28.47万床日，床位使用率", "占", 0, 22), _cue_before("占全县的", "占", 0, 4)
    (-1, 0)
    """
    k = text.rfind(cue, lo, hi)
    while k >= 0 and any(text.startswith(w, k - w.index(cue)) for w in vocab()["not_share_cues"] if cue in w):
        k = text.rfind(cue, lo, k)
    return k
