"""Extraction causes the twenty-fifth session's held-out group (R) showed, in invented words: a goal
verb governs its clauses up to a semicolon only; an area worked more than once (亩次) and a count of
aircraft (架) are units of their own."""

from __future__ import annotations

from gongwen.extract.pipeline import document_from_text, extract

HEAD = "蒿川县农技中心2026年上半年工作总结\n一、病虫害防控\n"


def _figures(body: str) -> list[tuple[str, str, str]]:
    ex = extract(document_from_text(HEAD + body + "\n"))
    return [(f.as_written, f.unit, f.kind) for f in ex.figures]


def test_a_goal_verb_stops_at_a_semicolon() -> None:
    for sep in ("；", ";"):
        got = _figures(f"中心实行包片责任制，确保应防尽防{sep}同时完成统防统治面积18.2万亩，占防治面积的46.1%。")
        assert got == [("18.2万亩", "亩", "actual"), ("46.1%", "%", "share")]
    # within its own clauses a goal verb still makes a target, and a task opening a list governs its items
    assert _figures("确保完成统防统治面积18.2万亩，覆盖率达到46.1%。")[0][2] == "target"
    got = _figures("市里下达我区植保项目任务共两个，即统防统治面积18.2万亩；绿色防控示范区6个。")
    assert [k for *_, k in got][-2:] == ["target", "target"]


def test_an_area_worked_twice_and_a_count_of_aircraft_are_units() -> None:
    got = _figures("调度植保无人机126架，完成统防统治面积18.2万亩次。")
    assert got == [("126架", "架", "actual"), ("18.2万亩次", "亩次", "actual")]
