"""Lead sentences of a text without bold: a web page that heads its paragraphs with a short sentence
("巡查监管体系持续完善。深化…") under a numbered heading, as a 工作总结 heads them with bold leads.

Every text here is invented for the test (a 局 report in the genre's words).
"""

from __future__ import annotations

from pathlib import Path

from gongwen.extract.pipeline import extract

LEADS = """标题:某县水利局2026年工作总结
发布日期:2027-01-15    来源:某县水利局

2026年,县水利局统筹推进水旱灾害防御和河湖管护各项工作。现将全年工作总结如下:

一、坚持安全第一，防汛保障能力持续增强

防汛责任体系持续完善。落实县乡村三级防汛责任人412名，全年组织防汛演练18场次。

山洪监测预警不断深化。新建雨量监测站26个，全年发布山洪预警信息1460条。

二、坚持系统治理，河湖面貌明显改善

河长巡河常态开展。全县各级河长全年巡河5230人次，整改问题316个。

水土流失治理稳步推进。完成水土流失综合治理面积38.6平方公里，较上年增加4.2平方公里。
"""

SHORT_OPENINGS = """标题:某县水利局2026年工作总结
发布日期:2027-01-15    来源:某县水利局

一、防汛工作

全年组织防汛演练18场次，落实防汛责任人412名。

二、河湖管护

全县各级河长全年巡河5230人次，整改问题316个。
"""


def _read(tmp_path: Path, text: str):  # noqa: ANN202
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    return extract(path)


def test_lead_sentences_of_a_plain_text_are_headings(tmp_path: Path) -> None:
    ex = _read(tmp_path, LEADS)
    titles = [(h.level, h.title) for h in ex.document.headings]
    assert (2, "防汛责任体系持续完善") in titles and (2, "水土流失治理稳步推进") in titles
    sections = {f.as_written: f.section[-1] for f in ex.figures}
    assert sections["1460条"] == "山洪监测预警不断深化"
    assert sections["5230人次"] == "河长巡河常态开展"


def test_a_sentence_with_a_figure_or_a_comma_is_no_lead(tmp_path: Path) -> None:
    ex = _read(tmp_path, SHORT_OPENINGS)
    assert [(h.level, h.title) for h in ex.document.headings] == [(1, "防汛工作"), (1, "河湖管护")]
