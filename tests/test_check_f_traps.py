"""Engineer F: genre traps that look inconsistent but are not (invented words). Each correct text
must give no finding a reader has to look at; a sibling with one figure misprinted is still
reported, so a rule cannot simply stay silent."""

from __future__ import annotations

import pytest
from test_check_r_coverage import _report, _verdicts  # the same invented report head and helpers


def _problems(body: str) -> list[tuple[str, str, str]]:
    return [(f.code, f.status, f.severity) for f in _report(body).findings if f.problem]


# --- a 其中 list of categories that split a whole as a rule but may leave a class out
@pytest.mark.parametrize("body", [
    "全县有中小学校86所，其中城区学校31所、农村学校52所。",  # 镇区 schools are neither
    "全年接待游客412万人次，其中省外游客126万人次、省内游客280万人次。",  # 境外 visitors
    "全年办理婚姻登记3,260对。其中，结婚登记2,710对，离婚登记486对。",  # 补领 are neither
    "全县有中小学校86所（其中城区学校31所、农村学校52所），办学条件持续改善。",
])
def test_a_list_of_paired_categories_under_a_cue_is_within_its_whole(body: str) -> None:
    assert _problems(body) == []
    assert [v[:2] for v in _verdicts(body, "GW108")] == [("consistent", "info")]


def test_categories_that_split_any_whole_still_close_a_list() -> None:
    # 公办 and 民办 leave nothing out
    assert [v[:2] for v in _verdicts("全县共有养老机构42家，其中公办养老机构18家、民办养老机构21家。", "GW101")] == [
        ("inconsistent", "error")]


def test_paired_categories_that_add_up_are_verified_as_the_whole() -> None:
    found = _verdicts("全县有中小学校86所，其中城区学校31所、农村学校55所。", "GW101")
    assert found == [("consistent", "info", ("31所", "55所", "86所"))]


def test_paired_categories_missing_their_whole_by_a_misprint_are_reported() -> None:
    # 13 + 55 = 68 ≠ 86, and 86 read as 68 (two digits swapped) makes them add up
    assert [v[:2] for v in _verdicts("全县有中小学校86所，其中城区学校13所、农村学校55所。", "GW101")] == [
        ("inconsistent", "error")]


def test_paired_categories_exceeding_their_whole_are_an_error() -> None:
    assert ("GW108", "inconsistent", "error") in _problems("全县有中小学校86所，其中城区学校31所、农村学校65所。")


# --- a list classified by a criterion may name only the largest classes
TAXES = "全年一般公共预算收入21.4亿元，增长6.2%。分税种看，增值税5.2亿元，企业所得税{a}亿元，个人所得税0.8亿元。"


def test_a_classified_list_naming_some_classes_is_within_its_whole() -> None:
    assert _problems(TAXES.format(a="2.1")) == []
    assert [v[:2] for v in _verdicts(TAXES.format(a="2.1"), "GW108")] == [("consistent", "info")]


def test_a_classified_list_exceeding_its_whole_is_an_error() -> None:
    assert ("GW108", "inconsistent", "error") in _problems(TAXES.format(a="21.1"))


def test_a_classified_list_of_every_class_of_a_known_set_is_still_closed() -> None:
    body = ("全年地区生产总值418.6亿元，增长5.1%。分产业看，第一产业增加值49.5亿元，第二产业增加值152.7亿元，"
            "第三产业增加值{c}亿元。")
    assert [v[:2] for v in _verdicts(body.format(c="216.4"), "GW101")] == [("consistent", "info")]
    assert [v[:2] for v in _verdicts(body.format(c="206.4"), "GW101")] == [("inconsistent", "error")]


# --- a total named by a noun of its own may count more kinds than those listed before it
SPENDING = "全年教育支出9.8亿元、社会保障和就业支出8.2亿元、卫生健康支出5.1亿元，{name}合计{t}亿元。"


@pytest.mark.parametrize("name, t, verdict", [
    ("民生支出", "45.2", []),  # ten kinds of spending, three named
    ("民生支出", "23.1", [("consistent", "info")]),
    ("三项支出", "23.4", [("inconsistent", "error")]),  # counted: these three exactly
    ("", "23.4", [("inconsistent", "error")]),  # 合计 right after the items: theirs
])
def test_a_total_named_by_its_own_noun_is_verified_only_when_it_holds(name: str, t: str, verdict: list) -> None:
    assert [v[:2] for v in _verdicts(SPENDING.format(name=name, t=t), "GW102")] == verdict


