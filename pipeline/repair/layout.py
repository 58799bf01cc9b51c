"""Extraction debris of PDF and markdown conversions, and the cut of the text into blocks.

The order of work on a document's lines:

1. page furniture (running headers/footers, page numbers, the header above a page number,
   stray DOI lines) moves to ``furniture``;
2. footnote regions (a separator line, then numbered notes, until the next page starts) move to
   ``footnotes``; the body sentence they interrupted is rejoined;
3. lines are grouped into blocks: blank lines, indentation and cues (markdown headings, field
   cues such as "Abstract", list items, captions, references) start blocks; hard-wrapped lines
   are unwrapped with line-end hyphens resolved from evidence; markdown marks are removed;
4. a paragraph that a page break cut in two (no sentence end, next starts in lower case) is
   rejoined; spurious spaces inside CJK runs are removed.

Every helper is pure; ``build_blocks`` drives them and counts what it changed.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import NamedTuple

from pipeline.config import RepairConfig
from pipeline.document import Block, Footnote
from pipeline.letters import in_capitals
from pipeline.repair import latex
from pipeline.repair.chars import squash
from pipeline.repair.chrome import find_chrome
from pipeline.repair.front import (
    ends_open,
    is_affiliation_line,
    is_author_line,
    is_byline,
    name_list,
    opens_author_list,
)
from pipeline.repair.web import find_boilerplate

# ---------------------------------------------------------------------------------------------
# Cues
# ---------------------------------------------------------------------------------------------

FIELD_CUE = re.compile(
    r"^\s*(?:\*\*|__)?\s*(?:abstract|summary|аннотация|резюме|keywords|key\s*words|index\s+terms|"
    r"ключевые\s+слова|references|bibliography|literature|works\s+cited|список\s+литературы|"
    r"литература|библиография|источники)\s*(?:\*\*|__)?\s*(?:[.:—–-]|\*\*|$)"
    # (Some publishers print the keywords' cue with no mark, a capitalised keyword after it: "Keywords
    # Thermal biology, Reptiles".)
    r"|^\s*(?:keywords|key\s*words)\s+(?-i:[A-ZА-ЯЁ])",
    re.IGNORECASE,
)
# A keywords cue in the allowed languages, with its colon or dash.
KEYWORDS_CUE = re.compile(
    r"^\s*(?:\*\*|__)?\s*(?:keywords|key\s*words|ключевые\s+слова|ключові\s+слова|mots[-\s]clés|schlüsselwörter|"
    r"schlagwörter|palabras\s+clave|parole\s+chiave|słowa\s+kluczowe|palavras[-\s]chave|anahtar\s+kelimeler|"
    r"түйін\s+сөздер|ключови\s+думи|trefwoorden|klíčová\s+slova|cuvinte[-\s]cheie)\s*(?:\*\*|__)?\s*[:.—–-]",
    re.IGNORECASE)
REFERENCES_CUE = re.compile(
    r"^\s*(?:#+\s*)?(?:\*\*|__)?\s*(?:\d+\.?\s*)?(?:references|bibliography|works\s+cited|literature|"
    r"список\s+литературы|литература|библиография|источники)\s*(?:\*\*|__)?\s*:?\s*$",
    re.IGNORECASE,
)
CAPTION = re.compile(
    r"^\s*(?:\*\*)?(?:fig\.?|figure|рис\.?|рисунок|table|tab\.|таблица|табл\.|chart|scheme|схема|диаграмма)"
    r"\s*\d+(?:\.\d+)*\b",
    re.IGNORECASE,
)
MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
LIST_ITEM = re.compile(r"^\s*(?:[-*+•▪◦‣]\s+|\d{1,3}[.)]\s+(?=\S))")
# A post's hashtags, two or more and nothing else on the line: a block of their own, never the end
# of the line above ("Текст: Алёна Шишкина" / "#история #КВЖД #музеи").
HASHTAGS = re.compile(r"^\s*#[^\W\d_][\w-]*(?:[\s,]+#[^\W\d_][\w-]*)+\s*$")
BULLET = re.compile(r"^\s*(?:[-*+•▪◦‣]\s+)+")
REFERENCE_ENTRY = re.compile(r"^\s*(?:[-*+]\s+)?\[\d{1,4}\]\s+\S")
MD_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
# A pandoc fenced div's fence: ":::", "::: {.license}", "::: note".
MD_DIV_FENCE = re.compile(r"^\s{0,3}:{3,}\s*(?:\{[^}]*\}|[\w-]+)?\s*:*\s*$")
# A fenced div named for an abstract or a keyword list ("::: abstract", "::: {.keywords}"), as pandoc
# writes LaTeX's abstract environment.
MD_DIV_NAMED = re.compile(r"^\s{0,3}:{3,}\s*\{?\s*\.?(abstract|summary|keywords)\b", re.IGNORECASE)
# A journal's ISSN line at the top of its first page: "ISSN 2542-3150 (Print)", "e-ISSN: 2791-6340".
# How far among a first page's lines an ISSN line is the journal's masthead.
ISSN_TOP_LINES = 12
ISSN_LINE = re.compile(r"(?:(?:print|online|[ep])[-\s]?)?issn\s*:?\s*\d{4}-?\d{3}[\dx]", re.IGNORECASE)
PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—]\s*)?(?:(?:page|p\.|стр\.?|с\.)\s*)?\d{1,4}(?:\s*(?:of|из|/)\s*\d{1,4})?(?:\s*[-–—])?\s*$",
    re.IGNORECASE,
)
DOI_LINE = re.compile(
    r"^\s*(?:(?:DOI|doi)\s*:?\s*(?:https?://(?:dx\.)?doi\.org/)?|https?://(?:dx\.)?doi\.org/)10\.\d{4,9}/\S+\s*$"
)
FOOTNOTE_SEPARATOR = re.compile(r"^(?:\s{20,}|\s*[_‗]{5,}\s*|\s*[-—–]{10,}\s*)$")
_RULE_MARKS = ("_", "‗", "-", "—", "–")  # what a non-blank FOOTNOTE_SEPARATOR starts with
FOOTNOTE_START = re.compile(r"^\s{0,3}(\d{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3}|\*{1,3})\s+(\S.*)$")
# A front-matter field line: a capitalised label of one to four words and a colon ("Received:",
# "Corresponding author:", "Для цитирования:"), or a classification code ("УДК 327", "JEL F15").
LABEL_LINE = re.compile(r"^(?:\*\*)?[A-ZА-ЯЁІЇЄҐ][^\W\d_]*(?:[ -][^\W\d_]+){0,3}(?:\*\*)?\s?:(?:\*\*)?\s+\S")
CLASS_CODE = re.compile(r"^(?:УДК|UDC|ББК|BBK|JEL(?: [Cc]lassification)?)\s*:?\s*[\dA-Z]")
DOI_PREFIX = re.compile(r"(?:^|[\s:(])10\.\d{4,9}/$")
URL_ONLY = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$")
URL_TAIL = re.compile(r"(?:https?://|www\.)\S*$")

TERMINAL = ".!?…"
# What may close a sentence after its terminal mark: quotes, brackets, a footnote number.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\d{0,3}\s*$")
_CLOSERS = "\"'”’»)]"
_CJK = "\u2e80-\u2eff\u3005-\u3007\u3021-\u3029\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_PUNCT = "\u3000-\u3003\u3008-\u3011\u3014-\u301f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
# The CJK character before the spaces is matched (and put back) rather than looked behind at:
# a look-behind would be tried at every position of the text.
CJK_SPACE = re.compile(f"([{_CJK}{_CJK_PUNCT}])[ \t]+(?=[{_CJK}{_CJK_PUNCT}])")
_CJK_CHAR = re.compile(f"[{_CJK}{_CJK_PUNCT}]")
# Whitespace other than " " and "\n" (what str.isspace and the patterns' \s take, less those two).
_ODD_SPACES = "\t\x0b\x0c\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_CJK_OR_ODD_SPACE = re.compile(f"[{_CJK}{_CJK_PUNCT}{_ODD_SPACES}]")
_CJK_MIN = "\u2e80"  # no CJK character or mark sorts below it
_CJK_END = re.compile(f"[{_CJK}{_CJK_PUNCT}]$")
_CJK_START = re.compile(f"^[{_CJK}{_CJK_PUNCT}]")
_WORD_TOKEN = re.compile(r"[^\W\d_]+(?:[-‐][^\W\d_]+)*")
_LAST_FRAGMENT = re.compile(r"([^\W\d_]+)[-‐]$")
_FIRST_FRAGMENT = re.compile(r"^([^\W\d_]+)")


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends a sentence (a terminal mark, maybe a closing quote or note number).

    >>> ends_sentence("the end.”2"), ends_sentence("in Russia’s foreign")
    (True, False)
    """
    # _SENTENCE_END read from the end with string methods: a regex search would try every
    # position of a long paragraph. (Whitespace, digits, closers and marks are disjoint sets, and
    # str.isspace/isdecimal are exactly the regex's \s and \d.)
    if text[-1:].isalpha():
        return False  # the common case: a line that ends with a word
    t = text.rstrip()
    end = len(t)
    while end > 0 and len(t) - end < 4 and t[end - 1].isdecimal():
        end -= 1
    if len(t) - end > 3:
        return False  # a number, not a note mark after a sentence
    t = t[:end].rstrip(_CLOSERS)
    return bool(t) and t[-1] in TERMINAL


def starts_lower(text: str) -> bool:
    """True when the first letter-or-digit of ``text`` is a lower-case letter.

    >>> starts_lower(" policy shift."), starts_lower("Third, the")
    (True, False)
    """
    for c in text:
        if c.isalnum():
            return c.islower()
    return False


def is_page_number(line: str) -> bool:
    """A line holding only a page number ("50", "- 12 -", "Page 3 of 9").

    >>> is_page_number("50 "), is_page_number("50 years")
    (True, False)
    """
    return bool(PAGE_NUMBER.match(line))


def remove_cjk_spaces(text: str) -> tuple[str, int]:
    """Drop spaces a PDF extraction put between CJK characters.

    >>> remove_cjk_spaces("共和 国 中 央 [Госсовет]")
    ('共和国中央 [Госсовет]', 3)
    """
    # Most texts hold no CJK at all: one scan for a CJK character is far cheaper than the
    # look-behind tried at every position.
    if not has_cjk(text):
        return text, 0
    return CJK_SPACE.subn(r"\1", text)


def has_cjk(text: str) -> bool:
    """Does ``text`` hold a CJK character or CJK punctuation?

    >>> has_cjk("中国 policy"), has_cjk("Россия")
    (True, False)
    """
    return not text.isascii() and _CJK_CHAR.search(text) is not None


def cjk_and_odd_spaces(text: str) -> tuple[bool, bool]:
    """``has_cjk(text)``, and whether ``text`` may hold whitespace other than " " and "\\n".

    One scan answers both for most texts (they hold neither), in the time ``has_cjk`` takes. A
    text with CJK is not read further: it may hold odd spaces (its lines are read one by one).
    >>> cjk_and_odd_spaces("中国 policy"), cjk_and_odd_spaces("a\\tb\\nc"), cjk_and_odd_spaces("Россия\\nи мир")
    ((True, True), (False, True), (False, False))
    """
    if text.isascii():  # (no CJK; the odd spaces are eight control characters, found by memchr)
        return False, any(c in text for c in "\t\x0b\x0c\r\x1c\x1d\x1e\x1f")
    first = _CJK_OR_ODD_SPACE.search(text)
    if first is None:
        return False, False
    # The first CJK character or odd space: after an odd space, CJK is looked for in the rest.
    return _CJK_CHAR.match(first.group()) is not None or _CJK_CHAR.search(text, first.end()) is not None, True


_ODD_ASCII_SPACES = "\t\x0b\x0c\r\x1c\x1d\x1e\x1f"  # the ASCII characters of _ODD_SPACES
# Every character of _ODD_SPACES, the likeliest first (a test checks them against the class).
_ODD_SPACE_CHARS = "\xa0\t\u3000\r\u2009\u202f" + _ODD_ASCII_SPACES[1:3] + _ODD_ASCII_SPACES[4:] + \
    "\x85\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u200a\u2028\u2029\u205f"


def plain_line_spaces(text: str) -> bool:
    r"""No line of ``text`` holds whitespace other than " ", page breaks ("\f" alone on a line) aside.

    What ``cjk_and_odd_spaces`` leaves open: it does not read a text with CJK for odd spaces, and
    a page break is whitespace, but no line's text (``split_lines``) keeps it.
    >>> plain_line_spaces("中国 policy\n\f\nend"), plain_line_spaces("a\tb"), plain_line_spaces("中\u3000国")
    (True, False, False)
    """
    if "\f" in text:
        text = text.replace("\n\f\n", "\n\n")  # (a page break's line has no text: "" either way)
    # (One substring scan per character, each a fast search, cost a third of the regex's
    # character-class test at every position.)
    return not any(c in text for c in (_ODD_ASCII_SPACES if text.isascii() else _ODD_SPACE_CHARS))


# ---------------------------------------------------------------------------------------------
# Words: evidence for line-end hyphens
# ---------------------------------------------------------------------------------------------

_SUFFIXES = (
    "izations", "ization", "isations", "isation", "ations", "ation", "ments", "ment", "nesses",
    "ness", "ities", "ity", "ings", "ing", "ers", "er", "ied", "ies", "ed", "es", "ly", "s", "d",
    # Past participles the list does not hold: "undergone" (undergo), "overtaken" (overtake).
    "ne", "en",
)
# English prefixes that fuse with the word they prefix ("undergo", "outperform", "overestimate"):
# split at a line end they are joined unless the document writes the compound with a hyphen.
_FUSING_PREFIXES = frozenset("under over out fore counter inter super trans sub".split())
# Russian (and Ukrainian) hyphen compounds, there being no Cyrillic word list: particles after the
# hyphen (что-то, кто-либо, где-нибудь), prefixes before it (кое-что, из-за, по-русски), and
# compound adjectives whose first part ends in -о/-е (северо-западный, социально-экономический).
_CYR_PARTICLES = frozenset("то либо нибудь таки ка де тко".split())
_CYR_PREFIXES = frozenset("кое кой из".split())
_CYR_PO_ADVERB = re.compile(r"(?:ски|цки|ому|ему|ьи|и)$")
# (With the Ukrainian endings the Russian lacks: "лексико-семантичної", "-ім"; not "-ою", which a noun ends with too: "допо-могою".)
_CYR_ADJECTIVE = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ых|их|ую|юю|ей|ыми|ими|ої|ім)$")
_CYRILLIC = re.compile(r"[а-яёіїєґ]", re.IGNORECASE)


