"""Readers: PDF (both engines), DOCX and text into RawDocument; bad input gives clear ReadErrors."""

from __future__ import annotations

import logging
import os
import random
from pathlib import Path

import pytest
from fixtures.reader_docs import (
    encrypted_pdf,
    fake_bold_pdf,
    garbled_pdf,
    mixed_font_bold_pdf,
    sample_docx,
    scanned_pdf,
    tricky_stream_pdf,
)

from gongwen.errors import ReadError
from gongwen.extract.readers import detect_format, read_raw
from gongwen.extract.readers import text as text_reader
from gongwen.extract.readers._pdf_layout import is_page_number
from gongwen.extract.readers.raw import RawDocument

ENGINES = ["fast", "pdfplumber"]


def bold_text(line) -> str:  # type: ignore[no-untyped-def]
    return "".join(ch for ch, b in zip(line.text, line.bold) if b)


def signature(doc: RawDocument) -> list[tuple]:
    """Everything a reader promises per line (boxes included) for engine comparisons."""
    return [(ln.text, ln.bold, ln.page, ln.index, ln.kind, ln.cells, ln.boxes, ln.size, ln.centered)
            for ln in doc.lines]


# --- generated PDFs -------------------------------------------------------------------------------

@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("k", [2, 3, 4])
def test_fake_bold_pdf_lines(tmp_path: Path, k: int, engine: str) -> None:
    doc = read_raw(fake_bold_pdf(tmp_path / f"bold{k}.pdf", k), engine=engine)
    texts = [ln.text for ln in doc.lines]
    assert texts == [
        "青溪县文旅局工作总结",
        "一、主要工作",
        "全县新建乡村书屋十二个，接待游客三万人次。",
        "（一）数字服务。OA 平台上线运行。",  # gap space kept between Latin and CJK
        "二、数据统计",
        "项目\t数量\t单位",
        "书屋\t12\t个",
        "游客\t3\t万人次",
        "以上数据截至十月底。",
    ]  # headings once despite k copies; "— 1 —" and "第 2 页 共 2 页" dropped
    by_text = {ln.text: ln for ln in doc.lines}
    assert all(by_text["一、主要工作"].bold)
    assert bold_text(by_text["（一）数字服务。OA 平台上线运行。"]) == "（一）数字服务。"
    assert not any(by_text["全县新建乡村书屋十二个，接待游客三万人次。"].bold)
    assert by_text["青溪县文旅局工作总结"].centered
    assert not by_text["一、主要工作"].centered
    assert [(ln.page, ln.index) for ln in doc.lines][:5] == [(1, 1), (1, 2), (1, 3), (1, 4), (2, 1)]
    assert doc.pages == 2 and doc.format == "pdf"


@pytest.mark.parametrize("engine", ENGINES)
def test_pdf_table_rows(tmp_path: Path, engine: str) -> None:
    doc = read_raw(fake_bold_pdf(tmp_path / "t.pdf", 2), engine=engine)
    rows = [ln for ln in doc.lines if ln.kind == "table_row"]
    assert [ln.text.split("\t") for ln in rows] == [["项目", "数量", "单位"], ["书屋", "12", "个"],
                                                   ["游客", "3", "万人次"]]
    assert rows[1].cells == [(0, 2), (3, 5), (6, 7)]
    assert bold_text(rows[0]) == "项目数量单位"
    assert all(ln.boxes is not None and len(ln.boxes) == len(ln.text) for ln in doc.lines)


def test_engines_identical_on_generated_pdf(tmp_path: Path) -> None:
    path = fake_bold_pdf(tmp_path / "same.pdf", 4)
    assert signature(read_raw(path, engine="fast")) == signature(read_raw(path, engine="pdfplumber"))


def test_fake_bold_copy_in_another_font_is_removed(tmp_path: Path) -> None:
    doc = read_raw(mixed_font_bold_pdf(tmp_path / "mixed.pdf"))
    assert [ln.text for ln in doc.lines] == ["工作要点", "全年完成造林八百亩。"]
    assert all(doc.lines[0].bold) and not any(doc.lines[1].bold)


