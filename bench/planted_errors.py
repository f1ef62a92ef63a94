"""Mutation testing of `gongwen check`: plant one error at a time and see whether it is caught.

For every test document (the shared seed when GONGWEN_SHARED is set, and the bundled samples)
the script extracts and checks the unmodified text, takes each explicit relation verified
consistent, and mutates one literal of one of its operands in the RAW text:

  digit        substitute one digit (416 → 426)
  transpose    swap two adjacent digits (5738 → 5783)
  drop         drop one digit (10585 → 1085)
  scale        万元 ↔ 元 (41.57万元 → 41.57元)
  decimal      shift the decimal point (944.76 → 94.476)
  delta        change a stated difference or growth (168 → 178)
  ratio        change a level beyond its interval (944.76 → 947.76)

and makes equivalent mutants that must raise nothing new:

  rounding     move a level or rate within its admissible interval (944.76 → 944.80)
  separator    6154 → 6,154
  numerals     6154 → 六千一百五十四

A planted mutant "breaks" the relation when the checker's own interval semantics say the
relation fails with the new value (an oracle run on the original relation); it is detected when
the mutated document's report has an error or warning whose spans cover the mutated literal.
A false alarm is any new error or warning that does not cover it (or any on an equivalent
mutant).  Targets: recall ≥ 0.90 on breaking mutants, zero findings on equivalent mutants,
zero error-level findings on the unmodified documents.

    .venv/bin/python bench/planted_errors.py [--max-per-op 30] [--doc PATH ...] [-v]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gongwen.check.engine import run as check_run
from gongwen.check.findings import Finding
from gongwen.check.relations import Candidate, discover
from gongwen.check.rules import evaluate
from gongwen.check.textindex import TextIndex
from gongwen.extract.pipeline import document_from_text, extract
from gongwen.figure import Figure
from gongwen.model import Document

BREAKING = ["digit", "transpose", "drop", "scale", "decimal", "delta", "ratio"]
INFERRED = ["twice", "bound", "count-word"]  # label-inferred or cue-word relations
EQUIVALENT = ["rounding", "separator", "numerals"]
CHECKED_KINDS = {"sum", "subset", "diff", "growth", "ratio", "direction", "count"}
NUM = re.compile(r"\d[\d,]*(?:\.\d+)?")


@dataclass
class Mutant:
    op: str
    raw: str
    lo: int  # mutated raw region [lo, hi) in the mutant's raw text
    hi: int
    breaks: bool | None  # oracle verdict (None for equivalent mutants)
    label: str


def documents(paths: list[str]) -> list[Path]:
    if paths:
        return [Path(p) for p in paths]
    out: list[Path] = []
    shared = os.environ.get("GONGWEN_SHARED") or (str(ROOT.parent / "shared") if (ROOT.parent / "shared").is_dir() else "")
    if shared and (Path(shared) / "corpus" / "lianzhou-2020" / "source.txt").exists():
        out.append(Path(shared) / "corpus" / "lianzhou-2020" / "source.txt")
    samples = ROOT / "gongwen" / "corpora" / "samples"
    out += sorted(p for p in samples.glob("*/*.txt") if p.parent.name != "series")
    return out


def analyse(raw: str, path: str) -> tuple[Document, list[Figure], list[Finding], list[Candidate]]:
    doc = extract(document_from_text(raw, path))
    findings = check_run(doc.document, doc.figures)
    cands = discover(TextIndex(doc.document.text, doc.figures))
    return doc.document, list(doc.figures), findings, cands


def key(f: Finding) -> tuple[object, ...]:
    """A finding's identity across reformatting: code, verdict and operand values."""
    return (f.code, f.status, f.severity, tuple(sorted(str(g.value) for g in f.figures)))


def problems(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.status == "inconsistent" and f.severity in ("error", "warning")]


# -- literal surgery on the raw text ------------------------------------------------------------

