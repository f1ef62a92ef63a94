"""Corpus to dataset: many reports into one SQLite database to query, chart and cross-check.

- :func:`build_corpus` extracts folders of reports in parallel, one transaction per document,
  resuming where a killed build stopped;
- :func:`export` writes CSV/JSONL/Parquet/XLSX; :func:`panel` pivots a program's figures by year;
- :func:`cross_check` compares each issuer's consecutive years.
"""

from __future__ import annotations

from .build import BuildResult, Interrupted, build_corpus, discover
from .crosscheck import CrossFinding, cross_check
from .export import export
from .panel import Panel, panel
from .schema import connect

__all__ = ["BuildResult", "CrossFinding", "Interrupted", "Panel", "build_corpus", "connect",
           "cross_check", "discover", "export", "panel"]
