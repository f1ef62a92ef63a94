"""A table's derived columns read by their headers: change columns between two periods and
share columns of the 合计 row.

A change column (增减, 增长%, 同比±%) compares the two level columns before it; which of them is
the current one is said by their headers — the later year (2024年 | 2025年), or words (本年 |
上年, 本期 | 同期: vocab table_current_words, table_previous_words) — never by their position,
since writers put the current year first as often as last.  The column's header also says what it
holds: a rate (增长%, 增速: vocab table_rate_change_words) or an amount (增减额（万元）).  When the
headers leave the order or the meaning open, every reading is tried and a row is verified only
when exactly one reading holds; it is never reported, since the reading the writer meant is not
known — unless the order is said and the column's other rows all hold in one meaning (a
difference, a growth rate): a column holds one thing.  Growth on a comparable basis (按可比价计算: vocab comparable_words, in the column's
header, the row's name or the lines around the table) is no growth of the printed amounts: it is
verified when it holds and never reported.

A share column (占比, 比重) beside an amount column is each row's amount over the 合计 row's; a
header naming another whole (占全市比重) or a sub-row (其中：…, possibly a share of its parent)
is verified only when it holds.

A column of a level per unit (亩产（公斤）: cells in 公斤/亩) is the row's amount over the row's
measure, the one column of each that its unit converts to (总产量（万吨） ÷ 播种面积（万亩）, 吨 → 公斤).

A column whose header a subset cue opens (办件量（件） | 其中：网上办件（件）) is a part of the level
column before it, row by row, as a 其中 row is of the row above it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal, InvalidOperation

from ...figure import Figure
from ..evaluation.intervals import NotCheckable, interval_of
from ..reading.relations import PCT_UNITS, Candidate, summable

Grid = list[list[Figure | None]]
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_HUNDRED = Decimal(100)


def _has(text: str, words: list[str]) -> bool:
    return any(w in text for w in words)


def _derived(header: str, v: dict) -> bool:
    """A column computed from others (a change, a balance, a rate, a total), not a level."""
    return _has(header, [*v["table_change_words"], *v["table_balance_words"], *v["rate_words"],
                         *v["table_total_words"]])


def period_rank(header: str, v: dict) -> tuple[int, int] | None:
    """How recent the period a column header names is: (year or 0, −1 previous / 1 current / 0)
    — 2025年 → (2025, 0), 上年同期 → (0, −1), 本年 → (0, 1); None when it names none.

    >>> period_rank("2024年1-6月", {"table_current_words": ["本年"], "table_previous_words": ["上年"]})
    (2024, 0)
    """
    years = [int(y) for y in _YEAR.findall(header)]
    word = -1 if _has(header, v["table_previous_words"]) else 1 if _has(header, v["table_current_words"]) else 0
    if not years and not word:
        return None
    return (max(years, default=0), word)


def current_first(a: str, b: str, v: dict) -> bool | None:
    """Whether header ``a`` names the later period of the two, ``b`` the earlier one (True), the
    reverse (False), or the headers do not say (None); a header naming no period beside one naming
    the previous period (上年, 同期) names the current one."""
    ra, rb = period_rank(a, v), period_rank(b, v)
    if ra is None and rb == (0, -1) or rb is None and ra == (0, -1):
        return ra is None  # 完成数 | 上年同期: the column beside the previous one is the current one
    if ra is None or rb is None:
        return None
    if ra[0] and rb[0] and ra[0] != rb[0]:
        return ra[0] > rb[0]
    if ra[1] != rb[1]:
        return ra[1] > rb[1]
    return None


def _header_unit(header: str) -> str:
    m = re.search(r"[（(]([^）)]*)[）)]\s*$", header)
    return m.group(1).strip() if m else ""


def _as_percent(f: Figure) -> Figure | None:
    """A change cell read as a percentage by its column's header (同比±% or 增速 whose cells took
    the row's unit): its number as printed, in %."""
    text = f.as_written.replace(",", "").replace("，", "").strip().lstrip("+＋±")
    try:
        num = Decimal(text.replace("−", "-").replace("－", "-"))
    except InvalidOperation:
        return None
    quantum = Decimal(1).scaleb(num.as_tuple().exponent)  # type: ignore[arg-type]
    return replace(f, value=num, unit="%", quantum=quantum, change=None, change_unit=None)


def _growth_holds(new: Figure, old: Figure, rate: Figure) -> bool:
    try:
        comp = ((interval_of(new) - interval_of(old)) / interval_of(old)).scale(_HUNDRED)
    except NotCheckable:
        return False
    return comp.intersects(interval_of(rate))


