"""Where a document names the vocabulary's programs: its mentions, found once for the labeller.

A mention is an alias of ``vocab.yaml`` found by the lexicon scan, with what the scan alone cannot
tell: a word the longest match cut in half (国家免疫规划疫苗接种率), the word a 其中 hid (其中职工医保),
another bureau's alias ending a generic one (征收社会保险费), and whether a scope cue before it makes
it a category (已纳入低保).  :class:`.labeller.Labeller` reads the program of a figure from them
(:mod:`.programs`).
"""

from __future__ import annotations

from typing import NamedTuple

from ..words.lexicon import Hit, Lexicon
from ..words.vocab import Vocab


class _Mention(NamedTuple):  # (a tuple: built several times faster than a frozen dataclass)
    start: int
    end: int
    program: str
    context: bool  # a context alias (valid only inside its parent program's section)
    cued: bool  # preceded by a scope cue (已纳入低保): names a category, not the program
    weak: bool = False  # a generic alias (兜底保障): evidence only when nothing specific is named


def program_mentions(text: str, vocab: Vocab, alias_hits: list[Hit],
                     context_hits: list[Hit]) -> list[_Mention]:
    """The mentions of programs in ``text``, in order, from the scan's hits of the vocabulary's
    aliases and context aliases."""
    mentions: list[_Mention] = []
    cue_ends = {c[-1] for c in vocab.scope_cues}
    for hits_of, mp, ctx, lex in ((alias_hits, vocab.alias_map, False, vocab.alias_re),
                                  (context_hits, vocab.context_map, True, vocab.context_re)):
        taken = -1  # the end of a word found right after a 其中 (the scan's later words inside it are dropped)
        last: Hit | None = None  # the scan's previous word
        for m in hits_of:
            s = m.start()
            if s < taken:
                continue
            prev, last = last, m
            if prev is not None and s - prev.end() < 2:
                # the scan took the longest word at each start, so a word of the previous one's
                # program that begins inside it and reaches past this one was cut in half: 国家
                # 免疫规划疫苗接种率 names 国家免疫规划 (and 免疫规划疫苗接种率), not 疫苗接种
                hidden = _hidden_word(lex, text, prev, m)
                if hidden is not None and mp.get(hidden.group()) == mp.get(prev.group()):
                    m = last = hidden
                    s = m.start()
            if text.startswith("其中", s - 1):
                # no word starts on the 中 of 其中, and the one it hid is looked up instead:
                # 其中职工医保 names 职工医保, not 中职
                m = lex.match(text, s + 1)
                if m is None:
                    continue
                s, taken = m.start(), m.end()
            if not ctx and m.group() in vocab.weak:
                m = _strong_inside(vocab, text, m)
                s = m.start()
                if m.group() in vocab.foreign_generic:
                    continue
            cued = s > 0 and text[s - 1] in cue_ends and any(text.endswith(c, 0, s) for c in vocab.scope_cues)
            mentions.append(_Mention(s, m.end(), mp[m.group()], ctx, cued, m.group() in vocab.weak))
    mentions.sort(key=lambda x: x.start)
    return mentions


def _hidden_word(lex: Lexicon, text: str, prev: Hit, m: Hit) -> Hit | None:
    """The longest word that starts inside ``prev`` and ends past ``m``, or None.

    >>> lx = Lexicon(["国家免疫规划", "免疫规划疫苗接种率", "疫苗接种"])
    >>> hits = list(lx.finditer("国家免疫规划疫苗接种率"))
    >>> _hidden_word(lx, "国家免疫规划疫苗接种率", hits[0], hits[1]).group()
    '免疫规划疫苗接种率'
    """
    best = None
    for i in range(prev.start() + 1, prev.end()):
        w = lex.match(text, i)
        if w is not None and w.end() > m.end() and (best is None or w.end() > best.end()):
            best = w
    return best


def _strong_inside(vocab: Vocab, text: str, m: Hit) -> Hit:
    """A weak match, or the longest strong alias of another bureau that ends it: another bureau's
    征收社会保险费 ends in the issuer's own 社会保险费, which the leftmost-longest scan would
    otherwise hide (the end is the compound's head: 养老保险 is no kind of 养老)."""
    s, e = m.start(), m.end()
    outer = vocab.programs[vocab.alias_map[m.group()]].bureau
    for i in range(s + 1, e - 1):
        a = text[i:e]
        if a in vocab.alias_map and a not in vocab.weak and vocab.programs[vocab.alias_map[a]].bureau != outer:
            return Hit(i, e, a)
    return m
