"""Rates a report states with their operands: completion of a target (read by
:mod:`gongwen.check.completions`), 占X的x%, X率 after its two counts, and per-thousand or
per-100,000 ratios.

Each yields a share-like :class:`Candidate` (``rate = part ÷ whole × factor``) evaluated by
:func:`gongwen.check.ratios.eval_share`.  Operands named by the text (完成目标 T 的 x%; 占 X 的 x%
with X stated) are explicit; operands found by position (the two counts before 整改率) are
inferred: a pass verifies the rate, a failure is at most a warning.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal

from ..figure import Figure
from ..model import Span
from .intervals import Interval, interval_of, vocab
from .relations import Candidate, abbreviates, fact_kind, summable
from .slips import slipped
from .textindex import SPACES, TextIndex

HUNDRED = Decimal(100)
_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]是|其中)")


def stated_rates(idx: TextIndex) -> Iterator[Candidate]:
    """Every rate of a text whose operands it states."""
    from .shares import named_multiple  # shares read the operands with this module's helpers

    for f in idx.figures:
        if f.unit == "%" and f.kind != "change":
            c = percent_rate(idx, f)
            if c is not None:
                if not c.explicit and _anchored(idx, c):
                    c = dataclasses.replace(c, params={**c.params, "anchored": True})
                yield c
        elif f.unit == "倍" and f.kind != "change":
            c = named_multiple(idx, f)
            if c is not None:
                yield c
        elif _per_factor(idx, f) is not None:
            c = per_ratio(idx, f)
            if c is not None:
                if _anchored(idx, c):
                    c = dataclasses.replace(c, params={**c.params, "anchored": True})
                yield c


def percent_rate(idx: TextIndex, f: Figure) -> Candidate | None:
    """The rate a figure in percent states, with the operands the wording lays out, if any."""
    from .bases import basis_rate
    from .completions import completion
    from .shares import respective_share, stated_ratio, structure_share

    return completion(idx, f) or respective_share(idx, f) or stated_ratio(idx, f) or \
        structure_share(idx, f) or named_share(idx, f) or basis_rate(idx, f) or counted_rate(idx, f) or \
        basis_rate(idx, f, cued=False)


def _anchored(idx: TextIndex, c: Candidate) -> bool:
    """A rate whose pairing the text itself makes: the part right before the rate in its sentence
    or named by the rate (受理 386 件，审结 372 件，结案率 96.4%; 其中集中供养 418 人、分散供养
    908 人，集中供养率 31.5%), the whole in that sentence or the one figure the rate's words name
    (占总诊疗人次的 52.7%; 常住人口签约率); or both found as the only figures so named.  A miss of
    such a pairing by a misprint is meant and wrong (see :func:`gongwen.check.ratios.eval_share`)."""
    f, (part, whole) = c.whole[0], c.parts
    if c.params.get("named_pair"):
        return True
    sent = idx.sentence_of(f.span.start)
    if not sent.start <= part.span.start < f.span.start:
        return False
    if whole.span.start < sent.start and not c.params.get("named"):
        return False
    between = [g for g in idx.figures_in(Span(part.span.end, f.span.start)) if g.unit != "%" and g is not whole]
    stem = _rate_name(idx.clause_before(f, 24))
    for w in sorted(vocab()["rate_words"], key=len, reverse=True):
        stem = stem.removesuffix(w)
    if _names_another(idx, stem, part, whole):
        return False
    return not between or (len(stem) >= 2 and stem[-2:] in idx.label_before(part, 16))


def _names_another(idx: TextIndex, stem: str, part: Figure, whole: Figure) -> bool:
    """The rate's name holds a subject neither operand's words name (学生体质健康达标率 after 达标学堂
    312 所 of 学堂 328 所): the rate of another quantity, whose name only ends like the part's.  The
    name's head before its last two characters must share two characters with the operands' words
    (集中供养率 after 集中供养 418 人; 常住人口签约率 of 常住人口 312.6 万人)."""
    head = stem[:-2]
    for w in sorted(vocab()["subject_prefixes"], key=len, reverse=True):
        head = head.removeprefix(w)
    if len(head) < 2:
        return False
    words = idx.clause_before(part, 24) + "|" + idx.clause_before(whole, 24)
    return not any(head[i:i + 2] in words for i in range(len(head) - 1))


def compatible(a: Figure, b: Figure) -> bool:
    """Operands of one rate: the same unit, or two counts (死亡 1,337 人，火化遗体 1,318 具)."""
    counts = vocab()["count_units"]
    return a.unit == b.unit or (a.unit in counts and b.unit in counts)


def _paragraph_start(idx: TextIndex, pos: int, limit: int = 400) -> int:
    nl = idx.text.rfind("\n", 0, pos)
    return max(nl + 1, pos - limit)


def operands_before(idx: TextIndex, pos: int, start: int) -> list[Figure]:
    return [g for g in idx.figures_in(Span(start, pos)) if summable(g) and g.kind != "change"
            and g.change is None and g.bound is None]


# -- 占 X 的 x% ------------------------------------------------------------------------------------

def named_share(idx: TextIndex, f: Figure) -> Candidate | None:
    """占耕地面积 467.2 万亩的 68.2% (the whole stated in the cue), or 占一般公共预算收入的比重为
    76.2% (the whole named: the figure the text labels with that name, before); a part or whole
    stated in another paragraph is found by its name (道路交通事故占全部生产安全事故的 64.3%)."""
    text = idx.text
    sent = idx.sentence_of(f.span.start)
    lo = max(sent.start, f.span.start - 24)
    at = next((text.rfind(w, lo, f.span.start) for w in vocab()["share_cues"]
               if text.rfind(w, lo, f.span.start) >= 0), -1)
    if at < 0 or "比" in text[at + 1:at + 2]:
        return None
    cue = next(w for w in vocab()["share_cues"] if text.startswith(w, at))
    name = share_name(text[at + len(cue):f.span.start])
    earlier = operands_before(idx, at, 0)
    before = operands_before(idx, at, _paragraph_start(idx, at))
    # the part stands right before 占, in its sentence (等外公路 262 公里。等级公路里程占…: not the part)
    if before and len(text[before[-1].span.end:at]) <= 8 and not _names_own_part(idx, before[-1], at) \
            and not any(ch in text[before[-1].span.end:at] for ch in "。；;"):
        part = before[-1]  # the part stands right before 占
        if fact_kind(idx, part) == "target":
            return None  # 完成年度目标 135 亿元的 102.6%，占全市…的 18.7%: the result's share, not the target's
    else:  # the part is named before 占 and stated elsewhere
        subject = text[clause_start(idx, at):at].strip(SPACES)
        for w in vocab()["adverbs"]:
            subject = subject.removesuffix(w)
        subject = _ORDINAL.sub("", subject)
        if len(subject) < 2 or name in vocab()["whole_words"] or len(name) < 2:
            return None
        return _by_names(idx, f, subject, name, earlier, cue)
    # a target is no whole of a result (年度目标 135 亿元 … 其中出口 97.6 亿元，占全区进出口总额的 70.5%)
    before = [g for g in before if g is part or fact_kind(idx, g) != "target"]
    earlier = [g for g in earlier if fact_kind(idx, g) != "target"]
    inside = [g for g in operands_before(idx, f.span.start, at + len(cue)) if compatible(g, part)]
    if inside:  # 占户籍总人口 36.8 万人的 22.7%
        return Candidate(code="GW107", kind="share", whole=(f,), parts=(part, inside[-1]), trigger="占…的",
                         params={"complete": True})
    larger = [g for g in before[:-1] if compatible(g, part) and g.value >= part.value]
    if name in vocab()["whole_words"] or len(name) < 2:  # 占总数的: the total just stated
        in_sent = [g for g in larger if g.span.start >= sent.start]
        if not in_sent and text[sent.start:part.span.start].lstrip(SPACES).startswith("其中"):
            # 全年查办案件 1362 件。其中，食品安全案件 486 件，占 35.7%: the 其中 opens on the sentence before
            prev = idx.sentence_of(max(0, sent.start - 1))
            in_sent = [g for g in larger if g.span.start >= prev.start]
        group = idx.group_at(f.span.start)
        if group is not None:  # 实有 59 人（其中 50 岁以上 18 人占 30.6%；…）: the bracket's head
            in_sent = [g for g in in_sent if g.span.end <= group.open] or in_sent
        whole = choose_whole(f, [part], in_sent) or (in_sent[-1] if in_sent else None)
        if whole is None:
            return None
        # 再就业 1.35 万人，其中就业困难人员 4,260 人，占 34.6%: the 其中 states the whole
        listed = any(w in text[whole.span.end:part.span.start] for w in vocab()["subset_cues"][:1])
        return Candidate(code="GW107", kind="share", whole=(f,), parts=(part, whole), trigger="占总数",
                         explicit=listed, params={"complete": True})
    whole = _named(idx, name, larger, f, part)
    named = whole is not None
    if whole is None:  # the whole stated in another paragraph (占总诊疗人次的 52.7%)
        wholes = all_named(idx, name, [g for g in earlier if g is not part and same_kind(g, part)
                                        and g.value >= part.value])
        whole = choose_whole(f, [part], wholes)
        named = len(wholes) == 1
    if whole is None:
        return None
    near = whole.span.start >= sent.start
    return Candidate(code="GW107", kind="share", whole=(f,), parts=(part, whole), trigger=f"{cue}{name}",
                     explicit=near, params={"complete": True, "named": named})


def _names_own_part(idx: TextIndex, prev: Figure, at: int) -> bool:
    """A new clause before 占 names another figure of the sentence as the part (企业 5.14 万户、个体
    工商户 13.21 万户，合作社 2700 户，企业占经营主体总量的 27.6%): the figure right before the
    clause is not the part.  A name no other figure carries (基层医疗卫生机构 73.7 万人次，基层门急诊
    量占全区的 39.5%) leaves it the part."""
    k = clause_start(idx, at)
    if k <= prev.span.end:
        return False
    name = idx.text[k:at].strip(SPACES)
    for w in vocab()["adverbs"]:
        name = name.removesuffix(w)
    if len(name) < 2:
        return False
    start = min(idx.sentence_of(at).start, prev.span.start)
    return any(name in idx.label_before(g, 16) for g in idx.figures_in(Span(start, prev.span.start))
               if g.unit == prev.unit)


def same_kind(a: Figure, b: Figure) -> bool:
    """Operands found by name far from the rate: the same unit (or unit family)."""
    from .relations import unit_family
    return a.unit == b.unit or unit_family(a.unit) == unit_family(b.unit) != a.unit


def all_named(idx: TextIndex, name: str, cands: list[Figure]) -> list[Figure]:
    """Candidates whose own label (the words just before them) names ``name``; else those whose
    label holds its two words the other way round (民政资金支出 of 支出各类民政资金)."""
    return [g for g in cands if name in idx.label_before(g, 24)] or \
        [g for g in cands if _inverted(name, idx.label_before(g, 24))] or counted(idx, name, cands)


def counted(idx: TextIndex, name: str, cands: list[Figure]) -> list[Figure]:
    """Counts written before the noun they count (全镇 14 个行政村集体经营性收入…: 行政村)."""
    counts = vocab()["count_units"]
    return [g for g in cands if len(name) >= 2 and g.unit in counts and idx.words_after(g, len(name) + 1).startswith(name)]


def _inverted(name: str, label: str) -> bool:
    """``label`` names ``name`` with its verb and object the other way round: a tail and a head of
    two characters at least, the tail first (资金支出 in 支出各类民政资金).

    >>> _inverted("民政资金支出", "全年累计支出各类民政资金"), _inverted("民政资金支出", "民政资金")
    (True, False)
    """
    for k in range(2, len(name) - 1):
        i = label.find(name[k:])
        if i >= 0 and label.find(name[:k], i + len(name) - k) >= 0:
            return True
    return False


def choose_whole(f: Figure, parts: list[Figure], wholes: list[Figure]) -> Figure | None:
    """The whole that makes the rate hold; else the only candidate (so a wrong rate is reported),
    or the one the rate misses by a slip of the pen; else none (ambiguous)."""
    stated = interval_of(f)
    for w in reversed(wholes):
        if any(_fits(p, w, stated, False) for p in parts):
            return w
    if len(_by_value(wholes)) == 1:  # one candidate, or one fact stated twice (5.26 万户 … 52600 户)
        return wholes[-1]
    near = near_miss(f, [(p, w) for p in parts for w in wholes])
    return near[1] if near is not None else None


def _by_names(idx: TextIndex, f: Figure, subject: str, name: str, earlier: list[Figure],
              cue: str) -> Candidate | None:
    """道路交通事故占全部生产安全事故的 64.3%: part and whole both found by their names."""
    parts = all_named(idx, subject, earlier)
    stated = interval_of(f)
    pairs = [(p, w) for p in parts for w in all_named(idx, name, [g for g in earlier if g is not p
                                                                     and same_kind(g, p) and g.value >= p.value])]
    fit = next(((p, w) for p, w in reversed(pairs) if _fits(p, w, stated, False)), None)
    one = len(_by_value(pairs)) == 1  # one pairing, or one fact stated twice (5.26 万户 … 52600 户)
    if fit is None and one:
        fit = pairs[-1]
    if fit is None:
        fit = near_miss(f, pairs)
    if fit is None:
        return None
    # the only figures the text names so: the pairing is the text's own, wherever they stand
    return Candidate(code="GW107", kind="share", whole=(f,), parts=fit, trigger=f"{cue}{name}", explicit=False,
                     params={"complete": True, "named_pair": one})


def share_name(s: str) -> str:
    """占一般公共预算收入的比重为 → 一般公共预算收入; 占游客总数的 → 游客; 占全年接待总量的 → 接待."""
    s = "".join(s.split("的")[0].split())
    for w in sorted(vocab()["whole_words"], key=len, reverse=True):
        if s.endswith(w) and len(s) > len(w):
            s = s[: -len(w)]
    for w in sorted(vocab()["subject_prefixes"], key=len, reverse=True):
        if len(w) >= 2 and s.startswith(w) and len(s) >= len(w) + 2:
            s = s[len(w):]  # 占全年接待总量的: the period or place is no part of the name (接待)
            break
    for w in sorted(vocab()["whole_words"], key=len, reverse=True):
        if s.startswith(w) and len(s) > len(w):
            s = s[len(w):]
    return s


def clause_start(idx: TextIndex, pos: int) -> int:
    i = pos
    while i > 0 and idx.text[i - 1] not in "，,。；;：:\n" and pos - i < 30:
        i -= 1
    return i


def core_name(name: str) -> str:
    """A whole's name without a generic tail (检查机构数 → 检查机构)."""
    for w in sorted(vocab()["generic_tails"], key=len, reverse=True):
        if name.endswith(w) and len(name) > len(w) + 2:
            return name[: -len(w)]
    return name


