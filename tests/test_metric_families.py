"""Metrics and scopes of the failure families found on held-out reports (invented sentences)."""

from __future__ import annotations

from gongwen.extract.pipeline import document_from_text, extract
from gongwen.figure import Extraction, Figure


def _by_written(ex: Extraction) -> dict[str, Figure]:
    return {f.as_written: f for f in ex.figures}


def _figures(text: str) -> dict[str, Figure]:
    return _by_written(extract(document_from_text("一、主要工作\n" + text)))


def test_a_list_of_indicators_before_fenbie_without_a_comparison_word() -> None:
    """"A、B、C分别增长x、y、z": each rate is its own indicator's growth, the list's period and
    jurisdiction (全年, 全县) no part of the first item."""
    f = _figures("全年全县社会消费品零售总额、外贸进出口总额、网络零售额分别增长4.4%、7.7%和12.5%。")
    assert [f[w].metric for w in ("4.4%", "7.7%", "12.5%")] == [
        "社会消费品零售总额增速", "外贸进出口总额增速", "网络零售额增速"]


def test_a_comparison_word_before_fenbie_is_no_part_of_the_last_item() -> None:
    f = _figures("全年生产安全事故起数、死亡人数同比分别下降18%和9.5%。")
    assert [f[w].metric for w in ("18%", "9.5%")] == ["生产安全事故起数增速", "死亡人数增速"]


def test_the_changes_of_a_fenbie_list_take_the_levels_it_names() -> None:
    """"起数和死亡人数分别由A、B下降到C、D，分别下降x和y": the levels are the listed indicators,
    and each change measures its level's; a share of each is that indicator's share."""
    f = _figures("全县生产安全事故起数和死亡人数分别由上年的40起、25人下降到33起、21人，分别下降17.5%和16%。"
                 "其中道路运输事故起数和死亡人数分别占全县的61.2%和70.1%。")
    assert f["33起"].metric == "生产安全事故起数"
    assert f["21人"].metric == "死亡人数"
    assert f["17.5%"].metric == "生产安全事故起数增速"
    assert f["16%"].metric == "死亡人数增速"
    assert f["70.1%"].metric == "死亡人数占比"


def test_a_person_verb_after_the_count_behind_an_ascii_comma() -> None:
    """"共造成2.4万人受灾," (a web text's ASCII comma): the people counted are the 受灾 ones."""
    f = _figures("汛期各类自然灾害共造成2.4万人受灾,直接经济损失3100万元。")
    assert f["2.4万人"].metric == "受灾人数"


def test_a_program_name_before_a_bare_money_noun_stays_in_the_metric() -> None:
    """"…下拨自然灾害救助资金416万元": not 资金 (then 发放金额) but the fund's whole name."""
    f = _figures("全年会同财政部门及时下拨自然灾害救助资金416万元。")
    assert f["416万元"].metric == "自然灾害救助资金"


def test_no_joiner_nor_verb_opens_a_metric() -> None:
    """"…人和B对象等参保", "占C面积X亩的Y%": the 和 after a quantity and the 占 of a share name nothing."""
    f = _figures("全年资助低保对象0.6万人和重度残疾人等参保1.9万人。"
                 "全县土地流转面积达到52.3万亩，占家庭承包耕地面积118.4万亩的44.2%。")
    assert f["1.9万人"].metric == "重度残疾人等参保人数"
    assert f["118.4万亩"].metric == "家庭承包耕地面积"


def test_the_per_words_of_a_standard_and_their_by_end_no_name() -> None:
    """"优待金按每户每年21,800元标准": not 优待金按 — the standard of 优待金 (labels/standards.py)."""
    f = _figures("义务兵家庭优待金按每户每年21,800元标准发放。")
    assert f["每户每年21,800元"].metric == "优待金标准"


def test_categories_joined_into_one_population_stay_whole() -> None:
    """"社会散居孤儿和事实无人抚养儿童…每人每月1460元": the whole joined population; an institution
    right before the people it holds is not part of their name."""
    f = _figures("社会散居孤儿和事实无人抚养儿童基本生活费标准为每人每月1390元。"
                 "全县城乡低保、特困人员分别为3120人、860人。幼儿园在园幼儿12,806人。")
    assert f["每人每月1390元"].scope == "社会散居孤儿和事实无人抚养儿童"
    assert f["12,806人"].scope == "幼儿园"


