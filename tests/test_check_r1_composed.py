"""Engineer R1 (wave 14): a whole the text names by a category made of others (义务教育 = 小学 +
初中) is the sum of the table rows so named (invented words)."""

from __future__ import annotations

from test_check_k3_coverage import _table
from test_check_r_coverage import _report, _verdicts  # the same invented report head and helpers

SCHOOLS = ("全县各学段办学情况见下表。\n" +
           _table("学段 | 学校数（所） | 在校学生数（人） | 专任教师数（人）",
                  "幼儿园 | 52 | 9,840 | 760",
                  "小学 | 31 | 28,460 | 1,905",
                  "初中 | 14 | 13,220 | 1,118",
                  "普通高中 | 4 | 7,380 | 642") +
           "（二）义务教育\n全县{s}所义务教育学校共有在校生{n}人，巩固率达到99.1%。\n")


def test_a_whole_named_by_a_composed_category_adds_up_the_rows_of_its_members() -> None:
    found = _verdicts(SCHOOLS.format(s="45", n="41,680"), "GW101")
    assert ("consistent", "info", ("14", "31", "45所")) in found
    assert ("consistent", "info", ("13,220", "28,460", "41,680人")) in found


def test_a_composed_whole_that_does_not_add_up_is_left_unsaid() -> None:
    # found by name, the rows may not be all the category holds (九年一贯制学校): nothing reported
    assert not [f for f in _report(SCHOOLS.format(s="47", n="41,880")).problems if f.code == "GW101"]
