"""Scope of a figure: the population, category or place it counts, and the jurisdiction.

:class:`ScopeMixin` gives the labeller (:class:`.labels.Labeller`) its scope methods.  The rules
of :meth:`~ScopeMixin.scope`, first that applies: an age or similar condition written before the
number; a total word (合计) names the whole jurisdiction; a known category in the clause (kept
whole when it heads the things counted); a category qualifying a known indicator; a part label
inside a breakdown "（城镇…，农村…）", a 其中 list or a 分别为 list; the counted category a
sentence narrows to with 中; a township named in the sentence; a category right after the
number; the population of the sentence's opening clause; a counted noun after the number; the
topic of the sentence before; else the jurisdiction (全县, 全市 …).  The 分别 lists' items
(categories, programs, indicators) are read here too.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from ..._data import package_yaml, rx
from .heads import (
    _CATEGORY_END,
    _CATEGORY_HEAD,
    _COUNT_NOUN,
    _HEADS,
    _MONEY_NOUN,
    _QUOTES,
    _RATE_NOUN,
    _heads,
)
from .metrics import metric_rules
from .units import TABLES, unit_kind
from .vocab import _bureau_words

if TYPE_CHECKING:
    from ...model import Document
    from .mentions import _Mention
    from .vocab import Vocab


_ITEM_BREAK = regex.compile(r"[；;。！？]")
# kinds of unit (units.yaml) whose figure counts no noun written after it
_COUNTS_NOTHING = frozenset({"time", "percent", "points", "multiple", "age"})
# what may follow the 中 of "14个乡镇卫生院中": a pause or the start of the narrowed count
_AMONG_AFTER = regex.compile(r"[，,：:]|已|有|共|达到|建成|完成|[0-9]")
_PAREN_ANY = regex.compile(r"[（(][^）)]*[）)]")
_CLAUSE_BREAK = "，,；;：:、。！？!?（(）)\n"
# A township or street named in the text (九陂镇, 城关街道): a scope; not 城镇/乡镇/各镇, nor
# 我镇/本镇 inside a phrase (汛期我镇…).
_PLACE = regex.compile(r"(?<![各全本我该每在])[\p{Han}--[各每全本我该在对到放组织的了和与向从为至及等个新建有下]]"
                       r"[\p{Han}--[城乡市县区各每全本我该此到放织的了和与向从为至及]](?:镇|街道)(?![长政干村民区])", regex.V1)



def _places(text: str) -> list[regex.Match[str]]:
    """``_PLACE.finditer(text)``, tried only where a match can start: two characters before each
    镇 or 街道 (a Han class with exclusions tried at every position costs half a millisecond
    per page; the matches are the same, leftmost and non-overlapping)."""
    starts: list[int] = []
    for word in ("镇", "街道"):
        i = text.find(word, 2)
        while i >= 0:
            starts.append(i - 2)
            i = text.find(word, i + 1)
    starts.sort()
    out: list[regex.Match[str]] = []
    end = 0
    for s in starts:
        if s >= end:
            m = _PLACE.match(text, s)
            if m is not None and not _quoted(text, m.start(), m.end()) and m.group()[:2] not in _not_place_names():
                end = m.end()
                out.append(m)
    return out


@lru_cache(maxsize=1)
def _not_place_names() -> frozenset[str]:
    """Verbs that stand before a level word 镇/街道 and name no place (落实镇领导…, ``data/places.yaml``)."""
    return frozenset(package_yaml("gongwen.extract", "data/places.yaml")["not_names"])


def _quoted(text: str, a: int, b: int) -> bool:
    """Whether [a, b) stands inside a short quotation (a slogan: “产业强镇、平安稳镇”)."""
    left = max(text.rfind("“", max(0, a - 24), a), text.rfind('"', max(0, a - 24), a))
    if left < 0 or "”" in text[left:a] or "\n" in text[left:a]:
        return False
    right = text.find("”", b, b + 24)
    right = right if right >= 0 else text.find('"', b, b + 24)
    return right >= 0 and "\n" not in text[b:right]



# A category that directly follows a count ("11个社区居委会") describes that count, not the sentence.
# A breakdown part's label names a group, never an action or a hedge ("发放资金近", "帮助").
# (an activity is no part of a whole: "变更登记业务14个", "正办理申请成立登记5个", "…保险参保5.84万人")
_NOT_A_LABEL = regex.compile(r"^(?:发放|支出|拨付|投入|实施|开展|完成|帮助|组织|安排|落实|累计|共计|合计|追发|追回|补发|占|正|折合|相当于)"
                             r"|(?:近|约|超过|逾|达到|达|参保|登记|业务|办理)$"
                             r"|同比|比上年|较上年|增长|下降|提高|减少|上半年|下半年|全年|\d")
_VERBISH = regex.compile(r"^(?:新建|新增|建成|完成|实现|开展|累计|发放|全年|共|其中|各类|主要|确保|力争|公开|招聘|组织|检查|现场|改善|按时)"
                         r"|[的了着为与和及、]")

_THING_HEAD = _heads("thing_heads")
_MEASURE_TAIL = _heads("measure_tails")
_ACTION_LEAD = regex.compile(r"(?:" + "|".join(sorted(map(str, _HEADS["action_leads"]), key=len, reverse=True)) + ")")
_PAREN_REACH = 2000  # a parenthetical aside is never longer than this
# an action before a part or after it is no part of its name ("接待过夜游客", "公路建设完成投资")
_PART_ACTION = regex.compile("^(?:" + "|".join(map(str, _HEADS["part_actions"]["before"])) + ")|(?:"
                             + "|".join(map(str, _HEADS["part_actions"]["after"])) + ")$")
# a list opened by "其中：" (its items are the parts of the whole before it)
_QZ_COLON = rx(r"其中\s*[：:]\s*$")
_COUNTED_NOUN = regex.compile(r"[\p{Han}]{2,14}")
# a per-population word (每千名老年人): what follows defines a rate
_PER_POPULATION = regex.compile("|".join(sorted(TABLES.per_population, key=len, reverse=True)) or r"(?!)")
# characters that end the noun phrase right after a count (a passive, a copula, a particle, an adverb)
_NOUN_STOP = regex.compile(r"[被为是的在将把对向并已均都全]")
_FIRST_QUANTITY = regex.compile(r"(?<![\d.])\d[\d.,]*(?![\d.,]*\s*(?:[年月日号]|(?:(?:至|到|-|—|～|~)\s*\d+\s*)?周?岁))")
_PEOPLE_HEAD = _heads("people_heads")
_PER_HEAD = _heads("per_head", end=False)
_RATE_ON = rx(r"化?率")
_PEOPLE_END = _heads("people_heads", end=False)
_PEOPLE_STOP = regex.compile(r"[被为是在将把对向并已均都全，。]")
_VERB_LEAD = regex.compile(r"(?:新建|新增|建成|完成|实现|开展|累计|发放|共|其中|确保|力争|享受|参加|参保|实施|办理|提供|帮助|落实|组织)")
_OBJECT = regex.compile("(?:" + "|".join(sorted(map(str, _HEADS["object_verbs"]), key=len, reverse=True))
                        + r")([\p{Han}（）()]{3,12})$")
_AGE_GROUP = regex.compile(r"(?<![0-9])[0-9]{1,3}\s*(?:(?:至|到|-|—|～|~)\s*[0-9]{1,3}\s*)?周?岁(?:及以上|及以下|以上|以下)?的?(?:"
                           + "|".join(sorted(map(str, _HEADS["people_heads"]), key=len, reverse=True)) + ")")
# the measure words that end an indicator with no subject of its own ("月人均补差", "保障标准")
_BARE_MEASURE = regex.compile(r"(?:标准|补差|补助|金额|水平)$")


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


# what joins two categories into one population ("社会散居孤儿和事实无人抚养儿童")
_JOINERS = frozenset(("和", "及", "与", "、", "以及"))

_COUNTED = regex.compile(r"(?:\d|[一二三四五六七八九十两])[个名间家所户人]$")


class ScopeMixin:
    """The scope methods of :class:`.labels.Labeller` (which provides the attributes below)."""

    if TYPE_CHECKING:
        doc: Document
        v: Vocab
        mentions: list[_Mention]
        mention_starts: list[int]
        quantity_ends: list[int]
        whole: str
        partition_parts: frozenset[str]

        def clause_start(self, o: int) -> int: ...
        def sentence_start(self, o: int) -> int: ...
        def paragraph_start(self, o: int) -> int: ...
        def outside_parens(self, a: int, b: int) -> list[tuple[int, int]]: ...
        def in_open_paren(self, o: int) -> bool: ...
        def phrase(self, cs: int, o: int) -> str: ...

    def _find_scope_hits(self, scope_hits: list[regex.Match[str]], indicator_hits: list[regex.Match[str]]) -> None:
        """Every category and place named in the text, found once (scope look-ups slice these)."""
        doc, vocab = self.doc, self.v
        text = doc.text
        # a category inside a longer program or indicator name is part of that name (城镇 in
        # 城镇新增就业, 婴儿 in 婴儿死亡率), unless it splits a whole (城市 in 城市低保)
        self.indicator_spans = [(m.start(), m.end()) for m in indicator_hits]
        self.indicator_starts = [x[0] for x in self.indicator_spans]
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
        hits = [(m.start(), m.end(), self._scope_name(m.group(), m.end()), False) for m in scope_hits
                if (vocab.scopes[m.group()] in parts and m.end() in program_starts)  # 农村|特困人员
                or not (self._in_indicator(m.start(), m.end()) or self._in_program_name(m.start(), m.end()))
                or (vocab.scopes[m.group()] in parts and not self._in_program_name(m.start(), m.end(), m.group())
                    and (not self._in_indicator(m.start(), m.end()) or self._in_program_name(m.start(), m.end())))]
        # (the report's own township is the whole jurisdiction, not a part of it: 石桥镇 in 石桥镇人民政府's report)
        own = (doc.metadata.issuer or "") + (doc.metadata.title or "")
        hits += [(m.start(), m.end(), m.group(), True) for m in _places(text) if m.group() not in own]
        # an age-bounded population is a category of its own (60周岁以上老年人, 80至89周岁老人)
        taken = {h[0] for h in hits}
        # (not the last band of a list of bands: "80至89周岁、90至99周岁和100周岁以上老年人…分别")
        hits += [(m.start(), m.end(), rx(r"\s+").sub("", m.group()), False) for m in _AGE_GROUP.finditer(text)
                 if m.start() not in taken and "岁" not in text[max(0, m.start() - 12):m.start()]] \
            if "岁" in text else []
        hits.sort()
        self.scope_hits = hits
        self.scope_hit_starts = [h[0] for h in hits]

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

    def _jurisdiction(self) -> str:
        """The word for the whole jurisdiction: 全县 for a 县 bureau, 全区, 全市 …"""
        issuer = self.doc.metadata.issuer or self.doc.metadata.title or ""
        # the place comes before the bureau's own name, which may hold 城乡 or 市场: cut at the
        # first bureau word (the vocabularies' issuer words), then take the last administrative level
        cut = min((issuer.find(w) for w in _bureau_words() if w in issuer), default=len(issuer))
        # (the bureau word may itself open on the level: 枫林|街道办事处, 石桥|镇人民政府)
        m = rx(r"(街道|[镇乡])").match(issuer, cut) \
            or rx(r"(街道|[省市县区州旗盟镇乡])(?:[^省市县区州旗盟镇乡]{0,12})$").search(issuer[:cut])
        if m:
            return "全" + m.group(1)
        counts = {w: self.doc.text.count(w) for w in self.v.jurisdiction if w.startswith("全")}
        best = max(counts, key=lambda w: counts[w], default="全市")
        return best if counts.get(best) else (self.v.jurisdiction[0] if self.v.jurisdiction else "全市")

    # -- scope ----------------------------------------------------------------------------------------
    def _scope_terms(self, a: int, b: int, places: bool = True) -> list[tuple[int, str]]:
        """Known categories (and, with ``places``, township names such as 九陂镇) in [a, b)."""
        i = bisect.bisect_left(self.scope_hit_starts, a)
        out: list[tuple[int, str]] = []
        hits = self.scope_hits
        while i < len(hits) and hits[i][0] < b:
            s, e, name, place = hits[i]
            if e <= b and (places or not place):
                out.append((s, name))
            i += 1
        return out

    def _part_label(self, cs: int, o: int) -> str | None:
        """The label of a breakdown part: the clause text before the number, trimmed."""
        t = self.doc.text
        label = rx(r"[（(][^）)]*[）)]").sub("", t[cs:o])
        label = rx(r"^(?:其中|分别为|分别是|包括|含|共有|共|有|现有)+").sub("", label)
        # an action before the part or after it is no part of its name ("接待过夜游客", "公路建设完成")
        label = _PART_ACTION.sub("", label)
        # drop trailing program words and generic nouns ("城镇低保" → "城镇", "站内救助" → "站内")
        for _ in range(2):
            if any(label.startswith(c) and len(label) > len(c) for c in self.v.scope_cues):
                break  # "纳入低保": the program word names the category
            m = self.v.alias_re.search(label)
            trail = rx(r"(?:救助|人员|人数|对象|为|达|共|有|计)$").search(label)
            if m and m.end() == len(label) and m.start() > 0 and not _CATEGORY_HEAD.search(m.group()):
                label = label[: m.start()]  # (a program named by the things it runs stays: 中型水库)
            elif trail and (trail.start() >= 3 or trail.start() > 0 and trail.group() != "人员"):
                label = label[: trail.start()]  # ("医务人员" stays: 医务 is no category)
        if _NOT_A_LABEL.search(label) or _PER_POPULATION.search(label):
            return None  # (每千名老年人拥有养老床位: a rate's definition, not a part of a whole)
        label = _PART_ACTION.sub("", rx(r"^(?:已|对)").sub("", label)).strip(" 的")
        tail = _MEASURE_TAIL.search(label)
        if tail and tail.start() >= 2:
            label = label[: tail.start()]  # "县级医院床位" counts beds of the part 县级医院
        if not label or len(label) > 14 or rx(r"\d").search(label):
            return None
        if _RATE_NOUN.search(label) or _MONEY_NOUN.search(label) or _QUOTES.search(label):
            return None  # what is measured (按时办结率, 失业保险费), not a part of a whole
        return label

    def scope(self, o: int, end: int, condition: str | None, unit: str = "") -> str:
        """The population or category of the figure at [o, end) in ``unit`` (see the module
        docstring)."""
        if condition:
            return condition
        t = self.doc.text
        cs, ss = self.clause_start(o), self.sentence_start(o)
        if rx(r"合计|共计|总计|总数").search(t[cs:o]):
            return self.whole
        terms = self._scope_terms(cs, o)
        if terms:
            joined = self._joined_categories(cs, o)
            return joined or self._whole_category(cs, o, terms[-1])
        qualifier = self._qualifier(cs, o)
        if qualifier:
            return qualifier
        # (a list may open on "其中：": its first item is a clause of its own)
        clause_list = self.in_open_paren(o) or (t.startswith("其中", cs) and cs > ss) \
            or _QZ_COLON.search(t, max(ss, cs - 4), cs) is not None \
            or self.respective_parts(ss, cs) is not None
        if clause_list:
            label = self._part_label(cs, o)
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
        # a category in the sentence's opening clause (its topic) governs the later clauses:
        # "城镇居民最低生活保障标准由…提高到…，月人均补差由…提高到…"
        # (a 其中 starts a new topic: "其中建档立卡贫困人口中接受…154人次，发放…14.8万元")
        # (a ；ends a list item: "其中城市1个、农村1个；全县服务对象2人" starts anew)
        near = max(ss, cs - _PAREN_REACH)
        topic = max(ss, t.rfind("其中", near, cs), t.rfind("；", near, cs) + 1, t.rfind(";", near, cs) + 1)
        first = self._first_clause_end(topic, cs)
        # (a clause naming categories of its own inside its indicator's or program's name goes on
        # about one of them only — "…，企业职工基本养老保险参保人数突破69万人" is no figure of the
        # 灵活就业人员 before — and about none when one names a rate of the whole: "其中集中供养412人，
        # 集中供养率39.8%" is the rate of all 特困人员)
        own = [(m.group(), m.end()) for m in self.v.scope_re.finditer(t, cs, o)]
        spans = [] if any(_RATE_ON.match(t, e) for _, e in own) else outside
        # (a clause naming an indicator of its own goes on about the topic's people, not about a lone
        # qualifier inside the name of the thing the first clause counts — "新增公办学位3330个，学前三年
        # 毛入园率达到95.2%" — while a topic listing several categories is what the clauses after it
        # go on about: "第一产业、第二产业、第三产业分别…，三次产业结构调整为…")
        named = cs > topic and self.v.indicator_re is not None and self.v.indicator_re.search(t, cs, o) is not None
        for a, b in reversed(spans):
            # (a population — a part of a partition such as 城镇/农村, or people — is what the later
            # clauses go on about; a topic noun such as 重大事故隐患 is what the first clause counts)
            # (an area inside the object of an action is no topic: "实施城区段防洪提升…"; the people
            # an action serves are: "开展困境儿童关爱服务，…走访1,500人次")
            terms = [x for x in self._scope_terms(max(a, topic), min(b, first))
                     if not _COUNTED.search(t[max(ss, x[0] - 3):x[0]])
                     and (self.v.scopes.get(x[1], x[1]) in self.partition_parts or _PEOPLE_HEAD.search(x[1]))
                     and not (_ACTION_LEAD.match(t, max(a, topic), x[0]) and not _PEOPLE_HEAD.search(x[1]))]
            if own:
                terms = [x for x in terms if any(self.v.scopes[w] == self.v.scopes.get(x[1], x[1]) for w, _ in own)]
            elif named and len({x[1] for x in terms}) == 1:
                terms = [x for x in terms if _PEOPLE_HEAD.search(x[1])
                         or not (first - x[0] <= 12 and not any(c in _CLAUSE_BREAK for c in t[x[0]:first]))]
            if terms:
                return terms[-1][1]
        near = max(ss, cs - _PAREN_REACH)  # look-backs stay local: long sentences stay linear
        item = max(near, t.rfind("；", near, cs) + 1, t.rfind(";", near, cs) + 1)  # a ；ends a 其中 list
        qz = max((t.rfind("其中", max(a, item, ss), b) for a, b in outside), default=-1)
        # (a list whose items are joined by 、 ends at the next ，: "其中中型水库4座、小型水库64座，
        # 总库容2.37亿立方米" — 总库容 is no part)
        if qz >= 0 and cs > ss and t[cs - 1] in "，,、；;" \
                and not (t[cs - 1] in "，," and "、" in t[qz:cs - 1]):
            label = self._part_label(cs, o)
            if label:
                return self.v.scope_names.get(label, label)
        # (a duration, a rate or a multiple counts nothing: "24小时内报告县安委会办公室")
        counted = self._counted_noun(end) if unit_kind(unit) not in _COUNTS_NOTHING else None
        if counted:
            return counted  # "全市68家危险化学品生产经营企业": the category counted
        clause = t[cs:o]
        if "全" in clause:  # (every word looked for opens on 全: most clauses hold none)
            for w in self.v.jurisdiction:
                if w in clause and w.startswith("全"):
                    return w  # "全市实施…" in the figure's own clause
        carried = self._carried_topic(ss, cs, o)
        return carried or self.whole

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

    def _among(self, ss: int, cs: int) -> str | None:
        """The counted category a sentence narrows to with 中 before the figure's clause: "全县14个
        乡镇卫生院中，达到国家推荐标准的5个" → 乡镇卫生院 (the later counts are of those)."""
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
            if s < cs or place or e > hits[j][0] or not (gap == "" or gap in _JOINERS):
                break
            # (an institution right before a category names where that category is counted, not one
            # population with it: "幼儿园在园幼儿" counts the 在园幼儿 of 幼儿园)
            if gap == "" and _THING_HEAD.search(t[s:e]) and not _PEOPLE_HEAD.search(t[s:e]):
                break
            j -= 1
        if j == i or "分别" in t[last_end:o]:
            return None
        return t[hits[j][0]:last_end]

    def _whole_category(self, cs: int, o: int, term: tuple[int, str]) -> str:
        """A known category kept whole when it heads the things the figure counts: "小型水库64座" →
        小型水库, "规模以上农产品加工企业达到486家" → 规模以上农产品加工企业, "农村适龄妇女" → 农村适龄妇女;
        a category that qualifies an indicator or a program stays as named ("城镇低保416户" → 城镇,
        "城市社区养老服务设施覆盖率" → 城市)."""
        s, name = term
        ph = self.phrase(cs, o)
        k = self.doc.text.rfind(ph, cs, o) if ph else -1
        if k < 0 or not (k <= s < k + len(ph)) or len(ph) > 14 or ph == self.doc.text[s:s + len(ph)] and ph in self.v.scopes:
            return name
        if not _THING_HEAD.search(ph) or _VERBISH.search(ph) or _NOT_A_LABEL.search(ph) \
                or self.v.alias_re.search(ph) or _RATE_NOUN.search(ph) or _COUNT_NOUN.search(ph) \
                or (self.v.indicator_re is not None and self.v.indicator_re.search(ph)):
            return name
        return ph

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

    def _counted_noun(self, end: int) -> str | None:
        """The category noun a count is of, written right after it ("11间乡镇敬老院"), when it is
        a short noun ending in a category head (院, 企业, 学校 …)."""
        t = self.doc.text
        m = _COUNTED_NOUN.match(t, end, min(len(t), end + 14))
        if not m:
            return None
        word = _NOUN_STOP.split(m.group(), 1)[0]  # "4所学校被评为…示范校": the noun ends before 被
        heads = [h.end() for h in _CATEGORY_END.finditer(word)]
        if heads and heads[-1] >= 2:
            return word[: heads[-1]]
        # the people a head-count is of, a qualifier with 的 included ("为8,635名有需求的持证残疾人提供…");
        # a 的 right after the count makes the count the size of what follows ("5至10人的儿童关爱志愿服务队")
        word = _PEOPLE_STOP.split(m.group(), 1)[0]
        if word.startswith("的"):
            return None
        heads = [h.end() for h in _PEOPLE_END.finditer(word)]
        return word[: heads[-1]] if heads and heads[-1] >= 2 and not _VERB_LEAD.match(word) else None

    def _first_clause_end(self, ss: int, limit: int) -> int:
        """The end of the sentence's topic: up to its first quantity (dates do not count), at most
        ``limit``."""
        m = _FIRST_QUANTITY.search(self.doc.text, ss, limit)
        return m.start() if m else limit

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
        if whole is not None and len(q) < whole.end() < ms[-1].end() and whole.group().startswith(q):
            return self.v.scope_names[whole.group()]  # "规模以上工业增加值": 规模以上工业, not 规模以上
        if q in self.v.scopes:
            # a category of the things counted is kept whole ("小型水库64座" → 小型水库); of a
            # rate or an amount it is the category ("医院病床使用率" → 医院)
            whole = ph[: ms[-1].end()]
            kept = _THING_HEAD.search(whole) and ms[-1].end() == len(ph) and whole in self.doc.text[cs:o]
            return whole if kept else self.v.scope_names[q]
        if 2 <= len(q) <= 10 and (_CATEGORY_HEAD.search(q) or _PEOPLE_HEAD.search(q)) \
                and not _NOT_A_LABEL.search(q) and not _VERBISH.search(q) \
                and not metric_rules()["count_verb_rx"].match(q) \
                and q not in self.v.jurisdiction and not self.v.alias_re.fullmatch(q):
            return q
        return None
