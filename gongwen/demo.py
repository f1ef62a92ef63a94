"""``make demo``: the three jobs of gongwen on the bundled sample corpus.

1. reports → dataset: read, outline and extract every sample, then build the consecutive-year
   series into SQLite, print a panel and the cross-year check (which finds the planted
   mismatch);
2. checking: run the consistency checker on one report;
3. drafting: write next year's data skeleton from last year's report and render a draft.

Outputs go to ``out/demo/`` (created; earlier outputs there are replaced).
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.table import Table

OUT = Path("out") / "demo"


def main() -> int:
    con = Console(width=120)
    from . import corpora
    from .extract.pipeline import extract

    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)

    con.rule("[bold]1. Reports → dataset")
    table = Table("sample", "format", "headings", "figures", "programs (top 3)", "issuer / date")
    for s in corpora.samples():
        for fmt, path in sorted(s.files.items()):
            ex = extract(path)
            progs = Counter(f.program for f in ex.figures).most_common(3)
            md = ex.document.metadata
            table.add_row(s.name, fmt, str(len(ex.document.headings)), str(len(ex.figures)),
                          "、".join(f"{p}×{n}" for p, n in progs), f"{md.issuer} {md.date}")
    con.print(table)

    ex = extract(corpora.sample("qingxi-2022").files["pdf"])
    con.print("\n[bold]Outline of qingxi-2022[/] (first 12 headings):")
    for h in ex.document.headings[:12]:
        con.print(f"  {'  ' * (h.level - 1)}{h.marker}{h.title}{'  (run-in)' if h.run_in else ''}")
    con.print("\n[bold]Some figures[/] (value in base unit, labels, source):")
    for f in ex.figures[:6]:
        con.print(f"  {f.as_written:<14} → {f.value} {f.unit:<8} {f.program} / {f.scope} / {f.metric} / "
                  f"{f.period or '-'}{' (由 ' + str(f.previous) + ')' if f.previous is not None else ''}")

    from .corpora.build import build_corpus

    db = OUT / "series.sqlite"
    series = corpora.series_files()
    con.print(f"\n[bold]Corpus build[/] of the {len(series)}-year series → {db}")
    result = build_corpus([str(p) for p in series], db, jobs=2, progress="off")
    con.print(f"  {result.summary()}")
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT year, scope, metric, value, unit FROM panel WHERE program = '最低生活保障' AND unit = '元/人/月' "
        "ORDER BY scope, year").fetchall()
    conn.close()
    panel = Table("year", "scope", "metric", "value", "unit", title="panel: 最低生活保障 standards")
    for r in rows:
        panel.add_row(*[str(x) for x in r])
    con.print(panel)
    from .corpora.crosscheck import cross_check, problems

    conn = sqlite3.connect(db)
    findings = problems(cross_check(conn))
    conn.close()
    con.print(f"[bold]Cross-year check[/]: {len(findings)} problem(s)")
    for cf in findings:
        f = cf.finding
        con.print(f"  {cf.issuer} {cf.previous_year}→{cf.year} [{f.severity}] {f.code} {f.message}", markup=False)

    con.rule("[bold]2. Checking a report")
    from .check import check

    report = check(corpora.sample("yunling-2022").files["txt"])
    con.print(f"yunling-2022: {report.summary_line()}")
    for finding in [x for x in report.findings if x.status == "inconsistent"][:5]:
        con.print(f"  [{finding.severity}] {finding.code} {finding.message}", markup=False)

    con.rule("[bold]3. Drafting next year's report")
    from .generate.draft import extract_last_year, skeleton

    last = corpora.sample("qingxi-2023").files["docx"]
    skel = OUT / "qingxi-2024.yaml"
    skel.write_text(skeleton(extract_last_year(last), year=2024), encoding="utf-8")
    con.print(f"skeleton for 2024 with last year's figures as `previous`: {skel}")
    from .generate import render

    example = Path(__file__).parent / "generate" / "data" / "example-summary.yaml"
    out = OUT / "example-summary.docx"
    res = render(example, output=out, force=True)
    con.print(f"rendered {example.name} → {out} ({len(res.figures)} figures stated, "
              f"{len(res.missing)} missing)")
    con.print(f"\nAll outputs are in {OUT}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
