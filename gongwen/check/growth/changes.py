"""Changes a text states: 由 A 提高至 B（，提高了 D | 增长 r%）, the old value of a change as a
figure of its own, a stated delta's sign by its verb, and 分别 lists of changes paired with the
values they change; each a :class:`~gongwen.check.reading.relations.Candidate` for direction,
difference or growth.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from ...figure import Figure
from ...model import Span
from ..evaluation.intervals import vocab
from ..reading.relations import Candidate, fact_kind, summable
from ..reading.textindex import SPACES, TextIndex

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
                # 由 22446 元增加到 23860 元，增加 1414 元，增长 6.3%: the difference, then the rate
                rate = _delta_after(idx, fig, past=d)
                if rate is not None and rate[2] == "%" and fig.unit != "%":
                    yield Candidate(code="GW105", kind="growth", whole=(fig,), parts=(prev, rate[0]),
                                    trigger="增长" if rate[1] > 0 else "下降", params={"sign": rate[1], "unit": "%"})
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
    yield from average_changes(idx)
    yield from stated_bases(idx)


def stated_bases(idx: TextIndex) -> Iterator[Candidate]:
    """全年完成建筑业总产值 186.4 亿元，上年同期为 172.9 亿元，同比增长 7.8%: a clause that names
    only last year's value (vocab previous_heads, then 为/是 or nothing) right after a level's
    states the old value of that level, and the change after it in the sentence (同比增长 r%,
    增加 d) is the level's change over it — the words leave no other reading."""
    v = vocab()
    text = idx.text
    for p in idx.figures:
        if not summable(p) or p.change is not None or p.previous is not None or p.range_id is not None:
            continue
        start = p.span.start
        while start > 0 and text[start - 1] not in "，,；;。：:\n" and p.span.start - start < 12:
            start -= 1
        head = text[start:p.span.start].strip(SPACES)
        word = next((w for w in v["previous_heads"] if head.startswith(w)), None)
        if word is None or head[len(word):] not in ("", *v["ratio_verbs"][:2]):
            continue
        sent = idx.sentence_of(p.span.start)
        before = idx.figures_in(Span(sent.start, start))
        if not before or before[-1].unit != p.unit or not summable(before[-1]) or before[-1].change is not None \
                or before[-1].previous is not None or fact_kind(idx, before[-1]) != "actual" \
                or any(ch in text[before[-1].span.end:start] for ch in "；;"):
            continue  # the level is the figure of the clause right before, of the unit
        level = before[-1]
        after = idx.figures_in(Span(p.span.end, sent.end))
        if not after:
            continue
        d = after[0]
        gap = text[p.span.end:d.span.start]
        sign = _verb_sign(gap)
        if sign is None or d.previous is not None or any(ch in gap for ch in "；;") \
                or any(gap.rstrip(SPACES).endswith(w) for w in v["to_words"]):
            continue
        value = signed_value(d, sign)
        d, dsign = replace(d, value=abs(value)), (1 if value >= 0 else -1)
        verb = _verb(gap)
        trigger = verb[1] if verb else "增长"
        if d.unit == "%" and level.unit != "%":
            yield Candidate(code="GW105", kind="growth", whole=(level,), parts=(p, d), trigger=trigger,
                            params={"sign": dsign, "unit": "%"})
        elif d.unit == level.unit or d.unit == "个百分点" and level.unit == "%":
            yield Candidate(code="GW104", kind="diff", whole=(level,), parts=(p, d), trigger=trigger,
                            params={"sign": dsign})


def on_comparable_basis(idx: TextIndex, cand: Candidate) -> Candidate:
    """A growth of an amount of money stated on a comparable basis (按可比价计算增长 6.2%, 扣除价格
    因素实际增长 4.1%: vocab comparable_words, in the rate's sentence) is no growth of the printed
    amounts: the relation is kept only when it holds (a count has no price to deflate)."""
    if cand.kind not in ("growth", "implied") or "元" not in cand.whole[0].unit or len(cand.parts) < 2:
        return cand
    sent = idx.sentence_of(cand.parts[1].span.start)
    if not any(w in idx.text[sent.start:sent.end] for w in vocab()["comparable_words"]):
        return cand
    return replace(cand, params={**cand.params, "confirm_only": True, "anchored": False})


def average_changes(idx: TextIndex) -> Iterator[Candidate]:
    """标准平均提高 5.2%，其中甲由 22,860 元提高到 24,048 元，乙由 13,200 元提高到 13,886 元: an
    average rate of change before the changes it averages (in its sentence, each from an old value
    to a new one) is each one's rate when they were all changed alike.  Read, not stated: an item
    it fits confirms it; one it does not fit says nothing (an average allows items apart)."""
    v = vocab()
    for r in idx.figures:
        if r.unit != "%" or r.kind != "change" or not any(w in idx.label_before(r, 12) for w in v["average_cues"]):
            continue
        sent = idx.sentence_of(r.span.start)
        sign = 1 if r.value >= 0 else -1
        rate = replace(r, value=abs(r.value))
        for fig in idx.figures_in(Span(r.span.end, sent.end)):
            prev = previous_figure(idx, _paired(idx, fig))
            if prev is not None and prev.unit == fig.unit:
                yield Candidate(code="GW105", kind="growth", whole=(fig,), parts=(prev, rate), trigger="平均",
                                explicit=False, params={"sign": sign, "unit": "%", "confirm_only": True})


