"""Relations stated by a table's layout: 合计 rows and columns, 结余 columns and rows.

A table figure is placed in its (row, column) cell by span; a row whose first cell says 合计/
总计 is the total of the rows above it (back to the previous 小计 or the header), or — placed
first — of the rows below it when a column adds up; a column headed 合计 is the total of the
numeric columns before it, and a column headed 结余 is the difference of the two numeric columns
before it — unless the balance is a stock carried over the years (累计结余, 滚存结余: vocab
stock_words), which adds the years before.  Change and share columns, read by their headers, are
:mod:`gongwen.check.tabular.columns`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from ...extract.text.outline import match_marker
from ...figure import Figure
from ...model import Document, Table
from ..evaluation.intervals import vocab
from ..reading.relations import Candidate, summable, unit_family
from .columns import change_columns, level_columns, share_columns, share_rows, subset_columns

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
        yield from _open_subrows(texts, grid, v)
        yield from _subrows_within(texts, grid, v)
        yield from _total_columns(header, grid, v)
        yield from subset_columns(texts, grid, v)
        yield from level_columns(texts, grid)
        yield from _period_sum_columns(texts, grid, v)
        yield from _balance_columns(header, grid, v)
        yield from change_columns(texts, grid, _around(doc, table), v)
        yield from share_columns(texts, grid, v)
        yield from share_rows(texts, grid, v)
        yield from _balance_rows(texts, grid, v)
        yield from _rate_columns(header, grid, v)


def _adds(f: Figure) -> bool:
    """A cell a total row or column adds up: an amount or a count, or a measure per unit of time —
    a flow (设计规模（万立方米/日）: the plants' capacities add up to the city's; vocab
    flow_rate_periods), never a level per head (元/人)."""
    if summable(f):
        return True
    measure, _, per = f.unit.partition("/")
    return bool(measure) and "/" not in per and per in vocab()["flow_rate_periods"] and f.range_id is None


def _is_total(label: str, words: list[str]) -> bool:
    return any(w in label for w in words)


def _total_rows(texts: list[list[str]], grid: Grid, v: dict) -> Iterator[Candidate]:
    """A 合计 row sums the rows above it (up to the previous total row); rows from a 其中 row on
    are parts of the row before them, not of the total (税收收入 | 其中：增值税 | 企业所得税 | … |
    非税收入 | 合计): where such a block ends is read from the arithmetic of all columns."""
    start = 1
    for r in range(1, len(grid)):
        label = texts[r][0] if texts[r] else ""
        if not _is_total(label, v["table_total_words"]):
            continue
        rows = list(range(start, r))
        if _units_apart(grid, r, rows):
            start = r + 1  # 清理规范事业单位 | 个 | 37 … 事业编制总量 | 名 | 9846: rows of indicators, each in
            continue       # its own unit, and one of them named with 总量 — no total of the others
        if not rows:  # 合计 first, its parts below it
            yield from _leading_total(texts, grid, r, v)
            start = r + 1
            continue
        nested = _nested(texts, rows)
        if nested is not None:  # 一、收入 | 1.租金 | 2.捐赠 | 二、支出 | 合计: the top rows add up
            for parent, children in nested.items():
                yield from _sums(grid, parent, children, _label(texts, parent), "subrows", True, confirm=True)
            yield from _sums(grid, r, list(nested), label, "row", True)
            start = r + 1
            continue
        subs = [k for k in rows if _label(texts, k).startswith(tuple(v["subset_cues"]))]
        if len(subs) > 1:  # 税收收入 | 其中：… | 非税收入 | 其中：… | 合计: a block under each top row
            blocks = _blocks(grid, r, subs, rows) if subs[0] - 1 >= start else None
            for inner in blocks or ():
                if len(inner) > 1 and any(_adds_up(grid, inner[0] - 1, inner, c) for c in range(1, len(grid[r]))):
                    yield from _sums(grid, inner[0] - 1, inner, _label(texts, inner[0] - 1), "subrows", True)
            if blocks is not None:
                yield from _sums(grid, r, [k for k in rows if not any(k in b for b in blocks)], label, "row", True)
            start = r + 1
            continue
        sub = subs[0] if subs else None
        if sub is not None and sub - 1 >= start:
            block = _block_end(grid, r, sub, rows)
            if block is None:
                start = r + 1
                continue  # no reading of the 其中 block makes the columns add up: not checkable
            inner = list(range(sub, block))
            yield from _sums(grid, sub - 1, inner, texts[sub - 1][0] if texts[sub - 1] else "其中", "subrows", True)
            rows = [k for k in rows if k not in inner]
        yield from _sums(grid, r, rows, label, "row", True)
        start = r + 1


def _units_apart(grid: Grid, r: int, rows: list[int]) -> bool:
    """A column where the rows above the total row hold amounts of another unit family than the total's
    own (个 and 名 above 名): the rows are indicators each in its own unit (a 单位 column), not the
    total's parts."""
    for c in range(1, len(grid[r])):
        total = grid[r][c]
        if total is None:
            continue
        if any(c < len(grid[k]) and (x := grid[k][c]) is not None and unit_family(x.unit) != unit_family(total.unit)
               for k in rows):
            return True
    return False


