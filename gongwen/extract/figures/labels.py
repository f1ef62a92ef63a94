"""Labels of a figure: program, scope and metric, from the vocabulary and the figure's context.

The context of a figure at offset ``o`` is read at three widths: its *clause* (back to the
last comma-like punctuation), its *sentence* (back to 。！？ or the paragraph start, skipping
closed parentheses) and its *paragraph*; plus the heading path.  The rules:

- program: the innermost heading that names a program sets it; a mention in the sentence
  overrides it only for a declared sub-program (困难残疾人生活补贴 inside 残疾人两项补贴); with
  no program in the headings, the nearest mention to the left in the sentence, then in the
  paragraph, then the innermost heading's title.
- scope (:mod:`.scope`): an age or similar condition written before the number; a known
  category in the clause; a part label inside a breakdown "（城镇…，农村…）" or a 其中 list; a
  known category in the sentence outside closed parentheses or right after the number; else the
  jurisdiction.
- metric (:mod:`.metrics`): the first matching rule of ``metrics.yaml`` on the clause before the
  number, else a count noun, else a default by unit kind.

The items of a 分别 list (categories, programs, indicators) are read here for
:mod:`.neighbours`, which distributes them over the values after it.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence, Set
from functools import lru_cache
from typing import NamedTuple

import regex

from ..._data import rx
from ...model import Document, Heading
from .heads import _COUNT_NOUN, _MONEY_NOUN, _RATE_NOUN
from .lexicon import Hit, Lexicon, scan_all
from .metrics import MetricMixin, metric_rules, unit_kind
from .numbers import thousands_comma
from .scope import _CLAUSE_BREAK, _PAREN_REACH, ScopeMixin
from .vocab import ALIASES, Program, Vocab, choose_vocab, load_vocab

__all__ = ["ALIASES", "Labeller", "Program", "Vocab", "choose_vocab", "load_vocab", "metric_rules", "unit_kind"]

_PARAGRAPH_REACH = 400
_PAREN_CHAR = regex.compile(r"[（()）]")
# "全自理、半护理、全护理三档分别…": the items of a list written right before 分别
_LIST_SEP = regex.compile(r"[、和与及]")
_COMPARED = regex.compile(r"(?:比|较|与)(?:上年|去年|\d{4}年)(?:同期)?")
# the comparison word right before 分别 ("起数、死亡人数同比分别下降…"): not part of the last item
_COMPARED_BEFORE = regex.compile(r"(?:同比|环比|(?:比|较|与)(?:上年|去年|\d{4}年)(?:同期)?)\s*$")
# a period or the whole jurisdiction opening a list ("全年社会消费品零售总额、…"): no part of its first item
_LIST_LEAD = regex.compile(r"^(?:全年|今年|上半年|前三季度|(?:\d{4}年)?(?:1-\d{1,2}月|[一二三四]季度)|\d{4}年|全[市县区镇乡]|[我本][市县区镇乡])+")
_COUNT_WORD = regex.compile(r"[两三四五六七八九十]+[档类项种个级]$")
# the word that opens a list of parts ("其中批发业、零售业…分别为"): no part of its first item
_PARTS_OPEN = regex.compile(r"^(?:其中|包括)")


class _Mention(NamedTuple):  # (a tuple: built several times faster than a frozen dataclass)
    start: int
    end: int
    program: str
    context: bool  # a context alias (valid only inside its parent program's section)
    cued: bool  # preceded by a scope cue (已纳入低保): names a category, not the program
    weak: bool = False  # a generic alias (兜底保障): evidence only when nothing specific is named


class Labeller(ScopeMixin, MetricMixin):
    """Labels figures of one document; precomputes mentions and headings once."""

    def __init__(self, doc: Document, vocab: Vocab) -> None:
        self.doc = doc
        self.v = vocab
        text = doc.text
        self.mentions: list[_Mention] = []
        cue_ends = {c[-1] for c in vocab.scope_cues}
        alias_hits, context_hits, scope_hits, indicator_hits = scan_all(
            text, [vocab.alias_re, vocab.context_re, vocab.scope_re, vocab.indicator_re])
        for hits_of, mp, ctx, lex in ((alias_hits, vocab.alias_map, False, vocab.alias_re),
                                      (context_hits, vocab.context_map, True, vocab.context_re)):
            taken = -1  # the end of a word found right after a 其中 (the scan's later words inside it are dropped)
            last: Hit | None = None  # the scan's previous word
            for m in hits_of:
                s = m.start()
                if s < taken:
                    continue
                prev, last = last, m
                if prev is not None and s - prev.end() < 2:
                    # the scan took the longest word at each start, so a word of the previous one's
                    # program that begins inside it and reaches past this one was cut in half: 国家
                    # 免疫规划疫苗接种率 names 国家免疫规划 (and 免疫规划疫苗接种率), not 疫苗接种
                    hidden = _hidden_word(lex, text, prev, m)
                    if hidden is not None and mp.get(hidden.group()) == mp.get(prev.group()):
                        m = last = hidden
                        s = m.start()
                if text.startswith("其中", s - 1):
                    # no word starts on the 中 of 其中, and the one it hid is looked up instead:
                    # 其中职工医保 names 职工医保, not 中职
                    m = lex.match(text, s + 1)
                    if m is None:
                        continue
                    s, taken = m.start(), m.end()
                if not ctx and m.group() in vocab.weak:
                    m = _strong_inside(vocab, text, m)
                    s = m.start()
                    if m.group() in vocab.foreign_generic:
                        continue
                cued = s > 0 and text[s - 1] in cue_ends and any(text.endswith(c, 0, s) for c in vocab.scope_cues)
                self.mentions.append(_Mention(s, m.end(), mp[m.group()], ctx, cued, m.group() in vocab.weak))
        self.mentions.sort(key=lambda x: x.start)
        self.mention_starts = [m.start for m in self.mentions]
        self._find_scope_hits(scope_hits, indicator_hits)
        self.heading_programs: dict[int, list[str]] = {}
        self.quantity_ends: list[int] = []  # ends of the number grammar's quantities (set by the assembler)
        self.heading_weak: dict[int, list[str]] = {}
        for h in doc.headings:
            progs: list[str] = []
            weak: list[str] = []
            for m in vocab.alias_re.finditer(h.title):
                if m.group() in vocab.foreign_generic:
                    continue
                p = vocab.alias_map[m.group()]
                into = weak if m.group() in vocab.weak else progs
                if p not in into:
                    into.append(p)
            self.heading_programs[h.span.start] = progs
            self.heading_weak[h.span.start] = weak
        self.para_starts = [p.span.start for p in doc.paragraphs]
        self.whole = self._jurisdiction()
        self.partition_parts = frozenset().union(*self.v.partitions)
        self.heading_starts = [h.span.start for h in doc.headings]
        self._paths: dict[int, tuple[Heading, ...]] = {}
        self._clause_cache: dict[int, int] = {}
        # every parenthesis pair, found once (positions of "（"/"(" and of their partners, -1 if
        # none): the context look-ups slice these instead of rescanning long sentences
        self._paren_opens, self._paren_closes = _paren_pairs(text)
        self._outside_cache: dict[tuple[int, int], list[tuple[int, int]]] = {}
        # sentence starts: paragraph starts and every position after 。！？
        starts = set(self.para_starts) | {m.end() for m in rx(r"[。！？!?\n]").finditer(text)}
        self.sentence_starts = sorted(starts | {0})
        self._source_breakdowns()
        self._reference_bases()

    def _reference_bases(self) -> None:
        """Programs named as the base a standard is set against (特困人员基本生活标准按不低于当地低保
        标准的1.3倍确定; 失业保险金标准按当地最低工资标准的90%确定) are what the figure is measured
        by, not what it is of: cued."""
        t = self.doc.text
        for i, m in enumerate(self.mentions):
            if _BASE_AFTER.match(t, m.end) and _BASE_BEFORE.search(t, self.clause_start(m.start), m.start):
                self.mentions[i] = m._replace(cued=True)

    def _source_breakdowns(self) -> None:
        """Programs named after a breakdown by source (从资金来源看，中央和省级资金…，地方政府专项债券
        4.50亿元) are where the amount named before came from, not what it was spent on: cued."""
        t = self.doc.text
        for c in self.v.source_cues:
            k = t.find(c)
            while k >= 0:
                i = bisect.bisect_right(self.sentence_starts, k)
                end = self.sentence_starts[i] if i < len(self.sentence_starts) else len(t)
                j = bisect.bisect_left(self.mention_starts, k + len(c))
                while j < len(self.mentions) and self.mentions[j].start < end:
                    self.mentions[j] = self.mentions[j]._replace(cued=True)
                    j += 1
                k = t.find(c, end)

    def section_path(self, o: int) -> tuple[Heading, ...]:
        """``Document.section_path`` with the path of each heading computed once."""
        i = bisect.bisect_right(self.heading_starts, o) - 1
        if i < 0:
            return ()
        if i not in self._paths:
            self._paths[i] = self.doc.section_path(self.heading_starts[i])
        return self._paths[i]

    # -- context windows ------------------------------------------------------------------------
    def paragraph_start(self, o: int) -> int:
        i = bisect.bisect_right(self.para_starts, o) - 1
        return self.doc.paragraphs[i].span.start if i >= 0 else 0

    def sentence_start(self, o: int) -> int:
        i = bisect.bisect_right(self.sentence_starts, o) - 1
        return self.sentence_starts[i] if i >= 0 else 0

    def clause_start(self, o: int) -> int:
        """Back to the last clause punctuation, stepping over closed parentheses ("亲属(居委)接领")."""
        got = self._clause_cache.get(o)
        if got is None:
            got = self._clause_cache[o] = self._clause_start(o)
        return got

    def _clause_start(self, o: int) -> int:
        t = self.doc.text
        ss = self.sentence_start(o)
        i = o - 1
        while i >= ss:
            c = t[i]
            if c in "）)":
                depth, j = 1, i - 1
                while j >= ss and depth:
                    if t[j] in "）)":
                        depth += 1
                    elif t[j] in "（(":
                        depth -= 1
                    j -= 1
                if depth == 0 and j >= ss and t[j] not in _CLAUSE_BREAK:
                    i = j
                    continue
                return i + 1
            if c in _CLAUSE_BREAK and not thousands_comma(t, i):  # 3,215户 is one number
                break
            i -= 1
        return i + 1

    def outside_parens(self, a: int, b: int) -> list[tuple[int, int]]:
        """Sub-ranges of [a, b) not inside parentheses that close before b."""
        got = self._outside_cache.get((a, b))
        if got is None:
            got = self._outside_cache[(a, b)] = self._outside_parens(a, b)
        return got

    def _outside_parens(self, a: int, b: int) -> list[tuple[int, int]]:
        opens, closes = self._paren_opens, self._paren_closes
        i = bisect.bisect_left(opens, a)
        if i >= len(opens) or opens[i] >= b:
            return [(a, b)] if a < b else []
        out: list[tuple[int, int]] = []
        seg = a
        while i < len(opens) and opens[i] < b:
            o, c = opens[i], closes[i]
            if o > seg:
                out.append((seg, o))
            if c < 0 or c >= b:
                # still inside an open parenthesis at b: the part from its opening is ours
                out.append((o + 1, b))
                return out
            seg = c + 1
            i = bisect.bisect_right(opens, c)  # parentheses nested inside this one
        if seg < b:
            out.append((seg, b))
        return out

    def in_open_paren(self, o: int) -> bool:
        """Whether ``o`` stands inside a parenthesis opened earlier in its sentence."""
        ss = self.sentence_start(o)
        i = bisect.bisect_left(self._paren_opens, o) - 1
        while i >= 0 and self._paren_opens[i] >= ss:
            c = self._paren_closes[i]
            if c < 0 or c >= o:
                return True
            i -= 1
            if o - self._paren_opens[i + 1] > _PAREN_REACH:
                break
        return False

    # -- program ------------------------------------------------------------------------------------
    def _nearest(self, a: int, b: int, allowed: Set[str] | None, heads: list[str],
                 weak: bool = False) -> _Mention | None:
        """The nearest usable mention in [a, b) to the left of b (strong ones, or weak ones too)."""
        i = bisect.bisect_left(self.mention_starts, b) - 1
        while i >= 0 and self.mentions[i].start >= a:
            m = self.mentions[i]
            i -= 1
            if m.end > b or m.cued or (m.weak and not weak):
                continue
            if m.context:
                prog = self.v.programs[m.program]
                if not (prog.within in heads or m.program in heads):
                    continue
            if allowed is None or m.program in allowed:
                return m
        return None

    def _heading_programs(self, path: Sequence[Heading], weak: bool = False) -> list[str]:
        """The programs named by the innermost heading of ``path`` that names any."""
        table = self.heading_weak if weak else self.heading_programs
        for h in reversed(path):
            heads = table.get(h.span.start, [])
            if heads:
                return heads
        return []

    def _program_heading_title(self, path: Sequence[Heading]) -> str:
        """The title of the innermost heading of ``path`` that names a program."""
        for h in reversed(path):
            if self.heading_programs.get(h.span.start):
                return h.title
        return ""

    def program(self, o: int, path: Sequence[Heading]) -> str | None:
        """The vocabulary program of the figure at ``o`` under heading ``path``, or None.

        Evidence, strongest first: a program named in the figure's own clause (left of the
        number, else right of it before the clause ends); one named earlier in its sentence
        (it governs the later clauses); the innermost heading that names one; one named
        earlier in the paragraph; then generic (weak) aliases in the same order.  A mention
        whose word is also a category (定点医药机构, 工矿商贸) yields to the program a heading
        names.  A heading's own title is never a program: it is the figure's ``topic``.
        """
        cs, ss, ps = self.clause_start(o), self.sentence_start(o), self.paragraph_start(o)
        if self._base_statistic(cs, o):
            return None
        heads = self._heading_programs(path)
        # the paragraph's evidence reaches back a few sentences (_PARAGRAPH_REACH characters): a
        # one-paragraph web text is a whole report, and its first program does not govern its last figure
        if path and path[-1].span.start > ps:
            ps = path[-1].span.start  # evidence never crosses the figure's own heading
        if ss - ps > _PARAGRAPH_REACH:
            i = bisect.bisect_left(self.sentence_starts, ss - _PARAGRAPH_REACH)
            ps = max(ps, self.sentence_starts[min(i, len(self.sentence_starts) - 1)])
        if len(heads) == 1:
            # inside a section about P, a sub-program of P named in the sentence is the label
            subs = self.v.children.get(heads[0], frozenset())
            m = self._nearest(ss, o, subs | {heads[0]}, heads) if subs else None
            if m:
                return m.program
        m = self._nearest(cs, o, None, heads) or self._right_mention(o) or self._sentence_mention(ss, cs, heads)
        whole = self._breakdown_whole(ss, path[-1].span.end if path else 0, heads, m, o)
        if whole is not None:
            return whole
        if m and heads and self.doc.text[m.start:m.end] in self._program_heading_title(path):
            # the heading already names what the sentence says, more precisely
            # ("特困供养人员照料护理" covers "特困供养人员")
            return heads[0]
        if m and self._names_category(m) and not self._named_before(ss, m):
            # a word that is also one of the issuer's categories (定点医药机构, 工矿商贸) names whom
            # the section's program deals with: the program a heading names, strong or generic, wins
            over = heads or self._heading_programs(path, weak=True)
            if over and m.program not in over:
                return over[0]
        if m:
            return m.program
        if heads:
            return heads[0]
        m = self._cued_mention(cs, o)
        if m:
            return m.program
        m = self._nearest(ps, ss, None, heads)
        if m:
            return m.program
        weak_heads = self._heading_programs(path, weak=True)
        m = self._nearest(ss, o, None, heads, weak=True)
        if m:
            return m.program
        if weak_heads:
            return weak_heads[0]
        m = self._nearest(ps, ss, None, heads, weak=True)
        return m.program if m else None

    def breakdown_cue(self, ss: int, cs: int) -> int:
        """Where the last breakdown cue (其中, 按行政等级分, 从投向看: vocab ``breakdown_cues``) of the
        sentence from ``ss`` opens before ``cs``, or -1."""
        t = self.doc.text
        return max((k for k in (t.rfind(c, ss, cs) for c in self.v.breakdown_cues) if k >= 0), default=-1)

    def _breakdown_whole(self, ss: int, floor: int, heads: list[str], m: _Mention | None, o: int = -1) -> str | None:
        """The aggregate whose breakdown by kind the figure's clause stands in (全市交通固定资产投资
        完成86.4亿元。其中，公路建设71.2亿元，港航水运6.5亿元; 公路总里程…。按行政等级分，高速公路、
        农村公路分别为…): the kind named after the cue (港航水运, 农村公路) is a program elsewhere,
        here the aggregate's part.  The aggregate is the last one named before the cue in its sentence
        or the one before — also the previous paragraph's last, when the cue opens the paragraph, but
        never above ``floor`` (the end of the figure's heading) — and stated in the figure's unit at ``o``
        (商品房销售面积 16.42万平方米 is no part of an investment); else the heading's; None when the
        clause names no other program."""
        if m is None or m.program in self.v.aggregates or not self.v.aggregates or m.start < ss:
            return None
        k = self.breakdown_cue(ss, m.start)  # (the cue before the kind: 其中税收收入, 其中，港航水运)
        if k < 0:
            return None
        t = self.doc.text
        j = ss - 1
        while j > floor and t[j].isspace():
            j -= 1
        before = self.sentence_start(j) if j > floor else ss
        if t[ss:k].strip():
            before = max(before, self.paragraph_start(ss))
        w = self._nearest(max(before, floor), k, self.v.aggregates, heads)
        if w is not None:
            unit = _UNIT_AFTER.match(t, o) if o >= 0 else None
            if unit is not None and unit.group(1) not in t[w.end:k]:
                return None
            return w.program if w.program in self.v.aggregates else None
        return heads[0] if heads and heads[0] in self.v.aggregates else None

    def _base_statistic(self, cs: int, o: int) -> bool:
        """Whether the figure at ``o`` only states what the jurisdiction is — its people or area
        (辖区60周岁以上老年人1.72万人, 常住人口8.6万人), that figure's share of another (占常住人口的
        20.0% after it), or the count of its subdivisions (街道下辖9个社区) — and so belongs to no
        program (vocab ``base_statistics``)."""
        t, v = self.doc.text, self.v
        if not v.base_measures:
            return False
        phrase = _strip_fillers(t[cs:o], v.base_fillers)
        if _AGE_BAND.sub("", phrase) in v.base_measures:
            return True
        share = _SHARE_OF.fullmatch(phrase)
        if share and self._base_measure(share.group(1)) and cs > self.sentence_start(o):
            # the share of the clause before's figure: a base statistic too only if that one is
            before = _STATED.fullmatch(t[self.clause_start(cs - 1):cs - 1].strip())
            return before is not None and self._base_measure(before.group(1))
        if phrase == "":
            m = _COUNTED.match(t, o)
            return m is not None and _clause_ends_after(t, m.end(), v.base_subdivisions)
        return False

    def _base_measure(self, phrase: str) -> bool:
        """Whether ``phrase`` (a clause's words before its number) names a base statistic."""
        phrase = _strip_fillers(phrase, self.v.base_fillers)
        return _AGE_BAND.sub("", phrase) in self.v.base_measures

    def _names_category(self, m: _Mention) -> bool:
        """Whether the mention's word is also a category (a scope) of the vocabulary."""
        return self.doc.text[m.start:m.end] in self.v.scopes

    def _named_before(self, ss: int, m: _Mention) -> bool:
        """Whether the sentence names the category word's program earlier by a word that is no
        category (技能人才总量达2.73万人，其中高技能人才7860人): the category is then a part of
        what that program counts, not whom another program deals with."""
        i = bisect.bisect_left(self.mention_starts, m.start) - 1
        while i >= 0 and self.mentions[i].start >= ss:
            x = self.mentions[i]
            i -= 1
            if x.program == m.program and not (x.cued or x.weak or x.context or self._names_category(x)):
                return True
        return False

    def _sentence_mention(self, ss: int, cs: int, heads: list[str]) -> _Mention | None:
        """The nearest strong mention in the sentence before the figure's clause; one of the
        issuer's own programs named earlier governs the later clauses that name another
        bureau's only in passing (一般公共预算收入…；剔除增值税留抵退税等因素后，同口径增长4.6%)."""
        m = self._nearest(ss, cs, None, heads)
        if m is not None and m.program not in self.v.own and not self._states_figure(m, cs):
            return self._nearest(ss, m.start, self.v.own, heads) or m
        return m

    def _states_figure(self, m: _Mention, cs: int) -> bool:
        """Whether a number follows the mention in its own clause, before ``cs``: the program is
        then the subject of a figure (农村居民人均可支配收入24,860元，同比增长6.8%), not a word in
        passing, and governs the clauses after it — unless it is the whole a share is of (房地产开发
        投资占全区固定资产投资的比重由38.5%下降到33.2%)."""
        t = self.doc.text
        if "占" in t[self.clause_start(m.start):m.start]:
            return False
        end = m.end
        while end < cs and (t[end] not in _CLAUSE_BREAK or thousands_comma(t, end)):
            if t[end].isdigit():
                return True
            end += 1
        return False

    def _cued_mention(self, cs: int, o: int) -> _Mention | None:
        """The program named after a scope cue in the figure's own clause (全镇纳入最低生活保障612户):
        a category where another program is named (已纳入低保的…发放临时救助), but what the figure
        counts when nothing else in its clause, sentence or heading names one."""
        t = self.doc.text
        i = bisect.bisect_left(self.mention_starts, o) - 1
        while i >= 0 and self.mentions[i].start >= cs:
            m = self.mentions[i]
            i -= 1
            if m.cued and not (m.context or m.weak) and m.end <= o \
                    and any(t.endswith(c, 0, m.start) for c in self.v.scope_cues):
                return m
        return None

    def _right_mention(self, o: int) -> _Mention | None:
        t = self.doc.text
        end = o
        while end < len(t) and (t[end] not in _CLAUSE_BREAK or thousands_comma(t, end)):
            end += 1
        # the first specific one: a generic word before it (为1,240名残疾人适配辅助器具) does not hide it
        i = bisect.bisect_left(self.mention_starts, o)
        while i < len(self.mentions) and self.mentions[i].end <= end:
            m = self.mentions[i]
            if not (m.context or m.weak or m.cued):
                return m
            i += 1
        return None

    # -- 分别 lists ----------------------------------------------------------------------------------
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
        """What a 分别 list of changes measures: "救助人次、金额、水平比2019年同期分别增加…" →
        救助人次, 金额, 水平 (the list right before the comparison word)."""
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
               or rx(r"(?:总额|额|量|收入|产值)$").search(x) or (ind is not None and ind.fullmatch(x)) for x in items):
            return items
        return []

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


