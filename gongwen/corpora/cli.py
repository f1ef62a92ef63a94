"""``gongwen corpus``: build, export, look at and cross-check a dataset of many reports."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .._terminal import visible, visible_json
from .build import Interrupted, build_corpus
from .crosscheck import CrossFinding
from .pool import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT
from .worker import DEFAULT_EXTRACTOR


@click.group("corpus")
def corpus_group() -> None:
    """Build, query and check a dataset of many reports."""


@corpus_group.command("build")
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", "database", default="gongwen.sqlite", show_default=True,
              type=click.Path(dir_okay=False), help="SQLite database to create or update.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes [default: number of CPUs].")
@click.option("--fail-fast/--keep-going", default=False, show_default=True,
              help="Stop at the first file that fails, or record it and go on.")
@click.option("--force", is_flag=True, help="Re-extract every file, even unchanged ones.")
@click.option("--retry-errors", is_flag=True, help="Retry unchanged files that failed before.")
@click.option("--progress", type=click.Choice(["auto", "bar", "lines", "off"]), default="auto",
              show_default=True, help="Progress display (auto: a bar on a terminal, lines otherwise).")
@click.option("--timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT, show_default=True,
              help="Seconds one file may take; its worker is then killed and the file recorded as failed "
                   "(0: no limit).")
@click.option("--memory", "memory_mb", type=click.IntRange(min=0), default=DEFAULT_MEMORY_MB, show_default=True,
              help="Address space of each worker in MB (0: no limit); a file needing more fails "
                   "(--engine dask: the memory limit of each local worker).")
@click.option("--ocr", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="OCR of PDF pages (needs gongwen[ocr]): auto = pages without a usable text layer.")
@click.option("--shard", "shard_spec", default=None, metavar="I/N",
              help="Only shard I of N (a partition by path hash); merge the shards' databases with "
                   "`gongwen corpus merge`.")
@click.option("--engine", type=click.Choice(["pool", "dask"]), default=None,
              help="Extract in local worker processes (pool) or on a Dask cluster (needs gongwen[dask]) "
                   "[default: pool; dask with --scheduler].")
@click.option("--scheduler", default=None, metavar="tcp://HOST:8786",
              help="Dask scheduler to send the documents to [default: a local cluster of --jobs workers].")
@click.option("--ship", type=click.Choice(["auto", "paths", "bytes"]), default="auto", show_default=True,
              help="Dask: send workers the files' paths or bytes (auto: bytes to workers that do not see "
                   "the files).")
@click.option("--extractor", default=DEFAULT_EXTRACTOR, hidden=True,
              help="module:function used to extract each file (for testing).")
def build_cmd(inputs: tuple[str, ...], database: str, jobs: int | None, fail_fast: bool, force: bool,
              retry_errors: bool, progress: str, timeout: float, memory_mb: int, ocr: str,
              shard_spec: str | None, engine: str | None, scheduler: str | None, ship: str, extractor: str) -> None:
    """Extract every PDF/DOCX/TXT/MD report under INPUTS into a SQLite database.

    Re-running resumes: unchanged files are skipped, changed ones replaced.  Files with the
    same bytes (or paths to the same file) are stored once.  Exit code 1 when any file failed
    (each failure is stored in documents.error), 130/143 when interrupted.
    """
    from . import shard

    part = shard.parse(shard_spec) if shard_spec is not None else None
    engine = engine or ("dask" if scheduler else "pool")
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    if ocr != "auto" and extractor == DEFAULT_EXTRACTOR:
        from ..extract.readers.ocr import OcrExtract

        extractor = OcrExtract(ocr)  # type: ignore[assignment]
    try:
        result = build_corpus(inputs, database, jobs=jobs, fail_fast=fail_fast, force=force,
                              retry_errors=retry_errors, extractor=extractor, progress=progress,
                              timeout=timeout or None, memory_mb=memory_mb, shard=part, engine=engine,
                              scheduler=scheduler, ship=ship)
    except Interrupted as e:
        click.echo(f"gongwen: corpus build {e}; {database} holds every document finished so far "
                   "(run the same command again to resume)", err=True)
        sys.exit(128 + e.signum)
    click.echo(f"corpus: {result.summary()}", err=True)
    if result.failed:
        click.echo("failed:", err=True)
        for path, msg in result.failed:
            click.echo(f"  {path}: {_strip(msg, path)}", err=True)
    if result.carried:
        click.echo(f"still failing (unchanged since the last build; --retry-errors to retry): "
                   f"{len(result.carried)}", err=True)
        for path, msg in result.carried:
            click.echo(f"  {path}: {_strip(msg, path)}", err=True)
    if result.duplicates:
        click.echo(f"duplicates (stored once, under the first path): {len(result.duplicates)}", err=True)
        for path, first in result.duplicates:
            click.echo(f"  {path}: same file as {first}", err=True)
    if result.stopped_early:
        click.echo("stopped at the first failure (--fail-fast)", err=True)
    if not result.ok:
        sys.exit(1)


def _strip(message: str, path: str) -> str:
    prefix = f"{path}: "
    return message.removeprefix(prefix)


@corpus_group.command("merge")
@click.argument("sources", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("-o", "--output", "database", required=True, type=click.Path(dir_okay=False),
              help="SQLite database to create or update.")
@click.option("--progress", type=click.Choice(["auto", "bar", "lines", "off"]), default="auto",
              show_default=True, help="Progress display (auto: a bar on a terminal, lines otherwise).")
def merge_cmd(sources: tuple[str, ...], database: str, progress: str) -> None:
    """Merge corpus databases (shards built with --shard, or builds made elsewhere) into one.

    Same rules as a build: a document already in the output with the same bytes and pipeline
    version is skipped, the newer version of a file wins, a file with another's bytes is stored
    once.  One transaction per document: an interrupted merge resumes when run again.
    """
    from .merge import merge

    try:
        result = merge(sources, database, progress=progress)
    except Interrupted as e:
        click.echo(f"gongwen: corpus merge {e}; {database} holds every document merged so far "
                   "(run the same command again to finish)", err=True)
        sys.exit(128 + e.signum)
    click.echo(f"corpus: {result.summary()}", err=True)
    for path, first in result.duplicates:
        click.echo(f"  {path}: same file as {first}", err=True)


@corpus_group.command("export")
@click.argument("database", type=click.Path(dir_okay=False))
@click.option("-f", "--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet", "xlsx"]),
              default="csv", show_default=True)
@click.option("-o", "--output", type=click.Path(), default=None,
              help="Output file (parquet: a folder). CSV/JSONL default to stdout.")
@click.option("-t", "--table",
              type=click.Choice(["panel", "documents", "sections", "figures", "findings", "crossyear"]),
              default="panel", show_default=True, help="Table or view to export (csv/jsonl).")
@click.option("--with-text", is_flag=True, help="Include the full text of each document.")
@click.option("--force", is_flag=True, help="Overwrite existing output.")
def export_cmd(database: str, fmt: str, output: str | None, table: str, with_text: bool, force: bool) -> None:
    """Export a corpus database as CSV (UTF-8 with BOM), JSON Lines, Parquet or XLSX."""
    from .export import export

    res = export(database, fmt, output, table=table, force=force, with_text=with_text)
    if isinstance(res, str):  # to a terminal: control characters of stored text shown, never obeyed
        click.echo(visible_json(res) if fmt == "jsonl" else visible(res, crlf=fmt == "csv"), nl=False)
    else:
        for p in res:
            click.echo(f"wrote {p}", err=True)


@corpus_group.command("panel")
@click.argument("database", type=click.Path(dir_okay=False))
@click.option("--issuer", default=None, help="Only this issuer (发文机关).")
@click.option("--program", default=None, help="Program, e.g. 最低生活保障.")
@click.option("--metric", default=None, help="Metric, e.g. 保障标准.")
@click.option("--scope", default=None, help="Scope, e.g. 城镇.")
@click.option("--unit", default=None, help="Unit, e.g. 元/人/月.")
@click.option("--plot", "plot_out", type=click.Path(dir_okay=False), default=None,
              help="Also draw the panel to this image (PNG/SVG/PDF; needs matplotlib).")
@click.option("--force", is_flag=True, help="Overwrite an existing plot file.")
def panel_cmd(database: str, issuer: str | None, program: str | None, metric: str | None,
              scope: str | None, unit: str | None, plot_out: str | None, force: bool) -> None:
    """Print the year-by-year values of a program's figures (and optionally plot them)."""
    from rich.console import Console

    from .panel import panel, plot, render_table

    p = panel(database, issuer=issuer, program=program, metric=metric, scope=scope, unit=unit)
    title = " · ".join(x for x in (issuer, program, scope, metric) if x) or None
    Console().print(render_table(p, title=title))
    if plot_out:
        written = plot(p, plot_out, title=title, force=force)
        click.echo(f"wrote {written}", err=True)


