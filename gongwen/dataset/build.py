"""Build a corpus database: find reports, extract them in worker processes, store each atomically.

The parent process decides what needs work (size + mtime first, the SHA-256 only when those
changed), hands paths to a process pool, and writes every finished document in one
transaction.  Killing the build at any moment leaves whole documents or none; running it again
skips what is already stored and unchanged and replaces what changed.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TextIO

from .. import __version__
from ..errors import GongwenError
from . import schema
from .progress import Progress
from .worker import (
    DEFAULT_EXTRACTOR,
    SUFFIXES,
    file_digest,
    init_worker,
    pipeline_version,
    process,
    spec_name,
)

# A folder's own documentation, never a report (matched on the name before the first dot).
NOT_REPORTS = frozenset({"README", "CHANGELOG", "CHANGES", "LICENSE", "LICENCE", "CONTRIBUTING", "NOTICE"})


class Interrupted(Exception):
    """The build was stopped by a signal; ``signum`` says which (SIGINT or SIGTERM)."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(f"interrupted by {signal.Signals(signum).name}")


@dataclass
class BuildResult:
    """What a build did: counts, failures (``(path, message)``), timings and worker memory."""

    database: Path
    discovered: int = 0
    extracted: int = 0
    skipped: int = 0
    removed: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    carried: list[tuple[str, str]] = field(default_factory=list)  # unchanged files that failed before
    seconds: float = 0.0
    jobs: int = 1
    worker_max_rss_kb: dict[int, int] = field(default_factory=dict)
    worker_cpu_seconds: dict[int, float] = field(default_factory=dict)  # per worker, imports included
    stopped_early: bool = False  # --fail-fast stopped the batch

    @property
    def ok(self) -> bool:
        return not self.failed and not self.carried

    def summary(self) -> str:
        """One line: ``21 files: 21 extracted, 0 unchanged, 0 failed → db (4.7 s, 2 jobs)``."""
        parts = [f"{self.extracted} extracted", f"{self.skipped} unchanged"]
        if self.removed:
            parts.append(f"{self.removed} removed (file gone)")
        parts.append(f"{len(self.failed)} failed")
        return (f"{self.discovered} files: {', '.join(parts)} → {self.database} "
                f"({self.seconds:.1f} s, {self.jobs} job{'s' if self.jobs != 1 else ''})")

    @property
    def peak_worker_rss_mb(self) -> float:
        return max(self.worker_max_rss_kb.values(), default=0) / 1024


def discover(inputs: Iterable[str | Path]) -> list[Path]:
    """Report files under the given folders (recursively) and the given files, sorted, absolute.

    Hidden entries, office lock files (``~$x.docx``) and a folder's own documentation
    (``README.md``, ``CHANGELOG.md`` …) are skipped.  A missing input is a user
    mistake and raises :class:`~gongwen.errors.GongwenError`; an explicitly named file is taken
    whatever its suffix.
    """
    found: set[Path] = set()
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    if name.startswith((".", "~$")) or not name.lower().endswith(SUFFIXES):
                        continue
                    if name.split(".")[0].upper() in NOT_REPORTS:
                        continue
                    found.add(Path(os.path.abspath(os.path.join(root, name))))
        elif p.is_file():
            found.add(Path(os.path.abspath(p)))
        elif p.exists():
            raise GongwenError("not a regular file or folder", p)
        else:
            raise GongwenError("no such file or folder", p)
    return sorted(found)


def build_corpus(
    inputs: Sequence[str | Path],
    database: str | Path,
    *,
    jobs: int | None = None,
    fail_fast: bool = False,
    force: bool = False,
    retry_errors: bool = False,
    extractor: Any = DEFAULT_EXTRACTOR,
    progress: str = "auto",
    stream: TextIO | None = None,
    files: Sequence[Path] | None = None,
) -> BuildResult:
    """Extract every report under ``inputs`` into the SQLite ``database`` (created if absent).

    ``jobs`` worker processes (default: CPU count); ``extractor`` is ``"module:function"`` or a
    picklable callable ``path -> Extraction``; ``files`` replaces discovery (already-discovered
    absolute paths).  Unchanged files (same size and mtime, or same SHA-256, and same gongwen
    version) are skipped unless ``force``; files that failed before are retried only when they
    changed or ``retry_errors``.  SIGINT/SIGTERM raise :class:`Interrupted` after the workers are
    stopped; the database then holds every document finished so far.
    """
    t0 = time.perf_counter()
    result = BuildResult(database=Path(database))
    paths = list(files) if files is not None else discover(inputs)
    result.discovered = len(paths)
    conn = schema.connect(database, create=True)
    old_handlers = _install_signal_handlers()
    try:
        result.removed = _prune(conn, inputs, set(map(str, paths)))
        version = pipeline_version(spec_name(extractor))
        todo = _plan(conn, paths, result, version=version, force=force, retry_errors=retry_errors)
        result.jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo) or 1))
        with Progress(len(todo), stream=stream, mode=progress) as bar:
            for failure in list(result.failed):  # vanished while planning
                bar.note(f"error: {_where(*failure)}")
            if result.failed and fail_fast:
                result.stopped_early = True
            elif todo:
                _run(conn, todo, result, bar, jobs=result.jobs, fail_fast=fail_fast, extractor=extractor,
                     version=version)
    finally:
        _restore_signal_handlers(old_handlers)
        conn.close()
        result.seconds = time.perf_counter() - t0
    return result


