"""Flows and stocks: 收入 − 支出 = 结余, 新纳入 − 退出 = 净增, 排查 − 整改 = 剩余, and new
figures within a running total (全年新培育 6 家，累计达到 48 家: 6 ≤ 48).

A balance figure (its label names a balance word) is the difference of the two figures of its
unit stated before it in its sentence (parts of a 其中 list skipped); new figures (新增/新建 …)
followed by a cumulative figure of their unit (累计/总数/达到) are a part of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...figure import Figure
from ...model import Span
from ..evaluation.intervals import longest_first, vocab
from ..reading.relations import Candidate, fact_kind, summable
from ..reading.textindex import SPACES, TextIndex


def balances(idx: TextIndex, roles: dict[str, str]) -> Iterator[Candidate]:
    """B = A1 − A2 for a balance B after an inflow A1 and an outflow A2 of its unit."""
    words = vocab()["balance_words"]
    for b in idx.figures:
        if not summable(b) or b.previous is not None:
            continue
        label = idx.label_before(b, 16)
        word = next((w for w in words if w in label), None)
        if word is None or any(w in label for w in vocab()["stock_words"]):
            continue
        sent = idx.sentence_of(b.span.start)
        start = idx.text.rfind("\n", 0, sent.start) + 1
        # last year's value beside this year's (收入 3.82 亿元，比上年同期的 3.65 亿元…；支出 2.96 亿元，
        # 当期结余 0.86 亿元) is no flow of the balance's period: the inflow is this year's
        before = [f for f in idx.figures_in(Span(start, b.span.start)) if f.unit == b.unit and summable(f)
                  and (roles.get(f.id or str(f.span)) != "part" or word in vocab()["balance_flows"])
                  and f.previous is None and fact_kind(idx, f) != "target"  # 完成年度预算（3,600 万元）: no flow
                  and not (b.period and f.period and b.period[:4] != f.period[:4])]
        if len(before) < 2:
            continue
        # an outflow stated as a fall (因资格到期…减少 51 家) is that many out, not a negative inflow
        out_, in_ = positive(before[-1]), before[-2]
        opened, named = _set_named(idx, sent, b, start)
        if opened:
            # 重大事故隐患中，已整改销号 10 项，剩余 1 项: the set its sentence opens with is the inflow
            if named is None or named is before[-1] or named.value < out_.value:
                continue
            in_ = named
        if in_.value < out_.value or b.kind == "change" and b.value < 0:
            continue
        if not _own_flows(idx, b, label, word, in_, out_):
            continue
        yield Candidate(code="GW104", kind="diff", whole=(in_,), parts=(out_, positive(b)), trigger=word,
                        explicit=False, params={"sign": 1, "verb": word})


_SET_OPENING = re.compile(r"([\u4e00-\u9fff]{2,12})中[，,]")


def _set_named(idx: TextIndex, sent: Span, b: Figure, start: int) -> tuple[bool, Figure | None]:
    """Whether a balance's sentence opens with a set (重大事故隐患中，…), and the figure of that set:
    the last earlier figure of the paragraph of the balance's unit whose label names it (None when
    no figure is so labelled)."""
    m = _SET_OPENING.match(idx.text, sent.start)
    if m is None or m.end() > b.span.start:
        return False, None
    name = m.group(1)
    for w in longest_first("subject_prefixes"):
        name = name.removeprefix(w)
    found = [f for f in idx.figures_in(Span(start, sent.start)) if f.unit == b.unit and summable(f)
             and name in idx.label_before(f, 24)]
    return True, (found[-1] if found else None)


def _own_flows(idx: TextIndex, b: Figure, label: str, word: str, in_: Figure, out_: Figure) -> bool:
    """The two figures before a balance are its own flows: neither is a balance, a stock or a change
    itself (存款余额 520.4 亿元，比年初增加 48.2 亿元 make no 贷款余额 410.6 亿元), the balance is of their
    period (上年末余额 is last year's stock, not this year's 新增 − 偿还), and a balance named after a
    thing of its own is of flows that name it (个人住房贷款余额 is no 归集 − 提取; 基金结余 is 基金收入 − 支出).
    """
    v = vocab()
    held = (*v["balance_words"], *v["stock_words"], *v["opening_words"])
    own = label[:label.find(word)]
    if any(w in own for w in v["opening_words"]) and not any(w in own for w in v["than_words"]):
        return False
    # 年末公益金结余 860 万元 after 留成 2180 万元；使用 1960 万元: a balance dated at a moment is the
    # stock carried over the years, not this period's inflow less its outflow
    if any(w in own for w in v["moment_words"]) or _dated_sentence(idx, b, in_):
        return False
    for f in (in_, out_):
        if f.kind == "change" or any(w in idx.label_before(f, 16) for w in held):
            return False
    if b.period and in_.period and b.period[:4] != in_.period[:4]:
        return False
    # 出口 a；进口 b；实现贸易顺差 c: a balance whose word names its two flows is of the flows so named
    named = v["balance_flows"].get(word)
    if named:
        return idx.label_before(in_, 16).endswith(named[0]) and idx.label_before(out_, 16).endswith(named[1])
    for w in longest_first("subject_prefixes", "annual_words", "half_year_words", "moment_words",
                             "table_current_words", "opening_words", "than_words", extra=("当期",)):
        own = own.replace(w, "")
    own = re.sub(r"[^\u4e00-\u9fff]", "", own)
    tail = next((t for t in longest_first("generic_tails") if own.endswith(t)), "")
    head = own[:len(own) - len(tail)][-2:]
    return len(head) < 2 or any(head in idx.label_before(f, 16) for f in (in_, out_))


def _dated_sentence(idx: TextIndex, b: Figure, in_: Figure) -> bool:
    """A balance in a sentence that opens by dating a moment, its flows before that sentence (全年发放
    a，收回 b。截至 11 月底，贷款余额 c): the stock at that moment, as 年末结余 is; flows dated by the same
    words as their balance (截至年底，收入 a，支出 b，结余 c) stay one sentence."""
    sent = idx.sentence_of(b.span.start)
    head = re.split(r"[，,]", idx.text[sent.start:b.span.start], maxsplit=1)
    return in_.span.start < sent.start and len(head) == 2 and any(w in head[0] for w in vocab()["moment_words"])


def positive(f: Figure) -> Figure:
    from dataclasses import replace
    return replace(f, value=abs(f.value)) if f.value < 0 else f


# a count the next one lies within (136 个行政村中…126 个): the words after it end in 中
_WITHIN = re.compile(r"[^\d，,。；;：:、]{1,10}?中")


def new_within_total(idx: TextIndex) -> Iterator[Candidate]:
    """新增 4 项、18 项，…达到 326 项: the new figures are part of the running total after them."""
    v = vocab()
    for sent in idx.sentences:
        figs = [f for f in idx.figures_in(sent) if summable(f) and f.previous is None]
        for i, total in enumerate(figs):
            if not any(w in idx.label_before(total, 16) for w in v["running_total_words"]):
                continue
            new: list[Figure] = []
            for f in reversed(figs[:i]):
                if f.unit != total.unit or _WITHIN.match(idx.text, f.span.end):
                    break  # 全县 136 个行政村中已建站点的达到 126 个: the total's container, not a new part
                new.insert(0, f)
            # 新增企业 37 家，其中批发业 12 家、零售业 15 家，总数达到 286 家: the 其中 list's items are
            # parts of the new figure before it, not new figures of their own
            cut = idx.text.find(v["subset_cues"][0], new[0].span.end, total.span.start) if new else -1
            if cut >= 0:
                new = [f for f in new if f.span.end <= cut]
            base = _base_of_new(idx, new, v)
            if base is not None:  # 在建成 58 个的基础上，新增 12 个，总数达到 70 个: base + new = total
                yield Candidate(code="GW101", kind="sum", whole=(total,), parts=(base, new[-1]), trigger="基础上…新增",
                                explicit=False, exhaustive=True, params={"labels": ["原有", "新增"]})
                continue
            # 全县 16 个乡镇均成立了…，新建…家园 5 个，累计达到 23 个: the new figures start where the words
            # say new; a count of the sentence before them is what the new ones are built in
            first = next((k for k, f in enumerate(new) if any(w in idx.clause_before(f, 24) for w in v["new_words"])), 0)
            new = new[first:]
            if not new or not any(w in idx.clause_before(new[0], 24) for w in v["new_words"]):
                continue
            if any(w in idx.label_before(f, 16) for f in new for w in v["running_total_words"]):
                continue
            yield Candidate(code="GW126", kind="subset", whole=(total,), parts=tuple(new), trigger="新增…累计",
                            explicit=False, exhaustive=False, params={"labels": [idx.category_of(p) for p in new]})


def _base_of_new(idx: TextIndex, new: list[Figure], v: dict) -> Figure | None:
    """The figure a new one is added to: 在 2025 年底建成 58 个助餐点的基础上，新增 12 个 (a base
    word between the two, the later one named new)."""
    if len(new) != 2 or not any(w in idx.clause_before(new[1], 24) for w in v["new_words"]):
        return None
    gap = idx.text[new[0].span.end:new[1].span.start]
    return new[0] if any(w in gap for w in v["base_words"]) else None


def new_in_change(idx: TextIndex) -> Iterator[Candidate]:
    """新建城市书房 8 个，全市城市书房由年初的 27 个增加到 35 个: what was new is the stated
    change's difference — unless some closed: 新增 is what came in, the change what came in less
    what left (新增市场主体 8,620 户 beside 总数由 4.80 万户增加到 5.26 万户), and a text need not say
    what left.  So verified when it holds, and a miss reported only when a misprint of one figure
    explains it (confirm_only, anchored)."""
    from ..growth.changes import previous_figure

    v = vocab()
    for sent in idx.sentences:
        figs = idx.figures_in(sent)
        for i, fig in enumerate(figs):
            prev = previous_figure(idx, fig)
            if prev is None or not summable(fig):
                continue
            new = [d for d in figs[:i] if d.unit == fig.unit and summable(d) and d.previous is None
                   and d.span.end <= prev.span.start and (is_new(idx, d, v) or _nets(idx, d, v))]
            if not new:
                new = _new_after(idx, fig, figs[i + 1:], v)
                out = _left_after(idx, new[0], v) if len(new) == 1 else None
                if out is not None:
                    # 由年初的 3,120 名增至 3,400 名，全年新增 410 名、清退 130 名: both flows after the
                    # change make it, old + new − left = new level; kept only when it holds
                    yield Candidate(code="GW104", kind="sum", whole=(fig,), parts=(prev, new[0], positive(out)),
                                    trigger="新增…减少", explicit=False,
                                    params={"overlaps": [2], "confirm_only": True, "labels": ["原有", "新增", "减少"]})
                    continue
            if len(new) != 1:
                continue
            left = [d for d in figs[:i] if d.unit == fig.unit and new[0].span.end <= d.span.start
                    and d.span.end <= prev.span.start and (d.value < 0 or leaves(idx, d, v))]
            if left:
                # 新认定 126 家，减少 51 家，由 512 家增加到 587 家; 新纳入 1856 户，退出 2213 户，由年初的
                # 2.72 万户调整为年末的 2.68 万户: the change is net of what left, old + new − left =
                # new level — unless other flows went unsaid, so kept only when it holds
                if len(left) == 1 and summable(left[0]):
                    yield Candidate(code="GW104", kind="sum", whole=(fig,), parts=(prev, new[0], positive(left[0])),
                                    trigger="新增…减少", explicit=False,
                                    params={"overlaps": [2], "confirm_only": True,
                                            "labels": ["原有", "新增", "减少"]})
                continue
            if fig.value < prev.value:
                continue
            listed = _listed_with(idx, new[0], [d for d in figs[:i] if d.span.end <= prev.span.start])
            if listed:
                # 建成城市书房 5 个、乡村书屋 12 个，书房总数由 40 个增加到 57 个: the items a 、 joins to
                # the new one were added by its verb too, and together make the change
                yield Candidate(code="GW104", kind="sum", whole=(fig,), parts=(prev, new[0], *listed), trigger="新增",
                                explicit=False, params={"confirm_only": True, "anchored": True,
                                                        "labels": ["原有", *("新增" for _ in (new[0], *listed))]})
                continue
            verb = "新增" if is_new(idx, new[0], v) else "结余"
            yield Candidate(code="GW104", kind="diff", whole=(fig,), parts=(prev, new[0]), trigger=verb,
                            explicit=False, params={"sign": 1, "verb": verb, "confirm_only": True, "anchored": True})


def _listed_with(idx: TextIndex, new: Figure, before: list[Figure]) -> list[Figure]:
    """The figures of ``new``'s unit a 、 joins to it, one after another, in its clause (新建 A 9 个、B 3
    个): items of the same verb's list; empty when none."""
    out: list[Figure] = []
    last = new
    for d in before:
        if d.span.start <= last.span.start:
            continue
        gap = idx.text[last.span.end:d.span.start]
        if d.unit != new.unit or not summable(d) or d.previous is not None or gap.count("、") != 1 \
                or any(ch in gap for ch in "，,；;。：:") or any(ch.isdigit() for ch in gap):
            break
        out.append(d)
        last = d
    return out


