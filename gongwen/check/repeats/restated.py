"""A table figure restated in the text: named by its column header (学校数（所） → 学校) and
its row (a 合计 row names the whole); a period's balance in the text (当期结余) as a table row's inflow −
outflow.  Indicator rows by year columns are read in :mod:`.restated_periods`.

A text figure and a cell whose names match and whose periods agree are one fact: equal values are
verified, different values are reported — as an error when one misprints the other (1,846 vs
1,864; 5.12 vs 6.12 with the text dating its figure itself), else as a warning.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal as Decimal  # doctests

from ...figure import Figure
from ...model import Document, Table
from ...source import Span as Span  # doctests
from ..evaluation.findings import Finding, Severity
from ..evaluation.intervals import interval_of, longest_first, vocab
from ..evaluation.slips import WORDS, decisive, one_misprint_apart, telling
from ..evaluation.verdicts import lit, make
from ..growth.changes import _verb_sign, old_values
from ..reading.relations import Candidate, summable
from ..reading.textindex import CLAUSE_END, SPACES, TextIndex
from ..tabular.tables import _grid
from .facts import _DATES, core, same_year


def _cells(doc: Document, table: Table, figures: list[Figure],
           every: bool = False) -> Iterator[tuple[Figure, str, str, bool]]:
    """(cell figure, column header, row label, total) for every count, amount or rate-column cell of
    a table (with ``every``, every numeric cell: a rate or change its row names); a cell of a 合计
    column (the measures as rows: 基金收入 | 职工 | 居民 | 合计) is named by its row, as the whole."""
    texts, grid = _grid(doc, table, figures)
    if len(grid) < 2:
        return
    header = texts[0]
    totals = vocab()["table_total_words"]
    for r in range(1, len(grid)):
        label = texts[r][0] if texts[r] else ""
        for c in range(1, len(grid[r])):
            f = grid[r][c]
            if f is None or c >= len(header) or not (every or summable(f) or _rate_cell(f, header[c])):
                continue
            total_row = any(w in label for w in totals)
            if not total_row and any(w in header[c] for w in totals):
                yield f, label, "", True
            else:
                yield f, header[c], label, total_row


def _stem(name: str, unit: str) -> str:
    """A count column's name without its unit: 抽检批次 counted in 批次 is named 抽检 in the text
    (全年完成各类监督抽检 11350 批次)."""
    return name[: -len(unit)] if unit and name.endswith(unit) and len(name) - len(unit) >= 2 else name


def _restates_row(idx: TextIndex, f: Figure, row: list[Figure]) -> bool:
    """A rate restates a table's only when its sentence also restates a count of the rate's row
    (抽检 11350 批次，合格率 98.0% beside the 合计 row 11350 | 231 | 98.0; never 水源地水质达标率
    100% beside a table of 断面 counts)."""
    sent = idx.sentence_of(f.span.start)
    return any(g is not f and any(g.unit == c.unit and g.value == c.value for c in row)
               for g in idx.figures_in(sent))


def _flow_of_stock(idx: TextIndex, t: Figure, header: str, levels: bool = False) -> bool:
    """A text figure of new things (新设企业 1,936 户、个体工商户 6,405 户: the 、-list shares the
    word; 新建站点 29 个，其中 A 2 个、B 18 个: a 其中 list its whole's) against a column of a moment
    (2025年11月末, 年末实有) — or against a column of levels in a table that has a column of changes
    (``levels``: 2026年完成 | 2027年目标 | 增减, the new ones being the 增减) —: a flow is never the same
    fact as a stock, however the row names it."""
    v = vocab()
    if not levels and not any(w in header for w in v["moment_words"]):
        return False
    head = _list_head(idx, t)
    clause = idx.clause_before(head, 24)
    whole = idx.figure_before(head)
    if whole is not None and clause.lstrip(SPACES).startswith(tuple(v["subset_cues"])) \
            and idx.sentence_of(whole.span.start) == idx.sentence_of(head.span.start):
        # 全年新建观测站点 29 个，其中国家级地面气象观测站 2 个、区域自动气象站 18 个: the parts of a
        # flow are flows too, named new by their whole's clause
        clause += idx.clause_before(whole, 24)
    return any(w in clause for w in v["new_words"])


def _list_head(idx: TextIndex, t: Figure) -> Figure:
    """The first figure of the 、-list ``t`` ends (改造开工 86 个小区、7,128 户、236 栋: 86 个小区),
    whose clause holds the words the list shares."""
    first = t
    while (prev := idx.figure_before(first)) is not None:
        gap = idx.between(prev.span.end, first.span.start)
        if "、" not in gap or any(ch in gap for ch in CLAUSE_END.replace("、", "")):
            break
        first = prev
    return first


def _undated(col: str) -> str:
    """A column's name without the words that date it (1-6月完成 → 完成, 年末实有户数（户） → 实有
    户数（户）, 2025年完成 → 完成): those words are the cells' period, not what they count.

    >>> _undated("1-6月完成"), _undated("年末实有户数（户）"), _undated("上年末实有"), _undated("年度任务")
    ('完成', '实有户数（户）', '实有', '年度任务')
    """
    name = _DATES.sub("", col)
    for w in longest_first("opening_words", "table_current_words", "half_year_words"):
        name = name.replace(w, "")
    return name


def _dated_reading(idx: TextIndex, cell: Figure, col: str, row: str, total: bool, text_figs: list[Figure],
                   names: dict[int, tuple[str, str]], rows: list[str], row_cells: list[Figure]) -> list[Figure]:
    """A cell of a column named by its period and a word (1-6月完成 | 2.14) restated in the text by
    that word and the same period (上半年完成人工造林 2.14 万亩; 截至 12 月底，全县实有经营主体 5.86
    万户 for 年末实有户数 合计 58600): the text names the period its own way, so the column is
    matched by the rest of its name, the text figure's period equal to the cell's.  Kept only when
    the values agree, in the table's section or under it (the opening summary for a 合计)."""
    undated = _undated(col)
    if undated == col or not cell.period:
        return []
    return [t for t in text_figs if t.unit == cell.unit and t.kind == cell.kind and t.period == cell.period
            and (t.section[:len(cell.section)] == cell.section and t.section or total and not t.section
                 or _near_section(t, cell))
            and interval_of(t).intersects(interval_of(cell))
            and _matches(undated, row, total, *names[id(t)], rows, cell.unit)
            and not _flow_of_stock(idx, t, col)
            and (summable(cell) or _restates_row(idx, t, row_cells))]


