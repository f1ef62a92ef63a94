"""Periods read anew in the twenty-second session (engineer T); every sentence here is invented.

- 目前 alone names the same now as 截至目前: the document's date (a plan's 目前全县…在保家庭 N 户 is
  counted the day the plan is signed), never the 目前 inside 项目前期; after an as-of date of its
  paragraph it is that date (截止10月30日…。…目前滞留33人), and alone it is only inferred (the text writes
  no date for it);
- a target named as its value (年度目标值12件, 2030年的目标值（37%）) is a target: dated by its year, not by the
  as-of date of the result it is compared with.
- a summary signed after its period closed (a 上半年 summary of 7月8日, a year's of 1月10日 the next year)
  has its now at that period's last month: 截至目前 and 目前 stand there, and 今年以来 in a year's
  summary is the year, not a span running into the next one.
"""

from __future__ import annotations

import pytest
from conftest import report_figures

HALF = "青禾县住房和城乡建设局2026年上半年工作总结\n一、主要工作\n{}\n青禾县住房和城乡建设局\n2026年7月8日"
LATE = "青禾县住房和城乡建设局2026年工作总结\n一、主要工作\n{}\n青禾县住房和城乡建设局\n2027年1月10日"
PLAN = "青禾县住房和城乡建设局2027年工作计划\n一、重点任务\n{}\n青禾县住房和城乡建设局\n2027年2月20日"
YEAR = "青禾县住房和城乡建设局2026年工作总结\n一、主要工作\n{}\n青禾县住房和城乡建设局\n2026年12月28日"


@pytest.mark.parametrize(("report", "sentence", "periods"), [
    pytest.param(PLAN, "做好公租房分配和运营管理，目前全县公租房在保家庭1,420户。", {"1,420户": "2027-02-20"},
                 id="目前-in-a-plan-is-its-date"),
    pytest.param(YEAR, "二是老旧小区改造任务仍然繁重，目前全县尚有待改造小区46个。", {"46个": "2026-12-28"},
                 id="目前-in-a-summary-is-its-date"),
    pytest.param(YEAR, "加快推进项目前期工作，新建和加固堤防20公里。", {"20公里": "2026"},
                 id="项目前期-is-no-moment"),
    pytest.param(HALF, "截至目前，全县累计完成老旧小区改造32个，目前在建项目14个。", {"32个": "2026-06", "14个": "2026-06"},
                 id="a-half-year-summary's-now-is-june"),
    pytest.param(LATE, "今年以来新开工保障性住房620套，截至目前全县公租房在保家庭1,420户。",
                 {"620套": "2026", "1,420户": "2026-12"}, id="a-year's-summary-signed-in-january"),
])
def test_mu_qian_is_the_documents_date(report: str, sentence: str, periods: dict[str, str]) -> None:
    f = report_figures(report, sentence)
    assert {w: f[w].period for w in periods} == periods


def test_mu_qian_after_an_as_of_date_is_that_date_and_alone_only_inferred() -> None:
    f = report_figures(YEAR, "截止11月20日，全县累计救助流浪乞讨人员168人次。护送返乡42人；目前滞留在站12人。")
    assert (f["12人"].period, f["12人"].period_inferred) == ("2026-11-20", True)
    f = report_figures(YEAR, "目前全县建有社区养老服务站8个。")
    assert (f["8个"].period, f["8个"].period_inferred) == ("2026-12-28", True)


def test_a_target_named_as_its_value_is_a_target_of_its_year() -> None:
    f = report_figures(YEAR, "截至12月底，每万人口高价值发明专利拥有量达10.8件，高于年度目标值10件。"
                             "居民健康素养水平达到36.5%，提前实现2030年的目标值（35%）。")
    assert (f["10件"].kind, f["10件"].period) == ("target", "2026")
    assert (f["35%"].kind, f["35%"].period) == ("target", "2030")
    assert f["10.8件"].kind == "actual"
