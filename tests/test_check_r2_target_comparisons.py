"""Engineer R2 (wave 15): a target stated with last year's actual after 较 and the growth it
makes (全年安排救助资金 2.31 亿元，较上年的 2.10 亿元增长 10.0%; invented words): the target grows
from the old value its own comparison states (GW105)."""

from __future__ import annotations

from checkfacts import checked, findings

HEAD = "青苇县民政局2026年工作计划\n一、主要目标\n（一）社会救助\n"


def growths(body: str, has: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """The growth verdicts (GW105) on the figure written ``has`` of an invented plan's ``body``."""
    return findings(checked(HEAD + body), "GW105", has)


def test_a_target_grows_from_the_old_value_its_comparison_states() -> None:
    body = "2026年全县安排城乡救助资金2.31亿元，较上年的2.10亿元增长{x}%，确保按时足额发放。"
    assert growths(body.format(x="10.0"), "2.31亿元") == [
        ("consistent", "info", ("10.0%", "2.10亿元", "2.31亿元"))]
    assert growths(body.format(x="12.0"), "2.31亿元") == [
        ("inconsistent", "error", ("12.0%", "2.10亿元", "2.31亿元"))]


def test_a_target_compared_with_a_dated_stock() -> None:
    body = "全县持证社会工作者力争达到{n}人，较2025年末的400人增长12.5%。"
    assert growths(body.format(n="450"), "450人") == [
        ("consistent", "info", ("12.5%", "400人", "450人"))]


def test_a_rate_of_another_clause_is_not_the_targets() -> None:
    # the rate after the next comma is the subsidy's own, not the fund's growth over 2.00 亿元
    body = "2026年全县安排城乡救助资金2.31亿元，较上年的2.10亿元有所增加，补助标准提高15.0%。"
    assert growths(body, "2.31亿元") == []
