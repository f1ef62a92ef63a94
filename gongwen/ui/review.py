"""The review page's view: the text with every figure marked by its check status, the outline,
the findings with their arithmetic, and the filterable figure table.

All HTML built here escapes every character that comes from the document; the templates
(autoescaped) do the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from typing import Any

from markupsafe import Markup

from ..figure import Extraction, Figure

# Status classes, worst first: a figure takes the worst status of the findings it is part of.
RANK = {"err": 4, "warn": 3, "note": 2, "ok": 1, "none": 0}
STATUS_LABEL = {"err": "不一致", "warn": "存疑", "note": "提示", "ok": "一致", "none": "未核验"}
SEVERITY_LABEL = {"error": "错误", "warning": "存疑", "info": "提示"}
STATUS_WORD = {"inconsistent": "不一致", "consistent": "一致", "weak": "弱一致", "not_checkable": "无法核验"}
KIND_LABEL = {"actual": "实际值", "target": "目标", "standard": "标准", "condition": "条件", "change": "变化量",
              "completion": "完成率", "share": "占比"}
FILTERS = ("program", "metric", "kind", "period", "status")
_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_-]")


def anchor(fid: str) -> str:
    """An HTML id for a figure id (``f12.previous`` → ``f12_previous``)."""
    return _UNSAFE_ID.sub("_", fid)


def finding_class(f: Any) -> str:
    if f.status == "consistent":
        return "ok"
    if f.status == "inconsistent" and f.severity == "error":
        return "err"
    if f.severity in ("error", "warning") and f.status != "weak":
        return "warn"
    return "note"


@dataclass(frozen=True)
class Card:
    """A finding as shown beside the text."""

    index: int
    cls: str
    code: str
    name: str
    severity: str
    status: str
    message: str
    section: str
    expected: str | None
    actual: str | None
    figures: tuple[tuple[str, str], ...]  # (anchor, as_written)
    target: str | None  # HTML id of the first mark to scroll to


@dataclass
class ReviewView:
    """Everything the review template shows."""

    text_html: Markup
    outline: list[tuple[int, str, str]]  # (level, anchor, title)
    problems: list[Card]
    passed: list[Card]
    statuses: dict[str, str]  # figure id → status class
    counts: dict[str, int]
    summary: str


def build_view(ext: Extraction, report: Any, original: Extraction | None = None) -> ReviewView:
    """Marks, outline and cards for an extraction and its check report.

    ``original`` is the extraction before corrections: corrected figures are shown with their
    new value after the text as written.
    """
    doc = ext.document
    text = doc.text
    marks: dict[tuple[int, int], list[Any]] = {}  # span → [cls, fid, finding indices]
    statuses: dict[str, str] = {f.id: "none" for f in ext.figures}
    cards: list[Card] = []
    for i, fd in enumerate(report.findings):
        cls = finding_class(fd)
        figs = [g for g in fd.figures if 0 <= g.span.start < g.span.end <= len(text)]
        for g in figs:
            base = g.id.split(".")[0]
            if base in statuses and RANK[cls] > RANK[statuses[base]]:
                statuses[base] = cls
            key = (g.span.start, g.span.end)
            m = marks.setdefault(key, ["none", g.id, []])
            if RANK[cls] > RANK[m[0]]:
                m[0] = cls
            m[2].append(i)
        target = "m-" + anchor(figs[0].id) if figs else None
        if target is None and fd.spans:
            target = f"s{fd.spans[0].start}"
            marks.setdefault((fd.spans[0].start, fd.spans[0].start), ["span", target, [i]])
        cards.append(Card(i, cls, fd.code, fd.name, SEVERITY_LABEL.get(fd.severity, fd.severity),
                          STATUS_WORD.get(fd.status, fd.status), fd.message, " › ".join(fd.section),
                          fd.expected, fd.actual, tuple((anchor(g.id), g.as_written) for g in figs), target))
    for f in ext.figures:
        key = (f.span.start, f.span.end)
        if f.span.end > f.span.start and key not in marks:
            marks[key] = ["none", f.id, []]
        elif key in marks and marks[key][1] != f.id and "." in marks[key][1]:
            marks[key][1] = f.id
    fixed = _fixed(ext, original)
    heads = [(h.span.start, i) for i, h in enumerate(doc.headings)]
    html = _marked(text, marks, heads, statuses, fixed)
    outline = [(h.level, f"h{i}", f"{h.marker}{h.title}") for i, h in enumerate(doc.headings)]
    counts = {k: 0 for k in RANK}
    for c in statuses.values():
        counts[c] += 1
    return ReviewView(html, outline, [c for c in cards if c.cls != "ok" and c.cls != "note"],
                      [c for c in cards if c.cls in ("ok", "note")], statuses, counts, report.summary_line())


def _fixed(ext: Extraction, original: Extraction | None) -> dict[str, Figure]:
    """Corrected figures by id (those whose value or labels differ from the original)."""
    if original is None:
        return {}
    before = {f.id: f for f in original.figures}
    return {f.id: f for f in ext.figures if f.id in before and (f != before[f.id] or f.value != before[f.id].value)}


def _marked(text: str, marks: dict[tuple[int, int], list[Any]], heads: list[tuple[int, int]],
            statuses: dict[str, str], fixed: dict[str, Figure]) -> Markup:
    """The text with ``<mark>`` around figures and an anchor at each heading; everything escaped."""
    out: list[str] = []
    pos = 0
    points: list[tuple[int, int, str, Any]] = [(s, e, "m", v) for (s, e), v in marks.items()]
    points += [(s, s, "h", i) for s, i in heads]
    points.sort(key=lambda x: (x[0], x[2] != "h", -x[1]))
    for start, end, what, val in points:
        if start < pos:
            continue  # overlapping marks: the first wins
        out.append(escape(text[pos:start]))
        pos = start
        if what == "h":
            out.append(f'<span class="h" id="h{val}"></span>')
            continue
        cls, fid, _ = val
        if cls == "span":
            out.append(f'<span class="s" id="{escape(fid)}"></span>')
            continue
        base = fid.split(".")[0]
        if base == fid:
            cls = statuses.get(fid, cls)
        fix = fixed.get(fid)
        title = STATUS_LABEL[cls] + (f"；已更正为 {plain_number(fix.value)} {fix.unit}" if fix is not None else "")
        out.append(f'<mark class="{cls}{" fixed" if fix is not None else ""}" id="m-{anchor(fid)}" '
                   f'title="{escape(title)}"><a href="#row-{anchor(base)}">{escape(text[start:end])}</a></mark>')
        if fix is not None:
            out.append(f'<ins class="fix">→{escape(plain_number(fix.value))}</ins>')
        pos = end
    out.append(escape(text[pos:]))
    return Markup("".join(out))


def plain_number(v: Any) -> str:
    """A Decimal without exponent or trailing zeros: ``Decimal('4.2E+3')`` → ``4200``."""
    return format(v.normalize(), "f") if hasattr(v, "normalize") else str(v)


# -- the figure table ------------------------------------------------------------------------
@dataclass(frozen=True)
class Row:
    anchor: str
    id: str
    as_written: str
    value: str
    unit: str
    program: str
    scope: str
    metric: str
    kind: str
    kind_label: str
    period: str
    page: str
    status: str
    status_label: str
    fixed: bool
    sentence: str


def figure_rows(ext: Extraction, statuses: dict[str, str], fixed_ids: Iterable[str] = (),
                filters: dict[str, str] | None = None) -> list[Row]:
    """Table rows, filtered by exact program, metric, kind, period and status (empty: any)."""
    flt = {k: v for k, v in (filters or {}).items() if k in FILTERS and v}
    fixed = set(fixed_ids)
    text = ext.document.text
    rows = []
    for f in ext.figures:
        st = statuses.get(f.id, "none")
        values = {"program": f.program or "", "metric": f.metric or "", "kind": f.kind, "period": f.period or "",
                  "status": st}
        if any(values[k] != v for k, v in flt.items()):
            continue
        sent = f.text_span.slice(text) if f.text_span is not None and f.text_span.end <= len(text) else ""
        rows.append(Row(anchor(f.id), f.id, f.as_written, plain_number(f.value), f.unit, f.program or "", f.scope or "",
                        f.metric or "", f.kind, KIND_LABEL.get(f.kind, f.kind), f.period or "",
                        "" if f.page is None else str(f.page), st, STATUS_LABEL[st], f.id in fixed, sent[:200]))
    return rows


def filter_options(ext: Extraction) -> dict[str, list[tuple[str, str]]]:
    """The distinct values of each filter, as (value, label) pairs."""
    def distinct(vals: Iterable[str | None]) -> list[str]:
        return sorted({v for v in vals if v})

    figs = ext.figures
    return {
        "program": [(v, v) for v in distinct(f.program for f in figs)],
        "metric": [(v, v) for v in distinct(f.metric for f in figs)],
        "kind": [(k, KIND_LABEL.get(k, k)) for k in distinct(f.kind for f in figs)],
        "period": [(v, v) for v in distinct(f.period for f in figs)],
        "status": [(k, STATUS_LABEL[k]) for k in ("err", "warn", "note", "ok", "none")],
    }
