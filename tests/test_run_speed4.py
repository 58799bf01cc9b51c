"""The runner's speed work (shards, reading inputs, the sandbox's frames): each shortcut against the
plain path it replaces, over tricky and random inputs."""

from __future__ import annotations

import importlib
import io
import os
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pipeline.config as C
from pipeline import run as runner
from pipeline.run import shard_count, shard_files, shard_sizes
from pipeline.run.sandbox import _Deadline, _Eof, _FrameReader, _send_frame, _write_frame

# --- shard sizes and the files of each shard --------------------------------------------------------


@given(todo=st.integers(1, 5000), slots=st.integers(1, 64))
@settings(max_examples=300, deadline=None)
def test_shard_sizes_cover_every_input_once_each_shard_non_empty(todo: int, slots: int) -> None:
    world = shard_count(todo, slots)
    sizes = shard_sizes(todo, world, slots)
    assert len(sizes) == world and sum(sizes) == todo and min(sizes) >= 1


@pytest.mark.parametrize("todo", [8, 100, 3178, 100_000])
def test_one_slot_gets_equal_shards_several_slots_shrinking_ones(todo: int) -> None:
    one = shard_sizes(todo, shard_count(todo, 1), 1)
    assert max(one) - min(one) <= 1
    sizes = shard_sizes(todo, shard_count(todo, 2), 2)
    assert sizes == sorted(sizes, reverse=True)
    if todo >= 1000:  # the last shard is a small part of the work: nobody waits long for it
        assert sizes[-1] < 0.01 * todo and sizes[0] < 0.3 * todo


names = st.lists(st.text(min_size=1, max_size=6), min_size=1, max_size=200, unique=True).map(sorted)


@given(todo=names, data=st.data())
@settings(max_examples=200, deadline=None)
def test_shard_files_are_a_sorted_partition_of_the_given_sizes(todo: list[str], data: st.DataObject) -> None:
    slots = data.draw(st.integers(1, 8))
    world = data.draw(st.integers(1, len(todo)))
    sizes = shard_sizes(len(todo), world, slots)
    shards = shard_files(todo, sizes)
    assert [len(s) for s in shards] == sizes
    assert all(list(s) == sorted(s) for s in shards)
    assert sorted(f for s in shards for f in s) == todo


