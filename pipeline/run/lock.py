"""One run per output directory at a time, and the leftovers of a killed run cleared away.

The lock is ``fcntl.flock`` on ``<output>/.seedclean.lock``. The kernel drops it when the last
process holding the open file exits, however it exits (SIGKILL included), so a lock is never stale:
no PID files, no timeouts, no guessing. Processes forked by the run (a process pool's workers)
inherit the open file and so keep the directory locked until they are gone too, which is what we
want: an orphaned worker of a killed run may still be writing its part files.

The lock file is removed on release. Removing a flock'd file is racy in general (a waiter may lock
the old inode while a newcomer creates a new one), so whoever acquires the lock checks that the
path still names the inode it locked and otherwise starts over.
"""

from __future__ import annotations

import errno
import fcntl
import functools
import logging
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

log = logging.getLogger(__name__)

LOCK_NAME = ".seedclean.lock"

# What a killed run can leave behind in the output directory: its part-file folder (".parts-<plan>",
# kept for the next run to resume from, see pipeline.run) and the temporary files of
# atomic_writer (".<name>.<random>.tmp"), which clean_leftovers removes. Nothing else is touched.
PARTS_PREFIX = ".parts-"
TMP_SUFFIX = ".tmp"


class RunLocked(Exception):
    """Another run holds the output directory: this run must not start (exit code 2)."""


class RunLock:
    """Exclusive, non-blocking lock on an output directory, as a context manager.

    >>> with RunLock(Path("output")):   # a second RunLock(Path("output")) now raises RunLocked
    ...     pass
    """

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = Path(out_dir)
        self.path = self.out_dir / LOCK_NAME
        self._fd: int | None = None

    def acquire(self) -> RunLock:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        while True:
            try:
                # O_NOFOLLOW: a link planted under the lock's name must not make us truncate its target.
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
            except OSError as e:
                if e.errno == errno.ELOOP:
                    raise RunLocked(f"{self.path} is a symbolic link; remove it (the lock file must be a plain "
                                    "file in the output directory)") from None
                raise
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as e:
                os.close(fd)
                if e.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    raise RunLocked(self._busy_message()) from None
                raise
            try:
                same = os.fstat(fd).st_ino == os.stat(self.path).st_ino
            except FileNotFoundError:
                same = False
            if same:
                break
            # The holder we waited on removed the file after we opened it: lock the new one instead.
            os.close(fd)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return self

    def _busy_message(self) -> str:
        try:
            pid = self.path.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            pid = ""
        who = f" (process {pid})" if pid.isdigit() else ""
        return (f"output directory {self.out_dir} is in use by another seedclean run{who}; "
                f"not starting a second one (lock file {self.path})")

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            os.unlink(self.path)  # while still locked, see the module docstring
        except FileNotFoundError:
            pass
        os.close(self._fd)  # closing the last descriptor releases the flock
        self._fd = None

    def __enter__(self) -> RunLock:
        return self.acquire()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()


def clean_leftovers(out_dir: Path) -> list[str]:
    """Remove the temporary output files a killed run left in ``out_dir``.

    Call it only while holding the RunLock: then no living run owns them. Returns the names removed.
    The finished output files themselves are never touched: they were replaced by atomic renames,
    so they are the previous run's complete files. A killed run's part-file folder is left for the
    next run, which resumes from its finished shards or removes it (``pipeline.run``).
    """
    removed: list[str] = []
    try:
        entries = sorted(os.scandir(out_dir), key=lambda e: e.name)
    except FileNotFoundError:
        return removed
    for entry in entries:
        name = entry.name
        try:
            if name.startswith(".") and name.endswith(TMP_SUFFIX) and entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
            else:
                continue
        except OSError as e:
            log.warning("could not remove %s left by an interrupted run: %s", entry.path, e.strerror or e)
            continue
        removed.append(name)
    if removed:
        log.info("removed %d leftover(s) of an interrupted run in %s: %s", len(removed), out_dir, ", ".join(removed))
    return removed


F = TypeVar("F", bound=Callable[..., Any])


def holds_output_lock(fn: F) -> F:
    """Decorate ``run(cfg, ...)``: hold the output directory's RunLock for the whole call and clear a
    killed run's leftovers first. Raises RunLocked at once when another run holds the directory."""

    @functools.wraps(fn)
    def wrapper(cfg: Any, *args: Any, **kwargs: Any) -> Any:
        out_dir = Path(cfg.output.dir)
        with RunLock(out_dir):
            clean_leftovers(out_dir)
            return fn(cfg, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


def die_with_parent(poll_seconds: float = 0.25) -> None:
    """In a worker process: exit as soon as the process that started it is gone.

    A process pool's workers inherit the run's lock. If the run is killed (SIGKILL), an orphaned
    worker would otherwise wait forever for work that never comes, and hold the output directory
    locked forever. Used as the pool's ``initializer``.
    """
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(poll_seconds)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="die-with-parent", daemon=True).start()
