"""Liquids by volume are measures (采血量1356.81万毫升; a vaccine stock in ml, kept as written as 公斤 and 千克
are): the figure is read, and a growth stated right after it is that measure's growth, not a bare 增速
(sentences of our own, about fictional places)."""

from __future__ import annotations

from gongwen.extract.figures.grammar.numbers import find_quantities
from gongwen.extract.pipeline import document_from_text, extract


def test_millilitres_are_a_measure_scaled_by_wan() -> None:
    got = [(str(q.value), q.unit) for q in find_quantities("全年临床用血量862.5万毫升，每单位按200毫升折算。", year=2026)]
    assert got == [("8625000", "毫升"), ("200", "毫升")]


def test_ml_is_kept_as_written() -> None:
    got = [(str(q.value), q.unit) for q in find_quantities("库存口蹄疫疫苗12.6万ml，", year=2026)]
    assert got == [("126000", "ml")]


def test_a_growth_after_a_volume_is_its_growth() -> None:
    ex = extract(document_from_text("某市中心血站2026年工作总结\n一、血液供应\n全年临床用血量862.5万毫升，同比上升6.2%。\n"))
    f = {x.as_written: x for x in ex.figures}
    assert f["862.5万毫升"].metric == "临床用血量"
    assert f["6.2%"].metric == "临床用血量增速"
