"""The relation bench counts a planted error found whichever way the finding holds its old value.

A stated change (较上年的 1,058 宗增加 78 宗) has its old value either as the checker's
``<id>.previous`` or as an extracted figure of its own; a relation that holds is verified under
both readings, and a planted error must be found under both too, or the bench reports a miss the
checker did not make.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _bench():
    sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location("relations_eval_t", BENCH / "relations_eval.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # its dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


def test_planted_change_found_on_the_old_value_figure() -> None:
    rel = _bench()
    g = rel.Gold("R3", "change", "F5 = F4 - prev(F4)", False, "", ["F5", "F4", "prev:F4"])
    ids = {"F4": "f7", "F5": "f9"}
    olds = {"F4": "f8"}
    wants = rel.planted_wants(g, ids, olds)
    assert wants == [frozenset({"f9", "f7", "f7.previous"}), frozenset({"f9", "f7", "f8"})]
    finding = frozenset({"f7", "f8", "f9"})
    assert any(rel._on(finding, w) for w in wants)
    assert not rel._on(finding, wants[0])


def test_planted_without_old_value_has_one_reading() -> None:
    rel = _bench()
    g = rel.Gold("R1", "sum", "F1 = F2 + F3", False, "", ["F1", "F2", "F3"])
    wants = rel.planted_wants(g, {"F1": "f1", "F2": "f2", "F3": "f3"}, {})
    assert wants == [frozenset({"f1", "f2", "f3"})]
