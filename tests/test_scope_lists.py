"""The scope of a figure in a list whose words say it is a part: the items after a breakdown lead
(从资金来源看，… / 按事故类型分，… / 分领域看，…) each open on the part they count; a clause with no
subject of its own goes on about the part before it (…发生事故9起、死亡7人; 出口…，增长11.3%); the
second of a count pair counts the same people; a 其中 part's label drops the activity it counts
(其中防汛演练9场 → 防汛).  Invented sentences.
"""

from __future__ import annotations

import pytest

from gongwen.extract.pipeline import document_from_text, extract


def _scopes(issuer: str, body: str) -> dict[str, str | None]:
    text = f"{issuer}2024年工作总结\n{body}\n{issuer}\n2024年12月20日"
    return {f.as_written: f.scope for f in extract(document_from_text(text)).figures}


@pytest.mark.parametrize("issuer, body, figure, scope", [
    ("青禾县水利局", "全年完成水利投资9.2亿元。从资金来源看，中央和省级资金4.1亿元，地方政府专项债券2.3亿元，社会资本1.2亿元。",
     "1.2亿元", "社会资本"),
    ("青禾县司法局", "全年调解矛盾纠纷3,120件。按纠纷类型分，邻里纠纷820件、土地权属纠纷416件。", "416件", "土地权属纠纷"),
    ("青禾县应急管理局", "全县发生生产安全事故19起。分领域看，道路运输领域发生事故11起、死亡6人；建筑施工领域发生事故3起、死亡2人。",
     "3起", "建筑施工领域"),
    ("青禾县应急管理局", "全县发生生产安全事故19起。分领域看，道路运输领域发生事故11起、死亡6人；建筑施工领域发生事故3起、死亡2人。",
     "2人", "建筑施工领域"),
    ("青禾县水利局", "从投资投向看，防洪工程1.42亿元、灌区改造0.68亿元。", "0.68亿元", "灌区改造"),
], ids=["funding-source", "dispute-type", "accident-field", "deaths-of-that-field", "investment-use"])
def test_the_items_after_a_breakdown_lead_are_its_parts(issuer: str, body: str, figure: str, scope: str) -> None:
    assert _scopes(issuer, body)[figure] == scope


@pytest.mark.parametrize("issuer, body, figure", [
    ("青禾县统计局", "从全年走势看，地区生产总值逐季回升，全年增长5.6%。", "5.6%"),
    ("青禾县统计局", "从运行情况看，工业用电量增长8.1%。", "8.1%"),
], ids=["a-trend", "how-it-ran"])
def test_a_lead_that_divides_by_no_dimension_opens_no_parts(issuer: str, body: str, figure: str) -> None:
    # (走势, 运行情况 are no dimension of a breakdown: the clause after them is no part)
    assert _scopes(issuer, body)[figure] == "全县"


@pytest.mark.parametrize("issuer, body, figure, scope", [
    ("青禾县商务局", "全年外贸进出口总额32.4亿元，其中出口21.6亿元，增长9.2%。", "9.2%", "出口"),
    ("青禾县民政局", "截至年底，全县共有城乡低保对象5,412户8,937人。", "8,937人", "城乡"),
], ids=["a-growth-of-the-part-before", "the-second-of-a-count-pair"])
def test_a_figure_that_goes_on_about_the_one_before_takes_its_scope(issuer: str, body: str, figure: str,
                                                                     scope: str) -> None:
    assert _scopes(issuer, body)[figure] == scope


def test_a_new_subject_after_a_part_is_not_carried() -> None:
    # "全县地区生产总值…增长": the clause names its own subject, the part before is not its scope
    s = _scopes("青禾县统计局", "其中出口21.6亿元，全县地区生产总值增长5.1%。")
    assert s["5.1%"] == "全县"


@pytest.mark.parametrize("issuer, body, figure, scope", [
    ("青禾县应急管理局", "全年组织应急演练46场，其中防汛演练18场、森林防火演练12场。", "12场", "森林防火"),
    ("青禾县人力资源和社会保障局", "全县农村劳动力转移就业12.4万人，其中县外转移就业7.9万人。", "7.9万人", "县外"),
    ("青禾县市场监督管理局", "全年专利授权1,460件，其中发明专利授权238件。", "238件", "发明专利"),
    ("青禾县体育局", "全年使用体彩公益金520万元，其中用于全民健身设施建设310万元。", "310万元", "全民健身设施建设"),
], ids=["drill", "migrant-work", "grant", "used-for"])
def test_a_part_is_named_without_the_activity_it_counts(issuer: str, body: str, figure: str, scope: str) -> None:
    assert _scopes(issuer, body)[figure] == scope


@pytest.mark.parametrize("issuer, body, figure, scope", [
    ("青禾县民政局", "全县失能、半失能老年人约0.8万人。", "0.8万人", "失能、半失能老年人"),
    ("青禾县退役军人事务局", "全县共有优抚对象1,860人，其中烈士遗属、因公牺牲军人遗属和病故军人遗属96人。", "96人",
     "烈士遗属、因公牺牲军人遗属和病故军人遗属"),
], ids=["two-kinds-of-one-people", "three-kinds-of-survivors"])
def test_a_list_of_categories_joined_by_a_pause_mark_is_one_population(issuer: str, body: str, figure: str,
                                                                       scope: str) -> None:
    # (the 、 that opens the figure's clause does not cut the list: not 半失能老年人 alone)
    assert _scopes(issuer, body)[figure] == scope


def test_a_list_that_names_its_people_is_not_lengthened() -> None:
    s = _scopes("青禾县卫生健康局", "全县老年人和儿童家庭医生签约人数达到4.2万人。")
    assert s["4.2万人"] != "老年人和儿童家庭"
