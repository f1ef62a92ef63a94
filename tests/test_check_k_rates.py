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
