"""Read scanned PDF pages with OCR, keeping page, box and confidence of every character.

``--ocr`` decides which pages are recognised: ``auto`` (default) a page with no text layer (a
page-sized image and almost no text) or whose text layer is mostly undecodable (``(cid:N)``
glyphs); ``always`` every page; ``never`` none.  A page with good text is never recognised in
``auto`` mode.  The recognised lines are :class:`~.raw.RawLine` objects like the PDF reader's
(see :mod:`._ocr_layout`), so cleaning, the outline and the figures run unchanged; each line
also carries the recogniser's confidence per character, which the source map keeps
(:meth:`gongwen.model.SourceMap.confidence_of`).  A figure with a digit read below
``low_confidence`` (``data/ocr.yaml``) is to be verified against the scan
(:func:`figure_confidence`, :func:`unsure_figures`).

The engine is RapidOCR (the ``rapidocr`` package on onnxruntime) with the PP-OCR Chinese
detection and recognition models its wheel ships: nothing is downloaded at run time (the
model files are given by path and checked first).  It is an optional extra: without it a scanned
PDF is refused with one line naming the extra (``pip install 'gongwen[ocr]'``).

Settings: :data:`DEFAULT` (200 dpi) and :data:`FAST` (150 dpi, smaller detection input); the
environment variables ``GONGWEN_OCR_PRESET`` (``default`` or ``fast``) and ``GONGWEN_OCR_THREADS`` (onnxruntime threads; corpus workers use one each) choose
between them.  One engine is loaded per process and kept.
"""

from __future__ import annotations

import importlib.util
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...errors import LimitError, ReadError
from . import limits
from ._ocr_layout import Fragment, page_lines, settings, wrapped_thousands
from .raw import RawLine

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

    from ...figure import Extraction, Figure
    from ...model import Document

log = logging.getLogger("gongwen.extract")

MODES: tuple[str, ...] = ("auto", "always", "never")
#: What to install for OCR.
EXTRA = "pip install 'gongwen[ocr]'"
#: Pages one document may have recognised (about 3 CPU seconds each): a 1,000-page image file
#: would otherwise hold a reader for an hour.
MAX_OCR_PAGES = 300
#: The model files of the rapidocr wheel that are used (det, rec, cls), under rapidocr/models.
MODEL_FILES = ("PP-OCRv6_det_small.onnx", "PP-OCRv6_rec_small.onnx", "ch_ppocr_mobile_v2.0_cls_mobile.onnx")


@dataclass(frozen=True)
class OcrSettings:
    """How pages are recognised: render resolution, detection input size, classifier, threads."""

    name: str = "default"
    dpi: int = 200
    det_side: int = 1280  # the longer side of the image the text detector sees (pixels)
    # The 0/180 degree line classifier: off, since it turns an upright line of a 公文 over now
    # and then (one line in a few hundred), and an upside-down scan is one of whole pages.
    use_cls: bool = False
    threads: int = 0  # onnxruntime intra-op threads; 0: its own choice (all cores)


DEFAULT = OcrSettings()
FAST = OcrSettings(name="fast", dpi=150, det_side=960)
PRESETS = {"default": DEFAULT, "fast": FAST}


def settings_from_env() -> OcrSettings:
    """The preset named by ``GONGWEN_OCR_PRESET`` with ``GONGWEN_OCR_THREADS`` threads."""
    name = os.environ.get("GONGWEN_OCR_PRESET", "default").strip().lower() or "default"
    if name not in PRESETS:
        raise ReadError(f"GONGWEN_OCR_PRESET={name!r} is not a preset: use one of {', '.join(PRESETS)}")
    threads = os.environ.get("GONGWEN_OCR_THREADS", "").strip()
    base = PRESETS[name]
    return replace(base, threads=int(threads)) if threads.isdigit() else base


def check_mode(mode: str) -> str:
    if mode not in MODES:
        raise ReadError(f"unknown OCR mode {mode!r}: use one of {', '.join(MODES)}")
    return mode


# --- the engine ----------------------------------------------------------------------------------

def _models_dir() -> Path | None:
    spec = importlib.util.find_spec("rapidocr")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "models"


def available() -> bool:
    """True when the OCR extra is installed with its models (nothing is imported)."""
    models = _models_dir()
    return (models is not None and importlib.util.find_spec("onnxruntime") is not None
            and all((models / m).is_file() for m in MODEL_FILES))


