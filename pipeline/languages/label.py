"""Labelling pieces with languages: script first, then free cues, then langdetect where it adds value.

Per document and per script there is one *document language*, decided once: by the alphabet when it
leaves one candidate (a Russian text writes ``ы`` and ``й``: no other Cyrillic language fits), else
by overwhelming function-word evidence, else by one langdetect call on a capped sample of the
longest runs. A long piece (``detect_min_letters`` letters and four words or more) takes the
document language unless its alphabet rules that out or its function words point elsewhere; only
then is langdetect asked about it. A short piece never goes to langdetect: it takes the language of
the nearest long piece of its script (a heading: the paragraph it introduces), else the document
language, as far as its own letters allow (``Ключові слова`` is Ukrainian whatever surrounds it).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.config import LanguagesConfig
from pipeline.languages import cues
from pipeline.languages.detect import detect
from pipeline.languages.script import CYRL, HANI, LATN, SCRIPT_LANGS, Run
from pipeline.letters import non_ascii

UND = "und"
# Confidence of a label the script alone decides (Han -> zh, hangul -> ko): certain.
SCRIPT_CONFIDENCE = 1.0
# ... that the alphabet decides among the languages of one script.
ALPHABET_CONFIDENCE = 0.99
# A short piece's label is its context's, a little less sure.
CONTEXT_FACTOR = 0.9
# No evidence at all: the first allowed language of the script.
DEFAULT_CONFIDENCE = 0.5
# The document language without langdetect: at least this many function-word hits in a sample of
# this many characters, this many times more than any other candidate's (every candidate must have a
# function-word list: evidence against a language with none would be meaningless).
STOPWORD_SAMPLE_CHARS = 2000
OVERWHELMING_HITS = 12
OVERWHELMING_RATIO = 5
STOPWORD_CONFIDENCE = 0.98
# Words of a long run whose function words are checked against the document language.
MAY_DIFFER_TOKENS = cues.HEAD_TOKENS  # counted while the switch check reads the run
# Latin text with more letters than this foreign to the language is not settled by function words.
FOREIGN_LETTERS_MAX = 0.02
# langdetect is never asked about fewer words than this, whatever their letters.
MIN_DETECT_WORDS = 4
# A Han-only run in a Japanese document is Japanese up to this many ideographs (a kanji heading);
# a longer one with no kana at all is Chinese.
JA_HAN_ONLY_MAX = 20


@dataclass
class Label:
    lang: str
    confidence: float


# Kinds whose text cites other works in their own languages (a Russian source in a Bulgarian
# reference list): weak context for the short pieces of the body.
CITATION_KINDS = frozenset({"reference", "footnote"})
# Kinds that introduce what follows: on equal distance their context is the next piece, not the last.
LEADING_KINDS = frozenset({"title", "heading"})


@dataclass
class Item:
    """A piece with its position in the document (blocks first, then footnotes) and its block's kind."""

    pos: int
    run: Run
    kind: str = "paragraph"
    label: Label | None = None


def candidates(script: str, allowed: Sequence[str]) -> list[str]:
    """Allowed languages written in ``script``, in the configuration's order (its preference order).

    ``candidates("Cyrl", ["en", "ru", "uk"]) -> ["ru", "uk"]``.
    """
    return list(_candidates(script, tuple(allowed)))