def _named(idx: TextIndex, name: str, cands: list[Figure], f: Figure, part: Figure) -> Figure | None:
    """The candidate whose clause names ``name``: the one the rate fits (接待住宿学员 and 接待学员
    both name 接待), else the nearest."""
    named = [g for g in cands if name in idx.clause_before(g, 40)]
    if not named:  # 占检查机构数的: 检查定点医药机构 2146 家, the name's head and tail around other words
        named = [g for g in cands if abbreviates(core_name(name), idx.clause_before(g, 40))]
        named = named if len(named) == 1 else counted(idx, name, cands)
    stated = interval_of(f)
    return next((g for g in reversed(named) if _fits(part, g, stated, False)), named[-1] if named else None)


# -- X率 x% after its two counts -----------------------------------------------------------------

def _rate_name(label: str) -> str:
    """The rate's name in the words before it, up to its rate word (常住人口签约率, 护理型床位占比)."""
    best = -1
    for w in vocab()["rate_words"]:
        i = label.rfind(w)
        if i >= 0:
            best = max(best, i + len(w))
    if best < 0:
        return ""
    name = label[:best]
    for stop in "，,。；;：:、（(）)":
        name = name.rsplit(stop, 1)[-1]
    return name


def named_wholes(idx: TextIndex, stem: str, part: Figure) -> list[Figure]:
    """Figures anywhere before a rate whose own label is the head of the rate's name: 常住人口
    312.6万人 for 常住人口签约率, 行政村 165 个 for 行政村覆盖率 (the longest head wins)."""
    best: list[Figure] = []
    best_len = 1
    for g in idx.figures:
        if g is part or not summable(g) or g.kind == "change" or g.bound is not None \
                or not compatible(g, part) or g.value < part.value:
            continue
        lab = idx.label_before(g, 16)
        n = next((k for k in range(len(stem), 1, -1) if lab.endswith(stem[:k])), 0)
        if n > best_len:
            best, best_len = [g], n
        elif n == best_len and n > 1:
            best.append(g)
    return best