# -- planning ---------------------------------------------------------------------------------
def _prune(conn: sqlite3.Connection, inputs: Sequence[str | Path], found: set[str]) -> int:
    """Delete stored documents under ``inputs`` whose files no longer exist."""
    roots = [os.path.abspath(p) for p in inputs]
    gone: list[int] = []
    for doc_id, path in conn.execute("SELECT id, path FROM documents"):
        if path in found or os.path.exists(path):
            continue
        if any(path == r or path.startswith(r.rstrip(os.sep) + os.sep) for r in roots):
            gone.append(doc_id)
    if gone:
        with _transaction(conn):
            conn.executemany("DELETE FROM documents WHERE id = ?", [(i,) for i in gone])
    return len(gone)


def _plan(conn: sqlite3.Connection, paths: Sequence[Path], result: BuildResult, *,
          version: str, force: bool, retry_errors: bool) -> list[str]:
    """The paths that need extracting; records skips, carried failures and vanished files."""
    stored = {
        row[0]: row[1:]
        for row in conn.execute(
            "SELECT path, size, mtime_ns, sha256, gongwen_version, status, error FROM documents")
    }
    todo: list[str] = []
    touched: list[tuple[int, str]] = []
    for p in paths:
        path = str(p)
        try:
            st = os.stat(path)
        except OSError as e:
            msg = "file vanished during the build (no such file)" if isinstance(e, FileNotFoundError) \
                else f"cannot read file: {e.strerror or e}"
            write_document(conn, {"path": path, "status": "error", "error": msg, "gongwen_version": version})
            result.failed.append((path, msg))
            continue
        row = stored.get(path)
        if row is None or force or row[3] != version:
            todo.append(path)
            continue
        size, mtime_ns, sha, _version, status, error = row
        unchanged = size == st.st_size and mtime_ns == st.st_mtime_ns
        if not unchanged and size == st.st_size and sha:
            try:
                unchanged = file_digest(path)[0] == sha
            except OSError:
                unchanged = False
            if unchanged:
                touched.append((st.st_mtime_ns, path))
        if not unchanged or (status == "error" and retry_errors):
            todo.append(path)
            continue
        result.skipped += 1
        if status == "error":
            result.carried.append((path, error or "unknown error"))
    if touched:  # same bytes, new mtime: remember the mtime so the next run skips cheaply
        with _transaction(conn):
            conn.executemany("UPDATE documents SET mtime_ns = ? WHERE path = ?", touched)
    return todo


