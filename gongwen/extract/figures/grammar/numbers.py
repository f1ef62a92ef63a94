"""Quantities in report text: numbers with their unit, magnitude, hedge, range and condition.

``find_quantities`` returns every quantity literal of a text — 3992.7915万元, 944.76元/人次,
50多家, 3,215户, 六宗, 每人每月807元, 不低于30%, 300-500元/月 — as frozen :class:`Quantity`
values with a ``Decimal`` in the base unit and the exact span of what was written.  Dates,
periods, document numbers, titles in 《》, ordinals, phone numbers and slogans with numerals
(十三五, 一肩挑, 两项补贴) are masked first and never become quantities.

>>> q, = find_quantities("1-11月发放低保金3992.7915万元。")
>>> q.value, q.unit, q.as_written, q.quantum
(Decimal('39927915'), '元', '3992.7915万元', Decimal('1'))
>>> [(q.value, q.unit, q.approx, q.bound) for q in find_quantities("现有机构50多家")]
[(Decimal('50'), '家', '多', '>')]
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

import regex

from ...._data import group_numbers, rx
from ....model import Span
from .context_units import infer_units, per_visit, share_list_units, structure_shares
from .numerals import cn_quantum, cn_value, parse_number, plain_decimal
from .periods import PeriodMention, find_periods
from .quantity import Bound, Condition, Quantity
from .units import (
    RATE_SUFFIX,
    TABLES,
    alternation,
    load_yaml,
    rate_unit,
    split_unit,
    unit_base,
)

__all__ = ["find_conditions", "find_quantities", "prepare"]

# -- input folding (1:1, so offsets are kept) -----------------------------------------------
_FOLD: dict[int, str] = {0xFF10 + i: chr(0x30 + i) for i in range(10)}
_FOLD |= {0xFF21 + i: chr(0x41 + i) for i in range(26)} | {0xFF41 + i: chr(0x61 + i) for i in range(26)}
_FOLD |= {ord("％"): "%", ord("℅"): "%", ord("．"): ".", ord("／"): "/", ord("～"): "~",
          ord("－"): "-", ord("﹪"): "%", ord("−"): "-"}
# a plain character class: the standard library scans it about ten times faster than ``regex``
_NEEDS_FOLD = re.compile("[" + re.escape("".join(chr(c) for c in _FOLD)) + "]")
_FW_COMMA = regex.compile(r"(?<=[０-９])，(?=[０-９]{3}(?![０-９]))")

# -- masks: spans that cannot hold a quantity ---------------------------------------------
_FIXED_FIRST = "".join(sorted({w[0] for w in TABLES.fixed_words}))
_MASK_RE = regex.compile(
    rf"(?=[《〔\[［【(（第图表附0-9电热零〇一二两三四五六七八九十{regex.escape(_FIXED_FIRST)}])"
    r"(?:《[^》\n]{0,100}》"                                                 # titles
    r"|[〔\[［【(（]\s*(?:19|20)[0-9]{2}\s*[〕\]］】)）]\s*(?:第\s*)?[0-9]+\s*号"  # 民发〔2020〕69号
    r"|第\s*[0-9零〇一二两三四五六七八九十百千]+"                              # 第3号, 第二次, 第一
    r"|(?:图|表|附件|附表)\s*[0-9]+"                                         # 图1, 表3
    r"|(?<![0-9])0[0-9]{2,3}\s*[-—－]\s*[0-9]{7,8}(?![0-9])"                  # 0817-1234567
    r"|(?<![0-9])1[3-9][0-9]{9}(?![0-9])"                                    # mobile numbers
    r"|[0-9]{3,6}(?=[\p{Han}]{0,8}热线)|(?:电话|热线)[:：]?\s*[0-9][0-9\-—]{2,}"  # 12345热线
    r"|(?<![0-9])(?:" + alternation(TABLES.fixed_words) + r")(?![0-9])"
    # a quoted slogan that opens on a numeral names something: “三个责任人”, “15分钟就业服务圈”
    r"|(?<=[“\"「『])[0-9零〇一二两三四五六七八九十百]+[^”\"」』\n，。；、0-9]{1,10}(?=[”\"」』]))"
)

# -- the quantity pattern -------------------------------------------------------------------
_CN_DIGITS = "零〇一二两三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖"
_CN_ALL = _CN_DIGITS + "十百千万亿拾佰仟萬億"
_FINANCIAL = frozenset("壹贰貳叁參肆伍陆陸柒捌玖拾")
_AR = r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)"
_CN = rf"(?:[{_CN_DIGITS}十拾][{_CN_ALL}]*(?:点[{_CN_DIGITS}]+[万亿萬億]*)?)"
_NUM_LB = r"(?<![0-9A-Za-z.:_/])(?<![0-9],)"
_CN_LB = rf"(?<![第每{_CN_ALL}])"
_MAG_UNITS = [a for a in TABLES.units if any(a.startswith(m) and len(a) > len(m) for m in TABLES.magnitudes)]
# a place-value word that is the start of a unit (千米, 千克, 千伏安) is the unit, not a magnitude
_MAG = (rf"(?!(?:{alternation(_MAG_UNITS)}))(?:{alternation(TABLES.magnitudes)})" if _MAG_UNITS
        else alternation(TABLES.magnitudes))
# 日(?=内|以内…): a duration, not a date
_BOUNDED = "".join(f"|{regex.escape(a)}(?={alternation(w)})" for a, w in TABLES.bounded.items())
_UNIT = rf"(?:(?:{alternation([u for u in TABLES.units if u not in TABLES.bounded] + list(TABLES.conditions) + ['周年'])}{_BOUNDED})(?:{RATE_SUFFIX})?)"
_PRE = alternation(TABLES.prefix_hedges)
_MAG_ONLY = alternation(list(TABLES.magnitude_hedges) + list(TABLES.prefix_hedges))
_PC = alternation(TABLES.per_prefixes)
_INF = alternation(TABLES.infix_hedges)
_SUF = alternation(TABLES.suffix_hedges)
_CONN = r"(?:[-—–~〜]|至|到)"
_S = r"[ \t]*"

_Q_RE = regex.compile(
    rf"(?=[0-9{_CN_DIGITS}十拾百千万亿])"
    rf"(?:(?P<lo>{_NUM_LB}{_AR}|{_CN_LB}{_CN}){_S}(?P<lomag>{_MAG})?(?P<lounit>{_UNIT})?"
    rf"{_S}(?P<conn>{_CONN}){_S}(?=[0-9{_CN_DIGITS}十]))?"
    rf"(?:(?<=百分之)(?P<pct>{_CN}|{_AR})|{_NUM_LB}(?P<ar>{_AR})|{_CN_LB}(?P<cn>{_CN})"
    rf"|(?:(?<=(?:{_MAG_ONLY}))|(?=(?:千万|百万|万|千|百|亿)[余多]))(?P<imag>千万|百万|万|千|百|亿))"
    rf"{_S}(?P<inf>{_INF})?(?P<mag>{_MAG})?(?P<inf2>{_INF})?{_S}"
    rf"(?P<unit>{_UNIT})?(?P<suf>{_SUF})?"
)
# the quantity pattern's groups by number (_G.unit; see group_numbers)
_G = group_numbers(_Q_RE)
_Q_GROUPS: dict[str, int] = dict(_Q_RE.groupindex)
# hedge and per-capita words right before a number (不低于, 每人每月, 每人每月不低于 …)
_TAIL_RE = rx(rf"(?P<pre>{_PRE})?(?P<pc>{_PC})?(?P<pre2>{_PRE})?{_S}(?P<pct0>百分之)?\Z")
_TAIL_LEN = 16
_TAIL_LAST = frozenset(w[-1] for w in (*TABLES.prefix_hedges, *TABLES.per_prefixes, "百分之", " ", "\t"))
# where a non-empty tail can start (every part of it is optional, so elsewhere it is empty)
_TAIL_FIRST = frozenset(w[0] for w in (*TABLES.prefix_hedges, *TABLES.per_prefixes, "百分之", " ", "\t") if w)


_NO_TAIL: dict[str, str | None] = dict.fromkeys(_TAIL_RE.groupindex)


_TAIL_GROUPS = frozenset(("pre", "pc", "pre2"))


class _Match(dict[str, str | None]):
    """The main match plus the hedge/per-capita words found right before it: every group by
    name (a dict, so the twenty-odd look-ups per quantity stay in C; a main-match group is
    fetched on its first look-up, the pattern has twenty) and its position."""

    def __init__(self, m: regex.Match[str], t: regex.Match[str] | None) -> None:
        super().__init__(t.groupdict() if t is not None else _NO_TAIL)
        self.m, self.t = m, t

    def __missing__(self, g: str) -> str | None:
        v = self[g] = self.m.group(_Q_GROUPS[g])
        return v

    def start(self, g: str) -> int:
        if g in _TAIL_GROUPS:
            return self.t.start(g) if self.t is not None else -1
        return self.m.start(_Q_GROUPS[g])

    def end(self, g: str) -> int:
        if g in _TAIL_GROUPS:
            return self.t.end(g) if self.t is not None else -1
        return self.m.end(_Q_GROUPS[g])


_PC_RE = regex.compile(_PC)
_PER_POP_RE = regex.compile(alternation(TABLES.per_population) or r"(?!)")
_NOT_AFTER_CN = regex.compile(rf"(?:{alternation(TABLES.not_after_chinese)})")
_BACK_REFERENCE = regex.compile(rf"[\p{{Han}}]{{1,10}}?(?:{alternation(TABLES.back_reference_ends) or '(?!)'})")
_CLAUSE_END = "，,。；;：:！!？?\n（()）"
_VERBS = load_yaml("changes.yaml")
_CHANGE_VERB_END = regex.compile(rf"(?:{alternation([*_VERBS['increase'], *_VERBS['decrease']])})了?\s*$")
_AGE_VALUE = regex.compile(
    rf"(?:(?:{alternation([*_VERBS['increase'], *_VERBS['decrease']])})(?:了|到|至)?|(?:年龄|寿命)(?:为|是|达到|达|由)?|为|是|由|由\x00+的)\s*$")
_AGE_GROUP_AFTER = regex.compile(r"\s*(?:及以上|以上|及以下|以下|至\d+岁)?的?\s*(?:" + alternation(TABLES.person_nouns) + ")")
_UNITLESS_AFTER = set("，,；;）)")
_UNITLESS_AFTER_OR_SPACE = _UNITLESS_AFTER | {" ", "\t"}
_HAN = regex.compile(r"\p{Han}")
_NOT_HEDGE_END = (regex.compile(rf"(?:{alternation(TABLES.not_hedges)})\Z") if TABLES.not_hedges else None)
_NOT_HEDGE_LEN = max((len(w) for w in TABLES.not_hedges), default=0)
# a person noun within a short noun phrase after the number (no verb or preposition between)
_PERSON_AFTER = regex.compile(
    rf"[\p{{Han}}--[用为给向对把被将和与及是有在的]]{{0,8}}?(?:{alternation(TABLES.person_nouns)})", regex.V1)
_WHEN = frozenset(("天", "周", "月", "季", "年"))
_LEVEL_AFTER = regex.compile(alternation(TABLES.per_capita_levels) or r"(?!)")
_SIGN_BEFORE = frozenset(" \t:：，,（(、；;=")
_ADJACENT_CN = regex.compile(r"(?:一二|二三|三四|四五|五六|六七|七八|八九)[十百千万]")
# a number that a ratio or coefficient right before it names (城乡居民收入比由上年的1.98缩小至1.94, 灌溉水
# 有效利用系数提高到0.562, 生师比分别为16.2:1和12.4:1): only the words that state or change a value,
# masked periods (上年) and the other numbers of the same statement stand between the noun and it
_DIMENSIONLESS = {**dict.fromkeys(TABLES.dimensionless_nouns, ""), **TABLES.dimensionless_units}
_CHANGE_WORDS = alternation([*_VERBS["increase"], *_VERBS["decrease"], *_VERBS["neutral"]])
_TO_ONE = r"[ \t]*[:：∶][ \t]*1(?![0-9.])"
_NAMED_BEFORE = regex.compile(
    rf"(?P<noun>{alternation(_DIMENSIONLESS) or '(?!)'})"
    rf"(?:{alternation([*TABLES.dimensionless_links, *_VERBS['to']])}|{_CHANGE_WORDS}|\x00|\s|{_AR}(?:{_TO_ONE})?)*\Z")
_NAMED_AFTER = regex.compile(rf"(?P<one>{_TO_ONE})?[ \t]*(?:[，,。；;、）)\n]|\Z|和|以上|以下|以内|左右|{_CHANGE_WORDS})")
_NAMED_WINDOW = 30
# what follows an amount that bounds a class of things counted next (10亿元以上项目23个, 超亿元的仅87家)
_CLASS_AFTER = regex.compile(rf"的?[ \t]*(?:[\p{{Han}}]{{0,4}}?(?:{alternation(TABLES.class_heads) or '(?!)'})|(?:仅|只|有|共)?[ \t]*[0-9])")


def _mask(work: str, year: int | None, periods: list[PeriodMention] | None = None) -> str:
    """Blank out (same length) the spans that cannot hold a quantity."""
    cuts = [(m.start(), m.end()) for m in _MASK_RE.finditer(work)]
    if periods is None:
        periods = find_periods(work, year=year)
    cuts += [(p.span.start, p.span.end) for p in periods]
    if not cuts:
        return work
    cuts.sort()
    parts, pos = [], 0
    for s, e in cuts:
        if e <= pos:
            continue
        s = max(s, pos)
        parts.append(work[pos:s])
        parts.append("\x00" * (e - s))
        pos = e
    parts.append(work[pos:])
    return "".join(parts)


def prepare(text: str, year: int | None = None, periods: list[PeriodMention] | None = None) -> str:
    """The matching copy of ``text``: full-width folded, non-quantity spans blanked, same length."""
    work = text.translate(_FOLD) if _NEEDS_FOLD.search(text) else text
    if "，" in text and _FW_COMMA.search(text):
        chars = list(work)
        for m in _FW_COMMA.finditer(text):
            chars[m.start()] = ","
        work = "".join(chars)
    return _mask(work, year, periods)


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


def _tail(work: str, st: int) -> regex.Match[str] | None:
    """``_TAIL_RE.search(work, st - _TAIL_LEN, st)``, tried only where a non-empty tail can
    start (a search tries the three word lists at all sixteen positions)."""
    for p in range(max(0, st - _TAIL_LEN), st):
        if work[p] in _TAIL_FIRST:
            t = _TAIL_RE.match(work, p, st)
            if t is not None:
                return t
    return _TAIL_RE.match(work, st, st)


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
        # (平均年龄下降4.3岁, 平均年龄为45.2岁, 人均预期寿命79.46岁, 由2022年的79.12岁提高到…: the
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
    if m["pc"] and base in TABLES.rate_bases:
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
    elif unit_source == "written" and unit == base and TABLES.kinds.get(base) in ("count", "person"):
        den = _per_population(work, num_start)
        if den:
            unit, unit_source = rate_unit(base, (den,)), "context"
    q = Quantity(span=Span(start, end), as_written=text[start:end], value=value, unit=unit,
                 unit_as_written=uaw, quantum=quantum, approx=approx, bound=bound,
                 approx_span=aspan, needs_unit=needs_unit, unit_source=unit_source,  # type: ignore[arg-type]
                 script=script)  # type: ignore[arg-type]
    if not m["lo"]:
        if bound in (">=", ">") and base == "元" and _CLASS_AFTER.match(work, m.m.end()):
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


def _chinese_ok(m: _Match, work: str, unit_written: str) -> bool:
    """Chinese numerals are quantities only with a unit, not as articles or slogans."""
    cn = m["cn"]
    if not unit_written or cn in ("一", "壹", "零", "〇") or unit_written in TABLES.arabic_only:
        return False
    if cn is not None and len(cn) == 1 and cn in _FINANCIAL:
        return False  # a lone financial numeral is a word's character: 队伍人数, 入伍, 落伍

    # (a count that refers back to things just named is no figure: "两项指标均为…", "两项基金均实现…",
    # "两项基本养老保险合计参保…")
    return not _NOT_AFTER_CN.match(work, m.m.end()) and not _BACK_REFERENCE.match(work, m.m.end())


def _person_count(work: str, mm: regex.Match[str]) -> bool:
    """An Arabic number with 万/亿 and no unit word, right before a noun phrase that ends in a
    person noun (4.85万低收入高龄老人, 3万多困难群众): a head-count."""
    return bool(mm[_G.ar] and mm[_G.mag] and not mm[_G.unit] and not mm[_G.lo]
                and _PERSON_AFTER.match(work, mm.end()))


def _named(work: str, mm: regex.Match[str]) -> tuple[str, int] | None:
    """The unit and end of a bare Arabic number that a ratio or coefficient named right before it
    states (``dimensionless_nouns``): "" for 收入比…1.94, ":1" for 生师比为16.2:1, 倍 for 收入倍差…1.92;
    None when the number has a place-value word, a range, or words after it that are no clause end."""
    if mm[_G.mag] or mm[_G.lo] or mm[_G.inf] or mm[_G.inf2] or mm[_G.suf]:
        return None
    a = mm.end(_G.ar)
    after = _NAMED_AFTER.match(work, a)
    if after is None:
        return None
    st = mm.start(_G.ar)
    before = _NAMED_BEFORE.search(work, max(0, st - _NAMED_WINDOW), st)
    if before is None:
        return None
    return (":1" if after["one"] else _DIMENSIONLESS[before["noun"]]), (after.end("one") if after["one"] else a)


def _in_word(work: str, a: int, b: int) -> bool:
    """Whether the hedge at [a, b) ends a longer word that is no hedge (签约, 就近)."""
    if not _NOT_HEDGE_END:
        return False
    m = _NOT_HEDGE_END.search(work, max(0, b - _NOT_HEDGE_LEN), b)
    return m is not None and m.start() < a


def _negative(work: str, start: int) -> bool:
    """A minus sign right before the number at ``start`` (增速-4.7%, 为-2.1%, （-3.5%）), not a
    dash between two numbers (1-11月, 300-500元) or after a code (COVID-19)."""
    k = start - 1
    if k < 1 or work[k] != "-":
        return False  # a dash opening a line is a list dash
    return work[k - 1] in _SIGN_BEFORE or bool(_HAN.match(work[k - 1]))


def _unitless_ok(work: str, start: int, end: int) -> bool:
    """A bare number counts only inside a list of counts: after Han text, before a separator."""
    while end < len(work) and work[end] in " \t":
        end += 1
    while start > 0 and work[start - 1] in " \t":
        start -= 1
    if start == 0 or end >= len(work) or work[end] not in _UNITLESS_AFTER:
        return False
    return bool(_HAN.match(work[start - 1]))


def _context_rate(work: str, start: int, base: str) -> str | None:
    """A per-capita word earlier in the clause, with no number between (月人均补差由583元…)."""
    i = start - 1
    while i >= 0 and work[i] not in _CLAUSE_END and not work[i].isdigit() and start - i < 30:
        i -= 1
    if i >= 0 and work[i].isdigit():
        return None
    found = None
    for pm in _PC_RE.finditer(work, i + 1, start):
        found = pm
    if found is None:
        return None
    dens = TABLES.per_prefixes[found.group()]
    if not set(dens) & _WHEN and _LEVEL_AFTER.match(work, found.end()):
        return None  # 人均可支配收入21486元: a level per head, reported in 元 (年人均… stays a rate)
    return rate_unit(base, dens)


def _per_population(work: str, start: int) -> str | None:
    """The population a count is per, named earlier in its clause: "每千人口执业（助理）医师数由
    2023年底的2.86人提高到3.02人" → 千人 (the clause may hold other numbers: dates, the old value)."""
    i = start - 1
    while i >= 0 and work[i] not in "，,。；;\n" and start - i < 40:
        i -= 1
    found = None
    for pm in _PER_POP_RE.finditer(work, i + 1, start):
        found = pm
    return TABLES.per_population[found.group()] if found else None
