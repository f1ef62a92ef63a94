"""The worker side of a corpus build: one file in, one plain JSON-able dict out.

Workers run in separate processes.  They import the extractor once (``init_worker``), then
for each path hash the bytes, extract, run the checker when it is installed, and flatten the
result into rows ready for the database.  Nothing raised inside leaves the worker: any failure
becomes ``{"status": "error", "error": "<one line>"}`` so the batch goes on.
"""

from __future__ import annotations

import errno
import hashlib
import importlib
import json
import os
import resource
import signal
import stat
import threading
import time
from collections.abc import Callable
from dataclasses import asdict
from decimal import Decimal
from pathlib import Path
from typing import Any

from .. import __version__
from ..figure import Extraction, Figure
from ..model import Document

DEFAULT_EXTRACTOR = "gongwen.extract.pipeline:extract"
SUFFIXES = (".pdf", ".docx", ".txt", ".md")

_state: dict[str, Any] = {}

# What decides a stored document's content: the reading/extraction/check code and its data
# tables, the model, and this module's flattening (relative to the gongwen package folder).
_PIPELINE = ("extract", "check", "figure.py", "model.py", "errors.py", "corpora/worker.py", "corpora/schema.py")
_CODE_SUFFIXES = (".py", ".yaml", ".yml", ".tsv", ".json", ".txt")


def pipeline_version(extractor: str = DEFAULT_EXTRACTOR) -> str:
    """``<gongwen version>+<fingerprint of the pipeline's code and data>``.

    Stored with every document: a file is skipped on re-runs only when its bytes *and* this
    string are unchanged, so an edited extractor or vocabulary (even without a version bump,
    as during development) re-extracts the corpus.  Costs one read of a few dozen small files
    (a few ms); deliberately not cached, so a long-lived process sees edits.
    """
    pkg = Path(__file__).resolve().parents[1]
    h = hashlib.sha256(extractor.encode("utf-8"))
    for name in _PIPELINE:
        p = pkg / name
        files = sorted(x for x in p.rglob("*") if x.suffix in _CODE_SUFFIXES and "__pycache__" not in x.parts) \
            if p.is_dir() else [p]
        for f in files:
            try:
                data = f.read_bytes()
            except OSError:
                continue
            h.update(f.relative_to(pkg).as_posix().encode("utf-8") + b"\0" + data)
    from ..extract.readers.ocr import fingerprint

    h.update(fingerprint().encode("utf-8"))  # the OCR engine and models: another model re-extracts
    return f"{__version__}+{h.hexdigest()[:12]}"


def resolve(spec: str | Callable[[str], Extraction]) -> Callable[[str], Extraction]:
    """The extractor named by ``"module:function"`` (or the callable itself)."""
    if callable(spec):
        return spec
    mod_name, _, attr = spec.partition(":")
    return getattr(importlib.import_module(mod_name), attr or "extract")  # type: ignore[no-any-return]


def spec_name(spec: str | Callable[[str], Extraction]) -> str:
    """A stable name for an extractor: the spec string or ``module:qualname`` of a callable."""
    if isinstance(spec, str):
        return spec
    return f"{getattr(spec, '__module__', '?')}:{getattr(spec, '__qualname__', repr(spec))}"


def init_worker(spec: str | Callable[[str], Extraction], parent_pid: int | None = None) -> None:
    """Process initializer: ignore Ctrl-C (the parent handles it), import the extractor once,
    and exit when the build process ``parent_pid`` dies (a SIGKILLed build leaves no orphans)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.environ.setdefault("GONGWEN_OCR_THREADS", "1")  # one OCR thread per worker: --jobs N uses N cores
    if parent_pid is not None:
        threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()
    _state["version"] = pipeline_version(spec_name(spec))
    try:
        _state["extract"] = resolve(spec)
    except Exception as e:  # noqa: BLE001 - reported per file: the parent records it as each file's error
        _state["extract_error"] = f"extractor {spec!r} cannot be loaded: {one_line(e)}"
    _state["check"] = _load_checker()


def _alive(pid: int) -> bool:
    """True while process ``pid`` exists and is not a zombie."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True


def _watch_parent(pid: int, interval: float = 0.5) -> None:
    while _alive(pid):
        time.sleep(interval)
    os._exit(1)


def _load_checker() -> Callable[[Extraction], Any] | None:
    """``gongwen.check.check`` when that area is installed, else None (no findings recorded)."""
    try:
        mod = importlib.import_module("gongwen.check")
    except ImportError:
        return None
    fn = getattr(mod, "check", None)
    return fn if callable(fn) else None


