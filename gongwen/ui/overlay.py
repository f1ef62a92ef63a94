"""Corrections a reviewer makes to extracted figures, kept beside the extraction, never in the source.

An overlay maps a figure id to the fields the reviewer changed (value, program, scope, metric,
kind, period).  Applying it gives a new :class:`~gongwen.figure.Extraction` whose figures carry
the corrected values; the source file and the stored extraction are left as they were.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ..figure import Extraction, Figure

OVERLAY_FILE = "overlay.json"
SCHEMA = "gongwen.ui.overlay"
VERSION = 1
LABELS = ("program", "scope", "metric", "period")
KINDS = ("actual", "target", "standard", "condition", "change", "completion", "share")


class CorrectionError(ValueError):
    """A correction that cannot be applied; the message is shown to the reviewer (Chinese)."""


def parse_value(raw: str) -> Decimal:
    """A number as a reviewer types it: commas and full-width digits allowed.

    >>> parse_value("１,234.5")
    Decimal('1234.5')
    """
    s = raw.strip().translate({0xFF10 + i: 0x30 + i for i in range(10)} | {0xFF0E: 0x2E, 0xFF0C: None, 0x2C: None})
    try:
        v = Decimal(s)
    except InvalidOperation:
        raise CorrectionError(f"“{raw}”不是数字") from None
    if not v.is_finite():
        raise CorrectionError(f"“{raw}”不是有限的数字")
    return v


@dataclass
class Overlay:
    """Figure id → changed fields (strings as entered; ``value`` a decimal string)."""

    figures: dict[str, dict[str, str | None]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.figures

    def set(self, fig: Figure, form: dict[str, str]) -> None:
        """Record the fields of ``form`` that differ from the extracted figure ``fig``."""
        change: dict[str, str | None] = {}
        raw = (form.get("value") or "").strip()
        if raw:
            v = parse_value(raw)
            if v != fig.value:
                change["value"] = str(v)
        for key in LABELS:
            if key in form:
                new = form[key].strip() or None
                if new != getattr(fig, key):
                    change[key] = new
        kind = form.get("kind")
        if kind:
            if kind not in KINDS:
                raise CorrectionError(f"未知的类型“{kind}”")
            if kind != fig.kind:
                change["kind"] = kind
        if change:
            self.figures[fig.id] = change
        else:
            self.figures.pop(fig.id, None)

    def reset(self, fid: str) -> None:
        self.figures.pop(fid, None)

    def apply(self, ext: Extraction) -> Extraction:
        """The extraction with every correction applied (figures the overlay names only)."""
        return Extraction(ext.document, tuple(self.apply_one(f) for f in ext.figures))

    def apply_one(self, f: Figure) -> Figure:
        change = self.figures.get(f.id)
        if not change:
            return f
        kw: dict[str, Any] = {k: v for k, v in change.items() if k in LABELS}
        if "kind" in change:
            kw["kind"] = change["kind"]
        if "value" in change and change["value"] is not None:
            v = Decimal(change["value"])
            kw["value"] = v
            if v % f.quantum:  # typed more digits than were printed: the precision is what was typed
                kw["quantum"] = Decimal(1).scaleb(v.normalize().as_tuple().exponent)  # type: ignore[arg-type]
        return dataclasses.replace(f, **kw)

    # -- storage: beside the extraction ----------------------------------------------------
    def save(self, folder: Path) -> None:
        data = {"schema": SCHEMA, "version": VERSION, "figures": self.figures}
        tmp = folder / (OVERLAY_FILE + ".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(folder / OVERLAY_FILE)

    @classmethod
    def load(cls, folder: Path) -> Overlay:
        try:
            data = json.loads((folder / OVERLAY_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(data, dict) or data.get("schema") != SCHEMA:
            return cls()
        figs = data.get("figures")
        return cls({str(k): dict(v) for k, v in figs.items() if isinstance(v, dict)} if isinstance(figs, dict) else {})
