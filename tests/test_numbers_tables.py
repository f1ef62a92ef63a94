"""Text tables as web pages and dumps give them, and units from their header nouns (issue 9,
family 7).  Tables are our own invented figures; each row: id, text, expected figures as
``"VALUE UNIT scope metric"`` in document order (``-``: labels not checked, ``全*``: the
jurisdiction as a whole)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gongwen.extract.figures.tables import parse_unit
from gongwen.extract.pipeline import document_from_text, extract

TABLES = [
    ("tabs-header-nouns",
     "全县各镇低保对象情况如下：\n镇名\t户数\t人数\t金额（万元）\n青石镇\t1,215\t2,468\t356.2\n"
     "白沙镇\t980\t1,702\t248.5\n合计\t2,195\t4,170\t604.7\n全县将继续做好保障。\n",
     ["1215 户 青石镇 户数", "2468 人 青石镇 人数", "3562000 元 青石镇 金额",
      "980 户 白沙镇 户数", "1702 人 白沙镇 人数", "2485000 元 白沙镇 金额",
      "2195 户 全* 户数", "4170 人 全* 人数", "6047000 元 全* 金额"]),
    ("spaces-area-output",
     "全县主要作物播种面积和产量如下：\n作物        面积（万亩）    产量（万吨）\n水稻        42.6            19.85\n"
     "玉米        21.4            10.36\n合计        64.0            30.21\n全县粮食生产形势稳定。\n",
     ["426000 亩 水稻 面积", "198500 吨 水稻 产量", "214000 亩 玉米 面积", "103600 吨 玉米 产量",
      "640000 亩 全* 面积", "302100 吨 全* 产量"]),
    ("inner-pipes-row-units",
     "全区社会保险主要指标如下：\n指标 | 2022年 | 2023年\n参保人数（万人） | 42.6 | 45.1\n"
     "基金收入（亿元） | 12.3 | 13.8\n全区各项保险运行平稳。\n",
     ["426000 人 全区 参保人数", "451000 人 全区 参保人数",
      "1230000000 元 全区 基金收入", "1380000000 元 全区 基金收入"]),
    ("two-columns-title-unit",
     "全县各项救助支出（万元）\n低保金    3,562.1\n特困供养金    1,204.5\n临时救助    236.8\n"
     "全县各项救助资金及时足额发放。\n",
     ["35621000 元 - -", "12045000 元 - -", "2368000 元 - -"]),
    ("percent-column-beats-row-unit",
     "全县主要农业指标如下：\n指标 | 2024年 | 2025年 | 同比±%\n粮食播种面积（万亩） | 61.2 | 63.0 | 2.9\n"
     "生猪出栏（万头） | 38.5 | 40.1 | 4.2\n全县农业生产稳中有进。\n",
     ["612000 亩 - -", "630000 亩 - -", "2.9 % - -", "385000 头 - -", "401000 头 - -", "4.2 % - -"]),
    ("table-unit-line-beats-noun",
     "单位：万元\n项目\t金额\t占比\n城乡低保\t3,562.1\t71.2%\n特困供养\t1,440.3\t28.8%\n县里将加强资金监管。\n",
     ["35621000 元 - -", "71.2 % - -", "14403000 元 - -", "28.8 % - -"]),
    ("unit-line-lists-column-units",
     "分类抽检情况如下表。\n单位：批次，%\n类别\t抽检批次\t不合格批次\t合格率\n食品\t8,200\t160\t98.0\n"
     "药品\t300\t3\t99.0\n全市将继续加强抽检。\n",
     ["8200 批次 - -", "160 批次 - -", "98.0 % - -", "300 批次 - -", "3 批次 - -", "99.0 % - -"]),
    ("plan-table-hedged-target-column",
     "主要目标如下：\n指标\t2024年完成\t2025年目标\n城镇调查失业率(%)\t5.1\t5.5以内\n城镇新增就业(万人)\t5.12\t5以上\n全市将抓好落实。\n",
     ["5.1 % - -", "5.5 % - -", "51200 人 - -", "50000 人 - -"]),
    ("percent-column-under-a-money-unit",
     "单位：万元\n项目\t2023年\t2024年\t增减%\n税收收入\t192400\t196000\t1.9\n非税收入\t42000\t44000\t4.8\n全区财政运行平稳。\n",
     ["1924000000 元 - -", "1960000000 元 - -", "1.9 % - -", "420000000 元 - -", "440000000 元 - -", "4.8 % - -"]),
]


@pytest.mark.parametrize("text,expected", [r[1:] for r in TABLES], ids=[r[0] for r in TABLES])
def test_text_tables(text: str, expected: list[str]) -> None:
    figs = [f for f in extract(document_from_text(text)).figures if f.source == "table"]
    got = [(f.value, f.unit, f.scope, f.metric) for f in figs]
    assert len(got) == len(expected), got
    for (value, unit, scope, metric), exp in zip(got, expected):
        v, u, s, m = exp.split()
        assert (value, unit) == (Decimal(v), u), got
        if s != "-":  # 全*: the jurisdiction as a whole (the total row), whatever its word
            assert (scope or "").startswith("全") if s == "全*" else scope == s, got
            assert metric == m, got


PROSE = [
    ("wide-gap-prose", "一、工作成效  今年以来全县共发放资金300万元。\n二、存在问题  部分群众认识不到位。\n"),
    ("two-rows-only", "低保金    3,562.1\n特困供养金    1,204.5\n"),
]


@pytest.mark.parametrize("text", [r[1] for r in PROSE], ids=[r[0] for r in PROSE])
def test_prose_is_no_table(text: str) -> None:
    assert document_from_text(text).tables == ()


@pytest.mark.parametrize("written,unit,factor", [("万元", "元", "10000"), ("千米", "公里", "1"), ("万亩", "亩", "10000"),
                                                 ("万人", "人", "10000"), ("万吨", "吨", "10000")])
def test_parse_header_unit(written: str, unit: str, factor: str) -> None:
    assert parse_unit(written) == (unit, Decimal(factor))


def test_year_columns_say_results_and_targets() -> None:
    """"2024年完成 | 2025年目标": each column's year and kind; a hedged cell (5.5以内) is a bound."""
    text = ("主要目标如下：\n指标\t2024年完成\t2025年目标\n城镇调查失业率(%)\t5.1\t5.5以内\n"
            "城镇新增就业(万人)\t5.12\t5以上\n全市将抓好落实。\n")
    figs = [f for f in extract(document_from_text(text)).figures if f.source == "table"]
    assert [(f.as_written, f.period, f.kind, f.bound) for f in figs] == [
        ("5.1", "2024", "actual", None), ("5.5", "2025", "target", "<="),
        ("5.12", "2024", "actual", None), ("5", "2025", "target", ">=")]


