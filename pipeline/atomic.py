"""Atomic file writes: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any


def _umask() -> int:
    """The process umask, read without changing it where the system allows (os.umask can only be read
    by setting it, which would race with other threads creating files)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# mkstemp creates files readable by their owner only; an output file gets the permissions any new
# file of this process would get.
_FILE_MODE = 0o666 & ~_umask()


# One encoder for every line: json.dumps with options builds a new JSONEncoder per call, a third of
# the cost of a short line such as a segment row.
_LINE_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def dumps_line(obj: Any) -> str:
    r"""One JSON object per line, UTF-8 kept readable (not ASCII-escaped), stable separators.

    >>> dumps_line({"lang": "ru", "text": "Да", "confidence": 1.0})
    '{"lang":"ru","text":"Да","confidence":1.0}\n'
    """
    return _LINE_ENCODER.encode(obj) + "\n"


@contextmanager
def atomic_writer(path: Path, binary: bool = False, durable: bool = True) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path`` for writing; on a clean exit fsync it and rename it over
    ``path``, on an exception delete it. Several can be open at once (the merge writes two files).
    ``durable=False`` skips the fsyncs: for files that only have to be whole (the rename), not to
    survive a crash of the machine (a run's part files, which a crashed run does not reuse)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, _FILE_MODE)
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="\n")) as f:
            yield f
            f.flush()
            if durable:
                os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    if durable:
        _fsync_dir(path.parent)


def atomic_write_lines(path: Path, lines: Iterable[str]) -> None:
    """Write ``lines`` to a temporary file beside ``path``, fsync it, then rename it over ``path``."""
    with atomic_writer(path) as f:
        for line in lines:
            f.write(line)


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_lines(path, [text])


def atomic_write_json(path: Path, obj: Any, durable: bool = True) -> None:
    with atomic_writer(path, durable=durable) as f:
        f.write(json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=True) + "\n")


def _fsync_dir(d: Path) -> None:
    # The rename is durable only once the directory entry is on disk too.
    try:
        fd = os.open(d, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
