"""Sessions, uploads and their analyses: what the review desk keeps, and where.

Every browser session gets a random id (a cookie) and its own temporary folder under the
server's root folder; every upload gets a random id and a sub-folder holding ``source.<ext>``
(the bytes as uploaded: the user's file name is never part of a path), ``extraction.json`` and
the user's corrections, ``overlay.json``, beside it.  The root folder is removed when the
server stops.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import GongwenError
from ..figure import Extraction
from .overlay import Overlay

SUFFIXES = {".pdf": "pdf", ".docx": "docx", ".txt": "txt", ".md": "md"}
_ID_CHARS = frozenset("0123456789abcdef")


class UploadError(GongwenError, ValueError):
    """An upload the desk refuses (too large, empty, not a report format); the message is Chinese."""


def new_id() -> str:
    return secrets.token_hex(8)


def valid_id(s: str) -> bool:
    """Ids are 16 lowercase hex digits: anything else is refused before any lookup or path."""
    return len(s) == 16 and set(s) <= _ID_CHARS


def sniff_suffix(name: str, head: bytes) -> str:
    """The stored file's suffix, from the content first and the name's suffix second.

    >>> sniff_suffix("报告.PDF", b"%PDF-1.7"), sniff_suffix("../../x", b"PK\\x03\\x04")
    ('.pdf', '.docx')
    """
    if head.startswith(b"%PDF-"):
        return ".pdf"
    if head.startswith(b"PK\x03\x04"):
        return ".docx"
    suffix = Path(name.replace("\\", "/")).suffix.lower()
    if suffix in (".txt", ".md"):
        return suffix
    if suffix in (".pdf", ".docx"):
        raise UploadError(f"文件内容不是 {suffix[1:].upper()} 格式（文件头不符），请确认文件未损坏")
    if b"\0" not in head[:4096]:
        return ".txt"  # plain text under another name (.text, no suffix): the reader detects the encoding
    raise UploadError("只支持 PDF、DOCX 和 TXT/MD 文件")


def display_name(name: str) -> str:
    """The file name to show: its last path component, control characters removed, at most 120 characters."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    clean = "".join(ch for ch in base if ch.isprintable())
    return (clean or "未命名文件")[:120]


@dataclass
class Doc:
    """One uploaded report and what became of it."""

    id: str
    name: str  # display only
    folder: Path
    path: Path
    size: int
    created: float = field(default_factory=time.time)
    future: Future[Any] | None = None
    extraction: Extraction | None = None
    report: Any = None
    error: str | None = None
    seconds: float | None = None
    overlay: Overlay = field(default_factory=Overlay)
    corrected: Extraction | None = None  # extraction with the overlay applied
    corrected_report: Any = None
    cache: dict[str, Any] = field(default_factory=dict)  # the review view of the current state

    @property
    def state(self) -> str:
        if self.error is not None:
            return "error"
        if self.extraction is not None:
            return "done"
        return "running"

    def collect(self) -> None:
        """Take the worker's result once it is there (idempotent)."""
        if self.future is None or not self.future.done() or self.state != "running":
            return
        try:
            ext, report, secs = self.future.result()
        except GongwenError as e:
            self.error = str(e).replace(str(self.path), self.name)
            return
        except Exception as e:  # a crash of the pipeline: one line, never a traceback
            self.error = f"内部错误：{type(e).__name__}: {e}".replace(str(self.path), self.name)
            return
        self.extraction, self.report, self.seconds = ext, report, secs
        self.overlay = Overlay.load(self.folder)
        self.refresh()

    def refresh(self) -> None:
        """Apply the overlay and re-check (a few tens of milliseconds for a 15-page report)."""
        from ..check import check

        assert self.extraction is not None
        if self.overlay.empty:
            self.corrected, self.corrected_report = self.extraction, self.report
            return
        self.corrected = self.overlay.apply(self.extraction)
        self.corrected_report = check(self.corrected)


@dataclass
class Session:
    id: str
    folder: Path
    docs: dict[str, Doc] = field(default_factory=dict)
    drafts: dict[str, Any] = field(default_factory=dict)
    last_seen: float = field(default_factory=time.time)


class Store:
    """All sessions of one server, under one temporary root folder."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="gongwen-ui-", dir=root))
        self.sessions: dict[str, Session] = {}
        self._lock = threading.Lock()

    def session(self, sid: str | None) -> Session:
        """The session with this id, or a new one (a fresh random id) when unknown."""
        with self._lock:
            s = self.sessions.get(sid or "") if sid and valid_id(sid) else None
            if s is None:
                nid = new_id()
                folder = self.root / nid
                folder.mkdir(mode=0o700)
                s = self.sessions[nid] = Session(nid, folder)
            s.last_seen = time.time()
            return s

    def add_upload(self, s: Session, name: str, data: bytes) -> Doc:
        """Store an upload's bytes as ``<session>/<doc id>/source.<ext>``; the name is kept for display only."""
        if not data:
            raise UploadError("文件是空的")
        suffix = sniff_suffix(name, data[:8192])
        did = new_id()
        folder = s.folder / did
        folder.mkdir(mode=0o700)
        path = folder / f"source{suffix}"
        with open(path, "xb") as f:
            f.write(data)
        doc = Doc(did, display_name(name), folder, path, len(data))
        s.docs[did] = doc
        return doc

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
