"""A document's date from outside (a saved web page's publication date): the last evidence of
the report's year, from which the year of its figures' periods follows, but never the report's
own date (the day its 截至目前 means), which only the text states."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from gongwen.extract.pipeline import extract

# invented words: a statistics page saved without its header, naming no year anywhere
UNDATED = ("前三季度，全县实现地区生产总值412.6亿元，同比增长5.8%。"
           "其中，第一产业增加值38.2亿元，增长3.1%。\n")
SIGNED = UNDATED + "\n青岚县统计局\n2024年10月28日\n"


def _save(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "page.txt"
    p.write_text(text, encoding="utf-8")
    return p


def test_undated_page_takes_the_given_date(tmp_path: Path) -> None:
    p = _save(tmp_path, UNDATED)
    assert extract(p).figures[0].period == "XXXX-01/XXXX-09"  # no year to be had from the text
    ex = extract(p, date="2025-11-03")
    assert ex.document.metadata.date is None  # published that day, not written or signed then
    assert ex.document.metadata.year == 2025
    assert [f.period for f in ex.figures[:2]] == ["2025-01/2025-09", "2025-01/2025-09"]


def test_a_date_the_text_states_wins(tmp_path: Path) -> None:
    ex = extract(_save(tmp_path, SIGNED), date="2025-11-03")
    assert ex.document.metadata.date == "2024-10-28"
    assert ex.figures[0].period == "2024-01/2024-09"


def test_cli_date_option_and_a_bad_date(tmp_path: Path) -> None:
    p = _save(tmp_path, UNDATED)
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "gongwen.cli", "extract", str(p), *args],
                              capture_output=True, text=True, encoding="utf-8")

    r = run("--format", "jsonl", "--date", "2025-11-03")
    assert r.returncode == 0, r.stderr
    assert '"period": "2025-01/2025-09"' in r.stdout.splitlines()[0]
    bad = run("--date", "2025-13-03")
    assert bad.returncode == 2 and bad.stdout == ""
    assert bad.stderr.count("\n") == 1 and "--date" in bad.stderr and "Traceback" not in bad.stderr


def test_a_malformed_date_is_refused_by_the_api(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        extract(_save(tmp_path, UNDATED), date="2025")


def test_a_publication_date_is_not_the_day_of_a_figure_as_of_now(tmp_path: Path) -> None:
    # invented: a page whose figures stand 截至目前, saved with the day it was published
    p = _save(tmp_path, "2025年以来，全县持续推进禁毒工作。截至目前，共破获毒品案件26起。\n")
    ex = extract(p, date="2025-12-30")
    assert ex.document.metadata.year == 2025
    assert ex.figures[0].period == "2025"  # the year; the publication day is no 截至目前


def test_the_year_a_text_names_wins_over_a_publication_date(tmp_path: Path) -> None:
    p = _save(tmp_path, "2024年，全县新建村级服务站18个，培训人员650人次。\n")
    assert extract(p, date="2025-03-02").document.metadata.year == 2024
