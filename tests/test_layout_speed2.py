"""The layout and web passes' shortcuts (round 2) answer as the plain paths they replace.

Each shortcut is compared with the general code it stands in for, over a table of tricky inputs
(non-ASCII, empty, surrogates, Cyrillic, CJK, odd whitespace) and over generated text.
"""

from __future__ import annotations

import gc

import pytest

from pipeline.repair import front, layout


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


# ---------------------------------------------------------------------------------------------
# find_furniture: masks met once make no list
# ---------------------------------------------------------------------------------------------

from collections import Counter  # noqa: E402


def _at_text_start(lines: list[layout.Line], i: int, reach: int = 2) -> bool:
    """Is line ``i`` among the first ``reach`` + 1 non-blank lines of the text (the first page's top)?"""
    return sum(1 for ln in lines[:i] if ln.text) <= reach


def _find_furniture_before(lines: list[layout.Line], counts: Counter[str], plain_spaces: bool = False
                           ) -> tuple[set[int], list[str]]:
    """layout.find_furniture as it was before its masks were grouped lazily (a list only for a
    mask met twice): the same furniture, the same counts."""
    drop: dict[int, str] = {}
    n = len(lines)

    def isolated(i: int) -> bool:
        # (A page break's line is blank too: it has no text.)
        return (i == 0 or not lines[i - 1].text) and (i == n - 1 or not lines[i + 1].text)

    # Page numbers: a line holding nothing but a page number. Not only isolated ones: a number
    # alone on a line is not prose anywhere, and deciding by neighbours would make repair of
    # its own output (where every block is isolated) decide differently.
    # Running headers/footers: short lines that repeat (digits masked) three times or more, most
    # of them at page edges (next to a page break or a page number), or five times or more: a
    # subheading used in three sections stays.
    # One pass over the lines takes the page numbers, groups the other lines by their mask and
    # notes the page breaks and the few lines later rules can take.
    groups: dict[str, list[int]] = {}
    breaks: list[int] = []
    spaced: list[int] = []  # lines with a run of spaces
    dois: list[int] = []  # lines that may hold a DOI
    for i, ln in enumerate(lines):
        t = ln.text
        if not t:
            if ln.raw == "\f":
                breaks.append(i)
            continue
        size = len(t)
        if size > 200:
            digits = False
        else:
            digits = layout._has_digit(t)
            if digits and layout.is_page_number(layout.bare(t)):
                drop[i] = t
                counts["page_numbers"] += 1
                continue
        if 3 <= size <= 150:
            # layout._mask(t, digits), inline: t has no outer whitespace and lower-casing adds none, so
            # squash's one check is whether there is a double space or a non-printable character
            # (the only whitespace a printable text can hold is " "; lower-casing keeps it so, and
            # gives no other whitespace: with plain spaces in the document, no character need be read).
            m = t.lower()
            if "  " in m or not (plain_spaces or m.isprintable()):
                m = " ".join(m.split())
            if digits:
                m = layout._DIGITS.sub("0", m)
            g = groups.get(m)
            if g is None:
                groups[m] = [i]
            else:
                g.append(i)
        if "   " in t:
            spaced.append(i)
        if "10." in t:
            dois.append(i)
    edges = set(breaks) | set(drop)
    turn = layout._turn_lines(lines, edges)
    for k, where in groups.items():
        # (The rules themselves follow layout's since: a sentence-like header at every page's edge;
        # a header printed twice, both copies at a page turn and not at the text's start.)
        if len(where) == 2 and len(layout._LETTER.findall(k)) >= 8 and \
                all(i in turn and not _at_text_start(lines, i) for i in where) and \
                not any(layout.ends_sentence(lines[i].text) for i in where):
            for i in where:
                drop[i] = lines[i].text
                counts["running_headers"] += 1
            continue
        if len(where) < 3 or len(layout._LETTER.findall(k)) < 3:
            continue
        at_edges = sum(1 for i in where if layout._near(lines, i, edges) or _at_text_start(lines, i))
        if any(layout.ends_sentence(lines[i].text) for i in where):
            header = at_edges == len(where)
        else:
            header = len(where) >= 5 or 3 * at_edges >= 2 * len(where)
        if header:
            for i in where:
                # (Since 1258545: the first page's own copy inside the page stays.)
                if breaks and i < breaks[0] and not _at_text_start(lines, i) and not layout._near(lines, i, edges):
                    continue
                drop[i] = lines[i].text
                counts["running_headers"] += 1
    # A page number and a short text apart by a run of spaces ("202      Journal of X 12(3)",
    # "Smith and Jones     203"), alone between blank lines or at the document's ends: a page's
    # header or footer. Taken before footnotes are looked for, so "202" is never a note number.
    if drop:
        turn = layout._turn_lines(lines, edges | set(drop))  # (a header's neighbour is at the turn too)
    numbered = {i: layout.leading_page_number(lines[i].text) for i in spaced
                if i not in drop and (isolated(i) or i in turn) and layout.is_numbered_page_line(lines[i].text)}
    run = []
    for i in sorted(numbered):
        if numbered[i] == len(run) + 1:
            run.append(i)
    texts = [" ".join(lines[i].text.split()[1:]).lower() for i in run]
    sections = set(run) if len(run) >= 2 and len(set(texts)) == len(texts) else set()
    for i in spaced:
        if i in numbered and i not in sections:
            drop[i] = lines[i].text
            counts["running_headers"] += 1
        elif i not in drop and i in turn and breaks and layout.is_split_header(lines[i].text):
            drop[i] = lines[i].text
            counts["running_headers"] += 1
    # (And layout's later page stamps, in a text with page breaks.)
    for i, ln in enumerate(lines if breaks else ()):
        t = ln.text
        if t and i not in drop and len(t) <= 200 and layout.is_page_stamp(t, isolated(i) or layout._near(lines, i, edges)):
            drop[i] = t
            counts["page_stamps"] += 1
    # (And layout's first-page foot lines, with a licence's wrapped end and the short lines between two.)
    foot = []
    for i, ln in enumerate(lines if breaks else ()):
        if ln.text and i not in drop and len(ln.text) <= 200 and layout.is_first_page_foot(ln.text):
            drop[i] = ln.text
            counts["page_stamps"] += 1
            nxt = lines[i + 1].text if i + 1 < n else ""
            if layout._LICENCE_LINE.match(ln.text) and nxt and len(nxt.split()) <= 8 and layout._LICENCE_END.search(nxt):
                drop[i + 1] = nxt
                counts["page_stamps"] += 1
            foot.append(i)
    for a, b in zip(foot, foot[1:], strict=False):
        if 1 < b - a <= 4 and all(lines[k].text and (k in drop or (len(lines[k].text.split()) <= 15
                                                                   and not layout.starts_lower(lines[k].text)))
                                  for k in range(a + 1, b)):
            for k in range(a + 1, b):
                if k not in drop:
                    drop[k] = lines[k].text
                    counts["page_stamps"] += 1
    # (And layout's issue lines at a page turn.)
    for i in sorted(turn):
        if i not in drop and len(lines[i].text) <= 200 and layout._has_digit(lines[i].text) \
                and layout.is_issue_head(lines[i].text):
            drop[i] = lines[i].text
            counts["running_headers"] += 1
    # (And layout's author-naming heads at a page turn, named on the first page.)
    first_end = min((e for e in edges if e > 3), default=n)
    for i in sorted(turn):
        surnames = layout.names_head_surnames(lines[i].text) if i not in drop and i > first_end else None
        if surnames and all(layout.names_a_person(w, " ".join(ln.text for ln in lines[:first_end])) for w in surnames):
            drop[i] = lines[i].text
            counts["page_stamps"] += 1
    edges |= set(drop)
    # The first page's journal header (venue, year, volume, issue, pages), printed once at the top;
    # later pages may repeat a prefix of it as their running header (no pages, or no page range).
    first = [i for i in range(min(n, 40)) if lines[i].text][:3]
    heads = [i for i in first if i not in drop and (layout.is_journal_header(lines[i].text)
                                                    or layout.is_top_issue_line(lines[i].text))]
    for i in heads:
        drop[i] = lines[i].text
        counts["journal_headers"] += 1
    # (And layout's masthead in its other language: a top line printing the numbers of a line taken.)
    top = [i for i in range(min(n, 40)) if lines[i].text][: layout.ISSN_TOP_LINES]
    numbers = {tuple(re.findall(r"\d+", lines[i].text)) for i in top if i in drop and layout._YEAR.search(lines[i].text)}
    for i in top:
        if i not in drop and len(lines[i].text) <= 150 and not layout.ends_sentence(lines[i].text) \
                and len(nums := tuple(re.findall(r"\d+", lines[i].text))) >= 2 and nums in numbers:
            drop[i] = lines[i].text
            counts["journal_headers"] += 1
    head_masks = [layout._mask(lines[i].text) for i in heads]
    if head_masks:
        for i, ln in enumerate(lines):
            if i in drop or not 15 <= len(ln.text) <= 150 or layout.ends_sentence(ln.text):
                continue
            k = layout._mask(ln.text)
            if len(layout._LETTER.findall(k)) >= 5 and any(h.startswith(k) for h in head_masks) and layout._near(lines, i, edges):
                drop[i] = ln.text
                counts["running_headers"] += 1
    # The page header above a page number at the top of a page: everything non-blank before it.
    starts = [0] + [i + 1 for i in breaks]
    for s in starts:
        seen = []
        for j in range(s, min(n, s + 12)):
            if lines[j].page_break:
                break
            if lines[j].text:
                seen.append(j)
            if j in drop and layout.is_page_number(layout.bare(lines[j].text)) and isolated(j):
                # Only a number with the page's text still to come: one at the foot of a page
                # has the page's text above it, not a header.
                rest = next((lines[x] for x in range(j + 1, n) if lines[x].text or lines[x].page_break), None)
                above = [k for k in seen[:-1] if k not in drop]
                if rest is not None and not rest.page_break and len(above) <= 3 and \
                        all(len(lines[k].text) <= 150 for k in above):
                    for k in above:
                        drop[k] = lines[k].text
                        counts["running_headers"] += 1
                break
            if len(seen) > 4:
                break
    # Identifier lines (a DOI on a line of its own): metadata reads them from the furniture.
    for i in dois:
        if i not in drop and layout.DOI_LINE.match(layout.bare(lines[i].text)):
            drop[i] = lines[i].text
            counts["doi_lines"] += 1
    return set(drop), [drop[i] for i in sorted(drop)]



