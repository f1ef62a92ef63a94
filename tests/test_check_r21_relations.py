"""Session 21, part R: relations the checker did not verify (invented words and numbers)."""

from __future__ import annotations

from checkfacts import checked, findings


def _table(*rows: str) -> str:
    return "\n".join(f"| {r} |" for r in rows) + "\n"


SERVICES = """青川县行政审批局2026年上半年工作总结
一、主要工作
（一）审批服务。上半年各窗口办件情况见下表。
""" + _table("窗口 | 受理量（件） | 其中：即办件（件）",
             "社会事务窗口 | 2,410 | 1,906",
             "市场准入窗口 | 3,785 | {cell}",
             "合计 | 6,195 | {total}")


def _subsets(cell: str = "2,214", total: str = "4,120") -> list[tuple[str, str, tuple[str, ...]]]:
    return findings(checked(SERVICES.format(cell=cell, total=total)), "GW108")


def test_a_column_a_subset_cue_heads_is_within_the_column_before_it() -> None:
    got = _subsets()
    assert ("consistent", "info", ("1,906", "2,410")) in got
    assert ("consistent", "info", ("2,214", "3,785")) in got
    assert ("consistent", "info", ("4,120", "6,195")) in got


def test_a_part_column_cell_larger_than_its_row_s_whole_is_an_error() -> None:
    got = _subsets(cell="3,875", total="5,781")
    assert ("inconsistent", "error", ("3,785", "3,875")) in got


RATES = """青川县行政审批局2026年上半年工作总结
一、主要工作
（一）审批服务。上半年各窗口办件情况见下表。
""" + _table("窗口 | 受理量（件） | 其中：网办率（%）",
             "社会事务窗口 | 2,410 | 81.2",
             "市场准入窗口 | 3,785 | 92.4")


def test_a_rate_under_a_subset_cue_is_no_part_of_the_counts() -> None:
    assert findings(checked(RATES), "GW108") == []


PROJECTS = """澄江经济开发区2026年上半年工作总结
一、招商引资
上半年新签约项目24个，协议总投资{total}亿元。分产业看，电子信息项目11个、协议投资58.4亿元，装备制造项目9个、协议投资{second}亿元，冷链物流项目{third}个、协议投资12.3亿元。
"""


def _amounts(total: str = "103.9", second: str = "33.2", third: str = "4") -> list[tuple[str, str, tuple[str, ...]]]:
    got = findings(checked(PROJECTS.format(total=total, second=second, third=third)), "GW101")
    return [g for g in got if f"{total}亿元" in g[2]]


def test_classes_whose_counts_make_up_the_whole_s_count_share_out_its_amount() -> None:
    # 11 + 9 + 4 = 24 projects: every project is in one of the three classes, so their amounts
    # make up the whole's amount, stated or misprinted
    assert ("consistent", "info", ("103.9亿元", "12.3亿元", "33.2亿元", "58.4亿元")) in _amounts()
    assert ("inconsistent", "error", ("105.9亿元", "12.3亿元", "33.2亿元", "58.4亿元")) in _amounts(total="105.9")


def test_classes_whose_counts_fall_short_leave_their_amounts_a_part() -> None:
    # 11 + 9 + 3 = 23 of 24 projects: a class may be left out, so the amounts are no sum to report
    assert not [g for g in _amounts(total="105.9", third="3") if g[0] == "inconsistent"]


HARVEST = """柳塘县农业农村局2026年工作总结
一、粮食生产
全年主要粮食作物生产情况见下表。
""" + _table("作物 | 播种面积（万亩） | 总产量（万吨） | 亩产（公斤）",
             "早稻 | 12.40 | 5.21 | {first}",
             "晚稻 | 18.75 | 8.36 | 445.9",
             "合计 | 31.15 | 13.57 | 435.6")


def _levels(first: str = "420.2") -> list[tuple[str, str, tuple[str, ...]]]:
    return findings(checked(HARVEST.format(first=first)), "GW106")


