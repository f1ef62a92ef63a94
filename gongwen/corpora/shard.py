"""Shards of a corpus build: a deterministic partition of the input files by path hash.

``gongwen corpus build DIR --shard 2/3 -o part2.sqlite`` extracts the files whose path hashes
to shard 2 of 3; run the three shards anywhere (cron, ssh, a batch scheduler) and combine
them with ``gongwen corpus merge``.  The partition depends only on each file's absolute path,
so every machine must see the files under the same paths (shared storage) and the same
inputs; it does not depend on the other files present, so a new file never moves an old one
to another shard.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Sequence
from pathlib import Path

from ..errors import GongwenError

_SPEC = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")


def parse(spec: str) -> tuple[int, int]:
    """``"I/N"`` as ``(I, N)``, 1 ≤ I ≤ N.

    >>> parse("2/3")
    (2, 3)
    """
    m = _SPEC.fullmatch(spec)
    if not m:
        raise GongwenError(f"--shard expects I/N (shard I of N, e.g. 1/4), found {spec!r}")
    i, n = int(m[1]), int(m[2])
    if not 1 <= i <= n:
        raise GongwenError(f"--shard {spec}: I must be between 1 and N")
    return i, n


def shard_of(path: str | Path, n: int) -> int:
    """The shard (1 … ``n``) of a file: the first 8 bytes of the SHA-256 of its path, mod ``n``.

    >>> shard_of("/data/reports/2021.pdf", 3), shard_of("/data/reports/2021.pdf", 1)
    (1, 1)
    """
    digest = hashlib.sha256(os.fsencode(str(path))).digest()
    return int.from_bytes(digest[:8], "big") % n + 1


def restrict(shard: tuple[int, int], paths: Sequence[Path], problems: Sequence[tuple[str, str]],
             duplicates: Sequence[tuple[str, str]]) -> tuple[list[Path], list[tuple[str, str]], list[tuple[str, str]]]:
    """What :func:`~gongwen.corpora.build.find_reports` found, kept to one shard.

    A second path to a file goes with the path that is stored, so the shard that stores the
    file also reports its duplicates.
    """
    i, n = shard
    return ([p for p in paths if shard_of(p, n) == i],
            [(p, why) for p, why in problems if shard_of(p, n) == i],
            [(p, first) for p, first in duplicates if shard_of(first, n) == i])
