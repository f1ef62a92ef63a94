"""What tells two mentions of one noun apart: the text names them as two quantities even where
their words overlap.  A repeated fact (:mod:`gongwen.check.repeats.facts`) is one quantity stated twice;
these are the readings under which two figures sharing a name are not:

- a whole and one of its items: a name listing several items (茶叶、高山蔬菜、中药材和油茶特色产业
  总面积; 城乡低保、特困人员供养、临时救助等社会救助资金) against a name with only one of them;
- a set and a part of it: 规模以上工业企业中亏损企业 against 规模以上工业企业;
- one noun qualified two ways: 有效高新技术企业 (a stock) against 首次认定高新技术企业 (the new ones),
  城镇 … against 农村 ….
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from ...figure import Figure
from ..evaluation.intervals import longest_first, vocab
from .textindex import TextIndex

_LIST_SEP = "、"
_CJK = re.compile(r"[\u4e00-\u9fff]")


def distinct(idx: TextIndex, a: Figure, b: Figure, subject_a: str, subject_b: str) -> str | None:
    """Why two figures whose names overlap are two quantities (``items``, ``among`` or
    ``qualified``), or None when the text gives no reason."""
    ca, cb = (idx.clause_before(f, 30, list_items=True) for f in (a, b))
    if _lists_more(ca, cb) or _lists_more(cb, ca):
        return "items"
    if _among(subject_a, subject_b) or _among(subject_b, subject_a):
        return "among"
    if _qualified_apart(subject_a, subject_b):
        return "qualified"
    return None


def _lists_more(clause: str, other: str) -> bool:
    """``clause`` lists items (A、B、C等; A、B和C) that ``other`` does not all name: its figure is the
    whole of the items, the other's one of them.

    >>> _lists_more("全乡茶叶、高山蔬菜、中药材和油茶特色产业总面积达到", "全年发展高山蔬菜")
    True
    >>> _lists_more("全县发放城乡低保、特困供养资金", "上半年发放城乡低保、特困供养资金")
    False
    >>> _lists_more("其中幼儿园92所、小学", "全县小学"), _lists_more("孕产妇死亡率、婴儿死亡率分别为", "婴儿死亡率")
    (False, False)
    """
    # a 、 after a figure separates figures (其中幼儿园 92 所、小学; 接待游客 800 万人次以上、实现…):
    # the name is what follows the last of them; a 分别 list names each figure by its place
    items = clause.split(_LIST_SEP)
    last = max((i for i, x in enumerate(items[:-1]) if re.search(r"\d", x)), default=-1)
    items = items[last + 1:]
    if len(items) < 2 or any(w in clause for w in vocab()["respectively"]):
        return False
    # the words either side of each 、 (two characters): the items' own ends, whatever precedes the
    # first and follows the last
    ends = [e for x, y in zip(items, items[1:]) for e in (x[-2:], y[:2]) if len(_CJK.findall(e)) == 2]
    return bool(ends) and not all(e in other for e in ends)


def _among(subject: str, other: str) -> bool:
    """``subject`` counts within the set ``other`` names (规模以上工业企业中亏损企业 within 规模以上工业
    企业): the words before its 中 are the other's, and words follow it.

    >>> _among("年末规模以上工业企业中亏损企业", "年末全县规模以上工业企业")
    True
    >>> _among("全乡种植中药材", "种植中药材")
    False
    """
    for m in re.finditer("中", subject):
        head, tail = subject[:m.start()], subject[m.end():]
        if len(_CJK.findall(tail)) >= 2 and len(head) >= 4 and _run(head, other) >= 4 and tail[:2] not in other:
            return True
    return False


def _qualified_apart(a: str, b: str) -> bool:
    """The two subjects share a noun (four characters or more) but each puts words of its own
    before it (有效 / 首次认定 高新技术企业): two kinds of the noun, not one quantity.

    >>> _qualified_apart("有效高新技术企业", "首次认定高新技术企业"), _qualified_apart("全区地区生产总值", "地区生产总值")
    (True, False)
    """
    m = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    if m.size < 4:
        return False
    x, y = sorted((_bare(a[:m.a]), _bare(b[:m.b])), key=len)
    return bool(x) and not _within(x, y)


def _within(x: str, y: str) -> bool:
    """Every character of ``x`` in ``y``, in order: y only adds words (接收 / 接收安置, 土地 / 国有土地
    使用权, 实有 / 实有各类)."""
    it = iter(y)
    return all(ch in it for ch in x)


def _bare(words: str) -> str:
    """Words without places, periods, reporting verbs and the words of a plan (全区, 上半年, 实现,
    力争): what is left qualifies; any word of new things (新增, 新登记) reads as 新."""
    for w in longest_first("new_words"):
        words = words.replace(w, "新")
    for w in longest_first("subject_prefixes", "half_year_words", "name_fillers", "future_words"):
        if len(w) >= 2:
            words = words.replace(w, "")
    return "".join(_CJK.findall(words))


def _run(a: str, b: str) -> int:
    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size
