"""The Dask engine (issue 15): the same database as the process pool, on a LocalCluster and on a
cluster of separate processes; a file that kills its worker fails alone.

Every cluster here listens on 127.0.0.1 only, and the subprocess cluster has a bounded
lifetime and is torn down whatever happens.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fixtures.corpus_reports import write_reports
from fixtures.hang_clock import attempts, hang, note_attempt, stopped_worker_clock, write_logged
from test_corpus_build import SAMPLES, snapshot

from gongwen.corpora import build_corpus, dask_engine

pytest.importorskip("distributed", reason="the dask extra is not installed (pip install -e '.[dask]')")

ROOT = Path(__file__).resolve().parents[1]
TESTS = Path(__file__).resolve().parent


def same_build(a: Path, b: Path) -> None:
    """``a`` and ``b`` hold the same rows (ids and timestamps aside); skip when the pipeline's
    code changed between the builds (another engineer's edit: every row's version differs)."""
    versions = {v for db in (a, b) for (v,) in sqlite3.connect(db).execute(
        "SELECT DISTINCT gongwen_version FROM documents")}
    if len(versions) > 1:
        pytest.skip("the pipeline's code changed while the tests ran (another edit in the tree)")
    sa, sb = snapshot(a), snapshot(b)
    assert {t: len(v) for t, v in sa.items()} == {t: len(v) for t, v in sb.items()}
    assert sa == sb


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("dask") / "generated"
    write_reports(folder, 200, seed=7)
    return folder


@pytest.fixture(scope="module")
def pool_build(generated: Path) -> tuple[Path, Any]:
    db = generated.parent / "pool.sqlite"
    return db, build_corpus([SAMPLES, generated], db, jobs=2, progress="off")


def test_local_cluster_builds_what_the_pool_builds(generated: Path, pool_build: tuple[Path, Any]) -> None:
    pool_db, pool_res = pool_build
    db = generated.parent / "local.sqlite"
    res = build_corpus([SAMPLES, generated], db, jobs=2, progress="off", engine="dask")
    assert res.failed == [] and res.extracted == pool_res.extracted == 200 + 15
    assert sorted(res.duplicates) == sorted(pool_res.duplicates) and len(res.duplicates) == 3
    conn = sqlite3.connect(db)
    formats = dict(conn.execute("SELECT format, count(*) FROM documents GROUP BY format").fetchall())
    conn.close()
    assert formats["pdf"] == 5 and formats["docx"] == 5  # the samples, through the same readers
    same_build(pool_db, db)
    # resumable like a pool build: nothing to do on a second run
    again = build_corpus([SAMPLES, generated], db, jobs=2, progress="off", engine="dask")
    if again.extracted:
        same_build(pool_db, db)  # skips when the pipeline's code changed meanwhile (re-extracted)
    assert (again.extracted, again.skipped) == (0, res.extracted)


#: Per-document timeout, read on clocks that stand still (``dask_engine._clock``, the workers'
#: ``worker._clock``): no document is late by the machine's load, only the ones the test makes
#: late (:class:`SteppedDriver`, the lazy file), so its size costs no time.
TIMEOUT = 60


def misbehaving_extract(path: str) -> Any:
    """The real extractor on a stopped clock, except: ``*crash*`` kills its worker process
    (noting its attempts in the log its first line names: the worker may read a temporary copy),
    ``*slow*`` hangs for an hour (noting its attempts so too), ``*lazy*`` steps the clock past the
    timeout (it finishes, having taken ``TIMEOUT + 1`` seconds by that clock)."""
    from gongwen.extract.pipeline import extract

    clock = stopped_worker_clock()
    name = Path(path).name
    if "crash" in name:
        note_attempt(path)
        os._exit(3)
    if "slow" in name:
        hang(path)
    if "lazy" in name:
        clock.now += TIMEOUT + 1
    return extract(path)


class SteppedDriver(dask_engine._Driver):
    """The real driver on a clock that stands still (``dask_engine._clock``), whose tasks holding
    the slow file are made late, each once, when an attempt of that file has begun to hang (a
    line in its log, ``hanging``) and the driver counts the task as running: time passes for
    that task alone, whatever the other worker runs meanwhile."""

    hanging = Path(os.devnull)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.stepped: list[Any] = []  # the tasks made late (held: an id is never reused)

    def _check_timeouts(self) -> None:
        begun = len(attempts(self.hanging))
        for item in self.inflight.values():
            if len(self.stepped) < begun and item.started is not None \
                    and any("slow" in Path(p).name for p in item.paths) and all(item is not s for s in self.stepped):
                self.stepped.append(item)
                item.started -= self.timeout * len(item.paths) + 1
        super()._check_timeouts()


def test_a_crash_fails_alone_and_a_slow_file_times_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Files shipped as bytes, each scattered to its worker beside the task (as a big file is):
    a retry after a worker died must send them again.  Enough files for batches of several
    documents per task: the crash, the hang and the lazy file each share a task with others.
    The driver gives up on the slow file by its own clock, which only the slow file moves."""
    monkeypatch.setattr(dask_engine, "_SCATTER_BYTES", 0)
    monkeypatch.setattr(dask_engine, "_clock", lambda: 0.0)
    monkeypatch.setattr(dask_engine, "_Driver", SteppedDriver)
    slow_log = tmp_path / "slow-attempts.log"
    monkeypatch.setattr(SteppedDriver, "hanging", slow_log)
    d = tmp_path / "in"
    files = write_reports(d, 40, seed=3)
    # first in line, in a batch and with the next tasks queued behind it on its worker
    log = tmp_path / "crash-attempts.log"
    write_logged(d / "a-crash.txt", log, files[4].read_text(encoding="utf-8"))
    files[4].unlink()
    write_logged(d / "report-0017-slow.txt", slow_log, files[17].read_text(encoding="utf-8"))
    files[17].unlink()  # in a batch of a worker that does not die
    files[21].rename(d / "report-0021-lazy.txt")
    db = tmp_path / "c.sqlite"
    res = build_corpus([d], db, jobs=2, progress="off", engine="dask", timeout=TIMEOUT, ship="bytes",
                       extractor="test_corpus_dask:misbehaving_extract")
    assert res.extracted == 37
    failed = dict((Path(p).name, msg) for p, msg in res.failed)
    assert sorted(failed) == ["a-crash.txt", "report-0017-slow.txt", "report-0021-lazy.txt"]
    assert "worker process died" in failed["a-crash.txt"]
    assert f"timed out after {TIMEOUT} s" in failed["report-0017-slow.txt"]  # its batch ran late, then alone
    assert f"timed out after {TIMEOUT} s" in failed["report-0021-lazy.txt"]  # finished in its batch, too late
    # run once with the others of its batch, then once alone: two dead workers
    crashed = attempts(log)
    assert len(crashed) == 2 and len(set(crashed)) == 2
    # the hour-long file never held the build: stopped in its batch, then alone, each time by
    # restarting its worker (two processes)
    hung = attempts(slow_log)
    assert len(hung) == 2 and len(set(hung)) == 2
    conn = sqlite3.connect(db)
    rows = {Path(p).name: (s, e) for p, s, e in conn.execute("SELECT path, status, error FROM documents")}
    conn.close()
    assert len(rows) == 40
    assert sorted(n for n, (s, _) in rows.items() if s == "error") == sorted(failed)
    assert rows["a-crash.txt"][1] == failed["a-crash.txt"]
    assert all(e is None for n, (s, e) in rows.items() if n not in failed)