def cyrillic_compound(left: str, right: str) -> bool:
    """Russian morphology of a hyphen compound, for a pair split at a line end.

    >>> cyrillic_compound("северо", "западный"), cyrillic_compound("изме", "нения"), cyrillic_compound("что", "то")
    (True, False, True)
    """
    lo, ro = left.lower(), right.lower()
    if ro in _CYR_PARTICLES or lo in _CYR_PREFIXES and len(ro) >= 2:
        return True
    if lo == "по":
        return bool(_CYR_PO_ADVERB.search(ro)) and len(ro) >= 4
    return len(lo) >= 4 and lo[-1] in "оеё" and len(ro) >= 5 and bool(_CYR_ADJECTIVE.search(ro))


@lru_cache(maxsize=1)
def english_words() -> dict[str, None]:
    """Lower-case English word list (Webster's 2nd + GCIDE, from the english-words package), as
    the keys of a dict: ``word in english_words()`` is all that is asked of it.

    (A dict that holds only strings is not tracked by the garbage collector, a set always is: as a
    set, its quarter of a million entries were walked at every full collection of the process.)
    >>> "nation" in english_words(), "wp" in english_words()
    (True, False)
    """
    try:
        from english_words import get_english_words_set
    except ImportError:  # the list only sharpens decisions; evidence from the document still works
        return {}
    return dict.fromkeys(get_english_words_set(["web2", "gcide"], lower=True, alpha=True))


@lru_cache(maxsize=1 << 16)
def is_known_word(word: str) -> bool:
    """``word`` (any case) or its stem without a common English suffix is in the word list.

    >>> is_known_word("dollarization"), is_known_word("wp")
    (True, False)
    """
    words = english_words()
    w = word.lower()
    if len(w) < 2 or not w.isascii():
        return False
    if w in words:
        return True
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            stem = w[: -len(suf)]
            if stem in words or stem + "e" in words or (suf in ("ied", "ies") and stem + "y" in words):
                return True
    return False


# Punctuation, digits and "_" around a word: none of them is part of a _WORD_TOKEN.
_AROUND_WORDS = ".,;:!?()[]{}<>\"'«»“”„‘’…*/%_0123456789"


def word_tokens(text: str) -> set[str]:
    """The distinct ``_WORD_TOKEN`` matches of ``text``: words, hyphen compounds.

    No token spans whitespace, so each distinct whitespace-separated chunk is read once, and a
    chunk that is a plain word behind punctuation needs no regex at all.
    >>> sorted(word_tokens("Well-known (words), 1990s well-known x_y"))
    ['Well-known', 's', 'well-known', 'words', 'x', 'y']
    """
    # (What is stripped from a chunk's ends can be no part of a token: the tokens stay the same.)
    chunks = set(text.split())
    out = {c for c in chunks if c.isalpha()}
    cores = {c.strip(_AROUND_WORDS) for c in chunks - out}
    words = {c for c in cores if c.isalpha()}
    out |= words
    for c in cores - words:
        out.update(_WORD_TOKEN.findall(c))
    return out


def _drop_last_word(line: str) -> str:
    """A line without its final hyphenated fragment: "have under-" -> "have "."""
    t = line.rstrip("-‐")
    k = len(t)
    while k > 0 and (t[k - 1].isalpha()):
        k -= 1
    return t[:k]


def _is_letter(c: str) -> bool:
    """Is ``c`` (one character, or "" off the text's ends) a ``[^\\W\\d_]`` letter?

    Exactly the regex's reading: ``\\w`` is ``str.isalnum`` or "_", ``\\d`` is ``str.isdecimal``.
    >>> _is_letter("a"), _is_letter("²"), _is_letter("2"), _is_letter("_"), _is_letter("")
    (True, True, False, False, False)
    """
    return c.isalnum() and not c.isdecimal()


_PLAIN_WORD = re.compile(r"[^\W\d_]+")
_COMPOUND_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
# Occurrences of a word looked at in the text before the token sets are built instead: a
# fragment that is part of many longer words is answered faster from the sets.
_SCAN_LIMIT = 40


class Vocabulary:
    """Words seen in the document: evidence for resolving line-end hyphens.

    The words are the ``_WORD_TOKEN`` tokens of the document's lower-cased text, less the
    fragments of the words split at line ends. A document asks about a few words only (the
    halves of its split words), so ``has_word`` and the like look each one up in the text
    (``str.find``, then the characters around it) instead of tokenising the whole document;
    the token sets are built when a word occurs too often to be looked at occurrence by
    occurrence, or when ``plain`` and the like are read. Both give the same answers.
    >>> v = Vocabulary.of(["major-country relations", "interna-", "tional order"])
    >>> v.has_compound("major-country"), v.has_word("major"), v.has_prefix("major"), v.has_word("interna")
    (True, False, True, False)
    """

    def __init__(self, lines: list[str] | None = None) -> None:
        self._lines = lines or []
        self._body: str | None = None
        self._built = False
        self._plain: set[str] = set()
        self._compounds: set[str] = set()
        self._prefixes: set[str] = set()
        self._suffixes: set[str] = set()

    @classmethod
    def of(cls, lines: list[str]) -> Vocabulary:
        return cls(lines)

    def _text(self) -> str:
        """The text the words are read from (built on first use: most documents never ask)."""
        if self._body is not None:
            return self._body
        # A hyphen at the very end of a line is exactly what is being decided: not evidence.
        # Nor are its two fragments words of the document ("изме-" / "нения"): the last word of a
        # line that ends with a hyphen and the first word of the line after it are left out.
        # (Cutting a line's first word never changes whether it ends with a hyphen, so the lines
        # that do are known up front and only they and the lines after them are looked at.)
        kept = [ln.rstrip() for ln in self._lines]
        for i in [i for i, t in enumerate(kept) if t.endswith(("-", "‐"))]:
            kept[i] = _drop_last_word(kept[i])
            if i + 1 < len(kept):
                kept[i + 1] = _FIRST_FRAGMENT.sub("", kept[i + 1].lstrip(), count=1)
        self._body = "\n".join(kept).lower().replace("‐", "-")
        self._lines = []
        return self._body

    def _build(self) -> None:
        self._built = True
        words = word_tokens(self._text())
        self._plain = {w for w in words if "-" not in w}
        self._compounds = words - self._plain
        for w in self._compounds:
            parts = w.split("-")
            self._prefixes.update(parts[:-1])
            self._suffixes.update(parts[1:])

    def _occurs(self, w: str, edges: int) -> bool | None:
        """Does ``w`` occur in the text with the given edges? None: too many occurrences to say.

        ``edges``: 0, a whole token (no letter, nor a hyphen joined to a letter, on either
        side); 1, a compound's first part (no letter before, a hyphen and a letter after);
        2, a compound's last part (a letter and a hyphen before, no letter after).
        """
        body = self._text()
        # A part is looked for with its hyphen: far fewer occurrences than the bare word.
        key = w + "-" if edges == 1 else "-" + w if edges == 2 else w
        n = len(key)
        p = body.find(key)
        seen = 0
        while p >= 0:
            seen += 1
            if seen > _SCAN_LIMIT:
                return None
            q = p + n
            before = body[p - 1] if p else ""
            after = body[q : q + 1]
            if edges == 0:
                if not (
                    _is_letter(before) or before == "-" and p >= 2 and _is_letter(body[p - 2])
                    or _is_letter(after) or after == "-" and _is_letter(body[q + 1 : q + 2])
                ):
                    return True
            elif edges == 1:
                if not _is_letter(before) and _is_letter(after):
                    return True
            elif _is_letter(before) and not _is_letter(after):
                return True
            p = body.find(key, p + 1)
        return False

    def _has(self, w: str, shape: re.Pattern[str], edges: int, words: str) -> bool:
        """``w in getattr(self, words)``, looked up in the text while the token sets are not built
        (``shape``: what a token of that set looks like; ``edges``: see ``_occurs``)."""
        if not self._built:
            if not shape.fullmatch(w):
                return False  # no token of the text reads so
            found = self._occurs(w, edges)
            if found is not None:
                return found
        return w in getattr(self, words)

    def has_word(self, w: str) -> bool:
        """``w in self.plain``."""
        return self._has(w, _PLAIN_WORD, 0, "plain")

    def has_compound(self, w: str) -> bool:
        """``w in self.compounds``."""
        return self._has(w, _COMPOUND_WORD, 0, "compounds")

    def has_prefix(self, w: str) -> bool:
        """``w in self.prefixes``."""
        return self._has(w, _PLAIN_WORD, 1, "prefixes")

    def has_suffix(self, w: str) -> bool:
        """``w in self.suffixes``."""
        return self._has(w, _PLAIN_WORD, 2, "suffixes")

    @property
    def plain(self) -> set[str]:
        if not self._built:
            self._build()
        return self._plain

    @property
    def compounds(self) -> set[str]:
        if not self._built:
            self._build()
        return self._compounds

    @property
    def prefixes(self) -> set[str]:
        if not self._built:
            self._build()
        return self._prefixes

    @property
    def suffixes(self) -> set[str]:
        if not self._built:
            self._build()
        return self._suffixes


def keep_line_end_hyphen(left: str, right: str, vocab: Vocabulary) -> bool:
    """Decide whether ``left-`` + ``right`` (split at a line end) is a compound that keeps its hyphen.

    >>> v = Vocabulary.of(["major-country relations", "international"])
    >>> keep_line_end_hyphen("major", "country", v), keep_line_end_hyphen("inter", "national", v)
    (True, False)
    """
    lo, ro = left.lower(), right.lower()
    if vocab.has_compound(f"{lo}-{ro}"):
        return True
    if vocab.has_word(lo + ro):
        return False
    latin = left.isascii() and right.isascii()
    if latin and is_known_word(lo + ro):
        return False
    if vocab.has_prefix(lo) or vocab.has_suffix(ro):
        return True
    if right[:1].isupper():
        return True  # "China-" + "U.S.", "Asia-" + "Pacific"
    if latin and lo in _FUSING_PREFIXES:
        return False  # "under-" + "gone": no hyphenated "under-" anywhere in the document
    if not latin and _CYRILLIC.search(lo + ro):
        # No word list: the document's own words (above) and the morphology of compounds decide;
        # anything else is a word the layout split ("стра-" + "ны").
        return cyrillic_compound(left, right)
    if latin and left[:1].isupper():
        return True  # "Western-" + "dominated"
    known_l = is_known_word(lo) if latin else vocab.has_word(lo)
    known_r = is_known_word(ro) if latin else vocab.has_word(ro)
    return known_l and known_r and len(lo) >= 2


def joint(left_tail: str, right: str, vocab: Vocabulary, counts: Counter[str]) -> tuple[int, str]:
    """How to join a line to the text before it: (characters to drop from its end, separator).

    Only the tail of the text before is looked at, so joining is linear in the paragraph's length.
    >>> joint("see the Western-", "dominated order", Vocabulary(), Counter())  # keep the hyphen
    (1, '-')
    """
    # Most lines end with a plain word: the last token is looked at only when it can be a URL,
    # a DOI prefix or a hyphenated fragment (a URL in the last token is one in the tail; a last
    # token ending with "/" ends the tail, unless the tail ends with a space).
    if "http" in left_tail or "www." in left_tail or left_tail.endswith(("/", "-", "‐")) or left_tail[-1:].isspace():
        split = left_tail.rsplit(None, 1)
        last = split[-1] if split else ""
        url = URL_TAIL.search(last) if ("http" in last or "www." in last) else None
        if url and _continues_url(url.group(), right):
            counts["urls_rejoined"] += 1
            return 0, ""
        if last.endswith("/") and DOI_PREFIX.search(left_tail[-30:]) and right[:1].isalnum():
            counts["urls_rejoined"] += 1  # "DOI: 10.1177/" + "0263...": the rest of the identifier
            return 0, ""
        if left_tail.endswith(("-", "‐")):
            m = _LAST_FRAGMENT.search(last[-60:])
            f = _FIRST_FRAGMENT.match(right)
            if m and f:
                if keep_line_end_hyphen(m.group(1), f.group(1), vocab):
                    counts["hyphens_kept"] += 1
                    return 1, "-"
                counts["hyphens_joined"] += 1
                return 1, ""
    if left_tail[-1:] >= _CJK_MIN and _CJK_END.search(left_tail[-1:]) and _CJK_START.match(right):
        return 0, ""
    return 0, " "


_TAIL = 400  # characters of the text before a line break that joining decisions look at


def _special_end(ends: str) -> bool:
    """Given the last characters of lines, can ``joint`` join a line end otherwise than with a space?

    Only after "/", a hyphen or a CJK character, when no URL is about.
    >>> _special_end(".e-"), _special_end(".,e")
    (True, False)
    """
    return "-" in ends or "/" in ends or "‐" in ends or not ends.isascii() and max(ends) >= _CJK_MIN


def join_lines(left: str, right: str, vocab: Vocabulary, counts: Counter[str]) -> str:
    """Join two hard-wrapped lines: URLs rejoined exactly, hyphens resolved, CJK without a space.

    >>> join_lines("https://x.gov/wp-", "content/a.pdf (accessed)", Vocabulary(), Counter())
    'https://x.gov/wp-content/a.pdf (accessed)'
    """
    left = left.rstrip()
    right = right.strip()
    if not left or not right:
        return left or right
    drop, sep = joint(left[-_TAIL:], right, vocab, counts)
    return left[: len(left) - drop] + sep + right


def join_all(parts: list[str], vocab: Vocabulary, counts: Counter[str]) -> str:
    """``join_lines`` over many lines, in linear time.

    >>> join_all(["a long inter-", "national", "https://x.org/a-", "b.html"], Vocabulary(), Counter())
    'a long international https://x.org/a-b.html'
    """
    return _join_stripped([s for s in (p.strip() for p in parts) if s], vocab, counts)


def _join_stripped(stripped: list[str], vocab: Vocabulary, counts: Counter[str]) -> str:
    """``join_all`` of lines already stripped, none of them empty."""
    if len(stripped) == 1:
        return stripped[0]  # no joint to decide (most paragraphs of web text are one line)
    if not _special_end("".join([p[-1] for p in stripped[:-1]])):
        # ("http" and "www." hold no space: they are in the joined text when in one of the lines.)
        joined = " ".join(stripped)
        if "http" not in joined and "www." not in joined:
            return joined  # every joint would be a plain space
    out: list[str] = []
    tail = ""
    for p in stripped:
        if not out:
            out.append(p)
            tail = p[-_TAIL:]
            continue
        drop, sep = joint(tail, p, vocab, counts)
        if drop:
            out[-1] = out[-1][: len(out[-1]) - drop]
        out.append(sep + p)
        tail = (tail[: len(tail) - drop] + sep + p)[-_TAIL:]
    return "".join(out)


def _continues_url(url: str, right: str) -> bool:
    first = right.split(None, 1)[0] if right.split() else ""
    if not first:
        return False
    if url.endswith(("-", "/", "_", ".", "=", "?", "&", "#", "%", "~")) and not url.endswith(("://",)):
        return not first[0].isupper() or "/" in first
    # Broken elsewhere: only when the next token plainly is the rest of a path.
    return ("/" in first or _PAGE_EXT.search(first) is not None) and " " not in first


