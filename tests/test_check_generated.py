"""The checker on documents gongwen renders itself: the bundled example and drafts whose figures
fall (下降/减少) must pass with the checker on (issue 10: a correct decrease was an error)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from gongwen.check import check
from gongwen.generate import render

DATA = Path(__file__).resolve().parents[1] / "gongwen" / "generate" / "data"


def _example() -> dict[str, Any]:
    return yaml.safe_load((DATA / "example-summary.yaml").read_text(encoding="utf-8"))


def _decreasing(data: dict[str, Any]) -> dict[str, Any]:
    """The example with every figure that rose made to fall (value and previous swapped)."""
    out = copy.deepcopy(data)
    for program in out["programs"].values():
        for metric in program.values():
            if not isinstance(metric, dict):
                continue
            for node in (metric, *(v for v in metric.values() if isinstance(v, dict))):
                v, p = node.get("value"), node.get("previous")
                if isinstance(v, (int, float)) and isinstance(p, (int, float)) and v > p:
                    node["value"], node["previous"] = p, v
    return out


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_example_renders_with_the_checker_on(tmp_path: Path, suffix: str) -> None:
    res = render(DATA / "example-summary.yaml", output=tmp_path / f"example{suffix}", check=True)
    errors = [f for f in res.findings if f.severity == "error"]
    assert res.check_note == "" and not errors, [f.message for f in errors]
    assert sum(1 for f in res.findings if f.status == "consistent") >= 15


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_draft_with_decreases_renders_with_the_checker_on(tmp_path: Path, suffix: str) -> None:
    data = _decreasing(_example())
    res = render(data, output=tmp_path / f"draft{suffix}", check=True)
    assert "下降" in res.text or "减少" in res.text
    errors = [f for f in res.findings if f.severity == "error"]
    assert res.check_note == "" and not errors, [f.message for f in errors]
    r = check(res.path)
    falls = [f for f in r.by_code("GW105") if f.status == "consistent" and "下降" in f.message]
    assert len(falls) >= 3, [f.message for f in r.by_code("GW105")]
    assert all(dict(f.relation.intervals)["stated"][1].startswith("-") for f in falls)


def test_example_as_text_has_no_problems(tmp_path: Path) -> None:
    res = render(DATA / "example-summary.yaml", output=tmp_path / "e.txt", check=False)
    r = check(res.path)
    assert not r.problems, [f.message for f in r.problems]


@pytest.mark.parametrize("text, code, status", [
    ("低保对象由上年的416户减少到402户，下降3.4%。", "GW105", "consistent"),
    ("低保对象由上年的416户减少到402户，下降4.3%。", "GW105", "inconsistent"),
    ("低保对象由上年的416户减少到402户，减少14户。", "GW104", "consistent"),
    ("参保率由上年的45.0%下降到40.0%，下降5.0个百分点。", "GW104", "consistent"),
    ("救助人次、救助金额、救助水平比上年同期分别下降20%、28%、30%。", "GW115", "inconsistent"),
], ids=["fall-ok", "fall-bad", "fall-diff", "fall-points", "fall-derived-bad"])
def test_extracted_decreases_are_signed_once(tmp_path: Path, text: str, code: str, status: str) -> None:
    """Through the real extractor, which stores 下降3.4% as −3.4 (kind change)."""
    p = tmp_path / "fall.txt"
    p.write_text(text + "\n", encoding="utf-8")
    r = check(p)
    assert status in [f.status for f in r.by_code(code)], [(f.code, f.status, f.message) for f in r.findings]
    if status == "consistent":
        assert not r.errors, [f.message for f in r.errors]
