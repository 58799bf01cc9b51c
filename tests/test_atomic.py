"""Atomic writes: the file appears whole or not at all; durable ones are fsynced before the rename."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline import atomic


@pytest.mark.parametrize("durable", [True, False])
def test_atomic_writer_renames_a_whole_file_and_fsyncs_only_when_durable(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, durable: bool) -> None:
    synced: list[int] = []
    real = os.fsync
    monkeypatch.setattr(atomic.os, "fsync", lambda fd: (synced.append(fd), real(fd))[1])
    target = tmp_path / "out.jsonl"
    with atomic.atomic_writer(target, durable=durable) as f:
        f.write("a\n")
        assert not target.exists()  # nothing under the real name until the end
    assert target.read_text() == "a\n"
    assert list(tmp_path.iterdir()) == [target]  # no temporary file left
    assert (len(synced) >= 2) if durable else (synced == [])  # the file and its folder


def test_atomic_writer_leaves_nothing_on_an_error(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n")
    with pytest.raises(RuntimeError), atomic.atomic_writer(target, durable=False) as f:
        f.write("half")
        raise RuntimeError("stop")
    assert target.read_text() == "old\n"
    assert list(tmp_path.iterdir()) == [target]
