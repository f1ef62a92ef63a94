"""A structure one point off 100 (engineer E, session 16): 三次产业结构为 9.3:38.9:52.8 adds up to
101.0 — beyond the members' rounding (±0.15) and the half point shares computed from rounded
amounts may miss by: a slipped digit, an error, where a point's slack let it pass unsaid."""

from __future__ import annotations

import pytest

from gongwen.check import check
from gongwen.extract.pipeline import document_from_text, extract

TEXT = ("关于2025年青禾县学堂经济运行情况的报告\n一、经济运行\n（一）总体情况\n全县学堂总收入412.60亿元，"
        "其中书院收入38.20亿元，琴院收入160.50亿元，画院收入213.90亿元。\n三类学堂收入结构为{ratio}，画院占比继续提高。\n")


def _sums(ratio: str) -> list[tuple[str, str]]:
    r = check(extract(document_from_text(TEXT.format(ratio=ratio))))
    return [(f.status, f.severity) for f in r.by_code("GW101") if "100" in f.message]


@pytest.mark.parametrize("ratio, found", [
    ("9.3:38.9:51.8", [("consistent", "info")]),
    ("9.3:38.9:52.8", [("inconsistent", "error")]),  # 101.0: one member a point off
    ("8.3:38.9:51.8", [("inconsistent", "error")]),  # 99.0
    ("9.3:38.9:52.3", []),  # 100.5: within half a point beyond rounding, read only when it holds
    ("9.3:38.9:51.6", []),  # 99.8
], ids=["holds", "a-point-over", "a-point-under", "half-a-point", "a-fifth"])
def test_a_structure_a_point_off_is_a_slip(ratio: str, found: list[tuple[str, str]]) -> None:
    assert _sums(ratio) == found
