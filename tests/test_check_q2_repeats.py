"""Engineer Q2 (session 8): a fact stated twice under a full and a short name — the short one's
sentence naming the full name's head before it (书院茶叶采摘面积…，总产量) — or under the place's
scope and everyone's (全区 / 城乡居民) is one fact: equal values are verified, two values one
misprint apart are an error; a short name after a list, or another population (城镇居民), pairs
nothing new.  A table's 合计 restated in another section is verified when equal, an error when the
text dates its figure and one telling misprint sets the two apart (invented words)."""

from __future__ import annotations

import pytest
from test_check_new_writers import run, verdicts

from gongwen.check import check
from gongwen.extract.pipeline import document_from_text, extract

TWICE = "全区书院事业稳步发展，{intro}。\n二、主要工作\n（一）书院服务。{section}。"
TEA = "全年书院茶叶总产量3,186吨，同比增长4.2%"


@pytest.mark.parametrize("section, verdict", [
    ("全区书院茶叶采摘面积12.6万亩，总产量3,186吨", [("consistent", "info")]),
    ("全区书院茶叶采摘面积12.6万亩，总产量3,196吨", [("inconsistent", "error")]),  # 总产量 is 书院茶叶总产量
    # after a part (其中春茶…) the short name may be the part's: only the looser reading's warning
    ("全区书院茶叶采摘面积12.6万亩，其中春茶采摘面积4.1万亩，总产量3,196吨", [("inconsistent", "warning")]),
    ("全区书院果蔬采摘面积12.6万亩，总产量3,196吨", []),  # another crop's 总产量
], ids=["equal", "misprint", "after-a-part", "another-head"])
def test_a_short_name_read_as_its_sentences_full_name(section: str, verdict: list[tuple[str, str]]) -> None:
    assert verdicts(run(TWICE.format(intro=TEA, section=section)), "GW112") == verdict


@pytest.mark.parametrize("section, verdict", [
    ("城乡居民经常参加书院研学人数比例达到36.2%", [("consistent", "info")]),
    ("城乡居民经常参加书院研学人数比例达到37.2%", [("inconsistent", "error")]),  # everyone is the 全区 figure
    ("城镇居民经常参加书院研学人数比例达到37.2%", []),  # 城镇 is a part of the place
], ids=["equal", "misprint", "a-part-of-the-place"])
def test_everyone_in_the_place_is_the_places_scope(section: str, verdict: list[tuple[str, str]]) -> None:
    r = run(TWICE.format(intro="全区经常参加书院研学人数比例达到36.2%", section=section))
    assert verdicts(r, "GW112") == verdict


ELSEWHERE = """关于2025年青苇区书院工作情况的报告
一、主要工作
（一）研学覆盖持续扩大。年末全区书院研学学员{n}万人，较上年有所增加。
（二）经费运行总体平稳。各类书院研学及经费情况见下表。
| 书院类别 | 研学学员（万人） | 经费收入（亿元） |
| 公办书院 | 18.36 | 2.14 |
| 民办书院 | 7.52 | 0.86 |
| 合计 | 25.88 | 3.00 |
"""


@pytest.mark.parametrize("n, verdict", [
    ("25.88", [("consistent", "info")]),
    ("25.83", [("inconsistent", "error")]),  # dated (年末), one telling misprint from the 合计
    ("21.4", []),  # another value elsewhere may be another quantity
], ids=["equal", "misprint", "another-value"])
def test_a_tables_total_restated_in_another_section(n: str, verdict: list[tuple[str, str]]) -> None:
    r = check(extract(document_from_text(ELSEWHERE.format(n=n))))
    assert [(f.status, f.severity) for f in r.by_code("GW125") if "研学" in f.message] == verdict


@pytest.mark.parametrize("rate, verdict", [
    ("6.3", [("consistent", "info"), ("consistent", "info")]),  # the level and its growth rate
    ("7.3", [("consistent", "info")]),  # one digit of a two-digit rate: maybe another base
], ids=["equal", "one-digit"])
def test_a_growth_rate_after_a_completion_rate_grows_the_same_level(rate: str, verdict: list[tuple[str, str]]) -> None:
    r = run(TWICE.format(intro="全年实现书院研学收入2,846万元，同比增长6.3%",
                         section=f"全年实现书院研学收入2,846万元，完成区下达目标任务2,700万元的105.4%，同比增长{rate}%"))
    assert verdicts(r, "GW112") == verdict and r.problems == ()


@pytest.mark.parametrize("part, verdict", [
    ("312", [("consistent", "info")]),
    ("322", []),  # within one section two values may be two moments or a part: confirmed only
], ids=["equal", "unequal"])
def test_a_fact_restated_within_its_section(part: str, verdict: list[tuple[str, str]]) -> None:
    r = run("全区书院事业稳步发展。\n二、主要工作\n（一）书院道路。全区书院步道里程由274公里增加到312公里，新增38公里。"
            f"截至年底，全区书院道路总里程达到1,286公里，其中书院步道{part}公里、车行道974公里。")
    assert verdicts(r, "GW112") == verdict
    assert [f.message for f in r.by_code("GW112")] in ([], ["“书院步道里程”在“书院道路”中两处均为 312公里，一致"])