def _leading_total(texts: list[list[str]], grid: Grid, r: int, v: dict) -> Iterator[Candidate]:
    """A 合计 row placed first sums the rows below it, up to the next total row; the rows below
    a total may be a selection (重点项目), so they are its parts only when the columns say so:
    the reading (where a 其中 block among them ends) for which most columns add up, if any."""
    end = next((k for k in range(r + 1, len(grid)) if _is_total(_label(texts, k), v["table_total_words"])),
               len(grid))
    rows = list(range(r + 1, end))
    subs = [k for k in rows if _label(texts, k).startswith(tuple(v["subset_cues"]))]
    if len(subs) > 1 and subs[0] > r + 1:
        # 合计 | 医院 | 其中：公立医院 | 基层医疗卫生机构 | 其中：乡镇卫生院 | 专业公共卫生机构: a block
        # under each top row, read as below a total placed last
        blocks = _blocks(grid, r, subs, rows)
        for inner in blocks or ():
            if len(inner) > 1 and any(_adds_up(grid, inner[0] - 1, inner, c) for c in range(1, len(grid[r]))):
                yield from _sums(grid, inner[0] - 1, inner, _label(texts, inner[0] - 1), "subrows", True)
        if blocks is not None:
            yield from _sums(grid, r, [k for k in rows if not any(k in b for b in blocks)], _label(texts, r),
                             "row", True)
        return
    sub = subs[0] if subs else None
    blocks = [list(range(sub, e)) for e in range(sub + 1, end + 1)] if sub is not None and sub > r + 1 else [[]]
    best: tuple[int, list[int]] | None = None
    for inner in blocks:
        outer = [k for k in rows if k not in inner]
        votes = sum(_adds_up(grid, r, outer, c) for c in range(1, len(grid[r]))) if len(outer) > 1 else 0
        if votes and (best is None or votes > best[0]):
            best = (votes, inner)
    if best is None:
        return
    inner = best[1]
    if len(inner) > 1 and any(_adds_up(grid, inner[0] - 1, inner, c) for c in range(1, len(grid[r]))):
        yield from _sums(grid, inner[0] - 1, inner, _label(texts, inner[0] - 1), "subrows", True)
    yield from _sums(grid, r, [k for k in rows if k not in inner], _label(texts, r), "row", True)


def _adds_up(grid: Grid, r: int, rows: list[int], c: int) -> bool:
    total = grid[r][c] if c < len(grid[r]) else None
    cells = [grid[k][c] if c < len(grid[k]) else None for k in rows]
    if total is None or not _adds(total) or any(x is None for x in cells):
        return False
    return _near(sum((x.value for x in cells if x is not None), Decimal(0)), total)


