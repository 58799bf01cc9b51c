"""Repair rules that must generalise beyond the seeds: own examples, none taken from the seeds or hold-out."""

from __future__ import annotations

import pytest

from pipeline.config import RepairConfig
from pipeline.repair import layout, web

BODY1 = "The council voted on Tuesday to close the old bridge to lorries for at least two more years."
BODY2 = "Engineers said the repairs would cost far more than the city had set aside in its budget."
BODY3 = "Residents of the east bank will be offered a free shuttle bus while the work goes on."


def _bp(page: str) -> list[str]:
    return layout.build_blocks(page, RepairConfig()).boilerplate


def _text(page: str) -> str:
    return "\n\n".join(b.text for b in layout.build_blocks(page, RepairConfig()).blocks)


@pytest.mark.parametrize(
    ("line", "row"),
    [
        ("Start » Regions » North Coast", True),
        ("Главная / Регионы / Север", True),
        ("About us | Advertise | Careers | Cookies", True),
        ("Sport › Tennis", True),
        ("By Ann Lee | Updated: 4 June 2023, 09:10", False),
        ("Inputs / outputs", False),  # two items joined by a slash: a phrase, not a row
        ("He said yes / she said no.", False),
    ],
)
def test_is_link_row(line: str, row: bool) -> None:
    assert web.is_link_row(line) is row


def test_news_page_debris_goes_to_boilerplate() -> None:
    page = "\n".join([
        "Start » Regions » North Coast",
        "Old bridge to close to heavy traffic until 2026",
        "",
        "Old bridge to close to heavy traffic until 2026",
        "By Ann Lee | Updated: 4 June 2023, 09:10",
        "Published: 4 June 2023",
        "",
        "Share",
        "Print",
        "",
        BODY1,
        "",
        "See also: How the river crossing was built",
        "",
        BODY2,
        "",
        "More stories",
        "Harbour ferry timetable changes next month",
        "New cycle lane opens along the promenade",
        "",
        BODY3,
        "",
        "Follow us and subscribe to the newsletter",
        "(c) 2023 Coastline Daily Ltd. All rights reserved.",
        "About us | Advertise | Careers | Cookies",
    ])
    bp = _bp(page)
    text = _text(page)
    for line in ("Start » Regions » North Coast", "Share", "Print", "See also: How the river crossing was built",
                 "More stories", "Harbour ferry timetable changes next month",
                 "(c) 2023 Coastline Daily Ltd. All rights reserved.", "About us | Advertise | Careers | Cookies",
                 "Follow us and subscribe to the newsletter"):
        assert line in bp
        assert line not in text
    # The headline stays once; byline and dates stay for metadata; the body is untouched.
    assert text.count("Old bridge to close to heavy traffic until 2026") == 1
    for line in ("By Ann Lee | Updated: 4 June 2023, 09:10", "Published: 4 June 2023", BODY1, BODY2, BODY3):
        assert line in text


def test_russian_page_debris() -> None:
    page = "\n".join([
        "Главная › Город", "", "Автор: Пётр Иванов", "Опубликовано: 1 марта 2022 г.", "",
        "Поделиться", "ВКонтакте", "Телеграм", "",
        "В городе открылась новая библиотека, в которой собрано более десяти тысяч книг.", "",
        "Смотрите также: Как менялись городские парки", "",
        "Библиотека будет работать ежедневно, кроме понедельника, с девяти утра до восьми вечера.", "",
        "© 2022 Городская газета. Все права защищены.",
    ])
    bp = _bp(page)
    assert bp == ["Главная › Город", "Поделиться", "ВКонтакте", "Телеграм",
                  "Смотрите также: Как менялись городские парки", "© 2022 Городская газета. Все права защищены."]
    assert "Автор: Пётр Иванов" in _text(page)


def test_prose_and_subheadings_stay() -> None:
    page = "\n".join([BODY1, "", "Costs", "", BODY2, "", "Note: this is a sentence about it.", "", BODY3])
    assert _bp(page) == []


def test_ui_words_alone_are_not_enough() -> None:
    # A one-word subheading that happens to be a UI word, between paragraphs, stays.
    page = "\n".join([BODY1, "", "Print", "", BODY2, "", "Share of votes by party", "", BODY3])
    assert _bp(page) == []


# --- PDF page furniture and front matter ----------------------------------------------------

WRAPPED = [
    "Rivers in the lowland basin have changed their course several times since the",
    "eighteenth century, and the maps drawn by surveyors record each of these shifts",
    "with remarkable care, which allows a reconstruction of the floodplain over time.",
]


def test_numbered_page_lines_and_journal_header_go_to_furniture() -> None:
    page = "\n".join([
        "Annals of Fluvial Studies, Vol. 8, No. 1 (2018), pp. 40–58",
        "Received: 2 May 2017 / Accepted: 9 July 2017",
        "DOI: 10.5555/",
        "abcd.2018.40",
        "",
        "Meandering Channels of the Lowland Basin",
        "",
        *WRAPPED,
        "_______________",
        "1 A note on the maps used here, which come from the county archive.",
        "",
        "41                    Annals of Fluvial Studies 8(1)",
        "",
        *WRAPPED,
        "",
        "                                                    Okafor and Lindqvist   42",
    ])
    res = layout.build_blocks(page, RepairConfig())
    texts = [b.text for b in res.blocks]
    assert "Annals of Fluvial Studies, Vol. 8, No. 1 (2018), pp. 40–58" in res.furniture
    assert "41                    Annals of Fluvial Studies 8(1)" in res.furniture
    assert "Okafor and Lindqvist   42" in res.furniture
    assert [f.id for f in res.footnotes] == ["1"]  # the header's "41" is no note number
    assert texts[0] == "Received: 2 May 2017 / Accepted: 9 July 2017"
    assert "DOI: 10.5555/abcd.2018.40" in res.furniture
    assert sum(t.startswith("Rivers in the lowland basin") for t in texts) == 2


