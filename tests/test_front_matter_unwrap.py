"""Front matter printed without blank lines in hard-wrapped text: title, authors, affiliation.

Unwrapping joins a line into the paragraph above unless the line above is a short one that ends a
sentence; a title does not end a sentence, so without a cue the title, the author line and the
affiliation ran into one paragraph and the metadata stage found no title and no authors. The cue is
the shape of the author line (pipeline.repair.front). Own examples, none from the seeds or hold-out.
"""

from __future__ import annotations

import hashlib
import textwrap
from typing import Any

import pytest

from pipeline.config import RepairConfig, load
from pipeline.document import Document, Source
from pipeline.repair import front, layout
from pipeline.stages import Pipeline

_BODY = (
    "Cross-border rivers have been a source of friction between upstream and downstream states for most of "
    "the period since independence, and the agreements signed to share their water were seldom kept for long. "
    "We trace the negotiations over three basins with new archival evidence and interviews with officials, "
    "and show that the bargains held only while the governments that struck them stayed in office. "
)


def _wrapped(text: str, width: int = 104) -> str:
    return textwrap.fill(text, width)


def _paper(front_lines: list[str]) -> str:
    """Front-matter lines, a blank line, then an abstract and a section of full-width wrapped text."""
    return ("\n".join(front_lines) + "\n\n" + _wrapped("Abstract. " + _BODY) + "\n\nKeywords: rivers; water; treaties"
            + "\n\n1. Introduction\n\n" + _wrapped(_BODY * 2) + "\n")


def _record(text: str) -> dict[str, Any]:
    raw = text.encode("utf-8")
    doc = Document(source=Source(path="x.txt", sha256=hashlib.sha256(raw).hexdigest(), size_bytes=len(raw)), raw=raw)
    out = Pipeline(load(None)).process(doc)
    assert out.record is not None, out.quarantine
    return out.record


def _authors(record: dict[str, Any]) -> list[tuple[str, list[str]]]:
    return [(a["name"], a["affiliations"]) for a in record["authors"]]


def _blocks(text: str) -> list[str]:
    return [b.text for b in layout.build_blocks(text, RepairConfig()).blocks]


def test_two_line_title_then_authors_then_affiliation() -> None:
    text = _paper([
        "Water, Power and Regional Order in the River Basins of Inner Asia: Treaties, Elites and the Price",
        "of Cooperation between Upstream and Downstream States",
        "John A. Smith, Maria Petrova",
        "University of Somewhere, Department of Political Science",
    ])
    record = _record(text)
    assert record["title"]["text"] == (
        "Water, Power and Regional Order in the River Basins of Inner Asia: Treaties, Elites and the Price "
        "of Cooperation between Upstream and Downstream States")
    aff = ["University of Somewhere, Department of Political Science"]
    assert _authors(record) == [("John A. Smith", aff), ("Maria Petrova", aff)]


def test_one_line_title_then_one_author_then_affiliation() -> None:
    text = _paper(["Rivers and Rivals", "Peter Brown", "Institute of Applied Hydrology, Vienna"])
    record = _record(text)
    assert record["title"]["text"] == "Rivers and Rivals"
    assert _authors(record) == [("Peter Brown", ["Institute of Applied Hydrology, Vienna"])]


def test_cyrillic_front_matter() -> None:
    text = _paper(["Водные ресурсы и региональный порядок в бассейнах рек Центральной Азии",
                   "И.И. Иванов, П.П. Петрова", "Институт водных проблем, Москва"])
    assert _blocks(text)[:3] == ["Водные ресурсы и региональный порядок в бассейнах рек Центральной Азии",
                                 "И.И. Иванов, П.П. Петрова", "Институт водных проблем, Москва"]


def test_title_case_title_wrapped_over_two_lines_stays_one_title() -> None:
    # The second line of the title is capitalised word by word, as names are: it must not be cut off.
    text = _paper(["The Political Economy of River Basin Management", "In Inner Asia and Beyond",
                   "John A. Smith, Maria Petrova", "University of Somewhere"])
    record = _record(text)
    assert record["title"]["text"] == "The Political Economy of River Basin Management In Inner Asia and Beyond"
    assert [a for a, _ in _authors(record)] == ["John A. Smith", "Maria Petrova"]


