"""The program of a figure in a report of a bureau gongwen has no vocabulary file for: the work line
its heading names (gongwen.extract.figures.labels.worklines).  Invented sentences.

- a heading is a line of work and what was done to it or how it went (数字化加工及时高效): the
  line is its program, cut before the words of how it went and to the start the text repeats;
- the line the text names after the bureau's object (档案数字化加工) is named so;
- a heading that is a part of the report (存在的问题, 2025年工作打算) names no line;
- a vocabulary program the heading itself names (安全生产) stays;
- a bureau with a vocabulary file reads its programs as before.

The 档案 and 地震 bureaus have vocabulary files now (dangan.yaml, dizhen.yaml): these tests read
their reports as a new bureau's, the files left out (as ``bench/labels_eval.py --leave-bureau-out`` does).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import pytest

from gongwen.extract.figures import assemble
from gongwen.extract.figures.labels.worklines import issuer_object, line_choices, work_line
from gongwen.extract.figures.words import vocab as V
from gongwen.extract.pipeline import document_from_text, extract


@pytest.fixture(autouse=True)
def _archives_without_their_file(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """dangan.yaml and dizhen.yaml left out: an archive bureau and an earthquake bureau are bureaus
    gongwen has no vocabulary file for."""
    every = V._bundled_names()
    monkeypatch.setattr(V, "_bundled_names", lambda: [n for n in every if n not in ("dangan", "dizhen")])
    load = cache(V.load_vocab.__wrapped__)
    monkeypatch.setattr(assemble, "choose_vocab", V.choose_vocab.__wrapped__)
    monkeypatch.setattr(assemble, "load_vocab", lambda path=None: load(path))
    yield


def choose_vocab(requested: str | None, issuer: str | None) -> str | None:
    return V.choose_vocab.__wrapped__(requested, issuer)

_BODY = ("一、数字化加工及时高效\n全年完成档案数字化加工86万件，同比增长12.4%。\n"
         "二、安全生产形势平稳\n全年开展执法检查14次，整改隐患23处。\n"
         "三、馆藏资源持续丰富\n接收进馆档案1.3万件，征集名人手稿215件。\n"
         "四、存在的问题\n档案用房缺口约800平方米。")


def _programs(issuer: str, body: str) -> dict[str, str | None]:
    text = f"{issuer}2024年工作总结\n{body}\n{issuer}\n2024年12月20日"
    return {f.as_written: f.program for f in extract(document_from_text(text)).figures}


def test_a_new_bureau_names_its_figures_by_the_work_lines_of_its_headings() -> None:
    assert choose_vocab(None, "青禾县档案局") is None  # no vocabulary file: a new bureau
    p = _programs("青禾县档案局", _BODY)
    assert p["86万件"] == "档案数字化加工"  # the line, after the bureau's object as the text names it
    assert p["12.4%"] == "档案数字化加工"
    assert p["1.3万件"] == "馆藏资源"
    assert p["215件"] == "馆藏资源"
    assert p["14次"] == "安全生产"  # a vocabulary program the heading names itself
    # a part of the report names no line: the figure is filed under the work its own clause counts
    assert p["800平方米"] == "档案用房缺口"


def test_a_bureau_with_a_vocabulary_reads_its_programs_as_before() -> None:
    p = _programs("青禾县民政局", "一、临时救助及时高效\n全年实施临时救助1528人次，支出临时救助资金412万元。")
    assert p["1528人次"] == "临时救助"
    p = _programs("青禾县民政局", _BODY)
    assert p["86万件"] != "档案数字化加工"


def test_the_line_a_heading_names() -> None:
    assert work_line("临时救助及时高效", "全年实施临时救助1528人次") == "临时救助"  # cut to what the text repeats
    assert work_line("高标准农田建设提速增效", "新建高标准农田1.2万亩") == "高标准农田建设"  # never before 建设
    assert work_line("深入开展隐患排查整治") == "隐患排查整治"  # the verbs it opens on
    assert work_line("落实借阅制度，档案利用服务持续优化") == "档案利用服务"  # the result names the line
    assert work_line("2025年工作打算") is None and work_line("全县档案事业基本情况") is None


def test_a_clause_that_only_says_how_things_went_names_no_line() -> None:
    """Of a heading's clauses, the line is the first (read last first) that the text names again: a
    result or a goal (汛期影响降至最低, 确保河道安全度汛) is no line the report ever names; the action
    before it is."""
    body = "全年组织巡河护岸187次，巡河护岸覆盖河道46条。"
    assert work_line("扎实巡河护岸，确保河道安全度汛", body) == "巡河护岸"
    assert work_line("扎实巡河护岸，确保河道安全度汛") == "确保河道安全度汛"  # (no text: last first, as before)
    body = "落实借阅制度，全年档案利用服务2300人次"
    assert work_line("落实借阅制度，档案利用服务持续优化", body) == "档案利用服务"  # both named: the result


def test_the_object_of_a_bureau() -> None:
    assert issuer_object("青禾县档案局") == "档案"
    assert issuer_object("青禾市住房公积金管理中心") == "住房公积金"
    assert issuer_object("青禾县市场监督管理局") == "市场监督"


def test_a_line_the_figures_sentence_names_outweighs_another_bureaus_program() -> None:
    # the sentence names the heading's line (馆藏资源) and, for a part of it, another bureau's program
    # (非物质文化遗产): the part is the line's, the report files it there
    body = ("一、馆藏资源持续丰富\n全年接收馆藏资源1.3万件，其中非物质文化遗产项目资料38件。\n"
            "二、档案利用服务提质增效\n全年接待查档群众6800人次，其中婚姻登记档案查询2100人次。\n"
            "三、老旧小区改造有序推进\n全年完成城镇老旧小区改造12个，惠及居民1460户。")
    p = _programs("青禾县档案局", body)
    assert p["1.3万件"] == "馆藏资源"
    assert p["38件"] == "馆藏资源"
    # a sentence that does not name the line keeps the program it names (婚姻登记)
    assert p["6800人次"] == "档案利用服务"
    assert p["2100人次"] == "婚姻登记"
    # a program whose name holds the line (城镇老旧小区改造 for 老旧小区改造) names it more fully
    assert p["12个"] == "城镇老旧小区改造"
    assert p["1460户"] == "城镇老旧小区改造"


def test_a_heading_is_cut_after_its_verbs_before_its_organising_noun_and_never_on_a_join() -> None:
    """The verbs a heading opens on (稳定, 发展, 毫不放松抓好) are what was done to the line; the
    noun that organises it (体系, 设施, 标准) is how it stands, not what it is; a start the text
    repeats that ends on 和 cuts the heading between its two lines and names neither."""
    assert work_line("稳定茶叶种植") == "茶叶种植"
    assert work_line("加快发展托育服务") == "托育服务"
    assert work_line("毫不放松抓好渔业捕捞") == "渔业捕捞"
    assert work_line("托育服务体系日益健全") == "托育服务"
    assert work_line("提高孤儿基本生活标准") == "孤儿基本生活"
    body = "全年开展病媒防制和环境消杀47次，病媒防制覆盖社区18个。"
    assert work_line("病媒防制和卫生整治有力有效", body) == "病媒防制"


def test_a_line_is_never_cut_before_the_work_done_to_its_object() -> None:
    """The text names a line's object without the work done to it (矛盾纠纷, 人防宣传); the work
    (化解, 教育, 监管, 队伍建设) is the line's own noun and stays (worklines.yaml ``line_nouns``)."""
    assert work_line("矛盾纠纷化解成效明显", "全年排查受理各类矛盾纠纷512件，调解成功497件") == "矛盾纠纷化解"
    assert work_line("人防宣传教育深入人心", "全年开展人防宣传活动18场") == "人防宣传教育"
    assert work_line("小额贷款公司监管持续加强", "全市小额贷款公司21家") == "小额贷款公司监管"
    assert work_line("乡村工匠队伍建设稳步推进", "新认定乡村工匠136名") == "乡村工匠队伍建设"
    assert work_line("临时救助及时高效", "全年实施临时救助1528人次") == "临时救助"  # a predicate still ends it


