"""The scope a known category gives a figure is named as the text names it (gold: "as the text
names it, kept whole"), not by the vocabulary's canonical word — except a shortening of that word
(社团 of 社会团体) or the word with a generic head added (规上工业企业, 城镇居民): those are the
category itself.  Invented sentences.
"""

from __future__ import annotations

import pytest

from gongwen.extract.pipeline import document_from_text, extract


def _scopes(issuer: str, body: str) -> dict[str, str | None]:
    text = f"{issuer}2024年工作总结\n{body}\n{issuer}\n2024年12月20日"
    return {f.as_written: f.scope for f in extract(document_from_text(text)).figures}


@pytest.mark.parametrize("issuer, body, figure, scope", [
    ("青禾县教育局", "全县进城务工人员随迁子女3,210人，在公办学校就读2,980人。", "3,210人", "进城务工人员随迁子女"),
    ("青禾县教育局", "全县中等职业学校在校生4,120人。", "4,120人", "中等职业学校"),
    ("青禾县卫生健康局", "全年为农村适龄妇女免费开展两癌筛查8,600人。", "8,600人", "农村适龄妇女"),
    ("青禾县退役军人事务局", "为残疾军人发放伤残抚恤金612.4万元。", "612.4万元", "残疾军人"),
], ids=["named-longer", "full-name-of-an-abbreviation", "qualified-population", "another-name"])
def test_a_category_is_named_as_the_text_names_it(issuer: str, body: str, figure: str, scope: str) -> None:
    assert _scopes(issuer, body)[figure] == scope


@pytest.mark.parametrize("issuer, body, figure, scope", [
    ("青禾县统计局", "全县规上工业企业实现增加值41.6亿元。", "41.6亿元", "规模以上工业"),
    ("青禾县民政局", "全县登记社团126个。", "126个", "社会团体"),
    ("青禾县民政局", "城镇居民最低生活保障对象1,260人。", "1,260人", "城镇"),
], ids=["abbreviation-with-a-head", "abbreviation", "category-with-a-head"])
def test_a_shortened_or_headed_category_takes_its_name(issuer: str, body: str, figure: str, scope: str) -> None:
    assert _scopes(issuer, body)[figure] == scope


def test_the_word_opening_a_list_of_parts_is_no_part_of_its_first_item() -> None:
    # "其中批发业、零售业…分别为": each value's scope is its item, the first one without 其中
    s = _scopes("青禾区商务局", "年末全区限额以上商贸企业达到286家，其中批发业、零售业、住宿业、餐饮业分别为96家、121家、28家、41家。")
    assert [s[w] for w in ("96家", "121家", "28家", "41家")] == ["批发业", "零售业", "住宿业", "餐饮业"]


@pytest.mark.parametrize("issuer, body, figure, scope", [
    ("青禾县统计局", "全年全县城镇居民人均可支配收入41,260元，增长4.6%。", "41,260元", "城镇居民"),
    ("青禾县统计局", "全年全县城镇居民人均可支配收入41,260元，增长4.6%。", "4.6%", "城镇居民"),
    ("青禾县农业农村局", "力争农村居民人均可支配收入增长8%以上。", "8%", "农村居民"),
    ("青禾县民政局", "农村居民最低生活保障标准由每人每月520元提高到560元。", "560元", "农村"),
], ids=["per-head-income", "its-growth", "a-target", "a-program-keeps-the-place-word"])
def test_a_measure_per_head_is_of_the_people_named(issuer: str, body: str, figure: str, scope: str) -> None:
    # 人均 measures the people: 城镇居民 keeps its head; before a program the word names its category
    assert _scopes(issuer, body)[figure] == scope


def test_a_rate_named_on_a_part_is_the_rate_of_the_whole() -> None:
    # 集中供养率 is the share of all 特困人员 cared for together: no figure of the part before it
    s = _scopes("青禾县民政局", "全县共有特困人员1,240人，其中集中供养380人、分散供养860人，集中供养率30.6%。")
    assert [s[w] for w in ("380人", "860人", "30.6%")] == ["集中供养", "分散供养", "全县"]


def test_a_clause_naming_its_own_category_takes_no_topic_of_another() -> None:
    # the people of the opening clause are no scope of a clause whose program names its own
    s = _scopes("青禾县人力资源和社会保障局",
                "聚焦灵活就业人员等群体扩面，推动企业职工基本养老保险参保人数突破42万人。")
    assert s["42万人"] == "全县"


