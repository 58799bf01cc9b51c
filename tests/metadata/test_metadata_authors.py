"""Authors: names as printed without markers, affiliations by marker, emails attached; bylines."""

from __future__ import annotations

import pytest
from metadata_docs import LONG_EN, LONG_RU, make_doc, run

from pipeline.metadata.authors import (
    Author,
    attach_emails,
    clean_name,
    is_name,
    lead_author,
    link_affiliations,
    parse_author_line,
    parse_byline,
    parse_dated_byline,
    split_affiliations,
)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Xibei Jia", True), ("Li Hui", True), ("И.И. Иванов", True), ("Иванов И.И.", True), ("У Хао", True),
        ("Mary-Jane O'Neil", True), ("Ludwig van Beethoven", True), ("Roger N. McDermott", True),
        ("Club Events", False), ("A New Journey", False), ("Staff Writer", False), ("Global Corporations", False),
        ("the Institute", False), ("Li", False),
    ],
)
def test_is_name(text: str, name: bool) -> None:
    assert is_name(text) is name


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Сюй Бо1, У Хао1", [("Сюй Бо", ["1"]), ("У Хао", ["1"])]),
        ("Ivan Petrov1,2, Anna Smith2*", [("Ivan Petrov", ["1", "2"]), ("Anna Smith", ["2", "*"])]),
        ("И.И. Иванов, П.П. Петров", [("И.И. Иванов", []), ("П.П. Петров", [])]),
        ("John Smith and Mary Jones", [("John Smith", []), ("Mary Jones", [])]),
        ("Анна Сергеевна Ким¹, Олег Ли²", [("Анна Сергеевна Ким", ["1"]), ("Олег Ли", ["2"])]),
        ("Иванов И.И. и Петров П.П.", [("Иванов И.И.", []), ("Петров П.П.", [])]),
        ("Xibei Jia", [("Xibei Jia", [])]),
        ("Mutual Respect, Benefit and Harmony Without Unification", None),
        ("Ushering in a New Era with New Thought", None),
        ("China and Russia", None),
        ("Global Corporations and Economy", None),
        # Given names, then the surname in capitals: given in title case.
        ("Ayşe Nur KARADENİZ1* , Mehmet Ali ÖZTÜRK2 , Gökhan İLERİ3",
         [("Ayşe Nur Karadeniz", ["1", "*"]), ("Mehmet Ali Öztürk", ["2"]), ("Gökhan İleri", ["3"])]),
        ("Jean-Luc MARTIN1, Marie DUPONT2", [("Jean-Luc Martin", ["1"]), ("Marie Dupont", ["2"])]),
        # ... the surname in capitals of two words (a Spanish double surname, "LE GOFF") as well ...
        ("Anna MARIA KOWALSKA1, Jan NOWAK2", [("Anna Maria Kowalska", ["1"]), ("Jan Nowak", ["2"])]),
        # ... but not an organisation.
        ("NASA Team, ESA Group", None),
        # The surname in capitals first, as Russian and French journals print it.
        ("MARTIN Jean-Luc, DUPONT Marie", [("Martin Jean-Luc", []), ("Dupont Marie", [])]),
        ("ИВАНОВ Иван Иванович1, ПЕТРОВ Пётр Петрович2", [("Иванов Иван Иванович", ["1"]), ("Петров Пётр Петрович", ["2"])]),
        ("NATO SUMMIT Agenda, EU Policy", None),
        ("Climate Change and EU Policy", None),
        # A symbol marker after a space; markdown italics and footnote references around names.
        ("Е. В. Голованова¹ *, А. С. Петров²", [("Е. В. Голованова", ["1", "*"]), ("А. С. Петров", ["2"])]),
        ("*Анна Петрова*[^1], *Олег Ли*[^2]", [("Анна Петрова", ["1"]), ("Олег Ли", ["2"])]),
        ("Anna Berg *, Tom Ray *", [("Anna Berg", ["*"]), ("Tom Ray", ["*"])]),
        ("Tom Ray**, Bo Li***", [("Tom Ray", ["**"]), ("Bo Li", ["***"])]),
        # Capitals without initials: only with a marker on every name.
        ("HELEN MARCHBANKS*", [("Helen Marchbanks", ["*"])]),
        ("ECONOMIC GROWTH", None),
        ("ANNA BERG1, ECONOMIC GROWTH", None),
        # Names with initials side by side, nothing printed between them.
        ("И. И. Иванов П. П. Петров", [("И. И. Иванов", []), ("П. П. Петров", [])]),
        ("Иванов И. И. Петров П. П.2", [("Иванов И. И.", []), ("Петров П. П.", ["2"])]),
        ("И. И. Иванов Петров", [("И. И. Иванов Петров", [])]),
    ],
)
def test_parse_author_line(line: str, expected: list[tuple[str, list[str]]] | None) -> None:
    got = parse_author_line(line)
    assert (None if got is None else [(a.name, a.markers) for a in got]) == expected


@pytest.mark.parametrize(
    "line, names",
    [
        ("By Li Hui", ["Li Hui"]),
        ("by YCPress", ["YCPress"]),
        ("by Jane Doe, Staff Writer | Updated 3 May 2024", ["Jane Doe"]),
        ("by Staff Writer | Updated 3 May 2024", []),
        ("By John Smith and Mary Jones", ["John Smith", "Mary Jones"]),
        ("By Anna Lee — March 3, 2021", ["Anna Lee"]),
        ("Written by Tom Wright, Senior Correspondent", ["Tom Wright"]),
        ("Автор: Иван Петров", ["Иван Петров"]),
        ("Текст: Анна Смирнова, обозреватель", ["Анна Смирнова"]),
        ("By Maria Garcia Updated 12.03.2024 10:15", ["Maria Garcia"]),
        ("By 2030, the two countries will double their trade.", None),
        ("By contrast, the other side declined", None),
    ],
)
def test_parse_byline(line: str, names: list[str] | None) -> None:
    assert parse_byline(line) == names


@pytest.mark.parametrize(
    "text, name",
    [
        ("In 2024 cooperation will grow, writes Li Yongquan, Director of the Institute for Development.", "Li Yongquan"),
        ("Сотрудничество будет расти, пишет Иван Петров, директор Института.", "Иван Петров"),
        ("The crisis is not over, writes Anna Smith (Oxford).", "Anna Smith"),
        ("Relations are stable, says Vladimir Putin.", None),  # a speaker, not the writer
        ("He writes well about Russia.", None),
        ("Trade grew, writes the Institute of Economics.", None),
    ],
)
def test_lead_author(text: str, name: str | None) -> None:
    assert lead_author(text) == name


def test_clean_name_and_affiliation_split() -> None:
    assert clean_name("Сюй Бо1,") == "Сюй Бо"
    assert clean_name("Ivan Petrov*") == "Ivan Petrov"
    assert split_affiliations("1 Jilin University, China 2 MGIMO University, Russia", {"1", "2"}) == [
        ("1", "Jilin University, China"), ("2", "MGIMO University, Russia")]
    assert split_affiliations("School of Law, Minsk 220030, Belarus jxb@gmail.com", set()) == [
        (None, "School of Law, Minsk 220030, Belarus")]


def test_link_and_attach() -> None:
    authors = [Author("Ivan Petrov", ["1"]), Author("Anna Smith", ["2"])]
    link_affiliations(authors, [("1", "MGIMO University"), ("2", "Jilin University")])
    attach_emails(authors, [(None, "a.smith@jlu.edu.cn"), (None, "petrov@mgimo.ru")])
    assert [(a.affiliations, a.email) for a in authors] == [
        (["MGIMO University"], "petrov@mgimo.ru"), (["Jilin University"], "a.smith@jlu.edu.cn")]
    # Two authors, one unattributable email: nobody gets it.
    pair = [Author("Ivan Petrov"), Author("Anna Smith")]
    attach_emails(pair, [(None, "office@uni.org")])
    assert [a.email for a in pair] == [None, None]


# --- authors of whole documents ---


def authors_of(doc):  # noqa: ANN001, ANN201 - tiny local helper
    return run(doc)["authors"]


