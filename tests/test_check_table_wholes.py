"""A table's whole (合计 row or column, the row of the whole jurisdiction) restated in the text by
its value, where the names of the table do not pair it (invented words)."""

from __future__ import annotations

from decimal import Decimal

from gongwen.check import check
from gongwen.check.repeats.table_wholes import significant_digits
from gongwen.extract.pipeline import document_from_text, extract

CAPTIONED = """关于2025年青苇区调解工作情况的报告
全年共受理各类调解案件{summary}件，调解成功率保持在较高水平。
一、调解工作
（一）案件受理稳中有升
各类调解案件受理情况如下：
| 案件类别 | 数量（件） | 占比（%） |
| 邻里纠纷 | 1,530 | 55.4 |
| 婚姻家庭纠纷 | 806 | 29.2 |
| 其他纠纷 | 427 | 15.4 |
| 合计 | 2,763 | 100.0 |
"""


def _restated(text: str) -> list[tuple[str, str]]:
    r = check(extract(document_from_text(text)))
    return [(f.status, f.message) for f in r.by_code("GW125")]


def test_opening_summary_restates_the_total_its_words_do_not_name() -> None:
    got = _restated(CAPTIONED.format(summary="2763"))
    assert [s for s, m in got if "2763件" in m and "合计" in m] == ["consistent"]


def test_a_value_that_differs_is_left_unsaid() -> None:
    # found by value, the pairing is never reported: 2736 may be another count
    got = _restated(CAPTIONED.format(summary="2736"))
    assert not [m for _, m in got if "2736" in m]


QUARTERS = """关于2025年青苇县前三季度人才工作情况的报告
一、人才引进
前三季度全县引进各类人才{stated}名，人才结构持续优化。
| 项目 | 一季度 | 二季度 | 三季度 | 合计 |
| 引进人才（名） | 34 | 51 | 62 | 147 |
"""


def test_a_period_word_holding_a_columns_name_does_not_block_the_total() -> None:
    # 前三季度 holds 三季度, one column's name: the total of the three quarters is still the text's
    got = _restated(QUARTERS.format(stated="147"))
    assert [s for s, m in got if "147名" in m] == ["consistent"]


def test_significant_digits() -> None:
    assert significant_digits(Decimal("2763")) == 4
    assert significant_digits(Decimal("100.0")) == 1
    assert significant_digits(Decimal("91.2")) == 3
    assert significant_digits(Decimal("1200")) == 2


INDICATORS = """青苇镇卫生院2025年上半年工作总结
一、基本医疗
上半年完成住院分娩{births}例，较去年同期增长5.3%；开展家庭病床巡诊{visits}人次。
二、上半年主要指标
| 指标 | 单位 | 2025年上半年 | 2024年上半年 |
| 住院分娩人数 | 例 | 417 | 396 |
| 巡诊服务量 | 人次 | 2,683 | 2,504 |
"""


def test_a_cell_is_restated_where_the_text_names_its_row_by_a_word_of_it() -> None:
    # 住院分娩 names the row 住院分娩人数; 巡诊 names 巡诊服务量 (the table stands in a section of its own)
    got = _restated(INDICATORS.format(births="417", visits="2,683"))
    assert [s for s, m in got if "417例" in m and "住院分娩" in m] == ["consistent"]
    assert [s for s, m in got if "2,683人次" in m and "巡诊" in m] == ["consistent"]


def test_a_value_the_text_states_twice_tells_no_cell() -> None:
    text = INDICATORS.format(births="417", visits="2,683").replace(
        "二、上半年", "另为辖区学校开展健康巡诊2,683人次。\n二、上半年")
    assert not [m for _, m in _restated(text) if "2,683人次" in m]


GROWTH = """青苇镇学堂2025年上半年工作总结
一、学业辅导
上半年完成学堂辅导2,683人次，较去年同期的2,504人次增长{growth}%。
二、上半年主要指标
| 指标 | 单位 | 2025年上半年 | 2024年上半年 | 同比增减(%) |
| 辅导服务量 | 人次 | 2,683 | 2,504 | 7.1 |
| 家访户数 | 户 | 412 | 388 | 6.2 |
"""


def test_the_cell_beside_a_restated_cell_in_its_sentence_is_its_row_mate() -> None:
    # 2,683 人次 restates the row 辅导服务量 (by its value and 辅导); the growth stated with it is the
    # row's 同比增减 cell, two columns away
    got = _restated(GROWTH.format(growth="7.1"))
    assert [s for s, m in got if "7.1%" in m] == ["consistent"]


def test_a_growth_that_differs_beside_a_restated_cell_is_left_unsaid() -> None:
    got = _restated(GROWTH.format(growth="1.7"))
    assert not [m for _, m in got if "1.7%" in m]
