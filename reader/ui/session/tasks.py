"""The one way to run background work: ``TaskRunner.run(lane, fn, on_done, ...)``.

Each *lane* is a QThreadPool with a single thread, so work in a lane is
serialised: all catalog and index writes go through the ``writer`` lane;
``search`` and ``read`` lanes keep queries and reads from waiting behind a long
scan, and the ``user`` lane saves highlights, notes, stars and tags at once, even
while a long refresh holds the writer lane. The ``open`` lane opens articles and
has several threads: an article slow to render (up to the core's render budget)
never holds up the next one asked for (the session skips opens that a newer one
made moot before they start). Results,
progress and errors come back to the GUI thread by queued signals; workers
never touch widgets.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from typing import Any, Literal, get_args

from PySide6.QtCore import QObject, QThreadPool, Signal, SignalInstance

log = logging.getLogger(__name__)

Lane = Literal["writer", "search", "read", "open", "user"]  # user: highlights, stars, tags
LANES: tuple[Lane, ...] = get_args(Lane)
# Articles opened at once, at most: one slow to render, and the next asked for beside it
# (with two spare for a reader going quickly through several slow ones).
OPEN_THREADS = 4
# The lanes' workers run Python beside the GUI thread: the GIL goes back to the GUI
# thread after each Qt call only once a worker has held it this long (Python's default
# is 5 ms), and the list's answer to a keystroke makes dozens of Qt calls while a search
# or its snippets run. A short turn keeps the GUI thread's share of the answer small.
GIL_TURN_S = 0.0005


class TaskSignals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int, str)
    partial = Signal(object)


class TaskContext:
    """Handed to the worker function: report progress or partial results, check for stop."""

    def __init__(self, signals: TaskSignals, stop: threading.Event) -> None:
        self._signals = signals
        self._stop = stop

    def progress(self, done: int, total: int, message: str) -> None:
        self._signals.progress.emit(done, total, message)

    def partial(self, payload: object) -> None:
        self._signals.partial.emit(payload)

    def stopping(self) -> bool:
        return self._stop.is_set()


class TaskRunner(QObject):
    failed = Signal(str)  # a task with no on_error of its own failed: what to tell the reader

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pools: dict[Lane, QThreadPool] = {}
        for lane in LANES:
            pool = QThreadPool(self)
            pool.setMaxThreadCount(OPEN_THREADS if lane == "open" else 1)
            pool.setExpiryTimeout(-1)  # keep the thread: sqlite and caches like one thread
            self._pools[lane] = pool
        self._live: set[TaskSignals] = set()
        self._stop = threading.Event()
        sys.setswitchinterval(min(sys.getswitchinterval(), GIL_TURN_S))

    def run(
        self,
        lane: Lane,
        fn: Callable[[TaskContext], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | SignalInstance | None = None,
        on_partial: Callable[[Any], None] | None = None,
    ) -> None:
        signals = TaskSignals()  # lives in the GUI thread: its slots run there
        self._live.add(signals)

        def finish(_: object) -> None:
            self._live.discard(signals)
            signals.deleteLater()

        if on_done:
            signals.done.connect(on_done)
        signals.failed.connect(on_error or self._report)
        if on_progress:
            signals.progress.connect(on_progress)
        if on_partial:
            signals.partial.connect(on_partial)
        signals.done.connect(finish)
        signals.failed.connect(finish)
        context = TaskContext(signals, self._stop)

        def work() -> None:
            try:
                result = fn(context)
            except BaseException as exc:  # reported to the GUI, never lost in a thread
                signals.failed.emit(exc)
            else:
                signals.done.emit(result)

        self._pools[lane].start(work)

    def shutdown(self, timeout_ms: int = 10_000) -> list[Lane]:
        """Ask running work to stop at its next checkpoint and wait for it. Returns the
        lanes still busy when the wait ran out (and logs them: their work may be lost)."""
        self._stop.set()
        unfinished: list[Lane] = []
        for lane, pool in self._pools.items():
            if lane != "user":  # queued saves of the reader's work always run
                pool.clear()
            if not pool.waitForDone(timeout_ms):
                unfinished.append(lane)
        if unfinished:
            log.warning("background work did not finish at shutdown: %s", ", ".join(unfinished))
        return unfinished

    def wait_idle(self, timeout_ms: int = 30_000) -> bool:
        return all(pool.waitForDone(timeout_ms) for pool in self._pools.values())

    def idle(self) -> bool:
        """No task is queued or running, and every answer was handled on the GUI thread:
        nothing asked for so far can still arrive (what a wait for "no late answer" needs)."""
        return not self._live

    def _report(self, exc: BaseException) -> None:
        """The default on_error: logged, and said to the reader (never only a log line)."""
        log.error("background task failed", exc_info=exc)
        reason = str(exc) or type(exc).__name__
        self.failed.emit(self.tr("Something went wrong in the background: {0}").format(reason))
