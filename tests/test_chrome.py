"""Site chrome (repair.chrome): each cue alone, then where a line must stand for the cue to count."""

from __future__ import annotations

import pytest

from pipeline.repair import chrome

P1 = ("The council voted on Tuesday to extend the ferry service to the northern islands for another "
      "five years, ending months of uncertainty for the people who rely on it.")
P2 = ("Ferry operators had warned that without a new contract they would have to cut the winter timetable "
      "to two sailings a week, which residents said would empty the islands.")
P3 = ("The new contract keeps the daily sailing and adds a second boat in the summer months, when the "
      "islands receive most of their visitors and the single boat is often full.")
P4 = ("Islanders welcomed the decision but said that the harbour itself still needs repairs that the "
      "council has not yet found the money for, and that they will keep pressing for them.")


@pytest.mark.parametrize(("text", "want"), [
    ("Advertisement", True), ("— ADVERTISEMENT —", True), ("[Anzeige]", True), ("Реклама", True),
    ("Publicité", True), ("Sponsored content", True),
    ("Advertising", False), ("Advertisement revenue fell by a third.", False), ("Реклама и общество", False),
])
def test_ad_label(text: str, want: bool) -> None:
    assert chrome.is_ad_label(text) is want


@pytest.mark.parametrize(("text", "want"), [
    ("Views: 1 284", True), ("Просмотров: 3 418", True), ("Переглядів: 1 284", True), ("12 comments", True),
    ("Комментарии (12)", True), ("Temps de lecture : 5 min", True), ("7 min read", True), ("Lesezeit: 4 Min.", True),
    ("Опубліковано: 12.03.2024", False), ("Views of the committee", False), ("Table 3", False),
    ("2 Methods", False), ("Comments on the draft law were due by 12 May", False),
    # abbreviated counts, and counters shown as pictographs
    ("Количество просмотров: 7.4K", True), ("12K views", True), ("Время на прочтение: 9 мин", True),
    ("👍 412   ❤️ 156   🔥 23", True), ("👁 8.3K", True),
    ("📅 12.03.2024", False), ("🔥 Hot deals", False), ("2 K", False),
])
def test_counter(text: str, want: bool) -> None:
    assert chrome.is_counter(text) is want


@pytest.mark.parametrize(("text", "want"), [
    ("Photo: Jane Doe/AP", True), ("Фото: пресс-служба Пермского краеведческого музея", True),
    ("Photo by Tomás Ekwueme", True), ("Foto: dpa", True),
    ("Photos taken by the rover show that the crater once held a lake, the team said on Monday.", False),
    ("Photography became his profession in 1921", False),
])
def test_credit(text: str, want: bool) -> None:
    assert chrome.is_credit(text) is want


@pytest.mark.parametrize(("text", "want"), [
    ("Skip to main content", True), ("Перейти к содержимому", True), ("Aller au contenu", True),
    ("Zum Inhalt springen", True), ("Skip to the end of the story, she said quietly to him.", False),
])
def test_skip_link(text: str, want: bool) -> None:
    assert chrome.is_skip_link(text) is want


@pytest.mark.parametrize(("text", "want"), [
    ("Subscribe", True), ("Sign up for Starwatch, our weekly newsletter", True), ("Je m'inscris", True),
    ("Подписывайтесь на нас в Telegram и ВКонтакте", True),
    ("Підпишіться на наш Telegram-канал, щоб першими дізнаватися про рішення", True),
    ("Researchers who sign up for the trial are paid.", False), ("Registered voters fell by 3%.", False),
    ("The newsletter was founded in 1902 by a group of teachers in the town.", False),
])
def test_call(text: str, want: bool) -> None:
    assert chrome.is_call(text) is want


@pytest.mark.parametrize(("text", "want"), [
    ("Enter your email", True), ("Votre adresse e-mail", True), ("Ваш e-mail", True),
    ("Email: anna@example.org", False), ("Email remains the main channel of complaints.", False),
])
def test_email_field(text: str, want: bool) -> None:
    assert chrome.is_email_field(text) is want


@pytest.mark.parametrize(("text", "want"), [
    ("We use cookies to improve your experience on our site.", True), ("© 2024 Site Ltd. All rights reserved.", True),
    ("Використання матеріалів сайту дозволяється лише за умови посилання на джерело.", True),
    ("Nous utilisons des cookies pour mesurer l'audience.", True),
    ("The ferry timetable will change in May.", False), ("Copyright law protects the author for life.", False),
])
def test_notice(text: str, want: bool) -> None:
    assert chrome.is_notice(text) is want


@pytest.mark.parametrize(("text", "want"), [
    ("Главная Новости Общество Экономика Спорт Культура", True), ("Home | News | Sport | Weather | Contact", True),
    ("Home Office Minister Resigns Over Visa Row", False), ("Home Truths About The Housing Market", False),
    ("Главная задача экономики — рост", False),
])
def test_menu_line(text: str, want: bool) -> None:
    assert chrome.is_menu_line(text) is want


