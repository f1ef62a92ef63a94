"""SARIF locations in the user's file: line and column of a text or Markdown file, the paragraph
of a DOCX, the page and glyph box of a PDF (through the document's source map)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pdfplumber
import pytest

from gongwen.check import check
from gongwen.check.output.sarif import to_sarif

SAMPLE = Path(__file__).resolve().parents[1] / "gongwen" / "corpora" / "samples" / "yunling-2022" / "yunling-2022"


def _results(path: Path) -> list[dict[str, Any]]:
    log = to_sarif(check(path))
    results: list[dict[str, Any]] = log["runs"][0]["results"]
    assert results
    return results


def _located(path: Path) -> list[dict[str, Any]]:
    """Every location (primary and related) of every result."""
    return [loc for res in _results(path) for loc in [*res["locations"], *res["relatedLocations"]]]


def _heading_gap(path: Path) -> dict[str, Any]:
    res = next(r for r in _results(path) if r["ruleId"] == "GW120")
    region: dict[str, Any] = res["locations"][0]["physicalLocation"]["region"]
    return region


def test_text_locations_are_lines_and_columns_of_the_file() -> None:
    path = SAMPLE.with_suffix(".txt")
    lines = path.read_text(encoding="utf-8").split("\n")
    locs = _located(path)
    assert len(locs) > 20
    for loc in locs:
        region = loc["physicalLocation"]["region"]
        assert "charOffset" not in region  # offsets of the cleaned text are not the file's
        if region["startLine"] == region["endLine"]:
            line = lines[region["startLine"] - 1]
            assert line[region["startColumn"] - 1:region["endColumn"] - 1] == region["snippet"]["text"]
    gap = _heading_gap(path)
    assert (gap["startLine"], gap["startColumn"], gap["snippet"]["text"]) == (33, 1, "第四、临时救助")
    assert lines[32].startswith("第四、临时救助")


def test_markdown_and_crlf_columns_count_the_markup(tmp_path: Path) -> None:
    md = tmp_path / "r.md"
    md.write_bytes("# 2023年工作总结\r\n\r\n**一、低保**\r\n全县低保3251户（城镇低保402户，农村低保2813户）。\r\n"
                   .encode())
    res = next(r for r in _results(md) if r["ruleId"] == "GW101")
    region = res["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (4, 5, 10)
    assert region["snippet"]["text"] == "3251户"
    assert res["locations"][0]["properties"]["canonicalLength"] == 5
    assert to_sarif(check(md))["runs"][0]["artifacts"][0]["mimeType"] == "text/markdown"


def test_docx_locations_are_paragraphs() -> None:
    path = SAMPLE.with_suffix(".docx")
    document = docx.Document(str(path))
    texts: list[str] = []  # body order: each paragraph, each table row (its cells joined by tabs)
    for el in document.element.body.iterchildren():
        if el.tag.endswith("}p"):
            texts.append(docx.text.paragraph.Paragraph(el, document).text)
        elif el.tag.endswith("}tbl"):
            table = docx.table.Table(el, document)
            texts += ["\t".join(c.text for c in row.cells) for row in table.rows]
    checked = rows = 0
    for loc in _located(path):
        region = loc["physicalLocation"]["region"]
        n = region["properties"]["paragraph"]
        assert loc["logicalLocations"][0]["properties"]["paragraph"] == n == region["startLine"]
        if region["endLine"] == n:
            text = texts[n - 1]
            assert text[region["startColumn"] - 1:region["endColumn"] - 1] == region["snippet"]["text"]
            checked += 1
            rows += "\t" in text
    assert checked > 20 and rows > 0
    assert _heading_gap(path)["startLine"] == 9 and texts[8] == "第四、临时救助"


def test_pdf_locations_are_page_and_glyph_box() -> None:
    path = SAMPLE.with_suffix(".pdf")
    with pdfplumber.open(path) as pdf:
        checked = wraps = 0
        for loc in _located(path):
            region = loc["physicalLocation"]["region"]
            page, bbox = region["startLine"], region["properties"]["bbox"]
            assert "charOffset" not in region and region["properties"]["page"] == page
            assert bbox[0] < bbox[2] and bbox[1] < bbox[3]
            # the characters whose centres fall inside the box are the snippet (fake bold printed once)
            inside = "".join(c["text"] for c in pdf.pages[page - 1].dedupe_chars().chars
                             if bbox[0] <= (c["x0"] + c["x1"]) / 2 <= bbox[2]
                             and bbox[1] <= (c["top"] + c["bottom"]) / 2 <= bbox[3])
            first_line = region["snippet"]["text"].split("\n")[0].replace(" ", "")
            assert inside == first_line
            checked += 1
            if "\n" in region["snippet"]["text"]:  # wrapped: one box per line
                wraps += 1
                wrapped = region["properties"]["boxes"]
                assert len(wrapped) == 2 and wrapped[0]["bbox"] == bbox and wrapped[1]["bbox"][1] > bbox[3] - 1
    assert checked > 20 and wraps > 0
    assert _heading_gap(path)["snippet"]["text"] == "第四、临时救助"


def test_without_lines_the_region_is_the_canonical_span() -> None:
    from test_check_helpers import extraction

    r = check(extraction("全县低保3251户（城镇低保402户，农村低保2813户）。"))
    res = next(x for x in to_sarif(r)["runs"][0]["results"] if x["ruleId"] == "GW101")
    region = res["locations"][0]["physicalLocation"]["region"]
    assert r.text[region["charOffset"]:region["charOffset"] + region["charLength"]] == "3251户"


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf"])
def test_every_location_keeps_the_canonical_span(suffix: str) -> None:
    path = SAMPLE.with_suffix(suffix)
    r = check(path)
    for res in to_sarif(r)["runs"][0]["results"]:
        for loc in res["locations"]:
            p = loc["properties"]
            assert 0 <= p["canonicalOffset"] < p["canonicalOffset"] + p["canonicalLength"] <= len(r.text)
