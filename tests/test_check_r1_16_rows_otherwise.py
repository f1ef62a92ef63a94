"""An indicator row of a table restated in the text in words of its own (issue 10, session 16,
engineer R1): the text shares a run of four characters of the row's name (湿地巡护里程 for 沿湿地巡护
3860 公里; 苗木补植面积 | 年度目标 for 确保年度 1200 亩苗木补植任务), a run no other row shares as
long; a flow's cell (1-9月完成) is restated by its total at the span's last month (截至 9 月底…累计).
A looser reading, so it verifies equal values and never reports different ones.  Invented tables
and words."""

from __future__ import annotations

from gongwen.check import check
from gongwen.extract.pipeline import document_from_text, extract

DATED = """关于2025年前三季度鹭汀县湿地保护工作情况的报告
一、前三季度主要工作完成情况
前三季度，全县湿地保护各项工作有序推进，主要指标完成情况如下表。
| 指标 | 年度目标 | 1-9月完成 | 完成率（%） |
| 湿地巡护里程（公里） | 5000 | 3860 | 77.2 |
| 候鸟救护放飞（只） | 600 | 512 | 85.3 |
| 苗木补植面积（亩） | 1200 | 1020 | 85.0 |
（一）巡护管理常态开展。组建专职护林队伍12支，1-9月全县护林员沿湿地巡护{km}公里，发现并制止破坏行为23起。
（二）野生动物救护有力。截至9月底，县救护站累计救护放飞候鸟{birds}只，救护成功率91.6%。
二、第四季度工作打算
（一）抓好补植收尾。确保年度{mu}亩苗木补植任务年底前全部完成。
"""

YEARS = """关于2025年鹭汀县林业工作情况的报告
一、主要指标
全县林业主要指标见下表。
| 指标 | 2024年 | 2025年 | 增长（%） |
| 林下经济产值（亿元） | 8.6 | 9.5 | 10.5 |
| 森林防火巡查（人次） | 4200 | 4630 | 10.2 |
二、重点工作
（一）林下经济提质。推广林菌、林药套种模式，全年林下经济经营主体达到126家，实现总产值{value}亿元，同比增长{growth}%。
（二）防火巡查从严。全年组织{watch}人次开展防火巡查。
"""


def _restated(text: str) -> list[tuple[str, str]]:
    r = check(extract(document_from_text(text)))
    assert not r.problems
    return [(f.status, f.message) for f in r.by_code("GW125")]


def test_a_row_said_in_other_words_restates_its_cell() -> None:
    assert _restated(DATED.format(km="3860", birds="512", mu="1200")) == [
        ("consistent", "正文 3860公里 与表中“湿地巡护里程”1-9月完成 3860公里 一致"),
        ("consistent", "正文 512只 与表中“候鸟救护放飞”1-9月完成 512 一致"),
        ("consistent", "正文 1200亩 与表中“苗木补植面积”年度目标 1200亩 一致")]


def test_a_row_said_in_other_words_is_never_reported_when_it_differs() -> None:
    # 3870 公里 for 3860: the words name the row loosely, so a different value may be another
    # quantity (巡护 of another stretch): nothing is said
    assert _restated(DATED.format(km="3870", birds="520", mu="1300")) == []


def test_a_run_two_rows_share_names_neither() -> None:
    # 湿地巡护 now in both rows' names: the text's words name no one row
    text = DATED.format(km="3860", birds="512", mu="1200").replace("候鸟救护放飞（只）", "湿地巡护候鸟（只）")
    assert not any("3860公里" in m for _, m in _restated(text))


def test_a_year_column_and_its_change_said_in_other_words() -> None:
    # 林下经济 in the sentence before (…经营主体达到 126 家，实现总产值), 防火巡查 right after the figure
    assert _restated(YEARS.format(value="9.5", growth="10.5", watch="4630")) == [
        ("consistent", "正文 9.5亿元 与表中“林下经济产值”2025年 9.5亿元 一致"),
        ("consistent", "正文 10.5% 与表中“林下经济产值”增长 10.5% 一致"),
        ("consistent", "正文 4630人次 与表中“森林防火巡查”2025年 4630 一致")]
