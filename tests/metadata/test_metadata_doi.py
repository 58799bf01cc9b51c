"""DOI: every printed form, normalised; the article's own DOI only, never one from a citation."""

from __future__ import annotations

import pytest
from metadata_docs import LONG_EN, LONG_RU, make_doc, run

from pipeline.metadata.identifiers import (
    doi_statement,
    find_dois,
    issue_pattern,
    labelled_doi,
    normalize_doi,
    rejoin_broken_dois,
    trim_doi,
)


@pytest.mark.parametrize(
    "printed, expected",
    [
        ("DOI 10.24412/2686-7702-2024-3-50-64", "10.24412/2686-7702-2024-3-50-64"),
        ("DOI: 10.25236/memssr.2021.012", "10.25236/memssr.2021.012"),
        ("doi:10.1016/j.polgeo.2020.102232", "10.1016/j.polgeo.2020.102232"),
        ("https://doi.org/10.31857/S0869049923010023", "10.31857/s0869049923010023"),
        ("http://dx.doi.org/10.1080/09668136.2019.1571536.", "10.1080/09668136.2019.1571536"),
        ("DOI: 10.17994/IT.2023.21.2.73.5;", "10.17994/it.2023.21.2.73.5"),
        ("https://doi.org/10.1016/S0140-6736(20)30183-5.", "10.1016/s0140-6736(20)30183-5"),
        ("(doi: 10.1177/0010414019879715)", "10.1177/0010414019879715"),
        ("DOI: 10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0",
         "10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-0"),
        ("https://doi.org/10.24833/2071-8160-2023-olf1».", "10.24833/2071-8160-2023-olf1"),
        ("DOI 10.21638/spbu06.2022.103,", "10.21638/spbu06.2022.103"),
    ],
)
def test_printed_forms_normalise(printed: str, expected: str) -> None:
    assert normalize_doi(printed) == expected
    assert find_dois(printed) == [expected]


@pytest.mark.parametrize(
    "doi, trimmed",
    [
        ("10.1000/abc.", "10.1000/abc"),
        ("10.1000/xyz)", "10.1000/xyz"),
        ("10.1000/a(b)", "10.1000/a(b)"),
        ("10.1000/a(b)).", "10.1000/a(b)"),
        ("10.1000/q”", "10.1000/q"),
    ],
)
def test_trim_keeps_balanced_brackets(doi: str, trimmed: str) -> None:
    assert trim_doi(doi) == trimmed


def test_doi_broken_across_a_line_is_rejoined() -> None:
    assert rejoin_broken_dois("DOI 10.24412/2686-7702-2024-3-\n50-64") == "DOI 10.24412/2686-7702-2024-3-50-64"
    assert find_dois("https://doi.org/10.1080/\n09668136.2019.1571536") == ["10.1080/09668136.2019.1571536"]
    # A DOI that simply ends at a line end keeps the next line out.
    assert find_dois("DOI 10.1000/abc\nIntroduction") == ["10.1000/abc"]


@pytest.mark.parametrize(
    "printed, expected",
    [
        ("DOI: 10.1080/ 14650045.2020.1727448", ["10.1080/14650045.2020.1727448"]),
        ("doi:10.4324/\n9780429400001-3", ["10.4324/9780429400001-3"]),
        ("https://doi.org/ 10.1111/ 1468-2427.12901", ["10.1111/1468-2427.12901"]),
        ("Received 2 May 2020 DOI 10.5555/  ab12cd Introduction", ["10.5555/ab12cd"]),
        # After a complete DOI a space ends it, and a prefix with only words after it is no DOI.
        ("DOI 10.5555/ab12 9 pages", ["10.5555/ab12"]),
        ("the registrant 10.5555/ and others", []),
    ],
)
def test_prefix_ending_in_a_slash_takes_the_suffix_after_the_space(printed: str, expected: list[str]) -> None:
    assert find_dois(printed) == expected


def test_article_doi_split_after_its_prefix_in_a_joined_header() -> None:
    doc = make_doc(["Review of Urban Affairs, Vol. 9, No. 1 (2020), pp. 1–20 Received: 2 May 2019 / "
                    "Published online: 3 March 2020 DOI: 10.1080/ 14650045.2020.1727448",
                    ("heading", "Harbour Cities and the Baltic Grain Trade"), "Ann Lee1", "1 Lund University, Sweden",
                    "Abstract: " + LONG_EN])
    md = run(doc)
    assert md["doi"] == "10.1080/14650045.2020.1727448"
    assert md["published"] == "2020-03-03"
    assert doi_statement("DOI: 10.1080/ 14650045.2020.1727448") == "10.1080/14650045.2020.1727448"


def test_statement_and_label() -> None:
    assert doi_statement("DOI: 10.25236/memssr.2021.012") == "10.25236/memssr.2021.012"
    assert doi_statement("See doi:10.1/x for details.") is None
    assert labelled_doi("Для цитирования: Иванов И.И. // Полис. 2023. № 1. С. 5–9. DOI: 10.1234/ABC-1") == "10.1234/abc-1"
    assert labelled_doi("no identifier here 10.5/x") is None


