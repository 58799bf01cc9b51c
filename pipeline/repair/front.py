"""The shape of front-matter lines, for unwrapping: a line of personal names, an affiliation line.

Hard-wrapped text (PDF extraction) often prints its front matter without blank lines: the title,
then the authors, then their affiliation. Line unwrapping would run them into one paragraph; these
pure tests of a line's shape let it end the title where the authors start. (The metadata stage has
its own, richer author parsing; data flows one way, so repair does not import it.)
"""

from __future__ import annotations

import re

from pipeline.names import BYLINE_WORDS, drop_han_form, drop_member_grades, initials, unbracket_markers

_UP = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁЂ-ЏҐЄІЇ"
_LO = "a-zß-öø-ÿā-žа-яёђ-џґєії"
# A capitalised name word ("Anna", "McDermott", "O'Neil", "Jean-Luc", "Петрова"), or one in capitals
# ("PETROVA"): at least two letters, an initial is matched on its own.
_NAME_WORD = rf"[{_UP}](?:[{_LO}]+|[{_UP}]+|(?=['’]))(?:['’][{_UP}][{_LO}]+|[{_UP}][{_LO}]+)*(?:-[{_UP}][{_LO}{_UP}]+)*"
_INITIALS = initials(_UP)
_PARTICLE = r"(?:van|von|der|den|de|del|della|di|da|dos|das|du|la|le|ten|ter|bin|ibn|al|el|zu)"
# Affiliation markers after a name: digits (also superscript), * † ‡ §, a lone letter a–h.
# (Letters may be set apart by spaces, a star after a comma: "Okafor a, b", "Brandt a, *".)
_MARKER = r"(?:(?:[0-9¹²³⁴-⁹⁰]{1,2}(?:\s*,\s*[0-9¹²³⁴-⁹⁰]{1,2})*[*†‡§#]*|[*†‡§#]+|[a-h](?:\s?,\s?[a-h](?![\w.]))*)(?:\s?,\s?[*†‡§#]+)?)"
# (A capitals line's "AND" is no name word.)
_NAME_TOKEN = rf"(?:{_INITIALS}|(?!(?:AND|И)\b){_NAME_WORD}|{_PARTICLE})"
_NAME = (
    rf"(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,4}})"
    rf"\s*{_MARKER}?"
)
# (A line in capitals writes its "and" so: "ANNA BERG AND TOM RAY".)
_SEP = r"\s*(?:,?\s*(?:\band\b|\bи\b|\bAND\b|\bИ\b)|,|;|&|\|)\s*"
_NAME_ITEM_RE = re.compile(rf"\s*{_NAME}(?={_SEP}|\s*$)")
_SEP_RE = re.compile(_SEP)
_INITIALS_RE = re.compile(_INITIALS)
_PARTICLE_RE = re.compile(_PARTICLE)
_WORD_RE = re.compile(rf"{_INITIALS}|\S+")

# Capitalised words that title-cased headings use and personal names do not: with one of them a
# line of capitalised words is a wrapped title ("In Central Asia", "Energy and Security Policy").
_NOT_NAME_WORDS = frozenset(
    w.lower()
    for w in (
        "The A An Of And In On For With To From By At As Into Over Under Upon Via Versus Vs New Old Why How "
        "What When Where Who Is Are Was Were Be Its Their Our Your Between Among About Against After Before "
        "Beyond Through Toward Towards Within Without Global World International National Regional Relations "
        "Politics Policy Policies Economy Economic Economics Security Development Cooperation Integration "
        "State States Studies Study Analysis Review Approach Case Theory Role Impact "
        "Introduction Conclusion Abstract Keywords Summary References Contents Chapter Part Section Table "
        "Figure University Institute School Department Faculty College Academy Center Centre Journal "
        "America Europe Asia Africa Eurasia East West North South Eastern Western Central Northern Southern Middle "
        "В На О Об По Для Из От До При Под Над Как Что Или Его Их Мир Политика Экономика "
        "Введение Заключение Аннотация Университет Институт Кафедра Факультет Академия Центр"
    ).split()
)

# An institution word, or an e-mail address: the line that follows an author line.
_AFFILIATION_RE = re.compile(
    r"(?i)\b(?:universit\w*|institut\w*|school|college|academy|department|faculty|centre|center|"
    r"laborator\w*|hospital|ministry|университет\w*|институт\w*|академи\w*|кафедр\w*|факультет\w*|"
    r"лаборатор\w*|universität|université|universidad|università)|[\w.+-]+@[\w-]+\.[\w.-]+"
)


def _is_name(name: str) -> bool:
    """Two to five name words or initials, at least one a word, none a title word."""
    words = _WORD_RE.findall(name)
    long_words = [w for w in words if not _INITIALS_RE.fullmatch(w) and not _PARTICLE_RE.fullmatch(w)]
    if not long_words:
        return False
    return not any(w.lower() in _NOT_NAME_WORDS for w in words if not _INITIALS_RE.fullmatch(w))


