"""Shares whose operands the wording lays out: several at once (甲 52 件、乙 1102.3 万元，分别占全部
案件数和追回总额的 59.8% 和 79.4%), a ratio to a figure the cue states (存栏 17.9 万头，为正常保有量
17.2 万头的 104.1%) the members of a structure (三次产业结构为 10.2:41.1:48.7 after the three
parts) and a multiple of two named figures (带动就业 1236 人，带动就业人数是扶持创业人数的 3 倍).  Each yields a share :class:`Candidate` (``rate = part ÷ whole × 100``) evaluated by
:func:`gongwen.check.evaluation.ratios.eval_share`; read by :func:`gongwen.check.proportions.rates.stated_rates`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache
from itertools import combinations

from ...figure import Figure
from ...model import Span
from ..evaluation.intervals import hundred_percent, interval_of, longest_first, vocab
from ..reading.relations import Candidate, abbreviates, summable
from ..reading.textindex import SPACES, TextIndex
from .operands import all_named, choose_whole, compatible, core_name, operands_before, same_kind, share_name


@lru_cache(maxsize=1)
def _joins() -> re.Pattern[str]:
    """The words joining a list's names or figures (和, 与, 及 …: vocab ``list_joiners``) and 、."""
    return re.compile("|".join(map(re.escape, ["、", *sorted(vocab()["list_joiners"], key=len, reverse=True)])))


def respective_share(idx: TextIndex, f: Figure) -> Candidate | None:
    """The k-th of the rates after 分别占 N1 和 N2 的 is the k-th part before 分别 over the whole the
    k-th name designates (one name: the whole of every part).  A whole stated in the sentence is
    the text's own pairing; one found by its name elsewhere is read (a miss warns)."""
    text = idx.text
    sent = idx.sentence_of(f.span.start)
    cues = [f"{w}{c}" for w in vocab()["respectively"] for c in vocab()["share_cues"]]
    at, cue = max(((text.rfind(c, sent.start, f.span.start), c) for c in cues), default=(-1, ""))
    if at < 0:
        return None
    rates = [g for g in idx.figures_in(Span(at, sent.end)) if g.unit == "%"]
    gap = text[at + len(cue):rates[0].span.start] if rates else ""
    if f not in rates or "的" not in gap or idx.figures_in(Span(at, rates[0].span.start)):
        return None
    joined = [rates[0]]
    for g in rates[1:]:  # 59.8% 和 79.4%: the rates joined to the first one
        if not _joins().fullmatch(text[joined[-1].span.end:g.span.start].strip(SPACES)):
            break
        joined.append(g)
    if f not in joined or len(joined) < 2:
        return None
    names = [n for n in _joins().split(gap[:gap.rindex("的")]) if n.strip(SPACES)]
    parts = operands_before(idx, at, sent.start)[-len(joined):]
    if len(parts) < len(joined):
        # 市内件 0.48 亿件，…；省内件 1.80 亿件，…；跨省件 0.12 亿件，…，三者分别占…的 20.0%、75.0% 和 5.0%:
        # the parts listed across the ；-clauses of the full sentence, one unit
        full = max(text.rfind("。", 0, sent.start), text.rfind("\n", 0, sent.start)) + 1
        parts = operands_before(idx, at, full)[-len(joined):]
        if len({p.unit for p in parts}) != 1:
            return None
    if len(parts) != len(joined) or len(names) not in (1, len(joined)):
        return None
    k = joined.index(f)
    part, name = parts[k], share_name(names[k] if len(names) > 1 else names[0])
    if len(name) < 2:
        return None
    earlier = [g for g in operands_before(idx, parts[0].span.start, 0) if same_kind(g, part)
               and g.value >= part.value]
    wholes = all_named(idx, name, earlier) or all_named(idx, _head(name), earlier) or \
        [g for g in earlier if abbreviates(core_name(name), idx.clause_before(g, 40))]
    whole = choose_whole(f, [part], wholes)
    if whole is None:
        return None
    return Candidate(code="GW107", kind="share", whole=(f,), parts=(part, whole), trigger=f"{cue}{name}",
                     explicit=whole.span.start >= sent.start,
                     params={"complete": True, "named": len(wholes) == 1})


