"""Small text helpers shared by the metadata extractors: shapes of lines, scripts, cue words.

Everything here is a pure function over strings (or over a Document, read-only), so each rule can
be tested alone from a table of inputs and outputs.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from pipeline.document import Document
from pipeline.letters import alpha_count as letter_count  # str.isalpha's count, with fast paths
from pipeline.letters import non_ascii

# Scripts and the languages written in them (ISO 639-1), used when a piece of text has no segment
# of its own (a running header, a footnote fragment): the document's own languages decide.
SCRIPT_LANGS: dict[str, tuple[str, ...]] = {
    "cyrillic": ("ru", "uk", "bg", "be", "sr", "mk", "kk"),
    "latin": ("en", "de", "fr", "es", "it", "pt", "pl", "nl", "cs", "sv", "fi", "tr", "vi", "id"),
    "han": ("zh", "ja"),
    "kana": ("ja",),
    "hangul": ("ko",),
}

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"


def squash(text: str) -> str:
    """Collapse runs of whitespace (newlines included) into one space and trim.

    ``"  Размышления\\n о  дипломатии "`` -> ``"Размышления о дипломатии"``
    """
    return " ".join(text.split())


def strip_marks(text: str) -> str:
    """Remove leftover markdown emphasis and heading marks (and inline HTML tags) around a line.

    ``"# **Experience and Enlightenment**"`` -> ``"Experience and Enlightenment"``;
    ``"Anna Smith<sup>1</sup>"`` -> ``"Anna Smith1"``; ``"Ann Lee* and Tom Ray**"`` and ``"Tom Ray**"`` are kept
    as printed
    """
    # Each rule runs only when its mark is there at all (most lines have none).
    t = text.strip()
    if "<" in t:
        # HTML left by a converter: a superscript is an affiliation or footnote marker, other tags go.
        t = _SUP_RE.sub(r"\1", t)
        t = _TAG_RE.sub("", t)
    if "#" in t:
        t = _HEADING_MARK_RE.sub("", t)
    if "**" in t or "__" in t:
        # Bold opens before a word and closes after one; "Lee*, Ray**, Li***" are footnote markers.
        t = _BOLD_RE.sub(r"\2", t)
    # Half a bold pair (the other half on another line), unless the asterisks mark names or entries:
    # "** Aalto University" (a marker before a space), "Lee* and Ray**" (markers after names).
    t = t.strip()
    if "**" in t:
        t = _HALF_BOLD_START_RE.sub("", t)
        if not _NAME_MARKER_RE.search(t[:-2]) and not _is_marked_name(t):
            t = _HALF_BOLD_END_RE.sub("", t)
    return t.strip()


def _is_marked_name(text: str) -> bool:
    """A short line of capitalised words ending with "**": a second author's name and its marker, the
    first author's on the line above. ``"Tomasz Kędzierski**"`` -> True; ``"the end of a bold line**"`` -> False"""
    words = text[:-2].split()
    return text.endswith("**") and 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


_SUP_RE = re.compile(r"<sup>\s*([^<]{1,12}?)\s*</sup>", re.IGNORECASE)
_TAG_RE = re.compile(r"</?(?:sup|sub|b|i|em|strong|span|a|br|u|small)(?:\s[^<>]*)?/?>", re.IGNORECASE)
_HEADING_MARK_RE = re.compile(r"^\s*#{1,6}\s+")
_BOLD_RE = re.compile(r"(?<![\w*])(\*\*|__)(?=[^\s*])(.+?)(?<=[^\s*])\1(?![\w*])")
_HALF_BOLD_START_RE = re.compile(r"^\*\*(?=[^\s*])")
_NAME_MARKER_RE = re.compile(r"\w\*(?!\*)")
_HALF_BOLD_END_RE = re.compile(r"(?<=[^\s*])\*\*$")


def norm_dashes(text: str) -> str:
    """Replace the many Unicode dashes by a plain hyphen-minus.

    ``"50–64"`` -> ``"50-64"``
    """
    return text.translate({ord(c): "-" for c in _DASHES})


