"""An amount paid out is named by the verb the report wrote (拨付, 筹集, 下拨, 发放), not always by
发放 (invented text)."""

from __future__ import annotations

from test_metric_families import _figures  # the same invented report head: "一、主要工作" and the text


def test_the_pay_verb_of_the_clause_names_the_amount() -> None:
    """"拨付X资金N万元" is X资金's 拨付金额, "筹集Y公益金M亿元" its 筹集金额, a bare "已拨付K万元" the
    拨付金额 (was 发放金额 for all three); "发放Z资金" keeps 发放金额."""
    f = _figures("全年拨付水毁道路修复资金286万元。筹集福利彩票公益金1.38亿元。"
                 "年度补助资金共2410万元，截至10月底已拨付1975万元。发放冬春生活救助资金97.6万元。")
    assert f["286万元"].metric == "水毁道路修复资金拨付金额"
    assert f["1.38亿元"].metric == "福利彩票公益金筹集金额"
    assert f["1975万元"].metric == "拨付金额"
    assert f["97.6万元"].metric.endswith("资金发放金额")
