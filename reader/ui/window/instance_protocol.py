"""What two launches of the app say to each other, and where, without Qt.

The socket lives in a folder only this user can enter: ``$XDG_RUNTIME_DIR`` when it is
one (the desktop's private runtime folder), else ``article-reader-<uid>`` in the temporary
folder, created with mode 0700 and checked (a folder, not a link, owned by this user,
closed to others) before every use. In a shared ``/tmp`` another user could otherwise
create the socket first: receive every "open this file" request, with its path, and make
launches silently do nothing. Each side also checks who is at the other end of the
connection (``SO_PEERCRED``): a request is never handed to, nor taken from, another user.

A request is one line of JSON, ``{"open": path or null}``, at most
``MAX_REQUEST_BYTES``; anything else is refused without being parsed further.
"""

from __future__ import annotations

import json
import os
import socket
import stat
import struct
import tempfile
from collections.abc import Mapping
from pathlib import Path

MAX_REQUEST_BYTES = 64 * 1024  # a path is at most a few KB; nothing else is sent
MAX_CONNECTIONS = 16  # open at once; a new one closes the oldest
CONNECTION_MS = 5000  # a connection that sends no request in this time is closed


class UnsafeSocketFolder(OSError):
    """No folder private to this user to put the socket in."""


class BadRequest(ValueError):
    """A request that is not one line of ``{"open": path or null}``."""


def socket_folder(environ: Mapping[str, str] = os.environ) -> Path:
    """A folder only this user can enter, for the socket (see the module)."""
    runtime = environ.get("XDG_RUNTIME_DIR", "")
    if runtime and Path(runtime).is_absolute() and _private(Path(runtime)):
        return Path(runtime)
    folder = Path(tempfile.gettempdir()) / f"article-reader-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700)
    except FileExistsError:
        pass
    except OSError as exc:
        raise UnsafeSocketFolder(f"cannot make {folder}: {exc.strerror or exc}") from exc
    if not _private(folder):
        raise UnsafeSocketFolder(
            f"{folder} is not a folder private to this user (a link, another user's, or "
            "open to others): launches cannot talk to each other safely"
        )
    return folder


def _private(folder: Path) -> bool:
    try:
        info = os.lstat(folder)  # a link is not followed: it is refused
    except OSError:
        return False
    return (
        stat.S_ISDIR(info.st_mode)
        and info.st_uid == os.getuid()
        and stat.S_IMODE(info.st_mode) & 0o077 == 0
    )


def peer_uid(descriptor: int) -> int | None:
    """The user id of the process at the other end of a local socket (None: unknown)."""
    if descriptor < 0 or not hasattr(socket, "SO_PEERCRED"):
        return None
    try:
        with socket.fromfd(descriptor, socket.AF_UNIX, socket.SOCK_STREAM) as duplicate:
            credentials = duplicate.getsockopt(
                socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i")
            )
    except OSError:
        return None
    _pid, uid, _gid = struct.unpack("3i", credentials)
    return int(uid)


def is_this_user(descriptor: int) -> bool:
    return peer_uid(descriptor) == os.getuid()


def encode_request(target: Path | None) -> bytes:
    return (json.dumps({"open": str(target.absolute()) if target else None}) + "\n").encode()


def decode_request(line: bytes) -> Path | None:
    """The path a request asks to open (None: just come forward), or BadRequest."""
    if len(line) > MAX_REQUEST_BYTES:
        raise BadRequest("too long")
    try:
        request = json.loads(line.decode("utf-8"))
    except (ValueError, RecursionError) as exc:
        raise BadRequest("not JSON") from exc
    if not isinstance(request, dict) or set(request) != {"open"}:
        raise BadRequest('not {"open": …}')
    target = request["open"]
    if target is None or target == "":
        return None
    if not isinstance(target, str) or "\x00" in target or not Path(target).is_absolute():
        raise BadRequest("not an absolute path")
    return Path(target)
