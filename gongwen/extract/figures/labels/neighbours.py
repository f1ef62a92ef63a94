"""Labels a figure takes from the figures around it, after each was labelled on its own.

A stated change measures the level before it (the changes of a 分别 list go with their levels in
order); a bare figure measures what the figure before it in its sentence measures, and the second
of a count pair (7,352户12,084人) the same things in its own unit; a bare total, a running total, a
per-head average and the reference of a comparison measure what the figure before them measures.
A breakdown's parts are :mod:`.breakdowns`', scopes taken from neighbours :mod:`.neighbour_scopes`'.
All functions change the records of :func:`.assemble.find_figures` in place.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import regex

from ...._data import package_yaml, rx
from ..grammar.units import TABLES
from ..words.heads import _HEADS, _in_order
from ..words.metric_rules import DEVIATION_END, metric_rules, point_move, unit_kind
from .labeller import Labeller
from .pairs import _COUNT_TAIL, pair_metric

CLAUSE_PUNCT = regex.compile(r"[，。；,;]")

def _same_sentence_before(records: list[dict[str, Any]], k: int) -> Iterator[dict[str, Any]]:
    """The figures before ``records[k]`` in its sentence, nearest first (records are in text
    order, so the walk stops at the first figure of another sentence: linear over a document)."""
    start = records[k]["text_span"].start
    for j in range(k - 1, -1, -1):
        if records[j]["text_span"].start != start:
            return
        yield records[j]

def delta_metrics(records: list[dict[str, Any]], text: str = "") -> None:
    """A stated change that does not name what changed ("…86.5亿元，同比增长6.2%") measures the
    change of the level before it in the same sentence: 地区生产总值 → 地区生产总值增速 (in place)."""
    against = {id(records[j - 1]) for j in range(1, len(records)) if records[j]["kind"] == "completion"}
    for k, r in enumerate(records):
        if r["metric"] or r["change"] is None:
            continue
        suffix = {"%": "增速", "‰": "增速"}.get(r["unit"], "增量")
        if r["unit"] == "个百分点":  # "…提高到36.9%，提高1.4个百分点" → …提高幅度
            a = r["span"].start
            suffix = point_move(CLAUSE_PUNCT.split(text[r["text_span"].start:a])[-1])
        # (a growth rate is of an amount, not of a rate or a completion stated before it)
        # (an amount's change is in the amount's unit: "…完成年度计划的101.7%，较上年增加0.92亿元")
        levels = [g for g in _same_sentence_before(records, k)
                  if g["change"] is None and g["metric"]
                  and not (suffix == "增速" and (g["unit"] in ("%", "‰") or g["kind"] in ("completion", "share")))
                  and not (suffix == "增量" and g["unit"] != r["unit"])]
        # (the target a completion rate is measured against is no level: "完成投资6.84亿元，完成
        # 年度计划5.4亿元的108.7%，较上年增加0.63亿元" — 0.63亿元 is the change of 5.87亿元)
        if len(levels) > 1 and id(levels[0]) in against:
            levels = levels[1:]
        base = levels[0]["metric"] if levels else ""
        if not levels and suffix == "增速":
            # "X较上年增加276.4万元，增长9.3%": the rate of the change stated right before it, of X
            before = next(iter(_same_sentence_before(records, k)), None)
            if before is not None and before["change"] is not None and _INCREMENT_OF.search(before["metric"] or ""):
                base = _INCREMENT_OF.sub("", before["metric"])
        paired = _respective_level(records, k, levels, text)
        if paired is not None:
            base = paired["metric"]
        # (a departure from a norm keeps its direction: 降雨量 … 较常年同期偏多14.2% → 降雨量偏多增速)
        away = DEVIATION_END.search(CLAUSE_PUNCT.split(text[r["text_span"].start:r["span"].start])[-1]) if base else None
        base += away.group() if away and not base.endswith(away.group()) else ""
        r["metric"] = (base + suffix) if base else ("增速" if suffix == "增速" else suffix if suffix.endswith("幅度") else "增幅")

def _respective_level(records: list[dict[str, Any]], k: int, levels: list[dict[str, Any]],
                      text: str) -> dict[str, Any] | None:
    """The level a change of a 分别 list goes with, in order: "事故12起、死亡8人，同比分别下降20%和
    11.1%" → 20% is of the 12起, 11.1% of the 8人 (``levels`` nearest first)."""
    r = records[k]
    if not text or "分别" not in text[r["text_span"].start:r["span"].start]:
        return None
    group = [r]  # the changes of the list: r and the changes right before it in the sentence
    for g in _same_sentence_before(records, k):
        if g["change"] is None:
            break
        group.insert(0, g)
    n = len(group)
    for g in records[k + 1:]:
        if g["text_span"].start != r["text_span"].start or g["change"] is None:
            break
        n += 1
    if n < 2 or len(levels) < n:
        return None
    ordered = list(reversed(levels[:n]))  # the n levels before the list, in text order
    return ordered[len(group) - 1]

