"""Metrics a figure takes from the quantity it is joined to: the second of a pair in another unit,
an average of the amount before it, a bounded time its clause names (invented sentences)."""

from __future__ import annotations

from test_metric_families import _figures  # the same invented report head


def test_the_second_of_a_pair_joined_by_a_dun_counts_the_same_things() -> None:
    """"队伍42支、1,730人", "违法建设318处、9.6万平方米": the people, the area of the things the first
    counts — not the bare 人数, 面积 of an empty clause."""
    f = _figures("全县共有各类应急救援队伍42支、1,730人。全年拆除各类违法建设318处、9.6万平方米。")
    assert f["1,730人"].metric == "应急救援队伍人数"
    assert f["9.6万平方米"].metric == "拆除各类违法建设面积"


def test_the_second_of_a_pair_after_gong_and_of_a_total_named_by_its_measure() -> None:
    """"7支共380人": 共 joins the pair too; "馆藏档案总量达到12.4万卷、20.7万件": a total named by its
    measure (总量) is the same total in the other unit."""
    f = _figures("全县组建防汛抢险队伍7支共380人。截至年底，馆藏档案总量达到12.4万卷、20.7万件。")
    assert f["380人"].metric == "组建防汛抢险队伍人数"
    assert f["20.7万件"].metric == "馆藏档案总量"


def test_a_pair_after_a_figure_of_its_unit_keeps_that_figures_metric() -> None:
    """"发生事故14起、死亡9人，较上年的18起、12人": the 12 are deaths (the figure before in 人
    names them), not the 事故's people."""
    f = _figures("全年全县发生各类生产安全事故14起、死亡9人，较上年的18起、12人分别减少4起、3人。")
    assert f["12人"].metric == "死亡人数"


def test_a_pair_of_households_and_people_stays_as_it_was() -> None:
    f = _figures("截至年底，全县共有低保对象2,104户3,315人。")
    assert f["2,104户"].metric == "低保对象户数"
    assert f["3,315人"].metric == "低保对象人数"


def test_an_average_of_an_amount_named_only_by_its_pay_verb() -> None:
    """"贷款210笔、3150万元，笔均15万元": the amount is named 发放金额 only; the average keeps it
    (笔均发放金额), not the rate's bare 标准."""
    f = _figures("全年为城乡创业青年发放创业担保贷款210笔、3150万元，笔均15万元。")
    assert f["笔均15万元"].metric == "笔均发放金额"


def test_a_mean_written_with_ping_jun_before_its_per_unit_prefix() -> None:
    """"行驶里程41.3万公里，平均每车次80.7公里": the mean of the length before it in its own
    numerator unit (公里), not the bare 平均."""
    f = _figures("全年公务用车平台派车5120车次，行驶里程41.3万公里，平均每车次80.7公里。")
    assert f["每车次80.7公里"].metric == "平均每车次行驶里程"


def test_an_average_of_a_named_amount_stays_as_it_was() -> None:
    f = _figures("全年发放义务兵家庭优待金385.2万元，户均10245元。")
    assert f["户均10245元"].metric == "户均义务兵家庭优待金"


def test_a_bounded_time_its_clause_names() -> None:
    """"平均到场时间控制在8.2分钟以内", "采购平均周期压缩到21天以内": the time named, not 时限; an
    act bounded by a time ("15日内完成整改") is still its 时限."""
    f = _figures("辖区平均到场时间控制在8.2分钟以内。政府采购平均周期压缩到21天以内。"
                 "对排查出的隐患，要求企业在15日内完成整改。")
    assert f["8.2分钟"].metric == "辖区平均到场时间"
    assert f["21天"].metric == "政府采购平均周期"
    assert f["15日"].metric == "完成整改时限"


def test_yi_xia_of_a_list_that_follows_is_no_amount_bound() -> None:
    """"重点抓好以下工作：…募集善款和物资920万元以上": 以下 opens a list; the amount is what was raised, not 限额
    (an amount's bound, "500元以下的…", still is one)."""
    f = _figures("2032年，我会将重点抓好以下工作：全年募集善款和物资920万元以上。")
    assert f["920万元"].metric == "募集善款和物资"


def test_a_growth_after_a_reference_level_is_of_what_the_level_measures() -> None:
    """"…力争达到52.6亿元，较2031年的49.1亿元增长7.1%": the reference level measures what the target
    before it does (地区生产总值), and so does the growth after it — not the bare 金额增速 the reference
    had before its sentence named it."""
    f = _figures("2032年，全镇地区生产总值力争达到52.6亿元，较2031年的49.1亿元增长7.1%。"
                 "全县持证社会工作者力争达到420人，较上年末的371人增长13.2%。")
    assert f["49.1亿元"].metric == "地区生产总值"
    assert f["7.1%"].metric == "地区生产总值增速"
    assert f["13.2%"].metric == "持证社会工作者人数增速"


