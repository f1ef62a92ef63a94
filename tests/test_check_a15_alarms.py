"""Engineer A (wave 15): false alarms of readers new to the checker (group H first read, dev), each
fixed by what the words say, on invented text — a bracket right after a figure that opens with
another period (（2025 年末为 33 家）, （上年为 …）) states the same quantity at that time: neither a
part of it nor an operand of a rate beside it."""

from __future__ import annotations

from checkfacts import checked, findings

PLAN = "青石镇2026年工作要点\n"
SUMMARY = "青石镇2025年工作总结\n"


def test_a_bracketed_value_of_another_year_is_no_part_of_the_figure_before() -> None:
    r = checked(PLAN + "生产安全事故起数控制在2起以内（2025年为3起），坚决遏制较大事故。"
                "规上企业总数达到41家（2025年末为36家）。")
    assert findings(r, "GW108") == []
    assert r.problems == ()


def test_a_share_reads_this_year_s_figures_not_the_bracketed_last_year_ones() -> None:
    ok = ("全年实施重点项目26个，完成总投资52.4亿元（上年为44.1亿元），其中产业项目投资17.3亿元"
          "（2024年为15.2亿元），占总投资的33.0%。")
    assert findings(checked(SUMMARY + ok), "GW107") == [("consistent", "info", ("17.3亿元", "33.0%", "52.4亿元"))]
    bad = ok.replace("33.0%", "36.0%")
    assert findings(checked(SUMMARY + bad), "GW107") == [("inconsistent", "error", ("17.3亿元", "36.0%", "52.4亿元"))]


def test_a_share_s_value_of_last_year_after_it_is_not_read_under_the_share_s_cue() -> None:
    text = ("全县门诊总量240.0万人次，其中乡镇卫生院门诊量132.0万人次，占门诊总量的55.0%，"
            "较上年同期的52.1%提高2.9个百分点。")
    r = checked(SUMMARY + text)
    assert findings(r, "GW107") == [("consistent", "info", ("132.0万人次", "240.0万人次", "55.0%"))]
    assert r.problems == ()


DEPOSITS = ("截至11月末，全市各项存款余额3280.40亿元，比年初增加241.60亿元，同比增长{r}%。"
            "各项贷款余额2915.70亿元，比年初增加{d}亿元，同比增长10.2%。")


def test_a_change_since_the_year_s_start_is_not_the_base_of_a_year_on_year_rate() -> None:
    r = checked(SUMMARY + DEPOSITS.format(r="7.9", d="263.25"))
    assert findings(r, "GW124") == []
    assert r.problems == ()


def test_a_year_on_year_rate_still_reads_its_own_change() -> None:
    r = checked(SUMMARY + "全年税收收入27.50亿元，比上年增加2.50亿元，增长10.0%。")
    assert findings(r, "GW124") == [("consistent", "info", ("10.0%", "2.50亿元", "27.50亿元"))]


def test_changes_since_the_year_s_start_of_two_things_are_not_one_fact() -> None:
    text = ("一、存款\n截至11月末，全市各项存款余额3280.40亿元，比年初增加241.60亿元。\n"
            "二、贷款\n各项贷款余额2915.70亿元，比年初增加263.25亿元。")
    assert findings(checked(SUMMARY + text), "GW112") == []


def test_a_provision_coverage_ratio_may_exceed_a_hundred_percent() -> None:
    r = checked(SUMMARY + "贷款损失准备余额61.20亿元，拨备覆盖率238.4%，风险抵补能力较强。")
    assert findings(r, "GW109") == []


def test_new_entries_beside_those_cleared_out_are_no_net_change() -> None:
    text = "专家库在库专家由年初的2,740名增至2,915名，全年新增入库236名、清退61名。"
    r = checked(SUMMARY + text)
    # the two flows make the change (2,740 + 236 − 61 = 2,915: verified, wave 16), the new entries alone do not
    assert findings(r, "GW104") == [("consistent", "info", ("2,740名", "2,915名", "236名", "61名"))]
    assert r.problems == ()


