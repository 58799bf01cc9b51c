"""The merge: this run's part files and the previous outputs into the new records.jsonl and quarantine.jsonl,
and the files derived from the records, segments.jsonl and bitext.jsonl.

Three streams, each sorted by source path: the part files (a k-way merge, so the result does not
depend on how the inputs were sharded), the state store's rows, and, line for line beside those rows,
the previous output files. One pass writes every output line in path order:

- an input processed this run: its new line;
- an input this run found only touched (same bytes): its previous line;
- an input not processed this run: its previous line if it still exists, else nothing (removed).

Lines are copied as bytes; memory holds one line per stream. A record processed this run brings its
derived lines in the part file; a previous record's are made again from its line (pipeline.derived,
the same function). Each previous line is
checked against its row (path and sha256 must appear in it), so output files that do not match the
store stop the merge (``StateMismatch``) instead of producing wrong output.
"""

from __future__ import annotations

import bisect
import heapq
import json
import os
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from pipeline.atomic import atomic_writer
from pipeline.derived import derived_lines
from pipeline.run.shard import PartEntry, iter_part
from pipeline.run.state import Row, StateStore

BATCH = 2000  # state rows staged per executemany
WRITEBACK_BYTES = 8 << 20  # written to an output before the kernel is asked to start putting it on disk


class StateMismatch(Exception):
    """The previous output files do not hold what the state store says: a full run is needed."""


@dataclass
class MergeCounts:
    processed: int = 0  # inputs whose output line comes from this run
    reused: int = 0  # inputs whose output line was copied from the previous outputs
    removed: int = 0  # previous entries dropped because their input is gone
    bitext: Counter[str] = field(default_factory=Counter)  # bitext.jsonl lines per field (when written)


def _previous(state: StateStore, records: Path, quarantine: Path, read: bool) -> Iterator[tuple[Row, bytes]]:
    """The state rows, each with its line of the previous output files (b"" when not ``read``)."""
    if not read:
        for row in state.rows():
            yield row, b""
        return
    with records.open("rb") as rf, quarantine.open("rb") as qf:
        for row in state.rows():
            line = (rf if row.kind == "record" else qf).readline()
            path_key = b'"path":' + json.dumps(row.path, ensure_ascii=False).encode()
            sha_key = b'"sha256":"' + row.sha256.encode() + b'"'
            if not line.endswith(b"\n") or path_key not in line or sha_key not in line:
                raise StateMismatch(f"the {row.kind} line for {row.path} is not where the state store expects it")
            yield row, line
        if rf.readline() or qf.readline():
            raise StateMismatch("the previous output files hold more lines than the state store knows of")


