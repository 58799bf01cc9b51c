"""The layout pass's per-document tables and look-ups answer as the plain rules they replace.

Each shortcut is checked against its plain definition over many generated inputs (seeded, so a
failure repeats) and, where the rule is per character, over every code point.
"""

from __future__ import annotations

import itertools
import random
import re
import sys
from collections import Counter

import pytest

from pipeline.config import RepairConfig
from pipeline.repair import layout
from pipeline.repair.layout import Vocabulary

_ALL_CHARS = "".join(map(chr, range(sys.maxunicode + 1)))


def test_is_letter_is_the_letter_class() -> None:
    letters = set(re.findall(r"[^\W\d_]", _ALL_CHARS))
    assert {c for c in _ALL_CHARS if layout._is_letter(c)} == letters
    assert not layout._is_letter("")


# Letters of several scripts and case quirks, digits (decimal and not), hyphens, marks, spaces.
_PIECES = ["a", "b", "ab", "de", "inter", "national", "И", "и", "из", "за", "İ", "ſ", "²", "7", "_", "-", "‐",
           "--", " ", "  ", "\n", ".", ",", "(", "«", "’", "\u0301", "中"]


def _random_lines(rng: random.Random) -> list[str]:
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 12))) for _ in range(rng.randint(0, 8))]


def _queries(rng: random.Random, v: Vocabulary) -> list[str]:
    words = ["".join(rng.choice(_PIECES[:14]) for _ in range(rng.randint(1, 3))) for _ in range(6)]
    words += [f"{a}-{b}" for a, b in itertools.pairwise(words)]
    # And what the document holds, so that both answers occur.
    return words + sorted(v.plain | v.compounds | v.prefixes | v.suffixes) + ["", "-", "a-", "i̇"]


@pytest.mark.parametrize("limit", [layout._SCAN_LIMIT, 1])
def test_vocabulary_lookups_are_the_token_sets(limit: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # limit 1: most look-ups give up on the text and build the sets half way through.
    monkeypatch.setattr(layout, "_SCAN_LIMIT", limit)
    rng = random.Random(6)
    asked = found = 0
    for _ in range(600):
        lines = _random_lines(rng)
        sets = Vocabulary.of(list(lines))
        sets._build()
        v = Vocabulary.of(list(lines))
        for w in _queries(rng, sets):
            asked += 1
            got = (v.has_word(w), v.has_compound(w), v.has_prefix(w), v.has_suffix(w))
            want = (w in sets.plain, w in sets.compounds, w in sets.prefixes, w in sets.suffixes)
            assert got == want, (lines, w)
            found += any(want)
    assert found > asked // 4


def test_vocabulary_lookups_in_a_long_text() -> None:
    # Words that occur more often than the scan limit: the look-up falls back to the sets.
    lines = ["the deal was made, de-escalation and de-facto " * 30, "inter-", "national order", "made-up"] * 3
    v = Vocabulary.of(lines)
    assert not v.has_word("de") and v._built  # "de" in "deal", "made", "de-facto": no word of its own
    v = Vocabulary.of(lines)
    assert v.has_prefix("de") and v.has_word("made") and v.has_compound("made-up") and v.has_suffix("up")
    assert not v.has_word("inter") and not v.has_word("national") and not v.has_prefix("made,")
    assert v.has_word("order") and v.has_suffix("facto") and not v.has_suffix("deal")


def test_has_digit_is_the_digit_pattern() -> None:
    assert [c for c in _ALL_CHARS if layout._has_digit(c) != bool(layout._DIGIT.search(c))] == []
    rng = random.Random(7)
    texts = ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 10))) for _ in range(3000)]
    assert [t for t in texts if layout._has_digit(t) != bool(layout._DIGIT.search(t))] == []


def test_lower_case_adds_no_whitespace_nor_digits() -> None:
    # find_furniture masks a stripped line as t.lower(), squashed only when it holds a double
    # space or a non-printable character, digit runs replaced only when t holds a digit: that is
    # _mask(t) because lower-casing turns no other character into whitespace or a digit.
    for c in _ALL_CHARS:
        low = c.lower()
        if not c.isspace():
            assert not any(x.isspace() for x in low), hex(ord(c))
        if not layout._DIGIT.search(c):
            assert not layout._DIGIT.search(low), hex(ord(c))


