"""Number usage and year-over-year phrasing for generated text (GB/T 15835 plus genre practice).

Pure functions on :class:`~decimal.Decimal`; the templates reach them as Jinja filters.  Rates
are always computed from unrounded values and rounded once, half up.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from importlib import resources
from typing import Any

import yaml

from ..errors import DataError

_HUNDRED = Decimal(100)


@functools.cache
def _table(name: str) -> dict[str, Any]:
    """A YAML table shipped under ``gongwen/generate/data``."""
    text = resources.files("gongwen.generate").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


@dataclass(frozen=True)
class UnitInfo:
    """What the generator knows about a unit: its kind, scale to base and base unit."""

    unit: str
    kind: str  # money | rate | standard | count | measure | other
    scale: Decimal
    base: str


def unit_info(unit: str) -> UnitInfo:
    """Look a unit up in ``units.yaml``; unknown units are ``other`` with scale 1.

    >>> unit_info("万元")
    UnitInfo(unit='万元', kind='money', scale=Decimal('10000'), base='元')
    >>> unit_info("%").kind
    'rate'
    """
    t = _table("units.yaml")
    for kind in ("money", "rate", "standard", "count", "measure"):
        if unit in t[kind]:
            return UnitInfo(unit, kind, Decimal(str(t[kind][unit])), t["base"].get(unit, unit))
    return UnitInfo(unit, "other", Decimal(1), unit)


def known_units() -> list[str]:
    """Every unit of ``units.yaml``, in table order."""
    t = _table("units.yaml")
    return [u for kind in ("money", "rate", "standard", "count", "measure") for u in t[kind]]


def round_half_up(x: Decimal, places: int) -> Decimal:
    """Round once, half up (the statistical convention), to ``places`` decimals.

    >>> round_half_up(Decimal("4.45"), 1), round_half_up(Decimal("-4.45"), 1)
    (Decimal('4.5'), Decimal('-4.5'))
    """
    return x.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def plain(x: Decimal | float | str, places: int | None = None) -> str:
    """A number in running text: half-width digits, no separators, no exponent, zeros trimmed.

    With ``places`` the value is rounded first; a pure decimal keeps its leading 0.

    >>> plain(Decimal("13802.00")), plain(Decimal("45.060")), plain(Decimal("0.46")), plain(Decimal("1E+4"))
    ('13802', '45.06', '0.46', '10000')
    >>> plain(Decimal("2875.4163"), 2)
    '2875.42'
    """
    d = x if isinstance(x, Decimal) else Decimal(str(x))
    if places is not None:
        d = round_half_up(d, places)
    s = format(d, "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def fixed(x: Decimal, places: int = 1) -> str:
    """A computed percentage with exactly ``places`` decimals (NBS style: 增长4.0%).

    >>> fixed(Decimal("4.0")), fixed(Decimal("10.449"))
    ('4.0', '10.4')
    """
    return format(round_half_up(x, places), "f")


def money_unit(yuan: Decimal) -> str:
    """The unit money is best shown in: 元 below 1万, then 万元; 亿元 from 1亿 when that loses no
    precision at 2 decimals (3.45亿元) or from 10亿, so 13802万元 is not cut to 1.38亿元.

    >>> money_unit(Decimal(9999)), money_unit(Decimal(138020000)), money_unit(Decimal(345000000))
    ('元', '万元', '亿元')
    """
    auto = _table("units.yaml")["money_auto"]
    a = abs(yuan)
    if a < Decimal(auto["wan"]):
        return "元"
    yi = Decimal(auto["yi"])
    if a < yi or (a < 10 * yi and a % (yi / 100) != 0):
        return "万元"
    return "亿元"


def amount(value_base: Decimal, unit: str) -> tuple[str, Decimal]:
    """A value in its base unit written in ``unit``: ``(text, value shown, in base unit)``.

    Money and scaled units get at most 2 decimals; rates and counts are printed as given.
    Per-capita standards are written as the genre writes them (``prose`` in ``units.yaml``).
    The second element is what a reader will extract (the rounded value, in the base unit).

    >>> amount(Decimal("28754163"), "万元")
    ('2875.42万元', Decimal('28754200.00'))
    >>> amount(Decimal("5230"), "户")
    ('5230户', Decimal('5230'))
    >>> amount(Decimal("846"), "元/人/月")[0]
    '每人每月846元'
    """
    info = unit_info(unit)
    shown = value_base / info.scale
    if info.kind == "money" or info.scale != 1:
        shown = round_half_up(shown, 2)
    before, after = _table("units.yaml").get("prose", {}).get(unit, ("", unit))
    return before + plain(shown) + after, shown * info.scale


def money(yuan: Decimal | float | str, unit: str | None = None) -> str:
    """An amount of money in 元/万元/亿元, never a mixed form like 3亿4500万元.

    >>> money(Decimal("138020000")), money(Decimal("345000000")), money(5000), money(12345, "元")
    ('13802万元', '3.45亿元', '5000元', '12345元')
    >>> money(Decimal("1234567890"))
    '12.35亿元'
    """
    d = yuan if isinstance(yuan, Decimal) else Decimal(str(yuan))
    return amount(d, unit or money_unit(d))[0]


def percent(x: Decimal | float | str, places: int = 1) -> str:
    """A percentage with a fixed number of decimals and a half-width ``%``.

    >>> percent(Decimal("95.456")), percent(12, 0)
    ('95.5%', '12%')
    """
    d = x if isinstance(x, Decimal) else Decimal(str(x))
    return fixed(d, places) + "%"


def growth_rate(current: Decimal, previous: Decimal) -> Decimal | None:
    """Relative change in percent, unrounded; None from a zero base.

    >>> growth_rate(Decimal(5230), Decimal(5010)).quantize(Decimal("0.001"))
    Decimal('4.391')
    """
    if previous == 0:
        return None
    return (current - previous) / previous * _HUNDRED


@dataclass(frozen=True)
class Change:
    """A rendered value with its comparison, and what it states (for the round-trip oracle)."""

    text: str
    change: Decimal | None = None  # signed, rounded as printed
    change_unit: str | None = None  # "%", "个百分点" or "倍"
    states_previous: bool = False


def change_phrase(
    current: Decimal,
    previous: Decimal | None,
    unit: str,
    *,
    previous_label: str = "上年",
    yoy_word: str = "比上年",
    style: str = "from-to",
    places: int = 1,
) -> Change:
    """The current value (base unit) written in ``unit``, with the genre's comparison phrase.

    ``style="from-to"`` states the old value (由上年的A增加到B，增长x.x%); ``"ratio"`` states only
    the rate (B，比上年增长x.x%).  Rates (unit ``%``) change by 个百分点; decreases say 下降,
    never 增长-x%; ratios of 2 or more use 倍; a zero base gives no percentage.

    >>> change_phrase(Decimal(5230), Decimal(5010), "户").text
    '由上年的5010户增加到5230户，增长4.4%'
    >>> change_phrase(Decimal("95.5"), Decimal("93.1"), "%").text
    '由上年的93.1%提高到95.5%，提高2.4个百分点'
    >>> change_phrase(Decimal(90), Decimal(100), "户", style="ratio").text
    '90户，比上年下降10.0%'
    >>> change_phrase(Decimal(915), Decimal(820), "元/人/月", previous_label="").text
    '由每人每月820元提高到每人每月915元，增长11.6%'
    >>> change_phrase(Decimal(300), Decimal(100), "人").text
    '由上年的100人增加到300人，增长2.0倍'
    >>> change_phrase(Decimal(12), None, "个").text
    '12个'
    """
    c_text, _ = amount(current, unit)
    if previous is None:
        return Change(c_text)
    info = unit_info(unit)
    prev_label = f"{previous_label}的" if previous_label else ""
    p_text, _ = amount(previous, unit)
    up_verb, down_verb = ("提高", "降低") if info.kind in ("rate", "standard") else ("增加", "减少")
    flat_word = "与上年持平" if yoy_word == "比上年" else "同比持平"
    if info.kind == "rate":
        delta = round_half_up(current - previous, places)
        if delta == 0:
            return Change(f"{c_text}，{flat_word}", Decimal(0), "个百分点")
        verb = up_verb if delta > 0 else down_verb
        pts = f"{verb}{fixed(abs(delta), places)}个百分点"
        if style == "ratio":
            return Change(f"{c_text}，{yoy_word}{pts}", delta, "个百分点")
        return Change(f"由{prev_label}{p_text}{verb}到{c_text}，{pts}", delta, "个百分点", True)
    rate = growth_rate(current, previous)
    if rate is None:
        return Change(c_text if current == 0 else f"{c_text}，实现零的突破")
    shown = round_half_up(rate, places)
    if shown == 0:
        return Change(f"{c_text}，{flat_word}", Decimal(0), "%")
    if current >= 2 * previous:
        doubled = current == 2 * previous
        times = round_half_up(current / previous - 1, places)
        tail = "翻一番" if doubled else f"增长{fixed(times, places)}倍"
        ch, cu = (None, None) if doubled else (times, "倍")
        if style == "ratio":
            return Change(f"{c_text}，{yoy_word}{tail}", ch, cu)
        return Change(f"由{prev_label}{p_text}{up_verb}到{c_text}，{tail}", ch, cu, True)
    word = "增长" if shown > 0 else "下降"
    rate_text = f"{word}{fixed(abs(shown), places)}%"
    if style == "ratio":
        return Change(f"{c_text}，{yoy_word}{rate_text}", shown, "%")
    verb = up_verb if shown > 0 else down_verb
    return Change(f"由{prev_label}{p_text}{verb}到{c_text}，{rate_text}", shown, "%", True)


def target_phrase(current: Decimal, target: Decimal | None, places: int = 1) -> tuple[str, Decimal | None]:
    """Completion against an annual target: 完成年度目标任务的x.x% or 超额完成年度目标任务.

    Returns the phrase and the percentage it prints (None when none is printed).

    >>> target_phrase(Decimal(90), Decimal(100))
    ('完成年度目标任务的90.0%', Decimal('90.0'))
    >>> target_phrase(Decimal(105), Decimal(100))[0]
    '超额完成年度目标任务'
    """
    if target is None or target == 0:
        return "", None
    ratio = current / target * _HUNDRED
    if ratio >= _HUNDRED:
        return "超额完成年度目标任务", None
    shown = round_half_up(ratio, places)
    return f"完成年度目标任务的{fixed(shown, places)}%", shown


def chinese_ordinal(n: int) -> str:
    """A heading ordinal in Chinese numerals (1 → 一, 10 → 十, 21 → 二十一, 100 → 一百).

    >>> [chinese_ordinal(i) for i in (1, 10, 11, 20, 99, 100, 105)]
    ['一', '十', '十一', '二十', '九十九', '一百', '一百零五']
    """
    if n <= 0:
        raise DataError(f"heading number must be positive, got {n}")
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        if rest == 0:
            return digits[hundreds] + "百"
        if rest < 10:
            return digits[hundreds] + "百零" + digits[rest]
        tail = chinese_ordinal(rest)
        return digits[hundreds] + "百" + ("一" + tail if rest < 20 else tail)
    raise DataError(f"heading number {n} is too large")


def date_text(iso: str) -> str:
    """An ISO date as 成文日期: Arabic numerals, full year, no zero padding.

    >>> date_text("2025-01-05")
    '2025年1月5日'
    """
    try:
        y, m, d = (int(p) for p in iso.split("-"))
    except ValueError as e:
        raise DataError(f"expected a date YYYY-MM-DD, got {iso!r}") from e
    return f"{y}年{m}月{d}日"


def plan_period(year: int) -> str | None:
    """The five-year plan a year belongs to (2025 → 十四五), from ``terms.yaml``.

    >>> plan_period(2025), plan_period(2026)
    ('十四五', '十五五')
    """
    for p in _table("terms.yaml")["five_year_plans"]:
        if p["first"] <= year <= p["last"]:
            return str(p["name"])
    return None


def plan_year_role(year: int) -> str | None:
    """开局之年 / 收官之年 for the first / last year of a five-year plan, else None.

    >>> plan_year_role(2026), plan_year_role(2025), plan_year_role(2023)
    ('开局之年', '收官之年', None)
    """
    for p in _table("terms.yaml")["five_year_plans"]:
        if year == p["first"]:
            return "开局之年"
        if year == p["last"]:
            return "收官之年"
    return None


def terms() -> dict[str, Any]:
    """The ``terms.yaml`` table (headings, default titles, forbidden relative words)."""
    return _table("terms.yaml")
