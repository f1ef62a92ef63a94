"""Engineer K5 (wave 12): relations a reader sees that the checker now reads (invented words): a
table column named by its period and a word (1-6月完成, 年末实有) restated in the text by the word
and the same period said its own way (上半年完成, 截至 12 月底)."""

from __future__ import annotations

from test_check_k3_coverage import _table
from test_check_r_coverage import _report, _verdicts  # the same invented report head and helpers

HALF_YEAR = ("上半年全县完成绿化苗木栽植 3.7 万株。主要植树指标完成情况见下表。\n" +
             _table("指标 | 年度任务（万株） | 1-6月完成（万株）",
                    "乔木 | 4.0 | 2.6",
                    "灌木 | 2.5 | 1.1",
                    "合计 | 6.5 | 3.7") +
             "（二）乔木栽植。上半年完成乔木栽植{a}万株，成活率保持较高水平。\n")


def test_a_row_of_a_dated_column_is_restated_by_its_word_and_period() -> None:
    # 1-6月完成 is 完成 over the half year: 上半年完成乔木栽植 2.6 万株 is the 乔木 row's cell
    assert ("consistent", "info", ("2.6", "2.6万株")) in _verdicts(HALF_YEAR.format(a="2.6"), "GW125")


def test_the_summary_restates_the_total_of_a_dated_column() -> None:
    assert ("consistent", "info", ("3.7", "3.7万株")) in _verdicts(HALF_YEAR.format(a="2.6"), "GW125")


def test_a_dated_column_read_by_its_word_alone_reports_nothing_when_values_differ() -> None:
    # the reading is found by the column's word only: another value may be another quantity
    assert not [f for f in _report(HALF_YEAR.format(a="2.4")).problems if f.code == "GW125"]


STOCK = ("截至12月底，全县实有家庭农场 1,280 家。\n" +
         _table("类别 | 年末实有（家） | 当年新增（家）",
                "种植类 | 870 | 96",
                "养殖类 | 410 | 38",
                "合计 | 1,280 | 134"))


def test_a_moment_said_as_截至12月底_names_the_年末_column() -> None:
    assert ("consistent", "info", ("1,280", "1,280家")) in _verdicts(STOCK, "GW125")


INDICATORS = ("上半年重点指标完成情况见下表。\n" +
              _table("项目 | 年度目标 | 1-6月完成 | 完成率（%）",
                     "农村公路提档升级（公里） | 180 | 96 | 53.3",
                     "候车亭新建（个） | 60 | 38 | 63.3") +
              "（二）农村公路。1-6月，全县农村公路提档升级开工12条、{a}公里。\n"
              "（三）公交设施。上半年新建候车亭38个。\n"
              "二、下半年工作打算\n（一）确保全年新建候车亭60个。\n")


def test_an_indicator_row_of_a_month_column_is_restated_by_its_name_and_period() -> None:
    # 1-6月完成 of the row 农村公路提档升级 is what the text states for 1-6 月 under that name; the
    # row 候车亭新建 is said 新建候车亭, its two words the other way round
    found = _verdicts(INDICATORS.format(a="96"), "GW125")
    assert ("consistent", "info", ("96", "96公里")) in found
    assert ("consistent", "info", ("38", "38个")) in found


def test_an_indicator_row_of_the_year_s_target_is_restated_by_the_plan() -> None:
    # 年度目标 is the year's, though the report is of the half year
    assert ("consistent", "info", ("60", "60个")) in _verdicts(INDICATORS.format(a="96"), "GW125")


def test_an_indicator_row_misprinted_in_the_text_is_an_error() -> None:
    assert ("inconsistent", "error", ("69公里", "96")) in _verdicts(INDICATORS.format(a="69"), "GW125")


def test_another_value_under_the_row_s_name_may_be_another_quantity() -> None:
    # 开工 80 公里 and 完成 96 公里 are two quantities of the row: nothing to report
    assert not [f for f in _report(INDICATORS.format(a="80")).problems if f.code == "GW125"]


