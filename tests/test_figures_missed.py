"""Figures the extractor missed on new writers (engineer X1's families; invented sentences).

Each row: the text (a heading line is added) and the figures it must give, in order, as
``(value, unit, metric)``; a figure must not be read where the row lists none.
"""

from __future__ import annotations

import pytest

from gongwen.extract.pipeline import document_from_text, extract


def _figures(text: str) -> list[tuple[str, str, str]]:
    return [(str(f.value), f.unit, f.metric) for f in extract(document_from_text("一、主要工作\n" + text)).figures]


# a ratio or coefficient named by its noun, written with no unit (units.yaml dimensionless_nouns)
DIMENSIONLESS = [
    ("income-ratio-from-to", "城乡居民收入比由上年的2.31缩小至2.27。",
     [("2.27", "", "城乡居民收入比")]),
    ("coefficient-to", "全县农田灌溉水有效利用系数提高到0.571，节水成效明显。",
     [("0.571", "", "农田灌溉水有效利用系数")]),
    ("coefficient-from-to-comma", "灌溉水有效利用系数由0.566提高到0.569，新增节水灌溉面积1.2万亩。",
     [("0.569", "", "灌溉水有效利用系数"), ("12000", "亩", "新增节水灌溉面积")]),
    ("ratio-to-one-list", "小学、初中生师比分别为15.4∶1和11.8∶1。",
     [("15.4", ":1", "初中生师比"), ("11.8", ":1", "初中生师比")]),
    ("gap-in-multiples", "城乡居民收入倍差由上年的2.05缩小到2.01。",
     [("2.01", "倍", "城乡居民收入倍差")]),
    # not named by a ratio noun: a bare number ending a sentence is no figure
    ("bare-number-no-noun", "全年接待来访群众，同比减少1.2。", []),
    # a ratio noun far back in another clause names nothing
    ("noun-in-another-clause", "城乡居民收入比继续缩小，全年新建公厕12。", []),
]


@pytest.mark.parametrize("text,want", [r[1:] for r in DIMENSIONLESS], ids=[r[0] for r in DIMENSIONLESS])
def test_a_ratio_named_by_its_noun_is_a_figure_without_unit(text: str, want: list[tuple[str, str, str]]) -> None:
    assert _figures(text) == want


def _table(text: str) -> list[tuple[str, str]]:
    figs = extract(document_from_text("一、主要指标\n" + text)).figures
    return [(str(f.value), f.unit) for f in figs if f.source == "table"]


# tables: a unit a row names is its parts' (the 其中 rows and those continuing them); a cell may state
# a move in points with its verb; a dash is no cell value and shifts no column
TABLE_ROWS = [
    ("parts-take-the-row-unit",
     "全县主要经济指标如下：\n指标          2025年绝对值  比上年增长（%）\n地区生产总值（亿元）  152.30        4.8\n"
     "其中：第一产业增加值  20.15         3.1\n第二产业增加值  61.02         5.2\n规模以上工业增加值  —             6.0\n"
     "社会消费品零售总额（亿元）  70.41        4.1\n全县经济运行总体平稳。\n",
     [("15230000000", "元"), ("4.8", "%"), ("2015000000", "元"), ("3.1", "%"), ("6102000000", "元"), ("5.2", "%"),
      ("6", "%"), ("7041000000", "元"), ("4.1", "%")]),
    ("no-part-without-a-whole-unit",
     "全县主要经济指标如下：\n指标          2025年绝对值  比上年增长（%）\n固定资产投资  —             4.2\n"
     "其中：工业投资  31.5          8.8\n全县投资结构持续优化。\n",
     [("4.2", "%"), ("8.8", "%")]),
    ("a-move-in-points-in-a-cell",
     "全市科技创新主要指标如下：\n指标          2024年        2025年        增长（%）\n"
     "研发投入强度（%）  2.05          2.21          提高0.16个百分点\n"
     "高新技术企业（家）  210           236           12.4\n"
     "技术合同成交率（%）  60.2          58.9          下降1.3个百分点\n全市创新能力稳步提升。\n",
     [("2.05", "%"), ("2.21", "%"), ("0.16", "个百分点"), ("210", "家"), ("236", "家"), ("12.4", "%"),
      ("60.2", "%"), ("58.9", "%"), ("-1.3", "个百分点")]),
]


@pytest.mark.parametrize("text,want", [r[1:] for r in TABLE_ROWS], ids=[r[0] for r in TABLE_ROWS])
def test_table_rows_take_the_unit_their_whole_names(text: str, want: list[tuple[str, str]]) -> None:
    assert _table(text) == want


# the unit a noun names (a scaled amount with no unit word), and units the table lacked
NAMED_UNITS = [
    ("visits-named-by-noun", "全区医疗卫生机构总诊疗人次达236.8万，居民人均预期寿命达到80.12岁。",
     [("2368000", "人次"), ("80.12", "岁")]),
    ("people-named-by-noun", "城乡居民医保参保人数为41.2万，参保率稳定在96%。",
     [("412000", "人"), ("96", "%")]),
    ("rainfall-in-millimetres", "强降雨过程累计降雨量达142.6毫米，为近十年同期最大。", [("142.6", "毫米")]),
    ("courts-counted-in-pian", "新建社区多功能运动场38片，全民健身设施进一步完善。", [("38", "片")]),
    ("a-chinese-numeral-before-pian-is-no-count", "建成一片林、两片区。", []),
]


@pytest.mark.parametrize("text,want", [r[1:] for r in NAMED_UNITS], ids=[r[0] for r in NAMED_UNITS])
def test_a_unit_named_by_the_noun_or_written(text: str, want: list[tuple[str, str]]) -> None:
    assert [(v, u) for v, u, _ in _figures(text)] == want


# an amount with a lower bound that names a class of things counted next is no figure; a bounded
# amount that is itself reported stays one
CLASS_BOUNDS = [
    ("projects-above", "新签约项目86个，其中5亿元以上项目12个。", [("86", "个"), ("12", "个")]),
    ("firms-over-then-count", "营业收入超亿元的仅42家，占规模以上企业的15.3%。", [("42", "家"), ("15.3", "%")]),
    ("a-reported-bounded-amount", "全年争取上级资金3亿元以上，完成年度目标。", [("300000000", "元")]),
]


@pytest.mark.parametrize("text,want", [r[1:] for r in CLASS_BOUNDS], ids=[r[0] for r in CLASS_BOUNDS])
def test_an_amount_naming_a_class_is_no_figure(text: str, want: list[tuple[str, str]]) -> None:
    assert [(v, u) for v, u, _ in _figures(text)] == want
