"""A long name no known word cuts, ending on what it measures, is the metric whole (up to twenty
characters) — not the bare noun of its unit (比例, 标准): the reading of a bureau the vocabularies
do not know (invented sentences)."""

from __future__ import annotations

from test_metric_families import _figures


def test_a_long_rate_name_no_known_word_cuts_stays_whole() -> None:
    f = _figures("全镇茶园病虫害绿色防控统防统治覆盖率达到91%。适龄女童人乳头瘤病毒疫苗首剂接种率达到86%。")
    assert f["91%"].metric == "茶园病虫害绿色防控统防统治覆盖率"
    assert f["86%"].metric == "适龄女童人乳头瘤病毒疫苗首剂接种率"


def test_a_name_longer_than_twenty_characters_is_still_no_metric_whole() -> None:
    f = _figures("全镇茶园病虫害绿色防控统防统治示范片区全域覆盖率达到91%。")
    assert len(f["91%"].metric or "") <= 20
