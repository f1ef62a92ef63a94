"""The review desk's web application: a Starlette app, its guard and its lifespan.

``create_app(config)`` builds the app; :mod:`.pages` holds the request handlers.  The guard
(:class:`Guard`, plain ASGI) runs before every request:

- only the loopback address may connect unless the server was started with an explicit
  ``--host`` (and the Host header must name this machine, against DNS rebinding);
- a POST from another origin is refused (a web page elsewhere cannot drive the desk);
- request bodies are capped (uploads at ``max_upload`` bytes, forms at 1 MB);
- every response carries a strict Content-Security-Policy: scripts only from ``/static``.

It also gives each browser its session (a random id in an HttpOnly cookie).
"""

from __future__ import annotations

import contextlib
import ipaddress
import multiprocessing
import os
from collections.abc import AsyncIterator, Awaitable, Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any

import jinja2
from starlette.applications import Starlette
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from . import pages, worker
from .store import Store

HERE = Path(__file__).resolve().parent
COOKIE = "gongwen_session"
FORM_CAP = 1 << 20
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
LOCAL_NAMES = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


@dataclass
class Config:
    """How the desk runs: corpus database, upload cap, who may connect, worker processes."""

    db: Path = Path("gongwen.sqlite")
    max_upload: int = 30 << 20
    allow_remote: bool = False
    workers: int = max(1, min(2, os.cpu_count() or 1))
    temp_root: Path | None = None


class BodyTooLarge(Exception):
    """The request body passed its cap while it was being read."""


def is_loopback(host: str | None) -> bool:
    if not host:
        return False
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


class Guard:
    """Loopback only, same-origin POSTs, capped bodies, security headers, session cookie."""

    def __init__(self, app: Any, config: Config, store: Store) -> None:
        self.app = app
        self.config = config
        self.store = store

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        if not self.config.allow_remote:
            client = scope.get("client")
            if not is_loopback(client[0] if client else None):
                await _plain(send, 403, "只允许本机访问（服务以 127.0.0.1 启动；需要其他电脑访问请用 --host）")
                return
            host = headers.get("host", "")
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if host and name not in LOCAL_NAMES:
                await _plain(send, 400, "Host 不是本机地址")
                return
        method = scope["method"]
        if method not in ("GET", "HEAD"):
            origin = headers.get("origin")
            if origin is not None and origin.split("://", 1)[-1] != headers.get("host", ""):
                await _plain(send, 403, "拒绝来自其他网站的提交")
                return
            cap = self.config.max_upload + (64 << 10) if scope["path"] == "/upload" else FORM_CAP
            length = headers.get("content-length")
            if length is not None and length.isdigit() and int(length) > cap:
                await _drain(receive)
                await _plain(send, 413, pages.too_large_message(int(length), self.config.max_upload),
                             html=headers.get("hx-request") == "true")
                return
            receive = _capped(receive, cap)
        sid = _cookie(headers.get("cookie", ""))
        session = self.store.session(sid)
        scope.setdefault("state", {})["session"] = session
        new_cookie = session.id != sid
        static = scope["path"].startswith("/static/")

        async def send_wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                hs = list(message.get("headers", []))
                hs += [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                       (b"referrer-policy", b"same-origin"), (b"x-frame-options", b"DENY")]
                if not static:  # pages hold the reports: never cached; the vendored files may be
                    hs.append((b"cache-control", b"no-store"))
                if new_cookie:
                    hs.append((b"set-cookie", f"{COOKIE}={session.id}; Path=/; HttpOnly; SameSite=Strict".encode()))
                message = {**message, "headers": hs}
            await send(message)

        await self.app(scope, receive, send_wrapped)


def _cookie(header: str) -> str | None:
    c: SimpleCookie = SimpleCookie()
    try:
        c.load(header)
    except Exception:
        return None
    m = c.get(COOKIE)
    return m.value if m is not None else None


def _capped(receive: Receive, cap: int) -> Receive:
    seen = 0

    async def inner() -> Message:
        nonlocal seen
        message = await receive()
        seen += len(message.get("body", b""))
        if seen > cap:
            raise BodyTooLarge(seen)
        return message

    return inner


async def _drain(receive: Receive) -> None:
    """Read and drop a refused body, so the browser sees the answer instead of a reset connection."""
    while True:
        message = await receive()
        if message["type"] != "http.request" or not message.get("more_body"):
            return


async def _plain(send: Send, status: int, text: str, html: bool = False) -> None:
    from html import escape

    body = (f'<p class="msg err">{escape(text)}</p>' if html else text).encode("utf-8")
    ctype = b"text/html; charset=utf-8" if html else b"text/plain; charset=utf-8"
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", ctype), (b"content-length", str(len(body)).encode()),
                            (b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff")]})
    await send({"type": "http.response.body", "body": body})


def _pool(n: int) -> ProcessPoolExecutor:
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    pool = ProcessPoolExecutor(max_workers=n, mp_context=ctx, initializer=worker.warm)
    for _ in range(n):
        pool.submit(worker.ping)  # start every worker now: warming takes a second or two
    return pool


def create_app(config: Config | None = None) -> Starlette:
    """The desk as an ASGI app (serve it with :func:`gongwen.ui.serve` or any ASGI server)."""
    config = config or Config()
    store = Store(config.temp_root)
    # autoescape everything (not only *.html): the document's own text may hold markup
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")), autoescape=True)
    templates = Jinja2Templates(env=env)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        app.state.pool = _pool(config.workers)
        try:
            yield
        finally:
            pool = app.state.pool
            procs = list(getattr(pool, "_processes", {}).values())  # no public handle on the workers
            pool.shutdown(wait=False, cancel_futures=True)
            for p in procs:
                if p.is_alive():
                    p.terminate()
            store.close()

    app = Starlette(routes=[*pages.routes(), Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")],
                    lifespan=lifespan)
    app.state.config = config
    app.state.store = store
    app.state.templates = templates
    app.state.build = None
    app.state.rate = 0.08  # seconds per PDF page, refined by each finished upload
    app.add_middleware(_GuardFactory, config=config, store=store)
    return app


class _GuardFactory(Guard):
    """``add_middleware`` passes keyword arguments: this keeps Guard's signature plain."""

    def __init__(self, app: Any, *, config: Config, store: Store) -> None:
        super().__init__(app, config, store)


__all__ = ["Config", "Route", "create_app"]