def _unit_reading(idx: TextIndex, cell: Figure, col: str, row: str, total: bool, text_figs: list[Figure],
                  rows: list[str], cells: list[tuple[Figure, str, str, bool]]) -> list[Figure]:
    """A cell restated by its row alone when its unit tells its column: the table's only column in
    that unit (人数（人） | 资金（万元）; 全年发放困难救助金 213.5 万元 for 困难救助 | 资金 213.5 — the
    text names money its own way).  The row is the one named last before the text figure, with no
    figure of its unit between (其中甲类 35 户 120 人、乙类 48 户 166 人: 166 人 is 乙类's); a 合计
    row's cell when the sentence names no row and shares a word of two characters with the column
    (累计发放补助金 for 发放金额).  Found by words this loose, it is kept only when the values agree,
    in the table's section or near it."""
    if not summable(cell) or {c for x, c, _, _ in cells if x.unit == cell.unit} != {col}:
        return []
    name = core(col)
    out = []
    for t in text_figs:
        if t.unit != cell.unit or t.kind != cell.kind or not same_year(t, cell) or not _near_section(t, cell) \
                or not interval_of(t).intersects(interval_of(cell)) or _flow_of_stock(idx, t, col):
            continue
        said = _row_before(idx, t, rows)
        if total and said is None and any(name[i:i + 2] in _sentence_before(idx, t) for i in range(len(name) - 1)) \
                or not total and said is not None and said == core(row):
            out.append(t)
    return out


