"""How plausible a piece of text is as prose: the measure behind charset and mojibake decisions.

Shared by ingest (which of several codepages reads the bytes best) and repair (is a line better
after undoing a mix-up). Letter pairs of Cyrillic words are scored with the ru/uk/bg profiles
that ship with langdetect (a mandated dependency), so no word list is needed; Latin words with
accents score as ordinary prose when accents are a minority of their letters; mixed-script
words, cAsE-mixed words and stray symbols score as the worst case.
"""

from __future__ import annotations

import functools
import json
import math
import re
import struct
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from itertools import filterfalse
from typing import Any, TypeVar

FLOOR = -11.0  # log-probability of a letter pair never seen in the profiles
FOREIGN = -12.0  # a character that prose does not have there (mixed-script word, stray symbol)
LATIN_OK = -6.5  # an accented letter in an ordinary Latin word (about a Cyrillic letter's score)

_IS_CYR = re.compile("[\u0400-\u04ff]")
_WORD = re.compile(r"[^\W\d_]+")
_TYPOGRAPHY = set("«»„“”‘’‚–—…№§°·•©®™\u00a0\u2009\u202f\u2002\u2003\u2007\u2008\u200a")


@lru_cache(maxsize=1)
def _bigram_logprob() -> dict[str, float]:
    """Letter-pair log-probabilities (space = word edge) from langdetect's ru/uk/bg profiles."""
    table: dict[str, float] = {}
    for lang in ("ru", "uk", "bg"):
        data = json.loads(resources.files("langdetect").joinpath("profiles", lang).read_text(encoding="utf-8"))
        total = data["n_words"][1]
        for gram, count in data["freq"].items():
            if len(gram) == 2 and _IS_CYR.search(gram):
                lp = math.log(count / total)
                if lp > table.get(gram, -math.inf):
                    table[gram] = lp
    return table


def _is_cyr(c: str) -> bool:
    return "\u0400" <= c <= "\u04ff"


def _is_latin_ext(c: str) -> bool:
    return "\u00c0" <= c <= "\u024f"


# Cached: a pure function of one character, so the cache holds nothing of any text (unlike a cache of
# words or lines) and may live as long as the process; every scorer asks it about the same few symbols.
@lru_cache(maxsize=8192)
def _is_odd_symbol(c: str) -> bool:
    """Symbols and controls mojibake is made of (Latin-1 signs, C1, box drawing, math) but prose is not.

    CJK punctuation and the typography of ordinary prose (quotes, dashes, №) are not odd.
    """
    if c in _TYPOGRAPHY or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef":
        return False
    return unicodedata.category(c)[0] in "SCZ" or "\u00a1" <= c <= "\u00bf"


@lru_cache(maxsize=8192)
def cyrillic_score(text: str) -> float:
    """Mean log-probability per character of reading ``text`` as Cyrillic prose (higher is better).

    ASCII is ignored (every mix-up keeps it as it is), and so are letters of other scripts
    (Chinese, Greek...), which mojibake does not produce. Latin letters with diacritics,
    mixed-script words and stray symbols count as the worst case. Cached: repair scores the
    same line more than once (emptied per document by repair.encoding.forget_lines).
    >>> cyrillic_score("Ты делаешь") > cyrillic_score("Òû äåëàåøü")
    True
    """
    if text.isascii():
        return 0.0  # no word with a non-ASCII letter, no non-ASCII symbol: nothing counted
    # Without characters above U+FFFF, the same runs are found with classes spelled out (a table
    # look-up per character instead of the Unicode category tests of \w and \d). The class of
    # symbols takes every character above U+FFFF as well: if there is one, it says so.
    others = _BMP_NON_ASCII_NON_LETTER.findall(text)
    if others and max(others) > "\uffff":
        letters, others = _LETTERS, _NON_ASCII_NON_LETTER.findall(text)
    else:
        letters = _BMP_LETTERS
    total = 0.0
    n = 0
    # Each word's share is worked out once (cached), added in the order of the words as before.
    # The words are every run of letters, less the all-ASCII ones.
    for dt, dn in map(_cyrillic_word_share, filterfalse(str.isascii, letters.findall(text))):
        total += dt
        n += dn
    k = sum(map(_is_odd_symbol, others))
    return _plus_foreign(total, k) / (n + k) if n + k else 0.0


def _bmp_class(runs: re.Pattern[str]) -> str:
    """A regex class body of the characters up to U+FFFF that ``runs`` (one class, repeated) matches, as
    ranges read from its matches in the string of all those characters: the pattern itself says
    which characters are in.

    >>> _bmp_class(re.compile("[a-cx]+"))
    'a-cx'
    """
    return "".join(
        re.escape(m.group()) if m.end() - m.start() == 1 else f"{re.escape(m.group()[0])}-{re.escape(m.group()[-1])}"
        for m in runs.finditer(_ALL_BMP)
    )


# (Decoded from their code points in one go: a join of 65536 one-character strings takes longer.)
_ALL_BMP = struct.pack("<65536I", *range(0x10000)).decode("utf-32-le", "surrogatepass")


# Words (letter runs) with at least one non-ASCII letter; all-Cyrillic words; the letters that
# make a mixed word suspect; non-ASCII characters that are not letters.
# (The look-behind starts a match only where a run of letters starts, and the ASCII prefix is
# spelled out: no backtracking inside every English word.)
_NON_ASCII_WORD = re.compile(r"(?<![^\W\d_])[a-zA-Z]*[^\W\d_\x00-\x7f][^\W\d_]*")
_LETTERS = re.compile(r"[^\W\d_]+")
_CYR_WORD = re.compile("[\u0400-\u04ff]+")
_CYR_OR_LATIN_EXT = re.compile("[\u0400-\u04ff\u00c0-\u024f]")
_NON_ASCII_NON_LETTER = re.compile(r"[^\x00-\x7f\w]")
# The same two classes for a text without characters above U+FFFF, spelled out (a test checks them
# against the patterns over every such character); the second takes any character above U+FFFF too.
_BMP_LETTERS = re.compile(f"[{_bmp_class(_LETTERS)}]+")
_BMP_NON_ASCII_NON_LETTER = re.compile(f"[{_bmp_class(re.compile(_NON_ASCII_NON_LETTER.pattern + '+'))}\U00010000-\U0010ffff]")


