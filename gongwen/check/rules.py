"""Evaluate relations with interval arithmetic and turn them into findings.

A relation is inconsistent only when it fails under every admissible reading of its operands
(strict printed precision, then trailing zeros read as rounding); a relation that only the
strict reading breaks becomes an ``info`` with status ``weak``.  Severity starts at the code's
default and is lowered for inferred relations, hedged operands and one-digit margins.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal

from ..figure import Figure
from .findings import Finding, Relation, Severity, Status, code_info
from .intervals import (
    Interval,
    NotCheckable,
    Reading,
    hedge_kind,
    interval_of,
    is_exact,
    readings_of,
    vocab,
)
from .relations import Candidate
from .slips import WORDS, changed_digits, misprints, slipped
from .textindex import TextIndex

WEAK_RELATIVE = Decimal("0.02")  # a pass whose computed interval is wider than 2 % is weak
HUNDRED = Decimal(100)
LOWER: dict[Severity, Severity] = {"error": "warning", "warning": "info", "info": "info"}


# -- display helpers ---------------------------------------------------------------------------

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
            pct: bool = False) -> tuple[Status, Reading, Interval, Interval]:
    """Run a relation test under each reading; the first reading that passes decides."""
    first: tuple[bool, Interval, Interval] | None = None
    for reading in readings_of(figs):
        ok, computed, stated = test(reading)
        first = first or (ok, computed, stated)
        if ok:
            if reading != "strict":
                return "weak", reading, computed, stated
            return ("weak" if _is_wide(computed, stated, pct) else "consistent"), reading, computed, stated
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
    digit changed) makes the relation hold, say which."""
    for f in figs:
        for kind, t, v in misprints(f):
            if holds(f, v):
                return f"{lit(f)} 可能为 {_relit(f, t)} 之误（{WORDS[kind]}）"
    for f in changed:
        for t, v in changed_digits(f):
            if holds(f, v):
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

