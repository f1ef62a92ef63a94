"""When two mentions of one quantity state one moment (:mod:`gongwen.check.repeats.facts`): the
stated periods agree (a year and its last month), the years do, a target named annual is its
year's, a change from last year's value is this year's; the occasion (五一假期) and the year a
running total counts from (自 2021 年以来) set a mention apart.
"""

from __future__ import annotations

import re
from decimal import Decimal as Decimal  # doctests

from ...figure import Figure
from ...model import Span as Span  # doctests
from ..evaluation.intervals import vocab
from ..reading.mentions import Mention
from ..reading.textindex import TextIndex


def same_year(a: Figure, b: Figure) -> bool:
    if a.stated_period and b.stated_period and a.stated_period != b.stated_period:
        return False
    return not (a.period and b.period and a.period[:4] != b.period[:4])


def _agree(p: str, q: str) -> bool:
    """Two stated periods of one fact: equal, or a period and its last month (全年 2025 and 截至
    12 月底 2025-12; 上半年 2025-01/2025-06 and 截至 6 月底 2025-06).

    >>> _agree("2025", "2025-12"), _agree("2025-01/2025-06", "2025-06"), _agree("2025", "2025-06")
    (True, True, False)
    >>> _agree("2024", "2024-07/2024-12")
    False
    """
    def point(x: str) -> bool:
        return len(x) == 7 and "/" not in x

    def end(x: str) -> str:
        x = x.split("/")[-1]
        return f"{x}-12" if len(x) == 4 else x
    if p == q:
        return True
    if point(p) == point(q):
        return False  # two spans (全年 and 下半年 both end in December) or two months
    span, moment = (q, p) if point(p) else (p, q)
    return end(span) == moment


def _one_moment(idx: TextIndex, a: Figure, b: Figure) -> bool:
    """Two figures' stated periods agree (:func:`_agree`), and when one is a month, it is named as
    the moment the year ends at (截至 12 月底参保 12.4 万人), not as a month of its own: 12 月当月实现
    社会消费品零售总额 is the month's flow, not the year's."""
    p, q = a.stated_period, b.stated_period
    if not (p and q and _agree(p, q)):
        return False
    if p == q:
        return True
    month = a if len(p) == 7 and "/" not in p else b
    # the date opens the full sentence, perhaps a clause before a ； (截至 12 月底，实有 …；合格率 …)
    start = month.span.start
    said = idx.text[max(idx.text.rfind("。", 0, start) + 1, start - 120):start]
    return any(w in said for w in vocab()["moment_cues"])


def _occasion(idx: TextIndex, m: Mention) -> frozenset[str]:
    """The occasions a mention is confined to (五一假期, 汛期, 春季集中免疫): part of a period.  Its
    name says so, or its own clause, or the clause that opens its sentence and frames the rest
    ("三夏"期间，全县投入…，其中联合收割机 1860 台), or the heading it stands under (（1）春季集中免疫):
    the figure counts that occasion's work, not the year's, however alike the names.

    >>> t = "春季集中免疫：猪瘟免疫18.02万头，免疫密度94%"
    >>> f = Figure(Decimal("18.02"), "万头", span=Span(t.index("18.02"), t.index("18.02") + 7))
    >>> sorted(_occasion(TextIndex(t, [f]), Mention(f, "猪瘟免疫", "猪瘟免疫", "actual")))
    ['春季']
    """
    f = m.fig
    sentence = idx.sentence_of(f.span.start)
    clauses = _CLAUSE.split(idx.text[sentence.start:f.span.start])
    where = (m.name, m.subject, clauses[0], clauses[-1], f.section[-1] if f.section else "")
    return frozenset(w for w in vocab()["occasion_words"] if any(w in s for s in where))


_CLAUSE = re.compile(r"[，,；;：:]")


def _since(idx: TextIndex, f: Figure) -> str | None:
    """The year a figure counts from when its sentence says so before it and it is before the
    figure's own year (自 2021 年启动以来，全区累计…3.26 万户 → 2021): a total over several years."""
    sent = idx.sentence_of(f.span.start)
    words = "|".join(map(re.escape, vocab()["since_words"]))
    years = re.findall(rf"(\d{{4}})年[^\d，,。；;]{{0,8}}?(?:{words})", idx.text[sent.start:f.span.start])
    own = (f.period or "")[:4]
    return next((y for y in reversed(years) if not own.isdigit() or y < own), None)


def _same_period(idx: TextIndex, a: Mention, b: Mention) -> bool:
    """Periods that allow one fact: the stated periods must not differ, nor the years; a target
    named annual (全年, 年度) is of its year even in a half-year report (完成年度目标任务 7500 人)."""
    fa, fb = a.fig, b.fig
    if a.kind == b.kind == "target":
        pa, pb = (f.period[:4] if f.period and _annual(idx, f) else f.period for f in (fa, fb))
        return not (pa and pb and pa != pb)
    return same_year(fa, fb)


def _year_and_deadline(a: Mention, b: Mention) -> bool:
    """Two targets, one set for a year (今年计划实施除险加固的 22 座) and one due within it (9 月底前
    22 座完工): equal, they are one target restated with its deadline."""
    pa, pb = a.fig.period or "", b.fig.period or ""
    return a.kind == b.kind == "target" and pa[:4] == pb[:4] != "" and 4 in (len(pa), len(pb))


def _annual(idx: TextIndex, f: Figure) -> bool:
    return any(w in idx.clause_before(f, 30) + idx.words_after(f, 8) for w in vocab()["annual_words"])


def _from_last_year(idx: TextIndex, f: Figure) -> bool:
    """A change whose old value the words date to last year (由上年的 61.20% 提高到 62.37%, 从去年
    同期的 …, 由上年末的 …): its new value is this period's, the report's own."""
    if f.previous is None or f.previous_span is None:
        return False
    before = idx.text[max(0, f.previous_span.start - 8):f.previous_span.start]
    at = max(before.rfind(w) for w in vocab()["from_words"])
    return at >= 0 and before[at + 1:].startswith(tuple(vocab()["previous_heads"]))


def _this_year(idx: TextIndex, a: Figure, b: Figure) -> bool:
    """Two mentions of one year's moment by their words: each is a plain mention or the new value of
    a change from last year's (:func:`_from_last_year`), at least one of them such a change, and
    neither states a moment of its own inside the year (截至 11 月底 may be before the year's end);
    a stated year, or its end (截至 12 月底), is that moment.

    >>> _this_year(TextIndex("森林覆盖率由上年的61.20%提高到62.37%", []),
    ...            Figure(Decimal("62.37"), "%", previous=Decimal("61.20"), previous_span=Span(8, 14), period="2025"),
    ...            Figure(Decimal("62.73"), "%", period="2025"))
    True
    """
    if not any(f.previous is not None for f in (a, b)) or not same_year(a, b):
        return False
    if any(f.previous is not None and not _from_last_year(idx, f) for f in (a, b)):
        return False
    return all(f.stated_period is None or len(f.stated_period) == 4 or f.stated_period.endswith("-12")
               for f in (a, b))


def _year_end(a: Figure, b: Figure) -> bool:
    """Two stated periods of one moment: a year and its end (全年 2025 and 截至年底 2025-12)."""
    return bool(a.stated_period and b.stated_period and _agree(a.stated_period, b.stated_period))
