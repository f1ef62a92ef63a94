"""Request handlers of the review desk: review, correct, export, corpus, draft.

Pages are rendered on the server (Jinja2, autoescaped); htmx swaps fragments for the upload
progress, the figure filters, the correction form and the corpus build.  Every page also works
as plain links and forms.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from ..errors import GongwenError
from . import corpus as corpus_view
from . import drafting, exports, review
from .overlay import CorrectionError, Overlay
from .store import Doc, Session, UploadError, valid_id

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_ROWS = 400  # figure-table rows sent at once; the filters narrow the rest
WAIT = 1.0  # a progress request waits this long for the worker before it answers


def _size(n: int) -> str:
    return f"{n / (1 << 20):.1f} MB" if n >= 1 << 20 else f"{max(1, round(n / 1024))} KB"


def too_large_message(size: int, cap: int) -> str:
    """The refusal of an upload over the cap, in the user's terms."""
    return (f"文件过大：上限为 {_size(cap)}，本次上传约 {_size(size)}。"
            "请压缩或拆分文件，或以 gongwen ui --max-upload-mb 调高上限。")


def _session(request: Request) -> Session:
    return request.state.session  # type: ignore[no-any-return]


def _page(request: Request, name: str, ctx: dict[str, Any], status: int = 200,
          headers: dict[str, str] | None = None) -> HTMLResponse:
    t = request.app.state.templates
    base = {"nav": ctx.pop("nav", ""), "db": str(request.app.state.config.db)}
    return t.TemplateResponse(request, name, {**base, **ctx}, status_code=status, headers=headers)  # type: ignore[no-any-return]


def _htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"


def _error(request: Request, message: str, status: int = 400) -> HTMLResponse:
    if _htmx(request):
        return _page(request, "_msg.html", {"message": message, "cls": "err"}, status)
    return _page(request, "error.html", {"message": message}, status)


async def _doc(request: Request, wait: float = 0.0) -> Doc | None:
    """The session's document named in the path, its result collected (waiting up to ``wait`` s)."""
    did = request.path_params.get("doc", "")
    if not valid_id(did):
        return None
    doc = _session(request).docs.get(did)
    if doc is None:
        return None
    if doc.state == "running" and doc.future is not None and wait > 0:
        # answer as soon as the worker is done: no polling delay on top of the reading time
        with contextlib.suppress(asyncio.TimeoutError, Exception):
            await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(doc.future)), wait)
    if doc.state == "running" and doc.future is not None and doc.future.done():
        await run_in_threadpool(doc.collect)
        if doc.state == "done" and doc.seconds and doc.path.suffix == ".pdf":
            pages = (doc.extraction.document.metadata.pages if doc.extraction else None) or 0
            if pages:
                request.app.state.rate = 0.5 * request.app.state.rate + 0.5 * doc.seconds / pages
    return doc


# -- review ------------------------------------------------------------------------------------
async def _collect_all(s: Session) -> None:
    for d in list(s.docs.values()):
        if d.state == "running" and d.future is not None and d.future.done():
            await run_in_threadpool(d.collect)


async def home(request: Request) -> HTMLResponse:
    s = _session(request)
    await _collect_all(s)
    docs = sorted(s.docs.values(), key=lambda d: -d.created)
    return _page(request, "home.html", {"nav": "review", "docs": docs,
                                        "cap_mb": request.app.state.config.max_upload >> 20})


async def upload(request: Request) -> Response:
    from .app import BodyTooLarge

    cfg = request.app.state.config
    try:
        form = await request.form(max_files=1, max_fields=4)
    except BodyTooLarge as e:
        return _error(request, too_large_message(int(e.args[0]), cfg.max_upload), 413)
    except MultiPartException as e:
        return _error(request, f"上传内容无法解析：{e}", 400)
    f = form.get("file")
    nxt = "draft" if form.get("next") == "draft" else "doc"
    if not isinstance(f, UploadFile) or not (f.filename or f.size):
        return _error(request, "请先选择一个 PDF、DOCX 或 TXT 文件", 400)
    data = await f.read()
    if len(data) > cfg.max_upload:
        return _error(request, too_large_message(len(data), cfg.max_upload), 413)
    try:
        doc = request.app.state.store.add_upload(_session(request), f.filename or "", data)
    except UploadError as e:
        return _error(request, f"{f.filename}：{e.reason}", 415)
    from . import worker

    doc.future = request.app.state.pool.submit(worker.analyse, str(doc.path))
    url = f"/{nxt}/{doc.id}"
    if not _htmx(request):
        return RedirectResponse(url, status_code=303)
    request.path_params["doc"] = doc.id
    await _doc(request, wait=WAIT)
    if doc.state != "running":
        return Response(status_code=200, headers={"HX-Redirect": url})
    return _page(request, "_progress.html", _progress_ctx(request, doc, nxt))


