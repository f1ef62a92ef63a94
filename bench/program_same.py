"""One program, many names: whether two program names name the same vocabulary program.

The shared scorer compares a figure's program with the writer's as strings.  Writers (and a second
annotator) name the same work line in several ways — the vocabulary's key, one of its official
aliases (老旧小区改造 for 城镇老旧小区改造) — so exact strings measure naming as much as reading.
This is the second, looser measure the benches print beside the scorer's (never instead of it):
two names agree when they are equal, or when both are the key or a (non-weak) alias of one
program of gongwen's bundled vocabularies.  A name no vocabulary knows agrees only with itself;
longer or shorter forms that are not listed aliases do not agree.
"""

from __future__ import annotations

from functools import cache


@cache
def _canon() -> dict[str, str]:
    """name -> program key, for every key and every non-weak alias of the bundled vocabularies."""
    from gongwen.extract.figures.words.vocab import load_vocab

    v = load_vocab()
    out = {a: p for a, p in v.alias_map.items() if a not in v.weak}
    out.update({p: p for p in v.programs})
    return out


def same_program(a: str | None, b: str | None) -> bool:
    """``a`` and ``b`` name one program (both empty counts as agreement, as in the scorer).

    >>> same_program("城镇老旧小区改造", "城镇老旧小区改造"), same_program("", None)
    (True, True)
    >>> same_program("临时救助", "最低生活保障"), same_program("临时救助", "")
    (False, False)
    """
    a, b = a or "", b or ""
    if a == b:
        return True
    c = _canon()
    return bool(a and b) and c.get(a) is not None and c.get(a) == c.get(b)
