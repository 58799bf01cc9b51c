"""Column grids (repair.columns): side-by-side cells read column by column, and what is no grid."""

from __future__ import annotations

import doctest

import pytest

from pipeline.config import load as load_config
from pipeline.document import Document, Source
from pipeline.metadata import extract_metadata
from pipeline.repair import columns, repair

GRID = (
    "      Sigrun Aasheim                         Pekka Rautiainen                     Hanna-Liisa Kõiv\n"
    "Dept. of Electrical Engineering           Northern Wind Test Centre          Inst. of Energy Technology\n"
    "   Tromsø Polar University                     Oulu, Finland                Tallinn Technical College\n"
    "      Tromsø, Norway                  pekka.rautiainen@nwtc.example.fi            Tallinn, Estonia\n"
    "sigrun.aasheim@tpu.example.no                                           hanna-liisa.koiv@ttc.example.ee"
)
ABSTRACT = ("Abstract—Ice accretion on rotor blades reduces the energy yield of wind turbines in cold climates "
            "and creates a risk of ice throw for people and buildings nearby.")


def test_doctests() -> None:
    assert doctest.testmod(columns).failed == 0


def test_an_author_grid_is_read_column_by_column() -> None:
    text, n = columns.split_column_grids(f"Detecting Ice on Small Wind Turbines\n\n{GRID}\n\n{ABSTRACT}")
    assert n == 1
    paras = [p for p in text.split("\n\n")]
    assert paras[1:6] == ["Sigrun Aasheim", "Dept. of Electrical Engineering", "Tromsø Polar University",
                          "Tromsø, Norway", "sigrun.aasheim@tpu.example.no"]
    assert paras[6:10] == ["Pekka Rautiainen", "Northern Wind Test Centre", "Oulu, Finland",
                           "pekka.rautiainen@nwtc.example.fi"]
    assert paras[10] == "Hanna-Liisa Kõiv" and paras[-1] == ABSTRACT


@pytest.mark.parametrize("text", [
    # A table of figures.
    "Site     Turbines     Hours\nA        4            1204.5\nB        6            988.0",
    "12.5     0.83     41\n13.0     0.91     44\n14.2     0.88     47",
    # One wide line: a heading beside a page number.
    "INTRODUCTION                                   3\nWind power in cold climates has grown.",
    # Rows whose cells do not line up.
    "rivers and lakes      of the north\n                              Oslo      Bergen",
    # No gap of three spaces.
    "Anna Berg  Tom Ray\nOslo  Bergen",
])
def test_what_is_no_grid(text: str) -> None:
    assert columns.split_column_grids(text) == (text, 0)


def test_a_grid_far_into_the_text_is_left_alone() -> None:
    text = "\n".join(["A line of the body text."] * columns.FRONT_LINES) + "\n" + GRID
    assert columns.split_column_grids(text) == (text, 0)


def test_a_row_may_leave_a_column_empty() -> None:
    text = "Anna Berg          Tom Ray          Li Wei\nUniv. of Oslo      Univ. of Bergen\nanna@oslo.example                   li@pku.example"
    out, n = columns.split_column_grids(text)
    assert n == 1
    assert out.split("\n\n") == ["Anna Berg", "Univ. of Oslo", "anna@oslo.example", "Tom Ray", "Univ. of Bergen",
                                 "Li Wei", "li@pku.example"]


def test_the_authors_of_a_conference_paper_printed_in_columns() -> None:
    cfg = load_config(None)
    doc = Document(source=Source(path="t.txt", sha256="0" * 64, size_bytes=1, encoding="utf-8"),
                   text=f"Detecting Ice Accretion on Small Wind Turbines\n\n{GRID}\n\n{ABSTRACT}\n")
    doc = repair(doc, cfg.repair)
    assert doc.repairs["column_grids"] == 1
    from pipeline.languages import detect_languages

    doc = extract_metadata(detect_languages(doc, cfg.languages), cfg.metadata)
    assert [a["name"] for a in doc.metadata["authors"]] == ["Sigrun Aasheim", "Pekka Rautiainen", "Hanna-Liisa Kõiv"]


@pytest.mark.parametrize(("row", "line"), [
    ("Ivan Petrov1          Anna Smith2          Oleg Lee3", "Ivan Petrov1, Anna Smith2, Oleg Lee3"),
    ("И. И. Иванов       П. П. Петров", "И. И. Иванов, П. П. Петров"),
])
def test_a_lone_row_of_names_side_by_side_is_one_author_line(row: str, line: str) -> None:
    assert columns.split_column_grids(f"Title\n\n{row}\nSome University\n") == (f"Title\n\n{line}\nSome University\n", 1)


@pytest.mark.parametrize("row", ["Results          Discussion", "INTRODUCTION                       3",
                                 "Climate Change          Energy Policy"])
def test_a_lone_wide_row_of_other_words_stays(row: str) -> None:
    assert columns.split_column_grids(row) == (row, 0)


