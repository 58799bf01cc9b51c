"""Running a corpus: list inputs, shard them, map the shards, merge the parts, write the report.

Only this package knows about processes and files on disk; the stages never import it.
"""

from __future__ import annotations

import hashlib
import heapq
import logging
import os
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.atomic import atomic_write_json
from pipeline.config import Config, ConfigError
from pipeline.run.discover import discover
from pipeline.run.executors import default_workers, map_unordered, open_executor
from pipeline.run.lock import PARTS_PREFIX, holds_output_lock
from pipeline.run.merge import MergeCounts, StateMismatch, merge
from pipeline.run.shard import ShardTask, finished_shard, run_shard
from pipeline.run.state import StateStore, StatKey
from pipeline.run.tally import Tally

log = logging.getLogger(__name__)

EXIT_OK, EXIT_QUARANTINED, EXIT_USAGE = 0, 1, 2

SHARDS_PER_SLOT = 8
MAX_SHARDS = 1024
SHARD_LAYOUT = "geometric-1"  # names how shard_sizes and shard_files cut a plan (in the parts folder's name)


@dataclass
class RunResult:
    report: dict[str, Any]

    @property
    def exit_code(self) -> int:
        return EXIT_QUARANTINED if self.report["quarantined"] else EXIT_OK


def shard_count(todo: int, slots: int) -> int:
    """Several shards per slot, so that a slow shard does not leave the others idle at the end and
    progress moves in small steps; at most MAX_SHARDS (the merge holds one open file per shard).

    >>> shard_count(5, 2), shard_count(10_000, 2), shard_count(10**7, 4096)
    (5, 16, 1024)
    """
    return max(1, min(todo, slots * SHARDS_PER_SLOT, MAX_SHARDS))


def shard_sizes(todo: int, world: int, slots: int) -> list[int]:
    """How many of the ``todo`` inputs each of the ``world`` shards gets, in the order the shards are
    submitted. With several slots the sizes shrink geometrically (each is ``1 - 1/(2*slots)`` of the one
    before, at least one input each): the workers take the large shards first and end on small ones,
    so that none waits long at the end for the others' last shard (with equal shards a worker idled for
    up to a whole shard). One slot has nobody to wait for: equal shards, for even progress steps.

    >>> shard_sizes(1000, 8, 1), shard_sizes(100, 8, 2), shard_sizes(6, 6, 2)
    ([125, 125, 125, 125, 125, 125, 125, 125], [27, 20, 15, 12, 9, 7, 6, 4], [1, 1, 1, 1, 1, 1])
    """
    ratio = 1.0 if slots <= 1 else 1.0 - 1.0 / (2 * slots)
    weights = [ratio**k for k in range(world)]
    total = sum(weights)
    # One input each, the rest shared by weight (largest remainders first, then the earlier shard).
    quotas = [(todo - world) * w / total for w in weights]
    sizes = [1 + int(q) for q in quotas]
    by_remainder = sorted(range(world), key=lambda k: (int(quotas[k]) - quotas[k], k))
    for k in by_remainder[:todo - sum(sizes)]:
        sizes[k] += 1
    return sizes


def shard_files(todo: list[str], sizes: list[int]) -> list[tuple[str, ...]]:
    """The inputs of each shard, sorted: shard k takes ``sizes[k]`` inputs spread evenly over the sorted
    list (its j-th at the fraction ``(j + 1/2) / sizes[k]`` of it), so that a shard is a sample of the
    whole corpus whatever its size, not one folder of it. Memory: the lists only (a heap of one
    position per shard).

    >>> shard_files(["a", "b", "c", "d", "e"], [3, 2])
    [('a', 'c', 'e'), ('b', 'd')]
    """
    def positions(k: int, n: int) -> Iterator[tuple[float, int]]:
        return (((2 * j + 1) / (2 * n), k) for j in range(n))

    out: list[list[str]] = [[] for _ in sizes]
    for path, (_, k) in zip(todo, heapq.merge(*(positions(k, n) for k, n in enumerate(sizes))), strict=True):
        out[k].append(path)
    return [tuple(files) for files in out]


@dataclass
class Plan:
    todo: list[str]  # inputs to read this run, sorted
    known: dict[str, str]  # of those, the sha256 the state store has for each (touched or changed)
    gone: int  # inputs the state store knows of that are no longer there
    full_reason: str | None  # why everything is processed again; None for an incremental run


def _current_key(path: Path) -> StatKey | None:
    try:
        st = os.stat(path)
    except OSError:
        return None  # the shard will say why it cannot read it
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def plan(state: StateStore, input_dir: Path, files: list[str], config_hash: str, outputs: dict[str, Path],
         full: bool) -> Plan:
    """Which inputs to read: all of them for a full run, else those the store does not know or whose
    stat key is not the one they were read with (one ``stat`` per input, no reading)."""
    reason = "--full was given" if full else state.full_run_reason(config_hash, outputs)
    if reason is not None:
        return Plan(todo=files, known={}, gone=0, full_reason=reason)
    todo: list[str] = []
    known: dict[str, str] = {}
    gone = 0
    rows = state.rows()
    row = next(rows, None)
    for path in files:  # both sorted by path: a merge join
        while row is not None and row.path < path:
            gone += 1
            row = next(rows, None)
        if row is not None and row.path == path:
            if row.key is None or row.key != _current_key(input_dir / path):
                todo.append(path)
                known[path] = row.sha256
            row = next(rows, None)
        else:
            todo.append(path)
    gone += sum(1 for _ in rows) + (row is not None)
    return Plan(todo=todo, known=known, gone=gone, full_reason=None)


