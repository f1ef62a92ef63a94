"""The program of a figure: which mention is evidence.  Invented sentences.

- a breakdown by source (从资金来源看，…地方政府专项债券 3.1 亿元) names where the amount named
  before it came from: the programs after the cue are its sources, not the figures' programs;
- the program named right of the number in its clause is found past a generic word before it
  (为1,240名残疾人适配辅助器具).
"""

from __future__ import annotations

from gongwen.extract.figures.vocab import load_vocab
from gongwen.extract.pipeline import document_from_text, extract


def _programs(issuer: str, body: str) -> dict[str, str | None]:
    text = f"{issuer}2024年工作总结\n{body}\n{issuer}\n2024年12月20日"
    return {f.as_written: f.program for f in extract(document_from_text(text)).figures}


def test_the_sources_of_an_amount_are_not_its_programs() -> None:
    assert "从资金来源看" in load_vocab("shuili").source_cues
    p = _programs("青禾县水利局", "一、水利投资稳步增长\n全年完成水利投资12.5亿元，同比增长8.2%。从资金来源看，"
                  "争取中央和省级资金5.2亿元，发行地方政府专项债券3.1亿元，吸引社会资本1.2亿元。")
    assert p["12.5亿元"] == "水利建设投资"
    assert [p[w] for w in ("5.2亿元", "3.1亿元", "1.2亿元")] == ["水利建设投资"] * 3


def test_a_bond_is_the_program_where_no_breakdown_by_source_names_it() -> None:
    p = _programs("青禾县财政局", "一、用好政府债券\n全年发行地方政府专项债券3.1亿元，支持项目18个。")
    assert p["3.1亿元"] == "地方政府专项债券"


def test_a_generic_word_right_of_the_number_does_not_hide_the_program_after_it() -> None:
    p = _programs("青禾县残疾人联合会", "一、主要成效\n全年为1,240名残疾人适配辅助器具，为326名残疾人提供康复服务。")
    assert p["1,240名"] == "辅助器具适配"
    assert p["326名"] == "残疾人康复服务"


def test_a_word_that_is_also_a_category_yields_to_the_program_its_heading_names() -> None:
    """定点医药机构 names the 定点医药机构管理 program and the category of institutions: under a
    heading on fund supervision (基金监管, a generic word of 医保基金监管) the institutions are
    whom the supervision checked; 工矿商贸 is where 安全生产's accidents happened."""
    text = ("青禾县医疗保障局2024年工作总结\n一、基金监管持续从严\n全年检查定点医药机构420家，"
            "其中定点医疗机构180家。\n二、其他工作\n全县定点医药机构新增36家。\n"
            "青禾县医疗保障局\n2024年12月20日")
    f = {x.as_written: x for x in extract(document_from_text(text)).figures}
    assert f["420家"].program == "医保基金监管"
    assert (f["180家"].program, f["180家"].scope) == ("医保基金监管", "定点医疗机构")
    assert f["36家"].program == "定点医药机构管理"  # no heading names a program: the word's own
    p = _programs("青禾县应急管理局", "一、安全生产形势平稳\n全年发生生产安全事故8起，其中工矿商贸领域事故3起。")
    assert p["3起"] == "安全生产"


def test_what_the_jurisdiction_is_belongs_to_no_program() -> None:
    """Its people, its area and its subdivisions are stated as background in any section: no
    program, whatever the heading names; a figure of the program that uses them keeps its own."""
    body = ("一、养老服务体系持续完善\n街道下辖12个社区，常住人口9.4万人，辖区60周岁以上老年人1.96万人，"
            "占常住人口的20.9%。全年新建社区养老服务站3个，为1,320名老年人提供助餐服务。")
    p = _programs("青禾县民政局", body)
    assert [p[w] for w in ("12个", "9.4万人", "1.96万人", "20.9%")] == [None] * 4
    assert p["3个"] == "养老服务"
    p = _programs("青禾县卫生健康局", "一、医疗卫生资源持续扩容\n按全县常住人口41.2万人计算，每千常住人口床位数6.8张。")
    assert p["41.2万人"] is None
    assert p["6.8张"] is not None
    p = _programs("青禾县应急管理局", "一、应急物资储备\n14个村(社区)中已建成应急物资储备点9个。")
    assert p["14个"] is not None  # the subdivisions of a count, not counted themselves