BUSINESSES = ("年末各类经营主体情况见下表。\n" +
              _table("类别 | 年末实有（户） | 当年新增（户）",
                     "企业 | 9,420 | 1,108",
                     "其中：私营企业 | 8,650 | 1,015",
                     "个体工商户 | 31,200 | 3,870") +
              "全年新登记私营企业{a}户。\n")


def test_a_row_named_within_another_row_s_name_is_not_the_text_s() -> None:
    # 新登记私营企业 names the row 其中：私营企业, not the row 企业 (1,180 is a misprint of 1,108)
    assert not [f for f in _report(BUSINESSES.format(a="1,180")).problems if f.code == "GW125"]
    assert ("consistent", "info", ("1,015", "1,015户")) in _verdicts(BUSINESSES.format(a="1,015"), "GW125")


GROWTH = ("全年主要经济指标见下表。\n" +
          _table("指标 | 2025年绝对值 | 比上年增长（%）",
                 "地区生产总值（亿元） | 152.30 | 5.2",
                 "规模以上工业增加值 | — | 12.6",
                 "其中：高新技术产业增加值 | — | 9.1") +
          "全年实现地区生产总值152.30亿元，比上年增长5.2%。规模以上工业增加值增长{a}%，"
          "其中高新技术产业增加值增长9.1%。\n")


def test_a_change_column_is_restated_by_the_change_its_row_names() -> None:
    found = _verdicts(GROWTH.format(a="12.6"), "GW125")
    assert ("consistent", "info", ("12.6", "12.6%")) in found
    assert ("consistent", "info", ("9.1", "9.1%")) in found
    # the change stated with the figure before it, whose clause names the row
    assert ("consistent", "info", ("5.2", "5.2%")) in found


def test_a_change_misprinted_in_the_text_is_reported() -> None:
    assert [v[:2] for v in _verdicts(GROWTH.format(a="21.6"), "GW125") if "21.6%" in v[2]] == [
        ("inconsistent", "error")]


def test_another_change_under_the_row_s_name_reports_nothing() -> None:
    # 13.4 is no misprint of 12.6: another period's or another measure's change, perhaps
    assert not [f for f in _report(GROWTH.format(a="13.4")).problems if f.code == "GW125"]



TWO_SHARES = ("全年全市社会消费品零售总额 860.2 亿元。\n（二）消费。限额以上单位消费品零售额 341.5 亿元，增长 6.1%，"
              "占社会消费品零售总额的比重为 39.7%，支撑作用增强。\n二、电子商务\n"
              "全年网络零售额中，实物商品网络零售额 180.6 亿元，占全市社会消费品零售总额的比重为 21.0%。\n")


def test_two_shares_named_by_their_whole_alone_are_two_facts() -> None:
    # 占社会消费品零售总额的比重 names the whole; the parts (限额以上单位, 实物商品网络零售额) are said
    # before the cue: 39.7% and 21.0% are two shares, each verified over its whole
    r = _report(TWO_SHARES)
    assert not [f for f in r.problems if f.code == "GW112"]
    assert len([f for f in r.findings if f.code == "GW107" and f.status == "consistent"]) == 2


BY_PLACE = ("全年实现农产品销售额 64.8 亿元，增长 5.1%。\n（二）销售结构。全年全县农产品销售额中，按销售渠道分，"
            "线下渠道销售额 41.6 亿元，线上渠道销售额{a}亿元。\n")


def test_a_classified_list_after_the_whole_s_name_adds_up_to_the_whole_stated_by_that_name() -> None:
    # 农产品销售额中，按销售渠道分: the whole is named, its figure stated before (41.6 + 23.2 = 64.8)
    assert ("consistent", "info", ("23.2亿元", "41.6亿元", "64.8亿元")) in _verdicts(BY_PLACE.format(a="23.2"), "GW101")


def test_a_classified_list_found_by_the_whole_s_name_reports_nothing_when_it_misses() -> None:
    # found by name only: a list that misses may leave a class out
    assert not [f for f in _report(BY_PLACE.format(a="21.2")).problems if f.code == "GW101"]
