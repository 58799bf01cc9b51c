"""Venue: journal (or conference) name in every printed language, year, volume, issue, pages.

Read from the running header (``<Journal> 2024, 3`` — often twice on one line, once per language),
an issue line (``<Journal>. 2023. Т. 5, № 2. С. 50–64``, ``<Journal>, Vol. 5, No. 3, 2024, pp. 11–31``)
or a "for citation" line (``... // <Journal>. 2024. № 3. С. 50–64``). The page range a DOI suffix
encodes is used only when its year and issue agree with the printed ones.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from pipeline.metadata.identifiers import issue_pattern
from pipeline.metadata.text import lang_by_script, nonspace_count, norm_dashes, squash

_YEAR = r"(?:19|20)\d\d"
# The words a volume and an issue number are printed with, maybe with a colon. (бр. is Bulgarian and
# Serbian, heft German, број Macedonian and Serbian, cilt and sayı Turkish.)
_VOL_WORDS = r"(?<!\w)(?:vol\.?|volume|т\.|том|bd\.|band|cilt)\s*:?\s*"
_ISSUE_WORDS = r"(?:(?<!\w)(?:no\.?|nr\.?|issue|iss\.|вып\.?|выпуск|бр\.|број|heft|sayı|n[°º]|n\.[°º]|n)\s*:?\s*|№\s*)"
_VOL_RE = re.compile(rf"{_VOL_WORDS}(\d+[a-z]?)", re.IGNORECASE)
_ISSUE_RE = re.compile(rf"{_ISSUE_WORDS}(\d+(?:\s*[-/–]\s*\d+)?)(?!\d)", re.IGNORECASE)
# A volume followed by its issue ("Vol. 33 No. 5", "Т. 9, № 4"), or the two in Chinese ("第 33 卷第 5 期").
# (A bilingual masthead prints each word in both languages: "Cilt/Volume: 11 Sayı/Issue: 2".)
_VOLUME_THEN_ISSUE_RE = re.compile(rf"{_VOL_WORDS}\d+[a-z]?\s*[,.(]?\s*(?:[^\W\d_]+/)?{_ISSUE_WORDS}\d|"
                                   r"第\s*\d+\s*卷\s*第\s*\d+\s*期",
                                   re.IGNORECASE)
_PAGES_RE = re.compile(r"(?<!\w)(?:pp?\.|с\.|сс\.|pages?|s\.|стр\.)\s*(\d+(?:\s*[-–—]\s*\d+)?)(?!\d)", re.IGNORECASE)
_YEAR_RE = re.compile(rf"(?<![\d\w])({_YEAR})(?![\d])")
# "<name> 2024, 3" (a running header): the name, then the year, a comma and the issue number.
_HEADER_RE = re.compile(rf"(?P<name>\S.*?)[\s.,]+(?P<year>{_YEAR})\s*,\s*(?:№\s*)?(?P<issue>\d{{1,3}}(?:[-/]\d{{1,3}})?)"
                        rf"(?=\s|$|\.)")
# "<name> (2023) 41:612–634" (a journal's page-1 header: the year in brackets, volume:pages or
# volume:article number), the whole line.
_YEAR_VOL_PAGES_RE = re.compile(rf"(?P<name>[^\d()]{{3,}}?)\s+\((?P<year>{_YEAR})\)\s+(?P<vol>\d{{1,4}})\s*:\s*"
                                r"(?P<pages>\d{1,6}(?:\s*[-–—]\s*\d{1,6})?)\s*$")
# "<name>, 57 | 2023" (an online journal platform's running header: the volume, a bar, the year), the
# whole line.
_VOL_BAR_YEAR_RE = re.compile(rf"(?P<name>[^\d|]{{3,}}?)[,.]?\s+(?P<vol>\d{{1,4}})\s*\|\s*(?P<year>{_YEAR})")
# "<name> 2024; 12 (2): 31–34" (Vancouver style: year; volume (issue): pages), at the line's end.
_VANCOUVER_RE = re.compile(rf"(?:^|(?P<name>.*?[^\W\d_].*?)[\s.,]+)(?P<year>{_YEAR})\s*;\s*(?P<vol>\d{{1,4}})\s*"
                           r"(?:\((?P<issue>\d{1,3}(?:[-/–]\d{1,3})?)\))?\s*:\s*(?P<pages>\d{1,6}(?:\s*[-–—]\s*\d{1,6})?)\.?$")
# "<name> LXXI (2), 2023, 205–216" (a volume, in Roman or Arabic figures, its issue in brackets, the year
# and the pages, unlabelled; a masthead's other column may follow).
_VOL_ISSUE_YEAR_PAGES_RE = re.compile(
    rf"(?:^|(?P<name>.*?[^\W\d_].*?)[\s.,]+)(?P<vol>[IVXLC]{{1,8}}|\d{{1,4}})\s*\((?P<issue>\d{{1,3}}(?:[-/–]\d{{1,3}})?)\)"
    rf"\s*,\s*(?P<year>{_YEAR})\s*,\s*(?P<pages>\d{{1,6}}\s*[-–—]\s*\d{{1,6}})(?![\d\w])")
# "<name>, 12(3), 50-64" (the usual English citation of a journal article).
_VOL_ISSUE_RE = re.compile(r"(?P<name>[^\d,;]{3,}?),?\s+(?P<vol>\d+)\s*\((?P<issue>\d+(?:[-/]\d+)?)\)"
                           r"(?:,?\s*(?P<pages>\d+\s*[-–—]\s*\d+))?")
# What every match of _HEADER_RE and _VOL_ISSUE_RE holds (a year and its comma; a number and an opening
# bracket): cheap tests that spare those lazy patterns, slow on long lines, where they cannot match.
_YEAR_COMMA_RE = re.compile(rf"{_YEAR}\s*,")
_NUMBER_PAREN_RE = re.compile(r"\d\s*\(")
_CITATION_CUES = (
    r"(?:для\s+цитирования|ссылка\s+для\s+цитирования|ссылка\s+на\s+статью|for\s+citation|"
    r"to\s+cite\s+this\s+article|cite\s+this\s+article|cite\s+as|how\s+to\s+cite(?:\s+this\s+article)?|"
    r"citation|для\s+цитування|як\s+цитувати|"
    # French (an OpenEdition cover page prints both references), German, Spanish, Portuguese, Italian, Polish.
    r"r[ée]f[ée]rence\s+(?:[ée]lectronique|papier)|(?:pour\s+)?citer\s+(?:cet\s+article|ce\s+document)|"
    r"zitiervorschlag|zitierweise|zitieren\s+als|c[óo]mo\s+citar(?:\s+este\s+art[íi]culo)?|"
    r"para\s+citar(?:\s+este\s+art[íi]culo)?|citar\s+como|come\s+citare|per\s+citare(?:\s+questo\s+articolo)?|"
    r"jak\s+cytować)"
)
CITATION_CUE_RE = re.compile(rf"^\s*{_CITATION_CUES}\s*[:.]?\s*", re.IGNORECASE)
# The cue and its colon opening a sentence inside a block (a funding note's line run into it), in a block
# at most this long (a paragraph of the body is not searched).
INNER_CITATION_CHARS = 1200
_INNER_CITATION_CUE_RE = re.compile(rf"(?<=[.!?)]\s)(?=(?-i:[A-ZА-ЯЁІЇЄҐ])){_CITATION_CUES}\s*:\s*", re.IGNORECASE)


def clean_name(name: str) -> str | None:
    """Trim punctuation and stray page numbers around a venue name; None when nothing name-like is left.

    ``" 50  Oriental Studies Bulletin. "`` -> ``"Oriental Studies Bulletin"``
    """
    n = squash(name)
    n = re.sub(r"^[\d\s|.,;:/—–-]+", "", n)
    n = n.strip(" .,;:/|—–-")
    if sum(c.isalpha() for c in n) < 3 or len(n.split()) > 15:
        return None
    return n


def norm_pages(pages: str) -> str:
    """Page range as ``first-last``. ``"50 – 64"`` -> ``"50-64"``; ``"7"`` -> ``"7"``"""
    return re.sub(r"\s*-\s*", "-", norm_dashes(pages.strip()))


# A year and a labelled page range, a collection's or an issue's line ("red. Ewa Lipińska, Olsztyn 2022,
# s. 97–110", "2023, n° 2, p. 87-102"); or a volume's pages and the year ("<name> 61: 143-146, 2024").
_YEAR_THEN_PAGES_RE = re.compile(rf"(?<!\d)({_YEAR})\b.{{0,40}}?{_PAGES_RE.pattern}", re.IGNORECASE)
_VOL_PAGES_YEAR_RE = re.compile(rf"(?<![\d.])\d{{1,4}}\s*:\s*\d{{1,6}}\s*[-–—]\s*\d{{1,6}}\s*,\s*({_YEAR})(?!\d)")
_RANGE_RE = re.compile(r"\d\s*[-–—]\s*\d")


def masthead_year(text: str) -> str | None:
    """The year of a line that prints a year and then the article's pages (a masthead, collection or
    citation line), else None.

    ``"red. Ewa Lipińska, Marek Sowa, Olsztyn 2022, s. 97–110"`` -> ``"2022"``;
    ``"Sborník klubu v Jihlavě 61: 143-146, 2024"`` -> ``"2024"``; ``"Growth in 2022, see p. 4"`` -> None
    """
    if (m := _YEAR_THEN_PAGES_RE.search(text)) and _RANGE_RE.search(text, m.end(1)):
        return m.group(1)
    return m.group(1) if (m := _VOL_PAGES_YEAR_RE.search(text)) else None


def has_year_and_pages(text: str) -> bool:
    """Whether ``text`` prints a year and then the article's pages (see ``masthead_year``)."""
    return masthead_year(text) is not None


