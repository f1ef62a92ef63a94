"""Slips the mutation test plants (bench/planted_errors.py), caught by mechanisms any report can
use, and sentences in the genre's habits that must stay silent.  Invented words throughout."""

from __future__ import annotations

import pytest

from gongwen.check import Report, check


def run_doc(body: str) -> Report:
    """The real extractor over a short report (labels and sections are the pipeline's)."""
    from gongwen.extract.pipeline import document_from_text, extract
    return check(extract(document_from_text("关于2024年青苇区学堂工作情况的报告\n" + body + "\n")))


def verdicts(r: Report, code: str) -> list[tuple[str, str]]:
    return [(f.status, f.severity) for f in r.by_code(code)]


# -- one fact stated twice is one candidate -------------------------------------------------------

SUMMARY_AND_SECTION = ("全区共有各类学堂5.26万所，全年新登记学堂7845所。\n一、学堂数量稳步增长\n"
                       "全区各类学堂52600所，较上年末增长5.8%，其中公办学堂11200所、民办学堂40100所、"
                       "联办学堂1300所，公办学堂占学堂总量的{x}%。")


@pytest.mark.parametrize("x, verdict", [("21.3", ("consistent", "info")), ("22.3", ("inconsistent", "warning"))])
def test_a_whole_stated_twice_does_not_make_a_share_ambiguous(x: str, verdict: tuple[str, str]) -> None:
    # 5.26 万所 in the summary and 52600 所 in the section are one whole: 11200 ÷ 52600 = 21.29 %
    assert verdict in verdicts(run_doc(SUMMARY_AND_SECTION.format(x=x)), "GW107")


# -- the opening summary restates a table's 合计 ---------------------------------------------------

SUMMARY_TABLE = """关于2024年青苇区学堂安全工作情况的报告
全年全区共发生学堂安全事件{n}起、受伤{m}人，安全形势总体平稳。
一、安全形势稳定
分类统计情况见下表。
类别\t事件起数（起）\t受伤人数（人）
消防\t21\t9
交通\t37\t32
合计\t58\t41
二、下一步工作
继续做好学堂安全工作。
"""


@pytest.mark.parametrize("n, verdict", [
    ("58", [("consistent", "info")]),
    ("59", [("inconsistent", "warning")]),  # one digit changed: the summary's 58 起, misprinted
    ("85", [("inconsistent", "warning")]),  # two digits swapped
    ("73", []),  # far from the 合计: another quantity the summary may count
])
def test_the_summary_misprinting_a_table_total_is_a_warning(n: str, verdict: list[tuple[str, str]]) -> None:
    from gongwen.extract.pipeline import document_from_text, extract
    r = check(extract(document_from_text(SUMMARY_TABLE.format(n=n, m=41))))
    got = [v for v, f in zip(verdicts(r, "GW125"), r.by_code("GW125")) if "起" in f.message]
    assert got == verdict, [f.message for f in r.by_code("GW125")]
