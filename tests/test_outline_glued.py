"""Headings a plain text ran into their first sentence, a heading line closed by 。, a short
heading line of a hard-wrapped dump, and a lone bold lead opening a section.

Every text here is invented for the test (a 街道/局 report in the genre's words).
"""

from __future__ import annotations

from pathlib import Path

from gongwen.extract.pipeline import document_from_text, extract, read
from gongwen.model import Document


def outline(doc: Document) -> list[tuple[int, str, str]]:
    return [(h.level, h.marker, h.title) for h in doc.headings]


# a web page that kept each heading's line break as one space before the paragraph
SPACED = """某市市场监管局2026年上半年工作总结
　　上半年，我局统筹推进监管和服务各项工作。现将有关情况总结如下：
　　一、监管执法持续加强 全年开展联合检查46次，查处案件12起，罚没款86.5万元。
　　二、服务效能稳步提升 上半年办理登记业务3200件，办结率99.1%。
　　三、下半年工作打算 继续抓好各项工作落实。"""


def test_a_heading_ends_where_the_page_kept_its_line_break_as_a_space(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(SPACED, encoding="utf-8")
    ex = extract(path)
    assert outline(ex.document) == [(1, "一、", "监管执法持续加强"), (1, "二、", "服务效能稳步提升"),
                                    (1, "三、", "下半年工作打算")]
    sections = {f.as_written: list(f.section) for f in ex.figures}
    assert sections["46次"] == ["监管执法持续加强"] and sections["99.1%"] == ["服务效能稳步提升"]
    h = ex.document.headings[0]
    raw = ex.document.source.raw_index(h.title_span.start)
    assert raw is not None and SPACED[raw:raw + len(h.title)] == h.title


def test_stray_spaces_in_a_sentence_end_no_heading() -> None:
    # a converted file with spaces all through its sentences: none of them ends a heading
    doc = document_from_text("某县2026年工作总结\n一、全年完成 投资3.2亿元， 同比 增长6.1%。\n二、存在问题\n资金不足。")
    assert outline(doc) == [(1, "二、", "存在问题")]


# heading lines run into the text with nothing between them; two siblings stand on lines of
# their own, both eight characters long
GLUED = """某街道2026年上半年工作总结
一、营商环境持续优化上半年，新登记市场主体326户，同比增长8.1%。
二、项目建设提速增效坚持“项目为王”，新开工项目7个，完成投资4.6亿元。
三、社会治理精细有序
全街道划分网格58个，配备专职网格员61名。
四、民生事业稳步发展
新增城镇就业412人。"""


def test_a_glued_heading_ends_at_its_siblings_length() -> None:
    doc = document_from_text(GLUED)
    assert outline(doc) == [(1, "一、", "营商环境持续优化"), (1, "二、", "项目建设提速增效"),
                            (1, "三、", "社会治理精细有序"), (1, "四、", "民生事业稳步发展")]
    assert all(h.run_in for h in doc.headings[:2])


def test_no_glued_heading_without_parallel_siblings() -> None:
    # the standalone siblings differ in length: no length to cut a glued lead at
    text = GLUED.replace("三、社会治理精细有序", "三、社会治理")
    assert [h.title for h in document_from_text(text).headings] == ["社会治理", "民生事业稳步发展"]


CLOSED = """某县民政局2026年工作总结
一、2026年工作回顾
（一）兜底保障稳中有进。全年发放低保金1260万元。
（二）基层服务扎实有效。
1.养老服务更加便捷。新建助餐点14个。
2.救助帮扶有力有序。实施临时救助386人次。
二、存在问题
基层力量薄弱。"""


def test_a_heading_line_closed_by_a_full_stop_is_a_heading() -> None:
    assert outline(document_from_text(CLOSED)) == [
        (1, "一、", "2026年工作回顾"), (2, "（一）", "兜底保障稳中有进"), (2, "（二）", "基层服务扎实有效"),
        (3, "1.", "养老服务更加便捷"), (3, "2.", "救助帮扶有力有序"), (1, "二、", "存在问题")]


def test_a_sentence_on_a_marked_line_stays_a_list_item() -> None:
    text = CLOSED.replace("（二）基层服务扎实有效。", "（二）全年走访困难群众，发放慰问金。")
    assert "全年走访困难群众，发放慰问金" not in [h.title for h in document_from_text(text).headings]


def _dump(width: int = 24) -> str:
    """A hard-wrapped dump: six numbered headings of 8 to 21 characters over paragraphs wrapped at
    ``width``, the longest heading only three characters short of the margin."""
    heads = ["（一）就业形势保持稳定", "（二）社会保险扩面提质", "（三）人才队伍建设加快推进",
             "（四）劳动关系和谐稳定", "（五）公共服务水平提升", "（六）基层平台建设和信息化服务能力不断增强"]
    body = ("全年城镇新增就业三千二百人，帮助失业人员再就业八百余人，"
            "开展职业技能培训六十期，培训各类人员四千余人次，"
            "发放创业担保贷款，扶持创业带动就业，各项工作有序推进，成效明显。")
    lines = ["某县人社局2026年工作总结", "一、主要工作"]
    for h in heads:
        lines.append(h)
        lines.extend(body[i:i + width] for i in range(0, len(body), width))
    return "\n".join(lines)


def test_a_short_heading_line_of_a_dump_is_not_joined_to_its_paragraph() -> None:
    doc = document_from_text(_dump())
    titles = [h.title for h in doc.headings]
    assert titles[-1] == "基层平台建设和信息化服务能力不断增强"
    assert len(titles) == 7


LONE_LEAD_MD = """# 某县科协2026年工作总结

## 一、科普阵地建设

**科普场馆提质。**新建科普馆2个。

**科普站点扩面。**新建科普e站18个。

## 二、经费管理

**经费使用规范。**全年部门预算支出286万元。

## 三、下一步工作打算

完成年度科普任务。**重点**抓好青少年科技教育。
"""


def test_a_lone_bold_lead_opening_a_section_is_a_heading_where_leads_head_sections(tmp_path: Path) -> None:
    path = tmp_path / "lone.md"
    path.write_text(LONE_LEAD_MD, encoding="utf-8")
    assert outline(read(path)) == [
        (1, "一、", "科普阵地建设"), (2, "", "科普场馆提质"), (2, "", "科普站点扩面"),
        (1, "二、", "经费管理"), (2, "", "经费使用规范"), (1, "三、", "下一步工作打算")]


def test_a_lone_bold_lead_stays_emphasis_where_no_leads_head_sections(tmp_path: Path) -> None:
    path = tmp_path / "lone.md"
    path.write_text(LONE_LEAD_MD.replace("**科普站点扩面。**", "科普站点扩面。"), encoding="utf-8")
    assert [h.title for h in read(path).headings] == ["科普阵地建设", "经费管理", "下一步工作打算"]
