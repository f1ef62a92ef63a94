"""Parts the words place inside a whole named elsewhere: a sentence that opens with the whole's
name and 中 (全年外贸进出口总额中，出口 a，…；进口 b) lists figures of that whole; a period's figure
followed by the running total of the same name (上半年完成投资 2.3 亿元，累计完成投资 4.1 亿元) is
within it.

The whole of the first is found by its name (the one figure of the year so labelled), so its
readings are kept only when they hold; the second is what its words say (累计 + the same name).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...figure import Figure
from ...model import Document, Span
from ..evaluation.intervals import longest_first, vocab
from ..reading.relations import Candidate, summable
from ..reading.textindex import TextIndex
from .classified import _CLASSIFY, _paragraph_end

# a sentence opening with a name and 中 (not 其中), then the first item: 进出口总额中，出口 a
_OPENS = re.compile(r"([^\d，,。；;：:、（）()“”\s]{4,30})中[，,：:]\s*([^\d，,。；;：:、]{0,20})$")


def parts_of_named_whole(idx: TextIndex) -> Iterator[Candidate]:
    """X 中，A a，…；B b: the figures of the sentence in X's unit are parts of X, the one figure of
    the year stated elsewhere under that name; two or more add up to it when they hold."""
    v = vocab()
    for sent in idx.sentences:
        figs = idx.figures_in(sent)
        if not figs:
            continue
        head = idx.text[sent.start:figs[0].span.start]
        m = _OPENS.search(re.sub(r"\s+", "", head))
        if m is None or m.group(1).endswith("其") or _CLASSIFY.search(m.group(2)) is not None:
            continue
        first = figs[0]
        if not summable(first) or first.kind != "actual":
            continue
        # the list runs to the end of the full sentence (出口 a，增长 x%；进口 b), not past its paragraph
        stop = min((i for i in (idx.text.find("。", sent.start), _paragraph_end(idx.text, sent.start)) if i >= 0),
                   default=len(idx.text))
        figs = idx.figures_in(Span(sent.start, max(stop, sent.end)))
        parts = [f for f in figs if f.unit == first.unit and summable(f) and f.previous is None
                 and f.kind == "actual" and not any(w in idx.label_before(f, 16) for w in v["balance_words"])]
        year = (first.period or "")[:4]
        wholes: list[Figure] = []
        # a heading wrapped into the sentence (电子商务蓬勃发展⏎全年网络零售额中): the name after the break
        for words in dict.fromkeys((m.group(1), re.sub(r"\s+", "", head.split("\n")[-1]).removesuffix(m.group(2)))):
            name = _name(words.removesuffix("中，").removesuffix("中,").removesuffix("中：").removesuffix("中"), v)
            if len(name) < 4:
                continue
            wholes = [g for g in idx.figures if g.unit == first.unit and summable(g) and g.kind == "actual"
                      and g.previous is None and g not in figs and (g.period or "")[:4] == year
                      and idx.label_before(g, 24).endswith(name)]
            # 网络零售额 itself, not 农产品网络零售额, when the text states both
            exact = [g for g in wholes if _name(re.sub(r"\s+", "", idx.label_before(g, 24)), v) == name
                     or g.metric == name]
            wholes = exact or wholes
            if wholes:
                break
        if not wholes or len({g.value for g in wholes}) != 1:
            continue
        whole, labels = done_to(idx, wholes[0], words), [idx.category_of(p) for p in parts]
        yield Candidate(code="GW108", kind="subset", whole=(whole,), parts=tuple(parts), trigger=name + "中",
                        explicit=False, exhaustive=False,
                        params={"labels": labels, "disjoint": True, "confirm_only": True})
        if len(parts) >= 2:
            yield Candidate(code="GW101", kind="sum", whole=(whole,), parts=tuple(parts), trigger=name + "中",
                            explicit=False, exhaustive=True, params={"labels": labels, "confirm_only": True})


def done_to(idx: TextIndex, whole: Figure, words: str) -> Figure:
    """审结的民事案件中，合同纠纷 a、… after 受理民事案件 b，审结 c: the words before 的 name what was done to
    the whole's thing (审结), and the figure right after the named one in its sentence labelled so is
    the list's whole — the items count what was so done; the named figure itself otherwise."""
    if "的" not in words:
        return whole
    done = words.rsplit("的", 1)[0]
    prefixes = longest_first("subject_prefixes")
    while (p := next((w for w in prefixes if done.startswith(w) and len(done) > len(w)), None)) is not None:
        done = done[len(p):]
    if len(_CJK.findall(done)) < 2 or done in idx.label_before(whole, 24):
        return whole
    sent = idx.sentence_of(whole.span.start)
    after = [g for g in idx.figures_in(Span(whole.span.end, sent.end)) if g.unit == whole.unit and summable(g)]
    return after[0] if after and idx.label_before(after[0], 16).endswith(done) else whole


