"""Writing a file in one step: a temporary file in the same folder, then a rename.

A reader sees the old file or the new one, never half of one, and a failure leaves any
earlier file as it was. Used by every command that writes a file (report, export, extract).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


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
    with replacing(path, unchanged=unchanged) as stream:
        stream.write(data)


@contextmanager
def replacing(path: Path, *, unchanged: Callable[[], bool] | None = None) -> Iterator[BinaryIO]:
    """A new file beside ``path`` to write to, bit by bit: when the block ends it is synced
    and renamed over ``path`` in one step; when the block raises, it is removed and ``path``
    is left as it was. Raises OSError, or :class:`Changed` as :func:`write_atomic` does."""
    import tempfile  # here, not at the top: the command line imports its callers to start

    folder = path.parent if str(path.parent) else Path(".")
    mode = _mode(path)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        if unchanged is not None and not unchanged():
            raise Changed(f"{path} changed meanwhile")
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
