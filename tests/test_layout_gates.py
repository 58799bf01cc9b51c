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
from collections import Counter

import pytest

from pipeline.config import RepairConfig
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


def test_odd_spaces_are_the_other_whitespace() -> None:
    odd = set(re.findall(f"[{layout._ODD_SPACES}]", _ALL_CHARS))
    assert odd == {c for c in _ALL_CHARS if c.isspace()} - {" ", "\n"}


def test_lower_case_keeps_whitespace_apart() -> None:
    # find_furniture reads a line's lower case as holding the line's whitespace and no other.
    assert [c for c in _ALL_CHARS if c.isspace() and c.lower() != c] == []
    assert [c for c in _ALL_CHARS if not c.isspace() and any(x.isspace() for x in c.lower())] == []


# Text pieces: plain and odd whitespace, CJK, Cyrillic, non-printable non-space, digits, marks.
_TEXT_PIECES = ["a", "Word", "слово", "中", "。", " ", "  ", "\n", "\t", "\xa0", "\u3000", "\u2009", "\f", "\x07",
                "\u200b", "7", "12", "Page", "-", "*", "#", ".", "é"]


def _random_texts(rng: random.Random, pieces: list[str], n: int) -> list[str]:
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(n)]


def test_cjk_and_odd_spaces() -> None:
    rng = random.Random(3)
    texts = _random_texts(rng, _TEXT_PIECES, 20000) + _random_texts(rng, ["a", " ", "\n", "\t", "\x1f", "1"], 2000)
    for t in texts:
        cjk, odd = layout.cjk_and_odd_spaces(t)
        assert cjk == layout.has_cjk(t), t
        assert odd or not re.search(r"[^\S \n]", t), t  # (it may say so of a text without: CJK)
        assert odd or not cjk
    assert layout.cjk_and_odd_spaces("Россия\nи мир  ") == (False, False)


def test_squash_plain_is_squash() -> None:
    rng = random.Random(4)
    plain = [p for p in _TEXT_PIECES if not re.search(r"[^\S ]", p)]
    for t in _random_texts(rng, plain, 20000):
        assert layout.squash_plain(t) == layout.squash(t), t


# Document lines: repeated headers (digits and case apart), page numbers, double spaces, odd characters.
_LINE_PIECES = ["Journal of X", "JOURNAL  of x", "Vol. 3", "12", "Page 4", "- 5 -", "text goes on", "ends.", "\x07",
                "\u200b", "中文", "  ", " ", "DOI 10.1234/x", "", "Россия", "ΑΣ", "İstanbul", "\f"]


def _random_document(rng: random.Random) -> str:
    # Most documents without a page break or CJK: those whose spaces are read document-wide.
    pieces = _LINE_PIECES if rng.random() < 0.2 else [p for p in _LINE_PIECES if p not in ("\f", "中文")]
    lines = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 3))) for _ in range(rng.randint(0, 40))]
    return "\n".join(lines)


def test_find_furniture_with_plain_spaces() -> None:
    rng = random.Random(8)
    found = 0
    for _ in range(3000):
        lines = layout.split_lines(_random_document(rng).replace("\f", ""))
        want = layout.find_furniture(lines, Counter())
        got = layout.find_furniture(lines, Counter(), plain_spaces=True)
        assert got == want
        found += bool(want[0])
    assert found > 300


def test_find_furniture_squashes_plain_double_spaces() -> None:
    # Five of one header, three of them with double spaces: one group, taken whole.
    heads = ["Running  Head", "running head", "RUNNING   HEAD", "Running Head", "running  head"]
    lines = layout.split_lines("\n".join(f"{h}\nbody text of page {k}.\n" for k, h in enumerate(heads)))
    for plain in (False, True):
        skip, furniture = layout.find_furniture(lines, Counter(), plain_spaces=plain)
        assert furniture == heads


def test_build_blocks_reads_odd_spaces_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    # The whole pass, with the document-wide answer and with every line and paragraph read as before.
    rng = random.Random(9)
    docs = [_random_document(rng) for _ in range(600)]
    cfgs = [RepairConfig(), RepairConfig(markdown=False), RepairConfig(unwrap=False), RepairConfig(cjk_spaces=False)]

    def result(doc: str, cfg: RepairConfig) -> tuple[object, ...]:
        r = layout.build_blocks(doc, cfg)
        return r.blocks, r.furniture, r.footnotes, sorted(r.counts.items()), r.warnings, r.boilerplate

    assert sum(layout.cjk_and_odd_spaces(d) == (False, False) for d in docs) > 400
    fast = [result(d, c) for d in docs for c in cfgs]
    monkeypatch.setattr(layout, "cjk_and_odd_spaces", lambda text: (layout.has_cjk(text), True))
    assert [result(d, c) for d in docs for c in cfgs] == fast


def _cue_letters() -> str:
    # Every letter in the sources of the patterns that ignore case (a superset of the words' letters).
    return "".join(sorted({c for c in layout.FIELD_CUE.pattern + layout.CAPTION.pattern if c.isalpha()}))


