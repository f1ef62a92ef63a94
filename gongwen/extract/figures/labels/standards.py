"""What a per-unit amount set by policy (a standard: 元/人/月, 元/餐, 元/户) is the standard of, when
the words right before it name only whom or which grade it is for.

A reader names such an amount by the benefit the text grants, read in this order:

- the benefit written right after it: "给予每餐3元的就餐补贴" → 就餐补贴标准, "每餐2元、4元补助" → 补助标准;
- the benefit written right after its per-unit words: "对首次认定的企业每家奖励30万元" → 奖励标准;
- the thing of "X按…标准": "补助资金按C级每户1.2万元、D级每户3.5万元的标准执行" → 补助标准 for both;
- else, when the amount's own words are no name ("一级每人每月150元", "现行城市标准为每人每月1126元",
  "…分别由每人每月820元、640元提高到870元、690元"), the standard its sentence is about: the last
  "…标准" before it that opens a statement, without the scope it opens on, which is the figure's own
  ("特困人员基本生活标准按不低于当地低保标准的1.4倍确定，现行城市标准为…" → 特困人员基本生活标准;
  "城市、农村低保标准分别由…提高到910元" → 低保标准).

The benefit nouns and the words that only qualify a standard are data (``metrics.yaml``
standard_benefits, standard_qualifiers).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

import regex

from ..words.metric_rules import alt_of, metric_rules

if TYPE_CHECKING:
    from ....model import Document
    from ..words.vocab import Vocab

# a standard that opens a statement: 标准 followed by its verb, not by 的 (a reference), 化 (标准化) or
# a mark (a name in quotes)
_SUBJECT_STANDARD = regex.compile(r"标准(?=[\p{Han}])(?![的化])")

# where "X按…" stops being one stretch of words: a clause's end
_CLAUSE_END = regex.compile(r"[，。；,;：:！？!?\n]")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, Any]:
    """The patterns of this module, compiled once from ``metrics.yaml``."""
    r = metric_rules()
    benefit = alt_of(r["standard_benefits"])
    return {
        # "每家奖励", "每户补助" ending the words before the amount
        "per_benefit": regex.compile(rf"每\p{{Han}}{{1,4}}?(?P<b>{benefit})$"),
        # "…元的就餐补贴", "、4元补助": the benefit after the amount (and the other amounts of its list)
        "benefit_after": regex.compile(
            rf"(?:\s*[、和及]\s*[0-9][0-9.,]*\s*(?:万|亿)?元)*\s*的?\s*(?P<b>\p{{Han}}{{0,6}}?(?:{benefit}))(?:标准)?(?!\p{{Han}})"),
        # "…元的标准", "…元、D级每户3.5万元的标准": the amount stated as a standard
        "stated_standard": regex.compile(r"(?:[、和及][^，。；,;：:\n]{0,30}?)?的?标准"),
        "qualifier": regex.compile(rf"^(?:{alt_of(r['standard_qualifiers'])})"),
        "grade": regex.compile(r"(?:^|(?<=按))[一二三四五六七八九十A-Za-z甲乙丙丁]{1,2}\s*级$"),
        "bare_money": regex.compile(r"(?:资金|经费|款项)$"),
    }


class StandardMetricMixin:
    """The standard methods of :class:`.labeller.Labeller` (which provides the attributes below)."""

    if TYPE_CHECKING:
        doc: Document
        v: Vocab

        def clause_start(self, o: int) -> int: ...
        def phrase(self, cs: int, o: int) -> str: ...

    def named_standard(self, o: int, end: int, cs: int, ss: int) -> str:
        """The name of the per-unit amount at [o, end) as the standard of the benefit the text grants
        (see the module docstring); empty when the words name none."""
        p = _patterns()
        t = self.doc.text
        after = p["benefit_after"].match(t, end)
        if after:
            return after["b"] + "标准"
        phrase = self.phrase(cs, o)
        per = p["per_benefit"].search(phrase)
        if per:
            return per["b"] + "标准"
        by = self._standard_by(o, end, ss)
        if by:
            return by
        return self._sentence_standard(o, ss) if self._names_no_thing(phrase) else ""

    def _standard_by(self, o: int, end: int, ss: int) -> str:
        """The thing of "X按…N元…的标准": X, named as a standard (补助资金 → 补助标准)."""
        t = self.doc.text
        if not _patterns()["stated_standard"].match(t, end):
            return ""
        by = t.rfind("按", ss, o)
        if by < 0 or _CLAUSE_END.search(t, by, o):
            return ""
        thing = _patterns()["bare_money"].sub("", self.phrase(self.clause_start(by), by))
        if len(thing) < 2:
            return ""
        return thing if thing.endswith("标准") else thing + "标准"

    def _names_no_thing(self, phrase: str) -> bool:
        """Whether an amount's own words name only whom or which grade it is for: nothing, a grade
        (二级), a scope (农村标准, 现行城市标准) or 标准 alone."""
        p = _patterns()
        core = p["qualifier"].sub("", phrase).removesuffix("标准")
        core = p["grade"].sub("", core)
        return not core or core in self.v.jurisdiction or self.v.scope_re.fullmatch(core) is not None

    def _sentence_standard(self, o: int, ss: int) -> str:
        """The standard its sentence is about before ``o``: the last "…标准" that opens a statement
        (…标准按, …标准分别由, …标准为), not one it is measured against ("城市低保标准的1.3倍") nor a name
        in quotes (“双标准”), and that is more than 标准 and a scope."""
        t = self.doc.text
        for m in reversed(list(_SUBJECT_STANDARD.finditer(t, ss, o))):
            name = self.phrase(self.clause_start(m.start()), m.end())
            if name.endswith("标准") and not self._names_no_thing(name):
                # (the figure's own scope is its own: 城市、农村低保标准…提高到910元、750元 → 低保标准)
                lead = self.v.scope_re.match(name)
                return name[lead.end():] if lead and len(name) - lead.end() >= 3 else name
        return ""
