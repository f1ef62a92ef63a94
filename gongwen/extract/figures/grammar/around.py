"""What the words around a number literal say of it, for :mod:`.numbers`: a Chinese numeral that
is a word's character or refers back (两项指标均为…), a head-count named by the person noun after
it (4.85万低收入高龄老人), a ratio or coefficient named right before a bare number (城乡居民收入比…
1.94, 生师比为16.2:1), a hedge that ends a longer word (签约), a minus sign, a bare number in a list
of counts, and the per-capita word or population earlier in the clause that makes it a rate
(月人均补差由466元…, 每千人口…医师数).
"""

from __future__ import annotations

import regex

from .pattern import _AR, _FINANCIAL, _G, _PC, _Match
from .units import TABLES, alternation, load_yaml, rate_unit

_VERBS = load_yaml("changes.yaml")
# a clause that opens on a comparison word (比上年末的…, 较上年…: changes.yaml baseline) speaks of the clause before it
_COMPARISON_OPENS = regex.compile(rf"\s*(?:{alternation(_VERBS['baseline'])})")
_PC_RE = regex.compile(_PC)
_TIME_AVG_RE = regex.compile(alternation(TABLES.time_averages) or r"(?!)")
_PER_POP_RE = regex.compile(alternation(TABLES.per_population) or r"(?!)")
_NOT_AFTER_CN = regex.compile(rf"(?:{alternation(TABLES.not_after_chinese)})")
_BACK_REFERENCE = regex.compile(rf"[\p{{Han}}]{{1,10}}?(?:{alternation(TABLES.back_reference_ends) or '(?!)'})")
_CLAUSE_END = "，,。；;：:！!？?\n（()）"
_UNITLESS_AFTER = set("，,；;）)")
_HAN = regex.compile(r"\p{Han}")
_NOT_HEDGE_END = (regex.compile(rf"(?:{alternation(TABLES.not_hedges)})\Z") if TABLES.not_hedges else None)
_NOT_HEDGE_LEN = max((len(w) for w in TABLES.not_hedges), default=0)
# a person noun within a short noun phrase after the number (no verb or preposition between)
_PERSON_AFTER = regex.compile(
    rf"[\p{{Han}}--[用为给向对把被将和与及是有在的]]{{0,8}}?(?:{alternation(TABLES.person_nouns)})", regex.V1)
_WHEN = frozenset(("天", "周", "月", "季", "年"))
_LEVEL_AFTER = regex.compile(alternation(TABLES.per_capita_levels) or r"(?!)")
_SIGN_BEFORE = frozenset(" \t:：，,（(、；;=")
# a number that a ratio or coefficient right before it names (城乡居民收入比由上年的2.07缩小至2.03, 灌溉水
# 有效利用系数提高到0.587, 生师比分别为16.2:1和12.4:1): only the words that state or change a value,
# masked periods (上年) and the other numbers of the same statement stand between the noun and it
_DIMENSIONLESS = {**dict.fromkeys(TABLES.dimensionless_nouns, ""), **TABLES.dimensionless_units}
_CHANGE_WORDS = alternation([*_VERBS["increase"], *_VERBS["decrease"], *_VERBS["neutral"]])
_TO_ONE = r"[ \t]*[:：∶][ \t]*1(?![0-9.])"
_NAMED_BEFORE = regex.compile(
    rf"(?P<noun>{alternation(_DIMENSIONLESS) or '(?!)'})"
    rf"(?:{alternation([*TABLES.dimensionless_links, *_VERBS['to']])}|{_CHANGE_WORDS}|\x00|\s|{_AR}(?:{_TO_ONE})?)*\Z")
_NAMED_AFTER = regex.compile(rf"(?P<one>{_TO_ONE})?[ \t]*(?:[，,。；;、）)\n]|\Z|和|以上|以下|以内|左右|{_CHANGE_WORDS})")
_NAMED_WINDOW = 30
# the unit of a value and a change verb after it, up to the number of the change (2.77平方米提高 ‖ 0.09)
_CHANGE_AFTER = regex.compile(rf"[^\d，,。；;\n]{{1,6}}?(?P<verb>{_CHANGE_WORDS})了?\s*\Z")


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
    if mm[_G.mag] or mm[_G.lo] or mm[_G.inf] or mm[_G.inf2]:
        return None  # (a bound after it is its hedge: 死亡率控制在0.012以内)
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


