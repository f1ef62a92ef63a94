"""The one error hierarchy of gongwen.

Every error a user can cause (bad file, bad data, bad template) is a :class:`GongwenError`;
the CLI turns it into one line and exit code 2.  Subclasses also inherit the fitting builtin so
callers can catch ``ValueError``/``OSError`` as usual.
"""

from __future__ import annotations

from pathlib import Path


class GongwenError(Exception):
    """Base class of every error gongwen raises on purpose."""

    def __init__(self, message: str, path: str | Path | None = None) -> None:
        self.path = str(path) if path is not None else None
        self.reason = message
        super().__init__(f"{self.path}: {message}" if self.path else message)


class ReadError(GongwenError, ValueError):
    """A source document cannot be read (empty, corrupt, encrypted, scanned, bad encoding)."""


class LimitError(ReadError):
    """A source document exceeds one of the readers' budgets (size, nesting, repetition, ratio).

    The message names the limit (a constant of :mod:`gongwen.extract.readers.limits`), so a
    user with a genuine giant can see which one was hit.
    """


class DataError(GongwenError, ValueError):
    """Structured input (YAML/JSON data, vocabulary, document dump) is malformed."""


class TemplateError(GongwenError, ValueError):
    """A template cannot be loaded or rendered."""


class OutputError(GongwenError, OSError):
    """An output file cannot be written (exists without --force, unwritable directory)."""
