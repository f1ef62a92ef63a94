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


def test_a_body_new_to_the_vocabularies_speaks_of_itself_by_its_own_head() -> None:
    # (公证处, 卫生院, 政府办公室: no vocabulary names them; the word's head is the name's — 办 of 办公室)
    f = _figures("2026年，我处共有执业公证员9名。全年全区办理各类公证事项3120件。", "桐岭区公证处")
    assert f["9名"].scope == "区公证处"
    assert f["3120件"].scope != "区公证处"
    g = _figures("2026年，全办共办理各类公文4210件，服务保障各类会议198场。", "桐岭县人民政府办公室")
    assert g["4210件"].scope == "县政府办公室"  # (the office's short name: 人民政府 → 政府)


def test_a_township_body_is_named_by_its_township() -> None:
    assert own_body("桐岭县石桥镇卫生院", "我院") == "石桥镇卫生院"
    assert own_body("桐岭县石桥镇卫生院", "全院") == "石桥镇卫生院"
    assert own_body("桐岭区石桥街道办事处", "全处") == ""  # (the office of a 街道: no level to name it by)


def test_a_part_or_share_of_the_bodys_own_figure_is_the_bodys() -> None:
    f = _figures("全院现有在编干部86人，其中具有中级以上职称的31人，占36.0%。", "桐岭县石桥镇卫生院")
    assert f["86人"].scope == "石桥镇卫生院"
    assert f["31人"].scope == "石桥镇卫生院"
    assert f["36.0%"].scope == "石桥镇卫生院"


def test_what_the_body_serves_is_no_figure_of_the_body() -> None:
    # (a place after the self-reference is what is counted: the township's villages and people)
    f = _figures("我院承担全镇12个行政村的基本公共卫生服务。", "桐岭县石桥镇卫生院")
    assert f["12个"].scope != "石桥镇卫生院"
    # (a word that holds the head names no body: 全站仪)
    g = _figures("全年购置全站仪6台。", "桐岭县水文站")
    assert g["6台"].scope != "县水文站"
