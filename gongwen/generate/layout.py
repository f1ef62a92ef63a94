"""Pure layout arithmetic: text widths, title line breaks and the closing block's indents."""

from __future__ import annotations

import itertools
from fractions import Fraction

# Natural break points of a title (besides after the issuer): before these words, after those.
_BREAK_BEFORE = ("关于", "和", "及", "与")
_BREAK_AFTER = ("年", "的")


def width(text: str) -> Fraction:
    """Width in body characters: CJK and full-width count 1, ASCII (digits, Latin) 1/2.

    >>> width("2025年12月20日")
    Fraction(7, 1)
    """
    return sum((Fraction(1, 2) if ord(c) < 0x2E80 and c not in "—…“”‘’·" else Fraction(1) for c in text),
               Fraction(0))


def _breakable(text: str, i: int) -> bool:
    """May a line break fall before ``text[i]``? Never inside 《》/“”, an ASCII run or before punctuation."""
    if i <= 0 or i >= len(text):
        return False
    a, b = text[i - 1], text[i]
    if a.isascii() and b.isascii() and a.isalnum() and b.isalnum():
        return False
    if b in "，。、；：）》”’！？" or a in "（《“‘":
        return False
    depth = 0
    for c in text[:i]:
        depth += c in "《“"
        depth -= c in "》”"
    return depth == 0


def title_lines(title: str, per_line: int = 20, issuer: str | None = None) -> list[str]:
    """Break a title into balanced lines of at most ``per_line`` characters (GB/T 9704 §7.3.1).

    Prefers breaking after the issuer, then before 关于 / after 年; never inside 《》 or a number.

    >>> title_lines("青山县民政局2025年工作总结")
    ['青山县民政局2025年工作总结']
    >>> title_lines("青山县民政局关于2025年城乡最低生活保障和特困人员救助供养工作情况的总结", issuer="青山县民政局")
    ['青山县民政局关于2025年城乡最低生活保障', '和特困人员救助供养工作情况的总结']
    """
    if width(title) <= per_line:
        return [title]
    n_lines = int(-(-width(title) // per_line))
    best: tuple[Fraction, int, list[str]] | None = None
    for extra in range(3):
        lines = _split(title, n_lines + extra, per_line, issuer)
        if lines is None:
            continue
        score = (max(width(x) for x in lines) - min(width(x) for x in lines), extra, lines)
        if best is None or score[:2] < best[:2]:
            best = score
        if best is not None and extra == 0:
            break
    if best is None:  # no legal break: cut hard at the line width
        out, cur = [], ""
        for c in title:
            if width(cur + c) > per_line:
                out.append(cur)
                cur = ""
            cur += c
        return out + ([cur] if cur else [])
    return best[2]


def _split(title: str, n: int, per_line: int, issuer: str | None) -> list[str] | None:
    """Best split into ``n`` lines by dynamic programming over legal break points."""
    points = [i for i in range(1, len(title)) if _breakable(title, i)]
    target = width(title) / n

    def cost(i: int) -> Fraction:
        bonus = Fraction(0)
        # A natural break outweighs a few characters of imbalance: words must not be cut.
        if issuer and i == len(issuer) and title.startswith(issuer):
            bonus -= 4
        elif title[i:].startswith(_BREAK_BEFORE) or title[:i].endswith(_BREAK_AFTER):
            bonus -= 3
        return bonus

    # state: (line count, start) -> (score, breaks)
    memo: dict[tuple[int, int], tuple[Fraction, list[int]] | None] = {}

    def go(k: int, start: int) -> tuple[Fraction, list[int]] | None:
        if (k, start) in memo:
            return memo[(k, start)]
        rest = title[start:]
        if k == 1:
            res: tuple[Fraction, list[int]] | None = (
                (abs(width(rest) - target), []) if width(rest) <= per_line else None)
            memo[(k, start)] = res
            return res
        best: tuple[Fraction, list[int]] | None = None
        for i in points:
            if i <= start:
                continue
            w = width(title[start:i])
            if w > per_line:
                break
            sub = go(k - 1, i)
            if sub is None:
                continue
            score = abs(w - target) + cost(i) + sub[0]
            if best is None or score < best[0]:
                best = (score, [i] + sub[1])
        memo[(k, start)] = best
        return best

    res = go(n, 0)
    if res is None:
        return None
    cuts = [0] + res[1] + [len(title)]
    return [title[a:b] for a, b in itertools.pairwise(cuts)]


AUTOSPACE = Fraction(1, 5)  # LibreOffice's space between Chinese and Latin/digits, in characters


def spaced_width(text: str, autospace: Fraction = AUTOSPACE) -> Fraction:
    """Width as laid out with a space of ``autospace`` characters where Chinese meets a Latin
    letter or digit (LibreOffice always does this in a .docx: it ignores ``w:autoSpaceDN``).

    >>> spaced_width("2025年12月20日")
    Fraction(8, 1)
    """
    kinds = ["a" if c.isascii() and c.isalnum() else "c" if "\u4e00" <= c <= "\u9fff" else "" for c in text]
    gaps = sum(1 for a, b in itertools.pairwise(kinds) if a and b and a != b)
    return width(text) + gaps * autospace


def closing_indents(signature: str, date: str, autospace: bool = False) -> tuple[Fraction, Fraction]:
    """Right indents (in body characters) of signature and date, unsealed (GB/T 9704 §7.3.5.2).

    The signature ends 2 characters from the right margin and the date starts 2 characters to
    the right of the signature's first character; when the date is the wider line it keeps
    2 characters and the signature moves left.  With ``autospace`` the widths are those
    LibreOffice lays out (see :func:`spaced_width`).

    >>> closing_indents("青山县民政局", "2025年12月20日")
    (Fraction(5, 1), Fraction(2, 1))
    >>> closing_indents("青山县民政局", "2025年12月20日", autospace=True)
    (Fraction(6, 1), Fraction(2, 1))
    >>> closing_indents("青山县人民政府办公室综合科", "2025年1月5日")
    (Fraction(2, 1), Fraction(7, 1))
    """
    measure = spaced_width if autospace else width
    s, d = measure(signature), measure(date)
    if s - d >= 2:
        return Fraction(2), s - d
    return 4 + d - s, Fraction(2)
