"""Atomic file writing, the one home of it: maps, sidecars and exported images all go through here.

A leaf module (standard library only), so that :mod:`argmap.formats` and
:mod:`argmap.render` can both use it without one borrowing from the other.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def write_text_atomic(path: str | os.PathLike, text: str, *, backup: bool = True) -> None:
    """Replace ``path`` with ``text`` (UTF-8, ``\\n`` line ends) in one atomic step."""
    write_bytes_atomic(path, text.encode("utf-8"), backup=backup)


def write_bytes_atomic(path: str | os.PathLike, data: bytes, *, backup: bool = False) -> None:
    """Replace ``path`` with ``data`` atomically, optionally keeping the old file as ``path.bak``.

    The data goes to a temporary file in the same folder, is flushed to disk,
    takes the old file's permissions (or the usual ones for a new file), and
    is renamed over ``path``: a failure at any point leaves the old file as
    it was and no temporary file behind.

    Raises
    ------
    OSError
        When the folder cannot be written (full disk, read-only, vanished).
    """
    path = Path(path)

    def fill(fd: int, tmp: str) -> None:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(path))
        if backup and path.is_file():
            _backup(path)

    _replace_via_temp(path, fill)


def _replace_via_temp(path: Path, fill) -> None:
    """Make a temporary file beside ``path``, let ``fill(fd, tmp)`` write it, rename it over ``path``.

    Whatever fails, the temporary file is removed and ``path`` is untouched.
    """
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        fill(fd, tmp)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _mode_for(path: Path) -> int:
    """The permissions a rewritten file keeps: the old file's, or 0666 less the umask."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _backup(path: Path) -> None:
    """Replace ``path.bak`` with a copy of ``path``, atomically: a failed copy leaves the old backup whole."""
    def fill(fd: int, tmp: str) -> None:
        os.close(fd)
        shutil.copy2(path, tmp)

    _replace_via_temp(path.with_name(path.name + ".bak"), fill)
