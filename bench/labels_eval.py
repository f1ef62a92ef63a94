#!/usr/bin/env python3
"""Label accuracy on the development corpus: a table of document × label, then per bureau.

The corpus (``bench/devcorpus/<split>/<name>/``) was written by independent writers who never
saw gongwen: each report has its gold (``<name>.gold.figures.tsv``, ``.gold.outline.tsv``,
``.gold.meta.json``, ``.gold.relations.tsv``) and its text as PDF, DOCX and a text dump (from a
``.gw`` source through ``scripts/make_samples.py``) or as a web text / dump written by hand.
Scoring uses the shared scorer (``$GONGWEN_SHARED/eval/score.py``, default ``../shared``).

usage: labels_eval.py [--split dev|test|all] [--only SUBSTR,…|group:KLM] [--formats txt,pdf,docx] [--misses]
                      [--leave-bureau-out]

``--leave-bureau-out`` reads every document with its own bureau's vocabulary file switched off (a
leave-one-bureau-out run): the issuer's bureau looks new, as 信访 or 气象 did to the vocabulary
that had no file for them — the honest measure of how the labelling carries to a new bureau.

The test split is scored only when closing an issue: ``--split test``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "bench" / "devcorpus"
LABELS = ("section", "program", "scope", "metric", "period", "previous", "kind", "program_same")
HEAD = {"program_same": "prog≈"}  # column headings where a label's first seven letters would mislead
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def scorer():
    shared = Path(os.environ.get("GONGWEN_SHARED", ROOT.parent / "shared"))
    spec = importlib.util.spec_from_file_location("gw_score", shared / "eval" / "score.py")
    if spec is None or spec.loader is None:
        sys.exit(f"labels_eval: the scorer {shared / 'eval' / 'score.py'} is missing")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def selected(name: str, only: str | None) -> bool:
    """``--only``: comma-separated name parts, or ``group:KLM`` — the writer groups of
    ``program_names.GROUPS`` (A = writers 1–12 … M = writers 91–92)."""
    if not only:
        return True
    if only.startswith("group:"):
        from program_names import in_groups

        return in_groups(name, only.removeprefix("group:"))
    return any(part and part in name for part in only.split(","))


def documents(split: str, only: str | None) -> list[Path]:
    splits = ["dev", "test"] if split == "all" else [split]
    out = []
    for s in splits:
        for d in sorted((CORPUS / s).glob("*/")):
            if not selected(d.name, only):
                continue
            if (d / f"{d.name}.gold.figures.tsv").exists():
                out.append(d)
    return out


CACHE = CORPUS / ".build"


def render(gw: Path) -> Path:
    """PDF, DOCX and text dump of a ``.gw`` source, rendered once into ``bench/devcorpus/.build``
    with the sample generator (``scripts/make_samples.py``); re-rendered when the source or the
    generator changes (a mended generator re-renders every cached report, dev and test alike)."""
    import hashlib

    out = CACHE / gw.stem
    stamp = out / ".sha256"
    generator = ROOT / "scripts" / "make_samples.py"
    digest = hashlib.sha256(gw.read_bytes() + generator.read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return out
    spec = importlib.util.spec_from_file_location("make_samples", ROOT / "scripts" / "make_samples.py")
    assert spec and spec.loader
    ms = importlib.util.module_from_spec(spec)
    sys.modules["make_samples"] = ms
    spec.loader.exec_module(ms)
    s = ms.parse_source(gw)
    out.mkdir(parents=True, exist_ok=True)
    pages = ms.layout(s)
    ms.write_pdf(s, pages, out / f"{s.name}.pdf")
    ms.write_docx(s, out / f"{s.name}.docx")
    ms.write_dump(s, pages, out / f"{s.name}.txt")
    stamp.write_text(digest)
    return out


def sources(d: Path, formats: list[str]) -> list[Path]:
    """The files to score: rendered from a ``.gw`` source, else the hand-written text."""
    gw = d / f"{d.name}.gw"
    folder = render(gw) if gw.exists() else d
    return [folder / f"{d.name}.{ext}" for ext in formats if (folder / f"{d.name}.{ext}").exists()]


def tsv_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a tab-separated file with a header line (gold figures, judged facts)."""
    import csv

    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def kind_accuracy(sc, d: Path, figs: list[dict]) -> float:
    """Share of matched required gold figures whose ``kind`` the extractor got (the shared scorer
    does not score it)."""
    gold = tsv_rows(d / f"{d.name}.gold.figures.tsv")
    pairs = sc.lcs_align([sc.vkey(g["value"], g["unit"]) for g in gold],
                         [sc.vkey(p.get("value"), p.get("unit")) for p in figs], key=lambda x: x)
    req = [(i, j) for i, j in pairs if gold[i]["need"] == "req"]
    return sum(figs[j].get("kind") == gold[i].get("kind") for i, j in req) / len(req) if req else 0.0