def _new_after(idx: TextIndex, fig: Figure, rest: list[Figure], v: dict) -> list[Figure]:
    """由 125 处增加到 152 处，新建 27 处 (the next figure of the sentence, of the unit); or, the
    sentence after, 全年新增 A 级旅游景区 3 家 when it names the changed noun again."""
    if rest and rest[0].unit == fig.unit and summable(rest[0]) and rest[0].previous is None \
            and is_new(idx, rest[0], v):
        return rest[:1]
    sent = idx.sentence_of(fig.span.start)
    k = sent.end
    while k < len(idx.text) and idx.text[k] in SPACES + "\n":
        k += 1
    nxt = idx.figures_in(idx.sentence_of(k))
    name = idx.clause_before(fig, 30)
    found = [d for d in nxt if d.unit == fig.unit and summable(d) and d.previous is None and is_new(idx, d, v)
             and _run(idx.label_before(d, 24), name) >= 4]
    return found[:1] if found and found[0] is nxt[0] else []


def _left_after(idx: TextIndex, new: Figure, v: dict) -> Figure | None:
    """The figure right after a new one in its sentence, of its unit, named as what left (新增 410 名、
    清退 130 名); else None."""
    nxt = idx.figures_in(Span(new.span.end, idx.sentence_of(new.span.start).end))[:1]
    return nxt[0] if nxt and nxt[0].unit == new.unit and summable(nxt[0]) and nxt[0].previous is None \
        and leaves(idx, nxt[0], v) else None


