"""The program of a figure: which mention is evidence.  Invented sentences.

- a breakdown by source (从资金来源看，…地方政府专项债券 3.1 亿元) names where the amount named
  before it came from: the programs after the cue are its sources, not the figures' programs;
- the program named right of the number in its clause is found past a generic word before it
  (为1,240名残疾人适配辅助器具);
- a program's word that qualifies the people named after it (慢性病患者, 义务教育学生) names whom
  the section's program serves, unless those are the program's own (低保对象);
- 诊疗 counts the medical service, whichever institutions gave it (医疗卫生机构完成诊疗…);
- a 分别 list of programs gives its i-th value to its i-th program (失业保险、工伤保险参保人数分别为…);
- a program named as one item of a list of areas (统筹推进A、B和C等重点工作) governs no later clause;
- a certificate obtained (取得职业技能等级证书) is what a training or an assessment yields: it names
  the assessment only where nothing else is named; so does a pooled fund (统筹基金) its fund program;
- the program a heading names, named again in the figure's clause or as the subject of a figure
  earlier in its sentence, is what a nearer word of another program measures (营业收入 of the
  社有企业, 火灾事故 among the 生产安全事故) — unless that word names its own program in full.
"""

from __future__ import annotations

from gongwen.extract.figures.words.vocab import load_vocab
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
    assert p["1,240名"] == "残疾人辅助器具适配"
    assert p["326名"] == "残疾人基本康复服务"


def test_a_word_that_is_also_a_category_yields_to_the_program_its_heading_names() -> None:
    """定点医药机构 names the 定点医药机构管理 program and the category of institutions: under a
    heading on fund supervision (基金监管, a generic word of 医疗保障基金监管) the institutions are
    whom the supervision checked; 工矿商贸 is where 安全生产's accidents happened."""
    text = ("青禾县医疗保障局2024年工作总结\n一、基金监管持续从严\n全年检查定点医药机构420家，"
            "其中定点医疗机构180家。\n二、其他工作\n全县定点医药机构新增36家。\n"
            "青禾县医疗保障局\n2024年12月20日")
    f = {x.as_written: x for x in extract(document_from_text(text)).figures}
    assert f["420家"].program == "医疗保障基金监管"
    assert (f["180家"].program, f["180家"].scope) == ("医疗保障基金监管", "定点医疗机构")
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


def test_the_word_a_breakdown_cue_hid_is_found() -> None:
    """No word starts on the 中 of 其中; the word that 中 would have opened is looked up instead
    (其中职工医保 names 职工医保, not 中职)."""
    p = _programs("青禾县医疗保障局", "一、待遇保障\n全年参保人员住院7.6万人次，其中职工医保2.3万人次、居民医保5.3万人次。")
    assert (p["2.3万人次"], p["5.3万人次"]) == ("职工基本医疗保险", "城乡居民基本医疗保险")


def test_a_program_after_a_scope_cue_is_what_the_figure_counts_when_nothing_else_is_named() -> None:
    p = _programs("青禾镇人民政府", "一、民生保障\n全镇纳入最低生活保障574户1,046人，全年发放低保金548万元。")
    assert (p["574户"], p["1,046人"]) == ("最低生活保障", "最低生活保障")
    # another program named in the clause wins: the cued word names whom it reached
    p = _programs("青禾县民政局", "一、临时救助\n对已纳入低保的困难群众实施临时救助326人次。")
    assert p["326人次"] == "临时救助"


def test_another_bureaus_program_is_evidence_by_a_word_holding_its_full_name() -> None:
    p = _programs("青禾县农业农村局", "一、总体情况\n全年粮食总产量达到19.84万吨，农村居民人均可支配收入达到20637元。")
    assert (p["19.84万吨"], p["20637元"]) == ("粮食生产", "居民人均可支配收入")