class _Writeback:
    """An output file that asks the kernel to start writing its pages to disk every WRITEBACK_BYTES
    (``posix_fadvise(DONTNEED)`` starts the writeback of dirty pages and drops those already clean), so
    the disk works while the merge goes on and the fsync at the end (atomic_writer) waits for the last
    few MB instead of the whole file: at the end of a run, when no document is being worked on, that
    wait was idle time (about 0.1-0.2 s for the 170 MB the bench corpus gives). Where there is no
    ``posix_fadvise`` it only writes."""

    def __init__(self, f: IO[bytes]) -> None:
        self.f = f
        self._since = 0
        self._advise = getattr(os, "posix_fadvise", None)

    def write(self, data: bytes) -> None:
        self.f.write(data)
        self._since += len(data)
        if self._since >= WRITEBACK_BYTES and self._advise is not None:
            self._since = 0
            self.f.flush()
            try:
                self._advise(self.f.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
            except OSError:
                self._advise = None  # only a hint; a file system that refuses it is written as before


def _new(part_files: Sequence[Path]) -> Iterator[PartEntry]:
    return heapq.merge(*(iter_part(p) for p in part_files), key=lambda e: e.meta["path"])


def _row(meta: dict[str, Any]) -> Row:
    key = meta["stat"]
    summary = meta["summary"]  # its JSON text (a part of an older version holds the summary itself)
    return Row(meta["path"], None if key is None else tuple(key), meta["sha256"], meta["kind"],
               summary if isinstance(summary, str) else json.dumps(summary, ensure_ascii=False, sort_keys=True))


def merge(state: StateStore, part_files: Sequence[Path], files: Sequence[str], outputs: dict[str, Path],
          reuse: bool, write: bool = True, derived: tuple[Path, Path] | None = None) -> MergeCounts:
    """Write ``outputs["records.jsonl"]`` and ``outputs["quarantine.jsonl"]`` (atomically) and stage the
    state rows that describe them; also the derived files, ``derived`` = (segments.jsonl, bitext.jsonl)
    paths, when given (``MergeCounts.bitext`` then counts the bitext lines). ``files``: every input of this run, sorted. ``reuse``: whether the
    previous outputs and the state rows may be used (False in a full run). ``write=False`` when the
    caller knows the outputs stay as they are (this run only found touched files): only the state
    rows are staged, with the new stat keys."""
    counts = MergeCounts()
    fresh: list[Row] = []
    gone: list[str] = []

    def flush(force: bool = False) -> None:
        if force or len(fresh) >= BATCH:
            state.stage_fresh(fresh)
            fresh.clear()
        if force or len(gone) >= BATCH:
            state.stage_gone(gone)
            gone.clear()

    def present(path: str) -> bool:
        i = bisect.bisect_left(files, path)
        return i < len(files) and files[i] == path

    with ExitStack() as stack:
        def writer(path: Path) -> IO[bytes] | _Writeback:
            if not write:
                return stack.enter_context(open(os.devnull, "wb"))
            return _Writeback(stack.enter_context(atomic_writer(path, binary=True)))

        # The derived files are opened first so that they are renamed into place last, after the
        # records they are derived from.
        seg_out, bi_out = (writer(derived[0]), writer(derived[1])) if write and derived else (None, None)
        out = {"record": writer(outputs["records.jsonl"]), "quarantine": writer(outputs["quarantine.jsonl"])}

        def emit(kind: str, line: bytes, entry: PartEntry | None = None) -> None:
            out[kind].write(line)
            if seg_out is None or bi_out is None or kind != "record":
                return
            if entry is not None:  # made by the shard
                seg, bi, fields = entry.segments, entry.bitext, entry.meta["derived"]["bitext"]
            else:
                seg_s, _, bi_s, fields = derived_lines(json.loads(line))
                seg, bi = seg_s.encode("utf-8"), bi_s.encode("utf-8")
            seg_out.write(seg)
            bi_out.write(bi)
            counts.bitext.update(fields)

        old = iter(_previous(state, outputs["records.jsonl"], outputs["quarantine.jsonl"], write) if reuse else ())
        new = _new(part_files)
        o = next(old, None)
        n = next(new, None)
        while o is not None or n is not None:
            if n is not None and (o is None or n.meta["path"] <= o[0].path):
                meta = n.meta
                prev = None
                if o is not None and o[0].path == meta["path"]:
                    prev, o = o, next(old, None)
                if meta["kind"] == "unchanged":
                    if prev is None:
                        raise StateMismatch(f"{meta['path']}: unchanged, but there is no previous entry to keep")
                    row, line = prev
                    emit(row.kind, line)
                    fresh.append(Row(row.path, None if meta["stat"] is None else tuple(meta["stat"]),
                                     row.sha256, row.kind, row.summary))
                    counts.reused += 1
                else:
                    emit(meta["kind"], n.line, n)
                    fresh.append(_row(meta))
                    counts.processed += 1
                n = next(new, None)
            else:
                assert o is not None
                row, line = o
                if present(row.path):
                    emit(row.kind, line)
                    counts.reused += 1
                else:
                    gone.append(row.path)
                    counts.removed += 1
                o = next(old, None)
            flush()
        flush(force=True)
    return counts
