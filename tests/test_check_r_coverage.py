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
    # found by words only: what is left may be counted otherwise (moved, merged) — unless two
    # swapped digits make it agree (53 for 35: engineer U's tests/test_check_u_mutants.py)
    assert [v for v in _verdicts(PENDING.format(rest="48"), "GW104") if "48处" in v[2]] == []


BASE = "6月末，全县肉牛存栏8.42万头，其中能繁母牛存栏3.1万头，为正常保有量2.9万头的106.9%，产能保持稳定。"


def test_the_base_of_a_percentage_is_no_part_of_the_list() -> None:
    found = _verdicts(BASE, "GW108")
    assert ("consistent", "info", ("3.1万头", "8.42万头")) in found
    assert not any("2.9万头" in v[2] for v in found)


STRUCTURE = ("关于2025年白鹭县经济运行情况的报告\n一、经济运行\n（一）总体情况\n全县实现地区生产总值412.60亿元，"
             "第一产业增加值38.20亿元，第二产业增加值160.50亿元，第三产业增加值213.90亿元。\n"
             "三次产业结构为{ratio}，服务业占比继续提高。\n")


def _structure(ratio: str) -> dict[str, list[tuple[str, str]]]:
    r = check(extract(document_from_text(STRUCTURE.format(ratio=ratio))))
    return {code: [(f.status, f.severity) for f in r.by_code(code)] for code in ("GW101", "GW107")}


def test_a_structure_makes_up_its_whole_and_each_member_is_its_part_of_the_whole_before() -> None:
    # 38.20 / 412.60 = 9.26%, 160.50 / 412.60 = 38.90%, 213.90 / 412.60 = 51.84%
    assert _structure("9.3:38.9:51.8") == {"GW101": [("consistent", "info")], "GW107": [("consistent", "info")] * 3}


def test_a_member_off_its_part_of_the_whole_in_the_paragraph_before_is_no_finding() -> None:
    # read across paragraphs, so kept only when it holds; the members still make 100
    assert _structure("9.3:39.1:51.6") == {"GW101": [("consistent", "info")],
                                           "GW107": [("consistent", "info")]}


def test_members_that_do_not_make_up_the_whole_are_no_finding() -> None:
    # 9.3 + 38.9 + 51.6 = 99.8: beyond the members' rounding (±0.15), yet near 100 (a structure)
    assert _structure("9.3:38.9:51.6")["GW101"] == []


INCOME = ("上半年全县城镇居民人均可支配收入{whole}元，同比增长5.2%。其中，工资性收入14,380元，"
          "经营净收入3,126元，务工就业支撑作用增强。")


def test_the_parts_of_an_amount_per_head_lie_within_it() -> None:
    assert _verdicts(INCOME.format(whole="21,905"), "GW108") == [
        ("consistent", "info", ("14,380元", "21,905元", "3,126元"))]


def test_parts_of_an_amount_per_head_over_it_are_no_finding() -> None:
    # an amount per head may be split by groups of people whose own averages exceed it: read
    # only when its parts are named as kinds of its measure, and kept only when it holds
    assert _verdicts(INCOME.format(whole="12,905"), "GW108") == []


def test_groups_of_people_are_no_parts_of_an_amount_per_head() -> None:
    body = "全县居民人均可支配收入21,905元，同比增长5.2%。其中，城镇居民30,126元，农村居民15,380元。"
    assert [f.code for f in _report(body).problems] == []
    body = "全县居民人均可支配收入21,905元，其中城镇居民可支配收入30,126元、农村居民可支配收入15,380元。"
    assert [f.code for f in _report(body).problems] == []


LOOSE = "全年新建城区公办幼儿园4所、乡镇公办幼儿园{b}所，共13所，新增学位2,160个。"


def test_a_list_before_a_bare_total_adds_up_to_it() -> None:
    assert _verdicts(LOOSE.format(b="9"), "GW102") == [("consistent", "info", ("13所", "4所", "9所"))]


def test_a_bare_total_the_list_misses_is_no_finding() -> None:
    # 共 may count something else than the list (共惠及 …): kept only when it holds
    assert _verdicts(LOOSE.format(b="8"), "GW102") == []


BEDS = ("全市医疗卫生机构床位情况如下表。\n机构类别\t机构数（个）\t床位数（张）\n医院\t21\t8640\n"
        "基层医疗卫生机构\t1032\t3120\n合计\t1053\t11760\n"
        "按年末全市常住人口186.4万人计算，每千常住人口医疗卫生机构床位数达到{rate}张。")


