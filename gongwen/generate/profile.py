"""Layout profiles: page, fonts, sizes and spacing as YAML data (``data/profile-*.yaml``)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import DataError

_REQUIRED_FONTS = ("title", "body", "h1", "h2", "h3", "h4", "latin", "page_number")


@dataclass(frozen=True)
class Profile:
    """A validated layout profile; lengths in millimetres, sizes in points."""

    name: str
    page: dict[str, Decimal]
    fonts: dict[str, str]
    sizes: dict[str, Decimal]
    bold: dict[str, bool]
    line_pitch: Decimal
    tracking: int
    title_chars_per_line: int
    yoy_word: str
    decimals: int
    highlight: str

    @property
    def line_twips(self) -> int:
        """Exact line spacing in twips (28.95 pt → 579)."""
        return int(self.line_pitch * 20)

    @property
    def char_twips(self) -> int:
        """One body character in twips (16 pt → 320), the unit of indents."""
        return int(self.sizes["body"] * 20)


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for k, v in over.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def _raw(name: str) -> tuple[dict[str, Any], str]:
    p = Path(name)
    if p.suffix in (".yaml", ".yml") and p.is_file():
        text, where = p.read_text(encoding="utf-8"), str(p)
    else:
        res = resources.files("gongwen.generate").joinpath("data").joinpath(f"profile-{name}.yaml")
        if not res.is_file():
            raise DataError(f"no layout profile {name!r} (built-in: default, win10; or a .yaml path)")
        text, where = res.read_text(encoding="utf-8"), f"profile-{name}.yaml"
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        raise DataError(f"invalid YAML: {e}", where) from e
    if not isinstance(data, dict):
        raise DataError("a profile must be a mapping", where)
    if "extends" in data:
        base, _ = _raw(str(data["extends"]))
        data = _merge(base, {k: v for k, v in data.items() if k != "extends"})
    return data, where


@functools.lru_cache(maxsize=16)
def load_profile(name: str = "default") -> Profile:
    """A built-in profile by name (``default``, ``win10``) or a profile YAML file (may ``extends``)."""
    d, where = _raw(name)
    try:
        fonts = {k: str(d["fonts"][k]) for k in _REQUIRED_FONTS}
        page = {k: Decimal(str(d["page"][k])) for k in ("width", "height", "top", "bottom", "left", "right", "footer")}
        sizes = {k: Decimal(str(v)) for k, v in d["sizes"].items()}
        prof = Profile(
            name=str(d.get("name", name)), page=page, fonts=fonts, sizes=sizes,
            bold={k: bool(d.get("bold", {}).get(k, False)) for k in ("h1", "h2", "h3", "h4")},
            line_pitch=Decimal(str(d["line_pitch"])), tracking=int(d.get("tracking", 0)),
            title_chars_per_line=int(d.get("title_chars_per_line", 20)),
            yoy_word=str(d.get("yoy_word", "比上年")), decimals=int(d.get("decimals", 1)),
            highlight=str(d.get("highlight", "yellow")))
    except (KeyError, TypeError, ValueError, ArithmeticError) as e:
        raise DataError(f"incomplete or invalid profile: {type(e).__name__} {e}", where) from e
    if prof.line_pitch > Decimal("28.99"):
        raise DataError(f"line_pitch {prof.line_pitch} pt gives fewer than 22 lines per page (max 28.99)", where)
    return prof