def _kept(lines: list[str], taken: set[int] | None = None) -> list[str]:
    out = chrome.find_chrome(lines, taken or set())
    return [t for i, t in enumerate(lines) if t and i not in out and i not in (taken or set())]


def test_page_keeps_the_article_and_loses_the_chrome() -> None:
    page = [
        "Skip to main content", "The Island Courier", "Home", "News", "Sport", "Culture", "Subscribe", "Sign in", "",
        "Council extends the island ferry contract", "By Anna Berg", "3 May 2024", "Views: 1 204", "",
        P1, "", "Advertisement", "", P2, "",
        "Sign up for our morning briefing", "Enter your email", "Sign up",
        "By signing up you agree to our privacy policy.", "", P3, "", P4, "",
        "Most read", "Storm warning issued for the west coast", "New school opens in the harbour town", "",
        "Comments (3)", "Great news for all of us on the island, thanks to everyone who campaigned for it.",
        "We use cookies to improve your experience on our site.", "Accept all", "Reject",
        "© 2024 The Island Courier. All rights reserved.",
    ]
    kept = _kept(page)
    assert kept == ["Council extends the island ferry contract", "By Anna Berg", "3 May 2024", P1, P2, P3, P4]


def test_text_about_cookies_and_newsletters_stays() -> None:
    about = ("Browsers now let users accept or reject third-party cookies, and the privacy policy of most "
             "news sites has grown to several pages that almost nobody reads to the end.")
    letter = ("The parish newsletter, founded in 1902, printed the ferry timetable on its back page "
              "every month until the service was cut.")
    page = ["Ferry history", "", P1, "", about, "", letter, "", P2, "", P3]
    assert _kept(page) == [t for t in page if t]


def test_a_licence_line_above_the_paper_does_not_end_it() -> None:
    paper = ["# A study of ferry timetables", "", "Anna Berg, Tom Li", "",
             "© 2024 The authors. Published under a CC BY 4.0 licence.", "", P1, "", "## Methods", "", P2, "", P3, "",
             "## References", "", "Berg A. Ferries and islands. Island Studies 5 (2020) 1-10",
             "Li T. Timetables https://doi.org/10.1234/ab"]
    kept = _kept(paper)
    assert P3 in kept and "## References" in kept and paper[-1] in kept and "Anna Berg, Tom Li" in kept


def test_authors_one_a_line_are_no_menu() -> None:
    page = ["Anna Berg", "Tom Li", "Ivan Petrov", "Olga Smirnova", "Contact", "", "A study of ferries", "", P1, "", P2]
    assert "Anna Berg" in _kept(page) and "A study of ferries" in _kept(page)


def test_a_subheading_between_paragraphs_stays() -> None:
    page = ["Title of the story", "", P1, "", "What happens next", "", P2, "", "Case study: the northern route", "", P3]
    assert _kept(page) == [t for t in page if t]


def test_hard_wrapped_text_is_left_alone() -> None:
    page = ["Advertisement", P1, "Subscribe", P2]
    assert chrome.find_chrome(page, hard_wrapped=True) == {}


def test_menu_above_the_headline_takes_the_site_name_with_it() -> None:
    page = ["The Island Courier — news of the northern isles", "Home | News | Sport | Culture | Contact",
            "Council extends the island ferry contract", "", P1, "", P2]
    out = chrome.find_chrome(page, taken={1})
    assert out == {0: "navigation"}


def test_comments_after_the_article_go() -> None:
    page = ["Title of the story", "", P1, "", P2, "", P3, "", "12 comments", "", "anna_b", "",
            "I have taken this ferry for thirty years and the winter timetable was always the hardest part of it.",
            "", "tom", "", "Good news, but the harbour repairs should have come first in my opinion, honestly."]
    kept = _kept(page)
    assert kept == ["Title of the story", P1, P2, P3]


@pytest.mark.parametrize(("text", "want"), [
    ("Комментарии (12)", True), ("12 comments", True), ("6 comentários em “Quem poliniza o pequi?”", True),
    ("Deixe um comentário Cancelar resposta", True), ("Leave a Reply", True), ("Skomentuj (23)", True),
    ("Comments are closed for this article", False), ("3 comments on the draft law were received.", False),
])
def test_comments_header(text: str, want: bool) -> None:
    assert chrome.is_comments_header(text) is want


def test_pointers_with_the_same_label_go_even_without_blank_lines() -> None:
    page = ["Title of the story", "", P1, "", "Read also: Five myths about bats we should forget",
            "Read also: How fire helps some savanna plants to flower", "", P2, "", "Published: 22 January 2025", "", P3,
            "", "Case study: the northern route and its ferries", "", P4]
    out = chrome.find_chrome(page)
    assert out == {4: "teaser", 5: "teaser"}


