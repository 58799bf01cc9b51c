"""Dates: reading printed dates at their precision, and telling publication dates from the rest.

A publication date is only one the document states as such: after a cue (``Published:``,
``Опубликовано:``), on a date line or byline next to the title, or the year of a journal issue in
its running header. Access dates (``дата обращения: 27.05.2024``, ``accessed: 27.07.2024``),
received/accepted/updated dates and dates of events in the body are not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.metadata.text import cue_trie_regex

# Month names and their usual abbreviations, English, Russian and Ukrainian (nominative and genitive),
# with a few other European languages that share the day-month-year order (Portuguese among them), and
# Kazakh and Turkish (in the allowed languages; both print the day first too), and Serbian's own forms.
MONTHS: dict[str, int] = {}
for _num, _names in enumerate(
    [
        "january јануар jan январь января янв janvier janv januar jän enero ene gennaio gen janeiro styczeń stycznia січень січня қаңтар ocak januari ianuarie ledna leden ιανουαρίου ιανουαριου ιανουάριος ιανουαριος ιαν",
        "february фебруар feb febr февраль февраля фев февр février févr februar febrero febbraio fevereiro luty lutego лютий лютого ақпан şubat februari februarie února únor φεβρουαρίου φεβρουαριου φεβρουάριος φεβρουαριος φεβ",
        "march mar март марта мар mars märz mär marzo março marzec marca березень березня наурыз mart maart mrt martie března březen μαρτίου μαρτιου μάρτιος μαρτιος μαρ",
        "april apr апрель апреля апр avril avr abril aprile kwiecień kwietnia квітень квітня сәуір nisan aprilie dubna duben απριλίου απριλιου απρίλιος απριλιος απρ",
        "may мај май мая mai mayo maggio maio maj maja травень травня мамыр mayıs mei května květen μαΐου μαιου μαϊου μάιος μαιος μαΐ μαι",
        "june јун jun июнь июня июн juin juni junio giugno junho czerwiec czerwca червень червня маусым haziran iunie června červen ιουνίου ιουνιου ιούνιος ιουνιος ιουν",
        "july јул jul июль июля июл juillet juil juli julio luglio julho lipiec lipca липень липня шілде temmuz iulie července červenec ιουλίου ιουλιου ιούλιος ιουλιος ιουλ",
        "august avgust aug август августа авг août august agosto sierpień sierpnia серпень серпня тамыз ağustos augustus srpna srpen αυγούστου αυγουστου αύγουστος αυγουστος αυγ",
        "september septembar септембар sep sept сентябрь сентября сен сент septembre setiembre septiembre settembre setembro wrzesień września вересень вересня қыркүйек eylül septembrie září σεπτεμβρίου σεπτεμβριου σεπτέμβριος σεπτεμβριος σεπ",
        "october oktobar октобар oct октябрь октября окт octobre oktober octubre ottobre outubro październik października жовтень жовтня қазан ekim oktober okt octombrie října říjen οκτωβρίου οκτωβριου οκτώβριος οκτωβριος οκτ",
        "november novembar новембар nov ноябрь ноября ноя нояб novembre noviembre novembro listopad listopada листопад листопада қараша kasım noiembrie listopadu νοεμβρίου νοεμβριου νοέμβριος νοεμβριος νοε",
        "december decembar децембар dec декабрь декабря дек décembre déc dezember dez diciembre dic dicembre dezembro grudzień grudnia грудень грудня желтоқсан aralık decembrie prosince prosinec δεκεμβρίου δεκεμβριου δεκέμβριος δεκεμβριος δεκ",
    ],
    start=1,
):
    for _n in _names.split():
        MONTHS.setdefault(_n, _num)

# As a trie: the same matches as the plain alternation, longest first, at a fraction of the cost.
_MONTH_ALT = cue_trie_regex(MONTHS)
_MON = rf"(?P<mon>{_MONTH_ALT})\.?"
_YEAR = r"(?P<year>(?:1[6-9]|20)\d\d)"
# "14. März 2023": German, Polish and Bulgarian print the day with a full stop.
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|-?го|-?е|\.)?"
_YEAR_TAIL = r"(?:\s*(?:года|год|гг\.?|г\.?|року|р\.?)(?!\w))?"

# Each pattern names its groups; they are tried in this order at every position. Each starts with a
# lookahead for its first character (a digit, or a month name's first letter): a lookbehind comes
# next, so the engine tries every position, and the one-character test turns most away cheaply.
_MONTH_FIRST = "[" + re.escape("".join(sorted({name[0] for name in MONTHS}))) + "]"
_PATTERNS = [
    # 2024-05-28, 2024/05/28
    re.compile(r"(?=\d)(?<![\d.])(?P<year>(?:1[6-9]|20)\d\d)[-/](?P<m>0?[1-9]|1[0-2])[-/](?P<d>[0-3]?\d)(?![\d])"),
    # 28.12.2020, 28/12/2020, 12/28/2020 (order decided by day_first, or by a value > 12)
    re.compile(r"(?=\d)(?<![\d.])(?P<a>[0-3]?\d)[./](?P<b>[0-3]?\d)[./](?P<year>(?:1[6-9]|20)\d\d)(?![\d])"),
    # 5 May 2024, 5 мая 2024 г., 5th of May, 2024
    # (and the Spanish and Portuguese "7 de agosto de 2023")
    re.compile(rf"(?=\d)(?<![\w]){_DAY}\s+(?:of\s+|de\s+)?{_MON},?\s+(?:de\s+)?{_YEAR}{_YEAR_TAIL}(?!\d)", re.IGNORECASE),
    # May 5, 2024
    re.compile(rf"(?={_MONTH_FIRST})(?<![\w]){_MON}\s+{_DAY},?\s+{_YEAR}(?!\d)", re.IGNORECASE),
    # May 2024, мая 2024 г.
    re.compile(rf"(?={_MONTH_FIRST})(?<![\w]){_MON},?\s+(?:de\s+)?{_YEAR}{_YEAR_TAIL}(?!\d)", re.IGNORECASE),
    # 2022年10月, 2022 年 10 月 5 日 (Chinese and Japanese)
    re.compile(r"(?=\d)(?<![\d.])(?P<year>(?:1[6-9]|20)\d\d)\s*年\s*(?P<m>0?[1-9]|1[0-2])\s*月"
               r"(?:\s*(?P<d>[0-3]?\d)\s*日)?"),
]


# The patterns as find_dates scans for them: the same matches, but the two that start with a number
# start with what consumes its first digit (the year's "1" or "2", or a digit) instead of a lookahead:
# the regex engine scans for a class with one test per character, while a pattern that starts with a
# lookahead enters the matcher at every position. The lookbehind that read the character before the
# first digit reads it after ("1(?<![\d.]1)" is "(?<![\d.])1"), and an optional tens digit is a
# digit after one of 0-3 ("\d(?:(?<=[0-3])\d)?" tries what "[0-3]?\d" tries, in the same order).
# (The third, "5 May 2024", is left as it is: a second copy of its month names costs more to compile
# than it spares.)
_SCANS = [
    re.compile(r"(?P<year>(?:1(?<![\d.]1)[6-9]|2(?<![\d.]2)0)\d\d)[-/](?P<m>0?[1-9]|1[0-2])[-/](?P<d>[0-3]?\d)(?![\d])"),
    re.compile(r"(?P<a>\d(?<![\d.]\d)(?:(?<=[0-3])\d)?)[./](?P<b>[0-3]?\d)[./](?P<year>(?:1[6-9]|20)\d\d)(?![\d])"),
    *_PATTERNS[2:],
]


# What each pattern above holds around its year: a text without it is not searched with that pattern
# at all. Each test is a choice of patterns that start with a literal character ("1" of 16xx-19xx, "2"
# of 20xx), which the regex engine scans for in a tight loop; a pattern that starts with a choice
# ("[./]", "\s", "1|2") costs a call of the character-class test at every character. What stands
# before the year is read by a lookbehind after its first digit: "1(?<=\s1)" is "\s1".
def _year_after(before: str, after: str = "") -> tuple[re.Pattern[str], ...]:
    r"""The patterns whose matches, together, are the years (16xx-20xx) preceded by a character of
    ``before`` (none: anything) and followed by ``after``.

    ``("\s")`` -> patterns for ``"1(?<=\s1)[6-9]\d\d"`` and ``"2(?<=\s2)0\d\d"``
    """
    look = (lambda d: rf"(?<={before}{d})") if before else (lambda d: "")
    return (re.compile(rf"2{look('2')}0\d\d{after}"), re.compile(rf"1{look('1')}[6-9]\d\d{after}"))


_NEEDS = [
    _year_after("", "[-/]"),
    _year_after("[./]"),
    *[_year_after(r"\s")] * 3,  # the year after a space (a month name or a day before it)
    _year_after("", r"\s*年"),
]

# Every pattern above holds a year: a text without one holds no date (a cheap test that spares the
# five searches on most lines).
_ANY_YEAR = _year_after("")


def _holds(text: str, patterns: tuple[re.Pattern[str], ...]) -> bool:
    """Whether some pattern of a ``_year_after`` choice is found in ``text``; each is searched for
    only when the text holds its first digit. ``("in 2024", _ANY_YEAR)`` -> True"""
    for p in patterns:
        if p.pattern[0] in text and p.search(text) is not None:
            return True
    return False


def has_year(text: str) -> bool:
    """Whether ``text`` holds a year, which every date ``find_dates`` reads holds: a text without one
    holds no date. Squashing whitespace does not change the answer.

    ``"5 May 2024"`` -> True; ``"Published: 5 May"`` -> False
    """
    return _holds(text, _ANY_YEAR)


@dataclass(frozen=True)
class FoundDate:
    """A date found in a text: where it is and its ISO form at the printed precision."""

    start: int
    end: int
    iso: str


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    days = [31, 29 if (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)) else 28, 31, 30, 31, 30, 31, 31,
            30, 31, 30, 31][month - 1]
    if not 1 <= day <= days:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _from_match(m: re.Match[str], day_first: bool) -> str | None:
    g = m.groupdict()
    year = int(g["year"])
    if g.get("m"):
        return _iso(year, int(g["m"]), int(g["d"]) if g.get("d") else None)
    if g.get("a"):
        a, b = int(g["a"]), int(g["b"])
        if a > 12 and b <= 12:
            day, month = a, b
        elif b > 12 and a <= 12:
            day, month = b, a
        else:
            day, month = (a, b) if day_first else (b, a)
        return _iso(year, month, day)
    month = MONTHS.get(g["mon"].lower().rstrip("."))
    if month is None:
        return None
    day = int(g["day"]) if g.get("day") else None
    return _iso(year, month, day)


def find_dates(text: str, day_first: bool = True) -> list[FoundDate]:
    """Every full or partial date printed in ``text`` (not bare years), left to right.

    ``"Опубликовано: 5 мая 2024 г.; обновлено 28.12.2024"`` ->
    ``[FoundDate(14, 28, "2024-05-05"), FoundDate(42, 52, "2024-12-28")]``
    """
    found: list[FoundDate] = []
    if not has_year(text):
        return found
    taken: list[tuple[int, int]] = []
    present: dict[tuple[re.Pattern[str], ...], bool] = {}  # each test once (three patterns share one)
    for pat, needs in zip(_SCANS, _NEEDS, strict=True):
        if needs not in present:
            present[needs] = _holds(text, needs)
        if not present[needs]:
            continue
        for m in pat.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            iso = _from_match(m, day_first)
            if iso:
                found.append(FoundDate(m.start(), m.end(), iso))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


def parse_date(text: str, day_first: bool = True) -> str | None:
    """The ISO date when ``text`` is (essentially) only a date, else None.

    ``"28.12.2020"`` -> ``"2020-12-28"``; ``"May 5, 2024"`` -> ``"2024-05-05"``;
    ``"Декабрь 2020"`` -> ``"2020-12"``; ``"On December 28, Xi said"`` -> None;
    ``"vdoronin 4 апр 2024 в 11:32"`` -> ``"2024-04-04"`` (a post's stamp: the poster's handle, the day
    and the clock time)
    """
    if not has_year(text):  # what is left below is a piece of the text: no year, no date
        return None
    t = text.strip().strip("()[],.|•·—–- ")
    if (m := _HANDLE_BEFORE_STAMP.match(t)) and _CLOCK_END.search(t):
        t = t[m.end() :]
    for rx in _NOT_DATE_EDGES:
        t = rx.sub("", t)
    found = find_dates(t, day_first)
    if len(found) == 1 and found[0].start == 0 and len(t[found[0].end :].strip(" .,")) == 0:
        return found[0].iso
    return None


# A clock time printed beside a date: "at 6:15 a.m.", "в 11:32", "à 14h27", "um 18.42 Uhr". One
# pattern for every place a line's time is looked for (a stamp's end, a date line's edge, a post's
# stamp), so the forms they accept cannot drift apart.
CLOCK_TIME = (r"(?:(?:at|в|om|um|à|o|às|alle|la)\s+)?\d{1,2}[:.h]\d{2}(?::\d{2})?"
              r"(?:\s*(?:[ap]\.?m\.?|uhr|h))?")
_CLOCK_END = re.compile(CLOCK_TIME + r"\.?$", re.IGNORECASE)

# A poster's handle before a post's date and time: one token of small Latin letters, digits, "_",
# "." or "-" (at least three), "@" before it or not.
# (Not a small word that dates a line otherwise: "since 4 April 2024 at 10:00".)
_HANDLE_BEFORE_STAMP = re.compile(
    r"(?!(?:since|until|till|from|before|after|on|by|at|as|of|to|due|ends?|starts?|opens?|closes?|updated|"
    r"posted|published|edited|modified|created|deadline|registration|held)\s)@?[a-z][a-z0-9_.-]{2,30}\s+(?=\d)")

# A time or weekday printed before or after a date line, and the time it was updated after it
# ("May 5, 2024 at 6:15 a.m. | Updated May 5, 2024 at 11:40 a.m.": the line gives the first date).
_NOT_DATE_EDGES = [
    re.compile(r"\s*[|•·(]?\s*(?:last\s+)?(?:updated|modified|обновлено|изменено|оновлено|змінено)\b.*$",
               re.IGNORECASE),
    re.compile(r"^\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?\s*[,|•·]?\s*", re.IGNORECASE),
    re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE),
    re.compile(r"^(?:понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|"
               r"понеділок|вівторок|середа|четвер|п[’'ʼ]?ятниця|субота|неділя|"
               r"дүйсенбі|сейсенбі|сәрсенбі|бейсенбі|жұма|сенбі|жексенбі|"
               r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|"
               r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
               r"lunes|martes|miércoles|jueves|viernes|sábado|domingo|"
               r"lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|"
               r"segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|"
               r"poniedziałek|wtorek|środa|czwartek|piątek|sobota|niedziela|"
               r"maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|"
               r"pazartesi|salı|çarşamba|perşembe|cuma|cumartesi|pazar|"
               r"δευτέρα|τρίτη|τετάρτη|πέμπτη|παρασκευή|σάββατο|κυριακή),?\s+", re.IGNORECASE),
    # A dateline's place before it: "Guéret, le 8 avril 2024", "Berlin, den 5. Mai 2024", "Москва, 12 марта 2024".
    re.compile(r"^[^\W\d_][^\W\d_'’.-]*(?:[\s-][^\W\d_][^\W\d_'’.-]*){0,3},\s+(?:(?:le|den|am|el|il|on)\s+)?(?=\d)"),
    # ... and a time after it, with its zone or not ("12:40 MSK", "10:42 AM GMT+3")
    re.compile(r"(?:,|\s*[|•·—–])?\s+" + CLOCK_TIME + r"(?:\s*\w{2,5}(?:[+−-]\d{1,2}(?::?\d\d)?)?)?$", re.IGNORECASE),
]

# Cue words that make the date after them a publication (or issue) date.
PUBLISHED_CUES = (
    r"published(?:\s+online)?(?:\s+on)?|first\s+published(?:\s+online)?|date\s+of\s+publication|publication\s+date|"
    r"posted(?:\s+on)?|issued|release\s+date|asked|"
    # (A REVTeX preprint's date line: "(Dated: March 4, 2024)"; with its colon only, "dated 12 May" is prose.)
    r"dated(?=:)|"
    r"опубликован[оа]?(?:\s+онлайн)?|дата\s+публикации|дата\s+опубликования|дата\s+выхода(?:\s+в\s+свет)?|"
    r"размещено|опубліковано|опублікован[аи]?(?:\s+онлайн)?|дата\s+публікації|veröffentlicht(?:\s+am)?|publié\s+le|"
    # (Online first: "Publicado online em", "Disponible en línea el", "Objavljeno online".)
    r"publicado\s+(?:online|en\s+línea)(?:\s+(?:el|em|en))?|disponible\s+en\s+línea(?:\s+(?:el|desde))?|"
    r"dispon[íi]vel\s+online(?:\s+em)?|publié\s+en\s+ligne(?:\s+le)?|pubblicato\s+online(?:\s+il)?|"
    r"objavljeno(?:\s+online)?|објављено(?:\s+онлајн)?|publikováno(?:\s+online)?|zveřejněno|"
    r"opublikowano\s+online|çevrimiçi\s+yayın\s+tarihi|"
    r"publicado(?:\s+(?:el|em|en))?|"
    # Online-first dates and the other allowed languages' words for them.
    r"available\s+online|online\s+publiziert|online\s+veröffentlicht|publiziert(?:\s+am)?|"
    r"mis\s+en\s+ligne(?:\s+le)?|publicado\s+en\s+línea|pubblicato(?:\s+il)?|opublikowano|data\s+publikacji|"
    r"публикувано|публикувана|жарияланды|жарияланған\s+күні|yayınlanma\s+tarihi|yayın\s+tarihi|"
    # A preprint's identifier line ends with its date: "arXiv:2403.01234v2 [cs.CL] 12 Mar 2024".
    r"arxiv:\d{4}\.\d{4,5}(?:v\d+)?(?:\s+\[[\w.\-]+\])?"
)


def first_letters(alternation: str) -> str:
    r"""A character class of the letters the top-level alternatives of a cue alternation start with
    (each starts with a literal letter).

    ``r"posted(?:\s+on)?|issued|дата\s+выхода"`` -> ``"[ipд]"``
    """
    starts = {alternation[0]}
    depth = 0
    for i, ch in enumerate(alternation):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            starts.add(alternation[i + 1])
    return "[" + "".join(sorted(starts)) + "]"


# The cue regexes start with a lookbehind, so the engine tries every position of the text: the
# lookahead of one letter class first turns most of them away before the alternation is tried.
PUBLISHED_CUE_RE = re.compile(rf"(?={first_letters(PUBLISHED_CUES)})(?<!\w)(?:{PUBLISHED_CUES})\s*(?:[:\-–—]|on)?\s*",
                              re.IGNORECASE)

# Cue words that make the date after them something else than a publication date.
OTHER_DATE_CUES = (
    r"accessed(?:\s+on)?|last\s+accessed|date\s+accessed|retrieved(?:\s+on)?|viewed(?:\s+on)?|visited|"
    r"consulted|дата\s+обращения|дата\s+доступа|дата\s+звернення|обращение|received|revised|accepted|"
    r"submitted|updated|last\s+updated|last\s+modified|modified|поступила(?:\s+в\s+редакцию)?|"
    r"получена|принята(?:\s+к\s+публикации|\s+в\s+печать)?|одобрена(?:\s+после\s+рецензирования)?|"
    r"доработана|обновлено|изменено|abgerufen(?:\s+am)?|consulté\s+le"
)
OTHER_CUE_RE = re.compile(rf"(?<!\w)(?:{OTHER_DATE_CUES})\s*(?:[:\-–—]|on|am|le)?\s*$", re.IGNORECASE)
ACCESS_CUES = (
    r"accessed(?:\s+on)?|last\s+accessed|date\s+accessed|retrieved(?:\s+on)?|viewed(?:\s+on)?|"
    r"visited(?:\s+on)?|consulted(?:\s+on)?|дата\s+обращения|дата\s+доступа|дата\s+звернення|"
    r"abgerufen(?:\s+am)?|consulté\s+le"
)
ACCESS_CUE_RE = re.compile(rf"(?={first_letters(ACCESS_CUES)})(?<!\w)(?:{ACCESS_CUES})\s*[:.\-–—]?\s*", re.IGNORECASE)


def is_publication_cue(text: str) -> bool:
    """A publication cue alone (a field's heading): ``"Publicado"`` -> True; ``"Published: 5 May"`` -> False"""
    t = text.strip(" #*_\t")
    return (m := PUBLISHED_CUE_RE.match(t)) is not None and m.end() == len(t)


def cued_publication_date(text: str, day_first: bool = True) -> str | None:
    """The date that follows a publication cue in ``text``, else None.

    ``"Published: 5 May 2024"`` -> ``"2024-05-05"``; ``"Опубликовано: 5 мая 2024 г."`` -> ``"2024-05-05"``;
    ``"Received 1 March 2024; published 5 May 2024"`` -> ``"2024-05-05"``;
    ``"Accessed: 27.07.2024"`` -> None
    """
    # No year, no date to return: the year test is far cheaper than looking for the cue words.
    if not has_year(text):
        return None
    cues = list(PUBLISHED_CUE_RE.finditer(text))
    if not cues:  # most texts: no need to read their dates
        return None
    dates = find_dates(text, day_first)
    for m in cues:
        for d in dates:
            if d.start >= m.start() and text[m.end() : d.start].strip(" ,:") == "":
                return d.iso
    return None


_FIRST_VERSION_RE = re.compile(r"\s*\(v1\)")


def first_version_date(text: str, day_first: bool = True) -> str | None:
    """The date a preprint's first version was submitted on (a date followed by "(v1)"), else None:
    the preprint's publication, which its later versions and their identifier stamps do not change.

    ``"Submitted on 4 Mar 2024 (v1), last revised 19 Mar 2024 (this version, v2)"`` -> ``"2024-03-04"``
    """
    if "(v1)" not in text or not has_year(text):
        return None
    for d in find_dates(text, day_first):
        if _FIRST_VERSION_RE.match(text, d.end):
            return d.iso
    return None


def access_date(text: str, day_first: bool = True) -> str | None:
    """The access date a citation or footnote states, else None.

    ``"URL: https://x.org (дата обращения: 27.05.2024)."`` -> ``"2024-05-27"``;
    ``"(accessed: 27.07.2024)"`` -> ``"2024-07-27"``; ``"Retrieved May 5, 2024, from"`` -> ``"2024-05-05"``
    """
    if not has_year(text):  # as in cued_publication_date: no year, no date
        return None
    cues = list(ACCESS_CUE_RE.finditer(text))
    if not cues:
        return None
    dates = find_dates(text, day_first)
    for m in cues:
        for d in dates:
            if d.start >= m.end() and d.start - m.end() <= 3:
                return d.iso
    return None


def is_other_date(text: str, date: FoundDate) -> bool:
    """True when the date is introduced as an access, received, accepted or update date.

    ``("accessed: 27.07.2024", <27.07.2024>)`` -> True; ``("Posted 3 May 2024", <3 May 2024>)`` -> False
    """
    before = text[max(0, date.start - 40) : date.start]
    return bool(OTHER_CUE_RE.search(before))
