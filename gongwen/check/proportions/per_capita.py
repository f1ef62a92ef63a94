"""Per-thousand and per-100,000 ratios: 每千常住人口床位 6.96 张 = 床位 ÷ 常住人口 × 1000; 死亡率
8.32/10万 = 例 ÷ 人 × 10万; a rate in ‰ of what its count is one of; and a per-capita ratio whose
count stands in a table's total row."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal

from ...figure import Figure
from ...model import Span
from ..evaluation.intervals import interval_of, longest_first, vocab
from ..reading.relations import Candidate, summable
from ..reading.textindex import SPACES, TextIndex
from .operands import _paragraph_start, _rate, compatible, near_miss, operands_before, populations


def _per_factor(idx: TextIndex, f: Figure) -> Decimal | None:
    for word, k in vocab()["per_factors"].items():
        if word in f.unit or word in f.unit_as_written or word in idx.clause_before(f, 24)[-20:]:
            return Decimal(k)
    return None


def per_ratio(idx: TextIndex, f: Figure) -> Candidate | None:
    """每千常住人口床位 6.96 张 = 床位 ÷ 常住人口 × 1000; 死亡率 8.32/10万 = 例 ÷ 人 × 10万."""
    k = _per_factor(idx, f)
    if k is None:
        return None
    start = _paragraph_start(idx, f.span.start, 600)
    before = operands_before(idx, f.span.start, max(0, start - 300))
    stated = interval_of(f)
    persons = [g for g in before if g.unit == "人" and g.value >= 1000]
    persons = [g for g in populations(idx, f) if g not in persons] + persons  # 常住人口 stated elsewhere
    base = f.unit.split("/")[0] if "/" in f.unit and not f.unit.startswith("1/") else f.unit
    stated_pair = _stated_pair(idx, f, base) or _named_pair(idx, f, base, start)
    if stated_pair is not None:
        return Candidate(code="GW106", kind="share", whole=(f,), parts=stated_pair, trigger="每千",
                         params={"complete": True, "factor": str(k)})
    counts = vocab()["count_units"]
    for whole in reversed(persons):
        for part in reversed(before):
            if part is whole or not (part.unit == base or (base not in counts and part.unit in counts)):
                continue
            try:
                comp = (interval_of(part) / interval_of(whole)).scale(k)
            except Exception:
                continue
            if comp.intersects(stated):
                return Candidate(code="GW106", kind="share", whole=(f,), parts=(part, whole), trigger="每千",
                                 explicit=False, params={"complete": True, "factor": str(k)})
    sent = idx.sentence_of(f.span.start)
    if f.unit == "‰":  # a rate per mille of what its count is one of (婴儿死亡 12 例 of 活产 5,196 例)
        pair = _per_mille(idx, f, before, sent.start, k)
        if pair is not None:
            return Candidate(code="GW106", kind="share", whole=(f,), parts=pair, trigger="‰",
                             explicit=False, params={"complete": True, "factor": str(k)})
    near = near_miss(f, [(p, w) for w in persons for p in before
                         if p is not w and p.span.start >= sent.start and (w.span.start >= sent.start or w not in before)
                         and (p.unit == base or (base not in counts and p.unit in counts))], k)
    if near is not None:
        # the population the rate names (每千常住人口 → 常住人口 312.6 万人) or one in its sentence
        label = idx.clause_before(f, 24)
        named = near[1].span.start >= sent.start or any(
            w in label and w in idx.label_before(near[1], 16) for w in vocab()["population_words"])
        return Candidate(code="GW106", kind="share", whole=(f,), parts=near, trigger="每千",
                         explicit=False, params={"complete": True, "factor": str(k), "named": named})
    return None


def _stated_pair(idx: TextIndex, f: Figure, base: str) -> tuple[Figure, Figure] | None:
    """实有床位 2,486 张，按常住人口 40.6 万人计算，每千常住人口床位数 6.12 张: the rate's sentence states
    the population it is per — named by a population word the rate's own words name too — and
    one figure of the rate's unit before it, the count: the text's own pairing, read whatever the
    values (a miss is an error, as a rate with its whole named).  None unless each is the only
    one so stated there."""
    sent = idx.sentence_of(f.span.start)
    words = [w for w in vocab()["population_words"] if w in idx.clause_before(f, 24)]
    if not words:
        return None
    before = [g for g in idx.figures_in(Span(sent.start, f.span.start)) if g.change is None and g.kind != "change"]
    wholes = [g for g in before if g.unit == "人" and any(w in idx.label_before(g, 16) for w in words)]
    parts = [g for g in before if g.unit == base and g not in wholes]
    return (parts[0], wholes[0]) if len(wholes) == 1 and len(parts) == 1 else None


def _named_pair(idx: TextIndex, f: Figure, base: str, start: int) -> tuple[Figure, Figure] | None:
    """每千常住人口医疗卫生机构床位数 6.90 张 after 实有床位 2,870 张 and 按全县常住人口 41.6 万人计算
    (每千名老年人拥有养老床位 38.2 张 after 养老床位 5860 张 and 60 周岁以上老年人 15.34 万人): the
    rate's words name both its operands — the people it is per, right after 每千, and the thing it
    counts, after them — so the figure of its unit before it in its window named by that thing
    (the same last two characters at least; not a 其中 part nor a new addition) and the population
    so named are its operands, read whatever the values (a miss is an error, as a rate with its
    whole named).  None unless each is one value so named, of the rate's year."""
    v = vocab()
    label = idx.clause_before(f, 30, list_items=True)
    at = label.rfind("每千")
    if at < 0 or f.kind != "actual" or f.bound is not None:
        return None
    words = _BRACKETED.sub("", label[at + 2:]).removeprefix("名")
    if "、" in words:  # 每千常住人口执业（助理）医师 3.65 人、注册护士 4.07 人: the item's own noun
        words = words[words.rfind("、") + 1:]
        pops = [w for w in v["population_words"] if w in label[at:]] or v["population_words"]
        thing = words
    else:
        pop = next((w for w in longest_first("population_words") if words.startswith(w)), None)
        if pop is not None:
            pops, thing = [pop], words[len(pop):]
        elif words.startswith(("人口", "人")):
            pops, thing = v["population_words"], words[2 if words.startswith("人口") else 1:]
        else:  # 每千名老年人拥有养老床位: the people named before 拥有
            own = next((w for w in _OWN if words.find(w) >= 2), None)
            if own is None:
                return None
            pops, thing = [words[:words.find(own)]], words[words.find(own):]
    for w in _OWN:
        thing = thing.removeprefix(w)
    thing = _VERB_TAIL.sub("", thing).removesuffix("数")
    if len(thing) < 2:
        return None
    year = (f.period or "")[:4]
    window = [g for g in idx.figures_in(Span(max(0, start - 300), f.span.start)) if g.bound is None
              and g.kind == "actual" and g.change is None and g.range_id is None and (g.period or "")[:4] == year]

    def named(g: Figure) -> str:
        return _BRACKETED.sub("", idx.label_before(g, 16))

    def name(g: Figure) -> str:
        # the thing a count names, read as the rate's own words are: its verb and a generic tail cut
        # (社会体育指导员总数达到 2.41 万名 names 社会体育指导员, as 每千人拥有社会体育指导员 does)
        cut = _VERB_TAIL.sub("", named(g))
        return next((cut.removesuffix(t) for t in longest_first("generic_tails") if cut.endswith(t)), cut)
    parts = [g for g in window if g.unit == base and summable(g) and _suffix(name(g), thing) >= 2
             and not any(w in named(g) for w in (*v["subset_cues"], *v["new_words"]))
             and not any(p in named(g) for p in pops)]
    wholes = [g for g in [*window, *idx.figures] if g.unit == "人" and g.value >= 1000 and g.bound is None
              and g.kind != "change" and idx.label_before(g, 16).endswith(tuple(pops) + tuple(f"{p}口" for p in pops))]
    if len({g.value for g in parts}) != 1 or len({g.value for g in wholes}) != 1:
        return None
    return parts[-1], wholes[0]