def eval_sum(c: Candidate, idx: TextIndex) -> list[Finding]:
    """Breakdown = total, stated total = Σ items, subset Σ parts ≤ whole."""
    whole, parts = c.whole[0], list(c.parts)
    figs = [whole, *parts]
    labels = c.params.get("labels") or [""] * len(parts)
    equality = c.kind == "sum"

    def test(r: Reading, override: tuple[Figure, Decimal] | None = None) -> tuple[bool, Interval, Interval]:
        def iv(f: Figure) -> Interval:
            if override and f is override[0]:
                return interval_of(f, r, override[1])
            return interval_of(f, r)
        total = iv(parts[0])
        for p in parts[1:]:
            total = total + iv(p)
        stated = iv(whole)
        ok = total.intersects(stated) if equality else total.le(stated)
        return ok, total, stated

    status, reading, computed, stated = _decide(figs, test)
    hints: list[str] = []
    terms = " + ".join(f"{lab}{lit(p)}" if lab and lab not in lit(p) else lit(p)
                       for lab, p in zip(_short(labels), parts))
    out: list[Finding] = []
    mixed = any(p.unit and p.unit != whole.unit for p in parts)
    if mixed:
        out.append(_unit_mix(c, idx, whole, parts))
    slip = tp = None
    if status == "inconsistent":
        slip = scale_slip(figs, lambda f, v: _equal_sum(test, reading, f, v))
        tp = transposition(figs, lambda f, v: _equal_sum(test, reading, f, v)) if slip is None else None
    # a misprint that makes the parts add up exactly confirms the list is the whole's breakdown
    misprinted = bool(slip or tp) and not mixed
    if status == "inconsistent" and not equality:
        # a subset of several non-exhaustive parts may overlap: probable, not certain
        # … unless they are categories that never overlap (学前/小学/初中; 中央/县级/自筹)
        certain = len(parts) == 1 or bool(c.params.get("disjoint")) or misprinted
        severity: Severity = "error" if certain and (c.explicit or misprinted) else "warning"
        if any(hedge_kind(f) for f in figs) or mixed:
            severity = "warning"
    else:
        severity = _severity(c, status, computed, stated, figs, hints, misprinted)
        if (mixed or not c.exhaustive) and severity == "error" and not misprinted:
            severity = "warning"  # a bracketed list of categories we do not know to partition
    # the sum in the scale its parts are written in (68.41–68.44亿元 against a stated 68.42万元)
    scales = {scale_of(p)[1] for p in parts}
    ref = parts[0] if len(scales) == 1 and scales != {scale_of(whole)[1]} and parts[0].unit == whole.unit else whole
    comp = show(computed, ref)
    if status == "inconsistent":
        gap = computed.gap(stated)
        diff = f"差 {show_gap(gap, ref)}"
        if slip:
            hints.append("scale")
            diff += f"，{slip}"
        if tp:
            hints.append(_slip_hint(tp))
            diff += f"，{tp}"
        if equality:
            msg = f"{terms} = {comp}，与所述{'合计' if c.code == 'GW102' else '总数'} {lit(whole)} 不符（{diff}）"
        elif len(parts) == 1:
            msg = f"其中 {terms} 大于总数 {lit(whole)}（{diff}）"
        else:
            msg = f"其中各项 {terms} = {comp}，超过总数 {lit(whole)}（{diff}）"
            msg += "；各项互不交叉，之和不能超过总数" if c.params.get("disjoint") else "；如各项有交叉请注明"
        if "rounding" in hints:
            msg += "；相差不足末位一个单位，可能为舍入口径不同"
    elif status == "weak" and reading == "rounded":
        msg = f"{terms} = {comp}，按精确值与 {lit(whole)} 不符，若其为约数则一致"
    else:
        if equality:
            msg = f"{terms} = {comp}，与所述{'合计' if c.code == 'GW102' else '总数'} {lit(whole)} 一致"
        else:
            msg = f"其中 {terms} = {comp}，不超过总数 {lit(whole)}，一致" if len(parts) > 1 else \
                f"其中 {terms} 不超过总数 {lit(whole)}，一致"
        if c.kind == "subset" and c.params.get("bracket") and not c.params.get("subset_cue"):
            msg += "（分项未必完整，按不超过总数核验）"
    out.insert(0, make(c, idx, status, severity, msg, figs, comp, lit(whole),
                       [ivs("computed", computed), ivs("stated", stated)], hints, reading))
    if status != "inconsistent" and not equality:
        # 其中 74215万元、14442元、5836万元、4127万元 ≤ 98620万元 holds, but only by a slip: read in
        # 万元 like its neighbours, 14442 makes the parts add up to the total exactly
        slip = scale_slip(figs, lambda f, v: _equal_sum(test, reading, f, v))
        if slip:
            c2 = Candidate(code="GW116", kind="scale", whole=c.whole, parts=c.parts, trigger=c.trigger, cue=c.cue,
                           explicit=False)
            # read in its neighbours' scale the parts add up to the total exactly: the list is the
            # whole's breakdown and one part is misprinted (no reading makes 14442 元 a fee in 万元)
            msg = f"其中 {terms} 合计不超过总数 {lit(whole)}，但{slip}：如此则各项之和恰为总数"
            sev: Severity = "warning" if any(hedge_kind(f) for f in figs) else "error"
            out.append(make(c2, idx, "inconsistent", sev, msg, figs, lit(whole), comp, hints=("scale",)))
    return out


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


def _equal_sum(test: Callable[..., tuple[bool, Interval, Interval]], reading: Reading, f: Figure,
               v: Decimal) -> bool:
    """A digit swap explains a sum only when it makes the parts add up exactly (never a mere ≤)."""
    _, total, stated = test(reading, (f, v))
    return total.intersects(stated)


def _short(labels: Sequence[str]) -> list[str]:
    out = []
    for lab in labels:
        for cue in ("其中", "包括", "含"):
            lab = lab.removeprefix(cue)
        out.append(lab if len(lab) <= 8 else "")
    return out


