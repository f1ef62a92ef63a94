"""``gongwen render`` and ``gongwen draft``: thin click wrappers over the generator."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from .._io import atomic_write
from .._terminal import visible
from ..errors import GongwenError, OutputError
from .api import RenderResult, output_format, render

_TEMPLATE_HELP = "Built-in template (summary, plan, summary-plan) or the path of your own copy."


def _report_result(result: RenderResult) -> None:
    """One line about what was written, the checker, and every placeholder left to fill."""
    if result.path is not None:
        click.echo(f"gongwen: wrote {result.path} ({len(result.figures)} figures stated)", err=True)
    _report_check(result)
    missing = result.placeholders
    if missing:
        click.echo(f"gongwen: {len(missing)} value(s) still to fill (highlighted in the draft):", err=True)
        for path, text in zip(result.missing + [""] * len(missing), missing):
            click.echo(f"  {text}" + (f"  ← {path}" if path else ""), err=True)


def _report_check(result: Any) -> None:
    """The checker's note, the output warnings and every error or warning the check found."""
    if result.check_note:
        click.echo(f"gongwen: note: {result.check_note}", err=True)
    for w in result.warnings:
        click.echo(f"gongwen: warning: {w}", err=True)
    for f in result.findings:
        sev = getattr(f, "severity", "")
        if sev in ("error", "warning"):
            click.echo(f"gongwen: {sev}: {getattr(f, 'code', '')} {getattr(f, 'message', f)}", err=True)


def _to_stdout(result: Any, fmt: str | None) -> None:
    """Preview on stdout: plain text unless --format md (a .docx needs -o)."""
    fmt = fmt or "txt"
    if fmt in ("docx", "pdf"):
        raise OutputError(f"a .{fmt} needs an output file: pass -o OUT.{fmt}")
    sys.stdout.write(visible(result.markdown if fmt == "md" else result.text))  # never obey a template's escapes


@click.command("render")
@click.argument("data", type=click.Path(dir_okay=False))
@click.option("--template", "-t", default=None, help=_TEMPLATE_HELP)
@click.option("--profile", default="default", show_default=True,
              help="Layout profile: default (仿宋_GB2312 …), win10 (仿宋/楷体), or a profile .yaml.")
@click.option("--reference-docx", type=click.Path(dir_okay=False), default=None,
              help="A bureau's .docx whose styles, page setup and footers are kept (body replaced).")
@click.option("-o", "--output", default=None, help="Output file (.docx, .pdf, .md, .txt); text to stdout if omitted.")
@click.option("--format", "fmt", type=click.Choice(["docx", "pdf", "md", "txt"]), default=None,
              help="Output format (default: from the -o suffix).")
@click.option("--force", is_flag=True, help="Overwrite an existing file; write despite checker errors.")
@click.option("--no-check", is_flag=True, help="Do not run the consistency checker on the result.")
def render_cmd(data: str, template: str | None, profile: str, reference_docx: str | None, output: str | None,
               fmt: str | None, force: bool, no_check: bool) -> None:
    """Render a report from YAML/JSON data through a template (.docx per GB/T 9704, .md or .txt)."""
    if not Path(data).is_file():
        raise GongwenError("no such file", data)
    if output is not None:
        output_format(output, fmt)
    result = render(data, template=template, profile=profile, reference_docx=reference_docx, output=output,
                    format=fmt, force=force, check=not no_check)
    if output is None:
        _to_stdout(result, fmt)
        return
    _report_result(result)


@click.command("draft")
@click.argument("last_year_report", type=click.Path(dir_okay=False))
@click.option("--year", type=int, default=None, help="The new report's year (default: last year's + 1).")
@click.option("--skeleton", is_flag=True,
              help="Write the values file (YAML): every statistic of last year in document order, to fill.")
@click.option("--data", "data", type=click.Path(dir_okay=False), default=None,
              help="The filled values file; without it every value is a highlighted 【待填】.")
@click.option("--profile", default="default", show_default=True, help="Layout profile (default, win10, or a .yaml).")
@click.option("--reference-docx", type=click.Path(dir_okay=False), default=None,
              help="A bureau's .docx whose letterhead, styles, page setup and footers are kept.")
@click.option("-o", "--output", default=None, help="Output file; stdout if omitted (YAML or text).")
@click.option("--format", "fmt", type=click.Choice(["docx", "pdf", "md", "txt"]), default=None,
              help="Draft format (default: from the -o suffix).")
@click.option("--force", is_flag=True, help="Overwrite an existing file; write despite checker errors.")
@click.option("--no-check", is_flag=True, help="Do not run the consistency checker on the draft.")
@click.option("--keep-sentences", is_flag=True,
              help="Keep last year's sentences word for word (only the numbers change); by default a "
                   "statistic stated without comparison is re-stated as 由上年的A增加到B.")
def draft_cmd(last_year_report: str, year: int | None, skeleton: bool, data: str | None, profile: str,
              reference_docx: str | None, output: str | None, fmt: str | None, force: bool, no_check: bool,
              keep_sentences: bool) -> None:
    """Draft next year's report from last year's: its words kept, its statistics to update.

    --skeleton writes the values to fill; --data VALUES.yaml fills them (comparisons such as
    由A提高到B and 增长x% are rewritten from the numbers); unfilled values stay 【待填】.
    """
    from . import redraft

    if skeleton and data is not None:
        raise GongwenError("pass either --skeleton (write the values file) or --data VALUES.yaml (draft), not both")
    if not Path(last_year_report).is_file():
        raise GongwenError("no such file", last_year_report)
    if data is not None and not Path(data).is_file():
        raise GongwenError("no such file", data)
    if reference_docx is not None and not Path(reference_docx).is_file():
        raise OutputError("no such reference document", reference_docx)
    if output is not None and not skeleton:
        output_format(output, fmt)
    if year is None and data is not None:
        year = redraft.values.peek_year(data)
    template = redraft.prepare(last_year_report, year)
    if skeleton:
        text = redraft.skeleton(template)
        if output is None:
            sys.stdout.write(visible(text))
        else:
            path = atomic_write(output, text, force=force)
            click.echo(f"gongwen: wrote {path}: {len(template.slots)} values to fill, then run "
                       f"`gongwen draft {last_year_report} --data {path} -o draft.docx`", err=True)
        return
    result = redraft.draft(template, data, profile=profile, reference_docx=reference_docx,
                           keep_sentences=keep_sentences)
    if output is None:
        _to_stdout(result, fmt)
    else:
        write_result(result, output, fmt, force=force, check=not no_check)
    _report_draft(result)


def write_result(result: Any, output: str, fmt: str | None, *, force: bool, check: bool) -> None:
    """Write a draft like ``render`` does: atomically, refused on checker errors unless ``force``."""
    from .api import write_checked

    write_checked(result, output, fmt, force=force, check=check, inputs="values")


def _report_draft(result: Any) -> None:
    """What was written, what the checker said, and every value still to fill."""
    t = result.template
    if result.path is not None:
        n = len(t.slots) - len(result.missing)
        click.echo(f"gongwen: wrote {result.path} ({n} of {len(t.slots)} values filled)", err=True)
    _report_check(result)
    if result.missing:
        click.echo(f"gongwen: {len(result.missing)} value(s) still to fill (highlighted 【待填】 in the draft):",
                   err=True)
        for s in result.missing:
            click.echo(f"  {s.id}: {t.last_year}年 {s.literal}{s.unit}  {s.context}", err=True)
    if result.filled.stale:
        click.echo(f"gongwen: {result.filled.stale} stated change(s) of {t.last_year} could not be recomputed "
                   "and are left 【待填】", err=True)
