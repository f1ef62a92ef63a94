"""Merge corpus databases (shards, or builds made elsewhere) into one, a document at a time.

``gongwen corpus merge part1.sqlite part2.sqlite … -o all.sqlite`` copies every document with
its sections, figures and findings into the output (created if absent) under the rules of a
build: a document is skipped when the output already holds the same path with the same bytes
(SHA-256) and pipeline version; when two databases hold different versions of one path, the
newer file wins (then the later extraction); a file with the bytes of another stored file is
stored once, under the first path.  Each document is written in one transaction, so an
interrupted merge leaves whole documents or none and running it again finishes the job.

Cross-year findings (the ``crossyear`` table of ``gongwen corpus check --save``) compare an
issuer's consecutive years, which shards split apart: a shard's findings miss the pairs whose
other year is in another shard.  So they are not copied row by row; when a source or the
output holds any, the merge checks the merged documents again at the end and stores the
findings in one transaction, as ``corpus check --save`` on a single build would.
"""

from __future__ import annotations

import os
import sqlite3
import time
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, TextIO

from ..errors import DataError
from . import schema
from .build import _install_signal_handlers, _restore_signal_handlers, _transaction
from .progress import Progress

_CHILDREN: tuple[tuple[str, tuple[str, ...]], ...] = (("sections", schema.SECTION_COLUMNS), ("figures", schema.FIGURE_COLUMNS),
             ("findings", schema.FINDING_COLUMNS))


@dataclass
class MergeResult:
    """What a merge did: documents copied, skipped as unchanged, kept because the output's are
    newer, and ``(path, stored path)`` of files stored once under another path."""

    database: Path
    sources: int = 0
    documents: int = 0
    copied: int = 0
    skipped: int = 0
    kept: int = 0
    failed: int = 0  # copied documents whose extraction had failed (status 'error')
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    crossyear: int | None = None  # cross-year findings stored (None: no source had any)
    seconds: float = 0.0

    def summary(self) -> str:
        """One line: ``2 databases, 24 documents: 24 copied, 0 unchanged, … → all.sqlite (0.3 s)``."""
        parts = [f"{self.copied} copied", f"{self.skipped} unchanged"]
        if self.kept:
            parts.append(f"{self.kept} older than the output's (kept the output's)")
        if self.duplicates:
            parts.append(f"{len(self.duplicates)} duplicate{'s' if len(self.duplicates) != 1 else ''} skipped")
        if self.failed:
            parts.append(f"{self.failed} of them failed extractions")
        if self.crossyear is not None:
            parts.append(f"{self.crossyear} cross-year findings checked again")
        return (f"{self.sources} database{'s' if self.sources != 1 else ''}, {self.documents} documents: "
                f"{', '.join(parts)} → {self.database} ({self.seconds:.1f} s)")


class _Row(NamedTuple):
    """What decides a document's fate: where it is and what version of which file it holds."""

    source: int  # index into the sources (-1: the output)
    id: int
    path: str
    sha256: str | None
    size: int | None
    mtime_ns: int | None
    version: str | None
    status: str
    extracted_at: str | None

    def newer_than(self, other: _Row) -> bool:
        """The newer file, then the later extraction (ISO timestamps sort as text), then the
        database named later."""
        return ((self.mtime_ns or -1, self.extracted_at or "", self.source)
                > (other.mtime_ns or -1, other.extracted_at or "", other.source))


_ROW_SQL = "SELECT id, path, sha256, size, mtime_ns, gongwen_version, status, extracted_at FROM documents"


def _rows(conn: sqlite3.Connection, source: int) -> list[_Row]:
    return [_Row(source, *r) for r in conn.execute(_ROW_SQL)]


def _open_source(path: str | Path) -> sqlite3.Connection:
    """A corpus database opened read-only; :class:`DataError` when it is not one of this schema."""
    p = Path(path)
    if not p.is_file():
        raise DataError("no such corpus database", p)
    uri = f"file:{urllib.parse.quote(str(p.resolve()))}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, timeout=30.0)
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "meta" not in names or "documents" not in names:
            raise DataError("not a gongwen corpus database (no meta/documents table)", p)
        found = schema.schema_version(conn)
        if found != str(schema.SCHEMA_VERSION) and found not in schema.UPGRADABLE:  # an older one: NULL for what it lacks
            raise DataError(f"corpus database has schema version {found}, "
                            f"this gongwen expects {schema.SCHEMA_VERSION}; rebuild it", p)
    except sqlite3.DatabaseError as e:
        conn.close()
        raise DataError(f"not a SQLite database ({e})", p) from e
    except BaseException:
        conn.close()
        raise
    return conn


