"""Periods read anew in the twentieth session (engineer MK); every sentence here is invented.

- a part-year report's level stated as what exists now (现有, 共有, 目前 … anywhere before it in its
  sentence: kinds.yaml present) stands at the report's last month; a year's report keeps its year, and a
  flow of the months (上半年新建) keeps the span;
- a base a ratio is reckoned on (按常住人口N万人计算: periods.yaml basis_verbs) takes its sentence's date
  only as inferred: the date is the ratio's, the base is borrowed.
"""

from __future__ import annotations

import pytest
from conftest import report_figures

HALF = "青禾县供销合作社2026年上半年工作总结\n一、主要工作\n{}\n青禾县供销合作社\n2026年7月6日"
YEAR = "青禾县供销合作社2026年工作总结\n一、主要工作\n{}\n青禾县供销合作社\n2027年1月8日"


@pytest.mark.parametrize(("report", "sentence", "periods"), [
    pytest.param(HALF, "全系统现有农资配送站58个，其中乡镇配送站21个、村级配送点37个。",
                 {"58个": "2026-06", "21个": "2026-06", "37个": "2026-06"}, id="现有-and-its-parts-in-a-half-year"),
    pytest.param(HALF, "目前全县建成冷链仓储点14处，库容3.2万吨。", {"14处": "2026-06", "3.2万吨": "2026-06"},
                 id="目前-reaches-its-sentence"),
    pytest.param(HALF, "新建农资配送站6个，开展技能培训12期。", {"6个": "2026-01/2026-06", "12期": "2026-01/2026-06"},
                 id="a-flow-of-the-months-keeps-the-span"),
    pytest.param(YEAR, "全系统现有农资配送站58个。", {"58个": "2026"}, id="a-year's-report-keeps-its-year"),
])
def test_what_exists_now_stands_at_the_reports_last_month(report: str, sentence: str, periods: dict[str, str]) -> None:
    f = report_figures(report, sentence)
    assert {w: f[w].period for w in periods} == periods


def test_a_base_a_ratio_is_reckoned_on_takes_its_sentences_date_only_as_inferred() -> None:
    f = report_figures(HALF, "截至6月底，全县建成充电桩1,250个，按常住人口52.3万人计算，每万人拥有充电桩23.9个。")
    assert (f["1,250个"].period, f["1,250个"].period_inferred) == ("2026-06", False)
    assert (f["52.3万人"].period, f["52.3万人"].period_inferred) == ("2026-06", True)
