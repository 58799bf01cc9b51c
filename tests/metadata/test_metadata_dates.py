"""Published: only a date stated as the publication or issue date, at its precision."""

from __future__ import annotations

import pytest
from metadata_docs import LONG_EN, LONG_RU, make_doc, run

from pipeline.metadata.dates import access_date, cued_publication_date, find_dates, is_other_date, parse_date


@pytest.mark.parametrize(
    "text, iso",
    [
        ("28.12.2020", "2020-12-28"),
        ("05.03.2024", "2024-03-05"),
        ("2024-05-28", "2024-05-28"),
        ("5 May 2024", "2024-05-05"),
        ("May 5, 2024", "2024-05-05"),
        ("December 28th, 2020", "2020-12-28"),
        ("5 мая 2024 г.", "2024-05-05"),
        ("28 декабря 2020 года", "2020-12-28"),
        ("Декабрь 2020", "2020-12"),
        ("Sept. 2019", "2019-09"),
        ("Monday, 3 June 2024, 14:05", "2024-06-03"),
        ("13/05/2024", "2024-05-13"),
        ("31.02.2024", None),  # no such day
        ("On December 28, Xi said", None),
        ("2024", None),  # a bare year is not a date line
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_month_first_when_configured() -> None:
    assert parse_date("05/03/2024", day_first=False) == "2024-05-03"
    assert parse_date("05/03/2024", day_first=True) == "2024-03-05"
    # A value above 12 decides whatever the setting.
    assert parse_date("12/28/2020", day_first=True) == "2020-12-28"


def test_find_dates_positions() -> None:
    found = find_dates("Опубликовано: 5 мая 2024 г.; обновлено 28.12.2024")
    assert [f.iso for f in found] == ["2024-05-05", "2024-12-28"]
    assert found[0].start == len("Опубликовано: ")


@pytest.mark.parametrize(
    "text, iso",
    [
        ("Published: 5 May 2024", "2024-05-05"),
        ("Опубликовано: 5 мая 2024 г.", "2024-05-05"),
        ("Received 1 March 2024; published 5 May 2024", "2024-05-05"),
        ("Дата публикации: 28.12.2020", "2020-12-28"),
        ("Published online: 12 January 2023", "2023-01-12"),
        ("Posted on March 3, 2021 by admin", "2021-03-03"),
        ("Поступила в редакцию 12.02.2024. Принята к публикации 20.03.2024.", None),
        ("Accessed: 27.07.2024", None),
        ("Updated 3 May 2024", None),
        ("published in 2019 by the Institute", None),
        ("(Dated: March 4, 2024)", "2024-03-04"),  # a REVTeX preprint's date line
        ("The letter dated 4 March 1905 was lost", None),
    ],
)
def test_cued_publication_date(text: str, iso: str | None) -> None:
    assert cued_publication_date(text) == iso


@pytest.mark.parametrize(
    "text, iso",
    [
        ("URL: https://www.gov.cn/x.htm (дата обращения: 27.05.2024).", "2024-05-27"),
        ("URL: https://www.state.gov/x/ (accessed: 27.07.2024).", "2024-07-27"),
        ("Retrieved May 5, 2024, from https://example.org", "2024-05-05"),
        ("(accessed 3 June 2023)", "2023-06-03"),
        ("(дата доступа: 01.02.2022)", "2022-02-01"),
        ("Российская Газета, 20.03.2023. URL: https://rg.ru/x.html", None),
    ],
)
def test_access_date(text: str, iso: str | None) -> None:
    assert access_date(text) == iso


def test_is_other_date() -> None:
    text = "Posted 3 May 2024 · Updated 4 May 2024"
    posted, updated = find_dates(text)
    assert not is_other_date(text, posted)
    assert is_other_date(text, updated)


# --- the publication date of a whole document ---


def test_journal_header_gives_the_year_only() -> None:
    doc = make_doc([("heading", "Размышления о дипломатии"), LONG_RU],
                   furniture=["Восточная Азия: факты и аналитика 2024, 3 East Asia: Facts and Analytics 2024, 3", "50"])
    assert run(doc)["published"] == "2024"


def test_stated_publication_date_wins_over_the_issue_year() -> None:
    doc = make_doc([("heading", "A Study of Regional Trade"), "Published: 5 May 2024", LONG_EN],
                   furniture=["Journal of Trade Studies 2024, 2"])
    assert run(doc)["published"] == "2024-05-05"


def test_russian_publication_cue() -> None:
    doc = make_doc([("heading", "Внешняя политика Китая"), "Опубликовано: 5 мая 2024 г.", LONG_RU])
    assert run(doc)["published"] == "2024-05-05"


def test_date_line_under_a_headline() -> None:
    doc = make_doc([("heading", "Китай и Россия подписали соглашение"), "28.12.2020", LONG_RU])
    assert run(doc)["published"] == "2020-12-28"


def test_date_in_the_byline() -> None:
    doc = make_doc([("heading", "Trade Talks Resume"), "By Jane Doe | March 3, 2021", LONG_EN])
    md = run(doc)
    assert md["published"] == "2021-03-03"
    assert [a["name"] for a in md["authors"]] == ["Jane Doe"]


def test_updated_date_in_the_byline_is_not_publication() -> None:
    doc = make_doc([("heading", "Trade Talks Resume"), "by Staff Writer | Updated 3 May 2024", LONG_EN])
    md = run(doc)
    assert md["published"] is None
    assert md["authors"] == []


def test_access_dates_in_footnotes_are_not_publication_dates() -> None:
    doc = make_doc(
        [("heading", "Внешняя политика Китая"), LONG_RU],
        footnotes=[("1", "Доклад. URL: https://www.gov.cn/x.htm (дата обращения: 27.05.2024)."),
                   ("2", "Report. URL: https://www.state.gov/y/ (accessed: 27.07.2024).")],
    )
    md = run(doc)
    assert md["published"] is None
    assert [f["accessed"] for f in md["footnotes"]] == ["2024-05-27", "2024-07-27"]


def test_event_dates_in_the_body_are_not_publication_dates() -> None:
    doc = make_doc([("heading", "Relations Still Good"), "by Newsdesk",
                    "On the evening of December 28, the two presidents spoke by phone. " + LONG_EN,
                    "The treaty was signed on 16 July 2001 in Moscow. " + LONG_EN])
    assert run(doc)["published"] is None


def test_this_year_is_not_a_date() -> None:
    doc = make_doc([("heading", "A New Journey for Relations"), "By Li Hui",
                    "This year the two countries will launch a joint programme. " + LONG_EN])
    assert run(doc)["published"] is None


def test_received_and_accepted_dates_are_not_publication() -> None:
    doc = make_doc([("heading", "Внешняя политика Китая"),
                    "Поступила в редакцию 12.02.2024. Принята к публикации 20.03.2024.", LONG_RU])
    assert run(doc)["published"] is None


def test_us_order_when_configured() -> None:
    doc = make_doc([("heading", "Trade Talks Resume"), "05/03/2024", LONG_EN])
    assert run(doc, day_first=False)["published"] == "2024-05-03"
    assert run(make_doc([("heading", "Trade Talks Resume"), "05/03/2024", LONG_EN]))["published"] == "2024-03-05"


def test_published_online_in_the_received_line_under_the_keywords() -> None:
    doc = make_doc([("heading", "Sanctions and Energy Exports"), ("heading", "Abstract"), LONG_EN,
                    "Keywords: sanctions; energy", "Received 1 March 2023; accepted 5 May 2023; published online 12 June 2023",
                    ("heading", "Introduction"), LONG_EN], furniture=["Journal of Eurasian Studies 2024, 2"])
    assert run(doc)["published"] == "2023-06-12"


def test_time_before_the_date_on_a_news_page() -> None:
    doc = make_doc([("heading", "Россия и Китай договорились о поставках газа"), "14:35, 28 декабря 2020",
                    "Автор: Иван Петров, корреспондент", LONG_RU])
    md = run(doc)
    assert md["published"] == "2020-12-28"
    assert [a["name"] for a in md["authors"]] == ["Иван Петров"]


def test_history_line_after_the_references_leaves_the_issue_year() -> None:
    doc = make_doc([
        "ГЕОГРАФИЯ И ПРИРОДОПОЛЬЗОВАНИЕ. 2021. Т. 4, № 3. С. 40–58",
        ("heading", "Реки Сибири в условиях изменения климата"), "Сергей Орлов1", "1 Институт географии РАН, Москва",
        "Аннотация. " + LONG_RU, ("heading", "Список литературы"), "1. Орлов С.И. Реки // География. 2019. № 2. С. 5–17.",
        "Статья поступила в редакцию 03.02.2021; одобрена после рецензирования 15.03.2021; "
        "принята к публикации 20.03.2021.",
    ])
    md = run(doc)
    assert md["published"] == "2021"
    assert md["references"] == ["Орлов С.И. Реки // География. 2019. № 2. С. 5–17."]


@pytest.mark.parametrize(("line", "iso"), [
    ("12 березня 2024 року, 10:47", "2024-03-12"),
    ("5 листопада 2023 р.", "2023-11-05"),
    ("Грудень 2021", "2021-12"),
    ("October 8, 2025 at 6:15 a.m. EDT | Updated October 8, 2025 at 11:40 a.m. EDT", "2025-10-08"),
    ("8 May 2024 · Last updated 9 May 2024", "2024-05-08"),
    ("12.03.2024 (оновлено 13.03.2024)", "2024-03-12"),
    ("Updated October 9, 2025", None),  # only when it was updated: not the date of the page
])
def test_ukrainian_months_and_update_times_on_a_date_line(line: str, iso: str | None) -> None:
    assert parse_date(line, True) == iso


@pytest.mark.parametrize(("line", "iso"), [
    ("Eingegangen: 9. Oktober 2022 / Angenommen: 30. Januar 2023 / Online publiziert: 14. März 2023", "2023-03-14"),
    ("Accepted 29 March 2021 · Available online 14 April 2021", "2021-04-14"),
    ("arXiv:2403.01234v2 [cs.CL] 12 Mar 2024", "2024-03-12"),
    ("Mis en ligne le 5 mai 2024", "2024-05-05"),
    ("Accepted 29 March 2021", None),
    ("See arXiv 2403.01234 for details, 12 Mar 2024", None),  # no identifier cue right before the date
])
def test_online_first_preprint_and_day_with_a_full_stop(line: str, iso: str | None) -> None:
    assert cued_publication_date(line, True) == iso


def test_a_day_printed_with_a_full_stop() -> None:
    assert parse_date("14. März 2023") == "2023-03-14"
    assert parse_date("28.12.2020") == "2020-12-28"


@pytest.mark.parametrize(("text", "iso"), [
    ("Publicado em 7 de agosto de 2023", "2023-08-07"),  # Portuguese, "de" around the month
    ("5 de mayo de 2024", "2024-05-05"), ("março de 2020", "2020-03"), ("12 dezembro 2021", "2021-12-12"),
    ("agosto de 2023", "2023-08"),
])
def test_spanish_and_portuguese_dates(text: str, iso: str) -> None:
    assert [d.iso for d in find_dates(text)] == [iso]


def test_portuguese_publication_cue() -> None:
    assert cued_publication_date("Publicado em 7 de agosto de 2023 por Ana — Atualizado em 9 de agosto de 2023") \
        == "2023-08-07"


def test_the_history_block_after_both_abstracts() -> None:
    doc = make_doc([("heading", "A Study of Hazelnut Growers"), ("heading", "ÖZ"), LONG_EN, ("heading", "ABSTRACT"),
                    LONG_EN, "Keywords: climate change, hazelnut", "JEL: Q12", LONG_EN,
                    "Article Info Received: 14.02.2023 Accepted: 02.05.2023 Published: 30.06.2023", LONG_EN])
    assert run(doc)["published"] == "2023-06-30"


@pytest.mark.parametrize(("line", "want"), [
    ("© Ефремова Н. Г., 2024", "2024"), ("© The Author(s) 2023", "2023"), ("Copyright © 2022 Elsevier Ltd.", "2022"),
    ("© 2012–2024 ТОО «Медиа». Все права защищены.", None),  # a site's range
    ("The © sign was used in 1998 and again in 2004.", None),  # not at the line's start, two years
])
def test_the_copyright_lines_year_when_nothing_else_dates_the_article(line: str, want: str | None) -> None:
    doc = make_doc([("heading", "Сроки сева льна в Нечерноземье"), "Н. Г. Ефремова", "Аннотация. " + LONG_RU, LONG_RU,
                    line])
    assert run(doc)["published"] == want


def test_a_printed_publication_date_wins_over_the_copyright_year() -> None:
    doc = make_doc([("heading", "Сроки сева льна в Нечерноземье"), "Н. Г. Ефремова", "Аннотация. " + LONG_RU, LONG_RU,
                    "© Ефремова Н. Г., 2023", "Дата публикации: 27.06.2024"])
    assert run(doc)["published"] == "2024-06-27"


def test_a_sites_copyright_footer_at_the_end_of_a_long_page_does_not_date_it() -> None:
    doc = make_doc([("heading", "Fertiliser prices and the next harvest"), *[LONG_EN] * 32, "© 2025 Example Institute"])
    assert run(doc)["published"] is None


@pytest.mark.parametrize(("text", "iso"), [
    ("12 наурыз 2025", "2025-03-12"), ("3 желтоқсан 2024", "2024-12-03"),
    ("14 Kasım 2023", "2023-11-14"), ("1 Ağustos 2022", "2022-08-01"),
])
def test_kazakh_and_turkish_month_names(text: str, iso: str) -> None:
    assert [d.iso for d in find_dates(text)] == [iso]


@pytest.mark.parametrize(("text", "iso"), [
    ("Жарияланды: 12 наурыз 2025, 16:40", "2025-03-12"), ("Yayınlanma tarihi: 14 Kasım 2023", "2023-11-14"),
])
def test_kazakh_and_turkish_publication_cues(text: str, iso: str) -> None:
    assert cued_publication_date(text) == iso


@pytest.mark.parametrize(("text", "iso"), [
    ("неділя, 10 березня 2024 р.", "2024-03-10"), ("Sonntag, 10. März 2024", "2024-03-10"),
    ("dimanche 10 mars 2024", "2024-03-10"), ("domingo, 10 de marzo de 2024", "2024-03-10"),
    ("воскресенье, 10 марта 2024 г.", "2024-03-10"), ("Sunday, 10 March 2024", "2024-03-10"),
    ("Sonntagsreden 10. März 2024", None),
])
def test_a_weekday_before_a_date_line(text: str, iso: str | None) -> None:
    from pipeline.metadata.dates import parse_date
    assert parse_date(text, True) == iso


@pytest.mark.parametrize(("text", "iso"), [
    ("Submitted on 4 Mar 2024 (v1), last revised 19 Mar 2024 (this version, v2)", "2024-03-04"),
    ("[Submitted on 12 Jun 2017 (v1)]", "2017-06-12"),
    ("Submitted on 4 Mar 2024 (v2)", None),
    ("Received 4 March 2024", None),
])
def test_first_version_date(text: str, iso: str | None) -> None:
    from pipeline.metadata.dates import first_version_date
    assert first_version_date(text, True) == iso


def test_a_preprints_first_version_outranks_its_stamp() -> None:
    from metadata_docs import LONG_EN, make_doc, run
    md = run(make_doc(["Ship tracks in geostationary imagery",
                       "Submitted on 4 Mar 2024 (v1), last revised 19 Mar 2024 (this version, v2)", LONG_EN],
                      furniture=["arXiv:2403.16342v2 [physics.ao-ph] 19 Mar 2024"]))
    assert md["published"] == "2024-03-04"


@pytest.mark.parametrize(("line", "want"), [
    ("14.01.2025 | 18:45", "2025-01-14"), ("14.01.2025 · 18:45", "2025-01-14"), ("12 марта 2024, 14:20", "2024-03-12"),
    ("2024 | 12", None),
])
def test_a_dateline_with_its_clock_time_after_a_bar(line: str, want: str | None) -> None:
    from pipeline.metadata.dates import parse_date
    assert parse_date(line, True) == want


@pytest.mark.parametrize(("line", "want"), [
    ("vdoronin 4 апр 2024 в 11:32", "2024-04-04"), ("@jane_doe 12.03.2024 14:05", "2024-03-12"),
    ("since 4 April 2024 at 10:00", None), ("vdoronin 4 апр 2024", None),  # a stamp has its clock time
    # every clock form a date line's edge accepts: a dot, an "h", a meridiem
    ("mkoval 4 апр 2024 в 11.32", "2024-04-04"), ("jdupont 11 mars 2025 à 14h27", "2025-03-11"),
    ("jane.doe 5 May 2024 at 6:15 a.m.", "2024-05-05"),
])
def test_a_posts_stamp_with_the_posters_handle(line: str, want: str | None) -> None:
    from pipeline.metadata.dates import parse_date
    assert parse_date(line, True) == want


@pytest.mark.parametrize(("line", "stamp"), [
    ("Document généré le 11 mars 2025 14:27", True), ("Document généré le 11 mars 2025 à 14h27", True),
    ("Downloaded on 3 May 2024 at 6:15 p.m.", True), ("Heruntergeladen am 3. Mai 2024 um 18.42 Uhr", True),
    ("The Floods of May 2021", False), ("By Jane Doe and John Roe | Updated: 3 March 2024, 18:42", False),
])
def test_a_line_ending_with_a_date_and_its_clock_time_is_a_stamp(line: str, stamp: bool) -> None:
    from pipeline.metadata import _date_time_stamp
    assert _date_time_stamp(line) is stamp


@pytest.mark.parametrize(("text", "cue"), [
    ("Publicado", True), ("## Publicado", True), ("Published:", True), ("Дата публикации", True),
    ("Published: 5 May 2024", False), ("Publicado en la revista del año", False),
])
def test_is_publication_cue(text: str, cue: bool) -> None:
    from pipeline.metadata.dates import is_publication_cue
    assert is_publication_cue(text) is cue


def test_a_publication_cue_as_a_heading_over_its_date() -> None:
    doc = make_doc(["Heladas tardías en viñedos de altura", LONG_EN, *[LONG_EN] * 35, ("heading", "Publicado"),
                    ("heading", "2023-08-28"), "Recibido: 02 de marzo de 2023"])
    assert run(doc)["published"] == "2023-08-28"


@pytest.mark.parametrize(("line", "imprint"), [
    ("Ростов-на-Дону ; Таганрог : Издательство Южного федерального университета, 2023", True),
    ("М.: Наука, 2021.", True), ("СПб. : «Нестор-История», 2019", True),
    ("Note: see the data, 2021", False), ("Москва: 12 марта, 2021", False), ("Keywords: rivers, water, 2021", False),
])
def test_imprint_line(line: str, imprint: bool) -> None:
    from pipeline.metadata import _IMPRINT_RE
    assert (_IMPRINT_RE.match(line) is not None) is imprint


def test_a_collections_imprint_above_the_paper_gives_the_year() -> None:
    doc = make_doc(["ВОЗОБНОВЛЯЕМАЯ ЭНЕРГЕТИКА В РЕГИОНАХ", "Сборник материалов конференции (Таганрог, 18–20 апреля 2023 г.)",
                    "Ростов-на-Дону : Издательство Южного федерального университета, 2023",
                    "ОЦЕНКА ВЕТРОЭНЕРГЕТИЧЕСКОГО ПОТЕНЦИАЛА ПОБЕРЕЖЬЯ ЗАЛИВА", "А. В. Кречетов", LONG_RU, LONG_RU])
    assert run(doc)["published"] == "2023"


@pytest.mark.parametrize(("tail", "want"), [
    (["#tags #more", "👁 8.3K", "Jul 29, 2024 at 14:20", "👍 412 ❤️ 156"], "2024-07-29"),
    (["Опубликовано в канале", "12.03.2024 в 09:15"], "2024-03-12"),
    # no clock time: a date in the last lines may be anything (an event's, a deadline)
    (["The next count is on 29 July 2029"], None), (["29 July 2029"], None),
    # two replies, each with its stamp: which one is the post's cannot be told
    (["Reply by anna", "3 May 2024 at 10:00", "Reply by ben", "4 May 2024 at 11:00"], None),
])
def test_a_posts_stamp_under_its_text(tail: list[str], want: str | None) -> None:
    doc = make_doc([("heading", "Перепис лелек: понад дві тисячі гнізд"), LONG_RU, LONG_RU, *tail])
    assert run(doc)["published"] == want


@pytest.mark.parametrize(("line", "want"), [
    ("Recebido em 11/03/2024 | Aceito em 02/07/2024 | Publicado online em 24/07/2024", "2024-07-24"),
    ("Надійшла до редакції 12.02.2024 | Прийнята до друку 28.04.2024 | Опублікована онлайн 15.06.2024", "2024-06-15"),
    ("Disponible en línea el 9 de enero de 2025", "2025-01-09"), ("Objavljeno online: 12.05.2023", "2023-05-12"),
    ("Publié en ligne le 3 mai 2024", "2024-05-03"), ("Recebido em 11/03/2024 | Aceito em 02/07/2024", None),
])
def test_online_first_cues_in_more_languages(line: str, want: str | None) -> None:
    assert cued_publication_date(line, True) == want


@pytest.mark.parametrize(("masthead", "want"), [
    ("Gardens in the Culture of Pomerania. Studies red. Ewa Lipińska, Marek Sowa, Olsztyn 2022, s. 97–110", "2022"),
    ("In: Rural Heritage, ed. J. Smith, London 2021, pp. 5–19", "2021"),
    # no editors: a year and pages alone may be anything's (a citation, a table's caption)
    ("Gardens in the Culture of Pomerania, Olsztyn 2022, s. 97–110", None),
])
def test_a_chapters_year_from_its_books_masthead(masthead: str, want: str | None) -> None:
    doc = make_doc([("paragraph", masthead), ("heading", "Parsonage Gardens in Masuria"), LONG_EN, LONG_EN])
    assert run(doc)["published"] == want


@pytest.mark.parametrize(("line", "want"), [
    ("Guéret-sur-Vienne, le 8 avril 2024", "2024-04-08"), ("Berlin, den 5. Mai 2024", "2024-05-05"),
    ("Москва, 12 марта 2024", "2024-03-12"), ("May 5, 2024", "2024-05-05"),
    ("The Floods of May, 2024", None), ("Two rivers, 12 bridges", None),
])
def test_a_datelines_place_before_its_date(line: str, want: str | None) -> None:
    assert parse_date(line, True) == want


def test_the_title_under_a_numbered_press_release_label_and_its_dateline() -> None:
    doc = make_doc([("paragraph", "Communiqué de presse n° 2024-041"), ("paragraph", "Guéret, le 8 avril 2024"),
                    ("heading", "Sécheresse : le préfet place trois bassins versants en alerte renforcée"),
                    LONG_EN, LONG_EN])
    meta = run(doc)
    assert meta["published"] == "2024-04-08"
    assert meta["title"]["text"].startswith("Sécheresse")


@pytest.mark.parametrize(("text", "want"), [
    ("Di 5. Mär 2024, 21:14", "2024-03-05"), ("12 déc. 2023", "2023-12-12"), ("3 dic 2024", "2024-12-03"),
    ("asked Feb 1, 2023 at 21:17", "2023-02-01"),
])
def test_more_month_abbreviations_and_a_questions_stamp(text: str, want: str) -> None:
    found = find_dates(text, True)
    assert found and found[0].iso == want
    if text.startswith("asked"):
        assert cued_publication_date(text, True) == want


@pytest.mark.parametrize(("blocks", "want"), [
    (["2023 13th Nordic Conference on Wind Power Systems (NORWIND) | Luleå, Sweden | June 19–21, 2023"], "2023"),
    (["XVII međunarodna konferencija „Upravljanje otpadom u poljoprivredi” Novi Sad, 14–16. septembar 2023."], "2023"),
    # a citation of another paper's proceedings under the text names no date of this one
    ([LONG_EN, LONG_EN, LONG_EN, "Paper: Berg et al., Proceedings of the Workshop on Rivers (2024)"], None),
])
def test_a_conference_papers_year_from_the_conference_named_above_it(blocks: list[str], want: str | None) -> None:
    doc = make_doc([*blocks[:1], ("heading", "Icing on Wind Turbine Blades in Cold Climates"), LONG_EN, *blocks[1:]])
    assert run(doc)["published"] == want


@pytest.mark.parametrize(("line", "want"), [
    ("February 6, 2024 10:42 AM GMT+3 Updated 3 hours ago", "2024-02-06"), ("12 марта 2024, 14:20 UTC+03:00", "2024-03-12"),
])
def test_a_dateline_with_its_time_zone_offset(line: str, want: str) -> None:
    assert parse_date(line, True) == want


def test_the_articles_history_printed_at_its_end() -> None:
    body = [LONG_RU] * 35
    doc = make_doc([("heading", "Расчёты в национальных валютах в торговле государств ЕАЭС"), *body,
                    "Статья поступила 14.11.2023; принята к публикации 22.01.2024; опубликована 28.03.2024.",
                    "Об авторах"], furniture=["Вопросы экономики 2024, 1"])
    assert run(doc)["published"] == "2024-03-28"
    # (A received date alone at the end dates nothing: the issue's year stands.)
    doc = make_doc([("heading", "Расчёты в национальных валютах в торговле государств ЕАЭС"), *body,
                    "Статья поступила 14.11.2023.", "Об авторах"], furniture=["Вопросы экономики 2024, 1"])
    assert run(doc)["published"] == "2024"


@pytest.mark.parametrize(("cover", "furniture", "year"), [
    # An offprint's cover: the book, its editors, publisher and year; its ISBN moved to the furniture.
    ("Sonderdruck aus: Wasser, Recht und Herrschaft. Festschrift für Konrad Ebbinghaus zum 70. Geburtstag. "
     "Herausgegeben von Annette Vogelsang und Matthias Reuter. Verlag Aa & Lühe · Münster 2021",
     ["ISBN 978-3-946823-41-7"], "2021"),
    ("Offprint from: Rivers and Rule. Edited by Anne Vogel and Mark Reuter. Harrow Academic, Leiden 2019. "
     "ISBN 978-1-80933-114-6", [], "2019"),
    # No ISBN: the cover names a book, but the year may be anything it prints.
    ("Sonderdruck aus: Wasser, Recht und Herrschaft. Herausgegeben von Annette Vogelsang. Münster 2021", [], None),
])
def test_an_offprint_covers_year(cover: str, furniture: list[str], year: str | None) -> None:
    from metadata_docs import LONG_EN, make_doc, run
    doc = make_doc([cover, ("heading", "Mills and weirs on the upper Lippe"), LONG_EN, LONG_EN], furniture=furniture)
    assert run(doc)["published"] == year


@pytest.mark.parametrize(("masthead", "iso"), [
    ("2023 年 5 月 Journal of Local Archival Studies May 2023", "2023-05"),  # the issue's month in two languages
    ("Oct. 2022 Urban Water Engineering Oct. 2022", "2022-10"),
    ("2023 年 5 月 Journal of Local Archival Studies June 2023", None),  # two months: neither is known to be it
])
def test_a_masthead_line_dated_at_both_ends(masthead: str, iso: str | None) -> None:
    from metadata_docs import LONG_EN, make_doc, run
    doc = make_doc([masthead, ("heading", "Units of land area in Qing contracts"), LONG_EN, LONG_EN])
    assert run(doc)["published"] == iso
