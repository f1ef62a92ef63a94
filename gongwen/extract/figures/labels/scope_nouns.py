"""The category nouns written around a figure's number: the object of an action before it
(检查定点医药机构312家), the noun it counts after it (9间乡镇敬老院), a category qualifying a known
indicator (医院病床使用率), categories joined into one population (社会散居孤儿和事实无人抚养儿童) and a
category kept whole when it heads the things counted (小型水库64座).

:class:`ScopeNounsMixin` gives the labeller (:class:`.labeller.Labeller`) these readings for :mod:`.scope`.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import regex

from ..words.heads import (
    _CATEGORY_END,
    _CATEGORY_HEAD,
    _COUNT_NOUN,
    _HEADS,
    _PEOPLE_HEAD,
    _RATE_NOUN,
    _THING_HEAD,
    _heads,
    _in_order,
)
from ..words.metric_rules import metric_rules
from .places import level_money
from .scope_parts import _COUNTED_NOUN, _NOT_A_LABEL, as_written

if TYPE_CHECKING:
    from ....model import Document
    from ..words.vocab import Vocab

_VERBISH = regex.compile("^(?:" + _in_order(_HEADS["verbish"]["opens"]) + ")"
                         "|[" + "".join(map(str, _HEADS["verbish"]["chars"])) + "]")

# characters that end the noun phrase right after a count (a passive, a copula, a particle, an adverb)
_NOUN_STOP = regex.compile(r"[被为是的在将把对向并已均都全]")
_PEOPLE_END = _heads("people_heads", end=False)
# a noun ending on the head of an institution (heads.yaml category_ends: 企业, 院, 学校 …)
_INSTITUTION_END = _heads("category_ends")
_PEOPLE_STOP = regex.compile(r"[被为是在将把对向并已均都全，。]")
_VERB_LEAD = regex.compile("(?:" + _in_order(_HEADS["verb_leads"]) + ")")
_OBJECT = regex.compile("(?:" + "|".join(sorted(map(str, _HEADS["object_verbs"]), key=len, reverse=True))
                        + r")([\p{Han}（）()]{3,12})$")
# the people or units an action is done for, counted right before them (heads.yaml beneficiary_verbs):
# "为2,315名经济困难的高龄、失能老年人发放…" → 经济困难的高龄、失能老年人
_BENEFICIARY = regex.compile(r"(?:为|向|对)\s*(\d[\d.,]*\s*万?(?:名|户|人|个|家|位|所)次?)([\p{Han}、（）()]{2,20}?)(?:"
                             + _in_order(_HEADS["beneficiary_adverbs"]) + ")?(?="
                             + _in_order(_HEADS["beneficiary_verbs"]) + ")")
# the people a provision is addressed to with 对, uncounted, the rest of their clause (or of the one
# after a pause) leading to the figure: "对突发困难家庭在48小时内…", "对本县户籍逝者按每具1200元…"
# (not 比对, 核对 …: no preposition; nor the 对 of 对象)
_ADDRESSED = regex.compile(r"(?<![比核校面应绝相反])对(?!象)([\p{Han}、“”]{2,16}?(?:" + "|".join(sorted(map(str, _HEADS["people_heads"]), key=len, reverse=True))
                           + r"))[，,]?[\p{Han}]{0,20}$")
# what joins two categories into one population ("社会散居孤儿和事实无人抚养儿童")
_JOINERS = frozenset(("和", "及", "与", "、", "以及"))
# what closes a list of categories: its 等 and the people the list qualifies or is named by
# (失能、半失能|老年人; …防止返贫监测对象|等困难群众)
_LIST_CLOSE = regex.compile("等?(?:[\\p{Han}]{0,4}?(?:" + "|".join(sorted(map(str, _HEADS["people_heads"]), key=len, reverse=True))
                            + "))?")


# the levels a source of money is named by (vocabulary scopes 中央, 省级, 市级, 县级: 省级资金, 中央财政),
# and a level written before one of them joined by 和/及/、 ("中央和省级资金", "省、市级补助")
_LEVELS = frozenset(("中央", "省级", "市级", "县级", "区级"))
_JOINT_LEVEL = regex.compile(r"(?:中央|国家|省级?|市级?|县级?|区级?)(?:和|及|与|、)$")


# a share's part written before 占 (heads.yaml share_parts): the adverbs after it, the counts and measures
# its name may end on, and a date, the jurisdiction or an act before it
_SHARE_TRAIL = regex.compile("(?:" + _in_order(_HEADS["share_parts"]["adverbs"]) + ")$")
_SHARE_COUNT = regex.compile("(?:" + _in_order(sorted(map(str, _HEADS["share_parts"]["counts"] + _HEADS["measure_tails"]),
                                                      key=len, reverse=True)) + ")$")
_SHARE_LEAD = regex.compile(r"^(?:(?:全年|今年|年末|年底|上半年|前三季度|\d{4}年(?:末|底)?|截至[^，,]{1,8}?[底末])前?|"
                            + _in_order(_HEADS["verb_leads"]) + ")+")
_ATTRIBUTE_END = regex.compile("[" + "".join(map(str, _HEADS["share_parts"]["attributes"])) + "]$")
_PART_NAME = regex.compile(r"[\p{Han}“”（）()]{2,14}")


def _bare_head(noun: str) -> bool:
    """Whether ``noun`` is the head of an institution or a thing alone, with no word of its own before
    it (企业, 项目, 单位): it counts all such things, not a category of them; a people head names its
    population (140名孤儿, 3200名老年人领取…).

    >>> _bare_head("企业"), _bare_head("项目"), _bare_head("乡镇敬老院"), _bare_head("孤儿")
    (True, True, False, False)
    """
    return _CATEGORY_END.fullmatch(noun) is not None


class ScopeNounsMixin:
    """The category noun methods of :class:`.labeller.Labeller` (which provides the attributes below)."""

    if TYPE_CHECKING:
        doc: Document
        v: Vocab
        scope_hits: list[tuple[int, int, str, bool]]
        scope_hit_starts: list[int]
        partition_parts: frozenset[str]

        def phrase(self, cs: int, o: int) -> str: ...
        def _names_program(self, a: int, b: int, word: str, parts: frozenset[str]) -> bool: ...

    def _object(self, cs: int, o: int) -> str | None:
        """The qualified object of an action right before the number (``heads.yaml`` object_verbs):
        "检查定点医药机构312家" → 定点医药机构, "救助受灾困难群众4,860人" → 受灾困难群众; a bare head
        (检查企业), all of them (各学段学生) or the new ones (新教师) name no category."""
        t = self.doc.text
        m = _OBJECT.search(t, max(cs, o - 16), o)
        if m is None:
            return None
        noun = m.group(1)
        if noun[0] in "各新" or not (_THING_HEAD.search(noun) or _PEOPLE_HEAD.search(noun)) \
                or _THING_HEAD.fullmatch(noun) or _PEOPLE_HEAD.fullmatch(noun) \
                or _VERBISH.search(noun) or noun in self.v.jurisdiction:
            return None
        return noun

    def _part_before_share(self, cs: int, o: int) -> str | None:
        """The part a share measures, named before 占 in the share's clause by what it counts: "道路运输
        事故起数和死亡人数分别占全县的…" → 道路运输, "县级医院床位占全县床位总数的…" → 县级医院, "等级公路
        里程占…" → 等级公路.  The name is read after a date, the jurisdiction or an act (确保, 力争) and
        before an adverb (仅, 分别); it is a part only when a count or measure is cut from its end
        (heads.yaml share_parts, measure_tails) — "税收收入占…的" and "下半年交易额占…" name a measure,
        and an attribute left alone names nothing (护理型|床位)."""
        t = self.doc.text
        k = t.find("占", cs, o)
        if k <= cs:
            return None
        name, cut = t[cs:k], False
        for _ in range(3):
            name = _SHARE_TRAIL.sub("", name)
            shorter = _SHARE_COUNT.sub("", name)
            if _ATTRIBUTE_END.search(shorter):
                break  # (护理型床位: an attribute is no part's name)
            cut, name = cut or shorter != name, shorter
        for w in self.v.jurisdiction:
            name = name.removeprefix(w)
        name = _SHARE_LEAD.sub("", name)
        for w in self.v.jurisdiction:
            name = name.removeprefix(w)
        if not cut or _PART_NAME.fullmatch(name) is None or (_VERBISH.search(name) and "的" not in name):
            return None
        return name

    def _beneficiaries(self, cs: int, o: int, end: int) -> str | None:
        """The people or units the sentence's action is done for, counted right before them: of that
        count ("为【1,102名】逝者减免…") and of the amounts the sentence names after them ("…向1028户城镇住房
        困难家庭发放租赁补贴【396.5万元】", "对318名困难退役军人实施帮扶援助，发放帮扶援助金【84.6万元】") →
        逝者, 城镇住房困难家庭, 困难退役军人; ``cs`` is where to look from (the sentence's start), none past a
        其中 (its parts are counted on their own)."""
        t = self.doc.text
        found = None
        for m in _BENEFICIARY.finditer(t, cs, min(len(t), end + 24)):
            if m.start(1) == o or m.end() <= o:
                found = m.group(2)
        return found if found and not _VERBISH.search(found) and "其中" not in t[cs:o] else None

    def _addressed(self, near: int, o: int) -> str | None:
        """The people a provision before the figure is addressed to with 对, uncounted, when nothing
        but words lead from them to the figure: "对突发困难家庭在48小时内先行救助" → 突发困难家庭, "对
        高龄、失能老年人每餐补贴4元" → 高龄、失能老年人 (whom the time limit or the standard is for)."""
        t = self.doc.text
        k = t.rfind("对", near, o)
        while k >= 0 and t.startswith("对象", k):  # (对象 is a noun: 低保对象)
            k = t.rfind("对", near, k)
        m = _ADDRESSED.match(t, k, o) if k >= 0 else None
        if m is None or _VERB_LEAD.match(m.group(1)) or "的" in m.group(1):
            return None
        return m.group(1)

    def _counted_noun(self, end: int) -> str | None:
        """The category noun a count is of, written right after it ("9间乡镇敬老院"), when it is
        a short noun ending in a category head (院, 企业, 学校 …); a bare head names no category of
        its own (全区510家企业获得…, 尚余9个项目待验收: all of them)."""
        found = self._counted_word(end)
        return None if found is None or _bare_head(found) else found

    def _counted_word(self, end: int) -> str | None:
        """The noun :meth:`_counted_noun` reads after a count, bare heads included."""
        t = self.doc.text
        m = _COUNTED_NOUN.match(t, end, min(len(t), end + 14))
        if not m:
            return None
        word = _NOUN_STOP.split(m.group(), 1)[0]  # "4所学校被评为…示范校": the noun ends before 被
        heads = [h.end() for h in _CATEGORY_END.finditer(word)]
        if heads and heads[-1] >= 2:
            return word[: heads[-1]]
        # the people a head-count is of, a qualifier with 的 included ("为7,214名有需求的持证残疾人提供…");
        # a 的 right after the count makes the count the size of what follows ("5至10人的儿童关爱志愿服务队")
        word = _PEOPLE_STOP.split(m.group(), 1)[0]
        if word.startswith("的"):
            return None
        heads = [h.end() for h in _PEOPLE_END.finditer(word)]
        return word[: heads[-1]] if heads and heads[-1] >= 2 and not _VERB_LEAD.match(word) else None

    def _qualifier(self, cs: int, o: int) -> str | None:
        """The category that qualifies a known indicator in the clause: "医院病床使用率" → 医院,
        "装备制造业增加值" → 装备制造业 (the words before the indicator, when they are a short noun)."""
        if self.v.indicator_re is None:
            return None
        ph = self.phrase(cs, o)
        ms = list(self.v.indicator_re.finditer(ph)) if ph else []
        if not ms or ms[-1].start() == 0:
            return None
        q = ph[: ms[-1].start()]
        whole = self.v.scope_re.match(ph)
        k = self.doc.text.rfind(ph, cs, o)
        if whole is not None and k >= 0 and self._names_program(k, k + whole.end(), whole.group(), self.partition_parts):
            return None  # "城乡居民医保基金收入": the people a program is named after, its whole
        if whole is not None and len(q) < whole.end() < ms[-1].end() and whole.group().startswith(q):
            return self.v.scope_names[whole.group()]  # "规模以上工业增加值": 规模以上工业, not 规模以上
        if q in self.v.scopes:
            # a category of the things counted is kept whole ("小型水库64座" → 小型水库); of a
            # rate or an amount it is the category ("医院病床使用率" → 医院)
            # (as the text writes it, with a grade inside: "小（1）型水库45座" → 小（1）型水库)
            whole = ph[: ms[-1].end()]
            written = as_written(self.doc.text[cs:o], whole) if _THING_HEAD.search(whole) and ms[-1].end() == len(ph) else None
            return written or self.v.scope_names[q]
        if 2 <= len(q) <= 10 and (_CATEGORY_HEAD.search(q) or _PEOPLE_HEAD.search(q)) \
                and not _NOT_A_LABEL.search(q) and not _VERBISH.search(q) \
                and not metric_rules()["count_verb_rx"].match(q) \
                and q not in self.v.jurisdiction and not self.v.alias_re.fullmatch(q):
            return q
        return None

    def _joined_categories(self, cs: int, o: int) -> str | None:
        """The last known categories of the clause, written one right after the other or joined by
        和/及/与/、, as one population: "社会散居孤儿和事实无人抚养儿童", "公办幼儿园", "进城务工人员随迁子女"
        (not the last word alone); None when the last category stands alone, or when the joined ones
        are the items of a 分别 list after them (each value then has its own)."""
        t = self.doc.text
        i = bisect.bisect_left(self.scope_hit_starts, o) - 1
        hits = self.scope_hits
        while i >= 0 and hits[i][1] > o:
            i -= 1
        if i < 0 or hits[i][0] < cs or hits[i][3]:
            return None
        last_end = hits[i][1]
        j = i
        while j > 0:
            s, e, _, place = hits[j - 1]
            gap = t[e:hits[j][0]]
            # (a list of categories joined by 、 is one population across the 、 that starts the
            # figure's clause: "失能、半失能老年人", "特困人员、低保对象、防止返贫监测对象等")
            if (s < cs and gap != "、") or place or e > hits[j][0] or not (gap == "" or gap in _JOINERS):
                break
            # (an institution right before a category names where that category is counted, not one
            # population with it: "幼儿园在园幼儿" counts the 在园幼儿 of 幼儿园)
            if gap == "" and _THING_HEAD.search(t[s:e]) and not _PEOPLE_HEAD.search(t[s:e]):
                break
            j -= 1
        if "分别" in t[last_end:o]:
            return None
        if j == i:
            # (a source of money named by two levels at once: "争取中央和省级资金" is the money of both)
            joint = _JOINT_LEVEL.search(t, cs, hits[i][0]) if hits[i][0] > cs else None
            level = self.v.scopes.get(t[hits[i][0]:last_end])
            if level not in _LEVELS:
                return None
            # (the level's money as written: 省级资金, 省级补助资金; 中央和省级资金 is the money of both)
            written = t[hits[i][0]:level_money(t, hits[i][0] + len(level))] if t.startswith(level, hits[i][0]) else ""
            if joint is not None:
                return t[joint.start():max(last_end, hits[i][0] + len(written))]
            return written if len(written) > len(level) else None
        # (the list's 等 and the people it closes on: "失能、半失能老年人", "…监测对象等困难群众")
        # (a list that names its people already closes there: "老年人和儿童|家庭医生签约")
        closing = _LIST_CLOSE.match(t, last_end, o)
        if closing is not None and (t.startswith("等", last_end) or not _PEOPLE_HEAD.search(t[hits[i][0]:last_end])):
            last_end = closing.end()
        return t[hits[j][0]:last_end]

    def _members_of(self, cs: int, o: int, term: tuple[int, str]) -> str | None:
        """The category whose members a member word counts (vocab scope_members: 在园幼儿 of 幼儿园), as
        the text writes it with its qualifier right before the member word: "普惠性幼儿园在园幼儿…" →
        普惠性幼儿园 (the members of those kindergartens, not of all); None for the category unqualified
        (幼儿园在园幼儿) or another word before it (公办园)."""
        s, name = term
        i = bisect.bisect_left(self.scope_hit_starts, s)
        if i >= len(self.scope_hits) or self.scope_hits[i][0] != s:
            return None
        word = self.doc.text[s:self.scope_hits[i][1]]
        ph = self.phrase(cs, o)
        if word not in self.v.scope_members or not ph.endswith(word):
            return None
        written = ph[: -len(word)]
        if len(written) <= len(name) or len(written) > 12 or not written.endswith(name) \
                or _VERBISH.search(written) or _NOT_A_LABEL.search(written):
            return None
        return written

    def _whole_category(self, cs: int, o: int, term: tuple[int, str]) -> str:
        """A known category kept whole when it heads the things the figure counts: "小型水库64座" →
        小型水库, "规模以上农产品加工企业达到379家" → 规模以上农产品加工企业, "农村适龄妇女" → 农村适龄妇女;
        a category that qualifies an indicator or a program stays as named ("城镇低保352户" → 城镇,
        "城市社区养老服务设施覆盖率" → 城市)."""
        s, name = term
        ph = self.phrase(cs, o)
        k = self.doc.text.rfind(ph, cs, o) if ph else -1
        if k < 0 or not (k <= s < k + len(ph)) or len(ph) > 14 or ph == self.doc.text[s:s + len(ph)] and ph in self.v.scopes:
            return name
        # (a kind opening the name of the institutions counted qualifies them, whatever program or
        # indicator words follow it: 规模以上|农产品加工企业, 公办|敬老院 — unless a program's name opens
        # on it: 农村互助幸福院 is the program's, the figure 农村's)
        kind = k == s and _INSTITUTION_END.search(ph) is not None \
            and all(m.start() > 0 for m in self.v.alias_re.finditer(ph))
        if not _THING_HEAD.search(ph) or _VERBISH.search(ph) or _NOT_A_LABEL.search(ph) \
                or (self.v.alias_re.search(ph) and not kind) or _RATE_NOUN.search(ph) or _COUNT_NOUN.search(ph) \
                or (self.v.indicator_re is not None and self.v.indicator_re.search(ph) and not kind):
            return name
        return ph