def test_pdf_glyph_boxes_are_in_reading_order(tmp_path: Path) -> None:
    doc = read_raw(fake_bold_pdf(tmp_path / "boxes.pdf", 3))
    line = doc.lines[2]
    assert line.page == 1 and line.boxes is not None
    xs = [b[0] for b in line.boxes]
    assert xs == sorted(xs)
    assert all(x1 > x0 and bottom > top for x0, top, x1, bottom in line.boxes)


def test_content_stream_corner_cases(tmp_path: Path) -> None:
    path = tricky_stream_pdf(tmp_path / "tricky.pdf")
    fast, plumb = read_raw(path, engine="fast"), read_raw(path, engine="pdfplumber")
    assert signature(fast) == signature(plumb)
    texts = [ln.text for ln in fast.lines]
    assert texts[:5] == ["Nested (a) and (b) ok", "Kerned text", "Line one", "Line two", "Line three"]
    assert texts[5].startswith("Octal AB and tab")
    assert texts[6:] == ["Inside a form", "Hex string"]


@pytest.mark.parametrize("text, expected", [
    ("— 3 —", True), ("- 12 -", True), ("－3－", True), ("3", True), ("第 3 页 共 9 页", True),
    ("第3页", True), ("共 9 页 第 3 页", True), ("3 / 9", True), ("Page 3 of 9", True),
    ("3 个", False), ("一、总体情况", False), ("2020 年", False), ("（3）", False),
])
def test_page_number_patterns(text: str, expected: bool) -> None:
    assert is_page_number(text) is expected


# --- bad PDFs -------------------------------------------------------------------------------------

@pytest.mark.parametrize("engine", ENGINES)
def test_encrypted_pdf(tmp_path: Path, engine: str) -> None:
    path = encrypted_pdf(tmp_path / "secret.pdf")
    with pytest.raises(ReadError) as e:
        read_raw(path, engine=engine)
    assert str(e.value).startswith(f"{path}: encrypted PDF: password required")


@pytest.mark.parametrize("engine", ENGINES)
def test_scanned_pdf(tmp_path: Path, engine: str) -> None:
    path = scanned_pdf(tmp_path / "scan.pdf", pages=3)
    with pytest.raises(ReadError) as e:
        read_raw(path, engine=engine, ocr="never")  # OCR: tests/test_ocr.py
    assert str(e.value) == f"{path}: no text layer on pages 1-3: this looks like a scanned PDF; read it with --ocr auto"


