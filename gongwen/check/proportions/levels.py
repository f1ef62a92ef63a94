"""Levels and growths that must fit together: 救助水平 944.76 元/人次 after 440 人次 and 41.57 万元
(level = amount ÷ count, per month or year when the unit says so), and 人次、金额、水平 that grew
by a%、b%、c% ((1 + b) ÷ (1 + a) = 1 + c).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from decimal import Decimal

from ...figure import Figure
from ...model import Span
from ..evaluation.intervals import Interval, NotCheckable, interval_of, vocab
from ..growth.changes import _verb_sign, signed_value
from ..reading.relations import PCT_UNITS, Candidate, comparison_base, summable, unit_family
from ..reading.textindex import SPACES, TextIndex, find_all
from ..repeats.facts import _DATES, same_year
from .each_levels import each_level, own_sections

# -- ratios, shares, derived growth ------------------------------------------------------------

def ratio_levels(idx: TextIndex) -> Iterator[Candidate]:
    """救助水平 944.76 元/人次 after 440 人次 and 41.57 万元: level = amount ÷ count; a level per
    month or year (户均每月 500 元, 元/户/月) divides by the months of the amount's period too
    (全年发放 806.4 万元 → 12, 上半年 → 6).  The count may stand in an earlier sentence of the
    paragraph when the amount's clause names it (为自主就业退役士兵发放…1206 万元，人均 4.5 万元
    after 自主就业退役士兵 268 人), or be a count of the noun the level is per (12 个行政村 … 村均)."""
    v = vocab()
    for fig in idx.figures:
        if fig.unit.count("/") and (fig.change is not None or fig.kind == "change"):
            continue  # 人均…由 2.61 平方米提高到 2.78 平方米，增加 0.22 平方米: a level's change is no level
        each = each_level(idx, fig)  # 平均每家企业检查 1.6 次: a count per item, read by its own finder
        if each is not None:
            yield each
            continue
        # the cue may be part of the literal (户均11525元, 人均4.5万元)
        before = idx.text[max(0, fig.span.start - 10):fig.span.start] + fig.as_written
        parts = fig.unit.split("/")
        # a level in a plain unit whose cue names what it is per (人均体育场地面积 2.78 平方米)
        # (a level's cue may stand far before it: 人均体育场地面积由上年的 2.61 平方米提高到 2.78 平方米;
        # its metric keeps it — a pairing by reading, confirmed only)
        named = not any(c in before for c in v["level_cues"]) and any(c in (fig.metric or "") for c in v["level_cues"])
        before = before + (fig.metric or "") if named else before
        per = next((d for c, d in v["cue_denominators"].items() if c in before), None)
        plain = len(parts) == 1 and per is not None and fig.kind == "actual" and fig.change is None \
            and fig.unit not in (*PCT_UNITS, *v["count_units"])
        if plain and per is not None:
            parts = [fig.unit, per]
        # a standard paid per head (按每人 3 万元的标准): amount = standard × count when all were paid it;
        # per unit of a measure too (按每亩 108 元的标准发放补贴 … 补贴面积 49.5 万亩)
        standard = len(parts) > 1 and fig.kind == "standard" and f"每{parts[1]}" in before
        # a level per unit of a measure cued by it (亩均投入 2000 元 = 总投资 ÷ 面积): as a count
        measured = len(parts) > 1 and f"{parts[1]}均" in before and _scale(parts[1], parts[1]) is not None
        if len(parts) not in (2, 3) or not (parts[1] in v["level_denominators"] or parts[1] in v["count_units"]
                                            or (standard or measured) and _scale(parts[1], parts[1]) is not None):
            continue
        if len(parts) == 3 and parts[2] not in v["time_denominators"]:
            continue
        cue = next((c for c in v["level_cues"] if c in before), None) or \
            next((f"{parts[1]}均" for _ in [0] if f"{parts[1]}均" in before), None) or \
            (f"每{parts[1]}" if standard else None)
        if cue is None:
            continue
        sent = idx.sentence_of(fig.span.start)
        # last year's count (较上年同期的 1357 人次) is no operand of this year's level
        earlier = [f for f in idx.figures_in(Span(sent.start, fig.span.start)) if summable(f) and same_year(f, fig)]
        amount = next((f for f in reversed(earlier) if f.unit == parts[0]), None)
        count = next((f for f in reversed(earlier) if f.unit == parts[1]), None)
        # a level or standard stated before what it divides (人均补助标准 89 元，按常住人口 41.3 万人拨付
        # 补助资金 3675.7 万元): operands after it, or a count the amount's clause names from afar, pair by
        # reading only — such a pairing confirms the level when it holds and says nothing when not
        confirm = plain or standard or named
        if amount is not None and count is not None and _listed(idx, count) is not None \
                and not _names_part(idx, amount, count):
            # 接待游客 486.2 万人次，旅游总收入 52.6 亿元，其中过夜游客 126.4 万人次，人均消费 1,082 元;
            # 危房改造 326 户，其中 C 级 218 户、D 级 108 户，补助资金 1,086 万元，户均 3.33 万元: the nearest
            # count is a part of a 其中 list; the level is of the whole the list breaks down, by
            # reading (confirmed when it holds; with no such whole, 补贴 2,860 万元，其中生活补贴 8,620 人、
            # 护理补贴 12,460 人，人均…, the part is kept, by reading too) — unless the amount's words
            # name the part (其中发放租赁补贴 1,344 户，全年发放租赁补贴资金 806.4 万元，户均每月 500 元)
            count = _listed_whole(idx, count, earlier) or count
            confirm = True
        # last year's level stated after it and the change (人均…1.52 平方米，较上年的 1.39 平方米提高 0.13
        # 平方米) are no operands
        later = [f for f in idx.figures_in(Span(fig.span.end, sent.end)) if summable(f) and same_year(f, fig)
                 and not comparison_base(idx, f) and f.kind != "change" and f.change is None]
        if amount is None or count is None:
            amount = amount or next((f for f in later if f.unit == parts[0]), None)
            count = count or next((f for f in later if f.unit == parts[1]), None)
            confirm = confirm or bool({id(amount), id(count)} & {id(f) for f in later})
        mixed = False
        if count is None:
            fam = unit_family(parts[1])
            count = next((f for f in reversed(earlier) if f.unit and unit_family(f.unit) == fam
                          and f.unit in v["level_denominators"]), None)
            count = count or next((f for f in reversed(earlier) if f.unit in v["count_units"]
                                   and parts[1] in _noun_after(idx, f)[:4]), None)
            mixed = count is not None and count.unit != parts[1] and unit_family(count.unit) == fam
        if count is None and amount is not None:
            count = _named_count(idx, amount, parts[1])
        if count is None and amount is not None:
            count = _named_count(idx, amount, parts[1], everywhere=True)
            confirm = confirm or count is not None
        if standard and (amount is None or count is None):
            amount, count = _paid_pair(idx, fig, parts, amount, count)
        if amount is None or count is None:
            pair = _section_pair(idx, fig, parts, amount, count, exact=standard)
            if pair is not None:
                (amount, count), confirm = pair, True
        if amount is None and count is not None and len(parts) == 2 and not standard:
            amount = _named_amount(idx, fig, parts[0], count, cue)
            confirm = confirm or amount is not None
        months = _months(amount, parts[2]) if len(parts) == 3 and amount is not None else 1
        if months is None:
            continue
        complete = amount is not None and count is not None
        if confirm and not complete:
            continue  # the level's own words name no operands: nothing to say
        # the level's own sentence holds its operands, each the one figure of its unit there (按每人
        # 2000 元标准…发放 386 万元，共吸纳 193 人): the text makes the pairing, so a miss one misprint
        # explains is reported though the pairing is read, not stated
        own = [f for f in idx.figures_in(sent) if f is not fig and summable(f)]
        anchored = complete and all(x is not None and sum(1 for f in own if f.unit == x.unit) == 1
                                    and any(f is x for f in own) for x in (amount, count))
        yield Candidate(code="GW106", kind="ratio", whole=(fig,),
                        parts=tuple(x for x in (amount, count) if x is not None), trigger=cue,
                        params={"complete": complete, "mixed_units": mixed,
                                "months": months, "confirm_only": confirm, "anchored": anchored})
    yield from measure_levels(idx)


def _listed(idx: TextIndex, count: Figure) -> int | None:
    """Where the 其中 stands that lists ``count`` as a part, in its sentence before it; else None."""
    at = idx.text.rfind(vocab()["subset_cues"][0], idx.sentence_of(count.span.start).start, count.span.start)
    return at if at >= 0 else None


def _names_part(idx: TextIndex, amount: Figure, part: Figure) -> bool:
    """The amount's clause repeats four characters or more of the part's name: the amount is the
    part's (发放租赁补贴资金 of 其中发放租赁补贴 1,344 户)."""
    name = idx.label_before(part, 16).removeprefix(vocab()["subset_cues"][0])
    clause = idx.clause_before(amount, 30)
    return any(name[i:i + 4] in clause for i in range(len(name) - 3))


