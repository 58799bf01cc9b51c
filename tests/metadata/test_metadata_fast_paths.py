"""The metadata stage's faster forms of its searches give exactly what the plain forms give.

Each fast path (a trie-shaped cue regex, cue matches tried only where one can start, ...) is checked
against the plain form it replaces on a table of tricky texts and on seeded random texts built from
cue words, separators, markup and punctuation.
"""

from __future__ import annotations

import random
import re

import pytest

from pipeline.metadata import keywords_abstract as ka
from pipeline.metadata.text import cue_regex, cue_trie_regex

PIECES = [
    "Keywords", "keywords", "KEY WORDS", "Key-words", "key  words", "Ключевые слова", "КЛЮЧЕВЫЕ СЛОВА",
    "Abstract", "abstract", "Аннотация", "Summary", "Резюме", "About the author", "About the authors",
    "Information about the authors", "information about the author", "DOI", "doi", "JEL", "JEL classification",
    "Для цитирования", "Received", "Introduction", "mots-clés", "Mots clés", "关键词", "摘要", "キーワード",
    "China", "Russia", "trade", "энергетика", "word", "Kelvin", "\u212aeywords",
    ":", ": ", " : ", ".", ". ", "!", "?", "»", "”", '"', ",", ";", "—", "-", "–", "：",
    " ", "  ", "\n", "\n\n", " \n ", "\t", "**", "__", "# ", "> ", "10.1234/abc", "2024",
]


def random_texts(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 40))) for _ in range(n)]


TRICKY = [
    "",
    ":",
    "Keywords: a, b",
    "Text. Keywords: a, b. Abstract. Text.",
    "нефть и газ Для цитирования: Иванов И.И.",
    "word  \n  **Keywords:**  a",
    "x information about the authors: y about the authors: z",
    "a.\nAbstract. b.\n\nKeywords — c",
    "a Keywords Abstract: b",
    "a keywords: Abstract: b",
    "a Key   -  words   :   b",
    ".\n" * 5 + "Summary: x",
    "\u212aeywords: a",
    "a \u212aeywords: b",
]


def _spans(ms: list[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[int, int], str | None]]:
    return [(m.span(), m.span("cue"), m.group("sep")) for m in ms]


@pytest.mark.parametrize("text", TRICKY)
def test_cue_matches_tried_where_they_can_start_are_the_same(text: str) -> None:
    assert _spans(ka._inner_matches(text)) == _spans(list(ka._INNER_RE.finditer(text)))
    assert _spans(ka._colon_matches(text)) == _spans(list(ka._COLON_RE.finditer(text)))


def test_cue_matches_tried_where_they_can_start_are_the_same_on_random_texts() -> None:
    for text in random_texts(3000):
        assert _spans(ka._inner_matches(text)) == _spans(list(ka._INNER_RE.finditer(text))), text
        assert _spans(ka._colon_matches(text)) == _spans(list(ka._COLON_RE.finditer(text))), text


CUES = list(ka.KEYWORD_CUES + ka.ABSTRACT_CUES + ka.STOP_CUES)


def test_cue_trie_regex_matches_what_cue_regex_matches() -> None:
    plain = re.compile(f"(?:{cue_regex(CUES)})", re.IGNORECASE)
    trie = re.compile(cue_trie_regex(CUES), re.IGNORECASE)
    for text in TRICKY + random_texts(1000, seed=11):
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)], text


@pytest.mark.parametrize(
    "cues, text, found",
    [
        (["about the author", "about the authors"], "About the authors", ["About the authors"]),
        (["key words", "keywords", "abstract"], "KEY - WORDS keywords Abstract", ["KEY - WORDS", "keywords", "Abstract"]),
        (["doi"], "ДОИ", []),
    ],
)
def test_cue_trie_regex_table(cues: list[str], text: str, found: list[str]) -> None:
    assert re.findall(cue_trie_regex(cues), text, re.IGNORECASE) == found


