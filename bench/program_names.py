#!/usr/bin/env python3
"""The names writers give the figures gongwen files under each vocabulary program.

For every development report of the chosen writers, the extracted figures are aligned with the
writer's gold (the shared scorer's alignment) and every required figure that gongwen files under
a program votes for the program name its writer gave it — once per writer, not per figure: a
writer's votes under one program go to the name that writer gave most of its figures there (one
writer's twenty figures are one vote).  Printed per program, most figures first: the writers'
names with their votes (writers) and figures, and ``RENAME`` where a name other than the
vocabulary's has the votes of at least two writers and of more than half of the writers who name
a program for these figures (a clear majority) — a candidate, to be checked against the official and common naming
before the vocabulary is changed (the old name then stays an alias).  A candidate that is already
another program's name or alias is marked: its figures are read under the wrong program (a
reading to fix, or two programs to merge), not named differently.

Groups are ranges of writers: A = w1–w12, B = w13–w39, C = w43–w45, D = w48–w50, E = w53–w56,
F = w59–w62, G = w65–w68, H = w71–w74, I = w76–w79, J = w82–w83, K = w85–w86, L = w88–w89
(L dev since the end of session 19).
The renames of the vocabulary were derived from A–D; E was the held-out check of the method.

usage: program_names.py [--groups ABCD] [--format txt] [--min-votes 2] [--all] [--writers]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from labels_eval import documents, scorer, sources, tsv_rows  # noqa: E402

GROUPS = {"A": (1, 12), "B": (13, 39), "C": (43, 45), "D": (48, 50), "E": (53, 56), "F": (59, 62), "G": (65, 68),
          "H": (71, 74), "I": (76, 79), "J": (82, 83), "K": (85, 86), "L": (88, 89),
          "M": (91, 92), "N": (94, 95), "O": (97, 98), "P": (100, 104), "Q": (105, 109), "R": (110, 114), "S": (115, 119), "T": (120, 124)}


def writer(doc: str) -> int:
    m = re.match(r"w(\d+)-", doc)
    return int(m.group(1)) if m else 0


def in_groups(doc: str, groups: str) -> bool:
    w = writer(doc)
    return any(lo <= w <= hi for g, (lo, hi) in GROUPS.items() if g in groups)


def names_by_program(groups: str, fmt: str) -> dict[str, dict[int, Counter[str]]]:
    """program -> writer -> the gold program names of that writer's figures filed under it."""
    from gongwen.extract.pipeline import extract

    sc = scorer()
    out: dict[str, dict[int, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for d in documents("dev", None):
        if not in_groups(d.name, groups):
            continue
        for src in sources(d, [fmt]):
            figs = extract(src).to_json()["figures"]
            gold = tsv_rows(d / f"{d.name}.gold.figures.tsv")
            pairs = sc.lcs_align([sc.vkey(g["value"], g["unit"]) for g in gold],
                                 [sc.vkey(p.get("value"), p.get("unit")) for p in figs], key=lambda x: x)
            for i, j in pairs:
                got = figs[j].get("program") or ""
                if gold[i]["need"] == "req" and got:
                    out[got][writer(d.name)][gold[i]["program"] or "(none)"] += 1
    return out


def votes(by_writer: dict[int, Counter[str]]) -> Counter[str]:
    """One vote per writer, for the name that writer gave most of the program's figures (ties:
    every tied name gets the vote)."""
    v: Counter[str] = Counter()
    for names in by_writer.values():
        top = max(names.values())
        for n, c in names.items():
            if c == top:
                v[n] += 1
    return v


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--groups", default="ABCD", help="writer groups to count (default ABCD; E is held out)")
    ap.add_argument("--format", default="txt")
    ap.add_argument("--min-votes", type=int, default=2)
    ap.add_argument("--all", action="store_true", help="print every program, not only rename candidates")
    ap.add_argument("--writers", action="store_true", help="also print each writer's names and figures")
    args = ap.parse_args(argv)
    from gongwen.extract.figures.words.vocab import load_vocab

    programs = load_vocab().programs
    table = names_by_program(args.groups, args.format)
    for prog, by_writer in sorted(table.items(), key=lambda kv: -sum(sum(c.values()) for c in kv[1].values())):
        v = votes(by_writer)
        figures: Counter[str] = Counter()
        for c in by_writer.values():
            figures.update(c)
        best, n = v.most_common(1)[0]
        # a clear majority: more than half of the writers who name a program for these figures
        naming = sum(1 for c in by_writer.values() if set(c) != {"(none)"})
        rename = best not in (prog, "(none)") and n >= args.min_votes and 2 * n > naming
        if not (rename or args.all):
            continue
        where = ""
        if rename:
            p = programs.get(prog)
            other = programs.get(best) or next((q for q in programs.values() if q.name != prog and best in q.aliases), None)
            where = (f"  RENAME -> {best}" + (" (an alias)" if p and best in p.aliases else "")
                     + (f" (already a word of {other.name}, {other.bureau})" if other else ""))
        names = ", ".join(f"{name} {c}w/{figures[name]}f" for name, c in v.most_common(6))
        print(f"{prog} [{len(by_writer)} writers, {sum(figures.values())} figures]: {names}{where}")
        if args.writers:
            for w, c in sorted(by_writer.items()):
                print(f"    w{w}: " + ", ".join(f"{name} {k}" for name, k in c.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
