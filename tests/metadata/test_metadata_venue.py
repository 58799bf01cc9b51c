"""Venue: journal name in every printed language, year, volume, issue, pages."""

from __future__ import annotations

import pytest
from metadata_docs import LONG_EN, LONG_RU, make_doc, run

from pipeline.metadata import venue
from pipeline.metadata.venue import (
    build_venue,
    citation_venue,
    clean_name,
    norm_pages,
    parse_issue_line,
    pick_header,
)


@pytest.mark.parametrize(
    "line, names, year, volume, issue, pages",
    [
        ("Восточная Азия: факты и аналитика 2024, 3 East Asia: Facts and Analytics 2024, 3",
         ["Восточная Азия: факты и аналитика", "East Asia: Facts and Analytics"], "2024", None, "3", None),
        ("Вестник МГИМО-Университета. 2023. Т. 16, № 2. С. 7–29",
         ["Вестник МГИМО-Университета"], "2023", "16", "2", "7-29"),
        ("Полис. Политические исследования. 2024. № 3. С. 8–24",
         ["Полис. Политические исследования"], "2024", None, "3", "8-24"),
        ("Мировая экономика и международные отношения, 2024, т. 68, № 3, с. 5-15",
         ["Мировая экономика и международные отношения"], "2024", "68", "3", "5-15"),
        ("Benchmarking: An International Journal, vol. 19, no. 1, 2012, pp. 11–31",
         ["Benchmarking: An International Journal"], "2012", "19", "1", "11-31"),
        ("Journal of Eurasian Studies 2024, Vol. 15(2) 123–145", ["Journal of Eurasian Studies"], "2024", "15", "2",
         "123-145"),
        ("Russia in Global Affairs, Vol. 21, No. 4, 2023", ["Russia in Global Affairs"], "2023", "21", "4", None),
        ("Journal of Slavic Military Studies, 33(1), 44–88, 2020", ["Journal of Slavic Military Studies"], "2020", "33",
         "1", "44-88"),
        ("Cahiers d'histoire des campagnes 2023, n° 2, p. 87-102", ["Cahiers d'histoire des campagnes"], "2023", None,
         "2", "87-102"),
        ("НАСЛЕЂЕ И ПРОСТОР LXXI (2), 2023, 205–216", ["НАСЛЕЂЕ И ПРОСТОР"], "2023", "LXXI", "2", "205-216"),
        ("LXXI (2), 2023, 205–216", [], "2023", "LXXI", "2", "205-216"),
        ("LXXI (2), 2023, 205–216 УДК 728.6:631.24", [], "2023", "LXXI", "2", "205-216"),  # the other column after it
    ],
)
def test_parse_issue_line(line: str, names: list[str], year: str, volume: str | None, issue: str | None,
                          pages: str | None) -> None:
    assert parse_issue_line(line) == {"names": names, "year": year, "volume": volume, "issue": issue, "pages": pages}


@pytest.mark.parametrize(
    "line",
    ["The year 2019 marked the 70th anniversary of relations", "50", "In 2023, 3 countries joined the group",
     "Fig. 2 Development process of relations from 1950 to 2021",
     "Communiqué de presse n° 2024-041"],  # (a document's number, not an issue of a year)
)
def test_not_an_issue_line(line: str) -> None:
    assert parse_issue_line(line) is None


@pytest.mark.parametrize(("line", "want"), [
    ("red. Ewa Lipińska, Marek Sowa, Olsztyn 2022, s. 97–110", True), ("Sborník klubu v Jihlavě 61: 143-146, 2024", True),
    ("Cahiers d'histoire des campagnes 2023, n° 2, p. 87-102", True),
    ("Growth in 2022, see p. 4", False), ("Ratio 3:1 in 2024", False), ("Farms 2010-2020: 12 case studies", False),
])
def test_a_year_and_the_pages_make_a_masthead_line(line: str, want: bool) -> None:
    from pipeline.metadata.venue import has_year_and_pages
    assert has_year_and_pages(line) is want


def test_a_title_under_a_collections_masthead_with_its_pages() -> None:
    from metadata_docs import LONG_EN, make_doc, run
    doc = make_doc([("paragraph", "Gardens in the Culture of Pomerania. Studies ed. Ewa Lipińska, Olsztyn 2022, s. 97–110"),
                    ("heading", "Agnieszka Wróblewska-Nowak*"), ("heading", "PARSONAGE GARDENS IN MASURIA"), LONG_EN])
    assert run(doc)["title"]["text"].casefold() == "parsonage gardens in masuria"


def test_citation_lines() -> None:
    ru = citation_venue("Для цитирования: Иванов И.И. Заглавие // Вестник МГИМО. 2023. Т. 16, № 2. С. 7–29. "
                        "DOI: 10.24833/2071-8160-2023-2-89-7-29")
    assert ru == {"names": ["Вестник МГИМО"], "year": "2023", "volume": "16", "issue": "2", "pages": "7-29"}
    en = citation_venue("For citation: Smith, J. (2021). Trade and power. Journal of Trade Studies, 12(3), 50–64.")
    assert en == {"names": ["Journal of Trade Studies"], "year": "2021", "volume": "12", "issue": "3", "pages": "50-64"}
    assert citation_venue("Smith, J. (2021). Trade and power.") is None


def test_helpers() -> None:
    assert clean_name(" 50  East Asia: Facts and Analytics. ") == "East Asia: Facts and Analytics"
    assert clean_name("12") is None
    assert norm_pages("50 – 64") == "50-64"
    assert pick_header(["Journal A 2024, 3", "51", "Journal A 2024, 3", "Other B 2023, 1"])["names"] == ["Journal A"]


