"""The letterhead above a title (版头: the office's mark, the document number 发文字号) is
metadata, not text: the title is found under it and no figure or heading comes from it."""

from __future__ import annotations

from gongwen.extract.pipeline import document_from_text, extract

BODY = ("2023年，我局全面落实各项救助政策，全年发放低保资金1200万元，保障对象3200人。\n\n"
        "一、主要工作\n\n城市低保标准由每人每月800元提高到850元。\n\n")


def _doc(text: str):
    ex = extract(document_from_text(text))
    body = [ex.document.text[p.span.start:p.span.end] for p in ex.document.paragraphs if p.kind == "body"]
    return ex.document.metadata, body, ex


def test_mark_and_number_above_the_title() -> None:
    md, body, ex = _doc("青禾县民政局文件\n\n青民发〔2024〕3号\n\n青禾县民政局2023年工作总结\n\n" + BODY
                        + "青禾县民政局\n2024年1月5日\n")
    assert md.title == "青禾县民政局2023年工作总结"
    assert md.doc_number == "青民发〔2024〕3号"
    assert md.issuer == "青禾县民政局" and md.year == 2023 and md.kind == "summary"
    assert not any("〔2024〕" in b for b in body)
    assert [f.value for f in ex.figures][:2] == [12000000, 3200]


def test_office_alone_above_the_number_and_a_signer() -> None:
    md, body, _ = _doc("青禾县民政局\n青民呈〔2024〕12号    签发人：李明\n青禾县民政局2023年工作总结\n\n" + BODY)
    assert (md.title, md.doc_number, md.issuer) == ("青禾县民政局2023年工作总结", "青民呈〔2024〕12号", "青禾县民政局")
    assert body[0].startswith("2023年，我局")


def test_number_under_the_title_and_a_web_field() -> None:
    md, body, _ = _doc("青禾县民政局2023年工作总结\n青民发〔2024〕3号\n\n" + BODY)
    assert (md.title, md.doc_number) == ("青禾县民政局2023年工作总结", "青民发〔2024〕3号")
    assert body[0].startswith("2023年，我局")
    md, _, _ = _doc("标题：青禾县民政局2023年工作总结\n发文字号：青民发〔2024〕3号\n发布日期：2024-01-08\n\n" + BODY)
    assert md.doc_number == "青民发〔2024〕3号"


def test_a_number_cited_in_the_body_stays_text() -> None:
    text = ("青禾县民政局2023年工作总结\n\n按照青民发〔2023〕9号文件要求，全年发放低保资金1200万元。\n\n"
            "一、主要工作\n\n城市低保标准由每人每月800元提高到850元。\n\n")
    md, body, ex = _doc(text)
    assert md.doc_number is None
    assert body[0].startswith("按照青民发〔2023〕9号")
    assert [f.value for f in ex.figures][0] == 12000000


def test_a_line_that_only_looks_like_an_office_above_no_number_is_no_letterhead() -> None:
    md, body, _ = _doc("青禾县民政局\n\n青禾县民政局2023年工作总结\n\n" + BODY)
    assert md.doc_number is None
