"""Counters of archives and stored data (units.yaml; invented sentences): volumes, volumes or items
used, scanned frames, characters, terabytes."""

from __future__ import annotations

from decimal import Decimal

from gongwen.extract.pipeline import document_from_text, extract


def _units(text: str) -> dict[str, tuple[Decimal, str]]:
    ex = extract(document_from_text("一、档案工作\n" + text))
    return {f.as_written: (f.value, f.unit) for f in ex.figures}


def test_archive_counters_are_units() -> None:
    u = _units("全年接收进馆档案3.15万卷，调阅档案2.07万卷（件）次，纸质档案数字化845万画幅，"
               "数字档案馆存储数据总量达到96.4TB，编研成果共42万字。")
    assert u["3.15万卷"] == (Decimal("31500"), "卷")
    assert u["2.07万卷（件）次"] == (Decimal("20700"), "卷（件）次")
    assert u["845万画幅"] == (Decimal("8450000"), "画幅")
    assert u["96.4TB"] == (Decimal("96.4"), "TB")
    assert u["42万字"] == (Decimal("420000"), "字")


def test_after_a_chinese_numeral_they_are_words() -> None:
    """八字方针, 两卷本: a determiner or a name, not a figure."""
    assert _units("坚持“八字方针”，编印两卷本大事记。") == {}
