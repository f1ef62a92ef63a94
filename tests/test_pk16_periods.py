"""Periods the sixteenth session read anew (engineer PK); every table here is invented.

A table column whose header opens on 上年/去年 before what it counts holds the year before's
values, as a header of 上年 alone does.
"""

from __future__ import annotations

from gongwen.extract.pipeline import document_from_text, extract
from gongwen.figure import Figure

SUMMARY = "青禾县应急管理局2023年工作总结\n一、主要成效\n{}\n青禾县应急管理局\n2023年12月20日"


def _by_written(report: str) -> dict[str, Figure]:
    return {f.as_written: f for f in extract(document_from_text(report)).figures}


def _figures(text: str) -> dict[str, Figure]:
    return _by_written(SUMMARY.format(text))


def test_a_column_opening_on_last_year_holds_last_years_values() -> None:
    f = _figures("分领域火情统计见下表。\n领域 | 火情起数（起） | 上年火情起数（起） | 去年受灾户数（户）\n"
                 "城镇 | 17 | 23 | 41\n全年火情总体下降。")
    assert (f["17"].period, f["23"].period, f["41"].period) == ("2023", "2022", "2022")


def test_a_plan_heading_in_a_work_plan_keeps_the_plans_year() -> None:
    """In a 2024 work plan, 主要目标 plans 2024; only in a summary does a plan section plan the next year."""
    plan = ("青禾镇2024年工作计划\n一、总体思路和主要目标\n全镇主要预期目标是：农业总产值力争达到6.2亿元。\n"
            "二、重点工作\n新建村级服务站5个。\n青禾镇人民政府\n2024年1月10日")
    f = _by_written(plan)
    assert f["6.2亿元"].kind == "target" and f["6.2亿元"].period == "2024"
    g = _figures("全年新增就业1200人。\n二、下一步工作打算\n力争新增就业1300人。")
    assert g["1300人"].period == "2024"


HALF = "青禾县就业服务中心2024年前三季度工作总结\n一、主要成效\n{}\n青禾县就业服务中心\n2024年10月8日"


def test_a_moment_stating_a_stock_does_not_date_the_flows_after_it() -> None:
    """"1-9月，…。9月末城镇登记失业率为2.9%。…举办招聘会24场": the flows after the moment are the
    span's; a stock after it stays at the moment, and so does what follows 截至 (an as-of date)."""
    f = _by_written(HALF.format("1-9月，全县城镇新增就业2150人。9月末城镇登记失业率为2.9%。全县举办招聘会24场，"
                                "发放创业担保贷款3600万元，失业保险参保人数4.12万人。"))
    assert (f["24场"].period, f["3600万元"].period) == ("2024-01/2024-09", "2024-01/2024-09")
    assert f["4.12万人"].period == "2024-09"
    g = _by_written(HALF.format("1-9月，全县开展职业培训1260人次。截至9月底，已发放培训补贴86万元。对培训机构开展检查15次。"))
    assert g["15次"].period == "2024-09"
