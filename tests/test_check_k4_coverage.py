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
