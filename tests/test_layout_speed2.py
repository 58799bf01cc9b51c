"""The layout and web passes' shortcuts (round 2) answer as the plain paths they replace.

Each shortcut is compared with the general code it stands in for, over a table of tricky inputs
(non-ASCII, empty, surrogates, Cyrillic, CJK, odd whitespace) and over generated text.
"""

from __future__ import annotations

import gc

import pytest

from pipeline.repair import layout


def test_english_words_is_the_package_set_untracked() -> None:
    pytest.importorskip("english_words")
    from english_words import get_english_words_set

    words = layout.english_words()
    assert set(words) == get_english_words_set(["web2", "gcide"], lower=True, alpha=True)
    assert not gc.is_tracked(words)  # full collections do not walk it
    assert "nation" in words and "Nation" not in words


# ---------------------------------------------------------------------------------------------
# Web boilerplate: the same answers with the plain-spaces reading and the cheaper scans
# ---------------------------------------------------------------------------------------------

import random  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from pipeline.repair import web  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import web_reference  # noqa: E402

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
_ALL_CHARS = "".join(map(chr, range(sys.maxunicode + 1)))

# Lines of every kind the rules look for, and lines that nearly are: headlines held in a top line
# in another case (Cyrillic, the dotted I, final sigma), copyright lines with and without a year,
# pointers, teaser titles, share bars, marks, invisible characters, CJK, surrogates.
_LINES = [
    "Home › World › Europe", "Home News Big Story Of The Day Here", "big story of the day here",
    "Главная Новости Россия и Китай подписали новое соглашение", "россия и китай подписали новое соглашение",
    "NEWS İSTANBUL MEETING OF THE MINISTERS", "i̇stanbul meeting of the ministers", "ΟΔΟΣ ΠΡΟΣ ΤΗΝ ΕΙΡΗΝΗ ΣΗΜΕΡΑ",
    "οδος προς την ειρηνη σημερα", "Club events", "Club events", "Related title of a teaser",
    "Its one-sentence summary.", "Share", "Tweet", "Email", "Print", "Поделиться", "Share: Facebook X Email",
    "© 2024 Example Media. All rights reserved.", "Copyright 1999 Someone", "COPYRİGHT 2001 x", "(c) News 2020",
    "© Example Media", "2019 ©", "© ٢٠٢٤ digits of another script", "Terms | Privacy | Contact",
    "Subscribe to our newsletter", "Read more: The other big story of the week", "Sport / Tennis",
    "- **Club events**", "# Heading two", "* a bullet item", "Method", "Another title", "Disclaimer text.",
    "Police said the blockades had so far been peaceful and would go on for days.",
    "Police said the blockades had so far been peaceful and would go on for days. ”",
    "Police said the blockades had so far been peaceful and would go on for days.)",
    "A long line of prose that does not end a sentence but goes on and on and on",
    "Россия и Китай: партнёрство в новую эпоху, сказал министр на встрече в Пекине.",
    "中国和俄罗斯的关系在新的时代里不断发展，两国领导人多次会晤并签署了许多重要的合作文件。",
    "Top 10", "trailing marks **", "zero\u200bwidth joiner line", "bell\x07line", "lone \ud800 surrogate",
    "Word", "a b c", "Title: A Headline Of Some Length", "", "", "", "",
]
# Lines with whitespace other than " " (the pages that hold one are read without plain_spaces).
_ODD_LINES = ["  indented line  ", "no\u00a0break space", "tab\tin line", "Eight    words    spread    wide",
              "\u3000ideographic", " "]


def _pages(n: int, odd: bool) -> list[list[str]]:
    rng = random.Random(21 + odd)
    table = _LINES + _ODD_LINES if odd else _LINES
    pages = []
    for _ in range(n):
        page = [rng.choice(table) for _ in range(rng.randint(0, 40))]
        if page and rng.random() < 0.3:  # the headline again further down
            page.append(page[0].split(" ", 1)[-1])
        pages.append(page)
    return pages


def _has_odd_space(line: str) -> bool:
    return re.search(r"[^\S ]", line) is not None


def test_find_boilerplate_plain_spaces_answers_as_before() -> None:
    rng = random.Random(22)
    seeds = [p.read_text(encoding="utf-8").split("\n") for p in sorted(SEEDS.glob("*.txt"))]
    n_found = 0
    for page in _pages(2500, odd=False) + _pages(1000, odd=True) + seeds:
        plain = not any(map(_has_odd_space, page))
        for hard_wrapped in (False, True):
            skip = {i for i in range(len(page)) if rng.random() < 0.05}
            want = web_reference.find_boilerplate(page, skip, hard_wrapped)
            assert web.find_boilerplate(page, skip, hard_wrapped) == want, page
            if plain:
                assert web.find_boilerplate(page, skip, hard_wrapped, plain_spaces=True) == want, page
            n_found += len(want)
    assert n_found > 10000


