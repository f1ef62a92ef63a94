#!/usr/bin/env python3
"""How far two independent human annotators agree on the labels, beside gongwen's accuracy.

A second annotator (a helper agent that saw only the writing brief's figure conventions and the
report's text — neither the writer's gold nor gongwen) labelled reports of many writers
(``bench/devcorpus/README.md`` says which); the files are ``bench/devcorpus/agreement/<name>.b.figures.tsv``.  Reports of the
test split are annotated too and scored only with ``--split test`` (when closing an issue).  For each report
this prints the second annotator scored against the writer's gold and gongwen scored against the
same gold, with the shared scorer's alignment and label rules, then the means.  The annotators'
agreement is the ceiling a label accuracy target can sensibly ask for (``prog≈`` counts a vocabulary alias
as the program's name, :mod:`program_same`)::

    python bench/agreement_eval.py [--split dev|test|all]
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from statistics import mean

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
LABELS = ("program", "scope", "metric", "period", "kind", "program_same")
HEAD = {"program_same": "prog≈"}  # the looser program measure (bench/program_same.py)


def _load(name: str, path: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        sys.exit(f"agreement_eval: cannot load {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def score(sc, gold: list[dict], pred: list[dict], figures: bool) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Label accuracy of ``pred`` over the required gold figures it aligns with (value and unit)."""
    from program_same import same_program

    pairs = sc.lcs_align([sc.vkey(g["value"], g["unit"]) for g in gold],
                         [sc.vkey(p["value"], p["unit"]) for p in pred], key=lambda x: x)
    hits = {k: 0 for k in LABELS}
    n = 0
    for i, j in pairs:
        g, p = gold[i], pred[j]
        if g["need"] != "req":
            continue
        n += 1
        hits["program"] += (p.get("program") or "") == g["program"]
        hits["scope"] += sc.same_scope(p.get("scope"), g["scope"])
        hits["metric"] += sc.char_f(p.get("metric"), g["metric"]) >= 0.5
        if figures:
            hits["period"] += sc.period_ok(p, g["period"])
        else:  # an annotator's empty period is the report's own, as the writer's is
            hits["period"] += (p.get("period") or "") == g["period"] or not (p.get("period") or g["period"])
        hits["kind"] += (p.get("kind") or "") == g.get("kind", "")
        hits["program_same"] += same_program(p.get("program"), g["program"])
    return {k: v / n if n else 0.0 for k, v in hits.items()}


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev",
                    help="the reports of which split (test: only when closing an issue)")
    args = ap.parse_args()
    le = _load("labels_eval", ROOT / "bench" / "labels_eval.py")
    sc = le.scorer()  # the shared scorer, found as labels_eval finds it
    from gongwen.extract.pipeline import extract

    folder = ROOT / "bench" / "devcorpus" / "agreement"
    human: list[dict[str, float]] = []
    machine: list[dict[str, float]] = []
    print(f"{'report':38s} {'who':9s} " + " ".join(f"{HEAD.get(k, k):>7s}" for k in LABELS))
    for b in sorted(folder.glob("*.b.figures.tsv")):
        name = b.name[: -len(".b.figures.tsv")]
        d = next(ROOT / "bench" / "devcorpus" / split / name for split in ("dev", "test")
                 if (ROOT / "bench" / "devcorpus" / split / name).is_dir())
        if args.split != "all" and d.parent.name != args.split:
            continue
        gold = le.tsv_rows(d / f"{name}.gold.figures.tsv")
        text = le.sources(d, ["txt"])[0]
        figs = [f.to_json() for f in extract(text).figures]
        for who, pred, figures, acc in (("annotator", le.tsv_rows(b), False, human), ("gongwen", figs, True, machine)):
            s = score(sc, gold, pred, figures)
            acc.append(s)
            print(f"{name:38s} {who:9s} " + " ".join(f"{s[k]:7.2f}" for k in LABELS))
    for who, acc in (("annotator", human), ("gongwen", machine)):
        print(f"{'MEAN (' + str(len(acc)) + ' reports)':38s} {who:9s} "
              + " ".join(f"{mean(s[k] for s in acc):7.2f}" for k in LABELS))


if __name__ == "__main__":
    main()
