"""Engineer R2 (wave 15): a share whose part stands before its own change clause (X 30.3 亿元，
同比增长 18.4%，占 Y 的 46.8%; invented words): the change of the part between the part and 占
keeps the part the figure before the cue, so the share is read with its part and the whole its
cue names (GW107)."""

from __future__ import annotations

from checkfacts import checked, findings

from gongwen.check import Report

HEAD = "关于2025年青苇县经济运行情况的报告\n一、主要成效\n（一）投资运行\n"


def run(body: str) -> Report:
    return checked(HEAD + body)


def test_a_part_with_its_growth_rate_before_the_cue() -> None:
    body = ("全年全县完成交通投资52.0亿元，同比增长9.1%。其中完成农村公路投资13.0亿元，同比增长6.2%，"
            "占交通投资的{x}%。")
    assert findings(run(body.format(x="25.0")), "GW107", "25.0%") == [
        ("consistent", "info", ("13.0亿元", "25.0%", "52.0亿元"))]
    # the whole stands in the share's sentence, named by the cue: a wrong share is an error
    assert findings(run(body.format(x="27.0")), "GW107", "27.0%") == [
        ("inconsistent", "error", ("13.0亿元", "27.0%", "52.0亿元"))]


def test_a_part_with_its_change_in_its_own_unit() -> None:
    body = ("截至年底，全县养老保险参保人数40.00万人。其中，机关事业单位参保6.00万人，较上年增加0.20万人，"
            "占参保总人数的{x}%。")
    assert findings(run(body.format(x="15.0")), "GW107", "15.0%") == [
        ("consistent", "info", ("15.0%", "40.00万人", "6.00万人"))]


def test_a_clause_that_is_no_change_still_parts_them() -> None:
    # 服务企业 800 家 between the part and 占 is a figure of its own, not the part's change: no reading
    body = ("全年全县完成交通投资52.0亿元。其中完成农村公路投资13.0亿元，服务企业800家，占交通投资的25.0%。")
    assert findings(run(body), "GW107", "25.0%") == []
