"""The same fact stated twice (issue 10): a table figure restated in the text, named rates and
shares whose operands stand elsewhere, completion against a target, per-unit levels.  Invented
words; run through the real extractor so tables and labels are the pipeline's."""

from __future__ import annotations

import pytest

from gongwen.check import Report, check
from gongwen.check.repeats.facts import core, transposed
from gongwen.extract.pipeline import document_from_text, extract
from gongwen.figure import Figure

TABLE = """关于2023年青苇区学堂工作情况的报告
一、基本情况
（一）学堂规模稳定。全区共有学堂{n}所，在读学员{m}人，各类学堂情况见下表。
类别\t学堂数（所）\t在读学员数（人）
初级学堂\t86\t14620
中级学堂\t38\t41250
合计\t124\t55870
二、下一步工作
继续做好学堂建设。
"""


def run(text: str) -> Report:
    return check(extract(document_from_text(text)))


def verdicts(r: Report, code: str) -> list[tuple[str, str]]:
    return [(f.status, f.severity) for f in r.by_code(code)]


def test_table_total_restated_in_the_text_is_verified() -> None:
    r = run(TABLE.format(n=124, m=55870))
    assert verdicts(r, "GW125") == [("consistent", "info"), ("consistent", "info")]
    assert not r.problems


def test_transposed_restatement_is_an_error() -> None:
    r = run(TABLE.format(n=124, m=55780))
    assert ("inconsistent", "error") in verdicts(r, "GW125")


def test_other_restatement_is_a_warning() -> None:
    r = run(TABLE.format(n=124, m=56870))
    assert ("inconsistent", "warning") in verdicts(r, "GW125")
    assert not [f for f in r.errors if f.code == "GW125"]


def test_a_row_is_not_the_whole() -> None:
    # 初级学堂、中级学堂 124 所 names both rows: compared with the 合计 row only
    r = run(TABLE.format(n=124, m=55870).replace("全区共有学堂", "全区共有初级学堂、中级学堂"))
    assert not [f for f in r.problems if f.code == "GW125"]


@pytest.mark.parametrize("a, b, yes", [("1,846", "1,864", True), ("1846", "1846", False), ("1846", "1856", False),
                                       ("18.46", "18.64", True), ("1846", "8146", True),
                                       ("2.84万", "8.24万", False),  # across the decimal point: no typing slip
                                       ("10.36", "1.36", False),  # 01.36 is no number anyone writes
                                       ("18.46万", "18.64", False)])  # the value must match, not the digits
def test_transposed(a: str, b: str, yes: bool) -> None:
    from decimal import Decimal

    def fig(s: str) -> Figure:
        return Figure(Decimal(s.rstrip("万").replace(",", "")) * (10000 if "万" in s else 1), "人", as_written=s)

    fa, fb = fig(a), fig(b)
    assert transposed(fa, fb) is yes


def test_core_drops_unit_brackets_and_generic_tails() -> None:
    assert core("在读学员数（人）") == "在读学员" and core("学堂数") == "学堂" and core("人数") == "人数"


RATES = [
    # the whole the rate names stands in another paragraph
    ("named-whole", "全镇常住人口31.26万人。\n全镇组建服务团队128个，签约服务11.24万人，常住人口签约率{r}%。\n",
     "36.0", "46.0", "GW123"),
    # the part the rate names is not the last count before it
    ("named-part", "全镇共有困难人员1326人，其中集中供养418人、分散供养908人，集中供养率{r}%。\n", "31.5", "38.5",
     "GW123"),
    # part and whole named before 占 and after it, stated in earlier paragraphs
    ("share-by-names", "全镇共发生各类事故14起。\n其中，道路事故9起、厂矿事故5起。\n一是道路事故占全部事故的{r}%。\n",
     "64.3", "69.3", "GW107"),
    ("share-whole-elsewhere", "全镇门诊人次1625.3万人次。\n基层门诊人次856.5万人次，占总门诊人次的{r}%。\n",
     "52.7", "57.2", "GW107"),
    ("as-much-as", "全镇公共收入5.37亿元。\n公共支出11.24亿元。\n三是公共收入仅相当于支出的{r}%。\n", "47.8", "49.8",
     "GW107"),
    ("completion-round-target", "全年新建示范田5.2万亩，完成年度任务5万亩的{r}%。\n", "104", "106", "GW122"),
]


