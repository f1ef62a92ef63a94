"""Kinds and earlier values of plans, results and budgets (invented text): a plan stated as a
value, money obtained after a bare effort verb, a new value dated at a moment with its old one, a
percentage of the budget done."""

from __future__ import annotations

from test_metric_families import _figures  # the same invented report head: "一、主要工作" and the text


def test_a_plan_stated_as_a_value_is_a_target_and_the_result_beside_it_actual() -> None:
    """"年度巡查项目计划为36个，…实际完成38个": the plan is the target, what was done the result."""
    f = _figures("年初确定的年度巡查项目计划为36个，执行中相应增加项目，全年实际完成38个。")
    assert f["36个"].kind == "target"
    assert f["38个"].kind == "actual"


def test_a_bare_effort_verb_ending_its_clause_names_no_goal() -> None:
    """"积极对上汇报争取，全年争取上级资金X万元" reports money obtained, and its share, as results."""
    f = _figures("积极向上对接争取，全年争取上级项目资金5230万元，占项目完成投资的41.2%。")
    assert f["5230万元"].kind == "actual"
    assert f["41.2%"].kind == "share"


def test_the_new_value_dated_at_a_moment_keeps_the_old_one_as_its_previous() -> None:
    """"由年初的A调整为年末的B", "由年初的A增加到6月末的B": A is B's previous value, no figure of its own."""
    f = _figures("全县特困供养对象由年初的1,860人调整为年末的1,812人。城镇登记失业人员由年初的2,105人增加到6月末的2,231人。")
    assert f["1,812人"].previous == 1860
    assert f["2,231人"].previous == 2105
    assert "1,860人" not in f and "2,105人" not in f


def test_a_percentage_of_the_budget_done_is_a_completion_not_a_share() -> None:
    """"为调整预算X亿元的96.3%", "完成预算的88.7%": completions; 占一般公共预算支出的 stays a share."""
    f = _figures("全县一般公共预算支出完成38.52亿元，为调整预算40.11亿元的96.0%，比上年增加1.21亿元。"
                 "政府性基金预算收入完成9.86亿元，完成预算的87.3%。民生支出占一般公共预算支出的81.4%。")
    assert f["96.0%"].kind == "completion"
    assert f["87.3%"].kind == "completion"
    assert f["81.4%"].kind == "share"
    assert f["1.21亿元"].metric == "完成一般公共预算支出增量"
