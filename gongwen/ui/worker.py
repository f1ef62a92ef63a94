"""The worker side of the review desk: read, extract and check one uploaded file in another process.

The server hands a stored upload to a small process pool so a 300-page PDF never stalls the
event loop (reading is CPU-bound Python: a thread would hold the GIL).  Each worker imports the
pipeline once and warms its caches on a bundled sample, so the first real upload is as fast as
the later ones.  The worker writes its stage (``读取``/``识别``/``核对``) and, for a PDF, the page
count to a small file beside the upload; the server polls it for the progress bar.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from ..figure import Extraction

STAGE_FILE = "stage.json"


def warm() -> None:
    """Import the pipeline and run it once on a bundled sample PDF (readers, vocabularies, regexes)."""
    from ..check import check
    from ..corpora import SAMPLES_DIR
    from ..extract.pipeline import extract

    for sample in sorted(SAMPLES_DIR.glob("*/*.pdf"))[:1]:
        check(extract(sample))


def ping() -> bool:
    """A no-op task: submitting one per worker starts every worker at once."""
    return True


def _stage(folder: Path, stage: str, **extra: Any) -> None:
    tmp = folder / (STAGE_FILE + ".tmp")
    tmp.write_text(json.dumps({"stage": stage, "t": time.time(), **extra}), encoding="utf-8")
    tmp.replace(folder / STAGE_FILE)


def read_stage(folder: Path) -> dict[str, Any]:
    """What the worker last said about the file in ``folder`` (``{}`` before it starts)."""
    try:
        data = json.loads((folder / STAGE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def pdf_pages(path: Path) -> int | None:
    """Page count of a PDF without reading its text (pypdfium2, which pdfplumber brings)."""
    try:
        import pypdfium2

        pdf = pypdfium2.PdfDocument(str(path))
        try:
            return len(pdf)
        finally:
            pdf.close()
    except Exception:  # a damaged PDF: the reader proper will say what is wrong
        return None


def dump_extraction(ext: Extraction, path: Path) -> None:
    """The extraction (figures with their document) as JSON beside the upload; the overlay goes beside it."""
    data = {"extraction": ext.to_json(), "document": ext.document.to_json()}
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)


def analyse(path: str) -> tuple[Extraction, Any, float]:
    """Extract and check the stored upload at ``path``; returns ``(extraction, report, seconds)``.

    A :class:`~gongwen.errors.GongwenError` travels back to the server as itself (it pickles),
    to be shown as one line.
    """
    from ..check import check
    from ..extract.pipeline import extract

    t0 = time.perf_counter()
    p = Path(path)
    pages = pdf_pages(p) if p.suffix == ".pdf" else None
    _stage(p.parent, "read", pages=pages)
    ext = extract(p)
    _stage(p.parent, "check", pages=pages)
    report = check(ext)
    dump_extraction(ext, p.parent / "extraction.json")
    _stage(p.parent, "done", pages=pages)
    return ext, report, time.perf_counter() - t0
