"""Relation discovery: which figures the text says add up, differ, divide or repeat.

Explicit cues come first (bracketed breakdowns after a total, 其中 lists, 合计/共计, 由 A 提高至 B
提高了 D, 救助水平 … 元/人次 after 人次 and 金额, 分别增加 a%、b%、c%, 占…的 x%); each yields a
:class:`Candidate` that :mod:`gongwen.check.rules` evaluates with interval arithmetic.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
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


def discover(idx: TextIndex) -> list[Candidate]:
    """Every explicit relation in a text, in text order of their first operand."""
    out: list[Candidate] = []
    out += list(bracket_breakdowns(idx))
    out += list(subset_lists(idx))
    out += list(listed_breakdowns(idx))
    out += list(classified_breakdowns(idx))
    out += list(respective_breakdowns(idx))
    out += list(stated_totals(idx))
    out += list(stated_changes(idx))
    out += list(respective_changes(idx))
    out += list(ratio_levels(idx))
    out += list(derived_growth(idx))
    out.sort(key=lambda c: min((f.span.start for f in c.figures), default=0))
    return out


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
                      and idx.group_at(f.span.start) == g]
            after = _list_items(idx, [f for f in idx.figures_in(Span(pos, end))  # 较上年增加 1265 人 is no part
                                      if summable(f) and f.kind != "change" and idx.group_at(f.span.start) == g])
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
                    exhaustive = (exhaustive_set(labels) or _named_categories(idx, whole, labels)) and not etc
                    yield Candidate(code="GW101" if exhaustive else "GW108",
                                    kind="sum" if exhaustive else "subset", whole=(whole,), parts=tuple(ps),
                                    trigger=cue, exhaustive=exhaustive, cue=Span(pos, pos + len(cue)),
                                    params={"labels": labels, "subset_cue": cue,
                                            "disjoint": not exhaustive and disjoint_set(labels)})


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
        prev = idx.sentence_of(pos - 1) if pos == sent.start and sent.start > 0 else Span(sent.start, pos)
        before = [f for f in idx.figures_in(Span(prev.start, pos)) if summable(f) and f.kind != "change"]
        for whole in before[:1] + [f for f in before[1:] if f.unit != before[0].unit][:1]:
            parts = [f for f in after if f.unit == whole.unit]
            if len(parts) < 2:
                continue
            labels = [idx.category_of(p) for p in parts]
            yield Candidate(code="GW101", kind="sum", whole=(whole,), parts=tuple(parts), trigger=m.group(0),
                            exhaustive=True, cue=Span(pos, pos + len(m.group(0))), params={"labels": labels})


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
            if len(text[pos + len(cue):total.span.start].strip(SPACES)) > 3 or not summable(total):
                continue
            sent = idx.sentence_of(pos)
            # the list opens after its opener: 将 9 个社区划分为综合网格 126 个、专属网格 38 个，共计
            # 164 个 adds the grids, not the communities they split
            opened = max((text.rfind(w, sent.start, pos) + len(w) for w in v["list_openers"]
                          if text.rfind(w, sent.start, pos) >= 0), default=sent.start)
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
                                trigger=text[start:pos + len(cue)], exhaustive=True, cue=cue_span)
            if n is not None:
                yield Candidate(code="GW103", kind="count", whole=(total,), parts=tuple(items),
                                trigger=text[start:pos + len(cue)], cue=cue_span, params={"count": n})


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


# -- changes: direction, difference, growth -----------------------------------------------------

def _verb(s: str) -> tuple[int, str] | None:
    """The last change verb in ``s`` and its sign (+1 提高/增加…, −1 减少/下降…)."""
    v = vocab()
    hits = []
    for sign, key in ((1, "increase_verbs"), (-1, "decrease_verbs")):
        for w in v[key]:
            i = s.rfind(w)
            if i >= 0:
                hits.append((i, len(w), sign, w))
    if not hits:
        return None
    best = max(hits)
    return best[2], best[3]


def _verb_sign(s: str) -> int | None:
    hit = _verb(s)
    return hit[0] if hit else None


def previous_figure(idx: TextIndex, fig: Figure) -> Figure | None:
    """The stated old value of a change as a figure of its own (value, span, precision)."""
    if fig.previous is None:
        return None
    span = fig.previous_span
    if span is None or span.end > len(idx.text):
        return replace(fig, value=fig.previous, previous=None, change=None, approx=None, bound=None,
                       id=f"{fig.id}.previous", as_written=written_like(fig, fig.previous, fig.unit))
    lit = idx.text[span.start:span.end]
    return replace(fig, value=fig.previous, previous=None, change=None, approx=None, bound=None,
                   id=f"{fig.id}.previous", span=span, as_written=lit, quantum=_quantum_of(lit, fig))


def _plain(v: Decimal) -> str:
    return format(v.normalize(), "f") if v != 0 else "0"


def written_like(fig: Figure, v: Decimal, unit: str) -> str:
    """A value the text implies (an old value, a stated change) written in the scale ``fig`` is
    printed in when it shares its unit: 3728.02万元, never 37280200元.

    >>> written_like(Figure(value=Decimal(415700), unit="元", as_written="41.57万元"), Decimal(3728020), "元")
    '372.802万元'
    """
    if unit == fig.unit:
        for w in ("亿", "万"):  # not 千: 千克 and 千瓦时 are units
            if w in fig.as_written or w in fig.unit_as_written:
                return _plain(v / Decimal(vocab()["scale_words"][w])) + w + unit
    return _plain(v) + unit


def _quantum_of(literal: str, fig: Figure) -> Decimal:
    """Precision of a literal: 10^−decimals × the scale word (万/亿) it carries."""
    digits = "".join(ch for ch in literal if ch.isdigit() or ch == ".")
    dec = len(digits.split(".", 1)[1]) if "." in digits else 0
    q = Decimal(1).scaleb(-dec)
    for w, k in sorted(vocab()["scale_words"].items(), key=lambda kv: -len(kv[0])):
        if w in literal:
            return q * Decimal(k)
    if "万" in fig.as_written and not any(w in literal for w in vocab()["scale_words"]):
        return fig.quantum  # the scale word is printed once for both values
    return q


def stated_changes(idx: TextIndex) -> Iterator[Candidate]:
    """由 A 提高至 B（，提高了 D | 增长 r%）: direction, difference and growth checks."""
    text = idx.text
    v = vocab()
    for fig in idx.figures:
        fig = _paired(idx, fig)
        prev = previous_figure(idx, fig)
        if prev is None or _in_list(idx, fig, prev):
            continue
        lo = prev.span.end if fig.previous_span else max(0, fig.span.start - 20)
        if lo > fig.span.start:
            lo = max(0, fig.span.start - 20)
        hit = _verb(text[lo:fig.span.start]) or \
            _verb(text[max(0, (fig.previous_span or fig.span).start - 8):fig.span.start])
        if hit is not None:
            yield Candidate(code="GW114", kind="direction", whole=(fig,), parts=(prev,),
                            trigger=hit[1], params={"sign": hit[0], "verb": hit[1]})
        delta = _delta_after(idx, fig)
        if delta is not None:
            d, dsign, kind_unit = delta
            if kind_unit == "abs":
                yield Candidate(code="GW104", kind="diff", whole=(fig,), parts=(prev, d),
                                trigger="提高了" if dsign > 0 else "减少了", params={"sign": dsign})
            else:
                yield Candidate(code="GW105", kind="growth", whole=(fig,), parts=(prev, d),
                                trigger="增长" if dsign > 0 else "下降",
                                params={"sign": dsign, "unit": kind_unit})
        elif fig.change is not None:
            cu = fig.change_unit or fig.unit
            d = replace(fig, value=abs(fig.change), previous=None, change=None, id=f"{fig.id}.change",
                        unit=cu, as_written=written_like(fig, abs(fig.change), cu), quantum=_change_quantum(fig))
            dsign = 1 if fig.change >= 0 else -1
            if cu == fig.unit or (cu == "个百分点" and fig.unit == "%"):
                yield Candidate(code="GW104", kind="diff", whole=(fig,), parts=(prev, d),
                                trigger="提高了" if dsign > 0 else "减少了", params={"sign": dsign})
            elif cu in ("%", "倍"):
                yield Candidate(code="GW105", kind="growth", whole=(fig,), parts=(prev, d),
                                trigger="增长", params={"sign": dsign, "unit": cu})
    _ = v


def _paired(idx: TextIndex, fig: Figure) -> Figure:
    """由上年的 2.36 万亩扩大到 2.58 万亩 where the extractor left the two values apart: the earlier
    one is the old value of the later (由/从 before it, a change verb and 到/至 between them)."""
    if fig.previous is not None or fig.kind == "change":
        return fig
    a = idx.figure_before(fig)
    if a is None or a.unit != fig.unit or a.previous is not None or a.kind == "change":
        return fig
    gap = idx.text[a.span.end:fig.span.start].strip(SPACES)
    hit = _verb(gap)
    v = vocab()
    if hit is None or not gap.startswith(hit[1]) or gap[len(hit[1]):] not in v["to_words"] \
            and not any(hit[1].endswith(w) for w in v["to_words"]):
        return fig
    head = idx.text[max(0, a.span.start - 8):a.span.start]
    if not any(w in head for w in v["from_words"]):
        return fig
    return replace(fig, previous=a.value, previous_span=a.span)


def _in_list(idx: TextIndex, fig: Figure, prev: Figure) -> bool:
    """分别由 A、B 提高到 C、D: the pairing of old and new values is positional; checks on such
    lists are left out unless the extractor paired them (a list element is preceded by 、/和 or
    followed by one)."""
    text = idx.text
    if fig.previous_span is None:
        return False
    before = text[max(0, prev.span.start - 1):prev.span.start]
    after = text[fig.span.end:fig.span.end + 1]
    after_prev = text[prev.span.end:prev.span.end + 1]
    return before in ("、", "和", "及") or after in ("、", "和", "及") or after_prev in ("、", "和", "及")


def _own_clause(idx: TextIndex, fig: Figure, prev: Figure) -> bool:
    """Each change in its own clause, old value before new (城市…由 780 元提高到 820 元，农村…由
    7,200 元提高到 7,680 元): the pairing is the extractor's, not positional."""
    return fig.previous_span is not None and prev.span.end <= fig.span.start and \
        not any(ch in idx.text[prev.span.end:fig.span.start] for ch in "，,；;、")


