"""Readable terminal report: findings grouped by section, each with its source sentence.

Rendered with rich (colours on a terminal, plain text when piped); ``render_json`` gives the
machine form of the same report.
"""

from __future__ import annotations

import json
from io import StringIO
from itertools import groupby

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from ..._terminal import visible as visible_text
from ..evaluation.findings import Finding, Report

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
LABEL = {"error": "错误", "warning": "存疑", "info": "提示"}
STATUS = {"inconsistent": "不一致", "consistent": "一致", "weak": "弱一致", "not_checkable": "无法核验"}


def visible(report: Report, show_passed: bool = False) -> list[Finding]:
    """The findings a reader sees: problems always, passes and notes on request."""
    return [f for f in report.findings if show_passed or f.problem]


def render_text(report: Report, show_passed: bool = False, color: bool | None = None, width: int = 100,
                show_unchecked: bool = False) -> str:
    """The report as text grouped by section (heading path), with ANSI colours when ``color``."""
    buf = StringIO()
    console = Console(file=buf, force_terminal=bool(color), no_color=not color, width=width,
                      highlight=False, soft_wrap=True)
    console.print(Text(f"gongwen check: {visible_text(report.path or '<document>')}", style="bold"))
    shown = visible(report, show_passed)
    for section, group in groupby(shown, key=lambda f: f.section):
        console.print()
        console.print(Text("§ " + visible_text(" › ".join(section) if section else "（正文）"), style="bold blue"))
        for f in group:
            _finding(console, report, f)
    console.print()
    console.print(Text(report.summary_line(), style="bold"))
    if not show_passed and report.passed:
        console.print(Text(f"（{len(report.passed)} 组一致的关系未列出，加 --show-passed 查看）", style="dim"))
    if show_unchecked and report.unchecked:
        console.print()
        console.print(Text(f"未经任何关系核验的数字（{len(report.unchecked)} 个）：", style="bold"))
        for fig in report.unchecked:
            where = " › ".join(fig.section) if fig.section else "正文"
            console.print(Text(visible_text(f"  {fig.as_written or fig.value}  [{where}]"), style="dim"))
    elif report.unchecked:
        console.print(Text(f"（{len(report.unchecked)} 个数字未经关系核验，加 --show-unchecked 查看）", style="dim"))
    return buf.getvalue()


def _finding(console: Console, report: Report, f: Finding) -> None:
    style = "green" if f.status == "consistent" else STYLE[f.severity]
    tag = "通过" if f.status == "consistent" else LABEL[f.severity]
    console.print(f"  [{style}]{tag}[/] [dim]{f.code} {f.name} · {STATUS[f.status]}[/]  {escape(visible_text(f.message))}")
    if f.sentence is not None and report.text:
        s = f.sentence.slice(report.text).strip()
        if len(s) > 160:
            s = s[:157] + "…"
        console.print(f"      [dim]原文：{escape(visible_text(s))}[/]")


def render_json(report: Report, show_passed: bool = True) -> str:
    """The report as JSON (decimal strings for intervals, never floats)."""
    return json.dumps(report.to_json(show_passed), ensure_ascii=False, indent=2)
