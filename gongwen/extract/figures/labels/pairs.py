"""The second of a pair: a quantity joined to the one right before it in another unit ("低保对象
2,104户3,315人", "救援队伍42支、1730人", "违法建设318处、9.6万平方米") counts the same things in its own
unit — read by :func:`.neighbours.sentence_metrics` when its own clause names nothing."""

from __future__ import annotations

from typing import Any

import regex

from ...._data import rx
from ..words.heads import _HEADS, _in_order
from ..words.metric_rules import measure_of, metric_rules, unit_kind

__all__ = ["pair_metric"]

# what joins the two quantities of a pair (4826户8719人, 42支、1730人, 7支共380人)
_PAIR_JOIN = rx(r"\s*(?:[、和]\s*)?(?:共计|合计|共)?\s*")

# a metric that ends on its measure names it whole (馆藏档案总量, 投资规模)
_MEASURE_NAME = regex.compile("(?:" + _in_order(_HEADS["measure_names"]) + ")$")

# the nouns a count's metric ends on, which name no thing counted (人数, 户数, 面积, 数)
_COUNT_TAIL = regex.compile("(?:" + _in_order(_HEADS["count_tails"]) + ")$")


def pair_metric(text: str, r: dict[str, Any], prior: dict[str, Any]) -> str | None:
    """The metric of the second of a pair, a quantity joined to the one right before it by nothing,
    a 、 or a 共 ("低保对象7,352户12,084人", "救援队伍42支、共1730人", "拆除违法建设318处、9.6万平方米")
    whose own clause names nothing (its unit's bare noun: 人数, 件数, 面积): the same things counted in
    its own unit — the thing the first counts (its metric without its unit's noun) and the
    second's noun; None when the two are no such pair (a list's items in one unit, a change)."""
    nouns = metric_rules()["defaults"]
    if prior["change"] is not None or prior["unit"] == r["unit"] or not _PAIR_JOIN.fullmatch(text, prior["span"].end, r["span"].start):
        return None
    own = _unit_noun(r["unit"], "")
    if not own or r["metric"] not in (own, nouns.get(unit_kind(r["unit"]))):
        return None
    theirs = prior["metric"] or ""
    default = str(nouns.get(unit_kind(prior["unit"])) or "")  # (金额 of "…1.2亿元3,000人")
    tail = _COUNT_TAIL.search(theirs)
    cut = tail.start() if tail else len(theirs) - len(default) if default and theirs.endswith(default) else -1
    if cut < 0:
        # a total named by its measure ("档案总量达到12.4万卷、20.7万件"): the same total
        return theirs if _MEASURE_NAME.search(theirs) and len(theirs) > 2 else None
    thing = theirs[:cut]
    return thing + _unit_noun(r["unit"], thing) if len(thing) >= 2 else None


def _unit_noun(unit: str, what: str) -> str:
    """The noun a quantity in ``unit`` of ``what`` measures when its clause names nothing (人数, 户数,
    人次; a count's measure: 面积, 里程; its events: 场次; else the unit's count: 件数, 支数), "" for an
    amount, a rate or a unit that names no measure (岁)."""
    kind = unit_kind(unit)
    rules = metric_rules()
    if kind in ("person", "household", "person_time"):
        return str(rules["defaults"][kind])
    if kind != "count" or rules["measures"].get(unit) == "":
        return ""
    return str(measure_of(unit, what) or rules["event_units"].get(unit) or (unit + "数" if unit != "个" else "数"))
