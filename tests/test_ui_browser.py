"""The review desk in a real browser: Python Playwright driving Debian's chromium (no browser download).

A `gongwen ui` server runs as a subprocess for the whole module; every page is screenshotted
into ``$GONGWEN_ARTIFACTS/gongwen-ui-screenshots`` (default: the system temp folder).
Skipped when playwright or a chromium binary is missing; ``.ci/run`` installs Debian's chromium.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("starlette")
sync_api = pytest.importorskip("playwright.sync_api")
from conftest import ROOT, SAMPLES

CHROMIUM = os.environ.get("GONGWEN_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
if not CHROMIUM:
    pytest.skip("no chromium binary (apt-get install chromium); browser tests skipped", allow_module_level=True)

ARTIFACTS = Path(os.environ.get("GONGWEN_ARTIFACTS") or tempfile.gettempdir()) / "gongwen-ui-screenshots"
CAP_MB = 5
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`gongwen ui` on a free loopback port, as a user would start it."""
    work = tmp_path_factory.mktemp("ui-server")
    env = {**os.environ, "TMPDIR": str(work)}
    proc = subprocess.Popen([sys.executable, "-m", "gongwen.cli", "ui", "--no-browser", "--port", "0",
                             "--db", str(work / "corpus.sqlite"), "--max-upload-mb", str(CAP_MB)],
                            cwd=work, env=env, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    url = None
    t0 = time.time()
    while time.time() - t0 < 60:
        line = proc.stderr.readline()
        if not line:
            break
        m = re.search(r"serving on (http://\S+/)", line)
        if m:
            url = m.group(1)
            break
    if url is None:
        proc.kill()
        raise AssertionError(f"gongwen ui did not start: {proc.stderr.read()}")
    try:
        yield url.rstrip("/")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield b
        b.close()


@pytest.fixture()
def page(browser: object) -> Iterator[object]:
    ctx = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)  # type: ignore[attr-defined]
    pg = ctx.new_page()
    pg.set_default_timeout(30_000)
    yield pg
    ctx.close()


def shot(page: object, name: str, full: bool = False) -> Path:
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full)  # type: ignore[attr-defined]
    assert path.stat().st_size > 10_000
    return path


def upload(page: object, server: str, path: Path, at: str = "/") -> str:
    page.goto(server + at)  # type: ignore[attr-defined]
    page.set_input_files("#file", str(path))  # type: ignore[attr-defined]
    return str(path)


# -- review ----------------------------------------------------------------------------------------
def test_review_page_marks_figures_and_lists_findings(page: object, server: str, lianzhou: Path) -> None:
    from gongwen.check import check
    from gongwen.extract.pipeline import extract

    ext = extract(lianzhou / "source.pdf")
    report = check(ext)
    upload(page, server, lianzhou / "source.pdf")
    page.wait_for_selector("#doc mark", timeout=60_000)  # type: ignore[attr-defined]
    shot(page, "review")
    assert page.inner_text("#summary") == report.summary_line()  # type: ignore[attr-defined]
    n_marks = page.locator("#doc mark").count()  # type: ignore[attr-defined]
    assert n_marks >= 0.9 * len(ext.figures)
    assert page.locator("#doc mark.ok").count() >= 10  # type: ignore[attr-defined]
    n_problem_marks = page.locator("#doc mark.warn, #doc mark.err").count()  # type: ignore[attr-defined]
    assert n_problem_marks >= 1
    cards = page.locator(".findings > .card")  # type: ignore[attr-defined]
    assert cards.count() >= len(report.errors) + sum(1 for f in report.warnings if f.status == "inconsistent")
    ui_codes = {c.split()[0] for c in page.locator(".findings > .card .code").all_inner_texts()}  # type: ignore[attr-defined]
    want = {f.code for f in report.errors} | {f.code for f in report.warnings if f.status == "inconsistent"}
    assert want <= ui_codes <= {f.code for f in report.findings}
    assert page.locator(".outline li").count() == len(ext.document.headings)  # type: ignore[attr-defined]
    # clicking a finding scrolls to its figure
    link = page.locator(".findings > .card .figs a").first  # type: ignore[attr-defined]
    target = link.get_attribute("href")
    link.click()
    page.wait_for_function("h => location.hash === h", arg=target)  # type: ignore[attr-defined]
    top = page.evaluate("h => document.getElementById(h.slice(1)).getBoundingClientRect().top", target)  # type: ignore[attr-defined]
    assert 0 <= top < 900
    shot(page, "review-finding-clicked")
    # the figure table filters on the server
    page.select_option("select[name=status]", "ok")  # type: ignore[attr-defined]
    n_ok = sum(1 for v in page.locator("#doc mark.ok").all() if v.get_attribute("id").count("_") == 0)  # type: ignore[attr-defined]
    page.wait_for_function("n => document.querySelectorAll('#figtable tbody tr').length === n", arg=n_ok)  # type: ignore[attr-defined]
    assert page.locator("#figtable tbody tr.ok").count() == n_ok  # type: ignore[attr-defined]
    shot(page, "review-figures-filtered")