# ---------------------------------------------------------------------------------------------
# Lines
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Line:
    text: str  # without trailing whitespace; leading whitespace kept in ``indent``
    indent: int
    raw: str

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def page_break(self) -> bool:
        return self.raw == "\f"


# A superscript affiliation marker a PDF extractor put on a line of its own ("a", "1", "*", "†", "1,2").
_MARKER_LINE = re.compile(r"[a-h]|[0-9]{1,2}(?:,[0-9]{1,2})?|[*†‡§#]{1,2}")  # five characters at most
_NAME_END = re.compile(r"(?:^|[\s,])[^\W\d_][^\W\d_'’.-]*$")


def attach_marker_lines(text: str) -> tuple[str, int]:
    r"""Superscript markers that landed on their own lines go back to the line they belong to.

    A line holding only a marker (a letter a–h, a one- or two-digit number, ``*``, ``†``...) right
    under a short line that ends with a capitalised word (a name) and right over another line is the
    name's superscript; a line that then starts with a comma (``, Next Author``) continues the same
    line. Page numbers stand apart (a blank line or a page break on one side), so they stay.
    >>> attach_marker_lines("Ann Lee\nb\n, Tom Ray\n*\nUniversity of Oslo")
    ('Ann Lee b, Tom Ray *\nUniversity of Oslo', 2)
    """
    if "\n" not in text:
        return text, 0
    out, n = _attach_marker_lines(text.split("\n"))
    return ("\n".join(out), n) if n else (text, 0)


def _attach_marker_lines(lines: list[str]) -> tuple[list[str], int]:
    r"""``attach_marker_lines`` of a text's lines (``text.split("\n")``): the lines of the text it
    returns (``lines`` itself when no marker moved), and the count.

    (build_blocks splits the text once, for this pass and for ``split_lines``.)
    >>> _attach_marker_lines(["Ann Lee", "b", "Oslo"]), _attach_marker_lines(["one line"])
    ((['Ann Lee b', 'Oslo'], 1), (['one line'], 0))
    """
    # Only a marker line, and the line right after one, can change: the others are copied in
    # stretches. (Most documents have no marker line; many have a few: page numbers under 100.)
    marks = [k for k, s in enumerate(map(str.strip, lines)) if len(s) <= 5 and _MARKER_LINE.fullmatch(s)]
    if not marks or len(lines) < 2:
        return lines, 0
    out: list[str] = []
    n = 0
    done = 0  # lines[:done] are in out
    for k in marks:
        if k < done:
            continue  # (the line was taken with the marker before it)
        out.extend(lines[done:k])
        s = lines[k].strip()
        done = k + 1
        if k + 1 < len(lines) and "\f" not in lines[k + 1] and is_affiliation_line(nxt := lines[k + 1].strip()) \
                and not _MARKER_LINE.fullmatch(nxt) and (not out or not (above := out[-1].strip())
                                                         or is_affiliation_line(above)):
            # An affiliation's marker on a line of its own over the affiliation ("1" / "Natural
            # Resources Institute, Joensuu"), under a blank line or another affiliation: the
            # affiliation's. (Under a name it is the name's: "Tom Ray" / "*" / "University of Oslo".)
            out.append(f"{s} {nxt}")
            done = k + 2
            n += 1
            continue
        if not (
            out and (prev := out[-1].rstrip()) and len(prev) <= 80 and k + 1 < len(lines)
            and lines[k + 1].strip() and "\f" not in lines[k + 1]
            and (m := _NAME_END.search(prev)) and m.group(0).lstrip(" ,")[:1].isupper()
        ):
            out.append(lines[k])
            continue
        out[-1] = f"{prev} {s}"
        n += 1
        # A line that then starts with a comma continues the same line (unless it is a marker
        # line itself, which the next round takes: no marker starts with a comma).
        s = lines[k + 1].strip()
        if s.startswith(",") and len(s) <= 80:
            out[-1] = f"{out[-1]}{s if s == ',' else ', ' + s[1:].strip()}"
            done = k + 2
    out.extend(lines[done:])
    return (out, n) if n else (lines, 0)


# A line this long is a paragraph where the text is not hard-wrapped.
PARAGRAPH_LINE = 200


def lines_are_paragraphs(texts: list[str]) -> bool:
    """Whether a text that is not hard-wrapped gives each paragraph a line of its own with (almost) no
    blank line between: fewer blank lines than one in five of its lines with text, and some of its
    lines long enough to be paragraphs.

    ``["Title", "A long paragraph ...", "Another ...", "Share"]`` -> True (with lines of 120 characters);
    ``["Title", "", "Para.", "", "Para."]`` -> False
    """
    filled = sum(1 for t in texts if t)
    blank = len(texts) - filled
    return filled >= 5 and blank * 5 < filled and sum(1 for t in texts if len(t) >= PARAGRAPH_LINE) >= 2


def split_lines(text: str) -> list[Line]:
    r"""The lines of ``text``: each without its outer whitespace, its indent and the raw line.

    >>> split_lines("  a b \n\f")
    [Line(text='a b', indent=2, raw='  a b '), Line(text='', indent=0, raw='\x0c')]
    """
    return _lines_of(text.split("\n"))


def _lines_of(raws: list[str]) -> list[Line]:
    r"""``split_lines`` of the text whose lines (``text.split("\n")``) are ``raws``."""
    out = []
    for raw in raws:
        if raw == "\f":
            out.append(Line("", 0, "\f"))
            continue
        s = raw.rstrip()
        stripped = s.lstrip()
        out.append(Line(stripped, len(s) - len(stripped), raw))
    return out


@dataclass
class LayoutResult:
    blocks: list[Block]
    furniture: list[str]
    footnotes: list[Footnote]
    counts: Counter[str]
    warnings: list[str]
    boilerplate: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Page furniture
# ---------------------------------------------------------------------------------------------


_DIGITS = re.compile(r"\d+")
_ALNUM = re.compile(r"[^\W_]")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
_PAGE_EXT = re.compile(r"\.(?:html?|php|aspx?|pdf|jsp)\b")


def _has_digit(text: str) -> bool:
    """``_DIGIT.search(text) is not None``.

    Read with str methods where the text is ASCII (most lines are): ten substring scans are
    several times faster than the regex's scan. (Other texts may hold other digits.)
    >>> _has_digit("Page 3"), _has_digit("٣"), _has_digit("no digit")
    (True, True, False)
    """
    if text.isascii():
        return (
            "0" in text or "1" in text or "2" in text or "3" in text or "4" in text or "5" in text
            or "6" in text or "7" in text or "8" in text or "9" in text
        )
    return _DIGIT.search(text) is not None


def _mask(text: str, digits: bool = True) -> str:
    """A line as a running header repeats: lower case, squashed, each run of digits as "0".

    ``digits`` is False when the caller knows the line has none (the substitution is costly).
    >>> _mask("Page  12 of 30")
    'page 0 of 0'
    """
    t = squash(text.lower())
    return _DIGITS.sub("0", t) if digits else t


_LEAD_MARKS = re.compile(r"^(?:\s*(?:#{1,6}(?:\s+|$)|[-*+•▪◦‣]\s+))+")


def _strip_lead_marks(text: str) -> str:
    """Leading heading hashes and bullets off, however many: "- # Title" -> "Title"."""
    t = text.lstrip()
    if not t or t[0] not in "#-*+•▪◦‣":
        return text  # (the regex would try and fail)
    return _LEAD_MARKS.sub("", text)


_MARKS = re.compile(r"^(?:\s*(?:#{1,6}\s+|[-*+•▪◦‣]\s+|\*\*|__))+")


def bare(line: str) -> str:
    """A line as it will read in the text: without markdown marks (hashes, bullets, bold).

    >>> bare("- # **12**"), bare("50**1")
    ('12', '501')
    """
    if "*" in line or "_" in line or "`" in line or "](" in line:
        line = strip_markdown(line, Counter())
    elif line.lstrip()[:1] not in ("#", "-", "+", "•", "▪", "◦", "‣"):
        return line.strip()
    t = _MARKS.sub("", line).strip()
    while t.endswith(("**", "__")):
        t = t[:-2].rstrip()
    return t


def _turn_lines(lines: list[Line], edges: set[int]) -> set[int]:
    """The nearest line with text on each side of each edge (a page break or a page number line).

    >>> sorted(_turn_lines(split_lines("a\\n\\n12\\n\\nHeader\\nbody"), {2}))
    [0, 4]
    """
    turn: set[int] = set()
    n = len(lines)
    for e in edges:
        j = e - 1
        while j >= 0 and not lines[j].text:
            j -= 1
        if j >= 0 and j not in edges:
            turn.add(j)
        j = e + 1
        while j < n and not lines[j].text:
            j += 1
        if j < n and j not in edges:
            turn.add(j)
    return turn


# A numbered list entry's first line: "3. Berg, A.", "[12] Smith J."
_NUMBERED_ENTRY = re.compile(r"(?:\[\d{1,3}\]|\d{1,3}\.)\s+\S")
# A reference entry runs over at most this many lines above its DOI line.
ENTRY_LINES = 5


def _ends_numbered_entry(lines: list[Line], i: int) -> bool:
    """Is line ``i`` the last line of a numbered list entry (a reference's DOI under it, no blank line between)?

    >>> _ends_numbered_entry(split_lines("3.   Berg, A. River terraces of the north.\\n     Proc. 2022, 5, 14.\\n"
    ...                                  "     https://doi.org/10.5573/x"), 2)
    True
    """
    for j in range(i - 1, max(-1, i - 1 - ENTRY_LINES), -1):
        ln = lines[j]
        if not ln.text:
            return False
        if _NUMBERED_ENTRY.match(ln.text):
            return ln.indent <= lines[i].indent
    return False


# A paragraph line cut at a page turn is at least this long.
CUT_LINE_CHARS = 60


def _cuts_sentence(lines: list[Line], i: int) -> bool:
    """Does line ``i``, alone between blank lines, stand inside a sentence: under a long line that does
    not end one, with more text below?

    >>> _cuts_sentence(split_lines("At each light we mounted a detector three metres above the ground; it recorded\\n\\n"
    ...                            "Berg et al. · Bats · preprint 3\\n\\nfrom dusk to dawn."), 2)
    True
    """
    n = len(lines)
    if not (0 < i < n - 1 and not lines[i - 1].text and not lines[i + 1].text):
        return False
    before = next((lines[j].text for j in range(i - 2, max(-1, i - 4), -1) if lines[j].text), "")
    after = any(lines[j].text for j in range(i + 2, min(n, i + 4)))
    return len(before) >= CUT_LINE_CHARS and not ends_sentence(before) and not before.startswith("#") and after


def _near(lines: list[Line], i: int, edges: set[int], reach: int = 2) -> bool:
    """Is line ``i`` within ``reach`` non-blank lines of a page edge (a page break, a page number)?"""
    for step in (-1, 1):
        j, seen = i + step, 0
        while seen <= reach and 0 <= j < len(lines):
            if j in edges:
                return True
            if lines[j].text:
                seen += 1
            j += step
    return False


_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_VOLUME = re.compile(r"\b(?:vol(?:ume)?\.?|т\.|том|band|bd\.)\s*\d", re.IGNORECASE)
_ISSUE = re.compile(r"(?:\b(?:no\.?|nr\.?|issue|вып\.?)|№)\s*\d", re.IGNORECASE)
_PAGES = re.compile(r"(?:\b(?:pp?\.|с\.|s\.)\s*)?\d{1,5}\s*[–—-]\s*\d{1,5}\b|\b(?:pp?\.|с\.)\s*\d", re.IGNORECASE)


def is_journal_header(text: str) -> bool:
    """A journal's first-page header: a venue with year and two of volume, issue, pages; no sentence.

    >>> is_journal_header("Annals of Hydrology, Vol. 7, No. 2 (2019), pp. 11–30")
    True
    >>> is_journal_header("In 2019 we read vol. 7 of the series, pp. 11–30, twice.")
    False
    """
    return _header_parts(text, 2)


def _header_parts(text: str, parts: int) -> bool:
    """``text`` is a masthead line with a year and at least ``parts`` of volume, issue and pages, no sentence."""
    t = text.strip()
    if len(t) > 200 or not _YEAR.search(t):
        return False
    if len(_LETTER.findall(t)) < 8:
        return False
    last = t.rstrip(".!?…").rsplit(None, 1)[-1]
    if t.endswith(tuple("!?…")) or t.endswith(".") and len(last) >= 4 and last.isalpha() or starts_lower(t):
        return False  # a sentence ending with a word, not a citation ending with pages
    if re.search(r"[.!?]\s+[a-zа-яё]", t):
        return False  # prose: a sentence end followed by more sentence
    return sum(bool(p.search(t)) for p in (_VOLUME, _ISSUE, _PAGES)) >= parts


def is_top_issue_line(text: str) -> bool:
    """A first page's top line with the year and the issue (no volume or pages needed there): the
    journal's masthead. ``"ВЕСЦІ ІНСТЫТУТА. Серыя гуманітарных навук. 2024. № 1 (37)"`` -> True
    """
    return _ISSUE.search(text) is not None and _header_parts(text, 1)


def is_issue_head(text: str) -> bool:
    """A journal's issue line as a running head: a journal header (``is_journal_header``) that is no
    reference entry (no "//", no author's name with initials first).

    >>> is_issue_head("Proceedings of the Volga Society. 2024. Vol. 20, No. 1")
    True
    >>> is_issue_head("Ryabinin A. V. Grain prices // Volga Review. 2019. № 3. С. 5–9.")
    False
    """
    return "//" not in text and _HEAD_NAME_START.match(text) is None and is_journal_header(text)


# A copyright line (© first, or a year and © in a short line), a download stamp, an "et al." head
# with or without its page number.
_COPYRIGHT_LINE = re.compile(r"^(?:©|\(c\)\s*(?:19|20)\d\d)|©\s*(?:19|20)\d\d|(?:19|20)\d\d\s*©", re.IGNORECASE)
_DOWNLOAD_STAMP = re.compile(r"(?:^|\.\s)(?:this content )?downloaded (?:from|by|on)\b.*(?:19|20)\d\d", re.IGNORECASE)
_ET_AL = r"(?:et al\.?|ET AL\.?|и др\.|И ДР\.|та ін\.|және т\.б\.)"
_ET_AL_MARK = re.compile(rf"\b{_ET_AL}")
# "H. Smith et al. 614", "614 Smith H. et al.": initials and a surname in either order, maybe a page number.
# (Initials may be hyphenated, "W.-J. Okafor"; a surname may open with a particle, "S. Ó MURCHÚ ET AL.")
_ET_AL_HEAD = re.compile(
    rf"^(?:\d{{1,4}}\s+)?(?:(?:[^\W\d_]\.[\s‑-]?){{1,3}}\s*(?:[^\W\d_]{{1,3}}\s)?[^\W\d_][\w’'‑-]+\s+|[^\W\d_][\w’'‑-]+\s+(?:[^\W\d_]\.[\s‑-]?){{1,3}}\s*)"
    rf"{_ET_AL}(?:\s+\d{{1,4}})?$")