def test_span_lang_with_the_blocks_segment_spans_given_is_the_same() -> None:
    from pipeline.document import Block, Document, Segment, Source
    from pipeline.metadata.text import segment_spans, span_lang

    text = "Ключевые слова: Китай, Россия. Keywords: China, Russia. Аннотация. Текст."
    doc = Document(source=Source(path="a.txt"))
    doc.blocks = [Block("paragraph", text)]
    cut, cut2 = text.index("Keywords"), text.index("Аннотация")
    doc.segments = [Segment("ru", "paragraph", text[:cut].strip(), block=0),
                    Segment("en", "paragraph", text[cut:cut2].strip(), block=0),
                    Segment("ru", "paragraph", text[cut2:], block=0)]
    doc.languages = {"ru": 0.6, "en": 0.4}
    spans = segment_spans(doc, 0)
    assert [lang for _s, _e, lang in spans] == ["ru", "en", "ru"]
    for start in range(0, len(text), 7):
        for end in range(start + 1, len(text) + 1, 11):
            assert span_lang(doc, 0, start, end, spans) == span_lang(doc, 0, start, end)
    assert span_lang(doc, 0, cut, cut + 20, spans) == "en"


def test_many_cues_in_one_block() -> None:
    parts = ka.find_cues("Text. " + "Keywords: a, b. " * 3000)
    assert len(parts) == 3000 and {p.kind for p in parts} == {"keywords"}


@pytest.mark.parametrize(
    ("text", "found"),
    [("5 May 2024", True), ("Published: 5 May", False), ("1599 and 2100", False), ("x1600x", True), ("", False)],
)
def test_has_year_table(text: str, found: bool) -> None:
    from pipeline.metadata.dates import has_year

    assert has_year(text) is found


def test_a_text_without_a_year_holds_no_date() -> None:
    from pipeline.metadata.dates import find_dates, has_year

    for text in random_texts(300, seed=11) + ["Published: 5 May 24", "Опубликовано: 5 мая 2024 г.", "12.05.1999"]:
        if not has_year(text):
            assert find_dates(text) == []
        assert has_year(text) == has_year(" ".join(text.split()))  # squashing keeps the answer


@pytest.mark.parametrize(
    ("text", "found"),
    [("See WWW.x.org", True), ("wWw.x", True), ("ww.x", False), ("new. www x", False), ("Moscow.", False), ("", False)],
)
def test_has_www_reads_www_as_url_re_does(text: str, found: bool) -> None:
    from pipeline.metadata.notes import _WWW_RE, _has_www

    assert _has_www(text) is found is (_WWW_RE.search(text) is not None)


DATE_PIECES = ["5", "28", "12", "2024", "1999", "1700", "May", "мая", "Dec.", "of", "th", " ", "  ", "\n", ",", ".",
               "/", "-", "г.", "x", "(", ":", "accessed", "Published", " 2024", "May ", "5 ", ".2024", "2024-"]


def _plain_find_dates(text: str, day_first: bool = True) -> list[tuple[int, int, str]]:
    """find_dates as it reads without the tests that spare searches (the per-pattern tests, and each
    pattern's leading first-character lookahead)."""
    from pipeline.metadata import dates

    found: list[tuple[int, int, str]] = []
    for fast in dates._PATTERNS:
        assert fast.pattern.startswith("(?=")
        pat = re.compile(fast.pattern[fast.pattern.index(")") + 1 :], fast.flags)
        for m in pat.finditer(text):
            if any(m.start() < e and s < m.end() for s, e, _iso in found):
                continue
            iso = dates._from_match(m, day_first)
            if iso:
                found.append((m.start(), m.end(), iso))
    return sorted(found)


def test_find_dates_with_its_pattern_tests_finds_what_the_plain_search_finds() -> None:
    from pipeline.metadata.dates import find_dates

    rng = random.Random(5)
    texts = ["".join(rng.choice(DATE_PIECES) for _ in range(rng.randint(1, 30))) for _ in range(3000)]
    texts += ["5 May 2024", "2024-05-28", "28.12.2020", "May 5, 2024", "мая\n2024 г.", "1.2.2024-1-1 2024"]
    for text in texts:
        for day_first in (True, False):
            got = [(f.start, f.end, f.iso) for f in find_dates(text, day_first)]
            assert got == _plain_find_dates(text, day_first), text


@pytest.mark.parametrize(
    ("alternation", "letters"),
    [(r"posted(?:\s+on)?|issued|дата\s+выхода", "[ipд]"), (r"a(?:b|c)|d", "[ad]"), ("x", "[x]")],
)
def test_first_letters_table(alternation: str, letters: str) -> None:
    from pipeline.metadata.dates import first_letters

    assert first_letters(alternation) == letters


