"""Traps that look inconsistent but are not (issue 10, session 5, engineer L): each reading is a
mechanism any report may use, in invented words through the real extractor, with a sibling that
must still be checked so a rule cannot simply stay silent."""

from __future__ import annotations

import pytest

from gongwen.check import check
from gongwen.extract.pipeline import document_from_text, extract

_FUND = ("关于2023年青苇区学田基金运行情况的报告\n一、基金运行\n全区各类学田基金收支情况见下表。\n"
         "| 基金 | 基金收入（亿元） | 基金支出（亿元） | {col}（亿元） |\n"
         "| 甲类学田基金 | 48.20 | 40.10 | {a} |\n"
         "| 乙类学田基金 | 12.40 | 11.90 | {b} |\n"
         "| 合计 | 60.60 | 52.00 | {t} |\n"
         "{tail}")


@pytest.mark.parametrize("col, a, b, t, verdict", [
    ("累计结余", "73.50", "9.20", "82.70", []),  # carried over the years: no income − spending
    ("当期结余", "8.10", "0.50", "8.60", [("consistent", "info")] * 3),
    ("当期结余", "8.10", "0.50", "8.70", [("consistent", "info")] * 2 + [("inconsistent", "error")]),
])
def test_a_cumulative_balance_column_is_no_difference_of_the_years_flows(col, a, b, t, verdict) -> None:
    r = check(extract(document_from_text(_FUND.format(col=col, a=a, b=b, t=t, tail=""))))
    assert sorted((f.status, f.severity) for f in r.by_code("GW104")) == sorted(verdict)


@pytest.mark.parametrize("stated, verdict", [
    ("73.50", []),  # the 甲类 row's cell, its row named in other words: no misprint of the 合计
    ("82.70", [("consistent", "info")]),  # the 合计 itself
    ("83.70", [("inconsistent", "warning")]),  # neither: still reported against the 合计
])
def test_a_text_figure_equal_to_a_part_of_its_column_is_no_misprint_of_the_total(stated, verdict) -> None:
    tail = f"甲基金收入比上年增加2.1亿元；累计结余由上年末的65.40亿元增加到{stated}亿元。\n"
    r = check(extract(document_from_text(_FUND.format(col="累计结余", a="73.50", b="9.20", t="82.70", tail=tail))))
    assert [(f.status, f.severity) for f in r.by_code("GW125") if "合计" in f.message] == verdict
