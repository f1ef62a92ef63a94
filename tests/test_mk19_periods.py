"""Periods the nineteenth session read anew (engineer MK); every sentence here is invented.

- the whole a completion rate measures progress against (完成区定目标任务2.2万人的106.8%, 仅占计划
  筹集额2.0亿元的60.0%, 完成储备任务（3万吨）的85.0%) is a goal set for the year, in a report of a
  part of the year as in an annual one — the result and the rate keep the months done so far; a goal
  whose own clause writes its months (完成上半年目标任务3000人的98%) keeps them.
"""

from __future__ import annotations

import pytest

from gongwen.extract.pipeline import document_from_text, extract
from gongwen.figure import Figure

HALF = "柳溪区人社局2025年上半年工作总结\n一、主要成效\n{}\n柳溪区人社局\n2025年7月9日"
THREE = "柳溪区供销社2025年前三季度工作总结\n一、主要成效\n{}\n柳溪区供销社\n2025年10月12日"


def _figures(report: str) -> dict[str, Figure]:
    return {f.as_written: f for f in extract(document_from_text(report)).figures}


@pytest.mark.parametrize(("report", "sentence", "goal", "done", "rate", "months"), [
    pytest.param(HALF, "上半年，全区农村劳动力转移就业2.35万人，完成区定目标任务2.2万人的106.8%。",
                 "2.2万人", "2.35万人", "106.8%", "2025-01/2025-06", id="half-year-stated"),
    pytest.param(HALF, "全区农村劳动力转移就业2.35万人，完成区定目标任务2.2万人的106.8%。",
                 "2.2万人", "2.35万人", "106.8%", "2025-01/2025-06", id="half-year-of-the-report"),
    pytest.param(HALF, "上半年工作仍有短板：项目资金到位1.2亿元，仅占计划筹集额2.0亿元的60.0%。",
                 "2.0亿元", "1.2亿元", "60.0%", "2025-01/2025-06", id="share-of-a-plan"),
    pytest.param(THREE, "全区落实化肥储备2.55万吨，完成储备任务（3万吨）的85.0%。",
                 "3万吨", "2.55万吨", "85.0%", "2025-01/2025-09", id="bracketed-goal"),
])
def test_the_whole_a_completion_measures_is_the_years(report: str, sentence: str, goal: str, done: str,
                                                        rate: str, months: str) -> None:
    f = _figures(report.format(sentence))
    assert f[goal].kind == "target" and f[goal].period == "2025"
    assert (f[done].period, f[rate].period) == (months, months)
    assert f[rate].kind == "completion"


def test_a_goal_whose_clause_writes_its_months_keeps_them() -> None:
    f = _figures(HALF.format("全区组织技能培训2940人次，完成上半年目标任务3000人次的98.0%。"))
    assert f["3000人次"].kind == "target" and f["3000人次"].period == "2025-01/2025-06"


def test_a_ratio_to_a_level_that_is_no_goal_keeps_the_months() -> None:
    """为正常保有量…的 names a reference level, no goal: not the whole of a completion."""
    f = _figures(HALF.format("6月末全区能繁母猪存栏3.1万头，为正常保有量2.9万头的106.9%。"))
    assert f["2.9万头"].kind != "target" and f["2.9万头"].period != "2025"