def raw_digits(doc: Document, fig: Figure) -> list[tuple[int, str]]:
    """(raw offset, char) of each digit, comma and point of the figure's number, in order."""
    text = doc.text
    m = NUM.search(text, fig.span.start, fig.span.end)
    if m is None:
        return []
    out = []
    for i in range(m.start(), m.end()):
        r = doc.source.offsets[i]
        if r < 0:
            return []
        out.append((r, text[i]))
    return out


def literal_value(s: str, scale: Decimal) -> tuple[Decimal, Decimal]:
    """Value and quantum of a mutated number string (commas ignored) times its scale."""
    s = s.replace(",", "")
    dec = len(s.split(".")[1]) if "." in s else 0
    return Decimal(s) * scale, Decimal(1).scaleb(-dec) * scale


def scale_of(fig: Figure) -> Decimal:
    return Decimal(10) ** 8 if "亿" in fig.as_written else Decimal(10000) if "万" in fig.as_written else Decimal(1)


def splice(raw: str, edits: list[tuple[int, int, str]]) -> str:
    for lo, hi, s in sorted(edits, reverse=True):
        raw = raw[:lo] + s + raw[hi:]
    return raw


def mutate(doc: Document, fig: Figure, op: str) -> tuple[str, int, int, Decimal, Decimal, str] | None:
    """Apply one operator to a figure: (mutant raw, lo, hi, new value, new quantum, label)."""
    ds = raw_digits(doc, fig)
    if not ds:
        return None
    raw = doc.source.raw
    num = "".join(c for _, c in ds)
    digits = [(k, r, c) for k, (r, c) in enumerate(ds) if c.isdigit()]
    lo, hi = ds[0][0], ds[-1][0] + 1
    scale = scale_of(fig)
    new = None
    edits: list[tuple[int, int, str]] = []
    if op == "digit":
        k, r, c = digits[1] if len(digits) > 1 else digits[0]
        nc = str((int(c) + 1) % 10) if not (k == 0 and c == "9") else "8"
        edits = [(r, r + 1, nc)]
        new = num[:k] + nc + num[k + 1:]
    elif op == "transpose":
        for j in range(len(digits) - 1, 0, -1):
            (k1, r1, c1), (k2, r2, c2) = digits[j - 1], digits[j]
            if c1 != c2 and k2 == k1 + 1:
                edits = [(r1, r1 + 1, c2), (r2, r2 + 1, c1)]
                new = num[:k1] + c2 + c1 + num[k2 + 1:]
                break
    elif op == "drop":
        if len(digits) >= 2:
            k, r, _ = digits[1]
            edits = [(r, r + 1, "")]
            new = num[:k] + num[k + 1:]
            hi -= 1
    elif op == "scale":
        after = doc.source.offsets[fig.span.end - 1] if fig.span.end > fig.span.start else -1
        lit = fig.as_written
        if "万" in lit:
            i = doc.text.find("万", fig.span.start, fig.span.end)
            r = doc.source.offsets[i]
            if r >= 0:
                edits = [(r, r + 1, "")]
                new, scale = num, Decimal(1)
        elif fig.unit == "元" and after >= 0 and "." not in num:
            i = doc.text.find("元", ds and fig.span.start, fig.span.end)
            r = doc.source.offsets[i] if i >= 0 else -1
            if r >= 0:
                edits = [(r, r, "万")]
                new, scale = num, Decimal(10000)
                hi += 1
    elif op == "decimal":
        if "." in num:
            p = num.index(".")
            if p >= 2:
                r_point = ds[p][0]
                r_prev = ds[p - 1][0]
                edits = [(r_point, r_point + 1, ""), (r_prev, r_prev, ".")]
                new = num[:p - 1] + "." + num[p - 1] + num[p + 1:]
    elif op in ("delta", "ratio"):
        # add 3 (delta: 10) units at the place of the last integer digit, keeping the format
        ip = num.split(".")[0].replace(",", "")
        step = Decimal(3) if op == "ratio" else Decimal(10)
        frac = num.split(".")[1] if "." in num else ""
        nv = Decimal(ip) + step
        new = str(nv) + ("." + frac if frac else "")
        edits = [(lo, hi, new)]
        hi = lo + len(new)
    if not edits or new is None:
        return None
    value, quantum = literal_value(new, scale)
    return splice(raw, edits), lo, hi, value, quantum, f"{fig.as_written}→{new}{'万' if scale == 10000 and op == 'scale' and '万' not in fig.as_written else ''}"


