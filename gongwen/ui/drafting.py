"""The draft page: last year's report → the form of its slots → a .docx draft and its check.

A thin layer over :mod:`gongwen.generate.redraft` (what ``gongwen draft`` does): the skeleton's
slots become form fields showing last year's value; the filled form is drafted, written as
.docx bytes into the session folder and checked with :func:`gongwen.generate.api.run_checker`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..figure import Extraction
from .overlay import CorrectionError, parse_value


@dataclass
class DraftOutcome:
    """A drafted .docx and what the checker said about it."""

    id: str
    path: Path
    year: int
    filled: int
    total: int
    missing: list[tuple[str, str]]  # (slot id, context)
    findings: list[Any] = field(default_factory=list)
    note: str = ""


def template(ext: Extraction, year: int | None = None) -> Any:
    from ..generate import redraft

    return redraft.prepare(ext, year)


def slot_rows(t: Any) -> list[dict[str, Any]]:
    from ..generate.phrasing import plain

    rows = []
    for s in t.slots:
        f = s.figure
        rows.append({"id": s.id, "label": " ".join(x for x in (f.program, f.metric, f.scope) if x),
                     "context": s.context, "last": plain(s.last), "unit": s.unit})
    return rows


def values_from_form(t: Any, form: dict[str, str]) -> dict[str, Decimal | None]:
    """Slot values typed in the form (empty: left 【待填】); a bad number names its slot."""
    out: dict[str, Decimal | None] = {}
    for s in t.slots:
        raw = (form.get(f"v-{s.id}") or "").strip()
        if not raw:
            out[s.id] = None
            continue
        try:
            v = parse_value(raw)
        except CorrectionError as e:
            raise CorrectionError(f"{s.id}：{e}") from None
        if v < 0:
            raise CorrectionError(f"{s.id}：统计数不能为负数（{raw}）")
        out[s.id] = v
    return out


def make_draft(t: Any, values: dict[str, Decimal | None], date: str | None, folder: Path, did: str) -> DraftOutcome:
    """Fill, write ``draft-<id>.docx`` into ``folder`` and check it."""
    from ..generate import redraft
    from ..generate.api import run_checker

    result = redraft.draft(t, values=values, date=date or None)
    data = result.docx_bytes()
    path = folder / f"draft-{did}.docx"
    path.write_bytes(data)
    findings = run_checker(result, "docx")
    return DraftOutcome(did, path, t.year, len(t.slots) - len(result.missing), len(t.slots),
                        [(s.id, s.context) for s in result.missing], findings, result.check_note)