def _row_before(idx: TextIndex, t: Figure, rows: list[str]) -> str | None:
    """The row a text figure's sentence names last before it (the longest name ending there), None
    when it names none or a figure of the same unit stands between the name and the figure (the
    name is that figure's).

    >>> f = Figure(Decimal(166), "人", span=Span(23, 26))
    >>> idx = TextIndex("全镇共有救助对象，其中甲类35户120人、乙类48户166人", [f])
    >>> _row_before(idx, f, ["甲类", "乙类"]), _row_before(idx, f, ["丙类"])
    ('乙类', None)
    """
    head = _sentence_before(idx, t)
    start = t.span.start - len(head)
    at = [(head.rfind(r) + len(r), len(r), r) for r in rows if len(r) >= 2 and r in head]
    if not at:
        return None
    end, _, r = max(at)
    if any(g is not t and g.unit == t.unit and start + end <= g.span.start < t.span.start
           for g in idx.figures_in(idx.sentence_of(t.span.start))):
        return None
    return r


def _rate_cell(f: Figure, header: str) -> bool:
    """A cell of a rate column (合格率（%）): restated in the text by the rate's name."""
    return f.unit == "%" and f.kind == "actual" and any(w in header for w in vocab()["rate_words"])


def _names(idx: TextIndex, f: Figure) -> tuple[str, str]:
    """A text figure's clause (a 、-list kept whole) and the words right before it."""
    return idx.clause_before(f, 40, list_items=True), idx.label_before(f, 24)


def _matches(col: str, row: str, total: bool, clause: str, label: str, rows: list[str], unit: str = "",
             loose: bool = False, cols: tuple[str, ...] = ()) -> bool:
    """The text figure's words name the cell's column and row.  ``loose`` also takes a count column
    named by its unit alone (户数（户） for 5,163 户) or by its two words in the other order (基金征收
    for 征收…基金) and a row named by its short form (职工医保 for 职工基本医疗保险): such a reading is
    kept only when the values agree.  A clause naming several of the table's columns (``cols``:
    群众来信、来访和网上信访 2846 件次) names their sum, not one of them (a loose reading's whole
    sentence may name others beside its own)."""
    name = core(col)
    if len(name) < 2 or not loose and name in cols and sum(1 for c in cols if c in clause) > 1:
        return False
    stem = _stem(name, unit)
    clause = f"{clause}|{clause.replace('总', '')}"  # 基金总收入 names 基金收入
    # a column of plain values (绝对额（亿元）) names nothing: its row does (地区生产总值 | 386.52)
    named = bool(row) and _plain(col) or name in clause or stem in clause or (
        len(label) >= 2 and name.endswith(core(label)) and len(core(label)) >= 2) or (
        loose and bool(unit) and name == f"{unit}数") or (
        loose and any(name[:i] in clause and name[i:] in clause for i in range(2, len(name) - 1)))
    if not named:
        return False

    def says(r: str) -> bool:
        return bool(r) and (r in clause or loose and _short_form(r, clause))
    if total:  # the whole: the text must not name one of the rows alone instead — by its name: a
        # short form may be the whole's own (医疗卫生机构 holds 卫生机构 of 社区卫生服务机构)
        return sum(1 for r in rows if r in clause) != 1
    r = core(row)  # one row, named alone (幼儿园、中小学校 147 所 names the whole, not a row)
    return len(r) >= 2 and says(r) and sum(1 for x in rows if says(x)) == 1


def _plain(col: str) -> bool:
    """A column named only by the kind of value it holds (绝对额（亿元）): it names nothing, its rows do."""
    return any(core(col) == core(w) for w in vocab()["plain_value_columns"])