def test_export_csv_equals_the_command_line(page: object, server: str, lianzhou: Path) -> None:
    upload(page, server, lianzhou / "source.pdf")
    page.wait_for_selector("#doc mark", timeout=60_000)  # type: ignore[attr-defined]
    with page.expect_download() as info:  # type: ignore[attr-defined]
        page.click("text=数字 CSV")  # type: ignore[attr-defined]
    got = Path(info.value.path()).read_text(encoding="utf-8")
    cli = subprocess.run([sys.executable, "-m", "gongwen.cli", "extract", str(lianzhou / "source.pdf"), "--format", "csv"],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert cli.returncode == 0, cli.stderr
    assert got.startswith("\ufeff")
    assert got.lstrip("\ufeff") == cli.stdout
    assert len(list(csv.DictReader(io.StringIO(cli.stdout)))) > 50


def test_edit_a_figure_so_a_sum_breaks(page: object, server: str, lianzhou: Path) -> None:
    upload(page, server, lianzhou / "source.pdf")
    page.wait_for_selector("#doc mark", timeout=60_000)  # type: ignore[attr-defined]
    before = page.inner_text("#summary")  # type: ignore[attr-defined]
    errors_before = page.locator(".findings > .card.err").count()  # type: ignore[attr-defined]
    # a part of a verified sum: the second operand of the first consistent GW101 card
    card = page.locator(".findings details .card.ok", has_text="GW101").first  # type: ignore[attr-defined]
    anchor = card.locator(".figs a").nth(1).get_attribute("href").removeprefix("#m-")
    row = page.locator(f"#row-{anchor}")  # type: ignore[attr-defined]
    row.locator("a.editlink").click()
    form = page.locator("form.editform")  # type: ignore[attr-defined]
    form.wait_for()
    value = form.locator("input[name=value]")
    value.fill(str(int(float(value.input_value())) + 1))
    shot(page, "correct-form")
    form.locator("button[type=submit]:not([name])").click()
    page.wait_for_selector(".findings > .card.err", timeout=30_000)  # type: ignore[attr-defined]
    assert page.locator(".findings > .card.err").count() > errors_before  # type: ignore[attr-defined]
    assert "GW101" in page.locator(".findings > .card.err").first.inner_text()  # type: ignore[attr-defined]
    assert page.locator("#doc mark.err.fixed").count() >= 1 or page.locator("#doc mark.err").count() >= 1  # type: ignore[attr-defined]
    assert page.inner_text("#summary") != before  # type: ignore[attr-defined]
    shot(page, "correct-rechecked")
    # the correction can be undone
    page.locator(f"#row-{anchor} a.editlink").click()  # type: ignore[attr-defined]
    page.locator("form.editform button[name=reset]").click()  # type: ignore[attr-defined]
    page.wait_for_function("s => { const e = document.getElementById('summary'); return e !== null && e.innerText === s; }", arg=before)  # type: ignore[attr-defined]


# -- corpus --------------------------------------------------------------------------------------
def test_corpus_build_panel_chart_and_crossyear(page: object, server: str) -> None:
    page.goto(server + "/corpus")  # type: ignore[attr-defined]
    page.fill("input[name=folder]", str(SAMPLES / "series"))  # type: ignore[attr-defined]
    page.click("form.build button")  # type: ignore[attr-defined]
    page.wait_for_selector("#corpus-docs tbody tr", timeout=90_000)  # type: ignore[attr-defined]
    assert page.locator("#corpus-docs tbody tr").count() == 3  # type: ignore[attr-defined]
    assert "完成" in page.inner_text("#build")  # type: ignore[attr-defined]
    shot(page, "corpus")
    page.goto(server + "/corpus/panel")  # type: ignore[attr-defined]
    programs = [o for o in page.locator("select[name=program] option").all_inner_texts() if o != "全部"]  # type: ignore[attr-defined]
    assert programs
    page.select_option("select[name=program]", "最低生活保障" if "最低生活保障" in programs else programs[0])  # type: ignore[attr-defined]
    page.click("form.filters button")  # type: ignore[attr-defined]
    page.wait_for_selector("#panel-table tbody tr")  # type: ignore[attr-defined]
    years = page.locator("#panel-table thead th.num").all_inner_texts()  # type: ignore[attr-defined]
    assert {"2021", "2022", "2023"} <= set(years)
    page.wait_for_function("() => { const i = document.getElementById('panel-chart'); "  # type: ignore[attr-defined]
                           "return i.complete && i.naturalWidth > 300; }", timeout=60_000)
    shot(page, "corpus-panel", full=True)
    page.goto(server + "/corpus/crossyear?passed=1")  # type: ignore[attr-defined]
    assert page.locator(".card").count() >= 1  # type: ignore[attr-defined]
    shot(page, "corpus-crossyear")


# -- draft ---------------------------------------------------------------------------------------
def test_draft_from_last_years_report(page: object, server: str) -> None:
    upload(page, server, SAMPLES / "qingxi-2022" / "qingxi-2022.docx", at="/draft")
    page.wait_for_selector("form.draft", timeout=60_000)  # type: ignore[attr-defined]
    inputs = page.locator("form.draft input[name^='v-']")  # type: ignore[attr-defined]
    assert inputs.count() >= 5
    first = inputs.first
    first.fill(str(int(float(first.get_attribute("placeholder"))) + 10))
    shot(page, "draft-form")
    page.click("form.draft button[type=submit]")  # type: ignore[attr-defined]
    page.wait_for_selector("#draft-download")  # type: ignore[attr-defined]
    assert re.search(r"\d+ 处需要看，\d+ 组数量关系一致", page.inner_text("#draft-check"))  # type: ignore[attr-defined]
    shot(page, "draft-done")
    with page.expect_download() as info:  # type: ignore[attr-defined]
        page.click("#draft-download")  # type: ignore[attr-defined]
    data = Path(info.value.path()).read_bytes()
    assert data[:2] == b"PK"
    from gongwen.extract.pipeline import extract

    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "draft.docx"
        p.write_bytes(data)
        assert extract(p).document.metadata.year == 2023


# -- security in the browser ---------------------------------------------------------------------
def test_script_in_a_report_stays_text(page: object, server: str, tmp_path: Path) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
    f = tmp_path / f"报告{IMG}.txt"
    f.write_text(f"青禾县民政局2023年工作总结{SCRIPT}\n一、低保工作{IMG}\n"
                 f"全县低保对象120户，其中城镇低保50户{SCRIPT}、农村低保70户。\n青禾县民政局\n2023年12月20日\n",
                 encoding="utf-8")
    upload(page, server, f)
    page.wait_for_selector("#doc mark")  # type: ignore[attr-defined]
    assert SCRIPT in page.inner_text("#doc") and IMG in page.inner_text("#doc")  # type: ignore[attr-defined]
    assert page.locator("img").count() == 0  # type: ignore[attr-defined]
    assert page.locator("main script").count() == 0  # type: ignore[attr-defined]
    page.goto(server + "/")  # type: ignore[attr-defined]
    assert "><img src=x onerror=alert(1)>.txt" in page.inner_text("table.list")  # the browser sends " as %22  # type: ignore[attr-defined]
    assert dialogs == []
    shot(page, "security-script-as-text")


def test_oversize_upload_refused_in_the_page(page: object, server: str, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * ((CAP_MB + 1) << 20))
    upload(page, server, big)
    page.wait_for_selector("#upload-msg .msg.err")  # type: ignore[attr-defined]
    assert f"上限为 {CAP_MB}.0 MB" in page.inner_text("#upload-msg")  # type: ignore[attr-defined]
    shot(page, "security-oversize")


def test_server_listens_on_loopback_only(server: str) -> None:
    port = int(server.rsplit(":", 1)[1])
    tcp = Path("/proc/net/tcp")
    if not tcp.exists():
        pytest.skip("no /proc/net/tcp")
    listening = [line.split()[1] for line in tcp.read_text().splitlines()[1:]
                 if line.split()[3] == "0A" and int(line.split()[1].split(":")[1], 16) == port]
    assert listening == [f"0100007F:{port:04X}"]
    v6 = Path("/proc/net/tcp6")
    if v6.exists():
        assert not [ln for ln in v6.read_text().splitlines()[1:]
                    if ln.split()[3] == "0A" and int(ln.split()[1].split(":")[1], 16) == port]
