"""Tables in plain text: rows of cells separated by ``|`` or by aligned runs of spaces.

A text dump or a hand-typed .txt report may carry a table as::

    项目          2021年1-11月  2022年1-11月  增减
    城乡低保金    2,596.8       2,718.4       121.6

or as ``| 项目 | 2021年 | 2022年 |`` rows, with or without the outer pipes (``项目 | 2021年``),
or with cells separated by tabs, as web pages and dumps give them.  Two or more consecutive
such lines (blank lines in between allowed) with the same number of cells (at least three)
become ``table_row`` lines, so the figures stage reads them cell by cell with their headers.
A two-column table (label, number) needs three rows and a number in every row but the header.

Web texts and dumps also write a table with one space between cells::

    类别 申请数(份) 核准数(份)
    甲类 1,436 1,402
    合计 2,958 2,871

A single space also parts words of prose, so such a run is a table only under a header line of
as many cells (three or more, words, none a number) and with two rows or more whose cells after
the first are numbers or dashes (— for an empty cell), the first a name.  A row's number may carry
its unit (1862人), and one column may hold short words in every row — the rows' own units
(指标 单位 2026年 2025年: 门诊人次 人次 18642 17013) — so long as every row has two numbers; such a unit
may be long (平方公里, 亿千瓦时) or per something (元/人).  Rows may open on their serial numbers 1, 2, 3 …
under a 序号 header (序号 指标名称 单位 2026年完成 2027年目标): the serial column is left out, and a 合计 row
after the numbered ones, one cell short, stays in the table.  A page footer glued into a row is read as
spaces while the table is found (:func:`..clean.clean`).
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
_SENTENCE_MARK = regex.compile(r"[。，；！？,;]")
_RULE = regex.compile(r"^\s*\|?[\s\-:|+=]+\|?\s*$")  # |---|---| separator lines
# a table written with one space between cells: the cells, a header's word, a row's number or dash
_ONE_SPACE = regex.compile(r"[ \u00a0]")
_SPACED_WORD = regex.compile(r"^(?=.*\p{Han})[^\s，。；！？,;]{1,20}$")
_SPACED_NUMBER = regex.compile(r"^(?:[-+−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|[-+−]?\d+(?:\.\d+)?%?|[—–-]{1,2})$")
# a row's number with its unit (1862人, 800户) and a unit column's short word (人次, 万元)
_SPACED_COUNT = regex.compile(r"^[-+−]?\d+(?:\.\d+)?\p{Han}{1,2}$")
# (a unit may be long — 平方公里, 亿千瓦时, 万人公里 — or per something — 元/人, 次/人 — or Latin: GB, kW)
_SPACED_UNIT = regex.compile(r"^(?:\p{Han}{1,5}(?:/\p{Han}{1,3}){0,2}|[A-Za-z]{1,3})$")


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
    lines = list(doc.lines)
    _mark_spaced(lines, blank)
    if not any(s in raw for s in ("|", "  ", "\t", "\u3000", "\u00a0")) or not _MAYBE_ROW.search(raw):
        return replace(doc, lines=lines) if lines != doc.lines else doc  # no pipe, no wide gap
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
            head = _two_word_header(lines, run[0], blank) if width == 2 else None
            if head is not None:  # 月份  清运量(吨) over 1月  31860 …: the header _cells leaves as prose
                cand[head[0]] = head[1]
                run.insert(0, head[0])
            for k in run:
                lines[k] = replace(lines[k], kind="table_row", cells=cand[k], para_end=True)
            for k in range(run[0], run[-1]):
                if _is_rule(lines[k].text):  # a Markdown |---| line inside the table is not text
                    lines[k] = replace(lines[k], text="", bold=[])
        i = max(j, i + 1)
    return replace(doc, lines=lines) if lines != doc.lines else doc


def _spaced_cells(text: str) -> list[tuple[int, int]]:
    """Cell ranges of a line split at single spaces (leading indent and trailing space left out)."""
    lead = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    out: list[tuple[int, int]] = []
    pos = lead
    for gap in _ONE_SPACE.finditer(text, lead, end):
        if gap.start() > pos:
            out.append((pos, gap.start()))
        pos = gap.end()
    if end > pos:
        out.append((pos, end))
    return out


def _spaced_row(text: str, width: int, serial: int = 0) -> list[tuple[int, int]] | None:
    """The cells of a row of a one-space table ``width`` cells wide: a name, then numbers or dashes
    (a number may carry its unit), or one short word (the row's unit) beside two numbers or more.
    With ``serial`` the row opens on that serial number before its name (1 走访台资企业 家次 412 450)."""
    cells = _spaced_cells(text)
    if len(cells) != width:
        return None
    if serial and (text[cells[0][0]:cells[0][1]] != str(serial) or _GAP.search(text.strip())):
        return None  # (a table with wide gaps is read by its gaps, its 序号 column kept: mark_text_tables)
    body = cells[1:] if serial else cells
    if not body or not _SPACED_WORD.match(text[body[0][0]:body[0][1]]):
        return None
    rest = [text[a:b] for a, b in body[1:]]
    numbers = [x for x in rest if _SPACED_NUMBER.match(x) or _SPACED_COUNT.match(x)]
    words = [x for x in rest if _SPACED_UNIT.match(x)]
    if len(numbers) + len(words) != len(rest) or len(words) > 1 or not any(_DIGIT.search(x) for x in numbers):
        return None
    if words and sum(bool(_DIGIT.search(x)) for x in numbers) < 2:
        return None
    return cells


def _word_column(text: str, cells: list[tuple[int, int]]) -> int | None:
    """The index of a row's one word cell after its name (its unit), if any."""
    for k, (a, b) in enumerate(cells[1:], 1):
        if _SPACED_UNIT.match(text[a:b]):
            return k
    return None


def _mark_spaced(lines: list, blank: Set[int]) -> None:
    """Turn the runs of a one-space table (a header line, then two rows or more: see the module
    docstring) into ``table_row`` lines, in place."""
    n = len(lines)
    i = 0
    while i < n:
        ln = lines[i]
        if ln.kind != "text" or " " not in ln.text.strip():
            i += 1
            continue
        head = _spaced_cells(ln.text)
        if len(head) < 3 or not all(_SPACED_WORD.match(ln.text[a:b]) and not _SPACED_NUMBER.match(ln.text[a:b])
                                    for a, b in head):
            i += 1
            continue
        run: list[tuple[int, list[tuple[int, int]]]] = [(i, head)]
        j = i + 1
        serial = 0  # the serial number the next row opens on, in a table with a 序号 column
        while j < n:
            if j in blank or not lines[j].text.strip():
                j += 1
                continue
            row = None
            numbered = False
            if lines[j].kind == "text":
                if serial:
                    row = _spaced_row(lines[j].text, len(head), serial)
                    numbered = row is not None
                    if row is None:  # a 合计 row after the numbered ones has no number: one cell less
                        row = _spaced_row(lines[j].text, len(head) - 1)
                else:
                    row = _spaced_row(lines[j].text, len(head))
                    if row is None and len(run) == 1:
                        row = _spaced_row(lines[j].text, len(head), 1)
                        serial = 1 if row is not None else 0
                        numbered = row is not None
            if row is None:
                break
            # the serial column is left out: the rows' names come first, as in any table
            run.append((j, row[1:] if numbered else row))
            serial += numbered
            j += 1
        if serial:
            run[0] = (i, head[1:])
        # a word column is the same column in every row (the rows' units), or the run is prose
        while len(run) >= 3 and len({_word_column(lines[k].text, c) for k, c in run[1:]}) > 1:
            run.pop()
        if len(run) < 3:
            i += 1
            continue
        for k, cells in run:
            lines[k] = replace(lines[k], kind="table_row", cells=cells, para_end=True)
        i = j


def _is_rule(text: str) -> bool:
    return "|" in text and bool(_RULE.match(text))


def _two_word_header(lines: list, first: int, blank: Set[int]) -> tuple[int, list[tuple[int, int]]] | None:
    """The header line of a two-column table: the line right above its first row, two short word
    cells with a wide gap between (no digit, no sentence punctuation) — a line ``_cells`` refuses
    alone, since two words with a wide gap may be prose, but not above a run of label/number rows."""
    k = first - 1
    if k < 0 or k in blank or lines[k].kind != "text":
        return None
    text = lines[k].text
    if _DIGIT.search(text) or _SENTENCE_MARK.search(text):
        return None
    lead, end = len(text) - len(text.lstrip()), len(text.rstrip())
    gaps = [g for g in _GAP.finditer(text, lead, end)]
    if len(gaps) != 1:
        return None
    cells = [(lead, gaps[0].start()), (gaps[0].end(), end)]
    return (k, cells) if all(0 < b - a <= 12 for a, b in cells) else None


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
