"""The period a figure is dated by, once the period mention in force is known (:mod:`.period_reach`):
a year-less 全年 or 今年 read in the year its paragraph or heading names, or as the year so far; a
stock at its span's end month; a standard in force from its effective date on; an old value
dated by its comparison; a target set for the whole year; and the period of the report, of a
heading, or of the plan a figure stands in.  Used by :func:`.assemble.find_figures`.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any

import regex

from ..._data import package_yaml, rx
from ...model import Document, Heading
from .grammar.periods import PeriodMention, find_periods
from .labels.kinds import completion_base, is_plan_heading, is_review_heading
from .period_reach import _AS_OF_WORD, _SEMICOLON, _opens_clause

_REPORTING = {"month", "interval", "open", "date", "year", "plan"}
# a target set for the whole year: "完成年度计划27亿元的61.3%", "比5.5%的年度控制目标低…", also when
# the goal's words go on before the number ("全年计划净增规模以上工业企业18家", "列入今年计划实施除险加固
# 的22座") or the year's word stands right before it ("确保年度12,600户…任务", "完成年度目标任务（12000人）")
_ANNUAL_TARGET_BEFORE = rx(r"(?:年度|全年|今年)[^，,；;。\d]{0,6}?(?:目标|任务|计划|预算|指标)[^，,；;。\d]{0,14}?$"
                           r"|(?:年度|全年)\s*[（(]?\s*$")
_ANNUAL_TARGET_AFTER = rx(r"^的?(?:年度|全年)[^，,；;。\d]{0,6}?(?:目标|指标|任务|计划)")
# between a comparison's period and the old values it dates: "较上年的18起、12人", "比上半年（5.1%）"
_BASELINE_LIST = rx(r"(?:的|[（(])(?:[0-9.,，万亿千百]+[^0-9，,；;。、]{0,4}、)*")
# "上年同期为4195对", "去年为1.75亿美元": a past period that is the subject its value is stated of
_BASELINE_STATED = rx(r"\s*(?:为|是)\s*")
_EFFECTIVE = ("open", "month")  # periods that set a standard in force (2020年1月起, 于2019年7月执行)


_SPAN = regex.compile(r"(\d{4}-\d{2})/\d{4}-(\d{2})")


def _ending_on(key: str, tail: str = "") -> Any:
    """A pattern of the words of periods.yaml ``key`` (longest first) ending a text, perhaps before ``tail``."""
    words = map(str, package_yaml("gongwen.extract", "data/periods.yaml")[key])
    return rx("(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")" + tail + r"\s*$")


_STOCK = _ending_on("stocks", "(?:合计|总计)?")  # (厂设计处理能力合计: the capacities' sum is a stock too)
_CUMULATIVE = _ending_on("cumulative_levels")
_REACHED = _ending_on("reached_levels")
_COUNTED = ("count", "person", "household")  # unit kinds a reached level is a stock of (words.metric_rules.unit_kind)


def _so_far(periods: list[PeriodMention], starts: list[int], ss: int, period: PeriodMention, report: str | None,
            text: str) -> PeriodMention:
    """今年 dating a result means the year so far: up to an as-of date before it in its sentence
    (截至11月底，…其中今年新增263户 → 2025-01/2025-11), else to the end of a part-year report's months
    (a 1-9月 report: 2025-01/2025-09); in a year's report, the year."""
    y = period.iso[:4]
    i = bisect.bisect_left(starts, ss)
    while i < len(periods) and periods[i].span.start < period.span.start:
        p = periods[i]
        if p.kind == "date" and _AS_OF_WORD.match(text, p.span.start) and p.iso[:4] == y and p.iso[5:7]:
            return PeriodMention(period.span, period.text, f"{y}-01/{p.iso[:7]}", "interval")
        i += 1
    m = _SPAN.fullmatch(report or "")
    if m is not None and report is not None and report.startswith(f"{y}-01/"):
        return PeriodMention(period.span, period.text, report, "interval")
    return period


