"""Layouts of real-world report texts: page footers left in dumps, titles run into the body,
web-published pages, report kind and period, unmarked bold leads.

Every text here is invented for the test, in the genre (县/局 work reports).  Besides the
paragraphs, headings and metadata, each case checks the offset map: every canonical character
maps back to the same character of the raw text, and removed characters have no canonical
position.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongwen.extract.pipeline import document_from_text, extract
from gongwen.extract.text.footers import find_footers
from gongwen.model import Document

# A body paragraph of an invented report (no footer-like text inside), hard-wrapped below.
PROSE = ("2023年，县农业农村局围绕乡村振兴总要求，扎实推进粮食生产、产业发展和农村改革各项工作。"
         "全县粮食播种面积稳定在52.3万亩，总产量达到21.6万吨，比上年增长2.3%，第3季度新建高标准农田"
         "共7个片区，累计发放耕地地力保护补贴资金3200万元，惠及农户4.8万户，完成年度目标任务的112.5%，"
         "农村集体经济收入超过10万元的村达到86个，农民人均可支配收入达到18650元，同比增长7.1%，"
         "全年新培育家庭农场126家、农民合作社58家，新增市级以上龙头企业9家，农产品加工产值达到"
         "46.8亿元，同比增长9.4%，新建冷链仓储设施23处，库容达到3.2万吨，农村电商交易额达到"
         "15.6亿元，新改建农村公路186公里，完成农村户厕改造3650户，农村生活垃圾无害化处理率达到"
         "98%以上，村庄清洁行动实现全覆盖，创建美丽乡村示范村12个，农村人居环境持续改善，"
         "各项工作取得了较好成效，为全面推进乡村振兴打下了坚实基础。")


def paragraphs(doc: Document) -> list[str]:
    return [doc.slice(p.span) for p in doc.paragraphs]


def _folded(raw_ch: str, ch: str) -> bool:
    """``ch`` is ``raw_ch`` or what the cleaner folds it to (a space, a dash, full-width forms)."""
    return (raw_ch == ch or (ch in " \t" and raw_ch.isspace()) or (ch == "-" and raw_ch in "—–－～~‐‑−")
            or (ch == "%" and raw_ch in "％℅") or unicodedata.normalize("NFKC", raw_ch) == ch)


def assert_maps_back(doc: Document, raw: str) -> None:
    """Every canonical character maps to the same raw character (newlines and folds aside)."""
    for i, ch in enumerate(doc.text):
        r = doc.source.raw_index(i)
        if r is not None and ch != "\n":
            assert _folded(raw[r], ch), (i, ch, raw[r])


def wrap(text: str, width: int = 30) -> list[str]:
    return [text[i:i + width] for i in range(0, len(text), width)]


def paged(lines: list[str], footer: Callable[[int], str], per_page: int = 6, glue: str = "") -> str:
    """Lines with a footer after every ``per_page`` lines: on its own line, or glued into the
    last line of the page (``glue="end"``) or into its middle (``glue="mid"``)."""
    out: list[str] = []
    for k, line in enumerate(lines):
        page_end = (k + 1) % per_page == 0 and k + 1 < len(lines)
        f = footer((k + 1) // per_page) if page_end else ""
        if f and glue == "end":
            out.append(line + f)
        elif f and glue == "mid":
            out.append(line[:12] + f + line[12:])
        else:
            out.append(line)
            if f:
                out.append(f)
    return "\n".join(out)


# -- 1. page footers in text dumps -------------------------------------------------------------------
FOOTERS = {
    "em-dash": lambda n: f"— {n} —",
    "hyphen": lambda n: f"- {n} -",
    "fullwidth-dash": lambda n: f"－{n}－",
    "page": lambda n: f"第{n}页",
    "page-of": lambda n: f"第{n}页 共7页",
    "page-of-spaced": lambda n: f"第 {n} 页 共 6 页",
    "pages-page": lambda n: f"共7页 第{n}页",
    "slash": lambda n: f"{n}/7",
    "english": lambda n: f"Page {n} of 7",
    "bare": lambda n: f"{n}",
}


# a bare number inside a line is a number, never a footer: "bare" is tested alone only
FOOTER_CASES = [(shape, glue) for shape in sorted(FOOTERS) for glue in ("", "end", "mid")
                if shape != "bare" or not glue]


@pytest.mark.parametrize(("shape", "glue"), FOOTER_CASES,
                         ids=[f"{s}-{g or 'alone'}" for s, g in FOOTER_CASES])
def test_page_footers_removed(shape: str, glue: str) -> None:
    raw = "一、粮食生产\n" + paged(wrap(PROSE), FOOTERS[shape], glue=glue)
    doc = document_from_text(raw)
    assert paragraphs(doc) == ["一、粮食生产", PROSE]
    assert_maps_back(doc, raw)
    # the footer characters have no canonical position; every other raw character of the prose has one
    mapped = {r for r in doc.source.offsets if r >= 0}
    footer = FOOTERS[shape](1)
    at = raw.index("\n" + footer + "\n") + 1 if not glue else raw.index(footer, raw.index("\n"))
    assert not any(r in mapped for r in range(at, at + len(footer)))
    assert all(r in mapped for r in range(at + len(footer) + 1, at + len(footer) + 10))


def test_glued_footer_mid_sentence_example() -> None:
    lines = wrap(PROSE)
    k = next(i for i, t in enumerate(lines) if "发放" in t)
    j = lines[k].index("发放") + 2
    lines[k] = lines[k][:j] + "第 2 页 共 6 页" + lines[k][j:]
    raw = "县农业农村局2019年工作总结\n" + "\n".join(lines)
    assert "发放第 2 页 共 6 页耕地地力保护补贴" in raw.replace("\n", "")
    doc = document_from_text(raw)
    assert paragraphs(doc) == ["县农业农村局2019年工作总结", PROSE]
    assert_maps_back(doc, raw)
    i = doc.text.index("发放耕地")
    assert raw[doc.source.raw_index(i):].startswith("发放第 2 页 共 6 页耕地")
    assert raw[doc.source.raw_index(i + 2):].startswith("耕地")


@pytest.mark.parametrize("prose", [
    "第3季度新建高标准农田共7个片区",
    "全县共7个乡镇，第5批次",
    "2023年1-9月累计发放",
    "按照2020-3-5号文件",
    "其中3/4的村完成改厕",
    "完成率为5/7",
    "第2页所列项目共6项",
])
def test_prose_numbers_are_not_footers(prose: str) -> None:
    lines = wrap(PROSE)
    raw = "\n".join(lines[:3] + [prose] + lines[3:])
    assert find_footers(raw.split("\n")) == {}
    assert prose in document_from_text(raw).text


def test_lone_number_lines_need_a_page_sequence() -> None:
    # one number alone on a line (a table cell, a wrapped figure) is not a footer ...
    lines = wrap(PROSE)
    assert find_footers(lines[:4] + ["12"] + lines[4:]) == {}
    # ... nor a column of numbers on consecutive lines (a table's 序号 dumped line by line)
    assert find_footers(lines[:2] + ["1", "2", "3"] + lines[2:]) == {}
    # page numbers a page apart are
    assert set(find_footers(lines[:6] + ["1"] + lines[6:12] + ["2"] + lines[12:])) == {6, 13}


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet="第共页0123456789—-/ 　年月季度个工作总结，。一、（）(情况2023县局\f", max_size=40),
                max_size=12))
def test_property_offsets_map_back_whatever_the_lines(lines: list[str]) -> None:
    """Footer removal, title split, web fields: every kept character still maps to itself."""
    raw = "\n".join(lines)
    if not raw.strip():
        return
    doc = document_from_text(raw)
    assert_maps_back(doc, raw)
    assert len(doc.source.offsets) == len(doc.text)


def test_form_feed_between_pages_is_dropped() -> None:
    lines = wrap(PROSE)
    raw = "\n".join(lines[:6] + ["- 1 -", "\f" + lines[6]] + lines[7:])
    doc = document_from_text(raw)
    assert paragraphs(doc) == [PROSE]
    assert_maps_back(doc, raw)


# -- 2. the title split off the body --------------------------------------------------------------------
BODY_END = "\n一、粮食生产\n全年粮食总产量21.6万吨，比上年增长2.3%。"


@pytest.mark.parametrize(("raw", "title", "first_body"), [
    pytest.param("某县农业农村局2023年工作总结2023年，我局扎实推进各项工作。" + BODY_END,
                 "某县农业农村局2023年工作总结", "2023年，我局扎实推进各项工作。", id="run-into-body"),
    pytest.param("某县农业农村局2023年工作总结及2024年工作计划今年以来，我局扎实推进各项工作。" + BODY_END,
                 "某县农业农村局2023年工作总结及2024年工作计划", "今年以来，我局扎实推进各项工作。", id="chain-into-body"),
    pytest.param("某县民政局2023年民生工作推进情况今年以来，我局扎实推进各项工作。" + BODY_END,
                 "某县民政局2023年民生工作推进情况", "今年以来，我局扎实推进各项工作。", id="weak-word-then-opener"),
    pytest.param("某县民政局2022年\n工作总结及2023年工作思路\n 2022年，县民政局扎实推进各项工作。" + BODY_END,
                 "某县民政局2022年工作总结及2023年工作思路", "2022年，县民政局扎实推进各项工作。", id="wrapped"),
    pytest.param("某县民政局关于2023年度民生实事\n项目推进情况的报告今年以来，我局扎实推进各项工作。" + BODY_END,
                 "某县民政局关于2023年度民生实事项目推进情况的报告", "今年以来，我局扎实推进各项工作。",
                 id="wrapped-into-body"),
    pytest.param("某县2023年乡村振兴\n重点任务推进\n　　今年以来，我县扎实推进各项工作。" + BODY_END,
                 "某县2023年乡村振兴重点任务推进", "今年以来，我县扎实推进各项工作。", id="wrapped-before-indent"),
    pytest.param("某县2023年乡村振兴\n重点任务推进\n一、粮食生产\n全年粮食总产量21.6万吨，比上年增长2.3%。",
                 "某县2023年乡村振兴重点任务推进", "一、粮食生产", id="wrapped-before-marker"),
])
def test_title_split_off(raw: str, title: str, first_body: str) -> None:
    doc = document_from_text(raw)
    got = paragraphs(doc)
    assert got[:2] == [title, first_body]
    assert doc.paragraphs[0].kind == "title" and doc.metadata.title == title
    assert_maps_back(doc, raw)
    assert raw[doc.source.raw_index(len(title) - 1)] == title[-1]


def test_title_split_off_a_hard_wrapped_body() -> None:
    lines = wrap(PROSE)
    raw = "某县农业农村局2023年工作总结" + "\n".join(lines)
    doc = document_from_text(raw)
    assert paragraphs(doc) == ["某县农业农村局2023年工作总结", PROSE]
    assert (doc.metadata.title, doc.metadata.year, doc.metadata.kind) == ("某县农业农村局2023年工作总结", 2023, "summary")
    assert_maps_back(doc, raw)


def test_long_marked_heading_in_a_hard_wrapped_dump() -> None:
    """A marked heading with a comma, nearly as wide as the wrapped lines, stays a heading when it
    stops short of the margin; a marked line that runs to the margin goes on (a run-in lead)."""
    heading = "一、坚持稳粮扩面，农业生产基础得到有效巩固"
    body = wrap("（一）粮食生产稳定。" + PROSE)
    raw = "\n".join([*wrap(PROSE), heading, *body])
    doc = document_from_text(raw)
    assert paragraphs(doc) == [PROSE, heading, "（一）粮食生产稳定。" + PROSE]
    assert [h.title for h in doc.headings][:2] == ["坚持稳粮扩面，农业生产基础得到有效巩固", "粮食生产稳定"]
    assert_maps_back(doc, raw)


@pytest.mark.parametrize("raw", [
    pytest.param("2023年全县经济运行情况良好，主要指标稳中有进。\n全年粮食总产量21.6万吨。", id="prose-with-weak-word"),
    pytest.param("2023年工作总结：全年粮食总产量21.6万吨。\n其他工作有序推进。", id="punctuated"),
    pytest.param("一、2023年工作总结\n全年粮食总产量21.6万吨。", id="heading-first"),
    pytest.param("附件1\n某县民政局2023年工作总结\n全年发放低保金1.2亿元。", id="attachment-label"),
    pytest.param("全县粮食生产\n保持稳定\n全年粮食总产量21.6万吨。", id="no-cue"),
])
def test_title_not_split(raw: str) -> None:
    doc = document_from_text(raw)
    assert "\n".join(paragraphs(doc)) == raw


# -- 4. report kind and period ----------------------------------------------------------------------------
KIND_BODY = "\n一、主要工作\n全年发放低保金1.2亿元，惠及困难群众3260户。\n某县民政局\n2023年12月20日"


@pytest.mark.parametrize(("title", "kind", "period", "year"), [
    ("某县民政局2023年工作总结", "summary", "2023", 2023),
    ("某县民政局2023年度工作总结", "summary", "2023", 2023),
    ("某县民政局2024年工作计划", "plan", "2024", 2024),
    ("某县民政局2024年工作要点", "plan", "2024", 2024),
    ("某县民政局2023年工作总结及2024年工作计划", "summary-plan", "2023", 2023),
    ("某区2024年财政预算执行情况和2025年工作安排", "summary-plan", "2024", 2024),
    ("某县民政局2023年上半年工作总结", "half-year", "2023-01/2023-06", 2023),
    ("某县民政局2023年半年工作总结", "half-year", "2023-01/2023-06", 2023),
    ("某县民政局2023年上半年工作总结及下半年工作打算", "half-year", "2023-01/2023-06", 2023),
    ("某县民政局2023年下半年工作计划", "plan", "2023-07/2023-12", 2023),
    ("某县民政局2023年一季度工作总结", "quarter", "2023-01/2023-03", 2023),
    ("某县民政局2023年第一季度工作总结", "quarter", "2023-01/2023-03", 2023),
    ("某县民政局2023年第三季度工作情况汇报", "quarter", "2023-07/2023-09", 2023),
    ("某县民政局2023年前三季度工作总结", "quarter", "2023-01/2023-09", 2023),
    ("某县民政局2023年1-9月工作总结", "quarter", "2023-01/2023-09", 2023),
    ("某县民政局2023年1—11月工作总结", "summary", "2023-01/2023-11", 2023),
    ("某县民政局关于2023年上半年工作情况的报告", "half-year", "2023-01/2023-06", 2023),
    ("某县民政局二〇二三年工作总结", "summary", "2023", 2023),
])
def test_kind_and_period_from_the_title(title: str, kind: str, period: str, year: int) -> None:
    doc = document_from_text(title + KIND_BODY)
    md = doc.metadata
    assert (md.title, md.kind, md.period, md.year) == (title.replace("—", "-"), kind, period, year)


def test_kind_and_period_without_a_title() -> None:
    doc = document_from_text("现将我局2023年上半年工作总结如下。" + KIND_BODY)
    assert (doc.metadata.title, doc.metadata.kind, doc.metadata.period) == (None, "half-year", "2023-01/2023-06")
    # a period in the first sentence that no summary word follows is not the report's period
    doc = document_from_text("2023年上半年，我局扎实推进各项工作，现将全年工作总结如下。" + KIND_BODY)
    assert (doc.metadata.kind, doc.metadata.period, doc.metadata.year) == ("summary", "2023", 2023)


def test_metadata_json_round_trip() -> None:
    from gongwen.model import Metadata

    doc = document_from_text("某县民政局2023年前三季度工作总结" + KIND_BODY)
    md = doc.metadata
    assert md.to_json() == {"title": "某县民政局2023年前三季度工作总结", "issuer": "某县民政局", "date": "2023-12-20",
                            "year": 2023, "kind": "quarter", "period": "2023-01/2023-09"}
    assert Metadata.from_json(md.to_json()) == md
    assert Metadata.from_json({"kind": "half-year-summary", "year": 2021}) == Metadata(kind="half-year", year=2021)
    assert Document.from_json(doc.to_json()).metadata == md


# -- 3. web-published texts ----------------------------------------------------------------------------
WEB_PAGE = """标题：某县农业农村局2023年工作总结
发文机关：某县农业农村局  成文日期：2024-01-10
发布日期：2024-01-15 10:23  浏览次数：356
索引号：11350000-003/2024-00012  主题分类：农业、农村
【字体：大 中 小】【打印】【关闭】
某县农业农村局2023年工作总结2024-01-15
某县农业农村局2023年工...
2023年，我局围绕乡村振兴总要求，扎实推进各项工作，全年粮食总产量21.6万吨。
一、粮食生产
全年粮食播种面积52.3万亩，比上年增长2.3%。
二、产业发展
新培育家庭农场126家、农民合作社58家。
分享到：微信 微博
【打印本页】【关闭窗口】"""


def kinds(doc: Document) -> list[tuple[str, str]]:
    return [(p.kind, doc.slice(p.span)) for p in doc.paragraphs]


def test_web_page_fields_and_chrome() -> None:
    doc = document_from_text(WEB_PAGE)
    assert kinds(doc) == [
        ("meta", "标题：某县农业农村局2023年工作总结"),
        ("meta", "发文机关：某县农业农村局成文日期：2024-01-10"),
        ("meta", "发布日期：2024-01-15 10:23浏览次数：356"),
        ("meta", "索引号：11350000-003/2024-00012主题分类：农业、农村"),
        ("title", "某县农业农村局2023年工作总结"),
        ("meta", "2024-01-15"),
        ("meta", "某县农业农村局2023年工..."),
        ("body", "2023年，我局围绕乡村振兴总要求，扎实推进各项工作，全年粮食总产量21.6万吨。"),
        ("heading", "一、粮食生产"),
        ("body", "全年粮食播种面积52.3万亩，比上年增长2.3%。"),
        ("heading", "二、产业发展"),
        ("body", "新培育家庭农场126家、农民合作社58家。"),
    ]  # chrome lines (font size, print/close buttons, share bar) are gone
    md = doc.metadata
    assert (md.title, md.issuer, md.date, md.year, md.kind, md.period) == (
        "某县农业农村局2023年工作总结", "某县农业农村局", "2024-01-10", 2023, "summary", "2023")
    assert [(h.level, h.title) for h in doc.headings] == [(1, "粮食生产"), (1, "产业发展")]
    assert "浏览次数" in doc.text and "打印" not in doc.text and "字体" not in doc.text
    assert_maps_back(doc, WEB_PAGE)


def test_web_page_figures_skip_meta_paragraphs() -> None:
    from gongwen.extract.pipeline import extract

    ex = extract(document_from_text(WEB_PAGE))
    meta = [p.span for p in ex.document.paragraphs if p.kind == "meta"]
    assert ex.figures and not any(m.start <= f.span.start < m.end for f in ex.figures for m in meta)


def test_web_page_title_above_the_information_bar() -> None:
    raw = ("首页 > 政务公开 > 规划计划\n"
           "某县民政局2024年工作计划\n"
           "来源：某县民政局  发布时间：2024-01-15\n"
           "字号：大 中 小\n"
           "某县民政局2024年工作计划2024年，我局将围绕兜底线、织密网，扎实推进各项工作。\n"
           "一、社会救助\n全年发放低保金1.2亿元。")
    doc = document_from_text(raw)
    assert kinds(doc) == [
        ("title", "某县民政局2024年工作计划"),
        ("meta", "来源：某县民政局发布时间：2024-01-15"),
        ("meta", "某县民政局2024年工作计划"),  # the title again, run into the body's first words
        ("body", "2024年，我局将围绕兜底线、织密网，扎实推进各项工作。"),
        ("heading", "一、社会救助"),
        ("body", "全年发放低保金1.2亿元。"),
    ]
    md = doc.metadata
    assert (md.title, md.issuer, md.date, md.kind, md.period) == (
        "某县民政局2024年工作计划", "某县民政局", "2024-01-15", "plan", "2024")
    assert_maps_back(doc, raw)


def test_web_page_signature_wins_and_source_must_name_an_office() -> None:
    raw = ("标题：某县民政局2023年工作总结\n来源：本站  发布时间：2024-01-15\n"
           "某县民政局2023年工作总结\n2023年，我局扎实推进各项工作。\n一、社会救助\n全年发放低保金1.2亿元。\n"
           "某县民政局\n2023年12月20日\n【打印】【关闭】")
    doc = document_from_text(raw)
    md = doc.metadata
    assert (md.title, md.issuer, md.date) == ("某县民政局2023年工作总结", "某县民政局", "2023-12-20")
    assert [p.kind for p in doc.paragraphs][-2:] == ["signature", "date"]
    # 来源：本站 names no office: without a signature the issuer is the office the title opens with
    doc = document_from_text(raw.replace("\n某县民政局\n2023年12月20日", ""))
    assert (doc.metadata.issuer, doc.metadata.date) == ("某县民政局", "2024-01-15")
    # … and a title naming no office gives none
    doc = document_from_text(raw.replace("\n某县民政局\n2023年12月20日", "").replace("某县民政局2023", "2023"))
    assert (doc.metadata.title, doc.metadata.issuer) == ("2023年工作总结", None)


def test_field_like_lines_inside_the_report_are_body() -> None:
    raw = ("某县民政局2023年工作总结\n2023年，我局扎实推进各项工作。\n一、社会救助\n"
           "时间：全年分四批次开展。\n来源：县财政预算安排资金1.2亿元。\n二、存在问题\n基层力量薄弱。")
    doc = document_from_text(raw)
    assert "meta" not in [p.kind for p in doc.paragraphs]
    assert paragraphs(doc) == raw.split("\n")


def test_breadcrumb_split_over_lines_is_chrome_and_breaks_the_paragraph() -> None:
    # "首页" alone, the breadcrumb going on under it: both chrome, and the title is never joined
    # across them (nor across the field line) to the body
    raw = ("首页\n>信息公开>部门文件>工作总结\n某区文旅局2024年上半年工作总结\n"
           "发布时间： 2024-07-20 09:15 信息来源： 某区文旅局 \n\n"
           "2024年上半年，我局围绕文旅融合扎实推进各项工作，接待游客312.4万人次\n"
           "一、旅游市场\n实现旅游收入28.6亿元，同比增长9.2%。")
    doc = document_from_text(raw)
    assert kinds(doc)[:3] == [
        ("title", "某区文旅局2024年上半年工作总结"),
        ("meta", "发布时间：2024-07-20 09:15信息来源：某区文旅局"),
        ("body", "2024年上半年，我局围绕文旅融合扎实推进各项工作，接待游客312.4万人次"),
    ]
    md = doc.metadata
    assert (md.title, md.issuer, md.date, md.kind, md.period) == (
        "某区文旅局2024年上半年工作总结", "某区文旅局", "2024-07-20", "half-year", "2024-01/2024-06")
    assert "首页" not in doc.text and "部门文件" not in doc.text
    assert_maps_back(doc, raw)


@pytest.mark.parametrize("crumb", [
    "某县政府信息公开专栏 >> 交通运输局 >> 基础信息平台",
    "网站首页 » 政务公开 » 计划总结",
    "首页/政府信息公开/工作动态",
    "政务公开＞部门信息＞交通运输局",
])
def test_breadcrumbs_are_chrome(crumb: str) -> None:
    from gongwen.extract.text.webpage import is_chrome

    assert is_chrome(crumb)


@pytest.mark.parametrize("line", [
    "全县增速 > 全市平均水平",  # two segments without a root: a comparison, not a breadcrumb
    "《某县农村公路养护办法》>《某县道路管理办法》>其他",
    "指标完成情况：一季度>二季度>三季度，逐季加快。",
])
def test_lines_with_separators_that_are_no_breadcrumb(line: str) -> None:
    from gongwen.extract.text.webpage import is_breadcrumb

    assert not is_breadcrumb(line)


INFO_TABLE = """某县政府信息公开专栏 >> 交通运输局 >> 基础信息平台
索 引 号: | 0012345/2024-00871 | 分 类: | 其他 ; 报告 |
发文机关: | 某县交通运输局 | 成文日期: | 2024年12月26日 |
标 题: | 某县交通运输局2024年工作总结及2025年工作安排 | ||
发文字号: | 某交字〔2024〕88号 | 发布日期: | 2025年01月03日 |
某县交通运输局2024年工作总结及2025年工作安排
2024年，我局新改建农村公路86.5公里，完成年度计划的108.1%。
一、公路建设
完成交通固定资产投资4.2亿元。"""


def test_information_table_with_pipes_and_spaced_labels() -> None:
    doc = document_from_text(INFO_TABLE)
    assert [k for k, _ in kinds(doc)][:5] == ["meta", "meta", "meta", "meta", "title"]
    md = doc.metadata
    assert (md.title, md.issuer, md.date, md.year, md.kind) == (
        "某县交通运输局2024年工作总结及2025年工作安排", "某县交通运输局", "2024-12-26", 2024, "summary-plan")
    assert "基础信息平台" not in doc.text
    assert_maps_back(doc, INFO_TABLE)


def test_column_name_and_a_lone_plus_above_the_title() -> None:
    # the page's column name and its folded-menu "+" are chrome; 发布机构 names the office as the
    # page wrote it (abbreviated); link lines are chrome
    raw = ("主动公开目录\n+\n2024年工作总结和2025年工作思路\n"
           "索引号:0027/2025-00312     发布机构:青溪     发布时间:2025-01-21 10:06:08\n"
           "原文链接:点击查看源文件\n\n"
           "2024年，我局深入实施乡村振兴战略，全县粮食产量达到21.6万吨。\n"
           "一、工作开展情况\n新建高标准农田3.2万亩。")
    doc = document_from_text(raw)
    assert kinds(doc)[:3] == [
        ("title", "2024年工作总结和2025年工作思路"),
        ("meta", "索引号:0027/2025-00312发布机构:青溪发布时间:2025-01-21 10:06:08"),
        ("body", "2024年，我局深入实施乡村振兴战略，全县粮食产量达到21.6万吨。"),
    ]
    md = doc.metadata
    assert (md.title, md.issuer, md.date, md.kind) == ("2024年工作总结和2025年工作思路", "青溪", "2025-01-21", "summary-plan")
    assert "主动公开目录" not in doc.text and "原文链接" not in doc.text


def test_month_summary_and_a_site_as_source() -> None:
    # 小结 is a summary; "4月份" its period; 来源 naming the portal gives no issuer, the title does;
    # a 时间： line right under the title counts although 时间 alone is a weak label
    raw = ("某区自然资源局4月份工作小结\n- 时间:2024-05-06\n来源：某区政府门户网站\n"
           "一、4月份工作完成情况\n完成土地供应126.3亩，办理不动产登记1830件。")
    md = document_from_text(raw).metadata
    assert (md.title, md.issuer, md.date, md.kind, md.period, md.year) == (
        "某区自然资源局4月份工作小结", "某区自然资源局", "2024-05-06", "summary", "2024-04", 2024)


@pytest.mark.parametrize(("title", "office"), [
    ("某区市场监督管理局全年工作总结及下步工作安排", "某区市场监督管理局"),
    ("某镇2024年政府工作报告", "某镇"),
    ("某街道关于2024年上半年工作情况的报告", "某街道"),
    ("2023年工作回顾和2024年工作思路", None),
    ("全县2024年农业农村工作总结", None),
])
def test_office_the_title_opens_with(title: str, office: str | None) -> None:
    from gongwen.extract.text.title import title_office

    assert title_office(title) == office


def test_notice_forwarding_a_report() -> None:
    # the 通知 wraps the report: the report's own title (run into its first sentence in a dump)
    # gives the title, year and kind; the notice's signature the issuer and date
    raw = ("某市农业农村局关于印发2023年全市农业农村工作总结和2024年工作要点的通知\n"
           "各县（市、区）农业农村局，局机关各处室：\n"
           "《2023年全市农业农村工作总结》和《2024年工作要点》已经局党组会议研究通过，现印发给你们，请认真贯彻落实。\n"
           "某市农业农村局\n2024年2月5日\n"
           "2023年全市农业农村工作总结2023年，全市粮食总产量达到86.2万吨，同比增长1.8%。\n"
           "一、粮食生产\n全市粮食播种面积稳定在210.5万亩。")
    doc = document_from_text(raw)
    md = doc.metadata
    assert (md.title, md.issuer, md.date, md.year, md.kind) == (
        "2023年全市农业农村工作总结", "某市农业农村局", "2024-02-05", 2023, "summary")
    assert ("body", "2023年，全市粮食总产量达到86.2万吨，同比增长1.8%。") in kinds(doc)
    assert kinds(doc)[0][0] == "meta"
    assert_maps_back(doc, raw)


def test_speech_title_with_draft_marks_and_its_dateline() -> None:
    # a page that flattened the report's lines: title with (草案)/(书面) marks, the subtitle
    # "——date在…会议上", the speaker's office and the salutation, all on one line
    raw = ("某县2024年国民经济和社会发展计划执行情况与2025年国民经济和社会发展 计划(草案)报告(书面) "
           "——2025年1月8日在某县第十八届人民代表大会 第四次会议上 某县发展和改革局 各位代表: "
           "受县人民政府委托，现将计划执行情况报告如下。\n一、2024年计划执行情况\n全县地区生产总值达到186.4亿元。")
    md = document_from_text(raw).metadata
    assert (md.title, md.issuer, md.date, md.year, md.kind) == (
        "某县2024年国民经济和社会发展计划执行情况与2025年国民经济和社会发展计划(草案)报告(书面)",
        "某县发展和改革局", "2025-01-08", 2024, "summary-plan")


def test_web_page_saved_as_docx(tmp_path: Path) -> None:
    import docx

    from gongwen.extract.pipeline import read

    d = docx.Document()
    for t in ["标题：某县医疗保障局2023年上半年工作总结", "发布机构：某县医疗保障局", "发布日期：2023-07-12",
              "【打印】【关闭】", "某县医疗保障局2023年上半年工作总结",
              "今年以来，我局扎实推进各项工作，参保人数达到31.2万人。", "一、基金运行", "基金运行平稳。"]:
        d.add_paragraph(t)
    path = tmp_path / "web.docx"
    d.save(str(path))
    doc = read(path)
    assert [p.kind for p in doc.paragraphs] == ["meta", "meta", "meta", "title", "body", "heading", "body"]
    md = doc.metadata
    assert (md.title, md.issuer, md.date, md.kind, md.period) == (
        "某县医疗保障局2023年上半年工作总结", "某县医疗保障局", "2023-07-12", "half-year", "2023-01/2023-06")


# -- 5. run-in headings: unmarked bold leads, plain marked leads ------------------------------------------
def outline(doc: Document) -> list[tuple[int, str, str, bool]]:
    return [(h.level, h.marker, h.title, h.run_in) for h in doc.headings]


BOLD_LEADS_MD = """# 某县农业农村局2023年工作总结

