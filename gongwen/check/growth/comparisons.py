"""Comparisons with last year stated beside a figure: 较上年的 O 减少 d，下降 r%, and 较上年增加
d，增长 r% where last year's value is only implied (X − d).

The extractor signs every stated change (减少 4 起 → −4, kind ``change``); a change figure is
paired with the figure it changes (the nearest earlier figure of its unit in the sentence, not a
target) and with the old value stated after 较/比 if any.  Several values and changes listed with
分别 pair by position: the k-th change of a unit with the k-th figure of that unit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from decimal import Decimal

from ...figure import Figure
from ...model import Span
from ..evaluation.intervals import interval_of, longest_first, vocab
from ..proportions.counted_rates import _generic_words
from ..proportions.operands import clause_start
from ..reading.relations import Candidate, abbreviates, fact_kind, summable
from ..reading.textindex import SPACES, TextIndex
from .changes import _verb, signed_value

_COMPARE = ("较", "比")
_NOT_NEW = ("target", "condition", "change", "completion")


def comparisons(idx: TextIndex) -> Iterator[Candidate]:
    """Difference, growth and implied-growth candidates of every sentence."""
    for sent in idx.sentences:
        figs = [_as_change(idx, f) for f in idx.figures_in(sent)]
        deltas = [f for f in figs if f.kind == "change" and f.unit not in ("%", "个百分点", "倍") and _level(f)]
        rates = [f for f in figs if f.kind == "change" and f.unit == "%"]
        if not deltas and not rates:
            continue
        yield from _sentence(idx, sent, figs, deltas, rates)


def _sentence(idx: TextIndex, sent: Span, figs: list[Figure], deltas: list[Figure],
              rates: list[Figure]) -> Iterator[Candidate]:
    text = idx.text
    pairs: list[tuple[Figure, Figure | None, Figure | None]] = []  # (new, old, delta)
    anchor = deltas[0].span.start if deltas else rates[0].span.start
    cue = max((text.rfind(w, sent.start, anchor) for w in _COMPARE), default=-1)
    levels = [f for f in figs if f.span.end <= anchor and fact_kind(idx, f) not in _NOT_NEW and _level(f)
              and f.previous is None]
    if _of_a_stock(idx, cue, deltas):
        levels = [f for f in levels if not _flow(idx, f)]
    if cue >= 0:
        new = [f for f in levels if f.span.end <= cue]
        old = [f for f in levels if f.span.start > cue]
    else:
        new, old = levels, []
    if deltas:
        for k, d in enumerate(deltas):
            same_new = [f for f in new if f.unit == d.unit]
            same_old = [f for f in old if f.unit == d.unit]
            rank = sum(1 for e in deltas[:k] if e.unit == d.unit)
            if not same_new:
                continue
            x = same_new[rank] if len(same_new) > rank and len(deltas) > 1 else \
                _named_subject(idx, cue, same_new) or same_new[-1]
            o = same_old[rank] if len(same_old) > rank else None
            pairs.append((x, o, d))
    elif old:
        for k, o in enumerate(old):
            same_new = [f for f in new if f.unit == o.unit]
            if same_new and len(old) == 1:
                # 受理工单 3862 件，…，其中投诉 128 件，较上年的 163 件下降 21.5%: one old value is that of
                # the level its clause names, else of the nearest level before the comparison
                pairs.append((_named_subject(idx, cue, same_new) or same_new[-1], o, None))
            elif same_new:
                pairs.append((same_new[min(k, len(same_new) - 1)], o, None))
            elif len(old) == 1 and (said := _restated_subject(idx, sent, cue, o)) is not None:
                pairs.append((said, o, None))
    later = [r for r in rates if r.span.start > (pairs[-1][2] or pairs[-1][1] or pairs[-1][0]).span.end] \
        if pairs else []
    for x, was, delta in pairs:
        if was is not None and delta is not None:
            yield Candidate(code="GW104", kind="diff", whole=(x,), parts=(was, replace(delta, value=abs(delta.value))),
                            trigger="减少" if delta.value < 0 else "增加",
                            params={"sign": 1 if delta.value >= 0 else -1})
    if len(later) != len(pairs):
        # 较上年的 132.1 亿元下降 10.3%，…，按同口径计算下降 2.6%: the rate right after the one
        # comparison is its own; a later one is on another basis
        last = (pairs[0][2] or pairs[0][1] or pairs[0][0]) if len(pairs) == 1 else None
        gap = text[last.span.end:later[0].span.start] if last is not None and later else ""
        if last is None or not gap or len(gap) > 6 or any(ch in gap for ch in "；;。") or _verb(gap) is None \
                or any(w in gap for w in vocab()["respectively"]):
            return  # …，分别增长 5.1%、8.7%: rates paired by place with more values than were read
        later = later[:1]
    for (x, was, delta), r in zip(pairs, later):
        if _restated_between([g for g in figs if not any(g is o for p in pairs for o in p)],
                             (delta or was or x).span.end, r):
            continue  # 审结 n 件，同比增加 d 件，结案率 x%，同比提升 r%: r is the change of x%
        sign = 1 if r.value >= 0 else -1
        if was is not None:
            yield Candidate(code="GW105", kind="growth", whole=(x,), parts=(was, replace(r, value=abs(r.value))),
                            trigger="增长" if sign > 0 else "下降", params={"sign": sign, "unit": "%"})
        elif delta is not None and not _other_bases(idx, delta, r):
            yield Candidate(code="GW124", kind="implied", whole=(x,), parts=(delta, r), trigger="较上年",
                            params={"sign": sign})


def _restated_between(figs: list[Figure], after: int, rate: Figure) -> bool:
    """Another figure stated between a comparison's last operand and a growth rate after it, not
    a change itself (审结 11,200 件，同比增加 900 件，结案率 93.4%，同比提升 1.2%): the rate is the
    change of that nearer figure, not the growth of the level before.  ``figs`` leaves out the
    operands of the sentence's comparisons (较上年的 14 起、4.03 亿元分别下降 a% 和 b%).

    >>> from gongwen.model import Span as S
    >>> f = [Figure(Decimal(900), "件", kind="change", span=S(0, 4)), Figure(Decimal("93.4"), "%", span=S(9, 14)),
    ...      Figure(Decimal("1.2"), "%", kind="change", span=S(20, 24))]
    >>> _restated_between(f, 4, f[2]), _restated_between(f[:1] + f[2:], 4, f[-1])
    (True, False)
    """
    return any(after <= g.span.start and g.span.end <= rate.span.start and g.kind != "change" for g in figs)


def _named_subject(idx: TextIndex, cue: int, levels: list[Figure]) -> Figure | None:
    """培训教师 1,240 人、家长 3,860 人，其中教师人数较上年的 1,105 人增加 135 人: a comparison whose
    clause names its subject before 较 changes the level that subject names — the one level whose
    words share the longest run with it (two characters at least), when that is not the nearest
    level; else None (the nearest level is the one changed)."""
    if cue < 0 or len(levels) < 2:
        return None
    subject = idx.text[clause_start(idx, cue):cue].removeprefix(vocab()["subset_cues"][0])
    if len(subject) < 2:
        return None
    runs = [_shared_run(subject, idx.label_before(f, 16)) for f in levels]
    best = max(runs)
    if best < 2 or runs.count(best) != 1 or runs[-1] == best:
        return None
    return levels[runs.index(best)]


def _restated_subject(idx: TextIndex, sent: Span, cue: int, old: Figure) -> Figure | None:
    """…，实收 1392 万元，…；实收水费较去年同期的 1268 万元增长 8.9%: a comparison whose clause names its
    subject again, with no level of its own, compares the level stated under that name earlier in its
    paragraph — the one figure of the old value's unit whose own words (its clause before it) and the
    subject hold one another (实收 within 实收水费; not 应收水费, which only shares 收水费); else None."""
    if cue < 0:
        return None
    subject = idx.text[clause_start(idx, cue):cue].strip(SPACES)
    subject = _generic_words().sub("", subject)
    if len(subject) < 2:
        return None
    para = idx.text.rfind("\n", 0, sent.start) + 1
    found = []
    for f in idx.figures_in(Span(para, sent.start)):
        if f.unit != old.unit or fact_kind(idx, f) in _NOT_NEW or not _level(f) or f.previous is not None:
            continue
        own = _generic_words().sub("", idx.text[clause_start(idx, f.span.start):f.span.start].strip(SPACES))
        if len(own) >= 2 and (own in subject or subject in own):
            found.append(f)
    return found[0] if len(found) == 1 else None


def _shared_run(a: str, b: str) -> int:
    """The length of the longest run of characters two texts share."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] not in b:
                break
            best = j - i
    return best