def test_the_text_of_a_newsletter_box_above_its_field_goes() -> None:
    page = ["Title of the story", "", P1, "", P2, "", "Get new posts by e-mail",
            "Enter your e-mail address to follow this blog and get new posts by e-mail.", "Email address", "Follow",
            "", P3, "", P4]
    assert _kept(page) == ["Title of the story", P1, P2, P3, P4]


def test_a_consent_dialog_at_the_top_goes_with_its_buttons_and_the_menu_row() -> None:
    consent = ("We and our partners process personal data such as cookie identifiers and IP addresses to "
               "personalise content and ads, measure them and build statistics. You can accept processing by all "
               "partners or manage your settings, now or at any time later, under privacy settings at the foot "
               "of every page of the site.")
    page = ["We value your privacy", consent, "Go to the site", "Advanced settings", "Island Courier",
            "News | Island | Sport | Culture | Weather", "Council extends the island ferry contract", "Anna Berg",
            "3 May 2024", "", P1, "", P2]
    kept = _kept(page)
    assert kept[:4] == ["Island Courier", "Council extends the island ferry contract", "Anna Berg", "3 May 2024"]


def test_a_comments_header_taken_earlier_still_ends_the_article() -> None:
    comment = "Finally something sensible from the town budget, I keep my fingers crossed for the next one!"
    page = ["Title of the story", "", P1, "", P2, "", "Comments (2)", comment, "Reply | Report",
            "Another comment that reads like prose and ends with a full stop, as comments do.", "Reply | Report",
            "", "Most read", "1. Storm warning issued for the whole of the west coast. Ferries stay in port?"]
    out = chrome.find_chrome(page, taken={6, 7, 8, 9, 10})
    assert 13 in out and 12 in out


@pytest.mark.parametrize(("text", "want"), [
    ("Fot. Paweł Szulc / Opole Teraz", True), ("Фото показывает реку", False), ("Photo: AP", True),
    ("Photographs by Tomasz Lenk", True), ("Illustrations by Ana Ruiz", True), ("Photographs show the river", False),
])
def test_credit_before_a_name(text: str, want: bool) -> None:
    assert chrome.is_credit(text) is want


def test_a_contact_line_repeated_under_each_languages_author_block_is_no_label() -> None:
    from pipeline.repair.web import find_boilerplate
    page = ["А.Т. Жақыпова1*, Б.Е. Оспанов1", "1Іле өңірлік университеті, Жаркент", "*e-mail: a.z@iou.example.kz", "",
            "«ҚОРҒАС» ХАЛЫҚАРАЛЫҚ ШЕКАРАЛЫҚ ЫНТЫМАҚТАСТЫҚ ОРТАЛЫҒЫ", "", P1, "",
            "А.Т. Жакыпова1*, Б.Е. Оспанов1", "1Илейский региональный университет, Жаркент", "*e-mail: a.z@iou.example.kz",
            "", P2]
    assert find_boilerplate(page, hard_wrapped=True) == {}


def test_a_pdfs_first_page_reprinting_its_cover_is_no_teaser_under_a_label() -> None:
    from pipeline.repair.web import find_boilerplate
    # A cover page (title, authors, the edition's details), then the article's first page printing the
    # title and the authors again: the repeated author line reads as a label closing a teaser.
    page = ["Revue des littoraux", "12 | 2022", "", "Les ports de pêche du golfe du Lion et leurs quais", "",
            "Jeanne Marchal et Paul Ortiz", "", "Édition électronique", "URL : https://example.org/12", "",
            "Le texte seul est utilisable sous licence CC BY 4.0, sauf mention contraire explicite ici.", "",
            "Les ports de pêche du golfe du Lion et leurs quais", "Jeanne Marchal et Paul Ortiz", "",
            "Résumé", P1, "", P2]
    assert find_boilerplate(page, paged=True) == {}
    # Without page breaks (a web page) the same lines are a teaser and its label.
    assert find_boilerplate(page) == {5: "label", 12: "teaser", 13: "label"}


def test_a_breadcrumb_holds_the_headline_only_above_the_prose() -> None:
    from pipeline.repair.web import find_boilerplate
    page = ["UPH University of Natural Sciences in Sandomierz", "", "Home » News » Science", "",
            "A herbarium 170 years old returns to Sandomierz", "", "Data publikacji: 22.04.2024", "", P1, "", P2, "",
            "University of Natural Sciences in Sandomierz", "Mickiewicza 14, 27-600 Sandomierz"]
    out = find_boilerplate(page)
    assert 4 not in out and 6 not in out


