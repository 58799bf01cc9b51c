"""The metadata stage: title, authors, DOI, dates, venue, keywords and abstracts per language,
footnotes, references, URLs and emails.

``extract_metadata(doc, cfg)`` reads what the earlier stages left (blocks, furniture, boilerplate,
footnotes, segments) and fills ``doc.metadata`` with exactly the keys the record stage copies. Each
field family lives in its own module of small pure helpers; this module only decides where in the
document each is looked for (the front matter, the running headers, the reference list) and labels
the blocks it recognised (title, byline, abstract, keywords, reference).

Nothing is invented: a field that is not printed, or printed ambiguously, is None or empty.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from pipeline.config import MetadataConfig
from pipeline.document import Block, Document
from pipeline.metadata import authors as au
from pipeline.metadata import dates, identifiers, notes, thesis, title, venue
from pipeline.metadata import keywords_abstract as ka
from pipeline.metadata.front_matter import read_front_matter
from pipeline.metadata.text import (
    block_lang,
    ends_sentence,
    main_script,
    nonspace_count,
    segment_spans,
    span_lang,
    squash,
    strip_marks,
    unique,
    word_count,
)
from pipeline.names import SPELT_OUT_BYLINE

__all__ = ["METADATA_KEYS", "extract_metadata"]

log = logging.getLogger(__name__)

METADATA_KEYS = (
    "title", "title_translations", "authors", "doi", "published", "venue", "keywords", "abstract",
    "references", "urls", "emails", "footnotes",
)
# A writer's name and post under a standfirst is a short line: at most this many words.
BYLINE_WITH_ROLE_WORDS = 15
# How far past the front matter a lead may still name its writer ("..., writes <Name>, ...").
LEAD_BLOCKS = 3
# A byline ("By Jane Doe", "Written by ...") may stand this many blocks into the body: under a
# standfirst, the publication and update dates.
BYLINE_BLOCKS = 5
# Or among the last this many blocks, with the cue's colon within this many characters.
TAIL_BYLINE_BLOCKS = 6
TAIL_BYLINE_CUE_CHARS = 12
_SPELT_OUT_BYLINE_RE = re.compile(SPELT_OUT_BYLINE, re.IGNORECASE)
# The button beside a blog writer's name.
_FOLLOW_RE = re.compile(r"\s*(?:follow|подписаться|підписатися|abonnieren|folgen|suivre|seguir|segui|obserwuj)\s*",
                        re.IGNORECASE)
# A "Summary"-like cue in the text's language this many blocks under the first cue still opens the
# abstract (a keywords list printed first).
SUMMARY_CUE_BLOCKS = 2
# How many blocks before a second-language abstract its title may stand.
TRANSLATION_WINDOW = 6


@dataclass
class Front:
    """What the front matter holds, block by block."""

    title: list[int] = field(default_factory=list)
    title_text: str = ""
    title_lang: str | None = None
    translations: list[tuple[list[int], str, str]] = field(default_factory=list)  # blocks, text, lang
    author_blocks: list[int] = field(default_factory=list)
    byline_blocks: list[int] = field(default_factory=list)
    affiliation_blocks: list[int] = field(default_factory=list)
    date_blocks: list[int] = field(default_factory=list)
    header_blocks: list[int] = field(default_factory=list)
    authors: list[au.Author] = field(default_factory=list)
    byline_names: list[str] = field(default_factory=list)
    role_affiliations: list[tuple[au.Author, str]] = field(default_factory=list)
    translated_blocks: set[int] = field(default_factory=set)  # affiliations repeated in another language
    # Affiliations read off an author block that extraction ran together with them, by block.
    affiliation_texts: dict[int, str] = field(default_factory=dict)
    imprint_year: str | None = None  # a thesis's title page: the year at its foot


def _is_body(text: str, kind: str) -> bool:
    """A block that starts the main text: a real paragraph, not a heading or a short label."""
    if kind == "heading":
        return False
    # Judge line by line: short lines kept apart inside one block are a headline area, not prose.
    return any(_is_body_line(x) for x in text.split("\n") if x.strip())


# A line shorter than this ending with a year's abbreviation ("... в 1961–2020 гг.") is a title, not
# a paragraph of one sentence.
TITLE_YEAR_WORDS = 20


def _is_body_line(line: str) -> bool:
    """A line of prose: 300 characters long once squashed, or a sentence of 12 words or more not set
    in capitals (a title in capitals may end with an abbreviation's full stop: "... 2019–2022 ГГ.").
    A line with 300 characters that are not spaces is long enough unsquashed (most paragraphs).

    ``"It is a long enough sentence with many words in it to be prose."`` -> True; ``"Big News"`` -> False
    """
    if nonspace_count(line) >= 300:
        return True
    x = squash(line)
    n = word_count(x)
    return len(x) >= 300 or (n >= 12 and ends_sentence(x) and not title.in_capitals(x)
                             and not (n < TITLE_YEAR_WORDS and title.ends_with_year_abbreviation(x)))


def _is_furniture_like(text: str, venue_keys: frozenset[str] = frozenset()) -> bool:
    """Lines that sit around a title without being one: page numbers, issue lines, DOI/UDC lines,
    rubric labels, navigation trails, the article's history (received/accepted dates), and the journal's name (``venue_keys``) on a line of its own."""
    t = squash(strip_marks(text))
    return (
        not t
        or _NUMBERS_ONLY_RE.fullmatch(t) is not None
        or venue.parse_issue_line(t) is not None
        or identifiers.doi_statement(t) is not None
        # (A line opening with a labelled DOI is the masthead's, whatever its other column holds: "DOI:
        # 10.x/y  Original scientific paper".)
        or identifiers.PREFIXED_DOI_RE.match(t) is not None
        or title.is_code_or_label(t)
        or title.is_breadcrumb(t)
        or venue.CITATION_CUE_RE.match(t) is not None
        or notes.is_history_note(t)
        or _URL_ONLY_RE.fullmatch(t) is not None
        or _is_venue_line(t, venue_keys)
        or venue.has_volume_and_issue(t)  # a masthead or citation line
        or venue.has_year_and_pages(t)
        or _dated_at_both_ends(t)
        or _ISSN_RE.search(t) is not None  # a masthead: the journal's name beside its ISSN
        or _date_time_stamp(t)
    )


# A date-and-time line is no longer than this.
STAMP_CHARS = 60
# A line ending with a date and a clock time, at most this many words before the date, is a stamp
# (a byline with its update time has more: "By Jane Doe and John Roe | Updated: 3 March 2024, 18:42").
STAMP_WORDS = 4
_CLOCK_END_RE = re.compile(r"[\s,.:;|–—-]*" + dates.CLOCK_TIME + r"\.?$", re.IGNORECASE)


_STAMP_SEPARATOR_RE = re.compile(r"\s+[·|•]\s+")
# A stamp's label before its date is at most this many words (in capitals, any number of them).
STAMP_LABEL_WORDS = 4


def _label_then_date(t: str, day_first: bool) -> bool:
    """A status or kind label and a date, set apart by a dot or a bar: a stamp over the title, never
    the title. ``"PREPRINT – NOT PEER REVIEWED · March 21, 2024"`` -> True; ``"Opinion | 5 May 2024"`` -> True;
    ``"The Floods of 2021 · A Reckoning"`` -> False"""
    if "·" not in t and "|" not in t and "•" not in t:
        return False
    *labels, last = _STAMP_SEPARATOR_RE.split(t)
    # (Not a name beside the date: "Jane Doe | 12 March 2024" is a byline.)
    return bool(labels) and dates.parse_date(last, day_first) is not None and all(
        (title.in_capitals(x) or 0 < word_count(x) <= STAMP_LABEL_WORDS) and not au.is_name(x) for x in labels)


def _date_time_stamp(t: str) -> bool:
    """A line ending with a date and a clock time: when the file was generated, downloaded or updated,
    never a title. ``"Document généré le 11 mars 2025 14:27"`` -> True; ``"The Floods of May 2021"`` -> False;
    ``"By Jane Doe and John Roe | Updated: 3 March 2024, 18:42"`` -> False (a byline)
    """
    if word_count(t) > STAMP_WORDS + 6 or ":" not in t and "h" not in t and "." not in t:
        return False
    found = dates.find_dates(t)
    return bool(found) and word_count(t[: found[-1].start]) <= STAMP_WORDS \
        and _CLOCK_END_RE.fullmatch(t, found[-1].end) is not None


# An ISSN ("ISSN 2077-4915", "e-ISSN: 2254-782X"): a title never prints one.
_ISSN_RE = re.compile(r"\bISSN\s*:?\s*\d{4}-?\d{3}[\dXx]\b", re.IGNORECASE)


def _dated_at_both_ends(t: str) -> bool:
    """A masthead's issue line: a date at its start and another at its end, the journal's name between
    ("2022 年 10 月 Urban Water Engineering Oct. 2022"). ``"Oct. 2022 News Oct. 2022"`` -> True;
    ``"The Floods of May 2021"`` -> False
    """
    found = dates.find_dates(t)
    return len(found) >= 2 and found[0].start == 0 and found[-1].end == len(t.rstrip(" ."))


def _is_venue_line(text: str, venue_keys: frozenset[str]) -> bool:
    """The journal's name on a line of its own (maybe once per language), or with only numbers around
    it (a running header "202 <Journal> 12(3)"). ``("202 Review of Urban Affairs 9(1)", {"review of urban
    affairs"})`` -> True"""
    if not venue_keys:  # most documents print no journal name: no key to make
        return False
    key = _line_key(text)
    # (In a fixed order, longest first: the keys are a set, and the answer must not depend on its order.)
    found = sorted((n for n in venue_keys if n in key), key=lambda n: (-len(n), n))
    if not found:
        return False
    rest = key
    for name in found:
        rest = rest.replace(name, " ")
    if not re.search(r"[^\W\d_]", rest):
        return True
    # The name in one alphabet, then its translation in another ("ЭКОНОМИКА ТРУДА ... REGIONAL LABOUR ...").
    first = min(found, key=lambda n: (key.find(n), -len(n)))
    return (key.startswith(first) and word_count(rest) <= MAX_VENUE_NAME_WORDS
            and main_script(rest) not in (None, main_script(first)))


def _line_key(text: str) -> str:
    """A line reduced to its lowercase words, for comparing printed forms.

    ``"ВЕСТНИК МГИМО."`` -> ``"вестник мгимо"``
    """
    return " ".join(_WORDS_RE.findall(text.casefold()))


_WORDS_RE = re.compile(r"\w+")
_NUMBERS_ONLY_RE = re.compile(r"[\d\s\-–—.,/|]+")
_URL_ONLY_RE = re.compile(r"(?:https?://|www\.)\S+")


# How many blocks past the front matter a "for citation" line naming the journal is looked for (an
# English one may follow the English abstract); a journal's name is at most this many words.
CITATION_BLOCKS = 30
MAX_VENUE_NAME_WORDS = 10


def _venue_keys(doc: Document, front_end: int, cited: list[tuple[int, str]]) -> frozenset[str]:
    """The journal names printed in the running headers and issue lines of the front matter, and in
    its "for citation" lines (``cited``: the masthead prints the name alone, its issue line moved to the
    furniture)."""
    lines = list(doc.furniture) + [ln for b in doc.blocks[:front_end] for ln in b.text.split("\n")]
    infos = [venue.parse_issue_line(line) for line in lines]  # it squashes the line first itself
    infos += [venue.reference_venue(text) for _i, text in cited]
    keys = set()
    for info in infos:
        for name in (info or {}).get("names") or []:
            if word_count(name) >= 2:
                keys.add(_line_key(name))
    return frozenset(keys)


def _is_other_front_line(text: str, cfg: MetadataConfig, next_line: str = "") -> bool:
    """A front-matter line that has its own role (a byline, a date, an author line), so it never
    continues a wrapped title even when it starts in lower case ("by NewsWire"). ``next_line``: the
    line after it, which can make plain names an author line."""
    return (
        au.parse_byline(text) is not None
        or dates.parse_date(text, cfg.day_first) is not None
        or bool((names := au.parse_author_line(text)) and _accept_author_line(text, names, True, next_line))
        or au.split_author_block(text) is not None
        or _is_furniture_like(text)
    )


def _cue_parts(cues: list[list[ka.CuePart]], skip: set[int]) -> list[ka.CuePart]:
    """Every cued part (abstract, keywords, stop) of every block outside the reference list."""
    return [p for i, parts in enumerate(cues) if i not in skip for p in parts]


@dataclass(frozen=True)
class Unit:
    """One line of the front matter: its block, its cleaned text and where it sits in the block."""

    block: int
    text: str
    start: int
    end: int


def _front_units(doc: Document, front_end: int) -> list[Unit]:
    """The front matter line by line: repair keeps a line break inside a block only where it judged
    the lines separate (a headline over its subtitle, a breadcrumb over a headline)."""
    units = []
    for i in range(front_end):
        pos = 0
        for raw in doc.blocks[i].text.split("\n"):
            t = squash(strip_marks(raw))
            if t:
                units.append(Unit(i, t, pos, pos + len(raw)))
            pos += len(raw) + 1
    return units


def _units_lang(doc: Document, units: list[Unit]) -> str:
    """Language of some front lines, weighted by their length."""
    weights: dict[str, int] = {}
    for un in units:
        lang = span_lang(doc, un.block, un.start, un.end)
        weights[lang] = weights.get(lang, 0) + len(un.text)
    if not weights:
        return "und"
    return max(weights.items(), key=lambda kv: (kv[1], kv[0] != "und", kv[0]))[0]


def _repeated_headline(texts: list[str], cfg: MetadataConfig, venue_keys: frozenset[str]) -> int | None:
    """The first title-shaped front line printed twice (a web page's title repeated as its headline),
    else None. ``["Site", "Big news of the day", "Big news of the day", "By X"]`` -> ``1``"""
    keys = [_line_key(t) for t in texts]
    for u, t in enumerate(texts):
        if (
            word_count(t) >= 3
            and keys[u] in keys[u + 1 :]
            and title.is_title_shaped(t)
            and not _is_furniture_like(t, venue_keys)
            and not _is_other_front_line(t, cfg)
            # (An affiliation is printed again under each of its authors: "Institute of Social Informatics".)
            and not _is_affiliation_line(t)
        ):
            return u
    return None


# A rubric (the journal's section label above the article) is at most this many words; the title
# right under a short one, at least this many.
RUBRIC_WORDS = 6
MIN_TITLE_UNDER_RUBRIC_WORDS = 5


def _rubric_over_title(first: str, nxt: str) -> bool:
    """A short label in capitals over a title in capitals of five words or more (``title.is_rubric_over``:
    the two lines a title in capitals would otherwise make one of).
    ``("ИСТОРИЯ РОССИИ", "ПОЧТОВЫЕ СТАНЦИИ СИБИРСКОГО ТРАКТА В ТОБОЛЬСКОЙ ГУБЕРНИИ")`` -> True;
    ``("CRONACHE PICENE", "Il quotidiano online di Ascoli, Fermo e dei Sibillini")`` -> False (a site's
    name over its slogan: the headline comes later)"""
    return (title.in_capitals(first) and title.in_capitals(nxt) and title.is_rubric_over(first, nxt)
            and word_count(nxt) >= MIN_TITLE_UNDER_RUBRIC_WORDS)


def _only_a_title_read(fr: Front, later_titles: list[list[Unit]]) -> bool:
    """Whether nothing has been read yet that only follows a title: authors, a byline, a translated
    title, a later title."""
    return not later_titles and not fr.authors and not fr.byline_names and not fr.translations


def _units_words(units: list[Unit]) -> int:
    return sum(word_count(un.text) for un in units)


def _to_header(fr: Front, units: list[Unit]) -> None:
    """What was read as the title so far is the header's (a rubric): its blocks join the header blocks."""
    for un in units:
        if un.block not in fr.header_blocks:
            fr.header_blocks.append(un.block)


# A title the article's reference names has at least this many words (fewer may be a word of the
# journal's name or of an author's).
MIN_CITED_TITLE_WORDS = 4


def _in_reference(text: str, cited: list[str]) -> bool:
    """Whether ``text``'s words are printed together in one of the article's references (``cited``,
    each as ``_line_key`` made it). ``("Trade and Power", ["smith j 2021 trade and power j t s 12"])`` -> True"""
    key = _line_key(text)
    return bool(key) and any(f" {key} " in f" {c} " for c in cited)


def _named_in_reference(authors: list[au.Author], cited: list[str]) -> bool:
    """Whether one of the article's references opens with these authors: each name's last word among its
    first words (four per author, two more for a cue the squash left). ``([Author("Jane Doe"),
    Author("Li Wei")], ["doe j and wei l trade and power"])`` -> True"""
    lasts = [words[-1] for a in authors if (words := _line_key(a.name).split())]
    if not lasts or len(lasts) < len(authors):
        return False
    return any(set(lasts) <= set(c.split()[: 4 * len(authors) + 2]) for c in cited)


def _cited_title(doc: Document, units: list[Unit], texts: list[str], start: int, lang: str | None,
                 cited: list[str], page_width: bool, cfg: MetadataConfig,
                 venue_keys: frozenset[str]) -> tuple[list[Unit], list[au.Author]] | None:
    """The first title-shaped front line from ``start`` on that the article's reference prints, in the
    title's language (``lang``), with the lines that go on with it in the reference too; else None.
    With it, the authors printed on the same line after the title (extraction may run the title's
    last line and the byline together), when the reference opens with them."""
    for u in range(start, len(units)):
        t = texts[u]
        if word_count(t) < MIN_CITED_TITLE_WORDS or _is_furniture_like(t, venue_keys):
            continue
        names: list[au.Author] = []
        if not _in_reference(t, cited):
            split = _title_then_names(t, cited)
            if split is None:
                continue
            head, names = split
            units = [*units[:u], Unit(units[u].block, head, units[u].start, units[u].start + len(head)), *units[u + 1 :]]
            texts = [*texts[:u], head, *texts[u + 1 :]]
            t = head
        if not title.is_title_shaped(t):
            continue
        group = [u]
        while _title_goes_on(doc, units, texts, group, page_width, cfg) and \
                _in_reference(" ".join(texts[g] for g in [*group, group[-1] + 1]), cited):
            group.append(group[-1] + 1)
        found = [units[g] for g in group]
        if _units_lang(doc, found) in (lang, "und"):
            return found, names
    return None


def _title_then_names(text: str, cited: list[str]) -> tuple[str, list[au.Author]] | None:
    """A line holding a title the reference prints, then names it opens with: ``(title, authors)``, else
    None. ``("Camps forestiers, 1935-1960 Jeanne Roy", ["roy j 2022 camps forestiers 1935 1960 revue"])`` ->
    ``("Camps forestiers, 1935-1960", [Author("Jeanne Roy")])``"""
    words = list(_WORDS_RE.finditer(text))
    if len(words) != len(_WORDS_RE.findall(text.casefold())):
        return None  # (casefolding split a word: the keys' words are not these)
    for k in range(len(words) - 1, MIN_CITED_TITLE_WORDS - 1, -1):
        head, rest = text[: words[k - 1].end()].rstrip(), text[words[k - 1].end() :].strip(" ,;")
        if _in_reference(head, cited):
            authors = au.parse_author_line(rest)
            if authors and _named_in_reference(authors, cited):
                return head, authors
            return None
    return None


def _read_front(doc: Document, front_end: int, cfg: MetadataConfig,
                venue_keys: frozenset[str] = frozenset(), cited: list[str] | None = None) -> Front:
    """Walk the front matter once and sort its lines into title, authors, affiliations, dates.

    ``cited``: the article's own references ("for citation" lines) as ``_line_key`` made them; they
    name its title and its authors."""
    cited = cited or []
    fr = Front()
    units = _front_units(doc, front_end)
    # (The running heads without their page numbers, by their lower-case text: a line in capitals is
    # tried against them. Made only for a document with such a line.)
    heads = _running_heads(doc.furniture) if any(t.isupper() for t in (un.text for un in units)) else {}
    texts = [un.text for un in units]
    # A breadcrumb (kept in the text or moved to boilerplate) that ends with a later line names the headline.
    headline: int | None = None
    crumb_keys = title.breadcrumb_keys(texts)  # made once: every line is tried against them
    for line in list(doc.boilerplate) + texts:
        j = title.breadcrumb_target_of_keys(line, crumb_keys)
        if j is not None:
            headline = j
            break
    if headline is None:
        headline = _repeated_headline(texts, cfg, venue_keys)
    # Only text wrapped at a page width (repair joined lines of its paragraphs) wraps a title so;
    # where every paragraph has a line of its own, a shorter line under a long one is the next item.
    page_width = doc.repairs.get("lines_unwrapped", 0) > 0
    title_units: list[Unit] = []
    later_titles: list[list[Unit]] = []  # see _may_replace_short_title
    later_dated: list[int | None] = []  # how many blocks down a dateline follows each of later_titles
    title_end = -1  # the title's last unit
    repeated = False
    crumb_under_title = False
    inst_line = -2  # the last line read as a name and its institution's address
    after_front = squash(doc.blocks[front_end].text[:200]) if front_end < len(doc.blocks) else ""

    def add(lst: list[int], u: int) -> None:
        if units[u].block not in lst:
            lst.append(units[u].block)

    u = 0
    while u < len(units):
        t = texts[u]
        if u == headline and not title_units:
            title_units = [units[u]]
            u += 1
            continue
        if title_units and _line_key(t) == _line_key(" ".join(un.text for un in title_units)):
            add(fr.header_blocks, u)  # the title printed again (the page title over the headline)
        elif dates.parse_date(t, cfg.day_first):
            add(fr.date_blocks, u)
        elif not fr.byline_names and (poster := au.parse_post_header(t)):
            # A forum thread's first post: its poster and its date (the replies' headers come later).
            # (Before the furniture: its chevron reads as a navigation trail's.)
            add(fr.byline_blocks, u)
            fr.byline_names.append(poster)
        elif not fr.authors and heads and (head_names := _running_head_names(heads, t)):
            # The byline in capitals ("ANNA BERG") that a later page's running head prints as a name
            # ("214   Anna Berg").
            add(fr.author_blocks, u)
            fr.authors.extend(head_names)
        elif title_units and title.is_classification_code(t) and _only_a_title_read(fr, later_titles) \
                and _units_words(title_units) <= RUBRIC_WORDS:
            # A short line above the article's classification code (УДК, ББК) is the journal's rubric:
            # the title comes after the code.
            _to_header(fr, title_units)
            title_units, title_end = [], -1
            add(fr.header_blocks, u)
        elif _is_furniture_like(t, venue_keys) or (
            headline is not None and title.breadcrumb_target_of_keys(t, crumb_keys) == headline
        ) or (u == 0 and title.is_masthead_with_type(t)) or (u <= 1 and _JOURNAL_NAME_RE.match(t) is not None
                                                            and _masthead_in(doc.furniture)):
            add(fr.header_blocks, u)
            # (A site's navigation trail under the line read as the title: that line was the site's.)
            crumb_under_title = crumb_under_title or (bool(title_units) and title.is_breadcrumb(t))
        elif not repeated and (marked := au.parse_marked_byline(t)):
            # "by Ivan Petrov a, Anna Smith b": an author line after its "by", the markers for the
            # affiliations under it.
            add(fr.author_blocks, u)
            fr.authors.extend(marked)
        elif (names := au.parse_byline(t)) is not None:
            add(fr.byline_blocks, u)
            fr.byline_names.extend(names)
        elif title_units and u + 1 < len(texts) and _FOLLOW_RE.fullmatch(texts[u + 1]) and au.is_name(t):
            # A blog platform's byline: the writer's name over a "Follow" button.
            add(fr.byline_blocks, u)
            fr.byline_names.append(t)
        elif title_units and (dated := au.parse_dated_name(t, cfg.day_first)):
            # "Jane Doe | 12 March 2024" under a headline: a byline without "By".
            add(fr.byline_blocks, u)
            fr.byline_names.append(dated)
        elif title_units and (dated_names := au.parse_dated_byline(t, cfg.day_first)):
            # "Published on 7 August 2023 by Jane Doe": the byline inside the dateline.
            add(fr.byline_blocks, u)
            fr.byline_names.extend(dated_names)
        elif _label_then_date(t, cfg.day_first):
            add(fr.date_blocks, u)
        elif title_units and u == title_end + 1 and (caps_names := _caps_author_line(t, title_units)):
            # A title in capitals, the authors in capitals under it ("ANNA BERG AND TOM RAY").
            add(fr.author_blocks, u)
            fr.authors.extend(caps_names)
        elif (line_authors := au.parse_author_line(t)) and (_accept_author_line(
            t, line_authors, bool(title_units), texts[u + 1] if u + 1 < len(texts) else after_front
        ) or (title_units and _named_in_reference(line_authors, cited))):
            add(fr.author_blocks, u)
            if not repeated:  # after a translated title come the names transliterated
                fr.authors.extend(line_authors)
        elif (joined := au.split_author_block(t)) is not None:
            # The author line and the marked affiliations under it, run together into one line.
            add(fr.author_blocks, u)
            block = units[u].block
            fr.affiliation_texts[block] = (fr.affiliation_texts.get(block, "") + " " + joined[1]).strip()
            if repeated:
                fr.translated_blocks.add(block)
            else:
                fr.authors.extend(joined[0])
        elif not repeated and title_units and (with_roles := au.parse_authors_with_roles(t)):
            # Authors one a line with their posts, run into one line by extraction.
            add(fr.author_blocks, u)
            for author, aff in with_roles:
                fr.authors.append(author)
                if aff:
                    fr.role_affiliations.append((author, aff))
        # (Above the title only with a role or degree first: asked only of a line read as one.)
        elif not repeated and (with_role := au.parse_author_with_role(t)) and (title_units or au.role_follows_name(t)):
            add(fr.author_blocks, u)
            author, aff = with_role
            fr.authors.append(author)
            if aff:
                fr.role_affiliations.append((author, aff))
        elif not repeated and title_units and (with_inst := au.parse_name_then_institution(t)) and (
                inst_line == u - 1 or (u + 1 < len(texts) and au.parse_name_then_institution(texts[u + 1]))):
            # Authors one a line, each with the institution's address after the name: two such lines in
            # a row at least (one alone may be an affiliation, "Siberian Federal University, Omsk").
            add(fr.author_blocks, u)
            fr.authors.append(with_inst[0])
            fr.role_affiliations.append(with_inst)
            inst_line = u
        elif fr.authors and _is_affiliation_line(t):
            add(fr.affiliation_blocks, u)
            if repeated:
                fr.translated_blocks.add(units[u].block)
        elif word_count(t) <= DATELINE_WORDS and dates.cued_publication_date(t, cfg.day_first):
            # A dateline with its cue ("Published: 22 January 2025"; a byline holding one was read
            # above) is no title.
            add(fr.date_blocks, u)
        elif not title_units and u + 1 < len(texts) and venue.has_volume_and_issue(texts[u + 1]) \
                and not venue.has_volume_and_issue(t):
            # The journal's name right above its volume and issue line (a masthead), not the title.
            add(fr.header_blocks, u)
        elif title_units and not fr.authors and _MARKED_AFFILIATION_RE.match(t) and au.is_affiliation(t):
            # Marked affiliations printed above the authors ("¹ Институт ..., Москва ² ..."): never the
            # title, though they stand right above the authors as a title does.
            add(fr.affiliation_blocks, u)
        elif (title.is_title_shaped(t) and (headline is None or u == headline or title_units)
              and (title_units or page_width or not _opens_lower_word(t))) or (
                not title_units and headline is None and u + 1 < len(texts) and title.is_title_with_stop(t)
                and au.parse_author_line(texts[u + 1])):
            # (A title printed with a full stop, "... 1880–1914.", stands right above its authors.)
            group = [u]
            while _title_goes_on(doc, units, texts, group, page_width, cfg, after_front):
                group.append(group[-1] + 1)
            if not title_units:
                title_units = [units[g] for g in group]
                title_end = group[-1]
            elif group[0] == title_end + 1 and _only_a_title_read(fr, later_titles) and _rubric_over_title(
                    " ".join(un.text for un in title_units), " ".join(texts[g] for g in group)):
                # A short label in capitals right over a long title in capitals: the journal's rubric over
                # the title. (In lower case it may be the title over its first section's heading.)
                _to_header(fr, title_units)
                title_units = [units[g] for g in group]
                title_end = group[-1]
            elif group[0] > title_end + 1 and title.is_type_label(texts[group[0] - 1]) and _only_a_title_read(
                    fr, later_titles):
                # The article's type right above it ("Press release", "Long read"): this is the title, what
                # was read before it the site's or the journal's.
                _to_header(fr, title_units)
                title_units = [units[g] for g in group]
                title_end = group[-1]
            elif group[0] > title_end + 1 and _may_replace_short_title(doc, fr, headline, title_units,
                                                                      [units[g] for g in group], crumb_under_title):
                later_titles.append([units[g] for g in group])
                end = units[group[-1]].block
                later_dated.append(_dateline_distance([b.text for b in doc.blocks[end + 1 : end + 4]], cfg.day_first))
            else:
                lang = _units_lang(doc, [units[g] for g in group])
                main = _units_lang(doc, title_units)
                if (lang not in ("und", main) and all(lang != tl for _b, _t, tl in fr.translations)
                        and may_be_translated_title(" ".join(texts[g] for g in group),
                                                    " ".join(un.text for un in title_units))):
                    # Authors already read: what follows the translated title repeats them in its language.
                    repeated = repeated or bool(fr.authors)
                    fr.translations.append(
                        (unique_ints(units[g].block for g in group), " ".join(texts[g] for g in group), lang)
                    )
            u = group[-1] + 1
            continue
        u += 1
    anchors = fr.author_blocks + fr.byline_blocks
    near = [(d, k) for k, t in enumerate(later_titles) if _first_letter_is_upper(t[0].text)
            and (d := _nearest(later_dated[k], [b - t[-1].block for b in anchors if b > t[-1].block])) is not None]
    # A later title right under a dateline (a post's stamp over its title).
    under_date = [t for t in later_titles if t[0].block - 1 in fr.date_blocks and _first_letter_is_upper(t[0].text)]
    if near and not (min(near)[0] >= 2 and under_date):
        # The title stands above its date or its authors: the short line taken first was a rubric, a
        # site's name or a badge. The line closest above a dateline or an author line (the first of
        # those: a site's name or a menu line may stand a few lines above the headline). Not when
        # another line stands between it and the date and a title-shaped line stands right under
        # the date: that is the title, under its stamp.
        k = min(near)[1]
        # (A headline and its deck right under it, then the byline: the deck is nearest. A line of five
        # words or more right above a line no shorter, and holding no date (a top bar's), is the
        # headline over its deck.)
        while k > 0 and _headline_over_deck(later_titles[k - 1], later_titles[k]):
            k -= 1
        if not (k == 0 and title_units and _headline_over_deck(title_units, later_titles[0])):
            title_units = later_titles[k]
    elif near:
        title_units = under_date[0]
    elif later_titles and (fr.authors or fr.byline_names):
        # Or above its authors. (The first such line: one after it is the title's subtitle or deck.
        # Lines of a site's menu may come first: the first of five words or more, where there is one.)
        title_units = next((t for t in later_titles if sum(word_count(un.text) for un in t) >= MENU_ITEM_WORDS + 1
                            and _first_letter_is_upper(t[0].text)), later_titles[0])
    elif title_units and (dated := [t for t in under_date if t[0].block - 1 - title_units[-1].block >= 2]):
        # Or right under its dateline (a blog's date header over the post's title, a news page's date
        # over its headline), some line standing between the two (the site's motto, its menu): the
        # short line read first was the site's name. (Right over the date it is the title: a forum
        # thread's title over its first post's date and the post.)
        title_units = dated[0]
    if cited and title_units and not _in_reference(" ".join(un.text for un in title_units), cited):
        # The article's reference prints its title: the line read first is not in it (an issue's theme
        # over the title, a rubric), a line under it in the same language is.
        last = max(k for k, un in enumerate(units) if un in title_units)
        found = _cited_title(doc, units, texts, last + 1, _units_lang(doc, title_units), cited, page_width, cfg,
                             venue_keys)
        if found:
            _to_header(fr, title_units)
            title_units = found[0]
            if found[1] and not fr.authors:
                fr.authors.extend(found[1])
    if cited and len(title_units) == 1 and (split := _title_then_names(title_units[0].text, cited)):
        # The title run together with its byline ("<title>, 1935-1960 Anna Berg"), the
        # reference opening with those names.
        head, names = split
        un = title_units[0]
        title_units = [Unit(un.block, head, un.start, un.start + len(head))]
        if not fr.authors:
            fr.authors.extend(names)
    fr.title = unique_ints(un.block for un in title_units)
    fr.title_text = " ".join(un.text for un in title_units)
    fr.title_lang = _units_lang(doc, title_units) if title_units else None
    return fr


def _read_title_page(doc: Document, fr: Front, page: thesis.TitlePage) -> Front:
    """A thesis's title page names its title and its one author: what the front matter's walk read
    from the next page (the supervisor, the opponents, their affiliations) is not. Its header and
    date lines stand."""
    text = doc.blocks[page.title_block].text
    title_text = squash(text)
    return Front(title=[page.title_block], title_text=title_text,
                 title_lang=_units_lang(doc, [Unit(page.title_block, title_text, 0, len(text))]),
                 authors=[page.author], author_blocks=[page.author_block], date_blocks=fr.date_blocks,
                 header_blocks=fr.header_blocks, translated_blocks=fr.translated_blocks, imprint_year=page.year)


def _title_goes_on(doc: Document, units: list[Unit], texts: list[str], group: list[int], page_width: bool,
                   cfg: MetadataConfig, after: str = "") -> bool:
    """Whether the front line after ``group`` (the title's lines so far) is more of the title: it
    continues it (``title.continues_title``), has no role of its own, and is in the title's language:
    in another, it is the title's translation (both in Latin letters). A word or two has no language
    to tell ("Towns" came out German), but may be a section's cue ("Introduction", "Abstract").
    Nor is a line the walk reads as the authors (``after``: the line after the front matter)."""
    nxt = group[-1] + 1
    if nxt >= len(units):
        return False
    t = texts[nxt]
    if not title.continues_title("\n".join(texts[g] for g in group), t, page_width) \
            or _is_other_front_line(t, cfg, texts[nxt + 1] if nxt + 1 < len(texts) else ""):
        return False
    if (names := au.parse_author_line(t)) and _accept_author_line(t, names, True, texts[nxt + 1] if nxt + 1 < len(texts)
                                                                  else after):
        return False
    if t.isupper() and _caps_author_line(t, [units[g] for g in group]):
        return False
    if word_count(t) <= BYLINE_WITH_ROLE_WORDS and au.role_follows_name(t):
        return False  # the writer's name and post ("Анна Петрова ведущий научный сотрудник ...")
    if word_count(t) <= 2:
        return not any(c.cue_start == 0 for c in ka.find_cues(t))
    return _units_lang(doc, [units[nxt]]) in ("und", _units_lang(doc, [units[g] for g in group]))


# A line with a date and at most this many words is a dateline ("Published: 13 March 2024",
# "16:40, 12 апреля 2024", "Publicado em 7 de agosto de 2023 por Juliana Prado").
DATELINE_WORDS = 15


def _dateline_distance(after: list[str], day_first: bool) -> int | None:
    """How many blocks down the first dateline among the blocks ``after`` a headline stands (the next
    three: a standfirst or a rubric may come between a headline and its date, and the standfirst may
    end the front matter); None when there is none.

    ``(["Its summary in one sentence.", "Published: 13 March 2024"], True)`` -> 2
    """
    return next((k for k, t in enumerate(after, 1) if word_count(t) <= DATELINE_WORDS and dates.find_dates(t, day_first)),
                None)


# How far down the article's history lines (received, accepted, published) are looked for.
HISTORY_BLOCKS = 30
HISTORY_CHARS = 400
# ... or among the last this many blocks, under the references.
TAIL_HISTORY_BLOCKS = 15
# A publication cue standing as a heading is this long at most ("Date of publication:").
CUE_HEADING_CHARS = 40
CUE_HEADING_BLOCKS = 60
# A "Received" cue anywhere in a block ("Article Info Received: 14.02.2023 Accepted: ...").
_RECEIVED_RE = re.compile(r"\b(?:received|submitted|поступила|получено|принята|eingegangen|reçu|recibido|recebido|"
                          r"ricevuto|otrzymano|отримано|надійшла|надійшло|прийнято|ontvangen|přijato|primit)\b",
                          re.IGNORECASE)


def _holds_history(text: str) -> bool:
    """Whether a block holds the article's history: a received date's cue and a date.

    ``"Article Info Received: 14.02.2023 Accepted: 02.05.2023 Published: 30.06.2023"`` -> True
    """
    return _RECEIVED_RE.search(text) is not None and bool(dates.find_dates(text))

# A site's menu item has at most this many words ("About the journal", "Submit manuscript").
MENU_ITEM_WORDS = 4


def _main_language(doc: Document) -> str | None:
    """The language with the largest share of the document's letters (the first on a tie), if any."""
    return max(doc.languages, key=doc.languages.__getitem__) if doc.languages else None


def _nearest(first: int | None, others: list[int]) -> int | None:
    """The least of ``first`` (if any) and ``others``; None when there is none. ``(3, [2, 5])`` -> 2"""
    values = ([first] if first is not None else []) + others
    return min(values) if values else None


def _first_letter_is_upper(text: str) -> bool:
    """Whether the first letter of ``text`` is a capital (a title's is; a trail's item in lower
    case, "2. journal of ...", is not). ``"2. Journal"`` -> True; ``"2. journal"`` -> False"""
    return next((c.isupper() for c in text if c.isalpha()), False)

# A paragraph this short right above a byline is the standfirst, still front matter.
STANDFIRST_WORDS = 60

# A first title-shaped line this short, before the authors, may be a rubric, a site's name or a
# badge ("History of Economics", "The Harbour Gazette — news since 1851", "Skip to main content").
SHORT_TITLE_WORDS = 8


def _may_replace_short_title(doc: Document, fr: Front, headline: int | None, current: list[Unit],
                             later: list[Unit], crumb_between: bool = False) -> bool:
    """Whether a later title-shaped line may be the title rather than the short one taken first: seen
    before any author line or byline, not right under it (the caller checks that another line lies
    between: a line right under a title is its subtitle), longer, in the same language (another
    language's is a translation) and in a block of its own. It is, if an author line or byline
    follows (a title stands above its authors; without them, nothing says which is the title).
    Not where a breadcrumb or a repeat named the headline.

    ``crumb_between``: a site's navigation trail stands between the two lines. The line above it was
    the site's name, and a byline read since is the headline's, printed above it ("Press release 17/2024
    | 14.05.2024 | By Jane Doe")."""
    if headline is not None or fr.authors or fr.translations or (fr.byline_names and not crumb_between):
        return False
    if later[0].block == current[-1].block:
        return False
    n_now = sum(word_count(un.text) for un in current)
    if n_now > SHORT_TITLE_WORDS or sum(word_count(un.text) for un in later) <= n_now:
        return False
    # (The label of a short line is a guess between the languages of its alphabet: a rubric in Russian
    # capitals may come out Bulgarian, a site's name with two Kazakh words over a Russian page Kazakh.
    # There the alphabet decides. Latin-script languages have function words enough to tell them
    # apart, and a short English line over a longer French one may be a title and its translation.)
    now_text = " ".join(un.text for un in current)
    script = main_script(now_text)
    if script == main_script(" ".join(un.text for un in later)) and (script != "latin" or title.in_capitals(now_text)):
        return True
    return _units_lang(doc, later) == _units_lang(doc, current)


# Fewer words than this, in the title's own alphabet, is a label or a UI line whose language is a
# guess ("Пошук по сайту" taken for Russian on a Ukrainian page), not the title in another language.
MIN_TRANSLATED_TITLE_WORDS = 4


def may_be_translated_title(text: str, title_text: str) -> bool:
    """Whether a front line labelled with another language than the title may be the title's
    translation: no date in it ("Published: 3 February 2022"), and, in the title's own alphabet (where
    a short line's language label is a guess between neighbours), four words or more.

    ``("The Lexicon of Kyakhta Pidgin", "ЛЕКСИКА КЯХТИНСКОГО ПИДЖИНА")`` -> True;
    ``("ENERGY DIALOGUE", "ЭНЕРГЕТИЧЕСКИЙ ДИАЛОГ")`` -> True; ``("Пошук по сайту", "Верховний Суд")`` -> False
    """
    if dates.find_dates(text):  # (it tests for a year first)
        return False
    return word_count(text) >= MIN_TRANSLATED_TITLE_WORDS or main_script(text) != main_script(title_text)


def unique_ints(items: Iterable[int]) -> list[int]:
    """Integers without repeats, in order. ``[3, 3, 4]`` -> ``[3, 4]``"""
    return list(dict.fromkeys(items))


def _accept_author_line(text: str, authors: list[au.Author], after_title: bool, next_line: str) -> bool:
    """Whether a line of name-shaped phrases is an author line.

    Markers or initials make it one. Otherwise Title Case phrases look like names too ("Trade Wars and
    Energy Security"), so plain names count only under the title and with their affiliation (or email)
    or the abstract on the next line, as papers print them; web pages name their authors in a byline
    instead. Two or
    more names under the title followed by the article's dates count too (the affiliations printed as
    footnotes elsewhere: "Received: ... Published: ...").
    """
    initials = re.search(au.INITIALS, text) is not None
    if not initials and not after_title and text == text.upper():
        return False  # names in capitals without initials only under the title: "ЗЕМЕЛЬНАЯ РЕФОРМА*" is one
    if any(a.markers for a in authors) or initials:
        return True
    if not after_title:
        return False
    return _is_affiliation_line(next_line) or _opens_with_abstract(next_line) or (
        len(authors) >= 2 and (notes.is_history_note(next_line)
                               or any(dates.cued_publication_date(next_line, df) for df in (True, False))))


# A conference's or an issue's header line ending with its date is at most this many words.
DATED_HEADER_WORDS = 20


def _dated_header(text: str) -> bool:
    """A short line ending with a full date and its full stop, as a conference's or an issue's header
    prints it above a paper ("XVII međunarodna konferencija „...” Novi Sad, 14–16. septembar 2023."):
    at the document's very top no paragraph of the text, though it ends like a sentence. (A sentence
    ending with a date reads so too: only the first block is asked.)"""
    if word_count(text) > DATED_HEADER_WORDS or not dates.has_year(text):
        return False
    t = text.rstrip().rstrip(".")
    found = dates.find_dates(t, True)
    return bool(found) and found[-1].end == len(t) and len(found[-1].iso) == len("2023-01-01")


def _opens_with_abstract(text: str) -> bool:
    """Whether a line opens with the abstract's or the keywords' cue: the front matter's names stand
    right above it. ``"Abstract: Between 1885 and 1930 ..."`` -> True"""
    return any(c.cue_start == 0 and c.kind in ("abstract", "keywords") for c in ka.find_cues(text[:60]))


# An affiliation's marker: superscript digits, one or two digits, or a symbol.
_MARKER = r"^\s*(?:[¹²³⁴-⁹]+|[0-9]{1,2}|[*†‡])"
# A line opening with one: "1 Institute ...", "¹Институт ...", "* Corresponding".
_MARKED_LINE_RE = re.compile(_MARKER + r"\s*\S")
# ... and, stricter, a space and a word after it: "¹ Институт ...", "2 Department ..." (not "3.1 Results").
_MARKED_AFFILIATION_RE = re.compile(_MARKER + r"\s+[^\W\d_]")


def _is_affiliation_line(text: str) -> bool:
    return bool(au.is_affiliation(text) or _MARKED_LINE_RE.match(text) or notes.find_emails(text))


def _late_byline(doc: Document, front_end: int, body_start: int, day_first: bool) -> tuple[int, list[str]] | None:
    """A byline a few blocks under the front matter (below the standfirst and the dates), maybe on one
    line with the date ("Published: 12 March 2025 | Author: Jane Doe", "Jane Doe · 2025-04-03"): its
    block and names, else None."""
    for i in range(front_end, min(len(doc.blocks), body_start + BYLINE_BLOCKS)):
        t = doc.blocks[i].text
        names = au.parse_byline(t) or au.parse_dated_byline(t, day_first)
        if not names and (name := au.parse_dated_name(t, day_first)):
            names = [name]
        if names:
            return i, names
    return None


def _headline_over_deck(upper: list[Unit], lower: list[Unit]) -> bool:
    """Whether title-shaped ``upper`` is a headline with its deck ``lower`` right under it: five words
    or more, no more than the deck's, and no date (a top bar's "Thursday, 12 September 2024 | ...")."""
    n = _units_words(upper)
    return (lower[0].block == upper[-1].block + 1 and MENU_ITEM_WORDS < n <= _units_words(lower)
            and not dates.find_dates(" ".join(un.text for un in upper)))


def _merged_authors(authors: list[au.Author]) -> list[au.Author]:
    """The authors with a name read twice (the byline, then the corresponding author's line with the
    institution) given once: the first, with what the second adds (affiliations, e-mail, markers)."""
    first: dict[str, au.Author] = {}
    out: list[au.Author] = []
    for a in authors:
        k = " ".join(a.name.casefold().split())
        if k not in first:
            first[k] = a
            out.append(a)
            continue
        kept = first[k]
        kept.affiliations.extend(x for x in a.affiliations if x not in kept.affiliations)
        kept.markers.extend(m for m in a.markers if m not in kept.markers)
        kept.email = kept.email or a.email
    return out


def _authors(doc: Document, fr: Front, front_end: int, body_start: int) -> list[au.Author]:
    if fr.authors:
        for author, aff in fr.role_affiliations:
            author.affiliations.append(aff)
        authors = _merged_authors(fr.authors)
        markers = {m for a in authors for m in a.markers}
        entries: list[au.AffiliationEntry] = []
        for i in unique_ints(sorted(fr.affiliation_blocks + list(fr.affiliation_texts) + fr.author_blocks)):
            if i in fr.translated_blocks:
                continue
            if i in fr.affiliation_blocks:
                entries.extend(au.affiliation_entries(doc.blocks[i].text, markers))
            elif i in fr.affiliation_texts:
                entries.extend(au.affiliation_entries(fr.affiliation_texts[i], markers))
            else:  # an author line may carry its author's email
                entries.append(au.AffiliationEntry(None, "", au.unique_emails(doc.blocks[i].text)))
        au.link_affiliations(authors, [(e.marker, e.text) for e in entries if au.is_institution_entry(e)])
        au.attach_entry_emails(authors, entries)
        return authors
    if fr.byline_names:
        return [au.Author(n) for n in unique(fr.byline_names)]
    for i in range(front_end, min(len(doc.blocks), body_start + LEAD_BLOCKS)):
        name = au.lead_author(doc.blocks[i].text)
        if name:
            return [au.Author(name)]
    # A byline with its cue and a colon under the article ("Автор: Ерлан Жумабаев" above the tags):
    # among the last blocks, the cue spelt out, not a bare "by".
    # (Or signed by who prepared it: "Информацию подготовила Е. С. Мартынова, заведующая отделом".)
    for b in doc.blocks[max(front_end, len(doc.blocks) - TAIL_BYLINE_BLOCKS):]:
        if (":" in b.text[:TAIL_BYLINE_CUE_CHARS] or _SPELT_OUT_BYLINE_RE.match(b.text)) and (names := au.parse_byline(b.text)):
            return [au.Author(n) for n in unique(names)]
    # A question's asker: the name under the question's "asked <date>" stamp (a Q&A site's user card).
    for i in range(min(len(doc.blocks) - 1, HISTORY_BLOCKS)):
        if _ASKED_RE.search(doc.blocks[i].text) and au.is_name(name := squash(doc.blocks[i + 1].text)):
            return [au.Author(name)]
    if name := _card_writer(doc.boilerplate):
        return [au.Author(name)]
    # (In a text wrapped at a page width, a PDF's: a web page's removed lines hold its contacts.)
    if doc.repairs.get("lines_unwrapped", 0) > 0 and (signed := _signature(doc.boilerplate)):
        return [signed]
    return []


def _signature(removed: list[str]) -> au.Author | None:
    """The author who signs a paper at its end (a book review's reviewer), as the layout pass removed the
    lines: a name, then the institution's line, maybe an email; the one such signature.

    ``["Daniel Berg", "University of Oslo", "d.berg@uio.example.no"]`` -> Daniel Berg (University of Oslo)
    """
    found = {squash(removed[i]): squash(removed[i + 1]) for i in range(len(removed) - 1)
             if au.is_name(squash(removed[i])) and au.is_affiliation(removed[i + 1])
             and len(removed[i + 1]) <= SIGNATURE_AFFILIATION_CHARS}
    if len(found) != 1:
        return None
    name, aff = next(iter(found.items()))
    return au.Author(name, affiliations=[aff])


# The institution's line of a signature is at most this long.
SIGNATURE_AFFILIATION_CHARS = 150


# A journal's name by its first word ("Journal of Discrete Analysis", "Annals of ...", "Вестник ...",
# "Zeitschrift für ...", "Revista de ..."), at most ten words: at the top of a paper whose masthead line
# (volume, issue, pages) was moved out with the furniture, it is the journal's, not the title.
_JOURNAL_NAME_RE = re.compile(r"(?:The\s+)?(?:(?:Journal|Annals|Bulletin|Proceedings|Transactions|Archives)\s+(?:of|for|on)|"
                              r"Вестник|Журнал|Известия|Zeitschrift\s+für|Revista\s+(?:de|do|da)|Rivista\s+di|"
                              r"Revue\s+(?:de|d['’]|des|du))\s(?:\S+\s){0,8}\S+$")


def _masthead_in(furniture: list[str]) -> bool:
    """Whether the page furniture holds a masthead line: a volume and issue, or a year and pages."""
    return any(venue.has_volume_and_issue(t) or venue.has_year_and_pages(t) for t in furniture if len(t) <= IMPRINT_CHARS)


def _opens_lower_word(text: str) -> bool:
    """Whether ``text`` opens with a word of three letters or more all in lower case, as a site's tagline
    does and a title does not ("iPhone", "p-adic", "de Gaulle" may open a title). (Asked of a web page's
    lines: in text wrapped at a page width, such a line may be a cover's rubric the walk reads past.)

    ``"новости края и области"`` -> True; ``"von Neumann algebras"`` -> False
    """
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    return len(first) >= 3 and first.isalpha() and first.islower() and first not in au.PARTICLE_WORDS


def _caps_author_line(line: str, title_units: list[Unit]) -> list[au.Author]:
    """The authors of a line in capitals right under a title in capitals: its names written in title case,
    each of two to four words; else an empty list.

    ``"ANNA BERG AND TOM RAY"`` under ``"A SHARP INEQUALITY ON TREES"`` -> [Anna Berg, Tom Ray]
    """
    if not line.isupper() or not all(un.text.isupper() for un in title_units) or au.parse_author_line(line):
        return []  # (a line read as it is printed, "ИВАНОВ И.И., ПЕТРОВ П.П.", is the next branch's)
    cased = _CAPS_AND_RE.sub(lambda m: m.group(0).lower(), au.title_case_caps(line))
    names = au.parse_author_line(cased) or []
    return names if names and all(2 <= len(a.name.split()) <= 4 for a in names) else []


# The word between two names, title-cased with them ("Anna Berg And Tom Ray").
_CAPS_AND_RE = re.compile(rf"(?<=\s)(?:{au.AND_WORDS})(?=\s)", re.IGNORECASE)


# A running head naming the authors is at most this long.
RUNNING_HEAD_CHARS = 120
# What a running head's page number adds at its ends.
_PAGE_NUMBER_EDGE = "0123456789 \t|·–—-"


def _running_heads(furniture: list[str]) -> dict[str, str]:
    """The running heads among the furniture, without their page numbers, by their lower-case text (the
    first of each not in capitals, which alone can say how a name is written).
    ``["214   Anna Berg", "215"]`` -> ``{"anna berg": "Anna Berg"}``"""
    heads: dict[str, str] = {}
    for line in furniture:
        if len(line) <= RUNNING_HEAD_CHARS and (head := squash(line.strip(_PAGE_NUMBER_EDGE))):
            key = head.lower()
            if key not in heads or heads[key].isupper() and not head.isupper():
                heads[key] = head
    return heads


def _running_head_names(heads: dict[str, str], line: str) -> list[au.Author]:
    """The authors of a front ``line`` set in capitals, when a running head (``_running_heads``) prints the
    same names in their own case; else an empty list.

    ``"ANNA BERG"`` with the head ``"214   Anna Berg"`` -> [Anna Berg]
    """
    if not line.isupper() or (head := heads.get(squash(line).lower())) is None:
        return []
    names = au.parse_author_line(head)
    return names if names and all(len(a.name.split()) >= 2 for a in names) else []


# A writer's card holds at most this many lines between the name and its "Follow" button (a nick,
# counters, a role).
CARD_LINES = 4


def _card_writer(removed: list[str]) -> str | None:
    """The writer named on the page's author card, removed with the site's chrome: a name over a "Follow"
    button, a few short lines between. A page that recommends several writers, each with a button, names
    none of them as its own.

    ``["Anna Berg", "anna_b", "Karma 46", "Follow"]`` -> ``"Anna Berg"``
    """
    names: list[str] = []
    for i, line in enumerate(removed):
        if not _FOLLOW_RE.fullmatch(line):
            continue
        for j in range(i - 1, max(-1, i - 2 - CARD_LINES), -1):
            if _FOLLOW_RE.fullmatch(removed[j]):
                break
            if au.is_name(name := squash(removed[j])):
                names.append(name)
                break
    return names[0] if len(set(names)) == 1 else None


# A Q&A site's stamp on a question: "asked Feb 1, 2023 at 21:17", "gefragt 5. März 2024".
_ASKED_RE = re.compile(r"(?<!\w)(?:asked|gefragt|задан|preguntad[ao]|perguntad[ao]|posée?)\s+\S+\s+\d", re.IGNORECASE)


def _published(doc: Document, fr: Front, body_start: int, header: dict[str, Any] | None,
               cfg: MetadataConfig) -> str | None:
    df = cfg.day_first
    # 1. A date introduced as the publication date: in the running furniture, the header area (front
    #    matter, abstracts, a "Received ...; published ..." line) or the lead.
    #    Only a block with a year can hold a date: the others are not squashed at all.
    near = [squash(b.text) for b in doc.blocks[: body_start + LEAD_BLOCKS] if dates.has_year(b.text)]
    # The article's history ("Received ... / Published: 30.06.2023") may follow both abstracts and
    # their keywords: a short line with a cue in the first HISTORY_BLOCKS blocks counts too.
    # (A history block is a few lines: a long paragraph is not read.)
    history = [squash(b.text) for b in doc.blocks[body_start + LEAD_BLOCKS : HISTORY_BLOCKS]
               if len(b.text) <= HISTORY_CHARS and dates.has_year(b.text)
               and (word_count(b.text) <= DATELINE_WORDS or _holds_history(b.text))]
    # (A preprint's first version is its publication: its later versions' stamps say when they came.)
    for text in near:
        d = dates.first_version_date(text, df)
        if d:
            return d
    for text in list(doc.furniture) + near + history:
        d = dates.cued_publication_date(text, df)
        if d:
            return d
    # (Or at the article's end, as some journals print it: "Статья поступила 14.11.2023; принята к
    # публикации 22.01.2024; опубликована 28.03.2024." under the references.)
    for b in doc.blocks[max(HISTORY_BLOCKS, len(doc.blocks) - TAIL_HISTORY_BLOCKS):]:
        if len(b.text) <= HISTORY_CHARS and _holds_history(b.text) and (d := dates.cued_publication_date(squash(b.text), df)):
            return d
    # A landing page's field: the cue as a heading, the date alone under it ("## Publicado" / "2023-08-28").
    # (Landing pages list the references above it: further down than the history's blocks.)
    for i in range(min(len(doc.blocks), CUE_HEADING_BLOCKS) - 1):
        cue = doc.blocks[i].text
        if len(cue) <= CUE_HEADING_CHARS and dates.is_publication_cue(cue) \
                and (d := dates.parse_date(doc.blocks[i + 1].text, df)):
            return d
    # 2. A date on a line of its own next to the title, or in the byline (not an "Updated" one).
    for i in sorted(fr.date_blocks + fr.byline_blocks):
        text = squash(doc.blocks[i].text)
        for found in dates.find_dates(text, df):
            if not dates.is_other_date(text, found):
                return found.iso
    # 3. The year of a thesis's title page, or of the journal issue (its running header or issue line).
    if fr.imprint_year:
        return fr.imprint_year
    # (The masthead's issue line with the issue's month at both ends, in two languages: "2023 年 5 月
    # <Journal> May 2023", more exact than the year of the issue's header.)
    for text in _header_lines(doc, min(body_start, MASTHEAD_BLOCKS)):
        # (A year near each end first: most lines are turned down without reading their dates.)
        if _COPYRIGHT_YEAR_RE.search(text[:EDGE_CHARS]) and _COPYRIGHT_YEAR_RE.search(text[-EDGE_CHARS:]) \
                and _dated_at_both_ends(line := squash(text)):
            found = dates.find_dates(line, df)
            if len({f.iso for f in found}) == 1:
                return found[0].iso
    if header and header.get("year"):
        return str(header["year"])
    # Or of the collection's imprint above the paper ("Ростов-на-Дону : Издательство ЮФУ, 2023", "М.:
    # Наука, 2021"): a city, a colon, a publisher and the year, among the first blocks.
    for b in doc.blocks[: min(body_start, HISTORY_BLOCKS)]:
        if len(b.text) <= IMPRINT_CHARS and (m := _IMPRINT_RE.match(squash(b.text))):
            return m.group(1)
    # Or of the book a chapter is printed in: its editors, the place and year, the chapter's pages
    # ("red. Ewa Lipińska, Olsztyn 2022, s. 97–110"), in the furniture or among the first blocks.
    # (Or an offprint's cover, a block of a few lines: the book's editors and one year, no pages, and the
    # book's ISBN in it or moved out with the furniture.)
    cover = list(_header_lines(doc, min(body_start, HISTORY_BLOCKS), COVER_CHARS))
    for text in cover:
        if _EDITED_BY_RE.search(text):
            if len(text) <= IMPRINT_CHARS and (year := venue.masthead_year(squash(text))):
                return year
            if len(years := set(_COPYRIGHT_YEAR_RE.findall(text))) == 1 and any(map(_ISBN_RE.search, cover)):
                return years.pop()
    # Or of the conference a paper was given at, named with its year in the page furniture or among the
    # first blocks ("2023 13th Nordic Conference on Wind Power | Luleå | June 19–21, 2023", "XVII
    # međunarodna konferencija ..., Novi Sad, 14–16. septembar 2023."). (Further down such a line cites
    # another paper's proceedings.)
    for text in _header_lines(doc, min(body_start, CONFERENCE_BLOCKS)):
        if _CONFERENCE_RE.search(text) and len(years := set(_COPYRIGHT_YEAR_RE.findall(text))) == 1:
            return years.pop()
    # 4. A post's stamp printed under it, among its counters ("👁 8.3K" / "Jul 29, 2024 at 14:20"): a
    #    line that is only a date and its clock time, the one such line among the last blocks (a
    #    thread's replies stamp each one).
    if d := _tail_stamp(doc, body_start, df):
        return d
    # 5. The year of the article's copyright line ("© Ефремова Н. Г., 2024", "© The Author(s) 2023"):
    #    a short line that opens with it, one year and no range (a site's "© 2012–2024" is its footer's).
    #    (In the page furniture, the footnotes or the first blocks: a site's footer at the end of a page
    #    gives the year it was scraped in.)
    for text in chain(doc.furniture, (n.text for n in doc.footnotes), (b.text for b in doc.blocks[:HISTORY_BLOCKS])):
        if text[:12].lstrip().startswith(("©", "(c)", "(C)", "Copyright")) and len(text) <= COPYRIGHT_CHARS:
            years = _COPYRIGHT_YEAR_RE.findall(text)
            if len(years) == 1 and not _YEAR_RANGE_RE.search(text):
                return years[0]
    return None


def _header_lines(doc: Document, blocks: int, chars: int | None = None) -> Iterable[str]:
    """The page furniture's lines and the first ``blocks`` blocks' texts, those short enough to be an
    imprint or a masthead line (``chars``, by default ``IMPRINT_CHARS``)."""
    most = chars or IMPRINT_CHARS
    return (t for t in chain(doc.furniture, (b.text for b in doc.blocks[:blocks])) if len(t) <= most)


def _tail_stamp(doc: Document, body_start: int, day_first: bool) -> str | None:
    """The date of the one date-and-time line among the last blocks under the body, else None.
    ``[..., "👁 8.3K", "Jul 29, 2024 at 14:20", "👍 412"]`` -> ``"2024-07-29"``"""
    found = {d for b in doc.blocks[max(body_start, len(doc.blocks) - TAIL_BYLINE_BLOCKS):]
             if len(b.text) <= STAMP_CHARS and _CLOCK_END_RE.search(b.text) and (d := dates.parse_date(b.text, day_first))}
    return found.pop() if len(found) == 1 else None


# A book's imprint: places (cut by ";"), a colon, the publisher, a comma and the year, alone on a line.
# (The publisher's name capitalised, no digits in it: "Note: see the data, 2021" is no imprint.)
_IMPRINT_RE = re.compile(r"^[^\W\d_][\w.\- ]*(?:\s*;\s*[^\W\d_][\w.\- ]*)*\s*:\s*[«\"“]?[A-ZА-ЯЁ][^,:;\d]{2,79},"
                         r"\s*((?:19|20)\d\d)\.?$")
IMPRINT_CHARS = 160
# An offprint's cover (the book's title, editors, publisher, year and ISBN) is a block at most this long.
COVER_CHARS = 400
# A masthead's issue line is among this many first blocks; the dates at its ends within this many characters.
MASTHEAD_BLOCKS = 3
EDGE_CHARS = 16
# A conference is named above its paper among this many first blocks.
CONFERENCE_BLOCKS = 3
# A conference, congress, symposium or workshop named in the allowed languages.
_CONFERENCE_RE = re.compile(r"(?<!\w)(?:conference|congress|symposium|workshop|konferen[cz]\w*|kongres\w*|kongress\w*|"
                            r"конференци\w*|конгрес\w*|симпозиум\w*|colloque|congr[eè]s\w*|conferencia|conferência|"
                            r"convegno|tagung|sympozjum|sempozyum\w*|kurultay\w*)(?!\w)", re.IGNORECASE)
# A book's editors named on a chapter's masthead: "red.", "ed.", "eds.", "Hrsg.", "под ред.", "éd.", "a cura di",
# or spelt out: "Herausgegeben von", "под редакцией", "pod redakcją", "sous la direction de".
_EDITED_BY_RE = re.compile(r"(?<!\w)(?:red\.|eds?\.|\(eds?\.?\)|hrsg\.|под\s+ред\.|за\s+ред\.|éds?\.|a\s+cura\s+di|"
                           r"coord\.|edited\s+by|herausgegeben\s+von|под\s+редакцией|pod\s+redakcją|"
                           r"sous\s+la\s+direction\s+de)", re.IGNORECASE)
# A book's ISBN.
_ISBN_RE = re.compile(r"\bISBN(?:-1[03])?:?\s*[\d-]{9,}", re.IGNORECASE)
# A copyright line is at most this long; its year, and a range of years (a site's).
COPYRIGHT_CHARS = 200
_COPYRIGHT_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_YEAR_RANGE_RE = re.compile(r"(?:19|20)\d\d\s*[-–—/]\s*(?:(?:19|20)?\d\d)(?!\d)")


def _doi(doc: Document, header_end: int, skip: set[int]) -> str | None:
    found: list[str] = []
    # Every DOI starts with "10." (squashing cannot make one): only the blocks with it are read, found once.
    with_prefix = [(i, b) for i, b in enumerate(doc.blocks) if i not in skip and "10." in b.text]
    # The header area first (the masthead, the front matter): a DOI line moved out as page furniture
    # may be a reference's, printed on a line of its own in the list.
    for i, b in with_prefix:
        # A "for citation" line cites the article itself, wherever it is printed.
        if i < header_end or venue.CITATION_CUE_RE.match(b.text):
            d = identifiers.doi_statement(squash(b.text)) or identifiers.labelled_doi(b.text)
            if d:
                found.append(d)
    for line in doc.furniture:
        d = identifiers.doi_statement(line) or identifiers.labelled_doi(line)
        if d:
            found.append(d)
    # A DOI line left inside the body (page furniture repair did not catch): a line that is only a DOI.
    for _i, b in with_prefix:
        for line in b.text.split("\n"):
            if "10." not in line:  # squashing cannot make one: spared the squash
                continue
            d = identifiers.doi_statement(squash(line))
            if d:
                found.append(d)
    found = unique(found)
    if len(found) > 1:
        doc.warnings.append(f"metadata: several DOIs printed as the article's own, kept the first: {', '.join(found)}")
    return found[0] if found else None


def _venue_info(doc: Document, front_end: int, cited: list[tuple[int, str]]) -> dict[str, Any] | None:
    info = venue.pick_header(list(doc.furniture))
    if info:
        return info
    info = venue.pick_header([t for i in range(min(front_end, len(doc.blocks)))
                              if len(t := squash(doc.blocks[i].text)) < 240])
    if info:
        return info
    # A "for citation" line among the furniture, in the front matter or up to ten blocks under it.
    for info in chain(map(venue.citation_venue, doc.furniture),
                      (venue.reference_venue(text) for i, text in cited if i < front_end + 10)):
        if info:
            return info
    return None


_LIST_SEPARATORS = ("·", ",", ";", "•", "|")
# Most keywords printed one a line under a cue that stands alone.
MAX_KEYWORD_LINES = 12


def _is_keyword_item(text: str) -> bool:
    """A line that is one keyword: one to five words, no list separator, no digit, no sentence end.

    ``"Reading fluency"`` -> True; ``"Reading fluency, motivation"`` -> False (a list of its own);
    ``"Similar content being viewed by others today"`` -> False
    """
    t = text.strip()
    return (0 < word_count(t) <= 5 and "\n" not in t and not any(c in t for c in ",;·•|:")
            and not any(c.isdigit() for c in t) and not ends_sentence(t))


def _is_abstract_section(blocks: list[Block], i: int, taken: set[int]) -> bool:
    """Whether block ``i``, under an "Abstract" cue alone, is the heading of the first section of a
    structured abstract ("Background", "Objective") with its paragraph under it.
    """
    return (i + 1 < len(blocks) and i not in taken and i + 1 not in taken and blocks[i].kind == "heading"
            and word_count(blocks[i].text) <= 3 and blocks[i + 1].kind != "heading")


def _keywords_abstracts(doc: Document, parts: list[ka.CuePart], front_end: int, main_lang: str | None,
                        skip: set[int]) -> tuple[dict[str, list[str]], dict[str, str], dict[int, str], list[tuple[int, str]]]:
    """Keywords and abstracts per language; also which blocks they occupy and where each one sits."""
    blocks = doc.blocks
    kw_lists: dict[str, tuple[list[str], str]] = {}
    abstracts: dict[str, str] = {}
    labels: dict[int, str] = {}
    located: list[tuple[int, str]] = []
    cue_blocks = {p.block for p in parts}
    kw_at: list[tuple[int, str]] = []  # each keyword list's cue block and language
    spans: dict[int, list[tuple[int, int, str]]] = {}  # where each block's segments are, found once
    for p in parts:
        if p.kind == "stop":
            continue
        text = blocks[p.block].text
        content = text[p.start : p.end]
        block, start, end = p.block, p.start, p.end
        if not content.strip():
            nxt = p.block + 1
            if p.kind == "abstract" and _is_abstract_section(blocks, nxt, cue_blocks | skip):
                nxt += 1  # a structured abstract: "Background" and its paragraph
            # (The next block may hold a cue after the abstract, run into it: "... difficiles. Mots-clés :
            # ...". The abstract is what comes before that cue.)
            before = min((q.cue_start for q in parts if q.block == nxt), default=None)
            if nxt >= len(blocks) or nxt in skip or blocks[nxt].kind == "heading" and not (
                    p.kind == "keywords" and _is_keyword_item(blocks[nxt].text)) or nxt in cue_blocks and not (
                    p.kind == "abstract" and before and word_count(blocks[nxt].text[:before]) >= MIN_UNLABELLED_ABSTRACT_WORDS):
                continue
            end = before if nxt in cue_blocks and before else len(blocks[nxt].text)
            block, start = nxt, 0
            content = blocks[nxt].text[:end]
            labels[nxt] = p.kind
            if p.kind == "keywords" and _is_keyword_item(content):
                # One keyword a line under a cue that stands alone: the list runs on while the lines do.
                k = nxt + 1
                while k < len(blocks) and k - nxt < MAX_KEYWORD_LINES and k not in cue_blocks and k not in skip \
                        and _is_keyword_item(blocks[k].text):
                    content += "; " + blocks[k].text
                    labels[k] = p.kind
                    k += 1
        if p.kind == "keywords" and content.rstrip()[-1:] in _LIST_SEPARATORS:
            # A list that ends with its separator goes on in the next block, when that is short and
            # no cue ("… · Urban green space ·" / "England", cut apart by the extraction).
            k = p.block + 1
            # (Its last items may end with a full stop, "Vologda Region, Sukhona.": a list, not a sentence.)
            if k < len(blocks) and k not in cue_blocks and k not in skip and word_count(blocks[k].text) <= 5 \
                    and (not ends_sentence(blocks[k].text) or any(c in blocks[k].text for c in _LIST_SEPARATORS)):
                content = content.rstrip() + " " + blocks[k].text
                labels[k] = p.kind
        if block not in spans:
            spans[block] = segment_spans(doc, block)
        lang = span_lang(doc, block, start, end, spans[block])
        if p.cue.lower() in ka.BLOCK_START_ONLY and lang == main_lang and p.block > front_end and (
                p.block > front_end + SUMMARY_CUE_BLOCKS or main_lang in abstracts
                or not any(q.kind == "keywords" and front_end <= q.block < p.block for q in parts)):
            # A "Summary" section of the body, not a second-language abstract. (The front matter ends
            # at the first cue: there, "Резюме." / "Resumen" opens the abstract; so it does right under
            # a keywords list that came first, when no abstract in the text's language was read.)
            continue
        taken = abstracts if p.kind == "abstract" else kw_lists
        if p.kind == "keywords" and located and located[-1][1] != lang and p.block - located[-1][0] <= 2 \
                and ka.cue_language(p.cue) == located[-1][1] and located[-1][1] not in kw_lists:
            # Keywords under the abstract they follow, their cue in its language ("Abstract: ..." /
            # "Keywords: dairy co-operatives; ..." in a German paper): a short list's own label is a
            # guess from its context.
            lang = located[-1][1]
        if lang in taken or lang == "und":
            # A short list under a cue printed in another language ("Keywords:" in a Spanish paper)
            # can take the text's language: the cue says which language it is in.
            cue_lang = ka.cue_language(p.cue)
            if cue_lang is not None and cue_lang not in taken:
                lang = cue_lang
        labels.setdefault(p.block, p.kind)
        located.append((p.block, lang))
        if p.kind == "keywords":
            kw_at.append((p.block, lang))
        if p.kind == "abstract":
            t = ka.clean_abstract(content)
            # (A news page's "Summary" over its key points, short lines none of which ends like a
            # sentence, is no abstract.)
            if t and lang not in abstracts and not _key_points(blocks, block, t):
                abstracts[lang] = t
        else:
            items, sep = ka.split_keywords(content)
            if items and lang not in kw_lists:
                kw_lists[lang] = (items, sep)
    # (A "for citation" line is a cue that stops a part: the abstract may be run on after it.)
    read = {p.block for p in parts if p.kind != "stop"} | skip
    for k, lang in kw_at:
        if lang not in abstracts and (found := _unlabelled_abstract(doc, k - 1, lang, read)):
            # The abstract printed without its cue, right above its keywords.
            abstracts[lang] = found
            labels[k - 1] = "abstract"
            located.append((k - 1, lang))
    return ka.align_keyword_lists(kw_lists), abstracts, labels, located


_SENTENCE_END_RE = re.compile(r"[.!?。！？…](?:[\s\"'”»)\]]|$)")
# A key point of a news page's summary is at most this many words.
KEY_POINT_WORDS = 15


def _key_points(blocks: list[Block], i: int, text: str) -> bool:
    """Whether ``text`` (block ``i``'s) and the block after it are short lines without a sentence's
    end: a list of key points under "Summary", not an abstract (an abstract cut short by the
    extraction runs on into a longer block)."""
    def point(t: str) -> bool:
        return word_count(t) <= KEY_POINT_WORDS and not _SENTENCE_END_RE.search(t)
    return point(text) and i + 1 < len(blocks) and point(blocks[i + 1].text)


_IN_LANGUAGE_RE = re.compile(r"^\((?:in|на)\s+[^\W\d_]+\.?(?:\s+[^\W\d_]+\.?)?\)\.?\s*", re.IGNORECASE)
# An abstract printed without its cue has at least this many words.
MIN_UNLABELLED_ABSTRACT_WORDS = 25


def _unlabelled_abstract(doc: Document, i: int, lang: str, taken: set[int]) -> str | None:
    """The abstract a block right above a keywords cue holds without a cue of its own, else None: a
    paragraph of prose (``MIN_UNLABELLED_ABSTRACT_WORDS`` words, ending a sentence) in the keywords'
    language, not the article's history, an affiliation or its "for citation" line; a "for citation"
    line with prose run on after its DOI gives that prose."""
    if i < 0 or i in taken:
        return None
    block = doc.blocks[i]
    text = squash(block.text)
    # (Repair may have read it as a reference list's entry, its list running on to the keywords: the
    # reference reader has not taken it, see notes.find_references.)
    if block.kind not in ("paragraph", "reference") or not ends_sentence(text):
        return None
    # A reference to the article (with or without its cue) or the article's history run into the
    # abstract's block: the abstract is what follows the reference's DOI, or the history's last date.
    dois = [m for m in identifiers.PREFIXED_DOI_RE.finditer(text) if 2 * m.end() < len(text)]
    if dois:
        # (A transliterated reference ends with the language it is in, after its DOI: "(In Russian)".)
        text = _IN_LANGUAGE_RE.sub("", text[dois[-1].end() :].strip())
    elif venue.CITATION_CUE_RE.match(text):
        return None
    elif notes.is_history_note(text[:HISTORY_CHARS]) or _holds_history(text[:HISTORY_CHARS]):
        found = [d for d in dates.find_dates(text[:HISTORY_CHARS]) if 2 * d.end < len(text)]
        if not found:
            return None
        text = text[found[-1].end :].lstrip(" .;,·|")
        # (The history may go on into the abstract's own cue: "... Опубліковано 30.06.2023 Анотація. ...")
        cue = next((c for c in ka.find_cues(text[:60]) if c.cue_start == 0 and c.kind == "abstract"), None)
        if cue is not None:
            text = text[cue.start :].strip()
    if word_count(text) < MIN_UNLABELLED_ABSTRACT_WORDS or notes.is_history_note(text) or au.is_affiliation(text[:200]):
        return None
    if span_lang(doc, i, 0, len(block.text)) != lang:
        return None
    return ka.clean_abstract(text)


def _translations_near_abstracts(doc: Document, fr: Front, located: list[tuple[int, str]], skip: set[int],
                                 main_lang: str, cfg: MetadataConfig,
                                 venue_keys: frozenset[str] = frozenset()) -> None:
    """A title printed in another language usually stands just above that language's abstract."""
    have = {lang for _b, _t, lang in fr.translations} | {main_lang}
    cue_blocks = sorted({b for b, _l in located})
    taken = set(fr.title) | set(fr.author_blocks) | set(fr.affiliation_blocks)
    for block, lang in located:
        if lang in have or lang == "und":
            continue
        prev_cues = [b for b in cue_blocks if b < block]
        lo = max([prev_cues[-1] + 1] if prev_cues else [0])
        lo = max(lo, block - TRANSLATION_WINDOW)
        for i in range(lo, block):
            if i in skip or i in taken:
                continue
            t = squash(strip_marks(doc.blocks[i].text))
            if (
                title.is_title_shaped(t)
                and not _is_furniture_like(t, venue_keys)
                and au.parse_author_line(t) is None
                and au.parse_byline(t) is None
                and not au.is_affiliation(t)
                and block_lang(doc, i) == lang
            ):
                group = [i]
                while (
                    group[-1] + 1 < block
                    and title.continues_title("\n".join(squash(doc.blocks[g].text) for g in group),
                                              doc.blocks[group[-1] + 1].text)
                    and not _is_other_front_line(squash(doc.blocks[group[-1] + 1].text), cfg)
                ):
                    group.append(group[-1] + 1)
                text = " ".join(squash(strip_marks(doc.blocks[g].text)) for g in group)
                fr.translations.append((group, text, lang))
                have.add(lang)
                break


def extract_metadata(doc: Document, cfg: MetadataConfig) -> Document:
    """Fill ``doc.metadata`` (the keys in ``METADATA_KEYS``) and label the blocks recognised.

    Example: blocks ``["A New Chapter in Arctic Shipping", "By Chen Ming", "<a long paragraph>"]``
    give ``title = {"text": "A New Chapter in Arctic Shipping", "lang": "en"}`` and
    ``authors = [{"name": "Chen Ming", "affiliations": [], "email": None}]``.
    """
    blocks = doc.blocks
    cues = [ka.find_cues(b.text, i) for i, b in enumerate(blocks)]  # each block read for cues once
    refs = notes.find_references(blocks, cues)
    skip = set(refs.blocks) | set(refs.headings)

    # The front matter ends at the first cue (abstract, keywords) or the first real paragraph.
    def body_from(start: int) -> int:
        # (An author line run together with its affiliations is long, but front matter.)
        # (Nor is the article's history run into one paragraph with the first page's sidebar: "Submitted
        # 12 March 2023 Accepted ... Academic editor ..." printed above the title.)
        return next((i for i in range(start, len(blocks)) if i not in skip and _is_body(blocks[i].text, blocks[i].kind)
                     and not cues[i]
                     and not (au.is_affiliation(blocks[i].text) and (word_count(blocks[i].text) < 25
                                                                      or _MARKED_AFFILIATION_RE.match(blocks[i].text)))
                     and au.split_author_block(blocks[i].text) is None
                     and not notes.is_history_note(blocks[i].text[:HISTORY_CHARS])
                     and not (i == 0 and _dated_header(blocks[i].text))), len(blocks))

    body_start = body_from(0)
    if (body_start + 1 < len(blocks) and word_count(blocks[body_start].text) <= STANDFIRST_WORDS
            and (au.parse_byline(nxt := blocks[body_start + 1].text)
                 or word_count(nxt) <= BYLINE_WITH_ROLE_WORDS and au.parse_author_with_role(nxt))):
        # A standfirst (the headline's summary, a paragraph of its own) above the byline (or the
        # writer's name and post: "Ренат Каримов ведущий научный сотрудник ..."): the front matter
        # goes on to the byline.
        body_start = body_from(body_start + 2)
    cue_probe = [p for i in range(min(body_start + 1, len(blocks))) if i not in skip
                 for p in cues[i] if p.kind != "stop"]
    front_end = min([body_start] + [p.block for p in cue_probe])

    # The article's own reference ("for citation"), in the front matter or under it: it names the
    # journal, the authors and the title.
    cited = venue.citations([b.text for b in blocks[: front_end + CITATION_BLOCKS]])
    venue_keys = _venue_keys(doc, front_end, cited)
    fr = _read_front(doc, front_end, cfg, venue_keys, [_line_key(text) for _i, text in cited])
    page = thesis.read_title_page([b.text for b in blocks[: thesis.PAGE_BLOCKS + 2]])
    if page is not None:
        fr = _read_title_page(doc, fr, page)
    main_lang = fr.title_lang
    parts = _cue_parts(cues, skip)
    keywords, abstracts, cue_labels, located = _keywords_abstracts(doc, parts, front_end, main_lang, skip)
    if main_lang:
        _translations_near_abstracts(doc, fr, located, skip, main_lang, cfg, venue_keys)

    header = _venue_info(doc, front_end, cited)
    # The header area (front matter, abstracts, keywords) ends where the main text starts.
    doi = _doi(doc, body_start, skip)
    if not fr.authors and not fr.byline_names and (late := _late_byline(doc, front_end, body_start, cfg.day_first)):
        # Read as the front matter's byline: it names the authors, and its date is the article's.
        fr.byline_blocks.append(late[0])
        fr.byline_names.extend(late[1])
    authors = _authors(doc, fr, front_end, body_start)
    published = _published(doc, fr, body_start, header, cfg)

    title_obj = None
    if fr.title_text:
        title_obj = {"text": title.clean_title(fr.title_text), "lang": main_lang or "und"}
    translations = [{"text": title.clean_title(text), "lang": lang} for _g, text, lang in fr.translations]
    if doc.front_matter:
        # The file's own metadata block states what the rules would read from the text.
        fm = read_front_matter(doc.front_matter, cfg.day_first)
        fm_lang = fm.lang or main_lang or _main_language(doc) or "und"
        if fm.title:
            title_obj = {"text": fm.title, "lang": fm_lang}
        if fm.translations:
            translations = [{"text": t, "lang": lang} for t, lang in fm.translations]
        authors = fm.authors or authors
        published = fm.published or published
        doi = fm.doi or doi
        keywords = {**keywords, **{(lang or fm_lang): items for lang, items in fm.keywords.items()}}
        abstracts = {**abstracts, **{(lang or fm_lang): text for lang, text in fm.abstract.items()}}

    texts = [b.text for b in blocks] + [n.text for n in doc.footnotes]
    note_urls = [notes.find_urls(n.text) for n in doc.footnotes]  # each footnote read for URLs once
    doc.metadata = {
        "title": title_obj,
        "title_translations": translations,
        "authors": [a.as_record() for a in authors],
        "doi": doi,
        "published": published,
        "venue": venue.build_venue(header, doi, doc.languages),
        "keywords": keywords,
        "abstract": abstracts,
        "references": refs.entries,
        "urls": unique([*(u for b in blocks for u in notes.find_urls(b.text)), *(u for us in note_urls for u in us)]),
        "emails": unique(e for t in texts + list(doc.furniture) for e in notes.find_emails(t)),
        "footnotes": [notes.enrich_footnote(n, cfg.day_first, us) for n, us in zip(doc.footnotes, note_urls, strict=True)],
    }

    for i in fr.title:
        doc.label_block(i, "title")
    for group, _text, _lang in fr.translations:
        for i in group:
            doc.label_block(i, "title")
    for i in fr.byline_blocks + fr.author_blocks + fr.affiliation_blocks:
        doc.label_block(i, "byline")
    for i, kind in cue_labels.items():
        if i not in fr.title:
            doc.label_block(i, kind)
    for i in refs.blocks:
        doc.label_block(i, "reference")
    log.debug("%s: metadata %s", doc.source.path, {k: bool(v) for k, v in doc.metadata.items()})
    return doc
