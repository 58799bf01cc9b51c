"""Script analysis: which alphabet each word is written in, and the runs of words that share one.

Everything here is free (no model): a word's script comes from the Unicode block of its letters.
Russian and English, Chinese and Japanese kana, Korean hangul, Greek, Arabic ... are told apart
by their alphabets alone; only *which* Cyrillic or *which* Latin language needs more (see cues.py
and detect.py).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

from pipeline.letters import non_ascii

LATN = "Latn"
CYRL = "Cyrl"
HANI = "Hani"  # Han ideographs and Japanese kana (kana are counted separately, see Word.kana)

_MARKS = "\u0300-\u036f"  # combining accents (stress marks in Russian, decomposed diacritics)
_LATIN = (
    "A-Za-z\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0250-\u02af"
    "\u1d00-\u1d7f\u1e00-\u1eff\u2c60-\u2c7f\ua720-\ua7ff\uab30-\uab6f\ufb00-\ufb06\uff21-\uff3a\uff41-\uff5a"
)
_CYRILLIC = "\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f"
_KANA = "\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f"
_CJK = (
    "\u3005-\u3007\u3021-\u3029\u3031-\u3035\u3038-\u303c\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0003134f" + _KANA
)
# Word-internal joiners: "China's", "п’ять", "Russia-Ukraine", "во-первых" are one word each.
_JOIN = "'\u2019\u02bc\\-\u2010"
_JOINERS = ("'", "\u2019", "\u02bc", "-", "\u2010")
# Combining marks of the other alphabetic scripts: a Hindi or Thai word must not break at its vowel signs.
_OTHER_MARKS = (
    "\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0900-\u0dff\u0e00-\u0eff"
    "\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff"
)

# URLs, e-mail addresses and DOIs are neither words nor language: their letters are ignored.
NEUTRAL_RE = re.compile(
    r"(?<!\S)(?=\S*(?://|@\w|/\S*/|\.(?:html?|php|aspx?|jsp|pdf|xml)\b)|www\.|10\.\d{4,9}/)\S+",
    re.IGNORECASE,
)

_TOKEN_RE = re.compile(
    rf"(?P<cjk>[{_CJK}]+)"
    rf"|(?P<lat>[{_LATIN}][{_LATIN}{_MARKS}]*(?:[{_JOIN}][{_LATIN}][{_LATIN}{_MARKS}]*)*)"
    rf"|(?P<cyr>[{_CYRILLIC}][{_CYRILLIC}{_MARKS}]*(?:[{_JOIN}][{_CYRILLIC}][{_CYRILLIC}{_MARKS}]*)*)"
    rf"|(?P<oth>(?:(?![{_LATIN}{_CYRILLIC}{_CJK}])(?:[^\W\d_]|[{_OTHER_MARKS}]))+)"
)
_KANA_RE = re.compile(f"[{_KANA}]")
_JOIN_RE = re.compile(f"[{_JOIN}]")

# Unicode blocks of the other scripts (start, end, script), sorted by start.
_BLOCKS: list[tuple[int, int, str]] = sorted(
    [
        (0x0370, 0x03FF, "Grek"), (0x1F00, 0x1FFF, "Grek"),
        (0x0530, 0x058F, "Armn"), (0x0590, 0x05FF, "Hebr"), (0xFB1D, 0xFB4F, "Hebr"),
        (0x0600, 0x06FF, "Arab"), (0x0750, 0x077F, "Arab"), (0x08A0, 0x08FF, "Arab"),
        (0xFB50, 0xFDFF, "Arab"), (0xFE70, 0xFEFF, "Arab"), (0x0780, 0x07BF, "Thaa"),
        (0x0900, 0x097F, "Deva"), (0x0980, 0x09FF, "Beng"), (0x0A00, 0x0A7F, "Guru"),
        (0x0A80, 0x0AFF, "Gujr"), (0x0B00, 0x0B7F, "Orya"), (0x0B80, 0x0BFF, "Taml"),
        (0x0C00, 0x0C7F, "Telu"), (0x0C80, 0x0CFF, "Knda"), (0x0D00, 0x0D7F, "Mlym"),
        (0x0D80, 0x0DFF, "Sinh"), (0x0E00, 0x0E7F, "Thai"), (0x0E80, 0x0EFF, "Laoo"),
        (0x0F00, 0x0FFF, "Tibt"), (0x1000, 0x109F, "Mymr"), (0x10A0, 0x10FF, "Geor"),
        (0x1C90, 0x1CBF, "Geor"), (0x1100, 0x11FF, "Hang"), (0x3130, 0x318F, "Hang"),
        (0xA960, 0xA97F, "Hang"), (0xAC00, 0xD7AF, "Hang"), (0xD7B0, 0xD7FF, "Hang"),
        (0x1200, 0x139F, "Ethi"), (0x1780, 0x17FF, "Khmr"), (0x1800, 0x18AF, "Mong"),
        (0x3100, 0x312F, "Bopo"), (0x31A0, 0x31BF, "Bopo"),
    ]
)
_BLOCK_STARTS = [b[0] for b in _BLOCKS]

# Languages written in each script (ISO 639-1). The configuration's ``allowed`` list narrows these.
SCRIPT_LANGS: dict[str, tuple[str, ...]] = {
    LATN: (
        "en", "de", "fr", "es", "it", "pt", "pl", "nl", "sv", "da", "no", "nb", "nn", "fi", "et", "lv",
        "lt", "cs", "sk", "sl", "hr", "bs", "sq", "ro", "hu", "tr", "az", "uz", "id", "ms", "tl", "vi",
        "ca", "gl", "eu", "ga", "cy", "is", "mt", "af", "sw", "so", "la", "eo", "lb", "fo", "ha", "yo",
    ),
    CYRL: ("ru", "uk", "bg", "be", "sr", "mk", "kk", "ky", "tg", "mn", "tt", "ba"),
    HANI: ("zh", "ja"),
    "Bopo": ("zh",),
    "Hang": ("ko",),
    "Grek": ("el",),
    "Armn": ("hy",),
    "Hebr": ("he", "yi"),
    "Arab": ("ar", "fa", "ur", "ps", "ug", "sd", "ku"),
    "Thaa": ("dv",),
    "Deva": ("hi", "mr", "ne", "sa"),
    "Beng": ("bn", "as"),
    "Guru": ("pa",),
    "Gujr": ("gu",),
    "Orya": ("or",),
    "Taml": ("ta",),
    "Telu": ("te",),
    "Knda": ("kn",),
    "Mlym": ("ml",),
    "Sinh": ("si",),
    "Thai": ("th",),
    "Laoo": ("lo",),
    "Tibt": ("bo", "dz"),
    "Mymr": ("my",),
    "Geor": ("ka",),
    "Ethi": ("am", "ti"),
    "Khmr": ("km",),
    "Mong": ("mn",),
}


def block_script(ch: str) -> str:
    """The script of one letter outside Latin, Cyrillic and CJK: ``"α" -> "Grek"``, ``"한" -> "Hang"``.

    Letters in no listed block give ``"Zyyy"`` (unknown script, labelled ``und``).
    """
    cp = ord(ch)
    i = bisect.bisect_right(_BLOCK_STARTS, cp) - 1
    if i >= 0 and _BLOCKS[i][0] <= cp <= _BLOCKS[i][1]:
        return _BLOCKS[i][2]
    return "Zyyy"


@dataclass
class Word:
    """A word (or, for Han/kana, a run of ideographs) at ``text[start:end]``."""

    script: str
    start: int
    end: int
    text: str
    letters: int
    kana: int = 0
    acronym: bool = False  # all capitals, at most 5 letters: BRICS, КНР, DOI, URL


def _make_word(script: str, start: int, end: int, text: str) -> Word:
    if script == HANI:
        return Word(script, start, end, text, len(text), kana=len(_KANA_RE.findall(text)))
    letters = len(text) - len(_JOIN_RE.findall(text)) if len(text) > 1 else len(text)
    return Word(script, start, end, text, letters, acronym=letters <= 5 and text.isupper())


def mask_neutral(text: str) -> str:
    """``text`` with URLs, e-mails, DOIs and file paths blanked out (same length)."""
    if "/" not in text and "@" not in text and "www." not in text:
        return text
    return NEUTRAL_RE.sub(lambda m: " " * len(m.group()), text)


_ALPHABETIC = (LATN, CYRL)


def words(text: str, masked: str | None = None) -> list[Word]:
    """The words of ``text`` with their scripts; URLs, e-mails and DOIs are skipped.

    ``words("BRICS и КНР") -> [Word(Latn "BRICS"), Word(Cyrl "и"), Word(Cyrl "КНР")]``.
    A word mixing Latin and Cyrillic letters (a Latin "o" typed inside a Russian word) is one word,
    in the script of most of its letters: ``"прoблема"`` (Latin o) -> one Cyrl word.
    """
    if masked is None:
        masked = mask_neutral(text)
    out: list[Word] = []
    for m in _TOKEN_RE.finditer(masked):
        kind = m.lastgroup
        start, end = m.span()
        tok = text[start:end]
        if kind == "lat":
            script = LATN
        elif kind == "cyr":
            script = CYRL
        elif kind == "cjk":
            script = HANI
        else:
            script = block_script(tok[0])
        w = _make_word(script, start, end, tok)
        prev = out[-1] if out else None
        if prev is not None and prev.end == start and prev.script in _ALPHABETIC and script in _ALPHABETIC:
            # One word typed in two alphabets (homoglyphs): it belongs to the majority.
            major = prev.script if prev.letters >= w.letters else script
            out[-1] = _make_word(major, prev.start, end, text[prev.start : end])
            continue
        out.append(w)
    return out


def word_weight(w: Word) -> int:
    """How many words a token counts for: one for alphabetic words, one per two ideographs."""
    if w.script == HANI:
        return (w.letters + 1) // 2
    return 1


@dataclass
class Run:
    """Consecutive words of one script (whatever punctuation lies between them), spanning
    ``start:end`` of the text. ``parts`` are its own-script words (or, for a block in one script,
    the whole masked block); short runs of other scripts it has taken in only add ``absorbed_letters``:
    they share its language but not its script analysis."""

    script: str
    start: int
    end: int
    letters: int
    weight: int
    kana: int = 0
    acronyms_only: bool = False
    parts: list[str] = field(default_factory=list)
    absorbed_letters: int = 0
    toks: list[str] | None = None  # its words, when already known (maybe lower-cased, see block_runs)
    # Worked out once (the switch check and the labeller read the same long runs); add() and join()
    # change the words and drop them.
    _text: str | None = field(default=None, repr=False, compare=False)
    lowered: list[str] | None = field(default=None, repr=False, compare=False)  # its words in lower case
    # What cues worked out from its words, by question (see cues.run_stopword_scores).
    memo: dict[tuple[Hashable, ...], Any] = field(default_factory=dict, repr=False, compare=False)
    # Its text is ASCII and _PLAIN_PUNCT alone (see _plain_run): no letter beyond a-z, so none that a
    # Latin language would not write (cues.foreign_letter_share is 0 for every language).
    plain: bool = field(default=False, repr=False, compare=False)

    @property
    def all_letters(self) -> int:
        return self.letters + self.absorbed_letters

    def text(self) -> str:
        """The run's own-script text (the input for cues and langdetect)."""
        if self._text is None:
            self._text = " ".join(self.parts)
        return self._text

    def tokens(self, limit: int | None = None) -> list[str]:
        """Its first ``limit`` words (all by default), lower case, for function-word cues."""
        return self.lower_words()[:limit]

    def lower_words(self) -> list[str]:
        """All its words in lower case: ``tokens()`` without the copy (the list is the run's own:
        read it, never change it)."""
        if self.lowered is None:
            toks = self.toks if self.toks is not None else _WORD_RE.findall(self.text())
            # One lower() over the words joined by spaces, then split again: the same words as
            # lowering each (no word holds a space, and a space ends a word for the final-sigma rule
            # as the end of a string does), at a fraction of the cost. For the same reason the first
            # words of the whole list are what lowering only those would give.
            self.lowered = " ".join(toks).lower().split(" ") if toks else []
        return self.lowered

    def _forget(self) -> None:
        """Drop what was worked out from the words (they are about to change)."""
        self.toks = self._text = self.lowered = None
        self.memo.clear()
        self.plain = False

    def add(self, w: Word) -> None:
        self._forget()
        self.parts.append(w.text)
        self.end = w.end
        self.letters += w.letters
        self.weight += word_weight(w)
        self.kana += w.kana
        self.acronyms_only = self.acronyms_only and w.acronym

    def join(self, other: Run) -> None:
        """Take in the next run of the same script."""
        self._forget()
        self.parts.extend(other.parts)
        self.end = max(self.end, other.end)
        self.letters += other.letters
        self.weight += other.weight
        self.kana += other.kana
        self.acronyms_only = self.acronyms_only and other.acronyms_only
        self.absorbed_letters += other.absorbed_letters

    def absorb(self, other: Run) -> None:
        """Take in a short run of another script: its letters count for this run's language."""
        self.start = min(self.start, other.start)
        self.end = max(self.end, other.end)
        self.absorbed_letters += other.all_letters


