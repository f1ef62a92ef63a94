"""Engineer R (session 26): relations found on groups P, Q and R of the development corpus that the
checker did not verify. Invented words for each mechanism."""

from __future__ import annotations

from test_check_r_coverage import HEAD, _report, _verdicts  # the same invented report head and helpers

from gongwen.extract.pipeline import document_from_text

QUARTERS = ("全年殡仪车辆接运遗体情况如下（单位：车次）：\n"
            "季度  城区  乡镇  小计\n"
            "第一季度  212  348  560\n"
            "第二季度  187  301  {q2}\n"
            "全年接运做到及时规范。\n")


def test_a_unit_in_brackets_closing_the_sentence_before_a_table_is_the_tables() -> None:
    # 如下（单位：车次）：— the bracket and the colon close the line: the cells are 车次
    report = _report(QUARTERS.format(q2="488"))
    assert [(f.as_written, f.unit) for f in report.figures if f.as_written in ("212", "560")] == [
        ("212", "车次"), ("560", "车次")]
    verdicts = _verdicts(QUARTERS.format(q2="488"), "GW102")
    assert ("consistent", "info", ("212", "348", "560")) in verdicts
    assert ("consistent", "info", ("187", "301", "488")) in verdicts


def test_a_row_that_misses_its_total_under_a_bracketed_unit_is_reported() -> None:
    assert [s for s, _, figs in _verdicts(QUARTERS.format(q2="498"), "GW102") if "498" in figs] == ["inconsistent"]


ROOMS = ("全年学员宿舍入住情况见下表。\n"
         "表2  2026年学员宿舍入住变动情况（单位：间）\n"
         "楼栋  年初入住  新增入住  退宿  年末入住\n"
         "东楼  130  42  25  147\n"
         "西楼  96  18  11  103\n"
         "合计  226  60  36  250\n"
         "宿舍管理实行楼长负责制。\n")


def test_a_captions_bracketed_unit_line_names_the_tables_unit() -> None:
    # 表2 …（单位：间）: the caption's bracket closes the unit, the table's cells are 间 and its 合计 row adds up
    report = _report(ROOMS)
    assert [(f.as_written, f.unit) for f in report.figures if f.as_written in ("130", "250")] == [
        ("130", "间"), ("250", "间")]
    assert ("consistent", "info", ("130", "226", "96")) in _verdicts(ROOMS, "GW102")


def test_a_units_line_lists_a_rate_unit_whole() -> None:
    from gongwen.extract.figures.tables import _listed_units

    assert _listed_units("万立方米/日、万立方米、%）：") == ["万立方米/日", "万立方米", "%"]


# a dump's hard wrap: lines of about the wrap width, one stopping short on 、 or on 其中
WRAPPED = ("全年共开展各类读书活动326场次，参与群众4.6万人次，较上年分别\n"
           "增长6.2%和8.7%，阅读推广品牌效应进一步显现，全民阅读氛围日\n"
           "益浓厚。在馆舍建设方面，按照总分馆制建设要求，全县建成分馆\n"
           "42个，其中乡镇分馆{a}个、\n"
           "社区分馆18个，覆盖面持续扩大，群众借阅更加方便快捷。全年购\n"
           "置新书2.8万册，其中\n"
           "少儿图书0.9万册、地方文献0.3万册，馆藏结构进一步优化，数字\n"
           "资源持续丰富。服务效能不断提高，延时开放和预约借阅全面推行\n"
           "，读者满意度达到97.2%，流动借阅点服务群众的能力显著提升，各\n"
           "项工作有序推进，为建设书香县城打下了坚实的基础，取得明显成\n"
           "效，得到了上级主管部门和社会各界的充分肯定和一致好评，下一\n"
           "步将继续完善服务体系，推动公共文化服务高质量发展和持续提升\n")


def test_a_dump_line_stopping_short_on_a_comma_or_on_其中_goes_on() -> None:
    text = document_from_text(HEAD + WRAPPED.format(a="24")).text
    assert "其中乡镇分馆24个、社区分馆18个，覆盖面持续扩大" in text
    assert "全年购置新书2.8万册，其中少儿图书0.9万册" in text


