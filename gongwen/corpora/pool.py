"""Worker processes that can be killed: one file at a time each, a deadline per file.

``concurrent.futures`` cannot stop a task that runs too long, and one dying worker breaks the
whole pool.  Here each worker is a process with its own pipe: the parent sends it paths, at
most ``LOOKAHEAD`` beyond the one it is extracting (so it goes on while the parent writes the
last result), and, as the worker takes them in order, knows which one it holds and since
when: the next starts when the previous result arrives.  A worker past the
per-document ``timeout`` is killed (SIGKILL) and replaced, and its file is recorded as failed
with the reason; a worker that dies (segfault, out of memory) fails only the file it held (the
ones queued behind it go back to the queue).  A
worker's address space can be capped (``memory_mb``), so a file that needs more memory fails
with ``MemoryError`` instead of taking the machine down.

A worker that cannot start (the extractor fails to load, ``--memory`` too low for the imports)
is not replaced; when none is left, the files not extracted are recorded as failed with the
reason (without their bytes, so the next run retries them) and :class:`WorkerStartError` ends
the build in one line.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Generator
from multiprocessing.connection import Connection, wait
from typing import Any

from ..errors import GongwenError
from .worker import init_worker, one_line, process

#: Per-document time limit of ``corpus build`` (seconds); a report takes one to ten.
DEFAULT_TIMEOUT = 300.0
#: Address space of one worker process (MB); 0 for no limit.
DEFAULT_MEMORY_MB = 4096
#: The clock a file's running time is read on, against ``timeout`` (a module attribute: a test
#: runs the engine on a clock that passes only when a file it made hang has begun to hang, so
#: that what it asserts depends on no machine's load).
_clock: Callable[[], float] = time.monotonic
_DIED = "worker process died while extracting this file (crash or out of memory)"
#: Paths a worker holds beyond the one it extracts: with one, it never waits for the parent.
LOOKAHEAD = 1


class WorkerStartError(GongwenError, RuntimeError):
    """No corpus worker could start: every file would fail alike, so the build ends."""


def _mp_context() -> multiprocessing.context.BaseContext:
    """``forkserver`` where available: fork-safe with the progress thread running, cheap workers."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _worker_main(conn: Connection, extractor: Any, parent_pid: int, memory_mb: int) -> None:
    """A worker: load the extractor, say ready, then extract each path it is sent.

    A failure while starting is sent to the parent as one line (``{"start_error": …}``) instead
    of a traceback on the build's stderr.
    """
    try:
        if memory_mb:
            import resource

            limit = memory_mb << 20
            try:
                resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
            except (ValueError, OSError):  # a lower hard limit is already in force: keep it
                pass
        init_worker(extractor, parent_pid)
    except BaseException as e:  # noqa: BLE001 - whatever it is, the parent reports it in one line
        try:
            conn.send({"start_error": one_line(e)})
        except BaseException:  # noqa: BLE001 - the parent then reports the exit status
            pass
        return
    conn.send(None)
    while True:
        try:
            path = conn.recv()
        except (EOFError, OSError):
            return
        if path is None:
            return
        try:
            res = process(path)
        except MemoryError:
            res = {"path": path, "status": "error", "gongwen_version": None,
                   "error": f"out of memory (the worker's limit is {memory_mb} MB; see --memory)"}
        if res.get("error") == "MemoryError":
            res["error"] = f"out of memory (the worker's limit is {memory_mb} MB; see --memory)"
        conn.send(res)


class _Worker:
    def __init__(self, ctx: Any, extractor: Any, memory_mb: int) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, extractor, os.getpid(), memory_mb), daemon=True)
        self.proc.start()
        child.close()
        self.ready = False
        self.paths: deque[str] = deque()  # sent, not yet answered; the first is being extracted
        self.started = 0.0  # when the first one started

    @property
    def path(self) -> str | None:
        """The path being extracted, if any."""
        return self.paths[0] if self.paths else None

    def assign(self, path: str) -> None:
        if not self.paths:
            self.started = _clock()
        self.paths.append(path)
        self.conn.send(path)

    def answered(self) -> None:
        """The first path's result arrived: the worker has started on the next one."""
        self.paths.popleft()
        self.started = _clock()

    def kill(self) -> None:
        if self.proc.is_alive():
            try:
                os.kill(self.proc.pid, signal.SIGKILL)
            except (ProcessLookupError, TypeError):
                pass
        self.proc.join(timeout=5)
        self.conn.close()


