"""Comparisons with last year stated beside a figure (issue 10), through the real extractor
(which signs 减少/下降): 较上年的 O 减少 d 下降 r%, and 较上年增加 d，增长 r% with last year implied."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongwen.check import check

CASES = [
    ("implied-ok", "全年完成水利投资6.84亿元，较上年增加0.92亿元，增长15.5%。", "GW124", "consistent"),
    ("implied-bad", "全年完成水利投资6.84亿元，较上年增加0.92亿元，增长13.5%。", "GW124", "inconsistent"),
    ("respective-diff-ok", "全年共发生事故14起、死亡9人，较上年的18起、12人分别减少4起、3人，同比分别下降22.2%和25.0%。",
     "GW104", "consistent"),
    ("respective-growth-ok", "全年共发生事故14起、死亡9人，较上年的18起、12人分别减少4起、3人，同比分别下降22.2%和25.0%。",
     "GW105", "consistent"),
    ("respective-growth-bad", "全年共发生事故14起、死亡9人，较上年的18起、12人分别减少4起、3人，同比分别下降22.2%和52.0%。",
     "GW105", "inconsistent"),
]


@pytest.mark.parametrize("text, code, status", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_comparison(tmp_path: Path, text: str, code: str, status: str) -> None:
    p = tmp_path / "c.txt"
    p.write_text(text + "\n", encoding="utf-8")
    r = check(p)
    assert status in [f.status for f in r.by_code(code)], [(f.code, f.status, f.message) for f in r.findings]
    if status == "consistent":
        assert not r.problems, [f.message for f in r.problems]