def _unit_mix(c: Candidate, idx: TextIndex, whole: Figure, parts: Sequence[Figure]) -> Finding:
    odd = [p for p in parts if p.unit and p.unit != whole.unit]
    c2 = Candidate(code="GW117", kind="unit", whole=c.whole, parts=tuple(odd), trigger=c.trigger, cue=c.cue)
    units = "、".join(sorted({p.unit for p in odd}))
    msg = (f"总数 {lit(whole)} 的单位为“{whole.unit}”，分项 {'、'.join(lit(p) for p in odd)} 的单位为“{units}”，"
           f"不同计量单位相加，请统一口径")
    return make(c2, idx, "inconsistent", "warning", msg, [*odd, whole], whole.unit, units)


def eval_count(c: Candidate, idx: TextIndex) -> list[Finding]:
    """两项合计 lists exactly two items."""
    n = int(c.params["count"])
    k = len(c.parts)
    figs = [*c.parts, *c.whole]
    if k == n:
        return [make(c, idx, "consistent", "info", f"“{c.trigger}”前列出 {k} 项，与所述项数一致", figs, str(n), str(k))]
    msg = f"“{c.trigger}”所述 {n} 项，前文只列出 {k} 项同单位金额或数量"
    return [make(c, idx, "inconsistent", code_info(c.code).severity, msg, figs, str(n), str(k))]


# -- changes ------------------------------------------------------------------------------------

def eval_direction(c: Candidate, idx: TextIndex) -> list[Finding]:
    new, old = c.whole[0], c.parts[0]
    sign = int(c.params["sign"])
    figs = [new, old]

    def test(r: Reading) -> tuple[bool, Interval, Interval]:
        d = interval_of(new, r) - interval_of(old, r)
        ok = (d.hi is None or d.hi > 0) if sign > 0 else (d.lo is None or d.lo < 0)
        return ok, d, Interval(Decimal(0), None, True) if sign > 0 else Interval(None, Decimal(0), False, True)

    status, reading, computed, stated = _decide(figs, test)
    if status == "weak" and reading == "strict":
        status = "consistent"
    hints: list[str] = []
    sev = _severity(c, status, computed, stated, figs, hints)
    verb = str(c.params.get("verb") or ("提高" if sign > 0 else "减少"))
    if status == "inconsistent":
        msg = f"文中说由 {lit(old)} {_to(verb)} {lit(new)}，但 {lit(new)} {'不大于' if sign > 0 else '不小于'} {lit(old)}"
    else:
        msg = f"由 {lit(old)} {_to(verb)} {lit(new)}，方向一致"
    return [make(c, idx, status, sev, msg, figs, verb, show(computed, new), [ivs("difference", computed)],
                 hints, reading)]


def _to(verb: str) -> str:
    return verb if verb.endswith(("至", "到", "为")) else verb + "至"