def test_paper_author_with_affiliation_and_email() -> None:
    doc = make_doc([("heading", "Experience and Enlightenment of New Relations"), ("heading", "Xibei Jia"),
                    "School of Belarusian State University, Minsk 220030, Belarus jxb19980114@gmail.com",
                    "Keywords: relations; model", "Abstract: " + LONG_EN])
    assert authors_of(doc) == [{"name": "Xibei Jia", "affiliations": ["School of Belarusian State University, "
                                                                      "Minsk 220030, Belarus"],
                                "email": "jxb19980114@gmail.com"}]


def test_markers_link_a_shared_affiliation() -> None:
    doc = make_doc([("heading", "Размышления о дипломатии Китая"), "Сюй Бо1, У Хао1", "1 Цзилиньский университет, Китай",
                    "Аннотация. " + LONG_RU])
    assert authors_of(doc) == [
        {"name": "Сюй Бо", "affiliations": ["Цзилиньский университет, Китай"], "email": None},
        {"name": "У Хао", "affiliations": ["Цзилиньский университет, Китай"], "email": None},
    ]


def test_two_affiliations_by_marker_with_emails() -> None:
    doc = make_doc([("heading", "Energy Dialogue between Russia and China"), "Ivan Petrov1, Anna Smith2",
                    "1 MGIMO University, Moscow, Russia; petrov@mgimo.ru", "2 Jilin University, Changchun, China; smith@jlu.edu.cn",
                    "Abstract. " + LONG_EN])
    assert authors_of(doc) == [
        {"name": "Ivan Petrov", "affiliations": ["MGIMO University, Moscow, Russia"], "email": "petrov@mgimo.ru"},
        {"name": "Anna Smith", "affiliations": ["Jilin University, Changchun, China"], "email": "smith@jlu.edu.cn"},
    ]


def test_web_byline() -> None:
    assert [a["name"] for a in authors_of(make_doc([("heading", "A New Journey for Relations"), "By Li Hui", LONG_EN]))] == ["Li Hui"]


def test_site_byline() -> None:
    doc = make_doc(["Relations still good", "by YCPress", LONG_EN])
    assert [a["name"] for a in authors_of(doc)] == ["YCPress"]


def test_lead_names_the_writer() -> None:
    doc = make_doc(["Multipolarity and Connectivity",
                    "Cooperation has an effective platform. In 2024 it will be even more colourful, writes Li "
                    "Yongquan, Director of the Institute for the Social Development of Europe and Asia.", LONG_EN])
    assert [a["name"] for a in authors_of(doc)] == ["Li Yongquan"]


def test_role_only_byline_gives_no_author() -> None:
    assert authors_of(make_doc(["Trade Talks Resume", "by Staff Writer | Updated 3 May 2024", LONG_EN])) == []


def test_closing_bio_alone_is_not_read_as_a_byline() -> None:
    doc = make_doc(["A New Journey for Relations", LONG_EN, "Li Hui is Special Representative of the Government."])
    assert authors_of(doc) == []


def test_headings_in_the_body_are_not_authors() -> None:
    doc = make_doc([("heading", "Trade Talks Resume"), LONG_EN, ("heading", "Club Events"), LONG_EN])
    assert authors_of(doc) == []


def test_html_superscript_markers_from_a_converter() -> None:
    doc = make_doc([("heading", "Border Trade and Regional Development"), ("heading", "Anna K. Smith<sup>1</sup>, Wang Lei<sup>2</sup>"),
                    "<sup>1</sup> Department of Geography, University of Leeds, UK; a.smith@leeds.example.ac.uk "
                    "<sup>2</sup> School of Economics, Heilongjiang University, Harbin, China",
                    ("heading", "Abstract"), LONG_EN])
    assert authors_of(doc) == [
        {"name": "Anna K. Smith", "affiliations": ["Department of Geography, University of Leeds, UK"],
         "email": "a.smith@leeds.example.ac.uk"},
        {"name": "Wang Lei", "affiliations": ["School of Economics, Heilongjiang University, Harbin, China"], "email": None},
    ]


def test_capitals_with_initials_and_the_transliterated_repeat() -> None:
    doc = make_doc([("heading", "ЭНЕРГЕТИЧЕСКИЙ ДИАЛОГ РОССИИ И КИТАЯ"), "ИВАНОВ И.И.¹, ПЕТРОВ П.П.²",
                    "¹ МГИМО, Москва, Россия ² Институт Дальнего Востока РАН, Москва, Россия",
                    ("heading", "RUSSIA–CHINA ENERGY DIALOGUE"), "I.I. Ivanov¹, P.P. Petrov²",
                    "¹ MGIMO University, Moscow, Russia ² Institute of Far Eastern Studies, Moscow, Russia",
                    "Аннотация: " + LONG_RU])
    assert authors_of(doc) == [
        {"name": "ИВАНОВ И.И.", "affiliations": ["МГИМО, Москва, Россия"], "email": None},
        {"name": "ПЕТРОВ П.П.", "affiliations": ["Институт Дальнего Востока РАН, Москва, Россия"], "email": None},
    ]


@pytest.mark.parametrize(
    "line, name, affiliation",
    [
        ("John Smith, Department of Politics, University of York", "John Smith", "Department of Politics, University of York"),
        ("Иван Петров — доктор политических наук, профессор", "Иван Петров", None),
        ("Anna Lee1, Institute of Asian Studies, Seoul", "Anna Lee", "Institute of Asian Studies, Seoul"),
        # A surname in capitals after the given name; a degree after a space alone.
        ("Оксана ГРЕБЕНЮК, кандидат педагогічних наук, доцент", "Оксана Гребенюк", None),
        ("Остроухова Марина Викторовна кандидат юридических наук, доцент", "Остроухова Марина Викторовна", None),
    ],
)
def test_author_followed_by_a_description(line: str, name: str, affiliation: str | None) -> None:
    from pipeline.metadata.authors import parse_author_with_role

    author, aff = parse_author_with_role(line)
    assert (author.name, aff) == (name, affiliation)


def test_description_without_institution_or_role_is_not_an_author() -> None:
    from pipeline.metadata.authors import parse_author_with_role

    assert parse_author_with_role("Global Trends, Regional Answers") is None
    assert parse_author_with_role("China and Russia — a new era") is None
    # After a space alone, only a role or degree word opens the description.
    assert parse_author_with_role("Economic Growth in the region of the Urals") is None
    assert parse_author_with_role("Trade Policy and university reform") is None


@pytest.mark.parametrize("line, follows", [
    ("Оксана ГРЕБЕНЮК, кандидат педагогічних наук, доцент", True),
    ("Иван Петров — доктор политических наук, профессор", True),
    ("John Smith, Department of Politics, University of York", False),
    ("Global Trends, Regional Answers", False),
])
def test_role_follows_name(line: str, follows: bool) -> None:
    from pipeline.metadata.authors import role_follows_name

    assert role_follows_name(line) is follows


def test_authors_with_their_degrees_above_the_title_are_read() -> None:
    doc = make_doc([("heading", "УДК 378.011.3"), ("heading", "Оксана ГРЕБЕНЮК, кандидат педагогічних наук, доцент"),
                    ("heading", "Віталій ЯРОШЕНКО, аспірант кафедри музичного мистецтва"),
                    ("heading", "ХОРОВЕ ДИРИГУВАННЯ В ПІДГОТОВЦІ МАЙБУТНІХ УЧИТЕЛІВ МУЗИЧНОГО МИСТЕЦТВА"), LONG_RU])
    md = run(doc)
    assert [a["name"] for a in md["authors"]] == ["Оксана Гребенюк", "Віталій Ярошенко"]
    assert md["title"]["text"].startswith("ХОРОВЕ ДИРИГУВАННЯ")


@pytest.mark.parametrize(
    "blocks",
    [
        [("heading", "Border Trade and Regional Development"), LONG_EN],
        [("heading", "China and the Arctic"), "Trade Wars and Energy Security", LONG_EN],
        ["Trade Wars and Energy Security", ("heading", "China and the Arctic"), LONG_EN],
    ],
)
def test_title_case_phrases_are_not_plain_author_lines(blocks: list) -> None:  # type: ignore[type-arg]
    assert authors_of(make_doc(blocks)) == []