def _base(idx: TextIndex, f: Figure) -> str | None:
    """The moment a change or rate is stated against, as its own clause names it: another base
    (比年初, 环比: vocab ``other_base_words``) or last year (同比, 较上年: ``last_year_words``)."""
    own = idx.text[clause_start(idx, f.span.start):f.span.start]
    other = next((w for w in longest_first("other_base_words") if w in own), None)
    return other or ("last year" if any(w in own for w in vocab()["last_year_words"]) else None)


def _other_bases(idx: TextIndex, delta: Figure, rate: Figure) -> bool:
    """存款余额 4862 亿元，比年初增加 386 亿元，同比增长 8.9%: the increase since the year's start and
    the growth on last year's same month are of two bases; the rate is not the change's."""
    a, b = _base(idx, delta), _base(idx, rate)
    return a is not None and b is not None and a != b


def old_values_apart(idx: TextIndex, figures: Iterable[Figure] = ()) -> Iterator[Candidate]:
    """全年共发生森林火灾 4 起，较上年减少 3 起 beside a table row 森林火灾起数（起）| 7 | 4; 年末在册
    隐患点 412 处，较年初减少 37 处 after 年初全市在册地质灾害隐患点 449 处: a change stated beside a
    level whose old value the comparison does not state, but the text (or a table: ``figures``) does
    elsewhere.  The old value is a figure of the level's unit, before the level or out of its
    sentence, named like it
    (its words — for a table cell its row's — share four characters with the level's clause, generic
    words removed, or hold the level's name shortened: 在册隐患点 of 在册地质灾害隐患点) and of an
    earlier moment (a year before the level's, or named 年初/上年末); the one
    that makes the change hold confirms it, and none says nothing (``confirm_only``)."""
    v = vocab()
    everything = [g for g in dict.fromkeys([*idx.figures, *(g for g in figures if len(g.span) > 0)])
                  if g.kind == "actual" and g.change is None and g.previous is None and g.range_id is None
                  and g.bound is None and _level(g)]
    for sent in idx.sentences:
        figs = [_as_change(idx, f) for f in idx.figures_in(sent)]
        for d in figs:
            if d.kind != "change" or d.unit in ("%", "个百分点", "倍") or not _level(d):
                continue
            before = [f for f in figs if f.span.end <= d.span.start and f.unit == d.unit and f.kind == "actual"
                      and f.previous is None and _level(f)]
            if not before or any(w in idx.text[before[-1].span.end:d.span.start] for w in _COMPARE) and \
                    idx.figures_in(Span(before[-1].span.end, d.span.start)):
                continue
            x = before[-1]
            gap = idx.text[x.span.end:d.span.start]
            if any(ch in gap for ch in "；;。") or not any(w in gap for w in _COMPARE):
                continue  # 较上年减少 3 起 right after its level: the level's change
            since_start = any(w in gap for w in v["opening_words"])
            words = _name_runs(idx.clause_before(x, 30))
            name = _generic_words().sub("", idx.label_before(x, 16))
            for w in v["opening_words"]:
                name = name.replace(w, "")
            name = name.replace("年末", "")
            for o in sorted(everything, key=lambda g: abs(g.span.start - x.span.start)):
                if o.unit != x.unit or o is x or x.span.start <= o.span.start < sent.end:
                    continue
                said = idx.text[max(0, o.span.start - 40):o.span.start]
                said = said[said.rfind("\n") + 1:] if o.source == "table" else idx.clause_before(o, 30)
                if not any(r in said for r in words) and not abbreviates(name, said):
                    continue  # (在册隐患点 shortens 在册地质灾害隐患点)
                if since_start:
                    if not any(w in said for w in v["opening_words"]):
                        continue
                elif not (o.period and x.period and o.period[:4].isdigit() and x.period[:4].isdigit()
                          and int(o.period[:4]) == int(x.period[:4]) - 1):
                    continue
                try:
                    holds = (interval_of(x) - interval_of(o)).intersects(interval_of(d))
                except Exception:
                    holds = False
                if holds:
                    yield Candidate(code="GW104", kind="diff", whole=(x,), parts=(o, replace(d, value=abs(d.value))),
                                    trigger="减少" if d.value < 0 else "增加", explicit=False,
                                    params={"sign": 1 if d.value >= 0 else -1, "confirm_only": True})
                    break


