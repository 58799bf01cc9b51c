"""The languages stage's faster forms give exactly what the plain forms give."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from langdetect.lang_detect_exception import LangDetectException

from pipeline.languages import detect as d

TEXTS = [
    "Это предложение написано по-русски, и в нём есть несколько слов.",
    "Це речення написане українською мовою, і в ньому є кілька слів.",
    "Това изречение е написано на български език и има няколко думи.",
    "This sentence is written in English and has a few words in it.",
    "Dieser Satz ist auf Deutsch geschrieben und hat einige Wörter.",
    "Cette phrase est écrite en français et contient quelques mots.",
    "Esta frase está escrita en español y tiene algunas palabras.",
    "这句话是用中文写的，里面有几个词。",
    "Trade Wars and Energy Security: Russia, China and the Arctic 2024",
    "12345 67890",
]
CANDIDATES = [["ru", "uk", "bg"], ["en", "de", "fr", "es"], ["en", "fr"], ["zh", "ja"], ["uk", "ru"]]


def _probabilities(det: object) -> object:
    try:
        return [(p.lang, p.prob) for p in det.get_probabilities()]  # type: ignore[attr-defined]
    except LangDetectException as e:
        return str(e)


@pytest.mark.parametrize("text", TEXTS)
def test_candidate_detector_gives_langdetects_own_probabilities(text: str) -> None:
    f = d.factory()
    for cands in CANDIDATES:
        prior = {n: 1.0 for c in cands for n in d._LD_NAMES.get(c, (c,)) if n in f.get_lang_list()}
        for seed in (0, 1, 7):
            got = []
            for det in (f.create(), d.CandidateDetector(f)):
                det.seed = seed
                det.set_max_text_length(500)
                det.set_prior_map(prior)
                det.append(text)
                got.append(_probabilities(det))
            assert got[0] == got[1], (cands, seed)


def test_cyrillic_violations_count_what_the_per_language_patterns_find() -> None:
    import random

    from pipeline.languages import cues

    rng = random.Random(2)
    pool = [chr(c) for c in range(0x400, 0x530)] + list("ъеёюяьо ЪЬ") * 20 + list("abc Ѐ")
    texts = TEXTS + ["".join(rng.choice(pool) for _ in range(rng.randint(0, 80))) for _ in range(3000)]
    langs = [*cues.CYR_FORBIDDEN_RE, "en"]
    for text in texts:
        low = text.lower()
        expected = {lang: len(rx.findall(low)) if (rx := cues.CYR_FORBIDDEN_RE.get(lang)) else 0 for lang in langs}
        assert cues.cyrillic_violations(text, langs) == expected, text


# --- script runs in bulk --------------------------------------------------------------------------

_RUN_ALPHABET = "abcXYZéÅßпрoблемаЖЁіїъ习近平のテ\u0301\u0483'’-‐ .,;:!?()«»—/@1234\n"
_RUN_TEXTS = [
    "BRICS и КНР",
    "习近平提出，推动构建人类命运共同体 [Си Цзиньпин выступил с идеей]",
    "Keywords: BRICS, ШОС; China's Russia-Ukraine п’ять во-первых",
    "e\u0301te\u0301 и приве\u0301т, A-B-C-D-E-F UNESCO ООН",
    "日本語のテキスト and English, ひらがな only",
    "see https://example.org/путь/page.html and www.пример.рф",
    "",
    "1234 — .,;",
]


def _bulk_applies(masked: str) -> bool:
    from pipeline.languages import script

    applies = script._OTHER_LETTER.search(masked) is None and script._CONTACT.search(masked) is None
    if script._OTHER_LETTER.search(masked) is None:  # script_runs spots the contact itself
        assert (script.script_runs(masked) is not None) == applies
    return applies


@pytest.mark.parametrize("text", _RUN_TEXTS)
def test_script_runs_are_the_word_by_word_runs(text: str) -> None:
    from pipeline.languages.script import mask_neutral, runs, script_runs, words

    masked = mask_neutral(text)
    assert _bulk_applies(masked)
    assert script_runs(masked) == runs(words(text, masked))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_RUN_ALPHABET, max_size=80))
def test_script_runs_match_words_on_random_text(text: str) -> None:
    from pipeline.languages.script import mask_neutral, runs, script_runs, words

    masked = mask_neutral(text)
    if _bulk_applies(masked):
        assert script_runs(masked) == runs(words(text, masked))


@pytest.mark.parametrize("text", ["прoблема", "ℓ-adic", "Ελλάδα and Греция", "abc\u0301где", "где\u0483\u0301abc"])
def test_blocks_script_runs_cannot_read_go_word_by_word(text: str) -> None:
    from pipeline.languages.script import mask_neutral

    assert not _bulk_applies(mask_neutral(text))


# --- what a run works out once ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "words_",
    [
        ["ΟΔΟΣ", "ΣΟΦΟΣ", "Σ", "ΑΣ'Σ"],
        ["The", "Role", "of", "İstanbul", "in", "the", "ARCTIC"],
        [f"W{chr(0x3b1 + i % 25)}Σ" for i in range(300)],
    ],
)
def test_run_tokens_of_a_prefix_are_the_prefix_of_its_tokens(words_: list[str]) -> None:
    from pipeline.languages.script import Run

    for limit in (1, 2, 3, 150, None):
        fresh = Run("Latn", 0, 0, 0, 0, parts=list(words_))
        # What lowering only the first ``limit`` words gives.
        assert fresh.tokens(limit) == " ".join(words_[:limit]).lower().split(" ")
        assert fresh.tokens(limit) == fresh.tokens()[:limit]


def test_run_stopword_scores_are_stopword_scores_and_follow_changes_to_the_run() -> None:
    from pipeline.languages import cues
    from pipeline.languages.script import Run

    langs = ["en", "de", "fr", "es", "it", "pt", "pl"]
    run_ = Run("Latn", 0, 0, 0, 0, parts="the role of the state in der Welt und die".split())
    for limit in (2, 5, 150, None):
        assert cues.run_stopword_scores(run_, langs, limit) == cues.stopword_scores(run_.tokens(limit), langs)
    other = Run("Latn", 0, 0, 0, 0, parts="und der die das ist nicht".split())
    run_.join(other)
    assert run_.text().endswith("ist nicht")
    for limit in (2, 5, 150, None):
        assert cues.run_stopword_scores(run_, langs, limit) == cues.stopword_scores(run_.tokens(limit), langs)


def test_long_run_scores_counted_in_two_parts_are_the_scores_counted_at_once() -> None:
    """All the words of a long run, then its head (counted apart in the first pass), in every order:
    the same floats as counting each at once (shares of three or five languages are inexact)."""
    from pipeline.languages import cues
    from pipeline.languages.script import Run

    rnd = random.Random(3)
    vocab = sorted(cues._OWNERS) + ["alpha", "beta", "Zeta"]
    langs = ["en", "de", "fr", "es", "it", "pt", "pl"]
    head = cues.HEAD_TOKENS
    for n in (head - 1, head, head + 1, head + 2, 3 * head, 1000):
        words_ = rnd.choices(vocab, k=n)
        for order in ((None, head), (head, None), (None, 7, head), (head + 1, None, head)):
            run_ = Run("Latn", 0, 0, 0, 0, parts=list(words_))
            for limit in order:
                got = cues.run_stopword_scores(run_, langs, limit)
                assert got == cues.stopword_scores(run_.tokens(limit), langs), (n, order, limit)
                assert list(got) == langs


def test_run_cyrillic_violations_are_cyrillic_violations_and_a_copy() -> None:
    from pipeline.languages import cues
    from pipeline.languages.script import Run

    langs = ["ru", "uk", "bg", "be", "sr", "mk"]
    run_ = Run("Cyrl", 0, 0, 0, 0, parts="Це українські речення. Это русское предложение, объект".split())
    got = cues.run_cyrillic_violations(run_, langs)
    assert got == cues.cyrillic_violations(run_.text(), langs)
    got["ru"] += 100  # the caller's copy: the run's memo is untouched
    assert cues.run_cyrillic_violations(run_, langs) == cues.cyrillic_violations(run_.text(), langs)
    text = run_.text()
    assert cues.compatible(text, 40, langs, "Cyrl", violations=cues.run_cyrillic_violations(run_, langs)) == (
        cues.compatible(text, 40, langs, "Cyrl")
    )


@pytest.mark.parametrize(
    ("text", "letters"),
    [("plain ascii text", None), ("plain ascii", 0), ("Straße und Brücke", None), ("Straße", 0), ("naïve", 5)],
)
def test_foreign_letter_share_shortcuts_give_the_counted_share(text: str, letters: int | None) -> None:
    import re

    from pipeline.languages import cues

    for lang in ("en", "de", "fr", "ru"):
        native = cues._LATIN_NATIVE.get(lang)
        total = len(re.findall(r"[^\W\d_]", text)) if letters is None else letters
        if native is None or not total:
            expected = 0.0
        else:
            expected = sum(1 for c in cues._NON_ASCII_LATIN_RE.findall(text) if c.lower() not in native) / total
        assert cues.foreign_letter_share(text, lang, letters) == expected


def test_ascii_words_are_the_unicode_words_of_ascii_text() -> None:
    from pipeline.languages import label

    every = "".join(map(chr, range(128)))
    rnd = random.Random(7)
    for text in [every.lower(), *("".join(rnd.choices(every, k=60)).lower() for _ in range(500))]:
        assert label._ASCII_WORD_RE.findall(text) == label._WORD_RE.findall(text)


def test_foreign_letters_are_the_letters_judged_one_by_one() -> None:
    """Every letter of _NON_ASCII_LATIN_RE's ranges (and around them), for every Latin language:
    the per-language class counts it exactly when its lower case is not a native letter."""
    from pipeline.languages import cues

    chars = [chr(c) for c in [*range(0xA0, 0x2B0), *range(0x1DF0, 0x1F10), 0x212A, 0x212B]]
    for lang, native in cues._LATIN_NATIVE.items():
        for c in chars:
            expected = sum(1 for x in cues._NON_ASCII_LATIN_RE.findall(c + "é") if x.lower() not in native) / 4
            assert cues.foreign_letter_share(c + "é", lang, 4) == expected, (lang, c)


@pytest.mark.parametrize(
    "text",
    [
        "The Role of BRICS in the Arctic",
        "China's Russia-Ukraine don't",
        "NATO UN EU",
        "NATO UN EU OSCE G-SEVEN WTO-X",
        "x y",
        "Ελλάδα",
        "Straße ÉTÉ Ærø “quoted” — naïve",
        "İstanbul and İzmir",
        "3 \u212aelvin \u212bngström",
        "Россия и КНР — «ШОС», п’ять",
        "Ω-БЛОК ТЕСТ",
    ],
)
def test_one_script_blocks_read_their_words_in_lower_case_alike(text: str) -> None:
    from pipeline.languages.script import _CYR_WORD, _LAT_WORD, CYRL, block_runs, count_letters

    rs = block_runs(text)
    if len(rs) != 1 or rs[0].toks is None:
        return  # not a one-script block
    (run_,) = rs
    toks = (_CYR_WORD if run_.script == CYRL else _LAT_WORD).findall(text)
    assert run_.tokens() == " ".join(toks).lower().split(" ")
    assert (run_.letters, run_.weight) == (count_letters(toks), len(toks))
    assert run_.acronyms_only == (len(toks) <= 5 and all(len(t) <= 5 and t.isupper() for t in toks))


def test_lower_case_moves_no_word_boundary_but_the_listed_characters() -> None:
    """What block_runs' lower-casing relies on, for every character a one-script block can hold."""
    import re
    import sys

    from pipeline.languages import script as sc

    shifts = set()
    for block in (sc._LATIN, sc._CYRILLIC):
        allowed = re.compile(f"[{sc._NEUTRAL_CHARS}{block}{sc._MARKS}]")
        in_word = re.compile(f"[{block}{sc._MARKS}{sc._JOIN}]")
        for cp in range(sys.maxunicode + 1):
            c = chr(cp)
            low = c.lower()
            if low != c and allowed.match(c) and (len(low) != 1 or bool(in_word.match(low)) != bool(in_word.match(c))):
                shifts.add(c)
    assert shifts == set("\u0130\u212a\u212b\ua7c6")
    assert shifts == set(sc._LOWER_SHIFTS)


