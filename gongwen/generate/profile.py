"""Layout profiles: page, fonts, sizes and spacing as YAML data (``data/profile-*.yaml``)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from importlib import resources
from pathlib import Path
from typing import Any

from .._data import parse_yaml
from ..errors import DataError
from .data_file import DataLoader
from .validate import Checker

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


_KEYS = {"name", "extends", "page", "fonts", "sizes", "bold", "line_pitch", "tracking",
         "title_chars_per_line", "yoy_word", "decimals", "highlight"}
_PAGE_KEYS = ("width", "height", "top", "bottom", "left", "right", "footer")
_SIZE_KEYS = ("title", "body", "page_number")
_BOLD_KEYS = ("h1", "h2", "h3", "h4")
#: Word's highlight colours (ST_HighlightColor).
_HIGHLIGHTS = ("yellow", "green", "cyan", "magenta", "blue", "red", "darkBlue", "darkCyan", "darkGreen",
               "darkMagenta", "darkRed", "darkYellow", "darkGray", "lightGray", "black", "white", "none")
#: Ranges of the numbers: millimetres (Word's largest page is 22 inches), points, 1/20 pt.
_RANGES: dict[str, tuple[Decimal, Decimal]] = {
    "page": (Decimal(0), Decimal(558)), "sizes": (Decimal(1), Decimal(100)),
    "line_pitch": (Decimal(1), Decimal("28.99")), "tracking": (Decimal(-200), Decimal(200)),
    "title_chars_per_line": (Decimal(5), Decimal(60)), "decimals": (Decimal(0), Decimal(4))}
#: Profiles one profile may stack through ``extends``.
MAX_EXTENDS = 8
_MM_PER_PT = Decimal("25.4") / 72


def _where_of(name: str) -> tuple[Path | None, str, str]:
    """The file a profile name stands for (None for a built-in one), how messages name it and
    what identifies it in an ``extends`` chain (the real path of a file)."""
    p = Path(name)
    if p.suffix in (".yaml", ".yml") and p.is_file():
        return p, str(p), str(p.resolve())
    res = resources.files("gongwen.generate").joinpath("data").joinpath(f"profile-{name}.yaml")
    if not res.is_file():
        raise DataError(f"no layout profile {name!r} (built-in: default, win10; or a .yaml path)")
    return None, f"profile-{name}.yaml", f"profile-{name}.yaml"


def _raw(name: str, chain: tuple[tuple[str, str], ...] = ()) -> tuple[dict[str, Any], str]:
    """A profile's data with its ``extends`` chain merged in (each file checked on its own)."""
    path, where, ident = _where_of(name)
    if path is None:
        text = resources.files("gongwen.generate").joinpath("data").joinpath(where).read_text(encoding="utf-8")
    else:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as e:
            raise DataError(f"not UTF-8 text (byte {e.start})", where) from e
        except OSError as e:
            raise DataError(f"cannot read: {e.strerror or e}", where) from e
    data = parse_yaml(text, where, loader=DataLoader)
    if not isinstance(data, dict):
        raise DataError("a profile must be a mapping", where)
    _check(data, where)
    chain = (*chain, (ident, where))
    if "extends" in data:
        base_name = data["extends"]
        if not isinstance(base_name, str) or not base_name.strip():
            raise DataError(f"extends: expected a profile name or a .yaml path, got {_show(base_name)}", where)
        base_ident = _where_of(base_name.strip())[2]
        idents = [i for i, _ in chain]
        if base_ident in idents:
            cycle = [w for _, w in chain[idents.index(base_ident):]]
            loop = " → ".join((*cycle, cycle[0]))
            raise DataError(f"extends: {base_name!r} leads back to this profile ({loop})", where)
        if len(chain) >= MAX_EXTENDS:
            raise DataError(f"extends: more than {MAX_EXTENDS} profiles stacked (MAX_EXTENDS)", where)
        base, _ = _raw(base_name.strip(), chain)
        data = _merge(base, {k: v for k, v in data.items() if k != "extends"})
    return data, where


def _show(x: Any) -> str:
    r = {dict: "a mapping", list: "a list", Decimal: str(x)}.get(type(x)) or repr(x)
    return r if len(r) <= 60 else r[:57] + "…"


def _number(x: Any, kp: str, where: str, rng: tuple[Decimal, Decimal], *, whole: bool = False) -> Decimal:
    lo, hi = rng
    if isinstance(x, bool) or not isinstance(x, (int, float, Decimal, str)):
        raise DataError(f"{kp}: expected a number, got {_show(x)}", where)
    try:
        d = Decimal(repr(x) if isinstance(x, float) else str(x).strip())
    except (InvalidOperation, ValueError):
        raise DataError(f"{kp}: expected a number, got {_show(x)}", where) from None
    if not d.is_finite() or not lo <= d <= hi or (whole and d != d.to_integral_value()):
        kind = "a whole number" if whole else "a number"
        why = " (a larger pitch gives fewer than 22 lines per page)" if kp == "line_pitch" else ""
        raise DataError(f"{kp}: expected {kind} from {lo} to {hi}{why}, got {_show(x)}", where)
    return d


