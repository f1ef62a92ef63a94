"""Scope of a figure: the population, category or place it counts, and the jurisdiction.

:class:`ScopeMixin` gives the labeller (:class:`.labeller.Labeller`) :meth:`~ScopeMixin.scope`, which
decides from the evidence its bases read: the categories and places the text names
(:mod:`.scope_hits`, :mod:`.places`), the parts of a whole (:mod:`.scope_parts`) and the category
nouns around the number (:mod:`.scope_nouns`).  The rules, first that applies: an age or similar
condition written before the number; a total word (合计) names the whole jurisdiction; a known
category in the clause (kept whole when it heads the things counted); a category qualifying a known
indicator; an amount right after a list item's count, in the measure the whole names (其中…项目4个、协议
投资9.6亿元: that item's); a part label inside a breakdown "（城镇…，农村…）", a 其中 list (its items
written apart with ； after "其中：" too, their later clauses going on about it) or a 分别为 list; the
part an item after a breakdown lead names (从资金来源看，…，社会资本1.76亿元), or the part before it
for an item that goes on about it (…发生事故9起、死亡7人); the counted category a sentence narrows
to with 中; the object of an action before the number; a township named in the sentence; a category right after the number; the population of the
sentence's opening clause, or the category it opens on as its subject; for a share, the part its clause
names before 占 by what the part counts (道路运输事故…占全县的…); the administrative level
qualifying what is counted (省级, 区本级: :func:`.places.counted_level`); a counted noun after the
number; what the clause before counts, for a clause that measures it (人均…, 整改率 after 已整改…);
the topic of the sentence before; else the jurisdiction (全县, 全市 …).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import regex

from ...._data import rx
from ..context.windows import _CLAUSE_BREAK, _PAREN_REACH
from ..grammar.units import TABLES, unit_kind
from ..words.heads import _CONTINUES, _COUNT_NOUN, _HEADS, _MONEY_NOUN, _PEOPLE_HEAD, _RATE_NOUN, _in_order
from .places import OWN_BODY, alternative_level, counted_level, own_body
from .scope_hits import _RATE_ON, ScopeHitsMixin
from .scope_nouns import ScopeNounsMixin
from .scope_parts import _QZ_COLON, _WHOLE_REACH, ScopePartsMixin

if TYPE_CHECKING:
    from ....model import Document
    from ..words.vocab import Vocab

# kinds of unit (units.yaml) whose figure counts no noun written after it
_COUNTS_NOTHING = frozenset({"time", "percent", "points", "multiple", "age"})
_ACTION_LEAD = regex.compile(r"(?:" + "|".join(sorted(map(str, _HEADS["action_leads"]), key=len, reverse=True)) + ")")
_FIRST_QUANTITY = regex.compile(r"(?<![\d.])\d[\d.,]*(?![\d.,]*\s*(?:[年月日号]|(?:(?:至|到|-|—|～|~)\s*\d+\s*)?周?岁))")
# the measure words that end an indicator with no subject of its own ("月人均补差", "保障标准")
_BARE_MEASURE = regex.compile("(?:" + _in_order(_HEADS["bare_measures"]) + ")$")
# what may stand before a clause's subject besides the jurisdiction word: a date (全年, 年末, 1-6月)
_SUBJECT_NOT = regex.compile(r"[^全年末底上下半季度前后月\d\-—至当今]")
# what a breakdown by a criterion (从资金来源看，: vocab ``breakdown_criteria``) divides by, for its
# clauses to be parts (heads.yaml breakdown_dimensions; 从全年走势看 names none)
_DIMENSION = regex.compile("|".join(sorted(map(str, _HEADS["breakdown_dimensions"]), key=len, reverse=True)))
_LEAD_BEFORE = frozenset("，,；;：:。 \n")
# how far into its sentence a self-reference may stand to be its subject (after a date: 2026年1-9月，)
_DATE_REACH = 12
_PUNCT_GONE = str.maketrans("", "", "，, ")
_COUNTED = regex.compile(r"(?:\d|[一二三四五六七八九十两])[个名间家所户人]$")
# what a clause opens on when it goes on about what the clause before it counts (heads.yaml), and a share
_GOES_ON = regex.compile("(?:" + _in_order(_HEADS["continuations"] + _HEADS["goes_on"]) + ")")
_SHARE_OPEN = regex.compile(r"(?:仅|约|只)?占")
# an average over the things the clause before counts (units.yaml per_prefixes written with 均: 人均,
# 户均, 村均), and a rate's name opening a clause (整改率, 帮扶就业率)
_AVERAGE_OVER = regex.compile("(?:" + "|".join(sorted((p for p in TABLES.per_prefixes if "均" in p and not p.startswith("每")),
                                                       key=len, reverse=True)) + ")")
_RATE_NAME = regex.compile(r"(\p{Han}{2,8}?)率")
_COLON_AFTER = regex.compile(r"\s*[：:]")
# a comparison's reference right before a category, perhaps with the place it is of ("增速高于城镇居民…",
# "不低于本地城市低保标准的1.5倍"): the category is what the figure is measured against
_COMPARED_WITH = regex.compile(r"(?:高于|低于|快于|慢于|优于|超过)(?:当地|本地)?$")
# a clause naming a measure only, perhaps after a short qualifier (协议投资, 年度计划投资, 金额)
_MEASURE_CLAUSE = regex.compile(r"(\p{Han}{0,4}?)(投资|金额|资金|产值|收入|支出)(?:达到?|为|共|约)?")


class ScopeMixin(ScopeHitsMixin, ScopePartsMixin, ScopeNounsMixin):
    """The scope of a figure (:meth:`scope`), decided from the evidence its bases read: the hits of
    :mod:`.scope_hits`, the parts of :mod:`.scope_parts`, the nouns of :mod:`.scope_nouns`."""

    if TYPE_CHECKING:
        doc: Document
        v: Vocab
        whole: str
        partition_parts: frozenset[str]
        scoped: list[tuple[int, str]]

        def clause_start(self, o: int) -> int: ...
        def sentence_start(self, o: int) -> int: ...
        def paragraph_start(self, o: int) -> int: ...
        def outside_parens(self, a: int, b: int) -> list[tuple[int, int]]: ...
        def in_open_paren(self, o: int) -> bool: ...
        def phrase(self, cs: int, o: int) -> str: ...

    def scope(self, o: int, end: int, condition: str | None, unit: str = "") -> str:
        """The population or category of the figure at [o, end) in ``unit`` (see the module
        docstring), kept for the clauses after it that go on about it (:meth:`_goes_on`)."""
        found = self._decide_scope(o, end, condition, unit)
        bisect.insort(self.scoped, (o, found))
        return found

    def _decide_scope(self, o: int, end: int, condition: str | None, unit: str) -> str:
        """The scope of :meth:`scope`, by the rules of the module docstring."""
        if condition:
            return condition
        t = self.doc.text
        cs, ss = self.clause_start(o), self.sentence_start(o)
        # (a share of what the clause before counts is of that: "…37家，占企业总数的18.6%")
        share = _SHARE_OPEN.match(t, cs) is not None
        went_on = self._goes_on(ss, cs) if share else None
        if went_on:
            return went_on
        if rx(r"合计|共计|总计|总数").search(t[cs:o]) and not share:
            return self.whole
        # (the body's own whole named in the clause: "全年全县公共机构能源消费总量…" of a 机关事务 report;
        # the categories inside its name are no part of it)
        if self.v.whole and self.whole in t[cs:o]:
            return self.whole
        # (the issuing bureau speaking of itself, naming nothing narrower: "全局现有在编干部32人" counts the
        # 县审计局's staff, not the county's)
        body = self._own_body(ss, cs, o)
        if body:
            return body
        # (the people an action is done for, back to the sentence's start or a ；: "为358户义务兵家庭发放…")
        near = max(ss, cs - _PAREN_REACH, t.rfind("；", ss, cs) + 1, t.rfind(";", ss, cs) + 1)
        served = (self._beneficiaries(near, o, end) or self._addressed(near, o)) \
            if any(w in t[near:end] for w in "为向对") else None
        if served:
            return served
        # (a level and its alternative, 村（社区）: where the things counted are, not a time limit's)
        if ("（" in t[cs:end + 12] or "(" in t[cs:end + 12]) and unit_kind(unit) not in ("time", "age"):
            level = alternative_level(t, cs, o, end)
            if level:
                return level
        # (a category a comparison names is what the figure is measured against, not its own:
        # "…增长6.8%，增速高于城镇居民1.5个百分点" goes on about the 农村居民 before)
        terms = [x for x in self._scope_terms(cs, o, straddling=True) if not self._compared_with(cs, x[0])]
        if terms:
            joined = self._joined_categories(cs, o)
            return joined or self._members_of(cs, o, terms[-1]) or self._whole_category(cs, o, terms[-1])
        qualifier = self._qualifier(cs, o)
        if qualifier:
            return qualifier
        # (a list may open on "其中：": its first item is a clause of its own)
        # (an amount right after an item's count, of the measure its whole names: "其中亿元以上项目5个、协议
        # 投资9.6亿元" is the money of those 5 projects)
        measured = self._item_measure(ss, cs, o)
        if measured:
            return measured
        # (a list opened by "其中：" whose items are written apart with ；: each item opens on its part)
        segment = self._colon_item(ss, cs)
        clause_list = self.in_open_paren(o) or (t.startswith("其中", cs) and cs > ss) \
            or _QZ_COLON.search(t, max(ss, cs - 4), cs) is not None \
            or self.respective_parts(ss, cs) is not None or segment == cs
        if clause_list:
            label = self._part_label(cs, o)
            if label:
                return self.v.scope_names.get(label, label)
        # (the later clauses of such an item go on about its part: "…；大病救助120人次，发放救助金…")
        if segment is not None and segment < cs:
            i = bisect.bisect_left(self.scoped, (segment, ""))
            part = self.scoped[i][1] if i < len(self.scoped) and self.scoped[i][0] < cs else None
            if part and part != self.whole and part not in self.v.jurisdiction:
                return part
        label = self._lead_item(ss, cs, o)
        if label:
            return self.v.scope_names.get(label, label)
        among = self._among(ss, cs)
        if among:
            return among
        obj = self._object(cs, o)
        if obj:
            return obj
        outside = self.outside_parens(ss, cs)
        for a, b in reversed(outside):
            places = [x for x in self._scope_terms(a, b) if x[1] not in self.v.scopes.values() and x[1] not in self.v.scopes]
            if places:
                return places[-1][1]
        # a category right after the number ("1个公办机构")
        after = self._scope_terms(end, min(len(t), end + 12), places=False)
        if after and (after[0][0] == end or (after[0][0] == end + 1 and t[end] not in _CLAUSE_BREAK)):
            return after[0][1]
        # (a later item of a 其中 list names its own part, before the topic of the list's first item
        # could: "其中：安排工作27人，自主就业163人" — 163人 is 自主就业, not 安排工作)
        near = max(ss, cs - _PAREN_REACH)  # look-backs stay local: long sentences stay linear
        item = max(near, t.rfind("；", near, cs) + 1, t.rfind(";", near, cs) + 1)  # a ；ends a 其中 list
        qz = max((t.rfind("其中", max(a, item, ss), b) for a, b in outside), default=-1)
        # (a list whose items are joined by 、 ends at the next ，: "其中中型水库3座、小型水库52座，
        # 总库容2.37亿立方米" — 总库容 is no part)
        if qz >= 0 and cs > ss and t[cs - 1] in "，,、；;" \
                and not (t[cs - 1] in "，," and "、" in t[qz:cs - 1]):
            label = self._part_label(cs, o)
            if label:
                return self.v.scope_names.get(label, label)
        # a category in the sentence's opening clause (its topic) governs the later clauses:
        # "城镇居民最低生活保障标准由…提高到…，月人均补差由…提高到…"
        # (a 其中 starts a new topic: "其中建档立卡贫困人口中接受…154人次，发放…14.8万元")
        # (a ；ends a list item: "其中城市1个、农村1个；全县服务对象2人" starts anew)
        near = max(ss, cs - _PAREN_REACH)
        topic = max(ss, t.rfind("其中", near, cs), t.rfind("；", near, cs) + 1, t.rfind(";", near, cs) + 1)
        first = self._first_clause_end(topic, cs)
        # (a clause naming categories of its own inside its indicator's or program's name goes on
        # about one of them only — "…，企业职工基本养老保险参保人数突破58万人" is no figure of the
        # 灵活就业人员 before — and about none when one names a rate of the whole: "其中集中供养412人，
        # 集中供养率39.8%" is the rate of all 特困人员)
        found = self._categories_in(cs, o)  # (as scope_re.finditer(t, cs, o) finds them)
        own = [(m.group(), m.end()) for m in self.v.scope_re.finditer(t, cs, o)] if found is None \
            else [(t[a:b], b) for a, b in found]
        spans = [] if any(_RATE_ON.match(t, e) for _, e in own) else outside
        # (a clause naming an indicator of its own goes on about the topic's people, not about a lone
        # qualifier inside the name of the thing the first clause counts — "新增公办学位2760个，学前三年
        # 毛入园率达到95.2%" — while a topic listing several categories is what the clauses after it
        # go on about: "第一产业、第二产业、第三产业分别…，三次产业结构调整为…")
        named = cs > topic and self.v.indicator_re is not None and self._names_indicator(cs, o)
        for a, b in reversed(spans):
            # (a population — a part of a partition such as 城镇/农村, or people — is what the later
            # clauses go on about, and so is the category the first clause opens on as its subject:
            # "全年规模以上工业企业实现营业收入…，实现利润总额…"; a topic noun such as 重大事故隐患
            # in the object of an action is what the first clause counts)
            # (an area inside the object of an action is no topic: "实施城区段防洪提升…"; the people
            # an action serves are: "开展困境儿童关爱服务，…走访1,500人次")
            terms = [x for x in self._scope_terms(max(a, topic), min(b, first))
                     if not _COUNTED.search(t[max(ss, x[0] - 3):x[0]])
                     and (self.v.scopes.get(x[1], x[1]) in self.partition_parts or _PEOPLE_HEAD.search(x[1])
                          or self._subject(x[0]))
                     and not (_ACTION_LEAD.match(t, max(a, topic), x[0]) and not _PEOPLE_HEAD.search(x[1]))
                     and not self._compared_with(max(a, topic), x[0])
                     and not self._among_places(x[0])]
            if own:
                terms = [x for x in terms if any(self.v.scopes[w] == self.v.scopes.get(x[1], x[1]) for w, _ in own)]
            elif named and len({x[1] for x in terms}) == 1:
                terms = [x for x in terms if _PEOPLE_HEAD.search(x[1]) or self._subject(x[0])
                         and not (first - x[0] <= 12 and not any(c in _CLAUSE_BREAK for c in t[x[0]:first]))]
            if terms:
                # (kept whole as the first clause keeps it: "…规模以上农产品加工企业达到…家，实现营业收入…")
                return self._whole_category(self.clause_start(terms[-1][0]), first, terms[-1])
        # (not a comparison with a jurisdiction: "增速高于全市平均水平0.8个百分点")
        went_on = self._goes_on(ss, cs) if (_GOES_ON.match(t, cs) or self._measures_before(cs, o)) \
            and not any(w in t[cs:o] for w in self.v.jurisdiction) else None
        if went_on:
            return went_on
        # (a share of the part its clause names before 占: "道路运输事故占全部事故的…")
        part = self._part_before_share(cs, o) if unit_kind(unit) == "percent" else None
        if part:
            return part
        # (the level what the figure counts is qualified by: "新认定省级农业产业化龙头企业7家" → 省级)
        level = counted_level(t, cs, o)
        if level:
            return level
        # (a duration, a rate or a multiple counts nothing: "12小时内报告县应急管理局办公室")
        counted = self._counted_noun(end) if unit_kind(unit) not in _COUNTS_NOTHING else None
        if counted:
            return counted  # "全市53家危险化学品生产经营企业": the category counted
        clause = t[cs:o]
        if "全" in clause:  # (every word looked for opens on 全: most clauses hold none)
            for w in self.v.jurisdiction:
                if w in clause and w.startswith("全"):
                    return w  # "全市实施…" in the figure's own clause
        carried = self._carried_topic(ss, cs, o)
        return carried or self.whole

    def _own_body(self, ss: int, cs: int, o: int) -> str | None:
        """The issuing body, for a figure its report counts of the body itself: a self-reference (我局,
        全办, 我院: places.yaml own_body) in the figure's clause, or opening its sentence when the figure's
        clause is a part or a share of what it counted ("全局现有在编干部32人，其中…的19人，占59.4%"), with
        nothing narrower named after it — no category, place or jurisdiction word ("我院承担全镇14个行政村"
        counts the township's).  The body's file may name it (全院: its whole); None for an issuer that
        names no such body."""
        t = self.doc.text
        own = OWN_BODY.search(t, cs, o)
        comma = max(t.rfind("，", ss, o), t.rfind(",", ss, o)) + 1  # (its clause, though 、 lists inside it)
        if own is None and cs > ss and (t.startswith("其中", max(ss, comma)) or _SHARE_OPEN.match(t, cs)):
            # (a clause that goes on about what the sentence's subject counted — a part of it or its share:
            # "全局现有在编干部32人，其中…职称的19人，占59.4%" — when that subject, after no more than a date, is
            # the body itself; its later acts and their rates may be the jurisdiction's)
            opening = OWN_BODY.search(t, ss, min(ss + _DATE_REACH, cs))
            if opening is None or _SUBJECT_NOT.search(t[ss:opening.start()].translate(_PUNCT_GONE)) \
                    or any(c in t[opening.end():cs] for c in "：:；;"):
                return None
            own = opening
        if own is None or self._scope_terms(own.end(), o) or any(w in t[own.end():o] for w in self.v.jurisdiction):
            return None
        if own.group() in self.v.jurisdiction:
            return self.whole  # (the body's file names its whole so: 全院 of a hospital)
        return own_body(self.doc.metadata.issuer or "", own.group()) or None

    def _compared_with(self, lo: int, s: int) -> bool:
        """Whether the category at ``s`` is the reference of a comparison written right before it
        (no further back than ``lo``): "增速高于城镇居民2.1个百分点", "按不低于本地城市低保标准的1.5倍核定"
        measure the figure against that category, which is not the figure's own, in its clause or as
        the topic of the clauses after it ("…的1.5倍核定，目前为每人每月1120元" is no 城市 figure)."""
        return _COMPARED_WITH.search(self.doc.text, max(lo, s - 4), s) is not None

    def _item_measure(self, ss: int, cs: int, o: int) -> str | None:
        """The part of the figure right before, for a clause that only measures it with the measure the
        whole before the list's cue names (其中, 从…看): "…协议总投资12亿元，其中亿元以上项目4个、协议投资
        9.6亿元" → the part of 4个 (亿元以上项目), "…，其中：续建项目20个，年度计划投资…" → 续建项目; the
        clause's words are the measure alone (投资, 金额) or a qualifier the whole's measure carries too
        (协议, 年度计划: 协议总投资, 年度计划投资)."""
        t = self.doc.text
        m = _MEASURE_CLAUSE.fullmatch(t, cs, o)
        # (after a count: an amount after an amount is another measure of the whole, 收入…、支出…)
        if m is None or cs <= ss or t[cs - 1] not in "、，," or t[cs - 2:cs - 1] == "元":
            return None
        cue = t.rfind("其中", ss, cs)
        pat = self.v.breakdown_criterion_re
        if pat is not None:
            cue = max([cue] + [c.start() for c in pat.finditer(t, ss, cs)])
        if cue < 0:
            return None
        qualifier, measure = m.group(1), m.group(2)
        before = t[max(self.sentence_start(max(0, ss - 1)), cue - _WHOLE_REACH):cue]
        if qualifier and regex.search(regex.escape(qualifier) + "总?" + regex.escape(measure), before) is None:
            return None
        i = bisect.bisect_left(self.scoped, (cs, "")) - 1
        if i < 0 or self.scoped[i][0] <= cue:
            return None
        found = self.scoped[i][1]
        return None if found == self.whole or found in self.v.jurisdiction else found

    def _colon_item(self, ss: int, cs: int) -> int | None:
        """Where the item holding the clause at ``cs`` starts, in a list opened by "其中：" whose items are
        written apart with ； ("其中：续建项目20个，计划投资…；新开工项目12个，计划投资…"), from its second
        item on (the first is read as the clause after "其中："); None elsewhere."""
        t = self.doc.text
        k = t.rfind("其中", ss, cs)
        if k < 0 or _COLON_AFTER.match(t, k + 2) is None:
            return None
        start = max(t.rfind("；", k, cs), t.rfind(";", k, cs))
        return start + 1 if start > k else None

    def _goes_on(self, ss: int, cs: int) -> str | None:
        """The category of the last figure before the clause at ``cs`` in its sentence, for a clause
        that goes on about it with no category of its own (heads.yaml continuations, goes_on:
        "…排查消防隐患3,618处，已整改3,547处", "…企业9户，增长12.5%"); None when that figure is of
        the whole jurisdiction."""
        i = bisect.bisect_left(self.scoped, (cs, "")) - 1
        if i < 0 or self.scoped[i][0] < ss or cs <= ss:
            return None
        # (after the items of a list the clause goes on about their whole: "其中…类213件、…类402件；
        # 已化解1318件", "（其中道路运输事故2起、建筑施工事故1起），死亡2人")
        c = self.clause_start(self.scoped[i][0])
        if self.doc.text[c - 1:c] == "、" or "、" in self.doc.text[c:cs]:
            return None
        found = self.scoped[i][1]
        # (a scope read as a measure is no category to go on about: …问题金额3.86亿元，…增长15.2%)
        measure = _MONEY_NOUN.search(found) or _RATE_NOUN.search(found) or _COUNT_NOUN.search(found)
        return None if found == self.whole or found in self.v.jurisdiction or measure else found

    def _measures_before(self, cs: int, o: int) -> bool:
        """Whether the clause at ``cs`` measures what the clause before it counts, naming nothing of
        its own: an average over those things ("救助受灾群众3,120人，人均699元", units.yaml per_prefixes
        with 均) or a rate named by the word of that clause ("已整改2,395条，整改率97.4%", "已签约6.4万人，
        签约率81.2%"), unless a part of a whole comes before it in its sentence (其中持证社工118名，持证率…:
        the part's share of the whole) or the rate names a category (集中供养率)."""
        t = self.doc.text
        if _AVERAGE_OVER.match(t, cs):
            return True
        m = _RATE_NAME.match(t, cs, o)
        if m is None or self.v.scope_re.search(t, cs, m.end()) is not None:
            return False
        before = self.clause_start(cs - 1)
        return cs > before and "其中" not in t[self.sentence_start(cs):cs] and m.group(1)[-2:] in t[before:cs]

    def _lead_item(self, ss: int, cs: int, o: int) -> str | None:
        """The part a clause of a breakdown's list names, when a breakdown lead opens the list in
        its sentence ("从资金来源看，…，地方政府专项债券3.80亿元" → 地方政府专项债券); a clause that goes
        on about the part before it ("…发生事故9起、死亡7人") names that part."""
        t = self.doc.text
        pat = self.v.breakdown_criterion_re
        if pat is None or not ("看" in t[ss:cs] or "分" in t[ss:cs]):
            return None
        leads = [m.end() for m in pat.finditer(t, ss, cs) if _DIMENSION.search(m.group())
                 and (m.start() == ss or t[m.start() - 1] in _LEAD_BEFORE)]
        if not leads:
            return None
        c, q = cs, o
        while c >= leads[-1]:
            if not _CONTINUES.match(t, c):
                label = self._part_label(c, q)
                return None if not label or "分别" in label else label
            c = self.clause_start(c - 1)
            m = _FIRST_QUANTITY.search(t, c, q)
            if m is None:
                return None
            q = m.start()
        return None

    def _subject(self, s: int) -> bool:
        """Whether the category at ``s`` opens its clause, after no more than a date or the
        jurisdiction word (全年全市规模以上工业增加值…, 年末规模以上工业企业…): the clause's subject."""
        t = self.doc.text
        c = self.clause_start(s)
        if t[c - 1:c] == "、" or self._listed_after(s):
            return False  # an item of a list (工业源、移动源、扬尘源…) is no subject
        prefix = t[c:s]
        for w in self.v.jurisdiction:
            prefix = prefix.replace(w, "")
        return len(prefix) <= 3 and not _SUBJECT_NOT.search(prefix)

    def _among_places(self, s: int) -> bool:
        """Whether the category hit at ``s`` is one item of a list joined by 、 whose other items are
        no known categories (深入机关、学校、农村、社区、企业开展宣讲): the places an activity reaches,
        not a population the clauses after it go on about."""
        t = self.doc.text
        i = bisect.bisect_left(self.scope_hit_starts, s)
        if i >= len(self.scope_hits) or self.scope_hits[i][0] != s:
            return False
        e = self.scope_hits[i][1]
        before, after = t[s - 1:s] == "、", t[e:e + 1] == "、"
        if not (before or after):
            return False
        # (a list of known categories is one population: 城镇、农村居民; 特困人员、低保对象)
        near = [h for h in self.scope_hits[max(0, i - 1):i + 2] if h[0] != s
                and (h[1] == s - 1 or h[0] == e + 1)]
        return not near

    def _listed_after(self, s: int) -> bool:
        """Whether the category hit starting at ``s`` is followed by 、 or 等 (an item of a list)."""
        i = bisect.bisect_left(self.scope_hit_starts, s)
        end = self.scope_hits[i][1] if i < len(self.scope_hits) and self.scope_hits[i][0] == s else s
        return self.doc.text[end:end + 1] in ("、", "等")

    def _carried_topic(self, ss: int, cs: int, o: int) -> str | None:
        """The category of the sentence before, for a sentence that goes on about it without a
        subject of its own: "农村居民最低生活保障标准由…提高到…元。月人均补差由…提至…元。" (the
        second sentence opens on a bare indicator, in the same paragraph)."""
        t = self.doc.text
        if cs != ss or ss <= self.paragraph_start(o):
            return None  # only a sentence's opening clause, and not a paragraph's first sentence
        ph = self.phrase(cs, o)
        if not ph or self.v.alias_re.search(ph) or self.v.scope_re.search(ph) \
                or any(w in ph for w in self.v.jurisdiction):
            return None  # the sentence names its own program, category or the whole jurisdiction
        named = self.v.indicator_re is not None and self.v.indicator_re.search(ph)
        if not (named or _RATE_NOUN.search(ph) or _MONEY_NOUN.search(ph) or _BARE_MEASURE.search(ph)):
            return None  # only a bare indicator goes on; a noun of its own is a new subject
        ps = self.sentence_start(ss - 1)
        first = self._first_clause_end(ps, ss)
        terms = [x for x in self._scope_terms(ps, first, places=False)
                 if not _COUNTED.search(t[max(ps, x[0] - 3):x[0]])]
        return terms[-1][1] if terms else None

    def _first_clause_end(self, ss: int, limit: int) -> int:
        """The end of the sentence's topic: up to its first quantity (dates do not count), at most
        ``limit``."""
        m = _FIRST_QUANTITY.search(self.doc.text, ss, limit)
        return m.start() if m else limit
