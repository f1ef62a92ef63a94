"""Rates the checker reads as mechanisms any report may use (issue 10, session 5, engineer K):
each case in invented words through the real extractor, with a sibling that must stay silent or be
reported so a rule cannot simply pass everything."""

from __future__ import annotations

import pytest
from test_check_new_writers import run  # the same report head and helpers


@pytest.mark.parametrize("rate, verdict", [("111.7", ("consistent", "info")),
                                           ("121.7", ("inconsistent", "error"))])
def test_a_completion_whose_cue_names_the_target_after_its_figure(rate: str, verdict) -> None:
    r = run(f"全年学堂完成植书53,600册，完成县下达48,000册任务的{rate}%。")
    found = [f for f in r.by_code("GW122") if "53,600册 ÷ 48,000册" in f.message]
    assert [(f.status, f.severity) for f in found] == [verdict]


@pytest.mark.parametrize("rate, verdict", [("67.5", [("consistent", "info")]),
                                           ("62.5", [("inconsistent", "warning")])])
def test_a_completion_against_a_task_stated_in_an_earlier_sentence(rate: str, verdict) -> None:
    r = run("今年县下达学堂修缮任务32万平方米，修缮标准不低于300元。截至6月底，已完成修缮21.6万平方米，"
            f"占年度任务的{rate}%，质量总体良好。")
    found = [f for f in r.by_code("GW122") if "21.6万平方米 ÷ 32万平方米" in f.message]
    assert [(f.status, f.severity) for f in found] == verdict


def test_a_completion_takes_no_target_of_another_paragraph_nor_of_two_values() -> None:
    r = run("今年县下达学堂修缮任务32万平方米。\n截至6月底，已完成修缮21.6万平方米，占年度任务的67.5%。")
    assert list(r.by_code("GW122")) == []
    r = run("县下达学堂修缮任务32万平方米，另下达书院修缮任务30万平方米。已完成修缮21.6万平方米，占年度任务的67.5%。")
    assert list(r.by_code("GW122")) == []


@pytest.mark.parametrize("rate, status", [("101.3", "consistent"),  # 24 ÷ 23.69 = 101.31 %: as printed
                                          ("102.5", "weak")])  # within 99.20–103.42 %, not as printed
def test_a_loose_pass_verifies_when_the_printed_figures_give_the_printed_rate(rate: str, status: str) -> None:
    r = run(f"全年学堂收入24亿元，为年初预算23.69亿元的{rate}%。")
    found = [f for f in r.by_code("GW122") if "24亿元 ÷ 23.69亿元" in f.message]
    assert [(f.status, f.severity) for f in found] == [(status, "info")]


def test_a_hedged_operand_is_no_printed_value_to_compute_from() -> None:
    from decimal import Decimal as D

    from gongwen.check.evaluation.ratios import _printed
    from gongwen.figure import Figure

    rate, whole = Figure(D("101.3"), "%"), Figure(D("2369000000"), "元")
    calls = []
    assert _printed([rate, Figure(D("2400000000"), "元", approx="约"), whole], lambda *a: calls.append(a)) is None
    assert _printed([rate, Figure(D("2400000000"), "元"), whole], lambda *a: (True, None, None)) is not None


@pytest.mark.parametrize("rate, verdict", [("5.8", ("consistent", "info")), ("15.8", ("inconsistent", "warning"))])
def test_a_targets_growth_year_on_year_from_the_actual_its_name_shares(rate: str, verdict) -> None:
    r = run("2025年，全镇实现学田总收入2846万元，其中书院收入1215万元。\n"
            f"2026年，力争学田总收入达到3012万元，同比增长{rate}%。")
    found = [f for f in r.by_code("GW105") if "3012万元 − 2846万元" in f.message]
    assert [(f.status, f.severity) for f in found] == [verdict]