def test_programs_are_named_as_the_reports_name_them() -> None:
    """村级集体经济, 医疗保障基金监管, 公共租赁住房 (its 租赁补贴 too), 商品房销售, 卫生技术人员."""
    p = _programs("青禾乡人民政府", "一、集体经济\n全乡12个行政村村级集体经济收入合计386万元。")
    assert p["386万元"] == "村级集体经济"
    p = _programs("青禾县住房和城乡建设局", "一、住房保障\n公租房在保家庭2,947户，其中发放租赁补贴1,208户。"
                  "全年商品房销售面积68.2万平方米。")
    assert (p["1,208户"], p["68.2万平方米"]) == ("公共租赁住房", "商品房销售")
    p = _programs("青禾县卫生健康局", "一、卫生资源\n全县卫生技术人员3,412人，其中执业（助理）医师1,286人；在岗乡村医生312名。")
    assert (p["3,412人"], p["1,286人"], p["312名"]) == ("卫生技术人员", "卫生技术人员", "卫生健康人才")


def test_a_word_the_scan_cut_in_half_is_read_whole() -> None:
    """国家免疫规划疫苗接种率: the longest word at 国 is 国家免疫规划, and the word after it would be
    疫苗接种; 免疫规划疫苗接种率, of the same program as 国家免疫规划, covers it (疫苗接种 is now a word
    of 免疫规划 too: the scan's own case is the doctest of mentions._hidden_word)."""
    p = _programs("青禾县卫生健康局", "一、公共卫生\n全年接种各类疫苗8.2万剂次，适龄儿童国家免疫规划疫苗接种率保持在95%以上。")
    assert p["95%"] == "免疫规划"


def test_a_category_word_is_a_part_of_the_program_its_sentence_names() -> None:
    """高技能人才 is a category, and a heading on training names another program: but the sentence
    names 技能人才 by its total first, so the 其中 part is counted by that program."""
    body = ("一、职业技能培训扎实开展\n全年开展补贴性职业技能培训5,200人次。年末全县技能人才总量达1.86万人，"
            "其中高技能人才5,120人。")
    p = _programs("青禾县人力资源和社会保障局", body)
    assert p["5,120人"] == "技能人才队伍建设"


def test_another_bureaus_program_stating_a_figure_governs_the_clauses_after_it() -> None:
    """农村居民人均可支配收入 is another bureau's program in a 农业农村 report, but here it is the
    subject of its own figure: the growth after it is its growth, not the 粮食生产 named before."""
    p = _programs("青禾县农业农村局", "一、总体情况\n全年粮食总产量8.36万吨，同比增长1.2%；农村居民人均可支配收入"
                  "19,420元，同比增长6.5%。")
    assert (p["1.2%"], p["6.5%"]) == ("粮食生产", "居民人均可支配收入")


def test_a_bureau_names_its_own_version_of_another_bureaus_program() -> None:
    """A 退役军人事务局's 职业技能培训 is its 退役军人职业技能培训 (vocab ``specialises``); a 人社局's
    stays 职业技能培训."""
    p = _programs("青禾县退役军人事务局", "一、就业创业\n组织职业技能培训268人次，培训后实现就业201人。")
    assert p["268人次"] == "退役军人职业技能培训"
    p = _programs("青禾县人力资源和社会保障局", "一、技能培训\n组织职业技能培训268人次，培训后实现就业201人。")
    assert p["268人次"] == "职业技能培训"


def test_a_program_a_standard_is_set_against_is_no_subject() -> None:
    """特困人员's standard is set against 低保's (按不低于…低保标准的1.3倍): the standard stated after it
    is of 特困人员救助供养; 失业保险金 set at 最低工资标准的90% is of 失业保险."""
    p = _programs("青禾县民政局", "一、特困供养\n特困人员基本生活标准按不低于当地低保标准的1.3倍确定，现行标准为每人每月980元。")
    assert p["每人每月980元"] == "特困人员救助供养"
    p = _programs("青禾县人力资源和社会保障局", "一、社会保险\n失业保险金标准按当地最低工资标准的90%确定，调整为每人每月1,650元。")
    assert (p["90%"], p["每人每月1,650元"]) == ("失业保险", "失业保险")


