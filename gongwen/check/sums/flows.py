"""Flows and stocks: 收入 − 支出 = 结余, 新纳入 − 退出 = 净增, 排查 − 整改 = 剩余, and new
figures within a running total (全年新培育 6 家，累计达到 48 家: 6 ≤ 48).

A balance figure (its label names a balance word) is the difference of the two figures of its
unit stated before it in its sentence (parts of a 其中 list skipped); new figures (新增/新建 …)
followed by a cumulative figure of their unit (累计/总数/达到) are a part of it.  Gaps between two
rates are :mod:`.rate_gaps`', the rest of a year :mod:`.rest_of_year`', parts named within a set
:mod:`.among`'.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...figure import Figure
from ...model import Span
from ..evaluation.intervals import longest_first, vocab
from ..reading.relations import Candidate, fact_kind, summable
from ..reading.textindex import SPACES, TextIndex
from .among import among as among  # the engine reads it here
from .among import named_lists as named_lists  # the engine reads it here
from .rest_of_year import _rest_cue as _rest_cue  # remainders.py reads it here
from .rest_of_year import rest_of_year as rest_of_year  # the engine reads it here


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
        own_item = _item_flows(idx, b, start)
        if own_item is not None:
            before = own_item
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


def _item_flows(idx: TextIndex, b: Figure, start: int) -> list[Figure] | None:
    """其中，A 基金收入 2.36 亿元、支出 1.87 亿元、结余 4900 万元；B 基金收入 3862 万元、…: a list whose
    items each state two flows and their balance — the balance's flows are the two figures of its
    unit in its own item (back to the ；that opens it, or the 其中), joined to it by 、, though they are
    parts of the list; None when its item does not hold exactly two."""
    text = idx.text
    cut = max(text.rfind("；", start, b.span.start), text.rfind(";", start, b.span.start),
              text.rfind(vocab()["subset_cues"][0], start, b.span.start))
    if cut < 0:
        return None
    item = [f for f in idx.figures_in(Span(cut, b.span.start)) if summable(f) and f.previous is None]
    if len(item) != 2 or any(f.unit != b.unit for f in item):
        return None
    # one item joined by 、 (收入 a、支出 b、结余 c), not a list the balance's clause follows (其中公立医院
    # 床位 a、民营医院床位 b，上半年净增床位 c: the change of the whole, no balance of the two)
    return None if any(ch in text[item[0].span.end:b.span.start] for ch in "，,。") else item


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
            if not new and fig.value < prev.value:
                # 共核减事业编制 186 名，事业编制总量由年初的 10032 名核减至 9846 名: what left is the
                # change's difference when nothing came in — kept only when it holds
                gone = [d for d in figs[:i] if d.unit == fig.unit and summable(d) and d.previous is None
                        and d.span.end <= prev.span.start and leaves(idx, d, v)]
                if len(gone) == 1:
                    yield Candidate(code="GW104", kind="diff", whole=(fig,), parts=(prev, positive(gone[0])),
                                    trigger="减少", explicit=False,
                                    params={"sign": -1, "verb": "减少", "confirm_only": True})
                continue
            if len(new) != 1:
                continue
            # what left may be named before or after what came in (停招 1 个，新增 2 个，由 11 个调整为 12 个)
            left = [d for d in figs[:i] if d.unit == fig.unit and d is not new[0] and d.span.end <= prev.span.start
                    and (new[0].span.end <= d.span.start and d.value < 0 or leaves(idx, d, v))]
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


def period_flows(idx: TextIndex) -> Iterator[Candidate]:
    """A stock at a period's opening, the new ones and the ones that left in its sentence (年初在册
    9,214 人，全年新增纳入 1,126 人、退出 1,332 人) make the stock at its end: a figure of their unit in
    their section whose sentence before it dates a moment (年末全区共有…9,008 人).  Found by words,
    so kept only when 9,214 + 1,126 − 1,332 = 9,008 holds (confirm_only)."""
    v = vocab()
    for s in idx.figures:
        if not summable(s) or s.kind != "actual" or not any(w in idx.clause_before(s, 24) for w in v["opening_words"]):
            continue
        # the full sentence: a ；parts the flows in (新入院 86 人，其中…；出院 61 人), not the stock's sentence
        end = max(idx.sentence_of(s.span.start).end, full_stop(idx.text, s.span.end))
        after = [f for f in idx.figures_in(Span(s.span.end, end)) if f.unit == s.unit and summable(f)]
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


def full_stop(text: str, pos: int) -> int:
    """Where the full sentence at ``pos`` ends: its 。 or its line's end."""
    ends = [i for i in (text.find("。", pos), text.find("\n", pos)) if i >= 0]
    return min(ends) if ends else len(text)


def _sentence_head(idx: TextIndex, f: Figure, out: Figure) -> str:
    """A figure's sentence before it (back to 。 or a line's start, 40 characters at most), after
    the flow that left the stock when it stands there (…新接收 76 人，解除 88 人，截至 12 月底在册 193
    人: the 年初 of the sentence's opening stock dates that stock, not this one)."""
    head = idx.back_to(f.span.start, "。！？；", 40)
    if f.span.start - len(head) < out.span.end <= f.span.start:
        return idx.text[out.span.end:f.span.start]
    return head
