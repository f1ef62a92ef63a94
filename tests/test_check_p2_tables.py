"""Table layouts read by their headers (issue 10, session 9, engineer P2): a change column whose two
periods do not stand right before it, a 合计 column placed before its parts, period columns adding
up to the period they make (一季度 | 二季度 | 上半年), a second 其中 block under one total, a 占比 row
under an amount row. Invented tables through the real extractor: each correct one gives no
finding, each with one wrong cell has that cell reported."""

from __future__ import annotations

import pytest

from gongwen.check import Report, check
from gongwen.check.evaluation.intervals import vocab
from gongwen.check.tabular.tables import months
from gongwen.extract.pipeline import document_from_text, extract

HEAD = "关于2025年青苇区学圃工作情况的报告\n一、主要指标\n全区学圃主要指标见下表。\n"


def run(body: str) -> Report:
    return check(extract(document_from_text(HEAD + body)))


def verdicts(r: Report, code: str) -> list[tuple[str, str]]:
    return [(f.status, f.severity) for f in r.by_code(code)]


def table(*rows: str) -> str:
    return "\n".join(f"| {r} |" for r in rows) + "\n"


OK, ERR = ("consistent", "info"), ("inconsistent", "error")


# -- a change column against the two periods done, wherever they stand -------------------------

def _targets(g: str) -> str:
    return table("项目 | 2025年目标 | 2025年完成 | 完成率（%） | 2024年完成 | 同比增长（%）",
                 f"学圃面积（亩） | 2,500 | 2,580 | 103.2 | 2,400 | {g}",
                 "学圃收入（万元） | 600 | 576 | 96.0 | 640 | -10.0",
                 "园丁人数（人） | 160 | 162 | 101.3 | 150 | 8.0")


@pytest.mark.parametrize("g, first", [("7.5", OK), ("8.5", ERR)])
def test_a_growth_column_compares_the_done_periods_past_a_target_and_a_rate(g, first) -> None:
    r = run(_targets(g))
    assert verdicts(r, "GW105") == [first, OK, OK]
    assert [f.code for f in r.problems] == ([] if first == OK else ["GW105"])


def test_done_periods_whose_headers_leave_the_order_open_are_not_compared() -> None:
    body = table("项目 | 计划 | 甲组完成 | 完成率（%） | 乙组完成 | 增减（%）",
                 "学圃面积（亩） | 2,500 | 2,580 | 103.2 | 2,400 | 9.9")
    r = run(body)
    assert not r.by_code("GW105") and not r.problems


@pytest.mark.parametrize("rate, first", [("101.5", OK), ("105.1", ERR)])
def test_a_completion_rate_is_of_the_targets_period_not_last_years(rate, first) -> None:
    body = table("项目 | 2025年目标 | 2025年完成 | 完成率（%） | 2024年完成 | 同比增长（%）",
                 f"学圃面积（亩） | 1,300 | 1,320 | {rate} | 1,200 | 10.0",
                 "学圃收入（万元） | 480 | 450 | 93.8 | 500 | -10.0")
    assert verdicts(run(body), "GW107") == [first, OK]


@pytest.mark.parametrize("g, first", [("10.0", OK), ("12.0", ERR)])
def test_a_column_beside_last_years_is_this_years(g, first) -> None:
    body = table("项目 | 年度任务 | 完成数 | 完成率（%） | 上年同期 | 同比增长（%）",
                 f"学圃面积（亩） | 1,300 | 1,320 | 101.5 | 1,200 | {g}",
                 "学圃收入（万元） | 480 | 450 | 93.8 | 500 | -10.0")
    r = run(body)
    assert verdicts(r, "GW105") == [first, OK] and verdicts(r, "GW107") == [OK, OK]


# -- a 合计 column placed before its parts -----------------------------------------------------

@pytest.mark.parametrize("cell, second", [("340", OK), ("430", ERR)])
def test_a_total_column_placed_first_sums_the_columns_after_it(cell, second) -> None:
    body = table("项目 | 合计 | 东片 | 西片", "学圃面积（亩） | 1,200 | 700 | 500", f"园丁人数（人） | 840 | 500 | {cell}")
    assert verdicts(run(body), "GW102") == [OK, second]


def test_a_total_column_placed_first_over_a_selection_is_not_summed() -> None:
    # 其中 columns are a selection of the total; and rows not adding up say the columns are no parts
    sel = table("项目 | 合计 | 其中：东片 | 西片", "学圃面积（亩） | 1,200 | 700 | 300", "园丁人数（人） | 840 | 500 | 200")
    other = table("项目 | 合计 | 东片 | 西片", "学圃面积（亩） | 1,200 | 700 | 300", "园丁人数（人） | 840 | 500 | 200")
    for body in (sel, other):
        r = run(body)
        assert not r.by_code("GW102") and not r.problems


