"""The real pages kept as facts (``pages.tsv``, ``<id>.figures.tsv``, ``check_judged.tsv``) and the
excerpts saved to score them: shared by ``score_real.py`` and ``check_real.py``."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from labels_eval import scorer, tsv_rows  # noqa: E402  (the shared scorer, found as labels_eval finds it)

__all__ = ["HERE", "saved_pages", "scorer", "tsv_rows"]


def saved_pages(argv: list[str]) -> list[tuple[dict[str, str], Path | None]]:
    """Every page of ``pages.tsv`` with its excerpt saved in the scratch folder (``argv[1]``, else
    $GONGWEN_REAL, else /work/scratch/real), or None when the excerpt is missing or differs from
    the one judged (its sha256)."""
    scratch = Path(argv[1] if len(argv) > 1 else os.environ.get("GONGWEN_REAL", "/work/scratch/real"))
    out: list[tuple[dict[str, str], Path | None]] = []
    for pg in tsv_rows(HERE / "pages.tsv"):
        src = scratch / f"{pg['id']}.txt"
        ok = src.exists() and hashlib.sha256(src.read_bytes()).hexdigest() == pg["sha256"]
        out.append((pg, src if ok else None))
    return out
