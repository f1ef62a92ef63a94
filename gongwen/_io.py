"""Atomic output: a file appears complete or not at all, and is never overwritten by accident."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from .errors import OutputError


def atomic_write(path: str | Path, data: bytes | str | Callable[[Path], None], *, force: bool = False) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename.

    ``data`` may be bytes, text (written as UTF-8) or a callback that writes the temporary
    path it is given (for libraries such as python-docx that save to a path).  An existing
    ``path`` is kept unless ``force``; on any failure the temporary file is removed and the
    earlier output, if any, is left untouched.
    """
    path = Path(path)
    if path.exists() and not force:
        raise OutputError("exists; pass --force to overwrite", path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"folder {folder} does not exist", path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        if callable(data):
            os.close(fd)
            data(tmp)
        else:
            with os.fdopen(fd, "wb") as f:
                f.write(data.encode("utf-8") if isinstance(data, str) else data)
                f.flush()
                os.fsync(f.fileno())
        # mkstemp creates 0600 files; give the output the mode an ordinary open() would
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise
    return path