def test_every_ascii_character_is_latin_or_neutral() -> None:
    """What _one_script's ASCII shortcut relies on."""
    from pipeline.languages import script as sc

    assert all(sc._NOT_LATIN_ONLY.search(chr(c)) is None for c in range(128))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="абвъьоеёюяіїєыэўјљ ЪЬІ.,-Σσ", max_size=30), max_size=6))
def test_violations_of_runs_are_those_of_their_joined_text(texts: list[str]) -> None:
    from pipeline.languages import cues
    from pipeline.languages.script import Run

    langs = ["ru", "uk", "bg", "be", "sr", "mk", "en"]
    runs_ = [Run("Cyrl", 0, 0, 0, 0, parts=[t]) for t in texts]
    expected = cues.cyrillic_violations(" ".join(texts), langs)
    assert cues.runs_cyrillic_violations(runs_, langs) == expected


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=" \t\n\u00a0\u2003\u200b\x1c\x85\u3000\ufeffaб", max_size=12))
def test_one_piece_spans_the_text_without_its_outer_whitespace(text: str) -> None:
    from pipeline.languages.script import Run
    from pipeline.languages.segment import spans

    s, e = 0, len(text)
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    assert spans(text, [Run("Latn", 0, len(text), 0, 0)]) == [(s, e)]


