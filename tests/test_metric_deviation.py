"""A level's departure from a norm or an earlier year (较常年同期偏多, 比前年偏大) is a change of the level
before it: the norm and the direction name no measure of their own (invented sentences)."""

from __future__ import annotations

from test_metric_families import _figures  # the same invented report head: "一、主要工作" and the text


def test_a_departure_from_the_norm_measures_the_level_before_it() -> None:
    f = _figures("前三季度，全县累计蒸发量865毫米，较常年同期的790毫米偏多9.5%。")
    assert f["9.5%"].metric == "蒸发量偏多增速"
    assert f["9.5%"].kind == "change"


def test_a_departure_written_with_pian_da_is_a_change_too() -> None:
    # (偏大 and 偏小 depart as 偏多 and 偏少 do: 比前年偏大 is an increase, 较上年偏小 a decrease)
    f = _figures("全年河道径流量3.26亿立方米，比前年偏大6.4%；年平均含沙量1.8千克每立方米，较上年偏小0.3千克每立方米。")
    assert f["6.4%"].metric == "河道径流量偏大增速"
    assert f["6.4%"].change is not None and f["6.4%"].change > 0
