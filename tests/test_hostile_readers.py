"""Hostile files for the readers (issue 12): every family ends in one line and exit code 2.

Each case writes a crafted file, runs ``gongwen clean`` on it in a subprocess under a
generous CPU and address-space limit (``hostile_files.run_gongwen``), and asserts exit code
2 and a single stderr line naming the file and the problem (the limit, where one was hit).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import hostile_files as H
import pytest

from gongwen.errors import LimitError, ReadError
from gongwen.extract.readers import limits, read_raw

CASES: list[tuple[str, str, Callable[[], bytes], str]] = [
    # (id, file name, generator, words the one line must contain)
    ("ref-loop-contents", "loop.pdf", lambda: H.pdf_ref_loop("contents"), "indirect references loop (6 0 R -> 7 0 R"),
    ("ref-loop-mediabox", "loop.pdf", lambda: H.pdf_ref_loop("mediabox"), "indirect references loop"),
    ("ref-loop-root", "loop.pdf", lambda: H.pdf_ref_loop("root"), "indirect references loop (2 0 R -> 2 0 R)"),
    ("page-tree-loop", "tree.pdf", H.pdf_page_tree_loop, "no pages"),
    ("self-drawing-xobject", "forms.pdf", H.pdf_self_xobject, "MAX_PAGE_XOBJECTS"),
    ("flate-bomb", "bomb.pdf", H.pdf_flate_bomb, "MAX_STREAM_BYTES"),
    ("many-operators", "ops.pdf", H.pdf_many_operators, "MAX_PAGE_OPERATORS"),
    ("bad-mediabox", "box.pdf", H.pdf_bad_mediabox, "not a valid PDF"),
    ("docx-zip-bomb", "bomb.docx", H.docx_bomb, "MAX_DOCX_XML_BYTES"),
    ("docx-encrypted-entry", "enc.docx", lambda: H.docx_odd_zip("encrypted"), "encrypted"),
    ("docx-unknown-method", "method.docx", lambda: H.docx_odd_zip("method"), "compression method 99"),
    ("docx-zip-version", "version.docx", lambda: H.docx_odd_zip("version"), "zip file version 9.9"),
    ("text-50mb-one-line", "long.txt", lambda: H.long_line_text(50 << 20), "MAX_LINE_CHARS"),
]


@pytest.mark.parametrize("engine", ["fast", "pdfplumber"])
@pytest.mark.parametrize("name, generate, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_hostile_file_is_one_line_exit_2(tmp_path: Path, name: str, generate: Callable[[], bytes],
                                         expected: str, engine: str) -> None:
    if engine == "pdfplumber" and not name.endswith(".pdf"):
        pytest.skip("the engine only applies to PDFs")
    (tmp_path / name).write_bytes(generate())
    proc = H.run_gongwen(["clean", "--engine", engine, name], cwd=str(tmp_path))
    line = H.one_error_line(proc)
    assert proc.returncode == 2, line
    assert line.startswith(f"gongwen: error: {name}: "), line
    assert expected in line, line


def test_limits_are_not_hit_by_a_plain_file(tmp_path: Path) -> None:
    p = tmp_path / "plain.pdf"
    p.write_bytes(H.pdf_plain())
    assert read_raw(p).raw == "Annual report of the county bureau"
    d = tmp_path / "plain.docx"
    d.write_bytes(H.docx())
    assert read_raw(d).raw == H.BODY


# -- each limit, with a small value, in-process ----------------------------------------------
def test_page_operator_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "ops.pdf"
    p.write_bytes(H.pdf_many_operators(200))
    monkeypatch.setattr(limits, "MAX_PAGE_OPERATORS", 100)
    with pytest.raises(LimitError, match=r"page 1 runs more content-stream operators than the limit of 100 "):
        read_raw(p)
    monkeypatch.setattr(limits, "MAX_PAGE_OPERATORS", 1000)
    assert read_raw(p).pages == 1


def test_document_operator_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "ops.pdf"
    p.write_bytes(H.pdf_many_operators(200))
    monkeypatch.setattr(limits, "MAX_DOCUMENT_OPERATORS", 50)
    with pytest.raises(LimitError, match="MAX_DOCUMENT_OPERATORS"):
        read_raw(p)


def test_glyph_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "plain.pdf"
    p.write_bytes(H.pdf_plain())
    monkeypatch.setattr(limits, "MAX_PAGE_GLYPHS", 10)
    with pytest.raises(LimitError, match="page 1 draws more glyphs than the limit of 10 "):
        read_raw(p)


def test_inflate_ratio_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "ratio.pdf"
    p.write_bytes(H.pdf_flate_bomb(4 << 20))
    monkeypatch.setattr(limits, "RATIO_FLOOR", 1 << 20)
    with pytest.raises(LimitError, match="inflates more than 500-fold") as e:
        read_raw(p)
    assert e.value.path == str(p)


def test_inflated_total_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "plain.pdf"
    p.write_bytes(H.pdf_plain(flate=True))
    monkeypatch.setattr(limits, "MAX_INFLATED_BYTES", 10)
    with pytest.raises(LimitError, match="MAX_INFLATED_BYTES"):
        read_raw(p)


def test_corrupt_checksum_keeps_what_inflates(tmp_path: Path) -> None:
    """pdfminer's fallback for a bad zlib checksum, made linear, still reads the stream."""
    data = H.pdf_plain(flate=True)
    import zlib

    good = zlib.compress(H._TEXT, 9)
    bad = good[:-4] + bytes(b ^ 0xFF for b in good[-4:])
    p = tmp_path / "crc.pdf"
    p.write_bytes(data.replace(good, bad))
    assert read_raw(p).raw == "Annual report of the county bureau"