@lru_cache(maxsize=65536)
def _cyrillic_word_share(w: str) -> tuple[float, int]:
    """One word's share of ``cyrillic_score``: (sum, characters counted). An all-Cyrillic word is
    scored by its letter pairs; in any other word each Cyrillic or accented Latin letter is foreign.

    >>> _cyrillic_word_share("Китай")[1], _cyrillic_word_share("Chinaб"), _cyrillic_word_share("café")
    (5, (-12.0, 1), (-12.0, 1))
    """
    if _CYR_WORD.fullmatch(w):
        return _cyrillic_word_cached(w), len(w)
    k = len(_CYR_OR_LATIN_EXT.findall(w))
    return FOREIGN * k, k


def _plus_foreign(total: float, k: int) -> float:
    """``total`` plus ``FOREIGN`` ``k`` times, one addition each: the sum a loop over the ``k``
    characters makes, bit for bit (``total + FOREIGN * k`` can round differently).

    >>> _plus_foreign(0.1, 3) == 0.1 + FOREIGN + FOREIGN + FOREIGN
    True
    """
    for _ in range(k):
        total += FOREIGN
    return total


def odd_symbol_count(text: str) -> int:
    """Characters of ``text`` that are not letters and are ``_is_odd_symbol``.

    >>> odd_symbol_count("Ð¿Ñ€Ð¸ — «ok» ²")  # ¿ € ¸ ², not the dash and quotes of prose
    4
    """
    # Each distinct character is judged once, then counted in C.
    return sum(text.count(c) for c in set(text) if not c.isascii() and not c.isalpha() and _is_odd_symbol(c))


def reading_score(text: str) -> float:
    """Like ``cyrillic_score``, but ordinary accented Latin words count as prose too.

    For choosing among codepages that read the same bytes as Latin or as Cyrillic letters.
    >>> reading_score("Le garçon") > reading_score("Le garзon"), reading_score("Привет") > reading_score("Ïðèâåò")
    (True, True)
    """
    total = 0.0
    n = 0
    # Only words with a non-ASCII letter count; each word's share is worked out once (cached).
    for w in _NON_ASCII_WORD.findall(text):
        dt, dn = _reading_word(w)
        if dn:
            total += dt
            n += dn
    k = odd_symbol_count(text)
    total = _plus_foreign(total, k)
    n += k
    # A sign glued to the front of a word ("®лка") is a letter read in the wrong codepage.
    k = len(_SIGN_BEFORE_LETTER.findall(text))
    total += FOREIGN * k
    n += k
    return total / n if n else 0.0


@lru_cache(maxsize=65536)
def _reading_word(w: str) -> tuple[float, int]:
    """One word's share of ``reading_score``: (sum, characters counted)."""
    cyr = sum(1 for c in w if _is_cyr(c))
    ext = sum(1 for c in w if _is_latin_ext(c))
    if cyr == len(w):
        return _cyrillic_word_cached(w), len(w)
    if cyr == 0 and ext:
        accented_share = ext / len(w)
        return (LATIN_OK if accented_share <= 0.4 else FOREIGN) * ext, ext
    if cyr:
        return FOREIGN * (cyr + ext), cyr + ext
    return 0.0, 0


_SIGN_BEFORE_LETTER = re.compile(r"[©®™°№§](?=[^\W\d_])")


@lru_cache(maxsize=65536)
def _cyrillic_word_cached(w: str) -> float:
    return _cyrillic_word(w, _bigram_logprob())


def _cyrillic_word(w: str, table: dict[str, float]) -> float:
    total = 0.0
    # cAsE mixed inside a word is typical of a codepage swap.
    if not (w.islower() or w.isupper() or (w[0].isupper() and w[1:].islower())):
        total += FOREIGN * len(w) / 2
    low = " " + w.lower() + " "
    for i in range(len(low) - 1):
        total += table.get(low[i : i + 2], FLOOR)
    return total


_T = TypeVar("_T")

# A line cache keeps thousands of ordinary lines but only the last few longer than this (an
# unwrapped paragraph, a document without line ends): it must never hold many whole documents.
LONG_LINE = 2000


def line_cache(fn: Callable[..., _T]) -> Callable[..., _T]:
    """``fn(line, ...)``, a pure function of its arguments, cached: up to 4096 lines of at most
    ``LONG_LINE`` characters, and the last four longer ones (what repair asks about again).

    >>> calls = []
    >>> @line_cache
    ... def shout(line: str) -> str:
    ...     calls.append(line)
    ...     return line.upper()
    >>> shout("a"), shout("a"), len(shout("b" * 3000)), len(shout("b" * 3000)), len(calls)
    ('A', 'A', 3000, 3000, 2)
    """
    short = lru_cache(maxsize=4096)(fn)
    long = lru_cache(maxsize=4)(fn)

    @functools.wraps(fn)
    def cached(line: str, *args: Any, **kwargs: Any) -> _T:
        return (short if len(line) <= LONG_LINE else long)(line, *args, **kwargs)

    def cache_clear() -> None:
        short.cache_clear()
        long.cache_clear()

    cached.cache_clear = cache_clear  # type: ignore[attr-defined]
    return cached