def _tasks(cfg: Config, input_dir: Path, p: Plan, parts_dir: Path, world: int,
           child_extras: bool = True, slots: int = 1) -> Iterator[ShardTask]:
    for rank, files in enumerate(shard_files(p.todo, shard_sizes(len(p.todo), world, slots))):
        yield ShardTask(cfg=cfg, input_dir=str(input_dir), files=files, parts_dir=str(parts_dir),
                        name=f"shard-{rank:05d}-of-{world:05d}",
                        known=tuple(p.known.get(f, "") for f in files) if p.known else (),
                        child_extras=child_extras)


def parts_folder_name(input_dir: Path, config_hash: str, p: Plan, world: int, slots: int = 1) -> str:
    """The part-file folder of one plan. The same inputs to read (with the same known hashes), the same
    configuration and the same shards (their count, the slots their sizes are made for, the way they are
    cut) give the same name, so a run after a killed one finds the shards the killed run finished;
    anything else gives another name.

    ``parts_folder_name(Path("/in"), "sha256:ab@0.1.0", Plan(["a.txt"], {}, 0, None), 4)`` -> ``".parts-…"``
    (24 hex digits)
    """
    h = hashlib.sha256(f"{input_dir}\0{config_hash}\0{world}\0{slots}\0{SHARD_LAYOUT}\0".encode("utf-8", "surrogatepass"))
    for f in p.todo:
        h.update(f.encode("utf-8", "surrogatepass") + b"\0" + p.known.get(f, "").encode("ascii") + b"\n")
    return PARTS_PREFIX + h.hexdigest()[:24]


def _remove_parts_folders(out_dir: Path, keep: str | None) -> None:
    """Remove the part-file folders of interrupted runs that planned other work than this run."""
    for entry in os.scandir(out_dir):
        if entry.name.startswith(PARTS_PREFIX) and entry.name != keep and entry.is_dir(follow_symlinks=False):
            log.info("removed %s, left by an interrupted run with other work to do", entry.name)
            shutil.rmtree(entry.path, ignore_errors=True)


def _allow_open_files(n: int) -> None:
    try:
        import resource
    except ImportError:
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and soft < n:
        resource.setrlimit(resource.RLIMIT_NOFILE, (n if hard == resource.RLIM_INFINITY else min(n, hard), hard))


def _process(cfg: Config, state: StateStore, input_dir: Path, out_dir: Path, files: list[str],
             outputs: dict[str, Path], progress: Callable[[int, int], None] | None, full: bool,
             why: str | None = None) -> tuple[dict[str, Any], Counter[str] | None]:
    """Plan, map the shards, merge, commit the state. Returns what the report says about this run, and
    the bitext lines per field when the merge wrote the derived files (None when it did not)."""
    config_hash = cfg.content_hash()
    p = plan(state, input_dir, files, config_hash, outputs, full)
    if why is not None:
        p.full_reason = why
    if p.full_reason:
        log.info("processing all %d documents: %s", len(files), p.full_reason)
    else:
        log.info("incremental run: %d of %d documents new or changed", len(p.todo), len(files))
    if progress is not None:
        progress(0, len(p.todo))
    stats: list[dict[str, Any]] = []
    slots = world = resumed = 0
    parts_dir: Path | None = None
    if p.todo:
        with open_executor(cfg.executor) as (ex, slots):
            world = shard_count(len(p.todo), slots)
            # Absolute: a Dask worker's current folder is not ours. Named for the plan, and kept when
            # the run is killed or fails before the merge, so that the next run with the same plan
            # does only the shards that were not finished (a cron job killed at its time limit still
            # gets through a large corpus, run after run).
            parts_dir = out_dir.resolve() / parts_folder_name(input_dir, config_hash, p, world, slots)
            _remove_parts_folders(out_dir, keep=parts_dir.name)
            parts_dir.mkdir(exist_ok=True)
            todo: list[ShardTask] = []
            done = 0
            # A local run with fewer workers than CPUs leaves each shard a CPU beside its document
            # worker: the shard makes the summaries and derived lines there (see DocumentSandbox.extras).
            spare = cfg.executor.kind == "local" and slots < default_workers()
            for task in _tasks(cfg, input_dir, p, parts_dir, world, child_extras=not spare, slots=slots):
                finished = finished_shard(parts_dir, task)
                if finished is None:
                    todo.append(task)
                else:
                    stats.append(finished)
                    done += finished["files"]
                    resumed += 1
            if resumed:
                log.info("resuming an interrupted run: %d of %d shard(s) were already done", resumed, world)
                if progress is not None:
                    progress(done, len(p.todo))
            log.info("%d documents in %d shard(s) on %d %s worker(s)", len(p.todo) - done, len(todo), slots,
                     cfg.executor.kind)
            for result in map_unordered(ex, run_shard, todo, max_pending=2 * slots):
                stats.append(result)
                done += result["files"]
                if progress is not None:
                    progress(done, len(p.todo))
    else:
        _remove_parts_folders(out_dir, keep=None)
    try:
        # The output files are rewritten only when a line in them changes: an unchanged rerun writes
        # nothing, a rerun that found only touched files just records their new stat keys.
        rewrite = p.full_reason is not None or p.gone > 0 or any(s["processed"] for s in stats)
        if rewrite or p.todo:
            parts = sorted(parts_dir.glob("*.part")) if parts_dir is not None else []
            counts = merge(state, parts, files, outputs, reuse=p.full_reason is None, write=rewrite,
                           derived=(out_dir / "segments.jsonl", out_dir / "bitext.jsonl"))
        else:
            counts = MergeCounts(reused=len(files))
        state.commit(config_hash, outputs, replace_all=p.full_reason is not None)
    finally:
        # Spent once the merge has read them, whether or not it got through: a part it could not
        # read must not be resumed from again.
        if parts_dir is not None:
            shutil.rmtree(parts_dir, ignore_errors=True)
    seconds: Counter[str] = Counter()
    for s in stats:
        seconds.update(s["seconds"])
    return {
        "incremental": {
            "full_run_reason": p.full_reason,
            "processed": counts.processed,
            "reused": counts.reused,
            "touched_unchanged": sum(s["unchanged"] for s in stats),
            "removed": counts.removed,
            "outputs_rewritten": rewrite,
            "resumed_shards": resumed,
        },
        "seconds_per_stage": {name: round(v, 4) for name, v in seconds.items()},
        "workers": slots,
        "shards": world,
    }, counts.bitext if rewrite else None