_BRACKETED = re.compile(r"[（(][^）)]*[）)]")
_OWN = ("拥有", "有")
# the verbs that end a rate's name before its figure (床位数达到, 医师数由 2.86 人提高到)
_VERB_TAIL = re.compile(r"(?:达到|达|为|由|从|提高|增加|增至|保持|稳定在).*$")


def _suffix(a: str, b: str) -> int:
    """The length of the longest common ending of two names."""
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _per_mille(idx: TextIndex, f: Figure, before: list[Figure], start: int, k: Decimal) -> tuple[Figure, Figure] | None:
    """The count of a rate in ‰ — in its sentence, nearest first — and what it is counted among,
    stated before it in the paragraph in its unit (全年活产 5,196 例，婴儿死亡 12 例，婴儿死亡率 2.31‰;
    森林面积 21.5 万公顷 … 受害森林面积 4.3 公顷，受害率 0.02‰): the pair that makes the rate hold."""
    para = idx.text.rfind("\n", 0, f.span.start) + 1
    stated = interval_of(f)
    for part in reversed([g for g in before if g.span.start >= start]):
        for whole in reversed([g for g in before if para <= g.span.start < part.span.start]):
            if compatible(whole, part) and whole.value >= part.value:
                comp = _rate(part, whole, k)
                if comp is not None and comp.intersects(stated):
                    return part, whole
    return None


