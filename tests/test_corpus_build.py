"""Corpus builds with the real extractor: contents, resume after a kill, bad input, exports, panel."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from fixtures.hang_clock import HangClock, attempts, hang, write_logged

from gongwen.corpora import build_corpus, connect, cross_check, discover, export, panel
from gongwen.corpora.crosscheck import problems

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "gongwen" / "corpora" / "samples"
SERIES = "青溪县民政局"


def sample_files(*suffixes: str) -> list[Path]:
    files = [p for p in discover([SAMPLES]) if p.suffix in suffixes]
    if not files:
        pytest.skip("sample corpus not rendered (run scripts/make_samples.py)")
    return files


def snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, ids replaced by document paths, timestamps dropped, sorted."""
    conn = sqlite3.connect(db)
    paths = dict(conn.execute("SELECT id, path FROM documents"))
    out: dict[str, list[tuple[Any, ...]]] = {}
    cur = conn.execute("SELECT * FROM documents")
    cols = [c[0] for c in cur.description]
    keep = [i for i, c in enumerate(cols) if c not in ("id", "extracted_at")]
    out["documents"] = sorted((tuple(r[i] for i in keep) for r in cur), key=repr)
    for table in ("sections", "figures", "findings"):
        rows = [(paths[r[0]],) + tuple(r[1:]) for r in conn.execute(f"SELECT * FROM {table}")]
        out[table] = sorted(rows, key=repr)
    conn.close()
    return out


# -- the sample corpus plus the shared corpus -------------------------------------------------
@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, shared: Path) -> tuple[Path, Any]:
    sample_files(".pdf", ".docx", ".txt")
    db = tmp_path_factory.mktemp("corpus") / "gongwen.sqlite"
    res = build_corpus([SAMPLES, shared / "corpus"], db, jobs=2, progress="off")
    return db, res


def test_build_counts(built: tuple[Path, Any], shared: Path) -> None:
    db, res = built
    files = discover([SAMPLES, shared / "corpus"])
    # samples/series/ holds copies of three per-year samples: stored once (issue 12)
    assert sorted(Path(p).name for p, _ in res.duplicates) == ["qingxi-2021.docx", "qingxi-2022.pdf", "qingxi-2023.txt"]
    assert all("/series/" in p for p, _ in res.duplicates)
    stored = len(files) - len(res.duplicates)
    assert res.failed == [] and res.extracted == stored and res.discovered == len(files)
    conn = connect(db)
    n_docs, n_ok = conn.execute("SELECT count(*), sum(status = 'ok') FROM documents").fetchone()
    assert n_docs == n_ok == stored
    # every stored figure belongs to its document's count, and nothing was half-written
    assert conn.execute("SELECT sum(n_figures) FROM documents").fetchone()[0] == \
        conn.execute("SELECT count(*) FROM figures").fetchone()[0]
    assert conn.execute("SELECT sum(n_findings) FROM documents").fetchone()[0] == \
        conn.execute("SELECT count(*) FROM findings").fetchone()[0]
    lz = conn.execute("SELECT issuer, year, n_figures FROM documents WHERE path LIKE ?",
                      ("%lianzhou-2020%",)).fetchall()
    assert len(lz) == 3 and {r[:2] for r in lz} == {("连州市民政局", 2020)}
    assert all(r[2] >= 29 for r in lz)  # the gold lists 29+ figures in the report
    assert conn.execute("SELECT count(*) FROM sections").fetchone()[0] >= 3 * 40
    years = [r[0] for r in conn.execute(
        "SELECT DISTINCT year FROM documents WHERE issuer = ? ORDER BY year", (SERIES,))]
    assert years == [2021, 2022, 2023]
    conn.close()


def test_panel_values(built: tuple[Path, Any]) -> None:
    db, _ = built
    p = panel(db, issuer=SERIES, program="最低生活保障", scope="城镇", unit="元/人/月")
    assert p.years == [2021, 2022, 2023]
    # the standard (whatever the labeller calls its metric) is the series that starts at 720
    [s] = [s for s in p.series if Decimal(720) in s.values.get(2021, [])]
    assert {y: [str(v) for v in vals] for y, vals in s.values.items()} == \
        {2021: ["720"], 2022: ["765"], 2023: ["810"]}
    assert "标准" in (s.metric or "")


