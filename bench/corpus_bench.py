#!/usr/bin/env python3
"""Benchmark ``gongwen corpus build``: throughput with 1 and 2 jobs, no-change re-run, worker memory.

Generates a corpus of at least 200 documents in a temporary folder: variations of the bundled
sample sources (``gongwen/corpora/samples/src/*.gw``: issuer renamed, a closing sentence with a
variant number added) typeset as PDF, DOCX and text dump by ``scripts/make_samples.py``, with
some text dumps also saved as ``.md``.  Then, in one run, it prints:

- documents/s of a fresh build with ``--jobs 1`` and with ``--jobs 2`` and the scaling factor
  (target ≥ 1.7× on 2 cores);
- the time of an immediate re-run with nothing changed, in-process and as a fresh
  ``python -m gongwen.cli corpus build`` (target ≤ 5 % of the full build);
- peak resident memory per worker process (target ≤ 250 MB).

Usage: ``python bench/corpus_bench.py [--variants 14] [--keep DIR]``.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gongwen.dataset import build_corpus, connect

SRC = ROOT / "gongwen" / "corpora" / "samples" / "src"
# Syllables for made-up county names (fictional places only).
FIRST = "东西南北青白红金石云松竹梅兰桂柳"
SECOND = "岭川溪桥坪湾塘沟原阳"


def load_make_samples() -> object:
    spec = importlib.util.spec_from_file_location("make_samples", ROOT / "scripts" / "make_samples.py")
    if spec is None or spec.loader is None:
        raise SystemExit("scripts/make_samples.py not found")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["make_samples"] = mod
    spec.loader.exec_module(mod)
    return mod


def county(i: int) -> str:
    return FIRST[i % len(FIRST)] + SECOND[(i // len(FIRST)) % len(SECOND)] + "县"


def make_variants(src: Path, out_src: Path, variants: int) -> int:
    """Write ``variants`` renamed copies of every ``.gw`` source; return the number written."""
    out_src.mkdir(parents=True, exist_ok=True)
    n = 0
    for path in sorted(src.glob("*.gw")):
        text = path.read_text(encoding="utf-8")
        issuer = re.search(r"^issuer:\s*(\S+)", text, re.MULTILINE)
        place = re.match(r"(.+?[县市区])", issuer[1]) if issuer else None
        for v in range(variants):
            name = county(n)
            body = text.replace(place[1], name) if place else text
            body = body.rstrip("\n") + f"\n全年共办理群众来信来访{100 + 7 * n}件，办结率100%。\n"
            (out_src / f"{path.stem}-v{v:02d}.gw").write_text(body, encoding="utf-8")
            n += 1
    return n


def generate(root: Path, variants: int) -> list[Path]:
    ms = load_make_samples()
    make_variants(SRC, root / "src", variants)
    out = root / "corpus"
    ms.build(root / "src", out)  # type: ignore[attr-defined]
    shutil.rmtree(out / "series", ignore_errors=True)  # copies of other files: not new documents
    (out / "manifest.json").unlink(missing_ok=True)
    txts = sorted(out.rglob("*.txt"))
    for p in txts[::5]:  # some reports arrive as Markdown
        shutil.copyfile(p, p.with_suffix(".md"))
    return sorted(p for p in out.rglob("*") if p.suffix in (".pdf", ".docx", ".txt", ".md"))


def timed_build(corpus: Path, db: Path, jobs: int) -> tuple[float, object]:
    t = time.perf_counter()
    res = build_corpus([corpus], db, jobs=jobs, progress="off")
    return time.perf_counter() - t, res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--variants", type=int, default=14, help="variants per sample source")
    ap.add_argument("--keep", type=Path, default=None, help="build in this folder and keep it")
    args = ap.parse_args(argv)
    root = args.keep or Path(tempfile.mkdtemp(prefix="gongwen-corpus-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    try:
        t = time.perf_counter()
        files = generate(root, args.variants)
        by_fmt: dict[str, int] = {}
        for p in files:
            by_fmt[p.suffix] = by_fmt.get(p.suffix, 0) + 1
        print(f"corpus: {len(files)} documents ({', '.join(f'{n} {k}' for k, n in sorted(by_fmt.items()))}) "
              f"generated in {time.perf_counter() - t:.1f} s under {root}")
        print(f"machine: {os.cpu_count()} CPUs, load average {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
        corpus = root / "corpus"

        results = {}
        for jobs in (1, 2):
            db = root / f"jobs{jobs}.sqlite"
            for p in root.glob(f"jobs{jobs}.sqlite*"):
                p.unlink()
            secs, res = timed_build(corpus, db, jobs)
            results[jobs] = (secs, res)
            for path, msg in res.failed[:3]:  # type: ignore[attr-defined]
                print(f"  failed: {path}: {msg}")
            cpu = sum(res.worker_cpu_seconds.values())  # type: ignore[attr-defined]
            print(f"build --jobs {jobs}: {res.extracted} extracted, {len(res.failed)} failed in {secs:.2f} s "  # type: ignore[attr-defined]
                  f"= {res.extracted / secs:.1f} documents/s; workers used {cpu:.1f} CPU-s "  # type: ignore[attr-defined]
                  f"= {100 * cpu / (secs * jobs):.0f}% of {jobs} core{'s' if jobs > 1 else ''}")
        scaling = results[1][0] / results[2][0]
        print(f"scaling 1 → 2 jobs: {scaling:.2f}× (target ≥ 1.7×; load average now "
              f"{os.getloadavg()[0]:.2f}: other processes share these cores)")

        full = results[2][0]
        db = root / "jobs2.sqlite"
        secs, res = timed_build(corpus, db, 2)
        print(f"re-run, nothing changed (in-process): {secs:.3f} s, {res.skipped} skipped, "  # type: ignore[attr-defined]
              f"{res.extracted} extracted = {100 * secs / full:.1f}% of the full build (target ≤ 5%)")  # type: ignore[attr-defined]
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "gongwen.cli", "corpus", "build", str(corpus), "-o", str(db),
                        "--progress", "off"], check=False, cwd=ROOT, capture_output=True)
        cli = time.perf_counter() - t
        print(f"re-run, nothing changed (fresh CLI process): {cli:.3f} s = {100 * cli / full:.1f}% of the full build")

        rss = [kb / 1024 for r in (results[1][1], results[2][1]) for kb in r.worker_max_rss_kb.values()]  # type: ignore[attr-defined]
        print(f"peak memory per worker: {max(rss):.0f} MB (max over {len(rss)} workers; target ≤ 250 MB)")
        conn = connect(db)
        n_docs, n_figs = conn.execute("SELECT count(*), sum(n_figures) FROM documents").fetchone()
        conn.close()
        print(f"database: {n_docs} documents, {n_figs} figures, {db.stat().st_size / 1e6:.1f} MB")
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
