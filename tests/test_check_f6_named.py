"""Engineer F6 (wave 12), from engineer F4's branch: a whole the words name (invented words) — a
whole named with the 总 that says it is the whole (占户籍总人口的) is the figure named without it
(全县户籍人口); a share whose cue names its whole, where one fact of the text before it carries that
name, is read by that name and checked (a miss warns: a name a cue gives in another sentence may be
another figure's, so it is not the words' only reading); a cue naming another place
(占全省…的, 占全市…的 in a county's report) has no whole among the place's own figures."""

from __future__ import annotations

from test_check_r_coverage import _report, _verdicts  # the same invented report head and helpers

AGED = "全县户籍人口48.6万人，常住人口52.3万人。\n（二）老龄工作\n全县60岁及以上老年人11.2万人，占户籍总人口的{s}%。"


def test_a_whole_named_with_its_总_is_the_figure_named_without_it() -> None:
    # 户籍总人口 is 户籍人口, the whole: not 常住人口 nor nothing
    assert _verdicts(AGED.format(s="23.0"), "GW107") == [("consistent", "info", ("11.2万人", "23.0%", "48.6万人"))]


SPENT = ("全年一般公共预算支出完成128.54亿元，完成调整预算的95.7%。\n（二）保障民生\n各级财政坚持有保有压，"
         "全年用于民生领域的支出103.62亿元，占一般公共预算支出的比重达到{s}%。")


def test_a_share_of_the_one_fact_its_words_name_is_checked_as_stated() -> None:
    assert _verdicts(SPENT.format(s="80.6"), "GW107") == [("consistent", "info", ("103.62亿元", "128.54亿元", "80.6%"))]
    assert [f.code for f in _report(SPENT.format(s="80.6")).problems] == []


def test_a_share_that_misses_the_one_fact_its_words_name_warns() -> None:
    # no misprint explains 82.1; the whole is found by its name in another paragraph: a warning
    assert _verdicts(SPENT.format(s="82.1"), "GW107") == [("inconsistent", "warning", ("103.62亿元", "128.54亿元", "82.1%"))]


def test_a_whole_named_by_two_facts_leaves_the_share_a_warning() -> None:
    # 市本级一般公共预算支出 is another fact under the same words: which whole is meant is a reading
    two = SPENT.replace("完成调整预算的95.7%", "其中市本级一般公共预算支出68.20亿元")
    assert [v[:2] for v in _verdicts(two.format(s="82.1"), "GW107")] in ([], [("inconsistent", "warning")])


REVENUE = "全县一般公共预算收入10.5亿元，同比增长5.2%。\n（二）财源建设\n全县税收收入8.2亿元，占{w}一般公共预算收入的{s}%。"


def test_a_share_of_the_one_fact_named_with_its_place_is_an_error_when_missed() -> None:
    assert _verdicts(REVENUE.format(w="全县", s="78.1"), "GW107") == [
        ("consistent", "info", ("10.5亿元", "78.1%", "8.2亿元"))]
    assert _verdicts(REVENUE.format(w="全县", s="84.0"), "GW107") == [
        ("inconsistent", "error", ("10.5亿元", "8.2亿元", "84.0%"))]


def test_a_share_of_another_place_s_whole_has_no_whole_in_the_text() -> None:
    # the county's revenue is no whole of a share of the province's or the city's
    for w, s in (("全省", "0.9"), ("全市", "12.4")):
        assert _verdicts(REVENUE.format(w=w, s=s), "GW107") == []
        assert [f.code for f in _report(REVENUE.format(w=w, s=s)).problems] == []
