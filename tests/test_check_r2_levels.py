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
