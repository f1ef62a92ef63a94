"""What a count or a head-count counts: the noun after the number (5所乡镇敬老院 → 乡镇敬老院数), the
verb of a count of visits (检查家次), the act the people were counted by (享受护理补贴 → 享受人数), and
a head-count's phrase without the program and category words its figure's labels carry."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from ...._data import rx
from ..context.phrases import _CLOSER, PhraseMixin
from ..words.heads import _CATEGORY_END, _CATEGORY_HEAD, _COUNT_NOUN, _HEADS, _PEOPLE_HEAD, _in_order
from ..words.metric_rules import _BARE_NOUNS, _verbs, measure_of, metric_rules

# the words of an amount or a total, which no counted category holds
_AMOUNT_WORD = regex.compile(_in_order(_HEADS["amount_words"]))
# right after a count, a hedge or a joining word (以上, 左右, 等, 的) is no counted noun
_NOT_COUNTED = rx("(?:" + _in_order(_HEADS["not_counted"]) + ")")
# a phrase ending on a measure (面积, 里程, 量) names its measure already
_MEASURED = rx("(?:" + _in_order(_HEADS["measure_names"]) + ")$")

# the people a program serves, named after it (低保对象, 特困人员): a head-count of the program
_BENEFICIARIES = frozenset(("对象", "人员", "家庭", "群众", "人口"))

# the one-character heads a word may end on (heads.yaml category_heads: 员, 者, 户, 院 …): a label cut
# that leaves one of them first cut a word in two ("舆情信息|员队伍" — the 员 is the 信息员's)
_BOUND_HEADS = frozenset(str(w) for w in _HEADS["category_heads"] if len(str(w)) == 1)

# the people a head-count in 名 names right after it and the short act they are counted by, up to the
# clause's end, a number or a list's 等 ("为1386名劳动者追讨工资等待遇15…万元"; not a list's first item)
_PERSON_AFTER = regex.compile(r"[\p{Han}]{0,10}(?:" + "|".join(sorted(
    {*map(str, _HEADS["people_heads"]), "者", "员", "人"}, key=len, reverse=True))
    + r")(?:分别|均)?(?P<act>(?:(?!等)[\p{Han}]){2,8})(?=[，。；,;（(“\"\d]|等|$)")


# a number (with its thousands commas and decimals)
_NUMBER = r"\d[\d,.]*"


def remainder_metric(before: str, unit: str) -> str:
    """The metric of a count in ``unit`` that its sentence (``before``: up to the count) calls what is
    left (metrics.yaml remainder_words) after an act done to part of a whole (已整改38个): what is not
    yet done, 未 + that act, and the thing the whole counts when the act names none.

    >>> remainder_metric("排查隐患40个，已整改38个，剩余", "个")
    '未整改隐患数'
    >>> remainder_metric("已办结投诉112件，其余", "件"), remainder_metric("其余", "人")
    ('未办结投诉数', '')
    """
    left = _REMAINDER.search(before)
    if left is None:
        return ""
    unit_rx = regex.escape(unit)
    dones = list(rx(rf"已(?P<act>[\p{{Han}}]{{2,6}}?)\s*{_NUMBER}\s*{unit_rx}(?![\p{{Han}}])").finditer(before, 0, left.start()))
    if not dones:
        return ""
    act = dones[-1]["act"]
    if len(act) <= 2:  # 已整改38个: the act alone — the thing is the whole's (排查隐患40个)
        wholes = list(rx(rf"(?P<thing>[\p{{Han}}]{{2}})\s*{_NUMBER}\s*{unit_rx}").finditer(before, 0, dones[-1].start()))
        if wholes and not _AMOUNT_WORD.search(wholes[-1]["thing"]):
            act += wholes[-1]["thing"]
    return "未" + act + "数"


_REMAINDER = rx("(?:" + _in_order(metric_rules()["remainder_words"]) + r")\s*$")


class CountMetricMixin(PhraseMixin):
    """The count metric methods of :class:`.labeller.Labeller` (which provides the attributes below)."""

    if TYPE_CHECKING:
        def outside_parens(self, a: int, b: int) -> list[tuple[int, int]]: ...

    def count_metric(self, o: int, end: int, unit: str, ss: int, clause: str, phrase: str) -> str:
        """What a count at [o, end) in ``unit`` counts, ``clause`` and ``phrase`` being the words before
        it (``ss`` its sentence's start) when no rule of ``metrics.yaml`` names it."""
        rules = metric_rules()
        t = self.doc.text
        left = remainder_metric(t[ss:o], unit)
        if left:
            return left  # "已整改38个，剩余2个正在整改": the 2 are what is not yet 整改
        if len(unit) == 2 and unit.endswith("次"):
            # a count of visits (家次, 台次, 车次): what was done so many times, the visited things
            # being the scope ("检查食品生产经营主体5170家次" → 检查家次)
            verb = rules["count_verb_rx"].search(clause)
            if verb and verb.group() in rules["light_verbs"]:
                # (a light verb's object names the act: "完成船舶检验1126艘次" → 船舶检验艘次)
                act = phrase.removeprefix(verb.group())
                verb = None if len(act) >= 2 and clause.endswith(act) else verb
                phrase = act if verb is None else phrase
            if verb:
                return verb.group() + unit
            if phrase and not phrase.endswith(unit):
                return phrase + unit  # "检出不合格样品74批次" → 不合格样品批次
            before = "".join(t[a:b] for a, b in self.outside_parens(ss, o))
            verbs = list(rules["count_verb_any"].finditer(before))
            if verbs:  # (the verb may stand in the list's first clause: "检查A 120家次、B 412家次")
                # (a light verb's act is its object: "完成船舶检验1126艘次，其中营运检验862艘次" → 船舶检验艘次)
                obj = rx(r"\p{Han}{2,8}(?=\d)").match(before, verbs[-1].end()) \
                    if verbs[-1].group() in rules["light_verbs"] else None
                return (obj.group() if obj else verbs[-1].group()) + unit
        # (a bracketed qualifier is part of the noun: "14个村(社区)", "146个村（社区）服务站"; a
        # whole a subset is taken from ends before 中: "185个行政村中仍有58个…")
        # (never an adverb: "其余41处均已落实整改措施" names nothing after the number)
        dropped = False
        noun = rx(r"(?!均|已|都|全部|仍|尚|正在|分别)(?:[\p{Han}]|[（(][\p{Han}、]{1,6}[)）]){2,12}?(?=均已|均|已|都|全部|进行|参加|的|为|是|和|与|及|中(?=[仍尚有共，,])|[，。；、（(：:“”,;:\d]|$)").match(t[end:end + 20])
        if noun and t[end + noun.end():end + noun.end() + 1].isdigit():
            # before the next number: the counted thing only when it is a category noun of its own
            # ("836个基层党组织达标率100%"), not the next figure's label ("12次转介就医19人"); a
            # category running into the next figure's act ("向57家企业拨付技改补助…") is read below,
            # unless the count is of events (巡查8次送院救治6人: the 次 count no 院)
            heads = [m.end() for m in _CATEGORY_END.finditer(noun.group())]
            if not heads or heads[-1] < 3:
                dropped, noun = unit in rules["event_units"], None
        if noun is None and not dropped:
            # a category noun running into the verb after it ("32家危险化学品企业开展…",
            # "846家企业享受…"): the noun up to its category's end
            run = rx(r"[\p{Han}]{2,12}").match(t, end, end + 12)
            ends = [m.end() for m in _CATEGORY_END.finditer(run.group())] if run else []
            if run and ends and ends[0] >= 2:
                noun = rx(r"[\p{Han}]+").match(t, end, end + ends[0])
            elif run:
                # a category running into a long amount's name ("11个行政村集体经济经营性收入合计由…"): the
                # category is what is counted, as in the shorter run below
                # (or into what happens to it: "仍有4个行政村垃圾分类收集处理设施尚未建成投用" counts 行政村 — a
                # category the vocabulary knows, ending on a category head)
                head = self.v.scope_re.match(run.group())
                if head and len(head.group()) >= 2 and (_AMOUNT_WORD.search(t, end + head.end(), end + 20)
                                                        or _CATEGORY_HEAD.search(head.group())):
                    noun = rx(r"[\p{Han}]+").match(t[end:end + head.end()])
        lead = self.v.scope_re.match(noun.group()) if noun else None
        if noun and lead and len(lead.group()) >= 2 and _AMOUNT_WORD.search(noun.group(), lead.end()):
            # a category running into the amount the next figure states ("14个行政村村级集体经济
            # 收入均达到…", "16个行政村集体经营性收入合计…"): the category is what is counted
            noun = rx(r"[\p{Han}（()）]+").match(t[end:end + lead.end()])
        # (not a hedge, nor 等/的 after a listed item: "救生衣600件等防汛物资" counts 救生衣)
        if noun and not _NOT_COUNTED.match(noun.group()):
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
                return phrase if _MEASURED.search(phrase) else phrase + measure
            # (nor a verb among the examples a list closed by 等 gives: "加装电梯、小区环境整治等民生事项"
            # counts 民生事项, not 整治民生事项)
            examples = clause.rfind(_CLOSER + phrase)
            verb = rules["count_verb_rx"].search(clause, examples + 1 if examples >= 0 else 0)
            # (not the verb that makes the thing what it is named: "调整为综合网格118个" counts 综合网格)
            if verb and verb.group() not in phrase and not clause.startswith("为", verb.end()):  # "新增社会组织" from "新增…社会组织7个"
                phrase = verb.group() + phrase
            if _MEASURED.search(phrase):
                return phrase  # "快递业务量1.2亿件", "总阅读量860万次": the phrase names its measure already
            times = str(rules["event_units"].get(unit) or "")  # "应急演练23场" → 应急演练场次
            if times:
                return phrase if phrase.endswith((times, "次数")) else phrase + times
            return phrase if _COUNT_NOUN.search(phrase) else phrase + "数"
        measure = rules["measures"].get(unit)
        if measure is not None:
            return str(measure) or rules["defaults"]["count"]
        return unit + "数" if unit not in ("个",) else rules["defaults"]["count"]

    def headcount_metric(self, kind: str, end: int, phrase: str) -> str:
        """What a head-count (a ``person``, ``household`` or ``person_time`` quantity) ending at ``end``
        counts, ``phrase`` being the words before it."""
        rules = metric_rules()
        t = self.doc.text
        if kind == "person" and rx(r"人次").search(t[end - 2:end]):
            kind = "person_time"
        if kind == "person":
            act = rules["person_verb_rx"].match(t, end)
            if act:
                return act.group() + "人数"
            who = _PERSON_AFTER.match(t, end) if not phrase and t[end - 1] == "名" else None
            if who:  # "为1386名劳动者追讨工资等待遇": what was done for the people counted (their noun is the scope's)
                return who["act"] + "人数"
        if phrase and kind in ("person", "household", "person_time"):
            noun = {"person": "人数", "household": "户数", "person_time": "人次"}[kind]
            core = self._without_labels(phrase, noun)
            if not core:
                return noun
            return core if _COUNT_NOUN.search(core) else core + noun
        return str(rules["defaults"][kind])

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
            if rest[:1] in _BOUND_HEADS and not _COUNT_NOUN.match(rest):
                return phrase  # (never inside a word: "舆情信息员队伍" keeps its 信息员)
            if rest in _BARE_NOUNS:  # (never down to a bare noun: "高技能人才总量" stays whole)
                return phrase
            if rest in _BENEFICIARIES:  # "城乡低保对象" counts the program's people ("紧急转移安置群众": its act's)
                return lead.group() if self._names_an_act(lead.group()) else ""
            if _PEOPLE_HEAD.search(rest) and self._names_an_act(lead.group()):
                return lead.group()  # "接收安置各类退役军人": the people the act was done to count by the act
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