def test_a_part_takes_the_whole_its_name_shares_a_word_with() -> None:
    """"排查A隐患x项，已完成整改y项；其中排查重大B隐患z项": the part is of what was checked, not of
    the nearest whole (what was put right)."""
    f = _figures("全年累计排查各类燃气隐患1.63万项，已完成整改1.58万项，整改率96.9%；其中排查重大燃气隐患28项，全部挂牌督办。")
    assert f["28项"].metric == "排查各类燃气隐患数"
    assert f["1.58万项"].metric == "完成整改数"


def test_a_head_count_in_parentheses_after_a_rate_is_no_part_of_it() -> None:
    """"参保率为x%（以应参保人数y万人计）": the base of the rate, named by its own clause."""
    f = _figures("城乡居民基本养老保险参保32.4万人，参保率为97.2%（以应参保人数33.3万人计）。")
    assert f["33.3万人"].metric == "应参保人数"


def test_a_head_count_named_by_a_programs_act() -> None:
    """"紧急转移安置群众960人", "本科上线2,388人": the act counts the people, not a bare 人数 nor the
    figure before it (受灾人数, 参考考生人数)."""
    f = _figures("全年共遭受暴雨洪涝灾害4次，造成2.1万人受灾，紧急转移安置群众960人。"
                 "今年高考，全县参考考生4,120人，本科上线2,388人。")
    assert f["960人"].metric == "紧急转移安置人数"
    assert f["2,388人"].metric == "本科上线人数"


def test_a_long_phrase_with_no_function_word_is_cut_after_its_verb() -> None:
    """More than twelve characters and nothing to cut at: after the verb, or after 辖区 (not 数量/比例)."""
    f = _figures("在主要景区入口卡点设立临时疫情检测站37个。辖区重点商贸综合体平均出租率达到91.2%。")
    assert f["37个"].metric == "临时疫情检测站数"
    assert f["91.2%"].metric == "重点商贸综合体平均出租率"


def test_a_part_named_as_a_kind_of_the_wholes_thing_measures_the_whole() -> None:
    """"建成…实践站312个，其中镇（街道）实践站18个": one head noun, so the part counts what the whole
    counts; 其中 opens no name, even before a digit."""
    f = _figures("全市建成新时代文明实践站312个，其中镇（街道）实践站18个、村（社区）实践站294个。"
                 "全县有4A级旅游景区9家，其中5A级景区2家。")
    assert f["18个"].metric == "建成新时代文明实践站数"
    assert not f["2家"].metric.startswith("其中")


def test_a_dates_bound_is_no_part_of_a_metric() -> None:
    """"满意率在10月底前达到": not 满意率在前 once the date is dropped."""
    f = _figures("群众满意率在10月底前达到95%。")
    assert f["95%"].metric == "群众满意率"


def test_a_category_running_into_the_next_amount_is_what_is_counted() -> None:
    """"全乡11个行政村村级集体经济收入均达到…": the count is of 行政村, not of the income; an adverb after
    the number names nothing ("其余41处均已落实整改措施")."""
    f = _figures("全乡11个行政村村级集体经济收入均达到10万元以上。全年排查隐患1,137处，已整改1,096处，其余41处均已落实整改措施。")
    assert f["11个"].metric == "行政村数"
    assert not f["41处"].metric.startswith("均")


def test_the_amount_a_completion_rate_is_measured_against_is_its_target() -> None:
    """"完成区下达年度目标9亿元的104.2%": the target's name, not the verb (完成年度任务人数) nor a
    money cue of the sentence (发放金额); a target named after its amount too ("年度8万人次目标")."""
    f = _figures("全年到位资金9.38亿元，完成区下达年度目标9亿元的104.2%。"
                 "一季度开展补贴性培训1.6万人次，仅完成年度8万人次目标的20.0%。")
    assert f["9亿元"].metric == "区下达年度目标"
    assert f["8万人次"].metric == "年度目标"


