"""OCR of scanned pages (issue 14), without the engine: which pages are sent to OCR, what the
reader makes of what an engine recognised (order, skew, tables, bold, marks, confidences), seals,
errors without the extra, the corpus hooks.  tests/test_ocr_samples.py runs the real engine."""

from __future__ import annotations

import math
import pickle
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from conftest import SAMPLES
from fixtures.reader_docs import garbled_pdf, scanned_pdf

from gongwen.errors import ReadError
from gongwen.extract.pipeline import build_document, extract
from gongwen.extract.readers import ocr, read_raw
from gongwen.extract.readers._ocr_image import mask_seals, stroke_widths
from gongwen.extract.readers._ocr_layout import Fragment, normalise_marks, page_lines
from gongwen.model import Document

SAMPLE_PDFS = sorted(SAMPLES.glob("*/*.pdf"))
SCALE = 200 / 72  # pixels per point of the stub "scans"
A4 = (595.28, 841.89)


# -- a stub engine: fragments laid out like a 公文 page, in pixels --------------------------------------
def frag(text: str, x: float, y: float, size: float = 16, conf: dict[int, float] | None = None,
         stroke: float = 3.0, bold_to: int = 0, angle: float = 0.0) -> Fragment:
    """A recognised line starting at (x, y) points, one character per ``size`` points (ASCII half),
    rotated by ``angle`` degrees about the page centre; ``conf``: confidences by character index."""
    s = SCALE
    cx, cy = A4[0] * s / 2, A4[1] * s / 2
    t = math.radians(angle)

    def rot(px: float, py: float) -> tuple[float, float]:
        dx, dy = px - cx, py - cy
        return (cx + dx * math.cos(t) - dy * math.sin(t), cy + dx * math.sin(t) + dy * math.cos(t))

    def quad(x0: float, x1: float) -> list[tuple[float, float]]:
        return [rot(x0 * s, y * s), rot(x1 * s, y * s), rot(x1 * s, (y + size) * s), rot(x0 * s, (y + size) * s)]

    chars, strokes, pos = [], [], x
    for i, ch in enumerate(text):
        w = size if ord(ch) > 0x2E80 else size / 2
        if ch != " ":
            chars.append((ch, (conf or {}).get(i, 0.999), quad(pos + 0.05 * w, pos + 0.9 * w)))
            strokes.append(stroke * (1.4 if i < bold_to else 1.0) * size / 16)
        pos += w
    return Fragment(text, quad(x, pos), 0.99, chars, strokes)


REPORT = [
    frag("桃源乡2024年工作总结", 170, 110, size=22),
    frag("2024年，全乡上下坚持稳中求进，各项工作取得新进展。", 106, 170),
    frag("一、主要工作", 106, 200),
    frag("(一)道路建设。全乡新建道路12.5公里，投入资金3,280万元。", 106, 230, bold_to=8, conf={28: 0.42}),
    frag("桃源乡人民政府", 380, 700),
    frag("2024年12月20日", 372, 730),
    frag("一1一", 280, 790),  # the page number, its dashes read as 一
]


class StubEngine:
    def __init__(self, pages: dict[int, list[Fragment]] | None = None) -> None:
        self.calls = 0
        self.pages = pages

    def __call__(self, image: np.ndarray) -> list[Fragment]:
        self.calls += 1
        return list(self.pages.get(self.calls, []) if self.pages else REPORT)


@pytest.fixture
def stub(monkeypatch: pytest.MonkeyPatch) -> StubEngine:
    eng = StubEngine()
    monkeypatch.setattr(ocr, "available", lambda: True)
    monkeypatch.setattr(ocr, "engine", lambda s: eng)
    monkeypatch.setattr(ocr, "engine_version", lambda: "stub 1.0")
    return eng