def _short_form(name: str, text: str) -> bool:
    """``text`` holds a short form of ``name``: a run of four characters at least, each of ``name``
    in order, some left out, its first two adjacent in ``name`` and its last among ``name``'s last
    two (职工医保, 居民医保 of 城乡居民基本医疗保险; never 职工基本 of it, a head cut short, nor 医疗保险,
    a plain tail).

    >>> _short_form("职工基本医疗保险", "职工医保基金"), _short_form("城乡居民基本医疗保险", "居民医保")
    (True, True)
    >>> _short_form("职工基本医疗保险", "职工基本养老保险"), _short_form("职工基本医疗保险", "医疗保险")
    (False, False)
    """
    if len(name) < 5:
        return False
    for i in range(len(text) - 3):
        j = name.find(text[i:i + 2])
        while j >= 0:
            p, k, last = j + 2, i + 2, j + 1
            while k < len(text) and (q := name.find(text[k], p)) >= 0:
                p, k, last = q + 1, k + 1, q
                if k - i >= 4 and last >= len(name) - 2 and text[i:k] not in name:
                    return True
            j = name.find(text[i:i + 2], j + 1)
    return False


def restated_tables(doc: Document, idx: TextIndex, figures: list[Figure]) -> Iterator[Finding]:
    """Every table cell the text restates: equal (verified), transposed (error), else a warning."""
    tfigs = [f for f in figures if f.source == "table"]
    if not tfigs:
        return
    text_figs = _text_figs(idx)
    names = {id(f): _names(idx, f) for f in text_figs}
    for table in doc.tables:
        cells = list(_cells(doc, table, tfigs))
        texts, grid = _grid(doc, table, tfigs)
        labels = sorted({core(lab) for _, _, lab, tot in cells if not tot and len(core(lab)) >= 2})
        rows = labels
        cols = tuple(sorted({core(col) for _, col, lab, _ in cells if lab and len(core(col)) >= 2}))
        if any(tot and not lab for _, _, lab, tot in cells):  # a 合计 column: its parts are the columns
            rows = sorted({core(col) for _, col, lab, tot in cells if not tot and len(core(col)) >= 2})
        changes = [h for h in (texts[0] if texts else []) if any(w in h for w in vocab()["table_change_words"])]
        by_row: dict[str, list[Figure]] = {}
        for cell, _, row, _ in cells:
            if summable(cell):
                by_row.setdefault(row, []).append(cell)
        for cell, col, row, total in cells:
            # a 合计 row's cell is its column's whole: the text must not name one of the rows above it
            # alone (来信 246 件次 for 合计 | 246 under 来信, not 第一季度来信 62 件次), whatever parts a
            # 合计 column has
            among = labels if total and row else rows
            levels = bool(changes) and not any(w in col for w in vocab()["table_change_words"])
            named = [t for t in text_figs if t.unit == cell.unit and t.kind == cell.kind and same_year(t, cell)
                     and _matches(col, row, total, *names[id(t)], among, cell.unit, cols=cols)
                     and not _flow_of_stock(idx, t, col, levels)
                     and (summable(cell) or _restates_row(idx, t, by_row.get(row, [])))]
            # a table restated where it stands, not another table's topic
            pairs = [t for t in named if t.section == cell.section]
            equal = [t for t in pairs if interval_of(t).intersects(interval_of(cell))]
            # the opening summary restates a table's 合计 too (全年发生事故 58 起 = 合计 | 58): an equal
            # value is taken for it; another may be another quantity, unless it is the only one so
            # named and one misprint away from the cell (58 起 / 59): then it is the fact, misprinted
            summary = [t for t in named if total and not t.section and t.section != cell.section]
            restating = bool(equal)  # the section restates the cell as it stands
            equal += [t for t in summary if interval_of(t).intersects(interval_of(cell))]
            if not pairs:  # a looser reading in the table's section or one under it: kept when equal
                equal += [t for t in text_figs if t.unit == cell.unit and t.kind == cell.kind and same_year(t, cell)
                          and _near_section(t, cell)
                          and interval_of(t).intersects(interval_of(cell))
                          and _matches(col, row, total, _sentence_before(idx, t), names[id(t)][1], among,
                                       cell.unit, loose=True)
                          and not _flow_of_stock(idx, t, col, levels)
                          and (summable(cell) or _restates_row(idx, t, by_row.get(row, [])))]
            # restated in another section (the section on coverage restates the 合计 of the table on
            # funds): a figure there so named is the cell's restatement when it agrees, or when it is
            # the only one a telling misprint away; any other value may be another quantity
            elsewhere = [t for t in named if t.section and t.section != cell.section and t not in equal]
            if not pairs and elsewhere:
                agree = [t for t in elsewhere if interval_of(t).intersects(interval_of(cell))]
                slips = [t for t in elsewhere if telling(one_misprint_apart(t, cell), t, cell)]
                equal += agree
                if not agree and len(slips) == 1:
                    yield _finding(idx, slips[0], cell, col, row, total, "inconsistent")
            if not equal:
                equal += _dated_reading(idx, cell, col, row, total, text_figs, names, among, by_row.get(row, []))
            if not equal and not pairs:
                equal += _unit_reading(idx, cell, col, row, total, text_figs, among, cells)
            for t in equal:
                yield _finding(idx, t, cell, col, row, total, "consistent")
                yield from _restated_change(idx, t, cell, texts, grid)
            if not equal and len(pairs) == 1 and not (total and _restates_part(pairs[0], cell, col, cells)):
                yield _finding(idx, pairs[0], cell, col, row, total, "inconsistent")
            elif (not pairs or restating) and len(summary) == 1 and summary[0] not in equal \
                    and one_misprint_apart(summary[0], cell):
                # the summary misprints the 合计 whether or not its section restates it too
                yield _finding(idx, summary[0], cell, col, row, total, "inconsistent", summary=True)


