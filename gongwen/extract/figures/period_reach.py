"""Which period mention is in force at a figure (:func:`.assemble.find_figures`): the latest one
before it in its paragraph — from an earlier sentence only one that opens its clause, never an
event's date of another sentence or clause, nor a year inside a bracket of its own, nor the year of
what a phrase of an earlier clause names (对2025年度预算执行情况进行审计，…); the period
that opens a sentence or frames a paragraph over a later moment; a table's introducing sentence's.
"""

from __future__ import annotations

import bisect

from ..._data import package_yaml, rx
from .grammar.periods import PeriodMention
from .labels.neighbours import CLAUSE_PUNCT

_DIGIT = rx(r"\d")
_PERIOD_LOOKBACK = 20
_MARKER_BEFORE = rx(r"(?:^|[。；;：:\s])[一二三四五六七八九十]{1,3}、\Z")


def _action_between(text: str, a: int, b: int) -> bool:
    """Whether a clause without a number stands between ``a`` and ``b`` (an action: 组织核酸检测)."""
    return any(seg.strip() and not _DIGIT.search(seg) for seg in CLAUSE_PUNCT.split(text[a:b]))


def _period_for(periods: list[PeriodMention], starts: list[int], para_start: int, o: int,
                sentence_start: int | None = None, text: str = "") -> PeriodMention | None:
    """The latest period mentioned before ``o`` in its paragraph.  From an earlier sentence
    (``sentence_start`` given), only a period that opens its clause carries over ("1-11月，…。
    …"), not one inside a phrase ("获评广州市2021年度综合医改考核…")."""
    i = bisect.bisect_left(starts, o) - 1
    looked = 0
    while i >= 0:
        p = periods[i]
        if p.span.start < para_start:
            return None
        if p.span.end <= o and sentence_start is not None and _phrase_year(text, p, o):
            return None  # the year of what a phrase names dates that phrase's clause, and no later one
        if p.span.end <= o and not (sentence_start is not None and _event_elsewhere(text, p, o, sentence_start)) \
                and not (text and _bracket_only(text, p, o)) \
                and (sentence_start is None or p.span.start >= sentence_start or _opens_clause(text, p.span.start)):
            return p
        if sentence_start is not None and p.span.start < sentence_start:
            looked += 1
            if looked > _PERIOD_LOOKBACK:  # a huge one-paragraph text stays linear
                return None
        i -= 1
    return None


def _phrase_year(text: str, p: PeriodMention, o: int) -> bool:
    """Whether ``p`` is a year written inside a phrase of a clause before ``o`` — after a verb or
    preposition, before the noun it qualifies ("对县本级2025年度预算执行情况进行审计，延伸审计单位15家"): the
    year of what the phrase names (the budget audited), not the period of the figures of the clauses
    after it.  A year that opens its clause ("2025年，…"), follows a list marker ("（2）2025年筛查…") or
    starts a span (2021年以来, 2025年至今) is a period.

    >>> from gongwen.model import Span
    >>> t = "对县本级2025年度预算执行情况进行审计，延伸审计单位15家"
    >>> _phrase_year(t, PeriodMention(Span(4, 10), "2025年度", "2025", "year"), t.index("15"))
    True
    """
    if p.kind != "year" or not _DIGIT.search(p.text) or _opens_clause(text, p.span.start):
        return False
    if _LIST_MARKER_BEFORE.search(text, max(0, p.span.start - 8), p.span.start):
        return False
    return bool(_HAN.match(text, p.span.end)) and not _SPAN_AFTER.match(text, p.span.end) \
        and bool(CLAUSE_PUNCT.search(text, p.span.end, o))


_HAN = rx(r"\p{Han}")
_SPAN_AFTER = rx(r"以来|期间|内|至|到")
_LIST_MARKER_BEFORE = rx(r"(?:^|[\s。；;：:，,])(?:[（(][0-9一二三四五六七八九十]{1,3}[)）]|[0-9]{1,2}[.．、])\s*$")


