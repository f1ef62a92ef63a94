"""What was added to a class within that class's stock: 新认定县级示范基地 5 个 beside the stock's
breakdown 其中省级 2 个、市级 7 个、县级 14 个 (5 of the 14 are new); 新建园区协会 3 个 beside 全县园区
协会达到 15 个.  The new figure names its class after the new word (县级示范基地), the stock names
it at the head of its own words (县级 after 其中; 园区协会 before 达到): the class the stock names
opens the new one's, and the new ones are a part of the stock.

:func:`gongwen.check.sums.flows.new_within_total` reads the new figures of a sentence within the
running total after them; here each new figure is paired with the stock of its own class, before
or after it in its passage.  Found by names, a pairing is kept only when it holds.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal as Decimal  # doctests

from ...figure import Figure
from ...source import Span as Span  # doctests
from ..evaluation.intervals import longest_first, vocab
from ..reading.relations import Candidate, summable
from ..reading.textindex import TextIndex

# characters: a stock and what was added to it are stated in one passage of their section
_PASSAGE = 160


def _after_last(label: str, words: list[str]) -> str:
    """``label`` after the last of ``words`` in it (all of it when none is)."""
    at = max(((i + len(w)) for w in words if (i := label.rfind(w)) >= 0), default=0)
    return label[at:]


def _trimmed(name: str) -> str:
    """A name without the place, time and verb words that open or close it (全县…达到)."""
    v = vocab()
    heads = longest_first("subject_prefixes", "completed_words", "subset_cues")
    while cut := next((w for w in heads if name.startswith(w) and len(name) > len(w)), ""):
        name = name[len(cut):]
    ends = longest_first("subject_suffixes")
    while cut := next((w for w in ends if name.endswith(w) and len(name) > len(w)
                       and not any(name.endswith(b) for b in v["suffix_bound_words"])), ""):
        name = name[: -len(cut)]
    return name


def new_class(idx: TextIndex, f: Figure) -> str:
    """The class a new figure counts: its words after the new word (新认定县级示范基地 → 县级示范基地),
    or its own words in a 、-list the new word opens (新建院士工作站 1 个、专家工作站 2 个 → 专家工作站).

    >>> f = Figure(Decimal(5), "个", span=Span(11, 12))
    >>> new_class(TextIndex("全年新认定县级示范基地5个", [f]), f)
    '县级示范基地'
    """
    from ..repeats.restated import _list_head

    v = vocab()
    clause = idx.clause_before(_list_head(idx, f), 40, list_items=True) + idx.label_before(f, 24)
    if not any(w in clause for w in v["new_words"]):
        return ""
    return _trimmed(_after_last(idx.label_before(f, 24), v["new_words"]))


def stock_class(idx: TextIndex, f: Figure) -> str:
    """The class a stock counts, named in its own words: a breakdown's item (其中省级 9 个 → 省级) or
    the subject of a running total (全县园区协会达到 15 个 → 园区协会); "" when its sentence states no
    running total before it, or its words name it new.

    >>> f = Figure(Decimal(14), "个", span=Span(21, 23))
    >>> stock_class(TextIndex("全县示范基地达到23个，其中省级2个、县级14个", [f]), f)
    '县级'
    """
    v = vocab()
    sent = idx.sentence_of(f.span.start)
    if not any(w in idx.between(sent.start, f.span.start) for w in v["running_total_words"]) \
            or any(w in idx.clause_before(f, 40, list_items=True) for w in v["new_words"]):
        return ""
    label = idx.label_before(f, 24)
    if label.endswith(tuple(v["running_total_words"])):
        return _trimmed(label)  # 全县园区协会达到: the subject before the total's verb
    return _trimmed(_after_last(label, [*v["stock_words"], *v["running_total_words"]]))


def new_in_class_stock(idx: TextIndex) -> Iterator[Candidate]:
    """Each new figure within the nearest stock of its section whose class opens its own (县级 of
    县级示范基地; 园区协会 of 园区协会), in its passage: a part of that stock (confirm only)."""
    counted = [f for f in idx.figures if summable(f) and f.kind == "actual" and f.previous is None
               and f.range_id is None]
    news = [(f, c) for f in counted if len(c := new_class(idx, f)) >= 2]
    stocks = [(f, c) for f in counted if len(c := stock_class(idx, f)) >= 2]
    for n, cn in news:
        near = [(abs(s.span.start - n.span.start), s) for s, cs in stocks
                if s is not n and s.unit == n.unit and s.section == n.section and cn.startswith(cs)
                and abs(s.span.start - n.span.start) <= _PASSAGE
                and (s.period or "")[:4] == (n.period or "")[:4]]
        if not near:
            continue
        stock = min(near, key=lambda x: x[0])[1]
        yield Candidate(code="GW126", kind="subset", whole=(stock,), parts=(n,), trigger="新增…现有",
                        explicit=False, exhaustive=False,
                        params={"labels": [new_class(idx, n)], "confirm_only": True})