def test_cases_are_what_ignorecase_matches() -> None:
    letters = _cue_letters()
    # Every code point that matches any of the letters ignoring case, found by re itself.
    candidates = set(re.findall(f"(?i)[{letters}]", _ALL_CHARS))
    for letter in letters.lower():
        assert {c for c in candidates if re.fullmatch(f"(?i){letter}", c)} == layout._cases(letter), letter


_FIELD_WORDS = ["abstract", "summary", "аннотация", "резюме", "keywords", "key words", "index terms", "ключевые слова",
                "references", "bibliography", "literature", "works cited", "список литературы", "литература",
                "библиография", "источники"]
_CAPTION_WORDS = ["fig.", "figure", "рис.", "рисунок", "table", "tab.", "таблица", "табл.", "chart", "scheme", "схема",
                  "диаграмма"]


def test_every_cue_word_opens_a_cue_in_every_case() -> None:
    for words, tail, pattern in ((_FIELD_WORDS, ": x", layout.FIELD_CUE), (_CAPTION_WORDS, " 2. A map", layout.CAPTION)):
        for w in words:
            for a, b in itertools.product(layout._cases(w[0]), layout._cases(w[1])):
                line = a + b + w[2:] + tail
                assert pattern.match(line), line  # (the lists above are the patterns' words)
                assert layout._may_start_block(line), line
    # ... and the patterns hold no other word.
    assert len(layout._CUE_OPENINGS) == len({x + y for w in _FIELD_WORDS + _CAPTION_WORDS
                                             for x in layout._cases(w[0]) for y in layout._cases(w[1])})


def _block_cue_plain(text: str) -> bool:
    return layout._BLOCK_CUE.match(text) is not None


def test_may_start_block_first_and_second_letters() -> None:
    # Every letter as the first character, then as the second, in front of cue words' tails.
    letters = [c for c in _ALL_CHARS if c.isalpha()]
    for tail in ("bstract: x", "igure 1", "ndex terms: x", "ис. 2", "ннотация. x", "ey words: x"):
        assert [c for c in letters if layout._may_start_block(c + tail) != _block_cue_plain(c + tail)] == []
    for head, tail in (("A", "stract: x"), ("F", "gure 1"), ("К", "ючевые слова: x"), ("i", "dex terms: x")):
        lines = [head + c + tail for c in letters]
        assert [t for t in lines if layout._may_start_block(t) != _block_cue_plain(t)] == []


_CUE_PIECES = ["Abstract", "ſummary", "KEY", "words", "İndex", "ındex", "terms", "Ключевые", "слова", "Рис", "ᲃхема", "Fig",
               "figure", "Table", "tab", "the", "in", "re", "li", "x", " ", "  ", ".", ":", "**", "__", "#", "-", "*", "[",
               "12", "3)", "]", "•", "\t", "—", "٣", "a", "é"]


def test_may_start_block_on_generated_lines() -> None:
    rng = random.Random(12)
    lines = _random_texts(rng, _CUE_PIECES, 40000)
    assert [t for t in lines if layout._may_start_block(t) != _block_cue_plain(t)] == []
    assert sum(map(_block_cue_plain, lines)) > 500  # both answers occur


_REFERENCES_WORDS = ["references", "bibliography", "works cited", "literature", "список литературы", "литература",
                     "библиография", "источники"]


def test_references_cue_gate() -> None:
    for w in _REFERENCES_WORDS:
        for a, b in itertools.product(layout._cases(w[0]), layout._cases(w[1])):
            for line in (a + b + w[2:], a + b + w[2:] + " :"):
                assert layout.REFERENCES_CUE.match(line) and layout._is_references_cue(line), line
    assert len(layout._REFERENCES_OPENINGS) == len({x + y for w in _REFERENCES_WORDS
                                                    for x in layout._cases(w[0]) for y in layout._cases(w[1])})
    letters = [c for c in _ALL_CHARS if c.isalpha()]
    for line_of in (lambda c: c + "eferences", lambda c: c + "итература:", lambda c: "R" + c + "ferences",
                    lambda c: "и" + c + "точники"):
        lines = [line_of(c) for c in letters]
        assert [t for t in lines if layout._is_references_cue(t) != bool(layout.REFERENCES_CUE.match(t))] == []
    rng = random.Random(13)
    pieces = ["References", "ReFeReNcEs", "Works", "cited", "ЛИТЕРАТУРА", "Список", "литературы", "ᲃписок", "1.", "12",
              "#", "**", "__", " ", ":", "x", "Results", "li", "re"]
    texts = _random_texts(rng, pieces, 30000)
    assert [t for t in texts if layout._is_references_cue(t) != bool(layout.REFERENCES_CUE.match(t))] == []
    assert sum(bool(layout.REFERENCES_CUE.match(t)) for t in texts) > 200
