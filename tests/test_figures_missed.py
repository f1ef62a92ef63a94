"""Figures the extractor missed on new writers (engineer X1's families; invented sentences).

Each row: the text (a heading line is added) and the figures it must give, in order, as
``(value, unit, metric)``; a figure must not be read where the row lists none.
"""

from __future__ import annotations

import pytest

from gongwen.extract.pipeline import document_from_text, extract


def _figures(text: str) -> list[tuple[str, str, str]]:
    return [(str(f.value), f.unit, f.metric) for f in extract(document_from_text("一、主要工作\n" + text)).figures]


# a ratio or coefficient named by its noun, written with no unit (units.yaml dimensionless_nouns)
DIMENSIONLESS = [
    ("income-ratio-from-to", "城乡居民收入比由上年的2.31缩小至2.27。",
     [("2.27", "", "城乡居民收入比")]),
    ("coefficient-to", "全县农田灌溉水有效利用系数提高到0.571，节水成效明显。",
     [("0.571", "", "农田灌溉水有效利用系数")]),
    ("coefficient-from-to-comma", "灌溉水有效利用系数由0.566提高到0.569，新增节水灌溉面积1.2万亩。",
     [("0.569", "", "灌溉水有效利用系数"), ("12000", "亩", "新增节水灌溉面积")]),
    ("ratio-to-one-list", "小学、初中生师比分别为15.4∶1和11.8∶1。",
     [("15.4", ":1", "初中生师比"), ("11.8", ":1", "初中生师比")]),
    ("gap-in-multiples", "城乡居民收入倍差由上年的2.05缩小到2.01。",
     [("2.01", "倍", "城乡居民收入倍差")]),
    # not named by a ratio noun: a bare number ending a sentence is no figure
    ("bare-number-no-noun", "全年接待来访群众，同比减少1.2。", []),
    # a ratio noun far back in another clause names nothing
    ("noun-in-another-clause", "城乡居民收入比继续缩小，全年新建公厕12。", []),
]


@pytest.mark.parametrize("text,want", [r[1:] for r in DIMENSIONLESS], ids=[r[0] for r in DIMENSIONLESS])
def test_a_ratio_named_by_its_noun_is_a_figure_without_unit(text: str, want: list[tuple[str, str, str]]) -> None:
    assert _figures(text) == want
