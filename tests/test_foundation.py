"""Foundation: cleaning, outline, metadata and the Document model (issue: foundation)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st

from gongwen.extract.pipeline import document_from_text, read
from gongwen.extract.text.chars import Chars
from gongwen.extract.text.dedupe import collapse_line, detect_repeat_factor, repair_fake_bold
from gongwen.extract.text.normalise import normalise
from gongwen.model import Document

FORMATS = ("txt", "pdf", "docx")


def _score_module(shared: Path):
    spec = importlib.util.spec_from_file_location("gw_score", shared / "eval" / "score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _chars(t: str) -> Chars:
    return Chars(t, list(range(len(t))), [False] * len(t))


# -- fake-bold repair --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "k", "expected", "bold"),
    [
        pytest.param("（二）加强队伍建设（二）加强队伍建设（二）加强队伍建设（二）加强队伍建设", 4, "（二）加强队伍建设", 9,
                     id="whole-line-x4"),
        pytest.param("2222、、、、住房保障服务住房保障服务住房保障服务住房保障服务", 4, "2、住房保障服务", 8, id="per-char-then-run"),
        pytest.param("第二、第二、第二、社区养老服务社区养老服务社区养老服务", 3, "第二、社区养老服务", 9, id="per-run-x3"),
        pytest.param("（（四四）各项事务完善）各项事务完善", 2, "（四）各项事务完善", 9, id="mixed-x2"),
        pytest.param("第一做好检查工作第一做好检查工作：：为加强监管", 2, "第一做好检查工作：为加强监管", 9, id="bold-lead-then-plain"),
        pytest.param("共有1111人参加", 4, "共有1111人参加", 0, id="prose-1111"),
        pytest.param("天天向上，人人参与，研究研究", 2, "天天向上，人人参与，研究研究", 0, id="prose-reduplication"),
        pytest.param("一一落实，22个站点，谢谢", 2, "一一落实，22个站点，谢谢", 0, id="prose-yiyi"),
    ],
)
def test_collapse_line(line: str, k: int, expected: str, bold: int) -> None:
    out, _ = collapse_line(_chars(line), k)
    assert out.text == expected
    assert sum(out.bold) == bold
    # every kept character maps back to the same character of the raw line
    assert all(line[s] == c for s, c in zip(out.src, out.text))


def test_repeat_factor_found_from_data() -> None:
    assert detect_repeat_factor(["正文一行", "二、工作计划二、工作计划", "正文"]) == 2
    assert detect_repeat_factor(["第一、第一、第一、最低生活保障最低生活保障最低生活保障"]) == 3
    assert detect_repeat_factor(["没有任何加粗的普通正文，研究研究。"]) == 1


def test_wrapped_bold_heading_tail() -> None:
    lines = [_chars("4444、、、、认真编制专项认真编制专项认真编制专项认真编制专项规规规规"), _chars(""), _chars("划划划划")]
    out = repair_fake_bold(lines)
    assert [c.text for c in out] == ["4、认真编制专项规", "", "划"]
    assert out[2].bold == [True]


_WORDS = st.sampled_from(["天天", "人人", "看看", "研究研究", "一一", "谢谢", "低保", "对象", "提高", "标准", "工作",
                          "1111人", "22个", "807元", "，", "。", "、", "全市", "农村", "城镇", "开展", "排查"])
_HEAD_WORDS = st.sampled_from(["健全", "完善", "社会", "救助", "保障", "体系", "养老", "服务", "推进", "工作"])


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=22, unique=True))
def test_property_prose_unchanged(words: list[str]) -> None:
    text = "".join(words)
    for k in (2, 3, 4):
        out, _ = collapse_line(_chars(text), k)
        assert out.text == text


@settings(max_examples=150, deadline=None)
@given(st.lists(_HEAD_WORDS, min_size=2, max_size=6, unique=True), st.sampled_from([2, 3, 4]),
       st.lists(_WORDS, min_size=0, max_size=10, unique=True))
def test_property_k_fold_bold_restored(head: list[str], k: int, tail: list[str]) -> None:
    title = "".join(head)
    rest = "".join(tail)
    line = title * k + ("：" * k + rest if rest else "")
    lines = [_chars("正文第一行没有加粗。"), _chars(line)]
    out = repair_fake_bold(lines)
    expected = title + ("：" + rest if rest else "")
    assert out[1].text == expected
    assert out[1].bold[: len(title)] == [True] * len(title)
    assert not any(out[1].bold[len(title) + 1:])


# -- normalisation ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("留 守 儿 童 、 困 境 儿 童", "留守儿童、困境儿童"),
        ("2020 年 1 月", "2020年1月"),
        ("１２３４户，９１５元", "1234户，915元"),
        ("满意率保持在 100℅以上", "满意率保持在100%以上"),
        ("612.38 元／人次", "612.38元/人次"),
        ("2020 年 1—9 月", "2020年1-9月"),
        ("1万—2万元", "1万-2万元"),
        ("通过 OA 平台 and QQ 群", "通过OA平台and QQ群"),
        ("元 / 人 / 年", "元/人/年"),
        ("100 %交叉", "100%交叉"),
        ("发展——新局面", "发展——新局面"),
    ],
)
def test_normalise(raw: str, clean: str) -> None:
    out = normalise(_chars(raw))
    assert out.text == clean
    assert all(raw[s] in (c, "％", "℅", "／", "—", "１", "２", "３", "４", "９", "５") for s, c in zip(out.src, out.text))


def test_line_joining_and_offsets() -> None:
    # a hard-wrapped dump: lines of one width, blank lines between them, a page break, a number
    # split across the wrap ("82" + "0 元"), a word split across a page break ("补" + "差")
    raw = ("一、工作完成情况\n\n"
           "全区城乡租赁补贴由每人每月 82\n\n0 元提高到 915 元，月人均补差由\n\n"
           "466 元提高到 512 元，乡村标准同步\n\n提高，各项工作取得明显进展，全区\n\n"
           "困难家庭居住条件得到改善，月人均补\n\n\n\n差提高。\n\n"
           "二、存在问题\n\n基层人手不足，政策解读不够深入。\n\n"
           "青禾示例局\n\n2021 年 12 月 8 日")
    doc = document_from_text(raw)
    paras = [doc.slice(p.span) for p in doc.paragraphs]
    assert paras == ["一、工作完成情况",
                     "全区城乡租赁补贴由每人每月820元提高到915元，月人均补差由466元提高到512元，乡村标准同步提高，"
                     "各项工作取得明显进展，全区困难家庭居住条件得到改善，月人均补差提高。",
                     "二、存在问题", "基层人手不足，政策解读不够深入。", "青禾示例局", "2021年12月8日"]
    # every canonical character maps to the same character in the raw text
    for i, ch in enumerate(doc.text):
        r = doc.source.raw_index(i)
        if ch != "\n" and r is not None:
            assert raw[r] == ch
    assert doc.metadata.issuer == "青禾示例局" and doc.metadata.date == "2021-12-08"


def test_document_json_round_trip() -> None:
    doc = read(SAMPLES / "qingxi-2022" / "qingxi-2022.pdf")
    dumped = doc.to_json()
    again = Document.from_json(json.loads(json.dumps(dumped, ensure_ascii=False)))
    assert again == doc
    assert again.to_json() == dumped
    assert dumped["schema"] == "gongwen.document" and dumped["version"] == 1


def test_outline_levels_and_run_in() -> None:
    text = "\n".join([
        "一、工作完成情况", "（一）社会救助", "1、低保标准提高", "正文说明。", "2、临时救助", "正文。",
        "（二）养老服务", "正文。", "二、存在问题", "三、下一步工作计划",
    ])
    doc = document_from_text(text)
    got = [(h.level, h.marker, h.title) for h in doc.headings]
    assert got == [(1, "一、", "工作完成情况"), (2, "（一）", "社会救助"), (3, "1、", "低保标准提高"), (3, "2、", "临时救助"),
                   (2, "（二）", "养老服务"), (1, "二、", "存在问题"), (1, "三、", "下一步工作计划")]
    assert [len(n.children) for n in doc.outline] == [2, 0, 0]


def test_numbering_anomalies_recorded() -> None:
    text = "\n".join(["一、工作", "1、甲项工作", "正文。", "2、乙项工作", "正文。", "4、丁项工作", "正文。", "3、丙项工作", "正文。"])
    doc = document_from_text(text)
    kinds = [(a.kind, a.expected, a.found) for a in doc.anomalies]
    assert kinds == [("gap", 3, 4), ("repeat", 5, 3)]


# -- the shared development document -----------------------------------------------------------------
@pytest.fixture(scope="module")
def lianzhou_docs(lianzhou: Path) -> dict[str, Document]:
    return {ext: read(lianzhou / f"source.{ext}") for ext in FORMATS}


def test_same_canonical_text_all_formats(lianzhou_docs: dict[str, Document]) -> None:
    base = lianzhou_docs["txt"].text.replace("\n", "")
    assert lianzhou_docs["docx"].text.replace("\n", "") == base
    # The PDF re-typesetting drew no glyph for the three "·" of 元/人·月 (the CID font lacks it;
    # pdfplumber sees a blank there too): that is the only difference.
    assert lianzhou_docs["pdf"].text.replace("\n", "") == base.replace("·", "")


def test_same_headings_no_duplicates(lianzhou_docs: dict[str, Document]) -> None:
    titles = {ext: [(h.level, h.marker, h.title) for h in d.headings] for ext, d in lianzhou_docs.items()}
    assert titles["txt"] == titles["pdf"] == titles["docx"]
    for h in lianzhou_docs["txt"].headings:
        assert len(h.title) < 2 or h.title[: len(h.title) // 2] * 2 != h.title


@pytest.mark.parametrize("ext", FORMATS)
def test_headings_score(ext: str, lianzhou: Path, shared: Path, tmp_path: Path,
                        lianzhou_docs: dict[str, Document]) -> None:
    d = lianzhou_docs[ext]
    out = tmp_path / "o.json"
    out.write_text(json.dumps({"headings": [h.to_json() for h in d.headings]}, ensure_ascii=False), "utf-8")
    h = _score_module(shared).score(str(out), str(lianzhou / "gold"))["headings"]
    assert h["recall"] >= 0.98 and h["precision"] >= 0.95 and h["level_accuracy"] >= 0.95, h


def test_metadata_and_anomalies(lianzhou_docs: dict[str, Document]) -> None:
    for d in lianzhou_docs.values():
        md = d.metadata
        assert (md.issuer, md.date, md.year, md.kind) == ("连州市民政局", "2020-11-16", 2020, "summary")
        assert [(a.kind, a.expected, a.found) for a in d.anomalies] == [("repeat", 5, 3), ("gap", 4, 5)]


def test_pdf_provenance(lianzhou_docs: dict[str, Document]) -> None:
    d = lianzhou_docs["pdf"]
    i = d.text.index("3992.7915")
    from gongwen.model import Span

    span = Span(i, i + 9)
    assert d.source.page_of(span) == 1
    boxes = d.source.boxes_of(span)
    assert len(boxes) == 9 and all(p == 1 for p, _ in boxes)


# -- bundled samples -----------------------------------------------------------------------------------
def _samples() -> list[str]:
    return sorted(p.name for p in SAMPLES.iterdir() if (p / f"{p.name}.gold.outline.tsv").exists())


@pytest.mark.parametrize("ext", FORMATS)
@pytest.mark.parametrize("name", _samples())
def test_sample_outlines(name: str, ext: str) -> None:
    import csv

    gold = list(csv.DictReader((SAMPLES / name / f"{name}.gold.outline.tsv").open(encoding="utf-8"), delimiter="\t"))
    doc = read(SAMPLES / name / f"{name}.{ext}")
    got = [(h.level, h.title) for h in doc.headings]
    want = [(int(g["level"]), g["title"]) for g in gold if g["need"] == "req"]
    # every required heading is found at its level, in order; extra run-in leads are allowed
    it = iter(got)
    for w in want:
        assert any(g == w for g in it), f"{name}.{ext}: heading {w} missing or out of order"
    assert all(h.run_in or (h.level, h.title) in [(int(g["level"]), g["title"]) for g in gold] for h in doc.headings)


# -- CLI ---------------------------------------------------------------------------------------------------
def test_cli_outline_json_subprocess() -> None:
    src = SAMPLES / "qingxi-2021" / "qingxi-2021.txt"
    r = subprocess.run([sys.executable, "-m", "gongwen.cli", "outline", str(src), "--format", "json"],
                       capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["headings"] and {"level", "marker", "title", "run_in", "span"} <= set(data["headings"][0])
    assert data["outline"][0]["children"]


def test_cli_clean_and_errors(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from gongwen.cli import cli

    src = SAMPLES / "qingxi-2021" / "qingxi-2021.txt"
    res = CliRunner().invoke(cli, ["clean", str(src)])
    assert res.exit_code == 0 and "青溪县" in res.output
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    r = subprocess.run([sys.executable, "-m", "gongwen.cli", "clean", str(empty)], capture_output=True, text=True,
                       cwd=ROOT, timeout=60)
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "empty.txt" in r.stderr and "Traceback" not in r.stderr


# -- bad input through the real CLI: one line naming the file and the problem, exit 2 ---------------
def _bad_inputs(tmp: Path) -> list[tuple[Path, str]]:
    import random

    from fixtures.reader_docs import encrypted_pdf, scanned_pdf

    out: list[tuple[Path, str]] = []
    empty = tmp / "empty.pdf"
    empty.write_bytes(b"")
    out.append((empty, "empty"))
    binary = tmp / "random.pdf"
    binary.write_bytes(random.Random(7).randbytes(3000))
    out.append((binary, "not a valid PDF"))
    out.append((encrypted_pdf(tmp / "secret.pdf"), "password required"))
    out.append((scanned_pdf(tmp / "scan.pdf", pages=2), "scanned"))
    gbk = tmp / "short-gbk.txt"
    gbk.write_bytes("你好世界".encode("gbk"))
    out.append((gbk, "encoding"))
    full = read(SAMPLES / "qingxi-2021" / "qingxi-2021.docx")
    assert full.text
    data = (SAMPLES / "qingxi-2021" / "qingxi-2021.docx").read_bytes()
    cut = tmp / "truncated.docx"
    cut.write_bytes(data[: len(data) // 2])
    out.append((cut, "not a valid DOCX"))
    return out


def test_cli_bad_inputs_one_line_exit_2(tmp_path: Path) -> None:
    for path, problem in _bad_inputs(tmp_path):
        for cmd in ("clean", "extract"):
            r = subprocess.run([sys.executable, "-m", "gongwen.cli", cmd, str(path)], capture_output=True,
                               text=True, cwd=ROOT, timeout=120)
            assert r.returncode == 2, (path.name, r.stderr)
            assert r.stdout == ""
            lines = r.stderr.strip().splitlines()
            assert len(lines) == 1 and str(path) in lines[0] and problem in lines[0], (path.name, r.stderr)
            assert "Traceback" not in r.stderr


def test_regression_wrap_detection_stable_under_one_edit() -> None:
    """Bug caught by bench/planted_errors.py: deleting one character (the 万 of a wrapped
    "146.2\\n万元") flipped the whole dump to "not hard-wrapped" and broke "3,3" + "42户"."""
    raw = (SAMPLES / "qingxi-2021" / "qingxi-2021.txt").read_text(encoding="utf-8")
    i = raw.index("146.2")
    j = raw.index("万元", i)
    for text in (raw, raw[:j] + raw[j + 1:]):
        doc = document_from_text(text)
        assert "3,342户" in doc.text
        assert len(doc.paragraphs) == len(document_from_text(raw).paragraphs)


def test_docx_heading_styles_without_literal_markers(tmp_path: Path) -> None:
    """Word's own heading styles (auto-numbered, no marker in the text) still make the outline."""
    import docx

    d = docx.Document()
    d.add_paragraph("示例县民政局2023年工作总结", style="Title")
    d.add_paragraph("工作完成情况", style="Heading 1")
    d.add_paragraph("社会救助", style="Heading 2")
    d.add_paragraph("全县低保对象3215户5120人，全年发放低保金1.23亿元。")
    d.add_paragraph("养老服务", style="Heading 2")
    d.add_paragraph("新建农村互助养老服务站12个。")
    d.add_paragraph("存在问题", style="Heading 1")
    d.add_paragraph("基层力量薄弱。")
    path = tmp_path / "styled.docx"
    d.save(str(path))
    doc = read(path)
    assert [(h.level, h.marker, h.title) for h in doc.headings] == [
        (1, "", "工作完成情况"), (2, "", "社会救助"), (2, "", "养老服务"), (1, "", "存在问题")]
    assert doc.metadata.title == "示例县民政局2023年工作总结"
    assert not doc.anomalies