# -- which pages go to OCR -------------------------------------------------------------------------------
@pytest.mark.parametrize("pdf", SAMPLE_PDFS, ids=lambda p: p.name)
def test_good_pdf_never_sent_to_ocr(pdf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*a: Any, **k: Any) -> Any:
        raise AssertionError("a page with a good text layer was sent to OCR")

    monkeypatch.setattr(ocr, "available", lambda: True)
    monkeypatch.setattr(ocr, "recognise_pages", refuse)
    doc = read_raw(pdf, ocr="auto")
    assert doc.ocr_pages == {} and doc.ocr_engine is None
    assert all(ln.confidence is None for ln in doc.lines)


def test_cid_text_layer_is_recognised_in_auto_mode(tmp_path: Path, stub: StubEngine) -> None:
    path = garbled_pdf(tmp_path / "cid.pdf")
    doc = read_raw(path)
    assert stub.calls == 1 and doc.ocr_pages == {1: 0.0}
    assert [ln.text for ln in doc.lines][:3] == ["桃源乡2024年工作总结", "2024年，全乡上下坚持稳中求进，各项工作取得新进展。",
                                                "一、主要工作"]
    with pytest.raises(ReadError, match=r"text layer is garbled .*read it with --ocr auto"):
        read_raw(path, ocr="never")


def test_scanned_pages_only_and_always_mode(tmp_path: Path, stub: StubEngine) -> None:
    path = scanned_pdf(tmp_path / "mixed.pdf", pages=2, text_page=True)
    doc = read_raw(path)
    assert set(doc.ocr_pages) == {2, 3} and stub.calls == 2
    assert [ln.page for ln in doc.lines] == sorted(ln.page for ln in doc.lines)
    assert {ln.page for ln in doc.lines if ln.confidence is None} == {1}  # the text page as it was
    doc = read_raw(path, ocr="always")
    assert set(doc.ocr_pages) == {1, 2, 3}


def test_pages_to_recognise_are_limited(tmp_path: Path, stub: StubEngine, monkeypatch: pytest.MonkeyPatch) -> None:
    from gongwen.errors import LimitError

    monkeypatch.setattr(ocr, "MAX_OCR_PAGES", 2)
    path = scanned_pdf(tmp_path / "scan.pdf", pages=3)
    with pytest.raises(LimitError) as e:
        read_raw(path)
    assert str(e.value) == (f"{path}: 3 pages to recognise by OCR: more pages than the limit of 2 (MAX_OCR_PAGES): "
                            "the file is too large or too complex to read")
    assert stub.calls == 0


def test_huge_scan_refused_before_rendering(tmp_path: Path, stub: StubEngine) -> None:
    import hostile_files as H

    from gongwen.errors import LimitError

    path = tmp_path / "huge.pdf"
    path.write_bytes(H.pdf_huge_scan())
    with pytest.raises(LimitError, match=r"huge.pdf: page 1 has an image of 100,000 × 100,000 pixels, more than "
                                         r"the limit of 100,000,000 pixels \(MAX_IMAGE_PIXELS\)"):
        read_raw(path)
    assert stub.calls == 0


def test_unknown_mode(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="unknown OCR mode 'sometimes'"):
        read_raw(SAMPLE_PDFS[0], ocr="sometimes")


# -- without the extra -------------------------------------------------------------------------------------
def test_without_extra_a_scan_names_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    from gongwen.cli import main

    monkeypatch.setattr(ocr, "available", lambda: False)
    monkeypatch.setattr(ocr, "_engines", {})  # none loaded by an earlier test either
    path = scanned_pdf(tmp_path / "scan.pdf", pages=2)
    want = (f"{path}: no text layer on pages 1-2: this looks like a scanned PDF; "
            "OCR needs the ocr extra: pip install 'gongwen[ocr]'")
    with pytest.raises(ReadError) as e:
        read_raw(path)
    assert str(e.value) == want
    with pytest.raises(ReadError, match=r"^.*scan.pdf: OCR needs the ocr extra: pip install 'gongwen\[ocr\]'$"):
        read_raw(path, ocr="always")
    with pytest.raises(SystemExit) as ex:
        main(["clean", str(path)])
    assert ex.value.code == 2
    assert capsys.readouterr().err.strip().splitlines() == [f"gongwen: error: {want}"]


