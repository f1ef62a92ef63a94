"""Checks the seventeenth session read anew (engineer PK); every sentence here is invented.

A growth target named by its rate's bare name (增幅控制在) names no quantity: two such targets of
two levels are never one fact.  A goal, last year's level after 较…的 and the difference stated
after it (力争达到260人，较上年末的230人增加30人) are checked as a stated change is.
"""

from __future__ import annotations

from test_check_new_writers import run, verdicts

from gongwen.check import check
from gongwen.extract.pipeline import document_from_text, extract

PLAN = "青禾镇2026年工作计划\n一、主要目标\n{}\n青禾镇人民政府\n2026年1月8日"


def test_two_growth_targets_of_two_levels_are_not_one_target() -> None:
    r = run("青禾县医疗保障局2026年工作计划\n一、主要目标\n职工医保基金支出控制在12.6亿元以内（2025年为12.1亿元），"
            "增幅控制在4.1%以内；居民医保基金支出控制在9.8亿元以内（2025年为9.4亿元），增幅控制在4.3%以内。")
    assert verdicts(r, "GW112") == []


def test_a_targets_difference_from_last_years_level_is_checked() -> None:
    """力争达到 260 人，较上年末的 230 人增加 30 人: the goal, last year's level and their difference."""
    plan = PLAN.format("全镇持证社工力争达到260人，较2025年末的230人增加{}人。")
    assert verdicts(check(extract(document_from_text(plan.format(30)))), "GW104") == [("consistent", "info")]
    assert [v for v, _ in verdicts(check(extract(document_from_text(plan.format(40)))), "GW104")] == ["inconsistent"]
