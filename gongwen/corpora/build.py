"""Build a corpus database: find reports, extract them in worker processes, store each atomically.

The parent process decides what needs work (size + mtime first, the SHA-256 only when those
changed), hands paths to a process pool, and writes every finished document in one
transaction.  Killing the build at any moment leaves whole documents or none; running it again
skips what is already stored and unchanged and replaces what changed.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TextIO

from .. import __version__
from ..errors import GongwenError
from . import pool, schema
from .progress import Progress
from .shard import restrict as restrict_to_shard
from .worker import DEFAULT_EXTRACTOR, SUFFIXES, file_digest, pipeline_version, spec_name

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
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (path, the stored file it repeats)

    @property
    def ok(self) -> bool:
        return not self.failed and not self.carried

    def summary(self) -> str:
        """One line: ``21 files: 21 extracted, 0 unchanged, 0 failed → db (4.7 s, 2 jobs)``."""
        parts = [f"{self.extracted} extracted", f"{self.skipped} unchanged"]
        if self.duplicates:
            parts.append(f"{len(self.duplicates)} duplicate{'s' if len(self.duplicates) != 1 else ''} skipped")
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
    (``README.md``, ``CHANGELOG.md`` …) are skipped, and so are entries that are not regular
    files (FIFOs, devices, sockets, links to them: :func:`find_reports` reports them) and
    second paths to one file (a symlink, the same folder given twice).  A missing input is a
    user mistake and raises :class:`~gongwen.errors.GongwenError`; an explicitly named file is
    taken whatever its suffix.
    """
    return find_reports(inputs)[0]


def find_reports(inputs: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]], list[tuple[str, str]]]:
    """:func:`discover`, plus what it left out: ``(paths, problems, duplicates)``.

    ``problems`` are ``(path, reason)`` of non-regular files and folders that cannot be read;
    ``duplicates`` are ``(path, first path)`` of second paths to the same real file.
    """
    found: set[str] = set()
    problems: list[tuple[str, str]] = []

    def unreadable(e: OSError) -> None:
        problems.append((os.path.abspath(e.filename or "?"), f"cannot read folder: {e.strerror or e}"))

    def consider(path: str) -> None:
        try:
            st = os.stat(path)  # follows links: a link to /dev/zero is a device
        except OSError as e:
            problems.append((path, f"cannot read file: {e.strerror or e}"))
            return
        if stat.S_ISREG(st.st_mode):
            found.add(path)
        else:
            problems.append((path, f"not a regular file ({_file_kind(st.st_mode)}): skipped"))

    for item in inputs:
        p = Path(item)
        if p.is_dir():
            for root, dirs, files in os.walk(p, onerror=unreadable):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    if name.startswith((".", "~$")) or not name.lower().endswith(SUFFIXES):
                        continue
                    if name.split(".")[0].upper() in NOT_REPORTS:
                        continue
                    consider(os.path.abspath(os.path.join(root, name)))
        elif p.exists() or p.is_symlink():
            consider(os.path.abspath(p))
        else:
            raise GongwenError("no such file or folder", p)
    paths: list[Path] = []
    first: dict[str, str] = {}
    duplicates: list[tuple[str, str]] = []
    for path in sorted(found):
        real = os.path.realpath(path)
        if real in first:
            duplicates.append((path, first[real]))
            continue
        first[real] = path
        paths.append(Path(path))
    return paths, sorted(problems), duplicates