2023年，我局扎实推进各项工作，**全年**粮食总产量21.6万吨。

## 一、主要工作

**粮食生产稳定。**夏粮产量8.1万吨，秋粮产量13.5万吨。

**特色产业壮大。**新培育家庭农场126家、农民合作社58家。

**农村改革深化：**完成农村集体产权制度改革。

（一）人居环境

**改厕推进有力。**完成农村户厕改造3650户。

**垃圾治理见效。**生活垃圾无害化处理率达到98%。

## 二、存在问题

**人才短缺。**乡镇农技人员不足。

## 三、下一步工作打算

稳定粮食生产，确保总产量稳定在21万吨以上。
"""


def test_a_bold_lead_is_measured_in_words_not_its_quotation_marks(tmp_path: Path) -> None:
    """A lead naming a campaign in quotation marks (坚持和发展新时代“枫桥经验”，推进诉源治理: twenty
    words, twenty-two characters) is as long as its words: a heading beside its siblings."""
    from gongwen.extract.pipeline import read

    path = tmp_path / "court.md"
    path.write_text("# 某县人民法院工作报告\n\n## 一、2026年工作回顾\n\n"
                    "**坚持依法惩治犯罪，全力维护安全稳定。**全年审结刑事案件412件。\n\n"
                    "**坚持和发展新时代“枫桥经验”，推进诉源治理。**全年委派诉前调解案件3860件。\n\n"
                    "**坚持司法为民，让群众感受司法温度。**网上立案5120件。\n", encoding="utf-8")
    assert [h.title for h in read(path).headings] == [
        "2026年工作回顾", "坚持依法惩治犯罪，全力维护安全稳定", "坚持和发展新时代“枫桥经验”，推进诉源治理",
        "坚持司法为民，让群众感受司法温度"]


def test_unmarked_bold_leads_with_siblings_are_run_in_headings(tmp_path: Path) -> None:
    from gongwen.extract.pipeline import read

    path = tmp_path / "leads.md"
    path.write_text(BOLD_LEADS_MD, encoding="utf-8")
    doc = read(path)
    assert outline(doc) == [
        (1, "一、", "主要工作", False),
        (2, "", "粮食生产稳定", True), (2, "", "特色产业壮大", True), (2, "", "农村改革深化", True),
        (2, "（一）", "人居环境", False),  # a marked heading after the leads keeps its level
        (3, "", "改厕推进有力", True), (3, "", "垃圾治理见效", True),
        (1, "二、", "存在问题", False),
        # a lone bold lead opening a section, in a document whose sections open with leads, is a
        # heading too (writers w3, w85 mark it so; test_outline_glued.py has one that stays emphasis)
        (2, "", "人才短缺", True),
        (1, "三、", "下一步工作打算", False),
    ]
    assert [h.number for h in doc.headings if h.family == "bold-lead"] == [1, 2, 3, 1, 2, 1]
    assert not doc.anomalies
    raw = path.read_text(encoding="utf-8")
    for h in doc.headings:
        a = doc.source.raw_index(h.title_span.start)
        assert raw[a:a + len(h.title)] == h.title
    # the paragraphs stay body paragraphs (run-in headings open them)
    lead = next(h for h in doc.headings if h.title == "粮食生产稳定")
    assert doc.paragraph_at(lead.span.start).kind == "body"  # type: ignore[union-attr]


def test_bold_leads_in_a_docx(tmp_path: Path) -> None:
    import docx

    from gongwen.extract.pipeline import read

    d = docx.Document()
    d.add_paragraph("某县人社局2023年工作总结")
    d.add_paragraph("一、主要工作")
    for lead, rest in [("就业形势稳定。", "城镇新增就业3260人。"), ("社保扩面提质。", "参保人数达到31.2万人。")]:
        para = d.add_paragraph()
        para.add_run(lead).bold = True
        para.add_run(rest)
    d.add_paragraph("二、存在问题")
    para = d.add_paragraph()
    para.add_run("需要指出的是，").bold = True
    para.add_run("基层力量依然薄弱。")
    path = tmp_path / "leads.docx"
    d.save(str(path))
    doc = read(path)
    assert outline(doc) == [(1, "一、", "主要工作", False), (2, "", "就业形势稳定", True),
                            (2, "", "社保扩面提质", True), (1, "二、", "存在问题", False)]


PLAIN_RUN_INS = """某县农业农村局2023年工作总结
一、主要工作
（一）粮食生产稳定。全年粮食总产量21.6万吨，比上年增长2.3%。
(二)特色产业壮大：新培育家庭农场126家。
（三）全年发放补贴资金3200万元，惠及农户4.8万户。
二、存在问题
基层力量薄弱。"""


def test_plain_marked_leads_are_run_in_headings_without_bold() -> None:
    doc = document_from_text(PLAIN_RUN_INS)
    assert outline(doc) == [
        (1, "一、", "主要工作", False),
        (2, "（一）", "粮食生产稳定", True),
        (2, "(二)", "特色产业壮大", True),  # （三） opens a sentence with a comma: a list item, not a heading
        (1, "二、", "存在问题", False),
    ]
    assert not doc.anomalies
    h = doc.headings[1]
    raw_at = doc.source.raw_index(h.title_span.start)
    assert PLAIN_RUN_INS[raw_at:].startswith("粮食生产稳定。全年")


def test_plain_marked_leads_need_a_document_without_bold(tmp_path: Path) -> None:
    from gongwen.extract.pipeline import read

    path = tmp_path / "mixed.md"
    path.write_text(PLAIN_RUN_INS.replace("基层力量薄弱。", "**基层力量**薄弱。"), encoding="utf-8")
    doc = read(path)
    # the author marks headings in bold here: a plain （一）…。 lead is a numbered sentence
    assert [h.title for h in doc.headings] == ["主要工作", "存在问题"]


def test_full_width_bold_heading_then_a_bold_lead_stay_apart(tmp_path: Path) -> None:
    """A bold heading as wide as a line, followed by a paragraph that opens with its own whole
    bold lead (ending in 。), is a complete heading — not a heading cut by the wrap."""
    from gongwen.extract.pipeline import read

    md = tmp_path / "r.md"
    md.write_text(
        "# 青禾县民政局2023年工作总结\n\n"
        "**一、工作开展情况**\n\n"
        "**（一）织密兜底保障网，困难群众基本生活得到有效保障**\n\n"
        "**低保提标扩面。**全县城乡低保标准同步提高，城市低保标准每人每月提高到860元。\n\n"
        "**特困供养到位。**全县共有特困人员1326人。\n", "utf-8")
    doc = read(md)
    titles = [(h.level, h.title) for h in doc.headings]
    assert (2, "织密兜底保障网，困难群众基本生活得到有效保障") in titles
    assert (3, "低保提标扩面") in titles and (3, "特困供养到位") in titles


def test_one_paragraph_web_text_headings_inline() -> None:
    """A web page that runs the whole body into one paragraph keeps its headings: a marker after
    a sentence end or a colon opens a run-in heading, and a lead may end where the next marker
    starts ("如下:一、工作开展情况(一)产业发展提质增效。…")."""
    from gongwen.extract.pipeline import document_from_text

    doc = document_from_text(
        "标题：石泉乡人民政府2023年工作总结\n"
        "2023年,石泉乡各项工作稳步推进。现将全年工作总结如下:一、工作开展情况(一)产业发展提质增效。"
        "全乡茶叶种植面积2.58万亩,同比增长9.7%。(二)人居环境持续改善。完成农村户厕改造426户。"
        "二、存在的问题。产业链条仍然较短。\n")
    titles = [(h.marker, h.title) for h in doc.headings]
    assert titles == [("一、", "工作开展情况"), ("(一)", "产业发展提质增效"), ("(二)", "人居环境持续改善"),
                      ("二、", "存在的问题")]
    assert [h.level for h in doc.headings] == [1, 2, 2, 1]


def test_markdown_table_separator_line_stays_inside_the_table() -> None:
    """"|---|---|" under a header row does not split a Markdown table in two."""
    from gongwen.extract.pipeline import document_from_text

    doc = document_from_text("一、资金\n单位：万元\n| 项目 | 2022年 | 2023年 |\n|---|---|---|\n"
                             "| 低保金 | 100 | 120 |\n| 特困 | 50 | 60 |\n")
    assert [len(t.cells) for t in doc.tables] == [3]


def test_plain_numbered_run_ins_and_a_table_in_a_web_text() -> None:
    """A web text with one paragraph per line and a text table: the table's short rows do not make
    it a hard-wrapped dump (its heading lines stay lines), and "1.做好…。正文" opens a run-in
    heading under "(一)…。" as "(一)" does under "一、"."""
    text = ("一、主要目标\n坚持就业优先导向，全力稳定就业。\n指标\t2024年完成\t2025年目标\n"
            "城镇新增就业(万人)\t5.12\t5\n城镇调查失业率(%)\t5.1\t5.5以内\n失业人员再就业(万人)\t1.35\t1.3\n"
            "二、重点任务\n(一)稳定就业。坚持就业优先导向。\n1.突出抓好青年就业。2024年全市高校毕业生就业1.86万人。\n"
            "2.兜牢困难群体就业底线。2024年全市实现再就业1.35万人。\n(二)技能人才。围绕产业需求开展培训。\n")
    doc = document_from_text(text)
    assert [(h.level, h.title) for h in doc.headings] == [
        (1, "主要目标"), (1, "重点任务"), (2, "稳定就业"), (3, "突出抓好青年就业"), (3, "兜牢困难群体就业底线"),
        (2, "技能人才")]


def test_single_spaced_table_rows_do_not_make_a_web_text_hard_wrapped() -> None:
    """A web text whose only short open lines are a table's rows of single-spaced cells, its caption
    and a signature: its paragraphs run hundreds of characters on one line, so it was never wrapped
    at the rows' width, and a heading line above its first paragraph stays a heading."""
    para = ("坚持质量导向，持续完善资助政策，引导创新主体提高申请质量，全年新增专利授权3120件，"
            "较上年增长9.6%，其中发明专利授权642件，占专利授权总量的20.6%，企业获得授权516件。"
            "深入实施商标品牌战略，新增注册商标2185件，累计有效注册商标达到18640件，培育区域公用品牌3个。")
    text = ("一、专利创造质量稳步提升\n" + para + "\n二、知识产权运用持续深化\n" + para +
            "\n2025年各乡镇主要指标\n乡镇 专利授权量(件) 有效发明专利(件) 质押融资额(亿元)\n东溪镇 312 1280 4.26\n"
            "西岭镇 208 862 2.15\n南湖乡 96 341 0.87\n合计 616 2483 7.28\n三、存在的问题\n" + para + "\n某县市场监督管理局\n2025年12月26日")
    doc = document_from_text(text)
    assert [h.title for h in doc.headings] == ["专利创造质量稳步提升", "知识产权运用持续深化", "存在的问题"]
    assert para in paragraphs(doc)


