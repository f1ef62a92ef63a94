"""Figures from tables: one per numeric cell, labelled from its row and column headers.

- the unit comes from the column header ("金额（万元）", a header that is a unit "万元", or a
  header noun "户数" → 户, "参保人数" → 人, ``header_nouns`` in units.yaml), the first header
  cell, or a "单位：万元" line right before the table; it scales the cells and is not itself a
  figure;
- a column header that is a period ("2021年1-11月", "2025年（亿元）") gives the period of its
  cells, and the table's subject (from the sentence before it) gives the metric; a 增减/增长
  column is the change over the latest period column; a header that opens on a time word
  (年末实有户数, 当年新增) gives only the period of its cells;
- the row header names the program (via the vocabulary) or the scope; a 合计/总计 row (also
  "合 计", "全县合计") is the whole: the jurisdiction's value of the column's metric, in the
  section's program.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import regex

from ..._data import rx
from ...figure import Figure, FigureKind
from ...model import Document, Span, Table
from .grammar.around import label_rate
from .grammar.periods import PeriodMention, find_periods
from .grammar.units import TABLES, alternation, load_yaml, split_unit
from .grammar.units import unit_kind as measure_kind
from .labels.kinds import column_kind, is_plan_heading
from .labels.labeller import Labeller
from .words.heads import _COUNT_NOUN, _HEADS, _PEOPLE_HEAD, _in_order
from .words.metric_rules import measure_of, metric_rules, unit_kind
from .words.vocab import Vocab

_NUM = regex.compile(r"^[-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$")
_HEDGE_TAIL = regex.compile(rf"(?:{alternation(TABLES.suffix_hedges)})$")
_PAREN_UNIT = regex.compile(r"[（(]\s*(?:单位[：:])?\s*([^（）()]{1,8}?)\s*[)）]")
# "单位：万元" before a table; "单位：批次，%" lists the units of its columns (the first is the table's,
# the rest are named by their headers: 合格率 → %)
# (closed by the bracket it opened in and the colon that leads to the table: 如下（单位：具）：)
_UNIT_LINE = regex.compile(r"单位[：:]\s*([^\s，。；、,/（）()：:]{1,6})(?:\s*[，、,/]\s*[^\s，。；、,/（）()：:]{1,6}){0,3}"
                           r"\s*[)）]?\s*[：:]?\s*$")
# (a row named by what it adds up, "营造林合计", is the whole too: no item of its own)
_TOTAL_ROW = regex.compile(r"^(?:(?:全[省市县区镇乡])?\s*(?:合\s*计|总\s*计|小\s*计|总\s*数|共\s*计)|[\p{Han}]{1,8}(?:合计|总计|小计))$")
# the header of a column that holds each row's unit (指标名称 | 单位 | 年度目标 | 完成数)
_UNIT_COLUMN = regex.compile(r"(?:计量)?单\s*位")
_HEADER_NOUN = regex.compile(rf"(?:{alternation(TABLES.header_nouns)})$" if TABLES.header_nouns else r"(?!)")
_CHANGE_COL = regex.compile(_in_order(_HEADS["change_columns"]))
# what a change column's header says beside its measure (产量同比增长 names 产量; 同比（%） names none)
_CHANGE_WORDS = regex.compile(_in_order(_HEADS["change_column_words"]))


_SHARE_COL = regex.compile(_in_order(_HEADS["share_columns"]))
# a column whose header is a total word alone (… | 县级储备 | 乡镇储备 | 合计; 一季度 | 二季度 | 合计) or a share word
# alone (办证件数（件） | 占比（%））: it names no measure of its own, only how the row's measure is taken
_TOTAL_COL = regex.compile("(?:" + _in_order(_HEADS["bare_totals"]) + ")")
_BARE_SHARE_COL = regex.compile("(?:" + _in_order(_HEADS["share_columns"]) + ")")
_VALUE_COLUMNS = frozenset(map(str, _HEADS["value_columns"]))
_TABLE_YEAR = regex.compile(rf"(?:{alternation(load_yaml('periods.yaml')['table_years'])})")
# a row label that can be a scope: a short name, not a number, year or sentence
_ROW_LEAD = regex.compile(r"^(?:其中|内含|含)[:：]?\s*")
_ROW_SCOPE = regex.compile(r"[\p{Han}A-Za-z（）()·]{1,12}")
# the first header cell of a table whose rows are classes of what the columns measure (机构类别, 警情类型,
# 企业名称: heads.yaml row_classes), and the label of such a row (a list of kinds, 抢劫、抢夺, is one class)
_ROW_CLASSES = regex.compile("(?:" + _in_order(_HEADS["row_classes"]) + ")$")
_CLASS_LABEL = regex.compile(r"[\p{Han}A-Za-z（）()·、]{1,16}")
# a cell that states a move in points or percent (提高0.18个百分点, 下降1.2%): signed by its verb
_VERBS = load_yaml("changes.yaml")
_CELL_MOVE = regex.compile(
    rf"^(?P<verb>{alternation([*_VERBS['increase'], *_VERBS['decrease']])})\s*"
    r"(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>个百分点|百分点|%|％)$")
_DECREASE = frozenset(_VERBS["decrease"])


def parse_unit(written: str) -> tuple[str, Decimal] | None:
    """A unit written in a header, with its magnitude: "万元" → ("元", 10000).

    >>> parse_unit("万元"), parse_unit("人")
    (('元', Decimal('10000')), ('人', Decimal('1')))
    """
    w = written.strip()
    factor = Decimal(1)
    if w in TABLES.units:  # 千米, 千伏安: the unit itself, not 千 × 米
        _base, full, f2 = split_unit(w)
        return full, f2
    for mag in sorted(TABLES.magnitudes, key=len, reverse=True):
        if w.startswith(mag) and len(w) > len(mag):
            factor = TABLES.magnitudes[mag]
            w = w[len(mag):]
            break
    if w not in TABLES.units and "/" not in w and w not in ("%", "个百分点"):
        return None
    _base, full, f2 = split_unit(w)
    return full, factor * f2


def _listed_units(written: str) -> list[str]:
    """The units a 单位： line lists, in order: parted by 、，, and by / where the two sides are not
    one unit (万吨/日 is one; 个/万元 two).

    >>> _listed_units("万吨/日、万吨、%）："), _listed_units("个/万元")
    (['万吨/日', '万吨', '%'], ['个', '万元'])
    """
    out: list[str] = []
    for piece in rx(r"\s*[，、,]\s*").split(written.strip().rstrip("：:").strip().rstrip("）)").strip()):
        unit = parse_unit(piece) if "/" in piece else None
        out += [piece] if unit is not None and "/" in unit[0] else [u for u in piece.split("/") if u]
    return out


def _header_unit(header: str) -> tuple[str, Decimal] | None:
    m = _PAREN_UNIT.search(header)
    return parse_unit(m.group(1)) if m else None


def _column_unit(header: str, table_unit: tuple[str, Decimal] | None) -> tuple[str, Decimal] | None:
    """The unit of a column: written in its header (金额（万元）, a bare 万元), else the table's
    (单位：万元), else named by the header's noun (户数 → 户, 救助人数 → 人, 发放金额 → 元)."""
    got = _header_unit(header)
    if got is not None:
        return got
    h = header.strip()
    if h.endswith(("%", "％")):
        return "%", Decimal(1)  # 增减%, 占比%: the column is in percent whatever the table's unit
    if h and len(h) <= 4:
        got = parse_unit(h)
        if got is not None:
            return got
    m = _HEADER_NOUN.search(h)
    noun = (TABLES.header_nouns[m.group()], Decimal(1)) if m else None
    if table_unit is not None and (noun is None or split_unit(noun[0])[0] == split_unit(table_unit[0])[0]):
        return table_unit  # 金额 under 单位：万元 is in 万元
    return noun or table_unit


