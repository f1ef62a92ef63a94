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


@pytest.mark.parametrize("x, verdict", [("21.3", ("consistent", "info")), ("22.3", ("inconsistent", "error"))])
def test_a_whole_stated_twice_does_not_make_a_share_ambiguous(x: str, verdict: tuple[str, str]) -> None:
    # 5.26 万所 in the summary and 52600 所 in the section are one whole: 11200 ÷ 52600 = 21.29 %
    # (an error: the share's subject 公办学堂 names the list's item in the share's own sentence, and
    # the whole stands there too — the text's own pairing, as a part right before 占 is)
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
    # two digits swapped in a summary the text dates (全年): no reading makes both true (engineer Q)
    ("85", [("inconsistent", "error")]),
    ("73", []),  # far from the 合计: another quantity the summary may count
])
def test_the_summary_misprinting_a_table_total(n: str, verdict: list[tuple[str, str]]) -> None:
    from gongwen.extract.pipeline import document_from_text, extract
    r = check(extract(document_from_text(SUMMARY_TABLE.format(n=n, m=41))))
    got = [v for v, f in zip(verdicts(r, "GW125"), r.by_code("GW125")) if "起" in f.message]
    assert got == verdict, [f.message for f in r.by_code("GW125")]


# -- last year's value is no operand of this year's figure ---------------------------------------

@pytest.mark.parametrize("level, verdict", [("2529", [("consistent", "info")]), ("2629", [("inconsistent", "error")])])
def test_last_years_count_is_no_operand_of_a_level(level: str, verdict: list[tuple[str, str]]) -> None:
    # 386.5 万元 ÷ 1528 人次 = 2529.45 元; 1357 人次 is last year's (较上年同期的), never the count
    r = run_doc(f"一、学堂救助\n2024年上半年共实施学堂临时救助1528人次，较上年同期的1357人次增长12.6%，"
                f"发放救助资金386.5万元，人均救助{level}元。")
    assert verdicts(r, "GW106") == verdict, [f.message for f in r.by_code("GW106")]


@pytest.mark.parametrize("new, alarms", [("20", 0), ("8", 0)])
def test_the_container_of_a_running_total_is_no_new_part(new: str, alarms: int) -> None:
    # 136 个社区 is where the 126 站点 stand, not what was new: 20 + 136 > 126 is no alarm
    r = run_doc(f"一、学堂网点\n全年新增社区学堂站点{new}个，全区136个社区中已建站点的达到126个，覆盖率提高到92.6%。")
    assert len([f for f in r.problems if f.code == "GW126"]) == alarms, [f.message for f in r.problems]


def test_last_years_rate_wrapped_apart_from_its_change_is_no_restatement() -> None:
    # a PDF line wrapped inside the verb (提\n高到) leaves 97.6% apart: still last year's, not the 合计's
    from gongwen.extract.pipeline import document_from_text, extract
    r = check(extract(document_from_text(
        "关于2024年青苇区学堂质量抽检情况的报告\n一、抽检情况\n全年完成学堂抽检11350批次，总体合格率由上年的97.6%提\n"
        "高到98.0%，分类情况如下表。\n类别\t抽检批次\t不合格批次\t合格率\n甲类\t10100\t197\t98.0\n乙类\t1250\t34\t97.3\n"
        "合计\t11350\t231\t98.0\n二、下一步工作\n继续做好抽检。\n")))
    assert not [f for f in r.problems if f.code == "GW125"], [f.message for f in r.problems]


# -- a rate whose name holds another subject --------------------------------------------------------

@pytest.mark.parametrize("body, verdict", [
    # the rate of 学生体质健康, not of the 学堂 just counted: no pairing, no alarm
    ("全区共有学堂328所，其中达标学堂312所，学生体质健康达标率92.3%。", []),
    ("全区共有学堂328所，其中达标学堂312所，学堂达标率95.1%。", [("consistent", "info")]),
    ("全区共有学堂328所，其中达标学堂312所，达标率92.3%。", [("inconsistent", "error")]),
])
def test_a_rate_named_for_another_subject_is_not_the_counts_rate(body: str, verdict: list[tuple[str, str]]) -> None:
    assert verdicts(run_doc("一、学堂建设\n" + body), "GW123") == verdict