def test_headings_run_into_a_one_paragraph_web_text() -> None:
    """A web page that ran its heading lines into the text: the heading ends where a standard
    section title ends (存在的问题, 2024年工作打算), before a 一是 list, or at a long lead's 。 (a
    title of two phrases with a comma, up to 28 characters)."""
    text = ("现将全年工作总结如下:一、2023年工作开展情况(一)完善住房保障体系,促进房地产市场平稳健康发展。"
            "全年筹集保障性租赁住房380套。(二)就业稳定。新增就业1200人。二、存在的问题一年来，工作虽有进展，"
            "但仍有不足。三、2024年工作打算2024年，将重点抓好以下工作:一是稳就业，二是保民生。"
            "四、保障措施 一是加强领导，二是强化督查。")
    doc = document_from_text(text)
    assert [(h.level, h.title) for h in doc.headings] == [
        (1, "2023年工作开展情况"), (2, "完善住房保障体系,促进房地产市场平稳健康发展"), (2, "就业稳定"),
        (1, "存在的问题"), (1, "2024年工作打算"), (1, "保障措施")]


def test_a_number_cut_by_the_wrap_is_joined() -> None:
    """A dump whose wrap counts characters may cut a number short of the margin by display width:
    "…参保人数达到287.3" + "5万人，…" is one number."""
    lines = wrap(PROSE)
    raw = "\n".join([*lines[:3], "全市基本医疗保险参保人数达到287.3", "5万人，基金收支总体平衡。", *lines[3:]])
    doc = document_from_text(raw)
    assert any("参保人数达到287.35万人，基金收支总体平衡。" in p for p in paragraphs(doc))
    assert_maps_back(doc, raw)