# A running head in citation style, cut short: "Лебедева А. В., Крутиков Д. С. Изменение сроков ...".
_CITED_HEAD = re.compile(r"^[^\W\d_][\w’'‑-]+\s+(?:[^\W\d_]\.\s?){1,3}(?:,\s*[^\W\d_][\w’'‑-]+\s+(?:[^\W\d_]\.\s?){1,3})*"
                         r"\s+\S.*(?:\.\.\.|…)$")


# A running head that names the authors, maybe with the title after a full stop: "А. В. Рябинин,
# Е. Н. Горская. Таможенные книги ...", "A. N. Karadeniz, M. A. Öztürk, G. İleri" (initials before or after
# each surname; commas, "and", "и", "&" between the names).
_INITIALS = r"(?:[^\W\d_][a-zа-яё]?\.\s?){1,3}"  # (two letters for one sound: "Yu.", "Zh.", "Ch.")
_SURNAME = r"[^\W\d_][\w’'‑-]+"
_HEAD_NAME = rf"(?:{_INITIALS}\s*{_SURNAME}|{_SURNAME}\s+{_INITIALS})"
_INITIALS_RE = re.compile(rf"(?<![^\W\d_]){_INITIALS}")
_HEAD_NAME_START = re.compile(rf"\s*(?:\d+\.\s*)?{_HEAD_NAME}[\s,.]")
_NAMES_HEAD = re.compile(rf"^{_HEAD_NAME}(?:\s*(?:,|\band\b|\bи\b|&)\s*{_HEAD_NAME})*\.?(?:\s+(?P<rest>\S.*))?$")
_PAGE_NUMBER_ENDS = re.compile(r"^\d{1,4}\s+|\s+\d{1,4}$")
_CITATION_MARKS = re.compile(r"//|\b(?:19|20)\d\d\b|\b10\.\d{4,}/|https?:")


def names_head_surnames(text: str) -> list[str] | None:
    """The surnames of a running head that names the authors (maybe with the title after them), or
    None when the line is not one: a reference entry (a year, "//", a DOI or a link) is not.

    >>> names_head_surnames("А. В. Рябинин, Е. Н. Горская. Таможенные книги Вологды 1670-х гг.")
    ['Рябинин', 'Горская']
    >>> names_head_surnames("46 Кравченко О. М., Литвин Т. В.")
    ['Кравченко', 'Литвин']
    >>> names_head_surnames("А. И. Пантелеева, О. В. Шумилов Свадебные причитания Пинежья...")
    ['Пантелеева', 'Шумилов']
    >>> names_head_surnames("Zubarev P.A., Khismatullina Yu.R.")
    ['Zubarev', 'Khismatullina']
    >>> names_head_surnames("Smith J., Brown K. Rain gardens // Water. 2020. № 3. С. 5–10.") is None
    True
    """
    t = " ".join(text.split())
    if len(t) > 200 or _CITATION_MARKS.search(t):
        return None
    t = _PAGE_NUMBER_ENDS.sub("", t)  # the page number beside the head: "46 Кравченко О. М., Литвин Т. В."
    m = _NAMES_HEAD.match(t)
    if m is None:
        return None
    rest = m.group("rest")
    if rest is not None and not t[: m.start("rest")].rstrip().endswith(".") and not t.endswith(("...", "…")):
        # Names, then text not set off by a full stop: a sentence that starts with a name (unless the
        # line is cut short, as a running head with the title is: "А. И. Пантелеева Свадебные...").
        return None
    names = _INITIALS_RE.sub(" ", t[: m.start("rest")] if rest is not None else t)
    return [w for w in re.findall(r"[^\W\d_][\w’'‑-]+", names) if w not in ("and", "и")]


_ADDRESS = re.compile(r"\S+@\S+|https?://\S+|www\.\S+")
_SUPERSCRIPT_DIGITS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")


class NameForms(NamedTuple):
    """A text as ``names_a_person`` reads it, made once for all the names looked for in it: casefolded
    (without the combining dot casefolding gives Turkish "İ", which "I" in the other spelling lacks), and
    as printed without its e-mail addresses and links (which print a name in lower case); superscript
    markers read as digits (a digit, not a letter, touches the name)."""

    folded: str
    prose: str


def name_forms(text: str) -> NameForms:
    """``"KARADENİZ¹ (a.karadeniz@x.org)"`` -> ``NameForms("karadeniz1 (a.karadeniz@x.org)", "KARADENİZ1  ")``"""
    text = text.translate(_SUPERSCRIPT_DIGITS)
    return NameForms(text.casefold().replace("\u0307", ""), _ADDRESS.sub(" ", text))


def names_a_person(word: str, text: str | NameForms) -> bool:
    """Does ``text`` hold ``word`` (in any case) as a whole word, and never in lower case, as a name is
    printed? (A byline may print the surname in capitals; a common word shows up in lower case.)

    >>> names_a_person("Karadeniz", "Ayşe Nur KARADENİZ1* (ayse.karadeniz@uni.example)")
    True
    >>> names_a_person("The", "The cat and the dog")
    False
    """
    forms = name_forms(text) if isinstance(text, str) else text
    folded = re.escape(word.casefold().replace("\u0307", ""))
    # (A letter must not touch it; a digit may: an affiliation marker glued to the name.)
    if re.search(rf"(?<![^\W\d_]){folded}(?![^\W\d_])", forms.folded) is None:
        return False
    return word[:1].islower() or re.search(rf"(?<![^\W\d_]){re.escape(word.lower())}(?![^\W\d_])", forms.prose) is None


# The year first, then the names: "© 2022 г.   Пыжова Л. Р. a, Абрамцев К. В. b". (The names first,
# "© Лебедева А. В., 2023", is a page's copyright foot, the authors printed elsewhere.)
_COPYRIGHT_YEAR_FIRST = re.compile(r"^(\s*)(?:©|\([cC]\))\s*(?:19|20)\d\d\s*(?:г\.|year)?\s+(?=\S)")
# A byline printed on a copyright line stands among a first page's opening lines.
COPYRIGHT_BYLINE_LINES = 60


def byline_from_copyright(raws: list[str]) -> tuple[list[str], int]:
    """Lines where a journal's first page prints its byline on the copyright line, the year first:
    the names stay on the line (the article's byline), the © and the year go. Returns the lines and
    how many were so rewritten.

    ``["Title", "© 2022 г.   Пыжова Л. Р. a, Абрамцев К. В. b"]`` -> ``["Title", "Пыжова Л. Р. a, Абрамцев К. В. b"]``
    """
    out = raws
    n = 0
    for i, raw in enumerate(raws[:COPYRIGHT_BYLINE_LINES]):
        if "©" not in raw and "(c" not in raw and "(C" not in raw:
            continue
        m = _COPYRIGHT_YEAR_FIRST.match(raw)
        if m and name_list(raw[m.end() :].rstrip()):
            if out is raws:
                out = list(raws)
            out[i] = m.group(1) + raw[m.end() :]
            n += 1
    return out, n


# A heading set in spaced letters ("A B S T R A C T", "В в е д е н и е"): four letters or more, one
# space between them, two or more between words.
_LETTER_SPACED = re.compile(r"[^\W\d_](?: [^\W\d_]){3,}(?: {2,}[^\W\d_](?: [^\W\d_])*)*")
SPACED_HEADING_LINES = 20
_ANY_LETTER_SPACED = re.compile(r"(?m)^[ \t]*[^\W\d_](?: [^\W\d_]){3}")


def unspace_letters(raws: list[str]) -> tuple[list[str], int]:
    """Lines set in spaced letters written as words (indentation kept): the letters of a word joined,
    words one space apart. Returns the lines and how many were rewritten.

    ``["A R T I C L E  I N F O", "In the text"]`` -> ``["ARTICLE INFO", "In the text"]``;
    ``["В в е д е н и е"]`` -> ``["Введение"]``
    """
    out = raws
    n = 0
    for i, raw in enumerate(raws):
        t = raw.strip()
        if len(t) < 7 or t[1:2] != " " or not _LETTER_SPACED.fullmatch(t):
            continue
        if out is raws:
            out = list(raws)
        out[i] = raw[: len(raw) - len(raw.lstrip())] + " ".join(w.replace(" ", "") for w in re.split(r" {2,}", t))
        n += 1
    return out, n


def is_page_stamp(text: str, at_edge: bool = True) -> bool:
    """A line a PDF prints once at a page's foot or head, not the article's text: a copyright line
    (at most 25 words), a download stamp, or an "et al." or citation-style running head cut short
    (standing at a page edge or alone between blank lines: ``at_edge``).

    >>> is_page_stamp("© Лебедева А. В., Крутиков Д. С., 2023"), is_page_stamp("978-1-6654-7731-2/23/$31.00 ©2023 IEEE")
    (True, True)
    >>> is_page_stamp("Authorized licensed use limited to: X University. Downloaded on March 04,2024 at 09:12 UTC from IEEE Xplore.")
    True
    >>> is_page_stamp("H. Wójcik‑Reid et al. 614"), is_page_stamp("А.Т. Жақыпова және т.б."), is_page_stamp("Smith et al. (2019) found that", True)
    (True, True, False)
    >>> is_page_stamp("Лебедева А. В., Крутиков Д. С. Изменение сроков ледостава и вскрытия малых рек...")
    True
    """
    t = " ".join(text.split())
    if _COPYRIGHT_LINE.search(t) and len(t.split()) <= 25:
        return True
    if _DOWNLOAD_STAMP.search(t) and len(t.split()) <= 40:
        return True
    return at_edge and (_ET_AL_HEAD.match(t) is not None or (len(t.split()) <= 25 and _CITED_HEAD.match(t) is not None))


# A licence statement, an ISBN line and a corresponding-author note: what a paper's first page prints
# at its foot ("This work is licensed under a Creative Commons Attribution", "ACM ISBN 979-8-4007-1123-4/24/09",
# "∗ Corresponding author."), wherever extraction put that foot.
_LICENCE_LINE = re.compile(r"^(?:this (?:work|article|paper|chapter) is licen[sc]ed under|licen[sc]ed under a creative "
                           r"commons|creative commons attribution|this is an open[- ]access (?:article|paper|chapter) "
                           r"(?:distributed|published|licen[sc]ed) under)", re.IGNORECASE)
_ISBN_LINE = re.compile(r"\bISBN(?:-1[03])?:?\s*97[89][-\s]?\d", re.IGNORECASE)
_CORRESPONDING_NOTE = re.compile(r"^[*∗†]\s*corresponding author\.?$", re.IGNORECASE)
_LICENCE_END = re.compile(r"licen[sc]e\.?$|lizenz\.?$", re.IGNORECASE)


# What publishers print around an article that no reader reads as its text: the platform's masthead
# ("Contents lists available at ...", "journal homepage: ..."), the figure-colour note, the pointer to
# the authors' details, a printer's digit string, a download cover's links and counters. (Not "To
# cite this article:" nor "Published online:": metadata reads them.)
_PUBLISHER_STAMP = re.compile(
    r"^(?:contents lists? available at\b|journal homepage\s*:|colou?r versions of one or more (?:of the )?figures in "
    r"this (?:article|paper)|extended author information (?:is )?available on the last page|vol\.?:\s*\(0123456789\)|"
    r"submit your (?:article|manuscript|paper) to this journal|article views\s*:?\s*\d|view related articles|"
    r"view crossmark data|view citing articles|citing articles\s*:\s*\d|full terms (?:&|and) conditions of access "
    r"and use|"
    # (the masthead's two lines in the other languages such platforms print them in)
    r"listas? de contenidos? disponibles? en\b|p[áa]gina (?:web |principal )?de la revista\s*:|"
    r"listas? de conte[úu]dos? dispon[íi]ve(?:l|is) em\b|p[áa]gina (?:inicial )?da revista\s*:|"
    r"listes? de contenus? disponibles? sur\b|page d['’]accueil de la revue\s*:|"
    r"elenchi dei contenuti disponibili su\b|home ?page della rivista\s*:|"
    r"inhaltsverzeichnis(?:se)? (?:verfügbar|erhältlich) (?:bei|auf|unter)\b|(?:zeitschriften-)?homepage der zeitschrift\s*:|"
    r"zeitschriften-homepage\s*:)", re.IGNORECASE)


# A preprint server's stamp on every page: "medRxiv preprint doi: https://doi.org/...; this version posted
# February 28, 2024. The copyright holder for this preprint ...", a paragraph of its own.
_PREPRINT_STAMP = re.compile(r"^[\w-]+ preprint doi:\s*\S+?;?\s+this version posted\b", re.IGNORECASE)
PREPRINT_STAMP_CHARS = 600


def is_publisher_stamp(text: str) -> bool:
    """A line a publisher prints around the article (see ``_PUBLISHER_STAMP``), at most 25 words.

    >>> is_publisher_stamp("Contents lists available at ScienceDirect"), is_publisher_stamp("Article views: 312")
    (True, True)
    >>> is_publisher_stamp("View related articles"), is_publisher_stamp("Contents of the archive are listed below.")
    (True, False)
    """
    t = " ".join(text.split())
    return len(t.split()) <= 25 and _PUBLISHER_STAMP.match(t) is not None


def is_first_page_foot(text: str) -> bool:
    """A licence statement, an ISBN line or a corresponding-author note (at most 25 words).

    >>> is_first_page_foot("This work is licensed under a Creative Commons Attribution"), is_first_page_foot("∗ Corresponding author.")
    (True, True)
    >>> is_first_page_foot("This is an open access article distributed under the terms of the CC BY 4.0 license.")
    True
    >>> is_first_page_foot("The data are licensed under a Creative Commons licence and can be reused.")
    False
    """
    t = " ".join(text.split())
    return len(t.split()) <= 25 and (_LICENCE_LINE.match(t) is not None or _ISBN_LINE.search(t) is not None
                                     or _CORRESPONDING_NOTE.match(t) is not None)


def is_split_header(text: str) -> bool:
    """A running header in two parts set apart by a run of spaces, one of them dated or an "et al."
    head: "CivComp ’24, September 9–11, 2024, Tartu      Tamm et al.", "Paper Still Matters      CivComp ’24, 2024".

    >>> is_split_header("Paper Still Matters      CivComp ’24, September 9–11, 2024, Tartu, Estonia")
    True
    >>> is_split_header("the clerks said that      they had seen it in 2019")
    False
    """
    parts = re.split(r"\s{4,}", text.strip())
    if len(parts) != 2:
        return False
    for part in parts:
        if not (1 <= len(part.split()) <= 12 and len(part) <= 90) or not (part[0].isupper() or part[0].isdigit()):
            return False
        if ends_sentence(part) and not _ET_AL_MARK.search(part):
            return False
    return any(_YEAR.search(p) or _ET_AL_MARK.search(p) for p in parts)


