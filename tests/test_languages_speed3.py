"""Shortcuts of the languages stage (third round) against the general paths they replace."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.languages import cues
from pipeline.languages.script import Run

_ALL_LANGS = tuple(cues.STOPWORDS)
# Candidate lists that occur (the Latin and Cyrillic languages of the default configuration) and
# ones where many words are shared by three or more candidates (the word-by-word path).
_CANDS = [
    ("en", "de", "fr", "es", "it", "pt", "pl"),
    ("ru", "uk", "bg", "be", "sr", "mk"),
    ("ru", "bg"),
    ("ru", "uk"),
    ("es", "pt"),
    ("fr", "es", "pt"),
    ("en",),
    ("de", "en"),
    (),
    ("en", "xx"),
    _ALL_LANGS,
]
_VOCAB = sorted(cues._OWNERS)
_TOKENS = [
    [],
    [""],
    ["the", "role", "of", "die"],
    ["la", "que", "un", "entre", "the"],  # shared by three Latin candidates
    ["на", "и", "в", "не", "що", "і"],
    ["\ud800", "the", "\udfff", "of"],  # lone surrogates are no function words
    ["中文", "の", "the", "\u00a0", "the\u2009of"],
    ["The", "OF", "ﬁ", "straße", "и"],  # not lower case: no hits
    _VOCAB,
    _VOCAB[::-1] * 3,
]


def _reference(tokens: list[str], langs: tuple[str, ...]) -> dict[str, float]:
    owners_of = cues._owners_among(langs)
    return cues._scores(cues._hit_counts(tokens, owners_of), langs, owners_of)


def _same(a: dict[str, float], b: dict[str, float]) -> bool:
    """Equal keys in the same order and bit-identical floats."""
    return list(a) == list(b) and all(a[k].hex() == b[k].hex() for k in a)


@pytest.mark.parametrize(("tokens", "langs"), list(itertools.product(_TOKENS, _CANDS)))
def test_stopword_scores_by_group_are_the_word_by_word_scores(tokens: list[str], langs: tuple[str, ...]) -> None:
    assert _same(cues.stopword_scores(tokens, langs), _reference(tokens, langs))
    assert _same(cues.stopword_scores(iter(tokens), list(langs)), _reference(tokens, langs))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(st.sampled_from(_VOCAB), st.text(max_size=4)), max_size=400),
    st.lists(st.sampled_from(_ALL_LANGS), unique=True, max_size=8),
)
def test_stopword_scores_by_group_on_random_words(tokens: list[str], langs: list[str]) -> None:
    assert _same(cues.stopword_scores(tokens, langs), _reference(tokens, tuple(langs)))


@pytest.mark.parametrize("langs", _CANDS)
@pytest.mark.parametrize("n", [0, 1, 149, 150, 151, 400])
def test_run_stopword_scores_by_group_are_the_word_by_word_scores(langs: tuple[str, ...], n: int) -> None:
    words = list(itertools.islice(itertools.cycle(["la", "the", "und", "de", "x", "и", "на", "que"]), n))
    for order in ([None, 150], [150, None], [None], [150], [10, None, 150]):
        run = Run("Latn", 0, 1, 1, len(words), parts=[" ".join(words)], toks=words, lowered=words)
        for limit in order:
            got = cues.run_stopword_scores(run, langs, limit)
            assert _same(got, _reference(words[:limit], langs)), (n, order, limit)


def test_code_scores_refuse_groups_of_three() -> None:
    among = cues._groups_among(("fr", "es", "it"))
    codes = cues._hit_codes(["la"], among)
    assert cues._code_scores(codes, ("fr", "es", "it"), among) is None
    assert cues._code_scores("", ("fr", "es", "it"), among) == {"fr": 0.0, "es": 0.0, "it": 0.0}


@pytest.mark.parametrize(
    "text",
    [
        "",
        "x‐\x02y and z",
        "x’\x01y and z",
        "x\x01y\x02z plain",
        "it’s a ‐ test -- of ’’ joiners",
        "no wide joiners here — only “quotes”",
        "a lone \ud800 surrogate’s",
        "Кириллица’s",
        "中文’s",
        "tab\tand\u2003em space’s",
    ],
)
def test_plain_words_with_wide_joiners_are_the_regex_words(text: str) -> None:
    """The wide joiners and their stand-ins are looked for as characters and integers: the same
    blocks are taken, and read as the regular expression reads them."""
    from pipeline.languages import script as sc

    got = sc._plain_words(text)
    taken = all(c.isascii() or sc._NOT_PLAIN_PUNCT.search(c) is None for c in text) and not (
        any(w in text for w in "’‐") and any(c in text for c in "\x01\x02")
    )
    assert (got is not None) == taken
    if got is not None:
        toks = sc._LAT_WORD.findall(text.lower())
        assert got == (toks, sc.count_letters(toks))