def _after_flow(records: list[dict[str, Any]], text: str, ss: int, a: int, unit: str) -> bool:
    """Whether a figure of ``unit`` stands before ``a`` in its sentence with no semicolon between: the
    flow a level reached since a start adds up (新建站点9个，全县累计建成64个; not 1-5月…；工业产值累计达
    6.88亿元, the months' own sum)."""
    for r in reversed(records):
        if r["span"].end < ss:
            return False
        if r["unit"] == unit:
            return not _SEMICOLON.search(text, r["span"].end, a)
    return False


def _stock_period(metric: str | None, iso: str | None, inferred: bool, kind: str) -> str | None:
    """A stock (参保人数, 存栏, 余额 — periods.yaml ``stocks``) whose period is only inferred from
    a span stands at the span's end month: "2025-01/2025-06" → "2025-06"."""
    if not inferred or not iso or not metric or kind not in ("actual", "target") or not _STOCK.search(metric):
        return iso
    m = _SPAN.fullmatch(iso)
    return iso.split("/")[1] if m else iso


def _anchored(text: str, periods: list[PeriodMention], starts: list[int], ps: int, period: PeriodMention,
              year: int) -> PeriodMention:
    """A year-less period (全年, 年底) in a paragraph that opens on another year ("2025年，县民政局…
    全年累计发放…" in a 2026 plan) means that year's — a year written alone or in a date or span
    ("2025年末，全县共有…，全年发放…": the year of the written 2025年末)."""
    i = bisect.bisect_left(starts, ps)
    named = None
    while i < len(periods) and periods[i].span.start < period.span.start:
        p = periods[i]
        if _WRITTEN_YEAR.search(p.text) and _ISO_END_YEAR.search(p.iso) and _opens_clause(text, p.span.start) \
                and not _across_years(p.iso):
            named = p  # (a year inside a phrase, 根据2024年度…更新成果, dates that phrase only)
        i += 1
    m = _ISO_END_YEAR.search(named.iso) if named is not None else None
    if m is None or int(m[1]) == year:
        return period
    return _in_year(period, int(m[1]))


_WRITTEN_YEAR = rx(r"\d{4}\s*年")
_ISO_YEARS = rx(r"(\d{4})[^/]*/(\d{4})")


def _across_years(iso: str) -> bool:
    """A span that runs from one year into another (2026—2027年采暖期, 2025—2026学年, 2021—2025年) names a
    season or a plan's term, not one year: a year-less 年末 or 全年 after it is the report's year, not the
    span's last."""
    m = _ISO_YEARS.match(iso)
    return m is not None and m[1] != m[2]
_ISO_END_YEAR = rx(r"(?:^|/)(\d{4})[^/]*$")  # the year a period ends in: "2025-12" → 2025, "2021/2025" → 2025


def _in_year(period: PeriodMention, year: int) -> PeriodMention:
    """A year-less period (全年, 年底) read in another year than the report's."""
    again = find_periods(period.text, year=year, date=None)
    return PeriodMention(period.span, period.text, again[0].iso, again[0].kind) if again else period


def _rate_period(iso: str, kind: str) -> str:
    """A standard (元/人/月) set at a month or from a date is in force from then on, at the
    precision printed: "2020-08-01/.." for 自2020年8月1日起, "2018-08/.." for 2018年8月 (a date a stock
    is counted at, 截至9月底, is not an effective date and stays as it is).

    >>> _rate_period("2020-08-01/..", "open"), _rate_period("2018-08", "month")
    ('2020-08-01/..', '2018-08/..')
    """
    start = iso.split("/")[0]
    if kind in _EFFECTIVE and rx(r"\d{4}-\d{2}(?:-\d{2})?").fullmatch(start):
        return start + "/.."
    return iso


def _clause_after(text: str, b: int, reach: int = 24) -> str:
    """The text after a number up to the end of its clause (at most ``reach`` characters)."""
    m = _CLAUSE_END.search(text, b, min(len(text), b + reach))
    return text[b:m.start() if m else min(len(text), b + reach)]


