"""Engineer R (session 25): relations found on groups O, P and Q of the development corpus that the
checker did not verify. Invented words for each mechanism."""

from __future__ import annotations

from test_check_r_coverage import _verdicts  # the same invented report head and helpers

LOANS_OUT = ("全年外借图书12.6万册次，接待到馆读者31.8万人次。\n（二）阅读推广\n"
             "开展亲子共读活动48场，少儿图书借阅4.41万册次，占图书借阅册次的{r}%。")


def test_a_whole_named_in_other_words_is_the_earlier_figure_of_its_unit_sharing_a_word() -> None:
    # 图书借阅册次 is the writer's name for 外借图书 12.6 万册次 (图书 in both): 4.41 ÷ 12.6 = 35.0 %
    assert ("consistent", "info", ("12.6万册次", "35.0%", "4.41万册次")) in _verdicts(LOANS_OUT.format(r="35.0"),
                                                                                  "GW107")


def test_a_whole_named_in_other_words_that_misses_is_no_finding() -> None:
    # found by a loose name, so kept only where it holds
    assert [v for v in _verdicts(LOANS_OUT.format(r="38.0"), "GW107") if "38.0%" in v[2]] == []


HOURS = ("全年完成各类授课2400课时，开发专题课程36门。\n（二）师资建设\n"
         "外聘专家承担授课{n}课时，占总课时的25.0%。")


def test_a_share_of_the_total_of_its_unit_is_of_the_earlier_figure_in_that_unit() -> None:
    # 总课时: the name is the unit itself, so the whole is the earlier figure counted in it
    assert _verdicts(HOURS.format(n="600"), "GW107") == [("consistent", "info", ("2400课时", "25.0%", "600课时"))]


def test_a_share_of_the_total_of_its_unit_that_misses_is_no_finding() -> None:
    assert _verdicts(HOURS.format(n="660"), "GW107") == []


def test_digits_after_a_phone_word_followed_by_a_counter_count_calls() -> None:
    from gongwen.extract.pipeline import document_from_text, extract

    text = "关于2025年白鹭县院前急救工作情况的报告\n一、主要工作\n全年调度中心接听求助电话{n}次，较上年的30120次增长{r}%。\n"
    figs = extract(document_from_text(text.format(n="32460", r="7.8"))).figures
    assert [(f.as_written, f.unit) for f in figs][:2] == [("32460次", "次"), ("30120次", "次")]
    # read, the growth is checked: (32460 − 30120) ÷ 30120 = 7.77 %
    assert [s for s, _, figs in _verdicts("全年调度中心接听求助电话32460次，较上年的30120次增长7.8%。", "GW105")] == [
        "consistent"]


def test_a_phone_number_stays_no_figure() -> None:
    from gongwen.extract.figures.grammar.masks import prepare

    masked = prepare("值班电话：23456789，投诉热线12345。")
    assert not any(ch.isdigit() for ch in masked) and masked.endswith("。")


KINDS = ("全年办理调解案件情况如下：\n"
         "| 案件类型 | 件数 | 占比（%） |\n"
         "| 婚姻家庭 | 412 | 40.0 |\n"
         "| 邻里纠纷 | 309 | 30.0 |\n"
         "| 其他纠纷 | 309 | {s} |\n"
         "| 合计 | 1030 | 100.0 |\n"
         "调解成功率保持较高水平。\n")


def test_a_share_columns_total_of_a_hundred_is_the_sum_of_its_shares() -> None:
    # 40.0 + 30.0 + 30.0 = 100.0: the 合计 row's 100.0 says the shares make the whole
    assert ("consistent", "info", ("100.0", "30.0", "30.0", "40.0")) in _verdicts(KINDS.format(s="30.0"), "GW102")


def test_shares_that_miss_their_hundred_are_reported() -> None:
    assert [s for s, _, figs in _verdicts(KINDS.format(s="36.0"), "GW102") if "100.0" in figs] == ["inconsistent"]


RATES = ("各片区任务完成情况如下：\n"
         "| 片区 | 任务数 | 完成数 | 完成率（%） |\n"
         "| 东片 | 120 | 120 | 100.0 |\n"
         "| 西片 | 80 | 80 | 100.0 |\n"
         "| 合计 | 200 | 200 | 100.0 |\n"
         "各片区均按期完成。\n")


def test_a_rate_columns_total_of_a_hundred_is_no_sum() -> None:
    assert [figs for _, _, figs in _verdicts(RATES, "GW102") if "100.0" in figs] == []
