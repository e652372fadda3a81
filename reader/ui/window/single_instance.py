"""One window process per user and data folder: a second launch hands its argument to the
first, which comes forward and opens it, and the second exits (status 0).

Who is first is decided by a lock file in the data folder (``QLockFile``: held for the
process's life, taken over only when its process is dead), not by who manages to listen,
so two launches at the same moment cannot both become first, and a second process never
opens the first one's catalog. The first listens on a ``QLocalServer`` named for the data
folder (``ARTICLE_READER_HOME`` gives tests an instance of their own), in a folder only
this user can enter, and both sides check that the other is this user
(:mod:`reader.ui.window.instance_protocol`). A request is one JSON line,
``{"open": path or null}``, answered by ``ok``; a connection carries one request, is
closed after it, and is closed unanswered when it sends too much, nothing in time, or
something else; at most a few are open at once.
"""

from __future__ import annotations

import hashlib
import logging
import time
from pathlib import Path

from PySide6.QtCore import QByteArray, QLockFile, QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from reader.core.catalog.paths import data_home
from reader.ui.window.instance_protocol import (
    CONNECTION_MS,
    MAX_CONNECTIONS,
    MAX_REQUEST_BYTES,
    BadRequest,
    UnsafeSocketFolder,
    decode_request,
    encode_request,
    is_this_user,
    socket_folder,
)

log = logging.getLogger(__name__)
TIMEOUT_MS = 5000


def server_name() -> str:
    """The socket's full path: in a folder private to this user, named for the data folder
    (UnsafeSocketFolder when there is no such folder)."""
    home = str(data_home().resolve())
    key = hashlib.sha1(home.encode("utf-8")).hexdigest()[:12]
    return str(socket_folder() / f"article-reader-{key}")


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
        self.server.setMaxPendingConnections(MAX_CONNECTIONS)
        self._buffers: dict[QLocalSocket, bytearray] = {}  # oldest first
        try:
            name = server_name()
        except UnsafeSocketFolder as exc:
            log.warning("other launches cannot reach this window: %s", exc)
            return
        QLocalServer.removeServer(name)  # we hold the lock: a socket left there is stale
        if not self.server.listen(name):
            log.warning("cannot listen for other launches: %s", self.server.errorString())
        self.server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            if not is_this_user(int(socket.socketDescriptor())):
                log.warning("refused a connection from another user")
                socket.abort()
                socket.deleteLater()
                continue
            while len(self._buffers) >= MAX_CONNECTIONS:  # the oldest, idle, makes room
                self._close(next(iter(self._buffers)))
            self._buffers[socket] = bytearray()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))
            QTimer.singleShot(CONNECTION_MS, socket, lambda s=socket: self._close(s))

    def _read(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.get(socket)
        if buffer is None:  # answered or refused already: nothing more is read
            socket.readAll()
            return
        chunk = bytes(socket.read(MAX_REQUEST_BYTES + 1 - len(buffer)).data())
        end = chunk.find(b"\n")
        buffer += chunk if end < 0 else chunk[:end]
        if end < 0:
            if len(buffer) > MAX_REQUEST_BYTES:
                log.warning("refused a request from another launch: too long")
                self._close(socket)
            return
        del self._buffers[socket]  # one request a connection: later bytes are not read
        try:
            target = decode_request(bytes(buffer))
        except BadRequest as exc:
            log.warning("refused a request from another launch: %s", exc)
            socket.abort()
            return
        socket.write(QByteArray(b"ok\n"))
        socket.flush()
        socket.disconnectFromServer()
        self.requested.emit(target)

    def _close(self, socket: QLocalSocket) -> None:
        if self._buffers.pop(socket, None) is not None:
            socket.abort()

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()


def hand_over(target: Path | None, timeout_ms: int = TIMEOUT_MS) -> bool:
    """Ask the running process to open ``target``; True once it said ``ok``. Retries a
    few seconds while the first process is still starting (locked, not yet listening)."""
    request = encode_request(target)
    try:
        name = server_name()
    except UnsafeSocketFolder as exc:
        log.warning("cannot reach the running window: %s", exc)
        return False
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        socket = QLocalSocket()
        socket.connectToServer(name)
        if socket.waitForConnected(500):
            if not is_this_user(int(socket.socketDescriptor())):
                socket.abort()  # never hand a request to another user's program
                log.warning("the socket at %s is not this user's: nothing handed over", name)
                return False
            socket.write(QByteArray(request))
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