def test_plain_names_with_their_affiliation_under_the_title() -> None:
    doc = make_doc([("heading", "China and the Arctic"), "Maria Lopez and Karl Berg",
                    "Arctic Institute, Tromsø, Norway", LONG_EN])
    assert [(a["name"], a["affiliations"]) for a in authors_of(doc)] == [
        ("Maria Lopez", ["Arctic Institute, Tromsø, Norway"]), ("Karl Berg", ["Arctic Institute, Tromsø, Norway"])]


@pytest.mark.parametrize(
    "line, name",
    [
        ("Jane Doe | 12 March 2024", "Jane Doe"),
        ("Иван Петров, 28.12.2020", "Иван Петров"),
        ("Anna Lee — March 3, 2021, 10:15 AM", "Anna Lee"),
        ("Moscow, 28 December 2020", None),
        ("Club Events, 28 December 2020", None),
        ("Jane Doe", None),
        ("The talks resumed on 12 March 2024", None),
        # The date first, a separator, then the name.
        ("03.04.2019 | Мария Лебедева", "Мария Лебедева"),
        ("5 May 2022 · Tom Becker", "Tom Becker"),
        ("5 May 2022, 14:20 | Tom Becker", "Tom Becker"),
        ("03.04.2019 Казань", None),  # a dateline, no separator
        ("03.04.2019 | Экономика", None),  # a section, not a name
    ],
)
def test_parse_dated_name(line: str, name: str | None) -> None:
    from pipeline.metadata.authors import parse_dated_name

    assert parse_dated_name(line) == name


def test_dated_byline_without_by_under_the_headline() -> None:
    doc = make_doc([("heading", "Trade Talks Resume"), "Jane Doe | 12 March 2024", LONG_EN])
    md = run(doc)
    assert [a["name"] for a in md["authors"]] == ["Jane Doe"]
    assert md["published"] == "2024-03-12"


# --- generalisation: initials, symbol markers, joined author blocks, per-entry emails ---


@pytest.mark.parametrize(
    "text, name",
    [("Robert A. Jones", True), ("A. E. Houseman", True), ("Sarah A. Klein-Moser", True), ("Tomás Núñez", True),
     ("A Hidden War", False), ("An Open Door", False)],
)
def test_initial_that_spells_a_heading_word_is_still_an_initial(text: str, name: bool) -> None:
    assert is_name(text) is name


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Lena K. Ortiz1, Paul A. Brandt2 and Ji-Woo Park1",
         [("Lena K. Ortiz", ["1"]), ("Paul A. Brandt", ["2"]), ("Ji-Woo Park", ["1"])]),
        ("Ann Lee* and Tom Ray**", [("Ann Lee", ["*"]), ("Tom Ray", ["**"])]),
        ("Ann Lee*, Tom Ray**, Bo Li***", [("Ann Lee", ["*"]), ("Tom Ray", ["**"]), ("Bo Li", ["***"])]),
        ("Olga Petrova†‡, Sergei Orlov‡", [("Olga Petrova", ["†", "‡"]), ("Sergei Orlov", ["‡"])]),
    ],
)
def test_author_lines_with_initials_and_symbol_markers(line: str, expected: list[tuple[str, list[str]]]) -> None:
    got = parse_author_line(line)
    assert got is not None and [(a.name, a.markers) for a in got] == expected


@pytest.mark.parametrize(
    "text, names, rest",
    [
        ("Anna Lee1, Tom Ray2 1 University of Bath, UK 2 Keio University, Japan",
         ["Anna Lee", "Tom Ray"], "1 University of Bath, UK 2 Keio University, Japan"),
        ("Ольга Петрова1, Сергей Орлов2 1 Томский университет, Томск, Россия, petrova@tsu.example.ru "
         "2 Институт географии РАН, Москва, Россия",
         ["Ольга Петрова", "Сергей Орлов"], "1 Томский университет, Томск, Россия, petrova@tsu.example.ru "
         "2 Институт географии РАН, Москва, Россия"),
        ("Ann Lee* and Tom Ray** * Lund University, Sweden ** Aalto University, Finland",
         ["Ann Lee", "Tom Ray"], "* Lund University, Sweden ** Aalto University, Finland"),
        ("Anna Lee1, Tom Ray2", None, None),  # nothing after the names
        ("Anna Lee1, Tom Ray2 3 main findings follow", None, None),  # "3" names no author
        ("Growth in 2 regions of the North", None, None),
    ],
)
def test_split_author_block(text: str, names: list[str] | None, rest: str | None) -> None:
    from pipeline.metadata.authors import split_author_block

    got = split_author_block(text)
    assert (None if got is None else ([a.name for a in got[0]], got[1])) == (
        None if names is None else (names, rest))


@pytest.mark.parametrize(
    "text, markers, expected",
    [
        ("1 Томский университет, Томск, Россия, petrova@tsu.example.ru 2 Институт географии РАН, Москва",
         {"1", "2"}, [("1", "Томский университет, Томск, Россия", ["petrova@tsu.example.ru"], False),
                      ("2", "Институт географии РАН, Москва", [], False)]),
        ("* Lund University, Sweden. E-mail: a.lee@lu.example.se ** Aalto University, Finland. "
         "E-mail: t.ray@aalto.example.fi", {"*", "**"},
         [("*", "Lund University, Sweden", ["a.lee@lu.example.se"], False),
          ("**", "Aalto University, Finland", ["t.ray@aalto.example.fi"], False)]),
        ("Lund University, Sweden. Email: a.lee@lu.example.se Aalto University, Finland. Email: t.ray@aalto.example.fi",
         set(), [(None, "Lund University, Sweden", ["a.lee@lu.example.se"], False),
                 (None, "Aalto University, Finland", ["t.ray@aalto.example.fi"], False)]),
        ("School of Geography, University of Otago. Emails: kim@otago.example.nz, roe@otago.example.nz", set(),
         [(None, "School of Geography, University of Otago", ["kim@otago.example.nz", "roe@otago.example.nz"], False)]),
        ("Corresponding author: kim@otago.example.nz", {"1"}, [(None, "", ["kim@otago.example.nz"], True)]),
        ("* Автор для переписки: orlov@geo.example.ru", {"*"}, [("*", "", ["orlov@geo.example.ru"], True)]),
    ],
)
def test_affiliation_entries(text: str, markers: set[str], expected: list) -> None:  # type: ignore[type-arg]
    from pipeline.metadata.authors import affiliation_entries

    assert [(e.marker, e.text, e.emails, e.corresponding) for e in affiliation_entries(text, markers)] == expected


def test_entry_emails_by_marker_name_order_and_correspondence() -> None:
    from pipeline.metadata.authors import AffiliationEntry, attach_entry_emails

    by_marker = [Author("Ann Lee", ["*"]), Author("Tom Ray", ["**"])]
    attach_entry_emails(by_marker, [AffiliationEntry("*", "Lund University", ["office1@lu.example.se"]),
                                    AffiliationEntry("**", "Aalto University", ["office2@aalto.example.fi"])])
    assert [a.email for a in by_marker] == ["office1@lu.example.se", "office2@aalto.example.fi"]
    # Unmarked entries printed one per author, addresses that do not spell the names: by order.
    by_order = [Author("Ann Lee"), Author("Tom Ray")]
    attach_entry_emails(by_order, [AffiliationEntry(None, "Lund University", ["x17@lu.example.se"]),
                                   AffiliationEntry(None, "Aalto University", ["y22@aalto.example.fi"])])
    assert [a.email for a in by_order] == ["x17@lu.example.se", "y22@aalto.example.fi"]
    # A corresponding-author line: the author the address names, else the first author.
    named = [Author("Ann Lee", ["1"]), Author("Tom Ray", ["2"])]
    attach_entry_emails(named, [AffiliationEntry(None, "", ["tray@uni.example.org"], corresponding=True)])
    assert [a.email for a in named] == [None, "tray@uni.example.org"]
    first = [Author("Ann Lee", ["1"]), Author("Tom Ray", ["2"])]
    attach_entry_emails(first, [AffiliationEntry(None, "", ["editor.office@uni.example.org"], corresponding=True)])
    assert [a.email for a in first] == ["editor.office@uni.example.org", None]


