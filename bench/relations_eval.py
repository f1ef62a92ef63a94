#!/usr/bin/env python3
"""Checker recall and false alarms on the relation gold of the development corpus.

For every report of ``bench/devcorpus/<split>/`` the document is extracted (its hand-written
``.txt``, or the ``.gw`` source rendered as ``bench/labels_eval.py`` does) and checked; gold
figures are aligned to extracted ones (LCS on value + unit, as the shared scorer does), and for
every gold relation (``<name>.gold.relations.tsv``: id, type, expr over figure ids, holds):

- holds = yes: *verified* when a finding with status ``consistent`` has exactly the relation's
  figures (``prev(Fn)`` is the old value of a stated change: the checker's ``<id>.previous``, or
  the extracted figure that states it on its own, 较上年的 5,599 万元);
- holds = no (a planted error): *found* when an error-level inconsistent finding has the
  relation's figures (all of them, or at least two and no others); ``prev(Fn)`` is read both
  ways, as for a relation that holds.

A *false alarm* is an error or warning that is not on a planted error (the gold says the
rest of the document is fine); they are counted per ten documents, errors and warnings apart.

usage: relations_eval.py [--split dev|test] [--only SUBSTR] [--formats txt] [--misses] [--alarms]

The test split is scored only when closing an issue: ``--split test``.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from labels_eval import ROOT, documents, scorer, sources  # noqa: E402

sys.path.insert(0, str(ROOT))
_REF = re.compile(r"prev\((F\d+)\)|(F\d+)")


@dataclass
class Gold:
    id: str
    type: str
    expr: str
    holds: bool
    note: str
    refs: list[str]  # F3, prev:F1, …


@dataclass
class DocScore:
    name: str
    fmt: str
    holds: int = 0
    verified: int = 0
    planted: int = 0
    found: int = 0
    false_errors: int = 0
    false_warnings: int = 0
    figures: int = 0
    covered: int = 0
    missed: list[str] = field(default_factory=list)
    alarms: list[str] = field(default_factory=list)
    unfound: list[str] = field(default_factory=list)


def gold_relations(d: Path) -> list[Gold]:
    path = d / f"{d.name}.gold.relations.tsv"
    if not path.exists():
        return []
    with open(path, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    out = []
    for r in rows:
        refs = [f"prev:{m.group(1)}" if m.group(1) else m.group(2) for m in _REF.finditer(r["expr"])]
        out.append(Gold(r["id"], r["type"], r["expr"], r["holds"].strip() == "yes", r.get("note") or "",
                        list(dict.fromkeys(refs))))
    return out


def align(sc, gold_path: Path, figures) -> dict[str, str]:
    """Gold figure id -> extracted figure id, by the shared scorer's LCS on (value, unit)."""
    with open(gold_path, encoding="utf-8") as fh:
        gold = list(csv.DictReader(fh, delimiter="\t"))
    pairs = sc.lcs_align([sc.vkey(g["value"], g["unit"]) for g in gold],
                         [sc.vkey(str(f.value), f.unit) for f in figures], key=lambda x: x)
    return {gold[i]["id"]: figures[j].id for i, j in pairs}


def old_values(sc, gold_path: Path, figures, ids: dict[str, str]) -> dict[str, str]:
    """Gold id -> the extracted figure that states its old value as a figure of its own
    (较上年的 5,599 万元增长 4.7%: the gold keeps 5,599 as the ``prev`` of 5,862, the extractor as a
    figure): unaligned, of the gold's previous value and unit, within 80 characters after it (实收 1392
    万元，收缴率 93.7%，…；实收水费较去年同期的 1268 万元: a clause or two may stand between)."""
    with open(gold_path, encoding="utf-8") as fh:
        gold = list(csv.DictReader(fh, delimiter="\t"))
    by_id = {f.id: f for f in figures}
    taken = set(ids.values())
    out = {}
    for g in gold:
        new = by_id.get(ids.get(g["id"], ""))
        if not (g.get("prev") or "").strip() or new is None:
            continue
        key = sc.vkey(g["prev"], g["unit"])
        for f in figures:
            if f.id not in taken and sc.vkey(str(f.value), f.unit) == key \
                    and 0 <= f.span.start - new.span.end <= 80:
                out[g["id"]] = f.id
                break
    return out


def finding_ids(f) -> frozenset[str]:
    return frozenset(g.id for g in f.figures if g.id)


def mapped(g: Gold, ids: dict[str, str], olds: dict[str, str] | None = None) -> frozenset[str] | None:
    """The extracted ids of a gold relation; with ``olds``, ``prev(Fn)`` is the old value stated as
    a figure of its own instead of the checker's ``<id>.previous``."""
    out = set()
    for ref in g.refs:
        base = ref.removeprefix("prev:")
        if base not in ids:
            return None
        if ref.startswith("prev:") and olds is not None:
            if base not in olds:
                return None
            out.add(olds[base])
        else:
            out.add(ids[base] + (".previous" if ref.startswith("prev:") else ""))
    return frozenset(out)


