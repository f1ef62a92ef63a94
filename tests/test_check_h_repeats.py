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
