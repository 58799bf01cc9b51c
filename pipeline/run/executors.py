"""Executors only map ``run_shard`` over shards; they know nothing about documents.

Every kind is a ``concurrent.futures.Executor``, so the runner has one code path:

- ``local``: a process pool on this machine (one worker: no pool at all, the shards run in-process);
- ``dask``: ``distributed.Client(address).get_executor()`` on an existing cluster, or on a
  ``LocalCluster`` started for the run when no address is given.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from contextlib import ExitStack, contextmanager
from typing import Any, TypeVar

from pipeline.config import ConfigError, ExecutorConfig
from pipeline.run.lock import die_with_parent

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

CONNECT_SECONDS = 30  # waiting for a Dask scheduler that does not answer


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


class InlineExecutor(Executor):
    """Runs each call when it is submitted, in this process: one worker needs no pool, no pickling
    and no second copy of the stages' set-up."""

    def submit(self, fn: Callable[..., R], /, *args: Any, **kwargs: Any) -> Future[R]:
        f: Future[R] = Future()
        try:
            f.set_result(fn(*args, **kwargs))
        except Exception as e:  # noqa: BLE001 - handed to the caller through the future, as a pool would
            f.set_exception(e)
        return f


@contextmanager
def open_executor(cfg: ExecutorConfig) -> Iterator[tuple[Executor, int]]:
    """The configured executor and how many tasks it runs at once (its slots)."""
    if cfg.kind == "local":
        workers = cfg.workers or default_workers()
        if workers == 1:
            yield InlineExecutor(), 1
            return
        # Imported here: it brings in multiprocessing, which every document worker process (it imports
        # this package) and a one-worker run would load for nothing.
        from concurrent.futures import ProcessPoolExecutor

        # die_with_parent: a killed run's workers must not linger holding the output lock.
        with ProcessPoolExecutor(max_workers=workers, initializer=die_with_parent) as pool:
            yield pool, workers
        return
    if cfg.kind != "dask":
        raise ConfigError(f"executor.kind: unknown executor {cfg.kind!r}")
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:
        raise ConfigError("executor.kind: dask needs the Dask extra: pip install 'seedclean[dask]'") from e
    if not log.isEnabledFor(logging.DEBUG):
        # Dask narrates every connection at INFO; that is detail for -v, not for a cron mail.
        logging.getLogger("distributed").setLevel(logging.WARNING)
    with ExitStack() as stack:
        if cfg.address:
            try:
                client = stack.enter_context(Client(cfg.address, timeout=CONNECT_SECONDS))
            except (OSError, TimeoutError) as e:
                raise ConfigError(f"executor.address: cannot reach the Dask scheduler at {cfg.address}: {e}") from e
        else:
            cluster = stack.enter_context(LocalCluster(
                n_workers=cfg.workers or default_workers(), threads_per_worker=1, processes=True,
                dashboard_address=None))
            client = stack.enter_context(Client(cluster))
        workers = client.scheduler_info().get("workers", {})
        slots = sum(int(w.get("nthreads", 1)) for w in workers.values())
        if not slots:
            raise ConfigError(f"executor.address: the Dask scheduler at {cfg.address} has no workers")
        log.info("Dask: %d worker(s), %d thread(s)", len(workers), slots)
        # pure=False: every shard is distinct work; hashing its arguments for a task key is wasted time.
        with client.get_executor(pure=False) as ex:
            yield ex, slots


def map_unordered(ex: Executor, fn: Callable[[T], R], tasks: Iterable[T], max_pending: int) -> Iterator[R]:
    """``fn`` over ``tasks`` on ``ex``, results as they complete. At most ``max_pending`` tasks are
    submitted and not yet done, so the task list is never materialised. On an error the tasks not yet
    started are cancelled and the error propagates."""
    pending: set[Future[R]] = set()
    try:
        for t in tasks:
            pending.add(ex.submit(fn, t))
            while len(pending) >= max_pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for f in done:
                    yield f.result()
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for f in done:
                yield f.result()
    finally:
        for f in pending:
            f.cancel()