def _name_runs(clause: str) -> set[str]:
    """The four-character runs of a clause's words, the words any figure may carry removed."""
    words = _generic_words().sub("|", clause)
    return {words[i:i + 4] for i in range(len(words) - 3) if re.fullmatch(r"[\u4e00-\u9fff]{4}", words[i:i + 4])}


def _of_a_stock(idx: TextIndex, cue: int, deltas: list[Figure]) -> bool:
    """A change stated against last year's end (较上年末增长 7.3%) or named as net (净增 3,962 户) is
    the change of a stock: what came in or went out that year (新登记 7,997 户，注销 4,035 户) is
    never the level it changes."""
    v = vocab()
    if cue >= 0 and idx.text.startswith(tuple(v["opening_words"]), cue + 1):
        return True
    return any(w in idx.label_before(d, 8) for d in deltas for w in v["balance_words"] if w.startswith("净"))


def _flow(idx: TextIndex, f: Figure) -> bool:
    """A figure named as what came in (新登记, 新增) or went out (注销, 退出) within a year."""
    v = vocab()
    label = idx.label_before(f, 16)
    return any(w in label for w in (*v["new_words"], *v["leaving_words"]))


def target_growth(idx: TextIndex) -> Iterator[Candidate]:
    """2025 年力争达到 7.5 亿元，增长 10.3%: a target with its growth rate and no old value beside
    it grows from the year before's actual of the same unit — stated earlier in the sentence
    (2024 年发放 6.8 亿元，2025 年力争达到 7.5 亿元), else the one figure of the document with the
    target's metric in that year.  The rate may come first when the words say the target is what
    it reaches (地区生产总值增长 6% 左右，达到 40.9 亿元), and a comparison naming only a year (比
    2025 年增长 3%) names the base's year, not a value.  Inferred, so never more than a warning."""
    text = idx.text
    for sent in idx.sentences:
        figs = idx.figures_in(sent)
        for k, a in enumerate(figs[:-1]):
            b = figs[k + 1]
            stated = _compared_target(idx, figs, k)
            if stated is not None:
                yield stated
                continue
            differed = _target_difference(idx, figs, k)
            if differed:
                yield from differed
                continue
            if fact_kind(idx, a) == "target" and _level(a) and a.previous is None and b.unit == "%":
                pairs, named = _respective(idx, figs, k), None
                gap, said = text[a.span.end:b.span.start], text[sent.start:b.span.start]
            elif _reached(idx, a, b):
                # the rate's words name the target it reaches: 地区生产总值增长 6% 左右，达到 40.9 亿元
                pairs, named = [(b, a)], idx.label_before(a, 24)
                gap, said = idx.label_before(a, 8), text[sent.start:a.span.start]
            else:
                continue
            said, base_year = _year_compared(said)
            gap, _ = _year_compared(gap)
            for w in vocab()["year_on_year"]:  # 同比增长 5.4%: last year's value, as a target's growth is
                said = said.replace(w, "")
            hit = _verb(gap)
            if hit is None or len(gap) > 8 and named is None or any(w in said for w in _COMPARE):
                continue
            if named is None and _own_subject(gap, hit[1], idx.label_before(a, 24)):
                continue
            for t, rate in pairs:
                own = _year(t)
                year = base_year or (own - 1 if own is not None else None)
                first = min(t, rate, key=lambda f: f.span.start)
                base = _base_of(idx, t, figs[:figs.index(first)], year, named) if year is not None else None
                if base is None:
                    continue
                sign = 1 if signed_value(rate, hit[0]) >= 0 else -1
                yield Candidate(code="GW105", kind="growth", whole=(t,), parts=(base, replace(rate, value=abs(rate.value))),
                                trigger=hit[1], explicit=False, params={"sign": sign, "unit": "%"})


