"""Engineer R2 (wave 14): a change stated beside a level (较上年减少 3 起, 较年初减少 37 处) whose old
value the comparison leaves out but the text states elsewhere — a table row of the year before, an
earlier clause named 年初 (invented words).  Read, so kept only when the change holds (GW104)."""

from __future__ import annotations

from checkfacts import checked, findings

from gongwen.check import Report


def run(body: str) -> Report:
    return checked("关于2025年青苇县防灾工作情况的报告\n一、主要工作\n" + body)


def diffs(r: Report, has: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return findings(r, "GW104", has)


def test_the_old_value_in_an_earlier_clause_named_at_the_year_start() -> None:
    body = ("年初全县在册山洪灾害危险点268处，全年新排查发现9处，治理销号31处，年末在册危险点246处，"
            "较年初减少{d}处。")
    assert ("consistent", "info", ("22处", "246处", "268处")) in diffs(run(body.format(d="22")), "22处")
    # another change: no old value makes it hold, nothing is said by this reading
    assert not any(v[0] == "inconsistent" for v in diffs(run(body.format(d="25")), "25处"))


def test_the_old_value_in_a_table_row_of_the_year_before() -> None:
    body = ("主要指标如下：\n指标\t2024年\t2025年\n山洪灾害发生起数（起）\t9\t5\n"
            "（一）监测预警\n全年全县共发生山洪灾害5起，较上年减少{d}起。")
    assert diffs(run(body.format(d="4")), "4起") == [("consistent", "info", ("4起", "5起", "9"))]
    assert diffs(run(body.format(d="3")), "3起") == []