def _run(a: str, b: str) -> int:
    from difflib import SequenceMatcher
    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size


def is_new(idx: TextIndex, d: Figure, v: dict) -> bool:
    """A figure named as what was added: a new word before it (新增, 新建 …), a completion word right
    after it (12 个建成), or one before it in a clause that names no running total (全年建成 9 个; not
    累计建成 58 个)."""
    after = idx.text[d.span.end:d.span.end + 4]
    clause = idx.clause_before(d, 24)
    return any(w in clause for w in v["new_words"]) or after.startswith(tuple(v["completed_words"])) \
        or any(w in clause for w in v["completed_words"]) \
        and not any(w in clause for w in (*v["stock_words"], *v["running_total_words"]))


def _nets(idx: TextIndex, d: Figure, v: dict) -> bool:
    """A period's balance, the change of the stock it is carried into (当期结余 14.57 亿元，累计结余由
    上年末的 128.11 亿元增加到 142.68 亿元); not a stock itself (累计结余)."""
    label = idx.label_before(d, 16)
    return any(w in label for w in v["balance_words"]) and not any(w in label for w in v["stock_words"])


def leaves(idx: TextIndex, d: Figure, v: dict) -> bool:
    """What left a stock, by the words of its clause (退出 2213 户, 注销 4,035 户)."""
    return any(w in idx.label_before(d, 24) for w in v["leaving_words"])


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


