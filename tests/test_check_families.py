"""Relation families of issue 10 found by mechanism, not phrasing: 其中 lists (where they end,
categories that never overlap, parts named after several wholes), the whole of a completion
and of a share, stocks against flows, changes against a plan.  Invented words, run through the
real extractor."""

from __future__ import annotations

import pytest

from gongwen.check import Report, check
from gongwen.check.repeats.facts import _named_metric
from gongwen.extract.pipeline import document_from_text, extract

HEAD = "关于2023年青苇区学堂工作情况的报告\n一、工作成效\n"


def run(body: str) -> Report:
    return check(extract(document_from_text(HEAD + body + "\n")))


def verdicts(r: Report, code: str) -> list[tuple[str, str]]:
    return [(f.status, f.severity) for f in r.by_code(code)]


@pytest.mark.parametrize("x, verdict", [("2370", ("consistent", "info")), ("2350", ("inconsistent", "error"))])
def test_disjoint_categories_cannot_exceed_their_whole(x: str, verdict: tuple[str, str]) -> None:
    r = run(f"全年筹集学堂建设资金{x}万元，其中中央资金1460万元、县级配套680万元、乡村自筹230万元，用于校舍改造。")
    assert verdicts(r, "GW108") == [verdict]


def test_overlapping_categories_exceeding_their_whole_is_a_warning() -> None:
    r = run("全年培训学员2300人次，其中女性学员1460人次、农村学员980人次，覆盖全部街道。")
    assert verdicts(r, "GW108") == [("inconsistent", "warning")]


def test_a_list_joined_by_commas_ends_at_the_clause_break() -> None:
    r = run("上半年新增学位1.26万个，其中初级学位3,200个、中级学位5,400个、高级学位4,000个，"
            "完成年度新增学位计划2.4万个的52.5%。")
    (sub,) = r.by_code("GW108")
    assert "2.4万个" not in sub.message and sub.status == "consistent"
    (done,) = r.by_code("GW122")  # the list's whole is what was done, not its last item
    assert (done.status, done.actual) == ("consistent", "52.5%") and "1.26万个" in done.message


def test_parts_named_after_several_wholes() -> None:
    r = run("全年学堂基金收入78.46亿元，支出72.93亿元；当期结余5.53亿元。其中，甲类基金收入41.27亿元、支出37.85亿元；"
            "乙类基金收入37.19亿元、支出35.08亿元。截至12月底，基金累计结余96.28亿元。")
    assert not r.problems, [(f.code, f.message) for f in r.problems]
    assert sorted((f.actual, len(f.figures)) for f in r.by_code("GW108")) == [("72.93亿元", 3), ("78.46亿元", 3)]


def test_a_share_whose_part_is_named_in_its_own_clause() -> None:
    r = run("全区登记学堂18.62万所，其中甲类学堂5.14万所、乙类学堂13.21万所，丙类学堂2700所，甲类学堂占学堂总量的27.6%。")
    assert not [f for f in r.problems if f.code == "GW107"], [f.message for f in r.problems]


def test_a_change_is_never_stated_against_a_plan() -> None:
    r = run("全年完成学堂投资6.84亿元，完成年度计划6.2亿元的110.3%，较上年增加0.92亿元，同比增长15.5%。")
    assert not r.problems, [(f.code, f.message) for f in r.problems]
    assert verdicts(r, "GW124") == [("consistent", "info")]


@pytest.mark.parametrize("level, verdict", [("500", ("consistent", "info")), ("560", ("inconsistent", "error"))])
def test_a_level_per_month_divides_by_the_months_of_its_period(level: str, verdict: tuple[str, str]) -> None:
    r = run(f"全年为1,344户学员家庭发放交通补贴806.4万元，户均每月{level}元。")
    assert verdicts(r, "GW106") == [verdict]
    assert "÷ 12个月" in r.by_code("GW106")[0].message


def test_a_level_whose_count_is_named_in_the_sentence_before() -> None:
    r = run("全年招收学员327人，其中脱产学员46人、在职学员268人、其他学员13人。为在职学员发放一次性补助1206万元，人均4.5万元。")
    assert verdicts(r, "GW106") == [("consistent", "info")]


def test_indicator_rows_by_year_columns_restated_in_the_text() -> None:
    body = ("全年学员培训5.12万人次，结业率96.5%。\n二、主要指标\n"
            "主要指标如下：\n指标\t2023年完成\t2024年目标\n学员培训(万人次)\t{x}\t5.5\n结业率(%)\t96.5\t97以上\n")
    ok = run(body.format(x="5.12"))
    assert [f.status for f in ok.by_code("GW125")] == ["consistent"] * 2
    ko = run(body.format(x="5.21"))
    assert [(f.status, f.severity) for f in ko.by_code("GW125") if f.status != "consistent"] == \
        [("inconsistent", "error")]  # 5.12 ↔ 5.21: digits transposed