def test_cue_regexes_with_their_first_letter_lookahead_match_what_the_plain_ones_match() -> None:
    from pipeline.metadata import dates

    plain = {
        dates.PUBLISHED_CUE_RE: re.compile(rf"(?<!\w)(?:{dates.PUBLISHED_CUES})\s*(?:[:\-–—]|on)?\s*", re.IGNORECASE),
        dates.ACCESS_CUE_RE: re.compile(rf"(?<!\w)(?:{dates.ACCESS_CUES})\s*[:.\-–—]?\s*", re.IGNORECASE),
    }
    pieces = DATE_PIECES + ["PUBLISHED", "published on", "Posted", "Опубликовано", "ДАТА ПУБЛИКАЦИИ", "Retrieved",
                            "дата обращения", "Last accessed", "consulté le", "xposted", "Issued:", "VERÖFFENTLICHT"]
    rng = random.Random(3)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 25))) for _ in range(2000)]
    for fast, slow in plain.items():
        for text in texts:
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)], text


def test_letter_and_space_counts_judge_every_character_as_str_does() -> None:
    """letter_count and space_count (ASCII counted in the bytes) against str.isalpha and str.isspace,
    for every character, alone and after ASCII text."""
    import sys

    from pipeline.metadata.text import letter_count, space_count

    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        for t in (c, "ab 1" + c):
            assert letter_count(t) == sum(map(str.isalpha, t)), hex(cp)
            assert space_count(t) == sum(map(str.isspace, t)), hex(cp)


def test_letter_and_space_counts_on_random_texts() -> None:
    from pipeline.metadata.text import letter_count, letters_share, space_count

    rng = random.Random(11)
    pool = list("abcXYZ 019,.;:\t\n\x1c\x1f_-") + list("éжЖ中\u00a0\u2003\u0301²ℓ\x85\u3000\ud800")
    for _ in range(3000):
        t = "".join(rng.choices(pool, k=rng.randint(0, 40)))
        assert letter_count(t) == sum(map(str.isalpha, t)), t
        assert space_count(t) == sum(map(str.isspace, t)), t
        visible = len(t) - sum(map(str.isspace, t))
        assert letters_share(t) == (sum(map(str.isalpha, t)) / visible if visible else 0.0)


def _urls_by_plain_search(text: str) -> list[str]:
    from pipeline.metadata import notes
    from pipeline.metadata.text import unique

    return unique(u for m in notes.URL_RE.finditer(text) if len(u := notes.trim_url(m.group(0))) > len("www.") + 3)


def test_find_urls_with_its_quick_tests_finds_what_the_plain_search_finds() -> None:
    from pipeline.metadata import notes

    rng = random.Random(5)
    pool = ["http", "https", "ftp", "://", ":/", "/", ":", "www", "WWW", "wWw", ".", "w.", "example", "org", " ", "(", ")"]
    texts = ["see https://x.org/a", "www.example.org", "a/b c://d", "WwW.x.ru and http:/x", "no url here"]
    texts += ["".join(rng.choices(pool, k=rng.randint(0, 12))) for _ in range(3000)]
    for t in texts:
        assert notes.find_urls(t) == _urls_by_plain_search(t), t


def test_no_venue_keys_no_venue_line() -> None:
    import pipeline.metadata as m

    for t in ["Review of Urban Affairs", "", "202 Вестник МГИМО 12(3)"]:
        assert m._is_venue_line(t, frozenset()) is False
        assert m._is_venue_line(t, frozenset({"review of urban affairs"})) == (t == "Review of Urban Affairs")


@pytest.mark.parametrize(
    "text",
    ["Report. URL: https://www.example.gov/x/ (accessed: 27.07.2024).", "See www.x.org and http://y.ru/a.", "Ibid., p. 5."],
)
def test_footnote_with_its_urls_given_is_the_same(text: str) -> None:
    from pipeline.document import Footnote
    from pipeline.metadata import notes

    note = Footnote("1", text)
    assert notes.enrich_footnote(note, True, notes.find_urls(text)) == notes.enrich_footnote(note, True)
