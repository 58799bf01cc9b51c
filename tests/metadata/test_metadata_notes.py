"""Footnotes (URLs, access dates), references, URLs and emails."""

from __future__ import annotations

import pytest
from metadata_docs import LONG_EN, LONG_RU, make_doc, run

from pipeline.document import Block, Footnote
from pipeline.metadata.notes import (
    enrich_footnote,
    find_emails,
    find_references,
    find_urls,
    is_reference_heading,
    split_entries,
    strip_reference_marker,
    trim_url,
)


@pytest.mark.parametrize(
    "text, urls",
    [
        ("URL: http://kremlin.ru/supplement/6132 (дата обращения: 16.06.2024).", ["http://kremlin.ru/supplement/6132"]),
        ("see https://www.state.gov/the-approach/ (accessed: 27.07.2024)", ["https://www.state.gov/the-approach/"]),
        ("https://en.wikipedia.org/wiki/Tianxia_(concept).", ["https://en.wikipedia.org/wiki/Tianxia_(concept)"]),
        ("(https://example.org/a)", ["https://example.org/a"]),
        ("«https://rg.ru/2023/03/20/a.html»", ["https://rg.ru/2023/03/20/a.html"]),
        ("www.valdaiclub.com, and https://x.org/?q=1&p=2;", ["www.valdaiclub.com", "https://x.org/?q=1&p=2"]),
        ("http://a.org http://a.org", ["http://a.org"]),
        ("no links here", []),
    ],
)
def test_find_urls(text: str, urls: list[str]) -> None:
    assert find_urls(text) == urls


def test_trim_url() -> None:
    assert trim_url("https://x.org/a),") == "https://x.org/a"


@pytest.mark.parametrize(
    "text, emails",
    [
        ("Belarus jxb19980114@gmail.com", ["jxb19980114@gmail.com"]),
        ("E-mail: ivanov.ii@mgimo.ru.", ["ivanov.ii@mgimo.ru"]),
        ("a@b.co; c_d+e@sub.uni-x.edu.cn", ["a@b.co", "c_d+e@sub.uni-x.edu.cn"]),
        ("twitter @handle and x@y", []),
    ],
)
def test_find_emails(text: str, emails: list[str]) -> None:
    assert find_emails(text) == emails


@pytest.mark.parametrize(
    "fid, text, urls, accessed",
    [
        ("1", "Доклад. Госсовет КНР, 16.10.2022. URL: https://www.gov.cn/xinwen/2022-10/16/content_5718834.htm "
              "(дата обращения: 27.05.2024).", ["https://www.gov.cn/xinwen/2022-10/16/content_5718834.htm"], "2024-05-27"),
        ("3", "Antony J. Blinken. The Approach. Department of State, May 26, 2022. URL: "
              "https://www.state.gov/the-approach/ (accessed: 27.07.2024).", ["https://www.state.gov/the-approach/"],
         "2024-07-27"),
        ("7", "Совместное заявление. Администрация Президента России, 16.05.2024. URL: http://kremlin.ru/supplement/6132 "
              "(дата обращения: 16.06.2024).", ["http://kremlin.ru/supplement/6132"], "2024-06-16"),
        ("*", "Исследование выполнено при поддержке РНФ.", [], None),
    ],
)
def test_enrich_footnote(fid: str, text: str, urls: list[str], accessed: str | None) -> None:
    assert enrich_footnote(Footnote(fid, text)) == {"id": fid, "text": text, "urls": urls, "accessed": accessed}


@pytest.mark.parametrize(
    "text, heading",
    [("References", True), ("#### References", True), ("Список литературы", True), ("Литература", True),
     ("REFERENCES", True), ("Bibliography:", True), ("5. References", True),
     ("References to the past", False), ("Literature shows that", False)],
)
def test_is_reference_heading(text: str, heading: bool) -> None:
    assert is_reference_heading(text) is heading


