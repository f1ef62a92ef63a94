#!/usr/bin/env python3
"""Mutation testing of `gongwen check` on the development corpus, per operator.

For every document of ``bench/devcorpus/<split>/`` (its hand-written ``.txt``, or the ``.gw``
source rendered as ``bench/labels_eval.py`` does) the script changes ONE literal of the raw
text at a time and checks the mutant.  Only figures that take part in a gold relation that holds
(``<name>.gold.relations.tsv``) are mutated, and a mutant counts only when it breaks that
relation (the gold expression re-evaluated with the new value: an equality off by more than
before plus 0.5 %, or an inequality that no longer holds).  Operators:

  digit-swap      two adjacent digits swapped (1846 → 1864)
  dropped-digit   one digit dropped (10585 → 1585)
  scale-slip      万 dropped or 亿 read as 万 (41.57万元 → 41.57元)
  growth          a stated growth rate changed (8.4% → 9.4%)
  repeat          one mention of a fact stated twice changed (147所 → 157所)
  share           a stated share, rate or level changed (36.0% → 39.0%)
  table-cell      a table cell of a relation changed (41250 → 42250)

A mutant is *caught* when the mutant's report has an error or warning covering the changed
literal (its raw span); recall is printed per operator, also at error level alone.  Equivalent
mutants (a thousands separator added or removed) must raise nothing new.

    .venv/bin/python bench/planted_errors.py [--split dev] [--only SUBSTR] [--max-per-op 8] [-v]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import tempfile
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from labels_eval import ROOT, documents, scorer, sources  # noqa: E402
from relations_eval import align  # noqa: E402

sys.path.insert(0, str(ROOT))
from gongwen.check import check_extraction  # noqa: E402
from gongwen.check.evaluation.findings import Finding  # noqa: E402
from gongwen.extract.pipeline import extract  # noqa: E402
from gongwen.figure import Figure  # noqa: E402
from gongwen.model import Document  # noqa: E402

OPERATORS = ["digit-swap", "dropped-digit", "scale-slip", "growth", "repeat", "share", "table-cell"]
EQUIVALENT = ["separator"]
NUM = re.compile(r"\d[\d,]*(?:\.\d+)?")
_REF = re.compile(r"prev\((F\d+)\)|(F\d+)")
RATE_TYPES = {"share", "ratio", "completion", "per_unit"}


@dataclass
class Mutant:
    doc: str
    op: str
    label: str
    raw: str
    suffix: str
    lo: int
    hi: int
    breaks: bool


@dataclass
class GoldRel:
    id: str
    type: str
    expr: str
    refs: list[str]


def gold_rows(d: Path, kind: str) -> list[dict[str, str]]:
    p = d / f"{d.name}.gold.{kind}.tsv"
    if not p.exists():
        return []
    with open(p, encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def relations(d: Path) -> list[GoldRel]:
    out = []
    for r in gold_rows(d, "relations"):
        if r["holds"].strip() != "yes":
            continue
        refs = [m.group(2) or m.group(1) for m in _REF.finditer(r["expr"])]
        out.append(GoldRel(r["id"], r["type"], r["expr"], list(dict.fromkeys(refs))))
    return out


def evaluate(expr: str, values: dict[str, Decimal], prevs: dict[str, Decimal]) -> tuple[str, float, float] | None:
    """(operator, left, right) of a gold expression with the given values."""
    m = re.search(r"<=|>=|=", expr)
    if m is None:
        return None

    def side(s: str) -> float | None:
        s = re.sub(r"prev\((F\d+)\)", lambda x: f"({float(prevs[x.group(1)])})" if x.group(1) in prevs else "None", s)
        s = re.sub(r"F\d+", lambda x: f"({float(values[x.group(0)])})" if x.group(0) in values else "None", s)
        if "None" in s:
            return None
        try:
            return float(eval(s, {"__builtins__": {}}))  # noqa: S307 - our own gold arithmetic
        except ZeroDivisionError:
            return None

    left, right = side(expr[:m.start()]), side(expr[m.end():])
    if left is None or right is None:
        return None
    return m.group(0), left, right


def breaks(rel: GoldRel, fid: str, new: Decimal, values: dict[str, Decimal], prevs: dict[str, Decimal]) -> bool:
    """Does the mutated value break the relation (more than it was off before)?"""
    before = evaluate(rel.expr, values, prevs)
    after = evaluate(rel.expr, {**values, fid: new}, prevs)
    if before is None or after is None:
        return False
    op, l1, r1 = after
    _, l0, r0 = before
    if op == "<=":
        return l1 > r1 + 1e-9
    if op == ">=":
        return l1 < r1 - 1e-9
    return abs(l1 - r1) > abs(l0 - r0) * 3 + 0.005 * max(abs(r0), abs(l0), 1e-9)


# -- literal surgery ---------------------------------------------------------------------------

def raw_number(doc: Document, fig: Figure) -> tuple[int, int, str] | None:
    """Raw span and text of a figure's number (digits, commas and point)."""
    m = NUM.search(doc.text, fig.span.start, fig.span.end)
    if m is None:
        return None
    offs = doc.source.offsets
    lo, hi = offs[m.start()], offs[m.end() - 1] + 1
    if lo < 0 or hi <= lo or doc.source.raw[lo:hi].replace("，", ",") != m.group(0):
        return None
    return lo, hi, m.group(0)


