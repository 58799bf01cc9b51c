"""Title: the main title (wrapped pieces joined), its language, and the title printed in other languages.

The title is the first block of the front matter that has a title's shape and is none of the other
things printed there: a running header or issue line, a DOI or UDC line, a date, a byline or author
line, an affiliation, an article-type label, a breadcrumb. A breadcrumb that ends with a later line
("Home Politics <headline>") marks that later line as the headline.
"""

from __future__ import annotations

import re

from pipeline.metadata.text import ends_sentence, letters_share, squash, strip_marks, word_count

# Classification codes and article-type labels printed above titles.
_CODE_LINE_RE = re.compile(r"^(?:удк|udc|ббк|bbk|jel|pacs|msc|grnti|грнти|вак|oecd)\b", re.IGNORECASE)
_TYPE_LABEL_RE = re.compile(
    r"^(?:(?:научная|оригинальная|обзорная|исследовательская|редакционная)\s+статья|"
    r"(?:original|research|review|regular|short|editorial)\s+(?:article|paper|communication)|"
    r"research|review|editorial|article|статья|обзор|рецензия|книжное\s+обозрение|book\s+review|"
    r"opinion|commentary|комментарий|интервью|interview|news|новости|analysis|аналитика)\s*$",
    re.IGNORECASE,
)
# A title line at least this long that is followed by a shorter one was wrapped at the page width.
WRAP_MIN = 45
# Words a wrapped title line may end with, so that the next line must continue it.
_CONTINUES_RE = re.compile(
    r"(?:\b(?:and|or|of|the|a|an|in|on|for|to|with|from|by|at|between|и|или|в|во|на|о|об|с|со|к|ко|по|для|"
    r"от|из|за|под|над|при|между|как)|[-–—:,])$",
    re.IGNORECASE,
)


def is_title_shaped(text: str) -> bool:
    """True when a block could be a title: a short run of words, mostly letters, not a sentence.

    ``"A New Chapter in Arctic Shipping"`` -> True; ``"By Chen Ming"`` -> True (shape only);
    ``"50"`` -> False; ``"It rained. Then it stopped."`` -> False
    """
    t = squash(strip_marks(text))
    if not (2 <= word_count(t) <= 45) or len(t) > 400 or letters_share(t) < 0.6:
        return False
    if ends_sentence(t) and not t.endswith(":"):
        return False
    if re.search(r"[.!?]\s+[A-ZА-ЯЁ]", t) and word_count(t) > 25:
        return False
    return not re.match(r"^(?:https?://|www\.)", t)


def is_code_or_label(text: str) -> bool:
    """True for a UDC/JEL code line or an article-type label printed above a title.

    ``"УДК 327(510:470)"`` -> True; ``"Research Article"`` -> True; ``"Research in Asia"`` -> False
    """
    t = squash(strip_marks(text))
    return bool(_CODE_LINE_RE.match(t) or _TYPE_LABEL_RE.match(t))


def breadcrumb_target(line: str, candidates: list[str]) -> int | None:
    """Index of the candidate that ``line`` repeats at its end (a breadcrumb trail ending with the
    headline), else None.

    ``("Home Politics No matter how things change", ["Putin praised X", "No matter how things change"])``
    -> ``1``
    """
    ln = squash(line).casefold()
    for i, c in enumerate(candidates):
        cn = squash(strip_marks(c)).casefold()
        if len(cn) >= 12 and ln != cn and ln.endswith(cn) and len(ln) - len(cn) <= 80:
            return i
    return None


def continues_title(first: str, nxt: str) -> bool:
    """True when ``nxt`` is the wrapped rest of the title ``first``.

    It must be title-shaped, and either start in lower case or follow a line ending in a word that
    cannot end a title. ``("Энергетический диалог России", "и Китая в новых условиях")`` -> True;
    ``("Multipolarity and Connectivity", "Mutual Respect, Benefit ...")`` -> False
    """
    a, b = squash(strip_marks(first)), squash(strip_marks(nxt))
    if not b or not is_title_shaped(b) and word_count(b) > 1:
        return False
    if ends_sentence(a):
        return False
    starts_lower = b[0].islower()
    # Titles set in capitals wrap without any other sign; two capital lines in a row are one title.
    both_caps = a == a.upper() and b == b.upper() and any(c.isalpha() for c in a + b)
    # A long line followed by a shorter one is a title wrapped at the page width; a short complete
    # headline over a longer line is a headline over its subtitle.
    last = squash(strip_marks(first.split("\n")[-1])) if "\n" in first else a
    wrapped = (len(last) >= WRAP_MIN and len(b) <= len(last) and word_count(b) >= 3
               and not re.search(r"[?!:]$", last))
    return starts_lower or both_caps or wrapped or bool(_CONTINUES_RE.search(a))


def clean_title(text: str) -> str:
    """Title text with marks removed and whitespace squashed; a trailing full stop is dropped.

    ``"# **Experience and\\nEnlightenment**"`` -> ``"Experience and Enlightenment"``
    """
    t = squash(strip_marks(text)).replace("**", "")
    return t[:-1].rstrip() if t.endswith(".") and not t.endswith("..") else t