def script_of(ch: str) -> str | None:
    """The script of one character (``cyrillic``, ``latin``, ``han``, ``kana``, ``hangul``) or None.

    ``"ж"`` -> ``"cyrillic"``; ``"A"`` -> ``"latin"``; ``"中"`` -> ``"han"``; ``"1"`` -> ``None``
    """
    if not ch.isalpha():
        return None
    o = ord(ch)
    if 0x0400 <= o <= 0x052F:
        return "cyrillic"
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF:
        return "han"
    if 0x3040 <= o <= 0x30FF:
        return "kana"
    if 0xAC00 <= o <= 0xD7AF or 0x1100 <= o <= 0x11FF:
        return "hangul"
    if o < 0x0250 or 0x1E00 <= o <= 0x1EFF:
        return "latin"
    return unicodedata.name(ch, "").split(" ")[0].lower() or None


def main_script(text: str) -> str | None:
    """The script most letters of ``text`` are written in, or None when it has no letters.

    ``"Вестник востоковедения 2024"`` -> ``"cyrillic"``; ``"Oriental Studies"`` -> ``"latin"``
    """
    counts = Counter(s for s in map(script_of, text) if s)
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def lang_by_script(text: str, languages: dict[str, float]) -> str:
    """Language of a short text that has no segment: the document language written in its script.

    Falls back to ``und`` when the document has no language in that script (never a guess).
    ``("Oriental Studies", {"ru": 0.7, "en": 0.3})`` -> ``"en"``; ``("Азия", {"en": 1.0})`` -> ``"und"``
    """
    script = main_script(text)
    if script is None:
        return "und"
    candidates = SCRIPT_LANGS.get(script, ())
    present = [(share, lang) for lang, share in languages.items() if lang in candidates]
    if present:
        return max(present)[1]
    return "und"


# Every byte but those of the ASCII whitespace.
_NOT_ASCII_SPACE = bytes(c for c in range(256) if not (c < 128 and chr(c).isspace()))


def space_count(text: str) -> int:
    """``sum(map(str.isspace, text))``: the ASCII spaces counted in the UTF-8 bytes by one
    ``translate``, only the other characters one by one (none, in English text). ``"a b  c"`` -> ``3``
    """
    b = text.encode("utf-8", "surrogatepass")  # a lone surrogate (no space) too
    n = len(b.translate(None, _NOT_ASCII_SPACE))
    if text.isascii():
        return n
    return n + sum(map(str.isspace, non_ascii(b)))


def nonspace_count(text: str) -> int:
    """How many characters of ``text`` are not whitespace: ``squash`` keeps every one of them, so
    ``len(squash(text))`` is at least this (and at most ``len(text)``), found without building the
    squashed text. ``"  a\u00a0 b  "`` -> ``2`` (``squash`` gives ``"a b"``)
    """
    return len(text) - space_count(text)


def letters_share(text: str) -> float:
    """Share of non-space characters that are letters.

    ``"Keywords: a, b"`` -> ``0.833...``; ``"50"`` -> ``0.0``
    """
    # Counted in C, not over a list of the characters: a letter is never a space.
    visible = len(text) - space_count(text)
    if not visible:
        return 0.0
    return letter_count(text) / visible


def word_count(text: str) -> int:
    """Number of whitespace-separated words. ``"A New Journey"`` -> ``3``"""
    return len(text.split())


def ends_sentence(text: str) -> bool:
    """True when the text ends like a sentence (a full stop, not an abbreviation-free title).

    ``"It is good."`` -> True; ``"A New Chapter in Arctic Shipping"`` -> False;
    ``"Why now?"`` -> False (a question is a common headline)
    """
    t = text.rstrip(" \t\"'”»)")
    return t.endswith((".", ";", ":")) and not re.search(r"\b[A-ZА-ЯЁ]\.$", t)


def cue_regex(cues: Iterable[str]) -> str:
    """A regex alternation of cue phrases, longest first, tolerant of spacing and hyphens inside.

    ``["key words", "keywords"]`` -> ``"key[\\s\\-]+words|keywords"``
    """
    parts = sorted(set(cues), key=len, reverse=True)
    return "|".join(re.sub(r"\\[ \-]", r"[\\s\\-]+", re.escape(p)) for p in parts)