def _change_quantum(fig: Figure) -> Decimal:
    ch = fig.change
    if ch is None:
        return Decimal(1)
    exp = ch.normalize().as_tuple().exponent
    return Decimal(1).scaleb(min(0, int(exp))) if isinstance(exp, int) else Decimal(1)


def _delta_after(idx: TextIndex, fig: Figure) -> tuple[Figure, int, str] | None:
    """A delta figure stated after a change in the same sentence: …，提高了 168 元 / 增长 14.95%."""
    sent = idx.sentence_of(fig.span.start)
    following = [f for f in idx.figures_in(Span(fig.span.end, sent.end))]
    if not following:
        return None
    d = following[0]
    resp = idx.text.find("分别", fig.span.end, sent.end)
    if resp >= 0 and d.span.start < resp:
        after = [f for f in following if f.span.start > resp]
        if after and _verb_sign(idx.text[resp:after[0].span.start]) is not None:
            d = after[0]
    gap = idx.text[fig.span.end:d.span.start]
    sign = _verb_sign(gap)
    if sign is None:
        return None
    if "分别" in gap:
        paired = _respective_delta(idx, fig, d, sent)
        if paired is None:
            return None
        d = paired
    v = vocab()
    tail = gap.rstrip(SPACES)
    if any(tail.endswith(w) for w in v["to_words"]) and not tail.endswith("了"):
        return None  # 提高到 X: a new level, not a delta
    if d.previous is not None:
        return None
    base = fig.unit.split("/")[0]
    value = signed_value(d, sign)
    d, dsign = replace(d, value=abs(value)), (1 if value >= 0 else -1)
    if d.unit == "%" and fig.unit == "%":
        return d, dsign, "%"
    if d.unit == fig.unit or (d.unit == base and "/" in fig.unit) or (d.unit == "个百分点" and fig.unit == "%"):
        return d, dsign, "abs"
    if d.unit in ("%", "倍"):
        return d, dsign, d.unit
    return None


