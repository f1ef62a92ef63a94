"""A table of indicator rows by year columns restated in the text (城镇新增就业(万人) | 2024年完成
5.12 | 2025年目标 5): a text figure of the row's indicator, the column's year and kind is the same
fact, as is the old value of a change stated in the text for the column of the year before; a
合计 row by years restated beside the table.  The verdicts (:func:`.restated._finding`) are those
of a table figure restated by its column and row (:mod:`.restated`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher

from ...figure import Figure
from ...model import Document
from ..evaluation.findings import Finding
from ..evaluation.intervals import interval_of, vocab
from ..evaluation.slips import one_misprint_apart, telling
from ..growth.changes import previous_figure
from ..reading.mentions import respective_level
from ..reading.relations import abbreviates, fact_kind
from ..reading.textindex import TextIndex
from ..tabular.tables import _grid
from .facts import core
from .restated import _finding, _flow_of_stock, _list_head, _undated

_YEAR = re.compile(r"(\d{4})年")


def _period_column(header: str) -> tuple[str, str] | None:
    """(year, kind) of a column named by a period (2024年完成 → 2024, actual; 2025年目标 → 2025,
    target): a table whose rows are indicators and whose columns are years.  A column dated
    without a year (1-6月完成, 年度目标, 年末实有) has the year "": its cells' own period.

    >>> _period_column("2025年目标"), _period_column("1-6月完成"), _period_column("年度目标")
    (('2025', 'target'), ('', 'actual'), ('', 'target'))
    >>> _period_column("完成率（%）") is None
    True
    """
    v = vocab()
    plan = any(w in header for w in (*v["completion_cues"], *v["plan_column_words"]))
    kind = "target" if plan else "actual"
    m = _YEAR.search(header)
    if m is not None:
        return m.group(1), kind
    if _undated(header) != header or any(w in header for w in v["annual_words"]) or _kind_only(header):
        return "", kind
    return None


def _kind_only(header: str) -> bool:
    """A column named by its kind alone (年度目标 | 完成 | 完成率: 完成, 实际完成, 目标): its cells are
    the row's figures of the report's own period, which the header does not date.

    >>> _kind_only("完成"), _kind_only("实际完成（万元）"), _kind_only("完成率（%）"), _kind_only("完成投资")
    (True, True, False, False)
    """
    return core(header) in vocab()["kind_columns"]


def restated_period_tables(doc: Document, idx: TextIndex, figures: list[Figure]) -> Iterator[Finding]:
    """Indicator rows by year columns (城镇新增就业(万人) | 2024年完成 5.12 | 2025年目标 5): a text
    figure of the row's indicator, the column's year and kind is the same fact; so is the old
    value of a change stated in the text (由上年的 86.4 万人提高到 88.5 万人) for the column of
    the year before."""
    tfigs = [f for f in figures if f.source == "table"]
    per = vocab()["per_unit_words"]
    said = [f for f in idx.figures if f.source != "table" and f.range_id is None and f.kind != "change"]
    per_of = {id(f): [w for w in per if w in idx.clause_before(f) + f.as_written] for f in said}
    plain = [f for f in said if not per_of[id(f)]]  # 日均客运量 is no total
    for table in doc.tables:
        texts, grid = _grid(doc, table, tfigs)
        if len(grid) < 2:
            continue
        cols = {c: _period_column(h) for c, h in enumerate(texts[0]) if c > 0}
        if not any(cols.values()):
            continue
        rows = [_row_name(texts[r][0]) for r in range(1, len(grid)) if texts[r]]
        changes = [c for c, h in enumerate(texts[0]) if c > 0 and cols.get(c) is None
                   and any(w in h for w in vocab()["table_change_words"])]
        for r in range(1, len(grid)):
            name = core(texts[r][0]) if texts[r] else ""
            # a level per head restates a row named per head too (人均体育场地面积（平方米） | 2.93)
            text_figs = plain + [f for f in said if per_of[id(f)] and texts[r]
                                    and all(w in texts[r][0] for w in per_of[id(f)])]
            if texts[r] and any(w in texts[r][0] for w in vocab()["table_total_words"]):
                yield from _restated_totals(idx, texts[0], grid[r], cols, text_figs)
                continue
            if len(name) < 2:
                continue
            for c in changes:
                if c < len(grid[r]) and (cell := grid[r][c]) is not None:
                    yield from _restated_row_change(idx, cell, texts[0][c], texts[r][0], rows)
            for c, cell in enumerate(grid[r]):
                col = cols.get(c)
                if cell is None or col is None:
                    continue
                year, kind = col
                if not year:
                    yield from _restated_dated(idx, cell, texts[0][c], texts[r][0], kind, text_figs, rows)
                    continue
                pairs = []
                # a table with a column of changes (2026年完成 | 2027年目标 | 增减): new things (新命名基地 6 个) are
                # that column's, not a level's
                # — and so are they in a table without one when the row counts what there is (党史教育基地 |
                # 14 | 17 for 新认定基地 3 个，总数达到 17 个), its name no new things (新增就业 | 5000 | 5200)
                levels = bool(changes) or not any(w in texts[r][0] for w in vocab()["new_words"])
                for t in text_figs:
                    if t.unit != cell.unit or name not in idx.clause_before(t, 40, list_items=True) \
                            or _flow_of_stock(idx, t, texts[0][c], levels):
                        continue
                    if fact_kind(idx, t) == kind and (t.period or "")[:4] == year \
                            and not _other_rows_value(grid, r, c, t, cell):
                        pairs.append(t)
                    prev = previous_figure(idx, t)
                    if prev is not None and kind == "actual" and t.period and str(int(t.period[:4]) - 1) == year:
                        pairs.append(prev)
                # 全年共发生各类生产安全事故 38 起 for 生产安全事故起数（起）| 2025年 38: looser readings
                # confirm equal figures, beside the figures named by the row's very name or not
                loose = [t for t in text_figs if t.unit == cell.unit and fact_kind(idx, t) == kind
                         and (t.period or "")[:4] == year and _equal(t, cell) and t not in pairs
                         and not _flow_of_stock(idx, t, texts[0][c], levels)
                         and (_said_loosely(idx, t, texts[r][0], rows, cell.unit)
                              or _said_otherwise(idx, t, texts[r][0], rows, cell.unit)
                              or _said_by_word(idx, t, texts[r][0], rows, cell.unit)
                              and _alone(t, cell, text_figs, kind, year))]
                yield from _row_verdicts(idx, pairs, cell, texts[0][c], texts[r][0], name, misprint_only=False,
                                         confirmed=loose)


def _other_rows_value(grid: list[list[Figure | None]], r: int, c: int, t: Figure, cell: Figure) -> bool:
    """``t`` is not ``cell``'s value but that of another row's cell in its column (接待外国政府、友城和经贸
    代表团来访 46 个 beside 友城总数 | 17 and 接待来访团组 | 46): the other row's restatement, whatever
    words of this row its clause holds."""
    if _equal(t, cell):
        return False
    return any(k != r and c < len(row) and (x := row[c]) is not None and x.unit == t.unit and x.bound is None
               and x.value == t.value for k, row in enumerate(grid) if k > 0)  # (60 以内 holds every lower value)


def _row_name(label: str) -> str:
    """A row's name without the cue that puts it under the row before (其中：私营企业 → 私营企业).

    >>> _row_name("其中：私营企业（户）"), _row_name("保障性租赁住房筹集（套）")
    ('私营企业', '保障性租赁住房筹集')
    """
    name = core(label)
    for cue in vocab()["subset_cues"]:
        if name.startswith(cue):
            return core(name[len(cue):].lstrip("：:，, "))
    return name


def _row_named(name: str, clause: str, rows: list[str]) -> bool:
    """An indicator row is named in a text figure's clause: by its name, or by its two words the
    other way round (保障性租赁住房筹集 → 筹集保障性租赁住房), and no other row is named there
    unless within it (老旧小区改造 and 改造).

    >>> _row_named("保障性租赁住房筹集", "上半年筹集保障性租赁住房", [])
    True
    >>> _row_named("企业", "新登记私营企业", ["企业", "私营企业"])
    False
    """
    if len(name) < 2:
        return False
    said = name in clause or any(name[i:] + name[:i] in clause for i in range(2, len(name) - 1))
    return said and not any(r != name and len(r) >= 2 and r in clause and r not in name for r in rows)


def _row_said(name: str, clause: str, rows: list[str], unit: str) -> bool:
    """A looser naming of an indicator row, kept only where the values agree: the row's name
    without the count its unit makes of it (生产安全事故起数 counted in 起 → 生产安全事故; 事故死亡人数
    → 事故死亡), said whole or with words between its head and tail (全年全市共发生各类生产安全事故;
    科技型中小企业评价入库 for 科技型中小企业入库), no other row named there unless within it.

    >>> _row_said("生产安全事故起数", "全年共发生各类生产安全事故", [], "起")
    True
    >>> _row_said("科技型中小企业入库", "科技型中小企业评价入库", [], "家")
    True
    >>> _row_said("生产安全事故起数", "全年共发生各类生产安全事故", ["生产安全事故起数", "各类"], "起")
    False
    """
    stem = _uncounted(name, unit)
    if len(_CJK.findall(stem)) < 4:
        return False
    said = stem in clause or abbreviates(stem, clause)
    return said and not any(r != name and len(r) >= 2 and r in clause and r not in name for r in rows)


def _uncounted(name: str, unit: str) -> str:
    """A row's name without the count its unit makes of it (生产安全事故起数 counted in 起 → 生产安全
    事故), four characters left at least.

    >>> _uncounted("生产安全事故起数", "起"), _uncounted("湿地巡护人数", "人"), _uncounted("死亡人数", "人")
    ('生产安全事故', '湿地巡护', '死亡人数')
    """
    for tail in (f"{unit}数", unit) if unit else ():
        if name.endswith(tail) and len(name) - len(tail) >= 4:
            return name[: -len(tail)]
    return name


def _run(name: str, words: str) -> int:
    """The Chinese characters of the longest run a row's name and a text's words share.

    >>> _run("湿地巡护里程", "1-9月全县护林员沿湿地巡护"), _run("候鸟救护放飞", "沿湿地巡护")
    (4, 1)
    """
    m = SequenceMatcher(None, name, words, autojunk=False).find_longest_match(0, len(name), 0, len(words))
    return len(_CJK.findall(name[m.a:m.a + m.size]))


def _said_otherwise(idx: TextIndex, t: Figure, label: str, rows: list[str], unit: str) -> bool:
    """The loosest naming of an indicator row, kept only where the values agree: the text says what
    the row counts in words of its own around one run of four characters of the row's name
    (湿地巡护里程（公里） for 1-9月全县护林员沿湿地巡护 3860 公里; 苗木补植面积（亩） | 年度目标 for
    确保年度 1200 亩苗木补植任务), a run no other row of the table shares as long.  The words are the
    figure's clause (its item of a 、-list, then the list's) with the words right after it, else its
    sentence before it (全年林下经济经营主体达到 126 家，实现总产值 9.5 亿元 names 林下经济产值): the
    nearest words that name one row decide."""
    after = idx.words_after(t)
    return _named_otherwise(label, rows, unit, (idx.clause_before(t, 40, list_items=True) + after,
                                                idx.clause_before(_list_head(idx, t), 40, list_items=True) + after,
                                                idx.back_to(t.span.start, "。！？", 80) + after))


def _changed_otherwise(idx: TextIndex, t: Figure, label: str, rows: list[str], unit: str) -> bool:
    """A change named as :func:`_said_otherwise` names a level: by the words of the figure it is
    stated with (全年组织防火巡查 4630 人次，同比增长 10.2% for 森林防火巡查（人次） | 增长 10.2), else
    by its sentence before it."""
    return _named_otherwise(label, rows, unit, (_change_clause(idx, t, rows), idx.back_to(t.span.start, "。！？", 80)))


def _named_otherwise(label: str, rows: list[str], unit: str, texts: tuple[str, ...]) -> bool:
    """The first of ``texts`` that shares a run of four characters with the row's name decides:
    named when no other row shares as long a run with it."""
    name = _row_name(label)
    own = _uncounted(name, unit)
    others = [_uncounted(r, unit) for r in rows if r not in (name, core(label))]
    for words in texts:
        run = _run(own, words)
        if run >= 4:
            return all(_run(r, words) < run for r in others)
    return False


def _said_loosely(idx: TextIndex, t: Figure, label: str, rows: list[str], unit: str) -> bool:
    """A row named loosely (:func:`_row_said`) by a text figure's words: the clause of the 、-list it
    ends, alone or followed by the figure's own words (全年共发生火灾 52 起、死亡 3 人: 死亡 after the
    list's 发生火灾 names 火灾死亡人数), the row's name with or without the cue that puts it under the
    row before (其中：线上销售额 → 线上销售额)."""
    head = _list_head(idx, t)
    clause = idx.clause_before(head, 40, list_items=True)
    clauses = [clause] if head is t else [clause, clause + idx.label_before(t, 12)]
    names = dict.fromkeys((core(label), _row_name(label)))
    return any(_row_said(n, c, rows, unit) or n != core(label) and _row_named(n, c, rows)
               for n in names for c in clauses)


def _said_by_word(idx: TextIndex, t: Figure, label: str, rows: list[str], unit: str) -> bool:
    """The loosest naming of all, kept only where the values agree (as its callers do): the text figure's
    clause holds a two-character word of the row's name that no other row's name holds (史料征集 | 1500
    for 2027年计划征集各类党史资料1500件: 征集; 口述史采访 | 38 for 采访党史亲历者38人: 采访)."""
    name = _uncounted(core(label), unit)
    clause = idx.clause_before(t, 40, list_items=True)
    words = {name[i:i + 2] for i in range(len(name) - 1) if len(_CJK.findall(name[i:i + 2])) == 2}
    hit = [w for w in words if w in clause]
    return bool(hit) and not any(r != core(label) and any(w in r for w in hit) for r in rows)


def _alone(t: Figure, cell: Figure, text_figs: list[Figure], kind: str, year: str) -> bool:
    """``t`` is the only text figure of the cell's unit, year and value: a value the text states twice (巡诊
    2,683 人次 for the clinic and again for the schools) tells no cell by a word alone."""
    return not any(g is not t and g.unit == cell.unit and (g.period or "")[:4] == year and g.kind == t.kind
                   and _equal(g, cell) for g in text_figs)


def _equal(t: Figure, cell: Figure) -> bool:
    return interval_of(t).intersects(interval_of(cell))


_CJK = re.compile(r"[\u4e00-\u9fff]")
_BRACKET = re.compile(r"[（(]([^）)]+)[）)]")  # the unit a row label states: 生产安全事故起数（起）


def _restated_dated(idx: TextIndex, cell: Figure, header: str, label: str, kind: str, text_figs: list[Figure],
                    rows: list[str]) -> Iterator[Finding]:
    """An indicator row's cell of a column dated without a year (老旧小区改造（户） | 1-6月完成
    7,182; 保障性租赁住房筹集（套） | 年度目标 3,500): a text figure of the row's name, the
    cell's period and the column's kind (上半年筹集保障性租赁住房 2,065 套; 确保全年筹集保障性
    租赁住房 3,500 套) restates it.  Equal, it is verified; the only one so named, a telling
    misprint away (7,128 户 for 7,182), it is reported; any other value may be another quantity of
    the row (开工 and 完成), so nothing is said."""
    v, name = vocab(), _row_name(label)
    if not cell.period or any(w in label for w in v["table_total_words"]):
        return
    if _kind_only(header):
        # no date in the header: the cell's period is the report's, which the extractor may read from
        # words near the table (年初下达的指标); a figure of the row and year that agrees is the cell
        pairs = [t for t in text_figs if t.unit == cell.unit and (t.period or "")[:4] == cell.period[:4]
                 and fact_kind(idx, t) == kind and _equal(t, cell) and not _flow_of_stock(idx, t, header)
                 and (_row_named(name, idx.clause_before(_list_head(idx, t), 40, list_items=True), rows)
                      or _said_loosely(idx, t, label, rows, cell.unit)
                      or _said_otherwise(idx, t, label, rows, cell.unit))]
        yield from _row_verdicts(idx, pairs, cell, header, label, name, misprint_only=True)
        return
    # a column named by the year's words (年度目标, 全年计划) is of the year whatever the report's period
    period = cell.period[:4] if any(w in header for w in v["annual_words"]) else cell.period
    pairs = [t for t in text_figs if t.unit == cell.unit and t.period == period and fact_kind(idx, t) == kind
             and _row_named(name, idx.clause_before(_list_head(idx, t), 40, list_items=True), rows)
             and not _flow_of_stock(idx, t, header)]
    if not pairs:
        # a flow's cell (1-9月完成) is restated by its total at the span's last month too (截至 9 月底
        # 累计救护放飞候鸟 512 只): confirmed only, as every looser reading
        agree = [t for t in text_figs if t.unit == cell.unit and fact_kind(idx, t) == kind and _equal(t, cell)
                 and (t.period == period or t.period == period.split("/")[-1] and not _kind_only(header))
                 and not _flow_of_stock(idx, t, header)]
        pairs = [t for t in agree if t.period == period
                 and _row_said(name, idx.clause_before(_list_head(idx, t), 40, list_items=True), rows, cell.unit)] \
            or [t for t in agree if _said_otherwise(idx, t, label, rows, cell.unit)]
    yield from _row_verdicts(idx, pairs, cell, header, label, name, misprint_only=True)


def _restated_row_change(idx: TextIndex, cell: Figure, header: str, label: str, rows: list[str]) -> Iterator[Finding]:
    """An indicator row's cell of a change column (固定资产投资 | — | 4.8 under 比上年增长（%）)
    restated by a change of the cell's year in the text whose clause names the row (全年固定资产
    投资增长 4.8%), or the clause of the figure it is stated with (全年实现社会消费品零售总额
    118.64 亿元，比上年增长 4.9%).  Equal, it is verified; the only one so named, a telling
    misprint away, it is reported; any other value may be another measure's change."""
    name = _row_name(label)
    if not cell.period or len(name) < 2 or any(w in label for w in vocab()["table_total_words"]):
        return
    changes = [t for t in idx.figures if t.source != "table" and t.kind == "change" and t.range_id is None
               and t.unit == cell.unit and (t.period or "")[:4] == cell.period[:4]]
    pairs = [t for t in changes if _row_named(name, _change_clause(idx, t, rows), rows)]
    if not pairs:  # 生产安全事故 38 起、死亡 23 人，同比分别下降 17.4% 和 20.7% for the 增减（%） column
        unit = _BRACKET.search(label)
        counted = unit.group(1) if unit else ""
        pairs = [t for t in changes if _equal(t, cell) and _row_said(name, _change_clause(idx, t, rows), rows, counted)] \
            or [t for t in changes if _equal(t, cell) and _changed_otherwise(idx, t, label, rows, counted)]
    yield from _row_verdicts(idx, pairs, cell, header, label, name, misprint_only=True)


