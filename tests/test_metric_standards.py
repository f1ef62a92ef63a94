"""A per-unit amount set by policy whose own words name only whom or which grade it is for is the
standard of the benefit the text grants (labels/standards.py; invented sentences)."""

from __future__ import annotations

import pytest
from test_metric_families import _figures  # the same invented report head: "一、主要工作" and the text


def test_grades_of_a_standard_stated_with_an_an_clause() -> None:
    """"X按甲级每户a元、乙级每户b元的标准执行": both amounts are X's standard, not the grade."""
    f = _figures("全年完成危房改造96户。改造补助资金按甲级每户0.8万元、乙级每户2.6万元的标准执行。")
    assert f["每户0.8万元"].metric == f["每户2.6万元"].metric == "改造补助标准"


def test_a_benefit_named_after_the_amounts() -> None:
    """"给予每餐a元、b元补助" and "给予每餐c元的助餐补贴": the benefit after the amount names it."""
    f = _figures("对高龄老人和独居老人分别给予每餐3元、5元补助。对困难老人给予每餐6元的助餐补贴。")
    assert f["每餐3元"].metric == f["5元"].metric == "补助标准"
    assert f["每餐6元"].metric == "助餐补贴标准"


def test_a_benefit_named_after_its_per_unit_words() -> None:
    """"对…企业每家奖励a万元": 奖励标准, not the firms nor the verb."""
    f = _figures("全年兑现奖补资金860万元（对新认定的专精特新企业每家奖励20万元）。")
    assert f["20万元"].metric == "奖励标准"


@pytest.mark.parametrize(("text", "written", "metric"), [
    # a standard stated by its scope only, the sentence's standard named before it
    ("孤儿基本生活费标准按不低于当地低保标准的2倍确定，现行城市标准为每人每月1,620元、农村标准为每人每月1,210元。",
     "每人每月1,210元", "孤儿基本生活费标准"),
    # raised amounts with nothing before them but the verb
    ("城市、农村低保标准分别由每人每月700元、560元提高到735元、590元。", "590元", "低保标准"),
])
def test_a_standard_named_only_by_its_scope_is_the_sentences_standard(text: str, written: str, metric: str) -> None:
    assert _figures(text)[written].metric == metric


def test_a_standard_it_is_measured_against_or_a_quoted_name_is_not_its_name() -> None:
    """"…标准的1.3倍" is what it is measured against and “两项标准” a name in quotes: the standard the
    statement opens on names it."""
    f = _figures("落实特困供养“两项标准”，基本生活标准按不低于城市低保标准的1.3倍确定，自7月起由每人每月980元调整为1,020元。")
    assert f["1,020元"].metric == "基本生活标准"


def test_a_standard_named_by_its_own_words_keeps_them() -> None:
    """A clause that names its standard ("城市低保标准由…提高到…") is not renamed."""
    f = _figures("城市低保标准由每人每月735元提高到768元，农村低保标准由每人每年6,840元提高到7,200元。")
    assert f["768元"].metric == "城市低保标准"
    assert f["7,200元"].metric == "农村低保标准"