def test_running_header_repeating_a_prefix_of_the_first_page_header() -> None:
    page = "\n".join([
        "ВЕСТНИК РЕЧНЫХ НАУК. 2020. Т. 3, № 4. С. 10–25",
        "",
        "Русла рек",
        "",
        "Реки низменности меняли русло несколько раз, и это видно на старых картах.",
        "",
        "10",
        "\f",
        "ВЕСТНИК РЕЧНЫХ НАУК. 2020. Т. 3, № 4",
        "",
        "Карты позволяют восстановить пойму реки за последние три столетия.",
    ])
    res = layout.build_blocks(page, RepairConfig())
    assert "ВЕСТНИК РЕЧНЫХ НАУК. 2020. Т. 3, № 4" in res.furniture
    assert not any("ВЕСТНИК" in b.text for b in res.blocks)


def test_field_lines_start_their_own_blocks() -> None:
    page = "Ключевые слова: реки, карты, пойма\nДля цитирования: Иванов И.И. Русла рек // Вестник. 2020.\n"
    texts = [b.text for b in layout.build_blocks(page, RepairConfig()).blocks]
    assert texts == ["Ключевые слова: реки, карты, пойма", "Для цитирования: Иванов И.И. Русла рек // Вестник. 2020."]
    page = "Research article\nUDC 551.4\n"
    assert [b.text for b in layout.build_blocks(page, RepairConfig()).blocks] == ["Research article", "UDC 551.4"]


@pytest.mark.parametrize(
    ("left", "right", "keep"),
    [
        ("северо", "восточный", True),
        ("социально", "политических", True),
        ("лексико", "семантичної", True),  # Ukrainian adjective endings
        ("історико", "культурної", True),
        ("допо", "могою", False),  # a noun's instrumental
        ("соціально", "економічнім", True),
        ("какой", "нибудь", True),
        ("кое", "где", True),
        ("по", "новому", True),
        ("из", "за", True),
        ("разви", "тия", False),
        ("по", "том", False),
        ("госу", "дарства", False),
    ],
)
def test_russian_line_end_hyphens(left: str, right: str, keep: bool) -> None:
    assert layout.keep_line_end_hyphen(left, right, layout.Vocabulary()) is keep


def test_hyphen_evidence_ignores_the_fragments_themselves() -> None:
    lines = ["после долгого разви-", "тия реки", "over-", "taken by events", "out-", "performed them"]
    text = "\n\n".join(b.text for b in layout.build_blocks("\n".join(lines), RepairConfig()).blocks)
    assert "развития" in text and "overtaken" in text and "outperformed" in text
    # ... but a compound the document writes with a hyphen elsewhere keeps it.
    page = "an over-\nengineered bridge and another over-engineered design"
    assert "over-engineered bridge" in layout.build_blocks(page, RepairConfig()).blocks[0].text


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Okafor<sup>3</sup>, Lindqvist<sup>1,2</sup>", "Okafor3, Lindqvist1,2"),
        ("CO<sub>2</sub> in <em>situ</em> and <strong>bold</strong><br>tail", "CO2 in situ and bold tail"),
        ("a < b and c > d", "a < b and c > d"),
    ],
)
def test_inline_html(raw: str, clean: str) -> None:
    assert layout.build_blocks(raw, RepairConfig()).blocks[0].text == clean


@pytest.mark.parametrize(
    ("raw", "fixed", "n"),
    [
        # Superscript letters, digits and symbols a PDF extractor put on lines of their own.
        ("Maria Costa\na\n, Henrik Vogel\nb\na Faculty of Physics", "Maria Costa a, Henrik Vogel b\na Faculty of Physics", 2),
        ("Ирина Волкова\n1\n, Пётр Зуев\n2\n1 Томский университет", "Ирина Волкова 1, Пётр Зуев 2\n1 Томский университет", 2),
        ("Maria Costa\n*\nUniversity of Porto", "Maria Costa *\nUniversity of Porto", 1),
        ("Maria Costa\n†\n, Henrik Vogel\nUniversity of Porto", "Maria Costa †, Henrik Vogel\nUniversity of Porto", 1),
        # A page number stands apart: a blank line or the end of the text on one side.
        ("The hearing was adjourned until Friday\n12\n\nNext page", "The hearing was adjourned until Friday\n12\n\nNext page", 0),
        ("A short Line\n7", "A short Line\n7", 0),
        # A sentence's end, or a line ending in a lower-case word, takes no marker.
        ("It ended.\na\nnew line", "It ended.\na\nnew line", 0),
        ("the rates rose\n3\nnew line", "the rates rose\n3\nnew line", 0),
    ],
)
def test_attach_marker_lines(raw: str, fixed: str, n: int) -> None:
    assert layout.attach_marker_lines(raw) == (fixed, n)


