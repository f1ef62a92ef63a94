"""What is left: 尚有 13 个老旧小区未完成改造 is the whole (老旧小区共 52 个) less what was done
(已完成改造 39 个); a count of what is not (yet) done is never the count of what was done
(:func:`pending_word`, read by :mod:`gongwen.check.repeats.facts`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ...figure import Figure
from ...model import Span
from ..evaluation.findings import Finding
from ..evaluation.intervals import hundred_percent, longest_first, vocab
from ..reading.relations import Candidate, summable
from ..reading.textindex import CLAUSE_END, CLOSE, OPEN, SPACES, TextIndex
from .flows import _run


def pending_word(idx: TextIndex, f: Figure) -> tuple[int, str] | None:
    """Where in the words after a count a word of what is not (yet) done starts, and the word
    (13 个老旧小区未完成改造 → 未), never inside a noun (未成年人)."""
    v = vocab()
    if f.unit not in v["count_units"]:
        return None
    after = words_after_alternative(idx, f, 14)
    for w in v["pending_exceptions"]:
        after = after.replace(w, "\0" * len(w))
    hits = [(after.find(w), w) for w in v["pending_words"] if w in after]
    return min(hits, key=lambda h: (h[0], -len(h[1]))) if hits else None


_ALTERNATIVE = re.compile(r"[（(]([\u4e00-\u9fff]{1,6})[）)]")


def words_after_alternative(idx: TextIndex, f: Figure, limit: int) -> str:
    """The words after a count, a noun's bracketed alternative read without its brackets (6 个村
    （社区）未建成 → 村社区未建成; 镇（街道）, 套（间）): the alternative is no clause of its own, the words
    go on after it."""
    end = f.span.end
    nxt = next((g.span.start for g in idx.figures_in(Span(end, end + limit + 8)) if g.span.start >= end),
               len(idx.text))
    words = _ALTERNATIVE.sub(r"\1", idx.text[end:min(nxt, end + limit + 8)])
    cut = next((i for i, ch in enumerate(words) if ch in CLAUSE_END + OPEN + CLOSE), len(words))
    return "".join(ch for ch in words[:min(cut, limit)] if ch not in SPACES)


def _names_verb(label: str, verb: str) -> bool:
    """A done part's label names the verb left undone: 新开工项目 for 开工; 已覆盖行政村 for 实现公益性
    公墓覆盖 when the label is 公益性公墓已覆盖 (a run of four characters shared)."""
    if verb in label:
        return True
    return len(verb) >= 4 and _run(label, verb) >= 4 and verb[-2:] in label


def remainders(idx: TextIndex) -> Iterator[Candidate]:
    """尚有 13 个老旧小区未完成改造 after 老旧小区共 52 个，已完成改造 39 个; 签约项目中尚有 4 个未开工
    after 新签约项目 12 个…新开工项目 8 个: what is left is the whole less what was done, both stated
    in one earlier sentence — the whole named by the count's noun (or the words before 中), the
    done part by the verb after 未.  Inferred, so never more than a warning."""
    for p in idx.figures:
        hit = pending_word(idx, p)
        if hit is None or p.previous is not None:
            continue
        at, word = hit
        after = words_after_alternative(idx, p, 14)
        verb, noun = after[at + len(word):], after[:at]
        clause = idx.clause_before(p, 30)
        # 185 个行政村中仍有 58 个未实现覆盖: the whole stands in the count's own clause, before 中
        inside = [g for g in idx.figures_in(Span(p.span.start - len(clause), p.span.start))
                  if g.unit == p.unit and summable(g) and "中" in idx.text[g.span.end:p.span.start]]
        if not noun and "中" in clause:  # 签约项目中尚有 4 个未开工: the whole is named before 中
            noun = clause[:clause.rfind("中")]
        for w in longest_first("subject_prefixes"):
            noun = noun.removeprefix(w)
        if len(verb) < 2 or len(noun) < 2 and not inside:
            continue
        earlier = [g for g in idx.figures_in(Span(0, p.span.start - len(clause))) if g.unit == p.unit
                   and summable(g) and g.previous is None and g.kind == "actual"]
        done = [g for g in earlier if _names_verb(idx.label_before(g, 16), verb)]
        if not done:
            continue
        d = done[-1]
        sent = idx.sentence_of(d.span.start)
        start = idx.text.rfind("\n", 0, d.span.start) + 1  # the whole stated in the done part's paragraph
        wholes = inside[-1:] or [g for g in earlier if g is not d and g.value >= d.value and g.span.start >= start
                                 and g.span.end <= sent.end
                                 and noun in idx.label_before(g, 30) + words_after_alternative(idx, g, 8)]
        if len(wholes) != 1 or wholes[0].value < d.value:
            continue
        yield Candidate(code="GW104", kind="diff", whole=(wholes[0],), parts=(d, p), trigger=word + verb,
                        explicit=False, params={"sign": 1, "verb": "余"})


def pending_before(idx: TextIndex) -> Iterator[Candidate]:
    """对尚未整改到位的 31 处隐患 after 发现隐患 2,018 处，已完成整改 1,987 处: the word of what is not
    done stands before the count, with its verb (整改到位); the done part is the nearest earlier
    figure of the paragraph whose label names the verb's head (已完成整改), the whole the figure
    before it in its sentence that the remainder's noun names (发现各类事故隐患).  Found by words, so
    kept only when it holds."""
    v = vocab()
    for p in idx.figures:
        if not summable(p) or p.previous is not None:
            continue
        hit = _pending_in(idx.label_before(p, 16), v)
        noun = idx.words_after(p, 6)
        if hit is None or len(noun) < 2:
            continue
        verb = hit[1].removesuffix("的")
        para = idx.text.rfind("\n", 0, p.span.start) + 1
        cut = p.span.start - len(idx.clause_before(p, 30))
        earlier = [g for g in idx.figures_in(Span(para, cut)) if g.unit == p.unit and summable(g)
                   and g.previous is None and g.kind == p.kind]
        done = [g for g in earlier if verb[:2] in idx.label_before(g, 16) and g.value >= p.value]
        if len(verb) < 2 or not done:
            continue
        d = done[-1]
        sent = idx.sentence_of(d.span.start)
        wholes = [g for g in earlier if sent.start <= g.span.start < d.span.start and g.value >= d.value
                  and noun[:2] in idx.label_before(g, 24)]
        if len(wholes) != 1:
            continue
        yield Candidate(code="GW104", kind="diff", whole=(wholes[0],), parts=(d, p), trigger=hit[0] + verb,
                        explicit=False, params={"sign": 1, "verb": "余", "confirm_only": True})


def _pending_in(words: str, v: dict) -> tuple[str, str] | None:
    """The last word of what is not done in ``words`` and the words after it (尚未整改到位的 → 尚未,
    整改到位的), never inside a noun (未成年人)."""
    masked = words
    for w in v["pending_exceptions"]:
        masked = masked.replace(w, "\0" * len(w))
    hits = [(masked.rfind(w), w) for w in v["pending_words"] if w in masked]
    if not hits:
        return None
    at, w = max(hits, key=lambda h: (h[0] + len(h[1]), len(h[1])))
    return w, words[at + len(w):]


def rest_of_whole(idx: TextIndex) -> Iterator[Candidate]:
    """已整改隐患 1096 处，整改率 96.4%，其余 41 处… after 排查各类隐患 1137 处; 老旧小区 28 个…已完工
    23 个、4126 户，…，其余 5 个小区、911 户: the rest (vocab remainder_words, before the count or the
    list it opens) is the whole less the part its sentence states as done just before (已…, 完成…):
    the nearest earlier figure of the rest's unit there, and the whole the nearest larger figure of
    that unit before it in the paragraph, no part of a 其中 list.  Found by position, so kept only
    when it holds."""
    v = vocab()
    for p in idx.figures:
        if not summable(p) or p.previous is not None or p.kind != "actual":
            continue
        head = _list_start(idx, p)
        label = idx.label_before(head, 8).removesuffix("的")
        if not label.endswith(tuple(v["remainder_words"])):
            continue
        sent = idx.sentence_of(head.span.start)
        same = [g for g in idx.figures_in(Span(sent.start, head.span.start)) if g.unit == p.unit
                and summable(g) and g.previous is None and g.kind == "actual"]
        if not same or not any(w in idx.clause_before(_list_start(idx, same[-1]), 16) for w in v["done_words"]):
            continue
        d = same[-1]
        para = idx.text.rfind("\n", 0, d.span.start) + 1
        wholes = [g for g in idx.figures_in(Span(para, d.span.start)) if g.unit == p.unit and summable(g)
                  and g.previous is None and g.kind == "actual" and g.value >= d.value
                  and not any(w in idx.clause_before(g, 24) for w in v["subset_cues"])]
        if not wholes:
            continue
        yield Candidate(code="GW104", kind="diff", whole=(wholes[-1],), parts=(d, p), trigger=label[-2:],
                        explicit=False, params={"sign": 1, "verb": "余", "confirm_only": True})


def _list_start(idx: TextIndex, f: Figure) -> Figure:
    """The first figure of the 、-list ``f`` ends (其余 5 个小区、911 户 → 5 个小区)."""
    first = f
    while (prev := idx.figure_before(first)) is not None and idx.between(prev.span.end, first.span.start).strip() \
            and all(ch not in idx.between(prev.span.end, first.span.start) for ch in "，,。；;：:") \
            and "、" in idx.between(prev.span.end, first.span.start):
        first = prev
    return first


def pending_shares(idx: TextIndex) -> Iterator[Candidate]:
    """全县尚有 37.7% 的耕地未建成高标准农田 after 累计建成高标准农田…占全县耕地面积的 62.3%: the share of
    what is not done is 100% less the share of what is, stated earlier in a sentence that names
    both the verb (建成) and the noun (耕地).  Found by words, so kept only when it holds."""
    v = vocab()
    for f in idx.figures:
        if f.unit != "%" or f.change is not None or f.range_id is not None:
            continue
        after = idx.words_after(f, 20).removeprefix("的")
        hit = _pending_in(after, v)
        if hit is None:
            continue
        noun, verb = after[:after.rfind(hit[0] + hit[1])], hit[1]
        if len(noun) < 2 or len(verb) < 2:
            continue
        done = [s for s in idx.figures_in(Span(0, f.span.start)) if s.unit == "%" and s.change is None
                and s.range_id is None and s.kind in ("share", "actual") and s.previous is None
                and _names(idx, s, noun[-2:], verb[:2])]
        if not done:
            continue
        yield Candidate(code="GW104", kind="diff", whole=(hundred_percent(done[-1], "全部"),), parts=(done[-1], f),
                        trigger=hit[0] + verb, explicit=False,
                        params={"sign": 1, "verb": "未" + verb[:2], "confirm_only": True})


def _names(idx: TextIndex, f: Figure, noun: str, verb: str) -> bool:
    """``f``'s sentence before it names both words."""
    sent = idx.sentence_of(f.span.start)
    words = idx.between(sent.start, f.span.start)
    return noun in words and verb in words


