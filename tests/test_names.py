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
