"""The work line a section heading names, for a bureau gongwen has no vocabulary file for.

A vocabulary file names each bureau's programs; a report of a bureau that has none (a 信访局, a
气象局 before anyone wrote theirs) finds only other bureaus' programs in its text, and those are
not what its figures are of.  Its headings still name its lines of work: a heading is the line and
what was done to it or how it went (临时救助及时高效, 推进老年助餐服务扩面).  :func:`work_line`
reads the line: the title without the verbs it opens on (``leads`` of ``data/worklines.yaml``), cut
before the first word that says how the line went (``predicates``), then to the longest start of
it that the report repeats outside its headings — a writer names its line in the text again
(临时救助及时 → 临时救助 when the text says 实施临时救助1528人次).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import regex

from ...._data import package_yaml

if TYPE_CHECKING:
    from ..words.vocab import Vocab

_DATA = package_yaml("gongwen.extract", "data/worklines.yaml")
_LEADS = tuple(sorted(map(str, _DATA["leads"]), key=len, reverse=True))
_PREDICATES = regex.compile("|".join(map(regex.escape, sorted(map(str, _DATA["predicates"]), key=len, reverse=True))))
_NOT_LINE = regex.compile(r"\d|" + "|".join(map(regex.escape, sorted(map(str, _DATA["not_lines"]), key=len, reverse=True))))
_REPORT_PART = regex.compile("|".join(map(regex.escape, map(str, _DATA["report_parts"]))))
_LINE_NOUNS = tuple(map(str, _DATA["line_nouns"]))
_OBJECT_WORKS = frozenset(map(str, _DATA["object_works"]))
# a place's name before the bureau's (青禾县, 东岚市梧桐区; not 市场 of 市场监督管理局) and the office
# words after what the bureau works on
_PLACE = regex.compile(r"[^省市县区州旗盟镇乡]{1,6}?(?:省|市(?!场)|县|区|州|旗|盟|镇|乡|街道)")
_OFFICE = regex.compile("(?:" + "|".join(map(regex.escape, sorted(map(str, _DATA["offices"]), key=len, reverse=True))) + ")$")
_CLAUSES = regex.compile(r"[，,；;：:。]")
_MARKS = regex.compile(r"^[“”‘’\"'《》]+|[“”‘’\"'《》]+$")
_JOINS = "和与及、"  # the words that join two lines in one heading (免疫规划和疫苗接种)
_JOINED = regex.compile(f"[{_JOINS}]")
_MIN = 2  # a line is two characters at least (防汛, 信访)


def work_line(title: str, body: str = "", repeats: int = 1) -> str | None:
    """The work line ``title`` names, or None (a part of the report: 2026年工作打算, 存在的问题).

    The title's clauses are read last first (落实优抚待遇，优抚对象获得感持续增强: the result names
    the line the action served); a clause that opens on verbs is the line they act on.  With
    ``body`` (the report's text outside the heading), the line is the first clause's that the text
    names again (a start of three characters or more) — a clause that only says how things went
    (旱情影响降到最低, 确保城市安全度汛) is no line the text ever names, the action before it
    (全力抗旱保供) is — and it is cut to its longest start that ``body`` holds at least ``repeats``
    times, when one of three characters or more does.

    >>> work_line("临时救助及时高效", "全年实施临时救助1528人次")
    '临时救助'
    >>> work_line("深入开展隐患排查整治"), work_line("2026年工作打算"), work_line("森林防灭火形势平稳")
    ('隐患排查整治', None, '森林防灭火')
    >>> work_line("全力抗旱保供，旱情影响降到最低", "组织抗旱保供，解决群众临时饮水困难")
    '抗旱保供'
    """
    lines = [x for x in (_line(c.strip()) for c in reversed(_CLAUSES.split(title))) if x is not None]
    if not lines:
        return None
    if not body:
        return lines[0]
    x = next((x for x in lines if any(x[:k] in body for k in range(len(x), 2, -1))), lines[0])
    return _repeated_start(x, body, repeats) or x


def line_choices(title: str, body: str = "", repeats: int = 1) -> tuple[str, ...]:
    """Every line ``title`` names: the line of each of its clauses (last first, as :func:`work_line`
    reads them) and, where a clause joins two lines (生态安葬和文明祭扫, 船员培训与政务服务), each of
    them — a heading that names two lines files each figure under the one its text is about.  Each
    is cut to what ``body`` repeats as :func:`work_line` cuts its line.

    >>> line_choices("生态安葬和文明祭扫深入推进", "推行生态安葬，倡导文明祭扫")
    ('生态安葬', '文明祭扫')
    >>> line_choices("全力以赴防汛排涝，确保城市安全度汛")
    ('确保城市安全度汛', '防汛排涝')
    """
    out: list[str] = []
    for clause in reversed(_CLAUSES.split(title)):
        line = _line(clause.strip())
        if line is None:
            continue
        parts = [p for p in _JOINED.split(line)]
        lines = [line] if len(parts) < 2 or any(len(p) < _MIN or _NOT_LINE.search(p) for p in parts) else parts
        for x in lines:
            x = (_repeated_start(x, body, repeats) or x) if body else x
            if x not in out:
                out.append(x)
    return tuple(out)


def _line(clause: str) -> str | None:
    """One clause of a heading as the line it names, or None."""
    changed = True
    while changed:
        changed = False
        for w in _LEADS:
            if clause.startswith(w) and len(clause) - len(w) >= _MIN:
                clause = clause[len(w):]
                changed = True
                break
    if _REPORT_PART.search(clause):
        return None
    m = _PREDICATES.search(clause, _MIN)
    if m and m.start() == _MIN and m.group() in _OBJECT_WORKS:
        m = _PREDICATES.search(clause, m.end())  # (用户|发展持续扩面: a bare object's work is its line)
    line = _MARKS.sub("", clause[: m.start()] if m else clause)
    if len(line) < _MIN or _NOT_LINE.search(line):
        return None
    return line


def _repeated_start(line: str, body: str, repeats: int) -> str | None:
    """The longest start of ``line`` (three characters or more) that ``body`` holds ``repeats``
    times — unless what it leaves off opens on, or cuts into, the noun of the work done (建设,
    服务: 高标准农田建设 is the line even when the text says 高标准农田1.2万亩): None, no cut."""
    for k in range(len(line), 2, -1):
        if len(line) - k == 1:
            continue  # (a word is not one character: 基层党建 is no 基层党 the text says in 基层党组织)
        if line[k - 1] in _JOINS:
            continue  # (a start ending on 和 names no line: 传染病防控和 of 传染病防控和卫生应急)
        if body.count(line[:k]) >= repeats:
            if k < len(line) and any(line.startswith(w, j) for w in _LINE_NOUNS
                                     for j in range(max(0, k - len(w) + 1), k + 1)):
                return None  # (a noun of the work starts at the cut or runs across it)
            return line[:k]
    return None


def issuer_object(issuer: str) -> str:
    """What the issuer's bureau works on: its name without the place before it and the office
    word after it (临峤市住房公积金管理中心 → 住房公积金, 青禾县信访局 → 信访).

    >>> issuer_object("临峤市住房公积金管理中心"), issuer_object("澜溪县市场监督管理局"), issuer_object("东岚市梧桐区商务局")
    ('住房公积金', '市场监督', '商务')
    """
    rest = issuer
    while (m := _PLACE.match(rest)) and len(rest) - m.end() >= _MIN:
        rest = rest[m.end():]
    m = _OFFICE.search(rest)
    return rest[: m.start()] if m and m.start() >= _MIN else rest


def issuer_programs(issuer: str, vocab: Vocab) -> frozenset[str]:
    """The programs of ``vocab`` that the issuer's own name names (a 公共交通有限公司 names
    城市公共交通, a 河长制办公室 河湖长制): for a body with no vocabulary file of its own, that
    program is the whole its report is about, not a line of its work — a reader files a figure
    under the line its heading names, and under the body's whole only where no heading names one.
    (Measured on the bodies of groups K–R: of the 357 figures gongwen filed under a program the
    issuer's name names, the writers filed 8 under it.)

    >>> from gongwen.extract.figures.words.vocab import load_vocab
    >>> sorted(issuer_programs("青禾县公共交通有限公司", load_vocab()))
    ['城市公共交通']
    """
    if not issuer:
        return frozenset()
    return frozenset(vocab.alias_map[m.group()] for m in vocab.alias_re.finditer(issuer))


def heading_lines(titles: Sequence[tuple[int, str]], text: str, spans: Sequence[tuple[int, int]],
                  issuer: str = "") -> tuple[dict[int, str], dict[int, tuple[str, ...]]]:
    """The work line of every heading (its start -> its line) that names one, and every line it
    names (:func:`line_choices`, its start -> them, where it names two or more); ``spans`` are the
    headings' spans, left out of the text the line is looked for in.  A line the text names after
    the issuer's object (缴存 as 住房公积金缴存, 移交安置 as 退役军人移交安置) is named so: the
    bureau's own work on its own object."""
    parts, k = [], 0
    for a, b in sorted(spans):
        parts.append(text[k:a])
        k = max(k, b)
    parts.append(text[k:])
    body = "\n".join(parts)
    obj = issuer_object(issuer) if issuer else ""
    out: dict[int, str] = {}
    choices: dict[int, tuple[str, ...]] = {}

    def named(line: str) -> str:
        return obj + line if obj and obj not in line and obj + line in body else line

    for start, title in titles:
        line = work_line(title, body)
        if line:
            out[start] = named(line)
            more = tuple(dict.fromkeys(named(x) for x in line_choices(title, body)))
            if len(more) > 1:
                choices[start] = more
    return out, choices