def is_numbered_page_line(text: str) -> bool:
    """A page number and a short text separated by a run of three or more spaces.

    >>> is_numbered_page_line("88        Review of Soil Science 4(1)"), is_numbered_page_line("Lee and Park    89")
    (True, True)
    >>> is_numbered_page_line("In 88 cases   the result held.")
    False
    """
    return leading_page_number(text) is not None


def leading_page_number(text: str) -> int | None:
    """For a numbered page line (``is_numbered_page_line``): its number when it comes first, 0 when it
    comes last; else None. ``"88        Review of Soil Science 4(1)"`` -> ``88``; ``"Lee and Park    89"``
    -> ``0``"""
    t = text.strip()
    if len(t) > 150 or "   " not in t:
        return None
    k = 0
    while k < len(t) and t[k].isdigit():
        k += 1
    if 1 <= k <= 4 and t[k : k + 3] == "   ":
        rest, number = t[k:].strip(), int(t[:k])
    else:
        j = len(t)
        while j > 0 and t[j - 1].isdigit():
            j -= 1
        if not 1 <= len(t) - j <= 4 or t[j - 3 : j] != "   ":
            return None
        rest, number = t[:j].strip(), 0
    if (rest and len(rest.split()) <= 12 and not ends_sentence(rest)
            and len(_LETTER.findall(rest)) >= 3 and "   " not in rest):
        return number
    return None


def numbered_sections(numbers: dict[int, int], texts: dict[int, str]) -> set[int]:
    """The lines (of ``numbers``: line -> its leading number, 0 for none) numbered 1, 2, 3, ... in order,
    two at least, each with a text of its own (``texts``: line -> the text beside the number): a paper's
    numbered section headings ("1         Introduction"), not page numbers beside a header, which
    repeats ("2    Journal of X", "3    Journal of X"). Numbers out of the run (page numbers between
    the sections) are passed over.

    >>> sorted(numbered_sections({4: 1, 9: 234, 15: 2, 20: 3}, {4: "intro", 9: "x", 15: "data", 20: "end"}))
    [4, 15, 20]
    >>> numbered_sections({4: 202, 9: 0}, {4: "j", 9: "k"}), numbered_sections({4: 1, 9: 2}, {4: "j", 9: "j"})
    (set(), set())
    """
    run: list[int] = []
    for i, n in sorted(numbers.items()):
        if n == len(run) + 1:
            run.append(i)
    if len(run) >= 2 and len({texts[i] for i in run}) == len(run):
        return set(run)
    return set()


def find_furniture(lines: list[Line], counts: Counter[str], plain_spaces: bool = False,
                   page_stamps: bool = False) -> tuple[set[int], list[str]]:
    """Indices of furniture lines and their texts (in document order).

    ``plain_spaces``: no line's text holds whitespace other than " " (the caller knows it of the
    document; see ``cjk_and_odd_spaces``). ``page_stamps``: the text is wrapped at a page width (a
    PDF's), so lines printed once at a page's foot or head are looked for too (``is_page_stamp``), as
    they are in a text with page breaks; a web page's copyright footer is the chrome pass's.
    """
    drop: dict[int, str] = {}
    n = len(lines)

    def isolated(i: int) -> bool:
        # (A page break's line is blank too: it has no text.)
        return (i == 0 or not lines[i - 1].text) and (i == n - 1 or not lines[i + 1].text)

    # Page numbers: a line holding nothing but a page number. Not only isolated ones: a number
    # alone on a line is not prose anywhere, and deciding by neighbours would make repair of
    # its own output (where every block is isolated) decide differently.
    # Running headers/footers: short lines that repeat (digits masked) three times or more, most
    # of them at page edges (next to a page break or a page number), or five times or more: a
    # subheading used in three sections stays.
    # One pass over the lines takes the page numbers, groups the other lines by their mask and
    # notes the page breaks and the few lines later rules can take.
    # (Nearly every mask is met once: its first line is noted, and a list made only for a mask met
    # again, so the rules below look at the repeated masks alone.)
    first_at: dict[str, int] = {}  # mask -> the first line masked so
    groups: dict[str, list[int]] = {}  # mask -> its lines, for the masks of two lines or more
    breaks: list[int] = []
    spaced: list[int] = []  # lines with a run of spaces
    dois: list[int] = []  # lines that may hold a DOI
    for i, ln in enumerate(lines):
        t = ln.text
        if not t:
            if ln.raw == "\f":
                breaks.append(i)
            continue
        size = len(t)
        if size > 200:
            digits = False
        else:
            digits = _has_digit(t)
            if digits and is_page_number(bare(t)):
                drop[i] = t
                counts["page_numbers"] += 1
                continue
        if 3 <= size <= 150:
            # _mask(t, digits), inline: t has no outer whitespace and lower-casing adds none, so
            # squash's one check is whether there is a double space or a non-printable character
            # (the only whitespace a printable text can hold is " "; lower-casing keeps it so, and
            # gives no other whitespace: with plain spaces in the document, no character need be read).
            m = t.lower()
            if "  " in m or not (plain_spaces or m.isprintable()):
                m = " ".join(m.split())
            if digits:
                m = _DIGITS.sub("0", m)
            j = first_at.setdefault(m, i)
            if j != i:
                g = groups.get(m)
                if g is None:
                    groups[m] = [j, i]
                else:
                    g.append(i)
        if "   " in t:
            spaced.append(i)
        if "10." in t:
            dois.append(i)
    edges = set(breaks) | set(drop)
    # The lines at a page turn: the nearest line with text on either side of a page break or a page
    # number (a header printed below the previous page's number, a footer above the next one's).
    turn = _turn_lines(lines, edges)
    # The first page's top: its first three lines with text (reach 2 of _near), an edge as well.
    top = set(islice((i for i, ln in enumerate(lines) if ln.text), 3)) if groups else set()
    for k, where in groups.items():
        if len(where) == 2 and len(_LETTER.findall(k)) >= 8 and \
                all((i in turn or _cuts_sentence(lines, i)) and i not in top for i in where) \
                and not any(ends_sentence(lines[i].text) for i in where):
            # A header printed on two pages only (a short article's even pages): both copies at a
            # page turn, neither the first page's top (a title the header repeats stays). Where the
            # page breaks are lost (a markdown conversion), a copy that cuts a sentence in two marks
            # the turn.
            for i in where:
                drop[i] = lines[i].text
                counts["running_headers"] += 1
            continue
        if len(where) < 3 or len(_LETTER.findall(k)) < 3:
            continue
        at_edges = sum(1 for i in where if i in top or _near(lines, i, edges))
        # A repeated line ending like a sentence is a header only when every copy stands at a page's
        # edge ("ISSN 2415-7821. <Journal>. Серія: Педагогічні науки." at each page's top).
        if any(ends_sentence(lines[i].text) for i in where):
            header = at_edges == len(where)
        else:
            header = len(where) >= 5 or 3 * at_edges >= 2 * len(where)
        if header:
            for i in where:
                # (The first page's own line, inside the page, stays: the byline or the title that the
                # later pages' running head repeats.)
                if breaks and i < breaks[0] and i not in top and not _near(lines, i, edges):
                    continue
                drop[i] = lines[i].text
                counts["running_headers"] += 1
    # (A running header's neighbour stands at the page turn too: the second line of a two-line header.)
    if drop:
        turn = _turn_lines(lines, edges | set(drop))
    # A page number and a short text apart by a run of spaces ("202      Journal of X 12(3)",
    # "Smith and Jones     203"), alone between blank lines or at the document's ends: a page's
    # header or footer. Taken before footnotes are looked for, so "202" is never a note number.
    # (Not a paper's numbered section headings: "1         Introduction", "2         Methods", ... in order.)
    numbered = {i: p for i in spaced if i not in drop and (isolated(i) or i in turn)
                and (p := leading_page_number(lines[i].text)) is not None}
    sections = numbered_sections(numbered, {i: " ".join(lines[i].text.split()[1:]).lower() for i in numbered}
                                 ) if numbered else set()
    for i in spaced:
        if i in numbered and i not in sections:
            drop[i] = lines[i].text
            counts["running_headers"] += 1
        elif i not in drop and i in turn and breaks and is_split_header(lines[i].text):
            # (Only at a page break: a two-column page's merged lines have the same shape elsewhere.)
            drop[i] = lines[i].text
            counts["running_headers"] += 1
    # What a PDF prints once at a page's foot or head: the copyright line, a download stamp, an
    # "et al." or citation-style running head. (Each needs its mark: "©" or "(c", "ownloaded",
    # "et al"/"и др"/"т.б", a cut-short "...".) And, in the same walk, a paper's first-page foot wherever
    # extraction put it: its licence, ISBN and corresponding-author lines (the licence's last words may
    # wrap onto the next line).
    foot: list[int] = []
    for i, ln in enumerate(lines if page_stamps or breaks else ()):
        t = ln.text
        if not t or i in drop or len(t) > 200:
            continue
        if ("©" in t or "(c" in t or "(C" in t or "ownloaded" in t or t.endswith(("...", "…")) or _ET_AL_MARK.search(t)) \
                and is_page_stamp(t, isolated(i) or _near(lines, i, edges)):
            drop[i] = t
            counts["page_stamps"] += 1
        elif ("vailable" in t or "omepage" in t or "Vol" in t or "rticle" in t or "View" in t or "Terms" in t
              or "VIEW" in t or "TERMS" in t or "ispon" in t or "evista" in t or "evue" in t or "ivista" in t
              or "nhaltsverz" in t or "eitschrift" in t) and is_publisher_stamp(t):
            drop[i] = t
            counts["page_stamps"] += 1
        elif ("icen" in t or "ISBN" in t or "orresponding" in t) and is_first_page_foot(t) \
                and not (i and lines[i - 1].text.endswith(",")):
            # (Not the rest of a line ending with a comma: a reviewed book's imprint, "..., by Anna Berg," /
            # "Oslo, North Press, 2021, 286 pp., ISBN 978-...".)
            drop[i] = t
            counts["page_stamps"] += 1
            nxt = lines[i + 1].text if i + 1 < n else ""
            if _LICENCE_LINE.match(t) and nxt and len(nxt.split()) <= 8 and _LICENCE_END.search(nxt):
                drop[i + 1] = nxt
                counts["page_stamps"] += 1
            foot.append(i)
    # The rest of such a foot: the short lines between two of its lines, with no blank line between
    # (the conference's name and dates between the licence and the © line).
    for a, b in zip(foot, foot[1:], strict=False):
        between = range(a + 1, b)
        if 1 < b - a <= 4 and all(lines[k].text and (k in drop or (len(lines[k].text.split()) <= 15 and
                                                                     not starts_lower(lines[k].text)))
                                  for k in between):
            for k in between:
                if k not in drop:
                    drop[k] = lines[k].text
                    counts["page_stamps"] += 1
    # A journal's issue line at a page turn, wherever it is printed (it may be a running header
    # printed once: "<Journal>. 2024. Т. 20, № 1").
    for i in sorted(turn):
        if i not in drop and len(lines[i].text) <= 200 and _has_digit(lines[i].text) and is_issue_head(lines[i].text):
            drop[i] = lines[i].text
            counts["running_headers"] += 1
    # A running head naming the authors, at a page turn: the byline on the first page names them too.
    if turn:
        heads_at_turn = [(i, sn) for i in sorted(turn) if i not in drop and "." in lines[i].text
                         and (sn := names_head_surnames(lines[i].text))]
        # (The first page ends at the first edge after its top lines: a page number beside the
        # journal's name at the very top does not end it.)
        first_end = min((e for e in edges if e > 3), default=n)
        if heads_at_turn and first_end < n:
            first_page = name_forms(" ".join(ln.text for ln in lines[:first_end]))
            for i, surnames in heads_at_turn:
                if i > first_end and all(names_a_person(w, first_page) for w in surnames):
                    drop[i] = lines[i].text
                    counts["page_stamps"] += 1
    edges |= set(drop)
    # The first page's journal header (venue, year, volume, issue, pages), printed once at the top;
    # later pages may repeat a prefix of it as their running header (no pages, or no page range).
    top = [i for i in range(min(n, 40)) if lines[i].text]
    first = top[:3]
    # (An ISSN line may stand lower, under a masthead of several lines: it is the journal's wherever it
    # is among the first page's top lines.)
    heads = [i for i in first if i not in drop and (is_journal_header(lines[i].text) or is_top_issue_line(lines[i].text))]
    heads += [i for i in top[:ISSN_TOP_LINES] if i not in drop and i not in heads and ISSN_LINE.match(lines[i].text)]
    for i in heads:
        drop[i] = lines[i].text
        counts["journal_headers"] += 1
    # The masthead in the other language: a top line printing the same numbers, a year among them, as a
    # masthead line taken already ("Вестник музыки. 2024. № 2 (18)" / "Music Bulletin.
    # 2024. No. 2 (18)").
    if taken_top := [i for i in top[:ISSN_TOP_LINES] if i in drop and _YEAR.search(lines[i].text)]:
        numbers = {nums for i in taken_top if len(nums := tuple(_DIGITS.findall(lines[i].text))) >= 2}
        for i in top[:ISSN_TOP_LINES]:
            if i not in drop and len(lines[i].text) <= 150 and not ends_sentence(lines[i].text) \
                    and tuple(_DIGITS.findall(lines[i].text)) in numbers:
                drop[i] = lines[i].text
                counts["journal_headers"] += 1
    head_masks = [_mask(lines[i].text) for i in heads]
    if head_masks:
        for i, ln in enumerate(lines):
            if i in drop or not 15 <= len(ln.text) <= 150 or ends_sentence(ln.text):
                continue
            k = _mask(ln.text)
            if len(_LETTER.findall(k)) >= 5 and any(h.startswith(k) for h in head_masks) and _near(lines, i, edges):
                drop[i] = ln.text
                counts["running_headers"] += 1
    # The page header above a page number at the top of a page: everything non-blank before it.
    starts = [0] + [i + 1 for i in breaks]
    for s in starts:
        seen = []
        for j in range(s, min(n, s + 12)):
            if lines[j].page_break:
                break
            if lines[j].text:
                seen.append(j)
            if j in drop and is_page_number(bare(lines[j].text)) and isolated(j):
                # Only a number with the page's text still to come: one at the foot of a page
                # has the page's text above it, not a header.
                rest = next((lines[x] for x in range(j + 1, n) if lines[x].text or lines[x].page_break), None)
                above = [k for k in seen[:-1] if k not in drop]
                if rest is not None and not rest.page_break and len(above) <= 3 and \
                        all(len(lines[k].text) <= 150 for k in above):
                    for k in above:
                        drop[k] = lines[k].text
                        counts["running_headers"] += 1
                break
            if len(seen) > 4:
                break
    # Identifier lines (a DOI on a line of its own): metadata reads them from the furniture, so
    # they are kept as they read in the text ("- **DOI:** 10.1/x" as "DOI: 10.1/x").
    # (Not the last line of a numbered reference: that DOI is the cited work's.)
    for i in dois:
        if i not in drop and DOI_LINE.match(t := bare(lines[i].text)) and not _ends_numbered_entry(lines, i):
            drop[i] = t
            counts["doi_lines"] += 1
    return set(drop), [drop[i] for i in sorted(drop)]