# -- what the reader makes of the engine's fragments ---------------------------------------------------------
def test_recognised_page_reads_like_a_pdf_page(tmp_path: Path, stub: StubEngine) -> None:
    path = scanned_pdf(tmp_path / "scan.pdf", pages=1)
    raw = read_raw(path)
    texts = [ln.text for ln in raw.lines]
    assert texts == ["桃源乡2024年工作总结", "2024年，全乡上下坚持稳中求进，各项工作取得新进展。", "一、主要工作",
                     "（一）道路建设。全乡新建道路12.5公里，投入资金3,280万元。", "桃源乡人民政府", "2024年12月20日"]
    lead = raw.lines[3]
    assert lead.bold[:8] == [True] * 8 and not any(lead.bold[8:])  # the run-in lead, from stroke widths
    assert lead.confidence is not None and lead.confidence[28] == 0.42 and lead.text[28] == "8"
    assert lead.boxes is not None and lead.boxes[0][0] == pytest.approx(106, abs=0.5)
    doc = build_document(raw)
    assert doc.metadata.ocr_pages == (1,) and doc.metadata.ocr_engine.startswith("stub 1.0 preset=default")
    assert doc.metadata.issuer == "桃源乡人民政府" and doc.metadata.date == "2024-12-20"
    assert [h.title for h in doc.headings] == ["主要工作", "道路建设"]
    again = Document.from_json(doc.to_json())
    assert again.source.lines == doc.source.lines and again.metadata == doc.metadata


def test_low_confidence_digit_flags_its_figure(tmp_path: Path, stub: StubEngine) -> None:
    ex = extract(scanned_pdf(tmp_path / "scan.pdf", pages=1))
    by_text = {f.as_written: f for f in ex.figures}
    money = next(f for w, f in by_text.items() if "3,280" in w)
    road = next(f for w, f in by_text.items() if "12.5" in w)
    assert ocr.figure_confidence(ex.document, money) == pytest.approx(0.42)
    assert ocr.figure_confidence(ex.document, road) == pytest.approx(0.999)
    assert [f.as_written for f, _ in ocr.unsure_figures(ex)] == [money.as_written]
    text_doc = extract(SAMPLES / "qingxi-2021" / "qingxi-2021.txt")
    assert ocr.figure_confidence(text_doc.document, text_doc.figures[0]) is None


def test_skewed_page_lines_level_and_in_order() -> None:
    lines = [frag("青溪县民政局工作总结", 170, 110, size=22, angle=2.0)]
    lines += [frag("全县各项民政工作稳步推进，困难群众基本生活得到保障。", 106 if i % 3 == 0 else 74, 160 + 28 * i,
                   angle=2.0) for i in range(20)]
    lines += [frag("青溪县民政局", 380, 740, angle=2.0), frag("-3-", 285, 800, angle=2.0)]
    out, skew = page_lines(lines[::-1], 1, *A4, SCALE, (round(A4[0] * SCALE), round(A4[1] * SCALE)))
    assert skew == pytest.approx(2.0, abs=0.05)
    assert [ln.text for ln in out][0] == "青溪县民政局工作总结" and out[-1].text == "青溪县民政局"
    assert len(out) == 22  # every line whole (none interleaved), the page number dropped
    lefts = sorted({round(ln.boxes[0][0]) for ln in out[1:-1] if ln.boxes})
    assert lefts == [74, 106]  # indents line up again


def test_number_wrapped_over_a_line_end_keeps_its_comma() -> None:
    frags = [frag("全县共有低保对象3，", 106, 200), frag("215户，其中城镇低保412户。", 74, 228),
             frag("比上年增加9，", 106, 300), frag("全部纳入管理。", 74, 328)]
    out, _ = page_lines(frags, 1, *A4, SCALE, (1654, 2339))
    assert [ln.text for ln in out] == ["全县共有低保对象3,", "215户，其中城镇低保412户。", "比上年增加9，", "全部纳入管理。"]


