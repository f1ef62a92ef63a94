"""Cross-year checks on hand-made corpus rows (no extractor involved): each rule passes and fails."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gongwen.corpora import schema
from gongwen.corpora.build import write_document
from gongwen.corpora.crosscheck import cross_check, problems
from gongwen.model import Span

ISSUER = "白沙县民政局"


def fig(seq: int, value: Any, unit: str = "元/人/月", *, metric: str = "保障标准", scope: str = "城镇",
        program: str = "最低生活保障", period: str | None = None, **kw: Any) -> dict[str, Any]:
    row = {"seq": seq, "id": f"f{seq}", "value": value, "unit": unit, "program": program, "scope": scope,
           "metric": metric, "period": period, "as_written": str(value), "unit_as_written": unit,
           "span_start": 10 * seq, "span_end": 10 * seq + 3, "quantum": 1, "source": "text"}
    row.update(kw)
    return row


def add(conn: Any, path: str, year: int, figures: list[dict[str, Any]], *, issuer: str = ISSUER,
        kind: str | None = "summary") -> None:
    write_document(conn, {
        "path": path, "status": "ok", "sha256": path, "size": 1, "mtime_ns": 1,
        "document": {"issuer": issuer, "year": year, "kind": kind, "title": f"{issuer}{year}年工作总结",
                     "n_figures": len(figures)},
        "figures": figures,
    })


@pytest.fixture()
def conn(tmp_path: Path) -> Any:
    c = schema.connect(tmp_path / "c.sqlite", create=True)
    yield c
    c.close()


def codes(findings: list[Any], status: str | None = None) -> list[str]:
    return [cf.finding.code for cf in findings if status is None or cf.finding.status == status]


def test_previous_value_matches_last_year(conn: Any) -> None:
    add(conn, "/c/2021.txt", 2021, [fig(0, 720, previous=680, period="2021-01/..")])
    add(conn, "/c/2022.txt", 2022, [fig(0, 765, previous=720, period="2022-01/..")])
    found = cross_check(conn)
    assert codes(found, "consistent") == ["GW201"]
    assert problems(found) == []
    cf = found[0]
    assert (cf.issuer, cf.year, cf.previous_year) == (ISSUER, 2022, 2021)
    assert (cf.document, cf.previous_document) == ("/c/2022.txt", "/c/2021.txt")


def test_previous_value_disagrees_with_last_year(conn: Any) -> None:
    add(conn, "/c/2022.txt", 2022, [fig(0, 860, previous=800, scope="农村", program="特困人员救助供养",
                                        metric="供养标准")])
    add(conn, "/c/2023.txt", 2023, [fig(0, 900, previous=850, scope="农村", program="特困人员救助供养",
                                        metric="供养标准")])
    [cf] = problems(cross_check(conn))
    f = cf.finding
    assert (f.code, f.severity, f.status) == ("GW201", "warning", "inconsistent")
    assert (f.expected, f.actual) == ("860", "850")
    assert "850" in f.message and "860" in f.message and "2022" in f.message


def test_unrelated_years_and_issuers_are_not_compared(conn: Any) -> None:
    add(conn, "/c/2020.txt", 2020, [fig(0, 700)])
    add(conn, "/c/2022.txt", 2022, [fig(0, 765, previous=999)])  # no 2021 report
    add(conn, "/d/2021.txt", 2021, [fig(0, 1)], issuer="红石县民政局")
    assert cross_check(conn) == []


@pytest.mark.parametrize(("rate", "status"), [
    ("4.6", "consistent"),     # 2718.4 万 → 2843.5 万 is +4.60 %
    ("4.60", "consistent"),
    ("5.6", "inconsistent"),
    ("-4.6", "inconsistent"),  # direction wrong
], ids=["stated", "trailing-zero", "off-by-one-point", "sign"])
def test_growth_against_last_year(conn: Any, rate: str, status: str) -> None:
    kw = dict(unit="元", metric="发放金额", scope="全县", unit_as_written="万元", quantum=1000)
    add(conn, "/c/2022.txt", 2022, [fig(0, 27184000, period="2022-01/2022-11", **kw)])
    add(conn, "/c/2023.txt", 2023, [fig(0, 28435000, period="2023-01/2023-11", change=rate,
                                        change_unit="%", change_quantum="0.1", **kw)])
    found = [cf for cf in cross_check(conn) if cf.finding.code == "GW202"]
    assert [cf.finding.status for cf in found] == [status]


def test_growth_needs_the_same_period_last_year(conn: Any) -> None:
    kw = dict(unit="元", metric="发放金额", scope="全县")
    add(conn, "/c/2022.txt", 2022, [fig(0, 100, period="2022-01/2022-10", **kw)])
    add(conn, "/c/2023.txt", 2023, [fig(0, 200, period="2023-01/2023-11", change=5, change_unit="%", **kw)])
    assert cross_check(conn) == []


def test_absolute_change_against_last_year(conn: Any) -> None:
    kw = dict(unit="元/人次", metric="救助水平", scope="全县", program="临时救助", quantum="0.01")
    add(conn, "/c/2021.txt", 2021, [fig(0, "1158.48", **kw)])
    add(conn, "/c/2022.txt", 2022, [fig(0, "1255.07", change="96.59", change_unit="元/人次",
                                        change_quantum="0.01", **kw)])
    assert codes(cross_check(conn), "consistent") == ["GW202"]


def test_identical_flow_figure_is_flagged_as_copied(conn: Any) -> None:
    kw = dict(unit="人次", metric="救助人次", scope="全县", program="临时救助")
    add(conn, "/c/2021.txt", 2021, [fig(0, 1380, period="2021-01/2021-11", **kw),
                                    fig(1, 720, period="2021-01/..")])
    add(conn, "/c/2022.txt", 2022, [fig(0, 1380, period="2022-01/2022-11", **kw),
                                    fig(1, 720, period="2022-01/..")])  # a standard may stay the same
    [cf] = problems(cross_check(conn))
    assert (cf.finding.code, cf.finding.severity) == ("GW203", "info")


def test_same_report_in_several_formats_yields_one_finding(conn: Any) -> None:
    for ext in ("pdf", "docx", "txt"):
        add(conn, f"/c/2022.{ext}", 2022, [fig(0, 860, previous=800)])
        add(conn, f"/c/2023.{ext}", 2023, [fig(0, 900, previous=850)])
    [cf] = problems(cross_check(conn))
    assert cf.document == "/c/2023.docx"
    assert sorted(cf.also_in) == ["/c/2023.pdf", "/c/2023.txt"]


def test_plans_are_not_compared(conn: Any) -> None:
    add(conn, "/c/2022.txt", 2022, [fig(0, 860)])
    add(conn, "/c/2023-plan.txt", 2023, [fig(0, 900, previous=850)], kind="plan")
    assert cross_check(conn) == []


def test_hedged_previous_value_gets_a_band(conn: Any) -> None:
    kw = dict(unit="元", metric="发放金额", scope="全县", unit_as_written="万元", quantum=10000)
    add(conn, "/c/2022.txt", 2022, [fig(0, 5500000, approx="约", **kw)])
    add(conn, "/c/2023.txt", 2023, [fig(0, 6000000, previous=5600000, **kw)])
    assert codes(cross_check(conn), "consistent") == ["GW201"]


def test_findings_serialise(conn: Any) -> None:
    add(conn, "/c/2022.txt", 2022, [fig(0, 860, previous=800)])
    add(conn, "/c/2023.txt", 2023, [fig(0, 900, previous=850)])
    [cf] = cross_check(conn)
    j = cf.to_json()
    assert j["code"] == "GW201" and j["name"] == "cross-year-previous"
    assert j["spans"] == [[0, 3]] and j["figures"][0]["value"] == "900"
    assert j["previous_document"] == "/c/2022.txt"


def delta_doc(conn: Any, path: str, year: int, sentence: str, figs: list[tuple[str, Any, str, str, Any]]) -> None:
    """A one-sentence document: ``(as_written, value, unit, metric, change)`` figures located by text."""
    rows = []
    pos = 0
    for seq, (written, value, unit, metric, change) in enumerate(figs):
        start = sentence.index(written, pos)
        pos = start + len(written)
        rows.append(fig(seq, value, unit, metric=metric, scope="全县", program="婚姻登记",
                        period=f"{year}-01/{year}-11", as_written=written, span_start=start, span_end=pos,
                        change=change, change_unit=("%" if unit == "%" else unit) if change is not None else None,
                        text=sentence, text_start=0, text_end=len(sentence)))
    add(conn, path, year, rows)


def test_separate_delta_figures_are_paired_with_their_levels(conn: Any) -> None:
    delta_doc(conn, "/c/2021.txt", 2021, "1-11月办理结婚登记1,196对、离婚登记285对。",
              [("1,196对", 1196, "对", "结婚登记数", None), ("285对", 285, "对", "离婚登记数", None)])
    delta_doc(conn, "/c/2022.txt", 2022, "1-11月办理结婚登记1,128对、离婚登记306对，较上年同期分别减少68对和增加21对。",
              [("1,128对", 1128, "对", "结婚登记数", None), ("306对", 306, "对", "离婚登记数", None),
               ("68对", -68, "对", "增幅", -68), ("21对", 21, "对", "增幅", 21)])
    found = cross_check(conn)
    assert [(cf.finding.code, cf.finding.status, cf.finding.figures[0].metric) for cf in found] == [
        ("GW202", "consistent", "结婚登记数"), ("GW202", "consistent", "离婚登记数")]
    s = "1-11月办理结婚登记1,128对、离婚登记306对，较上年同期分别减少68对和增加21对。"
    assert found[0].finding.spans[-1] == Span(s.index("68对"), s.index("68对") + 3)  # the delta is evidence


def test_delta_without_a_last_year_cue_is_not_compared(conn: Any) -> None:
    delta_doc(conn, "/c/2021.txt", 2021, "结婚登记1,196对。", [("1,196对", 1196, "对", "结婚登记数", None)])
    delta_doc(conn, "/c/2022.txt", 2022, "结婚登记1,128对，比原计划减少68对。",
              [("1,128对", 1128, "对", "结婚登记数", None), ("68对", -99, "对", "增幅", -99)])
    assert cross_check(conn) == []


def test_relative_delta_figure(conn: Any) -> None:
    delta_doc(conn, "/c/2021.txt", 2021, "结婚登记1,000对。", [("1,000对", 1000, "对", "结婚登记数", None)])
    delta_doc(conn, "/c/2022.txt", 2022, "结婚登记1,100对，同比增长12%。",
              [("1,100对", 1100, "对", "结婚登记数", None), ("12%", 12, "%", "同比增幅", 12)])
    [cf] = cross_check(conn)
    assert (cf.finding.code, cf.finding.status, cf.finding.actual) == ("GW202", "inconsistent", "12")
    assert "10" in cf.finding.message  # the growth the two reports imply
