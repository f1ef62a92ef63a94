"""Downloads of a reviewed report: figures as CSV/XLSX/JSON (corrections applied), the check as
HTML/SARIF, and a .docx report back with the findings as Word comments.

The CSV has the columns and encoding of ``gongwen extract --format csv`` (UTF-8 with a BOM for
Excel), so a corrected table drops into the same spreadsheets.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from typing import Any

from ..errors import GongwenError
from ..extract.cli import FIGURE_COLUMNS
from ..figure import Extraction

FORMATS = {
    "figures.csv": "text/csv; charset=utf-8",
    "figures.xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "figures.json": "application/json",
    "check.html": "text/html; charset=utf-8",
    "check.sarif": "application/sarif+json",
    "reviewed.docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _rows(ext: Extraction) -> list[dict[str, Any]]:
    out = []
    for fig in ext.to_json()["figures"]:
        row = {k: fig.get(k) for k in FIGURE_COLUMNS}
        row["section"] = " > ".join(fig.get("section") or [])
        row["start"], row["end"] = fig["span"]
        out.append(row)
    return out


def figures_csv(ext: Extraction) -> bytes:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=FIGURE_COLUMNS)
    w.writeheader()
    for row in _rows(ext):
        w.writerow(row)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def figures_xlsx(ext: Extraction) -> bytes:
    try:
        from openpyxl import Workbook
    except ImportError:
        raise GongwenError("导出 XLSX 需要 openpyxl：pip install 'gongwen[export]'") from None
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("figures")
    ws.append(FIGURE_COLUMNS)
    for row in _rows(ext):
        ws.append([_cell(row[k]) for k in FIGURE_COLUMNS])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _cell(v: Any) -> Any:
    if isinstance(v, str) and v[:1] in ("=", "+", "-", "@"):
        return "'" + v  # never a formula: the document's text is data
    return v


def figures_json(ext: Extraction, name: str, corrected: dict[str, Any]) -> bytes:
    data = ext.to_json()
    data["document"]["source"] = name
    data["corrections"] = corrected
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def check_html(report: Any, name: str) -> bytes:
    from ..check.output.html import render_html

    return render_html(dataclasses.replace(report, path=name), show_passed=True).encode("utf-8")


def check_sarif(report: Any, name: str) -> bytes:
    from ..check.output.sarif import render_sarif

    return render_sarif(dataclasses.replace(report, path=name), show_passed=True).encode("utf-8")


def reviewed_docx(ext: Extraction, report: Any) -> bytes:
    """The user's own .docx with every finding as a Word comment (批注) on its figures
    (``gongwen check --annotate``); everything else in the file is left as it was."""
    import tempfile
    from pathlib import Path

    from ..check.output.annotate import annotate
    from ..check.output.render_text import visible

    with tempfile.TemporaryDirectory(prefix="gongwen-ui-") as tmp:
        out = Path(tmp) / "reviewed.docx"
        annotate(ext, visible(report, False), out)
        return out.read_bytes()


def export(kind: str, ext: Extraction, report: Any, name: str, corrected: dict[str, Any]) -> bytes:
    """The bytes of one download (``kind`` is a key of :data:`FORMATS`)."""
    if kind == "figures.csv":
        return figures_csv(ext)
    if kind == "figures.xlsx":
        return figures_xlsx(ext)
    if kind == "figures.json":
        return figures_json(ext, name, corrected)
    if kind == "check.html":
        return check_html(report, name)
    if kind == "check.sarif":
        return check_sarif(report, name)
    if kind == "reviewed.docx":
        return reviewed_docx(ext, report)
    raise KeyError(kind)