def number_value(s: str) -> Decimal:
    return Decimal(s.replace(",", ""))


def digit_swap(num: str) -> str | None:
    ds = [i for i, c in enumerate(num) if c.isdigit()]
    for a, b in reversed(list(zip(ds, ds[1:]))):
        if b == a + 1 and num[a] != num[b]:
            return num[:a] + num[b] + num[a] + num[b + 1:]
    return None


def dropped_digit(num: str) -> str | None:
    plain = num.replace(",", "")
    ds = [i for i, c in enumerate(plain) if c.isdigit()]
    if len(ds) < 3:
        return None
    k = ds[1]
    out = plain[:k] + plain[k + 1:]
    return out if not out.startswith("0") or out.startswith("0.") else None


def bump(num: str, at: int = 0) -> str | None:
    """Add one to a digit counted from the last integer digit (at=0) leftwards."""
    plain = num.replace(",", "")
    ip = plain.split(".")[0]
    if len(ip) <= at:
        at = len(ip) - 1
    i = len(ip) - 1 - at
    c = ip[i]
    nc = str((int(c) + 1) % 10) if not (i == 0 and c == "9") else "8"
    if i == 0 and nc == "0" and len(ip) > 1:
        nc = "1"
    return plain[:i] + nc + plain[i + 1:]


def mutate(op: str, doc: Document, fig: Figure, raw: str) -> tuple[str, int, int, Decimal] | None:
    """(mutant raw, lo, hi, new value in base units) of one operator on one figure."""
    rn = raw_number(doc, fig)
    if rn is None:
        return None
    lo, hi, num = rn
    try:
        factor = fig.value / number_value(num) if number_value(num) != 0 else None
    except (InvalidOperation, ArithmeticError):
        return None
    if factor is None:
        return None
    new: str | None = None
    if op == "digit-swap":
        new = digit_swap(num)
    elif op == "dropped-digit":
        new = dropped_digit(num)
    elif op in ("growth", "share"):
        new = bump(num, 0)
    elif op in ("repeat", "table-cell"):
        new = bump(num, 1 if len(num.replace(",", "").split(".")[0]) > 2 else 0)
    elif op == "scale-slip":
        after = raw[hi:hi + 1]
        if after in ("万", "亿"):
            scale = Decimal(10000) if after == "万" else Decimal(10000)  # 万 dropped; 亿 read as 万
            repl = "" if after == "万" else "万"
            mutant = raw[:hi] + repl + raw[hi + 1:]
            return mutant, lo, hi + len(repl), fig.value / scale
        return None
    if new is None or new == num:
        return None
    value = number_value(new) * factor
    return raw[:lo] + new + raw[hi:], lo, lo + len(new), value


def separator(doc: Document, fig: Figure, raw: str) -> tuple[str, int, int] | None:
    rn = raw_number(doc, fig)
    if rn is None:
        return None
    lo, hi, num = rn
    if "." in num or len(num.replace(",", "")) < 4:
        return None
    new = num.replace(",", "") if "," in num else f"{int(num):,}"
    return raw[:lo] + new + raw[hi:], lo, lo + len(new)


# -- running -------------------------------------------------------------------------------------

def make_mutants(d: Path, src: Path, max_per_op: int) -> tuple[list[Mutant], list[Mutant]]:
    ext = extract(src)
    doc = ext.document
    raw = doc.source.raw
    figs = {f.id: f for f in ext.figures}
    ids = align(scorer(), d / f"{d.name}.gold.figures.tsv", list(ext.figures))
    gold = {r["id"]: r for r in gold_rows(d, "figures")}
    values = {k: Decimal(r["value"]) for k, r in gold.items() if r["value"]}
    prevs = {k: Decimal(r["prev"]) for k, r in gold.items() if r.get("prev")}
    rels = relations(d)
    targets: dict[str, list[tuple[str, GoldRel]]] = defaultdict(list)  # op -> (gold id, relation)
    for rel in rels:
        for ref in rel.refs:
            targets["digit-swap"].append((ref, rel))
            targets["dropped-digit"].append((ref, rel))
            targets["scale-slip"].append((ref, rel))
        first = rel.refs[0] if rel.refs else None
        if rel.type == "growth" and first:
            targets["growth"].append((first, rel))
        if rel.type == "repeat" and len(rel.refs) >= 2:
            targets["repeat"].append((rel.refs[-1], rel))
        if rel.type in RATE_TYPES and first:
            targets["share"].append((first, rel))
    for rel in rels:
        for ref in rel.refs:
            f = figs.get(ids.get(ref, ""))
            if f is not None and f.source == "table":
                targets["table-cell"].append((ref, rel))
    out: list[Mutant] = []
    for op in OPERATORS:
        seen: set[str] = set()
        n = 0
        for ref, rel in targets[op]:
            if n >= max_per_op or ref in seen or ref not in values:
                continue
            f = figs.get(ids.get(ref, ""))
            if f is None:
                continue
            m = mutate(op, doc, f, raw)
            if m is None:
                continue
            mraw, lo, hi, new = m
            # the mutant must break every relation the figure takes part in? one is enough
            br = any(breaks(r, ref, new, values, prevs) for _, r in targets["digit-swap"] if _ == ref)
            if not br:
                continue
            seen.add(ref)
            n += 1
            out.append(Mutant(d.name, op, f"{f.as_written}→{mraw[lo:hi]} ({rel.id} {rel.type})", mraw, src.suffix,
                              lo, hi, True))
    eq: list[Mutant] = []
    for f in ext.figures:
        s = separator(doc, f, raw)
        if s is not None and len(eq) < max_per_op:
            eq.append(Mutant(d.name, "separator", f"{f.as_written}→{s[0][s[1]:s[2]]}", s[0], src.suffix, s[1], s[2],
                             False))
    return out, eq


