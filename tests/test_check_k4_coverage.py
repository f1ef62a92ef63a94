"""Engineer K4 (wave 11): relations a reader sees that the checker now reads (invented words): a
合计 row placed first over rows with several 其中 blocks, a table's column of completion progress,
a share whose part is the clause before it, a bare share after a criterion, a counted total opening
its sentence, a part named after 其中 over the whole it opens on, a standard paid per head in a
其中 list."""

from __future__ import annotations

from test_check_k3_coverage import _table
from test_check_r_coverage import _verdicts  # the same invented report head and helpers

CLINICS = ("全县各类诊所情况见下表。\n" +
           _table("类别 | 机构数（个） | 床位（张）",
                  "合计 | {total} | 1,260",
                  "综合诊所 | 18 | 410",
                  "其中：民营诊所 | 11 | 205",
                  "专科诊所 | 26 | 730",
                  "其中：口腔诊所 | 9 | 88",
                  "中医诊所 | 7 | 120"))


def test_a_leading_total_adds_up_its_top_rows_with_a_block_under_each() -> None:
    # 18 + 26 + 7 = 51, 410 + 730 + 120 = 1,260: the 其中 rows lie within the row above them
    sums = [v for v in _verdicts(CLINICS.format(total="51"), "GW102")]
    assert ("consistent", "info", ("18", "26", "51", "7")) in sums
    assert ("consistent", "info", ("1,260", "120", "410", "730")) in sums


def test_a_leading_total_off_in_one_column_is_reported_where_another_reads_the_blocks() -> None:
    # the 床位 column says where the blocks end; 18 + 26 + 7 = 51, not 57
    assert [v for v in _verdicts(CLINICS.format(total="57"), "GW102") if "26" in v[2]] == [
        ("inconsistent", "error", ("18", "26", "57", "7"))]


PLANTING = ("上半年主要植树指标完成情况见下表。\n" +
            _table("指标 | 年度任务（万株） | 1-6月完成（万株） | 完成进度（%）",
                   "乔木 | 4.0 | 2.6 | {rate}",
                   "灌木 | 2.5 | 1.1 | 44.0"))


def test_a_column_of_completion_progress_is_the_done_over_the_task() -> None:
    # 2.6 ÷ 4.0 = 65.0 %, 1.1 ÷ 2.5 = 44.0 %
    assert _verdicts(PLANTING.format(rate="65.0"), "GW107") == [
        ("consistent", "info", ("2.6", "4.0", "65.0")),
        ("consistent", "info", ("1.1", "2.5", "44.0"))]


def test_a_completion_progress_that_does_not_hold_is_reported() -> None:
    assert _verdicts(PLANTING.format(rate="56.0"), "GW107")[0][:2] == ("inconsistent", "error")


SERVED = "全年为{a}名有需求的困难老人提供上门助浴服务，占有需求困难老人1,250人的86.4%。"


def test_a_share_with_no_subject_of_its_own_takes_the_figure_of_the_clause_before() -> None:
    # 1,080 ÷ 1,250 = 86.4 %
    assert _verdicts(SERVED.format(a="1,080"), "GW107") == [
        ("consistent", "info", ("1,080名", "1,250人", "86.4%"))]


def test_a_share_of_the_clause_before_that_misses_is_a_warning() -> None:
    # read across a clause: the writer's pairing, not certain enough for an error
    assert _verdicts(SERVED.format(a="1,020"), "GW107")[0][:2] == ("inconsistent", "warning")


FUNDS = "全年实施农村道路改造项目26个，完成投资2.40亿元。从资金来源看，争取省级补助资金{a}万元，占{r}；县级配套资金9,000万元。"


def test_a_bare_share_after_a_criterion_is_of_the_whole_before_the_criterion() -> None:
    # 15,000 ÷ 24,000 = 62.5 %
    assert [v for v in _verdicts(FUNDS.format(a="15,000", r="62.5%"), "GW107") if "62.5%" in v[2]] == [
        ("consistent", "info", ("15,000万元", "2.40亿元", "62.5%"))]


SEATS = ("**托育服务扩容。**全年新增托位{a}个，托育机构达到46家。\n"
         "**社区养老提质。**全年新增养老床位1,500个，护理型床位占比提高。两项合计，年内新增照护服务床位{t}个，"
         "其中托位占{r}。")


def test_a_counted_total_opening_its_sentence_adds_the_last_items_named_as_it() -> None:
    # 620 + 1,500 = 2,120, in two paragraphs
    assert _verdicts(SEATS.format(a="620", t="2,120", r="29.2%"), "GW102") == [
        ("consistent", "info", ("1,500个", "2,120个", "620个"))]


def test_a_counted_total_its_items_miss_says_nothing() -> None:
    # found by search: other items may be meant
    assert _verdicts(SEATS.format(a="620", t="2,180", r="29.2%"), "GW102") == []


def test_a_part_named_after_qizhong_is_over_the_whole_it_opens_on() -> None:
    # 620 ÷ 2,120 = 29.2 %: 托位 named in 全年新增托位 620 个
    assert [v for v in _verdicts(SEATS.format(a="620", t="2,120", r="29.2%"), "GW107") if "29.2%" in v[2]] == [
        ("consistent", "info", ("2,120个", "29.2%", "620个"))]