def signed_value(d: Figure, verb_sign: int) -> Decimal:
    """A stated change with its sign.  The extractor signs every change it recognises (下降3.4%
    is stored as −3.4, kind ``change``), so its sign is final; only a figure it did not read as a
    change (a bare 5% after 减少) takes the sign of the verb before it.

    >>> from decimal import Decimal as D
    >>> signed_value(Figure(D("-3.4"), "%", kind="change"), -1), signed_value(Figure(D(5), "%"), -1)
    (Decimal('-3.4'), Decimal('-5'))
    """
    if d.kind == "change" or d.value < 0:
        return d.value
    return d.value * verb_sign


def _respective_delta(idx: TextIndex, fig: Figure, first: Figure, sent: Span) -> Figure | None:
    """…A 提高到 B，C 提高到 D，分别提高了 x 和 y: the delta in the same position as ``fig``."""
    changed = [f for f in idx.figures_in(Span(sent.start, first.span.start)) if f.previous is not None]
    deltas = [first]
    for f in idx.figures_in(Span(first.span.end, sent.end)):
        sep = idx.text[deltas[-1].span.end:f.span.start].strip(SPACES)
        if sep not in ("、", "和", "及", "，", ","):
            break
        deltas.append(f)
    if len(deltas) != len(changed) or fig not in changed:
        return None
    return deltas[changed.index(fig)]


