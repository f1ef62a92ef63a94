"""A rate's metric names the rate: what it is a share of, how it is qualified (invented text)."""

from __future__ import annotations

from test_metric_families import _figures  # the same invented report head: "一、主要工作" and the text


def test_a_share_named_by_part_and_whole_before_its_verb_keeps_both() -> None:
    """"A占B的比重保持在x%以上": the share of A in B, not the bare 比重 the clause's last word is
    (a target's clause, which the share reading of 占B的x% does not name)."""
    f = _figures("确保教育支出占财政总支出的比重保持在18%以上。"
                 "力争护理型床位占养老床位总数的比例达到65%以上。")
    assert f["18%"].metric == "教育支出占财政总支出比重"
    assert f["65%"].metric == "护理型床位占养老床位比例"


def test_a_bare_rate_noun_without_a_named_share_stays() -> None:
    """A clause whose 比重 names no part nor whole keeps its phrase: nothing is made up."""
    f = _figures("力争技改投资的比重达到25%以上。")
    assert "占" not in f["25%"].metric