_UNIT_AFTER = regex.compile(r"[\d,.]+\s*(%|[^\d\s，,。；;、：:（()）]{1,2})")  # a figure's unit, as written

# a standard set against another program's (按不低于当地低保标准的1.3倍, 按最低工资标准的90%): its base
_BASE_BEFORE = regex.compile(r"按|不低于|不高于|参照|比照|相当于")
_BASE_AFTER = regex.compile(r"(?:标准|水平)?的?\s*[\d.]+\s*(?:倍|%|％)")
_AGE_BAND = regex.compile(r"^\d+(?:周岁|岁)(?:以上|及以上)")
_SHARE_OF = regex.compile(r"占(.+?)的?(?:比重|比例)?")
_COUNTED = regex.compile(r"[\d,.]+\s*[个]")
_STATED = regex.compile(r"(.*?)[\d,.]+\s*[万亿]?(?:人|平方公里|亩)")  # a clause: its words, its number


def _strip_fillers(phrase: str, fillers: tuple[str, ...]) -> str:
    """The phrase without the words that open it (全县, 辖区, 年末 …), repeatedly."""
    phrase = phrase.strip()
    firsts = _first_chars(fillers)
    changed = True
    while changed and phrase and phrase[0] in firsts:  # (else no word of the pass opens it)
        changed = False
        for w in fillers:
            if phrase.startswith(w):
                phrase = phrase[len(w):].lstrip()
                changed = True
    return phrase


