"""Shared helpers for the package's data files and for valuing Chinese numerals.

YAML goes through libyaml's C loader when it is available (ten times faster than the pure
Python one, which matters for a cold ``gongwen extract``); cn2an is imported on first use
only, since importing it costs about 0.4 s.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from functools import cache, lru_cache
from importlib import resources
from types import SimpleNamespace
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


# (every file stays parsed: a cache of 32 held fewer than the 38 files extraction reads, so one of
# them, titles.yaml, was parsed again for every document of a run)
@cache
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
    """A compiled pattern, cached: a dict lookup instead of the module's slower per-call cache
    (which hashes enum flags on every call).

    The pattern means what it means in ``regex``; it is compiled with the standard library's
    ``re`` when that engine matches exactly the same (:func:`stdlib_form`), which costs about half
    as much per call — most calls search a clause or a phrase.  A pattern or alternative that
    opens on a lookbehind stays with ``regex``: the standard engine would try it at every position.
    """
    if not flags and not pattern.startswith("(?<") and "|(?<" not in pattern:
        std = stdlib_form(pattern)
        if std is not None:
            try:
                return re.compile(std)
            except re.error:
                pass  # a lookbehind of variable width, a group name used twice
    import regex

    return regex.compile(pattern, flags)


def group_numbers(pattern: Any) -> Any:
    """A pattern's group numbers by name, as attributes (``group_numbers(p).unit``).

    A ``regex`` match reads a group's name only after failing to read it as a number — a
    TypeError raised and cleared, about a thousand instructions a look-up — so the look-ups made
    for every number of a page pass the group's number.

    >>> g = group_numbers(rx(r"(?P<a>x)(?P<b>y)?"))
    >>> g.a, g.b
    (1, 2)
    """
    return SimpleNamespace(**pattern.groupindex)


# ``regex``'s \d and \s written for the standard library, character for character: the stdlib's
# \d misses the digits Unicode added after its tables (Kawi, Nag Mundari …, all beyond the
# BMP), and its \s also holds the separators \x1c-\x1f (tests/test_rx_engine.py checks both
# against every code point).
_REGEX_DIGIT = (r"\d\U00010d40-\U00010d49\U000116d0-\U000116e3\U00011bf0-\U00011bf9\U00011de0-\U00011de9"
                r"\U00011f50-\U00011f59\U00016130-\U00016139\U00016d70-\U00016d79\U0001ccf0-\U0001ccf9"
                r"\U0001e4f0-\U0001e4f9\U0001e5f1-\U0001e5fa")
_REGEX_SPACE = r"\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_REPEAT = re.compile(r"\{(?:\d+|\d*,\d*)\}")
_GROUP_OPENS = ("(?:", "(?=", "(?!", "(?<=", "(?<!", "(?P<", "(?P=")


def stdlib_form(pattern: str) -> str | None:
    r"""``pattern`` (``regex`` syntax, no flags) written for ``re`` to match exactly the same, or
    None when it uses what the two read differently or what only ``regex`` has: \p{…}, \w, \b,
    inline flags, nested sets and set operations, fuzzy matching or other braces than a repeat.
    Literals, escaped punctuation, classes, groups, lookarounds, backreferences, ^ $ \A \Z, and
    \d and \s spelled out as ``regex`` has them, mean the same in both.  (A set the standard
    library would read otherwise — [[, --, &&, ||, ~~ — is refused here: it only warns.)

    >>> stdlib_form(r"合计|共计"), stdlib_form(r"[\p{Han}]+"), stdlib_form(r"(?r)的$")
    ('合计|共计', None, None)
    """
    out: list[str] = []
    i, n, in_set = 0, len(pattern), False
    while i < n:
        c = pattern[i]
        if c == "\\":
            e = pattern[i + 1:i + 2]
            if e == "d":
                out.append(_REGEX_DIGIT if in_set else f"[{_REGEX_DIGIT}]")
            elif e == "s":
                out.append(_REGEX_SPACE if in_set else f"[{_REGEX_SPACE}]")
            elif e and (e in "ntrfvxuU" or not e.isascii() or not e.isalnum()
                        or not in_set and e in "AZ123456789"):
                out.append(c + e)  # (a digit in a set would be an octal escape: refused)
            else:
                return None
            i += 2
        elif in_set:
            if c == "[" or c in "-&|~" and pattern.startswith(c + c, i):
                return None  # a nested set or a set operation
            in_set = c != "]"
            out.append(c)
            i += 1
        elif c == "[":
            j = i + 2 if pattern.startswith("[^", i) else i + 1
            if pattern.startswith("]", j):
                return None  # a ] opening a set
            out.append(pattern[i:j])
            in_set, i = True, j
        elif c == "(" and pattern.startswith("(?", i) and not pattern.startswith(_GROUP_OPENS, i):
            return None  # inline flags, atomic and branch-reset groups, recursion, comments
        elif c == "{":
            m = _REPEAT.match(pattern, i)
            if m is None:
                return None  # fuzzy matching, or a brace the two read differently
            out.append(m.group())
            i = m.end()
        else:
            out.append(c)
            i += 1
    return "".join(out)


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
