"""Ratios named by their two sides: 小学生师比为 16.8:1 (在校生 ÷ 专任教师), 城乡居民收入比由上年的
1.98 缩小至 1.94 (城镇居民 ÷ 农村居民人均可支配收入), 城乡居民收入倍差 1.92 倍.

The ratio's name is a word of the genre whose two sides the vocabulary names (``named_ratios``:
生师比 → 在校生 | 学生, 专任教师 | 教师); the sides are figures of one unit stated before the ratio
whose clauses hold a word of each side and, when the ratio's name opens with a category (小学, 初中),
that category too.  The text does not pair them, so the pair is found by search — nearest first,
the first whose quotient is the stated ratio — and kept only when it holds (``confirm_only``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ...figure import Figure
from ...model import Span
from ..evaluation.intervals import NotCheckable, interval_of, longest_first, vocab
from ..reading.relations import PCT_UNITS, Candidate
from ..reading.textindex import TextIndex

# the units a ratio of two sides is printed in: none (1.94), 倍 (1.92 倍), to one (16.8:1)
_RATIO_UNITS = ("", "倍", ":1", "∶1")


def named_ratios(idx: TextIndex, figures: Iterable[Figure] = ()) -> Iterator[Candidate]:
    """Every ratio whose name the vocabulary knows, with the two sides that make it hold (among the
    text's figures and ``figures``: a table's cells, 城镇居民人均可支配收入（元） | 46382)."""
    everything = list(dict.fromkeys([*idx.figures, *(g for g in figures if len(g.span) > 0)]))
    names = vocab()["named_ratios"]
    for f in idx.figures:
        if f.unit not in _RATIO_UNITS or f.kind == "change" or f.change is not None or f.value <= 0:
            continue
        sent = idx.sentence_of(f.span.start)
        label = idx.text[max(sent.start, f.span.start - 30):f.span.start]
        name = next((n for n in longest_first("named_ratios") if n in label), None)
        if name is None:
            continue
        sides = names[name]
        category = _category(idx, f, label, name)
        # the sides anywhere in the text (the opening summary may state the ratio before its
        # section states the incomes), nearest first, of the ratio's year
        # (a side may be a level: 人均可支配收入 is no summable amount, but it divides)
        pool = sorted((g for g in everything if g.kind == "actual" and g.unit and g.unit not in (*PCT_UNITS, *_RATIO_UNITS)
                       and g.change is None and g.bound is None and g.range_id is None
                       and (not f.period or not g.period or f.period[:4] == g.period[:4])),
                      key=lambda g: abs(g.span.start - f.span.start))
        tops = [g for g in pool if _names(idx, g, sides[0], category)][:8]
        bottoms = [g for g in pool if _names(idx, g, sides[1], category)][:8]
        pair = _holding(f, tops, bottoms)
        if pair is not None:
            yield Candidate(code="GW107", kind="share", whole=(f,), parts=pair, trigger=name, explicit=False,
                            params={"complete": True, "factor": "1", "confirm_only": True})


def _category(idx: TextIndex, f: Figure, label: str, name: str) -> str:
    """The category the ratio's name opens with (小学生师比 → 小学), when the vocabulary knows it;
    with 分别 after a list of categories (小学、初中生师比分别为 a 和 b), the k-th for the k-th ratio."""
    cats = vocab()["ratio_categories"]
    head = label[:label.rfind(name)] if name in label else label
    listed = [c for c in cats if c in head[-12:]]
    if len(listed) >= 2 and "分别" in idx.text[idx.sentence_of(f.span.start).start:f.span.start]:
        sent = idx.sentence_of(f.span.start)
        ratios = [g for g in idx.figures_in(Span(sent.start, sent.end)) if g.unit == f.unit]
        ordered = sorted(listed, key=lambda c: head.rfind(c))
        k = next((i for i, g in enumerate(ratios) if g is f), 0)
        return ordered[k] if k < len(ordered) and len(ratios) == len(ordered) else ""
    return max(listed, key=lambda c: head.rfind(c)) if listed else ""


def _names(idx: TextIndex, g: Figure, words: list[str], category: str) -> bool:
    """``g``'s clause (its sentence up to it) names one of a side's words, and the category: the
    last category word before it (其中小学 17.45 万人、初中 8.73 万人: 初中 for the second)."""
    sent = idx.sentence_of(g.span.start)
    said = idx.text[max(sent.start, g.span.start - 40):g.span.start]
    if not any(w in said for w in words):
        return False
    if not category:
        return True
    last = max(((said.rfind(c), c) for c in vocab()["ratio_categories"] if c in said), default=(-1, ""))
    return last[1] == category or last[1].endswith(category) or category.endswith(last[1]) and bool(last[1])


def _holding(f: Figure, tops: list[Figure], bottoms: list[Figure]) -> tuple[Figure, Figure] | None:
    stated = interval_of(f)
    for a in tops:
        for b in bottoms:
            if a is b or a.unit != b.unit:
                continue
            try:
                if (interval_of(a) / interval_of(b)).intersects(stated):
                    return a, b
            except NotCheckable:
                continue
    return None