def test_entries() -> None:
    assert strip_reference_marker("- [1] Rui-rong, Zhong. Title. 2006.") == "Rui-rong, Zhong. Title. 2006."
    assert strip_reference_marker("12. Иванов И.И. Статья.") == "Иванов И.И. Статья."
    assert split_entries("[1] A. Title. 2006.\n[2] B. Title. 2005.") == ["A. Title. 2006.", "B. Title. 2005."]
    assert split_entries("[1] A. Title, see [5]. [2] B. Title. 2005.") == ["A. Title, see [5].", "B. Title. 2005."]
    assert split_entries("1. Иванов И.И. Статья.\n2. Петров П.П. Книга.") == ["Иванов И.И. Статья.", "Петров П.П. Книга."]


def test_find_references_stops_at_the_next_heading() -> None:
    blocks = [Block("paragraph", LONG_EN), Block("heading", "References"), Block("paragraph", "[1] A. 2006."),
              Block("paragraph", "[2] B. 2005."), Block("heading", "About the author"), Block("paragraph", "Bio.")]
    refs = find_references(blocks)
    assert refs.entries == ["A. 2006.", "B. 2005."]
    assert refs.blocks == [2, 3] and refs.headings == [1]


def test_reference_blocks_marked_by_repair_count_too() -> None:
    blocks = [Block("paragraph", LONG_EN), Block("reference", "Smith J. Trade. 2020.")]
    assert find_references(blocks).entries == ["Smith J. Trade. 2020."]


def test_a_summary_repair_kept_in_the_reference_list_is_no_entry() -> None:
    # Repair reads a list on to its next heading; the summary in another language printed after it
    # opens with its cue and is no reference.
    blocks = [Block("heading", "References"), Block("reference", "1. Smith J. Trade. 2020."),
              Block("reference", "Аннотация. " + LONG_RU), Block("reference", "Ключевые слова: торговля, право"),
              Block("reference", "2. Doe J. Rivers. 2021.")]
    refs = find_references(blocks)
    assert refs.blocks == [1, 4]
    assert refs.entries == ["Smith J. Trade. 2020.", "Doe J. Rivers. 2021."]


def test_the_summary_after_the_references_gives_that_languages_abstract_and_keywords() -> None:
    doc = make_doc([("heading", "ХОРОВЕ ДИРИГУВАННЯ В ПІДГОТОВЦІ МАЙБУТНІХ УЧИТЕЛІВ"), "Анотація. " + LONG_RU,
                    LONG_RU, ("heading", "References"), ("reference", "1. Bondar T. Conducting. Kyiv, 2016."),
                    ("reference", "Abstract. " + LONG_EN),
                    ("reference", "Key words: choral conducting, blended learning, music teachers.")])
    md = run(doc)
    assert md["abstract"].get("en", "").startswith("The two countries")
    assert md["keywords"].get("en") == ["choral conducting", "blended learning", "music teachers"]


# --- whole documents ---


def test_document_notes() -> None:
    doc = make_doc(
        [("heading", "Внешняя политика Китая"), "Иван Петров1", "1 МГИМО, Москва; petrov@mgimo.ru",
         "Аннотация. " + LONG_RU, LONG_RU + " См. https://www.gov.cn/a.htm.", ("heading", "Список литературы"),
         "1. Иванов И.И. Статья // Полис. 2020. № 1. URL: https://polis.ru/x (дата обращения: 01.02.2022).",
         "2. Smith J. Trade. Journal of Trade, 2019."],
        footnotes=[("1", "Доклад. URL: https://www.gov.cn/a.htm (дата обращения: 27.05.2024)."),
                   ("2", "Report. URL: https://www.state.gov/b/ (accessed: 27.07.2024).")],
    )
    md = run(doc)
    assert md["references"] == ["Иванов И.И. Статья // Полис. 2020. № 1. URL: https://polis.ru/x (дата обращения: 01.02.2022).",
                                "Smith J. Trade. Journal of Trade, 2019."]
    assert md["urls"] == ["https://www.gov.cn/a.htm", "https://polis.ru/x", "https://www.state.gov/b/"]
    assert md["emails"] == ["petrov@mgimo.ru"]
    assert [(f["id"], f["urls"], f["accessed"]) for f in md["footnotes"]] == [
        ("1", ["https://www.gov.cn/a.htm"], "2024-05-27"), ("2", ["https://www.state.gov/b/"], "2024-07-27")]
    assert [b.kind for b in doc.blocks[-2:]] == ["reference", "reference"]
    assert md["published"] is None


