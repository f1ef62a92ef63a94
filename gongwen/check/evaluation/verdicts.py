"""What every evaluator shares: figures shown as the text prints them, the verdict over the
readings of the operands, its severity, misprint hints, and the finding itself.

A relation is inconsistent only when it fails under every admissible reading of its operands
(strict printed precision, then trailing zeros read as rounding); a relation that only the
strict reading breaks becomes an ``info`` with status ``weak``.  Severity starts at the code's
default and is lowered for inferred relations (unless a misprint confirms them), hedged operands
and misses smaller than rounding conventions explain.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal

from ...figure import Figure
from ..reading.relations import Candidate
from ..reading.textindex import TextIndex
from .findings import Finding, Relation, Severity, Status, code_info
from .intervals import (
    Interval,
    NotCheckable,
    Reading,
    hedge_kind,
    is_exact,
    readings_of,
    vocab,
)
from .slips import WORDS, changed_digits, misprints

WEAK_RELATIVE = Decimal("0.02")  # a pass whose computed interval is wider than 2 % is weak
HUNDRED = Decimal(100)
LOWER: dict[Severity, Severity] = {"error": "warning", "warning": "info", "info": "info"}


# -- display helpers ---------------------------------------------------------------------------

def where_said(a: Figure, b: Figure) -> tuple[str, str]:
    """The places two figures are stated, for a message: each one's innermost heading, else 前文 / 后文."""
    return (a.section[-1] if a.section else "前文", b.section[-1] if b.section else "后文")


def said_in(a: Figure, b: Figure) -> str:
    """“在“X”中” when two figures stand under one heading, else “在“X”与“Y””."""
    where_a, where_b = where_said(a, b)
    return f"在“{where_a}”中" if a.section == b.section else f"在“{where_a}”与“{where_b}”"


def lit(f: Figure) -> str:
    """A figure as printed, spaces removed (416户, 41.57万元); a table cell scaled by its header
    (单位：万元) gets the scale word back (52,368万元)."""
    s = "".join(ch for ch in f.as_written if ch not in " \u3000")
    if not s:
        return plain(f.value) + f.unit
    _, word = scale_of(f)
    implicit = word and word not in s
    if implicit:
        s += word
    if (implicit or not any(ch in s for ch in f.unit_as_written or f.unit)) and f.unit and f.unit not in s:
        s += f.unit
    return s


def said(word: str, f: Figure) -> str:
    """What the text states, after 所述: " 47.8%", "集中供养率 31.5%", but "户均11525元" (not
    户均 户均11525元)."""
    if not word:
        return f" {lit(f)}"
    return lit(f) if word in lit(f) else f"{word} {lit(f)}"


def plain(v: Decimal, places: int | None = None) -> str:
    if places is not None:
        q = Decimal(1).scaleb(-places) if places > 0 else Decimal(1)
        return format(v.quantize(q), "f")
    return format(v.normalize(), "f") if v != 0 else "0"


_SCALES = (("亿", Decimal(10) ** 8), ("万", Decimal(10) ** 4))


def scale_of(f: Figure) -> tuple[Decimal, str]:
    """The scale word a figure is printed with (万元 → 10000, "万"), else (1, ""); also when
    the word stands in a table header and the cell shows the bare number."""
    for w, k in _SCALES:
        if w in f.as_written or w in f.unit_as_written:
            return k, w
    digits = "".join(ch for ch in f.as_written if ch.isdigit() or ch in ".-")
    try:
        n = Decimal(digits) if digits.strip(".-") else Decimal(0)
    except ArithmeticError:
        return Decimal(1), ""
    if n != 0:
        for w, k in _SCALES:
            if f.value == n * k:
                return k, w
    return Decimal(1), ""


def places_of(f: Figure, extra: int = 0) -> int:
    k, _ = scale_of(f)
    q = (f.quantum if f.quantum > 0 else Decimal(1)) / k
    exp = q.normalize().as_tuple().exponent
    return max(0, -int(exp) if isinstance(exp, int) else 0) + extra


