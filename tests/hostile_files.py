"""Generators of hostile input files, one per family of issue 12 (stdlib only).

Every function returns bytes (or writes a file) that reproduce one way a stranger's file can
hang, exhaust or crash a reader.  The words are invented; nothing comes from a real report.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

BODY = "青溪县民政局二〇二四年工作总结。全年发放救助资金一千二百万元，惠及三千人。"


# -- PDF ------------------------------------------------------------------------------------
def pdf(objects: list[bytes], *, root: int = 1, trailer_extra: bytes = b"") -> bytes:
    """A PDF from the bodies of objects 1..n (``objects[i]`` is object i+1) with a correct xref."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, root, trailer_extra, xref))
    return out.getvalue()


def _stream(data: bytes, extra: bytes = b"", *, flate: bool = False) -> bytes:
    if flate:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
_TEXT = b"BT /F1 12 Tf 72 700 Td (Annual report of the county bureau) Tj ET"


def pdf_plain(content: bytes = _TEXT, *, media: bytes = b"[0 0 612 792]", flate: bool = False,
              resources: bytes = b"<< /Font << /F1 4 0 R >> >>", extra: list[bytes] | None = None) -> bytes:
    """One page drawing ``content``: objects 1 catalog, 2 pages, 3 page, 4 font, 5 contents, 6.. extra."""
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox " + media + b" /Resources " + resources
        + b" /Contents 5 0 R >>",
        _FONT,
        _stream(content, flate=flate),
        *(extra or []),
    ])


def pdf_ref_loop(where: str = "contents") -> bytes:
    """Indirect references that loop (6 0 R -> 7 0 R -> 6 0 R) in /Contents, /MediaBox or /Root."""
    loop = [b"7 0 R", b"6 0 R"]
    if where == "root":
        return pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"2 0 R"], root=2)
    if where == "mediabox":
        return pdf([
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox 6 0 R /Resources << /Font << /F1 4 0 R >> >> "
            b"/Contents 5 0 R >>",
            _FONT, _stream(_TEXT), *loop])
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 6 0 R >>",
        _FONT, _stream(_TEXT), *loop])


def pdf_page_tree_loop() -> bytes:
    """A /Kids array that contains its own /Pages node."""
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"])


def pdf_self_xobject(copies: int = 10) -> bytes:
    """A form XObject that draws itself ``copies`` times (exponential repetition, bounded depth)."""
    form = b"q 0.5 0 0 0.5 0 0 cm " + b"/X0 Do " * copies + b"Q 0 0 10 10 re f"
    return pdf_plain(b"/X0 Do " + _TEXT, resources=b"<< /Font << /F1 4 0 R >> /XObject << /X0 6 0 R >> >>",
                     extra=[_stream(form, b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
                                          b"/Resources << /XObject << /X0 6 0 R >> >>")])


def deflate_repeated(prefix: bytes, chunk: bytes, count: int, *, raw: bool = False) -> bytes:
    """``prefix + chunk * count`` deflated, in time independent of ``count``.

    Each chunk is compressed after a full flush, so every repetition has the same compressed
    bytes: compress it once and repeat them.  ``raw`` leaves out the zlib header and checksum
    (as in a zip entry).
    """
    c = zlib.compressobj(9, zlib.DEFLATED, -15 if raw else 15)
    head = c.compress(prefix) + c.flush(zlib.Z_FULL_FLUSH)
    rep = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    end = c.flush()
    if raw:
        return head + rep * count + end
    adler = zlib.adler32(prefix)
    for _ in range(count):
        adler = zlib.adler32(chunk, adler)
    return head + rep * count + end[:-4] + struct.pack(">I", adler)


def pdf_flate_bomb(inflated: int = 1 << 30) -> bytes:
    """A content stream of text and spaces that inflates to ``inflated`` bytes."""
    data = deflate_repeated(_TEXT + b"\n", b" " * (1 << 20), inflated >> 20)
    return pdf_plain().replace(_stream(_TEXT), b"<< /Length %d /Filter /FlateDecode >>\nstream\n"
                               % len(data) + data + b"\nendstream")