def test_marker_lines_give_one_author_line_under_the_title() -> None:
    page = "\n".join([
        "Sparse Attention for Long Document Ranking",
        "",
        "Maria Costa ", "a ", ", Henrik Vogel ", "b ",
        "a Faculty of Physics, University of Porto, Portugal ",
        "b Max Planck Institute for Chemistry, Mainz, Germany ",
    ])
    assert "Maria Costa a, Henrik Vogel b" in _text(page)


@pytest.mark.parametrize(
    ("line", "trail"),
    [
        ("Sport / Tennis", True),
        ("Главная | Регионы", True),
        ("Економіка / Бізнес", True),
        ("Inputs / outputs", False),
        ("Weather / 3 days", False),
        ("Sport / Tennis / Wimbledon news today and tomorrow", False),  # three items: is_link_row's job
    ],
)
def test_is_top_trail(line: str, trail: bool) -> None:
    assert web.is_top_trail(line) is trail


@pytest.mark.parametrize(
    ("line", "share"),
    [
        ("Share: Facebook X Email", True),
        ("Поделиться: ВКонтакте Телеграм WhatsApp", True),
        ("Поділитися: Facebook Viber Telegram", True),
        ("Teilen: Facebook Mastodon Xing", True),
        ("Print: the page is printer friendly", False),
        ("Share: 12", False),
        ("Note: Facebook Twitter", False),  # not a share label
    ],
)
def test_is_share_line(line: str, share: bool) -> None:
    assert web.is_share_line(line) is share


def test_two_item_trail_at_the_top_and_share_line_go_to_boilerplate() -> None:
    page = "\n".join([
        "Город / Транспорт",
        "Метки: мосты, ремонт, движение",
        "",
        "Старый мост закроют для грузовиков до 2026 года",
        "",
        "Городской совет во вторник проголосовал за закрытие старого моста для грузовиков ещё на два года.",
        "",
        "Инженеры заявили, что ремонт обойдётся намного дороже, чем заложено в городском бюджете.",
        "",
        "Поделиться: ВКонтакте Телеграм WhatsApp",
    ])
    bp = _bp(page)
    assert "Город / Транспорт" in bp and "Поделиться: ВКонтакте Телеграм WhatsApp" in bp
    assert "Старый мост закроют для грузовиков до 2026 года" not in bp


def test_two_item_trail_below_the_top_stays() -> None:
    page = "\n".join(["Old bridge to close to heavy traffic", "", "Trucks / Buses", "", BODY1, "", BODY2])
    assert "Trucks / Buses" not in _bp(page)


LONG1 = " ".join([BODY1, BODY2, BODY3])
LONG2 = " ".join([BODY2, BODY3, BODY1])


def test_a_pointer_between_paragraphs_goes_where_each_paragraph_has_a_line_and_no_blank_line_between() -> None:
    page = "\n".join(["Old bridge to close to heavy traffic until 2026", "By Ann Lee", LONG1,
                      "See also: How the river crossing was built", LONG2, LONG1 + " More.",
                      "© 2023 North Coast News. All rights reserved."])
    assert _bp(page) == ["See also: How the river crossing was built", "© 2023 North Coast News. All rights reserved."]
    assert "How the river crossing was built" not in _text(page)


@pytest.mark.parametrize(("texts", "paragraphs"), [
    (["Title", "By Ann Lee", "x" * 250, "Note: a line", "y" * 250, "z" * 250], True),
    (["Title", "", "x" * 250, "", "y" * 250, "", "z" * 250], False),  # blank lines between paragraphs
    (["Title", "By Ann Lee", "x" * 80, "y" * 80, "z" * 80, "w" * 80], False),  # short lines: wrapped, or a list
    (["x" * 250, "y" * 250], False),  # too few lines to tell
])
def test_lines_are_paragraphs(texts: list[str], paragraphs: bool) -> None:
    assert layout.lines_are_paragraphs(texts) is paragraphs


def test_a_header_ending_with_a_full_stop_at_every_pages_top_is_furniture() -> None:
    header = "ISSN 2415-7821. Scientific Bulletin of the Pedagogical University. Series: Education."
    page = "\n".join([header, "2021. Issue 2 (34)", "", "Choral Conducting in Blended Learning", "", *WRAPPED, "",
                      "118", "\f" + header, "2021. Issue 2 (34)", "", *WRAPPED, "", "119", "\f" + header,
                      "2021. Issue 2 (34)", "", *WRAPPED, "", "120"])
    res = layout.build_blocks(page, RepairConfig())
    assert res.furniture.count(header) == 3
    assert not any(header in b.text for b in res.blocks)


def test_a_sentence_repeated_in_the_body_stays() -> None:
    # The same sentence three times, never at a page's edge: a refrain, not a header.
    refrain = "And so the river rose again."
    page = "\n".join(["A Title", "", *WRAPPED, "", refrain, "", *WRAPPED, "", refrain, "", *WRAPPED, "", refrain,
                      "", *WRAPPED])
    res = layout.build_blocks(page, RepairConfig())
    assert sum(b.text == refrain for b in res.blocks) == 3


