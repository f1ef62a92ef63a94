"""Engineer F3: traps of correct reports by new writers, read with the evidence a reader needs
(invented words). Each correct text must give no finding a reader has to look at; a sibling with
one figure misprinted is still reported where the text makes the relation, so a rule cannot
simply stay silent."""

from __future__ import annotations

import pytest
from test_check_r_coverage import _report, _verdicts  # the same invented report head and helpers


def _problems(body: str) -> list[tuple[str, str, str]]:
    return [(f.code, f.status, f.severity) for f in _report(body).findings if f.problem]


def _figures(body: str, code: str, status: str = "consistent") -> list[tuple[str, ...]]:
    return [v[2] for v in _verdicts(body, code) if v[0] == status]


# --- a classification after a plan and what was done shares out what was done
PLAN = "年初下达的农村公路建设项目计划为30个，实际完成33个，完成计划的110.0%。按类型分，新建项目{a}个、改建项目15个、养护工程6个。"


def test_a_classification_after_a_plan_shares_out_what_was_done() -> None:
    body = PLAN.format(a="12")
    assert _problems(body) == []
    assert ("12个", "15个", "33个", "6个") in _figures(body, "GW108")


def test_a_classification_that_exceeds_what_was_done_is_still_reported() -> None:
    assert ("GW108", "inconsistent", "error") in _problems(PLAN.format(a="13"))


# --- a classification after a sentence of 其中 parts shares out their whole, not its first part
CASES = "全年查处违法案件涉案金额2.40亿元。其中，罚没金额0.90亿元，责令退还金额1.50亿元。从行业看，食品领域{a}亿元，药品领域0.60亿元，其余分布在特种设备等领域。"


def test_a_classification_after_a_list_of_parts_shares_out_their_whole() -> None:
    body = CASES.format(a="0.80")
    assert _problems(body) == []
    assert ("0.60亿元", "0.80亿元", "2.40亿元") in _figures(body, "GW108")


def test_a_classification_that_exceeds_the_whole_of_the_parts_before_it_is_still_reported() -> None:
    assert ("GW108", "inconsistent", "error") in _problems(CASES.format(a="1.90"))


# --- a figure a 其中 puts under one class of a classification is no class of its own
REVENUE = "全年地方财政收入45.20亿元。从收入结构看，税收收入31.60亿元，增长3.2%，其中增值税12.40亿元、企业所得税5.10亿元；非税收入{b}亿元，增长5.1%。"


def test_a_sub_item_under_a_class_is_no_class_of_its_own() -> None:
    # 税收收入 and 非税收入 partition a budget's revenue (vocab exhaustive_sets): the two classes
    # are its sum, and the sub-items under 税收收入 are no classes of it
    body = REVENUE.format(b="13.60")
    assert _problems(body) == []
    assert ("13.60亿元", "31.60亿元", "45.20亿元") in _figures(body, "GW101")


def test_classes_that_exceed_their_whole_without_their_sub_items_are_still_reported() -> None:
    assert ("GW101", "inconsistent", "error") in _problems(REVENUE.format(b="15.60"))


# --- a clause that classifies the whole anew ends a 其中 list
HARDSHIP = "全县登记困难职工2,160人。其中，因病致困{a}人；因残致困420人；因灾致困210人；按行业分，制造业职工1,130人。"


def test_a_new_classification_ends_a_list_of_parts() -> None:
    body = HARDSHIP.format(a="980")
    assert _problems(body) == []
    assert ("2,160人", "210人", "420人", "980人") in _figures(body, "GW108")


def test_parts_that_exceed_their_whole_before_a_new_classification_are_still_reported() -> None:
    assert ("GW108", "inconsistent") in [p[:2] for p in _problems(HARDSHIP.format(a="1,980"))]


# --- a balance of money dated at a moment carries what was there before the year's flows
@pytest.mark.parametrize("body", [
    "全年归集住房维修资金3,860万元，使用维修资金2,940万元；年末维修资金结余1.26亿元，全部存入专户。",
    "全年发放创业担保贷款2,480万元，收回到期贷款1,620万元。截至11月底，全县创业担保贷款余额6,350万元。",
], ids=["year-end", "month-end"])
def test_a_balance_at_a_moment_is_no_difference_of_the_years_flows(body: str) -> None:
    assert _problems(body) == []
    assert _verdicts(body, "GW104") == []


def test_the_periods_own_balance_is_still_the_difference_of_its_flows() -> None:
    body = "全年归集住房维修资金3,860万元，使用维修资金2,940万元，当期结余{b}万元；年末维修资金结余1.26亿元。"
    assert [v[:2] for v in _verdicts(body.format(b="920"), "GW104")] == [("consistent", "info")]
    assert [v[0] for v in _verdicts(body.format(b="290"), "GW104")] == ["inconsistent"]


def test_last_years_value_of_a_flow_is_no_outflow() -> None:
    body = "全年发放助学贷款8,600万元，较上年的7,900万元增长8.9%。助学贷款余额2.15亿元，风险总体可控。"
    assert _problems(body) == []
    assert _verdicts(body, "GW104") == []


# --- a target is no part of the rate of what was done
SIGNED = "按全县常住人口52.4万人计算，人均卫生费用稳步增长。\n（二）家庭医生\n全年签约服务{n}万人，完成年度任务18.2万人的{c}%，签约覆盖率36.8%。"


def test_a_target_is_no_part_of_a_rate_of_what_was_done() -> None:
    body = SIGNED.format(n="19.3", c="106.0")
    assert _problems(body) == []
    assert ("19.3万人", "36.8%", "52.4万人") in _figures(body, "GW123")


# --- a total of the items before it inside a 其中 list is their sum, not one more part
SPENDING = "全年一般公共预算支出32.6亿元，增长4.1%。其中，教育支出6.2亿元，社会保障和就业支出5.8亿元，卫生健康支出3.1亿元，农林水支出4.4亿元，四项民生支出合计{t}亿元。"


def test_a_total_inside_a_list_of_parts_is_the_sum_of_the_items_before_it() -> None:
    body = SPENDING.format(t="19.5")
    assert _problems(body) == []
    assert ("19.5亿元", "3.1亿元", "4.4亿元", "5.8亿元", "6.2亿元") in _figures(body, "GW102")
    assert ("3.1亿元", "32.6亿元", "4.4亿元", "5.8亿元", "6.2亿元") in _figures(body, "GW108")


def test_a_total_inside_a_list_of_parts_that_misses_their_sum_is_reported() -> None:
    assert ("GW102", "inconsistent", "error") in _problems(SPENDING.format(t="15.9"))


# --- a stretch goal (力争) is set beyond the target that must be met: another value by design
JOBS = "上半年，全县城镇新增就业2,140人，完成年度目标任务4,000人的53.5%。\n（二）下半年打算\n落实稳岗政策，{goal}全年城镇新增就业{n}人以上。"


def test_a_stretch_goal_is_no_restatement_of_the_target() -> None:
    body = JOBS.format(goal="力争", n="4,300")
    assert _problems(body) == []
    assert _verdicts(body, "GW112") == []


@pytest.mark.parametrize(("goal", "n", "status"), [("力争", "4,000", "consistent"), ("确保", "4,300", "inconsistent")])
def test_a_target_restated_is_still_compared(goal: str, n: str, status: str) -> None:
    assert [v[0] for v in _verdicts(JOBS.format(goal=goal, n=n), "GW112")] == [status]