def test_a_line_is_never_cut_one_character_short() -> None:
    # (the text's 基层党组织 and 全民健身活力 hold the line but its last character: a cut there would
    # end inside a word; the cut goes back to the start the text names as a word of its own)
    assert work_line("基层党建全面加强", "全镇基层党组织32个，党员1260名") == "基层党建"
    assert work_line("全民健身活动广泛开展", "激发全民健身活力，新建场地12个") == "全民健身"


def test_a_line_may_name_young_or_old_people_or_a_yearbook() -> None:
    # (年 in a line is no year: a year is named by its number or its words, 上半年, 年度)
    assert work_line("青少年体育蓬勃发展", "全市青少年体育传统特色学校42所") == "青少年体育"
    assert work_line("老年人健康管理") == "老年人健康管理"
    assert work_line("年鉴编纂提质增效") == "年鉴编纂"
    assert work_line("下半年重点工作") is None and work_line("年度目标完成情况") is None


def test_a_new_bureau_names_its_figures_by_the_line_cut_so() -> None:
    p = _programs("青禾县档案局", "一、加快发展档案编研\n全年出版档案编研成果6部，档案编研选题11个。\n"
                  "二、档案库房设施提档升级\n新建档案库房2400平方米，档案库房恒温恒湿全覆盖。")
    assert p["6部"] == "档案编研"
    assert p["2400平方米"] == "档案库房"


