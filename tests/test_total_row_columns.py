"""A 合计 row's cell of a table that also has a 合计 column (季度 | 来电 | 来信 | 合计) is its column's
whole: the text naming the column restates it (来电 1,030 件), and a figure naming every column (the
grand total) is none of them (GW125).  Invented text."""

from __future__ import annotations

from checkfacts import checked, findings

_TEXT = """某县政务服务中心2025年工作总结
一、诉求办理
（一）受理总量平稳。全年共受理群众来电、来信诉求1406件，其中上半年705件、下半年701件。从渠道看，来电1030件，来信376件。
季度	来电（件）	来信（件）	合计（件）
第一季度	248	95	343
第二季度	270	92	362
第三季度	262	96	358
第四季度	250	93	343
合计	1030	376	1406
"""


def test_a_total_row_cell_is_restated_by_its_column_name() -> None:
    r = checked(_TEXT)
    assert ("consistent", "info", ("1030", "1030件")) in findings(r, "GW125", "1030件")
    assert ("consistent", "info", ("376", "376件")) in findings(r, "GW125", "376件")


def test_the_grand_total_is_no_column_total() -> None:
    r = checked(_TEXT)
    assert [f for f in findings(r, "GW125") if f[0] == "inconsistent"] == []
