"""A table column that names only the value (绝对额, 2025年绝对值) names no measure: the row does — an
indicator by its label, a category by the measure its label carries or, under an indicator's row,
by that indicator; the change column beside it is the change of that (invented tables)."""

from __future__ import annotations

from gongwen.extract.pipeline import document_from_text, extract
from gongwen.figure import Figure


def _cells(text: str) -> dict[str, Figure]:
    return {f.as_written: f for f in extract(document_from_text(text)).figures if f.source == "table"}


def test_a_bare_value_column_takes_the_row_as_its_measure() -> None:
    f = _cells("一、经济运行\n前三季度全县用电情况如下。\n指标\t绝对额(亿千瓦时)\t同比增长(%)\n"
               "全社会用电量\t41.7\t4.4\n第一产业\t3.3\t2.1\n第二产业\t21.9\t5.2\n")
    assert f["41.7"].metric == "全社会用电量"
    assert f["4.4"].metric == "全社会用电量增速"
    assert (f["3.3"].scope, f["3.3"].metric) == ("第一产业", "全社会用电量")  # (a category under the indicator: its part)
    assert f["5.2"].metric == "全社会用电量增速"


def test_a_period_column_of_bare_values_is_the_rows_measure() -> None:
    f = _cells("一、经济运行\n全年主要指标见下表。\n指标\t2025年绝对值\t比上年增长（%）\n地区生产总值（亿元）\t52.8\t5.5\n"
               "其中：第一产业增加值\t12.6\t3.1\n第二产业增加值\t40.2\t6.0\n")
    assert f["52.8"].metric == "地区生产总值"
    assert f["12.6"].metric == f["40.2"].metric == "增加值"
