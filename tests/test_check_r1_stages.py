"""Engineer R1 (wave 14): the later stage of one piece of work within its earlier stage, stated in
one sentence (invented words): 开工 … 完工, 检查 … 查处, 抽检 … 检出不合格, 培训 … 实现就业."""

from __future__ import annotations

from test_check_r_coverage import _report, _verdicts  # the same invented report head and helpers

WORKS = "纳入年度计划的31座山塘已开工{a}座、完工17座，完成投资1.26亿元。"


def test_what_was_finished_is_within_what_was_started() -> None:
    assert ("consistent", "info", ("17座", "26座")) in _verdicts(WORKS.format(a="26"), "GW108")


def test_a_later_stage_above_the_earlier_is_left_unsaid() -> None:
    # read from the words alone: a stage may count another batch, so nothing is reported
    assert not [f for f in _report(WORKS.format(a="12")).problems if f.code == "GW108"]


CHECKS = "全年检查餐饮服务单位{a}家，查处违法违规单位64家，罚没款86.2万元。"


def test_what_was_punished_is_within_what_was_checked() -> None:
    assert ("consistent", "info", ("1,208家", "64家")) in _verdicts(CHECKS.format(a="1,208"), "GW108")


TRAINING = "组织农村劳动力技能培训{a}人次，培训后实现就业592人，就业率81.3%。"


def test_persons_employed_after_training_are_within_the_person_times_trained() -> None:
    assert ("consistent", "info", ("592人", "728人次")) in _verdicts(TRAINING.format(a="728"), "GW108")
