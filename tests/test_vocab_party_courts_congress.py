"""The vocabularies of the party's, the courts', the congress's and the mass bodies of a county
(data/vocab/: 人民法院, 人民检察院 …), written from their official indicator names: each body's
issuer line picks its file, and an invented sentence of its report gets that body's program and
category.  Invented sentences."""

from __future__ import annotations

import pytest
from conftest import body_figures

from gongwen.extract.figures.words.vocab import choose_vocab, load_vocab
from gongwen.extract.pipeline import document_from_text, extract


def _figures(issuer: str, body: str) -> dict[str, tuple[str | None, str | None]]:
    return body_figures(issuer, body, "工作报告", "主要工作", "2025年12月26日")


@pytest.mark.parametrize("issuer, bureau", [
    ("青禾县人民法院", "fayuan"),
    ("青禾市中级人民法院", "fayuan"),
    ("青禾县人民检察院", "jianchayuan"),
    ("中共青禾县纪律检查委员会", "jiwei"),
    ("青禾县监察委员会", "jiwei"),
    ("中共青禾县委组织部", "zuzhi"),
    ("中共青禾县委宣传部", "xuanchuan"),
    ("中共青禾县委统战部", "tongzhan"),
    ("中共青禾县委网络安全和信息化委员会办公室", "wangxin"),
    ("中共青禾县委机构编制委员会办公室", "bianban"),
    ("中共青禾县委老干部局", "laoganbu"),
    ("中共青禾县委党校", "dangxiao"),
    ("中共青禾县直属机关工作委员会", "jiguangongwei"),  # 机关工委 holds 关工委: the longer name wins
    ("青禾县人民代表大会常务委员会", "renda"),
    ("政协青禾县委员会", "zhengxie"),
    ("青禾县关心下一代工作委员会", "guangongwei"),
    ("青禾县关工委", "guangongwei"),
    ("青禾县社会科学界联合会", "shekelian"),
    ("青禾县慈善总会", "cishan"),
])
def test_the_issuer_line_picks_the_bodys_vocabulary(issuer: str, bureau: str) -> None:
    assert choose_vocab(None, issuer) == bureau


def test_vocab_fayuan_caseload_trials_execution_and_mediation() -> None:
    f = _figures("青禾县人民法院",
                 "全年共受理各类案件8,412件，审执结7,960件。审结刑事案件512件。受理执行案件2,310件，"
                 "执行到位金额3.2亿元。诉前调解成功1,204件。一审服判息诉率91.3%。")
    assert f["8,412件"][0] == "审判执行"
    assert f["512件"] == ("刑事审判", "刑事案件")
    assert f["2,310件"][0] == "执行工作"
    assert f["3.2亿元"][0] == "执行工作"
    assert f["1,204件"][0] == "诉前调解"
    assert f["91.3%"][0] == "审判质效"


def test_vocab_jianchayuan_arrests_prosecution_and_public_interest() -> None:
    f = _figures("青禾县人民检察院",
                 "批准逮捕犯罪嫌疑人126人。起诉危险驾驶犯罪42人。认罪认罚从宽制度适用率92.1%。"
                 "办理公益诉讼案件46件。救助困难被害人18人，发放司法救助金27.5万元。")
    assert f["126人"] == ("审查逮捕", "全县")  # the suspects a count counts are no category
    assert f["42人"] == ("审查起诉", "危险驾驶犯罪")  # the category as written
    assert f["92.1%"][0] == "认罪认罚从宽制度"
    assert f["46件"][0] == "公益诉讼"
    assert f["27.5万元"][0] == "司法救助"


def test_a_courts_words_are_read_in_its_own_reports_only() -> None:
    """``own_reports_only``: another office's report of a case or of 司法救助 names no program of the
    court's — its words are no evidence there, not even by a program's full name."""
    assert load_vocab("fayuan").alias_map["审判执行工作"] == "审判执行"
    for elsewhere in ("minzheng", "sifa", None):
        v = load_vocab(elsewhere)
        assert "审判执行工作" not in v.alias_map and "国家司法救助" not in v.alias_map
    f = _figures("青禾县民政局", "配合开展国家司法救助工作，全年衔接救助对象14人。")
    assert f["14人"][0] != "司法救助"