@pytest.mark.parametrize("stamp", [
    "© The Author(s), under exclusive licence to Example Academic Publishing B.V. 2023",
    "© Лебедева А. В., Крутиков Д. С., 2023",
    "978-1-6654-7731-2/23/$31.00 ©2023 IEEE",
    "Authorized licensed use limited to: X University. Downloaded on March 04,2024 at 09:12 UTC from IEEE Xplore.",
    "H. Wójcik‑Reid et al. 614",
    "Лебедева А. В., Крутиков Д. С. Изменение сроков ледостава и вскрытия малых рек...",
])
def test_lines_a_pdf_prints_once_at_a_pages_foot_are_furniture(stamp: str) -> None:
    # (At the page's foot, inside the sentence the page break cuts.)
    page = "\n".join(["A Title", "", *WRAPPED, WRAPPED[0], stamp, "41", "\f" + WRAPPED[1], WRAPPED[2]])
    res = layout.build_blocks(page, RepairConfig())
    assert stamp in res.furniture
    assert not any(stamp in b.text for b in res.blocks)


def test_a_web_pages_copyright_footer_is_no_page_stamp() -> None:
    # No page break, one paragraph a line: the chrome pass reads the footer, as web boilerplate.
    page = "\n".join(["Big story of the day", "", BODY1, "", BODY2, "", BODY3, "", "© 2025 Example Institute"])
    res = layout.build_blocks(page, RepairConfig())
    assert "© 2025 Example Institute" not in res.furniture


@pytest.mark.parametrize(("text", "stamp"), [
    ("Smith et al. (2019) found that", False), ("The © sign", False), ("Downloaded files are kept for a year.", False),
])
def test_what_is_no_page_stamp(text: str, stamp: bool) -> None:
    assert layout.is_page_stamp(text) is stamp


# A short article's pages without page breaks: each page ends with its number, and the next one
# starts with its running head.
def _pages_turned_by_numbers(byline: str, heads: list[str]) -> str:
    lines = ["Grain Prices on the Upper Volga", "", byline, "", *WRAPPED, "", "57"]
    for k, head in enumerate(heads):
        lines += ["", head, "", *WRAPPED, "", str(58 + k)]
    return "\n".join(lines)


def test_a_header_printed_on_two_pages_only_is_furniture_at_page_turns() -> None:
    header = "Proceedings of the Upper Volga Historical Society 9 (4)"
    page = _pages_turned_by_numbers("A. V. Ryabinin, E. N. Gorskaya", [header, "Introduction", header])
    res = layout.build_blocks(page, RepairConfig())
    assert res.furniture.count(header) == 2
    assert not any(header in b.text for b in res.blocks)


def test_a_line_printed_twice_away_from_page_turns_stays() -> None:
    twice = "Proceedings of the Upper Volga Historical Society 9 (4)"
    page = "\n".join(["A Title", "", *WRAPPED, "", twice, "", *WRAPPED, "", "57", "", *WRAPPED, "", twice, "",
                      *WRAPPED])
    res = layout.build_blocks(page, RepairConfig())
    assert sum(b.text == twice for b in res.blocks) == 2


@pytest.mark.parametrize(("head", "taken"), [
    ("A. V. Ryabinin, E. N. Gorskaya. Grain Prices on the Upper Volga", True),
    ("A. V. Ryabinin, E. N. Gorskaya", True),
    ("Ryabinin A. V., Gorskaya E. N.", True),
    ("A. V. Ryabinin and E. N. Gorskaya", True),
    # Names the first page does not print: a reference entry, not the article's head.
    ("P. Q. Lindqvist, R. S. Moberg", False),
    # A reference entry naming the authors: a year, "//".
    ("Ryabinin A. V., Gorskaya E. N. Grain prices // Volga Review. 2019. № 3. С. 5–9.", False),
])
def test_a_running_head_naming_the_authors_at_a_page_turn(head: str, taken: bool) -> None:
    page = _pages_turned_by_numbers("A. V. RYABININ1, E. N. GORSKAYA2 (ryabinin@example.org)", [head])
    res = layout.build_blocks(page, RepairConfig())
    assert (head in res.furniture) is taken
    assert any(head in b.text for b in res.blocks) is not taken


@pytest.mark.parametrize(("line", "surnames"), [
    ("А. В. Рябинин, Е. Н. Горская. Таможенные книги", ["Рябинин", "Горская"]),
    ("J. Smith & K. Brown", ["Smith", "Brown"]),
    ("Smith J. A., Brown K.", ["Smith", "Brown"]),
    ("J. Smith found that the river rose", None),  # no full stop between the names and the rest
    ("Smith J. A. 2020. Title", None),  # a year: a reference entry
    ("Smith J. https://example.org/x", None),
    ("The river rose", None),
])
def test_names_head_surnames(line: str, surnames: list[str] | None) -> None:
    assert layout.names_head_surnames(line) == surnames


@pytest.mark.parametrize(("word", "text", "person"), [
    ("Smith", "John SMITH1, Kate Brown2", True),
    ("Smith", "John Smith* and a smith's forge", False),  # also a common word, in lower case
    ("Smith", "John Smith (john.smith@example.org)", True),  # the e-mail's lower case does not count
    ("İleri", "Gökhan İLERİ3", True),
    ("Smithson", "John Smith", False),
    ("The", "The river and the bridge", False),
])
def test_names_a_person(word: str, text: str, person: bool) -> None:
    assert layout.names_a_person(word, text) is person


