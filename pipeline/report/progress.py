"""Progress while a run goes: a tqdm bar on a terminal, plain periodic log lines otherwise (cron mail).

``run(cfg, progress=...)`` calls ``progress(done_documents, total_documents)`` as shards finish;
both reporters below are such callables. Call ``close()`` when the run is over.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from typing import IO, Any, Protocol

log = logging.getLogger("pipeline.progress")

LOG_EVERY_SECONDS = 30.0


class ProgressReporter(Protocol):
    def __call__(self, done: int, total: int) -> None: ...

    def close(self) -> None: ...


def format_eta(seconds: float) -> str:
    """``75.4`` -> ``"0:01:15"``; ``93784`` -> ``"26:03:04"``."""
    s = max(0, int(round(seconds)))
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


class LogProgress:
    """One INFO line at most every ``every`` seconds, plus one when the run completes:
    ``progress: 1200/5000 documents (24%), 41.3 documents/s, ETA 0:01:32``."""

    def __init__(self, every: float = LOG_EVERY_SECONDS, clock: Callable[[], float] = time.monotonic,
                 logger: logging.Logger = log) -> None:
        self.every = every
        self.clock = clock
        self.log = logger
        self.start = clock()
        self.last: float | None = None
        self.finished = False

    def __call__(self, done: int, total: int) -> None:
        now = self.clock()
        complete = total > 0 and done >= total
        if self.finished or (not complete and self.last is not None and now - self.last < self.every):
            return
        if not complete and self.last is None and now - self.start < self.every:
            return  # short runs say nothing until they finish
        self.last = now
        self.finished = complete
        elapsed = now - self.start
        rate = done / elapsed if elapsed > 0 else 0.0
        pct = f" ({done / total:.0%})" if total else ""
        eta = f", ETA {format_eta((total - done) / rate)}" if rate > 0 and not complete else ""
        self.log.info("progress: %d/%d documents%s, %.1f documents/s%s", done, total, pct, rate, eta)

    def close(self) -> None:
        pass


class BarProgress:
    """A tqdm bar on the terminal: documents done, documents/s and the ETA."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        self.stream = stream or sys.stderr
        self.bar: Any = None
        self._redirect: Any = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            from tqdm import tqdm
            from tqdm.contrib.logging import logging_redirect_tqdm

            # Log lines written while the bar is up go above it instead of through it.
            self._redirect = logging_redirect_tqdm()
            self._redirect.__enter__()
            # rate_noinv: always documents/s, never tqdm's "s/doc" when a document takes over a second.
            self.bar = tqdm(total=total, unit="doc", desc="documents", file=self.stream, dynamic_ncols=True,
                            smoothing=0.1, bar_format="{l_bar}{bar}| {n_fmt}/{total_fmt} "
                                                      "[{elapsed}<{remaining}, {rate_noinv_fmt}]")
        if total != self.bar.total:
            self.bar.total = total
        self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
        if self._redirect is not None:
            self._redirect.__exit__(None, None, None)
            self._redirect = None


class NoProgress:
    def __call__(self, done: int, total: int) -> None:
        pass

    def close(self) -> None:
        pass


def make_progress(quiet: bool = False, stream: IO[str] | None = None) -> ProgressReporter:
    """The reporter that suits where stderr goes: nothing with ``--quiet``, a bar on a terminal,
    log lines when stderr is a file or a pipe."""
    stream = stream or sys.stderr
    if quiet:
        return NoProgress()
    isatty = getattr(stream, "isatty", None)
    if isatty is not None and isatty():
        return BarProgress(stream)
    return LogProgress()
