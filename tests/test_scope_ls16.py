"""Scopes read from what a clause measures of the clause before it (wave 16, engineer LS): an
average over the things counted (人均, 户均, 村均) and a rate named by the word of the clause before
("已办结…，办结率…") are of what that clause counts, unless the clause before is a part of a whole
(其中…) or the rate names a category of its own.  Invented sentences.
"""

from __future__ import annotations

from test_scope_ls14 import _figures  # the same invented report head: title, the body, issuer, date


def test_a_rate_named_by_the_clause_before_is_of_what_it_counts() -> None:
    # 整改率 is written from 整改: the rate of the hazards counted, not of the whole county
    got = _figures("青禾县应急管理局", "全年共排查一般事故隐患2,460条，已整改2,395条，整改率97.4%。")
    assert got == [("2,460条", "一般事故隐患"), ("2,395条", "一般事故隐患"), ("97.4%", "一般事故隐患")]


def test_an_average_over_the_people_counted_is_theirs() -> None:
    # 人均 divides the money by the people the clause before counts
    got = _figures("青禾县民政局", "全年发放冬春生活救助资金218万元，救助受灾困难群众3,120人，人均699元。")
    assert dict(got)["人均699元"] == "受灾困难群众"


def test_a_rate_after_a_part_is_the_parts_share_of_the_whole() -> None:
    # 其中…持证社工: the rate is the part's share of all the workers, no rate of the part itself
    got = _figures("青禾县民政局", "全县现有社区工作者260名，其中持证社工118名，持证率45.4%。")
    assert dict(got)["45.4%"] == "全县"
    # a rate naming a category of its own (集中供养率) is of the whole the category splits
    got = _figures("青禾县民政局", "全县共有特困人员1,208人，其中集中供养386人、分散供养822人，集中供养率32.0%。")
    assert dict(got)["32.0%"] == "全县"


def test_the_members_of_a_qualified_category_are_of_that_category() -> None:
    # 在园幼儿 are the members of kindergartens: of the 普惠性 ones written before them, not of all
    got = _figures("青禾县教育局", "全县普惠性幼儿园在园幼儿12,480人，占在园幼儿总数的90.2%。")
    assert got == [("12,480人", "普惠性幼儿园"), ("90.2%", "普惠性幼儿园")]
    # unqualified, they are the kindergartens' members
    got = _figures("青禾县教育局", "全县幼儿园在园幼儿13,800人。")
    assert got == [("13,800人", "幼儿园")]


def test_the_grids_a_street_is_divided_into_are_the_wholes_and_their_kinds_are_parts() -> None:
    # 网格 alone is the street's own subdivision; 综合网格 and 专职网格员 are kinds of grids and of workers
    got = _figures("桃溪街道办事处", "全街道共划分网格86个，其中综合网格70个、专属网格16个，配备专职网格员90名、"
                   "兼职网格员210名。")
    assert got == [("86个", "全街道"), ("70个", "综合网格"), ("16个", "专属网格"), ("90名", "专职网格员"),
                   ("210名", "兼职网格员")]


def test_a_grade_and_those_above_it_are_one_band() -> None:
    # 高级工以上: the 高级工 and the grades above them, not the 高级工 alone
    got = _figures("青禾县人力资源和社会保障局", "全年新增技能人才4,200人，其中取得高级工以上证书1,100人，占26.2%。")
    assert got[1:] == [("1,100人", "高级工以上"), ("26.2%", "高级工以上")]


def test_a_part_keeps_its_head_noun_unless_a_known_category_is_left() -> None:
    # 住院救助 and 门诊救助 are the parts; 住院 alone is no category the vocabulary knows
    got = _figures("青禾县医疗保障局", "全年医疗救助8.6万人次，其中住院救助1.9万人次、门诊救助6.7万人次。")
    assert got[1:] == [("1.9万人次", "住院救助"), ("6.7万人次", "门诊救助")]
    # a known category before the program word is the part (站内|站外 split the 救助 of a station)
    got = _figures("青禾县民政局", "全年救助流浪乞讨人员420人次，其中站内救助300人次、站外救助120人次。")
    assert got[1:] == [("300人次", "站内"), ("120人次", "站外")]


def test_the_people_a_provision_is_addressed_to_are_its_figures_scope() -> None:
    # 对…: the time limit and the standard are for the people named after 对, uncounted
    got = _figures("青禾县民政局", "落实先行救助制度，对急难型救助对象在24小时内先行救助。")
    assert got == [("24小时", "急难型救助对象")]
    got = _figures("青禾县民政局", "对80周岁以上老年人每餐补贴3元，对低保、特困老年人每餐补贴6元。")
    assert got == [("3元", "80周岁以上老年人"), ("6元", "低保、特困老年人")]
    # the 对 of 对象 is no preposition: a list of people joined before their count is no provision
    got = _figures("青禾县医疗保障局", "全年资助特困人员、低保对象等困难群众参保1.6万人。")
    assert dict(got)["1.6万人"] != "象等困难群众"
