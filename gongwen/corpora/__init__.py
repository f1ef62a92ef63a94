"""Corpora: many reports into one SQLite database to query, chart and cross-check; the bundled samples.

- :func:`build_corpus` extracts folders of reports in parallel (a process pool or Dask), one
  transaction per document, resuming where a killed build stopped; :func:`.merge.merge` joins shards;
- :func:`export` writes CSV/JSONL/Parquet/XLSX; :func:`panel` pivots a program's figures by year;
- :func:`cross_check` compares each issuer's consecutive years;
- :func:`samples`, :func:`sample` and :func:`series_files` find the bundled sample reports.

The sample files live in ``gongwen/corpora/samples/`` (see its README); ``manifest.json`` there, written
by ``scripts/make_samples.py``, indexes them.  This module reads the manifest so the demo, tests
and benchmarks can find a sample, its formats, its gold prefix and the consecutive-year series
without hard-coding paths.

>>> [s.name for s in samples() if "foundation" in s.roles]
['nanping-2022', 'qingxi-2022', 'yunling-2022']
>>> [p.name for p in series_files("青溪县民政局")]
['qingxi-2021.docx', 'qingxi-2022.pdf', 'qingxi-2023.txt']
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import DataError
from .build import BuildResult, Interrupted, build_corpus, discover
from .crosscheck import CrossFinding, cross_check
from .export import export
from .panel import Panel, panel
from .schema import connect

SAMPLES_DIR = Path(__file__).resolve().parent / "samples"
MANIFEST = SAMPLES_DIR / "manifest.json"

SERIES_DIR = SAMPLES_DIR / "series"

__all__ = ["SAMPLES_DIR", "SERIES_DIR", "BuildResult", "CrossFinding", "Interrupted", "Panel", "Sample",
           "build_corpus", "connect", "cross_check", "discover", "export", "panel", "sample",
           "samples", "series_files"]


@dataclass(frozen=True)
class Sample:
    """One sample report: where its files are and what is known about it."""

    name: str
    title: str
    issuer: str
    date: str  # ISO 8601, from the signature block
    year: int
    bureau: str
    k: int  # how many times fake bold is over-printed in the PDF
    pages: int
    files: dict[str, Path]  # format ("pdf", "docx", "txt") -> file
    gold: Path  # prefix as score.py takes it: <gold>.figures.tsv and <gold>.outline.tsv
    roles: tuple[str, ...]
    anomalies: tuple[str, ...]

    @property
    def gold_figures(self) -> Path:
        """The hand-labelled figures TSV."""
        return Path(f"{self.gold}.figures.tsv")

    @property
    def gold_outline(self) -> Path:
        """The hand-labelled headings TSV."""
        return Path(f"{self.gold}.outline.tsv")


@lru_cache(maxsize=1)
def _manifest() -> dict[str, Any]:
    try:
        data = json.loads(MANIFEST.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError("sample manifest missing: run scripts/make_samples.py", MANIFEST) from None
    except json.JSONDecodeError as e:
        raise DataError(f"sample manifest is not valid JSON ({e})", MANIFEST) from None
    if data.get("schema") != "gongwen-samples" or not isinstance(data.get("samples"), list):
        raise DataError("not a gongwen sample manifest (schema 'gongwen-samples' expected)", MANIFEST)
    return data


def _sample(entry: dict[str, Any]) -> Sample:
    try:
        return Sample(
            name=entry["name"], title=entry["title"], issuer=entry["issuer"], date=entry["date"],
            year=int(entry["year"]), bureau=entry.get("bureau", ""), k=int(entry["k"]),
            pages=int(entry["pages"]),
            files={fmt: SAMPLES_DIR / rel for fmt, rel in entry["files"].items()},
            gold=SAMPLES_DIR / entry["gold"], roles=tuple(entry.get("roles", ())),
            anomalies=tuple(entry.get("anomalies", ())))
    except (KeyError, TypeError, ValueError) as e:
        raise DataError(f"sample entry {entry.get('name')!r} is malformed ({e!r})", MANIFEST) from None


def samples() -> list[Sample]:
    """Every bundled sample, in name order."""
    return sorted((_sample(e) for e in _manifest()["samples"]), key=lambda s: s.name)


def sample(name: str) -> Sample:
    """The sample called ``name`` (e.g. ``"qingxi-2022"``)."""
    for s in samples():
        if s.name == name:
            return s
    known = ", ".join(s.name for s in samples())
    raise DataError(f"no sample named {name!r} (known: {known})", MANIFEST)


def series_files(issuer: str | None = None) -> list[Path]:
    """The files of a consecutive-year series (one per year, oldest first).

    With no issuer, the only series in the manifest; a ``DataError`` if there are several.
    """
    series: dict[str, list[dict[str, Any]]] = _manifest().get("series", {})
    if issuer is None:
        if len(series) != 1:
            raise DataError(f"{len(series)} series in the manifest: name the issuer", MANIFEST)
        issuer = next(iter(series))
    if issuer not in series:
        raise DataError(f"no series for issuer {issuer!r} (known: {', '.join(series)})", MANIFEST)
    return [SAMPLES_DIR / m["file"] for m in sorted(series[issuer], key=lambda m: int(m["year"]))]
