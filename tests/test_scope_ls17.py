"""Scopes of table rows (wave 17, engineer LS): the rows of a table whose first header cell names a
classification (事故类别, 站点类型, 企业名称: heads.yaml row_classes) are its classes — a program word in
the row or not, a list of kinds (抢劫、抢夺) included — unless a row names the program itself (险种 |
失业保险); a row that is a period (一季度) is no class: its cells are the jurisdiction's.  Invented tables.
"""

from __future__ import annotations

from test_scope_ls14 import _figures  # the same invented report head: title, the body, issuer, date

from gongwen.extract.pipeline import document_from_text, extract


def _table(issuer: str, body: str) -> list[tuple[str, str | None]]:
    text = f"{issuer}2024年工作总结\n{body}\n{issuer}\n2024年12月20日"
    return [(f.as_written, f.scope) for f in extract(document_from_text(text)).figures if f.source == "table"]


def test_the_rows_of_a_table_of_classes_are_its_classes() -> None:
    # 火灾 is a program word of the 应急 vocabulary, still one class of the accidents here
    body = ("全年各类事故情况如下表：\n事故类别\t起数（起）\t死亡人数（人）\n道路交通\t14\t6\n火灾\t5\t2\n"
            "溺水、坠落\t3\t3\n合计\t22\t11\n全县将继续强化隐患排查。")
    got = _table("青禾县应急管理局", body)
    assert got == [("14", "道路交通"), ("6", "道路交通"), ("5", "火灾"), ("2", "火灾"),
                   ("3", "溺水、坠落"), ("3", "溺水、坠落"), ("22", "全县"), ("11", "全县")]


def test_classes_under_period_columns_are_classes_not_items_measured() -> None:
    # (指标 | 2023年 | 2024年 rows name the items measured; 站点类型 rows are kinds of stations)
    body = ("全县观测站点情况如下：\n站点类型\t2023年末（个）\t2024年末（个）\n雨量观测站\t40\t46\n"
            "自动土壤墒情站\t6\t9\n全县将继续完善站网布局。")
    got = _table("青禾县气象局", body)
    assert [s for _, s in got] == ["雨量观测站", "雨量观测站", "自动土壤墒情站", "自动土壤墒情站"]


def test_a_row_naming_the_program_itself_is_the_whole() -> None:
    # a table of 险种 lists programs: each row is the program, its figures the county's
    body = ("全县社会保险参保情况如下：\n险种\t参保人数（人）\n失业保险\t26,410\n工伤保险\t31,250\n"
            "全县将继续扩大参保覆盖面。")
    got = _table("青禾县人力资源和社会保障局", body)
    assert [s for _, s in got] == ["全县", "全县"]


def test_a_company_named_in_a_row_is_not_the_place_inside_its_name() -> None:
    # 县城 inside 县城市燃气有限公司 is no class of its own: the row's company is
    body = ("县属企业主要指标如下：\n企业名称\t资产总额（亿元）\t营业收入（万元）\n县城市燃气有限公司\t12.6\t8,240\n"
            "县粮食储备有限公司\t4.1\t3,060\n全县将继续深化国企改革。")
    got = _table("青禾县财政局", body)
    assert [s for _, s in got] == ["县城市燃气有限公司"] * 2 + ["县粮食储备有限公司"] * 2


def test_a_row_that_is_a_period_is_the_jurisdictions() -> None:
    body = ("全年快递业务情况如下：\n季度\t业务量（万件）\t业务收入（万元）\n一季度\t820\t6,150\n二季度\t910\t6,880\n"
            "全市将继续推进快递进村。")
    got = _table("青禾市邮政管理局", body)
    assert [s for _, s in got] == ["全市"] * 4


