"""Kinds the seventeenth session read anew (engineer PK); every sentence here is invented.

A change whose own clause names the old value it changes from (较2025年的16.4亿元增长9.8%) is a
change, even after a goal verb of an earlier clause of its sentence; the goal verb in its own
clause still makes it a target.  The old value after 较…的 measures what the goal before it
measures.
"""

from __future__ import annotations

from test_pk17_periods import PLAN, _figures


def test_a_change_with_its_own_base_is_no_goal() -> None:
    f = _figures(PLAN.format("规模以上工业产值力争达到18亿元，较2025年的16.4亿元增长9.8%；"
                             "持证社工力争达到260人，较2025年末的230人增加30人。"))
    assert (f["18亿元"].kind, f["9.8%"].kind) == ("target", "change")
    assert (f["260人"].kind, f["30人"].kind) == ("target", "change")
    g = _figures(PLAN.format("规模以上工业产值力争较上年增长9%。"))
    assert g["9%"].kind == "target"  # the goal verb in its own clause still governs it
    assert f["16.4亿元"].metric == f["18亿元"].metric  # last year's level of the goal's quantity
