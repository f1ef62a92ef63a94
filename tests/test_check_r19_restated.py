"""Session 19, part R: one fact stated twice the checker did not pair — a table cell restated by
its row alone, the unit telling its column; a rate restated after an equal level; a target set once
and restated in the plan (invented words)."""

from __future__ import annotations

from gongwen.check import check
from gongwen.extract.pipeline import document_from_text, extract

FUNDS = """关于2026年柳湾县帮扶资金发放情况的报告
一、年度工作
（一）帮扶资金发放
全年帮扶资金发放情况见下表。
| 帮扶类别 | 保障人数（人） | 发放金额（万元） |
| 困难帮扶 | 2,316 | 418.6 |
| 临时帮扶 | 905 | 96.2 |
| 合计 | 3,221 | 514.8 |
（二）困难帮扶提标扩面
截至年底，全县共有帮扶对象1,530户3,221人，其中困难帮扶860户{hard}人、临时帮扶670户905人。全年发放困难帮扶金{money}万元，按月足额到户。
"""


def _messages(text: str, code: str) -> list[tuple[str, str]]:
    r = check(extract(document_from_text(text)))
    return [(f.status, f.message) for f in r.by_code(code)]


def test_row_named_and_the_unit_tells_the_column() -> None:
    got = _messages(FUNDS.format(hard="2,316", money="418.6"), "GW125")
    assert ("consistent", "正文 2,316人 与表中“困难帮扶保障” 2,316人 一致") in got
    assert ("consistent", "正文 905人 与表中“临时帮扶保障” 905人 一致") in got
    assert ("consistent", "正文 418.6万元 与表中“困难帮扶发放金” 418.6万元 一致") in got


def test_unit_reading_only_confirms() -> None:
    # another value under the row's name may be another quantity (a month, a part): no finding
    got = _messages(FUNDS.format(hard="2,361", money="481.6"), "GW125")
    assert not [m for _, m in got if "困难帮扶" in m]


RATES = """关于2026年柳湾县招商引资工作情况的报告
全年实现引进资金52.4亿元，完成年度目标任务的104.8%；全县居民健身达标比例达到38.60%，较上年提高1.45个百分点。
一、主要工作成效
（一）引资规模稳步扩大。全年引进资金{level}亿元，比上年的47.9亿元增长9.4%，完成年度目标任务50亿元的104.8%。
（二）全民健身深入开展。全县居民健身达标比例为38.60%，由上年的37.15%提高1.45个百分点。
"""


def test_rate_restated_after_an_equal_level() -> None:
    got = _messages(RATES.format(level="52.4"), "GW112")
    assert any(s == "consistent" and "104.8%" in m and "完成率" in m for s, m in got)
    assert any(s == "consistent" and "1.45个百分点" in m for s, m in got)


def test_rate_after_another_level_is_not_paired() -> None:
    got = _messages(RATES.format(level="52.6"), "GW112")
    assert not any("104.8%" in m for _, m in got)


TARGET = """关于2026年柳湾县医疗保障工作情况的报告
一、上半年主要工作成效
（一）职工基本医疗保险参保扎实推进。今年市下达我县的年度参保任务为36.5万人，目前已完成98.2%。
二、下半年工作打算
（一）全力抓好参保扩面。力保完成{plan}万人的年度参保任务。做好断缴人员续保工作。
"""


def test_target_set_once_restated_in_the_plan() -> None:
    got = _messages(TARGET.format(plan="36.5"), "GW112")
    assert any(s == "consistent" and "36.5万人" in m for s, m in got)


def test_another_target_value_is_left_unsaid() -> None:
    got = _messages(TARGET.format(plan="38.5"), "GW112")
    assert not any(s == "consistent" for s, _ in got)


CLASSES = """关于2026年柳湾县科普工作情况的报告
一、主要工作
（一）阵地建设。全年新认定县级科普驿站{new}个，全县科普驿站达到31个，其中省级3个、市级9个、县级19个。本年度新建园区学会4个、社区学会2个，全县园区学会达到12个。
（二）创建工作。全年新命名县级示范社区5个、新获评市级示范社区2个。
截至年底，全县累计创建各级示范社区48个，其中市级11个、县级37个。
"""


def _subsets(text: str) -> list[tuple[str, str, frozenset[str]]]:
    r = check(extract(document_from_text(text)))
    return [(f.status, f.severity, frozenset(g.as_written for g in f.figures)) for f in r.by_code("GW126")]


def test_new_figures_within_their_class_stock() -> None:
    got = _subsets(CLASSES.format(new="6"))
    assert ("consistent", "info", frozenset({"6个", "19个"})) in got
    assert ("consistent", "info", frozenset({"4个", "12个"})) in got
    assert ("consistent", "info", frozenset({"5个", "37个"})) in got
    assert ("consistent", "info", frozenset({"2个", "11个"})) in got
    assert not any(s == "consistent" and parts == frozenset({"2个", "12个"}) for s, _, parts in got)


def test_new_beyond_its_class_stock_is_left_unsaid() -> None:
    # the class pairing is read from names: a new figure above the stock is another reading, no alarm
    got = _subsets(CLASSES.format(new="26"))
    assert not any(parts == frozenset({"26个", "19个"}) for _, _, parts in got)
