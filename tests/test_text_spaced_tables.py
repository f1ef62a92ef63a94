"""One-space tables of web texts and dumps whose rows carry their own unit (a unit column, or a
count written with its unit): every cell becomes a figure in the row's unit. Invented sentences."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from gongwen.extract.pipeline import extract


def _figures(tmp_path: Path, body: str) -> list[tuple[Decimal, str]]:
    src = tmp_path / "r.txt"
    src.write_text("栖川县图书馆2026年工作总结\n一、主要指标\n" + body, encoding="utf-8")
    return [(Decimal(str(f.value)), f.unit) for f in extract(src).figures]


def test_a_unit_column_gives_each_row_its_unit(tmp_path: Path) -> None:
    figs = _figures(tmp_path, "全年主要指标如下：\n指标 单位 2026年 2025年 增减(%)\n"
                              "借阅册次 册次 48210 45120 6.8\n"
                              "读者活动 场 326 301 8.3\n"
                              "购书经费 万元 86.5 80.2 7.9\n")
    assert (Decimal("48210"), "册次") in figs and (Decimal("45120"), "册次") in figs
    assert (Decimal("326"), "场") in figs
    assert (Decimal("865000"), "元") in figs and (Decimal("802000"), "元") in figs
    assert (Decimal("7.9"), "%") in figs


def test_counts_written_with_their_unit_and_dashes(tmp_path: Path) -> None:
    figs = _figures(tmp_path, "表1 各类补贴发放情况\n项目 对象 金额（万元） 占比（%）\n"
                              "阅读推广补贴 312人 48.6 60.0\n"
                              "流动书车补贴 9个 24.3 30.0\n"
                              "其他 — 8.1 10.0\n"
                              "合计 — 81.0 100.0\n")
    assert (Decimal("486000"), "元") in figs and (Decimal("81000"), "元") in figs
    assert (Decimal("810000"), "元") in figs and (Decimal("100"), "%") in figs


def test_prose_lines_with_words_in_different_places_stay_prose(tmp_path: Path) -> None:
    # three short lines of spaced words and numbers, their word in a different column each time:
    # not a table, so nothing is read as a cell without a unit
    figs = _figures(tmp_path, "馆藏 统计 口径 说明\n古籍 善本 12 册\n期刊 45 合订 本\n地方 文献 8 件\n")
    assert (Decimal("12"), "") not in figs and (Decimal("45"), "") not in figs


def test_a_unit_column_of_long_units(tmp_path: Path) -> None:
    # units of four characters (平方公里, 亿千瓦时, 万人公里) in the unit column: the table is still read
    figs = _figures(tmp_path, "主要指标完成情况如下：\n项目 单位 年度计划 完成 完成率(%)\n"
                              "遥感影像覆盖 平方公里 2400 2516 104.8\n"
                              "供水量 万立方米 860 873 101.5\n"
                              "旅客周转量 万人公里 5120 4987 97.4\n")
    assert (Decimal("2516"), "平方公里") in figs and (Decimal("2400"), "平方公里") in figs
    assert (Decimal("8730000"), "立方米") in figs
    assert (Decimal("49870000"), "人公里") in figs and (Decimal("97.4"), "%") in figs


def test_a_serial_number_column_is_no_figure_and_no_name(tmp_path: Path) -> None:
    figs = _figures(tmp_path, "2027年主要指标安排如下：\n序号 指标名称 单位 2026年完成 2027年目标 增幅(%)\n"
                              "1 走访会员单位 家次 236 260 10.2\n"
                              "2 举办培训班 期 14 16 14.3\n"
                              "3 培训人员 人次 1820 2000 9.9\n")
    assert (Decimal("236"), "家次") in figs and (Decimal("260"), "家次") in figs
    assert (Decimal("16"), "期") in figs and (Decimal("2000"), "人次") in figs
    # the serial numbers 1, 2, 3 are no figures
    assert not any(v in (Decimal("1"), Decimal("2"), Decimal("3")) for v, _ in figs)
    # a 合计 row after the numbered rows, with no number of its own, is the table's too
    figs = _figures(tmp_path, "各站情况如下：\n序号 站点 床位数 入住人数\n1 城东站 120 96\n2 城西站 80 61\n合计 200 157\n")
    assert (Decimal("200"), "张") in figs and (Decimal("157"), "人") in figs


def test_a_page_footer_glued_into_a_row_leaves_the_table_whole(tmp_path: Path) -> None:
    src = tmp_path / "r.txt"
    src.write_text("栖川县文化馆2027年工作计划\n一、主要工作\n全年计划举办公益培训140期，组织文艺演出90场，\n"
                   "— 1 —\n扶持馆办团队20支，服务群众不少于12万人次。\n— 2 —\n附：2027年主要指标\n"
                   "指标 单位 2026年完成 2027年目标\n"
                   "公益培训 期 126 140\n— 3 —文艺演出 场 84 90\n馆办团队 支 18 20\n", encoding="utf-8")
    doc = extract(src)
    figs = {(Decimal(str(f.value)), f.unit) for f in doc.figures}
    assert {(Decimal("84"), "场"), (Decimal("90"), "场"), (Decimal("18"), "支"), (Decimal("140"), "期")} <= figs
    # the footer is gone from the text and every cell's span still holds its number
    text = doc.document.text
    assert "— 3 —" not in text
    assert all(text[f.span.start:f.span.end] == f.as_written for f in doc.figures)


def test_map_sheets_are_counted(tmp_path: Path) -> None:
    figs = _figures(tmp_path, "全年完成1:2000地形图测制1246幅、1:500地形图修测386幅。\n")
    assert (Decimal("1246"), "幅") in figs and (Decimal("386"), "幅") in figs
