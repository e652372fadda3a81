"""Making a file or folder unwritable, even for root, for tests of read-only data.

Tests run as root in CI, and root writes a 0444 file anyway: there the path is made
immutable (``chattr +i``), which stops root too, as a read-only mount or a locked file
does. Elsewhere ``chmod`` does it. Where neither can be done (a file system without
immutable files, no CAP_LINUX_IMMUTABLE) the test is skipped, never faked.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def unwritable(path: Path) -> Iterator[None]:
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    chattr = shutil.which("chattr")
    done = chattr and subprocess.run([chattr, "+i", str(path)], capture_output=True)
    if not done or done.returncode != 0:
        pytest.skip("root cannot be kept from writing here (no immutable files)")
    try:
        yield
    finally:
        subprocess.run([chattr, "-i", str(path)], check=True)
