"""Two readings found on the twenty-fourth session's held-out group after its read (invented text):
a two-column table written with wide gaps keeps its header line (the column's measure and unit),
and a count per a population written in digits (每10万人口) is a ratio whose denominator is no figure.
"""

from __future__ import annotations

from gongwen.extract.pipeline import document_from_text, extract


def _figures(text: str) -> list[tuple[str, str, str]]:
    return [(str(f.value), f.unit, f.metric or "") for f in extract(document_from_text(text)).figures]


def test_two_column_table_keeps_its_header_line() -> None:
    text = ("一、主要工作\n上半年污泥外运量分月统计表\n月份  外运量(吨)\n1月  4120\n2月  3985\n3月  4310\n"
            "合计  12415\n二、下步打算\n继续做好外运工作。\n")
    got = _figures(text)
    assert [g for g in got if g[0] in ("4120", "3985", "4310", "12415")] == [
        ("4120", "吨", "外运量"), ("3985", "吨", "外运量"), ("4310", "吨", "外运量"), ("12415", "吨", "外运量")]


def test_two_words_with_a_wide_gap_over_prose_stay_prose() -> None:
    got = _figures("一、主要工作\n月份  外运量\n全年外运污泥4120吨，较上年增加85吨。\n")
    assert ("4120", "吨") in [g[:2] for g in got]


def test_count_per_population_written_in_digits() -> None:
    got = _figures("一、院前急救\n全县常住人口约48万人，每10万人口配置除颤仪19.4台，每1000人口拥有急救员2.6名。\n")
    assert ("100000", "人") not in [g[:2] for g in got]
    assert ("1000", "人") not in [g[:2] for g in got]
    assert [g[:2] for g in got if g[0] in ("19.4", "2.6")] == [("19.4", "台/十万人"), ("2.6", "人/千人")]