def test_a_pdf_title_line_holding_a_later_line_is_no_breadcrumb() -> None:
    from pipeline.repair.web import find_boilerplate
    # A first page's title, then a sidebar's citation that repeats the title in pieces: the title's
    # first line holds the citation's second, as a breadcrumb holds its headline.
    page = ["Cheap Capacitive Probes for Scheduling", "Drip Irrigation on Terraced Fields", "", "Mira Kos and Ian Lutz",
            "", "Citation: Kos, M.; Lutz, I.", "Capacitive Probes for Scheduling", "Drip Irrigation on Terraced",
            "Fields. Agron. Notes 2024, 3, 12.", "", P1, "", P2]
    assert find_boilerplate(page, paged=True) == {}
    # On a web page, the same first line is read as a breadcrumb over its headline.
    assert find_boilerplate(page)[0] == "breadcrumb"


def test_a_photographers_credit_under_the_byline_makes_no_teaser_list() -> None:
    # A byline, the photographer's credit, the date, a reading time: the page's own lines, not a label
    # ("Words by ...") over two headlines.
    page = ["The slow clocks of the valley", P1, "Words by Isla Moreton", "Photographs by Tomasz Lenk", "9 October 2023",
            "18 minute read", P2, P1]
    out = chrome.find_chrome(page)
    assert 2 not in out and 4 not in out and out.get(3) == "credit"


def test_a_banner_of_prose_above_the_sites_menu_is_the_sites() -> None:
    banner = "We acknowledge the Traditional Owners of the land on which our campuses stand, and pay our respects."
    page = ["Skip to main content", banner, "Students | Staff | Alumni | Library | Give", "Study", "Research",
            "About", "News", "Apply now", "News / Science / 2024", "Science", "A new species of water bear found on campus",
            P1, P2]
    out = chrome.find_chrome(page)
    assert out.get(1) == "notice"
    # The headline is no teaser under a label ("Apply now") in a gap between the banner and the text.
    assert 10 not in out
    # Without the menu under it, the same line is the page's first paragraph.
    assert 1 not in chrome.find_chrome([banner, P1, P2])


def test_a_long_one_word_menu_needs_no_site_item() -> None:
    menu = ["Лента", "Политика", "Экономика", "Общество", "Наука", "Регионы", "Спорт"]
    page = ["МЕРИДИАН", *menu, "Учёные впервые пересчитали нерпу с дронов по всей акватории озера", P1, P2]
    out = chrome.find_chrome(page)
    assert all(out.get(i) == "navigation" for i in range(1, 8))
    # Four such buttons without a site item stay: they may be a list of the text's own.
    page = ["МЕРИДИАН", *menu[:4], "Учёные впервые пересчитали нерпу с дронов по всей акватории озера", P1, P2]
    assert not any(i in chrome.find_chrome(page) for i in range(1, 5))


def test_counter_with_a_number_word() -> None:
    assert chrome.is_counter("Liczba wyświetleń: 1 284") and chrome.is_counter("Number of views: 12")


@pytest.mark.parametrize(("text", "want"), [
    ("« Предыдущая запись: Мосты дороги Следующая запись: Разъезд Гать-2 »", True),
    ("← Previous post: The old depot", True), ("The next post office is 40 km away.", False),
])
def test_post_navigation(text: str, want: bool) -> None:
    page = ["Title of the story", "", text, "", P1, "", P2]
    assert (2 in chrome.find_chrome(page)) is want


@pytest.mark.parametrize("text", [
    "We use COOKIES on this site.", "ВАШ БРАУЗЕР УСТАРЕЛ", "All Rights Reserved.", "Tous Droits Réservés",
    "Использование материалов сайта", "NEWSLETTER", "Privacy Policy", "a plain line of prose", "",
])
def test_notices_are_found_in_lower_case_as_in_any_case(text: str) -> None:
    assert (chrome.NOTICE.search(text) is not None) == (chrome._NOTICE_LOW.search(text.lower()) is not None)


@pytest.mark.parametrize("text", ["« Предыдущая запись: Мосты »", "Next post →", "Articolo precedente:",
                                  "Poprzedni wpis: Most", "The river rose.",
                                  "<< Предыдущая: Гостиная | Следующая: Мастер-класс >>", "Previous: Bridges | Next: Fords"])
def test_the_post_navigation_gate_passes_every_match(text: str) -> None:
    assert chrome._may_be_post_nav(text) or chrome.POST_NAV.search(text) is None


@pytest.mark.parametrize(("text", "want"), [
    ("Обновлено: 14 августа 2025, 19:05", True), ("Aggiornato il 15 febbraio 2024 alle 09:12", True),
    ("Ostatnia modyfikacja: 23.04.2024, 10:41", True), ("Updated 13 March 2024", True), ("Mis à jour le 3 mai 2024", True),
    ("Updated", False), ("Updated guidance was issued in 2023 after the floods hit the valley towns.", False),
    ("Обновлено расписание автобусов", False),
    ("This page was last edited on 3 March 2024, at 11:52 (UTC).", True), ("Last modified: 12.02.2024", True),
    ("Last edited by the board", False),
])
def test_update_line(text: str, want: bool) -> None:
    assert chrome.is_update_line(text) is want