def test_a_bureau_word_opening_on_a_level_character_names_no_level() -> None:
    # 乡村振兴局 is a 县's bureau: its figures are the county's, not a township's (乡)
    assert _figures("青禾县乡村振兴局", "全年发放产业奖补资金120万元。") == [("120万元", "全县")]
    assert _figures("白石乡人民政府", "全年发放产业奖补资金120万元。") == [("120万元", "全乡")]


def test_the_items_of_a_colon_list_apart_with_semicolons_are_its_parts() -> None:
    # 其中：… ； … : each item opens on its part, and its later clause goes on about that part
    got = _figures("青禾县发展和改革局", "全年安排县级重点项目60个，年度计划投资48亿元。其中：续建项目36个，年度计划投资"
                "30亿元；新开工项目24个，年度计划投资18亿元。")
    assert got[2:] == [("36个", "续建项目"), ("30亿元", "续建项目"), ("24个", "新开工项目"), ("18亿元", "新开工项目")]


def test_an_amount_right_after_an_items_count_is_that_items() -> None:
    # 协议投资 is the measure the whole names (协议总投资): the money of the 4 projects counted before it
    got = _figures("青禾县投资促进局", "全年新签约项目15个，协议总投资26.4亿元，其中亿元以上项目4个、协议投资19.2亿元。")
    assert got[-2:] == [("4个", "亿元以上项目"), ("19.2亿元", "亿元以上项目")]
    # an amount after an amount is another measure of the whole, not the first one's part
    got = _figures("青禾县医疗保障局", "全年职工基本医疗保险基金收入12.6亿元、支出10.8亿元。")
    assert dict(got)["10.8亿元"] in ("全县", None)


def test_a_part_named_by_what_was_done_to_it_is_of_the_whole() -> None:
    # 其中调解结案…, 其中纳入健康管理…: an action opens the item, no part of its own; the figure is of what
    # the whole before 其中 counts
    got = _figures("青禾县人力资源和社会保障局", "全年受理劳动人事争议案件320件，审结300件，其中调解结案210件。")
    assert dict(got)["210件"] == "全县"
    got = _figures("青禾县卫生健康局", "全县65岁及以上老年人4.2万人，其中纳入健康管理3.1万人。")
    assert dict(got)["3.1万人"] == "65岁及以上老年人"


def test_a_bare_number_after_a_comma_of_enumeration_counts_the_same_item() -> None:
    # "农村低保2,200户、3,800人": the 3,800 people are 农村's, not the first part's (城市) nor the county's
    got = _figures("青禾县民政局", "全县共有城乡低保对象3,100户、5,200人，其中城市低保900户、1,400人，"
                   "农村低保2,200户、3,800人。")
    assert [s for _, s in got] == ["城乡", "城乡", "城市", "城市", "农村", "农村"]
    # (an amount after the count of a part is that part's money)
    got = _figures("青禾县教育局", "全年资助学生1.2万人次，其中学前教育阶段3,000人次、150万元。")
    assert dict(got)["150万元"] == "学前教育阶段"


def test_a_category_a_comparison_names_is_not_the_figures() -> None:
    # 城镇居民 after 高于 is what the gap is measured against: the gap is the 农村居民's
    got = _figures("青禾县统计局", "全县农村居民人均可支配收入21,500元，增长7.0%，增速高于城镇居民1.9个百分点。")
    assert dict(got)["1.9个百分点"] == "农村居民"


def test_a_levels_money_is_the_scope_as_written() -> None:
    # 省级资金, 区级配套资金, 县级财政: the source of money with its level, not the bare level
    got = _figures("青禾区住房和城乡建设局", "全年完成改造投资9,800万元，其中省级资金3,600万元、区级配套资金2,100万元，"
                   "县级财政安排1,500万元。")
    assert got[1:] == [("3,600万元", "省级资金"), ("2,100万元", "区级配套资金"), ("1,500万元", "县级财政")]
    # (a bare 补助 after the level stays the level's)
    assert dict(_figures("青禾区交通运输局", "全年争取养护资金900万元，其中市级补助500万元。"))["500万元"] == "市级"
