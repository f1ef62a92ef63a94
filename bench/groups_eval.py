#!/usr/bin/env python3
"""Labels and relations by writer group in one table, as a closing note reports them.

Each row runs ``labels_eval`` and ``relations_eval`` on one selection of the corpus and prints
figures F1, section, the label accuracies (micro-averaged over matched figures, as
``labels_eval`` prints its ALL row), the relations that hold verified, the planted errors found
at error level and the false alarms::

    python bench/groups_eval.py                         # dev groups A–H, K, L, M, N
    python bench/groups_eval.py 'A–H=dev:group:ABCDEFGH' 'I+J=dev:group:IJ' 'test=test:'
    python bench/groups_eval.py --formats txt,pdf,docx --json out.json

A row is ``LABEL=SPLIT:ONLY`` with ``ONLY`` as ``--only`` takes it (name parts, or ``group:KLM``);
the validation groups I and J and the test split are for closing an issue only.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import labels_eval  # noqa: E402
import relations_eval  # noqa: E402

DEFAULT = ("A–H=dev:group:ABCDEFGH", "K=dev:group:K", "L=dev:group:L", "M=dev:group:M", "N=dev:group:N")
LABELS = ("section", "program", "program_same", "scope", "metric", "period", "kind")


def run_row(split: str, only: str, formats: str, tmp: Path) -> dict[str, float | int | str]:
    """One selection's aggregate scores; empty when it selects no document."""
    lab, rel = tmp / "labels.json", tmp / "relations.json"
    for p in (lab, rel):
        p.unlink(missing_ok=True)
    base = ["--split", split, "--formats", formats] + (["--only", only] if only else [])
    with contextlib.redirect_stdout(io.StringIO()):
        labels_eval.main(base + ["--json", str(lab)])
        relations_eval.main(base + ["--json", str(rel)])
    if not lab.exists():
        return {}
    docs = json.loads(lab.read_text("utf-8"))
    matched = sum(d["matched"] for d in docs) or 1
    row: dict[str, float | int | str] = {"docs": len(docs), "F1": sum(d["f1"] for d in docs) / max(len(docs), 1)}
    for k in LABELS:
        row[k] = sum(d["label_accuracy"][k] * d["matched"] for d in docs) / matched
    if rel.exists():
        rs = json.loads(rel.read_text("utf-8"))
        for k in ("verified", "holds", "found", "planted", "false_errors", "false_warnings"):
            row[k] = sum(r[k] for r in rs)
    return row


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rows", nargs="*", default=list(DEFAULT), help="LABEL=SPLIT:ONLY")
    ap.add_argument("--formats", default="txt")
    ap.add_argument("--json", type=Path, help="also write the rows to this file")
    args = ap.parse_args(argv)
    head = f"{'group':<8} {'docs':>4} {'F1':>5} " + " ".join(f"{labels_eval.HEAD.get(k, k[:7]):>7}" for k in LABELS)
    print(head + f" {'relations':>11} {'planted':>7} {'false E/W':>9}")
    out = {}
    with tempfile.TemporaryDirectory() as t:
        for spec in args.rows:
            label, _, sel = spec.partition("=")
            split, _, only = sel.partition(":")
            if split not in ("dev", "test", "all"):
                print(f"groups_eval: {spec!r}: the split must be dev, test or all", file=sys.stderr)
                return 2
            row = run_row(split, only, args.formats, Path(t))
            out[label] = row
            if not row:
                print(f"{label:<8} (no documents)")
                continue
            rel = f"{row.get('verified', 0)}/{row.get('holds', 0)}"
            print(f"{label:<8} {row['docs']:>4} {row['F1']:5.3f} " + " ".join(f"{row[k]:7.3f}" for k in LABELS)
                  + f" {rel:>11} {row.get('found', 0):>3}/{row.get('planted', 0):<3} "
                  f"{row.get('false_errors', 0):>4}/{row.get('false_warnings', 0):<4}", flush=True)
    if args.json:
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
