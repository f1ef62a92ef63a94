"""Flows and stocks, new figures within a running total, rates compared in points, "N 个 X 中"
subsets, and changes the extractor left unpaired (issue 10).  Invented words; each fixture has
a passing text and a failing one."""

from __future__ import annotations

import pytest

from gongwen.check import Report, check
from gongwen.extract.pipeline import document_from_text, extract


def run(text: str) -> Report:
    return check(extract(document_from_text("2023年青苇镇工作总结\n" + text)))


CASES = [
    ("balance", "基金收入14726万元，支出11983万元，当期结余{x}万元。\n", "2743", "2473", "GW104"),
    ("net-increase", "全年新纳入救助612户、退出538户，较年初净增{x}户。\n", "74", "84", "GW104"),
    ("remaining", "排查隐患12856件，已整改12604件，整改率98.0%，剩余{x}件均已落实整改责任。\n", "252", "225", "GW104"),
    ("new-within-total", "全年新培育合作社{x}家，全镇合作社累计达到48家。\n", "6", "60", "GW126"),
    ("points-stated", "农民收入增长7.6%，增速比城镇居民收入增速(5.7%)高{x}个百分点。\n", "1.9", "2.9", "GW104"),
    ("points-lower", "6月末城镇调查失业率为4.6%，比5.5%的年度控制目标低{x}个百分点。\n", "0.9", "1.9", "GW104"),
    ("points-named", "基金收入同比增长5.9%，基金支出同比增长8.7%。\n二是基金支出增速高于收入增速{x}个百分点。\n",
     "2.8", "3.3", "GW104"),
    # an outflow stated as a fall: 126 in, 51 out, net 75 (not 126 − (−51)); the change 512 → 587 is net too
    ("net-after-a-fall", "全年新认定示范社126家，因到期未复核等原因减少51家，示范社由上年末的512家增加到587家，"
     "净增{x}家。\n", "75", "85", "GW104"),
    ("among", "全镇165个行政村中已有{x}个建成服务站点。\n", "152", "172", "GW108"),
    ("unpaired-change", "茶园面积由上年的2.36万亩扩大到2.58万亩，新增{x}万亩。\n", "0.22", "0.32", "GW104"),
]


@pytest.mark.parametrize("text, good, bad, code", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_flow(text: str, good: str, bad: str, code: str) -> None:
    ok = run(text.format(x=good))
    assert ("consistent", "info") in [(f.status, f.severity) for f in ok.by_code(code)], \
        [(f.code, f.status, f.message) for f in ok.findings]
    assert not ok.problems, [(f.code, f.message) for f in ok.problems]
    ko = run(text.format(x=bad))
    assert [f for f in ko.problems if f.code == code], [(f.code, f.status, f.message) for f in ko.findings]


def test_restated_count_with_its_noun_after_it() -> None:
    text = ("一、工作成效\n截至2023年底，全镇仍有312处山洪灾害危险区。\n二、工作打算\n"
            "对全镇{x}处山洪灾害危险区逐一落实转移责任人。\n")
    ok = run(text.format(x=312))
    assert [f.status for f in ok.by_code("GW112")] == ["consistent"]
    assert not run(text.format(x=321)).problems  # this year's figure against a plan's: not one fact
    text = ("一、工作成效\n截至2023年底，全镇仍有312处山洪灾害危险区。\n二、存在的问题\n"
            "全镇{x}处山洪灾害危险区监测设施老化。\n")
    ko = run(text.format(x=321))
    assert [(f.status, f.severity) for f in ko.by_code("GW112")] == [("inconsistent", "error")]


MORE = [
    ("respective-growth", "事故起数和死亡人数分别由上年的46起、31人下降到38起、27人，分别下降{x}%和12.9%。\n",
     "17.4", "19.4", "GW105"),
    ("implied-growth-verb", "城镇新增就业4126人，完成年度目标7500人的55.0%，较上年同期增加244人，同比增长{x}%。\n",
     "6.3", "8.3", "GW124"),
    ("classified-by", "社会消费品零售总额19.73亿元。按经营单位所在地分，城镇消费品零售额{x}亿元，乡村消费品零售额3.91亿元。\n",
     "15.82", "15.28", "GW101"),
    ("classified-from", "全年完成投资6.84亿元，同比增长15.5%。从资金来源看，上级资金3.96亿元，本级配套{x}亿元，"
     "专项债券1.26亿元，社会投入0.50亿元。\n", "1.12", "1.21", "GW101"),
    ("population-elsewhere", "全镇常住人口41.3万人。\n全年报告传染病1284例，报告发病率为{x}/10万。\n", "310.9", "301.9",
     None),
    ("named-list", "新增学位4800个，学前、小学、初中分别新增1440个、{x}个、1260个。\n", "2100", "2010", "GW101"),
    ("among-named", "公路总里程3,205.4公里，其中干线公路438.9公里，农村公路2,766.5公里；农村公路中，县道386.7公里、"
     "乡道{x}公里、村道1,497.3公里。\n", "882.5", "982.5", "GW108"),
]


@pytest.mark.parametrize("text, good, bad, code", [c[1:] for c in MORE], ids=[c[0] for c in MORE])
def test_more_relations(text: str, good: str, bad: str, code: str | None) -> None:
    ok = run(text.format(x=good))
    assert any(f.status == "consistent" and (code is None or f.code == code) and len(f.figures) >= 2
               and any(good in g.as_written for g in f.figures) for f in ok.findings), \
        [(f.code, f.status, f.message) for f in ok.findings]
    assert not ok.problems, [(f.code, f.message) for f in ok.problems]
    if code is not None:
        ko = run(text.format(x=bad))
        assert [f for f in ko.problems if f.code == code], [(f.code, f.status, f.message) for f in ko.findings]


READ_GAPS = [
    # the left subject names the rate just stated by its first word, the right one an earlier rate
    ("left-and-right-named", "城镇学堂学员3.2万人，增长5.5%；乡村学堂学员1.1万人，增长6.7%，乡村学堂增速快于城镇{x}个百分点。\n"),
    # no left subject: the base stated after the gap, in a bracket
    ("base-in-a-bracket-after", "乡村学员人均培训时长116小时，同比增长6.9%，增速高于城镇学员{x}个百分点（城镇学员人均培训时长"
                                "152小时，增长5.1%）。\n"),
]


@pytest.mark.parametrize("text", [c[1] for c in READ_GAPS], ids=[c[0] for c in READ_GAPS])
def test_a_gap_whose_base_is_read_from_its_subjects_is_confirmed_only(text: str) -> None:
    ok = run(text.format(x="1.2" if "城镇学堂" in text else "1.8"))
    assert [f.status for f in ok.by_code("GW104")] == ["consistent"]
    ko = run(text.format(x="2.2" if "城镇学堂" in text else "2.8"))
    assert not ko.by_code("GW104") and not ko.problems  # a reading that fails says nothing


@pytest.mark.parametrize("gap, status", [("4.2", ["consistent"]), ("5.2", [])])
def test_growths_against_last_year_are_not_compared_with_each_other(gap: str, status: list[str]) -> None:
    # 同比 between the two rates opens the second growth, it does not make the second the first's base:
    # 支出增速高于收入增速 reads 9.4 − 5.2 (confirmed when it holds, silent when not), never 5.2 − 9.4
    r = run(f"学堂经费收入同比增长5.2%，支出同比增长9.4%，支出增速高于收入增速{gap}个百分点。\n")
    assert [f.status for f in r.by_code("GW104")] == status
    assert not r.problems, [(f.code, f.message) for f in r.problems]