def point_gaps(idx: TextIndex) -> Iterator[Candidate]:
    """增速比城镇居民增速(5.7%)高 1.9 个百分点; 失业率 4.6%，比 5.5% 的控制目标低 0.9 个百分点;
    支出增速高于收入增速 3.1 个百分点 (the two rates named and stated before): A − B = ±d."""
    for d in idx.figures:
        if d.unit != "个百分点" or d.previous is not None:
            continue
        sent = idx.sentence_of(d.span.start)
        head = idx.label_before(d, 12)
        sign = gap_sign(head)
        rates = [f for f in idx.figures_in(Span(sent.start, d.span.start)) if f.unit == "%" and f.previous is None]
        fronted = sign is None and _fronted_base(idx, d, rates)
        if fronted:
            # 失业率为 2.9%，低于 3.5% 的年度控制目标 0.6 个百分点: the comparison word stands before
            # the base, the gap after the base's name
            sign = gap_sign(idx.text[max(sent.start, rates[-1].span.start - 4):rates[-1].span.start])
        if sign is None:
            continue
        if fronted and len(rates) < 2:
            continue  # the rate compared is not in the sentence: which one is meant is not said
        pair, reading = None, False
        if len(rates) >= 2 and _based(idx, rates[-2], rates[-1]):
            # the base is the rate after 比 (比 5.5% 的目标低; 增速比…增速(5.7%)高), never 比上年
            pair = _compared_rate(idx, rates[:-1]), rates[-1]
        elif not rates:
            pair = _named_rates(idx, d, head)
        else:
            pair = _named_base(idx, d, rates[-1])
        if pair is None and rates:
            pair, reading = _read_base(idx, d, rates[-1]), True
        if pair is None:
            continue
        a, b = pair
        yield Candidate(code="GW104", kind="diff", whole=(a,), parts=(b, positive(d)), trigger=head[-4:],
                        explicit=len(rates) >= 2 and b is rates[-1] and a is not b,
                        params={"sign": sign, "verb": "相差", "confirm_only": reading})


