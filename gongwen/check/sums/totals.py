"""Stated totals: 合计/共计/总计 after a list of same-unit items (GW102); 两项合计 also states how
many items there are (GW103)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ...figure import Figure
from ...model import Span
from ..evaluation.intervals import interval_of, longest_first, vocab
from ..reading.relations import Candidate, comparison_base, summable
from ..reading.textindex import SPACES, TextIndex, find_all


def stated_totals(idx: TextIndex) -> Iterator[Candidate]:
    """合计/共计/总计 after a list of same-unit items; 两项合计 also states the item count."""
    text = idx.text
    v = vocab()
    seen: set[int] = set()
    cues = [(c, False) for c in v["total_cues"]] + [(c, True) for c in v["loose_total_cues"]]
    for cue, loose in sorted(cues, key=lambda c: len(c[0]), reverse=True):
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
            words = text[pos + len(cue):total.span.start].strip(SPACES)
            gap = len(words)
            # 分别实现产值 a、b、c，三大主导产业合计实现产值 T: the words between the cue and the total
            # repeat what the items' clause says of them, so they name no other quantity
            if 3 < gap <= 8 and not loose and _CJK.fullmatch(words) and words in text[sent.start:pos]:
                gap = 0
            # 两项合计，年内新增公办学位 3330 个: a counted cue opening its sentence, then the total's clause
            lead = not loose and _count_before(text, pos) is not None and total.span.start < sent.end \
                and not text[sent.start:pos - len(_count_prefix(text, pos))].strip(SPACES)
            if gap > (0 if loose else 8 if back else 12 if lead else 3) or not summable(total):
                continue
            # the list opens after its opener: 将 9 个社区划分为综合网格 126 个、专属网格 38 个，共计
            # 164 个 adds the grids, not the communities they split
            opened = max((text.rfind(w, sent.start, pos) + len(w) for w in v["list_openers"]
                          if text.rfind(w, sent.start, pos) >= 0), default=sent.start)
            if back and opened == sent.start and sent.start == _sentence_start(text, pos):
                opened = _paragraph_start(idx, pos)
            # persons listed by program add up to person-times (两项补贴合计惠及 9,506 人次)
            units = [total.unit, *v["per_time_units"].get(total.unit, ())]
            items = [f for f in idx.figures_in(Span(opened, pos)) if f.unit in units
                     and idx.group_at(f.span.start) == idx.group_at(total.span.start)]
            n = _count_before(text, pos)
            if n is not None and len(items) > n:
                items = items[-n:]
            # 新增容量 16.3 万千伏安，其中甲变 10 万千伏安，乙变、丙变合计 6.3 万千伏安: a total whose own
            # clause lists what it totals by name (乙变、丙变), with no figure, totals those, not the
            # figures before its clause
            k = _clause_open(text, pos)
            if n is None and "、" in text[k:pos] and not idx.figures_in(Span(k, pos)) \
                    and all(f.span.end <= k for f in items):
                continue
            # 一般公共预算支出 58.6 亿元，教育支出 9.8 亿元…，合计 29.4 亿元: a figure larger than the
            # total is no item of it but the whole the items are taken from; the list starts after it
            while len(items) > 2 and items[0].value > total.value > 0:
                items = items[1:]
            # 两项基本养老保险合计参保 154.95 万人 with no item in its sentence, after 企业职工… 68.42 万人…；
            # 城乡居民… 86.53 万人: the count opening the sentence counts the last items of the paragraph
            # before it, kept when they add up
            opening = _count_opening(text[sent.start:pos].strip(SPACES)) if n is None and not items else None
            reach = opening is not None and not loose
            if reach and opening is not None:
                n = opening
                earlier = [f for f in idx.figures_in(Span(_paragraph_start(idx, opened), opened))
                           if f.unit in units and f.change is None and f.kind == total.kind
                           and idx.group_at(f.span.start) is None]
                items = (earlier + items)[-n:]
            elif lead and n is not None and not items:
                # …新增学前学位 1080 个。⏎…新增义务教育学位 2250 个。两项合计，新增公办学位 3330 个: the count
                # takes the last items stated before, back to the paragraph before, named as the total is
                reach = True
                line = text.rfind("\n", 0, _paragraph_start(idx, opened))
                start_of = _paragraph_start(idx, line) if line > 0 else 0
                earlier = [f for f in idx.figures_in(Span(start_of, opened))
                           if f.unit == total.unit and summable(f) and f.change is None and f.kind == total.kind
                           and idx.group_at(f.span.start) is None][-n:]
                if len(earlier) == n and _shared_name(idx.label_before(total, 16),
                                                      [idx.label_before(g, 16) for g in earlier]):
                    items = earlier
            partial = False
            if n is not None and not reach and len(items) < n:
                # 家电…兑付补贴资金 2148 万元；汽车…兑付补贴资金 1686 万元，两项合计 3834 万元: the count
                # names more items than its clause holds; the others stand earlier in the full sentence,
                # named as the total is.  A breakdown found only in part is no sum to check (the count
                # of items is still told)
                found = _counted_items(idx, total, units, pos, n)
                items, partial = found or items, found is None
            if n is None and len(items) < 2:
                continue
            start = pos - (len(_count_prefix(text, pos)))
            cue_span = Span(start, pos + len(cue))
            # 教育 a、社保 b、卫生 c，民生支出合计 T: a total named by a noun of its own, not by the
            # items' count (两项补贴合计) nor as theirs (上述…合计, 合计 right after them), may count
            # more than the items listed — verified when it holds, a miss reported when a misprint
            # of one figure explains it
            named = n is None and not back and _named_total(text, sent.start, pos)
            if items and not partial:
                yield Candidate(code="GW102", kind="sum", whole=(total,), parts=tuple(items),
                                trigger=text[start:pos + len(cue)], exhaustive=True, cue=cue_span,
                                explicit=not (back and opened < sent.start) and not reach and not named,
                                params={"per_time": True, "confirm_only": loose or reach or named,
                                        "anchored": named and not loose})
            if n is not None and not loose and not reach:
                yield Candidate(code="GW103", kind="count", whole=(total,), parts=tuple(items),
                                trigger=text[start:pos + len(cue)], cue=cue_span, params={"count": n})


def _counted_items(idx: TextIndex, total: Figure, units: list[str], pos: int, n: int) -> list[Figure] | None:
    """The last ``n`` figures of the total's unit and kind before its cue in the full sentence (past
    a ；), outside brackets, when they are ``n`` and share the total's name; else None."""
    found = [f for f in idx.figures_in(Span(_sentence_start(idx.text, pos), pos)) if f.unit in units
             and summable(f) and f.change is None and f.kind == total.kind and idx.group_at(f.span.start) is None]
    if len(found) < n:
        return None
    found = found[-n:]
    label = idx.label_before(total, 16)
    return found if _shared_name(label, [idx.label_before(g, 16) for g in found], every=True) else None