def _event_date(text: str, p: PeriodMention) -> bool:
    """Whether ``p`` dates one event of its own sentence: a single month or day written right
    before what happened ("10月组织开展综合演练", "9月20日组织警报试鸣"), not a span or a moment
    set off by a comma that frames what follows ("1-11月，…", "6月，…")."""
    if p.kind not in ("month", "date") or _AS_OF_WORD.match(text, p.span.start):
        return False
    if p.kind == "date" and not _DAY_ISO.fullmatch(p.iso):
        return False  # 截至6月底, 年末: a moment stocks are counted at
    return not _FRAME_AFTER.match(text, p.span.end)


def _event_elsewhere(text: str, p: PeriodMention, o: int, sentence_start: int) -> bool:
    """Whether ``p`` is an event's date (:func:`_event_date`) that does not reach ``o``: one of an
    earlier sentence, one behind a semicolon, or one inside an earlier clause's phrase ("遭受8月中旬
    局地冰雹等灾害，共造成…受灾": the clause after it is not that month's)."""
    if p.span.start < sentence_start and _SINCE_AFTER.match(text, p.span.end) and not _opens_sentence(text, p.span.start):
        return True  # "…，"十四五"以来累计收缴1.06亿元。": a total since then, not the next sentence's period
    if p.span.start < sentence_start and p.kind == "month" and not _AS_OF_WORD.match(text, p.span.start):
        return True  # "9月中旬，…举办宣传周…。组织专题培训9期": one month's event, not the next sentence's period
    if p.span.start < sentence_start and _episode(p):
        return True  # "7月下旬至8月中旬，全县持续晴热高温…。县财政安排抗旱资金286万元": the drought's days, not the next sentence's
    if not _event_date(text, p):
        return False
    if p.span.start < sentence_start:
        return True
    between = text[p.span.end:o]
    if _COLON.search(between):
        return False  # "于2019年7月执行新标准：…；…": the date governs the list its colon opens
    return bool(_SEMICOLON.search(between)) or (not _opens_clause(text, p.span.start) and bool(_COMMA.search(between)))


def _episode(p: PeriodMention) -> bool:
    """Whether ``p`` is a span of days bounded by a part of a month (7月下旬至8月中旬, periods.yaml
    ``episode_parts``): the time an episode lasted, which its own sentence tells of — a report sums
    whole months (1-9月), never a 下旬."""
    return p.kind == "interval" and bool(_EPISODE_PART.search(p.text))


_EPISODE_PART = rx("|".join(map(str, package_yaml("gongwen.extract", "data/periods.yaml")["episode_parts"])))


def _bracket_only(text: str, p: PeriodMention, o: int) -> bool:
    """Whether ``p`` opens a bracket that states a value of its own and closes before ``o``: a
    plan's "达到38家（2024年末为31家）；…力争突破9亿元" compares with the year in brackets, which
    dates the bracket's value only, not the goals after it."""
    if p.span.start == 0 or text[p.span.start - 1] not in "（(":
        return False
    close = _BRACKET_END.search(text, p.span.end, o)
    return close is not None and text[close.start()] in "）)" and bool(_DIGIT.search(text, p.span.end, close.start()))


_BRACKET_END = rx(r"[（()）]")
_SINCE_AFTER = rx(r"[”\"」]?以来")
_SEMICOLON = rx(r"[；;]")
_COLON = rx(r"[：:]")
_COMMA = rx(r"[，,]")
_AS_OF_WORD = rx(r"截至|截止")
_DAY_ISO = rx(r"(?:\d{4}|XXXX)-\d{2}-\d{2}")
_FRAME_AFTER = rx(r"\s*(?:[，,、：:]|以来|期间|份[，,])")


def _as_of_before(text: str, periods: list[PeriodMention], starts: list[int], para_start: int,
                  now: PeriodMention) -> PeriodMention | None:
    """The as-of date (截至/截止 …) written before a bare now (目前) in its paragraph, which that now
    means ("截止10月30日，救助总数143人次。滞留10天以上54人；目前滞留33人" → 10月30日), if any."""
    i = bisect.bisect_left(starts, now.span.start) - 1
    while i >= 0 and periods[i].span.start >= para_start:
        p = periods[i]
        if p.kind == "date" and _AS_OF_WORD.match(text, p.span.start):
            return p
        i -= 1
    return None


