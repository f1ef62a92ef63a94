"""False alarms and missed planted errors met on the eighth round of writers (issue 10), each
family with invented words run through the real extractor, and a sibling that must still be
reported so a fix cannot simply switch a rule off."""

from __future__ import annotations

import pytest
from test_check_new_writers import run, verdicts  # the same report head and helpers

from gongwen.check import check
from gongwen.extract.pipeline import document_from_text, extract


@pytest.mark.parametrize("sub, verdict", [("245.0", ("consistent", "info")), ("254.0", ("inconsistent", "error"))])
def test_a_subtotal_in_a_classified_list_sums_the_items_before_it(sub: str, verdict: tuple[str, str]) -> None:
    r = run("全年学堂完成收入412.6万元。分类型看，书院收入148.3万元，增长11.6%；画院收入96.7万元，增长14.3%；"
            f"两大主要学堂合计完成收入{sub}万元，占总收入的59.4%。")
    assert verdicts(r, "GW101") == []  # the list names a group of the whole, not all of it
    (total,) = r.by_code("GW102")
    assert (total.status, total.severity) == verdict and f"{sub}万元" in total.message
    assert ("consistent", "info") in verdicts(r, "GW108")


def test_a_total_cue_on_every_item_is_no_subtotal() -> None:
    r = run("全年学堂完成收入412.6万元。分类型看，书院共计收入148.3万元；画院共计收入96.7万元；琴院共计收入167.6万元。")
    assert verdicts(r, "GW102") == []
    assert verdicts(r, "GW101") == [("consistent", "info")]


@pytest.mark.parametrize("tail, verdict", [
    ("，较上年同期提高1.7个百分点", []),
    ("，比学童补助比例70.3%高14.3个百分点", [("consistent", "info")]),
    ("，比学童补助比例70.3%高13.3个百分点", [("inconsistent", "error")]),
])
def test_a_ratio_noun_is_no_comparison_word(tail: str, verdict: list[tuple[str, str]]) -> None:
    first = "学堂职工补助比例达到84.6%" + ("，学童补助比例达到70.3%" if "较" in tail else "")
    r = run(first + tail + "。")
    assert verdicts(r, "GW104") == verdict


@pytest.mark.parametrize("part, verdict", [("9.26", ("consistent", "info")), ("14.26", ("inconsistent", "error"))])
def test_the_whole_named_inside_a_share_is_no_part_of_a_list(part: str, verdict: tuple[str, str]) -> None:
    r = run(f"全年签约学童13.8万人，签约率34.0%；其中重点学童签约{part}万人，占重点学童总数15.8万人的58.6%。")
    found = [f for f in r.by_code("GW108") if "13.8万人" in f.message]
    assert [(f.status, f.severity) for f in found] == [verdict]
    assert "15.8万人" not in found[0].message.split("总数")[0]


@pytest.mark.parametrize("qualifier, n", [("新设", 0), ("新登记", 0), ("实有", 2)])
def test_new_ones_are_never_the_stock_of_a_table_column_of_a_moment(qualifier: str, n: int) -> None:
    body = ("关于2025年青苇区学堂工作情况的报告\n一、工作成效\n1-11月，全区学堂总数稳步增加，"
            f"其中{qualifier}书院1,936所、画院6,405所。\n单位：所\n| 学堂类型 | 2024年末 | 2025年11月末 |\n"
            "| 书院 | 11,274 | 12,395 |\n| 画院 | 41,830 | 44,712 |\n")
    r = check(extract(document_from_text(body)))
    assert [(f.status, f.severity) for f in r.by_code("GW125")] == [("inconsistent", "warning")] * n


@pytest.mark.parametrize("whole, verdict", [
    ("市级以上示范学堂46所", ("GW101", "inconsistent", "error")),
    ("省、市、县三级示范学堂46所", ("GW101", "inconsistent", "error")),
    ("示范学堂46所", ("GW108", "consistent", "info")),  # which levels it counts is not said
    ("县级以上示范学堂46所", ("GW108", "consistent", "info")),  # 县级 itself is not listed
])
def test_a_whole_that_names_its_levels_is_closed_by_them(whole: str, verdict: tuple[str, str, str]) -> None:
    part = "国家级" if "以上" in whole else "县级"
    r = run(f"全区共有{whole}，其中{part}2所、省级13所、市级29所。")
    found = [(f.code, f.status, f.severity) for f in r.findings if f.code in ("GW101", "GW108") and "46所" in f.message]
    assert found == [verdict]


def test_the_levels_of_a_closed_list_add_up() -> None:
    r = run("全区共设立区、镇、村三级学堂督导员486名，其中区级督导员28名、镇级196名、村级262名。")
    assert [(f.status, f.severity) for f in r.by_code("GW101")] == [("consistent", "info")]