def test_reference_chain_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox 6 0 R /Contents 5 0 R >>", b"<< >>", b"<< /Length 0 >>\nstream\n\nendstream"]
    objs += [b"%d 0 R" % (i + 1) for i in range(6, 16)] + [b"[0 0 612 792]"]
    p = tmp_path / "chain.pdf"
    p.write_bytes(H.pdf(objs))
    monkeypatch.setattr(limits, "MAX_REFERENCE_CHAIN", 5)
    with pytest.raises(LimitError, match="MAX_REFERENCE_CHAIN"):
        read_raw(p)


def test_docx_ratio_and_entry_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "r.docx"
    p.write_bytes(H.docx_bomb(8 << 20))
    with pytest.raises(LimitError, match="zip entry word/document.xml of [0-9,]+ bytes inflates more than 500-fold"):
        read_raw(p)
    q = tmp_path / "ok.docx"
    q.write_bytes(H.docx())
    monkeypatch.setattr(limits, "MAX_DOCX_PARTS", 2)
    with pytest.raises(LimitError, match="the zip holds 3 entries, more than the limit of 2"):
        read_raw(q)


def test_character_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "t.txt"
    p.write_text("一二三四五六七八九十\n" * 5, encoding="utf-8")
    monkeypatch.setattr(limits, "MAX_LINE_CHARS", 9)
    with pytest.raises(LimitError, match="line 1 has 10 characters, more than the limit of 9 per line"):
        read_raw(p)
    monkeypatch.setattr(limits, "MAX_LINE_CHARS", 100)
    monkeypatch.setattr(limits, "MAX_DOCUMENT_CHARS", 30)
    with pytest.raises(LimitError, match="MAX_DOCUMENT_CHARS"):
        read_raw(p)
    d = tmp_path / "d.docx"
    d.write_bytes(H.docx([H.BODY] * 3))
    with pytest.raises(LimitError, match="MAX_DOCUMENT_CHARS") as e:
        read_raw(d)
    assert e.value.path == str(d) and isinstance(e.value, ReadError)


