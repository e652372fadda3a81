"""One window process per user and data folder: a second launch hands its argument to the
first, which comes forward and opens it, and the second exits (status 0).

Who is first is decided by a lock file in the data folder (``QLockFile``: held for the
process's life, taken over only when its process is dead), not by who manages to listen,
so two launches at the same moment cannot both become first, and a second process never
opens the first one's catalog. The first listens on a ``QLocalServer`` named for the user
and the data folder (``ARTICLE_READER_HOME`` gives tests an instance of their own),
reachable by the user only. A request is one JSON line, ``{"open": path or null}``,
answered by ``ok``.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
import time
from pathlib import Path

from PySide6.QtCore import QByteArray, QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from reader.core.catalog.paths import data_home

log = logging.getLogger(__name__)
TIMEOUT_MS = 5000


def server_name() -> str:
    home = str(data_home().resolve())
    key = hashlib.sha1(home.encode("utf-8")).hexdigest()[:12]
    user = os.getuid() if hasattr(os, "getuid") else getpass.getuser()
    return f"article-reader-{user}-{key}"


class AlreadyRunning(Exception):
    """Another process holds the lock but does not answer."""


class SingleInstance(QObject):
    """The first process's side: holds the lock, listens, emits what others ask."""

    requested = Signal(object)  # the Path to open, or None: just come forward

    def __init__(self, lock: QLockFile, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lock = lock  # held until this process ends
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = server_name()
        QLocalServer.removeServer(name)  # we hold the lock: a socket left there is stale
        if not self.server.listen(name):
            log.warning("cannot listen for other launches: %s", self.server.errorString())
        self.server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _read(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        self._buffers[socket] = data
        if b"\n" not in data:
            return
        line = data.split(b"\n", 1)[0]
        try:
            target = json.loads(line.decode("utf-8")).get("open")
        except (ValueError, AttributeError):
            log.warning("ignored a malformed request from another launch")
            socket.disconnectFromServer()
            return
        socket.write(QByteArray(b"ok\n"))
        socket.flush()
        self.requested.emit(Path(target) if isinstance(target, str) and target else None)

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()


def hand_over(target: Path | None, timeout_ms: int = TIMEOUT_MS) -> bool:
    """Ask the running process to open ``target``; True once it said ``ok``. Retries a
    few seconds while the first process is still starting (locked, not yet listening)."""
    request = json.dumps({"open": str(target.absolute()) if target else None}) + "\n"
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        socket = QLocalSocket()
        socket.connectToServer(server_name())
        if socket.waitForConnected(500):
            socket.write(QByteArray(request.encode("utf-8")))
            socket.flush()
            answer = b""
            while b"\n" not in answer and socket.waitForReadyRead(timeout_ms):
                answer += bytes(socket.readAll().data())
            socket.disconnectFromServer()
            return answer.startswith(b"ok")
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)


def claim_or_hand_over(target: Path | None) -> SingleInstance | None:
    """The first process gets its ``SingleInstance``; a later one hands ``target`` over
    and gets None (it should exit 0). Raises AlreadyRunning when the first is stuck."""
    folder = data_home()
    lock = QLockFile(str(folder / "window.lock"))
    lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
    if lock.tryLock(0):
        return SingleInstance(lock)
    if hand_over(target):
        return None
    pid = lock.getLockInfo()[0]
    raise AlreadyRunning(
        f"Article Reader is already running{f' (process {pid})' if pid else ''} but does not "
        "answer; close it, or end that process, and try again."
    )