def has_volume_and_issue(text: str) -> bool:
    """Whether ``text`` prints a volume and then its issue: a masthead or citation line.

    ``"Journal of Joining, Vol. 12, No. 3"`` -> True; ``"第 33 卷第 5 期城市水环境"`` -> True; ``"Volume 12"`` -> False
    """
    return _VOLUME_THEN_ISSUE_RE.search(text) is not None


def parse_issue_line(line: str) -> dict[str, Any] | None:
    """Read a running header or issue line into names, year, volume, issue and pages; None if it is not one.

    ``"Вестник востоковедения 2024, 3 Oriental Studies Bulletin 2024, 3"`` ->
    ``{"names": ["Вестник востоковедения", "Oriental Studies Bulletin"], "year": "2024",
    "volume": None, "issue": "3", "pages": None}``;
    ``"Вестник МГИМО. 2023. Т. 16, № 2. С. 7–29"`` -> names ``["Вестник МГИМО"]``, year 2023, volume 16,
    issue 2, pages ``"7-29"``; ``"Journal of Place (2023) 41:612–634"`` -> volume 41, pages ``"612-634"``;
    ``"Cahiers de géographie, 57 | 2023"`` -> names ``["Cahiers de géographie"]``, year 2023, volume 57;
    ``"The year 2019 marked the 70th anniversary"`` -> None
    """
    # Every reading needs a year; squashing neither makes nor breaks "19"/"20", and keeps every
    # character that is not a space: both tested on the line as given, before squashing it.
    if ("19" not in line and "20" not in line) or nonspace_count(line) > 240:
        return None
    text = squash(line)
    if len(text) > 240:
        return None
    # A running header with the "<name> YYYY, N" shape, possibly once per language.
    headers = list(_HEADER_RE.finditer(text)) if _YEAR_COMMA_RE.search(text) else []
    if headers and not _VOL_RE.search(text) and not _PAGES_RE.search(text):
        names = [n for n in (clean_name(h.group("name")) for h in headers) if n]
        rest = text[headers[-1].end() :].strip(" .,")
        if names and (not rest or rest.isdigit()):
            return {"names": names, "year": headers[0].group("year"), "volume": None,
                    "issue": headers[0].group("issue"), "pages": None}
    if ";" in text and (vanc := _VANCOUVER_RE.search(text)):
        name = clean_name(vanc.group("name") or "") if vanc.group("name") else None
        return {"names": [name] if name else [], "year": vanc.group("year"), "volume": vanc.group("vol"),
                "issue": vanc.group("issue"), "pages": norm_pages(vanc.group("pages"))}
    if "(" in text and (vyp := _VOL_ISSUE_YEAR_PAGES_RE.search(text)):
        name = clean_name(vyp.group("name") or "") if vyp.group("name") else None
        return {"names": [name] if name else [], "year": vyp.group("year"), "volume": vyp.group("vol"),
                "issue": vyp.group("issue"), "pages": norm_pages(vyp.group("pages"))}
    if "|" in text and (vy := _VOL_BAR_YEAR_RE.fullmatch(text)):
        name = clean_name(vy.group("name"))
        if name:
            return {"names": [name], "year": vy.group("year"), "volume": vy.group("vol"), "issue": None, "pages": None}
    if "(" in text and (ypp := _YEAR_VOL_PAGES_RE.fullmatch(text)):
        name = clean_name(ypp.group("name"))
        if name:
            return {"names": [name], "year": ypp.group("year"), "volume": ypp.group("vol"), "issue": None,
                    "pages": norm_pages(ypp.group("pages"))}
    # An issue line with labelled parts.
    vol_m = _VOL_RE.search(text)
    issue_m = _ISSUE_RE.search(text)
    # (The year is not the number's first part: "Communiqué n° 2024-041" is a document's number.)
    year_m = next((y for y in _YEAR_RE.finditer(text)
                   if issue_m is None or not issue_m.start(1) <= y.start() < issue_m.end(1)), None)
    pages_m = _PAGES_RE.search(text)
    vi = _VOL_ISSUE_RE.search(text) if _NUMBER_PAREN_RE.search(text) else None
    if year_m and (vol_m or issue_m) and (vi is None or vol_m or issue_m):
        first = min(m.start() for m in (year_m, vol_m, issue_m) if m)
        name = clean_name(text[:first])
        if name is None or name.endswith((" in", " в")):
            return None
        issue = re.sub(r"\s+", "", norm_dashes(issue_m.group(1))) if issue_m else None
        if issue is None and vol_m:
            # "Vol. 15(2)": the issue in brackets right after the volume.
            paren = re.match(r"\s*\((\d+(?:[-/]\d+)?)\)", text[vol_m.end() :])
            issue = paren.group(1) if paren else None
        pages = norm_pages(pages_m.group(1)) if pages_m else None
        if pages is None:
            # An unlabelled page range closing the line: "... 2024, Vol. 15(2) 123–145".
            tail = re.search(r"(?<![\d(])(\d{1,5})\s*[-–—]\s*(\d{1,5})\s*\.?$", text)
            if tail and int(tail.group(2)) >= int(tail.group(1)) and not _YEAR_RE.fullmatch(tail.group(2)):
                pages = f"{tail.group(1)}-{tail.group(2)}"
        return {
            "names": [name],
            "year": year_m.group(1),
            "volume": vol_m.group(1) if vol_m else None,
            "issue": issue,
            "pages": pages,
        }
    if vi and year_m:
        name = clean_name(vi.group("name"))
        if name:
            return {"names": [name], "year": year_m.group(1), "volume": vi.group("vol"), "issue": vi.group("issue"),
                    "pages": norm_pages(vi.group("pages")) if vi.group("pages") else None}
    return None