def _text_figs(idx: TextIndex) -> list[Figure]:
    """The text figures a table cell may be restated by: counts and amounts done or set, and rates
    (not a range's end), neither per unit nor the old value of a stated change."""
    per = vocab()["per_unit_words"]
    old = old_values(idx)
    return [f for f in idx.figures if (summable(f) and f.kind in ("actual", "target") or
                                       f.unit == "%" and f.kind == "actual" and f.range_id is None)
            and not any(w in idx.clause_before(f) + f.as_written for w in per)
            and (f.span.start, f.span.end) not in old]


def restated_rows(doc: Document, idx: TextIndex, figures: list[Figure]) -> Iterator[Finding]:
    """A sentence that states a cell's very value and unit and, beside it, another cell of the same
    row by its very value (全年共接处警 1,236 起，出动消防车 2,418 辆次 beside 合计 | 1236 | 2418)
    restates that row, whatever words it names them by: each such figure is its cell restated — in
    the table's section, one under it, or the opening summary (no heading).  Verified only; a cell
    the names pair (:func:`restated_tables`) keeps that reading, this one comes after it."""
    tfigs = [f for f in figures if f.source == "table"]
    text_figs = _text_figs(idx) if tfigs else []
    for table in doc.tables if text_figs else ():
        _, grid = _grid(doc, table, tfigs)
        for cell, col, row, total in _cells(doc, table, tfigs):
            line = next((r for r in grid[1:] if any(x is cell for x in r)), [])
            for t in text_figs:
                if t.unit != cell.unit or t.value != cell.value or t.kind != cell.kind or not same_year(t, cell) \
                        or t.section and t.section[:len(cell.section)] != cell.section:
                    continue
                said = [g for g in idx.figures_in(idx.sentence_of(t.span.start)) if g is not t]
                if any(x is not None and x is not cell and any(g.unit == x.unit and g.value == x.value for g in said)
                       for x in line):
                    yield _finding(idx, t, cell, col, row, total, "consistent")


