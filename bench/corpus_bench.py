#!/usr/bin/env python3
"""Benchmark ``gongwen corpus build``: throughput with 1 and 2 jobs (pool and Dask), re-run, memory.

Generates a corpus of at least 200 documents in a temporary folder: variations of the bundled
sample sources (``gongwen/corpora/samples/src/*.gw``: issuer renamed, a closing sentence with a
variant number added) typeset as PDF, DOCX and text dump by ``scripts/make_samples.py``, with
some text dumps also saved as ``.md``.  Then, in one run, it prints:

- documents/s of a fresh build with ``--jobs 1`` and with ``--jobs 2`` and the scaling factor
  (target ≥ 1.7× on 2 cores);
- the same with ``--engine dask`` (a LocalCluster of 1 and 2 single-threaded workers, start
  and stop included), its ratio to the pool at the same worker count (target ≥ 0.85×) and its
  scaling (target ≥ 1.7×), when the ``dask`` extra is installed;
- each run's CPU seconds per document (workers, and this driver process with its scheduler):
  less sensitive than wall time to other work sharing the cores, and from it an estimate of
  the scaling on two idle cores (labelled as such: the measured factor is printed first);
- each engine's start-up and stop (a build of one small report per worker) and the
  documents/s after it, which is what a corpus much larger than this one sees;
- every timed build runs in a fresh Python process, as ``gongwen corpus build`` does (the
  imports of the gongwen package itself not counted);
- the time of an immediate re-run with nothing changed, in-process and as a fresh
  ``python -m gongwen.cli corpus build`` (target ≤ 5 % of the full build);
- peak resident memory per worker process (target ≤ 250 MB).

Usage: ``python bench/corpus_bench.py [--variants 14] [--repeat 1] [--no-dask] [--keep DIR]``;
with ``--repeat N`` each build runs N times (interleaved) and the fastest counts.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gongwen.corpora import build_corpus, connect

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


def timed_build(corpus: Path, db: Path, jobs: int, engine: str = "pool") -> tuple[float, object, float]:
    """Wall seconds, the result, and the CPU seconds of the driver process, of one build in a
    fresh Python process, as ``gongwen corpus build`` runs: each engine starts as it does for a
    user (in one process the first engine would start the multiprocessing forkserver with its
    own imports, and the other's workers would pay for theirs)."""
    for p in db.parent.glob(db.name + "*"):
        p.unlink()
    out = subprocess.run([sys.executable, __file__, "--one-build", engine, str(jobs), str(corpus), str(db)],
                         check=True, capture_output=True, text=True, cwd=ROOT).stdout
    r = json.loads(out.strip().splitlines()[-1])
    return r["seconds"], SimpleNamespace(**r["result"]), r["driver_cpu"]


def one_build(engine: str, jobs: int, corpus: str, db: str) -> None:
    """``--one-build``: run one build here and print its numbers as JSON (see :func:`timed_build`)."""
    c, t = time.process_time(), time.perf_counter()
    res = build_corpus([corpus], db, jobs=jobs, progress="off", engine=engine)
    seconds, driver_cpu = time.perf_counter() - t, time.process_time() - c
    result = {"extracted": res.extracted, "failed": res.failed, "worker_cpu_seconds": res.worker_cpu_seconds,
              "worker_max_rss_kb": res.worker_max_rss_kb}
    print(json.dumps({"seconds": seconds, "driver_cpu": driver_cpu, "result": result}))


def have_dask() -> bool:
    return importlib.util.find_spec("distributed") is not None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--one-build"]:
        one_build(argv[1], int(argv[2]), argv[3], argv[4])
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--variants", type=int, default=28,
                    help="variants per sample source (28: 448 documents, so that start-up is a small part of a build)")
    ap.add_argument("--keep", type=Path, default=None, help="build in this folder and keep it")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each build; the fastest counts")
    ap.add_argument("--no-dask", dest="dask", action="store_false", help="pool builds only")
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

        engines = ["pool"] + (["dask"] if args.dask and have_dask() else [])
        if args.dask and not have_dask():
            print("dask: not installed (pip install -e '.[dask]'): Dask runs skipped")
        tiny = {}
        for jobs in (1, 2):  # one small report per worker: what starting and stopping costs
            tiny[jobs] = root / f"tiny{jobs}"
            tiny[jobs].mkdir(exist_ok=True)
            for k, p in enumerate(sorted(corpus.rglob("*.txt"))[:jobs]):
                shutil.copyfile(p, tiny[jobs] / f"{k}-{p.name}")
        runs: dict[tuple[str, int], list[tuple[float, object, float]]] = {}
        starts: dict[tuple[str, int], list[float]] = {}
        for _ in range(args.repeat):
            for engine in engines:
                for jobs in (1, 2):
                    runs.setdefault((engine, jobs), []).append(
                        timed_build(corpus, root / f"{engine}{jobs}.sqlite", jobs, engine))
                    starts.setdefault((engine, jobs), []).append(
                        timed_build(tiny[jobs], root / f"tiny-{engine}{jobs}.sqlite", jobs, engine)[0])
        results = {key: min(rs, key=lambda r: r[0]) for key, rs in runs.items()}
        start = {key: min(ts) for key, ts in starts.items()}
        after = {key: results[key][1].extracted / max(1e-9, results[key][0] - start[key])  # type: ignore[attr-defined]
                 for key in results}
        for (engine, jobs), (secs, res, driver_cpu) in results.items():
            for path, msg in res.failed[:3]:  # type: ignore[attr-defined]
                print(f"  failed: {path}: {msg}")
            cpu = sum(res.worker_cpu_seconds.values())  # type: ignore[attr-defined]
            n = max(1, res.extracted)  # type: ignore[attr-defined]
            others = ", ".join(f"{r[0]:.2f}" for r in runs[(engine, jobs)])
            print(f"{engine} --jobs {jobs}: {res.extracted} extracted, {len(res.failed)} failed in {secs:.2f} s "  # type: ignore[attr-defined]
                  f"= {res.extracted / secs:.1f} documents/s (runs: {others} s); workers used {cpu:.1f} CPU-s "  # type: ignore[attr-defined]
                  f"= {100 * cpu / (secs * jobs):.0f}% of {jobs} core{'s' if jobs > 1 else ''}; "
                  f"CPU per document: workers {1000 * cpu / n:.0f} ms, driver {1000 * driver_cpu / n:.0f} ms")
            print(f"  start-up and stop {start[(engine, jobs)]:.2f} s; after it {after[(engine, jobs)]:.1f} documents/s")
        def cpu_per_doc(key: tuple[str, int], driver: bool) -> float:
            _, res, driver_cpu = results[key]
            cpu = sum(res.worker_cpu_seconds.values()) + (driver_cpu if driver else 0.0)  # type: ignore[attr-defined]
            return cpu / max(1, res.extracted)  # type: ignore[attr-defined]

        for engine in engines:
            scaling = results[(engine, 1)][0] / results[(engine, 2)][0]
            # Two idle cores run the two workers and the driver: documents/s is at most 2 / (their
            # CPU per document); one worker runs at 1 / (its CPU per document), the driver beside it.
            idle = 2 * cpu_per_doc((engine, 1), False) / cpu_per_doc((engine, 2), True)
            print(f"{engine} scaling 1 → 2 workers: {scaling:.2f}× (target ≥ 1.7×); after start-up "
                  f"{after[(engine, 2)] / after[(engine, 1)]:.2f}×; from the CPU per document, "
                  f"{idle:.2f}× on two idle cores (an estimate, start-up aside)")
        if "dask" in engines:
            for jobs in (1, 2):
                ratio = results[("pool", jobs)][0] / results[("dask", jobs)][0]
                print(f"dask / pool with {jobs} worker{'s' if jobs > 1 else ''}: {ratio:.2f}× (target ≥ 0.85×); "
                      f"after start-up {after[('dask', jobs)] / after[('pool', jobs)]:.2f}×")
        print(f"load average now {', '.join(f'{x:.2f}' for x in os.getloadavg())}: other processes share these cores")

        full = results[("pool", 2)][0]
        db = root / "pool2.sqlite"
        t = time.perf_counter()
        res = build_corpus([corpus], db, jobs=2, progress="off")
        secs = time.perf_counter() - t
        print(f"re-run, nothing changed (in-process): {secs:.3f} s, {res.skipped} skipped, "  # type: ignore[attr-defined]
              f"{res.extracted} extracted = {100 * secs / full:.1f}% of the full build (target ≤ 5%)")  # type: ignore[attr-defined]
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "gongwen.cli", "corpus", "build", str(corpus), "-o", str(db),
                        "--progress", "off"], check=False, cwd=ROOT, capture_output=True)
        cli = time.perf_counter() - t
        print(f"re-run, nothing changed (fresh CLI process): {cli:.3f} s = {100 * cli / full:.1f}% of the full build")

        for engine in engines:
            rss = [kb / 1024 for jobs in (1, 2) for kb in results[(engine, jobs)][1].worker_max_rss_kb.values()]  # type: ignore[attr-defined]
            print(f"peak memory per {engine} worker: {max(rss):.0f} MB (max over {len(rss)} workers; target ≤ 250 MB)")
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
