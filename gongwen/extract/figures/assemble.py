"""Figures: quantities of the canonical text (and of tables) as labelled :class:`Figure` records.

The number grammar (:mod:`.numbers`, :mod:`.changes`, :mod:`.periods`) finds the literals; this
module attaches what a dataset needs: the period in force (the nearest reporting period to the
left in the same paragraph), the heading path, program, scope and metric (:mod:`.labels`,
:mod:`.metrics`; then what each takes from the figures around it, :mod:`.neighbours`), the
sentence and the page.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

import regex

from ..._data import package_yaml, rx
from ...figure import Figure
from ...model import Document, Heading, Span
from .grammar.changes import Change, apply_changes, find_changes
from .grammar.numbers import find_quantities
from .grammar.periods import PeriodMention, find_periods
from .grammar.quantity import Quantity
from .labels.kinds import completion_base, figure_kind, is_plan_heading
from .labels.labeller import Labeller
from .labels.neighbours import (
    CLAUSE_PUNCT,
    carried_scopes,
    criterion_part_metrics,
    delta_metrics,
    distribute,
    inherit_part_metrics,
    sentence_metrics,
    share_scopes,
    source_metrics,
    structure_scopes,
)
from .labels.share_wholes import share_whole_metrics
from .tables import table_figures
from .words.heads import _in_order
from .words.metric_rules import unit_kind
from .words.vocab import choose_vocab, load_vocab

_REPORTING = {"month", "interval", "open", "date", "year", "plan"}
_DIGIT = rx(r"\d")
_STEADY = package_yaml("gongwen.extract", "data/phrases.yaml")["steady"]
_STEADY_BEFORE = rx("(?:" + _in_order(_STEADY["verbs"]) + r")\s*$")
_STEADY_AFTER = rx(r"[，,]?\s*(?:" + _in_order(_STEADY["than"]) + ")(?:" + _in_order(_STEADY["baselines"])
                   + ")(?:基本)?持平")
_DIGITS = "0123456789"
_PERIOD_LOOKBACK = 20
_CUE_REACH = 300  # how far back in its sentence a target cue (力争, 确保 …) governs a figure  # earlier-sentence periods examined for one that opens its clause
_YEAR_ONLY = rx(r"\d{4}")
# 全年/今年 naming a target ("完成全年任务3600批次的47.2%", "列入今年计划的22座") dates that target only
_TARGET_NOUN = rx(r"\s*(?:指标|目标)?(?:任务|目标|计划|预算|指标)")
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
_SINCE = rx(r"以来")
_LIST_JOIN = rx(r"\s*(?:和|、|及|与|以及)\s*")  # nothing but a conjunction between two figures of a list
_MARKER_BEFORE = rx(r"(?:^|[。；;：:\s])[一二三四五六七八九十]{1,3}、\Z")
_EFFECTIVE = ("open", "month")  # periods that set a standard in force (2020年1月起, 于2019年7月执行)


def _title_ranges(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in rx(r"《[^《》\n]*》").finditer(text)]


_FAR = 1 << 62


def _inside(ranges: Sequence[tuple[int, int]], a: int, b: int) -> bool:
    """Whether [a, b) lies inside one of ``ranges`` (sorted, non-overlapping)."""
    i = bisect.bisect_right(ranges, (a, _FAR)) - 1
    return i >= 0 and ranges[i][0] <= a and b <= ranges[i][1]


_SPAN = regex.compile(r"(\d{4}-\d{2})/\d{4}-(\d{2})")


def _ending_on(key: str) -> Any:
    """A pattern of the words of periods.yaml ``key`` (longest first) ending a text."""
    words = map(str, package_yaml("gongwen.extract", "data/periods.yaml")[key])
    return rx("(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")\s*$")


_STOCK = _ending_on("stocks")
_CUMULATIVE = _ending_on("cumulative_levels")


_GOAL_WORD = rx("|".join(map(str, package_yaml("gongwen.extract", "data/periods.yaml")["goal_words"])))
_YEAR_TO_DATE = frozenset(map(str, package_yaml("gongwen.extract", "data/periods.yaml")["year_to_date"]))


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
        if _WRITTEN_YEAR.search(p.text) and _ISO_END_YEAR.search(p.iso) and _opens_clause(text, p.span.start):
            named = p  # (a year inside a phrase, 根据2024年度…更新成果, dates that phrase only)
        i += 1
    m = _ISO_END_YEAR.search(named.iso) if named is not None else None
    if m is None or int(m[1]) == year:
        return period
    return _in_year(period, int(m[1]))


_WRITTEN_YEAR = rx(r"\d{4}\s*年")
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


def _changes(text: str, qs: list[Quantity]) -> tuple[list[Quantity], dict[int, Quantity], dict[int, Change]]:
    """Apply the change grammar: quantities with roles, new value → previous, delta → change."""
    changes = find_changes(text, qs)
    qs = apply_changes(qs, changes)
    prev_of: dict[int, Quantity] = {}
    delta_of: dict[int, Change] = {}
    for c in changes:
        if c.kind == "from_to" and c.new is not None and c.previous is not None:
            prev_of[c.new.span.start] = c.previous
        if c.kind == "by" and c.delta_quantity is not None and c.delta is not None:
            delta_of[c.delta_quantity.span.start] = c
    return qs, prev_of, delta_of


def find_figures(doc: Document, *, vocab: str | Path | None = None) -> list[Figure]:
    """Every figure of ``doc`` in document order, labelled."""
    bureau = choose_vocab(str(vocab) if vocab is not None else None, doc.metadata.issuer or doc.metadata.title)
    v = load_vocab(bureau)
    # an issuer named, whose bureau no vocabulary file covers (信访局, 气象局): its headings name its work
    lab = Labeller(doc, v, new_bureau=bureau is None and bool(doc.metadata.issuer))
    text = doc.text
    year = doc.metadata.year
    titles = _title_ranges(text)
    skip = sorted([(p.span.start, p.span.end) for p in doc.paragraphs if p.kind in ("title", "signature", "date", "meta")]
                  + [(t.span.start, t.span.end) for t in doc.tables])
    all_periods = find_periods(text, year=year, date=doc.metadata.date)
    periods = [p for p in all_periods
               if p.kind in _REPORTING and not _inside(titles, p.span.start, p.span.end)
               and not (p.kind == "year" and not _DIGIT.search(p.text) and _TARGET_NOUN.match(text, p.span.end))]
    flows = [p for p in periods if p.kind != "date"]
    flow_starts = [p.span.start for p in flows]
    deadlines = [p for p in all_periods if p.kind == "deadline"]
    deadline_starts = [p.span.start for p in deadlines]
    baselines = [p for p in all_periods if p.kind == "baseline"]
    baseline_ends = [p.span.end for p in baselines]
    period_starts = [p.span.start for p in periods]
    qs, prev_of, delta_of = _changes(text, find_quantities(text, year=year, periods=all_periods))
    lab.quantity_ends = sorted(q.span.end for q in qs)
    records: list[dict[str, Any]] = []
    conditioned: set[int] = set()  # figures whose scope is an age or similar condition
    report_period = _report_period(doc)
    breaks = [m.start() for m in rx(r"[。！？!?\n]").finditer(text)]
    plan_doc = doc.metadata.kind == "plan"
    heading_period: dict[int, str | None] = {}
    for q in qs:
        a, b = q.span.start, q.span.end
        if q.role in ("previous", "class") or not (q.unit or q.unit_source == "noun"):
            continue
        if _inside(titles, a, b) or _inside(skip, a, a):
            continue
        path = lab.section_path(a)
        ps, ss = lab.paragraph_start(a), lab.sentence_start(a)
        cs = lab.clause_start(a)
        is_rate = unit_kind(q.unit) == "rate"
        period = _period_for(periods, period_starts, ps, a, ss, text)
        if period is not None and period.kind == "date" and period.span.start < ss:
            # a moment named inside an earlier sentence ("全年…收入14.72亿元，…，年末累计结余21.36亿元。")
            # dates only its own clause: the sentences after it take the period that opens it
            period = _opening_period(text, periods, period_starts, ps, period)
        moment = period
        due = _period_for(deadlines, deadline_starts, ss, a) if deadlines else None
        if period is not None and period.kind == "open" and not is_rate and (
                period.span.start < ss or (not _SINCE.search(period.text)
                                           and unit_kind(q.unit) in ("count", "person", "household")
                                           and _action_between(text, period.span.end, cs))):
            # an effective date ("自2021年1月起") set a rate; it is not the period of the counts
            # and amounts in later sentences ("目前全县共有特困供养人员2317人") nor of those after
            # an action it starts in a clause between ("自4月26日起，组织常态化核酸检测，储备采样人员
            # 1521名": a count; "自2025年1月起，参与单位2个，其中城市1个" stays open);
            # 今年以来/2017年以来 still date what they introduce
            period = None
        if period is not None and year is not None and not _DIGIT.search(period.text):
            period = _anchored(text, periods, period_starts, ps, period, year)
        prev = prev_of.get(a)
        previous = prev.value if prev is not None else None
        if previous is None and _STEADY_AFTER.match(text, b) and _STEADY_BEFORE.search(text, cs, a):
            previous = q.value  # "保持在347张，与上年持平": last year's value is this one
        ch = delta_of.get(a)
        value, unit = q.value, q.unit
        change: Decimal | None = None
        change_unit: str | None = None
        if ch is not None and ch.delta is not None:  # a stated delta is a figure of its own, signed
            value, unit = ch.delta, ch.delta_unit or q.unit  # (下降3.2个百分点 → -3.2)
            change, change_unit = ch.delta, unit
        # dated before the report's year: by its period (a plan's 在2025年…的基础上) or as the old value
        # of a comparison (较上年的9.15亿元)
        baseline = _baseline_of(text, baselines, baseline_ends, ss, a)
        past = year is not None and any(_ends_before(p.iso, year) for p in (period, baseline) if p is not None)
        last = records[-1] if records else None
        after_level = (last is not None and last["unit"] == unit and last["span"].end >= ss
                       and not text[last["span"].end:cs].strip(" ，,；;"))
        # a clause opened by a bracket ("完成年度任务（各3万人）的", "（火情12起、…）") reads on from the
        # clause the bracket stands in
        kclause = text[cs:a] if cs == 0 or text[cs - 1] not in "（(" else text[lab.clause_start(cs - 1):a]
        kind = figure_kind(_Context(kclause, text[max(ss, a - _CUE_REACH):a], unit, ch is not None,
                                    tuple(h.title for h in path), q.bound, plan_doc, past,
                                    _clause_after(text, b), after_level, q.as_written))
        if last is not None and ((q.range_role == "high" and last["range_id"] == q.range_id)
                                 or (last["unit"] == unit and last["span"].end >= ss
                                     and _LIST_JOIN.fullmatch(text, last["span"].end, a))):
            # 每户2.2万元至3.5万元: both bounds are of one kind; so are the items of a list of one
            # unit joined by a bare 和/、 (分别完成年度计划的104.0%和97.1%): the cue before the first
            # is the cue of all
            kind = last["kind"]
        if period is not None and kind in ("actual", "change") and period.text in _YEAR_TO_DATE \
                and not _GOAL_WORD.search(text, period.span.end, a):  # (今年全市计划改造86个: the year's plan)
            period = _so_far(periods, period_starts, ss, period, report_period, text)
        iso: str | None = None
        inferred = False
        if period is not None and not _DIGIT.search(period.text):
            # 全年/年底前 under "2024年工作打算" mean 2024's, not the report's
            hp = _heading_period(path, heading_period, year, doc.metadata.date)
            if hp is not None and _YEAR_ONLY.fullmatch(hp) and year is not None and int(hp) != year:
                period = _in_year(period, int(hp))
        if period is not None and kind == "change" and period.kind == "date" and period.span.start < ss:
            # a growth rate spans months: a stock's date of an earlier sentence (截至11月底…143家)
            # does not date it, the reporting months before that date do
            period = _period_for(flows, flow_starts, ps, period.span.start, ss, text) or period
        if due is not None and kind == "target" and (period is None or period.span.start < due.span.start):
            period = due  # 9月底前完成22座: a goal is dated by its deadline (the printed month)
        raised = prev is not None or ch is not None
        if period is not None and (
                (kind == "condition" and period.span.start < cs)
                or (raised and (kind == "standard" or unit.startswith("元/")) and period.span.start < ss
                    and period.kind not in _EFFECTIVE)):
            # a rule's threshold takes only its own clause's period; a raised standard inherits only
            # an effective date (2020年1月起), not a stock's date of an earlier sentence
            period = None
        # a target's year, when no period of its sentence dates it: its plan heading's (2026年工作计划) or the report's
        plan_year = (_heading_period(path, heading_period, year, doc.metadata.date) or report_period) \
            if kind == "target" and period is None else report_period
        own = _own_period(text, period, kind, ss, a, b, raised, baseline, report_period, plan_year)
        if own is not None:
            iso, inferred = own
            if iso is None and kind == "standard":
                # a standing rule dates nothing of its own: it is in force in the period its section
                # or report is about (inferred — a reader may leave it undated)
                iso = _year_of(_context_period(path, heading_period, year, doc.metadata.date, plan_doc, report_period))
                inferred = iso is not None
        elif period is not None:
            iso = _rate_period(period.iso, period.kind) if is_rate and kind != "actual" else period.iso
            inferred = period.span.start < ss
        elif kind == "condition":  # a rule inherits only the period of the plan (or report) it stands in
            iso = _context_period(path, heading_period, year, doc.metadata.date, plan_doc, report_period)
            inferred = iso is not None
        else:
            iso = _heading_period(path, heading_period, year, doc.metadata.date)
            if iso is None and kind == "target" and not plan_doc and any(is_plan_heading(h.title) for h in path):
                iso = _next_period(report_period)  # 下一步工作打算 in a 2023 summary plans 2024
            iso = iso or report_period
            inferred = iso is not None
        if kind == "actual" and iso and _CUMULATIVE.search(text, cs, a) \
                and (period is None or period.span.start < cs) and _SPAN.fullmatch(iso) \
                and _after_flow(records, text, ss, a, unit):
            iso = iso.split("/")[1]  # 上半年新建站点9个，全县累计建成64个: the level at the span's end
        para = doc.paragraph_at(a)
        if q.condition:
            conditioned.add(a)
        records.append(dict(
            value=value,
            unit=unit,
            program=lab.program(a, path),
            topic=path[-1].title if path else None,
            kind=kind,
            scope=lab.scope(a, b, q.condition, unit),
            metric=lab.ratio_metric(kind, a) or lab.metric(a, b, unit, "delta" if ch is not None else q.role, q.bound),
            period=iso,
            period_inferred=inferred,
            # the span a flow takes instead of a moment of an earlier sentence (decided once the metric is read)
            _framing=_framing_span(text, flows, flow_starts, ps, ss, moment) if period is moment and own is None else None,
            previous=previous,
            change=change,
            change_unit=change_unit,
            approx=q.approx,
            bound=q.bound,
            section=tuple(h.title for h in path),
            as_written=q.as_written,
            span=Span(a, b),
            unit_as_written=q.unit_as_written,
            quantum=q.quantum,
            range_id=q.range_id,
            range_role=q.range_role,
            page=para.page if para is not None else None,
            text_span=Span(ss, _sentence_end(text, b, breaks)),
            source="text",
            previous_span=prev.span if prev is not None else None,
        ))
    inherit_part_metrics(text, records, lab)
    source_metrics(text, records, lab)
    criterion_part_metrics(text, records, lab)
    share_scopes(text, records, lab)
    structure_scopes(text, records, lab)
    carried_scopes(text, records, lab)
    # (a 分别 list's items first: the changes stated after it measure what its levels measure)
    distribute(text, records, lab, conditioned)
    sentence_metrics(records, lab)
    delta_metrics(records, text)
    share_whole_metrics(records, lab)
    for r in records:
        if r["metric"]:
            r["metric"] = lab.bare_metric(r["metric"], r["program"], r["scope"])
    tables: list[Figure] = []
    for t in doc.tables:
        # a table's cells take the period of the sentence that introduces it, unless a column says
        k = bisect.bisect_right(lab.para_starts, t.span.start) - 1
        intro_start = doc.paragraphs[max(0, k - 2)].span.start
        before = _table_period(text, periods, period_starts, intro_start, t.span.start)
        context = before.iso if before is not None else (
            _heading_period(doc.section_path(t.span.start), heading_period, year, doc.metadata.date) or report_period)
        tables.extend(table_figures(doc, t, lab, context))
    for r in records:
        r["period"] = _stock_period(r["metric"], r["period"], r["period_inferred"], r["kind"])
        framing = r.pop("_framing")
        if framing is not None and not _STOCK.search(r["metric"] or "") and r["kind"] in ("actual", "change", "completion"):
            r["period"] = framing
    tables = [f if (p := _stock_period(f.metric, f.period, f.period_inferred, f.kind)) == f.period
              else replace(f, period=p) for f in tables]
    merged: list[dict[str, Any] | Figure] = [*records, *tables]
    merged.sort(key=lambda r: r["span"].start if isinstance(r, dict) else r.span.start)
    figures = [Figure(**r, id=f"f{n}") if isinstance(r, dict) else replace(r, id=f"f{n}")
               for n, r in enumerate(merged, 1)]
    if getattr(doc.metadata, "ocr_pages", None):
        # a figure read from a scan carries the lowest confidence of its digits
        figures = [replace(f, ocr_confidence=doc.source.confidence_of(f.span, _DIGITS)) for f in figures]
    return figures


class _Context(NamedTuple):
    """What :func:`figure_kind` reads of a figure's surroundings (a tuple: one per figure, built
    several times faster than a frozen dataclass)."""

    clause: str
    before: str
    unit: str
    delta: bool
    headings: tuple[str, ...]
    bound: str | None
    plan_document: bool = False  # the report is a work plan (工作计划/要点)
    past: bool = False  # the figure's stated period (or the comparison it is the old value of) ends before the report's year
    after: str = ""  # the clause after the number ("的年度控制目标")
    after_level: bool = False  # right after a level of the same unit ("769个，新增6个")
    written: str = ""  # the figure as written ("户均11525元")


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


def _action_between(text: str, a: int, b: int) -> bool:
    """Whether a clause without a number stands between ``a`` and ``b`` (an action: 组织核酸检测)."""
    return any(seg.strip() and not _DIGIT.search(seg) for seg in CLAUSE_PUNCT.split(text[a:b]))


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
    if hp is None and not plan_doc and any(is_plan_heading(h.title) for h in path):
        return _next_period(report)
    return hp or report


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
    if not _event_date(text, p):
        return False
    if p.span.start < sentence_start:
        return True
    between = text[p.span.end:o]
    if _COLON.search(between):
        return False  # "于2019年7月执行新标准：…；…": the date governs the list its colon opens
    return bool(_SEMICOLON.search(between)) or (not _opens_clause(text, p.span.start) and bool(_COMMA.search(between)))


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


def _table_period(text: str, periods: list[PeriodMention], starts: list[int], intro_start: int,
                  table_start: int) -> PeriodMention | None:
    """The period of the sentence that introduces a table: the one that opens that sentence's
    clauses ("全年…总收入7.71亿元，…年末累计结余7.08亿元。" → 全年), not the last one named in it,
    which governs only its own clause (a row such as 年末累计结余 says its own)."""
    last = _period_for(periods, starts, intro_start, table_start)
    if last is None:
        return None
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
                  moment: PeriodMention | None) -> str | None:
    """The span that frames a paragraph ("1-9月，全县城镇新增就业…") when a moment opening a later
    sentence of it states a stock ("9月末城镇登记失业率为2.9%。"): the flows of the sentences after
    the moment (举办招聘会24场, 发放创业担保贷款3600万元) are the span's, not the moment's.  None when
    ``moment`` is no such moment of an earlier sentence, or is 截至's (截至9月底，已发放…。…开展检查15次:
    an as-of date the writer carries on) or no span stands before it."""
    if moment is None or moment.kind != "date" or moment.span.start >= sentence_start \
            or _AS_OF_WORD.match(text, moment.span.start):
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


def _sentence_end(text: str, o: int, breaks: Sequence[int] | None = None) -> int:
    """Where the sentence holding ``o`` ends: after its 。！？, or at the line's end.  ``breaks``
    (the sorted positions of those marks and newlines) makes it a look-up instead of a scan."""
    if breaks is not None:
        i = bisect.bisect_left(breaks, o)
        if i == len(breaks):
            return len(text)
        k = breaks[i]
        return k if text[k] == "\n" else k + 1
    m = rx(r"[。！？!?\n]").search(text, o)
    return m.end() if m and text[m.start()] != "\n" else (m.start() if m else len(text))
