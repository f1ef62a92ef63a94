"""A table restated in the text around it (issue 10, session 9, engineer P2): in the next section
right after the table or the one before it, by its column's two words in the other order, and the
change a restated level is stated with against the row's change cell. Looser readings, so they
verify equal values and never report different ones. Invented tables and words."""

from __future__ import annotations

from gongwen.check import check
from gongwen.extract.pipeline import document_from_text, extract

SIBLING = """关于2025年青苇区学圃工作情况的报告
一、学圃建设稳步推进
（一）学圃规模持续扩大。全区学圃分类情况见下表。
| 学圃类型 | 学圃数（个） | 园丁数（人） | 接待研学（万人次） |
| 公办学圃 | 14 | 230 | 46.20 |
| 民办学圃 | 9 | 118 | 21.35 |
| 合计 | 23 | 348 | 67.55 |
（二）研学服务量平稳增长。全年全区各类学圃接待研学{visits}万人次，服务质量持续提高。
二、存在的问题
一是部分学圃设施老化。
"""


def _restated(text: str) -> list[tuple[str, str]]:
    r = check(extract(document_from_text(text)))
    assert not r.problems
    return [(f.status, f.message) for f in r.by_code("GW125")]


def test_the_section_right_after_a_table_restates_its_total() -> None:
    assert _restated(SIBLING.format(visits="67.55")) == [
        ("consistent", "正文 67.55万人次 与表中“接待研学”合计 67.55万人次 一致")]


def test_another_value_in_the_next_section_is_never_reported() -> None:
    # no misprint of the 合计 (58.30 for 67.55): another quantity, maybe of another set of 学圃
    assert _restated(SIBLING.format(visits="58.30")) == []


def test_a_total_named_by_a_short_form_of_a_row_is_still_the_total() -> None:
    # 各类学圃 holds no row's name; 民办学圃's short form would be 民办 …: the whole is named
    text = SIBLING.format(visits="67.55").replace("各类学圃", "学圃服务机构")
    assert len(_restated(text)) == 1


ORDER = """关于2025年青苇区学圃工作情况的报告
一、学圃经费
（一）经费筹集。各渠道经费筹集情况见下表。
| 渠道 | 园丁人数（人） | 经费筹集（万元） |
| 财政拨付 | 120 | 3,260 |
| 社会捐助 | 45 | 1,180 |
| 合计 | — | 4,440 |
（二）经费使用。全年累计筹集学圃经费{amount}万元，全部用于学圃建设。
"""


def test_a_column_named_by_its_two_words_in_the_other_order() -> None:
    assert _restated(ORDER.format(amount="4,440")) == [
        ("consistent", "正文 4,440万元 与表中“经费筹集”合计 4,440万元 一致")]
    assert _restated(ORDER.format(amount="4,404")) == []


CHANGE = """关于2025年青苇区学圃工作情况的报告
全年全区学圃总产值1,286.4万元，同比增长{growth}%。
一、学圃生产
全区学圃生产情况见下表。
| 作物 | 面积（亩） | 产值（万元） | 产值同比增长（%） |
| 药材 | 320 | 806.2 | 5.1 |
| 花卉 | 210 | 480.2 | 2.8 |
| 合计 | 530 | 1,286.4 | 4.2 |
"""


def test_the_change_of_a_restated_total_restates_the_total_rows_change_cell() -> None:
    got = _restated(CHANGE.format(growth="4.2"))
    assert ("consistent", "正文 4.2% 与表中“产值同比增长”合计 4.2% 一致") in got
    assert ("consistent", "正文 1,286.4万元 与表中“产值”合计 1,286.4万元 一致") in got


def test_another_change_beside_a_restated_total_is_not_paired() -> None:
    got = _restated(CHANGE.format(growth="2.4"))
    assert [m for _, m in got if "%" in m] == []