def test_a_column_of_a_level_per_unit_is_the_row_s_amount_over_its_measure() -> None:
    got = _levels()
    # 5.21 万吨 ÷ 12.40 万亩 = 420.16 公斤/亩; 13.57 ÷ 31.15 = 435.63 on the 合计 row
    assert ("consistent", "info", ("12.40", "420.2", "5.21")) in got
    assert ("consistent", "info", ("13.57", "31.15", "435.6")) in got


def test_a_level_cell_its_row_does_not_make_is_an_error() -> None:
    assert ("inconsistent", "error", ("12.40", "402.2", "5.21")) in _levels(first="402.2")


TARGETS = """澄江经济开发区2026年前三季度工作总结
一、项目建设
对照年初确定的签约30个、开工25个、竣工20个的目标任务，前三季度签约、开工、竣工项目分别为24个、{started}个、16个，完成率分别为80.0%、76.0%、80.0%。
"""


def test_a_respective_list_of_completion_rates_pairs_the_k_th_result_with_the_k_th_target() -> None:
    got = findings(checked(TARGETS.format(started="19")), "GW122")
    assert ("consistent", "info", ("24个", "30个", "80.0%")) in got
    assert ("consistent", "info", ("19个", "25个", "76.0%")) in got
    # the third rate equals the first: its own pair, by place in the list
    assert ("consistent", "info", ("16个", "20个", "80.0%")) in got


def test_a_rate_its_pair_does_not_make_is_an_error() -> None:
    got = findings(checked(TARGETS.format(started="91")), "GW122")
    assert ("inconsistent", "error", ("25个", "76.0%", "91个")) in got


FUNDS = """青川县人力资源和社会保障局2026年前三季度工作总结
一、社会保险
1-9月，全县社会保险基金总收入4.82亿元，总支出3.95亿元，当期结余8700万元。其中，城乡居民基本养老保险基金收入3.10亿元、支出2.64亿元、结余{pension}万元；失业保险基金收入6800万元、支出4100万元、结余2700万元。
"""


def _balances(pension: str = "4600") -> list[tuple[str, str, tuple[str, ...]]]:
    return findings(checked(FUNDS.format(pension=pension)), "GW104")


def test_each_item_s_balance_is_its_own_income_less_its_own_spending() -> None:
    got = _balances()
    assert ("consistent", "info", ("2.64亿元", "3.10亿元", "4600万元")) in got
    assert ("consistent", "info", ("2700万元", "4100万元", "6800万元")) in got
    assert ("consistent", "info", ("3.95亿元", "4.82亿元", "8700万元")) in got


def test_an_item_s_balance_its_flows_do_not_make_is_reported() -> None:
    # 4600 printed 6400: two digits swapped, so the pairing is confirmed and the miss an error
    assert ("inconsistent", "error", ("2.64亿元", "3.10亿元", "6400万元")) in _balances(pension="6400")


BEDS = """临江市卫生健康委员会2026年上半年工作总结
一、医疗资源
截至6月底，全市医疗卫生机构实有床位1.64万张，其中公立医院床位1.21万张、民营医院床位0.32万张，上半年净增床位420张。
"""


def test_a_change_after_a_list_is_no_balance_of_its_items() -> None:
    assert not [g for g in findings(checked(BEDS), "GW104") if "420张" in g[2]]


SIGNED = """石门街道2026年上半年工作总结
一、招商引资
上半年新签约项目6个，协议投资{amount}亿元，分别完成全年目标（12个、30亿元）的50.0%和52.0%。
二、健康服务
辖区适龄妇女“两癌”筛查年度任务各4000人，截至6月底宫颈癌筛查2150人、乳腺癌筛查{breast}人，分别完成年度任务的53.8%和49.5%。
"""


def _done(amount: str = "15.6", breast: str = "1980") -> list[tuple[str, str, tuple[str, ...]]]:
    return findings(checked(SIGNED.format(amount=amount, breast=breast)), "GW122")


def test_targets_listed_in_the_cue_pair_with_the_results_by_unit_in_order() -> None:
    got = _done()
    assert ("consistent", "info", ("12个", "50.0%", "6个")) in got
    assert ("consistent", "info", ("15.6亿元", "30亿元", "52.0%")) in got