@pytest.mark.parametrize(
    "line, one, two",
    [("Lena K. Ortiz<sup>1</sup>, Paul A. Brandt<sup>2</sup> and Ji-Woo Park<sup>1</sup>", "<sup>1</sup>", "<sup>2</sup>"),
     ("Lena K. Ortiz¹, Paul A. Brandt² and Ji-Woo Park¹", "¹", "²"),
     ("Lena K. Ortiz1, Paul A. Brandt2 and Ji-Woo Park1", "1", "2")],
)
def test_markdown_paper_with_superscript_markers_and_corresponding_author(line: str, one: str, two: str) -> None:
    doc = make_doc([("heading", "# **Seasonal Migration and Rural Labour Markets in the Andes**"), ("heading", line),
                    ("heading", f"{one} Department of Sociology, University of Lima, Peru"),
                    ("heading", f"{two} Institute of Development Studies, Brighton, UK"),
                    ("heading", "Corresponding author: lortiz@ulima.example.pe"),
                    "**Abstract:** " + LONG_EN])
    md = run(doc)
    assert md["title"]["text"] == "Seasonal Migration and Rural Labour Markets in the Andes"
    assert md["authors"] == [
        {"name": "Lena K. Ortiz", "affiliations": ["Department of Sociology, University of Lima, Peru"],
         "email": "lortiz@ulima.example.pe"},
        {"name": "Paul A. Brandt", "affiliations": ["Institute of Development Studies, Brighton, UK"], "email": None},
        {"name": "Ji-Woo Park", "affiliations": ["Department of Sociology, University of Lima, Peru"], "email": None},
    ]


def test_corresponding_email_not_naming_anyone_goes_to_the_first_author() -> None:
    doc = make_doc([("heading", "Seasonal Migration in the Andes"), ("heading", "Lena Ortiz1 and Paul Brandt2"),
                    "1 University of Lima, Peru", "2 University of Sussex, Brighton, UK",
                    "Correspondence to: migration.lab@ulima.example.pe", "Abstract: " + LONG_EN])
    md = run(doc)
    assert [(a["name"], a["email"]) for a in md["authors"]] == [
        ("Lena Ortiz", "migration.lab@ulima.example.pe"), ("Paul Brandt", None)]
    assert all("Correspondence" not in aff for a in md["authors"] for aff in a["affiliations"])


def test_author_line_run_together_with_marked_affiliations_and_emails() -> None:
    doc = make_doc([
        ("heading", "Водные ресурсы Сибири в условиях изменения климата"),
        "Ольга Николаевна Петрова1, Сергей Игоревич Орлов2 1 Томский государственный университет, Томск, Россия, "
        "petrova@tsu.example.ru 2 Институт географии РАН, Москва, Россия, orlov@igras.example.ru",
        "Аннотация. " + LONG_RU,
        ("heading", "Water Resources of Siberia under Climate Change"),
        "Olga N. Petrova1, Sergei I. Orlov2",
        "Abstract. " + LONG_EN,
        LONG_RU,
    ])
    assert authors_of(doc) == [
        {"name": "Ольга Николаевна Петрова", "affiliations": ["Томский государственный университет, Томск, Россия"],
         "email": "petrova@tsu.example.ru"},
        {"name": "Сергей Игоревич Орлов", "affiliations": ["Институт географии РАН, Москва, Россия"],
         "email": "orlov@igras.example.ru"},
    ]


@pytest.mark.parametrize(
    "names, affiliations",
    [
        # Markers kept by extraction: "*" and "**" are two different marks.
        ("Ann Lee* and Tom Ray**", ["* Lund University, Sweden. E-mail: office@lu.example.se",
                                    "** Aalto University, Finland. E-mail: desk@aalto.example.fi"]),
        # The line-start markers lost (read as list bullets), the entries run together on one line.
        ("Ann Lee* and Tom Ray", ["Lund University, Sweden. E-mail: office@lu.example.se Aalto University, Finland. "
                                  "E-mail: desk@aalto.example.fi"]),
    ],
)
def test_star_markers_give_each_author_only_their_own_affiliation(names: str, affiliations: list[str]) -> None:
    doc = make_doc([("heading", "Harbour Cities and the Baltic Grain Trade"), ("heading", names), *affiliations,
                    "Abstract " + LONG_EN])
    assert authors_of(doc) == [
        {"name": "Ann Lee", "affiliations": ["Lund University, Sweden"], "email": "office@lu.example.se"},
        {"name": "Tom Ray", "affiliations": ["Aalto University, Finland"], "email": "desk@aalto.example.fi"},
    ]


# --- letter markers (a, b, c) after names, as IEEE-style papers print them ---


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Maria Costa a, Henrik Vogel b", [("Maria Costa", ["a"]), ("Henrik Vogel", ["b"])]),
        ("Maria Costa a,b and Henrik Vogel c", [("Maria Costa", ["a", "b"]), ("Henrik Vogel", ["c"])]),
        ("Ирина Волкова a, Пётр Зуев b", [("Ирина Волкова", ["a"]), ("Пётр Зуев", ["b"])]),
        ("Sofia Costa, Lena Berga", [("Sofia Costa", []), ("Lena Berga", [])]),  # a final "a" is the name's
    ],
)
def test_author_lines_with_letter_markers(line: str, expected: list[tuple[str, list[str]]]) -> None:
    got = parse_author_line(line)
    assert got is not None and [(a.name, a.markers) for a in got] == expected


@pytest.mark.parametrize(
    "text, names, rest",
    [
        ("Maria Costa a, Henrik Vogel b a Faculty of Physics, University of Porto, Portugal "
         "b Max Planck Institute for Chemistry, Mainz, Germany",
         ["Maria Costa", "Henrik Vogel"],
         "a Faculty of Physics, University of Porto, Portugal b Max Planck Institute for Chemistry, Mainz, Germany"),
        ("Maria Costa a, Henrik Vogel b c Main results follow", None, None),  # "c" names no author
    ],
)
def test_split_author_block_with_letter_markers(text: str, names: list[str] | None, rest: str | None) -> None:
    from pipeline.metadata.authors import split_author_block

    got = split_author_block(text)
    assert (None if got is None else ([a.name for a in got[0]], got[1])) == (
        None if names is None else (names, rest))


def test_letter_markers_link_each_author_to_their_affiliation() -> None:
    doc = make_doc([
        ("heading", "Sparse Attention for Long Document Ranking"),
        "Maria Costa a, Henrik Vogel b a Faculty of Physics, University of Porto, Portugal "
        "b Max Planck Institute for Chemistry, Mainz, Germany",
        LONG_EN,
    ])
    md = run(doc)
    assert [(a["name"], a["affiliations"]) for a in md["authors"]] == [
        ("Maria Costa", ["Faculty of Physics, University of Porto, Portugal"]),
        ("Henrik Vogel", ["Max Planck Institute for Chemistry, Mainz, Germany"]),
    ]


def test_date_then_name_under_the_headline() -> None:
    doc = make_doc([("heading", "В Казани открыли новый стадион"), "03.04.2019 | Мария Лебедева", LONG_RU])
    md = run(doc)
    assert [a["name"] for a in md["authors"]] == ["Мария Лебедева"]
    assert md["published"] == "2019-04-03"


@pytest.mark.parametrize(("line", "names", "markers"), [
    ("Hanna Virtanen1, Rafael Q. Moreira2,*, Olumide Adeyemi1", ["Hanna Virtanen", "Rafael Q. Moreira", "Olumide Adeyemi"],
     [["1"], ["2", "*"], ["1"]]),
    ("Chloé Nguyễn, Ion Popescu and Ștefan Țurcanu", ["Chloé Nguyễn", "Ion Popescu", "Ștefan Țurcanu"], [[], [], []]),
])
def test_author_lines_with_combined_markers_and_other_latin_letters(line: str, names: list[str],
                                                                    markers: list[list[str]]) -> None:
    from pipeline.metadata.authors import parse_author_line

    found = parse_author_line(line)
    assert found is not None
    assert [a.name for a in found] == names and [a.markers for a in found] == markers


