"""A table column named only by the kind of value it holds (指标 | 绝对额（亿元） | 同比增长（%）) names
nothing: a text figure naming the row restates its cell, and the change stated with it the row's
change cell (GW125).  Invented text."""

from __future__ import annotations

from checkfacts import checked, findings

_TEXT = """某区2025年一季度经济运行情况
一季度，全区实现农林牧渔业总产值28.46亿元，同比增长4.2%，农业生产开局良好。
表1　2025年一季度主要指标
指标	绝对额（亿元）	同比增长（%）
农林牧渔业总产值	28.46	4.2
规模以上工业总产值	152.30	6.8
"""


def test_a_plain_value_column_is_named_by_its_row() -> None:
    r = checked(_TEXT)
    assert ("consistent", "info", ("28.46", "28.46亿元")) in findings(r, "GW125", "28.46亿元")
    assert ("consistent", "info", ("4.2", "4.2%")) in findings(r, "GW125", "4.2%")