def citations(texts: list[str]) -> list[tuple[int, str]]:
    """The article's own references ("for citation" statements) among block texts: the block's index
    and what follows the cue, squashed; the next block when the cue stands alone ("Référence
    électronique" over the reference).

    ``["Title", "Для цитирования: Иванов И.И. Заглавие // Вестник. 2023."]`` ->
    ``[(1, "Иванов И.И. Заглавие // Вестник. 2023.")]``
    """
    out: list[tuple[int, str]] = []
    for i, t in enumerate(texts):
        m = CITATION_CUE_RE.match(t)
        if m is None and len(t) <= INNER_CITATION_CHARS and ":" in t:
            m = _INNER_CITATION_CUE_RE.search(t)
        if m is None:
            continue
        rest = squash(t[m.end() :])
        if not rest and i + 1 < len(texts) and CITATION_CUE_RE.match(texts[i + 1]) is None:
            i, rest = i + 1, squash(texts[i + 1])
        if rest:
            out.append((i, rest))
    return out


def citation_venue(line: str) -> dict[str, Any] | None:
    """Venue from a "for citation" line, else None.

    ``"Для цитирования: Иванов И.И. Заглавие // Вестник МГИМО. 2023. Т. 16, № 2. С. 7–29."`` ->
    names ``["Вестник МГИМО"]``, year 2023, volume 16, issue 2, pages ``"7-29"``
    """
    m = CITATION_CUE_RE.match(line)
    return reference_venue(line[m.end() :]) if m else None


