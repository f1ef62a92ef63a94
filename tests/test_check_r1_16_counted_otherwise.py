"""A 其中 list counted in another word for the whole's count (issue 10, session 16, engineer R1):
items in the word a count of times is made of (培训 1.2 万人次，其中 … 860 人; 演出 1580 场次，其中 …
326 场) are within the whole, never its sum; a station counted by 部, 台 or 座 is one of the whole's
个.  Invented sentences."""

from __future__ import annotations

from gongwen.check import check
from gongwen.extract.pipeline import document_from_text, extract

HEAD = "关于2025年鹭汀县有关工作情况的报告\n一、主要工作\n"


def _subsets(sentence: str) -> list[tuple[str, str, str]]:
    r = check(extract(document_from_text(HEAD + sentence + "\n")))
    return [(f.status, f.severity, f.message) for f in r.findings if f.code in ("GW101", "GW108")]


def test_persons_of_a_list_are_within_a_count_of_person_times() -> None:
    assert _subsets("全年开展茶艺技能培训2,400人次，其中返乡青年培训380人。") == [
        ("consistent", "info", "其中 返乡青年培训380人 不超过总数 2,400人次，一致")]


def test_shows_of_a_list_are_within_a_count_of_sessions() -> None:
    assert _subsets("全年举办乡村戏曲展演860场次，惠及群众12万人次，其中送戏进村演出215场、广场展演304场。") == [
        ("consistent", "info", "其中 送戏进村演出215场 + 广场展演304场 = 519场次，不超过总数 860场次，一致")]


def test_a_list_of_persons_beyond_the_person_times_is_reported() -> None:
    [(status, _, message)] = _subsets("全年开展茶艺技能培训2,400人次，其中返乡青年培训3,800人。")
    assert status == "inconsistent" and "2,400人次" in message


def test_persons_beside_person_times_in_one_list_are_left_apart() -> None:
    # 体检 in 人次 beside 筛查 in 人: the persons may count another service, so only 人次 is listed
    assert _subsets("全年开展健康体检5.2万人次，其中老年人体检2.1万人次、妇女筛查0.9万人。") == [
        ("consistent", "info", "其中 老年人体检2.1万人次 不超过总数 5.2万人次，一致")]


def test_a_station_counted_by_another_word_is_one_of_the_whole() -> None:
    assert _subsets("全年新建水文监测站点16个，其中雨量站9个、水位站5个、测流雷达1部。") == [
        ("consistent", "info", "其中 雨量站9个 + 水位站5个 + 测流雷达1部 = 15个，不超过总数 16个，一致")]