def populations(idx: TextIndex, part: Figure) -> list[Figure]:
    """Figures the text labels as a population (常住人口 41.3 万人), anywhere: the whole of rates
    and per-capita ratios that do not name it (建档率, 每千人口医师数)."""
    words = vocab()["population_words"]
    return [g for g in idx.figures if g is not part and g.unit == "人" and g.kind != "change" and g.bound is None
            and any(w in idx.label_before(g, 16) for w in words)]


def counted_rate(idx: TextIndex, f: Figure) -> Candidate | None:
    """排查隐患 12856 件，已整改 12604 件，整改率 98.0%: part and whole stated just before; or the
    whole named by the rate and stated elsewhere (签约 112.4 万人，常住人口签约率 36.0%)."""
    text = idx.text
    label = idx.clause_before(f, 24)
    name = _rate_name(label)
    if not name and "面" not in label[-4:]:
        return None
    if any(w in name for w in vocab()["unbounded_rate_words"]) and "完成率" not in name:
        return None
    called = name[-12:] or label[-6:]  # what the text calls the rate, for the message
    start = _paragraph_start(idx, f.span.start, 200)
    before = [g for g in operands_before(idx, f.span.start, start) if g.unit not in ("%",)]
    if not before:
        return None
    part = before[-1]
    if idx.sentence_of(part.span.start) != idx.sentence_of(f.span.start) and \
            text[part.span.end:f.span.start].count("。") > 0:
        return None
    stem = name
    for w in sorted(vocab()["rate_words"], key=len, reverse=True):
        if stem.endswith(w):
            stem = stem[: -len(w)]
            break
    stated = interval_of(f)
    # the members of a closed list (县级医院 a，乡镇卫生院 b，村卫生室 c after 总诊疗人次 a + b + c) are
    # siblings: neither is the other's whole
    closed = closed_list(idx, f)
    listed = {id(g) for g in closed[0]} if closed else set()

    def apart(p: Figure, w: Figure) -> bool:
        return not (id(p) in listed and id(w) in listed)
    recent = before[-6:]
    # the part the rate names (集中供养 418 人 for 集中供养率), else the last operand
    parts = [g for g in reversed(recent) if len(stem) >= 2 and stem[-2:] in idx.clause_before(g, 16)] + [part]
    for p in dict.fromkeys(parts):
        complement = any(w in idx.clause_before(p, 12) for w in vocab()["negative_words"]) and \
            not any(w in label for w in vocab()["negative_words"])
        wholes = [g for g in before if g is not p and g.span.start < p.span.start and compatible(g, p)
                  and g.value >= p.value and apart(p, g)]
        named = named_wholes(idx, stem, p) + populations(idx, p)
        for whole in [*reversed(wholes), *named]:
            if _fits(p, whole, stated, complement):
                return Candidate(code="GW123", kind="share", whole=(f,), parts=(p, whole), trigger=called,
                                 explicit=False, params={"complete": True, "complement": complement})
    complement = any(w in idx.clause_before(part, 12) for w in vocab()["negative_words"]) and \
        not any(w in label for w in vocab()["negative_words"])
    sent = idx.sentence_of(f.span.start)
    near = near_miss(f, [(p, w) for p in dict.fromkeys(parts) if p.span.start >= sent.start
                         for w in [*before, *named_wholes(idx, stem, p), *populations(idx, p)]
                         if w is not p and compatible(w, p) and w.value >= p.value and apart(p, w)
                         and (w.span.start < p.span.start or w not in before)], HUNDRED, complement)
    if near is not None:  # the one pairing the rate misses by a digit: it is meant, and wrong
        # … and the text's own when the whole is the one figure the rate's name designates
        designated = {w.value for w in named_wholes(idx, stem, near[0]) + populations(idx, near[0])}
        return Candidate(code="GW123", kind="share", whole=(f,), parts=near, trigger=called,
                         explicit=False, params={"complete": True, "complement": complement,
                                                 "named": designated == {near[1].value}})
    named = named_wholes(idx, stem, part)
    if len(named) == 1 and idx.sentence_of(part.span.start) == idx.sentence_of(f.span.start) \
            and stem[-2:] in idx.clause_before(part, 16):
        # 签约 112.4 万人，常住人口签约率 36.0%: the one whole the rate names, the part its act (签约;
        # not 其中学历提升类 326 人次 before 培训合格率)
        return Candidate(code="GW123", kind="share", whole=(f,), parts=(part, named[0]), trigger=called,
                         explicit=False, params={"complete": True, "complement": complement, "named": True})
    by_name = [g for g in recent if len(stem) >= 2 and stem in idx.label_before(g, 16)
               and g.span.start >= sent.start]
    if len(by_name) == 1 and by_name[0] is not part:  # 其中集中供养 418 人、分散供养 908 人，集中供养率
        p = by_name[0]
        held = next((g for g in reversed(before) if g.span.start < p.span.start and g.span.start >= sent.start
                     and compatible(g, p) and g.value >= p.value and stem not in idx.label_before(g, 16)
                     and apart(p, g)), None)
        if held is not None:
            return Candidate(code="GW123", kind="share", whole=(f,), parts=(p, held), trigger=called,
                             explicit=False, params={"complete": True, "complement": False})
    wholes = [g for g in before[:-1] if compatible(g, part) and g.value >= part.value and apart(part, g)]
    if not wholes and len(before) >= 2 and compatible(before[-2], part) and apart(part, before[-2]):
        wholes = [before[-2]]  # 排查 1856 件，已整改 12604 件，整改率: the designated whole, misprinted
    if not wholes:
        return None
    whole = wholes[-1]
    short = label.split("率")[0][-2:] if "率" in label else ""
    if (whole is not before[-2] or idx.sentence_of(whole.span.start) != idx.sentence_of(f.span.start)
            or len(short) < 2 or short not in idx.clause_before(part, 16) or short in idx.clause_before(whole, 16)
            or _names_another(idx, stem, part, whole)):
        return None  # not designated (已整改 n 件，整改率): another pairing might be meant
    return Candidate(code="GW123", kind="share", whole=(f,), parts=(part, whole), trigger=called,
                     explicit=False, params={"complete": True, "complement": complement})


