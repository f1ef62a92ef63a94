#!/usr/bin/env python3
"""Benchmark OCR of scanned reports: seconds per page, and corpus builds of scans.

Makes image-only "photocopies" of the bundled samples (the test fixtures' degradation: rotated
1.5°, blurred, speckled, JPEG, a red seal over the date; fixed seeds) in a temporary folder,
then prints:

- seconds per page (wall and CPU, one onnxruntime thread) for the ``default`` and the ``fast``
  preset, with the character error rate and figure recall each reaches against the samples'
  text layers and gold;
- pages/s of ``gongwen corpus build --jobs 1`` and ``--jobs 2`` on those scans (fresh database
  each) and the scaling factor (target ≥ 1.7× on 2 cores), with the workers' CPU seconds per
  page: on a machine shared with other sessions (Linux groups a session's processes for CPU
  shares) the wall-clock factor says little, the CPU per page does.

Usage: ``python bench/ocr_bench.py [--samples qingxi-2022,nanping-2022] [--copies 2] [--keep DIR]``.
Needs the ``ocr`` extra.  Timings on a shared machine vary: compare CPU seconds.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from fixtures.scans import PHOTOCOPY, scanned_sample

from gongwen.extract.pipeline import build_document
from gongwen.extract.readers import ocr, read_raw
from gongwen.extract.readers.raw import RawDocument
from gongwen.figure import Extraction

SAMPLES = ROOT / "gongwen" / "corpora" / "samples"
NAMES = ("qingxi-2021", "qingxi-2022", "qingxi-2023", "yunling-2022", "nanping-2022")


def edits(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        prev = cur
    return prev[-1]


def fold(s: str) -> str:
    import unicodedata

    s = "".join(c for c in s if not c.isspace()).replace("℅", "%")
    return "".join(unicodedata.normalize("NFKC", c) if "０" <= c <= "９" else c for c in s)


def scorer() -> object | None:
    path = Path(os.environ.get("GONGWEN_SHARED", ROOT.parent / "shared")) / "eval" / "score.py"
    if not path.is_absolute():
        path = ROOT / path
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("score", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def preset_run(scans: dict[str, Path], settings: ocr.OcrSettings, tmp: Path) -> None:
    from gongwen.extract.figures.assemble import find_figures

    score = scorer()
    pages = cpu = wall = 0.0
    errs = chars = 0
    recall: list[float] = []
    for name, pdf in scans.items():
        truth = read_raw(SAMPLES / name / f"{name}.pdf", ocr="never")
        n = truth.pages or 0
        ocr.engine(settings)  # loaded before timing
        t0, c0 = time.perf_counter(), time.process_time()
        read = ocr.recognise_pages(pdf, range(1, n + 1), settings)
        wall += time.perf_counter() - t0
        cpu += time.process_time() - c0
        pages += n
        lines = [ln for page_lines, _ in read.values() for ln in page_lines]
        for p in range(1, n + 1):
            want = fold("".join(ln.text for ln in truth.lines if ln.page == p))
            got = fold("".join(ln.text for ln in lines if ln.page == p))
            errs += edits(got, want)
            chars += len(want)
        if score is not None:
            ocr.wrapped_thousands(lines)
            doc = build_document(RawDocument(str(pdf), "pdf", lines, pages=n, ocr_pages={p: 0.0 for p in read}))
            ex = Extraction(doc, tuple(find_figures(doc)))
            out = tmp / f"{name}-{settings.name}.json"
            out.write_text(json.dumps(ex.to_json(), ensure_ascii=False), encoding="utf-8")
            recall.append(score.score(str(out), str(SAMPLES / name / f"{name}.gold"))["recall"])  # type: ignore[attr-defined]
    fig = f", figure recall {min(recall):.3f} (worst document)" if recall else ""
    print(f"  {settings.name:8} {settings.dpi} dpi, detector {settings.det_side}px: {wall / pages:.2f} s/page wall, "
          f"{cpu / pages:.2f} s/page CPU; CER {errs / max(chars, 1):.4f}{fig}")


def corpus_run(folder: Path, jobs: int, pages: int, tmp: Path) -> tuple[float, float]:
    """One fresh ``corpus build --jobs N`` of ``folder``: prints and returns (pages/s, CPU s/page)."""
    from gongwen.corpora import build_corpus

    db = tmp / f"ocr-jobs{jobs}.sqlite"
    if db.exists():
        db.unlink()
    res = build_corpus([folder], db, jobs=jobs, progress="off")
    if res.failed:
        raise SystemExit(f"corpus build --jobs {jobs} failed: {res.failed[:3]}")
    cpu = sum(res.worker_cpu_seconds.values())
    rate = pages / res.seconds
    print(f"  --jobs {jobs}: {res.seconds:.1f} s, {rate:.3f} pages/s; workers' CPU {cpu / pages:.2f} s/page, "
          f"{cpu / res.seconds:.2f} cores busy on average")
    return rate, cpu / pages


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--samples", default=",".join(NAMES), help="comma-separated sample names")
    ap.add_argument("--copies", type=int, default=2, help="copies of each scan in the corpus folder")
    ap.add_argument("--keep", type=Path, default=None, help="keep the scans in this folder")
    args = ap.parse_args()
    if not ocr.available():
        print(f"the ocr extra is not installed: {ocr.EXTRA}", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="gongwen-ocr-bench-"))
    try:
        folder = args.keep or tmp / "scans"
        folder.mkdir(parents=True, exist_ok=True)
        scans: dict[str, Path] = {}
        pages = 0
        t0 = time.perf_counter()
        for k, name in enumerate(args.samples.split(",")):
            pdf = scanned_sample(SAMPLES / name / f"{name}.pdf", folder / f"{name}-scan.pdf", PHOTOCOPY, seed=14 + k)
            scans[name] = pdf
            for c in range(1, args.copies):  # the same pages again (other bytes: a build stores a file once)
                (folder / f"{name}-scan-{c}.pdf").write_bytes(pdf.read_bytes() + b"%% copy %d\n" % c)
            pages += args.copies * (read_raw(SAMPLES / name / f"{name}.pdf", ocr="never").pages or 0)
        print(f"{len(scans)} scanned samples ({pages // args.copies} pages) made in {time.perf_counter() - t0:.1f} s; "
              f"{ocr.engine_version()}")
        print("seconds per page (one thread):")
        for preset in (ocr.DEFAULT, ocr.FAST):
            preset_run(scans, ocr.OcrSettings(preset.name, preset.dpi, preset.det_side, preset.use_cls, threads=1), tmp)
        print(f"corpus build of {len(scans) * args.copies} scanned PDFs ({pages} pages), one OCR thread per worker:")
        one, cpu1 = corpus_run(folder, 1, pages, tmp)
        two, cpu2 = corpus_run(folder, 2, pages, tmp)
        print(f"  scaling --jobs 2 / --jobs 1: {two / one:.2f}x wall (target >= 1.7x on 2 idle cores; "
              f"{os.cpu_count()} CPUs here, load average {os.getloadavg()[0]:.1f}); CPU per page "
              f"{cpu2 / cpu1:.2f}x of --jobs 1's, so {2 * cpu1 / cpu2:.2f}x on two idle cores")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