def _open_subrows(texts: list[list[str]], grid: Grid, v: dict) -> Iterator[Candidate]:
    """货运量 | 其中：公路货运量 | 水路货运量 | 港口吞吐量, no 合计 row below: the 其中 block sums to
    the row before it; where it ends is read from the arithmetic of all columns."""
    last_total = max((r for r in range(1, len(grid)) if _is_total(_label(texts, r), v["table_total_words"])),
                     default=0)
    for sub in range(max(2, last_total + 1), len(grid)):
        if not _label(texts, sub).startswith(tuple(v["subset_cues"])):
            continue
        best: tuple[int, int] | None = None
        for end in range(sub + 2, len(grid) + 1):
            votes = 0
            for c in range(1, len(grid[sub - 1])):
                parent = grid[sub - 1][c]
                cells = [grid[k][c] if c < len(grid[k]) else None for k in range(sub, end)]
                if parent is None or not summable(parent) or any(x is None for x in cells):
                    continue
                votes += _near(sum((x.value for x in cells if x is not None), Decimal(0)), parent)
            if votes and (best is None or votes > best[0]):
                best = (votes, end)
        if best is not None:
            yield from _sums(grid, sub - 1, list(range(sub, best[1])), _label(texts, sub - 1), "subrows", True)


def _subrows_within(texts: list[list[str]], grid: Grid, v: dict) -> Iterator[Candidate]:
    """企业 | 其中：私营企业 | 个体工商户 …: the row a 其中 opens is a part of the row before it, in
    every column of amounts or counts (a column of changes excepted: a part may grow more than its
    whole), whatever the rows after it are (the block may go on, or end with it).  A selection,
    so no more than its parent; kept where it holds (the sums the blocks make are read apart)."""
    header = texts[0] if texts else []
    cues = tuple(v["subset_cues"])
    for k in range(2, len(grid)):
        label, parent = _label(texts, k), _label(texts, k - 1)
        if not label.startswith(cues) or parent.startswith(cues) or _is_total(parent, v["table_total_words"]):
            continue
        for c in range(1, min(len(grid[k]), len(grid[k - 1]))):
            whole, part = grid[k - 1][c], grid[k][c]
            if whole is None or part is None or not summable(whole) or part.unit != whole.unit \
                    or (c < len(header) and _derived(header[c], v)):
                continue
            cue = next(w for w in cues if label.startswith(w))
            yield Candidate(code="GW108", kind="subset", whole=(whole,), parts=(part,), trigger=cue,
                            exhaustive=False, params={"labels": [label], "subset_cue": cue,
                                                      "table": "subrows", "confirm_only": True})


def _nested(texts: list[list[str]], rows: list[int]) -> dict[int, list[int]] | None:
    """Rows numbered at two levels (一、… | 1.… | 2.… | 二、…), each top row with the rows numbered
    below it; None unless every row is numbered and the first family opens first (the levels come
    from the order the families open, as in the outline)."""
    families = []
    for k in rows:
        m = match_marker(_label(texts, k))
        if m is None:
            return None
        families.append(m.family.name)
    top = families[0] if families else None
    if top is None or len(set(families)) < 2:
        return None
    out: dict[int, list[int]] = {}
    for k, fam in zip(rows, families):
        if fam == top:
            out[k] = []
        else:
            out[max(out)].append(k)
    return out


def _label(texts: list[list[str]], k: int) -> str:
    return texts[k][0].strip() if texts[k] else ""