def test_a_numbered_page_line_right_after_a_page_break_is_furniture() -> None:
    head = "46                 Proceedings of the Upper Volga Historical Society"
    page = "\n".join(["A Title", "", *WRAPPED, WRAPPED[0], "\f", head, WRAPPED[1], WRAPPED[2]])
    res = layout.build_blocks(page, RepairConfig())
    assert head in res.furniture


@pytest.mark.parametrize(("line", "row"), [
    ("Accept   Decline   Settings", True), ("EN  DE  FR  ES", True), ("Impressum  Datenschutz  Sitemap", True),
    ("Accept all", False),  # one item
    ("It rained.  Then it stopped.  The end.", False),  # sentences
    ("Region  2019  2020", False),  # a table row with figures
    ("The council voted on Tuesday to close the old bridge", False),  # no runs of spaces
])
def test_is_spaced_row(line: str, row: bool) -> None:
    from pipeline.repair.chrome import is_spaced_row
    assert is_spaced_row(line) is row


def test_spaced_button_rows_and_a_menu_ending_with_contact_in_the_head_go_to_boilerplate() -> None:
    rows = ["Accept   Decline   Settings", "EN  DE  FR", "Institute Research Transfer Careers Press Contact"]
    from pipeline.repair.chrome import find_chrome
    page = ["We use cookies to understand how people read this site.", rows[0], "", rows[1], "", rows[2],
            "", "Big Story of the Day", "", BODY1, "", BODY2, "", BODY3, "", "About  Contact  Privacy"]
    out = find_chrome(page)
    assert [page[i] for i in sorted(out)] == [page[0], *rows, "About  Contact  Privacy"]


def test_kazakh_and_turkish_site_chrome() -> None:
    # Both languages are allowed: their sites' menus, counters, update lines, tags, share and comment
    # furniture are the site's, as in the other allowed languages.
    from pipeline.repair.chrome import find_chrome
    chrome = ["Басты бет Жаңалықтар Қоғам Экономика Спорт", "Жаңартылды: 13.03.2025, 09:15", "Қаралды: 1 348",
              "Тегтер: #Арал #ауыл", "Пікірлер (2)", "Güncellendi: 14.11.2023 10:20", "Yorumlar (3)"]
    page = ["Site name", "", chrome[0], "", "Big Story of the Day", "", chrome[1], chrome[2], "", BODY1, "", BODY2,
            "", BODY3, "", chrome[3], "", chrome[4], "", chrome[5], "", chrome[6]]
    out = find_chrome(page)
    assert [page[i] for i in sorted(out) if page[i] in chrome] == chrome
    assert not any(page[i] in (BODY1, BODY2, BODY3, "Big Story of the Day") for i in out)


def test_a_papers_first_page_foot_and_split_running_headers_go_to_furniture() -> None:
    foot = ["∗ Corresponding author.", "This work is licensed under a Creative Commons Attribution",
            "4.0 International License.", "Proc. Rivers ’24, May 9–11, 2024, Tartu", "ACM ISBN 979-8-4007-1123-4/24/09"]
    heads = ["Proc. Rivers ’24, May 9–11, 2024, Tartu      Tamm et al.", "Rivers of the Plain      Proc. Rivers ’24, 2024"]
    page = "\n".join(["Rivers of the Plain", "", *WRAPPED, "", foot[0], "", *foot[1:], "", *WRAPPED, "\f", heads[0], "",
                      *WRAPPED, "\f", heads[1], "", *WRAPPED])
    res = layout.build_blocks(page, RepairConfig())
    for line in foot + heads:
        assert line in res.furniture
        assert not any(line in b.text for b in res.blocks)


@pytest.mark.parametrize("line", [
    "The data are licensed under a Creative Commons licence and can be reused by anyone.",
    "the clerks said that      they had seen it in 2019",
])
def test_prose_about_licences_and_merged_columns_stay(line: str) -> None:
    assert not layout.is_first_page_foot(line)
    assert not layout.is_split_header(line)


@pytest.mark.parametrize("cue", ["Mots-clés :", "Schlagwörter:", "Keywords:"])
def test_a_papers_keywords_line_is_never_a_sites_tags(cue: str) -> None:
    # One paragraph a line (no wrapping), the keywords right after the abstract: the paper's.
    kw = f"{cue} cabanes, patrimoine vernaculaire, lagune, littoral"
    para = " ".join([BODY1, BODY2, BODY3])  # (long lines of different lengths: not wrapped at a width)
    page = "\n".join(["Les cabanes de l’étang", "", "Résumé", "", para, "", kw, "", "Introduction", "", para + " " + BODY1,
                      "", para + " " + BODY2 + BODY3, "", BODY2 + " " + para])
    assert kw not in _bp(page)
    assert kw in _text(page)


def test_the_second_line_of_a_two_line_running_header_is_furniture() -> None:
    # Journal line, then the page number and the authors in citation order, on every page.
    journal = "Polissian Ecological Journal · 2024 · Vol. 12, No. 2"
    # (The number on the outer side: each copy printed once, so repetition alone does not find them.)
    heads = ["46                        Kravchenko O. M., Lytvyn T. V.", "Kravchenko O. M., Lytvyn T. V.          47"]
    pages = []
    for head in heads + [journal]:
        pages += ["\f", journal, head, "", *WRAPPED]
    page = "\n".join(["Beavers of the Desna", "", "Kravchenko O. M.1, Lytvyn T. V.2", "", *WRAPPED, *pages])
    res = layout.build_blocks(page, RepairConfig())
    assert all(h in res.furniture for h in heads)
    assert not any("Kravchenko O. M., Lytvyn T. V." in b.text for b in res.blocks)


