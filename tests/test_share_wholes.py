"""A share whose clause names only its part or nothing is named by the whole the numbers tie it to
(labels/share_wholes.py; invented sentences)."""

from __future__ import annotations

from test_metric_families import _figures  # the same invented report head


def test_a_bare_share_is_of_the_whole_its_part_divides() -> None:
    """13 of 42 is 31.0 %: the share is of the staff count, not a bare 占比."""
    f = _figures("全局在编人员42人，其中具有财会专业背景的13人，仅占31.0%。")
    assert f["31.0%"].metric == "占全局在编人员人数比重"


def test_a_part_named_share_keeps_its_part_and_names_its_whole() -> None:
    f = _figures("全县共有公交车辆160辆，其中新能源公交车148辆，占92.5%。")
    assert f["92.5%"].metric == "新能源公交车占公交车辆数比重"


def test_the_whole_may_stand_in_an_earlier_sentence_of_the_paragraph() -> None:
    f = _figures("全年受理群众来信来访1250件次。其中来访480件次，占38.4%；网上信访620件次，占49.6%。")
    assert f["38.4%"].metric == "来访占受理件次比重"
    assert f["49.6%"].metric == "网上信访占受理件次比重"


def test_a_share_no_stated_whole_divides_keeps_its_name() -> None:
    """1025 of 2650 is 38.7 %, not 40 %; and a share with no whole stated names its part only."""
    f = _figures("全年新增就业2650人，其中灵活就业人员1025人，占40%。全县新能源公交车120辆，占92.5%。")
    assert f["40%"].metric == "灵活就业人员占比"
    assert f["92.5%"].metric == "新能源公交车占比"


def test_a_share_printed_in_whole_percent_allows_half_a_point() -> None:
    """38.68 % printed as 39 %: within half the last printed digit."""
    f = _figures("全年新增就业2650人，其中灵活就业人员1025人，占39%。")
    assert f["39%"].metric == "灵活就业人员占新增就业人数比重"
