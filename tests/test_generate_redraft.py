"""Drafting from last year's document (gongwen.generate.redraft) on an invented report.

The fixture ``fixtures/redraft-qingshan-2024.txt`` is our own text: a standard raised with a
stated difference, counts with a breakdown, respective growth rates, a hedge, a Chinese
numeral, fact dates, a citation, a plan target.
"""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from gongwen.cli import main
from gongwen.errors import DataError
from gongwen.generate import redraft

LAST = Path(__file__).parent / "fixtures" / "redraft-qingshan-2024.txt"
pytest.importorskip("gongwen.extract.figures.assemble", reason="drafting needs the figure extractor")


@pytest.fixture(scope="module")
def template() -> redraft.Template:
    return redraft.prepare(LAST, 2025)


def _draft(t: redraft.Template, **values: float) -> str:
    vals = {k: Decimal(str(v)) for k, v in values.items()}
    return redraft.draft(t, values=vals, date="2025-12-15").text


def test_slots_are_last_years_statistics_in_order(template: redraft.Template) -> None:
    got = [(s.id, s.literal + s.unit) for s in template.slots]
    assert got == [("s1", "760元"), ("s2", "5010户"), ("s3", "8800人"), ("s4", "1150户"), ("s5", "3860户"),
                   ("s6", "3820.5万元"), ("s7", "320人次"), ("s8", "96万元"), ("s9", "20所"), ("s10", "六张")]
    assert template.slot("s6").last == Decimal("3820.5") and template.slot("s6").scale == 10000
    assert "⟦每人每月760元⟧" in template.slot("s1").context


def test_skeleton_lists_every_slot_with_context_and_an_empty_value(template: redraft.Template) -> None:
    data = yaml.safe_load(redraft.skeleton(template))
    assert data["year"] == 2025 and data["date"] is None
    assert [s["id"] for s in data["slots"]] == [f"s{i}" for i in range(1, 11)]
    s6 = data["slots"][5]
    assert (s6["last"], s6["unit"], s6["value"]) == (3820.5, "万元", None)
    assert "⟦3820.5万元⟧" in s6["context"]


def test_unfilled_draft_keeps_every_word_and_marks_each_value(template: redraft.Template) -> None:
    text = _draft(template)
    assert text.splitlines()[0] == "青山县民政局2025年工作总结"
    assert "2025年以来，我局围绕民生保障中心工作" in text
    assert "由每人每月760元提高到每人每月【待填】元，比原标准每人提高了【待填】元" in text
    assert text.count("【待填】") == 13  # 10 slots + the difference + two rates
    assert "基层工作力量薄弱，政策宣传还不够广泛。" in text and "青山县民政局\n2025年12月15日" in text


def test_fact_dates_stay_and_report_periods_move(template: redraft.Template) -> None:
    text = _draft(template)
    assert "自2022年7月1日起" in text  # a rule in force from an earlier date
    assert "“十四五”期间累计投入资金约1200万元" in text  # a fact of the plan period, not a slot
    assert "我局于2024年3月5日印发《青山县2024年养老服务工作要点》" in text  # a dated event and a citation
    assert "截至2025年11月底" in text and "2025年1-10月" in text and "比2024年同期" in text
    assert "力争2026年城市低保标准提高到每人每月800元以上，建立2025年问题清单" in text  # the plan moves


@pytest.mark.parametrize("value,phrase", [
    (800, "由每人每月760元提高到每人每月800元，比原标准每人提高了40元"),
    (740, "由每人每月760元降低到每人每月740元，比原标准每人降低了20元"),
    (760, "城市低保标准保持在每人每月760元，比原标准每人提高了0元"),
], ids=["up", "down", "steady"])
def test_a_stated_change_is_rewritten_from_the_numbers(template: redraft.Template, value: int, phrase: str) -> None:
    assert phrase in _draft(template, s1=value)


def test_respective_rates_follow_their_figures(template: redraft.Template) -> None:
    text = _draft(template, s7=352, s8=90)
    # 352/320 − 1 = 10.0 %; 90/96 − 1 = −6.25 % → 6.3 (half up, once, from unrounded values); the
    # figures before 分别 state last year's values too (共 gives way), of the same period
    assert "全县实施临时救助由上年同期的320人次增加到352人次、由上年同期的96万元减少到90万元，" \
        "救助人次、救助金额比2024年同期分别增长10.0%、下降6.3%" in text
    assert "比2024年同期分别【待填】%、下降6.3%" in _draft(template, s8=90)


