"""Kinds the sixteenth session read anew (engineer PK); every sentence here is invented.

The items of a list of one unit joined by a bare 和/、 share the kind the cue before the first
gives; a task or target named with what it is of between its year and its noun, after 各 or in a
bracket, is a target; a percentage of a base that a rule applies (按…的X%) is a standard.
"""

from __future__ import annotations

from test_metric_families import _figures  # the same invented report head: "一、主要工作" and the text


def test_the_items_of_a_list_share_the_kind_of_the_first() -> None:
    """"分别完成年度计划的A%和B%", "分别占总数的A%、B%和C%": the later items are completions, shares."""
    f = _figures("全年完成果树嫁接3.12万株、苗木移栽2.04万株，分别完成年度计划的104.0%和97.1%。"
                 "全年受理咨询820件、投诉410件、建议205件，分别占受理总数的57.1%、28.6%和14.3%。")
    assert [f[w].kind for w in ("104.0%", "97.1%")] == ["completion", "completion"]
    assert [f[w].kind for w in ("57.1%", "28.6%", "14.3%")] == ["share", "share", "share"]


def test_a_list_item_after_words_keeps_its_own_kind() -> None:
    """Words between two figures make two statements: "完成计划的98%，合格率99%" stays a result."""
    f = _figures("全年修缮校舍12所，完成年度计划的92.3%，验收合格率99.5%。")
    assert f["92.3%"].kind == "completion"
    assert f["99.5%"].kind == "actual"


def test_a_task_with_its_object_between_year_and_noun_is_a_target() -> None:
    """"省下达我县护林任务X亩", "年度疫苗接种任务为X人", "年度任务各X人", "年度目标（X个、…）"."""
    f = _figures("今年省下达我县森林抚育任务6.5万亩，已完成5.9万亩。"
                 "市下达我县的年度疫苗接种任务为1.8万人，目前已接种1.62万人。"
                 "老年人、儿童健康体检年度任务各4200人，截至10月底分别体检3980人、3875人。"
                 "新办小微企业分别完成全年目标（36家、1.5亿元）的80.6%和71.3%。")
    assert f["6.5万亩"].kind == "target" and f["5.9万亩"].kind == "actual"
    assert f["1.8万人"].kind == "target" and f["1.62万人"].kind == "actual"
    assert f["4200人"].kind == "target" and f["3980人"].kind == "actual"
    assert f["36家"].kind == "target"
    # a count of indicators is no task: "省级考核指标共42项"
    assert _figures("2023年省级考核指标共42项，均已完成。")["42项"].kind == "actual"


def test_a_rate_a_rule_applies_to_its_base_is_a_standard() -> None:
    """"按个人缴费额的60%给予补助", "按照建筑面积的3%配建": a rate set by policy; 占…的 stays a share."""
    f = _figures("对低收入参保人员按个人缴费额的60%给予补助。新建小区按照地上建筑面积的3%配建养老服务用房。"
                 "补助资金占专项资金的22.4%。")
    assert f["60%"].kind == "standard"
    assert f["3%"].kind == "standard"
    assert f["22.4%"].kind == "share"


def test_a_problem_to_solve_under_a_plan_heading_is_a_plan_task() -> None:
    """"二、2024年工作打算 （一）着力解决停车难问题": the section's figures are targets; 存在的问题 looks back."""
    from gongwen.extract.pipeline import document_from_text, extract

    report = ("青禾县城市管理局2023年工作总结\n一、2023年工作成效\n全年新建停车泊位980个。\n二、存在的问题\n"
              "全县停车泊位缺口约2600个。\n三、2024年工作打算\n（一）着力破解停车难问题\n新建公共停车泊位1500个。\n"
              "青禾县城市管理局\n2023年12月25日")
    f = {x.as_written: x for x in extract(document_from_text(report)).figures}
    assert f["1500个"].kind == "target"
    assert f["2600个"].kind == "actual"


def test_an_average_per_unit_is_a_result_and_a_months_price_is_that_months() -> None:
    """"亩均投入1800元", "笔均38万元", "销售均价为每平方米8600元" are results, not standards; a price of
    a month ("5月份…均价为每公斤13.6元") is that month's, not in force from it; "每亩补贴120元" stays a standard."""
    from gongwen.extract.pipeline import document_from_text, extract

    report = ("青禾县农业农村局2023年工作总结\n一、主要成效\n全年新建高标准农田0.9万亩，亩均投入1800元。全年发放贷款"
              "1500笔，笔均38万元。全年商品房销售均价为每平方米8600元。5月份全县生猪出栏均价为每公斤13.6元。"
              "对种粮农户每亩补贴120元。\n青禾县农业农村局\n2023年12月20日")
    f = {x.as_written: x for x in extract(document_from_text(report)).figures}
    assert [f[w].kind for w in ("1800元", "笔均38万元", "每平方米8600元", "每公斤13.6元")] == ["actual"] * 4
    assert f["每公斤13.6元"].period == "2023-05"
    assert f["120元"].kind == "standard"
