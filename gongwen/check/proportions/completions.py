"""Completion of a target: 完成年度目标 4,800 人的 108.7% (the target stated in the cue), 完成年度
计划的 107.8% (the target named, stated earlier in the sentence); the result is the figure before,
never last year's value (较上年的 5,599 万元).  Evaluated as a share by
:func:`gongwen.check.evaluation.ratios.eval_share`.
"""

from __future__ import annotations

from ...figure import Figure
from ...model import Span
from ..evaluation.intervals import vocab
from ..reading.relations import Candidate, comparison_base, fact_kind, summable
from ..reading.textindex import SPACES, TextIndex
from .operands import clause_start, compatible, operands_before


def completion(idx: TextIndex, f: Figure) -> Candidate | None:
    text = idx.text
    head = text[max(0, f.span.start - 3):f.span.start].strip(SPACES)
    rates, k = _respective_rates(idx, f)
    paired = parallel_completion(idx, f, rates, k)
    if paired is not None:
        return paired
    if k > 0:  # …分别完成年度任务（各 5 万人）的 105.2% 和 101.6%: the k-th result of the list
        first = completion(idx, rates[0])
        listed = first.params.get("results", ()) if first is not None else ()
        if first is None or len(listed) != len(rates):
            return None
        return Candidate(code="GW122", kind="share", whole=(f,), parts=(listed[k], first.parts[1]),
                         trigger=first.trigger, params={**first.params, "results": ()})
    if not head.endswith("的"):
        return _named_rate(idx, f)
    sent = idx.sentence_of(f.span.start)
    before = operands_before(idx, f.span.start, sent.start)
    if len(before) < 2:
        return _named_target(idx, f, before, sent) if before else None
    target = before[-1]
    gap = text[target.span.end:f.span.start].strip(SPACES)
    # 完成市下达 48,000 亩任务的 111.7%: the cue may name the target after its figure
    named_after = next((w for w in vocab()["completion_cues"] if gap == f"{w}的"), "")
    if gap.lstrip("）)") != "的" and not named_after:  # 完成年度任务（500 户）的 125%: the target in brackets
        return _named_target(idx, f, before, sent)
    cue = text[max(sent.start, target.span.start - 14):target.span.start] + named_after
    if not any(w in cue for w in vocab()["completion_cues"]) or not any(w in cue for w in vocab()["completion_verbs"]):
        return None
    # 较上年的 5,599 万元 between the result and its target is last year's value, never the part
    pool = [g for g in before[:-1] if compatible(g, target) and not _earlier(g, target)]
    cue_at = max((text.rfind(w, sent.start, target.span.start) for w in vocab()["subset_cues"][:1]), default=-1)
    listed = [g for g in pool if g.span.start > cue_at] if cue_at >= 0 else []
    if cue_at >= 0 and any(g.span.end <= cue_at for g in pool) and len(listed) >= 2:
        # 新增学位 1.26 万个，其中学前 3,200 个、…，完成年度计划 2.1 万个的 60.0%: the list's whole; one
        # part (其中困难人员再就业 1,260 人，占年度目标 1,200 人的 105.0%) is the subject of its own clause
        pool = [g for g in pool if g.span.end <= cue_at]
    # 培训 2.35 万人次（参训 17420 人），完成年度目标 2.2 万人次的 106.8%: a count in the target's own
    # unit is the result; another count beside it (人 for 人次) measures the work another way
    pool = [g for g in pool if g.unit == target.unit] or pool
    actual = pool[-1] if pool else None
    if actual is None:
        return None
    actual = _increase_done(idx, actual, target) or actual
    results: tuple[Figure, ...] = ()
    if len(rates) > 1:
        # 完成宫颈癌筛查 5.26 万人、乳腺癌筛查 5.08 万人，分别完成年度任务（各 5 万人）的 105.2% 和
        # 101.6%: the rates pair with the results in their order, the first with the first
        results = tuple(pool[-len(rates):])
        if len(results) != len(rates):
            return None
        actual = results[0]
    return Candidate(code="GW122", kind="share", whole=(f,), parts=(actual, target), trigger="完成…的",
                     params={"complete": True, "rate": "completion", "exact_whole": True, "results": results})


def parallel_completion(idx: TextIndex, f: Figure, rates: list[Figure], k: int) -> Candidate | None:
    """对照签约 48 个、开工 35 个、投产 24 个的目标任务，签约、开工、投产项目分别为 38 个、27 个、19 个，完成率
    分别为 79.2%、77.1%、79.2%: a 分别 list of completion rates after two lists of as many figures of one
    unit in its sentence, the first named the targets (its words up to the second list name a
    目标, 任务, 计划) — the k-th rate is the k-th result over the k-th target, as 分别 says."""
    if k < 0 or len(rates) < 2:
        return None
    pair = _listed_targets(idx, f, rates, k)
    if pair is not None:
        return pair
    sent = idx.sentence_of(f.span.start)
    before = [g for g in idx.figures_in(Span(sent.start, rates[0].span.start))
              if summable(g) and g.kind != "change" and g.unit != f.unit]
    lists = [run for run in _runs(idx, before) if len(run) == len(rates)]
    if len(lists) != 2 or lists[0][0].unit != lists[1][0].unit or len(_runs(idx, before)) != 2:
        return None
    targets, results = lists
    v = vocab()
    named = idx.between(targets[-1].span.end, results[0].span.start)
    cue = idx.between(results[-1].span.end, rates[0].span.start)
    if not any(w in named for w in v["completion_cues"]) or "完成" not in cue:
        return None
    return Candidate(code="GW122", kind="share", whole=(f,), parts=(results[k], targets[k]), trigger="分别…完成",
                     params={"complete": True, "rate": "completion", "exact_whole": True})