@pytest.mark.parametrize("issuer, body, figure, scope", [
    ("青禾县医疗保障局", "全年检查定点医药机构214家，追回医保基金86.2万元。", "214家", "定点医药机构"),
    ("青禾县应急管理局", "全年执法检查生产经营单位960家次。", "960家次", "生产经营单位"),
    ("青禾县卫生健康局", "全年公开招聘医学类专业技术人员52人。", "52人", "医学类专业技术人员"),
    ("青禾县教育局", "全年累计资助各学段学生1.8万人次。", "1.8万人次", "全县"),
    ("青禾县教育局", "全年公开招聘新教师120名。", "120名", "全县"),
    ("青禾县文化和旅游局", "全年接待游客326万人次。", "326万人次", "全县"),
], ids=["inspected-institutions", "inspected-units", "recruited-staff", "all-of-them", "the-new-ones", "a-bare-head"])
def test_the_qualified_object_of_an_action_is_the_category_counted(issuer: str, body: str, figure: str,
                                                                   scope: str) -> None:
    assert _scopes(issuer, body)[figure] == scope


@pytest.mark.parametrize("issuer, body, figure, scope", [
    ("青禾县残疾人联合会", "全年为1,260名有需求的持证残疾人提供基本康复服务。", "1,260名", "有需求的持证残疾人"),
    ("青禾县退役军人事务局", "全年对118名困难退役军人实施帮扶援助。", "118名", "困难退役军人"),
], ids=["qualified-with-de", "qualified"])
def test_the_people_written_after_a_head_count_are_its_category(issuer: str, body: str, figure: str,
                                                                scope: str) -> None:
    assert _scopes(issuer, body)[figure] == scope


def test_a_head_count_joined_by_de_is_the_size_of_what_follows_not_its_people() -> None:
    # 6至12人 measure the teams; 的老年人 is no category (nor any scope starting with 的)
    s = _scopes("青禾县民政局", "各街道组建6至12人的老年人探访服务队，每周上门探访一次。")
    assert s["12人"] != "的老年人" and not (s["12人"] or "").startswith("的")


def test_a_qualifier_of_the_first_clause_is_not_carried_to_an_indicator_of_its_own() -> None:
    # 公办 qualifies the places counted first; the rates after it are of the whole county
    s = _scopes("青禾县教育局", "全年新增公办学位2,140个，学前三年毛入园率达到93.6%，九年义务教育巩固率达到97.9%。")
    assert [s[w] for w in ("2,140个", "93.6%", "97.9%")] == ["公办", "全县", "全县"]


def test_the_people_of_the_first_clause_still_govern_a_clause_naming_an_indicator() -> None:
    s = _scopes("青禾县统计局", "全年全县农村居民人均可支配收入21,480元，人均消费支出16,230元。")
    assert s["16,230元"] == "农村居民"


@pytest.mark.parametrize("body, figure, scope", [
    ("全县共有幼儿园64所，其中公办园38所、普惠性民办园19所。", "38所", "公办园"),
    ("全年改扩建公办幼儿园4所。", "4所", "公办幼儿园"),
    ("全县41所公办中小学中有33所向社会开放体育场地。", "33所", "公办中小学"),
], ids=["short-name", "full-name", "schools-among"])
def test_the_schools_a_government_runs_are_named_whole(body: str, figure: str, scope: str) -> None:
    # the education statistics count 公办幼儿园 / 公办园 as categories: the ownership word alone is no scope
    assert _scopes("青禾县教育局", body)[figure] == scope


@pytest.mark.parametrize("issuer, body, figure, scope", [
    ("青禾县人力资源和社会保障局", "自1月起，城乡居民基础养老金最低标准由每人每月150元提高到170元。", "170元", "全县"),
    ("青禾县医疗保障局", "城乡居民医保基金收入4.12亿元，同比增长5.3%。", "4.12亿元", "全县"),
    ("青禾县医疗保障局", "城乡居民大病保险起付线由1.6万元降低至1.3万元。", "1.3万元", "全县"),
    ("青禾县民政局", "城市低保对象1,260人，农村低保对象5,480人。", "5,480人", "农村"),
], ids=["pension-of-the-residents-scheme", "fund-of-the-residents-scheme", "serious-illness-insurance", "a-part-of-a-program"])
def test_the_people_a_program_is_named_after_are_its_whole(issuer: str, body: str, figure: str, scope: str) -> None:
    # 城乡居民 spells the name of the residents' schemes (城乡居民基本养老保险, 城乡居民基本医疗保险):
    # their figures are of the scheme as a whole, while 农村 in 农村低保 restricts 最低生活保障
    assert _scopes(issuer, body)[figure] == scope


