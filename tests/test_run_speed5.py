"""The runner's speed work, fifth round: each shortcut against the plain path it replaces, over tricky
and random inputs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.run.discover import Glob, _glob_match

# --- the input glob ------------------------------------------------------------------------------

PATTERNS = ["**/*.txt", "*.txt", "**/*", "*", "**", "**/**/*.txt", "**/sub/*.txt", "sub/*.txt", "a.txt",
            "/*.txt", "//x/*.txt", "/", "**/", "**/**/", "./*.txt", "a//b.txt", "*.[tT][xX][tT]", "[!.]*",
            "?.txt", "**/Привет*", "*你好*", "**/*.txt/", "x/./y", "**/.hidden*", "*\udcff*", "[a-", "**/ *",
            "**/*\n*", "\u00e9*", "e\u0301*"]
RELS = ["a.txt", "b.TXT", "sub/a.txt", "sub/deep/a.txt", "x", "a.md", ".hidden.txt", "Привет 你好.txt",
        "d/Привет.txt", "new\nline.txt", " lead.txt", "tab\t.txt", "bad\udcff.txt", "sub/b.txt.bak",
        "a", "\u00e9t\u00e9.txt", "e\u0301t\u00e9.txt", "x/y", "sub", "**", "[a-", "a/b/c/d/e/f.txt"]


def _same(rel: str, pattern: str) -> None:
    try:
        want: bool | str = _glob_match(rel, pattern)
    except ValueError as e:
        want = f"ValueError: {e}"
    try:
        got: bool | str = Glob(pattern).match(rel)
    except ValueError as e:
        got = f"ValueError: {e}"
    assert got == want, (rel, pattern)


@pytest.mark.parametrize("pattern", PATTERNS + ["", "."])
@pytest.mark.parametrize("rel", RELS)
def test_glob_is_pathlib_match(rel: str, pattern: str) -> None:
    _same(rel, pattern)


_name = st.text(st.sampled_from("ab.*?[]!-/ txTé你\udcff"), min_size=1, max_size=6).filter(
    lambda s: "/" not in s and s not in (".", ".."))
_pattern = st.text(st.sampled_from("ab.*?[]!-/ txTé你\udcff"), max_size=12)


@given(names=st.lists(_name, min_size=1, max_size=4), pattern=_pattern, stars=st.integers(0, 2))
@settings(max_examples=1500, deadline=None)
def test_glob_is_pathlib_match_random(names: list[str], pattern: str, stars: int) -> None:
    _same("/".join(names), "**/" * stars + pattern)
