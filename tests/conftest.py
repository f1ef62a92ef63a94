"""Shared fixtures: where the shared corpus is, and the bundled samples."""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import settings

# Property tests run the same examples on every machine: a green run stays green in CI (use
# HYPOTHESIS_PROFILE=explore to search with fresh random examples).
settings.register_profile("gongwen", derandomize=True, deadline=None)
settings.register_profile("explore", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "gongwen"))

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "gongwen" / "corpora" / "samples"


def make_samples() -> ModuleType:
    """The sample generator (``scripts/make_samples.py``, a script, not a package module) loaded
    once; its dataclasses look their module up in ``sys.modules`` under that name."""
    if "make_samples" in sys.modules:
        return sys.modules["make_samples"]
    spec = importlib.util.spec_from_file_location("make_samples", ROOT / "scripts" / "make_samples.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["make_samples"] = mod
    spec.loader.exec_module(mod)
    return mod


def sample_source(tmp_path_factory: pytest.TempPathFactory, gen: ModuleType, name: str, text: str) -> tuple[Path, Any]:
    """An invented report written as a ``.gw`` source into a fresh temporary folder, and the sample
    the generator ``gen`` parses from it: ``(source path, sample)``.  The caller passes the generator
    it lays the sample out with, so the sample's classes are that module's (another test may have
    loaded the script again since)."""
    src = tmp_path_factory.mktemp(name.split("-")[0]) / f"{name}.gw"
    src.write_text(text, encoding="utf-8")
    return src, gen.parse_source(src)


def bench_module(name: str) -> ModuleType:
    """A module of ``bench/`` (a folder of scripts, no package), imported as the benches import
    each other: with ``bench/`` on the path."""
    bench = str(ROOT / "bench")
    if bench not in sys.path:
        sys.path.insert(0, bench)
    return importlib.import_module(name)



def body_figures(issuer: str, body: str, kind: str, heading: str,
                 signed: str) -> dict[str, tuple[str | None, str | None]]:
    """Program and scope of every figure of an invented one-section report a body signs:
    the vocabulary tests of several bodies read the same shape of report, so it is built once."""
    from gongwen.extract.pipeline import document_from_text, extract

    text = f"{issuer}2025年{kind}\n一、{heading}\n{body}\n{issuer}\n{signed}"
    return {f.as_written: (f.program, f.scope) for f in extract(document_from_text(text)).figures}


def report_figures(report: str, sentence: str) -> dict:
    """The figures of an invented report template (``{}`` where its one sentence goes), by how each
    is written: the period tests of several sessions read the same shape of report."""
    from gongwen.extract.pipeline import document_from_text, extract

    return {f.as_written: f for f in extract(document_from_text(report.format(sentence))).figures}


def shared_dir() -> Path | None:
    """The shared corpus folder named by GONGWEN_SHARED; None when unset (tests then skip).

    When GONGWEN_SHARED is set (as CI does) but the corpus is missing, fail loudly instead of
    skipping, so a broken CI checkout cannot pass silently.
    """
    env = os.environ.get("GONGWEN_SHARED")
    if not env:
        return None
    p = Path(env)
    if not p.is_absolute():
        p = (ROOT / p).resolve()
    if not (p / "corpus").is_dir():
        raise RuntimeError(f"GONGWEN_SHARED={env} but {p / 'corpus'} does not exist")
    return p


@pytest.fixture(scope="session")
def shared() -> Path:
    p = shared_dir()
    if p is None:
        pytest.skip("GONGWEN_SHARED not set: shared-corpus tests skipped")
    return p


@pytest.fixture(scope="session")
def lianzhou(shared: Path) -> Path:
    return shared / "corpus" / "lianzhou-2020"