def test_title_ending_with_a_function_word_goes_on() -> None:
    blocks = _blocks(_paper(["Sharing the Waters of", "Anna Lee, Tom Ray", "and Other Essays"]))
    assert blocks[0] == "Sharing the Waters of Anna Lee, Tom Ray and Other Essays"


def test_wrapped_paragraph_line_ending_short_before_a_capital_is_not_cut() -> None:
    # A paragraph line that happens to end short, before a capitalised word that is no list of names.
    text = _paper(["River Treaties", "Peter Brown", "Institute of Applied Hydrology, Vienna"]).replace(
        "1. Introduction\n\n",
        "1. Introduction\n\nThe first treaty on the upper basin was signed in the spring of 1993 by the\n"
        "Five Ministers of Water Resources who met in the capital, and it set quotas for every state that\n"
        "shared the river. ",
    )
    para = next(b for b in _blocks(text) if b.startswith("The first treaty"))
    assert "signed in the spring of 1993 by the Five Ministers of Water Resources who met" in para


def test_names_inside_running_text_are_not_front_matter() -> None:
    # Past the opening lines (three full lines in a row), a name line is left to the ordinary rules.
    body = _wrapped(_BODY * 2)
    text = "Rivers and Rivals\n\n" + body + "\nshort line here\nAnna Lee, Tom Ray\n" + body + "\n"
    assert "short line here Anna Lee, Tom Ray" in "\n".join(_blocks(text))


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("John A. Smith, Maria Petrova", ["John A. Smith", "Maria Petrova"]),
        ("Anna Lee1, Tom Ray2*", ["Anna Lee", "Tom Ray"]),
        ("Anna Lee and Tom van Dijk", ["Anna Lee", "Tom van Dijk"]),
        ("J.-P. Martin & K. O'Neil", ["J.-P. Martin", "K. O'Neil"]),
        ("Иван Петров¹, Анна Смирнова²", ["Иван Петров", "Анна Смирнова"]),
        ("И.И. Иванов и П.П. Петрова", ["И.И. Иванов", "П.П. Петрова"]),
        ("ИВАНОВ И.И., ПЕТРОВА П.П.", ["ИВАНОВ И.И.", "ПЕТРОВА П.П."]),
        ("Smith J.A.", ["Smith J.A."]),
        ("In Inner Asia and Beyond", None),  # title words
        ("Energy and Security Policy", None),
        ("Latin America and Eastern Europe", None),
        ("Russia, China", None),  # one word each: not names
        ("The treaty was signed.", None),
        ("Water Resources: A Review", None),
        ("", None),
    ],
)
def test_name_list(line: str, names: list[str] | None) -> None:
    assert front.name_list(line) == names


@pytest.mark.parametrize(
    ("line", "next_line", "author"),
    [
        ("Anna Lee, Tom Ray", "", True),  # two names
        ("A. Lee", "", True),  # an initial
        ("Anna Lee1", "", True),  # a marker
        ("Peter Brown", "Institute of Applied Hydrology, Vienna", True),  # an affiliation under it
        ("Peter Brown", "p.brown@example.org", True),  # an e-mail under it
        ("Peter Brown", "", False),  # one bare two-word name: too like a title's words
        ("Maritime Borders", "Anna Lee, Tom Ray", False),
        ("Anna Lee, Tom Ray,", "Ken Ito", False),  # the list goes on
        ("Anna Lee and", "Tom Ray", False),
    ],
)
def test_is_author_line(line: str, next_line: str, author: bool) -> None:
    assert front.is_author_line(line, next_line) is author


def test_title_and_authors_across_a_two_column_page() -> None:
    # A two-column extraction: the running text wraps at the column's width, the title and the author
    # line (with membership grades) run across the page, wider than any column line.
    title = ["Interpretable Fault Classification of Transformers From", "Dissolved Gas Ratios Using Monotonic Boosting"]
    authors = "Kofi Mensah , Member, IEEE, Ingrid Solheim , and Tao Rennick , Senior Member, IEEE"
    text = ("\n".join([*title, authors]) + "\n\n" + _wrapped("Abstract—" + _BODY, 50) + "\n\nI. INTRODUCTION\n\n"
            + _wrapped(_BODY * 2, 50) + "\n")
    rec = _record(text)
    assert rec["title"]["text"] == " ".join(title)
    assert [a["name"] for a in rec["authors"]] == ["Kofi Mensah", "Ingrid Solheim", "Tao Rennick"]


