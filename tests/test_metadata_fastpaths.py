"""The metadata stage's shortcuts give exactly what the general paths they replace give.

Each shortcut is compared with the plain form it stands for, over a table of tricky texts (non-ASCII,
empty, surrogates, Cyrillic, CJK, odd whitespace) and over random texts built from the pieces that
matter to it (hypothesis).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.metadata import keywords_abstract as ka

ODD = [
    "", " ", "\n", "\t", "\u00a0", "\u2003", "\u3000", "\x85", "\x1c", "\r\n", "\ud800", "\udfff", "é", "ж", "Ж",
    "中", "关键词", "キーワード", "\u212a", "ſ", "İ", "ı", "ß", "ﬁ", "2024", "10.1234/x", "**", "__", "#", ">",
]


def _pieces_strategy(pieces: list[str], max_size: int = 30) -> st.SearchStrategy[str]:
    """Texts joined from ``pieces`` and arbitrary characters (surrogates included)."""
    piece = st.one_of(st.sampled_from(pieces), st.text(max_size=3))
    return st.lists(piece, max_size=max_size).map("".join)


# --- cues after a sentence end ------------------------------------------------------------------

CUE_PIECES = [
    "Keywords", "keywords", "KEY WORDS", "Key-words", "key  words", "Ключевые слова", "КЛЮЧЕВЫЕ СЛОВА", "Abstract",
    "Аннотация", "Summary", "Резюме", "About the authors", "DOI", "doi", "JEL", "Для цитирования", "Received",
    "Introduction", "mots-clés", "摘要", "概要", "\u212aeywords", "ſummary", "A", "In", "The", "Kelvin", "i",
    ":", ": ", ".", ". ", "!", "?", "»", "”", '"', "“", "«", ",", "—", "-", "–", "：", " ", "  ", "\n", " \n ", "\t",
    "**", "__", "*", "_", *ODD,
]
INNER_TRICKY = [
    "", ".", "\n", "Text. Keywords: a. Then.", "a.\nAbstract. b.\n\nKeywords — c", ".\n" * 5 + "Summary: x",
    "Text.  **Keywords:** a", "Text.__Abstract__ — b", "x» Аннотация: y", "x” Keywords: y", 'x" Abstract. y',
    "Вот.\u00a0Ключевые слова: a", "文.关键词：a", "a!\u3000Summary: b", "a?\tKeywords- b", "a.\u212aeywords: b",
    "a. ſummary: b", "a.\ud800 Keywords: b", "a. Keywords\n: b", "a.\n\nKeywords", "a. ** Keywords:", "a. *Keywords:",
]


def _plain_inner_cue_marks(text: str) -> list[int]:
    """Every mark followed by spaces, bold marks and a cue's first letter, by one class scan."""
    first = "[" + re.escape("".join(sorted({c[0] for c in ka._KIND_OF}))) + "]"
    return [m.start() for m in re.finditer(rf"[.!?»”\"\n](?=\s*(?:\*\*|__)?{first})", text, re.IGNORECASE)]


def _spans(ms: list[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[int, int], str | None]]:
    return [(m.span(), m.span("cue"), m.group("sep")) for m in ms]


def _check_inner(text: str) -> None:
    assert ka.inner_cue_marks(text) == _plain_inner_cue_marks(text)
    assert _spans(ka._inner_matches(text)) == _spans(list(ka._INNER_RE.finditer(text)))


@pytest.mark.parametrize("text", INNER_TRICKY + ODD + CUE_PIECES)
def test_inner_cue_matches_table(text: str) -> None:
    _check_inner(text)
    _check_inner("Text. " + text + ". " + text)


@settings(max_examples=1500, deadline=None)
@given(_pieces_strategy(CUE_PIECES))
def test_inner_cue_matches_random(text: str) -> None:
    _check_inner(text)
