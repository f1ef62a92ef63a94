"""A standard set as a multiple of another: 基本生活标准按不低于城市低保标准的 1.3 倍确定，由 1,014
元调整为 1,066 元.

The multiple names its base (城市低保标准, 当地低保标准); the values it sets follow it in the
sentence (one, or one per category with 分别); the base is the figure the text labels with that
name elsewhere, in the same unit, of the same category (城市, 农村) and kind.  不低于 makes the
relation a bound (1,066 ≥ 1.3 × 820), else it is an equality up to one unit of the set value's
last digit (standards are rounded to whole 元).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from ...figure import Figure
from ...model import Span
from ..evaluation.findings import Finding
from ..evaluation.intervals import Interval, interval_of, longest_first
from ..evaluation.verdicts import ivs, lit, make, plain
from ..growth.changes import previous_figure
from ..reading.relations import Candidate
from ..reading.textindex import TextIndex

_BOUNDS = {"不低于": ">=", "不少于": ">=", "不高于": "<=", "不超过": "<="}


def multiples(idx: TextIndex) -> Iterator[Finding]:
    """Every value set as a multiple of a base the text states elsewhere.

    The base may be written right before the multiple (按不低于城市低保标准 1.3 倍的原则确定); the
    values set follow the multiple in its sentence — one, one per category with 分别, or one per
    category each named with its own (现行城市标准为每人每月 1053 元、农村标准为每人每月 852 元) — or,
    when none follows, the value whose clause the multiple's clause continues (由每人每月 1120 元提高到
    1180 元，不低于当地城市低保标准的 1.3 倍).  A value changed from an old one (由 1,014 元调整为 1,066
    元) was set under the same rule from the base's old value: that reading is kept when it holds."""
    for k in idx.figures:
        if k.unit != "倍" or k.kind == "change" or k.change is not None:
            continue
        sent = idx.sentence_of(k.span.start)
        head = idx.text[max(sent.start, k.span.start - 24):k.span.start].strip(" \u3000")
        if head.endswith("的"):
            head = head[:-1]
        elif not (head and "\u4e00" <= head[-1] <= "\u9fff" and idx.text[k.span.end:k.span.end + 1] == "的"):
            continue  # 城市低保标准 1.3 倍的原则: the base written without 的, the multiple's own 的 after it
        base = re.split(r"[，,。；;：:（()）]", head)[-1]
        bound = "="
        for w, rel in _BOUNDS.items():
            if w in base:
                base, bound = base.rsplit(w, 1)[-1], rel
        for w in longest_first("multiple_verbs"):
            base = base.rsplit(w, 1)[-1]
        name = base
        for w in longest_first("multiple_places"):
            name = name.removeprefix(w)
        if len(name) < 3:
            continue
        for a in _set_values(idx, k, sent):
            b = _base_of(idx, a, name)
            if b is not None:
                yield _verdict(idx, k, a, b, bound, base)
                old_a, old_b = previous_figure(idx, a), previous_figure(idx, b)
                if old_a is not None and old_b is not None:
                    found = _verdict(idx, k, old_a, old_b, bound, base)
                    if found.status == "consistent":
                        yield found


def _set_values(idx: TextIndex, k: Figure, sent: Span) -> list[Figure]:
    """The values a multiple sets: after it in its sentence (see :func:`multiples`), else the one
    whose clause its own clause continues."""
    values = [f for f in idx.figures_in(Span(k.span.end, sent.end))
              if f.unit and f.unit not in ("%", "倍", "个百分点") and f.kind in ("standard", "actual")]
    if len(values) >= 2 and "分别" in idx.text[k.span.end:values[0].span.start]:
        return values[:2]
    if len(values) >= 2 and len({f.scope for f in values[:2]}) == 2 and all(f.scope for f in values[:2]) \
            and idx.text[values[0].span.end:values[1].span.start].lstrip(" \u3000").startswith(("、", "，", ",")):
        return values[:2]  # 城市标准为 1053 元、农村标准为 852 元: each its own category
    if values:
        return values[:1]
    before = [f for f in idx.figures_in(Span(sent.start, k.span.start))
              if f.unit and f.unit not in ("%", "倍", "个百分点") and f.kind in ("standard", "actual")]
    if before and re.fullmatch(r"[，,]\s*[\u4e00-\u9fff]*", idx.text[before[-1].span.end:k.span.start]):
        return before[-1:]
    return []


def _base_of(idx: TextIndex, a: Figure, name: str) -> Figure | None:
    """The one figure the text labels ``name`` in ``a``'s unit, kind and category (a category the
    name says itself, 城市低保标准, is the base's whatever place ``a`` is scoped to)."""
    cands = [b for b in idx.figures if b is not a and b.unit == a.unit and b.kind == a.kind
             and name in idx.label_before(b, 20)
             and (not a.scope or not b.scope or a.scope == b.scope or b.scope in name)
             and (not a.period or not b.period or a.period[:4] == b.period[:4])]
    if a.scope:  # 城市、农村分别调整为 …: the base of the same category
        scoped = [b for b in cands if b.scope == a.scope or a.scope in idx.label_before(b, 20)]
        cands = scoped or cands
    return cands[0] if len(cands) == 1 else None


def _verdict(idx: TextIndex, k: Figure, a: Figure, b: Figure, bound: str, base: str) -> Finding:
    target = interval_of(b).scale(k.value)
    q = a.quantum if a.quantum > 0 else Decimal(1)
    widened = Interval(None if target.lo is None else target.lo - q, None if target.hi is None else target.hi + q)
    stated = interval_of(a)
    if bound == ">=":
        ok = widened.hi is None or stated.hi is None or stated.hi >= widened.lo  # type: ignore[operator]
    elif bound == "<=":
        ok = widened.lo is None or stated.lo is None or stated.lo <= widened.hi  # type: ignore[operator]
    else:
        ok = stated.intersects(widened)
    rel = {">=": "不低于", "<=": "不高于", "=": "为"}[bound]
    comp = f"{lit(b)} × {plain(k.value)} = {target.show()}{a.unit.split('/')[0]}"
    c = Candidate(code="GW128", kind="multiple", whole=(a,), parts=(b, k), trigger=f"{base}的{lit(k)}")
    if ok:
        msg = f"{comp}，所述 {lit(a)} {rel}{base}的 {lit(k)}，一致"
        return make(c, idx, "consistent", "info", msg, [a, b, k], comp, lit(a), [ivs("computed", target)])
    msg = f"{comp}，所述 {lit(a)} 并非{rel}{base}的 {lit(k)}"
    return make(c, idx, "inconsistent", "error", msg, [a, b, k], comp, lit(a), [ivs("computed", target)])