def _listed_whole(idx: TextIndex, count: Figure, earlier: list[Figure]) -> Figure | None:
    """The figure of ``count``'s unit before the 其中 that lists ``count`` as a part (在册 326 户，其中
    …108 户): the whole of that list, else None."""
    at = _listed(idx, count)
    if at is None:
        return None
    return next((f for f in reversed(earlier) if f.unit == count.unit and f.span.end <= at), None)


def months_of_cover(idx: TextIndex, figures: Iterable[Figure]) -> Iterator[Candidate]:
    """累计结余 4.57 亿元，按上半年月均支出测算可支付 9.3 个月 (库存 116.4 万平方米 … 去化周期 14.2 个月):
    a stock ÷ the monthly average of the flow that draws it down — the flow of a period, ÷ the
    months of that period.  The cue names the stock and the flow (vocab cover_cues: 可支付 →
    累计结余 and 支出); they are read, not stated — the stock of the level's sentence, else the
    nearest so named (a table's cell: ``figures`` holds them), and the nearest flows so named, of
    the level's year — so the pair that makes the level hold confirms it, and none says nothing."""
    cues = vocab()["cover_cues"]
    for fig in idx.figures:
        if fig.unit != "个月" or fig.kind != "actual" or fig.change is not None:
            continue
        clause = idx.clause_before(fig, 30)
        cue = next((c for c in cues if c in clause), None)
        if cue is None:
            continue
        stock_word, flow_word = cues[cue]["stock"], cues[cue]["flow"]
        # of the level's year (its period may be the stock's moment or the flow's span), nearest
        # first, also after it (a table below the text)
        sent = idx.sentence_of(fig.span.start)
        near = sorted((f for f in figures if summable(f) and f.change is None and f.kind == "actual"
                       and (f.period or "")[:4] == (fig.period or "")[:4]),
                      key=lambda f: abs(f.span.start - fig.span.start))

        def named(f: Figure, word: str) -> bool:
            return word in (f.metric or "") + idx.label_before(f, 16)
        own = [f for f in near if named(f, stock_word) and sent.start <= f.span.start < fig.span.start]
        stocks = own[:1] or [f for f in near if named(f, stock_word)][:4]
        for stock in stocks:
            flows = [f for f in near if named(f, flow_word) and not named(f, stock_word)
                     and unit_family(f.unit) == unit_family(stock.unit)][:6]
            pair = next(((stock, f, n) for f in flows if (n := _months(f, "月")) and _covers(fig, stock, f, n)), None)
            if pair is not None:
                yield Candidate(code="GW106", kind="ratio", whole=(fig,), parts=pair[:2], trigger=cue,
                                params={"complete": True, "confirm_only": True, "cover": pair[2]})
                break


