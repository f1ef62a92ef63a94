"""The names of programs: the official name or the short form a majority of writers gives a line
of work (bench/program_names.py counts them), and the part of a programme a writer names apart from
its whole.  Invented sentences."""

from __future__ import annotations

from gongwen.extract.pipeline import document_from_text, extract


def _programs(issuer: str, body: str) -> dict[str, str | None]:
    text = f"{issuer}2025年工作总结\n{body}\n{issuer}\n2025年12月18日"
    return {f.as_written: f.program for f in extract(document_from_text(text)).figures}


def test_the_industrial_field_is_named_not_its_indicator() -> None:
    """规模以上工业: the field; its 增加值 is the indicator (the metric), its 企业 the units counted."""
    p = _programs("青禾县统计局", "一、工业生产\n全年规上工业增加值增长6.1%，年末规模以上工业企业达到88家。")
    assert (p["6.1%"], p["88家"]) == ("规模以上工业", "规模以上工业")


def test_official_names_of_disability_lines() -> None:
    p = _programs("青禾县残疾人联合会", "一、主要成效\n为415名残疾人提供基本康复服务，为233名残疾人适配辅助器具。")
    assert (p["415名"], p["233名"]) == ("残疾人基本康复服务", "残疾人辅助器具适配")


def test_vaccination_is_the_immunisation_line() -> None:
    p = _programs("青禾县卫生健康局", "一、公共卫生\n全年预防接种门诊接种疫苗6.4万剂次，国家免疫规划疫苗接种率保持在96%以上。")
    assert (p["6.4万剂次"], p["96%"]) == ("免疫规划", "免疫规划")


def test_market_regulation_lines_by_their_common_names() -> None:
    p = _programs("青禾县市场监督管理局", "一、安全监管\n全县在用特种设备2,310台。\n二、消费环境\n受理消费者投诉举报1,025件。")
    assert (p["2,310台"], p["1,025件"]) == ("特种设备安全", "消费者投诉举报")


def test_a_part_named_apart_from_its_whole() -> None:
    """A writer names the rotation of teachers, the children in de facto orphanhood and the services
    brought home apart from the teachers, the children in difficulty and the elderly care at large."""
    p = _programs("青禾县教育局", "一、教师队伍\n专任教师达到3,020人；推进义务教育学校校长教师交流轮岗，全年交流215人。")
    assert (p["3,020人"], p["215人"]) == ("教师队伍建设", "校长教师交流轮岗")
    p = _programs("青禾县民政局", "一、儿童福利\n全县保障孤儿38名、事实无人抚养儿童97名。\n二、养老服务\n"
                  "新增养老床位120张，全年提供居家养老服务4.1万人次。")
    assert (p["38名"], p["97名"]) == ("孤儿基本生活保障", "事实无人抚养儿童保障")
    assert (p["120张"], p["4.1万人次"]) == ("养老服务", "居家养老服务")


def test_short_forms_writers_use() -> None:
    """农村厕所革命 (not the 户厕改造 it is done by), 两癌筛查 (not its full official title)."""
    p = _programs("青禾县农业农村局", "一、人居环境\n全年完成农村户厕改造1,870户。")
    assert p["1,870户"] == "农村厕所革命"
    p = _programs("青禾县卫生健康局", "一、妇幼健康\n完成农村适龄妇女宫颈癌筛查6,120人。")
    assert p["6,120人"] == "两癌筛查"


def test_a_fund_or_a_levy_named_apart_from_its_programme() -> None:
    """The welfare fund a lottery raises and the contributions an insurance collects are lines of
    their own; the sales and the insured stay the programme's."""
    p = _programs("青禾县体育局", "一、体育彩票\n全年销售体育彩票3.4亿元，筹集体彩公益金0.82亿元。")
    assert (p["3.4亿元"], p["0.82亿元"]) == ("体育彩票", "体育彩票公益金")
    p = _programs("青禾县人力资源和社会保障局", "一、社会保险\n全年征收社会保险费合计7.3亿元；"
                  "全县企业职工基本养老保险参保人数达到6.1万人。")
    assert (p["7.3亿元"], p["6.1万人"]) == ("社会保险费征收", "企业职工基本养老保险")


def _table_programs(issuer: str, body: str) -> dict[str, str | None]:
    text = f"{issuer}2025年工作总结\n{body}\n{issuer}\n2025年12月18日"
    return {f.as_written: f.program for f in extract(document_from_text(text)).figures if f.source == "table"}