def _file_kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "not a file"


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
    timeout: float | None = pool.DEFAULT_TIMEOUT,
    memory_mb: int = pool.DEFAULT_MEMORY_MB,
    shard: tuple[int, int] | None = None,
    engine: str = "pool",
    scheduler: str | None = None,
    ship: str = "auto",
) -> BuildResult:
    """Extract every report under ``inputs`` into the SQLite ``database`` (created if absent).

    ``jobs`` worker processes (default: CPU count); ``extractor`` is ``"module:function"`` or a
    picklable callable ``path -> Extraction``; ``files`` replaces discovery (already-discovered
    absolute paths).  Unchanged files (same size and mtime, or same SHA-256, and same gongwen
    version) are skipped unless ``force``; files that failed before are retried only when they
    changed or ``retry_errors``.  A file with the bytes of another one (same SHA-256) or a
    second path to it is stored once and listed in ``duplicates``.  Non-regular files are
    recorded as failed; so is a file whose worker runs past ``timeout`` seconds (the worker is
    killed and replaced) or dies.  Workers get ``memory_mb`` of address space (0: no limit).
    SIGINT/SIGTERM raise :class:`Interrupted` after the workers are stopped; the database then
    holds every document finished so far.

    ``shard=(i, n)`` keeps the files of shard ``i`` of ``n`` (:mod:`.shard`).  ``engine="dask"``
    extracts on a Dask cluster instead of the process pool (:mod:`.dask_engine`): a local one of
    ``jobs`` workers, or the one at ``scheduler``; ``ship`` says whether its workers get paths
    or bytes (``"auto"``: bytes to workers that do not see the files).
    """
    if engine not in ("pool", "dask"):
        raise GongwenError(f"unknown engine {engine!r}; choose pool or dask")
    t0 = time.perf_counter()
    result = BuildResult(database=Path(database))
    problems: list[tuple[str, str]] = []
    duplicates: list[tuple[str, str]] = []
    if files is not None:
        paths = list(files)
    else:
        paths, problems, duplicates = find_reports(inputs)
    if shard is not None:
        paths, problems, duplicates = restrict_to_shard(shard, paths, problems, duplicates)
    result.discovered = len(paths) + len(problems) + len(duplicates)
    result.duplicates.extend(duplicates)
    conn = schema.connect(database, create=True)
    old_handlers = _install_signal_handlers()
    try:
        version = pipeline_version(spec_name(extractor))
        for path, reason in problems:
            if not reason.startswith("cannot read folder"):
                _write_safely(conn, {"path": path, "status": "error", "error": reason, "gongwen_version": version})
            result.failed.append((path, reason))
        result.removed = _prune(conn, inputs, set(map(str, paths)))
        todo = _plan(conn, paths, result, version=version, force=force, retry_errors=retry_errors)
        _forget(conn, [p for p, _ in result.duplicates])
        result.jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo) or 1))
        with Progress(len(todo), stream=stream, mode=progress) as bar:
            for failure in list(result.failed):  # vanished while planning
                bar.note(f"error: {_where(*failure)}")
            if result.failed and fail_fast:
                result.stopped_early = True
            elif todo:
                _run(conn, todo, result, bar, jobs=result.jobs, fail_fast=fail_fast, extractor=extractor,
                     version=version, timeout=timeout, memory_mb=memory_mb, engine=engine,
                     scheduler=scheduler, ship=ship)
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
    """The paths that need extracting; records skips, carried failures, vanished files and
    files with the same bytes as one stored or planned before them (``result.duplicates``)."""
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
            _write_safely(conn, {"path": path, "status": "error", "error": msg, "gongwen_version": version})
            result.failed.append((path, msg))
            continue
        if not stat.S_ISREG(st.st_mode):
            msg = f"not a regular file ({_file_kind(st.st_mode)}): skipped"
            _write_safely(conn, {"path": path, "status": "error", "error": msg, "gongwen_version": version})
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
    return _drop_duplicates(stored, todo, result)


def _drop_duplicates(stored: dict[str, Any], todo: list[str], result: BuildResult) -> list[str]:
    """``todo`` without files whose bytes equal a kept stored file's or an earlier planned one's.

    Stored files that stay (not re-extracted) keep their claim, so a new copy never displaces
    the original; empty files are left to fail on their own.
    """
    planned = set(todo)
    owner: dict[str, str] = {}
    for path, row in stored.items():
        if path not in planned and row[2] and row[0] and os.path.exists(path):
            owner.setdefault(row[2], path)
    keep: list[str] = []
    for path in todo:
        try:
            sha, size, _ = file_digest(path)
        except OSError:
            keep.append(path)  # the worker records why it cannot be read
            continue
        first = owner.setdefault(sha, path) if size else path
        if first == path:
            keep.append(path)
        else:
            result.duplicates.append((path, first))
    return keep


