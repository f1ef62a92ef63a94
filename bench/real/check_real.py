#!/usr/bin/env python3
"""The checker's errors and warnings on the real pages, against the list judged by hand.

Every error and warning `gongwen check` raises on a saved page (see ``score_real.py`` for how
the excerpts are saved and verified by sha256) is looked up in ``check_judged.tsv`` (page, code,
the operands as the finding shows them, verdict true/false, reason).  The script prints each
finding with its verdict, the findings nobody judged yet, and false alarms per ten pages::

    python bench/real/check_real.py [SCRATCH_DIR]    # default $GONGWEN_REAL or /work/scratch/real

A finding is matched to a judged row by page, code and the row's ``figures`` text: every
literal in it (416户, 30.6% …) must appear in the finding's message.
"""

from __future__ import annotations

import re
import sys

from real_pages import HERE, saved_pages, tsv_rows  # bench/real/real_pages.py

_LITERAL = re.compile(r"[\d.,]+[^\s\d.,÷≠⊇+=−×、（）()]*")


def _matches(row: dict[str, str], page: str, code: str, message: str) -> bool:
    if row["id"] != page or row["code"].split()[0] != code:
        return False
    return all(lit in message for lit in _LITERAL.findall(row["figures"]))


def main(argv: list[str]) -> int:
    from gongwen.check import check_extraction
    from gongwen.extract.pipeline import extract

    judged = tsv_rows(HERE / "check_judged.tsv")
    seen = false = unjudged = checked = 0
    for pg, src in saved_pages(argv):
        if src is None:
            print(f"{pg['id']}: excerpt missing or changed, skipped")
            continue
        checked += 1
        report = check_extraction(extract(src))
        for f in report.problems:
            seen += 1
            row = next((r for r in judged if _matches(r, pg["id"], f.code, f.message)), None)
            verdict = row["verdict"] if row else "UNJUDGED"
            false += verdict == "false"
            unjudged += row is None
            print(f"{pg['id']} {f.severity:<7} {f.code} [{verdict}] {f.message}")
    print(f"pages: {checked}, errors and warnings: {seen}, judged false: {false}, not judged: {unjudged}; "
          f"false alarms per 10 pages: {false * 10 / max(checked, 1):.1f}")
    return 1 if unjudged else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
