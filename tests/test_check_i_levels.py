"""Rates, shares and levels the checker reads as mechanisms any report may use (issue 10, session 5,
engineer I): each case in invented words through the real extractor, with a sibling that must stay
silent or be reported so a rule cannot simply pass everything."""

from __future__ import annotations

import pytest
from test_check_new_writers import run  # the same report head and helpers


@pytest.mark.parametrize("level, verdict", [
    ("平均单产412.5公斤/亩", [("consistent", "info")]),
    ("学田亩产达到412.5公斤", [("consistent", "info")]),
    ("平均单产452.5公斤/亩", []),  # read, not stated: a level no pairing makes is no finding
])
def test_a_level_per_measure_converts_its_operands(level: str, verdict: list[tuple[str, str]]) -> None:
    r = run(f"全镇学田播种面积12.8万亩，其中稻谷9.6万亩。学田总产量5.28万吨，较上年增加0.12万吨；{level}。")
    found = [f for f in r.by_code("GW106") if "亩" in f.message]
    assert [(f.status, f.severity) for f in found] == verdict
    if verdict:
        assert "5.28万吨 ÷ 12.8万亩（吨折公斤）" in found[0].message


def test_a_level_per_measure_takes_no_other_measure() -> None:
    r = run("全镇学田播种面积12.8万亩，学田总长度5.28万米，平均单产412.5公斤/亩。")
    assert [f for f in r.by_code("GW106") if "亩" in f.message] == []
