"""What a figure measures: its metric, as a short noun phrase cut on word boundaries.

:class:`MetricMixin` gives the labeller (:class:`.labels.Labeller`) its metric methods: the
indicator's noun phrase before the number (:meth:`~MetricMixin.phrase`), the rules of
``metrics.yaml`` on that clause, a count's counted noun, a rate's or a share's name, and the
metric without the words its program and scope already carry (:meth:`~MetricMixin.bare_metric`).
"""

from __future__ import annotations

import bisect
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import regex

from ..._data import package_yaml, rx
from .heads import _CATEGORY_END, _CATEGORY_HEAD, _COUNT_NOUN, _HEADS, _MONEY_NOUN, _QUOTES, _RATE_NOUN
from .units import TABLES
from .units import unit_kind as measure_kind
from .vocab import _alt_cached

if TYPE_CHECKING:
    from ...model import Document
    from .vocab import Vocab

# A category is a noun whose head names institutions, people, industries or places.
_SHARE_OF = regex.compile(r"占(?!比)([\p{Han}A-Za-z0-9]{1,16}?)(?:总数|总量)?的?(?:比重|比例)?(?:为|达|达到)?$")

# a percentage of a whole named by a verb other than 占 ("一般公共预算收入仅相当于支出的47.8%", "能繁母猪
# 存栏17.9万头，为正常保有量17.2万头的104.1%", "存栏保持在正常保有量的92%"), perhaps with the whole's amount
_RELATIVE_TO = regex.compile(r"(?P<verb>相当于|为|保持在)(?P<whole>[\p{Han}]{2,12}?)(?:\d[\d.]*(?:万|亿)?[^\d，,；;。]{0,4}?)?的$")

# "占耕地面积94.1万亩的62.3%": the whole named with its own amount
_SHARE_OF_STATED = regex.compile(r"占(?!比)([\p{Han}]{2,16}?)(?:总数|总量)?(?:为|达)?\d[\d.]*(?:万|亿)?[^\d，,；;。]{0,4}?的(?:比重|比例)?$")
# verbs of paying out: "发放临时救助资金96.8万元" names what was paid (临时救助资金发放金额)
# a structure written as a ratio, up to the part at hand: "三次产业结构为14.8:39.4:" (perhaps after
# the ratio it was changed from: "三次产业结构由上年的6.6:40.2:53.2调整为6.4:"
_STRUCTURE_OF = regex.compile(r"(?P<what>[\p{Han}]{0,8}结构)(?:比例|比)?(?:为|是|达到|调整为|优化为|由[^。；，,]{0,30}?(?:调整|优化)为)?\s*"
                              r"(?:\d+(?:\.\d+)?\s*[:：∶]\s*){0,3}$")
_LATIN_RUN = regex.compile(r"[0-9A-Za-z]{3,}(?![0-9A-Za-z岁周年月日号])")
_PAY_VERB = regex.compile("|".join(sorted(map(str, package_yaml("gongwen.extract", "data/metrics.yaml")["pay_verbs"]),
                                         key=len, reverse=True)))
# where a number starts (its first digit after a non-digit)
_NUMBER_START = regex.compile(r"(?<![\d.,，])\d")

_TARGET_NOUN = regex.compile(r"(?:年度|全年|年初|上级下达的?)?(?:目标任务|目标|计划|任务)")

# the amount a completion rate is measured against ("完成区下达年度目标12亿元的106.7%", "仅完成年度
# 6万人次目标的22.1%", "为年初预算23.69亿元的101.3%"): the target's own name, after the verb that
# reaches it, is what the amount measures — not the verb (完成年度任务人数) nor a cue of the sentence
_WHOLE_OF_RATE = regex.compile(r"[)）]?(?P<tail>(?:目标任务|目标|任务|计划|预算)?)[)）]?的\s*\d[\d.]*\s*[%％]")
_TARGET_NAMED = regex.compile(r"(?:完成|为|占)(?P<name>[\p{Han}]{0,10}?)[（(]?$")
_TARGET_END = regex.compile(r"(?:目标任务|目标|任务|计划|预算)$")

_LONG_PARENS = regex.compile(r"[（(][^（()）]*?(?:\d|[^（()）]{7})[^（()）]*[)）]|[（(][^（()）]*$")

_LATIN_PARENS = regex.compile(r"[（(](?:[A-Za-z0-9.\s]*|下同|现价|可比价|不变价|按可比价计算|初步核算|预计|暂定|含[^（()）]{0,6})[)）]")

# ^ 地区生产总值(GDP), 实现(下同)…: an abbreviation or an editorial note is not part of a name
_CLOSING_QUOTE = regex.compile(r"[”’」』]")
# every character _CLOSING_QUOTE and heads._QUOTES match
_QUOTE_CHARS = frozenset("”’」』“‘\"'《》〈〉「")

# an age bound written right before the figure is its condition (scope), not what it measures
_TRAILING_AGE = regex.compile(r"(?:[0-9]+\s*(?:至|到|-|—|～|~)?\s*)+周?岁(?:以上|以下|及以上|及以下)?$")

# a flow named by itself ("收入40.12亿元，支出37.85亿元"): the word is the metric
_MONEY_WORD = regex.compile(r"总?(?:收入|支出|结余|投资|产值)")