def _run_of(w: Word) -> Run:
    return Run(w.script, w.start, w.end, w.letters, word_weight(w), w.kana, w.acronym, [w.text])


def runs(ws: list[Word]) -> list[Run]:
    """Group consecutive words of the same script: ``[Latn, Latn, Cyrl]`` -> two runs."""
    out: list[Run] = []
    for w in ws:
        if out and out[-1].script == w.script:
            out[-1].add(w)
        else:
            out.append(_run_of(w))
    return out


_WORD_RE = re.compile(rf"[^\W\d_]+(?:[{_JOIN}][^\W\d_]+)*")
# Characters that are no letter of any script: ASCII and Latin-1 punctuation, digits, general
# punctuation, currency, letterlike symbols (№), arrows, maths, box drawing.
_NEUTRAL_CHARS = (
    "\x00-\x40\x5b-\x60\x7b-\xa9\xab-\xb4\xb6-\xb9\xbb-\xbf\xd7\xf7"
    "\u2000-\u206f\u20a0-\u20cf\u2100-\u214f\u2190-\u23ff\u2500-\u25ff"
)
# The first character that is neither neutral nor of the script: its absence means a one-script block.
_NOT_LATIN_ONLY = re.compile(f"[^{_NEUTRAL_CHARS}{_LATIN}{_MARKS}]")
_NOT_CYRILLIC_ONLY = re.compile(f"[^{_NEUTRAL_CHARS}{_CYRILLIC}{_MARKS}]")
_LAT_WORD = re.compile(rf"[{_LATIN}][{_LATIN}{_MARKS}]*(?:[{_JOIN}][{_LATIN}][{_LATIN}{_MARKS}]*)*")
_CYR_WORD = re.compile(rf"[{_CYRILLIC}][{_CYRILLIC}{_MARKS}]*(?:[{_JOIN}][{_CYRILLIC}][{_CYRILLIC}{_MARKS}]*)*")