@corpus_group.command("check")
@click.argument("database", type=click.Path(dir_okay=False))
@click.option("--issuer", default=None, help="Only this issuer.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--show-passed", is_flag=True, help="Also list comparisons that agree.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too (default: only on errors).")
@click.option("--save", is_flag=True, help="Store the findings (passed ones too) in the crossyear table.")
def check_cmd(database: str, issuer: str | None, fmt: str, show_passed: bool, strict: bool, save: bool) -> None:
    """Cross-year consistency of each issuer's reports (previous values, growth, copied flows)."""
    from . import schema
    from .crosscheck import cross_check, problems
    from .crosscheck import save as save_findings

    conn = schema.connect(database)
    try:
        findings = cross_check(conn, issuer=issuer)
        if save:
            n = save_findings(conn, findings, issuer=issuer)
            click.echo(f"saved {n} cross-year findings to the crossyear table of {database}", err=True)
    finally:
        conn.close()
    shown = findings if show_passed else problems(findings)
    if fmt == "json":
        click.echo(visible_json(json.dumps({"schema": "gongwen.corpus.check", "version": 1, "database": database,
                                            "findings": [f.to_json() for f in shown]}, ensure_ascii=False, indent=2)))
    else:
        _print_text(findings, shown)
    bad = {"error", "warning"} if strict else {"error"}
    if any(f.finding.severity in bad and f.finding.status == "inconsistent" for f in findings):
        sys.exit(1)


def _print_text(all_findings: list[CrossFinding], shown: list[CrossFinding]) -> None:
    """Findings grouped by issuer and year pair, coloured by severity, with a summary line."""
    from rich.console import Console
    from rich.markup import escape

    con = Console()
    colour = {"error": "red", "warning": "yellow", "info": "cyan"}
    current = None
    for cf in shown:
        f = cf.finding
        head = (cf.issuer, cf.year)
        if head != current:
            con.print(f"[bold]{escape(visible(cf.issuer))} {cf.year} 年 ← {cf.previous_year} 年[/bold]")
            current = head
        sev = f.severity if f.status != "consistent" else "ok"
        style = colour.get(sev, "green")
        con.print(f"  [{style}]{sev:7}[/{style}] {f.code} {escape(visible(f.message))}")
        con.print(f"          {escape(Path(cf.document).name)} ↔ {escape(Path(cf.previous_document or '?').name)}",
                  style="dim")
    n_bad = sum(1 for cf in all_findings if cf.finding.status == "inconsistent")
    n_ok = sum(1 for cf in all_findings if cf.finding.status == "consistent")
    con.print(f"跨年核验：{n_ok} 组一致，{n_bad} 组不一致或存疑")


