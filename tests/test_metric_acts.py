"""A head-count whose program is named by an act, before the people the act was done to, counts by
the act (invented text)."""

from __future__ import annotations

from test_metric_families import _figures  # the same invented report head: "一、主要工作" and the text


def test_people_after_an_act_program_count_by_the_act() -> None:
    """"接收安置各类退役军人215人": the people are whom the act was done to; the count is the act's
    (接收安置人数), and the parts of its 其中 list are the same count."""
    f = _figures("全年接收安置各类退役军人215人，其中安排工作退役士兵31人、自主就业退役士兵176人。")
    assert f["215人"].metric == "接收安置人数"
    assert f["176人"].metric == "接收安置人数"


def test_people_after_a_program_that_is_no_act_keep_their_noun() -> None:
    """A program's name that names no act (城乡居民基本医疗保险) leaves what follows it: 参保人数."""
    f = _figures("全年城乡居民基本医疗保险参保人数达到36.2万人。")
    assert f["36.2万人"].metric == "参保人数"


def test_a_count_of_places_running_into_a_long_amount_name_counts_the_places() -> None:
    """"全乡11个行政村集体经济经营性收入合计由…": what is counted is the category the amount's long name
    opens on (行政村数), not the bare 数量 a run too long for the counted noun left."""
    f = _figures("全乡11个行政村集体经济经营性收入合计由上年的900万元增加到1050万元。"
                 "全镇13个行政村集体经营性收入由上年的600万元增加到700万元。")
    assert f["11个"].metric == "行政村数"
    assert f["13个"].metric == "行政村数"


def test_a_light_verb_leaves_the_act_to_its_object() -> None:
    """"完成车辆年检2350台次": 完成 only carries the act its object names — the count is of 车辆年检, and
    the parts of its 其中 list count the same; a verb that is the act itself still names it (检查家次)."""
    f = _figures("全年共完成车辆年检2350台次，其中营运车辆1460台次、非营运车辆890台次。"
                 "全年检查食品经营单位3120家次。")
    assert f["2350台次"].metric == "车辆年检台次"
    assert f["1460台次"].metric == "车辆年检台次"
    assert f["3120家次"].metric == "检查家次"