def _diff_holds(new: Figure, old: Figure, d: Figure) -> bool:
    return (interval_of(new) - interval_of(old)).intersects(interval_of(d))


def _growth(new: Figure, old: Figure, rate: Figure, h: str) -> Candidate:
    return Candidate(code="GW105", kind="growth", whole=(new,), parts=(old, replace(rate, value=abs(rate.value))),
                     trigger=h, params={"sign": 1 if rate.value >= 0 else -1, "unit": "%", "table": "growth"})


def _diff(new: Figure, old: Figure, d: Figure, h: str) -> Candidate:
    return Candidate(code="GW104", kind="diff", whole=(new,), parts=(old, d), trigger=h,
                     params={"sign": 1, "table": "difference", "verb": h})


def change_columns(texts: list[list[str]], grid: Grid, around: str, v: dict) -> Iterator[Candidate]:
    """Every row of every change column, against the two level columns it compares; ``around``
    is the text beside the table (its caption and note)."""
    header = texts[0]
    for c, h in enumerate(header):
        if c < 3 or not _has(h, v["table_change_words"]) or _has(h, v["table_balance_words"]):
            continue
        levels = _levels(header, c, v)
        if len(levels) < 2:  # 目标 | 完成 | 完成率 | 上年完成 | 同比: the two periods done, wherever they stand
            levels = _done_periods(header, c, v)
        if len(levels) < 2:
            continue
        a, b = levels[-2:]
        first = current_first(header[a], header[b], v)
        # 2023年 | 2024年 | 2025年 | 年均增长%: not the change between the last two columns
        sure = first is not None and len(levels) == 2 and not _has(h, v["per_unit_words"])
        orders = [(b, a), (a, b)] if first is None else [(a, b)] if first else [(b, a)]
        unit = _header_unit(h)
        rate_col = _has(h, v["table_rate_change_words"])
        amount_col = not rate_col and (bool(unit) or _has(h, v["table_amount_change_words"]))  # 增减（万元）
        comparable = _has(h + around, v["comparable_words"])  # 元 amounts have a price to deflate
        rows: list[tuple[bool, str, list[tuple[Candidate, bool]]]] = []
        for r in range(1, len(grid)):
            row = grid[r]
            if max(a, b, c) >= len(row) or not texts[r]:
                continue
            d, x, y = row[c], row[a], row[b]
            if d is None or x is None or y is None or x.unit != y.unit:
                continue
            cells = {a: x, b: y}
            readings: list[tuple[Candidate, bool]] = []
            for new, old in ((cells[n], cells[o]) for n, o in orders):
                pct = d if d.unit == "%" else None if amount_col or d.unit in PCT_UNITS else _as_percent(d)
                if not amount_col and pct is not None and (rate_col or d.unit == "%" or d.unit == new.unit):
                    readings.append((_growth(new, old, pct, h), _growth_holds(new, old, pct)))
                points = new.unit == "%" and d.unit in ("%", "个百分点")  # two rates differ in points
                if (not rate_col or points) and (d.unit == new.unit or points):
                    readings.append((_diff(new, old, d, h), _diff_holds(new, old, d)))
            deflated = "元" in x.unit and (comparable or _has(texts[r][0], v["comparable_words"]))
            if readings:  # the unit the cell took says what it holds when its header does not
                rows.append((deflated, "diff" if d.unit == x.unit else "growth", readings))
        meant = _column_reading([rd for _, _, rd in rows]) if sure else None
        for deflated, default, readings in rows:
            holding = [cand for cand, holds in readings if holds]
            if sure and not deflated:
                # the reading the column's rows hold in, else the one the cell's unit says
                kind = meant or default
                pick = next(((cand, holds) for cand, holds in readings if cand.kind == kind), readings[0])
                if pick[1] or not holding:
                    yield pick[0]  # no reading of the cells makes them true: a miss is reported
                    continue
            if len(holding) == 1:
                yield replace(holding[0], params={**holding[0].params, "confirm_only": True})


def _levels(header: list[str], c: int, v: dict) -> list[int]:
    """The level columns a change column compares: the run of columns before it, past the other
    change columns right before it (2024年 | 2025年 | 增减额 | 增长% ← both compare the years)."""
    k = c - 1
    while k > 0 and _has(header[k], v["table_change_words"]):
        k -= 1
    out: list[int] = []
    while k > 0 and not _derived(header[k], v):
        out.insert(0, k)
        k -= 1
    return out


