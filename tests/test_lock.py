"""The output directory lock, the cleanup of a killed run's leftovers, and workers that die with the run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from pipeline.run.lock import LOCK_NAME, RunLock, RunLocked, clean_leftovers

ROOT = Path(__file__).resolve().parent.parent


def test_a_second_lock_on_the_same_directory_is_refused_at_once(tmp_path: Path) -> None:
    with RunLock(tmp_path / "out"):
        assert (tmp_path / "out" / LOCK_NAME).read_text().strip() == str(os.getpid())
        t0 = time.monotonic()
        with pytest.raises(RunLocked) as e, RunLock(tmp_path / "out"):
            pass
        assert time.monotonic() - t0 < 1
        msg = str(e.value)
        assert "in use by another seedclean run" in msg and f"process {os.getpid()}" in msg
        assert str(tmp_path / "out") in msg
        with RunLock(tmp_path / "other"):  # another directory is another lock
            pass
    assert not (tmp_path / "out" / LOCK_NAME).exists()  # removed on release
    with RunLock(tmp_path / "out"):  # and free again
        pass


def test_the_lock_dies_with_its_holder(tmp_path: Path) -> None:
    """No stale locks: a holder killed with SIGKILL releases it (the kernel closes its files)."""
    out = tmp_path / "out"
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from pathlib import Path
            from pipeline.run.lock import RunLock
            RunLock(Path({str(out)!r})).acquire()
            print("locked", flush=True)
            time.sleep(60)
        """)], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(RunLocked), RunLock(out):
            pass
        holder.send_signal(signal.SIGKILL)
        holder.wait()
        assert (out / LOCK_NAME).exists()  # the file stays behind, but nobody holds it
        with RunLock(out):
            pass
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()


def test_clean_leftovers_removes_only_the_temporary_files_a_killed_run_leaves(tmp_path: Path) -> None:
    # A killed run's part folder stays: the next run resumes from it or removes it (test_scaling).
    out = tmp_path / "out"
    (out / ".parts-abc123" / "sub").mkdir(parents=True)
    (out / ".parts-abc123" / "shard-00000-of-00001.part").write_text("x")
    (out / ".records.jsonl.k2j3h4.tmp").write_text("half a file")
    keep = ["records.jsonl", "quarantine.jsonl", "report.json", "state.sqlite", "notes.tmp", ".keep",
            ".parts-file"]
    for name in keep:
        (out / name).write_text("keep")
    removed = clean_leftovers(out)
    assert removed == [".records.jsonl.k2j3h4.tmp"]
    assert sorted(p.name for p in out.iterdir()) == sorted([*keep, ".parts-abc123"])
    assert clean_leftovers(tmp_path / "missing") == []


def test_pool_workers_exit_when_the_run_is_killed(tmp_path: Path) -> None:
    """Forked workers inherit the lock; die_with_parent makes sure they do not keep it for ever."""
    script = textwrap.dedent("""
        import os, time
        from concurrent.futures import ProcessPoolExecutor
        from pipeline.run.lock import die_with_parent

        def work(_):
            time.sleep(120)

        if __name__ == "__main__":
            ex = ProcessPoolExecutor(2, initializer=die_with_parent)
            futs = [ex.submit(work, i) for i in range(2)]
            time.sleep(1)
            print(" ".join(str(p) for p in ex._processes), flush=True)
            os.kill(os.getpid(), 9)
    """)
    (tmp_path / "pool.py").write_text(script)
    r = subprocess.run([sys.executable, str(tmp_path / "pool.py")], capture_output=True, text=True, cwd=ROOT,
                       timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)})
    pids = [int(p) for p in r.stdout.split()]
    assert len(pids) == 2
    deadline = time.monotonic() + 10
    alive = pids
    while alive and time.monotonic() < deadline:
        time.sleep(0.1)
        alive = [p for p in pids if _alive(p)]
    assert not alive


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # An exited orphan is reaped by init; a zombie counts as gone.
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ")[-1].split()[0] != "Z"
    except OSError:
        return False
