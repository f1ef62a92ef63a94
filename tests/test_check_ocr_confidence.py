"""A figure read from a scan with an unsure digit is a warning: verify against the scan (GW127)."""

from __future__ import annotations

from dataclasses import replace

from gongwen.check.engine import check_extraction
from gongwen.extract.pipeline import document_from_text, extract
from gongwen.figure import Extraction, Figure


def _ext(confidences: dict[str, float]) -> Extraction:
    ex = extract(document_from_text("一、低保\n全县低保对象4826户，发放低保金2875万元。"))
    figs: list[Figure] = [replace(f, ocr_confidence=confidences.get(f.as_written)) for f in ex.figures]
    return Extraction(ex.document, tuple(figs))


def test_an_unsure_digit_is_flagged_and_a_sure_one_is_not() -> None:
    report = check_extraction(_ext({"4826户": 0.62, "2875万元": 0.99}))
    flagged = [f for f in report.findings if f.code == "GW127"]
    assert [x.as_written for f in flagged for x in f.figures] == ["4826户"]
    assert flagged[0].severity == "warning" and "扫描件" in flagged[0].message


def test_text_figures_are_never_flagged() -> None:
    report = check_extraction(_ext({}))
    assert not [f for f in report.findings if f.code == "GW127"]


def test_the_confidence_round_trips_through_json() -> None:
    f = _ext({"4826户": 0.62}).figures[0]
    assert Figure.from_json(f.to_json()).ocr_confidence == 0.62