def closed_list(idx: TextIndex, f: Figure) -> tuple[list[Figure], Figure] | None:
    """The figures of one unit that end ``f``'s sentence before it, three to six, and the figure
    stated before them in the paragraph that they add up to: a closed list (县级医院 a，乡镇卫生院 b，
    村卫生室 c after 总诊疗人次 a + b + c), whose members are parts of that whole, not of each other."""
    sent = idx.sentence_of(f.span.start)
    before = operands_before(idx, f.span.start, sent.start)
    run = [g for g in before if before and g.unit == before[-1].unit]
    if not 3 <= len(run) <= 6 or run != before[-len(run):]:
        return None
    total = interval_of(run[0])
    for g in run[1:]:
        total = total + interval_of(g)
    para = idx.text.rfind("\n", 0, run[0].span.start) + 1
    whole = next((g for g in reversed(operands_before(idx, run[0].span.start, para))
                  if g.unit == run[0].unit and interval_of(g).intersects(total)), None)
    return None if whole is None else (run, whole)


def _fits(part: Figure, whole: Figure, stated, complement: bool) -> bool:
    comp = _rate(part, whole, HUNDRED, complement)
    return comp is not None and comp.intersects(stated)


def _rate(part: Figure, whole: Figure, factor: Decimal, complement: bool = False) -> Interval | None:
    try:
        comp = (interval_of(part) / interval_of(whole)).scale(factor)
    except Exception:
        return None
    return (-comp).shift(factor) if complement else comp


