"""The runner's speed work (shards, reading inputs, the sandbox's frames): each shortcut against the
plain path it replaces, over tricky and random inputs."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pipeline.config as C
from pipeline import run as runner
from pipeline.run import shard_count, shard_files, shard_sizes

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