def score_doc(d: Path, src: Path, sc) -> DocScore:
    from gongwen.check import check_extraction
    from gongwen.extract.pipeline import extract

    ext = extract(src)
    report = check_extraction(ext)
    ids = align(sc, d / f"{d.name}.gold.figures.tsv", list(ext.figures))
    olds = old_values(sc, d / f"{d.name}.gold.figures.tsv", list(ext.figures), ids)
    s = DocScore(d.name, src.suffix[1:])
    consistent = [finding_ids(f) for f in report.findings if f.status == "consistent"]
    planted_sets: list[frozenset[str]] = []
    for g in gold_relations(d):
        want = mapped(g, ids)
        if g.holds:
            s.holds += 1
            alt = mapped(g, ids, olds) if any(r.startswith("prev:") for r in g.refs) else None
            if want is not None and (want in consistent or alt in consistent):
                s.verified += 1
            else:
                why = "unaligned" if want is None else "not verified"
                s.missed.append(f"{g.id} {g.type} {g.expr}  [{why}] {g.note}")
            continue
        s.planted += 1
        if want is None:
            s.unfound.append(f"{g.id} {g.expr} [unaligned] {g.note}")
            continue
        wants = planted_wants(g, ids, olds)
        planted_sets.extend(wants)
        if any(_on(finding_ids(f), w) for f in report.errors for w in wants):
            s.found += 1
        else:
            s.unfound.append(f"{g.id} {g.expr} {g.note}")
    for f in report.problems:
        fid = finding_ids(f)
        if any(fid & p for p in planted_sets):
            continue
        if f.severity == "error":
            s.false_errors += 1
        else:
            s.false_warnings += 1
        s.alarms.append(f"{f.severity} {f.code} {f.message}")
    s.figures = len(report.figures)
    s.covered = len(report.verified_figures)
    return s


def planted_wants(g: Gold, ids: dict[str, str], olds: dict[str, str]) -> list[frozenset[str]]:
    """The figure sets a finding on a planted error may have: ``prev(Fn)`` as the checker's
    ``<id>.previous`` or as the old value stated as a figure of its own (较上年的 1,058 宗增加 78 宗),
    the same two readings a relation that holds is verified by."""
    wants = [mapped(g, ids)]
    if any(r.startswith("prev:") for r in g.refs):
        wants.append(mapped(g, ids, olds))
    return [w for w in wants if w is not None]


def _on(found: frozenset[str], want: frozenset[str]) -> bool:
    return found == want or (len(found) >= 2 and found <= want)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["dev", "test"])
    ap.add_argument("--only")
    ap.add_argument("--formats", default="txt", help="comma-separated: txt,pdf,docx (default txt)")
    ap.add_argument("--misses", action="store_true", help="list relations not verified and planted errors missed")
    ap.add_argument("--alarms", action="store_true", help="list false alarms")
    ap.add_argument("--json", type=Path, help="also write the scores to this file")
    args = ap.parse_args(argv)
    sc = scorer()
    docs = [d for d in documents(args.split, args.only) if (d / f"{d.name}.gold.relations.tsv").exists()]
    if not docs:
        print(f"relations_eval: no documents with relation gold in bench/devcorpus/{args.split}")
        return 1
    rows: list[DocScore] = []
    for d in docs:
        for src in sources(d, args.formats.split(",")):
            try:
                s = score_doc(d, src, sc)
            except Exception as e:  # a crash is a result too
                print(f"{src.name}: {type(e).__name__}: {e}")
                continue
            rows.append(s)
            if args.misses:
                for m in s.missed:
                    print(f"  {s.name}: missed {m}")
                for m in s.unfound:
                    print(f"  {s.name}: PLANTED NOT FOUND {m}")
            if args.alarms:
                for m in s.alarms:
                    print(f"  {s.name}: false alarm {m}")
    if not rows:
        return 1
    w = max(len(r.name) + len(r.fmt) + 1 for r in rows) + 2
    head = f"{'document':<{w}} {'verified':>9} {'planted':>8} {'false E':>7} {'false W':>7} {'covered':>9}"
    print(head)
    for r in rows:
        print(f"{r.name + '.' + r.fmt:<{w}} {r.verified:>4}/{r.holds:<4} {r.found:>3}/{r.planted:<4} "
              f"{r.false_errors:>7} {r.false_warnings:>7} {r.covered:>4}/{r.figures:<4}")
    n = len(rows)
    tot = {k: sum(getattr(r, k) for r in rows) for k in
           ("holds", "verified", "planted", "found", "false_errors", "false_warnings", "figures", "covered")}
    print()
    print(f"relations that hold verified: {tot['verified']}/{tot['holds']} "
          f"({tot['verified'] / max(tot['holds'], 1):.1%})")
    print(f"planted errors found at error level: {tot['found']}/{tot['planted']}")
    print(f"false alarms per 10 documents: {tot['false_errors'] * 10 / n:.1f} errors, "
          f"{tot['false_warnings'] * 10 / n:.1f} warnings ({n} documents)")
    print(f"figures in a verified relation: {tot['covered']}/{tot['figures']}")
    if args.json:
        args.json.write_text(json.dumps([r.__dict__ for r in rows], ensure_ascii=False, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
