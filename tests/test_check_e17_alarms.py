"""Engineer E (wave 17): false alarms the freshly read group I raised, each fixed by what the
words say (invented words) — a whole named by joining its parts' names is no measure the parts
are split by; a 其中 item of an unstated whole is no whole of a later criterion; a comparison
names the level it changes; a 一、 run into a paragraph still numbers the 二、 after it; a
criterion's bare share is of the whole its sibling's share names."""

from __future__ import annotations

from test_check_r_coverage import _report, _verdicts  # the same invented report head and helpers

from gongwen.check import check
from gongwen.extract.pipeline import document_from_text, extract


def _problems(body: str) -> list[tuple[str, str]]:
    return [(f.code, f.severity) for f in _report(body).problems]


SPRINGS = "今年新认定名泉3处，全县现有名泉古井64处，其中名泉{a}处、古井23处，全部建立保护档案。"


def test_a_whole_named_by_its_parts_names_is_their_whole() -> None:
    # 名泉古井 joins 名泉 and 古井: both parts are of the 64, none of the 3 newly named 名泉
    assert _problems(SPRINGS.format(a="41")) == []
    assert _verdicts(SPRINGS.format(a="41"), "GW101") == [("consistent", "info", ("23处", "41处", "64处"))]
    [(status, severity, figs)] = _verdicts(SPRINGS.format(a="44"), "GW101")
    assert (status, figs) == ("inconsistent", ("23处", "44处", "64处"))


CLINIC = ("全年门诊挂号量保持增长，其中一季度完成8.6万人次，二季度以后就诊人数明显回升。从科室看，内科门诊挂号12.4万人次，"
          "外科门诊挂号5.3万人次，儿科门诊挂号3.1万人次。")


def test_a_其中_item_of_an_unstated_whole_is_no_whole_of_a_later_criterion() -> None:
    # 8.6 万人次 is one quarter of the year's count the text never states: not what 从科室看 breaks down
    assert _problems(CLINIC) == []
    assert _verdicts(CLINIC, "GW108") == []


TRAINED = "全年培训教师1240人、家长3860人，其中教师人数较上年的1105人增加{d}人。"


def test_a_comparison_changes_the_level_its_clause_names() -> None:
    assert _verdicts(TRAINED.format(d="135"), "GW104") == [("consistent", "info", ("1105人", "1240人", "135人"))]
    assert _problems(TRAINED.format(d="135")) == []
    [(status, severity, figs)] = _verdicts(TRAINED.format(d="153"), "GW104")
    assert (status, severity, figs) == ("inconsistent", "error", ("1105人", "1240人", "153人"))


COMPLAINTS = ("全年受理群众投诉820件，较上年减少36件。从受理渠道看，热线电话受理410件，占投诉总量的50.0%；"
              "从投诉类别看，物业服务类205件，占{a}%，房屋质量类164件，占20.0%。")


def test_a_criterions_bare_share_is_of_the_whole_its_siblings_share_names() -> None:
    ok = _verdicts(COMPLAINTS.format(a="25.0"), "GW107")
    assert ("consistent", "info", ("205件", "25.0%", "820件")) in ok
    assert ("consistent", "info", ("164件", "20.0%", "820件")) in ok
    assert _problems(COMPLAINTS.format(a="25.0")) == []
    bad = _verdicts(COMPLAINTS.format(a="52.0"), "GW107")
    # found by the sibling's share, not stated beside the part: a warning
    assert [v for v in bad if v[0] == "inconsistent"] == [("inconsistent", "warning", ("205件", "52.0%", "820件"))]


RUN_IN = """某县文化馆2025年工作总结

　　一、2025年主要工作 （一）强化阵地建设。全年新建城市书房6个，累计达到21个。
　　（二）丰富群众活动。全年举办各类展演活动138场，惠及群众4.6万人次。
　　（三）加强队伍建设。全馆现有在编人员32人，全年组织业务培训12期。
　　{two}、存在的问题 一是阵地分布不均衡；二是专业人才不足。
　　三、2026年工作打算 一是新建城市书房4个；二是举办展演活动150场以上。
"""