@pytest.mark.parametrize("rate, verdict", [("98.0", ("consistent", "info")), ("89.0", ("inconsistent", "error"))])
def test_a_table_rate_column_beside_its_counts(rate: str, verdict: tuple[str, str]) -> None:
    r = run("全年抽检学堂教材情况见下表。\n类别\t抽检数量（册）\t不合格数量（册）\t合格率（%）\n"
            f"甲类教材\t10100\t197\t{rate}\n乙类教材\t420\t2\t99.5\n")
    assert verdicts(r, "GW107") == [verdict, ("consistent", "info")]  # the columns state the operands


@pytest.mark.parametrize("x, verdict", [("5.1", ("consistent", "info")), ("5.6", ("inconsistent", "error"))])
def test_rates_named_after_two_changes_in_their_own_clauses(x: str, verdict: tuple[str, str]) -> None:
    r = run(f"甲类助学标准由每人每月780元提高到820元，乙类助学标准由每人每年7,200元提高到7,680元，增幅分别为{x}%和6.7%。")
    assert verdicts(r, "GW105") == [verdict, ("consistent", "info")]


def test_a_classified_list_across_a_hard_line_wrap() -> None:
    r = run("前三季度全区学堂总收入186.37亿元。分类型看，甲类学堂收入24.16亿元，增长3.6%；\n"
            "乙类学堂收入71.85亿元，增长6.1%；丙类学堂收入90.36亿元，增长5.3%。")
    assert verdicts(r, "GW101") == [("consistent", "info")] and len(r.by_code("GW101")[0].figures) == 4


def test_a_list_after_a_completion_is_of_the_result_in_its_units_alternative() -> None:
    r = run("全年筹集学堂宿舍2,150套(间)，完成市下达任务1,800套(间)的119.4%，其中：新建1,320套，"
            "改建560套(间)，盘活270套。")
    (f,) = r.by_code("GW108")
    assert (f.status, f.actual) == ("consistent", "2,150套(间)") and len(f.figures) == 4


@pytest.mark.parametrize("metric, named", [("占比", False), ("比重", False), ("数量", False), (None, False),
                                           ("城镇调查失业率", True), ("新建社区学堂数", True)])
def test_a_generic_metric_names_no_fact(metric: str | None, named: bool) -> None:
    # two shares labelled only 占比 (建成 62.3% and 尚有 37.7% 未建成) are not one fact by their labels
    assert _named_metric(metric) is named


TABLE = ("全年学堂收入情况见下表。\n单位：万元\n项目\t2022年\t2023年\t增减%\n学费收入\t192400\t196000\t1.9\n其中：甲类学费\t92400\t98560\t{g}\n"
         "乙类学费\t43800\t41230\t-5.9\n其他学费\t56200\t56210\t0.0\n杂项收入\t42000\t44000\t4.8\n合计\t{t}\t240000\t2.4\n")


def test_a_table_with_a_sub_block_growth_column_and_total_row() -> None:
    ok = run(TABLE.format(g="6.7", t="234400"))
    assert not ok.problems, [f.message for f in ok.problems]
    assert len([f for f in ok.by_code("GW102") if f.status == "consistent"]) == 4  # 2 blocks, 2 totals
    assert len([f for f in ok.by_code("GW105") if f.status == "consistent"]) == 6
    bad_growth = run(TABLE.format(g="7.6", t="234400"))
    assert [(f.code, f.severity) for f in bad_growth.problems] == [("GW105", "error")]
    bad_total = run(TABLE.format(g="6.7", t="243400"))  # the other column still shows where the block ends
    assert ("GW102", "error") in [(f.code, f.severity) for f in bad_total.problems]


@pytest.mark.parametrize("x, verdict", [("4,320", ("consistent", "info")), ("4,380", ("inconsistent", "error"))])
def test_a_list_after_respectively_shares_out_the_figure_before(x: str, verdict: tuple[str, str]) -> None:
    r = run(f"全年共争取学堂专项资金{x}万元，分别用于校舍改造1,250万元、设备更新2,210万元、师资培训860万元。")
    assert verdicts(r, "GW101") == [verdict]


def test_respectively_before_another_measure_is_no_breakdown() -> None:
    r = run("全区甲类学员1,200人、乙类学员3,400人，补助标准分别为每人每月800元和600元。")
    assert not r.by_code("GW101")


@pytest.mark.parametrize("rate, verdict", [("83.3", ("consistent", "info")), ("88.3", ("inconsistent", "error"))])
def test_a_table_rate_column_whose_part_qualifies_the_whole(rate: str, verdict: tuple[str, str]) -> None:
    r = run("全年学堂评估情况见下表。\n单位：个\n类别\t学堂数\t达到或优于二级学堂数\t达标率（%）\n"
            f"甲片\t6\t5\t{rate}\n乙片\t4\t4\t100\n")
    assert verdicts(r, "GW107") == [verdict, ("consistent", "info")]


