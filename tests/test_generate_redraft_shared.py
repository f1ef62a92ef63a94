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
    # the figures a 分别 list of rates compares state last year's values too (共 and 为 give way)
    assert "2021年1-9月全市实施临时救助由上年同期的440人次减少到400人次、由上年同期的41.57万元减少到40.1万元，" \
        "救助水平由944.76元/人次提高到1002.5元/人次，救助人次、救助金额、救助水平比2020年同期分别减少9.1%、减少3.5%、" \
        "增加6.1%" in text
    # a count whose sentence stated no comparison is re-stated against last year's same period,
    # and so is every item of its breakdown in brackets
    assert "2021年11月我市低保由上年同期的6154户减少到6000户、由上年同期的11160人减少到10900人（城镇低保由上年同期的" \
        "416户减少到400户、由上年同期的575人减少到560人，农村低保由上年同期的5738户减少到5600户、由上年同期的10585人" \
        "减少到10340人），1-11月发放低保金由上年同期的3992.7915万元减少到3900.5万元" in text
    assert "我市有特困供养人员由上年同期的2969人减少到2900人（其中城镇特困由上年同期的63人减少到60人、农村特困由上年" \
        "同期的2906人减少到2840人）" in text


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


# Twenty values outside breakdowns, 分别 sentences and tables, with increases and decreases:
# every one is read back with last year's value as its base (the two-part total adds up).
ROUND_TRIP = {"807元": 846, "637元": 660, "580元": 610, "1292元": 1350, "928元": 980, "1110元": 1150,
              "2820元/人/年": 2950, "6154户": 6000, "11160人": 10900, "3992.7915万元": "3900.5", "2969人": 2900,
              "2821.7069万元": "2790.3", "2935人": 2900, "4447人": 4600, "9707人": 9800, "7717220元": 7900000,
              "22589520元": 22000000, "30306740元": 29900000, "347张": 360, "817.4548万元": "820.5"}


def _values(template: redraft.Template, table: dict[str, object]) -> dict[str, Decimal | None]:
    values: dict[str, Decimal | None] = {}
    for written, v in table.items():
        slot = next(s for s in template.slots if s.literal + s.unit == written)
        values[slot.id] = Decimal(str(v))
    return values


@pytest.fixture(scope="module")
def round_trip(template: redraft.Template, tmp_path_factory: pytest.TempPathFactory) -> tuple[
        redraft.DraftResult, Path]:
    result = redraft.draft(template, values=_values(template, ROUND_TRIP), date="2021-11-20")
    out = tmp_path_factory.mktemp("round") / "draft.docx"
    out.write_bytes(result.docx_bytes())
    return result, out


def test_round_trip_every_filled_value_has_last_years_base(round_trip: tuple[redraft.DraftResult, Path]) -> None:
    from gongwen.extract.pipeline import extract

    result, out = round_trip
    assert len(result.figures) == 20
    ext = extract(out)
    back = 0
    for f in result.figures:
        got = [g for g in ext.figures if (g.value, g.unit) == (f.value, f.unit)]
        assert any(g.previous == f.previous for g in got), (f.as_written, [(g.as_written, g.previous) for g in got])
        back += 1
    assert back == 20


def test_round_trip_draft_passes_the_checker(round_trip: tuple[redraft.DraftResult, Path]) -> None:
    from gongwen.check import check

    errors = [f for f in check(round_trip[1]).findings if f.severity == "error"]
    assert errors == [], [f.message for f in errors]


def test_restated_sentences_read_like_the_genre(round_trip: tuple[redraft.DraftResult, Path]) -> None:
    text = round_trip[0].text
    assert "生活补贴发放金额由上年同期的7717220元增加到7900000元，护理补贴发放金额由上年同期的22589520元减少到" \
        "22000000元，两项合计由上年同期的30306740元减少到29900000元" in text  # the copula 为 gives way
    # a stated pair (2640 → 2820 元/人/年 last year): the restated change starts from last year's new value
    assert "原来的2640元" not in text and "原来的2820元/人/年提高到2950元/人/年" in text
    assert "共有床位数由上年的347张增加到360张" in text
    assert "我市【待填】间乡镇敬老院均已" in text  # a count followed by its noun keeps its words


def test_a_filled_steady_value_is_stated_as_steady(template: redraft.Template) -> None:
    slot = next(s for s in template.slots if s.literal + s.unit == "2969人")
    text = redraft.draft(template, values={slot.id: Decimal(2969)}).text
    assert "我市有特困供养人员保持在2969人（其中" in text


def test_a_steady_value_round_trips(template: redraft.Template, tmp_path: Path) -> None:
    from gongwen.extract.pipeline import extract

    slot = next(s for s in template.slots if s.literal + s.unit == "347张")
    out = tmp_path / "steady.docx"
    out.write_bytes(redraft.draft(template, values={slot.id: Decimal(347)}).docx_bytes())
    assert any(g.value == 347 and g.previous == 347 for g in extract(out).figures)


