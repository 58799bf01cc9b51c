"""alpha_count: the report's letter counts, with fast paths (ASCII, two codepages) that must count as
str.isalpha does."""

from __future__ import annotations

import random

import pytest

from pipeline.letters import alpha_count


@pytest.mark.parametrize(("text", "letters"), [
    ("", 0),
    ("Да, 2024 г.", 3),
    ("BRICS-plus, 2024!", 9),
    ("snake_case 42", 9),
    ("\t\x00\x7f~@[`{", 0),
    ("naïve café", 9),
    ("中文 text", 6),
    ("x² ½ Ⅻ", 1),  # numbers that are not letters, inside and outside ASCII
])
def test_alpha_count_table(text: str, letters: int) -> None:
    assert alpha_count(text) == letters


def test_every_ascii_character_counts_as_isalpha_says() -> None:
    for c in map(chr, range(128)):
        assert alpha_count(c) == int(c.isalpha()), repr(c)
        assert alpha_count(c * 3 + "a") == 3 * int(c.isalpha()) + 1, repr(c)


def test_random_text_counts_as_isalpha_says() -> None:
    rng = random.Random(7)
    pools = [[chr(c) for c in range(128)], [chr(c) for c in range(0x300)] + list("ЖжЁё№«»—")]
    for _ in range(500):
        pool = rng.choice(pools)
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 60)))
        assert alpha_count(text) == sum(ch.isalpha() for ch in text), repr(text)


@pytest.mark.parametrize("codec", ["cp1252", "cp1251"])
def test_text_in_each_codepage_counts_as_isalpha_says(codec: str) -> None:
    chars = [c for c in (bytes([b]).decode(codec, "ignore") for b in range(256)) if c]
    for c in chars:
        assert alpha_count(c) == int(c.isalpha()), repr(c)
        assert alpha_count(c + "\u00e9\u0451") == int(c.isalpha()) + 2, repr(c)  # é and ё: in neither, the slow path
    rng = random.Random(codec)
    for _ in range(500):
        text = "".join(rng.choice(chars) for _ in range(rng.randint(1, 60)))
        assert alpha_count(text) == sum(ch.isalpha() for ch in text), repr(text)


def test_text_mixing_the_codepages_counts_as_isalpha_says() -> None:
    rng = random.Random(11)
    pool = [chr(c) for c in range(0x20, 0x17f)] + [chr(c) for c in range(0x400, 0x460)] + list("«»—–№…“”‘’•€™µ")
    for _ in range(2000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 40)))
        assert alpha_count(text) == sum(ch.isalpha() for ch in text), repr(text)