def _target_difference(idx: TextIndex, figs: list[Figure], k: int) -> list[Candidate]:
    """2027 年计划供应 2600 亩，比 2026 年增加 282 亩、增长 12.2%: a target, its difference from a year's
    value in its own unit, then the rate — both over that year's actual stated elsewhere
    (:func:`_base_of`), as a target's rate alone is.  Inferred, so never more than a warning."""
    a, d = figs[k], figs[k + 1]
    if fact_kind(idx, a) != "target" or not _level(a) or a.previous is not None or d.unit != a.unit \
            or (d.change is None and d.kind != "change") or d.previous is not None:
        return []
    gap, year = _year_compared(idx.text[a.span.end:d.span.start])
    hit = _verb(gap)
    own = _year(a)
    if hit is None or len(gap) > 8 or year is None and own is None:
        return []
    base = _base_of(idx, a, figs[:k], year if year is not None else own - 1)  # type: ignore[operator]
    if base is None:
        return []
    sign = 1 if signed_value(d, hit[0]) >= 0 else -1
    out = [Candidate(code="GW104", kind="diff", whole=(a,), parts=(base, replace(d, value=abs(d.value))),
                     trigger=hit[1], explicit=False, params={"sign": sign})]
    rate = figs[k + 2] if k + 2 < len(figs) else None
    then = _verb(idx.text[d.span.end:rate.span.start]) if rate is not None else None
    if rate is not None and rate.unit == "%" and then is not None and \
            len(idx.text[d.span.end:rate.span.start].strip(SPACES + "、，,")) <= 4:
        rsign = 1 if signed_value(rate, then[0]) >= 0 else -1
        out.append(Candidate(code="GW105", kind="growth", whole=(a,), parts=(base, replace(rate, value=abs(rate.value))),
                             trigger=then[1], explicit=False, params={"sign": rsign, "unit": "%"}))
    return out


