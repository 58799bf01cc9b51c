"""A thesis's or dissertation summary's title page."""

from __future__ import annotations

import pytest
from metadata_docs import LONG_RU, make_doc, run

from pipeline.metadata.thesis import read_title_page

PAGE = ["На правах рукописи", "КОРЕПАНОВА Дарья Сергеевна",
        "ЗЕМСКИЕ АГРОНОМЫ ВЯТСКОЙ ГУБЕРНИИ В 1900–1917 гг.: СОСТАВ, ДЕЯТЕЛЬНОСТЬ",
        "Специальность 5.6.1. Отечественная история",
        "АВТОРЕФЕРАТ диссертации на соискание учёной степени кандидата исторических наук", "Киров – 2024"]


def test_read_title_page() -> None:
    page = read_title_page(PAGE)
    assert page is not None
    assert (page.title_block, page.author_block, page.author.name, page.year) == (
        2, 1, "Корепанова Дарья Сергеевна", "2024")


@pytest.mark.parametrize("texts", [
    PAGE[:4],  # no line names the document's kind
    [PAGE[0], PAGE[2], PAGE[4]],  # no author
    ["Иванов И. И., Петров П. П.", PAGE[2], PAGE[4]],  # two authors: not a thesis's title page
])
def test_no_title_page(texts: list[str]) -> None:
    assert read_title_page(texts) is None


def test_the_next_pages_people_are_no_authors() -> None:
    md = run(make_doc([
        *PAGE,
        "Работа выполнена на кафедре отечественной истории Вятского государственного университета.",
        "Научный руководитель: доктор исторических наук, профессор Шубин Николай Аркадьевич",
        "Официальные оппоненты: Лаптева Ирина Вениаминовна, доктор исторических наук, доцент",
        "Городилов Максим Олегович, кандидат исторических наук",
        "Защита состоится «24» мая 2024 г. в 14:00 на заседании диссертационного совета.",
        LONG_RU,
    ]))
    assert md["title"]["text"].startswith("ЗЕМСКИЕ АГРОНОМЫ")
    assert [a["name"] for a in md["authors"]] == ["Корепанова Дарья Сергеевна"]
    assert md["published"] == "2024"


def test_a_dissertations_abstract_page_names_its_author_and_title_under_the_kind_line() -> None:
    from pipeline.metadata.thesis import read_title_page
    page = read_title_page([
        "АҢДАТПА",
        "6D021300 – «Лингвистика» мамандығы бойынша философия докторы (PhD) дәрежесін алу үшін дайындалған диссертацияға",
        "ТӨЛЕГЕНОВА ДИНАРА СЕРІКҚЫЗЫ",
        "ЖЕТІСУ ӨҢІРІ СӨЙЛЕНІСТЕРІНДЕГІ КИІЗ БАСУ ЖӘНЕ КІЛЕМ ТОҚУ КӘСІБІНЕ ҚАТЫСТЫ ЛЕКСИКА",
        "Диссертациялық жұмыс Жетісу өңірі сөйленістеріндегі лексиканы жүйелі түрде сипаттауға арналған.",
    ])
    assert page is not None
    assert (page.author.name, page.author_block, page.title_block) == ("Төлегенова Динара Серікқызы", 2, 3)


def test_names_in_capitals_are_no_author_without_a_kind_line() -> None:
    from pipeline.metadata.thesis import read_title_page
    assert read_title_page(["АҢДАТПА", "ТӨЛЕГЕНОВА ДИНАРА СЕРІКҚЫЗЫ", "ЖЕТІСУ ӨҢІРІ СӨЙЛЕНІСТЕРІ"]) is None
