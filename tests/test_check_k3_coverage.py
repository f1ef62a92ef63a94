"""Engineer K2 (wave 10): relations a reader sees that the checker now reads (invented words): a
share whose part is a table's row named by its label, or whose whole is a table's 合计 cell."""

from __future__ import annotations

from test_check_r_coverage import _verdicts  # the same invented report head and helpers


def _table(*rows: str) -> str:
    return "\n".join(f"| {r} |" for r in rows) + "\n"


FIRES = _table("类别 | 火灾起数（起） | 直接损失（万元）",
               "居民住宅 | 46 | 118.5",
               "仓储物流 | 12 | 236.0",
               "其他场所 | 22 | 45.5",
               "合计 | 80 | 400.0")


def _fire_shares(first: str, second: str) -> list[tuple[str, str, tuple[str, ...]]]:
    body = ("全年火灾情况见下表。\n" + FIRES +
            f"从场所看，居民住宅仍是火灾高发场所，火灾起数、直接损失分别占全县的{first}和{second}。")
    return [v for v in _verdicts(body, "GW107") if "80" in v[2] or "400.0" in v[2]]


def test_a_row_named_before_the_share_is_its_part_over_the_total_row() -> None:
    # 46 ÷ 80 = 57.5 %, 118.5 ÷ 400.0 = 29.6 %: the row's cell over the 合计 cell of its column
    assert _fire_shares("57.5%", "29.6%") == [
        ("consistent", "info", ("46", "57.5%", "80")),
        ("consistent", "info", ("118.5", "29.6%", "400.0"))]


def test_a_row_share_that_no_column_makes_says_nothing() -> None:
    # read by search: the writer may mean a whole the table does not hold
    assert _fire_shares("55.0%", "29.6%") == [("consistent", "info", ("118.5", "29.6%", "400.0"))]


def test_a_row_no_share_names_is_no_part() -> None:
    body = "全年火灾情况见下表。\n" + FIRES + "全年火灾起数较上年下降，有效火灾占比为57.5%。"
    assert [v for v in _verdicts(body, "GW107") if "46" in v[2]] == []


STUDENTS = ("义务教育阶段在校生{part}人，占全县在校学生总数的63.0%。各学段在校学生情况见下表。\n" +
            _table("学段 | 在校学生（人） | 专任教师（人）",
                   "学前教育 | 10,870 | 768",
                   "小学 | 25,940 | 1,642",
                   "初中 | 14,215 | 1,205",
                   "普通高中 | 12,683 | 936",
                   "合计 | 63,708 | 4,551"))


def test_a_share_of_a_whole_stated_only_as_a_table_total() -> None:
    # 40,155 ÷ 63,708 = 63.03 %: the 合计 cell of the column the share names
    assert _verdicts(STUDENTS.format(part="40,155"), "GW107") == [
        ("consistent", "info", ("40,155人", "63,708", "63.0%"))]


def test_a_share_of_a_table_total_that_does_not_hold_says_nothing() -> None:
    assert _verdicts(STUDENTS.format(part="38,155"), "GW107") == []


