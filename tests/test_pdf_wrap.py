"""PDF lines re-joined into the paragraphs the author wrote, however short a wrapped line stops.

A laid-out line ends where the next piece would not fit: a line holding half-width digits stops
up to a character short of the right margin, one whose last character went down with an opening
bracket or quote (避尾) two characters short, and a line ending in a comma or full stop may hang
past the margin (避头).  The body's margins are the same on every page, so a page with several
hanging lines does not move its right margin out by a character.  The report below is invented
for the test and laid out by the sample generator (``scripts/make_samples.py``).
"""

from __future__ import annotations

import pytest
from conftest import make_samples, sample_source

import gongwen
from gongwen.extract.readers.raw import RawLine
from gongwen.extract.text.paragraphs import _margins

SOURCE = """---
title: 某县养老服务中心2031年工作总结
issuer: 某县养老服务中心
date: 2032年1月6日
k: 2
---
2031年，县养老服务中心围绕“老有所养、老有所依”目标，统筹推进机构养老、居家养老和社区养老，全年各项工作任务顺利完成。
一、主要工作
全县深入开展养老机构安全生产与服务质量双提升专项整治，排查整改消防、用电、食品安全等隐患问题132个，整改完成率100%。
组织消防、市场监管、卫生健康等部门联合检查全县敬老院，对检查发现的问题逐一建立台账、限期销号。
围绕失能老年人的照护需求持续完善家庭养老床位建设标准，全年建设家庭养老床位320张。
坚持把老年人助餐服务作为民生实事纳入年度重点工作清单，建成老年助餐点46个，全年助餐12.6万人次。
（一）机构养老提质。年末全县共有养老机构27家，床位3,418张，其中护理型床位1,926张，占床位总数的56.3%。全年新增护理型床位214张，改造提升敬老院6所，入住老年人由年初的1,702人增加到1,855人，入住率达到54.3%。推行“一院一策”，分类指导各院完善消防设施、照护流程和膳食管理，机构服务质量评估达标率98.5%。
（二）居家养老扩面。全年为2,316名经济困难的高龄、失能老年人提供居家上门服务，服务时长合计18.72万小时，比上年增长12.4%。建成乡镇（街道）综合养老服务中心9个、村（社区）养老服务站143个，覆盖率分别达到100%和87.2%。推行“时间银行”互助养老，登记志愿者4,067人，累计服务3.6万人次。
（三）资金保障有力。全年落实养老服务资金5,214.6万元，其中县级财政安排3,180.2万元、上级补助2,034.4万元；发放高龄津贴1,128.5万元，惠及80周岁以上老年人9,403人；为特困失能老年人购买照护保险，参保1,276人，保费38.28万元。
二、存在问题
一是护理人员数量不足、年龄偏大，持证上岗率仅为71.6%；二是农村养老服务站点运营不够稳定，部分站点“建而不用”；三是医养结合深度不够，签约服务内容较为单一。
三、下步打算
2032年，力争护理型床位占比提高到60%以上，新建村级养老服务站20个，全年培训养老护理员300人次，持续提升养老服务水平。
"""

gen = make_samples()


@pytest.fixture(scope="module")
def laid_out(tmp_path_factory: pytest.TempPathFactory):
    src, sample = sample_source(tmp_path_factory, gen, "wrap-yanglao", SOURCE)
    pages = gen.layout(sample)
    pdf = src.with_suffix(".pdf")
    gen.write_pdf(sample, pages, pdf)
    return sample, pages, pdf


def _room(ln) -> float:
    """Points left at the right of a generated body line (negative: it hangs past the margin)."""
    text = "".join(s.text for s in ln.segs)
    return gen.TEXT_W - sum(gen.char_width(c) for c in text) - (2 * gen.BODY_SIZE if ln.first else 0.0)


def _wrapped(page) -> list:
    """The body lines of a page that a paragraph goes on after."""
    body = [ln for ln in page if ln.kind == "body"]
    return [ln for ln, nxt in zip(body, body[1:]) if not nxt.first]