def test_a_teaser_list_with_a_date_line_under_each_headline_and_a_share_row() -> None:
    from pipeline.repair.chrome import find_chrome
    tail = ["Share: Mastodon · Bluesky · Hacker News · Copy link", "", "More press releases", "08.05.2024",
            "New survey: salt marshes grow with the sea", "25.04.2024", "Girls’ Day at the institute: 30 pupils visit",
            "11.04.2024", "Peat moss farming: pilot project starts in the north"]
    page = ["Big Story of the Day", "", BODY1, "", BODY2, "", BODY3, "", *tail]
    out = find_chrome(page)
    assert [page[i] for i in sorted(out)] == [t for t in tail if t]


def test_an_issue_line_and_an_authors_head_with_two_letter_initials_at_page_turns() -> None:
    heads = ["Proceedings of the Upper Volga Society. 2024. Vol. 20, No. 1", "Zubarev P.A., Khismatullina Yu.R."]
    page = "\n".join(["Rivers of the Plain", "", "Pavel A. Zubarev¹, Yulia R. Khismatullina²", "", *WRAPPED, "", "57",
                      "", heads[0], "", BODY1, BODY2, "", "58", "", heads[1], "", BODY3, BODY1])
    res = layout.build_blocks(page, RepairConfig())
    for head in heads:
        assert head in res.furniture


@pytest.mark.parametrize(("cont", "in_note"), [
    ("   bereits Elmar Greußing, Käse und Kredit, in: Montfort 38 (1986), S. 201–219.", True),
    # Indented otherwise: the next page's first line.
    ("      die Genossenschaften die Bauern tatsächlich aus der Abhängigkeit lösten.", False),
])
def test_a_footnotes_hanging_second_line(cont: str, in_note: bool) -> None:
    from pipeline.config import RepairConfig
    from pipeline.repair.layout import build_blocks
    text = ("Dieses Bild ist nicht falsch, aber es ist unvollständig. Der vorliegende Beitrag fragt, ob\n\n"
            "____________\n"
            "1  Vorarlberger Landesarchiv (VLA), Landesausschuss, Sch. 412, Bericht Rüf, fol. 7r.\n"
            "2  Vgl. etwa Josef Natter, Der Bregenzerwald und seine Bauern, Dornbirn 1961, S. 118–124; kritischer\n"
            f"{cont}\n\f"
            "die Genossenschaften die Bauern tatsächlich aus der Abhängigkeit von den Handelshäusern lösten.\n")
    out = build_blocks(text, RepairConfig())
    assert ("Montfort 38" in out.footnotes[-1].text) is in_note
    assert not any("Montfort" in b.text for b in out.blocks)


def _page(foot: str, ref: str = "daylight.”1 The remark") -> str:
    return (f"In the winter of 1834 the magistrate reported that salt boats were as common as grain boats in\n"
            f"{ref} was meant as an alarm, but it also described a system he understood well. Salt\n\n\n\n"
            f"{foot}\n\n\n\n© Chen and Hollis, 2023\n\f\n"
            "was the most heavily regulated commodity of the Qing state, and its largest source of revenue.\n")


@pytest.mark.parametrize(("text", "moved"), [
    # A note at the page's foot without a separator: its number glued to the page's text, its second
    # line at the note text's column, nothing but the page's furniture under it.
    (_page("1   Suqian xian xinzhi (1875), juan 8, 14b. The gazetteer quotes the report\n"
           "    without giving its date."), True),
    # No number glued to the page's text: a numbered line of the text, not a note.
    (_page("1   Suqian xian xinzhi (1875), juan 8, 14b.", ref="daylight. The remark"), False),
    # Prose under the numbered line on the same page: a list, not notes.
    (_page("1   Suqian xian xinzhi (1875), juan 8, 14b.\n\nMore text of the page follows here."), False),
])
def test_notes_at_a_page_foot_without_a_separator(text: str, moved: bool) -> None:
    from pipeline.config import RepairConfig
    from pipeline.repair.layout import build_blocks
    out = build_blocks(text, RepairConfig())
    assert bool(out.footnotes) is moved
    assert any("Suqian" in b.text for b in out.blocks) is not moved
    if moved:
        assert out.footnotes[0].text.endswith("without giving its date.")
        assert any("understood well. Salt was the most heavily" in b.text for b in out.blocks)


def test_numbered_section_headings_are_no_page_lines() -> None:
    from pipeline.config import RepairConfig
    from pipeline.repair.layout import build_blocks
    body = "The text of a section runs on for a while and ends with a full stop here.\n\n"
    text = (f"1         Introduction\n\n{body}234                              chen and hollis\n\n{body}"
            f"2         Boats, Soldiers and Merchants\n\n{body}3         Conclusion\n\n{body}")
    out = build_blocks(text, RepairConfig())
    texts = [b.text for b in out.blocks]
    assert any("Introduction" in t for t in texts) and any("Boats, Soldiers" in t for t in texts)
    assert not any("chen and hollis" in t for t in texts)


