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