def test_a_一_run_into_a_paragraph_numbers_the_二_after_it() -> None:
    # the outline opens （二） first (its 一、 and （一） run into one line), nesting 二、 under it
    ok = check(extract(document_from_text(RUN_IN.format(two="二"))))
    assert list(ok.by_code("GW120")) == []
    bad = check(extract(document_from_text(RUN_IN.format(two="四"))))
    # numbered out of order after it: still reported (三、 after 四、)
    assert "标题“三" in [f.message[:4] for f in bad.by_code("GW120")]


STAFF = "馆内现有职工86人，其中专业技术人员{a}人、40周岁以下青年职工38人。"


def test_a_band_of_age_beside_a_kind_cuts_the_whole_another_way() -> None:
    # 57 + 38 > 86: the young staff may be technical staff too; each is within the whole
    assert _problems(STAFF.format(a="57")) == []
    assert sorted(_verdicts(STAFF.format(a="57"), "GW108")) == [
        ("consistent", "info", ("38人", "86人")), ("consistent", "info", ("57人", "86人"))]
    assert ("inconsistent", "error", ("86人", "96人")) in _verdicts(STAFF.format(a="96"), "GW108")


def test_bands_of_one_measure_are_one_cut() -> None:
    # 3A 级及以下 is one more grade of the list: the grades are summed within the whole, as before
    body = "全县A级旅游景区达到28家，其中5A级景区1家、4A级景区9家、3A级及以下景区{c}家。"
    assert _problems(body.format(c="16")) == []
    assert _verdicts(body.format(c="16"), "GW108") == [("consistent", "info", ("16家", "1家", "28家", "9家"))]
    [(status, _, figs)] = _verdicts(body.format(c="20"), "GW108")
    assert (status, figs) == ("inconsistent", ("1家", "20家", "28家", "9家"))


VILLAGES = ("一、儿童关爱\n全县186个村（社区）中已建成儿童之家179个，覆盖率96.2%。\n"
            "二、存在的问题\n全县尚有{n}个村（社区）未建成儿童之家。\n")


def test_a_count_left_undone_after_a_bracketed_alternative_is_what_is_left() -> None:
    # 村（社区）未建成: the words go on after the alternative; 7 is what is left, not the villages
    ok = check(extract(document_from_text(VILLAGES.format(n="7"))))
    assert [f.code for f in ok.problems] == []
    assert [(f.status, tuple(sorted(g.as_written for g in f.figures))) for f in ok.by_code("GW104")] == [
        ("consistent", ("179个", "186个", "7个"))]
    bad = check(extract(document_from_text(VILLAGES.format(n="9"))))
    assert [(f.status, f.severity) for f in bad.by_code("GW104")] == [("inconsistent", "warning")]


GREEN = ("一、工作概况\n全年新增各类绿地52.6公顷，全区公园总数达到74个。\n"
         "二、养护管理\n全区纳入精细化养护管理的绿地面积1,386.4公顷，全部实行网格化管理。\n")


def test_what_the_year_added_is_no_stock_of_the_same_noun() -> None:
    assert [f.code for f in check(extract(document_from_text(GREEN))).problems] == []


FIRES = ("一、工作概况\n全年全县共接报火灾286起，较上年减少31起。\n"
         "二、火灾形势\n全县共接报火灾{n}起。从火灾场所看，居民住宅火灾104起，占火灾总数的36.4%；"
         "从起火原因看，电气原因引发97起，占33.9%。\n")


def test_a_fact_restated_in_a_section_sets_the_sections_classes_apart() -> None:
    ok = check(extract(document_from_text(FIRES.format(n="286"))))
    assert [f.code for f in ok.problems] == []
    assert ("consistent", ("286起", "33.9%", "97起")) in [
        (f.status, tuple(sorted(g.as_written for g in f.figures))) for f in ok.by_code("GW107")]
    # the fact itself misprinted in the section: still reported
    bad = check(extract(document_from_text(FIRES.format(n="268"))))
    assert ("inconsistent", "error", ("268起", "286起")) in [
        (f.status, f.severity, tuple(sorted(g.as_written for g in f.figures))) for f in bad.by_code("GW112")]
