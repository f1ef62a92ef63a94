"""Markdown and plain-text output of blocks, for preview and review.

Tables come out as aligned rows: cells padded with spaces, at least two between columns, so a
reader finds the columns again (in Markdown as an indented code block, shown as typed; a pipe
table's rule row would come between the header and the rows for a reader); the 附件说明
follows the body after a blank line with its items aligned under the first, and the 附注 follows
the date.
"""

from __future__ import annotations

import re

from .layout import width
from .markup import Block, Inline

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_LIST_START = re.compile(r"^(\d+[.)]|[-+])")
_ATTACH = "附件："
_EMPTY_CELL = "—"  # an empty cell in aligned text (a gap alone would merge two columns)


def _md_escape(text: str) -> str:
    """Backslash-escape Markdown's active characters so data text shows as written (CommonMark)."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md_inlines(inlines: tuple[Inline, ...]) -> str:
    return "".join(f"**{_md_escape(i.text)}**" if i.placeholder else _md_escape(i.text) for i in inlines)


def _columns(cells: list[list[str]]) -> list[int]:
    """Display width of each column (a CJK character takes two columns)."""
    n = max(len(r) for r in cells)
    return [max((int(width(r[c]) * 2) for r in cells if c < len(r)), default=0) for c in range(n)]


def _pad(text: str, cols: int) -> str:
    return text + " " * max(0, cols - int(width(text) * 2))


def _text_table(b: Block) -> list[str]:
    cells = [["".join(i.text for i in cell).strip() or _EMPTY_CELL for cell in row] for row in b.rows]
    n = max(len(r) for r in cells)
    cells = [r + [_EMPTY_CELL] * (n - len(r)) for r in cells]
    cols = _columns(cells)
    return ["  ".join(_pad(x, w) for x, w in zip(row, cols)).rstrip() for row in cells]


def _attachment_lead(blocks: list[Block], i: int) -> str:
    """附件： before the first item of a run; as wide a space before the others (names align)."""
    first = i == 0 or blocks[i - 1].kind != "attachment"
    return _ATTACH if first else "\u3000" * int(width(_ATTACH))


def to_markdown(blocks: list[Block]) -> str:
    """Title as ``#``, headings as ``##``–``#####`` with their literal markers, placeholders in bold."""
    out: list[str] = []
    for k, b in enumerate(blocks):
        body = _md_inlines(b.inlines)
        if b.kind == "title":
            out.append(f"# {body}")
        elif b.kind.startswith("h"):
            out.append(f"{'#' * (b.level + 1)} {_md_escape(b.marker)}{body}")
        elif b.kind in ("signature", "date"):
            out.append(f"<div align=\"right\">{body}</div>")
        elif b.kind == "table":  # an indented code block: shown as typed, read back as a table
            out.append("\n".join("    " + row for row in _text_table(b)))
        elif b.kind == "attachment":
            out.append(_attachment_lead(blocks, k) + _md_escape(b.marker) + body)
        else:
            # A paragraph that starts like a list item (1. / - / +) must stay a paragraph.
            out.append(_LIST_START.sub(lambda m: m.group(0)[:-1] + "\\" + m.group(0)[-1], body, count=1))
    return "\n\n".join(out) + "\n"


def to_text(blocks: list[Block]) -> str:
    """Plain text: one paragraph per line, body paragraphs indented two full-width spaces.

    The closing block and the 附件说明 are each set off by one blank line, as on paper.
    """
    out: list[str] = []
    closing = False
    for k, b in enumerate(blocks):
        if b.kind in ("signature", "date") and not closing:
            closing = True
            out.append("")
        if b.kind == "title":
            out.extend([b.text, ""])
        elif b.kind in ("signature", "date"):
            out.append(b.text)
        elif b.kind == "table":
            out.extend(_text_table(b))
        elif b.kind == "attachment":
            lead = _attachment_lead(blocks, k)
            if lead == _ATTACH:
                out.append("")
            out.append("\u3000\u3000" + lead + b.text)
        else:
            out.append("\u3000\u3000" + b.text)
    return "\n".join(out) + "\n"