def engine_version() -> str:
    """``rapidocr 3.10.0 onnxruntime 1.32.0 PP-OCRv6_det_small.onnx:9929594 …`` or ``none``.

    Part of the extractor's fingerprint: another engine or model re-extracts a corpus.  Costs a
    few ``stat`` calls (model files are named with their size, not hashed).
    """
    if not available():
        return "none"
    from importlib.metadata import PackageNotFoundError, version

    models = _models_dir()
    assert models is not None
    parts = []
    for pkg in ("rapidocr", "onnxruntime"):
        try:
            parts.append(f"{pkg} {version(pkg)}")
        except PackageNotFoundError:
            parts.append(f"{pkg} ?")
    parts += [f"{m}:{(models / m).stat().st_size}" for m in MODEL_FILES]
    return " ".join(parts)


def fingerprint() -> str:
    """What decides OCR output: engine, models and preset (for the corpus fingerprint)."""
    try:
        preset = settings_from_env().name
    except ReadError:
        preset = "?"
    return f"{engine_version()} preset={preset}"


class _RapidEngine:
    """RapidOCR with the shipped models, one recognition call per page image."""

    def __init__(self, s: OcrSettings) -> None:
        models = _models_dir()
        if models is None or not available():
            raise ReadError(f"OCR needs the ocr extra: {EXTRA}")
        from rapidocr import RapidOCR

        threads = s.threads if s.threads > 0 else -1
        if s.threads > 0:  # OpenCV's own pool (resizing, seal masking) would use every core too
            import cv2

            cv2.setNumThreads(s.threads)
        self._ocr = RapidOCR(params={
            "Global.log_level": "error",
            "Global.use_cls": s.use_cls,
            "Global.max_side_len": 4000,
            "Det.model_path": str(models / MODEL_FILES[0]),
            "Rec.model_path": str(models / MODEL_FILES[1]),
            "Cls.model_path": str(models / MODEL_FILES[2]),
            "Det.limit_type": "max",
            "Det.limit_side_len": s.det_side,
            "EngineConfig.onnxruntime.intra_op_num_threads": threads,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
        })
        logging.getLogger("RapidOCR").setLevel(logging.ERROR)

    def __call__(self, image: np.ndarray) -> list[Fragment]:
        out: Any = self._ocr(image, return_word_box=True, return_single_char_box=True)
        txts = getattr(out, "txts", None)
        if not txts:
            return []
        words = out.word_results if out.word_results is not None and len(out.word_results) == len(txts) \
            else [()] * len(txts)
        return [Fragment(str(t), [tuple(map(float, p)) for p in box], float(score),
                         [(str(c), float(conf), [tuple(map(float, p)) for p in q]) for c, conf, q in w])
                for t, box, score, w in zip(txts, out.boxes, out.scores, words)]


_engines: dict[OcrSettings, Any] = {}


def engine(s: OcrSettings) -> Any:
    """The process's engine for settings ``s`` (loaded on first use, then kept)."""
    if s not in _engines:
        _engines[s] = _RapidEngine(s)
    return _engines[s]


def describe(s: OcrSettings) -> str:
    """Engine, models and preset, as recorded in the document's metadata."""
    return f"{engine_version()} preset={s.name} dpi={s.dpi}"


# --- reading ------------------------------------------------------------------------------------

def recognise_pages(path: str | Path, pages: Iterable[int], s: OcrSettings | None = None
                    ) -> dict[int, tuple[list[RawLine], float]]:
    """Render and recognise ``pages`` (1-based) of the PDF at ``path``.

    Returns ``{page: (lines, skew in degrees)}`` in page order.  Raises :class:`ReadError`
    (naming the extra) when OCR is not installed, or when the file cannot be rendered.
    """
    import pypdfium2 as pdfium

    from ._ocr_image import mask_seals, render

    s = s or settings_from_env()
    p = Path(path)
    todo = sorted(set(pages))
    if len(todo) > MAX_OCR_PAGES:
        raise LimitError(limits.exceeded(f"{len(todo)} pages to recognise by OCR: more pages", MAX_OCR_PAGES,
                                         "MAX_OCR_PAGES").reason, p)
    try:
        eng = engine(s)
    except ReadError as e:
        raise ReadError(e.reason, p) from None
    try:
        pdf = pdfium.PdfDocument(str(p))
    except pdfium.PdfiumError as e:
        raise ReadError(f"cannot render the PDF for OCR ({e})", p) from None
    out: dict[int, tuple[list[RawLine], float]] = {}
    try:
        for page_no in todo:
            try:
                rgb, scale, width, height = render(pdf, page_no - 1, s.dpi)
                image = mask_seals(rgb, scale * 72)
                frags = eng(image)
                _measure_strokes(image, frags)
            except ReadError:
                raise  # a limit (LimitError) names itself
            except Exception as e:  # noqa: BLE001 - a page the renderer or engine cannot take is this file's error
                raise ReadError(f"OCR failed on page {page_no} ({type(e).__name__}: {e})", p) from None
            out[page_no] = page_lines(frags, page_no, width, height, scale, (image.shape[1], image.shape[0]))
    finally:
        pdf.close()
    return out


