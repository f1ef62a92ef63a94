#!/usr/bin/env python3
"""Save a search-tool excerpt of a real page exactly, for judging or scoring.

usage: save_excerpt.py ID JSONFILE [FOLDER]

``JSONFILE`` holds the excerpt as the search tool printed it: one JSON string literal, quotes and
escapes included (write it with a quoted heredoc so the shell expands nothing).  The excerpt is
written to ``FOLDER/ID.txt`` (default ``$GONGWEN_REAL`` or ``/work/scratch/real``) without a
trailing newline, and its sha256 and length in characters are printed — the two columns
``pages.tsv`` records; ``score_real.py`` and ``check_real.py`` read a page only when they match.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    if len(argv) not in (3, 4):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    pid, literal = argv[1], Path(argv[2])
    folder = Path(argv[3] if len(argv) == 4 else os.environ.get("GONGWEN_REAL", "/work/scratch/real"))
    try:
        text = json.loads(literal.read_text(encoding="utf-8").strip())
    except (OSError, ValueError) as e:
        print(f"save_excerpt: {literal}: not one JSON string literal ({e})", file=sys.stderr)
        return 2
    data = str(text).encode("utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{pid}.txt").write_bytes(data)
    print(pid, hashlib.sha256(data).hexdigest(), len(str(text)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