def table_per_ratios(idx: TextIndex, figures: Sequence[Figure]) -> Iterator[Candidate]:
    """每千常住人口医疗卫生机构床位数达到 6.96 张 under a table whose 合计 row states the beds (床位数
    （张）… 合计 21760): a per-capita ratio whose count the text leaves to a table before it in its
    window (:func:`per_ratio`'s) — the total row's cell of the column the rate names — over a
    population the text states.  Found by search, so kept only when it holds."""
    cells = [g for g in figures if g.source == "table" and summable(g) and g.change is None]
    if not cells:
        return
    for f in idx.figures:
        k = _per_factor(idx, f)
        if k is None or f.kind == "change" or per_ratio(idx, f) is not None:
            continue
        start = max(0, _paragraph_start(idx, f.span.start, 600) - 300)
        base = f.unit.split("/")[0] if "/" in f.unit and not f.unit.startswith("1/") else f.unit
        label = idx.clause_before(f, 30)
        near = [g for g in cells if g.unit == base and start <= g.span.start < f.span.start
                and _total_cell(idx, g) and _header(g) in label]
        before = operands_before(idx, f.span.start, start)
        persons = [g for g in before if g.unit == "人" and g.value >= 1000]
        persons = [g for g in populations(idx, f) if g not in persons] + persons
        stated = interval_of(f)
        hit = None
        for whole in reversed(persons):
            for part in reversed(near):
                try:
                    comp = (interval_of(part) / interval_of(whole)).scale(k)
                except Exception:
                    continue
                if comp.intersects(stated):
                    hit = (part, whole)
                    break
            if hit:
                break
        if hit:
            yield Candidate(code="GW106", kind="share", whole=(f,), parts=hit, trigger="每千", explicit=False,
                            params={"complete": True, "factor": str(k), "confirm_only": True})


def _total_cell(idx: TextIndex, g: Figure) -> bool:
    """A table cell in the row of the table's total (合计, 总计 … opening its line)."""
    row = idx.text[idx.text.rfind("\n", 0, g.span.start) + 1:g.span.start].strip(SPACES)
    return row.startswith(tuple(vocab()["table_total_words"]))


def _header(g: Figure) -> str:
    """The name of a cell's column, its unit's bracket left out (床位数 of 床位数（张）); a cell
    without one names nothing (the empty name is in every label, so it is refused)."""
    name = re.split(r"[（(]", g.unit_as_written or "", maxsplit=1)[0].strip(SPACES)
    return name if len(name) >= 2 else "\0"
