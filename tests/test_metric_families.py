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
    """"优待金按每户每年23,600元": not 优待金按."""
    f = _figures("义务兵家庭优待金按每户每年21,800元标准发放。")
    assert f["每户每年21,800元"].metric == "优待金"


def test_categories_joined_into_one_population_stay_whole() -> None:
    """"社会散居孤儿和事实无人抚养儿童…每人每月1460元": the whole joined population; an institution
    right before the people it holds is not part of their name."""
    f = _figures("社会散居孤儿和事实无人抚养儿童基本生活费标准为每人每月1390元。"
                 "全县城乡低保、特困人员分别为3120人、860人。幼儿园在园幼儿12,806人。")
    assert f["每人每月1390元"].scope == "社会散居孤儿和事实无人抚养儿童"
    assert f["12,806人"].scope == "幼儿园"
