"""ASCII thousands commas (3,215户, 1,650元) never end a clause (issue 9, family 7).

The number grammar reads 3,215 as one number; the change grammar and the 分别 pairing must
not take its comma for a clause break either.  Sentences are our own.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from gongwen.extract.figures.grammar.changes import find_changes
from gongwen.extract.figures.grammar.numbers import find_quantities
from gongwen.extract.figures.grammar.numerals import thousands_comma
from gongwen.extract.figures.labels.labeller import Labeller
from gongwen.extract.figures.words.vocab import choose_vocab, load_vocab
from gongwen.extract.pipeline import document_from_text, extract

COMMAS = [
    ("grouping", "3,215户", 1, True),
    ("grouping-long", "1,234,567元", 5, True),
    ("list-comma", "发放100元,200元", 6, False),
    ("two-digits-after", "第1,22项", 2, False),
    ("four-digits-after", "共12,3456人", 2, False),
    ("fullwidth-grouping", "４，５６５元", 1, True),
    ("clause-comma", "全年完成,其中", 4, False),
]


@pytest.mark.parametrize("text,i,expected", [r[1:] for r in COMMAS], ids=[r[0] for r in COMMAS])
def test_thousands_comma(text: str, i: int, expected: bool) -> None:
    assert thousands_comma(text, i) is expected


PAIRS = [
    ("listed-from-to", "城乡低保标准分别由1,650元、1,200元提高到1,780元、1,300元",
     [("1650", "1780"), ("1200", "1300")]),
    ("listed-from-to-rates", "护理补贴分别由每人每月1,050元、2,100元提高到每人每月1,150元、2,300元",
     [("1050", "1150"), ("2100", "2300")]),
    ("single-from-to-comma-in-number", "救助标准由1,650元提高到1,780元", [("1650", "1780")]),
    ("clause-comma-still-breaks", "补助资金1,650元,提高到1,780元", []),
]


@pytest.mark.parametrize("text,pairs", [r[1:] for r in PAIRS], ids=[r[0] for r in PAIRS])
def test_from_to_pairs_over_grouped_numbers(text: str, pairs: list[tuple[str, str]]) -> None:
    got = [(c.previous.value, c.new.value) for c in find_changes(text, find_quantities(text))
           if c.kind == "from_to" and c.previous is not None and c.new is not None]
    assert got == [(Decimal(a), Decimal(b)) for a, b in pairs]


def test_distributed_list_with_grouped_numbers() -> None:
    ex = extract(document_from_text("城乡低保标准分别由1,650元、1,200元提高到1,780元、1,300元。"))
    assert [(f.value, f.previous, f.scope) for f in ex.figures] == [
        (Decimal(1780), Decimal(1650), "城市"), (Decimal(1300), Decimal(1200), "农村")]


def test_distributive_verb_over_grouped_numbers() -> None:
    text = "城乡居民收入分别增长1,200元、2,300元"
    deltas = [c.delta for c in find_changes(text, find_quantities(text))]
    assert deltas == [Decimal(1200), Decimal(2300)]


# The labeller's clause does not end at the comma inside 3,215 (thousands_comma()).
def test_labeller_clause_spans_grouped_number() -> None:
    doc = document_from_text("全县共有城市低保对象3,215户5,468人。")
    lab = Labeller(doc, load_vocab(choose_vocab(None, None)))
    o = doc.text.index("5,468")
    assert lab.clause_start(o) == 0