@pytest.mark.parametrize(("text", "want"), [("3 мин. на чтение", True), ("5 хв на читання", True)])
def test_more_reading_times(text: str, want: bool) -> None:
    assert chrome.is_counter(text) is want


@pytest.mark.parametrize(("text", "want"), [
    ("Topics", "alone"), ("Теги", "alone"), ("Tags:", "alone"), ("Tags: elections, turnout", "line"),
    ("Теги: археология Псков клады XVII век нумизматика", "line"), ("Tagi: Opole, biblioteka rzeczy", "line"),
    ("Topics: what the study found and why it matters.", None), ("Topical issues", None),
    ("Categories", "alone"), ("Рубрики:", "alone"),
    # a wiki's categories: many words, short items set apart by bars
    ("Categories: Tide mills in England | Grade II* listed buildings in Essex | Buildings and structures completed in 1784"
     " | Museums in Essex | Watermills in Essex", "line"),
    ("Categories: the river rose and the mill stopped for a whole winter while the miller and his sons waited for"
     " the water to fall again", None),
])
def test_tags_label(text: str, want: str | None) -> None:
    assert chrome.tags_label(text) == want


def _page(*middle: str) -> list[str]:
    return [P1, "", *middle, "", P2, "", P3, "", P4]


def test_a_share_box_and_a_tag_list_between_paragraphs_go_with_their_items() -> None:
    page = [P1, "", P2, "", "Topics", "Craft", "Printing", "Lancashire", "", "Share this article", "Facebook", "X",
            "Email", "Copy link", "", P3, "", P4]
    out = chrome.find_chrome(page)
    assert {i for i, why in out.items() if why == "tags"} == {4, 5, 6, 7}
    assert {9, 10, 11, 12, 13} <= set(out) and out[9] == "share"  # ("Email" may read as a sign-up field)
    assert not {0, 2, 15, 17} & set(out)


def test_a_topics_heading_over_prose_is_no_tag_list() -> None:
    page = [P1, "", "Topics", P2, "", P3]
    assert 2 not in chrome.find_chrome(page)


def test_a_newsletter_box_takes_its_own_sentence_but_not_the_next_sections_heading() -> None:
    page = [P1, "", P2, "", "Newsletter", "Get the long read in your inbox",
            "One essay every Sunday, handpicked by our editors. No spam, ever.", "Enter your email", "Sign up",
            "By signing up you agree to our Terms and Privacy Policy.", "", "The apprentices", "", P3, "", P4]
    out = chrome.find_chrome(page)
    assert {4, 5, 6, 7, 8, 9} <= set(out)
    assert 11 not in out


def test_update_line_under_the_headline_and_a_byline_in_the_tail() -> None:
    page = ["Big story of the day", "12 March 2024", "Updated 13 March 2024, 09:05", "", P1, "", P2, "", P3,
            "Автор: Ерлан Жумабаев", "Теги: экология, воздух", "Нашли ошибку? Выделите текст и нажмите Ctrl+Enter",
            "Galeria zdjęć (12)"]
    out = chrome.find_chrome(page)
    assert out.get(2) == "updated" and 1 not in out
    assert 9 not in out  # the byline stays for the metadata stage
    assert {10, 11, 12} <= set(out)


@pytest.mark.parametrize(("text", "want"), [
    ("Venerdì 8 marzo 2024 | Ascoli Piceno 11°C", True), ("Усть-Каменогорск −3°C   USD 448.12   EUR 485.60", True),
    ("USD 92.14 EUR 99.80", True),
    ("Heatwave brings 40°C to Madrid as officials warn of fires", False), ("Water boils at 100 °C.", False),
])
def test_top_bar(text: str, want: bool) -> None:
    assert chrome.is_top_bar(text) is want


@pytest.mark.parametrize(("text", "want"), [
    ("ULTIM'ORA  Incidente sulla Salaria a Acquasanta", True), ("Breaking: Storm hits the coast", True),
    ("СРОЧНО | В Риддере эвакуировали жителей", True),
    ("Breaking the silence on river pollution", False), ("Just in time for the harvest festival", False),
])
def test_ticker(text: str, want: bool) -> None:
    assert chrome.is_ticker(text) is want


