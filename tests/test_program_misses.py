"""The classes of program misses (bench/program_misses.py): why gongwen's program differs from a
writer's — named otherwise, another program chosen, none named, or a noun no vocabulary holds —
and the name a report gives a vocabulary program.  Invented names and sentences."""

from __future__ import annotations

from conftest import bench_module

WORDS = {
    "城乡垃圾分类": ["城乡垃圾分类", "垃圾分类", "生活垃圾分类"],
    "河湖巡查": ["河湖巡查", "巡河"],
}


def _bench():
    """The bench module (bench/ is no package: its folder goes on the path, as the bench runs it)."""
    return bench_module("program_misses")


def test_a_miss_is_classed_by_what_the_writer_names() -> None:
    pm = _bench()
    c = pm.miss_class
    assert c("垃圾分类", "城乡垃圾分类", "", "", WORDS) == "b-alias"  # the program's own word
    assert c("垃圾分类示范小区", "城乡垃圾分类", "", "", WORDS) == "b-variant"  # a longer form of it
    assert c("河湖巡查", "城乡垃圾分类", "", "", WORDS) == "c-other"  # another program
    assert c("河湖巡查", "", "", "", WORDS) == "a-null-vocab"
    assert c("护林员巡山", "", "组织护林员巡山", "", WORDS) == "a-null-clause"
    assert c("护林员巡山", "河湖巡查", "组织护林员巡山", "", WORDS) == "d-clause"
    assert c("护林员巡山", "河湖巡查", "", "全年组织护林员巡山，累计…", WORDS) == "d-sentence"
    assert c("护林员巡山", "河湖巡查", "", "", WORDS) == "d-other"
    assert c("", "河湖巡查", "", "", WORDS) == "e-none"


def test_a_program_as_the_report_names_it() -> None:
    pm = _bench()
    text = "推进生活垃圾分类，全年新增生活垃圾分类小区12个。城乡垃圾分类覆盖率达到90%。生活垃圾分类督查46次。"
    at = text.index("12个")
    row = pm.Row("w0-x", "生活垃圾分类", "城乡垃圾分类", "全年新增生活垃圾分类小区", text[: text.index("。") + 1], at, 0)
    assert pm.named(row, text, WORDS["城乡垃圾分类"], "nearest") == "生活垃圾分类"
    assert pm.named(row, text, WORDS["城乡垃圾分类"], "frequent") == "生活垃圾分类"  # 3 against 1
    assert pm.named(row, text, WORDS["城乡垃圾分类"], "longer") == "城乡垃圾分类"  # no longer word holds it
    bare = pm.Row("w0-x", "", "河湖巡查", "", "", 0, 0)
    assert pm.named(bare, "全年巡查河道", WORDS["河湖巡查"], "nearest") == "河湖巡查"  # none of its words
