"""SARIF 2.1.0 output for code-review tools and CI.

``run.columnKind`` is ``unicodeCodePoints`` so ``charOffset``/``charLength`` equal Python
string indices into the canonical text; rules come from the code table; passes are results of
``kind: pass`` with ``level: none`` so coverage can be measured; intervals travel as decimal
strings in ``properties``.
"""

from __future__ import annotations

import json
from typing import Any

from .. import __version__
from .findings import Finding, Report, codes

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def to_sarif(report: Report, show_passed: bool = True) -> dict[str, Any]:
    """A SARIF log with one run holding every finding (passes included when ``show_passed``)."""
    rules = [{"id": c.code, "name": c.name, "shortDescription": {"text": c.title},
              "defaultConfiguration": {"level": LEVEL[c.severity]}} for c in codes().values()]
    index = {c.code: i for i, c in enumerate(codes().values())}
    uri = report.path or "document"
    results = [_result(f, report, uri, index) for f in report.findings if show_passed or f.status != "consistent"]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "gongwen check", "version": __version__, "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "artifacts": [{"location": {"uri": uri}}],
            "results": results,
        }],
    }


def _region(report: Report, start: int, end: int) -> dict[str, Any]:
    region: dict[str, Any] = {"charOffset": start, "charLength": end - start}
    if report.text and end <= len(report.text):
        region["snippet"] = {"text": report.text[start:end]}
    return region


def _result(f: Finding, report: Report, uri: str, index: dict[str, int]) -> dict[str, Any]:
    passed = f.status == "consistent"
    out: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": index[f.code],
        "kind": "pass" if passed else ("fail" if f.status == "inconsistent" else "review"),
        "level": "none" if passed else LEVEL[f.severity],
        "message": {"text": f.message},
        "partialFingerprints": {"relationHash/v1": f.fingerprint()},
        "properties": {
            "status": f.status,
            "severity": f.severity,
            "relation": f.relation.to_json(),
            "expected": f.expected,
            "actual": f.actual,
            "section": list(f.section),
            "operands": [{"literal": g.as_written, "value": str(g.value), "unit": g.unit,
                          "quantum": str(g.quantum), "approx": g.approx} for g in f.figures],
        },
    }
    if f.spans:
        p = f.spans[0]
        out["locations"] = [{"physicalLocation": {"artifactLocation": {"uri": uri},
                                                  "region": _region(report, p.start, p.end)}}]
        out["relatedLocations"] = [
            {"id": i, "message": {"text": report.text[s.start:s.end] if report.text else ""},
             "physicalLocation": {"artifactLocation": {"uri": uri}, "region": _region(report, s.start, s.end)}}
            for i, s in enumerate(f.spans[1:], start=1)]
    return out


def render_sarif(report: Report, show_passed: bool = True) -> str:
    return json.dumps(to_sarif(report, show_passed), ensure_ascii=False, indent=2)