# ---------------------------------------------------------------------------------------------
# Footnotes
# ---------------------------------------------------------------------------------------------


def _footnote_separators(lines: list[Line]) -> list[int]:
    """Indices of the lines of underscores or dashes, or of 20 spaces or more (above footnotes).

    >>> _footnote_separators(split_lines("text\\n__________\\n1 A note"))
    [1]
    """
    # The pattern is tried only where it can match: the line starts with one of its marks, or
    # is blank and long enough.
    return [k for k, ln in enumerate(lines)
            if (ln.text[:1] in _RULE_MARKS or not ln.text and len(ln.raw) >= 20) and FOOTNOTE_SEPARATOR.match(ln.raw)]


def find_footnotes(lines: list[Line], skip: set[int], vocab: Vocabulary, counts: Counter[str]
                   ) -> tuple[dict[int, str], list[Footnote], list[str]]:
    """Footnote regions after a separator line. Returns {line index: role}, the notes, furniture.

    Roles: "note" (moved out), "break" (where the region was: the page continues after it).
    A region ends at a page break, at an indented line (the first line of the next page),
    or at a blank line after a note that ended its sentence, when no new note follows.
    """
    roles: dict[int, str] = {}
    notes: list[Footnote] = []
    extra_furniture: list[str] = []
    n = len(lines)
    start = 0  # a region found moves it past its end
    for i in _footnote_separators(lines):  # separators are few
        if i < start or i in skip:
            continue
        j = i + 1
        while j < n and lines[j].blank and not lines[j].page_break:
            j += 1
        if j >= n or not FOOTNOTE_START.match(lines[j].raw):
            continue
        region = [i] + list(range(i + 1, j))
        current: list[str] = []
        current_id = ""
        last_num = -1
        text_col = -1  # where the current note's text starts on its first line
        k = j
        end = j
        while k < n:
            cur = lines[k]
            if cur.page_break or k in skip:
                break  # a page break, or the page's furniture (its number, a footer): the notes end
            m = FOOTNOTE_START.match(cur.raw)
            num = _note_number(m.group(1)) if m else -1
            if m and num > last_num and cur.indent <= 3:
                if current:
                    notes.append(Footnote(current_id, _join_note(current, vocab, counts)))
                current_id, current, last_num = m.group(1), [m.group(2)], num
                text_col = m.start(2)
                region.append(k)
                end = k
                k += 1
                continue
            if cur.blank:
                region.append(k)
                k += 1
                continue
            # A non-note line: the next page's first line, or the note going on.
            prev_blank = lines[k - 1].blank
            # (An indented line is the next page's first, unless it hangs under the note's text, the note
            # not ended: "2  Vgl. etwa ... S. 118–124; kritischer" / "   bereits Elmar Greußing, ...".)
            if cur.indent > 0 and k != j and not (cur.indent == text_col and not prev_blank and current
                                                  and not ends_sentence(current[-1])):
                break
            if prev_blank and current and ends_sentence(current[-1]) and not starts_lower(cur.text):
                break
            if URL_ONLY.match(cur.text) and _url_in(cur.text.strip(), notes, current, vocab):
                # A bare link under the notes repeats one of them (a PDF link annotation).
                extra_furniture.append(cur.text)
                counts["link_annotations"] += 1
                region.append(k)
                k += 1
                continue
            current.append(cur.text)
            region.append(k)
            end = k
            k += 1
        if current:
            notes.append(Footnote(current_id, _join_note(current, vocab, counts)))
        # Trailing blank lines belong to the page flow again.
        for r in region:
            if r <= end or not lines[r].blank:
                roles[r] = "note"
        roles[i] = "break"
        start = max(end + 1, i + 1)
    counts["footnotes_moved"] += len(notes)
    return roles, notes, extra_furniture


def find_page_foot_notes(lines: list[Line], skip: set[int], vocab: Vocabulary, counts: Counter[str]
                         ) -> tuple[dict[int, str], list[Footnote]]:
    """Footnotes at a page's foot printed without a separator line: after a gap of two blank lines or
    more, numbered notes (each number one more than the last, the first one glued to a word or a mark
    in the page's text above: "... in daylight.”1 The remark ..."), their lines going on at the note
    text's column, then nothing but the page's furniture and debris (``skip``) before the page break.
    Returns {line: "note"} and the notes.
    """
    roles: dict[int, str] = {}
    notes: list[Footnote] = []
    n = len(lines)
    page_start = 0
    k = 0
    while k < n:
        ln = lines[k]
        if ln.page_break:
            page_start = k + 1
            k += 1
            continue
        m = FOOTNOTE_START.match(ln.raw) if ln.text and k not in skip and ln.indent <= 3 else None
        if m is None or not m.group(1).isdigit() or k < 2 or not (lines[k - 1].blank and lines[k - 2].blank):
            k += 1
            continue
        first = m.group(1)
        marker = re.compile(rf"(?:[^\W\d_]|[.,;:!?”\"’»)])({first})(?=\s|$)")
        if not any(marker.search(lines[x].text) for x in range(page_start, k) if lines[x].text):
            k += 1
            continue
        found: list[tuple[str, list[str]]] = []
        region: list[int] = []
        col = -1
        j = k
        while j < n and lines[j].text and j not in skip:
            mj = FOOTNOTE_START.match(lines[j].raw)
            if mj and mj.group(1).isdigit() and lines[j].indent <= 3 and (
                    not found or int(mj.group(1)) == int(found[-1][0]) + 1):
                found.append((mj.group(1), [mj.group(2)]))
                col = mj.start(2)
            elif found and lines[j].indent == col:
                found[-1][1].append(lines[j].text)
            else:
                break
            region.append(j)
            j += 1
        # Under the notes: blank lines and the page's furniture only, up to the page break.
        after = j
        while after < n and (lines[after].blank and not lines[after].page_break or after in skip):
            after += 1
        if not found or (after < n and not lines[after].page_break) or (j < n and lines[j].text and j not in skip):
            k = max(j, k + 1)
            continue
        for x in region:
            roles[x] = "note"
        notes += [Footnote(num, _join_note(parts, vocab, counts)) for num, parts in found]
        k = after
    counts["footnotes_moved"] += len(notes)
    return roles, notes


MD_NOTE = re.compile(r"^\s{0,3}\[\^([^\]\s]{1,20})\]:\s*(.*)$")
MD_NOTE_REF = re.compile(r"\[\^[^\]\s]{1,20}\](?!:)")


def find_markdown_notes(lines: list[Line], vocab: Vocabulary, counts: Counter[str]
                        ) -> tuple[set[int], list[Footnote]]:
    """Markdown footnote definitions (``[^1]: text``, continued by indented lines) -> notes.

    >>> ix, notes = find_markdown_notes(split_lines("Body[^1].\\n\\n[^1]: A note\\n    going on."), Vocabulary(), Counter())
    >>> sorted(ix), notes
    ([2, 3], [Footnote(id='1', text='A note going on.')])
    """
    taken: set[int] = set()
    notes: list[Footnote] = []
    i = 0
    while i < len(lines):
        m = MD_NOTE.match(lines[i].raw)
        if not m:
            i += 1
            continue
        parts = [m.group(2)]
        taken.add(i)
        j = i + 1
        while j < len(lines) and lines[j].text and lines[j].indent >= 2 and not MD_NOTE.match(lines[j].raw):
            parts.append(lines[j].text)
            taken.add(j)
            j += 1
        notes.append(Footnote(m.group(1), " ".join(join_all(parts, vocab, counts).split())))
        i = j
    return taken, notes


def _url_in(url: str, notes: list[Footnote], current: list[str], vocab: Vocabulary) -> bool:
    texts = [f.text for f in notes]
    if current:
        texts.append(_join_note(current, vocab, Counter()))
    return any(url in t for t in texts)


def _note_number(mark: str) -> int:
    sup = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
    t = mark.translate(sup)
    return int(t) if t.isdigit() else len(t)


def _join_note(parts: list[str], vocab: Vocabulary, counts: Counter[str]) -> str:
    return " ".join(join_all(parts, vocab, counts).split())


# ---------------------------------------------------------------------------------------------
# Blocks
# ---------------------------------------------------------------------------------------------


def wrap_width(lines: list[Line]) -> int | None:
    """The width a document was hard-wrapped at, or None when its lines are paragraphs.

    Hard-wrapped text has most of its lines close to one width; web and markdown text has
    paragraph-long lines of every length.
    """
    return width_of([len(ln.text) for ln in lines])


def width_of(sizes: list[int], leave: set[int] | dict[int, str] | None = None) -> int | None:
    """``wrap_width`` of the lines of these lengths, less the lines whose index is in ``leave``.

    >>> width_of([95, 98, 99, 97, 60, 96, 99, 100, 94, 40]), width_of([95, 98, 99, 97, 60, 96], {0, 1})
    (99, None)
    """
    # (Only lines over 20 characters count. The lines left are few: their lengths are taken out of
    # the sorted lengths of all lines, one occurrence each, instead of every line being looked up.)
    lengths = sorted(filter((20).__lt__, sizes))
    if leave:
        n_sizes = len(sizes)
        for i in leave:
            if 0 <= i < n_sizes and (n := sizes[i]) > 20:
                del lengths[bisect_left(lengths, n)]
    if len(lengths) < 5:
        return None
    w = lengths[int(len(lengths) * 0.8)]
    if w > 160:
        return None
    near = bisect_right(lengths, 1.15 * w) - bisect_left(lengths, 0.7 * w)  # lengths are sorted
    return w if near >= 0.5 * len(lengths) else None


@dataclass
class _Para:
    kind: str
    lines: list[Line]
    md_heading: bool = False
    list_item: bool = False
    indent: int = 0
    after_break: bool = False  # follows a page break or a removed footnote region
    kw_items: bool = False  # a keywords cue alone, or a keyword under one: the next keyword is a block


# A keywords cue with nothing after it on its line: "Keywords:", "Ключевые слова".
_KEYWORDS_CUE_ALONE = re.compile(r"(?:\*\*|__)?\s*(?:keywords|key\s*words|ключевые\s+слова|ключові\s+слова)\s*"
                                 r"(?:\*\*|__)?\s*[:.—–-]?\s*(?:\*\*|__)?", re.IGNORECASE)
# One keyword a line: one to five words, no list separator, no sentence end.
_KEYWORD_ITEM = re.compile(r"[^\W\d_][^,;:.!?·•|]*[^\W_]")
KEYWORD_ITEM_CHARS = 60


def _is_keyword_item(line: str) -> bool:
    """A line that is one keyword: ``"Electrolyte additive"`` -> True; ``"a, b"`` -> False."""
    return len(line) <= KEYWORD_ITEM_CHARS and line.count(" ") < 5 and _KEYWORD_ITEM.fullmatch(line) is not None


def _any_of(*patterns: re.Pattern[str]) -> re.Pattern[str]:
    """One pattern that matches where any of ``patterns`` matches (each keeps its IGNORECASE)."""
    return re.compile("|".join(f"(?{'i' if p.flags & re.IGNORECASE else ''}:{p.pattern})" for p in patterns))


# Most lines start no block: one match of the alternation rules them out before _starts_block
# tries its six cues in turn.
_BLOCK_CUE = _any_of(MD_HEADING, FIELD_CUE, REFERENCE_ENTRY, CAPTION, LIST_ITEM, HASHTAGS)
# What IGNORECASE lets match a lower-case letter besides its upper case: re's extra case
# equivalences (the long s, the Kelvin sign, the dotted and dotless i, the rounded Cyrillic
# letters) for the letters of the cue words. A test checks them against re over every code point.
_OTHER_CASES = {"i": "İı", "k": "\u212a", "s": "ſ", "в": "ᲀ", "д": "ᲁ", "о": "ᲂ", "с": "ᲃ", "т": "ᲄᲅ"}


def _cases(letter: str) -> set[str]:
    """The characters an IGNORECASE pattern matches for ``letter`` (one of the cue words').

    >>> sorted(_cases("s"))
    ['S', 's', 'ſ']
    """
    lo = letter.lower()
    return {lo, lo.upper(), letter, *_OTHER_CASES.get(lo, "")}


def _word_openings(*patterns: re.Pattern[str]) -> frozenset[str]:
    """The first two letters, in every case, of the words that alternatives of ``patterns`` start with.

    >>> sorted(_word_openings(re.compile("^(?:ab|c)|x?")))
    ['AB', 'Ab', 'aB', 'ab']
    """
    return frozenset(
        x + y
        for p in patterns
        for a, b in re.findall(r"(?:\(\?:|\|)([^\W\d_])([^\W\d_])", p.pattern)
        for x in _cases(a)
        for y in _cases(b)
    )


def _opens_otherwise(text: str, openings: frozenset[str]) -> bool:
    """``text`` starts with a letter, but not with the first two letters of a word of ``openings``
    (``_word_openings``): no pattern those words open can match it.

    >>> _opens_otherwise("the text", frozenset({"Ab"})), _opens_otherwise("Abstract", frozenset({"Ab"}))
    (True, False)
    """
    return text[:1].isalpha() and text[:2] not in openings


# A line that starts with a letter can be a cue only by starting with one of the words of FIELD_CUE
# or CAPTION (every other cue starts with a space, a mark or a digit): its first two characters
# rule out most lines before the alternation is tried.
_CUE_OPENINGS = _word_openings(FIELD_CUE, CAPTION)


def _may_start_block(text: str) -> bool:
    """``_BLOCK_CUE.match(text)``, most lines ruled out by their first two characters.

    >>> _may_start_block("Abstract: x"), _may_start_block("the text"), _may_start_block("- item")
    (True, False, True)
    """
    return not _opens_otherwise(text, _CUE_OPENINGS) and _BLOCK_CUE.match(text) is not None


# A block that starts with a letter can be the references' heading only by starting with one of
# REFERENCES_CUE's words (its other openings are a space, "#", "*", "_" or a number).
_REFERENCES_OPENINGS = _word_openings(REFERENCES_CUE)


def _is_references_cue(text: str) -> bool:
    """``REFERENCES_CUE.match(text)``, most blocks ruled out by their first two characters.

    >>> _is_references_cue("References"), _is_references_cue("Results"), _is_references_cue("## 7. Литература:")
    (True, False, True)
    """
    return not _opens_otherwise(text, _REFERENCES_OPENINGS) and REFERENCES_CUE.match(text) is not None


def _starts_block(ln: Line) -> str | None:
    t = ln.text
    if MD_HEADING.match(t):
        return "heading"
    if FIELD_CUE.match(t):
        return "cue"
    if REFERENCE_ENTRY.match(t):
        return "reference"
    if CAPTION.match(t) and len(t) <= 200:
        return "caption"
    if LIST_ITEM.match(t):
        return "list"
    if HASHTAGS.match(t):
        return "cue"
    return None


