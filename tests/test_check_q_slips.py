"""Engineer Q (session 8): a fact stated twice whose two printed numbers one misprint apart leave
no reading that makes both true — two digits swapped, 万 for 亿, a digit dropped from a number of
three digits or more, a summary's rounded number misprinted — is an error; a single changed digit
stays a warning, and two mentions the text dates apart say nothing (invented words)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from test_check_new_writers import run, verdicts

from gongwen.check import check
from gongwen.check.evaluation.slips import decisive, one_misprint_apart
from gongwen.extract.pipeline import document_from_text, extract
from gongwen.figure import Figure

TWICE = "全区书院事业稳步发展，{intro}。\n二、主要工作\n（一）书院服务。{section}，同比增长6.1%。"


@pytest.mark.parametrize("intro, section, verdict", [
    ("全年接待研学学生4,286人次", "全年接待研学学生4,286人次", [("consistent", "info")]),
    ("全年接待研学学生486人次", "全年接待研学学生4,286人次", [("inconsistent", "error")]),  # a digit dropped
    ("全年实现书院文创收入26.4万元", "全年实现书院文创收入26.4亿元", [("inconsistent", "error")]),  # 万 for 亿
    ("全年实现书院文创收入1.63亿元", "全年实现书院文创收入13,580万元", [("inconsistent", "error")]),  # 1.36 swapped
    ("全年实现书院文创收入1.36亿元", "全年实现书院文创收入13,580万元", [("consistent", "info")]),  # rounded
    ("截至11月底，全区书院接待研学学生4,286人次", "全年接待研学学生4,268人次", []),  # dated apart
], ids=["equal", "dropped", "scale", "rounded-swapped", "rounded", "dated-apart"])
def test_a_fact_stated_twice(intro: str, section: str, verdict: list[tuple[str, str]]) -> None:
    assert verdicts(run(TWICE.format(intro=intro, section=section)), "GW112") == verdict


@pytest.mark.parametrize("rate, verdict", [
    ("15.6", [("consistent", "info")]),
    ("51.6", [("inconsistent", "error")]),  # two digits swapped under the very same name
    ("16.6", [("inconsistent", "warning")]),  # one digit: another base or period is possible
], ids=["equal", "swapped", "one-digit"])
def test_a_growth_rate_restated_by_its_list(rate: str, verdict: list[tuple[str, str]]) -> None:
    r = run("全区书院事业稳步发展，书院文创收入、研学收入分别增长15.6%、9.2%。\n二、主要工作\n"
            f"（一）文创开发。全年实现书院文创收入3,180万元，同比增长{rate}%。")
    assert verdicts(r, "GW112") == verdict


EVENTS = """关于2025年青苇区学堂安全工作情况的报告
全年全区共发生学堂安全事件{n}起、受伤学员26人，同比分别下降12.5%和10.3%。
一、安全形势
（一）事件情况
各类事件情况见下表。
| 事件类别 | 事件（起） | 受伤（人） |
| 消防事件 | 9 | 6 |
| 交通事件 | 5 | 20 |
| 合计 | 14 | 26 |
"""


@pytest.mark.parametrize("n, verdict", [
    ("14", ("consistent", "info")),
    ("41", ("inconsistent", "error")),  # the dated summary swaps the 合计's digits
    ("15", ("inconsistent", "warning")),  # one digit of a two-digit count: maybe another count
], ids=["equal", "swapped", "one-digit"])
def test_a_dated_summary_against_the_tables_total(n: str, verdict: tuple[str, str]) -> None:
    r = check(extract(document_from_text(EVENTS.format(n=n))))
    got = [(f.status, f.severity) for f in r.by_code("GW125") if "事件" in f.message]
    assert got == [verdict]


PLAN = """关于2025年青苇区学堂工作情况的报告
一、主要指标
2025年学堂主要指标安排如下：
| 指标 | 2024年完成 | 2025年目标 |
| 学堂新增学员(万人) | 5.2 | 5.5 |
| 学堂结业学员(万人) | 3.8 | 4 |
二、重点工作
1.扩大招生。2024年全区学堂新增学员{n}万人，2025年力争新增5.5万人。
"""


@pytest.mark.parametrize("n, verdict", [
    ("5.2", [("consistent", "info")]),
    ("5.12", [("inconsistent", "error")]),  # a decimal dropped in the table: no rounding gives 5.2
], ids=["equal", "decimal-dropped"])
def test_a_dated_figure_against_its_years_column(n: str, verdict: list[tuple[str, str]]) -> None:
    r = check(extract(document_from_text(PLAN.format(n=n))))
    got = [(f.status, f.severity) for f in r.by_code("GW125") if "新增学员" in f.message and "2024" in f.message]
    assert got == verdict


def _fig(s: str, unit: str = "人") -> Figure:
    return Figure(Decimal(s), unit, as_written=s + unit)


@pytest.mark.parametrize("a, b, kind, sure", [
    ("3862", "362", "dropped", True),
    ("412", "42", "dropped", False),  # two digits left: too many neighbours to tell
    ("1846", "1864", "swap", True),
    ("5.12", "5.2", "dropped", False),
    ("1138", "1148", "digit", False),
    ("5.1", "5.12", None, False),  # 5.12 rounds to 5.1: no misprint (and equal as printed)
])
def test_decisive_misprints(a: str, b: str, kind: str | None, sure: bool) -> None:
    fa, fb = _fig(a), _fig(b)
    assert one_misprint_apart(fa, fb) == kind
    assert decisive(kind, fa, fb) is sure
