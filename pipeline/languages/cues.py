"""Free cues that tell languages of one script apart without a model.

Cyrillic languages differ in their alphabets: ``ы э ё`` are Russian or Belarusian, never Ukrainian
or Bulgarian; ``і ї є ґ`` are Ukrainian (``і`` also Belarusian); ``ў`` is Belarusian; ``ј љ њ`` are
Serbian or Macedonian; a hard sign before a consonant (``във``, ``държава``) is Bulgarian, never
Russian. A text that uses a letter (or letter pattern) a language never writes cannot be in that
language. What the alphabet leaves open, function words often settle; langdetect (detect.py) is
asked only when neither does.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import islice
from typing import NamedTuple

from pipeline.languages.script import Run

# Each Cyrillic language's alphabet (lower case). A Cyrillic letter outside it breaks the alphabet.
_CYR_ALPHABET: dict[str, str] = {
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "be": "абвгдеёжзійклмнопрстуўфхцчшыьэюя",
    "bg": "абвгдежзийклмнопрстуфхцчшщъьюяѐѝ",
    "sr": "абвгдђежзијклљмнњопрстћуфхцчџш",
    "mk": "абвгдѓежзѕијклљмнњопрстќуфхцчџшѐѝ",
    "kk": "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
    "ky": "абвгдеёжзийклмнңоөпрстуүфхцчшщъыьэюя",
    "tg": "абвгғдеёжзиӣйкқлмнопрстуӯфхҳчҷшъэюя",
    "mn": "абвгдеёжзийклмноөпрстуүфхцчшщъыьэюя",
    "tt": "аәбвгдеёжҗзийклмнңоөпрстуүфхһцчшщъыьэюя",
    "ba": "аәбвгғдҙеёжзийкҡлмнңоөпрсҫтуүфхһцчшщъыьэюя",
}
# Letters a language writes only before certain others: (letter, the letters it may precede).
_CYR_BEFORE: dict[str, tuple[str, str]] = {
    "ru": ("ъ", "еёюя"),  # the hard sign only before е ё ю я (объект, съезд); Bulgarian: във, държава
    "bg": ("ь", "о"),  # the soft sign only before о (шофьор, синьо)
}
# Letter patterns a language never writes although it has the letters.
_CYR_PATTERNS: dict[str, str] = {lang: f"{c}(?![{after}])" for lang, (c, after) in _CYR_BEFORE.items()}
_CYR_SETS = {lang: frozenset(abc) for lang, abc in _CYR_ALPHABET.items()}
_CYR_PATTERN_RE = {lang: re.compile(p) for lang, p in _CYR_PATTERNS.items()}
# The same rule as one regex per language (the reference form; cyrillic_violations counts faster).
CYR_FORBIDDEN_RE = {
    lang: re.compile("|".join(filter(None, [f"(?![{abc}])[\u0400-\u052f]", _CYR_PATTERNS.get(lang)])))
    for lang, abc in _CYR_ALPHABET.items()
}

# Letters so frequent in a language that a long text without any of them is not in it
# (Ukrainian і/ї/є ~6.5% of letters: none in 60 letters happens about once in 50 texts).
_SIGNATURE = {"uk": "іїє", "be": "іў", "kk": "әғқңөұүі"}  # looked for with `in`, a far faster scan than a regex
# The same letters in either case: what a text holds when its lower case holds one of them (no
# other character lower-cases to one: tested over every character), so no lower-cased copy is made.
_SIGNATURE_ANY_CASE = {lang: letters + letters.upper() for lang, letters in _SIGNATURE.items()}
SIGNATURE_MIN_LETTERS = 60
TOLERANCE_MIN_LETTERS = 40
# When even the best candidate breaks its alphabet in more than this share of the letters (of a text
# of at least this many), none of them is the text's language.
NO_FIT_SHARE = 0.03
NO_FIT_MIN_LETTERS = 20

# Letters beyond a-z that each Latin language writes natively; other letters are foreign to it.
_LATIN_NATIVE: dict[str, str] = {
    "en": "",
    "de": "äöüß",
    "fr": "àâæçéèêëîïôœùûüÿ",
    "es": "áéíñóúü",
    "it": "àèéìíîòóùú",
    "pt": "áâãàçéêíóôõú",
    "pl": "ąćęłńóśźż",
    "nl": "áéëèïöüó",
    "tr": "çğıöşüâî",
}
_BASIC_LATIN = set("abcdefghijklmnopqrstuvwxyz")

_STOPWORDS_TEXT: dict[str, str] = {
    "en": "the of and to in is that for on with as by are this be was it from at an which or its has have "
    "not will were been their they these can also than but such more between into would should could "
    "our we his her who there other most may must within through both each about after under",
    "de": "der die das und ist nicht ein eine einer eines einem einen den dem des mit von zu zur zum auf für "
    "sich im auch als wird werden wurde sind bei aus nach wie oder aber nur noch über durch dass daß es "
    "sie wir ich er kann können diese dieser dieses zwischen seine ihre unter vor bis hat haben sein",
    "fr": "le la les des du une un et est dans pour que qui par sur au aux avec ne pas plus ce cette ces son "
    "sa ses leur leurs sont été être entre mais ou où dont nous vous il elle ils elles comme aussi très",
    "es": "el la los las del de y en que es por para con una un se su sus al lo como más pero sobre entre "
    "también ha han fue son está están este esta estos estas cuando muy sin desde hasta porque",
    "it": "il lo la gli le di del della dei delle degli e è che per con un una sono nel nella non si come "
    "anche più tra fra dal dalla alla al ai questo questa ma ha hanno essere stato",
    "pt": "o os a as do da dos das de e é em no na nos nas um uma que para com por não se mais como mas ao "
    "aos à seu sua seus suas também entre foi são está pelo pela",
    "pl": "i w z na się do nie to że o jest a jak po ale od co za tak przez dla są czy jego ich oraz który "
    "która które także może być został została tym tego jej ten ta te",
    "nl": "de het een en van in is dat op te voor met zijn niet aan er als ook bij door om maar uit of "
    "wordt worden deze dit die wel naar",
    "ru": "и в на не что с по это как к из для о от у а его ее её же при так их или также был была были бы "
    "который которые которая которых этот эта эти он она они уже только после более между может этого "
    "чем то все всех года время",
    "uk": "і й в у на не що з із це як до для від про та але або його її їх він вона вони також було була "
    "були буде який яка які яких може ще вже між після тому цей ця ці ж",
    "bg": "и в на не че с за от по да се е са това като към които който която през във със ще си ги му бил "
    "беше тези тази този също може след или между при до те но ако",
    "be": "і ў у на не што з да для ад пра як гэта але або яго яе іх ён яна яны таксама быў была былі "
    "будзе які якая якія можа яшчэ ўжо пасля",
    "sr": "и у на не да се је су од за са као што из по ће то који која које али или његов њихов до при кроз",
    "kk": "және мен бен пен да де та те бұл осы сол ол олар үшін деп болып болады екі бір бойынша туралы "
    "арқылы сияқты немесе ретінде жылы жылдары тек әр барлық оның олардың мұнда қазіргі",
    "tr": "ve bir bu ile için da de olarak olan daha gibi çok en ama veya ya sonra kadar göre ancak her "
    "bu şekilde ise nin nın onun bunun olup olduğu olduğunu yapılan arasında üzerinde ayrıca",
    "mk": "и во на не да се е од за со како што по ќе тоа кој која кои но или негов нивни до при преку го ја ги",
}
STOPWORDS: dict[str, frozenset[str]] = {k: frozenset(v.split()) for k, v in _STOPWORDS_TEXT.items()}


def cyrillic_violations(text: str, langs: Iterable[str]) -> dict[str, int]:
    """How often ``text`` uses a letter each language never writes.

    ``cyrillic_violations("мысли о дипломатии", ["ru", "uk", "bg"]) -> {"ru": 0, "uk": 1, "bg": 1}``
    (``ы`` is neither Ukrainian nor Bulgarian). Languages without a table get 0.
    """
    langs = tuple(langs)
    if not any(map(_CYR_SETS.__contains__, langs)):
        return dict.fromkeys(langs, 0)
    fast = _cp1251_violations(text, langs)
    if fast is not None:
        return fast
    low = text.lower()
    # One count of the text's Cyrillic letters serves every language (CYR_FORBIDDEN_RE's matches are
    # single letters: those outside the alphabet, plus the pattern's), instead of one search each;
    # and only of the letters some of them lack (ы, і, ј ...: a few in a hundred), not of all.
    letters: list[tuple[str, int]] | None = None
    out = {}
    for lang in langs:
        abc = _CYR_SETS.get(lang)
        if abc is None:
            out[lang] = 0
            continue
        if letters is None:
            telling = _telling_letters(frozenset(_CYR_SETS.keys() & set(langs)))
            letters = list(Counter(telling.findall(low)).items())
        v = sum(n for c, n in letters if c not in abc)
        rx = _CYR_PATTERN_RE.get(lang)
        out[lang] = v + len(rx.findall(low)) if rx else v
    return out


def _cp1251_keep_only(chars: str) -> bytes:
    """A ``bytes.translate`` deletion set for cp1251 bytes that keeps only ``chars``:
    ``_cp1251_keep_only("ы")`` -> every byte but ``\\xfb``."""
    kept = chars.encode("cp1251")
    return bytes(b for b in range(256) if b not in kept)


# Every character cp1251 writes, in byte order (one byte each; 0x98 writes none).
_CP1251_CHARS = bytes(range(256)).decode("cp1251", "ignore")


# cp1251 holds the Cyrillic letters of Russian, Ukrainian, Belarusian, Bulgarian, Serbian and
# Macedonian (all but ѐ ѝ) with ASCII and common punctuation, one byte each: a text it can write is
# counted in its bytes (C passes) instead of by regular expressions and a Counter of letters.
_CP1251_LOWER = bytes(
    ch.lower().encode("cp1251")[0] if ch else b for b, ch in enumerate(bytes([b]).decode("cp1251", "ignore") for b in range(256))
)
_CYR_RANGE = "".join(c for c in _CP1251_CHARS if "\u0400" <= c <= "\u052f")  # what CYR_FORBIDDEN_RE reads
# Per language: keep only the (lower-case) letters of the range outside its alphabet.
_CP1251_FORBIDDEN = {lang: _cp1251_keep_only("".join(c for c in _CYR_RANGE if c not in abc)) for lang, abc in _CYR_SETS.items()}
# Keep only the letters some alphabet lacks (a few in a hundred: the per-language passes read those).
_CP1251_TELLING = _cp1251_keep_only("".join(c for c in _CYR_RANGE if not all(c in abc for abc in _CYR_SETS.values())))
_CP1251_BEFORE = {
    lang: (c.encode("cp1251"), [(c + a).encode("cp1251") for a in after]) for lang, (c, after) in _CYR_BEFORE.items()
}


def _cp1251_violations(text: str, langs: tuple[str, ...]) -> dict[str, int] | None:
    """``cyrillic_violations`` of a text cp1251 can write (else None), from its bytes: lower-cased
    by one ``translate`` (every cp1251 character lower-cases to one that is one: tested), the
    letters some alphabet lacks kept by another, then one short pass per language; a pattern
    letter counted less its allowed pairs (two different letters: no count overlaps).

    ``_cp1251_violations("Мысли о дипломатии", ("ru", "uk")) -> {"ru": 0, "uk": 1}``.
    """
    try:
        low = text.encode("cp1251").translate(_CP1251_LOWER)
    except UnicodeEncodeError:
        return None
    telling = low.translate(None, _CP1251_TELLING)
    out = {}
    for lang in langs:
        forbidden = _CP1251_FORBIDDEN.get(lang)
        if forbidden is None:
            out[lang] = 0
            continue
        v = len(telling.translate(None, forbidden))
        before = _CP1251_BEFORE.get(lang)
        if before is not None:
            c, pairs = before
            n = low.count(c)
            v += n - sum(map(low.count, pairs)) if n else 0
        out[lang] = v
    return out


def runs_cyrillic_violations(runs: Iterable[Run], langs: Sequence[str]) -> dict[str, int]:
    """``cyrillic_violations`` of the runs' texts joined by spaces, as the sum of each run's (kept on
    the run for its own label): a violation is a letter, or a letter and what follows it, and a space
    ends a text's last letter as the end of the text does. ``runs_cyrillic_violations([], ["ru"])
    -> {"ru": 0}``."""
    total = dict.fromkeys(langs, 0)
    for run in runs:
        for lang, n in run_cyrillic_violations(run, langs).items():
            total[lang] += n
    return total


@functools.lru_cache(maxsize=64)
def _telling_letters(langs: frozenset[str]) -> re.Pattern[str]:
    """The Cyrillic letters (U+0400-U+052F) outside the alphabet ``langs`` all share: the only ones
    that can break one of their alphabets. ``{"ru", "uk"}`` -> ``[ёъыэґєії...]``."""
    common = frozenset.intersection(*(_CYR_SETS[lang] for lang in langs))
    telling = "".join(chr(c) for c in range(0x400, 0x530) if chr(c) not in common)
    return re.compile(f"[{re.escape(telling)}]")


def lacks_signature(text: str, lang: str) -> bool:
    """Whether ``text`` holds none of the letters ``lang`` cannot do without (a test for texts of
    ``SIGNATURE_MIN_LETTERS`` letters or more; languages without such letters never lack them).

    ``lacks_signature("Статията анализира промените", "kk")`` -> True (no ә ғ қ ң ө ұ ү і);
    ``lacks_signature("Қазақ тілі", "kk")`` -> False; ``lacks_signature("слово", "ru")`` -> False
    """
    signature = _SIGNATURE_ANY_CASE.get(lang)
    return signature is not None and not any(map(text.__contains__, signature))


def compatible(
    text: str,
    letters: int,
    langs: Sequence[str],
    script: str,
    tokens: Sequence[str] | None = None,
    violations: dict[str, int] | None = None,
) -> list[str]:
    """The languages of ``langs`` whose alphabet fits ``text`` (in ``langs`` order).

    A language is kept when it breaks the alphabet no more than the best one does, plus 0.5% of the
    letters for a stray quote or typo in a long text. A long text (``SIGNATURE_MIN_LETTERS`` letters
    and more) must also show the letters a language cannot do without: Ukrainian writes і/ї/є about
    once in every 15 letters, Belarusian і/ў even more often. Given the text's lower-case ``tokens``,
    a text of ``TOLERANCE_MIN_LETTERS`` letters or more may go to a language one letter worse off
    when its function words clearly say so (``Києво-Печерська лавра`` in a Russian sentence).
    Only Cyrillic is filtered: Latin languages share a-z and borrow names with diacritics too freely
    for a hard rule. ``compatible("Ключові слова", 12, ["ru", "uk", "bg"], "Cyrl") -> ["uk"]``;
    ``[]`` when no candidate fits at all (Ukrainian text and only ``ru`` allowed). ``violations``:
    ``cyrillic_violations(text, langs)`` when already known.
    """
    if script != "Cyrl" or not langs:
        return list(langs)
    v = dict(violations) if violations is not None else cyrillic_violations(text, langs)
    if letters >= SIGNATURE_MIN_LETTERS:
        for lang in v:
            if lacks_signature(text, lang):
                v[lang] += letters  # a long text without the language's everyday letters
    best = min(v.values())
    if letters >= NO_FIT_MIN_LETTERS and best > NO_FIT_SHARE * letters:
        return []  # no allowed language writes this text (Kazakh, when only Russian is allowed)
    tol = int(letters * 0.005)
    comp = [lang for lang in langs if v[lang] <= best + tol]
    if tokens is not None and letters >= TOLERANCE_MIN_LETTERS:
        # One letter more is weak evidence (a Ukrainian place name in a Russian sentence): a
        # language that breaks the alphabet only that much wins when its function words decide.
        near = [lang for lang in langs if v[lang] <= best + tol + 1]
        if len(near) > len(comp):
            word, top, second = best_by_stopwords(tokens, near)
            if word is not None and word not in comp and top >= 2 and top >= 2 * second:
                return [word]
    return comp


_NON_ASCII_LATIN_RE = re.compile(r"[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")
_LETTER_RE = re.compile(r"[^\W\d_]")
# Each language's foreign letters (_NON_ASCII_LATIN_RE's letters whose lower case it does not write)
# as one class: counted by the regex engine instead of judged one by one (a French text's é's, which
# are all native, cost nothing), and a text without any is turned away at its first search.
_FOREIGN_RE: dict[str, re.Pattern[str]] = {
    lang: re.compile(
        "["
        + "".join(
            re.escape(c)
            for c in map(chr, [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)])
            if _NON_ASCII_LATIN_RE.match(c) and c.lower() not in native
        )
        + "]"
    )
    for lang, native in _LATIN_NATIVE.items()
}


def foreign_letter_share(text: str, lang: str, letters: int | None = None) -> float:
    """Share of the letters of ``text`` (``letters`` of them, counted if not given) that ``lang``
    does not write natively (Latin languages only).

    ``foreign_letter_share("Straße und Brücke", "en") -> 0.1333`` (ß, ü of 15 letters).
    """
    rx = _FOREIGN_RE.get(lang)
    if rx is None or text.isascii():  # isascii() is free: most text has no letter beyond a-z
        return 0.0
    if rx.search(text) is None:
        return 0.0  # whatever the letter count (which costs a pass over the text)
    foreign = len(rx.findall(text))
    total = len(_LETTER_RE.findall(text)) if letters is None else letters
    if not total:
        return 0.0
    return foreign / total


# Every function word -> the languages that use it.
_OWNERS: dict[str, tuple[str, ...]] = {}
for _lang, _words in STOPWORDS.items():
    for _w in _words:
        _OWNERS[_w] = (*_OWNERS.get(_w, ()), _lang)


def stopword_scores(tokens: Iterable[str], langs: Sequence[str]) -> dict[str, float]:
    """Function-word evidence per language in lower-case ``tokens``: each hit counts
    1/(number of candidate languages sharing the word).

    ``stopword_scores(["the", "role", "of", "die"], ["en", "de"]) -> {"en": 2.0, "de": 1.0}``.
    """
    cands = tuple(langs)
    toks = tokens if isinstance(tokens, list | tuple) else list(tokens)  # read twice on the slow path
    among = _groups_among(cands)
    scores = _code_scores(_hit_codes(toks, among), cands, among)
    if scores is None:
        owners_of = _owners_among(cands)
        scores = _scores(_hit_counts(toks, owners_of), cands, owners_of)
    return scores


def _hit_counts(tokens: Iterable[str], owners_of: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """How often each function word of ``owners_of`` occurs in ``tokens`` (the exact path, for
    the scores _code_scores cannot give): ``["the", "role", "of", "the"]`` -> ``{"the": 2, "of": 1}``."""
    # Function words only, counted in a plain dict: cheaper than a Counter for a few dozen hits.
    counts: dict[str, int] = {}
    get = counts.get
    for tok in filter(owners_of.__contains__, tokens):
        counts[tok] = get(tok, 0) + 1
    return counts


def _scores(counts: dict[str, int], langs: Sequence[str], owners_of: dict[str, tuple[str, ...]]) -> dict[str, float]:
    """``stopword_scores`` from the hit counts: ``{"the": 2, "die": 1}`` over en, de -> ``{"en": 2.0, "de": 1.0}``."""
    scores = dict.fromkeys(langs, 0.0)
    for tok in sorted(counts):  # sorted: float sums independent of hash order (and of how counted)
        owners = owners_of[tok]
        share = counts[tok] / len(owners)
        for lang in owners:
            scores[lang] += share
    return scores


def _hit_codes(tokens: Iterable[str], among: _Groups) -> str:
    """The function words of ``tokens``, each as the one-character code of its owner group (see
    ``_groups_among``), in order: found and looked up in C, with no Python step per word or per hit.
    ``["the", "role", "of", "die"]`` over en, de -> ``"AAB"`` (``A`` en, ``B`` de)."""
    return "".join(map(among.code_of.__getitem__, filter(among.words.__contains__, tokens)))


def _code_scores(codes: str, langs: Sequence[str], among: _Groups) -> dict[str, float] | None:
    """``_scores`` from the hit codes, or None when a word shared by three (five, six, seven)
    candidates was hit: ``"AAB"`` over en, de -> ``{"en": 2.0, "de": 1.0}``.

    Why the same floats: a hit shared by 1, 2, 4 ... (a power of two) languages adds a whole number
    of halves, quarters ..., and sums of such numbers (far below 2**50) are exact in any order and
    grouping, so a group's hits can be added at once. A third is not exact: then the sums depend on
    the order _scores adds them in (sorted words), and the caller takes that path.
    """
    scores = dict.fromkeys(langs, 0.0)
    for code in set(codes):
        owners = among.owners[code]
        k = len(owners)
        if k & (k - 1):  # not a power of two
            return None
        share = codes.count(code) / k
        for lang in owners:
            scores[lang] += share
    return scores


# The first words of a long run the labeller checks again (label.MAY_DIFFER_TOKENS), after the
# switch check has read them all.
HEAD_TOKENS = 150


def run_stopword_scores(run: Run, langs: Sequence[str], limit: int | None = None) -> dict[str, float]:
    """``stopword_scores(run.tokens(limit), langs)``, worked out once per run, limit and candidates:
    the switch check (all words) and the labeller (the first ``limit``) mostly ask about the same
    words, ``limit`` being more than the run has. When all the words of a longer run are asked
    about, the first ``HEAD_TOKENS`` are counted apart and kept for the labeller's question.
    """
    toks = run.lower_words()
    if limit is not None and limit >= len(toks):
        limit = None
    cands = tuple(langs)
    key = ("stopwords", limit, cands)
    scores = run.memo.get(key)
    if scores is None:
        among = _groups_among(cands)
        codes = run.memo.get(("hits", limit, cands))
        if codes is None and limit is None and len(toks) > HEAD_TOKENS:
            head = run.memo["hits", HEAD_TOKENS, cands] = _hit_codes(islice(toks, HEAD_TOKENS), among)
            codes = head + _hit_codes(islice(toks, HEAD_TOKENS, None), among)
        elif codes is None:
            codes = _hit_codes(toks if limit is None else islice(toks, limit), among)
        scores = _code_scores(codes, cands, among)
        if scores is None:  # the exact order of the sums matters: word by word
            owners_of = _owners_among(cands)
            scores = _scores(_hit_counts(toks if limit is None else toks[:limit], owners_of), cands, owners_of)
        run.memo[key] = scores
    return dict(scores)


def run_cyrillic_violations(run: Run, langs: Sequence[str]) -> dict[str, int]:
    """``cyrillic_violations(run.text(), langs)``, worked out once per run and candidates (asked by
    the switch check, then by the labeller's alphabet check)."""
    key = ("cyrillic", tuple(langs))
    v = run.memo.get(key)
    if v is None:
        v = run.memo[key] = cyrillic_violations(run.text(), langs)
    return dict(v)


@functools.lru_cache(maxsize=64)
def _owners_among(langs: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Every function word of ``langs`` -> those of ``langs`` that use it (a few candidate lists
    recur throughout a run, so each is worked out once)."""
    out = {}
    for tok, owners in _OWNERS.items():
        among = tuple(lang for lang in owners if lang in langs)
        if among:
            out[tok] = among
    return out
def best_by_stopwords(tokens: Iterable[str], langs: Sequence[str]) -> tuple[str | None, float, float]:
    """The language with the most function-word evidence, its score and the runner-up's score.

    ``best_by_stopwords("це одна з".split(), ["ru", "uk"]) -> ("uk", 2.0, 0.0)``; ``(None, 0, 0)`` for
    no evidence. Ties go to the earlier language in ``langs``.
    """
    scores = stopword_scores(tokens, langs)
    ranked = sorted(langs, key=lambda lang: -scores[lang])
    if not ranked or scores[ranked[0]] == 0:
        return None, 0.0, 0.0
    second = scores[ranked[1]] if len(ranked) > 1 else 0.0
    return ranked[0], scores[ranked[0]], second


class _Groups(NamedTuple):
    """The function words of some candidates by owner group (the candidates among which the word
    is shared), each group named by a one-character code."""

    words: frozenset[str]  # every function word of the candidates (a set: the cheapest `in`)
    code_of: dict[str, str]  # function word -> its group's code
    owners: dict[str, tuple[str, ...]]  # code -> the group (in candidate order)


@functools.lru_cache(maxsize=64)
def _groups_among(langs: tuple[str, ...]) -> _Groups:
    """The function words of ``langs`` by owner group (what ``_owners_among`` gives each).

    ``_groups_among(("es", "pt")).owners`` -> ``("es",)``, ``("pt",)`` and ``("es", "pt")`` (of
    "de" and others) under three codes.
    """
    owners_of = _owners_among(langs)
    groups = dict.fromkeys(owners_of.values())
    code = {g: chr(ord("A") + i) for i, g in enumerate(groups)}
    return _Groups(frozenset(owners_of), {tok: code[g] for tok, g in owners_of.items()}, {c: g for g, c in code.items()})
