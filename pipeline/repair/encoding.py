"""Charset damage: Cyrillic mojibake that ftfy leaves alone, then ftfy under a deliberate configuration.

ftfy fixes UTF-8 read as latin-1/cp1252/cp1251 (also twice), but by design not UTF-8 read as
KOI8-R, cp866 or mac-cyrillic, nor single-byte Cyrillic codepages read as one another or as
latin-1. Those are undone here first, one line at a time, and only where the result reads as
clearly better Cyrillic text than the line did: a document with one damaged paragraph is repaired
there and nowhere else. "Better" is measured with the Russian, Ukrainian and Bulgarian letter
bigram profiles that ship with langdetect (a mandated dependency), so no word list is needed.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice

import ftfy
import ftfy.badness
from ftfy.badness import is_bad

from pipeline.textscore import (  # noqa: F401 - cyrillic_score is part of this module's API
    FOREIGN,
    _is_cyr,
    _is_latin_ext,
    cyrillic_score,
    line_cache,
    odd_symbol_count,
)

log = logging.getLogger(__name__)

# The documented ftfy settings (README "Repair"):
# - uncurl_quotes off: it rewrites Russian „“ and typographic quotes the author chose;
# - fix_character_width off: it turns Chinese full-width punctuation （，） into ASCII;
# - NFC, never NFKC: NFKC turns "№5" into "No5" and superscript footnote marks into digits;
# - unescape_html off: entities are decoded by chars.unescape_entities everywhere, whereas
#   ftfy's "auto" silently stops at the first '<' of a document;
# - fix_line_breaks off: line ends are normalised (and counted) by chars.normalize_line_ends.
FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=True,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=True,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=True,
    normalization="NFC",
    explain=False,
)

# Characters that mean ftfy has something to do on a line even when its badness check is quiet:
# C1 controls, ligatures and digraphs it expands, surrogates, U+FFFD, ESC of terminal codes.
_ASCII_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_FTFY_TRIGGERS = re.compile(
    "[\x1b\x80-\x9f\ud800-\udfff\ufffd"
    + re.escape("".join(sorted(chr(c) for c in ftfy.chardata.LIGATURES)))
    + "]"
)

# (encoding the text was wrongly decoded with, encoding the bytes really were in).
# UTF-8 read as latin-1/cp1252 is left to ftfy, whose heuristics for it are finely tuned (a
# two-byte "É®" is valid UTF-8 too, and must stay as it is); UTF-8 read as cp1251 is tried here
# as well, because ftfy leaves "В\xa0" (a no-break space read as cp1251) between Latin words.
# Order matters only on a tie.
CYRILLIC_MIXUPS: tuple[tuple[str, str], ...] = (
    ("koi8_r", "utf-8"),
    ("cp866", "utf-8"),
    ("mac_cyrillic", "utf-8"),
    ("cp1251", "utf-8"),
    ("latin-1", "cp1251"),
    ("cp1252", "cp1251"),
    ("koi8_r", "cp1251"),
    ("cp1251", "koi8_r"),
    ("latin-1", "koi8_r"),
    ("cp1252", "koi8_r"),
    ("cp1251", "cp866"),
    ("koi8_r", "cp866"),
)

_IS_CYR = re.compile("[\u0400-\u04ff]")
_WORD = re.compile(r"[^\W\d_]+")
# A line is worth examining only if it has runs that single-byte mojibake produces:
# Latin-1 letters/symbols in a row, box drawing, rare Cyrillic letters after Р/С (UTF-8 read as
# cp1251), or (see _mostly_upper) Cyrillic mostly in upper case, as a KOI8-R/cp1251 swap leaves it.
# The regex engine skips in C every character outside the class that opens a pattern: that class
# holds the second character of each run (the rarer one: a Cyrillic letter of Russian prose is not
# in it, ASCII neither), and a look-behind then checks the first one. A match starts on the line
# where the run starts, as no class holds a line end.
_SUSPECT_OPEN = (
    "\u2500-\u25ff\u00a0-\u00ff\u0400-\u040f\u0452-\u045f\u0490\u0491\u201a\u2020\u2021\u20ac\u2030"
    "\u2039\u203a\u2122\u0080-\u00bf\u0152-\u0192\u02c6-\u02dc\u2013-\u2122"
)
_SUSPECT_RUNS = (
    # Cyrillic followed by a Latin-1 sign or a cp1251 special that prose does not put there, or
    # by a rare letter (UTF-8 read as cp1251 puts those after Р/С)
    "(?<=[\u0400-\u04ff][\u2500-\u25ff\u00a0-\u00aa\u00ac-\u00af\u00b1-\u00ba\u00bc-\u00bf"
    "\u201a\u2020\u2021\u20ac\u2030\u2039\u203a\u2122\u0400-\u040f\u0452-\u045f\u0490\u0491])"
    "|(?<=[\u2500-\u25ff])"  # box drawing: UTF-8 read as KOI8-R or cp866
    "|(?<=[\u00a0-\u00ff][\u00a0-\u00ff])"  # Latin-1 runs: cp1251/KOI8-R text read as latin-1
    "|(?<=[\u00c0-\u00ff][\u0080-\u00bf\u0152-\u0192\u02c6-\u02dc\u2013-\u2122])"  # UTF-8 read as cp1252
    "|(?<=[\u2013\u2014])[\u00a0-\u00bf\u0400-\u045f\u2020-\u2265]"  # mac-cyrillic lead bytes
)
_SUSPECT = re.compile(f"[{_SUSPECT_OPEN}](?:{_SUSPECT_RUNS})")

# A line must improve by this much (mean log-probability per letter) and reach this level.
MIN_GAIN = 1.5
MIN_SCORE = -8.0


def _char_class(chars: frozenset[str], negate: bool = False) -> re.Pattern[str]:
    """A pattern matching one character of ``chars`` (``negate``: one not in it), in ranges: a search
    with it is a scan in C, faster than a set of the text.

    >>> _char_class(frozenset("abcx")).pattern, bool(_char_class(frozenset("ab"), negate=True).search("abc"))
    ('[a-cx]', True)
    """
    cps = sorted(map(ord, chars))
    spans: list[list[int]] = []
    for c in cps:
        if spans and c == spans[-1][1] + 1:
            spans[-1][1] = c
        else:
            spans.append([c, c])
    body = "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in spans)
    return re.compile(f"[{'^' if negate else ''}{body}]")


def _repertoire(codec: str) -> frozenset[str]:
    """The characters a single-byte codec (ASCII-compatible) can encode."""
    return frozenset(bytes([b]).decode(codec, "ignore") for b in range(256)) - {""}


# What each "wrong" codec of CYRILLIC_MIXUPS can encode: a line with anything else cannot have
# been misread through it, which a search for a character outside it says without trying (and
# failing) to encode (it stops at the first such character: a Cyrillic letter for latin-1).
_REPERTOIRE = {wrong: _repertoire(wrong) for wrong in dict.fromkeys(w for w, _ in CYRILLIC_MIXUPS)}
_OUTSIDE = {wrong: _char_class(chars, negate=True) for wrong, chars in _REPERTOIRE.items()}
# Bytes that valid UTF-8 never holds: where one is, decoding fails (a raised and caught error each).
_NEVER_UTF8 = re.compile(b"[\xc0\xc1\xf5-\xff]")


def _mixups(line: str) -> Iterator[tuple[str, str, str]]:
    """Each mix-up of ``CYRILLIC_MIXUPS`` that changes the line: (wrong, right, the line undone).

    >>> [f"{w}>{r}: {f}" for w, r, f in _mixups("Òû")]
    ['latin-1>cp1251: Ты', 'cp1252>cp1251: Ты', 'latin-1>koi8_r: рШ', 'cp1252>koi8_r: рШ']
    """
    # The bytes of the line in each wrong codec, None where it cannot be written in it: several
    # mix-ups share a wrong codec.
    raw: dict[str, bytes | None] = {}
    for wrong, right in CYRILLIC_MIXUPS:
        if wrong in raw:
            data = raw[wrong]
        else:
            try:
                data = raw[wrong] = None if _OUTSIDE[wrong].search(line) else line.encode(wrong)
            except UnicodeEncodeError:
                data = raw[wrong] = None
        if data is None or (right == "utf-8" and _NEVER_UTF8.search(data)):
            continue
        try:
            fixed = data.decode(right)
        except UnicodeDecodeError:
            continue
        if fixed != line:
            yield wrong, right, fixed


_LETTER = re.compile(r"[^\W\d_]")
_CYR_UPPER = re.compile("[\u0410-\u042f\u0401]")
_CYR_LOWER = re.compile("[\u0430-\u044f\u0451]")


def _mostly_upper(line: str) -> bool:
    """Cyrillic letters mostly in upper case: a codepage swap turns lower case into upper case.

    >>> _mostly_upper("рТЙЧЕФ НЙТ"), _mostly_upper("Россия и Китай"), _mostly_upper("США")
    (True, False, True)
    """
    up = len(_CYR_UPPER.findall(line))
    # More capitals than lower-case letters: there is no up-th lower-case letter. (Prose has them
    # early in the line: counting them all would make an object of every one.)
    return up >= 2 and next(islice(_CYR_LOWER.finditer(line), up - 1, None), None) is None


# Cached for the document (see forget_lines): repair examines a line it has not changed again (its
# rounds, the block pass).
@line_cache
def fix_cyrillic_line(line: str, prior: str | None = None) -> tuple[str, str | None]:
    """Undo one codepage mix-up on a line if the result is clearly better Cyrillic.

    Returns ``(line, mixup)`` where mixup names what was undone ("koi8_r>utf-8") or is None.
    ``prior`` is a mix-up already found elsewhere in the document: for it, any real gain is
    enough, so short lines (a name, a heading) next to damaged paragraphs are repaired too.
    >>> fix_cyrillic_line("Òû äåëàåøü")
    ('Ты делаешь', 'latin-1>cp1251')
    """
    if line.isascii() or not (prior or _SUSPECT.search(line) or _mostly_upper(line)):
        return line, None
    base = cyrillic_score(line)
    # No text scores above 0 (every letter and symbol counted takes from it): a line scoring
    # within MIN_GAIN of 0 cannot gain enough from any mix-up, nor within half of it from the prior.
    if -base < MIN_GAIN / 2:
        return line, None
    if prior:
        # The document's own mix-up first: another one scoring a little higher on a short line
        # (a name, a number) is chance, not evidence.
        wrong, right = prior.split(">")
        try:
            fixed = line.encode(wrong).decode(right)
        except (UnicodeEncodeError, UnicodeDecodeError):
            fixed = line
        if fixed != line and cyrillic_score(fixed) - base >= MIN_GAIN / 2:
            return fixed, prior
    if -base < MIN_GAIN:
        return line, None
    evidence = -1
    best, best_score, best_name = line, base, None
    for wrong, right, fixed in _mixups(line):
        name = f"{wrong}>{right}"
        score = cyrillic_score(fixed)
        if not _IS_CYR.search(fixed):
            # Without Cyrillic in the result, only a spotless result counts, and only where the
            # line shows at least two marks of damage.
            if score < 0:
                continue
            if evidence < 0:
                evidence = damage_marks(line)
            if evidence < 2:
                continue
        if score > best_score:
            best, best_score, best_name = fixed, score, name
            if best_score >= 0:
                break  # a spotless result: no text scores above 0, so no later mix-up can beat it
    if best_name is None:
        return line, None
    gain = best_score - base
    # A strict UTF-8 decode is evidence of its own, and so is a result with no Cyrillic left to
    # judge; a single-byte swap must also read as real Cyrillic text.
    if gain >= MIN_GAIN and (best_score >= MIN_SCORE or best_name.endswith("utf-8") or not _IS_CYR.search(best)):
        return best, best_name
    return line, None


def damage_marks(line: str) -> int:
    """Characters that prose does not have: odd symbols, and letters of words that mix scripts or cases.

    >>> damage_marks("ChinaБ─≥s"), damage_marks("Россия и Китай")
    (8, 0)
    """
    n = odd_symbol_count(line)
    # Each word once (cached).
    for w in _WORD.findall(line):
        if not w.isascii():
            n += _word_marks(w)
    return n


@lru_cache(maxsize=65536)
def _word_marks(w: str) -> int:
    """A word's share of ``damage_marks``: all its letters if it mixes scripts or cases, else 0.

    >>> _word_marks("Китай"), _word_marks("КиТай"), _word_marks("Chinaб"), _word_marks("café")
    (0, 5, 6, 4)
    """
    cyr = sum(1 for c in w if _is_cyr(c))
    if cyr == len(w):
        return 0 if w.islower() or w.isupper() or (w[0].isupper() and w[1:].islower()) else len(w)
    return len(w) if cyr or any(_is_latin_ext(c) for c in w) else 0


def _fix_cyrillic_lines(lines: list[str], which: Iterable[int], prior: str | None = None,
                        suspects: Iterable[int] | None = None) -> tuple[str | None, int, set[int]]:
    """Fix the lines ``which`` in place; return the document's main mix-up, lines fixed, lines changed.

    ``suspects``, when given, are the lines of ``which`` that ``fix_cyrillic_line`` would examine
    without a prior (found by one scan of the whole text): the first pass looks at those only.
    """
    found: Counter[str] = Counter()
    before: dict[int, str] = {}
    if suspects is None:
        todo = [i for i in which if not lines[i].isascii()]
        first: Iterable[int] = todo
    else:
        todo = None
        first = suspects
    for i in first:
        fixed, how = fix_cyrillic_line(lines[i])
        if how:
            before.setdefault(i, lines[i])
            lines[i] = fixed
            found[how] += 1
            log.debug("cyrillic mojibake (%s) fixed on line %d", how, i + 1)
    if found:
        prior = found.most_common(1)[0][0]
    if prior:
        if todo is None:
            # The lines that were not ASCII before the first pass (a suspect line always was).
            todo = [i for i in which if i in before or not lines[i].isascii()]
        for i in todo:
            fixed, how = fix_cyrillic_line(lines[i], prior)
            if how:
                before.setdefault(i, lines[i])
                lines[i] = fixed
                found[how] += 1
    return prior, sum(found.values()), {i for i, line in before.items() if lines[i] != line}


@lru_cache(maxsize=4)  # enough for one text's scans; more would keep large documents alive
def _lines_matching(pattern: re.Pattern[str], text: str) -> tuple[int, ...]:
    r"""Indices of the lines of ``text`` (split on LF) where ``pattern`` matches; one scan of the text
    (``pattern`` must not match across a line end).

    Cached: repair asks again about a text it has not changed (``is_plain``, ``residual_damage``),
    and looking a string up costs a hash, not a scan.
    >>> _lines_matching(re.compile("x"), "ax\nb\nxx\nc")
    (0, 2)
    """
    out: list[int] = []
    line = pos = 0
    m = pattern.search(text)
    while m:
        line += text.count("\n", pos, m.start())
        out.append(line)
        end = text.find("\n", m.end())
        if end < 0:
            break
        line += 1
        pos = end + 1
        m = pattern.search(text, pos)
    return tuple(out)


# What every _mostly_upper line has: two capitals with at most one lower-case letter between them
# (more capitals than lower-case letters and no two capitals side by side leaves only "А и Б", one
# lower-case letter between each two). Prose has a lower-case letter right after nearly every
# capital, where the match fails at once; the classes hold no line end.
_UPPER = "\u0410-\u042f\u0401"
_UPPER_PAIR = "[^\n\u0410-\u044f\u0401\u0451]*(?:[\u0430-\u044f\u0451][^\n\u0410-\u044f\u0401\u0451]*)?[\u0410-\u042f\u0401]"
_CYR_UPPER_PAIR = re.compile(f"[{_UPPER}]{_UPPER_PAIR}")
# Either: the lines _cyrillic_suspects and residual_damage start from, found by one scan of a text
# rather than two (a line found is then asked again which it has).
_SUSPECT_OR_UPPER = re.compile(f"[{_SUSPECT_OPEN}{_UPPER}](?:{_SUSPECT_RUNS}|(?<=[{_UPPER}]){_UPPER_PAIR})")


def _cyrillic_suspects(text: str, lines: list[str]) -> list[int]:
    """The lines ``fix_cyrillic_line`` examines without a prior: those with a ``_SUSPECT`` run or
    mostly upper-case Cyrillic, found by scanning the whole text rather than every line."""
    return [i for i in _lines_matching(_SUSPECT_OR_UPPER, text) if _SUSPECT.search(lines[i]) or _mostly_upper(lines[i])]


def repair_encoding(text: str, cyrillic: bool = True, use_ftfy: bool = True) -> tuple[str, int, int]:
    """Cyrillic mix-ups, then ftfy, again on the lines one of them changed, until nothing changes.

    Undoing one layer of damage can reveal another (cp1251 read as latin-1, then that UTF-8 read
    as cp1252): going round until the text is stable is what makes repair idempotent.
    Returns ``(text, cyrillic lines fixed, ftfy lines fixed)``.
    >>> repair_encoding("ÃƒÂ¢")
    ('â', 0, 1)
    """
    if text.isascii() and not _ASCII_CONTROLS.search(text):
        return text, 0, 0  # no mix-up changes ASCII, and ftfy has nothing to do in it
    lines = text.split("\n")
    n_cyr = n_ftfy = 0
    todo: Iterable[int] = range(len(lines))
    prior: str | None = None
    for round_ in range(3):
        changed: set[int] = set()
        if cyrillic:
            # First round: the suspect lines come from one scan of the whole text.
            suspects = _cyrillic_suspects(text, lines) if round_ == 0 else None
            prior, k, changed = _fix_cyrillic_lines(lines, todo, prior, suspects)
            n_cyr += k
        if use_ftfy:
            # ftfy can change only a line with a character outside _SAFE (see needs_ftfy): in the
            # first round, those of the text as it came and those the mix-ups changed.
            check = sorted(changed.union(_lines_matching(_UNSAFE, text))) if round_ == 0 else todo
            for i in check:
                line = lines[i]
                fixed = ftfy_line(line)
                if fixed != line:
                    lines[i] = fixed
                    n_ftfy += 1
                    changed.add(i)
        if not changed or not (cyrillic and use_ftfy):
            break
        todo = sorted(changed)
    if not (n_cyr or n_ftfy):
        return text, 0, 0
    return "\n".join(lines), n_cyr, n_ftfy


def residual_damage(text: str, limit: int = 3) -> tuple[int, list[int]]:
    """Lines that still look like mojibake after repair: how many, and the first few line numbers.

    Repair leaves a line it cannot decide as it was; this is what the warning reports.
    >>> residual_damage("fine\\nÒû\\nЯ╚п╩ ╬╦▒▓ ╡╢ └┘")
    (1, [3])
    """
    if is_plain(text):
        return 0, []
    lines = text.split("\n")
    found = [i + 1 for i in _lines_matching(_SUSPECT_OR_UPPER, text)
             if _SUSPECT.search(lines[i]) and _LETTER.search(lines[i]) and damage_marks(lines[i]) >= 3]
    return len(found), found[:limit]


# Cached for the document (see forget_lines): both ftfy and its pre-check cost a scan or more of a
# long line, and repair asks again about every unsafe line it has not changed (its rounds, the
# block pass); a look-up costs one hash of the line.
@line_cache
def ftfy_line(line: str) -> str:
    """ftfy (``FTFY_CONFIG``) on one line, if it ``needs_ftfy``.

    >>> ftfy_line("cafÃ©"), ftfy_line("Россия и Китай")
    ('café', 'Россия и Китай')
    """
    return ftfy.fix_text(line, FTFY_CONFIG) if needs_ftfy(line) else line


def needs_ftfy(line: str) -> bool:
    """True when ftfy could change the line: the cheap pre-check that keeps ftfy off clean text.

    >>> needs_ftfy("plain English"), needs_ftfy("cafÃ©")
    (False, True)
    """
    if line.isascii():
        return bool(_ASCII_CONTROLS.search(line))
    # (Searches in C rather than a set of the line's characters, which costs an object each.)
    if not _UNSAFE.search(line):
        return False
    return (bool(_FTFY_TRIGGERS.search(line)) or (_may_be_bad(line) and is_bad(line))
            or not unicodedata.is_normalized("NFC", line))


def _expand_class(body: str) -> set[str]:
    """The characters of a regex class body made of characters and ``a-b`` ranges (no escapes).

    >>> sorted(_expand_class("a-cx"))
    ['a', 'b', 'c', 'x']
    """
    out: set[str] = set()
    i = 0
    while i < len(body):
        if i + 2 < len(body) and body[i + 1] == "-":
            out.update(chr(c) for c in range(ord(body[i]), ord(body[i + 2]) + 1))
            i += 3
        else:
            out.add(body[i])
            i += 1
    return out


# ftfy's is_bad is one large regex whose alternatives try at every Cyrillic or Latin letter of a
# line: on Russian prose it costs more than all the rest of needs_ftfy. Every one of its
# alternatives (read from ftfy 6's badness.BADNESS_RE) holds a character of the categories below
# or Ђ (in "вЂ", "ГўВЂВ"), except two three-character ones: a capital В Г Р С (or Greek Β Γ Ξ Ο)
# on both sides of an opening or closing quote. A line with none of these cannot be bad, which a
# set test and one scan say. If ftfy's regex is not the one read, the check is left out.
_BADNESS_READ = "9dcc0f2ac90d9ae3c85eb7b9b2c0b8a8e8126153847c2b30c91a0bb263f3b8c4"
_BAD_CUES = frozenset(set().union(*(
    _expand_class(ftfy.badness.MOJIBAKE_CATEGORIES[k])
    for k in ("c1", "bad", "lower_accented", "upper_accented", "box", "currency", "numeric", "law", "kaomoji")
)) | {"\u0402"})
_QUOTES = "".join(sorted(_expand_class(ftfy.badness.MOJIBAKE_CATEGORIES["start_punctuation"])
                         | _expand_class(ftfy.badness.MOJIBAKE_CATEGORIES["end_punctuation"])))
_TRIPLE_ENDS = "\u0412\u0413\u0420\u0421\u0392\u0393\u039e\u039f"  # В Г Р С, Β Γ Ξ Ο
_BAD_TRIPLE = re.compile(f"[{_TRIPLE_ENDS}][{re.escape(_QUOTES)}][{_TRIPLE_ENDS}]")
_BADNESS_AS_READ = hashlib.sha256(ftfy.badness.BADNESS_RE.pattern.encode()).hexdigest() == _BADNESS_READ


def _may_be_bad(line: str) -> bool:
    """False only where ftfy's ``is_bad`` is sure to be False.

    >>> _may_be_bad("Россия и Китай «вместе»"), _may_be_bad("cafÃ©")
    (False, True)
    """
    return not (_BADNESS_AS_READ and not _BAD_CUE.search(line) and not _BAD_TRIPLE.search(line))


def _safe_chars() -> frozenset[str]:
    """Characters no mojibake ftfy undoes can be made of alone: printable ASCII, the basic Russian
    alphabet, CJK, and the typography of ordinary prose. (Mojibake always holds a Latin-1 letter,
    a cp1252/cp1251 special such as € ‚ ™ or µ, a rare Cyrillic letter such as ѕ, or a control.)"""
    ranges = [(0x20, 0x7E), (0x410, 0x44F), (0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF),
              (0x3000, 0x303F), (0xFF01, 0xFF5E), (0xAC00, 0xD7A3)]
    chars = {chr(c) for a, b in ranges for c in range(a, b + 1)}
    chars.update("\t\n\f\r\u0401\u0451‘’“”„«»–—…•№§")
    return frozenset(chars)


_SAFE = _safe_chars()


_UNSAFE = _char_class(_SAFE, negate=True)
_BAD_CUE = _char_class(_BAD_CUES)


def is_plain(text: str) -> bool:
    """Only characters no mojibake is made of alone (see ``_safe_chars``).

    >>> is_plain("Россия и Китай — “partners”"), is_plain("cafÃ©")
    (True, False)
    """
    return not _lines_matching(_UNSAFE, text)


# The cached functions themselves, taken when this module is loaded: ``explain`` may later wrap the
# module's names to trace calls.
_LINE_CACHED = (fix_cyrillic_line, ftfy_line, cyrillic_score)


def forget_lines() -> None:
    """Empty the line caches (``fix_cyrillic_line``, ``ftfy_line``, ``cyrillic_score``); repair calls it
    per document.

    They serve one document's repeated questions. Kept across documents they would also answer for
    lines other documents share, which makes a corpus of near-copies (a mirror, a benchmark built
    from a few documents) look cheaper than real text, and keeps lines of finished documents alive.
    """
    for fn in _LINE_CACHED:
        fn.cache_clear()  # type: ignore[attr-defined]
