"""The categories and places a text names, found once per document: the scope look-ups of
:mod:`.scope` slice these hits instead of searching each figure's clause.

:class:`ScopeHitsMixin` gives the labeller (:class:`.labeller.Labeller`) the hits (a vocabulary category
not inside a longer program or indicator name, a township of :mod:`.places`, an age-bounded
population) and the known categories of a span (:meth:`~ScopeHitsMixin._scope_terms`).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import TYPE_CHECKING

import regex

from ...._data import rx
from ..words.heads import _HEADS, _PEOPLE_HEAD, _heads
from .places import _places

if TYPE_CHECKING:
    from ....model import Document
    from ..context.mentions import _Mention
    from ..words.vocab import Vocab

_PER_HEAD = _heads("per_head", end=False)
_RATE_ON = rx(r"化?率")
_BAND = regex.compile(r"及?以[上下](?![\d\p{Han}]*岁)")
_AGE_GROUP = regex.compile(r"(?<![0-9])[0-9]{1,3}\s*(?:(?:至|到|-|—|～|~)\s*[0-9]{1,3}\s*)?周?岁(?:及以上|及以下|以上|以下)?的?(?:"
                           + "|".join(sorted(map(str, _HEADS["people_heads"]), key=len, reverse=True)) + ")")


def _inside_words(text: str, words: Iterable[str]) -> set[int]:
    """The positions that stand inside an occurrence of one of ``words`` (after its first
    character: the 县 of 全县), every occurrence found once per document instead of trying each
    word at each category hit.

    >>> sorted(_inside_words("全县城镇和全县", ["全县", "我县"]))
    [1, 6]
    """
    inner: set[int] = set()
    for w in words:
        i = text.find(w) if len(w) > 1 else -1
        while i >= 0:
            inner.update(range(i + 1, i + len(w)))
            i = text.find(w, i + 1)
    return inner


def _span_hits(spans: list[tuple[int, int]], starts: list[int], a: int, b: int) -> list[tuple[int, int]] | None:
    """The words of a document's leftmost-longest scan (``spans``, their ``starts``) inside [a, b):
    what a scan of [a, b) alone finds, unless a word crosses ``a`` or ``b`` (None). A scan started
    where no word of the document's scan goes on stands where the document's scan stood, and
    with no word crossing ``b`` the longest word at each start ends by ``b`` in both.

    >>> _span_hits([(0, 2), (3, 5), (6, 9)], [0, 3, 6], 2, 6), _span_hits([(0, 2), (3, 5)], [0, 3], 1, 5)
    ([(3, 5)], None)
    """
    i = bisect.bisect_left(starts, a)
    if i > 0 and spans[i - 1][1] > a:
        return None
    out: list[tuple[int, int]] = []
    while i < len(spans) and spans[i][0] < b:
        if spans[i][1] > b:
            return None
        out.append(spans[i])
        i += 1
    return out


def _banded(text: str, hit: tuple[int, int, str, bool]) -> tuple[int, int, str, bool]:
    """A category hit with the band a grade opens written right after it (及以上, 以下): the grades
    from it up or down are the category ("取得高级工以上证书…" → 高级工以上), as the text writes it.

    >>> _banded("高级工以上证书", (0, 3, "高级工", False)), _banded("高级工证书", (0, 3, "高级工", False))
    ((0, 5, '高级工以上', False), (0, 3, '高级工', False))
    """
    s, e, name, place = hit
    m = _BAND.match(text, e)
    return (s, m.end(), text[s:m.end()], place) if m and not place else hit


# a grade's numeral before another's, joined by 、 ("三、四级手术", "一、二级重度残疾人"): one band of grades
_GRADE_BEFORE = regex.compile(r"[一二三四五六七八九十]、$")


def _coordinated(text: str, hit: tuple[int, int, str, bool]) -> tuple[int, int, str, bool]:
    """A category hit opening on a grade's numeral with another grade's numeral written before it and
    joined by 、: the two grades are the category, as the text writes it.

    >>> _coordinated("其中三、四级手术", (4, 8, "四级手术", False)), _coordinated("四级手术", (0, 4, "四级手术", False))
    ((2, 8, '三、四级手术', False), (0, 4, '四级手术', False))
    """
    s, e, name, place = hit
    if place or not name[:1] or name[0] not in "一二三四五六七八九十" or _GRADE_BEFORE.search(text, max(0, s - 2), s) is None:
        return hit
    return (s - 2, e, text[s - 2:e], place)


class ScopeHitsMixin:
    """The scope hits of :class:`.labeller.Labeller` (which provides the attributes below)."""

    if TYPE_CHECKING:
        doc: Document
        v: Vocab
        mentions: list[_Mention]
        mention_starts: list[int]

    def _find_scope_hits(self, scope_hits: list[regex.Match[str]], indicator_hits: list[regex.Match[str]]) -> None:
        """Every category and place named in the text, found once (scope look-ups slice these)."""
        doc, vocab = self.doc, self.v
        text = doc.text
        # a category inside a longer program or indicator name is part of that name (城镇 in
        # 城镇新增就业, 婴儿 in 婴儿死亡率), unless it splits a whole (城市 in 城市低保)
        self.indicator_spans = [(m.start(), m.end()) for m in indicator_hits]
        self.indicator_starts = [x[0] for x in self.indicator_spans]
        self.category_spans = [(m.start(), m.end()) for m in scope_hits]  # (all, before the filters below)
        self.category_starts = [x[0] for x in self.category_spans]
        parts = frozenset().union(*vocab.partitions) if vocab.partitions else frozenset()
        program_starts = {m.start for m in self.mentions}
        # (a category the program's own name holds names the program, not a part of it: 农村 in
        # 农村户厕改造, 城乡居民 in 城乡居民基本医疗保险, while 城市 in 城市低保 splits 最低生活保障)
        # (a word cannot start on the 中 of 其中: "其中医院9个" names 医院, not 中医院)
        scope_hits = [m for m in scope_hits if not text.startswith("其中", m.start() - 1)]
        # (nor inside the word for the whole jurisdiction: "全县城镇新增就业", "我县城乡居民" name no
        # 县城; the word that starts right after is looked up instead)
        inner = _inside_words(text, self.v.jurisdiction)
        scope_hits = [self.v.scope_re.match(text, m.start() + 1) if m.start() in inner else m
                      for m in scope_hits]
        scope_hits = [m for m in scope_hits if m is not None]
        # (a rate named on a category is the rate of the whole it splits: 集中供养率 is the share of
        # all 特困人员 cared for together, 城镇化率 the share of all people living in towns)
        scope_hits = [m for m in scope_hits if not _RATE_ON.match(text, m.end())]
        # (people of a partition that, with the program word written on them or right after them,
        # spell the program's own name are that name, not a part of it: 城乡居民 in 城乡居民基础养老金
        # and 城乡居民医保基金 — the program of all the residents the 职工 schemes leave)
        scope_hits = [m for m in scope_hits if not self._names_program(m.start(), m.end(), m.group(), parts)]
        hits = [(m.start(), m.end(), self._scope_name(m.group(), m.end()), False) for m in scope_hits
                if (vocab.scopes[m.group()] in parts and m.end() in program_starts)  # 农村|特困人员
                or not (self._in_indicator(m.start(), m.end()) or self._in_program_name(m.start(), m.end()))
                or (vocab.scopes[m.group()] in parts and not self._in_program_name(m.start(), m.end(), m.group())
                    and (not self._in_indicator(m.start(), m.end()) or self._in_program_name(m.start(), m.end())))]
        # (a grade and those above or below it are one band of the grades: 高级工以上, 3A级及以下)
        hits = [_banded(text, h) for h in hits]
        hits = [_coordinated(text, h) for h in hits]  # (三、四级手术 is one band)
        # (the report's own township is the whole jurisdiction, not a part of it: 石桥镇 in 石桥镇人民政府's report)
        own = (doc.metadata.issuer or "") + (doc.metadata.title or "")
        hits += [(m.start(), m.end(), m.group(), True) for m in _places(text) if m.group() not in own]
        # an age-bounded population is a category of its own (60周岁以上老年人, 80至89周岁老人)
        taken = {h[0] for h in hits}
        # (not the last band of a list of bands: "70至79周岁、80至89周岁和90周岁以上老年人…分别")
        hits += [(m.start(), m.end(), rx(r"\s+").sub("", m.group()), False) for m in _AGE_GROUP.finditer(text)
                 if m.start() not in taken and "岁" not in text[max(0, m.start() - 12):m.start()]] \
            if "岁" in text else []
        hits.sort()
        self.scope_hits = hits
        self.scope_hit_starts = [h[0] for h in hits]

    def _categories_in(self, a: int, b: int) -> list[tuple[int, int]] | None:
        """``[(m.start(), m.end()) for m in self.v.scope_re.finditer(text, a, b)]`` from the
        document's scan, or None when one of its words crosses ``a`` or ``b`` (a scan of the span
        alone might then read other words there)."""
        return _span_hits(self.category_spans, self.category_starts, a, b)

    def _names_indicator(self, a: int, b: int) -> bool:
        """Whether [a, b) names an indicator (``self.v.indicator_re.search(text, a, b)``), from the
        document's scan when no indicator name of it crosses ``a`` or ``b``."""
        found = _span_hits(self.indicator_spans, self.indicator_starts, a, b)
        if found is None:
            return self.v.indicator_re is not None and self.v.indicator_re.search(self.doc.text, a, b) is not None
        return bool(found)

    def _scope_name(self, alias: str, end: int) -> str:
        """The scope an alias written up to ``end`` gives (:attr:`.Vocab.scope_names`), as written when
        a measure per head of its people follows: 城镇居民人均可支配收入 is of 城镇居民, while
        城镇居民最低生活保障 names the category 城镇 of a program."""
        name = self.v.scope_names[alias]
        if name != alias and _PER_HEAD.match(self.doc.text, end) and _PEOPLE_HEAD.search(alias):
            return alias
        return name

    def _in_indicator(self, a: int, b: int) -> bool:
        """Whether [a, b) lies inside a longer indicator name (婴儿 in 婴儿死亡率)."""
        i = bisect.bisect_right(self.indicator_starts, a) - 1
        while i >= 0 and self.indicator_spans[i][0] > a - 16:
            s, e = self.indicator_spans[i]
            if s <= a and b <= e and (e - s) > (b - a):
                return True
            i -= 1
        return False

    def _in_program_name(self, a: int, b: int, holding: str = "") -> bool:
        """Whether [a, b) lies inside a longer program mention (企业职工 in 企业职工养老保险); with
        ``holding``, a mention whose canonical program name holds that word."""
        i = bisect.bisect_right(self.mention_starts, a) - 1
        while i >= 0 and self.mentions[i].start > a - 12:
            m = self.mentions[i]
            if m.start <= a and b <= m.end and (m.end - m.start) > (b - a) and holding in m.program:
                return True
            i -= 1
        return False

    def _names_program(self, a: int, b: int, word: str, parts: frozenset[str]) -> bool:
        """Whether the people ``word`` at [a, b), a part of a partition (``parts``), run into a
        program mention (one starting on them, inside them or right at their end) whose program is
        named after them: 城乡居民|基础养老金 is the program 城乡居民基本养老保险 named short (all its
        people), while 城市|低保 is a part of 最低生活保障 and 农村|户厕改造 a place the program's
        figure is restricted to."""
        if not _PEOPLE_HEAD.search(word) or self.v.scopes.get(word, word) not in parts:
            return False
        i = bisect.bisect_left(self.mention_starts, a)
        while i < len(self.mentions) and self.mentions[i].start <= b:
            m = self.mentions[i]
            if m.end > b and word in m.program and not m.cued:
                return True
            i += 1
        return False

    def _scope_terms(self, a: int, b: int, places: bool = True, straddling: bool = False) -> list[tuple[int, str]]:
        """Known categories (and, with ``places``, township names such as 九陂镇) in [a, b); with
        ``straddling``, also the one that starts before ``a`` and runs into it (三、|四级手术: a clause
        break inside a band of grades)."""
        i = bisect.bisect_left(self.scope_hit_starts, a)
        out: list[tuple[int, str]] = []
        hits = self.scope_hits
        if straddling and i > 0 and hits[i - 1][0] < a < hits[i - 1][1] <= b and not hits[i - 1][3]:
            out.append((hits[i - 1][0], hits[i - 1][2]))
        while i < len(hits) and hits[i][0] < b:
            s, e, name, place = hits[i]
            if e <= b and (places or not place):
                out.append((s, name))
            i += 1
        return out
