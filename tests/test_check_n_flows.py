"""Engineer N: a stock at a period's opening, the new ones and the ones that left make the stock at
its end, stated elsewhere in the section (invented words)."""

from __future__ import annotations

from gongwen.check import check
from gongwen.extract.pipeline import document_from_text, extract

BODY = """关于2025年青苇区帮扶工作情况的报告
一、年度工作
（一）帮扶对象动态管理
年末全区共有在册帮扶对象{end}人。全面推行动态管理，年初在册帮扶对象4,120人，全年新增纳入630人、退出512人，帮扶对象规模总体稳定。
"""


def _flows(end: str) -> list[tuple[str, str]]:
    r = check(extract(document_from_text(BODY.format(end=end))))
    return [(f.status, f.severity) for f in r.by_code("GW104") if "−" in f.message]


def test_opening_plus_new_minus_leaving_is_the_closing_stock() -> None:
    assert _flows("4,238") == [("consistent", "info")]


def test_a_closing_stock_that_does_not_agree_is_no_finding() -> None:
    # found by words only: another closing figure may count otherwise (dead, moved, …) — unless two
    # swapped digits make it agree (4,283 for 4,238: engineer U's tests/test_check_u_mutants.py)
    assert _flows("4,250") == []