def equivalent(doc: Document, fig: Figure, op: str, cand: Candidate) -> tuple[str, int, int, str] | None:
    ds = raw_digits(doc, fig)
    if not ds:
        return None
    raw = doc.source.raw
    num = "".join(c for _, c in ds)
    lo, hi = ds[0][0], ds[-1][0] + 1
    if op == "separator":
        if "," in num or "." in num or len(num) < 4:
            return None
        new = f"{int(num):,}"
    elif op == "numerals":
        if "," in num or "." in num or scale_of(fig) != 1 or fig.unit not in ("人", "户", "人次", "个", "张", "家", "名"):
            return None
        import cn2an
        new = cn2an.an2cn(num)
    elif op == "rounding":
        if "." not in num or cand.kind not in ("ratio", "sum") or fig is not cand.whole[0]:
            return None
        res = evaluate(cand, TextIndex(doc.text, [fig, *cand.parts]))
        iv = dict(res[0].relation.intervals).get("computed")
        if not iv or iv[0] is None or iv[1] is None:
            return None
        places = len(num.split(".")[1])
        num = num.replace(",", "")
        k = scale_of(fig)
        lo_v, hi_v = Decimal(iv[0]) / k, Decimal(iv[1]) / k
        q = Decimal(1).scaleb(-places)
        cand_v = [(lo_v + hi_v) / 2 + q * k for k in (4, -4, 2, -2)]
        picks = [v.quantize(q) for v in cand_v if lo_v <= v.quantize(q) <= hi_v and v.quantize(q) != Decimal(num)]
        if not picks:
            return None
        new = format(picks[0], "f")
    else:
        return None
    return splice(raw, [(lo, hi, new)]), lo, lo + len(new), f"{fig.as_written}→{new}"


def oracle(cand: Candidate, fig: Figure, value: Decimal, quantum: Decimal, doc: Document) -> bool:
    """Does the relation fail once ``fig`` carries the mutated value (checker semantics)?"""
    nf = replace(fig, value=value, quantum=quantum, as_written=fig.as_written.replace("万", "") if quantum < fig.quantum and "万" in fig.as_written else fig.as_written)

    def sub(fs: tuple) -> tuple:  # type: ignore[type-arg]
        return tuple(nf if f is fig else f for f in fs)

    c2 = replace(cand, whole=sub(cand.whole), parts=sub(cand.parts))
    res = evaluate(c2, TextIndex(doc.text, [nf if f is fig else f for f in cand.figures]))
    return any(r.status == "inconsistent" and r.code == cand.code for r in res)


