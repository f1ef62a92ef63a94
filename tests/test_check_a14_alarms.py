"""Engineer A (wave 14): false alarms of group G's first read, fixed by the mechanism that misread
the text (invented words throughout).  G is not held out for this work: its alarms were the brief.

- a name made only of reference words (较上年的, 完成年度目标) names the figure it is the reference
  of, not a quantity of its own: two such figures are not one fact;
- 再 inside a word (再就业) plans no rest of the year;
- a target named as an increase (扩面任务) is met by the increase, not the level;
- the rates of a 分别 list pair with the results in their order;
- a rate of one year is never computed from counts the text dates to another;
- last year's value is no class of a classified list, a part within a class none of a list by
  measure, and a short name after a sibling of its unit is its own;
- the parts of a flow restate a table's flow column, and a running total is no part of a flow;
- an inflow beside an outflow is no net change; two targets of two kinds of one noun are two.
"""

from __future__ import annotations

from gongwen.check import check
from gongwen.extract.pipeline import document_from_text, extract

HEAD = "关于2026年青禾县民政工作的报告\n一、重点工作\n（一）低保保障\n"


def _findings(body: str, code: str, head: str = HEAD) -> list[tuple[str, str, tuple[str, ...]]]:
    report = check(extract(document_from_text(head + body)))
    return [(f.status, f.severity, tuple(sorted(g.as_written for g in f.figures))) for f in report.by_code(code)]


def _problems(body: str, head: str = HEAD) -> list[str]:
    report = check(extract(document_from_text(head + body)))
    return [f"{f.code} {f.message}" for f in report.problems]


def test_two_old_values_of_two_comparisons_are_not_one_fact() -> None:
    body = ("全年安排城乡低保资金2.36亿元，较上年的2.18亿元增长8.3%。\n（二）经费保障\n"
            "全县民政事业预算安排5.12亿元，较上年的4.75亿元增长7.8%。\n")
    assert _findings(body, "GW112") == []


def test_two_completion_targets_of_two_results_are_not_one_target() -> None:
    head = "关于2025年青禾区前三季度人社工作的报告\n一、主要工作\n（一）稳就业\n"
    body = ("1-9月，全区城镇失业人员再就业1262人，完成年度目标1600人的78.9%。\n（二）技能培训\n"
            "1-9月，全区新增取得职业技能等级证书5208人，完成年度目标6400人的81.4%。\n")
    assert _findings(body, "GW112", head) == []
    # the rest of the year is not planned by the 再 of 再就业: no sum of the result with itself
    assert _findings(body, "GW101", head) == []


def test_a_completion_target_restated_in_the_plan_is_still_confirmed() -> None:
    head = "关于2025年青禾区前三季度人社工作的报告\n一、主要工作\n（一）稳就业\n"
    body = ("1-9月，全区城镇新增就业5318人，完成年度目标7200人的73.9%。\n二、第四季度工作打算\n"
            "确保全年城镇新增就业7200人以上。\n")
    found = _findings(body, "GW112", head)
    assert ("consistent", "info", ("7200人", "7200人")) in found


def test_a_target_named_as_an_increase_is_met_by_the_increase() -> None:
    head = "关于2025年青禾区前三季度社保工作的报告\n一、主要工作\n（一）扩面\n"
    body = ("截至9月底，全区企业职工基本养老保险参保人数达到23.41万人，较上年末的22.87万人净增5400人，"
            "完成年度扩面任务7200人的75.0%。\n")
    assert _findings(body, "GW122", head) == [("consistent", "info", ("5400人", "7200人", "75.0%"))]


def test_a_level_before_an_unnamed_target_is_still_the_result() -> None:
    head = "关于2025年青禾镇财政工作的报告\n一、主要工作\n（一）收入\n"
    body = "全年完成一般公共预算收入9860万元，较上年增加420万元，增长4.4%，为年度目标9500万元的103.8%。\n"
    assert _findings(body, "GW122", head) == [("consistent", "info", ("103.8%", "9500万元", "9860万元"))]


def test_respective_completion_rates_pair_in_order() -> None:
    head = "关于2025年青禾市卫生健康工作的报告\n一、主要工作\n（一）妇幼健康\n"
    body = "全年完成孕前优生检查3.12万人、新生儿听力筛查2.94万人，分别完成年度任务（各3万人）的104.0%和98.0%。\n"
    assert sorted(_findings(body, "GW122", head)) == [
        ("consistent", "info", ("104.0%", "3.12万人", "3万人")),
        ("consistent", "info", ("2.94万人", "3万人", "98.0%"))]
    wrong = body.replace("98.0%", "89.0%")
    assert ("inconsistent", "error", ("2.94万人", "3万人", "89.0%")) in _findings(wrong, "GW122", head)


def test_a_rate_of_next_year_is_not_computed_from_last_years_counts() -> None:
    body = ("将全县3.48万名低收入人口全部纳入动态监测，2025年共核实处置风险预警信息2615条，"
            "2026年确保预警信息核查处置率保持100%。\n")
    assert _findings(body, "GW123") == []


