"""Read a DOCX into a :class:`RawDocument`: paragraphs and table rows in body order.

Each paragraph becomes one :class:`RawLine` with ``para_end=True`` (a soft line break inside a
paragraph splits it into several lines, only the last one ending the paragraph).  Bold comes
per character from the runs, resolved through direct formatting, the run's character style,
the paragraph style chain and the document defaults.  ``outline_level`` comes from
``w:outlineLvl`` (paragraph or style chain) or a "Heading N"/"标题 N" style name; ``style`` is
the paragraph style name, suffixed ``" [list level N]"`` when the paragraph is numbered
(``w:numPr``: python-docx does not render the number text, and we do not invent it).  Tables
become ``table_row`` lines, one per row, cells joined by tabs (a merged cell appears once).
``index`` is the 1-based position of the paragraph or table row in body order.

Before python-docx opens the zip, every entry is vetted (:func:`vet_zip`): encrypted entries,
compression methods or zip versions Python cannot read, too many entries, parts larger than
the budgets of :mod:`.limits` or inflating more than ``MAX_INFLATE_RATIO``-fold are refused
with one line, instead of a traceback or gigabytes of memory.  The declared sizes can be
trusted: Python's zip reader stops at the declared size and checks the CRC.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ...errors import LimitError, ReadError
from . import limits
from .pdf import _trusted_title
from .raw import RawDocument, RawLine

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
P, TBL, TR, TC, R = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc", f"{_W}r"
# Containers whose runs belong to the paragraph text (deleted/moved-away text does not).
_RUN_CONTAINERS = {f"{_W}{t}" for t in ("hyperlink", "ins", "smartTag", "fldSimple", "sdt", "sdtContent",
                                          "customXml", "moveTo", "dir", "bdo")}
_BLOCK_CONTAINERS = {f"{_W}{t}" for t in ("sdt", "sdtContent", "customXml")}
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)


class _Styles:
    """Style look-ups through the ``basedOn`` chain, memoised per style id."""

    def __init__(self, doc: Any) -> None:
        self._by_id: dict[str, Any] = {}
        styles_el = doc.styles.element
        for s in styles_el.findall(f"{_W}style"):
            sid = s.get(f"{_W}styleId")
            if sid:
                self._by_id[sid] = s
        self._defaults_rpr = styles_el.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")
        self._default_para = next((s.get(f"{_W}styleId") for s in styles_el.findall(f"{_W}style")
                                   if s.get(f"{_W}type") == "paragraph"
                                   and s.get(f"{_W}default") in ("1", "true")), None)
        self._memo: dict[tuple[str | None, str], Any] = {}

    def chain(self, sid: str | None) -> Iterator[Any]:
        seen: set[str] = set()
        while sid and sid not in seen and sid in self._by_id:
            seen.add(sid)
            el = self._by_id[sid]
            yield el
            based = el.find(f"{_W}basedOn")
            sid = based.get(f"{_W}val") if based is not None else None

    def para_style(self, p: Any) -> str | None:
        ps = p.find(f"{_W}pPr/{_W}pStyle")
        return ps.get(f"{_W}val") if ps is not None else self._default_para

    def name(self, sid: str | None) -> str | None:
        el = self._by_id.get(sid or "")
        if el is None:
            return None
        from docx.styles import BabelFish

        n = el.find(f"{_W}name")
        # python-docx's UI names: "heading 1" -> "Heading 1"
        return BabelFish.internal2ui(n.get(f"{_W}val")) if n is not None else sid

    def find(self, sid: str | None, path: str) -> Any:
        """The first element at ``path`` (under w:style) along the chain of ``sid``."""
        key = (sid, path)
        if key not in self._memo:
            found = (el.find(path) for el in self.chain(sid))
            self._memo[key] = next((f for f in found if f is not None), None)
        return self._memo[key]

    def default_rpr(self, tag: str) -> Any:
        return self._defaults_rpr.find(f"{_W}{tag}") if self._defaults_rpr is not None else None


def _on(el: Any) -> bool:
    """A toggle property (w:b) is on unless its val says false."""
    return el.get(f"{_W}val", "true").lower() not in ("0", "false", "off", "none")


def _run_props(r: Any, para_sid: str | None, styles: _Styles) -> tuple[bool, float | None]:
    """Bold and size (pt) of run ``r``: direct, character style, paragraph style, defaults."""
    rpr = r.find(f"{_W}rPr")
    char_sid = None
    if rpr is not None:
        rs = rpr.find(f"{_W}rStyle")
        char_sid = rs.get(f"{_W}val") if rs is not None else None

    def resolve(tag: str) -> Any:
        if rpr is not None and rpr.find(f"{_W}{tag}") is not None:
            return rpr.find(f"{_W}{tag}")
        for sid in (char_sid, para_sid):
            el = styles.find(sid, f"{_W}rPr/{_W}{tag}") if sid else None
            if el is not None:
                return el
        return styles.default_rpr(tag)

    b = resolve("b")
    sz = resolve("sz")
    size = None
    if sz is not None:
        try:
            size = int(sz.get(f"{_W}val")) / 2
        except (TypeError, ValueError):
            size = None
    return (b is not None and _on(b)), size


def _runs(el: Any) -> Iterator[Any]:
    for child in el.iterchildren():
        if child.tag == R:
            yield child
        elif child.tag in _RUN_CONTAINERS:
            yield from _runs(child)


def _run_text(r: Any) -> str:
    from docx.text.run import Run

    return Run(r, None).text  # type: ignore[arg-type]


def _paragraph_parts(p: Any, styles: _Styles) -> tuple[str, list[bool], list[float | None]]:
    sid = styles.para_style(p)
    text: list[str] = []
    bold: list[bool] = []
    sizes: list[float | None] = []
    for r in _runs(p):
        t = _run_text(r)
        if not t:
            continue
        b, size = _run_props(r, sid, styles)
        text.append(t)
        bold.extend([b] * len(t))
        sizes.extend([size] * len(t))
    return "".join(text), bold, sizes


def _para_attrs(p: Any, styles: _Styles) -> tuple[str | None, int | None, bool]:
    sid = styles.para_style(p)
    name = styles.name(sid)

    def ppr(tag: str) -> Any:
        el = p.find(f"{_W}pPr/{_W}{tag}")
        return el if el is not None else (styles.find(sid, f"{_W}pPr/{_W}{tag}") if sid else None)

    level = None
    ol = ppr("outlineLvl")
    if ol is not None:
        try:
            v = int(ol.get(f"{_W}val"))
            level = v + 1 if 0 <= v < 9 else None
        except (TypeError, ValueError):
            level = None
    elif name and (m := _HEADING_NAME.match(name.strip())):
        level = int(m.group(1))
    num = ppr("numPr")
    if num is not None:
        num_id = num.find(f"{_W}numId")
        ilvl = num.find(f"{_W}ilvl")
        if num_id is not None and num_id.get(f"{_W}val") not in (None, "0"):
            lvl = int(ilvl.get(f"{_W}val", "0")) + 1 if ilvl is not None else 1
            name = f"{name or 'Normal'} [list level {lvl}]"
    jc = ppr("jc")
    centered = jc is not None and jc.get(f"{_W}val") == "center"
    return name, level, centered


def _common(sizes: list[float | None]) -> float | None:
    counts = Counter(s for s in sizes if s is not None)
    return counts.most_common(1)[0][0] if counts else None


def _cell_parts(tc: Any, styles: _Styles) -> tuple[str, list[bool]]:
    """All paragraphs of a cell (nested tables flattened), joined by single spaces."""
    texts: list[str] = []
    bold: list[bool] = []
    for p in tc.iter(P):
        t, b, _ = _paragraph_parts(p, styles)
        t = t.replace("\n", " ").replace("\t", " ")
        if not t.strip():
            continue
        if texts:
            texts.append(" ")
            bold.append(False)
        texts.append(t)
        bold.extend(b)
    return "".join(texts), bold


def _blocks(el: Any) -> Iterator[Any]:
    for child in el.iterchildren():
        if child.tag in (P, TBL):
            yield child
        elif child.tag in _BLOCK_CONTAINERS:
            yield from _blocks(child)


def _cells(tr: Any) -> Iterator[Any]:
    for child in tr.iterchildren():
        if child.tag == TC:
            yield child
        elif child.tag in _BLOCK_CONTAINERS:
            yield from _cells(child)


def read_docx(path: str | Path) -> RawDocument:
    """Read ``path`` (a .docx) into a RawDocument of paragraphs and table rows."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    p = Path(path)
    if p.stat().st_size == 0:
        raise ReadError("empty file (0 bytes)", p)
    vet_zip(p)
    try:
        document = docx.Document(str(p))
        styles = _Styles(document)
        body = document.element.body
        title = _trusted_title(document.core_properties.title)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, XMLSyntaxError, ValueError, zlib.error,
            EOFError, NotImplementedError, RuntimeError, OSError, AttributeError) as e:
        raise ReadError(f"not a valid DOCX (truncated or corrupt zip: {' '.join(str(e).split())[:200]})",
                        p) from e
    lines: list[RawLine] = []
    index = 0
    for block in _blocks(body):
        if block.tag == P:
            index += 1
            text, bold, sizes = _paragraph_parts(block, styles)
            if not text.strip():
                continue
            name, level, centered = _para_attrs(block, styles)
            pos = 0
            parts = text.split("\n")
            for k, part in enumerate(parts):
                end = pos + len(part)
                lines.append(RawLine(text=part, bold=bold[pos:end], index=index, para_end=k == len(parts) - 1,
                                     size=_common(sizes[pos:end]), centered=centered, style=name,
                                     outline_level=level))
                pos = end + 1
            continue
        for tr in block.iter(TR):
            if tr.getparent() is not None and _owning_table(tr) is not block:
                continue  # rows of nested tables are flattened into their cell
            index += 1
            texts: list[str] = []
            bold_row: list[bool] = []
            spans: list[tuple[int, int]] = []
            pos = 0
            for ci, tc in enumerate(_cells(tr)):
                if ci:
                    texts.append("\t")
                    bold_row.append(False)
                    pos += 1
                t, b = _cell_parts(tc, styles)
                texts.append(t)
                bold_row.extend(b)
                spans.append((pos, pos + len(t)))
                pos += len(t)
            lines.append(RawLine(text="".join(texts), bold=bold_row, index=index, para_end=True,
                                 kind="table_row", cells=spans))
    if not any(ln.text.strip() for ln in lines):
        raise ReadError("no text: the document body is empty", p)
    return RawDocument(path=str(p), format="docx", lines=lines, title=title)


