"""What a figure measures: its metric, as a short noun phrase cut on word boundaries.

:class:`MetricMixin` gives the labeller (:class:`.labeller.Labeller`) its metric methods: the
indicator's noun phrase before the number (:meth:`~MetricMixin.phrase`), the rules of
``metrics.yaml`` on that clause, a count's counted noun, a rate's or a share's name, and the
metric without the words its program and scope already carry (:meth:`~MetricMixin.bare_metric`).

The phrase is found in :mod:`.phrases`; shares, completions and changes in points are named in
:mod:`.ratio_metrics`, counts and head-counts in :mod:`.counts`; ``metrics.yaml`` is compiled in
:mod:`.metric_rules`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from ...._data import package_yaml, rx
from ..context.phrases import _BARE_TAIL
from ..grammar.units import TABLES, alternation
from ..grammar.units import unit_kind as measure_kind
from ..words.heads import _HEADS, _MONEY_NOUN, _RATE_NOUN, _in_order
from ..words.metric_rules import _BARE_NOUNS, DEVIATION_ONLY, metric_rules, point_move, unit_kind
from .counts import CountMetricMixin
from .ratio_metrics import RatioMetricMixin
from .standards import StandardMetricMixin

if TYPE_CHECKING:
    from ..words.vocab import Vocab

__all__ = ["MetricMixin"]

# verbs of paying out: "发放临时救助资金83.5万元" names what was paid (临时救助资金发放金额)
_PAY_VERB = regex.compile("|".join(sorted(map(str, package_yaml("gongwen.extract", "data/metrics.yaml")["pay_verbs"]),
                                         key=len, reverse=True)))



def _paid(verb: str) -> str:
    """The name of an amount paid out by ``verb``: the verb the report wrote, not always 发放 (拨付水毁
    道路修复资金 is that fund's 拨付金额, 筹集公益金 its 筹集金额, 发放慰问金 its 发放金额) — a reader
    who compares 拨付 with 发放 figures needs to see which act the amount counts.

    >>> _paid("拨付"), _paid("发放")
    ('拨付金额', '发放金额')
    """
    return verb + "金额"


# a flow named by itself ("收入40.12亿元，支出37.85亿元"): the word is the metric
_MONEY_WORD = regex.compile("总?(?:" + _in_order(_HEADS["money_words"]) + ")")
# the size of an amount ("审计资金规模28.6亿元", "投资规模"): the amount named whole, not a payment
_MONEY_SIZE = regex.compile("(?:" + _in_order(_HEADS["money_size"]) + ")(?:总)?规模$")

# money words that name no thing paid (发放资金: the program or the sentence says of what)
_BARE_MONEY = regex.compile("(?:" + _in_order(_HEADS["bare_money"]["qualifiers"]) + ")?(?:" + _in_order(_HEADS["bare_money"]["nouns"]) + ")")

_GROWTH_NOUN = regex.compile("(?:" + _in_order(_HEADS["growth_nouns"]) + ")$")

_CHANGE_SUFFIX = {"%": "增速", "个百分点": "变动", "‰": "增速"}

# the noun of a ratio or coefficient (收入比, 生师比, 系数: units.yaml dimensionless_nouns)
_DIMENSIONLESS_NOUN = regex.compile(alternation([*TABLES.dimensionless_nouns, *TABLES.dimensionless_units]) or "(?!)")
_DIMENSIONLESS_UNITS = frozenset(TABLES.dimensionless_units.values())

# "30日内整改到位": a duration that bounds the time to act, and the act (up to its clause's end)
_WITHIN = regex.compile(r"(?:以内|之内|内)")

# the bound of the cases a rule applies to ("800元以下的由街道审批"), no flow held under it
_BOUND_OF_CASES = regex.compile(r"(?:[（(]含[)）])?(?:以下|以内|之内|及以下)(?:[（(]含[)）])?的")

# the nouns that name a time taken or allowed (到场时间, 采购周期: metrics.yaml time_nouns)
_TIME_NOUN = regex.compile("(?:" + _in_order(package_yaml("gongwen.extract", "data/metrics.yaml")["time_nouns"]) + ")$")

_WITHIN_ACT = regex.compile(r"[\p{Han}]{2,8}(?=[，。；、,;：:”\"）)]|$)")


class MetricMixin(RatioMetricMixin, CountMetricMixin, StandardMetricMixin):
    """The metric methods of :class:`.labeller.Labeller` (which provides the attributes below)."""

    if TYPE_CHECKING:
        v: Vocab

        def clause_start(self, o: int) -> int: ...
        def sentence_start(self, o: int) -> int: ...
        def outside_parens(self, a: int, b: int) -> list[tuple[int, int]]: ...

    # -- metric ---------------------------------------------------------------------------------------
    def metric(self, o: int, end: int, unit: str, role: str, bound: str | None = None) -> str:
        """What the figure at [o, end) measures, as a short noun phrase (see the module docstring)."""
        rules = metric_rules()
        kind = unit_kind(unit)
        t = self.doc.text
        cs, ss = self.clause_start(o), self.sentence_start(o)
        value_name = self.value_named_after(end)
        if value_name:  # "控制在3.8%的年度调控目标以内": the value is the target the noun after it names
            return value_name
        if kind == "points":
            named = self.points_metric(cs, o)
            if named is not None:
                return named or ("" if role == "delta" else point_move(t[cs:o]))
        if role == "delta":
            # what changed, named in the clause ("规上工业增加值增长7.2%"); else filled from the
            # level it changes (the figure before it in the sentence) by the assembler
            base = self.phrase(cs, o)
            if base in _BARE_NOUNS or DEVIATION_ONLY.fullmatch(base):
                # "…提高到23,580元，增幅7.2%": a bare 增幅 names no one's growth, nor "较常年偏多" a measure
                return ""  # (the level's, filled)
            if base and _GROWTH_NOUN.search(base):
                return base  # "非金属矿物制品业增速为-4.7%" names its growth already
            return base + _CHANGE_SUFFIX.get(unit, "增量") if base else ""
        clause = t[cs:o]
        if kind == "rate":
            named = self._standard_of(end) or (self.named_standard(o, end, cs, ss) if unit.startswith("元/") else "")
            if named:
                return named
        if kind not in ("percent", "points"):
            target = self.target_name(clause, end)
            if target:
                return target
        if kind == "money" and bound in ("<=", "<"):
            # "基金支出控制在28.4亿元以内": a flow held under a bound is that flow; an amount that names
            # no flow of its own, or bounds the cases a rule applies to, is the bound itself (贷款额度最高
            # 25万元; 救助金额在800元以下的由街道审批: 限额)
            held = self.phrase(cs, o) if not _BOUND_OF_CASES.match(t, end) else ""
            return held if held and _MONEY_NOUN.search(held) else "限额"
        if measure_kind(unit) == "time":
            within = _WITHIN.match(t, end)
            named = self.phrase(cs, o) if within else ""
            if named and _TIME_NOUN.search(named):
                return named  # "平均到场时间控制在8分钟以内": the time its clause names is bounded
            if within:  # "24小时内整改到位" bounds the time to act: 整改到位时限
                act = _WITHIN_ACT.match(t, within.end())
                return (act.group() if act else "") + "时限"
        phrase = self.phrase(cs, o)
        lead = metric_rules()["standard_of_rx"].match(phrase) if kind == "money" else None
        if lead is not None:  # "按每人每年1万元标准发放护林员补助资金712万元": 标准 is the rate's word
            phrase = phrase[lead.start("act"):]
        named = next((w for w in TABLES.indicator_prefixes if t.startswith(w, o)), None)
        if named:  # "粮食亩产430公斤": the prefix read into the unit is the indicator
            return phrase + named
        if phrase and kind in ("money", "rate") and (self.v.scope_re.fullmatch(phrase) or phrase in self.v.jurisdiction) \
                and not self._is_indicator(phrase):
            phrase = ""  # "城市、农村分别调整为…元": a category names no amount (the sentence's carries over)
        if phrase and kind in ("percent", "points") and _RATE_NOUN.search(phrase):
            # (a bare 比重 whose clause names the share's part and whole: 教育支出占财政总支出比重)
            return (phrase in _BARE_NOUNS and self.named_share(cs, o, phrase)) or phrase
        if phrase and kind == "money" and not _PAY_VERB.match(phrase) and len(phrase) >= 2:
            # a pay verb whose object the phrase is, cut off by a long name ("发放义务教育家庭经济困难
            # 寄宿生生活补助487.6万元" → 寄宿生生活补助): the amount is still what was paid
            verbs = list(_PAY_VERB.finditer(clause))
            # (a fund named whole stays as it is: "下拨自然灾害救助资金416万元" → 自然灾害救助资金)
            if verbs and phrase in clause[verbs[-1].end():] and not _BARE_TAIL.search(phrase[-2:]) \
                    and not _PAY_VERB.search(phrase):
                return phrase + _paid(verbs[-1].group())
        if phrase and kind in ("money", "rate") and (phrase.endswith("标准") or _MONEY_NOUN.search(phrase)
                                                     or _MONEY_WORD.fullmatch(phrase) or _MONEY_SIZE.search(phrase)) \
                and not _PAY_VERB.match(phrase):
            return phrase  # "救助资金412.4万元", "建筑业总产值", "审计资金规模": the clause names the amount
        paid = _PAY_VERB.match(phrase) if phrase and kind == "money" else None
        if paid:  # "发放临时救助资金83.5万元" → 临时救助资金发放金额: what was paid, and how much
            what = rx(r"^(?:各类|各项|累计)+").sub("", phrase[paid.end():])
            if len(what) >= 2:
                return what + _paid(paid.group())
        # the people paid, the pay verb, what was paid ("为376户义务兵家庭发放优待金X万元"): the
        # thing after the verb is what the amount is of (优待金发放金额, not the bare 发放金额)
        inside = list(_PAY_VERB.finditer(phrase, 2)) if phrase and kind == "money" else []
        what = phrase[inside[-1].end():] if inside else ""
        if len(what) >= 2 and what not in _BARE_NOUNS and not _BARE_MONEY.fullmatch(what) and not _PAY_VERB.search(what):
            return what + _paid(inside[-1].group())
        if kind == "other" or unit in _DIMENSIONLESS_UNITS:
            # a ratio or coefficient is named by its noun and what qualifies it (城乡居民收入比由上年的
            # 1.98缩小至1.94, 收入倍差…1.92倍; 生师比分别为16.2:1和12.4:1 names both ratios)
            nouns = list(_DIMENSIONLESS_NOUN.finditer(clause))
            if nouns:
                return self.phrase(cs, cs + nouns[-1].start()) + nouns[-1].group()
        # (the sentence before the clause is read only when the clause names nothing itself:
        # "…床位2,850张，新增老年助餐点15个" counts 助餐点, not 床位)
        # (and an amount's clause that names its own thing is not read by the sentence's cue words:
        # "…支出资助资金…，其中资助参保763.5万元" is 资助参保, not 发放金额)
        # (and the sentence's nouns never name an amount whose clause names its own thing: "查出问题
        # 金额2.94亿元，促进增收节支1.08亿元" is 促进增收节支, not 发放金额; its pay verbs still do)
        windows = (clause,) if phrase and kind == "count" else (clause, "".join(t[a:b] for a, b in self.outside_parens(ss, cs)))
        for n, window in enumerate(windows):
            for r in rules["rules"]:
                if kind in r["units"] and not (n and phrase and (r.get("own_clause")
                                                                 or (r.get("own_act") and self._names_its_own(phrase)))):
                    ms = list(r["rx"].finditer(window))
                    if ms:
                        return r["metric"].format(m=ms[-1].group())
        if kind == "count":
            return self.count_metric(o, end, unit, ss, clause, phrase)
        if kind in ("person", "household", "person_time"):
            return self.headcount_metric(kind, end, phrase)
        if phrase and kind in ("money", "rate", "other"):
            return phrase
        if kind == "percent":
            named = self.percent_metric(o, end, cs, ss, clause, phrase)
            if named:
                return named
        return str(rules["defaults"][kind])

    def _names_its_own(self, phrase: str) -> bool:
        """Whether an amount's phrase names an act or an amount of its own (净收益, 支付失业保险待遇,
        调入预算稳定调节基金), which no pay verb of the sentence renames: not a bare noun or a total (合计,
        两项合计), not a category or a program (城市低保), not a thing paid (义务兵家庭优待金, 以旧换新补贴:
        metrics.yaml standard_benefits, or any …金)."""
        rules = metric_rules()
        if phrase in _BARE_NOUNS or phrase.endswith(tuple(map(str, rules["total_words"]))) or phrase in self.v.jurisdiction:
            return False
        if self.v.scope_re.fullmatch(phrase) or self.v.alias_re.fullmatch(phrase):
            return False
        return not (phrase.endswith("金") or phrase.endswith(tuple(map(str, rules["standard_benefits"]))))

    def _standard_of(self, end: int) -> str:
        """The standard a rate ending at ``end`` is, when 标准 and an act that pays or grants follow it
        ("按每人2万元的标准足额发放地方一次性经济补助" → 地方一次性经济补助标准; metrics.yaml
        standard_acts): the thing granted, the last of a list (…、火化等基本殡葬服务费用), without a
        bare money word (护林员补助资金 → 护林员补助), with an act of standard_acts_named after it (减免)."""
        rules = metric_rules()
        m = rules["standard_of_rx"].match(self.doc.text, end)
        if m is None:
            return ""
        what = rx(r"[\p{Han}（）()]+$").search(rx(r".*(?:等|、)").sub("", m["what"]))
        thing = rx(r"(?:资金|经费|款项)$").sub("", what.group()) if what else ""
        if len(thing) < 2 or thing in _BARE_NOUNS or thing in rules["standard_not_things"]:
            return ""
        return thing + (m["act"] if m["act"] in rules["standard_acts_named"] else "") + "标准"

    def bare_metric(self, metric: str, program: str | None, scope: str | None) -> str:
        """The metric without the words its figure's program and scope already carry, as a panel
        keeps them in their own columns: "第三产业增加值增速" of scope 第三产业 → 增加值增速,
        "城乡居民基本医疗保险参保人数" of that program → 参保人数; a metric that is nothing but
        those words and a bare noun stays as it is (地区生产总值, 地区生产总值增速, 城镇新增就业人数)."""
        prev = None
        while metric != prev:
            prev = metric
            for lex, names, label in ((self.v.scope_re, self.v.scopes, scope),
                                      (self.v.alias_re, self.v.alias_map, program)):
                m = lex.match(metric) if label else None
                if m is None or names.get(m.group()) != label or m.group() in self.v.weak:
                    continue
                rest = metric[m.end():].lstrip("的")
                if len(rest) >= 3 and rest not in _BARE_NOUNS and self._names_a_measure(rest):
                    metric = rest  # (never down to a bare noun: 地区生产总值增速 stays, not 增速)
        return metric

    def _is_indicator(self, phrase: str) -> bool:
        """Whether ``phrase`` is a known indicator's name (the vocabularies' ``indicators``) that
        names an amount: 管理不规范问题金额 is one even where the bureau also counts it as a category."""
        ind = self.v.indicator_re
        return ind is not None and ind.fullmatch(phrase) is not None and _MONEY_NOUN.search(phrase) is not None

    def _names_a_measure(self, rest: str) -> bool:
        """Whether what is left of a metric still names what is measured: it opens on a known
        indicator (参保人数, 增加值增速, 基金总收入) or is a short rate (建档率, 结案率)."""
        ind = self.v.indicator_re
        m = ind.match(rest) if ind is not None else None
        return (m is not None and len(m.group()) >= 3) or (len(rest) <= 5 and bool(_RATE_NOUN.fullmatch(rest)))

    def generic_metrics(self) -> frozenset[str]:
        """The fallback metrics by unit kind (人数, 金额, 标准 …): they name no indicator."""
        return frozenset(str(x) for x in metric_rules()["defaults"].values())
