"""The consistency checker: do the figures a report states add up?

``check(path_or_extraction) -> Report``: relations are discovered from explicit cues in the
text (breakdowns, 其中, 合计, 由…提高至…提高了…, 救助水平, 分别增加…) and from labels (the same
fact stated twice), then evaluated with interval arithmetic on each figure's printed precision.
Passing checks are kept, so a report is also an audit trail of what was verified.

The pipeline (:mod:`.engine`), one sub-package per stage:

- :mod:`.reading` — what reads the document into facts: where figures stand in the text
  (``textindex``), what each names (``mentions``, ``distinct``), the relation candidate
  (``relations``);
- the relation families, each yielding candidates: :mod:`.sums` (sums and parts, 其中, 合计,
  flows), :mod:`.proportions` (rates, shares, levels), :mod:`.growth` (changes and growth),
  :mod:`.repeats` (the same fact stated twice, tables restated in the text), :mod:`.tabular`
  (relations a table's layout states);
- :mod:`.evaluation` — interval arithmetic, verdicts, slips of the pen, document-level rules,
  and the findings and report;
- :mod:`.output` — text/JSON, HTML, SARIF and .docx comment renderers; :mod:`.cli` the verb.
"""

from __future__ import annotations

import sys
import types
from pathlib import Path

from ..figure import Extraction
from ..model import Document
from .engine import check_extraction
from .evaluation.findings import Finding, Relation, Report, codes

__all__ = ["Finding", "Relation", "Report", "check", "check_extraction", "codes"]

Source = str | Path | Document | Extraction


def check(source: Source) -> Report:
    """Check a report (a path, a read Document, or an Extraction) and return its findings."""
    if isinstance(source, Extraction):
        ext = source
    else:
        from ..extract.pipeline import extract

        ext = extract(source)
    return check_extraction(ext)


class _CallableModule(types.ModuleType):
    """``gongwen.check`` is both this package and the verb: once the package is imported, the
    attribute ``gongwen.check`` is the module, so the module itself must be callable."""

    def __call__(self, source: Source) -> Report:
        return check(source)


sys.modules[__name__].__class__ = _CallableModule
