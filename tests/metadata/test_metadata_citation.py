"""The article's own reference ("for citation", "Référence électronique") names its title and authors."""

from __future__ import annotations

import pytest
from metadata_docs import LONG_EN, LONG_RU, make_doc, run

from pipeline.metadata import _in_reference, _named_in_reference
from pipeline.metadata.authors import Author
from pipeline.metadata.venue import citations


@pytest.mark.parametrize(
    "texts, found",
    [
        (["Title", "Для цитирования: Иванов И.И. Заглавие // Вестник. 2023."],
         [(1, "Иванов И.И. Заглавие // Вестник. 2023.")]),
        # The cue alone on its block: the reference is the next block.
        (["Référence électronique", "Jean Dupont, « Les ports », Revue, 4 | 2021"],
         [(1, "Jean Dupont, « Les ports », Revue, 4 | 2021")]),
        (["Pour citer cet article : Dupont J., Les ports, Revue, 2021"], [(0, "Dupont J., Les ports, Revue, 2021")]),
        (["Zitiervorschlag: Müller, A. (2020): Häfen. Zeitschrift 3, 1–9"], [(0, "Müller, A. (2020): Häfen. Zeitschrift 3, 1–9")]),
        (["Cómo citar este artículo: Pérez, A. Puertos. Revista, 2(1), 3-9"], [(0, "Pérez, A. Puertos. Revista, 2(1), 3-9")]),
        # A cue alone at the end, or over another cue, cites nothing.
        (["Body.", "Cite this article"], []),
        (["Référence papier", "Référence électronique", "Jean Dupont, « Les ports »"],
         [(2, "Jean Dupont, « Les ports »")]),
        (["The citation of sources matters.", "Reference list"], []),
    ],
)
def test_citations(texts: list[str], found: list[tuple[int, str]]) -> None:
    assert citations(texts) == found


@pytest.mark.parametrize(
    "text, cited, inside",
    [
        ("Les ports du Levant", ["jean dupont les ports du levant revue 4 2021"], True),
        ("Les ports", ["jean dupont les portsmouth revue"], False),  # whole words only
        ("", ["a b"], False),
        ("LES PORTS DU LEVANT", ["dupont j les ports du levant"], True),
    ],
)
def test_in_reference(text: str, cited: list[str], inside: bool) -> None:
    assert _in_reference(text, cited) is inside


@pytest.mark.parametrize(
    "names, cited, named",
    [
        (["Camille Roussel-Nguyen", "Étienne Gaubert"],
         ["camille roussel nguyen et étienne gaubert les cabanes revue 57 2023"], True),
        (["Camille Roussel-Nguyen", "Étienne Gaubert"], ["roussel nguyen c gaubert é les cabanes"], True),
        # Name-shaped words of the title, printed in the reference well after its authors.
        (["Trade Wars", "Energy Security"],
         ["smith j doe a 2021 a history of trade wars and energy security journal 3 1"], False),
        (["Jane Doe", "Ann Lee"], ["doe j 2021 trade journal"], False),
    ],
)
def test_named_in_reference(names: list[str], cited: list[str], named: bool) -> None:
    assert _named_in_reference([Author(n) for n in names], cited) is named


COVER = [
    "Revue des littoraux",
    ("heading", "12 | 2022"),
    ("heading", "Ports et rivages"),
    "Les ports de pêche du golfe du Lion : une histoire sociale des quais",
    "Jeanne Marchal et Paul Ortiz",
    ("heading", "Référence électronique"),
    "Jeanne Marchal et Paul Ortiz, « Les ports de pêche du golfe du Lion : une histoire sociale des quais », "
    "Revue des littoraux [En ligne], 12 | 2022, mis en ligne le 3 mai 2022.",
    ("heading", "Résumé"),
]
BODY_FR = ("Les quais des petits ports du golfe ont été construits au dix-neuvième siècle, et leur usage a "
           "changé plusieurs fois depuis, au gré des pêches et des règlements successifs.")


def test_reference_names_the_title_under_an_issue_theme() -> None:
    md = run(make_doc([*[b if not isinstance(b, str) else ("paragraph", [("fr", b)]) for b in COVER],
                       ("paragraph", [("fr", BODY_FR)])]))
    assert md["title"]["text"] == "Les ports de pêche du golfe du Lion : une histoire sociale des quais"
    # The names are plain (no markers, no affiliation under them): the reference opening with them makes
    # them the authors.
    assert [a["name"] for a in md["authors"]] == ["Jeanne Marchal", "Paul Ortiz"]


def test_without_the_reference_the_theme_stays_the_title() -> None:
    blocks = [b for b in COVER if not (isinstance(b, str) and b.startswith("Jeanne Marchal et Paul Ortiz,"))]
    md = run(make_doc([*[b if not isinstance(b, str) else ("paragraph", [("fr", b)]) for b in blocks],
                       ("paragraph", [("fr", BODY_FR)])]))
    # (Nothing tells the journal's name, the issue's theme and the title apart then.)
    assert md["title"]["text"] != "Les ports de pêche du golfe du Lion : une histoire sociale des quais"
    assert md["authors"] == []