def _covers(level: Figure, stock: Figure, flow: Figure, months: int) -> bool:
    try:
        comp = (interval_of(stock) / interval_of(flow)).scale(Decimal(months))
    except NotCheckable:
        return False
    return comp.intersects(interval_of(level))


def _paid_pair(idx: TextIndex, fig: Figure, parts: list[str], amount: Figure | None,
               count: Figure | None) -> tuple[Figure | None, Figure | None]:
    """The amount paid at a standard and the count it was paid for, found in the standard's
    paragraph when its sentence lacks one (选聘生态护林员 846 人。按每人每年 1 万元标准发放补助资金 846
    万元): of the figures of each unit there, nearest first, the pair the standard, taken as exact,
    multiplies out to.
    The pairing is read, so the standard is only confirmed by it (none that holds: the operands the
    sentence gave, nothing said)."""
    text = idx.text
    start = text.rfind("\n", 0, fig.span.start) + 1
    end = text.find("\n", fig.span.end)
    para = [f for f in idx.figures_in(Span(start, len(text) if end < 0 else end))
            if f is not fig and summable(f) and f.change is None and same_year(f, fig)]

    def near(unit: str) -> list[Figure]:
        return sorted((f for f in para if f.unit == unit), key=lambda f: abs(f.span.start - fig.span.start))[:4]
    per = len(parts) == 3 and vocab()["time_denominators"][parts[2]]
    for a in [amount] if amount is not None else near(parts[0]):
        months = _months(a, parts[2]) if per else 1
        for n in [count] if count is not None else near(parts[1]):
            try:
                comp = interval_of(a) / interval_of(n) / Interval.point(Decimal(months or 1))
            except NotCheckable:
                continue
            if months and comp.intersects(Interval.point(fig.value)):  # a standard is exact: 1 万元 is 10000
                return a, n
    return amount, count