def cue_trie_regex(cues: Iterable[str]) -> str:
    """``cue_regex`` with the cues' common beginnings factored out: it matches exactly what that one
    matches (where one cue begins another, the longer is still tried first), but the regex engine
    tests a position's first letter once instead of once per cue.

    ``["key words", "keywords", "abstract"]`` -> ``"(?:abstract|key(?:[\\s\\-]+words|words))"``
    """
    sep = r"[\s\-]+"
    trie: dict[str, dict] = {}
    for cue in set(cues):
        node = trie
        for tok in (sep if ch in " -" else re.escape(ch) for ch in cue):
            node = node.setdefault(tok, {})
        node[""] = {}  # a cue ends here

    def emit(node: dict[str, dict]) -> str:
        # Continuations first, the end of a shorter cue last: the longest cue wins, as in cue_regex.
        alts = [tok + emit(child) for tok, child in sorted(node.items()) if tok] + [""] * ("" in node)
        if len(alts) == 1:
            return alts[0]
        return "(?:" + "|".join(alts) + ")"

    return emit(trie)


def cue_start_classes(cues: Iterable[str], width: int = 2) -> str:
    """The character classes of the cues' first ``width`` characters, for a lookahead put before
    their alternation: each position then costs a test or two of one character class (a class is
    tested at once, while each alternative of a case-insensitive alternation is entered and left in
    turn). The classes stop before the first space or hyphen of any cue (a run of separators in the
    text), so they hold wherever a cue starts, and ``(?=classes)`` + ``cue_trie_regex(cues)`` matches
    what the alternation does.

    ``["key words", "abstract", "doi"]`` -> ``"[adk][beo]"``; ``["a b", "cd"]`` -> ``"[ac]"``
    """
    cues = set(cues)
    width = min([width] + [len(re.split(r"[ \-]", c, maxsplit=1)[0]) for c in cues])
    if not cues or width < 1:
        return ""
    return "".join("[" + re.escape("".join(sorted({c[i] for c in cues}))) + "]" for i in range(width))


def block_lang(doc: Document, index: int) -> str:
    """Language of block ``index``: its segments' languages weighted by characters (the languages
    stage decided them), else the document language written in the block's script."""
    return span_lang(doc, index, 0, len(doc.blocks[index].text))


def segment_spans(doc: Document, index: int) -> list[tuple[int, int, str]]:
    """Where the segments of block ``index`` sit in its text, in order: ``(start, end, lang)``.

    Each is looked for from the end of the one before (else anywhere); one that is not found is left out.
    """
    text = doc.blocks[index].text
    out = []
    cursor = 0
    for seg in doc.segments:
        if seg.block != index or not seg.text:
            continue
        at = text.find(seg.text, cursor)
        if at < 0:
            at = text.find(seg.text)
        if at < 0:
            continue
        cursor = at + len(seg.text)
        out.append((at, cursor, seg.lang))
    return out


def span_lang(doc: Document, index: int, start: int, end: int,
              spans: list[tuple[int, int, str]] | None = None) -> str:
    """Language of characters ``start:end`` of block ``index``, from the segments that overlap it.

    The segments of a block are located in its text in order (``segment_spans``; pass them as
    ``spans`` when asking about many spans of one block); each contributes the characters it shares
    with the span. Without any overlapping segment, the script decides (``lang_by_script``).
    """
    text = doc.blocks[index].text
    weights: Counter[str] = Counter()
    for at, stop, lang in segment_spans(doc, index) if spans is None else spans:
        overlap = min(end, stop) - max(start, at)
        if overlap > 0 and lang:
            weights[lang] += letter_count(text[max(start, at) : min(end, stop)]) or 1
    if weights:
        best = max(weights.items(), key=lambda kv: (kv[1], kv[0] != "und", kv[0]))
        if best[0] != "und":
            return best[0]
    return lang_by_script(text[start:end], doc.languages)


def unique(items: Iterable[str]) -> list[str]:
    """Items without repeats, in order of first appearance. ``["a", "b", "a"]`` -> ``["a", "b"]``"""
    seen: set[str] = set()
    out: list[str] = []
    for it in items:
        if it not in seen:
            seen.add(it)
            out.append(it)
    return out


_TRAILING_PUNCT = ".,;:!?'’\"”»"


def trim_trailing(token: str, open_of: dict[str, str]) -> str:
    """Trim the sentence punctuation printed after an identifier, and closing brackets (keys of
    ``open_of``, mapped to their opening ones) that close nothing inside it.

    ``trim_trailing("a(b)c).", {")": "("})`` -> ``"a(b)c"``; ``trim_trailing("a(b)", {")": "("})`` -> ``"a(b)"``
    """
    t = token
    while t:
        last = t[-1]
        if last in _TRAILING_PUNCT or (last in open_of and t.count(last) > t.count(open_of[last])):
            t = t[:-1]
        else:
            break
    return t