@pytest.mark.parametrize("line", _LINES + ["", "**", "- ", "x  y", "#", "_a_", "a\x00b", "\udfff", "é", "中 文"])
def test_norms_plain_is_norm(line: str) -> None:
    lines = [line, "", line + " tail", "lead " + line]
    live = [i for i, t in enumerate(lines) if t]
    assert web._norms(lines, live, plain_spaces=True) == {i: web._norm(lines[i]) for i in live}


def test_norms_plain_is_norm_on_generated_lines() -> None:
    rng = random.Random(23)
    pieces = ["a", "Б", "中", " ", "  ", "*", "**", "_", "#", "-", "•", "\u200b", "\x07", "\ud800", "1", ".", "é"]
    lines = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) for _ in range(20000)]
    live = [i for i, t in enumerate(lines) if t and not t.isspace()]
    assert web._norms(lines, live, plain_spaces=True) == {i: web._norm(lines[i]) for i in live}


def test_runs_are_the_stretches() -> None:
    rng = random.Random(24)
    for _ in range(3000):
        live = sorted(rng.sample(range(60), rng.randint(0, 40)))
        want: list[list[int]] = []
        for i in live:
            if want and want[-1][-1] == i - 1:
                want[-1].append(i)
            else:
                want.append([i])
        assert web._runs(live) == want


def test_body_line_gate() -> None:
    # find_page_debris asks is_body only of a line of 60 characters or more whose last character
    # is a sentence mark, a closer or a space.
    rng = random.Random(25)
    pieces = ["word ", "слово ", ".", "!", "?", "…", "»", "”", ")", "]", " ", "\u3000", "\t", "x", "中", "\xa0"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(30000)]
    texts += ["Police said the blockades had so far been peaceful and would go on for days." + e
              for e in ["", " ", "”", " ”\t", ")\u3000", "x", "\u2028"]]
    for t in texts:
        if web.is_body(t):
            assert len(t) >= 60 and (t[-1] in web._BODY_LAST or t[-1].isspace()), t


def test_copyright_needs_a_year_from_19_or_20() -> None:
    rng = random.Random(26)
    pieces = ["©", "(c)", "(C)", "copyright", "COPYRİGHT", "Copyright ", " ", "19", "20", "2", "0", "9", "1",
              "٢", "٠", "x", "Media", "\u3000"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) for _ in range(30000)]
    hits = [t for t in texts if web._COPYRIGHT.search(t)]
    assert len(hits) > 500
    assert [t for t in hits if "19" not in t and "20" not in t] == []


def test_lower_case_keeps_the_spaces() -> None:
    # The breadcrumb search counts a line's spaces before its lower case is made.
    assert [c for c in _ALL_CHARS if c.lower().count(" ") != (c == " ")] == []
    for t in ["ΟΔΟΣ ΠΡΟΣ", "İ İ", "Σ Σ Σ", "A  B "]:
        assert t.lower().count(" ") == t.count(" ")


# ---------------------------------------------------------------------------------------------
# plain_line_spaces: no line's text holds whitespace but " "
# ---------------------------------------------------------------------------------------------

_SPACE_PIECES = ["a", "Word", "слово", "中", "。", " ", "  ", "\n", "\t", "\xa0", "\u3000", "\u2009", "\f", "\n\f\n",
                 "\x07", "\u200b", "\x1c", "\x85", "\u2028", "\r", "7", "é", "\ud800"]


@pytest.mark.parametrize("text", ["", "\f", "\n\f\n", "a\n\f\nb", "a\fb", "中 国", "中\u3000国", "a\tb", "Россия\nи мир",
                                  "x\n\f\n\f\ny", "\ud800 a", "a\x85b", "a\u2028b", "a\x1fb"])
def test_plain_line_spaces_table(text: str) -> None:
    _check_plain_line_spaces(text)


def _check_plain_line_spaces(text: str) -> None:
    plain = layout.plain_line_spaces(text)
    lines = layout.split_lines(text)
    if plain:
        assert not any(_has_odd_space(ln.text) for ln in lines), text
    if "\f" not in text and not any(_has_odd_space(raw) and raw.strip() != raw for raw in text.split("\n")):
        # Without page breaks and outer odd spaces, the answer is exact.
        assert plain == (not any(_has_odd_space(ln.text) for ln in lines)), text
    cjk, odd = layout.cjk_and_odd_spaces(text)
    if not odd:
        assert plain, text  # it never says no where the document-wide scan says yes


def test_plain_line_spaces_on_generated_texts() -> None:
    rng = random.Random(27)
    for _ in range(20000):
        _check_plain_line_spaces("".join(rng.choice(_SPACE_PIECES) for _ in range(rng.randint(0, 14))))