_FURNITURE_LINES = [
    "Journal of Soil Science 12(3)", "Journal of Soil Science 14(3)", "JOURNAL OF SOIL SCIENCE 9(1)", "Page 5", "page 17",
    "- 12 -", "CHAPTER 1", "Chapter 2", "Smith and Jones     203", "202      Journal of X 12(3)",
    "Annals of Hydrology, Vol. 7, No. 2 (2019), pp. 11–30", "Annals of Hydrology, Vol. 7", "DOI: 10.1234/abc.5",
    "https://doi.org/10.5555/x.y", "The policy changed in 1990.", "The policy changed in 1991", "ends a sentence.”2",
    "Вестник МГУ. Серия 7. № 3", "Вестник МГУ. Серия 7. № 4", "ΟΔΟΣ ΣΟΦΙΑΣ 3", "οδος σοφιας 4", "İSTANBUL 5",
    "i̇stanbul 6", "中国 研究 12", "中国 研究 13", "Two  spaces  here 1", "Two spaces here 2", "x", "ab", "1",
    "a line of prose that runs on to the next line without an end and goes on", "", "", "", "\f", "   ",
    "\u200bzero width 7", "tab\there 8", "no\xa0break 9", "٣ Arabic-Indic 4", "Page ٣", "**12**", "# 14",
    "A long running header line that is quite long indeed and repeats on every single page " + "x" * 60 + " 1",
    "A. B. Smith, C. D. Jones. Rivers of the Plain", "Alan SMITH1, Carol JONES2", "The U.S. has grown", "12",
    "This work is licensed under a Creative Commons Attribution", "4.0 International License.",
    "ACM ISBN 979-8-4007-1123-4/24/09", "∗ Corresponding author.", "Rivers of the Plain      Proc. 2024, Tartu",
]