def _based(idx: TextIndex, a: Figure, b: Figure) -> bool:
    """Rate ``b`` is the base rate ``a`` is compared with: a comparison word before it (比 5.5% 的
    目标; 较上年同期的 35.5%: :func:`_compared`), or the word an old value opens with and the
    moment it names (由上年的 12.2% 提高 1.3 个百分点: vocab from_words, then 的)."""
    between = idx.text[a.span.end:b.span.start]
    froms = "|".join(map(re.escape, vocab()["from_words"]))
    return _compared(between) or re.search(rf"(?:{froms})(?:[^，,。；;\d%]{{0,6}}的)?$", between.strip(SPACES)) is not None


def _compared_rate(idx: TextIndex, rates: list[Figure]) -> Figure:
    """The rate a later comparison (…，比全市平均水平（13.1%）高 0.4 个百分点) compares: the last one
    stated before it, unless that one is itself the base of a comparison before (…为 13.4%，由上年的
    12.2% 提高 1.2 个百分点): then the rate that comparison compares — the clause's own level, never
    last year's.

    The old value of one comparison is never the subject of the next."""
    k = len(rates) - 1
    while k > 0 and _based(idx, rates[k - 1], rates[k]):
        k -= 1
    return rates[k]


def _fronted_base(idx: TextIndex, d: Figure, rates: list[Figure]) -> bool:
    """低于 3.5% 的年度控制目标 0.6 个百分点: the rate before the gap follows a comparison word (vocab
    than_words, not 比) with nothing but the base's name (的 …, no figure, no punctuation) between it
    and the gap."""
    if not rates:
        return False
    b = rates[-1]
    between = idx.text[b.span.end:d.span.start]
    before = idx.text[max(0, b.span.start - 4):b.span.start]
    return between.startswith("的") and not any(ch in between for ch in "，,。；;、") \
        and any(before.endswith(w) for w in vocab()["than_words"] if w != "比")


