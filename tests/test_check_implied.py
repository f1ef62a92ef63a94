"""Relations another relation implies (issue 10, session 4): the two counts of a rate that holds
are a part and its whole.  Invented sentences, through the real extractor."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from gongwen.check import check


def _report(tmp_path: Path, text: str):
    p = tmp_path / "c.txt"
    p.write_text(text + "\n", encoding="utf-8")
    return check(p)


def _pairs(r, code: str, status: str = "consistent") -> list[list[Decimal]]:
    return [sorted(f.value for f in x.figures) for x in r.by_code(code) if x.status == status]


RATE_PARTS = [
    ("named-rate", "全县参加中考4,260人，录取普通高中2,830人，普高录取率66.4%。", [Decimal(2830), Decimal(4260)]),
    ("share", "全年办理法律援助案件1,520件，刑事案件640件，占案件总数的42.1%。", [Decimal(640), Decimal(1520)]),
]


@pytest.mark.parametrize("text, pair", [c[1:] for c in RATE_PARTS], ids=[c[0] for c in RATE_PARTS])
def test_rate_that_holds_verifies_its_part(tmp_path: Path, text: str, pair: list[Decimal]) -> None:
    r = _report(tmp_path, text)
    assert pair in _pairs(r, "GW108"), [(f.code, f.status, f.message) for f in r.findings]
    assert not r.problems, [f.message for f in r.problems]


NOT_PARTS = [
    # the rate fails: its pairing is no evidence, and the part relation is not claimed
    ("rate-fails", "全县参加中考4,260人，录取普通高中2,830人，普高录取率76.4%。"),
    # completion beyond the plan: no part of a whole
    ("completion", "全年新建农房改造1,150户，完成年度计划1,000户的115.0%。"),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_PARTS], ids=[c[0] for c in NOT_PARTS])
def test_no_part_without_a_holding_share(tmp_path: Path, text: str) -> None:
    r = _report(tmp_path, text)
    assert _pairs(r, "GW108") == [], [(f.code, f.status, f.message) for f in r.findings]
