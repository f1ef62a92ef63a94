"""Metrics read anew in the twentieth session (engineer MK); every sentence here is invented.

- what is left of a whole after an act done to part of it ("排查隐患N个，已整改M个，剩余K个…", 其余,
  尚余: metrics.yaml remainder_words) is what is not yet done: 未 + the act (未整改隐患数), the act
  naming its own thing (已整改销号) or taking the whole's; a remainder with no act done before it
  keeps its own reading;
- a change whose clause states its base ("X较上年末的N人减少M人") is X's change: the base's words are cut
  from its name as a 由…提高到 clause's are.
"""

from __future__ import annotations

import pytest

from gongwen.extract.pipeline import document_from_text, extract

SUMMARY = "青禾县应急管理局2026年工作总结\n一、安全生产\n{}\n青禾县应急管理局\n2027年1月5日"


@pytest.mark.parametrize(("sentence", "figure", "metric"), [
    pytest.param("全年排查消防隐患64处，已整改61处，整改率95.3%，剩余3处已明确专人督办。", "3处", "未整改隐患数",
                 id="the-act-alone-takes-the-whole's-thing"),
    pytest.param("受理群众投诉118件，已办结112件，其余6件正在核查。", "6件", "未办结投诉数", id="其余"),
    pytest.param("挂牌督办重大隐患9项，已整改销号7项，剩余2项落实了整改资金。", "2项", "未整改销号数",
                 id="the-act-names-its-own-thing"),
])
def test_what_is_left_after_an_act_is_what_is_not_yet_done(sentence: str, figure: str, metric: str) -> None:
    f = {x.as_written: x for x in extract(document_from_text(SUMMARY.format(sentence))).figures}
    assert f[figure].metric == metric


def test_a_remainder_with_no_act_done_before_it_keeps_its_reading() -> None:
    f = {x.as_written: x for x in extract(document_from_text(SUMMARY.format(
        "全县共有危化品企业40家，其中12家已完成自动化改造，其余28家企业年内完成。"))).figures}
    assert not f["28家"].metric.startswith("未")


def test_what_a_change_changed_is_named_without_its_stated_base() -> None:
    """"X较上年末的N人减少M人": the change is X's; the base's words (上年末的N) are no part of its name."""
    f = {x.as_written: x for x in extract(document_from_text(SUMMARY.format(
        "全县在册安全员较上年末的1,240人减少56人，持证率98.1%。"))).figures}
    assert f["56人"].metric == "在册安全员增量"
