"""Figures: quantities of the canonical text (and of tables) as labelled :class:`Figure` records.

The number grammar (:mod:`.numbers`, :mod:`.changes`, :mod:`.periods`) finds the literals; this
module attaches what a dataset needs: the period in force (the nearest reporting period to the
left in the same paragraph: :mod:`.period_reach`, then what it dates: :mod:`.dating`), the heading
path, program, scope and metric (:mod:`.labels`, :mod:`.metrics`; then what each takes from the
figures around it, :mod:`.neighbours`, :mod:`.breakdowns`, :mod:`.neighbour_scopes`), the sentence
and the page.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from ..._data import package_yaml, rx
from ...figure import Figure
from ...model import Document, Span
from .dating import (
    _COUNTED,
    _CUMULATIVE,
    _EFFECTIVE,
    _REACHED,
    _REPORTING,
    _SPAN,
    _STOCK,
    _after_flow,
    _anchored,
    _baseline_of,
    _clause_after,
    _context_period,
    _ends_before,
    _heading_period,
    _in_year,
    _moment_baseline,
    _moment_of,
    _next_period,
    _now,
    _own_period,
    _planned,
    _rate_period,
    _report_period,
    _so_far,
    _stock_period,
    _year_of,
)
from .grammar.changes import Change, apply_changes, find_changes
from .grammar.numbers import find_quantities
from .grammar.periods import find_periods
from .grammar.quantity import Quantity
from .labels.breakdowns import (
    among_part_metrics,
    criterion_part_metrics,
    distribute,
    inherit_part_metrics,
    source_metrics,
)
from .labels.kinds import figure_kind, names_present, states_fact
from .labels.labeller import Labeller
from .labels.naming import heading_name, metric_work
from .labels.neighbour_scopes import carried_scopes, share_scopes, structure_scopes
from .labels.neighbours import delta_metrics, sentence_metrics
from .labels.share_wholes import share_whole_metrics
from .period_reach import (
    _DIGIT,
    _action_between,
    _as_of_before,
    _framing_span,
    _opening_period,
    _period_for,
    _table_period,
)
from .tables import table_figures
from .words.heads import _in_order
from .words.metric_rules import unit_kind
from .words.vocab import choose_vocab, load_vocab

_STEADY = package_yaml("gongwen.extract", "data/phrases.yaml")["steady"]
_STEADY_BEFORE = rx("(?:" + _in_order(_STEADY["verbs"]) + r")\s*$")
_STEADY_AFTER = rx(r"[，,]?\s*(?:" + _in_order(_STEADY["than"]) + ")(?:" + _in_order(_STEADY["baselines"])
                   + ")(?:基本)?持平")
_DIGITS = "0123456789"
_CUE_REACH = 300  # how far back in its sentence a target cue (力争, 确保 …) governs a figure  # earlier-sentence periods examined for one that opens its clause
_YEAR_ONLY = rx(r"\d{4}")
# 全年/今年 naming a target ("完成全年任务3600批次的47.2%", "列入今年计划的22座") dates that target only
_TARGET_NOUN = rx(r"\s*(?:指标|目标)?(?:任务|目标|计划|预算|指标)")
_SINCE = rx(r"以来")
_LIST_JOIN = rx(r"\s*(?:和|、|及|与|以及)\s*")  # nothing but a conjunction between two figures of a list


def _title_ranges(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in rx(r"《[^《》\n]*》").finditer(text)]


_FAR = 1 << 62


def _inside(ranges: Sequence[tuple[int, int]], a: int, b: int) -> bool:
    """Whether [a, b) lies inside one of ``ranges`` (sorted, non-overlapping)."""
    i = bisect.bisect_right(ranges, (a, _FAR)) - 1
    return i >= 0 and ranges[i][0] <= a and b <= ranges[i][1]


# a base a ratio is reckoned on: 按 before it in its clause, a reckoning verb right after it (periods.yaml basis_verbs)
_BASIS_OPEN = rx(r"按[^，。；,;：:]{0,16}$")
_BASIS_CLOSE = rx(r"[^，。；,;（）()]{0,6}?(?:" + "|".join(map(str, package_yaml("gongwen.extract", "data/periods.yaml")["basis_verbs"]))
                  + r")(?!划)")

_GOAL_WORD = rx("|".join(map(str, package_yaml("gongwen.extract", "data/periods.yaml")["goal_words"])))
_YEAR_TO_DATE = frozenset(map(str, package_yaml("gongwen.extract", "data/periods.yaml")["year_to_date"]))
_BARE_NOW = frozenset(map(str, package_yaml("gongwen.extract", "data/periods.yaml")["bare_now"]))


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
    meta = doc.metadata
    bureau = choose_vocab(str(vocab) if vocab is not None else None, meta.issuer or meta.title)
    if bureau is None and vocab is None and meta.issuer and meta.title:
        # a signature that names a section of the body (退休科 under a 老干部局's title) picks no
        # file: the title may name the body
        bureau = choose_vocab(None, meta.title)
    v = load_vocab(bureau)
    # an issuer named, whose bureau no vocabulary file covers (信访局, 气象局): its headings name its work
    lab = Labeller(doc, v, new_bureau=bureau is None and bool(doc.metadata.issuer))
    text = doc.text
    year = doc.metadata.year
    titles = _title_ranges(text)
    skip = sorted([(p.span.start, p.span.end) for p in doc.paragraphs if p.kind in ("title", "signature", "date", "meta")]
                  + [(t.span.start, t.span.end) for t in doc.tables])
    now = _now(doc)
    all_periods = find_periods(text, year=year, date=now)
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
        bare_now = period is not None and period.text in _BARE_NOW
        if bare_now and period is not None:
            # 目前 after an as-of date of its paragraph is that date; alone, the document's unwritten now
            dated = _as_of_before(text, periods, period_starts, ps, period)
            period, bare_now = (dated, False) if dated is not None else (period, True)
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
            hp = _heading_period(path, heading_period, year, now)
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
        plan_year = (_heading_period(path, heading_period, year, now) or report_period) \
            if kind == "target" and period is None else report_period
        own = _own_period(text, period, kind, ss, a, b, raised, baseline, report_period, plan_year)
        if own is not None:
            iso, inferred = own
            if iso is None and kind == "standard":
                # a standing rule dates nothing of its own: it is in force in the period its section
                # or report is about (inferred — a reader may leave it undated)
                iso = _year_of(_context_period(path, heading_period, year, now, plan_doc, report_period))
                inferred = iso is not None
        elif period is not None:
            iso = _rate_period(period.iso, period.kind) if is_rate and kind != "actual" else period.iso
            inferred = period.span.start < ss or bare_now
        elif kind == "condition":  # a rule inherits only the period of the plan (or report) it stands in
            iso = _context_period(path, heading_period, year, now, plan_doc, report_period)
            inferred = iso is not None
        else:
            iso = _heading_period(path, heading_period, year, now)
            if iso is None and kind == "target" and not plan_doc and _planned(path):
                iso = _next_period(report_period)  # 下一步工作打算 in a 2023 summary plans 2024
            iso = iso or report_period
            inferred = iso is not None
        if iso and kind in ("actual", "share") and prev is not None and _SPAN.fullmatch(iso) \
                and _moment_baseline(text, baselines, baseline_ends, cs, prev.span.start) is not None:
            # a level raised from a moment (由年初的110台增加到118台) in a part-year report stands at the
            # span's last month, as what exists now does (a year's report keeps its year)
            iso = _moment_of(iso)
        if kind == "actual" and iso and (_CUMULATIVE.search(text, cs, a)
                                         or (_REACHED.search(text, cs, a) and unit_kind(unit) in _COUNTED)) \
                and (period is None or period.span.start < cs) and _SPAN.fullmatch(iso) \
                and _after_flow(records, text, ss, a, unit):
            iso = iso.split("/")[1]  # 上半年新建站点9个，全县累计建成64个 (…达到64个): the level at the span's end
        elif kind in ("actual", "share") and inferred and (period is None or period.span.start < ss) and iso \
                and _SPAN.fullmatch(iso) and names_present(text[ss:a]):
            # a part-year report's "全县现有敬老院12所，床位860张": what exists now, at the span's end, also when
            # the span is carried from an earlier sentence (上半年…。…现有在职职工68人)
            # (a year's report keeps its year: its writers date such levels by the year)
            iso = iso.split("/")[1]
        elif plan_doc and kind in ("actual", "share") and inferred and (period is None or period.span.start < ss) \
                and year is not None and iso == str(year) \
                and states_fact(kclause, text[max(ss, a - _CUE_REACH):a], _clause_after(text, b)):
            # a plan's "现有委员工作室12个", "全区21所中学中已有15所": what exists as the plan is written — the close
            # of the year before the one it plans (a plan speaks before its year's work begins)
            iso = f"{year - 1}-12"
        if iso and not inferred and _BASIS_OPEN.search(text, cs, a) and _BASIS_CLOSE.match(text, b):
            inferred = True  # 截至9月底…，按常住人口68.1万人计算: the date is the ratio's, the base only borrowed
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
            _framing=_framing_span(text, flows, flow_starts, ps, ss, moment, _tally(text, records, moment, ss))
            if period is moment and own is None else None,
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
    among_part_metrics(text, records, lab)  # (after the 分别 lists: their items' scopes are set)
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
            _heading_period(doc.section_path(t.span.start), heading_period, year, now) or report_period)
        tables.extend(table_figures(doc, t, lab, context))
    for r in records:
        r["period"] = _stock_period(r["metric"], r["period"], r["period_inferred"], r["kind"])
        framing = r.pop("_framing")
        if framing is not None and not _STOCK.search(r["metric"] or "") and r["kind"] in ("actual", "change", "completion"):
            r["period"] = framing
    tables = [f if (p := _stock_period(f.metric, f.period, f.period_inferred, f.kind)) == f.period
              else replace(f, period=p) for f in tables]
    # (a figure the vocabulary names no program for takes its heading's name of a line of work; a new
    # bureau's that none names either, the work its own metric counts — unless it only states what
    # the jurisdiction is; each program keeps what named it, for the checker weighs a guess lightly)
    for r in records:
        r["program_from"] = "text" if r["program"] is not None else None
        if r["program"] is None and (p := heading_name(None, _innermost_title(lab.section_path(r["span"].start)))):
            r["program"], r["program_from"] = p, "heading"
        if r["program"] is None and lab.new_bureau and not lab.base_statistic(r["span"].start) \
                and (p := metric_work(r["metric"])):
            r["program"], r["program_from"] = p, "metric"
    tables = [_table_program(f, lab) for f in tables]
    merged: list[dict[str, Any] | Figure] = [*records, *tables]
    merged.sort(key=lambda r: r["span"].start if isinstance(r, dict) else r.span.start)
    figures = [Figure(**r, id=f"f{n}") if isinstance(r, dict) else replace(r, id=f"f{n}")
               for n, r in enumerate(merged, 1)]
    if getattr(doc.metadata, "ocr_pages", None):
        # a figure read from a scan carries the lowest confidence of its digits
        figures = [replace(f, ocr_confidence=doc.source.confidence_of(f.span, _DIGITS)) for f in figures]
    return figures


def _table_program(f: Figure, lab: Labeller) -> Figure:
    """A table cell's program with what names it, as a text figure's (:func:`find_figures`)."""
    if f.program is not None:
        return replace(f, program_from="text")
    if p := heading_name(None, _innermost_title(lab.section_path(f.span.start))):
        return replace(f, program=p, program_from="heading")
    if lab.new_bureau and (p := metric_work(f.metric)):
        return replace(f, program=p, program_from="metric")
    return f


def _innermost_title(path: Sequence[Any]) -> str | None:
    return path[-1].title if path else None


def _tally(text: str, records: list[dict[str, Any]], moment: Any, ss: int) -> bool:
    """Whether the sentence of an earlier moment (截至9月底，已整改隐患1096处) states a count or amount
    done by then, not only rates at the moment (城镇登记失业率为2.86%)."""
    if moment is None or moment.span.start >= ss:
        return True
    end = _sentence_end(text, moment.span.end)
    return any(moment.span.start < r["span"].start < end and unit_kind(r["unit"]) not in _RATE_KINDS
               for r in records[-60:])


_RATE_KINDS = frozenset({"percent", "points", "rate"})


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