def _name(words: str, v: dict) -> str:
    """The whole's name without the words that say whose or when (全年全市外贸进出口总额 → 外贸进出口总额),
    nor those a 的 puts before its noun (全年发放的优抚资金 → 优抚资金: what was done to it, said
    otherwise where the whole is stated, 发放各类优抚资金)."""
    prefixes = longest_first("subject_prefixes")
    while (p := next((w for w in prefixes if words.startswith(w) and len(words) > len(w)), None)) is not None:
        words = words[len(p):]
    noun = words.rsplit("的", 1)[-1]
    return noun if len(_CJK.findall(noun)) >= 4 else words


def period_within_cumulative(idx: TextIndex) -> Iterator[Candidate]:
    """上半年完成投资 2.3 亿元，累计完成投资 4.1 亿元: the figure just before a running total (累计)
    of the same name, once the words of when and whose are set aside, is within it; a total named
    by the tail of the figure's name (累计捐献 after 实现学堂捐献) too, kept only when it holds."""
    v = vocab()
    for sent in idx.sentences:
        figs = [f for f in idx.figures_in(sent) if summable(f) and f.previous is None and f.kind == "actual"]
        for part, total in zip(figs, figs[1:]):
            if part.unit != total.unit:
                continue
            label = idx.label_before(total, 16)
            word = next((w for w in v["stock_words"] if w in label), None)
            if word is None:
                continue
            name = label[label.find(word) + len(word):]
            own = _name(re.sub(r"\s+", "", idx.label_before(part, 16)), v)
            for w in longest_first("annual_words", "half_year_words"):
                own = own.removeprefix(w)
            if len(name) < 2 or not own.endswith(name) or any(w in own for w in v["stock_words"]):
                continue
            if own != name and any(w in name for w in v["balance_words"]):
                continue  # 当期结余 is carried into 累计结余, not counted within it
            # 实现学堂捐献 3 例，累计捐献 27 例: the running total names the part's thing by the tail of
            # its name; read so, the pairing is inferred, so kept only when it holds
            short = {"confirm_only": True} if own != name else {}
            yield Candidate(code="GW126", kind="subset", whole=(total,), parts=(part,), trigger=word,
                            explicit=False, exhaustive=False, params={"labels": [idx.category_of(part)], **short})


def flows_within_stocks(idx: TextIndex) -> Iterator[Candidate]:
    """全年完成农村危房改造 128 户 … 。… 累计完成农村危房改造 640 户; 截至 6 月底，全县依法备案群众文化
    社团 318 个 … ；上半年新备案群众文化社团 17 个: a period's flow (its words say new, net or the
    period: 新增, 净增, 全年, 上半年) is within the stock of the same thing stated near it in its
    section (累计, 实有, a count since a year, or one dated at a moment: 截至 6 月底), in either order
    and across sentences — where :func:`period_within_cumulative` reads only the total right after
    the figure in one sentence.  The same thing: the two names equal once the words of whose, when,
    new and stock are set aside, or ending in one run of four characters (新建公共充电桩 / 累计建成公共
    充电桩).  Paired by name, so kept only when it holds (confirm_only)."""
    v = vocab()
    figs = [f for f in idx.figures if summable(f) and f.kind == "actual" and f.previous is None
            and f.source != "table" and f.section]
    roles = {id(f): _role(idx, f, v) for f in figs}
    stocks = [f for f in figs if roles[id(f)][0] == "stock"]
    for p in figs:
        role, name = roles[id(p)]
        if role != "flow":
            continue
        near = [t for t in stocks if t.unit == p.unit and t.section == p.section
                and (t.period or "")[:4] == (p.period or "")[:4]
                and abs(t.span.start - p.span.start) <= _NEAR and _one_thing(name, roles[id(t)][1])]
        if not near:
            continue
        t = min(near, key=lambda t: abs(t.span.start - p.span.start))
        yield Candidate(code="GW126", kind="subset", whole=(t,), parts=(p,), trigger=roles[id(t)][1],
                        explicit=False, exhaustive=False,
                        params={"labels": [idx.category_of(p)], "confirm_only": True})


