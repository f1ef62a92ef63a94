"""A body that speaks of its own whole (全院, 全台) more often than of its jurisdiction's reports on
itself: a figure with no scope of its own is the body's whole as its text names it, not the county's
(places.spoken_whole).  A bureau's 全局 never counts — it is as often the whole picture (服务全局), and a
government's bureau acts for its jurisdiction.  Invented sentences."""

from __future__ import annotations

import pytest

from gongwen.extract.figures.labels.places import OWN_BODY, spoken_whole
from gongwen.extract.pipeline import document_from_text, extract
from gongwen.figure import Figure


def _figures(text: str, issuer: str) -> dict[str, Figure]:
    doc = document_from_text(f"标题：{issuer}2026年工作总结\n发布日期：2026-12-28\n\n一、主要工作\n" + text)
    return {f.as_written: f for f in extract(doc).figures}


@pytest.mark.parametrize("issuer, text, figure, scope", [
    ("桐岭区社会福利院", "全院现有在院服务对象236人。全年开展文体活动58场，组织志愿服务42次。全院安全检查实现全覆盖。",
     "58场", "全院"),
    ("青禾市广播电视台", "全台全年播出自办节目4260小时。全年制作专题片36部，全台新媒体平台粉丝突破百万。",
     "36部", "全台"),
])
def test_a_body_speaking_of_its_own_whole_files_its_figures_under_it(issuer: str, text: str, figure: str,
                                                                    scope: str) -> None:
    assert _figures(text, issuer)[figure].scope == scope


def test_a_body_speaking_more_of_its_jurisdiction_keeps_the_jurisdiction() -> None:
    f = _figures("全院现有职工52人。全区养老床位3100张，全区共有养老机构18家。全年开展助老活动40场。", "桐岭区社会福利院")
    assert f["40场"].scope == "全区"


def test_a_bureaus_quanju_makes_no_whole_of_its_own() -> None:
    f = _figures("全局干部职工参加业务培训12次，全局开展专题调研6次。全年完成统计调查项目36个。", "松岭县统计局")
    assert f["36个"].scope == "全县"
    assert spoken_whole("全局干部职工参加业务培训12次，全局开展专题调研6次。", "松岭县统计局", "全县") == ""


def test_a_whole_word_of_another_body_or_a_place_is_no_self_reference() -> None:
    # (全院 in a broadcaster's report is another body's; 全台州 is a city, not 全台)
    assert spoken_whole("全院医护人员参加义诊。全院开展讲座3次。", "青禾市广播电视台", "全市") == ""
    assert OWN_BODY.search("全台州共有县级电视台9家") is None