def pdf_many_operators(n: int = 3_000_000) -> bytes:
    """A page whose content stream holds ``n`` trivial operators (about 4 bytes each)."""
    return pdf_plain(_TEXT + b" q Q" * n)


def pdf_bad_mediabox() -> bytes:
    return pdf_plain(media=b"[0 0 /Letter (wide)]")


def pdf_huge_scan(width: int = 100_000, height: int = 100_000, *, full: bool = False) -> bytes:
    """A "scanned" page without a text layer: one grey image declared ``width`` × ``height``
    pixels (10 billion by default) in a few hundred bytes (its data stops after one row), or,
    ``full``, with every row (a flate stream of about ``height`` × ``width`` / 1000 bytes)."""
    info = b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8" % (
        width, height)
    if full:
        data = deflate_repeated(b"", b"\x80" * width, height)
        image = b"<< /Length %d %s /Filter /FlateDecode >>\nstream\n" % (len(data), info) + data + b"\nendstream"
    else:
        image = _stream(b"\x80" * 64, info, flate=True)
    return pdf_plain(b"q 595 0 0 842 0 0 cm /Im1 Do Q", resources=b"<< /XObject << /Im1 6 0 R >> >>",
                     media=b"[0 0 595 842]", extra=[image])


# -- DOCX -----------------------------------------------------------------------------------
_CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
       '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       '<Default Extension="xml" ContentType="application/xml"/>'
       '<Override PartName="/word/document.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
       '</Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" '
         'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
         'Target="word/document.xml"/></Relationships>')
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def document_xml(paragraphs: list[str], filler: int = 0) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in paragraphs)
    pad = "<w:p/>" * filler
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}">'
            f"<w:body>{body}{pad}</w:body></w:document>").encode()


def docx(paragraphs: list[str] | None = None, *, document: bytes | None = None) -> bytes:
    """A minimal valid DOCX (content types, package rels, document)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", document or document_xml(paragraphs or [BODY]))
    return buf.getvalue()


def docx_bomb(inflated: int = 1 << 30) -> bytes:
    """A DOCX whose document.xml inflates to about ``inflated`` bytes of empty paragraphs."""
    head = document_xml([BODY])
    head, tail = head[: head.index(b"</w:body>")], b"</w:body></w:document>"
    block = b"<w:p/>" * (1 << 17)
    count = inflated // len(block)
    crc = zlib.crc32(head)
    for _ in range(count):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(tail, crc)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = c.compress(head) + c.flush(zlib.Z_FULL_FLUSH)
    rep = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    data = first + rep * count + c.compress(tail) + c.flush()
    size = len(head) + count * len(block) + len(tail)
    small = docx()
    with zipfile.ZipFile(io.BytesIO(small)) as z:
        entries = [(n, z.read(n)) for n in z.namelist() if n != "word/document.xml"]
    return _zip_raw([(n, zlib.compress(b, 9)[2:-4], zlib.crc32(b), len(b)) for n, b in entries]
                    + [("word/document.xml", data, crc, size)])


def _zip_raw(entries: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip of already deflated entries ``(name, raw deflate data, crc32, size)`` (zip64 sizes)."""
    out = io.BytesIO()
    central = []
    for name, data, crc, size in entries:
        off = out.tell()
        nb = name.encode()
        extra = struct.pack("<HHQQ", 1, 16, size, len(data))
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 45, 0, 8, 0, 0, crc, 0xFFFFFFFF, 0xFFFFFFFF,
                              len(nb), len(extra)) + nb + extra + data)
        cextra = struct.pack("<HHQQQ", 1, 24, size, len(data), off)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 45, 45, 0, 8, 0, 0, crc, 0xFFFFFFFF,
                                   0xFFFFFFFF, len(nb), len(cextra), 0, 0, 0, 0, 0xFFFFFFFF) + nb + cextra)
    cd_off = out.tell()
    cd = b"".join(central)
    out.write(cd)
    eocd64 = out.tell()
    out.write(struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, len(entries), len(entries), len(cd), cd_off))
    out.write(struct.pack("<IIQI", 0x07064B50, 0, eocd64, 1))
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(cd), cd_off, 0))
    return out.getvalue()


