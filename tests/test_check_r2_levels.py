"""Engineer R2 (wave 14): levels whose operands the text states away from them (invented words)
— a level (人均, 村均) whose count or amount stands earlier under its heading, a level per unit of
a measure (亩均) (GW106)."""

from __future__ import annotations

from checkfacts import checked
from checkfacts import findings as verdicts

from gongwen.check import Report

HEAD = "关于2025年青苇县文教工作情况的报告\n一、主要工作\n（一）文化惠民\n"


def run(body: str) -> Report:
    return checked(HEAD + body)


def test_a_hedged_subject_and_a_whole_named_in_other_words_are_read_and_kept_when_they_hold() -> None:
    body = "全年发放文化惠民券300万元，直接带动文化消费约4,500万元，是惠民券发放金额的{k}倍。"
    assert verdicts(run(body.format(k="15")), "GW107", "15倍") == [
        ("consistent", "info", ("15倍", "300万元", "4,500万元"))]
    assert verdicts(run(body.format(k="12")), "GW107", "12倍") == []


def test_a_level_whose_count_stands_in_the_clause_before() -> None:
    body = "全年资助困难学生1,250人，覆盖38所学校；发放助学资金375万元，人均{x}元。"
    assert verdicts(run(body.format(x="3,000")), "GW106", "人均3,000元") == [
        ("consistent", "info", ("1,250人", "375万元", "人均3,000元"))]
    assert [v[0] for v in verdicts(run(body.format(x="3,300")), "GW106", "人均3,300元")] == ["not_checkable"]


def test_a_level_per_village_counts_the_villages_stated_before() -> None:
    body = "全镇12个行政村集体经济收入均超过10万元。全镇村级集体经济总收入336万元，村均{x}万元。"
    assert verdicts(run(body.format(x="28")), "GW106", "村均28万元") == [
        ("consistent", "info", ("12个", "336万元", "村均28万元"))]


def test_a_level_per_unit_of_area_cued_by_its_measure() -> None:
    body = "新建高标准农田3.4万亩，总投资6120万元，亩均投入{x}元。"
    assert verdicts(run(body.format(x="1800")), "GW106", "1800元") == [
        ("consistent", "info", ("1800元", "3.4万亩", "6120万元"))]
    assert [v[0] for v in verdicts(run(body.format(x="2300")), "GW106", "2300元")] == ["inconsistent"]


def test_a_level_per_unit_of_area_in_its_own_numerator_unit_reads_the_amount_unconverted() -> None:
    # wave 16: 元/平方米, 座/平方公里, 公里/百平方公里 — the amount is in the level's numerator unit
    body = ("全年保障性住房销售面积25万平方米，销售额20亿元，销售均价为每平方米{x}元。"
            "建成区面积80平方公里，共有公园240座，平均每平方公里{y}座。"
            "农村公路总里程3,600公里，按全域面积2,400平方公里计算，路网密度为每百平方公里{z}公里。")
    r = run(body.format(x="8,000", y="3.0", z="150"))
    assert verdicts(r, "GW106", "每平方米8,000元") == [
        ("consistent", "info", ("20亿元", "25万平方米", "每平方米8,000元"))]
    assert verdicts(r, "GW106", "每平方公里3.0座") == [
        ("consistent", "info", ("240座", "80平方公里", "每平方公里3.0座"))]
    assert verdicts(r, "GW106", "每百平方公里150公里") == [
        ("consistent", "info", ("2,400平方公里", "3,600公里", "每百平方公里150公里"))]
    # read, not stated: a level no pair makes hold says nothing
    r = run(body.format(x="9,500", y="3.4", z="170"))
    assert [v for w in ("每平方米9,500元", "每平方公里3.4座", "每百平方公里170公里")
            for v in verdicts(r, "GW106", w) if v[0] != "not_checkable"] == []


def test_a_level_in_kilograms_of_coal_divides_tonnes_of_coal() -> None:
    body = "机关办公楼建筑面积5万平方米，全年能源消费总量400吨标准煤，单位建筑面积能耗{x}千克标准煤/平方米。"
    assert verdicts(run(body.format(x="8.00")), "GW106", "8.00千克标准煤/平方米") == [
        ("consistent", "info", ("400吨标准煤", "5万平方米", "8.00千克标准煤/平方米"))]


def test_a_level_before_last_years_level_and_its_change_takes_neither_as_its_amount() -> None:
    # wave 16: 较上年的 11.2 平方米 and 提高 0.8 平方米 after the level are no operands of it
    body = "全区建成公园绿地面积240万平方米；按城区常住人口20万人计算，人均公园绿地面积{x}平方米，较上年的11.2平方米提高0.8平方米。"
    assert verdicts(run(body.format(x="12.0")), "GW106", "12.0平方米") == [
        ("consistent", "info", ("12.0平方米", "20万人", "240万平方米"))]


def test_a_level_under_a_sub_heading_divides_the_headline_totals_of_the_reports_opening_lines() -> None:
    text = ("青苇县文化和旅游局2025年工作总结\n全年全县接待游客500万人次，实现旅游综合收入40亿元，同比分别增长8.0%和9.5%。\n"
            "一、工作成效\n（一）旅游市场\n1.游客结构优化。全年接待过夜游客150万人次，占接待游客总数的30.0%；游客人均花费{x}元。\n")
    assert verdicts(checked(text.format(x="800")), "GW106", "800元") == [
        ("consistent", "info", ("40亿元", "500万人次", "800元"))]
