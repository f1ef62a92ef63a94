"""Shares whose part is a table's row, named in the text by the row's own label (道路运输仍是事故
多发领域，事故起数、死亡人数分别占全市的 58.6% 和 65.9% beside a table of 行业领域 | 事故起数 |
死亡人数 whose rows are 道路运输 | 建筑施工 | … | 合计; 个体工商户占比仍然偏高，年末占全县经营主体的
77.3% beside 类别 | 年末实有户数 | … | 合计).

The part is the row's cell, the whole the 合计 row's cell of the same column: both are read, not
stated, so the pairing — the one column whose cells make the rate — is kept only when it holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ...figure import Figure
from ...model import Document, Span
from ..evaluation.intervals import interval_of, vocab
from ..proportions.operands import _fits, share_name
from ..proportions.per_capita import _header
from ..proportions.rates import percent_rate
from ..reading.relations import Candidate
from ..reading.textindex import SPACES, TextIndex
from ..repeats.restated import _cells

_SUB = ("其中：", "其中:", "其中")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def table_row_shares(doc: Document, idx: TextIndex, figures: Sequence[Figure]) -> Iterator[Candidate]:
    """A share the wording lays out no operands for (:func:`gongwen.check.proportions.rates.percent_rate`),
    whose sentence names a table row before its cue 占: that row's cell over the 合计 row's cell
    of the one column that makes the rate."""
    rows = _table_rows(doc, figures)
    cells = _row_cells(doc, figures)
    if not rows and not cells:
        return
    cues = vocab()["share_cues"]
    for f in idx.figures:
        if f.unit != "%" or f.kind == "change" or f.source != "text" or f.bound is not None:
            continue
        sent = idx.sentence_of(f.span.start)
        at, cue = max((idx.text.rfind(w, sent.start, f.span.start), w) for w in cues)
        if at < 0 or any(g.unit != "%" for g in idx.figures_in(Span(at, f.span.start))):
            continue  # 占户籍总人口 36.8 万人的: the whole is stated, the wording's own reading
        if percent_rate(idx, f) is not None:
            continue
        named, stated = idx.text[sent.start:at], interval_of(f)
        pairs = [pw for label, pws in rows if label in named for pw in pws] or _total_named(idx, f, at, cue, rows) \
            or _row_named(idx, f, at, cue, cells)
        fits = {(id(p), id(w)): (p, w) for p, w in pairs if _fits(p, w, stated, False)}
        if len(fits) != 1:
            continue  # none, or several rows or columns that make it: no reading
        part, whole = next(iter(fits.values()))
        yield Candidate(code="GW107", kind="share", whole=(f,), parts=(part, whole), trigger="占（表中行）",
                        explicit=False, params={"complete": True, "confirm_only": True})


def _total_named(idx: TextIndex, f: Figure, at: int, cue: str, rows: list[tuple[str, list[tuple[Figure, Figure]]]]
                 ) -> list[tuple[Figure, Figure]]:
    """义务教育阶段在校生 40,995 人，占全县在校学生总数的 62.7% before a table whose 在校学生 column
    has a 合计 row: the figure right before 占 over the 合计 cell of the column the share names."""
    before = [g for g in idx.figures_in(Span(idx.sentence_of(at).start, at)) if g.unit != "%"]
    if not before or len(idx.text[before[-1].span.end:at].strip(SPACES)) > 2:
        return []
    part, name = before[-1], share_name(idx.text[at + len(cue):f.span.start])
    if len(name) < 2:
        return []
    wholes = {id(w): w for _, pws in rows for _, w in pws
              if _header(w) in name and w.unit == part.unit and w.value >= part.value}
    return [(part, w) for w in wholes.values()]


def _row_named(idx: TextIndex, f: Figure, at: int, cue: str, cells: dict[str, list[tuple[Figure, str]]]
               ) -> list[tuple[Figure, Figure]]:
    """直播电商实现零售额 18.2 亿元，占全区网络零售额的 28.3% beside a table whose row 网络零售额 states
    64.3 | 55.6 (2025年 | 2024年): the figure right before 占 over the cell of the row the share names,
    in the latest period the row's columns give (a row of several years: never last year's)."""
    before = [g for g in idx.figures_in(Span(idx.sentence_of(at).start, at)) if g.unit != "%"]
    if not before or len(idx.text[before[-1].span.end:at].strip(SPACES)) > 2:
        return []
    part, name = before[-1], share_name(idx.text[at + len(cue):f.span.start])
    row = [(g, h) for g, h in cells.get(name, []) if g.unit == part.unit and g.value >= part.value]
    v = vocab()
    row = [(g, h) for g, h in row if not any(w in h for w in v["table_previous_words"])]
    years = {h: max(map(int, _YEAR.findall(h)), default=0) for _, h in row}
    latest = max(years.values(), default=0)
    return [(part, g) for g, h in row if years[h] == latest]


def _row_cells(doc: Document, figures: Sequence[Figure]) -> dict[str, list[tuple[Figure, str]]]:
    """Row label (its 其中 left out) -> [(cell, column header) …] for every table row that is no
    total: the wholes a share may name by a row's label."""
    out: dict[str, list[tuple[Figure, str]]] = {}
    tfigs = [g for g in figures if g.source == "table"]
    for table in doc.tables:
        for g, col, row, total in _cells(doc, table, tfigs):
            label = row.strip(SPACES)
            for w in _SUB:
                label = label.removeprefix(w)
            if not total and len(label) >= 2:
                out.setdefault(label, []).append((g, col))
    return out


def _table_rows(doc: Document, figures: Sequence[Figure]) -> list[tuple[str, list[tuple[Figure, Figure]]]]:
    """(row label, [(row cell, 合计 cell of its column) …]) for every row of every table that has
    a 合计 row; a label of two characters at least, its 其中 left out."""
    out = []
    tfigs = [g for g in figures if g.source == "table"]
    for table in doc.tables:
        cells = list(_cells(doc, table, tfigs))
        totals = {col: g for g, col, row, total in cells if total and row}
        by_row: dict[str, list[tuple[Figure, Figure]]] = {}
        for g, col, row, total in cells:
            label = row.strip(SPACES)
            for w in _SUB:
                label = label.removeprefix(w)
            whole = totals.get(col)
            if total or whole is None or len(label) < 2 or whole.unit != g.unit or g.value > whole.value:
                continue
            by_row.setdefault(label, []).append((g, whole))
        out += list(by_row.items())
    return out
