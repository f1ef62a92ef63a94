"""Tables in plain text: rows of cells separated by ``|`` or by aligned runs of spaces.

A text dump or a hand-typed .txt report may carry a table as::

    项目          2021年1-11月  2022年1-11月  增减
    城乡低保金    2,596.8       2,718.4       121.6

or as ``| 项目 | 2021年 | 2022年 |`` rows, with or without the outer pipes (``项目 | 2021年``),
or with cells separated by tabs, as web pages and dumps give them.  Two or more consecutive
such lines (blank lines in between allowed) with the same number of cells (at least three)
become ``table_row`` lines, so the figures stage reads them cell by cell with their headers.
A two-column table (label, number) needs three rows and a number in every row but the header.
"""

from __future__ import annotations

from collections.abc import Set

import regex

from ..._frozen import replace
from ..readers.raw import RawDocument

_PIPE_ROW = regex.compile(r"^\s*\|(.+)\|\s*$")
# 项目 | 2021年 | 2022年: pipes between cells only (no pipe opening or closing the line)
_INNER_PIPE_ROW = regex.compile(r"^\s*([^|\s](?:[^|]*\|)+[^|]*[^|\s])\s*$")
_NUMBER_CELL = regex.compile(r"^[-+−]?[0-9][0-9,，.]*%?$")
_GAP = regex.compile(r"(?:\s{2,}|\t|\u3000+)")
_MAYBE_ROW = regex.compile(r"\||\S(?:[ \u00a0]{2,}|\t|\u3000)\S")  # cheap pre-filter: a pipe or a wide gap
_DIGIT = regex.compile(r"\d")
_RULE = regex.compile(r"^\s*\|?[\s\-:|+=]+\|?\s*$")  # |---|---| separator lines


def _cells(text: str) -> list[tuple[int, int]] | None:
    """Cell ranges of a table-looking line, or None."""
    m = _PIPE_ROW.match(text) or _INNER_PIPE_ROW.match(text)
    if m:
        out: list[tuple[int, int]] = []
        pos = m.start(1)
        for part in m.group(1).split("|"):
            a = pos + len(part) - len(part.lstrip())
            b = pos + len(part.rstrip())
            out.append((a, max(a, b)))
            pos += len(part) + 1
        return out if len(out) >= 2 else None
    stripped = text.strip()
    if not stripped or len(stripped) < 5:
        return None
    lead = len(text) - len(text.lstrip())
    end = len(text.rstrip())  # once: the loop below stays linear on a long line
    out = []
    pos = lead
    for gap in _GAP.finditer(text, lead):
        if gap.end() >= end + 1:
            break
        if gap.start() > pos:
            out.append((pos, gap.start()))
        pos = gap.end()
    if end > pos:
        out.append((pos, end))
    if len(out) < 2 or len(out) == 2 and "\t" not in text and not _NUMBER_CELL.match(text[out[1][0]:out[1][1]]):
        return None  # two cells: a label and a number, or a tab-separated header
    # a table row has a number in some cell and short cells (prose wraps have no wide gaps)
    if not any(_DIGIT.search(text, a, b) for a, b in out[1:]) and not all(b - a <= 12 for a, b in out):
        return None
    if any(b - a > 30 for a, b in out):
        return None
    return out


def mark_text_tables(doc: RawDocument, blank: Set[int] = frozenset()) -> RawDocument:
    """Return ``doc`` with table-looking runs of lines turned into ``table_row`` lines.

    Lines in ``blank`` (page footers the cleaner drops) count as blank lines: a table goes on
    across a page break.
    """
    raw = doc.raw
    if not any(s in raw for s in ("|", "  ", "\t", "\u3000", "\u00a0")) or not _MAYBE_ROW.search(raw):
        return doc  # no pipe and no wide gap anywhere: no text table
    lines = list(doc.lines)
    cand = [_cells(ln.text) if ln.kind == "text" and _MAYBE_ROW.search(ln.text) and not _is_rule(ln.text) else None
            for ln in lines]
    i = 0
    n = len(lines)
    while i < n:
        if cand[i] is None:
            i += 1
            continue
        width = len(cand[i] or [])
        run = [i]
        j = i + 1
        while j < n:
            if j in blank or not lines[j].text.strip() or _is_rule(lines[j].text):
                j += 1
                continue
            c = cand[j]
            if c is None or len(c) != width:
                break
            run.append(j)
            j += 1
        if len(run) >= 2 and (width > 2 or _two_column_table(lines, cand, run)):
            for k in run:
                lines[k] = replace(lines[k], kind="table_row", cells=cand[k], para_end=True)
            for k in range(run[0], run[-1]):
                if _is_rule(lines[k].text):  # a Markdown |---| line inside the table is not text
                    lines[k] = replace(lines[k], text="", bold=[])
        i = max(j, i + 1)
    return replace(doc, lines=lines) if lines != doc.lines else doc


def _is_rule(text: str) -> bool:
    return "|" in text and bool(_RULE.match(text))


def _two_column_table(lines: list, cand: list, run: list[int]) -> bool:
    """A run of label/number rows is a table only with three rows and numbers in all but the
    header (prose with a wide gap has neither)."""
    if len(run) < 3:
        return False
    nums = 0
    for k in run:
        a, b = (cand[k] or [])[1]
        nums += bool(_NUMBER_CELL.match(lines[k].text[a:b]))
    return nums >= len(run) - 1
