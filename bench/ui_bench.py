"""Review desk (`gongwen ui`): upload → highlighted page, and responsiveness during a long read.

Usage: ``python bench/ui_bench.py [source.pdf] [--repeat 5] [--pages 300] [--no-browser]``

Starts ``gongwen ui`` as a user would (a subprocess on a free loopback port) and measures:

- upload → highlighted review page for the development PDF (15 pages), over HTTP (POST the
  file, poll the page every 20 ms until it shows the marked text) and, when Python Playwright
  and a chromium binary are present, in the browser (pick the file → the page with ``<mark>``s);
- while a ~300-page PDF (the source concatenated) is being read: the latency of other requests
  (the home page and a static file, one every 100 ms) against the same requests when idle.

Target (issue 13): under 2 s from upload to the highlighted page; the server keeps answering
while the 300-page PDF is read.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from read_bench import concatenate, default_pdf  # noqa: E402


def start_server(work: Path) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen([sys.executable, "-m", "gongwen.cli", "ui", "--no-browser", "--port", "0",
                             "--db", str(work / "corpus.sqlite")], cwd=work, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "TMPDIR": str(work)})
    assert proc.stderr is not None
    while True:
        line = proc.stderr.readline()
        if not line:
            raise SystemExit("gongwen ui did not start")
        m = re.search(r"serving on (http://\S+)/", line)
        if m:
            return proc, m.group(1)


def upload_and_wait(client: object, url: str, path: Path, timeout: float = 600) -> tuple[float, str]:
    """Seconds from the start of the upload to the review page with marks; the page's URL."""
    t0 = time.perf_counter()
    with open(path, "rb") as f:
        r = client.post(url + "/upload", files={"file": (path.name, f, "application/octet-stream")},  # type: ignore[attr-defined]
                        follow_redirects=False)
    doc = url + r.headers["location"]
    while time.perf_counter() - t0 < timeout:
        page = client.get(doc).text  # type: ignore[attr-defined]
        if 'id="doc"' in page:
            assert "<mark" in page
            return time.perf_counter() - t0, doc
        if "无法完成" in page:
            raise SystemExit(f"{path}: {page}")
        time.sleep(0.02)
    raise SystemExit(f"{path}: not done after {timeout} s")


def browser_time(url: str, path: Path, repeat: int) -> list[float] | None:
    chromium = os.environ.get("GONGWEN_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if chromium is None:
        return None
    times = []
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, headless=True)
        for _ in range(repeat):
            page = b.new_page()
            page.goto(url + "/")
            t0 = time.perf_counter()
            page.set_input_files("#file", str(path))
            page.wait_for_selector("#doc mark", timeout=120_000)
            times.append(time.perf_counter() - t0)
            page.close()
        b.close()
    return times


def latencies(url: str, stop: threading.Event, out: list[float], limit: float) -> None:
    import httpx

    client = httpx.Client(timeout=60)  # its own client (and session): another user of the desk
    t_end = time.perf_counter() + limit
    paths = ("/", "/static/app.css")
    i = 0
    while not stop.is_set() and time.perf_counter() < t_end:
        t = time.perf_counter()
        r = client.get(url + paths[i % 2])
        assert r.status_code == 200
        out.append(time.perf_counter() - t)
        i += 1
        time.sleep(0.1)
    client.close()


def summary(xs: list[float]) -> str:
    xs = sorted(xs)
    p95 = xs[min(len(xs) - 1, int(0.95 * len(xs)))]
    return (f"n={len(xs)} median {1000 * statistics.median(xs):.0f} ms, p95 {1000 * p95:.0f} ms, "
            f"max {1000 * xs[-1]:.0f} ms")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pdf", nargs="?", type=Path, default=None)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--no-browser", action="store_true")
    args = ap.parse_args()
    import httpx

    pdf = args.pdf or default_pdf()
    if not pdf.exists():
        raise SystemExit(f"{pdf}: no such file (set GONGWEN_SHARED or pass a PDF)")
    with tempfile.TemporaryDirectory(prefix="gongwen-ui-bench-") as tmp:
        work = Path(tmp)
        big = work / "long.pdf"
        n_pages = concatenate(pdf, big, args.pages)
        t_start = time.perf_counter()
        proc, url = start_server(work)
        print(f"server up in {time.perf_counter() - t_start:.2f} s at {url}")
        try:
            with httpx.Client(timeout=600) as client:
                # warm-up: the first upload also waits for the workers' own warm-up
                first, _ = upload_and_wait(client, url, pdf)
                print(f"first upload after start (workers still warming): {first:.2f} s")
                times = [upload_and_wait(client, url, pdf)[0] for _ in range(args.repeat)]
                print(f"upload → highlighted page, HTTP ({pdf.name}, {args.repeat}×): "
                      f"median {statistics.median(times):.2f} s, best {min(times):.2f} s, worst {max(times):.2f} s "
                      f"(target < 2 s: {'met' if statistics.median(times) < 2 else 'NOT met'})")
                if not args.no_browser:
                    bt = browser_time(url, pdf, args.repeat)
                    if bt is None:
                        print("browser timing skipped (no playwright or chromium)")
                    else:
                        print(f"upload → highlighted page, chromium: median {statistics.median(bt):.2f} s, "
                              f"best {min(bt):.2f} s, worst {max(bt):.2f} s")
                idle: list[float] = []
                latencies(url, threading.Event(), idle, 3.0)
                print(f"idle latency of / and a static file: {summary(idle)}")
                busy: list[float] = []
                stop = threading.Event()
                th = threading.Thread(target=latencies, args=(url, stop, busy, 600.0))
                th.start()
                try:
                    long_s, _ = upload_and_wait(client, url, big)
                finally:
                    stop.set()
                    th.join()
                print(f"{n_pages}-page PDF ({big.stat().st_size / 1e6:.1f} MB) upload → page: {long_s:.1f} s")
                print(f"latency while it was read: {summary(busy)}")
                ok = max(busy) < 1.0
                print(f"server answered every request during the read in under 1 s: {'yes' if ok else 'NO'}")
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    return 0


if __name__ == "__main__":
    sys.exit(main())