def test_plain_characters_are_no_other_letters() -> None:
    """What block_runs' _NOT_PLAIN shortcut relies on."""
    import sys

    from pipeline.languages import script as sc

    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        assert sc._NOT_PLAIN.match(c) or not sc._OTHER_LETTER.match(c), hex(cp)


# --- one-script blocks read from their bytes ---------------------------------------------------------


def test_plain_punctuation_is_neutral_and_splits_words_but_the_two_joiners() -> None:
    """What _plain_words relies on, for every character: the non-ASCII ones it accepts leave a block
    one-script Latin, are no Latin letter or mark in either case, and end a word unless they are ’
    or ‐ (which join one)."""
    import sys

    from pipeline.languages import script as sc

    accepted = 0
    for cp in range(0x80, sys.maxunicode + 1):
        c = chr(cp)
        if sc._NOT_PLAIN_PUNCT.match(c):
            continue
        accepted += 1
        assert sc._NOT_LATIN_ONLY.search(c) is None, hex(cp)
        assert c not in sc._LOWER_SHIFTS and sc._LAT_WORD.match(c) is None, hex(cp)
        expected = ["a" + c + "b"] if c in "\u2019\u2010" else ["a", "b"]
        assert sc._LAT_WORD.findall("a" + c + "b") == expected, hex(cp)
        assert sc._LAT_WORD.findall("a" + c.lower() + "b") == expected, hex(cp)  # what block_runs reads
    assert accepted > 1000