@pytest.mark.parametrize(("line", "names", "markers"), [
    ("Dr. Anna Berg1 · Prof. Dr. Jan Roth2 · Lea-Sophie Kuhn1", ["Anna Berg", "Jan Roth", "Lea-Sophie Kuhn"],
     [["1"], ["2"], ["1"]]),
    ("Доц. д-р Мария Петрова1 Гл. ас. д-р Иван Колев2", ["Мария Петрова", "Иван Колев"], [["1"], ["2"]]),
    ("**Ruth Elsner**$^{1,2}$ **Kenji Tanaka**$^{2}$ **Pádraig Ó Duinnín**$^{3,*}$",
     ["Ruth Elsner", "Kenji Tanaka", "Pádraig Ó Duinnín"], [["1", "2"], ["2"], ["3", "*"]]),
    ("Ivan Petrov1 Anna Smith2", ["Ivan Petrov", "Anna Smith"], [["1"], ["2"]]),
])
def test_author_lines_with_titles_dots_latex_or_only_markers_between_names(line: str, names: list[str],
                                                                           markers: list[list[str]]) -> None:
    from pipeline.metadata.authors import parse_author_line

    found = parse_author_line(line)
    assert found is not None
    assert [a.name for a in found] == names and [a.markers for a in found] == markers


@pytest.mark.parametrize("line", ["Section 1 Introduction", "Table 2 Results by Region",
                                  "Mutual Respect, Benefit and Harmony Without Unification", "Dr. Strangelove"])
def test_lines_that_only_look_like_marked_names_are_not_author_lines(line: str) -> None:
    from pipeline.metadata.authors import parse_author_line

    assert parse_author_line(line) is None


@pytest.mark.parametrize(("line", "names"), [
    ("Par Camille Rouaud | publié le 3 juin 2024 à 08h15", ["Camille Rouaud"]), ("Von Anna Schmidt", ["Anna Schmidt"]),
    ("Por María López", ["María López"]), ("Di Mario Rossi", ["Mario Rossi"]), ("Autorin: Lea Kuhn", ["Lea Kuhn"]),
])
def test_bylines_in_the_other_allowed_languages(line: str, names: list[str]) -> None:
    from pipeline.metadata.authors import parse_byline

    assert parse_byline(line) == names


@pytest.mark.parametrize("line", ["Par ailleurs, le gouvernement a décidé de reporter le vote",
                                  "Von Berlin nach Paris", "Di solito si dice che il mare è calmo"])
def test_sentences_that_open_with_a_byline_word_are_not_bylines(line: str) -> None:
    from pipeline.metadata.authors import parse_byline

    assert parse_byline(line) is None


def test_a_byline_under_the_standfirst_is_still_front_matter() -> None:
    doc = make_doc([("heading", "Le Carnet des Lettres"), ("heading", "CRITIQUE"),
                    ("heading", "« Les Veilleurs » : Hélène Marzin rallume les phares de la mer d'Iroise"),
                    "Dans son troisième roman, l'écrivaine brestoise suit trois générations de gardiens de phare.",
                    "Par Camille Rouaud | publié le 3 juin 2024 à 08h15", LONG_EN, LONG_EN])
    md = run(doc)
    assert [a["name"] for a in md["authors"]] == ["Camille Rouaud"]
    assert md["title"]["text"].startswith("« Les Veilleurs »")
    assert md["published"] == "2024-06-03"


def test_letter_markers_with_a_symbol_and_the_affiliations_run_into_the_author_line() -> None:
    from pipeline.metadata.authors import parse_author_line

    found = parse_author_line("Ingrid Sæther Holm a,*, Łucja Wróblewska b, Oğuz Yıldırım c")
    assert found is not None and [a.markers for a in found] == [["a", "*"], ["b"], ["c"]]
    doc = make_doc([("heading", "Red snow on Svalbard: seasonal dynamics of snow algae blooms"),
                    "Ingrid Sæther Holm a,*, Łucja Wróblewska b, Oğuz Yıldırım c a Department of Arctic Biology, "
                    "Longyearbyen University Centre, Svalbard, Norway b Institute of Oceanology, Gdańsk, Poland "
                    "c Department of Environmental Engineering, Erzurum Technical University, Türkiye", LONG_EN])
    authors = run(doc)["authors"]
    assert [a["name"] for a in authors] == ["Ingrid Sæther Holm", "Łucja Wróblewska", "Oğuz Yıldırım"]
    assert authors[1]["affiliations"] == ["Institute of Oceanology, Gdańsk, Poland"]


@pytest.mark.parametrize(("line", "names"), [
    ("王晓燕¹，李明哲²，陈思远¹", ["王晓燕", "李明哲", "陈思远"]), ("王晓燕、李明哲", ["王晓燕", "李明哲"]),
    ("欧阳明华¹，李明哲²", ["欧阳明华", "李明哲"]), ("雨水花园，道路径流", None), ("寒冷地区雨水花园对道路径流污染物的削减效果", None),
])
def test_chinese_author_lines(line: str, names: list[str] | None) -> None:
    from pipeline.metadata.authors import parse_author_line

    found = parse_author_line(line)
    assert (None if found is None else [a.name for a in found]) == names


@pytest.mark.parametrize(("line", "names"), [
    ("Publicado em 7 de agosto de 2023 por Juliana Prado Nogueira — Atualizado em 9 de agosto de 2023",
     ["Juliana Prado Nogueira"]),
    ("Published 3 May 2024 by Jane Doe", ["Jane Doe"]),
    ("publié le 3 juin 2024 par Camille Rouaud", ["Camille Rouaud"]),
    ("On 3 May 2024 by a narrow margin", None), ("By Jane Doe", None),  # no date before the byline word
])
def test_parse_dated_byline(line: str, names: list[str] | None) -> None:
    assert parse_dated_byline(line) == names


def test_a_byline_under_the_standfirst_and_the_dates() -> None:
    doc = make_doc([("heading", "Hearing aids fitted at the surgery cut falls among older people by a quarter"),
                    "Older people who were offered a hearing check had a quarter fewer falls over two years than "
                    "those who received usual care, a trial found.",
                    ("heading", "Published: 13 March 2024"), ("heading", "Last updated: 15 March 2024"),
                    ("heading", "Written by Eleri Vaughan-Price"), LONG_EN])
    assert [a["name"] for a in run(doc)["authors"]] == ["Eleri Vaughan-Price"]


def test_kazakh_letters_in_names() -> None:
    assert [a.name for a in parse_author_line("А.Т. Жақыпова1* , Б.Е. Оспанов1 , Ли Цзюнь2") or []] == \
        ["А.Т. Жақыпова", "Б.Е. Оспанов", "Ли Цзюнь"]


def test_dated_byline_with_an_author_label() -> None:
    assert parse_dated_byline("Опубликовано 07.10.2023 в 19:42 | Автор: Сергей Воронихин | Рубрика: Дороги") == \
        ["Сергей Воронихин"]


def test_a_byline_with_its_cue_under_the_article_is_read() -> None:
    doc = make_doc([("heading", "Жители города смогут проверить качество воздуха через приложение"), LONG_RU, LONG_RU,
                    LONG_RU, ("paragraph", "Автор: Ерлан Жумабаев")])
    assert [a["name"] for a in run(doc)["authors"]] == ["Ерлан Жумабаев"]


def test_a_by_sentence_under_the_article_is_no_byline() -> None:
    # (Further down than a byline under the headline may stand, and without a cue's colon.)
    doc = make_doc([("heading", "Council approves the new ferry timetable for the islands"), *[LONG_EN] * 8,
                    ("paragraph", "by Jane Doe")])
    assert run(doc)["authors"] == []


def test_ukrainian_institution_words_split_an_author_line_from_its_affiliations() -> None:
    from pipeline.metadata.authors import split_author_block
    got = split_author_block("Кравченко О. М.¹, Литвин Т. В.² ¹ Поліський національний університет, м. Житомир "
                             "² Мезинська державна академія, с. Мезин")
    assert got is not None
    assert [a.name for a in got[0]] == ["Кравченко О. М.", "Литвин Т. В."]
    assert got[1].startswith("1 Поліський")


@pytest.mark.parametrize(("line", "name"), [
    ("Ines Halvorsen · 2025-04-03 · 9 min read", "Ines Halvorsen"),
    ("Иван Петров | 12.03.2024 | 5 мин", "Иван Петров"),
    ("Ines Halvorsen · 2025-04-03 · 9 comments", None),  # not a reading time: not a byline's tail
])
def test_a_reading_time_after_a_bylines_date(line: str, name: str | None) -> None:
    from pipeline.metadata.authors import parse_dated_name
    assert parse_dated_name(line) == name