def _section_pair(idx: TextIndex, fig: Figure, parts: list[str], amount: Figure | None = None,
                  count: Figure | None = None, exact: bool = False) -> tuple[Figure, Figure] | None:
    """The amount and the count of a level its sentence does not hold, stated earlier under its
    heading (全年实施无障碍改造 420 户…；投入改造资金 252 万元，户均 6,000 元; 接待游客 1286.4 万人次，
    实现旅游综合收入 118.6 亿元 … 游客人均花费 922 元 in a later sentence; 全乡 14 个行政村 … 村均
    29.5 万元): of the figures of the level's section and year before it, nearest first, the pair of
    an amount in the level's unit and a count of what it is per (its unit, one of its family, or a
    count of that noun: 14 个行政村 for 村均) that the level divides out to.  A reading, so the pair is
    only kept when it holds; none that does: nothing said.  An operand its sentence gave is kept
    (按每人 1,200 元标准减免…，全年减免资金 454.3 万元 after 火化 3,786 人 in the paragraph before); a
    standard (``exact``) is the value set, not a rounded quotient.  A level under a sub-heading may
    divide what its parent heading's lead paragraph states (接待游客…，实现旅游综合收入… before the
    sub-heading 游客结构持续优化 and its 游客人均花费)."""
    v = vocab()
    fam = unit_family(parts[1])
    # and the report's opening lines, which state its headline totals (全年全县接待游客 1286.4 万人次，
    # 实现旅游综合收入 118.6 亿元 before the first heading)
    sections = own_sections(fig) | {()}
    pool = [f for f in idx.figures if f.section in sections and f.span.end <= fig.span.start and f is not fig
            and summable(f) and f.change is None and f.kind != "change" and same_year(f, fig)]
    pool.sort(key=lambda f: fig.span.start - f.span.start)

    def per(f: Figure) -> bool:
        return f.unit == parts[1] or bool(f.unit) and f.unit in v["level_denominators"] and unit_family(f.unit) == fam \
            or f.unit in v["count_units"] and parts[1] in _noun_after(idx, f)[:4]
    amounts = [amount] if amount is not None else [f for f in pool if f.unit == parts[0]][:4]
    counts = [count] if count is not None else [f for f in pool if per(f)][:4]
    stated = Interval.point(fig.value) if exact else interval_of(fig)
    for amount in amounts:
        months = _months(amount, parts[2]) if len(parts) == 3 else 1
        if not months:
            continue
        for count in counts:
            try:
                comp = interval_of(amount) / interval_of(count) / Interval.point(Decimal(months))
            except NotCheckable:
                continue
            if comp.intersects(stated):
                return amount, count
    return None