def _table_period(text: str, periods: list[PeriodMention], starts: list[int], intro_start: int,
                  table_start: int) -> PeriodMention | None:
    """The period of the sentence that introduces a table: the one that opens that sentence's
    clauses ("全年…总收入7.71亿元，…年末累计结余7.08亿元。" → 全年), not the last one named in it,
    which governs only its own clause (a row such as 年末累计结余 says its own)."""
    last = _period_for(periods, starts, intro_start, table_start)
    if last is None:
        return None
    if _episode(last) and max(text.rfind(c, last.span.end, table_start) for c in "。！？!?") >= 0:
        return None  # an episode's days (7月下旬至8月上旬，…。…见下表) date their sentence, not the table after it
    ss = max(text.rfind(c, intro_start, last.span.start) for c in "。！？\n") + 1
    i = bisect.bisect_left(starts, max(ss, intro_start))
    while i < len(periods) and periods[i].span.start < last.span.start:
        if _opens_clause(text, periods[i].span.start):
            return periods[i]
        i += 1
    return last


def _opening_period(text: str, periods: list[PeriodMention], starts: list[int], para_start: int,
                    last: PeriodMention) -> PeriodMention:
    """The period that opens the sentence holding ``last`` (a moment named later in it), when that
    one spans the months before the moment ("全年…，年末累计结余…" → 全年); else ``last``."""
    ss = max(max(text.rfind(c, para_start, last.span.start) for c in "。！？\n") + 1, para_start)
    i = bisect.bisect_left(starts, ss)
    while i < len(periods) and periods[i].span.start < last.span.start:
        p = periods[i]
        if _opens_clause(text, p.span.start):
            return p if p.kind != "date" else last
        i += 1
    return last


def _framing_span(text: str, flows: list[PeriodMention], starts: list[int], para_start: int, sentence_start: int,
                  moment: PeriodMention | None, tally: bool = True) -> str | None:
    """The span that frames a paragraph ("1-9月，全县城镇新增就业…") when a moment opening a later
    sentence of it states a stock ("9月末城镇登记失业率为2.9%。"): the flows of the sentences after
    the moment (举办招聘会24场, 发放创业担保贷款3600万元) are the span's, not the moment's.  None when
    ``moment`` is no such moment of an earlier sentence, or is 截至's over counts done by then
    (``tally``: 截至9月底，已发放…。…开展检查15次: an as-of date the writer carries on — not 截至9月底，
    城镇登记失业率为2.86%。, a rate at the moment) or no span stands before it."""
    if moment is None or moment.kind != "date" or moment.span.start >= sentence_start \
            or (_AS_OF_WORD.match(text, moment.span.start) and tally):
        return None
    span = _period_for(flows, starts, para_start, moment.span.start, sentence_start, text)
    return span.iso if span is not None and span.kind in ("interval", "open") else None


def _opens_sentence(text: str, i: int) -> bool:
    """Whether position ``i`` starts a sentence or a paragraph (possibly after 截至/自 …)."""
    j = i - 1
    while j >= 0 and text[j] in " \t\u3000截止至自从在于到":
        j -= 1
    return j < 0 or text[j] in "。！？!?\n"


def _opens_clause(text: str, i: int) -> bool:
    """Whether position ``i`` starts a clause (after punctuation or a paragraph start, possibly
    after 截至/自/在 …)."""
    j = i - 1
    while j >= 0 and text[j] in " \t\u3000截止至自从在于到":
        j -= 1
    # a run-in heading's marker also opens one ("三、下半年工作打算（一）…" in a one-paragraph web text)
    return j < 0 or text[j] in "，,。；;：:！？!?\n（(" or bool(_MARKER_BEFORE.search(text, max(0, j - 5), j + 1))
