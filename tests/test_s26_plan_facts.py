"""What a work plan states as already there — a fact, not a goal — and when it stands: the close of
the year before the one the plan is for; the plan's own goals keep the plan's year (invented sentences)."""

from __future__ import annotations

from gongwen.extract.pipeline import document_from_text, extract


def _figures(body: str) -> dict[str, tuple[str | None, str]]:
    text = f"松岭县文化馆2027年工作计划\n一、重点任务\n{body}\n松岭县文化馆\n2027年1月8日"
    return {f.as_written: (f.period, f.kind) for f in extract(document_from_text(text)).figures}


def test_what_is_already_built_is_a_fact_and_what_is_built_on_it_the_goal() -> None:
    f = _figures("完善总分馆体系，在已建成分馆13个的基础上再建分馆4个。全县16个乡镇中已有10个建成标准化综合文化站。")
    assert f["13个"] == ("2026-12", "actual")
    assert f["4个"] == ("2027", "target")
    assert f["10个"] == ("2026-12", "actual")


def test_a_fact_the_plan_states_stands_at_the_close_of_the_year_before() -> None:
    f = _figures("依托现有非遗传承工作室7个，新增非遗传承工作室3个。")
    assert (f["7个"], f["3个"]) == (("2026-12", "actual"), ("2027", "target"))


def test_the_units_a_plan_acts_on_stand_as_the_plan_is_written_and_its_goals_in_its_year() -> None:
    f = _figures("对全县203个村级文化活动室开展设施普查。拟安排免费开放经费96万元，较上年的88万元增长9.1%。")
    assert f["203个"] == ("2026-12", "actual")
    assert f["96万元"] == ("2027", "target")


def test_a_summary_keeps_the_year_of_what_exists() -> None:
    # (only a plan speaks before its year: a year's summary dates its levels by its year, as its writers do)
    text = "松岭县文化馆2026年工作总结\n一、主要工作\n全县现有分馆13个，全年新建分馆2个。\n松岭县文化馆\n2026年12月20日"
    f = {x.as_written: x.period for x in extract(document_from_text(text)).figures}
    assert f["13个"] == "2026"
