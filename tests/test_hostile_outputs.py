"""Outputs under hostile conditions (issue 12): what --force may replace, temporary files,
long names, multi-file exports, and cells Excel cannot hold."""

from __future__ import annotations

import os
from pathlib import Path

import hostile_files as H
import pytest

from gongwen._io import _tag, atomic_folder, atomic_write
from gongwen.errors import OutputError


def test_force_replaces_only_regular_files(tmp_path: Path) -> None:
    target = tmp_path / "keep.txt"
    target.write_text("keep", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    for out, kind in ((link, "a symbolic link"), (fifo, "a device or FIFO"), (tmp_path, "a folder")):
        with pytest.raises(OutputError, match=f"exists and is {kind}, not a regular file") as e:
            atomic_write(out, "new", force=True)
        assert e.value.path == str(out)
    assert target.read_text(encoding="utf-8") == "keep" and link.is_symlink()
    plain = tmp_path / "plain.txt"
    plain.write_text("old", encoding="utf-8")
    atomic_write(plain, "new", force=True)
    assert plain.read_text(encoding="utf-8") == "new"


def test_cli_force_on_a_fifo_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text(H.BODY, encoding="utf-8")
    os.mkfifo(tmp_path / "out.txt")
    proc = H.run_gongwen(["clean", "r.txt", "-o", "out.txt", "--force"], cwd=str(tmp_path))
    line = H.one_error_line(proc)
    assert proc.returncode == 2 and line.startswith("gongwen: error: out.txt: exists and is a device or FIFO")


def test_longest_legal_name_can_be_written(tmp_path: Path) -> None:
    out = tmp_path / ("报" * 81 + ".txt")  # 247 bytes: the temporary name must not be longer
    assert len(out.name.encode()) == 247
    atomic_write(out, "ok")
    assert out.read_text(encoding="utf-8") == "ok"
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_failure_removes_the_temporary_file_and_names_the_output(tmp_path: Path) -> None:
    out = tmp_path / "o.docx"

    def broken(p: Path) -> None:
        p.write_bytes(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OutputError, match="No space left on device") as e:
        atomic_write(out, broken)
    assert e.value.path == str(out) and list(tmp_path.iterdir()) == []


def test_stale_temporary_files_of_a_killed_run_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "o.txt"
    stale = tmp_path / f".gw-{_tag(out)}-999999999-abcd1234.tmp"  # no such process
    stale.write_bytes(b"x" * 1000)
    live = tmp_path / f".gw-{_tag(out)}-{os.getppid()}-abcd1234.tmp"  # a running process: kept
    live.write_bytes(b"y")
    atomic_write(out, "ok")
    assert not stale.exists() and live.exists()


def test_folder_export_checks_every_target_first(tmp_path: Path) -> None:
    folder = tmp_path / "pq"
    folder.mkdir()
    (folder / "b.parquet").write_text("old", encoding="utf-8")
    with pytest.raises(OutputError, match="exists; pass --force"), atomic_folder(folder, ["a.parquet", "b.parquet"]):
        raise AssertionError("nothing may be written")  # pragma: no cover
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pq"]
    assert sorted(p.name for p in folder.iterdir()) == ["b.parquet"]
    with pytest.raises(RuntimeError), atomic_folder(folder, ["a.parquet", "b.parquet"], force=True) as tmp:
        (tmp / "a.parquet").write_text("new", encoding="utf-8")
        raise RuntimeError("killed half-way")
    assert sorted(p.name for p in folder.iterdir()) == ["b.parquet"]  # old tables kept, no mix
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pq"]  # temporary folder removed
    with atomic_folder(folder, ["a.parquet", "b.parquet"], force=True) as tmp:
        for name in ("a.parquet", "b.parquet"):
            (tmp / name).write_text("new", encoding="utf-8")
    assert {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir()} == {"a.parquet": "new", "b.parquet": "new"}


def test_xlsx_cells_drop_characters_excel_cannot_hold() -> None:
    from gongwen.corpora.export import _xlsx_value

    assert _xlsx_value("第一页\f第二页\x00\x1b[31m") == "第一页第二页[31m"
    assert _xlsx_value("a\tb\nc") == "a\tb\nc"


# -- document text on stdout: control characters shown, never obeyed ---------------------------
ESCAPES = ("青溪县民政局2024年工作总结\n一、基本情况\x1b[2J\x1b]0;pwned\x07\n"
           "全年发放城乡低保资金1200万元\x1b[31m，惠及困难群众3000人\x9b31m，比上年增长5.2%。\x08\x7f\n"
           "二、下一步打算\n一是完善分层分类社会救助体系。\n")


def _controls(text: str) -> list[str]:
    import unicodedata

    return [hex(ord(c)) for c in text if unicodedata.category(c) == "Cc" and c not in "\n\t"]


@pytest.mark.parametrize("args", [
    ["clean", "r.txt"], ["outline", "r.txt"], ["outline", "r.txt", "--format", "json"],
    ["extract", "r.txt"], ["extract", "r.txt", "--format", "jsonl"], ["extract", "r.txt", "--format", "table"],
    ["check", "r.txt"], ["check", "r.txt", "--format", "json"], ["check", "r.txt", "--format", "sarif"],
    ["check", "r.txt", "--format", "html"],
], ids=lambda a: "-".join(a[:1] + a[2:]).replace("--format-", ""))
def test_stdout_never_passes_control_characters(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "r.txt").write_text(ESCAPES, encoding="utf-8")
    proc = H.run_gongwen(args, cwd=str(tmp_path))
    assert proc.returncode in (0, 1) and not proc.stderr, proc.stderr.decode()
    out = proc.stdout.decode("utf-8")
    assert out and _controls(out) == [], _controls(out)


def test_clean_shows_escapes_and_a_file_keeps_them(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text(ESCAPES, encoding="utf-8")
    out = H.run_gongwen(["clean", "r.txt"], cwd=str(tmp_path)).stdout.decode("utf-8")
    assert "一、基本情况␛[2J␛]0;pwned␇" in out
    assert "3000人\ufffd31m，比上年增长5.2%。␈␡" in out
    proc = H.run_gongwen(["clean", "r.txt", "-o", "out.txt"], cwd=str(tmp_path))
    assert proc.returncode == 0, proc.stderr.decode()
    exact = (tmp_path / "out.txt").read_text(encoding="utf-8")
    assert "\x1b[2J\x1b]0;pwned\x07" in exact and "\x9b31m" in exact
    assert len(exact) == len(out)  # one visible character for each control: offsets still match


def test_json_on_stdout_escapes_c1_losslessly(tmp_path: Path) -> None:
    import json

    (tmp_path / "r.txt").write_text(ESCAPES, encoding="utf-8")
    out = H.run_gongwen(["extract", "r.txt", "--format", "json"], cwd=str(tmp_path)).stdout.decode("utf-8")
    assert "\\u009b31m" in out
    data = json.loads(out)
    assert any("\x9b31m" in f["text"] for f in data["figures"]), data["figures"][:2]


def test_csv_on_stdout_keeps_its_row_ends(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text(ESCAPES, encoding="utf-8")
    out = H.run_gongwen(["extract", "r.txt", "--format", "csv"], cwd=str(tmp_path)).stdout.decode("utf-8")
    assert out.count("\r\n") >= 3 and set(_controls(out)) == {"0xd"} and "\ufffd31m" in out


def test_render_preview_drops_controls_of_the_data(tmp_path: Path) -> None:
    example = Path(__file__).resolve().parents[1] / "gongwen" / "generate" / "data" / "example-summary.yaml"
    text = example.read_text(encoding="utf-8") + 'closing: "今后继续努力\\x9b31m\\x1b[2J\\x7f。"\n'
    (tmp_path / "data.yaml").write_text(text, encoding="utf-8")
    proc = H.run_gongwen(["render", "data.yaml", "--format", "txt", "--no-check"], cwd=str(tmp_path))
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode("utf-8")
    assert "今后继续努力31m[2J。" in out and _controls(out) == []
