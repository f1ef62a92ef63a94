"""Labels a figure takes from the figures around it, after each was labelled on its own.

A breakdown's parts measure what their whole measures (in parentheses, after 其中 or 分别为);
a share right after a part is that part's, and so is the second of a count pair or a clause with no
subject of its own that goes on about the figure before it (its scope); a stated change measures the
level before it (the changes of a 分别 list go with their levels in order); a bare figure measures
what the figure before it in its sentence measures, and the second of a count pair (7,352户12,084人) the same
things in its own unit; a 分别 list distributes its categories over the values after it.
All functions change the records of :func:`.assemble.find_figures` in place.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import regex

from ...._data import package_yaml, rx
from ..grammar.context_units import _STRUCTURE, _STRUCTURE_NUM
from ..grammar.units import TABLES
from ..words.heads import _CONTINUES, _HEADS, _RATE_NOUN, _in_order
from ..words.metric_rules import measure_of, metric_rules, point_move, unit_kind
from .labeller import Labeller
from .pairs import _COUNT_TAIL, pair_metric
from .scope_parts import _INNER_GRADE

_TOTAL_WORD = rx(_in_order(_HEADS["total_words"]))
CLAUSE_PUNCT = regex.compile(r"[，。；,;]")
_NEW_CLAUSE = regex.compile(r"[，,；;]\s*[\p{Han}]{4,}")

def distribute(text: str, records: list[dict[str, Any]], lab: Labeller, conditioned: set[int]) -> None:
    """分别 lists: the i-th figure after 分别 belongs to the i-th category or program before it.

    Counting figures, not numbers, keeps "分别由A、B提高到C、D" right (A and B are the
    ``previous`` of C and D).  Applied only when the figures divide evenly over the items.
    """
    by_sentence: dict[int, list[dict[str, Any]]] = {}
    closed: set[int] = set()
    for r in records:
        a = r["span"].start
        ss = lab.sentence_start(a)
        k = text.rfind("分别", ss, a)
        if k < 0 or k in closed or _TOTAL_WORD.search(text, lab.clause_start(a), a):  # a 合计 after the list is not an item
            continue
        group = by_sentence.setdefault(k, [])
        # (the list ends where a clause with a subject of its own begins: "…分别增长5%、9.7%、1.9%，
        # 三次产业结构调整为15.1∶28.3∶56.6")
        if group and _NEW_CLAUSE.search(text, group[-1]["span"].end, a):
            closed.add(k)
            continue
        group.append(r)
    listed_before: dict[int, list[str]] = {}  # the categories of the last 分别 list of each sentence
    for k, group in by_sentence.items():
        deltas = [r for r in group if r["change"] is not None]
        compared = lab.compared_items(lab.sentence_start(k), k) if deltas else []
        if len(compared) >= 2 and len(compared) == len(deltas):
            for item, r in zip(compared, deltas):  # 人次、金额、水平…分别增加118%、236%、74%
                r["metric"] = item + {"%": "增速", "个百分点": "变动"}.get(r["unit"], "增量")
        listed = lab.listed_programs(lab.sentence_start(k), k)
        if len(listed) >= 2 and len(group) % len(listed) == 0:
            per = len(group) // len(listed)
            last = listed[-1][1]
            for n, r in enumerate(group):  # 失业保险、工伤保险参保人数分别为31,460人、52,870人
                r["program"], word = listed[n // per] if per > 1 and _blocks(group, per) else listed[n % len(listed)]
                metric = r["metric"] or ""
                if word != last and metric.startswith(last) and len(metric) - len(last) >= 2:
                    r["metric"] = metric[len(last):]  # (the measure the list's last item carries is every item's)
        levels = [r for r in group if r["change"] is None]
        measured = lab.measured_items(lab.sentence_start(k), k)
        if len(measured) >= 2 and len(measured) == len(levels):
            for item, r in zip(measured, levels):  # 孕产妇死亡率、婴儿死亡率分别为9.8/10万和2.41‰
                # (a share of each: "事故起数和死亡人数分别占全县的48.3%和62.5%" → 事故起数占比)
                r["metric"] = item + "占比" if r["kind"] == "share" and not _RATE_NOUN.search(item) else item
            continue  # (the items are indicators, not categories or programs)
        ss = lab.sentence_start(k)
        scopes, programs = lab.distributed_items(ss, k, len(group))
        if not scopes and lab.clause_start(k) == k and len(listed_before.get(ss, ())) >= 2:
            scopes = listed_before[ss]  # (a 分别 opening its clause goes on about the list before: …，分别增长…)
        listed_before[ss] = scopes
        for items, key in ((scopes, "scope"), (programs, "program")):
            if key == "program" and len(listed) >= 2 and len(group) % len(listed) == 0:
                continue  # (read from the list above)
            if len(items) >= 2 and len(group) % len(items) == 0:
                per = len(group) // len(items)
                for n, r in enumerate(group):
                    if key == "scope" and r["span"].start in conditioned:
                        continue
                    r[key] = items[n // per] if per > 1 and _blocks(group, per) else items[n % len(items)]
        _listed_metric(text, records, group, [*scopes, *programs], k, lab)

def _listed_metric(text: str, records: list[dict[str, Any]], group: list[dict[str, Any]], items: list[str],
                   k: int, lab: Labeller) -> None:
    """The levels of a 分别 list of categories or programs measure one thing, not their items' names:
    "其中批发业、零售业、住宿业分别为138家、167家、41家" counts what the whole before 其中 counts
    (限额以上商贸企业数), not 住宿业数 for the first and 家数 for the rest; with no whole, the measure of the
    unit ("高速公路、农村公路分别为412公里、8,126公里" → 长度, not 农村公路长度 for the first)."""
    levels = [r for r in group if r["change"] is None and r["kind"] not in ("share", "completion")]
    if len(levels) < 2 or len({r["unit"] for r in levels}) != 1 or levels[0]["unit"] in ("%", "‰", "个百分点"):
        return  # (a list of rates names its rate: "增幅分别为4.6%和7.3%")
    generic = lab.generic_metrics()
    unit = levels[0]["unit"]
    # the items as the labels name them and as the list writes them ("普通国省干线" of 国省干线公路建设),
    # one to a level
    written = [w for w in regex.split(r"[、，,和及与]", text[lab.clause_start(k):k].removeprefix("其中")) if len(w) >= 2]
    if len(written) != len(levels) and len(items) < 2:
        return
    rest = []
    for r in levels:
        m = r["metric"] or ""
        for it in sorted({*items, *written}, key=len, reverse=True):
            m = m.replace(it, "")
        rest.append(m)
    # (only when no part names a measure of its own once its item is gone: "…分别为A 12所、B 3所" → 数;
    # nothing left says the list's last item carried the measure: "失业保险、工伤保险参保人数分别为")
    if not all(m in generic or 0 < len(m) <= 2 for m in rest) or not any(m != r["metric"] for m, r in zip(rest, levels)) \
            and not all(r["metric"] in generic or len(r["metric"] or "") <= 2 for r in levels):
        return
    ss = lab.sentence_start(k)
    q = text.rfind("其中", ss, k)
    whole = next((g for g in reversed(records) if ss <= g["span"].start and g["span"].end <= q
                  and g["unit"] == unit and g["change"] is None and g["metric"]
                  and g["kind"] not in ("share", "completion", "target")), None) if q >= 0 else None
    if whole is not None:
        name = whole["metric"]
    elif levels[0]["metric"] not in generic and rest[0] == levels[0]["metric"]:
        name = levels[0]["metric"]  # (the measure after 分别 names no item: "A、B分别实现产值…" → 产值 for each)
    else:
        nouns = metric_rules()
        name = str(measure_of(unit, written[-1] if written else "") or "") or str(nouns["defaults"].get(unit_kind(unit)) or "")
    if name:
        for r in levels:
            r["metric"] = name

def _blocks(group: list[dict[str, Any]], per: int) -> bool:
    """Whether the figures after 分别 come item by item (all of one item's, then the next's:
    "分别为415户620人、2800户4500人") rather than unit by unit ("分别为415户、2800户，620人、4500人").

    Item by item when every block of ``per`` figures repeats the first block's units.
    """
    units = [r["unit"] for r in group]
    first = units[:per]
    return all(units[i:i + per] == first for i in range(0, len(units), per)) and len(set(first)) == per

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

def inherit_part_metrics(text: str, records: list[dict[str, Any]], lab: Labeller) -> None:
    """Parts of a breakdown measure what their total measures (in place).

    In "4826户8719人（城镇352户611人，…）" and "118个（社会团体47个，…）" each part inside the
    parentheses takes the metric of the total written right before the "（" — the one with the
    same unit if there is one (户 → 户数, 人 → 人数), else the nearest. The reference of a
    comparison, too, measures what it is compared with (:func:`baseline_metrics`).
    """
    for k, f in enumerate(records):
        a = f["span"].start
        if not lab.in_open_paren(a):
            _inherit_listed_part_metric(text, records, k, lab)
            continue
        ss = lab.sentence_start(a)
        depth, open_at = 0, -1
        for i in range(a - 1, ss - 1, -1):
            if text[i] in "）)":
                depth += 1
            elif text[i] in "（(":
                if depth == 0:
                    open_at = i
                    break
                depth -= 1
        if open_at < 0:
            continue
        # the total is written right before the parenthesis ("11160人（", "133个（"), not any figure
        totals = [g for g in records[:k] if ss <= g["span"].start and g["span"].end <= open_at
                  and not CLAUSE_PUNCT.search(text, g["span"].end, open_at)]
        if not totals:
            continue
        # (in the unit's own kind: a head-count in parentheses after a rate is the rate's base,
        # "参保率为97.4%(以应参保人数18.35万人计)", no part of it)
        same = [g for g in totals if g["unit"] == f["unit"]] or \
            [g for g in totals if unit_kind(g["unit"]) == unit_kind(f["unit"])]
        if same:
            f["metric"] = same[-1]["metric"]
    baseline_metrics(records, lab)

def source_metrics(text: str, records: list[dict[str, Any]], lab: Labeller) -> None:
    """The parts of an amount listed by where the money came from measure what the amount measures
    (metrics.yaml funding_sources): "项目资金共计1980万元，其中中央和省级资金1250万元、县级配套540万元"
    → 项目资金 for each part; "完成投资11.83亿元。从资金来源看，中央和省级资金6.41亿元，…社会资本1.25亿元"
    → 完成投资 (the amount of the sentence before, when the list's sentence opens on a source cue).
    A list's whole is the nearest amount of the part's kind before it that is no source itself (in place)."""
    rules = metric_rules()
    source, cue = rules["source_rx"], rules["source_cue_rx"]
    generic = lab.generic_metrics()
    wholes: dict[str, dict[str, Any]] = {}  # the last amount that is no source, by kind (actual, target …)
    for k, r in enumerate(records):
        a = r["span"].start
        if r["unit"] != "元" or r["change"] is not None or r["kind"] in ("share", "completion"):
            continue
        if not source.fullmatch(lab.phrase(lab.clause_start(a), a)):
            wholes[r["kind"]] = r
            continue
        whole = wholes.get(r["kind"])
        if whole is None or lab.paragraph_start(whole["span"].start) != lab.paragraph_start(a) \
                or not whole["metric"] or whole["metric"] in generic:
            continue
        ss = lab.sentence_start(a)
        if whole["span"].start < ss and not cue.search(text, ss, a) and \
                not any(g is whole for g in _same_sentence_before(records, k)):
            continue
        r["metric"] = whole["metric"]


def criterion_part_metrics(text: str, records: list[dict[str, Any]], lab: Labeller) -> None:
    """The parts of a breakdown by a criterion (从投资投向看，按类型分，从领域看: vocab ``breakdown_cues``
    and ``breakdown_criteria``, not 其中) that name only their kind measure what the whole measures:
    "全年完成水利投资3.97亿元…。从投资投向看，农村供水工程1.15亿元、防洪工程1.34亿元" → 完成水利投资;
    "全年实际完成36个…。按类型分，预算执行和决算审计7个、经济责任审计11个" → the 36's metric, not
    预算执行和决算审计数.  A part names only its kind when an amount's name ends on no money noun
    (农村供水工程, 政府投资领域) or a count's is its kind and 数 with nothing counted after the number.
    The whole is a part before it after the cue that names its measure ("财政收支领域查出问题金额1.37亿元，
    政府投资领域1.35亿元"), else the figure before the cue in the paragraph, in the part's unit and of
    its kind, stating no change and no part of another list — the one the criterion names (投资投向:
    投资) when one does, else the nearest (in place)."""
    generic = lab.generic_metrics()
    filled: dict[int, str] = {}  # the parts named by another figure's measure: their own names
    for k, r in enumerate(records):
        a, own = r["span"].start, r["metric"] or ""
        if r["change"] is not None or r["kind"] in ("share", "completion") or not own:
            continue
        ss = lab.sentence_start(a)
        q = lab.breakdown_cue(ss, a)
        if q < 0 or text.startswith("其中", q) or not _kind_only(text, r, own, lab):
            continue
        filled[id(r)] = own
        alike = [g for g in records[:k] if g["unit"] == r["unit"] and g["change"] is None and g["kind"] == r["kind"]
                 and g["metric"] and g["metric"] not in generic]
        siblings = [g for g in alike if q <= g["span"].start and id(g) not in filled
                    and not _kind_only(text, g, g["metric"], lab)]
        if siblings:
            # (the measure the part before names after its kind: 财政收支领域 | 查出问题金额)
            kind, of = siblings[-1]["scope"] or "", siblings[-1]["metric"]
            if len(kind) >= 2 and of.startswith(kind) and len(of) > len(kind) + 1:
                r["metric"] = own + of[len(kind):] if unit_kind(r["unit"]) == "money" else own[:-1] + of[len(kind):]
            continue
        ps = lab.paragraph_start(q)
        wholes = [g for g in alike if ps <= g["span"].start and g["span"].end <= q
                  and text.rfind("其中", lab.sentence_start(g["span"].start), g["span"].start) < 0]
        if not wholes:
            continue
        cue = CLAUSE_PUNCT.split(text[q:q + 12])[0]  # (the criterion: 从投资投向看)
        pairs = {cue[i:i + 2] for i in range(len(cue) - 1)}
        named = [g for g in wholes if any(p in g["metric"] for p in pairs)]
        r["metric"] = (named or wholes)[-1]["metric"]


def _kind_only(text: str, r: dict[str, Any], own: str, lab: Labeller) -> bool:
    """Whether a figure's metric is only the name of its kind: an amount's name ending on no money
    noun (农村供水工程, 政府投资领域), or a count's kind and 数 with no thing counted after it
    (预算执行和决算审计8个、)."""
    kind = unit_kind(r["unit"])
    if kind == "money":
        return not _AMOUNT_END.search(own) and not _RATE_NOUN.search(own) and own not in lab.generic_metrics()
    if kind == "count":
        a = r["span"].start
        phrase = lab.phrase(lab.clause_start(a), a)
        return bool(phrase) and own == phrase + "数" and _PART_END.match(text, r["span"].end) is not None
    return False


def share_scopes(text: str, records: list[dict[str, Any]], lab: Labeller) -> None:
    """A share stated in its own clause right after a figure ("其中高技能人才5,940人，占技能人才总量的
    28.4%") is the share of that figure's part: it takes that figure's scope (in place)."""
    for k, f in enumerate(records):
        if f["kind"] != "share" or k == 0:
            continue
        cs = lab.clause_start(f["span"].start)
        g = records[k - 1]
        if text.startswith("占", cs) and g["text_span"].start == f["text_span"].start \
                and not text[g["span"].end:cs].strip("，,、 ") and g["scope"]:
            f["scope"] = g["scope"]

def structure_scopes(text: str, records: list[dict[str, Any]], lab: Labeller) -> None:
    """The shares of a structure written as a ratio after a word naming its parts in order
    ("三次产业结构调整为13.3:39.2:47.5", vocabulary ``compounds``: 三次产业 → 第一产业, 第二产业,
    第三产业) are the shares of those parts, one to a term (in place): the ratio states no share of
    the whole jurisdiction. A ratio with as many terms as the word has parts only."""
    if "结构" not in text or lab.v.compound_re is None:
        return
    at = {r["span"].start: r for r in records}
    for m in _STRUCTURE.finditer(text):
        named = [c for c in lab.v.compound_re.finditer(text, max(0, m.start() - 12), m.start())
                 if c.end() == m.start()]
        if not named:
            continue
        parts = lab.v.compounds[named[-1].group()]
        nums = list(_STRUCTURE_NUM.finditer(text, m.start("nums"), m.end("nums")))
        if len(nums) != len(parts) or not all(n.start() in at for n in nums):
            continue
        for n, part in zip(nums, parts):
            at[n.start()]["scope"] = part

def carried_scopes(text: str, records: list[dict[str, Any]], lab: Labeller) -> None:
    """A figure that goes on about the figure right before it counts within that figure's scope, and
    takes it when its own is the whole jurisdiction (in place): the second of a count pair
    ("城乡低保对象5716户9824人": the same people in its own unit) and a clause with no subject of
    its own ("出口318.4亿元，增长9.6%", "发生事故6起、死亡4人")."""
    for k, f in enumerate(records):
        if k == 0:
            continue
        g = records[k - 1]
        if g["text_span"].start != f["text_span"].start or not g["scope"] or g["scope"] == lab.whole:
            continue
        a = f["span"].start
        # (a bare number after a 、 in another unit counts the same item: "农村低保2,200户、3,800人",
        # "学前教育阶段3,000人次、150万元" — whatever its clause's context said)
        if g["change"] is None and f["change"] is None and g["span"].end < a and g["unit"] != f["unit"] \
                and text[g["span"].end:a].strip() == "、":
            f["scope"] = g["scope"]
            continue
        if f["scope"] != lab.whole:
            continue
        if g["change"] is None and f["change"] is None and g["span"].end <= a and not text[g["span"].end:a].strip():
            f["scope"] = g["scope"]  # (a pair: nothing between the two)
            continue
        cs = lab.clause_start(a)
        if _CONTINUES.match(text, cs) and g["span"].end <= cs and not text[g["span"].end:cs].strip("，,、 "):
            f["scope"] = g["scope"]
    _sentence_subjects(text, records, lab)


def _sentence_subjects(text: str, records: list[dict[str, Any]], lab: Labeller) -> None:
    """A sentence that opens on a counted subject doing what its first clause measures ("全市28家
    国有企业实现营业收入12.6亿元，…；实现利润总额3,150万元，…") is about that subject to its
    end: a figure of a later clause that names no category of its own (the whole jurisdiction's)
    takes the subject's (in place).  The subject is a count whose next figure, in its own clause,
    took its category, and no part list (其中, 分别) or clause opening on a count of its own
    ("…，203个行政村全部明确…": a new subject) comes between."""
    k = 0
    while k < len(records) - 1:
        h, g = records[k], records[k + 1]
        same = [r for r in records[k:] if r["text_span"].start == h["text_span"].start]
        k += max(1, len(same))
        cs = lab.clause_start(h["span"].start)
        # (a run-in heading's title may open the clause: "三、国企改革纵深推进全市28家国有企业…")
        cs = max([hd.span.end for hd in lab.doc.headings if cs <= hd.span.end <= h["span"].start], default=cs)
        if unit_kind(h["unit"]) != "count" or h["change"] is not None or not h["scope"] or h["scope"] == lab.whole \
                or g["text_span"].start != h["text_span"].start or g["scope"] != h["scope"] \
                or lab.clause_start(g["span"].start) != lab.clause_start(h["span"].start) \
                or text[cs:h["span"].start].strip("全市县区镇乡街道共有现 "):
            continue
        for r in same[2:]:
            if "其中" in text[h["span"].end:r["span"].start] or "分别" in text[h["span"].end:r["span"].start] \
                    or _NEW_SUBJECT.match(text, lab.clause_start(r["span"].start)):
                break
            if r["scope"] == lab.whole:
                r["scope"] = h["scope"]

# a clause opening on a number (after its place at most): a count of a new subject ("203个行政村…"),
# not a date ("6月末资产总额…")
_NEW_SUBJECT = rx(r"\s*(?:全\p{Han}{1,2})?\d+(?:\.\d+)?(?![\d.]|\s*[年月日季])")


def _inherit_listed_part_metric(text: str, records: list[dict[str, Any]], k: int, lab: Labeller) -> None:
    """A part of a 其中 list named by its category measures what its whole measures: "医疗卫生
    机构300个，其中医院9个、乡镇卫生院14个" — 医院 is the part's scope, 医疗卫生机构数 its metric."""
    f = records[k]
    a = f["span"].start
    ss = lab.sentence_start(a)
    q = text.rfind("其中", ss, a)
    whole_end = lab.respective_parts(ss, lab.clause_start(a))  # "…1,326人，分别为A 418人、B 652人"
    if whole_end is not None:
        q = max(q, whole_end)
    scope, own = f["scope"] or "", f["metric"] or ""
    if q < 0 or _ITEM_END.search(text, q, a) or not own:
        return
    # (the whole states no change — "…617家，较年初净增12家，其中社会团体238家" — and counts in the
    # part's unit, or in another counter of things: "医疗卫生机构284个，其中县级公立医院3家")
    before = [g for g in records[:k] if ss <= g["span"].start and g["span"].end <= q and g["change"] is None
              and (g["kind"] not in ("target", "share", "completion") or g["kind"] == f["kind"])]
    wholes = [g for g in before if g["unit"] == f["unit"]] or \
        [g for g in before if unit_kind(g["unit"]) == unit_kind(f["unit"]) == "count" and "/" not in g["unit"] + f["unit"]]
    whole = _named_alike(wholes, own)
    if whole is None or not whole["metric"] or whole["scope"] == scope:
        return
    # (named by its category, the part's scope, or a kind of the whole's thing: "建成退役军人服务站155个，
    # 其中镇（街道）服务站9个" — the two names end on one head noun, and the part's names no total of
    # its own: "…其中超过30万元的村5个，村集体经济总收入达到412.7万元")
    part, of = _COUNT_TAIL.sub("", own), _COUNT_TAIL.sub("", whole["metric"])
    scope = _INNER_GRADE.sub("", scope)  # (小（1）型水库 is named 小型水库 in a phrase)
    if (len(scope) >= 2 and scope in own) or (len(part) >= 3 and len(of) >= 3 and part != of and part[-2:] == of[-2:]
                                              and not _TOTAL_WORD.search(part) and "总" not in part):
        f["metric"] = whole["metric"]

def _named_alike(wholes: list[dict[str, Any]], own: str) -> dict[str, Any] | None:
    """The whole of a 其中 part among the figures before the list (in text order): the nearest
    whose metric shares two characters running with the part's own name ("排查各类安全隐患3.14万项，
    已完成整改2.81万项；其中排查重大事故隐患46项" → the 排查 one), else the nearest."""
    core = _COUNT_TAIL.sub("", own)
    pairs = {core[i:i + 2] for i in range(len(core) - 1)}
    return next((g for g in reversed(wholes) if any(p in (g["metric"] or "") for p in pairs)),
                wholes[-1] if wholes else None)

_ITEM_END = rx(r"[；;。]")

# a name that ends on what an amount is (资金, 收入, 创收, 投资 …), alone too (支出)
_AMOUNT_END = rx("(?:" + _in_order(_HEADS["amount_ends"]) + ")$")

# the end of a listed part's figure: nothing counted after the number (预算执行和决算审计8个、)
_PART_END = rx(r"[，。；、,;]")

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