_PLAIN_ALPHABET = "abzAZ '-’‐ʼ\x01\x02 .,;:!?()“”—\xa0\u2116é\u212aİп1\n\ud800"


def _plain_case(text: str) -> None:
    from pipeline.languages import script as sc

    masked = sc.mask_neutral(text)
    words = sc._plain_words(masked)
    fast = None if words is None else sc._plain_run(text, masked, words)
    slow = sc._one_script_run(text, masked)
    if fast is not None:
        assert fast == slow
        assert slow is not None and fast.lower_words() == slow.lower_words()
    plain = sc._NOT_PLAIN_PUNCT.search("".join(c for c in masked if not c.isascii())) is None
    if plain and "\x01" not in masked and "\x02" not in masked and slow is not None:
        assert fast is not None  # the fast path takes every block it can


@pytest.mark.parametrize(
    "text",
    [
        "China’s “Russia-Ukraine” -- war",
        "a--b -c d- 'x' e'-f g-'h i'j-k ‐x‐ y’’z ’’ -'-",
        "The Role of BRICS in the Arctic — a view from Oslo\xa0(2024)",
        "NATO UN EU",
        "x’\x01y and z",
        "Straße ÉTÉ naïve",
        "3 \u212aelvin today",
        "a lone \ud800 surrogate",
    ],
)
def test_plain_blocks_read_from_bytes_as_the_regex_reads_them(text: str) -> None:
    _plain_case(text)


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=_PLAIN_ALPHABET, max_size=60))
def test_plain_blocks_read_from_bytes_as_the_regex_reads_them_on_random_text(text: str) -> None:
    _plain_case(text)


