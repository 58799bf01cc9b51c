"""Title: the main title joined when wrapped, its language, and the title in other printed languages."""

from __future__ import annotations

import pytest
from metadata_docs import LONG_EN, LONG_RU, make_doc, run

from pipeline.metadata.title import (
    breadcrumb_target,
    clean_title,
    continues_title,
    is_breadcrumb,
    is_code_or_label,
    is_title_shaped,
)


@pytest.mark.parametrize(
    "text, shaped",
    [
        ("A New Journey for China-Russia Relations", True),
        ("Размышления Си Цзиньпина о дипломатии", True),
        ("Why Does the Alliance Hold?", True),
        ("Climate policy: lessons from the Global South", True),
        ("50", False),
        ("2024, 3", False),
        ("It rained all week. Then the river rose and the town was flooded again.", False),
        ("https://example.org/a/b", False),
        ("Introduction", False),  # one word
    ],
)
def test_is_title_shaped(text: str, shaped: bool) -> None:
    assert is_title_shaped(text) is shaped


@pytest.mark.parametrize(
    "text, label",
    [("УДК 327(510:470)", True), ("UDC 327.8", True), ("Research Article", True), ("Научная статья", True),
     ("JEL F51, F59", True), ("Research in Central Asia", False),
     ("Original Research Article", True), ("Brief communication.", True), ("Обзорная статья", True),
     ("Case Study", True), ("Наукова стаття", True), ("ISSN 2073-4522 (print)", True),
     ("Section: Political Economy", True), ("Рубрика: Международные отношения", True),
     ("Original Paper UDC 338.2", True), ("Обзорная статья УДК 94(510)", True),
     ("Case Studies of Urban Transport in Asia", False), ("A Review of Sanctions Research", False),
     ("Original Sin and Public Debt", False)],
)
def test_code_and_label_lines(text: str, label: bool) -> None:
    assert is_code_or_label(text) is label


@pytest.mark.parametrize(
    "line, nav",
    [
        ("Start › Sport › Football", True),
        ("Головна → Політика", True),
        ("Accueil > Monde > Afrique", True),
        ("Начало » Общество » Образование", True),
        ("Startseite / Wirtschaft / Energie", True),
        ("News | Science | Climate", True),
        ("Blog · Archive · About", True),
        ("Opinion / Letters", True),
        ("Index › Markets › Oil prices fall after the cartel meeting in Vienna", True),
        ("Russia / China: rethinking the energy partnership", False),
        ("Why the Baltic ports lost their transit trade", False),
        ("«Северный путь» » новые маршруты", False),
        ("Sam Porter | 14.02.2023", False),
        ("Input/output models of regional growth", False),
        ("The long road: Kazakhstan, oil and the West", False),
    ],
)
def test_is_breadcrumb(line: str, nav: bool) -> None:
    assert is_breadcrumb(line) is nav


def test_continuation_rules() -> None:
    assert continues_title("Размышления Си Цзиньпина о дипломатии", "и китайско-российских отношениях")
    assert continues_title("China and Russia in the Age of", "Multipolarity")
    assert not continues_title("Multipolarity and Connectivity", "Mutual Respect, Benefit and Harmony")
    assert not continues_title("A Finished Sentence.", "and more")


def test_breadcrumb_target_and_clean() -> None:
    crumbs = "Home Politics No matter how the situation changes, relations still good"
    assert breadcrumb_target(crumbs, ["Putin praised X at Davos", "No matter how the situation changes, relations still good"]) == 1
    assert breadcrumb_target("Home", ["Home"]) is None
    assert clean_title("# **Experience and\nEnlightenment**") == "Experience and Enlightenment"


# --- the title of a whole document ---


def title_of(doc):  # noqa: ANN001, ANN201 - tiny local helper
    t = run(doc)["title"]
    return (t["text"], t["lang"]) if t else None


def test_markdown_paper_title() -> None:
    doc = make_doc([("heading", "Experience and Enlightenment of New International Relations"), ("heading", "Xibei Jia"),
                    "School of Belarusian State University, Minsk 220030, Belarus", "Abstract: " + LONG_EN])
    assert title_of(doc) == ("Experience and Enlightenment of New International Relations", "en")


def test_title_wrapped_over_three_blocks_is_joined() -> None:
    doc = make_doc([("paragraph", "Размышления Си Цзиньпина о дипломатии"),
                    ("paragraph", "и китайско-российских отношениях в контексте"),
                    ("paragraph", "крупных изменений в международном порядке"),
                    "Сюй Бо1, У Хао1", "1 Цзилиньский университет, Китай", "Аннотация. " + LONG_RU])
    assert title_of(doc) == ("Размышления Си Цзиньпина о дипломатии и китайско-российских отношениях в контексте "
                             "крупных изменений в международном порядке", "ru")


def test_wrapped_lines_inside_one_block_are_joined() -> None:
    doc = make_doc([("heading", "Economic Cooperation between China and\nRussia in the Arctic"), "By Anna Lee", LONG_EN])
    assert title_of(doc) == ("Economic Cooperation between China and Russia in the Arctic", "en")


def test_running_header_page_number_and_doi_above_the_title_are_skipped() -> None:
    doc = make_doc(["Восточная Азия: факты и аналитика 2024, 3 East Asia: Facts and Analytics 2024, 3", "50",
                    "DOI 10.24412/2686-7702-2024-3-50-64", "УДК 327(510:470)",
                    "Размышления о дипломатии Китая", "Сюй Бо1, У Хао1", "Аннотация. " + LONG_RU])
    assert title_of(doc) == ("Размышления о дипломатии Китая", "ru")


def test_breadcrumb_repeating_the_headline_is_not_the_title() -> None:
    doc = make_doc(["Home Politics No matter how the situation changes, relations still good\n"
                    "Putin praised poverty reduction achievements at the Davos Forum",
                    "No matter how the situation changes, relations still good", "by YCPress", LONG_EN])
    assert title_of(doc) == ("No matter how the situation changes, relations still good", "en")


def test_breadcrumb_moved_to_boilerplate_still_points_at_the_headline() -> None:
    doc = make_doc(["Putin praised poverty reduction achievements at the Davos Forum",
                    "Relations between the two countries are still good", "by Newsdesk", LONG_EN],
                   boilerplate=["Главная Политика Relations between the two countries are still good"])
    assert title_of(doc) == ("Relations between the two countries are still good", "en")


@pytest.mark.parametrize(
    "crumb",
    ["Start › Business › Energy", "Портал / Общество / Наука", "News > Asia", "Index | Markets | Commodities"],
)
def test_navigation_line_above_a_headline_is_never_the_title(crumb: str) -> None:
    for blocks in (
        [crumb, "Port strikes halt grain exports along the Baltic coast", "By Tom Reyes", LONG_EN],
        [f"{crumb}\nPort strikes halt grain exports along the Baltic coast", "By Tom Reyes", LONG_EN],
    ):
        assert title_of(make_doc(blocks)) == ("Port strikes halt grain exports along the Baltic coast", "en")


