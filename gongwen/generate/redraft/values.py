"""The values file of a draft: the skeleton written for the clerk, and the filled file read back.

The skeleton lists every slot in document order with its sentence as context, last year's
value and unit, and an empty ``value``::

    year: 2021
    date:              # 成文日期 of the new report, YYYY-MM-DD
    slots:
    - id: s1
      label: 住房租赁补贴 补贴标准 城区
      context: 自上年7月起，城区居民住房租赁补贴标准由每人每月820元调高到⟦每人每月915元⟧，…
      last: 915
      unit: 元
      value:

Reading it back checks every key (a misspelt one gets a "did you mean"), every number, the
date and the year, and that ``last`` still matches the document the skeleton came from.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from ...errors import DataError
from ..phrasing import plain
from ..validate import Checker
from .slots import Template

_TOP = {"year", "date", "slots", "source"}
_SLOT = {"id", "label", "context", "last", "unit", "value"}


def _q(s: str) -> str:
    """A YAML scalar that reads back as the same text."""
    try:
        if s and s == s.strip() and "#" not in s and yaml.safe_load(f"k: {s}") == {"k": s}:
            return s
    except yaml.YAMLError:
        pass
    return json.dumps(s, ensure_ascii=False)


def _label(t: Template, sid: str) -> str:
    f = t.slot(sid).figure
    return " ".join(x for x in (f.program, f.metric, f.scope) if x)


def skeleton(t: Template) -> str:
    """The values file to fill, as YAML text (comments explain each part)."""
    src = Path(t.document.source.path).name
    lines = [
        f"# Values for the {t.year} report, drafted from {src} ({t.last_year}).",
        "# Fill in `value` in the unit shown (empty: a highlighted 【待填】 in the draft).",
        "# ⟦…⟧ marks the figure in last year's sentence; comparisons around it are rewritten.",
        f"# Render: gongwen draft {src} --data THIS_FILE -o draft.docx",
        f"source: {_q(src)}",
        f"year: {t.year}",
        "date:            # 成文日期 of the new report, YYYY-MM-DD",
        "slots:" + ("" if t.slots else " []"),
    ]
    for s in t.slots:
        lines += [
            f"- id: {s.id}",
            f"  label: {_q(_label(t, s.id))}",
            f"  context: {_q(s.context)}",
            f"  last: {plain(s.last)}",
            f"  unit: {_q(s.unit)}",
            "  value:",
        ]
    return "\n".join(lines) + "\n"


def peek_year(path: str | Path) -> int | None:
    """The ``year`` a values file names, if it is a plain number (full checks come in :func:`read`)."""
    try:
        raw = Checker(str(path)).load(path)
    except DataError:
        return None
    y = raw.get("year") if isinstance(raw, dict) else None
    return y if isinstance(y, int) and not isinstance(y, bool) else None


def read(path: str | Path | dict[str, Any], t: Template) -> tuple[dict[str, Decimal | None], str | None]:
    """Slot values (id → value or None) and the new date from a filled values file."""
    c = Checker(str(path) if not isinstance(path, dict) else "<data>")
    raw = c.load(path) if not isinstance(path, dict) else path
    d = c.mapping(raw, "")
    c.keys(d, _TOP, "")
    if "year" in d:
        y = c.year(d["year"], "year")
        if y != t.year:
            raise c.fail("year", f"is {y} but the draft is for {t.year} (pass --year {y} or fix the file)")
    date = c.date(d.get("date"), "date")
    items = d.get("slots") or []
    if not isinstance(items, list):
        raise c.fail("slots", "expected a list of slots (as written by --skeleton)")
    known = {s.id for s in t.slots}
    values: dict[str, Decimal | None] = {}
    for i, item in enumerate(items):
        kp = f"slots[{i}]"
        it = c.mapping(item, kp)
        c.keys(it, _SLOT, kp)
        sid = str(it.get("id", "")).strip()
        if sid not in known:
            near = c.suggest(sid, known)
            raise c.fail(f"{kp}.id", f"no slot {sid!r} in the document" + (f"; did you mean {near!r}?" if near else ""))
        if sid in values:
            raise c.fail(f"{kp}.id", f"slot {sid!r} appears twice")
        slot = t.slot(sid)
        if it.get("last") is not None:
            last = c.number(it["last"], f"{kp}.last")
            if last != slot.last:
                raise c.fail(f"{kp}.last", f"{plain(last)} but the document says {plain(slot.last)} for {sid}: "
                             "the skeleton was made from another file; write a new one with --skeleton")
        unit = it.get("unit")
        if unit is not None and str(unit) != slot.unit:
            raise c.fail(f"{kp}.unit", f"{unit!r} but {sid} is written in {slot.unit!r}; give the value in "
                         f"{slot.unit!r}")
        v = it.get("value")
        values[sid] = None if v is None or (isinstance(v, str) and not v.strip()) else c.number(v, f"{kp}.value")
        if values[sid] is not None and values[sid] < 0 and slot.figure.kind != "change":  # type: ignore[operator]
            raise c.fail(f"{kp}.value", f"a statistic cannot be negative, got {plain(values[sid])}")  # type: ignore[arg-type]
    return values, date


__all__ = ["DataError", "read", "skeleton"]
