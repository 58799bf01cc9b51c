"""The shard's overlap with its document worker: it reads the next input and writes the previous entry
while the worker is busy, and a failure there stops the shard as a failure in the loop itself would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pipeline import config as C
from pipeline.run import shard
from pipeline.run.shard import ShardTask, iter_part, run_shard


def _task(inp: Path, parts: Path) -> ShardTask:
    cfg = C.replace(C.load(None), **{"input.dir": str(inp)})
    files = tuple(sorted(p.name for p in inp.glob("*.txt")))
    return ShardTask(cfg=cfg, input_dir=str(inp), files=files, parts_dir=str(parts), name="shard-00000-of-00001")


def test_entries_come_out_whole_and_in_path_order(seed_dir: Path, tmp_path: Path) -> None:
    (seed_dir / "empty.txt").write_bytes(b"")  # a quarantine entry between records
    task = _task(seed_dir, tmp_path / "parts")
    stats = run_shard(task)
    entries = list(iter_part(tmp_path / "parts" / f"{task.name}.part"))
    assert [e.meta["path"] for e in entries] == list(task.files)
    assert stats["processed"] == len(task.files)
    for e in entries:
        assert e.line.endswith(b"\n")
        n_seg = e.segments.count(b"\n")
        if e.meta["kind"] == "record":
            assert n_seg == e.meta["derived"]["segments"] > 0
            assert e.bitext.count(b"\n") == len(e.meta["derived"]["bitext"])
        else:
            assert "derived" not in e.meta and n_seg == 0 and e.bitext == b""


def test_a_failed_write_stops_the_shard_and_leaves_nothing_behind(seed_dir: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    written: list[str] = []
    real = shard._entry

    def disk_full_on_the_second(meta: dict[str, Any], *args: Any) -> str:
        written.append(meta["path"])
        if len(written) == 2:
            raise OSError(28, "No space left on device")
        return real(meta, *args)

    monkeypatch.setattr(shard, "_entry", disk_full_on_the_second)
    parts = tmp_path / "parts"
    parts.mkdir()
    task = _task(seed_dir, parts)
    assert len(task.files) > 3
    with pytest.raises(OSError, match="No space left"):
        run_shard(task)
    # Found before the third input's entry was handed over, not after the last input.
    assert written == list(task.files[:2])
    assert list(parts.iterdir()) == []  # no part file, no completion marker


def test_an_entry_cut_short_is_an_error_not_a_short_line(seed_dir: Path, tmp_path: Path) -> None:
    task = _task(seed_dir, tmp_path / "parts")
    run_shard(task)
    part = tmp_path / "parts" / f"{task.name}.part"
    entries = list(iter_part(part))
    for e in entries:
        assert sum(e.meta["bytes"]) == len(e.line) + len(e.segments) + len(e.bitext)
    part.write_bytes(part.read_bytes()[:-10])
    with pytest.raises(ValueError, match="cut short"):
        list(iter_part(part))