def _listed_targets(idx: TextIndex, f: Figure, rates: list[Figure], k: int) -> Candidate | None:
    """新签约项目 8 个，协议投资 23.6 亿元，分别完成全年目标（15 个、40 亿元）的 53.3% 和 59.0%; 年度任务各
    9000 人，…宫颈癌筛查 8214 人、乳腺癌筛查 8036 人，分别完成年度任务的 91.3% 和 89.3%: the targets of a
    分别 list of completion rates are listed in the cue (one a rate, in order) or set once for each
    (各: in the cue or named before in the sentence); the k-th rate is of the k-th result — the
    results are the figures before 分别 of the targets' units, in order."""
    v = vocab()
    text = idx.text
    sent = idx.sentence_of(f.span.start)
    at = max(text.rfind(w, sent.start, rates[0].span.start) for w in v["respectively"])
    cue = text[at:rates[0].span.start]
    if "完成" not in cue or not any(w in cue for w in v["completion_cues"]) or not cue.rstrip(SPACES).endswith("的"):
        return None
    listed = operands_before(idx, rates[0].span.start, at)
    if not listed:  # 年度任务各 9000 人, named before in the sentence
        listed = [g for g in operands_before(idx, at, sent.start) if idx.between(
            max(sent.start, g.span.start - 1), g.span.start) == "各" and any(
            w in idx.clause_before(g, 12) for w in v["completion_cues"])][-1:]
    if len(listed) == 1 and idx.between(max(at, listed[0].span.start - 1), listed[0].span.start) == "各" \
            or len(listed) == 1 and at > listed[0].span.start:
        listed = listed * len(rates)
    if len(listed) != len(rates):
        return None
    pool = [g for g in operands_before(idx, at, sent.start) if all(g is not t for t in listed)
            and fact_kind(idx, g) != "target" and not comparison_base(idx, g)]
    results: list[Figure] = []
    for t in reversed(listed):  # the last result of each target's unit before the one after it
        found = [g for g in pool if g.unit == t.unit and (not results or g.span.end <= results[0].span.start)]
        if not found:
            return None
        results.insert(0, found[-1])
    return Candidate(code="GW122", kind="share", whole=(f,), parts=(results[k], listed[k]), trigger="分别完成…的",
                     params={"complete": True, "rate": "completion", "exact_whole": True})


def _runs(idx: TextIndex, figs: list[Figure]) -> list[list[Figure]]:
    """The lists a run of figures makes: figures of one unit joined by 、 (or 和, 及, 与) with at most
    their names between (签约 48 个、开工 35 个; 分别为 38 个、27 个), a stop or another unit ending one."""
    out: list[list[Figure]] = []
    for g in figs:
        gap = idx.between(out[-1][-1].span.end, g.span.start) if out else ""
        if out and g.unit == out[-1][-1].unit and not any(ch in gap for ch in "，,；;。：:") \
                and any(w in gap for w in ("、", "和", "及", "与")):
            out[-1].append(g)
        else:
            out.append([g])
    return out


def _respective_rates(idx: TextIndex, f: Figure) -> tuple[list[Figure], int]:
    """The rates of a 分别 list ``f`` is one of (分别完成…的 105.2% 和 101.6%) and its place in it;
    ([], -1) when it is in none."""
    sent = idx.sentence_of(f.span.start)
    pos = max((idx.text.rfind(w, sent.start, f.span.start) for w in vocab()["respectively"]), default=-1)
    if pos < 0:
        return [], -1
    rates = [g for g in idx.figures_in(Span(pos, sent.end)) if g.unit == f.unit]
    joined = [rates[0]] if rates else []
    for g in rates[1:]:
        if idx.between(joined[-1].span.end, g.span.start).strip(SPACES) not in ("、", "和", "及", "与"):
            break
        joined.append(g)
    # by place, not by meaning: two equal rates of one list (79.2%、77.1%、79.2%) are two items
    at = next((i for i, g in enumerate(joined) if g.span == f.span), -1)
    return (joined, at) if at >= 0 else ([], -1)


