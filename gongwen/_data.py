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


#: Nodes a YAML document may expand to once its aliases are followed (a 33 KB file of nested
#: aliases expands to billions: "billion laughs").  A vocabulary has a few thousand.
MAX_YAML_NODES = 1_000_000
#: Nesting depth of a YAML document.
MAX_YAML_DEPTH = 100


def parse_yaml(text: str, where: str, loader: Any = None) -> Any:
    """Parse YAML text safely; every problem is a one-line DataError naming ``where``.

    A syntax error names the line; a document whose aliases expand past ``MAX_YAML_NODES``
    nodes or that nests deeper than ``MAX_YAML_DEPTH`` is refused before it is built, so no
    consumer walks a billion-laughs tree.  ``loader`` (a SafeLoader subclass) replaces the
    default safe loader.

    >>> parse_yaml("a: &x [1, 2]\nb: *x", "t.yaml")
    {'a': [1, 2], 'b': [1, 2]}
    """
    ld = (loader or _Loader)(text)
    try:
        node = ld.get_single_node()
        if node is None:
            return None
        _check_expansion(node, where)
        try:
            return ld.construct_document(node)
        except (ValueError, OverflowError) as e:
            # A value PyYAML cannot build: a date such as 2025-13-45, an integer past Python's
            # 4,300 digits.  The constructor leaves the nodes it was building in
            # recursive_objects; the last one is the value that failed.
            if isinstance(e, DataError):
                raise
            building = list(getattr(ld, "recursive_objects", None) or ())
            line = f" at line {building[-1].start_mark.line + 1}" if building else ""
            problem = str(e).split(";")[0]
            raise DataError(f"a value YAML cannot build{line}: {problem}", where) from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f" at line {mark.line + 1}" if mark is not None else ""
        raise DataError(f"malformed YAML{line}: {' '.join(str(getattr(e, 'problem', None) or e).split())}",
                        where) from e
    except RecursionError:
        raise DataError(f"YAML nested more than {MAX_YAML_DEPTH} levels deep (MAX_YAML_DEPTH)", where) from None
    finally:
        ld.dispose()


def _check_expansion(root: Any, where: str) -> None:
    """Count the nodes ``root`` expands to (aliases followed), memoised per node; refuse past the
    limits.  Cycles (a recursive alias) count once per visit and are bounded by the depth.  A
    complex key is named by the key path of its mapping (``programs.低保``)."""
    sizes: dict[int, int] = {}

    def size(node: Any, depth: int, path: str) -> int:
        if depth > MAX_YAML_DEPTH:
            at = f"{path[:60]}…: " if len(path) > 60 else f"{path}: " if path else ""
            raise DataError(f"{at}YAML nested more than {MAX_YAML_DEPTH} levels deep (MAX_YAML_DEPTH)", where)
        known = sizes.get(id(node))
        if known is not None:
            return known
        n = 1
        if isinstance(node, yaml.SequenceNode):
            for i, child in enumerate(node.value):
                n += size(child, depth + 1, f"{path}[{i}]")
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, (yaml.SequenceNode, yaml.MappingNode)):
                    at = f"{path}: " if path else ""
                    raise DataError(f"{at}a list or mapping used as a mapping key at line {key.start_mark.line + 1}",
                                    where)
                inner = f"{path}.{key.value}" if path else str(key.value)
                n += size(key, depth + 1, path) + size(value, depth + 1, inner)
        if n > MAX_YAML_NODES:
            raise DataError(f"YAML expands to more than {MAX_YAML_NODES:,} nodes through its aliases "
                            "(MAX_YAML_NODES): refused", where)
        sizes[id(node)] = n
        return n

    size(root, 0, "")


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