def test_rows_under_year_columns_name_the_items_measured() -> None:
    """"项目 | 2023年 | 2024年 | 增减%": a row that names no category (增值税, 契税) is the item measured —
    its label is the metric and the scope is the whole; a category row (城镇) stays a scope."""
    text = ("某区财政局2024年工作总结\n一、收入情况\n主要收入项目完成情况如下表。\n单位：万元\n"
            "项目\t2023年\t2024年\t增减%\n其中：增值税\t92400\t98560\t6.7\n契税\t17600\t14920\t-15.2\n"
            "城镇\t5000\t5200\t4.0\n全区将抓好落实。\n")
    figs = {f.as_written: f for f in extract(document_from_text(text)).figures if f.source == "table"}
    assert (figs["98560"].metric, figs["98560"].scope) == ("增值税", "全区")
    assert (figs["-15.2"].metric, figs["-15.2"].period) == ("契税增减", "2024")
    assert figs["5200"].scope == "城镇"


def test_a_unit_line_listing_one_unit_per_column() -> None:
    """"单位：个、张、万人次" over three columns of numbers gives each column its unit, in order."""
    text = ("一、医疗服务\n2025年前三季度全区医疗机构服务情况\n单位：个、张、万人次\n"
            "| 机构类型 | 机构数 | 床位数 | 诊疗人次 |\n| 公立医院 | 6 | 2360 | 102.45 |\n| 合计 | 120 | 3960 | 199.80 |\n")
    figs = extract(document_from_text(text)).figures
    assert [(str(f.value), f.unit) for f in figs[:3]] == [("6", "个"), ("2360", "张"), ("1024500", "人次")]


def test_a_column_of_units_gives_each_row_its_unit() -> None:
    """"指标 | 单位 | 目标 | 完成 | 同比增长(%)" (engineer N, wave 14): the unit column is no figure and
    gives the cells of its row their unit (亿元 scales them); the change column is the row's growth."""
    text = ("全镇主要经济指标完成情况如下：\n指标名称\t单位\t年度目标\t完成数\t同比增长(%)\n"
            "地区生产总值\t亿元\t21.0\t21.6\t5.8\n新增城镇就业\t人\t300\t326\t6.5\n全镇将抓好落实。\n")
    figs = [f for f in extract(document_from_text(text)).figures if f.source == "table"]
    assert [(str(f.value), f.unit, f.kind) for f in figs] == [
        ("2100000000", "元", "target"), ("2160000000", "元", "actual"), ("5.8", "%", "change"),
        ("300", "人", "target"), ("326", "人", "actual"), ("6.5", "%", "change")]
    assert figs[1].metric == "地区生产总值" and figs[2].metric == "地区生产总值增速"


def test_a_label_that_names_a_rate_makes_its_cells_rates() -> None:
    """"人均公共文化设施面积（平方米）" (engineer N, wave 14): the row's label is read as the words before a
    number are — a per-head average of a measure is per head, so is its change; a level per head in
    元 (人均可支配收入) stays 元, a per-thousand level is per thousand people."""
    text = ("全区主要指标完成情况如下：\n指标 | 2024年 | 2025年 | 增减\n公共文化设施面积（万平方米） | 18.2 | 19.6 | 1.4\n"
            "人均公共文化设施面积（平方米） | 0.41 | 0.44 | 0.03\n居民人均可支配收入（元） | 41260 | 43180 | 1920\n"
            "每千人口养老床位数（张） | 31.5 | 33.2 | 1.7\n全区将抓好落实。\n")
    figs = [f for f in extract(document_from_text(text)).figures if f.source == "table"]
    assert [f.unit for f in figs] == ["平方米"] * 3 + ["平方米/人"] * 3 + ["元"] * 3 + ["张/千人"] * 3
