"""``gongwen render`` and ``gongwen draft``: thin click wrappers over the generator."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .._io import atomic_write
from ..errors import GongwenError, OutputError
from .api import RenderResult, output_format, render

_TEMPLATE_HELP = "Built-in template (summary, plan, summary-plan) or the path of your own copy."


def _report_result(result: RenderResult) -> None:
    """One line about what was written, the checker, and every placeholder left to fill."""
    if result.path is not None:
        click.echo(f"gongwen: wrote {result.path} ({len(result.figures)} figures stated)", err=True)
    if result.check_note:
        click.echo(f"gongwen: note: {result.check_note}", err=True)
    for f in result.findings:
        sev = getattr(f, "severity", "")
        if sev in ("error", "warning"):
            click.echo(f"gongwen: {sev}: {getattr(f, 'code', '')} {getattr(f, 'message', f)}", err=True)
    missing = result.placeholders
    if missing:
        click.echo(f"gongwen: {len(missing)} value(s) still to fill (highlighted in the draft):", err=True)
        for path, text in zip(result.missing + [""] * len(missing), missing):
            click.echo(f"  {text}" + (f"  ← {path}" if path else ""), err=True)


def _to_stdout(result: RenderResult, fmt: str | None) -> None:
    """Preview on stdout: plain text unless --format md (a .docx needs -o)."""
    fmt = fmt or "txt"
    if fmt == "docx":
        raise OutputError("a .docx needs an output file: pass -o OUT.docx")
    sys.stdout.write(result.markdown if fmt == "md" else result.text)


@click.command("render")
@click.argument("data", type=click.Path(dir_okay=False))
@click.option("--template", "-t", default=None, help=_TEMPLATE_HELP)
@click.option("--profile", default="default", show_default=True,
              help="Layout profile: default (仿宋_GB2312 …), win10 (仿宋/楷体), or a profile .yaml.")
@click.option("--reference-docx", type=click.Path(dir_okay=False), default=None,
              help="A bureau's .docx whose styles, page setup and footers are kept (body replaced).")
@click.option("-o", "--output", default=None, help="Output file (.docx, .md, .txt); text to stdout if omitted.")
@click.option("--format", "fmt", type=click.Choice(["docx", "md", "txt"]), default=None,
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
@click.option("--skeleton", is_flag=True, help="Write next year's data file (YAML) with last year's figures as `previous`.")
@click.option("--data", "data", type=click.Path(dir_okay=False), default=None,
              help="Next year's filled-in data file: render the draft, with 【待填】 placeholders for empty values.")
@click.option("--template", "-t", default=None, help=_TEMPLATE_HELP)
@click.option("--profile", default="default", show_default=True, help="Layout profile (default, win10, or a .yaml).")
@click.option("-o", "--output", default=None, help="Output file; stdout if omitted (YAML or text).")
@click.option("--format", "fmt", type=click.Choice(["docx", "md", "txt"]), default=None,
              help="Draft format (default: from the -o suffix).")
@click.option("--force", is_flag=True, help="Overwrite an existing file; write despite checker errors.")
@click.option("--no-check", is_flag=True, help="Do not run the consistency checker on the draft.")
def draft_cmd(last_year_report: str, year: int | None, skeleton: bool, data: str | None, template: str | None,
              profile: str, output: str | None, fmt: str | None, force: bool, no_check: bool) -> None:
    """Draft next year's report from last year's (--skeleton for the data file, --data to render)."""
    from . import draft as _draft
    from . import schema

    if skeleton == (data is not None):
        raise GongwenError("pass exactly one of --skeleton (write the data file) or --data NEW.yaml (render)")
    if not Path(last_year_report).is_file():
        raise GongwenError("no such file", last_year_report)
    ext = _draft.extract_last_year(last_year_report)
    if skeleton:
        text = _draft.skeleton(ext, year)
        if output is None:
            sys.stdout.write(text)
        else:
            path = atomic_write(output, text, force=force)
            click.echo(f"gongwen: wrote {path}: fill in the empty values, then run "
                       f"`gongwen draft {last_year_report} --data {path} -o draft.docx`", err=True)
        return
    assert data is not None
    report = schema.load(data, allow_missing=True)
    if year is not None and year != report.year:
        raise GongwenError(f"--year {year} but the data says year: {report.year}", data)
    _draft.fill_previous(report, ext)
    result = render(report, template=template, profile=profile, output=output, format=fmt, force=force,
                    check=not no_check, allow_missing=True)
    if output is None:
        _to_stdout(result, fmt)
    _report_result(result)
