"""The runner at scale: incremental reruns, executors, shard and worker invariance, per-process set-up."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

import pipeline.run as runner
from pipeline import config as C
from pipeline.cli import main
from pipeline.derived import iter_records, write_derived
from pipeline.document import Document, Source
from pipeline.run import executors, run, shard_count
from pipeline.run import state as state_mod
from pipeline.run.sandbox import DocumentSandbox
from pipeline.run.shard import read_input
from pipeline.run.state import STATE_NAME

# The derived files too: the merge writes them with the records, from the shards' lines for what was
# processed and from the previous records for what was reused.
OUTPUTS = ("records.jsonl", "quarantine.jsonl", "segments.jsonl", "bitext.jsonl")


@pytest.fixture(autouse=True)
def _trust_fresh_files(monkeypatch: pytest.MonkeyPatch) -> None:
    # Test inputs are written a moment before they are read, which the state store rightly does not
    # trust (see state.RACY_SECONDS); the tests below that are about that set it back.
    monkeypatch.setattr(state_mod, "RACY_SECONDS", 0.0)


def _cfg(inp: Path, out: Path, **over: object) -> C.Config:
    return C.replace(C.load(None), **{"input.dir": str(inp), "output.dir": str(out), "executor.workers": 1, **over})


def _outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS}


def _incr(report: dict) -> dict:
    return report["incremental"]


def _full_run_outputs(inp: Path, tmp_path: Path) -> dict[str, bytes]:
    out = tmp_path / "reference"
    shutil.rmtree(out, ignore_errors=True)
    run(_cfg(inp, out))
    return _outputs(out)


@pytest.fixture
def corpus(seed_dir: Path) -> Path:
    # The seeds plus one input that cannot become a record, so both output files have lines.
    (seed_dir / "empty.txt").write_bytes(b"")
    return seed_dir


def test_unchanged_rerun_reads_and_writes_nothing(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run(_cfg(corpus, out)).report
    assert _incr(first)["full_run_reason"] == "no earlier run in this output folder"
    assert _incr(first)["processed"] == 6
    before = {name: (out / name).stat().st_mtime_ns for name in OUTPUTS}
    data = _outputs(out)

    second = run(_cfg(corpus, out)).report
    assert _incr(second) == {"full_run_reason": None, "processed": 0, "reused": 6, "touched_unchanged": 0,
                             "removed": 0, "outputs_rewritten": False, "resumed_shards": 0}
    assert second["workers"] == 0  # no executor was even started
    assert {name: (out / name).stat().st_mtime_ns for name in OUTPUTS} == before
    assert _outputs(out) == data
    # The report still describes the whole corpus, not only this run's work.
    for key in ("documents_in", "records_out", "quarantined", "languages", "repairs", "fields_present",
                "quarantine_reasons"):
        assert second[key] == first[key], key


def test_changed_removed_and_new_inputs(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(_cfg(corpus, out))
    names = sorted(p.name for p in corpus.glob("0*.txt"))
    changed, removed = corpus / names[1], corpus / names[3]
    changed.write_bytes(changed.read_bytes() + b"\n\nA paragraph added to the end of the document.\n")
    removed.unlink()
    (corpus / "sub").mkdir()
    shutil.copy(corpus / names[0], corpus / "sub" / "copy.txt")

    rep = run(_cfg(corpus, out)).report
    assert _incr(rep)["processed"] == 2  # the changed one and the new one
    assert _incr(rep)["removed"] == 1
    assert _incr(rep)["reused"] == 4
    assert rep["documents_in"] == 6
    recs = [json.loads(line) for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    by_path = {r["source"]["path"]: r for r in recs}
    assert removed.name not in by_path
    assert "sub/copy.txt" in by_path
    assert "A paragraph added to the end of the document." in by_path[changed.name]["text"]
    # Byte for byte what a full run of the new corpus writes.
    assert _outputs(out) == _full_run_outputs(corpus, tmp_path)
    # The derived files are what pipeline.derived makes of the records, for reused records as well.
    again = tmp_path / "rederived"
    again.mkdir()
    write_derived(iter_records(out / "records.jsonl"), again / "segments.jsonl", again / "bitext.jsonl")
    for name in ("segments.jsonl", "bitext.jsonl"):
        assert (again / name).read_bytes() == (out / name).read_bytes(), name


def test_a_touched_file_is_hashed_again_but_not_processed(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(_cfg(corpus, out))
    data = _outputs(out)
    p = next(corpus.glob("0*.txt"))
    st = p.stat()
    os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    rep = run(_cfg(corpus, out)).report
    assert _incr(rep)["touched_unchanged"] == 1
    assert _incr(rep)["processed"] == 0
    assert _incr(rep)["outputs_rewritten"] is False
    assert _outputs(out) == data
    # The new stat key was stored: the next run does not read the file again.
    assert _incr(run(_cfg(corpus, out)).report)["touched_unchanged"] == 0


def test_a_recently_changed_file_is_not_trusted_by_its_stat_alone(corpus: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # A file changed within the file system's timestamp granularity of being read could change again
    # without its stat key changing: it is hashed again on the next run.
    monkeypatch.setattr(state_mod, "RACY_SECONDS", 3600.0)
    out = tmp_path / "out"
    run(_cfg(corpus, out))
    rep = run(_cfg(corpus, out)).report
    assert _incr(rep)["touched_unchanged"] == 6
    assert _incr(rep)["processed"] == 0


def test_same_size_same_mtime_rewrite_is_still_seen(corpus: Path, tmp_path: Path) -> None:
    # cp -p / rsync -t / tar put an old mtime back; the inode change time cannot be put back.
    out = tmp_path / "out"
    run(_cfg(corpus, out))
    p = sorted(corpus.glob("0*.txt"))[2]
    st = p.stat()
    raw = bytearray(p.read_bytes())
    raw[-2] = ord("X") if raw[-2] != ord("X") else ord("Y")
    p.write_bytes(bytes(raw))
    os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert p.stat().st_size == st.st_size and p.stat().st_mtime_ns == st.st_mtime_ns
    rep = run(_cfg(corpus, out)).report
    assert _incr(rep)["processed"] == 1
    assert _outputs(out) == _full_run_outputs(corpus, tmp_path)


def test_configuration_or_version_change_reprocesses_everything(corpus: Path, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    run(_cfg(corpus, out))
    rep = run(_cfg(corpus, out, **{"repair.unwrap": False})).report
    assert _incr(rep)["full_run_reason"] == "the configuration changed"
    assert _incr(rep)["processed"] == 6
    unwrapped_off = _outputs(out)
    # Only the keys that can change a record count: more workers is not a new configuration.
    rep = run(_cfg(corpus, out, **{"repair.unwrap": False, "executor.workers": 2})).report
    assert _incr(rep)["processed"] == 0
    assert _outputs(out) == unwrapped_off

    monkeypatch.setattr(C, "__version__", "99.0.0")
    rep = run(_cfg(corpus, out, **{"repair.unwrap": False})).report
    assert _incr(rep)["full_run_reason"].startswith("the pipeline version changed")
    assert _incr(rep)["processed"] == 6


def test_full_flag(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["run", "-q", "--input", str(corpus), "--output", str(out), "--workers", "1"]
    assert main(args) == 1  # empty.txt is quarantined
    data = _outputs(out)
    assert main([*args, "--full"]) == 1
    rep = json.loads((out / "report.json").read_text())
    assert _incr(rep)["full_run_reason"] == "--full was given"
    assert _incr(rep)["processed"] == 6
    assert _outputs(out) == data


def test_outputs_edited_between_runs_mean_a_full_run(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(_cfg(corpus, out))
    data = _outputs(out)
    with (out / "records.jsonl").open("ab") as f:
        f.write(b'{"not": "a record of ours"}\n')
    rep = run(_cfg(corpus, out)).report
    assert _incr(rep)["full_run_reason"] == "records.jsonl is not the file the last run wrote"
    assert _outputs(out) == data
    (out / "quarantine.jsonl").unlink()
    assert _incr(run(_cfg(corpus, out)).report)["full_run_reason"] == \
        "quarantine.jsonl is not the file the last run wrote"
    assert _outputs(out) == data


def test_outputs_that_disagree_with_the_store_are_caught_in_the_merge(corpus: Path, tmp_path: Path) -> None:
    # The worst case: records.jsonl edited in place to the same size, its mtime put back, so that its
    # fingerprint still matches. The merge checks each line it copies and falls back to a full run.
    out = tmp_path / "out"
    run(_cfg(corpus, out))
    data = _outputs(out)
    rec = out / "records.jsonl"
    st = rec.stat()
    lines = rec.read_bytes().splitlines(keepends=True)
    with rec.open("r+b") as f:
        f.write(b"".join([lines[1], lines[0], *lines[2:]]))
    os.utime(rec, ns=(st.st_atime_ns, st.st_mtime_ns))
    p = sorted(corpus.glob("0*.txt"))[-1]
    p.write_bytes(p.read_bytes() + b"\nOne more line.\n")
    rep = run(_cfg(corpus, out)).report
    assert "not where the state store expects it" in _incr(rep)["full_run_reason"]
    assert _incr(rep)["processed"] == 6
    assert _outputs(out) == _full_run_outputs(corpus, tmp_path)
    assert _outputs(out) != data


def test_a_damaged_state_store_costs_a_full_run(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(_cfg(corpus, out))
    data = _outputs(out)
    (out / STATE_NAME).write_bytes(b"this is not an SQLite database" * 100)
    rep = run(_cfg(corpus, out)).report
    assert _incr(rep)["processed"] == 6
    assert _outputs(out) == data
    assert sqlite3.connect(out / STATE_NAME).execute("SELECT count(*) FROM inputs").fetchone()[0] == 6


def test_output_does_not_depend_on_workers_or_shards(corpus: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    blobs = set()
    for i, (workers, per_slot) in enumerate([(1, 1), (1, 4), (2, 1), (3, 7)]):
        monkeypatch.setattr(runner, "SHARDS_PER_SLOT", per_slot)
        out = tmp_path / f"out{i}"
        rep = run(_cfg(corpus, out, **{"executor.workers": workers})).report
        assert rep["shards"] == shard_count(6, workers)
        blobs.add(tuple(_outputs(out).values()))
    assert len(blobs) == 1


def test_progress_is_reported_before_work_and_per_shard(corpus: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "SHARDS_PER_SLOT", 3)
    calls: list[tuple[int, int]] = []
    rep = run(_cfg(corpus, tmp_path / "out"), progress=lambda d, t: calls.append((d, t))).report
    assert rep["shards"] == 3
    assert calls[0] == (0, 6)
    assert calls[-1] == (6, 6)
    assert len(calls) == 1 + rep["shards"]
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    calls.clear()
    run(_cfg(corpus, tmp_path / "out"), progress=lambda d, t: calls.append((d, t)))
    assert calls == [(0, 0)]  # nothing to do, said at once


def test_shard_count() -> None:
    assert shard_count(0, 4) == 1
    assert shard_count(3, 4) == 3
    assert shard_count(1000, 4) == 4 * runner.SHARDS_PER_SLOT
    assert shard_count(10**8, 10**4) == runner.MAX_SHARDS


def test_over_the_size_cap_is_quarantined_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 5000)
    doc, q, key = read_input(tmp_path, "big.txt", 4096)
    assert q is not None and q["stage"] == "read" and "over the input.max_bytes cap of 4096" in q["reason"]
    assert doc.raw == b"" and doc.source.size_bytes == 5000
    os.mkfifo(tmp_path / "pipe.txt")  # replaced by a pipe after discovery: must not hang
    _, q, _ = read_input(tmp_path, "pipe.txt", 4096)
    assert q is not None and "not a regular file" in q["reason"]


def test_set_up_happens_once_per_worker_process(seed_dir: Path) -> None:
    cfg = C.load(None)
    answers = []
    with DocumentSandbox(cfg, processor="scaling_probe:Probe") as box:
        for p in sorted(seed_dir.iterdir()):
            raw = p.read_bytes()
            out = box.process(Document(source=Source(path=p.name, sha256="0" * 64, size_bytes=len(raw)), raw=raw))
            assert out.record is not None, out.quarantine
            answers.append(out.record)
    assert all(a["ok"] for a in answers)
    assert len({a["pid"] for a in answers}) == 1
    assert {a["pipelines_built"] for a in answers} == {1}
    assert {a["validators_built"] for a in answers} == {1}
    assert len({a["langdetect_factory"] for a in answers}) == 1


def test_dask_executor_gives_the_same_bytes_as_local(corpus: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
    local = tmp_path / "local"
    run(_cfg(corpus, local, **{"executor.workers": 2}))
    try:
        cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                           dashboard_address=None)
    except Exception as e:  # noqa: BLE001
        pytest.skip(f"a Dask LocalCluster cannot start here: {e}")
    with cluster:
        out = tmp_path / "dask"
        rep = run(_cfg(corpus, out, **{"executor.kind": "dask", "executor.address": cluster.scheduler_address})).report
    assert rep["executor"] == "dask"
    assert rep["workers"] == 2
    assert rep["shards"] == shard_count(6, 2)
    assert _outputs(out) == _outputs(local)


def test_unreachable_scheduler_is_a_configuration_error(corpus: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    monkeypatch.setattr(executors, "CONNECT_SECONDS", 1)
    args = ["run", "-q", "--input", str(corpus), "--output", str(tmp_path / "o"), "--scheduler", "tcp://127.0.0.1:9"]
    assert main(args) == 2


def test_a_document_over_the_memory_limit_is_quarantined_and_the_next_one_goes_on() -> None:
    cfg = C.from_mapping({"limits": {"document_memory_mb": 400}})

    def doc(mb: int) -> Document:
        raw = str(mb).encode()
        return Document(source=Source(path=f"{mb}.txt", sha256="0" * 64, size_bytes=len(raw)), raw=raw)

    with DocumentSandbox(cfg, processor="scaling_probe:Hog") as box:
        assert box.process(doc(50)).record == {"held_mb": 50}
        out = box.process(doc(2000))
        assert out.record is None and out.quarantine is not None
        assert out.quarantine["reason"].startswith("out of memory: needed more than limits.document_memory_mb=400 MiB")
        assert box.process(doc(60)).record == {"held_mb": 60}


def test_output_files_get_the_usual_permissions(corpus: Path, tmp_path: Path) -> None:
    # Not mkstemp's owner-only 0600: a dataset is usually read by others than the account that made it.
    from pipeline.atomic import _umask

    out = tmp_path / "out"
    run(_cfg(corpus, out))
    for name in (*OUTPUTS, "report.json"):
        assert (out / name).stat().st_mode & 0o777 == 0o666 & ~_umask(), name


def _interrupt_after(monkeypatch: pytest.MonkeyPatch, shards: int) -> None:
    """The next run is stopped (as by Ctrl-C) once ``shards`` shards have finished."""
    real = runner.map_unordered

    def interrupted(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        for k, result in enumerate(real(*args, **kwargs)):  # type: ignore[arg-type]
            yield result
            if k + 1 == shards:
                raise KeyboardInterrupt

    monkeypatch.setattr(runner, "map_unordered", interrupted)


def _parts_folders(out: Path) -> list[Path]:
    return sorted(p for p in out.iterdir() if p.name.startswith(".parts-"))


def test_a_run_stopped_during_the_shards_is_resumed_from_those_it_finished(corpus: Path, tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "SHARDS_PER_SLOT", 6)  # one input per shard
    reference = _full_run_outputs(corpus, tmp_path)
    out = tmp_path / "out"
    _interrupt_after(monkeypatch, 2)
    with pytest.raises(KeyboardInterrupt):
        run(_cfg(corpus, out))
    [parts] = _parts_folders(out)
    finished = sorted(p.name for p in parts.glob("*.done"))
    assert len(finished) >= 2  # and those still running when it stopped may have finished too
    assert not (out / "records.jsonl").exists()
    monkeypatch.setattr(runner, "map_unordered", executors.map_unordered)
    rep = run(_cfg(corpus, out)).report
    assert _incr(rep)["resumed_shards"] == len(finished) < rep["shards"] == 6
    assert _incr(rep)["processed"] == 6  # the resumed shards' documents count as processed by the run
    assert _outputs(out) == reference
    assert _parts_folders(out) == []


def test_a_stopped_run_whose_plan_changed_starts_afresh(corpus: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "SHARDS_PER_SLOT", 6)
    out = tmp_path / "out"
    _interrupt_after(monkeypatch, 2)
    with pytest.raises(KeyboardInterrupt):
        run(_cfg(corpus, out))
    [old] = _parts_folders(out)
    monkeypatch.setattr(runner, "map_unordered", executors.map_unordered)
    (corpus / "new.txt").write_text("A new input, so the plan is not the stopped run's plan.\n" * 5, encoding="utf-8")
    rep = run(_cfg(corpus, out)).report
    assert _incr(rep)["resumed_shards"] == 0
    assert not old.exists() and _parts_folders(out) == []
    assert _outputs(out) == _full_run_outputs(corpus, tmp_path)


@pytest.mark.parametrize("damage", ["part cut short", "marker missing", "marker not json", "marker of another shard"])
def test_a_finished_shard_is_trusted_only_when_its_marker_and_part_agree(corpus: Path, tmp_path: Path,
                                                                         damage: str) -> None:
    cfg = _cfg(corpus, tmp_path / "out")
    files = sorted(p.name for p in corpus.iterdir())
    p = runner.Plan(todo=files, known={}, gone=0, full_reason=None)
    parts = tmp_path / "parts"
    parts.mkdir()
    [task] = runner._tasks(cfg, corpus, p, parts, 1)
    result = runner.run_shard(task)
    assert runner.finished_shard(parts, task) == json.loads(json.dumps(result))
    part, marker = parts / f"{task.name}.part", parts / f"{task.name}.done"
    if damage == "part cut short":
        part.write_bytes(part.read_bytes()[:-1])
    elif damage == "marker missing":
        marker.unlink()
    elif damage == "marker not json":
        marker.write_text("{", encoding="utf-8")
    else:
        marker.write_text(json.dumps(dict(result, files=1)), encoding="utf-8")
    assert runner.finished_shard(parts, task) is None


def test_the_parts_folder_is_named_for_the_plan() -> None:
    def name(todo: list[str], known: dict[str, str] | None = None, world: int = 4, cfg: str = "c",
             inp: str = "/in") -> str:
        return runner.parts_folder_name(Path(inp), cfg, runner.Plan(todo, known or {}, 0, None), world)

    base = name(["a", "b"])
    assert base == name(["a", "b"]) and base.startswith(".parts-")
    others = [name(["a"]), name(["a", "c"]), name(["a", "b"], {"a": "ff"}), name(["a", "b"], world=5),
              name(["a", "b"], cfg="d"), name(["a", "b"], inp="/other"), name(["ab"]), name(["a\nb"])]
    assert base not in others and len(set(others)) == len(others)
