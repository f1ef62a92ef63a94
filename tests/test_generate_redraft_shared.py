"""Drafting 2021 from the shared development report (needs GONGWEN_SHARED): the issue's measures.

Characters kept, headings kept, a 20-value draft that passes ``gongwen check`` without
``--force``, every filled comparison right, and the extract round trip.
"""

from __future__ import annotations

import difflib
import re
from decimal import Decimal
from pathlib import Path

import pytest

from gongwen.generate import redraft

pytest.importorskip("gongwen.extract.figures.assemble", reason="drafting needs the figure extractor")

# Twenty values for 2021, consistent with each other (households and persons add up, the
# relief level is amount ÷ count), with increases, decreases and a steady value.
VALUES = {"807元": 846, "637元": 660, "580元": 610, "301元": 301, "6154户": 6000, "11160人": 10900,
          "416户": 400, "575人": 560, "5738户": 5600, "10585人": 10340, "3992.7915万元": "3900.5",
          "1292元": 1350, "928元": 980, "2969人": 2900, "63人": 60, "2906人": 2840, "440人次": 400,
          "41.57万元": "40.1", "944.76元/人次": "1002.5", "1110元": 1150}


def _cjk(s: str) -> str:
    return "".join(re.findall(r"[\u4e00-\u9fff]", s))


@pytest.fixture(scope="module")
def template(lianzhou: Path) -> redraft.Template:
    return redraft.prepare(lianzhou / "source.docx", 2021)


@pytest.fixture(scope="module")
def filled(template: redraft.Template) -> redraft.DraftResult:
    values: dict[str, Decimal | None] = {}
    for written, v in VALUES.items():  # the first slot written so (slot ids follow the extractor)
        slot = next(s for s in template.slots if s.literal + s.unit == written)
        values[slot.id] = Decimal(str(v))
    assert len(values) == 20
    return redraft.draft(template, values=values, date="2021-11-20")


def test_unfilled_draft_keeps_last_years_words(template: redraft.Template) -> None:
    last = _cjk(template.document.text)
    draft = _cjk(redraft.draft(template).text)
    sm = difflib.SequenceMatcher(None, last, draft, autojunk=False)
    kept = sum(b.size for b in sm.get_matching_blocks()) / len(last)
    assert kept >= 0.95, f"{kept:.1%} of last year's Chinese characters kept"


def test_every_heading_is_kept(template: redraft.Template) -> None:
    text = redraft.draft(template).text
    doc = template.document
    for h in doc.headings:
        assert _cjk(doc.slice(h.title_span)) in _cjk(text), h.title


def test_skeleton_offers_statistics_only(template: redraft.Template) -> None:
    kinds = {s.figure.kind for s in template.slots}
    assert kinds <= {"actual", "standard", "change"}
    assert all(s.figure.previous is not None for s in template.slots if s.figure.kind == "change")
    written = {s.literal + s.unit for s in template.slots}
    for fact in ("1500元", "5700万元", "24小时", "10天", "30%"):  # a rule, a 十三五 total, conditions, a target
        assert fact not in written


def test_filled_comparisons_are_right(filled: redraft.DraftResult) -> None:
    text = filled.text
    assert "城镇居民最低生活保障标准由现行每人每月807元提高到每人每月846元" in text
    assert "月人均补差由301元提至301元" not in text and "月人均补差保持在301元" in text
    assert "由原每人每月1292元提高至每人每月1350元，比原供养标准每人提高了58元" in text
    assert "社会散居孤儿标准从每人每月1110元提高到1150元" in text
    assert "400人次共40.1万元，救助水平为1002.5元/人次，救助人次、救助金额、救助水平比2020年同期分别减少9.1%、减少3.5%、增加6.1%" in text
    assert "2021年11月我市低保6000户10900人（城镇低保400户560人，农村低保5600户10340人）" in text


def test_twenty_value_draft_passes_the_checker(filled: redraft.DraftResult, tmp_path: Path) -> None:
    from gongwen.check import check

    out = tmp_path / "draft.docx"
    out.write_bytes(filled.docx_bytes())
    report = check(out)
    errors = [f for f in report.findings if f.severity == "error"]
    assert errors == [], [f.message for f in errors]


def test_round_trip_through_the_extractor(filled: redraft.DraftResult, tmp_path: Path) -> None:
    from gongwen.extract.pipeline import extract

    out = tmp_path / "draft.docx"
    out.write_bytes(filled.docx_bytes())
    ext = extract(out)
    assert ext.document.metadata.year == 2021
    got = {(f.value, f.unit) for f in ext.figures}
    for f in filled.figures:
        assert (f.value, f.unit) in got, f.as_written
    assert not any("待" in f.as_written for f in ext.figures)
    stated = {f.value: f.previous for f in ext.figures if f.previous is not None}
    for f in filled.figures:  # where the draft states a comparison, last year's value is its base
        if f.value in stated and f.kind in ("standard", "change"):
            assert stated[f.value] == f.previous, f.as_written
