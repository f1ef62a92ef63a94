"""A value a plan set, then what was really done (engineer E, session 16): 制定年度检查计划，确定
检查学堂 280 所次，全年实际检查 316 所次 — the 280 is the plan's, a target, so it is never the same
fact as a result stated elsewhere (累计检查学堂和书院 1580 所次); without a plan named before it the
value stays a result (发放消费券 1,200 万元，实际核销 1,158 万元)."""

from __future__ import annotations

from gongwen.check.reading.relations import fact_kind
from gongwen.check.reading.textindex import TextIndex
from gongwen.extract.pipeline import document_from_text, extract


def _kinds(text: str) -> dict[str, str | None]:
    ext = extract(document_from_text("关于2023年青苇区学堂工作情况的报告\n一、工作成效\n" + text + "\n"))
    idx = TextIndex(ext.document.text, list(ext.figures))
    return {f.as_written: fact_kind(idx, f) for f in idx.figures}


def test_the_value_a_plan_set_before_what_was_done_is_a_target() -> None:
    kinds = _kinds("年初制定年度督导检查计划，确定检查学堂280所次，全年实际检查316所次，完成年度计划的112.9%。")
    assert kinds["280所次"] == "target"
    assert kinds["316所次"] == "actual"


def test_without_a_plan_named_the_value_before_stays_a_result() -> None:
    kinds = _kinds("向学堂发放助学券1,200万元，实际核销1,158万元，核销率96.5%。")
    assert kinds["1,200万元"] == "actual"


def test_another_unit_after_is_no_contrast() -> None:
    kinds = _kinds("按年度计划新建学堂23所，实际投入资金1.86亿元。")
    assert kinds["23所"] == "actual"
