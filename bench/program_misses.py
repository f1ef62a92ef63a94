#!/usr/bin/env python3
"""Why gongwen's program differs from the writer's: the program misses of dev reports, by class.

Every required gold figure matched by the shared scorer whose program differs is put in one class
(:func:`miss_class`), counted per group of writers and by how many writers it spans:

- ``a-null``: gongwen names no program where the writer names one (``a-null-vocab`` when the
  writer's name is a vocabulary program or word, ``a-null-clause`` when it stands in the figure's
  own clause, ``a-null-other`` else);
- ``b-alias``: gongwen's program is the writer's, named otherwise — the writer's name is one of
  the program's own words (老旧小区改造 for 城镇老旧小区改造); ``b-variant``: the writer's name
  holds one of them or is held by one (a longer or shorter form of the same work);
- ``c-other``: the writer names another vocabulary program (the evidence chose the wrong one);
- ``d-clause`` / ``d-sentence`` / ``d-other``: the writer's name is in no vocabulary, and stands
  in the figure's own clause, in its sentence, or neither (a heading's, a paraphrase);
- ``e-none``: the writer names no program where gongwen names one.

``--naming`` also measures the idea of a figure's program *as the report names it*: the figure
keeps its vocabulary program, but is named by a word of that program found in its document (the
nearest before it in its sentence, the document's most frequent, or only a longer word that holds
the program's name) — printed as figures won and lost against the writers' names, by group.

usage: program_misses.py [--groups ABCDEFGHIJ] [--format txt] [--only SUBSTR] [--leave-bureau-out]
                         [--top 20] [--naming]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from labels_eval import documents, leave_bureau_out, scorer, sources, tsv_rows  # noqa: E402
from program_names import GROUPS, in_groups, writer  # noqa: E402

_CLAUSE_BREAK = "，,；;。：:！？\n"


@dataclass(frozen=True)
class Row:
    """One matched required figure: its writer's and gongwen's program and where it stands."""

    doc: str
    gold: str
    got: str
    clause: str  # the figure's own clause, up to the figure
    sentence: str
    at: int  # the figure's offset in the document's text
    sentence_at: int  # its sentence's


def miss_class(gold: str, got: str, clause: str, sentence: str, vocab_words: Mapping[str, Iterable[str]]) -> str:
    """The class of a program miss (see the module's doc); ``vocab_words``: program -> its words
    (its name among them).

    >>> words = {"城镇老旧小区改造": ["城镇老旧小区改造", "老旧小区改造"], "临时救助": ["临时救助"]}
    >>> miss_class("老旧小区改造", "城镇老旧小区改造", "", "", words)
    'b-alias'
    >>> miss_class("临时救助", "城镇老旧小区改造", "", "", words), miss_class("", "临时救助", "", "", words)
    ('c-other', 'e-none')
    """
    known = gold in vocab_words or any(gold in ws for ws in vocab_words.values())
    if not gold:
        return "e-none"
    if not got:
        return "a-null-vocab" if known else "a-null-clause" if gold in clause else "a-null-other"
    own = set(vocab_words.get(got, ())) | {got}
    if gold in own:
        return "b-alias"
    if any(w in gold or gold in w for w in own if len(w) >= 2):
        return "b-variant"
    if known:
        return "c-other"
    return "d-clause" if gold in clause else "d-sentence" if gold in sentence else "d-other"


def group_of(doc: str) -> str:
    w = writer(doc)
    return next((g for g, (lo, hi) in GROUPS.items() if lo <= w <= hi), "?")


def read(groups: str, fmt: str, only: str | None) -> tuple[list[Row], dict[str, str]]:
    """The matched required figures of the chosen writers' reports, and the reports' texts."""
    from gongwen.extract.pipeline import extract

    sc = scorer()
    rows: list[Row] = []
    texts: dict[str, str] = {}
    for d in documents("dev", only):
        if not in_groups(d.name, groups):
            continue
        for src in sources(d, [fmt]):
            ex = extract(src)
            text = ex.document.text
            texts[d.name] = text
            gold = tsv_rows(d / f"{d.name}.gold.figures.tsv")
            figs = [f.to_json() for f in ex.figures]
            pairs = sc.lcs_align([sc.vkey(g["value"], g["unit"]) for g in gold],
                                 [sc.vkey(p.get("value"), p.get("unit")) for p in figs], key=lambda x: x)
            for i, j in pairs:
                if gold[i]["need"] != "req":
                    continue
                f = ex.figures[j]
                ts = f.text_span
                sentence = ts.slice(text) if ts else ""
                a = f.span.start
                cs = max((text.rfind(c, ts.start, a) for c in _CLAUSE_BREAK), default=-1) + 1 if ts else a
                ss = ts.start if ts else a
                rows.append(Row(d.name, gold[i]["program"], f.program or "", text[max(cs, ss):a], sentence, a, ss))
    return rows, texts


def vocabulary_words() -> dict[str, list[str]]:
    from gongwen.extract.figures.words.vocab import load_vocab

    return {p: [p, *x.aliases, *x.context_aliases, *x.weak_aliases] for p, x in load_vocab().programs.items()}


def report_classes(rows: list[Row], words: Mapping[str, list[str]], top: int) -> None:
    counts: Counter[str] = Counter()
    by_group: dict[str, Counter[str]] = defaultdict(Counter)
    writers: dict[str, set[int]] = defaultdict(set)
    pairs: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for r in rows:
        if r.gold == r.got:
            continue
        k = miss_class(r.gold, r.got, r.clause, r.sentence, words)
        counts[k] += 1
        by_group[k][group_of(r.doc)] += 1
        writers[k].add(writer(r.doc))
        pairs[k][(r.gold, r.got)] += 1
    right = sum(r.gold == r.got for r in rows)
    print(f"matched required figures {len(rows)}, program right {right} ({right / max(len(rows), 1):.3f}), "
          f"misses {sum(counts.values())}")
    for k, n in sorted(counts.items()):
        print(f"{k:14} {n:5}  writers {len(writers[k]):3}  " + " ".join(f"{g}{by_group[k][g]}" for g in GROUPS))
    if top:
        for k in sorted(counts):
            print(f"-- {k}: " + "; ".join(f"{g or '∅'} ← {p or '∅'} {n}" for (g, p), n in pairs[k].most_common(top)))


def _occurrences(text: str, words: Iterable[str]) -> list[tuple[int, str]]:
    """Where the words stand in ``text`` (start, word), a word inside a longer one found left out."""
    spans = sorted(((m.start(), m.start() + len(w), w) for w in set(words) if len(w) >= 2
                    for m in re.finditer(re.escape(w), text)), key=lambda s: (s[0], -s[1]))
    out: list[tuple[int, int, str]] = []
    for s, e, w in spans:
        if not any(a <= s and e <= b for a, b, _ in out):
            out.append((s, e, w))
    return [(s, w) for s, _, w in out]


def named(r: Row, text: str, words: list[str], how: str) -> str:
    """The name the report gives the figure's program ``r.got`` (its canonical name when the
    report uses none of its words): ``nearest`` before the figure in its sentence, else the first
    after it, else the document's most frequent; ``frequent`` in the document; ``longer``: the
    document's most frequent word that holds the program's name."""
    if how == "longer":
        words = [w for w in words if r.got in w]
    found = _occurrences(text, words)
    if not found:
        return r.got
    frequent = Counter(w for _, w in found).most_common(1)[0][0]
    if how != "nearest":
        return frequent
    before = [w for s, w in found if r.sentence_at <= s < r.at]
    after = [w for s, w in found if r.at <= s < r.sentence_at + len(r.sentence)]
    return before[-1] if before else after[0] if after else frequent


def report_naming(rows: list[Row], texts: Mapping[str, str], words: Mapping[str, list[str]]) -> None:
    for how in ("nearest", "frequent", "longer"):
        won: Counter[str] = Counter()
        lost: Counter[str] = Counter()
        for r in rows:
            if not r.got or r.got not in words:
                continue
            name = named(r, texts[r.doc], words[r.got], how)
            if name == r.gold != r.got:
                won[group_of(r.doc)] += 1
            elif r.got == r.gold != name:
                lost[group_of(r.doc)] += 1
        print(f"named {how:9} +{sum(won.values())} -{sum(lost.values())}  "
              + " ".join(f"{g}:+{won[g]}-{lost[g]}" for g in GROUPS))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--groups", default="".join(GROUPS))
    ap.add_argument("--format", default="txt")
    ap.add_argument("--only")
    ap.add_argument("--leave-bureau-out", action="store_true", help="read each report as a new bureau's")
    ap.add_argument("--top", type=int, default=0, help="print the most frequent (gold ← gongwen) pairs of each class")
    ap.add_argument("--naming", action="store_true", help="measure naming programs as the report names them")
    args = ap.parse_args(argv)
    words = vocabulary_words()  # (every bureau's, read before any is left out)
    if args.leave_bureau_out:
        leave_bureau_out()
    rows, texts = read(args.groups, args.format, args.only)
    report_classes(rows, words, args.top)
    if args.naming:
        report_naming(rows, texts, words)
    return 0


if __name__ == "__main__":
    sys.exit(main())
