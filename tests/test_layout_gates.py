"""The layout pass's cheap gates answer as the plain rules they stand in front of.

Each gate (a first-character test before a pattern, an early answer before a long check, a
table read instead of a list rebuilt) is checked against the plain rule over every code point
where the gate is per character, and over many generated inputs (seeded, so a failure repeats).
"""

from __future__ import annotations

import itertools
import random
import re
import sys

import pytest

from pipeline.repair import layout

_ALL_CHARS = "".join(map(chr, range(sys.maxunicode + 1)))


def test_space_class_is_isspace() -> None:
    # The gates read the patterns' \s as str.isspace.
    assert {c for c in _ALL_CHARS if c.isspace()} == set(re.findall(r"\s", _ALL_CHARS))


def _kind_is_doi_plain(text: str) -> bool:
    return "10." in text and bool(layout.DOI_LINE.match(text))


@pytest.mark.parametrize(
    "tail", ["OI: 10.1234/abc.5", "oi 10.12345/x", "ttps://doi.org/10.1234/x", "ttp://dx.doi.org/10.1234/y", "10.1234/z"]
)
def test_kind_is_doi_first_character_gate(tail: str) -> None:
    # Every first character in front of DOI-like tails: only "D", "d", "h" and spaces can start one.
    starts = {c for c in _ALL_CHARS if _kind_is_doi_plain(c + tail)}
    assert starts == {c for c in starts if layout.kind_is_doi(c + tail)}
    assert starts <= set("Ddh") | {c for c in _ALL_CHARS if c.isspace()}


# A DOI statement's parts, each with variants that break it.
_DOI_PARTS = [["", " ", "\u3000", "See ", "\n"], ["DOI", "doi", "Doi", "DOI:", "doi: ", "https://doi.org/",
              "http://dx.doi.org/", "h", ""], ["", " ", ":"], ["10.", "10", "1O."], ["1234", "12", "123456789"],
              ["/", ""], ["abc.5", "", "a b"], ["", " ", "\n"]]


def test_kind_is_doi_on_generated_texts() -> None:
    texts = ["".join(p) for p in itertools.product(*_DOI_PARTS)]
    assert [t for t in texts if layout.kind_is_doi(t) != _kind_is_doi_plain(t)] == []
    assert sum(map(layout.kind_is_doi, texts)) > 100  # both answers occur


def _continues_plain(before: str, text: str, after_break: bool) -> bool:
    """``_continues`` without its early answer."""
    if layout.ends_sentence(before) or layout._is_heading_text(before) or layout.FIELD_CUE.match(text):
        return False
    if layout.starts_lower(text):
        return after_break or before.endswith((",", ";"))
    return after_break and not layout._is_heading_text(text) and not layout.CAPTION.match(text) and \
        not layout.REFERENCE_ENTRY.match(text)


_BLOCKS = ["in Russia’s foreign", "It ends.", "the end,", "a list;", "Introduction", "1. Methods", "policy shift. Then",
           "then more", "Figure 2. A map", "[3] A. Author", "Abstract: x", "and", "", "x;", "«цитата»,", "продолжение",
           "Заголовок", "the argument and", "ends with a note.”2", "中文", "HEADING IN CAPS", "— dash"]


def test_continues_early_answer() -> None:
    pairs = list(itertools.product(_BLOCKS, _BLOCKS, (False, True)))
    assert [p for p in pairs if layout._continues(*p) != _continues_plain(*p)] == []
    assert sum(layout._continues(*p) for p in pairs) > 20  # both answers occur


def test_width_of_is_wrap_width_of_the_lines_left() -> None:
    rng = random.Random(5)
    for _ in range(3000):
        width = rng.choice([40, 70, 95, 150, 165])
        sizes = [rng.choice([0, rng.randint(0, 30), rng.randint(int(width * 0.6), width), rng.randint(0, 900)])
                 for _ in range(rng.randint(0, 40))]
        leave = {i for i in range(len(sizes)) if rng.random() < 0.2}
        lines = [layout.Line("x" * n, 0, "x" * n) for i, n in enumerate(sizes) if i not in leave]
        want = layout.wrap_width(lines)
        assert layout.width_of(sizes, leave) == want
        assert layout.width_of(sizes, dict.fromkeys(leave, "skip")) == want
        if not leave:
            assert layout.width_of(sizes) == want
