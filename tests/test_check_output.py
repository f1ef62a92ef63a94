"""Report outputs (text, JSON, SARIF 2.1.0, HTML) and the `gongwen check` command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from test_check_helpers import extraction

from gongwen.check import check
from gongwen.check.evaluation.findings import codes
from gongwen.check.output.html import render_html
from gongwen.check.output.render_text import render_json, render_text
from gongwen.check.output.sarif import to_sarif

BAD = ("2021年10月全县低保3251户（城镇低保402户，农村低保2813户）。"
       "全县开展应急救助386人次共37.42万元，救助水平为969.43元/人次。<b>&")


def test_code_table_is_complete() -> None:
    table = codes()
    assert all(c.startswith("GW") and len(c) == 5 for c in table)
    assert table["GW101"].name == "breakdown-sum" and table["GW112"].severity == "warning"


def test_text_report_groups_and_quotes_sentence() -> None:
    r = check(extraction(BAD))
    out = render_text(r, show_passed=True, color=False)
    assert "GW101" in out and "错误" in out and "原文：2021年10月全县低保3251户" in out
    assert "通过" in out and "1 处错误" in out
    assert "GW106" not in render_text(r, show_passed=False, color=False)
    assert "\x1b[" in render_text(r, color=True)


def test_json_report() -> None:
    data = json.loads(render_json(check(extraction(BAD))))
    assert data["summary"]["errors"] == 1
    f = next(x for x in data["findings"] if x["code"] == "GW101")
    assert f["relation"]["intervals"]["computed"] == ["3215", "3215"]
    assert f["sentence"].startswith("2021年10月")


def test_sarif() -> None:
    r = check(extraction(BAD))
    log = to_sarif(r)
    run = log["runs"][0]
    assert log["version"] == "2.1.0" and run["columnKind"] == "unicodeCodePoints"
    fail = next(x for x in run["results"] if x["ruleId"] == "GW101")
    region = fail["locations"][0]["physicalLocation"]["region"]
    assert fail["level"] == "error" and r.text[region["charOffset"]:region["charOffset"] + region["charLength"]] == "3251户"
    assert region["snippet"]["text"] == "3251户" and len(fail["relatedLocations"]) >= 2
    assert fail["properties"]["status"] == "inconsistent" and fail["partialFingerprints"]["relationHash/v1"]
    assert fail["properties"]["relation"]["intervals"]["stated"] == ["3251", "3251"]
    ok = next(x for x in run["results"] if x["ruleId"] == "GW106")
    assert ok["kind"] == "pass" and ok["level"] == "none"
    assert {rule["id"] for rule in run["tool"]["driver"]["rules"]} == set(codes())


def test_html_is_self_contained_and_escaped() -> None:
    page = render_html(check(extraction(BAD)))
    assert page.startswith("<!DOCTYPE html>") and "<script src" not in page and "http" not in page.split("</head>")[0]
    assert '<mark class="err"' in page and '<mark class="ok"' in page
    assert "&lt;b&gt;&amp;" in page and "<b>&" not in page


def test_cli_exit_codes_and_formats(tmp_path: Path) -> None:
    from gongwen.check.cli import check_cmd

    good = tmp_path / "good.txt"
    good.write_text("全县开展应急救助386人次共37.42万元，救助水平为969.43元/人次。\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_text("2021年10月全县低保3251户（城镇低保402户，农村低保2813户）。\n", encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(check_cmd, [str(good)])
    assert res.exit_code == 0, res.output
    res = runner.invoke(check_cmd, [str(bad), "--format", "json"])
    assert res.exit_code == 1 and json.loads(res.output)["summary"]["errors"] == 1
    out = tmp_path / "r.sarif"
    res = runner.invoke(check_cmd, [str(bad), "--format", "sarif", "-o", str(out)])
    assert res.exit_code == 1 and json.loads(out.read_text(encoding="utf-8"))["version"] == "2.1.0"
    res = runner.invoke(check_cmd, [str(bad), "--format", "html", "-o", str(tmp_path / "r.html")])
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    # an existing output is kept unless --force
    before = out.read_bytes()
    res = runner.invoke(check_cmd, [str(bad), "--format", "json", "-o", str(out)])
    assert res.exit_code != 0 and out.read_bytes() == before
    res = runner.invoke(check_cmd, [str(bad), "--format", "json", "-o", str(out), "--force"])
    assert res.exit_code == 1 and json.loads(out.read_text(encoding="utf-8"))["summary"]["errors"] == 1


def test_cli_subprocess_missing_file(tmp_path: Path) -> None:
    p = subprocess.run([sys.executable, "-m", "gongwen.cli", "check", str(tmp_path / "nope.txt")],
                       check=False, capture_output=True, text=True, cwd=Path(__file__).resolve().parents[1])
    assert p.returncode == 2 and "no such file" in p.stderr


def test_gongwen_check_is_callable_even_after_the_package_is_imported() -> None:
    import gongwen
    import gongwen.check.cli

    r = gongwen.check(extraction(BAD))
    assert isinstance(r, gongwen.Report) and isinstance(r.findings[0], gongwen.Finding)
