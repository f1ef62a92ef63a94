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
        def _scope_terms(self, a: int, b: int, places: bool = True) -> list[tuple[int, str]]: ...

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

    def distributed_items(self, ss: int, k: int) -> tuple[list[str], list[str]]:
        """Categories and programs named before a 分别 at ``k`` (sentence from ``ss``), in order.

        "城乡低保平均标准分别达到…" → categories 城市, 农村 (compounds from the vocabulary);
        "集中供养和分散供养人员分别为…" → 集中供养, 分散供养; "困难残疾人生活补贴和重度残疾人护理补贴
        标准分别由…" → programs 困难残疾人生活补贴, 重度残疾人护理补贴.
        """
        t = self.doc.text
        scopes: list[str] = []
        for item in self._enumeration(ss, k):
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