# -- ratios, shares, derived growth ------------------------------------------------------------

def ratio_levels(idx: TextIndex) -> Iterator[Candidate]:
    """救助水平 944.76 元/人次 after 440 人次 and 41.57 万元: level = amount ÷ count; a level per
    month or year (户均每月 500 元, 元/户/月) divides by the months of the amount's period too
    (全年发放 806.4 万元 → 12, 上半年 → 6).  The count may stand in an earlier sentence of the
    paragraph when the amount's clause names it (为自主就业退役士兵发放…1206 万元，人均 4.5 万元
    after 自主就业退役士兵 268 人), or be a count of the noun the level is per (12 个行政村 … 村均)."""
    v = vocab()
    for fig in idx.figures:
        parts = fig.unit.split("/")
        if len(parts) not in (2, 3) or not (parts[1] in v["level_denominators"] or parts[1] in v["count_units"]):
            continue
        if len(parts) == 3 and parts[2] not in v["time_denominators"]:
            continue
        # the cue may be part of the literal (户均11525元, 人均4.5万元)
        before = idx.text[max(0, fig.span.start - 10):fig.span.start] + fig.as_written
        cue = next((c for c in v["level_cues"] if c in before), None) or \
            next((f"{parts[1]}均" for _ in [0] if f"{parts[1]}均" in before), None)
        if cue is None:
            continue
        sent = idx.sentence_of(fig.span.start)
        earlier = [f for f in idx.figures_in(Span(sent.start, fig.span.start)) if summable(f)]
        amount = next((f for f in reversed(earlier) if f.unit == parts[0]), None)
        count = next((f for f in reversed(earlier) if f.unit == parts[1]), None)
        mixed = False
        if count is None:
            fam = unit_family(parts[1])
            count = next((f for f in reversed(earlier) if f.unit and unit_family(f.unit) == fam
                          and f.unit in v["level_denominators"]), None)
            count = count or next((f for f in reversed(earlier) if f.unit in v["count_units"]
                                   and parts[1] in _noun_after(idx, f)[:4]), None)
            mixed = count is not None and count.unit != parts[1] and unit_family(count.unit) == fam
        if count is None and amount is not None:
            count = _named_count(idx, amount, parts[1])
        months = _months(amount, parts[2]) if len(parts) == 3 and amount is not None else 1
        if months is None:
            continue
        yield Candidate(code="GW106", kind="ratio", whole=(fig,),
                        parts=tuple(x for x in (amount, count) if x is not None), trigger=cue,
                        params={"complete": amount is not None and count is not None, "mixed_units": mixed,
                                "months": months})


