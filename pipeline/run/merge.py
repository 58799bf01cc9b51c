"""The merge: this run's part files and the previous outputs into the new records.jsonl and quarantine.jsonl.

Three streams, each sorted by source path: the part files (a k-way merge, so the result does not
depend on how the inputs were sharded), the state store's rows, and, line for line beside those rows,
the previous output files. One pass writes every output line in path order:

- an input processed this run: its new line;
- an input this run found only touched (same bytes): its previous line;
- an input not processed this run: its previous line if it still exists, else nothing (removed).

Lines are copied as bytes, never parsed; memory holds one line per stream. Each previous line is
checked against its row (path and sha256 must appear in it), so output files that do not match the
store stop the merge (``StateMismatch``) instead of producing wrong output.
"""

from __future__ import annotations

import bisect
import heapq
import json
import os
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from pipeline.atomic import atomic_writer
from pipeline.run.shard import iter_part
from pipeline.run.state import Row, StateStore

BATCH = 2000  # state rows staged per executemany


class StateMismatch(Exception):
    """The previous output files do not hold what the state store says: a full run is needed."""


@dataclass
class MergeCounts:
    processed: int = 0  # inputs whose output line comes from this run
    reused: int = 0  # inputs whose output line was copied from the previous outputs
    removed: int = 0  # previous entries dropped because their input is gone


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


def _new(part_files: Sequence[Path]) -> Iterator[tuple[dict[str, Any], bytes]]:
    return heapq.merge(*(iter_part(p) for p in part_files), key=lambda e: e[0]["path"])


def _row(meta: dict[str, Any]) -> Row:
    key = meta["stat"]
    return Row(meta["path"], None if key is None else tuple(key), meta["sha256"], meta["kind"],
               json.dumps(meta["summary"], ensure_ascii=False, sort_keys=True))


def merge(state: StateStore, part_files: Sequence[Path], files: Sequence[str], outputs: dict[str, Path],
          reuse: bool, write: bool = True) -> MergeCounts:
    """Write ``outputs["records.jsonl"]`` and ``outputs["quarantine.jsonl"]`` (atomically) and stage the
    state rows that describe them. ``files``: every input of this run, sorted. ``reuse``: whether the
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
        out: dict[str, IO[bytes]] = {
            kind: stack.enter_context(atomic_writer(outputs[name], binary=True)) if write else
            stack.enter_context(open(os.devnull, "wb"))
            for kind, name in (("record", "records.jsonl"), ("quarantine", "quarantine.jsonl"))}
        old = iter(_previous(state, outputs["records.jsonl"], outputs["quarantine.jsonl"], write) if reuse else ())
        new = _new(part_files)
        o = next(old, None)
        n = next(new, None)
        while o is not None or n is not None:
            if n is not None and (o is None or n[0]["path"] <= o[0].path):
                meta, line = n
                prev = None
                if o is not None and o[0].path == meta["path"]:
                    prev, o = o, next(old, None)
                if meta["kind"] == "unchanged":
                    if prev is None:
                        raise StateMismatch(f"{meta['path']}: unchanged, but there is no previous entry to keep")
                    row, line = prev
                    out[row.kind].write(line)
                    fresh.append(Row(row.path, None if meta["stat"] is None else tuple(meta["stat"]),
                                     row.sha256, row.kind, row.summary))
                    counts.reused += 1
                else:
                    out[meta["kind"]].write(line)
                    fresh.append(_row(meta))
                    counts.processed += 1
                n = next(new, None)
            else:
                assert o is not None
                row, line = o
                if present(row.path):
                    out[row.kind].write(line)
                    counts.reused += 1
                else:
                    gone.append(row.path)
                    counts.removed += 1
                o = next(old, None)
            flush()
        flush(force=True)
    return counts