#: Compression methods Python's zipfile reads (stored, deflate, bzip2, lzma).
_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA})
_MAX_ZIP_VERSION = 63  # zipfile.MAX_EXTRACT_VERSION


def vet_zip(path: str | Path) -> None:
    """Refuse a DOCX zip that Python cannot read or that would inflate past the budgets."""
    p = Path(path)
    try:
        with zipfile.ZipFile(p) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError) as e:
        raise ReadError(f"not a valid DOCX (truncated or corrupt zip: {e})", p) from e
    if len(infos) > limits.MAX_DOCX_PARTS:
        raise LimitError(f"the zip holds {len(infos):,} entries, more than the limit of "
                         f"{limits.MAX_DOCX_PARTS:,} (MAX_DOCX_PARTS)", p)
    total = 0
    for info in infos:
        name = info.filename
        if info.flag_bits & 0x1:
            raise ReadError(f"password-protected DOCX (zip entry {name} is encrypted): remove the password "
                            "in Word and save again", p)
        if info.compress_type not in _METHODS:
            raise ReadError(f"not a valid DOCX (zip entry {name} uses compression method "
                            f"{info.compress_type}, which is not supported)", p)
        if info.extract_version > _MAX_ZIP_VERSION:
            raise ReadError(f"not a valid DOCX (zip entry {name} needs zip version "
                            f"{info.extract_version / 10:.1f}, which is not supported)", p)
        xml = name.lower().endswith((".xml", ".rels"))
        cap = (limits.MAX_DOCX_XML_BYTES, "MAX_DOCX_XML_BYTES") if xml else \
            (limits.MAX_DOCX_PART_BYTES, "MAX_DOCX_PART_BYTES")
        limit = limits.inflate_limit(info.compress_size, cap, (limits.MAX_DOCX_BYTES - total, "MAX_DOCX_BYTES"))
        if info.file_size > limit[0]:
            raise LimitError(limits.inflate_error(f"zip entry {name}", info.compress_size, limit).reason, p)
        total += info.file_size


def _owning_table(tr: Any) -> Any:
    el = tr.getparent()
    while el is not None and el.tag != TBL:
        el = el.getparent()
    return el
