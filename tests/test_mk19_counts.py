"""What a count counts, read anew in the nineteenth session (engineer MK); every sentence is invented.

- a category right after a count that runs into the next figure's act ("向860家企业发放稳岗返还
  资金312万元") is what is counted (企业数), not the bare unit (家数);
- a category the vocabulary knows, running into what happens to it in a run too long to be one noun
  ("仍有4个行政村垃圾分类收集处理设施尚未建成投用"), is what is counted (行政村数), not the default 数量.
"""

from __future__ import annotations

import pytest

from gongwen.extract.pipeline import document_from_text, extract

SUMMARY = "桐溪县人社局2025年工作总结\n一、主要工作\n{}\n桐溪县人社局\n2025年12月26日"
TOWN = "石塘镇人民政府2025年工作总结\n一、主要工作\n{}\n石塘镇人民政府\n2025年12月28日"


@pytest.mark.parametrize(("report", "sentence", "count", "metric"), [
    pytest.param(SUMMARY, "落实稳岗政策，向860家企业发放稳岗返还资金312万元。", "860家", "企业数",
                 id="category-into-an-act"),
    pytest.param(SUMMARY, "全年为45家企业减免担保费用18.6万元。", "45家", "企业数", id="category-into-a-relief"),
    pytest.param(TOWN, "仍有4个行政村垃圾分类收集处理设施尚未建成投用。", "4个", "行政村数", id="known-category-into-a-state"),
    pytest.param(SUMMARY, "全县836个基层党组织达标率100%。", "836个", "基层党组织数", id="category-before-a-rate-kept"),
    pytest.param(SUMMARY, "开展街面巡查8次送院救治6人。", "8次", "街面巡查次数", id="events-count-no-category"),
])
def test_the_category_after_a_count_is_what_it_counts(report: str, sentence: str, count: str, metric: str) -> None:
    f = {x.as_written: x for x in extract(document_from_text(report.format(sentence))).figures}
    assert f[count].metric == metric