def test_the_layout_holds_the_cases(laid_out) -> None:
    """What the test is about happens in its layout: a first page where more than a tenth of the
    lines hang past the margin, and wrapped lines that stop well short of it."""
    _, pages, _ = laid_out
    first = [ln for ln in pages[0] if ln.kind == "body"]
    assert sum(_room(ln) < 0 for ln in first) > 0.1 * len(pages[0])
    rooms = sorted(_room(ln) for page in pages for ln in _wrapped(page))
    assert rooms[-1] > 1.6 * gen.BODY_SIZE  # 村 + （社区）: the bracket took the character down
    assert any(gen.BODY_SIZE * 0.6 < r < 1.6 * gen.BODY_SIZE for r in rooms)  # digits: 床位3, + 418张


def test_every_paragraph_reads_back_whole(laid_out) -> None:
    _, _, pdf = laid_out
    lines = gongwen.read(pdf).text.splitlines()
    body = [ln for ln in SOURCE.split("---\n")[2].splitlines() if ln]
    for para in body:
        assert para in lines, para
    assert lines[1: len(body) + 1] == body  # under the title, nothing else: no paragraph cut in two


def _line(text: str, page: int, x0: float = 73.6, size: float = 16.0) -> RawLine:
    """A laid-out line of full-width characters from ``x0``."""
    boxes = [(x0 + i * size, 700.0, x0 + (i + 1) * size, 716.0) for i in range(len(text))]
    return RawLine(text, page=page, boxes=boxes)


FULL = "全县持续推进城乡社区养老服务设施建设和运营管理水平提升工作"[:28]  # 28 characters: a full line


def test_margins_are_the_documents_not_a_pages() -> None:
    """A page where most lines hang a comma past the margin (page 2) keeps the document's right
    margin; a landscape page (page 3, lines half as long again) keeps its own."""
    lines = [_line(FULL, 1) for _ in range(6)] + [_line(FULL[:20] + "。", 1)]
    lines += [_line(FULL + "，", 2) for _ in range(4)] + [_line(FULL, 2), _line(FULL[:9] + "。", 2)]
    lines += [_line(FULL + FULL[:14], 3) for _ in range(4)] + [_line(FULL[:5] + "。", 3)]
    margins = _margins(lines)
    assert margins[1] == margins[2] == pytest.approx((73.6, 73.6 + 28 * 16))
    assert margins[3][1] == pytest.approx(73.6 + 42 * 16)


def test_a_page_of_short_lines_keeps_its_own_margin() -> None:
    """No common line end (a one-page notice of short lines): each page's own lines decide."""
    lines = [_line("某县养老服务中心工作要点", 1, x0=150.0), _line(FULL[:20] + "。", 1), _line(FULL[:6], 1),
             _line(FULL[:25] + "。", 1)]
    assert _margins(lines)[1][1] == pytest.approx(73.6 + 26 * 16)  # the longest, as before


HEAD = "某县养老服务中心2031年工作总结"
FOOT = "某县养老服务中心办公室 2032年1月6日印发"


@pytest.fixture(scope="module")
def with_furniture(tmp_path_factory: pytest.TempPathFactory):
    """The same report printed with a running head above the text block and a footer line below
    it on every page, beside the page number."""
    src, sample = sample_source(tmp_path_factory, gen, "running-yanglao", SOURCE)
    draw = gen._draw_text

    def with_head_and_foot(c, x, y, text, size, copies=1):  # type: ignore[no-untyped-def]
        if y == 50.0:  # the page number: this page's furniture goes with it
            draw(c, gen.LEFT, gen.PAGE_H - 60.0, HEAD, 10.5)
            draw(c, gen.LEFT, 72.0, FOOT, 10.5)
        return draw(c, x, y, text, size, copies)

    mp = pytest.MonkeyPatch()
    mp.setattr(gen, "_draw_text", with_head_and_foot)
    try:
        pdf = src.with_suffix(".pdf")
        pages = gen.layout(sample)
        gen.write_pdf(sample, pages, pdf)
    finally:
        mp.undo()
    assert len(pages) >= 2
    return pdf


def test_running_head_and_footer_are_not_text(with_furniture) -> None:
    from gongwen.extract.readers import read_raw

    raw = read_raw(with_furniture)
    assert not any(FOOT.replace(" ", "") in ln.text.replace(" ", "") for ln in raw.lines)
    assert [ln.text for ln in raw.lines].count(HEAD) == 1  # the title; the running head above it is gone
    lines = gongwen.read(with_furniture).text.splitlines()
    body = [ln for ln in SOURCE.split("---\n")[2].splitlines() if ln]
    assert lines[: len(body) + 1] == [HEAD, *body]  # the paragraph cut by the page break is whole