def test_last_years_value_is_no_class_of_a_classified_list() -> None:
    head = "关于2025年青禾县信访工作的报告\n一、总体情况\n（一）信访总量\n"
    body = ("全年全县共登记群众信访3120件，较上年的3406件下降8.4%。从渠道看，来信402件，占12.9%；"
            "来访1018件，较上年的1175件下降13.4%，占32.6%；网上信访1700件，占54.5%。\n")
    found = _findings(body, "GW101", head) + _findings(body, "GW108", head)
    assert ("consistent", "info", ("1018件", "1700件", "3120件", "402件")) in found
    assert not [f for f in found if f[0] == "inconsistent"]


def test_a_part_within_a_class_is_no_class_of_a_list_by_measure() -> None:
    head = "关于2025年上半年青禾市医疗保障工作的报告\n一、主要工作\n（一）基金运行\n"
    body = ("上半年，全市医保基金总收入36.20亿元；总支出30.15亿元；当期结余6.05亿元。分险种看，"
            "职工医保基金收入21.34亿元，较上年同期的20.11亿元增长6.1%，其中统筹基金收入13.62亿元；支出17.02亿元，"
            "当期结余4.32亿元。城乡居民医保基金收入14.86亿元；支出13.13亿元，当期结余1.73亿元。\n")
    assert [f for f in _problems(body, head) if f.startswith(("GW101", "GW108"))] == []


def test_a_short_name_after_a_sibling_of_its_unit_is_its_own() -> None:
    head = "关于2025年上半年青禾市医疗保障工作的报告\n"
    body = ("上半年全市医保基金总收入36.20亿元，总支出30.15亿元，基金运行平稳。\n一、主要工作\n（一）基金运行\n"
            "上半年，全市医保基金总收入36.20亿元，同比增长4.1%；总支出30.15亿元，同比增长6.2%；当期结余6.05亿元。\n")
    assert [f for f in _findings(body, "GW112", head) if f[0] == "inconsistent"] == []


def test_the_parts_of_a_flow_restate_the_tables_flow_column_not_its_stock() -> None:
    head = "关于2025年青禾市气象工作的报告\n一、观测站网\n"
    body = ("全年新建各类观测站点24个，其中国家级地面气象观测站3个、区域自动气象站21个。截至12月底，全市气象观测站点达到196个。\n"
            "| 站点类型 | 2024年末（个） | 本年新建（个） | 2025年末（个） |\n"
            "| 国家级地面气象观测站 | 6 | 3 | 9 |\n"
            "| 区域自动气象站 | 166 | 21 | 187 |\n"
            "| 合计 | 172 | 24 | 196 |\n")
    assert [f for f in _findings(body, "GW125", head) if f[0] == "inconsistent"] == []


def test_an_inflow_beside_an_outflow_is_not_the_net_change() -> None:
    head = "关于2025年青禾市气象工作的报告\n一、队伍建设\n"
    body = "全市气象信息员队伍由年初的3105名调整为年末的3262名，全年新增246名、因工作变动等原因退出89名。\n"
    assert [f for f in _findings(body, "GW104", head) if f[0] == "inconsistent"] == []
    # a single stated change is still checked
    one = "全市气象信息员队伍由年初的3105名调整为年末的3262名，全年净增175名。\n"
    assert ("inconsistent", "error", ("175名", "3105名", "3262名")) in _findings(one, "GW104", head)


def test_a_running_total_after_a_flows_list_is_no_part_of_it() -> None:
    head = "关于2025年青禾县机关事务工作的报告\n一、公务用车\n"
    body = "全年更新购置公务用车31辆，其中新能源汽车27辆，全县新能源公务用车累计达到96辆，占实有车辆的35.2%。\n"
    assert [f for f in _findings(body, "GW108", head) if f[0] == "inconsistent"] == []


def test_two_targets_of_two_kinds_of_one_noun_are_not_one_target() -> None:
    head = "关于2025年青禾县机关事务工作的报告\n一、2026年工作计划\n（一）节能降耗\n"
    body = "新建公共机构充电桩40个，实施节能改造项目14个以上。\n（二）办公用房\n完成办公用房维修改造项目16个。\n"
    assert [f for f in _findings(body, "GW112", head) if f[0] == "inconsistent"] == []


def test_a_share_after_a_share_keeps_its_own_name() -> None:
    # 占 alone relates a share to its whole, not to the share before it
    from gongwen.check.engine import _base_unit
    from gongwen.check.reading.mentions import mentions
    from gongwen.check.reading.textindex import TextIndex

    ext = extract(document_from_text(HEAD + "全年来信312件，占9.4%，来访1046件，占31.5%。\n"))
    idx = TextIndex(ext.document.text, [_base_unit(f) for f in ext.figures])
    names = {m.fig.as_written: m.name for m in mentions(idx, {})}
    assert "来访" in names["31.5%"] and "来信" not in names["31.5%"]


def test_a_level_named_new_is_the_result_of_a_target_named_new() -> None:
    head = "关于2025年青禾区前三季度人社工作的报告\n一、主要工作\n（一）稳就业\n"
    body = "1-9月，全区城镇新增就业5318人，较上年同期增加266人，完成年度新增就业目标7200人的73.9%。\n"
    assert _findings(body, "GW122", head) == [("consistent", "info", ("5318人", "7200人", "73.9%"))]
