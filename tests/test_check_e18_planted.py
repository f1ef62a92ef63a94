"""Engineer E (wave 18): planted slips the checker missed on dev, found by what the words say
(invented words) — classes that never overlap are summed when a swap of two digits explains the
miss; a target is no flow of a balance; a bracket restating a new level stands before its rate;
a standard's trailing zeros are digits."""

from __future__ import annotations

from test_check_e18_alarms import _problems
from test_check_r_coverage import _verdicts  # the same invented report head and helpers

PUPILS = "全县在校学生（含在园幼儿）48,250人，其中在园幼儿8,412人、小学{p}人、初中11,067人、特殊教育138人。"


def test_classes_that_never_overlap_are_summed_when_a_swap_explains_the_miss() -> None:
    # 8,412 + 28,633 + 11,067 + 138 = 48,250: the four classes make the whole
    ok = _verdicts(PUPILS.format(p="28,633"), "GW101")
    assert ok == [("consistent", "info", ("11,067人", "138人", "28,633人", "48,250人", "8,412人"))]
    assert _problems(PUPILS.format(p="28,633")) == []
    # 28,363 printed for 28,633: two swapped digits make them add up — a slip, reported as an error
    bad = _verdicts(PUPILS.format(p="28,363"), "GW101")
    assert [(s, sev) for s, sev, _ in bad] == [("inconsistent", "error")]


FEWER = "全县在校学生（含在园幼儿）48,250人，其中在园幼儿8,412人、小学21,500人、初中11,067人。"


def test_classes_that_leave_some_of_the_whole_are_within_it() -> None:
    # no swap explains the 7,271 left: other classes (高中, 中职) are not listed — no alarm
    assert _problems(FEWER) == []
    assert _verdicts(FEWER, "GW101") == []


FUNDS = ("上半年全市工会经费收入2,160.5万元，完成年度预算（4,300万元）的50.2%。经费支出1,420.3万元，"
         "收支相抵，上半年经费结余{b}万元。")


def test_a_target_is_no_flow_of_a_balance() -> None:
    ok = _verdicts(FUNDS.format(b="740.2"), "GW104")
    assert ("consistent", "info", ("1,420.3万元", "2,160.5万元", "740.2万元")) in ok
    assert _problems(FUNDS.format(b="740.2")) == []
    bad = [v for v in _verdicts(FUNDS.format(b="704.2"), "GW104") if v[0] == "inconsistent"]
    assert bad == [("inconsistent", "error", ("1,420.3万元", "2,160.5万元", "704.2万元"))]


ALLOWANCE = "困难残疾人生活补贴标准由每人每年1500元提高到1800元（折合每人每月150元），增长{r}%。"


def test_a_bracket_restating_a_new_level_stands_before_its_rate() -> None:
    assert _verdicts(ALLOWANCE.format(r="20.0"), "GW105") == [("consistent", "info", ("1800元", "20.0%", "每人每年1500元"))]
    # a standard is set as printed: 1800 is no rounded 1750–1850, so 24.0 % is wrong, not loose
    [(status, severity, _)] = _verdicts(ALLOWANCE.format(r="24.0"), "GW105")
    assert (status, severity) == ("inconsistent", "error")