def _percent_column(header: str) -> bool:
    """A column in percent whatever its rows' units say: its header ends with % (增长%, 同比±%) or
    names a rate, change rate or share (增速, 增幅, 合格率, 占比: ``header_nouns`` giving %)."""
    h = header.strip()
    if h.endswith(("%", "％")):
        return True
    m = _HEADER_NOUN.search(h)
    return m is not None and TABLES.header_nouns[m.group()] == "%"


def _period_of(header: str, year: int | None) -> PeriodMention | None:
    """The period a column header names: "2023年" (also "2025年（亿元）"), or a year with what the
    column holds ("2025年目标", "2024年完成")."""
    h = _PAREN_UNIT.sub("", header).strip()
    ps = find_periods(h, year=year)
    if len(ps) == 1 and (len(ps[0].text) >= len(h) - 1 or column_kind(h[len(ps[0].text):]) is not None):
        return ps[0]
    return None


def _done_name(header: str, period: PeriodMention, base: str, what: str) -> str:
    """What a period column's cells measure when its header says what was done in the period
    ("1-6月完成" over 万亩 → 完成面积; "2024年完成" over 个 → 完成数量): the words after the period
    and the noun the unit measures; "" when the header holds the period alone."""
    rest = _PAREN_UNIT.sub("", header).strip()[len(period.text):].strip()
    if not rest or column_kind(rest) != "actual" or rest in _VALUE_COLUMNS:  # (2025年绝对值: the value alone)
        return ""
    rules = metric_rules()
    return rest + (measure_of(base, what) or str(rules["defaults"][unit_kind(base)]))


