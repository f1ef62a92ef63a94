"""SARIF 2.1.0 output for code-review tools and CI.

Locations point into the user's file through the document's source map:

- text and Markdown: ``startLine``/``startColumn``/``endLine``/``endColumn`` of the raw file
  (1-based, columns in code points: ``run.columnKind`` is ``unicodeCodePoints``; the end column
  is the one after the last character), the snippet as the file has it;
- DOCX: the paragraph (or table row) in body order, 1-based, as ``startLine`` with the column
  inside it, and as a logical location (``kind: "paragraph"``);
- PDF: the page as ``startLine`` and the union of the glyph boxes as ``properties.bbox``
  (``[x0, top, x1, bottom]`` in PDF points, top-left origin) of its first line; a span wrapped
  over lines also lists ``properties.boxes``, one per line.

Without a source map (a hand-built Document) the region is ``charOffset``/``charLength`` into
the canonical text.  The canonical span travels in each location's ``properties`` either way.
Rules come from the code table; passes are results of ``kind: pass`` with ``level: none`` so
coverage can be measured; intervals travel as decimal strings in ``properties``.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from typing import Any

from ... import __version__
from ...model import SourceLine, SourceMap, Span
from ..evaluation.findings import Finding, Report, codes

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
MIME = {"text": "text/plain", "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "pdf": "application/pdf"}


def to_sarif(report: Report, show_passed: bool = True) -> dict[str, Any]:
    """A SARIF log with one run holding every finding (passes included when ``show_passed``)."""
    rules = [{"id": c.code, "name": c.name, "shortDescription": {"text": c.title},
              "defaultConfiguration": {"level": LEVEL[c.severity]}} for c in codes().values()]
    index = {c.code: i for i, c in enumerate(codes().values())}
    uri = report.path or "document"
    results = [_result(f, report, uri, index) for f in report.findings if show_passed or f.status != "consistent"]
    artifact: dict[str, Any] = {"location": {"uri": uri}}
    src = report.source
    if src is not None and src.format in MIME:
        artifact["mimeType"] = "text/markdown" if uri.lower().endswith((".md", ".markdown")) else MIME[src.format]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "gongwen check", "version": __version__, "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "artifacts": [artifact],
            "results": results,
        }],
    }


def location(report: Report, span: Span, uri: str) -> dict[str, Any]:
    """One SARIF location of a canonical span: in the user's file when the source map knows it."""
    art = {"uri": uri, "index": 0}
    props = {"canonicalOffset": span.start, "canonicalLength": span.end - span.start}
    src = report.source
    mapped = _mapped(src, span) if src is not None and src.lines else None
    if mapped is None:
        region: dict[str, Any] = {"charOffset": span.start, "charLength": span.end - span.start}
        if report.text and span.end <= len(report.text):
            region["snippet"] = {"text": report.text[span.start:span.end]}
        return {"physicalLocation": {"artifactLocation": art, "region": region}, "properties": props}
    region, logical = mapped
    out: dict[str, Any] = {"physicalLocation": {"artifactLocation": art, "region": region}, "properties": props}
    if logical is not None:
        out["logicalLocations"] = [logical]
    return out


def _mapped(src: SourceMap, span: Span) -> tuple[dict[str, Any], dict[str, Any] | None] | None:
    raw = src.raw_span(span) if span.end > span.start else None
    if raw is None:
        return None
    first, last = src.line_of(raw[0]), src.line_of(raw[1] - 1)
    if first is None or last is None:
        return None
    snippet = {"text": src.raw[raw[0]:raw[1]]}
    if src.format == "pdf":
        return _pdf_region(src, span, first, snippet), None
    if src.format == "docx":
        head, tail = _paragraph_start(src, first), _paragraph_start(src, last)
        region = {"startLine": first.index, "startColumn": raw[0] - head + 1,
                  "endLine": last.index, "endColumn": raw[1] - tail + 1, "snippet": snippet,
                  "properties": {"paragraph": first.index}}
        logical = {"name": f"段落 {first.index}", "kind": "paragraph",
                   "fullyQualifiedName": f"document/body/{first.index}",
                   "properties": {"paragraph": first.index}}
        return region, logical
    region = {"startLine": first.index, "startColumn": raw[0] - first.start + 1,
              "endLine": last.index, "endColumn": raw[1] - last.start + 1, "snippet": snippet}
    return region, None


def _paragraph_start(src: SourceMap, line: SourceLine) -> int:
    """The raw offset where the DOCX paragraph of ``line`` begins (a soft break splits one
    paragraph into several lines of the same index)."""
    i = bisect_right([ln.start for ln in src.lines], line.start) - 1
    while i > 0 and src.lines[i - 1].index == line.index:
        i -= 1
    return src.lines[i].start


def _pdf_region(src: SourceMap, span: Span, first: SourceLine, snippet: dict[str, str]) -> dict[str, Any]:
    """The page of the span's first glyph, and one box per PDF line the span covers (a figure
    wrapped at a line end has two); ``bbox`` is the first."""
    boxes: dict[tuple[int | None, int], list[float]] = {}
    for r in src.offsets[span.start:span.end]:
        ln = src.line_of(r) if r >= 0 else None
        if ln is None or ln.boxes is None or not ln.start <= r < ln.end:
            continue
        x0, top, x1, bottom = ln.boxes[r - ln.start]
        b = boxes.get((ln.page, ln.start))
        boxes[(ln.page, ln.start)] = ([x0, top, x1, bottom] if b is None else
                                      [min(b[0], x0), min(b[1], top), max(b[2], x1), max(b[3], bottom)])
    page = first.page or 1
    props: dict[str, Any] = {"page": page, "line": first.index}
    if boxes:
        props["bbox"] = [round(v, 2) for v in next(iter(boxes.values()))]
        if len(boxes) > 1:
            props["boxes"] = [{"page": p, "bbox": [round(v, 2) for v in b]} for (p, _), b in boxes.items()]
    return {"startLine": page, "snippet": snippet, "properties": props}


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
        out["locations"] = [location(report, f.spans[0], uri)]
        out["relatedLocations"] = [
            {"id": i, "message": {"text": report.text[s.start:s.end] if report.text else ""},
             **location(report, s, uri)}
            for i, s in enumerate(f.spans[1:], start=1)]
    return out


def render_sarif(report: Report, show_passed: bool = True) -> str:
    return json.dumps(to_sarif(report, show_passed), ensure_ascii=False, indent=2)
