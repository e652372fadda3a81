"""Writing an export file the way editors save: atomically, through symlinks, never over
something that is not a file.

``write_atomically(path, text)``: the text goes to a temporary file beside the target,
flushed to disk, then renamed over it, so a crash leaves the old file or the new one,
never half of one. A symlink is followed (the file it points to is replaced, the link
stays a link), a file's permissions are kept, and a path that is not a regular file (a
named pipe, a device such as ``/dev/stdout``, a folder, a socket) is refused with
:class:`NotAFileError`: renaming over it would replace it (as root, ``/dev/stdout``
itself), and writing into it could block forever.
"""

from __future__ import annotations

import os
import stat
import uuid
from pathlib import Path


class NotAFileError(OSError):
    """The path exists and is not a regular file: nothing is written."""


def write_atomically(path: Path, text: str) -> None:
    """Replace the file at ``path`` with ``text`` (UTF-8) at once; see the module."""
    path = Path(path)
    mode = None
    try:
        info = os.stat(path)  # what the path leads to, through any symlinks
    except FileNotFoundError:  # nothing yet (or a symlink to nothing yet)
        pass
    else:
        if not stat.S_ISREG(info.st_mode):
            raise NotAFileError(
                0, f"{_kind(info.st_mode)}, not a regular file: nothing written", str(path)
            )
        mode = stat.S_IMODE(info.st_mode)
    target = _target(path)
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.tmp")  # same folder
    try:
        with temporary.open("xb") as stream:  # a new file's usual permissions, unlike mkstemp
            stream.write(text.encode("utf-8"))
            stream.flush()
            if mode is not None:
                os.fchmod(stream.fileno(), mode)
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    if hasattr(os, "O_DIRECTORY"):  # the rename on disk too (POSIX)
        folder = os.open(target.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def _target(path: Path) -> Path:
    """The file a path means: the end of its chain of symlinks (which may not exist yet)."""
    if not path.is_symlink():
        return path
    return Path(os.path.realpath(path))


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"