@pytest.mark.parametrize("share, verdict", [("62.9", ("consistent", "info")), ("65.9", ("inconsistent", "error"))])
def test_a_count_of_days_is_exact(share: str, verdict: tuple[str, str]) -> None:
    r = run(f"全年学堂停课天数35天，其中因暴雨停课的22天，占停课天数的{share}%。")
    assert verdicts(r, "GW107") == [verdict]


@pytest.mark.parametrize("pct, verdict", [("106.7", ("consistent", "info")), ("107.7", ("inconsistent", "error"))])
def test_a_completion_against_a_plan_or_budget_without_the_verb_done(pct: str, verdict: tuple[str, str]) -> None:
    r = run(f"全年学堂项目完成投资9.6亿元，为年度计划9亿元的{pct}%。全年学堂收入14.28亿元，完成年度预算15.6亿元的91.5%。")
    assert verdicts(r, "GW122") == [verdict, ("consistent", "info")]


@pytest.mark.parametrize("pct, verdict", [("12", ("consistent", "info")), ("15", ("inconsistent", "warning"))])
def test_a_targets_growth_is_against_the_year_befores_actual(pct: str, verdict: tuple[str, str]) -> None:
    r = run("全年学堂综合收入41.7亿元，同比增长6.8%。\n二、2024年工作打算\n"
            f"2024年力争学堂综合收入达到46.7亿元，增长{pct}%。")
    assert verdicts(r, "GW105") == [verdict]


@pytest.mark.parametrize("rest, verdict", [("1476", ("consistent", "info")), ("1576", ("inconsistent", "warning"))])
def test_done_by_mid_year_and_planned_for_the_rest_make_the_annual_target(rest: str, verdict: tuple[str, str]) -> None:
    r = check(extract(document_from_text(
        "关于2024年上半年青苇区学堂工作情况的报告\n一、上半年工作成效\n"
        "上半年完成学堂抽检2124批次，完成全年任务3600批次的59.0%。\n二、下半年工作打算\n"
        f"下半年完成学堂抽检{rest}批次，确保全年完成3600批次任务。\n")))
    assert [(f.status, f.severity) for f in r.by_code("GW101") if len(f.figures) == 3] == [verdict]


@pytest.mark.parametrize("x, verdict", [("98.0", ("consistent", "info")), ("98.9", ("inconsistent", "error")),
                                        ("96.5", ("inconsistent", "warning"))])  # 98.9: one digit off 98.0
def test_a_tables_total_row_restated_by_its_count_and_rate(x: str, verdict: tuple[str, str]) -> None:
    r = run(f"全年完成各类学堂抽检1350批次，总体合格率由上年的97.6%提高到{x}%。学堂饮水达标率保持100%。分类抽检情况如下表。\n"
            "类别\t抽检批次\t不合格批次\t合格率（%）\n甲类\t700\t12\t98.3\n乙类\t650\t15\t97.7\n合计\t1350\t27\t98.0\n")
    assert sorted((f.status, f.severity) for f in r.by_code("GW125")) == sorted([("consistent", "info"), verdict])


@pytest.mark.parametrize("new, verdict", [("8", [("consistent", "info")]),
                                         ("9", []),  # one may have closed: 新建 is no net change
                                         ("88", [("inconsistent", "error")])])  # 8 with a doubled digit
def test_what_was_new_is_the_difference_of_the_stated_change(new: str, verdict: list[tuple[str, str]]) -> None:
    r = run(f"上半年新建学堂书房{new}个，全区学堂书房由年初的27个增加到35个。")
    assert verdicts(r, "GW104") == verdict


@pytest.mark.parametrize("x, verdict", [("2.4", ("consistent", "info")), ("3.4", ("inconsistent", "error"))])
def test_a_table_cell_is_printed_to_its_unit_not_rounded(x: str, verdict: tuple[str, str]) -> None:
    # 240000 万元 among cells like 98560 is exact: it is no 24 亿 rounded to 10000
    r = run("全区学堂收入完成情况如下表。\n单位：万元\n项目\t2023年\t2024年\t增减%\n学费收入\t192400\t196000\t1.9\n"
            f"其他收入\t42000\t44000\t4.8\n合计\t234400\t240000\t{x}\n")
    growth = [(f.status, f.severity) for f in r.by_code("GW105") if "234400" in f.message]
    assert growth == [verdict]