def test_programs_the_writers_name_apart_from_their_parent() -> None:
    """Official programs several writers name apart: 老年助餐服务 and 特殊困难老年人家庭适老化改造
    (within 养老服务), 应急演练 (within 应急救援), 社会保险基金 (the funds' income and spending)."""
    p = _programs("青禾县民政局", "一、养老服务\n全年新建老年助餐点12个，提供助餐服务8.6万人次；完成特殊困难老年人家庭"
                  "适老化改造240户；新增养老床位180张。")
    assert (p["12个"], p["8.6万人次"]) == ("老年助餐服务", "老年助餐服务")
    assert (p["240户"], p["180张"]) == ("特殊困难老年人家庭适老化改造", "养老服务")
    p = _programs("青禾县应急管理局", "一、应急救援能力建设\n全年组织各类应急演练126场，新建乡镇应急救援队伍4支。")
    assert (p["126场"], p["4支"]) == ("应急演练", "应急救援")
    p = _programs("青禾县人力资源和社会保障局", "一、社会保险\n全年社会保险基金总收入9.8亿元，总支出9.1亿元。")
    assert (p["9.8亿元"], p["9.1亿元"]) == ("社会保险基金", "社会保险基金")


def test_a_program_word_qualifying_people_names_whom_the_section_program_serves() -> None:
    body = ("一、家庭医生签约服务提质扩面\n全年签约服务12.6万人，其中老年人、慢性病患者等重点人群签约8.1万人。\n"
            "二、学生营养改善计划\n农村义务教育学生营养改善计划惠及义务教育学生1.9万人。")
    p = _programs("青禾县卫生健康局", body)
    assert p["8.1万人"] == "家庭医生签约服务"
    assert p["1.9万人"] == "农村义务教育学生营养改善计划"
    p = _programs("青禾县民政局", "一、兜底保障更加有力\n截至年底，全县共有城乡低保对象3,120户、4,860人。")
    assert p["3,120户"] == p["4,860人"] == "最低生活保障"  # the program's own people


def test_consultations_are_the_medical_service() -> None:
    p = _programs("青禾县卫生健康局", "一、医疗服务能力提升\n全年全县医疗卫生机构完成总诊疗163.2万人次，"
                  "同比增长4.1%；基层医疗卫生机构诊疗量占比为58.6%。")
    assert [p[w] for w in ("163.2万人次", "4.1%", "58.6%")] == ["医疗服务"] * 3


def test_a_list_of_programs_before_fenbie_gives_each_value_its_program() -> None:
    """The i-th value after 分别 is the i-th program's; a generic word (参保) is no item, and the
    measure the last item carries is every item's."""
    text = "青禾县人力资源和社会保障局2024年工作总结\n一、社会保险扩面提质\n截至年底，全县失业保险、工伤保险参保人数分别为2.16万人、1.84万人。\n青禾县人力资源和社会保障局\n2024年12月20日"
    f = {x.as_written: x for x in extract(document_from_text(text)).figures}
    assert [(f[w].program, f[w].metric) for w in ("2.16万人", "1.84万人")] == [("失业保险", "参保人数"), ("工伤保险", "参保人数")]
    p = _programs("青禾县商务局", "一、总体情况\n全县着力提振消费、发展电子商务，全年社会消费品零售总额、外贸进出口总额、"
                  "网络零售额分别增长4.7%、8.2%和13.9%。")
    assert [p[w] for w in ("4.7%", "8.2%", "13.9%")] == ["社会消费品零售总额", "货物进出口", "电子商务"]


def test_an_item_of_a_list_of_areas_governs_no_later_clause() -> None:
    """统筹推进学位供给、队伍建设和学生资助等重点工作 names the areas of the year's work: the next
    sentence's count of schools is none of them; nor is a clause after a list of parts (其中防汛演练…、
    地质灾害避险演练…，参与群众…) the last part's."""
    p = _programs("青禾市教育局", "一、总体情况\n市教育局统筹推进学位供给、队伍建设和学生资助等重点工作，全市教育事业保持"
                  "良好发展态势。全市共有各级各类学校420所。\n二、学生资助\n全年发放学生资助资金2.1亿元。")
    assert p["420所"] is None
    assert p["2.1亿元"] == "学生资助"
    p = _programs("青禾县应急管理局", "一、应急演练\n全年组织应急演练30场，其中防汛演练12场、消防演练8场、地质灾害避险演练"
                  "10场，参与群众4,200人次。")
    assert p["30场"] == p["4,200人次"] == "应急演练"
    p = _programs("青禾县民政局", "一、社会救助兜底有力\n全县统筹推进最低生活保障、特困人员救助供养、临时救助等各项救助工作。"
                  "全年发放各类救助资金1.2亿元。")
    assert p["1.2亿元"] == "社会救助"
    p = _programs("青禾县教育局", "一、学生资助\n全面落实从学前教育到高等教育全学段资助政策，全年累计资助各学段学生"
                  "2.6万人次，发放资助资金3,820万元。")
    assert p["2.6万人次"] == p["3,820万元"] == "学生资助"  # (the span's end is no subject either)