def _own_subject(gap: str, verb: str, label: str) -> bool:
    """The rate's clause names a subject of its own before its verb (粮食总产量达到 52 万吨，农业增加值
    增长 5%): the growth of that quantity, not of the target before it — unless the subject is the
    target's own name (…达到 52 万吨，产量增长 1.2%).  Adverbs (分别, 同比, 实际) name no subject.

    >>> _own_subject("，农业增加值增长", "增长", "粮食总产量达到"), _own_subject("，同比增长", "增长", "达到")
    (True, False)
    >>> _own_subject("以上，实际增长", "增长", "收入达到"), _own_subject("，产量增长", "增长", "粮食总产量达到")
    (False, False)
    """
    clause = re.split(r"[，,、；;：:]", gap)[-1].strip(SPACES)
    subject = clause[:clause.rfind(verb)] if verb in clause else clause
    for w in longest_first("adverbs", "year_on_year", "actual_contrast_cues", "subject_prefixes"):
        subject = subject.replace(w, "")
    return len(subject) >= 3 and subject not in label and not abbreviates(subject, label)


# 较上年的, 比 2025 年末的, 较去年同期的: a comparison that states its old value next
_OLD_CUE = re.compile(r"(?:以上|左右|以内)?[，,]?[较比](?:\d{4}年(?:末|底)?|上年(?:末|底)?|去年(?:末|底)?)(?:同期)?的")


def _compared_target(idx: TextIndex, figs: list[Figure], k: int) -> Candidate | None:
    """全年安排城乡低保资金 1.12 亿元，较上年的 1.05 亿元增长 6.7% (力争达到 420 人，较 2025 年末的 365 人
    增长 15.1%): a target, the actual its comparison states right after 较…的, and the growth rate
    (or the difference: 增加 55 人) right after that — the text's own change, so a miss is an error as
    a stated change's is."""
    if k + 2 >= len(figs):
        return None
    a, old, rate = figs[k], figs[k + 1], figs[k + 2]
    if fact_kind(idx, a) != "target" or not _level(a) or a.previous is not None:
        return None
    if old.unit != a.unit or fact_kind(idx, old) != "actual" or not _level(old) or old.change is not None:
        return None
    # (the change may be the difference in the target's own unit: 完成投资 2.8 亿元，较上年的 2.3 亿元增加 0.5 亿元)
    if rate.unit not in ("%", a.unit) or (rate.change is None and rate.kind != "change"):
        return None
    gap = re.sub(r"\s", "", idx.text[a.span.end:old.span.start])
    verb = re.sub(r"\s", "", idx.text[old.span.end:rate.span.start])
    hit = _verb(verb)
    if not _OLD_CUE.fullmatch(gap) or hit is None or len(verb) > 4:
        return None
    sign = 1 if signed_value(rate, hit[0]) >= 0 else -1
    if rate.unit != "%":
        return Candidate(code="GW104", kind="diff", whole=(a,), parts=(old, replace(rate, value=abs(rate.value))),
                         trigger=hit[1], params={"sign": sign})
    return Candidate(code="GW105", kind="growth", whole=(a,), parts=(old, replace(rate, value=abs(rate.value))),
                     trigger=hit[1], params={"sign": sign, "unit": "%"})


