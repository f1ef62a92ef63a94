"""Labels of a figure: program, scope and metric, from the vocabulary and the figure's context.

The context of a figure at offset ``o`` is read (:mod:`.windows`) at three widths: its
*clause* (back to the last comma-like punctuation), its *sentence* (back to 。！？ or the paragraph
start, skipping closed parentheses) and its *paragraph*; plus the heading path.  The rules:

- program (:mod:`.programs`, from the mentions of :mod:`.mentions`): the innermost heading that
  names a program sets it; a mention in the sentence overrides it only for a declared sub-program
  (困难残疾人生活补贴 inside 残疾人两项补贴); with no program in the headings, the nearest mention
  to the left in the sentence, then in the paragraph, then the innermost heading's title.
- scope (:mod:`.scope`): an age or similar condition written before the number; a known
  category in the clause; a part label inside a breakdown "（城镇…，农村…）" or a 其中 list; a
  known category in the sentence outside closed parentheses or right after the number; else the
  jurisdiction.
- metric (:mod:`.metrics`): the first matching rule of ``metrics.yaml`` on the clause before the
  number, else a count noun, else a default by unit kind.

The items of a 分别 list (categories, programs, indicators) are read in :mod:`.enumerations` for
:mod:`.neighbours`, which distributes them over the values after it.  :class:`Labeller` holds what is
found once per document; its methods come from the mixins of those modules.
"""

from __future__ import annotations

from ...._data import rx
from ....model import Document, Heading
from ..context.enumerations import EnumerationMixin
from ..context.mentions import _Mention, program_mentions
from ..context.windows import ContextWindowMixin, _paren_pairs
from ..words.lexicon import scan_all
from ..words.vocab import Vocab
from .metrics import MetricMixin
from .places import jurisdiction
from .programs import ProgramMixin
from .scope import ScopeMixin
from .worklines import heading_lines, issuer_programs

__all__ = ["Labeller"]


class Labeller(ProgramMixin, EnumerationMixin, ContextWindowMixin, ScopeMixin, MetricMixin):
    """Labels figures of one document; precomputes mentions and headings once."""

    def __init__(self, doc: Document, vocab: Vocab, new_bureau: bool = False) -> None:
        """``new_bureau``: the issuer's bureau has no vocabulary file; its headings' work lines
        (:mod:`.worklines`) name its figures' programs."""
        self.doc = doc
        self.v = vocab
        self.new_bureau = new_bureau
        text = doc.text
        alias_hits, context_hits, scope_hits, indicator_hits = scan_all(
            text, [vocab.alias_re, vocab.context_re, vocab.scope_re, vocab.indicator_re])
        self.mentions: list[_Mention] = program_mentions(text, vocab, alias_hits, context_hits)
        # (the programs a new bureau's own name names: the whole its report is about, :mod:`.programs`)
        self.own_programs = issuer_programs(doc.metadata.issuer or "", vocab) if new_bureau else frozenset()
        self.mention_starts = [m.start for m in self.mentions]
        self._find_scope_hits(scope_hits, indicator_hits)
        self.heading_programs: dict[int, list[str]] = {}
        self.quantity_ends: list[int] = []  # ends of the number grammar's quantities (set by the assembler)
        self.scoped: list[tuple[int, str]] = []  # (start, scope) of the figures labelled so far (scope.py)
        self.heading_weak: dict[int, list[str]] = {}
        for h in doc.headings:
            progs: list[str] = []
            weak: list[str] = []
            for m in vocab.alias_re.finditer(h.title):
                if m.group() in vocab.foreign_generic:
                    continue
                p = vocab.alias_map[m.group()]
                into = weak if m.group() in vocab.weak else progs
                if p not in into:
                    into.append(p)
            self.heading_programs[h.span.start] = progs
            self.heading_weak[h.span.start] = weak
        self.work_lines, self.line_choices = heading_lines(
            [(h.span.start, h.title) for h in doc.headings], text,
            [(h.span.start, h.span.end) for h in doc.headings], doc.metadata.issuer or "") if new_bureau else ({}, {})
        self.para_starts = [p.span.start for p in doc.paragraphs]
        self.whole = jurisdiction(doc, vocab)
        self.partition_parts = frozenset().union(*self.v.partitions)
        self.heading_starts = [h.span.start for h in doc.headings]
        self._paths: dict[int, tuple[Heading, ...]] = {}
        self._clause_cache: dict[int, int] = {}
        self._breaks: list[int] | None = None  # where the clause punctuation stands (context/windows.py)
        self._cue_spans: tuple[list[int], list[int]] | None = None  # the breakdown cues' (programs.py)
        # every parenthesis pair, found once (positions of "（"/"(" and of their partners, -1 if
        # none): the context look-ups slice these instead of rescanning long sentences
        self._paren_opens, self._paren_closes = _paren_pairs(text)
        self._outside_cache: dict[tuple[int, int], list[tuple[int, int]]] = {}
        # sentence starts: paragraph starts and every position after 。！？
        starts = set(self.para_starts) | {m.end() for m in rx(r"[。！？!?\n]").finditer(text)}
        self.sentence_starts = sorted(starts | {0})
        self._source_breakdowns()
        self._reference_bases()
