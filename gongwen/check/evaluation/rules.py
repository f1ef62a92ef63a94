"""Evaluate relations with interval arithmetic and turn them into findings: sums, subsets, item
counts and changes here, rates and levels in :mod:`gongwen.check.evaluation.ratios`; the shared display,
verdict and severity helpers are :mod:`gongwen.check.evaluation.verdicts`'.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from ...figure import Figure
from ..reading.relations import Candidate
from ..reading.textindex import TextIndex
from .findings import Finding, Severity, code_info
from .intervals import (
    Interval,
    NotCheckable,
    Reading,
    hedge_kind,
    interval_of,
    interval_under,
    vocab,
)
from .ratios import eval_derived, eval_implied, eval_ratio, eval_share
from .slips import WORDS, telling_slip
from .verdicts import (
    HUNDRED,
    _decide,
    _relit,
    _severity,
    _slip_hint,
    ivs,
    lit,
    make,
    places_of,
    plain,
    scale_of,
    scale_slip,
    show,
    show_gap,
    transposition,
)


def eval_sum(c: Candidate, idx: TextIndex) -> list[Finding]:
    """Breakdown = total, stated total = Σ items, subset Σ parts ≤ whole."""
    whole, parts = c.whole[0], list(c.parts)
    figs = [whole, *parts]
    labels = c.params.get("labels") or [""] * len(parts)
    equality = c.kind == "sum"
    minus = set(c.params.get("overlaps") or ())  # a group counted in two parts, counted once in the whole

    def test(r: Reading, override: tuple[Figure, Decimal] | None = None,
             points: bool = False) -> tuple[bool, Interval, Interval]:
        def iv(f: Figure) -> Interval:
            if points and (f is not whole or not equality):  # ≤ as printed: 35 + 7 ≤ 42 部
                return Interval.point(f.value)
            return interval_under(f, r, override)
        total = iv(parts[0])
        for k, p in enumerate(parts[1:], 1):
            total = total - iv(p) if k in minus else total + iv(p)
        stated = iv(whole)
        ok = total.intersects(stated) if equality else total.le(stated)
        return ok, total, stated

    # the parts as printed add up to the whole as printed (46 + 52 + 40 公里 = 138 公里): how the
    # writer computed it, so a pass that the parts' rounding leaves loose is still a verification
    printed = None if any(hedge_kind(f) is not None for f in parts) else (lambda: test("strict", None, True)[0])
    status, reading, computed, stated = _decide(figs, test, printed=printed)
    hints: list[str] = []
    named = [f"{lab}{lit(p)}" if lab and lab not in lit(p) else lit(p) for lab, p in zip(_short(labels), parts)]
    terms = named[0] + "".join((" − " if k in minus else " + ") + t for k, t in enumerate(named[1:], 1))
    out: list[Finding] = []
    # persons summed into person-times by a stated total are no mix (totals.stated_totals)
    counted = vocab()["per_time_units"].get(whole.unit, ()) if c.params.get("per_time") else ()
    mixed = any(p.unit and p.unit != whole.unit and p.unit not in counted for p in parts)
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
            msg += "；各项互不交叉，之和不能超过总数" if c.params.get("disjoint") else \
                "；更正后各项之和恰为总数" if misprinted else "；如各项有交叉请注明"
        if "rounding" in hints:
            msg += "；相差不足末位半个单位，可能为截尾或进位口径不同"
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
        elif status == "consistent" and not mixed and len(parts) > 1 and not any(hedge_kind(f) for f in figs):
            out += _short_by_misprint(c, idx, whole, parts, minus, terms, comp)
    return out


def _short_by_misprint(c: Candidate, idx: TextIndex, whole: Figure, parts: list[Figure], minus: set[int],
                       terms: str, comp: str) -> list[Finding]:
    """其中 城市 1,628 人 + 农村 284 人 = 1,912 人 ≤ 4,312 人 holds, but read as 2,684 人 (a digit
    dropped) the parts as printed make the whole exactly: a list that falls short of its whole by
    the digit one of its figures lacks is the whole's breakdown, misprinted (GW101, as a closed
    list that misses).  A list that leaves a class out falls short by the size of that class,
    which two swapped digits meet often enough (18 is the gap between 368 and 386: on the
    development set about one class in forty, left out of a list that adds up, is met so), a
    dropped digit of a number of three significant digits almost never: only that tells.  The
    parts must make the whole as printed, and the whole must not be printed coarser than its
    parts (1.12 万户 is met by any sum within its last place)."""
    if any(scale_of(p)[1] != scale_of(whole)[1] or p.quantum != whole.quantum for p in parts):
        return []

    def makes_whole(f: Figure, v: Decimal) -> bool:
        total = Interval.point(Decimal(0))
        for k, p in enumerate(parts):
            x = Interval.point(v if p is f else p.value)
            total = total - x if k in minus else total + x
        return total.intersects(Interval.point(v if f is whole else whole.value))

    slip = telling_slip([whole, *parts], makes_whole, kinds=("dropped", "extra"))
    if slip is None:
        return []
    f, kind, number = slip
    tp = f"{lit(f)} 可能为 {_relit(f, number)} 之误（{WORDS[kind]}）"
    c2 = Candidate(code="GW101", kind="sum", whole=c.whole, parts=c.parts, trigger=c.trigger, cue=c.cue,
                   explicit=False, exhaustive=True)
    msg = f"其中 {terms} = {comp}，少于总数 {lit(whole)}，但{tp}：如此则各项之和恰为总数"
    return [make(c2, idx, "inconsistent", "error", msg, [whole, *parts], lit(whole), comp,
                 hints=(_slip_hint(tp),))]


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
            return interval_under(f, r, override)
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

    def test(rd: Reading, override: tuple[Figure, Decimal] | None = None,
             points: bool = False) -> tuple[bool, Interval, Interval]:
        def iv(f: Figure) -> Interval:
            return Interval.point(f.value) if points and f is not r else interval_under(f, rd, override)
        a, b = iv(old), iv(new)
        comp = ((b - a) / a).scale(factor)
        stated = iv(r) if sign > 0 else -iv(r)
        return comp.intersects(stated), comp, stated

    # the two levels as printed give the printed rate (52 亿元 over 47.6 亿元 is 9.24 %, stated 9.2 %):
    # how the writer computed it, so a pass the levels' rounding leaves loose is still a verification
    printed = None if any(hedge_kind(f) is not None for f in (new, old)) else (lambda: test("strict", None, True)[0])
    try:
        status, reading, computed, stated = _decide(figs, test, pct=unit == "%", printed=printed)
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
