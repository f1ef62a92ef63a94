"""The report's own metadata on copied pages: the title above the text rather than the page's
header, a year the copy withholds (20xx年), a plan the text only cites.

Every text here is invented for the test (a 妇联/档案 page in the genre's words).
"""

from __future__ import annotations

from gongwen.extract.pipeline import document_from_text

# a page's header names the kind of report but not its year; the report's own title stands
# right above its text
HEADED = """妇联半年工作总结
某县妇联2025年上半年工作总结及下半年工作打算
今年以来，县妇联围绕中心、服务大局，开展各类宣讲活动46场，覆盖妇女群众3200余人。
一、上半年主要工作
（一）思想引领。举办巾帼宣讲12场。"""


def test_the_title_above_the_text_is_the_reports_not_the_pages_header() -> None:
    md = document_from_text(HEADED).metadata
    assert md.title == "某县妇联2025年上半年工作总结及下半年工作打算"
    assert (md.year, md.kind, md.period) == (2025, "half-year", "2025-01/2025-06")


def test_a_header_naming_its_year_stays_the_title() -> None:
    text = HEADED.replace("妇联半年工作总结\n", "某县妇联2025年上半年工作总结\n")
    assert document_from_text(text).metadata.title == "某县妇联2025年上半年工作总结"


# a 范文 page: its header, its date, a teaser naming a year, then the report, whose year is withheld
MASKED = """妇联半年工作总结
发布时间：2024-09-18
某区妇联2022年上半年工作总结。
半年的时光转瞬即逝，下面是为大家整理的工作总结范文，欢迎参考。
某区妇联20xx年上半年工作总结
20xx年上半年，区妇联围绕中心工作，截至目前开展宣讲活动46场。
一、主要工作
（一）思想引领。举办巾帼宣讲12场。"""


def test_a_withheld_year_is_not_filled_from_a_teaser_or_the_pages_date() -> None:
    md = document_from_text(MASKED).metadata
    assert md.title == "某区妇联20xx年上半年工作总结"
    assert md.year is None and md.period is None and md.date is None
    assert md.kind == "half-year"


CITED = """某区档案局完成年度档案接收工作
为规范档案管理，我局把档案接收工作列入年度工作计划，要求各单位按时移交。
全年共接收59个单位的档案7837件，其中文书档案3426件。"""


def test_a_plan_the_text_cites_does_not_make_it_a_plan() -> None:
    assert document_from_text(CITED).metadata.kind is None
    own = CITED.replace("我局把档案接收工作列入年度工作计划，要求各单位按时移交", "现将2026年工作计划报告如下")
    assert document_from_text(own).metadata.kind == "plan"