def test_table_rows_become_cells() -> None:
    rows = [[("项目", 100), ("2022年", 220), ("2023年", 330), ("增减", 450)],
            [("城乡低保金", 100), ("2,596.8", 220), ("2,718.4", 330), ("121.6", 450)]]
    frags = [frag(t, x, 300 + 24 * r, size=12) for r, row in enumerate(rows) for t, x in row]
    frags.append(frag("全年各项民政资金拨付及时。", 106, 270))
    out, _ = page_lines(frags, 1, *A4, SCALE, (1654, 2339))
    assert [ln.kind for ln in out] == ["text", "table_row", "table_row"]
    assert out[2].text == "城乡低保金\t2,596.8\t2,718.4\t121.6"
    assert [out[2].text[a:b] for a, b in out[2].cells or []] == ["城乡低保金", "2,596.8", "2,718.4", "121.6"]


@pytest.mark.parametrize("seen, want", [
    ("(1)城乡低保标准。", "（1）城乡低保标准。"),
    ("对象3，215户", "对象3,215户"),
    ("共9，", "共9，"),  # the number may go on on the next line: decided there
    ("全年1,936人, 比上年", "全年1,936人， 比上年"),
    ("不足40%;二是", "不足40%；二是"),
    ("时间:10:30", "时间：10:30"),
    ("1万一2万元，1000一3000元", "1万—2万元，1000—3000元"),
    ("一是加强", "一是加强"),
    ("(GDP)增长", "（GDP）增长"),
    ("Page 3 (draft)", "Page 3 (draft)"),
], ids=lambda s: s)
def test_marks(seen: str, want: str) -> None:
    assert "".join(normalise_marks(list(seen))) == want


# -- the image --------------------------------------------------------------------------------------------------
def test_seal_removed_black_ink_under_it_kept() -> None:
    import cv2

    img = np.full((900, 900, 3), 250, np.uint8)
    cv2.rectangle(img, (150, 440), (750, 452), (0, 0, 0), -1)  # a line of black "text" through the seal
    cv2.rectangle(img, (100, 100), (800, 106), (200, 30, 30), -1)  # a red rule (letterhead): not a seal
    seal = np.full_like(img, 255)
    cv2.circle(seal, (450, 450), 160, (210, 40, 40), 10)
    cv2.circle(seal, (450, 450), 40, (210, 40, 40), -1)  # the star
    img = (img.astype(np.float32) * seal / 255).astype(np.uint8)  # seal ink over the text
    gray = mask_seals(img, 200)
    assert gray[450 - 160, 450] > 200 and gray[470, 450] > 200  # ring and star gone
    assert gray[446, 450] < 60 and gray[446, 200] < 60  # the text under the star and beside it stays
    assert gray[103, 400] < 150  # the red rule is no seal


def test_stroke_widths_tell_bold() -> None:
    img = np.full((100, 200), 255, np.uint8)
    for x in range(10, 90, 10):
        img[10:90, x:x + 3] = 0
    for x in range(110, 190, 12):
        img[10:90, x:x + 5] = 0
    thin, thick = stroke_widths(img, [(0, 0, 100, 100), (100, 0, 200, 100)])
    assert thick / thin == pytest.approx(5 / 3, rel=0.15)


# -- the corpus hooks -----------------------------------------------------------------------------------------
def test_corpus_extractor_is_picklable_and_named_stably() -> None:
    from gongwen.corpora.worker import spec_name

    ex = pickle.loads(pickle.dumps(ocr.OcrExtract("never")))
    assert ex.mode == "never"
    assert spec_name(ex) == "gongwen.extract.readers.ocr:OcrExtract('never')"
    with pytest.raises(ReadError):
        ocr.OcrExtract("maybe")