def _shared_measure(header: list[str], c: int, year: int | None) -> str:
    """The measure a bare share column at ``c`` divides: the nearest column before it that names a
    measure, not a change, a share or a percent, without its unit and the period it opens on
    ("前三季度供水量(万立方米)" → 供水量); "" when there is none.

    >>> _shared_measure(["水厂", "设计规模(万立方米/日)", "前三季度供水量(万立方米)", "占比(%)"], 3, 2026)
    '供水量'
    >>> _shared_measure(["类别", "占比（%）"], 1, 2026)
    ''
    """
    for k in range(c - 1, 0, -1):
        h = header[k]
        if _CHANGE_COL.search(h) or _SHARE_COL.search(h) or _percent_column(h):
            continue
        name = _PAREN_UNIT.sub("", h).strip()
        ps = find_periods(name, year=year)
        if ps and ps[0].span.start == 0:
            name = name[ps[0].span.end:].strip()
        return name if rx(r"[\p{Han}]{2,12}").fullmatch(name) else ""
    return ""


def _row_measure(label: str, base: str) -> str:
    """What an indicator row's cells measure: its label with the noun its unit counts when the label
    names a thing or an act, not a measure ("老旧小区改造（户）" → 老旧小区改造户数, "保障性租赁住房筹集
    （套）" → …筹集套数, "高新技术企业（家）" → 高新技术企业数, "赛事活动（场）" → 赛事活动场次); an
    amount, a rate or a physical measure is named by its label already (地区生产总值（亿元）, 研发投入
    强度（%）, 粮食产量（万吨））."""
    kind = measure_kind(base)
    if _HEADER_NOUN.search(label) or _COUNT_NOUN.search(label) or kind not in ("person", "household", "person_time", "count"):
        return label
    rules = metric_rules()
    if kind != "count":
        return label + str(rules["defaults"][kind])
    times = rules["event_units"].get(base)
    if times:
        return label + str(times)
    # (个 and 家 count the thing the label names: 企业数, not 企业家数)
    return label + ("数" if base in ("个", "家") else base + "数")


