"""A corpus build over hostile files always finishes (issue 12).

A folder holding a reference-loop PDF, a self-drawing XObject, an oversized figure, a FIFO, a
link to /dev/zero, a file that takes too long, copies and links of one report, and a
pdftotext dump with form feeds: the build records every hostile file with its reason,
extracts the good ones, stores copies once, and the database exports to every format.
"""

from __future__ import annotations

import json
import os
import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any

import hostile_files as H
import pytest
from fixtures.hang_clock import attempts, hang, write_logged

from gongwen.corpora import build_corpus, connect, export
from gongwen.corpora.worker import dec, exact

TESTS = Path(__file__).resolve().parent

REPORT = ("白沙县民政局2024年工作总结\n"
          "2024年，县民政局全面落实社会救助政策。\n"
          "一、城乡低保\n"
          "自2024年1月起，城镇低保标准由每人每月600元提高到640元。\n"
          "白沙县民政局\n2024年12月1日\n")
DUMP = REPORT.replace("一、城乡低保\n", "\f一、城乡低保\n") + "\f"  # pdftotext separates pages by form feeds
HUGE = REPORT.replace("640元。", "640元。全年发放救助资金99999999999999999999元。")


#: Per-file timeout of the hostile builds, read on a clock that passes only when ``slow.txt`` has
#: begun to hang (:class:`~fixtures.hang_clock.HangClock`, one worker): no ordinary file, nor a
#: PDF that fails by its own limits, is late whatever the machine's load; ``slow.txt`` hangs for
#: an hour, so only the timeout ends it.
TIMEOUT = 60


def slow_extract(path: str) -> Any:
    """The real extractor, except that a file named ``*slow*`` hangs (noting that it began)."""
    from gongwen.extract.pipeline import extract

    if "slow" in Path(path).name:
        hang(path)
    return extract(path)


def hungry_extract(path: str) -> Any:
    """The real extractor, except that a file named ``*hungry*`` asks for 8 GB."""
    from gongwen.extract.pipeline import extract

    if "hungry" in Path(path).name:
        bytearray(8 << 30)
    return extract(path)


@pytest.fixture(scope="module")
def hostile_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("hostile") / "in"
    (d / "sub").mkdir(parents=True)
    (d / "good.txt").write_text(REPORT, encoding="utf-8")
    (d / "dump.txt").write_text(DUMP, encoding="utf-8")
    (d / "huge.txt").write_text(HUGE, encoding="utf-8")
    (d / "loop.pdf").write_bytes(H.pdf_ref_loop("contents"))
    (d / "forms.pdf").write_bytes(H.pdf_self_xobject())
    write_logged(d / "slow.txt", d.parent / "hang.log", REPORT.replace("600元", "610元"))
    (d / "sub" / "copy.txt").write_text(REPORT, encoding="utf-8")  # same bytes as good.txt
    (d / "zlink.txt").symlink_to(d / "good.txt")  # same real file as good.txt
    os.mkfifo(d / "fifo.txt")
    (d / "zero.txt").symlink_to("/dev/zero")
    return d


