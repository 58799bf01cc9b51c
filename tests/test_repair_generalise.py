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
