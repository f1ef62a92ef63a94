"""A work plan's change stated against the year before it (较上年增加…, 比2026年增长…) is a change — the
difference of its goal and a level the writer knows — not a goal of its own; a plan's bare goals stay
targets (invented sentences)."""

from __future__ import annotations

from gongwen.extract.pipeline import document_from_text, extract


def _kinds(body: str) -> dict[str, str]:
    text = f"松岭县图书馆2027年工作计划\n一、重点任务\n{body}\n松岭县图书馆\n2027年1月6日"
    return {f.as_written: f.kind for f in extract(document_from_text(text)).figures}


def test_a_plans_change_against_the_year_before_is_a_change() -> None:
    k = _kinds("全年计划举办阅读推广活动260场，比2026年增加35场。数字资源访问量达到48万人次，较上年增长12.5%。")
    assert (k["260场"], k["35场"]) == ("target", "change")
    assert (k["48万人次"], k["12.5%"]) == ("target", "change")


def test_a_plans_goal_with_no_base_stays_a_target() -> None:
    k = _kinds("新增馆藏图书1.2万册，新建城市书房3个。")
    assert (k["1.2万册"], k["3个"]) == ("target", "target")