@holds_output_lock  # one run per output directory; a killed run's leftovers are cleared
def run(cfg: Config, progress: Callable[[int, int], None] | None = None, *, full: bool = False) -> RunResult:
    """Process ``cfg.input.dir`` into ``cfg.output.dir``; returns the report (also written as report.json).

    Incremental: only inputs that are new or changed since the last run into the same output folder
    are processed (see state.py); ``full=True`` processes everything. The output files are the same
    bytes either way. ``progress(done_documents, total_documents)`` is called once before any work
    (total: the documents this run processes) and again as each shard finishes."""
    # Imported here: pipeline.report writes through pipeline.atomic, so a module-level import would cycle.
    from pipeline.report import check_output_formats, write_run_outputs

    t_start = time.perf_counter()
    check_output_formats(cfg)
    # Absolute: a Dask worker's current folder is not ours.
    input_dir = Path(cfg.input.dir).resolve()
    if not input_dir.is_dir():
        raise ConfigError(f"input.dir: {cfg.input.dir} is not a directory")
    out_dir = Path(cfg.output.dir)
    out_dir.mkdir(parents=True, exist_ok=True)

    inputs = discover(input_dir, cfg.input.glob, exclude=[out_dir])
    for s in inputs.skipped:
        log.info("skipped %s: %s", s["path"], s["reason"])
    _allow_open_files(MAX_SHARDS + 64)
    outputs = {name: out_dir / name for name in ("records.jsonl", "quarantine.jsonl")}
    with StateStore(out_dir) as state:
        try:
            this_run, bitext = _process(cfg, state, input_dir, out_dir, inputs.files, outputs, progress, full)
        except StateMismatch as e:
            log.warning("%s; processing everything again", e)
            state.reset_staging()
            this_run, bitext = _process(cfg, state, input_dir, out_dir, inputs.files, outputs, progress, True,
                                        why=str(e))
        tally = Tally()
        for kind, summary in state.summaries():
            tally.add(kind, summary)
    totals = tally.as_dict()

    report: dict[str, Any] = {
        "pipeline_version": __version__,
        "config_hash": cfg.content_hash(),
        "inputs_seen": len(inputs.files) + len(inputs.skipped),
        "documents_in": totals["documents"],
        "records_out": totals["records"],
        "quarantined": totals["quarantined"],
        "skipped": len(inputs.skipped),
        "skipped_paths": inputs.skipped,
        "languages": totals["languages"],
        "repairs": totals["repairs"],
        "fields_present": totals["fields"],
        "quarantine_reasons": totals["quarantine_reasons"],
        "seconds_per_stage": this_run["seconds_per_stage"],
        "wall_seconds": round(time.perf_counter() - t_start, 3),
        "executor": cfg.executor.kind,
        "workers": this_run["workers"],
        "shards": this_run["shards"],
        "incremental": this_run["incremental"],
    }
    atomic_write_json(out_dir / "report.json", report)
    write_run_outputs(out_dir, cfg, report, counts=tally.letter_counts(), bitext=bitext)
    return RunResult(report=report)
