"""Periods the sixteenth session read anew (engineer PK); every table here is invented.

A table column whose header opens on 上年/去年 before what it counts holds the year before's
values, as a header of 上年 alone does.
"""

from __future__ import annotations

from gongwen.extract.pipeline import document_from_text, extract
from gongwen.figure import Figure

SUMMARY = "青禾县应急管理局2023年工作总结\n一、主要成效\n{}\n青禾县应急管理局\n2023年12月20日"


def _figures(text: str) -> dict[str, Figure]:
    return {f.as_written: f for f in extract(document_from_text(SUMMARY.format(text))).figures}


def test_a_column_opening_on_last_year_holds_last_years_values() -> None:
    f = _figures("分领域火情统计见下表。\n领域 | 火情起数（起） | 上年火情起数（起） | 去年受灾户数（户）\n"
                 "城镇 | 17 | 23 | 41\n全年火情总体下降。")
    assert (f["17"].period, f["23"].period, f["41"].period) == ("2023", "2022", "2022")
