"""What a percentage or a change in points measures when its clause names a whole or a
comparison: a share (占户籍人口的21.4% → 占户籍人口比重), a completion rate and the target it is
measured against, a percentage relative to a whole (相当于支出的52.6%), a move or a gap in points
(增速高于城镇居民), or a rate named by its own noun."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from ...._data import rx
from ..context.phrases import _LONG_PARENS, _PHRASE_CHARS, _THOUSANDS, _TIME_WORDS, PhraseMixin
from ..grammar.context_units import STRUCTURE_VERB
from ..words.heads import _HEADS, _RATE_NOUN, _in_order
from ..words.metric_rules import _BARE_NOUNS, metric_rules, point_move

# a share of a whole named after 占 ("占户籍人口的21.4%")
_SHARE_OF = regex.compile(r"占(?!比)([\p{Han}A-Za-z0-9]{1,16}?)(?:总数|总量)?的?(?:比重|比例)?(?:[仍已均]?(?:为|达到|达))?$")

# a percentage of a whole named by a verb other than 占 ("一般公共预算收入仅相当于支出的52.6%", "能繁母猪
# 存栏15.3万头，为正常保有量14.6万头的104.8%", "存栏保持在正常保有量的94%"), perhaps with the whole's amount
_RELATIVE_TO = regex.compile(r"(?P<verb>相当于|为|保持在)(?P<whole>[\p{Han}]{2,12}?)(?:\d[\d.]*(?:万|亿)?[^\d，,；;。]{0,4}?)?的$")

# a share named by its part and whole ahead of the verb that states it ("教育支出占财政总支出的比重保持在
# 18%以上", "护理型床位占养老床位总数的比例达到65%以上"): the rate noun alone says nothing
_SHARE_NAMED = regex.compile(r"占(?!比)(?P<whole>[\p{Han}A-Za-z0-9]{1,16}?)(?:总数|总量)?的?(?P<noun>比重|比例)")

# "占耕地面积94.1万亩的62.3%": the whole named with its own amount
_SHARE_OF_STATED = regex.compile(r"占(?!比)([\p{Han}]{2,16}?)(?:总数|总量)?(?:为|达)?\d[\d.]*(?:万|亿)?[^\d，,；;。]{0,4}?的(?:比重|比例)?$")

# a structure written as a ratio, up to the part at hand: "三次产业结构为14.8:39.4:" (perhaps after
# the ratio it was changed from: "三次产业结构由上年的6.6:40.2:53.2调整为6.4:"
_STRUCTURE_OF = regex.compile(r"(?P<what>[\p{Han}]{0,8}结构)" + STRUCTURE_VERB +
                              r"(?:\d+(?:\.\d+)?\s*[:：∶]\s*){0,3}$")

# the end of a date written before a structure's name ("2025年全县三次产业结构" → 全县三次产业结构)
_DATE_TAIL = regex.compile(r"^(?:年度|年|月|季度|日)")


def _structure_name(st: regex.Match[str], text: str) -> str:
    """The name of the structure ``st`` matched, without the end of a date written right before it."""
    what = st["what"]
    return _DATE_TAIL.sub("", what) if st.start("what") > 0 and text[st.start("what") - 1].isdigit() else what

# a clause of nothing but the earlier items of a list and its conjunction ("", "28.6%和")
_LIST_ITEMS = regex.compile(r"(?:\d[\d.]*\s*[%‰％]?\s*)?(?:、|和|及|与|以及)?\s*")

# where a number starts (its first digit after a non-digit)
_NUMBER_START = regex.compile(r"(?<![\d.,，])\d")

_TARGET_NOUN = regex.compile("(?:" + _in_order(_HEADS["target_nouns"]["of"]) + ")?(?:" + _in_order(_HEADS["target_nouns"]["nouns"]) + ")")

# the amount a completion rate is measured against ("完成区下达年度目标15亿元的103.4%", "仅完成年度
# 8万人次目标的27.5%", "为年初预算21.47亿元的102.6%"): the target's own name, after the verb that
# reaches it, is what the amount measures — not the verb (完成年度任务人数) nor a cue of the sentence
_WHOLE_OF_RATE = regex.compile(r"[)）]?(?P<tail>(?:" + _in_order(_HEADS["target_ends"])
                               + r")?)[)）]?的\s*\d[\d.]*\s*[%％]")
_TARGET_NAMED = regex.compile(r"(?:完成|为|占)(?P<name>[\p{Han}]{0,10}?)[（(]?$")
_TARGET_END = regex.compile("(?:" + _in_order(_HEADS["target_ends"]) + ")$")

# a percentage of the work done, named by what was to be done ("完成约定采购量的127.3%", "已完成路基工程量的
# 85%"): the whole after 完成, no share (占) inside it
_DONE_OF = regex.compile(r"完成(?P<what>(?:(?!占)[\p{Han}]){2,12}?)的$")

# a value named by the noun after it ("控制在3.8%的年度调控目标以内", "比6%的年度控制目标", "下降12%的约束性
# 目标"): a short qualified value noun of heads.yaml value_nouns, after a hedge perhaps
_VALUE_NOUNS = frozenset(map(str, _HEADS["value_nouns"]))
_VALUE_NAMED_AFTER = regex.compile(r"(?:以上|以下|以内|左右)?的(?P<name>[\p{Han}]{0,6}?(?:"
                                   + _in_order(_HEADS["value_nouns"]) + r"))(?![\p{Han}]{0,2}(?:数|率|的))")

# a percentage's clause that is no name of what it measures ("严格按100%的比例", "完成路基工程量的85%")
_NOT_A_RATE_NAME = regex.compile(r"[按对把将]|为单位|保持在|^(?:" + _in_order(_HEADS["not_a_rate_name"])
                                 + r")|^[\p{Han}]{1,2}$(?<=动|进|保)")

# a rate's head noun anywhere in a clause
_RATE_WORD = regex.compile(_RATE_NOUN.pattern.removesuffix("$"))

# the word that opens the reference of a comparison: what stands before it is the compared subject
_BASELINE_WORD = regex.compile(r"同比|环比|(?<![对无])比(?![例重率值])|较|与")

_REF_VALUE = regex.compile(r"\d[\d.,]*\s*(?:%|‰|个百分点)?")


class RatioMetricMixin(PhraseMixin):
    """The ratio metric methods of :class:`.labeller.Labeller` (which provides the attributes below)."""

    if TYPE_CHECKING:
        def clause_start(self, o: int) -> int: ...
        def sentence_start(self, o: int) -> int: ...

    def value_named_after(self, end: int) -> str:
        """The name of the value a figure ending at ``end`` is, when 的 and a value noun follow it
        ("控制在3.8%的年度调控目标以内" → 年度调控目标), else ""."""
        m = _VALUE_NAMED_AFTER.match(self.doc.text, end)
        # (a bare 目标 or 目标任务 says nothing of whose target: the clause's indicator names the value)
        return m["name"] if m and m["name"] not in _VALUE_NOUNS else ""

    def target_name(self, clause: str, end: int) -> str:
        """The name of the target an amount is, when a completion rate is measured against it
        right after ("完成区下达年度目标15亿元的103.4%" → 区下达年度目标), else ""."""
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

    def ratio_metric(self, kind: str, o: int) -> str | None:
        """The metric of a share or a completion rate from the whole it names: "占户籍人口的21.4%"
        → 占户籍人口比重, "完成年度计划150公里的108.2%" → 年度计划完成率."""
        clause = self.doc.text[self.clause_start(o):o]
        if "," in clause:
            clause = _THOUSANDS.sub("", clause)
        if _LIST_ITEMS.fullmatch(clause):
            return None  # a later item of a list ("57.1%、28.6%和"): named as the list's items are
        k = clause.rfind("由")
        if k >= 2:  # "…占地区生产总值的比重由上年同期的51.8%提高到" → the subject before 由
            clause = clause[:k]
        if kind == "share":
            st = _STRUCTURE_OF.search(self.doc.text, self.sentence_start(o), o)
            if st:  # 三次产业结构为14.8:39.4:45.8 → 三次产业结构比重 (2025年全县…: not the date's 年)
                return _structure_name(st, self.doc.text) + "比重"
            m = _SHARE_OF_STATED.search(clause) or _SHARE_OF.search(clause)
            if m:
                return f"占{m[1]}比重"
            cs = self.clause_start(o)
            relative = self.relative_metric(cs, o)
            if relative:
                return relative
            ph = self.phrase(cs, o)
            if ph and _RATE_NOUN.search(ph) and ph not in _BARE_NOUNS:
                return ph  # (a bare 占比 says nothing: "其中护理型床位2140张，占比58.0%" → 护理型床位占比)
            part = self._share_part(cs, o)
            return part + "占比" if part else "占比"
        if kind == "completion":
            m = _TARGET_NOUN.search(clause)
            return f"{m[0]}完成率" if m else self.done_rate(clause) or "完成率"
        return None

    @staticmethod
    def done_rate(clause: str) -> str:
        """The completion rate a percentage right after "完成X的" is, named by X: "完成约定采购量的" →
        约定采购量完成率; "" when the clause ends on no such whole."""
        m = _DONE_OF.search(clause)
        return m["what"] + "完成率" if m else ""

    def named_share(self, cs: int, o: int, phrase: str) -> str:
        """The full name of a share whose clause names its part and whole before the verb that
        states it, when the clause's phrase is only the rate noun: "教育支出占财政总支出的比重保持在"
        → 教育支出占财政总支出比重 (占财政总支出比重 when no part is named);
        "" when the clause names no such share."""
        clause = self.doc.text[cs:o]
        if "占" not in clause:
            return ""
        ms = list(_SHARE_NAMED.finditer(clause))
        if not ms or ms[-1]["noun"] != phrase or _RATE_WORD.search(clause, ms[-1].end()):
            return ""
        m = ms[-1]
        part = self.phrase(cs, cs + m.start()) if m.start() else ""
        if _RATE_NOUN.search(part):
            part = ""
        return f"{part}占{m['whole']}{m['noun']}"

    def relative_metric(self, cs: int, o: int) -> str:
        """A percentage of a whole its clause names by 相当于, 为 or 保持在: the subject and the whole
        ("一般公共预算收入仅相当于支出的52.6%" → 一般公共预算收入相当于支出比例; "能繁母猪存栏15.3万头，为正常
        保有量14.6万头的104.8%" → 能繁母猪存栏占正常保有量比例), or "" when the clause has no such whole."""
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

    def percent_metric(self, o: int, end: int, cs: int, ss: int, clause: str, phrase: str) -> str:
        """What a level in percent measures when no rule of ``metrics.yaml`` names it: a part of a
        structure ratio, the rate named right after it, a percentage relative to a whole, the clause's
        own noun or a rate named before the condition its clause puts on it; "" when none."""
        t = self.doc.text
        st = _STRUCTURE_OF.search(t, ss, o)
        if st:  # (a part of a structure ratio read as a level: 三次产业结构…调整为6.4:39.6:54.0)
            return _structure_name(st, t) + "比重"
        after = rx(r"的?([\p{Han}]{0,4}率)").match(t[end:end + 8])
        if after:
            return after.group(1)
        relative = self.relative_metric(cs, o) or self.done_rate(clause)
        if relative:
            return relative
        # (a program's name alone is no rate's name, unless it is an indicator's too: R&D经费投入强度)
        if phrase and len(phrase) >= 2 and (not self.v.alias_re.fullmatch(phrase) or self.v.indicator_re.fullmatch(phrase)) \
                and not self.v.scope_re.fullmatch(phrase) and not _NOT_A_RATE_NAME.search(phrase) \
                and not rx(r"的?(?:比例|比重)").match(t, end) and "相当于" not in clause:
            return phrase  # "增长面为62.8%", "支出进度95.2%": the clause's own noun, though no 率 ends it
        # a rate named before the condition its clause puts on it ("接种率以乡镇为单位保持在90%以上")
        rates = [m.end() for m in _RATE_WORD.finditer(clause, 0, len(clause) - 1) if clause[m.end()] not in "，,、"]
        named = self.phrase(cs, cs + rates[-1]) if rates else ""
        if named and _RATE_NOUN.search(named) and named not in _BARE_NOUNS:
            return named
        return ""