def test_markdown_reference_list_in_one_block() -> None:
    doc = make_doc([("heading", "Trade"), LONG_EN, ("heading", "References"),
                    "[1] Rui-rong, Zhong. Sino-Russia Relation. 2006. [2] Ai-hua, Liu. New Relationship. 2006. "
                    "[3] Tao, Li. A Comprehensive Review. 2005."])
    assert run(doc)["references"] == ["Rui-rong, Zhong. Sino-Russia Relation. 2006.",
                                      "Ai-hua, Liu. New Relationship. 2006.", "Tao, Li. A Comprehensive Review. 2005."]


def test_reference_list_ends_before_the_english_block() -> None:
    doc = make_doc([
        ("heading", "Энергетический диалог России и Китая"), "Аннотация. " + LONG_RU, LONG_RU,
        ("heading", "Список литературы"), "1. Иванов И.И. Нефть и политика // Полис. 2020. № 1. С. 5–20.",
        "2. Петров П.П. Газ. М.: Наука, 2019. 200 с.",
        "ENERGY DIALOGUE BETWEEN RUSSIA AND CHINA", "Abstract. " + LONG_EN, "Сведения об авторах",
        "Иванов Иван Иванович — доктор политических наук, профессор МГИМО.",
    ])
    md = run(doc)
    assert md["references"] == ["Иванов И.И. Нефть и политика // Полис. 2020. № 1. С. 5–20.",
                                "Петров П.П. Газ. М.: Наука, 2019. 200 с."]
    assert md["title_translations"] == [{"text": "ENERGY DIALOGUE BETWEEN RUSSIA AND CHINA", "lang": "en"}]
    assert md["abstract"]["en"] == LONG_EN


@pytest.mark.parametrize(
    "text, history",
    [
        ("Статья поступила в редакцию 03.02.2021; одобрена после рецензирования 15.03.2021; "
         "принята к публикации 20.03.2021.", True),
        ("Поступила в редакцию 5 апреля 2022 г.", True),
        ("Received 3 May 2022; revised 1 June 2022; accepted 9 June 2022", True),
        ("Article received: 14.11.2019", True),
        ("Стаття надійшла до редакції 10.10.2020", True),
        ("Received wisdom and its critics // Philosophy Today. 2020. № 2. С. 3–9.", False),  # a title, no date
        ("Smith J. Accepted truths. London: Verso, 2018.", False),
    ],
)
def test_is_history_note(text: str, history: bool) -> None:
    from pipeline.metadata.notes import is_history_note

    assert is_history_note(text) is history


@pytest.mark.parametrize(
    "entry, kept",
    [
        ("Smith J. Trade. London, 2020.", True),
        ("Федеральный закон «О науке» // Собрание законодательства. URL: http://pravo.example.ru/a", True),
        ("Smith J. (n.d.) Notes on trade.", True),
        ("Lee and Ray 203", False),
        ("Проблемы экономики 17", False),
        ("Anonymous. The long history of the silk routes across Central Asia and their revival", True),
    ],
)
def test_reference_entry_shape(entry: str, kept: bool) -> None:
    from pipeline.metadata.notes import is_reference_entry

    assert is_reference_entry(entry) is kept


def test_history_note_and_running_footer_after_the_list_are_not_references() -> None:
    blocks = [Block("heading", "Список литературы"),
              Block("reference", "1. Орлов С.И. Реки Сибири // География. 2019. № 2. С. 5–17."),
              Block("reference", "Петрова и Орлов 57"),
              Block("reference", "Статья поступила в редакцию 03.02.2021; принята к публикации 20.03.2021.")]
    assert find_references(blocks).entries == ["Орлов С.И. Реки Сибири // География. 2019. № 2. С. 5–17."]
    doc = make_doc([("heading", "Реки Сибири"), LONG_RU, ("heading", "References"),
                    "1. Smith J. Rivers. London, 2019.", "Received 3 May 2022; accepted 9 June 2022.", LONG_EN])
    md = run(doc)
    assert md["references"] == ["Smith J. Rivers. London, 2019."]
    assert md["published"] is None