def _own_period(text: str, period: PeriodMention | None, kind: str, ss: int, a: int, b: int,
                raised: bool, baseline: PeriodMention | None, report: str | None,
                plan_year: str | None = None) -> tuple[str | None, bool] | None:
    """A figure's period when its own words decide it, else None (the caller inherits one).

    - an old value dated by its comparison ("较上年的18起、12人" → last year; "较去年同期的
      16.69亿元" → the reporting period a year earlier, the sentence's months or else the report's)
      or stated of a past period ("上年同期为4195对");
    - a target set for the whole year ("完成年度计划27亿元的61.3%") → the year;
    - the whole a completion rate measures progress against, its period not written in its own
      clause ("上半年…完成县定任务3.4万人的98.5%") → the year: the months done so far are the
      result's and the rate's, the goal is set for the year they are part of;
    - a standing standard (按每人每月100元标准) → only an effective date in its sentence.
    """
    if baseline is not None:
        if "同期" in baseline.text and period is not None and period.kind in ("interval", "month"):
            return _shift_year(period.iso, baseline.iso[:4]), False
        if "同期" in baseline.text and report is not None and "/" in report:
            # (no months of its own: the report's, a year earlier — 一季度总结的"较上年同期的1402万元")
            return _shift_year(report, baseline.iso[:4]), False
        return baseline.iso, False
    if kind == "target" and (_ANNUAL_TARGET_BEFORE.search(text, max(ss, a - 24), a)
                             or _ANNUAL_TARGET_AFTER.search(_clause_after(text, b))):
        y = period.iso[:4] if period is not None and period.iso[:4].isdigit() else (plan_year or report or "")[:4]
        return (y, False) if y.isdigit() else None
    if kind == "target" and completion_base(text[max(ss, a - 24):a], _clause_after(text, b)) \
            and (period is None or period.span.start < ss or _CLAUSE_END.search(text, period.span.end, a)):
        y = (period.iso if period is not None else plan_year or report or "")[:4]
        return (y, period is None or period.span.start < ss) if y.isdigit() else None
    if kind == "standard" and not raised:
        if period is not None and period.span.start >= ss and period.kind in (*_EFFECTIVE, "date", "year"):
            return _rate_period(period.iso, period.kind), False  # 2024年…个人缴费标准为每人每年380元
        return None, False
    return None


def _ends_before(iso: str, year: int) -> bool:
    """Whether a period ends before ``year`` ("2024", "2024-01/2024-06"; "2021/2025" ends in 2025).

    >>> _ends_before("2024-01/2024-06", 2025), _ends_before("2021/2025", 2025), _ends_before("2025-07/..", 2025)
    (True, False, False)
    """
    end = iso.split("/")[-1][:4]
    return end.isdigit() and int(end) < year


def _shift_year(iso: str, year: str) -> str:
    """The same months in another year: the period a 去年同期 compares with.

    >>> _shift_year("2025-01/2025-06", "2024")
    '2024-01/2024-06'
    """
    return rx(r"\d{4}").sub(year, iso)


def _baseline_of(text: str, baselines: list[PeriodMention], ends: list[int], ss: int, a: int) -> PeriodMention | None:
    """The comparison period that dates the old value at ``a`` ("较上年的18起、12人") or the past
    period its value is stated of ("上年同期为4195对"), if any."""
    i = bisect.bisect_right(ends, a) - 1
    if i < 0 or baselines[i].span.start < ss:
        return None
    p = baselines[i]
    if _BASELINE_STATED.fullmatch(text, p.span.end, a):
        return p  # 上年同期为N: N is that period's
    m = _BASELINE_LIST.fullmatch(text, p.span.end, a)
    return p if m is not None and text[p.span.start - 1:p.span.start] in ("比", "较") else None


def _report_period(doc: Document) -> str | None:
    """The period the report is about (its metadata), else its year."""
    md = doc.metadata
    period = getattr(md, "period", None)
    return str(period) if period else (str(md.year) if md.year else None)


def _now(doc: Document) -> str | None:
    """The day the text's now reaches (截至目前, 目前, 今年以来 up to it): the document's date — but a
    summary signed after the period it reports on had closed (a 上半年 summary of 7月6日, a year's of 1月8日
    the next year) states its figures as they stood at that period's end, whose last month its now is.

    A plan speaks from its own date, before or in the year it plans.
    """
    date, period = doc.metadata.date, _report_period(doc)
    if not date or not period or doc.metadata.kind == "plan":
        return date
    end = period.split("/")[-1]
    end = end + "-12" if rx(r"\d{4}").fullmatch(end) else end
    return end if rx(r"\d{4}-\d{2}").fullmatch(end) and date[:7] > end else date


