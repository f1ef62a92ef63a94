"""The ordinal that opens an item of a plan's list (一是, 二是 …) is no part of a metric
(metrics.yaml phrase_leads; invented sentences)."""

from __future__ import annotations

from gongwen.extract.pipeline import document_from_text, extract


def test_an_item_ordinal_is_cut_from_the_metric() -> None:
    ex = extract(document_from_text("一、明年工作\n一是新建改扩建学校3所；二是普惠性幼儿园覆盖率稳定在90%以上；"
                                    "三是信访事项按期办结率保持在97%以上。"))
    metrics = {f.as_written: f.metric for f in ex.figures}
    assert metrics == {"3所": "新建改扩建学校数", "90%": "普惠性幼儿园覆盖率", "97%": "信访事项按期办结率"}