def _furniture_docs(n: int) -> list[str]:
    rng = random.Random(31)
    docs = []
    for _ in range(n):
        k = rng.randint(0, 80)
        docs.append("\n".join(rng.choice(_FURNITURE_LINES) for _ in range(k)))
    return docs


def test_find_furniture_answers_as_before() -> None:
    n_dropped = 0
    for doc in _furniture_docs(3000):
        lines = layout.split_lines(doc)
        plain = not any(_has_odd_space(ln.text) for ln in lines)
        for plain_spaces in {False, plain}:
            got_counts: Counter[str] = Counter()
            want_counts: Counter[str] = Counter()
            got = layout.find_furniture(lines, got_counts, plain_spaces)
            assert got == _find_furniture_before(lines, want_counts, plain_spaces), doc
            assert got_counts == want_counts, doc
            n_dropped += len(got[0])
    assert n_dropped > 5000


# ---------------------------------------------------------------------------------------------
# Smaller shortcuts
# ---------------------------------------------------------------------------------------------


def test_odd_space_chars_are_the_class() -> None:
    odd = set(re.findall(f"[{layout._ODD_SPACES}]", _ALL_CHARS))
    assert set(layout._ODD_SPACE_CHARS) == odd and len(layout._ODD_SPACE_CHARS) == len(odd)
    assert set(layout._ODD_ASCII_SPACES) == {c for c in odd if c.isascii()}


