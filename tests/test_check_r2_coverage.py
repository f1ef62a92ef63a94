"""Engineer R2: relations the text states that the checker reads (invented words)."""

from __future__ import annotations

from test_check_r_coverage import _verdicts  # the same invented report head and helpers

IMPLIED = "全年蔬菜产量1,320吨，较上年增加120吨，增长{r}。"


def test_a_change_and_its_rate_that_agree() -> None:
    assert _verdicts(IMPLIED.format(r="10.0%"), "GW124") == [
        ("consistent", "info", ("1,320吨", "10.0%", "120吨"))]


def test_a_misprint_that_leaves_no_last_year_does_not_hide_a_wrong_rate() -> None:
    # 1,320 with its 3 dropped is 120, the change itself: last year's value would be zero
    assert _verdicts(IMPLIED.format(r="12.0%"), "GW124") == [
        ("inconsistent", "error", ("1,320吨", "12.0%", "120吨"))]


PLAN = ("全县安排重点项目96个，总投资842亿元，年度计划投资175亿元。其中：续建项目51个，年度计划投资{a}亿元；"
        "新开工项目45个，年度计划投资76亿元。")


def test_the_parts_of_a_list_opening_a_sentence_go_under_the_whole_they_are_named_after() -> None:
    found = _verdicts(PLAN.format(a="99"), "GW108")
    assert ("consistent", "info", ("175亿元", "76亿元", "99亿元")) in found
    assert not any("842亿元" in v[2] for v in found)


def test_parts_that_exceed_the_whole_they_are_named_after_are_reported() -> None:
    found = _verdicts(PLAN.format(a="129"), "GW108")
    assert [v[:2] for v in found if "175亿元" in v[2]] == [("inconsistent", "warning")]


BY_SECTOR = ("全年全县地区生产总值418.6亿元，按不变价格计算增长5.1%。\n（二）产业结构。分产业看，第一产业增加值"
             "{a}亿元，增长3.2%；第二产业增加值152.7亿元，增长4.8%；第三产业增加值216.4亿元，增长5.9%。")


def test_a_breakdown_by_a_criterion_adds_up_to_the_whole_stated_before_it() -> None:
    assert _verdicts(BY_SECTOR.format(a="49.5"), "GW101") == [
        ("consistent", "info", ("152.7亿元", "216.4亿元", "418.6亿元", "49.5亿元"))]


def test_a_breakdown_that_does_not_add_up_is_no_finding() -> None:
    # the parts named after 分…看 may not be all of the whole
    assert _verdicts(BY_SECTOR.format(a="39.5"), "GW101") == []


ACCIDENTS = ("全年发生生产安全事故由上年的31起下降到26起，死亡人数由上年的19人下降到15人。分行业领域看：道路交通事故"
             "17起、死亡10人；工矿商贸事故7起、死亡4人；火灾事故2起、死亡1人。")


def test_a_breakdown_of_two_measures_adds_up_to_each_whole() -> None:
    found = _verdicts(ACCIDENTS, "GW101")
    assert ("consistent", "info", ("17起", "26起", "2起", "7起")) in found
    assert ("consistent", "info", ("10人", "15人", "1人", "4人")) in found


STRUCTURE = ("全年全县地区生产总值418.6亿元，按不变价格计算增长5.1%。\n（二）产业结构。分产业看，第一产业增加值49.5亿元，"
             "增长3.2%；第二产业增加值152.7亿元，增长4.8%；第三产业增加值216.4亿元，增长5.9%。\n三次产业结构为{s}，"
             "服务业支撑作用增强。")


def test_a_structure_written_with_the_ratio_sign_is_each_part_over_the_whole_stated_further_up() -> None:
    found = _verdicts(STRUCTURE.format(s="11.8∶36.5∶51.7"), "GW107")
    assert ("consistent", "info", ("11.8", "418.6亿元", "49.5亿元")) in found
    assert ("consistent", "info", ("152.7亿元", "36.5", "418.6亿元")) in found
    assert ("consistent", "info", ("216.4亿元", "418.6亿元", "51.7")) in found


def test_a_structure_read_that_far_is_no_finding_when_it_does_not_hold() -> None:
    # the parts and their whole read from earlier paragraphs: a miss may be another pairing
    found = _verdicts(STRUCTURE.format(s="12.8∶35.5∶51.7"), "GW107")
    assert [v[0] for v in found] == ["consistent"] and "51.7" in found[0][2]


COUNTED = ("截至3月底，全市企业职工基本养老保险参保人数由上年末的51.25万人增加到52.40万人，净增1.15万人；城乡居民基本养老"
           "保险参保人数73.18万人。两项基本养老保险合计参保{t}万人。")


def test_a_counted_total_adds_the_items_of_the_sentences_before_it() -> None:
    assert _verdicts(COUNTED.format(t="125.58"), "GW102") == [
        ("consistent", "info", ("125.58万人", "52.40万人", "73.18万人"))]


def test_a_counted_total_read_back_that_does_not_add_up_is_no_finding() -> None:
    # the items were picked by position before the total's sentence: they may be others
    assert _verdicts(COUNTED.format(t="127.58"), "GW102") == []