_NEAR = 400  # characters: a flow and its stock are stated in one passage of a section


def _role(idx: TextIndex, f: Figure, v: dict) -> tuple[str, str]:
    """("stock" | "flow" | "", the name of what is counted without the words of whose and when and
    those that make it a stock or a flow)."""
    from ..repeats.restated import _list_head

    head = _list_head(idx, f)
    words = re.sub(r"\s+", "", idx.label_before(head, 24))
    sent = idx.sentence_of(head.span.start)
    before = idx.text[sent.start:head.span.start]
    for w in longest_first("stock_words", "stock_level_words"):
        if w in words:
            return "stock", _bare(words[words.rfind(w) + len(w):], v)
    if any(w in before for w in v["since_words"]):
        return "stock", _bare(words, v)  # 自 2021 年启动以来，全区改造…: the years since
    flow = longest_first("new_words", "net_words")
    # a count over a stretch of months (1-11 月发放…: its stated period a span) is that stretch's flow
    spans = bool(head.stated_period and "/" in head.stated_period) \
        and not any(w in words for w in v["leaving_words"])  # 注销 2174 户 left the stock
    if any(w in words for w in flow) or words.startswith(longest_first("annual_words", "half_year_words")) or spans:
        bare = _bare(words, v)
        cut = max(((bare.find(w), w) for w in flow if w in bare), default=None)
        return "flow", bare[cut[0] + len(cut[1]):] if cut else bare
    if any(before.lstrip().startswith(w) for w in ("截至", "截止")):
        return "stock", _bare(words, v)  # 截至 6 月底，全县依法备案…: what there is at the moment
    return "", ""


def _bare(words: str, v: dict) -> str:
    """A name without its leading words of whose and when (全县, 全年, 上半年, 前三季度)."""
    prefixes = longest_first("subject_prefixes", "annual_words", "half_year_words")
    while (p := next((w for w in prefixes if words.startswith(w) and len(words) > len(w)), None)) is not None:
        words = words[len(p):]
    return words


def _one_thing(flow: str, stock: str) -> bool:
    """Two bare names of one thing: equal (two characters at least: 床位), or ending in one run of
    four characters at least (新建公共充电桩 → 公共充电桩 and 建成公共充电桩).

    >>> _one_thing("床位", "床位"), _one_thing("公共充电桩", "建成公共充电桩"), _one_thing("养老床位", "护理型床位")
    (True, True, False)
    """
    if len(_CJK.findall(flow)) >= 2 and flow == stock:
        return True
    k = 0
    while k < min(len(flow), len(stock)) and flow[-1 - k] == stock[-1 - k]:
        k += 1
    return k >= 4


_CJK = re.compile(r"[\u4e00-\u9fff]")


