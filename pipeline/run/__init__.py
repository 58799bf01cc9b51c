"""Running a corpus: list inputs, shard them, map the shards, merge the parts, write the report.

Only this package knows about processes and files on disk; the stages never import it.
"""

from __future__ import annotations

import heapq
import json
import logging
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.config import Config, ConfigError
from pipeline.run.discover import discover
from pipeline.run.executors import default_workers, map_local
from pipeline.run.lock import holds_output_lock
from pipeline.run.output import atomic_write_json, atomic_write_lines
from pipeline.run.shard import ShardTask, run_shard

log = logging.getLogger(__name__)

EXIT_OK, EXIT_QUARANTINED, EXIT_USAGE = 0, 1, 2


@dataclass
class RunResult:
    report: dict[str, Any]

    @property
    def exit_code(self) -> int:
        return EXIT_QUARANTINED if self.report["quarantined"] else EXIT_OK


def _path_of(line: str) -> str:
    return json.loads(line)["source"]["path"]


def _merge_records(part_files: list[Path]) -> Iterator[str]:
    """k-way merge of part files that are each sorted by source path: the result is sorted by path
    whatever the number of shards, so records.jsonl is byte-identical for any worker count."""

    def keyed(p: Path) -> Iterator[tuple[str, str]]:
        with p.open(encoding="utf-8") as f:
            for line in f:
                yield _path_of(line), line

    for _, line in heapq.merge(*(keyed(p) for p in part_files)):
        yield line


def _merge_quarantine(part_files: list[Path]) -> list[str]:
    lines = [ln for p in part_files for ln in p.read_text(encoding="utf-8").splitlines(keepends=True)]
    return sorted(lines, key=lambda ln: json.loads(ln)["path"])


def _combine(stats: list[dict[str, Any]]) -> dict[str, Any]:
    total: dict[str, Any] = {"documents": 0, "records": 0, "quarantined": 0}
    counters: dict[str, Counter[str]] = {k: Counter() for k in
                                         ("seconds", "languages", "repairs", "fields", "quarantine_reasons")}
    for s in stats:
        for k in total:
            total[k] += s[k]
        for k, c in counters.items():
            c.update(s[k])
    for k, c in counters.items():
        total[k] = dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))) if k != "seconds" else \
            {name: round(v, 4) for name, v in c.items()}
    return total


@holds_output_lock  # one run per output directory; a killed run's leftovers are cleared
def run(cfg: Config, progress: Callable[[int, int], None] | None = None) -> RunResult:
    """Process ``cfg.input.dir`` into ``cfg.output.dir``; returns the report (also written as report.json).

    ``progress(done_documents, total_documents)`` is called as shards finish."""
    # Imported here: pipeline.report writes through pipeline.run.output, so a module-level import would cycle.
    from pipeline.report import check_output_formats, write_run_outputs

    t_start = time.perf_counter()
    check_output_formats(cfg)
    input_dir = Path(cfg.input.dir)
    if not input_dir.is_dir():
        raise ConfigError(f"input.dir: {input_dir} is not a directory")
    out_dir = Path(cfg.output.dir)
    out_dir.mkdir(parents=True, exist_ok=True)

    inputs = discover(input_dir, cfg.input.glob, exclude=[out_dir])
    for s in inputs.skipped:
        log.info("skipped %s: %s", s["path"], s["reason"])
    workers = cfg.executor.workers or default_workers()
    world = max(1, min(workers, len(inputs.files)))
    parts_dir = Path(tempfile.mkdtemp(prefix=".parts-", dir=out_dir))
    try:
        tasks = [
            ShardTask(cfg=cfg, input_dir=str(input_dir), files=tuple(inputs.files[rank::world]),
                      parts_dir=str(parts_dir), name=f"shard-{rank:05d}-of-{world:05d}")
            for rank in range(world)
        ]
        log.info("%d documents in %d shard(s), %d worker(s)", len(inputs.files), world, workers)
        stats: list[dict[str, Any]] = []
        if progress is not None:
            progress(0, len(inputs.files))
        for shard_stats in map_local(run_shard, tasks, workers):
            stats.append(shard_stats)
            if progress is not None:
                progress(sum(s["documents"] for s in stats), len(inputs.files))
        atomic_write_lines(out_dir / "records.jsonl",
                           _merge_records([parts_dir / f"{t.name}.records.jsonl" for t in tasks]))
        atomic_write_lines(out_dir / "quarantine.jsonl",
                           _merge_quarantine([parts_dir / f"{t.name}.quarantine.jsonl" for t in tasks]))
    finally:
        shutil.rmtree(parts_dir, ignore_errors=True)

    combined = _combine(stats)
    report: dict[str, Any] = {
        "pipeline_version": __version__,
        "config_hash": cfg.content_hash(),
        "inputs_seen": len(inputs.files) + len(inputs.skipped),
        "documents_in": combined["documents"],
        "records_out": combined["records"],
        "quarantined": combined["quarantined"],
        "skipped": len(inputs.skipped),
        "skipped_paths": inputs.skipped,
        "languages": combined["languages"],
        "repairs": combined["repairs"],
        "fields_present": combined["fields"],
        "quarantine_reasons": combined["quarantine_reasons"],
        "seconds_per_stage": combined["seconds"],
        "wall_seconds": round(time.perf_counter() - t_start, 3),
        "workers": workers,
        "shards": world,
    }
    atomic_write_json(out_dir / "report.json", report)
    write_run_outputs(out_dir, cfg, report)
    return RunResult(report=report)