def test_a_part_named_after_qizhong_that_misses_says_nothing() -> None:
    assert [v for v in _verdicts(SEATS.format(a="620", t="2,120", r="31.5%"), "GW107") if "31.5%" in v[2]] == []


GRANTS = ("全年发放各类助学资金{t}万元。其中，发放寄宿生生活补助320.5万元；中职学生国家助学金资助2,150人次，"
          "按每生每学期1000元的标准发放215.0万元。")


def test_a_standard_paid_per_head_is_no_part_of_the_list() -> None:
    # 320.5 + 215.0 = 535.5 ≤ 880.0: the 1000 元 a head is the rate 215.0 万元 was paid at
    assert _verdicts(GRANTS.format(t="880.0"), "GW108") == [
        ("consistent", "info", ("215.0万元", "320.5万元", "880.0万元"))]


HIGHWAY = "全市公路建设投资完成{a}亿元，年度目标为50亿元，完成率108%，较上年增长6.0%。"


def test_a_rate_named_a_completion_is_the_result_over_the_target_of_its_sentence() -> None:
    # 54.0 ÷ 50 = 108 %
    assert _verdicts(HIGHWAY.format(a="54.0"), "GW122") == [("consistent", "info", ("108%", "50亿元", "54.0亿元"))]


def test_a_completion_rate_read_by_position_that_misses_is_a_warning() -> None:
    assert _verdicts(HIGHWAY.format(a="46.0"), "GW122")[0][:2] == ("inconsistent", "warning")


TRADE = ("全区商贸主要指标见下表。\n" +
         _table("指标 | 2025年（亿元） | 2024年（亿元） | 增长（%）",
                "社会消费品零售总额 | 186.0 | 175.0 | 6.3",
                "农村网络零售额 | 40.0 | 36.0 | 11.1") +
         "电商进村持续推进。全年农村直播带货实现零售额{a}亿元，占全区农村网络零售额的{r}。")


def test_a_share_of_a_table_row_named_as_its_whole_is_of_the_rows_latest_cell() -> None:
    # 9.0 ÷ 40.0 = 22.5 %; the part lies within the row's cell
    assert _verdicts(TRADE.format(a="9.0", r="22.5%"), "GW107") == [("consistent", "info", ("22.5%", "40.0", "9.0亿元"))]
    assert ("consistent", "info", ("40.0", "9.0亿元")) in _verdicts(TRADE.format(a="9.0", r="22.5%"), "GW108")


def test_a_share_of_a_table_row_is_never_of_last_years_cell() -> None:
    # 9.0 ÷ 36.0 = 25.0 %: the 2024 column is no whole of this year's part
    assert _verdicts(TRADE.format(a="9.0", r="25.0%"), "GW107") == []


BOILERS = ("**（二）锅炉安全。**全县在用承压设备2,400台，其中锅炉{w}台。\n"
           "**二、存在的问题**\n一是部分设备老化，使用年限超过15年的锅炉96台，占在用锅炉的16.0%，更新改造任务重。")


def test_a_qizhong_item_is_named_with_the_words_of_its_whole() -> None:
    # 96 ÷ 600 = 16.0 %: 在用锅炉 is 其中锅炉 of 在用承压设备
    assert _verdicts(BOILERS.format(w="600"), "GW107") == [("consistent", "info", ("16.0%", "600台", "96台"))]


def test_a_qizhong_item_named_with_the_words_of_its_whole_that_misses_says_nothing() -> None:
    assert _verdicts(BOILERS.format(w="800"), "GW107") == []


VISITS = "全年全县医疗机构总接诊{t}万人次；其中社区卫生服务机构接诊42.0万人次，占总接诊量的{r}，分级诊疗有序推进。"


def test_a_whole_named_with_a_generic_tail_is_the_figure_named_without_it() -> None:
    # 42.0 ÷ 70.0 = 60.0 %: 总接诊量 names 总接诊
    assert [v for v in _verdicts(VISITS.format(t="70.0", r="60.0%"), "GW107")] == [
        ("consistent", "info", ("42.0万人次", "60.0%", "70.0万人次"))]


def test_a_whole_named_with_a_generic_tail_is_taken_only_where_it_holds() -> None:
    assert _verdicts(VISITS.format(t="70.0", r="65.0%"), "GW107") == []


MEDALS = "在省青少年运动会上，我县代表队共获得金牌{g}枚、银牌9枚、铜牌15枚，奖牌总数由上届的25枚增加到36枚。"


def test_a_figure_named_a_total_right_after_a_list_adds_it_up() -> None:
    # 12 + 9 + 15 = 36
    assert _verdicts(MEDALS.format(g="12"), "GW101") == [("consistent", "info", ("12枚", "15枚", "36枚", "9枚"))]


def test_a_named_total_a_list_misses_says_nothing() -> None:
    # the list may be some of the whole's parts
    assert _verdicts(MEDALS.format(g="10"), "GW101") == []


DEBT = ("省政府核定我县2025年政府债务限额80.00亿元。截至2025年12月末，全县政府债务余额{d}亿元，"
        "其中一般债务30.00亿元、专项债务{s}亿元，债务余额为限额的{r}。")


def test_a_ratio_of_two_names_is_of_the_figures_so_named() -> None:
    # 72.00 ÷ 80.00 = 90.0 %
    assert _verdicts(DEBT.format(d="72.00", s="42.00", r="90.0%"), "GW107") == [
        ("consistent", "info", ("72.00亿元", "80.00亿元", "90.0%"))]