# a percentage's clause that is no name of what it measures ("严格按100%的比例", "完成路基工程量的85%")
_NOT_A_RATE_NAME = regex.compile(r"[按对把将]|为单位|保持在|^(?:以|完成|实现|严格|控制在|推动|推进|确保|力争|相当于)|^[\p{Han}]{1,2}$(?<=动|进|保)")

_GROWTH_NOUN = regex.compile(r"(?:增速|增幅|降幅|涨幅|增长率|下降率|增减|增量|变动)$")

_HAN = regex.compile(r"\p{Han}")

# the words of an amount or a total, which no counted category holds
_AMOUNT_WORD = regex.compile(r"收入|支出|资金|投资|产值|产量|面积|金额|总额|合计")

# what is left of a phrase after a program's name that names nothing by itself (资金, 金额, 人数)
_BARE_TAIL = regex.compile(r"资金|金额|经费|补贴|人数|户数|人次|数量|总额|规模|标准")

# a rate's head noun anywhere in a clause
_RATE_WORD = regex.compile(_RATE_NOUN.pattern.removesuffix("$"))

# the word that opens the reference of a comparison: what stands before it is the compared subject
_BASELINE_WORD = regex.compile(r"同比|环比|(?<![对无])比(?![例重率值])|较|与")

_REF_VALUE = regex.compile(r"\d[\d.,]*\s*(?:%|‰|个百分点)?")

_CHANGE_SUFFIX = {"%": "增速", "个百分点": "变动", "‰": "增速"}

# the nouns a metric falls back to: what is left of a metric must say more than these
_BARE_NOUNS = frozenset({"增速", "增量", "变动", "增幅", "人数", "户数", "人次", "数量", "金额", "比例", "比重",
                         "占比", "面积", "长度", "总量", "规模", "标准", "累计增速", "总额"})

# "30日内整改到位": a duration that bounds the time to act, and the act (up to its clause's end)
_WITHIN = regex.compile(r"(?:以内|之内|内)")

_WITHIN_ACT = regex.compile(r"[\p{Han}]{2,8}(?=[，。；、,;：:”\"）)]|$)")

# the people a program serves, named after it (低保对象, 特困人员): a head-count of the program
_BENEFICIARIES = frozenset(("对象", "人员", "家庭", "群众", "人口"))

_THOUSANDS = regex.compile(r"(?<=\d),(?=\d{3})")

# the people a head-count in 名 names right after it and the short act they are counted by, up to the
# clause's end, a number or a list's 等 ("为1124名劳动者追讨工资等待遇15…万元"; not a list's first item)
_PERSON_AFTER = regex.compile(r"[\p{Han}]{0,10}(?:" + "|".join(sorted(
    {*map(str, _HEADS["people_heads"]), "者", "员", "人"}, key=len, reverse=True))
    + r")(?:分别|均)?(?P<act>(?:(?!等)[\p{Han}]){2,8})(?=[，。；,;（(“\"\d]|等|$)")

# a count ends the phrase before it ("低保6154户…"); an age or grade is part of the noun (60周岁以上老年人)
_AFTER_NUMBER = regex.compile(r"(?<![A-Za-z.])[0-9０-９][0-9０-９.．]*+(?!\s*(?:周岁|岁|级|类|型|星|A))(?:万|亿)?[^\p{Han}]*[\p{Han}]?")

_TIME_WORDS = regex.compile(r"(?:\d{4}|[〇零一二三四五六七八九]{4})年(?:度|底|末|初)?|\d{1,2}(?:[-—至~]\d{1,2})?月(?:份|底|末|初)?(?:以前|之前|前)?"
                            r"|\d{1,2}日(?:以前|之前|前)?|截至|截止|[上下]半年|前三季度|[一二三四]季度|第[一二三四]季度|全年|年内|今年以来|年初以来|年初|(?:年末|年底|月底)前?|目前|当前|今年|去年|上年"
                            r"|^期间|(?<=[\p{Han}”’」』])期间(?=[\p{Han}]{2})|汛期|汛前|汛后|主汛期|暑期|冬春")  # “三夏”期间全市… (a named season)

_PHRASE_LEAD = regex.compile(r"^(?:(?:其中|我局|我委|我办|本局|本委|较|比|按(?![时期月年季规照])|据(?!统计)|经(?![济营费常历办])|内(?![容部])|后(?![备续])|等(?![级])|力争|确保|争取|力求|预计|实现|开展|组织|举办|各级各类|各类|各项|各种|在(?![校岗册职读建押编管途线库用保园住院养营售乡])|以(?![上下内外来前后及旧工奖])|按照|根据)|(?:至|为|有(?![效关序力机])|对|向|将|把|分别为|分别是|另外|此外|同时|并且|并|还|已|已经|共有|现有|全力|积极|着力|有效|圆满|顺利|累计|共计|合计|总计|共|及以上|及以下|以上|以下"
                             # (占 as a verb: the whole of a share, "占家庭承包耕地面积411.5万亩的45.3%")
                             r"|占(?![比用地有线道]))(?=[\p{Han}]{2}))")

