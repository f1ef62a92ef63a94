"""The vocabularies of the party's, the courts', the congress's and the mass bodies of a county
(data/vocab/: 人民法院, 人民检察院 …), written from their official indicator names: each body's
issuer line picks its file, and an invented sentence of its report gets that body's program and
category.  Invented sentences."""

from __future__ import annotations

import pytest

from gongwen.extract.figures.words.vocab import choose_vocab, load_vocab
from gongwen.extract.pipeline import document_from_text, extract


def _figures(issuer: str, body: str) -> dict[str, tuple[str | None, str | None]]:
    text = f"{issuer}2025年工作报告\n一、主要工作\n{body}\n{issuer}\n2025年12月26日"
    return {f.as_written: (f.program, f.scope) for f in extract(document_from_text(text)).figures}


@pytest.mark.parametrize("issuer, bureau", [
    ("青禾县人民法院", "fayuan"),
    ("青禾市中级人民法院", "fayuan"),
    ("青禾县人民检察院", "jianchayuan"),
])
def test_the_issuer_line_picks_the_bodys_vocabulary(issuer: str, bureau: str) -> None:
    assert choose_vocab(None, issuer) == bureau


def test_vocab_fayuan_caseload_trials_execution_and_mediation() -> None:
    f = _figures("青禾县人民法院",
                 "全年共受理各类案件8,412件，审执结7,960件。审结刑事案件512件。受理执行案件2,310件，"
                 "执行到位金额3.2亿元。诉前调解成功1,204件。一审服判息诉率91.3%。")
    assert f["8,412件"][0] == "审判执行"
    assert f["512件"] == ("刑事审判", "刑事案件")
    assert f["2,310件"][0] == "执行工作"
    assert f["3.2亿元"][0] == "执行工作"
    assert f["1,204件"][0] == "诉前调解"
    assert f["91.3%"][0] == "审判质效"


def test_vocab_jianchayuan_arrests_prosecution_and_public_interest() -> None:
    f = _figures("青禾县人民检察院",
                 "批准逮捕犯罪嫌疑人126人。起诉危险驾驶犯罪42人。认罪认罚从宽制度适用率92.1%。"
                 "办理公益诉讼案件46件。救助困难被害人18人，发放司法救助金27.5万元。")
    assert f["126人"] == ("审查逮捕", "全县")  # the suspects a count counts are no category
    assert f["42人"] == ("审查起诉", "危险驾驶犯罪")  # the category as written
    assert f["92.1%"][0] == "认罪认罚从宽制度"
    assert f["46件"][0] == "公益诉讼"
    assert f["27.5万元"][0] == "司法救助"


def test_a_courts_words_are_read_in_its_own_reports_only() -> None:
    """``own_reports_only``: another office's report of a case or of 司法救助 names no program of the
    court's — its words are no evidence there, not even by a program's full name."""
    assert load_vocab("fayuan").alias_map["审判执行工作"] == "审判执行"
    for elsewhere in ("minzheng", "sifa", None):
        v = load_vocab(elsewhere)
        assert "审判执行工作" not in v.alias_map and "国家司法救助" not in v.alias_map
    f = _figures("青禾县民政局", "配合开展国家司法救助工作，全年衔接救助对象14人。")
    assert f["14人"][0] != "司法救助"
