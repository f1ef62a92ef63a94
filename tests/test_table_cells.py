"""A table cell named by its row and its column (invented tables): an indicator row's measure with
the noun its unit counts, the column's word for a target or a completion rate, a year's 绝对值
column as the level, a category row's own measure; and a standard in force from a printed day."""

from __future__ import annotations

from test_metric_families import _figures  # the same invented report head: "一、主要工作" and the text


def test_an_indicator_rows_measure_under_target_done_and_rate_columns() -> None:
    """项目 | 年度目标 | 1-6月完成 | 完成率（%） with rows 棚户区改造（户）: each cell says of what —
    改造户数, its 年度目标 (the year's, not the half-year's), its 完成率 — not the bare column word."""
    f = _figures("2025年上半年重点指标完成情况如下表。\n"
                 "项目\t年度目标\t1-6月完成\t完成率（%）\n"
                 "棚户区改造（户）\t3,400\t1,530\t45.0\n"
                 "公共租赁住房分配（套）\t900\t612\t68.0\n"
                 "农村危房改造（万户）\t1.2\t0.66\t55.0\n")
    assert f["3,400"].metric == "棚户区改造户数年度目标"
    assert f["1,530"].metric == "棚户区改造户数"
    assert f["45.0"].metric == "棚户区改造户数完成率"
    assert f["612"].metric == "公共租赁住房分配套数"
    assert f["900"].metric == "公共租赁住房分配套数年度目标"
    assert f["0.66"].metric == "农村危房改造户数"
    assert f["3,400"].period == "2025" and f["1,530"].period == "2025-01/2025-06"


def test_a_years_absolute_value_column_is_the_level_its_row_names() -> None:
    """指标 | 2024年绝对值 | 比上年增长（%）: the row names the level (not "2024年绝对值"), its growth
    is the row's 增速; a category's row (其中：第二产业增加值) measures what follows the category."""
    f = _figures("全年主要经济指标见下表。\n"
                 "指标\t2024年绝对值\t比上年增长（%）\n"
                 "地区生产总值（亿元）\t158.36\t5.1\n"
                 "其中：第二产业增加值\t—\t6.8\n"
                 "一般公共预算收入（亿元）\t9.47\t3.3\n")
    assert f["158.36"].metric == "地区生产总值" and f["158.36"].period == "2024"
    assert f["5.1"].metric == "地区生产总值增速"
    assert f["6.8"].metric == "增加值增速" and f["6.8"].scope == "第二产业"
    assert f["9.47"].metric == "一般公共预算收入"



def test_a_standard_in_force_from_a_printed_day_keeps_the_day() -> None:
    """自2024年8月1日起 … 提高到X元: in force from that day (the printed precision), not from the month."""
    f = _figures("自2024年8月1日起，城市低保标准由每人每月780元提高到815元。2024年9月起，农村低保标准提高到每人每月640元。")
    assert f["815元"].period == "2024-08-01/.."
    assert f["每人每月640元"].period == "2024-09/.."
