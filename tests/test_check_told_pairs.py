"""A fact stated twice in the text, told by its value and one word in common, where the two mentions
name it two ways (invented words)."""

from __future__ import annotations

from gongwen.check import check
from gongwen.extract.pipeline import document_from_text, extract

REPORT = """青苇县2025年学堂工作总结
截至2025年末，全县6至15周岁学龄人口{opening}人，较上年末增加1,206人。
一、主要工作
（一）学籍信息管理
依托县学籍管理平台，完成全县{later}名学龄少年儿童学籍信息动态核查，核查准确率保持较高水平。
"""


def _same(opening: str, later: str) -> list[tuple[str, str]]:
    r = check(extract(document_from_text(REPORT.format(opening=opening, later=later))))
    return [(f.status, f.severity) for f in r.by_code("GW112")]


def test_a_value_stated_twice_with_a_word_in_common_is_one_fact() -> None:
    # 6至15周岁学龄人口 / 学龄少年儿童学籍信息: the names differ, the value and 学龄 tell the fact
    assert _same("4.318万", "4.318万") == [("consistent", "info")]


def test_a_value_that_differs_is_left_to_the_names_pairs() -> None:
    assert _same("4.318万", "4.381万") == []


def test_a_value_of_two_digits_tells_nothing() -> None:
    # 12 万 may be any count: stated twice, it is not read as one fact by its value
    assert _same("12万", "12万") == []