def _patch_central(data: bytes, name: bytes, fn) -> bytes:  # type: ignore[no-untyped-def]
    """Apply ``fn(header: bytearray, offset)`` to the central and local headers of ``name``."""
    b = bytearray(data)
    pos = b.find(b"PK\x01\x02")
    while pos != -1:
        n = struct.unpack_from("<H", b, pos + 28)[0]
        if bytes(b[pos + 46:pos + 46 + n]) == name:
            fn(b, pos, central=True)
            local = struct.unpack_from("<I", b, pos + 42)[0]
            fn(b, local, central=False)
        pos = b.find(b"PK\x01\x02", pos + 4)
    return bytes(b)


def docx_odd_zip(kind: str) -> bytes:
    """A DOCX whose document.xml entry claims encryption, an unknown method or a future version."""
    data = docx()

    def patch(b: bytearray, off: int, central: bool) -> None:
        flag, method, version = (off + 8, off + 10, off + 6) if central else (off + 6, off + 8, off + 4)
        if kind == "encrypted":
            struct.pack_into("<H", b, flag, struct.unpack_from("<H", b, flag)[0] | 1)
        elif kind == "method":
            struct.pack_into("<H", b, method, 99)
        elif kind == "version":
            struct.pack_into("<H", b, version, 99)

    return _patch_central(data, b"word/document.xml", patch)


# -- text -----------------------------------------------------------------------------------
def long_line_text(n_bytes: int) -> bytes:
    """One line of about ``n_bytes`` UTF-8 bytes of report-like sentences, no line break."""
    unit = BODY.encode()
    return unit * (n_bytes // len(unit))


def many_headings_text(n: int = 60_000) -> bytes:
    """``n`` numbered headings, each followed by one short sentence (about 25 bytes per heading)."""
    lines = []
    for i in range(n):
        lines.append(f"{i + 1}.工作{i}")
        lines.append("完成任务。")
    return ("\n".join(lines) + "\n").encode()


# -- running the CLI under a safety net -------------------------------------------------------
#: Generous ceilings for one hostile run: a safety net so a regression fails instead of hanging
#: or swapping the machine, never a timing test.
WALL_SECONDS = 60
ADDRESS_SPACE = 3 << 30


def _limit_child() -> None:  # pragma: no cover - runs in the child
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))
    resource.setrlimit(resource.RLIMIT_CPU, (WALL_SECONDS, WALL_SECONDS + 5))


def run_gongwen(args: list[str], cwd: str | None = None, *, stdin: bytes | None = None,
                timeout: float = WALL_SECONDS):  # type: ignore[no-untyped-def]
    """Run ``gongwen ARGS`` in a subprocess with an address-space and CPU limit and a timeout."""
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-c", "from gongwen.cli import main; main()", *args],
                          cwd=cwd, input=stdin, capture_output=True, timeout=timeout,
                          preexec_fn=_limit_child, env=_env())


def _env() -> dict[str, str]:
    import os

    env = {k: v for k, v in os.environ.items() if k != "GONGWEN_DEBUG"}
    env["PYTHONUNBUFFERED"] = "1"
    return env


def one_error_line(proc) -> str:  # type: ignore[no-untyped-def]
    """The single stderr line of a failed run (asserting it is one line, with no traceback)."""
    err = proc.stderr.decode("utf-8", "replace")
    lines = err.splitlines()
    assert len(lines) == 1, err[-3000:]
    assert "Traceback" not in err and "internal error" not in err, err
    return lines[0]
