"""Markdown and plain-text output of blocks, for preview and review."""

from __future__ import annotations

import re

from .markup import Block

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_LIST_START = re.compile(r"^(\d+[.)]|[-+])")


def _md_escape(text: str) -> str:
    """Backslash-escape Markdown's active characters so data text shows as written (CommonMark)."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def to_markdown(blocks: list[Block]) -> str:
    """Title as ``#``, headings as ``##``–``#####`` with their literal markers, placeholders in bold."""
    out: list[str] = []
    for b in blocks:
        body = "".join(f"**{_md_escape(i.text)}**" if i.placeholder else _md_escape(i.text) for i in b.inlines)
        if b.kind == "title":
            out.append(f"# {body}")
        elif b.kind.startswith("h"):
            out.append(f"{'#' * (b.level + 1)} {_md_escape(b.marker)}{body}")
        elif b.kind in ("signature", "date"):
            out.append(f"<div align=\"right\">{body}</div>")
        else:
            # A paragraph that starts like a list item (1. / - / +) must stay a paragraph.
            out.append(_LIST_START.sub(lambda m: m.group(0)[:-1] + "\\" + m.group(0)[-1], body, count=1))
    return "\n\n".join(out) + "\n"


def to_text(blocks: list[Block]) -> str:
    """Plain text: one paragraph per line, body paragraphs indented two full-width spaces."""
    out: list[str] = []
    for b in blocks:
        if b.kind == "title":
            out.extend([b.text, ""])
        elif b.kind in ("signature", "date"):
            out.append(b.text)
        else:
            out.append("\u3000\u3000" + b.text)
    text = "\n".join(out)
    # The closing block is set off by one blank line, as on paper.
    first_closing = next((i for i, b in enumerate(blocks) if b.kind in ("signature", "date")), None)
    if first_closing is not None:
        lines = text.split("\n")
        n_before = sum(2 if b.kind == "title" else 1 for b in blocks[:first_closing])
        lines.insert(n_before, "")
        text = "\n".join(lines)
    return text + "\n"
