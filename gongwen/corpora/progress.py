"""Build progress: a rich bar on a terminal, plain lines (every few seconds) elsewhere."""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO


class Progress:
    """Files done/total, files per second, ETA and errors so far.

    Use as a context manager; call :meth:`advance` once per finished file.  ``mode`` is
    ``"bar"`` (rich), ``"lines"`` (one plain line every ``interval`` seconds and at the end) or
    ``"off"``; ``"auto"`` picks the bar when ``stream`` is a terminal.
    """

    def __init__(self, total: int, *, stream: TextIO | None = None, mode: str = "auto",
                 interval: float = 2.0, label: str = "corpus") -> None:
        self.total = total
        self.done = 0
        self.errors = 0
        self.stream = stream or sys.stderr
        if mode == "auto":
            mode = "bar" if _isatty(self.stream) else "lines"
        self.mode = mode
        self.interval = interval
        self.label = label
        self._t0 = time.monotonic()
        self._last = 0.0
        self._rich: Any = None
        self._task: Any = None

    # -- context -------------------------------------------------------------------------------
    def __enter__(self) -> Progress:
        self._t0 = self._last = time.monotonic()
        if self.mode == "bar" and self.total:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as RichProgress

            self._rich = RichProgress(
                TextColumn("[bold]{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                TimeElapsedColumn(),
                TextColumn("{task.fields[errs]}"),
                console=Console(file=self.stream),
                transient=False,
            )
            self._rich.start()
            self._task = self._rich.add_task(self.label, total=self.total, rate="", errs="")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._rich is not None:
            self._rich.stop()
            self._rich = None
        elif self.mode == "lines" and self.total and self.done and self._last_done != self.done:
            self._line()

    _last_done = -1

    # -- updates -------------------------------------------------------------------------------
    @property
    def rate(self) -> float:
        dt = time.monotonic() - self._t0
        return self.done / dt if dt > 0 else 0.0

    def eta(self) -> float | None:
        r = self.rate
        return (self.total - self.done) / r if r > 0 else None

    def advance(self, *, error: bool = False) -> None:
        """Count one finished file (``error`` when it failed)."""
        self.done += 1
        self.errors += int(error)
        if self._rich is not None:
            errs = f"[red]{self.errors} error{'s' if self.errors != 1 else ''}" if self.errors else ""
            self._rich.update(self._task, advance=1, rate=f"{self.rate:.1f} files/s", errs=errs)
        elif self.mode == "lines":
            now = time.monotonic()
            if now - self._last >= self.interval or self.done == self.total:
                self._line()
                self._last = now

    def note(self, message: str) -> None:
        """Print a message above the bar (or as its own line)."""
        if self._rich is not None:
            self._rich.console.print(message, markup=False, highlight=False)
        elif self.mode != "off":
            print(message, file=self.stream, flush=True)

    def _line(self) -> None:
        eta = self.eta()
        eta_s = f", ETA {_hms(eta)}" if eta is not None and self.done < self.total else ""
        errs = f", {self.errors} error{'s' if self.errors != 1 else ''}" if self.errors else ""
        print(f"{self.label}: {self.done}/{self.total} files ({self.rate:.1f} files/s{eta_s}{errs})",
              file=self.stream, flush=True)
        self._last_done = self.done


def _hms(seconds: float) -> str:
    s = int(round(seconds))
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