def _moment_of(header: str, year: int | None) -> PeriodMention | None:
    """The time a column header opens on before what it counts: "年末实有户数" → the year's end,
    "1-11月基金收入" → those months, "上年火情起数" → the year before (as a header of 上年 alone is), "当年新增" → the year (``year`` is the table's: 当年/本年 name it, periods.yaml ``table_years``)."""
    h = _PAREN_UNIT.sub("", header).strip()
    own = _TABLE_YEAR.match(h)
    if own is not None and len(h) > own.end():
        return PeriodMention(Span(0, own.end()), own.group(), str(year), "year") if year is not None else None
    ps = find_periods(h, year=year)
    if ps and ps[0].span.start == 0 and ps[0].kind in ("date", "year", "month", "interval", "baseline") and len(h) > ps[0].span.end:
        return ps[0]
    return None


def _latest_span(periods: list[PeriodMention | None]) -> PeriodMention | None:
    """The latest period of a table's columns that spans time (not a date such as 年末): what a
    增减/同比 column changes over ("2025年 | 2024年 | 增长%" → 2025; "年末实有 | 当年新增 | 同比" → the year)."""
    spans = [p for p in periods if p is not None and p.kind != "date"]
    return max(spans, key=lambda p: p.iso.split("/")[-1]) if spans else None


def _row_program(prog: str | None, row_label: str, row_progs: list[str], whole_prog: str | None,
                 in_parts: bool, v: Vocab) -> tuple[str | None, str | None, bool]:
    """The program of a table row that names none itself, and what the next rows inherit: a 合计
    row's is the whole of the programs the rows above name (one program, or the parent all of them
    are ``within``: 城乡居民基本医疗保险 | 职工基本医疗保险 | 合计 → 基本医疗保险); a 其中 row's, and
    that of the rows continuing its list until one names a program, is the row's before it (货物进出口
    总额; 其中：出口; 进口).  Returns (the row's program, the whole's, whether a list of parts runs)."""
    if _TOTAL_ROW.match(row_label):
        if prog is None and row_progs:
            names = set(row_progs)
            parents = {v.programs[p].within or p for p in names}
            if len(names) == 1:
                prog = row_progs[0]
            elif len(parents) == 1 and all(v.programs[p].within for p in names if p not in parents):
                prog = parents.pop()
        row_progs.clear()
        return prog, None, False
    if _ROW_LEAD.match(row_label):
        in_parts = whole_prog is not None
    elif prog is not None:
        in_parts = False
    if prog is None and in_parts:
        prog = whole_prog
    if prog is not None:
        row_progs.append(prog)
    if not in_parts:
        whole_prog = prog
    return prog, whole_prog, in_parts


def _shortens(label: str, program: str) -> bool:
    """Whether a row label names ``program`` itself, whole or shortened (its characters in order:
    特困人员供养 for 特困人员救助供养), not a class of things inside it (火灾 for 消防安全).

    >>> _shortens("特困人员供养", "特困人员救助供养"), _shortens("火灾", "消防安全")
    (True, False)
    """
    rest = iter(program)
    return all(c in rest for c in label)


def _program_of(header: str, lab: Labeller) -> str | None:
    """The program a column header names whole (职工基本医疗保险), or None."""
    h = _PAREN_UNIT.sub("", header).strip()
    m = lab.v.alias_re.fullmatch(h) if h else None
    return lab.v.alias_map[h] if m is not None and h not in lab.v.weak else None