def test_a_certificate_obtained_names_the_assessment_only_where_nothing_else_is_named() -> None:
    p = _programs("青禾县人力资源和社会保障局", "一、技能培训\n全年开展补贴性职业技能培训4,180人次，培训后取得职业资格证书"
                  "或职业技能等级证书3,060人，取证率73.2%。\n二、技能评价\n全年开展职业技能等级认定1.2万人次，取得职业技能"
                  "等级证书1.05万人。全县新增取得职业资格证书2,300人。")
    assert [p[w] for w in ("4,180人次", "3,060人", "73.2%")] == ["职业技能培训"] * 3
    assert [p[w] for w in ("1.2万人次", "1.05万人", "2,300人")] == ["职业技能等级认定"] * 3


def test_a_pooled_fund_is_the_fund_of_the_scheme_its_clause_names() -> None:
    p = _programs("青禾县医疗保障局", "一、基金运行平稳\n1-6月，职工医保统筹基金收入1.96亿元，支出1.63亿元。")
    assert p["1.96亿元"] == p["1.63亿元"] == "职工基本医疗保险"
    p = _programs("青禾县医疗保障局", "一、基金运行平稳\n截至年底，全县统筹基金累计结余12.6亿元。")
    assert p["12.6亿元"] == "医疗保险基金"  # (no scheme named: the fund's own program)


def test_a_heading_naming_two_programs_leaves_the_clause_the_one_it_names() -> None:
    p = _programs("青禾县民政局", "一、社会救助\n（三）健全低收入人口动态监测和临时救助机制\n全年安排临时救助资金580万元，"
                  "审批时限压缩至5个工作日。")
    assert p["580万元"] == p["5个工作日"] == "临时救助"


def test_the_heading_program_named_in_the_sentence_is_what_a_nearer_word_measures() -> None:
    """营业收入 is a word of the 供销社's business line; under a heading on the 社有企业, whose
    clause names them, it is what the 社有企业 earned — and the next clause's 利润总额 too, since
    the 社有企业 are the subject of a figure earlier in the sentence.  火灾事故 counts a part of
    the 生产安全事故 stated before it under a 安全生产 heading."""
    p = _programs("青禾县供销合作社联合社",
                  "一、社有企业改革发展\n全县28家社有企业全年实现营业收入12.6亿元，实现利润总额3,150万元。")
    assert [p[w] for w in ("28家", "12.6亿元", "3,150万元")] == ["社有企业"] * 3
    p = _programs("青禾县应急管理局", "一、安全生产形势平稳\n全年发生生产安全事故9起，其中火灾事故2起。")
    assert (p["9起"], p["2起"]) == ("安全生产", "安全生产")


def test_a_word_naming_its_own_program_in_full_or_a_passing_heading_word_keeps_its_program() -> None:
    """城镇登记失业率 names its own program by its full name: the heading's 城镇新增就业, the subject
    of the clauses before, does not take it.  A heading's program named in passing (深入推进…建设，)
    states no figure and governs no later clause of the sentence."""
    p = _programs("青禾县人力资源和社会保障局",
                  "一、城镇新增就业稳中有进\n全年城镇新增就业4,120人，完成目标任务的103.0%；城镇登记失业率为3.1%。")
    assert (p["4,120人"], p["3.1%"]) == ("城镇新增就业", "城镇登记失业率")
    p = _programs("青禾县文化和旅游局",
                  "一、公共文化服务体系建设\n深入推进公共文化服务体系示范区建设，全县公共图书馆全年接待读者46.2万人次。")
    assert p["46.2万人次"] == "公共图书馆服务"
    # the whole a share is of keeps its own program; the share is the heading program's
    p = _programs("青禾县农业农村局", "一、高标准农田建设扎实推进\n截至年底，全县累计建成高标准农田31.8万亩，"
                  "占永久基本农田保护面积45.2万亩的70.4%。")
    assert (p["31.8万亩"], p["45.2万亩"], p["70.4%"]) == ("高标准农田建设", "耕地保护", "高标准农田建设")