def test_a_per_capita_ratio_of_a_table_total_is_verified() -> None:
    # 11760 ÷ 186.4 万 × 1000 = 6.309
    assert _verdicts(BEDS.format(rate="6.31"), "GW106") == [("consistent", "info", ("11760", "186.4万人", "6.31张"))]


def test_a_per_capita_ratio_no_table_total_makes_is_no_finding() -> None:
    assert _verdicts(BEDS.format(rate="6.71"), "GW106") == []


GROUP = ("全年全县医疗机构总诊疗人次达到243.0万人次。分机构看，县级医院81.2万人次，乡镇卫生院96.5万人次，"
         "村卫生室65.3万人次，基层医疗机构诊疗人次占比{share}%。")


def test_a_share_of_a_group_of_listed_parts_added_is_verified() -> None:
    # (96.5 + 65.3) ÷ 243.0 = 66.58%
    found = [v for v in _verdicts(GROUP.format(share="66.6"), "GW107") if "66.6%" in v[2]]
    assert found == [("consistent", "info", ("243.0万人次", "65.3万人次", "66.6%", "96.5万人次"))]


def test_a_share_no_group_of_parts_gives_is_no_finding() -> None:
    assert [v for v in _verdicts(GROUP.format(share="61.2"), "GW107") if "61.2%" in v[2]] == []


def test_members_of_a_closed_list_are_no_whole_of_each_other() -> None:
    # 65.3 ÷ 96.5 = 67.7% is one digit off the share: read as 村卫生室 over 乡镇卫生院 it was an error
    body = ("全年全县医疗机构总诊疗人次达到243.0万人次。分机构看，县级医院81.2万人次，乡镇卫生院96.5万人次，"
            "村卫生室及社区诊所65.3万人次，基层医疗卫生机构诊疗人次占比达到66.6%，群众就医更便捷。")
    assert [(f.code, f.status) for f in _report(body).problems] == []


LEFT = ("全年累计建成高标准农田41.2万亩，占全县耕地面积63.5万亩的64.9%。\n二、存在问题\n（一）基础设施\n"
        "全县尚有{rest}的耕地未建成高标准农田，抗灾能力不强。")


def test_the_share_not_done_is_the_whole_less_the_share_done() -> None:
    found = [v for v in _verdicts(LEFT.format(rest="35.1%"), "GW104")]
    assert found == [("consistent", "info", ("100%", "35.1%", "64.9%"))]


def test_a_share_not_done_at_least_a_bound_holds_when_the_rest_exceeds_it() -> None:
    assert [v[:2] for v in _verdicts(LEFT.format(rest="三成以上"), "GW104")] == [("consistent", "info")]


def test_a_share_not_done_that_misses_the_rest_is_no_finding() -> None:
    assert _verdicts(LEFT.format(rest="31.5%"), "GW104") == []


SCHOOLS = ("关于2025年白鹭县教育工作情况的报告\n截至年底，全县共有在校学生{whole}人。现将有关情况报告如下。\n"
           "一、主要工作\n（一）各学段协调发展\n全县幼儿园在园幼儿12,418人，小学在校生26,305人，初中在校生13,770人，"
           "高中在校生7,126人。")


def test_a_list_adds_up_to_its_total_stated_in_the_opening() -> None:
    r = check(extract(document_from_text(SCHOOLS.format(whole="59,619"))))
    assert [(f.status, f.severity) for f in r.by_code("GW101")] == [("consistent", "info")]


def test_a_list_that_misses_a_distant_total_is_no_finding() -> None:
    r = check(extract(document_from_text(SCHOOLS.format(whole="59,916"))))
    assert r.by_code("GW101") == ()


def test_a_structure_far_from_its_whole_is_a_slipped_digit() -> None:
    # 9.3 + 83.9 + 51.8 = 145: no rounding of shares explains it (38.9 printed 83.9)
    assert _structure("9.3:83.9:51.8")["GW101"] == [("inconsistent", "error")]


def test_a_structure_a_digit_short_of_its_whole_is_a_slipped_digit() -> None:
    # 9.3 + 3.89 + 51.8 = 64.99: a dropped digit still reads as a structure of shares
    assert _structure("9.3:3.89:51.8")["GW101"] == [("inconsistent", "error")]