def table_figures(doc: Document, t: Table, lab: Labeller, context_period: str | None) -> list[Figure]:
    """The figures of one table (see the module docstring)."""
    text = doc.text
    rows = [[text[c.start:c.end] for c in row] for row in t.cells]
    if len(rows) < 2 or len(rows[0]) < 2:
        return []
    # a table whose first row already holds numbers has no header row (低保金  3,562.1)
    headless = all(_NUM.match(x.strip()) for x in rows[0][1:])
    header = [""] * len(rows[0]) if headless else rows[0]
    before = text[max(0, t.span.start - 60):t.span.start].strip()
    m = _UNIT_LINE.search(before)
    title = before.rsplit("\n", 1)[-1]
    # "单位：个、张、万人次" over three columns of numbers: one unit per column, in order
    listed = [parse_unit(u) for u in _listed_units(before[m.start(1):m.end()])] if m else []
    table_unit = (listed[0] if listed else None) if m else (
        _header_unit(header[0]) or (_header_unit(title) if title.endswith(("）", ")")) else None))
    col_units = listed if len(listed) == len(header) - 1 >= 2 and all(listed) else None
    listed_pct = any(u is not None and u[0] == "%" for u in listed[1:])
    # a column of units of its own (指标 | 单位 | 目标 | 完成): each row's cells are in the unit it names
    unit_col = next((c for c, h in enumerate(header) if c and _UNIT_COLUMN.fullmatch(h.strip())), None)
    year = doc.metadata.year
    col_period = [_period_of(h, year) for h in header]
    last_period = next((p for p in reversed(col_period) if p is not None), None)
    own_year = int(context_period[:4]) if context_period and context_period[:4].isdigit() else year
    col_moment = [None if p is not None else _moment_of(h, own_year) for h, p in zip(header, col_period)]
    changed = _latest_span(col_period) or _latest_span(col_moment)
    # the table's subject: the sentence before the table ("主要救助资金支出情况如下")
    intro_end = t.span.start - (len(m.group(0)) + 1 if m else 0)
    subject_metric = lab.metric(max(0, intro_end - 1), max(0, intro_end - 1), "元", "value")
    path = doc.section_path(t.span.start)
    section_program = lab.program(t.span.start, path)
    plan = any(is_plan_heading(h.title) for h in path)
    # columns that name programs (项目 | 职工基本医疗保险 | 城乡居民基本医疗保险 | 合计): the rows then
    # name what is measured (基金收入 | 41860 | …), each column whose program it is
    col_progs = [_program_of(h, lab) for h in header]
    transposed = sum(p is not None for p in col_progs[1:]) >= 2 and all(
        p is not None or _TOTAL_ROW.match(h.strip()) for p, h in zip(col_progs[1:], header[1:]))
    # columns measuring the noun of the section's aggregate (计划投资 | 完成投资 under 水利建设投资): its
    # rows are kinds of it (水库除险加固, 河道治理), the row's program elsewhere, here its scope
    noun = lab.v.programs[section_program].aggregate if section_program in lab.v.aggregates else ""
    kinds_of = noun != "" and any(noun in h for h in header[1:])
    # the table's first measure, without its unit and the moment it holds (年末实有户数（户） → 实有户数)
    classes = not headless and bool(_ROW_CLASSES.search(_PAREN_UNIT.sub("", header[0]).strip()))
    first = _PAREN_UNIT.sub("", header[1]).strip()
    first_ps = find_periods(first, year=year)
    level_col = first[first_ps[0].span.end:] if first_ps and first_ps[0].span.start == 0 else first
    if _CHANGE_COL.search(level_col) or col_period[1] is not None or not rx(r"[\p{Han}]{2,12}").fullmatch(level_col):
        level_col = ""
    out: list[Figure] = []
    # the unit a row names (地区生产总值（亿元）), kept for the 其中 rows under it and the rows that
    # continue their list (其中：第一产业增加值 | 第二产业增加值): parts are in their whole's unit
    whole_unit: tuple[str, Decimal] | None = None
    parts = False
    # the programs the rows name: a 合计 row totals them, a 其中 row (and the rows continuing its list)
    # is a part of the row before it (货物进出口总额 | …; 其中：出口 | …; 进口 | …)
    row_progs: list[str] = []
    whole_prog: str | None = None
    in_parts = False
    whole_row = ""  # the last row naming an indicator, not a category: the whole of the categories after it
    for r in range(0 if headless else 1, len(rows)):
        row_label = rows[r][0].strip()
        listed_unit = parse_unit(rows[r][unit_col]) if unit_col is not None and unit_col < len(rows[r]) else None
        own_unit = _header_unit(row_label) or listed_unit
        if own_unit is not None:
            whole_unit, parts = own_unit, False
        elif _ROW_LEAD.match(row_label):
            parts = whole_unit is not None
        part_unit = whole_unit if parts and own_unit is None else None
        total_row = bool(_TOTAL_ROW.match(row_label))
        # a row whose label opens on a time word holds that moment (年末累计结余 | 52310)
        row_ps = find_periods(row_label, year=year)
        row_period = row_ps[0] if len(row_ps) == 1 and row_ps[0].span.start == 0 else None
        prog = None
        for mm in lab.v.alias_re.finditer(row_label):
            p = lab.v.alias_map[mm.group()]
            # a generic word (医院) names the row's category, not a program; so does another bureau's
            # program under a section of the issuer's own (增值税 | 2023年 | 2024年 in a 财政 report's
            # 一般公共预算收入: a part of its revenue)
            if mm.group() not in lab.v.weak and (p in lab.v.own or section_program not in lab.v.own):
                prog = p
                break
        if kinds_of and prog != section_program:
            prog = None
        if not (transposed or kinds_of):
            prog, whole_prog, in_parts = _row_program(prog, row_label, row_progs, whole_prog, in_parts, lab.v)
        scope_terms = lab._scope_terms(t.cells[r][0].start, t.cells[r][0].end, places=False)
        # a row that names no program is about the category its label names (幼儿园, 水稻, 医院)
        label = _ROW_LEAD.sub("", _PAREN_UNIT.sub("", row_label).strip())
        # a row label that carries a unit names an indicator (参保人数（万人）), not a category
        indicator_row = own_unit is not None or (
            bool(_HEADER_NOUN.search(label)) and not any(_header_unit(h) for h in header[1:]))
        # under period columns (项目 | 2023年 | 2024年 | 增减%) a row that names no known category
        # names the item measured (增值税, 契税): its label is the metric, the scope the whole
        item_row = last_period is not None and not total_row and label not in lab.v.scopes \
            and not scope_terms and bool(_ROW_SCOPE.fullmatch(label))
        # a category's row naming what of it is measured (其中：第一产业增加值 under 2025年 | 增长%) when
        # the table's subject names no measure: the words after the category (增加值)
        category_measure = ""
        if scope_terms and subject_metric in lab.generic_metrics():
            s0, name = scope_terms[-1]
            rest = _PAREN_UNIT.sub("", text[s0 + len(name):t.cells[r][0].end]).strip()
            category_measure = rest if rx(r"[\p{Han}]{2,8}").fullmatch(rest) else ""
        # (an indicator's row names the people it is of: 城镇居民人均可支配收入（元） is of 城镇居民; a
        # category word inside the indicator's own name, 城镇新增就业（人）, is no scope)
        people_row = bool(scope_terms) and bool(_PEOPLE_HEAD.search(scope_terms[-1][1]))
        # the base unit the row's label gives (老旧小区改造（户） → 户), what its measure counts
        row_unit = own_unit
        row_base = row_unit[0] if row_unit else None
        # (a row of a table of classes is that class, a program word in it or not — 火灾 | 起数, 化妆品 |
        # 抽检批次 — unless it names the program itself, as a table of 险种 does; a period is no class)
        period_row = row_period is not None and len(label) <= row_period.span.end
        class_row = classes and not (total_row or indicator_row or period_row) and bool(_CLASS_LABEL.fullmatch(label)) \
            and not (prog is not None and _shortens(label, prog))
        if class_row and not any(name == label for _, name in scope_terms):
            scope_terms = []  # (县城 in 县城市建设投资集团有限公司 is no class of its own)
        row_scope = label if class_row else lab.whole if (
            total_row or indicator_row or item_row or prog is not None or period_row
            or not _ROW_SCOPE.fullmatch(label)) else label
        # (words in parentheses that are no unit are part of the row's name: 夏粮(小麦), 薯类（折粮）,
        # 食品（含食用农产品） — the category as the row writes it, not the known word inside it)
        written = _ROW_LEAD.sub("", _PAREN_UNIT.sub(lambda m: m.group() if parse_unit(m.group(1)) is None else "",
                                                    row_label).strip())
        if written != label and row_scope == label:
            scope_terms, row_scope = [], written
        # (a row that names a unit by its own name with a known category inside it is that unit as
        # written — 县政务服务中心, 内科系统 — not the category word: the category qualifies it)
        if scope_terms and row_scope == label and not class_row and label not in lab.v.scopes \
                and scope_terms[-1][1] != label and len(label) > len(scope_terms[-1][1]) \
                and not people_row:
            scope_terms = []
        if not scope_terms and not total_row and label:
            whole_row = label
        for c in range(1, len(t.cells[r])):
            cell = t.cells[r][c]
            raw = text[cell.start:cell.end].strip()
            hedge = _HEDGE_TAIL.search(raw)  # a plan's cell: 5.5以内, 95以上
            move = _CELL_MOVE.match(raw)
            if move:
                raw = raw[move.start("num"):]  # (提高0.18个百分点: the figure is what follows the verb)
            elif hedge and _NUM.match(raw[: hedge.start()]):
                raw = raw[: hedge.start()]
            elif not _NUM.match(raw):
                continue
            col = header[c] if c < len(header) else ""
            # the unit of the column (a percent column's whatever the row's: 耕地面积（亩） | … | 增长%),
            # else of the row (参保人数（万人） | 42.6 | 45.1), else the table's
            # (单位:万公斤,% over 供种量 | 上年同期 | 同比增长: the unit line lists % for the column of changes)
            unit = _header_unit(col) or (("%", Decimal(1)) if _percent_column(col) else None) \
                or (("%", Decimal(1)) if listed_pct and _CHANGE_COL.search(col) else None) \
                or own_unit or (col_units[c - 1] if col_units else None) \
                or _column_unit(col, table_unit) or _column_unit(row_label, None) or part_unit
            pct = raw.endswith("%")
            if pct:
                unit = ("%", Decimal(1))
            if move:
                unit = ("个百分点", Decimal(1)) if "百分点" in move["unit"] else ("%", Decimal(1))
            if unit is None:
                continue
            base, factor = unit
            if not pct and not move:
                # 人均体育场地面积（平方米） | 2.71: the label that names the unit makes it a rate
                named = _header_unit(col) is not None and not _percent_column(col)
                base = label_rate(col if named else row_label, base)
            try:
                num = Decimal(move["num"] if move else raw.rstrip("%").replace(",", "").replace("−", "-"))
            except InvalidOperation:
                continue
            if move and move["verb"] in _DECREASE:
                num = -num
            exp = num.as_tuple().exponent
            quantum = Decimal(1).scaleb(exp if isinstance(exp, int) and exp < 0 else 0) * factor
            value = num * factor
            value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
            change_col = bool(_CHANGE_COL.search(col))
            value_col = _PAREN_UNIT.sub("", col).strip() in _VALUE_COLUMNS
            period = col_period[c] or col_moment[c] or (changed if change_col else None) or row_period
            col_p = col_period[c]
            # a period column of what was done (1-6月完成) under a subject naming no measure: 完成面积
            # (else the table's subject, or its row, names what the column measures)
            done = _done_name(col, col_p, base, label) if col_p is not None and not change_col and not (
                indicator_row or item_row) and subject_metric in lab.generic_metrics() else ""
            if done:
                metric = done
            elif col_period[c] is not None or change_col and last_period is not None:
                what = _row_measure(label, row_base) if indicator_row and row_base else label if (
                    indicator_row or item_row) else category_measure or subject_metric
                # (a change in percent of a row not in percent is its growth rate, 增速, unless the
                # column calls it 增减: 比上年增长（%） → 增速, 增减% → 增减)
                rate = base == "%" and row_base != "%" and "增减" not in col
                metric = what + (("增速" if rate else "增减") if change_col else "")
            elif value_col or change_col and level_col in _VALUE_COLUMNS:
                # a column of bare values (指标 | 绝对额(亿元) | 同比增长(%)) or of their change: the row names
                # what is measured — an indicator or an item itself, a category by the measure it carries
                # (the categories under an indicator's row are its parts: 地区生产总值 | 第一产业 | 第二产业 —
                # each measures the indicator, when the table's subject names no measure)
                whole = subject_metric if subject_metric not in lab.generic_metrics() else whole_row or subject_metric
                what = label if not scope_terms else category_measure or whole
                metric = what + (("增速" if base == "%" and row_base != "%" else "增减") if change_col else "")
            elif transposed and prog is None and label and not total_row:
                metric = label
            elif change_col and listed_unit is not None and row_base:
                # 指标 | 单位 | 完成数 | 同比增长(%): the change of the row's own indicator
                metric = _row_measure(label, row_base) + ("增速" if base == "%" and row_base != "%" else "增减")
            elif change_col and level_col and not _CHANGE_WORDS.sub("", _PAREN_UNIT.sub("", col)).strip():
                # a bare change column beside level columns (类别 | 年末实有户数（户） | 同比（%）): the
                # change of the table's first measure, not the bare 同比
                metric = level_col + ("增速" if base == "%" else "增减")
            elif indicator_row and row_base and column_kind(col) is not None:
                # a column of what the row's indicator was set or reached (项目 | 年度目标 | 1-6月完成 |
                # 完成率（%）): the row's measure, and the column's word unless it holds the results
                word = _PAREN_UNIT.sub("", col).strip()
                metric = _row_measure(label, row_base) + ("" if column_kind(col) == "actual" else word)
            elif _TOTAL_COL.fullmatch(bare_col := _PAREN_UNIT.sub("", col).strip()) and (indicator_row or item_row):
                # a 合计 column sums the row's own measure (物资名称 | 单位 | 县级储备 | 乡镇储备 | 合计: 编织袋's
                # total is of 编织袋; 发展党员（名） | 一季度 | … | 合计: of 发展党员人数), not a measure named 合计
                metric = _row_measure(label, row_base) if indicator_row and row_base else label
            elif _BARE_SHARE_COL.fullmatch(bare_col) and (shared := _shared_measure(header, c, year)):
                # a bare share column after the measure it divides (公证类别 | 办证件数（件） | 占比（%）; 水厂 | 设计规模 |
                # 前三季度供水量 | 占比): each row's share of that measure, 办证件数占比, not a bare 占比
                metric = shared + bare_col
            else:
                metric = bare_col or subject_metric
            if change_col:
                kind: FigureKind = "change"
            elif column_kind(col) is not None:
                kind = column_kind(col)  # type: ignore[assignment]  # 2025年目标 | 2024年完成
            elif plan:
                kind = "target"
            elif pct and _SHARE_COL.search(col):
                kind = "share"
            else:
                kind = "actual"
            start = cell.start + text[cell.start:cell.end].index(raw)
            para = doc.paragraph_at(cell.start)
            out.append(Figure(
                value=value,
                unit=base,
                program=prog or (col_progs[c] if transposed else None) or section_program,
                scope=scope_terms[-1][1] if scope_terms and (not indicator_row or people_row) else row_scope,
                metric=metric,
                period=period.iso if period is not None else context_period,
                period_inferred=period is None and context_period is not None,
                kind=kind,
                topic=path[-1].title if path else None,
                change=value if change_col else None,
                change_unit=base if change_col else None,
                section=tuple(h.title for h in path),
                as_written=raw,
                span=Span(start, start + len(raw)),
                unit_as_written=col,
                quantum=quantum,
                approx=hedge.group() if hedge else None,
                bound=TABLES.suffix_hedges[hedge.group()] if hedge else None,  # type: ignore[arg-type]
                page=para.page if para is not None else None,
                text_span=Span(t.cells[r][0].start, t.cells[r][-1].end),
                source="table",
            ))
    return out
