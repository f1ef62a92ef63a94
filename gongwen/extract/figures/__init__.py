"""Figures: the number grammar, a figure's context and labels, and tables.

``assemble.find_figures`` runs the stage: ``grammar/`` finds the literals, ``context/`` and
``words/`` give what the labeller reads, ``labels/`` names each figure's program, scope, metric
and kind, and ``tables`` does the same for table cells.
"""

from __future__ import annotations

from .assemble import find_figures

__all__ = ["find_figures"]
