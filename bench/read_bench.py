"""Benchmark the PDF reader: pages/s of gongwen's engines next to pdfplumber, and peak memory.

Usage: ``python bench/read_bench.py [source.pdf] [--repeat N] [--pages 300]``

The default PDF is ``corpus/lianzhou-2020/source.pdf`` under ``$GONGWEN_SHARED`` (or
``../shared`` next to the repository).  Prints, in one run:

- pages/s of ``read_raw(engine="fast")``, ``read_raw(engine="pdfplumber")`` and pdfplumber's
  own ``page.extract_text()``, with the speed-up of each over ``extract_text``;
- whether the two engines give identical lines (text, bold flags, boxes);
- peak RSS of reading a ~300-page PDF (the source concatenated with pypdfium2) in a fresh
  subprocess, for both engines.

Targets (issue 2): fast >= 5x pdfplumber's extract_text; peak < 300 MB on 300 pages.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def default_pdf() -> Path:
    shared = Path(os.environ.get("GONGWEN_SHARED") or ROOT.parent / "shared")
    if not shared.is_absolute():
        shared = (ROOT / shared).resolve()
    return shared / "corpus" / "lianzhou-2020" / "source.pdf"


def best_time(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def plumber_extract_text(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()


def concatenate(src: Path, dest: Path, pages: int) -> int:
    """Write a PDF of about ``pages`` pages by importing ``src`` repeatedly (pypdfium2)."""
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(str(src))
    out = pdfium.PdfDocument.new()
    n = len(source)
    while len(out) + n <= max(pages, n):
        out.import_pages(source)
    out.save(str(dest))
    total = len(out)
    out.close()
    source.close()
    return total


PEAK = """
import resource, sys, time
sys.path.insert(0, {root!r})
from gongwen.extract.readers import read_raw
t = time.perf_counter()
doc = read_raw(sys.argv[1], engine=sys.argv[2])
dt = time.perf_counter() - t
print(len(doc.lines), dt, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_rss(path: Path, engine: str) -> tuple[int, float, float]:
    """(lines, seconds, peak RSS in MB) of reading ``path`` in a fresh interpreter."""
    out = subprocess.run([sys.executable, "-c", PEAK.format(root=str(ROOT)), str(path), engine],
                         check=True, capture_output=True, text=True).stdout.split()
    return int(out[0]), float(out[1]), int(out[2]) / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdf", nargs="?", type=Path, default=None)
    ap.add_argument("--repeat", type=int, default=3, help="timing runs per reader (best is kept)")
    ap.add_argument("--pages", type=int, default=300, help="size of the concatenated PDF for memory")
    args = ap.parse_args()
    path: Path = args.pdf or default_pdf()
    if not path.is_file():
        print(f"read_bench: no such PDF: {path} (pass a path or set GONGWEN_SHARED)", file=sys.stderr)
        return 2

    from gongwen.extract.readers import read_raw

    fast = read_raw(path, engine="fast")  # warm-up: imports, CMap loading
    plumb = read_raw(path, engine="pdfplumber")
    pages = fast.pages or 0
    same = [(ln.text, ln.bold, ln.boxes, ln.kind, ln.cells) for ln in fast.lines] == \
           [(ln.text, ln.bold, ln.boxes, ln.kind, ln.cells) for ln in plumb.lines]

    t_fast = best_time(lambda: read_raw(path, engine="fast"), args.repeat)
    t_plumb = best_time(lambda: read_raw(path, engine="pdfplumber"), args.repeat)
    t_extract = best_time(lambda: plumber_extract_text(path), args.repeat)

    print(f"{path} ({pages} pages, {len(fast.lines)} lines), best of {args.repeat}")
    print(f"  {'reader':32} {'seconds':>8} {'pages/s':>8} {'vs extract_text':>16}")
    for name, t in [("gongwen fast", t_fast), ("gongwen pdfplumber engine", t_plumb),
                    ("pdfplumber page.extract_text()", t_extract)]:
        print(f"  {name:32} {t:8.3f} {pages / t:8.1f} {t_extract / t:15.1f}x")
    print(f"  engines give identical lines: {same}")
    target = t_extract / t_fast >= 5
    print(f"  target fast >= 5x extract_text: {'met' if target else 'NOT met'}")

    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "long.pdf"
        n = concatenate(path, big, args.pages)
        print(f"\n{n}-page PDF ({big.stat().st_size / 2**20:.1f} MB), read in a fresh process:")
        ok = True
        for engine in ("fast", "pdfplumber"):
            lines, secs, mb = peak_rss(big, engine)
            ok = ok and (engine != "fast" or mb < 300)
            print(f"  {engine:11} {lines:6} lines {secs:7.2f} s {n / secs:7.1f} pages/s  "
                  f"peak RSS {mb:6.1f} MB")
        print(f"  target peak < 300 MB (fast): {'met' if ok else 'NOT met'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
