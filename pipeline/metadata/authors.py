"""Authors: names as printed, affiliations linked by marker, emails attached.

Three printed shapes are read:
- an author line under the title of a paper (``Ли Вэй1, У Ган1``, ``I. I. Ivanov*, P. Petrov``), with
  affiliation lines after it (``1 Уханьский университет, Китай``);
- a byline (``By Chen Ming``, ``by Staff Writer | Updated 3 May 2024``, ``Автор: Иван Петров``), cut at
  separators, dates, roles and "Updated";
- a lead sentence that names its writer (``..., writes Wang Lei, Director of ...``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.metadata.dates import find_dates
from pipeline.metadata.notes import EMAIL_RE
from pipeline.metadata.text import nonspace_count, squash, strip_marks
from pipeline.names import BYLINE_WORDS, drop_han_form, drop_member_grades, initials, unbracket_markers

# Latin Extended-B and Extended Additional (Romanian ș, Vietnamese ễ ơ) alternate capital and small
# letters code point by code point: the whole ranges are in both classes. The Cyrillic letters of
# Kazakh (and Tatar, Bashkir, Kyrgyz: Ә Ғ Қ Ң Ө Ұ Ү Һ) are listed one by one.
_UP = "A-ZÀ-ÖØ-ÞĀ-Žƀ-ɏḀ-ỿА-ЯЁЂ-ЏҐЄІЇӘҒҚҢӨҰҮҺ"
_LO = "a-zß-öø-ÿā-žƀ-ɏḀ-ỿа-яёђ-џґєіїәғқңөұүһ"
# A capitalised name word ("Li", "Anna", "McDermott", "O'Neil", "Jean-Luc", "Ли", "У").
# (A double name's hyphen may be printed as U+2010 or the non-breaking U+2011: "Wójcik‑Reid".)
NAME_WORD = rf"[{_UP}][{_LO}]*(?:['’][{_UP}{_LO}][{_LO}]+|[{_UP}][{_LO}]+)*(?:[-‐‑][{_UP}{_LO}][{_LO}]+)*"
# Initials: "J.", "И.И.", "J.-P.", "A. B."
INITIALS = initials(_UP)
PARTICLE_WORDS = ("van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le", "ten",
                  "ter", "bin", "ibn", "al", "el", "y", "zu")
PARTICLES = rf"(?:{'|'.join(PARTICLE_WORDS)})"
_TOKEN = rf"(?:{INITIALS}|{NAME_WORD}|{PARTICLES})"
NAME_RE = re.compile(rf"{_TOKEN}(?:\s+{_TOKEN}){{0,4}}")
# Affiliation markers after a name: digits (also superscript), letters in a run of digits, * † ‡ §.
# A lone lower-case letter a–h after a name is a superscript letter marker ("Ann Lee a, Tom Ray b"), never
# the end of a word: a letter stands before and after it.
_LETTER_MARKER = r"(?<![^\W\d_])[a-h](?:\s*,\s*[a-h])*(?:,?[*†‡§#]+)?(?![^\W\d_])"
# "2,*": a symbol may follow the digits after a comma too (the corresponding author's mark).
_MARKER = rf"(?:[0-9¹²³⁴-⁹⁰]{{1,2}}(?:\s*,\s*[0-9¹²³⁴-⁹⁰]{{1,2}})*(?:,?[*†‡§#]+)?|[*†‡§#]+|{_LETTER_MARKER})"
# Superscript digits and letters (the modifier letters a to h) as digits and letters, and the other
# asterisks a font prints (U+2217 in TeX's output, U+204E, the full-width one) and the envelope that
# marks the corresponding author as "*".
# (A letter marker gets a space before it: glued to the name, it would read as the name's last letter.)
_SUPER = str.maketrans({**{c: d for c, d in zip("¹²³⁴⁵⁶⁷⁸⁹⁰∗⁎＊✉", "1234567890****", strict=True)},
                        **{c: " " + d for c, d in zip("ᵃᵇᶜᵈᵉᶠᵍʰ", "abcdefgh", strict=True)}})
_NAME_TOKEN_RE = re.compile(rf"{INITIALS}|[^\s]+")
_INITIALS_RE = re.compile(INITIALS)
_PARTICLES_RE = re.compile(PARTICLES)
_NAME_WORD_RE = re.compile(NAME_WORD)
_MARKER_ITEM_RE = re.compile(r"\d+|([*†‡§#])\1*|(?<![^\W\d_])[a-h](?![^\W\d_])")
# Compiled here, not in the functions that use them: these are tried on every front line.
_TRAILING_MARKER_RE = re.compile(rf"\s*{_MARKER}\s*$")
_CAPS_WORD_RE = re.compile(rf"[{_UP}]{{2,}}")
_NAME_WITH_ROLE_RE = re.compile(
    rf"^(?P<name>{_TOKEN}(?:\s+{_TOKEN}){{1,4}}?)\s*(?P<markers>{_MARKER})?\s*(?:[—–]|\s-\s|,)\s*(?P<rest>.+)$"
)
_INITIALS_END_RE = re.compile(rf"{INITIALS}$")
# The label over the corresponding author's name and address, run into one line with them.
_CONTACT_LABEL_RE = re.compile(
    r"^(?:correspondence|corresponding\s+author|contact|для\s+корреспонденции|автор\s+для\s+(?:переписки|"
    r"корреспонденции)|адрес\s+для\s+(?:переписки|корреспонденции)|контактное\s+лицо)\s*:?\s+(?=\S)", re.IGNORECASE)
# What an identifier taken out of a line leaves: "()" of a markdown link's address.
_EMPTY_BRACKETS_RE = re.compile(r"\(\s*\)|\[\s*\]")
# A name of two to four words, then a space and a capitalised word (checked to open an institution).
_NAME_THEN_INSTITUTION_RES = [
    re.compile(rf"^(?P<name>{_TOKEN}(?:\s+{_TOKEN}){{{k - 1}}})\s*(?P<markers>{_MARKER})?\s+(?P<rest>[{_UP}].+)$")
    for k in (2, 3, 4)
]
# A name and, after a space alone, a description in lower case (checked to open with a role word).
_NAME_THEN_ROLE_RE = re.compile(
    rf"^(?P<name>{_TOKEN}(?:\s+{_TOKEN}){{1,3}})\s*(?P<markers>{_MARKER})?\s+(?P<rest>[^\W\d_A-ZА-ЯЁ].+)$")
# "And" between the last two names, in the allowed languages: English, Russian and Bulgarian,
# Spanish "y", Portuguese, Galician and Italian "e", French "et", German "und", Hungarian "és", Turkish
# "ve", Ukrainian "та", Kazakh "және". (Not the Catalan and Polish "i": Catalan surnames hold it,
# "Casals i Ferrer"; an Iberian surname holding "y" or "e" does not parse as two names either.)
AND_WORDS = r"and|и|y|e|et|und|és|ve|та|және|en|și"
# An item ends at a separator (a comma, "and", a middle dot between spaces), or, after its markers,
# where the next name starts ("Иван Петров1 Анна Смит2": no other separator printed).
_AUTHOR_ITEM_RE = re.compile(
    rf"\s*(?P<name>{_TOKEN}(?:\s+{_TOKEN}){{0,4}}?)\s*(?P<markers>{_MARKER})?\s*"
    rf"(?=(?:,|;|\s&\s|\s(?:{AND_WORDS})\s|[·•|](?:\s|$)|$)|(?<=[0-9*†‡§#]\s)[{_UP}])"
)
# (A comma may stand before the last "and": "Anna Berg, Ivan Petrov, and Tom Ray".)
# (Wiley prints a bar between the names: "Anna Berg1 | Tom Ray2".)
_ITEM_SEP_RE = re.compile(rf"\s*(?:,?\s*(?:{AND_WORDS})(?=\s)|,|;|&|[·•|])\s*")
# The names of a byline apart: commas, semicolons, "&" and "and" between spaces.
_BYLINE_SPLIT_RE = re.compile(rf"\s*(?:,|;|\s&\s|\s(?:{AND_WORDS})\s)\s*")
# Academic titles and ranks printed before a name ("Prof. Dr.", "Доц. д-р", "Гл. ас."): not part of it.
_ACADEMIC_TITLES_RE = re.compile(
    rf"(?:(?<=^)|(?<=[\s,;·•]))(?:(?:prof|dr|doz|priv\.-doz|dipl\.-ing|habil|assoc\.\s+prof|"
    rf"asst\.\s+prof|проф|доц|д-р|акад|гл\.\s+ас|ст\.\s+ас|ст\.\s+преп)\.?\s+)+(?=[{_UP}])",
    re.IGNORECASE,
)
# Bold marks around names, as papers converted to markdown print them: opening at a word's start and
# closing right after a letter ("Tom Ray**, Bo Li***" holds markers, not bold).
_BOLD_RE = re.compile(r"(?<!\S)\*\*([^*\s][^*]*?[^\W\d_])\*\*")
# Italic marks around names ("*Анна Ли*[^1], *Олег Ким*[^2]"), the same way; not a marker's star.
_ITALIC_RE = re.compile(r"(?<![\S*])\*([^*\s][^*]*?[^\W\d_])\*(?!\*)")
_MD_FOOTNOTE_REF_RE = re.compile(r"\s*\[\^(\w{1,3})\]")
# A symbol marker after a space, before the item's end: "Голованова¹ *, Петров² **".
_SPACED_SYMBOL_RE = re.compile(r"(?<=[^\W_])\s+(?=[*†‡§#]+\s*(?:[,;]|$))")
# LaTeX superscripts as markers ("$^{1,2}$").
_LATEX_SUPERSCRIPT_RE = re.compile(r"\s*\$\^\{?([0-9,*†‡§#\s]+)\}?\$")
_ORG_TOKEN_RE = re.compile(rf"[{_UP}][\w&.-]{{1,30}}")
# An affiliation line whose email is the corresponding author's, not an institution.
CORRESPONDING_RE = re.compile(
    r"(?i)\b(?:corresponding\s+author|correspondence(?:\s+to)?|author\s+for\s+correspondence|contact\s+author|"
    r"автор\s+для\s+(?:переписки|корреспонденции|связи)|ответственный\s+автор|контактное\s+лицо|"
    r"відповідальний\s+автор|автор\s+для\s+листування|autor\s+korespondencyjny|korrespondierende[rn]?\s+autor)"
)

# Words that make a capitalised phrase a heading rather than a person's name.
_NOT_NAME_WORDS = {
    w.lower()
    for w in (
        "The A An Of And In On For With To From By At As Into Over Under New Old Why How What When Who Is Are "
        "Was Were Be Its Their Our Your Between Among About Against After Before Global World International "
        "National Relations Relation Politics Policy Economy Economic Club Events News Home Section Chapter "
        "Part Introduction Conclusion Conclusions Abstract Keywords Summary References Contents Table Figure "
        "Fig Views Opinion Analysis Review Article Research Journal University Institute School Department "
        "Faculty College Academy Center Centre Laboratory Ministry Press Update Updated Published Staff "
        "China Russia America Europe Asia Africa Eurasia Chinese Russian American European Asian Era "
        "Введение Заключение Аннотация Ключевые Литература Глава Раздел Часть Статья Новости Главная Политика "
        "Экономика Россия Китай Университет Институт Кафедра Факультет Академия Центр Министерство"
    ).split()
}
# Words that make a byline phrase a role, not a name.
ROLE_WORDS = {
    w.lower()
    for w in (
        "staff writer writers reporter reporters correspondent correspondents editor editors editorial desk "
        "contributor contributors columnist team staff director professor lecturer researcher fellow analyst "
        "president chairman chair head dean rector ambassador representative minister expert associate senior "
        "junior chief deputy member members student candidate doctor phd dr prof author authors guest "
        "special assistant manager coordinator secretary founder producer photographer photos illustrations "
        "корреспондент редактор редакция обозреватель автор директор профессор доцент преподаватель "
        "исследователь научный сотрудник эксперт аналитик заведующий зав руководитель декан ректор посол "
        "министр аспирант студент кандидат доктор член председатель заместитель старший младший ведущий главный"
    ).split()
}
# Degree and post words that open an author's description in the languages of the allowed list
# (ROLE_WORDS has most of the English and Russian ones).
DEGREE_WORDS = {
    "кандидатка", "докторка", "аспірант", "аспірантка", "доцентка", "професорка", "викладач", "викладачка",
    "старший", "молодший", "провідний", "завідувач", "завідувачка", "магістрант", "магистрант", "соискатель",
    "здобувач", "docent", "doktor", "ph.d", "msc", "candidate", "lecturer", "docente",
}
# (The nouns, not the adjectives made from them: "Академическая прокрастинация", "центральной Азии",
# "фондовый рынок", "школьное образование", "Institutional change" are no institutions.)
INSTITUTION_WORDS = re.compile(
    r"(?i)\b(?:universit\w*|universida\w*|institut(?!ional|ionnel)\w*|school|college|academy|academia|department|"
    r"faculty|centre|center|dept\.|inst\.|univ\.|"
    r"laborator\w*|laboratoire|hospital|clinic|ministry|council|foundation|agency|corporation|company|inc\.?|ltd\.?|gmbh|"
    r"университет\w*|институт\w*|академи(?!ческ)\w*|кафедр\w*|факультет\w*|центр(?!альн)\w*|лаборатор(?!н)\w*|"
    r"школ(?!ьн)\w*|колледж\w*|министерств\w*|фонд(?!ов)\w*|учреждени\w*|универс(?!альн)\w*|інститут\w*|"
    r"hochschule|universität|université|università|"
    # (The Romance languages' councils, centres, schools, foundations, ministries and hospitals.)
    r"consejo|conselho|conseil|consiglio|centro|escuela|escola|école|scuola|fundación|fundação|fondation|"
    r"fondazione|ministerio|ministério|ministère|ministero|hôpital|ospedale|"
    # (Ukrainian spells some with "і": університет, академія, лабораторія, коледж, міністерство.)
    r"університет\w*|академі(?!чн)\w*|лабораторі\w*|коледж\w*|міністерств\w*|"
    # (A music school: "Государственная консерватория", "Conservatoire de musique".)
    r"консерватор(?!ы|ов|изм|ск)\w*|conservato(?:ire|ry|rio)|konserwatorium|konservatorium)|大学|学院|研究所"
)
BYLINE_RE = re.compile(rf"^\s*{BYLINE_WORDS}\s*[:\-–—]?\s+(?P<rest>.+)$", re.IGNORECASE | re.DOTALL)
# "..., writes Wang Lei, Director of ..." / "..., пишет Иван Петров, директор ..."
# Only verbs of writing: "says <Name>" quotes a speaker, not the author.
LEAD_RE = re.compile(rf"(?:^|[,.;:!?—–]\s*|\s)(?:writes|пишет|пишут)\s+(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}})"
                     r"(?=\s*(?:[,.;:(—–]|$))")
# Where a byline stops being a name: separators, dates, "Updated", "Published", "on <date>".
_BYLINE_CUT_RE = re.compile(
    r"\s+[|•·/]\s*|\s+[—–-]\s+|\s*\|\s*|\s+(?:updated|published|posted|last\s+updated|обновлено|"
    r"опубликовано|on)\b|\s*\(|\s+\d{1,2}[./:]\d|\s+\d{1,2}\s+\w+\s+\d{4}",
    re.IGNORECASE,
)


def split_markers(text: str) -> list[str]:
    """The markers in a run printed after a name: numbers, and each symbol with its repeats (``**`` is
    the second author's mark when ``*`` is the first's).

    ``"1,2*"`` -> ``["1", "2", "*"]``; ``"**"`` -> ``["**"]``; ``"†‡"`` -> ``["†", "‡"]``
    """
    return [m.group(0) for m in _MARKER_ITEM_RE.finditer(text.translate(_SUPER))]


@dataclass
class Author:
    """An author as the record stores it, with the markers that link it to affiliations."""

    name: str
    markers: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    email: str | None = None
    span: tuple[int, int] = (0, 0)  # where the name was printed in its line

    def as_record(self) -> dict[str, object]:
        return {"name": self.name, "affiliations": list(self.affiliations), "email": self.email}


def clean_name(name: str) -> str:
    """A name without markers, footnote digits and stray punctuation around it.

    ``"Ли Вэй1,"`` -> ``"Ли Вэй"``; ``"Ivan Petrov*"`` -> ``"Ivan Petrov"``
    """
    n = squash(name).translate(_SUPER).rstrip(" ,;")
    n = _TRAILING_MARKER_RE.sub("", n)
    return n.strip(" ,;:*†‡§")


def is_name(text: str, single_word: bool = False) -> bool:
    """True when ``text`` has the shape of a person's name as printed.

    Two to five capitalised words or initials (one word only when ``single_word``), none of them a
    heading word. ``"Anna Berg"`` -> True; ``"И.И. Иванов"`` -> True; ``"У Ган"`` -> True;
    ``"Club Events"`` -> False; ``"A New Journey"`` -> False; ``"Staff Writer"`` -> False
    """
    t = squash(text)
    if not t or len(t) > 60 or not NAME_RE.fullmatch(t):
        return False
    words = _NAME_TOKEN_RE.findall(t)
    if len(words) < (1 if single_word else 2) or len(words) > 5:
        return False
    long_words = [w for w in words if not _INITIALS_RE.fullmatch(w) and not _PARTICLES_RE.fullmatch(w)]
    if not long_words or not any(len(w) >= 2 for w in long_words):
        return False
    if len(words) == 1 and not _NAME_WORD_RE.fullmatch(words[0]) and not single_word:
        return False
    # An initial ("A.") is never the heading word it spells ("a").
    lowered = {w.lower().strip(".") for w in words if not _INITIALS_RE.fullmatch(w)}
    return not (lowered & _NOT_NAME_WORDS or lowered & ROLE_WORDS)


def title_case_caps(text: str) -> str:
    """The text with every all-capitals word of two or more letters written in title case (same length).

    ``"ИВАНОВ И.И., ПЕТРОВ П.П."`` -> ``"Иванов И.И., Петров П.П."``; ``"KARADENİZ"`` -> ``"Karadeniz"``
    (Turkish dotted İ lower-cases to two characters, i and a dot above: here it is i)
    """
    return _CAPS_WORD_RE.sub(lambda m: m.group(0)[0] + m.group(0)[1:].replace("İ", "I").lower(), text)


MAX_CAPS_SURNAME_WORDS = 3


def _given_names_then_surname_in_capitals(name: str) -> bool:
    """Whether a name as printed has its surname, and only that word, in capitals after given names
    in title case (a common convention in Turkish, French, Romanian and Spanish journals).

    ``"Ayşe Nur KARADENİZ"`` -> True; ``"Jean-Luc MARTIN"`` -> True; ``"ИВАНОВ Иван Иванович"`` -> True;
    ``"Anna Berg"`` -> False; ``"ANNA BERG"`` -> False;
    ``"Yannick LE GOFF"`` -> True, ``"María José ECHEVERRÍA LASA"`` -> True (a particle, two surnames)
    """
    words = name.split()
    caps = [_CAPS_WORD_RE.fullmatch(w.replace("-", "")) is not None for w in words]
    n = sum(caps)
    # (Or first: "ИВАНОВ Иван Иванович", "MARTIN Jean-Luc", as Russian and French journals print it.)
    # The surname in capitals may be two words or have a particle: together at one end of the name.
    return 1 <= n <= MAX_CAPS_SURNAME_WORDS and len(words) > n and (all(caps[-n:]) or all(caps[:n]))


# Chinese names: two to four Han characters, each with optional markers, separated by a full-width
# comma, an enumeration comma or a comma ("王晓燕¹，李明哲²").
_HAN_NAME = r"[\u4e00-\u9fff]{2,4}"
_HAN_ITEM_RE = re.compile(rf"(?P<name>{_HAN_NAME})\s*(?P<markers>[0-9*†‡§#]+(?:[,，][0-9*†‡§#]+)*)?")
_HAN_LINE_RE = re.compile(rf"^{_HAN_NAME}\s*[0-9*†‡§#,，]*(?:\s*[，、,；;]\s*{_HAN_NAME}\s*[0-9*†‡§#,，]*)+$")


def _parse_han_author_line(t: str) -> list[Author] | None:
    """Two or more Chinese names in a line, each with optional markers, else None (also for a name of
    four characters without a marker: ``"雨水花园，道路径流"`` is a list of terms).

    ``"王晓燕1，李明哲2，陈思远1"`` -> ``[Author("王晓燕", ["1"]), Author("李明哲", ["2"]), Author("陈思远", ["1"])]``
    """
    if not _HAN_LINE_RE.match(t):
        return None
    authors = []
    for m in _HAN_ITEM_RE.finditer(t):
        if len(m.group("name")) == 4 and not m.group("markers"):
            return None  # most names have two or three characters: four unmarked ones are a phrase
        author = Author(m.group("name"), split_markers((m.group("markers") or "").replace("，", ",")))
        author.span = (m.start("name"), m.end("name"))
        authors.append(author)
    return authors


# Superscript letters glued to the surnames, as text extraction prints them ("John Smitha,b, Jane Doeb,*"):
# a line proves it uses them by a glued letter followed by a comma and another marker ("a,b", "a,*"; a
# star alone after a name is the corresponding author's, "Anna Garcia*"); then each name's last letter
# a to h, where the name ends, is its marker.
_GLUED_PROOF_RE = re.compile(r"[^\W\d_]{2}[a-h](?:,[a-h])*,(?:[a-h]|[*†‡§#])(?=[\s,;*†‡§#]|$)")
_GLUED_MARKER_RE = re.compile(
    rf"(?<=[^\W\d_]{{2}})([a-h](?:,[a-h])*(?:,?[*†‡§#]+)?)(?=\s*(?:[,;]|$)|\s(?:{AND_WORDS})\s)")


def unglue_letter_markers(text: str) -> str:
    """A space before the letter markers glued to each name's end, when the line proves it prints them.

    ``"Lucía Oteroa,*, Xoán Castrob e Marta Doradoa"`` -> ``"Lucía Otero a,*, Xoán Castro b e Marta Dorado a"``;
    ``"Anna Garcia, Maria Lopez"`` -> unchanged (no proof: names end in "a" too)
    """
    if not _GLUED_PROOF_RE.search(text):
        return text
    return _GLUED_MARKER_RE.sub(r" \1", text)


_SUPERSCRIPT_GAP_RE = re.compile(r"(?<=[¹²³⁴⁵⁶⁷⁸⁹⁰])\s+(?=[¹²³⁴⁵⁶⁷⁸⁹⁰])")
_GLUED_INITIALS_RE = re.compile(rf"(?<![^\W\d_])((?:[{_UP}]\.){{1,3}})(?=[{_UP}][^\W\d_{_UP}])")


def _joined_superscripts(text: str) -> str:
    """Superscript markers set apart by a space joined by a comma, as the digits they stand for would
    be printed: ``"Лобанова¹ ²"`` -> ``"Лобанова¹,²"``."""
    return _SUPERSCRIPT_GAP_RE.sub(",", text) if "¹" in text or "²" in text else text


# A marker list spaced after its comma before a star or dagger: "Федосеева М. И.a, *, Кан Р. А.a".
_SPACED_STAR_RE = re.compile(r"(?<=[0-9a-z]),\s+(?=[*∗†‡]{1,2}\s*(?:,|$))")


# An ORCID printed beside a name: "О. В. СТЕЦЮК1, ORCID 0000-0002-4417-6120".
_ORCID_RE = re.compile(r",?\s*(?:ORCID(?:\s*i[Dd])?:?\s*)?(?:https?://orcid\.org/)?\d{4}-\d{4}-\d{4}-\d{3}[\dXx]\b")


def without_orcids(text: str) -> str:
    """A line without the ORCID identifiers printed beside its names.
    ``"О. В. СТЕЦЮК1, ORCID 0000-0002-4417-6120 І. М. ПИЛИПЧУК1"`` -> ``"О. В. СТЕЦЮК1 І. М. ПИЛИПЧУК1"``"""
    return _ORCID_RE.sub("", text) if "-" in text and "0" in text else text


def _joined_star(text: str) -> str:
    """A star or dagger marker set apart by a space after the comma joined to the markers before it:
    ``"Федосеева М. И.a, *, Кан Р. А.a"`` -> ``"Федосеева М. И.a,*, Кан Р. А.a"``."""
    return _SPACED_STAR_RE.sub(",", text) if ", *" in text or ", †" in text or ", ∗" in text or ", ‡" in text else text


def _spaced_initials(text: str) -> str:
    """A space between initials and the surname printed right after them: ``"Е.А.Шестакова"`` ->
    ``"Е.А. Шестакова"``."""
    return _GLUED_INITIALS_RE.sub(r"\1 ", text) if "." in text else text


def parse_author_line(text: str) -> list[Author] | None:
    """Authors from a line that lists only names (each with optional markers), else None.

    ``"Ли Вэй1, У Ган1"`` -> ``[Author("Ли Вэй", ["1"]), Author("У Ган", ["1"])]``;
    ``"Ivan Petrov1,2, Anna Smith2*"`` -> markers ``["1", "2"]`` and ``["2", "*"]``;
    ``"ИВАНОВ И.И., ПЕТРОВ П.П."`` (capitals, with initials) -> ``"ИВАНОВ И.И."``, ``"ПЕТРОВ П.П."``;
    ``"Mutual Respect, Benefit and Harmony Without Unification"`` -> None
    """
    t = squash(text)
    # E-mail addresses printed beside the names ("Ирина Гаврюшина¹ ✉ i.g@example.ru, ..."): each
    # goes to its author when every author has one.
    emails = EMAIL_RE.findall(t) if "@" in t else []
    if emails:
        t = squash(EMAIL_RE.sub(" ", t))
    t = unglue_letter_markers(_without_titles(_spaced_initials(_joined_star(_joined_superscripts(
        without_orcids(unbracket_markers(t))))).translate(_SUPER)))
    t = drop_han_form(t)  # ("Chen Yuting 陳雨婷": the name in Latin letters is read)
    found = _parse_author_line_text(t)
    if found and len(emails) == len(found):
        for a, e in zip(found, emails, strict=True):
            a.email = a.email or e
    return found


def _parse_author_line_text(t: str) -> list[Author] | None:
    """``parse_author_line`` of a line made ready (marks, titles, e-mails taken out)."""
    if "\u4e00" <= t[:1] <= "\u9fff":
        return _parse_han_author_line(t)
    if _CAPS_WORD_RE.search(t):
        # Words in capitals are read on a title-case copy (same length, so the spans hold for both).
        found = _parse_author_line(title_case_caps(t))
        # (Every name in capitals: letter markers and "и"/"and" between them may be in lower case.)
        if t == t.upper() or (found and all(t[a.span[0]: a.span[1]].isupper() for a in found)):
            # Names printed in capitals are unmistakable with initials: reported as printed. Without
            # initials a heading in capitals has their shape too: there every name must carry its
            # marker ("HELEN MARCHBANKS*"), and is given in title case.
            if found and re.search(INITIALS, t):
                for a in found:
                    a.name = t[a.span[0] : a.span[1]]
                return found
            return found if found and all(a.markers for a in found) else None
        # "Ayşe Nur KARADENİZ1*, Mehmet Ali ÖZTÜRK2": one surname in capitals beside the given names;
        # each name must have that shape, and is given as a careful reader writes it, "Ayşe Nur Karadeniz".
        if found and all(_given_names_then_surname_in_capitals(t[a.span[0]: a.span[1]]) for a in found):
            return found
    return _parse_author_line(t)


def _without_titles(t: str) -> str:
    """An author line without academic titles, bold marks and LaTeX around its names and markers.

    ``"Dr. Anna Berg1 · Prof. Dr. Jan Roth2"`` -> ``"Anna Berg1 · Jan Roth2"``;
    ``"**Ruth Elsner**$^{1,2}$"`` -> ``"Ruth Elsner1,2"``; ``"Jan Roth, Senior Member, IEEE"`` -> ``"Jan Roth"``
    """
    if "$" in t:
        t = _LATEX_SUPERSCRIPT_RE.sub(lambda m: m.group(1).replace(" ", ""), t)
    if "[^" in t:  # markdown footnote references as markers: "Анна Ли[^1]"
        t = _MD_FOOTNOTE_REF_RE.sub(r"\1", t)
    if "*" in t:
        # A symbol marker set off by a space ("Голованова¹ *") goes back to its name, then bold and
        # italic marks in pairs around a name go (a lone "*" or "**" is a marker: "Tom Ray**").
        t = _SPACED_SYMBOL_RE.sub("", t)
        emphasis = _ITALIC_RE.sub(r" \1 ", _BOLD_RE.sub(r" \1 ", t))
        if emphasis != t:
            # The marks' spaces leave "Name 1,2": a marker goes back to its name.
            t = re.sub(r"(?<=[^\W\d_]) (?=[0-9][0-9,*†‡§#]*(?:\s|$))", "", squash(emphasis))
    return _ACADEMIC_TITLES_RE.sub("", drop_member_grades(t))


def _name_and_description(t: str) -> tuple[re.Match[str], str] | None:
    """The name at the start of an author's line and the description after it (see
    ``parse_author_with_role``): after a dash or a comma, or, when it opens with a role or degree
    word, after a space ("Остроухова Марина Викторовна кандидат юридических наук"). A surname in
    capitals after the given names ("Оксана ГРЕБЕНЮК, кандидат ...") is read in title case."""
    cased = title_case_caps(t) if _CAPS_WORD_RE.search(t) else t
    for m in (_NAME_WITH_ROLE_RE.match(cased), _NAME_THEN_ROLE_RE.match(cased)):
        if m is None or not is_name(m.group("name")):
            continue
        if cased is not t and not _given_names_then_surname_in_capitals(t[m.start("name"): m.end("name")]) \
                and t[m.start("name"): m.end("name")] != m.group("name"):
            continue
        rest = m.group("rest").strip()
        if m.re is _NAME_THEN_ROLE_RE and not _opens_with_role(rest):
            continue
        return m, rest
    return None


def parse_name_then_institution(text: str) -> tuple[Author, str] | None:
    """A name and, after a space alone, its institution's address, as a landing page lists its
    authors one a line with the names set in bold: the author and the affiliation, else None. The
    shortest name whose rest opens with an institution word and reads as an address (three words at
    least and a comma: "Tromsø Polar University" is an institution's name). The caller asks for two
    such lines in a row: an affiliation alone has this shape too ("Siberian Federal University,
    Institute of Ecology, Krasnoyarsk").

    ``"María Ocampo Quiroga Universidad Nacional de Salta, Instituto de Geografía, Salta"`` ->
    ``(Author("María Ocampo Quiroga"), "Universidad Nacional de Salta, Instituto de Geografía, Salta")``
    """
    t = squash(text)
    for rx in _NAME_THEN_INSTITUTION_RES:
        m = rx.match(t)
        if m and INSTITUTION_WORDS.match(m.group("rest")) and m.group("rest").count(" ") >= 2 \
                and "," in m.group("rest") and is_name(m.group("name")):
            aff = squash(_EMPTY_BRACKETS_RE.sub("", without_orcids(EMAIL_RE.sub("", m.group("rest"))))).strip(" ,;.")
            return Author(m.group("name"), split_markers(m.group("markers") or "")), aff
    return None


def _opens_with_role(rest: str) -> bool:
    """Whether a description starts with a role or degree word: ``"кандидат юридических наук"`` -> True."""
    first = rest.split(None, 1)[0].lower().strip(".,;") if rest else ""
    return first in ROLE_WORDS or first in DEGREE_WORDS


def role_follows_name(text: str) -> bool:
    """Whether a line is a name followed by its role or degree, which makes it an author line even
    above the title (some journals print the authors first).

    ``"Оксана ГРЕБЕНЮК, кандидат педагогічних наук, доцент"`` -> True;
    ``"John Smith, Department of Politics, University of York"`` -> False (no role word first)
    """
    found = _name_and_description(squash(text).translate(_SUPER))
    return found is not None and _opens_with_role(found[1])


def parse_author_with_role(text: str) -> tuple[Author, str | None] | None:
    """An author line that goes on with a description: ``<Name> — <degree, post, institution>`` or
    ``<Name>, <institution>``. Returns the author and the affiliation when the description names an
    institution, else None when the line does not start with a name followed by such a description.

    ``"John Smith, Department of Politics, University of York"`` ->
    ``(Author("John Smith"), "Department of Politics, University of York")``;
    ``"Иван Петров — доктор политических наук, профессор"`` -> ``(Author("Иван Петров"), None)``
    """
    found = _name_and_description(_CONTACT_LABEL_RE.sub("", squash(text)).translate(_SUPER))
    if found is None:
        return None
    m, rest = found
    words = {w.lower().strip(".,;") for w in rest.split()}
    has_institution = bool(INSTITUTION_WORDS.search(rest))
    if not has_institution and not words & ROLE_WORDS:
        return None
    markers = split_markers(m.group("markers") or "")
    aff = EMAIL_RE.sub("", rest).strip(" ,;.") if has_institution and not words & ROLE_WORDS else None
    return Author(m.group("name"), markers), aff or None


# Where the next of several "<Initials> <SURNAME><marker>, <post>" lines starts, when extraction ran
# them into one: initials, a surname, its marker and a comma.
_ROLE_LINE_START_RE = re.compile(rf"(?<!\S)(?<![{_UP}]\.\s)(?={INITIALS}\s*[{_UP}][^\W\d_]+(?:-[^\W\d_]+)?[0-9*]{{1,3}},)")


def parse_authors_with_roles(text: str) -> list[tuple[Author, str | None]] | None:
    """Two authors or more, each a line with a post or degree, run into one by extraction:
    ``"Ю. П. РАКИТИН1, заведующий лабораторией Е. С. ВОЛОДИНА1, научный сотрудник"`` -> the two
    authors (each as ``parse_author_with_role`` reads them); None when a piece is not such a line."""
    t = squash(text)
    starts = [m.start() for m in _ROLE_LINE_START_RE.finditer(t)]
    if len(starts) < 2 or starts[0] != 0:
        return None
    out = []
    for a, b in zip(starts, [*starts[1:], len(t)], strict=True):
        found = parse_author_with_role(t[a:b])
        if found is None:
            return None
        out.append(found)
    return out


def _parse_author_line(t: str) -> list[Author] | None:
    if not t or len(t) > 400 or t.endswith((".", "?", "!", ":")) and not _INITIALS_END_RE.search(t):
        return None
    authors: list[Author] = []
    pos = 0
    while pos < len(t):
        m = _AUTHOR_ITEM_RE.match(t, pos)
        if not m or not m.group("name"):
            return None
        name = m.group("name").strip()
        parts = _initialled_names(name)
        if len(parts) > 1:
            # Names side by side with nothing printed between ("И. И. Иванов П. П. Петров"): the
            # markers after the last are its own.
            for k, (a, b) in enumerate(parts):
                author = Author(name[a:b], split_markers(m.group("markers") or "") if k == len(parts) - 1 else [])
                author.span = (m.start("name") + a, m.start("name") + b)
                authors.append(author)
        else:
            if not is_name(name):
                return None
            markers = split_markers(m.group("markers") or "")
            author = Author(name, markers)
            author.span = (m.start("name"), m.start("name") + len(name))
            authors.append(author)
        pos = m.end()
        sep = _ITEM_SEP_RE.match(t, pos)
        if sep is None:
            if not m.group("markers") or pos >= len(t):
                break
            # After markers the next name may start with nothing else between (see _AUTHOR_ITEM_RE).
            continue
        pos = sep.end()
    if pos < len(t.rstrip()) or not authors:
        return None
    return authors


def _initialled_names(text: str) -> list[tuple[int, int]]:
    """Spans of two or more names with initials run together, each an initials token and a surname
    in the same order ("И. И. Иванов П. П. Петров", "Ivanov I. I. Petrov P. P."); ``[]`` otherwise.

    ``"И. И. Иванов П. П. Петров"`` -> ``[(0, 12), (13, 25)]``; ``"Anna Maria Berg"`` -> ``[]``
    """
    tokens = [(m.start(), m.end(), _INITIALS_RE.fullmatch(m.group()) is not None) for m in _NAME_TOKEN_RE.finditer(text)]
    if len(tokens) < 4 or len(tokens) % 2:
        return []
    first_initial = tokens[0][2]
    pairs = [tokens[k : k + 2] for k in range(0, len(tokens), 2)]
    if not all(p[0][2] == first_initial and p[1][2] != first_initial for p in pairs):
        return []
    if not all(_NAME_WORD_RE.fullmatch(text[t[0]: t[1]]) for p in pairs for t in p if not t[2]):
        return []
    return [(p[0][0], p[1][1]) for p in pairs]


def _marked_names(rest: str) -> list[Author] | None:
    """A byline's names when they carry their affiliations' markers ("Ivan Petrov a, Anna Smith b and
    Olga Sidorova a,c"), else None."""
    listed = parse_author_line(rest)
    return listed if listed and any(a.markers for a in listed) else None


def parse_marked_byline(text: str) -> list[Author] | None:
    """The authors of a byline whose names carry their affiliations' markers, as an author line's:
    ``"by Ivan Petrov a, Anna Smith b"`` -> ``[Author("Ivan Petrov", ["a"]), Author("Anna Smith", ["b"])]``;
    None for any other line."""
    t = squash(text)
    if len(t) > 160 or not (m := BYLINE_RE.match(t)):
        return None
    return _marked_names(m.group("rest").strip(" ,;:."))


def parse_byline(text: str) -> list[str] | None:
    """Names from a byline, cut at separators, dates, roles and "Updated"; None if it is not a byline.

    ``"By Chen Ming"`` -> ``["Chen Ming"]``; ``"by NewsWire"`` -> ``["NewsWire"]``;
    ``"by Jane Doe, Staff Writer | Updated 3 May 2024"`` -> ``["Jane Doe"]``;
    ``"by Staff Writer | Updated 3 May 2024"`` -> ``[]`` (a role, no name);
    ``"By 2030, the two countries will ..."`` -> None
    """
    t = squash(text)
    if len(t) > 160:
        return None
    m = BYLINE_RE.match(t)
    if not m:
        return None
    rest = m.group("rest")
    cut = _BYLINE_CUT_RE.search(rest)
    if cut:
        rest = rest[: cut.start()]
    for d in find_dates(rest):
        rest = rest[: d.start]
        break
    rest = rest.strip(" ,;:.")
    if not rest:
        return None
    if listed := _marked_names(rest):
        return [a.name for a in listed]
    names: list[str] = []
    roles = 0
    for part in _BYLINE_SPLIT_RE.split(rest):
        p = part.strip(" .")
        if not p:
            continue
        low = {w.lower().strip(".") for w in p.split()}
        if low & ROLE_WORDS:
            roles += 1
            continue
        single = len(p.split()) == 1
        if is_name(p, single_word=True) or (single and _is_org_token(p)) or (
            not single and p == p.upper() and is_name(title_case_caps(p))
        ):
            names.append(p)
        elif names:
            break  # the names are over; what follows is a description
        else:
            return None
    if not names and not roles:
        return None
    return names


# A byline word inside a dateline, before a name: "Publicado em 7 de agosto de 2023 por Juliana Prado".
_INNER_BY_RE = re.compile(r"\s(?:by|por|par|von|di|przez|door)\s+(?=[^\W\d_])|"
                          r"(?:^|[\s|•·—–])(?:автор|author|autor|auteur|autore)\s*:\s*(?=[^\W\d_])", re.IGNORECASE)


# A forum post's header: "Beitrag von Heizfaden_Harald » Di 5. Mär 2024, 21:14", "Post by jdoe » Tue
# Mar 05, 2024 9:14 pm" (the poster, a chevron or a bar, then the post's date).
_POST_HEADER_RE = re.compile(
    r"^(?:beitrag|post|сообщение|повідомлення|message|mensaje|mensagem|messaggio|wpis|příspěvek|bericht)\s+"
    r"(?:von|by|от|від|de|par|di|por|przez|od|door)\s+(?P<who>[^\s»|]+(?:\s[^\s»|]+){0,2})\s*[»|]\s*\S", re.IGNORECASE)


def parse_post_header(text: str) -> str | None:
    """The poster named in a forum post's header (a nickname or a name), else None.

    ``"Beitrag von Heizfaden_Harald » Di 5. Mär 2024, 21:14"`` -> ``"Heizfaden_Harald"``;
    ``"Post by Jane Doe | 5 May 2024"`` -> ``"Jane Doe"``; ``"Post by post: the story so far"`` -> None
    """
    m = _POST_HEADER_RE.match(squash(text))
    return m.group("who") if m else None


def parse_dated_byline(text: str, day_first: bool = True) -> list[str] | None:
    """The names after a byline word that follows a date on the same line, else None.

    ``"Publicado em 7 de agosto de 2023 por Juliana Prado Nogueira — Atualizado em 9 de agosto de 2023"``
    -> ``["Juliana Prado Nogueira"]``; ``"Published 3 May 2024 by Jane Doe"`` -> ``["Jane Doe"]``;
    ``"Опубликовано 07.10.2023 | Автор: Сергей Воронихин | Рубрика: Дороги"`` -> ``["Сергей Воронихин"]``;
    ``"On 3 May 2024 by a narrow margin"`` -> None
    """
    t = squash(text)
    if len(t) > 200:
        return None
    found = find_dates(t, day_first)
    if not found:
        return None
    m = _INNER_BY_RE.search(t, found[0].end)
    if not m:
        return None
    return parse_byline("By " + t[m.end() :]) or None


# A reading time after the date of a byline: "· 9 min read", "| 5 мин", "· 4 Min. Lesezeit".
_READING_TAIL_RE = re.compile(r"^\s*[|•·—–]\s*\d{1,3}\s*(?:min\w*|мин\w*|хв\w*|dk)\.?(?:\s+[^\W\d_]+){0,2}\s*$",
                              re.IGNORECASE)


def parse_dated_name(text: str, day_first: bool = True) -> str | None:
    """The name of a "<Name> | <date>" or "<date> | <Name>" line (a byline without "By"), else None.

    ``"Jane Doe | 12 March 2024"`` -> ``"Jane Doe"``; ``"Иван Петров, 28.12.2020"`` -> ``"Иван Петров"``;
    ``"Ines Halvorsen · 2025-04-03 · 9 min read"`` -> ``"Ines Halvorsen"`` (a reading time after the date);
    ``"12.03.2024 | Jane Doe"`` -> ``"Jane Doe"`` (the date first, a separator, the name);
    ``"Moscow, 28 December 2020"`` -> None (one word, a place as likely as a name)
    """
    t = squash(text)
    if len(t) > 120:
        return None
    found = find_dates(t, day_first)
    if len(found) != 1:
        return None
    d = found[0]
    before, after = t[: d.start], t[d.end :]
    after = re.sub(r"^[,\s]*(?:(?:at|в)\s+)?\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,5})?", "", after,
                   flags=re.IGNORECASE)
    after = _READING_TAIL_RE.sub("", after)
    if not before.strip() and re.match(r"\s*[|•·—–/]", after):
        # The date first: a separator must stand between it and the name ("28.12.2020 Moscow" is a dateline).
        name = after.strip(" |•·—–/")
        return name if is_name(name) else None
    if after.strip(" .,|•·—–-"):
        return None
    name = before.strip(" ,|•·—–-")
    return name if is_name(name) else None


def _is_org_token(word: str) -> bool:
    """A one-word publisher or agency name: capitalised, letters and digits (``NewsWire``, ``TASS``)."""
    return bool(_ORG_TOKEN_RE.fullmatch(word)) and word.lower() not in _NOT_NAME_WORDS | ROLE_WORDS


def lead_author(text: str) -> str | None:
    """The writer a lead paragraph names (``writes <Name>, <role>``), else None.

    ``"..., writes Wang Lei, Director of the Institute ..."`` -> ``"Wang Lei"``;
    ``"..., пишет Иван Петров, директор ..."`` -> ``"Иван Петров"``
    """
    m = LEAD_RE.search(text)
    if not m:
        return None
    name = m.group("name")
    return name if is_name(name) else None


def is_affiliation(text: str) -> bool:
    """True for an affiliation line: an institution word, optionally with a marker, address or email.

    ``"1 Уханьский университет, Китай"`` -> True; ``"School of Law, Riga Technical University, Riga"`` -> True
    """
    if nonspace_count(text) >= 400:  # too long squashed too: spared the squash and the search
        return False
    t = squash(text)
    return len(t) < 400 and bool(INSTITUTION_WORDS.search(t)) and not t.endswith("?")


@dataclass
class AffiliationEntry:
    """One entry of an affiliation block: its marker (None when unmarked), the affiliation text (emails
    and their labels removed; empty when the entry held only a contact), its emails, and whether it
    names the corresponding author."""

    marker: str | None
    text: str
    emails: list[str]
    corresponding: bool = False


_EMAIL_LABEL_RE = re.compile(r"(?i)\b(?:e-?mails?|эл\.?\s*почта|электронная\s+почта|електронна\s+пошта)\s*:?")


def _entry(marker: str | None, raw: str) -> AffiliationEntry:
    emails = unique_emails(raw)
    corresponding = CORRESPONDING_RE.search(raw) is not None
    t = EMAIL_RE.sub(" ", raw)
    t = CORRESPONDING_RE.sub(" ", t) if corresponding else t
    t = _EMAIL_LABEL_RE.sub(" ", t)
    t = squash(re.sub(r"\s+([,;.])", r"\1", t))
    t = re.sub(r"(?:[,;:]\s*)+(?=[,;:.]|$)", "", t).strip(" ,;:.")
    return AffiliationEntry(marker, t, emails, corresponding)


def unique_emails(text: str) -> list[str]:
    """Emails in ``text`` in order, without repeats or a trailing full stop. ``"a@b.org."`` -> ``["a@b.org"]``"""
    return list(dict.fromkeys(m.group(0).rstrip(".") for m in EMAIL_RE.finditer(text)))


def _split_after_emails(text: str) -> list[str]:
    """Unmarked affiliations run together, each closed by its author's email, split after each email.

    ``"Univ. of A, Poland. Email: a@a.pl Univ. of B, UK. Email: b@b.uk"`` ->
    ``["Univ. of A, Poland. Email: a@a.pl", "Univ. of B, UK. Email: b@b.uk"]``; kept whole when what
    follows an email is not another institution (``"Univ. of A. Emails: a@a.pl, b@a.pl"``).
    """
    found = list(EMAIL_RE.finditer(text))
    if len(found) < 2:
        return [text]
    pieces: list[str] = []
    start = 0
    for m in found:
        pieces.append(text[start : m.end()])
        start = m.end()
    if text[start:].strip(" ,;."):
        pieces[-1] += text[start:]
    if not all(INSTITUTION_WORDS.search(EMAIL_RE.sub(" ", piece)) for piece in pieces):
        return [text]
    return [piece.strip(" ,;") for piece in pieces]


def affiliation_entries(text: str, markers: set[str]) -> list[AffiliationEntry]:
    """The entries of an affiliation block, split on the authors' markers (or, unmarked, after each
    email), each with its own emails.

    ``("1 Jilin University, China, li@jlu.cn 2 MGIMO University, Russia", {"1", "2"})`` ->
    ``[AffiliationEntry("1", "Jilin University, China", ["li@jlu.cn"]),
    AffiliationEntry("2", "MGIMO University, Russia", [])]``;
    ``("* Corresponding author: a.lee@uni.org", {"*"})`` -> one entry, marker ``"*"``, no text,
    ``corresponding=True``
    """
    t = squash(strip_marks(text).translate(_SUPER))
    out: list[AffiliationEntry] = []
    if markers:
        # A number marker stands before a space; a symbol is taken whole ("** University" is the "**"
        # entry, not "*" and "* University").
        alts = [rf"{re.escape(m)}(?=\s)" if m[0].isalnum() else rf"{re.escape(m)}(?![*†‡§#])"
                for m in sorted(markers, key=len, reverse=True)]
        pieces = re.split(rf"(?:^|\s)({'|'.join(alts)})\s*(?=\S)", t)
        if pieces[0].strip(" ,;"):
            out.extend(_entry(None, x) for x in _split_after_emails(pieces[0].strip(" ,;")))
        for k in range(1, len(pieces) - 1, 2):
            if pieces[k + 1].strip(" ,;."):
                out.append(_entry(pieces[k], pieces[k + 1]))
    elif t.strip(" ,;."):
        out.extend(_entry(None, x) for x in _split_after_emails(t))
    return out


def split_affiliations(text: str, markers: set[str]) -> list[tuple[str | None, str]]:
    """Affiliations in a block with the marker each starts with (or None when unmarked), emails removed.

    ``("1 Jilin University, China 2 MGIMO University, Russia", {"1", "2"})`` ->
    ``[("1", "Jilin University, China"), ("2", "MGIMO University, Russia")]``
    """
    return [(e.marker, e.text) for e in affiliation_entries(text, markers) if e.text]


def split_author_block(text: str) -> tuple[list[Author], str] | None:
    """An author line run together with the marked affiliations printed under it (extraction joined
    the lines): the authors, and the affiliation text. None when ``text`` does not start that way.

    ``"Anna Lee1, Tom Ray2 1 University of Bath, UK 2 Keio University, Japan"`` ->
    ``([Author("Anna Lee", ["1"]), Author("Tom Ray", ["2"])], "1 University of Bath, UK 2 Keio ...")``
    """
    t = squash(text).translate(_SUPER)
    if len(t) > 1500:
        return None
    for m in re.finditer(rf"\s+(?=(?:\d{{1,2}}|[*†‡§#]{{1,3}})\s*[^\s\d]|[a-h]\s+[{_UP}])", t):
        head, rest = t[: m.start()], t[m.end() :]
        authors = parse_author_line(head)
        if not authors:
            continue
        markers = {mk for a in authors for mk in a.markers}
        lead = re.match(r"\d{1,2}|[*†‡§#]{1,3}|[a-h](?=\s)", rest)
        if markers and lead and lead.group(0) in markers and (INSTITUTION_WORDS.search(rest) or EMAIL_RE.search(rest)):
            return authors, rest
    return None


def _name_keys(name: str) -> set[str]:
    """Lowercase Latin pieces of a name, for matching an email's local part."""
    table = str.maketrans({
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
        "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ы": "y", "э": "e",
        "ю": "yu", "я": "ya", "ь": "", "ъ": "",
    })
    return {w for w in re.findall(r"[a-z]{3,}", name.lower().translate(table))}


def attach_emails(authors: list[Author], emails_by_marker: list[tuple[str | None, str]]) -> None:
    """Give each author their email: by shared marker, by the name inside the address, or the only
    email to the only author. Emails that match no one stay unattached (record-level ``emails``).

    ``([Author("Anna Berg")], [(None, "aberg1990@mail.com")])`` -> that author gets the email
    """
    free = []
    for marker, email in emails_by_marker:
        owners = [a for a in authors if marker and marker in a.markers and a.email is None]
        if len(owners) == 1:
            owners[0].email = email
        else:
            free.append(email)
    rest = []
    for email in free:
        local = email.split("@", 1)[0].lower()
        owners = [a for a in authors if a.email is None and any(k in local for k in _name_keys(a.name))]
        if len(owners) == 1:
            owners[0].email = email
        else:
            rest.append(email)
    if len(rest) == 1 and len(authors) == 1 and authors[0].email is None:
        authors[0].email = rest[0]


def is_institution_entry(entry: AffiliationEntry) -> bool:
    """Whether an affiliation entry names an institution (not only a contact line).

    ``AffiliationEntry("1", "Jilin University, China", [])`` -> True;
    ``AffiliationEntry(None, "", ["a@b.org"], corresponding=True)`` -> False
    """
    if not entry.text or entry.corresponding:
        return False
    return bool(INSTITUTION_WORDS.search(entry.text) or (entry.marker and len(entry.text) > 3))


def attach_entry_emails(authors: list[Author], entries: list[AffiliationEntry]) -> None:
    """Give each author the email printed in their affiliation entry.

    In order of trust: the entry's marker names one author; the address contains the author's name;
    unmarked entries printed one per author, in the authors' order; a corresponding-author line goes
    to the first author; the only email to the only author. Emails that match no one stay unattached
    (record-level ``emails``).
    ``([Author("Ann Lee", ["*"]), Author("Tom Ray", ["**"])],
    [AffiliationEntry("*", "Univ. A", ["x1@a.org"]), AffiliationEntry("**", "Univ. B", ["x2@b.org"])])``
    -> Ann Lee gets ``x1@a.org``, Tom Ray ``x2@b.org``
    """
    pending: list[tuple[AffiliationEntry, str]] = [(e, m) for e in entries for m in e.emails]
    taken: set[str] = {a.email for a in authors if a.email}

    def give(author: Author, email: str) -> None:
        author.email = email
        taken.add(email)

    for entry, email in pending:
        owners = [a for a in authors if entry.marker and entry.marker in a.markers and a.email is None]
        if len(owners) == 1 and email not in taken:
            give(owners[0], email)
    for _entry, email in pending:
        if email in taken:
            continue
        local = email.split("@", 1)[0].lower()
        owners = [a for a in authors if a.email is None and any(k in local for k in _name_keys(a.name))]
        if len(owners) == 1:
            give(owners[0], email)
    one_each = [e for e in entries if is_institution_entry(e) and e.marker is None]
    if len(one_each) == len(authors) > 1 and not any(e.marker for e in entries if is_institution_entry(e)):
        for author, entry in zip(authors, one_each, strict=True):
            free = [m for m in entry.emails if m not in taken]
            if author.email is None and len(free) == 1:
                give(author, free[0])
    for entry, email in pending:
        if entry.corresponding and email not in taken:
            owner = next((a for a in authors if a.email is None), None)
            if owner is not None:
                give(owner, email)
    rest = [m for _e, m in pending if m not in taken]
    if len(set(rest)) == 1 and len(authors) == 1 and authors[0].email is None:
        give(authors[0], rest[0])


def link_affiliations(authors: list[Author], affiliations: list[tuple[str | None, str]]) -> None:
    """Link affiliations to authors by marker; an unmarked single affiliation is shared by all.

    ``([Author("Ли Вэй", ["1"]), Author("У Ган", ["1"])], [("1", "Уханьский университет, Китай")])`` ->
    both authors get ``["Уханьский университет, Китай"]``
    """
    marked = [(m, a) for m, a in affiliations if m is not None]
    unmarked = [a for m, a in affiliations if m is None]
    for author in authors:
        for m, aff in marked:
            if m in author.markers and aff not in author.affiliations:
                author.affiliations.append(aff)
    if unmarked and not marked:
        if len(authors) == 1:
            authors[0].affiliations.extend(a for a in unmarked if a not in authors[0].affiliations)
        elif len(unmarked) == 1:
            for author in authors:
                author.affiliations.append(unmarked[0])
        elif len(unmarked) == len(authors):
            # One affiliation line per author, in the same order (the usual unmarked layout).
            for author, aff in zip(authors, unmarked, strict=True):
                author.affiliations.append(aff)