def composed_wholes(doc: Document, idx: TextIndex, figures: list[Figure]) -> Iterator[Candidate]:
    """全县 45 所义务教育学校共有在校生 41,680 人 beside a table with the rows 小学 and 初中: a text figure
    named by a category made of others (vocabulary composed_categories: 义务教育 = 小学 + 初中), in
    its clause or the noun after it, is the sum of the table rows named by the members, in each
    column of its unit and year.  Found by name (the rows may not be all the category holds), so kept
    only when it holds (confirm_only)."""
    from ..tabular.tables import _grid

    v = vocab()
    tfigs = [f for f in figures if f.source == "table"]
    texts_figs = [t for t in idx.figures if t.source != "table" and summable(t) and t.kind == "actual"
                  and t.previous is None] if tfigs else []
    for whole, members in v["composed_categories"].items():
        named = [t for t in texts_figs if whole in idx.clause_before(t, 30, list_items=True) + _after(idx, t)]
        for table in doc.tables if named else ():
            texts, grid = _grid(doc, table, tfigs)
            rows = [[r for r in range(1, len(grid)) if texts[r] and _core_label(texts[r][0]) == m] for m in members]
            if any(len(r) != 1 for r in rows):
                continue
            cells = [grid[r[0]] for r in rows]
            for t in named:
                for c in range(1, min(len(x) for x in cells)):
                    parts = [x[c] for x in cells]
                    if all(p is not None and p.unit == t.unit and (p.period or "")[:4] == (t.period or "")[:4]
                           for p in parts):
                        yield Candidate(code="GW101", kind="sum", whole=(t,), parts=tuple(p for p in parts if p),
                                        trigger=whole, explicit=False, exhaustive=True,
                                        params={"labels": list(members), "confirm_only": True})


def _after(idx: TextIndex, t: Figure) -> str:
    """The words right after a figure up to a break (45 所义务教育学校共有 …)."""
    return re.split(r"[\d，,。；;：:、\s]", idx.text[t.span.end:t.span.end + 12], maxsplit=1)[0]


def _core_label(label: str) -> str:
    """A row's label without its unit bracket and blanks (小学（所） → 小学)."""
    return re.sub(r"[（(][^）)]*[）)]|\s", "", label)


def stages_within(idx: TextIndex) -> Iterator[Candidate]:
    """已开工 19 座、完工 9 座; 检查定点医药机构 312 家，查处违规机构 87 家; 培训 412 人次，培训后实现就业
    340 人: a later stage of one piece of work stated after its earlier stage in one sentence
    (vocabulary stage_pairs) is within it — in its unit, or in persons of the earlier's person-times.
    Read from the words alone (a stage may count another batch), so kept only when it holds."""
    from ..repeats.restated import _list_head

    v = vocab()
    for sent in idx.sentences:
        figs = [f for f in idx.figures_in(sent) if summable(f) and f.kind == "actual" and f.previous is None
                and f.range_id is None]
        labels = [idx.label_before(f, 20) for f in figs]
        for j, later in enumerate(figs):
            units = (later.unit, *(u for u, items in v["per_time_units"].items() if later.unit in items))
            for i in range(j - 1, -1, -1):
                earlier = figs[i]
                # an item of a 其中 list is a category of the whole, not a stage (其中续建项目 6 个、新开工
                # 项目 8 个，建成投用 5 个: built within the 14 projects, not within those newly started)
                if earlier.unit not in units or any(w in idx.clause_before(_list_head(idx, earlier), 30)
                                                    for w in v["subset_cues"]):
                    continue
                if any(_stage(labels[i], labels[j], a, b) for a, b in v["stage_pairs"]):
                    yield Candidate(code="GW108", kind="subset", whole=(earlier,), parts=(later,),
                                    trigger=labels[j], explicit=False, exhaustive=False,
                                    params={"labels": [idx.category_of(later)], "confirm_only": True})
                    break


def _stage(earlier: str, later: str, a: str, b: str) -> bool:
    """The earlier label names stage ``a`` and not ``b``; the later names ``b``, after ``a`` if it
    names both (培训后实现就业, never 就业技能培训: there 就业 only says which training).

    >>> _stage("技能培训", "培训后实现就业", "培训", "就业"), _stage("岗位技能培训", "就业技能培训", "培训", "就业")
    (True, False)
    """
    if a not in earlier or b in earlier or b not in later:
        return False
    return a not in later or later.rfind(b) > later.find(a)


