"""Serving the desk: bind the socket (loopback unless told otherwise), run uvicorn, open the browser."""

from __future__ import annotations

import socket
import threading
import webbrowser
from collections.abc import Callable

from ..errors import GongwenError
from .app import Config, create_app

LOOPBACK = "127.0.0.1"


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host:port`` (port 0: any free port); one clear error if taken."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as e:
        sock.close()
        raise GongwenError(f"cannot listen on {host}:{port}: {e.strerror or e} (pass another --port)") from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def url_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    return f"http://{'[' + shown + ']' if ':' in shown else shown}:{port}/"


def serve(config: Config, *, host: str = LOOPBACK, port: int = 8765, open_browser: bool = True,
          on_ready: Callable[[str], None] | None = None) -> None:
    """Run the desk until interrupted (Ctrl+C)."""
    import uvicorn

    sock = bind(host, port)
    url = url_of(sock)
    app = create_app(config)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on"))

    def announce() -> None:
        while not server.started and not server.should_exit:
            threading.Event().wait(0.05)
        if server.started:
            if on_ready is not None:
                on_ready(url)
            if open_browser:
                webbrowser.open(url)

    threading.Thread(target=announce, name="gongwen-ui-ready", daemon=True).start()
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
