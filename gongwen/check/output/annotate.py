"""Findings as Word comments (批注) in the user's own .docx; everything else left as it was.

``annotate(extraction, findings, output)`` anchors one comment per finding on the runs that hold
its figures (the first figure's paragraph or table row; the finding's sentence when it names no
figure) and writes a copy of the file in which only the parts a comment needs change:
``word/document.xml`` gains the comment range markers and reference runs (its other bytes kept:
the original XML declaration, the rest serialised as read), ``word/comments.xml`` holds the
comments, and ``[Content_Types].xml`` and ``word/_rels/document.xml.rels`` gain one entry each by
text insertion.  Every other zip entry is copied byte for byte.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..._io import atomic_write
from ...errors import GongwenError
from ...figure import Extraction
from ...model import Span
from ..evaluation.findings import Finding
from .render_text import LABEL, STATUS

_COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
_COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
_CONTENT_TYPES = "[Content_Types].xml"


@dataclass(frozen=True)
class _RunAt:
    """A run of a body block (paragraph or table row) and its offsets in the reader's block text."""

    run: Any
    start: int
    end: int


def _block_runs(body: Any) -> dict[int, list[_RunAt]]:
    """Runs by block index, with offsets as the DOCX reader builds each block's text.

    The reader's own walk (same containers, same order, same joins: cells by a tab, a cell's
    paragraphs by a space, empty cell paragraphs skipped) so offsets agree with its raw text.
    """
    from ...extract.readers.docx import TR, P, _blocks, _cells, _owning_table, _run_text, _runs

    out: dict[int, list[_RunAt]] = {}
    index = 0
    for block in _blocks(body):
        if block.tag == P:
            index += 1
            out[index] = _paragraph_runs(block, 0, _runs, _run_text)[0]
            continue
        for tr in block.iter(TR):
            if tr.getparent() is not None and _owning_table(tr) is not block:
                continue
            index += 1
            runs: list[_RunAt] = []
            pos = 0
            for ci, tc in enumerate(_cells(tr)):
                if ci:
                    pos += 1  # the tab between cells
                first = True
                for p in tc.iter(P):
                    got, length = _paragraph_runs(p, pos + (0 if first else 1), _runs, _run_text)
                    text = "".join(_run_text(r.run) for r in got)
                    if not text.strip():
                        continue
                    pos += (0 if first else 1) + length
                    runs.extend(got)
                    first = False
            out[index] = runs
    return out


def _paragraph_runs(p: Any, pos: int, runs: Any, run_text: Any) -> tuple[list[_RunAt], int]:
    got: list[_RunAt] = []
    start = pos
    for r in runs(p):
        t = run_text(r)
        if not t:
            continue
        got.append(_RunAt(r, pos, pos + len(t)))
        pos += len(t)
    return got, pos - start


def _where(ext: Extraction, span: Span) -> tuple[int, int, int] | None:
    """(block index, start, end) of a canonical span in the reader's block text."""
    src = ext.document.source
    rs = src.raw_span(span)
    if rs is None:
        return None
    line = src.line_of(rs[0])
    if line is None:
        return None
    first = min(ln.start for ln in src.lines if ln.index == line.index)
    return line.index, rs[0] - first, rs[1] - first


def _anchor(ext: Extraction, f: Finding, blocks: dict[int, list[_RunAt]]) -> list[_RunAt]:
    """The runs a finding's comment covers: its figures' runs in the first figure's block."""
    spans = [g.span for g in f.figures if g.span.end > g.span.start] or list(f.spans[:1])
    if not spans and f.sentence is not None:
        spans = [f.sentence]
    block = None
    hit: list[_RunAt] = []
    for s in spans:
        w = _where(ext, s)
        if w is None or (block is not None and w[0] != block):
            continue
        block = w[0]
        hit += [r for r in blocks.get(w[0], []) if r.start < w[2] and r.end > w[1]]
    return sorted(hit, key=lambda r: r.start)


def comment_text(f: Finding) -> str:
    """The comment: severity in Chinese, code and name, status, the message with its arithmetic."""
    tag = "通过" if f.status == "consistent" else LABEL[f.severity]
    return f"【{tag}】{f.code} {f.name}（{STATUS[f.status]}）：{f.message}"


def annotate(ext: Extraction, findings: list[Finding], output: str | Path, *,
             force: bool = False, author: str = "gongwen") -> Path:
    """Write ``output``: the checked .docx with one comment per finding; returns the path."""
    import docx
    from lxml import etree

    path = Path(ext.document.source.path)
    if ext.document.source.format != "docx":
        raise GongwenError("--annotate needs a .docx report (comments are Word's)", path)
    original = path.read_bytes()
    document = docx.Document(io.BytesIO(original))
    blocks = _block_runs(document.element.body)
    fallback = next((r for runs in blocks.values() for r in runs), None)
    if findings and fallback is None:
        raise GongwenError("no text run to anchor a comment on", path)
    from docx.text.run import Run

    for f in findings:
        runs = _anchor(ext, f, blocks) or ([fallback] if fallback else [])
        document.add_comment([Run(r.run, None) for r in (runs[0], runs[-1])],  # type: ignore[arg-type]
                             text=comment_text(f), author=author, initials="GW")
    if not findings:
        return atomic_write(output, original, force=force)
    new_parts: dict[str, bytes] = {}
    main = str(document.part.partname).lstrip("/")  # word/document.xml
    new_parts[main] = _prolog(_original_part(original, main)) + etree.tostring(document.element, encoding="UTF-8")
    comments = document.part._comments_part
    new_parts[str(comments.partname).lstrip("/")] = comments.blob
    rid = next(k for k, rel in document.part.rels.items() if rel.reltype == _COMMENTS_REL)
    target = str(comments.partname).rsplit("/", 1)[-1]
    rels_name = "/".join([*main.split("/")[:-1], "_rels", main.split("/")[-1] + ".rels"])
    rels = _original_part(original, rels_name).decode("utf-8")
    if _COMMENTS_REL not in rels:
        rels = _insert_before(rels, "</Relationships>",
                              f'<Relationship Id="{rid}" Type="{_COMMENTS_REL}" Target="{target}"/>')
        new_parts[rels_name] = rels.encode("utf-8")
    types = _original_part(original, _CONTENT_TYPES).decode("utf-8")
    if _COMMENTS_TYPE not in types:
        types = _insert_before(types, "</Types>",
                               f'<Override PartName="{comments.partname}" ContentType="{_COMMENTS_TYPE}"/>')
        new_parts[_CONTENT_TYPES] = types.encode("utf-8")
    return atomic_write(output, _rezip(original, new_parts), force=force)


def _original_part(original: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(original)) as z:
        return z.read(name)


def _prolog(xml: bytes) -> bytes:
    """Everything before the root element (the XML declaration exactly as the file wrote it)."""
    m = re.search(rb"<(?![?!])", xml)
    return xml[: m.start()] if m else b""


def _insert_before(text: str, closing: str, element: str) -> str:
    i = text.rfind(closing)
    if i < 0:
        raise GongwenError(f"unexpected package part: no {closing}")
    return text[:i] + element + text[i:]


def _rezip(original: bytes, new_parts: dict[str, bytes]) -> bytes:
    """The original zip with ``new_parts`` replaced or added; other entries copied unchanged."""
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as zin, zipfile.ZipFile(buf, "w") as zout:
        names = set()
        for info in zin.infolist():
            names.add(info.filename)
            data = new_parts.get(info.filename)
            zout.writestr(info, data if data is not None else zin.read(info.filename))
        for name, data in new_parts.items():
            if name not in names:
                zout.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data,
                              compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()
