"""Languages considered in a document only where its words show them (languages.by_evidence)."""

from __future__ import annotations

import re

import pytest

from pipeline.config import LanguagesConfig
from pipeline.languages import segment_text
from pipeline.languages.evidence import EVIDENCE_WORDS, shown

NL = ("Het waterschap laat voor het eerst drones met warmtecamera's over de dijken vliegen. Bij hoogwater moeten "
      "ze kwelwater en scheurtjes sneller vinden dan de dijkwachten te voet, zegt het waterschap, omdat de "
      "dijken lang zijn en het werk niet eenvoudig is.")
CS = ("Článek se zabývá tím, jak se vyvíjela správa obecních lesů v letech 1920 až 1938, a ukazuje, že obce "
      "byly v této době schopny les spravovat samy, pokud jim to umožnil zákon, který však nebyl jednotný. "
      "Podle pramenů jsou rozdíly mezi kraji velké a jejich příčiny nejsou jasné.")
EN = ("The council voted on Tuesday to extend the ferry service for another year, so the boats will see "
      "more passengers in summer and at the weekends, and no timetable changes are planned.")
FR = "Les chercheurs ont étudié la question et ils ont conclu que le projet est un succès pour la région et par ailleurs."


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text.lower())


@pytest.mark.parametrize(("texts", "want"), [
    ([NL], ["nl"]),
    ([CS], ["cs"]),
    # English and French words that are also words of the by-evidence languages ("in", "on", "see",
    # "for", "at", "no", "et", "un", "par") are no evidence.
    ([EN], []),
    ([FR], []),
    # A Dutch title quoted in an English text is too little.
    ([EN, EN, "Het Nieuwe Instituut"], []),
    ([], []),
])
def test_shown(texts: list[str], want: list[str]) -> None:
    assert shown([_words(t) for t in texts], ["nl", "cs", "sk", "ro", "hu", "sv", "da", "no", "fi", "hr", "sl",
                                              "ca", "lt", "lv", "et"]) == want


def test_evidence_words_are_no_words_of_the_usual_candidates() -> None:
    usual = set(_words(EN + " " + FR)) | {"in", "on", "see", "for", "at", "no", "et", "un", "par", "este", "ich", "nie",
                                          "de", "la", "le", "a", "e", "i", "o", "y", "se", "per", "su", "da", "so"}
    for lang, words in EVIDENCE_WORDS.items():
        assert not words & usual, (lang, words & usual)


def test_a_dutch_text_is_dutch_only_with_dutch_among_the_evidence_languages() -> None:
    assert {lang for lang, _t, _c in segment_text(NL, LanguagesConfig())} == {"nl"}
    assert "nl" not in {lang for lang, _t, _c in segment_text(NL, LanguagesConfig(by_evidence=()))}
    # Given in `allowed`, a language is always a candidate.
    assert {lang for lang, _t, _c in segment_text(NL, LanguagesConfig(allowed=("en", "nl"), by_evidence=()))} == {"nl"}


def test_only_the_first_words_are_counted() -> None:
    from pipeline.languages.evidence import SAMPLE_WORDS
    english = [_words(EN)] * (SAMPLE_WORDS // len(_words(EN)) + 1)
    dutch = [_words(NL)] * 40
    # Dutch at the start shows; Dutch only after the first SAMPLE_WORDS words is not counted.
    assert shown(dutch + english, ["nl"]) == ["nl"]
    assert shown(english + dutch, ["nl"]) == []
