"""Words of a generated sentence: joining a scope, a program and a label without doubling them.

A data file built from last year's figures (``gongwen draft --skeleton`` of the data format) has
scopes and labels that overlap (公办 + 公办机构数, 社会散居孤儿 + 孤儿基本生活保障标准) and labels
that do not say which program they count (月人均补差 under 最低生活保障).  These functions make
the subject of a clause read as one noun phrase that names its program.
"""

from __future__ import annotations

import functools

from .schema import Program


def join_words(left: str, right: str) -> str:
    """``left`` then ``right``, written once where they overlap or one contains the other.

    >>> join_words("公办", "公办机构数"), join_words("社会散居孤儿", "孤儿基本生活保障标准")
    ('公办机构数', '社会散居孤儿基本生活保障标准')
    >>> join_words("临时救助", "救助水平"), join_words("全县", "城乡低保对象"), join_words("", "床位")
    ('临时救助水平', '全县城乡低保对象', '床位')
    """
    if not left or left in right:
        return right
    if right in left:
        return left
    for k in range(min(len(left), len(right)) - 1, 1, -1):  # overlaps of two characters or more
        if left.endswith(right[:k]):
            return left + right[k:]
    return left + right


@functools.cache
def _aliases(name: str) -> tuple[str, ...]:
    """The extractor's strong aliases of a program (低保 for 最低生活保障); none when unknown."""
    try:
        from ..extract.figures.words.vocab import load_vocab
    except ImportError:  # the extractor is optional for the generator
        return ()
    vocab = load_vocab()
    canonical = name if name in vocab.programs else vocab.alias_map.get(name)
    if canonical is None or canonical in vocab.weak or canonical not in vocab.programs:
        return ()
    return tuple(a for a in vocab.programs[canonical].aliases if len(a) >= 2 and a not in vocab.weak)


def program_words(prog: Program) -> tuple[str, ...]:
    """Every word that names ``prog``: its key (when Chinese), its name and their aliases."""
    words = [prog.name]
    if prog.key and all("\u4e00" <= ch <= "\u9fff" for ch in prog.key):
        words.append(prog.key)
    for w in list(words):
        words.extend(_aliases(w))
    return tuple(dict.fromkeys(w for w in words if w))


def names_program(text: str, prog: Program) -> bool:
    """Whether ``text`` names the program (its name, key or one of its aliases)."""
    return any(w in text for w in program_words(prog))


def short_name(prog: Program) -> str:
    """The program's shorter name of key and name (低保 rather than 城乡最低生活保障)."""
    words = [w for w in program_words(prog)[:2] if w in (prog.name, prog.key)]
    return min(words, key=len)


def subject(scope: str, verb: str, label: str, prog: Program | None) -> str:
    """A clause's subject: scope, verb and label, the program put before the label when none names it.

    >>> subject("城镇", "", "城镇居民最低生活保障标准", None)
    '城镇居民最低生活保障标准'
    """
    what = label
    if prog is not None and not names_program(scope + label, prog):
        what = join_words(short_name(prog), label)
    if verb:
        return join_words(scope, verb) + what if scope not in what else verb + what
    return join_words(scope, what)