def _sums(grid: Grid, r: int, rows: list[int], label: str, kind: str, exhaustive: bool,
          confirm: bool = False) -> Iterator[Candidate]:
    """Row ``r`` as the sum of ``rows`` in every column; with ``confirm`` kept only where it holds
    (numbered sub-items may list only the main ones)."""
    for c in range(1, len(grid[r])):
        total = grid[r][c]
        parts = [grid[k][c] if c < len(grid[k]) else None for k in rows]
        if total is None or not _adds(total) or len(parts) < 2 or any(p is None for p in parts):
            continue
        yield Candidate(code="GW102", kind="sum", whole=(total,), parts=tuple(p for p in parts if p),
                        trigger=label, exhaustive=exhaustive,
                        params={"table": kind, **({"confirm_only": True} if confirm else {})})


def _block_end(grid: Grid, r: int, sub: int, rows: list[int]) -> int | None:
    """The row after the last part of the 其中 block starting at ``sub``: the end for which most
    summable columns add up, both the block to its parent and the rest to the total — or, for a
    block of the one 其中 row (医院 | 其中：公立医院 | 基层医疗卫生机构 …), a selection of its parent no
    larger than it, the rest alone adding up to the total."""
    best: tuple[int, int] | None = None
    for end in range(sub + 1, rows[-1] + 2):
        inner = list(range(sub, end))
        outer = [k for k in rows if k not in inner]
        votes = 0
        for c in range(1, len(grid[r])):
            total, parent = grid[r][c], grid[sub - 1][c] if c < len(grid[sub - 1]) else None
            cells = [grid[k][c] if c < len(grid[k]) else None for k in rows]
            if total is None or parent is None or any(x is None for x in cells) or not summable(total):
                continue
            col = {k: x.value for k, x in zip(rows, cells) if x is not None}
            part_sum = sum((col[k] for k in inner), Decimal(0))
            out_sum = sum((col[k] for k in outer), Decimal(0))
            held = _near(part_sum, parent) if len(inner) > 1 else part_sum <= parent.value
            votes += held and _near(out_sum, total)
        if votes and (best is None or votes > best[0]):
            best = (votes, end)
    return best[1] if best else None


def _blocks(grid: Grid, r: int, subs: list[int], rows: list[int]) -> list[list[int]] | None:
    """Where each of several 其中 blocks ends (a selection of its top row's parts, so no larger
    than it): the one reading for which most summable columns have the top rows add up to the
    total ``r``; None when no reading does, or two do as well."""
    limits = [*(k - 1 for k in subs[1:]), rows[-1] + 1]  # a block ends before the next one's top row
    readings: list[list[list[int]]] = [[]]
    for sub, limit in zip(subs, limits):
        readings = [[*rd, list(range(sub, e))] for rd in readings for e in range(sub + 1, limit + 1)]
    scored: list[tuple[int, list[list[int]]]] = []
    for rd in readings:
        outer = [k for k in rows if not any(k in b for b in rd)]
        votes = 0
        for c in range(1, len(grid[r])):
            if not _adds_up(grid, r, outer, c):
                continue
            votes += all(_within(grid, b[0] - 1, b, c) for b in rd)
        if votes:
            scored.append((votes, rd))
    best = max((n for n, _ in scored), default=0)
    top = [rd for n, rd in scored if n == best]
    return top[0] if len(top) == 1 else None


def _within(grid: Grid, parent: int, rows: list[int], c: int) -> bool:
    """The cells of ``rows`` in column ``c`` add up to no more than the parent row's."""
    total = grid[parent][c] if c < len(grid[parent]) else None
    cells = [grid[k][c] if c < len(grid[k]) else None for k in rows]
    if total is None or any(x is None for x in cells):
        return False
    return sum((x.value for x in cells if x is not None), Decimal(0)) <= total.value + total.quantum


def _near(a: Decimal, f: Figure) -> bool:
    """Equal within the printed precision of ``f`` (one unit of its last digit)."""
    return abs(a - f.value) <= f.quantum


