"""Corpus commands that print stored text to the terminal never pass its control characters on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_corpus_export_to_stdout_shows_escape_sequences(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "r.txt").write_text("青禾县民政局2023年工作总结\n一、低保\n全县低保对象4826户，\x1b[2J发放低保金2875万元。\n", "utf-8")
    db = tmp_path / "c.sqlite"
    gw = [sys.executable, "-m", "gongwen.cli"]
    subprocess.run([*gw, "corpus", "build", str(folder), "-o", str(db)], check=True, capture_output=True)
    for fmt in ("csv", "jsonl"):
        out = subprocess.run([*gw, "corpus", "export", str(db), "--format", fmt, "--table", "figures"],
                             capture_output=True, check=True)
        assert b"\x1b" not in out.stdout and b"4826" in out.stdout
