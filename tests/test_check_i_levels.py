"""Rates, shares and levels the checker reads as mechanisms any report may use (issue 10, session 5,
engineer I): each case in invented words through the real extractor, with a sibling that must stay
silent or be reported so a rule cannot simply pass everything."""

from __future__ import annotations

import pytest
from test_check_new_writers import run  # the same report head and helpers


@pytest.mark.parametrize("level, verdict", [
    ("平均单产412.5公斤/亩", [("consistent", "info")]),
    ("学田亩产达到412.5公斤", [("consistent", "info")]),
    ("平均单产452.5公斤/亩", []),  # read, not stated: a level no pairing makes is no finding
])
def test_a_level_per_measure_converts_its_operands(level: str, verdict: list[tuple[str, str]]) -> None:
    r = run(f"全镇学田播种面积12.8万亩，其中稻谷9.6万亩。学田总产量5.28万吨，较上年增加0.12万吨；{level}。")
    found = [f for f in r.by_code("GW106") if "亩" in f.message]
    assert [(f.status, f.severity) for f in found] == verdict
    if verdict:
        assert "5.28万吨 ÷ 12.8万亩（吨折公斤）" in found[0].message


def test_a_level_per_measure_takes_no_other_measure() -> None:
    r = run("全镇学田播种面积12.8万亩，学田总长度5.28万米，平均单产412.5公斤/亩。")
    assert [f for f in r.by_code("GW106") if "亩" in f.message] == []


@pytest.mark.parametrize("second, verdict", [
    ("79.4", ("consistent", "info")),
    ("89.4", ("inconsistent", "error")),  # the one whole so named, missed by one misprint: meant and wrong
    ("85.0", ("inconsistent", "warning")),  # a whole found by its name elsewhere: the pairing is read
])
def test_respective_shares_pair_each_part_with_the_whole_its_name_designates(second: str, verdict) -> None:
    r = run("全年受理学费纠纷87件，为学童追回学费1387.6万元。其中，书院纠纷52件、追回金额1102.3万元，"
            f"分别占全部纠纷数和追回总额的59.8%和{second}%。")
    found = {f.message.split(" ÷ ")[0]: (f.status, f.severity) for f in r.by_code("GW107")}
    assert found["52件"] == ("consistent", "info")
    assert found["1102.3万元"] == verdict
    assert not any("52件 ÷ 1387.6" in f.message or "1102.3万元 ÷ 87" in f.message for f in r.by_code("GW107"))


@pytest.mark.parametrize("rate, verdict", [("104.1", ("consistent", "info")), ("114.1", ("inconsistent", "error"))])
def test_a_ratio_to_the_figure_its_cue_states(rate: str, verdict: tuple[str, str]) -> None:
    r = run(f"6月末，学堂存书213.6万册，其中善本存书17.9万册，为正常保有量17.2万册的{rate}%。")
    found = [f for f in r.by_code("GW107") if "17.9万册 ÷ 17.2万册" in f.message]
    assert [(f.status, f.severity) for f in found] == [verdict]


def test_a_ratio_after_a_list_is_not_read_from_its_last_item() -> None:
    r = run("书院学童3万人、画院学童2万人，为学童总数10万人的50%。")
    assert not any("2万人 ÷ 10万人" in f.message for f in r.findings)


@pytest.mark.parametrize("first, total, verdict", [("6.98", "68.42", ("consistent", "info")),
                                                     ("7.98", "69.42", ("inconsistent", "warning"))])
def test_the_members_of_a_structure_are_shares_of_the_parts_sum(first: str, total: str, verdict) -> None:
    r = run(f"全镇学堂收入{total}亿元。分类型看，书院收入{first}亿元，增长3.2%；画院收入28.10亿元，增长6.8%；"
            "琴院收入33.34亿元，增长5.1%。三类学堂收入结构为10.2:41.1:48.7。")
    found = {f.message.split(" ÷ ")[0]: (f.status, f.severity) for f in r.by_code("GW107")}
    assert found[f"{first}亿元"] == verdict
    assert found["28.10亿元"][0] == verdict[0]  # the whole itself misprinted shifts every share


@pytest.mark.parametrize("k, verdict", [("3", ("consistent", "info")), ("2.5", ("inconsistent", "warning"))])
def test_a_multiple_of_two_figures_its_names_designate(k: str, verdict: tuple[str, str]) -> None:
    r = run(f"上半年扶持412名学童自主研学，带动陪读1236人，带动陪读人数是扶持研学人数的{k}倍。")
    found = [f for f in r.by_code("GW107") if "1236人 ÷ 412" in f.message]
    assert [(f.status, f.severity) for f in found] == [verdict]


def test_a_multiple_whose_names_designate_no_one_figure_is_not_read() -> None:
    r = run("上半年扶持研学412人，扶持陪读1236人，带动人数是扶持人数的3倍。")
    assert not r.by_code("GW107")


@pytest.mark.parametrize("rate, verdict", [("41.2", ("consistent", "info")), ("46.0", ("inconsistent", "warning"))])
def test_a_share_of_a_whole_named_with_verb_and_object_swapped(rate: str, verdict: tuple[str, str]) -> None:
    r = run("全年累计支出各类学堂资金2.31亿元，同比增长6.4%。\n"
            f"全年发放助学金和奖学金合计9518.9万元，占全年学堂资金支出的{rate}%。")
    found = [f for f in r.by_code("GW107") if "9518.9万元 ÷ 2.31亿元" in f.message]
    assert [(f.status, f.severity) for f in found] == [verdict]


@pytest.mark.parametrize("second, verdict", [("13,886", [("consistent", "info")]), ("14,286", [])])
def test_an_average_rate_confirms_each_change_it_averages(second: str, verdict: list[tuple[str, str]]) -> None:
    r = run("自8月1日起调整学童补助标准，平均提高5.2%，其中书院学童补助由每人每年22,860元提高到24,048元，"
            f"画院学童补助由每人每年13,200元提高到{second}元，调标资金当月补发到位。")
    growth = {f.message.split(" − ")[0]: (f.status, f.severity) for f in r.by_code("GW105")}
    assert growth.get("(24,048元") == ("consistent", "info")
    assert [v for k, v in growth.items() if second in k] == verdict  # an average allows items apart
