"""Executors only map ``run_shard`` over shards; they know nothing about documents."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

from pipeline.run.lock import die_with_parent

T = TypeVar("T")


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def map_local(fn: Callable[[T], Any], tasks: Sequence[T], workers: int) -> Iterator[Any]:
    """Run ``fn`` over ``tasks`` in this process (1 worker) or a process pool; results in task order."""
    if workers <= 1 or len(tasks) <= 1:
        for t in tasks:
            yield fn(t)
        return
    # die_with_parent: a killed run's workers must not linger holding the output lock.
    with ProcessPoolExecutor(max_workers=min(workers, len(tasks)), initializer=die_with_parent) as pool:
        yield from pool.map(fn, tasks)
