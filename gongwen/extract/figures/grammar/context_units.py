"""Units a quantity takes from its neighbours, after the literals are read: a bare 元 listed after a
rate, a unitless list member, 人均 after a count of visits, the parts of a structure ratio."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import regex

from ...._data import package_yaml
from ....model import Span
from ..words.heads import _in_order
from .quantity import Quantity
from .units import TABLES, alternation, load_yaml, refines, unit_kind

__all__ = ["infer_units", "per_visit", "share_list_units", "structure_shares"]

_VERBS = load_yaml("changes.yaml")
# the words that join a noun to the value it names (data/phrases.yaml value_links)
_LINKS = package_yaml("gongwen.extract", "data/phrases.yaml")["value_links"]
_MAG_CHARS = frozenset("万亿千百")
_MAG_IN = regex.compile(r"[0-9][万亿千]")
_NOT_FOR_SCALED = frozenset(("percent", "points", "multiple", "age"))  # 38.6亿 is never 38.6亿 % nor an age
# a noun that names the unit of the amount right after it (总诊疗人次达412.6万 → 人次, 参保人数为3.2万 → 人;
# units.yaml header_nouns), joined to it by a word that states a value
_NOUN_UNIT_BEFORE = regex.compile(rf"(?P<noun>{alternation(TABLES.header_nouns) or '(?!)'})"
                                  "(?:" + _in_order(_LINKS["noun"]) + r")?\s*$")
# what may stand between two members of a list of rates: 、 / 和 / 及, a short label ending in 为
# (城镇为), a short label after a separator (、农村628元; 、农村由398元降低到…), or a change verb with its
# 'to' marker (提高到)
_LIST_GAP = regex.compile(
    rf"\s*(?:(?:[、和及与]|以及)\s*\p{{Han}}{{0,4}}(?:由)?"
    rf"|(?:[、和及与]|以及)?\s*(?:\p{{Han}}{{1,4}}(?:为|是)|"
    rf"(?:{alternation([*_VERBS['increase'], *_VERBS['decrease'], *_VERBS['neutral']])})"
    rf"(?:{alternation(_VERBS['to'])})))?\s*\Z")


def per_visit(work: str, qs: list[Quantity]) -> None:
    """人均 after a head-count in 人次 is per 人次: "实施临时救助465人次，发放资金96.8万元，人均救助
    2,082元" → 元/人次 (the people counted are visits; the nearest head-count of the sentence says)."""
    for k, q in enumerate(qs):
        if (not q.unit.endswith("/人") or q.unit.split("/", 1)[0] not in TABLES.rate_bases
                or "人均" not in work[max(0, q.span.start - 12):q.span.start]):
            continue
        for p in reversed(qs[:k]):
            if "。" in work[p.span.end:q.span.start]:
                break
            if p.unit in ("人", "人次"):
                if p.unit == "人次":
                    qs[k] = replace(q, unit=q.unit + "次", unit_source="context")
                break


_DIMENSIONLESS_BEFORE = regex.compile(rf"(?:{alternation(TABLES.dimensionless_nouns) or '(?!)'})"
                                      "(?:" + _in_order(_LINKS["level"]) + r")?\s*$")
# the words between 结构 and its ratio ("为", "由上年的6.6:40.2:53.2调整为"); the metric of a member reads them too
STRUCTURE_VERB = r"(?:比例|比)?(?:为|是|达到|调整为|优化为|由[^。；，,]{0,30}?(?:调整|优化)为)?\s*"
_STRUCTURE = regex.compile(r"结构" + STRUCTURE_VERB +
                           r"(?P<nums>\d+(?:\.\d+)?(?:\s*[:：∶]\s*\d+(?:\.\d+)?){1,3})")
_STRUCTURE_NUM = regex.compile(r"\d+(?:\.\d+)?")
# the sums a structure of three or more shares can show after one slipped digit (41.1 → 14.1,
# 48.7 → 4.87, 10.2 → 102); a ratio of other quantities (1:2:3) lies far outside
_STRUCTURE_MISPRINT = (Decimal(50), Decimal(200))