def test_a_rate_per_mille_is_a_count_per_thousand() -> None:
    # ‰ reads like 每千: 18 例 ÷ 7,950 人 × 1000 = 2.264‰, its whole in the clause before
    text = "2023年青苇镇工作总结\n全镇学堂登记学员7,950人，全年学员流失1例，流失率12.6/10万；学员转学18例，转学率{r}‰。\n"
    assert [f.status for f in run(text.format(r="2.26")).by_code("GW106") if "‰" in f.message] == ["consistent"]
    assert [f.status for f in run(text.format(r="2.36")).by_code("GW106") if "‰" in f.message] != ["consistent"]


@pytest.mark.parametrize("text, good, bad, code", [c[1:] for c in RATES], ids=[c[0] for c in RATES])
def test_rate_with_operands_elsewhere(text: str, good: str, bad: str, code: str) -> None:
    ok = run("2023年青苇镇工作总结\n" + text.format(r=good))
    assert ("consistent", "info") in verdicts(ok, code), [(f.code, f.status, f.message) for f in ok.findings]
    assert not ok.problems
    ko = run("2023年青苇镇工作总结\n" + text.format(r=bad))
    assert [f for f in ko.problems if f.code == code], [(f.code, f.status, f.message) for f in ko.findings]


def test_per_household_level_with_the_cue_in_the_literal() -> None:
    r = run("2023年青苇镇工作总结\n为358户家庭发放补助金412.6万元，户均11525元。\n")
    assert verdicts(r, "GW106") == [("consistent", "info")]
    r = run("2023年青苇镇工作总结\n为358户家庭发放补助金412.6万元，户均12525元。\n")
    assert verdicts(r, "GW106") == [("inconsistent", "error")]


def test_counts_in_qi_and_ju_are_exact() -> None:
    r = run("2023年青苇镇工作总结\n全年死亡1,337人，火化遗体1,318具，遗体火化率98.6%。\n")
    assert verdicts(r, "GW123") == [("consistent", "info")]
    r = run("2023年青苇镇工作总结\n全镇共发生事故14起，较上年的18起减少4起，同比下降22.2%。\n")
    assert ("consistent", "info") in verdicts(r, "GW105")


def test_heading_gap_with_the_missing_marker_run_into_a_paragraph_is_no_gap() -> None:
    text = ("2023年青苇镇工作总结\n一、主要成效\n全年工作总体平稳。(一)学堂建设有力。新建学堂3所。(二)学员培训扎实。"
            "培训学员120人。(三)服务保障到位。服务群众60人次。\n(四)队伍建设加强。新进教员5人。\n二、下一步打算\n继续努力。\n")
    assert not run(text).by_code("GW120")
    gap = "2023年青苇镇工作总结\n一、主要成效\n全年工作总体平稳。\n三、下一步打算\n继续努力。\n"
    assert run(gap).by_code("GW120")


def test_an_average_is_never_a_part() -> None:
    r = run("2023年青苇区经济运行情况\n全区居民人均可支配收入36591元，同比增长4.6%。其中，城镇常住居民人均可支配收入42689元，"
            "农村常住居民人均可支配收入18982元。\n")
    assert not r.problems, [(f.code, f.message) for f in r.problems]


def test_bracketed_shares_divide_by_the_bracket_head() -> None:
    r = run("2023年青苇区工作总结\n现有编制65名，实有人数59人（其中：50岁以上18人占30.5%；40岁至49岁23人占39.0%；"
            "30岁至39岁13人占22%；30岁以下5人占8.5%）。\n")
    assert not r.problems, [(f.code, f.message) for f in r.problems]
    assert len([f for f in r.by_code("GW107") if f.status == "consistent"]) == 4



# -- two mentions in the text (issue 10: repeated facts) -------------------------------------------

MENTIONS = """关于2023年青苇区学堂工作情况的报告
一、工作成效
（一）学堂建设。2023年全区新建社区学堂{a}个，覆盖居民3.2万人。
（二）学员服务。上半年完成学员培训2600人次，完成全年任务{t1}人次的52.0%。全年过夜学员占全部学员的{s1}%。
二、存在问题
2023年全区新建社区学堂{b}个，仍不能满足居民需求；过夜学员占比仅为{s2}%。
三、下半年打算
紧盯全年学员培训{t2}人次的目标，完成全年学员培训任务。全年学员结业率达到95%以上。
"""
SAME = dict(a="48", b="48", t1="5000", t2="5000", s1="33.0", s2="33.0")


