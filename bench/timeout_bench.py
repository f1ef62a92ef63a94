#!/usr/bin/env python3
"""How long a file that hangs holds a corpus build, on the machine's clock (the tests use none).

For each engine (the process pool; Dask when installed) two builds of the same generated reports
are timed with ``--timeout T``: one with all files ordinary, one with a file that hangs for an hour
among them.  The difference is what the hanging file cost: the timeout itself (in a batch, Dask
gives a task ``T`` per document, then retries the hanging one alone) plus restarting its worker.
Target: a build is held less than ``BATCH + 1`` timeouts and 30 s beyond them, never the hour.

Usage: ``python bench/timeout_bench.py [--files 24] [--timeout 5] [--jobs 2] [--no-dask]``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "tests")]

from fixtures.corpus_reports import write_reports  # noqa: E402
from fixtures.hang_clock import hang, write_logged  # noqa: E402

from gongwen.corpora import build_corpus  # noqa: E402
from gongwen.corpora.dask_engine import BATCH  # noqa: E402


def hanging_extract(path: str) -> Any:
    """The real extractor, except that a file named ``*hang*`` hangs for an hour."""
    from gongwen.extract.pipeline import extract

    if "hang" in Path(path).name:
        hang(path)
    return extract(path)


def _build(folder: Path, db: Path, engine: str, args: argparse.Namespace) -> tuple[float, Any]:
    t = time.perf_counter()
    res = build_corpus([folder], db, jobs=args.jobs, progress="off", timeout=args.timeout, engine=engine,
                       extractor="timeout_bench:hanging_extract")
    return time.perf_counter() - t, res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=24)
    ap.add_argument("--timeout", type=float, default=5.0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--no-dask", dest="dask", action="store_false")
    args = ap.parse_args()
    engines = ["pool"] + (["dask"] if args.dask else [])
    budget = (BATCH + 1) * args.timeout + 30
    print(f"{args.files} files, --timeout {args.timeout:g} s, {args.jobs} jobs; target: held < {budget:g} s")
    print(f"{'engine':8} {'plain s':>8} {'hang s':>8} {'held s':>8}  verdict")
    worst = 0.0
    for engine in engines:
        with tempfile.TemporaryDirectory(prefix="gongwen-timeout-") as tmp:
            d = Path(tmp)
            plain, hung = d / "plain", d / "hung"
            files = write_reports(plain, args.files, seed=5)
            write_reports(hung, args.files, seed=5)
            mid = hung / files[len(files) // 2].name
            write_logged(mid.with_name("report-hang.txt"), d / "hang.log", mid.read_text(encoding="utf-8"))
            mid.unlink()
            t_plain, _ = _build(plain, d / "plain.sqlite", engine, args)
            t_hung, res = _build(hung, d / "hung.sqlite", engine, args)
            failed = [Path(p).name for p, _ in res.failed]
            held = t_hung - t_plain
            worst = max(worst, held)
            ok = failed == ["report-hang.txt"] and held < budget
            print(f"{engine:8} {t_plain:8.1f} {t_hung:8.1f} {held:8.1f}  {'ok' if ok else 'MISSED'} (failed: {failed})")
    return 0 if worst < budget else 1


if __name__ == "__main__":
    sys.exit(main())