def _progress_ctx(request: Request, doc: Doc, nxt: str = "doc") -> dict[str, Any]:
    from .worker import read_stage

    st = read_stage(doc.folder)
    elapsed = time.time() - doc.created
    pages = st.get("pages")
    percent = None
    if pages:
        percent = min(95, int(100 * elapsed / max(0.5, pages * request.app.state.rate)))
    stage = {"read": "正在读取全文并识别数字", "check": "正在核对数量关系", "done": "即将完成"}.get(
        st.get("stage", ""), "排队等待处理")
    return {"doc": doc, "elapsed": f"{elapsed:.0f}", "pages": pages, "percent": percent, "stage": stage,
            "next": nxt}


async def doc_page(request: Request) -> Response:
    doc = await _doc(request)
    if doc is None:
        return _error(request, "没有这份文件（服务重启后上传的文件不会保留）", 404)
    if doc.state == "running":
        return _page(request, "progress.html", {"nav": "review", **_progress_ctx(request, doc)})
    if doc.state == "error":
        return _page(request, "error.html", {"nav": "review", "message": f"{doc.name}：{doc.error}"}, 422)
    def render() -> HTMLResponse:  # a 300-page report takes a while: not on the event loop
        return _page(request, "review.html", {"nav": "review", **_review_ctx(request, doc)})

    return await run_in_threadpool(render)


async def doc_progress(request: Request) -> Response:
    doc = await _doc(request, wait=WAIT)
    if doc is None:
        return _error(request, "没有这份文件", 404)
    nxt = "draft" if request.query_params.get("next") == "draft" else "doc"
    if doc.state != "running":
        return Response(status_code=200, headers={"HX-Redirect": f"/{nxt}/{doc.id}"})
    return _page(request, "_progress.html", _progress_ctx(request, doc, nxt))


def _filters(request: Request) -> dict[str, str]:
    return {k: request.query_params.get(k, "") for k in review.FILTERS}


def _review_ctx(request: Request, doc: Doc) -> dict[str, Any]:
    assert doc.corrected is not None
    view = _view(doc)
    flt = _filters(request)
    rows = review.figure_rows(doc.corrected, view.statuses, doc.overlay.figures, flt)
    edit = request.query_params.get("edit", "")
    md = doc.corrected.document.metadata
    return {"doc": doc, "view": view, "rows": rows, "filters": flt, "options": review.filter_options(doc.corrected),
            "md": md, "edit": _edit_ctx(doc, edit) if edit else None, "fixed": doc.overlay.figures,
            "exports": list(exports.FORMATS), "n_rows": len(rows), "n_figures": len(doc.corrected.figures),
            "max_rows": MAX_ROWS}


def _view(doc: Doc) -> review.ReviewView:
    """The marked text and cards, built once per state of the corrections."""
    key = (id(doc.corrected), id(doc.corrected_report))
    if doc.cache.get("key") != key:
        assert doc.corrected is not None
        doc.cache.update(key=key, view=review.build_view(doc.corrected, doc.corrected_report, doc.extraction))
    return doc.cache["view"]  # type: ignore[no-any-return]


async def figure_table(request: Request) -> Response:
    doc = await _doc(request)
    if doc is None or doc.corrected is None:
        return _error(request, "没有这份文件", 404)
    view = await run_in_threadpool(_view, doc)
    flt = _filters(request)
    rows = review.figure_rows(doc.corrected, view.statuses, doc.overlay.figures, flt)
    return _page(request, "_figtable.html", {"doc": doc, "rows": rows, "n_rows": len(rows),
                                             "n_figures": len(doc.corrected.figures), "max_rows": MAX_ROWS})


def _edit_ctx(doc: Doc, fid: str) -> dict[str, Any] | None:
    assert doc.extraction is not None and doc.corrected is not None
    orig = {f.id: f for f in doc.extraction.figures}.get(fid)
    cur = {f.id: f for f in doc.corrected.figures}.get(fid)
    if orig is None or cur is None:
        return None
    return {"fid": fid, "anchor": review.anchor(fid), "orig": orig, "cur": cur, "value": review.plain_number(cur.value),
            "orig_value": review.plain_number(orig.value), "kinds": list(review.KIND_LABEL.items()),
            "fixed": fid in doc.overlay.figures}


async def edit_form(request: Request) -> Response:
    doc = await _doc(request)
    if doc is None or doc.corrected is None:
        return _error(request, "没有这份文件", 404)
    ctx = _edit_ctx(doc, request.path_params["fid"])
    if ctx is None:
        return _error(request, "没有这个数字", 404)
    return _page(request, "_edit.html", {"doc": doc, "edit": ctx})