def _noun_after(idx: TextIndex, f: Figure) -> str:
    """The noun right after a count (12 个行政村 → 行政村)."""
    words = idx.words_after(f, 8)
    i = next((k for k, ch in enumerate(words) if not ("\u4e00" <= ch <= "\u9fff")), len(words))
    return words[:i]


def _named_count(idx: TextIndex, amount: Figure, unit: str) -> Figure | None:
    """A count of the paragraph before the amount's sentence whose name the amount's clause
    repeats (自主就业退役士兵 268 人 … 为自主就业退役士兵发放一次性经济补助 1206 万元)."""
    clause = idx.clause_before(amount, 40)
    sent = idx.sentence_of(amount.span.start)
    start = idx.text.rfind("\n", 0, sent.start) + 1
    fam = unit_family(unit)
    for f in reversed(idx.figures_in(Span(start, sent.start))):
        if f.unit and unit_family(f.unit) == fam and summable(f):
            name = idx.label_before(f, 16).removeprefix("其中")
            if len(name) >= 4 and name in clause:
                return f
    return None


def _months(amount: Figure, per: str) -> int | None:
    """How many ``per`` (月, 年) the amount's period spans: 2024 → 12 months, 2024-01/2024-06 →
    6; None for a point in time or an open period (no rate per month can be derived)."""
    months_per = int(vocab()["time_denominators"][per])
    p = amount.period or ""
    if re.fullmatch(r"\d{4}", p):
        n = 12
    else:
        m = re.fullmatch(r"(\d{4})-(\d{2})/(\d{4})-(\d{2})", p)
        if m is None:
            return None
        n = (int(m.group(3)) - int(m.group(1))) * 12 + int(m.group(4)) - int(m.group(2)) + 1
    return n // months_per if n % months_per == 0 and n >= months_per else None


def derived_growth(idx: TextIndex) -> Iterator[Candidate]:
    """人次、金额、水平 … 分别增加 a%、b%、c%: (1+b)/(1+a) must equal 1+c."""
    v = vocab()
    text = idx.text
    for word in v["respectively"]:
        for pos in find_all(text, word):
            sent = idx.sentence_of(pos)
            rates = [f for f in idx.figures_in(Span(pos, sent.end)) if f.unit == "%"]
            if len(rates) < 3:
                continue
            sign = _verb_sign(text[pos:rates[0].span.start])
            if sign is None:
                continue
            prior = [f for f in idx.figures_in(Span(sent.start, pos))]
            names_from = prior[-1].span.end if prior else sent.start
            names = text[names_from:pos]
            for cut in ("比", "较", "同比", "与"):
                if cut in names:
                    names = names[:names.index(cut)]
            items = [s for s in names.replace("，", "、").split("、") if s.strip(SPACES)]
            if len(items) != len(rates):
                continue
            roles: dict[str, Figure] = {}
            for name, r in zip(items, rates[: len(items)]):
                role = _role_of(name)
                if role and role not in roles:
                    roles[role] = replace(r, value=signed_value(r, sign))
            if set(roles) != {"count", "amount", "level"}:
                continue
            yield Candidate(code="GW115", kind="derived", whole=(roles["level"],),
                            parts=(roles["count"], roles["amount"]), trigger=word, explicit=False,
                            cue=Span(pos, pos + len(word)), params={"sign": sign, "names": items})