def _measure_strokes(image: np.ndarray, frags: list[Fragment]) -> None:
    from ._ocr_image import stroke_widths

    boxes = []
    for f in frags:
        for _, _, q in f.chars:
            xs, ys = [p[0] for p in q], [p[1] for p in q]
            boxes.append((int(min(xs)), int(min(ys)), int(max(xs)) + 1, int(max(ys)) + 1))
    widths = iter(stroke_widths(image, boxes))
    for f in frags:
        measured = [next(widths) for _ in f.chars]
        if not f.strokes:  # an engine may measure them itself
            f.strokes = measured


def replace_pages(path: str | Path, lines: list[RawLine], pages: Iterable[int]
                  ) -> tuple[list[RawLine], dict[int, float], str]:
    """The PDF reader's ``lines`` with those of ``pages`` replaced by what OCR reads there.

    Returns ``(lines, {page: skew}, engine description)``.
    """
    s = settings_from_env()
    read = recognise_pages(path, pages, s)
    kept = [ln for ln in lines if ln.page not in read]
    new = [ln for page_lines_, _ in read.values() for ln in page_lines_]
    wrapped_thousands(new)  # "7，" at the foot of one page, "800元" at the head of the next
    merged = sorted(kept + new, key=lambda ln: ln.page or 0)  # stable: each page keeps its order
    return merged, {n: round(skew, 2) for n, (_, skew) in read.items()}, describe(s)


def hint(mode: str) -> str:
    """What to do about pages that need OCR but were not recognised (for one-line errors)."""
    if mode == "never":
        return "read it with --ocr auto"
    return f"OCR needs the ocr extra: {EXTRA}"


def wanted(mode: str) -> bool:
    """Whether unreadable pages are to be recognised in ``mode``: ``never`` no; ``auto`` when
    the extra is installed; ``always`` yes (a missing extra is then an error)."""
    check_mode(mode)
    return mode == "always" or (mode == "auto" and available())


# --- figures to verify -------------------------------------------------------------------------

def low_confidence() -> float:
    """The confidence below which a recognised digit is unsure (``data/ocr.yaml``)."""
    return float(settings()["low_confidence"])


def figure_confidence(doc: Document, fig: Figure) -> float | None:
    """The lowest OCR confidence among the digits of ``fig`` as written; None when not read by OCR.

    This is the figure's ``ocr_confidence``: a value under :func:`low_confidence` means
    "verify against the scan".
    """
    return doc.source.confidence_of(fig.span, settings()["digits"])


def unsure_figures(ex: Extraction) -> list[tuple[Figure, float]]:
    """The figures holding a digit OCR read with low confidence, with that confidence."""
    low = low_confidence()
    out = []
    for f in ex.figures:
        c = figure_confidence(ex.document, f)
        if c is not None and c < low:
            out.append((f, c))
    return out


# --- corpus builds -------------------------------------------------------------------------------

class OcrExtract:
    """A picklable extractor for ``corpus build --ocr MODE``: ``extract(path, ocr=MODE)``.

    Its ``repr`` is stable, so it names the extractor in the corpus fingerprint.
    """

    def __init__(self, mode: str) -> None:
        self.mode = check_mode(mode)

    def __call__(self, path: str) -> Extraction:
        from ..pipeline import extract

        return extract(path, ocr=self.mode)

    def __repr__(self) -> str:
        return f"OcrExtract({self.mode!r})"