@pytest.mark.parametrize("n, verdict", [("98", ("consistent", "info")), ("198", ("inconsistent", "error"))])
def test_a_count_among_a_whole_named_again(n: str, verdict: tuple[str, str]) -> None:
    # 156 家…学堂中，…的学堂 98 家: the gap names the whole's noun again, so 98 counts those
    r = run(f"全区156家民办学堂中，实现招生增长的学堂{n}家。")
    assert [(f.status, f.severity) for f in r.by_code("GW108")] == [verdict]


def test_a_count_of_other_things_after_zhong_is_no_part() -> None:
    assert not run("全区5个学区中，新建学堂图书角23个，覆盖学员1.2万人。").by_code("GW108")


@pytest.mark.parametrize("body, verdict", [
    ("全区学堂用品进出口总额1.83亿元，其中出口1.06亿元、进口0.77亿元。", ("consistent", "info")),
    ("全区学堂用品进出口总额1.83亿元，其中出口1.06亿元、进口0.67亿元。", ("inconsistent", "error")),
    ("全区登记在册学堂经营主体8621户，其中企业2413户、个体工商户6079户、农民专业合作社129户。", ("consistent", "info")),
    ("全区登记在册学堂经营主体8621户，其中企业2413户、个体工商户6079户、农民专业合作社29户。", ("inconsistent", "error")),
    ("全区通学道路总里程3,120公里，其中高速公路86公里、普通国省道512公里、农村公路2,522公里。", ("consistent", "info")),
    ("全区通学道路总里程3,120公里，其中高速公路68公里、普通国省道512公里、农村公路2,522公里。", ("inconsistent", "error")),
])
def test_categories_that_partition_their_whole(body: str, verdict: tuple[str, str]) -> None:
    # 出口/进口, 企业/个体工商户/农民专业合作社 and 高速/普通国省道/农村公路 are closed breakdowns
    assert [(f.status, f.severity) for f in run(body).by_code("GW101")] == [verdict]


FUND = ("全年全区学堂基金总收入{a}亿元。分项收支情况见下表。\n单位：万元\n项目\t甲类学堂\t乙类学堂\t合计\n"
        "基金收入\t41860\t35240\t77100\n基金支出\t37925\t33618\t71543\n当期结余\t3935\t{b}\t5557\n"
        "年末累计结余\t52310\t18460\t70770\n")


def test_a_balance_row_is_income_less_spending() -> None:
    r = run(FUND.format(a="7.71", b="1622"))
    assert [f.status for f in r.by_code("GW104")] == ["consistent"] * 3  # 年末累计结余 is no such row
    r = run(FUND.format(a="7.71", b="1262"))
    assert ("inconsistent", "error") in [(f.status, f.severity) for f in r.by_code("GW104")]


def test_a_total_column_is_named_by_its_row() -> None:
    # 基金总收入 7.71 亿元 restates the 合计 of the 基金收入 row
    assert "7.71亿元" in [f.actual for f in run(FUND.format(a="7.71", b="1622")).by_code("GW125")]


@pytest.mark.parametrize("x, verdict", [("86.35", ("consistent", "info")), ("68.35", ("inconsistent", "error"))])
def test_a_classified_list_opening_a_line_breaks_down_the_sentence_before(x: str, verdict: tuple[str, str]) -> None:
    r = run(f"截至11月底，全区学堂在册学员由上年末的326.47万人增加到328.64万人。\n分类型看，公办学堂学员{x}万人，"
            "民办学堂学员242.29万人。")
    assert [(f.status, f.severity) for f in r.by_code("GW101")] == [verdict]


@pytest.mark.parametrize("d, verdict", [("40", ("consistent", "info")), ("50", ("inconsistent", "error"))])
def test_a_common_delta_is_each_changes_difference(d: str, verdict: tuple[str, str]) -> None:
    r = run(f"自1月1日起，城市学堂助学标准由每人每月780元提高到每人每月820元，农村学堂助学标准由每人每月620元提高到"
            f"每人每月660元，城乡学堂助学标准均每人每月提高{d}元。")
    assert [(f.status, f.severity) for f in r.by_code("GW104")] == [verdict] * 2


@pytest.mark.parametrize("body", [
    pytest.param("全年新登记学堂学员7845人，同比增长6.3%；其中新登记少年学员1926人，较上年的1754人增长9.8%。", id="part"),
    pytest.param("全年受理学堂咨询342件，较上年的398件下降14.1%，其中网上咨询187件，占54.7%。", id="whole"),
])
def test_last_years_value_is_no_part_nor_whole_of_a_list(body: str) -> None:
    # 较上年的 1754 人 is the base of a change, not this year's count: the 其中 list is one part
    # of this year's whole (1926 ≤ 7845; 187 ≤ 342, not ≤ 398)
    subs = run(body).by_code("GW108")
    assert subs and all(f.status == "consistent" and len(f.figures) == 2 for f in subs)
    assert not [f for f in subs if "1754" in f.message or "398" in f.message]
