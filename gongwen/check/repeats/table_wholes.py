"""A table cell restated in the text by its value: the whole (the 合计 row or column, or the row of
the whole jurisdiction, 全市 under the counties) where the table stands or in the opening summary
(全年共办理各类公证事项 4,862 件 beside 公证类别 | 办证件数（件） … 合计 | 4862), any other cell wherever
the text names its row by a word of it (上半年完成门急诊诊疗 18642 人次 for 门急诊人次 | 18642 in a table
of the half-year's indicators at the report's end).

The words naming a table's whole are the table's caption and lead-in (各项优抚资金发放情况如下：),
rarely its column's (金额（万元）), and the text names a row its own way (发文 1718 件 for 政府及办公室发文;
办结率 96.6% under 督查 for 督查事项办结率 beside 热线工单办结率); the names pairs of :mod:`.restated` and
:mod:`.restated_periods` miss them, or are misled by a period word that holds a column's name
(前三季度 for the columns 一季度 | 二季度 | 三季度 | 合计).  A value of three significant digits or more,
found in no other cell of its table, is one number a reader recognises by itself: equal in unit,
kind and time to the one text figure so placed or named, it is that figure; and a sentence that
restates one cell restates the other cells of its row it states by their very values (the growth
stated with a level: :func:`row_mates`).  Found by value, a pairing is only ever verified (a figure that differs may be another quantity, and is left to the
names pairs).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from itertools import combinations

from ...figure import Figure
from ...model import Document
from ..evaluation.findings import Finding
from ..evaluation.intervals import interval_of, longest_first, vocab
from ..growth.changes import old_values
from ..reading.relations import han_pairs
from ..reading.textindex import TextIndex
from ..tabular.tables import _grid
from .facts import core, same_year
from .moments import _agree
from .restated import _cells, _finding, _near_section

# a value of fewer significant digits (100.0 of a share column's 合计, 12 of a count) matches by chance
_TELLING_DIGITS = 3


def significant_digits(value: Decimal) -> int:
    """The digits a value is told by, trailing zeros left out (4862 → 4, 100.0 → 1, 91.2 → 3).

    >>> significant_digits(Decimal("4862")), significant_digits(Decimal("100.0")), significant_digits(Decimal("0.08"))
    (4, 1, 1)
    """
    return len(format(abs(value).normalize(), "f").replace(".", "").strip("0"))


def restated_wholes(doc: Document, idx: TextIndex, figures: list[Figure], findings: list[Finding]) -> Iterator[Finding]:
    """Every cell of a table that the names pairs left unpaired, restated by the one text figure of
    its value, unit, kind and year: a whole (a 合计 cell, or a cell of the row of the whole
    jurisdiction) in the table's section, a section near it or the opening summary; any other cell
    anywhere, its row named by a word of two characters in the figure's sentence before it (门急诊人次
    | 18642 for 上半年完成门急诊诊疗 18642 人次, in a section of its own above the table of the
    half-year's indicators).  Verified only."""
    tfigs = [f for f in figures if f.source == "table"]
    if not tfigs:
        return
    paired = {id(g) for f in findings if f.code == "GW125" for g in f.figures}
    said = [t for t in _said(idx) if id(t) not in paired]
    places = vocab()["whole_places"]
    for table in doc.tables:
        cells = list(_cells(doc, table, tfigs, every=True))
        rows = {core(row) for _, _, row, _ in cells if row}
        for cell, col, row, total in cells:
            if id(cell) in paired or significant_digits(cell.value) < _TELLING_DIGITS:
                continue
            if any(x is not cell and x.unit == cell.unit and x.value == cell.value for x, _, _, _ in cells):
                continue  # the value does not tell the cell (as printed: 98.9 is not 99.0, whose intervals touch)
            whole = total or "".join(core(row).split()) in places
            same = [t for t in said if t.unit == cell.unit and t.kind == cell.kind and _one_time(t, cell)
                    and interval_of(t).intersects(interval_of(cell))
                    and not _other_count(idx, t, cell, [x for x, _, r, _ in cells if r == row and x is not cell])]
            if whole:
                equal = [t for t in same if not t.section or _near_section(t, cell)]
            else:
                # a word of the row's own, no other row's (督查 of 督查事项办结率 beside 热线工单办结率)
                own = _row_words(core(row)) - {w for r in rows if r != core(row) for w in _row_words(r)}
                equal = [t for t in same if own & han_pairs(idx.back_to(t.span.start, "。！？", 80))]
            if len(equal) == 1 and (whole or len(same) == 1):
                said.remove(equal[0])  # one text figure restates one cell
                yield _finding(idx, equal[0], cell, col, row, total, "consistent")


