"""Crash safety and overlapping runs, with real processes.

* A run killed with SIGKILL at any moment leaves the previous output files complete and valid; the
  next run finishes with output byte-identical to a run that was never interrupted.
* A second run on the same output folder while one is running exits 2 at once and writes nothing.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from pipeline.record import record_errors
from pipeline.run.lock import LOCK_NAME, RunLock, RunLocked

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
OUTPUTS = ("records.jsonl", "quarantine.jsonl")
N_DOCS = 60  # enough for a run to take a few seconds, so that it can be caught in the middle


def make_corpus(root: Path, n: int) -> None:
    """``n`` distinct documents (the seeds with a numbered line added), and a few that are quarantined."""
    seeds = [p.read_bytes() for p in sorted(SEEDS.iterdir())]
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        body = seeds[i % len(seeds)] + f"\n\nCopy {i} of the test corpus.\n".encode()
        (root / f"doc-{i:04d}.txt").write_bytes(body)
    (root / "empty.txt").write_bytes(b"")
    (root / "zz-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)


def pipeline_cmd(src: Path, out: Path, workers: int) -> list[str]:
    return [sys.executable, "-m", "pipeline", "run", "-q", "--input", str(src), "--output", str(out),
            "--workers", str(workers)]


def snapshot(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in (*OUTPUTS, "report.json") if (out / name).exists()}


def assert_complete_and_valid(out: Path) -> None:
    for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines():
        assert record_errors(json.loads(line)) == []
    for line in (out / "quarantine.jsonl").read_text(encoding="utf-8").splitlines():
        assert json.loads(line)["reason"]
    rep = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert rep["inputs_seen"] == rep["records_out"] + rep["quarantined"] + rep["skipped"]
    assert rep["records_out"] == len((out / "records.jsonl").read_text(encoding="utf-8").splitlines())


def wait_until_unlocked(out: Path, seconds: float = 15) -> None:
    """After a SIGKILL the lock is free once every process of the killed run is gone."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with RunLock(out):
                return
        except RunLocked:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The corpus and the output of one uninterrupted run, during which a second run was tried."""
    base = tmp_path_factory.mktemp("crash")
    src, ref = base / "in", base / "ref"
    make_corpus(src, N_DOCS)
    first = subprocess.Popen(pipeline_cmd(src, ref, 2), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             cwd=ROOT)
    deadline = time.monotonic() + 60
    while not (ref / LOCK_NAME).exists() and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert first.poll() is None, "the first run ended before the second could be tried: make N_DOCS larger"
    t0 = time.monotonic()
    second = subprocess.run(pipeline_cmd(src, ref, 1), capture_output=True, text=True, cwd=ROOT, timeout=60)
    second_seconds = time.monotonic() - t0
    first_running_after = first.poll() is None
    _, first_err = first.communicate(timeout=600)
    return {"src": src, "ref": ref, "first_code": first.returncode, "first_err": first_err,
            "second": second, "second_seconds": second_seconds, "first_running_after": first_running_after,
            "ref_bytes": snapshot(ref), "base": base}


def test_a_second_run_on_the_same_output_exits_2_at_once(corpus: dict[str, Any]) -> None:
    second = corpus["second"]
    assert corpus["first_running_after"], "the first run ended before the second did: make N_DOCS larger"
    assert second.returncode == 2
    assert "is in use by another seedclean run" in second.stderr
    assert corpus["second_seconds"] < 30  # at once: it does not wait for the first run
    # The first run was not disturbed: it finished normally with every document accounted for.
    assert corpus["first_code"] == 1, corpus["first_err"][-2000:]
    assert_complete_and_valid(corpus["ref"])
    rep = json.loads(corpus["ref_bytes"]["report.json"])
    assert rep["documents_in"] == N_DOCS + 2 and rep["quarantined"] == 2


def _interrupt_points(out: Path, previous_records_ino: int) -> dict[str, Any]:
    """Moments of a run worth a SIGKILL, each recognised from what the run has left on disk so far
    (not from timing, so a loaded machine moves them but does not skip them)."""

    def parts_written() -> bool:
        for d in out.glob(".parts-*"):
            try:
                if any(f.stat().st_size > 0 for f in d.iterdir()):
                    return True
            except OSError:
                continue
        return False

    def records_renamed() -> bool:
        try:
            return (out / "records.jsonl").stat().st_ino != previous_records_ino
        except OSError:
            return False

    return {
        "started: holds the lock": lambda: (out / LOCK_NAME).exists(),
        "processing: part files being written": parts_written,
        "merging: output temporaries being written": lambda: any(out.glob(".records.jsonl.*.tmp")),
        "finishing: records.jsonl renamed, report not yet": records_renamed,
    }


@pytest.mark.parametrize(("workers", "moments"), [
    (2, ("started", "processing", "merging", "finishing")),  # a process pool: orphans must let the lock go
    (1, ("processing", "finishing")),  # everything in one process (and its document worker)
])
def test_sigkill_at_any_moment_keeps_the_previous_output_and_the_rerun_matches(
        corpus: dict[str, Any], tmp_path: Path, workers: int, moments: tuple[str, ...]) -> None:
    src, out, ref = corpus["src"], tmp_path / "out", corpus["ref_bytes"]
    # The previous output: a complete run over an older corpus (fewer documents, one of them different).
    old = tmp_path / "old"
    make_corpus(old, N_DOCS // 3)
    (old / "doc-0001.txt").write_bytes(b"An older version of this document, long enough to keep. " * 20)
    r = subprocess.run(pipeline_cmd(old, out, workers), capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert r.returncode == 1, r.stderr[-2000:]
    previous = snapshot(out)
    assert previous["records.jsonl"] != ref["records.jsonl"]

    killed = []
    points = _interrupt_points(out, (out / "records.jsonl").stat().st_ino)
    for moment, reached in points.items():
        if moment.split(":")[0] not in moments:
            continue
        wait_until_unlocked(out)
        p = subprocess.Popen(pipeline_cmd(src, out, workers), stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, cwd=ROOT)
        while p.poll() is None and not reached():
            time.sleep(0.002)
        if p.poll() is not None:
            continue  # finished before that moment was seen: nothing to interrupt
        os.kill(p.pid, signal.SIGKILL)
        p.wait()
        killed.append(moment)
        now = snapshot(out)
        # Each output file is the previous one, whole, or (killed after its rename) the new one, whole.
        for name in OUTPUTS:
            assert now[name] in (previous[name], ref[name]), (moment, name)
        for line in now["records.jsonl"].decode("utf-8").splitlines():
            assert record_errors(json.loads(line)) == []
        json.loads(now["report.json"])
        if all(now[name] == previous[name] for name in OUTPUTS):
            assert_complete_and_valid(out)
    assert len(killed) >= min(2, len(moments)), f"only {killed} could be interrupted: make N_DOCS larger"

    wait_until_unlocked(out)
    r = subprocess.run(pipeline_cmd(src, out, workers), capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert r.returncode == 1, r.stderr[-2000:]
    for name in OUTPUTS:
        assert (out / name).read_bytes() == ref[name], name
    assert_complete_and_valid(out)
    # The killed runs' part folders and temporary files are gone.
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []


def test_a_run_that_fails_exits_3_and_leaves_the_previous_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  caplog: pytest.LogCaptureFixture) -> None:
    """An unexpected error (here the disk filling up as the outputs are committed) is exit 3, not 1:
    cron must not take a failed run for a finished one."""
    from pipeline.cli import main

    src, out = tmp_path / "in", tmp_path / "out"
    make_corpus(src, 3)
    assert main(["run", "-q", "--input", str(src), "--output", str(out), "--workers", "1"]) == 1
    previous = snapshot(out)
    (src / "doc-0000.txt").write_bytes(b"A new version of the first document, with enough words to keep. " * 10)

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    assert main(["run", "-q", "--input", str(src), "--output", str(out), "--workers", "1"]) == 3
    monkeypatch.undo()
    assert "the run did not finish" in caplog.text and "No space left on device" in caplog.text
    assert snapshot(out) == previous
    # Nothing half-written; only the folder of the shards' parts is kept, for the next run to resume.
    assert [p.name for p in out.iterdir() if p.name.startswith(".") and not p.name.startswith(".parts-")] == []
    assert all(p.suffix in (".part", ".done") for d in out.glob(".parts-*") for p in d.iterdir())
    assert main(["run", "-q", "--input", str(src), "--output", str(out), "--workers", "1"]) == 1
    assert snapshot(out)["records.jsonl"] != previous["records.jsonl"]
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []
