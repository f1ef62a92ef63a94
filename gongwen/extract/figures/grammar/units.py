"""Unit and hedge tables of the number grammar, loaded once from YAML, plus unit normalisation.

The tables live in ``data/units.yaml`` and ``data/hedges.yaml``; this module turns them into
lookup dicts and regex alternations (longest alias first) that :mod:`gongwen.extract.figures.grammar.numbers`
compiles into its patterns at import.

>>> normalise_unit("元/人·月")
'元/人/月'
>>> normalise_unit("元/(月·人)")
'元/人/月'
>>> normalise_unit("名")
'人'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from ...._data import parse_yaml
from ....errors import DataError

__all__ = ["TABLES", "Tables", "UnitInfo", "load_yaml", "normalise_unit", "rate_unit", "refines",
           "split_unit", "unit_base", "unit_kind"]

DATA = Path(__file__).resolve().parents[2] / "data"


def load_yaml(name: str) -> dict[str, Any]:
    """Read one YAML table under ``data/``; a missing or malformed file is a DataError."""
    path = DATA / name
    try:
        data = parse_yaml(path.read_text(encoding="utf-8"), str(path))
    except OSError as e:
        raise DataError(f"cannot read table: {e.strerror}", path) from e
    if not isinstance(data, dict):
        raise DataError(f"expected a mapping at top level, found {type(data).__name__}", path)
    return data


@dataclass(frozen=True)
class UnitInfo:
    """What a written unit alias means: canonical unit and the factor into it."""

    canonical: str
    factor: Decimal
    kind: str = "count"


@dataclass(frozen=True)
class Tables:
    """All number-grammar vocabularies, ready for matching."""

    magnitudes: dict[str, Decimal]
    units: dict[str, UnitInfo]          # alias -> info
    denominators: dict[str, str]        # alias -> canonical denominator
    denominator_order: dict[str, int]   # canonical denominator -> rank
    per_prefixes: dict[str, tuple[str, ...]]
    rate_bases: frozenset[str]
    conditions: dict[str, str]          # alias -> canonical condition unit
    prefix_hedges: dict[str, str]
    magnitude_hedges: dict[str, str]
    infix_hedges: dict[str, str]
    suffix_hedges: dict[str, str]
    fixed_words: tuple[str, ...]
    not_after_chinese: tuple[str, ...]
    kinds: dict[str, str]               # canonical unit -> kind (money, person, measure, count …)
    arabic_only: frozenset[str]         # aliases not read after a Chinese numeral
    person_nouns: tuple[str, ...]
    per_capita_levels: tuple[str, ...]
    not_hedges: tuple[str, ...]         # words ending in a hedge that are no hedge (签约)
    header_nouns: dict[str, str]        # table header noun -> unit of its cells (户数 -> 户)
    bounded: dict[str, tuple[str, ...]] = field(default_factory=dict)  # alias -> words it must precede
    per_population: dict[str, str] = field(default_factory=dict)  # 每千人口 -> 千人
    dimensionless_nouns: tuple[str, ...] = ()  # 系数, 指数: a bare number after them borrows no unit
    dimensionless_units: dict[str, str] = field(default_factory=dict)  # 倍差 -> 倍: such a noun naming its unit
    dimensionless_links: tuple[str, ...] = ()  # 为, 由 …: what may stand between the noun and its number
    class_heads: tuple[str, ...] = ()  # 项目, 企业: an amount bounding them (亿元以上项目) names a class
    back_reference_ends: tuple[str, ...] = ()  # 均, 合计: "两项指标均…" counts nothing
    indicator_prefixes: tuple[str, ...] = ()  # 亩产: a per-prefix that names the indicator
    time_averages: dict[str, str] = field(default_factory=dict)  # 日均 -> 日: for a measure only
    call_counters: tuple[str, ...] = ()  # 次, 件: after 电话 48216 they count calls (no phone number)


def alternation(words: Any) -> str:
    """A regex alternation of literal words, longest first so the longest alias wins."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _build() -> Tables:
    u = load_yaml("units.yaml")
    h = load_yaml("hedges.yaml")
    try:
        units: dict[str, UnitInfo] = {}
        bounded: dict[str, tuple[str, ...]] = {}
        kinds: dict[str, str] = {}
        for key, spec in u["units"].items():
            canon = str(spec.get("canonical", key))
            factor = Decimal(str(spec.get("factor", 1)))
            kinds[canon] = str(spec.get("kind", "count"))
            for alias in spec["aliases"]:
                units[str(alias)] = UnitInfo(canon, factor, kinds[canon])
            for alias, words in (spec.get("bounded") or {}).items():
                units[str(alias)] = UnitInfo(canon, factor, kinds[canon])
                bounded[str(alias)] = tuple(str(w) for w in words)
        _derived_units(u, units, kinds)
        den = u["denominators"]
        denominators = {str(a): str(c) for c, al in den["aliases"].items() for a in al}
        order = {str(c): i for i, c in enumerate(den["order"])}
        missing = set(denominators.values()) - set(order)
        if missing:
            raise DataError(f"denominators without a place in 'order': {sorted(missing)}",
                            DATA / "units.yaml")
        per = {str(k): tuple(str(x) for x in v) for k, v in u["per_prefixes"].items()}
        _derived_per_prefixes(units, per)
        # any counter or measure may follow "/" too (元/辆, 公里/车次, 立方米/人), as its canonical unit
        for alias, info in units.items():
            if info.kind in _PER_KINDS and info.factor == 1 and _han(alias) and alias != "个":
                denominators.setdefault(alias, info.canonical)
        conds = {str(a): str(c) for c, al in u["conditions"].items() for a in al}
        return Tables(
            magnitudes={str(k): Decimal(str(v)) for k, v in u["magnitudes"].items()},
            units=units,
            denominators=denominators,
            denominator_order=order,
            per_prefixes=per,
            rate_bases=frozenset(str(x) for x in u["rate_bases"]),
            conditions=conds,
            prefix_hedges={str(k): str(v) for k, v in h["prefix"].items()},
            magnitude_hedges={str(k): str(v) for k, v in h["magnitude_only"].items()},
            infix_hedges={str(k): str(v) for k, v in h["infix"].items()},
            suffix_hedges={str(k): str(v) for k, v in h["suffix"].items()},
            fixed_words=tuple(str(x) for x in u["fixed_words"]),
            not_after_chinese=tuple(str(x) for x in u["not_after_chinese"]),
            kinds=kinds,
            arabic_only=frozenset(str(x) for x in u.get("arabic_only", ())),
            person_nouns=tuple(str(x) for x in u.get("person_nouns", ())),
            per_capita_levels=tuple(str(x) for x in u.get("per_capita_levels", ())),
            not_hedges=tuple(str(x) for x in h.get("not_hedges", ())),
            header_nouns={str(k): str(v) for k, v in u.get("header_nouns", {}).items()},
            bounded=bounded,
            per_population={str(w): str(d) for d, ws in (u.get("per_population") or {}).items() for w in ws},
            dimensionless_nouns=tuple(str(x) for x in u.get("dimensionless_nouns", ())),
            dimensionless_units={str(k): str(v) for k, v in (u.get("dimensionless_units") or {}).items()},
            dimensionless_links=tuple(str(x) for x in u.get("dimensionless_links", ())),
            class_heads=tuple(str(x) for x in u.get("class_heads", ())),
            back_reference_ends=tuple(str(x) for x in u.get("back_reference_ends", ())),
            indicator_prefixes=tuple(str(x) for x in u.get("indicator_prefixes", ())),
            time_averages={str(k): str(v) for k, v in (u.get("time_averages") or {}).items()},
            call_counters=tuple(str(x) for x in u.get("call_counters") or ()),
        )
    except (KeyError, TypeError, AttributeError) as e:
        raise DataError(f"unexpected table layout ({e!r})", DATA) from e


# what a rate may be per: a counter of things, a household, a measure (每辆, 户均, 每平方公里, 元/车次)
_PER_KINDS = frozenset(("count", "household", "measure"))
_TIME_DENOMINATORS = frozenset(("天", "日", "周", "月", "季", "年", "学期"))


def _han(word: str) -> bool:
    return bool(word) and all("\u4e00" <= c <= "\u9fff" for c in word)


def _derived_units(u: dict[str, Any], units: dict[str, UnitInfo], kinds: dict[str, str]) -> None:
    """Units the grammar builds from the table rather than lists: a counter of things with 次 after
    it (件次, 宗次: a count of visits or handlings) and a unit of weight with what it weighs in a
    standard of its own (吨标准煤, 千克标准煤).  Written aliases already in the table win."""
    suffix = str(u.get("visit_suffix", ""))
    skip = {str(x) for x in u.get("not_visit_counters", ())}
    if suffix:
        for alias, info in list(units.items()):
            if (info.kind == "count" and len(alias) == 1 and _han(alias) and alias == info.canonical
                    and alias not in ("个", suffix) and alias not in skip and alias + suffix not in units):
                units[alias + suffix] = UnitInfo(info.canonical + suffix, Decimal(1), "count")
                kinds.setdefault(info.canonical + suffix, "count")
    for weight in u.get("weight_units", ()):
        base = units.get(str(weight))
        if base is None:
            continue
        for written, canon in (u.get("weight_qualifiers") or {}).items():
            unit = base.canonical + str(canon)
            units.setdefault(str(weight) + str(written), UnitInfo(unit, Decimal(1), "measure"))
            kinds.setdefault(unit, "measure")


def _derived_per_prefixes(units: dict[str, UnitInfo], per: dict[str, tuple[str, ...]]) -> None:
    """Per-unit words before a number, built from the unit table: 每 + a counter or a measure
    (每部20万元 → 元/部, 每车次86公里 → 公里/车次, 每平方公里3.2座 → 座/平方公里), the same per a
    period (每公里每年1万元 → 元/公里/年), 每百 + a measure (每百平方公里 → 公里/百平方公里), and a
    one-character counter + 均 (笔均46.6万元 → 元/笔, 户均).  Listed prefixes win."""
    times = {"每年": "年", "每月": "月", "每天": "天", "每日": "天"}
    for alias, info in units.items():
        if info.kind not in _PER_KINDS or info.factor != 1 or not _han(alias) or alias.startswith("个"):
            continue
        if info.kind != "measure" and len(alias) > 1 and alias != info.canonical:
            continue  # 部门 (个), 人(次): no 每部门
        per.setdefault("每" + alias, (info.canonical,))
        for word, when in times.items():
            per.setdefault("每" + alias + word, (info.canonical, when))
        if info.kind == "measure":
            per.setdefault("每百" + alias, ("百" + info.canonical,))
        elif len(alias) == 1 and alias != "次":  # 次均 is per visit of a person or of a case: writers differ
            per.setdefault(alias + "均", (info.canonical,))


TABLES = _build()

# A rate suffix after a base unit: "/人/月", "/人·月", "/(人·月)", "/月·人", "/人月", "/人次".
_DEN = alternation(TABLES.denominators)
RATE_SUFFIX = (
    rf"(?:[/／]\s*(?:[(（]\s*(?:{_DEN})(?:\s*[·•・.*/]?\s*(?:{_DEN}))*\s*[)）]"
    rf"|(?:{_DEN})(?:\s*[·•・/／]?\s*(?:{_DEN}))*))"
)
_DEN_RE = regex.compile(_DEN)


_FIRST_TIME_RANK = min(r for d, r in TABLES.denominator_order.items() if d in _TIME_DENOMINATORS) - 0.5


def order_denominators(dens: Any) -> tuple[str, ...]:
    """Canonical order of rate denominators: who (人, 户), then what (公里, 车次: a denominator not
    in the order list), then when (月, 年); no repeats."""
    seen = dict.fromkeys(TABLES.denominators.get(d, d) for d in dens)
    return tuple(sorted(seen, key=lambda d: TABLES.denominator_order.get(d, _FIRST_TIME_RANK)))


def rate_unit(base: str, dens: Any) -> str:
    """Build a canonical rate unit from its base and denominators: 元 + (月, 人) → 元/人/月."""
    ordered = order_denominators(dens)
    return "/".join((base, *ordered)) if ordered else base


_POPULATIONS = frozenset(TABLES.per_population.values())
_MAGS_LONGEST = sorted(TABLES.magnitudes, key=len, reverse=True)


@lru_cache(maxsize=512)
def split_unit(written: str) -> tuple[str, str, Decimal]:
    """Split a written unit into (canonical base, canonical full unit, factor into base).

    >>> split_unit("万元"), split_unit("元/人·月"), split_unit("成")
    (('元', '元', Decimal('10000')), ('元', '元/人/月', Decimal('1')), ('%', '%', Decimal('10')))
    """
    w = written.strip().replace("／", "/")
    whole = TABLES.units.get(w)
    if whole is not None and "/" in w:  # a unit written with a slash of its own (/10万, 微克/立方米)
        return whole.canonical, whole.canonical, whole.factor
    base_written, _, rest = w.partition("/")
    base_written = base_written.strip()
    scale = Decimal(1)
    if base_written not in TABLES.units:  # 万元, 亿元, 万人次: a place-value word before the unit
        for mag in _MAGS_LONGEST:
            if base_written.startswith(mag) and base_written[len(mag):] in TABLES.units:
                scale, base_written = TABLES.magnitudes[mag], base_written[len(mag):]
                break
    info = TABLES.units.get(base_written)
    base = info.canonical if info else base_written
    factor = (info.factor if info else Decimal(1)) * scale
    if not rest:
        return base, base, factor
    dens = _DEN_RE.findall(rest)
    return base, rate_unit(base, dens), factor


def normalise_unit(written: str) -> str:
    """The canonical unit for a written one (元/人·月 → 元/人/月, 名 → 人, ％ → %)."""
    return split_unit(written)[1]


def unit_base(unit: str) -> str:
    """The base of a (canonical) unit: 元/人/月 → 元."""
    return unit.split("/", 1)[0]


def refines(specific: str, general: str) -> bool:
    """True when ``specific`` is ``general`` with more denominators (元/人/月 refines 元, 元/人).

    >>> refines("元/人/月", "元/人"), refines("元/人/月", "元/户"), refines("元", "元")
    (True, False, False)
    """
    if specific == general:
        return False
    s, g = specific.split("/"), general.split("/")
    return s[0] == g[0] and set(g[1:]) < set(s[1:])


def unit_kind(unit: str) -> str:
    """What a canonical unit measures, from ``units.yaml``: money, person, household,
    person_time, percent, points, multiple, time, measure or count; ``rate`` for a rate of a
    rate base (元/人/月); ``age`` for a condition unit; ``count`` when unknown.

    >>> unit_kind("亩"), unit_kind("元/人/月"), unit_kind("起"), unit_kind("1/10万")
    ('measure', 'rate', 'count', 'percent')
    """
    if unit in TABLES.kinds:
        return TABLES.kinds[unit]
    base = unit_base(unit)
    if base != unit and (base in TABLES.rate_bases or unit.rsplit("/", 1)[-1] in _POPULATIONS):
        return "rate"  # 元/人/月, and a count per thousand people (张/千人)
    if unit in TABLES.conditions.values():
        return "age"
    return TABLES.kinds.get(base, "count")