# -- usage errors are one line too -----------------------------------------------------------
@pytest.mark.parametrize("args, expected", [
    (["check", "adir"], "'adir' is a directory"),
    (["render", "adir"], "'adir' is a directory"),
    (["draft", "adir", "--skeleton"], "'adir' is a directory"),
    (["clean", "adir"], "adir: not a regular file"),
    (["clean", "r.txt", "--encoding", "rot13"], "'rot13' is not a text encoding"),
    (["clean", "r.txt", "--encoding", "nonesuch"], "unknown encoding 'nonesuch'"),
    (["extract"], "Missing argument 'FILE'"),
], ids=["check-dir", "render-dir", "draft-dir", "clean-dir", "rot13", "unknown-encoding", "missing-arg"])
def test_usage_errors_are_one_line(tmp_path: Path, args: list[str], expected: str) -> None:
    (tmp_path / "adir").mkdir()
    (tmp_path / "r.txt").write_text(H.BODY, encoding="utf-8")
    proc = H.run_gongwen(args, cwd=str(tmp_path))
    line = H.one_error_line(proc)
    assert proc.returncode == 2 and line.startswith("gongwen: error: ") and expected in line, line


# -- UTF-16 without a byte-order mark: detected within the plausibility check -----------------
UTF16_REPORT = ("青溪县民政局2024年工作总结\n一、基本情况\n全年发放城乡低保资金1200万元，惠及困难群众3000人，"
                "比上年增长5.2%。\n二、下一步打算\n一是完善分层分类社会救助体系。\n")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read(tmp_path: Path, encoding: str) -> None:
    data = UTF16_REPORT.encode(encoding)
    assert not data.startswith((b"\xff\xfe", b"\xfe\xff")) and b"\x00" in data
    (tmp_path / "r.txt").write_bytes(data)
    proc = H.run_gongwen(["clean", "r.txt"], cwd=str(tmp_path))
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode("utf-8")
    assert "全年发放城乡低保资金1200万元，惠及困难群众3000人，比上年增长5.2%。" in out
    assert "一、基本情况" in out and "二、下一步打算" in out


@pytest.mark.parametrize("data", [
    "Annual report of the county bureau, 2024.\n".encode("utf-16-le") * 5,  # UTF-16, but not Chinese
    bytes(range(256)) * 8,
    UTF16_REPORT.encode("utf-16-le")[:-1],  # odd length
], ids=["utf16-english", "binary", "utf16-odd-length"])
def test_nul_bytes_that_are_not_chinese_utf16_are_one_line(tmp_path: Path, data: bytes) -> None:
    (tmp_path / "r.txt").write_bytes(data)
    proc = H.run_gongwen(["clean", "r.txt"], cwd=str(tmp_path))
    line = H.one_error_line(proc)
    assert proc.returncode == 2 and line.startswith("gongwen: error: r.txt: binary data (NUL byte at offset"), line


# -- a scanned page declaring a huge image: refused from its declared size, before decoding -----
def test_huge_scan_is_refused_before_decoding(tmp_path: Path) -> None:
    """How OCR applies ``MAX_IMAGE_PIXELS``: each image object's declared pixel size (pypdfium2
    reads it from the image dictionary, nothing is decoded) is checked before the page is rendered."""
    pdfium = pytest.importorskip("pypdfium2")
    import pypdfium2.raw as pdfium_c

    p = tmp_path / "scan.pdf"
    p.write_bytes(H.pdf_huge_scan())
    assert p.stat().st_size < 1000
    pdf = pdfium.PdfDocument(str(p))
    try:
        page = pdf[0]
        sizes = [obj.get_px_size() for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])]
        page.close()
    finally:
        pdf.close()
    assert sizes == [(100_000, 100_000)]
    with pytest.raises(LimitError, match=r"page 1 has an image of 100,000 × 100,000 pixels, more than the limit "
                                         r"of 100,000,000 pixels \(MAX_IMAGE_PIXELS\)"):
        for w, h in sizes:
            limits.check_image_pixels(w, h, "page 1")
    limits.check_image_pixels(4961, 7016, "page 1")  # A4 scanned at 600 dpi passes
