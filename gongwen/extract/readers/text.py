"""Read a plain-text report (.txt/.md) into a :class:`RawDocument`, one line per RawLine.

The encoding is, in order: the ``encoding`` argument; a byte-order mark (UTF-8, UTF-16 LE/BE,
UTF-32); UTF-16 LE or BE without a mark when the bytes hold NULs (the byte order read from where
they fall); UTF-8 when the bytes decode as UTF-8; otherwise charset-normalizer's best guess
among GB18030 (a superset of GBK and GB2312) and UTF-16.  A guess is accepted only when the
decoded text is plausible Chinese: enough CJK characters, nearly all of them common (GB2312)
ones, and almost no private-use, control or rare characters.  Otherwise a :class:`ReadError` asks for
``--encoding`` rather than returning mojibake.  Line ends ``\\r\\n`` and ``\\r`` become
``\\n``; ``index`` is the 1-based line number.
"""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from ...errors import LimitError, ReadError
from . import limits
from .raw import RawDocument, RawLine

#: Text files larger than this are refused (a report is a few hundred kB at most); the text
#: is then held to ``limits.MAX_DOCUMENT_CHARS`` and ``limits.MAX_LINE_CHARS``.
MAX_TEXT_BYTES = 50 * 1024 * 1024
#: A non-UTF-8 guess needs at least this many CJK characters to be trusted.
MIN_CJK_FOR_GUESS = 20
#: ...of which at least this share must be common (GB2312) characters...
MIN_COMMON_SHARE = 0.9
#: ...and at most this share of all characters may be odd (private use, controls, rare CJK).
MAX_ODD_SHARE = 0.02
#: The plausibility check looks at this many characters (enough to judge, fast on big files).
SAMPLE_CHARS = 200_000

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def read_text(path: str | Path, encoding: str | None = None) -> RawDocument:
    """Read ``path`` as text (encoding detected unless given) into a RawDocument."""
    p = Path(path)
    size = p.stat().st_size
    if size > MAX_TEXT_BYTES:
        raise ReadError(f"text file too large ({size / 2**20:.0f} MB > {MAX_TEXT_BYTES // 2**20} MB): "
                        "split it or convert it first", p)
    data = p.read_bytes()
    text = decode(data, p, encoding)
    if not text.strip():
        raise ReadError("empty file (no text)" if data else "empty file (0 bytes)", p)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.removesuffix("\n")
    parts = text.split("\n")
    try:
        limits.check_text(parts)
    except LimitError as e:
        raise LimitError(e.reason, p) from None
    lines = [RawLine(text=t, index=i) for i, t in enumerate(parts, start=1)]
    return RawDocument(path=str(p), format="text", lines=lines)


def decode(data: bytes, p: Path, encoding: str | None = None) -> str:
    """Decode ``data`` as described in the module docstring (BOM stripped)."""
    if encoding:
        try:
            info = codecs.lookup(encoding)
        except LookupError:
            raise ReadError(f"unknown encoding {encoding!r}", p) from None
        if not getattr(info, "_is_text_encoding", True):  # rot13, base64, zlib …: not a text encoding
            raise ReadError(f"{encoding!r} is not a text encoding (use e.g. utf-8, gb18030, utf-16)", p)
        try:
            return data.decode(encoding).removeprefix("\ufeff")
        except UnicodeDecodeError as e:
            raise ReadError(f"cannot decode as {encoding} (invalid bytes at offset {e.start}); "
                            "check --encoding", p) from None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc)
            except UnicodeDecodeError as e:
                raise ReadError(f"invalid {enc} text after its byte-order mark (offset {e.start})",
                                p) from None
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is not None:
            return text
        nul = data.index(b"\x00")
        raise ReadError(f"binary data (NUL byte at offset {nul}): not a text file", p)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _guess(data, p)


def _utf16_without_bom(data: bytes) -> str | None:
    """``data`` as UTF-16 without a byte-order mark, or None.

    Text in UTF-16 holds NUL bytes (every ASCII character and line end, and CJK characters such as
    一 U+4E00): at odd offsets in little-endian, at even ones in big-endian, so the byte order is
    tried in that order.  A decoding is accepted only when it passes the plausibility check.

    >>> _utf16_without_bom("各镇街全面完成年度目标任务，群众满意度明显提高。\\n".encode("utf-16-be") * 2)[:4]
    '各镇街全'
    >>> _utf16_without_bom(bytes(range(256)) * 4) is None
    True
    """
    if len(data) % 2:
        return None
    big_endian_first = data[0::2].count(0) > data[1::2].count(0)
    for enc in ("utf-16-be", "utf-16-le") if big_endian_first else ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if implausible(text) is None:
            return text
    return None


def _guess(data: bytes, p: Path) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "utf_16"]).best()
    if best is None:
        raise ReadError("cannot tell the text encoding (not UTF-8, GB18030/GBK or UTF-16); "
                        "pass --encoding", p)
    enc = best.encoding
    text = str(best)
    reason = implausible(text)
    if reason:
        raise ReadError(f"cannot tell the text encoding (best guess {enc}, low confidence: {reason}); "
                        "pass --encoding", p)
    return text


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x3FFFF or 0xF900 <= o <= 0xFAFF


def _is_common(ch: str) -> bool:
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def _is_odd(ch: str) -> bool:
    if ch in "\t\n\r\f":
        return False
    cat = unicodedata.category(ch)
    return cat in ("Co", "Cc", "Cn", "Cs") or (_is_cjk(ch) and not 0x4E00 <= ord(ch) <= 0x9FFF)


def implausible(text: str) -> str | None:
    """Why ``text`` does not look like correctly decoded Chinese, or None when it does.

    >>> implausible("各镇街全面完成年度目标任务，群众满意度明显提高，" * 2) is None
    True
    >>> implausible("你好")
    'only 2 CJK characters'
    """
    text = text[:SAMPLE_CHARS]
    cjk = [ch for ch in text if _is_cjk(ch)]
    if len(cjk) < MIN_CJK_FOR_GUESS:
        return f"only {len(cjk)} CJK characters"
    common = sum(1 for ch in cjk if _is_common(ch)) / len(cjk)
    if common < MIN_COMMON_SHARE:
        return f"{1 - common:.0%} of the CJK characters are rare"
    odd = sum(1 for ch in text if _is_odd(ch)) / max(1, len(text))
    if odd > MAX_ODD_SHARE:
        return f"{odd:.0%} of the characters are control, private-use or rare"
    return None
