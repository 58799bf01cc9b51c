"""Name forms both the repair stage (telling an author line from a title's line) and the metadata stage
(reading the authors) meet."""

from __future__ import annotations

import re

# Who prepared a notice, as a page signs it at its end: "Информацию подготовила Е. С. Мартынова",
# "Prepared by Jane Doe".
PREPARED_BY = (r"(?:(?:информацию|материал|текст|новость|інформацію|матеріал|новину)\s+)?"
               r"(?:подготовил[аи]?|підготува(?:в|ла|ли))|(?:prepared|compiled)\s+by")
# The words a byline opens with, before the names ("By", "Words by", "Текст:", "Autor:"): in the
# languages of the allowed list. Repair keeps such a line as the article's; metadata reads its names.
_BY_PHRASE = r"(?:written|posted|reported|story|words|text|reporting|interview)\s+by"
# A post signed with the writing hand: "✍️ Тарас Климчук".
_WRITING_HAND = r"✍\ufe0f?"
BYLINE_WORDS = (
    r"(?:" + _BY_PHRASE + r"|by|авторы?|текст|tekst|text|"
    r"author(?:s)?|автор\s+(?:статьи|материала)|от|przez|"
    # A news report's: "Корреспондент: Анна Лушникова", "Reporter: Jane Doe".
    r"корреспондент(?:ка)?|кореспондент(?:ка)?|журналист(?:ка)?|журналіст(?:ка)?|correspondent|reporter|"
    + PREPARED_BY + "|" + _WRITING_HAND + "|"
    r"par|por|von|di|door|autor(?:es|in|en|ka|zy)?|auteur(?:e|s|es)?|autore|autori|автори|автор)"
)
# The byline words spelt out (not a bare "by" or "автор"): under the article such a cue needs no colon
# after it ("Written by Jane Doe", "Информацию подготовила ...", "✍️ Тарас Климчук").
SPELT_OUT_BYLINE = rf"(?:{_BY_PHRASE}\s|{PREPARED_BY}|{_WRITING_HAND})"
# An initial of two letters for one sound, as a transliteration or the Belarusian alphabet prints it:
# "Yu. A. Ivanov", "Zh. K. Tokayeva", "Дз. П. Мацкевіч".
_DIGRAPH_INITIAL = r"(?:Ch|Sh|Zh|Kh|Ts|Yu|Ya|Ye|Yo|Dz|Дз|Дж)"


def initials(upper: str) -> str:
    """The pattern of a name's initials ("J.", "И.И.", "J.-P.", "A. B.", "Yu. A."), with ``upper`` the
    character class body of the capital letters a name may start with.

    >>> bool(re.fullmatch(initials("A-ZА-Я"), "Дз. П.")), bool(re.fullmatch(initials("A-Z"), "Dr."))
    (True, False)
    """
    one = rf"(?:{_DIGRAPH_INITIAL}|[{upper}])\."
    return rf"{one}(?:\s?-?{one})*"


# A name in Latin letters followed by the same name in Chinese or Japanese characters (two to four).
_HAN_FORM = re.compile(r"(?<=[^\W\d_])\s+[\u3400-\u4dbf\u4e00-\u9fff]{2,4}\s*$")


def drop_han_form(text: str) -> str:
    """A romanised name without the Han form printed after it; any other text as it is.

    ``"Chen Yuting 陳雨婷"`` -> ``"Chen Yuting"``; ``"陳雨婷"`` -> ``"陳雨婷"``
    """
    return _HAN_FORM.sub("", text) if text and text[-1] >= "\u3400" else text


# A society's membership grade after a name, as engineering journals print it: "Jane Doe, Senior
# Member, IEEE".
_MEMBER_GRADE = re.compile(
    r"\s*,?\s*(?:(?:student|senior|life|graduate\s+student|associate)\s+)?(?:member|fellow)\s*,?\s*"
    r"(?:IEEE|ACM|OSA|SPIE|IET|ASME|AIAA|SIAM)\b", re.IGNORECASE)


def drop_member_grades(text: str) -> str:
    """An author line without the membership grades printed after its names.

    ``"Jan Roth, Senior Member, IEEE, and Ana Ruiz, Fellow, IEEE"`` -> ``"Jan Roth, and Ana Ruiz"``
    """
    if "ember" not in text and "ellow" not in text and "EMBER" not in text and "ELLOW" not in text:
        return text
    return _MEMBER_GRADE.sub("", text)


# Affiliation markers printed in brackets after a name (a PDF-to-markdown converter's superscripts):
# "Иванов[1]", "Petrov [1,2]".
_BRACKETED_MARKER = re.compile(r"(?<=[^\W\d_.])\s?\[(\d{1,2}(?:\s*,\s*\d{1,2})*)\](?!\()")


def unbracket_markers(text: str) -> str:
    """An author line with its bracketed markers written as plain ones after the names.

    ``"И. И. Иванов[1], П. П. Петров [1,2]"`` -> ``"И. И. Иванов1, П. П. Петров1,2"``
    """
    return _BRACKETED_MARKER.sub(lambda m: m.group(1).replace(" ", ""), text) if "[" in text else text


# A pandoc superscript ("^1,2^"), as converters print affiliation markers.
_PANDOC_SUPERSCRIPT = re.compile(r"\^([0-9a-h*†‡,]{1,12})\^")


def split_pandoc_markers(text: str) -> tuple[str, list[str]]:
    """A name (or line) without its pandoc superscript markers, and the markers.

    ``"Полина Кондратьева^1,2^"`` -> ``("Полина Кондратьева", ["1,2"])``
    """
    if "^" not in text:
        return text, []
    found = _PANDOC_SUPERSCRIPT.findall(text)
    return (_PANDOC_SUPERSCRIPT.sub("", text).strip(), found) if found else (text, [])