# findings that relate a whole and a part of it: a 其中 part, a share's or a rate's part and base, a
# completion's result and target (the text itself paired the two)
_PAIRING_CODES = ("GW107", "GW108", "GW122", "GW123")


def related_pairs(findings: Iterable[Finding]) -> list[tuple[Figure, Figure]]:
    """The (whole, part) pairs of amounts or counts in one unit that a verified finding relates
    (发现隐患 9417 处，督促整改 9263 处，整改率 98.4%; 完成 820 户，完成年度任务 1200 户的 68.3%)."""
    out: list[tuple[Figure, Figure]] = []
    for f in findings:
        if f.status != "consistent" or f.code not in _PAIRING_CODES:
            continue
        both = [g for g in f.figures if summable(g) and g.id]
        if len(both) != 2 or both[0].unit != both[1].unit or both[0].value == both[1].value:
            continue
        whole, part = sorted(both, key=lambda g: g.value, reverse=True)
        if not any(whole is w and part is p for w, p in out):
            out.append((whole, part))
    return out


def _left_cue(idx: TextIndex, p: Figure, v: dict) -> str | None:
    """The word that makes ``p`` what is left: a remainder word before it (完成剩余 380 户, 仍有 7 个),
    a word of what is not yet done after it (113 件未能化解), or a plan for the rest of the year
    (第四季度完成 254 人)."""
    label = idx.label_before(p, 12)
    hit = next((w for w in longest_first("remainder_words", "left_words") if w in label), None)
    if hit is not None:
        return hit
    pending = pending_word(idx, p)
    if pending is not None:
        return pending[1]
    from .flows import _rest_cue

    return "余下" if _rest_cue(idx.clause_before(p, 24)) else None


