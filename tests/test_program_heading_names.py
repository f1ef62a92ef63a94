"""A figure the vocabulary names no program for takes the line of work its heading names, when the
heading is a bare name (gongwen.extract.figures.labels.naming).  Invented sentences."""

from __future__ import annotations

from gongwen.extract.figures.labels.naming import heading_name
from gongwen.extract.pipeline import document_from_text, extract

_REPORT = """青禾县民政局2024年工作总结
一、居民议事协商
全年各社区召开议事会92次，解决群众关切事项310件。
二、社区微更新
全年完成微更新项目26个，投入资金318万元。
三、楼道文化营造持续推进
全年打造示范楼道40个。
四、殡葬改革
全年火化遗体1260具。
五、存在的问题
部分社区议事场所不足。
青禾县民政局
2024年12月20日"""


def _programs() -> dict[str, str | None]:
    return {f.as_written: f.program for f in extract(document_from_text(_REPORT)).figures}


def test_a_figure_no_program_names_takes_its_bare_headings_name() -> None:
    p = _programs()
    assert p["92次"] == "居民议事协商" and p["310件"] == "居民议事协商"
    assert p["26个"] == "社区微更新" and p["318万元"] == "社区微更新"


def test_a_heading_that_says_how_the_work_went_names_no_program() -> None:
    assert _programs()["40个"] is None  # (楼道文化营造持续推进: the area, not a name)


def test_a_program_the_vocabulary_finds_stays() -> None:
    assert _programs()["1260具"] == "殡葬管理"  # (殡葬改革 is a word of the vocabulary's 殡葬管理)


def test_the_name_is_the_title_whole_or_nothing() -> None:
    assert heading_name(None, "志愿服务") == "志愿服务"
    assert heading_name("城乡社区治理", "志愿服务") == "城乡社区治理"
    assert heading_name(None, "志愿服务扎实开展") is None
    assert heading_name(None, "2025年工作打算") is None and heading_name(None, "存在的问题") is None
    assert heading_name(None, "坚持党建引领基层治理效能持续提升") is None