@pytest.mark.parametrize(("line", "want"), [
    ("© 2022 г.   Пыжова Л. Р. a, Абрамцев К. В. b, *, Дронов С. Ю. a", "Пыжова Л. Р. a, Абрамцев К. В. b, *, Дронов С. Ю. a"),
    ("  © 2021 Anna Berg, Tom Ray", "  Anna Berg, Tom Ray"),
    ("© Лебедева А. В., Крутиков Д. С., 2023", None),  # the names first: a page's copyright foot
    ("© 2022 The Authors. Published by Elsevier B.V.", None),
])
def test_byline_on_the_copyright_line(line: str, want: str | None) -> None:
    out, n = layout.byline_from_copyright(["A title", line])
    assert out[1] == (want if want is not None else line) and n == (want is not None)


def test_authors_printed_on_the_copyright_line_under_the_title() -> None:
    text = _paper(["Жужелицы полезащитных лесных полос Барабинской лесостепи", "",
                   "© 2022 г.   Пыжова Л. Р. a, Абрамцев К. В. b", "",
                   "a Институт систематики и экологии животных, Новосибирск, Россия"])
    rec = _record(text)
    assert [a["name"] for a in rec["authors"]] == ["Пыжова Л. Р.", "Абрамцев К. В."]


def test_an_issn_line_under_a_masthead_of_several_lines_is_furniture() -> None:
    text = ("НАРОДОНАСЕЛЕНИЕ И СЕМЬЯ\nРегионы России: демографические исследования\n2024 · Том 11 · Выпуск 1 · С. 54–63\n"
            "ISSN 2413-8207 (print) · ISSN 2713-1955 (online)\n\n" + _paper(["Второй брак в малом городе", "И.И. Иванова"]))
    blocks = _blocks(text)
    assert not any("ISSN" in b for b in blocks)


def test_a_wiley_like_front_bars_between_names_markers_over_affiliations() -> None:
    text = ("ORIGINAL ARTICLE\n\nWater use of irrigated pear orchards on the terraces of the lower\n"
            "Ebro valley in two dry summers\nMatti Korhonen1 | Laura Virtanen2 | Jussi Heikkinen1,3\n\n"
            "1\n Natural Resources Institute, Joensuu, Finland\n2\n University of Eastern Finland, Joensuu, Finland\n\n"
            "Correspondence\nMatti Korhonen, Natural Resources Institute, Joensuu, Finland.\n\n"
            + _wrapped("Abstract " + _BODY) + "\n\n1. Introduction\n\n" + _wrapped(_BODY * 2) + "\n")
    rec = _record(text)
    assert rec["title"]["text"] == ("Water use of irrigated pear orchards on the terraces of the lower Ebro valley "
                                    "in two dry summers")
    # Each name once (the corresponding author's line names the first again), each with its affiliation.
    assert _authors(rec) == [("Matti Korhonen", ["Natural Resources Institute, Joensuu, Finland"]),
                             ("Laura Virtanen", ["University of Eastern Finland, Joensuu, Finland"]),
                             ("Jussi Heikkinen", ["Natural Resources Institute, Joensuu, Finland"])]


def test_a_marker_line_over_an_affiliation_goes_to_it() -> None:
    out, n = layout._attach_marker_lines(["Anna Berg1 | Tom Ray2", "", "1", " University of Oslo, Oslo, Norway", "2",
                                          " Institute of Marine Research, Bergen"])
    assert out == ["Anna Berg1 | Tom Ray2", "", "1 University of Oslo, Oslo, Norway", "2 Institute of Marine Research, Bergen"]
    assert n == 2
    # Right under a name, a marker is the name's.
    assert layout._attach_marker_lines(["Tom Ray", "*", "University of Oslo"]) == (["Tom Ray *", "University of Oslo"], 1)