def show(iv: Interval, ref: Figure, extra: int = 0, unit: str | None = None) -> str:
    """An interval in the scale and unit of a reference figure (41.57万元 → 万元)."""
    k, w = scale_of(ref)
    p = places_of(ref, extra)
    u = ref.unit if unit is None else unit
    if iv.is_point and iv.lo is not None and iv.lo == iv.lo.to_integral_value() and k == 1:
        return f"{plain(iv.lo)}{u}"
    return f"{iv.scale(1 / k).show(p)}{w}{u}"


def show_gap(v: Decimal, ref: Figure) -> str:
    """A difference in the scale and unit of ``ref``, with at least one significant digit (差
    0.05万元, never 差 0.0万元)."""
    extra = 0
    while extra < 4 and v != 0:
        k, _ = scale_of(ref)
        if (abs(v) / k).quantize(Decimal(1).scaleb(-places_of(ref, extra))) != 0:
            break
        extra += 1
    return show(Interval.point(v), ref, extra)


def ivs(name: str, iv: Interval) -> tuple[str, tuple[str | None, str | None]]:
    j = iv.to_json()
    return name, (j[0], j[1])


# -- verdicts -----------------------------------------------------------------------------------

def _decide(figs: Sequence[Figure], test: Callable[[Reading], tuple[bool, Interval, Interval]],
            pct: bool = False, printed: Callable[[], bool] | None = None) -> tuple[Status, Reading, Interval, Interval]:
    """Run a relation test under each reading; the first reading that passes decides.

    A strict pass left loose by the operands' precision is weak, unless ``printed`` (the test
    with the unhedged operands at the values printed, the stated figure at its own precision)
    holds too: the printed figures give the printed result, as whoever wrote it computed it
    (7.5 亿元 over 6.8 亿元 is 10.29 %, stated 10.3 %)."""
    first: tuple[bool, Interval, Interval] | None = None
    for reading in readings_of(figs):
        ok, computed, stated = test(reading)
        first = first or (ok, computed, stated)
        if ok:
            if reading != "strict":
                return "weak", reading, computed, stated
            wide = _is_wide(computed, stated, pct) and not (printed is not None and printed())
            return ("weak" if wide else "consistent"), reading, computed, stated
    assert first is not None
    return "inconsistent", "strict", first[1], first[2]


def _is_wide(computed: Interval, stated: Interval, pct: bool = False) -> bool:
    """A pass is weak when precision leaves the computed value loose: wider than 2 % of the
    stated value, or than 2 percentage points for rates."""
    w = computed.width
    if w is None or stated.lo is None or stated.hi is None:
        return False
    if pct:
        return w > 2
    mid = abs(stated.lo + stated.hi) / 2
    return mid > 0 and w / mid > WEAK_RELATIVE


def _severity(c: Candidate, status: Status, computed: Interval, stated: Interval,
              figs: Sequence[Figure], hints: list[str], slip: bool = False) -> Severity:
    """The level of a verdict: the code's default, lowered for an inferred pairing (unless a
    misprint of one operand makes the relation hold exactly: then the pairing is confirmed),
    for hedged operands (unless the hedge's own interval is missed by more than its width) and
    for a miss of one unit in the last digit (rounding conventions differ)."""
    if status != "inconsistent":
        return "info"
    sev: Severity = "error" if slip else code_info(c.code).severity
    if not c.explicit and sev == "error" and not slip:
        sev = "warning"
    if any(hedge_kind(f) is not None for f in figs):
        hints.append("hedged")
        if sev == "error" and not _beyond_hedges(figs, computed, stated):
            sev = "warning"
    stated_fig = figs[0] if figs else None
    # rounding conventions differ: a figure cut off (3.874 → 3.8) or rounded up misses its printed
    # interval by less than half a unit of its last digit; 124.0 is never printed 125
    if stated_fig is not None and not all(is_exact(f) for f in figs) and \
            computed.gap(stated) < stated_fig.quantum / 2:
        hints.append("rounding")
        sev = LOWER[sev]
    return sev


_BOUNDS = ("at_least", "more_than", "at_most", "less_than", "digit_more")


def _beyond_hedges(figs: Sequence[Figure], computed: Interval, stated: Interval) -> bool:
    """A hedge's interval already is what the text claims: a bound (以上, 突破, 以内) says no
    more, and 约/近 allow their band; missing an about-band by more than the band again (增长
    9.5%左右 against −17%) leaves no reading either."""
    kinds = {hedge_kind(f) for f in figs} - {None}
    if kinds <= set(_BOUNDS):
        return True
    ends = [abs(e) for e in (stated.lo, stated.hi, computed.lo, computed.hi) if e is not None]
    band = Decimal(str(vocab()["about_band"]))
    return bool(ends) and computed.gap(stated) > 2 * band * max(ends)


