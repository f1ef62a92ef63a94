"""Engineer R2 (wave 14): a named rate right after its part whose whole stands far before it, in
another paragraph or section (invented words): the earlier figure whose words share a word with
the part's clause or the rate's name, the first that makes the rate hold (GW123, kept only when
it holds)."""

from __future__ import annotations

from checkfacts import checked, findings

from gongwen.check import Report

HEAD = "关于2025年青苇县经济运行情况的报告\n一、主要成效\n（一）工业运行\n"


def run(body: str) -> Report:
    return checked(HEAD + body)


def verdicts(r: Report, has: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return findings(r, "GW123", has)


def test_a_rate_whose_whole_stands_in_another_section() -> None:
    body = ("年末全县规模以上工业企业由上年末的210家增加到236家，净增26家。\n二、存在问题\n"
            "部分企业经营困难，规模以上工业企业中亏损企业59家，亏损面为{x}%。")
    assert verdicts(run(body.format(x="25.0")), "25.0%") == [("consistent", "info", ("236家", "25.0%", "59家"))]
    # read from afar: a rate that does not hold says nothing (another whole may be meant)
    assert verdicts(run(body.format(x="28.0")), "28.0%") == []


def test_a_rate_whose_whole_shares_the_parts_words() -> None:
    body = ("分学段看，在园幼儿8,400人，小学在校生21,000人。\n（二）学前教育\n"
            "全县普惠性幼儿园在园幼儿7,560人，普惠性幼儿园覆盖率达到{x}%。")
    assert verdicts(run(body.format(x="90.0")), "90.0%") == [("consistent", "info", ("7,560人", "8,400人", "90.0%"))]


def test_a_whole_with_no_word_in_common_is_not_read() -> None:
    # 21,000 人 would make 36.0%, but 小学在校生 shares no word with 普惠性幼儿园在园幼儿 or 覆盖率
    body = ("分学段看，小学在校生21,000人。\n（二）学前教育\n"
            "全县普惠性幼儿园在园幼儿7,560人，普惠性幼儿园覆盖率达到36.0%。")
    assert verdicts(run(body), "36.0%") == []