def test_mentions_of_one_fact_are_verified() -> None:
    r = run(MENTIONS.format(**SAME))
    assert [f.actual for f in r.by_code("GW112")] == ["48个", "33.0%", "5000人次"]
    assert all(f.status == "consistent" for f in r.by_code("GW112")) and not r.problems


@pytest.mark.parametrize("change, literal, severity", [
    pytest.param({"b": "58"}, "58个", "error", id="same-labels-and-stated-period"),
    pytest.param({"b": "84"}, "84个", "error", id="transposed"),
    pytest.param({"t2": "6000"}, "6000人次", "warning", id="target-restated"),
    pytest.param({"s2": "35.0"}, "35.0%", "warning", id="share-restated"),
])
def test_a_fact_stated_twice_with_another_number(change: dict[str, str], literal: str, severity: str) -> None:
    r = run(MENTIONS.format(**{**SAME, **change}))
    bad = [f for f in r.problems if f.code == "GW112"]
    assert [(f.severity, f.actual) for f in bad] == [(severity, literal)]


def test_a_bound_is_not_the_value_stated_elsewhere() -> None:
    text = ("关于2023年青苇区学堂工作情况的报告\n一、工作成效\n2023年全区学员结业率为{x}%。\n"
            "二、存在问题\n2023年全区学员结业率达到95%以上，仍有差距。\n")
    assert [f.status for f in run(text.format(x="96.0")).by_code("GW112")] == []
    assert not run(text.format(x="92.5")).problems


@pytest.mark.parametrize("x, verdict", [("5.5", "consistent"), ("6.5", "inconsistent")])
def test_a_bound_target_restates_the_target_value(x: str, verdict: str) -> None:
    text = ("关于2024年上半年青苇区学堂工作情况的报告\n一、上半年工作\n6月末，全区学员流失率为4.6%，比5.5%的年度控制目标低0.9个百分点。\n"
            f"二、下半年打算\n紧盯全年学员流失率控制在{x}%以内的目标。\n")
    assert [f.status for f in run(text).by_code("GW112")] == [verdict]


@pytest.mark.parametrize("x, verdict", [("32", "consistent"), ("33", "inconsistent")])
def test_a_completion_target_is_named_by_what_was_done(x: str, verdict: str) -> None:
    text = ("关于2025年上半年青苇区学堂工作情况的报告\n一、上半年工作\n上半年完成学堂投资18.6亿元，完成年度计划32亿元的58.1%。\n"
            f"二、下半年打算\n确保全年完成学堂投资{x}亿元。\n")
    assert [f.status for f in run(text).by_code("GW112")] == [verdict]


STOCK = """关于2025年青苇区学堂工作情况的报告
2025年，全区学堂登记学员达到{a}万人，学堂运行总体平稳。
一、工作成效
（一）学员规模稳步扩大。截至12月底，全区学堂登记学员{b}万人，其中成人学员1.26万人、少年学员2.35万人。
二、存在问题
全区现有社区学堂{c}个，布局仍不均衡。
三、下一步打算
全区现有社区学堂{d}个，将逐步调整布局。
"""


@pytest.mark.parametrize("change, severity", [
    pytest.param({}, None, id="same"),
    # 全年 2025 and 截至 12 月底 name one moment of one named quantity; one digit apart: a misprint
    pytest.param({"b": "4.61"}, "error", id="year-and-its-last-month"),
    # neither mention dated, one digit apart: one fact misprinted in one of them
    pytest.param({"d": "156"}, "error", id="undated-one-digit"),
    pytest.param({"d": "183"}, "warning", id="undated-far-apart"),
])
def test_a_fact_restated_in_another_section_one_misprint_apart(change: dict[str, str], severity: str | None) -> None:
    r = run(STOCK.format(**{**dict(a="3.61", b="3.61", c="146", d="146"), **change}))
    bad = [f.severity for f in r.problems if f.code == "GW112"]
    assert bad == ([severity] if severity else [])


def test_an_occasion_is_not_the_period() -> None:
    text = ("关于2025年上半年青苇区学堂工作情况的报告\n一、学员服务\n“五一”假期全区学堂接待学员15.6万人次。\n"
            "二、学堂建设\n上半年全区学堂接待学员158.6万人次，同比增长8.2%。\n")
    assert not [f for f in run(text).problems if f.code == "GW112"]