SECTIONS = ("一、主要工作\n（一）工程招投标。全年完成工程招投标842宗，中标金额96.40亿元，节约资金{a}亿元。\n"
            "（二）政府采购。全年完成政府采购1,206宗，成交金额21.75亿元，节约资金{b}亿元。\n")


def test_one_bare_measure_in_two_subsections_is_each_subsection_s_own() -> None:
    assert findings(checked(SUMMARY + SECTIONS.format(a="4.12", b="1.37")), "GW112") == []


def test_one_bare_measure_in_two_subsections_one_misprint_apart_is_still_one_fact() -> None:
    found = findings(checked(SUMMARY + SECTIONS.format(a="4.12", b="4.21")), "GW112")
    assert [(status, codes) for status, _, codes in found] == [("inconsistent", ("4.12亿元", "4.21亿元"))]


def test_a_summary_s_total_is_not_a_section_s_part_restated() -> None:
    text = ("一、总体情况\n全年完成交易1,206宗，合计节约资金5.49亿元。\n二、分项情况\n"
            "（一）工程招投标。中标金额96.40亿元，节约资金4.12亿元。\n（二）政府采购。成交金额21.75亿元，节约资金1.37亿元。\n")
    assert findings(checked(SUMMARY + text), "GW112") == []


def test_an_item_of_a_list_of_bare_figures_is_no_whole_of_a_later_criterion() -> None:
    text = ("各板块交易额分别为96.40亿元、21.75亿元、88.10亿元。从节支增值看，招标控制价合计120.30亿元，"
            "成交金额合计114.81亿元，累计节约资金5.49亿元。")
    r = checked(SUMMARY + text)
    assert findings(r, "GW108") == [] and findings(r, "GW101") == []


CHANNELS = """关于2025年青苇县来信来访工作情况的报告
一、受理总量
全年共受理群众来信、来访和网上反映{n}件次，同比下降5.2%。各季度受理情况见下表。
| 季度 | 来信（件次） | 来访（件次） | 网上反映（件次） | 合计（件次） |
| 上半年 | 64 | 251 | 392 | 707 |
| 下半年 | 58 | 233 | 410 | 701 |
| 合计 | 122 | 484 | 802 | 1408 |
"""


def test_a_sentence_naming_several_columns_restates_their_sum_not_one_column() -> None:
    r = checked(CHANNELS.format(n="1408"))
    assert r.problems == ()
    assert all("“来信”" not in f.message for f in r.by_code("GW125"))


def test_two_criteria_in_one_sentence_break_the_same_whole_down_each() -> None:
    text = ("全年签约项目72个，协议投资246.3亿元。从投资规模看，投资1亿元以上项目33个，其中10亿元以上项目7个；"
            "从项目来源看，来自长三角的项目26个、珠三角项目15个、省内项目9个，承接产业转移成效明显。")
    r = checked(SUMMARY + text)
    assert r.problems == ()
    assert all(f.figures[0].as_written != "33个" for f in r.by_code("GW108") + r.by_code("GW101")
               if any(g.as_written == "26个" for g in f.figures))


def test_a_criterion_after_another_criterion_s_list_breaks_down_the_total_before_both() -> None:
    text = ("全年实现到位资金98.60亿元，比上年增长6.1%。从资金来源看，续建项目到位资金61.20亿元，占62.1%；"
            "新签约项目到位资金37.40亿元。分产业链看，电池材料产业链到位{a}亿元，绿色食品产业链到位14.2亿元。")
    ok = checked(SUMMARY + text.format(a="40.15"))
    assert ok.problems == ()
    assert ("consistent", "info", ("14.2亿元", "40.15亿元", "98.60亿元")) in findings(ok, "GW108")


def test_a_later_item_after_a_change_verb_is_a_change_and_rates_by_place_are_not_guessed() -> None:
    text = "截至年底，馆藏档案总量达到52.30万卷、64.80万件，较上年末分别增加2.50万卷、5.20万件，分别增长5.0%、8.7%。"
    r = checked(SUMMARY + text)
    assert findings(r, "GW105") == []
    assert r.problems == ()