def test_docx_with_a_paragraph_per_visual_line_is_rejoined(tmp_path: Path) -> None:
    """DOCX files converted from PDF often end a paragraph at every line; numbers split there."""
    import docx

    lines = ["一、工作完成情况", "2022年11月，全县共有城乡低保对象3,3", "42户6,105人，其中城镇低保436户742人",
             "，农村低保2,906户5,363人。全年累计发放", "低保金1,826.4万元，比上年增长4.6%。", "二、存在问题",
             "基层工作力量还比较薄弱，政策宣传不够深", "入细致，部分群众对政策了解不多。"]
    d = docx.Document()
    for t in lines:
        d.add_paragraph(t)
    path = tmp_path / "converted.docx"
    d.save(str(path))
    doc = read(path)
    paras = [doc.slice(p.span) for p in doc.paragraphs]
    assert paras[1] == ("2022年11月，全县共有城乡低保对象3,342户6,105人，其中城镇低保436户742人，农村低保2,906户5,363人。"
                        "全年累计发放低保金1,826.4万元，比上年增长4.6%。")
    assert [h.title for h in doc.headings] == ["工作完成情况", "存在问题"]


def test_markdown_input(tmp_path: Path) -> None:
    md = tmp_path / "report.md"
    md.write_text("# 示例县民政局2023年工作总结\n\n## 一、工作完成情况\n\n**（一）社会救助。**全年发放低保金1.23亿元。\n\n"
                  "## 二、存在问题\n\n基层力量薄弱。\n", encoding="utf-8")
    doc = read(md)
    assert "#" not in doc.text and "*" not in doc.text
    assert [(h.level, h.title, h.run_in) for h in doc.headings][-3:] == [
        (1, "工作完成情况", False), (2, "社会救助", True), (1, "存在问题", False)]
    i = doc.text.index("1.23亿元")
    raw = md.read_text(encoding="utf-8")
    assert raw[doc.source.raw_index(i):].startswith("1.23亿元")  # offsets still point into the file
