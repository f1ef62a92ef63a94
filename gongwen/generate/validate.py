"""Shared validation of data files: one-line errors naming the file, the key path and the problem.

Used by the report data format (:mod:`.schema`) and a draft's values file
(:mod:`.redraft.values`).  Misspelt keys get a "did you mean", impossible dates say why,
quoted years are refused with the fix.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ..errors import DataError
from .data_file import read_data_file

_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def show(x: Any) -> str:
    """A value as a message shows it: text quoted (long text cut), containers by type."""
    if isinstance(x, str):
        return repr(x) if len(x) <= 60 else repr(x[:57] + "…")
    if isinstance(x, dict):
        return "a mapping"
    if isinstance(x, list):
        return "a list"
    if x is None:
        return "nothing"
    r = repr(x)
    return r if len(r) <= 60 else r[:57] + "…"


def decimal_value(x: Any, kp: str, fail: Any) -> Decimal:
    """``x`` as an exact finite Decimal, else ``fail(kp, problem)`` raised (YAML floats by repr)."""
    if isinstance(x, bool) or not isinstance(x, (int, float, str, Decimal)):
        raise fail(kp, f"expected a number, got {show(x)}")
    s = repr(x) if isinstance(x, float) else str(x).strip()
    if not _NUMBER.match(s) and not (isinstance(x, float) and "e" in s.lower()):
        raise fail(kp, f"expected a number, got {show(x)}")
    try:
        d = Decimal(s)
    except InvalidOperation as e:  # pragma: no cover - guarded by the pattern
        raise fail(kp, f"expected a number, got {show(x)}") from e
    if not d.is_finite():
        raise fail(kp, f"expected a finite number, got {show(x)}")
    return d


def suggest(word: str, choices: Iterable[str]) -> str | None:
    """The closest known word to a misspelt one, if any is close.

    >>> suggest("previuos", ["value", "previous", "period"])
    'previous'
    """
    hit = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return hit[0] if hit else None


def parse_date(x: Any) -> _dt.date | str:
    """A date, or the reason it is not one (for the message).

    >>> parse_date("2025-02-30")
    'February 2025 has 28 days'
    >>> parse_date("2025-12-20")
    datetime.date(2025, 12, 20)
    >>> parse_date("0000-01-01")
    'there is no year 0000 in a report'
    """
    if isinstance(x, _dt.datetime):
        return x.date()
    if isinstance(x, _dt.date):
        return x
    m = _ISO.match(str(x).strip())
    if not m:
        return "expected a date YYYY-MM-DD"
    y, mo, d = (int(g) for g in m.groups())
    if not 1 <= mo <= 12:
        return f"there is no month {mo}"
    if not _dt.MINYEAR <= y <= _dt.MAXYEAR - 1:
        return f"there is no year {y:04d} in a report"
    try:
        return _dt.date(y, mo, d)
    except ValueError:
        last = ((_dt.date(y + (mo == 12), mo % 12 + 1, 1)) - _dt.timedelta(days=1)).day
        return f"{_dt.date(y, mo, 1):%B %Y} has {last} days"


class Checker:
    """Validation helpers bound to one file (every error names it)."""

    def __init__(self, file: str) -> None:
        self.file = file

    def fail(self, key_path: str, problem: str) -> DataError:
        return DataError(f"{key_path}: {problem}" if key_path else problem, self.file)

    def load(self, path: str | Path) -> Any:
        raw = read_data_file(Path(path))
        if raw is None:
            raise self.fail("", "the file is empty")
        return raw

    def suggest(self, word: str, choices: Iterable[str]) -> str | None:
        return suggest(word, choices)

    def mapping(self, x: Any, kp: str) -> dict[str, Any]:
        if not isinstance(x, dict):
            raise self.fail(kp, f"expected a mapping, got {show(x)}")
        for k in x:
            if not isinstance(k, str):
                raise self.fail(kp, f"keys must be text, got {show(k)}")
        return x

    def keys(self, d: dict[str, Any], allowed: set[str], kp: str) -> None:
        """Refuse unknown keys, suggesting the nearest known one."""
        for k in d:
            if k in allowed:
                continue
            near = suggest(k, allowed)
            where = f"{kp}.{k}" if kp else k
            hint = f"did you mean {near!r}?" if near else f"expected one of {', '.join(sorted(allowed))}"
            raise self.fail(where, f"unknown key; {hint}")

    def number(self, x: Any, kp: str) -> Decimal:
        return decimal_value(x, kp, self.fail)

    def year(self, x: Any, kp: str) -> int:
        if isinstance(x, str) and re.fullmatch(r"\s*\d{4}\s*", x):
            raise self.fail(kp, f"write the year as a number ({x.strip()}), not quoted text ({x!r})")
        if isinstance(x, bool) or not isinstance(x, int) or not 1949 <= x <= 2200:
            raise self.fail(kp, f"expected a four-digit year, got {show(x)}")
        return x

    def date(self, x: Any, kp: str) -> str | None:
        if x is None or (isinstance(x, str) and not x.strip()):
            return None
        d = parse_date(x)
        if isinstance(d, str):
            raise self.fail(kp, f"{d}, got {show(x if not isinstance(x, _dt.date) else str(x))}")
        return d.isoformat()
