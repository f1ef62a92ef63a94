"""Periods read anew in the twenty-third session (engineer T); every sentence here is invented.

- a year written inside a phrase of an earlier clause (对…2025年度财政收支情况开展审计，…) is the year of
  what the phrase names, not the period of the clauses after it; a year opening its clause or following a
  list marker frames them, and in its own clause it dates its figure.
"""

from __future__ import annotations

import pytest
from conftest import report_figures

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
