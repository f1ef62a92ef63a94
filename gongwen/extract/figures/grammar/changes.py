"""Stated changes between quantities: from→to, deltas, growth rates and multiples.

``find_changes`` links the quantities of :func:`gongwen.extract.figures.grammar.numbers.find_quantities`:

- ``from_to``: 由820元提高到915元, 从原有的96张，增加到142张 → previous 820, new 915;
- ``to``: 提高到每人每年6888元 (new value, old one unstated); 增加105元至912元 (a delta, then
  the new value);
- ``by``: 提高了95元, 增加118%, 下降3.2个百分点, 较上年减少68对 → a signed delta, with
  分别 distributing the verb over a list (分别增加118%、236%、74%); 增长1.3倍 is +130 %;
- ``ratio``: 是上年的1.3倍 (×1.3), 翻一番 (×2).

:func:`apply_changes` returns the quantities with their roles set (the old value of a change
is ``role="previous"`` and must not be reported as a figure of its own; a delta is
``role="delta"``) and with rate units shared between the two sides (每人每月960元提高到1035元 →
both 元/人/月).

>>> from gongwen.extract.figures.grammar.numbers import find_quantities
>>> t = "标准由每人每月820元提高到915元，比原标准每人提高了95元。"
>>> [(c.kind, c.previous and c.previous.value, c.new and c.new.value, c.delta, c.new and c.new.unit)
...  for c in find_changes(t, find_quantities(t))]
[('from_to', Decimal('820'), Decimal('915'), Decimal('95'), '元/人/月'), ('by', None, None, Decimal('95'), None)]
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

import regex

from ...._data import group_numbers, rx
from ...._frozen import quick_init, replace
from ....model import Span
from ..words.heads import _in_order
from .numerals import thousands_comma
from .quantity import Quantity
from .units import alternation, load_yaml, refines, unit_base

__all__ = ["Change", "ChangeKind", "DeltaKind", "apply_changes", "find_changes"]

ChangeKind = Literal["from_to", "to", "by", "ratio"]
DeltaKind = Literal["absolute", "percent", "points", "multiple"]

_C = load_yaml("changes.yaml")
_INC = alternation(_C["increase"])
_DEC = alternation(_C["decrease"])
_VERB = alternation([*_C["increase"], *_C["decrease"], *_C["neutral"]])
_TO = alternation(_C["to"])
_FROM = alternation(_C["from"])
_FILL = alternation(_C["from_fillers"])
_GROWTH: dict[str, int] = {str(k): int(v) for k, v in _C["growth_nouns"].items()}
_DECREASE = frozenset(str(x) for x in _C["decrease"])
_DOUBLING: dict[str, int] = {str(k): int(v) for k, v in _C["doubling"].items()}
_PER_HEAD = _in_order(_C["per_head"])
_PC = "(?:" + _PER_HEAD + "|" + _in_order(_C["per_period"]) + ")?"

_MOMENT = rf"(?:(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})?(?:{alternation(_C['to_moments'])}))?"
_GAP_FROM_TO = rx(rf"^[，,]?\s*(?P<verb>{_VERB})了?\s*(?:{_TO})\s*{_MOMENT}\s*{_PC}\s*$")
_GAP_LISTED = rx(rf"(?P<verb>{_VERB})了?\s*(?:{_TO})")
_BEFORE_FROM = rx(rf"(?:{_FROM})(?:{_FILL})?[^，。；;,\d]{{0,6}}$|(?:{_FROM})[^，。；;,]{{0,10}}$")
_BEFORE_TO = rx(rf"(?P<verb>{_VERB})了?\s*(?:{_TO})\s*{_PC}\s*$")
_BEFORE_BY = regex.compile(rf"(?<!新)(?P<dist>分别)?(?P<verb>{_INC}|{_DEC})了?\s*{_PC}\s*$")
_BB = group_numbers(_BEFORE_BY)  # (a `regex` pattern: its groups read by number)
_BEFORE_GROWTH = rx(rf"(?P<verb>{alternation(_GROWTH)})(?:达到|达|为|是)?\s*$")
_RATIO_BOUND: dict[str, str | None] = {str(k): (None if v is None else str(v))
                                       for k, v in _C["ratio_verbs"].items()}
_BEFORE_RATIO = rx(
    rf"(?P<rv>{alternation(_RATIO_BOUND)})(?P<base>[^，。；;,\d]{{0,16}})的\s*$")


def _distributive(text: str, start: int) -> bool:
    """Whether 分别 stands earlier in the clause (分别比上年增长5.2%和6.1%)."""
    i = start
    while i > 0 and (text[i - 1] not in "，,。；;：:\n" or thousands_comma(text, i - 1)) and start - i < 24:
        i -= 1
    return "分别" in text[i:start]
_BASELINE = regex.compile(rf"(?:同比|环比|(?:比|较|与)(?P<base>[^，。；;,]{{1,14}}?))(?:相比)?(?:{_VERB}|$)")
_PC_TAIL = regex.compile("(?:" + _PER_HEAD + ")$")
_DOUBLING_RE = regex.compile(alternation(_DOUBLING))
_LIST_SEP = rx(r"^\s*(?:[、，,和及与]|以及)\s*$")
_SENT_END = "。；;！!？?\n"


@quick_init
@dataclass(frozen=True)
class Change:
    """One stated change.  ``delta`` is signed (a decrease is negative) in ``delta_unit``."""

    kind: ChangeKind
    span: Span
    verb: str
    new: Quantity | None = None
    previous: Quantity | None = None
    delta_quantity: Quantity | None = None
    delta: Decimal | None = None
    delta_unit: str | None = None
    delta_kind: DeltaKind | None = None
    factor: Decimal | None = None
    baseline: str | None = None
    bound: Literal["~", ">=", ">", "<=", "<"] | None = None


def _before(text: str, q: Quantity, width: int = 16) -> tuple[str, int]:
    """The text right before a quantity (before its prefix hedge), cut at the clause start."""
    end = q.approx_span.start if q.approx_span and q.approx_span.start < q.span.start else q.span.start
    start = max(0, end - width)
    return text[start:end], start


def _same_sentence(text: str, a: int, b: int) -> bool:
    return not any(c in _SENT_END for c in text[a:b])


def _share_unit(a: Quantity, b: Quantity) -> tuple[Quantity, Quantity]:
    """Give both sides of a change the more specific rate unit (元 vs 元/人/月)."""
    if refines(a.unit, b.unit):
        b = replace(b, unit=a.unit, unit_source="context")
    elif refines(b.unit, a.unit):
        a = replace(a, unit=b.unit, unit_source="context")
    return a, b


def _delta_kind(unit: str) -> DeltaKind:
    return "percent" if unit == "%" else "points" if unit == "个百分点" else (
        "multiple" if unit == "倍" else "absolute")


def _baseline(text: str, end: int) -> str | None:
    i = end
    while i > 0 and (text[i - 1] not in "，,。；;\n" or thousands_comma(text, i - 1)) and end - i < 24:
        i -= 1
    m = None
    for m in _BASELINE.finditer(text, i, end):  # noqa: B007 - the last match is wanted
        pass
    if m is None:
        return None
    base = (m["base"] or m.group()).strip()
    return _PC_TAIL.sub("", base) or None


def _plain(d: Decimal) -> Decimal:
    return d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize()


def find_changes(text: str, quantities: list[Quantity]) -> list[Change]:
    """Every stated change among ``quantities`` (as returned by ``find_quantities(text)``)."""
    qs = sorted(quantities, key=lambda q: q.span.start)
    out: list[Change] = []
    last_by: tuple[int, Change, bool] | None = None  # (index, change, 分别 seen)
    done: set[int] = set()
    for i, q in enumerate(qs):
        if i in done:
            continue
        ch = _from_to(text, qs[i - 1], q) if i and i - 1 not in done else None
        # (分别由46起、31人下降到38起、27人: the two lists meet with unlike units, 31人 → 38起)
        meet = ch is not None or (i > 0 and i - 1 not in done and bool(_GAP_FROM_TO.match(_gap(text, qs[i - 1], q))))
        if meet:
            pairs = _list_pairs(text, qs, i)
            if pairs:  # 分别由A、B提高到C、D: A→C, B→D
                for a, b in pairs:
                    c2 = _from_to(text, qs[a], qs[b], listed=True)
                    if c2 is not None:
                        out.append(c2)
                        done.add(b)
                continue
        if ch is None:
            ch, last_by = _single(text, qs, i, out, last_by)
        if ch is not None:
            out.append(ch)
    for m in _DOUBLING_RE.finditer(text):
        out.append(Change("ratio", Span(m.start(), m.end()), m.group(),
                          factor=Decimal(_DOUBLING[m.group()]), baseline=_baseline(text, m.start())))
    out.sort(key=lambda c: c.span.start)
    return out


def _gap(text: str, p: Quantity, q: Quantity) -> str:
    """The text between two quantities (up to q's prefix hedge)."""
    qs = q.approx_span.start if q.approx_span and q.approx_span.start < q.span.start else q.span.start
    return text[p.span.end:qs]


def _list_pairs(text: str, qs: list[Quantity], i: int) -> list[tuple[int, int]]:
    """For a from→to between qs[i-1] and qs[i], equal-length lists on both sides, paired."""
    lo = i - 1
    while lo > 0 and _LIST_SEP.match(text[qs[lo - 1].span.end:qs[lo].span.start]):
        lo -= 1
    hi = i
    while hi + 1 < len(qs) and _LIST_SEP.match(text[qs[hi].span.end:qs[hi + 1].span.start]):
        hi += 1
    n = i - lo
    if n < 2 or hi - i + 1 != n:
        return []
    return [(lo + k, i + k) for k in range(n)]


def _from_to(text: str, p: Quantity, q: Quantity, listed: bool = False) -> Change | None:
    """由 p 提高到 q: the gap between the two is a verb and a 'to' marker."""
    qs = q.approx_span.start if q.approx_span and q.approx_span.start < q.span.start else q.span.start
    gap = text[p.span.end:qs]
    g = _GAP_FROM_TO.match(gap) if not listed else _GAP_LISTED.search(gap)
    if not g or unit_base(p.unit) != unit_base(q.unit) or p.range_id is not None:
        return None
    if _clause_comma(text, p.span.end, qs) and not _BEFORE_FROM.search(_before(text, p)[0]):
        return None
    old, new = _share_unit(p, q)
    old = replace(old, role="previous")
    return Change("from_to", Span(p.span.start, q.span.end), g["verb"], new=new, previous=old,
                  delta=new.value - old.value, delta_unit=new.unit, delta_kind="absolute")


def _clause_comma(text: str, a: int, b: int) -> bool:
    """Whether a comma that ends a clause (not 1,200's) stands in text[a:b]."""
    return any(text[i] in "，," and not thousands_comma(text, i) for i in range(a, b))


def _single(text: str, qs: list[Quantity], i: int, out: list[Change],
            last_by: tuple[int, Change, bool] | None) -> tuple[Change | None, tuple[int, Change, bool] | None]:
    """A change stated by the words right before one quantity (提高到 q, 提高了 q, 增幅达 q …)."""
    q = qs[i]
    bt, bstart = _before(text, q)
    gap_prev = text[qs[i - 1].span.end:q.span.start] if i else ""
    if last_by and last_by[0] == i - 1 and rx(r"^\s*(?:至|到)\s*$").match(gap_prev):
        d = last_by[1]  # 增加105元至912元: the delta, then the value it reaches
        if d.delta_unit and refines(d.delta_unit, q.unit):
            q = replace(q, unit=d.delta_unit, unit_source="context")
        return Change("to", Span(qs[i - 1].span.start, q.span.end), d.verb, new=q, delta=d.delta,
                      delta_unit=d.delta_unit, delta_kind=d.delta_kind), None
    m = _BEFORE_TO.search(bt)
    if m:
        start = bstart + m.start()
        if q.unit == "倍":
            return Change("ratio", Span(start, q.span.end), m["verb"], factor=q.value,
                          delta_quantity=q, baseline=_baseline(text, start)), None
        ch = Change("to", Span(start, q.span.end), m["verb"], new=q, baseline=_baseline(text, start))
        return ch, (i, ch, _distributive(text, start))
    if (last_by and last_by[0] == i - 1 and last_by[1].kind == "to" and last_by[1].new is not None
            and _LIST_SEP.match(gap_prev) and (last_by[2] or "、" in gap_prev)
            and unit_base(last_by[1].new.unit) == unit_base(q.unit)):
        prev = last_by[1]  # 分别提高到每人每月812元和628元
        ch = Change("to", Span(q.span.start, q.span.end), prev.verb, new=q, baseline=prev.baseline)
        return ch, (i, ch, last_by[2])
    verb, sign, dist, vstart = "", 1, False, q.span.start
    base: str | None = None
    m = _BEFORE_BY.search(bt)
    g = _BEFORE_GROWTH.search(bt) if not m else None
    if m:
        vstart = bstart + m.start()
        verb, dist = m[_BB.verb], bool(m[_BB.dist]) or _distributive(text, vstart)
        sign = -1 if verb in _DECREASE else 1
    elif g:
        verb, vstart = g["verb"], bstart + g.start()
        sign = _GROWTH[verb]
    elif last_by and last_by[0] == i - 1 and last_by[1].kind == "by" and _LIST_SEP.match(gap_prev) and (
            last_by[2] or "、" in gap_prev) and last_by[1].delta_kind == _delta_kind(q.unit):
        verb, dist = last_by[1].verb, last_by[2]  # 分别增加118%、236%、74%
        sign = -1 if verb in _DECREASE else 1
        base = last_by[1].baseline
    else:
        bt30, b30 = _before(text, q, 30)
        r = _BEFORE_RATIO.search(bt30)
        if r and q.unit == "倍":
            start = b30 + r.start()
            return Change("ratio", Span(start, q.span.end), r["rv"], factor=q.value, delta_quantity=q,
                          bound=_RATIO_BOUND.get(r["rv"]),  # type: ignore[arg-type]
                          baseline=(r["base"] or "").strip() or _baseline(text, start)), None
        return None, last_by
    if base is None:
        base = _baseline(text, vstart)
    if q.value < 0:
        sign = 1  # a written sign wins: 下降-2.1% is the rate -2.1 %, not a double negative
    if q.unit == "倍":  # 增长1.3倍 = +130 %
        ch = Change("by", Span(vstart, q.span.end), verb, delta_quantity=q, delta=_plain(sign * q.value * 100),
                    delta_unit="%", delta_kind="percent", factor=1 + sign * q.value,
                    baseline=base)
    else:
        dq = _refine_delta(q, out, text)
        ch = Change("by", Span(vstart, q.span.end), verb, delta_quantity=dq, delta=sign * q.value,
                    delta_unit=dq.unit, delta_kind=_delta_kind(q.unit), baseline=base)
    return ch, (i, ch, dist)


def _refine_delta(q: Quantity, earlier: list[Change], text: str) -> Quantity:
    """A bare 元 delta after a from→to change of 元/人/月 in the same sentence takes that unit."""
    for c in reversed(earlier):
        if c.span.end < q.span.start - 200:
            return q
        if c.kind == "from_to" and c.new is not None:
            if _same_sentence(text, c.span.end, q.span.start) and (
                    refines(c.new.unit, q.unit) or (unit_base(c.new.unit) == q.unit and c.new.unit != q.unit)):
                return replace(q, unit=c.new.unit, unit_source="context")
            return q
    return q


def apply_changes(quantities: list[Quantity], changes: list[Change]) -> list[Quantity]:
    """The quantities with roles and shared units from ``changes`` (same order, same spans)."""
    by_start: dict[int, Quantity] = {}
    for c in changes:
        if c.previous is not None:
            by_start[c.previous.span.start] = c.previous
        if c.new is not None:
            by_start[c.new.span.start] = c.new
        if c.delta_quantity is not None and c.kind == "by":
            by_start[c.delta_quantity.span.start] = replace(c.delta_quantity, role="delta")
    return [by_start.get(q.span.start, q) for q in quantities]