def test_a_list_joined_across_a_short_line_adds_up() -> None:
    # 其中乡镇分馆 24 个、⏎社区分馆 18 个: both items of the 其中 list, within the 42 个 before it
    assert ("consistent", "info", ("18个", "24个", "42个")) in _verdicts(WRAPPED.format(a="24"), "GW108")
    assert [s for s, _, figs in _verdicts(WRAPPED.format(a="34"), "GW108") if "34个" in figs] == ["inconsistent"]


# a stock's flows named by the words of any body that keeps one (vocab new_words / leaving_words)
ROUTES = "全年新开线路{a}条、撤并重复线路3条，全区公交线路由上年末的64条增至73条，线网结构持续优化。"


def test_lines_opened_and_merged_move_the_stock_of_lines() -> None:
    # 64 + 12 − 3 = 73: 新开 came in, 撤并 left
    assert ("consistent", "info", ("12条", "3条", "64条", "73条")) in _verdicts(ROUTES.format(a="12"), "GW104")


def test_flows_that_miss_the_stock_say_nothing_found_by_words() -> None:
    # the pairing is found by words: kept only when it holds (a text need not say every flow)
    assert [figs for _, _, figs in _verdicts(ROUTES.format(a="15"), "GW104") if "15条" in figs and "3条" in figs] == []


MAJORS = "停招就业面窄的专业1个，新增专业{n}个，开设专业由上年的14个调整为15个。"


def test_what_left_may_be_named_before_what_came_in() -> None:
    # 14 + 2 − 1 = 15: 停招 stands before 新增
    assert any(s == "consistent" and "1个" in figs and "2个" in figs
               for s, _, figs in _verdicts(MAJORS.format(n="2"), "GW104"))


RESIDENTS = ("年初在院人员218人，全年新入院57人，其中老人49人、儿童8人；出院42人，其中病故20人。"
             "年末在院{end}人，床位使用率78.6%。")


def test_a_stock_at_the_opening_with_its_flows_across_a_semicolon_makes_the_stock_at_the_end() -> None:
    # 218 + 57 − 42 = 233
    assert ("consistent", "info", ("218人", "233人", "42人", "57人")) in _verdicts(RESIDENTS.format(end="233"), "GW104")


POSTS = "全年共核减行政编制{d}名，行政编制总量由年初的1316名核减至1268名。"


def test_what_left_is_the_change_when_nothing_came_in() -> None:
    # 1316 − 48 = 1268: 核减至 states the change, 核减 48 名 what left
    assert ("consistent", "info", ("1268名", "1316名", "48名")) in _verdicts(POSTS.format(d="48"), "GW104")


PLANTS = ("全市污水处理厂运行情况如下：\n"
          "| 处理厂 | 设计规模（万立方米/日） | 处理量（万立方米） |\n"
          "| 城东污水处理厂 | 8 | 2105.6 |\n"
          "| 城西污水处理厂 | 6 | 1580.2 |\n"
          "| 合计 | {t} | 3685.8 |\n"
          "各厂出水水质稳定达标。\n")


def test_a_total_row_adds_up_a_measure_per_day() -> None:
    # capacities per day are flows: the plants' add up to the city's (8 + 6 = 14 万立方米/日)
    assert ("consistent", "info", ("14", "6", "8")) in _verdicts(PLANTS.format(t="14"), "GW102")
    assert [s for s, _, figs in _verdicts(PLANTS.format(t="16"), "GW102") if "16" in figs] == ["inconsistent"]


SALARIES = ("各镇护林员待遇情况如下：\n"
            "| 镇 | 护林员（人） | 月均补助（元/人） |\n"
            "| 东山镇 | 12 | 1800 |\n"
            "| 西岭镇 | 9 | 1650 |\n"
            "| 合计 | 21 | 1736 |\n"
            "补助资金按月发放。\n")


def test_a_total_row_never_adds_up_a_level_per_head() -> None:
    assert [figs for _, _, figs in _verdicts(SALARIES, "GW102") if "1736" in figs] == []