def eval_diff(c: Candidate, idx: TextIndex) -> list[Finding]:
    """B − A = D (sign by verb)."""
    new = c.whole[0]
    old, d = c.parts
    sign = int(c.params["sign"])
    figs = [d, new, old]

    def test(r: Reading, override: tuple[Figure, Decimal] | None = None) -> tuple[bool, Interval, Interval]:
        def iv(f: Figure) -> Interval:
            return interval_of(f, r, override[1]) if override and f is override[0] else interval_of(f, r)
        comp = iv(new) - iv(old)
        stated = iv(d) if sign > 0 else -iv(d)
        return comp.intersects(stated), comp, stated

    status, reading, computed, stated = _decide(figs, test)
    if status == "weak" and reading == "strict":
        status = "consistent"
    if status == "inconsistent" and d.unit == "个百分点" and new.unit == "%":
        try:
            rel = ((interval_of(new) - interval_of(old)) / interval_of(old)).scale(HUNDRED)
        except NotCheckable:
            rel = None
        if rel is not None and rel.intersects(interval_of(d) if sign > 0 else -interval_of(d)):
            c2 = Candidate(code="GW110", kind="points", whole=c.whole, parts=c.parts, trigger=c.trigger)
            msg = (f"{lit(old)} 到 {lit(new)} 相差 {computed.show(places_of(d))} 个百分点，而 {lit(d)} 是相对增幅"
                   f"（{rel.show(places_of(d, 1))}%）；相对增幅应写作“%”，两率之差才称“个百分点”")
            return [make(c2, idx, "inconsistent", "warning", msg, figs, f"{computed.show(places_of(d))}个百分点",
                         lit(d), [ivs("relative", rel)])]
    hints: list[str] = []
    tp = transposition(figs, lambda f, v: test(reading, (f, v))[0]) if status == "inconsistent" else None
    sev = _severity(c, status, computed, stated, figs, hints, bool(tp))
    comp = show(computed, d, unit=d.unit if d.unit != new.unit else new.unit.split("/")[0])
    verb = str(c.params.get("verb") or ("提高" if sign > 0 else "减少"))
    base = f"{lit(new)} − {lit(old)} = {comp}"
    if status == "inconsistent":
        msg = f"{base}，与所述{verb} {lit(d)} 不符（差 {show_gap(computed.gap(stated), d)}"
        msg += f"，{tp}）" if tp else "）"
        if tp:
            hints.append(_slip_hint(tp))
    else:
        msg = f"{base}，与所述{verb} {lit(d)} 一致"
    return [make(c, idx, status, sev, msg, figs, comp, lit(d), [ivs("computed", computed), ivs("stated", stated)],
                 hints, reading)]


def eval_growth(c: Candidate, idx: TextIndex) -> list[Finding]:
    """(B − A) / A = r (%), or B / A − 1 = k (倍); % of two rates may mean points (GW110)."""
    new = c.whole[0]
    old, r = c.parts
    sign = int(c.params["sign"])
    unit = str(c.params["unit"])
    factor = HUNDRED if unit == "%" else Decimal(1)
    figs = [r, new, old]

    def test(rd: Reading, override: tuple[Figure, Decimal] | None = None) -> tuple[bool, Interval, Interval]:
        def iv(f: Figure) -> Interval:
            return interval_of(f, rd, override[1]) if override and f is override[0] else interval_of(f, rd)
        a, b = iv(old), iv(new)
        comp = ((b - a) / a).scale(factor)
        stated = iv(r) if sign > 0 else -iv(r)
        return comp.intersects(stated), comp, stated

    try:
        status, reading, computed, stated = _decide(figs, test, pct=unit == "%")
    except NotCheckable as e:
        return [make(c, idx, "not_checkable", "info", f"增长率无法核验：{e}", figs, None, lit(r))]
    hints: list[str] = []
    out: list[Finding] = []
    if status == "inconsistent" and unit == "%" and new.unit == "%":
        pts = interval_of(new, "strict") - interval_of(old, "strict")
        st = interval_of(r, "strict") if sign > 0 else -interval_of(r, "strict")
        if pts.intersects(st):
            c2 = Candidate(code="GW110", kind="points", whole=c.whole, parts=c.parts, trigger=c.trigger)
            msg = (f"{lit(old)} 到 {lit(new)} 相差 {pts.show(places_of(r))} 个百分点，文中写作 {lit(r)}；"
                   f"两个百分率之差应称“个百分点”")
            return [make(c2, idx, "inconsistent", "warning", msg, figs, f"{pts.show(places_of(r))}个百分点",
                         lit(r), [ivs("points", pts)])]
    if status == "inconsistent" and unit == "倍":
        ratio = interval_of(new, "strict") / interval_of(old, "strict")
        if ratio.intersects(interval_of(r, "strict")):
            c2 = Candidate(code="GW111", kind="multiple", whole=c.whole, parts=c.parts, trigger=c.trigger)
            msg = (f"{lit(new)} ÷ {lit(old)} = {ratio.show(places_of(r, 1))}，即“是原来的 {lit(r)}”或"
                   f"“增长 {plain(r.value - 1)} 倍”；“增长 {lit(r)}”意为变为原来的 {plain(r.value + 1)} 倍")
            return [make(c2, idx, "inconsistent", "warning", msg, figs, f"增长{plain(r.value - 1)}倍", lit(r),
                         [ivs("ratio", ratio)])]
    slip = None
    if status == "inconsistent":  # 突破 75 万元 against 68.5 亿元: one amount misprinted in scale
        def holds(f: Figure, v: Decimal) -> bool:
            try:
                return test(reading, (f, v))[0]
            except NotCheckable:
                return False
        slip = scale_slip([new, old], holds, 2) or transposition([new, old], holds)
    sev = _severity(c, status, computed, stated, figs, hints, bool(slip))
    comp = f"{computed.show(places_of(r, 1))}{'%' if unit == '%' else '倍'}"
    base = f"({lit(new)} − {lit(old)}) ÷ {lit(old)} = {comp}"
    said = f"{'增长' if sign > 0 else '下降'} {lit(r)}"
    if status == "inconsistent":
        msg = f"{base}，与所述{said} 不符" + (f"（{slip}）" if slip else "")
        if slip:
            hints.append("scale" if "混写" in slip else _slip_hint(slip))
    elif status == "weak":
        msg = f"{base}，所述{said} 在此范围内，但按显示精度无法精确核验"
    else:
        msg = f"{base}，与所述{said} 一致"
    out.append(make(c, idx, status, sev, msg, figs, comp, lit(r),
                    [ivs("computed", computed), ivs("stated", stated)], hints, reading))
    return out


