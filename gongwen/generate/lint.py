"""Faults of generated sentences, kept as data (``data/sentence_faults.yaml``).

The generator writes its own comparisons; these checks say whether what it wrote reads like the
genre (每人每月846元, one period per paragraph, no doubled words).  Pure functions, used by the
tests on every generated sentence.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from .phrasing import _table
from .schema import Program
from .wording import names_program


@dataclass(frozen=True)
class Fault:
    """One fault found: its id, what the genre writes instead, and the text that matched."""

    id: str
    why: str
    found: str


@functools.cache
def _faults() -> tuple[tuple[str, str, regex.Pattern[str]], ...]:
    return tuple((f["id"], f["why"], regex.compile(f["pattern"])) for f in _table("sentence_faults.yaml")["faults"])


def fault_ids() -> list[str]:
    """The ids of every fault in the table, in table order."""
    return [i for i, _, _ in _faults()]


def faults(paragraph: str, program: Program | None = None) -> list[Fault]:
    """The faults of one generated paragraph; with ``program``, also each sentence that does not name it.

    >>> [f.id for f in faults("城镇保障标准由上年的915元/人/月提高到958元/人/月。")]
    ['slash-unit']
    >>> [f.id for f in faults("2021年10—10月，公办公办机构数增加到3个。")]
    ['doubled-word', 'one-month-range']
    """
    out = [Fault(i, why, m.group(0)) for i, why, rx in _faults() for m in [rx.search(paragraph)] if m]
    if program is not None:
        for s in sentences(paragraph):
            if regex.search(r"\d", s) and not names_program(s, program):
                out.append(Fault("program-not-named", "every sentence with a figure names its program", s))
    return out


def sentences(paragraph: str) -> list[str]:
    """The sentences of a paragraph, each with its stop (。！？).

    >>> sentences("甲。乙！丙")
    ['甲。', '乙！', '丙']
    """
    return [s for s in regex.findall(r"[^。！？]+[。！？]?", paragraph) if s.strip()]
