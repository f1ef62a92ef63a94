"""The review desk without a browser: security (escaping, caps, file names, who may connect),
corrections and exports, through Starlette's in-process client."""

from __future__ import annotations

import csv
import io
import json
import socket
import time
from decimal import Decimal
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")
import warnings

from conftest import SAMPLES

with warnings.catch_warnings():  # Starlette 1.x prefers httpx2; httpx still works
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from gongwen.ui.app import Config, create_app
from gongwen.ui.overlay import CorrectionError, Overlay, parse_value
from gongwen.ui.server import bind
from gongwen.ui.store import UploadError, display_name, sniff_suffix

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
# An invented report whose title and text carry markup.
HOSTILE = (f"青禾县民政局2023年工作总结{SCRIPT}\n"
           f"一、低保工作{IMG}\n"
           f"全县低保对象120户，其中城镇低保50户{SCRIPT}、农村低保60户。\n"
           "青禾县民政局\n2023年12月20日\n")
SUM_OK = ("青禾县民政局2023年工作总结\n一、低保工作\n全县低保对象120户，其中城镇低保50户、农村低保70户。\n"
          "青禾县民政局\n2023年12月20日\n")


def local_client(app: object, **kw: object) -> TestClient:
    """An in-process client that looks like the browser on this machine."""
    return TestClient(app, base_url="http://127.0.0.1:8765", client=("127.0.0.1", 50000), **kw)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def app_and_root(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("ui-root")
    app = create_app(Config(db=root / "none.sqlite", max_upload=64 << 10, workers=1, temp_root=root))
    with local_client(app) as client:
        yield client, app, root


@pytest.fixture()
def client(app_and_root) -> TestClient:
    return app_and_root[0]


def _upload(client: TestClient, name: str, data: bytes) -> str:
    r = client.post("/upload", files={"file": (name, data, "application/octet-stream")}, follow_redirects=False)
    assert r.status_code == 303, r.text
    return r.headers["location"]


def _wait(client: TestClient, url: str, timeout: float = 60) -> str:
    t0 = time.time()
    while time.time() - t0 < timeout:
        r = client.get(url)
        if "正在处理" not in r.text:
            return r.text
        time.sleep(0.1)
    raise AssertionError(f"{url} still processing after {timeout} s")


# -- escaping ------------------------------------------------------------------------------------
def test_markup_in_title_text_and_file_name_renders_as_text(client: TestClient) -> None:
    url = _upload(client, f"报告{IMG}.txt", HOSTILE.encode("utf-8"))
    page = _wait(client, url)
    assert "<mark" in page  # it was read and marked
    assert SCRIPT not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    home = client.get("/").text
    assert "<img src=x" not in home and "&gt;&lt;img src=x onerror=alert(1)&gt;.txt" in home


def test_every_response_forbids_inline_script(client: TestClient) -> None:
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"


# -- uploads -------------------------------------------------------------------------------------
def test_oversize_upload_refused_with_a_message_and_nothing_stored(app_and_root) -> None:
    client, app, root = app_and_root
    before = set(root.rglob("*"))
    r = client.post("/upload", files={"file": ("大文件.txt", b"x" * (200 << 10), "text/plain")})
    assert r.status_code == 413
    assert "文件过大：上限为 64 KB，本次上传约 200 KB" in r.text
    assert set(root.rglob("*")) == before


def test_oversize_upload_by_htmx_gets_a_fragment(client: TestClient) -> None:
    r = client.post("/upload", files={"file": ("big.pdf", b"%PDF-" + b"0" * (200 << 10), "application/pdf")},
                    headers={"HX-Request": "true"})
    assert r.status_code == 413 and r.text.startswith('<p class="msg err">文件过大')


@pytest.mark.parametrize("name", ["../../escape.txt", "..\\..\\escape.txt", "/tmp/escape.txt", "a/../../../escape.md",
                                  "escape\x00.txt", "....//....//escape.txt", "%2e%2e%2fescape.txt"])
def test_crafted_file_name_cannot_leave_the_session_folder(app_and_root, name: str) -> None:
    client, app, root = app_and_root
    outside = set(root.parent.iterdir())
    url = _upload(client, name, SUM_OK.encode("utf-8"))
    doc_id = url.rsplit("/", 1)[1]
    stored = list(root.rglob(f"{doc_id}/source.*"))
    assert len(stored) == 1 and stored[0].name in ("source.txt", "source.md")
    assert stored[0].resolve().is_relative_to(root.resolve())
    assert set(root.parent.iterdir()) == outside
    assert not Path("/tmp/escape.txt").exists()


def test_unsupported_content_refused(client: TestClient) -> None:
    r = client.post("/upload", files={"file": ("x.bin", b"\x00\x01\x02binary", "application/octet-stream")})
    assert r.status_code == 415 and "只支持" in r.text


def test_sniffing_and_display_names() -> None:
    assert sniff_suffix("a.docx", b"PK\x03\x04...") == ".docx"
    assert sniff_suffix("notes", "纯文本".encode()) == ".txt"
    with pytest.raises(UploadError):
        sniff_suffix("fake.pdf", b"hello")
    assert display_name("C:\\Users\\me\\报告.pdf") == "报告.pdf"
    assert display_name("../../etc/passwd") == "passwd"
    assert display_name("a\x00b\nc.txt") == "abc.txt"


# -- who may connect -----------------------------------------------------------------------------
def test_other_hosts_refused_by_default(app_and_root) -> None:
    _, app, _ = app_and_root
    remote = TestClient(app, base_url="http://127.0.0.1:8765", client=("192.0.2.7", 50000))  # no `with`: the app runs on
    r = remote.get("/")
    assert r.status_code == 403 and "只允许本机访问" in r.text


def test_foreign_host_header_and_cross_origin_post_refused(client: TestClient) -> None:
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 400
    r = client.post("/upload", headers={"Origin": "http://evil.example"}, files={"file": ("a.txt", b"x")})
    assert r.status_code == 403


def test_explicit_host_lets_others_in(tmp_path: Path) -> None:
    app = create_app(Config(db=tmp_path / "x.sqlite", allow_remote=True, workers=1, temp_root=tmp_path))
    remote = TestClient(app, base_url="http://10.0.0.5:8765", client=("192.0.2.7", 50000))  # no lifespan needed
    assert remote.get("/").status_code == 200


def test_port_in_use_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    from gongwen.cli import main

    sock = bind("127.0.0.1", 0)
    try:
        with pytest.raises(SystemExit) as e:
            main(["ui", "--no-browser", "--port", str(sock.getsockname()[1])])
    finally:
        sock.close()
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("gongwen: error: cannot listen on 127.0.0.1:") and err.count("\n") == 1


def test_default_bind_is_loopback_only() -> None:
    sock = bind("127.0.0.1", 0)
    try:
        assert sock.getsockname()[0] == "127.0.0.1"
        port = sock.getsockname()[1]
        with socket.create_connection(("127.0.0.1", port), timeout=2):
            pass
    finally:
        sock.close()


# -- corrections and exports ---------------------------------------------------------------------
def test_correction_breaks_the_sum_then_reset_restores(client: TestClient) -> None:
    url = _upload(client, "sum.txt", SUM_OK.encode("utf-8"))
    page = _wait(client, url)
    assert "0 处错误" in page and 'class="card err"' not in page
    doc_id = url.rsplit("/", 1)[1]
    rows = list(csv.DictReader(io.StringIO(client.get(f"/doc/{doc_id}/export/figures.csv").text.lstrip("\ufeff"))))
    part = next(r for r in rows if r["as_written"].startswith("70"))
    r = client.post(f"/doc/{doc_id}/figure/{part['id']}", data={"value": "75"}, follow_redirects=False)
    assert r.status_code == 303
    page = client.get(url).text
    assert "1 处错误" in page and 'class="card err"' in page and "GW101" in page
    assert '<ins class="fix">→75</ins>' in page
    overlay = json.loads((Path(_folder(client, doc_id)) / "overlay.json").read_text(encoding="utf-8"))
    assert overlay["figures"][part["id"]] == {"value": "75"}
    rows2 = list(csv.DictReader(io.StringIO(client.get(f"/doc/{doc_id}/export/figures.csv").text.lstrip("\ufeff"))))
    assert next(r for r in rows2 if r["id"] == part["id"])["value"] == "75"
    sarif = json.loads(client.get(f"/doc/{doc_id}/export/check.sarif").text)
    assert any(res["ruleId"] == "GW101" and res["level"] == "error" for res in sarif["runs"][0]["results"])
    client.post(f"/doc/{doc_id}/figure/{part['id']}", data={"reset": "1"})
    assert "0 处错误" in client.get(url).text


def _folder(client: TestClient, doc_id: str) -> str:
    app = client.app
    for s in app.state.store.sessions.values():  # type: ignore[attr-defined]
        if doc_id in s.docs:
            return str(s.docs[doc_id].folder)
    raise AssertionError(doc_id)


def test_exports_have_the_right_types(client: TestClient) -> None:
    url = _upload(client, "sum.txt", SUM_OK.encode("utf-8"))
    _wait(client, url)
    doc_id = url.rsplit("/", 1)[1]
    j = client.get(f"/doc/{doc_id}/export/figures.json")
    assert j.json()["document"]["source"] == "sum.txt" and len(j.json()["figures"]) == 3
    assert client.get(f"/doc/{doc_id}/export/figures.xlsx").content[:2] == b"PK"
    h = client.get(f"/doc/{doc_id}/export/check.html")
    assert h.headers["content-type"].startswith("text/html") and "attachment" in h.headers["content-disposition"]
    assert client.get(f"/doc/{doc_id}/export/../../etc").status_code == 404
    assert client.get("/doc/0123456789abcdef").status_code == 404
    assert client.get("/doc/..%2F..%2Fetc").status_code == 404


def test_filters_narrow_the_figure_table(client: TestClient) -> None:
    url = _upload(client, "sum.txt", SUM_OK.encode("utf-8"))
    _wait(client, url)
    doc_id = url.rsplit("/", 1)[1]
    all_rows = client.get(f"/doc/{doc_id}/figures").text.count('<tr id="row-')
    ok_rows = client.get(f"/doc/{doc_id}/figures?status=ok").text.count('<tr id="row-')
    assert all_rows == 3 and ok_rows == 3
    assert client.get(f"/doc/{doc_id}/figures?status=err").text.count('<tr id="row-') == 0


def test_draft_from_a_sample(client: TestClient) -> None:
    url = _upload(client, "qingxi-2022.docx", (SAMPLES / "qingxi-2022" / "qingxi-2022.docx").read_bytes())
    doc_id = url.rsplit("/", 1)[1]
    _wait(client, url)
    form = client.get(f"/draft/{doc_id}").text
    assert "起草 2023 年报告" in form and 'name="v-s1"' in form
    r = client.post(f"/draft/{doc_id}/make", data={"year": "2023", "v-s1": "900"})
    assert r.status_code == 200 and "草稿已生成" in r.text
    link = r.text.split('id="draft-download" class="button" href="')[1].split('"')[0]
    docx = client.get(link)
    assert docx.content[:2] == b"PK" and len(docx.content) > 5000
    bad = client.post(f"/draft/{doc_id}/make", data={"year": "2023", "v-s1": "九百"})
    assert bad.status_code == 400 and "s1" in bad.text


# -- the overlay ---------------------------------------------------------------------------------
def test_overlay_round_trip(tmp_path: Path) -> None:
    from gongwen.extract.pipeline import document_from_text, extract

    ext = extract(document_from_text(SUM_OK))
    f = ext.figures[1]
    o = Overlay()
    o.set(f, {"value": "5.5", "metric": "新指标"})
    o.save(tmp_path)
    back = Overlay.load(tmp_path)
    assert back.figures == {f.id: {"value": "5.5", "metric": "新指标"}}
    g = back.apply(ext).figures[1]
    assert g.value == Decimal("5.5") and g.metric == "新指标" and g.quantum == Decimal("0.1")
    assert g.span == f.span and g.as_written == f.as_written
    o.set(f, {"value": str(f.value)})
    assert o.empty
    assert parse_value("１２,３４5.0") == Decimal("12345.0")
    with pytest.raises(CorrectionError):
        parse_value("abc")


def test_reviewed_docx_carries_the_findings_as_comments(client: TestClient, tmp_path: Path) -> None:
    """A .docx report comes back with its findings as Word comments (批注); a text upload is not offered it."""
    import zipfile

    import docx

    d = docx.Document()
    d.add_paragraph("青禾县民政局2023年工作总结")
    d.add_paragraph("一、社会救助")
    d.add_paragraph("全县低保对象380户，其中城镇低保104户、农村低保263户。")  # the parts do not add up
    path = tmp_path / "r.docx"
    d.save(str(path))
    url = _upload(client, "报告.docx", path.read_bytes())
    page = _wait(client, url)
    doc_id = url.rsplit("/", 1)[1]
    assert "加批注的原文 DOCX" in page
    r = client.get(f"/doc/{doc_id}/export/reviewed.docx")
    assert r.status_code == 200 and r.content[:2] == b"PK"
    with zipfile.ZipFile(io.BytesIO(r.content)) as z:
        comments = z.read("word/comments.xml").decode("utf-8")
    assert "380" in comments
    txt = _upload(client, "sum.txt", SUM_OK.encode("utf-8"))
    assert "加批注的原文 DOCX" not in _wait(client, txt)