def test_a_reference_in_another_language_keeps_the_title() -> None:
    # An English "for citation" line under a Russian paper prints the English title: the Russian title
    # read first stays, though it is not in the reference.
    md = run(make_doc([
        "Торговые пути Сибири в XVIII веке",
        "Trade routes of Siberia in the eighteenth century",
        "И. И. Иванов",
        "For citation: Ivanov I.I. Trade routes of Siberia in the eighteenth century // Siberian Review. 2023. No. 2.",
        LONG_RU, LONG_EN,
    ]))
    assert md["title"]["text"] == "Торговые пути Сибири в XVIII веке"


@pytest.mark.parametrize(("text", "stamp"), [
    ("Document généré le 11 mars 2025 14:27", True),
    ("Generated on 11 March 2025, 14:27", True),
    ("Updated 5 May 2024 at 3:45 pm", True),
    ("The Floods of May 2021", False),
    ("Выборы 18.09.2016", False),
    ("By Claire Dubois and Martin Hale | Updated: 3 March 2024, 18:42", False),  # a byline
])
def test_date_time_stamp(text: str, stamp: bool) -> None:
    from pipeline.metadata import _date_time_stamp
    assert _date_time_stamp(text) is stamp


def test_title_then_names() -> None:
    from pipeline.metadata import _title_then_names
    cited = ["roy j 2022 camps forestiers en mauricie 1935 1960 revue d histoire 52 1 41 66"]
    head, names = _title_then_names("Camps forestiers en Mauricie, 1935-1960 Jeanne Roy", cited)
    assert head == "Camps forestiers en Mauricie, 1935-1960" and [a.name for a in names] == ["Jeanne Roy"]
    # What follows the cited words must be names the reference opens with.
    assert _title_then_names("Camps forestiers en Mauricie, 1935-1960 Ouvriers", cited) is None
    assert _title_then_names("Camps forestiers en Mauricie, 1935-1960 Anne Lee", cited) is None


def test_a_generated_cover_page() -> None:
    # A platform's cover page: a generation stamp, the journal, an issue's theme, then the title run
    # together with its author, and the reference under "Citer cet article".
    md = run(make_doc([("paragraph", [("fr", t)]) if isinstance(t, str) else t for t in [
        "Document généré le 11 mars 2025 14:27",
        "Revue d’histoire du travail",
        "frontières intimes",
        "Camps forestiers en Haute-Mauricie, 1935-1960 Jeanne Roy",
        ("heading", "Volume 52, numéro 1, automne 2022"),
        ("heading", "Citer cet article"),
        "Roy, J. (2022). Camps forestiers en Haute-Mauricie, 1935-1960. Revue d’histoire du travail, 52(1), 41–66.",
        ("heading", "Résumé"),
        BODY_FR,
    ]]))
    assert md["title"]["text"] == "Camps forestiers en Haute-Mauricie, 1935-1960"
    assert [a["name"] for a in md["authors"]] == ["Jeanne Roy"]


@pytest.mark.parametrize(("text", "name", "pages"), [
    # Vancouver style, the journal the sentence before "year;volume(issue):pages", a DOI link after.
    ("Охлопкова С.Н., Захаров В.Д. Гидрохимический режим озер. Природные ресурсы Севера. 2022;27(4):571–580. "
     "https://doi.org/10.31000/2618-9000-2022-27-4-571-580", "Природные ресурсы Севера", "571-580"),
    ("Smith J, Lee A. Bus padding. Transport Letters. 2024;18(1):44-61.", "Transport Letters", "44-61"),
    # A web address's "//" is no GOST separator before the journal.
    ("Smith J. Trade. Journal of Trade Studies, 12(3), 50–64. https://doi.org/10.1/x", "Journal of Trade Studies", "50-64"),
])
def test_reference_venue_styles(text: str, name: str, pages: str) -> None:
    from pipeline.metadata import venue
    info = venue.reference_venue(text)
    assert info is not None and info["names"] == [name] and info["pages"] == pages


@pytest.mark.parametrize(("block", "found"), [
    ("Финансирование. Работа выполнена по проекту № 0297. Для цитирования: Иванов И.И. Режим. Вестник. 2022;27(4):5–9.",
     "Иванов И.И. Режим. Вестник. 2022;27(4):5–9."),
    ("Funding. The work was supported by grant 12. For citation: Smith J. Trade. Trade Letters. 2024;3(1):1-9.",
     "Smith J. Trade. Trade Letters. 2024;3(1):1-9."),
    ("The data are described in the citation: below.", None),  # not a sentence of its own
])
def test_a_citation_cue_opening_a_sentence_inside_a_block(block: str, found: str | None) -> None:
    from pipeline.metadata import venue
    assert venue.citations([block]) == ([(0, found)] if found else [])
