"""Slips of the pen: the numbers a typist prints instead of the one meant.

A relation that fails as printed but holds exactly once one operand is read as a common misprint
of itself (two adjacent digits swapped, one digit dropped or doubled, 万/亿 slipped) is meant, and
misprinted: the pairing the checker inferred is confirmed by the near-identity, so the finding is
an error, not a guess.  A one-digit change alone confirms nothing (round gaps of 100 or 0.1 are
common between different quantities); it counts only where the text makes the pairing itself (a
rate and the counts of its own sentence, one fact stated twice under one name), and a round
number's leading digits never (5000 and 6000 are two round numbers).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from decimal import Decimal

from ...figure import Figure
from .intervals import Interval, hedge_kind, interval_of

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")

# what each misprint is called in a message
WORDS = {"swap": "相邻数字颠倒", "dropped": "疑漏写一位数字", "extra": "疑多写一位数字", "digit": "仅一位数字不同",
         "scale": "数字相同而“万”“亿”不同"}
_SCALES = {Decimal(10) ** 4, Decimal(10) ** 8}


def _printed(f: Figure) -> tuple[str, Decimal] | None:
    """The one Arabic number ``f`` is printed with (separators removed) and the factor from it to
    the figure's value (万, 亿, a table header's scale); None when there is not exactly one."""
    nums = _NUMBER.findall(f.as_written)
    if len(nums) != 1:
        return None
    num = nums[0].replace(",", "")
    try:
        n = Decimal(num)
    except ArithmeticError:
        return None
    if n == 0:
        return None
    return num, f.value / n


def digit_swaps(f: Figure) -> list[tuple[str, Decimal]]:
    """Every number a typist gets from ``f``'s printed number by swapping two adjacent digits,
    with its value: digits next to each other in print (a thousands separator between them is
    no obstacle, the decimal point is: 2.84 → 8.24 is no slip of the fingers), never a new
    leading zero (10.36 → 01.36).  Figures printed without exactly one Arabic number have none.

    >>> [t for t, _ in digit_swaps(Figure(value=Decimal(28400), unit="元", as_written="2.84万元"))]
    ['2.48']
    """
    p = _printed(f)
    if p is None:
        return []
    num, factor = p
    out = []
    for i in range(len(num) - 1):
        a, b = num[i], num[i + 1]
        if not (a.isdigit() and b.isdigit()) or a == b or (i == 0 and b == "0"):
            continue
        t = num[:i] + b + a + num[i + 2:]
        out.append((t, Decimal(t) * factor))
    return out


def _well_formed(t: str) -> bool:
    return bool(t) and t[0] != "." and t[-1] != "." and not (t[0] == "0" and len(t) > 1 and t[1] != ".")


def misprints(f: Figure) -> Iterator[tuple[str, str, Decimal]]:
    """(kind, number meant, its value) for every number ``f`` may misprint: two adjacent digits
    swapped (``swap``), one digit dropped from the integer part (``dropped``: the meant number
    has one more) or
    doubled (``extra``: the meant number lacks one of two equal neighbours).

    >>> sorted({t for k, t, _ in misprints(Figure(value=Decimal(186), unit="人", as_written="186人"))
    ...         if k != "dropped"})
    ['168', '816']
    >>> "1286" in {t for k, t, _ in misprints(Figure(value=Decimal(186), unit="人", as_written="186人"))}
    True
    """
    for t, v in digit_swaps(f):
        yield "swap", t, v
    p = _printed(f)
    if p is None:
        return
    num, factor = p
    seen = {num}
    # a digit dropped from the integer part: one dropped after the point would change the printed
    # precision, and a rate with one more decimal fits any nearby value
    for i in range(len(num.split(".")[0]) + 1):
        for d in "0123456789":
            t = num[:i] + d + num[i:]
            if t not in seen and _well_formed(t):
                seen.add(t)
                yield "dropped", t, Decimal(t) * factor
    for i in range(1, len(num)):
        if num[i].isdigit() and num[i] == num[i - 1]:
            t = num[:i] + num[i + 1:]
            if t not in seen and _well_formed(t):
                seen.add(t)
                yield "extra", t, Decimal(t) * factor


def same_printed(a: Figure, b: Figure) -> bool:
    """Two printed values of one quantity agree: their intervals meet, and by more than an end
    when both are printed plainly to one precision — a writer who prints one value twice at one
    precision prints the same digits (58 枚 and 59 枚 meet only at 58.5; 1.36 亿元 and 13,580
    万元 are one value).

    >>> f = lambda v, q, s: Figure(Decimal(v), "枚", as_written=s, quantum=Decimal(q))
    >>> same_printed(f(58, 1, "58枚"), f(59, 1, "59枚")), same_printed(f(58, 1, "58枚"), f(58, 1, "58枚"))
    (False, True)
    >>> same_printed(f(136000000, 1000000, "1.36亿"), f(135800000, 10000, "13,580万"))
    True
    """
    if a.quantum == b.quantum and hedge_kind(a) is None and hedge_kind(b) is None:
        return a.value == b.value
    return interval_of(a).intersects(interval_of(b))


LOOSE = 5  # a computed rate spread over more printed values than this cannot single out a slip


def slipped(f: Figure, comp: Interval) -> bool:
    """The stated rate ``f`` misses the computed one by a slip of the pen: printed at the stated
    precision, the computed value differs from the printed one in one digit, or by two adjacent
    digits swapped (98 ÷ 156 = 62.82 %, stated 63.8 % or 68.2 %).  A computed value looser than
    ``LOOSE`` units of the last printed digit tells nothing.

    >>> slipped(Figure(Decimal("63.8"), "%", as_written="63.8%"), Interval.point(Decimal("62.82")))
    True
    >>> slipped(Figure(Decimal("36.0"), "%", as_written="36.0%"), Interval.point(Decimal("22.48")))
    False
    >>> slipped(Figure(Decimal("95.3"), "%", as_written="95.3%"), Interval.point(Decimal("93.548")))
    True
    """
    m = _NUMBER.search(f.as_written)  # the first number: 8.32 of 8.32/10万
    if m is None or comp.lo is None or comp.hi is None or comp.lo < 0:
        return False
    s = m.group(0).replace(",", "")
    if Decimal(s) != abs(f.value):
        return False
    q = Decimal(1).scaleb(-len(s.split(".")[1])) if "." in s else Decimal(1)
    lo, hi = comp.lo.quantize(q), comp.hi.quantize(q)
    if hi - lo > LOOSE * q:
        return False
    v = lo
    while v <= hi:
        t = format(v, "f")
        v += q
        if len(t) != len(s) or t.find(".") != s.find("."):
            continue
        # (digits only, the point where both print it: 93.5 % stated 95.3 % swaps two adjacent digits)
        a, b = s.replace(".", ""), t.replace(".", "")
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                              and a[diff[1]] == b[diff[0]]):
            return True
    return False


def changed_digits(f: Figure) -> Iterator[tuple[str, Decimal]]:
    """Every number ``f``'s printed number becomes with one digit changed (never a new leading
    zero): how a repeated fact is misprinted in one of its mentions (1,138 人 → 1,148 人).  A
    round number's leading digits are not changed: 5000 and 6000 are two round numbers, not a slip.

    >>> sorted(t for t, _ in changed_digits(Figure(value=Decimal(14), unit="个", as_written="14个")))[:4]
    ['10', '11', '12', '13']
    >>> sorted(t for t, _ in changed_digits(Figure(value=Decimal(500), unit="人", as_written="500人")))[:3]
    ['501', '502', '503']
    """
    p = _printed(f)
    if p is None:
        return
    num, factor = p
    for i, c in enumerate(num):
        rest = num[i + 1:].replace(".", "")
        if not c.isdigit() or rest and not rest.strip("0"):
            continue
        for d in "0123456789":
            t = num[:i] + d + num[i + 1:]
            if d != c and _well_formed(t):
                yield t, Decimal(t) * factor


def one_misprint_apart(a: Figure, b: Figure) -> str | None:
    """How ``b`` misprints ``a`` (or ``a`` misprints ``b``): ``swap``, ``dropped``, ``extra``,
    ``digit`` (one digit changed) or ``scale`` (the same number, 万 or 亿 dropped or added: 73.52
    吨 / 73.52 万吨); None when no single misprint turns one into the other.  Two printed values
    of one fact may also lose a digit after the point (5.12 万人 / 5.2 万人): no rounding of the
    one gives the other, as a computed value's extra decimal would.

    >>> one_misprint_apart(Figure(Decimal("5.12"), "人", as_written="5.12人"), Figure(Decimal("5.2"), "人", as_written="5.2人"))
    'dropped'
    """
    pa, pb = _printed(a), _printed(b)
    if pa and pb and pa[0] == pb[0] and a.value > 0 and b.value > 0 and b.value != a.value and \
            max(a.value, b.value) / min(a.value, b.value) in _SCALES:
        return "scale"
    for x, y in ((a, b), (b, a)):
        for kind, _, v in misprints(x):
            if v == y.value:
                return kind
    for x, y in ((a, b), (b, a)):
        px = _printed(x)
        if px is not None and "." in px[0]:
            num, factor = px
            for i in range(num.index(".") + 1, len(num) - 1):  # the last one dropped is a rounding
                t = num[:i] + num[i + 1:]
                if _well_formed(t) and Decimal(t) * factor == y.value:
                    return "dropped"
    if any(v == b.value for _, v in changed_digits(a)):
        return "digit"
    return _rounded_apart(a, b) or _rounded_apart(b, a)


def _rounded_apart(coarse: Figure, fine: Figure) -> str | None:
    """How ``coarse`` misprints ``fine`` rounded to its printed precision (1.63 亿元 for 13,580
    万元, which rounds to 1.36 亿元; 2.17 万人 for 27,146 人): a summary rounds what its section
    states in full, and may misprint the rounded number.

    >>> _rounded_apart(Figure(Decimal("163000000"), "元", as_written="1.63亿元", quantum=Decimal(10) ** 6),
    ...                Figure(Decimal("135800000"), "元", as_written="13,580万元", quantum=Decimal(10) ** 4))
    'swap'
    """
    p = _printed(coarse)
    if p is None or coarse.quantum <= fine.quantum or fine.value <= 0 or coarse.value <= 0:
        return None
    num, factor = p
    places = len(num.split(".")[1]) if "." in num else 0
    shown = Decimal(num)
    for extra in (0, 1):  # at the coarse figure's precision, or one decimal more (one dropped)
        t = format((fine.value / factor).quantize(Decimal(1).scaleb(-places - extra)), "f")
        if Decimal(t) == shown:
            return None  # the same number once rounded: no misprint
        if extra == 0 and len(t) == len(num):
            diff = [i for i in range(len(t)) if t[i] != num[i]]
            if len(diff) == 2 and diff[1] == diff[0] + 1 and t[diff[0]] == num[diff[1]] and t[diff[1]] == num[diff[0]]:
                return "swap"
        for i in range(len(t)):
            cut = t[:i] + t[i + 1:]
            if t[i].isdigit() and _well_formed(cut) and Decimal(cut) == shown and ("." in cut) == ("." in num):
                return "dropped"
    return None


def decisive(kind: str | None, a: Figure, b: Figure) -> bool:
    """A misprint between two printed values of one quantity that no reading explains: two
    adjacent digits swapped, the same number in another scale (12.8 万元 / 12.8 亿元), or a digit
    dropped or doubled where the shorter number keeps three significant digits (3862 / 362; not
    412 / 42, as many two-digit values sit one digit from a nearby three-digit one).  A single
    changed digit is never decisive alone.

    >>> f = lambda s: Figure(Decimal(s), "件", as_written=s + "件")
    >>> decisive("dropped", f("3862"), f("362")), decisive("dropped", f("412"), f("42")), decisive("swap", f("14"), f("41"))
    (True, False, True)
    """
    if kind in ("swap", "scale"):
        return True
    if kind not in ("dropped", "extra"):
        return False
    digits = [p[0].replace(".", "").lstrip("0") for p in (_printed(a), _printed(b)) if p is not None]
    return len(digits) == 2 and min(len(d) for d in digits) >= 3


def telling_slip(figs: list[Figure], holds: Callable[[Figure, Decimal], bool],
                 kinds: tuple[str, ...] = ("swap", "dropped", "extra")) -> tuple[Figure, str, str] | None:
    """The figure, the kind of misprint (one of ``kinds``) and the number meant, when reading one
    of ``figs`` as a misprint of itself that tells (:func:`decisive`: two adjacent digits swapped
    anywhere, a digit dropped or doubled only where the shorter number keeps three significant
    digits) makes ``holds`` true.  A relation that fails by an amount of its own meets a one-digit
    number's dropped digit by chance (2 read as 20 makes up 18): only a telling misprint says it
    is meant.

    >>> f = lambda s: Figure(Decimal(s), "人", as_written=s + "人")
    >>> telling_slip([f("284")], lambda g, v: v == 2684)[1:], telling_slip([f("2")], lambda g, v: v == 20)
    (('dropped', '2684'), None)
    """
    for f in figs:
        for kind, t, v in misprints(f):
            if kind in kinds and decisive(kind, f, Figure(v, f.unit, as_written=t)) and holds(f, v):
                return f, kind, t
    return None


def telling(kind: str | None, a: Figure, b: Figure) -> bool:
    """A misprint that tells two printed values of one inferred pairing are one fact: any but a
    single changed digit, which tells only between numbers of three significant digits or more
    (2.2 and 2.0, 14 and 15 differ in one digit as most nearby two-digit values do; 2.26 and 3.26
    do not).

    >>> a, b = Figure(Decimal("2.26"), "‰", as_written="2.26‰"), Figure(Decimal("3.26"), "‰", as_written="3.26‰")
    >>> telling("digit", a, b), telling("digit", Figure(Decimal(14), "起", as_written="14起"),
    ...                                     Figure(Decimal(15), "起", as_written="15起"))
    (True, False)
    """
    if kind is None:
        return False
    if kind != "digit":
        return True
    digits = [p[0].replace(".", "").lstrip("0") for p in (_printed(a), _printed(b)) if p is not None]
    return len(digits) == 2 and min(len(d) for d in digits) >= 3
