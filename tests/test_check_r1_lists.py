"""Engineer R1 (wave 14): a 其中 list that opens a paragraph of its own, after the sentence of its
whole, and runs across a ；(invented words)."""

from __future__ import annotations

from test_check_r_coverage import _verdicts  # the same invented report head and helpers

PARAGRAPH = ("（一）财政收入\n全乡完成一般公共预算收入{w}万元，较上年增加310万元，增长4.6%，为年度目标6,500万元的"
             "103.8%。\n其中，税收收入5,120万元，占一般公共预算收入的75.9%；非税收入1,627万元。全年争取补助资金2,300万元。\n")


def test_a_其中_list_opening_the_next_paragraph_adds_up_to_the_whole_before_it() -> None:
    assert ("consistent", "info", ("1,627万元", "5,120万元", "6,747万元")) in _verdicts(
        PARAGRAPH.format(w="6,747"), "GW101")


def test_a_其中_list_opening_the_next_paragraph_that_misses_its_whole_is_reported() -> None:
    # 税收 and 非税 split a budget's revenue: 5,120 + 1,627 = 6,747, not 6,774 (two digits swapped)
    assert [v[:2] for v in _verdicts(PARAGRAPH.format(w="6,774"), "GW101")] == [("inconsistent", "error")]
