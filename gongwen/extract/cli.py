"""CLI commands of the reading side: ``clean``, ``outline``, ``extract`` (thin wrappers)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from .._io import atomic_write
from .._terminal import visible, visible_json
from ..cli import existing_file

_read_options: list[Callable[[Any], Any]] = [
    click.option("--encoding", default=None, help="Text encoding of a .txt/.md input (detected when omitted)."),
    click.option("--engine", type=click.Choice(["auto", "fast", "pdfplumber"]), default="auto", show_default=True,
                 help="PDF engine: pypdfium2 (fast) or pdfplumber."),
    click.option("--ocr", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
                 help="OCR of PDF pages (needs gongwen[ocr]): auto = pages without a usable text layer."),
]
_output_options: list[Callable[[Any], Any]] = [
    click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
                 help="Write to this file (atomically) instead of stdout."),
    click.option("--force", is_flag=True, help="Overwrite an existing output file."),
]


def _apply(options: list[Callable[[Any], Any]]) -> Callable[[Any], Any]:
    def deco(f: Any) -> Any:
        for opt in reversed(options):
            f = opt(f)
        return f
    return deco


def emit(text: str, output: str | None, force: bool, *, bom: bool = False, form: str = "text") -> None:
    """Print to stdout, or write ``output`` atomically (UTF-8, optional BOM for Excel).

    On stdout a document's control characters are shown, never obeyed by the terminal (``form``
    is ``text``, ``csv`` or ``json``: see :mod:`gongwen._terminal`); a file gets the exact text.
    """
    if output is None:
        text = visible_json(text) if form == "json" else visible(text, crlf=form == "csv")
        click.echo(text, nl=not text.endswith("\n"))
        return
    data = ("\ufeff" if bom else "") + text
    atomic_write(output, data, force=force)


@click.command("clean")
@click.argument("file")
@_apply(_read_options)
@_apply(_output_options)
def clean_cmd(file: str, encoding: str | None, engine: str, ocr: str, output: str | None, force: bool) -> None:
    """Print the canonical text of FILE: fake bold repaired, lines re-joined, spaces fixed."""
    from .pipeline import read

    doc = read(existing_file(file), encoding=encoding, engine=engine, ocr=ocr)
    emit(doc.text + "\n", output, force)


@click.command("outline")
@click.argument("file")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_apply(_read_options)
@_apply(_output_options)
def outline_cmd(file: str, fmt: str, encoding: str | None, engine: str, ocr: str, output: str | None,
                force: bool) -> None:
    """Print the heading tree of FILE (json: flat `headings` plus nested `outline`)."""
    from .pipeline import read

    doc = read(existing_file(file), encoding=encoding, engine=engine, ocr=ocr)
    if fmt == "json":
        data = {"document": {**doc.metadata.to_json(), "source": doc.source.path}, "headings": [h.to_json() for h in doc.headings],
                "outline": doc.outline_json(), "anomalies": [a.to_json() for a in doc.anomalies]}
        emit(json.dumps(data, ensure_ascii=False, indent=1) + "\n", output, force, form="json")
        return
    lines = []
    md = doc.metadata
    if md.title:
        lines.append(f"《{md.title}》")
    for h in doc.headings:
        tag = "  (run-in)" if h.run_in else ""
        lines.append(f"{'  ' * (h.level - 1)}{h.marker}{h.title}{tag}")
    for a in doc.anomalies:
        lines.append(f"! {a.message}")
    if md.issuer or md.date:
        lines.append(f"— {md.issuer or ''} {md.date or ''}".rstrip())
    emit("\n".join(lines) + "\n", output, force)


FIGURE_COLUMNS = ["id", "value", "unit", "as_written", "section", "topic", "program", "kind", "scope", "metric",
                  "period", "period_inferred", "previous", "change", "change_unit", "approx", "bound", "page", "start",
                  "end", "text"]


def _flat(fig: dict[str, Any]) -> dict[str, Any]:
    row = {k: fig.get(k) for k in FIGURE_COLUMNS}
    row["section"] = " > ".join(fig.get("section") or [])
    row["start"], row["end"] = fig["span"]
    return row


@click.command("extract")
@click.argument("file")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "csv", "table"]), default="json",
              show_default=True, help="json: whole document; jsonl/csv: one figure per line; table: readable.")
@click.option("--vocab", type=click.Path(exists=True, dir_okay=False), default=None,
              help="A vocabulary YAML of your own (programs, aliases) for other bureaus.")
@click.option("--date", "date", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="The document's date (YYYY-MM-DD) when its text states none, e.g. a saved web page's "
                   "publication date: gives the year of its figures' periods.")
@_apply(_read_options)
@_apply(_output_options)
def extract_cmd(file: str, fmt: str, vocab: str | None, date: datetime | None, encoding: str | None, engine: str,
                ocr: str, output: str | None, force: bool) -> None:
    """Extract every figure of FILE with its program, scope, metric, period and source span."""
    from .pipeline import extract

    ex = extract(existing_file(file), encoding=encoding, engine=engine, vocab=vocab, ocr=ocr,
                 date=date.date().isoformat() if date else None)
    data = ex.to_json()
    if fmt == "json":
        emit(json.dumps(data, ensure_ascii=False, indent=1) + "\n", output, force, form="json")
    elif fmt == "jsonl":
        emit("".join(json.dumps(f, ensure_ascii=False) + "\n" for f in data["figures"]), output, force, form="json")
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=FIGURE_COLUMNS)
        w.writeheader()
        for f in data["figures"]:
            w.writerow(_flat(f))
        emit(buf.getvalue(), output, force, bom=True, form="csv")
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"{Path(file).name}: {len(data['figures'])} figures", show_lines=False)
        for col in ("id", "as_written", "value", "unit", "program", "scope", "metric", "period", "previous"):
            table.add_column(col, overflow="fold")
        for f in data["figures"]:
            table.add_row(*[("" if f.get(c) is None else visible(str(f.get(c)))) for c in
                            ("id", "as_written", "value", "unit", "program", "scope", "metric", "period", "previous")])
        if output is None:
            import sys

            Console(width=None if sys.stdout.isatty() else 160).print(table)
        else:
            console = Console(file=io.StringIO(), width=160, record=True)
            console.print(table)
            emit(console.export_text(), output, force)
