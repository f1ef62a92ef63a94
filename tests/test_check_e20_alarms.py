"""Engineer E (wave 20): false alarms of group L and the real pages, each fixed by what the words
say (invented words) — a rate whose name holds words of its own (a narrower base, a condition:
有效投诉按法定时限办结率) is no misprint of the two counts before it; a growth rate after another
figure of its sentence (结案率 x%，同比提升 r%) is that figure's change, not the growth of the count
whose increase came before; a first heading whose numeral a converter garbled ((-) for (一)) is
there, so the second is no gap; a page counter run into a sentence is no heading; an item of a
其中 list counted in another word that alone exceeds the whole counts other things; a target the
section restates beside a total over years is not that total."""

from __future__ import annotations

from test_check_r_coverage import _report, _verdicts  # the same invented report head and helpers

from gongwen.check import check
from gongwen.extract.pipeline import document_from_text, extract


def _problems(body: str) -> list[tuple[str, str]]:
    return [(f.code, f.severity) for f in _report(body).problems]


COMPLAINTS = ("全年受理消费投诉2,460件，办结{done}件，挽回经济损失318万元，较上年的276万元增长15.2%，"
              "{name}{r}%。")


def test_a_rate_naming_a_narrower_base_is_no_misprint_of_the_counts_before() -> None:
    # 2,380 ÷ 2,460 = 96.75 %: a rate of 96.8 % one digit away reads as a misprint of a count … unless
    # the rate's name counts only what the two counts do not (有效投诉, 按法定时限)
    body = COMPLAINTS.format(done="2,380", name="有效投诉按法定时限办结率", r="96.6")
    assert _problems(body) == []
    assert _verdicts(body, "GW123") == []
    # named by the counts' own words, the same miss is the text's own pairing, and wrong
    plain = COMPLAINTS.format(done="2,380", name="投诉办结率", r="96.6")
    assert ("GW123", "error") in _problems(plain)
    # and the narrower rate that holds of the two counts is still verified
    held = COMPLAINTS.format(done="2,380", name="有效投诉按法定时限办结率", r="96.7")
    assert _verdicts(held, "GW123") == [("consistent", "info", ("2,380件", "2,460件", "96.7%"))]


CASES = "全年共受理各类案件9,620件，审结{done}件，同比增加1,150件，结案率{rate}%，同比提升{r}%，法官人均结案214件。"


def test_a_rates_change_after_the_rate_is_not_the_growth_of_the_count() -> None:
    # 8,840 − 1,150 = 7,690 last year, so the count grew 14.95 %; 1.3 % is the rate's own change
    body = CASES.format(done="8,840", rate="91.89", r="1.3")
    assert _problems(body) == []
    assert _verdicts(body, "GW124") == []
    # with no figure between, the rate after the increase is the count's growth, checked as before
    assert _verdicts(CASES.format(done="8,840", rate="", r="").replace("结案率%，同比提升%，", "增长15.0%，"),
                     "GW124") == [("consistent", "info", ("1,150件", "15.0%", "8,840件"))]


def test_rates_listed_with_分别_still_pair_with_their_levels() -> None:
    body = "全年查处传销案件12起、涉案金额1.60亿元，较上年的15起、2.00亿元分别下降20.0%和20.0%。"
    assert _problems(body) == []
    assert {v[0] for v in _verdicts(body, "GW105")} == {"consistent"}


GARBLED = ("白鹭县气象局2025年工作总结\n一、工作开展情况\n{first}做好预报服务。全年发布预警信息56期，服务人数3.2万人。\n"
           "(二)做好防灾减灾。全年开展科普活动12场。\n二、下一步打算\n继续做好气象服务。\n")


def test_a_first_heading_whose_numeral_a_converter_garbled_is_no_gap() -> None:
    def gw120(first: str) -> list[str]:
        return [f.severity for f in check(extract(document_from_text(GARBLED.format(first=first)))).by_code("GW120")]
    assert gw120("(-)") == []  # (一) printed as (-): the first heading is there
    assert gw120("（—）") == []
    assert gw120("") == ["warning"]  # no first heading at all: still a gap


COUNTER = ("白鹭县气象局2025年工作总结\n一、工作开展情况\n（一）做好预报服务。全年发布预警信息56期，服务人数3.2万人，"
           "今年高温日数居{end}\n3、历史同期第二位，各部门\n二、下一步打算\n继续做好气象服务。\n")


def test_a_page_counter_run_into_a_sentence_is_no_heading_gap() -> None:
    def gw120(end: str) -> list[str]:
        return [f.severity for f in check(extract(document_from_text(COUNTER.format(end=end)))).by_code("GW120")]
    assert gw120("") == []  # …居 / 3、历史同期第二位: the sentence goes on past a site viewer's page counter
    assert gw120("历史前列。") == ["warning"]  # after a finished sentence, 3、 is a heading and 1、 2、 are missing


FIRMS = "对6家企业开展合规评估，其中{a}家整改后通过验收，{rest}。"


def test_an_item_in_another_count_word_that_exceeds_the_whole_counts_other_things() -> None:
    # 150 余个 is the jobs the firms kept, not firms: never read in 家 beside 6 家
    body = FIRMS.format(a="4", rest="帮助企业保住就业岗位150余个")
    assert _problems(body) == []
    assert _verdicts(body, "GW108") == [("consistent", "info", ("4家", "6家"))]
    # an item in another word that can be a part of the whole is still read in its word
    assert {v[0] for v in _verdicts(FIRMS.format(a="4", rest="另有1个进入整改期"), "GW108")} == {"consistent"}


PLAN = ("白鹭县水务局2027年工作计划\n一、主要目标\n1.水利投资。2026年全县预计完成水利投资4.60亿元，2027年计划"
        "完成水利投资{t}亿元，增长13.0%。\n二、重点工作\n（一）抓好水利投资落实。2027年计划实施水利工程32个，"
        "总投资{total}亿元，年度计划投资{t2}亿元。\n")


def test_a_target_restated_beside_a_total_is_not_that_total() -> None:
    # the section states the target again (年度计划投资 5.2 亿元) beside the projects' total over years
    report = check(extract(document_from_text(PLAN.format(t="5.2", total="9.8", t2="5.2"))))
    assert [(f.code, f.severity) for f in report.problems] == []
    assert [f.status for f in report.by_code("GW112")] == ["consistent"]