def test_headline_printed_twice_is_the_title_once() -> None:
    head = "Grain exporters look for new routes as Baltic ports stay shut"
    doc = make_doc([("heading", "Start › Business"), ("heading", head), ("heading", head),
                    ("heading", "Shipping firms say the detour adds a week to each voyage"),
                    ("heading", "By Tom Reyes and Ana Ruiz | Updated: 2 June 2023, 09:15"), LONG_EN])
    md = run(doc)
    assert md["title"] == {"text": head, "lang": "en"}
    assert [a["name"] for a in md["authors"]] == ["Tom Reyes", "Ana Ruiz"]


def test_site_name_above_a_headline_printed_twice_is_skipped() -> None:
    head = "В Казани открылась выставка современной архитектуры"
    doc = make_doc(["Городские известия", head, head, "Автор: Пётр Лебедев", LONG_RU])
    assert title_of(doc) == (head, "ru")


@pytest.mark.parametrize(
    "label",
    ["Original Research Article", "Обзорная статья\nУДК 338.24", "Regular Paper UDC 004.8",
     "Section: Regional Studies", "ISSN 1811-0000"],
)
def test_rubric_and_code_lines_are_never_the_title(label: str) -> None:
    doc = make_doc([label, ("heading", "Municipal Debt and Fiscal Rules in Small Towns"),
                    "Jan Novak1", "1 Charles University, Prague, Czechia", "Abstract: " + LONG_EN])
    assert title_of(doc) == ("Municipal Debt and Fiscal Rules in Small Towns", "en")


def test_journal_name_on_its_own_line_is_not_the_title() -> None:
    doc = make_doc(["ПРОБЛЕМЫ РЕГИОНАЛЬНОЙ ЭКОНОМИКИ. 2022. Т. 8, № 4. С. 10–25", "ПРОБЛЕМЫ РЕГИОНАЛЬНОЙ ЭКОНОМИКИ",
                    ("heading", "Бюджетная политика малых городов"), "Пётр Лебедев1",
                    "1 Казанский федеральный университет, Казань, Россия", "Аннотация. " + LONG_RU])
    md = run(doc)
    assert md["title"] == {"text": "Бюджетная политика малых городов", "lang": "ru"}
    assert md["venue"]["name"] == "ПРОБЛЕМЫ РЕГИОНАЛЬНОЙ ЭКОНОМИКИ"


def test_running_header_with_the_journal_name_and_numbers_is_not_the_title() -> None:
    doc = make_doc(["Review of Urban Affairs, Vol. 9, No. 1 (2020), pp. 1–20", "2 Review of Urban Affairs 9(1)",
                    ("heading", "Harbour Cities and the Baltic Grain Trade"), "Ann Lee1", "1 Lund University, Sweden",
                    "Abstract: " + LONG_EN])
    assert title_of(doc) == ("Harbour Cities and the Baltic Grain Trade", "en")


def test_web_headline_with_subtitle_keeps_the_headline() -> None:
    doc = make_doc(["Multipolarity and Connectivity\nMutual Respect, Benefit and Harmony Are Important Principles",
                    LONG_EN + " writes Ivan Petrov, Director of the Institute."])
    md = run(doc)
    assert md["title"] == {"text": "Multipolarity and Connectivity", "lang": "en"}
    assert md["title_translations"] == []


def test_second_language_title_above_its_abstract() -> None:
    doc = make_doc([
        ("heading", "Внешняя политика Китая в условиях многополярности"),
        "Иван Петров1", "1 МГИМО МИД России, Москва, Россия",
        "Аннотация. " + LONG_RU, "Ключевые слова: Китай, Россия, многополярность.",
        ("heading", "China's Foreign Policy in a Multipolar World"),
        "Ivan Petrov1", "1 MGIMO University, Moscow, Russia",
        "Abstract. " + LONG_EN, "Keywords: China, Russia, multipolarity.",
        LONG_RU,
    ])
    md = run(doc)
    assert md["title"] == {"text": "Внешняя политика Китая в условиях многополярности", "lang": "ru"}
    assert md["title_translations"] == [{"text": "China's Foreign Policy in a Multipolar World", "lang": "en"}]


def test_second_language_title_right_under_the_title() -> None:
    doc = make_doc([("heading", "Внешняя политика Китая"), ("heading", "China's Foreign Policy"),
                    "И.И. Иванов", LONG_RU])
    md = run(doc)
    assert md["title"]["text"] == "Внешняя политика Китая"
    assert md["title_translations"] == [{"text": "China's Foreign Policy", "lang": "en"}]
    assert [a["name"] for a in md["authors"]] == ["И.И. Иванов"]


def test_author_line_above_the_title() -> None:
    doc = make_doc(["И.И. Иванов, П.П. Петров", ("heading", "Энергетический диалог России и Китая"), LONG_RU])
    md = run(doc)
    assert md["title"]["text"] == "Энергетический диалог России и Китая"
    assert [a["name"] for a in md["authors"]] == ["И.И. Иванов", "П.П. Петров"]


def test_no_title_when_the_text_starts_with_prose() -> None:
    assert run(make_doc([LONG_EN, LONG_EN]))["title"] is None


def test_title_blocks_are_labelled() -> None:
    from pipeline.config import MetadataConfig
    from pipeline.metadata import extract_metadata

    doc = make_doc([("heading", "A New Journey for Relations"), "By Li Hui", LONG_EN])
    extract_metadata(doc, MetadataConfig())
    assert [b.kind for b in doc.blocks] == ["title", "byline", "paragraph"]
    assert [s.kind for s in doc.segments] == ["title", "byline", "paragraph"]


def test_title_wrapped_at_the_page_width_in_title_case() -> None:
    doc = make_doc(["Journal of Eurasian Studies 2024, Vol. 15(2) 123–145", ("heading", "Original Article"),
                    ("heading", "Sanctions, Energy Markets and the Reorientation of Russian"),
                    ("heading", "Exports towards Asia"), "John Smith1 and Mary Jones2",
                    "1 University of Bristol, UK", "2 Peking University, China", ("heading", "Abstract"), LONG_EN])
    doc.repairs["lines_unwrapped"] = 12  # a PDF's text, wrapped at the page width
    md = run(doc)
    assert md["title"]["text"] == "Sanctions, Energy Markets and the Reorientation of Russian Exports towards Asia"
    assert [a["name"] for a in md["authors"]] == ["John Smith", "Mary Jones"]


@pytest.mark.parametrize(
    "first, nxt, joined",
    [
        ("Sanctions, Energy Markets and the Reorientation of Russian", "Exports towards Asia", True),
        ("ЭНЕРГЕТИЧЕСКИЙ ДИАЛОГ РОССИИ И КИТАЯ", "В УСЛОВИЯХ САНКЦИЙ", True),
        ("Trade talks between Moscow and Beijing resume after a long pause", "World News", False),
        ("Is the Partnership between Moscow and Beijing Built to Last?", "A View from the Region", False),
        ("Multipolarity and Connectivity", "Mutual Respect, Benefit and Harmony Are Principles", False),
        ("Wrapped first line of a long title\nthat goes on for some time here", "and a third line", True),
    ],
)
def test_wrap_or_subtitle(first: str, nxt: str, joined: bool) -> None:
    assert continues_title(first, nxt) is joined


