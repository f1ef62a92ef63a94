"""A list of examples closed by 等 before the noun that names them ("A、B、C等民生事项"): the figure
counts or measures what the noun after 等 names, not the last example run into it — and a verb
inside the examples says nothing of what was counted (invented sentences)."""

from __future__ import annotations

import pytest
from conftest import report_figures

from gongwen.figure import Figure


def _figures(text: str) -> dict[str, Figure]:
    return report_figures("一、主要工作\n{}", text)


@pytest.mark.parametrize(("text", "written", "metric"), [
    # a count: the noun after 等, not the last example, nor a verb inside the examples (改造)
    ("全年调处邻里纠纷、物业矛盾、管网改造等群众诉求348件。", "348件", "群众诉求数"),
    # an amount: the measure named after 等
    ("查出虚列支出、套取补助、账外资金等问题金额1260万元。", "1260万元", "问题金额"),
    # the events counted in a unit of times
    ("组织春风行动、民营企业招聘月等专场招聘会36场。", "36场", "专场招聘会场次"),
], ids=["count", "amount", "events"])
def test_the_noun_after_deng_names_what_is_measured(text: str, written: str, metric: str) -> None:
    assert _figures(text)[written].metric == metric


def test_a_deng_inside_a_word_closes_no_list() -> None:
    # 等级 is a word: the phrase keeps what comes before it
    f = _figures("全年改造提升农村公路、等级公路86公里。")
    assert f["86公里"].metric.endswith("等级公路里程")


def test_a_verb_before_the_examples_still_names_the_act() -> None:
    # the clause's own verb before a single named thing stays the act counted
    assert _figures("全年新增社会组织7个。")["7个"].metric == "新增社会组织数"