def _increase_done(idx: TextIndex, level: Figure, target: Figure) -> Figure | None:
    """参保人数达到 18.64 万人，较上年末净增 5213 人，完成年度扩面任务 6500 人的 80.2%: a target its
    cue names an increase (扩面, 新增, 净增) is met by the increase stated between the level and the
    target, not by the level (较上年增加 0.57 万亩，完成市下达任务 68 万亩的 100.6%: a task for the
    level; 增加 670 万元，增长 5.2%，为年度目标的 103.7%: the target's own words name no increase)."""
    v = vocab()
    cue = idx.text[clause_start(idx, target.span.start):target.span.start]  # the target's own words
    if not any(w in cue for w in (*v["increase_verbs"], *v["increase_target_words"])):
        return None
    if any(w in idx.clause_before(level, 24) for w in v["new_words"]):
        return None  # 城镇新增就业 6842 人，较上年同期增加 327 人: the level is what was added
    rises = [g for g in idx.figures_in(Span(level.span.end, target.span.start))
             if g.kind == "change" and g.unit == target.unit and g.value > 0 and g.bound is None]
    return rises[-1] if rises else None


def _named_rate(idx: TextIndex, f: Figure) -> Candidate | None:
    """交通固定资产投资完成 86.4 亿元，年度目标为 80 亿元，完成率 108%: a rate named a completion
    (vocab completion_rate_words) after the one target its sentence states (named so: 目标, 计划 …)
    and a result of the target's unit before it, that result over the target.  Read by position:
    a miss warns."""
    v = vocab()
    label = idx.label_before(f, 12)
    if not any(label.endswith(w) for w in v["completion_rate_words"]):
        return None
    sent = idx.sentence_of(f.span.start)
    before = operands_before(idx, f.span.start, sent.start)
    targets = [g for g in before if any(w in idx.label_before(g, 24) for w in v["completion_cues"])]
    if len(targets) != 1 or before[-1] is not targets[0]:
        return None
    target = targets[0]
    done = [g for g in before[:-1] if compatible(g, target) and not _earlier(g, target)]
    if not done or not any(w in idx.clause_before(done[-1], 24) for w in v["completion_verbs"][:1]):
        return None
    return Candidate(code="GW122", kind="share", whole=(f,), parts=(done[-1], target), trigger="完成率",
                     explicit=False, params={"complete": True, "rate": "completion", "exact_whole": True})


def _named_target(idx: TextIndex, f: Figure, before: list[Figure], sent: Span) -> Candidate | None:
    """年度计划投资 9 亿元，实际完成投资 9.7 亿元，完成年度计划的 107.8%: the target named in the
    rate's clause (计划) is the one figure of the sentence whose label names it; the result the
    figure right before the rate's clause, after the target."""
    v = vocab()
    clause = idx.text[clause_start(idx, f.span.start):f.span.start].strip(SPACES).removesuffix("的")
    verb = next((w for w in v["completion_verbs"] if clause.startswith(w)), None)
    cue = next((w for w in v["completion_cues"] if clause.endswith(w)), None)
    if verb is None or cue is None or any(g.span.start > clause_start(idx, f.span.start) for g in before):
        return None
    targets = [g for g in before if cue in idx.label_before(g, 24)]
    if not targets:  # 全年计划净增 25 家，…，完成全年目标的 56%: the one target of the sentence
        targets = [g for g in before if any(w in idx.label_before(g, 24) for w in v["completion_cues"])]
    if not targets and before:
        return _earlier_target(idx, f, before, sent, cue)
    if len(targets) != 1:
        return None
    target = targets[0]
    after = [g for g in before if g.span.start > target.span.end and compatible(g, target)]
    if not after:  # 计划净增 25 家，上半年已净增 14 家: a change against a target for the change
        verbs = [w for w in vocab()["increase_verbs"] if w in idx.label_before(target, 24)]
        after = [g for g in idx.figures_in(Span(target.span.end, f.span.start)) if summable(g)
                 and g.change is not None and g.unit == target.unit and g.bound is None
                 and any(w in idx.label_before(g, 12) for w in verbs)]
    if not after or _earlier(after[-1], target):
        return None
    return Candidate(code="GW122", kind="share", whole=(f,), parts=(after[-1], target), trigger="完成…的",
                     params={"complete": True, "rate": "completion", "exact_whole": True})


def _earlier_target(idx: TextIndex, f: Figure, before: list[Figure], sent: Span, cue: str) -> Candidate | None:
    """省下达建设任务 32 万亩。…已完成建设 21.6 万亩，占年度任务的 67.5%: a target the rate names and
    its sentence does not state is the one figure of the paragraph before it so named, in the
    result's unit; the result the figure right before the rate's clause.  Read, not stated: a
    miss warns."""
    result = before[-1]
    start = max(idx.text.rfind("\n", 0, sent.start) + 1, 0)
    targets = [g for g in operands_before(idx, sent.start, start)
               if cue in idx.label_before(g, 24) and compatible(g, result) and not _earlier(result, g)]
    if len({(g.value, g.unit) for g in targets}) != 1:
        return None
    return Candidate(code="GW122", kind="share", whole=(f,), parts=(result, targets[-1]), trigger="完成…的",
                     explicit=False, params={"complete": True, "rate": "completion", "exact_whole": True})


def _earlier(g: Figure, target: Figure) -> bool:
    """``g`` is dated, by the text, to a period before the target's (last year's value)."""
    if not g.period or not target.period or g.period_inferred:
        return False
    return g.period[:4] < target.period[:4]