def test_history_line_above_the_title_is_never_the_title() -> None:
    from pipeline.config import MetadataConfig
    from pipeline.document import Block, Document, Source
    from pipeline.metadata import extract_metadata

    doc = Document(source=Source(path="x.txt"))
    doc.set_blocks([
        Block("paragraph", "Submitted: 2 June 2019 / Revised: 9 August 2019 / Accepted: 1 September 2019"),
        Block("paragraph", "Water Rights and Irrigation Reform in Semi-Arid River Basins"),
        Block("paragraph", "Lena Hartmann1, Omar Said2"),
        Block("paragraph", "1 University of Kassel, Germany 2 Cairo University, Egypt"),
        Block("paragraph", "Irrigation reform has reshaped how water is shared between upstream and downstream "
                           "users. This paper traces the change in three river basins over two decades."),
    ])
    extract_metadata(doc, MetadataConfig())
    assert doc.metadata["title"]["text"] == "Water Rights and Irrigation Reform in Semi-Arid River Basins"


@pytest.mark.parametrize(
    "line, tags",
    [
        ("Tags: elections, turnout, polls", True),
        ("Метки: спорт, футбол", True),
        ("Теґи: вибори, парламент, коаліція", True),
        ("Рубрики: экономика; транспорт", True),
        ("Filed under: Energy, Baltic Sea", True),
        ("Topics: energy", False),  # one item
        ("Arctic shipping: routes, risks and rules", False),  # a title with a colon
        ("China: Growth, Debt, Reform", False),  # capitalised items after a free label: a title
        ("Summary: the river rose, the town flooded, the road closed.", False),
    ],
)
def test_is_tags_line(line: str, tags: bool) -> None:
    from pipeline.metadata.title import is_tags_line

    assert is_tags_line(line) is tags


def test_tags_line_above_the_headline_is_not_the_title() -> None:
    doc = make_doc(["Метки: спорт, футбол, стадионы", "В Казани открыли новый стадион для детских команд", LONG_RU])
    assert run(doc)["title"]["text"] == "В Казани открыли новый стадион для детских команд"


@pytest.mark.parametrize(
    "first, nxt, joined",
    [
        # The title set in capitals, then again in another alphabet: two titles, not one wrapped.
        ("ЛЕКСИКА КЯХТИНСКОГО ПИДЖИНА В ЗАПИСКАХ", "THE LEXICON OF KYAKHTA PIDGIN IN TRAVEL NOTES", False),
        ("Russia and China in Central Asia: A", "Россия и Китай", False),
        # The same alphabet still continues as before; a capitals line may end in a small abbreviation.
        ("ТАМОЖЕННЫЕ КНИГИ ВОЛОГДЫ 1670-х гг.", "КАК ИСТОЧНИК ПО ИСТОРИИ ТОРГОВЛИ", True),
        ("Sanctions, Energy Markets and the Reorientation of Russian", "Exports towards Asia", True),
        ("Energy Dialogue between Russia and", "China in a Changing World", True),
        ("It rained all day in the city, gg.", "and then it stopped", False),
    ],
)
def test_continuation_keeps_to_one_alphabet(first: str, nxt: str, joined: bool) -> None:
    assert continues_title(first, nxt) is joined


@pytest.mark.parametrize("text", ["TECHNICAL NOTE", "Technical Note Open Access", "Open Access", "ARTÍCULO ORIGINAL",
                                  "Artículo de revisión", "Article original", "Originalarbeit", "Artigo original"])
def test_type_labels_and_the_licence_badge_are_never_titles(text: str) -> None:
    assert is_code_or_label(text)


@pytest.mark.parametrize("text", ["Open access to research data in ecology", "Original Sin and Its Critics",
                                  "Nota bene: on marginalia"])
def test_titles_that_begin_like_labels_are_titles(text: str) -> None:
    assert not is_code_or_label(text)


def test_a_capitals_title_may_end_in_a_small_abbreviation() -> None:
    assert is_title_shaped("ТАМОЖЕННЫЕ КНИГИ ВОЛОГДЫ 1670-х гг.")
    assert not is_title_shaped("Customs books were kept in Vologda in those years by the local office, gg.")


@pytest.mark.parametrize("text", [
    "ЗЕМСКИЕ ШКОЛЫ ГУБЕРНИИ В ГОДЫ ПЕРВОЙ МИРОВОЙ ВОЙНЫ (1914–1917 гг.)",
    "Земские школы губернии в годы Первой мировой войны (1914–1917 гг.)",
    "Соляные промыслы Верхней Камы (XVIII – начало XX в.)",
    "«Крестьянская реформа в уезде в 1860-е гг.»",
])
def test_years_abbreviated_inside_closing_brackets_end_no_sentence(text: str) -> None:
    assert is_title_shaped(text)
    doc = make_doc([text, "И. П. Смирнова", "Аннотация. " + LONG_RU])
    assert run(doc)["title"]["text"] == text


@pytest.mark.parametrize(("text", "want"), [
    ("Школы уезда в 1914–1917 гг.", "Школы уезда в 1914–1917 гг."),
    ("Школы уезда в годы войны.", "Школы уезда в годы войны"),
])
def test_clean_title_keeps_a_years_abbreviation(text: str, want: str) -> None:
    assert clean_title(text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("Village commons in the Urals, 1880–1914.", True), ("Задруга у Шумадији: промене у својини.", True),
    ("It rained. Then it stopped.", False), ("The title...", False),
    ("A sentence of prose with many words that goes on well past the twenty words a title stops at in print.", False),
])
def test_is_title_with_stop(text: str, want: bool) -> None:
    from pipeline.metadata.title import is_title_with_stop
    assert is_title_with_stop(text) is want


def test_a_title_printed_with_a_full_stop_over_its_authors() -> None:
    doc = make_doc(["Village commons in the Urals, 1880–1914.", "Ivan Petrov, Anna Smith", "Abstract. " + LONG_EN])
    assert run(doc)["title"]["text"] == "Village commons in the Urals, 1880–1914"
    # Without the authors under it, a line with a full stop is no title.
    doc = make_doc(["Village commons in the Urals, 1880–1914.", "Abstract. " + LONG_EN])
    assert run(doc)["title"] is None


@pytest.mark.parametrize("label", ["Press release", "LONG READ", "Пресс-релиз", "Pressemitteilung", "Research papers"])
def test_the_line_under_an_article_type_label_is_the_title(label: str) -> None:
    # The site's line read first (too long to pass for a short label), then the story's type over the
    # headline, then its standfirst and its date.
    doc = make_doc(["Northern Survey — an executive agency of the Department for Land and Water", label,
                    "Survey switches on new boreholes to track groundwater drought", LONG_EN, "14 May 2024", LONG_EN])
    assert run(doc)["title"]["text"] == "Survey switches on new boreholes to track groundwater drought"


def test_the_title_above_the_authors_wins_over_a_short_line_above_it() -> None:
    # A rubric, a label and a code above the title: the short rubric was taken first.
    doc = make_doc([("heading", "ИСТОРИЯ ЭКОНОМИКИ"), ("heading", "Научная статья"), ("heading", "УДК 94(470)"),
                    ("heading", "ТОРГОВЛЯ ВОЛОГДЫ КАК ИСТОЧНИК ПО ИСТОРИИ РУССКОГО СЕВЕРА"),
                    "А. В. Рябинин1, Е. Н. Горская2", "1 Вологодский государственный университет", LONG_RU])
    assert run(doc)["title"]["text"] == "ТОРГОВЛЯ ВОЛОГДЫ КАК ИСТОЧНИК ПО ИСТОРИИ РУССКОГО СЕВЕРА"