@pytest.mark.parametrize(("top", "tagline_goes"), [
    # The site's name opens the page and heads its banner again, over its tagline.
    ("Agua Arriba\nSuscribirse\n\nAgua Arriba\nCrónicas sobre el agua y la ciudad\n\n", True),
    # Under the name's first and only copy, the line is not known to be a tagline.
    ("Agua Arriba\nCrónicas sobre el agua y la ciudad\n\n", False),
    # The repeated line is not the page's first: a line under it is the headline's subtitle, say.
    ("Menú\n\nAgua Arriba\nCrónicas sobre el agua y la ciudad\n\nAgua Arriba\nSuscribirse\n\n", False),
])
def test_a_sites_tagline_under_its_repeated_name(top: str, tagline_goes: bool) -> None:
    page = top + f"The bridge will stay closed\n\n{BODY1} {BODY2}\n\n{BODY3}\n"
    assert ("Crónicas sobre el agua y la ciudad" in _bp(page)) is tagline_goes
    assert "The bridge will stay closed" in _text(page)


CUT1 = "At each street light we mounted a passive ultrasonic detector three metres above the ground; detectors"
CUT2 = "Switching off street lights for part of the night returned the streets to light-averse bats within a"


@pytest.mark.parametrize(("ends", "goes"), [
    (("", ""), True),  # each copy cuts a sentence in two: the page turns the conversion lost
    ((".", "."), False),  # between whole paragraphs the line may be the text's own (a repeated caption)
    ((".", ""), False),
])
def test_a_running_head_printed_twice_inside_sentences_without_page_breaks(ends: tuple[str, str], goes: bool) -> None:
    head = "Berg et al. · Part-night lighting and bat activity · preprint {}"
    page = (f"# Dimming the lights\n\n{BODY1}\n\n{CUT1}{ends[0]}\n\n{head.format(3)}\n\nrecorded from dusk to dawn.\n\n"
            f"{BODY2}\n\n{CUT2}{ends[1]}\n\n{head.format(5)}\n\nsingle summer, as expected.\n\n{BODY3}\n")
    assert ("preprint 3" not in _text(page)) is goes
    assert ("preprint 5" not in _text(page)) is goes


@pytest.mark.parametrize(("refs", "kept"), [
    # The DOI under a numbered reference (its hanging indent) is the cited work's.
    ("References\n\n1.   Apeadu, K. Small reservoirs and dry-season farming. J. Dryl. 2019, 11, 87–101.\n"
     "3.   Lindholm, F. Over- and under-irrigation. Agri-Tech Proc. 2022, 5, 14.\n"
     "     https://doi.org/10.5573/atproc2022005014\n", True),
    ("References\n\n[3]  Lindholm, F. Over- and under-irrigation. Agri-Tech Proc. 2022, 5, 14.\n"
     "     https://doi.org/10.5573/atproc2022005014\n", True),
    # Apart from the entry, a DOI line is the page's furniture as before.
    ("References\n\n3.   Lindholm, F. Over- and under-irrigation. Agri-Tech Proc. 2022, 5, 14.\n\n"
     "https://doi.org/10.5573/atproc2022005014\n", False),
    # An entry indented deeper than the DOI line under it is not the DOI's own entry.
    ("     3. Lindholm, F. Over- and under-irrigation. Agri-Tech Proc. 2022, 5, 14.\n"
     "https://doi.org/10.5573/atproc2022005014\n", False),
])
def test_a_doi_line_under_a_numbered_reference_stays_in_it(refs: str, kept: bool) -> None:
    page = f"Irrigation scheduling\n\n{BODY1}\n\n{BODY2}\n\n{refs}"
    assert ("10.5573/atproc2022005014" in _text(page)) is kept


def test_a_masthead_as_wide_as_the_text_does_not_end_the_front_matter() -> None:
    # The journal's name, volume and DOI lines beside its two ISSNs are as wide as the text; they are
    # furniture, so the front matter (title, authors, affiliation, no blank line between) goes on below.
    page = (
        "Природные ресурсы Севера / Natural Resources of the North Quarterly Review Journal\n"
        "2022, Т. 27, № 4                                                  ISSN 2618-9000 (print)\n"
        "https://doi.org/10.31000/2618-9000-2022-27-4-571-580              ISSN 2686-9000 (online)\n\n"
        "Гидрохимический режим термокарстовых озер\n"
        "С. Н. Охлопкова*, В. Д. Захаров, М. Е. Винокурова\n"
        "Институт мерзлотных водоемов, г. Якутск, Российская Федерация\n\n"
        "Аннотация. Приведены результаты многолетних наблюдений за химическим составом воды в озерах\n"
        "Лено-Амгинского междуречья. Установлено, что за период наблюдений минерализация воды в озерах\n"
        "возросла в среднем в полтора раза, а в озерах стабильных аласов изменилась незначительно. Рост\n"
        "минерализации сопровождается увеличением доли гидрокарбонатов натрия и магния в воде озер.\n"
    )
    blocks = [b.text for b in layout.build_blocks(page, RepairConfig()).blocks]
    assert "С. Н. Охлопкова*, В. Д. Захаров, М. Е. Винокурова" in blocks