def measure_levels(idx: TextIndex) -> Iterator[Candidate]:
    """平均单产 394.4 公斤/亩 after 186.4 万亩 and 73.52 万吨 (粮食亩产 434 公斤 likewise): a level per
    unit of a measure is an amount of its paragraph ÷ a measure of it before the level, each
    converted to the level's units (吨 → 公斤), or in the level's own numerator unit (商品房销售均价
    每平方米 10,524 元 after 销售额 118.5 亿元 and 销售面积 112.6 万平方米; 平均每平方公里 3.2 座 after
    612 座 and 191 平方公里).  A price read as the standard it is set at (均价为每平方米…) is a level
    too.  The pairing is read, not stated: the pair that makes the level hold confirms it; when none
    does, nothing is said."""
    v = vocab()
    for fig in idx.figures:
        if fig.kind not in ("actual", "standard") or fig.change is not None or fig.bound is not None:
            continue
        units = fig.unit.split("/")
        before = idx.text[max(0, fig.span.start - 10):fig.span.start] + fig.as_written + (fig.metric or "")
        per = next((d for c, d in v["measure_cues"].items() if c in before), None)
        if len(units) == 1 and per is not None:
            units = [fig.unit, per]
        if len(units) != 2 or _scale(units[1], units[1]) is None:
            continue
        start = idx.text.rfind("\n", 0, fig.span.start) + 1
        earlier = [f for f in idx.figures_in(Span(start, fig.span.start)) if summable(f)
                   and f.kind == "actual" and f.change is None and f.bound is None and same_year(f, fig)]
        amounts = [f for f in reversed(earlier) if _convert(f.unit, units[0]) is not None][:8]
        measures = [f for f in reversed(earlier) if _scale(f.unit, units[1]) is not None][:4]
        for amount in amounts:
            for count in measures:
                factor = _convert(amount.unit, units[0]) / _scale(count.unit, units[1])  # type: ignore[operator]
                try:
                    comp = (interval_of(amount) / interval_of(count)).scale(factor)
                except NotCheckable:
                    continue
                if comp.intersects(interval_of(fig)):
                    yield Candidate(code="GW106", kind="ratio", whole=(fig,), parts=(amount, count),
                                    trigger=next((c for c in v["measure_cues"] if c in before), "平均"),
                                    params={"complete": True, "confirm_only": True, "scale": str(factor),
                                            "per": units[1]})
                    break
            else:
                continue
            break


def _scale(unit: str, to: str) -> Decimal | None:
    """How many ``to`` one ``unit`` is, when both measure one thing (吨 → 1000 公斤, 公顷 → 15 亩);
    None across measures or for units the table does not hold."""
    for scales in vocab()["measure_scales"].values():
        if unit in scales and to in scales:
            return Decimal(str(scales[unit])) / Decimal(str(scales[to]))
    return None


def _convert(unit: str, to: str) -> Decimal | None:
    """How many ``to`` one ``unit`` is: 1 in its own unit (元 of 元/平方米), else :func:`_scale`."""
    return Decimal(1) if unit == to and unit else _scale(unit, to)


def _noun_after(idx: TextIndex, f: Figure) -> str:
    """The noun right after a count (12 个行政村 → 行政村)."""
    words = idx.words_after(f, 8)
    i = next((k for k, ch in enumerate(words) if not ("\u4e00" <= ch <= "\u9fff")), len(words))
    return words[:i]


def _named_count(idx: TextIndex, amount: Figure, unit: str, everywhere: bool = False) -> Figure | None:
    """A count of the paragraph before the amount's sentence whose name the amount's clause
    repeats (自主就业退役士兵 268 人 … 为自主就业退役士兵发放一次性经济补助 1206 万元); with
    ``everywhere``, the one count of the amount's year anywhere in the text so named (按常住人口拨付
    … after 全县常住人口 41.6 万人 in another section), none when two are."""
    clause = idx.clause_before(amount, 40)
    sent = idx.sentence_of(amount.span.start)
    start = idx.text.rfind("\n", 0, sent.start) + 1
    fam = unit_family(unit)
    found = []
    for f in reversed(idx.figures_in(Span(0, len(idx.text)) if everywhere else Span(start, sent.start))):
        if f.unit and unit_family(f.unit) == fam and summable(f) and (not everywhere or same_year(f, amount)):
            name = idx.label_before(f, 16).removeprefix("其中")
            if everywhere:  # 按全县常住人口 41.6 万人 is named 常住人口 in 按常住人口拨付
                name = _DATES.sub("", name)
                name = next((name[i:] for i in range(len(name) - 3) if name[i:] in clause), "")
            if len(name) >= 4 and name in clause:
                if not everywhere:
                    return f
                found.append(f)
    return found[0] if len({f.value for f in found}) == 1 else None


