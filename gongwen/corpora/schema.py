"""The corpus database: tables, indexes, the ``panel`` view, and how to open it safely.

One SQLite file (stdlib ``sqlite3``, WAL journal) holds every document of a corpus, its
sections, figures and per-document findings, and (after ``gongwen corpus check --save``) the
cross-year findings in ``crossyear``.  Each document is written in one transaction, so
a killed build leaves whole documents or none.  Exact decimals are stored through ``NUMERIC``
affinity: integers stay integers and short decimals (≤ 15 significant digits, all a report
prints) round-trip through their shortest ``repr``.  A value beyond that (more digits, or an
integer past 64 bits) is stored as the nearest REAL there and exactly, as text, in the
figure's ``value_exact``/``previous_exact``/``change_exact`` column (NULL otherwise); the
``panel`` view carries those columns too.

``documents.ocr_pages`` lists the pages OCR recognised (a JSON array of 1-based page numbers,
``[1,2]``; NULL when every page had a usable text layer, or for DOCX and text) and
``ocr_engine`` the engine and models that read them.  Schema 3 added those two columns: a
schema-2 database gets them (NULL) when opened, and its documents are re-extracted by the next
build anyway, as the pipeline's fingerprint changed with them.  Schema 4 added
``documents.doc_number``, the letterhead's document number (发文字号), the same way.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..errors import DataError

SCHEMA_VERSION = 4
#: Older schema versions a database is upgraded from when opened (columns added, no rows changed).
UPGRADABLE = ("2", "3")

DDL = """
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT
);
CREATE TABLE IF NOT EXISTS documents (
    id              INTEGER PRIMARY KEY,
    path            TEXT NOT NULL UNIQUE,
    sha256          TEXT,
    size            INTEGER,
    mtime_ns        INTEGER,
    format          TEXT,
    title           TEXT,
    issuer          TEXT,
    date            TEXT,
    year            INTEGER,
    kind            TEXT,
    period          TEXT,
    pages           INTEGER,
    n_figures       INTEGER NOT NULL DEFAULT 0,
    n_findings      INTEGER NOT NULL DEFAULT 0,
    status          TEXT NOT NULL CHECK (status IN ('ok', 'error')),
    error           TEXT,
    text            TEXT,
    gongwen_version TEXT NOT NULL,
    extracted_at    TEXT NOT NULL,
    ocr_pages       TEXT,
    ocr_engine      TEXT,
    doc_number      TEXT
);
CREATE TABLE IF NOT EXISTS sections (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    parent_seq  INTEGER,
    level       INTEGER NOT NULL,
    marker      TEXT,
    title       TEXT,
    path        TEXT,
    run_in      INTEGER NOT NULL DEFAULT 0,
    span_start  INTEGER NOT NULL,
    span_end    INTEGER NOT NULL,
    title_start INTEGER,
    title_end   INTEGER,
    PRIMARY KEY (document_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS figures (
    document_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq             INTEGER NOT NULL,
    id              TEXT,
    value           NUMERIC NOT NULL,
    unit            TEXT NOT NULL,
    program         TEXT,
    topic           TEXT,
    kind            TEXT,
    scope           TEXT,
    metric          TEXT,
    period          TEXT,
    period_inferred INTEGER,
    previous        NUMERIC,
    change          NUMERIC,
    change_unit     TEXT,
    approx          TEXT,
    bound           TEXT,
    section         TEXT,
    as_written      TEXT,
    unit_as_written TEXT,
    span_start      INTEGER,
    span_end        INTEGER,
    quantum         NUMERIC,
    change_quantum  NUMERIC,
    range_id        TEXT,
    range_role      TEXT,
    page            INTEGER,
    text_start      INTEGER,
    text_end        INTEGER,
    text            TEXT,
    source          TEXT,
    previous_start  INTEGER,
    previous_end    INTEGER,
    value_exact     TEXT,
    previous_exact  TEXT,
    change_exact    TEXT,
    PRIMARY KEY (document_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS findings (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    code        TEXT NOT NULL,
    severity    TEXT NOT NULL,
    status      TEXT,
    message     TEXT,
    spans       TEXT,
    figures     TEXT,
    expected    TEXT,
    actual      TEXT,
    relation    TEXT,
    PRIMARY KEY (document_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS crossyear (
    seq               INTEGER PRIMARY KEY,
    issuer            TEXT NOT NULL,
    year              INTEGER NOT NULL,
    previous_year     INTEGER NOT NULL,
    code              TEXT NOT NULL,
    name              TEXT,
    severity          TEXT NOT NULL,
    status            TEXT NOT NULL,
    message           TEXT,
    expected          TEXT,
    actual            TEXT,
    document          TEXT NOT NULL,
    previous_document TEXT,
    also_in           TEXT,
    spans             TEXT,
    relation          TEXT,
    checked_at        TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_issuer_year ON documents(issuer, year);
CREATE INDEX IF NOT EXISTS documents_status ON documents(status);
CREATE INDEX IF NOT EXISTS documents_sha256 ON documents(sha256);
CREATE INDEX IF NOT EXISTS figures_label ON figures(program, scope, metric);
CREATE INDEX IF NOT EXISTS figures_metric ON figures(metric, unit);
CREATE INDEX IF NOT EXISTS findings_code ON findings(code, severity);
CREATE VIEW IF NOT EXISTS panel AS
    SELECT d.issuer     AS issuer,
           d.year       AS year,
           f.program    AS program,
           f.scope      AS scope,
           f.metric     AS metric,
           f.period     AS period,
           f.period_inferred AS period_inferred,
           f.kind       AS figure_kind,
           f.topic      AS topic,
           f.value      AS value,
           f.unit       AS unit,
           d.path       AS document,
           f.span_start || '-' || f.span_end AS span,
           f.as_written AS as_written,
           f.previous   AS previous,
           f.change     AS change,
           f.change_unit AS change_unit,
           f.quantum    AS quantum,
           f.text       AS sentence,
           d.id         AS document_id,
           f.seq        AS figure_seq,
           d.kind       AS kind,
           f.value_exact    AS value_exact,
           f.previous_exact AS previous_exact,
           f.change_exact   AS change_exact
      FROM figures f JOIN documents d ON d.id = f.document_id
     WHERE d.status = 'ok';
"""

# Columns of each table in insertion order (documents without ``id``), used by the writer.
DOCUMENT_COLUMNS = (
    "path", "sha256", "size", "mtime_ns", "format", "title", "issuer", "date", "year", "kind",
    "period", "pages", "n_figures", "n_findings", "status", "error", "text", "gongwen_version", "extracted_at",
    "ocr_pages", "ocr_engine", "doc_number",
)
SECTION_COLUMNS = (
    "seq", "parent_seq", "level", "marker", "title", "path", "run_in", "span_start", "span_end",
    "title_start", "title_end",
)
FIGURE_COLUMNS = (
    "seq", "id", "value", "unit", "program", "topic", "kind", "scope", "metric", "period", "period_inferred",
    "previous", "change",
    "change_unit", "approx", "bound", "section", "as_written", "unit_as_written", "span_start",
    "span_end", "quantum", "change_quantum", "range_id", "range_role", "page", "text_start",
    "text_end", "text", "source", "previous_start", "previous_end", "value_exact", "previous_exact",
    "change_exact",
)
#: Columns added to a table since its schema version, with their type (added on open).
ADDED_COLUMNS = {"figures": (("value_exact", "TEXT"), ("previous_exact", "TEXT"), ("change_exact", "TEXT")),
                 "documents": (("ocr_pages", "TEXT"), ("ocr_engine", "TEXT"), ("doc_number", "TEXT"))}
FINDING_COLUMNS = (
    "seq", "code", "severity", "status", "message", "spans", "figures", "expected", "actual",
    "relation",
)
TABLES = ("documents", "sections", "figures", "findings", "crossyear")


def connect(path: str | Path, *, create: bool = False) -> sqlite3.Connection:
    """Open a corpus database (WAL mode, foreign keys on); ``create`` makes a new one if absent.

    Raises :class:`~gongwen.errors.DataError` when the file is not a gongwen corpus database
    or was built with another schema version, and when it is missing and ``create`` is false.
    """
    p = Path(path)
    if not create and not p.is_file():
        raise DataError("no such corpus database (build one with `gongwen corpus build`)", p)
    if p.exists() and not p.is_file():
        raise DataError("not a regular file", p)
    if create and not p.parent.is_dir():
        raise DataError(f"folder {p.parent} does not exist", p)
    conn = sqlite3.connect(str(p), timeout=30.0, isolation_level=None)
    try:
        conn.execute("PRAGMA busy_timeout = 30000")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        _ensure_schema(conn, p, create=create)
    except sqlite3.DatabaseError as e:
        conn.close()
        raise DataError(f"not a SQLite database ({e})", p) from e
    except BaseException:
        conn.close()
        raise
    return conn


def _ensure_schema(conn: sqlite3.Connection, path: Path, *, create: bool) -> None:
    """Create the tables on a fresh file; refuse a file of another schema or another program."""
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not names:
        if not create:
            raise DataError("empty database: no corpus has been built into it", path)
        # One transaction: a build killed right here leaves an empty file, never half a schema.
        conn.executescript(
            "BEGIN IMMEDIATE;\n" + DDL
            + "INSERT OR REPLACE INTO meta VALUES ('schema', 'gongwen.corpus');\n"
            + f"INSERT OR REPLACE INTO meta VALUES ('schema_version', '{SCHEMA_VERSION}');\n"
            + "COMMIT;"
        )
        return
    if "meta" not in names or "documents" not in names:
        raise DataError("not a gongwen corpus database (no meta/documents table)", path)
    found = schema_version(conn)
    if found in UPGRADABLE:
        _upgrade(conn)
    elif found != str(SCHEMA_VERSION):
        raise DataError(
            f"corpus database has schema version {found}, this gongwen expects {SCHEMA_VERSION}; "
            "rebuild it into a new file", path)
    else:
        _add_columns(conn)
    view = {r[1] for r in conn.execute("PRAGMA table_info(panel)")}
    if view and "value_exact" not in view:  # the view of an older build, without the exact columns
        conn.executescript("BEGIN IMMEDIATE;\nDROP VIEW IF EXISTS panel;\n" + DDL + "COMMIT;")
    else:
        conn.executescript(DDL)  # adds indexes or the view if an older build lacked them


def schema_version(conn: sqlite3.Connection) -> str | None:
    """The ``schema_version`` a corpus database records (None when it records none)."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return str(row[0]) if row else None


def _add_columns(conn: sqlite3.Connection) -> None:
    """Add the columns of ``ADDED_COLUMNS`` a database lacks (NULL in its existing rows)."""
    for table, added in ADDED_COLUMNS.items():
        have = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
        for name, kind in added:
            if name not in have:
                try:
                    conn.execute(f"ALTER TABLE {table} ADD COLUMN {name} {kind}")
                except sqlite3.OperationalError as e:  # another build added it a moment ago
                    if "duplicate column" not in str(e):
                        raise


def _upgrade(conn: sqlite3.Connection) -> None:
    """An older schema (``UPGRADABLE``) to this one, in one transaction: its columns added."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        if schema_version(conn) in UPGRADABLE:  # not upgraded by another process meanwhile
            _add_columns(conn)
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
