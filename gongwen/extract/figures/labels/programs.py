"""The program of a figure: the vocabulary program its clause, sentence, headings or paragraph name.

:class:`ProgramMixin` gives the labeller (:class:`.labeller.Labeller`) :meth:`~ProgramMixin.program`
and the evidence it weighs: the nearest usable mention (:mod:`.mentions`), the programs a heading
names, the aggregate a breakdown by kind stands in (其中，公路建设…), and the figures that only state
what the jurisdiction is (常住人口8.6万人) and so belong to no program.  Mentions named as a base a
standard is set against, or after a breakdown by source, are marked cued here.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence, Set
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from ..context.mentions import _Mention
from ..context.windows import _CLAUSE_BREAK
from ..grammar.numerals import thousands_comma
from ..words.heads import _heads

if TYPE_CHECKING:
    from ....model import Document, Heading
    from ..words.vocab import Vocab

_PARAGRAPH_REACH = 400
_SPECIFIC = 4  # a word this long or longer can name a program of its own (see ProgramMixin._names_here)
_COMMA = regex.compile(r"[，,；;。！？\n]")  # a clause break that is no list's 、
_SENTENCE_END = regex.compile(r"[。！？!?\n]")
_DIGIT = regex.compile(r"\d")


class ProgramMixin:
    """The program methods of :class:`.labeller.Labeller` (which provides the attributes below)."""

    if TYPE_CHECKING:
        doc: Document
        v: Vocab
        mentions: list[_Mention]
        mention_starts: list[int]
        sentence_starts: list[int]
        heading_programs: dict[int, list[str]]
        heading_weak: dict[int, list[str]]
        work_lines: dict[int, str]
        new_bureau: bool
        own_programs: frozenset[str]
        line_choices: dict[int, tuple[str, ...]]
        _cue_spans: tuple[list[int], list[int]] | None

        def clause_start(self, o: int) -> int: ...
        def sentence_start(self, o: int) -> int: ...
        def paragraph_start(self, o: int) -> int: ...

    def _reference_bases(self) -> None:
        """Programs named as the base a standard is set against (特困人员基本生活标准按不低于当地低保
        标准的1.3倍确定; 失业保险金标准按当地最低工资标准的85%确定) are what the figure is measured
        by, not what it is of: cued."""
        t = self.doc.text
        before, after = self.v.reference_before, self.v.reference_after
        if before is None or after is None:
            return
        for i, m in enumerate(self.mentions):
            if after.match(t, m.end) and before.search(t, self.clause_start(m.start), m.start):
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

    def _nearest(self, a: int, b: int, allowed: Set[str] | None, heads: list[str],
                 weak: bool = False, carried: bool = False) -> _Mention | None:
        """The nearest usable mention in [a, b) to the left of b (strong ones, or weak ones too);
        ``carried``: to a later clause, which an item of a list of areas does not govern."""
        i = bisect.bisect_left(self.mention_starts, b) - 1
        while i >= 0 and self.mentions[i].start >= a:
            m = self.mentions[i]
            i -= 1
            if m.end > b or m.cued or (m.weak and not weak):
                continue
            if carried and m.listed and _COMMA.search(self.doc.text, m.end, b):
                continue  # (an item of a list of areas governs its own clause, not the next ones)
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
        """The program of the figure at ``o`` under heading ``path``, or None: the vocabulary's
        (:meth:`_vocab_program`); for an issuer whose bureau has no vocabulary file, the work line
        the innermost heading naming one names (:mod:`.worklines`) — what the report says it did,
        not another bureau's program its words happen to hold — unless the program found is named
        by a heading of the path itself (安全生产 under 安全生产形势平稳) or in the figure's own
        sentence by a word that says what the figure is of (全年一般公共预算收入…亿元 under
        财政收入稳中提质; :meth:`_names_here`), and is no program the issuer's own name names
        (城市公共交通 in a 公共交通有限公司's report: the whole of its work, which a line of it
        narrows; :func:`.worklines.issuer_programs`).  A line the figure's sentence
        names as well is the label even then (:meth:`_line_named_in_sentence`)."""
        p = self._vocab_program(o, path)
        if not self.work_lines or not path:
            return p
        if p is None and self._base_statistic(self.clause_start(o), o):
            return None
        k = next((i for i in range(len(path) - 1, -1, -1) if self.work_lines.get(path[i].span.start)), -1)
        line = self._heading_line(path[k], o) if k >= 0 else None
        if line is not None and self._line_named_in_sentence(line, p, o, path):
            return line
        # (a heading outside the one naming the line, 应急救援能力持续提升 over 台站巡检扎实有序,
        # names the area the line is part of, not the figure's program)
        if p is not None and self._line_narrows(p, line, o, path[max(k, 0):]):
            return line
        if p is not None and p not in self.own_programs and (
                any(p in h.title for h in path[max(k, 0):]) or self._named_in_sentence(p, o)):
            return p
        return line or p

    def _heading_line(self, h: Heading, o: int) -> str:
        """The work line heading ``h`` files the figure at ``o`` under: of the lines it names
        (生态安葬和文明祭扫; 全力以赴防汛排涝，确保城市安全度汛), the one its text names last before
        the figure — else first after it in the figure's sentence — else the heading's line."""
        line = self.work_lines[h.span.start]
        choices = self.line_choices.get(h.span.start, ())
        if not choices:
            return line
        t = self.doc.text
        at = {c: t.rfind(c, h.span.end, o) for c in choices}
        best = max(choices, key=lambda c: at[c])
        if at[best] >= 0:
            return best
        end = _SENTENCE_END.search(t, o)
        e = end.start() if end else len(t)
        after = {c: t.find(c, o, e) for c in choices}
        found = [c for c in choices if after[c] >= 0]
        return min(found, key=lambda c: after[c]) if found else line

    def _line_narrows(self, p: str, line: str | None, o: int, path: Sequence[Heading]) -> bool:
        """Whether the heading's work ``line`` is a narrower work than program ``p``, found in another
        bureau's vocabulary, as the report names it: the line is the program qualified (渔业安全生产
        over 安全生产: it ends on the program's name), or — where no heading names ``p`` — it holds
        the word by which the figure's sentence names ``p`` (渔船, a word of the 渔业 program, in
        持证渔船1530艘 under 渔船管理规范有序).  What the figure counts is then the line's own
        object, and the line is its program."""
        if line is None or line == p:
            return False
        if p in line:
            return line.endswith(p)  # (应急救援队伍 is the 应急救援 program's own team, not a narrower work)
        if any(p in h.title for h in path):
            return False
        m = self._naming_mention(p, o)
        word = self.doc.text[m.start:m.end] if m is not None else ""
        return bool(word) and word != line and word in line

    def _line_named_in_sentence(self, line: str, p: str | None, o: int, path: Sequence[Heading]) -> bool:
        """Whether the figure's sentence (after its heading) names the heading's work ``line`` in its
        own words, and the program ``p`` found is no longer name holding the line (城镇老旧小区改造
        for 老旧小区改造: the vocabulary names it more fully).  The report then says the figure is
        of the line it files it under (under 担保体系不断完善, 全市政府性融资担保在保余额…亿元 is the
        政府性融资担保 line's, though its words hold another bureau's 财政金融 program); a line the
        sentence does not name yields to what it does name.  Where the heading's title goes on
        after the line as the sentence does (a line cut from 档案数字化加工 where the sentence says
        档案数字化加工量), the sentence names the longer noun, not the line; a line that cuts a
        program's word of its heading in two, or that qualifies the program named right after it,
        names no line of its own."""
        if p is not None and line in p:
            return False
        t = self.doc.text
        title = next((h.title for h in reversed(path) if self.work_lines.get(h.span.start) == line
                      or line in self.line_choices.get(h.span.start, ())), "")
        j = title.find(line)
        cut = j + len(line)
        if j >= 0 and any(m.start() < cut < m.end() for m in self.v.alias_re.finditer(title)):
            return False  # (the line cuts a program's word of the heading in two: 村集体|经济)
        after = title[cut] if j >= 0 and cut < len(title) else ""
        end = _SENTENCE_END.search(t, o)
        e = end.start() if end else len(t)
        ss = max(self.sentence_start(o), path[-1].span.end)
        k = t.rfind(line, ss, o)  # (the naming nearest before the figure, else the first after it)
        if k < 0:
            k = t.find(line, o, e)
        return k >= 0 and not (after and t.startswith(after, k + len(line))) and not self._program_at(p, k + len(line))

    def _program_at(self, p: str | None, k: int) -> bool:
        """Whether a mention of program ``p`` starts at ``k``: a line right before it (低收入农户 in
        低收入农户人均可支配收入) says whose the program's figure is, not what it is of."""
        i = bisect.bisect_left(self.mention_starts, k)
        return p is not None and i < len(self.mentions) and self.mentions[i].start == k and self.mentions[i].program == p

    def _named_in_sentence(self, p: str, o: int) -> bool:
        """Whether the figure's sentence, up to the end of its clause, names program ``p`` by a word
        of its own (not a generic, context or cued one, nor an item of a list of areas: 围绕优化营商
        环境、和美乡村建设等中心工作开展专题调研9项 says what the work was about, not what the
        figure counts) that says what the figure is of (:meth:`_names_here`)."""
        return self._naming_mention(p, o) is not None

    def _naming_mention(self, p: str, o: int) -> _Mention | None:
        """The first mention by which the sentence of the figure at ``o`` names program ``p`` as
        :meth:`_named_in_sentence` reads it, or None."""
        t = self.doc.text
        end = _COMMA.search(t, o)  # (a list's 、 does not end the clause: 人民调解、法律援助…分别)
        e = end.start() if end else len(t)
        cs = self.clause_start(o)
        i = bisect.bisect_left(self.mention_starts, self.sentence_start(o))
        while i < len(self.mentions) and self.mentions[i].start < e:
            m = self.mentions[i]
            if m.program == p and not (m.weak or m.context or m.cued or m.listed) and self._names_here(m, p, cs, o):
                return m
            i += 1
        return None

    def _names_here(self, m: _Mention, p: str, cs: int, o: int) -> bool:
        """Whether mention ``m`` of program ``p`` in the sentence of the figure at ``o`` whose clause
        opens at ``cs`` names what the figure is of, against the line a new bureau's heading files it under:
        a word holding the program's name does (应急演练); another word of four characters or more
        does in the figure's own clause, or where it is the subject of a figure of its own in an
        earlier clause (全年开展综合演练9场，参演人员…); a word of two or three characters (地震,
        受理, 投资) is any bureau's word for its own work, unless the figure right after it counts
        it (监测到地震126次), and an earlier clause's word in passing
        (结合综合演练检验台网，全年新建观测站点…) is not the figure's.  Measured on dev A–I read as
        new bureaus (leave-bureau-out): short words and passing words name the line's figures
        far more often than the program they belong to."""
        word = self.doc.text[m.start:m.end]
        if p in word:
            return True
        if len(word) < _SPECIFIC:  # (unless it is what the figure right after it counts: 监测到地震126次)
            return m.start >= cs and not self.doc.text[m.end:o].strip()
        return m.start >= cs or self._states_figure(m, cs)

    def _vocab_program(self, o: int, path: Sequence[Heading]) -> str | None:
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
        if m and heads and m.program not in heads and (h := self._heading_subject(m, heads, path, ss, cs, o)):
            return h
        whole = self._breakdown_whole(ss, path[-1].span.end if path else 0, heads, m, o)
        if whole is not None:
            return whole
        if m and heads and m.program not in heads and self.doc.text[m.start:m.end] in self._program_heading_title(path):
            # the heading already names what the sentence says, more precisely ("特困供养人员照料
            # 护理" covers "特困供养人员"); a heading naming two programs (健全低收入人口动态监测和
            # 临时救助机制) leaves the clause the one it names
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
        m = self._nearest(ps, ss, None, heads, carried=True)
        if m:
            return m.program
        weak_heads = self._heading_programs(path, weak=True)
        m = self._nearest(ss, o, None, heads, weak=True)
        if m:
            return m.program
        if weak_heads:
            return weak_heads[0]
        m = self._nearest(ps, ss, None, heads, weak=True, carried=True)
        return m.program if m else None

    def _heading_subject(self, m: _Mention, heads: list[str], path: Sequence[Heading],
                         ss: int, cs: int, o: int) -> str | None:
        """The heading's program when the figure's sentence names it as what the figure is of, though
        mention ``m`` of another program stands nearer the figure: named in the figure's own clause
        (全市43家社有企业上半年实现营业收入24.37亿元 under 社有企业提质增效: 营业收入 is what is
        measured of the 社有企业, not the line of the 供销社 business it names elsewhere), or earlier in
        the sentence as the subject of a figure of its own (…社有企业…24.37亿元；实现利润总额6,480万元)
        when ``m`` does not name its own program by its full name (…城镇新增就业3126人；城镇登记失业率
        为3.2% keeps 城镇登记失业率).  A naming in the heading's own words, run into the paragraph,
        is not the sentence's; nor is the whole a share is of (占永久基本农田保护面积59.7万亩的71.4%
        after 建成高标准农田42.6万亩: 59.7万亩 is the 耕地保护 figure the share is taken of, only the
        share is the 高标准农田's).  Else None."""
        t = self.doc.text
        if "占" in t[cs:m.start] and not _DIGIT.search(t, m.end, o):
            return None
        floor = path[-1].span.end if path else 0
        named = set(heads)
        h = self._nearest(max(cs, floor), o, named, heads)
        if h is None and m.program not in t[m.start:m.end]:
            h = self._nearest(max(ss, floor), o, named, heads)
            if h is not None and not self._states_figure(h, cs):
                return None
        return h.program if h is not None else None

    def breakdown_cue(self, ss: int, cs: int) -> int:
        """Where the last breakdown cue (其中, 按行政等级分, 从投向看: vocab ``breakdown_cues``; or a
        criterion between an opening and a closing word, 从投资投向看，: ``breakdown_criteria``) of the
        sentence from ``ss`` opens before ``cs``, or -1."""
        t = self.doc.text
        if self._cue_spans is None:
            self._cue_spans = _occurrences(t, self.v.breakdown_cues)
        starts, ends = self._cue_spans
        # (the last cue standing whole in [ss, cs), as the latest t.rfind(cue, ss, cs) of all cues)
        i, k = bisect.bisect_left(starts, cs) - 1, -1
        while i >= 0 and starts[i] >= ss:
            if ends[i] <= cs:
                k = starts[i]
                break
            i -= 1
        pat = self.v.breakdown_criterion_re
        if pat is not None and ("看" in t[ss:cs] or "分" in t[ss:cs]):
            k = max([k] + [m.start() for m in pat.finditer(t, ss, cs)])
        return k

    def _breakdown_whole(self, ss: int, floor: int, heads: list[str], m: _Mention | None, o: int = -1) -> str | None:
        """The aggregate whose breakdown by kind the figure's clause stands in (全市交通固定资产投资
        完成86.4亿元。其中，公路建设71.2亿元，港航水运6.5亿元; 公路总里程…。按行政等级分，高速公路、
        农村公路分别为…): the kind named after the cue (港航水运, 农村公路) is a program elsewhere,
        here the aggregate's part.  The aggregate is the last one named before the cue in its sentence
        or the one before — also the previous paragraph's last, when the cue opens the paragraph, but
        never above ``floor`` (the end of the figure's heading) — and stated in the figure's unit at ``o``
        (商品房销售面积 16.42万平方米 is no part of an investment); else the heading's; None when the
        clause names no other program."""
        if m is None or not self.v.aggregates or m.start < ss:
            return None
        # (an aggregate of its own is another's part only where that one is named before the cue:
        # 全年固定资产投资增长5.8%。分领域看，…房地产开发投资下降9.4%)
        own = m.program in self.v.aggregates
        k = self.breakdown_cue(ss, m.start)  # (the cue before the kind: 其中税收收入, 其中，港航水运)
        if k < 0:
            return None
        while own and (first := self.breakdown_cue(ss, k)) >= 0:
            k = first  # (the cue that opens the sentence's breakdown, not a 其中 inside an earlier part)
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
            if own and not self._part_of(w, m):
                return None
            return w.program if w.program in self.v.aggregates else None
        if not (heads and heads[0] in self.v.aggregates and not own):
            return None
        # (not where the whole broken down is the kind's own program: 全年实际使用外资…。其中，制造业
        # 实际使用外资… under a heading on 招商引资)
        same = self._nearest(max(before, floor), k, None, heads)
        return None if same is not None and same.program == m.program else heads[0]

    def _part_of(self, w: _Mention, m: _Mention) -> bool:
        """Whether the aggregate ``m`` names (房地产开发投资, a total of its own) is a part of the
        aggregate ``w`` names: another one, measuring ``m``'s noun (投资), and itself a whole, not a
        part of an earlier breakdown (分领域看，…房地产开发投资…。从投资主体看，民间投资…)."""
        noun = self.v.programs[w.program].aggregate
        if w.program == m.program or noun not in self.doc.text[m.start:m.end]:
            return False
        return self.breakdown_cue(self.sentence_start(w.start), w.start) < 0

    def base_statistic(self, o: int) -> bool:
        """Whether the figure at ``o`` only states what the jurisdiction is (:meth:`_base_statistic`)."""
        return self._base_statistic(self.clause_start(o), o)

    def _base_statistic(self, cs: int, o: int) -> bool:
        """Whether the figure at ``o`` only states what the jurisdiction is — its people or area
        (辖区60周岁以上老年人1.96万人, 常住人口9.3万人), that figure's share of another (占常住人口的
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
        """Whether the mention's word is also a category (a scope) of the vocabulary, or qualifies
        the people named right after it (慢性病患者, 特困老年人, 义务教育学生: whom a program deals
        with; not the program's own 低保对象, 特困人员, 低保家庭: heads.yaml ``own_people``)."""
        t = self.doc.text
        if t[m.start:m.end] in self.v.scopes:
            return True
        return _PEOPLE_AFTER.match(t, m.end) is not None and _OWN_PEOPLE.match(t, m.end) is None

    def _named_before(self, ss: int, m: _Mention) -> bool:
        """Whether the sentence names the category word's program earlier by a word that is no
        category (技能人才总量达2.41万人，其中高技能人才6920人): the category is then a part of
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
        m = self._nearest(ss, cs, None, heads, carried=True)
        if m is not None and m.program not in self.v.own and not self._states_figure(m, cs):
            return self._nearest(ss, m.start, self.v.own, heads) or m
        return m

    def _states_figure(self, m: _Mention, cs: int) -> bool:
        """Whether a number follows the mention in its own clause, before ``cs``: the program is
        then the subject of a figure (农村居民人均可支配收入22,370元，同比增长7.1%), not a word in
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
        """The program named after a scope cue in the figure's own clause (全镇纳入最低生活保障548户):
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


# the people a figure counts, named right after a program's word (people_heads), and those a program
# names its own beneficiaries by (own_people)
_PEOPLE_AFTER = _heads("people_heads", end=False)
_OWN_PEOPLE = _heads("own_people", end=False)
_UNIT_AFTER = regex.compile(r"[\d,.]+\s*(%|[^\d\s，,。；;、：:（()）]{1,2})")  # a figure's unit, as written

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


def _occurrences(text: str, words: Sequence[str]) -> tuple[list[int], list[int]]:
    """Every occurrence of ``words`` in ``text`` (overlapping ones too), as their starts and ends
    sorted by start: found once per document, looked up by bisection.

    >>> _occurrences("其中其中从投向看", ["其中", "投向"])
    ([0, 2, 5], [2, 4, 7])
    """
    spans: list[tuple[int, int]] = []
    for w in words:
        i = text.find(w) if w else -1
        while i >= 0:
            spans.append((i, i + len(w)))
            i = text.find(w, i + 1)
    spans.sort()
    return [s for s, _ in spans], [e for _, e in spans]


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
