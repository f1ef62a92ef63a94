"""What was done by a point of the year plus what is planned for the rest is the annual target
(上半年完成 1560 批次 … 下半年完成 1240 批次，确保全年完成 2800 批次: :func:`rest_of_year`)."""

from __future__ import annotations

from collections.abc import Iterator

from ...figure import Figure
from ...model import Span
from ..evaluation.intervals import vocab
from ..reading.relations import Candidate, summable
from ..reading.textindex import TextIndex


def rest_of_year(idx: TextIndex) -> Iterator[Candidate]:
    """上半年完成 1560 批次（完成全年任务 2800 批次的 55.7%）… 下半年完成 1240 批次，确保全年完成
    2800 批次: what was done by mid-year plus what is planned for the rest is the annual target —
    the target stated after the plan, else the one the result was completed against."""
    from ..proportions.completions import completion

    done = [c for c in (completion(idx, f) for f in idx.figures if f.unit == "%") if c is not None]
    for b in idx.figures:
        if not summable(b) or b.previous is not None:
            continue
        if not _rest_cue(idx.clause_before(b, 24)):
            continue
        sent = idx.sentence_of(b.span.start)
        after = [f for f in idx.figures_in(Span(b.span.end, sent.end)) if f.unit == b.unit and summable(f)]
        # 确保全年完成投资 120 亿元，下半年需完成 61.4 亿元: the annual target just before the rest
        before = [f for f in idx.figures_in(Span(sent.start, b.span.start)) if f.unit == b.unit and summable(f)]
        for c in done:
            a, target = c.parts
            # the result is never the rest of its own year (失业人员再就业 1936 人，完成年度目标的 80.7%)
            if a.unit != b.unit or a.span.start >= b.span.start or not _part_year(a):
                continue
            if after or before:
                if (after or before[-1:])[0].value != target.value:
                    continue
                target = (after or before[-1:])[0]
            elif not (a.metric and b.metric and (a.metric.endswith(b.metric) or b.metric.endswith(a.metric))) \
                    and not (a.program and a.program == b.program and _rest_of(a, b)):
                continue
            yield Candidate(code="GW101", kind="sum", whole=(target,), parts=(a, b), trigger="全年",
                            explicit=False, exhaustive=True, params={"labels": ["已完成", "计划"]})
            break


def _rest_cue(clause: str) -> bool:
    """A clause that plans the rest of a year (下半年完成 1240 批次, 再新增 8,400 个); a cue inside a
    word of its own (再就业, 再生资源) plans nothing.

    >>> _rest_cue("下半年完成"), _rest_cue("再新增"), _rest_cue("失业人员再就业")
    (True, True, False)
    """
    v = vocab()
    for w in v["rest_of_year_bound_words"]:
        clause = clause.replace(w, "")
    return any(w in clause for w in v["rest_of_year_cues"])


def _rest_of(a: Figure, b: Figure) -> bool:
    """``b``'s period is the rest of ``a``'s year (2025-01/2025-06 then 2025-07/2025-12)."""
    pa, pb = (a.period or "").split("/"), (b.period or "").split("/")
    if len(pa) != 2 or len(pb) != 2 or pa[1][:4] != pb[0][:4] or not pb[1].endswith("-12"):
        return False
    try:
        return int(pb[0][5:7]) == int(pa[1][5:7]) + 1
    except ValueError:
        return False


def _part_year(f: Figure) -> bool:
    """A period from a year's start to before its end (2025-01/2025-06)."""
    p = f.period or ""
    return "/" in p and p.split("/")[0].endswith("-01") and not p.endswith("-12") and p.split("/")[1] != ".."
