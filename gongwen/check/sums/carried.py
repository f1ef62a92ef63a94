"""A running total carried on from a stock stated before it: 新建社区食堂 9 个，全县社区食堂达到 33 个
after 截至 2025 年底建成社区食堂 24 个 — the stock the year opened with plus what is new is the
total (24 + 9 = 33); the stock may also stand in a bracket right after the total (总数达到 41 个
（2025 年末为 35 个）).

:func:`gongwen.check.sums.flows.new_within_total` reads the new figure as a part of the total
(9 ≤ 33), which any figure below the total satisfies; the stock the total grew from, stated in
another paragraph (the review before the plan) or in the total's own bracket, makes the relation
exact.  The stock is found by words — the nearest earlier figure of the unit, not itself new, at
another period, that shares a name with the new figure or the total — so a reading is kept only
when it holds (``confirm_only``): what is new need not be all that moved (some may have closed).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal as Decimal  # doctests

from ...figure import Figure
from ...source import Span as Span  # doctests
from ..evaluation.intervals import longest_first, vocab
from ..reading.relations import Candidate, han_pairs, summable
from ..reading.textindex import TextIndex
from .flows import is_new

_HAN = re.compile(r"[\u4e00-\u9fff]+")


def carried_stocks(idx: TextIndex) -> Iterator[Candidate]:
    """Total = stock + new for a running total (vocab ``running_total_words``) right after one new
    figure of its unit in its sentence, the stock being the figure its bracket restates at another
    period or else the nearest earlier stock of its unit named alike (:func:`stock_before`)."""
    v = vocab()
    for sent in idx.sentences:
        figs = [f for f in idx.figures_in(sent) if summable(f) and f.previous is None]
        own = [f for f in figs if idx.restates(f) is None]
        for i, total in enumerate(own):
            if i == 0 or not any(w in idx.label_before(total, 16) for w in v["running_total_words"]):
                continue
            new = own[i - 1]
            if new.unit != total.unit or not is_new(idx, new, v) or is_new(idx, total, v):
                continue
            stock = next((f for f in figs if idx.restates(f) is total), None) or stock_before(idx, new, total)
            if stock is None or stock.value >= total.value:
                continue
            yield Candidate(code="GW101", kind="sum", whole=(_planned(total),), parts=(_planned(stock), _planned(new)),
                            trigger="原有…新增",
                            explicit=False, exhaustive=True,
                            params={"labels": ["原有", "新增"], "confirm_only": True})


def stock_before(idx: TextIndex, new: Figure, total: Figure) -> Figure | None:
    """The nearest figure before the new one's sentence of the total's unit that is a stock — not
    named new (建成 alone may date a stock: 截至年底建成食堂 24 个), an actual value, at another period than the total — and names what the new figure
    or the total names (a shared pair of characters, vocabulary words aside: 建成社区食堂 and 新建
    社区食堂 share 社区食堂).

    >>> figs = [Figure(Decimal(24), "个", span=Span(6, 8), period="2025-12"),
    ...         Figure(Decimal(9), "个", span=Span(18, 19), period="2026"),
    ...         Figure(Decimal(33), "个", span=Span(29, 31), period="2026")]
    >>> idx = TextIndex("全县建成食堂24个。明年新建社区食堂9个，全县社区食堂达到33个。", figs)
    >>> stock_before(idx, figs[1], figs[2]).value
    Decimal('24')
    """
    v = vocab()
    names = han_pairs(_name(idx, new)) | han_pairs(_name(idx, total))
    start = idx.sentence_of(new.span.start).start
    best: tuple[int, Figure] | None = None
    for s in reversed([f for f in idx.figures if f.span.end <= start]):
        if s.unit != total.unit or not summable(s) or s.kind != "actual" or s.range_id is not None \
                or idx.restates(s) is not None or any(w in idx.clause_before(s, 24) for w in v["new_words"]):
            continue
        if s.period and total.period and s.period == total.period:
            continue
        # the stock named most alike, the nearest of those (养老床位总数 3260 张 before 其中护理型床位
        # 1988 张: 新增养老床位 grows the first)
        shared = len(names & han_pairs(_name(idx, s)))
        if shared and (best is None or shared > best[0]):
            best = (shared, s)
    return best[1] if best else None


def _planned(f: Figure) -> Figure:
    """A figure without its at-least or at-most word (新增 10 个以上，总数达到 48 个以上): a plan's
    bound holds its new figure and its total alike, the relation is of the numbers planned — read
    open-ended, any total above the stock would fit."""
    return replace(f, approx=None, bound=None) if f.bound in (">=", ">", "<=", "<") else f


def _name(idx: TextIndex, f: Figure) -> str:
    """What a figure counts in its own words, vocabulary words removed; a bare running total
    (累计达到 96 个) takes the words of the figure before it in its clause chain (新建站点 18 个)."""
    words = [w for w in longest_first("subject_prefixes", "running_total_words", "new_words", "completed_words",
                                      "stock_words", "generic_tails") if len(w) >= 2]
    name = idx.label_before(f, 24)
    for w in words:
        name = name.replace(w, " ")
    if not _HAN.search(name):
        before = idx.figure_before(f)
        sent = idx.sentence_of(f.span.start)
        if before is not None and before.unit == f.unit and before.span.start >= sent.start:
            return _name(idx, before)
    return name