def test_a_short_headline_with_a_longer_line_and_no_byline_keeps_its_headline() -> None:
    doc = make_doc([("heading", "Multipolarity and Connectivity"),
                    ("heading", "Mutual Respect and Harmony Are Important Principles of Interstate Relations"),
                    LONG_EN])
    assert run(doc)["title"]["text"] == "Multipolarity and Connectivity"


def test_a_short_title_right_over_its_subtitle_and_authors_keeps_its_title() -> None:
    doc = make_doc([("heading", "Rivers of Gold"), ("heading", "How the Mining Boom Reshaped Three Provinces"),
                    "John Smith1 and Mary Jones2", "1 University of Bristol, UK", LONG_EN])
    assert run(doc)["title"]["text"] == "Rivers of Gold"


def test_plain_names_under_the_title_with_the_dates_under_them_are_the_authors() -> None:
    doc = make_doc([("heading", "Loanword Adaptation on Montreal Cafe Menus in Five Boroughs"),
                    ("heading", "Amélie Gauthier-Roy, Søren Ødegård Lund and Chloé Nguyễn"),
                    ("heading", "Published: 3 February 2022"), LONG_EN])
    md = run(doc)
    assert md["title"]["text"] == "Loanword Adaptation on Montreal Cafe Menus in Five Boroughs"
    assert [a["name"] for a in md["authors"]] == ["Amélie Gauthier-Roy", "Søren Ødegård Lund", "Chloé Nguyễn"]


def test_a_translated_title_in_the_same_alphabet_is_not_the_rest_of_the_title() -> None:
    doc = make_doc([("heading", [("es", "Dinámica poblacional del cangrejo violinista en las salinas abandonadas "
                                        "de la bahía de Cádiz")]),
                    ("paragraph", [("en", "Population dynamics of the fiddler crab in the salt pans")]),
                    "Lucía Fernández1, Javier Beltrán2", "1 Universidad del Atlántico Sur, España", LONG_EN])
    md = run(doc)
    assert md["title"]["text"].endswith("de la bahía de Cádiz")


def test_a_shorter_line_under_a_long_one_is_not_its_rest_where_lines_are_paragraphs() -> None:
    # A page with a line per paragraph (nothing was unwrapped): the site's name over a search label.
    blocks = [("heading", "The Valley Law Courier — independent legal news since 2009"), ("heading", "Search the site"),
              ("heading", "Supreme Court lets tenants pay less rent for flooded farmland"), "By Anna Kowal", LONG_EN]
    doc = make_doc(blocks)
    assert "Search the site" not in run(doc)["title"]["text"]
    assert continues_title(blocks[0][1], blocks[1][1]) and not continues_title(blocks[0][1], blocks[1][1], False)


@pytest.mark.parametrize(("text", "title", "may"), [
    ("The Lexicon of Kyakhta Pidgin", "ЛЕКСИКА КЯХТИНСКОГО ПИДЖИНА", True),
    ("ENERGY DIALOGUE", "ЭНЕРГЕТИЧЕСКИЙ ДИАЛОГ", True),  # short, but in another alphabet
    ("恰克图洋泾浜词汇", "The Lexicon of Kyakhta Pidgin", True),
    ("Population dynamics of the fiddler crab", "Dinámica poblacional del cangrejo violinista", True),
    ("Пошук по сайту", "Верховний Суд: орендар може вимагати зменшення плати", False),
    ("Published: 3 February 2022", "Loanword Adaptation on Cafe Menus", False),
    ("Опубликовано 3 февраля 2022", "Loanword Adaptation on Cafe Menus", False),
])
def test_what_may_be_a_translated_title(text: str, title: str, may: bool) -> None:
    from pipeline.metadata import may_be_translated_title

    assert may_be_translated_title(text, title) is may


def test_a_date_line_or_a_short_line_in_another_language_is_not_a_translated_title() -> None:
    doc = make_doc([("heading", "Loanword Adaptation on Montreal Cafe Menus in Five Boroughs"),
                    ("heading", [("de", "Published: 3 February 2022")]),
                    "Amélie Gauthier-Roy1, Søren Lund2", "1 Université de Montréal, Canada", LONG_EN])
    assert run(doc)["title_translations"] == []
    # A short line in the title's alphabet labelled with a neighbouring language: a UI line.
    doc = make_doc([("heading", [("uk", "Верховний Суд: орендар може вимагати зменшення плати за землю")]),
                    ("heading", [("ru", "Пошук по сайту")]), "Автор: Оксана Гуменюк", LONG_RU])
    assert run(doc)["title_translations"] == []


@pytest.mark.parametrize("line", ["第 33 卷第 5 期城市水环境与生态工程 Vol. 33 No. 5", "Известия общества. 2022. Т. 9, № 4. С. 57–60",
                                  "Journal of Joining, Vol. 12, No. 3"])
def test_a_line_with_a_volume_and_issue_is_never_the_title(line: str) -> None:
    from pipeline.metadata import _is_furniture_like

    assert _is_furniture_like(line)


@pytest.mark.parametrize(("text", "shaped"), [
    ("寒冷地区雨水花园对道路径流污染物的削减效果", True), ("キャフタ・ピジンの語彙について", True), ("摘要", False),
    # Latin text read as UTF-16 turns into Han characters with superscripts and format characters.
    ("歲慩湥物獩猠慳禠瑨攠啓⁧慭搀瑿敦敮搠桥来", False), ("浡橯爭挈潵置瑲礠d楰汯m慣礀⁷楴栠", False),
])
def test_titles_written_without_spaces(text: str, shaped: bool) -> None:
    assert is_title_shaped(text) is shaped


def test_a_masthead_line_with_a_date_at_both_ends_is_never_the_title() -> None:
    from pipeline.metadata import _dated_at_both_ends

    assert _dated_at_both_ends("2022 年 10 月 Urban Water Environment and Ecological Engineering Oct. 2022")
    assert not _dated_at_both_ends("The Floods of May 2021")
    assert not _dated_at_both_ends("May 2021: a month of floods")


def test_chinese_dates() -> None:
    from pipeline.metadata.dates import find_dates, parse_date

    assert parse_date("2022 年 10 月") == "2022-10"
    assert parse_date("2022年10月5日") == "2022-10-05"
    assert [d.iso for d in find_dates("收稿日期：2022-05-10；修回日期：2022-07-18")] == ["2022-05-10", "2022-07-18"]


@pytest.mark.parametrize(("text", "shaped"), [
    ("ИЗНОС РЕЛЬСОВ В КРИВЫХ МАЛОГО РАДИУСА: РЕЗУЛЬТАТЫ ИЗМЕРЕНИЙ 2019–2022 ГГ.", True),  # capitals abbreviation
    ("ТАМОЖЕННЫЕ КНИГИ ВОЛОГДЫ 1670-х гг.", True),
    ("THE END OF AN ERA.", False),  # a word of three capitals is a word, not an abbreviation
    ("Measurements were taken in 2019–2022 gg.", False),  # not in capitals: a sentence
])
def test_a_capitals_title_may_end_in_an_abbreviation_in_capitals(text: str, shaped: bool) -> None:
    assert is_title_shaped(text) is shaped


