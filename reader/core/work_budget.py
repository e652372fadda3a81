"""Running third-party work (Python-Markdown, trafilatura) under a time budget.

The clock, and the caller's wish to stop, are read every ``EVERY`` calls the work makes
(Python functions and builtins alike), through this thread's profile hook; the previous
hook is put back after. What the hook raises derives from ``BaseException``, because the
libraries catch every ``Exception`` and would go on working. This module imports nothing
from ``reader``, so any module of the core may use it.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from types import FrameType
from typing import Any, TypeVar

_T = TypeVar("_T")
EVERY = 32  # calls between two looks at the clock: cheap, and well under a millisecond


class OverBudget(BaseException):
    """The work ran past its seconds."""


class StopAsked(BaseException):
    """The caller asked the work to stop."""


def _never() -> bool:
    return False


def within(work: Callable[[], _T], seconds: float, should_stop: Callable[[], bool] = _never) -> _T:
    """``work()``, or OverBudget after ``seconds``, or StopAsked once ``should_stop()``."""
    deadline = time.monotonic() + seconds
    countdown = EVERY

    def check(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal countdown
        countdown -= 1
        if countdown <= 0:
            countdown = EVERY
            if should_stop():
                raise StopAsked
            if time.monotonic() > deadline:
                raise OverBudget

    previous = sys.getprofile()
    sys.setprofile(check)
    try:
        return work()
    finally:
        sys.setprofile(previous)