def _shares_noun(idx: TextIndex, p: Figure, whole: Figure, part: Figure) -> bool:
    """The remainder's words and the pair's share a noun of two characters or more (隐患, 行政村,
    签约项目), words of remaining or doing left aside."""
    v = vocab()
    mine = idx.label_before(p, 16) + words_after_alternative(idx, p, 14)
    for w in longest_first("remainder_words", "left_words", "pending_words", "done_words", "subject_prefixes"):
        mine = mine.replace(w, "\0")
    theirs = "".join(idx.label_before(g, 24) + idx.words_after(g, 10) + (g.metric or "") for g in (whole, part))
    runs = (mine[i:i + 2] for i in range(len(mine) - 1))
    return any("\0" not in r and all("\u4e00" <= ch <= "\u9fff" for ch in r) and r in theirs
               and r not in v["left_pair_stop_words"] for r in runs)


def left_of_related(idx: TextIndex, findings: Iterable[Finding]) -> Iterator[Candidate]:
    """尚有 154 处隐患正在整改 after 发现火灾隐患 9417 处，督促整改 9263 处，整改率 98.4%; 完成剩余 380 户
    改造任务 after 完成 820 户，完成年度任务 1200 户的 68.3%; 182 个行政村中已有 178 个…实现剩余 4 个行政村
    全覆盖: what is left is a whole less its part where the text itself paired the two before (a
    其中 part, a rate's numerator and base, a completion's result and target; :func:`related_pairs`),
    however far before and whatever verb the part was named by — the pair's words sharing a noun
    with the remainder's.  Found by words and position, so kept only when it holds."""
    v = vocab()
    pairs = related_pairs(findings)
    for p in idx.figures:
        if not summable(p) or p.previous is not None or p.change is not None:
            continue
        cue = _left_cue(idx, p, v)
        if cue is None:
            continue
        # pairs whose difference is the remainder as printed: a bound (254 人以上) holds for any
        # larger difference, and would take a pair that is no whole of it
        fits = [(whole, part) for whole, part in pairs if whole.unit == p.unit
                and max(whole.span.end, part.span.end) <= p.span.start
                and abs(whole.value - part.value - p.value) <= max(whole.quantum, part.quantum, p.quantum)
                and _shares_noun(idx, p, whole, part)]
        for whole, part in fits:
            yield Candidate(code="GW104", kind="diff", whole=(whole,), parts=(part, p), trigger=cue,
                            explicit=False, params={"sign": 1, "verb": "余", "confirm_only": True})
