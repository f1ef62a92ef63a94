"""Vocabulary word lists are sorted longest first once per run (intervals.longest_first), not on
every call of a checker function (session 14, engineer S)."""

from __future__ import annotations

import re
from pathlib import Path

import gongwen.check
from gongwen.check.evaluation.intervals import longest_first, vocab

# sorted once by construction: the helper itself, two patterns compiled once (@cache), and the
# aliases of one exhaustive set (a nested entry, not a list of the vocabulary)
ONCE = {"evaluation/intervals.py": 1, "sums/totals.py": 1, "proportions/shares.py": 1, "reading/textindex.py": 1}


def test_no_checker_module_sorts_a_vocabulary_list_per_call() -> None:
    root = Path(gongwen.check.__file__).parent
    sorts = {}
    for p in root.rglob("*.py"):
        n = len(re.findall(r"key=len,\s*reverse=True", p.read_text(encoding="utf-8")))
        if n:
            sorts[p.relative_to(root).as_posix()] = n
    assert sorts == ONCE


def test_longest_first_keeps_every_word_once_longest_first_in_the_order_named() -> None:
    words = longest_first("subject_prefixes", "half_year_words", extra=("上半年",))
    v = vocab()
    assert set(words) == {*v["subject_prefixes"], *v["half_year_words"], "上半年"}
    assert len(words) == len(set(words))
    assert [len(w) for w in words] == sorted((len(w) for w in words), reverse=True)
    # a tie keeps the order the lists are named in (extra first): not a set's order of the run
    same = [w for w in words if len(w) == len("上半年")]
    assert same[0] == "上半年"
    assert longest_first("subject_prefixes", "half_year_words", extra=("上半年",)) is words  # cached

