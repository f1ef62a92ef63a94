"""Drafting 分别 lists, breakdowns and later comparisons (gongwen.generate.redraft, issue 11).

Every filled value must come back from ``gongwen extract`` with last year's value as
``previous``, so each form is re-stated in words the extractor reads as a change: 分别由A1、A2
提高到B1、B2, labelled items one by one, 分别减少a对和增加b对 recomputed.  The report is our own
invented text.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from gongwen.generate import redraft

pytest.importorskip("gongwen.extract.figures.assemble", reason="drafting needs the figure extractor")

LAST = """青禾县民政局2024年工作总结
2024年，县民政局围绕兜底保障中心工作，各项工作稳步推进。现将有关情况总结如下：
一、工作完成情况
截至2024年11月底，全县集中供养和分散供养特困人员分别为1,210人、3,480人，合计4,690人。\
全县80至89周岁、90周岁以上老年人的高龄津贴分别为每人每月60元、120元。\
孤儿基本生活保障标准分别为集中养育每人每月1,900元、社会散居每人每月1,400元。\
1-11月办理结婚登记1,010对、离婚登记280对，较上年同期分别减少40对和增加12对。
截至2024年11月底，全县养老保险参保人数9,350人，比上年末增加215人。残疾儿童家庭无障碍改造户均投入一万二千元。
二、存在问题
基层工作力量薄弱。
青禾县民政局
2024年12月10日
"""
NEW = ["1300", "3400", "4700", "65", "130", "1950", "1450", "990", "300", "9500", "13000"]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> redraft.Template:
    path = tmp_path_factory.mktemp("lists") / "last.txt"
    path.write_text(LAST, encoding="utf-8")
    return redraft.prepare(path, 2025)


@pytest.fixture(scope="module")
def filled(template: redraft.Template) -> redraft.DraftResult:
    assert [s.literal + s.unit for s in template.slots] == [
        "1,210人", "3,480人", "4,690人", "60元", "120元", "1,900元", "1,400元", "1,010对", "280对", "9,350人",
        "一万二千元"]
    values = {s.id: Decimal(v) for s, v in zip(template.slots, NEW)}
    return redraft.draft(template, values=values, date="2025-12-10")


@pytest.mark.parametrize("phrase", [
    # mixed signs: one neutral verb for the list; the total after it is re-stated on its own
    "全县集中供养和分散供养特困人员分别由上年同期的1,210人、3,480人调整为1,300人、3,400人，合计由上年同期的4,690人增加到4,700人。",
    # a level: 由A提高到B, the list keeps its unit style
    "高龄津贴分别由每人每月60元、120元提高到每人每月65元、130元。",
    # items with their own labels: re-stated one by one after the label
    "孤儿基本生活保障标准集中养育由每人每月1,900元提高到每人每月1,950元、社会散居由每人每月1,400元提高到每人每月1,450元。",
    # the figures a 分别 list of differences compares; the differences (和 kept) follow the numbers
    "1-11月办理结婚登记由上年同期的1,010对减少到990对、离婚登记由上年同期的280对增加到300对，较上年同期分别减少20对和增加20对。",
    # 比上年末 is another base than last year's figure: the difference stays to fill
    "全县养老保险参保人数由上年同期的9,350人增加到9,500人，比上年末增加【待填】人。",
    # a Chinese numeral with 万 is one number (an average per household: a level)
    "户均投入由一万二千元提高到13000元。",
], ids=["mixed-list", "level-list", "labelled-list", "respective-differences", "other-base", "chinese-wan"])
def test_lists_are_restated_in_the_genres_words(filled: redraft.DraftResult, phrase: str) -> None:
    assert phrase in filled.text


def test_every_value_comes_back_with_last_years_value(filled: redraft.DraftResult, tmp_path: Path) -> None:
    from gongwen.extract.pipeline import extract

    out = tmp_path / "draft.docx"
    out.write_bytes(filled.docx_bytes())
    ext = extract(out)
    got = {(g.value, g.unit, g.previous) for g in ext.figures}
    stated = [(f.value, f.unit, f.previous) for f in filled.figures]
    assert len(stated) == 11
    assert [s for s in stated if s not in got] == []
    assert stated[0] == (Decimal(1300), "人", Decimal(1210)) and stated[3] == (Decimal(65), "元/人/月", Decimal(60))


def test_filled_lists_pass_the_checker(filled: redraft.DraftResult, tmp_path: Path) -> None:
    from gongwen.check import check

    out = tmp_path / "draft.docx"
    out.write_bytes(filled.docx_bytes())
    errors = [f for f in check(out).findings if f.severity == "error"]
    assert errors == [], [f.message for f in errors]


def test_an_unfilled_list_keeps_last_years_words(template: redraft.Template) -> None:
    first = template.slots[0].id
    text = redraft.draft(template, values={first: Decimal(1300)}).text
    assert "特困人员分别为1,300人、【待填】人，合计【待填】人" in text
    assert "分别为集中养育每人每月【待填】元、社会散居每人每月【待填】元" in text
    assert "较上年同期分别增加【待填】对和【待填】对" in text  # one verb until a sign is known


def test_a_steady_list_is_stated_as_steady(template: redraft.Template) -> None:
    values = {s.id: s.last for s in template.slots[3:5]}
    text = redraft.draft(template, values=values).text
    assert "高龄津贴分别保持在每人每月60元、120元，与上年持平。" in text