def structure_shares(work: str, qs: list[Quantity]) -> list[Quantity]:
    """A structure written as a ratio whose parts make 100 ("三次产业结构为14.8:39.4:45.8") states
    each part's share in percent; any number of it read otherwise is replaced.  Three parts or
    more are shares even when a misprint keeps them from making 100 (14.8:93.4:45.8), so the
    checker can say so; two parts must make 100 (a ratio such as 收入比1.92:1 is no structure)."""
    found: list[Quantity] = []
    for m in _STRUCTURE.finditer(work):
        nums = list(_STRUCTURE_NUM.finditer(work, m.start("nums"), m.end("nums")))
        values = [Decimal(n.group()) for n in nums]
        total = sum(values, Decimal(0))
        if len(values) < 2 or (abs(total - 100) > Decimal("0.3") and
                               (len(values) < 3 or not _STRUCTURE_MISPRINT[0] <= total <= _STRUCTURE_MISPRINT[1])):
            continue
        for n, v in zip(nums, values):
            exp = v.as_tuple().exponent
            found.append(Quantity(Span(n.start(), n.end()), n.group(), v, "%", "",
                                  quantum=Decimal(1).scaleb(exp if isinstance(exp, int) and exp < 0 else 0),
                                  unit_source="context"))
    if not found:
        return qs
    taken = [(q.span.start, q.span.end) for q in found]
    kept = [q for q in qs if not any(a < q.span.end and q.span.start < b for a, b in taken)]
    return sorted(kept + found, key=lambda q: q.span.start)


def share_list_units(work: str, qs: list[Quantity]) -> None:
    """A bare 元 listed right after a rate takes the rate's unit (每人每月812元、628元;
    城镇为506元、农村为371元; 由每人每年1920元、2520元提高到…)."""
    for k in range(1, len(qs)):
        p, q = qs[k - 1], qs[k]
        if q.unit_source != "written" or q.range_role == "low" or not refines(p.unit, q.unit):
            continue
        if _LIST_GAP.match(work, p.span.end, q.span.start):
            qs[k] = replace(q, unit=p.unit, unit_source="context")


def infer_units(work: str, qs: list[Quantity]) -> None:
    """Give unitless list members the unit of their enclosing total, else of a sibling."""
    for k, q in enumerate(qs):
        if not q.needs_unit or q.unit:
            continue
        unit = ""
        i = q.span.start - 1
        while i >= 0 and work[i] not in "(（)）。；;\n":
            i -= 1
        if i >= 0 and work[i] in "(（":
            for p in reversed(qs[:k]):
                if p.span.end <= i and not p.needs_unit:
                    if work[p.span.end:i].strip() == "":
                        unit = p.unit
                    break
        scaled = q.as_written[-1:] in _MAG_CHARS
        if not unit and scaled:
            named = _NOUN_UNIT_BEFORE.search(work, max(0, q.span.start - 10), q.span.start)
            if named is not None and unit_kind(TABLES.header_nouns[named["noun"]]) not in _NOT_FOR_SCALED:
                unit = TABLES.header_nouns[named["noun"]]
        if not unit and scaled:
            # 产值46.6亿元…；省内产值38.6亿，同比增长21%: a 亿/万 amount takes the unit of an
            # earlier amount written with a place-value word in the same sentence, never a rate's
            earlier = []
            for p in reversed(qs[:k]):
                if any(c in work[p.span.end:q.span.start] for c in "。\n"):
                    break
                if not p.needs_unit and _MAG_IN.search(p.as_written) and unit_kind(p.unit) not in _NOT_FOR_SCALED:
                    earlier.append(p.unit)
            # an amount of money first (工资4935.7万 after 投资21.7亿元 and 面积31.6万m²)
            unit = next((u for u in earlier if unit_kind(u) == "money"), earlier[0] if earlier else "")
        if not unit and not _DIMENSIONLESS_BEFORE.search(work, max(0, q.span.start - 12), q.span.start):
            # (a coefficient or an index has no unit to borrow: 基尼系数为0.35，恩格尔系数28.5%)
            for p in qs[k + 1:]:
                gap = work[q.span.end:p.span.start]
                if any(c in gap for c in "。；;\n"):
                    break
                if not p.needs_unit:
                    if not (scaled and unit_kind(p.unit) in _NOT_FOR_SCALED):
                        unit = p.unit
                    break
        qs[k] = replace(q, unit=unit, unit_source="inferred" if unit else "")