def restated_completions(doc: Document, idx: TextIndex, figures: list[Figure]) -> Iterator[Finding]:
    """A row's completion rate (完成率, 完成进度: a cell read as a completion) restated in a sentence
    that restates a count of the same row (全年完成水利投资 10.23 亿元，完成年度计划的 99.5% beside 合计 |
    102,800 | 102,271 | 99.5; the opening summary's is the 合计 row's): the sentence's count names the
    row, its completion is the row's.  Equal, it is verified; a rate that differs is left unsaid (it
    may be of another plan: 完成省下达任务的 …)."""
    tfigs = [f for f in figures if f.source == "table"]
    rates = [f for f in idx.figures if f.source != "table" and f.unit == "%" and f.kind == "completion"
             and f.range_id is None]
    for table in doc.tables if tfigs and rates else ():
        texts, grid = _grid(doc, table, tfigs)
        for r in range(1, len(grid)):
            label = texts[r][0] if texts[r] else ""
            counts = [x for x in grid[r] if x is not None and summable(x)]
            total = any(w in label for w in vocab()["table_total_words"])
            for c, cell in enumerate(grid[r]):
                if cell is None or cell.unit != "%" or cell.kind != "completion" or c >= len(texts[0]):
                    continue
                for t in rates:
                    if not same_year(t, cell) or not interval_of(t).intersects(interval_of(cell)):
                        continue
                    said = idx.figures_in(idx.sentence_of(t.span.start))
                    if any(g is not t and g.unit == x.unit and interval_of(g).intersects(interval_of(x))
                           for g in said for x in counts):
                        yield _finding(idx, t, cell, texts[0][c], label, total, "consistent")


def table_balances(doc: Document, idx: TextIndex, figures: list[Figure]) -> Iterator[Candidate]:
    """A period's balance in the text (当期结余 14.57 亿元) of a row of a table with an inflow and an
    outflow column (基金收入 | 基金支出) under whose section it stands, the row named in its sentence
    before it (职工医保 for 职工基本医疗保险), is the row's inflow − outflow.  Found by names, so kept
    only when it holds (confirm_only); a balance carried over the years (累计结余) is none."""
    v = vocab()
    inflow, outflow = v["flow_measures"][:2]
    tfigs = [f for f in figures if f.source == "table"]
    balances = [t for t in idx.figures if t.source != "table" and summable(t) and t.kind == "actual"
                and any(w in idx.label_before(t, 16) for w in v["balance_words"])
                and not any(w in idx.label_before(t, 16) for w in v["stock_words"])]
    for table in doc.tables if balances else ():
        texts, grid = _grid(doc, table, tfigs)
        if len(grid) < 2:
            continue
        header = texts[0]
        ins = [c for c, h in enumerate(header) if inflow in h]
        outs = [c for c, h in enumerate(header) if outflow in h]
        if len(ins) != 1 or len(outs) != 1:
            continue
        rows = {r: core(texts[r][0]) for r in range(1, len(grid)) if texts[r] and len(core(texts[r][0])) >= 2}
        for t in balances:
            cell = grid[1][ins[0]] if ins[0] < len(grid[1]) else None
            if cell is None or t.section[:len(cell.section)] != cell.section or not t.section:
                continue
            head = _sentence_before(idx, t)
            named = [r for r, name in rows.items() if name in head or _short_form(name, head)]
            if len(named) != 1:
                continue
            row = grid[named[0]]
            a = row[ins[0]] if ins[0] < len(row) else None
            b = row[outs[0]] if outs[0] < len(row) else None
            if a is None or b is None or a.unit != t.unit or b.unit != t.unit or not same_year(t, a):
                continue
            yield Candidate(code="GW104", kind="diff", whole=(a,), parts=(b, t), trigger=inflow, explicit=False,
                            params={"sign": 1, "verb": "结余", "confirm_only": True})


def _restated_change(idx: TextIndex, t: Figure, cell: Figure, texts: list[list[str]],
                     grid: list[list[Figure | None]]) -> Iterator[Finding]:
    """The change a restated cell's text figure is stated with (总产量 161.83 万吨，同比增长 1.9%)
    restates the row's cell of the change column of the cell's column — the column named in its
    header (产量同比增长（%）) or the one right after it: verified when equal, never reported
    (the text's change may be another period's)."""
    at = next(((r, c) for r, row in enumerate(grid) for c, x in enumerate(row) if x is cell), None)
    sent = idx.sentence_of(t.span.end)
    after = [f for f in idx.figures_in(sent) if f.span.start >= t.span.end]
    if at is None or not after or after[0].kind != "change" or after[0].unit != "%":
        return
    d, (r, c) = after[0], at
    if _verb_sign(idx.between(t.span.end, d.span.start)) is None:
        return
    header, changes = texts[0], vocab()["table_change_words"]
    name = core(header[c])
    cols = [k for k in range(1, len(header)) if k != c and any(w in header[k] for w in changes)
            and (len(name) >= 2 and name in header[k] or k == c + 1)]
    label = texts[r][0] if texts[r] else ""
    for k in cols[:1]:
        x = grid[r][k] if k < len(grid[r]) else None
        if x is not None and x.unit == "%" and interval_of(d).intersects(interval_of(x)):
            total = any(w in label for w in vocab()["table_total_words"])
            yield _finding(idx, d, x, header[k], label, total, "consistent")


