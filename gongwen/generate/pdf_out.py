"""PDF through LibreOffice: the .docx converted headless, CJK stand-ins chosen by fontconfig.

LibreOffice substitutes a font it does not have through fontconfig, which by default sends every
Chinese face to one sans family.  The conversion runs with a fontconfig file of our own
(:func:`gongwen.generate.fonts.fontconfig`) so 方正小标宋简体 becomes a bold serif, 黑体 a sans, 楷体 a
kai and 仿宋 a light serif, and with a throw-away LibreOffice profile so a user's running
LibreOffice is never touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import OutputError
from .fonts import fontconfig
from .profile import Profile

_TIMEOUT = 300  # seconds; a first start of LibreOffice builds its profile


def soffice() -> str | None:
    """LibreOffice's command line, when installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(docx_bytes: bytes, prof: Profile) -> bytes:
    """The PDF of a .docx as LibreOffice lays it out with the profile's font stand-ins."""
    exe = soffice()
    if exe is None:
        raise OutputError("a PDF needs LibreOffice (soffice) on PATH; install libreoffice-writer or write .docx")
    with tempfile.TemporaryDirectory(prefix="gongwen-pdf-") as tmp:
        t = Path(tmp)
        src = t / "report.docx"
        src.write_bytes(docx_bytes)
        conf = t / "fonts.conf"
        conf.write_text(fontconfig(prof), encoding="utf-8")
        env = dict(os.environ, FONTCONFIG_FILE=str(conf))
        cmd = [exe, f"-env:UserInstallation={(t / 'lo').as_uri()}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(t / "out"), str(src)]
        try:
            proc = subprocess.run(cmd, env=env, capture_output=True, timeout=_TIMEOUT, check=False)
        except subprocess.TimeoutExpired as e:
            raise OutputError(f"LibreOffice did not finish the PDF within {_TIMEOUT} s") from e
        pdf = t / "out" / "report.pdf"
        if not pdf.is_file():
            detail = " ".join(proc.stderr.decode(errors="replace").split())[:200]
            raise OutputError(f"LibreOffice could not convert the document to PDF (exit {proc.returncode}: {detail})")
        return pdf.read_bytes()