def _next_period(period: str | None) -> str | None:
    """The period after a report's own: the next year, or the second half after a first half.

    >>> _next_period("2023"), _next_period("2024-01/2024-06"), _next_period(None)
    ('2024', '2024-07/2024-12', None)
    """
    if period is None:
        return None
    if rx(r"\d{4}").fullmatch(period):
        return str(int(period) + 1)
    m = rx(r"(\d{4})-01/\d{4}-06").fullmatch(period)
    return f"{m[1]}-07/{m[1]}-12" if m else period


def _context_period(path: Sequence[Heading], cache: dict[int, str | None], year: int | None, date: str | None,
                    plan_doc: bool, report: str | None) -> str | None:
    """The period a figure that states none is read in: its heading's (2026年工作计划), the next
    one under a summary's plan heading (下一步工作打算 in a 2025 summary: 2026), else the report's."""
    hp = _heading_period(path, cache, year, date)
    if hp is None and not plan_doc and _planned(path):
        return _next_period(report)
    return hp or report


def _planned(path: Sequence[Heading]) -> bool:
    """A summary's section that plans ahead (下一步工作打算): a plan heading on its path and no heading
    that looks back or states the present (一、项目基本情况 › （二）目标任务 sets the report year's
    tasks), as a figure's kind reads it."""
    titles = [h.title for h in path]
    return any(is_plan_heading(t) for t in titles) and not any(is_review_heading(t) for t in titles)


def _year_of(period: str | None) -> str | None:
    """The year a period lies in ("2025-01/2025-06" → "2025"), else the period as it is: a rule in
    force is of its year, not of the months a half-year report sums.

    >>> _year_of("2025-01/2025-06"), _year_of("2026"), _year_of("2021/2025")
    ('2025', '2026', '2021/2025')
    """
    m = _ONE_YEAR.fullmatch(period or "")
    return m[1] if m else period


_ONE_YEAR = rx(r"(\d{4})(?:-\d{2})?(?:/\1-\d{2})?")


def _heading_period(path: Sequence[Heading], cache: dict[int, str | None], year: int | None,
                    date: str | None) -> str | None:
    """The period named by the innermost heading of ``path`` that names one (2024年工作计划 →
    2024, 下半年工作打算 → its months); None when no heading names one."""
    for h in reversed(path):
        if h.span.start not in cache:
            ps = [p for p in find_periods(h.title, year=year, date=date) if p.kind in _REPORTING]
            cache[h.span.start] = ps[-1].iso if ps else None
        if cache[h.span.start]:
            return cache[h.span.start]
    return None


_CLAUSE_END = rx(r"[，。；,;！？!?\n]")


# a value compared with a moment: "由上年末的1212人增至…", "较年初的179个"
_MOMENT_BEFORE = rx(r"(?:由|从|比|较|与)\s*$")
_MOMENT_ISO = rx(r"\d{4}-\d{2}")
_MOMENT_TO_VALUE = rx(r"\s*的?\s*")


def _moment_baseline(text: str, baselines: list[PeriodMention], ends: list[int], cs: int,
                     at: int) -> PeriodMention | None:
    """The moment (年初, 上年末: a baseline of one month) that dates the old value at ``at``, written
    right before it after 由/从/比/较 in its clause ("由年初的110台增加到118台"), if any."""
    i = bisect.bisect_right(ends, at) - 1
    if i < 0 or baselines[i].span.start < cs:
        return None
    p = baselines[i]
    ok = _MOMENT_ISO.fullmatch(p.iso) and _MOMENT_BEFORE.search(text, max(0, p.span.start - 2), p.span.start) \
        and _MOMENT_TO_VALUE.fullmatch(text, p.span.end, at)
    return p if ok else None


def _moment_of(iso: str) -> str:
    """The month a span ends at, where a level compared with a moment stands; another period as it is.

    >>> _moment_of("2026-01/2026-06"), _moment_of("2026"), _moment_of("2021/2025")
    ('2026-06', '2026', '2021/2025')
    """
    return iso.split("/")[1] if _SPAN.fullmatch(iso) else iso
