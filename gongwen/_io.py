"""Atomic output: a file appears complete or not at all, and is never overwritten by accident.

The temporary file lives next to the output under a short name (``.gw-<target hash>-<pid>-
<random>.tmp``: a legal 255-byte output name still fits), is removed on every exit path
Python sees, and one left behind by a killed run (its process gone) is removed the next time
the same output is written.  ``--force`` replaces regular files only: never a device node, a
FIFO, a folder or a symbolic link.  Every failure is an :class:`OutputError` naming the
output the user gave, never the temporary file.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import OutputError

_PREFIX = ".gw-"


def _tag(path: Path) -> str:
    return hashlib.sha256(path.name.encode("utf-8", "surrogateescape")).hexdigest()[:10]


def check_target(path: str | Path, *, force: bool = False) -> Path:
    """Refuse an output that exists (unless ``force``) or is not a regular file, or whose folder
    is missing; returns the path."""
    path = Path(path)
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise OutputError(f"cannot write: {e.strerror or e}", path) from None
    if st is not None:
        if not stat.S_ISREG(st.st_mode):
            kind = "a symbolic link" if stat.S_ISLNK(st.st_mode) else "a folder" if stat.S_ISDIR(st.st_mode) \
                else "a device or FIFO"
            raise OutputError(f"exists and is {kind}, not a regular file: gongwen only replaces regular files",
                              path)
        if not force:
            raise OutputError("exists; pass --force to overwrite", path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"folder {folder} does not exist", path)
    return path


def remove_stale(path: Path) -> None:
    """Remove temporary files of ``path`` left by runs that were killed (their process is gone)."""
    folder = path.parent if str(path.parent) else Path(".")
    head = f"{_PREFIX}{_tag(path)}-"
    try:
        names = [n for n in os.listdir(folder) if n.startswith(head) and n.endswith(".tmp")]
    except OSError:
        return
    for name in names:
        try:
            pid = int(name[len(head):].split("-", 1)[0])
        except ValueError:
            continue
        if pid != os.getpid() and not _alive(pid):
            _remove(folder / name)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _remove(p: Path) -> None:
    try:
        if p.is_dir() and not p.is_symlink():
            shutil.rmtree(p)
        else:
            p.unlink()
    except OSError:
        pass


def temp_name(path: Path) -> Path:
    """A fresh temporary path next to ``path`` (short, whatever the length of its name)."""
    folder = path.parent if str(path.parent) else Path(".")
    return folder / f"{_PREFIX}{_tag(path)}-{os.getpid()}-{secrets.token_hex(4)}.tmp"


def atomic_write(path: str | Path, data: bytes | str | Callable[[Path], None], *, force: bool = False) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename.

    ``data`` may be bytes, text (written as UTF-8) or a callback that writes the temporary
    path it is given (for libraries such as python-docx that save to a path).  An existing
    ``path`` is kept unless ``force`` (and then only a regular file is replaced); on any
    failure the temporary file is removed and the earlier output, if any, is left untouched.
    """
    path = check_target(path, force=force)
    remove_stale(path)
    tmp = temp_name(path)
    try:
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except OSError as e:
            raise OutputError(f"cannot write: {e.strerror or e}", path) from None
        try:
            if callable(data):
                os.close(fd)
                data(tmp)
            else:
                with os.fdopen(fd, "wb") as f:
                    f.write(data.encode("utf-8") if isinstance(data, str) else data)
                    f.flush()
                    os.fsync(f.fileno())
            # the temporary file is 0600; give the output the mode an ordinary open() would
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
            check_target(path, force=force)  # nothing else appeared there meanwhile
            os.replace(tmp, path)
        except OSError as e:
            if isinstance(e, OutputError):
                raise
            raise OutputError(f"cannot write: {e.strerror or e}", path) from None
    except BaseException:
        _remove(tmp)
        raise
    return path


@contextmanager
def atomic_folder(folder: str | Path, names: list[str], *, force: bool = False) -> Iterator[Path]:
    """Write several files into ``folder`` as one: yield a temporary folder to write ``names``
    into, then move them in.  Every target is checked before anything is written, so a refusal
    leaves the folder as it was; on failure the temporary folder is removed."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise OutputError("exists and is not a folder", folder)
    for name in names:
        if folder.is_dir():
            check_target(folder / name, force=force)
    parent = folder.parent if str(folder.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"folder {parent} does not exist", folder)
    remove_stale(folder)
    tmp = temp_name(folder)
    try:
        try:
            tmp.mkdir()
        except OSError as e:
            raise OutputError(f"cannot write: {e.strerror or e}", folder) from None
        yield tmp
        try:
            if not folder.exists():
                os.replace(tmp, folder)
                return
            for name in names:
                check_target(folder / name, force=force)
                os.replace(tmp / name, folder / name)
        except OutputError:
            raise
        except OSError as e:
            raise OutputError(f"cannot write: {e.strerror or e}", folder) from None
    finally:
        if tmp.exists():
            _remove(tmp)