def _compared(between: str) -> bool:
    """The second of two rates is the base the first is compared with: a comparison word stands
    before it with no verb of change between (比 5.5% 的目标; 较上年同期的 35.5%; not 收入同比增长
    5.2%，支出同比增长 9.4%, where 同比 opens a growth of its own).

    A word that holds a comparison word as one of its characters compares nothing (基金支付比例达到
    70.3%: 比例 is a noun).

    >>> _compared("，较上年同期的"), _compared("，支出同比增长"), _compared("，比城镇居民增速(")
    (True, False, True)
    >>> _compared("，居民医保基金支付比例达到")
    False
    """
    v = vocab()
    for w in v["than_nouns"]:
        between = between.replace(w, "\u3000" * len(w))
    at = max((between.rfind(w) for w in v["than_words"]), default=-1)
    return at >= 0 and not any(w in between[at:] for w in (*v["increase_verbs"], *v["decrease_verbs"]))


def _compared_sides(idx: TextIndex, d: Figure, a: Figure) -> tuple[str, str] | None:
    """The two subjects of the comparison in the clause of gap ``d`` ("乡村市场增速快于城镇" →
    乡村市场, 城镇), their rate words dropped; None when the clause compares nothing or ``a`` is not
    stated before it."""
    v = vocab()
    clause = idx.clause_before(d, 40)
    word = next((w for w in v["than_words"] if w in clause and w != "比"), None)
    if word is None or a.span.end > d.span.start - len(clause):
        return None
    left, right = clause.split(word, 1)
    for w in v["rate_tails"]:
        left, right = left.removesuffix(w), right.removesuffix(w)
    return left, right


def _named_base(idx: TextIndex, d: Figure, a: Figure) -> tuple[Figure, Figure] | None:
    """农村居民人均可支配收入 14,372 元，增长 6.6%，增速快于城镇居民 1.8 个百分点: the rate just stated
    against the rate of the subject named after the comparison word, the latest one stated before
    it in its paragraph whose sentence names that subject (城镇居民…，增长 4.8%)."""
    sides = _compared_sides(idx, d, a)
    if sides is None:
        return None
    left, right = sides
    if left or len(right) < 2:
        return None  # the left side names its own rate (支出增速高于…): _named_rates' case
    start = max(idx.text.rfind("\n", 0, a.span.start) + 1, a.span.start - 300)
    for b in reversed([f for f in idx.figures_in(Span(start, a.span.start)) if f.unit == "%" and f.previous is None]):
        sent = idx.sentence_of(b.span.start)
        if right in idx.text[sent.start:b.span.start]:
            return a, b
    return None


def _read_base(idx: TextIndex, d: Figure, a: Figure) -> tuple[Figure, Figure] | None:
    """The base of a gap read from the two subjects the comparison names, when the left one names the
    rate just stated by its first word (乡村消费品零售额…增长 7.4%，乡村市场增速快于城镇 0.9 个百分点:
    乡村 … 城镇) and the right one is the latest rate of the paragraph before it whose sentence names
    it, or the first after the gap in its sentence (…增速高于城镇居民 1.8 个百分点（城镇居民…增长
    5.1%）).  A reading: confirmed when it holds."""
    sides = _compared_sides(idx, d, a)
    if sides is None:
        return None
    left, right = sides
    sa = idx.sentence_of(a.span.start)
    if len(right) < 2 or left and (len(left) < 2 or left[:2] not in idx.text[sa.start:a.span.start]
                                   or left[:2] in right):
        return None  # (no left subject: the rate just stated is the one compared, 增速高于城镇居民)
    start = max(idx.text.rfind("\n", 0, a.span.start) + 1, a.span.start - 300)
    sent = idx.sentence_of(d.span.start)
    before = reversed(idx.figures_in(Span(start, a.span.start)))
    after = idx.figures_in(Span(d.span.end, sent.end))
    for b in [*before, *after]:
        if b.unit != "%" or b.previous is not None or b.kind != a.kind:
            continue
        sb = idx.sentence_of(b.span.start)
        named = idx.text[max(sb.start, d.span.end) if b.span.start > d.span.end else sb.start:b.span.start]
        if right[:2] in named and not (left and left[:2] in named):
            return a, b
    return None