@pytest.mark.parametrize("byline", ["Published: 12 March 2025 | Author: Jane Doe", "Jane Doe · 2025-03-12 · 4 min read"])
def test_a_dated_byline_under_the_standfirst(byline: str) -> None:
    doc = make_doc([("heading", "Council opens a new water plant in the village"),
                    "The plant will give a thousand residents drinking water from their own taps for the first time.",
                    ("heading", byline), LONG_EN])
    md = run(doc)
    assert [a["name"] for a in md["authors"]] == ["Jane Doe"]
    assert md["published"] == "2025-03-12"


@pytest.mark.parametrize("star", ["∗", "⁎", "＊", "*", "✉", " ✉"])
def test_other_asterisks_are_markers(star: str) -> None:
    assert [(a.name, a.markers) for a in parse_author_line(f"Nkechi Adeyemi-Roos{star}")] == [("Nkechi Adeyemi-Roos", ["*"])]


def test_an_affiliation_printed_under_each_author_is_no_repeated_headline() -> None:
    # An author grid read column by column: the shared affiliation twice, the title above it all.
    doc = make_doc([("heading", "Paper Still Matters: How Municipal Clerks Mediate Online Applications"),
                    ("heading", "Maarja Tamm"), ("heading", "Institute of Social Informatics"), ("heading", "Tartu, Estonia"),
                    ("heading", "Oskar Lindqvist-Berg"), ("heading", "Department of Informatics"),
                    ("heading", "Nkechi Adeyemi-Roos"), ("heading", "Institute of Social Informatics"), LONG_EN])
    md = run(doc)
    assert md["title"]["text"].startswith("Paper Still Matters")
    assert [a["name"] for a in md["authors"]] == ["Maarja Tamm", "Oskar Lindqvist-Berg", "Nkechi Adeyemi-Roos"]


@pytest.mark.parametrize(("line", "names"), [
    ("Lucía Otero, Xoán Piñeiro Castro e Marta Iglesias Dorado", ["Lucía Otero", "Xoán Piñeiro Castro", "Marta Iglesias Dorado"]),
    ("Ana Ruiz y Pedro Gil", ["Ana Ruiz", "Pedro Gil"]),
    ("Camille Roussel-Nguyen et Étienne Gaubert", ["Camille Roussel-Nguyen", "Étienne Gaubert"]),
    ("Jana Feldmann und Tom Berg", ["Jana Feldmann", "Tom Berg"]),
    ("Ayşe Kaya ve Mehmet Demir", ["Ayşe Kaya", "Mehmet Demir"]),
    ("Олена Кравченко та Тарас Литвин", ["Олена Кравченко", "Тарас Литвин"]),
])
def test_and_between_names_in_the_allowed_languages(line: str, names: list[str]) -> None:
    assert [a.name for a in parse_author_line(line) or []] == names


@pytest.mark.parametrize("line", ["José Ortega y Gasset", "Jordi Casals i Ferrer", "Ciencia y Tecnología"])
def test_a_conjunction_inside_a_surname_or_a_title_gives_no_names(line: str) -> None:
    assert parse_author_line(line) is None


@pytest.mark.parametrize(("line", "expected"), [
    ("John Smitha,b, Jane Doeb,*", [("John Smith", ["a", "b"]), ("Jane Doe", ["b", "*"])]),
    ("Lucía Oteroa,*, Xoán Castrob e Marta Doradoa", [("Lucía Otero", ["a", "*"]), ("Xoán Castro", ["b"]),
                                                     ("Marta Dorado", ["a"])]),
    # No glued letter followed by a comma and another marker: the letters are the names'.
    ("Anna Garcia, Maria Lopez", [("Anna Garcia", []), ("Maria Lopez", [])]),
    ("Maria Lopez, Anna Garcia*", [("Maria Lopez", []), ("Anna Garcia", ["*"])]),
])
def test_letter_markers_glued_to_the_names(line: str, expected: list[tuple[str, list[str]]]) -> None:
    assert [(a.name, a.markers) for a in parse_author_line(line) or []] == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("А. В. Лобанова¹ ², Д. С. Крутиков²", [("А. В. Лобанова", ["1", "2"]), ("Д. С. Крутиков", ["2"])]),
    ("Лобанова Анна Сергеевна¹ ², Петров Иван Иванович²",
     [("Лобанова Анна Сергеевна", ["1", "2"]), ("Петров Иван Иванович", ["2"])]),
    ("Е.А.Шестакова, И.И.Петров", [("Е.А. Шестакова", []), ("И.И. Петров", [])]),
    ("Шестакова Е.А.", [("Шестакова Е.А.", [])]),
])
def test_spaced_superscripts_and_initials_glued_to_the_surname(line: str, expected: list[tuple[str, list[str]]]) -> None:
    assert [(a.name, a.markers) for a in parse_author_line(line) or []] == expected


@pytest.mark.parametrize(("text", "institution"), [
    ("Уральский институт непрерывного образования", True), ("Российская академия наук", True),
    ("Центр исследований Арктики", True), ("Laboratoire de physique", True), ("Universidad de Vigo", True),
    # Adjectives made from those nouns: a title's words, not an institution.
    ("Академическая прокрастинация студентов", False), ("Проблемы центральной Азии", False),
    ("фондовый рынок", False), ("школьное образование", False), ("Institutional change in cities", False),
    ("академічна доброчесність", False),
])
def test_institution_words_are_nouns(text: str, institution: bool) -> None:
    from pipeline.metadata.authors import INSTITUTION_WORDS
    assert (INSTITUTION_WORDS.search(text) is not None) is institution


@pytest.mark.parametrize(("line", "expected"), [
    ("АЛИНА ГАРИФУЛЛИНА ᵃ, ДЕНИС ВОРОТЫНЦЕВ ᵇ", [("Алина Гарифуллина", ["a"]), ("Денис Воротынцев", ["b"])]),
    ("Alina Garifullinaᵃ, Denis Vorotyntsevᵇ", [("Alina Garifullina", ["a"]), ("Denis Vorotyntsev", ["b"])]),
    ("ИВАНОВ И.И. и ПЕТРОВ П.П.", [("ИВАНОВ И.И.", []), ("ПЕТРОВ П.П.", [])]),
])
def test_superscript_letter_markers_and_names_in_capitals_around_lower_case(line: str,
                                                                           expected: list[tuple[str, list[str]]]) -> None:
    assert [(a.name, a.markers) for a in parse_author_line(line) or []] == expected


def test_a_heading_in_capitals_is_still_no_author_line() -> None:
    assert parse_author_line("ЗЕМЕЛЬНАЯ РЕФОРМА И КРЕСТЬЯНЕ") is None


@pytest.mark.parametrize(("line", "want"), [
    ("Федосеева М. И.a, *, Кан Р. А.a, Сабитов Д. Ш.b", [("Федосеева М. И.", ["a", "*"]), ("Кан Р. А.", ["a"]),
                                                         ("Сабитов Д. Ш.", ["b"])]),
    ("Ivan Petrov1, *, Anna Smith2", [("Ivan Petrov", ["1", "*"]), ("Anna Smith", ["2"])]),
])
def test_a_star_marker_spaced_after_the_comma(line: str, want: list[tuple[str, list[str]]]) -> None:
    from pipeline.metadata.authors import parse_author_line
    assert [(a.name, a.markers) for a in parse_author_line(line) or []] == want


@pytest.mark.parametrize(("text", "names"), [
    ("Ю. П. РАКИТИН1, заведующий лабораторией, д-р техн. наук, rakitin@example.ru "
     "Е. С. ВОЛОДИНА1, научный сотрудник, канд. техн. наук А. А. ХМЕЛЁВ2, главный геофизик",
     ["Ю. П. Ракитин", "Е. С. Володина", "А. А. Хмелёв"]),
    ("Ю. П. РАКИТИН1, заведующий лабораторией", None),  # one author: parse_author_with_role's
    ("Ю. П. РАКИТИН1, заведующий лабораторией Е. С. ВОЛОДИНА1, Кировск", None),  # a piece without a post
])
def test_authors_with_posts_run_into_one_line(text: str, names: list[str] | None) -> None:
    from pipeline.metadata.authors import parse_authors_with_roles
    found = parse_authors_with_roles(text)
    assert ([a.name for a, _aff in found] if found else None) == names


