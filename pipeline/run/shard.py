"""One shard of inputs through the pipeline: the pure unit of work every executor maps.

``run_shard(task)`` reads its files, runs each through the stages and writes one part file
atomically, then a completion marker holding the shard's stats. It returns only those stats, so the
same function runs in-process, in a process pool or on a Dask worker (the folders must then be on a
file system every worker sees).

The part file holds, per input and in path order: a meta line (path, what became of it, sha256, the
stat key it was read with, a summary for the report as the JSON text the state store keeps, the size in bytes of each block that follows,
and for a record how many lines of the derived files follow), the output line itself (the record or
the quarantine entry, exactly as it will appear in the output; empty for an input whose bytes turned
out unchanged), then a record's lines of segments.jsonl and bitext.jsonl (pipeline.derived). The
merge needs only the meta lines to place every other line.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from pipeline.atomic import atomic_write_json, atomic_writer, dumps_line
from pipeline.config import Config
from pipeline.derived import derived_lines
from pipeline.document import Document, Source
from pipeline.run.sandbox import sandbox_for, writev_all
from pipeline.run.state import StatKey, stat_key
from pipeline.run.tally import summarize
from pipeline.stages import Extras, Outcome, quarantine_entry


@dataclass(frozen=True)
class ShardTask:
    cfg: Config
    input_dir: str
    files: tuple[str, ...]  # relative paths, sorted
    parts_dir: str
    name: str  # e.g. "shard-00001-of-00004"
    # The sha256 each file had when the state store last saw it ("" for a new file), aligned with
    # ``files``: a file whose bytes still hash to it was only touched and is not processed again.
    known: tuple[str, ...] = ()
    # Whether the document worker process makes each record's summary and derived lines with its line
    # (see DocumentSandbox.extras): True when the run has a worker on every CPU.
    child_extras: bool = True


def read_input(input_dir: Path, rel: str, max_bytes: int) -> tuple[Document, dict[str, Any] | None, StatKey | None]:
    """Read one input's bytes and provenance. Returns the Document, its quarantine entry when it
    cannot be read or is over the size cap (never reading more than ``max_bytes + 1`` bytes), and the
    stat key the bytes were read under (taken from the open file before reading, so a change during
    the read shows on the next run; None when not to be trusted)."""
    doc = Document(source=Source(path=rel))
    try:
        # O_NONBLOCK: a file replaced by a named pipe since it was listed must not hang the shard.
        fd = os.open(input_dir / rel, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as e:
        return doc, quarantine_entry(doc, "read", f"cannot read the file: {e.strerror or e}"), None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return doc, quarantine_entry(doc, "read", "not a regular file any more"), None
        key = stat_key(st, time.time_ns())
        doc.source.size_bytes = st.st_size
        if st.st_size > max_bytes:
            return doc, quarantine_entry(
                doc, "read", f"file is {st.st_size} bytes, over the input.max_bytes cap of {max_bytes}"), key
        raw = read_upto(fd, st.st_size, max_bytes + 1)
    except OSError as e:
        return doc, quarantine_entry(doc, "read", f"cannot read the file: {e.strerror or e}"), None
    finally:
        os.close(fd)
    if len(raw) > max_bytes:  # grew since fstat
        return doc, quarantine_entry(doc, "read", f"file is over the input.max_bytes cap of {max_bytes}"), None
    doc.raw = raw
    doc.source.size_bytes = len(raw)
    doc.source.sha256 = hashlib.sha256(raw).hexdigest()
    return doc, None, key


def read_upto(fd: int, expect: int, limit: int) -> bytes:
    """What ``open(fd, "rb").read(limit)`` gives (the bytes up to the end of the file, at most ``limit``),
    asked for as ``expect + 1`` bytes first (``expect``: the size fstat gave): a read of ``limit`` bytes
    allocates a buffer that large (input.max_bytes, 64 MiB by default) for every file, however small,
    and maps and unmaps it. The ``+ 1`` and the reads after it find the end, or a file that grew.

    ``read_upto(fd, 5, 100)`` on a 5-byte file -> its 5 bytes (two reads: 5 bytes, then the end)
    """
    chunks: list[bytes] = []
    got = 0
    want = min(expect + 1, limit)
    while got < limit:
        chunk = os.read(fd, min(want, limit - got))
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
        want = max(want, 1 << 16)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def read_document(input_dir: Path, rel: str, max_bytes: int) -> tuple[Document, dict[str, Any] | None]:
    """``read_input`` without the stat key."""
    doc, q, _ = read_input(input_dir, rel, max_bytes)
    return doc, q


class PartEntry(NamedTuple):
    meta: dict[str, Any]
    line: bytes  # the output line
    segments: bytes  # a record's lines of segments.jsonl (b"" for anything else)
    bitext: bytes  # and of bitext.jsonl


def iter_part(path: Path) -> Iterator[PartEntry]:
    """The entries of a part file, in path order."""
    with path.open("rb") as f:
        for meta_line in f:
            meta = json.loads(meta_line)
            # Read by size: one read per block, not a search for its end or a readline per derived line.
            sizes = meta["bytes"]
            line, seg, bitext = (f.read(n) for n in sizes)
            if len(line) + len(seg) + len(bitext) != sum(sizes):
                raise ValueError(f"{path}: the entry of {meta['path']} is cut short")
            yield PartEntry(meta, line, seg, bitext)


def _entry(meta: dict[str, Any], out_line: bytes | tuple[bytes, ...], record: dict[str, Any] | bytes | None = None,
           quarantine: dict[str, Any] | None = None, extras: Extras | None = None) -> list[bytes]:
    """An input's part file lines, as blocks to write in order. ``extras`` (made by the document worker
    with the record's line), else ``record`` (the record, or its output line) or ``quarantine`` gives
    the report's summary, and a record the derived files' lines. ``out_line``: the output line, or its
    pieces (a record's line and its newline, not copied into one). Made while the document worker is
    busy with the next input."""
    seg_b = bitext_b = b""
    if extras is not None:
        meta["summary"] = extras.summary
        seg_b, bitext_b = extras.segments, extras.bitext
        meta["derived"] = {"segments": extras.n_segments, "bitext": extras.fields}
    elif record is not None:
        rec = json.loads(record) if isinstance(record, bytes) else record
        meta["summary"] = summarize(rec, None)
        seg, n_seg, bitext, fields = derived_lines(rec)
        seg_b, bitext_b = seg.encode("utf-8"), bitext.encode("utf-8")
        meta["derived"] = {"segments": n_seg, "bitext": fields}
    elif quarantine is not None:
        meta["summary"] = summarize(None, quarantine)
    if "summary" in meta:
        # As the state store keeps it (see merge._row): written here, while the document worker is
        # busy, instead of in the merge, which runs alone at the end of a run.
        meta["summary"] = json.dumps(meta["summary"], ensure_ascii=False, sort_keys=True)
    line = out_line if isinstance(out_line, tuple) else (out_line,)
    meta["bytes"] = [sum(map(len, line)), len(seg_b), len(bitext_b)]
    return [dumps_line(meta).encode("utf-8"), *line, seg_b, bitext_b]


def run_shard(task: ShardTask) -> dict[str, Any]:
    """Process the shard's files into its part file; returns (and writes as the marker) its stats."""
    # Each document runs in a child process within limits.document_seconds (see sandbox.py).
    box = sandbox_for(task.cfg)
    box.extras = task.child_extras
    input_dir = Path(task.input_dir)
    parts = Path(task.parts_dir)
    max_bytes = task.cfg.input.max_bytes
    files = task.files
    seconds: Counter[str] = Counter()
    processed = unchanged = 0
    t0 = time.perf_counter()
    # Not fsynced: the parts folder is this run's alone and a crashed run's is cleared, never reused,
    # so a part only has to be whole (the rename), not on disk.
    with atomic_writer(parts / f"{task.name}.part", binary=True, durable=False) as part:
        # Each entry goes to the file in one writev, not through the file object (a write per block
        # over its buffer's size, three or four per record); nothing is ever left in its buffer.
        part_fd = part.fileno()

        def jobs() -> Iterator[tuple[Document | None, tuple[dict[str, Any], Source, dict[str, Any] | None]]]:
            """Each input as (the document for the child, or None when there is nothing to run;
            its meta line, source and read error). Pulled by the sandbox while the child works."""
            for i, rel in enumerate(files):
                doc, q, key = read_input(input_dir, rel, max_bytes)
                sha = doc.source.sha256
                meta: dict[str, Any] = {"path": rel, "kind": "", "sha256": sha, "stat": key}
                run = q is None and not (task.known and sha == task.known[i])
                yield (doc if run else None), (meta, doc.source, q)

        # The entry of one input is written while the child works on the next (see
        # DocumentSandbox.stream); closing(): a write that fails replaces the child at once.
        with closing(box.stream(jobs(), parse=False)) as outcomes:
            for o, (meta, source, q) in outcomes:
                if o is None and q is None:
                    meta["kind"] = "unchanged"
                    writev_all(part_fd, _entry(meta, b"\n"))
                    unchanged += 1
                    continue
                processed += 1
                if o is None:
                    o = Outcome(path=source.path, quarantine=q)
                elif o.record is None and o.line is None and o.quarantine is None:  # never expected; never lose the input either
                    o.quarantine = quarantine_entry(Document(source=source), "record",
                                                    "internal error: the stages gave no outcome")
                seconds.update(o.timings)
                meta["kind"] = "record" if o.record is not None or o.line is not None else "quarantine"
                if o.line is not None and o.extras is not None:
                    # Encoded by the document worker exactly as dumps_line would, and its derived lines
                    # made there with it: written as they came.
                    blocks = _entry(meta, (o.line, b"\n"), None, None, o.extras)
                elif o.line is not None:
                    blocks = _entry(meta, o.line + b"\n", o.line)
                elif o.record is not None:
                    blocks = _entry(meta, dumps_line(o.record).encode("utf-8"), o.record)
                else:
                    blocks = _entry(meta, dumps_line(o.quarantine).encode("utf-8"), None, o.quarantine)
                writev_all(part_fd, blocks)
    result = {"files": len(files), "processed": processed, "unchanged": unchanged,
              "seconds": dict(seconds), "wall_seconds": time.perf_counter() - t0,
              # Checked before a later run trusts the part (see pipeline.run.finished_shard).
              "part_bytes": (parts / f"{task.name}.part").stat().st_size}
    # The marker is written last: a shard without it never finished.
    atomic_write_json(parts / f"{task.name}.done", result, durable=False)
    return result


def finished_shard(parts_dir: Path, task: ShardTask) -> dict[str, Any] | None:
    """The stats of a shard of ``task``'s plan that an earlier, interrupted run finished: its completion
    marker, when its part file has the size the marker says (a part cut short by a crash of the
    machine is done again). None when the shard is still to do."""
    try:
        result = json.loads((parts_dir / f"{task.name}.done").read_text(encoding="utf-8"))
        size = (parts_dir / f"{task.name}.part").stat().st_size
    except (OSError, ValueError):
        return None
    if not isinstance(result, dict) or result.get("files") != len(task.files) or result.get("part_bytes") != size:
        return None
    return result