def test_a_lower_case_byline_with_letter_markers_under_the_title() -> None:
    text = ("Tephra layers of a historical eruption in a peat bog on the western slope of\nthe volcano — chronology "
            "and dispersal\n\nby Ivan Petrov a, Anna Smith b and Olga Sidorova a,c\n\n"
            "a Institute of Volcanology and Seismology, Petropavlovsk-Kamchatsky, Russia\n"
            "b Department of Earth Sciences, University of Bristol, Bristol, UK\n"
            "c Kamchatka State University, Petropavlovsk-Kamchatsky, Russia\n\nFirst published online: 12 May 2023\n\n"
            + _wrapped("ABSTRACT " + _BODY) + "\n\n1. Introduction\n\n" + _wrapped(_BODY * 2) + "\n")
    rec = _record(text)
    assert rec["title"]["text"].endswith("the volcano — chronology and dispersal")
    assert _authors(rec) == [
        ("Ivan Petrov", ["Institute of Volcanology and Seismology, Petropavlovsk-Kamchatsky, Russia"]),
        ("Anna Smith", ["Department of Earth Sciences, University of Bristol, Bristol, UK"]),
        ("Olga Sidorova", ["Institute of Volcanology and Seismology, Petropavlovsk-Kamchatsky, Russia",
                           "Kamchatka State University, Petropavlovsk-Kamchatsky, Russia"])]
    assert rec["published"] == "2023-05-12"


def test_a_barred_author_list_wrapped_onto_a_second_line_ends_the_title() -> None:
    text = ("Water use of irrigated pear orchards on the terraces of the lower\nEbro valley in two dry summers\n"
            "Marta Puig1 | Jordi Serra2 |\nNuria Vidal1,3\n\n1\n University of Lleida, Lleida, Spain\n\n"
            + _wrapped("Abstract " + _BODY) + "\n\n1. Introduction\n\n" + _wrapped(_BODY * 2) + "\n")
    rec = _record(text)
    assert rec["title"]["text"] == "Water use of irrigated pear orchards on the terraces of the lower Ebro valley in two dry summers"
    assert [a["name"] for a in rec["authors"]] == ["Marta Puig", "Jordi Serra", "Nuria Vidal"]
    assert front.opens_author_list("Marta Puig1 | Jordi Serra2 |", "Nuria Vidal1,3")


@pytest.mark.parametrize(("line", "cue"), [
    ("Keywords Thermal biology, Reptiles, Range edge", True), ("KEYWORDS Soil moisture; Irrigation", True),
    ("Keywords are what indexers read first.", False),
])
def test_a_keywords_cue_with_no_mark(line: str, cue: bool) -> None:
    assert (layout.FIELD_CUE.match(line) is not None) is cue


def test_keywords_without_a_colon_under_a_subjects_line() -> None:
    text = _paper(["Basking of sand lizards at the northern edge of their range", "Anna Berg1, Tom Ray2"]).replace(
        "Keywords: rivers; water; treaties", "Subjects Ecology, Zoology\nKeywords Thermal biology, Reptiles, Range edge")
    assert _record(text)["keywords"] == {"en": ["Thermal biology", "Reptiles", "Range edge"]}


def test_keywords_one_a_line_under_a_cue_alone() -> None:
    text = _paper(["Citrate additives suppress zinc dendrites in mildly acidic zinc-ion batteries", "Anna Berg1, Tom Ray2"]
                  ).replace("Keywords: rivers; water; treaties",
                            "Keywords:\nZinc-ion battery\nElectrolyte additive\nDendrite suppression\nHydrogen evolution")
    assert _record(text)["keywords"] == {"en": ["Zinc-ion battery", "Electrolyte additive", "Dendrite suppression",
                                                "Hydrogen evolution"]}
    # Under a cue with its list on the same line, the lines are joined as wrapped text.
    assert _blocks("Keywords: rivers, water,\ntreaties, basins\n") == ["Keywords: rivers, water, treaties, basins"]


def test_a_sidebar_history_printed_above_the_title_is_no_body() -> None:
    side = ["Submitted 12 March 2023", "Accepted 3 July 2023", "Published 2 August 2023", "Corresponding author",
            "Anna Berg, anna.berg@example.no", "Academic editor", "John Smith", "Copyright", "2023 Berg et al.", ""]
    text = "\n".join(side) + "\n" + _paper(["Basking of sand lizards at the northern edge of their range in Norway",
                                           "Anna Berg1, Tom Ray2"])
    rec = _record(text)
    assert rec["title"]["text"] == "Basking of sand lizards at the northern edge of their range in Norway"
    assert [a["name"] for a in rec["authors"]] == ["Anna Berg", "Tom Ray"]