def _two_column_page() -> str:
    left = ["Дракониды – периодический метеорный", "поток, родительским телом которого", "является комета Джакобини – Циннера.",
            "В большинство лет активность потока", "не превышает нескольких метеоров", "в час, однако при прохождении шлейфов",
            "наблюдаются вспышки и метеорные дожди."]
    right = ["Для 2021 г. модельные расчёты указывали", "на сближение Земли со шлейфом выбросов",
             "1953 г. вечером 8 октября по всемирному", "времени, с ожидаемым часовым числом не",
             "более двадцати. Поскольку максимум был", "в светлое время суток на Дальнем Востоке,", "наблюдения представляли интерес."]
    rows = [f"{a:<44}{b}" for a, b in zip(left, right, strict=True)]
    return "РАДИОЛОКАЦИОННЫЕ НАБЛЮДЕНИЯ МЕТЕОРНОГО ПОТОКА ДРАКОНИД 2021 ГОДА НА СТАНЦИИ\n\n" + "\n".join(rows) + "\n"


def test_a_page_in_two_columns_is_read_column_by_column() -> None:
    from pipeline.repair.columns import split_text_columns
    out, n = split_text_columns(_two_column_page())
    assert n == 1
    lines = [x for x in out.split("\n") if x]
    # The line across the page stays first; the left column's lines, then the right column's.
    assert lines[0].startswith("РАДИОЛОКАЦИОННЫЕ")
    assert lines[1] == "Дракониды – периодический метеорный" and lines[7] == "наблюдаются вспышки и метеорные дожди."
    assert lines[8] == "Для 2021 г. модельные расчёты указывали"


@pytest.mark.parametrize("page", [
    # One column with a wide gap here and there, a table of figures, an author grid of three rows.
    "A line of prose that runs on.\nAnother line of prose here.\n" * 8,
    "\n".join(f"Station {k}        {k * 3.5:.1f}        {k * 7}" for k in range(12)),
    "Sigrun Aasheim      Pekka Rautiainen\nDept. of Energy      Northern Test Centre\nsigrun@x.no      pekka@y.fi\n",
])
def test_other_pages_stay_as_they_are(page: str) -> None:
    from pipeline.repair.columns import split_text_columns
    assert split_text_columns(page) == (page, 0)


def test_a_centred_line_above_the_columns_stays_in_place() -> None:
    from pipeline.repair.columns import split_text_columns
    page = "                                              А. Б. Иванова\n" + _two_column_page()
    out, n = split_text_columns(page)
    assert n == 1 and out.split("\n")[0] == page.split("\n")[0]


def _sidebar_page() -> str:
    # A first page whose one-column text is set right of a narrow sidebar (citation, dates, licence):
    # the title block above the sidebar, the abstract beside it, and a footer wider than the text.
    side = ["Citation: Kos, M.; Lutz, I.", "Capacitive Probes for Drip", "Irrigation. Agron. Notes 2024,", "3, 12.",
            "", "Received: 2 March 2024", "Published: 9 May 2024", "", "Copyright: (c) 2024 by the", "authors. Licensee Open",
            "Press. This article is an open", "access article under the CC BY"]
    body = ["Abstract: Terraced fields lose water on their", "outer edges, where drip lines run dry first. We",
            "tested capacitive probes placed at the edges of", "twelve terraces over one season and scheduled",
            "irrigation from their readings. Water use fell", "by a fifth with no loss of yield, and the probes",
            "needed one calibration in mid-season to stay", "within two points of gravimetric samples. The",
            "approach suits small farms on steep ground.", "", "Keywords: drip irrigation; terraces; sensors",
            "", "1. Introduction"]
    pad = " " * 32
    head = [pad + "Capacitive Probes for Drip Irrigation", pad + "on Terraced Fields", pad + "Mira Kos 1 and Ian Lutz 2", ""]
    rows = [f"{a:<32}{b}".rstrip() for a, b in zip(side + [""] * (len(body) - len(side)), body, strict=True)]
    foot = "Agron. Notes 2024, 3, 12. https://doi.org/10.5555/an.2024.012" + " " * 40 + "https://notes.example.org"
    return "\n".join(["agronomy", "notes" + " " * 60 + "Article", "", *head, *rows, "", foot]) + "\n"


def test_a_sidebar_beside_a_one_column_text_is_read_first() -> None:
    from pipeline.repair.columns import split_page_columns
    page = _sidebar_page()
    out, done = split_page_columns(page)
    assert done
    lines = out.split("\n")
    # The title block stays above, as printed; the sidebar's lines come whole (even one that reaches the
    # gutter), then the text beside it.
    assert lines[3].strip() == "Capacitive Probes for Drip Irrigation" and lines[3].startswith(" ")
    side = lines.index("Citation: Kos, M.; Lutz, I.")
    assert lines[side + 11] == "access article under the CC BY"
    assert lines.index("Abstract: Terraced fields lose water on their") > side + 11
    assert "Keywords: drip irrigation; terraces; sensors" in lines
