"""Budgets inside pdfminer: reference cycles and decompression bombs.

pdfminer (used by both PDF engines) follows indirect references with ``while isinstance(x,
PDFObjRef): x = x.resolve()`` and inflates every stream whole with ``zlib.decompress``.  A
563-byte file whose references loop therefore hangs it forever, and a 1 MB flate stream that
inflates to 1 GB takes gigabytes of memory.  pdfminer offers no hook for either, so
:func:`install` (idempotent, called when the PDF reader is imported) wraps three of its
functions:

- ``PDFDocument.getobj`` follows a chain of references itself, with cycle detection and at
  most ``MAX_REFERENCE_CHAIN`` links, and refuses an object stream that contains itself;
- the ``zlib`` that ``pdfminer.pdftypes`` sees inflates through ``decompressobj`` with a
  ``max_length`` from the active :class:`~.limits.PdfBudget` (per stream, ratio, document
  total), and its byte-by-byte fallback for corrupt streams is linear instead of quadratic;
- ``lzwdecode`` stops at the same limit.

The wrappers change nothing for files within the limits.
"""

from __future__ import annotations

import zlib
from typing import Any

from ...errors import LimitError
from . import limits

_installed = False


def install() -> None:
    """Wrap pdfminer's reference resolution and stream decoding (once per process)."""
    global _installed
    if _installed:
        return
    import pdfminer.pdftypes as pdftypes
    from pdfminer.pdfdocument import PDFDocument

    original_getobj = PDFDocument.getobj

    def getobj(self: Any, objid: int) -> object:
        busy: set[int] = self.__dict__.setdefault("_gongwen_busy", set())
        if objid in busy:  # object N is needed to parse object N (an object stream holding itself)
            raise _trip(LimitError(f"object {objid} refers to itself while being read (a reference cycle)"))
        busy.add(objid)
        try:
            obj = original_getobj(self, objid)
            chain = [objid]
            while isinstance(obj, pdftypes.PDFObjRef):
                nxt = obj.objid
                if nxt in chain:
                    loop = " -> ".join(f"{i} 0 R" for i in chain[chain.index(nxt):] + [nxt])
                    raise _trip(LimitError(f"indirect references loop ({loop})"))
                if len(chain) >= limits.MAX_REFERENCE_CHAIN:
                    raise _trip(limits.exceeded("a chain of indirect references is longer",
                                                limits.MAX_REFERENCE_CHAIN, "MAX_REFERENCE_CHAIN"))
                chain.append(nxt)
                obj = original_getobj(self, nxt)
            return obj
        finally:
            busy.discard(objid)

    PDFDocument.getobj = getobj  # type: ignore[method-assign]
    pdftypes.zlib = _BoundedZlib()  # type: ignore[assignment]
    pdftypes.decompress_corrupted = _decompress_corrupted
    original_lzw = pdftypes.lzwdecode

    def lzwdecode(data: bytes) -> bytes:
        from io import BytesIO

        from pdfminer.lzw import LZWDecoder

        limit = _limit(len(data))
        out = bytearray()
        for chunk in LZWDecoder(BytesIO(data)).run():
            out += chunk
            if len(out) > limit[0]:
                raise _trip(limits.inflate_error("an LZW stream", len(data), limit))
        _account(len(out))
        return bytes(out)

    lzwdecode.__wrapped__ = original_lzw  # type: ignore[attr-defined]
    pdftypes.lzwdecode = lzwdecode
    _installed = True


def _trip(err: LimitError) -> LimitError:
    return limits.current_pdf_budget().trip(err)


def _limit(compressed: int) -> tuple[int, str, str]:
    budget = limits.current_pdf_budget()
    return limits.inflate_limit(compressed, (limits.MAX_STREAM_BYTES, "MAX_STREAM_BYTES"),
                                (max(0, limits.MAX_INFLATED_BYTES - budget.inflated), "MAX_INFLATED_BYTES"))


def _account(n: int) -> None:
    limits.current_pdf_budget().inflated += n


class _BoundedInflater:
    """``zlib.decompressobj()`` that refuses to produce more than the budget allows."""

    def __init__(self, compressed: int) -> None:
        self._d = zlib.decompressobj()
        self._limit = _limit(compressed)
        self._compressed = compressed
        self._out = 0

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        room = self._limit[0] - self._out + 1
        out = self._d.decompress(data, room if not max_length else min(room, max_length))
        self._out += len(out)
        if self._out > self._limit[0]:
            raise _trip(limits.inflate_error("a compressed PDF stream", self._compressed, self._limit))
        _account(len(out))
        return out

    def flush(self) -> bytes:
        return self._d.flush()

    @property
    def eof(self) -> bool:
        return self._d.eof

    @property
    def unconsumed_tail(self) -> bytes:
        return self._d.unconsumed_tail


class _BoundedZlib:
    """The part of the ``zlib`` module pdfminer's stream decoder uses, with the budget applied."""

    error = zlib.error

    def decompress(self, data: bytes) -> bytes:
        d = _BoundedInflater(len(data))
        out = d.decompress(data)
        if not d.eof:  # what zlib.decompress says about a stream that stops early
            raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
        return out

    def decompressobj(self, *args: Any, **kw: Any) -> _BoundedInflater:
        return _BoundedInflater(0)

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)


def _decompress_corrupted(data: bytes) -> bytes:
    """pdfminer's fallback for a stream with a bad checksum, in linear time: inflate what can
    be inflated and keep it (the original feeds one byte at a time and concatenates)."""
    d = _BoundedInflater(len(data))
    head = max(0, len(data) - 4)
    out = bytearray(d.decompress(data[:head]))  # damage before the checksum: raise, as pdfminer does
    for j in range(head, len(data)):  # a damaged checksum at the end: keep what was inflated
        try:
            out += d.decompress(data[j:j + 1])
        except zlib.error:
            if j < len(data) - 3:
                raise
            break
    return bytes(out)
