"""Modules of a few hundred lines (STYLE 12): a module past 600 lines holds several jobs, and the
engineers who edit it at once collide in it.  Wave 20 split the five that had grown past it
(assemble, neighbours, facts, subsets, flows) by pure moves."""

from __future__ import annotations

from pathlib import Path

import gongwen

MOST = 600


def test_no_module_of_the_package_runs_past_600_lines() -> None:
    root = Path(gongwen.__file__).parent
    long = {p.relative_to(root).as_posix(): n for p in root.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MOST}
    assert long == {}