def test_a_capitals_title_of_twelve_words_ending_in_an_abbreviation_is_not_the_body() -> None:
    doc = make_doc([("heading", "Научная статья"), ("heading", "УДК 625.143.4"),
                    "ИЗНОС РЕЛЬСОВ В КРИВЫХ МАЛОГО РАДИУСА ТРАМВАЙНОЙ СЕТИ ГОРОДА: РЕЗУЛЬТАТЫ ИЗМЕРЕНИЙ 2019–2022 ГГ.",
                    "А. В. Кочергин1, Е. С. Лаптева2", LONG_RU])
    md = run(doc)
    assert md["title"]["text"].startswith("ИЗНОС РЕЛЬСОВ")
    assert [a["name"] for a in md["authors"]] == ["А. В. Кочергин", "Е. С. Лаптева"]


def test_the_headline_above_its_date_wins_over_the_sites_name() -> None:
    # No byline: the date under the headline says which line is the title.
    doc = make_doc([("heading", "University of Westmere"), ("heading", "Home / News and events / News / 2024"),
                    ("heading", "Hearing aids fitted at the surgery cut falls among older people by a quarter"),
                    "Published: 13 March 2024", LONG_EN])
    assert run(doc)["title"]["text"].startswith("Hearing aids fitted")


def test_a_short_headline_with_a_longer_line_and_its_date_above_both_keeps_its_headline() -> None:
    doc = make_doc([("heading", "13 March 2024"), ("heading", "Rivers of Gold"), ("heading", "Podcasts"),
                    ("heading", "How the Mining Boom Reshaped Three Provinces of the North"), LONG_EN])
    assert run(doc)["title"]["text"] == "Rivers of Gold"


@pytest.mark.parametrize(("line", "nav"), [
    ("Home / News and events / News / 2024", True),  # the archive's year last
    ("Start > Press > Releases > 2024", True),  # the archive's year last, behind an arrow
    ("Sport | 12 May 2024", False), ("Home / 2024", False), ("By Anna Berg | 3 May 2024 | 5 min", False),
])
def test_a_breadcrumb_may_end_with_the_archives_year(line: str, nav: bool) -> None:
    assert is_breadcrumb(line) is nav


def test_a_publishers_menu_and_dateline_above_the_title_and_its_authors() -> None:
    doc = make_doc([("heading", "Journal of Literacy Research"), ("heading", "Explore content"),
                    ("heading", "About the journal"), ("heading", "1. openjournals.org"),
                    ("heading", "2. journal of literacy research"), ("heading", "Research Article"),
                    ("heading", "Published: 22 January 2025"),
                    ("heading", "Reading to a dog: effects of a canine-assisted reading programme on reading fluency"),
                    "Maren Solberg 1, Daniel K. Achterberg 2 & Owen Fairclough 1", LONG_EN])
    assert run(doc)["title"]["text"].startswith("Reading to a dog")


@pytest.mark.parametrize(("text", "shaped"), [
    ("Изменение сроков ледостава и вскрытия малых рек Вологодской области в 1961–2020 гг.", True),
    ("Торговля Вологды в XVII в.", True),
])
def test_a_title_may_end_with_a_years_abbreviation(text: str, shaped: bool) -> None:
    assert is_title_shaped(text) is shaped


def test_a_russian_title_ending_in_a_years_abbreviation_under_a_rubric_and_codes() -> None:
    doc = make_doc([("heading", "ГИДРОЛОГИЯ СУШИ, ВОДНЫЕ РЕСУРСЫ, ГИДРОХИМИЯ"), ("heading", "Научная статья"),
                    ("heading", "УДК 556.535.5(470.12)"), ("heading", "EDN: KQWTRZ"),
                    "Изменение сроков ледостава и вскрытия малых рек Вологодской области в 1961–2020 гг.",
                    ("heading", "Анна Викторовна Лебедева1, Денис Сергеевич Крутиков2"), LONG_RU])
    md = run(doc)
    assert md["title"]["text"].startswith("Изменение сроков ледостава")
    assert [a["name"] for a in md["authors"]] == ["Анна Викторовна Лебедева", "Денис Сергеевич Крутиков"]


@pytest.mark.parametrize("code", ["EDN: KQWTRZ", "ҒТАМР 06.51.51", "ӘОЖ 339.56(574.51)", "ОРИГИНАЛЬНОЕ ИССЛЕДОВАНИЕ",
                                  "Клинический случай", "Обзор литературы", "ОРИГІНАЛЬНЕ ДОСЛІДЖЕННЯ"])
def test_more_code_lines(code: str) -> None:
    assert is_code_or_label(code)


def test_the_headline_nearest_above_its_dateline_and_byline_wins_over_the_sites_name() -> None:
    doc = make_doc([("heading", "Accessibility statement"), ("heading", "Sandomierz University of Natural Sciences"),
                    ("heading", "Search the site..."),
                    ("heading", "A herbarium 170 years old returns to Sandomierz. Students help to digitise it"),
                    ("heading", "Data publikacji: 22.04.2024"), ("heading", "Tekst: Marta Zielonka | Zdjęcia: Paweł Dudek"),
                    LONG_EN])
    md = run(doc)
    assert md["title"]["text"].startswith("A herbarium 170 years old")
    assert [a["name"] for a in md["authors"]] == ["Marta Zielonka"] and md["published"] == "2024-04-22"


def test_the_journals_name_above_its_volume_line_is_not_the_title() -> None:
    doc = make_doc([("heading", "Journal of Agricultural Economics and Rural Development of the Black Sea Region"),
                    ("heading", "Cilt/Volume: 11 Sayı/Issue: 2 Yıl/Year: 2023 ss./pp.: 143-146"),
                    ("heading", "Hazelnut Growers’ Perceptions of Climate Change and Adaptation Strategies"),
                    ("heading", "Ayşe Nur KARADENİZ1*, Mehmet Ali ÖZTÜRK2"), LONG_EN])
    assert run(doc)["title"]["text"].startswith("Hazelnut Growers")


def test_a_sites_name_labelled_as_a_neighbouring_language_gives_way_to_the_headline() -> None:
    # Two Kazakh words make the site's name "kk", the headline under it is Russian: in one alphabet a
    # short line's label is a guess, so the headline above the dateline is the title all the same.
    doc = make_doc([("heading", [("kk", "Өскемен Ақпарат — новости региона")]),
                    ("other", "Главная • Новости • Регионы • Общество • Экономика"),
                    ("heading", "Жители города смогут проверить качество воздуха у своего дома через приложение"),
                    ("heading", "16:40, 12 апреля 2024"), LONG_RU])
    md = run(doc)
    assert md["title"]["text"].startswith("Жители города смогут")
    assert md["published"] == "2024-04-12"


def test_a_short_english_line_over_a_longer_french_one_is_not_replaced_by_it() -> None:
    # Latin-script languages are told apart by their words: the longer French line under a short
    # English title stays its translation, not the title.
    doc = make_doc([("heading", "Urban Heat Islands"), ("other", "Home • News • Science"),
                    ("heading", [("fr", "Les îlots de chaleur urbains dans les villes moyennes de la France")]),
                    ("heading", "By Jane Doe"), LONG_EN])
    md = run(doc)
    assert md["title"]["text"] == "Urban Heat Islands"


