"""Corpus builds on a Dask cluster (``--engine dask``): the same per-document function, elsewhere.

Without a scheduler address a :class:`distributed.LocalCluster` of ``jobs`` single-threaded
worker processes runs on this machine; with one (``tcp://host:8786``) the documents go to that
cluster's workers.  Each worker gets the files' paths when it sees them (shared storage:
checked once per worker on one file's size and mtime) or else their bytes.  Workers return
the same result dicts as the process pool (:func:`.worker.process`); only this process, the
driver, writes the database, so a build is resumable and records failures exactly as with
the pool.

The driver places the documents on workers itself (pinned tasks), at most ``DEPTH`` tasks per
worker thread, so it knows where each one is.  A task extracts a small batch of documents (up
to ``BATCH``, fewer as the queue runs low so the last ones spread over the workers): Dask
spends a few milliseconds of scheduler, worker and client time on every task whatever it
does, which a batch pays once.  Failures are still per document:

- a worker that dies (the Nanny restarts it) fails nothing at once: every document it held
  is retried *alone* on a worker with nothing else to do; a document that kills that worker
  too is recorded as failed, the innocent ones queued beside it are not;
- a document running past ``timeout`` is recorded as timed out: one alone when its task runs
  past the timeout (its worker is restarted: the Nanny kills the process; the tasks queued
  behind it go back to the queue); a batch gets ``timeout`` per document, and past that its
  documents are retried alone.  A document of a batch that finished but took longer than
  ``timeout`` is recorded as timed out too, as the pool would have stopped it.
"""

from __future__ import annotations

import logging
import os
import pickle
import signal
import tempfile
import time
from collections import deque
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from ..errors import GongwenError
from .pool import _DIED
from .worker import init_worker, one_line, process, spec_name

#: Tasks sent to each worker thread at a time: one running, the next already there, so the
#: round trip through the scheduler (~10 ms) costs no worker time.
DEPTH = 2
#: Documents per task at most (the queue is spread over the workers' slots first).
BATCH = 4
_POLL = 0.2  # seconds the driver waits for results before looking at timeouts again
_LOOK = 1.0  # seconds between looks at the cluster's workers (new ones, lost ones)
_WAIT_FOR_WORKERS = 60.0  # seconds without any worker before the build gives up
_SCATTER_BYTES = 4 << 20  # a file past this is sent to its worker beside the task, not in it
#: The clock a task's running time is read on, against ``timeout`` (a module attribute: a test
#: runs the driver on a clock of its own, so that no document is late by the machine's load);
#: polling and waiting for workers keep the real clock.
_clock: Callable[[], float] = time.monotonic

# -- the worker side --------------------------------------------------------------------------
_loaded: dict[str, str] = {}  # on a worker: the extractor loaded by _load


def _load(extractor: Any, keep_sigint: bool) -> str:
    """Import the extractor in this worker (run by ``Client.run`` on its event-loop thread).

    A worker of our own LocalCluster ignores Ctrl-C like a pool worker (the driver handles it);
    a worker of someone's cluster keeps its handler, so Ctrl-C still stops it.
    """
    old = signal.getsignal(signal.SIGINT)
    init_worker(extractor)
    if keep_sigint:
        signal.signal(signal.SIGINT, old)
    _loaded["name"] = spec_name(extractor)
    return str(os.getpid())


def _sees(path: str, size: int, mtime_ns: int) -> bool:
    """True when this worker sees ``path`` as the driver does (same size and mtime)."""
    try:
        st = os.stat(path)
    except OSError:
        return False
    return st.st_size == size and st.st_mtime_ns == mtime_ns


def extract_task(paths: list[str], name: str, data: list[Any] | None = None,
                 mtime_ns: list[int | None] | None = None) -> bytes:
    """The task: :func:`.worker.process` on each of ``paths`` in turn, or on ``data`` (the
    files' bytes) written to temporary files of the same names and mtimes, so the results are
    the same either way.

    The result dicts go back pickled, as the pool's pipe sends them: to the worker they are one
    bytes object, whose size it knows at once and sends as one frame.  Left dicts, the worker
    walks their thousands of nested rows to estimate their size (several times) and serializes
    them on its event loop, beside the extraction.
    """
    out = [_extract(path, name, data[i] if data else None, mtime_ns[i] if mtime_ns else None)
           for i, path in enumerate(paths)]
    return pickle.dumps(out, protocol=pickle.HIGHEST_PROTOCOL)


