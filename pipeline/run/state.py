"""The state store for incremental runs: ``<output>/state.sqlite``.

One row per input that the current ``records.jsonl`` / ``quarantine.jsonl`` hold an entry for: its
path, the file's stat when it was read, the sha256 of its bytes, which output file its line is in
(``kind``) and a small summary for the report. No record text is stored here: the output files
themselves are the store. They are sorted by path, and so is this table, so the i-th ``record`` row
is the i-th line of records.jsonl; a rerun copies unchanged lines from the old files into the new
ones in a single sequential pass (see ``merge.py``), and memory does not grow with the corpus.

The table describes the output files only as long as nobody touched them, so their size, mtime and
inode after the last run are kept (``meta``) and checked; anything unexpected (outputs edited or
deleted, another configuration, another pipeline version, a damaged store) means a full run.
The table changes in one transaction, after the new output files are in place: a run that dies
half-way leaves the old outputs and the old state, which still agree.

Deciding that an input is unchanged: the stat key (size, mtime_ns, ctime_ns, inode) is compared
first, so an unchanged corpus is not even read. A file is read again (and hashed; processed only
if its sha256 differs) whenever the key differs. ``ctime`` cannot be set back by tools that restore
an old mtime (``cp -p``, ``rsync -t``, ``tar``), and a key taken less than ``RACY_SECONDS`` after
the file's last change is not trusted at all (stored as NULL), because a second change within the
file system's timestamp granularity would leave the key as it was (git calls this "racily clean").
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

STATE_NAME = "state.sqlite"
FORMAT = "1"  # bump when the tables change: an older store is then rebuilt by a full run
RACY_SECONDS = 2.0  # FAT and some network file systems keep mtime to 2 s

StatKey = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS inputs (
    path TEXT PRIMARY KEY,      -- relative to the input folder, POSIX separators
    size INTEGER, mtime_ns INTEGER, ctime_ns INTEGER, ino INTEGER,  -- NULL: not trusted, re-read
    sha256 TEXT NOT NULL,       -- '' when the file could not be read
    kind TEXT NOT NULL CHECK (kind IN ('record', 'quarantine')),
    summary TEXT NOT NULL       -- JSON, for the report
) WITHOUT ROWID;
"""
_STAGING = """
CREATE TEMP TABLE IF NOT EXISTS fresh (
    path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, ctime_ns INTEGER, ino INTEGER,
    sha256 TEXT NOT NULL, kind TEXT NOT NULL, summary TEXT NOT NULL) WITHOUT ROWID;
CREATE TEMP TABLE IF NOT EXISTS gone (path TEXT PRIMARY KEY) WITHOUT ROWID;
DELETE FROM temp.fresh;
DELETE FROM temp.gone;
"""


def stat_key(st: os.stat_result, now_ns: int) -> StatKey | None:
    """The change-detection key of a file, or None when it changed too recently to be trusted."""
    if now_ns - max(st.st_mtime_ns, st.st_ctime_ns) < RACY_SECONDS * 1e9:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def file_fingerprint(path: Path) -> list[int] | None:
    """size, mtime_ns and inode of an output file (None when missing): enough to notice that
    someone replaced or edited it between runs."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ino]


@dataclass(frozen=True)
class Row:
    path: str
    key: StatKey | None
    sha256: str
    kind: str  # "record" or "quarantine"
    summary: str  # JSON text


class StateStore:
    """The SQLite store of one output folder. Only the driver process opens it."""

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / STATE_NAME
        self.db = self._connect()

    def _connect(self) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(self.path, isolation_level=None)
            db.executescript(_TABLES)
            fmt = db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
            if fmt is None or fmt[0] != FORMAT:
                db.executescript("DELETE FROM inputs; DELETE FROM meta;")
                db.execute("INSERT INTO meta VALUES ('format', ?)", (FORMAT,))
        except sqlite3.DatabaseError as e:
            # A damaged store costs one full run, never a wrong output.
            log.warning("%s is unreadable (%s); starting a new one (this run re-processes everything)",
                        self.path, e)
            try:
                db.close()
            except (UnboundLocalError, sqlite3.Error):
                pass
            self.path.unlink(missing_ok=True)
            db = sqlite3.connect(self.path, isolation_level=None)
            db.executescript(_TABLES)
            db.execute("INSERT INTO meta VALUES ('format', ?)", (FORMAT,))
        db.executescript(_STAGING)
        return db

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> StateStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]

    def full_run_reason(self, config_hash: str, outputs: dict[str, Path]) -> str | None:
        """Why the stored rows cannot be reused (None when they can)."""
        old_hash = self._meta("config_hash")
        if old_hash is None:
            return "no earlier run in this output folder"
        if old_hash != config_hash:
            old_version, new_version = old_hash.rpartition("@")[2], config_hash.rpartition("@")[2]
            if old_version != new_version:
                return f"the pipeline version changed ({old_version} -> {new_version})"
            return "the configuration changed"
        stored = json.loads(self._meta("outputs") or "{}")
        for name, p in outputs.items():
            if stored.get(name) != file_fingerprint(p):
                return f"{name} is not the file the last run wrote"
        return None

    def rows(self) -> Iterator[Row]:
        """Every row, in path order (the order of the output files)."""
        cur = self.db.execute("SELECT path, size, mtime_ns, ctime_ns, ino, sha256, kind, summary "
                              "FROM inputs ORDER BY path")
        for path, size, mtime, ctime, ino, sha, kind, summary in cur:
            key = None if size is None else (size, mtime, ctime, ino)
            yield Row(path, key, sha, kind, summary)

    # Staging: filled during the merge, applied by commit().

    def stage_fresh(self, rows: Iterable[Row]) -> None:
        self.db.executemany(
            "INSERT OR REPLACE INTO temp.fresh VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            ((r.path, *(r.key or (None,) * 4), r.sha256, r.kind, r.summary) for r in rows))

    def stage_gone(self, paths: Iterable[str]) -> None:
        self.db.executemany("INSERT OR REPLACE INTO temp.gone VALUES (?)", ((p,) for p in paths))

    def reset_staging(self) -> None:
        """Forget what was staged (the merge failed; the run starts over)."""
        self.db.executescript(_STAGING)

    def commit(self, config_hash: str, outputs: dict[str, Path], replace_all: bool) -> None:
        """Apply the staged rows in one transaction, with the fingerprints of the outputs just written."""
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            if replace_all:
                db.execute("DELETE FROM inputs")
            else:
                db.execute("DELETE FROM inputs WHERE path IN (SELECT path FROM temp.gone)")
            db.execute("INSERT OR REPLACE INTO inputs SELECT * FROM temp.fresh")
            fps = {name: file_fingerprint(p) for name, p in outputs.items()}
            db.execute("INSERT OR REPLACE INTO meta VALUES ('config_hash', ?)", (config_hash,))
            db.execute("INSERT OR REPLACE INTO meta VALUES ('outputs', ?)", (json.dumps(fps, sort_keys=True),))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        self.reset_staging()

    def summaries(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """(kind, summary) of every row, for the report's counts."""
        for kind, summary in self.db.execute("SELECT kind, summary FROM inputs"):
            yield kind, json.loads(summary)
