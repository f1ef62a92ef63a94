#!/usr/bin/env python3
"""Check a writer's gold before a report joins the corpus.

usage: goldqa.py FOLDER [FOLDER ...]      (each ``<name>/`` as ``bench/devcorpus/WRITER_BRIEF.md`` asks)

For every report: the meta has its keys; the figure table has the brief's columns, ids F1, F2 …
in order, known kinds and needs, numbers that parse and periods of the brief's shapes; every
figure's ``text`` occurs in the report's text in order (whitespace ignored when the text is a
hard-wrapped dump); every heading of the outline occurs in the text; every relation evaluates
(``prev(F3)`` is F3's stated previous value) and holds within the rounding of the figure on its
left — and fails when it is marked ``holds = no`` (a planted error).  Prints one line per report
and each problem; exits 1 when there is any.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path

COLUMNS = ["id", "section", "program", "scope", "metric", "period", "value", "unit", "prev", "need", "text", "kind"]
KINDS = {"actual", "target", "standard", "condition", "change", "completion", "share"}
META_KEYS = ("title", "issuer", "date", "year", "kind", "bureau", "period", "layout")
PERIOD = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?(/(\d{4}(-\d{2}(-\d{2})?)?|\.\.))?")
RELATION = re.compile(r"(.+?)\s*(<=|>=|=)\s*(.+)")
ID = re.compile(r"\bF(\d+)\b")
PREV = re.compile(r"prev\(F(\d+)\)")
SAFE = re.compile(r"[\d\s.+\-*/()VP\[\]]*")


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def body(d: Path) -> str:
    for ext in ("gw", "txt"):
        p = d / f"{d.name}.{ext}"
        if p.exists():
            return p.read_text("utf-8")
    return ""


def evaluate(side: str, values: dict[int, float], prevs: dict[int, float]) -> float:
    expr = ID.sub(lambda m: f"V[{m.group(1)}]", PREV.sub(lambda m: f"P[{m.group(1)}]", side))
    if not SAFE.fullmatch(expr):
        raise ValueError(f"not arithmetic over figures: {side!r}")
    return float(eval(expr, {"__builtins__": {}}, {"V": values, "P": prevs}))  # noqa: S307 - checked above


PRINTED = re.compile(r"(\d[\d,]*(?:\.(\d+))?)\s*(万|亿)?")


def decimals(value: str, text: str) -> int:
    """The decimals a figure was printed with, in its base unit: 21.6万 → −3, 12.5% → 1."""
    for m in PRINTED.finditer(text):
        shown = m.group(1).replace(",", "")
        scale = {"万": 4, "亿": 8}.get(m.group(3) or "", 0)
        if abs(float(shown) * 10 ** scale - float(value)) < 1e-6 * max(1.0, abs(float(value))):
            return len(m.group(2) or "") - scale
    return len(value.split(".")[1]) if "." in value else 0


def check(d: Path) -> list[str]:
    bad: list[str] = []
    meta = json.loads((d / f"{d.name}.gold.meta.json").read_text("utf-8"))
    bad += [f"meta lacks {k}" for k in META_KEYS if k not in meta]
    text = body(d)
    if not text:
        return bad + ["no .gw or .txt text"]
    flat = re.sub(r"\s+", "", text)
    figs = rows(d / f"{d.name}.gold.figures.tsv")
    if figs and list(figs[0]) != COLUMNS:
        bad.append(f"columns {list(figs[0])}")
    values: dict[int, float] = {}
    prevs: dict[int, float] = {}
    printed: dict[int, str] = {}
    pos = flat_pos = 0
    for i, f in enumerate(figs, 1):
        if f["id"] != f"F{i}":
            bad.append(f"id {f['id']} at row {i}")
        if f["kind"] not in KINDS or f["need"] not in ("req", "opt"):
            bad.append(f"{f['id']}: kind {f['kind']!r}, need {f['need']!r}")
        try:
            values[i] = float(Decimal(f["value"]))
            prevs[i] = float(Decimal(f["prev"])) if f["prev"] else float("nan")
            printed[i] = str(decimals(f["value"], f["text"]))
        except InvalidOperation:
            bad.append(f"{f['id']}: value {f['value']!r}, prev {f['prev']!r}")
        if f["period"] and not PERIOD.fullmatch(f["period"]):
            bad.append(f"{f['id']}: period {f['period']!r}")
        k = text.find(f["text"], pos)
        if k >= 0:
            pos = k
            continue
        k = flat.find(re.sub(r"\s+", "", f["text"]), flat_pos)
        if k < 0:
            bad.append(f"{f['id']}: text not found in order: {f['text']!r}")
        else:
            flat_pos = k
    for o in rows(d / f"{d.name}.gold.outline.tsv"):
        if re.sub(r"\s+", "", o["title"]) not in flat:
            bad.append(f"heading not in the text: {o['title']!r}")
    for r in rows(d / f"{d.name}.gold.relations.tsv"):
        m = RELATION.fullmatch(r["expr"].strip())
        if m is None:
            bad.append(f"{r['id']}: expression {r['expr']!r}")
            continue
        try:
            left, right = evaluate(m.group(1), values, prevs), evaluate(m.group(3), values, prevs)
        except (ValueError, KeyError, SyntaxError, ZeroDivisionError) as e:
            bad.append(f"{r['id']}: cannot evaluate {r['expr']!r}: {e}")
            continue
        lone = ID.fullmatch(m.group(1).strip())
        places = int(printed.get(int(lone.group(1)), "0")) if lone else 0
        if m.group(2) == "=":
            ok = abs(left - right) <= 0.5 * 10 ** -places + 1e-9 * max(1.0, abs(right))
        elif m.group(2) == "<=":
            ok = left <= right + 1e-9
        else:
            ok = left >= right - 1e-9
        if ok != (r["holds"] == "yes"):
            bad.append(f"{r['id']}: holds={r['holds']} but {r['expr']}: {left:.4f} vs {right:.4f}")
    return bad


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    total = 0
    for name in argv:
        d = Path(name.rstrip("/"))
        problems = check(d)
        total += len(problems)
        print(f"{d.name}: {len(problems)} problems")
        for p in problems:
            print(f"  {p}")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