def _is_heading_text(text: str) -> bool:
    """A short line without sentence punctuation, starting with a capital or a section number."""
    t = text.strip()
    if not t or len(t) > 150 or t[-1] in ".,;:!?…" or t[-1] in "»”\"" and t[-2:-1] in ".,":
        return False
    words = t.split()
    if len(words) > 16 or words[-1].lower() in _OPEN_ENDINGS:
        return False  # "... the argument and": a sentence broken off, not a heading
    first = t.lstrip("0123456789.) ")
    if not first or not (first[0].isupper() or not first[0].isalpha()):
        return False
    latin = [w for w in words if w[:1].isascii() and w[:1].isalpha()]
    if len(latin) >= 4 and len(latin) == len([w for w in words if w[:1].isalpha()]):
        # English headings are in title case: most of their words are capitalised.
        return 2 * sum(1 for w in latin if w[0].isupper()) >= len(latin)
    return True


# Words a heading does not end with but a line broken mid-sentence often does.
_OPEN_ENDINGS = frozenset(
    "a an the and or but nor of to in on at by for with from as that which than "
    "и или но а в во на с со к ко по о об от до из за для что как".split()
)


_MD_IMAGE = re.compile(r"!\[([^\]\n]{0,300})\]\([^)\s]{1,2000}\)")
_MD_LINK = re.compile(r"\[([^\]\n]{1,300})\]\((https?://[^)\s]{1,2000})\)")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)([^\n]{1,500}?)(?<=\S)\1")
# (Not a markdown note's reference, "[^1][^3]": its caret follows a bracket.)
_MD_SUPERSCRIPT = re.compile(r"(?<!\[)\^([0-9A-Za-z*†‡,+\-]{1,12})\^\s?")
_MD_EMPHASIS = re.compile(r"(?<![\w*_])([*_])(?=[^\s*_])([^\n*_]{1,300}?)(?<=[^\s*_])\1(?![\w*_])")
_MD_CODE = re.compile(r"(?<!\w)`([^`\n]{1,300})`(?!\w)")


_INLINE_TAG = re.compile(r"</?(?:sup|sub|i|b|em|strong|u|small|span|mark)(?:\s[^<>\n]{0,200})?>", re.IGNORECASE)
_BR_TAG = re.compile(r"<br\s{0,5}/?>", re.IGNORECASE)


def strip_inline_html(text: str, counts: Counter[str]) -> str:
    """Inline HTML tags a converter left (``<sup>``, ``<i>``, ``<br>``...) out, their text kept.

    >>> strip_inline_html("Lee<sup>2</sup> on <i>H<sub>2</sub>O</i><br/>next", Counter())
    'Lee2 on H2O next'
    """
    if "<" not in text:
        return text
    text, k = _INLINE_TAG.subn("", text)
    text, k2 = _BR_TAG.subn(" ", text)
    counts["html_tags"] += k + k2
    return text


_STARS_MARKER = re.compile(r"(?<=[^\W\d_])\*\*(?=[\s,;]|$)")
_MD_ESCAPED_MARK = re.compile(r"\\([*_#])")


def strip_markdown(text: str, counts: Counter[str]) -> str:
    """Remove inline markdown: **bold**, __bold__, *emphasis*, _emphasis_, `code`, [text](url), ![alt](src).

    >>> strip_markdown("**Keywords:** a [site](https://x.org)", Counter())
    'Keywords: a site (https://x.org)'
    """
    orig = text
    if "\\" in text:  # LaTeX a converter left: the author line's \and and \thanks{}
        text = latex.strip_author_commands(text)
        if text != orig:
            counts["latex"] += 1
            orig = text
    if "*" not in text and "_" not in text and "`" not in text and "[" not in text and "^" not in text:
        return text  # no mark at all (links, notes need "[")
    if "](" in text:
        text = _MD_IMAGE.sub(r"\1", text)
        text = _MD_LINK.sub(r"\1 (\2)", text)
    for _ in range(5):  # "****x**" leaves "**x**" behind: until nothing pairs up any more
        if "**" not in text and "__" not in text:
            break
        text, k = _MD_STRONG.subn(r"\2", text)
        if not k:
            break
    if "^" in text:
        # A pandoc superscript ("Anna Berg^1^", "^1^ Department of ..."): its text, a marker.
        text = _MD_SUPERSCRIPT.sub(lambda m: m.group(1) + (" " if m.start() == 0 else ""), text)
    if "*" in text or "_" in text:
        # Emphasis in one mark ("_Keywords:_", "*Syringa vulgaris*"): set apart from words on both
        # sides, so a name's star marker ("Tom Ray*,") and a snake_case name stay.
        text = _MD_EMPHASIS.sub(r"\2", text)
    if "`" in text:
        text = _MD_CODE.sub(r"\1", text)
    if "[^" in text:
        text = MD_NOTE_REF.sub("", text)  # a footnote reference: the note itself is in footnotes
    # A bold mark left unpaired is dropped, not a second author's marker after the name ("Tom Ray**").
    if text.count("**") == 1 and not _STARS_MARKER.search(text):
        text = text.replace("**", "")
    if "\\" in text:
        # A mark the converter escaped is the character itself: "Sokolov²\*" is a corresponding author's star.
        text = _MD_ESCAPED_MARK.sub(r"\1", text)
    if text != orig:
        counts["markdown"] += 1
    return text


# A printed book's or thesis's imprint (its last page: when it was signed for print, the format, the
# print run, the printer) and the manuscript stamp on a thesis summary's title page.
_IMPRINT_CUE = re.compile(
    r"подписано\s+в\s+печать|підписано\s+до\s+друку|тираж\s+\d+|наклад\s+\d+|усл\.\s*печ\.\s*л|"
    r"ум\.\s*друк\.\s*арк|формат\s+\d+\s*[×xх]\s*\d+|отпечатано\s+в\s+(?:типографии|издательстве)|"
    r"надруковано\s+в|заказ\s*№\s*\d+|зам\.\s*№\s*\d+", re.IGNORECASE)
_MANUSCRIPT_STAMP = re.compile(r"\s*на\s+правах\s+рукописи?\s*", re.IGNORECASE)


def find_imprint(texts: list[str]) -> list[int]:
    """The lines of a printed imprint among the last lines (two imprint cues or more, each within three
    lines of the next, the lines between them and the two lines at most right under the last: the
    printer's address; every line short) and a manuscript stamp alone on a line among the first.

    >>> find_imprint(["Text.", "", "Подписано в печать 15.04.2024. Формат 60×84 1/16.", "Тираж 100 экз.", "",
    ...               "Отпечатано в типографии ООО «Двор»", "610017, г. Киров", "", "More text."])
    [2, 3, 5, 6]
    """
    # (A printed document's first page holds the stamp, its last the imprint: only they are read.)
    head = range(min(len(texts), IMPRINT_HEAD_LINES))
    out = [i for i in head if "рук" in texts[i] and len(texts[i]) <= 40 and _MANUSCRIPT_STAMP.fullmatch(texts[i])]
    tail = range(max(0, len(texts) - IMPRINT_TAIL_LINES), len(texts))
    if _IMPRINT_PIECE.search("\n".join(texts[i] for i in tail)) is None:
        return out  # (no line of the tail holds a piece of a cue: one search says so)
    cues = [i for i in tail if _IMPRINT_PIECE.search(texts[i]) and _IMPRINT_CUE.search(texts[i])]
    groups: list[list[int]] = []
    for i in cues:
        if groups and i - groups[-1][-1] <= IMPRINT_GAP:
            groups[-1].append(i)
        else:
            groups.append([i])
    for g in groups:
        if len(g) < 2:
            continue
        lines = [k for k in range(g[0], g[-1] + 1) if texts[k]]
        k = g[-1] + 1
        while k < len(texts) and texts[k] and k - g[-1] <= IMPRINT_TAIL:
            lines.append(k)
            k += 1
        if all(len(texts[x]) <= IMPRINT_CHARS for x in lines):
            out += lines
    return sorted(set(out))


# A piece every imprint cue holds in its usual case: a case-sensitive search for it spares the
# case-blind pattern, slow on Cyrillic lines, nearly every line.
_IMPRINT_PIECE = re.compile("печ|ираж|аклад|друк|ормат|№")


# Imprint cues at most this many lines apart; at most this many lines under the last; each line this long.
# The stamp is looked for in the first lines, the imprint in the last.
IMPRINT_HEAD_LINES = 40
IMPRINT_TAIL_LINES = 80
IMPRINT_GAP = 3
IMPRINT_TAIL = 2
IMPRINT_CHARS = 120


# "arXiv:2403.16342v2 [physics.ao-ph] 19 Mar 2024": the identifier, its version, category and date.
ARXIV_STAMP = re.compile(r"\s*arXiv:\d{4}\.\d{4,5}(?:v\d+)?\s+\[[\w.\-]+\]\s+\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4}\s*")


