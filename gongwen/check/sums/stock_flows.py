"""A stock stated with its old value, and the flows that moved it stated elsewhere in its passage:
全市共有会员 5,184 名，较上年末的 4,833 名增加 351 名。…全年新发展会员 436 名…；因故减少会员 85 名
— the stock is the old value plus what came in less what left.  Where :func:`gongwen.check.sums.flows.new_in_change`
reads the flows of the change's own sentence (or the next one naming it again), the flows here
may stand sentences away, before or after the stock, named by their own words only (新增, 新纳入;
退出, 退库), so a reading is kept only when it holds.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...figure import Figure
from ...model import Span
from ..evaluation.intervals import vocab
from ..growth.changes import previous_figure
from ..reading.relations import Candidate, summable
from ..reading.textindex import TextIndex
from .flows import is_new, leaves, positive

# characters: the flows of a stock are stated in one passage of its section
_PASSAGE = 600


def old_value_after(idx: TextIndex, s: Figure) -> Figure | None:
    """The stock's old value stated as a figure of its own after it in its full sentence (全县共有团员
    14,752 名，较上年末的 14,366 名增加 386 名 → 14,366 名): the first figure of its unit whose words
    before it compare with an opening (较…上年末, 比年初)."""
    v = vocab()
    # the full sentence: a ； closes a clause, not the stock's sentence (…33,972 人，其中…；低保对象人数较上年末的…)
    ends = [i for i in (idx.text.find(ch, s.span.end) for ch in "。\n") if i >= 0]
    for o in idx.figures_in(Span(s.span.end, min(ends, default=len(idx.text)))):
        if o.unit != s.unit or not summable(o) or o.previous is not None:
            continue
        label = idx.label_before(o, 12)
        if any(w in label for w in v["than_words"]) and any(w in label for w in v["opening_words"]):
            return o
    return None


def stocks_of_flows(idx: TextIndex) -> Iterator[Candidate]:
    """全市共有会员 5,184 名，较上年末的 4,833 名增加 351 名 … 新发展会员 436 名 … 减少会员 85 名: the
    stock is its old value plus a flow in (vocab new_words) less a flow out (leaving_words), each the
    one of its unit so named in the stock's section within a passage of it (a part of a 其中 list
    too: 其中新增公园绿地 52.7 公顷 moved the 公园绿地 stock); every flow in less every flow out is
    read as well.  Found by words and position, so kept only when it holds to the printed precision
    (confirm_only)."""
    v = vocab()
    for s in idx.figures:
        if not summable(s) or s.kind != "actual" or s.range_id is not None:
            continue
        before = previous_figure(idx, s)
        old = before or old_value_after(idx, s)
        if old is None:
            continue
        sent = idx.sentence_of(s.span.start)
        # the stock's own sentence is new_in_change's where the old value stands before the stock; where
        # it is stated after (报停 283 户，年末用户总数达到 92460 户，较上年末的 86358 户净增…), a flow
        # before the stock in its sentence is one of its flows too
        own = Span(sent.start, sent.end) if before is not None else Span(s.span.start, sent.end)
        flows = [f for f in idx.figures_in(Span(max(0, s.span.start - _PASSAGE), s.span.end + _PASSAGE))
                 if f.unit == s.unit and f.section == s.section and summable(f) and f.kind == "actual"
                 and f.previous is None and f.change is None and f.bound is None
                 and f is not s and f.span != old.span and not own.start <= f.span.start < own.end]
        came = [f for f in flows if is_new(idx, f, v) and not leaves(idx, f, v)]
        went = [positive(f) for f in flows if leaves(idx, f, v)]
        tried: list[tuple[Figure, ...]] = [(n,) for n in came] + [(n, w) for n in came for w in went]
        if len(came) + len(went) > 2:
            tried.append((*came, *went))
        for flow in tried:
            ins = [f for f in flow if any(f is c for c in came)]
            outs = [f for f in flow if not any(f is c for c in came)]
            net = old.value + sum(f.value for f in ins) - sum(f.value for f in outs)
            if abs(net - s.value) > max(f.quantum for f in (s, old, *flow)):
                continue
            yield Candidate(code="GW104", kind="sum", whole=(s,), parts=(old, *ins, *outs), trigger="新增…减少",
                            explicit=False,
                            params={"overlaps": list(range(1 + len(ins), 1 + len(flow))), "confirm_only": True,
                                    "labels": ["原有", *("新增" for _ in ins), *("减少" for _ in outs)]})
            break