def test_persons_bracketed_after_person_times_are_within_them_and_not_the_result() -> None:
    text = "全年开展补贴性职业技能培训2.52万人次（参训1.87万人），完成年度目标2.4万人次的105.0%。"
    r = checked(SUMMARY + text)
    assert findings(r, "GW122") == [("consistent", "info", ("105.0%", "2.4万人次", "2.52万人次"))]
    assert findings(r, "GW108") == [("consistent", "info", ("1.87万人", "2.52万人次"))]
    assert findings(r, "GW117") == [] and r.problems == ()


def test_a_target_s_growth_base_is_not_a_level_that_only_shares_a_generic_tail_and_verb() -> None:
    text = ("青石县社保局2025年工作总结和2026年工作计划\n一、2025年工作总结\n社会保障卡持卡人数达到48.6万人，"
            "电子社保卡签发31.2万张。\n二、2026年工作计划\n力争企业职工基本养老保险参保人数达到26万人，较2025年增长3.1%。")
    r = checked(text)
    assert findings(r, "GW105") == [] and r.problems == ()


def test_a_balance_whose_sentence_opens_with_a_set_flows_from_that_set() -> None:
    text = ("全年排查各类隐患5218项，其中重大隐患9项；已整改5104项，整改率97.8%。"
            "重大隐患中，已整改销号{done}项，剩余1项已落实整改责任人。")
    ok = checked(SUMMARY + text.format(done="8"))
    assert ("consistent", "info", ("1项", "8项", "9项")) in findings(ok, "GW104")
    assert ok.problems == ()


def test_items_named_by_a_kind_and_by_a_property_cut_the_whole_two_ways() -> None:
    r = checked(SUMMARY + "全年公开招聘引进各类人才58人，其中硕士以上学历人才34人，具有高级职称的27人。")
    assert findings(r, "GW108") == [("consistent", "info", ("34人", "58人")), ("consistent", "info", ("27人", "58人"))]
    assert r.problems == ()
    bad = checked(SUMMARY + "全年公开招聘引进各类人才58人，其中硕士以上学历人才34人，具有高级职称的67人。")
    assert ("inconsistent", "error", ("58人", "67人")) in findings(bad, "GW108")


def test_items_named_by_the_means_they_came_through_cut_across_kinds() -> None:
    text = ("全年接待查档利用15260人次。其中，通过线上平台受理查档6480人次，占42.5%；"
            "为群众查询婚姻、学籍等民生档案9930人次，办结率100%。")
    r = checked(SUMMARY + text)
    assert ("consistent", "info", ("15260人次", "6480人次")) in findings(r, "GW108")
    assert r.problems == ()


def test_a_population_both_subsection_headings_name_stays_one_fact() -> None:
    text = ("一、主要工作\n（一）留守儿童关爱保护。截至10月底我县有农村留守儿童412人，全部落实监护责任。\n"
            "（二）留守儿童助学帮扶。我县现有农村留守儿童398人，全部纳入助学帮扶范围。\n")
    found = findings(checked(SUMMARY + text), "GW112")
    assert [(status, figs) for status, _, figs in found] == [("inconsistent", ("398人", "412人"))]


def test_a_target_restated_in_two_subsections_stays_one_fact() -> None:
    text = ("青石县人社局2025年上半年工作总结\n一、上半年工作成效\n（一）城镇就业稳中有进。6月末全县城镇调查失业率为"
            "4.2%，比5.5%的年度控制目标低1.3个百分点。\n二、下半年工作打算\n（一）全力稳就业。确保全年城镇调查失业率"
            "控制在{b}%以内。\n")
    assert findings(checked(text.format(b="5.5")), "GW112") == [("consistent", "info", ("5.5%", "5.5%"))]
    assert findings(checked(text.format(b="6.5")), "GW112") == [("inconsistent", "error", ("5.5%", "6.5%"))]