def test_a_short_title_in_capitals_with_a_footnote_star_is_the_title_not_an_author() -> None:
    doc = make_doc([("heading", "ЗЕМЕЛЬНАЯ РЕФОРМА*"), ("heading", "А. А. Смирнова1, В. В. Орлов2"), LONG_RU])
    md = run(doc)
    assert md["title"]["text"].startswith("ЗЕМЕЛЬНАЯ РЕФОРМА")
    assert [a["name"] for a in md["authors"]] == ["А. А. Смирнова", "В. В. Орлов"]


def test_names_in_capitals_with_markers_under_the_title_are_its_authors() -> None:
    doc = make_doc([("heading", "The Barometer and the Parish: Weather Diaries in Provincial England"),
                    ("heading", "HELEN MARCHBANKS*"), LONG_EN])
    assert [a["name"] for a in run(doc)["authors"]] == ["Helen Marchbanks"]


def test_a_title_wrapped_over_three_lines_of_a_pdf_page_ends_with_its_last_word() -> None:
    # The second line is a character longer than the first (proportional type), the third one word.
    doc = make_doc([("heading", "Waiting for a Plot: Allotment Waiting Lists, Local"),
                    ("heading", "Government and Neighbourhood Trust in Three English"),
                    ("heading", [("de", "Towns")]),
                    ("heading", "Hannah Wójcik‑Reid1 · Tomasz Ilyin2 · Grace Adebayo‑Moss1"), LONG_EN])
    doc.repairs["lines_unwrapped"] = 3  # text wrapped at a page width
    md = run(doc)
    assert md["title"]["text"].endswith("Three English Towns")
    assert [a["name"] for a in md["authors"]] == ["Hannah Wójcik‑Reid", "Tomasz Ilyin", "Grace Adebayo‑Moss"]


@pytest.mark.parametrize("after", ["Abstract", "Аннотация", "Introduction", "Keywords: trust, waiting lists"])
def test_a_section_word_under_a_full_title_line_is_not_its_last_word(after: str) -> None:
    doc = make_doc([("heading", "Waiting for a Plot: Allotment Waiting Lists, Local"),
                    ("heading", "Government and Neighbourhood Trust in Three Towns"),
                    ("heading", after), LONG_EN])
    doc.repairs["lines_unwrapped"] = 3
    assert run(doc)["title"]["text"].endswith("Trust in Three Towns")


@pytest.mark.parametrize("code", ["УДК 599.322.3:591.5(477.51)", "ББК 63.3(2)", "UDC 94(470)", "ӘОЖ 339.56"])
def test_a_rubric_above_the_classification_code_is_not_the_title(code: str) -> None:
    # Rubric, code, authors, then the title: the title comes after the code.
    doc = make_doc([("heading", "ЭКОЛОГИЯ ЖИВОТНЫХ"), ("heading", code),
                    ("heading", "Кравченко О. М.¹, Литвин Т. В.²"),
                    ("heading", "ДИНАМИКА ЧИСЛЕННОСТИ БОБРА В БАССЕЙНЕ СРЕДНЕЙ ДЕСНЫ"), LONG_RU])
    md = run(doc)
    assert md["title"]["text"] == "ДИНАМИКА ЧИСЛЕННОСТИ БОБРА В БАССЕЙНЕ СРЕДНЕЙ ДЕСНЫ"
    assert [a["name"] for a in md["authors"]] == ["Кравченко О. М.", "Литвин Т. В."]


@pytest.mark.parametrize("after", ["JEL Q13", "Keywords: beavers"])
def test_a_short_title_above_other_codes_stays_the_title(after: str) -> None:
    doc = make_doc([("heading", "Beavers of the Desna"), ("heading", after), LONG_EN])
    assert run(doc)["title"]["text"] == "Beavers of the Desna"


def test_a_long_title_above_the_classification_code_stays_the_title() -> None:
    title = "Динамика численности бобра европейского в бассейне средней Десны в 2014–2023 годах"
    doc = make_doc([("heading", title), ("heading", "УДК 599.322.3"), LONG_RU])
    assert run(doc)["title"]["text"] == title


@pytest.mark.parametrize(("code", "is_code"), [("УДК 599.322.3", True), ("ББК 63.3(2)", True), ("JEL: Q13", False),
                                               ("Удкова А. А.", False), ("PACS 47.27", False)])
def test_is_classification_code(code: str, is_code: bool) -> None:
    from pipeline.metadata.title import is_classification_code
    assert is_classification_code(code) is is_code


def test_a_short_rubric_in_capitals_over_a_title_in_capitals_is_not_part_of_it() -> None:
    doc = make_doc([("heading", "ИСТОРИЯ РОССИИ"),
                    ("heading", "ПОЧТОВЫЕ СТАНЦИИ СИБИРСКОГО ТРАКТА В ТОБОЛЬСКОЙ ГУБЕРНИИ"),
                    ("heading", "Мелентьева Е. А., Сабуров Н. Д."), LONG_RU])
    assert run(doc)["title"]["text"] == "ПОЧТОВЫЕ СТАНЦИИ СИБИРСКОГО ТРАКТА В ТОБОЛЬСКОЙ ГУБЕРНИИ"


def test_a_title_in_capitals_wrapped_over_two_blocks_stays_whole() -> None:
    doc = make_doc([("heading", "ТАМОЖЕННЫЕ КНИГИ ВОЛОГДЫ"), ("heading", "КАК ИСТОЧНИК ПО ИСТОРИИ ТОРГОВЛИ"),
                    ("heading", "А. В. Рябинин¹, Е. Н. Горская²"), LONG_RU])
    assert run(doc)["title"]["text"] == "ТАМОЖЕННЫЕ КНИГИ ВОЛОГДЫ КАК ИСТОЧНИК ПО ИСТОРИИ ТОРГОВЛИ"


def test_the_journals_name_named_by_the_citation_line_is_no_title() -> None:
    # The masthead's issue line went to the furniture: the citation line names the journal.
    doc = make_doc([("heading", "ЭКОНОМИКА ТРУДА В РЕГИОНАХ REGIONAL LABOUR ECONOMICS"),
                    ("heading", "САМОЗАНЯТЫЕ В ТАКСИ: ДОХОДЫ И РАБОЧЕЕ ВРЕМЯ"),
                    ("heading", "А. Р. Гарифуллина¹, Д. С. Воротынцев²"), LONG_RU,
                    "Для цитирования: Гарифуллина А. Р., Воротынцев Д. С. Самозанятые в такси: доходы и рабочее "
                    "время // Экономика труда в регионах. 2024. Т. 6, № 4. С. 41–58."])
    assert run(doc)["title"]["text"] == "САМОЗАНЯТЫЕ В ТАКСИ: ДОХОДЫ И РАБОЧЕЕ ВРЕМЯ"


def test_a_venue_line_is_read_the_same_whatever_the_order_of_the_names_set() -> None:
    # Two journal names on the line and a word besides: the answer must not follow the set's order,
    # which changes with the interpreter's hash seed.
    import os
    import subprocess
    import sys
    code = ("from pipeline.metadata import _is_venue_line as f; "
            "print(f('ЭКОНОМИКА ТРУДА REGIONAL LABOUR Extra', frozenset({'экономика труда', 'regional labour'})))")
    answers = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout.strip() for seed in range(6)}
    assert answers == {"True"}


