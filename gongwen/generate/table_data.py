"""Tables, 附件说明 and 附注 in report data: validation and the markup lines they render to.

A section's ``tables`` are ruled tables under its paragraphs::

    tables:
      - lead: 全县救助资金支出情况如下。   # optional paragraph before the table
        unit: 万元                        # optional 单位：万元 line above it
        columns: [项目, 2024年, 2025年]    # the header row
        rows:
          - [低保金, 1200, 1260]
          - [特困供养金, 400, 380]
          - [合计, sum, sum]               # sum: the column's numbers above (合计 rows excluded)

A cell is text, a number (printed plainly, or with thousands separators when the table says
``separators: true``), ``sum``, or empty (nothing, ``""`` or — as written).  A 合计/总计 row with numbers written out is checked
against the rows above: a total that does not add up is an error naming the cell.  The report's
``attachments`` (names, numbered by the generator) and ``notes`` (附注, set in brackets below
the date) follow GB/T 9704 §7.3.4 and §7.3.6.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .phrasing import plain

_TABLE_KEYS = {"lead", "unit", "columns", "rows", "separators"}
#: A row label that is a total of the rows above it (the draft's own rule, redraft.yaml).
_TOTAL = re.compile(r"^(?:全[省市县区镇乡])?(?:合计|总计|小计|共计|总数)$")
_ZERO = {"—", "-", "－", "——", "/", "／", ""}
_END_PUNCT = "。，、；：,.;:！？!?"
MAX_COLUMNS = 12


@dataclass
class TableSpec:
    """One table of report data: what the templates see (cells already printed)."""

    path: str
    columns: list[str]
    rows: list[list[str]]
    lead: str | None = None
    unit: str | None = None
    numbers: list[list[Decimal | None]] = field(default_factory=list)  # the values behind the cells

    def markup(self) -> str:
        """The table as markup lines: ``th:`` for the header, ``tr:`` per row, cells joined by tabs."""
        lines = [f"p: {self.lead}"] if self.lead else []
        if self.unit:
            lines.append(f"p: 单位：{self.unit}")
        lines.append("th: " + "\t".join(self.columns))
        lines += ["tr: " + "\t".join(r) for r in self.rows]
        return "\n".join(lines)


def tables(v: Any, x: Any, kp: str) -> list[TableSpec]:
    """The ``tables`` of a section, validated by ``v`` (the schema's validator)."""
    if x is None:
        return []
    if not isinstance(x, list):
        raise v.fail(kp, f"expected a list of tables, got {_show(x)}")
    return [_table(v, t, f"{kp}[{i}]") for i, t in enumerate(x)]


def _table(v: Any, x: Any, kp: str) -> TableSpec:
    d = v.mapping(x, kp)
    v.check_keys(d, _TABLE_KEYS, kp)
    cols_raw = d.get("columns")
    if not isinstance(cols_raw, list) or len(cols_raw) < 2:
        raise v.fail(f"{kp}.columns", f"expected a list of at least two column headers, got {_show(cols_raw)}")
    if len(cols_raw) > MAX_COLUMNS:
        raise v.fail(f"{kp}.columns", f"{len(cols_raw)} columns; a table of the text block's width holds at most "
                     f"{MAX_COLUMNS} (MAX_COLUMNS)")
    columns = [v.text(c, f"{kp}.columns[{j}]") or "" for j, c in enumerate(cols_raw)]
    rows_raw = d.get("rows")
    if not isinstance(rows_raw, list) or not rows_raw:
        raise v.fail(f"{kp}.rows", f"expected a list of rows, got {_show(rows_raw)}")
    grouped = d.get("separators", False)
    if not isinstance(grouped, bool):
        raise v.fail(f"{kp}.separators", f"expected true or false, got {_show(grouped)}")
    numbers: list[list[Decimal | None]] = []
    cells: list[list[str]] = []
    for i, row in enumerate(rows_raw):
        rkp = f"{kp}.rows[{i}]"
        if not isinstance(row, list):
            raise v.fail(rkp, f"expected a list of cells, got {_show(row)}")
        if len(row) != len(columns):
            raise v.fail(rkp, f"{len(row)} cells but the table has {len(columns)} columns")
        label = v.text(row[0], f"{rkp}[0]") or ""
        nums: list[Decimal | None] = [None]
        shown = [label]
        total = bool(_TOTAL.match(label))
        for j, c in enumerate(row[1:], 1):
            ckp = f"{rkp}[{j}]"
            n: Decimal
            above = [n[j] for n, r in zip(numbers, cells) if not _TOTAL.match(r[0])]
            if c == "sum":
                if not any(a is not None for a in above):
                    raise v.fail(ckp, "is 'sum' but the column has no numbers above it")
                n = sum((a for a in above if a is not None), Decimal(0))
            elif c is None or (isinstance(c, str) and c.strip() in _ZERO):
                shown.append(c.strip() if isinstance(c, str) else "")  # empty, or — as written
                nums.append(None)
                continue
            elif _is_number(c):
                n = v.number(c, ckp)
            else:
                shown.append(v.text(c, ckp) or "")
                nums.append(None)
                continue
            parts = [a for a in above if a is not None]
            if total and c != "sum" and parts and len(parts) == len(above):
                s = sum(parts, Decimal(0))
                if s != n:
                    raise v.fail(ckp, f"{label} is {plain(n)} but the rows above add up to {plain(s)}; "
                                 "write `sum` to compute it")
            nums.append(n)
            shown.append(_grouped(plain(n)) if grouped else plain(n))
        numbers.append(nums)
        cells.append(shown)
    return TableSpec(path=kp, columns=columns, rows=cells, lead=v.text(d.get("lead"), f"{kp}.lead"),
                     unit=v.text(d.get("unit"), f"{kp}.unit"), numbers=numbers)


def attachments(v: Any, x: Any, kp: str = "attachments") -> list[str]:
    """Attachment names: no hand-written numbers, no punctuation after a name (GB/T 9704 §7.3.4)."""
    out = []
    for i, name in enumerate(v.paragraphs(x, kp)):
        m = re.match(r"^\s*(附件[:：]|\d+[.．、])", name)
        if m:
            raise v.fail(f"{kp}[{i}]", f"starts with {m.group(1)!r}; write the name alone (the generator "
                         "writes 附件： and the numbers)")
        if name[-1] in _END_PUNCT:
            raise v.fail(f"{kp}[{i}]", f"ends with {name[-1]!r}; an attachment name takes no punctuation "
                         "after it (GB/T 9704 §7.3.4)")
        out.append(name)
    return out


def notes(v: Any, x: Any, kp: str = "notes") -> list[str]:
    """附注 lines, each in full-width brackets (此件公开发布 → （此件公开发布）)."""
    out = []
    for p in v.paragraphs(x, kp):
        out.append(p if p.startswith(("（", "(")) else f"（{p}）")
    return out


def attachment_markup(names: list[str]) -> str:
    """附件说明 lines: ``attachment:`` per name (the parser numbers a list of several)."""
    return "\n".join(f"attachment: {n}" for n in names)


def _is_number(c: Any) -> bool:
    """A cell that holds a number: a YAML number, or text that is one ("1260.5")."""
    if isinstance(c, (int, float, Decimal)):
        return not isinstance(c, bool)
    return isinstance(c, str) and bool(re.fullmatch(r"\s*[+-]?\d+(\.\d+)?\s*", c))


def _grouped(number: str) -> str:
    sign = "-" if number.startswith("-") else ""
    whole, dot, frac = number.lstrip("-").partition(".")
    return sign + f"{int(whole):,}" + dot + frac


def _show(x: Any) -> str:
    from .validate import show

    return show(x)
