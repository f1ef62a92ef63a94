"""Fonts that degrade gracefully: font table fallbacks, no stray theme fonts, PDF stand-ins.

The XML tests need nothing installed.  The render test converts through LibreOffice (skipped
when ``soffice`` is absent, required in CI) on a machine with only the Debian fonts .ci/run
installs, and measures the PDF: the title, level-1 heading and body in three different font
families (no DejaVu fallback), and the signature and date within 1 mm of GB/T 9704 §7.3.5.2.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path

import pytest
import yaml

from gongwen.generate import api, compose, fonts, render
from gongwen.generate.layout import closing_indents
from gongwen.generate.profile import load_profile

EXAMPLE = Path("gongwen/generate/data/example-summary.yaml")
MM = 72 / 25.4
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _parts(profile: str = "default") -> dict[str, str]:
    z = zipfile.ZipFile(io.BytesIO(compose(EXAMPLE, profile=profile).docx_bytes()))
    return {n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml")}


def _alt_names(xml: str) -> dict[str, str | None]:
    out = {}
    for m in re.finditer(r'<w:font w:name="([^"]+)">(.*?)</w:font>', xml, re.S):
        alt = re.search(r'<w:altName w:val="([^"]+)"/>', m.group(2))
        out[m.group(1)] = alt.group(1) if alt else None
    return out


def _follow(alts: dict[str, str | None], font: str) -> list[str]:
    chain = [font]
    while alts.get(chain[-1]) and len(chain) < 6:
        chain.append(alts[chain[-1]])  # type: ignore[arg-type]
    return chain


@pytest.mark.parametrize("profile,font,expected", [
    ("default", "仿宋_GB2312", ["仿宋_GB2312", "仿宋", "FangSong"]),
    ("default", "方正小标宋简体", ["方正小标宋简体", "华文中宋", "宋体", "SimSun"]),
    ("default", "黑体", ["黑体", "SimHei"]),
    ("default", "楷体_GB2312", ["楷体_GB2312", "楷体", "KaiTi"]),
    ("win10", "仿宋", ["仿宋", "FangSong"]),
    ("win10", "楷体", ["楷体", "KaiTi"]),
])
def test_font_table_has_fallback_chains(profile: str, font: str, expected: list[str]) -> None:
    alts = _alt_names(_parts(profile)["word/fontTable.xml"])
    assert _follow(alts, font) == expected


@pytest.mark.parametrize("profile", ["default", "win10"])
def test_no_stray_theme_or_table_fonts(profile: str) -> None:
    parts = _parts(profile)
    for name in ("word/fontTable.xml", "word/styles.xml", "word/document.xml", "word/theme/theme1.xml"):
        for bad in ("ＭＳ 明朝", "ＭＳ ゴシック", "MS Mincho", "MS Gothic", "Calibri", "Cambria", "맑은 고딕", "新細明體"):
            assert bad not in parts[name], (name, bad)
    theme = parts["word/theme/theme1.xml"]
    assert re.findall(r'<a:font script="([^"]+)"', theme) == ["Hans", "Hans"]
    prof = load_profile(profile)
    major, minor = re.findall(r'<a:ea typeface="([^"]*)"/>', theme)[:2]
    assert (major, minor) == (prof.fonts["h1"], prof.fonts["body"])
    # every font a style names is described in the font table
    named = set(re.findall(r'<w:rFonts [^>]*w:eastAsia="([^"]+)"', parts["word/styles.xml"]))
    assert named <= set(_alt_names(parts["word/fontTable.xml"]))


def test_fontconfig_puts_serif_sans_and_kai_stand_ins_first() -> None:
    conf = fonts.fontconfig(load_profile("default"))
    rules = dict(re.findall(r'<test name="family"><string>([^<]+)</string></test>'
                            r'<edit name="family" mode="prepend" binding="strong"><string>([^<]+)</string>', conf))
    assert rules["方正小标宋简体"] == "Noto Serif CJK SC" and rules["黑体"] == "Noto Sans CJK SC"
    assert rules["仿宋_GB2312"] == "AR PL UMing CN" and rules["楷体_GB2312"] == "AR PL UKai CN"
    assert "<const>bold</const>" in conf.split("方正小标宋简体")[1].split("</match>")[0]
    assert "/etc/fonts/fonts.conf" in conf


def test_warning_names_missing_fonts_and_their_stand_ins(monkeypatch: pytest.MonkeyPatch) -> None:
    prof = load_profile("default")
    monkeypatch.setattr(fonts, "installed", lambda: frozenset({"Noto Serif CJK SC", "AR PL UMing CN", "SimHei",
                                                              "Times New Roman"}))
    assert fonts.missing(prof) == ["方正小标宋简体", "仿宋_GB2312", "楷体_GB2312", "宋体"]  # 黑体 has SimHei
    w = fonts.warning(prof)
    assert w and "方正小标宋简体 → Noto Serif CJK SC" in w and "仿宋_GB2312 → AR PL UMing CN" in w
    monkeypatch.setattr(fonts, "installed", lambda: frozenset(fonts.profile_fonts(prof)))
    assert fonts.warning(prof) is None


def test_pdf_output_warns_on_the_command_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    from gongwen.cli import main
    from gongwen.generate import pdf_out

    monkeypatch.setattr(pdf_out, "to_pdf", lambda docx, prof: b"%PDF-1.7 stub")
    monkeypatch.setattr(fonts, "installed", lambda: frozenset({"Noto Sans CJK SC"}))
    out = tmp_path / "r.pdf"
    assert int(main(["render", str(EXAMPLE), "-o", str(out), "--no-check"]) or 0) == 0
    assert out.read_bytes() == b"%PDF-1.7 stub"
    err = capsys.readouterr().err
    assert "gongwen: warning: fonts of profile 'default' not installed here" in err and "仿宋_GB2312" in err
    assert api.output_format("x.pdf", None) == "pdf"


def test_pdf_without_libreoffice_is_one_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from gongwen.errors import OutputError
    from gongwen.generate import pdf_out

    monkeypatch.setattr(pdf_out, "soffice", lambda: None)
    with pytest.raises(OutputError, match="needs LibreOffice"):
        render(EXAMPLE, output=tmp_path / "r.pdf", check=False)
    assert not (tmp_path / "r.pdf").exists()


# -- rendered through LibreOffice --------------------------------------------------------------
@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from gongwen.generate import pdf_out

    if pdf_out.soffice() is None:
        if os.environ.get("CI"):
            pytest.fail("soffice is required in CI (apt-get install libreoffice-writer fonts-noto-cjk)")
        pytest.skip("soffice (LibreOffice) not installed")
    out = tmp_path_factory.mktemp("pdf") / "example.pdf"
    render(EXAMPLE, output=out, check=False)
    return out


def _rows(page) -> list[list[dict]]:
    rows: dict[int, list[dict]] = {}
    for c in page.chars:
        if c["text"].strip():
            rows.setdefault(round((c["top"] + c["bottom"]) / 2 / 4), []).append(c)
    return [sorted(r, key=lambda c: c["x0"]) for _, r in sorted(rows.items())]


def _family(fontname: str) -> str:
    """NotoSerifCJKjp-Bold-VKana → NotoSerifCJK; DAAAAA+UMingCN → UMing (subset prefix, style, language)."""
    name = fontname.split("+", 1)[-1].split("-")[0]
    return re.sub(r"(jp|sc|tc|kr|hk|CN|TW|HK)$", "", name)


def _cjk_font(row: list[dict]) -> str:
    return next(c["fontname"] for c in row if "\u4e00" <= c["text"] <= "\u9fff")


def test_title_heading_and_body_in_three_families(pdf: Path) -> None:
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        rows = [r for p in doc.pages for r in _rows(p)]
        names = {c["fontname"] for p in doc.pages for c in p.chars}
    text = ["".join(c["text"] for c in r) for r in rows]
    title = rows[0]
    h1 = rows[next(i for i, t in enumerate(text) if t.startswith("一、"))]
    body = rows[next(i for i, t in enumerate(text) if t.startswith("全面落实"))]
    families = {_family(_cjk_font(r)) for r in (title, h1, body)}
    assert len(families) == 3, families
    assert not [n for n in names if "DejaVu" in n], names  # no last-resort fallback anywhere


def test_signature_and_date_within_one_millimetre_of_the_rule(pdf: Path) -> None:
    """GB/T 9704 §7.3.5.2 on the measured lines: the date starts two characters right of the
    signature's first character; the signature ends two characters from the right margin, or,
    when the date is the wider line (signature less than two characters wider), the date does."""
    import pdfplumber

    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    signature, date = data["issuer"], "2025年12月20日"
    prof = load_profile("default")
    char = float(prof.sizes["body"])  # one character, in points
    edge = (float(prof.page["width"]) - float(prof.page["right"])) * MM
    with pdfplumber.open(pdf) as doc:
        rows = _rows(doc.pages[-1])
    text = ["".join(c["text"] for c in r) for r in rows]
    sig = rows[len(text) - 1 - text[::-1].index(signature)]
    dat = rows[text.index(date)]
    tol = 1 * MM
    assert dat[0]["top"] > sig[0]["bottom"]  # on the next line
    assert abs(dat[0]["x0"] - sig[0]["x0"] - 2 * char) <= tol, ((dat[0]["x0"] - sig[0]["x0"]) / MM)
    s_width, d_width = sig[-1]["x1"] - sig[0]["x0"], dat[-1]["x1"] - dat[0]["x0"]
    anchored = sig if s_width - d_width >= 2 * char - tol else dat
    assert abs(edge - anchored[-1]["x1"] - 2 * char) <= tol, ((edge - anchored[-1]["x1"]) / MM)
    assert closing_indents(signature, date) == (5, 2)  # Word's layout (no autospace): the same rule