def _named_total(text: str, start: int, pos: int) -> bool:
    """The clause of a total cue at ``pos`` names what it totals (民生支出合计, 两大主导产业合计), not
    only when (全年合计) or nothing (…，合计 29.4 亿元)."""
    clause = re.split(r"[，,；;：:、]", text[start:pos])[-1].strip(SPACES)
    if _count_opening(clause) is not None:
        return False  # 三项支出合计: counted, so these items exactly
    for w in longest_first("subject_prefixes", "annual_words", "half_year_words"):
        clause = clause.replace(w, "")
    return re.search(r"[\u4e00-\u9fff]{2,}", clause) is not None


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
    for m in longest_first("count_measure"):
        s = pos - len(m)
        if s > 0 and text[s:pos] == m and text[s - 1] in v["count_words"]:
            return text[s - 1:pos]
    return ""


def _count_before(text: str, pos: int) -> int | None:
    p = _count_prefix(text, pos)
    return int(vocab()["count_words"][p[0]]) if p else None


def _count_opening(clause: str) -> int | None:
    """The count a clause opens with (两项…, 三类…), or None."""
    v = vocab()
    if len(clause) < 2 or clause[0] not in v["count_words"] or not any(
            clause.startswith(m, 1) for m in v["count_measure"]):
        return None
    return int(v["count_words"][clause[0]])