def near_miss(f: Figure, pairs: Iterable[tuple[Figure, Figure]], factor: Decimal = HUNDRED,
              complement: bool = False) -> tuple[Figure, Figure] | None:
    """The one pairing (part, whole) the stated rate misses by a slip of the pen (:func:`slipped`):
    no pairing makes the rate hold, so the text means this one and printed a digit wrong.  None
    when no pairing or more than one comes that close."""
    near = []
    for p, w in dict.fromkeys(pairs):
        comp = _rate(p, w, factor, complement)
        if comp is not None and slipped(f, comp):
            near.append((p, w))
    # pairings of equal values are one pairing: a fact stated twice (the opening summary's 5.26 万户
    # and the section's 52600 户) does not make the pairing ambiguous; the nearer mention is taken
    return near[-1] if len(_by_value(near)) == 1 else None


def _by_value(items: Iterable[Figure | tuple[Figure, ...]]) -> set[tuple[tuple[Decimal, str], ...]]:
    """The distinct values among candidates (a figure or a pairing of figures): two mentions of one
    fact are one candidate.

    >>> from decimal import Decimal as D
    >>> len(_by_value([Figure(D(52600), "户"), Figure(D(52600), "户"), Figure(D(7845), "户")]))
    2
    """
    out = set()
    for it in items:
        figs = it if isinstance(it, tuple) else (it,)
        out.add(tuple((g.value, g.unit) for g in figs))
    return out