_WORDS = "alpha beta gamma delta epsilon zeta theta iota kappa lambda mu nu xi omicron pi rho sigma tau".split()


def _full(k: int) -> str:
    """A distinct line of about 60 characters that ends no sentence."""
    words: list[str] = []
    i = k
    while len(" ".join(words)) < 58:
        words.append(_WORDS[i % len(_WORDS)])
        i += 3
    return " ".join(words)


@pytest.mark.parametrize(
    ("lines", "blocks"),
    [
        # the short last line of a paragraph ends it
        ([_full(0), _full(1), "It ends here.", "Next paragraph starts " + _full(2)[:38], _full(3), _full(4)],
         [("paragraph", "alpha"), ("paragraph", "Next")]),
        # an indented first line after a sentence end starts a paragraph; one in lower case does not
        ([_full(0), _full(1), _full(2) + ".", "    Indented start " + _full(3)[:38], _full(4), _full(5)],
         [("paragraph", "alpha"), ("paragraph", "Indented")]),
        ([_full(0), _full(1), _full(2) + ".", "    indented lower " + _full(3)[:38], _full(4), _full(5)],
         [("paragraph", "alpha")]),
        # a short caption line ends the caption
        (["Figure 1. A caption", "the rest of it", _full(1), _full(2), _full(3), _full(4), _full(5)],
         [("caption", "Figure"), ("paragraph", "the")]),
        # a heading, then the first full line of the text under it
        (["Short Heading Here", "Then " + _full(0), _full(1), _full(2), _full(3), _full(4)],
         [("heading", "Short"), ("paragraph", "Then")]),
        # a line of bare marks cuts the paragraph and goes
        ([_full(0), _full(1), "-", _full(3), _full(4), _full(5)], [("paragraph", "alpha"), ("paragraph", "delta")]),
        # a markdown heading is one line
        (["# Title", "continues", _full(1), _full(2), _full(3), _full(4), _full(5)],
         [("heading", "Title"), ("paragraph", "continues")]),
        # lines that are paragraphs: only a mid-sentence break joins, and not in a list item
        (["A long web paragraph line that ends with no stop", "and goes on here.", "- a list item",
          "continued lower", "Ends.", "lower after end"],
         [("paragraph", "A"), ("other", "a"), ("paragraph", "continued"), ("paragraph", "Ends."),
          ("paragraph", "lower")]),
    ],
)
def test_line_joining_rules(lines: list[str], blocks: list[tuple[str, str]]) -> None:
    got = layout.build_blocks("\n".join(lines), RepairConfig(web_boilerplate=False)).blocks
    assert [(b.kind, b.text.split()[0]) for b in got] == blocks


_CJK_PIECES = ["中", "文", "。", "、", "（", "ｆ", "a", "b", " ", "  ", "\t", "-", "‐", "/", "http://x.cn/", "www.", "1", ".",
               "10.1234/", "Ab", "\u3000"]


def test_joined_clean_lines_hold_no_cjk_space() -> None:
    # _para_text skips the paragraph's own CJK-space pass when nothing but the joiner touched
    # its lines: lines without a space between CJK characters stay so when joined.
    rng = random.Random(8)
    for _ in range(4000):
        raw = ["".join(rng.choice(_CJK_PIECES) for _ in range(rng.randint(0, 8))) for _ in range(rng.randint(1, 5))]
        lines = [t for t in (layout.remove_cjk_spaces(r)[0].strip() for r in raw) if t]
        joined = layout._join_stripped(lines, Vocabulary.of(lines), Counter())
        assert layout.remove_cjk_spaces(joined)[1] == 0, lines


def test_only_marks_is_the_plain_rule() -> None:
    pieces = ["-", "*", "_", "#", ">", "=", " ", "\t", "\u3000", "a", "1", "²", "—", ""]
    texts = ["".join(p) for p in itertools.product(pieces, repeat=4)]
    plain = [bool(layout.MD_RULE.match(t) or not layout._ALNUM.search(t) and set(t) <= set("#*_-+=~`> "))
             for t in texts]
    assert [layout._only_marks(t) for t in texts] == plain
    assert 100 < sum(plain) < len(texts) - 100
