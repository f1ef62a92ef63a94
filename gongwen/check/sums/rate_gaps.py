"""A gap in 个百分点 between two rates (增速比城镇居民增速(5.7%)高 1.9 个百分点; 失业率 4.6%，比 5.5% 的
控制目标低 0.9 个百分点; 支出增速高于收入增速 3.1 个百分点): A − B = ±d, the two rates found by the
comparison's words, stated before it or named by its two sides (:func:`point_gaps`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...figure import Figure
from ...model import Span
from ..evaluation.intervals import vocab
from ..reading.relations import Candidate
from ..reading.textindex import SPACES, TextIndex
from .flows import positive


def point_gaps(idx: TextIndex) -> Iterator[Candidate]:
    """增速比城镇居民增速(5.7%)高 1.9 个百分点; 失业率 4.6%，比 5.5% 的控制目标低 0.9 个百分点;
    支出增速高于收入增速 3.1 个百分点 (the two rates named and stated before): A − B = ±d."""
    for d in idx.figures:
        if d.unit != "个百分点" or d.previous is not None:
            continue
        sent = idx.sentence_of(d.span.start)
        head = idx.label_before(d, 12)
        sign = gap_sign(head)
        rates = [f for f in idx.figures_in(Span(sent.start, d.span.start)) if f.unit == "%" and f.previous is None]
        fronted = sign is None and _fronted_base(idx, d, rates)
        if fronted:
            # 失业率为 2.9%，低于 3.5% 的年度控制目标 0.6 个百分点: the comparison word stands before
            # the base, the gap after the base's name
            sign = gap_sign(idx.text[max(sent.start, rates[-1].span.start - 4):rates[-1].span.start])
        if sign is None:
            continue
        if fronted and len(rates) < 2:
            continue  # the rate compared is not in the sentence: which one is meant is not said
        pair, reading = None, False
        if len(rates) >= 2 and _based(idx, rates[-2], rates[-1]):
            # the base is the rate after 比 (比 5.5% 的目标低; 增速比…增速(5.7%)高), never 比上年
            pair = _compared_rate(idx, rates[:-1]), rates[-1]
        elif not rates:
            pair = _named_rates(idx, d, head)
        else:
            pair = _named_base(idx, d, rates[-1])
        if pair is None and rates:
            pair, reading = _read_base(idx, d, rates[-1]), True
        if pair is None:
            continue
        a, b = pair
        yield Candidate(code="GW104", kind="diff", whole=(a,), parts=(b, positive(d)), trigger=head[-4:],
                        explicit=len(rates) >= 2 and b is rates[-1] and a is not b,
                        params={"sign": sign, "verb": "相差", "confirm_only": reading})


def _based(idx: TextIndex, a: Figure, b: Figure) -> bool:
    """Rate ``b`` is the base rate ``a`` is compared with: a comparison word before it (比 5.5% 的
    目标; 较上年同期的 35.5%: :func:`_compared`), or the word an old value opens with and the
    moment it names (由上年的 12.2% 提高 1.3 个百分点: vocab from_words, then 的)."""
    between = idx.text[a.span.end:b.span.start]
    froms = "|".join(map(re.escape, vocab()["from_words"]))
    return _compared(between) or re.search(rf"(?:{froms})(?:[^，,。；;\d%]{{0,6}}的)?$", between.strip(SPACES)) is not None


def _compared_rate(idx: TextIndex, rates: list[Figure]) -> Figure:
    """The rate a later comparison (…，比全市平均水平（13.1%）高 0.4 个百分点) compares: the last one
    stated before it, unless that one is itself the base of a comparison before (…为 13.4%，由上年的
    12.2% 提高 1.2 个百分点): then the rate that comparison compares — the clause's own level, never
    last year's.

    The old value of one comparison is never the subject of the next."""
    k = len(rates) - 1
    while k > 0 and _based(idx, rates[k - 1], rates[k]):
        k -= 1
    return rates[k]


def _fronted_base(idx: TextIndex, d: Figure, rates: list[Figure]) -> bool:
    """低于 3.5% 的年度控制目标 0.6 个百分点: the rate before the gap follows a comparison word (vocab
    than_words, not 比) with nothing but the base's name (的 …, no figure, no punctuation) between it
    and the gap."""
    if not rates:
        return False
    b = rates[-1]
    between = idx.text[b.span.end:d.span.start]
    before = idx.text[max(0, b.span.start - 4):b.span.start]
    return between.startswith("的") and not any(ch in between for ch in "，,。；;、") \
        and any(before.endswith(w) for w in vocab()["than_words"] if w != "比")


def _compared(between: str) -> bool:
    """The second of two rates is the base the first is compared with: a comparison word stands
    before it with no verb of change between (比 5.5% 的目标; 较上年同期的 35.5%; not 收入同比增长
    5.2%，支出同比增长 9.4%, where 同比 opens a growth of its own).

    A word that holds a comparison word as one of its characters compares nothing (基金支付比例达到
    70.3%: 比例 is a noun).

    >>> _compared("，较上年同期的"), _compared("，支出同比增长"), _compared("，比城镇居民增速(")
    (True, False, True)
    >>> _compared("，居民医保基金支付比例达到")
    False
    """
    v = vocab()
    for w in v["than_nouns"]:
        between = between.replace(w, "\u3000" * len(w))
    at = max((between.rfind(w) for w in v["than_words"]), default=-1)
    return at >= 0 and not any(w in between[at:] for w in (*v["increase_verbs"], *v["decrease_verbs"]))


def _compared_sides(idx: TextIndex, d: Figure, a: Figure) -> tuple[str, str] | None:
    """The two subjects of the comparison in the clause of gap ``d`` ("乡村市场增速快于城镇" →
    乡村市场, 城镇), their rate words dropped; None when the clause compares nothing or ``a`` is not
    stated before it."""
    v = vocab()
    clause = idx.clause_before(d, 40)
    word = next((w for w in v["than_words"] if w in clause and w != "比"), None)
    if word is None or a.span.end > d.span.start - len(clause):
        return None
    left, right = clause.split(word, 1)
    for w in v["rate_tails"]:
        left, right = left.removesuffix(w), right.removesuffix(w)
    return left, right


def _named_base(idx: TextIndex, d: Figure, a: Figure) -> tuple[Figure, Figure] | None:
    """农村居民人均可支配收入 14,372 元，增长 6.6%，增速快于城镇居民 1.8 个百分点: the rate just stated
    against the rate of the subject named after the comparison word, the latest one stated before
    it in its paragraph whose sentence names that subject (城镇居民…，增长 4.8%)."""
    sides = _compared_sides(idx, d, a)
    if sides is None:
        return None
    left, right = sides
    if left or len(right) < 2:
        return None  # the left side names its own rate (支出增速高于…): _named_rates' case
    start = max(idx.text.rfind("\n", 0, a.span.start) + 1, a.span.start - 300)
    for b in reversed([f for f in idx.figures_in(Span(start, a.span.start)) if f.unit == "%" and f.previous is None]):
        sent = idx.sentence_of(b.span.start)
        if right in idx.text[sent.start:b.span.start]:
            return a, b
    return None


def _read_base(idx: TextIndex, d: Figure, a: Figure) -> tuple[Figure, Figure] | None:
    """The base of a gap read from the two subjects the comparison names, when the left one names the
    rate just stated by its first word (乡村消费品零售额…增长 7.4%，乡村市场增速快于城镇 0.9 个百分点:
    乡村 … 城镇) and the right one is the latest rate of the paragraph before it whose sentence names
    it, or the first after the gap in its sentence (…增速高于城镇居民 1.8 个百分点（城镇居民…增长
    5.1%）).  A reading: confirmed when it holds."""
    sides = _compared_sides(idx, d, a)
    if sides is None:
        return None
    left, right = sides
    sa = idx.sentence_of(a.span.start)
    if len(right) < 2 or left and (len(left) < 2 or left[:2] not in idx.text[sa.start:a.span.start]
                                   or left[:2] in right):
        return None  # (no left subject: the rate just stated is the one compared, 增速高于城镇居民)
    start = max(idx.text.rfind("\n", 0, a.span.start) + 1, a.span.start - 300)
    sent = idx.sentence_of(d.span.start)
    before = reversed(idx.figures_in(Span(start, a.span.start)))
    after = idx.figures_in(Span(d.span.end, sent.end))
    for b in [*before, *after]:
        if b.unit != "%" or b.previous is not None or b.kind != a.kind:
            continue
        sb = idx.sentence_of(b.span.start)
        named = idx.text[max(sb.start, d.span.end) if b.span.start > d.span.end else sb.start:b.span.start]
        if right[:2] in named and not (left and left[:2] in named):
            return a, b
    return None


def gap_sign(head: str) -> int | None:
    v = vocab()
    best: tuple[int, int] | None = None
    for sign, key in ((1, "higher_words"), (-1, "lower_words")):
        for w in v[key]:
            i = head.rfind(w)
            if i >= 0 and (best is None or i > best[0]):
                best = (i, sign)
    return best[1] if best else None


def _named_rates(idx: TextIndex, d: Figure, head: str) -> tuple[Figure, Figure] | None:
    """支出增速高于收入增速: each side's last words name a rate stated before (基金支出同比增长 9.8%)."""
    v = vocab()
    clause = idx.clause_before(d, 40)
    word = next((w for w in v["than_words"] if w in clause and w != "比"), None)
    if word is None:
        return None
    left, right = clause.split(word, 1)
    keys = []
    for side in (left, right):
        for w in v["rate_tails"]:
            side = side.removesuffix(w)
        if len(side) < 2:
            return None
        keys.append(side[-2:])
    earlier = [f for f in idx.figures if f.unit == "%" and f.span.end <= d.span.start and f.previous is None]
    found = []
    for k in keys:
        f = next((f for f in reversed(earlier) if k in _rate_label(idx, f)), None)
        if f is None:
            return None
        found.append(f)
    return (found[0], found[1]) if found[0] is not found[1] else None


def _rate_label(idx: TextIndex, f: Figure) -> str:
    """A rate's label; for a growth rate named only by its verb (总支出 91.27 亿元，同比增长 6.1%)
    also the label of the level it grows, just before it in its sentence."""
    label = "".join(idx.label_before(f, 16).split())
    v = vocab()
    bare = label
    for w in ("同比", "比上年", "较上年"):
        bare = bare.replace(w, "")
    if bare in (*v["increase_verbs"], *v["decrease_verbs"]):
        g = idx.figure_before(f)
        if g is not None and idx.sentence_of(g.span.start) == idx.sentence_of(f.span.start):
            label = idx.label_before(g, 16) + label
    return label
