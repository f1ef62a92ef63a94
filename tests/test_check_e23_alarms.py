"""Engineer E (wave 23): false alarms where two figures near each other with compatible units were
read as the operands of one relation, each replaced by the evidence the words give (invented words):
the old value and change of a comparison that follows a level per head are per head too; a count a
per-thousand ratio counts is named by its noun with its verb and generic tail cut (总数达到); a
两项合计 whose items stand across a ； takes them there, and one found only in part is no sum (its count still told); a
rate's basis written as an average (按月均余额…计算) is still its whole, and a bracket opened at a
line's end goes on on the next line; the figure right before a rate's part is not its whole when
another rate stands between (that figure is the other rate's)."""

from __future__ import annotations

from checkfacts import checked, findings

from gongwen.extract.pipeline import document_from_text, extract

HEAD = "关于2026年青禾县相关工作情况的报告\n一、主要工作\n（一）重点工作\n"


def _units(text: str) -> list[tuple[str, str]]:
    return [(f.as_written, f.unit) for f in extract(document_from_text(HEAD + text + "\n")).figures]


AREA = ("截至12月底，全县体育场地总面积达到{total}万平方米，按常住人口{pop}万人计算，人均体育场地面积"
        "{level}平方米，比上年的{old}平方米提高{delta}平方米。")


def test_a_comparison_after_a_level_per_head_is_per_head() -> None:
    text = AREA.format(total="156.2", pop="52.4", level="2.98", old="2.87", delta="0.11")
    assert _units(text)[2:] == [("2.98平方米", "平方米/人"), ("2.87平方米", "平方米/人"),
                                ("0.11平方米", "平方米/人")]
    r = checked(HEAD + text)
    assert r.problems == ()
    assert findings(r, "GW104") == [("consistent", "info", ("0.11平方米", "2.87平方米", "2.98平方米"))]
    # a wrong change of the level per head is still an error
    wrong = checked(HEAD + AREA.format(total="156.2", pop="52.4", level="2.98", old="2.87", delta="0.21"))
    assert [(s, v) for s, v, _ in findings(wrong, "GW104")] == [("inconsistent", "error")]


def test_an_old_value_of_another_magnitude_is_not_the_levels() -> None:
    # 日均清运 is per day; 较上年的 38.6 万吨 is the year's total before it, another quantity
    units = _units("全年清运生活垃圾39.9万吨，日均清运1093吨，较上年的38.6万吨增长3.4%。")
    assert units[:3] == [("39.9万吨", "吨"), ("1093吨", "吨/日"), ("38.6万吨", "吨")]


GUIDES = ("全年新培训社会体育指导员{new}名，全县社会体育指导员总数达到{total}名，每千人拥有社会体育"
          "指导员{rate}名。\n全县常住人口{pop}万人。")


def test_a_per_thousand_ratio_counts_the_stock_its_noun_names() -> None:
    r = checked(HEAD + GUIDES.format(new="460", total="2,618", rate="4.96", pop="52.8"))
    assert r.problems == ()
    assert findings(r, "GW106") == [("consistent", "info", ("2,618名", "4.96名", "52.8万人"))]


SUBSIDY = ("家电以旧换新累计销售产品1.12万台，兑付补贴资金{a}万元；汽车以旧换新受理补贴申请682份，"
           "兑付补贴资金{b}万元，两项合计兑付补贴资金{total}万元。")


def test_a_counted_total_takes_its_items_across_a_semicolon() -> None:
    r = checked(HEAD + SUBSIDY.format(a="1,264", b="986", total="2,250"))
    assert r.problems == ()
    assert findings(r, "GW102") == [("consistent", "info", ("1,264万元", "2,250万元", "986万元"))]
    wrong = checked(HEAD + SUBSIDY.format(a="1,264", b="986", total="2,520"))
    assert [(s, v) for s, v, _ in findings(wrong, "GW102")] == [("inconsistent", "error")]


