"""Headings of web and plain texts read anew in the twenty-first session (engineer T): a run-in
lead that holds digits of a name (12345热线, 5G) but no figure, and an unmarked line that is a
standard section title alone (2027年工作安排 after 一、…三、), a part of the report.

Every text here is invented for the test (a 局/院 report in the genre's words).
"""

from __future__ import annotations

import pytest

from gongwen.extract.pipeline import document_from_text, extract
from gongwen.model import Document


def outline(doc: Document) -> list[tuple[int, str, str]]:
    return [(h.level, h.marker, h.title) for h in doc.headings]


HOTLINE = """某县政务服务中心2026年前三季度工作总结
一、主要工作
（一）事项标准化持续推进。全面梳理县级政务服务事项1200项，其中依申请事项1015项。
（二）12345热线服务提质增效。1—9月，热线共受理群众诉求8.6万件，按时办结率99.2%。
（三）5G政务服务延伸到村。新建村级代办点46个，代办业务1.1万件。
（四）新增网办事项86项。全程网办率提高到78.4%。
"""


def test_a_run_in_lead_may_hold_the_digits_of_a_name_but_not_a_figure() -> None:
    ex = extract(document_from_text(HOTLINE))
    assert outline(ex.document) == [(1, "一、", "主要工作"), (2, "（一）", "事项标准化持续推进"),
                                    (2, "（二）", "12345热线服务提质增效"), (2, "（三）", "5G政务服务延伸到村")]
    sections = {f.as_written: f.section[-1] for f in ex.figures}
    assert sections["8.6万件"] == "12345热线服务提质增效" and sections["46个"] == "5G政务服务延伸到村"


PARTS = """某县人民检察院工作报告
一、坚持依法履职，维护安全稳定
全年受理审查逮捕案件312件，批准逮捕247人。
二、坚持司法为民，办好民生实事
办理司法救助案件38件，发放救助金46.5万元。
三、坚持从严治检，锻造过硬队伍
开展业务培训24期，参训干警860人次。
2027年工作安排
2027年，我院将认罪认罚从宽制度适用率稳定在90%以上。
"""


@pytest.mark.parametrize("line", ["2027年工作安排", "下一步工作打算", "存在的问题"])
def test_a_standard_part_title_alone_heads_a_part(line: str) -> None:
    ex = extract(document_from_text(PARTS.replace("2027年工作安排", line)))
    assert outline(ex.document)[-2:] == [(1, "三、", "坚持从严治检，锻造过硬队伍"), (1, "", line)]
    assert {f.as_written: list(f.section) for f in ex.figures}["90%"] == [line]


def test_a_sentence_is_no_part_title() -> None:
    ex = extract(document_from_text(PARTS.replace("2027年工作安排\n", "明年工作安排已经部署到位。\n")))
    assert [h.title for h in ex.document.headings][-1] == "坚持从严治检，锻造过硬队伍"