def _reached(idx: TextIndex, r: Figure, x: Figure) -> bool:
    """增长 6% 左右，(力争)达到 40.9 亿元: a target's growth rate, then the target the words say
    it reaches (vocab ``reach_words``) in the next clause."""
    if r.unit != "%" or fact_kind(idx, x) != "target" or not _level(x) or x.previous is not None:
        return False
    if fact_kind(idx, r) != "target" or _verb(idx.label_before(r, 8)) is None:
        return False
    gap = idx.text[r.span.end:x.span.start]
    for w in vocab()["hedges"]:
        gap = gap.replace(w, "")
    gap = gap.strip(SPACES + "，,")
    return 0 < len(gap) <= 6 and gap.endswith(tuple(vocab()["reach_words"]))


_A_YEAR = re.compile(r"[较比](?:(\d{4})年|上年|去年)(?:同期)?")


def _year_compared(s: str) -> tuple[str, int | None]:
    """The words without a comparison that names only a year (比 2025 年, 较上年): its base is the
    year's value, as a target's growth is; with the year when a number names it.

    >>> _year_compared("，比2025年增长")
    ('，增长', 2025)
    >>> _year_compared("较上年的8.6亿元")
    ('的8.6亿元', None)
    """
    years = [int(m.group(1)) for m in _A_YEAR.finditer(s) if m.group(1)]
    return _A_YEAR.sub("", s), (years[-1] if years else None)


def _respective(idx: TextIndex, figs: list[Figure], k: int) -> list[tuple[Figure, Figure]]:
    """The target before a growth rate and that rate; after 分别 (接待游客 1400 万人次、旅游收入 130
    亿元，分别增长 8.8% 和 9.6%) the listed targets and rates in order, none when they do not pair."""
    x, r = figs[k], figs[k + 1]
    if not any(w in idx.text[x.span.end:r.span.start] for w in vocab()["respectively"]):
        return [(x, r)]
    targets = [x]
    while k - len(targets) >= 0 and fact_kind(idx, figs[k - len(targets)]) == "target" \
            and _level(figs[k - len(targets)]) and figs[k - len(targets)].previous is None:
        targets.insert(0, figs[k - len(targets)])
    rates = [r]
    for g in figs[k + 2:]:
        if g.unit != "%" or len(idx.text[rates[-1].span.end:g.span.start].strip(SPACES)) > 1:
            break
        rates.append(g)
    return list(zip(targets, rates)) if len(targets) == len(rates) else []


def _year(f: Figure) -> int | None:
    p = f.period or ""
    return int(p[:4]) if len(p) >= 4 and p[:4].isdigit() else None


def _base_of(idx: TextIndex, x: Figure, earlier: list[Figure], year: int, own: str | None = None) -> Figure | None:
    """Last year's actual a target grows from: the nearest earlier in the sentence, else the one
    figure of that year with the target's metric, else the levels of that year whose words share
    the target's name (``own``, else the words before it) — one value, printed perhaps more
    roundly once (the opening summary's 1.36 亿元 of the section's 13,580 万元): the most precise."""
    def fits(f: Figure) -> bool:
        return (f.unit == x.unit and _year(f) == year and not f.period_inferred and _level(f)
                and fact_kind(idx, f) not in _NOT_NEW and f.source != "table")
    near = [f for f in earlier if fits(f)]
    if near:
        return near[-1]
    named = [f for f in idx.figures if f.span.end <= x.span.start and fits(f) and f.metric and f.metric == x.metric]
    if len(named) == 1:
        return named[0]
    # 全区完成一般公共预算收入 24 亿元 … 2025 年一般公共预算收入预期目标安排 24.72 亿元，增长 3%: the
    # one level of that year (its period perhaps the report's own) whose words share the target's name
    own = idx.label_before(x, 24) if own is None else own
    levels = [f for f in idx.figures if f.span.end <= x.span.start and f.unit == x.unit and _year(f) == year
              and _level(f) and fact_kind(idx, f) not in _NOT_NEW and f.source != "table"]
    shared = {id(f): _common_name(idx.label_before(f, 24), own) for f in levels}
    # 全年全市发明专利授权 1286 件 … 两区发明专利授权量合计 850 件 … 力争发明专利授权量达到 1400 件: a level
    # whose words add a qualifier the target's lack (a place, a group: 两区, 企业获得) is a part's, and
    # no base of the target while a level under the name alone is stated
    plain = {id(f): shared[id(f)] for f in levels
             if shared[id(f)] >= _NAME and not _qualified(idx.label_before(f, 24), own)}
    shared = plain or shared
    most = max(shared.values(), default=0)
    named = [f for f in idx.figures if shared.get(id(f)) == most]
    if most < _NAME or not named:
        return None
    spans = [interval_of(f) for f in named]
    if not all(a.intersects(b) for a in spans for b in spans):
        return None  # two values of one name: which one the target grows from, the words do not say
    return min(reversed(named), key=_width)


