"""A span of days bounded by parts of months (7月中旬至8月上旬) is the time an episode lasted: it dates
its own sentence, not the sentences or the table after it (invented sentences)."""

from __future__ import annotations

from gongwen.extract.pipeline import document_from_text, extract


def _periods(body: str) -> dict[str, str | None]:
    text = f"青禾县水利局2026年前三季度工作总结\n一、抗旱保供\n{body}\n青禾县水利局\n2026年10月9日"
    return {f.as_written: f.period for f in extract(document_from_text(text)).figures}


def test_an_episodes_days_date_their_own_sentence_only() -> None:
    p = _periods("7月中旬至8月上旬，全县高温少雨，最大受旱面积2.4万亩。县财政安排抗旱资金150万元，"
                 "出动抗旱人员8600人次。")
    assert p["2.4万亩"] == "2026-07/2026-08"
    assert (p["150万元"], p["8600人次"]) == ("2026-01/2026-09", "2026-01/2026-09")


def test_a_span_of_whole_months_still_dates_the_sentences_after_it() -> None:
    p = _periods("7-8月，全县高温少雨，最大受旱面积2.4万亩。县财政安排抗旱资金150万元。")
    assert p["150万元"] == "2026-07/2026-08"


def test_an_episodes_days_do_not_date_the_table_after_it() -> None:
    body = ("7月中旬至8月上旬，灌区遭遇持续高温，渠首连续运行20天。各干渠灌溉及引水情况见下表：\n"
            "干渠名称 灌溉面积(万亩) 引水量(万立方米)\n东干渠 10.52 5200\n西干渠 8.31 4100\n南干渠 6.02 3050\n"
            "合计 24.85 12350\n\n二、工程建设\n新建泵站3座。")
    p = _periods(body)
    assert (p["20天"], p["24.85"], p["12350"]) == ("2026-07/2026-08", "2026-01/2026-09", "2026-01/2026-09")