def count_letters(toks: list[str]) -> int:
    """Letters in words, joiners (apostrophes, hyphens) not counted: ``["China's", "Russia-Ukraine"] -> 19``."""
    joined = "".join(toks)
    return len(joined) - sum(map(joined.count, _JOINERS))


def script_words(text: str, script: str) -> list[str]:
    """The words of ``text`` written in ``script`` (Latin or Cyrillic), URLs and the like skipped.

    ``script_words("Keywords: BRICS, ШОС", "Cyrl") -> ["ШОС"]``.
    """
    return (_LAT_WORD if script == LATN else _CYR_WORD).findall(mask_neutral(text))


def _one_script(masked: str) -> str | None:
    """``"Latn"`` or ``"Cyrl"`` when every letter of ``masked`` is of that one script, else None."""
    if masked.isascii() or _NOT_LATIN_ONLY.search(masked) is None:  # ASCII: letters a-z, neutral rest
        return LATN
    if _NOT_CYRILLIC_ONLY.search(masked) is None:
        return CYRL
    return None


# Letters of no script the run regex knows (Greek, Arabic, ... and letter-like symbols such as ℓ):
# a block holding one is read word by word.
_OTHER_LETTER = re.compile(rf"(?![{_LATIN}{_CYRILLIC}{_CJK}])(?:[^\W\d_]|[{_OTHER_MARKS}])")
# Characters that are certainly no such letter (Latin, Cyrillic, CJK, marks, and the punctuation,
# digits and symbols common in text): a block of these alone needs no _OTHER_LETTER search, which
# costs ten times more per character (tests/test_languages_fast.py checks every character).
_NOT_PLAIN = re.compile(
    f"[^{_LATIN}{_CYRILLIC}{_CJK}{_MARKS}\x00-\x40\x5b-\x60\x7b-\xa9\xab-\xb1\xb4\xb6-\xb8\xbb\xbf"
    "\xd7\xf7\u2000-\u206f\u3000-\u3004\u3008-\u3020\uff01-\uff20\uff3b-\uff40\uff5b-\uff65]"
)
# A Latin letter touching a Cyrillic one (only marks between them): one word typed in two alphabets,
# which ``words`` gives to the majority of its letters. (The reference form: script_runs spots it.)
_CONTACT = re.compile(f"[{_LATIN}][{_MARKS}]*[{_CYRILLIC}]|[{_CYRILLIC}][{_MARKS}]*[{_LATIN}]")
# One script run: from its first letter to the end of its last word before a letter of another script.
_RUN_RE = re.compile(
    rf"(?P<Hani>[{_CJK}](?:[^{_LATIN}{_CYRILLIC}]*[{_CJK}])?)"
    rf"|(?P<Latn>[{_LATIN}](?:[^{_CYRILLIC}{_CJK}]*[{_LATIN}])?[{_MARKS}]*)"
    rf"|(?P<Cyrl>[{_CYRILLIC}](?:[^{_LATIN}{_CJK}]*[{_CYRILLIC}])?[{_MARKS}]*)"
)
_CJK_WORD = re.compile(f"[{_CJK}]+")
# The characters of one-script blocks whose lower case moves a word boundary: "İ" becomes two
# characters, and the Kelvin sign, the Angstrom sign and "Ᶎ" change whether they are Latin letters
# (tests/test_languages_fast.py checks every character).
_LOWER_SHIFTS = "\u0130\u212a\u212b\ua7c6"  # looked for with `in`: far faster than a regex