def test_vocab_jiwei_leads_cases_sanctions_and_the_four_forms() -> None:
    f = _figures("中共青禾县纪律检查委员会",
                 "全年共处置问题线索486件，立案审查调查132件，给予党纪政务处分118人。运用监督执纪四种形态"
                 "批评教育帮助和处理612人次，其中第一种形态452人次。查处违反中央八项规定精神问题21起。")
    assert [f[w][0] for w in ("486件", "132件", "118人", "612人次", "452人次", "21起")] == [
        "问题线索处置", "审查调查", "党纪政务处分", "监督执纪四种形态", "监督执纪四种形态", "落实中央八项规定精神"]


def test_vocab_zuzhi_members_party_branches_and_talent() -> None:
    f = _figures("中共青禾县委组织部",
                 "全年发展党员286名。整顿软弱涣散村党组织12个。全县共有基层党组织1,046个。引进高层次人才42名。")
    assert [f[w][0] for w in ("286名", "12个", "1,046个", "42名")] == [
        "党员发展", "软弱涣散党组织整顿", "基层党组织建设", "人才工作"]
    assert f["42名"][1] == "高层次人才"


def test_vocab_xuanchuan_media_lectures_and_civility_practice() -> None:
    f = _figures("中共青禾县委宣传部",
                 "在中央级媒体上稿126篇。开展理论宣讲活动1,480场次。新时代文明实践站覆盖率100%。注册志愿者达到8.6万人。")
    assert f["126篇"] == ("新闻宣传", "中央级媒体")
    assert [f[w][0] for w in ("1,480场次", "100%", "8.6万人")] == ["理论宣讲", "新时代文明实践", "文明实践志愿服务"]


def test_vocab_tongzhan_parties_and_the_non_party_figures() -> None:
    f = _figures("中共青禾县委统战部", "组织召开党外人士座谈会6次。新建同心实践基地3个。全县有民主党派成员412人。")
    assert [f[w][0] for w in ("6次", "3个", "412人")] == ["多党合作", "同心工程", "多党合作"]


def test_another_offices_party_work_names_no_party_organs_program() -> None:
    """Every office studies, holds warning sessions and keeps its own ideological work: a 民政 report's
    理论学习 and 警示教育 figures name no program of the publicity department's or the discipline
    commission's (own_reports_only)."""
    f = _figures("青禾县民政局", "局党组理论学习中心组开展集体学习12次。组织警示教育活动5场。落实意识形态工作责任制，开展专题研判2次。")
    assert (f["12次"][0], f["5场"][0], f["2次"][0]) == (None, None, None)


def test_a_file_read_in_its_own_reports_only_redefines_no_program_elsewhere() -> None:
    """The publicity department's 新闻宣传 is its own in its reports; elsewhere the 融媒体 file's
    program of that name stays what it was (loaded in name order, the later file's would replace it)."""
    assert load_vocab("xuanchuan").programs["新闻宣传"].bureau == "xuanchuan"
    for elsewhere in ("rongmeiti", "minzheng", None):
        assert load_vocab(elsewhere).programs["新闻宣传"].bureau == "rongmeiti"