# -- ratios and shares -------------------------------------------------------------------------

def eval_ratio(c: Candidate, idx: TextIndex) -> list[Finding]:
    """level = amount ÷ count (救助水平 = 金额 / 人次)."""
    level = c.whole[0]
    if not c.params.get("complete"):
        msg = f"{lit(level)}：同句中未找到对应的总额和人次（户数），无法核验"
        return [make(c, idx, "not_checkable", "info", msg, [level, *c.parts], None, lit(level))]
    amount, count = c.parts
    figs = [level, amount, count]
    months = int(c.params.get("months", 1))

    def test(r: Reading, override: tuple[Figure, Decimal] | None = None) -> tuple[bool, Interval, Interval]:
        def iv(f: Figure) -> Interval:
            return interval_of(f, r, override[1]) if override and f is override[0] else interval_of(f, r)
        comp = iv(amount) / iv(count)
        if months != 1:
            comp = comp / Interval.point(Decimal(months))
        return comp.intersects(iv(level)), comp, iv(level)

    try:
        status, reading, computed, stated = _decide(figs, test)
    except NotCheckable as e:
        return [make(c, idx, "not_checkable", "info", f"无法核验：{e}", figs, None, lit(level))]
    hints: list[str] = []
    sev = _severity(c, status, computed, stated, figs, hints)
    if c.params.get("mixed_units") and sev == "error":
        sev = "warning"
    comp = show(computed, level)
    prec = ""
    if not is_exact(amount):
        prec = f"按显示精度，{lit(amount)} 对应 {show(interval_of(amount, reading), amount, 1, amount.unit)}；"
    per = f" ÷ {months}个{'月' if level.unit.endswith('/月') else '年'}" if months != 1 else ""
    base = f"{prec}{lit(amount)} ÷ {lit(count)}{per} = {comp}"
    if status == "inconsistent":
        msg = f"{base}，与所述{said(c.trigger, level)} 不符"
        slip = _scale_hint(amount, count, level, reading)
        if slip:
            hints.append("scale")
            msg += f"（{slip}）"
    elif status == "weak":
        msg = f"{base}；文中 {lit(level)} 在此范围内，精度不足以精确核验"
    else:
        msg = f"{base}；文中 {lit(level)} 在此范围内，一致"
    return [make(c, idx, status, sev, msg, figs, comp, lit(level),
                 [ivs("computed", computed), ivs("stated", stated)], hints, reading)]


