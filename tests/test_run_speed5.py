"""The runner's speed work, fifth round: each shortcut against the plain path it replaces, over tricky
and random inputs."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.run.discover import Glob
from tests.glob_reference import glob_match as _glob_match

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


# --- a part file's entry in one writev -------------------------------------------------------------

BLOCKS = [[b"x"], [b"", b""], [b"{\"path\":\"a\"}\n", "Привет 你好 \udcff".encode("utf-8", "surrogatepass"), b"\n"],
          [b"", b"ab", b"", b"c", b""], [bytes(range(256)) * 300, b"\x00", "漢字\u2028\t".encode() * 5000]]


@pytest.mark.parametrize("blocks", BLOCKS)
@pytest.mark.parametrize("cut", [None, 1, 7, 4096])
def test_writev_all_writes_what_a_join_would(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             blocks: list[bytes], cut: int | None) -> None:
    import os

    from pipeline.run import sandbox

    if cut is not None:  # writes cut short after ``cut`` bytes, as a full pipe or a signal would
        real = os.writev

        def short(fd: int, bufs: list[bytes]) -> int:
            data = b"".join(bytes(b) for b in bufs)[:cut]
            return real(fd, [data])

        monkeypatch.setattr(sandbox.os, "writev", short)
    path = tmp_path / "part"
    with path.open("wb") as f:
        sandbox.writev_all(f.fileno(), blocks)
        sandbox.writev_all(f.fileno(), blocks)
    assert path.read_bytes() == b"".join(blocks) * 2


@given(st.lists(st.binary(max_size=300), max_size=8))
@settings(max_examples=200, deadline=None)
def test_writev_all_random(blocks: list[bytes]) -> None:
    import os

    from pipeline.run import sandbox

    r, w = os.pipe()
    try:
        want = b"".join(blocks)
        sandbox.writev_all(w, blocks)
        os.close(w)
        w = -1
        got = b""
        while chunk := os.read(r, 1 << 16):
            got += chunk
        assert got == want
    finally:
        os.close(r)
        if w >= 0:
            os.close(w)
