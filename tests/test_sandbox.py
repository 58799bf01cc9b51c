"""The per-document time limit and the child process that enforces it (pipeline/run/sandbox.py)."""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.config import from_mapping
from pipeline.document import Document, Source
from pipeline.run.sandbox import DocumentSandbox, hard_deadline, scrub
from pipeline.stages import Outcome, Pipeline

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
LIMIT = 1.0  # seconds per document in these tests


def _doc(raw: bytes, path: str = "d.txt") -> Document:
    return Document(source=Source(path=path, sha256=hashlib.sha256(raw).hexdigest(), size_bytes=len(raw)), raw=raw)


@pytest.fixture(scope="module")
def box() -> Iterator[DocumentSandbox]:
    cfg = from_mapping({"limits": {"document_seconds": LIMIT}})
    with DocumentSandbox(cfg, processor="sandbox_processors:Misbehaving") as b:
        yield b


def _ok(box: DocumentSandbox, text: str = "fine") -> Outcome:
    o = box.process(_doc(text.encode()))
    assert o.quarantine is None and o.record is not None and o.record["text"] == text
    return o


def test_documents_run_in_one_long_lived_child(box: DocumentSandbox) -> None:
    pids = {_ok(box, f"doc {i}").record["pid"] for i in range(5)}  # type: ignore[index]
    assert len(pids) == 1


def test_stdout_noise_in_the_child_does_not_break_the_protocol(box: DocumentSandbox) -> None:
    _ok(box, "print")
    _ok(box)


@pytest.mark.parametrize("cmd", ["sleep", "backtrack"])
def test_soft_timeout_quarantines_and_the_next_document_goes_on(box: DocumentSandbox, cmd: str) -> None:
    before = box.restarts
    t0 = time.monotonic()
    o = box.process(_doc(cmd.encode(), path=f"{cmd}.txt"))
    took = time.monotonic() - t0
    assert o.record is None and o.quarantine is not None
    q = o.quarantine
    assert q["path"] == f"{cmd}.txt" and q["sha256"] == hashlib.sha256(cmd.encode()).hexdigest()
    assert q["reason"].startswith(f"timed out: still running after limits.document_seconds={LIMIT:g} s")
    assert took < hard_deadline(LIMIT)  # the soft timer answered, not the kill
    assert box.restarts == before + 1  # a fresh child for what follows
    _ok(box)


def test_a_child_deaf_to_the_timer_is_killed(box: DocumentSandbox) -> None:
    t0 = time.monotonic()
    o = box.process(_doc(b"deaf"))
    took = time.monotonic() - t0
    assert o.quarantine is not None
    assert o.quarantine["stage"] == "limits"
    assert "did not respond and was killed" in o.quarantine["reason"]
    assert hard_deadline(LIMIT) <= took < hard_deadline(LIMIT) + 5
    _ok(box)


@pytest.mark.parametrize(("cmd", "how"), [("segfault", "killed by SIGSEGV"), ("exit", "exit status 3")])
def test_a_child_that_dies_costs_one_document(box: DocumentSandbox, cmd: str, how: str) -> None:
    o = box.process(_doc(cmd.encode()))
    assert o.quarantine is not None and o.quarantine["stage"] == "worker"
    assert "died while working on it" in o.quarantine["reason"] and how in o.quarantine["reason"]
    _ok(box)


def test_an_exception_escaping_the_processor_is_a_quarantine_entry(box: DocumentSandbox) -> None:
    o = box.process(_doc(b"raise"))
    assert o.quarantine is not None
    assert o.quarantine["reason"].startswith("internal error: RuntimeError: escaped the stages")
    _ok(box)


def test_a_record_that_utf8_cannot_encode_is_quarantined_not_written(box: DocumentSandbox) -> None:
    o = box.process(_doc(b"surrogate"))
    assert o.record is None and o.quarantine is not None
    assert o.quarantine["stage"] == "record" and "lone surrogate" in o.quarantine["reason"]
    assert "\\udc80" in o.quarantine["reason"]


def test_the_limit_holds_in_a_worker_thread(box: DocumentSandbox) -> None:
    """Dask runs shards in threads, where signal timers cannot be set: the child's limit still applies."""
    result: list[Outcome] = []
    t = threading.Thread(target=lambda: result.append(box.process(_doc(b"backtrack"))))
    t.start()
    t.join(timeout=hard_deadline(LIMIT) + 10)
    assert result and result[0].quarantine is not None
    assert result[0].quarantine["reason"].startswith("timed out")


def test_meanwhile_runs_while_the_child_works(box: DocumentSandbox) -> None:
    """The caller's own work overlaps the child's: called once, after the document left, before the answer."""
    calls: list[float] = []
    t0 = time.monotonic()
    o = box.process(_doc(b"slow"), meanwhile=lambda: calls.append(time.monotonic()))
    assert o.record is not None and o.record["text"] == "slow"
    assert len(calls) == 1
    assert calls[0] - t0 < 0.2  # the child sleeps 0.3 s on "slow": the call did not wait for it


def test_a_failure_meanwhile_propagates_and_leaves_no_stale_answer(box: DocumentSandbox) -> None:
    before = box.restarts

    def disk_full() -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        box.process(_doc(b"first"), meanwhile=disk_full)
    assert box.restarts == before + 1  # the child, still busy with "first", was replaced
    _ok(box, "second")  # gets its own answer, not the one to "first"


def test_records_are_the_same_as_in_process() -> None:
    """The JSON round trip through the child changes nothing: byte-identical output either way."""
    cfg = from_mapping({})
    pipe = Pipeline(cfg)
    with DocumentSandbox(cfg) as b:
        for p in sorted(SEEDS.iterdir())[:2]:
            raw = p.read_bytes()
            inproc = pipe.process(_doc(raw, p.name))
            child = b.process(_doc(raw, p.name))
            assert child.record == inproc.record and child.quarantine == inproc.quarantine
            assert set(child.timings) == set(inproc.timings)


def test_the_real_pipeline_reports_the_stage_that_timed_out() -> None:
    cfg = from_mapping({"limits": {"document_seconds": 0.001}})
    raw = (SEEDS / sorted(p.name for p in SEEDS.iterdir())[0]).read_bytes()
    with DocumentSandbox(cfg) as b:
        o = b.process(_doc(raw * 20))
    assert o.quarantine is not None
    q = o.quarantine
    assert q["reason"].startswith("timed out")
    assert q["stage"] in ("ingest", "repair", "languages", "metadata", "record", "limits")
    if q["stage"] != "limits":
        assert f"(in pipeline/{q['stage']}" in q["reason"]


@pytest.mark.parametrize(("value", "expected"), [
    ("ok", "ok"),
    ("bad \udcff", "bad \\udcff"),
    ({"a": ["x\ud800"]}, {"a": ["x\\ud800"]}),
    (3, 3),
])
def test_scrub(value: object, expected: object) -> None:
    assert scrub(value) == expected
