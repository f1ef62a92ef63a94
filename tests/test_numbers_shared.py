"""The number grammar alone on the shared report: recall of gold (value, unit) pairs.

Runs only with GONGWEN_SHARED set.  The text gets a crude normalisation here (blank lines
dropped, wrapped lines joined, spaces between Han/digits removed, ℅/％/／/— folded) so this
test does not depend on the cleaner; old values of stated changes are dropped as the figure
assembly does.
"""

from __future__ import annotations

import csv
from collections import Counter
from decimal import Decimal
from pathlib import Path

import regex

from gongwen.extract.figures.grammar.changes import apply_changes, find_changes
from gongwen.extract.figures.grammar.numbers import find_quantities
from gongwen.extract.figures.grammar.units import normalise_unit


def crude_clean(raw: str) -> str:
    """Blank lines out, wraps joined, spaces between Han/digits/％ removed, symbols folded."""
    t = regex.sub(r"\n\s*\n", "\n", raw)
    t = regex.sub(r"(?<=[^。：；！？\n])\n(?=\S)", "", t)
    t = regex.sub(r"(?<=[\p{Han}0-9%％）)（(／/])[ \t\u3000]+(?=[\p{Han}0-9（(／/%％])", "", t)
    return t.replace("℅", "%").replace("％", "%").replace("／", "/").replace("—", "-")


def test_gold_values_found(lianzhou: Path) -> None:
    text = crude_clean((lianzhou / "source.txt").read_text(encoding="utf-8"))
    qs = find_quantities(text, year=2020)
    qs = [q for q in apply_changes(qs, find_changes(text, qs)) if q.role != "previous"]
    assert all(text[q.span.start:q.span.end] == q.as_written for q in qs)
    with open(lianzhou / "gold.figures.tsv", encoding="utf-8") as f:
        gold = list(csv.DictReader(f, delimiter="\t"))
    found = Counter((q.value, q.unit) for q in qs)
    used: Counter[tuple[Decimal, str]] = Counter()
    hits = 0
    required = [g for g in gold if g["need"] == "req"]
    for g in gold:
        k = (Decimal(g["value"]), normalise_unit(g["unit"]))
        if used[k] < found[k]:
            used[k] += 1
            hits += g["need"] == "req"
    extra = sum((found - Counter((Decimal(g["value"]), normalise_unit(g["unit"])) for g in gold)).values())
    assert hits / len(required) >= 0.97, f"recall {hits}/{len(required)}"
    # the crude cleaner keeps fake-bold repeats (按照两个按照两个…): a handful of extras at most
    assert extra <= 5, extra
