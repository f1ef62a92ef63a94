"""The intermediate between templates and writers: a line-based markup of blocks.

A template renders to lines such as::

    title: 青山县民政局2025年工作总结
    p: 2025年，……
    h1: 工作完成情况
    h2: 社会救助
    signature: 青山县民政局
    date: 2025年12月20日

One directive per line (``title``, ``h1``–``h4``, ``p``, ``signature``, ``date``); blank lines
are ignored and a directive with empty text is dropped (an empty section renders nothing).
Tables, 附件说明 and 附注 have their own: consecutive ``th:`` (header) and ``tr:`` lines, cells
separated by tabs, make one table; ``attachment:`` lines are the 附件说明 (numbered 1. 2. … when
there are several); ``note:`` is a 附注, set below the date.  The
generator numbers headings (一、（一）1.（1）); templates never write markers.  Data values reach
the markup through the template environment's ``finalize``, which folds line breaks, so a value
can never start a directive of its own; ``& < >`` pass through untouched because the writers
build the .docx with python-docx, not by splicing XML.  Placeholders (【待填：…】) travel as
text between two private-use sentinels and become highlighted runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from ..errors import TemplateError
from .phrasing import chinese_ordinal

BlockKind = Literal["title", "h1", "h2", "h3", "h4", "p", "signature", "date", "table", "attachment", "note"]
KINDS: tuple[str, ...] = ("title", "h1", "h2", "h3", "h4", "p", "signature", "date",  # what templates write
                          "th", "tr", "attachment", "note")
OPEN, CLOSE = "\ue000", "\ue001"  # placeholder sentinels (private use: never in real text)
_LINE = re.compile(r"^(title|h[1-4]|p|signature|date|th|tr|attachment|note):(?:[ \t](.*))?$", re.S)


@dataclass(frozen=True)
class Inline:
    """A stretch of text; ``placeholder`` ones are shown highlighted (【待填：…】)."""

    text: str
    placeholder: bool = False


Row = tuple[tuple[Inline, ...], ...]  # a table row: each cell's inlines


@dataclass(frozen=True)
class Block:
    """One paragraph of the output: its kind, the generated marker and its inline texts.

    Drafts add three kinds: ``table`` (``rows`` of cells, ``header_rows`` of them heading it),
    ``attachment`` (one item of the 附件说明; ``marker`` is its number, 1. 2. …, or empty for a
    single attachment; a run of them is one list) and ``note`` (附注, set below the date).
    """

    kind: BlockKind
    inlines: tuple[Inline, ...]
    marker: str = ""
    rows: tuple[Row, ...] = ()
    header_rows: int = 0

    @property
    def text(self) -> str:
        """The visible text, marker included (a table's cells joined by tabs, rows by newlines)."""
        if self.kind == "table":
            return "\n".join("\t".join("".join(i.text for i in cell) for cell in row) for row in self.rows)
        return self.marker + "".join(i.text for i in self.inlines)

    @property
    def all_inlines(self) -> tuple[Inline, ...]:
        """Every inline in reading order, a table's cells included."""
        return self.inlines + tuple(i for row in self.rows for cell in row for i in cell)

    @property
    def level(self) -> int:
        return int(self.kind[1]) if self.kind.startswith("h") else 0


def placeholder(text: str) -> str:
    """Wrap text as a highlighted placeholder for the writers."""
    return OPEN + text.replace(OPEN, "").replace(CLOSE, "") + CLOSE


def strip_sentinels(text: str) -> str:
    """Remove placeholder sentinels (from data values, which must not forge placeholders)."""
    return text.replace(OPEN, "").replace(CLOSE, "")


def split_inlines(text: str) -> tuple[Inline, ...]:
    """Cut text at the sentinels into plain and placeholder inlines (empty pieces dropped).

    >>> split_inlines("共\\ue000【待填】\\ue001户")
    (Inline(text='共', placeholder=False), Inline(text='【待填】', placeholder=True), Inline(text='户', placeholder=False))
    """
    out: list[Inline] = []
    for i, piece in enumerate(re.split(f"[{OPEN}{CLOSE}]", text)):
        if piece:
            out.append(Inline(piece, placeholder=i % 2 == 1))
    return tuple(out)


def marker(level: int, n: int) -> str:
    """The literal marker of a heading: 一、 （一） 1. （1）.

    >>> [marker(lv, 3) for lv in (1, 2, 3, 4)]
    ['三、', '（三）', '3.', '（3）']
    """
    if level == 1:
        return f"{chinese_ordinal(n)}、"
    if level == 2:
        return f"（{chinese_ordinal(n)}）"
    if level == 3:
        return f"{n}."
    return f"（{n}）"


def parse(rendered: str, source: str = "<template>") -> list[Block]:
    """Parse rendered markup into blocks and number the headings.

    >>> [b.text for b in parse("title: T\\nh1: 甲\\nh2: 乙\\np: 正文\\nh1: 丙\\nh2: 丁")]
    ['T', '一、甲', '（一）乙', '正文', '二、丙', '（一）丁']
    """
    blocks: list[Block] = []
    counters = [0, 0, 0, 0]
    rows: list[Row] = []
    header = 0

    def close_table() -> None:
        nonlocal rows, header
        if rows:
            width = max(len(r) for r in rows)
            rows = [r + ((),) * (width - len(r)) for r in rows]
            blocks.append(Block("table", (), rows=tuple(rows), header_rows=header))
        rows, header = [], 0

    for n, raw in enumerate(rendered.splitlines(), 1):
        line = raw.strip(" \r\n\u3000")
        if not line.strip():
            continue
        m = _LINE.match(line)
        if not m:
            raise TemplateError(
                f"rendered line {n}: expected a directive (title:, h1:…h4:, p:, signature:, date:, th:, tr:, "
                f"attachment:, note:), got {strip_sentinels(line)[:40]!r}", source)
        kind = m.group(1)
        if kind in ("th", "tr"):
            if kind == "th" and rows and header < len(rows):
                close_table()  # a header after body rows starts the next table
            rows.append(tuple(split_inlines(c.strip()) for c in (m.group(2) or "").split("\t")))
            header += kind == "th"
            continue
        close_table()
        text = (m.group(2) or "").strip()
        if not strip_sentinels(text).strip():
            continue
        if kind == "title" and any(b.kind == "title" for b in blocks):
            raise TemplateError(f"rendered line {n}: a second title line", source)
        mk = ""
        if kind.startswith("h"):
            level = int(kind[1])
            counters[level - 1] += 1
            for i in range(level, 4):
                counters[i] = 0
            mk = marker(level, counters[level - 1])
        blocks.append(Block(kind, split_inlines(text), mk))  # type: ignore[arg-type]
    close_table()
    if not any(b.kind == "title" for b in blocks):
        raise TemplateError("the template produced no title line", source)
    return _number_attachments(blocks)


def _number_attachments(blocks: list[Block]) -> list[Block]:
    """A run of several attachments is numbered 1. 2. …; one alone has no number (§7.3.4).

    >>> [b.text for b in _number_attachments([Block("attachment", (Inline("甲表"),)),
    ...                                        Block("attachment", (Inline("2025年名录"),))])]
    ['1. 甲表', '2. 2025年名录']
    """
    out = list(blocks)
    k = 0
    while k < len(out):
        if out[k].kind != "attachment":
            k += 1
            continue
        end = k
        while end < len(out) and out[end].kind == "attachment":
            end += 1
        run = out[k:end]
        if len(run) > 1:
            # 1. 2025年… (a space), not 1.2025年… (which reads as a number); every number alike
            gap = " " if any(b.inlines and b.inlines[0].text[:1].isdigit() for b in run) else ""
            out[k:end] = [replace(b, marker=f"{i}.{gap}") for i, b in enumerate(run, 1)]
        k = end
    return out


def placeholders(blocks: list[Block]) -> list[str]:
    """Every placeholder text in document order (listed again at the end of a draft)."""
    return [i.text for b in blocks for i in b.all_inlines if i.placeholder]
