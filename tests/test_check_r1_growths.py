"""Engineer R1 (wave 14): a growth rate restated in two sections (invented words) — beside the new
value of a stated change (由上年的 … 增加到 …，增长 5.2%), beside a level per head (人均 … 元), or with
no level at all, named by its own clause (税收收入同比下降 6.4%)."""

from __future__ import annotations

from test_check_r_coverage import _verdicts  # the same invented report head and helpers

CHANGE = ("全年实现地方财政收入18.74亿元，同比增长{a}，保障有力。\n"
          "（二）财政收入\n全县地方财政收入由上年的17.81亿元增加到18.74亿元，增长5.2%，完成预算的102.1%。\n")


def test_a_rate_beside_a_change_s_new_value_is_the_rate_stated_in_the_summary() -> None:
    assert ("consistent", "info", ("5.2%", "5.2%")) in _verdicts(CHANGE.format(a="5.2%"), "GW112")


PER_HEAD = ("全年城镇居民人均消费支出达到28,460元，同比增长{a}，消费结构持续升级。\n"
            "（三）居民消费\n城镇居民人均消费支出由上年的27,020元增加到28,460元，增长5.3%。\n")


def test_a_rate_of_a_level_per_head_is_the_rate_stated_in_the_summary() -> None:
    assert ("consistent", "info", ("5.3%", "5.3%")) in _verdicts(PER_HEAD.format(a="5.3%"), "GW112")


OWN = ("全县税收收入完成9.36亿元，完成预算的96.2%，同比下降{a}，主要是增值税留抵退税增加。\n"
       "二、存在的问题\n一是收入基础仍不牢固，税收收入同比下降6.4%，对全县财力形成拖累。\n")


def test_a_rate_with_no_level_is_named_by_its_own_clause() -> None:
    assert ("consistent", "info", ("6.4%", "6.4%")) in _verdicts(OWN.format(a="6.4%"), "GW112")