def test_another_bureaus_word_in_passing_or_of_two_characters_does_not_outweigh_the_line() -> None:
    """A new bureau's figure is of the line its heading names unless its sentence says otherwise
    by a word that can: another bureau's word of four characters or more in the figure's own
    clause, or in an earlier clause where it is the subject of a figure of its own, or a word
    holding the program's name.  Not a word of an earlier clause said in passing (结合综合演练…,
    before the figure's clause), nor one of two or three characters (地震: any such bureau's word)
    unless the figure right after it counts it.  (A body whose own name names no program: a
    地震局's name names 防灾减灾 by 地震, the whole of its work, which yields to its lines.)"""
    assert choose_vocab(None, "青禾县地球物理台") is None
    body = ("一、监测台网运行稳定\n结合综合演练检验台网，全年新建观测站点6个，台网运行率99.2%。\n"
            "二、宏观观测有序开展\n全年记录地震事件412次，发布速报37期。\n"
            "三、震情应急准备充分\n全年开展综合演练9场，参演干部群众1300人次。\n"
            "四、震情跟踪研判有力\n全年监测到地震126次，组织会商研判24次。")
    p = _programs("青禾县地球物理台", body)
    assert p["6个"] == "监测台网"  # (was 应急演练: 综合演练 named in passing before the clause)
    assert p["99.2%"] == "监测台网"
    assert p["412次"] == "宏观观测"  # (was 防灾减灾: 地震, two characters)
    assert p["37期"] == "宏观观测"
    assert p["9场"] == "应急演练"  # the figure's own clause names it
    assert p["1300人次"] == "应急演练"  # the subject of the earlier clause's figure governs this one
    assert p["126次"] == "防灾减灾"  # a short word the figure right after it counts
    assert p["24次"] == "震情跟踪研判"  # (was 防灾减灾: 地震 of the clause before)
    assert _programs("青禾县地震局", body)["126次"] == "震情跟踪研判"  # (the body's own word: its whole)