def _scale_hint(amount: Figure, count: Figure, level: Figure, r: Reading) -> str | None:
    for k, word in ((Decimal(10000), "万元与元"), (Decimal(10), "小数点位置"), (Decimal(100), "小数点位置")):
        for factor in (k, 1 / k):
            try:
                moved = Interval.around(amount.value * factor, amount.quantum * factor / 2)
                comp = moved / interval_of(count, r)
            except NotCheckable:
                continue
            if comp.intersects(interval_of(level, r)):
                return f"若总额扩大或缩小 {plain(k)} 倍则一致，疑为{word}混写"
    return None


def eval_share(c: Candidate, idx: TextIndex) -> list[Finding]:
    share = c.whole[0]
    if not c.params.get("complete"):
        return [make(c, idx, "not_checkable", "info", f"{lit(share)}：未找到对应的总数，无法核验占比",
                     [share, *c.parts], None, lit(share))]
    part, whole = c.parts
    figs = [share, part, whole]
    factor = Decimal(str(c.params.get("factor", HUNDRED)))
    complement = bool(c.params.get("complement"))
    # a target is a value that was set, not measured: 5万亩 of 完成年度任务5万亩的104% is exact
    exact_whole = bool(c.params.get("exact_whole")) and hedge_kind(whole) is None

    def test(r: Reading, override: tuple[Figure, Decimal] | None = None) -> tuple[bool, Interval, Interval]:
        def iv(f: Figure) -> Interval:
            if override and f is override[0]:
                return Interval.point(override[1]) if f is whole and exact_whole else interval_of(f, r, override[1])
            return Interval.point(f.value) if f is whole and exact_whole else interval_of(f, r)
        comp = (iv(part) / iv(whole)).scale(factor)
        if complement:
            comp = (-comp).shift(factor)
        return comp.intersects(iv(share)), comp, iv(share)

    try:
        status, reading, computed, stated = _decide(figs, test, pct=True)
    except NotCheckable as e:
        return [make(c, idx, "not_checkable", "info", f"无法核验：{e}", figs, None, lit(share))]
    hints: list[str] = []
    anchored = bool(c.params.get("anchored"))
    # (one digit of an operand changed is evidence only for a pairing the text makes itself)
    tp = transposition(figs, lambda f, v: test(reading, (f, v))[0], changed=figs[1:] if anchored else ()) \
        if status == "inconsistent" else None
    # an inferred pairing the text makes itself (its own sentence, its names), missed by a
    # misprint of the rate (one digit off, two swapped) or of an operand, is the one meant: no
    # reading makes it true
    meant = anchored and (bool(tp) or slipped(share, computed))
    sev = _severity(c, status, computed, stated, figs, hints, meant)
    unit = "%" if factor == HUNDRED else share.unit
    comp = f"{computed.show(places_of(share, 1))}{unit}"
    scale = "" if factor == HUNDRED else f" × {plain(factor)}"
    base = f"{lit(part)} ÷ {lit(whole)}{scale} = {comp}"
    if complement:
        base = f"1 − {lit(part)} ÷ {lit(whole)} = {comp}"
    what = {"GW122": "完成比例", "GW123": c.trigger or "比率"}.get(c.code, "")
    msg = f"{base}，与所述{said(what, share)} {'不符' if status == 'inconsistent' else '一致'}"
    if status == "inconsistent" and tp:
        hints.append(_slip_hint(tp))
        msg += f"（{tp}）"
    return [make(c, idx, status, sev, msg, figs, comp, lit(share),
                 [ivs("computed", computed), ivs("stated", stated)], hints, reading)]


