"""Letter counts, the unit the report and the dataset card measure languages in.

Shared by the shards (which count each record's segments as they write it) and the report
(which counts an existing segments.jsonl when a state store written by an older version has no counts).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

_ASCII_BYTES = bytes(range(128))


def non_ascii(data: bytes) -> str:
    """The characters of UTF-8 ``data`` (``"surrogatepass"`` bytes too) that are not ASCII, in order:
    the ASCII bytes deleted in C, so a text's few other characters can be looked at alone.

    >>> non_ascii("it’s “so”".encode())
    '’“”'
    """
    return data.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")


def in_capitals(text: str) -> bool:
    """Set in capitals: at least four letters in five upper case (a title in capitals may hold a small-letter
    abbreviation or suffix: "ЗЕМЛИ 1670-х гг."). Shared by repair (a title in capitals starts a block) and metadata.

    >>> in_capitals("ВОЛОГОДСКИЕ ЗЕМЛИ 1670-х гг."), in_capitals("Vologda"), in_capitals("1990")
    (True, False, False)
    """
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and 5 * sum(c.isupper() for c in letters) >= 4 * len(letters)


# Every ASCII character that is not a letter: deleted from ASCII text, what is left are its letters.
_ASCII_NON_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())
# Single-byte codepages most other text can be written in (Western European, then Cyrillic): each
# character is one byte and back, so the text's letters are what is left of its bytes once every byte
# that does not decode to a letter is deleted.
_CODEPAGES = {
    codec: bytes(b for b in range(256) if not bytes([b]).decode(codec, "ignore").isalpha())
    for codec in ("cp1252", "cp1251")
}


_LONG = 64  # characters: below this the calls of the UTF-8 path cost more than its passes save


def alpha_count(text: str) -> int:
    """Letters in ``text`` (``str.isalpha``). ``"Да, 2024 г."`` -> ``3``"""
    # One C pass (encode, delete) instead of a call per character, where the text allows it.
    if text.isascii():  # a flag of the string, no scan
        return len(text.encode("ascii").translate(None, _ASCII_NON_LETTERS))
    if len(text) >= _LONG:
        # Mostly ASCII (English or French with curly quotes, accents, dashes): its ASCII letters are
        # counted in its UTF-8 bytes and its few other characters alone, cheaper than the codepage's
        # charmap (a table lookup per character). Text in another script goes to the codepages.
        data = text.encode("utf-8", "surrogatepass")
        if 8 * (len(data) - len(text)) <= len(text):  # at most one character in eight is not ASCII
            return _mostly_ascii_count(data)
    return _non_ascii_count(text)


def _mostly_ascii_count(data: bytes) -> int:
    """``alpha_count`` of the text whose UTF-8 (``"surrogatepass"``) bytes are ``data``: its ASCII
    letters (a byte under 128 is a character of its own) plus the letters of its other characters,
    whose bytes are all 128 and over.

    >>> _mostly_ascii_count("It’s «déjà», 42".encode())
    7
    """
    kept = data.translate(None, _ASCII_NON_LETTERS)  # ASCII letters, and every byte of the other characters
    other = kept.translate(None, _ASCII_BYTES)
    return len(kept) - len(other) + (_non_ascii_count(other.decode("utf-8", "surrogatepass")) if other else 0)


def _non_ascii_count(text: str) -> int:
    """``alpha_count`` of a text that is not all ASCII: through a codepage it fits, else per character.

    >>> _non_ascii_count("Да, 2024 г.")
    3
    """
    for codec, non_letters in _CODEPAGES.items():
        try:
            data = text.encode(codec)
        except UnicodeEncodeError:  # fails at the first character outside the codepage
            continue
        return len(data.translate(None, non_letters))
    # map over the C method: a third of the cost of a generator expression, same count.
    return sum(map(str.isalpha, text))


def per_language(segments: Iterable[Mapping[str, Any]]) -> tuple[dict[str, int], dict[str, int]]:
    """(letters, segments) per language over segment dicts with ``lang`` and ``text``, keys sorted.

    ``[{"lang": "ru", "text": "Да."}, {"lang": "en", "text": "Yes"}, {"lang": "ru", "text": "Нет"}]`` ->
    ``({"en": 3, "ru": 5}, {"en": 1, "ru": 2})``
    """
    letters: dict[str, int] = {}
    counts: dict[str, int] = {}
    for seg in segments:
        lang = seg.get("lang") or "und"
        letters[lang] = letters.get(lang, 0) + alpha_count(seg.get("text") or "")
        counts[lang] = counts.get(lang, 0) + 1
    return dict(sorted(letters.items())), dict(sorted(counts.items()))