def _font(x: Any, kp: str, where: str) -> str:
    # Word keeps 31 characters of a font name; control characters cannot be written to XML.
    if not isinstance(x, str) or not x.strip() or len(x) > 31 or any(ord(c) < 32 or c in "<>&\"" for c in x):
        raise DataError(f"{kp}: expected a font name (up to 31 characters, no control characters or <>&\"), "
                        f"got {_show(x)}", where)
    return x.strip()


def _check(d: dict[str, Any], where: str) -> None:
    """Every key and value one profile file states (a part of a profile: ``extends`` adds the rest)."""
    checker = Checker(where)
    checker.keys(d, _KEYS, "")
    for group, keys in (("page", _PAGE_KEYS), ("fonts", _REQUIRED_FONTS), ("sizes", _SIZE_KEYS),
                        ("bold", _BOLD_KEYS)):
        if group not in d:
            continue
        sub = checker.mapping(d[group], group)
        checker.keys(sub, set(keys), group)
        for k, v in sub.items():
            kp = f"{group}.{k}"
            if group == "fonts":
                _font(v, kp, where)
            elif group == "bold":
                if not isinstance(v, bool):
                    raise DataError(f"{kp}: expected true or false, got {_show(v)}", where)
            else:
                _number(v, kp, where, _RANGES[group])
    for k in ("line_pitch", "tracking", "title_chars_per_line", "decimals"):
        if k in d:
            _number(d[k], k, where, _RANGES[k], whole=k != "line_pitch")
    if "yoy_word" in d and d["yoy_word"] not in ("比上年", "同比"):
        raise DataError(f"yoy_word: expected 比上年 or 同比, got {_show(d['yoy_word'])}", where)
    if "highlight" in d and d["highlight"] not in _HIGHLIGHTS:
        raise DataError(f"highlight: expected one of Word's highlight colours ({', '.join(_HIGHLIGHTS)}), "
                        f"got {_show(d['highlight'])}", where)
    if "name" in d and (not isinstance(d["name"], str) or not d["name"].strip()):
        raise DataError(f"name: expected text, got {_show(d['name'])}", where)


@functools.lru_cache(maxsize=16)
def load_profile(name: str = "default") -> Profile:
    """A built-in profile by name (``default``, ``win10``) or a profile YAML file (may ``extends``).

    Every problem is one DataError naming the file and the key path, e.g.
    ``my.yaml: page.width: expected a number from 0 to 558, got 'A4'``.
    """
    d, where = _raw(name)
    for group, keys in (("page", _PAGE_KEYS), ("fonts", _REQUIRED_FONTS), ("sizes", _SIZE_KEYS)):
        for k in keys:
            if k not in d.get(group, {}):
                raise DataError(f"{group}.{k}: missing (write it, or `extends: default`)", where)
    if "line_pitch" not in d:
        raise DataError("line_pitch: missing (write it, or `extends: default`)", where)
    fonts = {k: _font(d["fonts"][k], f"fonts.{k}", where) for k in _REQUIRED_FONTS}
    page = {k: Decimal(str(d["page"][k])) for k in _PAGE_KEYS}
    sizes = {k: Decimal(str(d["sizes"][k])) for k in _SIZE_KEYS}
    prof = Profile(
        name=str(d.get("name", name)), page=page, fonts=fonts, sizes=sizes,
        bold={k: bool(d.get("bold", {}).get(k, False)) for k in _BOLD_KEYS},
        line_pitch=Decimal(str(d["line_pitch"])), tracking=int(d.get("tracking", 0)),
        title_chars_per_line=int(d.get("title_chars_per_line", 20)),
        yoy_word=str(d.get("yoy_word", "比上年")), decimals=int(d.get("decimals", 1)),
        highlight=str(d.get("highlight", "yellow")))
    block_w = page["width"] - page["left"] - page["right"]
    block_h = page["height"] - page["top"] - page["bottom"]
    if block_w < sizes["body"] * _MM_PER_PT or block_h < prof.line_pitch * _MM_PER_PT:
        raise DataError(f"page: the margins leave a text block of {block_w:f} × {block_h:f} mm, too small "
                        "for one line of body text", where)
    if page["footer"] >= page["height"]:
        raise DataError(f"page.footer: {page['footer']:f} mm is not inside the page", where)
    if prof.line_pitch < sizes["body"]:
        raise DataError(f"line_pitch: {prof.line_pitch:f} pt is smaller than the body text "
                        f"({sizes['body']:f} pt): lines would overlap", where)
    return prof
