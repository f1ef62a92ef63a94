"""Relations stated by a table's layout: 合计 rows and columns, 增减 and 结余 columns.

A table figure is placed in its (row, column) cell by span; a row whose first cell says 合计/
总计 is the total of the rows above it (back to the previous 小计 or the header), a column
headed 合计 is the total of the numeric columns before it, and a column headed 增减 (or 结余)
is the difference of the two numeric columns before it.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..figure import Figure
from ..model import Document, Table
from .intervals import vocab
from .relations import Candidate, summable

Grid = list[list[Figure | None]]


def _grid(doc: Document, table: Table, figures: list[Figure]) -> tuple[list[list[str]], Grid]:
    texts = [[c.slice(doc.text) for c in row] for row in table.cells]
    grid: Grid = [[None] * len(row) for row in table.cells]
    for f in figures:
        if not table.span.contains(f.span):
            continue
        for r, row in enumerate(table.cells):
            for c, cell in enumerate(row):
                if cell.contains(f.span) and grid[r][c] is None:
                    grid[r][c] = f
    return texts, grid


def table_relations(doc: Document, figures: list[Figure]) -> Iterator[Candidate]:
    """Candidates for every table of a document."""
    tfigs = [f for f in figures if f.source == "table"]
    if not tfigs:
        return
    v = vocab()
    for table in doc.tables:
        texts, grid = _grid(doc, table, tfigs)
        if not grid or not any(any(x is not None for x in row) for row in grid):
            continue
        header = texts[0]
        yield from _total_rows(texts, grid, v)
        yield from _total_columns(header, grid, v)
        yield from _difference_columns(header, grid, v)
        yield from _rate_columns(header, grid, v)


def _is_total(label: str, words: list[str]) -> bool:
    return any(w in label for w in words)


def _total_rows(texts: list[list[str]], grid: Grid, v: dict) -> Iterator[Candidate]:
    start = 1
    for r in range(1, len(grid)):
        label = texts[r][0] if texts[r] else ""
        if not _is_total(label, v["table_total_words"]):
            continue
        for c in range(1, len(grid[r])):
            total = grid[r][c]
            parts = [grid[k][c] for k in range(start, r) if c < len(grid[k])]
            if total is None or not summable(total) or len(parts) < 2 or any(p is None for p in parts):
                continue
            yield Candidate(code="GW102", kind="sum", whole=(total,), parts=tuple(p for p in parts if p),
                            trigger=label, exhaustive=True, params={"table": "row"})
        start = r + 1


def _total_columns(header: list[str], grid: Grid, v: dict) -> Iterator[Candidate]:
    for c, h in enumerate(header):
        if c == 0 or not _is_total(h, v["table_total_words"]):
            continue
        for row in grid[1:]:
            total = row[c] if c < len(row) else None
            parts = [x for x in row[1:c]]
            if total is None or not summable(total) or len(parts) < 2 or any(p is None for p in parts):
                continue
            yield Candidate(code="GW102", kind="sum", whole=(total,), parts=tuple(p for p in parts if p),
                            trigger=h, exhaustive=True, params={"table": "column"})


def _difference_columns(header: list[str], grid: Grid, v: dict) -> Iterator[Candidate]:
    for c, h in enumerate(header):
        later = _is_total(h, v["table_change_words"])
        balance = _is_total(h, v["table_balance_words"])
        if c < 3 or not (later or balance):
            continue
        for row in grid[1:]:
            if c >= len(row):
                continue
            a, b, d = row[c - 2], row[c - 1], row[c]
            if a is None or b is None or d is None or len({a.unit, b.unit, d.unit}) != 1:
                continue
            new, old = (b, a) if later else (a, b)
            yield Candidate(code="GW104", kind="diff", whole=(new,), parts=(old, d), trigger=h,
                            params={"sign": 1, "table": "difference", "verb": h})


def _rate_columns(header: list[str], grid: Grid, v: dict) -> Iterator[Candidate]:
    """A rate column beside two count columns of its row (抽检批次 | 不合格批次 | 合格率): the rate
    is the named part over the whole (合格 named in 合格率), or its complement when the other
    column is the negative of the rate's name (不合格批次 for 合格率)."""
    for c, h in enumerate(header):
        stem = next((h.split(w)[0] for w in v["rate_words"] if w in h), "")
        if c == 0 or len(stem) < 2:
            continue
        counts = [k for k in range(1, len(header)) if k != c and "率" not in header[k]]
        neg = [k for k in counts if any(header[k].startswith(n + stem) for n in v["negative_words"])]
        part = [k for k in counts if k not in neg and stem in header[k]]
        whole = [k for k in counts if k not in neg and k not in part]
        if len(whole) != 1 or len(neg) + len(part) != 1:
            continue
        k = (neg or part)[0]
        for row in grid[1:]:
            if max(c, k, whole[0]) >= len(row):
                continue
            rate, p, w = row[c], row[k], row[whole[0]]
            if rate is None or p is None or w is None or rate.unit != "%" or p.unit != w.unit:
                continue
            yield Candidate(code="GW107", kind="share", whole=(rate,), parts=(p, w), trigger=h, explicit=True,
                            params={"complete": True, "complement": bool(neg), "table": "rate"})