def distant_totals(idx: TextIndex) -> Iterator[Candidate]:
    """全县在校学生 76,482 人 in the opening, then 幼儿园在园幼儿 15,326 人，小学在校生 31,847 人，初中在校生
    17,905 人… in a later section: a list of three or more parts of one unit in one sentence adds up
    to a total stated before it, named with words most parts share (在校).  Found by
    search, so kept only when it holds, and only for a total of three significant digits or more
    (a small sum is met by chance)."""
    for run in _runs(idx):
        total = interval_of(run[0])
        for g in run[1:]:
            total = total + interval_of(g)
        labels = [idx.label_before(g, 16) for g in run]
        # a small total (16 家) is met by chance unless every part is named with its words (4A 级旅游
        # 景区 3 家、3A 级旅游景区 8 家、2A 级旅游景区 5 家 of A 级旅游景区由 14 家增加到 16 家)
        wholes = [w for w in idx.figures_in(Span(0, run[0].span.start)) if w.unit == run[0].unit and summable(w)
                  and w.kind == run[0].kind and w.change is None and interval_of(w).intersects(total)
                  and (w.value >= 100 * (w.quantum or 1) and w.previous is None
                       and _shared_name(idx.label_before(w, 16), labels)
                       or _shared_name(idx.label_before(w, 16), labels, every=True))]
        if len(wholes) == 1:
            yield Candidate(code="GW101", kind="sum", whole=(wholes[0],), parts=tuple(run), trigger="",
                            explicit=False, exhaustive=True, params={"confirm_only": True})


def _runs(idx: TextIndex) -> Iterator[list[Figure]]:
    """Lists of one unit in one sentence: three figures or more, one after another, nothing but
    their names between them."""
    run: list[Figure] = []
    for f in idx.figures:
        ok = summable(f) and f.change is None and f.previous is None and f.kind == "actual"
        if run and ok and f.unit == run[-1].unit and _list_gap(idx.between(run[-1].span.end, f.span.start)):
            run.append(f)
            continue
        if len(run) >= 3:
            yield run
        run = [f] if ok else []
    if len(run) >= 3:
        yield run


def _list_gap(gap: str) -> bool:
    """Between two items of a list: one comma or 、 and a short name, no full stop nor figure."""
    return len(gap) <= 16 and sum(gap.count(c) for c in "，,、") == 1 and not any(c in gap for c in "。；;\n")


def _shared_name(whole: str, labels: list[str], every: bool = False) -> bool:
    """Two characters of the total's name in most of the parts' names (在校 of 在校学生 in 小学在校生);
    with ``every``, four in all of them."""
    if every:
        runs = {whole[i:i + 4] for i in range(len(whole) - 3) if _CJK.fullmatch(whole[i:i + 4])}
        return any(all(r in lab for lab in labels) for r in runs)
    pairs = {whole[i:i + 2] for i in range(len(whole) - 1)}
    return any(2 * sum(p in lab for lab in labels) > len(labels) for p in pairs)


_CJK = re.compile(r"[\u4e00-\u9fff]+")


