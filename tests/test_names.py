"""Name forms shared by the repair and metadata stages."""

from __future__ import annotations

import pytest

from pipeline.metadata.authors import parse_author_line
from pipeline.names import drop_han_form
from pipeline.repair.front import name_list


@pytest.mark.parametrize(("text", "want"), [
    ("Chen Yuting 陳雨婷", "Chen Yuting"), ("Li Wei 李伟", "Li Wei"), ("陳雨婷", "陳雨婷"),
    ("Chen Yuting", "Chen Yuting"), ("Salt trade in 運河上的私鹽", "Salt trade in 運河上的私鹽"),  # five Han: no name
    ("", ""),
])
def test_drop_han_form(text: str, want: str) -> None:
    assert drop_han_form(text) == want


def test_a_name_with_its_han_form_is_an_author_line() -> None:
    assert name_list("Chen Yuting 陳雨婷") == ["Chen Yuting"]
    assert [a.name for a in parse_author_line("Chen Yuting 陳雨婷") or []] == ["Chen Yuting"]


@pytest.mark.parametrize(("line", "want"), [
    ("Jan Roth, Senior Member, IEEE, and Ana Ruiz, Fellow, IEEE", "Jan Roth, and Ana Ruiz"),
    ("Kofi Mensah , Member, IEEE, Ingrid Solheim", "Kofi Mensah, Ingrid Solheim"),
    ("Li Wei, Student Member, IEEE", "Li Wei"),
    ("Members of the IEEE board met.", "Members of the IEEE board met."),  # no grade after a name
    ("Fellowship and Membership", "Fellowship and Membership"),
])
def test_drop_member_grades(line: str, want: str) -> None:
    from pipeline.names import drop_member_grades
    assert drop_member_grades(line) == want


@pytest.mark.parametrize("line", [
    "Kofi Mensah-Barlow , Member, IEEE, Ingrid Solheim , and Tao Rennick , Senior Member, IEEE",
    "Anna Berg, Ingrid Solheim, and Tao Rennick",
])
def test_both_stages_read_grades_and_a_comma_before_and(line: str) -> None:
    from pipeline.metadata.authors import parse_author_line
    from pipeline.repair.front import name_list
    found = parse_author_line(line)
    assert found is not None and len(found) == 3 and found[1].name == "Ingrid Solheim"
    assert name_list(line) is not None and len(name_list(line) or []) == 3


@pytest.mark.parametrize(("line", "want"), [
    ("Wen Okafor a, b, Priya Lindqvist a, Mateus Reyes b, Yuki Brandt a, *", ["Wen Okafor", "Priya Lindqvist", "Mateus Reyes", "Yuki Brandt"]),
    ("John A. Smith, Maria Petrova", ["John A. Smith", "Maria Petrova"]),  # a final letter is no marker
    ("Anna Berg a, b, Cecilia Ruiz", ["Anna Berg", "Cecilia Ruiz"]),
])
def test_repair_reads_letter_markers_set_apart_by_spaces(line: str, want: list[str]) -> None:
    assert name_list(line) == want


@pytest.mark.parametrize(("line", "want"), [
    ("И. И. Иванов[1], П. П. Петров[1,2]", "И. И. Иванов1, П. П. Петров1,2"), ("Anna Berg [1], Tom Ray [2]", "Anna Berg1, Tom Ray2"),
    ("see the review [12] and [3]", "see the review12 and3"),  # (the parsers then find no names in it)
    ("[Home](https://x.org)", "[Home](https://x.org)"),
])
def test_unbracket_markers(line: str, want: str) -> None:
    from pipeline.names import unbracket_markers
    assert unbracket_markers(line) == want


def test_both_stages_read_bracketed_markers() -> None:
    line = "И. И. Иванов[1], П. П. Петров[1,2]"
    found = parse_author_line(line)
    assert found is not None and [(a.name, a.markers) for a in found] == [("И. И. Иванов", ["1"]), ("П. П. Петров", ["1", "2"])]
    assert name_list(line) == ["И. И. Иванов", "П. П. Петров"]
    assert parse_author_line("see the review [12] and [3]") is None


@pytest.mark.parametrize(("line", "want"), [
    ("А. У. Карповіч, Дз. П. Мацкевіч", ["А. У. Карповіч", "Дз. П. Мацкевіч"]),  # a Belarusian two-letter initial
    ("A. U. Karpovich, Dz. P. Matskevich", ["A. U. Karpovich", "Dz. P. Matskevich"]),
    ("L. R. Pyzhova, S. Yu. Dronov and Zh. K. Tokayeva", ["L. R. Pyzhova", "S. Yu. Dronov", "Zh. K. Tokayeva"]),
])
def test_both_stages_read_two_letter_initials(line: str, want: list[str]) -> None:
    assert [a.name for a in parse_author_line(line) or []] == want
    assert name_list(line) == want


@pytest.mark.parametrize("line", ["Dr. Smith, Mr. Jones", "St. Petersburg, Ch. Lee"])
def test_other_abbreviations_are_no_initials(line: str) -> None:
    # ("Ch." is one; "Dr.", "Mr." and "St." are not.)
    assert parse_author_line(line) is None


def test_a_capitals_lines_and_separates_names() -> None:
    assert name_list("MATEUSZ ZIELIŃSKI AND YUKI HARADA-LINDQVIST") == ["MATEUSZ ZIELIŃSKI", "YUKI HARADA-LINDQVIST"]
    assert name_list("ИВАН ПЕТРОВ И АННА СИДОРОВА") == ["ИВАН ПЕТРОВ", "АННА СИДОРОВА"]
    assert name_list("RUSSIA AND THE WORLD ECONOMY") is None


@pytest.mark.parametrize(("line", "aff"), [
    ("Уральская государственная консерватория имени М. П. Мусоргского, Екатеринбург, Россия", True),
    ("Conservatoire national supérieur de musique, Lyon, France", True),
    ("Консерваторы и либералы в Государственной думе", False),
])
def test_a_conservatory_is_an_institution(line: str, aff: bool) -> None:
    from pipeline.metadata.authors import is_affiliation
    assert is_affiliation(line) is aff