def _done_periods(header: list[str], c: int, v: dict) -> list[int]:
    """The two level columns a change column compares when they do not stand right before it
    (2025年目标 | 2025年完成 | 完成率 | 2024年完成 | 同比增长): the columns before it that are no
    derived column nor a plan (目标, 计划: vocab plan_column_words, completion_cues), when there
    are exactly two and their headers say which period is the later one; else none."""
    plan = [*v["plan_column_words"], *v["completion_cues"]]
    done = [k for k in range(1, c) if not _derived(header[k], v) and not _has(header[k], plan)]
    if len(done) != 2 or current_first(header[done[0]], header[done[1]], v) is None:
        return []
    return done


def _column_reading(rows: list[list[tuple[Candidate, bool]]]) -> str | None:
    """What a change column holds (a difference or a growth rate) when its header does not say:
    the one kind its rows hold in, where a row holding in one kind only votes; None when the
    rows vote for both or none."""
    kinds = {next(iter(k)) for k in ({cand.kind for cand, holds in rd if holds} for rd in rows) if len(k) == 1}
    return kinds.pop() if len(kinds) == 1 else None


def subset_columns(texts: list[list[str]], grid: Grid, v: dict) -> Iterator[Candidate]:
    """单位 | 办件量（件） | 其中：网上办件（件）: the column a 其中 heads counts a part of what the level
    column right before it counts, in every row (the 合计 row too) — a part, so no more than its
    whole; the header says so, so a row that exceeds it is wrong.  Rates, changes and balances are
    no levels: a part may grow more than its whole, and a rate of a part is no part of a rate."""
    header = texts[0] if texts else []
    cues = tuple(v["subset_cues"])
    for c in range(2, len(header)):
        h, before = header[c].strip(), header[c - 1].strip()
        if not h.startswith(cues) or before.startswith(cues):
            continue
        cue = next(w for w in cues if h.startswith(w))
        level = [*v["table_change_words"], *v["table_balance_words"], *v["rate_words"], *v["per_unit_words"]]
        if _has(h, level) or _has(before, level):
            continue
        for r in range(1, len(grid)):
            if c >= len(grid[r]):
                continue
            whole, part = grid[r][c - 1], grid[r][c]
            if whole is None or part is None or not summable(whole) or not summable(part) \
                    or part.unit != whole.unit or whole.unit in PCT_UNITS:
                continue
            yield Candidate(code="GW108", kind="subset", whole=(whole,), parts=(part,), trigger=cue,
                            exhaustive=False, params={"labels": [h], "subset_cue": cue, "table": "subcolumn"})


def level_columns(texts: list[list[str]], grid: Grid) -> Iterator[Candidate]:
    """作物 | 播种面积（万亩） | 总产量（万吨） | 亩产（公斤）: a column whose cells are a level per unit (公斤/亩,
    as the extractor reads 亩产（公斤）) is, in each row, the row's amount over its measure — the one
    column whose unit converts to the level's numerator (吨 → 1000 公斤) over the one whose unit
    converts to its denominator; the header names the level, the row its operands, so a row that
    misses is wrong.  Two columns of either kind (two years' output) leave the pairing open: none."""
    from ..proportions.levels import _convert, _scale

    header = texts[0] if texts else []
    units = [_column_unit(grid, c) for c in range(len(header))]
    for c, unit in enumerate(units):
        per = unit.split("/") if unit else []
        if len(per) != 2 or not all(per):
            continue
        amounts = [k for k, u in enumerate(units) if k != c and u and "/" not in u and _convert(u, per[0]) is not None]
        measures = [k for k, u in enumerate(units) if k != c and u and "/" not in u
                    and (u == per[1] or _scale(u, per[1]) is not None)]
        if len(amounts) != 1 or len(measures) != 1 or amounts == measures:
            continue
        a, m = amounts[0], measures[0]
        for r in range(1, len(grid)):
            row = grid[r]
            if max(a, m, c) >= len(row):
                continue
            level, amount, measure = row[c], row[a], row[m]
            if level is None or amount is None or measure is None or not summable(amount) \
                    or not summable(measure) or level.change is not None:
                continue
            num = _convert(amount.unit, per[0])
            den = Decimal(1) if measure.unit == per[1] else _scale(measure.unit, per[1])
            if num is None or den is None:
                continue
            factor = num / den
            yield Candidate(code="GW106", kind="ratio", whole=(level,), parts=(amount, measure),
                            trigger=header[c].split("（")[0].strip() or per[1],
                            params={"complete": True, "scale": str(factor), "per": per[1], "table": "level"})


def _column_unit(grid: Grid, c: int) -> str:
    """The one unit of a column's figures ("" when it has none or several)."""
    found = {f.unit for row in grid[1:] if c < len(row) and (f := row[c]) is not None}
    return found.pop() if len(found) == 1 else ""