def gaps_named_apart(idx: TextIndex) -> Iterator[Candidate]:
    """增速比地区生产总值增速高 1.5 个百分点; 农村居民人均可支配收入增速快于城镇居民 1.8 个百分点:
    two rates the comparison names, the one compared with stated elsewhere (the report's opening,
    a table row), found by its name when the paragraph does not state it.  Found by name, so kept
    only when it holds."""
    from .flows import positive
    from .rate_gaps import gap_sign, point_gaps

    v = vocab()
    read = {c.parts[-1].span for c in point_gaps(idx)}
    for d in idx.figures:
        if d.unit != "个百分点" or d.previous is not None or d.span in read:
            continue
        sign = gap_sign(idx.label_before(d, 12))
        sides = _sides(idx.clause_before(d, 40), v)
        if sign is None or sides is None:
            continue
        left, right = sides
        sent = idx.sentence_of(d.span.start)
        rates = [f for f in idx.figures_in(Span(sent.start, d.span.start)) if f.unit == "%" and f.previous is None]
        if left:
            a = _named_rate(idx, left, d, None)
        else:
            a = rates[-1] if len(rates) == 1 else None
        if a is None or rates and a is not rates[-1]:
            continue
        # 农村居民人均可支配收入增速快于城镇居民: of 城镇居民 the same thing, 城镇居民人均可支配收入
        full = right + left[len(right):] if len(left) > len(right) else right
        b = _named_rate(idx, full, d, a) or _named_rate(idx, right, d, a)
        if b is None:
            continue
        yield Candidate(code="GW104", kind="diff", whole=(a,), parts=(b, positive(d)), trigger=right,
                        explicit=False, params={"sign": sign, "verb": "相差", "confirm_only": True})


def _sides(clause: str, v: dict) -> tuple[str, str] | None:
    """The two subjects of a comparison (增速比地区生产总值增速高 → "", 地区生产总值), rate words and
    the words of whose dropped; None when it compares with last year (比上年高) or names no subject."""
    word = next((w for w in longest_first("than_words") if w in clause), None)
    if word is None:
        return None
    left, right = clause.rsplit(word, 1)
    for w in longest_first("higher_words", "lower_words"):
        right = right.removesuffix(w)
    for w in v["rate_tails"]:
        left, right = left.removesuffix(w), right.removesuffix(w)
    left, right = _name(re.sub(r"\s+", "", left), v), _name(re.sub(r"\s+", "", right), v)
    if len(right) < 4 or right.startswith(tuple(v["previous_heads"])) or left and len(left) < 4:
        return None
    return left, right


def _named_rate(idx: TextIndex, name: str, d: Figure, other: Figure | None) -> Figure | None:
    """The one rate of ``d``'s kind and year named ``name``: its metric holds the name, or it is the
    first rate after the name in its sentence."""
    year = (d.period or "")[:4]
    found = []
    for f in idx.figures:
        if f.unit != "%" or f.previous is not None or f is other or (f.period or "")[:4] != year \
                or other is not None and f.kind != other.kind or f.span.start >= d.span.start:
            continue
        sent = idx.sentence_of(f.span.start)
        before = idx.text[sent.start:f.span.start]
        at = before.rfind(name)
        if name in (f.metric or "") or at >= 0 and not [g for g in idx.figures_in(Span(sent.start + at, f.span.start))
                                                        if g.unit == "%"]:
            found.append(f)
    return found[0] if found and len({f.value for f in found}) == 1 else None


def gaps_to_target(idx: TextIndex) -> Iterator[Candidate]:
    """占比为 55.3%，距省定 60% 的目标还有 4.7 个百分点差距: the rate is short of the target named after
    距 by the gap, the target less the rate; the words leave no other reading, so a miss is an error."""
    from .flows import positive

    v = vocab()
    for d in idx.figures:
        if d.unit != "个百分点" or d.previous is not None:
            continue
        sent = idx.sentence_of(d.span.start)
        near = idx.clause_before(d, 40) + idx.text[d.span.end:d.span.end + 4]
        if not any(w in near for w in v["shortfall_words"]):
            continue
        rates = [f for f in idx.figures_in(Span(sent.start, d.span.start)) if f.unit == "%" and f.previous is None]
        if len(rates) < 2:
            continue
        a, b = rates[-2], rates[-1]
        between = idx.text[a.span.end:b.span.start]
        if not any(w in between for w in v["distance_words"]) or any(ch in between for ch in "；;。"):
            continue
        yield Candidate(code="GW104", kind="diff", whole=(b,), parts=(a, positive(d)), trigger="距…差距",
                        explicit=True, params={"sign": 1, "verb": "相差"})