def test_a_running_total_after_the_count_added_in_the_period() -> None:
    """"新增新能源快递车辆186辆，累计达到940辆": the running total of the vehicles (…累计数), not the
    bare 辆数 nor the metric of the count added (新增…数)."""
    f = _figures("全年新增新能源快递车辆186辆，累计达到940辆。全年新增注册交易主体1,210家,累计达9,870家。"
                 "新建社区老年助餐点14个，全县累计达到63个。")
    assert f["940辆"].metric == "新能源快递车辆累计数"
    assert f["9,870家"].metric == "注册交易主体累计数"
    assert f["63个"].metric == "社区老年助餐点累计数"
    assert f["14个"].metric == "新建社区老年助餐点数"


def test_no_metric_opens_on_a_closing_bracket() -> None:
    """"（常住人口52.3万人）共报告…" and "…住房(廉租住房)建设补充资金": the bracket that closed round a
    quantity, or round a name the phrase was cut after, is no part of the metric."""
    f = _figures("全年全县（常住人口52.3万人）共报告法定传染病17种4,806例。"
                 "全年上缴城市公共租赁住房(廉租住房)建设补充资金2.4亿元。")
    assert f["17种"].metric == "报告法定传染病数"
    assert f["4,806例"].metric == "报告法定传染病例数"
    assert f["2.4亿元"].metric == "建设补充资金"


def test_shang_sheng_ends_no_name() -> None:
    """"…受理仲裁案件1,182件，较上年的1,046件上升13.0%": 上升 is the change's verb like 增长 — the
    growth is of the cases, not a 上升增速."""
    f = _figures("全年受理劳动人事争议仲裁案件1,182件，较上年的1,046件上升13.0%。"
                 "全年查处各类道路交通违法行为9.86万起，同比上升6.4%。")
    assert f["13.0%"].metric == "受理劳动人事争议仲裁案件数增速"
    assert f["6.4%"].metric == "查处各类道路交通违法行为数增速"


def test_a_count_whose_phrase_names_its_measure_takes_no_count_noun() -> None:
    """"快递业务量2.31亿件", "总阅读量860万次": the phrase ends on its measure (量), not 业务量数, 阅读量次数."""
    f = _figures("全年完成快递业务量2.31亿件，同比增长14.2%。全平台总阅读量860万次。")
    assert f["2.31亿件"].metric == "完成快递业务量"
    assert f["14.2%"].metric == "完成快递业务量增速"
    assert f["860万次"].metric == "全平台总阅读量"


def test_yi_nei_after_a_count_is_no_counted_noun() -> None:
    """"火灾起数控制在310起以内": 以内 bounds the count like 以上 and 以下 — no 以内数."""
    f = _figures("力争全县火灾起数控制在310起以内，新增信访积案控制在6件以内。")
    assert f["310起"].metric == "火灾起数"
    assert f["6件"].metric == "新增信访积案数"


def test_an_an_pai_after_an_amounts_name_names_nothing() -> None:
    """"民政事业预算安排3.12亿元", "医疗救助资金安排不低于1.6亿元": 安排 ends no name, as 完成 and 实现
    before a figure do not."""
    f = _figures("2032年全县民政事业预算安排3.12亿元，较上年的2.96亿元增长5.4%。医疗救助资金安排不低于1.6亿元。")
    assert f["3.12亿元"].metric == "民政事业预算"
    assert f["5.4%"].metric == "民政事业预算增速"
    assert f["1.6亿元"].metric == "医疗救助资金"


def test_a_flow_held_under_a_bound_is_that_flow() -> None:
    """"职工医保基金支出控制在28.4亿元以内": the target of the fund's spending, named as a bounded rate
    is (城镇登记失业率控制在…以内) — not 限额; an amount bounding the cases a rule applies to stays 限额."""
    f = _figures("2032年，职工医保基金支出控制在28.4亿元以内。救助金额在800元以下的由街道直接审批，"
                 "救助金额在2000元（含）以下的委托乡镇审批。个人创业担保贷款额度最高25万元。")
    assert f["28.4亿元"].metric == "职工医保基金支出"
    assert f["800元"].metric == "限额"
    assert f["2000元"].metric == "限额"
    assert f["25万元"].metric == "限额"
