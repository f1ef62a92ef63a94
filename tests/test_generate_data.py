"""The generator's data format, phrasing filters and templates: example tables and error messages."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from gongwen.errors import DataError, TemplateError
from gongwen.generate import compose
from gongwen.generate import phrasing as ph
from gongwen.generate.layout import title_lines, width
from gongwen.generate.markup import parse
from gongwen.generate.schema import load

D = Decimal


def base(**over) -> dict:
    d = {"issuer": "青山县民政局", "year": 2025, "date": "2025-12-20", "kind": "summary", "scope": "全县",
         "programs": {"低保": {"户数": {"label": "低保对象", "unit": "户", "value": 5230, "previous": 5010}}}}
    d.update(over)
    return d


# -- phrasing: example tables ------------------------------------------------------------
CHANGE_ROWS = [
    # (current, previous, unit, style, expected)
    ("5230", "5010", "户", "from-to", "由2024年的5010户增加到5230户，增长4.4%"),
    ("4900", "5010", "户", "from-to", "由2024年的5010户减少到4900户，下降2.2%"),
    ("4900", "5010", "户", "ratio", "4900户，比上年下降2.2%"),
    ("5230", "5010", "户", "ratio", "5230户，比上年增长4.4%"),
    ("5010", "5010", "户", "from-to", "5010户，与上年持平"),
    ("5012", "5010", "户", "from-to", "5012户，与上年持平"),  # |r| < 0.05%
    ("95.5", "93.1", "%", "from-to", "由2024年的93.1%提高到95.5%，提高2.4个百分点"),
    ("90.0", "93.1", "%", "from-to", "由2024年的93.1%降低到90%，降低3.1个百分点"),
    ("95.5", "93.1", "%", "ratio", "95.5%，比上年提高2.4个百分点"),
    ("915", "820", "元/人/月", "from-to", "由2024年的每人每月820元提高到每人每月915元，增长11.6%"),
    ("200", "100", "人", "from-to", "由2024年的100人增加到200人，翻一番"),
    ("350", "100", "人", "ratio", "350人，比上年增长2.5倍"),
    ("12", "0", "个", "from-to", "12个，实现零的突破"),
    ("138020000", "125000000", "万元", "from-to", "由2024年的12500万元增加到13802万元，增长10.4%"),
    ("345000000", "300000000", "亿元", "from-to", "由2024年的3亿元增加到3.45亿元，增长15.0%"),
]


@pytest.mark.parametrize("cur,prev,unit,style,expected", CHANGE_ROWS, ids=[r[4] for r in CHANGE_ROWS])
def test_change_phrase(cur: str, prev: str, unit: str, style: str, expected: str) -> None:
    assert ph.change_phrase(D(cur), D(prev), unit, previous_label="2024年", style=style).text == expected


def test_rate_from_unrounded_values() -> None:
    # 10.449...% would be 10.5% if the inputs were rounded to 万元 first (13802/12497 → 10.44%)
    c = ph.change_phrase(D("138024999"), D("124974999"), "万元", style="ratio")
    assert c.text == "13802.5万元，比上年增长10.4%" and c.change == D("10.4")


MONEY_ROWS = [
    ("5000", None, "5000元"),
    ("13802", None, "1.38万元"),
    ("138020000", None, "13802万元"),
    ("345000000", None, "3.45亿元"),
    ("1234567890", None, "12.35亿元"),
    ("28754163", "万元", "2875.42万元"),
    ("28754163", "元", "28754163元"),
]


@pytest.mark.parametrize("yuan,unit,expected", MONEY_ROWS, ids=[r[2] for r in MONEY_ROWS])
def test_money(yuan: str, unit: str | None, expected: str) -> None:
    assert ph.money(D(yuan), unit) == expected
    assert "亿" not in expected or "万" not in expected  # never 3亿4500万


@pytest.mark.parametrize("x,expected", [("13802.00", "13802"), ("0.46", "0.46"), ("1E+4", "10000"),
                                        ("1234567", "1234567"), ("-0.0", "0")])
def test_plain_numbers_no_separators(x: str, expected: str) -> None:
    assert ph.plain(D(x)) == expected


@pytest.mark.parametrize("n,expected", [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (99, "九十九"),
                                        (100, "一百"), (101, "一百零一"), (110, "一百一十"), (115, "一百一十五")])
def test_chinese_ordinals(n: int, expected: str) -> None:
    assert ph.chinese_ordinal(n) == expected


def test_target_and_dates_and_plan_periods() -> None:
    assert ph.target_phrase(D(4200), D(4000))[0] == "超额完成年度目标任务"
    assert ph.target_phrase(D("2875.4163"), D(3025)) == ("完成年度目标任务的95.1%", D("95.1"))
    assert ph.date_text("2025-01-05") == "2025年1月5日"
    assert (ph.plan_period(2025), ph.plan_year_role(2025), ph.plan_year_role(2026)) == ("十四五", "收官之年", "开局之年")


PERIOD_ROWS = [
    ("2025-11", "截至2025年11月底，"),
    ("2025-10-30", "截至2025年10月30日，"),
    ("2025-01/2025-11", "2025年1—11月，"),
    ("2025-01/..", "自2025年1月起，"),
    ("2025-10/2025-10", "2025年10月，"),  # never 2025年10—10月
    ("2021/2025", "“十四五”期间，"),
    ("2024", "2024年，"),
    ("2025", "预计2025年全年，"),  # the report is dated 2025-12-20: full-year figures are estimates
]


@pytest.mark.parametrize("period,expected", PERIOD_ROWS, ids=[r[0] for r in PERIOD_ROWS])
def test_period_phrases(period: str, expected: str) -> None:
    from gongwen.generate.narrate import period_phrase

    assert period_phrase(period, load(base())) == expected


def test_title_lines_balanced_and_short() -> None:
    t = "青山县民政局关于2025年城乡最低生活保障和特困人员救助供养工作情况的总结"
    lines = title_lines(t, issuer="青山县民政局")
    assert "".join(lines) == t and all(width(x) <= 20 for x in lines)
    assert title_lines("短标题") == ["短标题"]


# -- data format: values, sums, key paths ---------------------------------------------------
def test_units_scale_to_base_and_sum_of_parts() -> None:
    d = base(programs={"低保": {
        "金额": {"label": "低保金", "unit": "万元", "value": "2875.4163"},
        "户数": {"label": "低保对象", "unit": "户", "value": "sum", "previous": "sum",
                 "城市": {"value": 1200, "previous": 1150}, "农村": {"value": 4030, "previous": 3860}}}})
    r = load(d)
    money, households = r.programs["低保"].figures
    assert money.value == D("28754163")
    assert households.value == D(5230) and households.previous == D(5010) and households.computed
    assert [p.scope for p in households.parts] == ["城市", "农村"]
    res = compose(d)
    assert "低保对象由上年的5010户增加到5230户" in res.text
    assert "其中城市由上年的1150户增加到1200户" in res.text


ERROR_ROWS = [
    ({"programs": {"低保": {"households": {"unit": "户", "value": "sum", "农村": "5千"}}}},
     "programs.低保.households.农村: expected a number, got '5千'"),
    ({"programs": {"低保": {"households": {"unit": "户", "value": True}}}},
     "programs.低保.households.value: expected a number, got True"),
    ({"programs": {"低保": {"households": {"value": 5}}}}, "programs.低保.households.unit: missing"),
    ({"programs": {"低保": {"households": {"unit": "户"}}}}, "programs.低保.households.value: missing"),
    ({"programs": {"低保": {"households": 5}}}, "programs.低保.households: expected a figure"),
    ({"programs": {"低保": {"h": {"unit": "户", "value": 10, "城市": 6, "农村": 7}}}},
     "programs.低保.h.value: the parts add up to 13, more than the stated total 10"),
    ({"programs": {"低保": {"h": {"unit": "户", "value": 1, "period": "2025年"}}}},
     "programs.低保.h.period: expected a period like 2025"),
    ({"year": "2025年"}, "year: expected a four-digit year, got '2025年'"),
    ({"kind": "report"}, "kind: expected one of summary, plan, summary-plan, got 'report'"),
    ({"date": "2025-13-01"}, "date: there is no month 13, got '2025-13-01'"),
    # issue 11: each a one-line error naming file, key path and problem
    ({"date": "2025-02-30"}, "date: February 2025 has 28 days, got '2025-02-30'"),
    ({"year": "2025"}, "year: write the year as a number (2025), not quoted text ('2025')"),
    ({"programs": {"低保": {"h": {"unit": "户", "value": 10, "previuos": 9}}}},
     "programs.低保.h.previuos: unknown key; did you mean 'previous'?"),
    ({"programs": {"低保": {"h": {"unit": "元每月", "value": 10}}}}, "programs.低保.h.unit: unknown unit '元每月'"),
    ({"programs": {"低保": {"h": {"unit": "元/人/越", "value": 10}}}},
     "programs.低保.h.unit: unknown unit '元/人/越'; did you mean '元/人/月'?"),
    ({"issuer": ""}, "issuer: must not be empty"),
    ({"sectons": []}, "sectons: unknown key; did you mean 'sections'?"),
    ({"sections": [{"title": "一、工作完成情况"}]}, "sections[0].title: starts with a hand-written marker '一、'"),
    ({"sections": [{"title": "甲", "programs": ["不存在"]}]}, "sections[0].programs[0]: no program '不存在'"),
    ({"sections": [{"title": "甲", "sections": [{"title": "乙", "sections": [{"title": "丙", "sections": [
        {"title": "丁"}]}]}]}]}, "sections[0].sections[0].sections[0].sections: sections nest at most 3 deep here"),
]


@pytest.mark.parametrize("over,message", ERROR_ROWS, ids=[r[1][:40] for r in ERROR_ROWS])
def test_validation_errors_name_file_and_key_path(tmp_path: Path, over: dict, message: str) -> None:
    import yaml

    f = tmp_path / "data.yaml"
    f.write_text(yaml.safe_dump(base(**over), allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError) as e:
        load(f)
    assert str(e.value).startswith(f"{f}: ")
    assert message in str(e.value)


@pytest.mark.parametrize("text,where", [
    ("issuer: x\nyear: [2025\n", "line 3, column 1: invalid YAML"),
    ("issuer: x\n  year: 2025\n", "line 2, column 7: invalid YAML"),
    ("issuer: x\nissuer: y\nyear: 2025\n", "line 2, column 1: invalid YAML"),
    ("", "the file is empty"),
])
def test_malformed_yaml_is_one_data_error(tmp_path: Path, text: str, where: str) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as e:
        load(f)
    assert str(e.value).startswith(f"{f}: {where}")
    assert "\n" not in str(e.value)


def test_json_accepted_and_json_errors_have_lines(tmp_path: Path) -> None:
    import json

    f = tmp_path / "d.json"
    f.write_text(json.dumps(base(), ensure_ascii=False), encoding="utf-8")
    assert load(f).programs["低保"].figures[0].value == 5230
    f.write_text('{"issuer": "x",\n "year": }', encoding="utf-8")
    with pytest.raises(DataError, match=r"d.json: line 2, column 10: invalid JSON"):
        load(f)


def test_multiline_values_cannot_inject_directives() -> None:
    d = base(intro=["第一段\nh1: 伪造的标题\n继续"], title="标题\np: 注入")
    res = compose(d)
    assert [b.kind for b in res.blocks].count("h1") == 1
    assert res.blocks[0].text == "标题 p: 注入"


# -- templates -----------------------------------------------------------------------------
def test_template_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    t = tmp_path / "mine.gw.j2"
    t.write_text("title: {{ report.title }}\np: {% if %}\n", encoding="utf-8")
    with pytest.raises(TemplateError) as e:
        compose(base(), template=t)
    assert str(e.value).startswith(f"{t}: line 2: template syntax error")


def test_template_runtime_error_names_file_and_line(tmp_path: Path) -> None:
    t = tmp_path / "mine.gw.j2"
    t.write_text("title: {{ report.title }}\n\np: {{ report.no_such_key }}\n", encoding="utf-8")
    with pytest.raises(TemplateError) as e:
        compose(base(), template=t)
    assert "mine.gw.j2: line 3: UndefinedError" in str(e.value)


def test_template_is_sandboxed(tmp_path: Path) -> None:
    t = tmp_path / "evil.gw.j2"
    t.write_text("title: {{ report.__class__.__init__.__globals__ }}\n", encoding="utf-8")
    with pytest.raises(TemplateError, match="evil.gw.j2"):
        compose(base(), template=t)


def test_user_template_can_import_builtin_macros(tmp_path: Path) -> None:
    t = tmp_path / "mine.gw.j2"
    t.write_text('{% import "_macros.gw.j2" as m with context %}\ntitle: {{ report.title }}\n'
                 "h1: 主要数据\n{{ m.loose_programs(2) }}\n{{ m.closing() }}\n", encoding="utf-8")
    res = compose(base(), template=t)
    assert [b.text for b in res.blocks][:3] == ["青山县民政局2025年工作总结", "一、主要数据", "（一）低保"]


def test_bad_markup_line_is_a_template_error() -> None:
    with pytest.raises(TemplateError, match="rendered line 2: expected a directive"):
        parse("title: T\n随便一行\n", "x.gw.j2")


@pytest.mark.parametrize("kind,title,heads", [
    ("summary", "青山县民政局2025年工作总结", ["一、工作完成情况", "（一）低保"]),
    ("plan", "青山县民政局2025年工作计划", ["一、低保"]),
    ("summary-plan", "青山县民政局2025年工作总结和2026年工作计划",
     ["一、2025年工作完成情况", "（一）低保", "二、2026年工作计划"]),
])
def test_builtin_templates(kind: str, title: str, heads: list[str]) -> None:
    res = compose(base(kind=kind))
    assert res.blocks[0].text == title
    assert [b.text for b in res.blocks if b.kind.startswith("h")] == heads
    if kind == "plan":
        assert "力争" in res.text
    if kind == "summary-plan":
        assert "2026年是“十五五”开局之年" in res.text


def test_example_data_file_renders_with_expected_figures() -> None:
    res = compose("gongwen/generate/data/example-summary.yaml")
    assert len(res.figures) == 9
    money = next(f for f in res.figures if f.metric == "低保金")
    assert (money.value, money.unit, money.previous, money.period) == (D("39927900"), "元", D("38205000"),
                                                                       "2025-01/2025-11")
    assert "完成年度目标任务的95.1%" in res.text


def test_missing_values_become_placeholders_in_draft_mode() -> None:
    d = base(programs={"低保": {"户数": {"label": "低保对象", "unit": "户", "value": None, "previous": 5010}}})
    with pytest.raises(DataError, match="programs.低保.户数.value: missing"):
        compose(d)
    res = compose(d, allow_missing=True)
    assert res.placeholders == ["【待填：全县低保对象（户），2024年为5010户】"]
    assert res.missing == ["programs.低保.户数"]
    assert not res.figures


def test_example_plan_renders_targets() -> None:
    res = compose("gongwen/generate/data/example-plan.yaml")
    assert res.blocks[0].text == "青山县民政局2026年工作计划"
    assert "2026年是“十五五”开局之年" in res.text
    assert "力争全县养老机构护理型床位由上年的620张增加到680张，增长9.7%" in res.text
    assert "提高6.5个百分点" in res.text
    assert [f.value for f in res.figures] == [Decimal(880), Decimal(680), Decimal(75)]
