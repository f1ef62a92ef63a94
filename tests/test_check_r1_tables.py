"""Engineer R1 (wave 14): table cells the text restates that the checker did not pair (invented
words): the completion rate of a table's row restated beside the row's count (the opening summary's
完成年度计划的 97.6% for the 合计 row), an item of a 、-list named by the list's shared words and its
own (发生火灾 52 起、死亡 3 人 for 火灾死亡人数（人）), a column named by its kind alone (年度目标 | 完成),
and a 其中 row restated by its own name."""

from __future__ import annotations

from test_check_k3_coverage import _table
from test_check_r_coverage import _report, _verdicts  # the same invented report head and helpers

WATER = ("全年完成农田水利投资{x}亿元，完成年度计划的{r}，带动农户参与管护。\n"
         "（二）项目建设\n各类项目投资完成情况见下表。\n" +
         _table("项目类别 | 计划投资（万元） | 完成投资（万元） | 完成率（%）",
                "灌区改造 | 24,000 | 23,100 | 96.3",
                "塘坝整治 | 12,000 | 12,040 | 100.3",
                "合计 | 36,000 | 35,140 | 97.6"))


def test_a_row_s_completion_rate_restated_beside_its_count_is_the_cell() -> None:
    # the summary restates the 合计 row: 3.51 亿元 is 35,140 万元 to its precision, 97.6 % its rate
    assert ("consistent", "info", ("97.6", "97.6%")) in _verdicts(WATER.format(x="3.51", r="97.6%"), "GW125")


def test_a_completion_rate_is_not_the_row_s_without_its_count_beside_it() -> None:
    # 4.20 亿元 is no count of the table: the rate may be another plan's
    assert not [v for v in _verdicts(WATER.format(x="4.20", r="97.6%"), "GW125") if "97.6%" in v[2]]


FIRES = ("（三）消防安全\n全年全县共发生火灾{n}起、死亡{d}人，同比分别下降18.8%和40.0%。\n"
         "近两年火灾情况见下表。\n" +
         _table("指标 | 2024年 | 2025年 | 增减（%）",
                "火灾起数（起） | 64 | 52 | -18.8",
                "火灾死亡人数（人） | 5 | 3 | -40.0"))


def test_an_item_of_a_list_is_named_by_the_list_s_words_and_its_own() -> None:
    # 死亡 3 人 after 发生火灾 52 起、: the row 火灾死亡人数
    assert ("consistent", "info", ("3", "3人")) in _verdicts(FIRES.format(n="52", d="3"), "GW125")


GREENWAYS = ("（四）城市建设\n重点指标完成情况见下表。\n" +
             _table("指标 | 年度目标 | 完成 | 完成率（%）",
                    "新建城市绿道（公里） | 40 | 46.5 | 116.3",
                    "改造背街小巷（条） | 120 | 131 | 109.2") +
             "（五）绿道建设\n全年新建城市绿道{a}公里，串联公园12个。\n")


def test_a_cell_of_a_column_named_by_its_kind_alone_is_restated_by_its_row() -> None:
    assert ("consistent", "info", ("46.5", "46.5公里")) in _verdicts(GREENWAYS.format(a="46.5"), "GW125")


def test_a_cell_of_a_column_named_by_its_kind_alone_reports_nothing_when_unequal() -> None:
    # the column names no period: another figure of the row's name may be another moment's
    assert not [f for f in _report(GREENWAYS.format(a="48.5")).problems if f.code == "GW125"]


SALES = ("（六）农产品流通\n主要指标见下表。\n" +
         _table("指标 | 2025年（亿元） | 2024年（亿元） | 增长（%）",
                "农产品销售总额 | 58.6 | 53.2 | 10.2",
                "其中：线上销售额 | 12.4 | 9.8 | 26.5") +
         "（七）电商发展\n全年全县线上实现销售额{a}亿元，带动就业1,200人。\n")


def test_a_row_under_其中_is_restated_by_its_own_name() -> None:
    assert ("consistent", "info", ("12.4", "12.4亿元")) in _verdicts(SALES.format(a="12.4"), "GW125")