def test_the_office_the_first_sentence_is_about_is_the_issuer() -> None:
    """No title, field or signature: the office a clause of the first sentence opens on is the
    issuer, and a 街道's figures then stand for the whole 街道; a clause opening on 在…/以… or
    naming 我局 gives none."""
    doc = document_from_text("今年以来，在区委、区政府的坚强领导下，青石街道聚焦高质量发展。"
                             "一、经济运行\n全年完成税收收入3.2亿元。")
    ex = extract(doc)
    assert ex.document.metadata.issuer == "青石街道"
    assert ex.figures[0].scope == "全街道"
    doc = document_from_text("2025年，我局坚持以习近平新时代中国特色社会主义思想为指导。\n一、主要工作\n全年发放资金12万元。")
    assert extract(doc).document.metadata.issuer is None


def test_a_marked_line_then_a_marked_line_in_a_dump_are_two_headings() -> None:
    """A hard-wrapped dump: "二、…扩大" stops short and the next line opens on "（一）": a heading and
    its first run-in subheading, not one wrapped sentence."""
    body = ("一、坚持就业优先，就业局势总体稳定\n"
            "（一）城镇就业稳中有升。上半年全县城镇新增就业\n"
            "2,316人，完成年度目标任务的57.9%，同比增长4.2\n"
            "%，重点群体就业保持稳定，零工市场作用明显。\n"
            "二、坚持扩面提质，社会保险覆盖面持续扩大\n"
            "（一）参保扩面。截至6月底，全县基本养老保险参\n"
            "保人数达到41.27万人，较上年末增加0.62万人，参\n"
            "保扩面工作持续推进，覆盖面进一步扩大。\n")
    doc = document_from_text("某县人社局2025年上半年工作总结\n" + body)
    assert [(h.level, h.title) for h in doc.headings] == [
        (1, "坚持就业优先，就业局势总体稳定"), (2, "城镇就业稳中有升"),
        (1, "坚持扩面提质，社会保险覆盖面持续扩大"), (2, "参保扩面")]