def _total_columns(header: list[str], grid: Grid, v: dict) -> Iterator[Candidate]:
    for c, h in enumerate(header):
        if c == 0 or not _is_total(h, v["table_total_words"]):
            continue
        if c == 1:  # 合计 | 东片 | 西片: placed first, the total of the columns after it
            yield from _leading_total_column(header, grid, v)
            continue
        for row in grid[1:]:
            total = row[c] if c < len(row) else None
            parts = [x for x in row[1:c]]
            if total is None or not _adds(total) or len(parts) < 2 or any(p is None for p in parts):
                continue
            yield Candidate(code="GW102", kind="sum", whole=(total,), parts=tuple(p for p in parts if p),
                            trigger=h, exhaustive=True, params={"table": "column"})


def _leading_total_column(header: list[str], grid: Grid, v: dict) -> Iterator[Candidate]:
    """A 合计 column placed first sums the run of level columns after it (合计 | 东片 | 西片) —
    when they are its parts: no 其中 column among them (a selection), and the rows say so, at
    least half of them adding up."""
    parts: list[int] = []
    for k in range(2, len(header)):
        if header[k].strip().startswith(tuple(v["subset_cues"])):
            return  # 合计 | 其中：城镇 | …: a selection
        if _derived(header[k], v):
            break
        parts.append(k)
    rows: list[tuple[Figure, list[Figure]]] = []
    for row in grid[1:]:
        total = row[1] if len(row) > 1 else None
        cells = [x for x in (row[k] if k < len(row) else None for k in parts) if x is not None]
        if total is not None and summable(total) and len(cells) == len(parts) > 1:
            rows.append((total, cells))
    holds = sum(_near(sum((x.value for x in cells), Decimal(0)), total) for total, cells in rows)
    if not holds or 2 * holds < len(rows):
        return
    for total, cells in rows:
        yield Candidate(code="GW102", kind="sum", whole=(total,), parts=tuple(cells), trigger=header[1],
                        exhaustive=True, params={"table": "column"})


def _derived(header: str, v: dict) -> bool:
    return _is_total(header, [*v["table_change_words"], *v["table_balance_words"], *v["rate_words"],
                              *v["table_total_words"], *v["per_unit_words"]])


_NUMERAL = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_QUARTER = re.compile(r"(?<![前上下])第?([一二三四1-4])季度")
_MONTHS = re.compile(r"(?<!\d)(1[0-2]|[1-9])(?:月份?)?\s*[-－—–~～至到]\s*(1[0-2]|[1-9])月")
_MONTH = re.compile(r"(?<![\d\-－—–~～至到])(1[0-2]|[1-9])月(?!份?\s*[-－—–~～至到])")
_HALVES = {"上半年": (1, 6), "下半年": (7, 12), "前三季度": (1, 9), "全年": (1, 12)}


def months(header: str, v: dict) -> tuple[str, int, int] | None:
    """The months a column of a flow covers — (year or "", first month, last month) — from its
    header (2025年一季度 → ("2025", 1, 3), 上半年 → ("", 1, 6), 1-6月, 7月); None for a moment
    (一季度末, 6月底: vocab moment_words), an average, a rate or a change, or no period.

    >>> v = {"moment_words": ["末"], "per_unit_words": ["月均"], "rate_words": ["率"], "table_change_words": ["增速"]}
    >>> months("2025年二季度", v), months("1-6月", v), months("上半年", v), months("6月末", v)
    (('2025', 4, 6), ('', 1, 6), ('', 1, 6), None)
    """
    if _is_total(header, [*v["moment_words"], *v["per_unit_words"], *v["rate_words"], *v["table_change_words"]]):
        return None
    year = m.group(1) if (m := re.search(r"((?:19|20)\d\d)年", header)) else ""
    found = [(a, b) for w, (a, b) in _HALVES.items() if w in header]
    found += [(3 * _NUMERAL[m.group(1)] - 2, 3 * _NUMERAL[m.group(1)]) for m in _QUARTER.finditer(header)]
    found += [(int(m.group(1)), int(m.group(2))) for m in _MONTHS.finditer(header)]
    found += [(int(m.group(1)), int(m.group(1))) for m in _MONTH.finditer(header)]
    if len(found) != 1 or found[0][0] > found[0][1]:
        return None
    return year, *found[0]


