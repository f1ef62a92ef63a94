"""A bureau speaking of itself in its own report (我局, 本局, 全局) counts the issuing body — its staff, its
projects — not the jurisdiction: the figure's scope is the body, named at its level as the issuer names
it (invented sentences)."""

from __future__ import annotations

from gongwen.extract.figures.labels.places import own_body
from gongwen.extract.pipeline import document_from_text, extract
from gongwen.figure import Figure


def _figures(text: str, issuer: str) -> dict[str, Figure]:
    doc = document_from_text(f"标题：{issuer}2026年工作总结\n发布日期：2026-12-28\n\n一、主要工作\n" + text)
    return {f.as_written: f for f in extract(doc).figures}


def test_the_body_speaking_of_itself_is_the_scope() -> None:
    f = _figures("全局现有在编干部41人。我局全年完成统计调查项目36个。全县规模以上工业企业达到128家。",
                 "松岭县统计局")
    assert f["41人"].scope == "县统计局"
    assert f["36个"].scope == "县统计局"
    assert f["128家"].scope != "县统计局"  # the county's enterprises, not the bureau's


def test_a_word_holding_quanju_names_no_body() -> None:
    f = _figures("全年完成全局性重点改革任务12项。", "松岭县统计局")
    assert f["12项"].scope != "县统计局"


def test_the_body_is_named_at_its_level_only_when_its_name_ends_as_the_word() -> None:
    assert own_body("青禾市临川区统计局", "全局") == "区统计局"
    assert own_body("松岭县人民医院", "我局") == ""
    assert own_body("", "我局") == ""
