"""Scope and metric (wave 21, engineer S): a hospital reports on itself (全院), not its county.
Invented sentences in the genre's words.
"""

from __future__ import annotations

from gongwen.extract.pipeline import document_from_text, extract


def _figures(issuer: str, body: str) -> dict[str, tuple[str | None, str | None]]:
    text = f"{issuer}2026年上半年工作总结\n{body}\n{issuer}\n2026年7月8日"
    return {f.as_written: (f.scope, f.metric) for f in extract(document_from_text(text)).figures}


def test_a_hospital_reports_on_itself() -> None:
    got = _figures("青禾县中医院", "上半年全院完成门急诊9.6万人次，同比增长4.1%；我院实际开放床位310张，病床使用率88.2%。")
    assert got["9.6万人次"][0] == "全院" and got["4.1%"][0] == "全院"
    assert got["88.2%"][0] == "全院"


def test_a_health_bureau_keeps_its_county() -> None:
    got = _figures("青禾县卫生健康局", "上半年全县医疗机构完成诊疗52.3万人次，同比增长3.6%。")
    assert got["3.6%"][0] != "全院"


def _plan(issuer: str, body: str) -> dict[str, tuple[str | None, str | None]]:
    text = f"{issuer}2026年工作总结\n{body}\n{issuer}\n2026年12月20日"
    return {f.as_written: (f.scope, f.metric) for f in extract(document_from_text(text)).figures}


def test_a_label_is_never_cut_out_of_a_word() -> None:
    # 舆情信息 is a 网信 program word; 舆情信息员 is one word and stays whole in the metric
    got = _plan("中共青禾县委网络安全和信息化委员会办公室", "年末舆情信息员队伍稳定在260人。")
    assert got["260人"][1] == "舆情信息员队伍人数"


def test_a_part_named_by_words_joined_with_a_list_comma_is_one_part() -> None:
    # a 、 with no count between its words joins the words of one part, not two parts
    got = _plan("青禾县残疾人联合会", "全县持证残疾人8,600人，其中一、二级重度残疾人2,150人。")
    assert got["2,150人"][0] == "一、二级重度残疾人"
    got = _plan("青禾县民政局", "全县注册志愿者5,200人，其中教师、医生等专业志愿者640人。")
    assert got["640人"][0] == "教师、医生等专业志愿者"


def test_the_parts_of_a_list_each_end_on_their_count() -> None:
    got = _plan("青禾县民政局", "全县建成儿童之家36个，其中城市社区12个、农村24个。")
    assert got["24个"][0] == "农村"


def test_a_respective_list_shares_the_head_its_last_item_carries() -> None:
    got = _plan("青禾经济开发区管理委员会", "全年新建、改建、扩建项目分别为14个、9个、5个。")
    assert [got[w][0] for w in ("14个", "9个", "5个")] == ["新建项目", "改建项目", "扩建项目"]
    got = _plan("青禾县人民法院", "新收的案件中，商事、行政案件分别为430件、96件。")
    assert [got[w][0] for w in ("430件", "96件")] == ["商事案件", "行政案件"]


def test_a_one_character_head_is_not_shared() -> None:
    got = _plan("青禾县卫生健康局", "全县县级、乡镇医院分别为6个、18个。")
    assert "县级院" not in {got["6个"][0], got["18个"][0]}


def test_the_parts_of_a_whole_narrowed_to_with_zhong_count_what_it_counts() -> None:
    got = _plan("青禾县人民法院", "新收的案件中，商事、行政案件分别为430件、96件。")
    assert got["430件"] == ("商事案件", "新收案件数") and got["96件"] == ("行政案件", "新收案件数")


def test_a_part_that_names_its_own_measure_keeps_it() -> None:
    got = _plan("青禾县市场监督管理局", "抽检的食品企业中，发现问题企业36家，已整改34家。")
    assert got["36家"][1] != "抽检食品企业数"


def test_a_known_category_heading_people_named_by_renshi_is_kept_whole() -> None:
    # 人士 heads the people counted (代表人士, 宗教界人士): 少数民族 qualifies them
    got = _plan("中共青禾县委统战部", "全县党外代表人士数据库入库820人，其中，宗教界人士30人、少数民族代表人士52人。")
    assert got["52人"][0] == "少数民族代表人士" and got["30人"][0] == "宗教界人士"


def test_two_grades_joined_by_a_list_comma_are_one_band() -> None:
    # the clause breaks at 、 inside the band: 三、四级手术 is the category, not 四级手术
    got = _plan("青禾县中医院", "全年开展手术2,860台次，其中三、四级手术1,121台次，占比达到39.2%。")
    assert got["1,121台次"][0] == "三、四级手术" and got["39.2%"][0] == "三、四级手术"
