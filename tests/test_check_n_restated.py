"""Engineer N: a table cell restated under the table's section, its column named by its unit and
its row by a short form (invented words)."""

from __future__ import annotations

from gongwen.check import check
from gongwen.check.repeats.restated import _short_form
from gongwen.extract.pipeline import document_from_text, extract

TABLE = """关于2025年青苇区帮扶工作情况的报告
一、年度工作
（一）帮扶对象总体情况
各类帮扶对象情况见下表。
| 帮扶类别 | 人数（人） | 户数（户） |
| 城乡帮扶对象 | 7,215 | 4,031 |
| 临时帮扶对象 | 1,204 | 1,113 |
| 合计 | 8,419 | 5,144 |
1.城乡帮扶扩面。年末全区共有城乡帮扶对象{households}户{people}人。
"""


def _restated(text: str) -> list[tuple[str, str]]:
    r = check(extract(document_from_text(text)))
    return [(f.status, f.message) for f in r.by_code("GW125")]


def test_subsection_restates_cells_named_by_unit() -> None:
    got = _restated(TABLE.format(households="4,031", people="7,215"))
    assert ("consistent", "正文 4,031户 与表中“城乡帮扶对象户数” 4,031户 一致") in got
    assert ("consistent", "正文 7,215人 与表中“城乡帮扶对象人数” 7,215人 一致") in got


def test_loose_reading_never_warns() -> None:
    # other values under the table's section may be other quantities: no finding either way
    got = _restated(TABLE.format(households="4,013", people="7,512"))
    assert got == []


def test_short_form() -> None:
    assert _short_form("职工基本医疗保险", "职工医保（含生育保险）基金")
    assert _short_form("城乡居民基本医疗保险", "其中居民医保")
    assert not _short_form("职工基本医疗保险", "职工基本养老保险")
    assert not _short_form("职工基本医疗保险", "医疗保险")


FUND = """关于2025年青苇区互助保险运行情况的报告
一、基金运行
全区互助保险基金收支情况见下表。
| 险种 | 基金收入（亿元） | 累计结余（亿元） |
| 青苇基本互助保险 | 48.20 | 73.50 |
| 城乡居民基本互助保险 | 12.40 | 9.20 |
| 合计 | 60.60 | 82.70 |
青苇互保基金收入比上年增加2.1亿元；累计结余由上年末的65.40亿元增加到{stated}亿元。
"""


def test_row_named_by_its_short_form_earlier_in_the_sentence() -> None:
    assert ("consistent", "正文 73.50亿元 与表中“青苇基本互助保险累计结余” 73.50亿元 一致") in _restated(
        FUND.format(stated="73.50"))
    assert not [s for s, m in _restated(FUND.format(stated="73.60")) if "青苇基本" in m]


BALANCE = """关于2025年青苇区互助保险运行情况的报告
一、基金运行
全区互助保险基金收支情况见下表。
| 险种 | 基金收入（亿元） | 基金支出（亿元） |
| 青苇基本互助保险 | 48.20 | 40.10 |
| 城乡居民基本互助保险 | 12.40 | 11.90 |
| 合计 | 60.60 | 52.00 |
青苇互保基金运行平稳；当期结余{stated}亿元。
"""


def _balances(stated: str) -> list[tuple[str, str]]:
    r = check(extract(document_from_text(BALANCE.format(stated=stated))))
    return [(f.status, f.severity) for f in r.by_code("GW104") if "结余" in f.message and "48.20" in f.message]


def test_a_period_balance_is_its_table_rows_income_minus_spending() -> None:
    assert _balances("8.10") == [("consistent", "info")]
    assert _balances("8.60") == []  # found by names only: another balance is not reported