_GOST_SEPARATOR = re.compile(r"(?<!:)//")


def reference_venue(rest: str) -> dict[str, Any] | None:
    """Venue from the article's reference (a "for citation" line without its cue), else None.
    ``"Smith, J. (2021). Trade. Journal of Trade Studies, 12(3), 50–64."`` -> names
    ``["Journal of Trade Studies"]``, volume 12, issue 3; ``"Smith J. Trade. Trade Studies. 2022;27(4):571–580."``
    -> names ``["Trade Studies"]``, year 2022, volume 27, issue 4, pages ``"571-580"``"""
    # (GOST's "//" before the journal; not a web address's "://".)
    if "//" in rest and (gost := _GOST_SEPARATOR.search(rest)):
        return parse_issue_line(rest[gost.end():].split(" DOI")[0])
    # APA/MLA style: the journal follows the title's full stop, "Journal, 12(3), 50–64".
    pieces = re.split(r"(?<=[.?!])\s+", rest)
    for piece in pieces:
        vi = _VOL_ISSUE_RE.search(piece)
        if vi:
            year_m = _YEAR_RE.search(rest)
            name = clean_name(vi.group("name"))
            if name:
                return {"names": [name], "year": year_m.group(1) if year_m else None, "volume": vi.group("vol"),
                        "issue": vi.group("issue"),
                        "pages": norm_pages(vi.group("pages")) if vi.group("pages") else None}
    # Vancouver style: the journal is the sentence before "2022;27(4):571–580." (a DOI may follow).
    for k in range(1, len(pieces)):
        if ";" in pieces[k] and (vanc := _VANCOUVER_RE.match(pieces[k].split(" http")[0].split(" DOI")[0].strip())) \
                and not vanc.group("name") and (name := clean_name(pieces[k - 1])):
            return {"names": [name], "year": vanc.group("year"), "volume": vanc.group("vol"),
                    "issue": vanc.group("issue"), "pages": norm_pages(vanc.group("pages"))}
    return None


