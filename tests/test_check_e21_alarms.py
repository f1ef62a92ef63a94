"""Engineer E (wave 21): false alarms of group M, each fixed by what the words say (invented
words) — last year's value stated 较去年同期的 is no whole of this year's 其中 list nor of a
分产业看 breakdown; a plan's stated increase (比上年增加 …) is no whole even when the plan makes it a
target; a turnover count (床位周转次数) is a count per unit held, not a count that must be whole."""

from __future__ import annotations

from checkfacts import checked, findings
from test_check_r_coverage import _report, _verdicts  # the same invented report head and helpers


def _problems(body: str) -> list[tuple[str, str]]:
    return [(f.code, f.severity) for f in _report(body).problems]


VISITS = ("1—9月，全院完成住院手术{done}台次，较去年同期的{last}台次增长6.0%，其中日间手术{a}台次、"
          "择期手术3,620台次。")


def test_last_years_value_said_against_去年同期_is_no_whole_of_the_list() -> None:
    body = VISITS.format(done="4,900", last="4,620", a="1,280")
    assert _problems(body) == []
    # the parts are within this year's count, and that is what is verified
    assert ("consistent", "info", ("1,280台次", "3,620台次", "4,900台次")) in \
        [v for v in _verdicts(body, "GW101") + _verdicts(body, "GW108")]
    # a list that does exceed this year's count is still reported
    wrong = VISITS.format(done="4,700", last="4,620", a="1,280")
    assert any(code in ("GW101", "GW108") for code, _ in _problems(wrong))


PLAN = ("白鹭县自然资源局2027年工作计划\n一、主要目标\n（一）保障用地需求\n2027年计划收储土地{total}亩，"
        "比2026年增加{inc}亩、增长10.0%，其中商服用地不少于{a}亩、占30.3%，安置用地90亩。")


def test_a_plans_stated_increase_is_no_whole_of_its_其中_list() -> None:
    # in a plan every figure is a target, the increase too: 600 + 90 = 690 is no slip of 180 (→ 810),
    # the list is within the 1,980 亩 planned
    r = checked(PLAN.format(total="1,980", inc="180", a="600"))
    assert [(f.code, f.severity) for f in r.problems] == []
    assert findings(r, "GW108") == [("consistent", "info", ("1,980亩", "600亩", "90亩"))]
    # parts beyond the plan's total are still reported
    over = checked(PLAN.format(total="1,980", inc="180", a="1,950"))
    assert [(s, sev) for s, sev, _ in findings(over, "GW108")] == [("inconsistent", "warning")]


SECTORS = ("前三季度,园区实现规上工业总产值{now}亿元,比上年同期的{last}亿元增长{g}%,完成年度目标200亿元的{c}%;分行业看,"
           "电子信息产业产值{a}亿元,同比增长12.1%,装备制造产业产值46.2亿元,增长6.4%,纺织服装产业产值31.9亿元,同比下降1.2%。")


def test_last_years_value_is_no_whole_of_a_分行业看_breakdown() -> None:
    # 64.8 + 46.2 + 31.9 = 142.9: were last year's 160.9 the whole, 46.2 would look like a slip of 64.2
    body = SECTORS.format(now="177.0", last="160.9", g="10.0", c="88.5", a="64.8")
    assert _problems(body) == []
    # when the parts add up to this year's whole, that is verified
    held = SECTORS.format(now="142.9", last="130.3", g="9.7", c="71.5", a="64.8")
    assert ("consistent", "info", ("142.9亿元", "31.9亿元", "46.2亿元", "64.8亿元")) in _verdicts(held, "GW101")


BEDS = "上半年全院实际开放床位480张，病床使用率88.4%，出院患者平均住院日8.1天，床位周转次数{n}次。"


def test_a_turnover_count_is_a_count_per_bed_not_a_whole_count() -> None:
    assert _verdicts(BEDS.format(n="19.6"), "GW118") == []
    # a count of times with no per-unit word is still a whole count
    assert [v[:2] for v in _verdicts("上半年开展院级质量检查6.5次，发现问题138个。", "GW118")] == [
        ("inconsistent", "error")]
