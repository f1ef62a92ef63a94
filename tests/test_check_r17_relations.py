"""Relations group I's writers state and the checker missed (engineer R1, session 17), each
family with invented words run through the real extractor and checker, and a sibling that must
stay as it was so a fix cannot simply switch a rule off."""

from __future__ import annotations

from dataclasses import replace

import pytest

from gongwen.check import Report, check
from gongwen.extract.pipeline import document_from_text, extract
from gongwen.figure import Extraction

OPENING = ("关于2025年青苇县学堂协会工作情况的报告\n全年开展学堂应急救护培训6,357人，募集款物812.6万元。\n"
           "一、主要工作\n（一）救护培训覆盖面扩大。全年举办学堂应急救护培训班124期，培训{n}人。\n"
           "（二）募捐工作。动员学堂应急救护培训志愿者{m}人。\n")


def _programs(text: str, opening: str, sections: dict[str, str]) -> Report:
    """Check ``text`` with the programs of its figures set by hand: ``opening`` for those above the
    first heading, ``sections[heading]`` under a heading (a vocabulary's reading, fixed here so the
    test does not depend on which vocabulary a bureau has)."""
    ext = extract(document_from_text(text))
    figs = tuple(replace(f, program=sections[f.section[-1]] if f.section else opening) for f in ext.figures)
    return check(Extraction(ext.document, figs))


def _same(r: Report) -> list[tuple[str, list[str]]]:
    return [(f.status, sorted(g.id or "" for g in f.figures)) for f in r.by_code("GW112")]


PROGRAMS = {"救护培训覆盖面扩大": "应急救护培训", "募捐工作": "人道资源动员"}


@pytest.mark.parametrize("n, same", [
    ("6,357", [("consistent", ["f1", "f4"])]),
    ("6,375", []),  # unequal under another program: two quantities, nothing said
], ids=["equal", "unequal"])
def test_the_opening_restates_a_sections_figure_under_another_program(n: str, same: list) -> None:
    # the opening sums up every program, so the program read there is a guess: an equal value whose
    # name shares the section's words is the section's figure restated
    r = _programs(OPENING.format(n=n, m="1,204"), "社会救助", PROGRAMS)
    assert _same(r) == same


def test_two_sections_of_two_programs_stay_apart() -> None:
    # under two headings the programs are each heading's own: the same value is two quantities
    r = _programs(OPENING.format(n="4,410", m="4,410"), "社会救助", PROGRAMS)
    assert _same(r) == []
