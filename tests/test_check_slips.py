"""Misprints as evidence: a relation that fails as printed but holds exactly once one operand is
read as a misprint of itself is meant, and wrong (an error even when the pairing was inferred);
a miss that no misprint explains stays a warning where the pairing is only inferred."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from test_check_helpers import extraction

from gongwen.check import Report, check
from gongwen.check.evaluation.slips import misprints
from gongwen.figure import Figure


def run(text: str, **kw: object) -> Report:
    return check(extraction(text, **kw))  # type: ignore[arg-type]


def found(r: Report, code: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(f.status, f.severity, f.relation.hints) for f in r.by_code(code)]


def test_misprints_of_a_number() -> None:
    f = Figure(value=D(1243), unit="个", as_written="1,243个")
    kinds = {(k, t) for k, t, _ in misprints(f)}
    assert ("swap", "1234") in kinds and ("swap", "2143") in kinds
    assert ("dropped", "12643") in kinds and ("dropped", "91243") in kinds
    assert not any(t.startswith("0") for _, t in kinds)
    # a digit dropped after the point would change the printed precision: never proposed
    rate = Figure(value=D("30.6"), unit="%", as_written="30.6%")
    assert not [t for k, t, _ in misprints(rate) if k == "dropped" and len(t.split(".")[1]) > 1]
    assert ("extra", "1.5") in {(k, t) for k, t, _ in misprints(Figure(value=D("11.5"), unit="%", as_written="11.5%"))}


SLIPS = [
    # (id, text, code, severity, hint)
    ("subset-dropped-digit", "全区共有养老机构床位452张，其中护理型床位3210张、普通床位1315张。",
     "GW108", "error", "misprint"),
    ("subset-swapped-part", "全镇建成村级便民服务站1234个，其中山区658个、平原594个、库区27个。",
     "GW108", "error", "transposition"),
    ("flow-swapped-net", "1-9月新增参保812户、退保295户，净增571户。", "GW104", "error", "transposition"),
]


@pytest.mark.parametrize("text, code, severity, hint", [c[1:] for c in SLIPS], ids=[c[0] for c in SLIPS])
def test_misprint_confirms_an_inferred_relation(text: str, code: str, severity: str, hint: str) -> None:
    r = run(text)
    (f,) = [f for f in r.by_code(code) if f.status == "inconsistent"]
    assert (f.severity, hint in f.relation.hints) == (severity, True), f.message


def test_parts_below_the_whole_are_never_a_misprint() -> None:
    # a 其中 list may name only some parts: 1243 against 1234 (a swap away) is no finding
    assert not run("全镇建成村级便民服务站1243个，其中山区658个、平原549个、库区27个。").problems


def test_overlapping_parts_without_a_misprint_stay_a_warning() -> None:
    # 女性 and 农村 may overlap: exceeding the whole by a gap no misprint explains is a question
    r = run("全县技能培训1,000人，其中女性620人、农村学员530人。")
    assert found(r, "GW108") == [("inconsistent", "warning", ())]


def test_rate_in_its_own_sentence_missed_by_one_digit_is_an_error() -> None:
    ok = run("全年受理物业投诉654件，办结621件，办结率95.0%。")
    assert [f.status for f in ok.by_code("GW123")] == ["consistent"]
    r = run("全年受理物业投诉654件，办结621件，办结率96.0%。")
    assert [(f.status, f.severity) for f in r.by_code("GW123")] == [("inconsistent", "error")]
    # an operand misprinted (621 → 612) is found the same way
    r = run("全年受理物业投诉654件，办结612件，办结率95.0%。")
    (f,) = r.by_code("GW123")
    assert f.severity == "error" and "transposition" in f.relation.hints


def test_rate_missed_by_more_than_a_slip_stays_a_warning() -> None:
    r = run("全年受理物业投诉654件，办结621件，办结率88.0%。")
    assert [(f.status, f.severity) for f in r.by_code("GW123")] == [("inconsistent", "warning")]


@pytest.mark.parametrize("new, severity, hint", [("75亿元", None, None), ("75万元", "error", "scale"),
                                                 ("57亿元", "error", "transposition")])
def test_a_growth_whose_value_is_misprinted(new: str, severity: str | None, hint: str | None) -> None:
    from gongwen.extract.pipeline import document_from_text, extract
    r = check(extract(document_from_text(f"关于2024年青苇区工作情况的报告\n一、学堂产业\n学堂产业总产值由上年的68.5亿元增加到{new}，增长9.5%。\n")))
    bad = [f for f in r.by_code("GW105") if f.status == "inconsistent"]
    assert [(f.severity, hint in f.relation.hints) for f in bad] == ([(severity, True)] if severity else [])


def test_a_fact_restated_in_another_scale_is_an_error() -> None:
    from gongwen.extract.pipeline import document_from_text, extract
    text = ("关于2025年上半年青苇区学堂工作情况的报告\n上半年，全市学堂教材总印量{a}，学堂运行总体平稳。\n"
            "一、教材供应\n上半年全市学堂教材总印量73.52万册，较上年同期增加1.86万册。\n")
    ok = check(extract(document_from_text(text.format(a="73.52万册"))))
    assert not [f for f in ok.problems if f.code == "GW112"]
    r = check(extract(document_from_text(text.format(a="73.52册"))))
    assert [(f.severity, "万" in f.message) for f in r.problems if f.code == "GW112"] == [("error", True)]
