"""The metadata stage's shortcuts give exactly what the general paths they replace give.

Each shortcut is compared with the plain form it stands for, over a table of tricky texts (non-ASCII,
empty, surrogates, Cyrillic, CJK, odd whitespace) and over random texts built from the pieces that
matter to it (hypothesis).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.metadata import keywords_abstract as ka

ODD = [
    "", " ", "\n", "\t", "\u00a0", "\u2003", "\u3000", "\x85", "\x1c", "\r\n", "\ud800", "\udfff", "é", "ж", "Ж",
    "中", "关键词", "キーワード", "\u212a", "ſ", "İ", "ı", "ß", "ﬁ", "2024", "10.1234/x", "**", "__", "#", ">",
]


def _pieces_strategy(pieces: list[str], max_size: int = 30) -> st.SearchStrategy[str]:
    """Texts joined from ``pieces`` and arbitrary characters (surrogates included)."""
    piece = st.one_of(st.sampled_from(pieces), st.text(max_size=3))
    return st.lists(piece, max_size=max_size).map("".join)


# --- cues after a sentence end ------------------------------------------------------------------

CUE_PIECES = [
    "Keywords", "keywords", "KEY WORDS", "Key-words", "key  words", "Ключевые слова", "КЛЮЧЕВЫЕ СЛОВА", "Abstract",
    "Аннотация", "Summary", "Резюме", "About the authors", "DOI", "doi", "JEL", "Для цитирования", "Received",
    "Introduction", "mots-clés", "摘要", "概要", "\u212aeywords", "ſummary", "A", "In", "The", "Kelvin", "i",
    ":", ": ", ".", ". ", "!", "?", "»", "”", '"', "“", "«", ",", "—", "-", "–", "：", " ", "  ", "\n", " \n ", "\t",
    "**", "__", "*", "_", *ODD,
]
INNER_TRICKY = [
    "", ".", "\n", "Text. Keywords: a. Then.", "a.\nAbstract. b.\n\nKeywords — c", ".\n" * 5 + "Summary: x",
    "Text.  **Keywords:** a", "Text.__Abstract__ — b", "x» Аннотация: y", "x” Keywords: y", 'x" Abstract. y',
    "Вот.\u00a0Ключевые слова: a", "文.关键词：a", "a!\u3000Summary: b", "a?\tKeywords- b", "a.\u212aeywords: b",
    "a. ſummary: b", "a.\ud800 Keywords: b", "a. Keywords\n: b", "a.\n\nKeywords", "a. ** Keywords:", "a. *Keywords:",
]


def _plain_inner_cue_marks(text: str) -> list[int]:
    """Every mark followed by spaces, bold marks and a cue's first two letters, by one class scan."""
    first = "[" + re.escape("".join(sorted({c[0] for c in ka._KIND_OF}))) + "]"
    second = "[" + re.escape("".join(sorted({c[1] for c in ka._KIND_OF}))) + "]"
    return [m.start() for m in re.finditer(rf"[.!?»”\"\n](?=\s*(?:\*\*|__)?{first}{second})", text, re.IGNORECASE)]


def _spans(ms: list[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[int, int], str | None]]:
    return [(m.span(), m.span("cue"), m.group("sep")) for m in ms]


def _check_inner(text: str) -> None:
    assert ka.inner_cue_marks(text) == _plain_inner_cue_marks(text)
    assert _spans(ka._inner_matches(text)) == _spans(list(ka._INNER_RE.finditer(text)))


@pytest.mark.parametrize("text", INNER_TRICKY + ODD + CUE_PIECES)
def test_inner_cue_matches_table(text: str) -> None:
    _check_inner(text)
    _check_inner("Text. " + text + ". " + text)


@settings(max_examples=1500, deadline=None)
@given(_pieces_strategy(CUE_PIECES))
def test_inner_cue_matches_random(text: str) -> None:
    _check_inner(text)


# --- the cue alternation behind its gate -----------------------------------------------------------