def _forget(conn: sqlite3.Connection, paths: list[str]) -> None:
    """Delete stored documents at ``paths`` (files now known to repeat another one)."""
    if paths:
        with _transaction(conn):
            conn.executemany("DELETE FROM documents WHERE path = ?", [(p,) for p in paths])


# -- running ----------------------------------------------------------------------------------
def _run(conn: sqlite3.Connection, todo: list[str], result: BuildResult, bar: Progress, *,
         jobs: int, fail_fast: bool, extractor: Any, version: str, timeout: float | None,
         memory_mb: int, engine: str = "pool", scheduler: str | None = None, ship: str = "auto") -> None:
    """Extract ``todo`` in worker processes (:mod:`.pool`, or a Dask cluster:
    :mod:`.dask_engine`), writing each result as it arrives.

    A worker past ``timeout`` seconds on one file is killed and replaced; a worker that dies
    fails only the file it held.  Either way the file is recorded as failed with the reason.
    """
    def failure(path: str, reason: str) -> dict[str, Any]:
        res: dict[str, Any] = {"path": path, "status": "error", "gongwen_version": version, "error": reason}
        try:  # remember the bytes, so an unchanged file is not retried (and timed out) on every re-run
            res["sha256"], res["size"], res["mtime_ns"] = file_digest(path)
        except OSError:
            pass
        return res

    if engine == "dask":
        from . import dask_engine

        results = dask_engine.run(todo, jobs=jobs, extractor=extractor, timeout=timeout, memory_mb=memory_mb,
                                  failure=failure, scheduler=scheduler, ship=ship)
    else:
        results = pool.run(todo, jobs=jobs, extractor=extractor, timeout=timeout, memory_mb=memory_mb,
                           failure=failure)
    try:
        for res in results:
            _store(conn, res, result, bar)
            if fail_fast and res["status"] == "error":
                result.stopped_early = True
                return
    finally:
        results.close()  # kills the workers still running


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
    res = _write_safely(conn, res)
    if res["status"] == "ok":
        result.extracted += 1
        bar.advance()
    else:
        result.failed.append((res["path"], res["error"]))
        bar.advance(error=True)
        bar.note(f"error: {_where(res['path'], res['error'])}")


def _write_safely(conn: sqlite3.Connection, res: dict[str, Any]) -> dict[str, Any]:
    """:func:`write_document`, or, when the result cannot be stored, a failure row saying why.

    Nothing a document contains may abort the build: a value SQLite refuses becomes this
    document's recorded error, and the batch goes on.
    """
    try:
        write_document(conn, res)
        return res
    except (sqlite3.IntegrityError, sqlite3.InterfaceError, sqlite3.DataError, OverflowError, ValueError,
            TypeError) as e:
        failed = {"path": res["path"], "status": "error", "gongwen_version": res.get("gongwen_version"),
                  "sha256": res.get("sha256"), "size": res.get("size"), "mtime_ns": res.get("mtime_ns"),
                  "error": f"extracted, but cannot be stored: {type(e).__name__}: {' '.join(str(e).split())}"}
        write_document(conn, failed)
        return failed


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
    values = [_sql(doc.get(c)) for c in schema.DOCUMENT_COLUMNS]
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
                    ([doc_id, *(_sql(r.get(c)) for c in columns)] for r in rows))
    return doc_id


_INT64 = (-(2**63), 2**63 - 1)


def _sql(v: Any) -> Any:
    """A value SQLite can bind: an integer past 64 bits as its digits (exact text, not an error)."""
    if type(v) is int and not _INT64[0] <= v <= _INT64[1]:
        return str(v)
    return v


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
