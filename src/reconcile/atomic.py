"""Writing a file in one step: a temporary file in the same folder, then a rename.

A reader sees the old file or the new one, never half of one, and a failure leaves any
earlier file as it was. Used by every command that writes a file (report, export, extract).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path


class Changed(Exception):
    """The target changed while the new content was prepared; nothing was written."""


def _mode(path: Path) -> int:
    """The permissions the file gets: an existing target's, else what the umask allows."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: Path, data: bytes, *, unchanged: Callable[[], bool] | None = None) -> None:
    """Write ``data`` to ``path`` atomically; raise OSError, or :class:`Changed` when
    ``unchanged`` (asked just before the rename) says the target changed meanwhile."""
    import tempfile  # here, not at the top: the command line imports its callers to start

    folder = path.parent if str(path.parent) else Path(".")
    mode = _mode(path)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        if unchanged is not None and not unchanged():
            raise Changed(f"{path} changed meanwhile")
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