def _extract(path: str, name: str, data: bytes | None, mtime_ns: int | None) -> dict[str, Any]:
    if _loaded.get("name") != name:
        return {"path": path, "status": "error", "gongwen_version": None,
                "error": f"extractor {name} is not loaded on this Dask worker"}
    if data is None:
        return process(path)
    with tempfile.TemporaryDirectory(prefix="gongwen-") as tmp:
        local = os.path.join(tmp, os.path.basename(path))
        with open(local, "wb") as f:
            f.write(data)
        if mtime_ns is not None:
            os.utime(local, ns=(mtime_ns, mtime_ns))
        res = process(local)
    res["path"] = path
    if res.get("error"):
        res["error"] = res["error"].replace(local, path)
    return res


# -- the driver -------------------------------------------------------------------------------
def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise GongwenError("--engine dask needs the optional packages dask and distributed; "
                           "install them with: pip install 'gongwen[dask]'") from None
    return distributed


@contextmanager
def _client(distributed: Any, scheduler: str | None, jobs: int, memory_mb: int) -> Iterator[Any]:
    """A client of the cluster at ``scheduler``, or of a LocalCluster started (and stopped) here."""
    if scheduler:
        try:
            client = distributed.Client(scheduler, timeout=30, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as e:
            raise GongwenError(f"cannot reach the Dask scheduler at {scheduler}: {one_line(e)}") from None
        with client:
            yield client
        return
    import multiprocessing

    import dask

    # A worker that dies fails its tasks at once (KilledWorker): the driver decides what to retry.
    # Workers forked from a forkserver start and stop in a fraction of spawn's time.
    # No statistical profiler sampling the workers every 10 ms, no work stealing (documents are
    # pinned): CPU that extraction needs on a busy machine.
    # Nor MALLOC_TRIM_THRESHOLD_ (the Nanny's default for numpy work; set before the first worker
    # starts, so the forkserver and every worker inherit it): it makes extraction ~10 % slower.
    config: dict[str, Any] = {"distributed.scheduler.allowed-failures": 0,
                              "distributed.worker.profile.enabled": False,
                              "distributed.scheduler.work-stealing": False,
                              "distributed.nanny.pre-spawn-environ": {
                                  "OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1, "OPENBLAS_NUM_THREADS": 1}}
    if "forkserver" in multiprocessing.get_all_start_methods():
        config["distributed.worker.multiprocessing-method"] = "forkserver"
    with dask.config.set(config):
        if config.get("distributed.worker.multiprocessing-method") == "forkserver":
            # the forkserver imports the pipeline once; every worker forked from it starts with it
            # (Dask's own preload list is set on the first call and kept; ours replaces it)
            ctx = distributed.utils.get_mp_context()
            ctx.set_forkserver_preload(["distributed", "gongwen.corpora.worker", "gongwen.extract.pipeline",
                                        "gongwen.check"])
        cluster = distributed.LocalCluster(
            n_workers=jobs, threads_per_worker=1, processes=True, host="127.0.0.1", scheduler_port=0,
            dashboard_address=None, memory_limit=f"{memory_mb}MiB" if memory_mb else 0,
            silence_logs=logging.CRITICAL,
            # no dashboard, and its bare HTTP server on a free loopback port, not 8787
            scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"})
    with cluster, distributed.Client(cluster, set_as_default=False, direct_to_workers=True) as client:
        yield client


@dataclass
class _Item:
    paths: list[str]  # the documents of one task, extracted in this order
    worker: str
    alone: bool = False  # a document retried alone after its worker died
    started: float | None = None  # when it became one of its worker's running tasks


@dataclass
class _Worker:
    address: str
    nthreads: int
    ship: bool = False  # send the bytes: this worker does not see the files
    items: list[Any] = field(default_factory=list)  # our futures there, oldest first

    def busy_alone(self, inflight: dict[Any, _Item]) -> bool:
        return any(inflight[f].alone for f in self.items)


def run(todo: list[str], *, jobs: int, extractor: Any, timeout: float | None, memory_mb: int,
        failure: Callable[[str, str], dict[str, Any]], scheduler: str | None = None,
        ship: str = "auto") -> Generator[dict[str, Any], None, None]:
    """Extract every path of ``todo`` on a Dask cluster; yield each result as it arrives.

    Same contract as :func:`.pool.run`; ``ship`` is ``"auto"`` (bytes to the workers that do
    not see the files), ``"paths"`` or ``"bytes"``.  Closing the generator cancels what is
    left and stops the LocalCluster.
    """
    distributed = _distributed()
    with _client(distributed, scheduler, jobs, memory_mb) as client:
        driver = _Driver(distributed, client, todo, extractor=extractor, timeout=timeout, failure=failure,
                         ship=ship, remote=bool(scheduler))
        try:
            yield from driver.run()
        except (OSError, distributed.comm.CommClosedError) as e:
            raise GongwenError(f"lost the Dask cluster ({one_line(e)}); the database holds every "
                               "document finished so far") from None
        finally:
            driver.cancel()


class _Driver:
    """Places documents on workers, watches them, and turns what happens into result dicts."""

    def __init__(self, distributed: Any, client: Any, todo: list[str], *, extractor: Any,
                 timeout: float | None, failure: Callable[[str, str], dict[str, Any]], ship: str,
                 remote: bool) -> None:
        self.d = distributed
        self.client = client
        self.queue: deque[str] = deque(todo)
        self.suspects: deque[str] = deque()  # died once with their worker: each retried alone
        self.inflight: dict[Any, _Item] = {}
        self.workers: dict[str, _Worker] = {}
        self.gone: set[str] = set()  # dead, restarted or unusable: never used again
        self.extractor = extractor
        self.name = spec_name(extractor)
        self.timeout = timeout
        self.failure = failure
        self.ship = ship
        self.remote = remote
        self.out: list[dict[str, Any]] = []
        self.probe = todo[0] if todo else None
        self.no_workers_since: float | None = None
        self.load_error: str | None = None
        # (future, result) pairs, results fetched in the client's event loop, not by this thread
        self.done = distributed.as_completed(loop=client.loop, with_results=True, raise_errors=False)

    # -- the loop ------------------------------------------------------------------------------
    def run(self) -> Generator[dict[str, Any], None, None]:
        pending = len(self.queue)
        last_look = 0.0
        while pending:
            now = time.monotonic()
            if now - last_look >= _LOOK or not self.workers:
                self._look()
                last_look = now
            self._assign()
            self._collect()
            self._check_timeouts()
            for res in self.out:
                pending -= 1
                yield res
            self.out.clear()

    def cancel(self) -> None:
        if self.inflight:
            try:
                self.client.cancel(list(self.inflight), force=True)
            except Exception:  # noqa: BLE001 - the cluster may be gone already; nothing left to stop
                pass
        self.inflight.clear()

    # -- workers -------------------------------------------------------------------------------
    def _look(self) -> None:
        """Forget workers the scheduler lost (their documents died with them); load new ones."""
        threads = self.client.nthreads()
        for addr in list(self.workers):
            if addr not in threads:
                self._lost(addr)
        new = [a for a in threads if a not in self.workers and a not in self.gone]
        if new:
            try:  # on every new worker at once: each imports the extractor
                loaded = self.client.run(_load, self.extractor, self.remote, workers=new, on_error="return")
                ready = [a for a in new if isinstance(loaded.get(a), str)]
                for a in new:
                    if isinstance(loaded.get(a), BaseException):
                        self.load_error = one_line(loaded[a])
                ships = self._ships_bytes(ready)
            except Exception:  # noqa: BLE001 - a worker went away meanwhile: the others are looked at again
                ready, ships = [], {}
            for a in ready:
                self.workers[a] = _Worker(a, max(1, int(threads[a])), ship=ships[a])
        if self.workers:
            self.no_workers_since = None
        elif self.no_workers_since is None:
            self.no_workers_since = time.monotonic()
        elif time.monotonic() - self.no_workers_since > _WAIT_FOR_WORKERS:
            why = f" (a worker could not load the extractor: {self.load_error})" if self.load_error else ""
            raise GongwenError(f"no Dask worker available for {_WAIT_FOR_WORKERS:g} s{why}; the database "
                               "holds every document finished so far")
        else:
            time.sleep(_POLL)

    def _ships_bytes(self, addrs: list[str]) -> dict[str, bool]:
        """Per worker: send bytes (it does not see the files under the driver's paths)?"""
        if self.ship != "auto":
            return {a: self.ship == "bytes" for a in addrs}
        if not self.remote or self.probe is None or not addrs:
            return {a: False for a in addrs}  # our own LocalCluster shares this machine's files
        try:
            st = os.stat(self.probe)
        except OSError:
            return {a: True for a in addrs}
        seen = self.client.run(_sees, self.probe, st.st_size, st.st_mtime_ns, workers=addrs, on_error="return")
        return {a: seen.get(a) is not True for a in addrs}

    def _lost(self, addr: str) -> None:
        """Worker ``addr`` died: each document it held is retried alone, or fails if it was."""
        w = self.workers.pop(addr, None)
        self.gone.add(addr)
        if w is None:
            return
        for fut in w.items:
            item = self.inflight.pop(fut, None)
            if item is not None:
                self._died(item)
        self._cancel(w.items)

    def _died(self, item: _Item) -> None:
        if item.alone:
            self.out.append(self.failure(item.paths[0], _DIED))
        else:
            self.suspects.extend(item.paths)

    def _cancel(self, futures: list[Any]) -> None:
        if futures:
            try:
                self.client.cancel(futures, force=True)
            except Exception:  # noqa: BLE001 - best effort: the worker holding them is gone
                pass

    # -- placing -------------------------------------------------------------------------------
    def _assign(self) -> None:
        workers = [w for w in self.workers.values() if not w.busy_alone(self.inflight)]
        drain = None  # with suspects waiting and no idle worker, one worker stops taking work
        if self.suspects and workers and all(w.items for w in workers):
            drain = min(workers, key=lambda w: len(w.items))
        slots = sum(w.nthreads * DEPTH for w in workers) or 1
        for w in workers:
            if self.suspects and not w.items:
                self._submit([self.suspects.popleft()], w, alone=True)
                continue
            if w is drain:
                continue
            while self.queue and len(w.items) < w.nthreads * DEPTH:
                # full batches while every slot can have several; then smaller, then one each
                n = max(1, min(BATCH, len(self.queue) // (2 * slots)))
                if not self._submit([self.queue.popleft() for _ in range(min(n, len(self.queue)))], w):
                    break  # the worker went away while its files were sent

    def _submit(self, paths: list[str], w: _Worker, *, alone: bool = False) -> bool:
        """Send ``paths`` to worker ``w``; False when the worker went away meanwhile (the
        documents then wait for another worker: they did not cause its death)."""
        data: list[Any] | None = None
        mtimes: list[int | None] | None = None
        batch = list(paths)
        if w.ship:
            data, mtimes, readable = [], [], []
            for i, path in enumerate(batch):
                try:
                    mtime_ns = os.stat(path).st_mtime_ns
                    with open(path, "rb") as f:
                        content = f.read()
                except OSError as e:
                    msg = "file vanished during the build (no such file)" if isinstance(e, FileNotFoundError) \
                        else f"cannot read file: {e.strerror or e}"
                    self.out.append(self.failure(path, msg))
                    continue
                readable.append(path)
                mtimes.append(mtime_ns)
                # a big file is sent to its worker beside the task, not through the task graph
                try:
                    data.append(self.client.scatter(content, workers=[w.address], hash=False)
                                if len(content) > _SCATTER_BYTES else content)
                except (OSError, self.d.comm.CommClosedError):
                    # (a worker that died of another document drops the connection mid-send)
                    back = readable + batch[i + 1:]
                    (self.suspects if alone else self.queue).extendleft(reversed(back))
                    self._lost(w.address)
                    return False
            paths = readable
            if not paths:
                return True
        fut = self.client.submit(extract_task, paths, self.name, data, mtimes, pure=False,
                                 workers=[w.address], allow_other_workers=False)
        item = _Item(paths, w.address, alone=alone)
        if len(w.items) < w.nthreads:
            item.started = _clock()
        self.inflight[fut] = item
        w.items.append(fut)
        self.done.add(fut)
        return True

    # -- results -------------------------------------------------------------------------------
    def _collect(self) -> None:
        self._wait_for_results()
        for fut, res in self.done.next_batch(block=False):
            item = self.inflight.pop(fut, None)
            if item is None:  # cancelled here: already accounted for
                continue
            self._leave(fut, item)
            if fut.status == "finished" and isinstance(res, bytes):
                for r in pickle.loads(res):  # from our own task (Dask's protocol is pickle too)
                    self.out.append(self._in_time(r))
                continue
            exc = res[1] if fut.status == "error" and isinstance(res, tuple) else None
            if isinstance(exc, self.d.KilledWorker):
                self._died(item)
                self._lost(item.worker)
            elif exc is not None:
                self.out.extend(self.failure(path, one_line(exc)) for path in item.paths)
            else:  # cancelled by someone else, or its result lost with its worker: try again
                self.queue.extendleft(reversed(item.paths))

    def _in_time(self, res: dict[str, Any]) -> dict[str, Any]:
        """``res``, or a timeout when its document took longer than ``timeout`` (in a batch,
        where nobody stopped it): the pool would have stopped it, so the result is the same."""
        if self.timeout and res.get("seconds", 0) > self.timeout:
            return self.failure(res["path"], self._late)
        return res

    @property
    def _late(self) -> str:
        return f"timed out after {self.timeout:g} s (--timeout): too slow to extract"

    def _wait_for_results(self) -> None:
        """Block until a result is in, at most ``_POLL`` seconds (then timeouts are looked at).

        ``as_completed`` notifies its condition on every result; checking while holding it
        means no notification is missed.  Without it (another distributed), poll.
        """
        deadline = time.monotonic() + _POLL
        cond = getattr(self.done, "thread_condition", None)
        if cond is None:
            while not self.done.has_ready() and time.monotonic() < deadline:
                time.sleep(0.003)
            return
        with cond:
            while not self.done.has_ready():
                left = deadline - time.monotonic()
                if left <= 0:
                    return
                cond.wait(timeout=left)

    def _leave(self, fut: Any, item: _Item) -> None:
        """Take a finished future off its worker; the next queued ones there start running."""
        w = self.workers.get(item.worker)
        if w is None or fut not in w.items:
            return
        w.items.remove(fut)
        now = _clock()
        for f in w.items[: w.nthreads]:
            if self.inflight[f].started is None:
                self.inflight[f].started = now

    def _check_timeouts(self) -> None:
        """A task past its time (``timeout`` per document) stops: a single document fails, a
        batch's are retried alone; its worker is restarted, the tasks queued there go back."""
        if not self.timeout:
            return
        now = _clock()
        for w in list(self.workers.values()):
            late = [f for f in w.items if (s := self.inflight[f].started) is not None
                    and now - s > self.timeout * len(self.inflight[f].paths)]
            if not late:
                continue
            for fut in w.items:
                item = self.inflight.pop(fut)
                if fut in late and len(item.paths) == 1:
                    self.out.append(self.failure(item.paths[0], self._late))
                elif fut in late:
                    self.suspects.extend(item.paths)
                elif item.alone:
                    self.suspects.extendleft(item.paths)
                else:
                    self.queue.extendleft(reversed(item.paths))
            self._cancel(w.items)
            del self.workers[w.address]
            self.gone.add(w.address)
            try:  # the Nanny kills the process and starts a fresh one (seen by _look)
                self.client.restart_workers([w.address], timeout=60, raise_for_error=False)
            except Exception:  # noqa: BLE001 - no Nanny: the worker stays busy, and unused
                pass