_PRESS = [
    ("heading", "NRI – Northern Research Institute"),
    ("heading", "Member of the Environmental Research Association"),
    ("heading", "Home > Press > Press releases > 2024"),
    ("heading", "Press release 17/2024 | 14.05.2024 | By Jana Feldmann"),
    ("heading", "Restored wetlands release less methane after five years"),
    "Long-term measurements on three sites show that rewetted fens turn into carbon sinks sooner than "
    "expected, provided the water table is kept just below the surface for most of the year.",
    LONG_EN,
]


@pytest.mark.parametrize(("crumb", "title"), [
    # A site's navigation trail under the first line: that line was the site's name, and the headline is
    # the line under the byline printed above it.
    (True, "Restored wetlands release less methane after five years"),
    # Without the trail, a title-shaped line under a byline may be the article's first subheading.
    (False, "NRI – Northern Research Institute"),
])
def test_headline_under_its_dateline_and_byline(crumb: bool, title: str) -> None:
    blocks = _PRESS if crumb else [b for b in _PRESS if not (isinstance(b, tuple) and b[1].startswith("Home >"))]
    md = run(make_doc(blocks))
    assert md["title"]["text"] == title
    assert [a["name"] for a in md["authors"]] == ["Jana Feldmann"]


def test_a_posts_title_right_under_its_date_header() -> None:
    # A blog: its name and motto, a menu row, the post's date header, then the post's title.
    md = run(make_doc([
        ("heading", "The Balcony Workshop"),
        ("heading", "Notes on old things that can still be saved"),
        "Sunday, 10 March 2024",
        "Grandfather's 1912 sewing machine: how I brought it back after forty years in the shed",
        LONG_EN,
    ]))
    assert md["title"]["text"].startswith("Grandfather's 1912 sewing machine")


@pytest.mark.parametrize(("first", "nxt", "page_width", "goes_on"), [
    # A question as the title's first part, its subtitle under it, in a paper's front.
    ("Genossenschaft statt Handelshaus?", "Die Sennereigenossenschaften des Bregenzerwaldes (1885–1930)", True, True),
    # On a web page a question headline stands over its deck.
    ("Genossenschaft statt Handelshaus?", "Die Sennereigenossenschaften des Bregenzerwaldes (1885–1930)", False, False),
    ("Is it over?", "It is not.", True, False),
    ("WHY NOW?", "The dairy co-operatives of the valley", True, False),
])
def test_a_question_and_its_subtitle(first: str, nxt: str, page_width: bool, goes_on: bool) -> None:
    from pipeline.metadata.title import continues_title
    assert continues_title(first, nxt, page_width) is goes_on


def test_plain_names_right_above_the_abstract_after_a_translated_title() -> None:
    doc = make_doc([
        ("heading", [("de", "Genossenschaft statt Handelshaus?")]),
        ("heading", [("de", "Die Sennereigenossenschaften des Bregenzerwaldes zwischen Selbsthilfe und Marktzwang")]),
        ("paragraph", [("en", "Co-operative instead of trading house? The dairy co-operatives of the Bregenzerwald\n"
                              "between self-help and market pressure in the valley's villages")]),
        ("heading", [("de", "Katharina Moosbrugger und Lukas Feurstein")]),
        "Abstract: " + LONG_EN,
        LONG_EN,
    ])
    doc.repairs["lines_unwrapped"] = 12  # a PDF's text, wrapped at the page width
    md = run(doc)
    assert md["title"]["text"].startswith("Genossenschaft statt Handelshaus? Die Sennereigenossenschaften")
    assert [a["name"] for a in md["authors"]] == ["Katharina Moosbrugger", "Lukas Feurstein"]
    assert [t["lang"] for t in md["title_translations"]] == ["en"]


@pytest.mark.parametrize(("text", "masthead"), [
    ("agri-tech proceedings Proceeding Paper", True), ("sustainability Article", True),
    ("Journal of Hydrology Research Article", True),
    ("Soil Carbon in Drylands: A Review", False), ("Machine learning for crop yield prediction review", False),
    ("A Short Note", False),
])
def test_is_masthead_with_type(text: str, masthead: bool) -> None:
    from pipeline.metadata.title import is_masthead_with_type
    assert is_masthead_with_type(text) is masthead


def test_a_masthead_with_the_type_label_over_the_title() -> None:
    md = run(make_doc([
        "agri-tech proceedings Proceeding Paper",
        ("heading", "Low-Cost LoRaWAN Soil-Moisture Sensing for Smallholder Irrigation Scheduling"),
        ("heading", "Abena Owusu-Ansah 1,*, Kwame Darko 1 and Freya Lindholm 2"),
        "1 Department of Agricultural Engineering, Savannah Polytechnic University, Bolgatanga, Ghana",
        LONG_EN,
    ]))
    assert md["title"]["text"] == "Low-Cost LoRaWAN Soil-Moisture Sensing for Smallholder Irrigation Scheduling"


def test_a_thread_title_right_over_its_first_posts_date_stays() -> None:
    # A forum thread: its title, the first post's date, the post's opening line (title-shaped).
    md = run(make_doc([
        ("heading", "Restoring an old sewing machine"),
        "Sunday, 10 March 2024",
        "Grandfather's 1912 sewing machine and how I brought it back after forty years in the shed",
        LONG_EN,
    ]))
    assert md["title"]["text"] == "Restoring an old sewing machine"


def test_a_rubric_of_three_words_and_a_conjunction_over_a_title_in_capitals() -> None:
    from pipeline.metadata.title import is_rubric_over
    title = "АЛГОРИТМИЧЕСКОЕ ЦЕНООБРАЗОВАНИЕ И МОЛЧАЛИВЫЙ СГОВОР: ПРЕДЕЛЫ ПРИМЕНЕНИЯ ЗАПРЕТОВ"
    assert is_rubric_over("ПРАВО И ЦИФРОВЫЕ РЫНКИ", title)
    assert not is_rubric_over("ПРАВО ЦИФРОВЫХ РЫНКОВ И ПЛАТФОРМ", title)
    doc = make_doc(["ПРАВО И ЦИФРОВЫЕ РЫНКИ", title, "Ганиева Регина Шамилевна", "Аннотация. " + LONG_RU])
    assert run(doc)["title"]["text"] == title


def test_the_title_right_under_a_posts_stamp() -> None:
    # A site's short lines, a banner ending with a link's arrow, the post's stamp, then its title: the
    # short line two lines above the stamp is no title, nor is the banner.
    doc = make_doc(["Моя лента", "Как стать автором", "Мы обновили правила сообщества. Прочитайте, что изменилось →",
                    "vdoronin 4 апр 2024 в 11:32", "Миграции без простоя: как мы перестали ловить блокировки",
                    "Время на прочтение: 9 мин", LONG_RU])
    assert run(doc)["title"]["text"] == "Миграции без простоя: как мы перестали ловить блокировки"


def test_a_line_ending_with_a_links_arrow_is_no_title() -> None:
    assert not is_title_shaped("Read the new community rules →")


@pytest.mark.parametrize("text", ["Revista Andina de Geografía Rural (https://revistas.example.ar/rageo)",
                                  "www.example.org/journal", "Home (https://example.org) / Archive"])
