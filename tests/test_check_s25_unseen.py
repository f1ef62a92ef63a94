"""Causes the twenty-fifth session's held-out group (R) showed, each a mechanism any report may use,
in invented words through the real extractor, with a sibling that must still be checked so a rule
cannot simply stay silent: a per-pupil or per-mileage ratio counted in a count's unit; a rate of acts
against things; the level of another moment (较上年末的, 比去年同期的) as a part or whole; a growth
whose clause restates its subject; a 其中 after a sentence that takes a level to a new value; a
table of indicators each in its own unit; two targets of a plan that share a noun; the reach of two
sets of acts."""

from __future__ import annotations

from checkfacts import checked, findings

HEAD = "蒿川县某中心2026年工作总结\n一、主要工作\n"


def test_a_ratio_per_pupil_or_per_mileage_is_no_count() -> None:
    r = checked(HEAD + "实训工位总数达到1860个，生均实训工位0.64个。全年发生责任事故3起，百万公里责任事故率0.041次。")
    assert findings(r, "GW118") == []
    # a count is still a whole number
    r = checked(HEAD + "全年救助困难职工12.5人，发放救助金36万元。")
    assert findings(r, "GW118") == [("inconsistent", "error", ("12.5人",))]


def test_a_rate_of_acts_is_not_of_things() -> None:
    r = checked(HEAD + "全年开展安全检查142次，排查整改隐患318处，隐患整改率100%。")
    assert [f for f in findings(r, "GW123") if f[0] == "inconsistent"] == []
    # persons over person-visits still divide (取证 over 培训)
    r = checked(HEAD + "全年开展技能培训4200人次，取证3024人，取证率72.0%。")
    assert ("consistent", "info", ("3024人", "4200人次", "72.0%")) in findings(r, "GW123")


def test_the_level_of_another_moment_is_no_whole_of_a_list() -> None:
    body = "五老志愿者队伍发展到2460人，较上年末的2180人增加280人，其中老干部860人、老教师{n}人、老模范310人。"
    assert findings(checked(HEAD + body.format(n="1090")), "GW108") == [
        ("consistent", "info", ("1090人", "2460人", "310人", "860人"))]
    # the list against the year's level still fails where it exceeds it
    assert [f[0] for f in findings(checked(HEAD + body.format(n="1390")), "GW108")] == ["inconsistent"]


def test_the_level_of_another_moment_is_no_part_of_a_share() -> None:
    body = ("全县有效灌溉面积14万亩。全年累计完成灌溉面积12.6万亩，较去年同期的11.2万亩增长12.5%，"
            "占有效灌溉面积的{r}%。")
    assert [f for f in findings(checked(HEAD + body.format(r="90.0")), "GW107") if f[0] == "inconsistent"] == []
    assert ("inconsistent", "error", ("12.6万亩", "14万亩", "80.0%")) in \
        findings(checked(HEAD + body.format(r="80.0")), "GW107")


def test_a_growth_that_restates_its_subject_compares_that_level() -> None:
    body = "前三季度应收租金1486万元，实收1392万元，收缴率93.7%；实收租金较去年同期的1268万元增长{g}%。"
    assert findings(checked(HEAD + body.format(g="9.8")), "GW105") == [
        ("consistent", "info", ("1268万元", "1392万元", "9.8%"))]
    assert findings(checked(HEAD + body.format(g="8.9")), "GW105") == [
        ("inconsistent", "error", ("1268万元", "1392万元", "8.9%"))]


def test_a_list_after_a_level_taken_to_a_new_value_breaks_that_level_down() -> None:
    body = "全年新开线路9条，全区公交线路由上年末的79条增至86条。其中，城区线路52条、城乡线路27条、镇村线路{n}条。"
    assert [f for f in findings(checked(HEAD + body.format(n="7")), "GW108") if f[0] == "inconsistent"] == []
    found = findings(checked(HEAD + body.format(n="17")), "GW108") + findings(checked(HEAD + body.format(n="17")), "GW101")
    assert any(f[0] == "inconsistent" and "86条" in f[2] for f in found)
    assert not any("9条" in f[2] for f in found)


