"""Engineer K6 (wave 12): parts the words place inside a whole named elsewhere (invented words):
a sentence opening 某总额中，A a；B b, and a period's figure before the running total (累计) of the
same name."""

from __future__ import annotations

from test_check_r_coverage import _report, _verdicts  # the same invented report head and helpers

NAMED = ("一、总体情况\n全年全县农产品购销总额86.4亿元，增长5.2%。\n"
         "二、购销结构\n全年全县农产品购销总额中，收购额{a}亿元，增长4.1%；销售额31.9亿元，增长7.0%；"
         "实现购销顺差22.6亿元。\n")


def test_the_items_after_a_whole_named_with_中_add_up_to_it() -> None:
    assert ("consistent", "info", ("31.9亿元", "54.5亿元", "86.4亿元")) in _verdicts(NAMED.format(a="54.5"), "GW101")


def test_the_items_after_a_whole_named_with_中_are_within_it() -> None:
    assert ("consistent", "info", ("31.9亿元", "54.5亿元", "86.4亿元")) in _verdicts(NAMED.format(a="54.5"), "GW108")


def test_a_whole_found_by_its_name_reports_nothing_when_the_items_miss() -> None:
    # found by name only: another figure so named could be meant, so a miss is left unsaid
    report = _report(NAMED.format(a="58.5"))
    assert not [f for f in report.problems if f.code in ("GW101", "GW108")]


SINGLE = ("全年实现网上商品交易额41.2亿元。\n"
          "全年网上商品交易额中，生活用品网上商品交易额{a}亿元，带动就业明显。"
          "农特产品网上商品交易额6.3亿元。\n")


def test_a_single_item_after_a_named_whole_is_within_it_not_within_a_longer_name() -> None:
    assert ("consistent", "info", ("19.7亿元", "41.2亿元")) in _verdicts(SINGLE.format(a="19.7"), "GW108")


CUMULATIVE = "县文化中心项目总投资3.6亿元，上半年完成投资{a}亿元，累计完成投资2.2亿元，主体结构已封顶。"


def test_a_period_figure_is_within_the_running_total_of_its_name() -> None:
    assert ("consistent", "info", ("0.9亿元", "2.2亿元")) in _verdicts(CUMULATIVE.format(a="0.9"), "GW126")


def test_a_period_figure_above_the_running_total_of_its_name_is_reported() -> None:
    assert [(f.status, f.severity) for f in _report(CUMULATIVE.format(a="2.9")).by_code("GW126")] == [
        ("inconsistent", "warning")]


APART = ("全年实现全县生产总值312.6亿元，按不变价格计算，比上年增长5.4%。\n"
         "二、工业\n全年规模以上工业增加值增长7.3%，增速比全县生产总值增速高{d}个百分点，支撑作用增强。\n")


def test_a_gap_to_a_rate_named_in_another_paragraph_is_read() -> None:
    assert ("consistent", "info", ("1.9个百分点", "5.4%", "7.3%")) in _verdicts(APART.format(d="1.9"), "GW104")


def test_a_gap_to_a_rate_found_by_name_reports_nothing_when_it_misses() -> None:
    assert not [f for f in _report(APART.format(d="2.9")).problems if f.code == "GW104"]


TARGET = "上半年基层就诊人次占比为{a}%，距市定65%的目标还有3.8个百分点差距，服务能力仍需提升。"


def test_a_rate_short_of_a_target_by_a_stated_gap() -> None:
    assert ("consistent", "info", ("3.8个百分点", "61.2%", "65%")) in _verdicts(TARGET.format(a="61.2"), "GW104")


def test_a_rate_short_of_a_target_by_another_gap_is_an_error() -> None:
    assert [(f.status, f.severity) for f in _report(TARGET.format(a="58.2")).by_code("GW104")] == [
        ("inconsistent", "error")]


NET = ("截至12月底，全县登记在册农民专业合作社{a}家，较上年末的1,206家净增37家。"
       "全年新登记合作社85家，注销登记48家，清理“空壳社”工作有序推进。\n")


def test_a_net_change_is_the_new_less_what_left_stated_after_it() -> None:
    assert ("consistent", "info", ("37家", "48家", "85家")) in _verdicts(NET.format(a="1,243"), "GW104")


def test_a_stock_is_its_old_level_plus_the_new_less_what_left() -> None:
    assert ("consistent", "info", ("1,206家", "1,243家", "48家", "85家")) in _verdicts(NET.format(a="1,243"), "GW104")


def test_flows_read_by_their_words_alone_report_nothing_when_other_flows_may_go_unsaid() -> None:
    assert not [f for f in _report(NET.replace("注销登记48家", "注销登记41家").format(a="1,243")).problems
                if f.code == "GW104" and "48" not in f.message]


SURPLUS = "全年全县外贸进出口总额52.8亿元，其中出口37.5亿元，进口15.3亿元，实现贸易顺差{a}亿元。"


def test_a_trade_surplus_is_exports_less_imports() -> None:
    assert ("consistent", "info", ("15.3亿元", "22.2亿元", "37.5亿元")) in _verdicts(SURPLUS.format(a="22.2"), "GW104")


def test_a_trade_surplus_that_misses_is_reported() -> None:
    assert [(f.status, f.severity) for f in _report(SURPLUS.format(a="24.2")).by_code("GW104")] == [
        ("inconsistent", "warning")]


NESTED = "全年新签约项目100个，其中亿元以上项目{a}个，10亿元以上项目30个。"


def test_things_above_a_higher_threshold_are_among_those_above_a_lower_one() -> None:
    assert ("consistent", "info", ("30个", "80个")) in _verdicts(NESTED.format(a="80"), "GW108")


def test_more_above_the_higher_threshold_is_an_error() -> None:
    assert ("inconsistent", "error", ("20个", "30个")) in _verdicts(NESTED.format(a="20"), "GW108")