def _width(f: Figure) -> Decimal:
    """How much a printed figure leaves open (an open end: without bound)."""
    i = interval_of(f)
    return i.hi - i.lo if i.hi is not None and i.lo is not None else Decimal("Infinity")


_NAME = 4  # characters two labels must share to name one quantity (财政总收入, 建筑业总产值)


def _qualified(label: str, own: str) -> bool:
    """A level's words name the quantity the target's words name and qualify it further: two
    characters or more of its label, outside the name they share (and the words of a period, place
    or verb that reach a level), that the target's words do not hold.

    >>> _qualified("临川区两区发明专利授权量合计", "力争全年发明专利授权量达到")
    True
    >>> _qualified("全年全市发明专利授权", "力争全年发明专利授权量达到"), _qualified("预计全年农村居民人均可支配收入", "农村居民人均可支配收入增长")
    (False, False)
    """
    a, b = _fill(label), _fill(own)
    for w in longest_first("future_words"):  # 预计达到, 力争: how a level is said, not which one
        a, b = a.replace(w, "|"), b.replace(w, "|")
    run = _common_run(a, b)
    rest = a.replace(run, "|", 1) if run else a
    return sum(1 for ch in rest if "\u4e00" <= ch <= "\u9fff" and ch not in b) >= 2


def _fill(s: str) -> str:
    for w in (w for w in longest_first("subject_prefixes", "reach_words", "name_fillers") if len(w) >= 2):
        s = s.replace(w, "|")
    return s


def _common_run(a: str, b: str) -> str:
    best = ""
    for i in range(len(a)):
        for j in range(i + len(best) + 1, len(a) + 1):
            if a[i:j] not in b:
                break
            if not any(ch.isdigit() or ch == "|" for ch in a[i:j]):
                best = a[i:j]
    return best


def _common_name(a: str, b: str) -> int:
    """The length of the longest run of characters two labels share (digits, the words of a
    period or place and the verbs that reach a level excepted: 参保人数达到 and 持卡人数达到 share no
    name).

    >>> _common_name("全区完成一般公共预算收入", "全区一般公共预算收入预期目标安排")
    8
    >>> _common_name("力争企业职工基本养老保险参保人数达到", "社会保障卡持卡人数达到")
    2
    """
    return len(_common_run(_fill(a), _fill(b)))


def _level(f: Figure) -> bool:
    """A value a change can be stated against: an amount or count, or an average (人均可支配收入
    21460 元，较上年增加 1320 元，增长 6.6%), never a rate or a range."""
    return summable(f) or bool(f.unit) and f.unit not in ("%", "个百分点", "‰", "倍") and f.range_id is None


def _as_change(idx: TextIndex, f: Figure) -> Figure:
    """较上年同期增加 244 人 read as another kind by the extractor: a change, signed by its verb."""
    if f.kind == "change" or f.previous is not None:
        return f
    label = idx.label_before(f, 12)
    if not label:  # 较上年末分别增加 2.41 万卷、4.90 万件: a later item of the verb's 、-list
        clause = idx.text[clause_start(idx, f.span.start):f.span.start]
        label = _LISTED.sub("", clause) if _LISTED.search(clause) else label
    hit = _verb(label)
    if hit is None or not label.endswith(hit[1]) or not any(w in label for w in _COMPARE):
        return f
    return replace(f, kind="change", value=signed_value(f, hit[0]))


# the items of a 、-list of figures before the current one (2.41万卷、)
_LISTED = re.compile(r"(?:[\d.,]+[^\d，,。；;、\s]{0,4}、)+$")
