"""Figures: the number grammar (numbers, units, periods, changes), labels and tables."""

from __future__ import annotations

from .assemble import find_figures

__all__ = ["find_figures"]