def _head(name: str) -> str:
    """A whole's name without its generic tail, two characters at least (案件数 → 案件)."""
    for w in longest_first("generic_tails"):
        if name.endswith(w) and len(name) >= len(w) + 2:
            return name[: -len(w)]
    return name


def stated_ratio(idx: TextIndex, f: Figure) -> Candidate | None:
    """能繁母猪存栏 17.9 万头，为正常保有量 17.2 万头的 104.1%: the figure before the verb over the
    figure the cue states right before 的 (a ratio, so above 100 % too).  Both stand in the rate's
    sentence, named by the wording: the text's own pairing."""
    text = idx.text
    sent = idx.sentence_of(f.span.start)
    before = operands_before(idx, f.span.start, sent.start)
    if len(before) < 2 or text[before[-1].span.end:f.span.start].strip(SPACES) != "的":
        return None
    whole, part = before[-1], before[-2]
    between = text[part.span.end:whole.span.start]
    verb = next((w for w in vocab()["ratio_verbs"] if re.match(rf"[，,]?\s*{w}", between)), None)
    if verb is None or any(ch in between for ch in "。；;") or not compatible(part, whole):
        return None
    if idx.figures_in(Span(part.span.end, whole.span.start)):
        return None
    if len(before) > 2 and compatible(before[-3], part) and _joins().search(text[before[-3].span.end:part.span.start]):
        return None  # 城镇 3 万人、农村 2 万人，为总数 10 万人的 50%: the part may be the list's sum
    return Candidate(code="GW107", kind="share", whole=(f,), parts=(part, whole), trigger=f"{verb}…的",
                     params={"complete": True})


def structure_share(idx: TextIndex, f: Figure) -> Candidate | None:
    """三次产业结构为 10.2:41.1:48.7 after 第一产业 6.98 亿元、第二产业 28.10 亿元、第三产业 33.34 亿元
    and 地区生产总值 68.42 亿元: the k-th member is the k-th of the last parts of its paragraph over
    the whole their sum makes.  The pairing is read: a miss warns."""
    text = idx.text
    members = _ratio_members(idx, f)
    if len(members) < 2:
        return None
    start = text.rfind("\n", 0, members[0].span.start) + 1
    found = _structure_operands(idx, members, start)
    before = found is None and start > 0
    if before:
        # the parts and their whole in the paragraph before (分产业看，…。\n三次产业结构为 …): read
        # there only when the sum of the parts is a figure stated there, and kept when it holds
        above = text.rfind("\n", 0, start - 1) + 1
        # …and their whole further up (the 地区生产总值 of the opening before 分产业看，…)
        found = _structure_operands(idx, members, above) or _structure_operands(idx, members, above, 0)
    if found is None:
        return None
    parts, whole = found
    return Candidate(code="GW107", kind="share", whole=(f,), parts=(parts[members.index(f)], whole),
                     trigger="结构", explicit=False, params={"complete": True, "confirm_only": before})


def _structure_operands(idx: TextIndex, members: list[Figure], start: int, whole_from: int | None = None
                        ) -> tuple[list[Figure], Figure] | None:
    """The last figures before a structure from ``start`` on, one per member, and the earlier
    figure their sum makes (the whole: from ``whole_from`` on when given), or None."""
    def pool_from(at: int) -> list[Figure]:
        return [g for g in operands_before(idx, members[0].span.start, at)
                if g.kind == "actual" and g.period == members[0].period or not g.period]
    pool = pool_from(start)
    if len(pool) < len(members) or len(pool) == len(members) and whole_from is None:
        return None
    parts = pool[-len(members):]
    if whole_from is not None:
        pool = pool_from(whole_from)
    if len({g.unit for g in parts}) != 1:
        return None
    total = interval_of(parts[0])
    for g in parts[1:]:
        total = total + interval_of(g)
    whole = next((g for g in reversed(pool[:-len(members)]) if g.unit == parts[0].unit
                  and interval_of(g).intersects(total)), None)
    return None if whole is None else (parts, whole)


