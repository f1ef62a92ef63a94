"""A word that opens the text before a number and names nothing (内, 后, 等 …) is cut from the metric
only where it is not the first character of a word — 内贸, 内河, 内需 keep it (invented sentences)."""

from __future__ import annotations

import pytest
from conftest import report_figures


def _metric(text: str, written: str) -> str | None:
    return report_figures("一、主要工作\n{}", text)[written].metric


@pytest.mark.parametrize(("text", "written", "word"), [
    ("全港货物吞吐量2100万吨。其中，内贸吞吐量1650万吨，外贸吞吐量450万吨。", "1650万吨", "内贸"),
    ("全市内河航道通航里程312.5公里，其中等级航道201.6公里。", "201.6公里", "内河"),
    ("内需消费额12.5亿元。", "12.5亿元", "内需"),
], ids=["内贸", "内河", "内需"])
def test_a_word_opened_by_nei_keeps_it(text: str, written: str, word: str) -> None:
    metric = _metric(text, written)
    assert metric is not None and metric.startswith(word)


@pytest.mark.parametrize(("text", "written", "metric"), [
    ("全年召开专题协商会4次、对口协商会6次。", "6次", "对口协商会次数"),
    ("组织在职党员到社区报到132人。", "132人", "在职党员到社区报到人数"),
], ids=["对口", "报到"])
def test_a_word_the_lead_or_trail_cut_would_break(text: str, written: str, metric: str) -> None:
    # 对 opens 对口, 到 ends 报到: cut only where they open or end no word (metrics.yaml not_before / not_after)
    assert _metric(text, written) == metric