def test_a_total_row_totals_the_programmes_of_the_rows_above() -> None:
    """城乡居民基本医疗保险 | 职工基本医疗保险 | 合计: the total is the insurance both are parts of."""
    p = _table_programs("青禾县医疗保障局", "一、基金运行总体平稳\n全县医保基金收支情况如下（单位：万元）：\n"
                        "险种\t基金收入\t基金支出\n城乡居民基本医疗保险\t31250\t29870\n职工基本医疗保险\t18640\t17320\n"
                        "合计\t49890\t47190\n全县将继续加强基金监管。")
    assert (p["31250"], p["18640"]) == ("城乡居民基本医疗保险", "职工基本医疗保险")
    assert (p["49890"], p["47190"]) == ("基本医疗保险", "基本医疗保险")


def test_the_rows_of_a_breakdown_are_parts_of_the_row_before_them() -> None:
    """指标 | 货物进出口 | 其中：出口 | 进口: the rows after 其中 are the trade's parts, not programme-less."""
    p = _table_programs("青禾区商务局", "一、主要指标\n主要商务指标完成情况如下：\n"
                        "指标\t2025年（亿元）\t2024年（亿元）\n货物进出口\t96.4\t88.1\n其中：出口\t61.2\t55.7\n"
                        "进口\t35.2\t32.4\n全区将继续稳外贸。")
    assert (p["96.4"], p["61.2"], p["35.2"]) == ("货物进出口", "货物进出口", "货物进出口")


def test_the_kinds_a_total_is_broken_down_into_keep_its_program() -> None:
    """A debt, a count of placements into jobs, a count of drills are totals over kinds: the kinds
    named after 其中 (专项债务, 按比例安排就业) are programs elsewhere, here the total's parts."""
    p = _programs("青禾县财政局", "一、政府债务\n截至年末，全县政府债务余额42.6亿元，其中一般债务15.1亿元、专项债务27.5亿元。")
    assert (p["42.6亿元"], p["15.1亿元"], p["27.5亿元"]) == ("政府债务",) * 3
    p = _programs("青禾县残疾人联合会", "一、主要成效\n全年新增残疾人就业318人，其中按比例安排就业52人、集中就业40人。")
    assert (p["318人"], p["52人"], p["40人"]) == ("残疾人就业",) * 3


def test_a_heading_total_does_not_take_a_part_of_the_kinds_own_whole() -> None:
    """Under a heading on 招商引资 (a total over its projects), 其中，制造业实际使用外资 breaks down the
    foreign investment named before it, not the heading's total."""
    p = _programs("青禾县商务局", "一、招商引资\n全年实际使用外资1.9亿美元。其中，制造业实际使用外资1.2亿美元。")
    assert (p["1.9亿美元"], p["1.2亿美元"]) == ("实际使用外资", "实际使用外资")


def test_lines_named_apart_by_the_words_the_text_uses() -> None:
    p = _programs("青禾县住房和城乡建设局", "一、城市更新\n完成城镇老旧小区改造12个，同步实施既有住宅加装电梯86部。")
    assert (p["12个"], p["86部"]) == ("城镇老旧小区改造", "既有住宅加装电梯")
    p = _programs("青禾县教育局", "一、招生考试\n2025年普通高考全县参考考生2,870人。\n二、学生资助\n"
                  "发放国家助学金310万元，办理生源地信用助学贷款1,260万元。\n三、高中阶段教育\n"
                  "高中阶段毛入学率达到95.6%，普通高中在校生1.2万人。")
    assert p["2,870人"] == "普通高考"  # (考生: any examination's, a generic word)
    assert (p["310万元"], p["1,260万元"]) == ("学生资助", "生源地信用助学贷款")
    assert (p["95.6%"], p["1.2万人"]) == ("高中阶段教育", "普通高中教育")
    p = _programs("青禾县统计局", "一、工业生产\n规上工业总产值增长8.2%。")
    assert p["8.2%"] == "规模以上工业"


def test_the_stages_a_student_aid_total_is_broken_down_into_are_its_parts() -> None:
    p = _programs("青禾县教育局", "一、民生保障\n全年发放各类学生资助资金2,460万元，其中学前教育资助180万元、"
                  "普通高中国家助学金520万元。")
    assert (p["2,460万元"], p["180万元"], p["520万元"]) == ("学生资助",) * 3