def structure_sums(idx: TextIndex) -> Iterator[Candidate]:
    """三次产业结构为 10.2:41.1:48.7: the members of a structure in percent make up the whole, 100%
    (each rounded to its last place, so the sum is 100 within their rounding).  The percent sign
    is the extractor's reading of a colon ratio after 结构.  A sum near 100 is kept only when it
    holds (shares computed from rounded amounts may miss by a tenth or two); three parts or more
    are shares whatever they sum to, and one that misses 100 by more than a point has no reading
    that makes it true (a slipped digit: 10.2:14.1:48.7)."""
    seen: set[int] = set()
    for f in idx.figures:
        if id(f) in seen or f.unit != "%" or f.change is not None:
            continue
        members = _ratio_members(idx, f)
        seen.update(id(g) for g in members)
        if len(members) < 2 or any(g.unit != "%" or g.change is not None for g in members):
            continue
        stated = len(members) >= 3 and abs(sum((g.value for g in members), Decimal(0)) - 100) > _slack(members)
        yield Candidate(code="GW101", kind="sum", whole=(hundred_percent(members[0], "合计", exact=True),), parts=tuple(members),
                        trigger="结构", explicit=stated, exhaustive=True,
                        params={} if stated else {"confirm_only": True})


# how far the shares of a structure may miss 100 when computed from rounded amounts: at most a
# point, and no more than half a point beyond what the members' own rounding explains
_STRUCTURE_SLACK = Decimal(1)
_STRUCTURE_MARGIN = Decimal("0.5")


def _slack(members: list[Figure]) -> Decimal:
    """How far a structure's members may miss 100 and still be read as meant to make it: their
    rounding (half a unit of each one's last place: ±0.15 for 10.2:41.1:48.7) and half a point for
    shares computed from rounded amounts, a point at most.  A member one point off (11.2:41.1:48.7,
    101.0) is beyond both: a slipped digit, as far off as any reading leaves it.

    >>> _slack([Figure(Decimal("10.2"), "%", quantum=Decimal("0.1"))] * 3), _slack([Figure(Decimal(10), "%")] * 3)
    (Decimal('0.65'), Decimal('1'))
    """
    rounding = sum((g.quantum / 2 for g in members), Decimal(0))
    return min(_STRUCTURE_SLACK, rounding + _STRUCTURE_MARGIN)


def _ratio_members(idx: TextIndex, f: Figure) -> list[Figure]:
    """The figures of a ratio written with colons (10.2:41.1:48.7) that ``f`` belongs to."""
    sent = idx.sentence_of(f.span.start)
    figs = idx.figures_in(sent)
    i = next((k for k, g in enumerate(figs) if g is f), None)
    if i is None:
        return []

    def colon(a: Figure, b: Figure) -> bool:
        return idx.text[a.span.end:b.span.start].strip(SPACES) in (":", "：", "∶")  # ∶ the ratio sign
    lo = i
    while lo > 0 and colon(figs[lo - 1], figs[lo]):
        lo -= 1
    hi = i
    while hi + 1 < len(figs) and colon(figs[hi], figs[hi + 1]):
        hi += 1
    return figs[lo:hi + 1] if hi > lo else []


def named_multiple(idx: TextIndex, f: Figure) -> Candidate | None:
    """带动就业 1236 人 … 带动就业人数是扶持创业人数的 3 倍: A 是 B 的 k 倍 over the two figures of the
    sentence before it that the names designate, each the only one so named (扶持 412 人自主创业 is
    named 扶持创业 around its figure).  The pairing is read: a miss warns.

    A multiple whose clause opens with its verb (直接带动消费 2.86 亿元，是消费券发放金额的 23.8 倍)
    leaves its subject unsaid: A is the figure the clause follows in its sentence.  A name designating
    no figure of the sentence names one stated earlier in the paragraph (收到行政复议申请 428 件 …。同期
    行政诉讼一审收案 186 件，行政复议申请量是行政诉讼一审收案量的 2.3 倍); a figure found so far away
    is a reading, kept only when the multiple holds."""
    text = idx.text
    sent = idx.sentence_of(f.span.start)
    head = text[max(sent.start, f.span.start - 30):f.span.start].strip(SPACES)
    if not head.endswith("的"):
        return None
    head = re.split(r"[，,：:（()）]", head[:-1])[-1]
    verb = next((w for w in vocab()["ratio_verbs"] if w in head), None)
    if verb is None:
        return None
    a_name, b_name = (_head(n.strip(SPACES)) for n in head.split(verb, 1))
    pool = operands_before(idx, f.span.start, sent.start)
    read = False
    if _unsaid(a_name):
        # (a hedged figure is an operand too: 带动体育消费约 560 万元，为发放额的 7 倍)
        before = [g for g in idx.figures_in(Span(sent.start, f.span.start - len(head) - 1)) if summable(g)
                  and g.kind != "change" and g.change is None and g.bound in (None, "~")]
        a = before[-1] if before else None
        b = _designated(idx, b_name, [g for g in pool if g is not a])
        if a is not None and b is None:
            b, read = _designated_earlier(idx, f, b_name, a, sent), True
    else:
        a, b = _designated(idx, a_name, pool), _designated(idx, b_name, pool)
        if (a is None) != (b is None):
            known = a or b
            assert known is not None
            other = _designated_earlier(idx, f, b_name if b is None else a_name, known, sent)
            a, b, read = a or other, b or other, True
    if a is None or b is None or a is b or not compatible(a, b):
        return None
    return Candidate(code="GW107", kind="share", whole=(f,), parts=(a, b), trigger=f"{verb}…的",
                     explicit=False, params={"complete": True, "factor": "1", "confirm_only": read})