def test_plain_characters_are_foreign_to_no_latin_language() -> None:
    """What a plain run's foreign_letter_share of 0 (label._may_differ) relies on, for every character
    a plain block can hold."""
    import sys

    from pipeline.languages import cues
    from pipeline.languages import script as sc

    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        if cp < 0x80 or not sc._NOT_PLAIN_PUNCT.match(c):
            assert not any(rx.match(c) for rx in cues._FOREIGN_RE.values()), hex(cp)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_PLAIN_ALPHABET, max_size=60))
def test_plain_runs_have_no_foreign_letters(text: str) -> None:
    from pipeline.languages import cues
    from pipeline.languages.script import block_runs

    for run_ in block_runs(text):
        if run_.plain:
            for lang in cues._FOREIGN_RE:
                assert cues.foreign_letter_share(run_.text(), lang, run_.letters) == 0.0


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=" \t\n\u00a0\u2003\x1c\x85ab", max_size=8))
def test_blank_check_is_the_strip_check(text: str) -> None:
    """detect_languages' blank-unit test, against the form it replaced."""
    assert (not text or text.isspace()) == (not text.strip())


def _last_space_by_regex(gap: str) -> tuple[int, int] | None:
    import re

    spaces = list(re.finditer(r"\s+", gap))
    return spaces[-1].span() if spaces else None


@pytest.mark.parametrize("gap", ["", " ", "   ", "abc", "  b", "a  b", "a b  ", "1, 2  3", "共同体，[", "x\u3000\u2003y\x1c"])
def test_last_space_is_the_last_whitespace_match(gap: str) -> None:
    from pipeline.languages.segment import last_space

    assert last_space(gap) == _last_space_by_regex(gap)


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=" \t\n\u00a0\u2003\u200b\x1c\x85\u3000\ufeffab1,[", max_size=20))
def test_last_space_is_the_last_whitespace_match_on_random_gaps(gap: str) -> None:
    from pipeline.languages.segment import last_space

    assert last_space(gap) == _last_space_by_regex(gap)


def test_regex_whitespace_is_str_whitespace() -> None:
    """What last_space's rsplit and rstrip rely on: they split and strip at the characters \\s matches."""
    import re
    import sys

    space = re.compile(r"\s")
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        assert bool(space.match(c)) == c.isspace() == (c.split() == []), hex(cp)


def _is_acronym_plain(tok: str) -> bool:
    from pipeline.languages.script import count_letters

    return tok.isupper() and count_letters([tok]) <= 5


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet="ABab'’ʼ-‐\u0301ЖжÉ .", max_size=30))
def test_acronym_length_bound_changes_no_answer(text: str) -> None:
    from pipeline.languages.script import _CYR_WORD, _LAT_WORD, _is_acronym

    for rx in (_LAT_WORD, _CYR_WORD):
        for tok in rx.findall(text):
            assert _is_acronym(tok) == _is_acronym_plain(tok), tok


@pytest.mark.parametrize("tok", ["A-B-C-D-E", "A-B-C-D-E-F", "ABCDE", "ABCDEF", "A'B'C'D'E", "É\u0301ÉÉÉ", "ЖЖЖ-Ж-Ж"])
def test_acronym_length_bound_at_its_edge(tok: str) -> None:
    from pipeline.languages.script import _is_acronym

    assert _is_acronym(tok) == _is_acronym_plain(tok)


@pytest.mark.parametrize(
    "text", ["it’s “the” role_of 2024 state", "", "—", "naïve café", "россия и китай", "x\u0301y ²³ ℓ ﬁ", "a\xa0b\u2003c", "a\ud800b c"]
)
def test_lower_words_are_the_unicode_words(text: str) -> None:
    from pipeline.languages import label

    low = text.lower()
    assert label.lower_words(low) == label._WORD_RE.findall(low)


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet="abZ_1 .,'’“”—\xa0\u2003\u0301²ℓﬁéж\x85\x1c\n\udcff", max_size=40))
def test_lower_words_are_the_unicode_words_on_random_text(text: str) -> None:
    from pipeline.languages import label

    low = text.lower()
    assert label.lower_words(low) == label._WORD_RE.findall(low)