def test_a_program_an_outer_heading_names_does_not_outweigh_the_inner_headings_line() -> None:
    """A heading outside the one naming the figure's line names the area the line is part of
    (应急救援 over 台站巡检): the line is the label; a program the line's own heading names stays."""
    body = ("一、应急救援能力持续提升\n（一）台站巡检扎实有序\n全年巡检观测台站148次，排除故障31处。\n"
            "（二）应急救援队伍不断壮大\n全年新增救援志愿者120人。")
    p = _programs("青禾县地震局", body)
    assert p["148次"] == "台站巡检"  # (was 应急救援, the outer heading's)
    assert p["31处"] == "台站巡检"
    assert p["120人"] == "应急救援"  # named by the line's own heading


def test_a_line_narrower_than_another_bureaus_program_is_the_label() -> None:
    """A new bureau's line that qualifies another bureau's program (渔业安全生产 of 安全生产), or holds
    the word by which the figure's sentence names that program (渔船, a word of 渔业, under 渔船管理),
    is the narrower work the figure is of; a line that only adds its team to the program
    (应急救援队伍, above) is not."""
    assert choose_vocab(None, "青禾县海洋与渔业局") is None
    body = ("一、渔船管理规范有序\n年末全县持证渔船1530艘，全年更新改造渔船37艘。\n"
            "二、渔业安全生产形势稳定\n全年开展渔业安全生产大检查12轮，排查整改隐患96处。")
    p = _programs("青禾县海洋与渔业局", body)
    assert p["1530艘"] == "渔船管理"  # (was 渔业: 渔船 counted right after it)
    assert p["37艘"] == "渔船管理"
    assert p["12轮"] == "渔业安全生产"  # (was 安全生产, the name the heading holds)
    assert p["96处"] == "渔业安全生产"


def test_a_heading_naming_two_lines_files_each_figure_under_the_one_its_text_names() -> None:
    """A heading that joins two lines (档案征集和编研开发) or says two things in two clauses
    (规范档案鉴定，馆藏安全保持稳定) names every one of them: a figure is filed under the one its
    section's text names last before it, else the heading's line."""
    assert line_choices("档案征集和编研开发扎实推进") == ("档案征集", "编研开发")
    assert line_choices("规范档案鉴定，馆藏安全保持稳定") == ("馆藏安全", "档案鉴定")
    body = ("一、档案征集和编研开发扎实推进\n全年档案征集2.6万件，同比增长8.1%。"
            "编研开发成果丰硕，出版编研开发成果9部，发布专题史料14期。\n"
            "二、规范档案鉴定，馆藏安全保持稳定\n开展档案鉴定4.2万卷，销毁到期档案1800卷。\n"
            "三、存在的问题\n档案用房缺口约800平方米。")
    p = _programs("青禾县档案局", body)
    assert p["2.6万件"] == "档案征集" and p["8.1%"] == "档案征集"
    assert p["9部"] == "编研开发" and p["14期"] == "编研开发"
    assert p["4.2万卷"] == "档案鉴定" and p["1800卷"] == "档案鉴定"


def test_a_figure_no_heading_names_a_line_for_is_filed_under_the_work_its_clause_counts() -> None:
    """A new bureau's figure that neither a vocabulary program nor a heading's line names is of the work
    its own metric counts (召开馆务会议12次: 馆务会议); what only states the jurisdiction stays of none."""
    body = ("全县常住人口8.6万人。全年召开馆务会议12次。\n"
            "一、馆藏资源持续丰富\n接收进馆档案1.3万件。")
    p = _programs("青禾县档案局", body)
    assert p["12次"] == "馆务会议"
    assert p["8.6万人"] is None
    assert p["1.3万件"] == "馆藏资源"  # (a heading's line as before)


def test_each_program_keeps_what_names_it() -> None:
    """A program carries its evidence: the text's words or a heading's line ("text"), the figure's own
    metric ("metric"); none without one."""
    body = ("全县常住人口8.6万人。全年召开馆务会议12次。\n"
            "一、馆藏资源持续丰富\n接收进馆档案1.3万件。\n"
            "二、志愿服务\n组织讲解员开展讲解320场。")
    text = f"青禾县档案局2024年工作总结\n{body}\n青禾县档案局\n2024年12月20日"
    got = {f.as_written: (f.program, f.program_from) for f in extract(document_from_text(text)).figures}
    assert got["12次"] == ("馆务会议", "metric")
    assert got["8.6万人"] == (None, None)
    assert got["1.3万件"] == ("馆藏资源", "text")
    assert got["320场"] == ("志愿服务", "text")


