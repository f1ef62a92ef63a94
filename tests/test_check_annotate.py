"""`gongwen check report.docx --annotate reviewed.docx`: findings as Word comments on their figures.

The comments are read back with python-docx, each anchored on the runs of its figures; every
other part of the package is byte for byte the user's, and word/document.xml differs only by the
comment markers.  With LibreOffice present, the file is converted to ODT and its annotations
counted (it opens, one comment per finding).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

from gongwen.check import check
from gongwen.check.output.render_text import visible
from gongwen.cli import main

pytest.importorskip("gongwen.extract.pipeline", reason="annotate needs the extractor")

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """The CLI as the shell runs it (errors as one line and an exit code)."""
    try:
        code = int(main(args) or 0)
    except SystemExit as e:
        code = int(e.code or 0)
    out = capsys.readouterr()
    return code, out.out + out.err


def _report_docx(path: Path) -> Path:
    """An invented report: a sum off by a digit swap (figure in its own bold run), a rate above
    100 %, and a table whose rows add up."""
    d = docx.Document()
    d.add_paragraph("青山县民政局2025年工作总结")
    p = d.add_paragraph("截至2025年11月底，全县低保对象")
    r = p.add_run("6145户")
    r.bold = True
    p.add_run("，其中城镇416户、农村5738户。")
    d.add_paragraph("全县临时救助1200人次，其中城镇500人次、农村600人次。")
    t = d.add_table(rows=4, cols=2)
    for i, row in enumerate([("类别", "床位数（张）"), ("公办", "800"), ("民办", "400"), ("合计", "1200")]):
        for j, v in enumerate(row):
            t.cell(i, j).text = v
    d.add_paragraph("全县养老服务覆盖率达到125%。")
    d.sections[0].header.paragraphs[0].text = "内部资料"
    d.save(str(path))
    return path


def _anchored(path: Path) -> dict[str, str]:
    """Comment id -> the text between its range start and end, in body order."""
    root = docx.Document(str(path)).element.body
    open_ids: set[str] = set()
    text: dict[str, str] = {}
    for el in root.iter():
        if el.tag == f"{_W}commentRangeStart":
            open_ids.add(el.get(f"{_W}id"))
            text.setdefault(el.get(f"{_W}id"), "")
        elif el.tag == f"{_W}commentRangeEnd":
            open_ids.discard(el.get(f"{_W}id"))
        elif el.tag == f"{_W}t" and el.text:
            for i in open_ids:
                text[i] += el.text
    return text


@pytest.mark.parametrize("show_passed", [False, True], ids=["problems", "with-passed"])
def test_every_finding_is_a_comment_on_its_figures(tmp_path: Path, show_passed: bool,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    src = _report_docx(tmp_path / "report.docx")
    before = src.read_bytes()
    out = tmp_path / "reviewed.docx"
    args = ["check", str(src), "--annotate", str(out), "--no-color"] + (["--show-passed"] if show_passed else [])
    code, output = _run(args, capsys)
    assert code == 1, output  # the digit swap is an error
    assert src.read_bytes() == before  # the user's file is untouched
    expected = visible(check(src), show_passed)
    assert len(expected) >= (3 if show_passed else 2)
    comments = list(docx.Document(str(out)).comments)
    assert len(comments) == len(expected)
    anchored = _anchored(out)
    for c, f in zip(comments, expected):
        assert c.author == "gongwen" and f.code in c.text and f.message in c.text
        fig = f.figures[0].as_written if f.figures else None
        if fig:
            assert re.sub(r"\s+", "", fig) in anchored[str(c.comment_id)], (f.code, anchored[str(c.comment_id)])
    assert any(anchored[str(c.comment_id)].split("，")[0] == "6145户" for c in comments)
    if show_passed:  # a table row's figures are anchored on their cells' runs
        assert any(t.startswith(("800", "合计", "1200", "公办", "民办")) for t in anchored.values()), anchored


def test_everything_else_is_byte_for_byte_the_users(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _report_docx(tmp_path / "report.docx")
    out = tmp_path / "reviewed.docx"
    assert _run(["check", str(src), "--annotate", str(out)], capsys)[0] == 1
    a, b = zipfile.ZipFile(src), zipfile.ZipFile(out)
    assert [n for n in b.namelist() if n not in a.namelist()] == ["word/comments.xml"]
    changed = sorted(n for n in a.namelist() if a.read(n) != b.read(n))
    assert changed == ["[Content_Types].xml", "word/_rels/document.xml.rels", "word/document.xml"]
    doc = b.read("word/document.xml").decode("utf-8")
    doc = re.sub(r'<w:commentRange(Start|End) w:id="\d+"/>', "", doc)
    doc = re.sub(r'<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="\d+"/></w:r>',
                 "", doc)
    assert doc.encode("utf-8") == a.read("word/document.xml")
    for name in ("[Content_Types].xml", "word/_rels/document.xml.rels"):  # one entry added, nothing else
        old, new = a.read(name).decode("utf-8"), b.read(name).decode("utf-8")
        added = re.sub(r"<(Override|Relationship) [^>]*comments[^>]*/>", "", new, count=1)
        assert added == old


def test_annotate_needs_a_docx_and_keeps_existing_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    txt = tmp_path / "report.txt"
    txt.write_text("全县低保对象6145户，其中城镇416户、农村5738户。\n", encoding="utf-8")
    code, output = _run(["check", str(txt), "--annotate", str(tmp_path / "r.docx")], capsys)
    assert code == 2 and "needs a .docx" in output and output.count("\n") == 1
    src = _report_docx(tmp_path / "report.docx")
    out = tmp_path / "reviewed.docx"
    out.write_bytes(b"mine")
    code, output = _run(["check", str(src), "--annotate", str(out)], capsys)
    assert code == 2 and "exists" in output and out.read_bytes() == b"mine"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_opens_it_with_one_annotation_per_finding(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    src = _report_docx(tmp_path / "report.docx")
    out = tmp_path / "reviewed.docx"
    _run(["check", str(src), "--annotate", str(out)], capsys)
    n = len(visible(check(src)))
    subprocess.run([shutil.which("soffice"), f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless",
                    "--convert-to", "odt", "--outdir", str(tmp_path / "odt"), str(out)],
                   check=False, capture_output=True, timeout=180)
    odt = tmp_path / "odt" / "reviewed.odt"
    assert odt.is_file(), "LibreOffice did not open the annotated file"
    content = zipfile.ZipFile(odt).read("content.xml").decode("utf-8")
    assert len(re.findall(r"<office:annotation[ >]", content)) == n
    assert "GW101" in content