def _is_acronym(tok: str) -> bool:
    """``Word.acronym`` for a Latin or Cyrillic word: ``"КНР" -> True``, ``"BRICS-plus" -> False``.

    Every joiner in such a word comes before a letter, so a word of more than 10 characters has more
    than 5 letters: turned away before ``isupper`` and the count read all of it (a "word" can be a
    long stretch of letters without a space).
    """
    return len(tok) <= 10 and tok.isupper() and count_letters([tok]) <= 5


def script_runs(masked: str) -> list[Run] | None:
    """``runs(words(text, masked))`` for a block whose letters are all Latin, Cyrillic or CJK (see
    ``block_runs``): one regular-expression match per run, its words counted in bulk instead of one
    ``Word`` each. None when a Latin letter touches a Cyrillic one (what ``_CONTACT`` finds: a Latin
    run ending where a Cyrillic one starts, or the other way round), which ``words`` must judge.

    ``[(r.script, r.parts) for r in script_runs("BRICS и КНР")] -> [("Latn", ["BRICS"]), ("Cyrl", ["и", "КНР"])]``.
    """
    out: list[Run] = []
    for m in _RUN_RE.finditer(masked):
        script = m.lastgroup
        assert script is not None
        start, end = m.span()
        if out and out[-1].end == start and out[-1].script in _ALPHABETIC and script in _ALPHABETIC:
            return None
        if script == HANI:
            toks = _CJK_WORD.findall(masked, start, end)
            joined = "".join(toks)
            weight = sum((len(t) + 1) // 2 for t in toks)
            out.append(Run(HANI, start, end, len(joined), weight, len(_KANA_RE.findall(joined)), False, toks))
        else:
            toks = (_LAT_WORD if script == LATN else _CYR_WORD).findall(masked, start, end)
            acr = all(map(_is_acronym, toks))
            out.append(Run(script, start, end, count_letters(toks), len(toks), 0, acr, toks))
    return out


# Non-ASCII characters that are neutral in every script and no word joiner but ’ and ‐ (typographic
# quotes, dashes, no-break spaces, bullets, ...; the Kelvin and Angstrom signs left out: they are
# _LOWER_SHIFTS). A block of ASCII and these alone is Latin, and its words can be read from its UTF-8
# bytes, where each of these is bytes >= 0x80 only (tests/test_languages_fast.py checks every one).
_PLAIN_PUNCT = (
    "\x80-\xa9\xab-\xb4\xb6-\xb9\xbb-\xbf\xd7\xf7"
    "\u2000-\u206f\u20a0-\u20cf\u2100-\u2129\u212c-\u214f\u2190-\u23ff\u2500-\u25ff"
)
_NOT_PLAIN_PUNCT = re.compile(f"[^{_PLAIN_PUNCT}]")
# The two non-ASCII joiners stand in the bytes as these control characters while words are read
# (a block that holds either control character itself takes the slow path).
_WIDE_JOINERS = (("\u2019".encode(), b"\x01", "\x01", "\u2019"), ("\u2010".encode(), b"\x02", "\x02", "\u2010"))
_WIDE_JOINER_CHARS = "".join(orig for _, _, _, orig in _WIDE_JOINERS)
_STAND_IN_CODES = tuple(byte[0] for _, byte, _, _ in _WIDE_JOINERS)  # as integers (see _plain_words)
_BYTE_JOINERS = b"'-\x01\x02"


def _word_bytes(joiners: bytes) -> bytes:
    """A ``bytes.translate`` table: a lower-case letter or one of ``joiners`` stays, a capital
    becomes its lower case, any other byte a space (every other ASCII character is neutral, and
    every byte >= 0x80 belongs to a _PLAIN_PUNCT character)."""
    return bytes(c if c in b"abcdefghijklmnopqrstuvwxyz" + joiners else c + 32 if 65 <= c <= 90 else 32 for c in range(256))


_WORD_BYTES = _word_bytes(b"'-")  # \x01 and \x02 are spaces where they stand for no joiner
_WIDE_WORD_BYTES = _word_bytes(_BYTE_JOINERS)
_SPACE_AND_JOINERS = b" " + _BYTE_JOINERS
# The joiners each table keeps, as one-byte strings.
_ASCII_JOINER_BYTES = (b"'", b"-")
_ALL_JOINER_BYTES = (b"'", b"-", b"\x01", b"\x02")


def _plain_words(masked: str) -> tuple[list[str], int] | None:
    """``_LAT_WORD.findall(masked.lower())`` and their ``count_letters``, for a block of ASCII and
    ``_PLAIN_PUNCT`` alone (None for any other): from its bytes, mapped to lower-case letters,
    joiners and spaces by one ``translate``, and split at spaces, with no regular expression.

    ``_plain_words("China’s “Russia-Ukraine” -- war")
    -> (["china’s", "russia-ukraine", "war"], 22)``.
    """
    b = masked.encode("utf-8", "surrogatepass")  # a lone surrogate is not plain: the slow path
    table, joiners = _WORD_BYTES, _ASCII_JOINER_BYTES
    if not masked.isascii():
        # Only the non-ASCII characters are looked at (a few in a thousand, in English text).
        others = non_ascii(b)
        if _NOT_PLAIN_PUNCT.search(others) is not None:
            return None
        # (Looked for in the few non-ASCII characters, and the control characters as integers: `in`
        # with a bytes needle first tries it as an integer and formats the TypeError it clears.)
        if any(map(others.__contains__, _WIDE_JOINER_CHARS)):
            if any(map(b.__contains__, _STAND_IN_CODES)):
                return None
            for wide, byte, _, _ in _WIDE_JOINERS:
                b = b.replace(wide, byte)
            table, joiners = _WIDE_WORD_BYTES, _ALL_JOINER_BYTES
    t = b" " + b.translate(table) + b" "
    # Joiners with letters on both sides are inside a word (the last part of _LAT_WORD); any other
    # joiner is where words end. After the pairs, no two joiners touch (a replace leaves none of its
    # pair, and turning joiners into spaces makes no new pair), so what is left is a joiner beside a
    # space or between two letters.
    present = [j for j in joiners if t.find(j) >= 0]  # find: see `in` above
    for j in present:
        for k in present:
            t = t.replace(j + k, b"  ")
    for j in present:
        t = t.replace(b" " + j, b"  ").replace(j + b" ", b"  ")
    letters = len(t.translate(None, _SPACE_AND_JOINERS))  # all else in t is a letter of a word
    s = t.decode()
    if joiners is _ALL_JOINER_BYTES:  # the stand-ins back to the joiners they stand for
        for _, _, ch, orig in _WIDE_JOINERS:
            s = s.replace(ch, orig)
    return s.split(), letters


def _one_script_run(text: str, masked: str) -> Run | None:
    """The run of a block whose letters are all of one alphabet and which holds two words or more
    (the whole block, counted with regular expressions, no word list), else None."""
    script = _one_script(masked)
    if script is None:
        return None
    word_re = _LAT_WORD if script == LATN else _CYR_WORD
    # Lower-casing such a block leaves its words where they are (no character of it changes its
    # length or whether it belongs to a word, but the few _LOWER_SHIFTS), so its words come
    # straight from the lower-cased text: the cues' lower-case words without a second pass, and
    # the same letter count; only the acronym check needs the original case.
    lowerable = masked.isascii() or not any(map(masked.__contains__, _LOWER_SHIFTS))
    toks = word_re.findall(masked.lower() if lowerable else masked)
    if len(toks) <= 1:
        return None
    letters = count_letters(toks)
    acr = len(toks) <= 5 and all(len(t) <= 5 and t.isupper() for t in (word_re.findall(masked) if lowerable else toks))
    lowered = toks if lowerable else None
    return Run(script, 0, len(text), letters, len(toks), 0, acr, [masked], toks=toks, lowered=lowered)


def _plain_run(text: str, masked: str, words: tuple[list[str], int]) -> Run | None:
    """``_one_script_run`` for a block of ASCII and ``_PLAIN_PUNCT`` (most English text), given its
    ``_plain_words``; None for one of fewer than two words."""
    toks, letters = words
    if len(toks) <= 1:
        return None
    acr = len(toks) <= 5 and all(len(t) <= 5 and t.isupper() for t in _LAT_WORD.findall(masked))
    return Run(LATN, 0, len(text), letters, len(toks), 0, acr, [masked], toks=toks, lowered=toks, plain=True)


def block_runs(text: str) -> list[Run]:
    """The script runs of a block. A block written in one alphabet (most are) takes a fast path:
    one run spanning the whole block, no word list. A block of Latin, Cyrillic and CJK only takes
    ``script_runs``; anything else is read word by word."""
    masked = mask_neutral(text)
    # A plain block is Latin: _one_script_run would find the same words (and no run for fewer than two).
    plain = _plain_words(masked)
    one = _one_script_run(text, masked) if plain is None else _plain_run(text, masked, plain)
    if one is not None:
        return [one]
    if _NOT_PLAIN.search(masked) is None or _OTHER_LETTER.search(masked) is None:
        rs = script_runs(masked)
        if rs is not None:
            return rs
    return runs(words(text, masked))