def test_the_checker_takes_a_program_read_from_the_metric_for_no_evidence() -> None:
    """Two targets of one plan named by two verbs (改造…12个 under 主要目标, 完成…13个…任务 under
    工作措施) carry two programs read from their metrics; the checker still reads them as one
    target stated twice, one digit apart."""
    from gongwen.check.engine import check_extraction

    body = ("一、2025年主要目标\n改造村级档案室12个。\n"
            "二、2025年工作措施\n全县高质量完成13个村级档案室改造任务。")
    text = f"青禾县档案局2025年工作计划\n{body}\n青禾县档案局\n2024年12月20日"
    ext = extract(document_from_text(text))
    froms = {f.as_written: f.program_from for f in ext.figures}
    assert froms["12个"] == froms["13个"] == "metric"
    codes = [f.code for f in check_extraction(ext).findings if f.severity in ("error", "warning")]
    assert "GW112" in codes


def test_a_bare_object_keeps_the_work_done_to_it() -> None:
    """A heading cut down to an object of two characters (会员, 督办) names a thing, not a line: the
    work word after it (发展, 落实, 工作, 分析) stays on the line; a longer line is cut before it."""
    assert work_line("会员发展稳步推进") == "会员发展"
    assert work_line("严把会员发展质量关") == "会员发展"
    assert work_line("统筹督办落实") == "督办落实"
    assert work_line("数据分析能力提升") == "数据分析"
    assert work_line("来电诉求分析") == "来电诉求"  # (what is analysed is the line)
    assert work_line("信息报送工作扎实推进") == "信息报送"


def test_a_heading_opens_on_the_verbs_of_any_bureau() -> None:
    assert work_line("分层分类开展会员培训") == "会员培训"
    assert work_line("狠抓安全隐患整改") == "安全隐患整改"
    assert work_line("压实河湖巡查责任") == "河湖巡查责任"


_BUS = ("一、线网结构持续优化\n全年新开公交线路6条，城市公共交通线路总长度达到412公里，较上年增加38公里。\n"
        "二、存在的问题\n城市公共交通车辆老化，车龄8年以上车辆仍有35台。")


def test_the_program_a_new_bureaus_own_name_names_yields_to_its_headings_line() -> None:
    # a 公共交通有限公司 has no vocabulary file; its name names the 城市公共交通 program, which is
    # the whole of its work: a figure under a heading naming a line of it is that line's, even where
    # its sentence says 城市公共交通; where no heading names a line, the whole stays its program
    assert choose_vocab(None, "青禾县公共交通有限公司") is None
    p = _programs("青禾县公共交通有限公司", _BUS)
    assert p["412公里"] == p["38公里"] == "线网"
    assert p["35台"] == "城市公共交通"
    # a bureau with a vocabulary file names it as before
    q = _programs("青禾县交通运输局", _BUS)
    assert q["412公里"] == q["35台"] == "城市公共交通"


def test_an_item_of_a_list_of_areas_does_not_outweigh_the_headings_line() -> None:
    """A new bureau's figure is of the line its heading names even where its clause names another
    bureau's program as one item of a list of areas (围绕A、B等…): the list says what the work was
    about, not what the figure counts.  Named on its own, the program still files its figures."""
    body = ("一、决策服务有力有效\n围绕优化营商环境、和美乡村建设等全县中心工作开展专题调研9项，形成调研报告26篇。\n"
            "二、档案资源持续丰富\n全年接收和美乡村建设项目档案860卷。")
    p = _programs("青禾县档案局", body)
    assert p["9项"] == p["26篇"] == "决策服务"
    assert p["860卷"] == "和美乡村建设"
