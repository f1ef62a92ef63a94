"""Periods read anew in the twenty-third session (engineer T); every sentence here is invented.

- a year written inside a phrase of an earlier clause (对…2025年度财政收支情况开展审计，…) is the year of
  what the phrase names, not the period of the clauses after it; a year opening its clause or following a
  list marker frames them, and in its own clause it dates its figure.
"""

from __future__ import annotations

import pytest
from conftest import report_figures

from gongwen.extract.figures.grammar.periods import find_periods

YEAR = "青禾县审计局2026年工作总结\n一、主要工作\n{}\n青禾县审计局\n2026年12月28日"


@pytest.mark.parametrize(("sentence", "periods"), [
    pytest.param("对县本级2025年度财政收支情况开展审计，延伸审计单位15家，查出问题金额3200万元。",
                 {"15家": "2026", "3200万元": "2026"}, id="the-year-of-what-is-audited"),
    pytest.param("（2）2025年新建村级服务站12个，改造提升8个。", {"12个": "2025", "8个": "2025"},
                 id="a-year-after-a-list-marker-frames"),
    pytest.param("2025年，全县新建村级服务站12个，改造提升8个。", {"12个": "2025", "8个": "2025"},
                 id="a-year-opening-its-clause-frames"),
    pytest.param("全面完成2025年度审计项目18个。", {"18个": "2025"}, id="in-its-own-clause-it-dates"),
])
def test_a_phrase_year_dates_its_own_clause(sentence: str, periods: dict[str, str]) -> None:
    f = report_figures(YEAR, sentence)
    assert {w: f[w].period for w in periods} == periods


@pytest.mark.parametrize(("text", "found"), [
    pytest.param("表2前三季度全市规模以上服务业分行业情况", [("前三季度", "2025-01/2025-09")], id="caption-after-a-number"),
    pytest.param("一季度全市接待游客", [("一季度", "2025-01/2025-03")], id="one-quarter"),
    pytest.param("力争3年内全面完成", [], id="a-count-of-years-is-no-period"),
    pytest.param("截至11月30日，全县", [("截至11月30日", "2025-11-30")], id="as-of-a-printed-day-keeps-it"),
    pytest.param("完成项目31个，占年初县定工作计划28个的110.7%", [], id="年初-qualifying-a-plan"),
    pytest.param("年初全县共有养老机构12家", [("年初", "2025-01")], id="年初-opening-a-clause"),
])
def test_named_words_and_moments(text: str, found: list[tuple[str, str]]) -> None:
    assert [(p.text, p.iso) for p in find_periods(text, year=2025, date=None)] == found


HALF = "青禾县卫生健康局2026年上半年工作总结\n一、主要工作\n{}\n青禾县卫生健康局\n2026年7月8日"


def test_a_present_level_under_a_carried_span_stands_at_its_end() -> None:
    f = report_figures(HALF, "上半年各项工作有序推进。全县现有村卫生室86个，上半年新增签约居民3200人。")
    assert (f["86个"].period, f["3200人"].period) == ("2026-06", "2026-01/2026-06")