def gap_sign(head: str) -> int | None:
    v = vocab()
    best: tuple[int, int] | None = None
    for sign, key in ((1, "higher_words"), (-1, "lower_words")):
        for w in v[key]:
            i = head.rfind(w)
            if i >= 0 and (best is None or i > best[0]):
                best = (i, sign)
    return best[1] if best else None


def _named_rates(idx: TextIndex, d: Figure, head: str) -> tuple[Figure, Figure] | None:
    """支出增速高于收入增速: each side's last words name a rate stated before (基金支出同比增长 9.8%)."""
    v = vocab()
    clause = idx.clause_before(d, 40)
    word = next((w for w in v["than_words"] if w in clause and w != "比"), None)
    if word is None:
        return None
    left, right = clause.split(word, 1)
    keys = []
    for side in (left, right):
        for w in v["rate_tails"]:
            side = side.removesuffix(w)
        if len(side) < 2:
            return None
        keys.append(side[-2:])
    earlier = [f for f in idx.figures if f.unit == "%" and f.span.end <= d.span.start and f.previous is None]
    found = []
    for k in keys:
        f = next((f for f in reversed(earlier) if k in _rate_label(idx, f)), None)
        if f is None:
            return None
        found.append(f)
    return (found[0], found[1]) if found[0] is not found[1] else None


def _rate_label(idx: TextIndex, f: Figure) -> str:
    """A rate's label; for a growth rate named only by its verb (总支出 91.27 亿元，同比增长 6.1%)
    also the label of the level it grows, just before it in its sentence."""
    label = "".join(idx.label_before(f, 16).split())
    v = vocab()
    bare = label
    for w in ("同比", "比上年", "较上年"):
        bare = bare.replace(w, "")
    if bare in (*v["increase_verbs"], *v["decrease_verbs"]):
        g = idx.figure_before(f)
        if g is not None and idx.sentence_of(g.span.start) == idx.sentence_of(f.span.start):
            label = idx.label_before(g, 16) + label
    return label


def among(idx: TextIndex) -> Iterator[Candidate]:
    """全县 165 个建制村中已有 152 个…: the figure after "N 个 X 中" counts part of N."""
    text = idx.text
    for w in idx.figures:
        if not summable(w):
            continue
        sent = idx.sentence_of(w.span.start)
        nxt = next((f for f in idx.figures_in(Span(w.span.end, sent.end)) if summable(f)), None)
        if nxt is None or nxt.unit != w.unit or nxt.previous is not None:
            continue
        tail = text[w.span.end:nxt.span.start]
        at = _locative(tail)
        if at < 1 or tail[at - 1] == "其" or any(ch in "，,。；;：:、（()）" for ch in tail[:at]):
            continue
        rest = tail[at + 1:].strip(" ，,")
        if "、" in rest:
            continue  # 12 个街道便民服务中心、136 个社区便民服务站: two items of one list, side by side
        # a longer gap must name the whole's noun again (156 家规模以上工业企业中，实现增加值增长的
        # 企业 98 家), so that it counts those, not other things in the same unit
        noun = tail[:at].strip(SPACES)
        if (len(rest) > 6 and not (len(rest) <= 16 and len(noun) >= 2 and noun[-2:] in rest)) \
                or any(ch in "；;。" for ch in rest):
            continue
        yield Candidate(code="GW108", kind="subset", whole=(w,), parts=(nxt,), trigger=tail[-4:], explicit=True,
                        exhaustive=False, params={"labels": [idx.category_of(nxt)], "subset_cue": "中"})


def _locative(tail: str) -> int:
    """Where the 中 that means "among" stands in the words after a count (建制村中已有), -1 when
    none: a 中 that opens a word (中心, 中学: among_not_words) names a thing, not a set counted in."""
    words = vocab()["among_not_words"]
    at = tail.find("中")
    while at >= 0 and any(tail.startswith(w, at) for w in words):
        at = tail.find("中", at + 1)
    return at


