"""The shortcuts that keep repair cheap must answer exactly as the long way round does."""

from __future__ import annotations

import ftfy
import pytest

from pipeline.repair import encoding

FTFY_LINES = ["plain ASCII", "Россия и Китай", "cafÃ©", "ﬁnance", "bell\x1b[0m", "C1\x85", "e\u0301",
              "â€œquotedâ€\x9d", "lossy â€� end", "Â\xa0nbsp"]


@pytest.mark.parametrize("line", FTFY_LINES)
def test_ftfy_line_matches_ftfy(line: str) -> None:
    memo: dict[str, str] = {}
    expected = ftfy.fix_text(line, encoding.FTFY_CONFIG) if encoding.needs_ftfy(line) else line
    assert encoding.ftfy_line(line) == expected
    assert encoding.ftfy_line(line, memo) == expected
    assert memo == {line: expected}
    assert encoding.ftfy_line(line, memo) == expected  # answered from the memo


def test_ftfy_line_uses_the_memo() -> None:
    # A memo entry is taken as ftfy's answer: ftfy is not asked again.
    assert encoding.ftfy_line("cafÃ©", {"cafÃ©": "sentinel"}) == "sentinel"