def _paired(idx: TextIndex, fig: Figure) -> Figure:
    """由上年的 2.36 万亩扩大到 2.58 万亩 where the extractor left the two values apart: the earlier
    one is the old value of the later (由/从 before it, a change verb and 到/至 between them)."""
    if fig.previous is not None or fig.kind == "change":
        return fig
    a = idx.figure_before(fig)
    if a is None or a.unit != fig.unit or a.previous is not None or a.kind == "change":
        return fig
    gap = "".join(idx.text[a.span.end:fig.span.start].split())  # 提\n高到: a line wrapped inside the verb
    hit = _verb(gap)
    v = vocab()
    if hit is None or not gap.startswith(hit[1]) or gap[len(hit[1]):] not in v["to_words"] \
            and not any(hit[1].endswith(w) for w in v["to_words"]):
        return fig
    head = idx.text[max(0, a.span.start - 8):a.span.start]
    if not any(w in head for w in v["from_words"]):
        return fig
    return replace(fig, previous=a.value, previous_span=a.span)


def old_values(idx: TextIndex) -> set[tuple[int, int]]:
    """Spans of the figures that stand as the old value of a change the extractor left apart (由上年
    的 97.6% 提高到 98.0%): last year's level, never a fact of the year the text dates it in."""
    out = set()
    for f in idx.figures:
        if f.previous is None:
            p = _paired(idx, f)
            if p.previous_span is not None:
                out.add((p.previous_span.start, p.previous_span.end))
    return out


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


def _delta_after(idx: TextIndex, fig: Figure, past: Figure | None = None) -> tuple[Figure, int, str] | None:
    """A delta figure stated after a change in the same sentence: …，提高了 168 元 / 增长 14.95% /
    增幅 6.9% (a rate named by its sign, vocab signed_rate_names); with ``past``, the next one in
    its own clause after that delta (…，增加 1414 元，增长 6.3%)."""
    sent = idx.sentence_of(fig.span.start)
    following = [f for f in idx.figures_in(Span((past or fig).span.end, sent.end))]
    if not following:
        return None
    d = following[0]
    aside = idx.group_at(d.span.start)
    if past is None and aside is not None and idx.text[fig.span.end:aside.open].strip(SPACES) == "" \
            and _verb_sign(idx.text[aside.open:d.span.start]) is None:
        # 提高到 9600 元（折合每月 800 元），增长 6.7%: the bracket restates the new level, the rate follows it
        following = [f for f in following if f.span.start > aside.close]
        if not following:
            return None
        d = following[0]
    if past is not None and not re.fullmatch(r"[，,、]\s*[\u4e00-\u9fff]{1,6}", idx.text[past.span.end:d.span.start]):
        return None
    resp = idx.text.find("分别", fig.span.end, sent.end)
    if resp >= 0 and d.span.start < resp:
        after = [f for f in following if f.span.start > resp]
        if after and _verb_sign(idx.text[resp:after[0].span.start]) is not None:
            d = after[0]
    gap = idx.text[(past or fig).span.end:d.span.start]
    sign = _verb_sign(gap)
    if sign is None:  # 提高到 26,040 元，增幅 6.9%: the rate's name gives the sign
        tail = gap.strip(SPACES + "，,、")
        sign = next((int(k) for w, k in vocab()["signed_rate_names"].items() if tail == w or tail == w + "为"), None)
        if sign is None or d.unit != "%":
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
    if d.previous is not None or _gross(idx, d, sign, sent):
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


def _gross(idx: TextIndex, d: Figure, sign: int, sent: Span) -> bool:
    """A delta followed in its sentence by a flow of its unit the other way (由 2282 名调整为 2418 名，
    全年新增 215 名、退出 79 名): what came in, not the net change; the two flows make it."""
    nxt = next((g for g in idx.figures_in(Span(d.span.end, sent.end)) if g.unit == d.unit), None)
    if nxt is None:
        return False
    gap = idx.text[d.span.end:nxt.span.start]
    other = _verb_sign(gap)
    left = any(w in gap for w in vocab()["leaving_words"])
    return (other is not None and other != sign) or (sign > 0 and left)


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


def common_deltas(idx: TextIndex) -> Iterator[Candidate]:
    """城市由 780 元提高到 820 元，农村由 620 元提高到 660 元，城乡均提高 40 元: a delta said to be
    common (均) to the changes before it in its sentence is each one's difference."""
    for sent in idx.sentences:
        figs = idx.figures_in(sent)
        for d in figs:
            label = idx.label_before(d, 16)
            if d.kind != "change" or d.unit in ("%", "个百分点", "倍") or "均" not in label:
                continue
            items = [f for f in figs if f.span.end <= d.span.start and f.previous is not None and f.unit == d.unit
                     and f.kind != "change"]
            if len(items) < 2:
                continue
            sign = _verb_sign(label) or (1 if d.value >= 0 else -1)
            for f in items:
                prev = previous_figure(idx, f)
                if prev is not None:
                    yield Candidate(code="GW104", kind="diff", whole=(f,), parts=(prev, replace(d, value=abs(d.value))),
                                    trigger="均", params={"sign": sign, "verb": "均" + ("提高" if sign > 0 else "减少")})


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
