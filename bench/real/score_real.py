#!/usr/bin/env python3
"""Score gongwen on real public report pages kept as facts (query, address, judged figures).

The repository keeps no page text: ``pages.tsv`` names each page (bureau, the search query that
finds it, its address, the sha256 and length of the excerpt that was judged) and
``<id>.figures.tsv`` holds the figures judged by hand in that excerpt (value, unit, program,
scope, metric, period, kind).  To score, save each excerpt to a scratch folder as ``<id>.txt``
(e.g. with the search tool, query as recorded; the sha256 must match) and run::

    python bench/real/score_real.py [SCRATCH_DIR]      # default $GONGWEN_REAL or /work/scratch/real
    python bench/real/score_real.py --pages r01-r24,r49-r56 [SCRATCH_DIR]   # ranges of ids, totals over them

It extracts every saved page with gongwen, aligns figures on (value, unit) in document order
(the shared scorer's LCS) and prints value precision/recall/F1 and label accuracy per page and
overall.  Pages whose excerpt is missing or differs are listed and skipped.

A page's publication date, where its address states one (``.../20230128/...``,
``t20251103_...``; the ``published`` column), is passed to the extractor as a crawler would
know it (``extract(..., date=)``): it dates only a page whose text states no date.
``--no-dates`` scores without it.
"""

from __future__ import annotations

import sys
from collections import defaultdict

from real_pages import HERE, saved_pages, scorer, tsv_rows  # bench/real/real_pages.py

LABELS = ("program", "scope", "metric", "period", "kind", "previous")


def page_ids(spec: str) -> set[str]:
    """``r01-r24,r49-r56,r30`` → the page ids in those ranges."""
    out: set[str] = set()
    for part in spec.split(","):
        lo, _, hi = part.partition("-")
        a, b = int(lo.lstrip("r")), int((hi or lo).lstrip("r"))
        out.update(f"r{i:02d}" for i in range(a, b + 1))
    return out


def main(argv: list[str]) -> int:
    from gongwen.extract.pipeline import extract

    use_dates = "--no-dates" not in argv
    show = [a.split("=", 1)[1].split(",") if "=" in a else list(LABELS) for a in argv if a.startswith("--misses")]
    argv = [a for a in argv if a != "--no-dates" and not a.startswith("--misses")]
    wanted = None
    if "--pages" in argv:
        k = argv.index("--pages")
        wanted = page_ids(argv[k + 1])
        argv = argv[:k] + argv[k + 2:]
    sc = scorer()
    tot: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    n_gold = n_pred = n_match = 0
    skipped = []
    print(f"{'page':<5} {'bureau':<8} {'gold':>4} {'pred':>4} {'P':>5} {'R':>5} " + " ".join(f"{k[:7]:>7}" for k in LABELS))
    for pg, src in saved_pages(argv):
        if wanted is not None and pg["id"] not in wanted:
            continue
        if src is None:
            skipped.append(pg["id"])
            continue
        gold = tsv_rows(HERE / f"{pg['id']}.figures.tsv")
        ex = extract(src, date=(pg.get("published") or None) if use_dates else None)
        figs = [f.to_json() for f in ex.figures]
        pairs = sc.lcs_align([sc.vkey(g["value"], g["unit"]) for g in gold],
                             [sc.vkey(p["value"], p["unit"]) for p in figs], key=lambda x: x)
        req = [g for g in gold if g["need"] == "req"]
        mreq = [(i, j) for i, j in pairs if gold[i]["need"] == "req"]
        mopt = len(pairs) - len(mreq)
        n_gold += len(req)
        n_pred += len(figs) - mopt
        n_match += len(mreq)
        acc: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        misses: list[str] = []
        for i, j in mreq:
            g, p = gold[i], figs[j]
            ok = {
                "program": (p.get("program") or "") == g["program"],
                "scope": sc.same_scope(p.get("scope"), g["scope"]),
                "metric": sc.char_f(p.get("metric"), g["metric"]) >= 0.5,
                "period": sc.period_ok(p, g["period"]),
                "kind": p.get("kind") == g["kind"],
                "previous": sc.same(sc.num(p.get("previous")), sc.num(g["prev"])),
            }
            for k, v in ok.items():
                if show and not v and k in show[0]:
                    f = ex.figures[j]
                    near = ex.document.text[max(0, f.span.start - 50):f.span.end + 10].replace("\n", "⏎")
                    misses.append(f"   {gold[i]['id']} {k}: gold={g[k if k != 'previous' else 'prev']!r} "
                                  f"got={p.get(k)!r} [{f.as_written}] …{near}")
                acc[k][0] += v
                acc[k][1] += 1
                tot[k][0] += v
                tot[k][1] += 1
        pr = len(mreq) / max(1, len(figs) - mopt)
        rc = len(mreq) / max(1, len(req))
        print(f"{pg['id']:<5} {pg['bureau']:<8} {len(req):>4} {len(figs):>4} {pr:5.2f} {rc:5.2f} "
              + " ".join(f"{acc[k][0] / max(1, acc[k][1]):7.2f}" for k in LABELS))
        for line in misses:
            print(line)
    p = n_match / max(1, n_pred)
    r = n_match / max(1, n_gold)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"ALL   value P={p:.3f} R={r:.3f} F1={f1:.3f}  "
          + " ".join(f"{k}={tot[k][0] / max(1, tot[k][1]):.2f}" for k in LABELS))
    if skipped:
        print(f"skipped (excerpt missing or changed): {' '.join(skipped)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
