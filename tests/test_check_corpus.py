"""The checker on real extractions: the shared seed (txt/pdf/docx) and the bundled samples.

On the seed: at least 18 explicit relations verified consistent, zero error-level findings,
and its real problems reported as warnings.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gongwen.check import Report, check

SAMPLES = Path(__file__).resolve().parents[1] / "gongwen" / "corpora" / "samples"
_CACHE: dict[str, Report] = {}


def report(path: Path) -> Report:
    key = str(path)
    if key not in _CACHE:
        _CACHE[key] = check(path)
    return _CACHE[key]


def _codes(r: Report, status: str = "inconsistent") -> list[str]:
    return sorted(f.code for f in r.findings if f.status == status)


@pytest.mark.parametrize("fmt", ["txt", "pdf", "docx"])
def test_seed_document(lianzhou: Path, fmt: str) -> None:
    r = report(lianzhou / f"source.{fmt}")
    assert not r.errors, [f.message for f in r.errors]
    explicit = [f for f in r.findings if f.status == "consistent" and f.relation.explicit]
    assert len(explicit) >= 18
    consistent = {f.code for f in explicit}
    assert {"GW101", "GW102", "GW103", "GW104", "GW106", "GW108", "GW114"} <= consistent
    # the two 救助水平 ratios, each verified (the first stated twice)
    levels = sorted(f.figures[0].as_written.replace(" ", "") for f in r.by_code("GW106") if f.status == "consistent")
    assert levels[:1] == ["944.76元/人次"] and "961.04元/人次" in levels
    warn = sorted(f.code for f in r.warnings)
    assert warn.count("GW120") == 2  # 1、2、3、4、3、4、 and 第一 第二 第三 第五
    for code in ("GW112", "GW109", "GW121", "GW115", "GW117"):
        assert code in warn, (code, warn)
    (twice,) = [f for f in r.by_code("GW112") if f.status == "inconsistent"]
    assert {g.value for g in twice.figures} == {2969, 2935}
    (cremation,) = [f for f in r.by_code("GW109") if f.status == "inconsistent"]
    assert cremation.figures[0].value == 100 and cremation.severity == "warning"


def test_seed_breakdowns_show_arithmetic(lianzhou: Path) -> None:
    r = report(lianzhou / "source.txt")
    msgs = [f.message for f in r.by_code("GW101")]
    assert any("416户" in m and "5738户" in m and "6154户" in m for m in msgs)
    assert any("330人" in m and "74人" in m and "2531人" in m for m in msgs)
    diffs = [f for f in r.by_code("GW104") if f.status == "consistent"]
    assert sorted(f.figures[0].value for f in diffs) == [153, 168]


SAMPLE_FILES = sorted(p for p in SAMPLES.glob("*/*") if p.suffix in (".txt", ".docx", ".pdf")
                      and p.parent.name != "series")


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=[p.name for p in SAMPLE_FILES])
def test_samples_have_no_error_findings(path: Path) -> None:
    r = report(path)
    assert not r.errors, [f.message for f in r.errors]
    assert r.passed


def test_sample_table_totals_are_verified() -> None:
    r = report(SAMPLES / "qingxi-2022" / "qingxi-2022.docx")
    table = [f for f in r.passed if f.figures and f.figures[0].source == "table"]
    assert {f.code for f in table} == {"GW102", "GW104"} and len(table) >= 7