def _ungated(rx: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern with the cue alternation as it reads without its gate."""
    from pipeline.metadata.text import cue_trie_regex

    return re.compile(rx.pattern.replace(ka._ALL, cue_trie_regex(ka._KIND_OF)), rx.flags)


def _check_gated_cues(text: str) -> None:
    start, inner, colon = _ungated(ka._START_RE), _ungated(ka._INNER_RE), _ungated(ka._COLON_RE)
    assert start.pattern != ka._START_RE.pattern
    m, p = ka._START_RE.match(text), start.match(text)
    assert (m and (m.span(), m.span("cue"), m.group("sep"))) == (p and (p.span(), p.span("cue"), p.group("sep")))
    assert _spans(list(ka._INNER_RE.finditer(text))) == _spans(list(inner.finditer(text)))
    assert _spans(list(ka._COLON_RE.finditer(text))) == _spans(list(colon.finditer(text)))


@pytest.mark.parametrize("text", INNER_TRICKY + ODD + CUE_PIECES)
def test_gated_cue_patterns_table(text: str) -> None:
    _check_gated_cues(text)
    _check_gated_cues("**" + text + "** x. " + text + ": y")


@settings(max_examples=1000, deadline=None)
@given(_pieces_strategy(CUE_PIECES))
def test_gated_cue_patterns_random(text: str) -> None:
    _check_gated_cues(text)


@pytest.mark.parametrize(
    ("cues", "gate"),
    [(["key words", "abstract", "doi"], "[adk][beo]"), (["a b", "cd"], "[ac]"), ([], ""), (["x"], "[x]"),
     (["a.b", "a-b"], "[a]"), (["关键词", "摘要"], "[关摘][要键]")],
)
def test_cue_start_classes_table(cues: list[str], gate: str) -> None:
    from pipeline.metadata.text import cue_start_classes, cue_trie_regex

    assert cue_start_classes(cues) == gate
    trie = re.compile(cue_trie_regex(cues), re.IGNORECASE) if cues else None
    if trie is not None:
        gated = re.compile(f"(?={gate})" + trie.pattern, re.IGNORECASE)
        for text in cues + [c.upper() for c in cues] + ["A  B", "a\u00a0b", "A-B", "ab", "", "\u212a"]:
            assert [m.span() for m in gated.finditer(text)] == [m.span() for m in trie.finditer(text)]


# --- squashing spared --------------------------------------------------------------------------------

SQUASH_TRICKY = [
    "", " ", "a", "  a\u00a0 b  ", "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\u2028\u3000", "Вестник\u2003МГИМО",
    "中文 文本", "\ud800 x", "x" * 299, "x " * 150, " x" * 300, "y" * 300, "10.1234/abc", "doi:\u00a010.1/x",
    "DOI 10.31857/1234-5678-2023-2-\n17-31", "1 0.1234/x", "10 .1234", "Вестник МГИМО. 2023. Т. 16, № 2. С. 7–29",
    "Oriental Studies 2024, 3", "1 9 2 0", "2\u00a00", " 19 ", "x" * 240 + " 2020", "x " * 120 + "2020",
]


def _squash_pieces() -> list[str]:
    return [*SQUASH_TRICKY, *ODD, "University", "университет", "Institute of", "?", "2019", "20", "19",
            "Vol. 5", "No. 3", "pp. 11–31", "№ 2", ",", ".", " ", "\n", "It", "is", "done."]


@pytest.mark.parametrize("text", SQUASH_TRICKY + ODD)
def test_nonspace_count_bounds_the_squashed_length(text: str) -> None:
    from pipeline.metadata.text import nonspace_count, squash

    assert nonspace_count(text) == len(text) - sum(map(str.isspace, text))
    assert nonspace_count(text) <= len(squash(text)) <= len(text)


def _plain_is_body_line(line: str) -> bool:
    from pipeline.metadata.text import ends_sentence, squash, word_count

    x = squash(line)
    return len(x) >= 300 or (word_count(x) >= 12 and ends_sentence(x))


def _plain_is_affiliation(text: str) -> bool:
    from pipeline.metadata.authors import INSTITUTION_WORDS
    from pipeline.metadata.text import squash

    t = squash(text)
    return len(t) < 400 and bool(INSTITUTION_WORDS.search(t)) and not t.endswith("?")


def _plain_parse_issue_line(line: str) -> object:
    """parse_issue_line as it read with the squash first: the same function on the squashed line
    (squashing twice changes nothing), with the old tests on it."""
    from pipeline.metadata import venue
    from pipeline.metadata.text import squash

    text = squash(line)
    if not text or len(text) > 240 or ("19" not in text and "20" not in text):
        return None
    return venue.parse_issue_line(text)


def _check_squash_spared(text: str) -> None:
    import pipeline.metadata as md
    from pipeline.metadata import authors, identifiers, venue
    from pipeline.metadata.text import squash

    assert md._is_body_line(text) == _plain_is_body_line(text)
    assert md._is_body(text, "paragraph") == any(_plain_is_body_line(x) for x in text.split("\n") if x.strip())
    assert authors.is_affiliation(text) == _plain_is_affiliation(text)
    assert venue.parse_issue_line(text) == _plain_parse_issue_line(text) == venue.parse_issue_line(squash(text))
    if "10." not in text:  # the test _doi makes before squashing
        assert identifiers.doi_statement(squash(text)) is None and identifiers.labelled_doi(text) is None


@pytest.mark.parametrize("text", SQUASH_TRICKY + ODD)
def test_squash_spared_table(text: str) -> None:
    _check_squash_spared(text)
    _check_squash_spared(text * 40)
    _check_squash_spared("Moscow State University, " * 20 + text)


@settings(max_examples=1000, deadline=None)
@given(_pieces_strategy(_squash_pieces(), max_size=60))
def test_squash_spared_random(text: str) -> None:
    _check_squash_spared(text)


# --- years -------------------------------------------------------------------------------------------

YEAR_PIECES = ["1", "2", "0", "16", "19", "20", "2024", "1599", "1600", "1999", "2100", "٢٠٢٤", "２０２４", "20٢4",
               "-", "/", ".", " ", "\u00a0", "\n", "x", "é", "中", "\ud800", "May"]
_PLAIN_YEAR_TESTS = {
    "any": re.compile(r"(?:1[6-9]|20)\d\d"),
    "then -/": re.compile(r"(?:1[6-9]|20)\d\d[-/]"),
    "after ./": re.compile(r"[./](?:1[6-9]|20)\d\d"),
    "after a space": re.compile(r"\s(?:1[6-9]|20)\d\d"),
}


def _check_years(text: str) -> None:
    from pipeline.metadata import dates

    fast = {"any": dates._ANY_YEAR, "then -/": dates._NEEDS[0], "after ./": dates._NEEDS[1],
            "after a space": dates._NEEDS[2]}
    for name, plain in _PLAIN_YEAR_TESTS.items():
        assert dates._holds(text, fast[name]) is (plain.search(text) is not None), (name, text)
    assert dates.has_year(text) is (_PLAIN_YEAR_TESTS["any"].search(text) is not None)


@pytest.mark.parametrize("text", YEAR_PIECES + ODD + ["x2024-", " 1999", "./2020", "/1700", "x\u20032024", "16199", "2" * 9])
def test_year_tests_table(text: str) -> None:
    _check_years(text)


@settings(max_examples=2000, deadline=None)
@given(_pieces_strategy(YEAR_PIECES))
def test_year_tests_random(text: str) -> None:
    _check_years(text)


# --- www, and the DOI blocks found once -----------------------------------------------------------------

WWW_PIECES = ["www.", "WWW.", "wWw.", "ww.", "w.", "W.", "w", "W", ".", "x", " ", "ѷ", "\u0177", "ŵ", "Ｗ", *ODD]


@settings(max_examples=1000, deadline=None)
@given(_pieces_strategy(WWW_PIECES))
def test_has_www_random(text: str) -> None:
    from pipeline.metadata.notes import _WWW_RE, _has_www

    assert _has_www(text) is (_WWW_RE.search(text) is not None)


def _plain_doi(doc: object, header_end: int, skip: set[int]) -> str | None:
    """_doi as it read before the blocks holding "10." were listed once (in its present order: the
    header area, then the page furniture, then DOI lines in the body)."""
    from pipeline.metadata import identifiers, venue
    from pipeline.metadata.text import squash, unique

    found: list[str] = []
    for i, b in enumerate(doc.blocks):  # type: ignore[attr-defined]
        if i in skip:
            continue
        if i < header_end or venue.CITATION_CUE_RE.match(b.text):
            d = identifiers.doi_statement(squash(b.text)) or identifiers.labelled_doi(b.text)
            if d:
                found.append(d)
    for line in doc.furniture:  # type: ignore[attr-defined]
        d = identifiers.doi_statement(line) or identifiers.labelled_doi(line)
        if d:
            found.append(d)
    for i, b in enumerate(doc.blocks):  # type: ignore[attr-defined]
        if i in skip or "10." not in b.text:
            continue
        for line in b.text.split("\n"):
            if "10." in line and (d := identifiers.doi_statement(squash(line))):
                found.append(d)
    found = unique(found)
    if len(found) > 1:
        doc.warnings.append(f"metadata: several DOIs printed as the article's own, kept the first: {', '.join(found)}")  # type: ignore[attr-defined]
    return found[0] if found else None


DOI_BLOCKS = ["DOI: 10.1234/abc", "doi 10.31857/1234-5678-2023-2-\n17-31", "Для цитирования: X // Y. 2023. DOI: 10.5/q",
              "For citation: A. B. https://doi.org/10.9999/Z.1", "10.1000/xyz", "Text 10.1 percent.", "Plain text.",
              "x\n10.2000/line\ny", " 10.3000/a ", "doi:\u00a010.4000/b", "10 .1234/x", "", "Cite as: 10.5555/c"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(DOI_BLOCKS + ODD), max_size=8), st.integers(0, 8), st.sets(st.integers(0, 8)),
       st.lists(st.sampled_from(DOI_BLOCKS), max_size=2))
def test_doi_blocks_found_once_random(texts: list[str], header_end: int, skip: set[int], furniture: list[str]) -> None:
    import pipeline.metadata as md
    from pipeline.document import Block, Document, Source

    docs = []
    for _ in range(2):
        doc = Document(source=Source(path="a.txt"))
        doc.blocks = [Block("paragraph", t) for t in texts]
        doc.furniture = list(furniture)
        docs.append(doc)
    assert md._doi(docs[0], header_end, skip) == _plain_doi(docs[1], header_end, skip)
    assert docs[0].warnings == docs[1].warnings


# --- dates: digit-first scans, the gated month names ----------------------------------------------------

DATE_PIECES = ["5", "28", "12", "31", "0", "4", "2024", "1999", "1700", "1599", "٢", "２", "May", "мая", "MAY", "Dec.",
               "Mai", "\u212awiecień", "ſeptember", "ᲁекабря", "of", "th", "-го", "е", " ", "  ", "\n", "\u00a0", ",",
               ".", "/", "-", "г.", "года", "x", "(", ":", "_", "1.", ".2024", "2024-", " 2024", *ODD]


def _ungated_date_pattern(rx: re.Pattern[str]) -> re.Pattern[str]:
    from pipeline.metadata import dates
    from pipeline.metadata.text import cue_trie_regex

    return re.compile(rx.pattern.replace(dates._MONTH_ALT, cue_trie_regex(dates.MONTHS)), rx.flags)


def _check_dates(text: str) -> None:
    from pipeline.metadata import dates

    for scan, plain in zip(dates._SCANS, dates._PATTERNS, strict=True):
        for rx in (scan, _ungated_date_pattern(plain)):
            assert [(m.span(), m.groupdict()) for m in rx.finditer(text)] == \
                [(m.span(), m.groupdict()) for m in plain.finditer(text)], (rx.pattern, text)


@pytest.mark.parametrize("text", DATE_PIECES + ["5 May 2024", "2024-05-28", "28.12.2020", "May 5, 2024", "мая\n2024 г.",
                                                "1.2.2024-1-1 2024", "x5 May 2024", "а5 мая 2024", "12/28/2020",
                                                "05.05.2024", "1.05.2024", "42.05.2024", "\u212awiecień 2024"])
def test_date_scans_table(text: str) -> None:
    _check_dates(text)
    _check_dates("x" + text + " " + text)


@settings(max_examples=2000, deadline=None)
@given(_pieces_strategy(DATE_PIECES))
def test_date_scans_random(text: str) -> None:
    _check_dates(text)
