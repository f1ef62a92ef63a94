"""Sentences about programs and their figures, and the record of what the text states.

Each narrated figure is also recorded as a :class:`~gongwen.figure.Figure` (value as printed, in
the base unit) so a test can compare ``render → .docx → extract`` against exactly what the
document says (the round-trip oracle), and each unfilled value as a 【待填】 placeholder.
"""

from __future__ import annotations

import contextvars
import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..figure import Figure
from .markup import placeholder
from .phrasing import Change, amount, change_phrase, plan_period, target_phrase, unit_info
from .schema import FigureSpec, Program, ReportData
from .wording import subject

_PERIOD_PARTS = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@dataclass
class Record:
    """What one render stated: figures in text order and the placeholders left to fill."""

    figures: list[Figure] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # key paths of unfilled values


_RECORD: contextvars.ContextVar[Record | None] = contextvars.ContextVar("gongwen_render_record", default=None)


def start_record() -> tuple[Record, contextvars.Token[Record | None]]:
    """Begin collecting stated figures for one render."""
    rec = Record()
    return rec, _RECORD.set(rec)


def end_record(token: contextvars.Token[Record | None]) -> None:
    _RECORD.reset(token)


def _note(fig: Figure | None = None, missing: str | None = None) -> None:
    rec = _RECORD.get()
    if rec is None:
        return
    if fig is not None:
        rec.figures.append(fig)
    if missing is not None:
        rec.missing.append(missing)


def period_phrase(period: str | None, report: ReportData) -> str:
    """The time phrase opening a sentence (with its comma), or "" for none.

    2025 → 2025年， (预计2025年全年， when the report is dated before the year ends);
    2025-11 → 截至2025年11月底，; 2025-10-30 → 截至2025年10月30日，; 2025-01/2025-11 →
    2025年1—11月，; 2025-01/.. → 自2025年1月起，; 2021/2025 → “十四五”期间，.
    """
    if not period:
        return ""
    if "/" in period:
        a, b = period.split("/", 1)
        ma = _PERIOD_PARTS.match(a)
        assert ma is not None  # validated by the schema
        ya, mo_a = ma.group(1), ma.group(2)
        if b == "..":
            return f"自{ya}年{int(mo_a)}月起，" if mo_a else f"自{ya}年起，"
        mb = _PERIOD_PARTS.match(b)
        assert mb is not None
        yb, mo_b = mb.group(1), mb.group(2)
        if not mo_a and not mo_b:
            name = plan_period(int(ya))
            if name and plan_period(int(yb)) == name and int(yb) - int(ya) == 4:
                return f"“{name}”期间，"
            return f"{ya}—{yb}年，"
        if ya == yb and mo_a and mo_b:
            if mo_a == mo_b:  # one month, never 2021年10—10月
                return f"{ya}年{int(mo_a)}月，"
            return f"{ya}年{int(mo_a)}—{int(mo_b)}月，"
        return f"{ya}年{int(mo_a or 1)}月至{yb}年{int(mo_b or 12)}月，"
    m = _PERIOD_PARTS.match(period)
    assert m is not None
    y, mo, d = m.group(1), m.group(2), m.group(3)
    if d:
        return f"截至{y}年{int(mo)}月{int(d)}日，"
    if mo:
        return f"截至{y}年{int(mo)}月底，"
    if int(y) == report.year and report.date and report.date < f"{y}-12-31" and report.kind != "plan":
        return f"预计{y}年全年，"
    return f"{y}年，"


def _figure(prog: Program, f: FigureSpec, value: Decimal, ch: Change, previous: Decimal | None,
            metric: str | None = None) -> Figure:
    info = unit_info(f.unit)
    _, shown = amount(value, f.unit)
    prev_shown = amount(previous, f.unit)[1] if previous is not None and ch.states_previous else None
    return Figure(value=shown, unit=info.base,
                  program=prog.name, scope=f.scope, metric=metric or f.label, period=f.period,
                  previous=prev_shown, change=ch.change, change_unit=ch.change_unit,
                  as_written=ch.text, unit_as_written=f.unit)