def _width_of_plain(sizes: list[int], leave: set[int] | dict[int, str] | None) -> int | None:
    """width_of as it was: every line looked up in ``leave``."""
    lengths = sorted([n for i, n in enumerate(sizes) if n > 20 and not (leave and i in leave)])
    if len(lengths) < 5:
        return None
    w = lengths[int(len(lengths) * 0.8)]
    if w > 160:
        return None
    near = sum(1 for n in lengths if 0.7 * w <= n <= 1.15 * w)
    return w if near >= 0.5 * len(lengths) else None


def test_width_of_takes_the_left_lengths_out() -> None:
    rng = random.Random(32)
    for _ in range(5000):
        width = rng.choice([30, 70, 95, 160, 170])
        sizes = [rng.choice([0, 21, 20, rng.randint(0, 30), rng.randint(int(width * 0.6), width), rng.randint(0, 900)])
                 for _ in range(rng.randint(0, 40))]
        # Indices past either end are no line: they leave nothing out.
        leave = {i for i in range(-3, len(sizes) + 3) if rng.random() < 0.25}
        want = _width_of_plain(sizes, leave)
        assert layout.width_of(sizes, leave) == want, (sizes, leave)
        assert layout.width_of(sizes, dict.fromkeys(leave, "web")) == want


@pytest.mark.parametrize("line", ["", "a", "word", "http://x.org/a-", "inter-", "中文", "Россия-", "\ud800", "x y ", "—"])
def test_join_stripped_of_one_line_is_the_line(line: str) -> None:
    counts: Counter[str] = Counter()
    assert layout._join_stripped([line], layout.Vocabulary(), counts) == line
    assert counts == Counter()


