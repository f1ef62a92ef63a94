"""The corpus pages: documents of a corpus database, a panel with its chart, cross-year findings,
and a build from a folder with a progress bar.

Everything goes through :mod:`gongwen.corpora`; the build runs in a thread of the server (its
own worker processes do the extraction) and reports progress through the plain-line output of
:class:`gongwen.corpora.progress.Progress`, read back here.
"""

from __future__ import annotations

import io
import re
import sqlite3
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO, cast

from ..errors import GongwenError

PANEL_FILTERS = ("issuer", "program", "metric", "scope", "unit")
DOC_KINDS = {"summary": "工作总结", "plan": "工作计划", "summary-plan": "总结和计划", "half-year": "半年总结",
             "quarter": "季度总结"}
_LINE = re.compile(r": (\d+)/(\d+) files")
_PLOT_LOCK = threading.Lock()  # pyplot keeps global state


def _connect(db: Path) -> sqlite3.Connection:
    from ..corpora import connect

    return connect(db)


def documents(db: Path) -> list[dict[str, Any]]:
    """One dict per stored document, by issuer and year."""
    conn = _connect(db)
    try:
        cur = conn.execute("SELECT id, path, title, issuer, year, kind, pages, format, status, error, n_figures, "
                           "n_findings FROM documents ORDER BY issuer, year, path")
        names = [c[0] for c in cur.description]
        rows = [dict(zip(names, r)) for r in cur]
    finally:
        conn.close()
    for r in rows:
        r["name"] = Path(r["path"]).name
        r["kind_label"] = DOC_KINDS.get(r["kind"] or "", r["kind"] or "")
    return rows


def options(db: Path, chosen: dict[str, str]) -> dict[str, list[str]]:
    """Distinct values of each panel filter among the figures matching the other chosen filters."""
    conn = _connect(db)
    out: dict[str, list[str]] = {}
    try:
        for col in PANEL_FILTERS:
            where, params = ["year IS NOT NULL", f"{col} IS NOT NULL"], []
            for other in PANEL_FILTERS:
                if other != col and chosen.get(other):
                    where.append(f"{other} = ?")
                    params.append(chosen[other])
            sql = (f"SELECT {col}, COUNT(*) AS n FROM panel WHERE {' AND '.join(where)} "
                   f"GROUP BY {col} ORDER BY n DESC, {col} LIMIT 200")
            out[col] = sorted(str(r[0]) for r in conn.execute(sql, params))
    finally:
        conn.close()
    return out


def panel_table(db: Path, chosen: dict[str, str]) -> tuple[Any, str | None]:
    """The panel for the chosen filters, or ``(None, message)`` when nothing matches."""
    from ..corpora import panel

    try:
        return panel(db, **{k: v or None for k, v in chosen.items() if k in PANEL_FILTERS}), None
    except GongwenError as e:
        return None, e.reason


def panel_rows(p: Any) -> list[dict[str, Any]]:
    from ..corpora.panel import fmt_value

    rows = []
    for s in sorted(p.series, key=lambda s: (s.issuer or "", s.program or "", s.unit, s.metric or "", s.scope or "")):
        rows.append({"issuer": s.issuer or "–", "program": s.program or "–", "scope": s.scope or "–",
                     "metric": s.metric or "–", "unit": s.unit,
                     "cells": [" / ".join(fmt_value(v) for v in s.values.get(y, [])) or "–" for y in p.years]})
    return rows


def chart_problem() -> str | None:
    """Why the chart cannot be drawn (no matplotlib, no Chinese font), or None when it can."""
    try:
        from ..corpora.panel import find_cjk_font

        if find_cjk_font() is not None:
            return None
    except ImportError:
        return "图表需要 matplotlib：pip install 'gongwen[plot]'"
    return "没有找到能显示中文的字体，无法绘图；请安装中文字体（例如 apt-get install fonts-noto-cjk）"


def panel_png(db: Path, chosen: dict[str, str]) -> bytes:
    """The panel drawn by :func:`gongwen.corpora.panel.plot` as PNG bytes."""
    from ..corpora.panel import plot

    problem = chart_problem()
    if problem is not None:
        raise GongwenError(problem)
    p, msg = panel_table(db, chosen)
    if p is None:
        raise GongwenError(msg or "没有数据")
    title = " · ".join(chosen[k] for k in ("issuer", "program", "scope", "metric") if chosen.get(k)) or None
    with tempfile.TemporaryDirectory(prefix="gongwen-ui-plot-") as tmp, _PLOT_LOCK:
        out = plot(p, Path(tmp) / "panel.png", title=title)
        return out.read_bytes()


def crossyear(db: Path, *, show_passed: bool = False) -> list[Any]:
    from ..corpora.crosscheck import cross_check, problems

    conn = _connect(db)
    try:
        found = cross_check(conn)
    finally:
        conn.close()
    return found if show_passed else problems(found)


# -- building ------------------------------------------------------------------------------------
class _Lines(io.TextIOBase):
    """A text stream that reads ``corpus: 3/21 files (…)`` progress lines and error notes."""

    def __init__(self, job: BuildJob) -> None:
        self.job = job
        self._buf = ""

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def write(self, s: str) -> int:
        self._buf += s
        while "\n" in self._buf:
            line, self._buf = self._buf.split("\n", 1)
            m = _LINE.search(line)
            if m:
                self.job.done, self.job.todo = int(m.group(1)), int(m.group(2))
            elif line.startswith("error: "):
                self.job.notes.append(line[7:])
        return len(s)


@dataclass
class BuildJob:
    """A corpus build running in a thread of the server."""

    folder: str
    db: Path
    discovered: int = 0
    todo: int | None = None
    done: int = 0
    notes: list[str] = field(default_factory=list)
    result: Any = None
    error: str | None = None
    started: float = field(default_factory=time.time)
    thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self.thread is not None and self.thread.is_alive()

    @property
    def percent(self) -> int:
        if self.result is not None:
            return 100
        total = self.todo if self.todo else self.discovered
        return int(100 * self.done / total) if total else 0

    def start(self, jobs: int | None = None) -> None:
        from ..corpora import discover

        self.discovered = len(discover([self.folder]))  # a missing folder raises here, in the request
        self.thread = threading.Thread(target=self._run, args=(jobs,), name="gongwen-ui-build", daemon=True)
        self.thread.start()

    def _run(self, jobs: int | None) -> None:
        from ..corpora import build_corpus

        try:
            self.result = build_corpus([self.folder], self.db, jobs=jobs, progress="lines",
                                       stream=cast(TextIO, _Lines(self)))
            self.done = self.result.extracted + len(self.result.failed)
        except GongwenError as e:
            self.error = str(e)
        except Exception as e:  # one line for the page, never a traceback
            self.error = f"内部错误：{type(e).__name__}: {e}"
