"""The items of a 分别 list: the categories, programs or indicators written before 分别, which
:mod:`.neighbours` distributes over the values after it.

:class:`EnumerationMixin` gives the labeller (:class:`.labeller.Labeller`) the list of levels
(:meth:`~EnumerationMixin.measured_items`), of changes (:meth:`~EnumerationMixin.compared_items`)
and of categories and programs (:meth:`~EnumerationMixin.distributed_items`).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence, Set
from typing import TYPE_CHECKING

import regex

from ...._data import rx
from ..words.heads import _COUNT_NOUN, _HEADS, _MONEY_NOUN, _RATE_NOUN, _in_order

if TYPE_CHECKING:
    from ....model import Document, Heading
    from ..words.vocab import Vocab
    from .mentions import _Mention

# "全自理、半护理、全护理三档分别…": the items of a list written right before 分别
_LIST_SEP = regex.compile(r"[、和与及]")
# a list item ending on an indicator's word (总额, 量, 产值: data/heads.yaml indicator_ends)
_AMOUNT_ITEM = rx("(?:" + _in_order(_HEADS["indicator_ends"]) + ")$")
_LIST_WORDS = frozenset(["、", "和", "与", "及", "以及", "、以及"])
_LIST_END = "，,；;：:。！？（(）)\n"  # the punctuation that opens a list's clause (not its 、)
_COMPARED = regex.compile(r"(?:比|较|与)(?:上年|去年|\d{4}年)(?:同期)?")
# the comparison word right before 分别 ("起数、死亡人数同比分别下降…"): not part of the last item
_COMPARED_BEFORE = regex.compile(r"(?:同比|环比|(?:比|较|与)(?:上年|去年|\d{4}年)(?:同期)?)\s*$")
# a period or the whole jurisdiction opening a list ("全年社会消费品零售总额、…"): no part of its first item
_LIST_LEAD = regex.compile(r"^(?:全年|今年|上半年|前三季度|(?:\d{4}年)?(?:1-\d{1,2}月|[一二三四]季度)|\d{4}年|全[市县区镇乡]|[我本][市县区镇乡])+")
_COUNT_WORD = regex.compile(r"[两三四五六七八九十]+[档类项种个级]$")
# the word that opens a list of parts ("其中批发业、零售业…分别为"): no part of its first item
_PARTS_OPEN = regex.compile(r"^(?:其中|包括)")
# the head noun a list's last item may end its own name on (…、重度失能老年人, …、乙级公路: heads.yaml
# people_heads, thing_heads) and the measure the whole list shares after it (增加值, 补贴标准, 成交额:
# heads.yaml money_ends, rate_ends, count_ends, bare_measures, measure_names), which the last item carries
_ITEM_HEAD = regex.compile("(?:" + _in_order(sorted({str(w) for w in _HEADS["people_heads"] + _HEADS["thing_heads"]},
                                                    key=len, reverse=True)) + "|业)")
_SHARED_MEASURE = regex.compile("(?:" + _in_order(sorted({str(w) for k in ("money_ends", "rate_ends", "count_ends",
                                                                           "bare_measures", "measure_names")
                                                           for w in _HEADS[k]}, key=len, reverse=True)) + ")$")
# the head nouns a list's last item may carry for every item (甲、乙、丙项目: heads.yaml thing_heads,
# category_ends, measure_tails)
_LIST_HEAD = regex.compile("(?:" + _in_order(sorted({str(w) for k in ("thing_heads", "category_ends", "measure_tails")
                                                     for w in _HEADS[k] if "(" not in str(w)}, key=len, reverse=True)) + ")")
# an age band names a group of people, not a value (80至89周岁、90周岁以上)
_AGE_BAND = regex.compile(r"\d+(?:\s*(?:至|到|-|—|～|~)\s*\d+)?\s*周?岁")


class EnumerationMixin:
    """The 分别 list methods of :class:`.labeller.Labeller` (which provides the attributes below)."""

    if TYPE_CHECKING:
        doc: Document
        v: Vocab
        mentions: list[_Mention]
        mention_starts: list[int]

        def paragraph_start(self, o: int) -> int: ...
        def section_path(self, o: int) -> tuple[Heading, ...]: ...
        def _heading_programs(self, path: Sequence[Heading], weak: bool = False) -> list[str]: ...
        def _nearest(self, a: int, b: int, allowed: Set[str] | None, heads: list[str],
                     weak: bool = False) -> _Mention | None: ...
        def _breakdown_whole(self, ss: int, floor: int, heads: list[str], m: _Mention | None,
                             o: int = -1) -> str | None: ...
        def _scope_terms(self, a: int, b: int, places: bool = True,
                         straddling: bool = False) -> list[tuple[int, str]]: ...

    def _enumeration(self, ss: int, k: int, programs_too: bool = False, longest: int = 8) -> list[str]:
        """The items listed right before 分别 at ``k``: "按全自理、半护理、全护理三档分别…" →
        全自理, 半护理, 全护理; nothing when the list names programs (they are handled apart) unless
        ``programs_too``, or when an item is longer than ``longest``."""
        t = self.doc.text
        a = k
        while a > ss and t[a - 1] not in "，,；;：:。！？（(）)\n":  # a list's 、 does not end it
            a -= 1
        seg = _PARTS_OPEN.sub("", _COUNT_WORD.sub("", t[a:k]))
        if longest > 8:  # (a list of indicators: its period and the jurisdiction before it go)
            seg = _LIST_LEAD.sub("", seg)
        first_sep = _LIST_SEP.search(seg)
        if first_sep is None:
            return []
        cut = max(seg.rfind(c, 0, first_sep.start()) for c in "按将对把为在")
        items = [x for x in _LIST_SEP.split(seg[cut + 1:]) if x]
        if any(rx(r"\d").search(x) for x in items):
            return []  # ("较上年的18起、12人": values, not items)
        if len(items) < 2 or (programs_too is False and any(self.v.alias_re.search(x) for x in items)) \
                or any(len(x) > longest for x in items):
            return []
        return items

    def _carried_items(self, ss: int, k: int, count: int) -> list[str]:
        """The items of a 分别 list of categories whose last item carries the measure (and the head
        noun) every item shares, one item to each of ``count`` values: "粮油加工业、纺织服装业、电子
        元件制造业增加值分别增长…" → the three industries; "全自理、半自理、完全不能自理特困人员照料护理标准
        分别按…" → 全自理特困人员, 半自理特困人员, 完全不能自理特困人员 (the head the others lack is theirs
        too).  The items are split at every list word, else at a 和 opening the list, else at 、 only (a 和
        inside a name: 电气机械和器材制造业), to as many items as the values divide over; empty when the
        last item names no head before a measure, the items name indicators (床位数、护士数) or every item
        names a program (失业保险、工伤保险参保人数: programs, handled apart)."""
        t = self.doc.text
        a = k
        while a > ss and t[a - 1] not in _LIST_END:
            a -= 1
        m = _COMPARED_BEFORE.search(t, a, k)
        seg = _LIST_LEAD.sub("", _PARTS_OPEN.sub("", _COUNT_WORD.sub("", t[a:m.start() if m else k])))
        first_sep = _LIST_SEP.search(seg)
        if first_sep is None or count < 2:
            return []
        cut = max(seg.rfind(c, 0, first_sep.start()) for c in "按将对把为")  # (在职职工: no 在)
        seg = seg[cut + 1:]
        first_sep = _LIST_SEP.search(seg)
        if first_sep is None:
            return []
        # (every list word splits, else the 和 a list opens on joins two groups — 甲和乙、丙: 甲 | 乙、丙 —
        # else the 、 alone: a 和 inside a name, 电气机械和器材制造业)
        join = seg[first_sep.start()] in "和与及"
        for items in ([x for x in _LIST_SEP.split(seg) if x],
                      [seg[:first_sep.start()], seg[first_sep.end():]] if join else [x for x in seg.split("、") if x]):
            if len(items) >= 2 and count % len(items) == 0:
                break
        else:
            return []
        last = items[-1]
        if any(self._shared_measure(x) and not self._names_people(x) for x in items[:-1]):
            return []  # (items with measures of their own: 床位数、护士数, 婴儿死亡率、…, 甲补贴和乙补贴标准)
        # (the last head noun of the last item ends its own name; what follows it is the shared measure)
        ends = [h.end() for h in _ITEM_HEAD.finditer(last) if h.start() >= 2 and h.end() < len(last)]
        core = next((e for e in reversed(ends) if not _ITEM_HEAD.search(last, e) and self._shared_measure(last[e:])), None)
        if core is None:
            return self._shared_head(items)  # (no measure after the head: 甲、乙、丙项目分别为…)
        own = [*items[:-1], last[:core]]
        if any(rx(r"\d").search(_AGE_BAND.sub("", x)) or len(x) > 16 for x in own):
            return []
        # (the head noun the other items lack is theirs: 70至79周岁、…和90周岁以上老年人 → 70至79周岁老年人;
        # the name a vocabulary gives the head is kept whole: …生活自理特困人员 → 特困人员)
        name = own[-1]
        heads = [h.start() for h in _ITEM_HEAD.finditer(name, overlapped=True) if h.end() == len(name)]
        word = ""
        if heads and not any(_ITEM_HEAD.search(x) for x in own[:-1]):
            named = [i for i in range(1, len(name) - 1)
                     if name[i:] in self.v.scope_re.words or name[i:] in self.v.alias_re.words]
            word = name[min(named or heads):]
            word = word if len(word) >= 2 else ""
        bare = [x.removesuffix(word) if word else x for x in own]
        # (every item a program's name, none of people or things: a list of programs, read by
        # listed_programs — 失业保险、工伤保险…; 集中养育孤儿、社会散居孤儿… name the people)
        if not all(bare) or all(self.v.alias_re.fullmatch(x) and not self._names_people(x) for x in bare):
            return []
        return [x + word if word and not x.endswith(word) else x for x in own]

    @staticmethod
    def _shared_head(items: list[str]) -> list[str]:
        """The items of a 分别 list whose last item ends on the head noun every item shares, nothing
        after it: "甲、乙、丙项目分别为…" → 甲项目, 乙项目, 丙项目 (heads.yaml thing_heads, category_ends,
        measure_tails, of two characters or more: a one-character head — 院, 站 — ends one word only, 乡镇医院);
        empty when another item has a head of its own or the last is the head alone."""
        last = items[-1]
        head = next((m.group() for m in _LIST_HEAD.finditer(last, overlapped=True) if m.end() == len(last)
                     and m.start() >= 2 and len(m.group()) >= 2), None)
        if head is None or any(_LIST_HEAD.search(x) or len(x) > 6 for x in items[:-1]):
            return []
        return [x + head for x in items[:-1]] + [last]

    @staticmethod
    def _names_people(item: str) -> bool:
        """Whether a list item ends on a head noun of people or things (孤儿, 特困人员, 公路)."""
        return any(h.end() == len(item) for h in _ITEM_HEAD.finditer(item, max(0, len(item) - 3), overlapped=True))

    def _shared_measure(self, tail: str, programs: bool = True) -> bool:
        """Whether ``tail`` names a measure (增加值, 补贴标准, an indicator) or, when ``programs``, a
        program (高龄津贴) a list shares."""
        ind = self.v.indicator_re
        return _SHARED_MEASURE.search(tail) is not None or (ind is not None and ind.fullmatch(tail) is not None) \
            or (programs and self.v.alias_re.fullmatch(tail) is not None)

    def measured_items(self, ss: int, k: int) -> list[str]:
        """The indicators a 分别 list of levels measures, when every item names one: "孕产妇死亡率、
        婴儿死亡率分别为12.6/10万和2.26‰" → 孕产妇死亡率, 婴儿死亡率 (a list of categories or
        programs names none)."""
        items = self._enumeration(ss, k, programs_too=True, longest=12)
        ind = self.v.indicator_re
        if all(_RATE_NOUN.search(x) or _MONEY_NOUN.search(x) or _COUNT_NOUN.search(x)
               or (ind is not None and ind.fullmatch(x)) for x in items):
            return items
        return []

    def compared_items(self, ss: int, k: int) -> list[str]:
        """What a 分别 list of changes measures: "走访人次、金额、水平比上年同期分别增加…" →
        走访人次, 金额, 水平 (the list right before the comparison word)."""
        t = self.doc.text
        m = _COMPARED.search(t, ss, k)
        if m is not None:
            return self._enumeration(ss, m.start(), programs_too=True)
        # "社会消费品零售总额、外贸进出口总额、网络零售额分别增长…", "事故起数、死亡人数同比分别下降…":
        # the list right before 分别 (and its comparison word), when every item names an indicator
        m = _COMPARED_BEFORE.search(t, ss, k)
        items = self._enumeration(ss, m.start() if m else k, programs_too=True, longest=12)
        ind = self.v.indicator_re
        if all(_RATE_NOUN.search(x) or _MONEY_NOUN.search(x) or _COUNT_NOUN.search(x)
               or _AMOUNT_ITEM.search(x) or (ind is not None and ind.fullmatch(x)) for x in items):
            return items
        return []

    def listed_programs(self, ss: int, k: int) -> list[tuple[str, str]]:
        """The programs a list right before 分别 at ``k`` names, one per item and in order, each with
        its word as written: "全县失业保险、工伤保险参保人数分别为…" → 失业保险, 工伤保险;
        "社会消费品零售总额、外贸进出口总额、网络零售额分别增长…" → the three programs.  The list is
        the clause before 分别 (a 、 does not end it), its items joined by list words only; a
        generic word (参保) is no item.  Empty when the list is an aggregate's kinds (按行政等级分，
        高速公路、农村公路分别为…) or not one program to an item (对85周岁以上老年人和低保、特困老年人)."""
        t = self.doc.text
        a = k
        while a > ss and t[a - 1] not in _LIST_END:
            a -= 1
        found: list[_Mention] = []
        i = bisect.bisect_left(self.mention_starts, a)
        while i < len(self.mentions) and self.mentions[i].end <= k:
            m = self.mentions[i]
            i += 1
            if not (m.cued or m.weak or m.context):
                found.append(m)
        # each item one program: the words between them only a list word, none before or after
        if len(found) < 2 or any(t[x.end:y.start].strip() not in _LIST_WORDS for x, y in zip(found, found[1:])):
            return []
        before = t[a:found[0].start].rstrip()
        if "、" in before or before.endswith(("和", "与", "及")) or "、" in t[found[-1].end:k] \
                or rx(r"\d").search(t, found[-1].end, k):
            return []
        heads = self._heading_programs(self.section_path(k))
        if self._breakdown_whole(ss, self.paragraph_start(ss), heads, found[-1]) is not None:
            return []  # (the kinds of an aggregate's breakdown are its parts, not programs)
        return [(m.program, t[m.start:m.end]) for m in found]

    def distributed_items(self, ss: int, k: int, count: int = 0) -> tuple[list[str], list[str]]:
        """Categories and programs named before a 分别 at ``k`` (sentence from ``ss``), in order, for
        ``count`` values after it.

        "城乡低保平均标准分别达到…" → categories 城市, 农村 (compounds from the vocabulary);
        "集中供养和分散供养人员分别为…" → 集中供养, 分散供养; "困难残疾人生活补贴和重度残疾人护理补贴
        标准分别由…" → programs 困难残疾人生活补贴, 重度残疾人护理补贴; "甲、乙和丙类企业营业收入分别…"
        → the items the last one's measure is shared by (:meth:`_carried_items`).
        """
        t = self.doc.text
        scopes: list[str] = self._carried_items(ss, k, count)
        for item in self._enumeration(ss, k) if not scopes else ():
            # an item that starts with a known category takes its name ("分散供养人员" → 分散供养),
            # other items stay as written ("全自理")
            m = self.v.scope_re.match(item)
            scopes.append(self.v.scope_names[m.group()] if m else item)
        if len(scopes) < 2:
            scopes = []
            for m in self.v.compound_re.finditer(t, ss, k):
                scopes = list(self.v.compounds[m.group()])
        if not scopes:
            for _, term in self._scope_terms(ss, k, places=False):
                if term not in scopes:
                    scopes.append(term)
        heads = self._heading_programs(self.section_path(k))
        programs: list[str] = []
        if self._breakdown_whole(ss, self.paragraph_start(ss), heads, self._nearest(ss, k, None, heads)) is not None:
            return scopes, programs  # (the kinds of an aggregate's breakdown are its parts, not programs)
        i = bisect.bisect_left(self.mention_starts, ss)
        while i < len(self.mentions) and self.mentions[i].end <= k:
            m = self.mentions[i]
            valid = not m.context or self.v.programs[m.program].within in heads or m.program in heads
            if valid and not m.cued and m.program not in programs:
                programs.append(m.program)
            i += 1
        # "享受生活补贴…、护理补贴…，两项补贴分别发放…和…": the parent stands for its named parts
        parents = {self.v.programs[p].within for p in programs}
        programs = [p for p in programs if p not in parents]
        return scopes, programs
