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


def _texts(outs: list[tuple[Outcome | None, str]]) -> list[str]:
    return [f"{tag}:" + ("pass" if o is None else o.record["text"] if o.record else "quarantined") for o, tag in outs]


def test_stream_keeps_job_order_with_passed_through_jobs(box: DocumentSandbox) -> None:
    jobs = [(_doc(b"a"), "1"), (None, "2"), (_doc(b"b"), "3"), (None, "4"), (None, "5"), (_doc(b"c"), "6")]
    assert _texts(list(box.stream(jobs))) == ["1:a", "2:pass", "3:b", "4:pass", "5:pass", "6:c"]


def test_stream_overlaps_the_callers_work_with_the_childs(box: DocumentSandbox) -> None:
    """While the caller works on one outcome, the next document is already in the child and running."""
    busy_until = []
    started = []
    for o, _ in box.stream([(_doc(b"slow"), 0), (_doc(b"slow"), 1)]):
        assert o is not None and o.record is not None
        started.append(o.record["started"])
        time.sleep(0.5)  # the caller's own work
        busy_until.append(time.monotonic())
    assert started[1] < busy_until[0] - 0.3  # the second began while the caller was busy with the first


@pytest.mark.parametrize("cmd", ["sleep", "deaf", "exit"])
def test_stream_goes_on_after_a_replaced_child(box: DocumentSandbox, cmd: str) -> None:
    """The documents queued behind one that cost the child are sent again to the new child."""
    jobs = [(_doc(b"a"), "1"), (_doc(cmd.encode()), "2"), (_doc(b"b"), "3"), (None, "4"), (_doc(b"c"), "5")]
    assert _texts(list(box.stream(jobs))) == ["1:a", "2:quarantined", "3:b", "4:pass", "5:c"]


def test_documents_larger_than_the_pipe_wait_for_an_idle_child(box: DocumentSandbox) -> None:
    big = "x" * (3 << 20)
    jobs = [(_doc(b"slow"), "1"), (_doc(big.encode()), "2"), (_doc(b"a"), "3")]
    outs = list(box.stream(jobs))
    assert [len(o.record["text"]) for o, _ in outs if o and o.record] == [4, len(big), 1]


@pytest.mark.parametrize("close", [True, False])
def test_a_stream_left_early_leaves_no_stale_answer(box: DocumentSandbox, close: bool) -> None:
    before = box.restarts
    outs = box.stream([(_doc(b"first"), 1), (_doc(b"second"), 2), (_doc(b"third"), 3)])
    o, _ = next(outs)  # "second" is in the child by now; nobody will read its answer
    assert o is not None and o.record is not None and o.record["text"] == "first"
    if close:
        outs.close()  # what closing() in the shard does when writing an entry fails
    _ok(box, "fourth")  # gets its own answer, not the one to "second"
    assert box.restarts == before + 1


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