@pytest.mark.parametrize("campaign, flagged", [
    ("（1）秋季集中免疫：羊痘免疫12.8万只，免疫密度达96%。", False),  # a season's campaign under its lead
    ("秋收期间，全县羊痘免疫12.8万只。", False),  # a stretch the sentence opens with
    ("全县羊痘免疫12.8万只。", True),  # no occasion: one fact, two values
])
def test_a_campaign_of_a_season_is_not_the_year(campaign: str, flagged: bool) -> None:
    text = ("关于2025年青苇县动物防疫工作情况的报告\n一、免疫完成情况\n全年完成羊痘免疫25.6万只，牛结节病免疫3.1万头。\n"
            f"二、集中免疫\n{campaign}\n")
    assert bool([f for f in run(text).problems if f.code == "GW112"]) is flagged


def test_a_stretch_named_before_a_list_is_not_the_report_period() -> None:
    text = ("关于2025年上半年青苇县农机服务工作情况的报告\n一、购机补贴\n补贴机具中，拖拉机210台、玉米收获机94台。\n"
            "二、秋收准备\n“三秋”期间，全县投入各类农机0.86万台，其中玉米收获机940台。\n")
    assert not [f for f in run(text).problems if f.code == "GW112"]


def run_body(body: str) -> Report:
    return run("关于2024年青苇区学堂工作情况的报告\n一、工作成效\n" + body + "\n")


@pytest.mark.parametrize("x, severity", [("32", None), ("33", "error"), ("40", "warning")])
def test_a_target_set_twice_one_misprint_apart_is_an_error(x: str, severity: str | None) -> None:
    r = run_body(f"上半年完成学堂投资18.6亿元，完成年度计划32亿元的58.1%。\n二、下半年打算\n确保全年完成学堂投资{x}亿元。")
    assert [f.severity for f in r.problems if f.code == "GW112"] == ([severity] if severity else [])


def test_a_count_inside_another_is_not_the_same_fact() -> None:
    r = run_body("全区现有社区学堂146个。\n二、存在问题\n146个社区学堂中配备专职教员的仅61个，占41.8%。")
    assert not r.problems and [f.status for f in r.by_code("GW112")] == ["consistent"]


def test_an_operand_misprinted_by_one_digit_fails_a_rate_the_text_pairs() -> None:
    r = run_body("全区现有社区学堂146个。\n二、存在问题\n156个社区学堂中配备专职教员的仅61个，占41.8%。")
    (f,) = r.by_code("GW107")
    assert (f.severity, "misprint" in f.relation.hints) == ("error", True) and "146个" in f.message


@pytest.mark.parametrize("x, severity", [("21", None), ("22", "error")])
def test_a_plan_target_restated_one_digit_apart(x: str, severity: str | None) -> None:
    # the main targets and the tasks of one plan year name one target: 21 and 22 cannot both be it
    text = ("关于青苇区2024年学堂工作要点\n一、2024年主要目标\n改造城镇老旧学堂21个。\n"
            f"二、2024年重点任务\n全县高质量完成{x}个城镇老旧学堂改造任务。\n")
    assert [f.severity for f in run(text).problems if f.code == "GW112"] == ([severity] if severity else [])


def test_two_seasons_are_two_facts() -> None:
    text = ("关于2025年上半年青苇区学堂工作情况的报告\n一、春季学堂\n全市春季学堂招生面积186.4万亩。\n"
            "二、秋季学堂\n全市秋季学堂计划招生面积220万亩，截至6月底已招生212.6万亩。\n")
    assert not [f for f in run(text).problems if f.code == "GW112"]


TOTALS = """关于2024年青苇区学堂经费情况的报告
一、学堂经费收入
全区学堂经费收入{a}亿元，同比增长{g}%。主要收入项目如下表。
单位：万元
项目\t2023年\t2024年\t增减%
学费收入\t192400\t196000\t1.9
其他收入\t42000\t44000\t4.8
合计\t234400\t240000\t2.4
"""


def test_a_tables_total_row_restated_beside_it_is_verified() -> None:
    r = run(TOTALS.format(a="24", g="2.4"))
    assert sorted(f.actual for f in r.by_code("GW125") if f.status == "consistent") == ["2.4%", "24亿元"]
    # another number there may be another quantity: nothing verified, nothing reported
    r = run(TOTALS.format(a="26", g="3.1"))
    assert not r.by_code("GW125") and not r.problems


