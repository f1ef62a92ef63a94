"""The parts of a whole a figure may be: the label of a breakdown's part (a parenthesised
"（城镇…，农村…）", a 其中 list, a 分别为 list) and the counted category a sentence narrows to with 中.

:class:`ScopePartsMixin` gives the labeller (:class:`.labeller.Labeller`) these readings for
:mod:`.scope` (and :meth:`~ScopePartsMixin.respective_parts` for :mod:`.neighbours`).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import regex

from ...._data import rx
from ..grammar.units import TABLES
from ..words.heads import (
    _CATEGORY_HEAD,
    _HEADS,
    _MONEY_NOUN,
    _QUOTES,
    _RATE_NOUN,
    _THING_HEAD,
    _heads,
    _in_order,
)
from .places import is_level

if TYPE_CHECKING:
    from ....model import Document
    from ..words.vocab import Vocab

_ITEM_BREAK = regex.compile(r"[；;。！？]")
# what may follow the 中 of "14个乡镇卫生院中": a pause or the start of the narrowed count
_AMONG_AFTER = regex.compile(r"[，,：:]|已|有|共|达到|建成|完成|[0-9]")
_PAREN_ANY = regex.compile(r"[（(][^）)]*[）)]")
# a grade written as a numeral in parentheses inside a word is part of its name (小（1）型水库,
# 小(二)型水库), unlike an aside in parentheses (城镇（含县城）, 收入（不含…）)
_INNER_GRADE = regex.compile(r"(?<=\p{Han})[（(](?:[0-9]{1,2}|[一二三四五六七八九十]{1,2})[）)](?=\p{Han})")
_ASIDE = regex.compile(r"(?!" + _INNER_GRADE.pattern + r")[（(][^）)]*[）)]")


def as_written(text: str, words: str) -> str | None:
    """``words`` as ``text`` writes them, perhaps with a grade in parentheses inside
    (:data:`_INNER_GRADE`): the phrase a label is read from drops it, the label keeps it.

    >>> as_written("其中小（1）型水库7座", "小型水库"), as_written("小型水库64座", "小型水库")
    ('小（1）型水库', '小型水库')
    """
    if words in text:
        return words
    grade = r"(?:[（(](?:[0-9]{1,2}|[一二三四五六七八九十]{1,2})[）)])?"
    m = regex.search(grade.join(map(regex.escape, words)), text)
    return m.group() if m else None
# A category that directly follows a count ("8个社区居委会") describes that count, not the sentence.
# A breakdown part's label names a group, never an action or a hedge ("发放资金近", "帮助").
# (an activity is no part of a whole: "变更备案事项9个", "正办理注销手续3个", "…保险参保5.84万人")
_NOT_A_LABEL = regex.compile("^(?:" + _in_order(_HEADS["not_a_label"]["opens"]) + ")"
                             "|(?:" + _in_order(_HEADS["not_a_label"]["ends"]) + ")$"
                             "|" + _in_order(_HEADS["not_a_label"]["words"]) + r"|\d")
_MEASURE_TAIL = _heads("measure_tails")
# an action before a part or after it is no part of its name ("接待过夜游客", "公路建设完成投资")
_PART_ACTION = regex.compile("^(?:" + "|".join(map(str, _HEADS["part_actions"]["before"])) + ")|(?:"
                             + "|".join(map(str, _HEADS["part_actions"]["after"])) + ")$")
# a list opened by "其中：" (its items are the parts of the whole before it)
_QZ_COLON = rx(r"其中\s*[：:]\s*$")
# the words a breakdown part's label opens on (其中, 分别为 …) and may end on (人员, 合计 …): no category
_PART_OPENS = rx("^(?:" + _in_order(_HEADS["part_labels"]["opens"]) + ")+")
_PART_TRAILS = rx("(?:" + _in_order(_HEADS["part_labels"]["trails"]) + ")$")
# the measure nouns a breakdown's items may share with its whole (heads.yaml money_ends: 产值, 投资 …),
# looked for before the list's cue, in its sentence and the one before, at most _WHOLE_REACH back
_MEASURE_END = regex.compile("(?:" + _in_order(_HEADS["money_ends"]) + ")$")
_WHOLE_REACH = 160
_COUNTED_NOUN = regex.compile(r"[\p{Han}]{2,14}")
# a per-population word (每千名老年人): what follows defines a rate
_PER_POPULATION = regex.compile("|".join(sorted(TABLES.per_population, key=len, reverse=True)) or r"(?!)")


class ScopePartsMixin:
    """The part-of-a-whole methods of :class:`.labeller.Labeller` (which provides the attributes below)."""

    if TYPE_CHECKING:
        doc: Document
        v: Vocab
        quantity_ends: list[int]

        def clause_start(self, o: int) -> int: ...
        def sentence_start(self, o: int) -> int: ...

    def _part_label(self, cs: int, o: int) -> str | None:
        """The label of a breakdown part: the clause text before the number, trimmed."""
        t = self.doc.text
        cs = self._item_start(cs)
        label = _ASIDE.sub("", t[cs:o])
        label = _PART_OPENS.sub("", label)
        # an action before the part or after it is no part of its name ("接待过夜游客", "公路建设完成")
        label = _PART_ACTION.sub("", label)
        # drop trailing program words and generic nouns ("城镇低保" → "城镇", "站内救助" → "站内")
        for _ in range(2):
            if any(label.startswith(c) and len(label) > len(c) for c in self.v.scope_cues):
                break  # "纳入低保": the program word names the category
            m = self.v.alias_re.search(label)
            trail = _PART_TRAILS.search(label)
            if m and m.end() == len(label) and m.start() > 0 and not _CATEGORY_HEAD.search(m.group()) \
                    and self._names_part(label[: m.start()]):
                label = label[: m.start()]  # (a program named by the things it runs stays: 中型水库)
            elif trail and (trail.start() >= 3 or trail.start() > 0 and trail.group() != "人员") \
                    and (len(trail.group()) < 2 or label[: trail.start()] in self.v.scopes):
                label = label[: trail.start()]  # ("医务人员" stays: 医务 is no category)
        if _NOT_A_LABEL.search(label) or _PER_POPULATION.search(label):
            return None  # (每千名老年人拥有养老床位: a rate's definition, not a part of a whole)
        label = _PART_ACTION.sub("", rx(r"^(?:已|对)").sub("", label)).strip(" 的")
        tail = _MEASURE_TAIL.search(label)
        if tail and tail.start() >= 2:
            label = label[: tail.start()]  # "县级医院床位" counts beds of the part 县级医院
        # (each word of an item joined by 、 may be long: "甲中心、乙机构及丙、丁等其他机构")
        if not label or len(label.rsplit("、", 1)[-1]) > 14 or rx(r"\d").search(_INNER_GRADE.sub("", label)):
            return None
        if _MONEY_NOUN.search(label) and not _RATE_NOUN.search(label) and not _QUOTES.search(label):
            return self._measured_part(label, cs)
        if _RATE_NOUN.search(label) or _QUOTES.search(label):
            return None  # what is measured (按时办结率, 失业保险费), not a part of a whole
        return label

    def _names_part(self, words: str) -> bool:
        """Whether ``words``, left of a part's label once the program word after them is cut, name a
        part on their own: a known category (城镇 of 城镇低保) or the administrative level the things are
        counted at (省级 of 省级示范社, as :func:`.places.counted_level` reads it), not a qualifier of the
        program's things that needs them (其他|优抚对象, 法定|不起诉)."""
        return words in self.v.scopes or is_level(words)

    def _item_start(self, cs: int) -> int:
        """Where the list item holding the clause at ``cs`` starts: a 、 with no quantity between it and
        the clause before joins words of one item, not two items ("其中一、二级重度残疾人…", "其中教师、医生等
        专业志愿者…"); the items of a list of parts each end on their own quantity ("城市1个、农村1个")."""
        t = self.doc.text
        while t[cs - 1:cs] == "、" and cs >= 2:
            before = self.clause_start(cs - 2)
            i = bisect.bisect_right(self.quantity_ends, cs - 1) - 1
            if (i >= 0 and self.quantity_ends[i] > before) or before >= cs - 1:
                break
            cs = before
        return cs

    def _measured_part(self, label: str, cs: int) -> str | None:
        """The part a breakdown's item names before the measure it shares with the whole the list
        breaks down: the whole's measure, named before the list's cue (其中, 分别, 从…看), is repeated
        after each item's own name (…实现产值18.6亿元。其中，林下种植产值9.8亿元 → 林下种植; 完成投资
        8.37亿元。分领域看，工业项目完成投资4.95亿元 → 工业项目).  None for a measure the whole does not
        name (失业保险费), for the money of a named program or a named line of its own (企业职工基本养老
        保险费, 税收收入: the program and the indicator label these), and for a cut inside a category
        word (第二|产业增加值: the items' shared word, not the whole's)."""
        t = self.doc.text
        if self.v.indicator_re is not None and self.v.indicator_re.fullmatch(label):
            return None
        ss = self.sentence_start(cs)
        cue = max(t.rfind("其中", ss, cs), t.rfind("分别", ss, cs))
        pat = self.v.breakdown_criterion_re
        if pat is not None:
            cue = max([cue] + [m.start() for m in pat.finditer(t, ss, cs)])
        if cue < 0:
            return None
        before = t[max(self.sentence_start(max(0, ss - 1)), cue - _WHOLE_REACH):cue]
        # (a program's name across the cut makes the measure its own: 企业职工基本养老保险|费)
        cuts = [(m.start(), m.end()) for m in self.v.scope_re.finditer(label)]
        named = [(m.start(), m.end()) for m in self.v.alias_re.finditer(label)]
        for i in range(2, len(label) - 1):  # (the longest measure first: 完成投资 before 投资)
            tail = label[i:]
            if not _MEASURE_END.search(tail) or tail not in before or any(a < i < b for a, b in cuts):
                continue
            if any(a < i < b or (a == 0 and b == len(label)) for a, b in named):
                return None
            part = _PART_ACTION.sub("", label[:i])
            # (总收入, 经营净收入, 工资性收入 are measures of their own: the kind of the measure, not a
            # part of the whole; a bare program word is no part: 救助|资金)
            return None if len(part) < 2 or part[-1] in "总净性" or _NOT_A_LABEL.search(part) \
                or _PART_TRAILS.fullmatch(part) else part
        return None

    def respective_parts(self, ss: int, cs: int) -> int | None:
        """Where a "…1,326人，分别为A 418人、B 652人" list begins, when the clause at ``cs`` is one of
        its items: the parts of the quantity written right before 分别为 (its end is returned)."""
        t = self.doc.text
        k = t.rfind("分别", ss, cs + 3)
        if k < 0 or not rx(r"分别(?:为|是)").match(t, k) or _ITEM_BREAK.search(t, k, cs):
            return None
        j = k - 1
        while j > ss and t[j] in "，,：: ":
            j -= 1
        i = bisect.bisect_left(self.quantity_ends, j + 1)
        if i < len(self.quantity_ends) and self.quantity_ends[i] == j + 1:
            return j + 1
        return None

    def _among(self, ss: int, cs: int) -> str | None:
        """The counted category a sentence narrows to with 中 before the figure's clause: "全县14个
        乡镇卫生院中，达到国家推荐标准的4个" → 乡镇卫生院 (the later counts are of those)."""
        t = self.doc.text
        k = t.find("中", ss, cs)
        while k >= 0:
            i = bisect.bisect_right(self.quantity_ends, k) - 1
            q = self.quantity_ends[i] if i >= 0 else -1
            if q < ss:  # "全县乡镇卫生院中，…": the noun opens its clause, after the jurisdiction
                q = self.clause_start(k)
                whole = next((w for w in self.v.jurisdiction if t.startswith(w, q)), "")
                q += len(whole)
            if q >= ss and 2 <= k - q <= 12 and _AMONG_AFTER.match(t, k + 1):
                noun = t[q:k]
                if _COUNTED_NOUN.fullmatch(_PAREN_ANY.sub("", noun)) and not _ITEM_BREAK.search(t, k, cs) \
                        and (_THING_HEAD.search(noun) or _CATEGORY_HEAD.search(noun) or noun in self.v.scopes):
                    return self.v.scope_names.get(noun, noun)
            k = t.find("中", k + 1, cs)
        return None