def test_a_target_set_for_each_before_the_results_is_every_result_s() -> None:
    got = _done()
    assert ("consistent", "info", ("2150人", "4000人", "53.8%")) in got
    assert ("consistent", "info", ("1980人", "4000人", "49.5%")) in got


def test_a_result_its_listed_target_does_not_make_is_an_error() -> None:
    assert ("inconsistent", "error", ("16.5亿元", "30亿元", "52.0%")) in _done(amount="16.5")


STAGES = """青川县人民检察院2026年工作报告
一、诉讼监督
对确有错误的刑事判决提出抗诉9件，法院已改判{revised}件；向法院提出再审检察建议7件，法院已采纳5件。全县在建产业项目已开工42个，已竣工投产27个。
"""


def test_a_later_stage_of_one_piece_of_work_is_within_its_earlier_stage() -> None:
    got = findings(checked(STAGES.format(revised="6")), "GW108")
    assert ("consistent", "info", ("6件", "9件")) in got
    assert ("consistent", "info", ("5件", "7件")) in got
    assert ("consistent", "info", ("27个", "42个")) in got


def test_stages_read_from_words_say_nothing_when_they_do_not_hold() -> None:
    assert not [g for g in findings(checked(STAGES.format(revised="12")), "GW108") if "12件" in g[2]]


SHORTER = """临江市政务服务管理局2026年工作总结
一、审批提速
企业开办平均用时由上年的3.5天压缩至{days}天，压减1.5天。
"""


def test_a_fall_named_by_a_verb_of_cutting_is_a_stated_difference() -> None:
    assert ("consistent", "info", ("1.5天", "2.0天", "3.5天")) in findings(checked(SHORTER.format(days="2.0")), "GW104")
    assert ("inconsistent", "error", ("1.5天", "2.5天", "3.5天")) in findings(checked(SHORTER.format(days="2.5")), "GW104")


THRESHOLDS = """澄江经济开发区2026年工作总结
一、招商引资
全年新签约项目{total}个，其中亿元以上项目14个，10亿元以上项目5个。
"""


def test_a_higher_threshold_of_a_list_is_within_the_lower_not_one_more_part() -> None:
    got = findings(checked(THRESHOLDS.format(total="16")), "GW108")
    # 14 + 5 = 19 exceed the 16 projects, but the 5 are among the 14: each is within its whole
    assert ("consistent", "info", ("14个", "16个")) in got
    assert ("consistent", "info", ("14个", "5个")) in got
    assert not [g for g in got if g[0] == "inconsistent"]


def test_the_lowest_threshold_larger_than_the_whole_is_an_error() -> None:
    got = findings(checked(THRESHOLDS.format(total="12")), "GW108")
    assert ("inconsistent", "error", ("12个", "14个")) in got


CLINICS = """汀原县卫生健康局2026年工作总结
一、医疗资源
年末全县医疗卫生资源情况见下表。
""" + _table("机构类别 | 机构数（个） | 床位数（张）",
             "医院 | 12 | 1,840",
             "其中：公立医院 | 5 | 1,360",
             "基层医疗卫生机构 | 316 | 620",
             "专业公共卫生机构 | 6 | 90",
             "合计 | {count} | 2,550")


def test_a_total_row_adds_up_the_rows_above_it_but_a_single_sub_row() -> None:
    got = findings(checked(CLINICS.format(count="334")), "GW102")
    assert ("consistent", "info", ("12", "316", "334", "6")) in got
    assert ("consistent", "info", ("1,840", "2,550", "620", "90")) in got


MEMBERS = """青川县委统战部2026年工作总结
一、队伍建设
党外代表人士数据库入库人数由上年末的860人增至920人。其中，民主党派成员310人、党外知识分子352人。从结构看，女性{women}人，占38.0%。
"""


def test_a_criterion_after_a_subset_sentence_breaks_down_that_sentence_s_whole() -> None:
    got = findings(checked(MEMBERS.format(women="350")), "GW107")
    # 350 of the 920 in the database, not of a 其中 item: 38.04%
    assert ("consistent", "info", ("350人", "38.0%", "920人")) in got