def _growth_verdicts(body: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [v for v in _verdicts(body, "GW105")]


OPENING = "全年共受理信访事项{level}件，同比下降{rate}。\n二、具体工作\n（一）源头化解\n"
SECTION = "全县受理信访事项由上年的1,250件下降到1,080件，初信初访及时受理率100%。"


def test_a_rate_of_the_opening_is_read_over_the_level_restated_with_its_old_value() -> None:
    # (1,080 − 1,250) ÷ 1,250 = −13.6 %: the section states the level again, with last year's
    assert _growth_verdicts(OPENING.format(level="1,080", rate="13.6%") + SECTION) == [
        ("consistent", "info", ("1,080件", "1,250件", "13.6%"))]


def test_a_rate_the_restated_level_does_not_make_says_nothing() -> None:
    # read by search: the opening may count another year or scope
    assert _growth_verdicts(OPENING.format(level="1,080", rate="12.6%") + SECTION) == []


def test_a_level_stated_apart_with_another_value_is_not_the_rates() -> None:
    assert _growth_verdicts(OPENING.format(level="1,090", rate="13.6%") + SECTION) == []


INVEST = ("全年完成交通投资12.60亿元，同比增长{rate}。\n二、具体工作\n（一）项目建设\n"
          "全县交通项目完成投资12.60亿元，较上年的11.20亿元明显增加。")


def test_an_old_value_stated_after_bi_beside_the_restated_level() -> None:
    # (12.60 − 11.20) ÷ 11.20 = 12.5 %
    assert _growth_verdicts(INVEST.format(rate="12.5%")) == [
        ("consistent", "info", ("11.20亿元", "12.5%", "12.60亿元"))]


VILLAGES = ("全镇16个行政村集体经营性收入由上年的615万元增加到748万元。年收入30万元以上的村由上年的7个增加到10个，"
            "占全镇行政村总数的{rate}。")


def test_a_whole_counted_before_its_noun_is_found_by_that_noun() -> None:
    # 10 ÷ 16 = 62.5 %: 16 个行政村 counts what the share names
    assert _verdicts(VILLAGES.format(rate="62.5%"), "GW107") == [("consistent", "info", ("10个", "16个", "62.5%"))]


COVERED = "城乡居民基本养老保险参保15.36万人，参保率为{rate}（以应参保人数15.82万人计），其中领取待遇4.10万人。"


def test_a_rate_over_the_basis_its_bracket_names() -> None:
    # 15.36 ÷ 15.82 = 97.09 %: the whole is the basis the writer names, not a population
    assert _verdicts(COVERED.format(rate="97.1%"), "GW123") == [
        ("consistent", "info", ("15.36万人", "15.82万人", "97.1%"))]


def test_a_rate_one_misprint_off_its_named_basis_is_reported() -> None:
    found = _verdicts(COVERED.format(rate="79.1%"), "GW123")
    assert [(s, sev) for s, sev, _ in found] == [("inconsistent", "error")]


def test_a_rate_over_a_basis_named_before_it() -> None:
    body = ("年末全县基本医疗保险参保人数38.64万人。以剔除重复参保后的应参保人数40.12万人为基数计算，"
            "全县参保率由上年的95.8%提高到96.3%。")
    assert _verdicts(body, "GW123") == [("consistent", "info", ("38.64万人", "40.12万人", "96.3%"))]


MANAGED = "全年为65岁以上老年人提供健康管理服务5.12万人，健康管理率{rate}（全县65岁以上常住老年人口7.40万人）。"


def test_a_rate_over_the_one_figure_of_the_bracket_after_it() -> None:
    # 5.12 ÷ 7.40 = 69.19 %
    assert _verdicts(MANAGED.format(rate="69.2%"), "GW123") == [
        ("consistent", "info", ("5.12万人", "69.2%", "7.40万人"))]


def test_an_uncued_bracket_whole_that_does_not_make_the_rate_says_nothing() -> None:
    # no cue names it the basis: a miss no misprint explains is no finding
    assert _verdicts(MANAGED.format(rate="75.0%"), "GW123") == []


def test_a_transposed_rate_beside_its_bracket_whole_is_reported() -> None:
    # part right before the rate, whole in its sentence: the text's own pairing (rates._anchored)
    found = _verdicts(MANAGED.format(rate="96.2%"), "GW123")
    assert [(s, sev) for s, sev, _ in found] == [("inconsistent", "error")]


def test_vehicles_over_vehicle_trips_are_two_counts_of_one_rate() -> None:
    body = "全年检测货车12.4万车次，查处超限超载车辆310辆，超限率控制在0.25%。"
    assert _verdicts(body, "GW123") == [("consistent", "info", ("0.25%", "12.4万车次", "310辆"))]
