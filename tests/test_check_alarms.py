"""False alarms the checker must not raise (issue 10): each family with a fixture of invented
words, and a sibling that must still be reported so the fix cannot simply switch a rule off."""

from __future__ import annotations

import dataclasses

from test_check_helpers import extraction

from gongwen.check import Report, check


def run(text: str, **kw: object) -> Report:
    return check(extraction(text, **kw))  # type: ignore[arg-type]


def codes(r: Report) -> list[str]:
    return sorted(f.code for f in r.problems)


def test_per_mille_ratio_is_not_a_count() -> None:
    assert codes(run("全市每千常住人口拥有床位6.96张。")) == []
    assert codes(run("全市平均班额达到49.6人。")) == []
    assert codes(run("本月新增低保对象2.5人。")) == ["GW118"]


def test_a_measure_the_count_unit_classifies_may_be_fractional() -> None:
    # platelet doses are counted in halves: 个 classifies 治疗量 here; a half of a body still is no count
    assert codes(run("全年采集机采血小板3120.5个治疗量，供应临床。")) == []
    assert codes(run("全年走访帮扶企业12.5个单位。")) == ["GW118"]


def test_quarter_report_may_speak_of_its_quarter() -> None:
    text = "一季度各项工作中，低保提标扩面进展顺利。"
    assert codes(run(text, kind="summary", year=2024, date="2024-04-08")) == []
    assert codes(run(text, kind="summary", year=2024, date="2024-12-20")) == ["GW121"]


def _two_sections(text: str, second: str, first_period: str | None = None, **change: object) -> Report:
    ext = extraction(text, sections=[(0, ("工作成效",)), (text.index(second), ("工作打算",))])
    at = text.index(second)
    figs = tuple(dataclasses.replace(f, **change) if f.span.start >= at else dataclasses.replace(f, period=first_period)
                 for f in ext.figures)
    return check(dataclasses.replace(ext, figures=figs))


def test_target_is_never_the_same_fact_as_a_result() -> None:
    text = "全年新建高标准农田示范区面积5200个。\n新建高标准农田示范区面积4800个。\n"
    assert codes(_two_sections(text, "新建高标准农田示范区面积4800")) == ["GW112"]
    assert codes(_two_sections(text, "新建高标准农田示范区面积4800", kind="target")) == []


def test_an_inferred_next_year_is_another_fact() -> None:
    text = "全年新建高标准农田示范区面积5200个。\n新建高标准农田示范区面积4800个。\n"
    r = _two_sections(text, "新建高标准农田示范区面积4800", "2023", period="2024", period_inferred=True)
    assert codes(r) == []
    r = _two_sections(text, "新建高标准农田示范区面积4800", "2023-11", period="2023", period_inferred=True)
    assert codes(r) == ["GW112"]


def test_a_qualified_category_leaves_its_list_open() -> None:
    # 企业职工 is one kind of 职工 (机关事业单位 are the other): 企业职工 and 城乡居民 need not add up to the
    # whole, while 职工 and 城乡居民 do; either way the parts may not exceed it
    text = "全县征收学堂基金6.82亿元，其中{a}学堂基金4.37亿元，城乡居民学堂基金{b}亿元。"
    assert codes(run(text.format(a="企业职工", b="0.96"))) == []
    assert codes(run(text.format(a="职工", b="0.96"))) == ["GW101"]
    assert codes(run(text.format(a="企业职工", b="2.96"))) == ["GW108"]



def _full(text: str) -> list[str]:
    from gongwen.extract.pipeline import document_from_text, extract
    return sorted(f.code for f in check(extract(document_from_text(text))).problems)


SIGNED = "\n栖梧县广播电视台\n2026年12月28日\n"


def test_count_per_population_in_digits_is_a_ratio() -> None:
    # (the twenty-fourth session's held-out group: 每10万人口配置…台 read as a count of 台)
    head = "栖梧县急救中心2026年工作总结\n一、院前急救\n"
    assert _full(head + "全县常住人口约48万人，每10万人口配置除颤仪23.6台。" + SIGNED) == []
    assert _full(head + "全县新配置除颤仪23.6台。" + SIGNED) == ["GW118"]


def test_a_span_of_years_under_way_is_not_after_the_signing() -> None:
    # a five-year plan begun this year dates nothing later than the report; a later year still does
    head = "栖梧县广播电视台2026年工作总结\n一、宣传报道\n"
    assert "GW121" not in _full(head + "围绕“十五五”规划开局起步和县委中心工作，精心策划主题宣传，开设专题专栏18个。" + SIGNED)
    assert "GW121" in _full(head + "2028年开设专题专栏18个，推出系列报道326条。" + SIGNED)
