"""What an amount is of when the people paid stand before the pay verb, and a rate named by 强度
(invented text)."""

from __future__ import annotations

from test_metric_families import _figures  # the same invented report head: "一、主要工作" and the text


def test_the_thing_paid_after_the_people_paid_names_the_amount_and_its_average() -> None:
    """"为N户…家庭发放优待金X万元，户均Y元": X is the 优待金 paid (not the bare 发放金额), and Y its
    average per household (户均优待金, not the fallback 标准)."""
    f = _figures("全年为286户烈属家庭发放抚恤金905.2万元，户均约3.16万元。"
                 "向640户城镇低收入家庭发放住房租赁补贴218.4万元，户均3413元。")
    assert f["905.2万元"].metric == "抚恤金发放金额"
    assert f["户均约3.16万元"].metric == "户均抚恤金"
    assert f["218.4万元"].metric == "住房租赁补贴发放金额"
    assert f["户均3413元"].metric == "户均住房租赁补贴"


def test_a_bare_money_word_after_the_people_paid_keeps_the_old_reading() -> None:
    """"为N名困难群众发放资金X万元": 资金 names no thing, so no 资金发放金额."""
    f = _figures("全年为1,260名困难群众发放资金315.8万元。")
    assert f["315.8万元"].metric != "资金发放金额"


def test_an_intensity_in_percent_is_named_by_its_noun() -> None:
    """"研发投入强度达到2.41%": 强度 names a ratio as 率 does (not the fallback 比例)."""
    f = _figures("全年全社会研发经费投入36.2亿元，研发投入强度达到2.41%。")
    assert f["2.41%"].metric == "研发投入强度"


def test_a_standard_is_named_by_what_the_act_after_it_grants() -> None:
    """"按每人每年N元标准发放X资金M万元": N is the 标准 of X (not the bare 标准), M what was paid;
    an act of standard_acts_named stays in the name (减免); 拨付到位 grants no thing."""
    f = _figures("按每人每年6000元标准发放巡河员补助资金312万元。"
                 "对辖区户籍居民按每具800元的标准减免遗体运送、火化等基本殡葬服务费用。"
                 "养护补助按乡道每公里每年0.6万元的标准拨付到位。")
    assert f["每人每年6000元"].metric == "巡河员补助标准"
    assert f["312万元"].metric == "巡河员补助资金发放金额"
    assert f["每具800元"].metric == "基本殡葬服务费用减免标准"
    assert f["每公里每年0.6万元"].metric != "到位标准"  # (元/公里/年: the per-unit words are the literal's)


def test_a_structure_changed_from_last_years_ratio_is_a_set_of_shares() -> None:
    """"2024年全区三次产业结构由上年的A:B:C调整为D:E:F": D, E and F are shares of the structure (not
    levels), named without the date's 年 (全区三次产业结构比重, not 年全区…)."""
    f = _figures("2024年全区三次产业结构由上年的9.6:41.8:48.6调整为9.1:42.3:48.6，工业比重回升。")
    assert [f[w].kind for w in ("9.1", "42.3")] == ["share", "share"]
    assert f["9.1"].metric == "全区三次产业结构比重"


def test_a_bracketed_qualifier_after_a_programs_name_is_part_of_the_name() -> None:
    """"…服务中心（站）接待来访咨询N人次": the phrase is cut after the name with its （站）, not before it
    (was （站）接待来访咨询); "示范村(社区)N个" counts the whole name (was (社区)数)."""
    f = _figures("各级退役军人服务中心（站）全年接待来访咨询2,860人次。新创建省级民主法治示范村(社区)5个。")
    assert f["2,860人次"].metric == "接待来访咨询人次"
    assert f["5个"].metric == "民主法治示范村(社区)数"