def test_a_bare_total_is_the_total_of_what_the_figure_before_it_counts() -> None:
    """"新增社区食堂9个，总数达到31个": 社区食堂总数, not 总数; a head-count's phrase is never cut down
    to a bare noun ("高技能人才总量")."""
    f = _figures("全年新增社区食堂9个，总数达到31个。全市高技能人才总量达到6.12万人。")
    assert f["31个"].metric == "社区食堂总数"
    assert f["6.12万人"].metric == "高技能人才总量"


def test_a_head_count_in_ming_is_counted_by_the_act_after_its_people() -> None:
    """"为846名劳动者追回工资…": 追回工资人数 (the people are its scope), not the bare 人数; a list's
    first item ("为52名退役军人、…") keeps the bare noun."""
    f = _figures("全年为846名劳动者追回工资1,023.5万元。组织71名退役军人、36名军属参加技能培训。")
    assert f["846名"].metric == "追回工资人数"
    assert f["71名"].metric == "人数"


def test_a_percentage_of_a_whole_named_by_xiangdangyu_or_wei() -> None:
    """"收入仅相当于支出的41.6%" and "存栏…，为正常保有量…的103.5%": the subject and the whole, not 比例;
    a share's whole never carries its own amount (占符合条件教师1,402人的16.8%)."""
    f = _figures("一般公共预算收入仅相当于支出的41.6%。"
                 "其中能繁母猪存栏8.6万头，为正常保有量8.3万头的103.5%。"
                 "全年交流轮岗教师236人，占符合条件教师1,402人的16.8%。")
    assert f["41.6%"].metric == "一般公共预算收入相当于支出比例"
    assert f["103.5%"].metric == "能繁母猪存栏占正常保有量比例"
    assert f["16.8%"].metric == "占符合条件教师比重"


def test_a_table_cell_is_named_by_its_row_under_a_period_column_with_a_unit() -> None:
    """"项目 | 2025年（亿元） | 2024年（亿元） | 增长（%）": a period column's header with its unit
    still names a period, so the row names the cell (not "2025年"); a bare 同比 column beside
    level columns is the change of the table's first measure."""
    f = extract(document_from_text(
        "一、主要指标\n全年主要指标完成情况如下。\n项目\t2025年（亿元）\t2024年（亿元）\t增长（%）\n"
        "外贸进出口总额\t86.4\t80.1\t7.9\n网络零售额\t31.2\t27.5\t13.5\n"
        "年末各类主体情况见下表。\n类别\t年末实有户数（户）\t当年新增（户）\t同比（%）\n"
        "企业\t8460\t1120\t8.2\n个体工商户\t30120\t4210\t5.1\n")).figures
    by = {(f.as_written, f.unit): f for f in f}
    assert by[("86.4", "元")].metric == "外贸进出口总额"
    assert by[("27.5", "元")].metric == "网络零售额"
    assert by[("8.2", "%")].metric == "实有户数增速"


def test_the_levels_of_a_fenbie_list_of_categories_measure_one_thing() -> None:
    """"其中A、B、C分别为…家": the whole's count for each (not C数 for the first, 家数 for the rest);
    with no whole, the unit's measure (a road's: 里程); a list whose last item carries the measure keeps it."""
    f = _figures("全区规模以上服务业企业达到236家，较上年末净增19家，其中交通运输业、信息服务业、租赁业分别为58家、102家、76家。"
                 "按技术等级分,一级公路、二级公路、三级公路分别为126公里、340公里、812公里。"
                 "失业保险、工伤保险参保人数分别为21,460人、35,800人。")
    assert [f[w].metric for w in ("58家", "102家", "76家")] == ["规模以上服务业企业数"] * 3
    assert [f[w].metric for w in ("126公里", "340公里", "812公里")] == ["里程"] * 3
    assert [f[w].metric for w in ("21,460人", "35,800人")] == ["参保人数"] * 2


