"""``gongwen ui``: start the review desk (one library call: :func:`gongwen.ui.server.serve`)."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import GongwenError


@click.command("ui")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True, help="TCP port (0: any free port).")
@click.option("--db", type=click.Path(dir_okay=False), default="gongwen.sqlite", show_default=True,
              help="Corpus database for the corpus pages (built from the page if absent).")
@click.option("--host", default=None,
              help="Listen on this address instead of 127.0.0.1 (other machines can then read uploads).")
@click.option("--max-upload-mb", type=click.IntRange(1, 1024), default=30, show_default=True,
              help="Largest file accepted for upload, in MB.")
@click.option("--workers", type=click.IntRange(1, 16), default=None,
              help="Processes reading uploads [default: 2, or 1 on a one-core machine].")
@click.option("--no-browser", is_flag=True, help="Do not open the browser.")
def ui_cmd(port: int, db: str, host: str | None, max_upload_mb: int, workers: int | None, no_browser: bool) -> None:
    """Serve the review desk in the browser: review, correct, export, corpus, draft."""
    try:
        from .app import Config
        from .server import LOOPBACK, serve
    except ModuleNotFoundError as e:
        if (e.name or "").startswith("gongwen"):
            raise
        raise GongwenError(f"gongwen ui needs the optional package {e.name}; "
                           "install it with: pip install 'gongwen[ui]'") from None
    config = Config(db=Path(db), max_upload=max_upload_mb << 20, allow_remote=host is not None)
    if workers:
        config.workers = workers
    if host is not None:
        click.echo(f"gongwen: warning: listening on {host}: anyone who can reach this machine on port {port} "
                   "can upload files and read the reports and the corpus; use it only on a trusted network",
                   err=True)

    def ready(url: str) -> None:
        click.echo(f"gongwen ui: serving on {url} (Ctrl+C to stop)", err=True)

    serve(config, host=host or LOOPBACK, port=port, open_browser=not no_browser, on_ready=ready)
