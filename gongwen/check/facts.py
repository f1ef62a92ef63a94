"""The same fact stated twice: a table figure restated in the text, and two mentions in the text.

A table cell is named by its column header (学校数（所） → 学校) and its row (a 合计 row names the
whole); a text figure by the words of its clause (全区共有幼儿园、中小学校 147 所).  A text figure
and a cell whose names match and whose periods agree are one fact: equal values are verified,
different values are reported — as an error when one is the other with two digits transposed
(1,846 vs 1,864: no reading makes both true), else as a warning (the pairing is inferred).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..figure import Figure
from ..model import Document, Table
from .findings import Finding, Severity
from .intervals import interval_of, vocab
from .relations import Candidate, summable
from .rules import digit_swaps, lit, make
from .tables import _grid
from .textindex import SPACES, TextIndex

_BRACKETS = re.compile(r"[（(][^）)]*[）)]")


def core(name: str) -> str:
    """A name without its unit bracket and generic tail: 在校学生数（人） → 在校学生."""
    s = _BRACKETS.sub("", name).strip(SPACES)
    for w in sorted(vocab()["generic_tails"], key=len, reverse=True):
        if s.endswith(w) and len(s) > len(w) + 1:
            s = s[: -len(w)]
            break
    return s


def transposed(a: Figure, b: Figure) -> bool:
    """One figure is the other with two adjacent digits swapped (1846 ↔ 1864; never across the
    decimal point: 2.84万 ↔ 8.24万 is no typing slip)."""
    return any(v == b.value for _, v in digit_swaps(a))


def same_year(a: Figure, b: Figure) -> bool:
    if a.stated_period and b.stated_period and a.stated_period != b.stated_period:
        return False
    return not (a.period and b.period and a.period[:4] != b.period[:4])


def _cells(doc: Document, table: Table, figures: list[Figure]) -> Iterator[tuple[Figure, str, str, bool]]:
    """(cell figure, column header, row label, total row) for every numeric cell of a table."""
    texts, grid = _grid(doc, table, figures)
    if len(grid) < 2:
        return
    header = texts[0]
    totals = vocab()["table_total_words"]
    for r in range(1, len(grid)):
        label = texts[r][0] if texts[r] else ""
        for c in range(1, len(grid[r])):
            f = grid[r][c]
            if f is None or c >= len(header) or not summable(f):
                continue
            yield f, header[c], label, any(w in label for w in totals)


def _names(idx: TextIndex, f: Figure) -> tuple[str, str]:
    """A text figure's clause (a 、-list kept whole) and the words right before it."""
    return idx.clause_before(f, 40, list_items=True), idx.label_before(f, 24)


def _matches(col: str, row: str, total: bool, clause: str, label: str, rows: list[str]) -> bool:
    name = core(col)
    if len(name) < 2:
        return False
    named = name in clause or (len(label) >= 2 and name.endswith(core(label)) and len(core(label)) >= 2)
    if not named:
        return False
    if total:  # the whole: the text must not name one of the rows alone instead
        return sum(1 for r in rows if r and r in clause) != 1
    r = core(row)  # one row, named alone (幼儿园、中小学校 147 所 names the whole, not a row)
    return len(r) >= 2 and r in clause and sum(1 for x in rows if x in clause) == 1


def restated_tables(doc: Document, idx: TextIndex, figures: list[Figure]) -> Iterator[Finding]:
    """Every table cell the text restates: equal (verified), transposed (error), else a warning."""
    tfigs = [f for f in figures if f.source == "table"]
    if not tfigs:
        return
    per = vocab()["per_unit_words"]
    text_figs = [f for f in idx.figures if summable(f) and f.kind in ("actual", "target")
                 and not any(w in idx.clause_before(f) + f.as_written for w in per)]
    names = {id(f): _names(idx, f) for f in text_figs}
    for table in doc.tables:
        cells = list(_cells(doc, table, tfigs))
        rows = sorted({core(lab) for _, _, lab, tot in cells if not tot and len(core(lab)) >= 2})
        for cell, col, row, total in cells:
            pairs = [t for t in text_figs if t.unit == cell.unit and t.kind == cell.kind and same_year(t, cell)
                     and t.section == cell.section  # a table restated where it stands, not another table's topic
                     and _matches(col, row, total, *names[id(t)], rows)]
            equal = [t for t in pairs if interval_of(t).intersects(interval_of(cell))]
            for t in equal:
                yield _finding(idx, t, cell, col, row, total, "consistent")
            if not equal and len(pairs) == 1:
                yield _finding(idx, pairs[0], cell, col, row, total, "inconsistent")


def _finding(idx: TextIndex, t: Figure, cell: Figure, col: str, row: str, total: bool, status: str) -> Finding:
    where = f"表中“{'' if total else core(row)}{core(col)}”{'合计' if total else ''}"
    c = Candidate(code="GW125", kind="same", whole=(t,), parts=(cell,), trigger=core(col), explicit=False)
    if status == "consistent":
        return make(c, idx, "consistent", "info", f"正文 {lit(t)} 与{where} {lit(cell)} 一致", [t, cell],
                    lit(cell), lit(t))
    sev: Severity = "error" if transposed(t, cell) else "warning"
    msg = f"正文 {lit(t)} 与{where} {lit(cell)} 不一致"
    msg += "（相邻数字颠倒，必有一处笔误）" if sev == "error" else "，请核对"
    return make(c, idx, "inconsistent", sev, msg, [t, cell], lit(cell), lit(t),
                hints=("transposition",) if sev == "error" else ())

