"""Next year's report from last year's: a data skeleton, and previous values for a draft.

``skeleton(extraction, year)`` turns last year's figures into next year's data file: every
program and figure, last year's value as ``previous``, an empty ``value`` to fill, periods moved
to the new year, and last year's sentence as a comment.  ``fill_previous`` completes a filled-in
data file's missing ``previous`` values from last year's figures.
"""

from __future__ import annotations

import json
import re
from collections import OrderedDict
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from ..errors import DataError, GongwenError
from ..figure import Extraction, Figure
from .phrasing import plain, unit_info
from .schema import ReportData

# Scopes that mean "the whole jurisdiction": such a figure is the metric's own value.
_WHOLE = re.compile(r"^(全[市县区省州旗镇乡]|全局|全系统|合计|总计|总体)?$")
_SCALED = ("亿元", "万元", "万人次", "万人", "万平方米", "万吨")  # units written with a magnitude
_LEADING_FUNCTION = re.compile(r"^[起的了和及与、，]+")  # a metric cut after 自…起 or a conjunction
_YEAR = re.compile(r"(?<!\d)(19|20|21)(\d{2})(?!\d)")


def extract_last_year(path: str | Path) -> Extraction:
    """Last year's report through the extractor (``gongwen.extract.pipeline.extract``)."""
    try:
        from ..extract.pipeline import extract
    except ImportError as e:
        raise GongwenError(f"draft needs the figure extractor, which is not available ({e})", path) from e
    try:
        return extract(path)
    except ModuleNotFoundError as e:
        if (e.name or "").startswith("gongwen"):
            raise GongwenError(f"draft needs the figure extractor, which is not available ({e})", path) from e
        raise


def shift_years(text: str, delta: int) -> str:
    """Move every four-digit year in ``text`` by ``delta`` (2020年工作总结 → 2021年工作总结).

    >>> shift_years("2020-01/2020-11", 1), shift_years("2020年工作总结和2021年工作计划", 1)
    ('2021-01/2021-11', '2021年工作总结和2022年工作计划')
    """
    return _YEAR.sub(lambda m: str(int(m.group(0)) + delta), text)


def _written(f: Figure) -> tuple[str, Decimal]:
    """A figure's unit as the report wrote it (万元 rather than 元) and its value in that unit."""
    as_written = re.sub(r"\s+", "", f.as_written or "")
    for written in (*_SCALED, re.sub(r"\s+", "", f.unit_as_written or "")):
        if not written or (written in _SCALED and not as_written.endswith(written)):
            continue
        info = unit_info(written)
        if info.kind != "other" and info.base == f.unit:
            return written, f.value / info.scale
    return f.unit, f.value


def _label(program: str, metric: str) -> str:
    """What a sentence names: a generic metric (户数, 发放金额) gets its program in front.

    >>> _label("最低生活保障", "户数"), _label("特困人员救助供养", "人数"), _label("最低生活保障", "保障标准")
    ('最低生活保障户数', '特困人员救助供养人数', '保障标准')
    """
    generic = len(metric) <= 4 and not any(program[i:i + 2] in metric for i in range(len(program) - 1))
    return program + metric if generic and not metric.startswith(program) else metric


def _section_of(f: Figure) -> str | None:
    """The heading a program is narrated under: the one below the top level, else the top one."""
    if len(f.section) >= 2:
        return f.section[1]
    return f.section[0] if f.section else None


def _statistic(f: Figure, ext: Extraction, last: int | None) -> bool:
    """A statistic to report again: an actual or standard figure (or the new level of a stated
    change) of last year's report year, outside the plan sections; not a target (力争…), a
    condition (滞留10天以上) or a fact of an earlier year (自2019年8月起, 截至2015年4月底)."""
    from .redraft.slots import in_plan, rules

    if f.kind not in rules()["slot_kinds"] and not (f.kind == "change" and f.previous is not None):
        return False
    years = [int(y) for y in re.findall(r"\d{4}", f.period or "")]
    if last is not None and years and years[0] != last:
        return False
    return not in_plan(ext.document, f.span.start)


