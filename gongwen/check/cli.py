"""``gongwen check FILE``: one library call, four output formats, an exit code for CI.

Exit 1 when any error-level finding is inconsistent, else 0; a GongwenError becomes one line
and exit 2 in the top-level wrapper.
"""

from __future__ import annotations

import sys

import click

from .._io import atomic_write
from .._terminal import visible as visible_text
from .._terminal import visible_json
from ..cli import existing_file
from . import check
from .output.html import render_html
from .output.render_text import render_json, render_text
from .output.sarif import render_sarif


@click.command("check")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif", "html"]), default="text",
              show_default=True, help="Output format.")
@click.option("--show-passed", is_flag=True, help="Also list relations that were verified consistent.")
@click.option("--show-unchecked", is_flag=True, help="List the figures no verified relation covers.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file instead of stdout.")
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@click.option("--color/--no-color", default=None, help="Colour the text report (default: when on a terminal).")
@click.option("--annotate", "annotated", type=click.Path(dir_okay=False), default=None,
              help="Also write a copy of the .docx with every finding as a Word comment (批注) on its figures.")
def check_cmd(file: str, fmt: str, show_passed: bool, show_unchecked: bool, output: str | None, force: bool,
              color: bool | None, annotated: str | None) -> None:
    """Check that the figures of a report add up (breakdowns, totals, differences, ratios …)."""
    if annotated is None:
        report = check(existing_file(file))
    else:
        from ..extract.pipeline import extract
        from .output.annotate import annotate
        from .output.render_text import visible

        ext = extract(existing_file(file))
        report = check(ext)
        annotate(ext, visible(report, show_passed), annotated, force=force)
    if fmt == "text":
        use_color = color if color is not None else (output is None and sys.stdout.isatty())
        out = render_text(report, show_passed=show_passed, color=use_color, show_unchecked=show_unchecked)
    elif fmt == "json":
        out = render_json(report, show_passed=True)
    elif fmt == "sarif":
        out = render_sarif(report, show_passed=True)
    else:
        out = render_html(report, show_passed=True)
    if output:
        atomic_write(output, out, force=force)
    else:
        # The text report makes the document's control characters visible itself (its own
        # colour codes stay); the other formats are shown, never obeyed, by the terminal.
        if fmt in ("json", "sarif"):
            out = visible_json(out)
        elif fmt == "html":
            out = visible_text(out)
        click.echo(out, nl=not out.endswith("\n"))
    if report.errors:
        raise click.exceptions.Exit(1)