def pick_header(lines: list[str]) -> dict[str, Any] | None:
    """The issue information most running-header lines agree on (headers repeat on every page).

    ``["Journal 2024, 3", "50", "Journal 2024, 3"]`` -> the parse of ``"Journal 2024, 3"``
    """
    parsed = [(line, p) for line in lines if (p := parse_issue_line(line))]
    if not parsed:
        return None
    counts = Counter(squash(line) for line, _ in parsed)
    best = max(parsed, key=lambda lp: counts[squash(lp[0])])
    return best[1]


def build_venue(info: dict[str, Any] | None, doi: str | None, languages: dict[str, float]) -> dict[str, Any] | None:
    """The record's venue object from parsed issue information, with pages from the DOI hint when the
    DOI's year and issue agree with the printed ones.

    ``({"names": ["Вестник востоковедения", "Oriental Studies"], "year": "2023", "issue": "2", ...},
    "10.31857/1234-5678-2023-2-17-31", {"ru": .6, "en": .4})`` ->
    ``{"name": "Вестник востоковедения", "name_translations": [{"text": "Oriental Studies", "lang": "en"}],
    "year": "2023", "volume": None, "issue": "2", "pages": "17-31"}``
    """
    if not info:
        return None
    names: list[str] = info.get("names") or []
    name = names[0] if names else None
    first_lang = lang_by_script(name, languages) if name else "und"
    translations = []
    for other in names[1:]:
        lang = lang_by_script(other, languages)
        if other != name and (lang != first_lang or lang == "und"):
            translations.append({"text": other, "lang": lang})
    pages = info.get("pages")
    if pages is None and doi:
        hint = issue_pattern(doi)
        if hint and hint["year"] == info.get("year") and hint["issue"] == info.get("issue"):
            pages = hint["pages"]
    return {
        "name": name,
        "name_translations": translations,
        "year": info.get("year"),
        "volume": info.get("volume"),
        "issue": info.get("issue"),
        "pages": pages,
    }