@pytest.mark.parametrize("issuer, body, expected", [
    ("中共青禾县委网络安全和信息化委员会办公室",
     "全年监测网络舆情信息3,260条。受理网民举报1,120件。开展网络安全检查86家次。",
     {"3,260条": "网络舆情", "1,120件": "网络举报", "86家次": "网络安全"}),
    ("中共青禾县委机构编制委员会办公室",
     "全县共核定行政编制1,245名。收回空编120名。完成事业单位年度报告公示412家。",
     {"1,245名": "机构编制管理", "120名": "机构编制管理", "412家": "事业单位登记管理"}),
    ("中共青禾县委老干部局",
     "全年走访慰问老干部1,340人次。老年大学开设班级36个。",
     {"1,340人次": "走访慰问", "36个": "老年大学"}),
    ("中共青禾县委党校",
     "全年举办主体班次14期，培训学员1,260人次。送教下基层62场次。完成课题立项9项。",
     {"14期": "干部教育培训", "1,260人次": "干部教育培训", "62场次": "送教下基层", "9项": "科研咨政"}),
    ("中共青禾县直属机关工作委员会",
     "全县共有机关党组织186个。创建五星级党支部24个。在职党员双报到率100%。",
     {"186个": "机关基层党组织建设", "24个": "机关基层党组织建设", "100%": "在职党员进社区"}),
    ("青禾县人民代表大会常务委员会",
     "全年召开常委会会议8次，听取和审议专项工作报告16项，开展执法检查4次。交办代表建议126件。",
     {"8次": "常委会会议", "16项": "专项工作监督", "4次": "执法检查", "126件": "代表建议办理"}),
    ("政协青禾县委员会",
     "全年开展专题协商6次。共收到提案186件。报送社情民意信息74条。",
     {"6次": "协商议政", "186件": "提案工作", "74条": "社情民意信息"}),
    ("青禾县关心下一代工作委员会",
     "全县五老志愿者达到1,260人。举办报告会86场次。",
     {"1,260人": "五老队伍建设", "86场次": "青少年思想道德教育"}),
    ("青禾县社会科学界联合会",
     "举办社科普及活动48场。立项社科规划课题35项。",
     {"48场": "社科普及", "35项": "社科规划课题"}),
    ("青禾县慈善总会",
     "全年募集善款1,860万元。资助困难学生420名。",
     {"1,860万元": "慈善募捐", "420名": "慈善救助"}),
])
def test_vocab_organs_and_mass_bodies_name_their_programs(issuer: str, body: str, expected: dict[str, str]) -> None:
    f = _figures(issuer, body)
    assert {w: f[w][0] for w in expected} == expected


def test_a_body_named_before_its_place_is_of_that_place() -> None:
    """政协青禾县委员会 opens on the body's name, its place after: its whole is the 县's conference (县政协,
    the place's level), not a guess from the text's words."""
    f = _figures("政协青禾县委员会", "全年开展专题协商6次，全市政协系统召开联席会议2次。")
    assert f["6次"][1] == "县政协"


@pytest.mark.parametrize("issuer, body, figure, scope", [
    ("青禾县人民代表大会常务委员会", "全年召开常委会会议9次，听取和审议专项工作报告14项。", "9次", "县人大常委会"),
    ("青禾县人民代表大会常务委员会", "组织执法检查5次，其中对城乡居民基本养老保险落实情况开展检查1次。", "5次", "县人大常委会"),
    ("政协青禾市委员会", "全年开展对口协商4次，报送社情民意信息96条。", "96条", "市政协"),
    ("政协青禾县委员会", "全县60周岁以上老年人口3.2万人，委员视察养老机构12家。", "3.2万人", "60周岁以上老年人"),
])
def test_a_deliberative_bodys_figures_are_its_own(issuer: str, body: str, figure: str, scope: str) -> None:
    """A standing committee or a consultative conference reports on its own sittings, inspections and
    proposals: a figure with no scope of its own is the body's (县人大常委会, 市政协 at the issuer's
    level), not its county's; a population the sentence names still narrows it."""
    assert _figures(issuer, body)[figure][1] == scope


def test_a_courts_whole_is_the_court() -> None:
    """A court's counts are its own caseload (全院), not its county's; a case type narrows it."""
    f = _figures("青禾县人民法院", "全院共受理各类案件8,412件，审执结7,960件。审结刑事案件512件。")
    assert (f["8,412件"][1], f["7,960件"][1], f["512件"][1]) == ("全院", "全院", "刑事案件")


def test_a_title_names_the_body_when_the_signature_names_a_section() -> None:
    """A report signed by a section of the body (退休科) picks no vocabulary by its signature; its
    title (…老干部局…工作总结) names the body."""
    text = ("青禾县老干部局2025年上半年工作总结\n一、主要工作\n全年走访慰问老干部1,340人次。\n退休科\n2025年7月2日")
    f = {x.as_written: x.program for x in extract(document_from_text(text)).figures}
    assert f["1,340人次"] == "走访慰问"