@pytest.mark.parametrize(("line", "names"), [
    ("О. В. СТЕЦЮК1, ORCID 0000-0002-4417-6120 І. М. ПИЛИПЧУК1, ORCID 0000-0001-8832-0457",
     ["О. В. СТЕЦЮК", "І. М. ПИЛИПЧУК"]),
    ("Anna Lee1 https://orcid.org/0000-0001-2345-678X, Tom Ray2", ["Anna Lee", "Tom Ray"]),
])
def test_orcids_beside_the_names(line: str, names: list[str]) -> None:
    from pipeline.metadata.authors import parse_author_line
    assert [a.name for a in parse_author_line(line) or []] == names


def test_emails_beside_the_names_go_to_their_authors() -> None:
    line = "Ирина Витальевна Гаврюшина¹ ✉ i.g@idr.example.ru, Тамара Мельник¹ tm@idr.example.ru и Оскар Бекетов² ob@v.example.ru"
    found = parse_author_line(line)
    assert found is not None
    assert [(a.name, a.email) for a in found] == [
        ("Ирина Витальевна Гаврюшина", "i.g@idr.example.ru"), ("Тамара Мельник", "tm@idr.example.ru"),
        ("Оскар Бекетов", "ob@v.example.ru")]
    # An e-mail alone is no author line.
    assert parse_author_line("Contact: press@example.org") is None


def test_marked_affiliations_above_the_authors_are_no_title() -> None:
    # Title in capitals with its subtitle, then the marked affiliations, then the authors.
    doc = make_doc(["ВТОРОЙ БРАК В МАЛОМ ГОРОДЕ", "Повторная брачность в малых городах Центральной России",
                    "¹ Институт демографических исследований, Москва, Россия ² Владимирский университет, Владимир",
                    "Ирина Гаврюшина¹, Тамара Мельник¹ и Оскар Бекетов²", "Аннотация. " + LONG_RU])
    meta = run(doc)
    assert meta["title"]["text"].startswith("ВТОРОЙ БРАК В МАЛОМ ГОРОДЕ")
    assert [a["name"] for a in meta["authors"]] == ["Ирина Гаврюшина", "Тамара Мельник", "Оскар Бекетов"]


@pytest.mark.parametrize(("line", "want"), [
    ("María Ocampo Quiroga Universidad Nacional de Salta, Instituto de Geografía, Salta, Argentina",
     ("María Ocampo Quiroga", "Universidad Nacional de Salta, Instituto de Geografía, Salta, Argentina")),
    ("Julián Tolaba Consejo de Investigaciones del Noroeste (CICNO), Cafayate, Argentina "
     "https://orcid.org/0000-0001-9083-4470 (https://orcid.org/0000-0001-9083-4470)",
     ("Julián Tolaba", "Consejo de Investigaciones del Noroeste (CICNO), Cafayate, Argentina")),
    ("Tromsø Polar University", None),  # an institution's name, no address
])
def test_parse_name_then_institution(line: str, want: tuple[str, str] | None) -> None:
    from pipeline.metadata.authors import parse_name_then_institution
    found = parse_name_then_institution(line)
    assert (found and (found[0].name, found[1])) == want


def test_authors_one_a_line_with_their_institutions() -> None:
    lines = ["María Ocampo Quiroga Universidad Nacional de Salta, Instituto de Geografía, Salta, Argentina",
             "Renata Figueiredo Campos Universidade Estadual do Vale, Petrolina, Brasil"]
    meta = run(make_doc(["Heladas tardías en viñedos de altura de los Valles Calchaquíes", *lines, "Resumen. " + LONG_EN]))
    assert [a["name"] for a in meta["authors"]] == ["María Ocampo Quiroga", "Renata Figueiredo Campos"]
    # One such line alone is no author: an affiliation has the shape too.
    meta = run(make_doc(["Heladas tardías en viñedos de altura", "Ana Ruiz", "Siberian Federal University, Institute of "
                         "Ecology, Krasnoyarsk", "Abstract. " + LONG_EN]))
    assert [a["name"] for a in meta["authors"]] == ["Ana Ruiz"]


def test_a_notice_signed_by_who_prepared_it() -> None:
    from pipeline.metadata.authors import parse_byline
    assert parse_byline("Информацию подготовила Е. С. Мартынова, заведующая отделом краеведения") == ["Е. С. Мартынова"]
    assert parse_byline("Prepared by Jane Doe") == ["Jane Doe"]
    doc = make_doc(["Межевые планы XVIII века: как читать старую карту уезда", LONG_RU, LONG_RU,
                    "Информацию подготовила Е. С. Мартынова, заведующая отделом краеведения"])
    assert [a["name"] for a in run(doc)["authors"]] == ["Е. С. Мартынова"]


@pytest.mark.parametrize(("line", "names"), [
    ("Claire DUMONTEIL* et Yannick LE GOFF**", ["Claire Dumonteil", "Yannick Le Goff"]),
    ("María José ECHEVERRÍA LASA1, Jordi PUIG2", ["María José Echeverría Lasa", "Jordi Puig"]),
    ("Jean-Luc MARTIN, Anne DE LA TOUR", ["Jean-Luc Martin", "Anne De La Tour"]),
])
def test_a_surname_in_capitals_of_two_words_or_with_its_particle(line: str, names: list[str]) -> None:
    from pipeline.metadata.authors import parse_author_line
    assert [a.name for a in parse_author_line(line) or []] == names


def test_a_second_author_one_a_line_keeps_the_double_star_marker() -> None:
    from metadata_docs import LONG_EN, make_doc, run
    doc = make_doc([("heading", "Agnieszka Wróblewska-Nowak*"), ("heading", "Tomasz Kędzierski**"),
                    ("heading", "PARSONAGE GARDENS IN MASURIA IN THE NINETEENTH CENTURY"), LONG_EN, LONG_EN])
    meta = run(doc)
    assert [a["name"] for a in meta["authors"]] == ["Agnieszka Wróblewska-Nowak", "Tomasz Kędzierski"]
    assert meta["title"]["text"].casefold() == "parsonage gardens in masuria in the nineteenth century"


@pytest.mark.parametrize(("line", "want"), [
    ("Tomasz Kędzierski**", "Tomasz Kędzierski**"), ("the end of a bold line**", "the end of a bold line"),
    ("**Experience and Enlightenment", "Experience and Enlightenment"),
])
def test_strip_marks_half_bold(line: str, want: str) -> None:
    from pipeline.metadata.text import strip_marks
    assert strip_marks(line) == want


@pytest.mark.parametrize(("line", "who"), [
    ("Beitrag von Heizfaden_Harald » Di 5. Mär 2024, 21:14", "Heizfaden_Harald"),
    ("Post by Jane Doe | 5 May 2024", "Jane Doe"), ("Сообщение от radiolub » 12 мар 2024, 10:01", "radiolub"),
    ("Post by post: the story so far", None), ("Beitrag von gestern", None),
])
def test_a_forum_posts_header(line: str, who: str | None) -> None:
    from pipeline.metadata.authors import parse_post_header
    assert parse_post_header(line) == who


def test_a_forum_threads_first_post_gives_the_author_and_the_date() -> None:
    from metadata_docs import LONG_EN, make_doc, run
    doc = make_doc([("heading", "Hum after replacing the capacitors – where next?"),
                    ("heading", "Beitrag von Heizfaden_Harald » Di 5. Mär 2024, 21:14"), LONG_EN,
                    ("heading", "Beitrag von Oszi-Otto » Di 5. Mär 2024, 22:03"), LONG_EN])
    meta = run(doc)
    assert [a["name"] for a in meta["authors"]] == ["Heizfaden_Harald"]
    assert meta["published"] == "2024-03-05"


def test_a_questions_asker_under_its_asked_stamp() -> None:
    from metadata_docs import LONG_EN, make_doc, run
    doc = make_doc([("heading", "Why do Czech ů and Polish ó sound so different?"), LONG_EN,
                    "edited Feb 2, 2023 at 18:40 asked Feb 1, 2023 at 21:17", "Wojtek Zieliński", "1 Answer", LONG_EN])
    meta = run(doc)
    assert [a["name"] for a in meta["authors"]] == ["Wojtek Zieliński"]
    assert meta["published"] == "2023-02-01"
    # (No stamp, no asker: a name under a paragraph is not taken.)
    doc = make_doc([("heading", "Why do Czech ů and Polish ó sound so different?"), LONG_EN, "Wojtek Zieliński", LONG_EN])
    assert run(doc)["authors"] == []