def name_list(line: str) -> list[str] | None:
    """The personal names a line lists, one to six of them, each with optional markers; else None.

    Names are separated by commas, semicolons, "&", "and" or "и"; a name is two to five capitalised
    words, initials ("A.", "И.И.") or particles ("van"), and no word that titles use ("In", "Policy").

    >>> name_list("John A. Smith, Maria Petrova")
    ['John A. Smith', 'Maria Petrova']
    >>> name_list("И.И. Иванов1, П.П. Петров2*")
    ['И.И. Иванов', 'П.П. Петров']
    >>> name_list("In Central Asia and Beyond") is None, name_list("This paper argues.") is None
    (True, True)
    """
    t = unbracket_markers(drop_member_grades(drop_han_form(line.strip())))
    if not t or len(t) > 300 or t[-1] in ".?!:" and not _INITIALS_RE.search(t[-2:] if len(t) > 1 else t):
        return None
    names: list[str] = []
    pos = 0
    while pos < len(t):
        m = _NAME_ITEM_RE.match(t, pos)
        if m is None or not _is_name(m.group("name")):
            return None
        names.append(m.group("name"))
        pos = m.end()
        sep = _SEP_RE.match(t, pos)
        if sep is None:
            break
        pos = sep.end()
    if pos < len(t) or not 1 <= len(names) <= 6:
        return None
    return names


# The word a byline opens with, in the allowed languages: "by", "von", "di", "par", "por", "автор".
_BYLINE_WORD_RE = re.compile(rf"^{BYLINE_WORDS}\s*[:\-–—]?\s+", re.IGNORECASE)


def is_byline(line: str) -> bool:
    """A byline: a byline word, then only personal names (``name_list``).

    A lower-case "di"/"by" line looks like the rest of the line above on a page with a line per
    paragraph; a byline is a line of its own.
    >>> is_byline("di Giulia Ferrandi"), is_byline("by Jane Doe and John Smith"), is_byline("di solito il mare è calmo")
    (True, True, False)
    """
    m = _BYLINE_WORD_RE.match(line.strip())
    return m is not None and name_list(line.strip()[m.end() :]) is not None


def is_affiliation_line(line: str) -> bool:
    """A line that names an institution or gives an e-mail address (and does not end a sentence).

    >>> is_affiliation_line("University of Somewhere, Department of Political Science")
    True
    >>> is_affiliation_line("The university sector grew fast in the 1990s.")
    False
    """
    t = line.strip()
    return len(t) < 200 and not t.endswith((".", "?", "!")) and _AFFILIATION_RE.search(t) is not None


_LIST_END_RE = re.compile(r"(?:,|;|&|\||\band|\bи)\s*$")
_MARKED_RE = re.compile(rf"{_INITIALS}|[0-9¹²³⁴-⁹⁰*†‡§#]")


def is_author_line(line: str, next_line: str) -> bool:
    """A complete line of authors, told from a title-cased line of a title by more than its shape.

    ``line`` must list names (``name_list``) and not end with a separator (the list goes on: see
    ``opens_author_list``); and one of: two or more names, an initial or an affiliation marker
    ("J. Smith", "Anna Lee1*"), or an affiliation / e-mail line right under it (``next_line``) - a
    single two-word name alone is too like a title's words ("Maritime Borders").

    >>> is_author_line("Peter Brown", "Institute of World Affairs, Berlin"), is_author_line("Peter Brown", "")
    (True, False)
    >>> is_author_line("Anna Lee, Tom Ray", ""), is_author_line("Anna Lee, Tom Ray,", "Ken Ito")
    (True, False)
    """
    names = name_list(line)
    if names is None or _LIST_END_RE.search(line):
        return False
    return len(names) >= 2 or _MARKED_RE.search(line) is not None or is_affiliation_line(next_line)


def opens_author_list(line: str, next_line: str) -> bool:
    """A line of authors whose list goes on on the next line, ending with a separator ("Anna Berg1 |
    Tom Ray2 |" / "Bo Li1"): the two lines read together list two names or more.

    >>> opens_author_list("Anna Lee1 | Tom Ray2 |", "Ken Ito1"), opens_author_list("Anna Lee, Tom Ray,", "and the rest")
    (True, False)
    """
    if not _LIST_END_RE.search(line) or not next_line.strip():
        return False
    names = name_list(f"{line.rstrip()} {next_line.strip()}")
    return names is not None and len(names) >= 2


# What a title's line may end with when the title goes on below: a mark or a function word.
_OPEN_END_RE = re.compile(
    r"(?:[,\-–—:;&/(|]|\b(?:a|an|the|of|and|or|in|on|at|to|for|from|with|by|into|as|vs\.?|versus|between|"
    r"и|в|во|на|о|об|с|со|к|по|для|из|от|до|при|как|или))\s*$",
    re.IGNORECASE,
)


def ends_open(line: str) -> bool:
    """The line ends with a mark or a function word that the next line must finish.

    >>> ends_open("The Politics of"), ends_open("Energy, Water and"), ends_open("after the Cold War")
    (True, True, False)
    """
    return _OPEN_END_RE.search(line) is not None