def _row_verdicts(idx: TextIndex, pairs: list[Figure], cell: Figure, header: str, label: str, name: str, *,
                  misprint_only: bool, confirmed: list[Figure] | None = None) -> Iterator[Finding]:
    """The text figures that restate a row's cell: every one of equal value is verified; when none is
    equal and one alone is so named, it is reported (with ``misprint_only``, only when a telling
    misprint of the cell's value explains it).  The figures of a looser reading (``confirmed``) are
    verified when equal and weigh nothing in the verdict on ``pairs``."""
    equal = [t for t in pairs if interval_of(t).intersects(interval_of(cell))]
    for t in [*equal, *(t for t in confirmed or () if t not in pairs and _equal(t, cell))]:
        yield _finding(idx, t, cell, header, label, False, "consistent", name)
    if not equal and len(pairs) == 1 and (not misprint_only
                                          or telling(one_misprint_apart(pairs[0], cell), pairs[0], cell)):
        yield _finding(idx, pairs[0], cell, header, label, False, "inconsistent", name)


def _change_clause(idx: TextIndex, t: Figure, rows: list[str]) -> str:
    """The words naming what a change is of: its own clause when it names a row (工业投资增长
    12.6%), else the clause of the figure it is stated with, before it in its sentence (实现社会
    消费品零售总额 118.64 亿元，比上年增长 4.9%)."""
    own = idx.clause_before(t, 40)
    if any(len(r) >= 2 and r in own for r in rows):
        return own
    level = respective_level(idx, t)
    if level is not None:  # 发生事故 38 起、死亡 23 人，同比分别下降 17.4% 和 20.7%: 20.7% is of 死亡 23 人
        return idx.clause_before(_list_head(idx, level), 40, list_items=True) + idx.label_before(level, 12)
    prev = idx.figure_before(t)
    if prev is None or prev.kind == "change" or any(ch in idx.between(prev.span.end, t.span.start) for ch in "。；！？"):
        return own
    return idx.clause_before(_list_head(idx, prev), 40, list_items=True)


