"""A table column whose header is a total word alone (合计) or a share word alone (占比) names no measure
of its own: a 合计 cell is the total of its row's measure, a share cell the row's share of the measure in
the column before it — never a metric named 合计 or 占比 (invented tables)."""

from __future__ import annotations

from gongwen.extract.pipeline import document_from_text, extract
from gongwen.figure import Figure


def _cells(text: str) -> dict[str, Figure]:
    return {f.as_written: f for f in extract(document_from_text(text)).figures if f.source == "table"}


def test_a_total_column_sums_its_rows_measure() -> None:
    f = _cells("一、应急物资保障\n主要应急物资储备如下。\n物资名称\t单位\t市级储备\t区级储备\t合计\n"
               "防汛沙袋\t万条\t12.5\t30.5\t43.0\n救生衣\t件\t800\t2100\t2900\n")
    assert f["43.0"].metric != "合计" and f["43.0"].metric.startswith("防汛沙袋")
    assert f["2900"].metric.startswith("救生衣")


def test_a_total_column_after_quarters_is_the_rows_indicator() -> None:
    f = _cells("一、基层组织建设\n各季度发展情况如下。\n项目\t一季度\t二季度\t三季度\t合计\n"
               "新发展会员（名）\t31\t47\t52\t130\n")
    assert f["130"].metric == f["31"].metric == "新发展会员人数"


def test_a_share_column_is_the_share_of_the_measure_before_it() -> None:
    f = _cells("一、业务办理\n全年各类业务办理情况如下。\n业务类别\t办件数量（件）\t占比（%）\n"
               "个人事务\t2140\t71.3\n企业事务\t862\t28.7\n合计\t3002\t100.0\n")
    assert f["71.3"].metric == f["28.7"].metric == "办件数量占比"
    assert f["100.0"].metric == "办件数量占比"


def test_a_share_column_skips_a_period_and_the_columns_it_does_not_divide() -> None:
    f = _cells("一、生产运行\n前三季度各站运行情况如下。\n泵站  装机容量(千瓦)  前三季度排水量(万立方米)  占比(%)\n"
               "东湖泵站  800  1250.4  62.5\n西岭泵站  500  750.2  37.5\n")
    assert f["62.5"].metric == "排水量占比"


def test_a_named_share_column_keeps_its_name() -> None:
    f = _cells("一、业务办理\n全年各类业务办理情况如下。\n业务类别\t办件数量（件）\t网办占比（%）\n"
               "个人事务\t2140\t71.3\n")
    assert f["71.3"].metric == "网办占比"