async def edit_save(request: Request) -> Response:
    doc = await _doc(request)
    if doc is None or doc.extraction is None:
        return _error(request, "没有这份文件", 404)
    fid = request.path_params["fid"]
    orig = {f.id: f for f in doc.extraction.figures}.get(fid)
    if orig is None:
        return _error(request, "没有这个数字", 404)
    form = await request.form(max_files=0, max_fields=12)
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    try:
        if fields.get("reset"):
            doc.overlay.reset(fid)
        else:
            doc.overlay.set(orig, fields)
    except CorrectionError as e:
        return _error(request, f"{orig.as_written}：{e}", 400)
    doc.overlay.save(doc.folder)
    await run_in_threadpool(doc.refresh)
    return RedirectResponse(f"/doc/{doc.id}?fixed={quote(fid)}#m-{review.anchor(fid)}", status_code=303)


async def export(request: Request) -> Response:
    doc = await _doc(request)
    kind = request.path_params["kind"]
    if doc is None or doc.corrected is None:
        return _error(request, "没有这份文件", 404)
    if kind not in exports.FORMATS:
        return _error(request, "没有这种导出格式", 404)
    try:
        data = await run_in_threadpool(exports.export, kind, doc.corrected, doc.corrected_report, doc.name,
                                       doc.overlay.figures)
    except GongwenError as e:
        return _error(request, e.reason, 500)
    stem = Path(doc.name).stem
    ascii_name = f"gongwen-{doc.id}-{kind}"
    disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(stem + '-' + kind)}"
    return Response(data, media_type=exports.FORMATS[kind], headers={"Content-Disposition": disposition})


# -- corpus ------------------------------------------------------------------------------------
def _db(request: Request) -> Path:
    return Path(request.app.state.config.db)


def _chosen(request: Request) -> dict[str, str]:
    return {k: request.query_params.get(k, "") for k in corpus_view.PANEL_FILTERS}


async def corpus_page(request: Request) -> Response:
    db = _db(request)
    docs, message = [], None
    if db.exists():
        try:
            docs = await run_in_threadpool(corpus_view.documents, db)
        except GongwenError as e:
            message = e.reason
    return _page(request, "corpus.html", {"nav": "corpus", "docs": docs, "exists": db.exists(), "message": message,
                                          "build": request.app.state.build,
                                          "n_error": sum(1 for d in docs if d["status"] == "error")})


async def corpus_build(request: Request) -> Response:
    form = await request.form(max_files=0, max_fields=4)
    folder = str(form.get("folder") or "").strip()
    job = request.app.state.build
    if job is not None and job.running:
        return _error(request, "已有一个语料库正在构建，请等待完成", 409)
    if not folder:
        return _error(request, "请填写报告所在的文件夹", 400)
    job = corpus_view.BuildJob(folder, _db(request))
    try:
        await run_in_threadpool(job.start)
    except GongwenError as e:
        return _error(request, f"{folder}：{e.reason}", 400)
    request.app.state.build = job
    if _htmx(request):
        return _page(request, "_build.html", {"build": job})
    return RedirectResponse("/corpus", status_code=303)


async def corpus_build_progress(request: Request) -> Response:
    job = request.app.state.build
    if job is None:
        return _error(request, "没有正在进行的构建", 404)
    headers = {"HX-Refresh": "true"} if not job.running and request.query_params.get("poll") else None
    return _page(request, "_build.html", {"build": job}, headers=headers)


async def corpus_panel(request: Request) -> Response:
    db = _db(request)
    if not db.exists():
        return _error(request, f"语料库 {db} 不存在，请先在“语料库”页构建", 404)
    chosen = _chosen(request)
    opts = await run_in_threadpool(corpus_view.options, db, chosen)
    p, message, chart = None, None, None
    if any(chosen.values()):
        p, message = await run_in_threadpool(corpus_view.panel_table, db, chosen)
        chart = await run_in_threadpool(corpus_view.chart_problem) if p is not None else None
    query = "&".join(f"{k}={quote(v)}" for k, v in chosen.items() if v)
    return _page(request, "panel.html", {"nav": "corpus", "chosen": chosen, "options": opts, "panel": p,
                                         "rows": corpus_view.panel_rows(p) if p else [], "message": message,
                                         "chart_problem": chart,
                                         "query": query})


async def corpus_panel_png(request: Request) -> Response:
    db = _db(request)
    if not db.exists():
        return Response("no corpus", status_code=404, media_type="text/plain; charset=utf-8")
    try:
        data = await run_in_threadpool(corpus_view.panel_png, db, _chosen(request))
    except GongwenError as e:
        return Response(e.reason, status_code=422, media_type="text/plain; charset=utf-8")
    return Response(data, media_type="image/png")


