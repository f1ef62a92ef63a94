"""Export a corpus database: CSV (UTF-8 with BOM, for Excel), JSON Lines, Parquet, XLSX.

CSV and JSON Lines write one table or view; Parquet and XLSX are optional extras (``pip install
gongwen[export]``).  Without ``-o`` a CSV/JSONL export goes to stdout, Parquet to one file per
table in a folder, XLSX to one workbook with a sheet per table.  Every file is written
atomically.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from .._io import atomic_folder, atomic_write
from ..errors import GongwenError, OutputError
from . import schema

FORMATS = ("csv", "jsonl", "parquet", "xlsx")
TABLES = ("panel", "documents", "sections", "figures", "findings", "crossyear")
BIG_COLUMNS = {"documents": ("text",)}  # left out unless asked for (full texts are large)


def _columns(conn: sqlite3.Connection, table: str, *, with_text: bool) -> list[str]:
    cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
    if not with_text:
        cols = [c for c in cols if c not in BIG_COLUMNS.get(table, ())]
    return cols


def _rows(conn: sqlite3.Connection, table: str, cols: Sequence[str]) -> Iterator[tuple[Any, ...]]:
    order = {"panel": "issuer, year, program, scope, metric, document, figure_seq",
             "documents": "path", "sections": "document_id, seq", "figures": "document_id, seq",
             "findings": "document_id, seq", "crossyear": "seq"}[table]
    quoted = ", ".join(f'"{c}"' for c in cols)
    yield from conn.execute(f"SELECT {quoted} FROM {table} ORDER BY {order}")


def _plain(v: Any) -> Any:
    """A stored value for text output: floats through their shortest repr (exact decimals)."""
    if isinstance(v, float):
        d = Decimal(repr(v))
        return format(d.normalize(), "f") if d != d.to_integral_value() else str(int(d))
    return v


def _json_value(v: Any) -> Any:
    if isinstance(v, float) and v == int(v) and abs(v) < 2**53:
        return int(v)
    return v


def export(database: str | Path, fmt: str, out: str | Path | None = None, *,
           table: str = "panel", force: bool = False, with_text: bool = False) -> str | list[Path]:
    """Export ``table`` (CSV/JSONL) or every table (Parquet/XLSX) of a corpus database.

    Returns the text when ``out`` is None for CSV/JSONL, else the list of files written.
    Raises :class:`~gongwen.errors.GongwenError` for an unknown format or table and when the
    optional library a format needs is not installed.
    """
    if fmt not in FORMATS:
        raise GongwenError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if table not in TABLES:
        raise GongwenError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    conn = schema.connect(database)
    try:
        if fmt in ("csv", "jsonl"):
            text = _csv(conn, table, with_text) if fmt == "csv" else _jsonl(conn, table, with_text)
            if out is None:
                return text
            data = ("\ufeff" + text) if fmt == "csv" else text
            return [atomic_write(out, data, force=force)]
        if fmt == "parquet":
            return _parquet(conn, out or Path(database).with_suffix(".parquet"), force, with_text)
        return [_xlsx(conn, out or Path(database).with_suffix(".xlsx"), force, with_text)]
    finally:
        conn.close()


def _csv(conn: sqlite3.Connection, table: str, with_text: bool) -> str:
    cols = _columns(conn, table, with_text=with_text)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(cols)
    for row in _rows(conn, table, cols):
        w.writerow(["" if v is None else _plain(v) for v in row])
    return buf.getvalue()


def _jsonl(conn: sqlite3.Connection, table: str, with_text: bool) -> str:
    cols = _columns(conn, table, with_text=with_text)
    lines = [json.dumps(dict(zip(cols, map(_json_value, row))), ensure_ascii=False)
             for row in _rows(conn, table, cols)]
    return "".join(line + "\n" for line in lines)


def _need(module: str, fmt: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise GongwenError(
            f"--format {fmt} needs the optional package {module.split('.')[0]}; "
            "install it with: pip install 'gongwen[export]'") from None


def _parquet(conn: sqlite3.Connection, out: str | Path, force: bool, with_text: bool) -> list[Path]:
    """One Parquet file per table inside the folder ``out`` (created if absent).

    All tables are written into a temporary folder first and moved in at the end: existing
    table files are checked before anything is written, so old and new tables never mix.
    """
    pa = _need("pyarrow", "parquet")
    pq = _need("pyarrow.parquet", "parquet")
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise OutputError("exists and is not a folder (parquet export writes one file per table)", folder)
    names = [f"{table}.parquet" for table in TABLES]
    with atomic_folder(folder, names, force=force) as tmp:
        for table, name in zip(TABLES, names):
            cols = _columns(conn, table, with_text=with_text)
            types = {r[1]: (r[2] or "").upper() for r in conn.execute(f"PRAGMA table_info({table})")}
            data = list(_rows(conn, table, cols))
            arrays = {}
            for i, c in enumerate(cols):
                declared = types.get(c, "")
                values = [_arrow_number(r[i]) for r in data] if declared in ("NUMERIC", "REAL") else [r[i] for r in data]
                arrays[c] = pa.array(values, type=_arrow_type(pa, declared))
            pq.write_table(pa.table(arrays), str(tmp / name))
    return [folder / name for name in names]


def _arrow_number(v: Any) -> Any:
    """A NUMERIC cell for a float64 column: the digits of a value past 64 bits as a float."""
    if isinstance(v, (str, bytes)):
        try:
            return float(v)
        except ValueError:
            return None
    return v


def _arrow_type(pa: Any, declared: str) -> Any:
    """Arrow type from the declared SQLite type: INTEGER → int64, NUMERIC → float64, else string."""
    if declared == "INTEGER":
        return pa.int64()
    if declared in ("NUMERIC", "REAL"):
        return pa.float64()
    return pa.string()


def _xlsx(conn: sqlite3.Connection, out: str | Path, force: bool, with_text: bool) -> Path:
    """One workbook, one sheet per table, header row frozen."""
    openpyxl = _need("openpyxl", "xlsx")
    wb = openpyxl.Workbook(write_only=True)
    for table in TABLES:
        ws = wb.create_sheet(title=table)
        cols = _columns(conn, table, with_text=with_text)
        ws.freeze_panes = "A2"
        ws.append(cols)
        for row in _rows(conn, table, cols):
            ws.append([_xlsx_value(v) for v in row])
    return atomic_write(out, lambda p: wb.save(str(p)), force=force)


#: Characters an XLSX cell cannot hold (XML 1.0 forbids C0 controls but tab, LF and CR).
_XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xlsx_value(v: Any) -> Any:
    """A cell value Excel can hold: control characters (the form feeds of a pdftotext dump)
    removed, text cut at Excel's 32,767-character cell limit, integers past 15 digits as text.

    >>> _xlsx_value("第一页\f第二页"), _xlsx_value(99999999999999999999)
    ('第一页第二页', '99999999999999999999')
    """
    if isinstance(v, str):
        v = _XLSX_ILLEGAL.sub("", v)
        if len(v) > 32000:  # Excel's cell limit is 32767 characters
            return v[:32000] + "…"
        return v
    if isinstance(v, int) and abs(v) >= 10**15:  # Excel keeps 15 significant digits
        return str(v)
    return v