def sentence_metrics(records: list[dict[str, Any]], lab: Labeller) -> None:
    """A figure whose clause names nothing ("…提高到每人每年8100元") measures what the figure
    before it in the same sentence, in the same unit, measures; a per-head average, the average of
    the amount before it (:func:`average_metrics`) (in place)."""
    generic = lab.generic_metrics()
    text = lab.doc.text
    for k, r in enumerate(records):
        if r["change"] is not None:
            continue
        a = r["span"].start
        prior = list(_same_sentence_before(records, k))
        # (a ；ends a list item: the figures before it measure other things)
        before = next((g for g in prior if g["unit"] == r["unit"] and g["change"] is None
                       and not _ITEM_END.search(text, g["span"].end, a)), None)
        # "低保对象7,352户12,084人", "救援队伍42支、1730人": the second of a pair counts the same things
        # in its own unit — unless a figure before it in its unit names them ("发生事故14起、死亡
        # 9人，较上年的18起、12人": the 12 are the deaths)
        paired = pair_metric(text, r, prior[0]) if prior else None
        if paired and (before is None or before["metric"] in generic or not text[prior[0]["span"].end:a].strip()):
            r["metric"] = paired
            continue
        if r["metric"] not in generic or _RUNNING.fullmatch(text, lab.clause_start(a), a):
            continue  # (a running total's word alone: the total of the count before it, total_metrics)
        if before is not None and before["metric"] not in generic:
            r["metric"] = before["metric"]
        elif prior and prior[0]["change"] is not None and r["unit"] not in ("%", "‰") \
                and _GROWTH_OF.search(prior[0]["metric"] or "") and not _AVERAGE.match(r["as_written"]):
            # "地区生产总值增长6%左右，达到41.5亿元": the level the growth right before it reaches is
            # the level of what grew (地区生产总值, the growth's metric without its 增速)
            r["metric"] = _GROWTH_OF.sub("", prior[0]["metric"])
    average_metrics(records, text)
    total_metrics(records, lab)

def total_metrics(records: list[dict[str, Any]], lab: Labeller) -> None:
    """A total named by its total word alone ("新增社区食堂12个，总数达到38个") is the total of
    what the figure before it in its sentence, in the same unit, counts: 社区食堂总数; so is a running
    total whose clause is its word alone ("…，累计达到96个" → 社区食堂累计数) (in place)."""
    verbs = metric_rules()["count_verb_any"]
    generic = lab.generic_metrics()
    text = lab.doc.text
    for k, r in enumerate(records):
        if r["change"] is not None:
            continue
        a = r["span"].start
        # "新增快递车辆235辆，累计达到1,120辆": a count whose clause is a running total's word alone
        # (its unit's bare noun for a metric) is the running total of what the count before it counts
        running = _RUNNING.fullmatch(text, lab.clause_start(a), a) if r["metric"] in generic or (
            unit_kind(r["unit"]) == "count" and r["metric"] == r["unit"] + "数") else None
        if running is None and not _BARE_TOTAL.fullmatch(r["metric"] or ""):
            continue
        bare = running["word"] + _PART_NOUN.get(unit_kind(r["unit"]), "数") if running is not None else r["metric"]
        before = next((g for g in _same_sentence_before(records, k) if g["unit"] == r["unit"]), None)
        if before is None or before["change"] is not None or not before["metric"]:
            continue
        cue = lab.breakdown_cue(lab.sentence_start(a), a)
        total = next((g for g in _same_sentence_before(records, k) if g["unit"] == r["unit"]
                      and g["span"].end <= cue and _named_total(g["metric"])), None) if cue >= 0 else None
        if total is not None:
            # a part after the breakdown cue of a total named before it ("…重点村9个，总数达到53个，其中省级4个、
            # 市级17个") counts the total's things (重点村数), not a total of its own
            r["metric"] = _named_total(total["metric"]) + _PART_NOUN.get(unit_kind(r["unit"]), "数")
            continue
        if _named_total(before["metric"]):
            r["metric"] = before["metric"]  # the same total again, never a total of a total (…总总数)
            continue
        what = _COUNT_TAIL.sub("", before["metric"])
        lead = verbs.match(what)
        what = what[lead.end():] if lead else what
        if len(what) >= 2 and not _BARE_TOTAL.search(what):
            r["metric"] = what + bare

def baseline_metrics(records: list[dict[str, Any]], lab: Labeller) -> None:
    """The reference of a comparison ("全年受理信访事项286件，较上年的325件下降12.0%") measures what
    the figure it is compared with measures — the nearest one before it in its sentence, in the
    same unit, that states no change and is no share nor the target a completion is measured
    against (a plan's goal is compared with last year's level too: "产值力争达到52亿元，较上年的
    47.6亿元增长9.2%") — unless its clause names a subject of its own before the comparison word
    (in place)."""
    text = lab.doc.text
    bases = {id(records[j - 1]) for j in range(1, len(records)) if records[j]["kind"] == "completion"}
    for k, r in enumerate(records):
        a = r["span"].start
        if r["change"] is not None or r["kind"] in ("share", "completion"):
            continue
        cs = lab.clause_start(a)
        m = _REFERENCE.search(text, cs, a)
        if m is None or lab.phrase(cs, m.start()):
            continue
        level = next((g for g in _same_sentence_before(records, k)
                      if g["unit"] == r["unit"] and g["change"] is None and g["metric"]
                      and g["kind"] not in ("share", "completion") and not (g["kind"] == "target" and id(g) in bases)),
                     None)
        if level is not None:
            r["metric"] = level["metric"]