def row_mates(doc: Document, idx: TextIndex, figures: list[Figure], findings: list[Finding]) -> Iterator[Finding]:
    """A sentence that restates a cell (a GW125 pairing verified, by names or by value) restates the
    other cells of its row it states by their very values, of any kind (限额以上单位实现零售额 31.57 亿元，
    同比增长 9.4% beside 合计 | 312 | 315700 | 9.4: the growth is the row's growth cell; 门急诊诊疗
    18642 人次，较去年同期的 17013 人次增长 9.6% beside 门急诊人次 | 18642 | 17013 | 9.6).  Verified only."""
    tfigs = [f for f in figures if f.source == "table"]
    if not tfigs:
        return
    at: dict[int, tuple[list[str], list[str], list[Figure | None], bool]] = {}
    totals = vocab()["table_total_words"]
    for table in doc.tables:
        texts, grid = _grid(doc, table, tfigs)
        for r in range(1, len(grid)):
            label = texts[r][0] if texts[r] else ""
            for x in grid[r]:
                if x is not None:
                    at[id(x)] = (texts[0], texts[r], grid[r], any(w in label for w in totals))
    pairs = {frozenset((id(a), id(b))) for f in findings for a, b in combinations(f.figures, 2)}
    for f in findings:
        if f.code != "GW125" or f.status != "consistent":
            continue
        cells = [g for g in f.figures if id(g) in at]
        said = [g for g in f.figures if g.source != "table"]
        if len(cells) != 1 or len(said) != 1:
            continue
        header, line, row, total = at[id(cells[0])]
        t = said[0]
        for g in idx.figures_in(idx.sentence_of(t.span.start)):
            if g is t or g.source == "table" or g.range_id is not None:
                continue
            for c, x in enumerate(row):
                if x is None or x is cells[0] or c >= len(header) or frozenset((id(g), id(x))) in pairs \
                        or (g.unit, g.kind, g.value) != (x.unit, x.kind, x.value):
                    continue
                pairs.add(frozenset((id(g), id(x))))
                yield _finding(idx, g, x, header[c], line[0] if line else "", total, "consistent")


def _other_count(idx: TextIndex, t: Figure, cell: Figure, row: list[Figure]) -> bool:
    """A rate's sentence states a count in the unit of the cell's row that is none of the row's
    (全年完成农田水利投资 4.20 亿元，完成年度计划的 97.6% beside 合计 | 36,000 | 35,140 | 97.6): the rate
    is of another count, another plan's, whatever its value."""
    if cell.unit not in ("%", "‰"):
        return False
    units = {x.unit for x in row if x.unit not in ("%", "‰")}
    return any(g is not t and g.unit in units and not any(interval_of(g).intersects(interval_of(x)) for x in row)
               for g in idx.figures_in(idx.sentence_of(t.span.start)))


def _one_time(t: Figure, cell: Figure) -> bool:
    """A text figure and a cell state one time: the same year, or a span and its last month (截至 6 月底
    for the column 2026年上半年: a stock stands at the span's end)."""
    return same_year(t, cell) or bool(t.stated_period and cell.stated_period) and _agree(
        t.stated_period or "", cell.stated_period or "")


def _row_said(row: str, words: str) -> bool:
    """A word of two characters of a name, other than the words any name may hold (全年, 完成, 各类 …),
    stands in ``words``.

    >>> _row_said("出院人次", "其中门诊16985人次；出院患者"), _row_said("完成投资", "全年完成")
    (True, False)
    """
    return bool(_row_words(row) & han_pairs(words))


def _row_words(row: str) -> set[str]:
    """The words of two characters of a row's name, the words any name may hold left out.

    >>> sorted(_row_words("全年完成投资"))
    ['投资']
    """
    name = row
    for w in longest_first("name_fillers", "subject_prefixes", "generic_name_words"):
        if len(w) >= 2:
            name = name.replace(w, "|")
    return han_pairs(name)


def _said(idx: TextIndex) -> list[Figure]:
    """The text figures a whole may be restated by: counts, amounts and rates stated as such (not a
    range's end, not the old value of a change, not a level per head — a rate named 平均 is still
    the rate: 平均运行负荷率 91.2% of a 合计 row's 负荷率)."""
    per = vocab()["per_unit_words"]
    old = old_values(idx)
    return [f for f in idx.figures if f.source != "table" and f.range_id is None
            and (f.span.start, f.span.end) not in old
            and (f.unit == "%" or not any(w in idx.clause_before(f) + f.as_written for w in per))]
