"""A web page in traditional characters (a 繁體 version of a bureau's page) and a page that prints
pinyin readings after its characters are read as the simplified text they carry: the vocabularies,
units and counters apply, and every figure still points at the raw text as written."""

from __future__ import annotations

from gongwen.extract.pipeline import document_from_text, extract

PAGE = ("禾嶺縣城鎮第三幼兒園工作總結\n"
        "我園建於2014年，佔地面積4860平方米，戶外活動面積3120平方米。"
        "現有教學班九個，在園幼兒263名，教職工31人，其中專任教師18人。\n")


def test_a_page_in_traditional_characters_is_read() -> None:
    ext = extract(document_from_text(PAGE))
    got = {f.as_written: (f.unit, f.metric) for f in ext.figures}
    assert got["4860平方米"] == ("平方米", "占地面积")
    assert got["3120平方米"] == ("平方米", "户外活动面积")
    assert got["263名"][0] == "人"
    assert "18人" in got and "31人" in got
    # the canonical text is simplified, character for character; the raw text keeps the page's
    f = next(f for f in ext.figures if f.as_written == "3120平方米")
    raw = ext.document.source.raw_span(f.span)
    assert raw is not None and PAGE[raw[0] - 6:raw[0]] == "戶外活動面積"
    assert ext.document.text[f.span.start - 6:f.span.start] == "户外活动面积"


def test_a_simplified_text_is_left_as_written() -> None:
    line = "全县现存乾隆年间古桥12座，修缮历史建筑7处，后续将开展测绘。"
    ext = extract(document_from_text("某县文物局2026年工作总结\n" + line + "\n"))
    assert line in ext.document.text
    assert {f.as_written for f in ext.figures} == {"12座", "7处"}


def test_pinyin_readings_after_characters_are_no_text() -> None:
    page = "某市熱力公司\n本採暖季供熱面積將達(dá)到2732萬(wàn)平方米，比上年度增加432萬(wàn)平方米(PM2.5監測點3個)。\n"
    ext = extract(document_from_text(page))
    assert [(f.as_written, f.value) for f in ext.figures[:2]] == [("2732万平方米", 27320000), ("432万平方米", 4320000)]
    assert "(wàn)" not in ext.document.text and "(PM2.5" in ext.document.text