def average_metrics(records: list[dict[str, Any]], text: str) -> None:
    """A per-head average written as its prefix alone ("发放优待金385.2万元，户均10245元") is the
    average of the amount before it in its sentence: 户均 + 优待金 (in place). The amount is the
    nearest before it in the average's numerator unit (元 of 元/笔, 公里 of 公里/车次: "行驶里程41.3万
    公里，平均每车次80.7公里" → 平均每车次行驶里程); an amount named by a bare total's words only
    ("发放贷款210笔、3150万元，笔均15万元": 发放金额) keeps them (笔均发放金额)."""
    for k, r in enumerate(records):
        if "/" not in r["unit"]:
            continue
        m = _AVERAGE.match(r["as_written"])
        word = m.group() if m else ""
        each = _PER_EACH.match(r["as_written"]) if not word and r["metric"] in _MEAN else None
        if each is not None and text.endswith(r["metric"], 0, r["span"].start):
            word = r["metric"] + each.group()  # "平均每车次80.7公里": the mean per trip
        if not word or r["metric"] not in _GENERIC_RATE | _MEAN:
            continue
        base = r["unit"].partition("/")[0]
        total = next((g for g in _same_sentence_before(records, k)
                      if g["unit"] == base and g["change"] is None and g["kind"] not in ("share", "completion")), None)
        name = (total["metric"] or "") if total is not None else ""
        what = _TOTAL_TAIL.sub("", name)
        if len(what) < 2 and name not in _BARE_TOTALS:
            what = name
        if len(what) >= 2:
            r["metric"] = word + what

_ITEM_END = rx(r"[；;。]")

# a metric that is a total word and nothing else (总数, 总量): it names no thing
_BARE_TOTAL = regex.compile("(?:" + _in_order(_HEADS["bare_totals"]) + ")")

# a running total's clause: its word alone, after the place it is of and before its copula (全县累计达到)
_RUNNING = rx(r"\s*[\p{Han}]{0,4}?(?P<word>" + _in_order(_HEADS["running_totals"]) + r")(?:达到|达|为|至)?\s*")

# the nouns a count's metric ends on, which name no thing counted


# a metric that ends on a total word names a total ("龙头企业总数"); a part of it counts by its unit's noun
_TOTAL_END = regex.compile("(?:" + _in_order(_HEADS["bare_totals"]) + ")$")
_PART_NOUN = {"person": "人数", "household": "户数", "person_time": "人次", "count": "数"}


def _named_total(metric: str | None) -> str:
    """What a metric that names a total counts ("龙头企业总数" → 龙头企业), or "" when it names none."""
    m = _TOTAL_END.search(metric or "")
    return metric[: m.start()] if m is not None and metric and m.start() >= 2 else ""


# the reference a figure is compared with: "较上年的", "比上届的", "较去年同期的", "较2025年的"
_REFERENCE = rx(r"(?:较|比|与)[^，。；,;、\d]{0,8}的$|(?:较|比|与)\d{4}年(?:同期)?的$")

# the per-head prefixes of an average (人均, 户均每月, 村均 …: the per-prefixes that say 均)
_AVERAGE = rx("|".join(sorted((p for p in TABLES.per_prefixes if "均" in p), key=len, reverse=True)))

# a mean's own word, the metric of an average written as 平均 before its per-unit prefix (平均每车次)
_MEAN = frozenset(map(str, package_yaml("gongwen.extract", "data/phrases.yaml")["per_trail"]["average"]))

# the per-unit prefixes that start with 每 (每车次, 每笔), as a mean written with 平均 before them has them
_PER_EACH = rx("|".join(sorted((p for p in TABLES.per_prefixes if p.startswith("每")), key=len, reverse=True)))

# the metrics that name no amount of their own (金额, 合计): an average of one names nothing either
_BARE_TOTALS = frozenset({*map(str, _HEADS["bare_totals"]), str(metric_rules()["defaults"]["money"]), ""})

# the fallback metrics of a rate, which name nothing
_GENERIC_RATE = frozenset({str(metric_rules()["defaults"]["rate"]), ""})

# the words of an amount's metric that name the sum, not the thing summed (发放金额, 合计)
_TOTAL_TAIL = regex.compile("(?:" + _in_order(_HEADS["total_tails"]) + ")$")

# the growth rate's noun a change's metric ends on after the name of what grew (地区生产总值|增速),
# two characters of that name at least
_GROWTH_OF = rx(r"(?<=[\p{Han}]{2})增速$")

# the increment's noun an absolute change's metric ends on after the name of what changed
# (抚恤补助资金|增量), two characters of that name at least
_INCREMENT_OF = rx(r"(?<=[\p{Han}]{2})增量$")