def _unsaid(name: str) -> bool:
    """A side of 是…的 that names nothing but an adverb (约为, 仅为): the subject left unsaid."""
    for w in longest_first("adverbs"):
        name = name.replace(w, "")
    return not name


def _designated_earlier(idx: TextIndex, f: Figure, name: str, other: Figure, sent: Span) -> Figure | None:
    """The figure ``name`` designates among those of the multiple's paragraph before it, of a unit
    ``other`` divides, whose ratio to ``other`` (either way round) is the stated multiple: named by
    its label (its words around it) or by a run of three characters of the name, the one that
    holds."""
    start = idx.text.rfind("\n", 0, sent.start) + 1
    pool = [g for g in operands_before(idx, f.span.start, start) if g is not other and compatible(g, other)]
    named = [g for g in pool if _designated(idx, name, [g]) is g] or \
        [g for g in pool if any(name[i:i + 3] in idx.label_before(g, 16) for i in range(len(name) - 2))]
    stated = interval_of(f)
    for g in reversed(named):
        try:
            if any((interval_of(x) / interval_of(y)).intersects(stated) for x, y in ((other, g), (g, other))):
                return g
        except Exception:
            continue
    return None


def _designated(idx: TextIndex, name: str, pool: list[Figure]) -> Figure | None:
    """The one figure of ``pool`` whose words around it name ``name`` (its label before, or its head
    before and tail after: 扶持 412 人自主创业 for 扶持创业)."""
    if len(name) < 2:
        return None
    found = [g for g in pool if name in idx.label_before(g, 16)
             or abbreviates(name, idx.label_before(g, 16) + "|" + idx.words_after(g, 8))]
    return found[0] if len(found) == 1 else None


def summed_shares(idx: TextIndex) -> Iterator[Candidate]:
    """分机构看，县级医院 62.8 万人次，乡镇卫生院 71.5 万人次，村卫生室 52.1 万人次，基层医疗卫生机构诊疗
    人次占比 66.3%: a share after a closed list (its parts make a whole stated before them) that
    no wording pairs with one part is the share of some of the parts added, the group it names
    (基层 = 乡镇卫生院 + 村卫生室).  The group is found by search: kept only when exactly one set of
    two or more parts, not all, gives the share, and only when it holds."""
    from .counted_rates import closed_list
    from .rates import percent_rate

    words = vocab()["summed_share_words"]
    for f in idx.figures:
        if f.unit != "%" or f.kind not in ("share", "actual") or f.change is not None or f.range_id is not None:
            continue
        if not any(w in idx.clause_before(f, 24) for w in words) or percent_rate(idx, f) is not None:
            continue
        closed = closed_list(idx, f)
        if closed is None:
            continue
        run, whole = closed
        stated = interval_of(f)
        hits = []
        for k in range(2, len(run)):
            for group in combinations(run, k):
                top = interval_of(group[0])
                for g in group[1:]:
                    top = top + interval_of(g)
                if (top / interval_of(whole)).scale(Decimal(100)).intersects(stated):
                    hits.append(group)
        if len(hits) == 1:
            yield Candidate(code="GW107", kind="share", whole=(f,), parts=(*hits[0], whole), trigger="占比",
                            explicit=False, params={"complete": True, "confirm_only": True})
