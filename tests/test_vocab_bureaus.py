"""The bureau vocabularies for 自然资源和规划, 司法, 林业, 体育 and 商务 reports: each report's issuer
selects its bureau, and an invented sentence's figures carry that bureau's official program
names (and the programs another bureau owns but this one shares, ``shares:``)."""

from __future__ import annotations

from collections import Counter
from importlib import resources

import pytest

from gongwen._data import package_yaml
from gongwen.extract.figures.words.vocab import _bundled_names, choose_vocab, load_vocab
from gongwen.extract.pipeline import document_from_text, extract


def _programs(issuer: str, body: str) -> dict[str, str | None]:
    text = f"{issuer}2024年工作总结\n一、主要成效\n{body}\n{issuer}\n2024年12月20日"
    return {f.as_written: f.program for f in extract(document_from_text(text)).figures}


def test_vocab_ziranziyuan_land_supply_registration_and_geohazards() -> None:
    assert choose_vocab(None, "青禾县自然资源和规划局") == "ziranziyuan"
    p = _programs("青禾县自然资源和规划局",
                  "全年供应国有建设用地1,260亩。完成耕地占补平衡补充耕地315亩。办理不动产登记业务18,420件。"
                  "排查地质灾害隐患点87处。实现土地出让收入6.8亿元。")
    assert p["1,260亩"] == "国有建设用地供应"
    assert p["315亩"] == "耕地占补平衡"
    assert p["18,420件"] == "不动产登记"
    assert p["87处"] == "地质灾害防治"
    assert p["6.8亿元"] == "国有土地使用权出让收入"


def test_vocab_sifa_mediation_legal_aid_and_community_correction() -> None:
    assert choose_vocab(None, "青禾县司法局") == "sifa"
    p = _programs("青禾县司法局",
                  "全县人民调解组织调解矛盾纠纷2,316件。办理法律援助案件642件。在册社区矫正对象215人。"
                  "办理公证事项1,830件，办理行政复议案件47件。")
    assert [p[w] for w in ("2,316件", "642件", "215人", "1,830件", "47件")] == [
        "人民调解", "法律援助", "社区矫正", "公证", "行政复议"]


def test_vocab_linye_greening_forest_cover_and_shared_fire_prevention() -> None:
    assert choose_vocab(None, "青禾县林业局") == "linye"
    p = _programs("青禾县林业局",
                  "完成人工造林3.2万亩，森林覆盖率达到62.4%。林下经济产值达到4.6亿元。选聘生态护林员326名。"
                  "开展森林防火巡查1,200人次。")
    assert [p[w] for w in ("3.2万亩", "62.4%", "4.6亿元", "326名", "1,200人次")] == [
        "营造林", "森林资源管理", "林下经济", "生态护林员", "森林防灭火"]


def test_vocab_tiyu_fitness_venues_events_and_lottery() -> None:
    assert choose_vocab(None, "青禾市体育局") == "tiyu"
    assert choose_vocab(None, "青禾县教育和体育局") == "jiaoyu"  # an education bureau first
    p = _programs("青禾市体育局",
                  "人均体育场地面积达到2.86平方米。举办各类体育赛事126场次。体育彩票销售额3.1亿元，"
                  "培训社会体育指导员480人。")
    assert [p[w] for w in ("2.86平方米", "126场次", "3.1亿元", "480人")] == [
        "体育场地", "体育赛事", "体育彩票", "社会体育指导员"]


def test_vocab_shangwu_reuses_the_bulletin_aggregates() -> None:
    assert choose_vocab(None, "青禾县商务局") == "shangwu"
    assert choose_vocab(None, "青禾县发展和改革局") == "jingji"
    p = _programs("青禾县商务局",
                  "全县社会消费品零售总额128.6亿元。外贸进出口总额23.4亿元。网络零售额15.2亿元。"
                  "招商引资到位资金52.3亿元。建成一刻钟便民生活圈6个。")
    assert [p[w] for w in ("128.6亿元", "23.4亿元", "15.2亿元", "52.3亿元", "6个")] == [
        "社会消费品零售总额", "货物进出口", "电子商务", "招商引资", "城市一刻钟便民生活圈"]


def test_vocab_one_program_one_file_and_shares_resolve() -> None:
    """A line bureau's program is defined in one line bureau's file; another bureau reports it
    through ``shares``, which must name a defined program (load_vocab raises otherwise) and makes
    it strong there.  A specialised body's file may name a program a line bureau's names too (its
    营商环境): its definition in its own reports, the line bureau's elsewhere."""
    folder = resources.files("gongwen.extract").joinpath("data/vocab")
    line = set(package_yaml("gongwen.extract", "data/vocab/_universal.yaml")["line_bureaus"])
    owners = Counter(p for f in folder.iterdir() if f.name.endswith(".yaml") and f.name[:-5] in line
                     for p in (package_yaml("gongwen.extract", f"data/vocab/{f.name}").get("programs") or {}))
    assert [p for p, n in owners.items() if n > 1] == []
    assert load_vocab("minzheng").programs["营商环境"].bureau == "jingji"
    assert load_vocab("zhengwu").programs["营商环境"].bureau == "zhengwu"
    for name in _bundled_names():
        v = load_vocab(name)
        for shared in package_yaml("gongwen.extract", f"data/vocab/{name}.yaml").get("shares") or ():
            assert any(v.alias_map[a] == shared and a not in v.weak for a in v.programs[shared].aliases), shared


@pytest.mark.parametrize("bureau, word", [("linye", "森林防火"), ("yingji", "地质灾害"), ("shangwu", "外贸")])
def test_vocab_shared_alias_is_strong_in_the_sharing_bureau(bureau: str, word: str) -> None:
    assert word not in load_vocab(bureau).weak
    assert word in load_vocab("minzheng").weak


# programs renamed to the name most writers give their figures (bench/program_names.py): the old
# name stays a word of the program, so a text that writes it still finds it
@pytest.mark.parametrize("bureau, old, new", [
    ("tiyu", "体育场地设施", "体育场地"),
    ("shuili", "水库管理", "水库安全管理"),
    ("tuiyijunren", "悬挂光荣牌", "光荣牌悬挂"),
    ("renshe", "就业困难人员就业", "就业援助"),
])
def test_vocab_renamed_program_keeps_its_old_name(bureau: str, old: str, new: str) -> None:
    v = load_vocab(bureau)
    assert old not in v.programs
    assert v.alias_map[old] == new and v.alias_map[new] == new


def test_vocab_a_part_named_as_writers_name_it_stays_within_its_program() -> None:
    """营造林 (人工造林, 封山育林 …) and 农业产业化龙头企业 are the names writers give those figures; the
    rest of 国土绿化 and 农业产业化 keeps its program."""
    p = _programs("青禾县林业局", "完成封山育林1.8万亩。创建国家森林乡村4个。")
    assert (p["1.8万亩"], p["4个"]) == ("营造林", "国土绿化")
    v = load_vocab("nongye")
    assert v.programs["营造林"].within == "国土绿化"
    assert v.alias_map["龙头企业"] == "农业产业化龙头企业" and v.alias_map["现代农业产业园"] == "农业产业化"
