"""Labels the parts of a breakdown take from its whole, after each figure was labelled on its own.

A breakdown's parts measure what their whole measures: in parentheses, after 其中 or 分别为, listed
by where the money came from or by a criterion (从投资投向看); a 分别 list distributes its
categories or programs over the values after it.  All functions change the records of
:func:`..assemble.find_figures` in place; what a figure takes from the figures before it in its
sentence is :mod:`.neighbours`', the scopes :mod:`.neighbour_scopes`'.
"""

from __future__ import annotations

from typing import Any

import regex

from ...._data import rx
from ..words.heads import _HEADS, _RATE_NOUN, _in_order
from ..words.metric_rules import measure_of, metric_rules, unit_kind
from .labeller import Labeller
from .neighbours import _ITEM_END, CLAUSE_PUNCT, _same_sentence_before, baseline_metrics
from .pairs import _COUNT_TAIL
from .scope_parts import _INNER_GRADE

_TOTAL_WORD = rx(_in_order(_HEADS["total_words"]))
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

# a name that ends on what an amount is (资金, 收入, 创收, 投资 …), alone too (支出)
_AMOUNT_END = rx("(?:" + _in_order(_HEADS["amount_ends"]) + ")$")

# the end of a listed part's figure: nothing counted after the number (预算执行和决算审计8个、)
_PART_END = rx(r"[，。；、,;]")


# a sentence's clause narrowing to a whole named by its noun ("受理的案件中，…"): the noun, before 中 and a comma
_AMONG_WHOLE = regex.compile(r"([\p{Han}]{2,12})中[，,]")
# the head nouns such a whole ends on (heads.yaml thing_heads, category_ends, measure_tails: 案件, 项目, 企业 …)
_WHOLE_HEAD = regex.compile("(?:" + _in_order(sorted({str(w) for k in ("thing_heads", "category_ends", "measure_tails")
                                                      for w in _HEADS[k] if "(" not in str(w) and len(str(w)) >= 2},
                                                     key=len, reverse=True)) + ")$")


def among_part_metrics(text: str, records: list[dict[str, Any]], lab: Labeller) -> None:
    """The counts a sentence lists after narrowing to a whole with 中 are parts of that whole and count
    what it counts: "新收的案件中，商事、行政案件分别为430件、96件" → 新收案件数 for each part, whose name
    is its scope, and "审结的行政案件中，…" → 审结行政案件数 — where the count's metric
    named its kind only (数量, 刑事案件数).  Counts in things only (件, 个, 项); the whole's noun ends on a
    head noun of two characters or more (in place)."""
    generic = lab.generic_metrics()
    for r in records:
        if r["change"] is not None or r["kind"] in ("share", "completion") or unit_kind(r["unit"]) != "count":
            continue
        a = r["span"].start
        ss = lab.sentence_start(a)
        m = next(_AMONG_WHOLE.finditer(text, ss, a), None)
        if m is None:
            continue
        # (the whole's noun is its clause up to 中, without 的: "审结的行政案件中" → 审结行政案件)
        noun = text[max(m.start(1), lab.clause_start(m.end(1) - 1)):m.end(1)].replace("的", "")
        own, scope = r["metric"] or "", r["scope"] or ""
        if _WHOLE_HEAD.search(noun) is not None and (own in generic or (len(scope) >= 2 and own == scope + "数")):
            r["metric"] = noun + "数"
