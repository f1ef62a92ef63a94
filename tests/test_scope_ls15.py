"""Scopes read from the shape of a breakdown and of a clause that goes on (wave 15, engineer LS):
the items of a breakdown repeat their whole's measure after their own name, a clause with no
subject of its own (a share, what of it is done, its change) is of what the clause before it counts,
the people an action is done for are its amounts' scope, an issuer inside a government is the unit
named after it, a table's indicator row of a population is of those people.  Invented sentences.
"""

from __future__ import annotations

from test_scope_ls14 import _figures  # the same invented report head: title, the body, issuer, date

from gongwen.extract.pipeline import document_from_text, extract


def test_an_item_repeating_its_wholes_measure_is_the_part_it_names() -> None:
    # 产值 and 完成投资 are the whole's measures: each item is the part named before them
    got = _figures("青禾县农业农村局", "全年全县茶旅融合产业实现产值12.4亿元，较上年增长8.1%。"
                   "其中，生态茶园产值5.6亿元。")
    assert got[-1] == ("5.6亿元", "生态茶园")
    got = _figures("青禾县交通运输局", "全年交通建设完成投资18.2亿元。分领域看，桥梁改造完成投资6.1亿元，"
                   "客运站场完成投资2.4亿元。")
    assert got[1:] == [("6.1亿元", "桥梁改造"), ("2.4亿元", "客运站场")]


def test_a_measure_of_a_named_program_is_no_part_name() -> None:
    # 企业职工基本养老保险|费: the program's name runs across the cut, the item is the program's money
    got = _figures("青禾县人力资源和社会保障局", "全年征收社会保险费合计9.8亿元，其中企业职工基本养老保险费7.1亿元、"
                   "工伤保险费0.6亿元。")
    assert [s for _, s in got] == ["全县", "全县", "全县"]


def test_a_clause_going_on_is_of_what_the_clause_before_counts() -> None:
    # 已整改: what of the hazards found is done; 较上年…增长: the change of the count before
    got = _figures("青禾县应急管理局", "全年共排查一般事故隐患1,200条，已整改1,150条。")
    assert got == [("1,200条", "一般事故隐患"), ("1,150条", "一般事故隐患")]
    got = _figures("青禾县市场监督管理局", "全年新登记经营主体5200户，其中新登记企业1300户，较上年的1180户"
                   "增长10.2%，新登记个体工商户3900户。")
    assert dict(got)["10.2%"] == "企业"


def test_a_share_is_of_the_part_before_it_not_of_its_total() -> None:
    # 占…总数的: the total is the share's denominator, the share is the part's
    got = _figures("青禾县卫生健康局", "老年人、孕产妇等重点人群签约4.6万人，占重点人群总数6.1万人的75.4%。")
    assert dict(got)["75.4%"] == "重点人群"
    got = _figures("青禾县商务局", "限额以上单位消费品零售额31.2亿元，增长4.6%，占全县社会消费品零售总额的38.5%。")
    assert dict(got)["38.5%"] == dict(got)["31.2亿元"] != "全县"


def test_after_a_list_a_clause_goes_on_about_the_whole() -> None:
    # the items joined by 、 are parts: 已化解 counts of all the disputes, not of the last item
    got = _figures("青禾县信访局", "全年排查矛盾纠纷860件，其中邻里纠纷320件、土地纠纷210件；已化解812件。")
    assert dict(got)["812件"] == "全县"
    # a change compared with another jurisdiction's level is the jurisdiction's
    got = _figures("青禾县工业和信息化局", "全县规模以上工业增加值增长7.6%，增速高于全市平均水平1.2个百分点。")
    assert dict(got)["1.2个百分点"] != "规模以上工业"


def test_an_issuer_named_after_its_government_is_the_unit_inside_it() -> None:
    # 青溪区人民政府|桃源街道办事处: the 街道's report, its whole is 全街道, not the 区's
    text = ("桃源街道2024年工作总结\n全年新增城镇就业1,260人，完成棚户区改造312户。\n"
            "青溪区人民政府桃源街道办事处\n2024年12月20日")
    got = [(f.as_written, f.scope) for f in extract(document_from_text(text)).figures]
    assert got == [("1,260人", "全街道"), ("312户", "全街道")]


def test_an_indicator_row_names_the_category_it_is_of() -> None:
    # 城镇居民人均可支配收入（元）: an indicator's row (its label carries a unit), of 城镇居民
    text = ("一、主要工作\n全年居民收入情况见下表。\n指标\t2024年\t增长（%）\n"
            "城镇居民人均可支配收入（元）\t41,260\t4.6\n农村居民人均可支配收入（元）\t20,815\t6.2\n")
    got = {f.as_written: f.scope for f in extract(document_from_text(text)).figures}
    assert [got[w] for w in ("41,260", "4.6", "20,815", "6.2")] == ["城镇居民", "城镇居民", "农村居民", "农村居民"]


def test_the_object_of_an_action_on_things_of_a_kind_is_their_category() -> None:
    # 惠及, 创建, 处理: the people or things of a kind the action reaches are what is counted
    got = dict(_figures("青禾县退役军人事务局", "全年发放帮扶资金126万元，惠及困难退役军人家庭318户；"
                        "新创建星级示范服务站12个。"))
    assert got["318户"] == "困难退役军人家庭" and got["12个"] == "星级示范服务站"
    # 组建: what an action makes is the whole's (the teams of all the county), no category
    got = dict(_figures("青禾县卫生健康局", "全县组建家庭医生团队130个，签约服务9.6万人。"))
    assert got["130个"] == "全县"


def test_the_people_an_action_is_done_for_are_the_scope_of_its_amounts() -> None:
    # 为/向/对 + a count + the people + 发放/实施…: the count and the amounts after it are theirs
    got = dict(_figures("青禾县退役军人事务局", "全年为236户烈士遗属家庭发放抚恤补助82.4万元，户均约3492元；"
                        "元旦期间开展走访慰问，发放慰问金31.5万元。"))
    assert [got[w] for w in ("236户", "82.4万元", "户均约3492元")] == ["烈士遗属家庭"] * 3
    assert got["31.5万元"] == "全县"  # (after the ；a new item: the whole's)
    got = dict(_figures("青禾县教育局", "全年对58名困难残疾学生实施资助，发放资助资金19.6万元。"))
    assert got["19.6万元"] == "困难残疾学生"
