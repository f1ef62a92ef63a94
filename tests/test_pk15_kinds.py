"""Kinds the fifteenth session read anew (engineer PK); every clause here is invented.

A floor on a rate's own name is a target in a plan (a rule named after it keeps it a condition);
a change between two levels its sentence states stays a change in a plan; the count of a whole's
units a plan acts on is a fact; 增产 and the old value of a growth rate are changes; a loan ceiling
is a standard.
"""

from __future__ import annotations

from types import SimpleNamespace

from gongwen.extract.figures.labels.kinds import figure_kind


def _kind(clause: str, unit: str = "人", *, sentence: str = "", after: str = "", plan: bool = False,
          delta: bool = False, plan_document: bool = False) -> str:
    return figure_kind(SimpleNamespace(clause=clause, before=sentence + clause, after=after, unit=unit, delta=delta,
                                       headings=("2026年工作计划",) if plan else (), bound=None,
                                       plan_document=plan_document, past=False, after_level=False, written=""))


def test_a_floor_on_a_rates_own_name_is_a_target_in_a_plan() -> None:
    assert _kind("投诉按期办结率不低于", "%", plan=True) == "target"
    assert _kind("力争救助资金年增幅不低于", "%", plan=True) == "target"
    # a rule named after it, or a floor on a share of a rule, stays a rule's threshold
    assert _kind("适龄儿童疫苗接种率不低于", "%", after="的要求", plan=True) == "condition"
    assert _kind("双随机抽查比例不低于", "%", plan=True) == "condition"


def test_a_change_between_two_stated_levels_stays_a_change_in_a_plan() -> None:
    assert _kind("增长", "%", sentence="城市低保标准由每人每月800元提高到840元，", plan=True) == "change"
    assert _kind("较上年的2.1亿元增长", "%", sentence="全年安排救助资金2.3亿元，", plan=True) == "change"
    # with a goal verb, or with no level stated, it is the plan's target
    assert _kind("增长", "%", sentence="力争社会消费品零售总额达到90亿元，", plan=True) == "target"
    assert _kind("地区生产总值增长", "%", plan=True) == "target"


def test_the_count_of_a_wholes_units_in_a_plan_is_a_fact() -> None:
    """In a work plan the count of the units it acts on is a fact of its year; in a summary's closing
    plan section the checker reads the section as the next year's, so the count stays its target."""
    assert _kind("对全县", "名", after="困难老人开展走访", plan_document=True) == "actual"
    assert _kind("实现全镇", "个", after="行政村全覆盖", plan_document=True) == "actual"
    assert _kind("全县新建", "个", after="村级服务站", plan_document=True) == "target"
    assert _kind("对全县", "名", after="困难老人开展走访", plan=True) == "target"


def test_output_differences_and_old_growth_rates_are_changes() -> None:
    assert _kind("较上年增产", "吨") == "change"
    assert _kind("增速较一季度的", "%") == "change"
    assert _kind("增速比1-5月（", "%") == "change"


def test_a_loan_ceiling_is_a_standard() -> None:
    assert _kind("公积金贷款最高额度由50万元提高到", "元") == "standard"
    assert _kind("新增专项债券额度由12亿元增加到", "元") == "actual"