def _period_sum_columns(texts: list[list[str]], grid: Grid, v: dict) -> Iterator[Candidate]:
    """A column of a period made of the periods of the columns before it (一季度 | 二季度 | 上半年;
    1月 | 2月 | 3月 | 一季度) is their sum in every row of a flow — never a row of a stock (年末,
    累计: its value at the period's end) or an average, named so or no larger than its parts: such
    a row is checked only when it holds."""
    header = texts[0]
    spans = {c: months(h, v) for c, h in enumerate(header) if c > 0}
    for c, span in spans.items():
        if span is None:
            continue
        inner = [k for k in range(1, c) if (x := spans[k]) is not None and x[1] >= span[1] and x[2] <= span[2]
                 and x[0] in ("", span[0]) and (x[1], x[2]) != (span[1], span[2])]
        ordered = sorted(inner, key=lambda k: spans[k][1])  # type: ignore[index]
        cover = [spans[k][1:] for k in ordered]  # type: ignore[index]
        if len(ordered) < 2 or cover[0][0] != span[1] or cover[-1][1] != span[2] or \
                any(b[0] != a[1] + 1 for a, b in zip(cover, cover[1:])):
            continue  # the columns do not tile the period once: 一季度 | 上半年 | 二季度 …
        for r in range(1, len(grid)):
            row, label = grid[r], _label(texts, r)
            total = row[c] if c < len(row) else None
            parts = [row[k] for k in ordered]
            if total is None or not summable(total) or any(p is None or p.unit != total.unit for p in parts):
                continue
            # a value within its parts' range is a stock or an average (参保人数: 上半年 = 二季度末)
            stock = _is_total(label, [*v["moment_words"], *v["stock_words"], *v["per_unit_words"]]) or \
                not all(p.value > 0 for p in parts if p) or total.value <= max(p.value for p in parts if p)
            yield Candidate(code="GW102", kind="sum", whole=(total,), parts=tuple(p for p in parts if p),
                            trigger=header[c], exhaustive=True,
                            params={"table": "column", **({"confirm_only": True} if stock else {})})


def _balance_columns(header: list[str], grid: Grid, v: dict) -> Iterator[Candidate]:
    """收入 | 支出 | 结余: the balance column is the difference of the two columns before it."""
    for c, h in enumerate(header):
        if c < 3 or not _is_total(h, v["table_balance_words"]) or _is_total(h, v["stock_words"]):
            continue  # 累计结余 carries the years before: 上年累计结余 + 收入 − 支出, not 收入 − 支出
        for row in grid[1:]:
            if c >= len(row):
                continue
            a, b, d = row[c - 2], row[c - 1], row[c]
            if a is None or b is None or d is None or len({a.unit, b.unit, d.unit}) != 1:
                continue
            yield Candidate(code="GW104", kind="diff", whole=(a,), parts=(b, d), trigger=h,
                            params={"sign": 1, "table": "difference", "verb": h})


def _around(doc: Document, table: Table) -> str:
    """The line before a table (its caption) and the line after it (a 注), where a table says how
    its columns were computed (增速按可比价计算)."""
    text = doc.text
    start = text.rfind("\n", 0, max(table.span.start - 1, 0)) + 1
    end = text.find("\n", table.span.end + 1)
    return text[start:table.span.start] + text[table.span.end:end if end >= 0 else len(text)]


