"""Wholes whose own words list their parts: 发放城乡低保金、特困人员供养金和临时救助金合计 9518.9 万元,
茶叶、高山蔬菜、中药材和油茶特色产业综合产值 2.54 亿元.  Each listed item names one figure the
text states elsewhere (in a 其中 list, a later section, a table): the figure of the whole's unit
and period whose words hold the item.  Found by name, so the sum is kept only when it holds."""

from __future__ import annotations

from collections.abc import Iterator

from ...figure import Figure
from ...model import Span
from ..evaluation.intervals import vocab
from ..reading.relations import Candidate, fact_kind, summable
from ..reading.textindex import SPACES, TextIndex


def enumerated_wholes(idx: TextIndex) -> Iterator[Candidate]:
    """A whole whose clause lists two items or more (A、B 和 C 合计 X): the sum of the figures
    each item designates alone (read: ``confirm_only``)."""
    pool = [f for f in idx.figures if summable(f) and fact_kind(idx, f) == "actual" and f.change is None]
    for whole in pool:
        items = _items(idx, whole)
        if items is None:
            continue
        sent = idx.sentence_of(whole.span.start)
        others = [f for f in pool if f is not whole and f.unit == whole.unit and f.period == whole.period
                  and not sent.start <= f.span.start < whole.span.start]
        parts = _designated(idx, items, others)
        if parts is None or any(p.value > whole.value for p in parts):
            continue  # a whole smaller than one of its parts is not theirs
        yield Candidate(code="GW101", kind="sum", whole=(whole,), parts=tuple(parts), trigger="、",
                        explicit=False, exhaustive=True,
                        params={"labels": [idx.category_of(p) for p in parts], "confirm_only": True})


def _items(idx: TextIndex, whole: Figure) -> list[tuple[str, str]] | None:
    """The items a whole's clause lists, each as (how it may be cut, its words): the first item
    keeps a tail of its words (全年发放城乡低保金 → 城乡低保金), the last a head (临时救助金合计 →
    临时救助金), the ones between all of theirs.  None unless the clause holds a 、-list of words
    only (no figure inside it)."""
    clause = idx.clause_before(whole, 40, list_items=True)
    if "、" not in clause or idx.figures_in(Span(whole.span.start - len(clause), whole.span.start)):
        return None
    segs = clause.split("、")
    last = segs[-1]
    for w in vocab()["list_joiners"]:
        if w in last:
            head, _, tail = last.partition(w)
            segs[-1:] = [head, tail]
            break
    segs = [s.strip(SPACES) for s in segs]
    if any(len(s) < 2 for s in segs) or any(len(s) > 8 for s in segs[1:-1]):
        return None
    return [("tail", segs[0]), *[("all", s) for s in segs[1:-1]], ("head", segs[-1])]


def _key(how: str, words: str, text: str) -> int:
    """How many characters of an item the text holds (0: none, or fewer than two)."""
    if how == "all":
        return len(words) if words in text else 0
    cuts = [words[-k:] if how == "tail" else words[:k] for k in range(len(words), 1, -1)]
    return next((len(c) for c in cuts if c in text), 0)


def _designated(idx: TextIndex, items: list[tuple[str, str]], others: list[Figure]) -> list[Figure] | None:
    """For each item the one figure whose words hold the most of it (its label before its clause
    before it in its sentence); None when an item designates none, or several alike, or a
    figure is designated by two items."""
    chosen: list[Figure] = []
    for how, words in items:
        scored = []
        for f in others:
            sent = idx.sentence_of(f.span.start)
            near = (_key(how, words, idx.label_before(f, 24)), _key(how, words, idx.text[sent.start:f.span.start]))
            if near[1]:
                scored.append((near, f))
        if not scored:
            return None
        best = max(s for s, _ in scored)
        top = [f for s, f in scored if s == best]
        if len(top) != 1 or top[0] in chosen:
            return None
        chosen.append(top[0])
    return chosen