def test_a_short_run_in_lead_may_pair_two_nouns_with_a_dun() -> None:
    """"(一)事故起数、死亡人数“双下降”。…" is a run-in heading; a long lead or one listing three
    things with 、 stays a sentence."""
    doc = document_from_text("某县应急管理局2025年工作总结\n一、主要工作\n(一)事故起数、死亡人数“双下降”。全县发生事故14起。\n"
                             "(二)开展宣传、培训、演练等活动。全年组织演练36场次。")
    assert [h.title for h in doc.headings] == ["主要工作", "事故起数、死亡人数“双下降”"]


def test_run_in_heading_line_short_of_the_margin_goes_on() -> None:
    """A dump's marked line that stops short of the margin is a heading — unless its title ended
    on the line and its paragraph began ("（一）养老扩容。年末全县共有养老机构" + "46家，…"): the
    sentence goes on in the next line, so 年末 still dates the figures after the wrap."""
    text = ("某县民政局2025年工作总结\n"
            "2025年，县民政局坚持兜底保障和普惠服务并重，各项民生\n"
            "保障工作稳步推进，现将全年工作总结如下：\n"
            "一、主要工作成效\n"
            "（一）养老扩容。年末全县共有养老机构\n"
            "46家，其中公办养老机构19家、民办养老机构27家，养老\n"
            "床位合计5,120张，护理型床位占比达到61.5%，较上年提\n"
            "高3.2个百分点，服务质量持续提升。\n"
            "（二）兜底保障有力。全年累计发放城乡低保资金8,650万元，\n"
            "惠及困难群众1.32万人，保障水平稳步提高，兜底作用明显。\n")
    ex = extract(document_from_text(text))
    doc = ex.document
    paras = [doc.text[p.span.start:p.span.end] for p in doc.paragraphs]
    assert any(p.startswith("（一）养老扩容。年末全县共有养老机构46家") for p in paras)
    assert [h.level for h in doc.headings][:2] == [1, 2]
    assert doc.text[doc.headings[1].title_span.start:doc.headings[1].title_span.end] == "养老扩容"
    by_value = {str(f.value): f for f in ex.figures}
    assert by_value["46"].period == "2025-12" and not by_value["46"].period_inferred
    assert by_value["19"].period == "2025-12"


def test_a_line_opening_on_two_run_in_headings() -> None:
    """A web text line that opens on a section's heading run into its first subsection's
    ("一、坚持统筹推进，河湖面貌持续改善（一）清淤疏浚有序开展。…", or with a space between): each
    lead ends where the next marker starts, as inside a one-paragraph text (invented text)."""
    text = ("标题：青禾县水务局2025年工作总结\n"
            "　　一、坚持统筹推进，河湖面貌持续改善（一）清淤疏浚有序开展。全年清淤河道42公里。\n"
            "　　（二）岸线整治全面推进。拆除违建1.3万平方米。\n"
            "　　二、2025年主要工作完成情况 (一)农村供水提质增效。新建供水站6座。\n"
            "　　(二)水土保持扎实推进。治理水土流失面积18平方公里。\n")
    doc = document_from_text(text)
    assert [(h.level, h.marker, h.title) for h in doc.headings] == [
        (1, "一、", "坚持统筹推进，河湖面貌持续改善"), (2, "（一）", "清淤疏浚有序开展"), (2, "（二）", "岸线整治全面推进"),
        (1, "二、", "2025年主要工作完成情况"), (2, "(一)", "农村供水提质增效"), (2, "(二)", "水土保持扎实推进")]