def test_a_subject_with_a_reporting_verb_and_its_unit_is_one_noun_phrase() -> None:
    text = ("关于2025年青苇区学堂工作情况的报告\n2025年，全区学堂完成总听课{a}万人次，运行平稳。\n"
            "一、服务效率\n全年全区学堂总听课人次286.4万人次，较上年增加11.8万人次。\n")
    assert [f.status for f in run(text.format(a="286.4")).by_code("GW112")] == ["consistent"]
    assert [f.severity for f in run(text.format(a="268.4")).problems if f.code == "GW112"] == ["error"]


LEVELS = """关于2025年青苇区学堂工作情况的报告
2025年，全区学堂学员流失率控制在{a}‰，人均学堂面积达到{b}平方米。
一、工作成效
（一）学员服务。全区学堂登记学员4.2万人，学员流失率{c}‰。
（二）学堂建设。全区学堂面积8.4万平方米，人均学堂面积{d}平方米。
"""


@pytest.mark.parametrize("a, b, verified, severity", [("2.15", "2.0", ["2.15‰", "2.0平方米"], None),
                                                      ("2.4", "2.2", [], None),
                                                      ("2.35", "2.2", [], "error"),
                                                      ("2.51", "2.0", ["2.0平方米"], "error")])
def test_a_level_restated_is_confirmed_when_equal_and_silent_unless_misprinted(
        a: str, b: str, verified: list[str], severity: str | None) -> None:
    # a rate per mille or a 人均 quantity stated in the summary and in its section: one fact when
    # equal; another value may be another reading (rounded, per another population) — but not one
    # misprint away under the same name: 2.35 / 2.15 (one of three digits, no rounding gives it)
    # and 2.51 / 2.15 (swapped) are errors; 2.2 / 2.0 differ in one digit as two-digit values mostly do
    r = run(LEVELS.format(a=a, b=b, c="2.15", d="2.0").replace("控制在", "为").replace("，学员流", "，学堂学员流"))
    assert [f.actual for f in r.by_code("GW112") if f.status == "consistent"] == verified
    found = [f for f in r.problems if f.code == "GW112"]
    assert [f.severity for f in found] == ([severity] if severity else [])
    assert all(f"{a}‰" in f.message and "2.15‰" in f.message for f in found)


PER_HEAD = [
    ("standard-before-amount", "全区{n}名学员完成结业，按每人{x}元的标准发放结业补助，合计36.6万元。", "1200", "1300"),
    ("standard-before-amount-and-count", "按每人{x}元标准向学堂发放开班补贴36.6万元，共招收学员{n}人。", "1200", "1300"),
    ("per-head-in-a-plain-unit", "全区学堂面积3.66万平方米，按常住学员{n}人计算，人均学堂面积由上年的110平方米提高到{x}平方米。",
     "120", "130"),
    ("count-named-in-another-section", "人均学堂补助标准由1100元提高到{x}元，全年按常住学员足额拨付补助资金36.6万元。",
     "1200", "1300"),
]


@pytest.mark.parametrize("body, good, bad", [c[1:] for c in PER_HEAD], ids=[c[0] for c in PER_HEAD])
def test_a_level_per_head_paired_by_reading_is_confirmed_only(body: str, good: str, bad: str) -> None:
    # the operands stand after the level or the count in another section: a pairing by reading,
    # verified when it holds (36.6 万元 ÷ 305 人), silent when not (the standard may not be all's)
    text = "关于2024年青苇区学堂工作情况的报告\n一、学员规模\n全区常住学员305人。\n二、学堂服务\n" + body + "\n"
    assert [f.status for f in run(text.format(n=305, x=good)).by_code("GW106")] == ["consistent"]
    r = run(text.format(n=305, x=bad))
    assert not r.by_code("GW106") and not r.problems



@pytest.mark.parametrize("body, n, severity", [
    # the standard, its amount and its count in one sentence: 36.6 万元 ÷ 350 人 misses 1200 元 and
    # 305 (two digits swapped) fits exactly — the text makes the pairing, so it is an error
    (PER_HEAD[1][1], 350, "error"),
    # one digit dropped (35 人 for 305 人): a warning
    (PER_HEAD[1][1], 35, "warning"),
    # the count stands in another section: a pairing by reading only, silent whatever fits
    (PER_HEAD[3][1], 350, None),
], ids=["anchored-swap", "anchored-dropped", "apart-swap"])
def test_a_level_per_head_with_its_operands_in_its_sentence_reports_a_misprint(
        body: str, n: int, severity: str | None) -> None:
    text = f"关于2024年青苇区学堂工作情况的报告\n一、学员规模\n全区常住学员{n}人。\n二、学堂服务\n" + body + "\n"
    r = run(text.format(n=n, x="1200"))
    assert [f.severity for f in r.problems if f.code == "GW106"] == ([severity] if severity else []), \
        [f.message for f in r.findings]


