"""OCR with the real engine on scans made from the bundled samples (issue 14).

Pages of the samples are rendered to images (fixed seeds), one report clean and one degraded
like a photocopy (rotated 1.5°, blurred, speckled, JPEG, a red seal over the date), wrapped as
image-only PDFs and read back in ``auto`` mode.  Against each sample's text layer and gold:
character error rate ≤ 1 %, figure recall and precision ≥ 0.98, headings recall ≥ 0.95.
The photocopy is the sample with the hardest characters (full-width digits, ℅) and a table;
with the clean report and the (cid:N) page, 7 pages of OCR, each page rendered once: ~12 s on
two idle cores.  Needs the ``ocr`` extra (``make test`` installs it); on CI a missing extra
fails instead of skipping.
"""

from __future__ import annotations

import importlib.util
import json
import os
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from conftest import SAMPLES
from fixtures.scans import CLEAN, PHOTOCOPY, SEAL_WORDS, Degrade, cid_layer_pdf, render, scanned_sample

from gongwen.errors import ReadError
from gongwen.extract.pipeline import extract
from gongwen.extract.readers import ocr, read_raw
from gongwen.figure import Extraction

if not ocr.available():
    if os.environ.get("CI"):
        raise RuntimeError("the ocr extra is not installed: the Makefile's venv must install .[ocr]")
    pytest.skip("the ocr extra is not installed (pip install -e '.[ocr]')", allow_module_level=True)

SCANS: dict[str, tuple[str, Degrade]] = {
    "clean": ("qingxi-2023", CLEAN),
    "photocopy": ("nanping-2022", PHOTOCOPY),  # three pages, full-width digits, a table, a red seal over the date
}


def _cjk_renders() -> bool:
    """The samples use a non-embedded CJK font (STSong-Light): pdfium draws it with a system CJK
    font (fonts-noto-cjk), without one the pages render nearly blank."""
    import numpy as np

    page = render(SAMPLES / "qingxi-2023" / "qingxi-2023.pdf", 50)[0]
    return float((np.asarray(page.convert("L")) < 128).mean()) > 0.015


def _need_cjk_font() -> None:
    if not _cjk_renders():
        if os.environ.get("CI"):
            raise RuntimeError("no CJK font to render the samples: install fonts-noto-cjk")
        pytest.skip("no CJK font to render the samples (fonts-noto-cjk)")


@pytest.fixture(scope="module")
def scans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, Path, Extraction]]:
    _need_cjk_font()
    tmp = tmp_path_factory.mktemp("scans")
    out = {}
    for key, (name, how) in SCANS.items():
        pdf = scanned_sample(SAMPLES / name / f"{name}.pdf", tmp / f"{name}-{key}.pdf", how, seed=14)
        out[key] = (name, pdf, extract(pdf))
    return out


def _fold(s: str) -> str:
    """Characters compared for the error rate: no blanks; full-width digits and ℅ as the cleaner reads them."""
    s = "".join(c for c in s if not c.isspace()).replace("℅", "%")
    return "".join(unicodedata.normalize("NFKC", c) if "０" <= c <= "９" else c for c in s)