def _balance_rows(texts: list[list[str]], grid: Grid, v: dict) -> Iterator[Candidate]:
    """A 结余 row after a 收入 row and a 支出 row (a table with the flows as rows and the funds as
    columns): income − spending = balance in every column."""
    for r in range(3, len(grid)):
        label = texts[r][0] if r < len(texts) and texts[r] else ""
        above = [texts[k][0] if k < len(texts) and texts[k] else "" for k in (r - 2, r - 1)]
        if not _is_total(label, v["table_balance_words"]) or _is_total(label, v["stock_words"]) or \
                any(_is_total(x, [*v["table_balance_words"], *v["table_total_words"]]) for x in above):
            continue  # 年末累计结余 after 当期结余 is no income − spending
        for c in range(1, len(grid[r])):
            a = grid[r - 2][c] if c < len(grid[r - 2]) else None
            b = grid[r - 1][c] if c < len(grid[r - 1]) else None
            d = grid[r][c]
            if a is None or b is None or d is None or len({a.unit, b.unit, d.unit}) != 1 or not summable(d):
                continue
            yield Candidate(code="GW104", kind="diff", whole=(a,), parts=(b, d), trigger=label,
                            params={"sign": 1, "table": "difference", "verb": label})


def _bare(header: str) -> str:
    """A column header without its unit in brackets (在校学生数（人） → 在校学生数)."""
    return re.sub(r"[（(][^）)]*[）)]\s*$", "", header.strip()).strip()


def _rate_columns(header: list[str], grid: Grid, v: dict) -> Iterator[Candidate]:
    """A rate column beside two count columns of its row (抽检批次 | 不合格批次 | 合格率): the rate
    is the named part over the whole (合格 named in 合格率), or its complement when the other
    column is the negative of the rate's name (不合格批次 for 合格率)."""
    for c, h in enumerate(header):
        stem = next((h.split(w)[0] for w in [*v["rate_words"], *v["table_progress_words"]] if w in h), "")
        if c == 0 or len(stem) < 2:
            continue
        # the count columns of the rate's period: 上年完成 beside 完成 | 完成率 is last year's
        previous = _is_total(h, v["table_previous_words"])
        counts = [k for k in range(1, len(header)) if k != c and "率" not in header[k]
                  and not _is_total(header[k], v["table_change_words"])
                  and _is_total(header[k], v["table_previous_words"]) == previous]
        neg = [k for k in counts if any(header[k].startswith(n + stem) for n in v["negative_words"])]
        part = [k for k in counts if k not in neg and stem in header[k]]
        whole = [k for k in counts if k not in neg and k not in part]
        if not neg and not part and len(whole) == 2:
            # 断面数 | 达到或优于Ⅲ类断面数 | 达标率: the part's name is the whole's, qualified
            a, b = (_bare(header[k]) for k in whole)
            if a != b and (a.endswith(b) or b.endswith(a)) and min(len(a), len(b)) >= 2:
                part, whole = ([whole[0]], [whole[1]]) if a.endswith(b) else ([whole[1]], [whole[0]])
        if len(whole) == 1 and len(part) > 1:  # 2025年目标 | 2025年完成 | 完成率 | 2024年完成: the whole's year
            year = re.findall(r"(?:19|20)\d\d", header[whole[0]])
            part = [k for k in part if year and re.findall(r"(?:19|20)\d\d", header[k]) == year]
        if len(whole) != 1 or len(neg) + len(part) != 1:
            continue
        k = (neg or part)[0]
        # 年度目标 | 完成 | 完成率: a target column holds values that were set, not measured, so its
        # printed value is exact (as 完成年度目标 45 万平方米的 114.0% in a sentence: completions.py)
        target = not neg and _is_total(header[whole[0]], v["completion_cues"])
        for row in grid[1:]:
            if max(c, k, whole[0]) >= len(row):
                continue
            rate, p, w = row[c], row[k], row[whole[0]]
            if rate is None or p is None or w is None or rate.unit != "%" or p.unit != w.unit:
                continue
            yield Candidate(code="GW107", kind="share", whole=(rate,), parts=(p, w), trigger=h, explicit=True,
                            params={"complete": True, "complement": bool(neg), "table": "rate",
                                    **({"exact_whole": True} if target else {})})