@lru_cache(maxsize=64)
def _first_chars(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w[:1] for w in words)


def _clause_ends_after(text: str, k: int, words: Sequence[str]) -> bool:
    """Whether a subdivision word at ``k`` ends its clause (全县14个乡镇（街道）。)."""
    for w in sorted(words, key=len, reverse=True):
        if text.startswith(w, k):
            e = k + len(w)
            return e >= len(text) or (text[e] in _CLAUSE_BREAK and text[e] not in "（(")
    return False


def _hidden_word(lex: Lexicon, text: str, prev: Hit, m: Hit) -> Hit | None:
    """The longest word that starts inside ``prev`` and ends past ``m``, or None.

    >>> lx = Lexicon(["国家免疫规划", "免疫规划疫苗接种率", "疫苗接种"])
    >>> hits = list(lx.finditer("国家免疫规划疫苗接种率"))
    >>> _hidden_word(lx, "国家免疫规划疫苗接种率", hits[0], hits[1]).group()
    '免疫规划疫苗接种率'
    """
    best = None
    for i in range(prev.start() + 1, prev.end()):
        w = lex.match(text, i)
        if w is not None and w.end() > m.end() and (best is None or w.end() > best.end()):
            best = w
    return best


def _strong_inside(vocab: Vocab, text: str, m: Hit) -> Hit:
    """A weak match, or the longest strong alias of another bureau that ends it: another bureau's
    征收社会保险费 ends in the issuer's own 社会保险费, which the leftmost-longest scan would
    otherwise hide (the end is the compound's head: 养老保险 is no kind of 养老)."""
    s, e = m.start(), m.end()
    outer = vocab.programs[vocab.alias_map[m.group()]].bureau
    for i in range(s + 1, e - 1):
        a = text[i:e]
        if a in vocab.alias_map and a not in vocab.weak and vocab.programs[vocab.alias_map[a]].bureau != outer:
            return Hit(i, e, a)
    return m


def _paren_pairs(text: str) -> tuple[list[int], list[int]]:
    """Positions of opening parentheses and of their closing partners (-1 when unclosed).

    >>> _paren_pairs("a（b(c)d）e(")
    ([1, 3, 9], [7, 5, -1])
    """
    opens: list[int] = []
    closes: list[int] = []
    stack: list[int] = []
    for m in _PAREN_CHAR.finditer(text):
        if m.group() in "（(":
            stack.append(len(opens))
            opens.append(m.start())
            closes.append(-1)
        elif stack:
            closes[stack.pop()] = m.start()
    return opens, closes