@pytest.mark.parametrize("issuer, body, figure, scope", [
    ("青禾县农业农村局", "全年新认定市级农业产业化龙头企业12家。", "12家", "市级"),
    ("青禾区文化和旅游局", "全年举办区级以上群众文化活动46场。", "46场", "区级以上"),
    ("青禾区体育局", "当年使用区本级体育彩票公益金1,730万元。", "1,730万元", "区本级"),
    ("青禾县应急管理局", "年末县级储备各类救灾物资1.82万件。", "1.82万件", "县级"),
], ids=["new-at-a-level", "at-a-level-or-above", "own-level-budget", "stored-at-a-level"])
def test_a_level_qualifying_what_is_counted_is_the_scope(issuer: str, body: str, figure: str, scope: str) -> None:
    assert _scopes(issuer, body)[figure] == scope


@pytest.mark.parametrize("issuer, body, figure, scope", [
    ("青禾区体育局", "全年向市级以上专业运动队输送运动员17名。", "17名", "全区"),
    ("青禾县医疗保障局", "全年落地执行国家和省级集采药品438个品种。", "438个", "全县"),
    ("青禾县水利局", "全县共设立县、乡、村级河湖长512名。", "512名", "全县"),
    ("青禾县人力资源和社会保障局", "县级城乡居民基础养老金由每人每月150元提高到170元。", "170元", "全县"),
], ids=["where-they-go", "a-joint-level", "a-list-of-levels", "a-standard-per-head"])
def test_a_level_that_qualifies_no_counted_thing_is_no_scope(issuer: str, body: str, figure: str, scope: str) -> None:
    # the level is where the people go, the sources of a purchase, each of several levels, or who
    # sets a standard per head: the figure is of the whole county
    assert _scopes(issuer, body)[figure] == scope


@pytest.mark.parametrize("issuer, body, figure, scope", [
    ("青禾县统计局", "年末全县规模以上工业企业138家，比上年净增7家。", "7家", "规模以上工业"),
    ("青禾县统计局", "全年规模以上工业企业实现营业收入512.4亿元，实现利润总额31.6亿元。", "31.6亿元", "规模以上工业"),
    ("青禾县统计局", "重点抓好工业源、移动源、扬尘源综合治理，优良天数比例达到91.2%。", "91.2%", "全县"),
], ids=["its-growth", "its-next-amount", "a-list-item-is-no-subject"])
def test_the_category_a_sentence_opens_on_governs_its_later_clauses(issuer: str, body: str, figure: str, scope: str) -> None:
    # the subject of the first clause (after a date or the jurisdiction word) is what the clauses
    # after it go on about; a category listed among others (工业源、移动源…) is none
    assert _scopes(issuer, body)[figure] == scope


@pytest.mark.parametrize("issuer, body, figure, scope", [
    ("青禾县退役军人事务局", "为自主就业退役士兵发放一次性经济补助960万元。", "960万元", "自主就业退役士兵"),
    ("青禾县退役军人事务局", "全县在册参战参试退役人员1,204人。", "1,204人", "参战参试退役人员"),
    ("青禾街道办事处", "全街道划分综合网格64个、专属网格9个。", "9个", "专属网格"),
    ("青禾县退役军人事务局", "全年接收退役士兵152人，其中：安排工作28人，自主就业120人，退休4人。", "28人", "安排工作"),
], ids=["a-kind-of-soldier", "its-official-name", "a-kind-of-grid", "a-way-of-settling"])
def test_an_official_category_is_not_cut_to_the_shorter_one_inside_it(issuer: str, body: str, figure: str,
                                                                        scope: str) -> None:
    # (自主就业退役士兵 are the soldiers who chose their own work, not all 退役士兵)
    assert _scopes(issuer, body)[figure] == scope


def test_a_later_part_of_a_list_is_named_by_its_own_label_not_by_the_first_part() -> None:
    # "其中：安排工作28人，自主就业120人，退休4人": each item names its part; 安排工作 is no topic of the rest
    s = _scopes("青禾县退役军人事务局", "全年接收退役士兵152人，其中：安排工作28人，自主就业120人，退休4人。")
    assert [s[w] for w in ("28人", "120人", "4人")] == ["安排工作", "自主就业", "退休"]