@pytest.mark.parametrize(("text", "want"), [
    ("tel. 15 832 10 00, e-mail: kancelaria@uph.example.edu.pl", True), ("NIP 864-000-00-00, REGON 000000000", True),
    ("ul. Mickiewicza 14, 27-600 Sandomierz", True), ("Тел.: +7 (495) 123-45-67", True),
    ("He moved to the street in 1990.", False), ("The telescope was built in 1990.", False),
])
def test_contact_line(text: str, want: bool) -> None:
    assert chrome.is_contact_line(text) is want


def test_top_bar_and_ticker_in_the_head_contact_lines_in_the_tail() -> None:
    page = ["Venerdì 8 marzo 2024 | Ascoli Piceno 11°C", "ULTIM'ORA  Incidente sulla Salaria, strada riaperta",
            "Big story of the day", "", P1, "", P2, "", P3, "", "ul. Mickiewicza 14, 27-600 Sandomierz",
            "tel. 15 832 10 00"]
    out = chrome.find_chrome(page)
    assert {0, 1, 10, 11} <= set(out) and 2 not in out


def test_a_contact_line_in_the_articles_prose_stays() -> None:
    page = [P1, "", "Call the helpline, tel. 0800 123 456, any day of the week between nine and five.", "", P2]
    assert 2 not in chrome.find_chrome(page)


@pytest.mark.parametrize(("text", "want"), [
    ("Download PDF", True), ("Cite this article", True), ("Metrics details", True), ("Article Google Scholar", True),
    ("Reprints and permissions", True), ("Скачать статью", True), ("Curtir Carregando...", True), ("Loading…", True),
    ("Download the dataset from the archive", False), ("Permissions", False), ("CAS", False), ("Metrics", True),
])
def test_page_buttons(text: str, want: bool) -> None:
    assert (chrome.PAGE_BUTTON.fullmatch(text) is not None) is want


def test_publisher_buttons_between_and_around_paragraphs_go() -> None:
    page = ["Download PDF", "Big story of the day", "", P1, "", "Cite this article", "", P2, "", P3, "",
            "Reprints and permissions", "Download citation"]
    out = chrome.find_chrome(page)
    assert {0, 5, 11, 12} <= set(out) and not {1, 3, 7, 9} & set(out)


def test_a_press_contact_block_and_a_newsletter_box_with_its_heading_and_call() -> None:
    page = [P1, "", "Stay in touch with our research",
            "Sign up to our monthly research newsletter for the latest discoveries and events.",
            "Enter your email address", "Subscribe", "", P2, "", P3, "", "Media contact",
            "Tom Ashworth, Media Relations Officer", "press@example.ac.uk", "+44 (0)1632 960 418", "", P4]
    out = chrome.find_chrome(page)
    assert {2, 3, 4, 5, 11, 12, 13, 14} <= set(out) and not {0, 7, 9, 16} & set(out)


@pytest.mark.parametrize(("text", "want"), [
    ("Media contact", True), ("Press enquiries", True), ("Контакты для СМИ", True), ("Pressekontakt", True),
    ("Media coverage of the trial", False), ("Contact", False),
])
def test_media_contact_label(text: str, want: bool) -> None:
    assert (chrome.MEDIA_CONTACT.fullmatch(text) is not None) is want


@pytest.mark.parametrize(("text", "want"), [
    ("CULTURE · CRAFT", True), ("НАУКА | ИСТОРИЯ", True), ("WORLD · EUROPE · POLITICS", True),
    ("Culture · Craft", False), ("RUSSIA AND CHINA · A NEW ERA OF PARTNERSHIP", False), ("NEWS", False),
])
def test_category_row(text: str, want: bool) -> None:
    assert chrome.is_category_row(text) is want


def test_a_list_in_the_last_gap_between_paragraphs() -> None:
    # The gap right above the last paragraph of prose is read like the others (it had been skipped).
    page = [P1, "", P2, "", "More press releases", "08.05.2024", "Salt marshes grow with the rising sea",
            "25.04.2024", "Thirty pupils explore the wetland laboratory", "", P3]
    out = chrome.find_chrome(page)
    assert all(out.get(i) == "teaser" for i in range(4, 9)) and 0 not in out and 10 not in out


@pytest.mark.parametrize(("page", "want"), [
    # A label with a colon and one headline right under it, alone between blank lines: a pointer on
    # two lines. The subheading after the next blank line opens the next section.
    ([P1, "", "You might also like:", "Peat moss farming starts on a pilot site", "",
      "Water just below the surface is best", "", P2, "", P3], {2: "teaser", 3: "teaser"}),
    # Two headlines under the label: a list, though a blank line sets the second apart.
    ([P1, "", "Related stories", "Peat moss farming starts on a pilot site", "",
      "Salt marshes grow with the rising sea", "", P2, "", P3], {2: "teaser", 3: "teaser", 5: "teaser"}),
    # A colon-ended line over a line that runs on into the paragraph is no pointer.
    ([P1, "", "The results were as follows:", "Water just below the surface is best", P2, "", P3], {}),
])
def test_pointer_on_two_lines_and_the_next_sections_heading(page: list[str], want: dict[int, str]) -> None:
    assert chrome.find_chrome(page) == want


