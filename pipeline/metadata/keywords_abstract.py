"""Keywords and abstracts, per language, with their cue words removed.

A cue (``Аннотация.``, ``Abstract:``, ``**Keywords:**``, ``Ключевые слова:``) opens a block or follows
a sentence end inside one (PDF extraction often runs the Russian keywords and the English abstract
together). What follows the cue, up to the next cue, is the content; a cue alone on its line takes
the next paragraph. Keyword lists are split on their separator; when two lists are translations of
each other, the one split on commas is regrouped to the other's length, so a keyword that contains a
comma stays whole.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from pipeline.metadata.text import cue_start_classes, cue_trie_regex, squash, strip_marks

KEYWORD_CUES = (
    "ключевые слова", "ключевые понятия", "ключевые термины", "key words", "keywords", "key-words", "key terms",
    "index terms", "ключові слова", "mots-clés", "mots clés", "schlüsselwörter", "schlagwörter", "palabras clave",
    "parole chiave", "palavras-chave", "słowa kluczowe", "klíčová slova", "关键词", "關鍵詞", "キーワード",
    "ключови думи", "кључне речи", "ključne reči", "клучни зборови", "ключавыя словы",
    "anahtar kelimeler", "anahtar sözcükler", "түйін сөздер", "түйінді сөздер", "тірек сөздер",
    "trefwoorden", "sleutelwoorden", "cuvinte cheie", "cuvinte-cheie", "kulcsszavak", "nyckelord", "avainsanat",
)
ABSTRACT_CUES = (
    "аннотация", "abstract", "резюме", "реферат", "анотація", "анотация", "summary", "résumé", "zusammenfassung",
    "resumen", "riassunto", "resumo", "streszczenie", "abstrakt", "摘要", "要旨", "概要",
    "апстракт", "сажетак", "анатацыя", "özet", "öz", "аңдатпа", "түйін",
    "samenvatting", "rezumat", "souhrn", "összefoglaló", "sammanfattning", "tiivistelmä",
    "rezime", "резиме", "sažetak", "povzetek", "súhrn", "anotace",
    "résumé de l'article", "résumé de l’article", "аннотация статьи",
)
# The language a cue word is in, where only one language of the allowed list uses it ("резюме" is
# Russian and Bulgarian, "abstrakt" German, Polish and Czech: left out).
_CUE_LANG = {
    "en": ("key words", "keywords", "key-words", "key terms", "index terms", "abstract", "summary"),
    "ru": ("ключевые слова", "ключевые понятия", "ключевые термины", "аннотация", "реферат", "аннотация статьи"),
    "uk": ("ключові слова", "анотація"),
    "fr": ("mots-clés", "mots clés", "résumé", "résumé de l'article", "résumé de l’article"),
    "de": ("schlüsselwörter", "schlagwörter", "zusammenfassung"),
    "es": ("palabras clave", "resumen"),
    "it": ("parole chiave", "riassunto"),
    "pt": ("palavras-chave", "resumo"),
    "pl": ("słowa kluczowe", "streszczenie"),
    "bg": ("ключови думи",),
    "sr": ("кључне речи", "ključne reči", "сажетак"),
    "mk": ("клучни зборови",),
    "be": ("ключавыя словы", "анатацыя"),
    "tr": ("anahtar kelimeler", "anahtar sözcükler", "özet", "öz"),
    "kk": ("түйін сөздер", "түйінді сөздер", "тірек сөздер", "аңдатпа", "түйін"),
    "nl": ("trefwoorden", "sleutelwoorden", "samenvatting"),
    "cs": ("klíčová slova", "souhrn", "anotace"),
    "sk": ("súhrn",),
    "sl": ("povzetek",),
    "ro": ("cuvinte cheie", "cuvinte-cheie", "rezumat"),
    "hu": ("kulcsszavak", "összefoglaló"),
    "sv": ("nyckelord", "sammanfattning"),
    "fi": ("avainsanat", "tiivistelmä"),
}
def cue_language(cue: str) -> str | None:
    """The language a cue word is printed in, when only one language uses it.

    ``"Key words"`` -> ``"en"``; ``"Palabras clave"`` -> ``"es"``; ``"Резюме"`` -> ``None`` (ru and bg)
    """
    return _LANG_OF_CUE.get(_cue_key(cue))


def _cue_key(cue: str) -> str:
    return _SEPARATORS_RE.sub(" ", cue.lower()).strip()


# Cues that only open a block: as a word after a full stop they are too common.
BLOCK_START_ONLY = {"summary", "резюме", "résumé", "resumen", "resumo", "概要", "rezime", "резиме"}
# Cues that end a keyword list or an abstract without being one.
STOP_CUES = (
    "doi", "jel", "jel classification", "удк", "udc", "ббк", "для цитирования", "for citation", "cite as",
    "введение", "introduction", "благодарности", "acknowledgements", "acknowledgments", "funding",
    "финансирование", "received", "поступила в редакцию", "статья поступила", "конфликт интересов",
    "conflict of interest", "conflicts of interest", "about the authors", "about the author", "об авторах",
    "об авторе", "информация об авторах", "информация об авторе", "сведения об авторах", "сведения об авторе",
    "information about the authors", "information about the author", "author information", "notes on contributors",
    "highlights",
)

_LOWER = "a-zа-яёß-ÿ"
_KIND_OF = {c: "keywords" for c in KEYWORD_CUES} | {c: "abstract" for c in ABSTRACT_CUES} | {c: "stop" for c in STOP_CUES}
# Every cue, as a trie (a position where no cue starts costs one test, not one per cue), behind a
# lookahead of the classes of the cues' first two characters (a test or two where none starts).
_START_CLASSES = cue_start_classes(_KIND_OF)
_ALL = f"(?={_START_CLASSES})" + cue_trie_regex(_KIND_OF)
_SEPARATORS_RE = re.compile(r"[\s\-]+")
_LANG_OF_CUE = {_cue_key(cue): lang for lang, cues in _CUE_LANG.items() for cue in cues}
_KIND_BY_KEY: dict[str, str] = {}
for _cue, _kind in _KIND_OF.items():
    _KIND_BY_KEY.setdefault(_cue_key(_cue), _kind)
_SEP = r"[:.：—–\-]"
# A cue at the start of the block, with or without markdown bold around it.
_START_RE = re.compile(rf"^\s*(?:[#>]+\s*)?(?:\*\*|__)?(?P<cue>{_ALL})(?:\*\*|__)?\s*(?P<sep>{_SEP})?(?:\*\*|__)?\s*",
                       re.IGNORECASE)
# A cue after a sentence end (or a line break) inside a block; it must be followed by its separator.
_INNER_RE = re.compile(rf"(?:(?<=[.!?»”\"])\s+|\n\s*)(?:\*\*|__)?(?P<cue>{_ALL})(?:\*\*|__)?\s*(?P<sep>{_SEP})(?:\*\*|__)?\s*",
                       re.IGNORECASE)


_COLON_RE = re.compile(rf"(?<=\S)\s+(?:\*\*|__)?(?P<cue>{_ALL})(?:\*\*|__)?\s*(?P<sep>:)(?:\*\*|__)?\s*", re.IGNORECASE)

# Scanning a whole block with _INNER_RE or _COLON_RE tries a match at every space; the functions below
# give the same matches while trying only where one can start. _INNER_RE starts at a line break or
# just after a sentence end, and its cue starts as a cue does (_START_CLASSES): each such mark
# is looked for by a pattern of its own (one that starts with a literal character is scanned for in
# a tight loop, while a class holding "»" and "”", a big charset, costs a function call per character
# of the text), and _INNER_RE is tried only where the cues' first two letters' classes follow. A "?" group is written as a
# branch with an empty alternative: the same tries in the same order, without a repeat.
_INNER_MARKS = '.!?»”"\n'  # the characters _INNER_RE's lookbehind reads, and the line break
_INNER_AT_BY_CHAR = tuple(
    (ch, re.compile(re.escape(ch) + rf"(?=\s*(?:\*\*|__|){_START_CLASSES})", re.IGNORECASE)) for ch in _INNER_MARKS
)
# _COLON_RE's matches each hold a colon, with only spaces, '*', '_', '-' and the cue's letters (at most
# 26 of them) before it. Read backwards from a colon, this covers at least that much: a search from
# there, up to the colon, finds the match the colon belongs to.
_MAX_CUE_LETTERS = max(len(re.sub(r"[\s\-]", "", c)) for c in _KIND_OF)
_BACK_RE = re.compile(rf"[\s*_\-]*(?:[^\W\d_][\s*_\-]*){{0,{_MAX_CUE_LETTERS}}}")


def inner_cue_marks(text: str) -> list[int]:
    """Where a mark (a sentence end, a line break) is followed by spaces, bold marks and a letter a
    cue may start with, in order; each mark character is looked for only when the text holds it.

    ``"Text. Keywords: a. Then."`` -> ``[4]``
    """
    at: list[int] = []
    for ch, rx in _INNER_AT_BY_CHAR:
        if ch in text:
            at += [m.start() for m in rx.finditer(text)]
    at.sort()  # the characters differ, so do their positions: sorted, they come as one scan gives them
    return at


def _inner_matches(text: str) -> list[re.Match[str]]:
    """``list(_INNER_RE.finditer(text))``, trying only the positions where a match can start.

    Every start of a match follows one of ``inner_cue_marks``; a mark where none starts only costs a
    failed try, and a start tried twice (".\n") fails or is passed the second time alike.
    """
    out = []
    pos = 0
    tried = -1
    for at in inner_cue_marks(text):
        start = at if text[at] == "\n" else at + 1
        if start == tried:  # ".\n": the full stop and the line break give the same start
            continue
        tried = start
        if start >= pos and (m := _INNER_RE.match(text, start)):
            out.append(m)
            pos = m.end()
    return out


def _colon_matches(text: str) -> list[re.Match[str]]:
    """``list(_COLON_RE.finditer(text))``, searching only the stretch before each colon."""
    out: list[re.Match[str]] = []
    colon = text.find(":")
    if colon < 0:
        return out
    backwards = text[::-1]
    n = len(text)
    pos = 0
    while colon >= 0:
        if colon >= pos:
            lo = n - _BACK_RE.match(backwards, n - colon).end()
            # The leftmost match that holds this colon (or none); then in full, past the colon.
            m = _COLON_RE.search(text, max(pos, lo), colon + 1)
            if m:
                m = _COLON_RE.match(text, m.start())
                assert m is not None
                out.append(m)
                pos = m.end()
        colon = text.find(":", colon + 1)
    return out


@dataclass(frozen=True)
class CuePart:
    """A cued part of a block: its kind (``abstract``, ``keywords`` or ``stop``) and where its content is."""

    block: int
    kind: str
    cue: str
    start: int  # content start in the block text (after the cue)
    end: int  # content end (the next cue, or the block end)
    cue_start: int


def cue_kind(cue: str) -> str:
    """The kind a cue word announces. ``"Key words"`` -> ``"keywords"``; ``"Аннотация"`` -> ``"abstract"``"""
    return _KIND_BY_KEY.get(_cue_key(cue), "stop")


def find_cues(text: str, block: int = 0) -> list[CuePart]:
    """The cued parts of one block's text, in order.

    ``"Ключевые слова: a, b. Abstract. Text."`` -> keywords part ``"a, b."`` and abstract part ``"Text."``;
    ``"In summary: it works."`` -> ``[]`` (a cue inside a sentence is not one)
    """
    hits: list[tuple[int, int, str]] = []  # (cue start, content start, cue)
    m = _START_RE.match(text)
    if m:
        cue = m.group("cue")
        rest = text[m.end() :]
        # A block-start cue needs a separator, or to stand alone, or to be followed by a paragraph that
        # starts with a capital ("Abstract Current relations ..." after the bold marks were lost; a short
        # "Abstract Expressionism and the Cold War" is a title).
        alone = not rest.strip()
        # A keyword heading merged with its list ("Keywords sanctions, energy, Russia") shows the list's separator.
        list_follows = cue_kind(cue) == "keywords" and re.search(r"[,;·•]", rest.split("\n", 1)[0]) is not None
        run_in = (rest[:1].isupper() and len(rest) >= 100 and rest.rstrip().endswith((".", "!", "?"))
                  and cue.lower() not in BLOCK_START_ONLY)
        if m.group("sep") or alone or list_follows or run_in:
            hits.append((m.start("cue"), m.end(), cue))
    inner = _inner_matches(text)
    # Without a full stop before it (a keyword list runs into the next field when lines are unwrapped),
    # a cue still counts when printed capitalised and followed by a colon: "... нефть и газ Для цитирования:".
    inner += [m for m in _colon_matches(text) if m.group("cue")[0].isupper()]
    if not hits and not inner:  # most blocks: nothing to sort or record
        return []
    taken = {h[0] for h in hits}  # cue starts already read (a set: a block may hold thousands)
    for m in sorted(inner, key=lambda m: m.start("cue")):
        cue = m.group("cue")
        if m.start("cue") in taken:
            continue
        if cue.lower() in BLOCK_START_ONLY or (hits and m.start() < hits[-1][1]):
            continue
        if m.group("cue").lower() == "doi" and not re.match(r"\s*10\.", text[m.end() :]):
            continue
        hits.append((m.start("cue"), m.end(), cue))
        taken.add(m.start("cue"))
    hits.sort()
    parts = []
    for n, (cs, s, cue) in enumerate(hits):
        e = hits[n + 1][0] if n + 1 < len(hits) else len(text)
        parts.append(CuePart(block, cue_kind(cue), cue, s, e, cs))
    return parts


def clean_abstract(text: str) -> str:
    """Abstract text with whitespace squashed, stray markdown marks removed, and the run-in label of a
    structured abstract's first section dropped.

    ``"**Abstract:** China and\\nRussia ..."`` after the cue -> ``"China and Russia ..."``;
    ``"Цель. Оценить распространенность ..."`` -> ``"Оценить распространенность ..."``;
    ``"Mill Law on the Upper Rivers. – Based on 58 lawsuits ..."`` -> ``"Based on 58 lawsuits ..."``
    """
    t = squash(strip_marks(text).replace("**", ""))
    m = _SECTION_LABEL_RE.match(t)
    if m and t[m.end():m.end() + 1].isupper():
        return t[m.end():]
    # (A summary that opens with the article's title in its language, a full stop and a dash, as German
    # journals print it: "Mill Law on the Upper Rivers. – Based on 58 lawsuits ...".)
    m = _TITLE_THEN_DASH_RE.match(t)
    return t[m.end():] if m and _title_cased(m.group(1)) else t


def _title_cased(text: str) -> bool:
    """Whether ``text`` reads as a title in title case: three words or more, and most of its words of four
    letters or more capitalised. ``"Mill Law on the Upper Rivers"`` -> True; ``"We study rivers"`` -> False
    """
    words = text.split()
    long = [w for w in words if len(w) >= 4 and w[:1].isalpha()]
    return len(words) >= 3 and bool(long) and 2 * sum(w[:1].isupper() for w in long) > len(long)


# A title run in before the summary: no sentence end in it, then ". – " and a capital.
_TITLE_THEN_DASH_RE = re.compile(r"([^.!?]{10,300}[^\s.!?])\.\s+[–—]\s+(?=[A-ZÀ-ÖØ-ÞА-ЯЁ])")
# The first section of a structured abstract, run in: "Цель.", "Aim:", "Objective.", "Background:".
_SECTION_LABEL_RE = re.compile(
    r"(?:цель|цели|цель исследования|цель работы|актуальность|обоснование|введение|мета|мета дослідження|"
    r"актуальність|aims?|objectives?|purpose|background|introduction|context|rationale|"
    r"ziel|hintergrund|objectif|contexte|objetivo|antecedentes|introducción|obiettivo|contesto|cel)"
    r"\s*[.:]\s+", re.IGNORECASE)


def split_keywords(text: str) -> tuple[list[str], str]:
    """Split a keyword list on its separator; returns the keywords and the separator used.

    ``"Relations between China and Russia; International relations"`` ->
    ``(["Relations between China and Russia", "International relations"], ";")``;
    ``"мысли о дипломатии, международный порядок."`` -> ``(["мысли о дипломатии", "международный порядок"], ",")``;
    ``"salt – smuggling – Grand Canal"`` -> ``(["salt", "smuggling", "Grand Canal"], "–")``
    """
    t = squash(strip_marks(text)).strip()
    # A sentence after the list (a heading run into it, "... order. Introduction") is not a keyword.
    t = re.split(rf"(?<=[{_LOWER}]{{3}})\.\s+(?=[A-ZА-ЯЁ])", t, maxsplit=1)[0]
    t = re.sub(r"[.;,。；，]+$", "", t).strip()
    if not t:
        return [], ""
    for sep in (";", "；", "·", "•", "|", ",", "，", "、"):
        if sep in t:
            items = [squash(x).strip(" .") for x in t.split(sep)]
            return [x for x in items if x], sep
    # A dash between spaces, twice at least and no other separator: "salt – smuggling – Grand Canal".
    for dash in (" – ", " — "):
        if t.count(dash) >= 2:
            items = [squash(x).strip(" .") for x in t.split(dash)]
            return [x for x in items if x], dash.strip()
    return [t], ""


def _ratio_cost(group_len: int, other_len: int, scale: float) -> float:
    return abs(math.log((group_len + 1) / ((other_len + 1) * scale)))


def regroup(pieces: list[str], target: list[str]) -> list[str] | None:
    """Regroup comma-split ``pieces`` into ``len(target)`` keywords that best match ``target`` in length.

    A translated keyword has roughly the length of its original (times a constant ratio between the
    two languages), so the contiguous grouping whose lengths follow the target's is the one where a
    comma was inside a keyword. None when it cannot be done (fewer pieces than targets, or too many
    extra pieces to be a translation).
    ``(["мысли о дипломатии", "отношения", "глубокие изменения", "невиданные за столетие", "порядок"],
    ["thought on diplomacy", "relations", "profound changes unseen in a century", "order"])`` ->
    ``["мысли о дипломатии", "отношения", "глубокие изменения, невиданные за столетие", "порядок"]``
    """
    n, k = len(pieces), len(target)
    if k < 2 or n <= k or n - k > max(1, k // 2):
        return None
    scale = (sum(map(len, pieces)) + 2 * (n - k)) / max(1, sum(map(len, target)))
    # best[i][j]: least cost of grouping the first i pieces into the first j targets.
    inf = float("inf")
    best = [[inf] * (k + 1) for _ in range(n + 1)]
    back = [[0] * (k + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(1, n + 1):
        for j in range(1, min(i, k) + 1):
            for s in range(j - 1, i):
                if best[s][j - 1] == inf:
                    continue
                glen = sum(len(p) for p in pieces[s:i]) + 2 * (i - s - 1)
                cost = best[s][j - 1] + _ratio_cost(glen, len(target[j - 1]), scale)
                if cost < best[i][j]:
                    best[i][j] = cost
                    back[i][j] = s
    if best[n][k] == inf:
        return None
    groups: list[str] = []
    i = n
    for j in range(k, 0, -1):
        s = back[i][j]
        groups.append(", ".join(pieces[s:i]))
        i = s
    return groups[::-1]


def align_keyword_lists(lists: dict[str, tuple[list[str], str]]) -> dict[str, list[str]]:
    """Keyword lists per language, with comma-split lists regrouped to a parallel list's length.

    Only a list split on commas is regrouped, and only against a shorter list in another language.
    ``{"ru": (["a", "b", "c", "d"], ","), "en": (["aa", "bbbb", "cc"], ";")}`` -> ru regrouped into 3.
    """
    out = {lang: items for lang, (items, _sep) in lists.items()}
    for lang, (items, sep) in lists.items():
        if sep != ",":
            continue
        others = [other for o, (other, _s) in lists.items() if o != lang and 2 <= len(other) < len(items)]
        if not others:
            continue
        target = min(others, key=lambda o: len(items) - len(o))
        grouped = regroup(items, target)
        if grouped:
            out[lang] = grouped
    return out