@pytest.mark.parametrize(("title", "split"), [
    # A title in capitals right under the affiliation (pdftotext -raw: no blank line between).
    ("ДУХОВЫЕ ОРКЕСТРЫ ГОРНОЗАВОДСКОГО УРАЛА ВО ВТОРОЙ ПОЛОВИНЕ XIX ВЕКА:\nСОСТАВ, РЕПЕРТУАР, МУЗЫКАНТЫ", True),
    # An identifier line in capitals is no title ("ORCID: 0000-..." has one word of letters).
    ("ORCID: 0000-0001-9063-2218; 0000-0003-1175-5541", False),
])
def test_a_title_in_capitals_under_the_affiliation_starts_a_block(title: str, split: bool) -> None:
    page = ("УДК 785.1(470.5)\nЕ. С. Пермякова\nУральская государственная консерватория, Екатеринбург, Россия\n"
            f"{title}\nАннотация. В статье на основе документов заводских контор и периодической печати\n"
            "рассматривается история духовых оркестров при горных заводах Урала во второй половине века.\n"
            "Выявлено не менее двадцати трех заводских оркестров, большинство из которых было создано\n"
            "по инициативе заводоуправлений, а репертуар включал марши, танцы и переложения из опер.\n")
    blocks = [b.text for b in layout.build_blocks(page, RepairConfig()).blocks]
    assert ("Уральская государственная консерватория, Екатеринбург, Россия" in blocks) is split


def test_a_title_in_capitals_keeps_its_lower_case_abbreviation() -> None:
    # "гг.:" in lower case does not make the first line a line in lower case.
    page = ("ЗЕМСКИЕ АГРОНОМЫ ВЯТСКОЙ ГУБЕРНИИ В 1900–1917 гг.:\nСОСТАВ, ДЕЯТЕЛЬНОСТЬ, ВЗАИМОДЕЙСТВИЕ С КРЕСТЬЯНСТВОМ\n"
            "Аннотация. В статье на основе документов земских управ и периодической печати рассматривается\n"
            "история агрономической помощи крестьянам в Вятской губернии в первые два десятилетия века.\n"
            "Выявлено не менее двадцати трех участковых агрономов, большинство из которых служило недолго\n")
    blocks = [b.text for b in layout.build_blocks(page, RepairConfig()).blocks]
    assert blocks[0].endswith("ВЗАИМОДЕЙСТВИЕ С КРЕСТЬЯНСТВОМ")


@pytest.mark.parametrize(("twin", "goes"), [
    ("MGIMO Review of International Relations. 2023. 16(2):7-29", True),  # the same numbers: the masthead again
    ("MGIMO Review of International Relations. 2022. 15(1):1-20", False),  # other numbers: not its twin
])
def test_the_masthead_in_its_other_language(twin: str, goes: bool) -> None:
    page = (f"Вестник МГИМО-Университета. 2023. Т. 16, № 2. С. 7–29\n{twin}\n\n"
            f"Энергетический диалог России и Китая\n\n{BODY1}\n\n{BODY2}\n")
    assert (twin not in _text(page)) is goes


@pytest.mark.parametrize(("above", "kept"), [
    ("Rivers of the North: Fishing Villages, 1700–1860, by Anna Berg,", True),  # a reviewed book's imprint
    ("Rivers of the North: Fishing Villages, 1700–1860", False),  # a line of its own: the page's foot
])
def test_an_isbn_line_that_ends_a_line_ending_with_a_comma_stays(above: str, kept: bool) -> None:
    page = (f"BOOK REVIEW\n\n{above}\nOslo, North Press, 2021, xiv + 286 pp., ISBN 978-1-80933-000-0\n\n"
            f"{BODY1}\n\n{BODY2}\n\f{BODY3}\n")
    assert ("ISBN 978-1-80933-000-0" in _text(page)) is kept


def test_a_copyright_footer_whose_lines_read_as_sentences_goes() -> None:
    # The footer's lines end with full stops and are as long as body lines: the last lines are looked at too.
    footer = ["© 2008–2024 «Байкал-Вести». При использовании материалов ссылка на сайт обязательна.",
              "Свидетельство о регистрации СМИ ЭЛ № ФС77-00000 от 03.08.2017. Учредитель: ООО «Медиа».",
              "Главный редактор: Дамбаева Т. Б.   Телефон редакции: +7 (3012) 00-00-00", "18+"]
    page = ["The bridge will stay closed", "", f"{BODY1} {BODY2}", "", BODY3, "", *footer]
    assert web.find_boilerplate(page) == {6: "footer", 7: "footer", 8: "footer", 9: "footer"}


def test_a_line_in_capitals_is_not_joined_to_a_lower_case_line_under_it() -> None:
    page = f"БАЙКАЛ-ВЕСТИ\nновости Бурятии и Забайкалья\n\nThe bridge will stay closed\n\n{BODY1} {BODY2}\n\n{BODY3}\n"
    assert _text(page).startswith("БАЙКАЛ-ВЕСТИ\n\nновости Бурятии и Забайкалья")


@pytest.mark.parametrize(("top", "goes"), [
    ("ВЕСЦІ ПАЛЕСКАГА ІНСТЫТУТА. Серыя гуманітарных навук. 2024. № 1 (37)", True),  # year and issue at the top
    ("Musical Culture of the Regions. 2024. No. 2 (18)", True),
    ("Report on the floods of 2024 and their No. 1 cause.", False),  # a sentence
])
def test_a_first_pages_top_line_with_year_and_issue_is_the_masthead(top: str, goes: bool) -> None:
    page = f"{top}\n\nThe bridge will stay closed\n\n{BODY1}\n\n{BODY2}\n\f{BODY3}\n"
    assert (top not in _text(page)) is goes
