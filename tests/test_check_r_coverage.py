"""Engineer R: relations the text states that the checker reads (invented words): persons by
program adding up to person-times, what is not done named before its count, the base a
percentage is taken of being no part of a 其中 list."""

from __future__ import annotations

from gongwen.check import check
from gongwen.extract.pipeline import document_from_text, extract

HEAD = "关于2025年白鹭县相关工作情况的报告\n一、主要工作\n（一）重点工作\n"


def _report(body: str):
    return check(extract(document_from_text(HEAD + body + "\n")))


def _verdicts(body: str, code: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(f.status, f.severity, tuple(sorted(g.as_written for g in f.figures)))
            for f in _report(body).by_code(code)]


PER_TIME = "截至年底，享受高龄津贴{a}人、护理补贴2,760人，两项补贴合计惠及6,871人次，资金按月发放到位。"


def test_persons_by_program_add_up_to_person_times() -> None:
    assert _verdicts(PER_TIME.format(a="4,111"), "GW102") == [
        ("consistent", "info", ("2,760人", "4,111人", "6,871人次"))]


def test_persons_that_miss_their_total_of_person_times_are_reported() -> None:
    [(status, severity, _)] = _verdicts(PER_TIME.format(a="4,311"), "GW102")
    assert status == "inconsistent" and severity in ("error", "warning")


def test_persons_and_person_times_are_no_unit_mix_under_a_stated_total() -> None:
    assert _verdicts(PER_TIME.format(a="4,111"), "GW117") == []


PENDING = ("全年排查燃气管线隐患1,406处，已完成整改1,371处，整改率97.5%。对尚未整改到位的{rest}处隐患，"
           "逐一落实专人盯办。")


def test_what_is_not_done_named_before_its_count_is_the_whole_less_the_done() -> None:
    assert [v for v in _verdicts(PENDING.format(rest="35"), "GW104") if "35处" in v[2]] == [
        ("consistent", "info", ("1,371处", "1,406处", "35处"))]


def test_a_remainder_that_does_not_agree_is_no_finding() -> None:
    # found by words only: what is left may be counted otherwise (moved, merged)
    assert [v for v in _verdicts(PENDING.format(rest="53"), "GW104") if "53处" in v[2]] == []


BASE = "6月末，全县肉牛存栏8.42万头，其中能繁母牛存栏3.1万头，为正常保有量2.9万头的106.9%，产能保持稳定。"


def test_the_base_of_a_percentage_is_no_part_of_the_list() -> None:
    found = _verdicts(BASE, "GW108")
    assert ("consistent", "info", ("3.1万头", "8.42万头")) in found
    assert not any("2.9万头" in v[2] for v in found)