def _role_of(name: str) -> str | None:
    best: tuple[int, str] | None = None
    for role, words in vocab()["derived_roles"].items():
        for w in words:
            i = name.rfind(w)
            if i >= 0 and (best is None or i > best[0]):
                best = (i, role)
    return best[1] if best else None


def respective_changes(idx: TextIndex) -> Iterator[Candidate]:
    """分别由 46 起、31 人下降到 38 起、27 人，分别下降 17.4% 和 12.9% (or …，增幅分别为 5.1% 和
    6.7%): the k-th rate (or delta) after 分别 belongs to the k-th changed value of the list."""
    for sent in idx.sentences:
        figs = idx.figures_in(sent)
        items = [f for f in figs if f.previous is not None and f.kind != "change"] or _paired_lists(idx, figs)
        if len(items) < 2:
            continue
        prevs = [previous_figure(idx, f) for f in items]
        if any(p is None or not (_in_list(idx, f, p) or _own_clause(idx, f, p)) for f, p in zip(items, prevs)):
            continue
        resp = idx.text.find("分别", items[-1].span.end, sent.end)
        if resp < 0:
            continue
        after = [f for f in figs if f.span.start > resp]
        sign = _verb_sign(idx.text[resp:after[0].span.start]) if after else None
        if sign is None and after:  # 增幅分别为 5.1% 和 6.7%: the rate's name gives the sign
            head = idx.text[items[-1].span.end:resp]
            sign = next((int(k) for w, k in vocab()["signed_rate_names"].items() if w in head), None)
        if sign is None:
            continue
        rates = [f for f in after if f.unit == "%"]
        deltas = [f for f in after if f.unit != "%"]
        for group, kind in ((rates, "growth"), (deltas, "diff")):
            if len(group) != len(items):
                continue
            for f, p, d in zip(items, prevs, group):
                assert p is not None
                if kind == "diff" and d.unit != f.unit:
                    break
                value = signed_value(d, sign)
                dd = replace(d, value=abs(value))
                s = 1 if value >= 0 else -1
                if kind == "growth":
                    yield Candidate(code="GW105", kind="growth", whole=(f,), parts=(p, dd), trigger="分别",
                                    params={"sign": s, "unit": "%"})
                else:
                    yield Candidate(code="GW104", kind="diff", whole=(f,), parts=(p, dd), trigger="分别",
                                    params={"sign": s})


def _paired_lists(idx: TextIndex, figs: list[Figure]) -> list[Figure]:
    """由 46 起、31 人下降到 38 起、27 人 where the extractor left the lists apart: the new values,
    each with the old value in the same position."""
    text = idx.text
    v = vocab()
    for i, a in enumerate(figs):
        if not any(w in text[max(0, a.span.start - 8):a.span.start] for w in v["from_words"]):
            continue
        old = [a]
        j = i + 1
        while j < len(figs) and text[old[-1].span.end:figs[j].span.start].strip(SPACES) in ("、", "和", "及"):
            old.append(figs[j])
            j += 1
        if len(old) < 2 or j + len(old) > len(figs):
            continue
        gap = text[old[-1].span.end:figs[j].span.start].strip(SPACES)
        hit = _verb(gap)
        if hit is None or not any(gap.endswith(w) for w in v["to_words"]):
            continue
        new = figs[j:j + len(old)]
        if any(o.unit != n.unit for o, n in zip(old, new)):
            continue
        return [replace(n, previous=o.value, previous_span=o.span) for o, n in zip(old, new)]
    return []
