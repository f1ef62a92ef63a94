"""Parts named within a set: the figure after "N 个 X 中" counts part of N (:func:`among`); the
named parts of a 分别 list add up to the figure just before it, and a sentence opening on "X 中"
lists parts of the figure named X (:func:`named_lists`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import Span
from ..evaluation.intervals import vocab
from ..reading.relations import Candidate, comparison_base, summable
from ..reading.textindex import SPACES, TextIndex
from .subsets import states_total


def among(idx: TextIndex) -> Iterator[Candidate]:
    """全县 165 个建制村中已有 152 个…: the figure after "N 个 X 中" counts part of N."""
    text = idx.text
    for w in idx.figures:
        if not summable(w):
            continue
        sent = idx.sentence_of(w.span.start)
        nxt = next((f for f in idx.figures_in(Span(w.span.end, sent.end)) if summable(f)), None)
        if nxt is None or nxt.unit != w.unit or nxt.previous is not None:
            continue
        tail = text[w.span.end:nxt.span.start]
        at = _locative(tail)
        if at < 1 or tail[at - 1] == "其" or any(ch in "，,。；;：:、（()）" for ch in tail[:at]):
            continue
        rest = tail[at + 1:].strip(" ，,")
        if "、" in rest:
            continue  # 12 个街道便民服务中心、136 个社区便民服务站: two items of one list, side by side
        # a longer gap must name the whole's noun again (156 家规模以上工业企业中，实现增加值增长的
        # 企业 98 家), so that it counts those, not other things in the same unit
        noun = tail[:at].strip(SPACES)
        if (len(rest) > 6 and not (len(rest) <= 16 and len(noun) >= 2 and noun[-2:] in rest)) \
                or any(ch in "；;。" for ch in rest):
            continue
        yield Candidate(code="GW108", kind="subset", whole=(w,), parts=(nxt,), trigger=tail[-4:], explicit=True,
                        exhaustive=False, params={"labels": [idx.category_of(nxt)], "subset_cue": "中"})


def _locative(tail: str) -> int:
    """Where the 中 that means "among" stands in the words after a count (建制村中已有), -1 when
    none: a 中 that opens a word (中心, 中学: among_not_words) names a thing, not a set counted in."""
    words = vocab()["among_not_words"]
    at = tail.find("中")
    while at >= 0 and any(tail.startswith(w, at) for w in words):
        at = tail.find("中", at + 1)
    return at


def named_lists(idx: TextIndex) -> Iterator[Candidate]:
    """新增学位 5400 个，学前、小学、初中分别新增 1620 个、2430 个、1350 个: the named parts of
    the figure just before add up to it; 农村公路 2846.3 公里；农村公路中，县道…、乡道…: parts
    of the figure the opening words name (at most it)."""
    text = idx.text
    for sent in idx.sentences:
        figs = [f for f in idx.figures_in(sent) if summable(f) and not idx.at_other_period(f)]
        resp = text.find("分别", sent.start, sent.end)
        if resp > 0 and figs:
            # 播出 6842 小时，较上年的 6479 小时增加 363 小时，电视、广播分别播出…: neither the earlier
            # period's value a change is stated against nor the change is what the list shares out
            before = [f for f in figs if f.span.end <= resp and not comparison_base(idx, f)
                      and f.kind != "change" and f.change is None]
            after = [f for f in figs if f.span.start > resp]
            if any(i >= 2 and states_total(idx, f) for i, f in enumerate(after)):
                before = []  # (…分别为 a、b、c，三个行业合计 d: the items' own total, no breakdown of the figure before)
            if before and len(after) >= 2:
                names_from = before[-1].span.end
                names = [n for n in re.split(r"[、和及]", text[names_from:resp].strip(" ，,"))
                         if n.strip(SPACES)]
                whole = before[-1]
                parts = [f for f in after if f.unit == whole.unit]
                if len(names) == len(parts) == len(after) >= 2 and "，" in text[names_from:resp] + ",":
                    yield Candidate(code="GW101", kind="sum", whole=(whole,), parts=tuple(parts), trigger="分别",
                                    explicit=False, exhaustive=True, params={"labels": names})
        m = re.match(r"([\u4e00-\u9fff]{2,8})中[，,：:]", text[sent.start:sent.end])
        if m:
            name = m.group(1)
            parts = [f for f in figs if f.span.start > sent.start + m.end()]
            earlier = [f for f in idx.figures if f.span.end <= sent.start and summable(f)
                       and idx.label_before(f, 16).endswith(name)]
            if earlier and len(parts) >= 2 and all(p.unit == earlier[-1].unit for p in parts):
                yield Candidate(code="GW108", kind="subset", whole=(earlier[-1],), parts=tuple(parts),
                                trigger=m.group(0), explicit=False, exhaustive=False,
                                params={"labels": [idx.category_of(p) for p in parts], "subset_cue": "中"})
