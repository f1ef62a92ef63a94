"""Relations that another relation of the text implies: the two counts of a rate that holds are a
part and its whole (参考 3,102 人，本科上线 1,946 人，本科上线率 62.7%: 1,946 ≤ 3,102).

Found through a relation already verified, so every candidate here is kept only when it holds
(``confirm_only``): the pairing is the rate's, and a rate that fails says nothing about it.
"""

from __future__ import annotations

from collections.abc import Iterator

from .findings import Finding
from .relations import Candidate, summable

_RATE_CODES = ("GW107", "GW123")  # 占…的 x%, and a named rate (覆盖率, 就业率): a part over its whole


def rate_parts(cand: Candidate, found: list[Finding]) -> Iterator[Candidate]:
    """The part and whole of a share that holds, as a subset: a rate of at most 100 % over two
    counts or amounts of one unit says the first is counted within the second.  Never for a
    completion (超额完成 is more than the plan) nor a rate read as its complement (未达标率)."""
    if cand.kind != "share" or cand.code not in _RATE_CODES or len(cand.parts) != 2:
        return
    if cand.params.get("complement") or not cand.params.get("complete") or cand.params.get("factor", 100) != 100:
        return
    if not any(f.status == "consistent" for f in found):
        return
    rate = cand.whole[0]
    part, whole = cand.parts
    if rate.unit != "%" or rate.value > 100 or part.unit != whole.unit or not (summable(part) and summable(whole)):
        return
    if part is whole or part.span == whole.span:
        return
    yield Candidate(code="GW108", kind="subset", whole=(whole,), parts=(part,), trigger=cand.trigger,
                    explicit=False, exhaustive=False,
                    params={"labels": [""], "confirm_only": True, "of_rate": rate})
