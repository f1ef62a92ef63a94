"""False alarms and slips of the twenty-fifth session (part E): invented sentences in the
genre's words, each with a sibling that is still reported."""

from __future__ import annotations

from gongwen.check import check
from gongwen.extract.pipeline import document_from_text, extract


def _codes(text: str) -> list[str]:
    return sorted(f.code for f in check(extract(document_from_text(text))).problems)


HEAD = "栖梧县综合服务中心2026年工作总结\n一、主要工作\n"
SIGNED = "\n栖梧县综合服务中心\n2026年12月28日\n"


def test_an_earlier_periods_value_is_no_whole_of_a_list() -> None:
    # the value a change is stated against (较上年的 / 较年初的) is last period's: the list after
    # 分别 or 其中 shares out this period's figure before it
    text = "全年举办技能培训班46期，较上年的38期增加8期，城区、乡镇分别举办20期、{b}期。"
    assert _codes(HEAD + text.format(b="26") + SIGNED) == []
    assert _codes(HEAD + text.format(b="25") + SIGNED) == ["GW101"]
    text = "截至9月底，全县登记志愿者1.86万人，较年初的1.62万人增加0.24万人，其中男性志愿者0.91万人、女性志愿者{b}万人。"
    assert _codes(HEAD + text.format(b="0.95") + SIGNED) == []
    assert _codes(HEAD + text.format(b="0.97") + SIGNED) == ["GW101"]
    text = "全年获评优秀案例32件，比上年的27件多5件，分别为省级{a}件、市级20件。"
    assert _codes(HEAD + text.format(a="12") + SIGNED) == []
    assert "GW101" in _codes(HEAD + text.format(a="14") + SIGNED)


def test_a_sibling_with_its_own_share_is_no_whole() -> None:
    # each class states its share of a whole named 疾病总数: 脑血管疾病 211 人 is one more class, not the
    # whole of the next (185 ÷ 211); the whole the name finds is checked, and a wrong share still reported
    text = ("全年院前急救救治各类疾病患者2640人。其中创伤792人，占疾病总数30.0%；脑血管疾病211人，占疾病总数8.0%；"
            "心血管疾病185人，占疾病总数{r}%。")
    assert _codes(HEAD + text.format(r="7.0") + SIGNED) == []
    found = check(extract(document_from_text(HEAD + text.format(r="9.0") + SIGNED))).problems
    assert [(f.code, [g.as_written for g in f.figures]) for f in found] == [("GW107", ["9.0%", "185人", "2640人"])]
    text = ("接诊病人中以创伤、心脑血管疾病居多。其中创伤296人，占疾病总数31.2%；脑血管疾病57人，占疾病总数6.0%；"
            "心血管疾病55人，占疾病总数5.8%。")
    assert _codes(HEAD + text + SIGNED) == []


def test_a_list_item_is_no_whole_of_the_next_sentences_list() -> None:
    # 其中 opening a sentence after a 、 list of items in its unit speaks of them all or any one, of no
    # one figure; after one figure of the unit it still breaks that figure down
    text = "全年完成干线公路大修工程38.6公里、预防性养护工程72.4公里、灾毁重建工程25公里。其中，创建省级养护示范路{a}公里、市级示范路20公里。"
    assert _codes(HEAD + text.format(a="66") + SIGNED) == []
    text = "全年完成干线公路大修工程38.6公里，新建公路驿站5个。其中，创建省级养护示范路{a}公里、市级示范路20公里。"
    assert _codes(HEAD + text.format(a="16") + SIGNED) == []
    assert _codes(HEAD + text.format(a="26") + SIGNED) == ["GW108"]



def test_a_clock_time_is_no_run_in_heading() -> None:
    # 7:30-11:30、14:00: the colon between digits writes a time, so 30、 after it opens no heading;
    # a colon before a marker still opens the run-in leads of a page without bold
    body = ("栖梧县环境卫生管理所2026年工作总结\n一、作业管理\n城区主次干道实行“一扫全保”，保洁时间为:"
            "7:30-11:30、14:00-18:00;夏季保洁时间延长到22:00。\n二、存在问题\n经费保障不足。\n")
    doc = document_from_text(body + SIGNED)
    assert [h.title for h in doc.headings] == ["作业管理", "存在问题"]
    assert "GW120" not in _codes(body + SIGNED)
    doc = document_from_text("栖梧县环境卫生管理所2026年工作总结\n重点工作如下:一、作业管理提质。城区主次干道实行"
                             "“一扫全保”。二、设施建设提速。新建公厕12座。\n" + SIGNED)
    assert [h.title for h in doc.headings] == ["作业管理提质", "设施建设提速"]


def test_a_daily_level_right_after_its_total_reports_a_misprint() -> None:
    # 共收运 58620 吨，日均收运 323.9 吨: the text pairs the level with the total before it (181 days
    # of the half year), so two swapped digits are reported; a level stated apart only verifies
    text = "上半年全市共收运餐厨垃圾58620吨，日均收运{v}吨。"
    assert _codes(HEAD + text.format(v="323.9") + SIGNED) == []
    assert _codes(HEAD + text.format(v="332.9") + SIGNED) == ["GW106"]
    assert _codes(HEAD + text.format(v="329.9") + SIGNED) == []  # no one misprint explains it
    text = "上半年全市共收运餐厨垃圾58620吨，新增收运点12个，日均收运{v}吨。"
    assert _codes(HEAD + text.format(v="332.9") + SIGNED) == []