_CUE_LINES = ["Abstract: x", "abstract", "Ab", "A", "the text", "- item", "1. Intro", "# Heading", "Figure 2. A map",
              "Рис. 3", "Список литературы", "ſummary", "Keywords", "KEY WORDS:", "[3] A. Author", "", " x", "中文",
              "\ud800", "İndex terms", "References", "Literature", "Bibliography", "Библиография", "ab", "Ke"]


@pytest.mark.parametrize("line", _CUE_LINES)
def test_inline_cue_gates(line: str) -> None:
    # build_blocks asks the first-letters gates inline before the calls.
    gate = not line[:1].isalpha() or line[:2] in layout._CUE_OPENINGS
    assert (gate and layout._may_start_block(line)) == layout._may_start_block(line)
    refs = not line[:1].isalpha() or line[:2] in layout._REFERENCES_OPENINGS
    assert (refs and layout._is_references_cue(line)) == layout._is_references_cue(line)


def test_inline_cue_gates_over_every_first_letter() -> None:
    for tail in ["bstract: x", "eferences", "igure 1", "eywords:", "итература", "ummary"]:
        for c in _ALL_CHARS[:0x3000]:
            t = c + tail
            gate = not t[:1].isalpha() or t[:2] in layout._CUE_OPENINGS
            assert gate or not layout._may_start_block(t), t
            refs = not t[:1].isalpha() or t[:2] in layout._REFERENCES_OPENINGS
            assert refs or not layout._is_references_cue(t), t


# ---------------------------------------------------------------------------------------------
# One split of the text for the marker lines and the lines
# ---------------------------------------------------------------------------------------------


def _attach_marker_lines_before(text: str) -> tuple[str, int]:
    """layout.attach_marker_lines line by line, on the text (before build_blocks split the text once): a
    marker line goes to the affiliation under it (under a blank line or another affiliation), else to
    the name above it."""
    if "\n" not in text:
        return text, 0
    lines = text.split("\n")
    # Only a marker line changes anything, and most documents have none: one quick scan first.
    if not any(len(s) <= 5 and layout._MARKER_LINE.fullmatch(s) for s in map(str.strip, lines)):
        return text, 0
    out: list[str] = []
    n = 0
    glued = False  # the last line in ``out`` just took a marker
    taken = False  # the line was joined to the marker line above it
    for k, raw in enumerate(lines):
        if taken:
            taken = False
            continue
        s = raw.strip()
        nxt = lines[k + 1].strip() if k + 1 < len(lines) else ""
        if (len(s) <= 5 and layout._MARKER_LINE.fullmatch(s) and k + 1 < len(lines) and "\f" not in lines[k + 1]
                and front.is_affiliation_line(nxt) and not layout._MARKER_LINE.fullmatch(nxt)
                and (not out or not out[-1].strip() or front.is_affiliation_line(out[-1].strip()))):
            out.append(f"{s} {nxt}")
            n += 1
            glued = False
            taken = True
            continue
        if (
            len(s) <= 5 and layout._MARKER_LINE.fullmatch(s)
            and out and (prev := out[-1].rstrip()) and len(prev) <= 80 and k + 1 < len(lines)
            and lines[k + 1].strip() and "\f" not in lines[k + 1]
            and (m := layout._NAME_END.search(prev)) and m.group(0).lstrip(" ,")[:1].isupper()
        ):
            out[-1] = f"{prev} {s}"
            n += 1
            glued = True
            continue
        if glued and s.startswith(",") and len(s) <= 80:
            out[-1] = f"{out[-1]}{s if s == ',' else ', ' + s[1:].strip()}"
            glued = False
            continue
        glued = False
        out.append(raw)
    return ("\n".join(out), n) if n else (text, 0)



