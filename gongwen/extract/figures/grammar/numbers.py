"""Quantities in report text: numbers with their unit, magnitude, hedge, range and condition.

``find_quantities`` returns every quantity literal of a text — 2875.4163万元, 612.38元/人次,
40多家, 3,215户, 六宗, 每人每月915元, 不低于30%, 300-500元/月 — as frozen :class:`Quantity`
values with a ``Decimal`` in the base unit and the exact span of what was written.  Dates,
periods, document numbers, titles in 《》, ordinals, phone numbers and slogans with numerals
(十三五, 一肩挑, 两项补贴) are masked first and never become quantities (:mod:`.masks`).  The
pattern a literal matches is :mod:`.pattern`; what the words around it say of it (a head-count, a
named ratio, a rate per head) is :mod:`.around`; this module reads a match into quantities.

>>> q, = find_quantities("1-9月发放救助金2875.4163万元。")
>>> q.value, q.unit, q.as_written, q.quantum
(Decimal('28754163'), '元', '2875.4163万元', Decimal('1'))
>>> [(q.value, q.unit, q.approx, q.bound) for q in find_quantities("现有站点40多家")]
[(Decimal('40'), '家', '多', '>')]
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import regex

from ....model import Span
from .around import (
    _PER_POP_RE,
    _UNITLESS_AFTER,
    _chinese_ok,
    _context_rate,
    _in_word,
    _named,
    _negative,
    _per_population,
    _person_count,
    _unitless_ok,
)
from .context_units import infer_units, per_visit, share_list_units, structure_shares
from .masks import prepare
from .numerals import cn_quantum, cn_value, parse_number, plain_decimal
from .pattern import _G, _Q_RE, _TAIL_LAST, _TAIL_RE, _Match, _tail
from .periods import PeriodMention
from .quantity import Bound, Condition, Quantity
from .units import (
    TABLES,
    alternation,
    load_yaml,
    rate_unit,
    split_unit,
    unit_base,
)

__all__ = ["find_conditions", "find_quantities"]

_VERBS = load_yaml("changes.yaml")
_CHANGE_VERB_END = regex.compile(rf"(?:{alternation([*_VERBS['increase'], *_VERBS['decrease']])})了?\s*$")
_AGE_VALUE = regex.compile(
    rf"(?:(?:{alternation([*_VERBS['increase'], *_VERBS['decrease']])})(?:了|到|至)?|(?:年龄|寿命)(?:为|是|达到|达|由)?|为|是|由|由\x00+的)\s*$")
_AGE_GROUP_AFTER = regex.compile(r"\s*(?:及以上|以上|及以下|以下|至\d+岁)?的?\s*(?:" + alternation(TABLES.person_nouns) + ")")
_UNITLESS_AFTER_OR_SPACE = _UNITLESS_AFTER | {" ", "\t"}
_ADJACENT_CN = regex.compile(r"(?:一二|二三|三四|四五|五六|六七|七八|八九)[十百千万]")
# what follows an amount that bounds a class of things counted next (10亿元以上项目23个, 超亿元的仅87家)
# (也 after 的 and the things' noun: 年收入50万元以上的村3个 — the noun of the things counted, then their count)
_CLASS_AFTER = regex.compile(rf"的?[ \t]*(?:[\p{{Han}}]{{0,4}}?(?:{alternation(TABLES.class_heads) or '(?!)'})"
                             rf"|(?:仅|只|有|共)?[ \t]*[0-9])|的[\p{{Han}}]{{1,4}}?(?:仅|只|有|共)?[ \t]*[0-9]")
# a range of amounts naming a class (20万元至50万元的村5个): 的 and the class's noun after it
_CLASS_AFTER_RANGE = regex.compile(rf"的[ \t]*(?:[\p{{Han}}]{{0,4}}?(?:{alternation(TABLES.class_heads) or '(?!)'})"
                                   rf"|[\p{{Han}}]{{1,4}}?(?:仅|只|有|共)?[ \t]*[0-9])")


def find_quantities(text: str, *, year: int | None = None,
                    periods: list[PeriodMention] | None = None) -> list[Quantity]:
    """Every quantity literal in ``text``, in order; see the module docstring.

    ``periods`` may pass ``find_periods(text, year=year)`` when the caller has it already
    (saves a second scan); dates and periods are never quantities.
    """
    return _find(text, year, periods)[0]


def find_conditions(text: str, *, year: int | None = None) -> list[Condition]:
    """Bounds used as conditions (80至89周岁, 100周岁以上): scope for the rate that follows."""
    return _find(text, year)[1]


def _find(text: str, year: int | None,
          periods: list[PeriodMention] | None = None) -> tuple[list[Quantity], list[Condition]]:
    work = prepare(text, year, periods)
    out: list[Quantity] = []
    conds: list[Condition] = []
    for mm in _Q_RE.finditer(work):
        if not mm[_G.unit] and not mm[_G.pct] and (  # cheap rejections before the prefix look-up
                mm[_G.cn] or mm[_G.imag] or mm.end() >= len(work)
                or work[mm.end()] not in _UNITLESS_AFTER_OR_SPACE) and not _person_count(work, mm) and not (
                mm[_G.ar] and _named(work, mm) is not None):
            continue
        st = mm.start()
        if st and work[st - 1] == "每" and (pp := _PER_POP_RE.match(work, st - 1)) and pp.end() > mm.start():
            continue  # 每10万人口配置23.6台: the population a count is per, not a figure
        tail = _tail(work, st) if st and work[st - 1] in _TAIL_LAST else None
        if tail is not None and tail["pre"] and _in_word(work, tail.start("pre"), tail.end("pre")):
            tail = _TAIL_RE.search(work, tail.end("pre"), st)  # 签约120人: 约 is part of a word
        m = _Match(mm, tail if tail is not None and tail.end() > tail.start() else None)
        if mm[_G.pct] and not (m.t and m.t["pct0"]):
            continue
        got = _from_match(text, work, m)
        if got is None:
            continue
        if isinstance(got, Condition):
            conds.append(got)
            continue
        if conds and out is not None:
            c = conds[-1]
            gap = work[c.span.end:got[0].span.start]
            if gap.strip(" \t:：") == "" and all(q.span.start < c.span.start for q in out[-1:]):
                got = [replace(q, condition=c.text, condition_span=c.span) for q in got]
        out.extend(got)
    share_list_units(work, out)
    infer_units(work, out)
    out = structure_shares(work, out)
    per_visit(work, out)
    return [q for q in out if q.unit or q.needs_unit or q.unit_source == "noun"], conds


def _per_thing(base: str, dens: tuple[str, ...]) -> bool:
    """Whether a per-unit word right before a number makes a rate of a counter or a measure
    (每平方公里3.2座 → 座/平方公里, 笔均46.6万元 is money; 人均管护675亩 → 亩/人): the base counts
    things, households or measures something, and is not what the rate is per."""
    return TABLES.kinds.get(base) in ("count", "household", "measure") and base not in dens


def _hedge(m: _Match) -> tuple[str | None, Bound | None, Span | None]:
    for g, table in (("pre2", TABLES.prefix_hedges), ("pre", TABLES.prefix_hedges),
                     ("inf", TABLES.infix_hedges), ("inf2", TABLES.infix_hedges),
                     ("suf", TABLES.suffix_hedges)):
        w = m[g]
        if w:
            return w, table[w], Span(m.start(g), m.end(g))  # type: ignore[return-value]
    return None, None, None


def _from_match(text: str, work: str, m: _Match) -> list[Quantity] | Condition | None:
    numtxt = m["ar"] or m["cn"] or m["pct"]
    if m["imag"]:
        if not (m["pre"] or m["pre2"] or m["inf"]) and (
                m.start("imag") == 0 or work[m.start("imag") - 1] not in TABLES.magnitude_hedges):
            return None
        numtxt = None
    unit_written = m["unit"] or ("%" if m["pct"] else "")
    if m["cn"] and not _chinese_ok(m, work, unit_written):
        return None
    if m["cn"] and not m["lo"] and _ADJACENT_CN.match(m["cn"]):
        return _adjacent_range(text, m, unit_written)
    parsed = parse_number(numtxt) if numtxt else (Decimal(1), Decimal(1), "chinese")
    if parsed is None:
        return None
    num, quantum, script = parsed
    base, unit, factor = split_unit(unit_written) if unit_written else ("", "", Decimal(1))
    mult = Decimal(1)
    if m["imag"]:
        mult *= TABLES.magnitudes.get(m["imag"], Decimal(100) if m["imag"] == "百" else Decimal(1))
    if m["mag"]:
        mult *= TABLES.magnitudes[m["mag"]]
    approx, bound, aspan = _hedge(m)
    pre_hedge_start = m.start("pre") if m["pre"] else -1
    if m["imag"] and not approx and m.start("imag") > 0 and work[m.start("imag") - 1] in TABLES.magnitude_hedges:
        w = work[m.start("imag") - 1]
        approx, bound = w, TABLES.magnitude_hedges[w]  # type: ignore[assignment]
        aspan = Span(m.start("imag") - 1, m.start("imag"))
    elif m["cn"] and not approx and m["cn"][0] in "十百千万" and m.start("cn") > 0:
        w = work[m.start("cn") - 1]  # 几十万元, 数十人: the hedge stands for the implied digit
        if w in TABLES.magnitude_hedges:
            approx, bound = w, TABLES.magnitude_hedges[w]  # type: ignore[assignment]
            aspan = Span(m.start("cn") - 1, m.start("cn"))
    if unit_written == "周年":
        return None
    # where the number (or its per-capita prefix) starts and the literal ends
    num_start = m.start("ar") if m["ar"] else m.start("cn") if m["cn"] else (
        m.start("pct") - 3 if m["pct"] else m.start("imag"))
    if unit_written in TABLES.conditions:
        # an age is a condition (80至89周岁, 60周岁以上) unless it is itself the reported value
        # (平均年龄下降4.3岁, 平均年龄为45.2岁, 人均预期寿命79.46岁, 由2022年的78.63岁提高到…: the
        # masked period is NUL characters)
        hs = aspan.start if aspan and aspan.start < num_start else num_start
        # (an age that bounds the people named after it is a condition even after 为: "为65岁及以上
        # 老年人免费体检5.94万人次")
        if m["lo"] or not _AGE_VALUE.search(work, max(0, hs - 8), hs) or _AGE_GROUP_AFTER.match(work, m.end("unit")):
            return _condition(text, m, num, unit_written)
        base = unit = TABLES.conditions[unit_written]
    end = m.end("unit") if m["unit"] else max(m.end("mag"), m.end("inf2"), m.end("inf"),
                                                m.end("ar"), m.end("cn"), m.end("pct"), m.end("imag"))
    unit_source: str = "written"
    uaw = text[m.start("unit"):m.end("unit")] if m["unit"] else ("%" if m["pct"] else "")
    pc_start = m.start("pc") if m["pc"] else -1
    if m["pc"] and (base in TABLES.rate_bases or _per_thing(base, TABLES.per_prefixes[m["pc"]])):
        unit = rate_unit(base, TABLES.per_prefixes[m["pc"]] + tuple(unit.split("/")[1:]))
        uaw = m["pc"] + "…" + uaw
        unit_source = "prefix"
    else:
        pc_start = -1
    needs_unit = False
    named = _named(work, m.m) if not unit_written and m["ar"] else None
    if named is not None:
        base = unit = named[0]  # 收入比…1.94: no unit ("" or, written as a ratio to one, ":1")
        end, unit_source = named[1], "noun"
        uaw = text[m.end("ar"):end].strip()
    elif not unit_written and _person_count(work, m.m):
        base = unit = "人"  # 4.85万低收入高龄老人: a head-count named by its noun
        needs_unit, unit_source = True, "context"
    elif not unit_written:
        if m["lo"] or approx or script != "arabic" or not _unitless_ok(work, num_start, end):
            return None
        needs_unit, unit_source = True, ""
    if m["ar"] and not m["lo"] and _negative(work, num_start):
        num, num_start = -num, num_start - 1  # 增速-4.7%: the sign is part of the literal
    value = plain_decimal(num * mult * factor)
    quantum = plain_decimal(quantum * mult * factor)
    start = pc_start if pc_start >= 0 and not m["lo"] else num_start
    if unit_source == "written" and base in TABLES.rate_bases and unit == base:
        ctx = _context_rate(work, num_start, base)
        if ctx:
            unit, unit_source = ctx, "context"
    elif unit_source == "written" and unit == base and TABLES.kinds.get(base) in ("count", "person", "household",
                                                                                   "measure"):
        den = _per_population(work, num_start) if TABLES.kinds.get(base) in ("count", "person") else None
        if den:
            unit, unit_source = rate_unit(base, (den,)), "context"
        elif TABLES.kinds.get(base) != "person":
            # 人均管护675亩, 全局人均年完成审计项目约1.4个: an average per head of a counter or measure
            ctx = _context_rate(work, num_start, base, averages=True)
            if ctx:
                unit, unit_source = ctx, "context"
    q = Quantity(span=Span(start, end), as_written=text[start:end], value=value, unit=unit,
                 unit_as_written=uaw, quantum=quantum, approx=approx, bound=bound,
                 approx_span=aspan, needs_unit=needs_unit, unit_source=unit_source,  # type: ignore[arg-type]
                 script=script)  # type: ignore[arg-type]
    if not m["lo"]:
        if bound in (">=", ">", "<=", "<") and base == "元" and _CLASS_AFTER.match(work, m.m.end()):
            # 10亿元以上项目23个: the amount names the class of projects counted, no figure (kept as a
            # quantity so that the count's name starts after it)
            return [replace(q, role="class")]
        return [q]
    return _range(text, work, m, q, mult, base, unit, pre_hedge_start)


def _range(text: str, work: str, m: _Match, hi: Quantity, mult: Decimal, base: str,
           unit: str, pre_start: int) -> list[Quantity] | None:
    """The low end of a range (5至10人, 1万-2万元): unit of the high end applied to both."""
    parsed = parse_number(m["lo"] or "")
    if parsed is None:
        return None
    lo_num, lo_q, script = parsed
    lo_mult = TABLES.magnitudes[m["lomag"]] if m["lomag"] else (mult if not m["lounit"] else Decimal(1))
    lo_factor = Decimal(1)
    if m["lounit"]:
        lb, _, lo_factor = split_unit(m["lounit"])
        if lb != base:
            return None
        if m["lomag"] is None and not m["mag"]:
            lo_mult = Decimal(1)
    if not m["lomag"] and lo_num * lo_mult * lo_factor > hi.value:
        lo_mult = Decimal(1)  # 5000-1万元: the low end is already in the base unit
    lo_start = m.start("pc") if m["pc"] and hi.unit_source == "prefix" else m.start("lo")
    lo_end = m.end("lounit") if m["lounit"] else (m.end("lomag") if m["lomag"] else m.end("lo"))
    lo_unit = unit if not m["lounit"] else split_unit(m["lounit"])[1]
    if lo_unit == base and unit != base and unit_base(unit) == base:
        lo_unit = unit
    lo = Quantity(span=Span(lo_start, lo_end), as_written=text[lo_start:lo_end],
                  value=plain_decimal(lo_num * lo_mult * lo_factor), unit=lo_unit,
                  unit_as_written=text[m.start("lounit"):m.end("lounit")] if m["lounit"] else hi.unit_as_written,
                  quantum=plain_decimal(lo_q * lo_mult * lo_factor), script=script,  # type: ignore[arg-type]
                  unit_source="written" if m["lounit"] else "inferred")
    before = work[max(0, (pre_start if pre_start >= 0 else lo_start) - 6):
                  (pre_start if pre_start >= 0 else lo_start)]
    if m["lounit"] and _CHANGE_VERB_END.search(before):
        ctx = _context_rate(work, lo_start, base) if lo.unit == base else None
        if ctx:
            lo = replace(lo, unit=ctx, unit_source="context")
        return [lo, hi]  # 增加105元至912元: a delta and a target, not a range
    if m["lounit"] and m["conn"] == "到":
        return [lo, hi]
    if base == "元" and not hi.approx and _CLASS_AFTER_RANGE.match(work, m.m.end()):
        # 20万元至50万元的村5个: the range names the class of villages counted, no figure
        return [replace(lo, role="class"), replace(hi, role="class")]
    rid = f"r{lo_start}"
    if hi.approx and hi.approx_span and hi.approx_span.start < lo_start:
        lo = replace(lo, approx=hi.approx, bound=hi.bound, approx_span=hi.approx_span)
        hi = replace(hi, approx=None, bound=None, approx_span=None)
    return [replace(lo, range_id=rid, range_role="low"), replace(hi, range_id=rid, range_role="high")]


def _adjacent_range(text: str, m: _Match, unit_written: str) -> list[Quantity] | None:
    """五六百万元, 三四十人: two adjacent digits give a range, both ends on the same literal."""
    cn = m["cn"] or ""
    if not unit_written or unit_written in TABLES.conditions:
        return None
    rest = cn[2:]
    try:
        lo_v, hi_v = cn_value(cn[0] + rest), cn_value(cn[1] + rest)
    except (ValueError, KeyError, ArithmeticError):
        return None
    _, unit, factor = split_unit(unit_written)
    mult = TABLES.magnitudes[m["mag"]] if m["mag"] else Decimal(1)
    start, end = m.start("cn"), m.end("unit")
    quantum = plain_decimal(cn_quantum(lo_v) * mult * factor)
    rid = f"r{start}"
    return [Quantity(span=Span(start, end), as_written=text[start:end], value=plain_decimal(v * mult * factor),
                     unit=unit, unit_as_written=text[m.start("unit"):end], quantum=quantum,
                     script="chinese", range_id=rid, range_role=role)  # type: ignore[arg-type]
            for v, role in ((lo_v, "low"), (hi_v, "high"))]


def _condition(text: str, m: _Match, num: Decimal, unit_written: str) -> Condition:
    start = m.start("lo") if m["lo"] else (m.start("ar") if m["ar"] else m.start("cn"))
    end = m.end("suf") if m["suf"] else m.end("unit")
    lo_p = parse_number(m["lo"]) if m["lo"] else None
    lo_v = lo_p[0] if lo_p else None
    bound = TABLES.suffix_hedges.get(m["suf"] or "", "")
    low = lo_v if lo_v is not None else (num if bound.startswith(">") or not bound else None)
    high = num if (m["lo"] or bound.startswith("<") or not bound) else None
    return Condition(Span(start, end), text[start:end], TABLES.conditions.get(unit_written, unit_written),
                     low, high)