def covers(f: Finding, doc: Document, lo: int, hi: int) -> bool:
    for s in f.spans:
        rs = doc.source.raw_span(s)
        if rs and rs[0] < hi + 1 and lo - 1 < rs[1]:
            return True
    return False


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--doc", action="append", default=[], help="a text document (repeatable)")
    ap.add_argument("--max-per-op", type=int, default=30, help="mutants per operator and document")
    ap.add_argument("-v", "--verbose", action="store_true", help="list missed mutants and false alarms")
    args = ap.parse_args()
    t0 = time.time()
    planted: Counter[str] = Counter()
    caught: Counter[str] = Counter()
    nonbreaking: Counter[str] = Counter()
    eq_total: Counter[str] = Counter()
    eq_alarms: Counter[str] = Counter()
    false_alarms = 0
    clean_errors = 0
    unrelated_total = unrelated_errors = 0
    explicit_ok: dict[str, int] = {}
    missed: list[str] = []
    alarms: list[str] = []
    for path in documents(args.doc):
        raw_text = path.read_text(encoding="utf-8-sig")
        doc, figs, base, cands = analyse(raw_text, str(path))
        base_errors = [f for f in base if f.severity == "error" and f.status == "inconsistent"]
        clean_errors += len(base_errors)
        base_keys = {key(f) for f in problems(base)}
        ok = [c for c in cands if c.kind in CHECKED_KINDS and c.explicit]
        verdict = {id(c): evaluate(c, TextIndex(doc.text, figs)) for c in ok}
        ok = [c for c in ok if verdict[id(c)] and verdict[id(c)][0].status == "consistent"]
        explicit_ok[path.name] = len(ok)
        jobs: dict[str, list[tuple[Candidate, Figure]]] = defaultdict(list)
        seen: set[tuple[str, int]] = set()
        for c in ok:
            for f in c.figures:
                if f.span.end == f.span.start or f.id.endswith((".previous", ".change")):
                    continue
                for op in BREAKING + EQUIVALENT:
                    if op == "delta" and not (c.kind in ("diff", "growth") and f is c.parts[-1]):
                        continue
                    if op == "ratio" and not (c.kind == "ratio" and f is c.whole[0]):
                        continue
                    if (op, f.span.start) in seen:
                        continue
                    seen.add((op, f.span.start))
                    jobs[op].append((c, f))
        for op, items in jobs.items():
            for c, f in items[: args.max_per_op]:
                if op in EQUIVALENT:
                    eqm = equivalent(doc, f, op, c)
                    if eqm is None:
                        continue
                    mraw, lo, hi, label = eqm
                    mdoc, _, mfind, _ = analyse(mraw, str(path))
                    new = [p for p in problems(mfind) if key(p) not in base_keys]
                    eq_total[op] += 1
                    if new:
                        eq_alarms[op] += 1
                        alarms.append(f"{path.name} {op} {label}: " + " | ".join(p.message for p in new))
                    continue
                m = mutate(doc, f, op)
                if m is None:
                    continue
                mraw, lo, hi, value, quantum, label = m
                breaks = oracle(c, f, value, quantum, doc)
                mdoc, _, mfind, _ = analyse(mraw, str(path))
                new = [p for p in problems(mfind) if key(p) not in base_keys]
                hit = [p for p in new if covers(p, mdoc, lo, hi)]
                other = [p for p in new if p not in hit and not _shares_figure(p, mdoc, lo, hi)]
                if breaks:
                    planted[op] += 1
                    if hit:
                        caught[op] += 1
                    else:
                        missed.append(f"{path.name} {op} {label} ({c.code})")
                else:
                    nonbreaking[op] += 1
                if other:
                    false_alarms += len(other)
                    alarms.extend(f"{path.name} {op} {label}: {p.code} {p.message}" for p in other)
        # label-inferred and cue-word mutants, and digit changes on figures in no relation
        in_rel = {f.span.start for c in cands for f in c.figures}
        extra: list[tuple[str, str, int, int, str, str]] = []  # op, raw, lo, hi, expected code, label
        for fnd in base:
            if fnd.status != "consistent" or not fnd.figures:
                continue
            f = fnd.figures[0]
            if fnd.code == "GW112":
                m = mutate(doc, f, "digit")
                if m:
                    extra.append(("twice", m[0], m[1], m[2], "GW112", m[5]))
            elif fnd.code == "GW109" and not f.approx and not f.bound:
                ds = raw_digits(doc, f)
                if ds:
                    lo, hi = ds[0][0], ds[-1][0] + 1
                    new = "1" + "".join(c for _, c in ds).zfill(2)
                    extra.append(("bound", splice(doc.source.raw, [(lo, hi, new)]), lo, lo + len(new), "GW109",
                                  f"{f.as_written}→{new}%"))
            elif fnd.code == "GW103" and fnd.spans:
                cue = fnd.spans[-1]
                r = doc.source.raw_span(cue)
                if r:
                    seg = doc.source.raw[r[0]:r[1]]
                    for a, b in (("两", "三"), ("二", "三"), ("三", "四"), ("四", "五")):
                        if seg.startswith(a):
                            extra.append(("count-word", splice(doc.source.raw, [(r[0], r[0] + 1, b)]), r[0],
                                          r[1], "GW103", f"{seg}→{b}{seg[1:]}"))
                            break
        unrelated = [f for f in figs if f.span.start not in in_rel and f.span.end > f.span.start]
        for f in unrelated[: args.max_per_op]:
            m = mutate(doc, f, "digit")
            if m:
                extra.append(("unrelated", m[0], m[1], m[2], "", m[5]))
        for op, mraw, lo, hi, code, label in extra:
            mdoc, _, mfind, _ = analyse(mraw, str(path))
            new = [p for p in problems(mfind) if key(p) not in base_keys]
            if op == "unrelated":
                unrelated_total += 1
                errs = [p for p in new if p.severity == "error" and not covers(p, mdoc, lo, hi)]
                if errs:
                    unrelated_errors += len(errs)
                    alarms.extend(f"{path.name} unrelated {label}: {p.code} {p.message}" for p in errs)
                continue
            planted[op] += 1
            if any(p.code == code and covers(p, mdoc, lo, hi) for p in new):
                caught[op] += 1
            else:
                missed.append(f"{path.name} {op} {label} ({code})")
    print(f"documents: {len(explicit_ok)}; explicit relations verified consistent per document: "
          + ", ".join(f"{k}={v}" for k, v in explicit_ok.items()))
    print(f"error-level findings on unmodified documents: {clean_errors}")
    print(f"{'operator':<10} {'planted':>8} {'caught':>7} {'recall':>7} {'not breaking':>13}")
    for op in BREAKING:
        n = planted[op]
        print(f"{op:<10} {n:>8} {caught[op]:>7} {caught[op] / n if n else float('nan'):>7.2f} {nonbreaking[op]:>13}")
    total_p, total_c = sum(planted[o] for o in BREAKING), sum(caught[o] for o in BREAKING)
    print(f"{'explicit':<10} {total_p:>8} {total_c:>7} {total_c / total_p if total_p else float('nan'):>7.2f}")
    for op in INFERRED:
        n = planted[op]
        print(f"{op:<10} {n:>8} {caught[op]:>7} {caught[op] / n if n else float('nan'):>7.2f}   (inferred/cue rule)")
    print(f"digit changes on figures in no relation: {unrelated_total}, "
          f"new error-level findings elsewhere: {unrelated_errors}")
    for op in EQUIVALENT:
        print(f"equivalent {op:<10} mutants {eq_total[op]:>4}  with findings {eq_alarms[op]:>3}")
    print(f"false alarms on planted mutants (new problems not at the mutated literal): {false_alarms}")
    print(f"time: {time.time() - t0:.1f}s")
    if args.verbose:
        for s in missed:
            print("MISSED", s)
        for s in alarms:
            print("ALARM", s)
    return 0


def _shares_figure(p: Finding, doc: Document, lo: int, hi: int) -> bool:
    """A new finding in the same relation family at a neighbour (e.g. the total of a mutated
    part, or a same-fact twin) is a consequence of the mutation, not a false alarm."""
    return p.relation.kind in ("same", "scale", "unit", "subset", "sum") and any(
        (rs := doc.source.raw_span(s)) is not None and abs(rs[0] - lo) < 400 for s in p.spans)


if __name__ == "__main__":
    sys.exit(main())