@pytest.fixture()
def loopback_cluster(tmp_path: Path) -> Iterator[str]:
    """A Dask scheduler and two single-threaded workers as separate processes on 127.0.0.1,
    each with a bounded lifetime, killed (whole process groups) at the end whatever happens."""
    info = tmp_path / "scheduler.json"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(TESTS)]),
           "DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES": "3"}  # a stock scheduler, as users run it
    common = dict(cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                  start_new_session=True)
    procs = [subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                               "--port", "0", "--no-dashboard", "--dashboard-address", "127.0.0.1:0", "--scheduler-file", str(info),
                               "--idle-timeout", "120"], **common)]  # type: ignore[call-overload]
    try:
        deadline = time.monotonic() + 60
        while not info.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert info.exists(), "the Dask scheduler did not start"
        for i in range(2):
            procs.append(subprocess.Popen(
                [sys.executable, "-m", "distributed.cli.dask_worker", "--scheduler-file", str(info),
                 "--host", "127.0.0.1", "--nthreads", "1", "--nworkers", "1", "--no-dashboard",
                 "--dashboard-address", "127.0.0.1:0",
                 "--lifetime", "150s", "--name", f"w{i}", "--memory-limit", "0"], **common))  # type: ignore[call-overload]
        import json

        from distributed import Client

        address = json.loads(info.read_text())["address"]
        assert address.startswith("tcp://127.0.0.1:")
        with Client(address, timeout=30, set_as_default=False) as client:
            client.wait_for_workers(2, timeout=60)
        yield address
    finally:
        for p in procs:
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        for p in procs:
            p.wait(timeout=10)


def test_loopback_cluster_builds_the_same(generated: Path, pool_build: tuple[Path, Any],
                                          loopback_cluster: str) -> None:
    pool_db, pool_res = pool_build
    db = generated.parent / "cluster.sqlite"
    # bytes, as to workers on other machines (these ones could read the paths)
    res = build_corpus([SAMPLES, generated], db, progress="off", engine="dask", scheduler=loopback_cluster,
                       ship="bytes")
    assert res.failed == [] and res.extracted == pool_res.extracted
    assert len(res.worker_max_rss_kb) == 2  # both workers took documents
    same_build(pool_db, db)


def test_cli_engine_dask(tmp_path: Path) -> None:
    d = tmp_path / "in"
    write_reports(d, 3, seed=11)
    (d / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    db = tmp_path / "c.sqlite"
    cmd = [sys.executable, "-m", "gongwen.cli", "corpus", "build", str(d), "-o", str(db), "--engine", "dask",
           "--jobs", "1", "--progress", "off"]
    r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert r.returncode == 1, r.stderr  # one file failed, as with the pool
    assert "4 files: 3 extracted, 0 unchanged, 1 failed" in r.stderr and "broken.docx" in r.stderr
    assert "Traceback" not in r.stderr