# (?r)(?p): matched from the end, longest match first — the same cut as a forward search of this
# end-anchored alternation, without trying the whole alternation at every position of the phrase
_PHRASE_TRAIL = regex.compile(r"(?rp)(?:的|(?<![涉惠普以波顾危触企])及|(?<![总温缓平柔共调])和|(?<![参给赋授])与|分别完成|分别实现|其中|已完成|已经|已|(?<!平)均|都|全部|仅为|仅|仍|尚|(?<![占对评])比|较|分别为|分别达到|分别达|分别是|分别|同比|环比|比上年同期|较上年同期|比上年|较上年|比去年|较去年|上年同期|同期|"
                              r"控制在|保持在|维持在|稳定在|稳定|继续保持|保持|维持|调整为|调整到|调整至|调整|起|不低于|不少于|不高于|不超过|不足|低于|高于|提高到|提高至|提升到|提升至|增加到|增加至|增长到|增长至|下降到|下降至|降至|降到|减少到|减少至|"
                              r"达到了|达到|达|(?<![行作成认因])为|是|有|(?<![总公一])共|(?<![合总共统设会估累])计|约|近|超过|突破|逾|实现|了|在|至|到|由|从|增长|下降|提高|增加|减少|上涨|回落|"
                              r"净增|新增加|压缩|缩短|压减|以上|以内|左右|之间|再|每人每月|每人每年|每人|每户|每月|每年|力争|确保|争取|力求|预计|共计|总计|累计|情况如下|如下|按照|按)$")

# a rate's own "per" words and the 按 before them end no name ("优待金按每户每年", "国家助学金按每生每年平均"):
# the per-unit prefixes of units.yaml that start with 每
_PER_TRAIL = regex.compile(r"(?<=[\p{Han}]{2})(?:(?:按照|按)?(?:平均)?(?:" + "|".join(sorted(
    (p for p in TABLES.per_prefixes if p.startswith("每")), key=len, reverse=True)) + r")(?:平均)?|按照|按)$")

# what joins a phrase to the quantity right before it ("1.2万人和防返贫监测对象等参保", "11.98万人中已签约"):
# no part of the next name
_AFTER_QUANTITY = regex.compile(r"^(?:[和与及或、]|中(?=[已有仍尚共均]))")

_PHRASE_CHARS = regex.compile(r"[\p{Han}A-Za-z0-9.·（）()&＆]+")

_FUNCTION_CHAR = regex.compile(r"(?:[和与及、把将向从由或]|对(?![象接口标])|(?<![行作成认因])为|在(?![建职])|并(?![网购]))")

@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    """Verbs that can stand before a counted program (metrics.yaml program_verbs)."""
    r = metric_rules()
    return frozenset(r.get("program_verbs") or ())

@lru_cache(maxsize=1)
def metric_rules() -> dict[str, Any]:
    data = dict(package_yaml("gongwen.extract", "data/metrics.yaml"))
    data["rules"] = [dict(r) for r in data["rules"]]
    for r in data["rules"]:
        r["rx"] = regex.compile(r["cue"])
    data["unit_kind"] = {u: k for k, us in data["kinds"].items() for u in us}
    data["person_verb_rx"] = regex.compile(r"(?:" + "|".join(data["person_verbs"]) + r")[\p{Han}]{0,6}?(?=[，。；、（(,;]|$)")
    cuts = {*data["count_verbs"], *data["program_verbs"], *data["pay_verbs"], *data["person_verbs"], *data["long_cuts"],
            *map(str, _HEADS["action_leads"])}
    data["long_cut_rx"] = regex.compile("|".join(sorted(cuts, key=len, reverse=True)))
    data["as_verb_rx"] = regex.compile("|".join(sorted(data["as_verbs"], key=len, reverse=True)))
    data["mileage_rx"] = regex.compile("(?:" + "|".join(sorted(data["mileage_heads"], key=len, reverse=True)) + ")$")
    data["person_act_rx"] = regex.compile(r"(?<=[\p{Han}]{2})(?:" + "|".join(data["person_verbs"]) + r")$")
    data["count_verb_any"] = regex.compile("|".join(sorted(data["count_verbs"], key=len, reverse=True)))
    data["count_verb_rx"] = regex.compile("(?:" + "|".join(sorted(data["count_verbs"], key=len, reverse=True)) + r")(?=[^，。；]{0,8}$)")
    alt = lambda key: "|".join(sorted(map(str, data[key]), key=len, reverse=True))  # noqa: E731
    data["point_move_rx"] = regex.compile(rf"(?P<verb>{alt('point_moves')})了?$")
    data["point_gap_rx"] = regex.compile(rf"(?P<verb>{alt('point_gaps')})(?P<ref>[^，。；,;]{{1,16}})$")
    data["point_than_rx"] = regex.compile(rf"(?:比|较)(?P<ref>[^，。；,;]{{1,24}}?)(?P<verb>{alt('point_gaps_after_than')})$")
    return data


def point_move(clause: str) -> str:
    """The move a change in percentage points states at the end of its clause, as the noun of
    what it measures: "…提高" → 提高幅度, "收窄" → 收窄幅度; 变动 when the clause names none.

    >>> point_move("较上年同期提高"), point_move("")
    ('提高幅度', '变动')
    """
    m = metric_rules()["point_move_rx"].search(clause)
    return m["verb"] + "幅度" if m else str(metric_rules()["defaults"]["points"])

