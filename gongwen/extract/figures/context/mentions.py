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
    listed: bool = False  # one item of a list of several (社会救助、养老服务、社会事务等): names an area, no subject


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
    return _mark_listed(text, mentions)


_ITEM_LEAD = 4  # the words that may open a list's last item before its program's (、农村低保)
_COMMA_CLAUSE_END = frozenset("，,；;：:。！？!?\n")  # (a list's 、 and an aside's brackets do not end one)


def _mark_listed(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """The mentions marked ``listed`` where a list of two or more programs names areas of work
    (统筹推进社会救助、养老服务、社会事务等各项工作; 其中防汛演练7场、消防演练5场): the items
    joined by 、 in one clause — the last word before the first 、, every word between two, the
    word right after the last (and the one a 和, 与 or 及 adds to it); the clause's other words
    (…、专业服务等重点领域开展专题招商) are no items.  So are the two ends of a span of programs
    (从学前教育到高等教育全学段资助政策)."""
    out = list(mentions)
    i = 0
    while i < len(mentions):
        a = mentions[i].start
        while a > 0 and text[a - 1] not in _COMMA_CLAUSE_END:
            a -= 1
        b = mentions[i].end
        while b < len(text) and text[b] not in _COMMA_CLAUSE_END:
            b += 1
        j = i
        while j < len(mentions) and mentions[j].start < b:
            j += 1
        first, last = text.find("、", a, b), text.rfind("、", a, b)
        if first >= 0:
            head = [n for n in range(i, j) if mentions[n].end <= first]
            items = head[-1:] + [n for n in range(i, j) if first < mentions[n].start and mentions[n].end <= last]
            tail = [n for n in range(i, j) if mentions[n].start > last]
            if tail and (mentions[tail[0]].start - last <= _ITEM_LEAD  # (、农村低保; 、队伍建设和学生资助)
                         or text[mentions[tail[0]].start - 1] in "和与及" and mentions[tail[0]].start - last <= 2 * _ITEM_LEAD):
                items.append(tail[0])
                if len(tail) > 1 and text[mentions[tail[0]].end:mentions[tail[1]].start] in ("和", "与", "及", "以及"):
                    items.append(tail[1])
            if len({mentions[n].program for n in items if not (mentions[n].cued or mentions[n].context)}) >= 2:
                for n in items:
                    out[n] = mentions[n]._replace(listed=True)
        i = j
    for n in range(len(mentions) - 1):  # a span of them (从学前教育到高等教育全学段): the areas it covers
        x, y = mentions[n], mentions[n + 1]
        if text[x.start - 1:x.start] == "从" and text[x.end:y.start] == "到":
            out[n], out[n + 1] = out[n]._replace(listed=True), out[n + 1]._replace(listed=True)
    return out


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