def _near_section(t: Figure, cell: Figure) -> bool:
    """A text figure stands where a looser reading of a cell may be taken: in the table's section
    or one under it, or in a sibling of a section under a heading of the report (the table closing
    1. restated in 2. right after it: 基金征收 合计 58,640 | 2.…累计征收社会保险基金 58,640 万元)."""
    if not t.section:
        return False
    if t.section[:len(cell.section)] == cell.section:
        return True
    parent = cell.section[:-1]
    return len(parent) >= 1 and t.section[:len(parent)] == parent and len(t.section) > len(parent)


def _sentence_before(idx: TextIndex, t: Figure) -> str:
    """A text figure's sentence before it, across its semicolons (80 characters at most): where a
    looser reading finds the cell's row named (职工医保（含生育保险）基金收入…；当期结余…，累计结余…增加到 142.68 亿元)."""
    return idx.back_to(t.span.start, "。！？", 80)


def _restates_part(t: Figure, cell: Figure, col: str, cells: list[tuple[Figure, str, str, bool]]) -> bool:
    """A text figure named by a column (累计结余 142.68 亿元) that equals one of the column's parts
    restates that part, its row named in words the table does not use (职工医保 for 职工基本医疗
    保险) or elsewhere in its sentence: it is no misprint of the column's 合计."""
    return any(x is not cell and not tot and col in (c, r) and interval_of(t).intersects(interval_of(x))
               for x, c, r, tot in cells)


def _finding(idx: TextIndex, t: Figure, cell: Figure, col: str, row: str, total: bool, status: str,
             named: str | None = None, summary: bool = False) -> Finding:
    """A text figure and the table cell it restates, equal or not.  Not equal, the two are one fact
    misprinted once (an error) when they are one misprint apart and the text dates its figure
    itself; the opening summary's figure, paired with a 合计 by its misprint alone, is an error
    only when it is dated and the misprint decisive (two digits swapped), else a warning."""
    what = "" if _plain(col) else core(col)
    where = f"表中“{named}”{what}" if named else f"表中“{'' if total else core(row)}{what}”{'合计' if total else ''}"
    c = Candidate(code="GW125", kind="same", whole=(t,), parts=(cell,), trigger=core(col), explicit=False)
    if status == "consistent":
        return make(c, idx, "consistent", "info", f"正文 {lit(t)} 与{where} {lit(cell)} 一致", [t, cell],
                    lit(cell), lit(t))
    # one misprint apart, the text dating its figure itself: the cell restated, misprinted once
    # (a decisive misprint — two digits swapped, 万 dropped: 3.71 吨 / 3.71 万吨 — whether dated or not)
    slip = one_misprint_apart(t, cell)
    if t.period_inferred and not decisive(slip, t, cell):
        slip = None
    # the summary, paired by its misprint, is the 合计 misprinted for certain only when the misprint
    # is decisive (41 起 / 14 起) and the text dates the summary's figure itself (全年共发生)
    sure = bool(slip) and (not summary or decisive(slip, t, cell) and not t.period_inferred)
    sev: Severity = "error" if sure else "warning"
    msg = f"正文 {lit(t)} 与{where} {lit(cell)} 不一致"
    msg += f"（{WORDS[slip]}，{'必有一处笔误' if sure else '请核对'}）" if slip else "，请核对"
    return make(c, idx, "inconsistent", sev, msg, [t, cell], lit(cell), lit(t),
                hints=("transposition",) if slip == "swap" else ("misprint",) if slip else ())