@functools.lru_cache(maxsize=256)
def _candidates(script: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
    langs = SCRIPT_LANGS.get(script, ())
    return tuple(lang for lang in allowed if lang in langs)


def _sample(runs: Sequence[Run], max_chars: int) -> str:
    """Text for one langdetect call: the longest runs first, until ``max_chars``."""
    order = sorted(range(len(runs)), key=lambda i: (-runs[i].letters, i))
    parts: list[str] = []
    n = 0
    for i in order:
        t = runs[i].text()
        parts.append(t)
        n += len(t) + 1
        if n >= max_chars:
            break
    return " ".join(parts)[:max_chars]


_WORD_RE = re.compile(r"[^\W\d_]+")
# _WORD_RE on lower-case ASCII text: the same words, without a Unicode category test per character.
_ASCII_WORD_RE = re.compile(r"[a-z]+")
# Byte -> itself for an ASCII letter, else a space: the words of a text whose letters are all ASCII.
_LETTER_BYTES = bytes(c if chr(c).isascii() and chr(c).isalpha() else 32 for c in range(256))
# cp1251 byte -> itself for a character _WORD_RE reads as a letter (ASCII and Cyrillic letters), else
# a space (0x98 writes no character: a space).
_CP1251_WORD_BYTES = bytes(
    b if _WORD_RE.fullmatch(bytes([b]).decode("cp1251", "replace")) else 32 for b in range(256)
)


def lower_words(low: str) -> list[str]:
    """``_WORD_RE.findall(low)`` for lower-case text. When every letter is ASCII (English text,
    whatever its quotes and dashes), the words are the runs of ASCII letters: read from the UTF-8
    bytes by one ``translate`` and a ``split``, without a Unicode category test per character; so
    are a text's that cp1251 can write (Cyrillic), from its cp1251 bytes.

    ``lower_words("it’s “the” role_of 2024 state") -> ["it", "s", "the", "role", "of", "state"]``.
    """
    if low.isascii():
        return _ASCII_WORD_RE.findall(low)
    b = low.encode("utf-8", "surrogatepass")  # a lone surrogate: no letter, like its bytes
    if _WORD_RE.search(non_ascii(b)) is not None:  # a letter beyond ASCII: its UTF-8 bytes are no word
        try:  # (Cyrillic text: its letters one byte each in cp1251, read as the ASCII ones are)
            data = low.encode("cp1251")
        except UnicodeEncodeError:
            return _WORD_RE.findall(low)
        return data.translate(_CP1251_WORD_BYTES).decode("cp1251").split()
    return b.translate(_LETTER_BYTES).decode().split()


class Labeller:
    """Labels every piece of one document."""

    def __init__(self, cfg: LanguagesConfig, items: list[Item]) -> None:
        self.cfg = cfg
        self.by_script: dict[str, list[Item]] = {}
        for it in items:
            self.by_script.setdefault(it.run.script, []).append(it)
        # Each script's candidates, asked for every piece.
        self.cands = {script: candidates(script, cfg.allowed) for script in self.by_script}
        self.doc: dict[str, Label] = {}
        self.japanese = False
        self.langdetect_calls = 0  # for diagnostics

    # -- document level -------------------------------------------------------------------
    def _detect(self, text: str, langs: Sequence[str]) -> Label | None:
        self.langdetect_calls += 1
        cap = self.cfg.detect_max_chars
        r = detect(text[:cap], langs, max_chars=cap, seed=self.cfg.seed)
        return Label(r[0], round(r[1], 4)) if r else None

    def _doc_label(self, script: str) -> Label:
        cands = self.cands[script]
        if not cands:
            return Label(UND, 0.0)
        runs = [it.run for it in self.by_script[script]]
        letters = sum(r.letters for r in runs)
        sample = _sample(runs, STOPWORD_SAMPLE_CHARS)
        low = sample.lower()
        tokens = lower_words(low)
        # Only Cyrillic is checked against its alphabet: other scripts skip joining their whole text.
        text = ""
        known: dict[str, int] | None = None
        if script == CYRL:
            text = " ".join(r.text() for r in runs)
            known = cues.runs_cyrillic_violations(runs, cands)
        comp = cues.compatible(text, letters, cands, script, tokens, known)
        if not comp:
            return Label(UND, 0.0)
        if len(comp) == 1:
            return Label(comp[0], ALPHABET_CONFIDENCE)
        # Function words of a few paragraphs: overwhelming evidence for one language makes the
        # langdetect call pointless (a plain English or Russian document needs none).
        best, top, second = cues.best_by_stopwords(tokens, comp)
        if (
            best is not None
            and top >= OVERWHELMING_HITS
            and top >= OVERWHELMING_RATIO * second
            and all(lang in cues.STOPWORDS for lang in comp)
            and (script != LATN or cues.foreign_letter_share(sample, best) <= FOREIGN_LETTERS_MAX)
        ):
            return Label(best, STOPWORD_CONFIDENCE)
        if letters >= self.cfg.detect_min_letters:
            got = self._detect(_sample(runs, self.cfg.detect_max_chars), comp)
            if got is not None:
                return got
        if best is not None and top >= 2 and top >= 2 * second:
            return Label(best, DEFAULT_CONFIDENCE)
        return Label(comp[0], DEFAULT_CONFIDENCE)

    # -- pieces ---------------------------------------------------------------------------
    def _han(self, run: Run) -> Label:
        allowed = self.cfg.allowed
        if run.kana and "ja" in allowed:
            return Label("ja", SCRIPT_CONFIDENCE)
        if self.japanese and "ja" in allowed and (run.letters <= JA_HAN_ONLY_MAX or "zh" not in allowed):
            return Label("ja", ALPHABET_CONFIDENCE * CONTEXT_FACTOR)
        if "zh" in allowed:
            return Label("zh", SCRIPT_CONFIDENCE)
        if "ja" in allowed:
            return Label("ja", ALPHABET_CONFIDENCE)
        return Label(UND, 0.0)

    def _may_differ(self, run: Run, doc_lang: str, comp: Sequence[str]) -> bool:
        """Cheap evidence that a long run is not in the document language: its function words
        (its first ``MAY_DIFFER_TOKENS``) favour another candidate, or (Latin) it uses letters the
        document language does not write, or (Cyrillic) it has no function word of the document
        language at all."""
        scores = cues.run_stopword_scores(run, comp, MAY_DIFFER_TOKENS)
        own = scores.get(doc_lang, 0.0)
        margin = max(scores.values(), default=0.0) - own
        # At least one function word more than the document language has: a lone "de" shared by
        # four languages ("Journal de Physique") is not enough, unless letters the document language
        # does not write come with it ("Cien años de soledad").
        if margin >= 1:
            return True
        if run.script == LATN:
            # A plain run (script._plain_run) has no letter beyond a-z: the share is 0 without a scan.
            foreign = 0.0 if run.plain else cues.foreign_letter_share(run.text(), doc_lang, run.letters)
            return foreign > FOREIGN_LETTERS_MAX or (margin > 0 and foreign > 0)
        # Cyrillic languages share most names and nouns: with no function word of the document
        # language (a title, a reference entry) the alphabet-compatible neighbours are still open.
        # (Latin reference entries full of names are where langdetect errs most, so not there.)
        return own == 0

    def _long(self, run: Run) -> Label:
        script = run.script
        cands = self.cands[script]
        doc = self.doc[script]
        text = run.text()
        # Only Cyrillic is checked against its alphabet (with its words, when one letter decides).
        tokens: list[str] | None = None
        known: dict[str, int] | None = None
        if script == CYRL:
            tokens, known = run.tokens(MAY_DIFFER_TOKENS), cues.run_cyrillic_violations(run, cands)
        comp = cues.compatible(text, run.letters, cands, script, tokens, known)
        if not comp:
            return Label(UND, 0.0)
        if len(comp) == 1:
            return Label(comp[0], ALPHABET_CONFIDENCE)
        if doc.lang in comp and not self._may_differ(run, doc.lang, comp):
            return doc
        got = self._detect(text, comp)
        if got is not None:
            return got
        return doc if doc.lang in comp else Label(comp[0], DEFAULT_CONFIDENCE)

    def _short(self, item: Item, longs: list[Item], body_longs: list[Item]) -> Label:
        run = item.run
        script = run.script
        cands = self.cands[script]
        known = cues.run_cyrillic_violations(run, cands) if script == CYRL else None
        comp = cues.compatible(run.text(), run.letters, cands, script, violations=known)
        if not comp:
            return Label(UND, 0.0)
        if len(comp) == 1:
            return Label(comp[0], ALPHABET_CONFIDENCE)
        doc = self.doc[script]
        if item.kind in CITATION_KINDS and doc.lang in comp:
            # A reference or footnote cites works in their own languages: its neighbours say
            # nothing about it, the document's language is the safer guess.
            return Label(doc.lang, round(doc.confidence * CONTEXT_FACTOR, 4))
        forward = item.kind in LEADING_KINDS
        near = self._nearest(item.pos, body_longs, comp, forward)
        if near is None:
            near = self._nearest(item.pos, longs, comp, forward)
        if near is not None:
            return Label(near.lang, round(near.confidence * CONTEXT_FACTOR, 4))
        if doc.lang in comp:
            return Label(doc.lang, round(doc.confidence * CONTEXT_FACTOR, 4))
        return Label(comp[0], DEFAULT_CONFIDENCE)

    @staticmethod
    def _nearest(pos: int, longs: list[Item], comp: Sequence[str], forward: bool) -> Label | None:
        """The label of the nearest long piece whose language ``comp`` allows. On equal distance a
        heading takes the next piece (it introduces it), anything else the previous one."""
        right = bisect.bisect_left(longs, pos, key=lambda it: it.pos)
        left = right - 1
        while left >= 0 or right < len(longs):
            dl = pos - longs[left].pos if left >= 0 else None
            dr = longs[right].pos - pos if right < len(longs) else None
            if dr is not None and (dl is None or dr < dl or (dr == dl and forward)):
                lab = longs[right].label
                right += 1
            else:
                lab = longs[left].label
                left -= 1
            if lab is not None and lab.lang in comp:
                return lab
        return None

    def run(self) -> None:
        hani = self.by_script.get(HANI, [])
        han_letters = sum(it.run.letters for it in hani)
        kana = sum(it.run.kana for it in hani)
        self.japanese = han_letters > 0 and kana >= 0.05 * han_letters
        for script, items in sorted(self.by_script.items()):
            if script == HANI:
                for it in items:
                    it.label = self._han(it.run)
                continue
            cands = self.cands[script]
            # One candidate settles a script, except Cyrillic: its alphabet can still say "not this one".
            if not cands or (len(cands) == 1 and script != CYRL):
                lab = Label(cands[0], SCRIPT_CONFIDENCE) if cands else Label(UND, 0.0)
                for it in items:
                    it.label = lab
                continue
            self.doc[script] = self._doc_label(script)
            longs: list[Item] = []
            shorts: list[Item] = []
            for it in items:
                r = it.run
                if r.letters >= self.cfg.detect_min_letters and r.weight >= MIN_DETECT_WORDS:
                    it.label = self._long(r)
                    longs.append(it)
                else:
                    shorts.append(it)
            body_longs = [it for it in longs if it.kind not in CITATION_KINDS]
            for it in shorts:
                it.label = self._short(it, longs, body_longs)