# -- per thousand, per 100,000 ---------------------------------------------------------------------

def _per_factor(idx: TextIndex, f: Figure) -> Decimal | None:
    for word, k in vocab()["per_factors"].items():
        if word in f.unit or word in f.unit_as_written or word in idx.clause_before(f, 24)[-20:]:
            return Decimal(k)
    return None


def per_ratio(idx: TextIndex, f: Figure) -> Candidate | None:
    """每千常住人口床位 6.96 张 = 床位 ÷ 常住人口 × 1000; 死亡率 8.32/10万 = 例 ÷ 人 × 10万."""
    k = _per_factor(idx, f)
    if k is None:
        return None
    start = _paragraph_start(idx, f.span.start, 600)
    before = operands_before(idx, f.span.start, max(0, start - 300))
    stated = interval_of(f)
    persons = [g for g in before if g.unit == "人" and g.value >= 1000]
    persons = [g for g in populations(idx, f) if g not in persons] + persons  # 常住人口 stated elsewhere
    base = f.unit.split("/")[0] if "/" in f.unit and not f.unit.startswith("1/") else f.unit
    counts = vocab()["count_units"]
    for whole in reversed(persons):
        for part in reversed(before):
            if part is whole or not (part.unit == base or (base not in counts and part.unit in counts)):
                continue
            try:
                comp = (interval_of(part) / interval_of(whole)).scale(k)
            except Exception:
                continue
            if comp.intersects(stated):
                return Candidate(code="GW106", kind="share", whole=(f,), parts=(part, whole), trigger="每千",
                                 explicit=False, params={"complete": True, "factor": str(k)})
    sent = idx.sentence_of(f.span.start)
    if f.unit == "‰":  # a rate per mille of what its count is one of (婴儿死亡 12 例 of 活产 5,196 例)
        pair = _per_mille(idx, f, before, sent.start, k)
        if pair is not None:
            return Candidate(code="GW106", kind="share", whole=(f,), parts=pair, trigger="‰",
                             explicit=False, params={"complete": True, "factor": str(k)})
    near = near_miss(f, [(p, w) for w in persons for p in before
                         if p is not w and p.span.start >= sent.start and (w.span.start >= sent.start or w not in before)
                         and (p.unit == base or (base not in counts and p.unit in counts))], k)
    if near is not None:
        # the population the rate names (每千常住人口 → 常住人口 312.6 万人) or one in its sentence
        label = idx.clause_before(f, 24)
        named = near[1].span.start >= sent.start or any(
            w in label and w in idx.label_before(near[1], 16) for w in vocab()["population_words"])
        return Candidate(code="GW106", kind="share", whole=(f,), parts=near, trigger="每千",
                         explicit=False, params={"complete": True, "factor": str(k), "named": named})
    return None