def net_of_flows(idx: TextIndex) -> Iterator[Candidate]:
    """全区依法登记社会组织 583 家，较年初净增 15 家。…上半年新登记社会组织 26 家，注销登记 11 家: the net
    change of a stock is what came in less what left, stated after it in its paragraph (the one new
    and the one leaving figure of its unit, side by side); the stock is its old level plus the new
    less what left (持证残疾人 12,846 人，较上年末的 12,373 人净增 473 人…新办 1,126 人，注销 653 人).
    Other flows may go unsaid (迁入, 转入), so kept only when it holds."""
    from .flows import is_new, leaves, positive

    v = vocab()
    for n in idx.figures:
        label = idx.label_before(n, 16)
        if not summable(n) or not any(w in label for w in v["net_words"]):
            continue
        sent = idx.sentence_of(n.span.start)
        stop = _paragraph_end(idx.text, n.span.end)
        same = [f for f in idx.figures_in(Span(n.span.end, stop if stop > 0 else len(idx.text)))
                if f.unit == n.unit and summable(f) and f.previous is None]
        pair = next(((a, b) for a, b in zip(same, same[1:]) if is_new(idx, a, v) and leaves(idx, b, v)), None)
        if pair is None or idx.sentence_of(pair[0].span.start) != idx.sentence_of(pair[1].span.start):
            continue
        new, left = pair
        sign = -1 if n.value < 0 or "净减" in label else 1
        yield Candidate(code="GW104", kind="diff", whole=(new,), parts=(positive(left), positive(n)),
                        trigger="净增", explicit=False, params={"sign": sign, "verb": "净增", "confirm_only": True})
        # 持证残疾人 12,846 人，较上年末的 12,373 人净增 473 人: the level, then its old value after 较…上年末
        before = [f for f in idx.figures_in(Span(sent.start, n.span.start)) if f.unit == n.unit and summable(f)]
        if len(before) >= 2:
            level, prev = before[-2], before[-1]
            between = idx.text[level.span.end:prev.span.start]
            if any(w in between for w in v["than_words"]) and any(w in between for w in v["opening_words"]):
                yield Candidate(code="GW104", kind="sum", whole=(level,), parts=(prev, new, positive(left)),
                                trigger="新增…减少", explicit=False,
                                params={"overlaps": [2], "confirm_only": True, "labels": ["原有", "新增", "减少"]})


def nested_thresholds(idx: TextIndex) -> Iterator[Candidate]:
    """亿元以上项目 118 个，10 亿元以上项目 23 个: things above the higher threshold are among those
    above the lower one, of the same noun in the same sentence; the words leave no other reading, so
    a miss is an error."""
    v = vocab()
    for sent in idx.sentences:
        figs = [(f, t) for f in idx.figures_in(sent) if summable(f)
                if (t := _threshold(idx.label_before(f, 16), v)) is not None]
        for (a, ta), (b, tb) in zip(figs, figs[1:]):
            if a.unit != b.unit or ta[1:] != tb[1:] or ta[0] == tb[0]:
                continue
            low, high = (a, b) if ta[0] < tb[0] else (b, a)
            yield Candidate(code="GW108", kind="subset", whole=(low,), parts=(high,), trigger="以上",
                            explicit=True, exhaustive=False, params={"labels": [idx.category_of(high)]})


def _threshold(label: str, v: dict) -> tuple[float, str, str] | None:
    """(amount, unit, noun) of a label naming things above a threshold (10亿元以上项目 → 1e9, 元, 项目)."""
    word = next((w for w in v["threshold_words"] if w in label), None)
    if word is None:
        return None
    head, noun = label.rsplit(word, 1)
    m = re.search(r"(\d+(?:\.\d+)?)?([" + "".join(v["magnitudes"]) + r"])([\u4e00-\u9fff]{1,2})$", head)
    if m is None or len(noun) < 2 or m.start() > 0 and head[m.start() - 1] not in "其中，,、：: ":
        return None
    return float(m.group(1) or 1) * v["magnitudes"][m.group(2)], m.group(3), noun