def _context_rate(work: str, start: int, base: str, *, averages: bool = False) -> str | None:
    """A per-capita word earlier in the clause, with no number between (月人均补差由466元…; 对80周岁
    以上老年人每餐补贴3元: the age stands before the word, not between).  With ``averages`` (a
    counter or a measure: 人均管护675亩) only an average word counts (人均, 户均, not 平均每家企业
    检查1.6次, whose count is what each firm had), and a period in it is no part of the unit (人均年
    完成审计项目1.6个 → 个/人)."""
    i = start - 1
    while i >= 0 and work[i] not in _CLAUSE_END and not work[i].isdigit() and start - i < 30:
        i -= 1
    found = None
    for pm in _PC_RE.finditer(work, i + 1, start):
        found = pm
    if found is None and i > 0 and work[i] in "，," and _COMPARISON_OPENS.match(work, i + 1):
        # 人均体育场地面积2.86平方米，比上年的2.77平方米提高0.09平方米: a clause that opens on a
        # comparison speaks of the level before it, and its old value and change are of that
        # level's dimension — per head when the level is
        level = _level_before(work, i, base, start)
        if level is not None:
            return _context_rate(work, level, base, averages=averages)
    if found is None and i >= 0 and work[i].isdigit() and _CHANGE_AFTER.match(work, i + 1, start):
        # …比上年的2.77平方米提高0.09平方米: a change stated right after a value is of that value's
        # dimension
        level = _level_before(work, _CHANGE_AFTER.match(work, i + 1, start).start("verb"), base, start)
        if level is not None and level < i + 1:
            return _context_rate(work, level, base, averages=averages)
    if found is None:
        if averages and TABLES.kinds.get(base) == "measure":
            # 日均清运量由上年的1340吨提高到1415吨: a measure averaged per day is per day
            when = None
            for tm in _TIME_AVG_RE.finditer(work, i + 1, start):
                when = TABLES.time_averages[tm.group()]
            return rate_unit(base, (when,)) if when else None
        return None
    dens = TABLES.per_prefixes[found.group()]
    if not set(dens) & _WHEN and _LEVEL_AFTER.match(work, found.end()):
        return None  # 人均可支配收入21486元: a level per head, reported in 元 (年人均… stays a rate)
    if averages:
        dens = tuple(d for d in dens if d not in _WHEN and d != base)
        if "均" not in found.group() or not dens:
            return None
    return rate_unit(base, dens)


def _level_before(work: str, comma: int, base: str, own: int) -> int | None:
    """Where the number of the level that ends right before a comma starts, when it is written in
    ``base`` and in the very unit the number at ``own`` is written in (…2.86平方米，比上年的2.77平方米
    → the 2 of 2.86; not 日均清运1167吨 before 较上年的41.2万吨: another magnitude, another
    quantity); else None."""
    j = comma
    while j > 0 and not work[j - 1].isdigit() and comma - j < 6:
        j -= 1
    written = work[j:comma].strip()
    if j == 0 or not work[j - 1].isdigit() or not written.endswith(base):
        return None
    k = own
    while k < len(work) and (work[k].isdigit() or work[k] in ".,"):
        k += 1
    if not work.startswith(written, k):
        return None
    while j > 0 and (work[j - 1].isdigit() or work[j - 1] in ".,"):
        j -= 1
    return j


_PER_POP_NEAR = 40
_PER_POP_LIST = 160


def _per_population(work: str, start: int) -> str | None:
    """The population a count is per, named earlier in its clause: "每千人口执业（助理）医师数由
    2023年底的2.64人提高到2.91人" → 千人 (the clause may hold other numbers: dates, the old value).
    A list of levels that 分别 gives after their names ("每千常住人口床位数、卫生技术人员数、执业医师
    数分别为6.1张、8.9人、3.2人") is per that population however long the names run, and so is the old
    value or the change of a clause that opens by comparing ("每万人口…拥有量达12.6件，比上年末的10.5件提高
    2.1件" → 万人 for all three)."""
    i = start - 1
    while i >= 0 and start - i < _PER_POP_LIST:
        if work[i] in "，," and _COMPARISON_OPENS.match(work, i + 1):
            i -= 1  # "…达12.6件，比上年末的10.5件提高2.1件": the comparison goes on with the level's subject
            continue
        if work[i] in "，,。；;\n":
            break
        i -= 1
    found = None
    for pm in _PER_POP_RE.finditer(work, i + 1, start):
        found = pm
    if found is None:
        return None
    if start - found.start() > _PER_POP_NEAR and "分别" not in work[found.end():start]:
        return None  # far back in the clause, it names the population of another figure
    return TABLES.per_population[found.group()]


def label_rate(label: str, unit: str) -> str:
    """The unit of a table's cells whose row or column label makes a rate of the unit written in it
    (人均体育场地面积（平方米） → 平方米/人, 月人均养老金（元） → 元/人/月, 每千人口床位数（张） → 张/千人):
    the label read as the words before a number are; the unit as it was when it says nothing so
    (人均可支配收入（元）: a level per head, reported in 元)."""
    if "/" in unit or not unit:
        return unit
    kind = TABLES.kinds.get(unit)
    work = _PAREN.sub("", label).strip() + "0"
    at = len(work) - 1
    if unit in TABLES.rate_bases:
        return _context_rate(work, at, unit) or unit
    if kind in ("count", "person"):
        den = _per_population(work, at)
        if den:
            return rate_unit(unit, (den,))
    if kind in ("count", "household", "measure"):
        return _context_rate(work, at, unit, averages=True) or unit
    return unit


_PAREN = regex.compile(r"[（(][^（）()]*[)）]")
