"""Engineer E (wave 21): a fact stated twice and misprinted once (the mutation bench's digit swap,
dropped digit and scale slip on a restated figure), found by what pairs the two mentions — the
summary's growth rate and the section's, of one level under one name, a telling misprint apart;
two mentions of one program under other words, two swapped digits apart (no reading makes both
true).  Invented words."""

from __future__ import annotations

from checkfacts import checked, findings

FEES = ("白鹭县人防办2026年上半年工作总结\n2026年上半年，县人防办扎实推进各项工作。上半年征收人防工程易地建设费"
        "412.5万元，同比增长{a}%。现将上半年工作情况总结如下：\n一、主要工作\n（一）易地建设费征收规范有序。上半年共征收"
        "人防工程易地建设费412.5万元，较上年同期的366.2万元增长12.6%，全额缴入县级国库。")


def _said_twice(text: str, has: str) -> list[tuple[str, str]]:
    return [(s, sev) for s, sev, _ in findings(checked(text), "GW112", has)]


def test_two_growth_rates_of_one_level_a_swap_apart_are_one_fact_misprinted() -> None:
    assert _said_twice(FEES.format(a="12.6"), "12.6%") == [("consistent", "info")]
    assert _said_twice(FEES.format(a="21.6"), "21.6%") == [("inconsistent", "error")]
    # a rate no misprint makes of the other may be of another base: nothing said
    assert _said_twice(FEES.format(a="8.3"), "8.3%") == []


REPORTS = ("白鹭县委网信办2026年工作总结\n2026年，县委网信办全年共处置网络舆情1,204条，受理违法和不良信息举报{a}件。"
           "现将有关情况总结如下：\n一、主要工作\n（一）网络安全保障能力持续提升。组织开展年度网络安全检查，检查发现安全"
           "隐患512个，已整改498个。\n（二）举报受理高效规范。全年共受理网民举报2,417件，比上年的2,260件增长6.9%，"
           "已办结2,390件。")


def test_one_programs_count_under_other_words_two_swapped_digits_apart_is_misprinted() -> None:
    assert _said_twice(REPORTS.format(a="2,417"), "2,417件") == [("consistent", "info")]
    assert _said_twice(REPORTS.format(a="2,471"), "2,471件") == [("inconsistent", "error")]
    # one digit apart under other words may be two quantities of the program: nothing said
    assert _said_twice(REPORTS.format(a="2,427"), "2,427件") == []


PROJECTS = ("白鹭县投资促进局2026年工作总结\n一、招商引资\n（一）项目签约。全年新签约项目{n}个，协议总投资{t}亿元，同比增长"
            "12.4%。从行业分布看，智能制造项目9个、协议投资42.6亿元，生物医药项目6个、协议投资28.1亿元，现代物流项目5个、"
            "协议投资11.7亿元。")


def _sums(text: str) -> list[tuple[str, str]]:
    return [(s, sev) for s, sev, figs in findings(checked(text), "GW101") if "42.6亿元" in figs]


def test_classes_whose_counts_make_the_whole_count_make_the_whole_amount_too() -> None:
    # 9 + 6 + 5 = 20 projects: the three classes are all of them, so their amounts are the 82.4 亿元
    assert _sums(PROJECTS.format(n="20", t="82.4")) == [("consistent", "info")]
    assert ("inconsistent", "error") in _sums(PROJECTS.format(n="20", t="84.4"))
    # counts that leave projects out (20 of 24): the amounts may leave some out too — nothing said
    assert ("inconsistent", "error") not in _sums(PROJECTS.format(n="24", t="84.4"))
    assert not [f for f in checked(PROJECTS.format(n="24", t="84.4")).problems]


CASES = ("白鹭县人民法院2026年工作报告\n一、审判执行工作\n（一）案件办理。全年共受理各类案件9,364件，同比下降4.1%；"
         "审结8,872件，同比下降3.6%；结案率{r}%，年底未结案件492件。")


def test_a_rate_after_a_semicolon_is_still_of_the_count_right_before_it() -> None:
    # 8,872 ÷ 9,364 = 94.75 %: the ； ends the clause of the count, not what the rate is of
    assert [(s, sev) for s, sev, _ in findings(checked(CASES.format(r="94.7")), "GW123")] == [("consistent", "info")]
    # one digit off, the rate is the one the text lays out, misprinted
    assert [(s, sev) for s, sev, _ in findings(checked(CASES.format(r="95.7")), "GW123")] == [
        ("inconsistent", "warning")]