def _named_amount(idx: TextIndex, fig: Figure, unit: str, count: Figure, cue: str) -> Figure | None:
    """一线执法人员 78 人，人均监管经营主体 1105 户 (专职执法人员仅 23 人，人均承担约 93 家定点医药机构的监管
    任务): a level whose sentence states what it is per and whose own words name what it divides —
    after its cue (监管经营主体) or after the figure, up to 的 (定点医药机构) — stated anywhere before
    it (登记在册经营主体 86,218 户 in the first section): the figures of the level's unit and year whose
    words end in a tail of four characters at least of that name, or count it (2,316 家定点医药机构).
    Found by name from afar, so only the one value that makes the level hold is taken."""
    clause = idx.clause_before(fig, 30)
    at = clause.rfind(cue)
    names = [clause[at + len(cue):]] if at >= 0 else []
    after = re.split(r"[的，,。；;：:（(]", idx.words_after(fig, 16), maxsplit=1)[0]
    names.append(re.sub(r"[^\u4e00-\u9fff]", "", after))
    tails = {n[i:] for n in names for i in range(len(n) - 3)}
    if not tails:
        return None

    def named(g: Figure) -> bool:
        label = _DATES.sub("", idx.label_before(g, 16))
        return any(label.endswith(t) for t in tails) or any(_noun_after(idx, g).startswith(t) for t in tails)
    found = [g for g in idx.figures_in(Span(0, fig.span.start)) if g.unit == unit and g is not count
             and summable(g) and g.kind == "actual" and g.change is None and g.bound is None and same_year(g, fig)
             and named(g)]
    stated = interval_of(fig)
    fits = []
    for g in found:
        try:
            comp = interval_of(g) / interval_of(count)
        except NotCheckable:
            continue
        if comp.intersects(stated):
            fits.append(g)
    return fits[-1] if len({g.value for g in fits}) == 1 else None


def _months(amount: Figure, per: str) -> int | None:
    """How many ``per`` (月, 年) the amount's period spans: 2024 → 12 months, 2024-01/2024-06 →
    6; None for a point in time or an open period (no rate per month can be derived)."""
    months_per = int(vocab()["time_denominators"][per])
    p = amount.period or ""
    if re.fullmatch(r"\d{4}", p):
        n = 12
    else:
        m = re.fullmatch(r"(\d{4})-(\d{2})/(\d{4})-(\d{2})", p)
        if m is None:
            return None
        n = (int(m.group(3)) - int(m.group(1))) * 12 + int(m.group(4)) - int(m.group(2)) + 1
    return n // months_per if n % months_per == 0 and n >= months_per else None


def derived_growth(idx: TextIndex) -> Iterator[Candidate]:
    """人次、金额、水平 … 分别增加 a%、b%、c%: (1+b)/(1+a) must equal 1+c."""
    v = vocab()
    text = idx.text
    for word in v["respectively"]:
        for pos in find_all(text, word):
            sent = idx.sentence_of(pos)
            rates = [f for f in idx.figures_in(Span(pos, sent.end)) if f.unit == "%"]
            if len(rates) < 3:
                continue
            sign = _verb_sign(text[pos:rates[0].span.start])
            if sign is None:
                continue
            prior = [f for f in idx.figures_in(Span(sent.start, pos))]
            names_from = prior[-1].span.end if prior else sent.start
            names = text[names_from:pos]
            for cut in ("比", "较", "同比", "与"):
                if cut in names:
                    names = names[:names.index(cut)]
            items = [s for s in names.replace("，", "、").split("、") if s.strip(SPACES)]
            if len(items) != len(rates):
                continue
            roles: dict[str, Figure] = {}
            for name, r in zip(items, rates[: len(items)]):
                role = _role_of(name)
                if role and role not in roles:
                    roles[role] = replace(r, value=signed_value(r, sign))
            if set(roles) != {"count", "amount", "level"}:
                continue
            yield Candidate(code="GW115", kind="derived", whole=(roles["level"],),
                            parts=(roles["count"], roles["amount"]), trigger=word, explicit=False,
                            cue=Span(pos, pos + len(word)), params={"sign": sign, "names": items})


def _role_of(name: str) -> str | None:
    best: tuple[int, str] | None = None
    for role, words in vocab()["derived_roles"].items():
        for w in words:
            i = name.rfind(w)
            if i >= 0 and (best is None or i > best[0]):
                best = (i, role)
    return best[1] if best else None