async def corpus_crossyear(request: Request) -> Response:
    db = _db(request)
    if not db.exists():
        return _error(request, f"语料库 {db} 不存在，请先在“语料库”页构建", 404)
    show = request.query_params.get("passed") == "1"
    found = await run_in_threadpool(corpus_view.crossyear, db, show_passed=show)
    cards = [{"cls": review.finding_class(cf.finding), "cf": cf, "f": cf.finding,
              "severity": review.SEVERITY_LABEL.get(cf.finding.severity, ""),
              "status": review.STATUS_WORD.get(cf.finding.status, ""),
              "doc": Path(cf.document).name, "prev": Path(cf.previous_document or "?").name} for cf in found]
    return _page(request, "crossyear.html", {"nav": "corpus", "cards": cards, "show": show})


# -- draft -------------------------------------------------------------------------------------
async def draft_home(request: Request) -> Response:
    s = _session(request)
    await _collect_all(s)
    docs = sorted(s.docs.values(), key=lambda d: -d.created)
    return _page(request, "draft_pick.html", {"nav": "draft", "docs": docs,
                                              "cap_mb": request.app.state.config.max_upload >> 20})


async def draft_form(request: Request) -> Response:
    doc = await _doc(request)
    if doc is None:
        return _error(request, "没有这份文件", 404)
    if doc.state == "running":
        return _page(request, "progress.html", {"nav": "draft", **_progress_ctx(request, doc, "draft")})
    if doc.state == "error" or doc.extraction is None:
        return _error(request, f"{doc.name}：{doc.error}", 422)
    year = request.query_params.get("year", "")
    try:
        t = await run_in_threadpool(drafting.template, doc.extraction, int(year) if year.isdigit() else None)
    except GongwenError as e:
        return _error(request, f"{doc.name}：{e.reason}", 422)
    return _page(request, "draft_form.html", {"nav": "draft", "doc": doc, "t": t, "slots": drafting.slot_rows(t),
                                              "md": doc.extraction.document.metadata})


async def draft_make(request: Request) -> Response:
    doc = await _doc(request)
    if doc is None or doc.extraction is None:
        return _error(request, "没有这份文件", 404)
    form = await request.form(max_files=0, max_fields=5000)
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    year = fields.get("year", "")
    date = fields.get("date", "").strip()
    if date and not _DATE.match(date):
        return _error(request, f"成文日期应为 YYYY-MM-DD，收到“{date}”", 400)
    try:
        t = await run_in_threadpool(drafting.template, doc.extraction, int(year) if year.isdigit() else None)
        values = drafting.values_from_form(t, fields)
        from .store import new_id

        outcome = await run_in_threadpool(drafting.make_draft, t, values, date or None, doc.folder, new_id())
    except CorrectionError as e:
        return _error(request, str(e), 400)
    except GongwenError as e:
        return _error(request, f"{doc.name}：{e.reason}", 422)
    _session(request).drafts[outcome.id] = outcome
    cards = [{"cls": review.finding_class(f), "f": f, "severity": review.SEVERITY_LABEL.get(f.severity, ""),
              "status": review.STATUS_WORD.get(f.status, "")} for f in outcome.findings]
    problems = [c for c in cards if c["cls"] in ("err", "warn")]
    return _page(request, "draft_done.html", {"nav": "draft", "doc": doc, "o": outcome, "problems": problems,
                                              "n_ok": sum(1 for c in cards if c["cls"] == "ok")})


async def draft_download(request: Request) -> Response:
    did = request.path_params.get("draft", "")
    o = _session(request).drafts.get(did) if valid_id(did) else None
    if o is None:
        return _error(request, "没有这份草稿", 404)
    return Response(o.path.read_bytes(),
                    media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    headers={"Content-Disposition": f'attachment; filename="draft-{o.year}-{o.id}.docx"'})


async def favicon(request: Request) -> Response:
    return Response(status_code=204)


def routes() -> list[Route]:
    return [
        Route("/", home),
        Route("/favicon.ico", favicon),
        Route("/upload", upload, methods=["POST"]),
        Route("/doc/{doc}", doc_page),
        Route("/doc/{doc}/progress", doc_progress),
        Route("/doc/{doc}/figures", figure_table),
        Route("/doc/{doc}/figure/{fid}/edit", edit_form),
        Route("/doc/{doc}/figure/{fid}", edit_save, methods=["POST"]),
        Route("/doc/{doc}/export/{kind}", export),
        Route("/corpus", corpus_page),
        Route("/corpus/build", corpus_build, methods=["POST"]),
        Route("/corpus/build/progress", corpus_build_progress),
        Route("/corpus/panel", corpus_panel),
        Route("/corpus/panel.png", corpus_panel_png),
        Route("/corpus/crossyear", corpus_crossyear),
        Route("/draft", draft_home),
        Route("/draft/{doc}", draft_form),
        Route("/draft/{doc}/make", draft_make, methods=["POST"]),
        Route("/draft/{doc}/file/{draft}", draft_download),
    ]


__all__ = ["Overlay", "routes", "too_large_message"]