def test_planted_cross_year_mismatch(built: tuple[Path, Any]) -> None:
    db, _ = built
    conn = connect(db)
    found = cross_check(conn, issuer=SERIES)
    conn.close()
    bad = problems(found)
    planted = [cf for cf in bad if cf.finding.code == "GW201"]
    assert len(planted) == 1, [cf.finding.message for cf in bad]
    cf = planted[0]
    assert (cf.year, cf.previous_year, cf.finding.severity) == (2023, 2022, "warning")
    assert (cf.finding.expected, cf.finding.actual) == ("860", "850")
    assert "qingxi-2023" in cf.document
    assert cf.finding.figures[0].scope == "农村"
    # the other stated previous values of the series agree with the year before
    ok = [cf for cf in found if cf.finding.code == "GW201" and cf.finding.status == "consistent"]
    assert len(ok) >= 4


def test_rerun_skips_everything(built: tuple[Path, Any], shared: Path, tmp_path: Path) -> None:
    db, res = built
    copy = tmp_path / "copy.sqlite"
    shutil.copyfile(db, copy)
    before = snapshot(copy)
    again = build_corpus([SAMPLES, shared / "corpus"], copy, jobs=2, progress="off")
    assert (again.extracted, again.skipped, again.failed) == (0, res.discovered - len(res.duplicates), [])
    assert again.duplicates == res.duplicates
    assert again.seconds < max(0.05 * res.seconds, 0.5)
    assert snapshot(copy) == before