@pytest.mark.parametrize(("heading", "taken"), [("About the author", True), ("Sobre a autora", True),
                                                ("Об авторе", True), ("About the study", False)])
def test_a_box_on_the_author_under_the_article(heading: str, taken: bool) -> None:
    bio = "Jane Doe is a science writer based in Bergen. She writes about ferries, islands and the sea."
    page = [P1, "", P2, "", P3, "", heading, bio, "", "Tags: ferries, islands"]
    out = chrome.find_chrome(page)
    assert (out.get(6), out.get(7)) == (("bio", "bio") if taken else (None, None))
    assert not {0, 2, 4} & set(out)


@pytest.mark.parametrize(("run", "rest_taken"), [
    # A side menu under a breadcrumb: its first items read as a label's teasers, one as a contact item;
    # the items left between them are the menu's too.
    (["PRESS CENTRE", "All news", "Science news", "Events", "In the media", "Photo bank", "Press contacts"],
     True),
    # Fewer than half taken: the short lines may be the head's own (a rubric, a date line, names).
    (["PRESS CENTRE", "Science news", "Events", "Jane Doe", "John Roe", "Photo bank", "Ann Lee"], False),
])
def test_the_rest_of_a_menu_in_the_head(run: list[str], rest_taken: bool) -> None:
    page = ["Home / Press centre / Science news", "", *run, "", "Science news", "18.10.2024", "",
            "Larches tell three thousand years of the region's climate", "", P1, "", P2, "", P3]
    taken = {0, 2, 3, 4} | ({8} if rest_taken else set())
    out = chrome.find_chrome(page, taken=taken)
    left = {i for i in range(2, 2 + len(run)) if i not in taken}
    assert (left <= set(out)) is rest_taken
    assert 12 not in out


@pytest.mark.parametrize(("text", "want"), [
    ("8 коментарів:", True), ("12 comments:", True), ("12 comments", True), ("Comments: see below for details", False),
])
def test_a_comments_header_may_end_with_a_colon(text: str, want: bool) -> None:
    assert chrome.is_comments_header(text) is want


@pytest.mark.parametrize("text", ["<< Предыдущая: Гостиная | Следующая: Мастер-класс >>", "Previous: Bridges | Next: Fords",
                                  "« Previous post: Ferries"])
def test_post_navigation_pattern(text: str) -> None:
    assert chrome.POST_NAV.search(text) is not None


@pytest.mark.parametrize("text", ["Previous: we measured the flow", "The next step: a survey | the last step: a report"])
def test_prose_with_previous_or_next_is_no_post_navigation(text: str) -> None:
    assert chrome.POST_NAV.search(text) is None


@pytest.mark.parametrize(("text", "want"), [
    ("вчера, 14:20 В Карелии открыли тропу вокруг каньона", True), ("17 марта, 09:12 В Петербурге начали ремонт моста", True),
    ("14:05 Council approves new harbour ferry timetable", True),
    ("#storks #birds #census", False), ("#лелеки #облік_птахів #Поділля", False),
])
def test_news_feed_headline(text: str, want: bool) -> None:
    assert chrome.is_headline(text) is want


def test_a_posts_hashtags_and_stamp_under_its_byline_are_no_teaser_list() -> None:
    lines = [P1, "", P2, "", P3, "", "✍️ Тарас Климчук", "", "#лелеки #облік_птахів #Поділля #орнітологія", "👁 8.3K",
             "Jul 29, 2024 at 14:20", "👍 412   ❤️ 156   🔥 23", "Comments", "47 comments"]
    out = chrome.find_chrome(lines)
    assert out.get(9) == "counter" and out.get(11) == "counter"
    assert 6 not in out and 8 not in out and 10 not in out


def test_a_news_feed_under_its_label_is_a_teaser_list() -> None:
    lines = [P1, "", P2, "", P3, "", P4, "", "Последние новости",
             "вчера, 14:20 В Карелии открыли для туристов тропу вокруг каньона",
             "вчера, 11:05 Смольный утвердил план дноуглубления Невской губы",
             "17 марта, 09:12 В Петербурге начали ремонт Благовещенского моста"]
    out = chrome.find_chrome(lines)
    assert all(out.get(i) == "teaser" for i in (8, 9, 10, 11))


@pytest.mark.parametrize("text", ["Create account", "Создать учётную запись", "Créer un compte", "Konto erstellen",
                                  "Добавить в закладки", "Add to bookmarks", "Descargar cita", "Download citation",
                                  "Endnote/Zotero/Mendeley (RIS)"])
def test_an_accounts_button_is_a_call(text: str) -> None:
    assert chrome.is_call(text)


