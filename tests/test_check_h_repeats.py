"""A fact stated twice under two wordings of its name (engineer H, session 5): one name is the
other with words added (调解学堂纠纷 / 受理调解学堂纠纷, 追回学堂经费 / 追回违规使用的学堂经费).
Equal values confirm; a misprint is reported; any other difference says nothing, since the longer
name may count a part of the shorter one's quantity."""

from __future__ import annotations

import pytest
from test_check_new_writers import run, verdicts

INTRO = "全区学堂事业稳步发展，全年共调解学堂纠纷2,416件。\n二、主要工作\n（一）化解纠纷。全年共受理调解学堂纠纷{n}件，调解成功率98.2%。"


@pytest.mark.parametrize("n, verdict", [
    ("2,416", [("consistent", "info")]),
    ("2,461", [("inconsistent", "error")]),  # two digits swapped: no reading makes both true
    ("2,516", [("inconsistent", "warning")]),  # one digit: a misprint, or the longer name counts a part
    ("1,870", []),  # another value: the longer name may count a part
], ids=["equal", "swapped", "one-digit", "other"])
def test_a_name_inside_another_names_the_same_count(n: str, verdict: list[tuple[str, str]]) -> None:
    assert verdicts(run(INTRO.format(n=n)), "GW112") == verdict


@pytest.mark.parametrize("n, verdict", [
    ("1,126.4", [("consistent", "info")]),
    ("1,136.4", [("inconsistent", "warning")]),
    ("842.0", []),
])
def test_words_added_between_head_and_tail(n: str, verdict: list[tuple[str, str]]) -> None:
    r = run(f"全区学堂事业稳步发展，全年追回学堂经费1,126.4万元。\n二、主要工作\n（一）强化监管。全年追回违规使用的学堂经费{n}万元。")
    assert verdicts(r, "GW112") == verdict


def test_a_set_and_the_part_counted_within_it_stay_apart() -> None:
    r = run("全区规模以上学堂186家，营业收入增长4.2%。\n二、存在的问题\n全区规模以上学堂中亏损学堂168家。")
    assert verdicts(r, "GW112") == []


REST = "截至年底，全区共有学堂机构312个，其中公办学堂9个、民办学堂14个、村级学堂271个，{tail}，覆盖城乡。"


@pytest.mark.parametrize("tail, sums, subsets", [
    ("培训中心、书院等其他机构18个", [("consistent", "info")], []),
    ("培训中心、书院等其他机构19个", [("inconsistent", "error")], []),  # the rest closes the list
    ("培训中心、书院19个", [], [("consistent", "info")]),  # no rest: the 、-list ends at the comma
], ids=["rest-holds", "rest-misses", "no-rest"])
def test_an_item_named_the_rest_closes_a_list(tail: str, sums: list[tuple[str, str]],
                                               subsets: list[tuple[str, str]]) -> None:
    r = run(REST.format(tail=tail))
    assert verdicts(r, "GW101") == sums
    assert verdicts(r, "GW108") == subsets


def test_the_rest_of_a_list_counted_in_two_words_for_one_count_closes_it() -> None:
    # 家 and 个 both count the 学堂机构 (one_count_units; engineer F7, wave 13 — this was left open
    # before): 9 + 14 + 271 + 19 = 313, not 312
    r = run("截至年底，全区共有学堂机构312个，其中公办学堂9家、民办学堂14家、村级学堂271个、书院等其他机构19个。")
    assert verdicts(r, "GW101") == [("inconsistent", "error")]


def test_the_rest_closes_a_bracketed_breakdown() -> None:
    r = run("截至年底，全区共有学堂机构312个（公办学堂9个、民办学堂14个、村级学堂271个、其他机构19个），覆盖城乡。")
    assert verdicts(r, "GW101") == [("inconsistent", "error")]
