"""One lock on the curated tables, shared by every command that reads or writes them.

``review --accept`` (and the review page's accept and changes) take it exclusively;
``corpus clean`` and ``run`` take it shared while they read. The lock is an ``fcntl``
lock on ``data/.curated.lock``: the operating system releases it when its holder
exits, however it exits, so a killed command never leaves the tables locked.
"""

from __future__ import annotations

import fcntl
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from analysis import paths
from analysis.errors import UserError

__all__ = ["lock_path", "curated_tables"]


def lock_path() -> Path:
    return paths.data_dir() / ".curated.lock"


@contextmanager
def curated_tables(shared: bool = False, wait: float | None = None) -> Iterator[None]:
    """Hold the lock on the curated tables (exclusive unless ``shared``). ``wait``: seconds to
    wait for it before a one-line ``UserError`` (default: as long as it takes)."""
    path = lock_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
    with open(path, "a") as handle:
        if wait is None:
            fcntl.flock(handle, mode)
        else:
            deadline = time.monotonic() + wait
            while True:
                try:
                    fcntl.flock(handle, mode | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise UserError("the curated tables are in use by another command (an accept, `corpus "
                                        "clean` or `run`); try again when it has finished",
                                        file=paths.relative(path)) from None
                    time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