def test_the_articles_credits_under_it_byline_first_are_no_teasers() -> None:
    from pipeline.repair.web import find_boilerplate
    credits = ["Текст: Алина Гарипова", "Фото на обложке: кадр с видеорегистратора очевидца", "Редактор: Д. Сунцов"]
    page = [P1, "", P2, "", P3, "", *credits, "", P4]
    assert not set(find_boilerplate(page)) & {6, 7, 8}


@pytest.mark.parametrize(("text", "want"), [
    ("★★★★★ 4,8 (126 оценок)", True), ("⭐ 4.5/5", True), ("1,204●3●14●27", True),
    ("★ Star of the week", False), ("3 · 4", False),
])
def test_ratings_and_reputation_counters(text: str, want: bool) -> None:
    assert chrome.is_counter(text) is want


@pytest.mark.parametrize(("check", "text", "want"), [
    ("is_download_link", "Télécharger le communiqué (PDF, 142 Ko)", True),
    ("is_download_link", "Annual report 2023 (pdf, 1.2 MB)", True),
    ("is_download_link", "The report (PDF) is online.", False),
    ("is_search_field", "Suche in diesem Thema …", True), ("is_search_field", "Search this site...", True),
    ("is_search_field", "Search and rescue teams arrived.", False),
    ("is_pagination", "5 Beiträge • Seite 1 von 1", True), ("is_pagination", "Page 2 of 7", True),
    ("is_pagination", "Page 3 of the report lists them.", False),
    ("is_language_count", "13 languages", True), ("is_language_count", "8 языков", True),
    ("is_language_count", "3 languages spoken in the valley", False),
])
def test_download_links_search_boxes_page_and_language_counts(check: str, text: str, want: bool) -> None:
    assert getattr(chrome, check)(text) is want


def test_download_links_under_a_documents_label_stay_one_list() -> None:
    docs = ["Documents:", "Order of the prefect (PDF, 388 KB)", "Map of the basins (PDF, 2.1 MB)",
            "Press release of 8 April 2024 (PDF, 142 KB)"]
    out = chrome.find_chrome([P1, "", P2, "", P3, "", P4, "", *docs])
    assert all(i in out for i in range(8, 12))


@pytest.mark.parametrize(("text", "want"), [
    # an editorial disclaimer
    ("The views expressed in this article are the authors’ own and do not necessarily reflect those of the Quarterly.", True),
    ("Мнение автора может не совпадать с позицией редакции.", True),
    ("Opinions do not necessarily reflect the views of the publisher.", True),
    ("The findings do not necessarily reflect a national trend, the authors wrote.", False),
    # a feedback widget and a content licence
    ("Is this page useful?", True), ("Report a problem with this page", True), ("Was this article helpful?", True),
    ("All content is available under the Open Government Licence v3.0, except where otherwise stated", True),
    ("Была ли эта статья полезной?", True), ("This page is useful for teachers who plan lessons.", False),
    # an encyclopedia's tagline
    ("From Openpedia, the free encyclopedia", True), ("Материал из Вольнопедии — открытой энциклопедии", True),
    ("From the archive, a story of the free press", False),
    # a paywall's meter, an encyclopedia's maintenance notice, a journal platform's own lines
    ("You’ve read 3 of your 4 free articles this month.", True), ("Вы прочитали 2 из 3 бесплатных статей", True),
    ("This article needs additional citations for verification.", True),
    ("Plataforma y flujo de trabajo por OJS / PKP", True), ("Platform & workflow by OJS / PKP", True),
    ("Los datos de descargas todavía no están disponibles.", True),
    ("You read 3 of the 4 reports the agency published.", False),
])
def test_disclaimers_feedback_widgets_licences_and_taglines_are_notices(text: str, want: bool) -> None:
    assert chrome.is_notice(text) is want


def test_a_wikis_long_category_row_under_the_text_is_tags() -> None:
    row = ("Categories: Tide mills in England | Grade II* listed buildings in Essex | Buildings and structures "
           "completed in 1784 | Museums in Essex | Watermills in Essex | Industrial heritage sites in England")
    assert len(row) > 150
    out = chrome.find_chrome([P1, "", P2, "", P3, "", row])
    assert out.get(6) == "tags"


def test_a_comments_header_after_the_last_prose_line_takes_what_follows() -> None:
    # The page's footer was taken by an earlier pass: the comments header stands after the last prose line.
    page = ["Title of the story", "", P1, "", P2, "", "Комментарии (12)", "Чтобы оставить комментарий, войдите на сайт",
            "Самое читаемое", "Мост через Каму закроют на ночной ремонт", "", "© 2008–2023 «Прикамье». 18+"]
    out = chrome.find_chrome(page, taken={11})
    assert {6, 7, 8, 9} <= set(out)
