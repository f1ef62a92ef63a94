"""Coverage in the report (issue 10): which figures a verified relation covers, and the list of
those none does (``--show-unchecked``), so "0 errors" is never read as "all verified"."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from test_check_helpers import extraction

from gongwen.check import check
from gongwen.check.cli import check_cmd
from gongwen.check.output.html import render_html

TEXT = "全县临时救助386人次，其中因病致困217人次。全县参保率为97.6%。全县有敬老院12所。"


def test_coverage_counts_figures_of_verified_relations_only() -> None:
    r = check(extraction(TEXT))
    assert [f.as_written for f in r.verified_figures] == ["386人次", "217人次"]
    assert [f.as_written for f in r.unchecked] == ["97.6%"]  # inside 0–100 %: a bound, not a relation
    assert r.summary["figures_verified"] == 2 and "个经关系核验" in r.summary_line()
    assert [u["as_written"] for u in r.to_json()["unchecked"]] == ["97.6%"]


def test_show_unchecked_lists_them(tmp_path: Path) -> None:
    p = tmp_path / "r.txt"
    p.write_text(TEXT + "\n", encoding="utf-8")
    out = CliRunner().invoke(check_cmd, [str(p), "--show-unchecked"]).output
    assert "未经任何关系核验的数字" in out and "97.6%" in out
    assert "加 --show-unchecked 查看" in CliRunner().invoke(check_cmd, [str(p)]).output


def test_html_status_words_are_chinese() -> None:
    page = render_html(check(extraction(TEXT)))
    assert "一致 · 通过" in page and "consistent" not in page.split("<main>")[1].split("class=")[0]
