"""Shared helpers for the package's data files and for valuing Chinese numerals.

YAML goes through libyaml's C loader when it is available (ten times faster than the pure
Python one, which matters for a cold ``gongwen extract``); cn2an is imported on first use
only, since importing it costs about 0.4 s.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from .errors import DataError

try:  # pragma: no cover - depends on how PyYAML was built
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


def parse_yaml(text: str, where: str) -> Any:
    """Parse YAML text; a syntax error becomes a one-line DataError naming ``where`` and the line."""
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f" at line {mark.line + 1}" if mark is not None else ""
        raise DataError(f"malformed YAML{line}: {getattr(e, 'problem', None) or e}", where) from e


@lru_cache(maxsize=32)
def package_yaml(package: str, name: str) -> Any:
    """A YAML data file shipped inside a package (parsed once per process)."""
    return parse_yaml(resources.files(package).joinpath(name).read_text("utf-8"), name)


@lru_cache(maxsize=4096)
def cn_number(s: str, mode: str = "smart") -> Decimal:
    """The value of a Chinese numeral span, through cn2an (imported on first use).

    >>> cn_number("一万二千"), cn_number("三")
    (Decimal('12000'), Decimal('3'))
    """
    import cn2an

    return Decimal(str(cn2an.cn2an(s, mode)))


@lru_cache(maxsize=512)
def rx(pattern: str, flags: int = 0) -> Any:
    """A compiled ``regex`` pattern, cached: a dict lookup instead of the module's slower
    per-call cache (which hashes enum flags on every call)."""
    import regex

    return regex.compile(pattern, flags)


@contextmanager
def few_collections() -> Iterator[None]:
    """Raise the garbage collector's first threshold while a document is read and built.

    Reading, cleaning and labelling allocate many short-lived containers and no reference
    cycles that matter; collecting every 700 allocations costs a fifth of the run or more (more
    when many objects are alive).  The previous thresholds are restored afterwards.
    """
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], 20000), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)
