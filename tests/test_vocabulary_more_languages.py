"""Dutch, Czech and Romanian words for what the other languages' pages and papers are read by."""

from __future__ import annotations

import pytest

from pipeline.metadata import authors as au
from pipeline.metadata import dates
from pipeline.metadata import keywords_abstract as ka
from pipeline.repair import chrome


@pytest.mark.parametrize(("text", "iso"), [
    ("12 mrt. 2024", "2024-03-12"), ("12 maart 2024", "2024-03-12"), ("5. března 2024", "2024-03-05"),
    ("5 martie 2024", "2024-03-05"), ("1 oktober 2023", "2023-10-01"), ("17 prosince 2022", "2022-12-17"),
    ("12 mrt. 2024 om 06:00", "2024-03-12"), ("5. März 2024 um 14:30", "2024-03-05"),
])
def test_months_and_times(text: str, iso: str) -> None:
    assert dates.parse_date(text, True) == iso


@pytest.mark.parametrize(("text", "names"), [
    ("Door Femke van der Heijden en Joost de Bruijn", ["Femke van der Heijden", "Joost de Bruijn"]),
    ("Andrei Popescu și Maria Ionescu", None),  # no cue: not a byline
])
def test_dutch_byline(text: str, names: list[str] | None) -> None:
    assert au.parse_byline(text) == names


def test_romanian_and_between_authors() -> None:
    assert [a.name for a in au.parse_author_line("Andrei Popescu1 și Maria Ionescu2") or []] == [
        "Andrei Popescu", "Maria Ionescu"]


@pytest.mark.parametrize(("line", "kind", "lang"), [
    ("Trefwoorden: dijken, drones", "keywords", "nl"), ("Samenvatting: Het waterschap ...", "abstract", "nl"),
    ("Klíčová slova: les, obec", "keywords", "cs"), ("Cuvinte cheie: cooperative, Orhei", "keywords", "ro"),
    ("Rezumat. Articolul analizează", "abstract", "ro"),
])
def test_cues(line: str, kind: str, lang: str) -> None:
    cues = ka.find_cues(line)
    assert cues and cues[0].kind == kind and cues[0].cue_start == 0
    assert ka.cue_language(line.split(":")[0].split(".")[0]) == lang


@pytest.mark.parametrize(("check", "text"), [
    (chrome.is_skip_link, "Naar hoofdinhoud"), (chrome.is_skip_link, "Přejít na obsah"),
    (chrome.is_ad_label, "ADVERTENTIE"), (chrome.is_update_line, "Bijgewerkt: 12 mrt. 2024 om 09:41"),
    (chrome.is_counter, "Reacties (14)"), (chrome.is_share_label, "Deel dit artikel"),
])
def test_site_words(check, text: str) -> None:  # type: ignore[no-untyped-def]
    assert check(text)


@pytest.mark.parametrize(("line", "lang"), [("Résumé de l'article", "fr"), ("Résumé de l’article", "fr"),
                                            ("Аннотация статьи", "ru")])
def test_an_abstract_cue_naming_the_article(line: str, lang: str) -> None:
    cues = ka.find_cues(line)
    assert cues and cues[0].kind == "abstract" and cues[0].cue_start == 0
    assert ka.cue_language(line) == lang


@pytest.mark.parametrize(("text", "iso"), [
    ("12 Μαρτίου 2024", "2024-03-12"), ("Τρίτη, 12 Μαρτίου 2024", "2024-03-12"), ("12 ΜΑΡΤΙΟΥ 2024", "2024-03-12"),
    ("5 ΜΑΪΟΥ 2023", "2023-05-05"),
])
def test_greek_dates(text: str, iso: str) -> None:
    assert dates.parse_date(text, True) == iso


@pytest.mark.parametrize(("check", "text"), [
    (chrome.is_ad_label, "ΔΙΑΦΗΜΙΣΗ"), (chrome.is_update_line, "Ενημερώθηκε: 12 Μαρτίου 2024"),
    (chrome.is_share_label, "Κοινοποίηση"), (chrome.is_skip_link, "Μετάβαση στο περιεχόμενο"),
    (chrome.is_counter, "Σχόλια (4)"),
])
def test_greek_site_words(check, text: str) -> None:  # type: ignore[no-untyped-def]
    assert check(text)
