"""Engineer A (wave 14): false alarms of group G's first read, fixed by the mechanism that misread
the text (invented words throughout).  G is not held out for this work: its alarms were the brief.

- a name made only of reference words (较上年的, 完成年度目标) names the figure it is the reference
  of, not a quantity of its own: two such figures are not one fact;
- 再 inside a word (再就业) plans no rest of the year.
"""

from __future__ import annotations

from gongwen.check import check
from gongwen.extract.pipeline import document_from_text, extract

HEAD = "关于2026年青禾县民政工作的报告\n一、重点工作\n（一）低保保障\n"


def _findings(body: str, code: str, head: str = HEAD) -> list[tuple[str, str, tuple[str, ...]]]:
    report = check(extract(document_from_text(head + body)))
    return [(f.status, f.severity, tuple(sorted(g.as_written for g in f.figures))) for f in report.by_code(code)]


def _problems(body: str, head: str = HEAD) -> list[str]:
    report = check(extract(document_from_text(head + body)))
    return [f"{f.code} {f.message}" for f in report.problems]


def test_two_old_values_of_two_comparisons_are_not_one_fact() -> None:
    body = ("全年安排城乡低保资金2.36亿元，较上年的2.18亿元增长8.3%。\n（二）经费保障\n"
            "全县民政事业预算安排5.12亿元，较上年的4.75亿元增长7.8%。\n")
    assert _findings(body, "GW112") == []


def test_two_completion_targets_of_two_results_are_not_one_target() -> None:
    head = "关于2025年青禾区前三季度人社工作的报告\n一、主要工作\n（一）稳就业\n"
    body = ("1-9月，全区城镇失业人员再就业1262人，完成年度目标1600人的78.9%。\n（二）技能培训\n"
            "1-9月，全区新增取得职业技能等级证书5208人，完成年度目标6400人的81.4%。\n")
    assert _findings(body, "GW112", head) == []
    # the rest of the year is not planned by the 再 of 再就业: no sum of the result with itself
    assert _findings(body, "GW101", head) == []


def test_a_completion_target_restated_in_the_plan_is_still_confirmed() -> None:
    head = "关于2025年青禾区前三季度人社工作的报告\n一、主要工作\n（一）稳就业\n"
    body = ("1-9月，全区城镇新增就业5318人，完成年度目标7200人的73.9%。\n二、第四季度工作打算\n"
            "确保全年城镇新增就业7200人以上。\n")
    found = _findings(body, "GW112", head)
    assert ("consistent", "info", ("7200人", "7200人")) in found