def eval_derived(c: Candidate, idx: TextIndex) -> list[Finding]:
    """人次 +a%, 金额 +b%, 水平 +c%: (1+b)/(1+a) = 1+c (rates signed at discovery)."""
    level = c.whole[0]
    count, amount = c.parts
    sign = int(c.params["sign"])
    figs = [level, count, amount]
    one = Interval.point(Decimal(1))

    def g(f: Figure, r: Reading) -> Interval:
        return one + interval_of(f, r).scale(Decimal("0.01"))  # rates carry their sign

    def test(r: Reading) -> tuple[bool, Interval, Interval]:
        comp = ((g(amount, r) / g(count, r)) - one).scale(HUNDRED)
        stated = (g(level, r) - one).scale(HUNDRED)
        return comp.intersects(stated), comp, stated

    try:
        status, reading, computed, stated = _decide(figs, test, pct=True)
    except NotCheckable as e:
        return [make(c, idx, "not_checkable", "info", f"无法核验：{e}", figs, None, lit(level))]
    hints: list[str] = []
    sev = _severity(c, status, computed, stated, figs, hints)
    s = "+" if sign > 0 else "−"
    names = c.params.get("names") or ["人次", "金额", "水平"]
    comp = f"{computed.show(1)}%"
    base = (f"人次{s}{lit(count)}、金额{s}{lit(amount)} 时，水平应变动 (1{s}{lit(amount)}) ÷ (1{s}{lit(count)}) − 1 "
            f"= {comp}")
    if status == "inconsistent":
        msg = f"{base}，与所述{names[-1] if names else '水平'}{s}{lit(level)} 不符（按水平 = 金额 ÷ 人次推算）"
    else:
        msg = f"{base}，与所述 {lit(level)} 一致"
    return [make(c, idx, status, sev, msg, figs, comp, lit(level),
                 [ivs("computed", computed), ivs("stated", stated)], hints, reading)]


def eval_implied(c: Candidate, idx: TextIndex) -> list[Finding]:
    """较上年增加 d，增长 r%: last year's value is X − d, so r = d ÷ (X − d) (d and r signed)."""
    x = c.whole[0]
    d, r = c.parts
    figs = [r, x, d]

    def test(rd: Reading, override: tuple[Figure, Decimal] | None = None) -> tuple[bool, Interval, Interval]:
        def iv(f: Figure) -> Interval:
            return interval_of(f, rd, override[1]) if override and f is override[0] else interval_of(f, rd)
        comp = (iv(d) / (iv(x) - iv(d))).scale(HUNDRED)
        return comp.intersects(iv(r)), comp, iv(r)

    try:
        status, reading, computed, stated = _decide(figs, test, pct=True)
    except NotCheckable as e:
        return [make(c, idx, "not_checkable", "info", f"增长率无法核验：{e}", figs, None, lit(r))]
    hints: list[str] = []
    tp = transposition(figs, lambda f, v: test(reading, (f, v))[0]) if status == "inconsistent" else None
    sev = _severity(c, status, computed, stated, figs, hints, bool(tp))
    comp = f"{computed.show(places_of(r, 1))}%"
    verb = "增加" if d.value >= 0 else "减少"
    base = f"上年为 {lit(x)} {'−' if d.value >= 0 else '+'} {lit(d)}，{verb} {lit(d)} 即 {comp}"
    said = f"{'增长' if r.value >= 0 else '下降'} {lit(r)}"
    if status == "inconsistent":
        msg = f"{base}，与所述{said} 不符"
        if tp:
            hints.append(_slip_hint(tp))
            msg += f"（{tp}）"
    else:
        msg = f"{base}，与所述{said} 一致"
    return [make(c, idx, status, sev, msg, figs, comp, lit(r),
                 [ivs("computed", computed), ivs("stated", stated)], hints, reading)]


EVALUATORS: dict[str, Callable[[Candidate, TextIndex], list[Finding]]] = {
    "implied": eval_implied,
    "sum": eval_sum,
    "subset": eval_sum,
    "count": eval_count,
    "direction": eval_direction,
    "diff": eval_diff,
    "growth": eval_growth,
    "ratio": eval_ratio,
    "share": eval_share,
    "derived": eval_derived,
}


def evaluate(c: Candidate, idx: TextIndex) -> list[Finding]:
    """The findings of one candidate relation (never raises on odd inputs: not_checkable)."""
    try:
        return EVALUATORS[c.kind](c, idx)
    except NotCheckable as e:
        return [make(c, idx, "not_checkable", "info", f"无法核验：{e}", list(c.figures), None, None)]

