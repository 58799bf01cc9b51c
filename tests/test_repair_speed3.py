"""Shortcuts of the repair stage (third round) against the general paths they replace."""

from __future__ import annotations

import math
from itertools import filterfalse

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import textscore
from pipeline.repair import encoding

# Lines of the kinds repair scores and scans: Cyrillic prose, the mojibake of it, mixed scripts,
# CJK, odd whitespace, digits of other scripts, surrogates, characters above U+FFFF, empty text.
_TEXTS = [
    "",
    " ",
    "plain English, nothing else.",
    "Ты делаешь",
    "Òû äåëàåøü",
    "Ð¿Ñ€Ð¸Ð²ÐµÑ‚ Ð¼Ð¸Ñ€",
    "рТЙЧЕФ НЙТ",
    "Россия и Китай — «партнёры» №5 § 3",
    "ChinaБ─≥s café naïve",
    "КиТай ПРИВЕТ Привет привет",
    "中国 policy 共和 国",
    "a\u00a0b\u2009c\u3000d\tе\x0bф",
    "x²³ ½ ٣٤ 12 ¹",
    "under_score snake_case_имя",
    "\ud800 lone \udfff surrogates Ж",
    "emoji \U0001F600 and 𝐀𝐁𝐂 math letters, Ω",
    "𐐀𐐁 deseret Кириллица",
    "ſ K İ ı ﬁ ﬀ",
    "\x80\x9f\x85 C1 controls Ã©",
    "╔═╗ box ─ drawing ▒",
    "¿¡ signs «» ©®™ °·• ‰€",
    "Ǆǅǆ titlecase ǈ",
]

_TEXT = st.text(
    st.one_of(
        st.characters(),
        st.sampled_from("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗ ÀÁÂÃÄÅàáâãäåÐÑÒÓ—–«»¿©°²\u00a0\ud800"),
    ),
    max_size=60,
)


def _cyrillic_score_by_words(text: str) -> float:
    """``cyrillic_score`` as it was written: a loop over the words and the general classes."""
    total = 0.0
    n = 0
    for dt, dn in map(textscore._cyrillic_word_share, filterfalse(str.isascii, textscore._LETTERS.findall(text))):
        total += dt
        n += dn
    k = sum(map(textscore._is_odd_symbol, textscore._NON_ASCII_NON_LETTER.findall(text)))
    return textscore._plus_foreign(total, k) / (n + k) if n + k else 0.0


def _same_float(a: float, b: float) -> bool:
    return a.hex() == b.hex() or (math.isnan(a) and math.isnan(b))


def test_bmp_classes_are_the_general_classes_over_every_bmp_character() -> None:
    every = textscore._ALL_BMP
    assert len(every) == 0x10000 and all(ord(c) == i for i, c in enumerate(every))
    assert textscore._BMP_LETTERS.findall(every) == textscore._LETTERS.findall(every)
    assert textscore._BMP_NON_ASCII_NON_LETTER.findall(every) == textscore._NON_ASCII_NON_LETTER.findall(every)
    # One character at a time too (a run could hide a character matched by neither).
    for c in every:
        assert bool(textscore._BMP_LETTERS.fullmatch(c)) == bool(textscore._LETTERS.fullmatch(c)), hex(ord(c))
        assert bool(textscore._BMP_NON_ASCII_NON_LETTER.fullmatch(c)) == bool(
            textscore._NON_ASCII_NON_LETTER.fullmatch(c)), hex(ord(c))


@pytest.mark.parametrize("c", ["\U00010000", "\U0001F600", "\U0001D400", "\U00010400", "\U0010FFFF", "\U000E0001"])
def test_bmp_symbol_class_takes_every_character_above_the_bmp(c: str) -> None:
    # (What cyrillic_score tells a text with such a character by.)
    assert textscore._BMP_NON_ASCII_NON_LETTER.fullmatch(c)


@pytest.mark.parametrize("text", [*_TEXTS, *("\U0001F600" + t for t in _TEXTS), " ".join(_TEXTS), "\n".join(_TEXTS) * 3])
def test_cyrillic_score_is_the_word_loop(text: str) -> None:
    assert _same_float(textscore.cyrillic_score.__wrapped__(text), _cyrillic_score_by_words(text))


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_cyrillic_score_is_the_word_loop_random(text: str) -> None:
    assert _same_float(textscore.cyrillic_score.__wrapped__(text), _cyrillic_score_by_words(text))


def _mostly_upper_by_counts(line: str) -> bool:
    """``encoding._mostly_upper`` as it was written: both kinds of letters counted in full."""
    up = len(encoding._CYR_UPPER.findall(line))
    return up >= 2 and up > len(encoding._CYR_LOWER.findall(line))


_CASE_LINES = [
    *_TEXTS,
    "АБ", "Аб", "АбВ", "АбвГ", "А и Б", "АА бб", "ААА бб", "ААа", "Ёё ЁЁ", "ЁЁЁ ёё",
    "США и РФ", "рТЙЧЕФ, ЛБЛ ДЕМБ?", "ВВЕДЕНИЕ в проблему", "Ᲊ ᲀ ᲃ Ѐ ѐ Ѣ ѣ",  # letters outside А-я
]


@pytest.mark.parametrize("line", _CASE_LINES)
def test_mostly_upper_is_the_full_count(line: str) -> None:
    assert encoding._mostly_upper(line) == _mostly_upper_by_counts(line)


@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from("АБВЁЯабвёя ZzÀ\n\ud800"), max_size=40))
def test_mostly_upper_is_the_full_count_random(line: str) -> None:
    assert encoding._mostly_upper(line) == _mostly_upper_by_counts(line)
