"""Reading a report's data file: YAML or JSON parsed strictly, and screened before validation.

Duplicate keys are refused, dates stay text until the validator reads them, integers have no
size limit while parsing (an over-long number is refused with its key path by :func:`screen`),
and every syntax error is one :class:`~gongwen.errors.DataError` with the file and line.
"""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from .._data import MAX_YAML_DEPTH, parse_yaml
from ..errors import DataError

#: Significant digits (and integer digits) a number in report data may have: values scaled to
#: the base unit (×10⁸ for 亿元) stay exact in Decimal's 28-digit arithmetic, and 10¹⁸ is far
#: past any figure of a report.
MAX_DIGITS = 18


class DataLoader(yaml.SafeLoader):
    """SafeLoader for data files: duplicate keys refused, dates kept as text, no integer limit.

    Used through :func:`gongwen._data.parse_yaml`, which refuses alias fan-out, deep nesting and
    complex keys before anything is built.
    """


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: dict[Any, Any] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen[key] = True
    return loader.construct_mapping(node, deep=deep)


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int | Decimal:
    # Python refuses to convert a decimal integer past 4,300 digits (a bare ValueError); such a
    # number becomes a Decimal, which the validator refuses with its key path (MAX_DIGITS).
    try:
        return loader.construct_yaml_int(node)  # type: ignore[no-any-return]
    except ValueError:
        try:
            return Decimal(str(node.value).replace("_", ""))
        except InvalidOperation:
            raise yaml.constructor.ConstructorError(None, None, "an integer too long to read",
                                                    node.start_mark) from None


DataLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
DataLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
# Dates stay text until the validator reads them: PyYAML would raise a bare ValueError on an
# impossible date such as 2025-02-30, and the validator says why it is impossible.
DataLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_scalar)


def _json_int(s: str) -> int | Decimal:
    return int(s) if len(s) <= 4000 else Decimal(s)


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise DataError(f"duplicate key {k!r}")
        out[k] = v
    return out


def parse_text(text: str, path: str = "<data>") -> Any:
    """Parse YAML or JSON text; a syntax error becomes one DataError with file and line."""
    if path.endswith(".json"):
        try:
            return json.loads(text, parse_int=_json_int, object_pairs_hook=_json_object)
        except json.JSONDecodeError as e:
            raise DataError(f"line {e.lineno}, column {e.colno}: invalid JSON: {e.msg}", path) from e
        except DataError as e:
            raise DataError(f"invalid JSON: {e.reason}", path) from e
        except RecursionError:
            raise DataError(f"JSON nested more than {MAX_YAML_DEPTH} levels deep (MAX_YAML_DEPTH)", path) from None
    try:
        return parse_yaml(text, path, loader=DataLoader)
    except DataError as e:
        cause = e.__cause__
        if not isinstance(cause, yaml.MarkedYAMLError):
            raise
        mark = cause.problem_mark or cause.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = " ".join(x for x in (cause.context, cause.problem) if x)
        raise DataError(f"{where}invalid YAML: {problem}", path) from cause


def screen(raw: Any, file: str, kp: str = "", depth: int = 0) -> None:
    """Refuse, with its key path, what no validator should walk: nesting past ``MAX_YAML_DEPTH``
    (data given as a mapping or JSON; YAML is refused while parsing) and numbers past
    ``MAX_DIGITS`` digits anywhere (a 5,000-digit integer cannot even be printed by Python).

    >>> screen({"a": [1, 2.5, "x"]}, "d.yaml")
    >>> screen({"a": [1, 10 ** 30]}, "d.yaml")
    Traceback (most recent call last):
    ...
    gongwen.errors.DataError: d.yaml: a[1]: a number of 31 digits; a figure has at most 18 (MAX_DIGITS)
    """
    if depth > MAX_YAML_DEPTH:
        at = kp if len(kp) <= 60 else kp[:60] + "…"
        raise DataError(f"{at}: nested more than {MAX_YAML_DEPTH} levels deep (MAX_YAML_DEPTH)", file)
    if isinstance(raw, dict):
        for k, v in raw.items():
            screen(v, file, f"{kp}.{k}" if kp else str(k), depth + 1)
    elif isinstance(raw, list):
        for i, v in enumerate(raw):
            screen(v, file, f"{kp}[{i}]", depth + 1)
    elif isinstance(raw, (int, float, Decimal)) and not isinstance(raw, bool):
        d = Decimal(raw) if isinstance(raw, int) else Decimal(repr(raw)) if isinstance(raw, float) else raw
        problem = too_many_digits(d)
        if problem:
            raise DataError(f"{kp}: {problem}" if kp else problem, file)


def too_many_digits(d: Decimal) -> str | None:
    """Why a number is too long for a report's data, or None.

    >>> too_many_digits(Decimal("2875.4163")), too_many_digits(Decimal("1E+20"))
    (None, 'a number of 21 digits; a figure has at most 18 (MAX_DIGITS)')
    """
    if not d.is_finite():
        return None
    t = d.as_tuple()
    digits = t.digits
    while len(digits) > 1 and digits[-1] == 0:  # trailing zeros of 5230.00 are not precision
        digits = digits[:-1]
    n = max(len(digits), d.adjusted() + 1)
    return f"a number of {n:,} digits; a figure has at most {MAX_DIGITS} (MAX_DIGITS)" if n > MAX_DIGITS else None


def read_data_file(path: Path) -> Any:
    """A YAML or JSON data file, parsed (None when empty); one-line errors name the file."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as e:
        raise DataError("no such file", path) from e
    except UnicodeDecodeError as e:
        raise DataError(f"not UTF-8 text (byte {e.start})", path) from e
    return parse_text(text, str(path))
