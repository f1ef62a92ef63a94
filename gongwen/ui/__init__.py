"""``gongwen ui``: a local review desk in the browser for clerks and analysts.

Review a report (figures highlighted by check status, findings with their arithmetic),
correct figures and re-check, export, look at a corpus (panel, chart, cross-year findings),
and draft next year's report.  Starlette + uvicorn + Jinja2 + a vendored htmx; server-side
rendering, no JavaScript build step, nothing loaded from the network.  Needs the ``ui`` extra
(``pip install 'gongwen[ui]'``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .app import Config, create_app
    from .server import serve

__all__ = ["Config", "create_app", "serve"]


def __getattr__(name: str) -> Any:
    if name in ("Config", "create_app"):
        from . import app

        return getattr(app, name)
    if name == "serve":
        from .server import serve

        return serve
    raise AttributeError(f"module 'gongwen.ui' has no attribute {name!r}")
