"""A self-contained HTML page: the document with every checked figure highlighted and the
findings beside it (green consistent, red inconsistent error, amber warning, grey unverified).

Everything from the document is escaped; the page needs no network (inline CSS, no script
beyond a hover link between a finding and its marks).
"""

from __future__ import annotations

from html import escape

from ..evaluation.findings import Finding, Report
from .render_text import LABEL, STATUS

CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:0;color:#222}
header{padding:12px 20px;background:#f4f4f4;border-bottom:1px solid #ddd}
main{display:flex;gap:16px;padding:16px}
#doc{flex:3;white-space:pre-wrap;line-height:1.9;font-size:15px}
#side{flex:2;font-size:13px;max-height:92vh;overflow:auto;position:sticky;top:8px}
mark{padding:0 1px;border-radius:3px;background:none;border-bottom:2px solid}
mark.ok{border-color:#2e7d32;background:#e8f5e9}
mark.err{border-color:#c62828;background:#ffebee}
mark.warn{border-color:#ef8f00;background:#fff3e0}
mark.note{border-color:#9e9e9e;background:#f5f5f5}
.f{border-left:4px solid;padding:6px 8px;margin:6px 0;background:#fafafa}
.f.ok{border-color:#2e7d32}.f.err{border-color:#c62828}.f.warn{border-color:#ef8f00}.f.note{border-color:#9e9e9e}
.code{font-family:monospace;color:#555}
"""


def css_class(f: Finding) -> str:
    if f.status == "consistent":
        return "ok"
    if f.severity == "error":
        return "err"
    return "warn" if f.severity == "warning" else "note"


RANK = {"err": 3, "warn": 2, "ok": 1, "note": 0}


def render_html(report: Report, show_passed: bool = True) -> str:
    """The page as one string (UTF-8, inline CSS)."""
    text = report.text
    marks: dict[tuple[int, int], tuple[str, list[int]]] = {}
    shown = [f for f in report.findings if show_passed or f.status != "consistent"]
    for i, f in enumerate(shown):
        cls = css_class(f)
        spans = [s for s in f.spans if 0 <= s.start < s.end <= len(text)]
        for s in [g.span for g in f.figures if g.span.end > g.span.start] or spans[:1]:
            key = (s.start, s.end)
            old = marks.get(key)
            if old is None:
                marks[key] = (cls, [i])
            else:
                best = cls if RANK[cls] > RANK[old[0]] else old[0]
                marks[key] = (best, old[1] + [i])
    body = _marked(text, marks)
    side = "\n".join(_card(i, f) for i, f in enumerate(shown))
    title = escape(report.path or "document")
    return (f"<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            f"<title>gongwen check: {title}</title><style>{CSS}</style></head><body>"
            f"<header><b>gongwen check</b> · {title}<br>{escape(report.summary_line())}</header>"
            f"<main><div id=\"doc\">{body}</div><div id=\"side\">{side}</div></main></body></html>\n")


def _marked(text: str, marks: dict[tuple[int, int], tuple[str, list[int]]]) -> str:
    out: list[str] = []
    pos = 0
    for (start, end), (cls, ids) in sorted(marks.items()):
        if start < pos:
            continue  # overlapping marks: keep the first
        out.append(escape(text[pos:start]))
        refs = " ".join(f"f{i}" for i in ids)
        out.append(f'<mark class="{cls}" id="m{start}" title="{escape(refs)}">'
                   f'<a href="#f{ids[0]}" style="color:inherit;text-decoration:none">{escape(text[start:end])}</a></mark>')
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def _card(i: int, f: Finding) -> str:
    cls = css_class(f)
    where = escape(" › ".join(f.section)) if f.section else ""
    anchor = f'<a href="#m{f.spans[0].start}">↗</a>' if f.spans else ""
    status = "通过" if f.status == "consistent" else LABEL[f.severity]
    return (f'<div class="f {cls}" id="f{i}"><span class="code">{escape(f.code)} {escape(f.name)} · '
            f'{escape(STATUS[f.status])} · {escape(status)}</span> {anchor}<br>{escape(f.message)}'
            f'{"<br><small>" + where + "</small>" if where else ""}</div>')
