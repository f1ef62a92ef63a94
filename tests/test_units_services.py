"""Units of the service and assessment trades the table once lacked: scores (测评得分92.4分), sound levels
in 分贝, seconds, calls (通), letters (封), courses (门), runs (班次), sampling points (点次), barriers
(道), visits to works (座次) and volumes written m3 (kept as written, as ml is).
A clock time's minutes (9时15分) are no score, and 十分, 三门 stay words (sentences of our own, about
fictional places)."""

from __future__ import annotations

import pytest

from gongwen.extract.figures.grammar.numbers import find_quantities


def _read(text: str) -> list[tuple[str, str]]:
    return [(str(q.value), q.unit) for q in find_quantities(text, year=2026)]


@pytest.mark.parametrize(("text", "want"), [
    ("年度群众满意度测评得分92.4分，较上年提高1.7分。", [("92.4", "分"), ("1.7", "分")]),
    ("功能区昼间平均等效声级55.2分贝。", [("55.2", "分贝")]),
    ("平均接警调度时长由上年的58秒缩短至49秒。", [("58", "秒"), ("49", "秒")]),
    ("全年接听群众来电86420通，办理县长信箱来信37封。", [("86420", "通"), ("37", "封")]),
    ("新开发专题课程18门，全年开行公交线路183.5万班次。", [("18", "门"), ("1835000", "班次")]),
    ("完成地表水采样24点次，新建拦河堰3道。", [("24", "点次"), ("3", "道")]),
    ("巡查水库山塘12360座次。", [("12360", "座次")]),
    ("年取水量85万m3，设计取水流量0.8m3/s。", [("850000", "m3"), ("0.8", "m3/s")]),
])
def test_units_of_services_are_read(text: str, want: list[tuple[str, str]]) -> None:
    assert _read(text) == want


def test_clock_minutes_are_no_score() -> None:
    assert _read("于当日9时15分召开调度会，历时2小时40分，考核得分97分。") == [("2", "小时"), ("97", "分")]


def test_words_that_hold_these_characters_stay_words() -> None:
    assert _read("十分重视三门峡方向的一通百通工作。") == []
