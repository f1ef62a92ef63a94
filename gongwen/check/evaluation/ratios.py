"""Evaluate rates and levels: a level per unit (救助水平 = 金额 ÷ 人次), a share or rate (part ÷
whole), growth rates that must fit together (人次, 金额, 水平), and a growth implied by a stated
difference (较上年增加 d，增长 r%).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from ...figure import Figure
from ..reading.relations import Candidate
from ..reading.textindex import TextIndex
from .findings import Finding
from .intervals import (
    Interval,
    NotCheckable,
    Reading,
    hedge_kind,
    interval_of,
    interval_under,
    is_exact,
)
from .slips import WORDS, slipped
from .verdicts import (
    HUNDRED,
    _decide,
    _severity,
    _slip_hint,
    ivs,
    lit,
    make,
    places_of,
    plain,
    said,
    show,
    transposition,
)


def eval_ratio(c: Candidate, idx: TextIndex) -> list[Finding]:
    """level = amount ÷ count (救助水平 = 金额 / 人次)."""
    level = c.whole[0]
    if not c.params.get("complete"):
        msg = f"{lit(level)}：同句中未找到对应的总额和人次（户数），无法核验"
        return [make(c, idx, "not_checkable", "info", msg, [level, *c.parts], None, lit(level))]
    amount, count = c.parts
    figs = [level, amount, count]
    months = int(c.params.get("months", 1))
    factor = Decimal(str(c.params.get("scale", 1)))  # 吨 ÷ 亩 in 公斤/亩: × 1000
    cover = int(c.params.get("cover", 0))  # months a stock covers: stock ÷ (flow ÷ its months)
    if cover:
        factor = Decimal(cover)

    def test(r: Reading, override: tuple[Figure, Decimal] | None = None,
             points: bool = False) -> tuple[bool, Interval, Interval]:
        def iv(f: Figure) -> Interval:
            return Interval.point(f.value) if points and f is not level else interval_under(f, r, override)
        comp = iv(amount) / iv(count)
        if months != 1:
            comp = comp / Interval.point(Decimal(months))
        if factor != 1:
            comp = comp.scale(factor)
        return comp.intersects(iv(level)), comp, iv(level)

    try:
        status, reading, computed, stated = _decide(figs, test, printed=_printed(figs, test))
    except NotCheckable as e:
        return [make(c, idx, "not_checkable", "info", f"无法核验：{e}", figs, None, lit(level))]
    hints: list[str] = []
    # a pairing the text makes (``anchored``) missed by one misprint of one figure: the one meant
    tp = transposition(figs, lambda f, v: test(reading, (f, v))[0]) \
        if status == "inconsistent" and c.params.get("anchored") else None
    # read, not stated (confirm_only): only two swapped digits leave no reading (an error); other
    # misprints warn
    swap = WORDS["swap"] in (tp or "")
    read = bool(c.params.get("confirm_only"))
    sev = _severity(c, status, computed, stated, figs, hints, bool(tp) and (swap or not read))
    if c.params.get("mixed_units") and sev == "error" or read and sev == "error" and not swap:
        sev = "warning"
    comp = show(computed, level)
    prec = ""
    if not is_exact(amount):
        prec = f"按显示精度，{lit(amount)} 对应 {show(interval_of(amount, reading), amount, 1, amount.unit)}；"
    per = f" ÷ {months}个{'月' if level.unit.endswith('/月') else '年'}" if months != 1 else ""
    if cover:
        per = ""
    elif factor != 1:  # the units converted, said once: (73.52万吨 ÷ 186.4万亩，吨折公斤)
        per += f"（{amount.unit}折{level.unit.split('/')[0]}）" if amount.unit != level.unit.split("/")[0] else \
            f"（{count.unit}折{c.params.get('per', count.unit)}）"
    base = f"{prec}{lit(amount)} ÷ {lit(count)}{per} = {comp}" if not cover else \
        f"{prec}{lit(amount)} ÷ ({lit(count)} ÷ {cover}个月) = {comp}"
    if status == "inconsistent":
        msg = f"{base}，与所述{said(c.trigger, level)} 不符"
        slip = _scale_hint(amount, count, level, reading)
        if slip:
            hints.append("scale")
            msg += f"（{slip}）"
        elif tp:
            hints.append(_slip_hint(tp))
            msg += f"（{tp}）"
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


def _printed(figs: list[Figure], test: Callable[..., tuple[bool, Interval, Interval]]) -> Callable[[], bool] | None:
    """The test with the operands (``figs[1:]``) at their printed values, for a pass their
    precision leaves loose (:func:`gongwen.check.evaluation.verdicts._decide`); none when one is hedged (约
    6.8 亿元 is no printed value to compute from)."""
    if any(hedge_kind(f) is not None for f in figs[1:]):
        return None
    return lambda: test("strict", None, True)[0]


def eval_share(c: Candidate, idx: TextIndex) -> list[Finding]:
    share = c.whole[0]
    if not c.params.get("complete"):
        return [make(c, idx, "not_checkable", "info", f"{lit(share)}：未找到对应的总数，无法核验占比",
                     [share, *c.parts], None, lit(share))]
    # a share of several parts added (基层机构诊疗人次占比 of 乡镇卫生院 a + 村卫生室 b): all but the last
    *summed, whole = c.parts
    part = summed[0]
    figs = [share, *summed, whole]
    factor = Decimal(str(c.params.get("factor", HUNDRED)))
    complement = bool(c.params.get("complement"))
    # a target is a value that was set, not measured: 3万亩 of 完成年度任务3万亩的107% is exact
    exact_whole = bool(c.params.get("exact_whole")) and hedge_kind(whole) is None

    def test(r: Reading, override: tuple[Figure, Decimal] | None = None,
             points: bool = False) -> tuple[bool, Interval, Interval]:
        def iv(f: Figure) -> Interval:
            if f is whole and exact_whole or points and f is not share:
                return Interval.point(override[1] if override and f is override[0] else f.value)
            return interval_under(f, r, override)
        top = iv(part)
        for g in summed[1:]:
            top = top + iv(g)
        comp = (top / iv(whole)).scale(factor)
        if complement:
            comp = (-comp).shift(factor)
        return comp.intersects(iv(share)), comp, iv(share)

    try:
        status, reading, computed, stated = _decide(figs, test, pct=True, printed=_printed(figs, test))
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
    scale = "" if factor in (HUNDRED, 1) else f" × {plain(factor)}"
    top = " + ".join(lit(g) for g in summed)
    base = f"({top}) ÷ {lit(whole)}{scale} = {comp}" if len(summed) > 1 else f"{top} ÷ {lit(whole)}{scale} = {comp}"
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

    def test(rd: Reading, override: tuple[Figure, Decimal] | None = None,
             points: bool = False) -> tuple[bool, Interval, Interval]:
        def iv(f: Figure) -> Interval:
            return Interval.point(f.value) if points and f is not r else interval_under(f, rd, override)
        comp = (iv(d) / (iv(x) - iv(d))).scale(HUNDRED)
        return comp.intersects(iv(r)), comp, iv(r)

    try:
        status, reading, computed, stated = _decide(figs, test, pct=True, printed=_printed(figs, test))
    except NotCheckable as e:
        return [make(c, idx, "not_checkable", "info", f"增长率无法核验：{e}", figs, None, lit(r))]
    hints: list[str] = []
    tp = transposition(figs, lambda f, v: test(reading, (f, v))[0]) if status == "inconsistent" else None
    comp = f"{computed.show(places_of(r, 1))}%"
    # a change and its rate side by side (``anchored``: 抚恤补助资金较上年增加 318.5 万元，增长 8.8%) are
    # one comparison by the text: the rate one digit off the computed one is a slip of the pen too
    if status == "inconsistent" and tp is None and c.params.get("anchored") \
            and slipped(r, computed if r.value >= 0 else -computed):
        tp = f"{lit(r)} 与推算的 {comp} 仅一位数字不同，疑为笔误"
    # found by reading (not explicit), only two swapped digits leave no reading: an error; other
    # misprints stay a warning
    sev = _severity(c, status, computed, stated, figs, hints,
                    bool(tp) and (c.explicit or WORDS["swap"] in (tp or "")))
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