def test_equal_sizes_give_the_round_robin_shards() -> None:
    # With equal sizes the spread is the old files[rank::world] cut.
    todo = [f"{i:04d}.txt" for i in range(40)]
    for world in (1, 2, 4, 5, 8):
        assert shard_files(todo, [40 // world] * world) == [tuple(todo[r::world]) for r in range(world)]


def test_a_shard_is_spread_over_the_whole_list() -> None:
    todo = [f"{i:05d}" for i in range(3000)]
    sizes = shard_sizes(3000, 16, 2)
    for files, n in zip(shard_files(todo, sizes), sizes, strict=True):
        idx = [int(f) for f in files]
        assert idx[0] < 3000 / n + 1 and idx[-1] > 3000 - 3000 / n - 1  # from near the start to near the end


def test_the_parts_folder_name_says_the_slots() -> None:
    p = runner.Plan(["a", "b", "c"], {}, 0, None)
    assert runner.parts_folder_name(Path("/in"), "c", p, 3, 1) != runner.parts_folder_name(Path("/in"), "c", p, 3, 2)


def test_tasks_follow_the_sizes(tmp_path: Path) -> None:
    cfg = C.load(None)
    todo = [f"{i:03d}.txt" for i in range(50)]
    p = runner.Plan(todo, {}, 0, None)
    tasks = list(runner._tasks(cfg, tmp_path, p, tmp_path, 8, slots=2))
    assert [len(t.files) for t in tasks] == shard_sizes(50, 8, 2)
    assert [t.name for t in tasks] == [f"shard-{r:05d}-of-00008" for r in range(8)]


# --- reading an input: read_upto against the buffered read it replaces ------------------------------


@pytest.mark.parametrize("content", [b"", b"x", "Привет, мир\n".encode(), "漢字".encode() * 5000,
                                     b"\x00\xff\xfe" * 30000, "\udcff".encode("utf-8", "surrogatepass"),
                                     b" \t\r\n\x0b\x0c" * 11000])
@pytest.mark.parametrize("expect_delta", [0, -1, -100, +7])  # fstat's size, or a file that changed since
@pytest.mark.parametrize("limit_delta", [1, 0, -1, -3, 100_000])
def test_read_upto_reads_what_a_buffered_read_reads(tmp_path: Path, content: bytes, expect_delta: int,
                                                    limit_delta: int) -> None:
    from pipeline.run.shard import read_upto

    path = tmp_path / "f"
    path.write_bytes(content)
    expect = max(0, len(content) + expect_delta)
    limit = max(1, len(content) + limit_delta)
    with path.open("rb") as f:
        plain = f.read(limit)
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        assert read_upto(fd, min(expect, limit - 1), limit) == plain
    finally:
        os.close(fd)


@given(content=st.binary(max_size=200_000), expect=st.integers(0, 250_000), limit=st.integers(1, 250_000))
@settings(max_examples=60, deadline=None)
def test_read_upto_random(tmp_path_factory: pytest.TempPathFactory, content: bytes, expect: int, limit: int) -> None:
    from pipeline.run.shard import read_upto

    path = tmp_path_factory.mktemp("r") / "f"
    path.write_bytes(content)
    fd = os.open(path, os.O_RDONLY)
    try:
        assert read_upto(fd, min(expect, limit - 1), limit) == content[:limit]
    finally:
        os.close(fd)


def test_read_input_reads_the_file_and_its_cap(tmp_path: Path) -> None:
    from pipeline.run.shard import read_input

    (tmp_path / "a.txt").write_bytes("Заголовок\n".encode() * 1000)
    doc, q, _ = read_input(tmp_path, "a.txt", 1 << 20)
    assert q is None and doc.raw == (tmp_path / "a.txt").read_bytes() and doc.source.size_bytes == len(doc.raw)
    (tmp_path / "b.txt").write_bytes(b"")
    doc, q, _ = read_input(tmp_path, "b.txt", 10)
    assert q is None and doc.raw == b"" and doc.source.size_bytes == 0
    doc, q, _ = read_input(tmp_path, "missing.txt", 10)
    assert q is not None and "cannot read the file" in q["reason"]


# --- frames: one writev per answer, a reader that reads ahead ----------------------------------------


def _frames_through_a_pipe(frames: list[tuple[dict[str, Any], list[bytes]]]) -> list[tuple[dict[str, Any], list[bytes]]]:
    """Send the frames with _send_frame from a thread, read them back with one _FrameReader."""
    r, w = os.pipe()
    got: list[tuple[dict[str, Any], list[bytes]]] = []

    def send() -> None:
        try:
            for header, blocks in frames:
                _send_frame(w, header, blocks)
        finally:
            os.close(w)

    t = threading.Thread(target=send)
    t.start()
    try:
        reader = _FrameReader(r)
        for _ in frames:
            got.append(reader.blocks(time.monotonic() + 30))
        with pytest.raises(_Eof):
            reader.blocks(time.monotonic() + 30)
    finally:
        t.join()
        os.close(r)
    return got


def _expected(header: dict[str, Any], blocks: list[bytes]) -> tuple[dict[str, Any], list[bytes]]:
    sizes = header.get("sizes")
    whole = b"".join(blocks)
    ok = isinstance(sizes, list) and sum(sizes) == len(whole)
    return header, (blocks if ok else [whole])


TRICKY_FRAMES: list[tuple[dict[str, Any], list[bytes]]] = [
    ({"sizes": [3, 0, 2]}, [b"abc", b"", b"de"]),
    ({"x": "Привет \u2028 漢字"}, [b"whole"]),
    ({"sizes": [1, 1]}, [b"abc"]),  # sizes that do not add up: one block
    ({}, []),
    ({"sizes": [0]}, [b""]),
    ({"sizes": [70_000, 5, 200_000]}, [b"a" * 70_000, b"bcdef", bytes(range(256)) * 782 + b"xyzw" * 2]),
    ({"sizes": [3_000_000]}, [b"\xff" * 3_000_000]),  # larger than the pipe
    ({"q": "\udcff"}, [b"\x00"]),
]


def test_frames_read_back_as_sent() -> None:
    assert _frames_through_a_pipe(TRICKY_FRAMES) == [_expected(h, b) for h, b in TRICKY_FRAMES]


@given(st.lists(st.tuples(st.booleans(), st.lists(st.binary(max_size=100_000), max_size=4)), min_size=1,
                max_size=8))
@settings(max_examples=40, deadline=None)
def test_random_frames_read_back_as_sent(spec: list[tuple[bool, list[bytes]]]) -> None:
    frames = [({"sizes": [len(b) for b in blocks]} if sized else {"n": len(blocks)}, blocks) for sized, blocks in spec]
    assert _frames_through_a_pipe(frames) == [_expected(h, b) for h, b in frames]


def test_send_frame_writes_what_write_frame_writes() -> None:
    for header, blocks in TRICKY_FRAMES:
        buf = io.BytesIO()
        _write_frame(buf, header, blocks)
        r, w = os.pipe()
        out = bytearray()
        t = threading.Thread(target=lambda out=out, r=r: out.extend(_drain(r)))
        t.start()
        _send_frame(w, header, blocks)
        os.close(w)
        t.join()
        os.close(r)
        assert bytes(out) == buf.getvalue()


def _drain(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 1 << 16):
        chunks.append(chunk)
    return b"".join(chunks)


def test_the_reader_gives_up_at_the_deadline() -> None:
    r, w = os.pipe()
    try:
        os.write(w, b"\x00" * 4)  # half a length
        with pytest.raises(_Deadline):
            _FrameReader(r).blocks(time.monotonic() + 0.05)
    finally:
        os.close(r)
        os.close(w)


# --- the merge's outputs: writeback started early ----------------------------------------------------


@pytest.mark.parametrize("every", [1, 7, 1 << 30])
def test_writeback_writes_the_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, every: int) -> None:
    M = importlib.import_module("pipeline.run.merge")  # pipeline.run.merge is also the function

    monkeypatch.setattr(M, "WRITEBACK_BYTES", every)
    pieces = [b"", b"x", "Привет\n".encode(), "漢字\u2028".encode() * 1000, b"\x00\xff" * 5]
    with (tmp_path / "a").open("wb") as f:
        w = M._Writeback(f)
        for p in pieces:
            w.write(p)
    assert (tmp_path / "a").read_bytes() == b"".join(pieces)


def test_writeback_goes_on_where_the_hint_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    M = importlib.import_module("pipeline.run.merge")  # pipeline.run.merge is also the function

    def refuse(*_: object) -> None:
        raise OSError("not here")

    monkeypatch.setattr(M, "WRITEBACK_BYTES", 1)
    monkeypatch.setattr(M.os, "posix_fadvise", refuse, raising=False)
    with (tmp_path / "a").open("wb") as f:
        w = M._Writeback(f)
        w.write(b"ab")
        w.write(b"cd")
    assert (tmp_path / "a").read_bytes() == b"abcd"


# --- documents sent ahead: how many ------------------------------------------------------------------


def _box_with_pipe(pipe_bytes: int) -> Any:
    from pipeline.run.sandbox import DocumentSandbox

    box = DocumentSandbox(C.load(None))
    box._pipe_bytes = pipe_bytes
    return box


@pytest.mark.parametrize(("frames", "pipe", "room"), [
    ([], 0, True), ([10], 0, True), ([10, 20], 0, False),  # no child yet: one ahead, as before
    ([10, 20, 30], 100, True), ([60, 50], 100, False), ([1] * 7, 100, True), ([1] * 8, 100, False),
    ([10**6, 10**6], 1 << 20, False), ([5, None, None, 5], 100, True),  # passed-through jobs do not count
])
def test_room_for_another_document(frames: list[int | None], pipe: int, room: bool) -> None:
    from collections import deque

    from pipeline.run.sandbox import _Job

    queue = deque(_Job(None, i, None if n is None else b"x" * n) for i, n in enumerate(frames))
    assert _box_with_pipe(pipe)._room(queue) is room


def test_many_small_documents_stream_in_order_with_several_ahead(seed_dir: Path) -> None:
    import hashlib

    from pipeline.document import Document, Source

    raws = [p.read_bytes() for p in sorted(seed_dir.iterdir())][:4] * 3
    with _box_with_pipe(0) as box:
        jobs = [(Document(source=Source(path=f"{i % 4}.txt", sha256=hashlib.sha256(r).hexdigest(), size_bytes=len(r)),
                          raw=r), i) for i, r in enumerate(raws)]
        jobs.insert(3, (None, "skip"))  # type: ignore[arg-type]
        got = list(box.stream(jobs, parse=False))
    assert [t for _, t in got] == [t for _, t in jobs]
    lines = [o.line for o, t in got if o is not None]
    assert all(line for line in lines) and lines[:4] == lines[4:8] == lines[8:]