def _clause(report: ReportData, prog: Program, f: FigureSpec, mode: str, with_subject: bool = True,
            name_program: bool = False) -> str:
    """One figure as a clause: subject + value and comparison (+ target), no period, no stop.

    With ``name_program`` the subject names the program when its words do not (城镇月人均补差
    under 最低生活保障 → 城镇最低生活保障月人均补差); scope and label are written once where they
    overlap (公办 + 公办机构数 → 公办机构数).
    """
    if with_subject:
        head = subject(f.scope or "", f.verb, f.label, prog if name_program else None)
    else:
        head = f.scope or ""
    prev_label = "上年"  # not "2024年的": a second year in the clause would read as the period
    value = f.value if mode == "summary" else (f.target if f.target is not None else f.value)
    if value is None:
        hint = f"{f.scope or ''}{f.label}（{f.unit}）"
        if f.previous is not None:
            hint += f"，{report.year - 1}年为{amount(f.previous, f.unit)[0]}"
        _note(missing=f.path)
        return head + placeholder(f"【待填：{hint}】")
    ch = change_phrase(value, f.previous, f.unit, previous_label=prev_label, yoy_word=report.yoy_word,
                       style=f.style)
    _note(_figure(prog, f, value, ch, f.previous))
    text = head + ch.text
    if mode == "plan":
        return "力争" + text
    if f.target is not None:
        phrase, pct = target_phrase(value, f.target)
        if phrase:
            text += "，" + phrase
            if pct is not None:
                _note(Figure(value=pct, unit="%", program=prog.name, scope=f.scope,
                             metric=f"{f.label}目标完成率", period=f.period, as_written=f"{pct}%"))
    return text


def _with_parts(report: ReportData, prog: Program, f: FigureSpec, mode: str, name_program: bool,
                last: bool = True) -> str:
    """A metric and its parts (no period, no stop): 全县城乡低保对象…，其中城市…；农村… when it ends
    its sentence, else in brackets (全县城乡低保对象5230户（城市1200户、农村4030户）) so a reader does
    not take the next figure of the sentence for one more part."""
    text = _clause(report, prog, f, mode, name_program=name_program)
    if f.parts:
        parts = []
        for p in f.parts:
            sub = period_phrase(p.period, report) if p.period != f.period else ""
            parts.append(sub + _clause(report, prog, p, mode, with_subject=False))
        sep = "；" if any("，" in x for x in parts) else "、"
        text += "，其中" + sep.join(parts) if last else "（" + sep.join(parts) + "）"
    return text


def figure_sentence(report: ReportData, prog: Program, f: FigureSpec, mode: str = "summary") -> str:
    """A full sentence for one metric and its parts, ending with 。.

    截至2025年11月底，全县城乡低保对象由2024年的5010户增加到5230户，增长4.4%，其中城市1200户、农村4030户。
    """
    return period_sentences(report, prog, [f], mode)


def period_sentences(report: ReportData, prog: Program, figures: list[FigureSpec], mode: str) -> str:
    """Figures of one period as one sentence: the period stated once, figures joined by ；, the
    first naming the program; figures with parts (其中…) after the others, a note ends it.

    自2025年1月起，城区租赁补贴标准由每人每月915元提高到每人每月958元，增长4.7%；农村低保标准由…。

    Readers do not reliably carry a period into the next sentence, so a period's figures are
    never split over sentences.
    """
    ordered = [f for f in figures if not f.parts] + [f for f in figures if f.parts]
    clauses = [_with_parts(report, prog, f, mode, name_program=i == 0, last=i == len(ordered) - 1)
               for i, f in enumerate(ordered)]
    notes = "".join(n if n.endswith(("。", "！", "？", "”")) else n + "。" for n in (f.note for f in ordered) if n)
    return period_phrase(figures[0].period, report) + "；".join(clauses) + "。" + notes


PARAGRAPH_BREAK = "\np: "  # narrate's output may hold several markup paragraphs


def narrate(report: ReportData, prog: Program, mode: str = "summary") -> str:
    """A program's paragraph(s): its lead text, then its figures grouped by period.

    Figures sharing a period are told together, the period stated once (never 自2025年1月起
    twelve times), in the order each period first appears.  Readers carry a stated period
    (截至11月底，…) forward through a paragraph, so figures without a period that follow dated
    ones start a new paragraph instead of silently inheriting it.
    """
    text = "".join(t if t.endswith(("。", "！", "？", "”", "：")) else t + "。" for t in prog.text)
    groups: dict[str | None, list[FigureSpec]] = {}
    for f in prog.figures:
        groups.setdefault(f.period, []).append(f)
    dated = False
    for period, figures in groups.items():
        if period is None and dated:
            text += PARAGRAPH_BREAK
            dated = False
        text += period_sentences(report, prog, figures, mode)
        dated = dated or period is not None or any(p.period for f in figures for p in f.parts)
    return text