def _slip_hint(tp: str) -> str:
    return "transposition" if WORDS["swap"] in tp else "misprint"


_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def transposition(figs: Sequence[Figure], holds: Callable[[Figure, Decimal], bool],
                  changed: Sequence[Figure] = ()) -> str | None:
    """If reading one operand as a common misprint of itself (:func:`slips.misprints`: two
    adjacent digits swapped, one digit dropped or doubled; for the operands ``changed`` also one
    digit changed) makes the relation hold, say which. A misprint under which the relation
    cannot be computed (1,320 read as 120 leaves last year's value at zero) is no reading: the
    stated figures are still checked."""
    def fits(f: Figure, v: Decimal) -> bool:
        try:
            return holds(f, v)
        except NotCheckable:
            return False
    for f in figs:
        for kind, t, v in misprints(f):
            if fits(f, v):
                return f"{lit(f)} 可能为 {_relit(f, t)} 之误（{WORDS[kind]}）"
    for f in changed:
        for t, v in changed_digits(f):
            if fits(f, v):
                return f"{lit(f)} 可能为 {_relit(f, t)} 之误（{WORDS['digit']}）"
    return None


def _relit(f: Figure, number: str) -> str:
    """``f`` as :func:`lit` prints it with another number (separators as printed)."""
    old = _NUMBER.findall(lit(f))
    if len(old) != 1:
        return number
    if "," in old[0]:
        ip, _, frac = number.partition(".")
        number = f"{int(ip):,}" + (f".{frac}" if frac else "")
    return lit(f).replace(old[0], number, 1)


def make(c: Candidate, idx: TextIndex, status: Status, severity: Severity, message: str,
         figs: Sequence[Figure], expected: str | None, actual: str | None,
         intervals: Sequence[tuple[str, tuple[str | None, str | None]]] = (), hints: Sequence[str] = (),
         reading: str = "strict", explicit: bool | None = None) -> Finding:
    spans = [f.span for f in figs if f.span.end > f.span.start]
    if c.cue is not None:
        spans.append(c.cue)
    first = figs[0] if figs else None
    sent = idx.sentence_of(first.span.start) if first is not None else None
    return Finding(code=c.code, severity=severity, status=status, message=message, figures=tuple(figs),
                   spans=tuple(spans), expected=expected, actual=actual,
                   relation=Relation(kind=c.kind, trigger=c.trigger,
                                     explicit=c.explicit if explicit is None else explicit,
                                     exhaustive=c.exhaustive, intervals=tuple(intervals), hints=tuple(hints),
                                     reading=reading),
                   section=first.section if first is not None else (), sentence=sent)


# -- sums and subsets ---------------------------------------------------------------------------

_SCALE_FACTORS = {"": Decimal(1), "万": Decimal(10) ** 4, "亿": Decimal(10) ** 8}


def scale_slip(figs: Sequence[Figure], holds: Callable[[Figure, Decimal], bool], least: int = 3) -> str | None:
    """One operand printed in another scale than all the others (14442元 among 万元, 6.35万元
    among 亿元) that makes the relation hold when read in theirs: say which (万元与元混写).  Two
    operands (``least=2``: a growth's old and new values) are enough when the relation then holds."""
    if len(figs) < least or len({f.unit for f in figs}) != 1:
        return None
    words = [scale_of(f)[1] for f in figs]
    for i, f in enumerate(figs):
        others = {w for j, w in enumerate(words) if j != i}
        if len(others) != 1 or words[i] in others:
            continue
        (w,) = others
        v = f.value / _SCALE_FACTORS[words[i]] * _SCALE_FACTORS[w]
        if holds(f, v):
            number = _NUMBER.search(lit(f))
            new = f"{number.group(0) if number else plain(v / _SCALE_FACTORS[w])}{w}{f.unit}"
            return f"{lit(f)} 可能为 {new} 之误（“{w}{f.unit}”与“{words[i]}{f.unit}”混写）"
    return None
