"""Traps that look inconsistent but are not (issue 10, session 5, engineer L): each reading is a
mechanism any report may use, in invented words through the real extractor, with a sibling that
must still be checked so a rule cannot simply stay silent."""

from __future__ import annotations

import pytest
from test_check_new_writers import run  # the same report head and helpers

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


def _aid(whole: str, nested: str, also: str = "同时具有孤困学子身份") -> list[tuple[str, str, str]]:
    r = run(f"全年资助困难学子{whole}万名。其中，寒门学子0.35万人、孤困学子0.60万人、留守学子0.40万人；"
            f"留守学子中有{nested}万人{also}，其余为其他学子。")
    return sorted((f.status, f.severity, f.message.split("，")[0]) for f in r.by_code("GW108"))


def test_a_group_within_a_listed_group_is_no_further_part_and_its_overlap_counts_once() -> None:
    # 0.35 + 0.60 + 0.40 − 0.15 = 1.20 ≤ 1.20; 0.15 within 留守学子 and within 孤困学子
    found = _aid("1.20", "0.15")
    assert [x[:2] for x in found] == [("consistent", "info")] * 3
    assert any("− 留守学子中有0.15万人" in x[2] for x in found)


def test_a_nested_group_is_still_checked_against_its_groups_and_the_whole() -> None:
    assert ("inconsistent", "error") in [x[:2] for x in _aid("1.20", "0.45")]  # 0.45 > 留守学子 0.40
    # 1.35 − 0.15 = 1.20 > 1.05: the groups may overlap more than the text says, so a warning
    assert [x[:2] for x in _aid("1.05", "0.15") if "−" in x[2]] == [("inconsistent", "warning")]


def test_a_nested_group_naming_no_other_part_is_only_within_its_own() -> None:
    found = _aid("1.20", "0.15", also="为农村户籍")  # 0.15 ≤ 0.40; 0.35 + 0.60 + 0.40 = 1.35 > 1.20
    assert [x[:2] for x in found] == [("consistent", "info"), ("inconsistent", "warning")]
    assert "留守学子中有" not in found[1][2]


@pytest.mark.parametrize("since, verdict", [("自2021年启动以来，", []),
                                            ("", [("inconsistent", "warning")])])
def test_a_total_counted_since_an_earlier_year_is_not_the_years_figure(since, verdict) -> None:
    r = run("全年老旧书院改造惠及学子近1万户，学堂各项工作取得新进展。\n二、书院改造\n"
            f"全年开工改造书院46个，涉及学子9,860户。{since}全区累计改造老旧书院惠及学子3.26万户。")
    assert [(f.status, f.severity) for f in r.by_code("GW112")] == verdict


@pytest.mark.parametrize("level, change, verdict", [
    ("书院收入46.2", "2.1", []),  # two changes of two things, both named by the verb only
    ("学堂收入128.6", "6.9", [("consistent", "info")]),  # the same level and change restated
])
def test_a_change_named_by_its_verb_only_is_named_by_the_level_it_changes(level, change, verdict) -> None:
    r = run("全年学堂收入128.6亿元，比上年增加6.9亿元，书院建设稳步推进。\n二、收入情况\n"
            f"全年{level}亿元，比上年增加{change}亿元。")
    assert [(f.status, f.severity) for f in r.by_code("GW112") if "比上年增加" in f.message
            or f"{change}亿元" in f.message] == verdict
