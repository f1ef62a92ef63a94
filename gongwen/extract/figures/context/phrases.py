"""The indicator's noun phrase that ends the text before a number (:meth:`PhraseMixin.phrase`), cut
on word boundaries: the phrase a figure's scope, metric and kind are read from."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import regex

from ...._data import package_yaml, rx
from ..grammar.units import TABLES
from ..words.heads import _COUNT_NOUN, _HEADS, _MONEY_NOUN, _QUOTES, _RATE_NOUN, _in_order
from ..words.metric_rules import metric_rules
from ..words.vocab import _alt_cached

if TYPE_CHECKING:
    from ....model import Document
    from ..words.vocab import Vocab

_LATIN_RUN = regex.compile(r"[0-9A-Za-z]{3,}(?![0-9A-Za-z岁周年月日号])")

_LONG_PARENS = regex.compile(r"[（(][^（()）]*?(?:\d|[^（()）]{7})[^（()）]*[)）]|[（(][^（()）]*$")

# the words around a phrase that are no part of it (data/phrases.yaml)
_P = package_yaml("gongwen.extract", "data/phrases.yaml")

_LATIN_PARENS = regex.compile(r"[（(](?:[A-Za-z0-9.\s]*|" + _in_order(_P["editorial_notes"]) + ")[)）]")
# ^ 地区生产总值(GDP), 实现(下同)…: an abbreviation or an editorial note is not part of a name

# ^ 地区生产总值(GDP), 实现(下同)…: an abbreviation or an editorial note is not part of a name
_CLOSING_QUOTE = regex.compile(r"[”’」』]")

# every character _CLOSING_QUOTE and heads._QUOTES match
_NOT_HEDGE_LAST = frozenset(w[-1] for w in TABLES.not_hedges if w)  # (签约 … end on one of a few)
_QUOTE_CHARS = frozenset("”’」』“‘\"'《》〈〉「")

# an age bound written right before the figure is its condition (scope), not what it measures
_TRAILING_AGE = regex.compile(r"(?:[0-9]+\s*(?:至|到|-|—|～|~)?\s*)+周?岁(?:以上|以下|及以上|及以下)?$")

_HAN = regex.compile(r"\p{Han}")

# the longest a rate's name may run with the words that say what it is the rate of (门诊费用政策范围内
# 实际报销比例): a bare rate noun cut from a longer phrase names nothing
_LONG_RATE = 16

# the longest a name no word boundary cuts may be taken whole when it ends on what it measures
# ("城乡居民医保政策范围内住院费用报销比例", "人均基本公共卫生服务经费补助标准" read by a bureau the
# vocabularies do not know): a measure's noun (heads.yaml rate_ends, money_ends, count_ends,
# measure_names) or a standard's
_LONG_NAME = 20

# a measure's bare noun after 的 keeps what qualifies it ("新增专项债券安排的支出" → 新增专项债券安排支出, not
# 支出): phrases.yaml bare_after_de
_BARE_AFTER_DE = frozenset(map(str, _P["bare_after_de"]))
_MEASURE_END = regex.compile("|".join(p.pattern for p in (_RATE_NOUN, _MONEY_NOUN, _COUNT_NOUN))
                             + "|(?:" + _in_order([*_HEADS["measure_names"], "标准"]) + ")$")

# the word after a list of subjects before the measure each has (A、B分别实现产值): phrases.yaml respective
_RESPECTIVE = tuple(map(str, _P["respective"]["words"]))
_COPULAS = tuple(map(str, _P["respective"]["copulas"]))

# what is left of a phrase after a program's name that names nothing by itself (资金, 金额, 人数)
_BARE_TAIL = regex.compile(_in_order(_P["bare_tails"]))

# a list of examples closed by 等 (phrases.yaml examples): its joiners, and what makes a 等 part of a word
_CLOSER = str(_P["examples"]["closer"])
_LISTED = regex.compile(_in_order(_P["examples"]["joiners"]))
_IN_WORD_CLOSER = regex.compile(_in_order(_P["examples"]["in_word_after"]))

_THOUSANDS = regex.compile(r"(?<=\d),(?=\d{3})")

# a count ends the phrase before it ("低保6154户…"); an age or grade is part of the noun (60周岁以上老年人)
_AFTER_NUMBER = regex.compile(r"(?<![A-Za-z.])[0-9０-９][0-9０-９.．]*+(?!\s*(?:周岁|岁|级|类|型|星|A))(?:万|亿)?[^\p{Han}]*[\p{Han}]?")

_TIME_WORDS = regex.compile(r"(?:\d{4}|[〇零一二三四五六七八九]{4})年(?:度|底|末|初)?|\d{1,2}(?:[-—至~]\d{1,2})?月(?:份|底|末|初)?(?:以前|之前|前)?"
                            r"|\d{1,2}日(?:以前|之前|前)?|" + _in_order(_P["time_words"])
                            + r"|^期间|(?<=[\p{Han}”’」』])期间(?=[\p{Han}]{2})|"  # “三夏”期间全市… (a named season)
                            + _in_order(_P["seasons"]))

# a rate's own "per" words and the 按 before them end no name ("优待金按每户每年", "国家助学金按每生每年平均"):
# the per-unit prefixes of units.yaml that start with 每
_BY, _AVERAGE = _in_order(_P["per_trail"]["by"]), _in_order(_P["per_trail"]["average"])
_PER_TRAIL = regex.compile(rf"(?<=[\p{{Han}}]{{2}})(?:(?:{_BY})?(?:{_AVERAGE})?(?:" + "|".join(sorted(
    (p for p in TABLES.per_prefixes if p.startswith("每")), key=len, reverse=True)) + rf")(?:{_AVERAGE})?|{_BY})$")

# what joins a phrase to the quantity right before it ("1.2万人和防返贫监测对象等参保", "11.98万人中已签约"):
# no part of the next name
_AFTER_QUANTITY = regex.compile("^(?:" + _in_order(_P["after_quantity"]) + ")")

_PHRASE_CHARS = regex.compile(r"[\p{Han}A-Za-z0-9.·（）()&＆]+")

# the words that open and end the text before a number, the verb of a doing after its noun and the
# characters a long phrase is cut after are data: metrics.yaml phrase_leads, phrase_trail,
# done_trail, function_chars (compiled by metric_rules)


def _qualified_end(t: str, end: int) -> int:
    """The end of a name ending at ``end`` with the bracketed qualifier right after it, if any."""
    q = _QUALIFIER.match(t, end)
    return q.end() if q else end


_QUALIFIER = regex.compile(r"[（(][\p{Han}、]{1,6}[)）]")

# a bracketed run (its inside no place to cut a long phrase) and the brackets that close one
_BRACKETED = regex.compile(r"[（(][^（()）]*[)）]")
_CLOSING_BRACKETS = frozenset(")）")



# a comparison with a stated base ("较上年末的2,310人", "比2025年的9.1亿元"): the base's words are no
# part of the subject's name
_COMPARED_BASE = rx(r"(?:较|比)(?:\d{4}\s*年)?[^，,；;。\d]{0,10}?的\s*\d")

class PhraseMixin:
    """The phrase methods of :class:`.labeller.Labeller` (which provides the attributes below)."""

    if TYPE_CHECKING:
        doc: Document
        v: Vocab
        quantity_ends: list[int]

    _phrases: tuple[list[int], dict[tuple[int, int], str]] | None = None

    def phrase(self, a: int, b: int) -> str:
        """The indicator's noun phrase that ends the text [a, b) before a number, cut on word
        boundaries, or "" when there is none.

        Periods, the jurisdiction, linking verbs (为/达到/控制在 …) and change words are dropped;
        a known indicator name (the vocabularies' ``indicators``) is taken whole; a phrase longer
        than twelve characters is cut at a function word or at the start of a known word, never
        inside one.
        """
        # scope, metric and kind ask for the same clause's phrase: computed once per figure (and
        # afresh when the assembler hands over new quantity ends)
        if self._phrases is None or self._phrases[0] is not self.quantity_ends:
            self._phrases = (self.quantity_ends, {})
        got = self._phrases[1].get((a, b))
        if got is None:
            got = self._phrases[1][(a, b)] = self._phrase(a, b)
        return got

    def _phrase(self, a: int, b: int) -> str:
        # parenthesised breakdowns and notes go; a short qualifier stays (执业（助理）医师数)
        # what follows the last quantity before b ("低保6154户…"); a number that is a name (12345热线)
        # or a condition (60周岁以上) is not a quantity and stays
        k = self.doc.text.rfind("由", a, b)
        if k >= a + 2:
            b = k  # "县域内就诊率由上年的87.3%提高到" → the subject before 由
        base = _COMPARED_BASE.search(self.doc.text, a, b)
        if base is not None and base.start() >= a + 2:
            b = base.start()  # "在册人数较上年末的2,310人减少": the subject before its stated base
        i = bisect.bisect_right(self.quantity_ends, b) - 1
        note = self._note_around(a, b, self.quantity_ends[i]) if i >= 0 and self.quantity_ends[i] > a else None
        if note is not None:
            # "集体劳动争议（一方劳动者10人以上）37件": the quantity before stands inside a bracketed note
            # on the noun, which names the figure; the note goes
            opened, closed = note
            text = self.doc.text
            return self._phrase(a, opened) if text[closed:b].strip() == "" else self._phrase(a, opened) + \
                self._phrase(closed, b)
        after_quantity = i >= 0 and self.quantity_ends[i] >= a
        if i >= 0 and self.quantity_ends[i] > a:
            a = self.quantity_ends[i]
        # (each substitution is tried only when the character it needs is there: a figure's
        # phrase rarely holds a parenthesis, a comma, a quotation mark or an age)
        t = self.doc.text[a:b]
        if "（" in t or "(" in t:
            t = _LATIN_PARENS.sub("", _LONG_PARENS.sub("", t))
        if t[:1] in _CLOSING_BRACKETS:
            t = t[1:]  # "（常住人口52.3万人）共报告…": the bracket that closed round the quantity before
        if after_quantity:
            t = _AFTER_QUANTITY.sub("", t)
        t = _TIME_WORDS.sub("", _THOUSANDS.sub("", t) if "," in t else t)
        if "在" in t:  # "管委会将在接待游客": the name follows the subject's modal (metrics.yaml subject_modals)
            said = [m.end() for m in metric_rules()["subject_modal_rx"].finditer(t) if len(t) - m.end() >= 2]
            t = t[said[-1]:] if said else t
        if "为" in t:  # "优化调整为综合网格": the name is what the verb makes the thing
            made = [m.end() for m in metric_rules()["as_verb_rx"].finditer(t) if len(t) - m.end() >= 2]
            t = t[made[-1]:] if made else t
        if not _QUOTE_CHARS.isdisjoint(t):
            quoted = _CLOSING_QUOTE.split(t)
            if len(quoted) > 1 and len(quoted[-1]) >= 3 and not _RATE_NOUN.fullmatch(quoted[-1]):
                t = quoted[-1]  # "组织“就业援助月”等专场招聘会" → what follows the quoted name ("“一肩挑”比例" keeps it)
            t = _QUOTES.sub("", t)
        if not self.quantity_ends:  # a labeller used without the number grammar's spans
            t = _AFTER_NUMBER.split(t)[-1]
        if self.v.jurisdiction:
            t = _alt_cached(self.v.jurisdiction).sub("", t)
        if "岁" in t:
            t = _TRAILING_AGE.sub("", t)
        rules = metric_rules()
        lead, trail, done_trail = rules["phrase_lead_rx"], rules["phrase_trail_rx"], rules["done_trail_rx"]
        prev = None
        while prev != t:
            prev = t
            t = lead.sub("", t)
            cut = trail.sub("", t)
            if cut != t and not (t[-1:] in _NOT_HEDGE_LAST
                                 and any(t.endswith(w) and len(t) - len(cut) < len(w) for w in TABLES.not_hedges)):
                t = cut  # (签约 ends in 约 but is a word: "累计签约" keeps it)
            t = _PER_TRAIL.sub("", t)
            t = t.strip(" 　，,、：:\"")
            done = done_trail.search(t)
            if done:  # "一般公共预算支出完成": what was done, named as the report names it ahead (完成…)
                t = "完成" + t[:done.start()]
        cut = max((t.rfind(w) + len(w) for w in _RESPECTIVE if w in t), default=0)
        each = lead.sub("", t[cut:]) if cut and not t.startswith(_COPULAS, cut) else ""
        if len(each) >= 2:
            # "A、B、C分别实现产值" → 产值: what each item has, not the list (but "保障标准分别为集中养育":
            # the categories follow a copula, the measure stands before 分别)
            t = each
        if _CLOSER in t:
            # "A、B、C等民生事项" → 民生事项: a list closed by 等 gives examples of what the noun after it
            # names, and that noun is what is measured (not 等级公路, 一等奖: 等 inside a word); the list
            # may have begun in the clause before, its items split at 、
            head, _, tail = t.rpartition(_CLOSER)
            listed = _LISTED.search(head) is not None or self.doc.text[a - 1:a] == "、"
            if len(tail) >= 2 and listed and not _IN_WORD_CLOSER.match(tail):
                t = tail
        if "的" in t:
            head, _, tail = t.rpartition("的")
            if tail in _BARE_AFTER_DE and len(head) >= 2:
                t = head + tail  # (a bare measure names nothing without what it is of)
            else:
                t = tail if len(tail) >= 2 else t
        if not t or not _PHRASE_CHARS.fullmatch(t) or not _HAN.search(t):
            return ""  # (a number is no name: "…53.2调整为" before the next part of a ratio)
        if self.v.indicator_re is not None and self.v.indicator_re.may_end(t):
            ms = list(self.v.indicator_re.finditer(t))
            if ms and ms[-1].end() == len(t):
                # the indicator that ends the phrase, with the words that qualify it (规上 …) when short
                m = ms[-1]
                return t if len(t) <= 12 else m.group()
        if len(t) < 2:
            return ""
        if len(t) <= 12:
            return t
        got, after_program = self._long_phrase(t)
        if not got and len(t) <= _LONG_NAME and _MEASURE_END.search(t):
            return t  # (no known word cuts it: the measure's whole name, not the bare noun of its unit)
        if not after_program and len(got) <= 4 and _RATE_NOUN.search(got) and t.endswith(got):
            # a rate's bare noun says nothing of what it is the rate of ("门诊费用政策范围内|报销比例"):
            # its qualifier stays, up to a rate's longer name (after a program's name the program is
            # the rate's label: "…城乡居民基本养老保险|参保率")
            wide = [k for k in (0, *self._cuts(t)) if len(t) - k <= _LONG_RATE]
            if wide:
                return t[min(wide):].lstrip("和与及或、的")
        return got

    def _note_around(self, a: int, b: int, q: int) -> tuple[int, int] | None:
        """(where a bracket opens, where it has closed) when the quantity ending at ``q`` stands inside a
        bracket that opens after ``a`` and closes before ``b``: a note on the noun before it."""
        text = self.doc.text
        opened = max(text.rfind("（", a, q), text.rfind("(", a, q))
        if opened < a or any(ch in text[opened + 1:q] for ch in ")）"):
            return None
        close = next((k for k in range(q, b) if text[k] in ")）"), None)
        if close is None or any(ch in text[q:close] for ch in "（(，,。；;"):
            return None
        return opened, close + 1

    def _long_phrase(self, t: str) -> tuple[str, bool]:
        """The end of a phrase ``t`` longer than twelve characters, cut on a word boundary, and
        whether it was cut after a program's name."""
        rules = metric_rules()
        lead = rules["phrase_lead_rx"]
        # after a program's whole name first: "城乡居民基本养老保险|基础养老金" (the program is a label)
        # (unless all that is left is a bare noun: "…下拨自然灾害救助|资金" keeps the program's name,
        # 自然灾害救助资金, when it fits)
        # (a bracketed qualifier right after the name is part of it: "服务中心（站）|接待来访咨询",
        # "民主法治示范村(社区)" whole)
        ends = [(m.start(), e) for m in self.v.alias_re.finditer(t)
                for e in (_qualified_end(t, m.end()),) if 2 <= len(t) - e <= 12]
        if ends:
            start, end = min(ends, key=lambda se: se[1])
            rest = t[end:].lstrip(")）和与及或、的")  # (a name inside brackets: what follows them)
            return (t[start:] if _BARE_TAIL.fullmatch(rest) and len(t) - start <= 12 else rest), True
        cuts = self._cuts(t)
        fits = [k for k in cuts if 2 <= len(t) - k <= 12]
        if not fits:
            # a run that no function word nor known word cuts: after a verb ("进山入林路口设立|临时
            # 防火检查站") or the place the report speaks for ("辖区|重点商务楼宇平均入驻率")
            fits = [m.end() for m in metric_rules()["long_cut_rx"].finditer(t) if 2 <= len(t) - m.end() <= 12]
            if fits:  # (and what it leaves opens on no lead: "辖区|现有60周岁以上老年人")
                rest = lead.sub("", t[min(fits):])
                return (rest if len(rest) >= 2 else ""), False
        return (t[min(fits):].lstrip("和与及或、的") if fits else ""), False

    def _cuts(self, t: str) -> list[int]:
        """Where a long phrase ``t`` may be cut: at a known word's start, or right after a category
        ("…事实无人抚养儿童|基本生活费标准"), after a function character unless it stands inside a known
        word (65岁及以上老年人), after a name's digits ("12319城管服务热线…")."""
        known = [(m.start(), m.end()) for pat in (self.v.alias_re, self.v.scope_re, self.v.indicator_re)
                 if pat is not None for m in pat.finditer(t)]
        cuts = [m.end() for m in metric_rules()["function_char_rx"].finditer(t) if not any(s < m.end() < e for s, e in known)]
        cuts += [s for s, _ in known]
        cuts += [m.end() for m in self.v.scope_re.finditer(t)]
        cuts += [m.end() for m in _LATIN_RUN.finditer(t)]
        if "（" in t or "(" in t:
            # (never inside a bracketed qualifier: "…住房(廉租住房)建设补充资金" is cut before it or after it)
            inside = {k for m in _BRACKETED.finditer(t) for k in range(m.start() + 1, m.end())}
            cuts = [k for k in cuts if k not in inside]
        return cuts