def named_lists(idx: TextIndex) -> Iterator[Candidate]:
    """新增学位 5400 个，学前、小学、初中分别新增 1620 个、2430 个、1350 个: the named parts of
    the figure just before add up to it; 农村公路 2846.3 公里；农村公路中，县道…、乡道…: parts
    of the figure the opening words name (at most it)."""
    text = idx.text
    for sent in idx.sentences:
        figs = [f for f in idx.figures_in(sent) if summable(f) and not idx.at_other_period(f)]
        resp = text.find("分别", sent.start, sent.end)
        if resp > 0 and figs:
            before = [f for f in figs if f.span.end <= resp]
            after = [f for f in figs if f.span.start > resp]
            if before and len(after) >= 2:
                names_from = before[-1].span.end
                names = [n for n in re.split(r"[、和及]", text[names_from:resp].strip(" ，,"))
                         if n.strip(SPACES)]
                whole = before[-1]
                parts = [f for f in after if f.unit == whole.unit]
                if len(names) == len(parts) == len(after) >= 2 and "，" in text[names_from:resp] + ",":
                    yield Candidate(code="GW101", kind="sum", whole=(whole,), parts=tuple(parts), trigger="分别",
                                    explicit=False, exhaustive=True, params={"labels": names})
        m = re.match(r"([\u4e00-\u9fff]{2,8})中[，,：:]", text[sent.start:sent.end])
        if m:
            name = m.group(1)
            parts = [f for f in figs if f.span.start > sent.start + m.end()]
            earlier = [f for f in idx.figures if f.span.end <= sent.start and summable(f)
                       and idx.label_before(f, 16).endswith(name)]
            if earlier and len(parts) >= 2 and all(p.unit == earlier[-1].unit for p in parts):
                yield Candidate(code="GW108", kind="subset", whole=(earlier[-1],), parts=tuple(parts),
                                trigger=m.group(0), explicit=False, exhaustive=False,
                                params={"labels": [idx.category_of(p) for p in parts], "subset_cue": "中"})


def period_flows(idx: TextIndex) -> Iterator[Candidate]:
    """A stock at a period's opening, the new ones and the ones that left in its sentence (年初在册
    9,214 人，全年新增纳入 1,126 人、退出 1,332 人) make the stock at its end: a figure of their unit in
    their section whose sentence before it dates a moment (年末全区共有…9,008 人).  Found by words,
    so kept only when 9,214 + 1,126 − 1,332 = 9,008 holds (confirm_only)."""
    v = vocab()
    for s in idx.figures:
        if not summable(s) or s.kind != "actual" or not any(w in idx.clause_before(s, 24) for w in v["opening_words"]):
            continue
        sent = idx.sentence_of(s.span.start)
        after = [f for f in idx.figures_in(Span(s.span.end, sent.end)) if f.unit == s.unit and summable(f)]
        new = next((f for f in after if any(w in idx.clause_before(f, 16) for w in v["new_words"])), None)
        out = next((f for f in after if any(w in idx.label_before(f, 16) for w in v["leaving_words"])), None)
        if new is None or out is None or out.span.start < new.span.start:
            continue
        for e in idx.figures:
            if any(e is x for x in (s, new, out)) or e.section != s.section or e.unit != s.unit \
                    or not summable(e) or e.kind != "actual" or e.source == "table":
                continue
            head = _sentence_head(idx, e, out)
            if any(w in head for w in v["moment_words"]) and not any(w in head for w in v["opening_words"]):
                yield Candidate(code="GW104", kind="sum", whole=(e,), parts=(s, new, out), trigger="年末",
                                explicit=False, params={"overlaps": [2], "confirm_only": True})


def _sentence_head(idx: TextIndex, f: Figure, out: Figure) -> str:
    """A figure's sentence before it (back to 。 or a line's start, 40 characters at most), after
    the flow that left the stock when it stands there (…新接收 76 人，解除 88 人，截至 12 月底在册 193
    人: the 年初 of the sentence's opening stock dates that stock, not this one)."""
    head = idx.back_to(f.span.start, "。！？；", 40)
    if f.span.start - len(head) < out.span.end <= f.span.start:
        return idx.text[out.span.end:f.span.start]
    return head