def test_hedges_and_numeral_style_stay(template: redraft.Template) -> None:
    text = _draft(template, s9=22, s10=7, s6=3990.25)
    assert "敬老院近22所，新增床位由上年的六张增加到七张" in text  # a hedged count is not re-stated
    assert "1-11月发放低保金由上年同期的3820.5万元增加到3990.25万元" in text
    kept = redraft.draft(template, values={"s9": Decimal(22), "s10": Decimal(7)}, keep_sentences=True).text
    assert "敬老院近22所，新增床位七张" in kept


def test_placeholders_are_highlighted_and_listed(template: redraft.Template, tmp_path: Path) -> None:
    res = redraft.draft(template, values={"s2": Decimal(5100)})
    assert [s.id for s in res.missing] == ["s1", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10"]
    assert res.blocks[-1].inlines[0].placeholder  # the date to confirm
    out = tmp_path / "d.docx"
    out.write_bytes(res.docx_bytes())
    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert xml.count('w:highlight w:val="yellow"') == 12 + 1  # 12 values and comparisons, the date
    assert res.figures[0].value == 5100 and res.figures[0].previous == 5010


# -- the values file ------------------------------------------------------------------------------

def _values_file(tmp_path: Path, t: redraft.Template, **edits) -> Path:
    data = yaml.safe_load(redraft.skeleton(t))
    for k, v in edits.items():
        if k.startswith("s"):
            next(s for s in data["slots"] if s["id"] == k)["value"] = v
        else:
            data[k] = v
    p = tmp_path / "v.yaml"
    p.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return p


def test_values_file_round_trips(template: redraft.Template, tmp_path: Path) -> None:
    p = _values_file(tmp_path, template, s2=5100, s6="3990.25", date="2025-12-15")
    res = redraft.draft(template, p)
    assert "全县低保对象由上年同期的5010户增加到5100户【待填】人（其中城市【待填】户" in res.text
    assert "发放低保金由上年同期的3820.5万元增加到3990.25万元" in res.text
    assert res.text.rstrip().endswith("2025年12月15日")


@pytest.mark.parametrize("edit,message", [
    ({"date": "2025-02-30"}, "date: February 2025 has 28 days, got '2025-02-30'"),
    ({"year": "2025"}, "year: write the year as a number (2025), not quoted text ('2025')"),
    ({"year": 2026}, "year: is 2026 but the draft is for 2025 (pass --year 2026 or fix the file)"),
    ({"dtae": "2025-12-01"}, "dtae: unknown key; did you mean 'date'?"),
    ({"s3": "8千"}, "slots[2].value: expected a number, got '8千'"),
], ids=["impossible-date", "quoted-year", "other-year", "misspelt-key", "not-a-number"])
def test_values_file_errors_name_the_key(template: redraft.Template, tmp_path: Path, edit, message: str) -> None:
    p = _values_file(tmp_path, template, **edit)
    with pytest.raises(DataError) as e:
        redraft.draft(template, p)
    assert str(e.value) == f"{p}: {message}"


def test_a_skeleton_of_another_document_is_refused(template: redraft.Template, tmp_path: Path) -> None:
    data = yaml.safe_load(redraft.skeleton(template))
    data["slots"][1]["last"] = 4999
    data["slots"][2]["valeu"] = 1
    p = tmp_path / "v.yaml"
    p.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError, match=r"slots\[1\]\.last: 4999 but the document says 5010 for s2"):
        redraft.draft(template, p)
    data["slots"][1]["last"] = 5010
    p.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError, match=r"slots\[2\]\.valeu: unknown key; did you mean 'value'\?"):
        redraft.draft(template, p)


# -- the command line -----------------------------------------------------------------------------

def _run(argv: list[str], capsys) -> tuple[int, str, str]:
    try:
        main(argv)
        code = 0
    except SystemExit as e:
        code = int(e.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_skeleton_then_draft(tmp_path: Path, capsys) -> None:
    skel = tmp_path / "v.yaml"
    code, _, err = _run(["draft", str(LAST), "--skeleton", "-o", str(skel)], capsys)
    assert code == 0 and "10 values to fill" in err, err
    data = yaml.safe_load(skel.read_text(encoding="utf-8"))
    data["slots"][1]["value"] = 5100
    data["date"] = "2025-12-15"
    skel.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "d.docx"
    code, _, err = _run(["draft", str(LAST), "--data", str(skel), "-o", str(out)], capsys)
    assert code == 0, err
    assert "(1 of 10 values filled)" in err and "9 value(s) still to fill" in err and "s3: 2024年 8800人" in err
    assert zipfile.is_zipfile(out)


def test_cli_draft_errors_are_one_line(tmp_path: Path, capsys) -> None:
    code, _, err = _run(["draft", str(LAST), "--skeleton", "--data", str(LAST)], capsys)
    assert code == 2 and "not both" in err
    code, _, err = _run(["draft", str(LAST), "--year", "2023"], capsys)
    assert code == 2 and "--year 2023 is not after the report's own year 2024" in err