def test_partly_scanned_pdf_reads_text_pages(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = scanned_pdf(tmp_path / "mixed.pdf", pages=2, text_page=True)
    with caplog.at_level(logging.WARNING, logger="gongwen.extract"):
        doc = read_raw(path, ocr="never")
    assert doc.pages == 3 and len(doc.lines) == 6 and {ln.page for ln in doc.lines} == {1}
    assert "pages 2-3 have no text layer (scanned?); read it with --ocr auto" in caplog.text


@pytest.mark.parametrize("engine", ENGINES)
def test_garbled_pdf(tmp_path: Path, engine: str) -> None:
    path = garbled_pdf(tmp_path / "cid.pdf")
    with pytest.raises(ReadError, match=r"text layer is garbled \(unmapped CID font\): 80 of 80"):
        read_raw(path, engine=engine, ocr="never")


@pytest.mark.parametrize("engine", ENGINES)
def test_random_binary_renamed_pdf(tmp_path: Path, engine: str) -> None:
    path = tmp_path / "junk.pdf"
    path.write_bytes(random.Random(7).randbytes(4000))
    with pytest.raises(ReadError) as e:
        read_raw(path, engine=engine)
    assert str(e.value).startswith(f"{path}: not a valid PDF (no %PDF header)")


@pytest.mark.parametrize("engine", ENGINES)
def test_truncated_pdf(tmp_path: Path, engine: str) -> None:
    full = fake_bold_pdf(tmp_path / "full.pdf", 2).read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(full[:300])
    with pytest.raises(ReadError, match=r"not a valid PDF|no text layer"):
        read_raw(path, engine=engine)


@pytest.mark.parametrize("name", ["empty.pdf", "empty.docx", "empty.txt", "empty.md"])
def test_empty_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    with pytest.raises(ReadError) as e:
        read_raw(path)
    assert str(e.value) == f"{path}: empty file (0 bytes)"


def test_unknown_engine(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="unknown PDF engine 'pymupdf'"):
        read_raw(fake_bold_pdf(tmp_path / "a.pdf", 2), engine="pymupdf")


def test_pdf_detected_by_magic_not_suffix(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(fake_bold_pdf(tmp_path / "src.pdf", 2).read_bytes())
    assert detect_format(path) == "pdf"
    assert read_raw(path).format == "pdf"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file"):
        read_raw(tmp_path / "nope.pdf")


# --- DOCX -----------------------------------------------------------------------------------------

def test_docx_paragraphs_styles_and_tables(tmp_path: Path) -> None:
    doc = read_raw(sample_docx(tmp_path / "plan.docx"))
    assert doc.format == "docx"
    rows = [(ln.index, ln.kind, ln.text, ln.para_end, ln.style, ln.outline_level, ln.centered)
            for ln in doc.lines]
    assert rows == [
        (1, "text", "南岭镇二〇二五年工作计划", True, "Normal", None, True),
        (2, "text", "一、总体目标", True, "Heading 1", 1, False),
        (3, "text", "（一）稳就业。新增就业岗位五百个。", True, "Normal", None, False),
        (4, "text", "全面推进各项工作", True, "Lead Bold Child", None, False),
        (5, "text", "完善养老服务网络", True, "List Number [list level 1]", None, False),
        (6, "text", "二、保障措施", True, "Normal", 1, False),
        (7, "text", "第一行", False, "Normal", None, False),  # soft line break inside one paragraph
        (7, "text", "第二行", True, "Normal", None, False),
        (8, "table_row", "项目\t数量\t备注", True, None, None, False),
        (9, "table_row", "书屋\t12\t新建", True, None, None, False),
        (10, "table_row", "合计\t12", True, None, None, False),  # the merged cell once
        (11, "text", "南岭镇人民政府", True, "Normal", None, False),
    ]
    by_text = {ln.text: ln for ln in doc.lines}
    assert bold_text(by_text["（一）稳就业。新增就业岗位五百个。"]) == "（一）稳就业。"
    assert all(by_text["全面推进各项工作"].bold)  # bold inherited through two styles
    assert all(by_text["一、总体目标"].bold)  # Heading 1 is bold in the default template
    assert by_text["合计\t12"].cells == [(0, 2), (3, 5)]


def test_truncated_docx(tmp_path: Path) -> None:
    data = sample_docx(tmp_path / "whole.docx").read_bytes()
    path = tmp_path / "half.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ReadError) as e:
        read_raw(path)
    assert str(e.value).startswith(f"{path}: not a valid DOCX (truncated or corrupt zip")


def test_docx_suffix_on_non_zip(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    path.write_text("这不是一个文档", encoding="utf-8")
    with pytest.raises(ReadError, match="not a valid DOCX"):
        read_raw(path)


def test_legacy_doc_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(ReadError, match="legacy Word .doc/.wps or password-protected"):
        read_raw(path)


# --- text -----------------------------------------------------------------------------------------

REPORT = ("二〇二五年，清河镇民政办围绕年度目标，扎实推进社会救助、养老服务和儿童关爱各项工作。\r\n"
          "全年发放低保金三百二十万元，新建日间照料中心四个。\r\n"
          "一、主要成效\r\n"
          "（一）救助体系更加健全\n")


@pytest.mark.parametrize("encoding, bom", [
    ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("gb18030", b""), ("gbk", b""),
    ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
])
def test_text_encodings(tmp_path: Path, encoding: str, bom: bytes) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(bom + REPORT.encode(encoding))
    doc = read_raw(path)
    assert [ln.text for ln in doc.lines] == REPORT.replace("\r\n", "\n").rstrip("\n").split("\n")
    assert [ln.index for ln in doc.lines] == [1, 2, 3, 4]
    assert doc.format == "text" and all(ln.para_end is None for ln in doc.lines)


def test_text_old_mac_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_bytes("第一行\r第二行\r\r第四行".encode())
    assert [ln.text for ln in read_raw(path).lines] == ["第一行", "第二行", "", "第四行"]


def test_short_gbk_text_is_ambiguous(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_bytes("你好世界".encode("gbk"))
    with pytest.raises(ReadError) as e:
        read_raw(path)
    assert str(e.value) == (f"{path}: cannot tell the text encoding (best guess gb18030, low confidence: "
                            "only 4 CJK characters); pass --encoding")
    assert [ln.text for ln in read_raw(path, encoding="gbk").lines] == ["你好世界"]


def test_big5_text_is_not_silently_mojibake(tmp_path: Path) -> None:
    path = tmp_path / "big5.txt"
    text = "各鄉鎮全面完成年度目標任務，群眾滿意度明顯提高，養老服務體系進一步健全。" * 3
    path.write_bytes(text.encode("big5"))
    with pytest.raises(ReadError, match="cannot tell the text encoding"):
        read_raw(path)
    assert read_raw(path, encoding="big5").lines[0].text.startswith("各鄉鎮全面完成")


def test_wrong_encoding_override(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(REPORT.encode("gbk"))
    with pytest.raises(ReadError, match=r"cannot decode as utf-8 \(invalid bytes at offset 0\)"):
        read_raw(path, encoding="utf-8")
    with pytest.raises(ReadError, match="unknown encoding 'klingon'"):
        read_raw(path, encoding="klingon")


def test_binary_text_file(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(b"abc\x00\x01\x02" + os.urandom(64))
    with pytest.raises(ReadError, match=r"binary data \(NUL byte at offset 3\): not a text file"):
        read_raw(path)


def test_whitespace_only_text(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \r\n\t\n")
    with pytest.raises(ReadError, match="empty file"):
        read_raw(path)


def test_text_size_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text_reader, "MAX_TEXT_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_bytes(REPORT.encode("utf-8"))
    with pytest.raises(ReadError, match="text file too large"):
        read_raw(path)


# --- the shared corpus ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def lianzhou_pdf(lianzhou: Path) -> dict[str, RawDocument]:
    return {e: read_raw(lianzhou / "source.pdf", engine=e) for e in ENGINES}


def test_lianzhou_pdf(lianzhou_pdf: dict[str, RawDocument]) -> None:
    doc = lianzhou_pdf["fast"]
    assert doc.pages == 15
    texts = [ln.text for ln in doc.lines]
    assert not any(is_page_number(t) for t in texts)  # "— N —" footers gone
    heads = [ln for ln in doc.lines if "健全完善社会救助保障体系" in ln.text]
    assert [ln.text for ln in heads] == ["（一）健全完善社会救助保障体系"] and all(heads[0].bold)
    assert texts[0].startswith("2020 年以来，我局以")
    assert not any(doc.lines[0].bold)
    assert "连州市民政局" in texts[-2:]
    # No over-printed glyph survives: no line shows a character doubled 4 times in a row.
    assert not any("（（" in t or "健健" in t for t in texts)


def test_lianzhou_engines_identical(lianzhou_pdf: dict[str, RawDocument]) -> None:
    assert signature(lianzhou_pdf["fast"]) == signature(lianzhou_pdf["pdfplumber"])


def test_lianzhou_docx(lianzhou: Path) -> None:
    doc = read_raw(lianzhou / "source.docx")
    assert all(ln.para_end for ln in doc.lines)
    by_text = {ln.text: ln for ln in doc.lines}
    assert all(by_text["（一）健全完善社会救助保障体系"].bold)
    assert not any(by_text["一、工作完成情况："].bold)  # a level-1 heading that is not bold
    assert [ln.index for ln in doc.lines] == sorted(ln.index for ln in doc.lines)


def test_lianzhou_text(lianzhou: Path) -> None:
    doc = read_raw(lianzhou / "source.txt")
    assert doc.format == "text"
    assert [ln.index for ln in doc.lines] == list(range(1, len(doc.lines) + 1))
    assert sum("健全完善社会救助保障体系" in ln.text for ln in doc.lines) >= 1
    assert doc.raw.count("\n") == len(doc.lines) - 1


# --- CLI ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("make, problem", [
    (lambda p: p.write_bytes(b""), "empty file (0 bytes)"),
    (lambda p: p.write_bytes(random.Random(3).randbytes(2000)), "not a valid PDF"),
])
def test_cli_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str], make, problem: str) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("gongwen.extract.cli")
    from gongwen.cli import main

    path = tmp_path / "bad.pdf"
    make(path)
    with pytest.raises(SystemExit) as e:
        main(["clean", str(path)])
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(path) in err and problem in err