INDICATORS = ("蒿川县编办2027年工作计划\n一、主要目标\n主要指标见下表。\n"
              "| 指标 | 单位 | 2026年完成 | 2027年目标 |\n"
              "| 清理规范事业单位 | 个 | 37 | 24 |\n"
              "| 收回空编 | 名 | 142 | 150 |\n"
              "| 事业编制总量 | 名 | 9846 | 9800 |\n")


def test_a_table_of_indicators_in_their_own_units_has_no_total_row() -> None:
    r = checked(INDICATORS)
    assert findings(r, "GW102") == [] and findings(r, "GW117") == []
    # a total row over rows of its own unit still sums them
    r = checked(INDICATORS.replace("| 清理规范事业单位 | 个 | 37 | 24 |", "| 核减编制 | 名 | 37 | 24 |")
                .replace("事业编制总量", "合计").replace("9846", "179").replace("9800", "175"))
    assert ("inconsistent", "error") in [f[:2] for f in findings(r, "GW102")]


def test_two_targets_sharing_a_noun_are_two_targets() -> None:
    plan = ("蒿川县编办2027年工作计划\n一、主要目标\n清理规范事业单位24个，全县事业单位总数压减至288个以内。\n"
            "二、重点任务\n对从事生产经营活动的{n}个事业单位，年底前全部完成转企改制。\n")
    assert findings(checked(plan.format(n="17")), "GW112") == []
    # the same target set twice one slip apart is still reported
    assert [f[0] for f in findings(checked(plan.replace("对从事生产经营活动的{n}个事业单位", "清理规范事业单位{n}个")
                                            .format(n="42")), "GW112")] == ["inconsistent"]


def test_the_reach_of_two_sets_of_acts_is_two_facts() -> None:
    text = (HEAD + "前三季度共开展各类活动3620余场次，受教育青少年41.6万人次。\n二、主题教育\n"
            "前三季度共举办报告会624场次，受教育青少年{n}万人次。\n")
    assert findings(checked(text.format(n="15.8")), "GW112") == []
    assert [f[0] for f in findings(checked(text.replace("624场次", "3620余场次").format(n="14.6")), "GW112")] == \
        ["inconsistent"]


def test_a_whole_named_in_the_sentence_before_a_semicolon_clause_is_the_texts_own() -> None:
    body = ("主要病虫害累计发生面积61.2万亩次，防治面积82.6万亩次。大力推进统防统治，确保应防尽防；同时完成统防统治面积"
            "41.3万亩次，占防治面积的{r}%。")
    assert findings(checked(HEAD + body.format(r="50.0")), "GW107") == [
        ("consistent", "info", ("41.3万亩次", "50.0%", "82.6万亩次"))]
    assert findings(checked(HEAD + body.format(r="55.0")), "GW107") == [
        ("inconsistent", "error", ("41.3万亩次", "55.0%", "82.6万亩次"))]


PLAN_TABLE = ("芷川市社科联2027年工作计划\n一、建强普及基地\n截至2026年底，全市共有市级社科普及基地32个。2027年拟新命名市级社科"
              "普及基地{n}个，市级社科普及基地总数达到{t}个。\n二、主要工作指标\n"
              "指标 2026年完成 2027年目标 增减\n"
              "社科规划课题立项（项） 126 140 14\n"
              "市级社科普及基地（个） 32 38 6\n")


def test_new_things_restate_a_tables_column_of_changes_not_its_levels() -> None:
    assert [f for f in findings(checked(PLAN_TABLE.format(n="6", t="38")), "GW125") if f[0] == "inconsistent"] == []
    # the level the text states is still the level column's
    assert ("inconsistent", "error", ("37个", "38")) in findings(checked(PLAN_TABLE.format(n="6", t="37")), "GW125")


def test_a_paragraph_opened_by_qizhong_may_speak_of_the_paragraph_before() -> None:
    body = ("去年，全市签约公益创投项目29个，获得资金101.7万元。\n"
            "其中，作为特色品牌，暑期假日学校共筹集经费{n}万元，开办假日学校1243所。\n")
    assert findings(checked(HEAD + body.format(n="1093.51")), "GW108") == []
    # within its own paragraph the list is still checked against its whole
    assert [f[0] for f in findings(checked(HEAD + body.replace("。\n其中", "，其中").format(n="1093.51")), "GW108")] \
        == ["inconsistent"]
