"""Engineer U3: where the words name a relation's operands, the reading does not depend on the
values — a mismatch is an error, and the correct sibling of each text gives no finding (invented
words)."""

from __future__ import annotations

from test_check_u2_mutants import _errors as _errors_under
from test_check_u2_mutants import _problems as _problems_under

HEAD = "关于2025年白鹭县卫生健康工作情况的报告\n一、主要工作\n（一）资源扩容\n"


def _problems(text: str) -> list[tuple[str, str, str]]:
    return _problems_under(text, HEAD)


def _errors(text: str, code: str) -> list[str]:
    return _errors_under(text, code, HEAD)


# --- a per-thousand ratio whose words name the thing it counts and the people it is per
BEDS = ("截至2025年底，全县共有医疗机构212家，实有床位1,974张。全年新增床位120张。"
        "按全县常住人口35.2万人计算，每千人口床位数达到{rate}张。")


def test_a_per_thousand_ratio_named_by_its_operands_that_holds_is_no_problem() -> None:
    assert _problems(BEDS.format(rate="5.61")) == []  # 1974 ÷ 352000 × 1000 = 5.61


def test_a_per_thousand_ratio_named_by_its_operands_that_misses_is_an_error() -> None:
    # one digit changed (6.61 for 5.61) fits no pairing by value: the words pair the beds stated
    # before (实有床位, not the 新增 ones) with the population, so the miss is an error
    (msg,) = _errors(BEDS.format(rate="6.61"), "GW106")
    assert "6.61张" in msg


OLD = ("全区60周岁以上老年人8.46万人。全区共有养老床位2,310张，其中护理型床位1,402张。"
       "每千名老年人拥有养老床位{rate}张。")


def test_a_per_thousand_ratio_of_a_named_people_that_holds_is_no_problem() -> None:
    assert _problems(OLD.format(rate="27.3")) == []  # 2310 ÷ 84600 × 1000 = 27.30


def test_a_per_thousand_ratio_of_a_named_people_that_misses_is_an_error() -> None:
    (msg,) = _errors(OLD.format(rate="28.3"), "GW106")
    assert "28.3张" in msg


def test_two_populations_so_named_leave_the_ratio_to_the_values() -> None:
    # two figures end with 常住人口 words (the town's and the county's): the words name no one
    # whole, so a miss is no error (the ratio is read only when some pairing holds)
    text = ("全县常住人口35.2万人，城区常住人口12.4万人。实有床位1,974张，每千人口床位数达到6.61张。")
    assert [p for p in _problems(text) if p[2] == "error"] == []
