"""Parts the words place inside a whole named elsewhere: a sentence that opens with the whole's
name and 中 (全年外贸进出口总额中，出口 a，…；进口 b) lists figures of that whole; a period's figure
followed by the running total of the same name (上半年完成投资 2.3 亿元，累计完成投资 4.1 亿元) is
within it.

The whole of the first is found by its name (the one figure of the year so labelled), so its
readings are kept only when they hold; the second is what its words say (累计 + the same name).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..figure import Figure
from ..model import Span
from .classified import _CLASSIFY, _paragraph_end
from .intervals import vocab
from .relations import Candidate, summable
from .textindex import TextIndex

# a sentence opening with a name and 中 (not 其中), then the first item: 进出口总额中，出口 a
_OPENS = re.compile(r"([^\d，,。；;：:、（）()“”\s]{4,30})中[，,：:]\s*([^\d，,。；;：:、]{0,20})$")


def parts_of_named_whole(idx: TextIndex) -> Iterator[Candidate]:
    """X 中，A a，…；B b: the figures of the sentence in X's unit are parts of X, the one figure of
    the year stated elsewhere under that name; two or more add up to it when they hold."""
    v = vocab()
    for sent in idx.sentences:
        figs = idx.figures_in(sent)
        if not figs:
            continue
        head = idx.text[sent.start:figs[0].span.start]
        m = _OPENS.search(re.sub(r"\s+", "", head))
        if m is None or m.group(1).endswith("其") or _CLASSIFY.search(m.group(2)) is not None:
            continue
        first = figs[0]
        if not summable(first) or first.kind != "actual":
            continue
        # the list runs to the end of the full sentence (出口 a，增长 x%；进口 b), not past its paragraph
        stop = min((i for i in (idx.text.find("。", sent.start), _paragraph_end(idx.text, sent.start)) if i >= 0),
                   default=len(idx.text))
        figs = idx.figures_in(Span(sent.start, max(stop, sent.end)))
        parts = [f for f in figs if f.unit == first.unit and summable(f) and f.previous is None
                 and f.kind == "actual" and not any(w in idx.label_before(f, 16) for w in v["balance_words"])]
        year = (first.period or "")[:4]
        wholes: list[Figure] = []
        # a heading wrapped into the sentence (电子商务蓬勃发展⏎全年网络零售额中): the name after the break
        for words in dict.fromkeys((m.group(1), re.sub(r"\s+", "", head.split("\n")[-1]).removesuffix(m.group(2)))):
            name = _name(words.removesuffix("中，").removesuffix("中,").removesuffix("中：").removesuffix("中"), v)
            if len(name) < 4:
                continue
            wholes = [g for g in idx.figures if g.unit == first.unit and summable(g) and g.kind == "actual"
                      and g.previous is None and g not in figs and (g.period or "")[:4] == year
                      and idx.label_before(g, 24).endswith(name)]
            # 网络零售额 itself, not 农产品网络零售额, when the text states both
            exact = [g for g in wholes if _name(re.sub(r"\s+", "", idx.label_before(g, 24)), v) == name
                     or g.metric == name]
            wholes = exact or wholes
            if wholes:
                break
        if not wholes or len({g.value for g in wholes}) != 1:
            continue
        whole, labels = wholes[0], [idx.category_of(p) for p in parts]
        yield Candidate(code="GW108", kind="subset", whole=(whole,), parts=tuple(parts), trigger=name + "中",
                        explicit=False, exhaustive=False,
                        params={"labels": labels, "disjoint": True, "confirm_only": True})
        if len(parts) >= 2:
            yield Candidate(code="GW101", kind="sum", whole=(whole,), parts=tuple(parts), trigger=name + "中",
                            explicit=False, exhaustive=True, params={"labels": labels, "confirm_only": True})


def _name(words: str, v: dict) -> str:
    """The whole's name without the words that say whose or when (全年全市外贸进出口总额 → 外贸进出口总额)."""
    prefixes = sorted(v["subject_prefixes"], key=len, reverse=True)
    while (p := next((w for w in prefixes if words.startswith(w) and len(words) > len(w)), None)) is not None:
        words = words[len(p):]
    return words


def period_within_cumulative(idx: TextIndex) -> Iterator[Candidate]:
    """上半年完成投资 2.3 亿元，累计完成投资 4.1 亿元: the figure just before a running total (累计)
    of the same name, once the words of when and whose are set aside, is within it."""
    v = vocab()
    for sent in idx.sentences:
        figs = [f for f in idx.figures_in(sent) if summable(f) and f.previous is None and f.kind == "actual"]
        for part, total in zip(figs, figs[1:]):
            if part.unit != total.unit:
                continue
            label = idx.label_before(total, 16)
            word = next((w for w in v["stock_words"] if w in label), None)
            if word is None:
                continue
            name = label[label.find(word) + len(word):]
            own = _name(re.sub(r"\s+", "", idx.label_before(part, 16)), v)
            for w in sorted({*v["annual_words"], *v["half_year_words"]}, key=len, reverse=True):
                own = own.removeprefix(w)
            if len(name) < 2 or own != name or any(w in own for w in v["stock_words"]):
                continue
            yield Candidate(code="GW126", kind="subset", whole=(total,), parts=(part,), trigger=word,
                            explicit=False, exhaustive=False, params={"labels": [idx.category_of(part)]})