def test_doi_pages_only_when_year_and_issue_agree() -> None:
    info = {"names": ["Восточная Азия", "East Asia"], "year": "2024", "volume": None, "issue": "3", "pages": None}
    langs = {"ru": 0.6, "en": 0.4}
    v = build_venue(info, "10.24412/2686-7702-2024-3-50-64", langs)
    assert v == {"name": "Восточная Азия", "name_translations": [{"text": "East Asia", "lang": "en"}], "year": "2024",
                 "volume": None, "issue": "3", "pages": "50-64"}
    assert build_venue(info, "10.24412/2686-7702-2023-3-50-64", langs)["pages"] is None
    assert build_venue(info, "10.24412/2686-7702-2024-4-50-64", langs)["pages"] is None
    assert build_venue(None, "10.1/x", langs) is None


# --- whole documents ---


def test_venue_from_the_running_header() -> None:
    doc = make_doc([("heading", "Размышления о дипломатии"), "Аннотация. " + LONG_RU, "Abstract. " + LONG_EN, LONG_RU],
                   furniture=["Восточная Азия: факты и аналитика 2024, 3 East Asia: Facts and Analytics 2024, 3", "50",
                              "DOI 10.24412/2686-7702-2024-3-50-64", "Восточная Азия: факты и аналитика 2024, 3 East "
                              "Asia: Facts and Analytics 2024, 3", "51"])
    md = run(doc)
    assert md["venue"] == {"name": "Восточная Азия: факты и аналитика",
                           "name_translations": [{"text": "East Asia: Facts and Analytics", "lang": "en"}],
                           "year": "2024", "volume": None, "issue": "3", "pages": "50-64"}
    assert md["published"] == "2024"


def test_header_name_in_a_script_no_segment_has_stays_undetermined() -> None:
    doc = make_doc([("heading", "Размышления о дипломатии"), LONG_RU],
                   furniture=["Восточная Азия: факты и аналитика 2024, 3 East Asia: Facts and Analytics 2024, 3"])
    assert run(doc)["venue"]["name_translations"] == [{"text": "East Asia: Facts and Analytics", "lang": "und"}]


def test_venue_from_an_issue_line_in_the_front_matter() -> None:
    doc = make_doc(["Вестник МГИМО-Университета. 2023. Т. 16, № 2. С. 7–29", ("heading", "Энергетический диалог"),
                    "Аннотация. " + LONG_RU, LONG_RU])
    md = run(doc)
    assert md["venue"]["name"] == "Вестник МГИМО-Университета"
    assert (md["venue"]["volume"], md["venue"]["issue"], md["venue"]["pages"]) == ("16", "2", "7-29")
    assert md["title"]["text"] == "Энергетический диалог"


def test_no_venue_on_a_web_page() -> None:
    assert run(make_doc([("heading", "A New Journey for Relations"), "By Li Hui", LONG_EN]))["venue"] is None


@pytest.mark.parametrize(("line", "year", "issue"), [("Икономически изследвания, 2021, бр. 4", "2021", "4"),
                                                     ("Economic Studies, 2021, No. 4", "2021", "4")])
def test_issue_words_of_the_other_allowed_languages(line: str, year: str, issue: str) -> None:
    from pipeline.metadata.venue import parse_issue_line

    info = parse_issue_line(line)
    assert info is not None and (info["year"], info["issue"]) == (year, issue)


@pytest.mark.parametrize(("text", "masthead"), [
    ("Journal of Joining, Vol. 12, No. 3", True),
    ("Journal of Rural Development Cilt/Volume: 11 Sayı/Issue: 2 Yıl/Year: 2023", True),
    ("Volume: 11, Issue: 2", True),
    ("Volume: 11", False),
    ("The volume of sales rose", False),
])
def test_volume_and_issue_with_colons_and_two_languages(text: str, masthead: bool) -> None:
    assert venue.has_volume_and_issue(text) is masthead


@pytest.mark.parametrize("line, expected", [
    ("Journal of Community and Place (2023) 41:612–634", ("Journal of Community and Place", "2023", "41", "612-634")),
    ("Climatic Change (2021) 165:12", ("Climatic Change", "2021", "165", "12")),
])
def test_a_journal_header_with_the_year_in_brackets_and_volume_colon_pages(line: str, expected: tuple) -> None:
    info = parse_issue_line(line)
    assert info is not None
    assert (info["names"][0], info["year"], info["volume"], info["pages"]) == expected


@pytest.mark.parametrize("line", ["The floods (2021) were bad: 12 died", "Smith J (2020) Rivers 12:1-10"])
def test_prose_with_a_year_in_brackets_is_no_journal_header(line: str) -> None:
    assert parse_issue_line(line) is None


@pytest.mark.parametrize("line, expected", [
    ("CLINICAL DIABETOLOGY AND METABOLISM 2024; 12 (2): 31–34",
     (["CLINICAL DIABETOLOGY AND METABOLISM"], "2024", "12", "2", "31-34")),
    ("2024; 12 (2): 31–34", ([], "2024", "12", "2", "31-34")),
    ("Lancet. 2019;394:1234-1240.", (["Lancet"], "2019", "394", None, "1234-1240")),
])
def test_a_vancouver_issue_line(line: str, expected: tuple) -> None:
    info = parse_issue_line(line)
    assert info is not None
    assert (info["names"], info["year"], info["volume"], info["issue"], info["pages"]) == expected


def test_a_sentence_with_a_year_and_a_semicolon_is_no_vancouver_line() -> None:
    assert parse_issue_line("We met in 2019; 12 people came: 5 left") is None