def test_keep_sentences_keeps_last_years_words(template: redraft.Template) -> None:
    text = redraft.draft(template, values=_values(template, VALUES), keep_sentences=True).text
    assert "2021年11月我市低保6000户10900人（城镇低保400户560人，农村低保5600户10340人），1-11月发放低保金3900.5万元" in text
    assert "由上年的" not in text
    assert "城镇居民最低生活保障标准由现行每人每月807元提高到每人每月846元" in text  # stated pairs still rewritten


# Twenty values that are breakdown items (in brackets, with and without 其中, one without its
# unit), their totals and the figures a 分别 list of rates compares; parts add up to their totals
# and the relief level is amount ÷ count.
BREAKDOWNS = {"6154户": 6000, "11160人": 10900, "416户": 400, "575人": 560, "5738户": 5600, "10585人": 10340,
              "3992.7915万元": "3900.5", "2969人": 2900, "63人": 60, "2906人": 2840, "2935人": 2900, "330人": 320,
              "74人": 70, "2531人": 2510, "143人次": 150, "113人次": 118, "30人": 32, "440人次": 400,
              "41.57万元": "40.1", "944.76元/人次": "1002.5"}


@pytest.fixture(scope="module")
def breakdowns(template: redraft.Template, tmp_path_factory: pytest.TempPathFactory) -> tuple[
        redraft.DraftResult, Path]:
    result = redraft.draft(template, values=_values(template, BREAKDOWNS), date="2021-11-20")
    out = tmp_path_factory.mktemp("breakdowns") / "draft.docx"
    out.write_bytes(result.docx_bytes())
    return result, out


def test_round_trip_of_breakdowns_and_respective_lists(breakdowns: tuple[redraft.DraftResult, Path]) -> None:
    from gongwen.extract.pipeline import extract

    result, out = breakdowns
    assert len(result.figures) == 20
    ext = extract(out)
    back = []
    for f in result.figures:
        got = [g for g in ext.figures if (g.value, g.unit) == (f.value, f.unit)]
        if any(g.previous == f.previous for g in got):
            back.append(f.as_written)
    assert len(back) == 20, sorted({f.as_written for f in result.figures} - set(back))
    text = result.text
    assert "救助总数由上年同期的143人次增加到150人次(站内救助由上年同期的113人次增加到118人次，站外救助由上年同期的" \
        "30人增加到32人)" in text  # an item written without its unit states it once re-stated
    assert "我市现有特困供养人员由上年的2935人减少到2900人（其中失能由上年的330人减少到320人，半失能由上年的74人减少到70人，" \
        "自理由上年的2531人减少到2510人）" in text


def test_breakdown_draft_passes_the_checker(breakdowns: tuple[redraft.DraftResult, Path]) -> None:
    from gongwen.check import check

    errors = [f for f in check(breakdowns[1]).findings if f.severity == "error"]
    assert errors == [], [f.message for f in errors]


def test_done_when_through_the_command_line(lianzhou: Path, tmp_path: Path, capsys) -> None:
    """The issue's workflow as a clerk runs it: skeleton, 20 values (breakdowns and 分别-compared
    figures among them) filled in the YAML, ``draft --data -o`` without --force (the checker finds
    no error, so the file is written), then ``gongwen extract`` gives every value with last year's
    as previous and reads no placeholder, and ``gongwen check`` reports no error."""
    import json

    import yaml

    from gongwen.cli import main

    def run(argv: list[str]) -> tuple[int, str, str]:
        try:
            main(argv)
            code = 0
        except SystemExit as e:
            code = int(e.code or 0)
        out = capsys.readouterr()
        return code, out.out, out.err

    skel = tmp_path / "next.yaml"
    code, _, err = run(["draft", str(lianzhou / "source.docx"), "--year", "2021", "--skeleton", "-o", str(skel)])
    assert code == 0, err
    data = yaml.safe_load(skel.read_text(encoding="utf-8"))
    wanted = dict(BREAKDOWNS)
    filled = []  # (value, last year's) in the base unit
    for slot in data["slots"]:
        key = f"{Decimal(str(slot['last'])).normalize():f}{slot['unit']}"
        if key in wanted:
            slot["value"] = wanted.pop(key)
            scale = Decimal(10000) if slot["unit"] == "万元" else Decimal(1)
            filled.append((Decimal(str(slot["value"])) * scale, Decimal(str(slot["last"])) * scale))
    assert wanted == {}, wanted
    data["date"] = "2021-11-20"
    skel.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "draft.docx"
    code, _, err = run(["draft", str(lianzhou / "source.docx"), "--data", str(skel), "-o", str(out)])
    assert code == 0 and out.is_file(), err
    assert "(20 of " in err and "error:" not in err
    code, js, err = run(["extract", str(out), "--format", "json"])
    assert code == 0, err
    figures = json.loads(js)["figures"]
    assert not any("待" in f["as_written"] for f in figures)
    back = {(Decimal(str(f["value"])), Decimal(str(f["previous"]))) for f in figures if f["previous"] is not None}
    assert len(filled) == 20 and [f for f in filled if f not in back] == []
    code, _, err = run(["check", str(out)])
    assert code == 0, err