def _per_mille(idx: TextIndex, f: Figure, before: list[Figure], start: int, k: Decimal) -> tuple[Figure, Figure] | None:
    """The count of a rate in ‰ — in its sentence, nearest first — and what it is counted among,
    stated before it in the paragraph in its unit (全年活产 5,196 例，婴儿死亡 12 例，婴儿死亡率 2.31‰;
    森林面积 21.5 万公顷 … 受害森林面积 4.3 公顷，受害率 0.02‰): the pair that makes the rate hold."""
    para = idx.text.rfind("\n", 0, f.span.start) + 1
    stated = interval_of(f)
    for part in reversed([g for g in before if g.span.start >= start]):
        for whole in reversed([g for g in before if para <= g.span.start < part.span.start]):
            if compatible(whole, part) and whole.value >= part.value:
                comp = _rate(part, whole, k)
                if comp is not None and comp.intersects(stated):
                    return part, whole
    return None


def table_per_ratios(idx: TextIndex, figures: Sequence[Figure]) -> Iterator[Candidate]:
    """每千常住人口医疗卫生机构床位数达到 6.96 张 under a table whose 合计 row states the beds (床位数
    （张）… 合计 21760): a per-capita ratio whose count the text leaves to a table before it in its
    window (:func:`per_ratio`'s) — the total row's cell of the column the rate names — over a
    population the text states.  Found by search, so kept only when it holds."""
    cells = [g for g in figures if g.source == "table" and summable(g) and g.change is None]
    if not cells:
        return
    for f in idx.figures:
        k = _per_factor(idx, f)
        if k is None or f.kind == "change" or per_ratio(idx, f) is not None:
            continue
        start = max(0, _paragraph_start(idx, f.span.start, 600) - 300)
        base = f.unit.split("/")[0] if "/" in f.unit and not f.unit.startswith("1/") else f.unit
        label = idx.clause_before(f, 30)
        near = [g for g in cells if g.unit == base and start <= g.span.start < f.span.start
                and _total_cell(idx, g) and _header(g) in label]
        before = operands_before(idx, f.span.start, start)
        persons = [g for g in before if g.unit == "人" and g.value >= 1000]
        persons = [g for g in populations(idx, f) if g not in persons] + persons
        stated = interval_of(f)
        hit = None
        for whole in reversed(persons):
            for part in reversed(near):
                try:
                    comp = (interval_of(part) / interval_of(whole)).scale(k)
                except Exception:
                    continue
                if comp.intersects(stated):
                    hit = (part, whole)
                    break
            if hit:
                break
        if hit:
            yield Candidate(code="GW106", kind="share", whole=(f,), parts=hit, trigger="每千", explicit=False,
                            params={"complete": True, "factor": str(k), "confirm_only": True})


def _total_cell(idx: TextIndex, g: Figure) -> bool:
    """A table cell in the row of the table's total (合计, 总计 … opening its line)."""
    row = idx.text[idx.text.rfind("\n", 0, g.span.start) + 1:g.span.start].strip(SPACES)
    return row.startswith(tuple(vocab()["table_total_words"]))


def _header(g: Figure) -> str:
    """The name of a cell's column, its unit's bracket left out (床位数 of 床位数（张）); a cell
    without one names nothing (the empty name is in every label, so it is refused)."""
    name = re.split(r"[（(]", g.unit_as_written or "", maxsplit=1)[0].strip(SPACES)
    return name if len(name) >= 2 else "\0"