GROWTHS = """关于2025年青苇区学堂工作情况的报告
2025年，全区学堂运行平稳，全年学堂培训收入、学堂接待人次分别增长{a}%和{b}%。
一、工作成效
（一）培训收入稳步增长。全年实现学堂培训收入3.62亿元，同比增长6.4%。
（二）接待能力持续提升。全年学堂接待186.2万人次，同比增长8.1%。
"""


@pytest.mark.parametrize("a, b, verified", [("6.4", "8.1", ["6.4%", "8.1%"]), ("8.1", "6.4", [])])
def test_a_growth_in_a_respective_list_restated_with_its_level(a: str, b: str, verified: list[str]) -> None:
    # 分别增长 pairs the k-th name with the k-th rate: each is the growth its section states again
    # with the level; swapped, neither is confirmed — and no alarm (another base may be meant)
    r = run(GROWTHS.format(a=a, b=b))
    assert [f.actual for f in r.by_code("GW112") if f.status == "consistent"] == verified
    assert not r.problems


@pytest.mark.parametrize("a, severity", [("6.4", None), ("6.9", None), ("16.4", "error"), ("46.4", "error")])
def test_a_growth_restated_one_misprint_away_is_reported(a: str, severity: str | None) -> None:
    # the summary's 分别 list and the section name one rate of one stated year (全年) the same: 16.4 %
    # (a digit dropped in one) or 46.4 % against 6.4 % is the rate misprinted, no reading makes both
    # true; 6.9 % differs in one of two digits, as most nearby rates do, and may be another base: silent
    r = run(GROWTHS.format(a=a, b="8.1"))
    found = [f for f in r.problems if f.code == "GW112"]
    assert [f.severity for f in found] == ([severity] if severity else [])
    assert all(f"{a}%" in f.message and "6.4%" in f.message for f in found)


SUMMARY_TABLE = """关于2025年青苇区学堂工作情况的报告
2025年，全区共发生学堂安全事故{a}起，总体平稳。
一、安全管理
全区学堂安全事故由上年的18起下降到14起，各类学堂情况如下：
类别\t事故起数（起）
初级学堂\t9
中级学堂\t5
合计\t14
"""


@pytest.mark.parametrize("a, severity", [("14", None), ("15", "warning"), ("40", None)])
def test_the_summary_misprints_a_total_its_section_restates(a: str, severity: str | None) -> None:
    # the section restates the 合计 as it stands; the opening summary one misprint away from it is
    # the total misprinted (请核对), another value may be another quantity
    r = run(SUMMARY_TABLE.format(a=a))
    assert [f.severity for f in r.problems if f.code == "GW125"] == ([severity] if severity else [])


REGISTERED = """关于2025年青苇县学堂工作情况的报告
一、学堂资源持续扩容
全县共有各类学堂126所，学位8,460个。按全县常住人口{a}万人计算，每千人口学位数达到{r}个。
二、学员登记服务扩面提质
全县常住人口登记学员{b}万人，登记率{s}%；重点人群中登记学员3.1万人。
"""


@pytest.mark.parametrize("b, s", [("15.23", "36.6"), ("41.6", "100.0")])
def test_a_noun_that_opens_a_longer_one_is_not_the_same_fact(b: str, s: str) -> None:
    # 常住人口 of the first section is the population; 常住人口登记学员 counts those of it who
    # registered: another quantity, unless the values agree (then it is confirmed at most)
    r = run(REGISTERED.format(a="41.6", r="20.3", b=b, s=s))
    assert not [f for f in r.problems if f.code == "GW112"]


def test_a_subject_ending_in_a_word_keeps_it() -> None:
    """签约 is a word: its 约 is no hedge to cut from the subject (常住人口签约 → not 常住人口签)."""
    from gongwen.check.reading.mentions import subject_of
    from gongwen.check.reading.textindex import TextIndex

    text = "全县常住人口签约15.23万人，重点人群约4.1万人。"
    ext = extract(document_from_text(text))
    idx = TextIndex(ext.document.text, ext.figures)
    subjects = [subject_of(idx, f) for f in idx.figures]
    assert subjects[0].endswith("常住人口签约")
    assert subjects[1] == "重点人群"
