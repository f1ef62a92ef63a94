"""A list of subjects before 分别 and the measure each has after it ("A、B、C分别实现产值x、y、z"):
every value measures what follows 分别, not the list nor the bare money noun (invented sentences)."""

from __future__ import annotations

from gongwen.extract.pipeline import document_from_text, extract
from gongwen.figure import Figure


def _figures(text: str) -> dict[str, Figure]:
    return {f.as_written: f for f in extract(document_from_text("一、主要工作\n" + text)).figures}


def test_the_measure_after_fenbie_names_every_value_of_the_list() -> None:
    f = _figures("全区电子元件、精细化工、绿色建材产业分别实现产值42.6亿元、31.8亿元、17.5亿元。")
    assert [f[w].metric for w in ("42.6亿元", "31.8亿元", "17.5亿元")] == ["产值"] * 3


def test_a_long_list_before_fenbie_still_leaves_the_measure() -> None:
    f = _figures("东湖、西塘、南岸三个老旧街区改造项目分别完成投资1.4亿元、0.9亿元和0.6亿元。")
    assert [f[w].metric for w in ("1.4亿元", "0.9亿元", "0.6亿元")] == ["完成投资"] * 3