# -- period columns adding up to the period they make ------------------------------------------

@pytest.mark.parametrize("head", ["一季度 | 二季度 | 上半年", "1-3月 | 4-6月 | 1-6月", "2025年一季度 | 2025年二季度 | 2025年上半年"])
@pytest.mark.parametrize("cell, second", [("840", OK), ("850", ERR)])
def test_quarter_columns_add_up_to_the_half_year(head, cell, second) -> None:
    body = table(f"项目 | {head}", "学圃收入（万元） | 210 | 240 | 450", f"园丁培训（人次） | 400 | 440 | {cell}")
    assert verdicts(run(body), "GW102") == [OK, second]


def test_month_columns_add_up_to_their_quarter() -> None:
    body = table("项目 | 1月 | 2月 | 3月 | 一季度", "学圃收入（万元） | 70 | 60 | 80 | 210", "园丁培训（人次） | 100 | 120 | 180 | 410")
    assert verdicts(run(body), "GW102") == [OK, ERR]


@pytest.mark.parametrize("head, rows", [
    # a stock: the half year's value is the second quarter's end
    ("一季度 | 二季度 | 上半年", ["学圃收入（万元） | 210 | 240 | 450", "在册园丁（人） | 400 | 440 | 440"]),
    # an average: no larger than its parts
    ("一季度 | 二季度 | 上半年", ["学圃收入（万元） | 210 | 240 | 450", "园丁月均收入（元） | 3,100 | 3,300 | 3,200"]),
    # cumulative columns: 1-6月 holds 1-3月, they do not tile it
    ("1-3月 | 1-6月 | 1-9月", ["学圃收入（万元） | 210 | 450 | 700"]),
    # quarter-end stocks
    ("一季度末 | 二季度末 | 上半年", ["在册园丁（人） | 400 | 440 | 440"]),
])
def test_period_columns_of_stocks_averages_or_running_totals_are_no_sums(head, rows) -> None:
    assert not run(table(f"项目 | {head}", *rows)).problems


def test_months_of_a_column_header() -> None:
    v = vocab()
    assert months("2025年二季度", v) == ("2025", 4, 6) and months("前三季度", v) == ("", 1, 9)
    assert months("1—6月", v) == ("", 1, 6) and months("7月", v) == ("", 7, 7)
    assert months("6月末", v) is None and months("一季度增速", v) is None and months("项目", v) is None


# -- several 其中 blocks under one total ---------------------------------------------------------

def _blocks(total: str) -> str:
    return "单位：万元\n" + table("项目 | 2024年 | 2025年", "税收收入 | 900 | 1,000", "其中：增值税 | 350 | 400",
                                "企业所得税 | 250 | 300", "非税收入 | 450 | 500", "其中：罚没收入 | 100 | 120",
                                "专项收入 | 70 | 80", f"合计 | 1,350 | {total}")


@pytest.mark.parametrize("total, second", [("1,500", OK), ("1,600", ERR)])
def test_a_total_over_two_blocks_of_sub_items_adds_up_its_top_rows(total, second) -> None:
    r = run(_blocks(total))
    assert verdicts(r, "GW102") == [OK, second]
    assert [len(f.figures) for f in r.by_code("GW102")] == [3, 3]


def test_sub_items_that_add_up_to_their_top_row_are_summed_too() -> None:
    body = "单位：万元\n" + table("项目 | 金额", "税收收入 | 1,000", "其中：增值税 | 600", "企业所得税 | 400",
                                 "非税收入 | 500", "其中：罚没收入 | 300", "专项收入 | 200", "合计 | 1,500")
    r = run(body)
    assert verdicts(r, "GW102") == [OK, OK, OK] and not r.problems


# -- a 占比 row under an amount row --------------------------------------------------------------

@pytest.mark.parametrize("cell, second", [("40.0", OK), ("45.0", ERR)])
def test_a_share_row_is_each_amount_over_the_total_column(cell, second) -> None:
    body = table("项目 | 东片 | 西片 | 合计", "学圃面积（亩） | 600 | 400 | 1,000", f"占比（%） | 60.0 | {cell} | 100.0")
    assert verdicts(run(body), "GW107") == [OK, second]


def test_a_share_row_of_another_whole_is_verified_only_when_it_holds() -> None:
    body = table("项目 | 东片 | 西片 | 合计", "学圃面积（亩） | 600 | 400 | 1,000", "占全市比重（%） | 6.0 | 4.0 | 10.0")
    assert not run(body).problems
