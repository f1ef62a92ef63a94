"""Last year's tables carried into the draft: numbers become slots, derived cells are recomputed.

A table keeps its shape and its words.  A column headed by the report year (2022年1-11月) moves
to the new year and its numbers become slots; when the table compared two years (2021年 |
2022年) the earlier column moves too and takes last year's values.  Cells that last year's own
numbers show to be derived are recomputed from the filled cells, never asked for:

- a 合计/总计/小计 row or column, or a column that is the sum of the columns before it on every
  row, is the sum of its parts (【待填】 until every part is filled);
- a column that is one column minus another on every row (结余 = 收入 − 支出) is that difference;
- a 增减/增长/同比 column is the change of its base column over last year's value, as an amount
  or as a rate, whichever last year's numbers confirm (without an earlier column to confirm it,
  whichever the header or the cells say: %, 率, 幅 → rate; 增减 → amount).

Kept as they were: a table whose year columns are all before the report year (facts), a table
with merged cells, and a plan section's table without a column of the report year (targets,
like the plan's text; its years from the report year on move).  A plan's table with such a
column is drafted like any other (2023年完成 | 2024年目标 → slots under 2024年完成 | 2025年目标).
A table that runs its years down the first column (2021年 / 2022年 rows) is read the same way,
turned on its side.  The cue words are data (``redraft.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from itertools import combinations

from ...figure import Figure
from ...model import Document, Span, Table
from .slots import Slot, in_plan, rules

_NUM = re.compile(r"^([-+−]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(%?)$")
_YEAR = re.compile(r"(?<![\d.])(19|20)\d{2}(?![\d.])")
_PAREN_UNIT = re.compile(r"[（(]\s*(?:单位[：:])?\s*([^（）()]{1,8}?)\s*[)）]")
_UNIT_LINE = re.compile(r"单位[：:]\s*([^\s，。；、]{1,6})\s*$")
Ref = tuple[int, int]  # (row, column) in the table as printed


@dataclass(frozen=True)
class Num:
    """A number cell: its value and how it is written (``start`` is the digits' offset)."""

    value: Decimal
    literal: str
    start: int
    decimals: int
    percent: bool


def number(cell: str) -> Num | None:
    """A cell that holds one number (2,718.4 / -3.5 / 12.5%), or None.

    >>> number(" 2,718.4 ")
    Num(value=Decimal('2718.4'), literal='2,718.4', start=1, decimals=1, percent=False)
    >>> number("−3.5%").value, number("合计")
    (Decimal('-3.5'), None)
    """
    s = cell.strip()
    m = _NUM.match(s)
    if m is None:
        return None
    sign, whole, frac, pct = m.groups()
    lit = whole + (frac or "")
    v = Decimal(lit.replace(",", ""))
    lead = len(cell) - len(cell.lstrip())
    return Num(-v if sign else v, lit, lead + len(sign), len(frac) - 1 if frac else 0, bool(pct))


@dataclass(frozen=True)
class Cell:
    """How one cell of the draft's table is written.

    ``op``: ``text`` (kept, or last year's value moved to the earlier column), ``slot`` (a value
    to fill), ``sum`` and ``diff`` (of the cells in ``refs``) or ``change`` (of the base cell
    ``refs[0]`` over ``last``, an amount or, with ``rate``, a percentage).  ``decimals`` and
    ``percent`` are how last year wrote the cell; ``grouped``: with thousands separators.
    """

    op: str = "text"
    text: str = ""
    slot: str = ""
    refs: tuple[Ref, ...] = ()
    last: Decimal = Decimal(0)
    rate: bool = False
    decimals: int = 0
    percent: bool = False
    grouped: bool = False


@dataclass(frozen=True)
class DraftTable:
    """One of last year's tables, cell by cell, for the draft; ``header_rows`` head it."""

    span: Span
    rows: tuple[tuple[Cell, ...], ...]
    header_rows: int = 1


def _years(s: str) -> set[int]:
    return {int(m.group(0)) for m in _YEAR.finditer(s)}


def _shift(s: str, delta: int, since: int | None = None) -> str:
    """Years in a header moved by ``delta`` (only those from ``since`` on, when given)."""
    def move(m: re.Match[str]) -> str:
        y = int(m.group(0))
        return str(y + delta) if since is None or y >= since else m.group(0)
    return _YEAR.sub(move, s)


def _close(a: Decimal, b: Decimal, quantum: Decimal, n: int = 1) -> bool:
    """Equal up to the rounding of ``n`` numbers written to ``quantum``."""
    return abs(a - b) <= quantum * (n + 1) / 2


def _q(decimals: int) -> Decimal:
    return Decimal(1).scaleb(-decimals)


class _Grid:
    """The table's texts and numbers, possibly turned on its side (years down the first column)."""

    def __init__(self, raw: list[list[str]], turned: bool) -> None:
        self.turned = turned
        self.g = [list(r) for r in zip(*raw)] if turned else raw
        self.n, self.m = len(self.g), len(self.g[0])
        self.num = [[number(x) for x in row] for row in self.g]

    def ref(self, r: int, c: int) -> Ref:
        """Coordinates in the table as printed."""
        return (c, r) if self.turned else (r, c)

    def zero(self, r: int, c: int) -> bool:
        return self.g[r][c].strip() in rules()["table"]["zero_cells"]

    def value(self, r: int, c: int) -> Decimal | None:
        n = self.num[r][c]
        return n.value if n else (Decimal(0) if self.zero(r, c) else None)


def _total(label: str) -> bool:
    return bool(re.search(rules()["table"]["total"], re.sub(r"\s+", "", label)))


def _unit(doc: Document, t: Table, col: str, row: str, fig: Figure | None, scale: Decimal) -> str:
    """The unit a cell is written in: a header's (万元), the 单位：万元 line above, else the figure's."""
    for h in (col, row):
        m = _PAREN_UNIT.search(h)
        if m:
            return m.group(1)
    m = _UNIT_LINE.search(doc.text[max(0, t.span.start - 60):t.span.start].strip())
    if m:
        return m.group(1)
    return fig.unit if fig is not None and scale == 1 else ""


def carry(doc: Document, t: Table, figures: list[Figure], last_year: int,
          year: int) -> tuple[DraftTable, list[Slot]]:
    """The draft's version of table ``t`` and its slots (ids ``t1``, ``t2`` … to be renumbered)."""
    text = doc.text
    raw = [[text[c.start:c.end] for c in row] for row in t.cells]
    delta = year - last_year
    plan = in_plan(doc, t.span.start)
    head_years = [_years(x) for x in raw[0][1:]]
    turned = (not any(last_year in ys for ys in head_years)
              and any(last_year in _years(r[0]) for r in raw[1:]))
    drafted = any(last_year in ys for ys in head_years) or turned
    if (plan and not drafted) or len(raw) < 2 or len({len(r) for r in raw}) > 1 or len(raw[0]) < 2:
        since = last_year if plan else year + 1  # outside a plan nothing moves
        return DraftTable(t.span, tuple(tuple(Cell(text=_shift(x, delta, since)) for x in row)
                                        for row in raw)), []
    g = _Grid(raw, turned)
    return _Analysis(doc, t, g, figures, last_year, delta).run()


class _Analysis:
    """Roles of a table's columns and cells (see the module docstring)."""

    def __init__(self, doc: Document, t: Table, g: _Grid, figures: list[Figure], last_year: int,
                 delta: int) -> None:
        self.doc, self.t, self.g, self.figures = doc, t, g, figures
        self.last_year, self.delta = last_year, delta
        cue = rules()["table"]
        n, m = g.n, g.m
        self.h = 0 if all(g.num[0][c] is not None for c in range(1, m)) else 1
        data = range(self.h, n)
        # the label column: the first one mostly of words (a 序号 column may come before it)
        words = [sum(g.num[r][c] is None and not g.zero(r, c) for r in data) for c in range(m)]
        self.label = next((c for c in range(m) if 2 * words[c] > len(data)),
                          next((c for c in range(m) if words[c]), 0))
        self.hdr = [g.g[0][c] if self.h else "" for c in range(m)]
        self.change = [c > self.label and bool(re.search(cue["change"], self.hdr[c])) for c in range(m)]
        self.total_row = [r >= self.h and any(_total(g.g[r][c]) for c in range(self.label + 1)) for r in range(n)]
        values = [c for c in range(self.label + 1, m) if not self.change[c]]
        years = {c: _years(self.hdr[c]) for c in values}
        self.report = any(last_year in ys for ys in years.values())
        self.facts = any(years.values()) and not self.report  # every dated column before the year
        self.new_hdr = [_shift(x, delta) if self.report else x for x in self.hdr]
        self.source: dict[int, int] = {}  # an earlier year's column → the column it takes values from
        if self.report:
            for c in values:
                if years[c] and max(years[c]) < last_year:
                    s = next((s for s in values if s != c and self.hdr[s] == self.new_hdr[c]), None)
                    if s is not None:
                        self.source[c] = s
        self.numeric = [any(g.num[r][c] is not None for r in data) for c in range(m)]
        self.current = [c for c in values if c not in self.source and self.numeric[c]]
        self.grouped = any(x is not None and "," in x.literal for row in g.num for x in row)
        self.derived: dict[int, tuple[str, tuple[int, ...]]] = {}
        self._derive_columns()

    # -- columns ------------------------------------------------------------------------------

    def _rows_of(self, c: int) -> list[int]:
        return [r for r in range(self.h, self.g.n) if self.g.num[r][c] is not None]

    def _holds(self, c: int, parts: tuple[int, ...], sign: tuple[int, ...]) -> bool:
        """Last year's column ``c`` equals the signed sum of ``parts`` on every numbered row."""
        g = self.g
        rows = self._rows_of(c)
        for r in rows:
            vals = [g.value(r, p) for p in parts]
            if any(v is None for v in vals):
                return False
            got = sum((s * v for s, v in zip(sign, vals) if v is not None), Decimal(0))
            tot = g.num[r][c]
            assert tot is not None
            q = _q(max([tot.decimals] + [x.decimals for p in parts if (x := g.num[r][p])]))
            if not _close(got, tot.value, q, len(parts)):
                return False
        return bool(rows)

    def _derive_columns(self) -> None:
        """Sum and difference columns, confirmed by last year's numbers on every row."""
        several = len([r for r in range(self.h, self.g.n) if not self.total_row[r]]) >= 2
        plain: list[int] = []
        sums: list[int] = []
        for c in self.current:
            named = _total(self.hdr[c])
            since = sums[-1] if sums else -1
            for parts in (tuple(p for p in plain if p > since), tuple(sums)):
                if len(parts) >= 2 and (named or several) and self._holds(c, parts, (1,) * len(parts)):
                    self.derived[c] = ("sum", parts)
                    break
            else:
                pair = next((ab for ab in combinations(plain, 2)
                             if several and self._holds(c, ab, (1, -1))), None)
                if pair is not None:
                    self.derived[c] = ("diff", pair)
            if c not in self.derived:
                plain.append(c)
            elif self.derived[c][0] == "sum":
                sums.append(c)

    def _change_mode(self, c: int, base: int) -> bool | None:
        """Rate (True) or amount (False) for change column ``c`` over ``base``; None: not known."""
        g, cue = self.g, rules()["table"]
        prev = next((p for p, s in self.source.items() if s == base), None)
        rows = self._rows_of(c)
        if prev is not None and rows:
            def fits(rate: bool) -> bool:
                for r in rows:
                    b, p, x = g.value(r, base), g.value(r, prev), g.num[r][c]
                    if b is None or p is None or x is None or (rate and p == 0):
                        return False
                    want = (b - p) / p * 100 if rate else b - p
                    if not _close(want, x.value, _q(x.decimals)):
                        return False
                return True
            return False if fits(False) else True if fits(True) else None
        if any((x := g.num[r][c]) is not None and x.percent for r in rows) or re.search(cue["rate"], self.hdr[c]):
            return True
        return False if re.search(cue["amount"], self.hdr[c]) else None

    # -- cells --------------------------------------------------------------------------------

    def _row_parts(self, r: int, c: int) -> tuple[int, ...] | None:
        """The rows a total row adds up in column ``c``, as last year's numbers confirm."""
        g, n = self.g, self.g.n
        totals = [k for k in range(self.h, n) if self.total_row[k]]
        before = max((k for k in totals if k < r), default=self.h - 1)
        after = min((k for k in totals if k > r), default=n)
        plain = [k for k in range(self.h, n) if not self.total_row[k]]
        candidates = (
            tuple(k for k in plain if before < k < r),
            tuple(k for k in plain if r < k < after),
            tuple(plain),
            tuple(k for k in totals if k < r),
        )
        tot = g.num[r][c]
        if tot is None:
            return None
        for parts in candidates:
            vals = [g.value(k, c) for k in parts]
            if len(parts) < 2 or any(v is None for v in vals):
                continue
            q = _q(max([tot.decimals] + [x.decimals for k in parts if (x := g.num[k][c])]))
            if _close(sum((v for v in vals if v is not None), Decimal(0)), tot.value, q, len(parts)):
                return parts
        return None

    def _decimals(self, c: int) -> int:
        return max((x.decimals for r in self._rows_of(c) if (x := self.g.num[r][c])), default=0)

    def run(self) -> tuple[DraftTable, list[Slot]]:
        g = self.g
        slots: list[Slot] = []
        cells: dict[Ref, Cell] = {}
        for r in range(g.n):
            for c in range(g.m):
                cells[g.ref(r, c)] = self._cell(r, c, slots)
        rows = max(k[0] for k in cells) + 1
        cols = max(k[1] for k in cells) + 1
        table = tuple(tuple(cells[(r, c)] for c in range(cols)) for r in range(rows))
        first = [number(x.text) if x.op == "text" else 0 for x in table[0][1:]]
        return DraftTable(self.t.span, table, 0 if all(x is not None for x in first) else 1), slots

    def _cell(self, r: int, c: int, slots: list[Slot]) -> Cell:
        g = self.g
        s = g.g[r][c]
        if r < self.h:
            return Cell(text=self.new_hdr[c])
        x = g.num[r][c]
        if x is None or c <= self.label or self.facts or not self.numeric[c]:
            return Cell(text=s)
        if c in self.source:
            return Cell(text=g.g[r][self.source[c]])
        if self.change[c]:
            base = max((b for b in self.current if b < c), default=None)
            mode = self._change_mode(c, base) if base is not None else None
            bx = g.num[r][base] if base is not None else None
            if base is not None and mode is not None and bx is not None:
                return Cell("change", refs=(g.ref(r, base),), last=bx.value, rate=mode, decimals=x.decimals,
                            percent=x.percent, grouped=self.grouped)
            return self._slot(r, c, x, slots)
        if c in self.derived:
            op, parts = self.derived[c]
            return Cell(op, refs=tuple(g.ref(r, p) for p in parts), decimals=x.decimals, grouped=self.grouped)
        if self.total_row[r]:
            rows = self._row_parts(r, c)
            if rows is not None:
                return Cell("sum", refs=tuple(g.ref(k, c) for k in rows), decimals=x.decimals,
                            percent=x.percent, grouped=self.grouped)
        return self._slot(r, c, x, slots)

    def _slot(self, r: int, c: int, x: Num, slots: list[Slot]) -> Cell:
        g, doc = self.g, self.doc
        pr, pc = g.ref(r, c)
        cell = self.t.cells[pr][pc]
        span = Span(cell.start + x.start, cell.start + x.start + len(x.literal))
        fig = next((f for f in self.figures if f.span.overlaps(span)), None)
        scale = fig.value / x.value if fig is not None and x.value else Decimal(1)
        row_label = " ".join(g.g[r][k].strip() for k in range(c)
                             if (k <= self.label or not self.numeric[k]) and not g.zero(r, k))
        unit = "%" if x.percent else _unit(doc, self.t, self.hdr[c], row_label, fig, scale)
        if fig is None:
            fig = Figure(value=x.value, unit=unit, scope=row_label.strip() or None,
                         metric=self.hdr[c].strip() or None, as_written=x.literal, span=span, source="table")
        where = " × ".join(p.strip() for p in (row_label, self.new_hdr[c]) if p.strip())
        context = f"表格：{where}" + (f"（{unit}）" if unit and unit not in where else "")
        sid = f"t{len(slots) + 1}"
        slots.append(Slot(sid, fig, span, x.literal, scale, unit, x.value, context))
        return Cell("slot", slot=sid, decimals=self._decimals(c), percent=x.percent, grouped=self.grouped)


# -- filling ---------------------------------------------------------------------------------------

def _written(v: Decimal, cell: Cell, given: bool) -> str:
    """A cell's new number as last year wrote the column: its decimals, %, separators."""
    from .fill import grouped

    if given:  # a filled value keeps its own precision, padded to the column's
        exp = v.normalize().as_tuple().exponent
        places = max(cell.decimals, -exp if isinstance(exp, int) and exp < 0 else 0)
    else:
        places = cell.decimals
    s = format(v.quantize(_q(places), rounding=ROUND_HALF_UP), "f")
    if s.startswith("-") and Decimal(s) == 0:
        s = s[1:]
    if cell.grouped:
        s = grouped(s)
    return s + ("%" if cell.percent else "")


def values(dt: DraftTable, filled: dict[str, Decimal | None]) -> dict[Ref, Decimal | None]:
    """The new value of every numeric cell (None: still to fill, or made from a cell to fill)."""
    memo: dict[Ref, Decimal | None] = {}

    def value(ref: Ref, depth: int = 0) -> Decimal | None:
        if ref in memo:
            return memo[ref]
        cell = dt.rows[ref[0]][ref[1]]
        v: Decimal | None = None
        if depth > 64:
            return None
        if cell.op == "text":
            n = number(cell.text)
            v = n.value if n else (Decimal(0) if cell.text.strip() in rules()["table"]["zero_cells"] else None)
        elif cell.op == "slot":
            v = filled.get(cell.slot)
        else:
            parts = [value(x, depth + 1) for x in cell.refs]
            if all(p is not None for p in parts):
                ps = [p for p in parts if p is not None]
                if cell.op == "sum":
                    v = sum(ps, Decimal(0))
                elif cell.op == "diff":
                    v = ps[0] - ps[1]
                elif cell.rate:
                    v = (ps[0] - cell.last) / cell.last * 100 if cell.last else None
                else:
                    v = ps[0] - cell.last
        memo[ref] = v
        return v

    return {(r, c): value((r, c)) for r, row in enumerate(dt.rows) for c in range(len(row))}


def cell_texts(dt: DraftTable, filled: dict[str, Decimal | None]) -> list[list[str | None]]:
    """Every cell's text in the draft; None where a placeholder stands."""
    vals = values(dt, filled)
    out: list[list[str | None]] = []
    for r, row in enumerate(dt.rows):
        line: list[str | None] = []
        for c, cell in enumerate(row):
            if cell.op == "text":
                line.append(cell.text.strip())
                continue
            v = vals[(r, c)]
            line.append(None if v is None else _written(v, cell, cell.op == "slot"))
        out.append(line)
    return out