def share_columns(texts: list[list[str]], grid: Grid, v: dict) -> Iterator[Candidate]:
    """A 占比 column: each row's amount (the nearest amount column before it) over the 合计 row's."""
    header = texts[0]
    totals = [r for r in range(1, len(grid)) if texts[r] and _has(texts[r][0], v["table_total_words"])]
    if len(totals) != 1:
        return
    t = totals[0]
    for c, h in enumerate(header):
        if c < 2 or not _has(h, v["pure_share_words"]) or c >= len(grid[t]):
            continue
        k = next((k for k in range(c - 1, 0, -1) if not _derived(header[k], v)), None)
        if k is None or grid[t][k] is None:
            continue
        whole = grid[t][k]
        assert whole is not None
        if not summable(whole):
            continue
        # 占全市比重: a share of a whole outside the table
        named = re.sub(r"[（(][^）)]*[）)]|[%％]", "", h)
        for w in v["pure_share_words"]:
            named = named.replace(w, "")
        named = named.strip()
        outside = bool(named) and named not in header[k]
        for r in range(1, len(grid)):
            if r == t or max(c, k) >= len(grid[r]):
                continue
            share, part = grid[r][c], grid[r][k]
            if share is None or part is None or share.unit != "%" or part.unit != whole.unit:
                continue
            sub = texts[r][0].strip().startswith(tuple(v["subset_cues"])) if texts[r] else False
            params: dict[str, object] = {"complete": True, "table": "share"}
            if outside or sub:
                params["confirm_only"] = True
            yield Candidate(code="GW107", kind="share", whole=(share,), parts=(part, whole), trigger=h,
                            explicit=True, params=params)
        yield from _shares_of_hundred(texts, grid, t, c, h, outside, v)


def _shares_of_hundred(texts: list[list[str]], grid: Grid, t: int, c: int, h: str, outside: bool,
                       v: dict) -> Iterator[Candidate]:
    """占比（%） | 68.2 | 19.1 | 12.7 | 合计 100.0: the total row of a share column of the table's own
    whole says its shares make that whole — the rows above it add up to its 100.  Not with 其中 rows
    among them (a part's share is counted in its parent's) nor for a share of a whole outside the
    table (占全市比重)."""
    total = grid[t][c]
    rows = range(1, t)
    if outside or total is None or total.unit != "%" or total.value != 100 or len(rows) < 2:
        return
    if any(texts[r] and texts[r][0].strip().startswith(tuple(v["subset_cues"])) for r in rows):
        return
    cells = [grid[r][c] if c < len(grid[r]) else None for r in rows]
    if any(x is None or x.unit != "%" for x in cells):
        return
    yield Candidate(code="GW102", kind="sum", whole=(total,), parts=tuple(x for x in cells if x is not None),
                    trigger=h, exhaustive=True, params={"table": "share_total"})



def share_rows(texts: list[list[str]], grid: Grid, v: dict) -> Iterator[Candidate]:
    """A 占比 row under an amount row, in a table whose 合计 is a column (项目 | 东片 | 西片 | 合计,
    学田面积 | 600 | 400 | 1,000, 占比（%） | 60.0 | 40.0 | 100.0): each cell is the amount above
    it over the row's 合计; a row naming another whole (占全市比重) only when it holds."""
    header = texts[0]
    totals = [c for c in range(1, len(header)) if _has(header[c], v["table_total_words"])]
    if len(totals) != 1:
        return
    t = totals[0]
    labels = [row[0].strip() if row else "" for row in texts]
    for r in range(2, len(grid)):
        if not _has(labels[r], v["pure_share_words"]):
            continue
        k = next((k for k in range(r - 1, 0, -1) if not _derived(labels[k], v)), None)
        if k is None or t >= len(grid[k]) or (whole := grid[k][t]) is None or not summable(whole):
            continue
        named = re.sub(r"[（(][^）)]*[）)]|[%％]", "", labels[r])
        for w in v["pure_share_words"]:
            named = named.replace(w, "")
        outside = bool(named.strip()) and named.strip() not in labels[k]
        for c in range(1, min(len(grid[r]), len(grid[k]))):
            share, part = grid[r][c], grid[k][c]
            if c == t or share is None or part is None or share.unit != "%" or part.unit != whole.unit:
                continue
            params: dict[str, object] = {"complete": True, "table": "share"}
            if outside:
                params["confirm_only"] = True
            yield Candidate(code="GW107", kind="share", whole=(share,), parts=(part, whole), trigger=labels[r],
                            explicit=True, params=params)