# -- resume after a kill ----------------------------------------------------------------------
@pytest.fixture(scope="module")
def kill_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """12 small reports: the sample text dumps and DOCX, copied under distinct names."""
    files = sample_files(".txt", ".docx")
    folder = tmp_path_factory.mktemp("kill") / "reports"
    folder.mkdir()
    seen: set[bytes] = set()
    for i in range(12):
        p = files[i % len(files)]
        dst = folder / f"{i:02d}-{p.name}"
        shutil.copyfile(p, dst)
        if dst.read_bytes() in seen:  # a second copy gets other bytes: identical files are stored once
            if dst.suffix == ".txt":
                dst.write_bytes(dst.read_bytes() + b"\n" * (1 + i // len(files)))
            else:
                with zipfile.ZipFile(dst, "a") as z:
                    z.writestr(f"docProps/copy-{i}.txt", str(i))
        seen.add(dst.read_bytes())
    return folder


def _count(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1)
        try:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_killed_build_resumes_to_the_same_database(kill_corpus: Path, tmp_path: Path, sig: int) -> None:
    folder = kill_corpus
    db = tmp_path / "killed.sqlite"
    cmd = [sys.executable, "-m", "gongwen.cli", "corpus", "build", str(folder), "-o", str(db),
           "--jobs", "1", "--progress", "off"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while _count(db) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=30)
    committed = _count(db)
    assert 2 <= committed < 12, "the build finished before it could be killed"
    if sig == signal.SIGTERM:
        assert proc.returncode == 128 + signal.SIGTERM
        assert b"resume" in err
    else:
        assert proc.returncode == -signal.SIGKILL
    # the database is consistent: every stored document is complete
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT sum(n_figures) FROM documents").fetchone()[0] == \
        conn.execute("SELECT count(*) FROM figures").fetchone()[0]
    conn.close()
    again = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert again.returncode == 0, again.stderr
    assert f"{12 - committed} extracted, {committed} unchanged" in again.stderr
    ref = tmp_path / "reference.sqlite"  # built now, with the same code as the resumed build
    res = build_corpus([folder], ref, jobs=2, progress="off")
    assert res.extracted == 12 and not res.failed
    assert snapshot(db) == snapshot(ref)


# -- bad input never stops the batch ----------------------------------------------------------
GBK_REPORT = ("白沙县民政局2021年工作总结\n"
              "2021年，县民政局全面落实社会救助政策。\n"
              "一、城乡低保\n"
              "自2021年1月起，城镇低保标准由每人每月600元提高到640元。\n"
              "白沙县民政局\n2021年12月1日\n")


def vanishing_extract(path: str) -> Any:
    """The real extractor, except that a file named ``*vanish*`` disappears just before reading."""
    from gongwen.extract.pipeline import extract

    if "vanish" in Path(path).name:
        os.unlink(path)
    return extract(path)


def test_bad_input_lands_in_documents_error(tmp_path: Path) -> None:
    good = sample_files(".txt")[0]
    d = tmp_path / "bad"
    d.mkdir()
    shutil.copyfile(good, d / "good.txt")
    (d / "corrupt.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage\n")
    (d / "empty.txt").write_bytes(b"")
    (d / "gbk.txt").write_bytes(GBK_REPORT.encode("gbk"))
    (d / "gone-before.txt").write_text("临时文件", encoding="utf-8")
    (d / "vanish-in-worker.txt").write_text(GBK_REPORT + "\n", encoding="utf-8")  # not a copy of gbk.txt
    files = discover([d])
    (d / "gone-before.txt").unlink()  # vanishes between discovery and hashing
    db = tmp_path / "bad.sqlite"
    res = build_corpus([d], db, files=files, jobs=2, progress="off",
                       extractor="test_corpus_build:vanishing_extract")
    conn = connect(db)
    rows = {Path(p).name: (s, e) for p, s, e in conn.execute("SELECT path, status, error FROM documents")}
    conn.close()
    assert rows["good.txt"] == ("ok", None)
    for name in ("corrupt.pdf", "empty.txt", "gone-before.txt", "vanish-in-worker.txt"):
        status, error = rows[name]
        assert status == "error" and error, name
    assert "corrupt.pdf" in rows["corrupt.pdf"][1]
    assert "empty" in rows["empty.txt"][1]
    assert "vanished" in rows["gone-before.txt"][1]
    assert "vanished" in rows["vanish-in-worker.txt"][1] or "no such file" in rows["vanish-in-worker.txt"][1].lower()
    assert rows["gbk.txt"] == ("ok", None)  # the text reader recognises GB18030/GBK
    conn = connect(db)
    assert conn.execute("SELECT issuer, year FROM documents WHERE path LIKE '%gbk.txt'").fetchone() == \
        ("白沙县民政局", 2021)
    conn.close()
    assert sorted(Path(p).name for p, _ in res.failed) == sorted(
        n for n, (s, _) in rows.items() if s == "error")


def crashing_extract(path: str) -> Any:
    """The real extractor, except that the worker process dies on a file named ``*crash*``."""
    from gongwen.extract.pipeline import extract

    if "crash" in Path(path).name:
        os.kill(os.getpid(), signal.SIGKILL)
    if "slow" in Path(path).name:
        hang(path)  # only the timeout ends it
    return extract(path)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_dying_worker_fails_only_its_file(tmp_path: Path, jobs: int) -> None:
    """The files sent to the worker behind the one that kills it (the pool's lookahead) are
    extracted by its replacement, not blamed."""
    d = tmp_path / "in"
    d.mkdir()
    for i in range(6):
        (d / f"{i}-ok.txt").write_text(GBK_REPORT + "\n" * i, encoding="utf-8")  # distinct bytes: no duplicates
    (d / "2-crash.txt").write_text(GBK_REPORT + "\n" * 9, encoding="utf-8")
    db = tmp_path / "c.sqlite"
    res = build_corpus([d], db, jobs=jobs, progress="off", extractor="test_corpus_build:crashing_extract")
    assert res.extracted == 6
    [(path, msg)] = res.failed
    assert path.endswith("2-crash.txt") and "worker process died" in msg
    conn = sqlite3.connect(db)
    rows = dict(conn.execute("SELECT path, status FROM documents").fetchall())
    conn.close()
    assert sorted(Path(p).name for p, s in rows.items() if s == "ok") == [f"{i}-ok.txt" for i in range(6)]


#: Per-file timeout of the timeout tests, read on a clock that passes only when the slow file has
#: begun to hang (:class:`~fixtures.hang_clock.HangClock`): no ordinary file is late, whatever the
#: machine's load, so its size costs no time.
TIMEOUT = 60


def test_a_timeout_fails_only_its_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One worker: the file queued behind the slow one goes to the replacement worker.  The pool
    gives up on the slow file by its own clock (which no ordinary file moves)."""
    from gongwen.corpora import pool

    log = tmp_path / "hang.log"
    monkeypatch.setattr(pool, "_clock", HangClock(log, TIMEOUT + 1))
    d = tmp_path / "in"
    d.mkdir()
    for i in range(3):
        (d / f"{i}-ok.txt").write_text(GBK_REPORT + "\n" * i, encoding="utf-8")
    write_logged(d / "1-slow.txt", log, GBK_REPORT + "\n" * 9)
    res = build_corpus([d], tmp_path / "c.sqlite", jobs=1, progress="off", timeout=TIMEOUT,
                       extractor="test_corpus_build:crashing_extract")
    assert res.extracted == 3
    [(path, msg)] = res.failed
    assert path.endswith("1-slow.txt") and f"timed out after {TIMEOUT} s" in msg
    assert len(attempts(log)) == 1  # the hour-long file began once; the build went on without it


def test_cli_reports_failures_and_exit_code(tmp_path: Path) -> None:
    good = sample_files(".txt")[0]
    d = tmp_path / "in"
    d.mkdir()
    shutil.copyfile(good, d / "good.txt")
    (d / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    db = tmp_path / "c.sqlite"
    cmd = [sys.executable, "-m", "gongwen.cli", "corpus", "build", str(d), "-o", str(db), "--jobs", "2"]
    r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert r.returncode == 1
    assert "2/2 files" in r.stderr and "1 error" in r.stderr  # plain progress lines off a terminal
    assert "failed:" in r.stderr and "broken.docx" in r.stderr
    r2 = subprocess.run(cmd + ["--fail-fast"], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert r2.returncode == 1 and "still failing" in r2.stderr
    r3 = subprocess.run([sys.executable, "-m", "gongwen.cli", "corpus", "build", str(d / "nope"), "-o", str(db)],
                        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    assert r3.returncode == 2 and "no such file or folder" in r3.stderr


def test_changed_file_is_replaced(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "r.txt").write_text(GBK_REPORT, encoding="utf-8")
    db = tmp_path / "c.sqlite"
    build_corpus([d], db, jobs=1, progress="off")
    (d / "r.txt").write_text(GBK_REPORT.replace("640元", "650元"), encoding="utf-8")
    res = build_corpus([d], db, jobs=1, progress="off")
    assert (res.extracted, res.skipped) == (1, 0)
    conn = connect(db)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    values = [r[0] for r in conn.execute("SELECT value FROM figures WHERE unit = '元/人/月'")]
    conn.close()
    assert 650 in values and 640 not in values
    (d / "r.txt").touch()  # new mtime, same bytes: hashed, skipped
    res = build_corpus([d], db, jobs=1, progress="off")
    assert (res.extracted, res.skipped) == (0, 1)
    (d / "r.txt").unlink()  # gone: pruned from the database
    res = build_corpus([d], db, jobs=1, progress="off")
    assert res.removed == 1


# -- exports and the panel picture -------------------------------------------------------------
def test_schema_2_database_is_upgraded(built: tuple[Path, Any], tmp_path: Path) -> None:
    """Schema 3 added documents.ocr_pages and ocr_engine: a schema-2 file gets them (NULL) when
    opened, keeps its rows, and merges as a source; another version is refused in one line."""
    from gongwen.corpora import schema
    from gongwen.corpora.merge import merge
    from gongwen.errors import DataError

    old = tmp_path / "v2.sqlite"
    with sqlite3.connect(built[0]) as a, sqlite3.connect(old) as b:
        a.backup(b)
    conn = sqlite3.connect(old)
    conn.executescript("ALTER TABLE documents DROP COLUMN ocr_pages; ALTER TABLE documents DROP COLUMN ocr_engine; "
                       "ALTER TABLE documents DROP COLUMN doc_number; "
                       "UPDATE meta SET value = '2' WHERE key = 'schema_version';")
    conn.close()
    merged = merge([old], tmp_path / "merged.sqlite", progress="off")  # read as it is
    assert merged.copied == built[1].extracted + len(built[1].failed)
    before = snapshot(old)
    conn = schema.connect(old)
    version = schema.schema_version(conn)
    cols = [r[1] for r in conn.execute("PRAGMA table_info(documents)")]
    ocr = conn.execute("SELECT count(*) FROM documents WHERE ocr_pages IS NOT NULL OR ocr_engine IS NOT NULL").fetchone()
    conn.close()
    assert version == "4" and cols[-3:] == ["ocr_pages", "ocr_engine", "doc_number"] and ocr == (0,)
    after = snapshot(old)
    assert after["documents"] == [row + (None, None, None) for row in before["documents"]]
    assert {t: after[t] for t in ("sections", "figures", "findings")} == \
        {t: before[t] for t in ("sections", "figures", "findings")}
    conn = sqlite3.connect(old)
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(DataError, match="schema version 1, this gongwen expects 4"):
        schema.connect(old)


def test_exports(built: tuple[Path, Any], tmp_path: Path) -> None:
    db, res = built
    [out] = export(db, "csv", tmp_path / "panel.csv")
    raw = out.read_bytes()
    assert raw.startswith("\ufeff".encode("utf-8"))
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    conn = connect(db)
    assert len(rows) == conn.execute("SELECT count(*) FROM panel").fetchone()[0]
    conn.close()
    assert any(r["issuer"] == SERIES and r["year"] == "2022" and r["value"] == "765" for r in rows)
    text = export(db, "jsonl", table="documents")
    assert isinstance(text, str)
    docs = [json.loads(line) for line in text.splitlines()]
    assert len(docs) == res.discovered - len(res.duplicates) and "text" not in docs[0]
    with pytest.raises(Exception, match="exists"):
        export(db, "csv", tmp_path / "panel.csv")


def test_parquet_and_xlsx(built: tuple[Path, Any], tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    openpyxl = pytest.importorskip("openpyxl")
    db, res = built
    files = export(db, "parquet", tmp_path / "pq")
    assert isinstance(files, list) and {p.name for p in files} >= {"panel.parquet", "documents.parquet"}
    assert pq.read_table(tmp_path / "pq" / "documents.parquet").num_rows == res.discovered - len(res.duplicates)
    [xlsx] = export(db, "xlsx", tmp_path / "c.xlsx")
    wb = openpyxl.load_workbook(xlsx, read_only=True)
    assert wb.sheetnames == ["panel", "documents", "sections", "figures", "findings", "crossyear"]
    assert sum(1 for _ in wb["documents"].iter_rows()) == res.discovered - len(res.duplicates) + 1


def test_panel_plot(built: tuple[Path, Any], tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    from gongwen.corpora.panel import find_cjk_font, plot

    if find_cjk_font() is None:
        pytest.skip("no CJK font installed")
    db, _ = built
    p = panel(db, issuer=SERIES, program="最低生活保障")
    out = plot(p, tmp_path / "p.png")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_fail_fast_stops_at_the_first_failure(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    for i in range(12):
        (d / f"{i:02d}-empty.txt").write_bytes(b"")
    db = tmp_path / "c.sqlite"
    res = build_corpus([d], db, jobs=1, fail_fast=True, progress="off")
    assert res.stopped_early and 1 <= len(res.failed) < 12
    conn = connect(db)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == len(res.failed)
    conn.close()
    res = build_corpus([d], db, jobs=2, progress="off")  # keep-going finishes the rest
    assert len(res.failed) + len(res.carried) == 12 and not res.stopped_early


def test_cli_panel_check_export(built: tuple[Path, Any], tmp_path: Path) -> None:
    from click.testing import CliRunner

    from gongwen.corpora.cli import corpus_group

    db, _ = built
    runner = CliRunner()
    r = runner.invoke(corpus_group, ["panel", str(db), "--issuer", SERIES, "--program", "最低生活保障",
                                     "--scope", "城镇"])
    assert r.exit_code == 0, r.output
    assert "765" in r.output and "2023" in r.output
    r = runner.invoke(corpus_group, ["check", str(db), "--format", "json"])
    assert r.exit_code == 0, r.output  # the planted mismatch is a warning, not an error
    found = json.loads(r.output)["findings"]
    assert [(f["code"], f["issuer"], f["year"], f["actual"]) for f in found] == [("GW201", SERIES, 2023, "850")]
    r = runner.invoke(corpus_group, ["check", str(db), "--strict"])
    assert r.exit_code == 1 and "850" in r.output
    copy = tmp_path / "copy.sqlite"
    shutil.copyfile(db, copy)
    r = runner.invoke(corpus_group, ["check", str(copy), "--save"])
    conn = connect(copy)
    stored = conn.execute("SELECT code, status, actual FROM crossyear WHERE status = 'inconsistent'").fetchall()
    n = conn.execute("SELECT count(*) FROM crossyear").fetchone()[0]
    conn.close()
    assert r.exit_code == 0 and stored == [("GW201", "inconsistent", "850")] and n > 10
    r = runner.invoke(corpus_group, ["export", str(db), "-f", "csv", "-t", "findings", "-o", str(tmp_path / "f.csv")])
    assert r.exit_code == 0 and (tmp_path / "f.csv").read_bytes().startswith(b"\xef\xbb\xbf")
