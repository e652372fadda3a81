"""The socket two launches talk over: in a folder only this user can enter, spoken to by
this user only, one bounded request per connection, and never more than a few at once.
Whatever another program sends, the window neither crashes, nor stalls, nor opens more
than one request."""

from __future__ import annotations

import json
import os
import select
import shutil
import socket
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QCoreApplication, QLockFile
from pytestqt.qtbot import QtBot

from reader.core.catalog.paths import data_home
from reader.ui.window import instance_protocol
from reader.ui.window.instance_protocol import UnsafeSocketFolder, socket_folder
from reader.ui.window.single_instance import SingleInstance, hand_over, server_name


@pytest.fixture
def runtime(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    # Short, as a real runtime folder is: a socket's path must fit in 108 bytes, and the
    # test's own tmp_path can be longer than that.
    folder = Path(tempfile.mkdtemp(prefix="ar-", dir="/tmp"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def server(runtime: Path, qtbot: QtBot) -> Iterator[tuple[SingleInstance, list[object]]]:
    data_home().mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(data_home() / "window.lock"))
    assert lock.tryLock(0)
    instance = SingleInstance(lock)
    asked: list[object] = []
    instance.requested.connect(asked.append)
    yield instance, asked
    instance.server.close()
    lock.unlock()


def _connect() -> socket.socket:
    """A connection to the window's socket. Connecting never blocks this thread, which
    is also the window's: while the backlog is full, the window is let accept."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        client.setblocking(False)
        try:
            client.connect(server_name())
        except BlockingIOError:
            client.close()
            QCoreApplication.processEvents()
            continue
        client.setblocking(True)
        return client
    raise AssertionError("the window never accepted a connection")


def _writable(client: socket.socket) -> bool:
    return bool(select.select([], [client], [], 0)[1])


def _closed_by_server(client: socket.socket) -> bool:
    client.setblocking(False)
    try:
        return client.recv(1) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True


def test_the_socket_is_in_a_folder_only_this_user_can_enter(runtime: Path) -> None:
    path = Path(server_name())
    assert path.parent == runtime
    info = os.lstat(path.parent)
    assert info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) & 0o077 == 0


def test_without_a_runtime_folder_a_private_one_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setattr(instance_protocol.tempfile, "gettempdir", lambda: str(tmp_path))
    folder = socket_folder()
    assert folder.parent == tmp_path and stat.S_IMODE(os.lstat(folder).st_mode) == 0o700


@pytest.mark.parametrize("kind", ["open to others", "a link", "another user's"])
def test_a_folder_someone_else_could_enter_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setattr(instance_protocol.tempfile, "gettempdir", lambda: str(tmp_path))
    planted = tmp_path / f"article-reader-{os.getuid()}"
    if kind == "a link":
        (tmp_path / "theirs").mkdir(mode=0o700)
        planted.symlink_to(tmp_path / "theirs")
    else:
        planted.mkdir(mode=0o700)
        os.chmod(planted, 0o777 if kind == "open to others" else 0o700)
        if kind == "another user's":
            if os.getuid() != 0:
                pytest.skip("only root can give a folder to another user")
            os.chown(planted, 65534, 65534)
    with pytest.raises(UnsafeSocketFolder):
        socket_folder()
    assert hand_over(None, timeout_ms=500) is False  # nothing is handed to it


def test_a_request_is_answered_once_whatever_follows_it(
    server: tuple[SingleInstance, list[object]], qtbot: QtBot, tmp_path: Path
) -> None:
    _, asked = server
    with _connect() as client:
        client.sendall(b'{"open": "' + str(tmp_path).encode() + b'"}\n' + b"garbage" * 1000)
        client.sendall(b'{"open": "/elsewhere"}\n')
        qtbot.waitUntil(lambda: _closed_by_server(client), timeout=5000)
    assert asked == [tmp_path]


@pytest.mark.parametrize(
    "payload",
    [b"[" * 100_000 + b"\n", b'{"open": 3}\n', b'"open"\n', b'{"open": "relative"}\n',
     b"\xff\xfe\n", b'{"open": "/x", "also": 1}\n'],
)  # fmt: skip
def test_a_malformed_request_is_refused_without_an_error(
    server: tuple[SingleInstance, list[object]], qtbot: QtBot, payload: bytes
) -> None:
    _, asked = server
    with _connect() as client:
        client.sendall(payload)
        qtbot.waitUntil(lambda: _closed_by_server(client), timeout=5000)
    assert asked == []


def test_a_request_with_no_end_is_cut_off_at_its_limit(
    server: tuple[SingleInstance, list[object]], qtbot: QtBot
) -> None:
    _, asked = server
    with _connect() as client:
        client.setblocking(False)
        sent, refused = 0, False
        while sent < 4 * instance_protocol.MAX_REQUEST_BYTES and not refused:
            try:
                sent += client.send(b"x" * 65536)
            except BlockingIOError:  # the window has not read yet: let it
                qtbot.waitUntil(lambda: _writable(client), timeout=5000)
            except OSError:
                refused = True  # closed by the window: what is wanted
        qtbot.waitUntil(lambda: refused or _closed_by_server(client), timeout=5000)
    assert asked == []


def test_idle_connections_never_pile_up_and_a_real_launch_still_gets_through(
    server: tuple[SingleInstance, list[object]], qtbot: QtBot, tmp_path: Path
) -> None:
    instance, asked = server
    idle = [_connect() for _ in range(instance_protocol.MAX_CONNECTIONS * 4)]
    qtbot.waitUntil(lambda: not instance.server.hasPendingConnections(), timeout=5000)
    assert len(instance._buffers) <= instance_protocol.MAX_CONNECTIONS
    with _connect() as client:
        client.sendall(b'{"open": "' + str(tmp_path).encode() + b'"}\n')
        qtbot.waitUntil(lambda: asked == [tmp_path], timeout=5000)
    for connection in idle:
        connection.close()


def test_peer_uid_reads_who_is_at_the_other_end() -> None:
    left, right = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    with left, right:
        assert instance_protocol.peer_uid(left.fileno()) == os.getuid()
    assert instance_protocol.peer_uid(-1) is None


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2048) | st.text(max_size=512).map(str.encode))
def test_any_request_line_is_a_path_nothing_or_refused(line: bytes) -> None:
    """Whatever another program sends, decoding it ends in a path, "come forward", or
    BadRequest: never another exception."""
    try:
        target = instance_protocol.decode_request(line)
    except instance_protocol.BadRequest:
        return
    assert target is None or (isinstance(target, Path) and target.is_absolute())


@settings(max_examples=100, deadline=None)
@given(
    st.recursive(
        st.none() | st.text() | st.integers(),
        lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
        max_leaves=20,
    )
)
def test_any_json_request_is_a_path_nothing_or_refused(value: object) -> None:
    line = json.dumps(value).encode()
    try:
        target = instance_protocol.decode_request(line)
    except instance_protocol.BadRequest:
        return
    assert target is None or (isinstance(value, dict) and value.get("open") == str(target))