def _restated_totals(idx: TextIndex, header: list[str], row: list[Figure | None],
                     cols: dict[int, tuple[str, str] | None], text_figs: list[Figure]) -> Iterator[Finding]:
    """The 合计 row of a table by years restated where the table stands: 全区完成一般公共预算收入 24
    亿元 beside 合计 | 234400 | 240000 (万元), 同比增长 2.4% beside its 增减% cell.  The row names
    no indicator, so only a text figure of the cell's section, unit, year and kind that agrees with
    it is taken for it (a verified restatement); another figure there may be another quantity."""
    changes = vocab()["table_change_words"]
    for c, cell in enumerate(row):
        if cell is None or c >= len(header):
            continue
        col = cols.get(c)
        if col is not None:
            year, kind = col
            cands = [t for t in text_figs if t.unit == cell.unit and t.section == cell.section
                     and fact_kind(idx, t) == kind and (t.period or "")[:4] == year]
        elif cell.unit == "%" and any(w in header[c] for w in changes):
            years = [y for y in (cols.get(k) for k in cols) if y is not None]
            cands = [t for t in idx.figures if t.source != "table" and t.kind == "change" and t.unit == "%"
                     and t.section == cell.section and (not years or (t.period or "")[:4] == years[-1][0])]
        else:
            continue
        for t in cands:
            if interval_of(t).intersects(interval_of(cell)):
                yield _finding(idx, t, cell, header[c], "合计", True, "consistent")
