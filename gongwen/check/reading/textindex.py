"""Where figures stand in the text: sentences, brackets, clause labels and cue words.

Relation discovery needs a few structural facts about the canonical text around each figure's
span: which sentence it is in, which bracket group, what words stand before it.  This module
computes them once per document.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ...figure import Figure
from ...model import Span
from ..evaluation.intervals import longest_first, vocab

OPEN = "（("
CLOSE = "）)"
SENTENCE_END = "。！？!?；;\n"
CLAUSE_END = SENTENCE_END + "，,、：:"
SPACES = " \u3000\t"


@dataclass(frozen=True)
class Group:
    """A bracket pair ``open``..``close`` (offsets of the bracket characters) and its depth."""

    open: int
    close: int
    depth: int

    @property
    def inner(self) -> Span:
        return Span(self.open + 1, self.close)


class TextIndex:
    """Structural facts about one text and its figures (sorted by position)."""

    def __init__(self, text: str, figures: Iterable[Figure]):
        self.text = text
        self.figures: list[Figure] = sorted((f for f in figures if f.source == "text" and len(f.span) > 0),
                                            key=lambda f: (f.span.start, f.span.end))
        self._starts = [f.span.start for f in self.figures]
        self._ends = sorted(f.span.end for f in self.figures)
        self._pos = {id(f): i for i, f in enumerate(self.figures)}
        self.groups = _bracket_groups(text)
        self.depth = _depths(len(text), self.groups)
        self._group_opens = [g.open for g in self.groups]
        self.sentences = _sentences(text, self.depth)
        self._sent_starts = [s.start for s in self.sentences]

    # -- lookups -------------------------------------------------------------------------------
    def sentence_of(self, offset: int) -> Span:
        i = bisect.bisect_right(self._sent_starts, offset) - 1
        return self.sentences[max(i, 0)] if self.sentences else Span(0, len(self.text))

    def figures_in(self, span: Span) -> list[Figure]:
        i = bisect.bisect_left(self._starts, span.start)
        out = []
        while i < len(self.figures) and self.figures[i].span.start < span.end:
            if self.figures[i].span.end <= span.end:
                out.append(self.figures[i])
            i += 1
        return out

    def group_at(self, offset: int) -> Group | None:
        """The innermost bracket group containing ``offset`` (strictly inside the brackets)."""
        if not self.groups or not 0 <= offset < len(self.depth) or self.depth[offset] == 0:
            return None
        i = bisect.bisect_left(self._group_opens, offset) - 1
        while i >= 0:
            g = self.groups[i]
            if g.open < offset < g.close and g.depth == self.depth[offset] - 1:
                return g
            i -= 1
        return None

    def direct_figures(self, g: Group) -> list[Figure]:
        """Figures inside a group but not inside a deeper group."""
        return [f for f in self.figures_in(g.inner) if self.group_at(f.span.start) == g]

    def figure_before(self, fig: Figure) -> Figure | None:
        i = self._pos.get(id(fig))
        if i is None:
            i = bisect.bisect_left(self._starts, fig.span.start)
        return self.figures[i - 1] if i > 0 else None

    def restates(self, fig: Figure) -> Figure | None:
        """The figure a bracket right after it states at another period, when ``fig`` is that
        bracket's only figure and the bracket opens with the period (规上企业 38 家（2025 年末为 33
        家）, 参保 44 万人（上年为 42.8 万人）): the same quantity at another time, neither a part of
        it nor an operand beside it."""
        g = self.group_at(fig.span.start)
        if g is None or not self.at_other_period(fig):
            return None
        head = self.figure_before(fig)
        gap = _strip(self.text[head.span.end:g.open]) if head is not None else ""
        if head is None or head.span.end > g.open or len(gap) > 2 or any(not "\u4e00" <= ch <= "\u9fff" for ch in gap):
            return None  # 2 起以内（…）: a bound's word may stand between
        if head.unit != fig.unit and fig.unit:
            return None
        return head

    def at_other_period(self, fig: Figure) -> bool:
        """``fig`` is a bracket's only figure and the bracket opens with another period (同比增长 3.1%
        （上年同期 2,846 件）, （2025 年末为 33 家）): a value of another time, whatever stands before the
        bracket — no part nor whole of what the sentence counts for its own period."""
        g = self.group_at(fig.span.start)
        if g is None or self.direct_figures(g) != [fig] or self.figures_in(g.inner) != [fig]:
            return False
        return bool(_other_period().fullmatch(_strip(self.text[g.open + 1:fig.span.start])))

    def end_of(self, fig: Figure) -> int:
        """Where a figure's statement ends: after the bracket that states it at another period
        (17.3 亿元（2025 年为 15.2 亿元），占…: the figure still stands right before 占)."""
        nxt = self.figures[self._pos[id(fig)] + 1] if id(fig) in self._pos and self._pos[id(fig)] + 1 < len(self.figures) else None
        if nxt is not None and self.restates(nxt) is fig:
            g = self.group_at(nxt.span.start)
            return g.close + 1 if g is not None else fig.span.end
        return fig.span.end

    def totalled(self, fig: Figure, running: bool = True) -> bool:
        """A figure its own label names a total (合计, 共计: vocab ``total_cues``) or, with ``running``,
        a running total (累计: ``stock_words``): the sum of others, not any one of them."""
        label = self.label_before(fig, 16)
        return any(w in label for w in longest_first("total_cues", *(("stock_words",) if running else ())))

    def label_before(self, fig: Figure, limit: int = 24) -> str:
        """The words before a figure back to the nearest clause break, bracket or figure."""
        start = fig.span.start
        k = bisect.bisect_right(self._ends, start)
        prev_end = self._ends[k - 1] if k > 0 else 0
        i = start
        while i > max(prev_end, start - limit):
            ch = self.text[i - 1]
            if ch in CLAUSE_END or ch in OPEN or ch in CLOSE:
                break
            i -= 1
        return _strip(self.text[i:start])

    def clause_before(self, fig: Figure, limit: int = 40, list_items: bool = False) -> str:
        """The text of a figure's clause before it (brackets and other figures included); with
        ``list_items`` a 、-list stays in the clause (受理投诉、举报 3862 件)."""
        start = fig.span.start
        stops = CLAUSE_END.replace("、", "") if list_items else CLAUSE_END
        i = start
        while i > max(0, start - limit) and self.text[i - 1] not in stops:
            i -= 1
        if list_items:
            # a list of counted items, not of nouns (向国家队输送运动员 5 人、向省队输送运动员 42 人): a 、
            # right after another figure ends that figure's item, and the words before it are its own
            k = bisect.bisect_left(self._ends, start)
            while k > 0 and self._ends[k - 1] > i:
                end = self._ends[k - 1]
                if _strip(self.text[end:start]).startswith("、"):
                    i = self.text.index("、", end) + 1
                    break
                k -= 1
        return _strip(self.text[i:start])

    def words_after(self, fig: Figure, limit: int = 16) -> str:
        """The words after a figure up to the next clause break, bracket or figure."""
        end = fig.span.end
        k = bisect.bisect_left(self._starts, end)
        nxt = self._starts[k] if k < len(self._starts) else len(self.text)
        j = end
        while j < min(nxt, end + limit) and self.text[j] not in CLAUSE_END + OPEN + CLOSE:
            j += 1
        return _strip(self.text[end:j])

    def between(self, a: int, b: int) -> str:
        return self.text[a:b] if a <= b else ""

    def back_to(self, offset: int, stops: str, limit: int) -> str:
        """The text before ``offset`` back to the last of ``stops`` or a line's start, ``limit``
        characters at most (brackets ignored: a plain look-back, unlike :meth:`sentence_of`)."""
        i = max(self.text.rfind(ch, 0, offset) for ch in stops + "\n") + 1
        return self.between(max(i, offset - limit), offset)

    def category_of(self, fig: Figure) -> str:
        """The category words a breakdown part carries: its label, inherited from the previous
        part when the figure follows another directly (城镇低保 416 户 575 人), else its scope."""
        lab = self.label_before(fig)
        if not lab:
            prev = self.figure_before(fig)
            if prev is not None and not _strip(self.between(prev.span.end, fig.span.start)):
                return self.category_of(prev)
        return lab or self.words_after(fig, 8) or (fig.scope or "")


@lru_cache(maxsize=1)
def _other_period() -> re.Pattern[str]:
    """A bracket's lead naming another period and a short verb at most (2025年末为, 上年为, 年初为,
    2025年新增): vocab ``table_previous_words`` or a year."""
    words = "|".join(map(re.escape, longest_first("table_previous_words")))
    return re.compile(rf"(?:\d{{4}}年|{words})[^\d]{{0,4}}")


def _strip(s: str) -> str:
    return "".join(ch for ch in s if ch not in SPACES)


def _bracket_groups(text: str) -> list[Group]:
    groups: list[Group] = []
    stack: list[int] = []
    for i, ch in enumerate(text):
        if ch in OPEN:
            stack.append(i)
        elif ch in CLOSE and stack:
            o = stack.pop()
            groups.append(Group(o, i, len(stack)))
        elif ch == "\n":
            stack.clear()  # brackets never span paragraphs in this genre
    groups.sort(key=lambda g: g.open)
    return groups


def _depths(n: int, groups: Sequence[Group]) -> list[int]:
    d = [0] * (n + 1)
    for g in groups:
        d[g.open + 1] += 1
        d[g.close] -= 1
    out, acc = [], 0
    for i in range(n):
        acc += d[i]
        out.append(acc)
    return out


def _sentences(text: str, depth: Sequence[int]) -> list[Span]:
    """Sentences split at 。！？； and line ends outside brackets."""
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch in SENTENCE_END and (depth[i] == 0 or ch == "\n"):
            if i + 1 > start:
                out.append(Span(start, i + 1))
            start = i + 1
    if start < len(text):
        out.append(Span(start, len(text)))
    return out


def find_all(text: str, word: str, span: Span | None = None) -> list[int]:
    """Offsets of every occurrence of ``word`` inside ``span`` (whole text by default)."""
    lo, hi = (span.start, span.end) if span else (0, len(text))
    out, i = [], text.find(word, lo, hi)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1, hi)
    return out


def match_category(label: str) -> tuple[int, int] | None:
    """The (set index, member index) of the exhaustive category a label names, if any."""
    best: tuple[int, int, int] | None = None  # (alias length, set, member)
    for si, members in enumerate(vocab()["exhaustive_sets"]):
        for mi, aliases in enumerate(members):
            for a in aliases:
                if a in label and (best is None or len(a) > best[0]):
                    best = (len(a), si, mi)
    return (best[1], best[2]) if best else None


def _members(labels: Sequence[str], members: Sequence[Sequence[str]]) -> list[int] | None:
    """The member of ``members`` each label names (the longest alias wins: 半失能 is not 失能), or
    None when a label names none of them."""
    hits: list[int] = []
    for lab in labels:
        best: tuple[int, int] | None = None
        for mi, aliases in enumerate(members):
            for a in aliases:
                if a in lab and (best is None or len(a) > best[0]):
                    best = (len(a), mi)
        if best is None:
            return None
        hits.append(best[1])
    return hits


def exhaustive_set(labels: Sequence[str], sets: str = "exhaustive_sets", whole: str = "") -> bool:
    """True when the labels name every member of one exhaustive category set, once each, and none
    names only a part of its member (企业职工 is one kind of 职工: 企业职工…基金、城乡居民…基金 need
    not cover the whole, 机关事业单位 being left out).  ``sets="open_sets"``: of one set of categories
    that split a whole as a rule but may leave a class out (城区、农村 leave out the 镇区).  ``whole``:
    the words of the whole's clause, whose own qualifier a part may repeat (新设立经营主体 …，其中新设
    企业 …)."""
    if len(labels) < 2 or any(_qualified(lab, whole) for lab in labels):
        return False
    for members in vocab()[sets]:
        hits = _members(labels, members)
        if hits is not None and sorted(hits) == list(range(len(members))):
            return True
    return False


def _qualified(label: str, whole: str = "") -> bool:
    """A label whose category word stands after words of its own (企业职工, not 其中职工 nor 全县城镇):
    those words narrow the category to a part of it — unless they are the whole's own qualifier
    repeated (新设企业 under 新设立经营主体) or examples the category is named by (商务楼宇和学校等专属
    网格: such grids, all of them).

    >>> _qualified("企业职工基本养老保险基金"), _qualified("其中职工基本医疗保险参保"), _qualified("全县城镇")
    (True, False, False)
    >>> _qualified("新设企业", "全县新设立经营主体"), _qualified("楼宇和学校等专属网格")
    (False, False)
    """
    v = vocab()
    hit = match_category(label)
    if hit is None:
        return False
    aliases = sorted(v["exhaustive_sets"][hit[0]][hit[1]], key=len, reverse=True)
    at = min((label.find(a) for a in aliases if a in label), default=0)
    head = label[:at]
    for w in longest_first("subset_cues", "subject_prefixes", "half_year_words"):
        head = head.replace(w, "")
    if head.endswith(tuple(v["etc_words"])) or len(head) >= 2 and head in whole:
        return False
    return any("\u4e00" <= ch <= "\u9fff" for ch in head)


def complete_set(labels: Sequence[str]) -> bool:
    """True when the labels name every member of one set of categories, exhaustive or disjoint,
    once each (第一产业、第二产业、第三产业): a list of them leaves nothing of their whole out."""
    if len(labels) < 2:
        return False
    for members in [*vocab()["exhaustive_sets"], *vocab()["disjoint_sets"]]:
        hits = _members(labels, members)
        if hits is not None and sorted(hits) == list(range(len(members))):
            return True
    return False


def disjoint_set(labels: Sequence[str]) -> bool:
    """True when the labels name different members of one set of categories that never overlap
    (学前/小学/初中, 中央/省级/县级/自筹): parts of a 其中 list that cannot exceed their whole
    together, though they need not cover it."""
    if len(labels) < 2:
        return False
    for members in [*vocab()["exhaustive_sets"], *vocab()["open_sets"], *vocab()["disjoint_sets"]]:
        hits = _members(labels, members)
        if hits is not None and len(set(hits)) == len(hits):
            return True
    return False
