"""Engineer U4 (wave 12): 其中 lists the words close (invented words) — the whole states how many
kinds it holds and the list names that many, or the parts are a known partition of the whole
(专职/兼职, 县内/县外, 夏粮/秋粮, 新开工/续建 …).  Closed, a list that misses its whole is an error,
whatever the values; an open list (早稻 alone, 城区/农村) stays within its whole."""

from __future__ import annotations

from test_check_r_coverage import _report, _verdicts  # the same invented report head and helpers

COUNTED = "全年兑付三项惠农补贴资金{t}万元，其中耕地地力补贴412.5万元、农机购置补贴236.0万元、稻谷补贴98.4万元。"


def test_a_whole_counting_its_kinds_is_the_sum_of_that_many_parts() -> None:
    assert ("consistent", "info", ("236.0万元", "412.5万元", "746.9万元", "98.4万元")) in _verdicts(
        COUNTED.format(t="746.9"), "GW101")


def test_a_part_made_smaller_under_a_counted_whole_is_an_error() -> None:
    found = _report(COUNTED.format(t="764.9")).by_code("GW101")
    assert [(f.status, f.severity) for f in found] == [("inconsistent", "error")]


def test_a_count_of_other_kinds_leaves_the_list_open() -> None:
    # 两项 counts the parts, but three are listed: some other reading, so only ≤ holds
    text = "全年兑付两项惠农补贴资金900.0万元，其中耕地地力补贴412.5万元、农机购置补贴236.0万元、稻谷补贴98.4万元。"
    report = _report(text)
    assert not report.problems
    assert [f.status for f in report.by_code("GW108")] == ["consistent"]


STAFF = "全镇现有社区矫正协管员{t}人，其中专职协管员38人、兼职协管员126人，实现村居全覆盖。"


def test_full_time_and_part_time_staff_make_the_whole() -> None:
    assert ("consistent", "info", ("126人", "164人", "38人")) in _verdicts(STAFF.format(t="164"), "GW101")
    assert not _report(STAFF.format(t="164")).problems


def test_full_time_and_part_time_staff_short_of_the_whole_is_an_error() -> None:
    found = _report(STAFF.format(t="184")).by_code("GW101")
    assert [(f.status, f.severity) for f in found] == [("inconsistent", "error")]


PROJECTS = "全年共实施农田水利项目{t}个，其中新开工项目19个，续建项目8个。"


def test_new_and_continued_projects_make_the_year_s_projects() -> None:
    assert not _report(PROJECTS.format(t="27")).problems
    found = _report(PROJECTS.format(t="29")).by_code("GW101")
    assert [(f.status, f.severity) for f in found] == [("inconsistent", "error")]


GRAIN = "全年粮食总产量{t}万吨，其中夏粮6.18万吨、早稻2.04万吨，秋粮产量稳中有增。"


def test_an_open_set_of_seasons_leaves_the_list_within_its_whole() -> None:
    # 夏粮 and 早稻 name only some of the year's harvests: within the whole, no error however far short
    report = _report(GRAIN.format(t="19.30"))
    assert not [f for f in report.problems if f.severity == "error"]
    assert [f.status for f in report.by_code("GW108")] == ["consistent"]


GRID = "全街道划分网格{t}个，其中基础网格52个、园区和商圈等专属网格9个。"


def test_a_part_named_by_examples_of_its_category_still_closes_the_list() -> None:
    # 园区和商圈等专属网格: dedicated grids, of which these are examples — all of them
    assert not _report(GRID.format(t="61")).problems
    found = _report(GRID.format(t="16")).by_code("GW101")
    assert [(f.status, f.severity) for f in found] == [("inconsistent", "error")]


ENTITIES = "全年全县新登记经营主体{t}户，其中新登记企业412户、个体工商户1,506户、农民专业合作社23户。"


def test_a_part_repeating_the_whole_s_own_qualifier_still_closes_the_list() -> None:
    # 新登记 is the whole's own word, not one narrowing the 企业 to a kind of them
    assert not _report(ENTITIES.format(t="1,941")).problems
    found = _report(ENTITIES.format(t="1,914")).by_code("GW101")
    assert [(f.status, f.severity) for f in found] == [("inconsistent", "error")]


def test_a_partition_short_of_a_rounded_whole_is_an_error() -> None:
    # 实物配租 and 领取租赁补贴 are all of public rental housing: 8,200 is not 1.12 万 however rounded
    found = _report("截至6月底，全市公租房在保家庭1.12万户，其中实物配租7860户、领取租赁补贴340户。").by_code("GW101")
    assert [(f.status, f.severity) for f in found] == [("inconsistent", "error")]