def test_a_line_with_a_web_address_is_no_title(text: str) -> None:
    assert not is_title_shaped(text)


def test_a_breadcrumb_with_double_colons() -> None:
    from pipeline.metadata.title import is_breadcrumb
    from pipeline.repair.web import is_link_row
    assert is_breadcrumb("Главная :: Афиша :: Лекции и встречи") and is_link_row("Главная :: Афиша :: Лекции и встречи")
    assert not is_breadcrumb("Note: see also :: below")


def test_a_blog_platforms_page_headline_deck_and_writer_over_a_follow_button() -> None:
    # The app's banner, the headline, its deck, the writer's name over "Follow", the publication's
    # name, the date; the publication is named again at the end in a "More from ... and ..." line.
    doc = make_doc(["Open in app", "Write", "Why my grandfather's barometer still keeps better time than my phone",
                    "A story about a brass instrument, a notebook and forty years of weather", "Jane Holloway",
                    "Follow", "Field Notes from the North", "Mar 14, 2024", LONG_EN, LONG_EN],
                   boilerplate=["More from Jane Holloway and Field Notes from the North"])
    meta = run(doc)
    assert meta["title"]["text"] == "Why my grandfather's barometer still keeps better time than my phone"
    assert [a["name"] for a in meta["authors"]] == ["Jane Holloway"]


def test_a_phrase_ending_with_a_function_word_is_no_breadcrumb() -> None:
    from pipeline.metadata.title import breadcrumb_target
    assert breadcrumb_target("More from Jane Doe and Field Notes of the North", ["Field Notes of the North"]) is None
    assert breadcrumb_target("Home Politics Field Notes of the North", ["Field Notes of the North"]) == 0


def test_written_by_under_the_text_needs_no_colon() -> None:
    doc = make_doc(["A story about a brass barometer and forty years of weather notes", *[LONG_EN] * 8,
                    "Written by Jane Holloway"])
    assert [a["name"] for a in run(doc)["authors"]] == ["Jane Holloway"]


@pytest.mark.parametrize(("text", "want"), [
    ("🦩 Перепис лелек 2024: на Поділлі", "Перепис лелек 2024: на Поділлі"), ("Why now? 🔥🔥", "Why now?"),
    ("A ☕ break in the lab", "A ☕ break in the lab"),  # inside the title it stays
])
def test_clean_title_drops_pictographs_at_its_edges(text: str, want: str) -> None:
    assert clean_title(text) == want


def test_a_post_signed_with_the_writing_hand() -> None:
    doc = make_doc(["Перепис лелек 2024: на Поділлі нарахували понад дві тисячі гнізд", *[LONG_RU] * 8, "✍️ Тарас Климчук"])
    assert [a["name"] for a in run(doc)["authors"]] == ["Тарас Климчук"]


@pytest.mark.parametrize(("line", "shaped"), [
    ("Небо над Камой 🔭 t.me/nebo_nad_kamoi", False), ("Our site example.org/about page", False),
    ("Web 2.0/3.0 and the commons", True), ("COVID-19/SARS in Ontario hospitals", True),
])
def test_a_line_with_a_bare_web_address_is_no_title(line: str, shaped: bool) -> None:
    from pipeline.metadata.title import is_title_shaped
    assert is_title_shaped(line) is shaped


@pytest.mark.parametrize(("line", "want"), [
    ("PREPRINT – NOT PEER REVIEWED · March 21, 2024", True), ("Opinion | 5 May 2024", True),
    ("The Floods of 2021 · A Reckoning", False), ("Jane Doe | 12 March 2024", False),  # a byline
    ("Reading the river in the dark of winter nights · 5 May 2024", False),
])
def test_a_label_and_a_date_make_a_stamp(line: str, want: bool) -> None:
    from pipeline.metadata import _label_then_date
    assert _label_then_date(line, True) is want


def test_the_title_under_a_preprint_stamp_and_the_stamps_date() -> None:
    from metadata_docs import LONG_EN, make_doc, run
    doc = make_doc([("heading", "PREPRINT – NOT PEER REVIEWED · March 21, 2024"),
                    ("heading", "Dimming the lights, counting the bats"), ("heading", "Katarzyna Wróblewska¹*, Jonas Ekström²"),
                    LONG_EN, LONG_EN])
    meta = run(doc)
    assert meta["title"]["text"] == "Dimming the lights, counting the bats"
    assert meta["published"] == "2024-03-21"


@pytest.mark.parametrize(("line", "want"), [
    ("ARTIGO DE REVISÃO / REVIEW ARTICLE", True), ("Originalni naučni rad", True), ("Оригинални научни рад", True),
    ("Krátké sdělení / Short communication", True), ("ARAŞTIRMA MAKALESİ / RESEARCH ARTICLE", True),
    ("Review of the year / 2024", False), ("Originalni pristup radu", False),
])
def test_type_labels_in_two_languages_and_of_more_journals(line: str, want: bool) -> None:
    from pipeline.metadata.title import is_type_label
    assert is_type_label(line) is want


def test_a_conference_paper_under_its_dated_header_and_a_doi_line_with_its_type() -> None:
    from metadata_docs import make_doc, run
    body = ("Komina grožđa je najobimniji sporedni proizvod vinarija u Sremu, a njeno odlaganje na otvorenom "
            "izaziva zakišeljavanje zemljišta i neprijatne mirise u okolini podruma i naselja.")
    doc = make_doc([("paragraph", "XVII međunarodna konferencija „Upravljanje otpadom u poljoprivredi” Novi Sad, "
                                  "14–16. septembar 2023."),
                    ("heading", "DOI: 10.59957/uop23.087 Originalni naučni rad"),
                    ("heading", "KOMPOSTIRANJE KOMINE GROŽĐA SA GOVEĐIM STAJNJAKOM"),
                    ("paragraph", "J. Milošević1, D. Stanković2*, A. Kovačević1"),
                    ("paragraph", "Rezime: " + body), body, body])
    meta = run(doc)
    assert meta["title"]["text"].casefold() == "kompostiranje komine grožđa sa goveđim stajnjakom"
    assert [a["name"] for a in meta["authors"]] == ["J. Milošević", "D. Stanković", "A. Kovačević"]
    assert meta["abstract"]


def test_a_sentence_ending_with_a_date_under_the_title_is_still_the_text() -> None:
    from pipeline.metadata import _dated_header
    assert _dated_header("The council approved the new budget for the harbour on 5 May 2024.")  # the shape ...
    from metadata_docs import LONG_EN, make_doc, run
    doc = make_doc([("heading", "Harbour budget approved"),
                    ("paragraph", "The council approved the new budget for the harbour on 5 May 2024."), LONG_EN])
    assert run(doc)["title"]["text"] == "Harbour budget approved"  # ... asked of the first block only


def test_a_dataset_cards_pretty_name_is_its_title() -> None:
    from pipeline.metadata.front_matter import read_front_matter
    fm = read_front_matter({"pretty_name": "MuzeyTat — museum label corpus", "license": "cc-by-4.0"}, True)
    assert fm.title == "MuzeyTat — museum label corpus"
    assert read_front_matter({"title": "A study", "pretty_name": "Other"}, True).title == "A study"