def test_issue_pattern_is_read_only_from_the_suffix_end() -> None:
    assert issue_pattern("10.24412/2686-7702-2024-3-50-64") == {"year": "2024", "issue": "3", "pages": "50-64"}
    assert issue_pattern("10.25236/memssr.2021.012") is None
    assert issue_pattern("10.1000/x-2024-3-64-50") is None  # last page before the first


# --- the article's own DOI, in a whole document ---


def test_doi_from_the_running_footer() -> None:
    doc = make_doc([("heading", "A Study of Regional Trade"), LONG_EN], furniture=["DOI: 10.1000/own.1", "12"])
    assert run(doc)["doi"] == "10.1000/own.1"


def test_doi_line_in_the_header_area() -> None:
    doc = make_doc(["DOI 10.24412/2686-7702-2024-3-50-64", ("heading", "Размышления о дипломатии"), LONG_RU])
    assert run(doc)["doi"] == "10.24412/2686-7702-2024-3-50-64"


def test_doi_line_left_between_two_body_paragraphs() -> None:
    doc = make_doc([("heading", "A Study of Regional Trade"), LONG_EN, "DOI: 10.25236/memssr.2021.012", LONG_EN])
    assert run(doc)["doi"] == "10.25236/memssr.2021.012"


def test_doi_in_a_citation_line_under_the_abstract() -> None:
    doc = make_doc([
        ("heading", "Внешняя политика Китая"),
        "Аннотация. " + LONG_RU,
        "Для цитирования: Иванов И.И. Внешняя политика Китая // Полис. 2023. № 1. С. 5–9. "
        "DOI: 10.17976/jpps/2023.01.02",
        LONG_RU,
    ])
    assert run(doc)["doi"] == "10.17976/jpps/2023.01.02"


def test_doi_only_in_the_references_is_not_the_articles() -> None:
    doc = make_doc([
        ("heading", "A Study of Regional Trade"),
        LONG_EN,
        ("heading", "References"),
        "[1] Smith J. Trade. Journal of Trade, 2020. DOI: 10.1000/ref.1",
        "[2] Doe J. Energy. https://doi.org/10.1000/ref.2",
    ])
    md = run(doc)
    assert md["doi"] is None
    assert len(md["references"]) == 2


def test_doi_only_in_a_footnote_is_not_the_articles() -> None:
    doc = make_doc([("heading", "Внешняя политика Китая"), LONG_RU],
                   footnotes=[("1", "Петров П.П. Статья // Полис. 2020. № 2. DOI: 10.17976/jpps/2020.02.01")])
    assert run(doc)["doi"] is None


def test_doi_cited_inside_a_body_sentence_is_not_the_articles() -> None:
    doc = make_doc([("heading", "A Study of Regional Trade"),
                    LONG_EN + " An earlier survey (doi:10.1000/other.7) reached the same view."])
    assert run(doc)["doi"] is None


def test_own_doi_beside_reference_dois() -> None:
    doc = make_doc(
        [("heading", "A Study of Regional Trade"), LONG_EN, ("heading", "Список литературы"),
         "1. Иванов И.И. Статья // Журнал. 2020. DOI: 10.1000/ref.9"],
        furniture=["https://doi.org/10.1000/OWN.2"],
    )
    assert run(doc)["doi"] == "10.1000/own.2"


def test_no_doi_printed() -> None:
    assert run(make_doc([("heading", "A New Journey for Relations"), "By Li Hui", LONG_EN]))["doi"] is None


def test_the_masthead_doi_wins_over_a_reference_doi_moved_out_as_furniture() -> None:
    doc = make_doc(["Arctic Letters 7 (2021) 88–95 · https://doi.org/10.47219/acl.2021.0088",
                    ("heading", "Red snow on Svalbard: seasonal dynamics of snow algae blooms"), LONG_EN],
                   furniture=["https://doi.org/10.47219/acl.2018.0055"])
    assert run(doc)["doi"] == "10.47219/acl.2021.0088"


def test_a_doi_label_with_a_full_width_colon() -> None:
    from pipeline.metadata.identifiers import labelled_doi

    assert labelled_doi("DOI：10.62145/j.uwee.2022.05.006") == "10.62145/j.uwee.2022.05.006"


@pytest.mark.parametrize(("line", "doi"), [
    ("DOI: https://doi.org/10.64201/2024.09.16.24313702", "10.64201/2024.09.16.24313702"),  # label and resolver
    ("doi: https://doi.org/10.1234/ab.5 (https://doi.org/10.1234/ab.5)", "10.1234/ab.5"),  # a markdown link's text
    ("doi: https://doi.org/10.1234/ab.5 (see the erratum)", None),
])
def test_doi_statements_with_a_label_and_a_resolver(line: str, doi: str | None) -> None:
    from pipeline.metadata.identifiers import doi_statement
    assert doi_statement(line) == doi