def test_engine_and_models_in_the_fingerprint(monkeypatch: pytest.MonkeyPatch) -> None:
    from gongwen.corpora.worker import pipeline_version

    before = pipeline_version()
    monkeypatch.setattr(ocr, "engine_version", lambda: "rapidocr 9.9 PP-OCRv9_rec.onnx:1")
    assert pipeline_version() != before
    monkeypatch.setenv("GONGWEN_OCR_PRESET", "fast")
    fast = pipeline_version()
    assert fast != before
    monkeypatch.setenv("GONGWEN_OCR_THREADS", "3")
    assert pipeline_version() == fast  # threads change the speed, not the text
    assert ocr.settings_from_env() == ocr.OcrSettings(name="fast", dpi=150, det_side=960, threads=3)


def test_corpus_records_the_pages_ocr_read(tmp_path: Path, stub: StubEngine) -> None:
    """``documents.ocr_pages`` (a JSON array) and ``ocr_engine``: set for the scanned pages only,
    NULL for a PDF with a good text layer; exported to CSV and Parquet with the documents."""
    import csv
    import io
    import sqlite3

    from gongwen.corpora import export, schema
    from gongwen.corpora.build import write_document
    from gongwen.corpora.worker import rows_of

    scan = scanned_pdf(tmp_path / "scan.pdf", pages=2, text_page=True)  # page 1 has text, 2-3 are images
    db = tmp_path / "c.sqlite"
    conn = schema.connect(db, create=True)
    for path in (scan, SAMPLE_PDFS[0]):
        write_document(conn, {"path": str(path), "status": "ok", **rows_of(extract(path))})
    conn.close()
    conn = sqlite3.connect(db)
    rows = dict((Path(p).name, (pages, eng)) for p, pages, eng in
                conn.execute("SELECT path, ocr_pages, ocr_engine FROM documents"))
    assert rows[SAMPLE_PDFS[0].name] == (None, None)
    pages, eng = rows["scan.pdf"]
    assert pages == "[2,3]" and eng.startswith("stub 1.0 preset=default")
    assert conn.execute("SELECT group_concat(j.value) FROM documents d, json_each(d.ocr_pages) j").fetchone() == ("2,3",)
    conn.close()
    table = list(csv.DictReader(io.StringIO(str(export(db, "csv", table="documents")))))
    assert {Path(r["path"]).name: r["ocr_pages"] for r in table} == {"scan.pdf": "[2,3]", SAMPLE_PDFS[0].name: ""}
    pq = pytest.importorskip("pyarrow.parquet")
    export(db, "parquet", tmp_path / "pq")
    docs = pq.read_table(tmp_path / "pq" / "documents.parquet").to_pylist()
    assert sorted((Path(r["path"]).name, r["ocr_pages"]) for r in docs) == sorted(
        [("scan.pdf", "[2,3]"), (SAMPLE_PDFS[0].name, None)])


def test_ocr_option_on_the_reading_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from gongwen.cli import main

    path = scanned_pdf(tmp_path / "scan.pdf", pages=1)
    for cmd in ("clean", "outline", "extract"):
        with pytest.raises(SystemExit) as ex:
            main([cmd, "--ocr", "never", str(path)])
        assert ex.value.code == 2
        assert capsys.readouterr().err.strip().endswith("this looks like a scanned PDF; read it with --ocr auto")


def test_corpus_build_passes_the_ocr_mode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from gongwen.cli import main

    folder = tmp_path / "in"
    folder.mkdir()
    scanned_pdf(folder / "scan.pdf", pages=1)
    with pytest.raises(SystemExit) as ex:
        main(["corpus", "build", str(folder), "-o", str(tmp_path / "c.sqlite"), "--jobs", "1", "--ocr", "never",
              "--progress", "off"])
    assert ex.value.code == 1
    assert "scan.pdf: no text layer on pages 1: this looks like a scanned PDF; read it with --ocr auto" \
        in capsys.readouterr().err
