"""One shard of inputs through the pipeline: the pure unit of work every executor maps.

``run_shard(task)`` reads its files, runs each through the stages and writes three part files
(records, quarantine, stats) atomically, then a completion marker. It returns only a small summary,
so the same function runs in-process, in a process pool or on a Dask worker.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.config import Config
from pipeline.document import Document, Source
from pipeline.run.output import atomic_write_json, atomic_write_lines, dumps_line
from pipeline.run.sandbox import sandbox_for
from pipeline.stages import Outcome, quarantine_entry

METADATA_FIELDS = ("title", "title_translations", "authors", "doi", "published", "venue", "keywords", "abstract",
                   "footnotes", "references", "urls", "emails")


@dataclass(frozen=True)
class ShardTask:
    cfg: Config
    input_dir: str
    files: tuple[str, ...]  # relative paths, sorted
    parts_dir: str
    name: str  # e.g. "shard-00001-of-00004"


def read_document(input_dir: Path, rel: str, max_bytes: int) -> tuple[Document, dict[str, Any] | None]:
    """Read one input's bytes and provenance. Returns the Document and, when it cannot be read
    or is over the size cap, its quarantine entry."""
    path = input_dir / rel
    doc = Document(source=Source(path=rel))
    try:
        size = path.stat().st_size
        doc.source.size_bytes = size
        if size > max_bytes:
            return doc, quarantine_entry(doc, "read", f"file is {size} bytes, over the input.max_bytes cap of {max_bytes}")
        with path.open("rb") as f:
            raw = f.read(max_bytes + 1)
    except OSError as e:
        return doc, quarantine_entry(doc, "read", f"cannot read the file: {e.strerror or e}")
    if len(raw) > max_bytes:  # grew since stat
        return doc, quarantine_entry(doc, "read", f"file is over the input.max_bytes cap of {max_bytes}")
    doc.raw = raw
    doc.source.size_bytes = len(raw)
    doc.source.sha256 = hashlib.sha256(raw).hexdigest()
    return doc, None


class ShardStats:
    """Counters for the run report, added to one outcome at a time (nothing per document is kept)."""

    def __init__(self) -> None:
        self.documents = self.records = self.quarantined = 0
        self.seconds: Counter[str] = Counter()
        self.languages: Counter[str] = Counter()
        self.repairs: Counter[str] = Counter()
        self.fields: Counter[str] = Counter()
        self.reasons: Counter[str] = Counter()

    def add(self, o: Outcome) -> None:
        self.documents += 1
        self.seconds.update(o.timings)
        if o.record is not None:
            self.records += 1
            r = o.record
            if r["languages"]:
                self.languages[max(r["languages"].items(), key=lambda kv: (kv[1], kv[0]))[0]] += 1
            self.repairs.update(r["repairs"])
            self.fields.update(f for f in METADATA_FIELDS if r.get(f) not in (None, [], {}, ""))
        elif o.quarantine is not None:
            self.quarantined += 1
            self.reasons[f"{o.quarantine['stage']}: {o.quarantine['reason']}"[:200]] += 1

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "records": self.records,
            "quarantined": self.quarantined,
            "seconds": dict(self.seconds),
            "languages": dict(self.languages),
            "repairs": dict(self.repairs),
            "fields": dict(self.fields),
            "quarantine_reasons": dict(self.reasons),
        }


def run_shard(task: ShardTask) -> dict[str, Any]:
    """Process the shard's files and write its part files; returns the shard's stats."""
    # Each document runs in a child process within limits.document_seconds (see sandbox.py).
    box = sandbox_for(task.cfg)
    input_dir = Path(task.input_dir)
    parts = Path(task.parts_dir)
    stats = ShardStats()
    t0 = time.perf_counter()

    def outcomes() -> Iterator[Outcome]:
        for rel in task.files:
            doc, q = read_document(input_dir, rel, task.cfg.input.max_bytes)
            o = Outcome(path=rel, quarantine=q) if q else box.process(doc)
            stats.add(o)
            yield o

    # Records stream to their part file as they are made; quarantine entries are few and small.
    quarantined: list[dict[str, Any]] = []

    def record_lines() -> Iterator[str]:
        for o in outcomes():
            if o.record is not None:
                yield dumps_line(o.record)
            elif o.quarantine is not None:
                quarantined.append(o.quarantine)

    atomic_write_lines(parts / f"{task.name}.records.jsonl", record_lines())
    atomic_write_lines(parts / f"{task.name}.quarantine.jsonl", (dumps_line(q) for q in quarantined))
    result = stats.as_dict()
    result["wall_seconds"] = time.perf_counter() - t0
    atomic_write_json(parts / f"{task.name}.stats.json", result)
    # The marker is written last: a shard without it never finished and is redone.
    atomic_write_lines(parts / f"{task.name}.done", [json.dumps({"files": len(task.files)}) + "\n"])
    return result