def test_a_counted_total_found_only_in_part_is_unchecked() -> None:
    text = "汽车以旧换新受理补贴申请682份，兑付补贴资金986万元，两项合计兑付补贴资金2,250万元。"
    r = checked(HEAD + text)
    assert findings(r, "GW102") == []
    # the count of the items is told, as a warning
    assert [(s, v) for s, v, _ in findings(r, "GW103")] == [("inconsistent", "warning")]


YIELD = ("全年实现业务收入{income}亿元，业务支出{cost}亿元，实现增值收益{gain}亿元，增值收益率{rate}%（按"
         "月均缴存余额{base}亿元计算）。")


def test_a_rate_over_an_average_basis_named_in_its_bracket() -> None:
    r = checked(HEAD + YIELD.format(income="4.32", cost="2.18", gain="2.14", rate="1.62", base="132.10"))
    assert r.problems == ()
    assert ("consistent", "info", ("1.62%", "132.10亿元", "2.14亿元")) in findings(r, "GW123")
    # the text names both operands: a rate they do not give is told, an error when one digit of it
    # is off (1.62 → 2.62: the pairing is meant, and misprinted)
    slip = checked(HEAD + YIELD.format(income="4.32", cost="2.18", gain="2.14", rate="2.62", base="132.10"))
    assert findings(slip, "GW123") == [("inconsistent", "error", ("132.10亿元", "2.14亿元", "2.62%"))]
    far = checked(HEAD + YIELD.format(income="4.32", cost="2.18", gain="2.14", rate="3.85", base="132.10"))
    assert findings(far, "GW123") == [("inconsistent", "warning", ("132.10亿元", "2.14亿元", "3.85%"))]


def test_a_bracket_opened_at_a_wrapped_lines_end_goes_on() -> None:
    wrapped = ("全年实现业务收入4.32亿元，业务支出2.18亿元，实现\n"
               "增值收益2.14亿元，增值收益率1.62%（按\n"
               "月均缴存余额132.10亿元计算）。按规定提取贷款风险准备\n"
               "金0.32亿元、管理费用0.18亿元，其余用于城市公共租赁住\n"
               "房建设补充资金，有力支持了全县保障性住房建设工作的开展\n"
               "和推进，各项资金均按规定及时足额拨付到位，没有发生挪用\n")
    doc = document_from_text(HEAD + wrapped)
    assert "增值收益率1.62%（按月均缴存余额132.10亿元计算）" in doc.text


def test_a_figure_before_the_part_with_another_rate_between_is_no_whole() -> None:
    # 访视率 is the visits over the newborns, stated elsewhere; 13,120 children managed stand right before
    text = ("3岁以下儿童14,260人，系统保健管理13,120人，系统保健管理率92.0%，新生儿访视人数3,418人，"
            "访视率100%。")
    r = checked(HEAD + text)
    assert [f for f in r.problems if f.code == "GW123"] == []


TASKS = ("关于2026年青禾县残联康复工作情况的报告\n一、项目基本情况\n（一）目标任务\n市残联下达我县康复项目任务共两个，"
         "即贫困精神残疾人药费补助860人，贫困残疾儿童抢救性康复64人。\n二、完成情况\n全年为贫困残疾儿童抢救性康复"
         "下拨52人的资金46.8万元，为912名贫困精神残疾人发放药费补助。\n")


def test_a_task_spelt_out_after_its_name_is_a_target_not_the_result() -> None:
    figs = extract(document_from_text(TASKS)).figures
    # the year's tasks, under a heading that states the project as it is (基本情况): not next year's
    assert [(f.as_written, f.kind, f.period) for f in figs if f.unit == "人"][:2] == [
        ("860人", "target", "2026"), ("64人", "target", "2026")]
    r = checked(TASKS)
    assert [f for f in r.problems if f.code == "GW112"] == []


def test_a_plan_heading_of_a_summary_still_dates_its_targets_next_year() -> None:
    text = "关于2026年青禾县残联工作情况的报告\n一、下一步工作打算\n力争新增残疾儿童康复救助80人。\n"
    assert [(f.kind, f.period) for f in extract(document_from_text(text)).figures] == [("target", "2027")]
