"""The title split off the body: a dump's title run into the first words or wrapped over two lines,
a letterhead above it, a forwarding notice's two titles, a web page's repeated title
(the tests of what a title looks like are :mod:`gongwen.extract.text.title`)."""

from __future__ import annotations

from collections.abc import Callable

import regex

from ..._frozen import replace
from ..readers.raw import RawDocument
from .chars import SPACES, split_at
from .paragraphs import MARKER_START, Para, join_wrapped
from .title import forwarded, letterhead_end, looks_like_title, max_title, title_end


def split_title(paras: list[Para], indented: Callable[[Para], bool], known: str | None = None) -> list[Para]:
    """The report title as a paragraph of its own, when a dump ran it into the body's first
    words or wrapped it over two lines (see :mod:`gongwen.extract.text.title`).

    ``known`` is the title a web page's 标题： field gives: a first paragraph starting with it
    is cut after it, whatever its words.
    """
    k = next((i for i, p in enumerate(paras) if p.kind == "body"), None)
    if k is None or paras[k].outline_level is not None or MARKER_START.match(paras[k].chars.text):
        return paras
    p = paras[k]
    t = p.chars.text
    lh = letterhead_end(t)
    if lh is not None:
        # a letterhead (某县民政局文件 某民发〔2024〕3号) run into the title: a paragraph of its own
        head, rest = split_at(p.chars, lh)
        return paras[:k] + [replace(p, chars=head)] + split_title([Para(rest, page=p.page)] + paras[k + 1:], indented, known)
    fw = forwarded(t)
    if fw is not None and not known:
        return _split_forwarded(paras, k, *fw)
    if known and len(t) > len(known) and t.startswith(known):
        head, rest = split_at(p.chars, len(known))
        return paras[:k] + [replace(p, chars=head, title_cue=True), Para(rest, page=p.page)] + paras[k + 1:]
    end = title_end(t)
    q = paras[k + 1] if k + 1 < len(paras) and paras[k + 1].kind == "body" else None
    if end is not None and (end < len(t) or q is None or not _JOIN_START.match(q.chars.text)):
        if end == len(t):
            return paras  # the title is a paragraph already
        head, rest = split_at(p.chars, end)
        return paras[:k] + [replace(p, chars=head, title_cue=True), Para(rest, page=p.page)] + paras[k + 1:]
    if q is None or not looks_like_title(t) or indented(q) or MARKER_START.match(q.chars.text):
        return paras
    u = q.chars.text
    end = title_end(t + u)
    if end is not None and end > len(t):
        # "某县民政局2022年" + "工作总结及2023年工作思路…": one title, perhaps run into the body
        head, rest = split_at(q.chars, end - len(t))
        out = [replace(p, chars=join_wrapped([p.chars, head]), title_cue=True)]
        if rest.text:
            out.append(Para(rest, page=q.page))
        return paras[:k] + out + paras[k + 2:]
    if end is None and title_end(u) is None and len(t) + len(u) <= max_title() and not _TITLE_STOP.search(u) \
            and k + 2 < len(paras) and (indented(paras[k + 2]) or MARKER_START.match(paras[k + 2].chars.text)):
        # two short title lines, then a line break before an indented or numbered body
        return paras[:k] + [replace(p, chars=join_wrapped([p.chars, q.chars]), title_cue=True)] + paras[k + 2:]
    return paras


def _split_forwarded(paras: list[Para], k: int, end: int, titles: list[str]) -> list[Para]:
    """A notice forwarding a report: its title, and the forwarded report's title further down,
    each a paragraph of its own (a dump may run either into the text after it)."""
    out = paras[:k]
    p = paras[k]
    if end < len(p.chars.text):
        head, rest = split_at(p.chars, end)
        out += [replace(p, chars=head, title_cue=True), Para(rest, page=p.page)]
    else:
        out.append(replace(p, title_cue=True))
    for j in range(k + 1, min(len(paras), k + 12)):
        q = paras[j]
        t = q.chars.text
        title = next((x for x in titles if t.startswith(x)), None) if q.kind == "body" else None
        if title is None:
            continue
        if len(t) > len(title):
            head, rest = split_at(q.chars, len(title))
            return out + paras[k + 1:j] + [replace(q, chars=head, title_cue=True), Para(rest, page=q.page)] + paras[j + 1:]
        return out + paras[k + 1:j] + [replace(q, title_cue=True)] + paras[j + 1:]
    return out + paras[k + 1:]


def split_repeat(paras: list[Para], known: str | None) -> list[Para]:
    """A web page repeats its title above the report, sometimes run into the body's first words
    ("某县民政局2024年工作计划2024年，我局…"): the repeat is cut off too (metadata marks it)."""
    body = [i for i, p in enumerate(paras) if p.kind == "body"][:2]
    if len(body) < 2:
        return paras
    t = known or paras[body[0]].chars.text
    if not (known or paras[body[0]].title_cue or title_end(t) == len(t)):
        return paras
    k = body[1]
    u = paras[k].chars.text
    if len(u) <= len(t) or not u.startswith(t):
        return paras
    head, rest = split_at(paras[k].chars, len(t))
    return paras[:k] + [replace(paras[k], chars=head), Para(rest, page=paras[k].page)] + paras[k + 1:]


_JOIN_START = regex.compile(r"^(?:以及|和|及|暨|与|并)")
_TITLE_STOP = regex.compile(r"[，。；：！？,;:!?〔〕【】（）()\d]")


def indent_test(doc: RawDocument) -> Callable[[Para], bool]:
    """Whether a paragraph's first line is indented in the raw text (text dumps only)."""
    if doc.format != "text":
        return lambda p: False
    raw = doc.raw

    def indented(p: Para) -> bool:
        if not p.chars.src:
            return False
        i = p.chars.src[0]
        line_start = raw.rfind("\n", 0, i) + 1
        return i > line_start and not raw[line_start:i].strip(SPACES)

    return indented
