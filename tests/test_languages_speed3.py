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


def _violations_reference(text: str, langs: list[str]) -> dict[str, int]:
    low = text.lower()
    return {lang: len(rx.findall(low)) if (rx := cues.CYR_FORBIDDEN_RE.get(lang)) else 0 for lang in langs}


def test_cp1251_lower_case_is_the_str_lower_case_of_every_character() -> None:
    for b, ch in enumerate(bytes([b]).decode("cp1251", "replace") for b in range(256)):
        if ch == "\ufffd":
            continue  # 0x98: no character
        assert ch.lower().encode("cp1251") == bytes([cues._CP1251_LOWER[b]]), hex(b)


def test_cp1251_range_is_every_cp1251_character_the_forbidden_pattern_reads() -> None:
    assert set(cues._CYR_RANGE) == {c for c in cues._CP1251_CHARS if "\u0400" <= c <= "\u052f"}
    for lang, abc in cues._CYR_SETS.items():
        kept = bytes(range(256)).translate(None, cues._CP1251_FORBIDDEN[lang]).decode("cp1251")
        assert set(kept) == {c for c in cues._CP1251_CHARS if cues.CYR_FORBIDDEN_RE[lang].fullmatch(c)} - set(abc)


_CYR_LANGS = list(cues._CYR_SETS)
_VIOLATION_TEXTS = [
    "",
    "мысли о дипломатии",
    "Объект съезд ЪЕ ъ ъя ъъ във държава",
    "шофьор синьо ЬО ь, мальчик",
    "Ключові слова: Україна, ЄС, Ґанок, їжак",
    "Ўсё ў парадку, беларуская мова",
    "Љубљана, Његош, Ђорђе, Ћуприја, Џеп, Ѓорѓи, Ќе, Ѕвезда",
    "ѐ ѝ Ѐ Ѝ (not cp1251)",
    "Қазақ тілі әліпбиі",
    "Café Straße — «кавычки» № 5 „тест“ …",
    "lone \ud800 surrogate и ы",
    "中文 и ы",
    "tab\tnbsp\xa0em\u2003 и ы",
    "İstanbul и ы ΣΑΣ",
]


@pytest.mark.parametrize("text", _VIOLATION_TEXTS)
@pytest.mark.parametrize("langs", [_CYR_LANGS, ["ru", "uk", "bg"], ["en", "ru"], ["en"], []])
def test_cyrillic_violations_from_cp1251_bytes_are_the_pattern_counts(text: str, langs: list[str]) -> None:
    assert cues.cyrillic_violations(text, langs) == _violations_reference(text, langs)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(cues._CP1251_CHARS + "ѐѝ\u0400\u052fәİΣ"), max_size=80))
def test_cyrillic_violations_from_cp1251_bytes_on_random_text(text: str) -> None:
    assert cues.cyrillic_violations(text, _CYR_LANGS) == _violations_reference(text, _CYR_LANGS)


def test_signature_letters_in_either_case_are_every_character_lowering_to_one() -> None:
    import sys

    for lang, letters in cues._SIGNATURE.items():
        lowering_to = {c for c in map(chr, range(sys.maxunicode + 1)) if any(s in c.lower() for s in letters)}
        assert lowering_to == set(cues._SIGNATURE_ANY_CASE[lang]), lang


@pytest.mark.parametrize("text", _VIOLATION_TEXTS + ["ІНСТИТУТ " * 10, "Їжак і є " * 10, "ЎЎЎ " * 30, "и" * 80])
def test_compatible_with_signature_in_either_case_is_the_lower_case_check(text: str) -> None:
    langs = _CYR_LANGS
    v = cues.cyrillic_violations(text, langs)
    for letters in (0, 59, 60, len(text)):
        got = cues.compatible(text, letters, langs, "Cyrl", violations=v)
        ref = dict(v)
        if letters >= cues.SIGNATURE_MIN_LETTERS:
            low = text.lower()
            for lang, signature in cues._SIGNATURE.items():
                if lang in ref and not any(map(low.__contains__, signature)):
                    ref[lang] += letters
        best = min(ref.values())
        tol = int(letters * 0.005)
        if letters >= cues.NO_FIT_MIN_LETTERS and best > cues.NO_FIT_SHARE * letters:
            assert got == []
        else:
            assert got == [lang for lang in langs if ref[lang] <= best + tol]


def test_cp1251_word_bytes_are_the_letters_of_the_word_pattern() -> None:
    from pipeline.languages import label

    for b in range(256):
        ch = bytes([b]).decode("cp1251", "replace")
        kept = b != 32 and label._CP1251_WORD_BYTES[b] == b
        assert kept == bool(label._WORD_RE.fullmatch(ch)), hex(b)
        assert label._CP1251_WORD_BYTES[b] in (b, 32)


@pytest.mark.parametrize("text", [*_VIOLATION_TEXTS, "слово_слово 2024г. ½ ² №5 ю-ю", "µ ª º мкм"])
def test_lower_words_from_cp1251_bytes_are_the_unicode_words(text: str) -> None:
    from pipeline.languages import label

    low = text.lower()
    assert label.lower_words(low) == label._WORD_RE.findall(low)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(cues._CP1251_CHARS + "ѐé\u00a0\u2003_2"), max_size=80))
def test_lower_words_from_cp1251_bytes_on_random_text(text: str) -> None:
    from pipeline.languages import label

    low = text.lower()
    assert label.lower_words(low) == label._WORD_RE.findall(low)
