"""A share of a count whose whole is left unsaid (GW107): some whole number of things must give it,
rounded or cut off at its last digit.  Invented text."""

from __future__ import annotations

import pytest
from checkfacts import checked, findings

_BODY = """某县委组织部2025年工作总结
一、班子建设
截至年底，在新一届社区两委成员中，大专以上学历{n}人，占{a}%。
"""


@pytest.mark.parametrize("n, a, found", [
    pytest.param("37", "58.73", [], id="37-of-63-rounded"),
    pytest.param("48", "60.7", [], id="48-of-79-cut-off-at-its-digit"),  # 60.76%
    pytest.param("37", "58.71", [("inconsistent", "warning", ("37人", "58.71%"))], id="no-whole-number-gives-it"),
])
def test_a_share_of_an_unsaid_whole_needs_a_whole_number(n: str, a: str, found: list[object]) -> None:
    assert findings(checked(_BODY.format(n=n, a=a)), "GW107") == found


def test_a_share_named_with_its_whole_is_left_to_its_relation() -> None:
    text = _BODY.format(n="37", a="58.71").replace("，占58.71%", "，占全县的58.71%")
    assert findings(checked(text), "GW107", "58.71%") == []
