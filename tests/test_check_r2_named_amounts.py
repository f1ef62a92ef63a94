"""Engineer R2 (wave 15): a level per person whose count its sentence states and whose amount
the level's own words name, stated in an earlier section (人均监管经营主体 N 户 after 一线执法人员
M 人, the 经营主体 counted in the first section; invented words): the one amount so named that
makes the level hold confirms it; none says nothing (GW106)."""

from __future__ import annotations

from checkfacts import checked, findings

from gongwen.check import Report

TEXT = ("关于2025年青苇县市场监管工作情况的报告\n一、主要成效\n（一）经营主体\n"
        "截至年底，全县登记在册经营主体45,600户，其中企业9,800户。\n"
        "（二）执法办案\n全年立案查处各类案件512件。\n"
        "二、存在问题\n基层监管力量不足，全局一线执法人员40人，人均监管经营主体{x}户，任务繁重。")


def run(x: str) -> Report:
    return checked(TEXT.format(x=x))


def test_the_amount_named_by_the_level_in_another_section() -> None:
    assert findings(run("1140"), "GW106", "1140户") == [
        ("consistent", "info", ("1140户", "40人", "45,600户"))]


def test_a_level_no_named_amount_makes_says_nothing() -> None:
    # read by name from afar: a level that does not hold is no finding (another amount may be meant)
    assert [v[0] for v in findings(run("1300"), "GW106", "1300户")] in ([], ["not_checkable"])


def test_the_noun_after_the_level_names_its_amount() -> None:
    text = ("关于2025年青苇县医保工作情况的报告\n一、主要成效\n（一）基金监管\n"
            "全年检查定点医药机构1,380家，实现检查全覆盖。\n二、存在问题\n"
            "监管力量薄弱，全县医保执法人员仅15人，人均承担约92家定点医药机构的监管任务。")
    assert findings(checked(text), "GW106", "92家") == [("consistent", "info", ("1,380家", "15人", "92家"))]