def breakdown_totals(idx: TextIndex) -> Iterator[Candidate]:
    """分产业看，第一产业增加值 a，…；第二产业 b，…；第三产业 c: after a cue that breaks a whole
    down by a criterion (vocab breakdown_cues: 分…看, 从…来看), the figures of one unit and kind up
    to the full stop are the parts of the nearest figure of that unit stated before the cue
    (地区生产总值 d in the paragraph before).  The parts named may not be all, so the sum is kept
    only when it holds."""
    text = idx.text
    for m in _breakdown_cue().finditer(text):
        end = min([i for i in (text.find("。", m.end()), text.find("\n", m.end())) if i >= 0] or [len(text)])
        listed = [f for f in idx.figures_in(Span(m.end(), end)) if _plain_amount(f)
                  and idx.group_at(f.span.start) is None]
        # last year's value a change is stated against (比上年同期的 261.3 亿元) is no whole of this year's parts
        before = [f for f in idx.figures_in(Span(0, m.start())) if _plain_amount(f)
                  and idx.group_at(f.span.start) is None and not comparison_base(idx, f)]
        for unit in dict.fromkeys(f.unit for f in listed):
            # the whole is of its parts' kind: 播种面积 68.42 万亩，完成任务 68 万亩的 100.6% … 分季看，夏粮
            # 21.30 万亩 breaks down what was sown, not the target stated last
            kinds = {f.kind for f in listed if f.unit == unit}
            prior = [w for w in before if w.unit == unit and w.kind in kinds]
            if not prior:
                continue
            whole = prior[-1]
            parts = [f for f in listed if f.unit == unit and f.kind == whole.kind]
            if len(parts) >= 2:
                yield Candidate(code="GW101", kind="sum", whole=(whole,), parts=tuple(parts),
                                trigger=m.group(0), explicit=False, exhaustive=True,
                                cue=Span(m.start(), m.end()), params={"confirm_only": True})


def _plain_amount(f: Figure) -> bool:
    """An amount or count stated as it is (not a change, nor the part of a range)."""
    return summable(f) and f.change is None and f.kind in ("actual", "target")


@cache
def _breakdown_cue() -> re.Pattern[str]:
    cues = vocab()["breakdown_cues"]
    opens = "|".join(map(re.escape, cues["opens"]))
    closes = "|".join(map(re.escape, sorted(cues["closes"], key=len, reverse=True)))
    return re.compile(f"(?:{opens})[^，,。；;：:\\n\\d]{{1,6}}(?:{closes})[，,：:]")


def named_sums(idx: TextIndex) -> Iterator[Candidate]:
    """共获得金牌 14 枚、银牌 11 枚、铜牌 17 枚，奖牌总数由上届的 33 枚增加到 42 枚: a figure its
    clause names a total (vocab sum_name_words: 总数, 总量 …) right after a list of two or more
    figures of its unit and kind in its sentence adds them up.  The list may be only some of
    the whole's parts, so the sum is kept only when it holds."""
    v = vocab()
    text = idx.text
    for t in idx.figures:
        if not _plain_amount(t) or t.bound is not None:
            continue
        opens = _clause_open(text, t.span.start)
        clause = text[opens:t.span.start]
        if not any(w in clause for w in v["sum_name_words"]) or idx.figures_in(Span(opens, t.span.start)):
            continue
        sent = idx.sentence_of(t.span.start)
        before = [g for g in idx.figures_in(Span(sent.start, opens)) if g.unit == t.unit]
        items: list[Figure] = []
        for g in reversed(before):  # the run of items right before the total's clause
            if not _plain_amount(g) or g.kind != t.kind or idx.group_at(g.span.start) is not None:
                break
            if items and not _list_gap(text[g.span.end:items[-1].span.start]):
                break
            items.append(g)
        if len(items) >= 2 and _list_gap(text[items[0].span.end:opens]):
            yield Candidate(code="GW101", kind="sum", whole=(t,), parts=tuple(reversed(items)), trigger=clause,
                            explicit=False, exhaustive=True, params={"confirm_only": True})


def _clause_open(text: str, pos: int) -> int:
    """Where the clause of ``pos`` opens (after the last comma, colon or full stop before it)."""
    return max(text.rfind(ch, 0, pos) for ch in "，,；;。：:\n") + 1