def test_own_names_past_a_verb_a_preposition_or_a_pay_verb() -> None:
    """美元 is money (the figure stated for 上年 measures what the sentence's does); 调整为 opens the name;
    a phrase never ends on 按; a long name cut after its pay verb is still what was paid."""
    f = _figures("全年实际使用外资8,600万美元，上年为7,900万美元。全镇优化调整为综合网格86个。"
                 "另按每户每年9,800元的标准发放优待金。全年发放义务教育家庭经济困难寄宿生生活补助412.6万元。")
    assert f["7,900万美元"].metric == "实际使用外资"
    assert f["86个"].metric == "综合网格数"
    assert f["每户每年9,800元"].metric == "优待金标准"  # the standard of what the act after it grants (4986770)
    assert f["412.6万元"].metric == "寄宿生生活补助发放金额"


def test_a_roads_length_is_its_mileage() -> None:
    """公里 of a road (公路, 县道, 国省道 …: metrics.yaml mileage_heads) measure 里程; of a pipe, 长度."""
    f = _figures("全年新改建农村公路142公里，改造老旧供水管网36.5公里。县道318.2公里。")
    assert f["142公里"].metric == "新改建农村公路里程"
    assert f["36.5公里"].metric == "改造老旧供水管网长度"
    assert f["318.2公里"].metric == "县道里程"


def test_an_amount_whose_clause_names_it_is_not_named_by_the_sentence_nouns() -> None:
    """"核查资金金额…，促进增收节支…": the second amount is 促进增收节支, not the 发放金额 the first
    clause's 金额 would make of it; the sentence's pay verbs still name a bare fund as paid."""
    f = _figures("全年核查专项资金金额5.12亿元，促进增收节支1.08亿元，挽回损失资金2,160万元。"
                 "全年发放城乡低保金3,200万元，特困人员供养金1,150万元。")
    assert f["1.08亿元"].metric == "促进增收节支"
    assert f["1,150万元"].metric == "发放金额"


def test_the_parts_of_an_amount_by_its_source_measure_what_it_measures() -> None:
    """A list of funding sources (中央和省级资金, 县级配套, 社会资本 …) breaks down the amount before
    it — in its sentence, or in the sentence before when the list opens on 从资金来源看."""
    f = _figures("全年完成交通投资9.6亿元。从资金来源看，中央和省级资金4.2亿元，市县财政资金2.3亿元，"
                 "地方政府专项债券1.8亿元，社会资本1.3亿元。"
                 "实施农田水利项目，项目资金共计860万元，其中省级资金520万元、县级配套240万元、村级自筹100万元。")
    assert [f[w].metric for w in ("4.2亿元", "2.3亿元", "1.8亿元", "1.3亿元")] == ["完成交通投资"] * 4
    assert [f[w].metric for w in ("520万元", "240万元", "100万元")] == ["项目资金"] * 3


def test_an_amount_put_to_a_use_is_an_amount_of_money() -> None:
    """"分别用于A 120万元、B 80万元": the use is what the money is for, not what it measures."""
    f = _figures("全年争取上级水污染防治专项资金300万元，分别用于河道清淤120万元、管网改造80万元。")
    assert f["120万元"].metric == f["80万元"].metric == "资金额"


def test_a_name_ending_in_shenji_keeps_its_last_character() -> None:
    """审计 is a word: its 计 is no 共计/计 cut off the end of the phrase (经济责任审数 was a broken word)."""
    f = _figures("全年完成预算执行审计8个，经济责任审计13个。")
    assert (f["8个"].metric, f["13个"].metric) == ("完成预算执行审计数", "经济责任审计数")


def test_a_bare_measure_after_de_keeps_what_it_is_of() -> None:
    """"用于X领域的支出Y亿元": the measure after 的 names nothing alone (支出), so what qualifies it
    stays (a rate's noun after 的 is read by the share's own reading, not here)."""
    f = _figures("全年用于城乡社区建设领域的支出3.6亿元，同比增长4.2%。")
    assert f["3.6亿元"].metric == "用于城乡社区建设领域支出"
    assert f["4.2%"].metric == "用于城乡社区建设领域支出增速"
