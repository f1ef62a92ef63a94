"""``gongwen render`` / ``gongwen draft`` through the CLI: outputs, --force, errors, skeletons."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from gongwen.cli import main
from gongwen.figure import Extraction, Figure
from gongwen.generate import draft as gdraft
from gongwen.generate import render
from gongwen.generate.schema import load
from gongwen.model import Document, Metadata, SourceMap, Span

EXAMPLE = Path("gongwen/generate/data/example-summary.yaml").resolve()


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    try:
        main(argv)
        code = 0
    except SystemExit as e:
        code = int(e.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("suffix,magic", [(".docx", b"PK"), (".md", "# 青山县".encode()), (".txt", "青山县".encode())])
def test_render_formats_by_suffix(tmp_path: Path, capsys, suffix: str, magic: bytes) -> None:
    out = tmp_path / f"r{suffix}"
    code, _, err = run(["render", str(EXAMPLE), "-o", str(out), "--no-check"], capsys)
    assert code == 0, err
    assert out.read_bytes().startswith(magic)
    assert f"wrote {out}" in err


def test_render_to_stdout_and_format_option(tmp_path: Path, capsys) -> None:
    code, out, _ = run(["render", str(EXAMPLE), "--format", "md"], capsys)
    assert code == 0 and out.startswith("# 青山县民政局2025年工作总结")
    code, _, err = run(["render", str(EXAMPLE), "--format", "docx"], capsys)
    assert code == 2 and "needs an output file" in err
    target = tmp_path / "x.bin"
    code, _, err = run(["render", str(EXAMPLE), "-o", str(target), "--format", "txt", "--no-check"], capsys)
    assert code == 0 and target.read_text(encoding="utf-8").startswith("青山县民政局")


def test_no_overwrite_without_force_and_atomic(tmp_path: Path, capsys) -> None:
    out = tmp_path / "r.docx"
    out.write_bytes(b"old")
    code, _, err = run(["render", str(EXAMPLE), "-o", str(out), "--no-check"], capsys)
    assert code == 2 and err.strip() == f"gongwen: error: {out}: exists; pass --force to overwrite"
    assert out.read_bytes() == b"old"
    code, _, _ = run(["render", str(EXAMPLE), "-o", str(out), "--force", "--no-check"], capsys)
    assert code == 0 and zipfile.is_zipfile(out)
    assert [p.name for p in tmp_path.iterdir()] == ["r.docx"]  # no temporary left behind


def test_failed_render_leaves_nothing(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("issuer: x\nyear: 2025\nprograms:\n  低保:\n    households:\n      unit: 户\n      value: sum\n"
                   "      农村: 5千\n", encoding="utf-8")
    out = tmp_path / "r.docx"
    code, _, err = run(["render", str(bad), "-o", str(out)], capsys)
    assert code == 2
    assert err.strip() == f"gongwen: error: {bad}: programs.低保.households.农村: expected a number, got '5千'"
    assert not out.exists()


def test_template_error_one_line_exit_2(tmp_path: Path, capsys) -> None:
    t = tmp_path / "t.gw.j2"
    t.write_text("title: {{ report.title }\n", encoding="utf-8")
    code, _, err = run(["render", str(EXAMPLE), "--template", str(t)], capsys)
    assert code == 2 and err.count("\n") == 1 and err.startswith(f"gongwen: error: {t}: line 1: template syntax")
    code, _, err = run(["render", str(EXAMPLE), "--template", "nonesuch"], capsys)
    assert code == 2 and "no such template" in err


def test_profiles_and_reference_docx(tmp_path: Path) -> None:
    win10 = render(EXAMPLE, profile="win10", output=tmp_path / "w.docx", check=False)
    styles = zipfile.ZipFile(win10.path).read("word/styles.xml").decode()
    assert 'w:eastAsia="仿宋"' in styles and "仿宋_GB2312" not in styles
    # A bureau's reference: its own body style is kept where the profile says nothing (here
    # snapToGrid) and overridden where it does (the East Asian font); its body is replaced.
    import docx

    ref = docx.Document()
    ref.add_paragraph("红头文件示例：将被清除的正文")
    st = ref.styles.add_style("GW Body", 1)
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    st.element.get_or_add_rPr().append(st.element.makeelement(f"{w}rFonts", {f"{w}eastAsia": "方正仿宋_GBK"}))
    st.element.get_or_add_pPr().append(st.element.makeelement(f"{w}snapToGrid", {f"{w}val": "0"}))
    ref_path = tmp_path / "bureau.docx"
    ref.save(ref_path)
    out = render(EXAMPLE, reference_docx=ref_path, output=tmp_path / "b.docx", check=False)
    z = zipfile.ZipFile(out.path)
    body = z.read("word/document.xml").decode()
    assert "红头文件示例" not in body and "工作完成情况" in body
    styles = z.read("word/styles.xml").decode()
    body_style = styles[styles.index('w:styleId="GWBody"'):]
    body_style = body_style[:body_style.index("</w:style>")]
    assert "方正仿宋_GBK" not in body_style and 'w:eastAsia="仿宋_GB2312"' in body_style
    assert '<w:snapToGrid w:val="0"/>' in body_style and 'w:line="579"' in body_style


def test_profile_unknown_is_an_error(tmp_path: Path, capsys) -> None:
    code, _, err = run(["render", str(EXAMPLE), "--profile", "nope", "--format", "txt"], capsys)
    assert code == 2 and "no layout profile 'nope'" in err


def test_checker_errors_block_the_write_unless_forced(tmp_path: Path, monkeypatch) -> None:
    import types

    from gongwen.generate import api

    class F:
        severity, code, message = "error", "X001", "parts do not add up"

    fake = types.ModuleType("gongwen.check")
    fake.check = lambda path: types.SimpleNamespace(findings=[F()])  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "gongwen.check", fake)
    out = tmp_path / "r.docx"
    with pytest.raises(api.OutputError, match="the checker found 1 error"):
        render(EXAMPLE, output=out)
    assert not out.exists()
    res = render(EXAMPLE, output=out, force=True)
    assert out.exists() and res.findings


def test_cli_runs_as_a_real_subprocess(tmp_path: Path) -> None:
    out = tmp_path / "r.txt"
    p = subprocess.run([sys.executable, "-m", "gongwen.cli", "render", str(EXAMPLE), "-o", str(out), "--no-check"],
                       check=False, capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert "一、工作完成情况" in out.read_text(encoding="utf-8")


# -- draft -------------------------------------------------------------------------------
def _last_year() -> Extraction:
    text = ("青山县民政局2024年工作总结\n一、工作完成情况\n（一）城乡低保\n"
            "截至2024年11月底，全县低保对象5010户，其中城市1150户。累计发放低保金3820.5万元。")
    src = SourceMap("last.docx", "docx", text, tuple(range(len(text))), ())

    def fig(v: str, unit: str, metric: str, scope: str, start: int, end: int, period: str, written: str = "") -> Figure:
        return Figure(value=Decimal(v), unit=unit, program="最低生活保障", scope=scope, metric=metric,
                      period=period, section=("工作完成情况", "城乡低保"), as_written=text[start:end],
                      span=Span(start, end), text_span=Span(30, len(text)), unit_as_written=written or unit)

    doc = Document(text, (), (), src, Metadata(title="青山县民政局2024年工作总结", issuer="青山县民政局", year=2024,
                                                 kind="summary"))
    i = text.index("5010户")
    j = text.index("1150户")
    k = text.index("3820.5万元")
    return Extraction(doc, (fig("5010", "户", "户数", "全县", i, i + 5, "2024-11"),
                            fig("1150", "户", "户数", "城市", j, j + 5, "2024-11"),
                            fig("38205000", "元", "发放金额", "全县", k, k + 8, "2024-01/2024-11", "万元")))


def test_skeleton_lists_last_years_figures_as_previous() -> None:
    text = gdraft.skeleton(_last_year())
    data = yaml.safe_load(text)
    assert data["year"] == 2025 and data["title"] == "青山县民政局2025年工作总结"
    assert data["sections"] == [{"title": "城乡低保", "paragraphs": [], "programs": ["最低生活保障"]}]
    prog = data["programs"]["最低生活保障"]
    assert prog["户数"] == {"label": "最低生活保障户数", "unit": "户", "value": None, "previous": 5010,
                          "period": "2025-11", "scope": "全县", "城市": {"value": None, "previous": 1150}}
    assert prog["发放金额"]["unit"] == "万元" and prog["发放金额"]["previous"] == 3820.5
    comments = [ln for ln in text.splitlines() if ln.startswith("    # 2024: ")]
    assert len(comments) == 1 and "全县低保对象5010户" in comments[0]


def test_draft_from_skeleton_has_placeholders_and_year_over_year(tmp_path: Path) -> None:
    data = yaml.safe_load(gdraft.skeleton(_last_year()))
    data["date"] = "2025-12-20"
    data["programs"]["最低生活保障"]["户数"]["value"] = 5230
    f = tmp_path / "new.yaml"
    f.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    report = load(f, allow_missing=True)
    res = render(report, allow_missing=True, output=tmp_path / "d.docx", check=False)
    assert "全县最低生活保障户数由上年的5010户增加到5230户，增长4.4%，其中城市【待填：" in res.text
    assert res.placeholders == ["【待填：城市最低生活保障户数（户），2024年为1150户】",
                                "【待填：全县最低生活保障发放金额（万元），2024年为3820.5万元】"]
    doc = zipfile.ZipFile(res.path).read("word/document.xml").decode()
    assert doc.count('w:highlight w:val="yellow"') == 2


def test_draft_cli_refuses_both_modes(tmp_path: Path, capsys) -> None:
    code, _, err = run(["draft", str(EXAMPLE), "--skeleton", "--data", str(EXAMPLE)], capsys)
    assert code == 2 and "pass either --skeleton" in err


def test_draft_cli_skeleton_and_data_with_the_extractor(tmp_path: Path, capsys) -> None:
    pytest.importorskip("gongwen.extract.figures.assemble", reason="draft needs the figure extractor")
    last = tmp_path / "last.docx"
    render(EXAMPLE, output=last, check=False)
    skel = tmp_path / "next.yaml"
    code, _, err = run(["draft", str(last), "--skeleton", "-o", str(skel)], capsys)
    assert code == 0, err
    data = yaml.safe_load(skel.read_text(encoding="utf-8"))
    assert data["year"] == 2026 and data["slots"]
    assert any(s["last"] == 5230 for s in data["slots"])
    out = tmp_path / "draft.docx"
    code, _, err = run(["draft", str(last), "--data", str(skel), "-o", str(out), "--no-check"], capsys)
    assert code == 0, err
    assert "value(s) still to fill" in err and "【待填】" in err
    assert zipfile.is_zipfile(out)


def test_unquoted_impossible_date_is_a_one_line_error(tmp_path: Path, capsys) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("date: 2025-12-20", "date: 2025-02-30"), encoding="utf-8")
    assert "date: 2025-02-30" in bad.read_text(encoding="utf-8")
    code, _, err = run(["render", str(bad), "-o", str(tmp_path / "r.docx")], capsys)
    assert code == 2 and err.strip() == f"gongwen: error: {bad}: date: February 2025 has 28 days, got '2025-02-30'"
