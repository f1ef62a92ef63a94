"""Numerals: the value and printed precision of an Arabic or Chinese number as written.

>>> parse_number("3,215"), parse_number("二十三")
((Decimal('3215'), Decimal('1'), 'arabic'), (Decimal('23'), Decimal('1'), 'chinese'))
>>> plain_decimal(Decimal("8.60E+8")), plain_decimal(Decimal("0.50"))
(Decimal('860000000'), Decimal('0.5'))
"""

from __future__ import annotations

from decimal import Decimal

import regex

from ...._data import cn_number
from .units import TABLES


def thousands_comma(text: str, i: int) -> bool:
    """Whether the comma at ``text[i]`` groups digits (3,215户) rather than ending a clause.

    >>> thousands_comma("3,215户5,468人", 1), thousands_comma("发放100元,200元", 6)
    (True, False)
    """
    return (text[i] in ",，" and i > 0 and text[i - 1].isdigit()
            and _GROUP_AFTER.match(text, i + 1) is not None)


_GROUP_AFTER = regex.compile(r"[0-9０-９]{3}(?![0-9０-９])")


def cn_value(s: str) -> Decimal:
    """Value of a Chinese numeral span via cn2an; a trailing 万/亿 after a decimal is split off."""
    try:
        return cn_number(s, "smart")
    except (ValueError, KeyError):
        tail = Decimal(1)
        while s and s[-1] in "万亿萬億":
            tail *= TABLES.magnitudes["亿" if s[-1] in "亿億" else "万"]
            s = s[:-1]
        return cn_number(s, "smart") * tail


def plain_decimal(d: Decimal) -> Decimal:
    """A Decimal without exponent noise: integers plain, fractions normalised."""
    if d == d.to_integral_value():
        return d.quantize(Decimal(1))
    return d.normalize()


def _ar_quantum(s: str) -> Decimal:
    _, dot, frac = s.partition(".")
    return Decimal(1).scaleb(-len(frac)) if dot else Decimal(1)


def cn_quantum(v: Decimal) -> Decimal:
    if v == 0:
        return Decimal(1)
    exp = v.normalize().as_tuple().exponent
    return Decimal(1).scaleb(int(exp))


def parse_number(text: str, lo: str | None = None) -> tuple[Decimal, Decimal, str] | None:
    """(value, quantum, script) of an Arabic or Chinese numeral string."""
    if text[:1].isdigit() and text.isascii():
        return Decimal(text.replace(",", "")), _ar_quantum(text), "arabic"
    try:
        v = cn_value(text)
    except (ValueError, KeyError, ArithmeticError):
        return None
    return v, cn_quantum(v), "chinese"
