"""Scope (wave 22, engineer S): a table's row names its unit as written; a part's label keeps the
noun an attribute qualifies. Invented sentences in the genre's words.
"""

from __future__ import annotations

from gongwen.extract.pipeline import document_from_text, extract


def _figures(issuer: str, body: str) -> dict[str, tuple[str | None, str | None]]:
    text = f"{issuer}2026年工作总结\n{body}\n{issuer}\n2026年12月20日"
    return {f.as_written: (f.scope, f.metric) for f in extract(document_from_text(text)).figures}


def test_a_row_naming_a_unit_keeps_its_name_not_the_category_inside_it() -> None:
    got = _figures("青禾县人民医院", "一、医疗服务\n全年各病区业务量如下表。\n病区\t门急诊（人次）\t出院（人次）\n"
                   "内科病区\t51230\t3610\n外科病区\t38420\t2980\n合计\t89650\t6590\n")
    assert got["51230"][0] == "内科病区" and got["2980"][0] == "外科病区"
    assert got["89650"][0] == "全院"


def test_a_part_keeps_the_program_word_its_qualifier_needs() -> None:
    # 其他 and 法定 name no part without the things they qualify; 城镇 (a known category) and a level do
    got = _figures("青禾县退役军人事务局", "截至年底，全县共有优抚对象3,460人，其中伤残军人420人、其他优抚对象3,040人。")
    assert got["3,040人"][0] == "其他优抚对象"
    got = _figures("青禾县人民检察院", "全年决定不起诉96人，其中相对不起诉80人、法定不起诉16人。")
    assert got["16人"][0] == "法定不起诉" and got["80人"][0] == "相对不起诉"
    got = _figures("青禾县民政局", "全年发放低保金1,200万元，其中城镇低保320万元、农村低保880万元。")
    assert got["320万元"][0] == "城镇" and got["880万元"][0] == "农村"
    got = _figures("青禾县供销合作社", "全系统领办农民专业合作社210家，其中省级示范社12家、市级示范社30家。")
    assert got["12家"][0] == "省级" and got["30家"][0] == "市级"


def test_one_place_of_a_list_an_activity_reaches_is_no_topic() -> None:
    # 农村 among 机关、学校、社区 names where the talks went, not the people the audience counts
    got = _figures("中共青禾县委宣传部", "组建理论宣讲小分队，深入机关、学校、农村、社区开展宣讲86场次，受众0.9万人次。")
    assert got["0.9万人次"][0] == "全县" and got["86场次"][0] == "全县"


def test_the_people_an_action_counts_are_its_scope() -> None:
    # 干部 heads a population, as 人员 and 群众 do: the trainees are what 430人次 counts
    got = _figures("共青团青禾县委员会", "全年举办团务培训班5期，培训基层团干部430人次。")
    assert got["430人次"][0] == "基层团干部" and got["5期"][0] == "全县"