def measure_of(unit: str, what: str) -> str | None:
    """The noun a figure in ``unit`` measures of ``what`` (metrics.yaml measures): a road's length is
    its mileage.

    >>> measure_of("公里", "新改建农村公路"), measure_of("公里", "污水管网"), measure_of("个", "x")
    ('里程', '长度', None)
    """
    r = metric_rules()
    m = r["measures"].get(unit)
    return "里程" if m == "长度" and r["mileage_rx"].search(what) else m

def unit_kind(unit: str) -> str:
    """money, rate, person, household, person_time, percent, points or count."""
    kinds = metric_rules()["unit_kind"]
    if unit in kinds:
        return str(kinds[unit])
    if "/" in unit:
        return "rate"
    return "count"


class MetricMixin:
    """The metric methods of :class:`.labels.Labeller` (which provides the attributes below)."""

    if TYPE_CHECKING:
        doc: Document
        v: Vocab
        quantity_ends: list[int]

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
        if kind == "points":
            named = self.points_metric(cs, o)
            if named is not None:
                return named or ("" if role == "delta" else point_move(t[cs:o]))
        if role == "delta":
            # what changed, named in the clause ("规上工业增加值增长7.2%"); else filled from the
            # level it changes (the figure before it in the sentence) by the assembler
            base = self.phrase(cs, o)
            if base and _GROWTH_NOUN.search(base):
                return base  # "非金属矿物制品业增速为-4.7%" names its growth already
            return base + _CHANGE_SUFFIX.get(unit, "增量") if base else ""
        clause = t[cs:o]
        if kind not in ("percent", "points"):
            target = self.target_name(clause, end)
            if target:
                return target
        if kind == "money" and bound in ("<=", "<"):
            return "限额"
        if measure_kind(unit) == "time":
            within = _WITHIN.match(t, end)
            if within:  # "24小时内整改到位" bounds the time to act: 整改到位时限
                act = _WITHIN_ACT.match(t, within.end())
                return (act.group() if act else "") + "时限"
        phrase = self.phrase(cs, o)
        named = next((w for w in TABLES.indicator_prefixes if t.startswith(w, o)), None)
        if named:  # "粮食亩产430公斤": the prefix read into the unit is the indicator
            return phrase + named
        if phrase and kind in ("money", "rate") and (self.v.scope_re.fullmatch(phrase) or phrase in self.v.jurisdiction):
            phrase = ""  # "城市、农村分别调整为…元": a category names no amount (the sentence's carries over)
        if phrase and kind in ("percent", "points") and _RATE_NOUN.search(phrase):
            return phrase
        if phrase and kind == "money" and not _PAY_VERB.match(phrase) and len(phrase) >= 2:
            # a pay verb whose object the phrase is, cut off by a long name ("发放义务教育家庭经济困难
            # 寄宿生生活补助560.3万元" → 寄宿生生活补助): the amount is still what was paid
            verbs = list(_PAY_VERB.finditer(clause))
            # (a fund named whole stays as it is: "下拨自然灾害救助资金416万元" → 自然灾害救助资金)
            if verbs and phrase in clause[verbs[-1].end():] and not _BARE_TAIL.search(phrase[-2:]) \
                    and not _PAY_VERB.search(phrase):
                return phrase + "发放金额"
        if phrase and kind in ("money", "rate") and (phrase.endswith("标准") or _MONEY_NOUN.search(phrase)
                                                     or _MONEY_WORD.fullmatch(phrase)) \
                and not _PAY_VERB.match(phrase):
            return phrase  # "救助资金412.4万元", "建筑业总产值": the clause names the amount
        paid = _PAY_VERB.match(phrase) if phrase and kind == "money" else None
        if paid:  # "发放临时救助资金96.8万元" → 临时救助资金发放金额: what was paid, and how much
            what = rx(r"^(?:各类|各项|累计)+").sub("", phrase[paid.end():])
            if len(what) >= 2:
                return what + "发放金额"
        # (the sentence before the clause is read only when the clause names nothing itself:
        # "…床位2,850张，新增老年助餐点15个" counts 助餐点, not 床位)
        # (and an amount's clause that names its own thing is not read by the sentence's cue words:
        # "…支出资助资金…，其中资助参保763.5万元" is 资助参保, not 发放金额)
        windows = (clause,) if phrase and kind == "count" else (clause, "".join(t[a:b] for a, b in self.outside_parens(ss, cs)))
        for window in windows:
            for r in rules["rules"]:
                if kind in r["units"]:
                    ms = list(r["rx"].finditer(window))
                    if ms:
                        return r["metric"].format(m=ms[-1].group())
        if kind == "count" and len(unit) == 2 and unit.endswith("次"):
            # a count of visits (家次, 台次, 车次): what was done so many times, the visited things
            # being the scope ("检查食品生产经营主体6420家次" → 检查家次)
            verb = rules["count_verb_rx"].search(clause)
            if verb:
                return verb.group() + unit
            if phrase and not phrase.endswith(unit):
                return phrase + unit  # "检出不合格样品74批次" → 不合格样品批次
            verbs = list(rules["count_verb_any"].finditer("".join(t[a:b] for a, b in self.outside_parens(ss, o))))
            if verbs:  # (the verb may stand in the list's first clause: "检查A 120家次、B 412家次")
                return verbs[-1].group() + unit
        if kind == "count":
            # (a bracketed qualifier is part of the noun: "14个村(社区)", "146个村（社区）服务站"; a
            # whole a subset is taken from ends before 中: "185个行政村中仍有58个…")
            # (never an adverb: "其余41处均已落实整改措施" names nothing after the number)
            noun = rx(r"(?!均|已|都|全部|仍|尚|正在|分别)(?:[\p{Han}]|[（(][\p{Han}、]{1,6}[)）]){2,12}?(?=均已|均|已|都|全部|进行|参加|的|为|是|和|与|及|中(?=[仍尚有共，,])|[，。；、（(：:“”,;:\d]|$)").match(t[end:end + 20])
            if noun is None:
                # a category noun running into the verb after it ("32家危险化学品企业开展…",
                # "846家企业享受…"): the noun up to its category's end
                run = rx(r"[\p{Han}]{2,12}").match(t, end, end + 12)
                ends = [m.end() for m in _CATEGORY_END.finditer(run.group())] if run else []
                if run and ends and ends[0] >= 2:
                    noun = rx(r"[\p{Han}]+").match(t, end, end + ends[0])
            lead = self.v.scope_re.match(noun.group()) if noun else None
            if noun and lead and len(lead.group()) >= 2 and _AMOUNT_WORD.search(noun.group(), lead.end()):
                # a category running into the amount the next figure states ("14个行政村村级集体经济
                # 收入均达到…", "18个行政村集体经营性收入合计…"): the category is what is counted
                noun = rx(r"[\p{Han}（()）]+").match(t[end:end + lead.end()])
            if noun and t[end + noun.end():end + noun.end() + 1].isdigit():
                # before the next number: the counted thing only when it is a category noun of its own
                # ("836个基层党组织达标率100%"), not the next figure's label ("17次送院治疗23人")
                heads = [m.end() for m in _CATEGORY_END.finditer(noun.group())]
                if not heads or heads[-1] < 3:
                    noun = None
            # (not a hedge, nor 等/的 after a listed item: "救生衣600件等防汛物资" counts 救生衣)
            if noun and not rx(r"(?:以上|以下|左右|多|余|等|的)").match(noun.group()):
                verb = rules["count_verb_rx"].search(clause)
                word = noun.group()
                # the counted thing is a category noun ("5所乡镇敬老院消防…" counts 乡镇敬老院)
                heads = [m.end() for m in _CATEGORY_END.finditer(word) if m.end() >= 2]
                if heads and not _CATEGORY_HEAD.search(word):
                    word = word[: heads[-1]]
                # (a length or an area names its measure: "38公里建成通车" → 建成通车长度)
                return (verb.group() if verb else "") + word + (str(measure_of(unit, word) or "") or "数")
            clause = rx("|".join(self.v.jurisdiction) or "^$").sub("", clause)
            if clause.endswith("等"):
                # a list of named examples ("…翰林府、雅悦嘉园等六宗"): the sentence's verb says what was counted
                verbs = list(rules["count_verb_any"].finditer("".join(t[a:b] for a, b in self.outside_parens(ss, o))))
                if verbs:
                    return verbs[-1].group() + "数"
            if phrase:
                measure = measure_of(unit, phrase)
                if measure is not None:
                    return phrase if rx(r"(?:面积|里程|长度|量|规模)$").search(phrase) else phrase + measure
                verb = rules["count_verb_rx"].search(clause)
                # (not the verb that makes the thing what it is named: "调整为综合网格118个" counts 综合网格)
                if verb and verb.group() not in phrase and not clause.startswith("为", verb.end()):  # "新增社会组织" from "新增…社会组织7个"
                    phrase = verb.group() + phrase
                times = str(rules["event_units"].get(unit) or "")  # "应急演练23场" → 应急演练场次
                if times:
                    return phrase if phrase.endswith((times, "次数")) else phrase + times
                return phrase if _COUNT_NOUN.search(phrase) else phrase + "数"
            measure = rules["measures"].get(unit)
            if measure is not None:
                return str(measure) or rules["defaults"]["count"]
            return unit + "数" if unit not in ("个",) else rules["defaults"]["count"]
        if kind == "person" and rx(r"人次").search(t[end - 2:end]):
            kind = "person_time"
        if kind == "person":
            act = rules["person_verb_rx"].match(t, end)
            if act:
                return act.group() + "人数"
            who = _PERSON_AFTER.match(t, end) if not phrase and t[end - 1] == "名" else None
            if who:  # "为1124名劳动者追讨工资等待遇": what was done for the people counted (their noun is the scope's)
                return who["act"] + "人数"
        if phrase and kind in ("person", "household", "person_time"):
            noun = {"person": "人数", "household": "户数", "person_time": "人次"}[kind]
            core = self._without_labels(phrase, noun)
            if not core:
                return noun
            return core if _COUNT_NOUN.search(core) else core + noun
        if phrase and kind in ("money", "rate", "other"):
            return phrase
        if kind == "percent":
            st = _STRUCTURE_OF.search(t, ss, o)
            if st:  # (a part of a structure ratio read as a level: 三次产业结构…调整为6.4:39.6:54.0)
                return st["what"] + "比重"
            after = rx(r"的?([\p{Han}]{0,4}率)").match(t[end:end + 8])
            if after:
                return after.group(1)
            relative = self.relative_metric(cs, o)
            if relative:
                return relative
            # (a program's name alone is no rate's name, unless it is an indicator's too: R&D经费投入强度)
            if phrase and len(phrase) >= 2 and (not self.v.alias_re.fullmatch(phrase) or self.v.indicator_re.fullmatch(phrase)) \
                    and not self.v.scope_re.fullmatch(phrase) and not _NOT_A_RATE_NAME.search(phrase) \
                    and not rx(r"的?(?:比例|比重)").match(t, end) and "相当于" not in clause:
                return phrase  # "增长面为62.8%", "支出进度95.2%": the clause's own noun, though no 率 ends it
            # a rate named before the condition its clause puts on it ("接种率以乡镇为单位保持在95%以上")
            rates = [m.end() for m in _RATE_WORD.finditer(clause, 0, len(clause) - 1) if clause[m.end()] not in "，,、"]
            named = self.phrase(cs, cs + rates[-1]) if rates else ""
            if named and _RATE_NOUN.search(named) and named not in _BARE_NOUNS:
                return named
        return str(rules["defaults"][kind])


    def target_name(self, clause: str, end: int) -> str:
        """The name of the target an amount is, when a completion rate is measured against it
        right after ("完成区下达年度目标12亿元的106.7%" → 区下达年度目标), else ""."""
        whole = _WHOLE_OF_RATE.match(self.doc.text, end)
        named = _TARGET_NAMED.search(clause) if whole else None
        if named is None:
            return ""
        name = named["name"] + whole["tail"]
        return name if len(name) >= 3 and _TARGET_END.search(name) else ""

    def points_metric(self, cs: int, o: int) -> str | None:
        """What a figure in percentage points measures, from the move or the gap its clause
        states: "增速较上半年的5.3%加快" → 增速加快幅度, "增速高于城镇居民" → 增速高于城镇居民,
        "增速比城镇居民…增速(5.7%)高" → 增速高于城镇居民…增速; "" when the clause states a move
        but names no subject (a stated change then measures the level before it: :mod:`.neighbours`);
        None when it states neither.

        The subject is the clause's phrase before its comparison word (比/较/同比) or verb, so the
        reference compared with (上半年的5.3%) names nothing of it.
        """
        t = self.doc.text
        clause = t[cs:o]
        r = metric_rules()
        gap = r["point_gap_rx"].search(clause)
        move = None if gap else r["point_move_rx"].search(clause)  # (before 比…高: 较上年提高 ends in 高)
        than = None if gap or move else r["point_than_rx"].search(clause)
        hit = gap or move or than
        if hit is None:
            return None
        base = _BASELINE_WORD.search(clause, 0, hit.start())
        subject = self.phrase(cs, cs + (base.start() if base else hit.start()))
        if move is not None:
            return subject + move["verb"] + "幅度" if subject else ""
        # the reference without its own value: "全市平均水平3.35%" → 全市平均水平, "50%的序时进度" → 序时进度
        ref = _REF_VALUE.sub("", _TIME_WORDS.sub("", _LONG_PARENS.sub("", hit["ref"]))).rpartition("的")[2].strip()
        if not ref or not _PHRASE_CHARS.fullmatch(ref):
            return subject + point_move("") if subject else None
        verb = hit["verb"] if gap else hit["verb"] + "于"
        return subject + verb + ref

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

    def _names_a_measure(self, rest: str) -> bool:
        """Whether what is left of a metric still names what is measured: it opens on a known
        indicator (参保人数, 增加值增速, 基金总收入) or is a short rate (建档率, 结案率)."""
        ind = self.v.indicator_re
        m = ind.match(rest) if ind is not None else None
        return (m is not None and len(m.group()) >= 3) or (len(rest) <= 5 and bool(_RATE_NOUN.fullmatch(rest)))

    def generic_metrics(self) -> frozenset[str]:
        """The fallback metrics by unit kind (人数, 金额, 标准 …): they name no indicator."""
        return frozenset(str(x) for x in metric_rules()["defaults"].values())

    def ratio_metric(self, kind: str, o: int) -> str | None:
        """The metric of a share or a completion rate from the whole it names: "占户籍人口的21.4%"
        → 占户籍人口比重, "完成年度计划120公里的105.3%" → 年度计划完成率."""
        clause = self.doc.text[self.clause_start(o):o]
        if "," in clause:
            clause = _THOUSANDS.sub("", clause)
        k = clause.rfind("由")
        if k >= 2:  # "…占地区生产总值的比重由上年同期的54.3%提高到" → the subject before 由
            clause = clause[:k]
        if kind == "share":
            st = _STRUCTURE_OF.search(self.doc.text, self.sentence_start(o), o)
            if st:  # 三次产业结构为14.8:39.4:45.8 → 三次产业结构比重
                return st["what"] + "比重"
            m = _SHARE_OF_STATED.search(clause) or _SHARE_OF.search(clause)
            if m:
                return f"占{m[1]}比重"
            cs = self.clause_start(o)
            relative = self.relative_metric(cs, o)
            if relative:
                return relative
            ph = self.phrase(cs, o)
            if ph and _RATE_NOUN.search(ph) and ph not in _BARE_NOUNS:
                return ph  # (a bare 占比 says nothing: "其中护理型床位2580张，占比62.0%" → 护理型床位占比)
            part = self._share_part(cs, o)
            return part + "占比" if part else "占比"
        if kind == "completion":
            m = _TARGET_NOUN.search(clause)
            return f"{m[0]}完成率" if m else "完成率"
        return None

    def relative_metric(self, cs: int, o: int) -> str:
        """A percentage of a whole its clause names by 相当于, 为 or 保持在: the subject and the whole
        ("一般公共预算收入仅相当于支出的47.8%" → 一般公共预算收入相当于支出比例; "能繁母猪存栏17.9万头，为正常
        保有量17.2万头的104.1%" → 能繁母猪存栏占正常保有量比例), or "" when the clause has no such whole."""
        clause = _THOUSANDS.sub("", self.doc.text[cs:o])
        m = _RELATIVE_TO.search(clause)
        if m is None or _TARGET_END.search(m["whole"]) or _RATE_NOUN.search(m["whole"]) or self.v.scope_re.fullmatch(m["whole"]):
            return ""
        subject = self.phrase(cs, cs + m.start()) if m.start() else self._share_part(cs, cs)
        if not subject or _RATE_NOUN.search(subject):
            return ""
        return subject + ("相当于" if m["verb"] == "相当于" else "占") + m["whole"] + "比例"

    def _share_part(self, cs: int, o: int) -> str:
        """What a share without a named whole is the share of: the subject before its 占
        ("灵活就业人员约占38%" → 灵活就业人员), or, when the clause opens on 占, the thing the
        clause before it counts ("新能源公交车120辆，占92.5%" → 新能源公交车)."""
        t = self.doc.text
        k = t.rfind("占", cs, o) if o > cs else cs
        if k > cs:
            ph = self.phrase(cs, k)
        elif k == cs and cs > 0 and t[cs - 1] in "，,":
            pcs = self.clause_start(cs - 1)
            starts = [m.start() for m in _NUMBER_START.finditer(t, pcs, cs - 1)]
            ph = self.phrase(pcs, starts[-1]) if starts else ""
        else:
            ph = ""
        if not ph or _RATE_NOUN.search(ph) or ph in self.v.jurisdiction:
            return ""
        return ph

    def _without_labels(self, phrase: str, noun: str) -> str:
        """A head-count's phrase without the program and category words that the figure's
        program and scope already carry ("特困供养人员" → "", "享受护理补贴" → "享受"), unless
        the phrase is itself an indicator name (城镇新增就业人数)."""
        ind = self.v.indicator_re
        if ind is not None and (ind.fullmatch(phrase) or ind.fullmatch(phrase + noun)):
            return phrase
        for lex in (self.v.alias_re, self.v.context_re, self.v.scope_re):
            if lex.fullmatch(phrase) and phrase not in self.v.weak:
                # (unless the name says what the people did or what is counted: 紧急转移安置, 本科上线,
                # 道路客运量 — a program's people are counted by its act, not by the bare 人数)
                return phrase if self._names_an_act(phrase) else ""
        lead = self.v.alias_re.match(phrase)
        if lead is not None and len(phrase) - lead.end() >= 2 and lead.group() not in self.v.weak:
            rest = phrase[lead.end():]  # "城乡居民基本医疗保险参保" → 参保 (the program is its own label)
            if rest in _BARE_NOUNS:  # (never down to a bare noun: "高技能人才总量" stays whole)
                return phrase
            if rest in _BENEFICIARIES:  # "城乡低保对象" counts the program's people ("紧急转移安置群众": its act's)
                return lead.group() if self._names_an_act(lead.group()) else ""
            return rest
        # a program named after a verb ("享受护理补贴", "实施临时救助"): the verb says what was counted;
        # any other cut could break a word ("村级河湖长" is not "村级河" + 湖长)
        for lex in (self.v.alias_re, self.v.context_re):
            for m in lex.finditer(phrase):
                if m.end() == len(phrase) and m.group() not in self.v.weak and phrase[: m.start()] in _verbs():
                    return phrase[: m.start()]
        return phrase

    @staticmethod
    def _names_an_act(name: str) -> bool:
        """Whether a program's name ends on what its people did (metrics.yaml person_verbs: 紧急转移
        安置, 本科上线, 再就业) or on what it counts (道路客运量)."""
        return bool(metric_rules()["person_act_rx"].search(name) or _COUNT_NOUN.search(name))

    _phrases: tuple[list[int], dict[tuple[int, int], str]] | None = None

    def phrase(self, a: int, b: int) -> str:
        """The indicator's noun phrase that ends the text [a, b) before a number, cut on word
        boundaries, or "" when there is none.

        Periods, the jurisdiction, linking verbs (为/达到/控制在 …) and change words are dropped;
        a known indicator name (the vocabularies' ``indicators``) is taken whole; a phrase longer
        than twelve characters is cut at a function word or at the start of a known word, never
        inside one.
        """
        # scope, metric and kind ask for the same clause's phrase: computed once per figure (and
        # afresh when the assembler hands over new quantity ends)
        if self._phrases is None or self._phrases[0] is not self.quantity_ends:
            self._phrases = (self.quantity_ends, {})
        got = self._phrases[1].get((a, b))
        if got is None:
            got = self._phrases[1][(a, b)] = self._phrase(a, b)
        return got

    def _phrase(self, a: int, b: int) -> str:
        # parenthesised breakdowns and notes go; a short qualifier stays (执业（助理）医师数)
        # what follows the last quantity before b ("低保6154户…"); a number that is a name (12345热线)
        # or a condition (60周岁以上) is not a quantity and stays
        k = self.doc.text.rfind("由", a, b)
        if k >= a + 2:
            b = k  # "县域内就诊率由上年的89.6%提高到" → the subject before 由
        i = bisect.bisect_right(self.quantity_ends, b) - 1
        after_quantity = i >= 0 and self.quantity_ends[i] >= a
        if i >= 0 and self.quantity_ends[i] > a:
            a = self.quantity_ends[i]
        # (each substitution is tried only when the character it needs is there: a figure's
        # phrase rarely holds a parenthesis, a comma, a quotation mark or an age)
        t = self.doc.text[a:b]
        if "（" in t or "(" in t:
            t = _LATIN_PARENS.sub("", _LONG_PARENS.sub("", t))
        if after_quantity:
            t = _AFTER_QUANTITY.sub("", t)
        t = _TIME_WORDS.sub("", _THOUSANDS.sub("", t) if "," in t else t)
        if "为" in t:  # "优化调整为综合网格": the name is what the verb makes the thing
            made = [m.end() for m in metric_rules()["as_verb_rx"].finditer(t) if len(t) - m.end() >= 2]
            t = t[made[-1]:] if made else t
        if not _QUOTE_CHARS.isdisjoint(t):
            quoted = _CLOSING_QUOTE.split(t)
            if len(quoted) > 1 and len(quoted[-1]) >= 3 and not _RATE_NOUN.fullmatch(quoted[-1]):
                t = quoted[-1]  # "组织“就业援助月”等专场招聘会" → what follows the quoted name ("“一肩挑”比例" keeps it)
            t = _QUOTES.sub("", t)
        if not self.quantity_ends:  # a labeller used without the number grammar's spans
            t = _AFTER_NUMBER.split(t)[-1]
        if self.v.jurisdiction:
            t = _alt_cached(self.v.jurisdiction).sub("", t)
        if "岁" in t:
            t = _TRAILING_AGE.sub("", t)
        prev = None
        while prev != t:
            prev = t
            t = _PHRASE_LEAD.sub("", t)
            cut = _PHRASE_TRAIL.sub("", t)
            if cut != t and not any(t.endswith(w) and len(t) - len(cut) < len(w) for w in TABLES.not_hedges):
                t = cut  # (签约 ends in 约 but is a word: "累计签约" keeps it)
            t = _PER_TRAIL.sub("", t)
            t = t.strip(" 　，,、：:\"")
        if "的" in t:
            head, _, tail = t.rpartition("的")
            t = tail if len(tail) >= 2 else t
        if not t or not _PHRASE_CHARS.fullmatch(t) or not _HAN.search(t):
            return ""  # (a number is no name: "…53.2调整为" before the next part of a ratio)
        if self.v.indicator_re is not None:
            ms = list(self.v.indicator_re.finditer(t))
            if ms and ms[-1].end() == len(t):
                # the indicator that ends the phrase, with the words that qualify it (规上 …) when short
                m = ms[-1]
                return t if len(t) <= 12 else m.group()
        if len(t) < 2:
            return ""
        if len(t) <= 12:
            return t
        # after a program's whole name first: "城乡居民基本养老保险|基础养老金" (the program is a label)
        # (unless all that is left is a bare noun: "…下拨自然灾害救助|资金" keeps the program's name,
        # 自然灾害救助资金, when it fits)
        ends = [(m.start(), m.end()) for m in self.v.alias_re.finditer(t) if 2 <= len(t) - m.end() <= 12]
        if ends:
            start, end = min(ends, key=lambda se: se[1])
            rest = t[end:].lstrip("和与及或、的")
            return t[start:] if _BARE_TAIL.fullmatch(rest) and len(t) - start <= 12 else rest
        # at a known word's start, or right after a category ("…事实无人抚养儿童|基本生活费标准")
        known = [(m.start(), m.end()) for pat in (self.v.alias_re, self.v.scope_re, self.v.indicator_re)
                 if pat is not None for m in pat.finditer(t)]
        # after a function character, unless it stands inside a known word (65岁及以上老年人)
        cuts = [m.end() for m in _FUNCTION_CHAR.finditer(t) if not any(s < m.end() < e for s, e in known)]
        cuts += [s for s, _ in known]
        cuts += [m.end() for m in self.v.scope_re.finditer(t)]
        cuts += [m.end() for m in _LATIN_RUN.finditer(t)]  # after a name's digits: "12319城管服务热线…"
        fits = [k for k in cuts if 2 <= len(t) - k <= 12]
        if not fits:
            # a run that no function word nor known word cuts: after a verb ("进山入林路口设立|临时
            # 防火检查站") or the place the report speaks for ("辖区|重点商务楼宇平均入驻率")
            fits = [m.end() for m in metric_rules()["long_cut_rx"].finditer(t) if 2 <= len(t) - m.end() <= 12]
            if fits:  # (and what it leaves opens on no lead: "辖区|现有60周岁以上老年人")
                rest = _PHRASE_LEAD.sub("", t[min(fits):])
                return rest if len(rest) >= 2 else ""
        return t[min(fits):].lstrip("和与及或、的") if fits else ""
