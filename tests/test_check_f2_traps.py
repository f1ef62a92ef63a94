"""Engineer F2: more genre traps that look inconsistent but are not (invented words). Each correct
text must give no finding a reader has to look at; a sibling with one figure misprinted is still
reported where the text makes the relation, so a rule cannot simply stay silent."""

from __future__ import annotations

import pytest
from test_check_r_coverage import _report, _verdicts  # the same invented report head and helpers


def _problems(body: str) -> list[tuple[str, str, str]]:
    return [(f.code, f.status, f.severity) for f in _report(body).findings if f.problem]


# --- a stock's change is never the change of a flow into or out of it
@pytest.mark.parametrize("body", [
    "全年新登记各类市场主体6,120户，注销2,870户，净增3,250户，较上年末增长6.4%。",
    "全年新增参保人员1,840人，退保620人，净增1,220人，较上年末增长3.1%。",
    "全年新登记各类市场主体6,120户，注销2,870户，净增3,250户，增长6.4%。",
])
def test_a_net_change_against_last_years_end_is_no_change_of_a_flow(body: str) -> None:
    assert _problems(body) == []
    assert [v[:2] for v in _verdicts(body, "GW104")] == [("consistent", "info")]  # 新登记 − 注销 = 净增
    assert _verdicts(body, "GW124") == []


def test_a_flow_with_its_own_change_still_grows_from_last_years_flow() -> None:
    body = "全年新登记市场主体6,120户，较上年增加{d}户，增长9.3%。"
    assert [v[:2] for v in _verdicts(body.format(d="520"), "GW124")] == [("consistent", "info")]
    assert [v[:2] for v in _verdicts(body.format(d="250"), "GW124")] == [("inconsistent", "error")]


def test_a_stock_with_its_net_change_is_still_checked() -> None:
    body = "年末实有市场主体54,030户，较上年末净增{d}户，增长6.4%。"
    assert [v[:2] for v in _verdicts(body.format(d="3,250"), "GW124")] == [("consistent", "info")]
    assert [v[:2] for v in _verdicts(body.format(d="5,230"), "GW124")] == [("inconsistent", "error")]


# --- a 合计 that names its own members is one more class of the list, and a bracketed 其中 is
# a part of the item before it, not one more class
STAGES = ("全县在校学生21,430人。分学段看，在园幼儿{a}人，义务教育在校生13,560人{sub}，普通高中和中职在校生合计"
          "3,690人，特殊教育学校在校生60人。")


@pytest.mark.parametrize("sub", ["", "（其中小学在校生8,740人）"])
def test_a_total_naming_its_members_is_a_class_of_the_list(sub: str) -> None:
    body = STAGES.format(a="4,120", sub=sub)
    assert _problems(body) == []
    assert _verdicts(body, "GW102") == []
    assert ("consistent", "info", ("13,560人", "21,430人", "3,690人", "4,120人", "60人")) in _verdicts(body, "GW101")


def test_a_class_list_with_a_total_of_its_members_still_exceeds_its_whole() -> None:
    # 5,120 + 13,560 + 3,690 + 60 = 22,430 > 21,430: 4,120 misprinted
    body = STAGES.format(a="5,120", sub="（其中小学在校生8,740人）")
    assert ("GW108", "inconsistent", "error") in _problems(body)


def test_a_total_of_the_items_before_it_in_a_classified_list_is_still_their_sum() -> None:
    body = ("全年规上工业产值182.4亿元。分行业看，电子信息产值64.2亿元，装备制造产值41.8亿元，两大主导产业合计完成"
            "产值{t}亿元，其他行业产值76.4亿元。")
    assert [v[:2] for v in _verdicts(body.format(t="106.0"), "GW102")] == [("consistent", "info")]
    assert [v[:2] for v in _verdicts(body.format(t="160.0"), "GW102")] == [("inconsistent", "error")]


# --- a month's flow is not the year's total; a stock at the month the year ends at is the year's
RETAIL = "全年实现社会消费品零售总额186.4亿元，同比增长6.1%。\n（二）消费提振\n{month}实现社会消费品零售总额18.7亿元，同比增长7.4%。"


@pytest.mark.parametrize("month", ["消费市场逐季回暖，12月当月", "12月份"])
def test_a_months_flow_is_not_the_years(month: str) -> None:
    assert _verdicts(RETAIL.format(month=month), "GW112") == []


INSURED = "全年参保人数12.4万人。\n（二）参保扩面\n截至12月底，参保人数{n}万人。"


def test_a_stock_at_the_years_last_month_is_still_the_years() -> None:
    assert [v[:2] for v in _verdicts(INSURED.format(n="12.4"), "GW112")] == [("consistent", "info")]
    assert [v[:2] for v in _verdicts(INSURED.format(n="14.2"), "GW112")] == [("inconsistent", "error")]


# --- a bracket with no cue after a total closes it only with categories that exhaust it
@pytest.mark.parametrize("body", [
    "全县有中小学校86所（城区学校31所、农村学校52所），办学条件持续改善。",  # 镇区 schools
    "全年受理案件1,240件（民事案件860件、刑事案件210件）。",  # 行政案件
    "全县累计建成村级服务站136个（新建42个、改建67个）。",  # and those only kept up
])
def test_a_bracket_without_a_cue_is_within_its_total(body: str) -> None:
    assert _problems(body) == []
    assert [v[:2] for v in _verdicts(body, "GW108")] == [("consistent", "info")]


@pytest.mark.parametrize("body, code", [
    ("全县有中小学校86所（城区学校13所、农村学校55所），办学条件持续改善。", "GW101"),  # 86 read as 68
    ("全县共有养老机构42家（公办养老机构18家、民办养老机构21家）。", "GW101"),  # 公办/民办 leave nothing out
    ("全县有中小学校86所（城区学校31所、农村学校65所），办学条件持续改善。", "GW108"),
])
def test_a_bracket_without_a_cue_still_reports_what_no_reading_makes_true(body: str, code: str) -> None:
    assert (code, "inconsistent", "error") in _problems(body)


def test_a_bracket_without_a_cue_that_adds_up_is_its_totals_sum() -> None:
    body = "全县有中小学校86所（城区学校31所、农村学校55所），办学条件持续改善。"
    assert [v[:2] for v in _verdicts(body, "GW101")] == [("consistent", "info")]
