"""What the checker says (issue 10): amounts in the scale the text used, digit-swap hints only
where a swap of printed neighbours fits, findings in document order, the rate named as written."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from test_check_helpers import extraction

from gongwen.check import Report, check
from gongwen.check.evaluation.intervals import Interval
from gongwen.check.output.render_text import render_text


def report(tmp_path: Path, body: str) -> Report:
    p = tmp_path / "r.txt"
    p.write_text("2023年城区街道工作总结\n\n" + body, encoding="utf-8")
    return check(p)


def problem(r: Report, code: str) -> str:
    return next(f.message for f in r.problems if f.code == code)


# -- digit-swap hints ------------------------------------------------------------------------------

def test_no_swap_hint_across_the_decimal_point() -> None:
    # 2.84万 → 8.24万 would make the parts add up, but no typist swaps digits over the point
    msg = problem(check(extraction("各项补贴合计14.24万元（种粮补贴2.84万元，农机补贴6.00万元）。")), "GW101")
    assert "颠倒" not in msg and "8.24" not in msg and "差 5.38万元" in msg


def test_swap_hint_keeps_scale_unit_and_places() -> None:
    msg = problem(check(extraction("各项补贴合计8.12万元（种粮补贴2.48万元，农机补贴5.28万元）。")), "GW101")
    assert "2.48万元 可能为 2.84万元 之误" in msg and "差 0.34万元" in msg
    msg = problem(check(extraction("全县低保3251户（城镇低保402户，农村低保2813户）。")), "GW101")
    assert "差 36户，3251户 可能为 3215户 之误" in msg


def test_swap_hint_keeps_trailing_zeros(tmp_path: Path) -> None:
    r = report(tmp_path, "一、安全生产\n全年排查隐患12856件，已整改12604件，整改率89.0%。\n")
    assert "89.0% 可能为 98.0% 之误" in problem(r, "GW123")


def test_no_swap_hint_that_makes_a_leading_zero() -> None:
    # 10.36 → 01.36 is a dropped digit, not a transposition
    msg = problem(check(extraction("各项补贴合计11.36万元（种粮补贴10.36万元，农机补贴2.00万元）。")), "GW101")
    assert "颠倒" not in msg


# -- amounts in the text's own scale ---------------------------------------------------------------

def test_same_fact_difference_in_the_written_scale(tmp_path: Path) -> None:
    r = report(tmp_path, "一、社会事业\n辖区常住人口2.84万人。\n二、存在问题\n辖区常住人口8.24万人，人口老龄化加剧。\n")
    msg = problem(r, "GW112")
    assert "相差 5.40万人" in msg and "54000" not in msg
    assert not [f for f in r.errors if f.code == "GW112"]  # 2.84 / 8.24 is no transposition: a warning


def test_gap_has_a_significant_digit(tmp_path: Path) -> None:
    r = report(tmp_path, "一、经济发展\n全年财政收入由上年的3355.22万元增加到3728.02万元，增加372.7万元。\n")
    msg = problem(r, "GW104")
    assert "差 0.04万元" in msg and "差 0.0万元" not in msg


def test_sum_in_the_scale_of_its_parts() -> None:
    # a total printed in 万元 against parts in 亿元: the sum is shown in 亿元, not 684050万元
    msg = problem(check(extraction("三次产业增加值合计68.42万元（第一产业6.98亿元，第二产业28.10亿元，第三产业33.34亿元）。")),
                  "GW101")
    assert "= 68.40–68.44亿元" in msg and "差 68.40亿元" in msg


def test_implied_values_are_written_in_the_figures_scale() -> None:
    from gongwen.check.growth.changes import written_like
    from gongwen.figure import Figure

    fig = Figure(Decimal(37280200), "元", as_written="3728.02万元", unit_as_written="万元")
    assert written_like(fig, Decimal(3728000), "元") == "372.8万元"
    assert written_like(fig, Decimal("11.1"), "%") == "11.1%"
    assert written_like(Figure(Decimal(12), "千克", as_written="12千克"), Decimal(3), "千克") == "3千克"


def test_negative_intervals_read_without_double_dashes() -> None:
    assert Interval(Decimal("-52.3"), Decimal("-52.1")).show() == "-52.3 至 -52.1"
    assert Interval(Decimal("52.1"), Decimal("52.3")).show() == "52.1–52.3"


# -- naming what the text states -------------------------------------------------------------------

def test_stated_figure_named_once(tmp_path: Path) -> None:
    r = report(tmp_path, "一、社会救助\n全年发放救助金412.6万元，惠及385户，户均11525元。\n")
    msg = problem(r, "GW106")
    assert "与所述户均11525元 不符" in msg and "户均 户均" not in msg
    r = report(tmp_path, "一、家庭医生\n全区常住人口312.6万人。家庭医生签约112.4万人，常住人口签约率63.0%。\n")
    assert "与所述常住人口签约率 63.0% 不符" in problem(r, "GW123")


# -- order -----------------------------------------------------------------------------------------

def test_findings_in_document_order_of_their_primary_location(tmp_path: Path) -> None:
    body = ("一、经济发展\n辖区常住人口2.84万人。\n各项补贴合计14.24万元，包括种粮补贴2.84万元、农机补贴6.00万元。\n"
            "全县低保3251户（城镇低保402户，农村低保2813户）。\n"
            "二、存在问题\n辖区常住人口8.24万人，人口老龄化加剧。\n")
    r = report(tmp_path, body)
    starts = [f.spans[0].start for f in r.findings]
    assert starts == sorted(starts)
    assert [f.code for f in r.problems] == ["GW101", "GW112"]
    out = render_text(r, color=False)
    groups = [line for line in out.splitlines() if line.startswith("§ ")]
    assert groups == ["§ 经济发展", "§ 存在问题"]
