"""Indicator rows by year columns restated in the text (GW125): a change after 分别 is the change of
the level of its place in the list (发生火灾 48 起、死亡 6 人，同比分别下降 20.0% 和 25.0%: 25.0% is
死亡's), and a level per head restates a row named per head.  Invented text."""

from __future__ import annotations

from checkfacts import checked, findings

_TEXT = """某县消防救援大队2025年工作总结
一、火灾形势
全年全县共发生火灾48起、死亡6人，同比分别下降20.0%和25.0%。主要指标见下表。
指标	2024年	2025年	增减（%）
火灾起数（起）	60	48	-20.0
火灾死亡人数（人）	8	6	-25.0
人均公园绿地面积（平方米）	12.4	13.1	5.6
二、城市绿化
截至年底，全县人均公园绿地面积13.1平方米，城市宜居水平进一步提升。
"""


def test_a_change_after_respectively_restates_its_levels_row() -> None:
    r = checked(_TEXT)
    assert ("consistent", "info", ("-25.0", "25.0%")) in findings(r, "GW125", "25.0%")


def test_a_level_per_head_restates_a_row_per_head() -> None:
    r = checked(_TEXT)
    assert ("consistent", "info", ("13.1", "13.1平方米")) in findings(r, "GW125", "13.1平方米")