def build_blocks(text: str, cfg: RepairConfig) -> LayoutResult:
    counts: Counter[str] = Counter()
    warnings: list[str] = []
    # A paragraph's text is the document's, less spaces and marks, joined with spaces or hyphens:
    # without a CJK character in the document there is none in any paragraph.
    # (And without whitespace other than " " and "\n" in the document, a line or a paragraph has
    # none of it either: only plain spaces are put in, and squashing need read no character.)
    cjk, odd_spaces = cjk_and_odd_spaces(text)
    if cfg.cjk_spaces and cjk:
        # On lines, before anything else: what a rule sees must be what the text will say.
        text, k = remove_cjk_spaces(text)
        counts["cjk_spaces"] += k
    raws = text.split("\n")  # (one split for the marker lines and split_lines)
    if cfg.unwrap:
        raws, k = _attach_marker_lines(raws)
        if k:
            text = "\n".join(raws)  # (what the passes below read of the text as a whole)
        counts["superscript_markers"] += k
    # Whether the lines' texts hold no whitespace but " " (the passes below then read no character
    # to squash or normalise a line): the scan above says so of most documents, and one more scan
    # of the others settles it for those with CJK or page breaks.
    plain = not odd_spaces or plain_line_spaces(text)
    if cfg.page_furniture and "©" in text:
        raws, k = byline_from_copyright(raws)
        counts["page_stamps"] += k
    if ("\f" in text or len(raws) >= SPACED_HEADING_LINES) and _ANY_LETTER_SPACED.search(text):
        # (A typeset document's headings: in a snippet of a few lines, spaced letters are as its writer
        # meant them.)
        raws, k = unspace_letters(raws)
        counts["letter_spacing"] += k
    lines = _lines_of(raws)
    texts = [ln.text for ln in lines]  # (read, never changed, by the vocabulary and the web pass)
    sizes = list(map(len, texts))  # (both wrap widths below are read from the lines' lengths)
    vocab = Vocabulary.of(texts)

    furniture: list[str] = []
    skip: set[int] = set()
    if cfg.page_furniture:
        skip, furniture = find_furniture(lines, counts, plain, page_stamps=width_of(sizes) is not None)
        imprint = [i for i in find_imprint(texts) if i not in skip]
        if imprint:
            skip |= set(imprint)
            furniture = [*furniture, *(texts[i] for i in imprint)]
            counts["page_stamps"] += len(imprint)
        if "arXiv:" in text or "preprint doi" in text:
            # A preprint server's stamp (printed down the first page's margin, or as a paragraph on every
            # page: "medRxiv preprint doi: ...; this version posted ..."): furniture, where metadata reads
            # its date.
            stamps = [i for i, t in enumerate(texts) if i not in skip and (
                ARXIV_STAMP.fullmatch(t) or len(t) <= PREPRINT_STAMP_CHARS and _PREPRINT_STAMP.match(t))]
            if stamps:
                skip |= set(stamps)
                furniture = [*(texts[i] for i in stamps), *furniture]
                counts["page_stamps"] += len(stamps)
    boilerplate: list[str] = []
    if cfg.web_boilerplate:
        wrapped = width_of(sizes, skip) is not None
        if not wrapped and lines_are_paragraphs(texts):
            # A page saved with one paragraph per line and (almost) no blank lines: each line stands
            # alone, as the rules expect of a paragraph (a pointer between two paragraphs, a label).
            spaced = [x for t in texts for x in (t, "")]
            web = {i // 2: why for i, why in find_boilerplate(spaced, {2 * i for i in skip},
                                                              plain_spaces=plain).items()}
        else:
            web = find_boilerplate(texts, skip, hard_wrapped=wrapped, plain_spaces=plain,
                                   paged="\f" in text)  # (repair puts each page break on a line of its own)
        # Site chrome printed once (cookie notices, newsletter boxes, ad labels, "Most read"): by a
        # small vocabulary and where the line stands (repair.chrome).
        if not wrapped:
            for i, why in find_chrome(texts, skip | set(web)).items():
                # A keywords line in the first half of the text is the paper's (after its abstract),
                # though a site may print its tags under the same word ("Mots-clés : ...").
                if why == "tags" and 2 * i < len(texts) and KEYWORDS_CUE.match(texts[i]):
                    continue
                web.setdefault(i, why)
        if cfg.markdown and "\\" in text:
            # A LaTeX command alone on its line (\maketitle, \label{sec:intro}) says nothing to a reader.
            for i, t in enumerate(texts):
                if t.startswith("\\") and i not in skip and latex.is_command_line(t):
                    web.setdefault(i, "markup")
        if cfg.markdown and "[MISSING_PAGE" in text:
            # A converter's note where it read no page ("[MISSING_PAGE_POST]", "[MISSING_PAGE_EMPTY:5]", Nougat).
            for i, t in enumerate(texts):
                if t.startswith("[MISSING_PAGE") and i not in skip and latex.is_missing_page(t):
                    web.setdefault(i, "markup")
        boilerplate = [lines[i].text for i in sorted(web)]
        counts["boilerplate_lines"] += len(web)
        web_skip = set(web)
    else:
        web_skip = set()
    roles: dict[int, str] = {}
    notes: list[Footnote] = []
    if cfg.footnotes:
        roles, notes, extra = find_footnotes(lines, skip, vocab, counts)
        furniture.extend(extra)
        if not notes and "\f" in text:
            # (Only where no separator line marks the notes anywhere: a paper prints them one way.)
            roles, notes = find_page_foot_notes(lines, skip | web_skip, vocab, counts)
        if cfg.markdown and "^" in text and "[^" in text:  # (one byte is found faster than two)
            md_taken, md_notes = find_markdown_notes(lines, vocab, counts)
            for i in md_taken:
                roles.setdefault(i, "note")
            notes.extend(md_notes)
            counts["footnotes_moved"] += len(md_notes)

    # What the earlier passes took, one look-up per line: a footnote region's roles first, then
    # the web debris, then the furniture (the order in which the loop below heeds them).
    taken: dict[int, str] = dict.fromkeys(skip, "skip")
    taken.update(dict.fromkeys(web_skip, "web"))
    taken.update(roles)
    width = width_of(sizes, taken) if cfg.unwrap else None
    # A line shorter than ``full`` is not a full line of the wrap width; one shorter than ``short``
    # is clearly short.
    short, full = (0.7 * width, 0.8 * width) if width is not None else (0.0, 0.0)

    # The document's opening lines, where a title, its authors and their affiliation may stand one
    # under the other without blank lines: up to the first run of three full lines (running text).
    front_end = _front_end(sizes, full, taken) if width is not None else 0

    paras: list[_Para] = []
    cur: _Para | None = None
    last_alnum: bool | None = None  # whether cur's last line holds a letter or digit, once known
    pending_break = False
    in_refs = False

    for i, ln in enumerate(lines):
        role = taken.get(i)
        if role is not None:
            if role == "note":
                continue
            if cur is not None:
                paras.append(cur)
                cur = None
            # Furniture (or a footnote region) between two halves of a paragraph: the paragraph
            # goes on after it. Web debris cuts it, unless it is a page break.
            if role != "web" or ln.raw == "\f":
                pending_break = True
            continue
        t = ln.text
        if not t:
            if cur is not None:
                paras.append(cur)
                cur = None
            if ln.raw == "\f":
                pending_break = True
            continue
        # (The checks that follow are gated by a character their pattern cannot match without.)
        if cfg.markdown and (t[0] in "-*_" and MD_RULE.match(t) and not FOOTNOTE_SEPARATOR.match(ln.raw)
                             or t[0] == ":" and MD_DIV_FENCE.match(t)):
            counts["markdown"] += 1
            if cur is not None:
                paras.append(cur)
                cur = None
            if t[0] == ":" and (named := MD_DIV_NAMED.match(t)):
                # A div the converter named for its part ("::: abstract"): the part's heading, the cue the
                # metadata stage reads it by.
                word = named.group(1).capitalize()
                paras.append(_Para("heading", [Line(word, 0, word)], md_heading=True))
            continue
        # (_may_start_block's first-letters gate, inline: it turns down most lines without a call.)
        cue = (not t[:1].isalpha() or t[:2] in _CUE_OPENINGS) and _may_start_block(t) and _starts_block(ln)
        if cue:
            if cur is not None:
                paras.append(cur)
            kind = {"heading": "heading", "cue": "paragraph", "reference": "reference",
                    "caption": "caption", "list": "other"}[cue]
            cur = _Para(kind, [ln], md_heading=cue == "heading", list_item=cue == "list", indent=ln.indent,
                        after_break=pending_break, kw_items=_KEYWORDS_CUE_ALONE.fullmatch(t) is not None)
            last_alnum = None
            pending_break = False
            continue
        if cur is not None:
            if (
                t[0] in "УUБBJ" and CLASS_CODE.match(t)
                or ":" in t and LABEL_LINE.match(t) and _is_field(cur.lines[0].text)
            ):
                # Front-matter fields one under the other ("Received: ...", "DOI: ...", "Keywords: ..."
                # then "For citation: ..."): each its own block, however the lines were wrapped.
                joins = False
            elif cur.kw_items and _is_keyword_item(t):
                # A keywords cue alone on its line, one keyword a line under it (an article-info
                # column): each keyword its own block, which the metadata stage reads as the list's.
                joins = False
            else:
                # Does ln continue the paragraph? (_joins, inline: it is asked of nearly every line.)
                prev = cur.lines[-1]
                pt = prev.text
                if last_alnum is None:
                    last_alnum = pt[:1].isalnum() or _ALNUM.search(pt) is not None
                alnum = t[:1].isalnum() or _ALNUM.search(t) is not None
                if cur.md_heading or not last_alnum or not alnum:
                    joins = False  # a line of bare marks ("#", "-", "***") is not part of a sentence
                elif width is None:
                    # Lines are paragraphs (web, markdown): only an evident mid-sentence break is joined.
                    # (Not under a line in capitals: a site's name over its tagline, "SITE-INFORM" /
                    # "news of the region".)
                    joins = not ends_sentence(pt) and starts_lower(t) and not cur.list_item and not is_byline(t) \
                        and not pt.isupper()
                else:
                    size = len(pt)
                    ends = not pt[-1].isalpha() and ends_sentence(pt)
                    joins = not (
                        # the short last line of a paragraph, or a caption's
                        size < full and (ends or cur.kind == "caption")
                        # an indented first line: a new paragraph
                        or ends and ln.indent > prev.indent and not starts_lower(t)
                        # a heading, then the first full line of the text under it
                        or size < short and len(t) >= full and not starts_lower(t)
                        and _is_heading_text(" ".join(x.text for x in cur.lines))
                    ) and not (
                        # a title, then its authors, then their affiliation, with no blank line between:
                        # a title ends no sentence, so only the author line's shape can end it
                        i < front_end and _front_break(cur, pt, t, lines[i + 1].text if i + 1 < len(lines) else "")
                    )
                if joins:
                    cur.lines.append(ln)
                    last_alnum = alnum
                    continue
            paras.append(cur)
            kw_item = cur.kw_items and _is_keyword_item(t)
        else:
            kw_item = False
        cur = _Para("paragraph", [ln], indent=ln.indent, after_break=pending_break, kw_items=kw_item)
        last_alnum = None
        pending_break = False
    if cur is not None:
        paras.append(cur)

    blocks: list[Block] = []
    for p in paras:
        text_ = _para_text(p, vocab, counts, cfg, cjk, plain)
        if not text_:
            continue
        if cfg.page_furniture and kind_is_doi(text_):
            # A DOI broken across two lines, now whole: furniture, as a DOI line is (idempotence).
            furniture.append(text_)
            counts["doi_lines"] += 1
            continue
        kind = p.kind
        # (_is_references_cue's first-letters gate, inline: most blocks are turned down without a call.)
        refs_cue = (not text_[:1].isalpha() or text_[:2] in _REFERENCES_OPENINGS) and _is_references_cue(text_)
        if p.md_heading:
            kind = "heading"
            in_refs = refs_cue
        elif refs_cue:
            kind = "heading"
            in_refs = True
        elif in_refs and kind == "paragraph" and _is_heading_text(text_) and len(text_.split()) <= 6:
            kind = "heading"  # "About the authors": the reference list is over
            in_refs = False
        elif in_refs and kind in ("paragraph", "other", "reference"):
            kind = "reference"
        elif kind == "paragraph" and len(p.lines) <= 3 and _is_heading_text(text_) and not FIELD_CUE.match(text_):
            kind = "heading"
        # A paragraph that a page break (or removed furniture) cut in two: rejoin it. Decided on
        # the texts alone (not on kinds a second repair could not see), so repair stays idempotent.
        if blocks and _continues(blocks[-1].text, text_, p.after_break):
            blocks[-1] = Block(blocks[-1].kind, join_lines(blocks[-1].text, text_, vocab, counts))
            counts["paragraphs_rejoined"] += 1
            # What was joined may now continue the block before it as well.
            while len(blocks) > 1 and _continues(blocks[-2].text, blocks[-1].text, False):
                last = blocks.pop()
                blocks[-1] = Block(blocks[-1].kind, join_lines(blocks[-1].text, last.text, vocab, counts))
                counts["paragraphs_rejoined"] += 1
            continue
        blocks.append(Block(kind, text_))

    return LayoutResult(blocks, furniture, notes, counts, warnings, boilerplate)


# A line this many times the wrap width's full line or longer runs across a page set in two columns
# (a title, an author line): no line of the running text.
ACROSS_COLUMNS = 1.6


def _front_end(sizes: list[int], full: float, taken: Mapping[int, str] | None = None) -> int:
    """The index of the first of three full lines in a row (capped at 60): the front matter is above it.
    A line far wider than the text's (``ACROSS_COLUMNS``) is not one of them: on a page in two columns
    the title and the authors run across both. Nor is a line an earlier pass took (``taken``): a
    masthead's lines, the journal's name beside its ISSN, are as wide as the text but are no text.

    >>> _front_end([60, 20, 30, 0, 99, 98, 97, 50], 80.0), _front_end([85, 84, 150, 0, 82, 81, 83], 80.0)
    (4, 4)
    >>> _front_end([85, 88, 86, 0, 40, 0, 82, 81, 83], 80.0, {1: "skip", 2: "skip"})
    6
    """
    cap = min(len(sizes), 60)
    top = ACROSS_COLUMNS * full
    taken = taken or {}
    for i in range(cap - 2):
        if full <= sizes[i] < top and full <= sizes[i + 1] < top and full <= sizes[i + 2] < top \
                and i not in taken and i + 1 not in taken and i + 2 not in taken:
            return i
    return cap


# A line in capitals of at least this many words under one in lower case starts a block in the front matter.
CAPS_TITLE_WORDS = 3


def _front_break(cur: _Para, pt: str, t: str, next_text: str) -> bool:
    """In the front matter, does line ``t`` start a new block although unwrapping would join it?

    A line of authors ends the title above it ("... after the Cold War" / "John A. Smith, Maria
    Petrova"), and a line of authors is a block of its own, so the affiliation under it is not run
    into it. Only a complete author line counts (``is_author_line``: not a title-cased line of a
    title), and only under a short block (a title: at most three lines) that does not end with a
    mark or a function word the next line must finish ("of", "and", ",").
    """
    if not t[:1].isupper():
        return False
    if len(cur.lines) == 1 and is_author_line(pt, t):
        return True
    if t.isupper() and sum(len(w) >= 2 and w.isalpha() for w in t.split()) >= CAPS_TITLE_WORDS \
            and not in_capitals(pt):  # ("ЗЕМСКИЕ ШКОЛЫ В 1900–1917 гг.:" above is in capitals)
        return True  # a title in capitals under the affiliation (no blank line between, as -raw gives it)
    return len(cur.lines) <= 3 and cur.kind != "caption" and not ends_open(pt) and (
        is_author_line(t, next_text) or opens_author_list(t, next_text))


def kind_is_doi(text: str) -> bool:
    """A block that is nothing but a DOI statement.

    >>> kind_is_doi("DOI: 10.1234/abc.5"), kind_is_doi("See DOI: 10.1234/abc.5")
    (True, False)
    """
    # The pattern's first mark, after any space, is "DOI", "doi" or "http": most blocks start
    # otherwise, and are ruled out before their text is scanned for "10.".
    head = text[:1]
    return (head in ("D", "d", "h") or head.isspace()) and "10." in text and bool(DOI_LINE.match(text))


def _is_field(text: str) -> bool:
    """A block that opens with a field label ("Received:", "УДК", "Keywords:").

    >>> _is_field("Received: 1 May 2020"), _is_field("Since 1990: a change")
    (True, False)
    """
    return bool(LABEL_LINE.match(text) or CLASS_CODE.match(text) or FIELD_CUE.match(text))


def _continues(before: str, text: str, after_break: bool) -> bool:
    """Is block ``text`` the rest of the paragraph ``before``, cut by a page break or furniture?

    A sentence left open, and the next part in lower case after a break or a comma, or any
    non-heading text right after a page break.
    >>> _continues("in Russia’s foreign", "policy shift. Then", True), _continues("It ends.", "then", True)
    (True, False)
    """
    # Both answers below need a break or a comma-like end: without either (nearly every pair of
    # blocks) the text of neither need be read.
    if not after_break and not before.endswith((",", ";")):
        return False
    if ends_sentence(before) or _is_heading_text(before) or FIELD_CUE.match(text):
        return False
    if starts_lower(text):
        return after_break or before.endswith((",", ";"))
    return after_break and not _is_heading_text(text) and not CAPTION.match(text) and not REFERENCE_ENTRY.match(text)


def squash_plain(text: str) -> str:
    """``squash(text)`` for a text whose only whitespace is " ": no character need be read.

    >>> squash_plain("a b"), squash_plain(" a  b ")
    ('a b', 'a b')
    """
    if "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text  # single spaces between words: nothing to squash
    return " ".join(text.split())


def _only_marks(text: str) -> bool:
    """A markdown rule, or nothing but marks ("#", "*", "-", ">"...) and spaces.

    >>> _only_marks("* * *"), _only_marks("## >"), _only_marks("- a")
    (True, True, False)
    """
    # (The regexes are gated by the first character: a rule starts with a mark or a space, and a
    # text that starts with a letter or digit holds one.)
    head = text[:1]
    return bool(
        (head in "-*_" or head.isspace()) and MD_RULE.match(text)
        or not (head.isalnum() or _ALNUM.search(text)) and set(text) <= set("#*_-+=~`> ")
    )


def _para_text(p: _Para, vocab: Vocabulary, counts: Counter[str], cfg: RepairConfig, cjk: bool = True,
               plain_spaces: bool = False) -> str:
    """The text of paragraph ``p``: lines joined, marks removed (``cjk``: the document has CJK;
    ``plain_spaces``: its lines hold no whitespace but " ", see ``plain_line_spaces``)."""
    first = p.lines[0].text
    # The document's lines hold no space between CJK characters any more (build_blocks took them
    # out first), and the joiner puts none between two (see joint): the paragraph has none
    # either, unless lines are joined with plain spaces or removed marks leave one.
    cjk_clean = cfg.dehyphenate
    # (strip_markdown's own first test: a line without any of these marks has no inline markdown nor
    # LaTeX, and a one-line paragraph holds no character its line does not.)
    marked = (len(p.lines) > 1 or "*" in first or "_" in first or "`" in first or "[" in first or "\\" in first
              or "^" in first)
    if cfg.markdown:
        # Every leading mark goes ("- # Title" too): what is left must not read as markup again.
        stripped = _strip_lead_marks(strip_markdown(first, counts) if marked else first)
        if stripped != first:
            first = stripped
            counts["markdown"] += 1
            cjk_clean = False
    rest = [ln.text for ln in p.lines[1:]]
    if not cfg.unwrap:
        # Lines stay lines: the block keeps its line breaks, nothing is joined.
        lines = [strip_inline_html(strip_markdown(x, counts), counts) if cfg.markdown else x
                 for x in [first, *rest]]
        return "\n".join(" ".join(x.split()) for x in lines if x.strip())
    counts["lines_unwrapped"] += len(rest)
    if cfg.dehyphenate:
        # The lines' texts are stripped and not empty; the first, less its marks, may not be.
        first = first.strip()
        text = _join_stripped([first, *rest] if first else rest, vocab, counts)
    else:
        text = " ".join(x.strip() for x in [first, *rest])
    if cfg.markdown:
        before = text
        text = strip_inline_html(strip_markdown(text, counts) if marked else text, counts)
        if text != before:
            cjk_clean = False
        if _only_marks(text):
            return ""  # nothing but marks
    if cfg.cjk_spaces and cjk and not cjk_clean:
        text, k = remove_cjk_spaces(text)  # again: removed marks can leave a space between CJK
        counts["cjk_spaces"] += k
    return squash_plain(text) if plain_spaces else squash(text)