def _edits(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        prev = cur
    return prev[-1]


@pytest.mark.parametrize("key", SCANS)
def test_character_error_rate(key: str, scans: dict[str, tuple[str, Path, Extraction]]) -> None:
    name, _, ex = scans[key]
    truth = read_raw(SAMPLES / name / f"{name}.pdf", ocr="never")
    src = ex.document.source
    edits = chars = 0
    for page in range(1, (truth.pages or 0) + 1):
        want = _fold("".join(ln.text for ln in truth.lines if ln.page == page))
        got = _fold("".join(src.raw[ln.start:ln.end] for ln in src.lines if ln.page == page))
        edits += _edits(got, want)
        chars += len(want)
    assert chars > 900
    assert edits / chars <= 0.01, f"CER {edits / chars:.4f} ({edits} of {chars})"


def _scorer() -> Any:
    shared = Path(os.environ.get("GONGWEN_SHARED") or Path(__file__).resolve().parents[2] / "shared")
    path = shared if shared.is_absolute() else Path(__file__).resolve().parents[1] / shared
    path = path / "eval" / "score.py"
    if not path.exists():
        pytest.skip("the shared scorer (shared/eval/score.py) is needed")
    spec = importlib.util.spec_from_file_location("gw_score_ocr", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("key", SCANS)
def test_figures_and_headings_against_gold(key: str, scans: dict[str, tuple[str, Path, Extraction]],
                                           tmp_path: Path) -> None:
    name, _, ex = scans[key]
    out = tmp_path / "pred.json"
    out.write_text(json.dumps(ex.to_json(), ensure_ascii=False), encoding="utf-8")
    s = _scorer().score(str(out), str(SAMPLES / name / f"{name}.gold"))
    assert s["recall"] >= 0.98 and s["precision"] >= 0.98, (s["missed"], s["extra"])
    assert s["headings"]["recall"] >= 0.95, s["headings"]["missed"]


def test_photocopy_page_furniture_seal_and_skew(scans: dict[str, tuple[str, Path, Extraction]]) -> None:
    _, _, ex = scans["photocopy"]
    doc = ex.document
    md = doc.metadata
    assert md.ocr_pages == (1, 2, 3) and md.ocr_engine and md.ocr_engine.startswith("rapidocr ")
    assert md.ocr_skew is not None and all(abs(a + 1.5) < 0.3 for a in md.ocr_skew)  # rotated 1.5° left
    assert md.title == "南屏区人力资源和社会保障局2022年工作总结及2023年工作思路"
    assert (md.issuer, md.date) == ("南屏区人力资源和社会保障局", "2022-12-26")  # read through the seal
    pairs = {SEAL_WORDS[i:i + 2] for i in range(len(SEAL_WORDS) - 1)}
    assert not {p for p in pairs if p in doc.text}  # the seal is not text
    assert doc.text.rstrip().endswith("南屏区人力资源和社会保障局\n2022年12月26日")  # signature last, no page numbers
    assert len(doc.tables) == 1 and len(doc.tables[0].cells) == 5


def test_cid_layer_recognised_in_auto_mode(tmp_path: Path) -> None:
    _need_cjk_font()
    sample = SAMPLES / "qingxi-2023" / "qingxi-2023.pdf"
    last = render(sample)[-1]  # the signature page (rendered once for the clean scan too)
    path = cid_layer_pdf(last, tmp_path / "cid.pdf", (595.2756, 841.8898))
    with pytest.raises(ReadError, match="no Unicode mapping"):  # the layer is (cid:N) glyphs
        read_raw(path, ocr="never")
    raw = read_raw(path)
    assert list(raw.ocr_pages) == [1]
    truth = [ln.text for ln in read_raw(sample, ocr="never").lines if ln.page == 3]
    assert [ln.text for ln in raw.lines] == truth


def test_a_corpus_worker_recognises_with_one_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """``--jobs N`` uses N cores: each worker's onnxruntime sessions and OpenCV run one thread."""
    import signal

    import cv2
    import numpy as np

    from gongwen.corpora import worker

    monkeypatch.setenv("GONGWEN_OCR_THREADS", "")  # recorded, so the value init_worker sets is undone
    monkeypatch.delenv("GONGWEN_OCR_THREADS")
    monkeypatch.setattr(worker, "_state", {})
    monkeypatch.setattr(ocr, "_engines", {})
    sigint = signal.getsignal(signal.SIGINT)
    try:
        worker.init_worker("gongwen.extract.pipeline:extract")  # what a pool or Dask worker runs first
    finally:
        signal.signal(signal.SIGINT, sigint)
    settings = ocr.settings_from_env()
    assert settings.threads == 1
    eng = ocr.engine(settings)
    eng(np.full((48, 320, 3), 255, np.uint8))  # loads the detector
    sessions = [m.session.session for m in (eng._ocr.text_det, eng._ocr.text_rec, eng._ocr.text_cls)
                if m is not None]
    assert sessions and all(s.get_session_options().intra_op_num_threads == 1 for s in sessions)
    assert cv2.getNumThreads() == 1
