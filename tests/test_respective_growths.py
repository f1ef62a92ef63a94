"""Growth rates restated in the opening summary and in their section (GW112), read when the
summary states them after 分别 — each rate grows the level of its place in the list — or names
the level by a short form (规上 for 规模以上).  Invented text."""

from __future__ import annotations

from checkfacts import checked, findings

_LEVELS = """某县机关事务管理局2025年工作总结
全年全县机关用电量1280.5万千瓦时，人均办公用水量28.4立方米，同比分别下降3.2%和6.9%。
一、节能降耗
（一）节约用电。全年全县机关用电量1280.5万千瓦时，较上年的1322.8万千瓦时下降3.2%。
（二）节约用水。人均办公用水量28.4立方米，较上年的30.5立方米下降6.9%。
"""


def test_rates_after_respectively_take_the_levels_of_their_places() -> None:
    r = checked(_LEVELS)
    assert ("consistent", "info", ("3.2%", "3.2%")) in findings(r, "GW112", "3.2%")
    assert ("consistent", "info", ("6.9%", "6.9%")) in findings(r, "GW112", "6.9%")


_CHANGES = """某县应急管理局2025年工作总结
全年道路交通事故起数、受伤人数同比分别下降20%和12.5%，安全形势总体平稳。
一、事故防控
（一）事故总量下降。全县道路交通事故起数由上年的40起下降到32起，受伤人数由上年的56人下降到49人，同比分别下降20.0%和12.5%。
"""


def test_a_level_stated_as_a_change_is_named_without_its_old_value() -> None:
    r = checked(_CHANGES)
    assert ("consistent", "info", ("20%", "20.0%")) in findings(r, "GW112", "20%")


_SHORT = """某县工业和信息化局2025年前三季度工作总结
1-9月，全县规上工业增加值同比增长5.7%，工业经济稳中有进。
一、工业运行
（一）总量平稳。1-9月，全县规模以上工业企业实现总产值96.2亿元，同比增长8.1%；规模以上工业增加值同比增长5.7%。
"""


def test_a_short_form_names_the_same_rate() -> None:
    r = checked(_SHORT)
    assert ("consistent", "info", ("5.7%", "5.7%")) in findings(r, "GW112", "5.7%")
