"""Whole-document golden files: the extraction of every bundled sample, compared field by field.

A deliberate change of output is recorded by regenerating: ``GONGWEN_REGEN=1 make test``; the
guard test refuses that in CI, so a golden file can only change in a reviewed commit.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, SAMPLES

from gongwen.extract.pipeline import extract

GOLDEN = ROOT / "tests" / "golden"
REGEN = bool(os.environ.get("GONGWEN_REGEN"))
CASES = sorted((p.name, ext) for p in SAMPLES.iterdir() if (p / f"{p.name}.txt").exists() for ext in ("txt", "docx"))


def _stable(path: Path) -> dict[str, Any]:
    data = extract(path).to_json()
    data["document"]["source"] = path.relative_to(ROOT).as_posix()
    return data


def test_regeneration_refused_in_ci() -> None:
    assert not (REGEN and os.environ.get("CI")), "GONGWEN_REGEN must not be set in CI"


@pytest.mark.parametrize(("name", "ext"), CASES, ids=[f"{n}.{e}" for n, e in CASES])
def test_golden_extraction(name: str, ext: str) -> None:
    got = _stable(SAMPLES / name / f"{name}.{ext}")
    golden = GOLDEN / f"{name}.{ext}.json"
    if REGEN:
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    want = json.loads(golden.read_text(encoding="utf-8"))
    assert got["headings"] == want["headings"]
    assert len(got["figures"]) == len(want["figures"])
    for g, w in zip(got["figures"], want["figures"]):
        assert g == w, f"{name}.{ext} {w['id']} {w['as_written']}"
    assert got == want