def skeleton_data(ext: Extraction, year: int | None = None) -> dict[str, Any]:
    """The skeleton as a mapping (ordered as it will be written)."""
    md = ext.document.metadata
    last = md.year
    if year is None:
        if last is None:
            raise DataError("last year's report does not say its year; pass --year", ext.document.source.path)
        year = last + 1
    delta = year - last if last is not None else 1
    kind = md.kind if md.kind in ("summary", "plan", "summary-plan") else "summary"
    text = ext.document.text
    programs: OrderedDict[str, OrderedDict[str, Any]] = OrderedDict()
    sections: OrderedDict[str, list[str]] = OrderedDict()
    comments: dict[tuple[str, str], str] = {}
    for f in ext.figures:
        if f.unit == "个百分点" or f.range_role == "high" or not _statistic(f, ext, last):
            continue  # changes, range bounds, targets, conditions and old facts are not reported again
        prog = f.program or _section_of(f) or "其他"
        metric = _LEADING_FUNCTION.sub("", f.metric or "") or "数量"
        scope = f.scope or ""
        unit, prev = _written(f)
        prog_d = programs.setdefault(prog, OrderedDict())
        sec = _section_of(f)
        if sec and sec != prog and not any(prog in v for v in sections.values()):
            sections.setdefault(sec, []).append(prog)
        period = shift_years(f.period, delta) if f.period else None
        whole = bool(_WHOLE.match(scope))
        label = _label(prog, metric)
        if not whole and unit_info(unit).kind in ("money", "count", "measure"):
            # A breakdown of a whole-jurisdiction figure (其中城镇…、农村…) becomes its part.
            parent = next((e for e in prog_d.values() if e["label"] == label and e["unit"] == unit
                           and e.get("period") == period and _WHOLE.match(e.get("scope") or "")
                           and scope not in e), None)
            if parent is not None:
                parent[scope] = OrderedDict([("value", None), ("previous", prev)])
                continue
        entry: OrderedDict[str, Any] = OrderedDict()
        key = metric if whole else f"{metric}（{scope}）"
        n = 2
        base_key = key
        while key in prog_d:
            key = f"{base_key}（{n}）"
            n += 1
        entry["label"] = label
        entry["unit"] = unit
        entry["value"] = None
        entry["previous"] = prev
        if period:
            entry["period"] = period
        entry["scope"] = scope if scope else None
        prog_d[key] = entry
        if f.text_span is not None:
            comments[(prog, key)] = re.sub(r"\s+", "", f.text_span.slice(text))[:80]
    issuer = md.issuer or ""
    title = shift_years(md.title, delta) if md.title else None
    out: dict[str, Any] = OrderedDict()
    out["issuer"] = issuer
    if title:
        out["title"] = title
    out["year"] = year
    out["date"] = None
    out["kind"] = kind
    out["intro"] = []
    out["sections"] = [{"title": t, "programs": ps} for t, ps in sections.items() if ps]
    out["problems"] = []
    out["plans"] = []
    out["programs"] = programs
    out["_comments"] = comments
    return out


def skeleton(ext: Extraction, year: int | None = None) -> str:
    """Next year's data file as YAML text, with last year's sentences as comments."""
    d = skeleton_data(ext, year)
    comments = d.pop("_comments")
    src = ext.document.source.path
    last = ext.document.metadata.year
    lines = [
        f"# Data for {d['year']}, drafted from {Path(src).name}" + (f" ({last})" if last else "") + ".",
        "# Fill in every `value` (and date, intro, problems, plans); `previous` holds last year's figure.",
        "# Render: gongwen draft LAST_YEAR_REPORT --data THIS_FILE -o draft.docx   (format: FORMAT.md)",
    ]
    for k in ("issuer", "title", "year", "date", "kind"):
        if k in d:
            lines.append(f"{k}: {_scalar(d[k])}")
    lines.append("intro: []        # opening paragraph(s)")
    lines.append("sections:")
    if not d["sections"]:
        lines[-1] += " []"
    for s in d["sections"]:
        lines.append(f"  - title: {_scalar(s['title'])}")
        lines.append("    paragraphs: []")
        lines.append("    programs: [" + ", ".join(_scalar(p) for p in s["programs"]) + "]")
    lines.append("problems: []     # 存在问题")
    lines.append("plans: []        # 下一步工作计划: [{title: …, paragraphs: […]}]")
    lines.append("programs:")
    if not d["programs"]:
        lines[-1] += " {}"
    for prog, metrics in d["programs"].items():
        lines.append(f"  {_key(prog)}:")
        shown = None
        for key, entry in metrics.items():
            c = comments.get((prog, key))
            if c and c != shown:  # last year's sentence, once per run of figures from it
                lines.append(f"    # {last or ''}: {c}")
                shown = c
            lines.append(f"    {_key(key)}:")
            for k, v in entry.items():
                if v is None and k == "scope":
                    continue
                if isinstance(v, dict):  # a part: {value, previous}
                    inner = ", ".join(f"{pk}: {_scalar(pv)}" for pk, pv in v.items())
                    lines.append(f"      {_key(k)}: {{{inner}}}")
                    continue
                lines.append(f"      {k}: {_scalar(v)}" if v is not None else f"      {k}:")
    return "\n".join(lines) + "\n"


def _scalar(v: Any) -> str:
    """A YAML scalar that reads back as the same value (quoted only when needed)."""
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, Decimal):
        return plain(v)
    s = str(v)
    try:
        if s and s == s.strip() and "#" not in s and yaml.safe_load(f"k: {s}") == {"k": s}:
            return s
    except yaml.YAMLError:
        pass
    return json.dumps(s, ensure_ascii=False)


def _key(k: str) -> str:
    s = _scalar(k)
    return s if not s.startswith('"') and ":" not in s else json.dumps(k, ensure_ascii=False)


def fill_previous(report: ReportData, ext: Extraction) -> int:
    """Complete missing ``previous`` values from last year's figures; returns how many were filled.

    A figure matches on program (key or name), metric (label) and scope.
    """
    index: dict[tuple[str, str, str], Figure] = {}
    for f in ext.figures:
        for name in {f.program or "", _section_of(f) or ""}:
            for label in {f.metric or "", _label(name, f.metric or "")}:
                index.setdefault((name, label, f.scope or ""), f)
    n = 0
    for prog, fig in report.all_figures():
        if fig.previous is not None:
            continue
        for name in (prog.key, prog.name):
            for scope in (fig.scope or "", ""):
                hit = index.get((name, fig.label, scope))
                if hit is not None and unit_info(fig.unit).base == hit.unit:
                    fig.previous = hit.value
                    n += 1
                    break
            else:
                continue
            break
    return n
