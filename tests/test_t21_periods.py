"""Periods read anew in the twenty-first session (engineer T); every sentence here is invented.

- a level raised from a moment (由年初的…增加到…, 由上年末的…) in a part-year report stands at the
  report's last month, as what exists now does; a year's report keeps its year, and the change
  beside it keeps the period its writer dates it by;
- a saved page's address line (Original URL: …) is chrome: it neither hides the year a yearbook
  entry opens with nor swallows it into its address.
"""

from __future__ import annotations

import pytest
from conftest import report_figures

from gongwen.extract.pipeline import document_from_text, extract

HALF = "青禾县人民防空办公室2026年上半年工作总结\n一、主要工作\n{}\n青禾县人民防空办公室\n2026年7月6日"
Q3 = "青禾县人民防空办公室2026年前三季度工作总结\n一、主要工作\n{}\n青禾县人民防空办公室\n2026年10月9日"
YEAR = "青禾县人民防空办公室2026年工作总结\n一、主要工作\n{}\n青禾县人民防空办公室\n2027年1月8日"


@pytest.mark.parametrize(("report", "sentence", "periods"), [
    pytest.param(HALF, "全县固定警报器由年初的86台增加到93台，城区警报覆盖率由年初的91.5%提高到96.0%。",
                 {"93台": "2026-06", "96.0%": "2026-06"}, id="由年初-in-a-half-year"),
    pytest.param(Q3, "登记在册的人防专业队员由上年末的1,420人增至1,515人。", {"1,515人": "2026-09"},
                 id="由上年末-in-three-quarters"),
    pytest.param(YEAR, "全县固定警报器由年初的86台增加到93台。", {"93台": "2026"}, id="a-year's-report-keeps-its-year"),
    pytest.param(HALF, "人防宣传阵地由上半年的12个增加到15个。", {"15个": "2026-01/2026-06"},
                 id="a-span-compared-is-no-moment"),
    pytest.param(HALF, "截至6月底，全县人防工程38处，较年初的35处增加3处。", {"38处": "2026-06", "3处": "2026-06"},
                 id="the-change-keeps-its-sentence's-date"),
])
def test_a_level_raised_from_a_moment_stands_at_the_last_month(report: str, sentence: str,
                                                                periods: dict[str, str]) -> None:
    f = report_figures(report, sentence)
    assert {w: f[w].period for w in periods} == periods


def test_a_saved_pages_address_line_is_no_part_of_a_yearbook_entry() -> None:
    page = ("人民防空\n\nOriginal URL: http://lib.example.cn/bin/view.exe?rec=41&run=12\n\n"
            "2019年，市人防办扎实推进各项工作，取得明显成效。\n"
            "人防工程建设。全市建成人防工程4个，建筑面积9120平方米。\n")
    doc = document_from_text(page)
    assert "Original URL" not in doc.text and "run=12" not in doc.text
    assert doc.metadata.year == 2019
    f = {x.as_written: x for x in extract(doc).figures}
    assert f["9120平方米"].period == "2019"


@pytest.mark.parametrize(("page", "year", "period"), [
    pytest.param("2024老干部局上半年工作总结\n今年以来，我局走访慰问离退休干部326人次，开展集中学习12场。\n",
                 2024, "2024-01/2024-06", id="a-title-opening-on-its-year-without-年"),
    pytest.param("2024XX团委关于上半年工作总结\n今年以来，我委组织青年志愿服务活动38场，参与团员1,260人次。\n",
                 2024, "2024-01/2024-06", id="a-masked-name-glued-to-the-year"),
])
def test_a_title_may_open_on_its_year_without_年(page: str, year: int, period: str) -> None:
    doc = document_from_text(page)
    assert (doc.metadata.year, doc.metadata.period) == (year, period)
    assert {f.period for f in extract(doc).figures} == {period}


def test_a_year_named_as_the_comparison_base_is_a_past_year() -> None:
    page = ("本报讯 人民银行某市中心支行日前发布今年上半年金融统计数据。上半年新增贷款312.45亿元，"
            "是2020年全年投放量的1.21倍；6月末各项存款余额2846.17亿元，同比增长6.3%。\n")
    doc = document_from_text(page)
    assert doc.metadata.year == 2021
    f = {x.as_written: x for x in extract(doc).figures}
    assert f["312.45亿元"].period == "2021-01/2021-06" and f["2846.17亿元"].period == "2021-06"


def test_this_year_so_far_in_a_part_year_report_is_its_months() -> None:
    # 今年以来 in a part-year report whose date is unknown: the months the report sums, not the year
    doc = document_from_text("某县团委2024年上半年工作总结\n今年以来，我委组织青年志愿服务活动38场，参与团员1,260人次。\n")
    assert {f.period for f in extract(doc).figures} == {"2024-01/2024-06"}


@pytest.mark.parametrize(("sentence", "periods"), [
    pytest.param("1—9月，全区城镇新增就业5120人。截至9月底，全区城镇登记失业率为2.91%，低于3.5%的年度控制目标。"
                 "发放创业担保贷款2180万元，扶持132人自主创业。举办各类招聘会36场。",
                 {"2.91%": "2026-09", "2180万元": "2026-01/2026-09", "132人": "2026-01/2026-09",
                  "36场": "2026-01/2026-09"}, id="a-rate-at-the-moment-frames-nothing-after-it"),
    pytest.param("1—9月，全区共排查隐患1120处。截至9月底，已整改隐患1086处，整改率97.0%。"
                 "对2家企业责令停产整顿，立案查处违法行为7起。",
                 {"1086处": "2026-09", "2家": "2026-09", "7起": "2026-09"}, id="a-tally-by-then-is-carried-on"),
])
def test_an_as_of_date_is_carried_on_only_over_a_tally(sentence: str, periods: dict[str, str]) -> None:
    f = report_figures(Q3, sentence)
    assert {w: f[w].period for w in periods} == periods


def test_a_months_event_does_not_date_the_next_sentence() -> None:
    f = report_figures(YEAR, "9月中旬，举办网络安全宣传周系列活动，开展主题活动36场。组织专题培训7期，培训干部820人次。")
    assert (f["36场"].period, f["7期"].period, f["820人次"].period) == ("2026-09", "2026", "2026")
    # an as-of date still carries on (截至9月底，…。…)
    f = report_figures(Q3, "截至9月底，已整改隐患1086处。对2家企业责令停产整顿。")
    assert f["2家"].period == "2026-09"


def test_a_quoted_festival_name_is_no_period() -> None:
    f = report_figures(YEAR, "支持各乡镇举办“三月三”“六月六”等民族节庆活动12场次，参与群众6.2万人次。")
    assert (f["12场次"].period, f["6.2万人次"].period) == ("2026", "2026")


def test_a_column_header_opening_on_a_span_dates_its_cells() -> None:
    report = ("某市医疗保障局2026年1-11月工作总结\n一、基金运行\n截至11月底，全市基金运行平稳。分险种收支情况如下：\n"
              "单位：亿元\n险种\t1-11月基金收入\t1-11月基金支出\n职工基本医疗保险\t38.62\t33.15\n"
              "城乡居民基本医疗保险\t21.47\t20.08\n某市医疗保障局\n2026年12月5日")
    f = {x.as_written: x for x in extract(document_from_text(report)).figures}
    assert {f[w].period for w in ("38.62", "33.15", "21.47", "20.08")} == {"2026-01/2026-11"}