def test_the_whole_the_items_are_taken_from_is_no_item_of_their_total() -> None:
    body = ("全年一般公共预算支出58.6亿元，教育支出9.8亿元，社会保障和就业支出8.2亿元，卫生健康支出5.1亿元，"
            "农林水支出6.3亿元，合计{t}亿元。")
    assert _verdicts(body.format(t="29.4"), "GW102") == [
        ("consistent", "info", ("29.4亿元", "5.1亿元", "6.3亿元", "8.2亿元", "9.8亿元"))]
    assert [v[:2] for v in _verdicts(body.format(t="28.4"), "GW102")] == [("inconsistent", "error")]


# --- a balance is the difference of its own flows only
@pytest.mark.parametrize("body", [
    # the change of one balance beside another balance
    "年末各项存款余额520.4亿元，比年初增加48.2亿元；各项贷款余额410.6亿元，比年初增加39.5亿元。",
    # a balance of another thing than the flows before it
    "年末住房公积金缴存余额38.6亿元，全年归集12.4亿元，提取9.8亿元，个人住房贷款余额29.1亿元。",
    # last year's stock beside this year's flows
    "截至年底，政府债务余额86.5亿元，当年新增债券资金18.2亿元，偿还到期债务6.1亿元，上年末余额74.4亿元。",
])
def test_a_balance_beside_flows_that_are_not_its_own_is_no_finding(body: str) -> None:
    assert _problems(body) == []


@pytest.mark.parametrize("balance, verdict", [("0.3", "consistent"), ("0.5", "inconsistent")])
def test_a_funds_balance_is_still_its_income_less_its_spending(balance: str, verdict: str) -> None:
    body = f"全年机关养老保险基金收入5.2亿元，支出4.9亿元，当年结余{balance}亿元，累计结余8.4亿元。"
    assert [v[0] for v in _verdicts(body, "GW104")] == [verdict]


def test_a_net_increase_is_named_against_the_opening_stock_and_still_checked() -> None:
    body = "1-11月新纳入低保547户、退出481户，较年初净增{n}户，做到应保尽保。"
    assert [v[0] for v in _verdicts(body.format(n="66"), "GW104")] == ["consistent"]
    assert [v[0] for v in _verdicts(body.format(n="76"), "GW104")] == ["inconsistent"]


# --- what came in (新增) is not the net change of the stock: some may have left
@pytest.mark.parametrize("body", [
    "全年新增市场主体8,620户，全县市场主体总数由4.80万户增加到5.26万户。",
    "全年新增参保人员1.2万人，参保人数由上年末的32.4万人增加到33.1万人。",
])
def test_new_figures_beside_a_net_change_are_no_finding(body: str) -> None:
    assert _problems(body) == []


def test_new_figures_that_make_the_change_are_verified_and_a_misprint_reported() -> None:
    body = "上半年新建城市书房6个，全市城市书房由年初的31个增加到{e}个。"
    assert [v[0] for v in _verdicts(body.format(e="37"), "GW104")] == ["consistent"]
    assert [v[0] for v in _verdicts(body.format(e="73"), "GW104")] == ["inconsistent"]  # 37 with two digits swapped
    assert _verdicts(body.format(e="35"), "GW104") == []  # two closed: no misprint explains it


# --- a completion's target is no part nor whole of a share of results
TRADE = ("全年货物进出口总额126.4亿元，增长7.6%。全年货物进出口总额完成年度目标120亿元的105.3%，占全市进出口总额的"
         "21.3%。其中出口{x}亿元，占全区进出口总额的67.5%。")


def test_a_target_is_no_whole_of_a_share_of_results() -> None:
    assert _problems(TRADE.format(x="85.3")) == []
    assert [v[:2] for v in _verdicts(TRADE.format(x="85.3"), "GW107")] == [("consistent", "info")]
    assert ("GW107", "inconsistent", "error") in _problems(TRADE.format(x="58.3"))
