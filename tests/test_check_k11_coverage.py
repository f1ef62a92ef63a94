"""Engineer K3 (wave 11): relations a reader sees that the checker now reads (invented words): a
stock's opening, what came in, what left and its end; a change net of what left; a period's
balance carried into a stock; a balance of this year's flows beside last year's."""

from __future__ import annotations

from test_check_r_coverage import _verdicts  # the same invented report head and helpers

OPENING = ("年初全县在册危桥{a}座，全年新排查发现9座，通过拆除重建、加固改造等方式核销31座，"
           "年末在册危桥{b}座，较年初减少22座。")


def test_an_opening_stock_what_came_in_and_what_was_written_off_make_its_end() -> None:
    # 214 + 9 − 31 = 192: 新排查发现 came in, 核销 left
    assert _verdicts(OPENING.format(a="214", b="192"), "GW104")[:1] == [
        ("consistent", "info", ("192座", "214座", "31座", "9座"))]


def test_a_stock_whose_flows_do_not_meet_its_end_says_nothing() -> None:
    # found by words: other flows may go unsaid
    assert [v for v in _verdicts(OPENING.format(a="214", b="195"), "GW104") if "9座" in v[2]] == []


RELEASED = "年初在册帮教对象{a}人，全年新接收76人，解除帮教88人，截至12月底在册{b}人。"


def test_what_was_newly_received_and_released_make_the_stock_at_the_end() -> None:
    assert _verdicts(RELEASED.format(a="205", b="193"), "GW104") == [
        ("consistent", "info", ("193人", "205人", "76人", "88人"))]


NET = ("全年首次认定专精特新企业{new}家，因迁出、注销等原因减少12家，全县专精特新企业由上年末的"
       "{old}家增加到{end}家。")


def test_a_change_net_of_what_left_is_the_old_level_and_the_new_less_the_left() -> None:
    # 148 + 40 − 12 = 176
    assert [v for v in _verdicts(NET.format(new="40", old="148", end="176"), "GW104") if "40家" in v[2]] == [
        ("consistent", "info", ("12家", "148家", "176家", "40家"))]


def test_a_net_change_that_does_not_hold_says_nothing() -> None:
    assert [v for v in _verdicts(NET.format(new="40", old="148", end="180"), "GW104") if "40家" in v[2]] == []


CARRIED = "职工医保基金当期结余{b}亿元，累计结余由上年末的86.25亿元增加到95.40亿元。"


def test_a_period_balance_is_the_change_of_the_stock_it_is_carried_into() -> None:
    # 86.25 + 9.15 = 95.40
    assert [v for v in _verdicts(CARRIED.format(b="9.15"), "GW104") if "9.15亿元" in v[2]] == [
        ("consistent", "info", ("86.25亿元", "9.15亿元", "95.40亿元"))]


def test_a_period_balance_that_misses_its_stock_says_nothing() -> None:
    assert [v for v in _verdicts(CARRIED.format(b="8.15"), "GW104") if "8.15亿元" in v[2]] == []


LAST_YEAR = ("上半年，全县城乡居民医保基金收入4.16亿元，比上年同期的3.92亿元增长6.1%；基金支出3.25亿元，"
             "当期结余{b}亿元。")


def test_a_balance_is_of_this_years_inflow_not_last_years() -> None:
    # 4.16 − 3.25 = 0.91 (not 3.92 − 3.25)
    assert [v for v in _verdicts(LAST_YEAR.format(b="0.91"), "GW104") if "3.25亿元" in v[2]] == [
        ("consistent", "info", ("0.91亿元", "3.25亿元", "4.16亿元"))]


def test_a_balance_at_the_years_end_is_a_stock_not_this_years_inflow_less_outflow() -> None:
    body = "全年留成公益金1,450万元；当年使用1,320万元；年末公益金结余610万元，已纳入下年度预算。"
    assert [v for v in _verdicts(body, "GW104") if "610万元" in v[2]] == []


PLAN = ("年初下达的年度检查计划为60户，执行中增加专项检查，全年实际完成{done}户，完成计划的105.0%。"
        "按类型分，食品企业21户、药品企业18户、医疗器械企业13户、化妆品企业11户。")


def test_a_classified_list_breaks_down_the_result_not_the_plan_it_completes() -> None:
    # 21 + 18 + 13 + 11 = 63 against the 63 done, not the 60 planned
    assert [v for v in _verdicts(PLAN.format(done="63"), "GW108") if v[1] == "error"] == []
    assert ("consistent", "info", ("11户", "13户", "18户", "21户", "63户")) in _verdicts(PLAN.format(done="63"), "GW108")


def test_a_classified_list_after_a_subset_sentence_breaks_down_the_whole_before_it() -> None:
    body = ("全年查出问题金额5.20亿元，较上年的4.80亿元增长8.3%。其中，违规金额1.10亿元，管理不规范金额4.10亿元。"
            "从领域看，财政收支领域2.30亿元，政府投资领域1.90亿元，其余分布在民生资金等领域。")
    assert [v for v in _verdicts(body, "GW108") if v[1] == "error"] == []
    assert ("consistent", "info", ("1.90亿元", "2.30亿元", "5.20亿元")) in _verdicts(body, "GW108")


def test_a_subset_within_an_item_of_a_classified_list_is_no_class_of_it() -> None:
    body = ("全县一般公共预算收入完成42.60亿元，增长5.1%。从收入结构看，税收收入30.20亿元，增长4.4%，"
            "其中增值税11.50亿元；非税收入12.40亿元，增长6.9%。")
    assert [v for v in _verdicts(body, "GW108") if "11.50亿元" in v[2]] == [
        ("consistent", "info", ("11.50亿元", "30.20亿元"))]  # within its item, not a class of 42.60
    assert [v for v in _verdicts(body, "GW101") if "12.40亿元" in v[2]][0][0] == "consistent"


def test_a_new_criterion_ends_a_subset_list() -> None:
    # the severity class overlaps the kinds listed before it: no part of their sum
    body = ("截至年底，全县持证残疾人9,420人。其中，肢体残疾4,860人；视力残疾1,120人；听力残疾980人；"
            "按残疾等级分，一、二级重度残疾人3,870人。")
    assert [v for v in _verdicts(body, "GW108") if "3,870人" in v[2] and "4,860人" in v[2]] == []
    assert ("consistent", "info", ("1,120人", "4,860人", "9,420人", "980人")) in _verdicts(body, "GW108")