def _split_lines_before(text: str) -> list[layout.Line]:
    """layout.split_lines as it was."""
    out = []
    for raw in text.split("\n"):
        if raw == "\f":
            out.append(layout.Line("", 0, "\f"))
            continue
        s = raw.rstrip()
        stripped = s.lstrip()
        out.append(layout.Line(stripped, len(s) - len(stripped), raw))
    return out



_MARKER_PIECES = ["Ann Lee", "b", "*", "†", "1,2", "12", ", Tom Ray", ",", "University of Oslo", "", "\f", "  c  ", "x" * 90,
                  " Institute of Marine Research, Bergen",
                  "Иван Петров", "中文", "\t", "a", "h", "i", "123", "**", "\u3000b\u3000", "Lee ", "\ud800"]


def test_one_split_is_the_marker_pass_then_split_lines() -> None:
    rng = random.Random(33)
    texts = ["", "a", "\n", "Ann Lee\nb\n, Tom Ray\n*\nUniversity of Oslo"]
    texts += ["\n".join(rng.choice(_MARKER_PIECES) for _ in range(rng.randint(0, 12))) for _ in range(20000)]
    moved = 0
    for text in texts:
        want_text, want_n = _attach_marker_lines_before(text)
        assert layout.attach_marker_lines(text) == (want_text, want_n)
        raws, n = layout._attach_marker_lines(text.split("\n"))
        assert n == want_n and "\n".join(raws) == want_text, text
        assert layout._lines_of(raws) == _split_lines_before(want_text) == layout.split_lines(want_text), text
        moved += n > 0
    assert moved > 1000


def test_text_without_marks_is_no_markdown() -> None:
    # _para_text does not read a one-line paragraph for inline markdown a second time when its
    # line holds none of strip_markdown's marks: neither does any text made of its characters.
    rng = random.Random(34)
    # ("^" is a mark too: a pandoc superscript, "Berg^1^".)
    pieces = ["a", "Б", "中", " ", "#", "-", "(", ")", "]", "!", "<sup>", "https://x.org", "1", ":", "\ud800", "\t"]
    for _ in range(20000):
        t = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        counts: Counter[str] = Counter()
        assert layout.strip_markdown(t, counts) == t and not counts, t
        assert layout.strip_markdown(layout._strip_lead_marks(t).strip(), counts) == layout._strip_lead_marks(t).strip()


def _link_row_before(t: str) -> bool:
    """web._link_row as it was: generators over the separators and each part's characters."""
    if len(t) > 150 or not any(c in t for c in "›»→>|/·"):
        return False
    parts = [p.strip() for p in web._LINK_SEP.split(t)]
    if len(parts) < 2 or (len(parts) < 3 and not any(c in t for c in "›»→")):
        return False
    return all(p and len(p.split()) <= 4 and ":" not in p and not web._ends_sentence(p)
               and not any(c.isdigit() for c in p) for p in parts)


def _top_trail_before(t: str) -> bool:
    if len(t) > 60 or not any(c in t for c in "/|·"):
        return False
    parts = [p.strip() for p in web._LINK_SEP.split(t)]
    return len(parts) == 2 and all(p and len(p.split()) <= 2 and p[0].isupper() and ":" not in p
                                   and not web._ends_sentence(p) and not any(c.isdigit() for c in p) for p in parts)


def test_link_rows_and_short_lines_answer_as_before() -> None:
    rng = random.Random(35)
    pieces = ["Home", "World", "Мир", " › ", "›", " » ", " → ", " > ", " | ", " / ", "/", " · ", "·", "2", "²", "٣", ":",
              ".", " ", "a", "中", "\ud800", "Sport", "tennis", "Terms", "x" * 40]
    for _ in range(30000):
        t = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 9)))
        assert web._link_row(t) == _link_row_before(t), t
        assert web._top_trail(t) == _top_trail_before(t), t
        assert web._short_line(t) == (bool(t) and t.count(" ") < 3 and not web._ends_sentence(t)
                                      and not any(c.isdigit() for c in t)), t