def merge(sources: Sequence[str | Path], output: str | Path, *, progress: str = "auto",
          stream: TextIO | None = None) -> MergeResult:
    """Merge the corpus databases ``sources`` into ``output`` (created if absent).

    Raises :class:`~gongwen.errors.DataError` when a source is missing, is not a corpus
    database of this schema version, or is the output itself.  SIGINT/SIGTERM raise
    :class:`~gongwen.corpora.build.Interrupted` between documents; the output then holds
    every document merged so far.
    """
    t0 = time.perf_counter()
    out = Path(output)
    result = MergeResult(database=out, sources=len(sources))
    for s in sources:
        if out.exists() and Path(s).exists() and os.path.samefile(s, out):
            raise DataError("is the output of the merge too; name another output with -o", s)
    conns: list[sqlite3.Connection] = []
    target: sqlite3.Connection | None = None
    old_handlers = _install_signal_handlers()
    try:
        for s in sources:
            conns.append(_open_source(s))
        best: dict[str, _Row] = {}
        for i, conn in enumerate(conns):
            for row in _rows(conn, i):
                if row.path not in best or row.newer_than(best[row.path]):
                    best[row.path] = row
        result.documents = len(best)
        target = schema.connect(out, create=True)
        stored = {r.path: r for r in _rows(target, -1)}
        copies, forget = _plan(best, stored, result)
        if forget:
            with _transaction(target):
                target.executemany("DELETE FROM documents WHERE path = ?", [(p,) for p in forget])
        selects = [_selects(conn) for conn in conns]
        with Progress(len(copies), stream=stream, mode=progress, label="merge") as bar:
            for row in copies:
                _copy(conns[row.source], selects[row.source], target, row, stored.get(row.path))
                result.copied += 1
                result.failed += row.status == "error"
                bar.advance(error=row.status == "error")
        if any(_has_crossyear(c) for c in (*conns, target)):
            from .crosscheck import cross_check, save

            result.crossyear = save(target, cross_check(target))
    finally:
        _restore_signal_handlers(old_handlers)
        for conn in conns:
            conn.close()
        if target is not None:
            target.close()
        result.seconds = time.perf_counter() - t0
    return result


def _has_crossyear(conn: sqlite3.Connection) -> bool:
    """True when the database holds cross-year findings (``corpus check --save`` ran on it)."""
    try:
        return conn.execute("SELECT 1 FROM crossyear LIMIT 1").fetchone() is not None
    except sqlite3.OperationalError:  # no such table
        return False


def _plan(best: dict[str, _Row], stored: dict[str, _Row], result: MergeResult) -> tuple[list[_Row], list[str]]:
    """The rows to copy (in path order) and stored paths to delete (now known duplicates).

    Like a build: stored documents that stay keep their claim on their bytes, then copies claim
    theirs in path order; empty files claim nothing (they fail on their own).
    """
    copies: list[_Row] = []
    for path in sorted(best):
        row, old = best[path], stored.get(path)
        if old is None:
            copies.append(row)
        elif old.sha256 == row.sha256 and old.version == row.version:
            if old.status == "ok" or row.status == "error":
                result.skipped += 1
            else:  # an extraction that worked beats one that failed (a timeout) on the same bytes
                copies.append(row)
        elif old.newer_than(row._replace(source=-2)):
            result.kept += 1
        else:
            copies.append(row)
    replaced = {r.path for r in copies}
    owner: dict[str, str] = {}
    for path in sorted(stored):
        r = stored[path]
        if path not in replaced and r.sha256 and r.size:
            owner.setdefault(r.sha256, path)
    keep: list[_Row] = []
    forget: list[str] = []
    for r in copies:
        first = owner.setdefault(r.sha256, r.path) if r.sha256 and r.size else r.path
        if first == r.path:
            keep.append(r)
        else:
            result.duplicates.append((r.path, first))
            if r.path in stored:
                forget.append(r.path)
    return keep, forget


def _selects(conn: sqlite3.Connection) -> dict[str, str]:
    """Per table, the SELECT list of the output's columns (NULL for one an older build lacks)."""
    out = {}
    for table, columns in (("documents", schema.DOCUMENT_COLUMNS), *_CHILDREN):
        have = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
        out[table] = ", ".join(c if c in have else "NULL" for c in columns)
    return out


def _copy(src: sqlite3.Connection, selects: dict[str, str], dst: sqlite3.Connection, row: _Row,
          old: _Row | None) -> None:
    """Replace the output's document at ``row.path`` with the source's, children included, in
    one transaction (the output's id is kept, like a build that replaces a changed file)."""
    doc = src.execute(f"SELECT {selects['documents']} FROM documents WHERE id = ?", (row.id,)).fetchone()
    children: list[tuple[str, Sequence[str], list[Any]]] = []
    for table, columns in _CHILDREN:
        rows = src.execute(f"SELECT {selects[table]} FROM {table} WHERE document_id = ? ORDER BY seq",
                           (row.id,)).fetchall()
        children.append((table, columns, rows))
    cols = ("id",) + schema.DOCUMENT_COLUMNS
    with _transaction(dst):
        if old is not None:  # children go with ON DELETE CASCADE
            dst.execute("DELETE FROM documents WHERE id = ?", (old.id,))
        cur = dst.execute(f"INSERT INTO documents ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                          (old.id if old is not None else None, *doc))
        doc_id = cur.lastrowid
        for table, names, rows in children:
            if rows:
                dst.executemany(f"INSERT INTO {table} (document_id, {', '.join(names)}) "
                                f"VALUES (?, {', '.join('?' * len(names))})",
                                ((doc_id, *r) for r in rows))


__all__ = ["MergeResult", "merge"]
