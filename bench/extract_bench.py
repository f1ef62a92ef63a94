#!/usr/bin/env python3
"""Speed of the full text pipeline (clean → outline → figures → labels) against a peer.

Prints, in one run:
- gongwen's documents/s and MB/s of text after start-up, on the seed text dump;
- ``jionlp.ner.extract_money`` (money only) on the same text, as the peer — jionlp is a
  ``bench`` extra only (``pip install -e '.[bench]'``); it imports a large GPL-3.0 segmenter,
  so it is never a runtime dependency;
- the wall time of ``gongwen extract source.txt`` as a cold CLI process (target < 1.0 s).

usage: bench/extract_bench.py [SOURCE.txt] [--seconds N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def default_source() -> Path:
    shared = Path(os.environ.get("GONGWEN_SHARED", ROOT.parent / "shared"))
    if not shared.is_absolute():
        shared = (ROOT / shared).resolve()
    return shared / "corpus" / "lianzhou-2020" / "source.txt"


def rate(fn, text: str, seconds: float) -> tuple[float, int]:
    """Runs of ``fn(text)`` per CPU second of this process over about ``seconds`` of CPU time
    (after one warm-up call).  CPU time, not wall time: "per core" and unaffected by other load."""
    fn(text)
    n, t0 = 0, time.process_time()
    while time.process_time() - t0 < seconds:
        fn(text)
        n += 1
    return n / (time.process_time() - t0), n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", nargs="?", type=Path, default=None)
    ap.add_argument("--seconds", type=float, default=5.0)
    args = ap.parse_args()
    src = args.source or default_source()
    if not src.exists():
        print(f"extract_bench: {src}: no such file (pass a text report or set GONGWEN_SHARED)", file=sys.stderr)
        return 2
    text = src.read_text(encoding="utf-8")
    mb = len(text.encode("utf-8")) / 1e6

    from gongwen.extract.pipeline import document_from_text, extract

    def pipeline(t: str) -> int:
        return len(extract(document_from_text(t)).figures)

    docs_s, n = rate(pipeline, text, args.seconds)
    print(f"text: {src.name}, {len(text)} characters, {mb * 1000:.1f} kB UTF-8, "
          f"{pipeline(text)} figures")
    print(f"gongwen full pipeline : {docs_s:8.1f} docs/s  {docs_s * mb:6.2f} MB/s   ({n} runs, one core)")

    try:
        import jionlp  # type: ignore[import-not-found]
    except ImportError:
        print("jionlp.ner.extract_money: not installed (pip install -e '.[bench]') — no peer ratio")
        peer = None
    else:
        def money(t: str) -> int:
            return len(jionlp.ner.extract_money(t, with_parsing=True))

        peer, m = rate(money, text, args.seconds)
        print(f"jionlp extract_money  : {peer:8.1f} docs/s  {peer * mb:6.2f} MB/s   ({m} runs, money only)")
        print(f"ratio gongwen / jionlp: {docs_s / peer:8.2f}x  (gongwen does all figures and labels)")

    target = "met" if docs_s * mb >= 1.0 else "NOT met"
    print(f"target >= 1 MB/s per core after start-up: {target}")

    walls = []
    for _ in range(5):
        t0 = time.perf_counter()
        r = subprocess.run([sys.executable, "-m", "gongwen.cli", "extract", str(src)], capture_output=True, cwd=ROOT)
        walls.append(time.perf_counter() - t0)
        if r.returncode != 0:
            print(r.stderr.decode("utf-8", "replace"), file=sys.stderr)
            return 1
    med = statistics.median(walls)
    print(f"cold CLI 'gongwen extract {src.name}': median {med:.2f} s of 5 (min {min(walls):.2f} s); "
          f"target < 1.0 s: {'met' if med < 1.0 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
