"""Languages a document is considered for only when its own words show them.

Every Latin-script candidate costs langdetect time on every Latin run of every document (its loop
multiplies one probability per candidate per sampled n-gram), so the languages most documents never
hold are asked about only in a document that prints their commonest function words often: Dutch,
Czech, Romanian... (``languages.by_evidence``). The words chosen are frequent in their language and
rare as words of the always-considered ones (Dutch "het", "wordt"; not "de", which is also French,
Spanish and Portuguese).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

# Frequent function words of each language that the usual candidates (en de fr es it pt pl tr) do not
# use as words ("in", "on", "see", "for", "at", "et", "un", "par", "este", "ich", "nie" are left out).
EVIDENCE_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "nl": "het een zijn niet wordt worden ook maar deze naar bij uit voor wel nog zich heeft werd kunnen omdat "
              "tussen hun zoals",
        "cs": "že který která které také nebo jeho podle byl byla bylo mezi pouze při jejich však jsou jsme není "
              "této tento",
        "sk": "že ktorý ktorá ktoré tiež alebo jeho podľa bol bola bolo medzi iba pri však sú tejto tento",
        "ro": "și în sunt pentru cu prin sau din fost acest această aceste lor unei unui fiind",
        "hu": "és hogy nem egy meg mint csak már volt azt ami vagy által között után szerint pedig illetve",
        "sv": "och att det som är på för inte också eller efter sina",
        "da": "og det som ikke også eller efter sine af på",
        "no": "og det som ikke også eller etter sine av på",
        "fi": "ei että oli ovat mutta tai kun myös sekä joka jotka hän kuin vain mukaan jälkeen",
        "hr": "koji koja koje što nije bio bila bili također između prema samo kako ili kao",
        "sl": "ki pa tudi kot bil bila bilo",
        "ca": "els amb és però també aquest aquesta fou són seva dels pel",
        "lt": "yra kad iš tai buvo kaip bet arba į apie tarp nuo",
        "lv": "ka kas tā arī vai kā bija uz pēc starp",
        "et": "ei ka oli kui ning või aga tema nende kes vaid",
    }.items()
}
# Each evidence word -> the languages it is evidence of (one lookup a word).
_OWNERS: dict[str, tuple[str, ...]] = {}
for _lang, _words in EVIDENCE_WORDS.items():
    for _w in _words:
        _OWNERS[_w] = (*_OWNERS.get(_w, ()), _lang)

# A language shows when this many of a document's Latin-script words are its evidence words, and at
# least this share of them.
MIN_HITS = 5
MIN_SHARE = 0.02
# The words counted: those of the runs that start within a document's first this many Latin words.
SAMPLE_WORDS = 3000


def shown(word_lists: Iterable[Sequence[str]], langs: Sequence[str]) -> list[str]:
    """Those of ``langs`` whose evidence words are frequent among the lower-case words of
    ``word_lists`` (a document's Latin-script runs), in the order of ``langs``. A language without
    evidence words never shows.

    ``shown([["het", "is", "een", "mooi", "huis", "van", "hem", "en", "het", "wordt", "oud"]], ["nl", "cs"])``
    -> ``["nl"]``
    """
    wanted = [lang for lang in langs if lang in EVIDENCE_WORDS]
    if not wanted:
        return []
    hits: dict[str, int] = {}
    total = 0
    owners = _OWNERS
    for words in word_lists:
        if total >= SAMPLE_WORDS:
            break  # (a document's languages show in its first words already)
        total += len(words)
        # (Most runs hold no evidence word at all: the set operation, in C, says so without a loop.)
        if owners.keys().isdisjoint(words):
            continue
        for w in words:
            found = owners.get(w)
            if found is not None:
                for lang in found:
                    hits[lang] = hits.get(lang, 0) + 1
    return [lang for lang in wanted if hits.get(lang, 0) >= MIN_HITS and hits[lang] >= MIN_SHARE * total]