def problems(findings: tuple[Finding, ...]) -> list[Finding]:
    return [f for f in findings if f.severity in ("error", "warning") and f.status != "consistent"]


def run_mutant(m: Mutant) -> tuple[str, bool, bool, int]:
    """(op, caught at warning or error, caught at error, problems not on the changed literal;
    for an equivalent mutant every problem counts: one on the reformatted literal is an alarm
    too)."""
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / f"{m.doc}{m.suffix}"
        p.write_text(m.raw, encoding="utf-8")
        try:
            ext = extract(p)
        except Exception:  # a mutant the reader refuses is caught by nobody
            return m.op, False, False, 0
        report = check_extraction(ext)
    doc = ext.document
    caught = [f for f in problems(report.findings) if covers(f, doc, m.lo, m.hi)]
    others = [f for f in problems(report.findings) if not m.breaks or not covers(f, doc, m.lo, m.hi)]
    return m.op, bool(caught), any(f.severity == "error" for f in caught), len(others)


def covers(f: Finding, doc: Document, lo: int, hi: int) -> bool:
    spans = [*f.spans, *(g.span for g in f.figures)]
    for s in spans:
        rs = doc.source.raw_span(s)
        if rs and rs[0] < hi and lo < rs[1]:
            return True
    return False


def baseline(src: Path) -> int:
    return len(problems(check_extraction(extract(src)).findings))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["dev", "test"])
    ap.add_argument("--only")
    ap.add_argument("--max-per-op", type=int, default=8, help="mutants per operator and document")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("-v", "--verbose", action="store_true", help="list missed mutants")
    args = ap.parse_args(argv)
    docs = [d for d in documents(args.split, args.only) if (d / f"{d.name}.gold.relations.tsv").exists()]
    mutants: list[Mutant] = []
    equivalents: list[Mutant] = []
    base: dict[str, int] = {}
    for d in docs:
        src = sources(d, ["txt"])[0]
        ms, eq = make_mutants(d, src, args.max_per_op)
        mutants += ms
        equivalents += eq
        base[d.name] = baseline(src)
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(run_mutant, mutants, chunksize=4))
        eq_results = list(pool.map(run_mutant, equivalents, chunksize=4))
    per: Counter[str] = Counter()
    hit: Counter[str] = Counter()
    hit_err: Counter[str] = Counter()
    for m, (op, caught, err, _) in zip(mutants, results):
        per[op] += 1
        hit[op] += caught
        hit_err[op] += err
        if args.verbose and not caught:
            print(f"  missed {op:14} {m.doc}: {m.label}")
    print(f"{'operator':<15} {'caught':>9} {'recall':>7} {'at error':>9}")
    for op in OPERATORS:
        n = per[op]
        print(f"{op:<15} {hit[op]:>4}/{n:<4} {hit[op] / max(n, 1):>7.2f} {hit_err[op] / max(n, 1):>9.2f}")
    total, caught_all = sum(per.values()), sum(hit.values())
    print(f"{'overall':<15} {caught_all:>4}/{total:<4} {caught_all / max(total, 1):>7.2f} "
          f"{sum(hit_err.values()) / max(total, 1):>9.2f}")
    eq_alarms = 0
    for m, (_, _, _, others) in zip(equivalents, eq_results):
        new = others - base.get(m.doc, 0)
        if new > 0:
            eq_alarms += new
            if args.verbose:
                print(f"  equivalent mutant raised {new}: {m.doc}: {m.label}")
    print(f"equivalent mutants: {len(equivalents)}, new findings on them: {eq_alarms}")
    print(f"documents: {len(docs)}, mutants: {total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