# -- running ----------------------------------------------------------------------------------
def _mp_context() -> multiprocessing.context.BaseContext:
    """``forkserver`` where available: fork-safe with the progress thread running, cheap workers."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _run(conn: sqlite3.Connection, todo: list[str], result: BuildResult, bar: Progress, *,
         jobs: int, fail_fast: bool, extractor: Any, version: str) -> None:
    """Feed ``todo`` to a process pool, writing each result as it arrives.

    A worker that dies (segfault, out of memory) breaks the whole pool; the files then in
    flight are retried one at a time in a fresh pool, so only the culprit is recorded as failed.
    """
    queue: deque[str] = deque(todo)
    suspects: deque[str] = deque()
    while queue or suspects:
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_mp_context(),
                                   initializer=init_worker, initargs=(extractor, os.getpid()))
        inflight: dict[Future[dict[str, Any]], str] = {}
        solo: str | None = None  # the one suspect in flight, if any
        broken = False
        try:
            while (queue or suspects or inflight) and not broken:
                if suspects:
                    if not inflight:
                        solo = suspects.popleft()
                        inflight[pool.submit(process, solo)] = solo
                else:
                    solo = None
                    while queue and len(inflight) < jobs * 2:
                        path = queue.popleft()
                        inflight[pool.submit(process, path)] = path
                done, _ = wait(list(inflight), timeout=0.5, return_when=FIRST_COMPLETED)
                for fut in done:
                    path = inflight.pop(fut)
                    try:
                        res = fut.result()
                    except BrokenProcessPool:
                        broken = True
                        if path != solo:
                            suspects.append(path)
                            continue
                        res = _crash_result(path, version)
                    _store(conn, res, result, bar)
                    if fail_fast and res["status"] == "error":
                        result.stopped_early = True
                        queue.clear()
                        suspects.clear()
                        _stop(pool)
                        return
            suspects.extend(inflight.values())  # only non-empty when the pool broke
        except BaseException:
            _stop(pool)
            raise
        _stop(pool, wait_workers=not broken)


def _crash_result(path: str, version: str) -> dict[str, Any]:
    return {"path": path, "status": "error", "gongwen_version": version,
            "error": "worker process died while extracting this file (crash or out of memory)"}


def _stop(pool: ProcessPoolExecutor, *, wait_workers: bool = False) -> None:
    """Shut a pool down; unless waiting, terminate workers still busy with a file."""
    if not wait_workers:
        procs = list(getattr(pool, "_processes", {}).values())  # no public handle on the workers
        pool.shutdown(wait=False, cancel_futures=True)
        for proc in procs:
            if proc.is_alive():
                proc.terminate()
        for proc in procs:
            proc.join(timeout=5)
    else:
        pool.shutdown(wait=True, cancel_futures=True)


# -- writing ----------------------------------------------------------------------------------
class _transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back on any exception (signals included)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if exc_type is None:
            self.conn.execute("COMMIT")
        else:
            self.conn.execute("ROLLBACK")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _store(conn: sqlite3.Connection, res: dict[str, Any], result: BuildResult, bar: Progress) -> None:
    """Write one worker result and account for it."""
    if res.get("max_rss_kb") and res.get("pid"):
        pid = res["pid"]
        result.worker_max_rss_kb[pid] = max(result.worker_max_rss_kb.get(pid, 0), res["max_rss_kb"])
        result.worker_cpu_seconds[pid] = max(result.worker_cpu_seconds.get(pid, 0.0), res.get("cpu_seconds", 0.0))
    write_document(conn, res)
    if res["status"] == "ok":
        result.extracted += 1
        bar.advance()
    else:
        result.failed.append((res["path"], res["error"]))
        bar.advance(error=True)
        bar.note(f"error: {_where(res['path'], res['error'])}")


def _where(path: str, message: str) -> str:
    """``path: message`` unless the message already starts with the path."""
    return message if message.startswith(path) else f"{path}: {message}"


def write_document(conn: sqlite3.Connection, res: dict[str, Any]) -> int:
    """Replace the stored document at ``res['path']`` with ``res``, in one transaction."""
    doc = dict(res.get("document") or {})
    doc.update(
        path=res["path"], sha256=res.get("sha256"), size=res.get("size"), mtime_ns=res.get("mtime_ns"),
        status=res["status"], error=res.get("error"),
        gongwen_version=res.get("gongwen_version") or __version__, extracted_at=_now(),
    )
    doc.setdefault("n_figures", 0)
    doc.setdefault("n_findings", 0)
    values = [doc.get(c) for c in schema.DOCUMENT_COLUMNS]
    with _transaction(conn):
        row = conn.execute("SELECT id FROM documents WHERE path = ?", (res["path"],)).fetchone()
        if row is not None:  # keep the id stable; children go with ON DELETE CASCADE
            conn.execute("DELETE FROM documents WHERE id = ?", (row[0],))
        cols = ("id",) + schema.DOCUMENT_COLUMNS
        cur = conn.execute(
            f"INSERT INTO documents ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            [row[0] if row else None, *values])
        doc_id = int(cur.lastrowid or 0)
        for table, columns in (("sections", schema.SECTION_COLUMNS), ("figures", schema.FIGURE_COLUMNS),
                               ("findings", schema.FINDING_COLUMNS)):
            rows = res.get(table) or ()
            if rows:
                conn.executemany(
                    f"INSERT INTO {table} (document_id, {', '.join(columns)}) "
                    f"VALUES (?, {', '.join('?' * len(columns))})",
                    ([doc_id, *(r.get(c) for c in columns)] for r in rows))
    return doc_id


# -- signals ----------------------------------------------------------------------------------
def _raise_interrupted(signum: int, frame: object) -> None:
    raise Interrupted(signum)


def _install_signal_handlers() -> dict[int, Any]:
    """Turn SIGTERM and SIGINT into :class:`Interrupted` (main thread only)."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        return {}
    old: dict[int, Any] = {}
    for sig in (signal.SIGTERM, signal.SIGINT):
        old[sig] = signal.signal(sig, _raise_interrupted)
    return old


def _restore_signal_handlers(old: dict[int, Any]) -> None:
    for sig, handler in old.items():
        signal.signal(sig, handler)


def iter_rows(conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> Iterator[dict[str, Any]]:
    """Rows of a query as dicts (column name → value)."""
    cur = conn.execute(sql, params)
    names = [d[0] for d in cur.description]
    for row in cur:
        yield dict(zip(names, row))


__all__ = ["BuildResult", "Interrupted", "build_corpus", "discover", "iter_rows", "write_document"]