@pytest.fixture(scope="module")
def hostile_build(hostile_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    db = tmp_path_factory.mktemp("db") / "c.sqlite"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")])}
    clock = f"from fixtures.hang_clock import run_pool_on; run_pool_on({str(_hang_log(hostile_corpus))!r}, {TIMEOUT + 1})"
    proc = _run(["corpus", "build", str(hostile_corpus), "-o", str(db), "--jobs", "1", "--timeout", str(TIMEOUT),
                 "--progress", "off", "--extractor", "test_hostile_build:slow_extract"], env, prelude=clock)
    return db, proc


def _hang_log(hostile_corpus: Path) -> Path:
    return hostile_corpus.parent / "hang.log"


def _run(args: list[str], env: dict[str, str], prelude: str = "") -> Any:
    """``gongwen ARGS`` in a subprocess with an address-space and CPU limit (no bound on its
    seconds: every build here ends by itself, the slow file by the engine's timeout or else
    after its hour, when the test fails on the file's row).  ``prelude`` runs first, in the
    build's own process."""
    import subprocess
    import sys

    code = f"{prelude}\nfrom gongwen.cli import main; main()"
    return subprocess.run([sys.executable, "-c", code, *args],
                          capture_output=True, preexec_fn=H._limit_child, env=env)


def _rows(db: Path) -> dict[str, tuple[str, str | None]]:
    conn = sqlite3.connect(db)
    try:
        return {Path(p).name: (s, e) for p, s, e in conn.execute("SELECT path, status, error FROM documents")}
    finally:
        conn.close()


def test_build_records_every_hostile_file_and_extracts_the_rest(hostile_corpus: Path,
                                                               hostile_build: tuple[Path, Any]) -> None:
    db, proc = hostile_build
    err = proc.stderr.decode()
    assert proc.returncode == 1, err  # some files failed, the build finished
    rows = _rows(db)
    assert set(rows) == {"good.txt", "dump.txt", "huge.txt", "loop.pdf", "forms.pdf", "slow.txt", "fifo.txt",
                         "zero.txt"}, err
    for name in ("good.txt", "dump.txt", "huge.txt"):
        assert rows[name] == ("ok", None), (name, rows[name])
    expected = {"loop.pdf": "indirect references loop", "forms.pdf": "MAX_PAGE_XOBJECTS",
                "slow.txt": f"timed out after {TIMEOUT} s", "fifo.txt": "not a regular file (a FIFO)",
                "zero.txt": "not a regular file (a character device)"}
    for name, words in expected.items():
        status, error = rows[name]
        assert status == "error" and error and words in error, (name, error)
        assert f"{name}: " in err  # each failure is listed
    assert len(attempts(_hang_log(hostile_corpus))) == 1  # slow.txt began once and was given up on
    assert "copy.txt: same file as" in err and "zlink.txt: same file as" in err
    assert "Traceback" not in err


def test_oversized_figure_is_stored_exactly(hostile_build: tuple[Path, Any]) -> None:
    db, _ = hostile_build
    conn = connect(db)
    rows = conn.execute("SELECT f.value, f.value_exact, f.as_written FROM figures f JOIN documents d "
                        "ON d.id = f.document_id WHERE d.path LIKE '%huge.txt' AND f.as_written LIKE '9999%'"
                        ).fetchall()
    conn.close()
    assert len(rows) == 1
    value, value_exact, _ = rows[0]
    assert value_exact == "99999999999999999999" and value == pytest.approx(1e20)


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet", "xlsx"])
def test_hostile_corpus_exports_to_every_format(hostile_build: tuple[Path, Any], tmp_path: Path, fmt: str) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    if fmt == "xlsx":
        pytest.importorskip("openpyxl")
    db, _ = hostile_build
    out = tmp_path / f"out.{fmt}"
    written = export(db, fmt, out, table="documents", with_text=True)
    assert written and all(Path(p).exists() for p in written)
    if fmt == "jsonl":
        docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert any("\f" in (d["text"] or "") for d in docs) or any(d["path"].endswith("dump.txt") for d in docs)


def test_rerun_skips_recorded_failures(hostile_corpus: Path, hostile_build: tuple[Path, Any]) -> None:
    """The timed-out file is not retried (and does not hang the re-run) until it changes."""
    from gongwen.corpora.worker import pipeline_version

    db, _ = hostile_build
    conn = sqlite3.connect(db)
    stored = {v for (v,) in conn.execute("SELECT DISTINCT gongwen_version FROM documents")}
    conn.close()
    if stored != {pipeline_version("test_hostile_build:slow_extract")}:
        pytest.skip("the pipeline's code changed while the tests ran (another edit in the tree)")
    res = build_corpus([hostile_corpus], db, jobs=2, progress="off", timeout=TIMEOUT,
                       extractor="test_hostile_build:slow_extract")
    assert res.extracted == 0 and len(attempts(_hang_log(hostile_corpus))) == 1  # not begun again
    assert {Path(p).name for p, _ in res.carried} >= {"loop.pdf", "forms.pdf", "slow.txt"}


def test_worker_out_of_memory_fails_only_its_file(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(REPORT, encoding="utf-8")
    (d / "hungry.txt").write_text(REPORT + "\n", encoding="utf-8")
    res = build_corpus([d], tmp_path / "c.sqlite", jobs=1, progress="off", memory_mb=2048,
                       extractor="test_hostile_build:hungry_extract")
    assert res.extracted == 1
    [(path, msg)] = res.failed
    assert path.endswith("hungry.txt") and "out of memory" in msg


def test_oversized_values_never_abort_the_write() -> None:
    assert dec(Decimal("99999999999999999999")) == "99999999999999999999"
    assert exact(Decimal("99999999999999999999")) == "99999999999999999999"
    assert dec(Decimal("-9223372036854775808")) == -(2**63) and exact(Decimal("-9223372036854775808")) is None
    assert exact(Decimal("640")) is None and exact(Decimal("12.5")) is None


# -- a worker that cannot start ----------------------------------------------------------------
START_FAILURES = [
    # (id, extra arguments, the module the extractor is imported from, words of the one line)
    ("exits-while-importing", ["--extractor", "start_fails:extract"], "import os\nos._exit(7)\n",
     "no worker could start: its process exited with status 7"),
    ("raises-system-exit", ["--extractor", "start_fails:extract"], "raise SystemExit('no licence here')\n",
     "no worker could start: SystemExit: no licence here"),
    ("memory-too-low", ["--memory", "40"], "", "(each worker has 40 MB of address space: see --memory)"),
]


@pytest.mark.parametrize("args, module, expected", [c[1:] for c in START_FAILURES],
                         ids=[c[0] for c in START_FAILURES])
def test_worker_that_cannot_start_ends_the_build_in_one_line(tmp_path: Path, args: list[str], module: str,
                                                            expected: str) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(REPORT, encoding="utf-8")
    (d / "b.txt").write_text(REPORT.replace("640元", "650元"), encoding="utf-8")
    (tmp_path / "start_fails.py").write_text(module, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")])}
    db = tmp_path / "c.sqlite"
    proc = _run(["corpus", "build", str(d), "-o", str(db), "--jobs", "2", "--progress", "off", *args], env)
    line = H.one_error_line(proc)
    assert proc.returncode == 2, line
    assert line.startswith("gongwen: error: corpus build stopped: ") and expected in line, line
    assert line.endswith("; 2 file(s) recorded as not extracted"), line
    rows = _rows(db)
    assert set(rows) == {"a.txt", "b.txt"}
    for status, error in rows.values():
        assert status == "error" and error and error.startswith("not extracted: no corpus worker could start: ")
    # Not the files' fault: the next build retries them.
    proc = _run(["corpus", "build", str(d), "-o", str(db), "--progress", "off"], env)
    assert proc.returncode == 0, proc.stderr.decode()
    assert {s for s, _ in _rows(db).values()} == {"ok"}


def test_panel_shows_exact_values(hostile_build: tuple[Path, Any]) -> None:
    from gongwen.corpora.panel import build_panel, fmt_value, query

    db, _ = hostile_build
    conn = connect(db)
    try:
        rows = [r for r in query(conn) if (r["as_written"] or "").startswith("9999")]
    finally:
        conn.close()
    assert [r["value_exact"] for r in rows] == ["99999999999999999999"]
    values = [v for s in build_panel(rows).series for vs in s.values.values() for v in vs]
    assert values == [Decimal("99999999999999999999")]
    assert fmt_value(values[0]) == "99,999,999,999,999,999,999"
    proc = _run(["corpus", "panel", str(db)], {**os.environ, "COLUMNS": "200"})
    assert proc.returncode == 0, proc.stderr.decode()
    assert "99,999,999,999,999,999,999" in proc.stdout.decode()


def test_panel_view_of_an_older_build_gets_the_exact_columns(hostile_build: tuple[Path, Any], tmp_path: Path) -> None:
    import shutil

    db = tmp_path / "old.sqlite"
    shutil.copyfile(hostile_build[0], db)
    conn = sqlite3.connect(db)
    conn.executescript("DROP VIEW panel; CREATE VIEW panel AS SELECT d.issuer AS issuer, d.year AS year, "
                       "f.value AS value FROM figures f JOIN documents d ON d.id = f.document_id;")
    conn.close()
    conn = connect(db)
    try:
        cols = [r[1] for r in conn.execute("PRAGMA table_info(panel)")]
        exact_values = [v for (v,) in conn.execute("SELECT value_exact FROM panel WHERE value_exact IS NOT NULL")]
    finally:
        conn.close()
    assert cols[-3:] == ["value_exact", "previous_exact", "change_exact"] and "sentence" in cols
    assert exact_values == ["99999999999999999999"]