def _exit_status(code: int | None) -> str:
    """How a worker process ended, for a message."""
    if code is not None and code < 0:
        try:
            return f"its process was killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"its process was killed by signal {-code}"
    return f"its process exited with status {code}"


def run(todo: list[str], *, jobs: int, extractor: Any, timeout: float | None, memory_mb: int,
        failure: Callable[[str, str], dict[str, Any]]) -> Generator[dict[str, Any], None, None]:
    """Extract every path of ``todo`` in ``jobs`` workers; yield each result as it arrives.

    ``failure(path, reason)`` makes the result of a file whose worker died or ran out of time.
    Closing the generator (or an exception in the consumer) kills every worker.
    """
    ctx = _mp_context()
    queue: deque[str] = deque(todo)
    workers: list[_Worker] = []
    alive: list[_Worker] = []
    pending = len(todo)
    start_error: str | None = None  # why the last worker that could not start died
    try:
        workers = [_Worker(ctx, extractor, memory_mb) for _ in range(min(jobs, len(todo)))]
        while pending:
            for w in workers:
                # a lookahead only while every worker can have one: the last files go to idle workers
                depth = 1 + (LOOKAHEAD if len(queue) >= len(workers) else 0)
                while w.ready and len(w.paths) < depth and queue:
                    w.assign(queue.popleft())
            waitables: list[Any] = [w.conn for w in workers] + [w.proc.sentinel for w in workers]
            ready = set(wait(waitables, timeout=0.5))
            now = _clock()
            alive = []
            for w in workers:
                reason = None
                if w.conn in ready:
                    try:
                        msg = w.conn.recv()
                    except (EOFError, OSError):
                        reason = _DIED
                    else:
                        if isinstance(msg, dict) and "start_error" in msg:
                            start_error = msg["start_error"]
                            w.kill()
                            continue
                        alive.append(w)
                        if msg is None:
                            w.ready = True
                        else:
                            w.answered()
                            pending -= 1
                            yield msg
                        continue
                elif w.proc.sentinel in ready:
                    reason = _DIED
                elif w.path is not None and timeout and now - w.started > timeout:
                    reason = f"timed out after {timeout:g} s (--timeout): too slow to extract"
                if reason is None:
                    alive.append(w)
                    continue
                path, was_ready = w.path, w.ready
                w.kill()
                if not was_ready:  # died while loading the extractor: not replaced (would die alike)
                    start_error = _exit_status(w.proc.exitcode)
                    continue
                if len(w.paths) > 1:  # queued behind the culprit, never started: not blamed
                    queue.extendleft(reversed(list(w.paths)[1:]))
                w.paths.clear()
                if queue:
                    alive.append(_Worker(ctx, extractor, memory_mb))
                if path is not None:
                    pending -= 1
                    yield failure(path, reason)
            workers = alive
            if pending and not workers:
                if start_error is not None:
                    hint = f" (each worker has {memory_mb} MB of address space: see --memory)" if memory_mb else ""
                    reason = f"not extracted: no corpus worker could start: {start_error}{hint}"
                    for path in queue:
                        yield {"path": path, "status": "error", "gongwen_version": None, "error": reason}
                    raise WorkerStartError(f"corpus build stopped: no worker could start: {start_error}{hint}; "
                                           f"{len(queue)} file(s) recorded as not extracted")
                workers = [_Worker(ctx, extractor, memory_mb)]
    finally:
        workers = list({id(w): w for w in workers + alive}.values())
        for w in workers:
            if w.proc.is_alive() and w.path is None and w.ready:
                try:
                    w.conn.send(None)
                except OSError:
                    pass
        deadline = time.monotonic() + 2
        for w in workers:
            if w.path is None:
                w.proc.join(timeout=max(0.0, deadline - time.monotonic()))
            w.kill()
