"""Rendered geometry: LibreOffice turns a generated .docx into a PDF and we measure it.

22 text rows on every full body page (G1), body text inside the 156 × 225 mm block (G3), page
numbers on the outer side 7 mm below the block (G4), the closing block on a page with body text
(G5).  Skipped when ``soffice`` is absent, except in CI (env ``CI`` set), where it must run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from gongwen.generate import compose

MM = 72 / 25.4  # points per millimetre


def _soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("soffice is required in CI (apt-get install libreoffice-writer fonts-noto-cjk)")
        pytest.skip("soffice (LibreOffice) not installed")
    return exe


def _paragraph(i: int) -> str:
    # ~150 characters of mixed Chinese, digits and punctuation: several wrapped lines each.
    return (f"第{i}段：全县持续推进社会救助制度改革，健全分层分类的社会救助体系，"
            f"全年累计走访困难群众{1200 + i}户次，落实“一户一策”帮扶措施{30 + i}项，"
            "及时将符合条件的困难群众纳入保障范围，切实做到应保尽保、应退尽退、应救尽救，"
            "兜底保障能力和服务水平稳步提升，群众满意度持续提高。")


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    exe = _soffice()
    tmp = tmp_path_factory.mktemp("lo")
    data = {"issuer": "青山县民政局", "year": 2025, "date": "2025-12-20", "kind": "summary",
            "intro": [_paragraph(i) for i in range(1, 31)], "programs": {}}
    docx = tmp / "long.docx"
    docx.write_bytes(compose(data).docx_bytes())
    profile = tmp / "profile"
    proc = subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                           "--outdir", str(tmp), str(docx)], check=False, capture_output=True, timeout=180)
    out = tmp / "long.pdf"
    assert out.exists(), proc.stderr.decode(errors="replace")
    return out


def _rows(page) -> list[tuple[float, float, float, str]]:
    """Text rows of a page as (top, x0, x1, text), clustering characters by their vertical middle."""
    chars = sorted((c for c in page.chars if c["text"].strip()), key=lambda c: (c["top"] + c["bottom"]) / 2)
    rows: list[list[dict]] = []
    for c in chars:
        mid = (c["top"] + c["bottom"]) / 2
        if rows and abs(mid - (rows[-1][0]["top"] + rows[-1][0]["bottom"]) / 2) < 8:
            rows[-1].append(c)
        else:
            rows.append([c])
    out = []
    for r in rows:
        r.sort(key=lambda c: c["x0"])
        out.append((min(c["top"] for c in r), min(c["x0"] for c in r), max(c["x1"] for c in r),
                    "".join(c["text"] for c in r)))
    return out


def _split(rows):
    """Body rows and the page-number row (the one below the text block)."""
    body = [r for r in rows if r[0] < 264 * MM]
    foot = [r for r in rows if r[0] >= 264 * MM]
    return body, foot


def test_g1_twenty_two_rows_on_full_body_pages(pdf: Path) -> None:
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        pages = doc.pages
        assert len(pages) >= 4
        counts = [len(_split(_rows(p))[0]) for p in pages]
    # Page 1 holds the title and one blank line; the last two pages may be short because the
    # closing block keeps the last body lines with the signature (GB/T 9704 §7.3.5.5).
    full = counts[1:-2]
    assert len(full) >= 3 and all(n == 22 for n in full), counts
    assert counts[0] == 21 and counts[-2] <= 22


def test_g3_text_inside_the_type_area(pdf: Path) -> None:
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        for p in doc.pages:
            body, _ = _split(_rows(p))
            for top, x0, x1, text in body:
                assert x0 >= (28 - 1) * MM and x1 <= (184 + 1) * MM, (p.page_number, text)
                assert top >= (37 - 1) * MM, (p.page_number, text)
            bottoms = [c["bottom"] for c in p.chars if c["top"] < 264 * MM and c["text"].strip()]
            assert max(bottoms) <= (262 + 1) * MM, p.page_number


def test_g4_page_numbers_outside_and_below(pdf: Path) -> None:
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        for p in doc.pages:
            _, foot = _split(_rows(p))
            assert len(foot) == 1, foot
            top, x0, x1, text = foot[0]
            assert text == f"—{p.page_number}—"
            # The 一字线 sits 7 mm below the 版心 (262 mm); measured on the font box top.
            assert abs(top / MM - 269) <= 1.5, top / MM
            if p.page_number % 2:  # odd: right, one 14 pt character in from the right edge
                assert abs(x1 - (184 * MM - 14)) <= 3, (p.page_number, x1 / MM)
            else:
                assert abs(x0 - (28 * MM + 14)) <= 3, (p.page_number, x0 / MM)


def test_g5_closing_block_with_body_text(pdf: Path) -> None:
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        last = doc.pages[-1]
        body, _ = _split(_rows(last))
        texts = [r[3] for r in body]
    assert texts[-1] == "2025年12月20日" and texts[-2] == "青山县民政局"
    assert len(texts) >= 3  # body text precedes the signature on the same page


def test_g2_g7_characters_per_row_and_first_line_indent(pdf: Path) -> None:
    import re

    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        rows = [r for p in doc.pages[1:-2] for r in _split(_rows(p))[0]]
    for _top, _x0, _x1, text in rows:
        cjk = len(re.findall(r"[\u4e00-\u9fff，。：；、“”（）]", text))
        ascii_ = len(re.findall(r"[0-9A-Za-z.%]", text))
        assert cjk + ascii_ / 2 <= 28, text  # 27 at 16 pt without a character grid (README)
    starts = [r for r in rows if r[3].startswith("第") and "段" in r[3][:4]]
    assert starts
    for _top, x0, _x1, _text in starts:  # paragraph starts 2 characters (11.3 mm) in
        assert abs(x0 / MM - (28 + 2 * 16 / MM)) <= 1, x0 / MM