def file_digest(path: str | Path) -> tuple[str, int, int]:
    """``(sha256 hex, size, mtime_ns)`` of a file, reading it in 1 MiB blocks.

    Opened without blocking and checked to be a regular file first: a FIFO or a link to
    ``/dev/zero`` that replaced a report raises :class:`OSError` instead of hanging.
    """
    h = hashlib.sha256()
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with open(fd, "rb") as f:
        st = os.fstat(f.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest(), st.st_size, st.st_mtime_ns


#: The clock a document's ``seconds`` are read on (a module attribute: a test stops or steps it
#: in a worker, so that what it asserts of a document's time depends on no machine's load).
_clock: Callable[[], float] = time.perf_counter


def process(path: str) -> dict[str, Any]:
    """Extract one file into a result dict; never raises (except on interpreter shutdown)."""
    t0 = _clock()
    out: dict[str, Any] = {"path": path, "status": "error", "error": None,
                           "gongwen_version": _state.get("version")}
    try:
        out["sha256"], out["size"], out["mtime_ns"] = file_digest(path)
        if "extract" not in _state:
            if "extract_error" in _state:
                raise RuntimeError(_state["extract_error"])
            init_worker(DEFAULT_EXTRACTOR)  # in-process use without an initializer
            if "extract" not in _state:
                raise RuntimeError(_state["extract_error"])
        extraction = _state["extract"](path)
        out.update(rows_of(extraction, _state.get("check")), gongwen_version=_state.get("version"))
        out["status"] = "ok"
    except FileNotFoundError:
        out["error"] = "file vanished during the build (no such file)"
    except Exception as e:  # noqa: BLE001 - any failure is this file's error; the batch goes on
        out["error"] = one_line(e)
    out["seconds"] = _clock() - t0
    usage = resource.getrusage(resource.RUSAGE_SELF)
    out["max_rss_kb"] = usage.ru_maxrss
    out["cpu_seconds"] = usage.ru_utime + usage.ru_stime  # cumulative for this worker process
    out["pid"] = os.getpid()
    return out


def one_line(e: BaseException) -> str:
    """An exception as one line: its message (class name when empty), whitespace folded."""
    msg = " ".join(str(e).split())
    name = type(e).__name__
    if not msg:
        return name
    if type(e).__module__.startswith("gongwen"):
        return msg
    return f"{name}: {msg}"


def rows_of(ex: Extraction, checker: Callable[[Extraction], Any] | None = None) -> dict[str, Any]:
    """Flatten an extraction (and its check report) into document, section, figure, finding rows."""
    doc = ex.document
    md = doc.metadata
    figures = [figure_row(i, f, doc) for i, f in enumerate(ex.figures)]
    findings: list[dict[str, Any]] = []
    check_error = None
    if checker is not None:
        try:  # a checker failure must not lose the extraction: keep the figures, note the error
            report = checker(ex)
            findings = [finding_row(i, fd) for i, fd in enumerate(getattr(report, "findings", ()))]
        except Exception as e:  # noqa: BLE001 - the extraction is still worth keeping
            check_error = f"check failed: {one_line(e)}"
    return {
        "document": {
            "format": doc.source.format,
            **asdict(md),  # title, issuer, date, year, kind, pages: every column, None included
            # the pages OCR read, as a JSON array ([1,2]: json_each() in SQLite, DuckDB's JSON)
            "ocr_pages": json.dumps(list(md.ocr_pages), separators=(",", ":")) if md.ocr_pages else None,
            "ocr_engine": md.ocr_engine if md.ocr_pages else None,
            "text": doc.text,
            "n_figures": len(figures),
            "n_findings": len(findings),
        },
        "sections": section_rows(doc),
        "figures": figures,
        "findings": findings,
        "gongwen_version": __version__,
        "error": check_error,
    }


def section_rows(doc: Document) -> list[dict[str, Any]]:
    """One row per heading: its level, title, the path of titles above it and its extent."""
    n = len(doc.text)
    rows: list[dict[str, Any]] = []
    stack: list[int] = []  # indexes of open ancestors
    for i, h in enumerate(doc.headings):
        while stack and doc.headings[stack[-1]].level >= h.level:
            stack.pop()
        end = n
        for h2 in doc.headings[i + 1 :]:
            if h2.level <= h.level:
                end = h2.span.start
                break
        titles = [doc.headings[j].title for j in stack] + [h.title]
        rows.append({
            "seq": i,
            "parent_seq": stack[-1] if stack else None,
            "level": h.level,
            "marker": h.marker,
            "title": h.title,
            "path": " > ".join(titles),
            "run_in": int(h.run_in),
            "span_start": h.span.start,
            "span_end": end,
            "title_start": h.title_span.start,
            "title_end": h.title_span.end,
        })
        stack.append(i)
    return rows


def dec(x: Decimal | None) -> int | str | None:
    """A Decimal for a NUMERIC column: int when integral, else plain (no exponent) digits.

    An integer past 64 bits becomes its digits (SQLite stores the nearest REAL; the exact value
    goes to the ``*_exact`` column, see :func:`exact`).

    >>> dec(Decimal("12.50")), dec(Decimal("3E+2")), dec(Decimal("99999999999999999999"))
    ('12.5', 300, '99999999999999999999')
    """
    if x is None:
        return None
    if not x.is_finite():
        return str(x)
    if x == x.to_integral_value():
        n = int(x)
        return n if -(2**63) <= n < 2**63 else str(n)
    return format(x.normalize(), "f")


def exact(x: Decimal | None) -> str | None:
    """The exact digits of ``x`` when a NUMERIC column cannot hold it, else None.

    SQLite keeps 64-bit integers and about 15 significant digits of a REAL exactly.

    >>> exact(Decimal("765")), exact(Decimal("99999999999999999999")), exact(Decimal("0.1234567890123456789"))
    (None, '99999999999999999999', '0.1234567890123456789')
    """
    if x is None or not x.is_finite():
        return None
    if x == x.to_integral_value():
        return None if -(2**63) <= int(x) < 2**63 else str(int(x))
    digits = len(x.normalize().as_tuple().digits)
    return format(x.normalize(), "f") if digits > 15 else None


def quantum_of(x: Decimal | None) -> int | str | None:
    """The place value of the last printed digit of ``x`` (``Decimal('8.5')`` → ``0.1``)."""
    if x is None:
        return None
    exp = x.as_tuple().exponent
    if not isinstance(exp, int):
        return None
    return dec(Decimal(1).scaleb(exp))


def figure_row(seq: int, f: Figure, doc: Document) -> dict[str, Any]:
    """Every field of a figure as a flat row (spans split into start/end, section as a path)."""
    text = None
    if f.text_span is not None and f.text_span.end <= len(doc.text):
        text = f.text_span.slice(doc.text)
    return {
        "seq": seq,
        "id": f.id,
        "value": dec(f.value),
        "unit": f.unit,
        "program": f.program,
        "topic": f.topic,
        "kind": f.kind,
        "scope": f.scope,
        "metric": f.metric,
        "period": f.period,
        "period_inferred": int(f.period_inferred),
        "previous": dec(f.previous),
        "change": dec(f.change),
        "change_unit": f.change_unit,
        "approx": f.approx,
        "bound": f.bound,
        "section": " > ".join(f.section) if f.section else None,
        "as_written": f.as_written,
        "unit_as_written": f.unit_as_written,
        "span_start": f.span.start,
        "span_end": f.span.end,
        "quantum": dec(f.quantum),
        "change_quantum": quantum_of(f.change),
        "range_id": f.range_id,
        "range_role": f.range_role,
        "page": f.page,
        "text_start": f.text_span.start if f.text_span else None,
        "text_end": f.text_span.end if f.text_span else None,
        "text": text,
        "source": f.source,
        "previous_start": f.previous_span.start if f.previous_span else None,
        "previous_end": f.previous_span.end if f.previous_span else None,
        "value_exact": exact(f.value),
        "previous_exact": exact(f.previous),
        "change_exact": exact(f.change),
    }


def finding_row(seq: int, fd: Any) -> dict[str, Any]:
    """A checker finding as a row; works with any object exposing the finding fields."""
    import enum

    def jsonable(x: Any) -> Any:
        if isinstance(x, enum.Enum):
            return jsonable(x.value)
        if x is None or isinstance(x, (str, int, float, bool)):
            return x
        if isinstance(x, Decimal):
            return dec(x)
        if hasattr(x, "to_json"):
            return x.to_json()
        if isinstance(x, dict):
            return {str(k): jsonable(v) for k, v in x.items()}
        if isinstance(x, (list, tuple, set, frozenset)):
            return [jsonable(v) for v in x]
        if hasattr(x, "id"):
            return x.id
        return str(x)

    def text(x: Any) -> str | None:
        if x is None:
            return None
        j = jsonable(x)
        return j if isinstance(j, str) else json.dumps(j, ensure_ascii=False)

    figs = getattr(fd, "figures", ()) or ()
    return {
        "seq": seq,
        "code": str(getattr(fd, "code", "")),
        "severity": text(getattr(fd, "severity", None)) or "info",
        "status": text(getattr(fd, "status", None)),
        "message": getattr(fd, "message", None),
        "spans": text(list(getattr(fd, "spans", ()) or ())),
        "figures": text([getattr(f, "id", f) for f in figs]),
        "expected": text(getattr(fd, "expected", None)),
        "actual": text(getattr(fd, "actual", None)),
        "relation": text(getattr(fd, "relation", None)),
    }
