"""Findings and reports: what the checker verified, what failed, and how sure it is.

Codes, names and default severities come from one table (``data/codes.yaml``); tests assert
codes, never message texts.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from ..._data import package_yaml
from ...errors import DataError
from ...figure import Figure
from ...model import SourceMap, Span
from .intervals import DATA

Severity = Literal["error", "warning", "info"]
Status = Literal["inconsistent", "consistent", "weak", "not_checkable"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
STATUSES: tuple[Status, ...] = ("inconsistent", "consistent", "weak", "not_checkable")


@dataclass(frozen=True)
class CodeInfo:
    """One row of the code table."""

    code: str
    name: str
    severity: Severity
    title: str
    family: str


@cache
def codes() -> dict[str, CodeInfo]:
    """The code table, loaded once from ``data/codes.yaml``."""
    path = DATA / "codes.yaml"
    raw = package_yaml("gongwen.check", "data/codes.yaml")
    out: dict[str, CodeInfo] = {}
    for code, row in raw.items():
        if row.get("severity") not in SEVERITIES:
            raise DataError(f"code {code}: severity {row.get('severity')!r} not in {SEVERITIES}", path)
        out[code] = CodeInfo(code, row["name"], row["severity"], row["title"], row.get("family", ""))
    return out


def code_info(code: str) -> CodeInfo:
    try:
        return codes()[code]
    except KeyError:
        raise DataError(f"unknown finding code {code!r}", DATA / "codes.yaml") from None


@dataclass(frozen=True)
class Relation:
    """How the checked figures relate: a kind, a trigger, whether it was stated or inferred.

    ``intervals`` holds the computed and stated intervals as decimal strings (name -> [lo, hi]);
    ``hints`` short machine tags (``transposition``, ``scale``, ``rounding``, ``hedged``);
    ``reading`` the reading that decided the verdict.
    """

    kind: str
    trigger: str = ""
    explicit: bool = True
    exhaustive: bool | None = None
    intervals: tuple[tuple[str, tuple[str | None, str | None]], ...] = ()
    hints: tuple[str, ...] = ()
    reading: str = "strict"

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "trigger": self.trigger, "explicit": self.explicit,
                "exhaustive": self.exhaustive, "reading": self.reading,
                "intervals": {k: list(v) for k, v in self.intervals}, "hints": list(self.hints)}


@dataclass(frozen=True)
class Finding:
    """One check: code, severity, status, a Chinese message showing the arithmetic, and where.

    ``figures`` are the operands (the first is the primary location: the figure most likely
    wrong or the stated one); ``spans`` their spans plus any cue or heading span; ``expected``
    and ``actual`` are what the relation computes and what the text states, as display strings.
    """

    code: str
    severity: Severity
    status: Status
    message: str
    figures: tuple[Figure, ...] = ()
    spans: tuple[Span, ...] = ()
    expected: str | None = None
    actual: str | None = None
    relation: Relation = field(default_factory=lambda: Relation("none"))
    section: tuple[str, ...] = ()
    sentence: Span | None = None

    @property
    def name(self) -> str:
        return code_info(self.code).name

    @property
    def problem(self) -> bool:
        """True for findings a reader must look at (inconsistent, or a warning of any status)."""
        return self.status == "inconsistent" or self.severity in ("error", "warning")

    @property
    def primary_span(self) -> Span | None:
        return self.spans[0] if self.spans else None

    def fingerprint(self) -> str:
        """A hash of rule, labels and literals (not offsets), stable across edits elsewhere."""
        parts = [self.code, self.relation.kind, "/".join(self.section)]
        parts += [f"{f.program}|{f.scope}|{f.metric}|{f.period}|{f.unit}|{f.as_written}" for f in self.figures]
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]

    def to_json(self, text: str | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "status": self.status,
            "message": self.message,
            "expected": self.expected,
            "actual": self.actual,
            "section": list(self.section),
            "spans": [s.to_json() for s in self.spans],
            "figures": [{"id": f.id, "as_written": f.as_written, "value": str(f.value), "unit": f.unit,
                         "span": f.span.to_json()} for f in self.figures],
            "relation": self.relation.to_json(),
            "fingerprint": self.fingerprint(),
        }
        if text is not None and self.sentence is not None:
            out["sentence"] = self.sentence.slice(text)
        return out


@dataclass(frozen=True)
class Report:
    """All findings of one document, in text order, with summary counts."""

    findings: tuple[Finding, ...]
    path: str | None = None
    text: str = ""
    figures: tuple[Figure, ...] = ()  # every figure of the document, for coverage
    source: SourceMap | None = field(default=None, repr=False, compare=False)  # raw file positions

    @property
    def verified_figures(self) -> tuple[Figure, ...]:
        """Figures that took part in at least one relation verified consistent (a relation of two
        or more figures: a rate merely inside 0–100 % verifies nothing)."""
        ids = {g.id.split(".")[0] for f in self.passed if len(f.figures) >= 2 for g in f.figures if g.id}
        return tuple(f for f in self.figures if f.id in ids)

    @property
    def unchecked(self) -> tuple[Figure, ...]:
        """Figures no verified relation covers: "0 errors" says nothing about them."""
        ids = {f.id for f in self.verified_figures}
        return tuple(f for f in self.figures if f.id not in ids)

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "error" and f.status == "inconsistent")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "warning" and f.status != "consistent")

    @property
    def infos(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "info" and f.status != "consistent")

    @property
    def passed(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.status == "consistent")

    @property
    def problems(self) -> tuple[Finding, ...]:
        """Errors and warnings: what a reviewer must look at."""
        return self.errors + self.warnings

    def by_code(self, code: str) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.code == code)

    @property
    def summary(self) -> dict[str, int]:
        s = {"errors": len(self.errors), "warnings": len(self.warnings), "infos": len(self.infos)}
        for st in STATUSES:
            s[st] = sum(1 for f in self.findings if f.status == st)
        s["explicit_consistent"] = sum(1 for f in self.findings
                                       if f.status == "consistent" and f.relation.explicit)
        s["figures"] = len(self.figures)
        s["figures_verified"] = len(self.verified_figures)
        return s

    def summary_line(self) -> str:
        """One line in Chinese: 2 处错误、3 处存疑、1 处提示；已核验 24 组数量关系 …"""
        s = self.summary
        return (f"{s['errors']} 处错误、{s['warnings']} 处存疑、{s['infos']} 处提示；"
                f"已核验 {s['consistent']} 组数量关系一致，{s['weak']} 组因精度不足仅弱一致，"
                f"{s['not_checkable']} 组无法核验"
                + (f"；{s['figures']} 个数字中 {s['figures_verified']} 个经关系核验" if s["figures"] else ""))

    def to_json(self, show_passed: bool = True) -> dict[str, Any]:
        fs = self.findings if show_passed else tuple(f for f in self.findings if f.status != "consistent")
        return {"schema": "gongwen.check", "version": 1, "path": self.path, "summary": self.summary,
                "findings": [f.to_json(self.text or None) for f in fs],
                "unchecked": [{"id": f.id, "as_written": f.as_written, "span": f.span.to_json()}
                              for f in self.unchecked]}