def test_the_writers_name_and_post_under_a_standfirst() -> None:
    from metadata_docs import LONG_RU, make_doc, run
    doc = make_doc([("heading", "Каспийская «пятёрка» после саммита: торговля растёт быстрее"),
                    "Пять прикаспийских государств наращивают товарооборот и транзит, но ключевые вопросы по-прежнему "
                    "решаются в двустороннем формате. Почему так, разбирается автор.",
                    "Ренат Каримов ведущий научный сотрудник Центра каспийских исследований", "18 июля 2023",
                    LONG_RU, LONG_RU])
    meta = run(doc)
    assert [a["name"] for a in meta["authors"]] == ["Ренат Каримов"]
    assert meta["published"] == "2023-07-18"


@pytest.mark.parametrize("removed, writer", [
    # The writer's card above the headline, removed with the site's menu: name, nick, counters, role, button.
    (["Публикации", "Войти", "Алексей Мурзин", "amurzin", "Карма 46", "Рейтинг 31.7",
      "Разработчик в лаборатории", "Подписаться"], "Алексей Мурзин"),
    (["Home", "Anna Berg", "Follow", "Anna Berg", "Follow"], "Anna Berg"),  # the card repeated under the post
    # A page recommending several writers names none of them.
    (["Who to follow", "Anna Berg", "Follow", "Tom Ray", "Follow"], None),
    # Too far above the button, the name belongs to something else.
    (["Anna Berg", "a", "b", "c", "d", "e", "Follow"], None),
    (["Anna Berg", "Sign in"], None),  # no button
])
def test_the_writers_card_removed_with_the_chrome(removed: list[str], writer: str | None) -> None:
    from metadata_docs import LONG_RU, make_doc, run
    doc = make_doc([("heading", "Как мы распознали 90 лет районной газеты"), LONG_RU, LONG_RU], boilerplate=removed)
    assert [a["name"] for a in run(doc)["authors"]] == ([writer] if writer else [])


LONG_DE = ("Wer im Frühjahr von der Quelle flussabwärts reiste, kam an nicht weniger als sieben Mühlen vorbei, "
           "und jede von ihnen brauchte einen Stau, der den Wasserspiegel oberhalb des Wehrs anhob.")


@pytest.mark.parametrize(("head", "found"), [
    ("214                                   Friederike Lammersdorf", ["Friederike Lammersdorf"]),
    ("Friederike Lammersdorf · 17", ["Friederike Lammersdorf"]),
    ("214   Mühlenrecht und Stauhöhe", []),  # the head names something else
])
def test_a_byline_in_capitals_that_a_running_head_prints_as_a_name(head: str, found: list[str]) -> None:
    from metadata_docs import make_doc, run
    doc = make_doc([("heading", "FRIEDERIKE LAMMERSDORF"), "Mühlenrecht und Stauhöhe an der oberen Lippe",
                    LONG_DE, LONG_DE], furniture=["213", head])
    meta = run(doc)
    assert [a["name"] for a in meta["authors"]] == found
    if found:
        assert meta["title"]["text"] == "Mühlenrecht und Stauhöhe an der oberen Lippe"


@pytest.mark.parametrize(("masthead", "lines", "title", "authors"), [
    # A mathematics journal's first page as extracted: the journal's name over the title, its masthead
    # line moved to the furniture; title and authors in capitals.
    ("Volume 41, Number 2 (2023), Pages 117–138",
     ["Journal of Discrete Analysis and Operators", "A SHARP HARDY-TYPE INEQUALITY ON WEIGHTED TREES",
      "MATEUSZ ZIELIŃSKI AND YUKI HARADA-LINDQVIST"],
     "A SHARP HARDY-TYPE INEQUALITY ON WEIGHTED TREES", ["Mateusz Zieliński", "Yuki Harada-Lindqvist"]),
    # Under a title in lower case, a line in capitals is not read as names.
    ("Volume 41, Number 2 (2023), Pages 117–138",
     ["Journal of Discrete Analysis and Operators", "A sharp Hardy-type inequality on weighted trees",
      "NORTH KOREA AND SOUTH KOREA"], "A sharp Hardy-type inequality on weighted trees", []),
    # No masthead moved out: the first line may be the title.
    ("", ["Journal of a Voyage to the White Sea", "ANNA BERG AND TOM RAY"],
     "Journal of a Voyage to the White Sea", []),
])
def test_names_in_capitals_under_a_title_in_capitals(masthead: str, lines: list[str], title: str,
                                                    authors: list[str]) -> None:
    from metadata_docs import LONG_EN, make_doc, run
    doc = make_doc([("heading", t) for t in lines] + [LONG_EN, LONG_EN], furniture=[masthead] if masthead else [])
    meta = run(doc)
    assert meta["title"]["text"] == title
    assert [a["name"] for a in meta["authors"]] == authors


@pytest.mark.parametrize(("removed", "wrapped", "found"), [
    (["Daniel Berg", "University of Aberdeen", "d.berg@abdn.example.ac.uk"], True, [("Daniel Berg", ["University of Aberdeen"])]),
    (["Daniel Berg", "University of Aberdeen", "Tom Ray", "Faculty of Law, Lund University"], True, []),  # two: whose?
    # A web page's removed lines: a press contact, not the author.
    (["Daniel Berg", "University of Aberdeen", "d.berg@abdn.example.ac.uk"], False, []),
])
def test_a_signature_removed_at_the_end_of_a_paper(removed: list[str], wrapped: bool, found: list) -> None:
    from metadata_docs import LONG_EN, make_doc, run
    doc = make_doc([("heading", "BOOK REVIEW"), "Rivers of the North: Fishing Villages, 1700–1860, by Anna Berg, "
                    "Oslo, North Press, 2021, 286 pp.", LONG_EN, LONG_EN], boilerplate=removed)
    if wrapped:
        doc.repairs["lines_unwrapped"] = 40
    assert [(a["name"], a["affiliations"]) for a in run(doc)["authors"]] == found


def test_the_writers_name_and_post_under_a_standfirst_with_no_blank_line() -> None:
    from metadata_docs import LONG_RU, make_doc, run
    # Repair left the headline, the standfirst and the name with its post as blocks of their own; the
    # name's line does not continue the standfirst.
    doc = make_doc([("heading", "Россия и Индонезия: энергетика, зерно и пространство для манёвра"),
                    "Джакарта не намерена выбирать между центрами силы, и это открывает для Москвы окно возможностей, "
                    "которое легко упустить",
                    ("heading", "Маргарита Селиванова ведущий научный сотрудник Центра исследований Юго-Восточной Азии"),
                    "27.02.2024", LONG_RU, LONG_RU])
    doc.repairs["lines_unwrapped"] = 3  # (where lines were wrapped, a title may run on into the next block)
    meta = run(doc)
    assert [a["name"] for a in meta["authors"]] == ["Маргарита Селиванова"]
    assert meta["title"]["text"] == "Россия и Индонезия: энергетика, зерно и пространство для манёвра"


@pytest.mark.parametrize(("top", "title"), [
    # A site's name in capitals over its tagline in lower case, then the headline and its deck.
    (["БАЙКАЛ-ВЕСТИ", "новости Бурятии и Забайкалья"], "В Кяхте начнут реставрацию Гостиного двора"),
    (["von Neumann algebras in the field"], "von Neumann algebras in the field"),  # a particle may open a title
])
def test_a_line_opening_with_a_word_in_lower_case_is_no_headline(top: list[str], title: str) -> None:
    from metadata_docs import LONG_RU, make_doc, run
    doc = make_doc([*top, ("heading", "В Кяхте начнут реставрацию Гостиного двора"),
                    "Памятник XIX века, где когда-то шла чайная торговля с Китаем, получит новую кровлю",
                    "Автор: Светлана Доржиева", "5 июня 2024, 11:20", LONG_RU, LONG_RU])
    assert run(doc)["title"]["text"] == title
