"""Page images for OCR: render a PDF page within a pixel budget, remove red seals.

A 公文 is signed with a red seal (公章) stamped over the issuer and the date.  Its ring, star
and arc of characters would be read as text, and its ink lies on the date's digits.  Before
recognition, every red blob about as wide as high and at least a seal's size is whitened;
black ink under it stays (a pixel where red and black overlap is dark, not red), and red text
that is not seal-shaped (a red letterhead) is kept.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from . import limits
from ._ocr_layout import settings

#: Pixels one rendered page may have (A4 at 200 dpi has 3.9 million; a poster-sized page is
#: rendered at a lower resolution instead of taking gigabytes).
MAX_PAGE_PIXELS = 16_000_000


def render(pdf: Any, index: int, dpi: int) -> tuple[np.ndarray, float, float, float]:
    """Page ``index`` (0-based) of a pypdfium2 document as an RGB array.

    Every image on the page is held to ``limits.MAX_IMAGE_PIXELS`` first (LimitError).

    Returns ``(image, scale, width, height)``: pixels per PDF point and the page size in points.
    """
    import pypdfium2.raw as pdfium_c

    page = pdf[index]
    try:
        for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
            # the declared size, read before anything is decoded (a 1 kB file can declare 10^10 pixels)
            px_width, px_height = obj.get_px_size()
            limits.check_image_pixels(px_width, px_height, f"page {index + 1}")
        width, height = page.get_size()
        scale = dpi / 72
        if width * height * scale * scale > MAX_PAGE_PIXELS:
            scale = math.sqrt(MAX_PAGE_PIXELS / max(width * height, 1.0))
        image = page.render(scale=scale).to_pil().convert("RGB")
    finally:
        page.close()
    return np.asarray(image), scale, float(width), float(height)


def mask_seals(rgb: np.ndarray, dpi: float) -> np.ndarray:
    """The page in grey with red seal-shaped blobs whitened (see the module docstring)."""
    import cv2

    gray: np.ndarray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    seal = settings()["seal"]
    r = rgb[..., 0].astype(np.int16)
    other = np.maximum(rgb[..., 1], rgb[..., 2]).astype(np.int16)
    excess = r - other
    red = (r >= seal["min_red"]) & (excess >= seal["red_over_other"])
    min_px = seal["min_diameter_cm"] / 2.54 * dpi
    if int(red.sum()) < 0.02 * min_px * min_px:
        return gray
    k = max(3, int(dpi * 0.25 / 2.54))  # join the strokes of one seal, across the black text over it
    blobs = cv2.dilate(red.astype(np.uint8), np.ones((k, k), np.uint8))
    n, _, stats, _ = cv2.connectedComponentsWithStats(blobs, connectivity=8)
    faint = excess >= seal["red_over_other"] // 2
    for i in range(1, n):
        x, y, w, h = (int(v) for v in stats[i, :4])
        if min(w, h) < min_px or max(w, h) > seal["max_aspect"] * min(w, h):
            continue
        # The whole box of the ring: its star and characters are blobs of their own inside it.
        # A reddish pixel is seen through the red channel, where red ink is light and the black
        # ink of the date under it stays dark (JPEG bleeds red into dark strokes too).
        red_channel = rgb[y:y + h, x:x + w, 0]
        seen = np.where(red_channel >= seal["light"], 255, red_channel).astype(np.uint8)
        box = gray[y:y + h, x:x + w]
        tinted = faint[y:y + h, x:x + w]
        box[tinted] = seen[tinted]
    return gray


def stroke_widths(gray: np.ndarray, boxes: list[tuple[int, int, int, int]]) -> list[float]:
    """The mean stroke width (pixels) of the ink inside each box ``(x0, y0, x1, y1)``.

    Ink is what Otsu's threshold calls dark; a stroke of width w and length L has about w·L ink
    pixels and 2·L edge pixels, so twice the ink over the edge is its width whatever the
    character.  Bold type (a bold face, or fake bold printed 2-4 times) is visibly wider.
    """
    import cv2

    if not boxes:
        return []
    _, ink = cv2.threshold(gray, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    edge = ink - cv2.erode(ink, np.array([[0, 1, 0], [1, 1, 1], [0, 1, 0]], np.uint8))
    ink_sum, edge_sum = cv2.integral(ink), cv2.integral(edge)
    h, w = gray.shape[:2]
    out = []
    for x0, y0, x1, y1 in boxes:
        x0, x1 = max(0, min(x0, w)), max(0, min(x1, w))
        y0, y1 = max(0, min(y0, h)), max(0, min(y1, h))
        a = ink_sum[y1, x1] - ink_sum[y0, x1] - ink_sum[y1, x0] + ink_sum[y0, x0]
        b = edge_sum[y1, x1] - edge_sum[y0, x1] - edge_sum[y1, x0] + edge_sum[y0, x0]
        out.append(float(2 * a / b) if b else 0.0)
    return out