def program_same_accuracy(sc, d: Path, figs: list[dict]) -> float:
    """Share of matched required gold figures whose program names the writer's program, counting a
    vocabulary alias as the program's name (:mod:`program_same`) — the looser measure printed as
    ``prog≈`` beside the scorer's exact ``program``, never instead of it."""
    from program_same import same_program

    gold = tsv_rows(d / f"{d.name}.gold.figures.tsv")
    pairs = sc.lcs_align([sc.vkey(g["value"], g["unit"]) for g in gold],
                         [sc.vkey(p.get("value"), p.get("unit")) for p in figs], key=lambda x: x)
    req = [(i, j) for i, j in pairs if gold[i]["need"] == "req"]
    return sum(same_program(figs[j].get("program"), gold[i]["program"]) for i, j in req) / len(req) if req else 0.0


def leave_bureau_out() -> None:
    """Make the extractor read each document as a new bureau's: the bundled vocabulary the issuer
    would choose is left out of the vocabulary (its programs, scopes and issuer words) and the issuer
    matches no file, so the labeller reads the document as it reads a bureau gongwen has no file for
    (a 文化旅游体育局 then matches neither 体育 nor 文旅)."""
    from functools import cache

    from gongwen.extract.figures import assemble
    from gongwen.extract.figures.words import vocab as V

    every = V._bundled_names()
    left_out: list[str | None] = [None]
    V._bundled_names = lambda: [n for n in every if n != left_out[0]]  # type: ignore[assignment]
    chooser = V.choose_vocab.__wrapped__

    @cache
    def load(path: str | None, out: str | None):  # noqa: ANN202
        return V.load_vocab.__wrapped__(path)

    def choose(requested, issuer):  # noqa: ANN001, ANN202
        left_out[0] = None
        own = chooser(requested, issuer)
        left_out[0] = own if own in every else None
        return None if left_out[0] else own

    assemble.choose_vocab = choose
    assemble.load_vocab = lambda path=None: load(path, left_out[0])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["dev", "test", "all"])
    ap.add_argument("--only")
    ap.add_argument("--formats", default="txt,pdf,docx")
    ap.add_argument("--misses", action="store_true", help="print the label misses of every document")
    ap.add_argument("--json", type=Path, help="also write all scores to this file")
    ap.add_argument("--leave-bureau-out", action="store_true",
                    help="switch off each document's own bureau vocabulary (a new bureau's reading)")
    args = ap.parse_args(argv)
    if args.leave_bureau_out:
        leave_bureau_out()
    from gongwen.extract.pipeline import extract

    sc = scorer()
    docs = documents(args.split, args.only)
    if not docs:
        print(f"labels_eval: no documents in {CORPUS}/{args.split}")
        return 1
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for d in docs:
            meta = json.loads((d / f"{d.name}.gold.meta.json").read_text("utf-8"))
            for src in sources(d, args.formats.split(",")):
                out = Path(tmp) / "x.json"
                try:
                    data = extract(src).to_json()
                    out.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
                    s = sc.score(str(out), str(d / f"{d.name}.gold"))
                    s["label_accuracy"]["kind"] = kind_accuracy(sc, d, data["figures"])
                    s["label_accuracy"]["program_same"] = program_same_accuracy(sc, d, data["figures"])
                except Exception as e:  # a crash is a result too
                    print(f"{src.name}: {type(e).__name__}: {e}")
                    continue
                rows.append((d.name, src.suffix[1:], meta.get("bureau", "?"), s))
                if args.misses:
                    print(f"== {src.name}  missed={s['missed'][:8]} extra={s['extra'][:8]}")
                    for k, v in s["label_misses"].items():
                        for m in v[:8]:
                            print(f"   {k}: gold={m[1]!r} got={m[2]!r} (id {m[0]})")
    w = max(len(r[0]) for r in rows) + 5
    print(f"{'document':<{w}} {'F1':>5} {'head':>5} " + " ".join(f"{HEAD.get(k, k[:7]):>7}" for k in LABELS))
    for name, fmt, _, s in rows:
        h = s.get("headings", {}).get("recall", float("nan"))
        print(f"{name + '.' + fmt:<{w}} {s['f1']:5.2f} {h:5.2f} "
              + " ".join(f"{s['label_accuracy'][k]:7.2f}" for k in LABELS))
    by: dict[str, list] = defaultdict(list)
    for r in rows:
        by[r[2]].append(r[3])
    by["ALL"] = [r[3] for r in rows]
    print()
    print(f"{'bureau':<10} {'docs':>4} {'F1':>5} {'head':>5} " + " ".join(f"{HEAD.get(k, k[:7]):>7}" for k in LABELS))
    for b, ss in sorted(by.items(), key=lambda kv: (kv[0] == "ALL", kv[0])):
        # micro-averages over matched figures (labels) and over documents (F1, headings)
        matched = sum(s["matched"] for s in ss) or 1
        acc = {k: sum(s["label_accuracy"][k] * s["matched"] for s in ss) / matched for k in LABELS}
        f1 = sum(s["f1"] for s in ss) / len(ss)
        hs = [s["headings"]["recall"] for s in ss if "headings" in s]
        h = sum(hs) / len(hs) if hs else float("nan")
        print(f"{b:<10} {len(ss):>4} {f1:5.2f} {h:5.2f} " + " ".join(f"{acc[k]:7.2f}" for k in LABELS))
    if args.json:
        args.json.write_text(json.dumps([{"doc": r[0], "format": r[1], "bureau": r[2], **r[3]} for r in rows],
                                        ensure_ascii=False, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
