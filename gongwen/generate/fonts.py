"""Fonts that degrade gracefully: fallback chains for Word, free stand-ins for LibreOffice.

The table is data (``data/fonts.yaml``).  :func:`chain` gives the ``w:altName`` chain written
into the .docx font table; :func:`fontconfig` a fontconfig file that makes LibreOffice pick a
serif, sans or kai stand-in for each missing font (so a PDF made on a machine without the
profile's fonts still has a serif title, a sans level-1 heading and a serif body in different
faces); :func:`missing` which of the profile's fonts this machine lacks.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
from typing import Any
from xml.sax.saxutils import escape

from .phrasing import _table
from .profile import Profile

_PROFILE_SLOTS = ("title", "body", "h1", "h2", "h3", "h4", "latin", "page_number")


def table() -> dict[str, dict[str, Any]]:
    """The fallback table: font name → {alt, free, weight, family, charset}."""
    return dict(_table("fonts.yaml")["fonts"])


def chain(font: str) -> list[str]:
    """The font and what stands in for it in Word, in order.

    >>> chain("仿宋_GB2312"), chain("方正小标宋简体"), chain("黑体")
    (['仿宋_GB2312', '仿宋', 'FangSong'], ['方正小标宋简体', '华文中宋', '宋体'], ['黑体', 'SimHei'])
    """
    return [font, *table().get(font, {}).get("alt", [])]


def profile_fonts(prof: Profile) -> list[str]:
    """Every font the profile names, once, in slot order."""
    return list(dict.fromkeys(prof.fonts[s] for s in _PROFILE_SLOTS if s in prof.fonts))


def font_table_entries(prof: Profile) -> list[tuple[str, str | None, dict[str, Any]]]:
    """(name, altName, description) for the font table: every profile font and its chain, each
    entry's altName the next font of the chain."""
    out: dict[str, tuple[str, str | None, dict[str, Any]]] = {}
    t = table()
    for font in profile_fonts(prof):
        names = chain(font)
        for i, name in enumerate(names):
            nxt = names[i + 1] if i + 1 < len(names) else None
            if name not in out or (out[name][1] is None and nxt):
                out[name] = (name, nxt, t.get(name, t.get(font, {})))
    return list(out.values())


def stand_in(font: str) -> str | None:
    """The first free stand-in installed here for a font (None when none is)."""
    have = installed()
    return next((f for f in table().get(font, {}).get("free", []) if f in have), None)


@functools.cache
def installed() -> frozenset[str]:
    """Font families fontconfig knows on this machine (empty when fc-list is not available)."""
    exe = shutil.which("fc-list")
    if exe is None:
        return frozenset()
    try:
        out = subprocess.run([exe, "--format", "%{family}\n"], capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(name.strip() for line in out.splitlines() for name in line.split(",") if name.strip())


def missing(prof: Profile) -> list[str]:
    """The profile's fonts this machine does not have (none of their Word fallbacks either)."""
    have = installed()
    if not have:
        return []
    return [f for f in profile_fonts(prof) if not any(name in have for name in chain(f))]


def fontconfig(prof: Profile) -> str:
    """A fontconfig file: the system configuration plus, for every profile font and its chain,
    its free stand-ins put first (and the stand-in's weight), for LibreOffice's rendering."""
    rules = []
    t = table()
    seen: set[str] = set()
    for font in profile_fonts(prof):
        for name in chain(font):
            row = t.get(name) or t.get(font) or {}
            if name in seen or not row.get("free"):
                continue
            seen.add(name)
            prefer = "".join(f"<string>{escape(f)}</string>" for f in row["free"])
            weight = (f'<edit name="weight" mode="assign" binding="strong"><const>{row["weight"]}</const></edit>'
                      if row.get("weight") else "")
            rules.append(f'  <match target="pattern"><test name="family"><string>{escape(name)}</string></test>'
                         f'<edit name="family" mode="prepend" binding="strong">{prefer}</edit>{weight}</match>')
    return ('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n'
            '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n' + "\n".join(rules) + "\n</fontconfig>\n")


def warning(prof: Profile) -> str | None:
    """One line when the PDF will use stand-ins for the profile's fonts, else None."""
    lost = missing(prof)
    if not lost:
        return None
    subs = ", ".join(f"{f} → {stand_in(f) or 'a system default'}" for f in lost)
    return (f"fonts of profile {prof.name!r} not installed here; the PDF uses stand-ins ({subs}). "
            "Install the fonts (or render on the bureau's machine) for the real 公文 faces")
