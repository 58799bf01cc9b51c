"""Title: the main title (wrapped pieces joined), its language, and the title printed in other languages.

The title is the first block of the front matter that has a title's shape and is none of the other
things printed there: a running header or issue line, a DOI or UDC line, a date, a byline or author
line, an affiliation, an article-type label or rubric, a navigation line (short items joined by
``›``, ``/``, ``|``), the journal's own name. A breadcrumb that ends with a later line ("Home Politics
<headline>") marks that later line as the headline, and so does a line printed twice (a web page's
title repeated as its headline).
"""

from __future__ import annotations

import re

from pipeline.letters import in_capitals
from pipeline.metadata.text import ends_sentence, letters_share, main_script, squash, strip_marks, word_count

# Classification codes and serial numbers printed above titles.
# The codes of a library classification a Slavic or Central Asian journal prints above the title
# (UDC, BBK, GRNTI and their Kazakh names), then the other codes of a code line. (JEL, PACS and MSC codes
# may follow the abstract instead.)
_CLASSIFICATION = r"удк|udc|ббк|bbk|grnti|грнти|ғтамр|әож"
_CODE_LINE_RE = re.compile(rf"^(?:{_CLASSIFICATION}|jel|pacs|msc|вак|oecd|edn|e-?issn|p-?issn|issn|isbn)\b",
                           re.IGNORECASE)
# Article-type (rubric) labels printed above titles: "Original Paper", "Обзорная статья", "Case Study".
_TYPE_LABEL = (
    r"(?:(?:научная|оригинальная|обзорная|исследовательская|редакционная|дискуссионная|теоретическая|"
    r"эмпирическая|аналитическая|проблемная|наукова|оригінальна|оглядова)\s+(?:статья|стаття)|"
    r"(?:научный|аналитический|краткий|систематический|литературный)\s+обзор|(?:краткое|научное)\s+сообщение|"
    r"обзор\s+литературы|(?:оригинальное|клиническое|экспериментальное)\s+исследование|клинический\s+случай|"
    r"(?:оригінальне|клінічне)\s+дослідження|клінічний\s+випадок|огляд\s+літератури|"
    r"(?:(?:original|research|review|regular|short|brief|full|editorial|invited|case|scientific|empirical|"
    r"theoretical|conceptual|technical|discussion|policy|position|perspective|special|systematic|mini|data|"
    r"method|methods|proceeding|proceedings|conference)\s+){1,3}(?:article|paper|communication|report|study|review|"
    r"note|essay|letter)s?|communication|perspective|"
    r"original\s+research|"
    r"research|review|editorial|article|статья|стаття|обзор|рецензия|книжное\s+обозрение|book\s+review|"
    r"opinion|commentary|комментарий|интервью|interview|news|новости|analysis|аналитика|"
    # A web page's kind of story: "Press release", "Long read", "Репортаж".
    r"(?:press|news|media)\s+release|long\s*read|feature|explainer|пресс-релиз|прес-реліз|лонгрид|репортаж|"
    r"pressemitteilung|communiqué\s+de\s+presse|nota\s+de\s+prensa|comunicado\s+de\s+prensa|"
    r"comunicato\s+stampa|informacja\s+prasowa|persbericht|"
    # The same labels in the other languages of the allowed list (es, pt, fr, it, de, pl).
    r"(?:artículo|articulo|artigo|article|articolo|artykuł|nota|note)\s+(?:original|originale|originalny|oryginalny|"
    r"de\s+revisión|de\s+revisão|de\s+recherche|de\s+synthèse|di\s+ricerca|técnica|tecnica|technique|"
    r"breve|courte|przeglądowy|naukowy|científico|cientifico|scientifique|scientifico)|"
    r"(?:originalarbeit|übersichtsarbeit|forschungsartikel|fachartikel|kurzmitteilung|originalbeitrag|"
    r"revisión|revisão|revue|recensione|recensión|recenzja|éditorial|editoriale|"
    # South Slavic, Czech, Slovak and Turkish journals' kinds of paper.
    r"(?:originalni|izvorni|pregledni|stručni|prethodno\s+saopštenje|originalni\s+naučni|pregledni\s+naučni|"
    r"izvorni\s+znanstveni|pregledni\s+znanstveni)\s*(?:rad|članak)|"
    r"(?:оригинални|прегледни|стручни|оригинални\s+научни|прегледни\s+научни)\s+(?:рад|чланак)|"
    r"kratko\s+saopštenje|кратко\s+саопштење|krátké\s+sdělení|krátka\s+správa|původní\s+práce|"
    r"přehledový\s+článek|pôvodná\s+práca|prehľadový\s+článok|"
    r"araştırma\s+makalesi|derleme(?:\s+makalesi)?|olgu\s+sunumu))"
)
# A journal's masthead: its name (a few words) and the article's type label at the line's end.
_MASTHEAD_NAME_WORDS = 5
_NOT_A_NAME_END = re.compile(r"(?:[:–—-]|\b(?:a|an|the|and|of|in|on|for|to))$", re.IGNORECASE)


def is_masthead_with_type(text: str) -> bool:
    """A journal's name and the article's type label on one line, as a publisher's first page prints
    them side by side: ``"agri-tech proceedings Proceeding Paper"`` -> True; ``"Soil Carbon in Drylands:
    A Review"`` -> False (a title ending with its type: the words before end with "A" or a colon);
    ``"Climate Policy Review"`` -> False (a one-word label after a capitalised name)."""
    words = text.split()
    for k in (3, 2, 1):  # (the longest label first: "Research Article", not "Article")
        if len(words) <= k:
            continue
        if _TYPE_LABEL_RE.match(" ".join(words[-k:])):
            name = " ".join(words[:-k])
            # (A one-word label after a capitalised name may end a short title: "Climate Policy Review".)
            return (word_count(name) <= _MASTHEAD_NAME_WORDS and not _NOT_A_NAME_END.search(name)
                    and (k > 1 or name[:1].islower()))
    return False


# A licence badge printed beside the label ("Research Article  Open Access"), or alone.
# (With the document's number after it or not: "Communiqué de presse n° 2024-041", "Pressemitteilung 17/2024".)
# (Or in two languages, set apart by a slash: "ARTIGO DE REVISÃO / REVIEW ARTICLE".)
_TYPE_LABEL_RE = re.compile(rf"^(?:{_TYPE_LABEL}(?:\s*/\s*{_TYPE_LABEL})?\s*[.:]?\s*(?:open\s+access)?|open\s+access)"
                            r"(?:\s*(?:n[°º.]|no\.?|nr\.?|№)?\s*\d[\d/.-]*)?\s*$", re.IGNORECASE)
# "Section: Law", "Рубрика: Право" — the journal's section, not the article's title.
_RUBRIC_RE = re.compile(r"^(?:рубрика|раздел|rubric|section|category|article\s+type|тип\s+статьи)\s*:\s*\S",
                        re.IGNORECASE)
# Labels of a page's tag or topic list (a generic UI vocabulary, not taken from any site): "Tags: ...",
# "Теги: ...", "Теґи: ...", "Рубрики: ...". With a list after them, never a title.
_TAGS_LABEL = (r"(?:tags?|topics|rubrics|categories|labels|filed\s+under|теги|тэги|метки|темы|рубрики|"
               r"категории|теґи|мітки|теми|категорії|schlagwörter|stichwörter|étiquettes|"
               r"mots-clés|etiquetas|temas|tagi|tematy)")
_TAGS_LABEL_RE = re.compile(rf"^{_TAGS_LABEL}\s*:\s*", re.IGNORECASE)
_LIST_LABEL_RE = re.compile(r"^[^\W\d_]+(?: [^\W\d_]+)?\s*:\s*")
# A label and a code run together on one line by extraction: "Research Article UDC 327".
_LABEL_THEN_CODE_RE = re.compile(rf"^{_TYPE_LABEL}[\s.:;,]+", re.IGNORECASE)
# Separators of a navigation trail. The arrows never occur between words of a title; a slash or a
# bar does ("Russia / China", "Politics | Opinion"), so with them every item must be short.
_NAV_ARROWS = ("›", "»", ">", "→", "⟩", "/", "|", "·", "•", "::")
_NAV_ITEM_WORDS = 4
_NAV_ITEM_CHARS = 32
# A title line at least this long that is followed by a shorter one was wrapped at the page width.
WRAP_MIN = 45
WRAP_SLACK = 1.1
# Words a wrapped title line may end with, so that the next line must continue it.
_CONTINUES_RE = re.compile(
    r"(?:\b(?:and|or|of|the|a|an|in|on|for|to|with|from|by|at|between|и|или|в|во|на|о|об|с|со|к|ко|по|для|"
    r"от|из|за|под|над|при|между|как)|[-–—:,])$",
    re.IGNORECASE,
)


# A line in capitals that ends in a small-letter abbreviation ("... 1670-х гг.", "... VOL. 2 ed."):
# the full stop is the abbreviation's, not a sentence's (prose is not set in capitals).
# A year's or century's abbreviation after its number at the end ("в 1961–2020 гг.", "XIX в."): a title
# in Russian may end so.
_YEAR_ABBREVIATION_END_RE = re.compile(r"(?:\d|[IVXL])(?:[-–—\s\d]|-[а-яё]{1,3}\b)*(?:гг|вв|г|в)\.$")


# What may close a line after its last word: the years of a title's closing brackets ("(1914–1917
# гг.)") or a quotation's end.
_CLOSERS = " \t\"'”»)]"


def ends_with_year_abbreviation(t: str) -> bool:
    """Whether ``t`` ends with a year's or century's abbreviation after its number (inside closing
    brackets or quotes too).

    ``"в 1961–2020 гг."`` -> True; ``"в XIX в."`` -> True; ``"(1914–1917 гг.)"`` -> True;
    ``"в 1860-е гг."`` -> True;
    ``"в городе."`` -> False
    """
    return _YEAR_ABBREVIATION_END_RE.search(t.rstrip(_CLOSERS)) is not None


_SMALL_ABBREVIATION_END_RE = re.compile(r"(?<![^\W\d_])[^\W\d_A-ZА-ЯЁ]{1,3}\.$")
# A word of one or two letters and a full stop at the end of a line in capitals: an abbreviation
# set in capitals with the rest ("2019–2022 ГГ.").
_SHORT_ABBREVIATION_END_RE = re.compile(r"(?<![^\W\d_])[^\W\d_]{1,2}\.$")


def _ends_sentence(t: str) -> bool:
    """``ends_sentence``, except for a line in capitals ending in an abbreviation: in small letters
    (three at most) or in capitals (two at most).

    ``"ТАМОЖЕННЫЕ КНИГИ ВОЛОГДЫ 1670-х гг."`` -> False; ``"ИЗМЕРЕНИЯ 2019–2022 ГГ."`` -> False;
    ``"Вскрытие малых рек в 1961–2020 гг."`` -> False (a year's abbreviation after its number);
    ``"It rained all day."`` -> True; ``"THE END OF AN ERA."`` -> True
    """
    if not ends_sentence(t) or ends_with_year_abbreviation(t):
        return False
    core = t.rstrip(_CLOSERS)
    return not ((_SMALL_ABBREVIATION_END_RE.search(core) or _SHORT_ABBREVIATION_END_RE.search(core)) and in_capitals(t))


_NOT_IN_CJK_TITLES_RE = re.compile("[\u2000-\u200f\u2028-\u202f\u205f-\u209f\ue000-\uf8ff\U000f0000-\U0010ffff]")


def is_title_shaped(text: str) -> bool:
    """True when a block could be a title: a short run of words, mostly letters, not a sentence.

    ``"A New Chapter in Arctic Shipping"`` -> True; ``"By Chen Ming"`` -> True (shape only);
    ``"50"`` -> False; ``"It rained. Then it stopped."`` -> False
    """
    t = squash(strip_marks(text))
    # Chinese and Japanese titles have no spaces between words: five to eighty characters (and none
    # of the superscripts or private-use characters that text in another charset read as UTF-16 shows).
    words_ok = 2 <= word_count(t) <= 45 or (5 <= len(t) <= 80 and main_script(t) in ("han", "kana")
                                            and not _NOT_IN_CJK_TITLES_RE.search(t))
    if not words_ok or len(t) > 400 or letters_share(t) < 0.6:
        return False
    if _ends_sentence(t) and not t.endswith(":"):
        return False
    if re.search(r"[.!?]\s+[A-ZА-ЯЁ]", t) and word_count(t) > 25:
        return False
    # (A line ending with an arrow is a link: "Мы обновили правила сообщества. Прочитайте, что изменилось →".)
    # (Nor does a title hold a web address: "Revista Andina (https://revistas.example.ar/rageo)" is a
    # logo's link.)
    return "://" not in t and not t.startswith("www.") and not t.endswith(_LINK_ARROWS) \
        and not ("/" in t and _BARE_LINK_RE.search(t))


# A web address without its scheme: a domain and a path ("t.me/nebo_nad_kamoi", "example.org/about").
_BARE_LINK_RE = re.compile(r"(?<![\w@.])(?:[a-z0-9-]+\.)+[a-z]{2,}/\S", re.IGNORECASE)
# Arrows a link's text ends with.
_LINK_ARROWS = ("→", "⟶", "➜", "➔", "⇢", "↗")


# A title some journals print with a full stop is one sentence of this many words at most.
STOP_TITLE_WORDS = 20


def is_title_with_stop(text: str) -> bool:
    """A title printed with a full stop at its end: title-shaped but for that stop, one sentence of
    ``STOP_TITLE_WORDS`` words at most. The caller asks for the authors right under it.

    ``"Village commons in the Urals, 1880–1914."`` -> True; ``"It rained. Then it stopped."`` -> False
    """
    t = squash(strip_marks(text)).rstrip()
    if not t.endswith(".") or t.endswith("..") or word_count(t) > STOP_TITLE_WORDS:
        return False
    core = t[:-1].rstrip()
    return not re.search(r"[.!?;]\s", core) and is_title_shaped(core)


def is_code_or_label(text: str) -> bool:
    """True for a UDC/JEL/ISSN code line, an article-type label or a rubric line printed above a title.

    ``"УДК 327(510:470)"`` -> True; ``"Research Article"`` -> True; ``"Short communication."`` -> True;
    ``"Review Article UDC 94(47)"`` -> True; ``"Section: Economics"`` -> True;
    ``"Research in Asia"`` -> False
    """
    t = squash(strip_marks(text))
    if _CODE_LINE_RE.match(t) or _TYPE_LABEL_RE.match(t) or _RUBRIC_RE.match(t) or is_tags_line(t):
        return True
    m = _LABEL_THEN_CODE_RE.match(t)
    return bool(m and _CODE_LINE_RE.match(t[m.end() :]))


def is_type_label(text: str) -> bool:
    """An article-type label alone on its line: ``"Press release"`` -> True; ``"ОРИГИНАЛЬНАЯ СТАТЬЯ"``
    -> True; ``"Press freedom in the region"`` -> False"""
    return _TYPE_LABEL_RE.match(squash(strip_marks(text))) is not None


_CLASSIFICATION_RE = re.compile(rf"^(?:{_CLASSIFICATION})\b", re.IGNORECASE)


def is_classification_code(text: str) -> bool:
    """A UDC/BBK/GRNTI code line. ``"УДК 599.322.3:591.5(477.51)"`` -> True; ``"JEL: Q13"`` -> False"""
    return _CLASSIFICATION_RE.match(squash(strip_marks(text))) is not None


def is_tags_line(text: str) -> bool:
    """True for a "Label: list of short items" line, a page's tags or topics: a tag label (``Tags``,
    ``Теги``, ``Рубрики``...) and two or more short items, or any one- or two-word label and three or
    more short items in lower case.

    ``"Tags: elections, turnout, polls"`` -> True; ``"Метки: спорт, футбол"`` -> True;
    ``"Filed under: Energy, Baltic Sea"`` -> True; ``"Topics: energy"`` -> False (one item);
    ``"Arctic shipping: routes, risks and rules"`` -> False (two items, a title);
    ``"China: Growth, Debt, Reform"`` -> False (capitalised items after a free label, a title)
    """
    t = squash(strip_marks(text))
    if len(t) > 300 or ends_sentence(t):
        return False
    m = _TAGS_LABEL_RE.match(t)
    tags_label = m is not None
    if not m:
        m = _LIST_LABEL_RE.match(t)
        if not m:
            return False
    items = [x.strip() for x in re.split(r"[,;]|\s[|·•/]\s", t[m.end():])]
    if any(not x or word_count(x) > 3 or ends_sentence(x) for x in items):
        return False
    if tags_label:
        return len(items) >= 2
    return len(items) >= 3 and all(x[0].islower() for x in items)


_YEAR_ITEM_RE = re.compile(r"(?:19|20)\d\d")


def is_breadcrumb(text: str) -> bool:
    """True for a navigation line: short items joined by one separator (``›``, ``»``, ``>``, ``→``,
    ``/``, ``|``, ``·``), as printed above a web page's headline. Never a title, whatever else it holds.

    With an arrow, two items are enough and the last one may be long (the page's own headline);
    with a slash, bar or dot every item must be short and there must be three, or two of at most two
    words. ``"Start › Sport › Football"`` -> True; ``"Головна / Політика / Регіони"`` -> True;
    ``"About | Careers | Advertise with us"`` -> True; ``"Home / News and events / News / 2024"`` -> True;
    ``"Start > Press > Releases > 2024"`` -> True;
    ``"Russia / China: a new energy partnership"`` -> False; ``"Sport | 12 May 2024"`` -> False; ``"«Сила Сибири» и газ"`` -> False
    """
    t = squash(strip_marks(text))
    for sep in _NAV_ARROWS:
        if sep not in t:
            continue
        # The separator stands between spaces: "»" closing a quotation ("«Газ» и нефть") does not count.
        items = [x.strip() for x in re.split(rf"\s+{re.escape(sep)}\s+", t)]
        # A year as the last of three items or more is the archive's ("Home / News / 2024", "Start >
        # Press > 2024"); digits anywhere else behind a slash or bar are a byline's date or an issue.
        if len(items) >= 3 and _YEAR_ITEM_RE.fullmatch(items[-1]):
            items = items[:-1]
        if len(items) < 2 or any(not x or not any(c.isalpha() for c in x) for x in items):
            continue
        if sep == "»" and "«" in t:
            continue
        short = [word_count(x) <= _NAV_ITEM_WORDS and len(x) <= _NAV_ITEM_CHARS and not ends_sentence(x)
                 for x in items]
        if sep in ("/", "|", "·", "•", "::"):
            if any(c.isdigit() for c in " ".join(items)):
                continue
            if all(short) and (len(items) >= 3 or all(word_count(x) <= 2 for x in items)):
                return True
        elif all(short[:-1]) and word_count(items[-1]) <= 25:
            return True
    return False


def breadcrumb_target(line: str, candidates: list[str]) -> int | None:
    """Index of the candidate that ``line`` repeats at its end (a breadcrumb trail ending with the
    headline), else None.

    ``("Home Politics No matter how things change", ["Putin praised X", "No matter how things change"])``
    -> ``1``
    """
    return breadcrumb_target_of_keys(line, breadcrumb_keys(candidates))


def breadcrumb_keys(candidates: list[str]) -> list[str]:
    """The candidates as ``breadcrumb_target`` compares them: marks removed, squashed, casefolded.
    Made once when many lines are tried against the same candidates.

    ``["# **Big News**"]`` -> ``["big news"]``
    """
    return [squash(strip_marks(c)).casefold() for c in candidates]


# A trail's last item before the headline is a section's name; a phrase that ends with a function
# word runs on into the line ("More from Jane Holloway and Field Notes from the North").
_PHRASE_END_RE = re.compile(r"\b(?:and|or|from|of|by|in|on|at|to|the|for|with|и|в|во|от|из|на|по|для|с|о)\s*$")


def breadcrumb_target_of_keys(line: str, keys: list[str]) -> int | None:
    """``breadcrumb_target`` with the candidates given as their ``breadcrumb_keys``.

    ``("Home Politics No matter how things change", ["putin praised x", "no matter how things change"])``
    -> ``1``; ``("2. Journal of Reading", ["journal of reading"])`` -> None;
    ``("More from Jane Doe and Field Notes", ["field notes"])`` -> None
    """
    ln = squash(line).casefold()
    for i, cn in enumerate(keys):
        # (The navigation before the headline holds words: "2. journal of ..." is a numbered trail's
        # item, the line it ends with a link of the trail, not the headline.)
        if len(cn) >= 12 and ln != cn and ln.endswith(cn) and len(ln) - len(cn) <= 80:
            head = ln[: len(ln) - len(cn)]
            if any(c.isalpha() for c in head) and not _PHRASE_END_RE.search(head):
                return i
    return None


def continues_title(first: str, nxt: str, page_width: bool = True) -> bool:
    """True when ``nxt`` is the wrapped rest of the title ``first``.

    It must be title-shaped, in the same alphabet as the line before it, and either start in lower
    case or follow a line ending in a word that cannot end a title (or, where the text was wrapped
    at a page width, ``page_width``, be the shorter rest of a long line). ``("Энергетический диалог России", "и Китая в новых условиях")`` -> True;
    ``("Multipolarity and Connectivity", "Mutual Respect, Benefit ...")`` -> False;
    ``("ЛЕКСИКА ПИДЖИНА", "THE LEXICON OF PIDGIN")`` -> False (the title printed again in another language)
    """
    a, b = squash(strip_marks(first)), squash(strip_marks(nxt))
    if not b or not is_title_shaped(b) and word_count(b) > 1:
        return False
    if _ends_sentence(a):
        return False
    last = squash(strip_marks(first.split("\n")[-1])) if "\n" in first else a
    last_script = main_script(last)
    if last_script is not None and main_script(b) not in (None, last_script):
        return False
    starts_lower = b[0].islower()
    # Titles set in capitals wrap without any other sign; two capital lines in a row are one title,
    # unless the first is a short label over a line twice its length: a wrapped title fills its first
    # line first, a rubric ("ИСТОРИЯ РОССИИ") stands over the title.
    both_caps = in_capitals(a) and in_capitals(b) and not is_rubric_over(a, b)
    # A long line followed by one no longer (a tenth of slack: proportional type fills a line
    # unevenly) is a title wrapped at the page width; a short complete headline over a longer line is
    # a headline over its subtitle.
    wrapped = (page_width and len(last) >= WRAP_MIN and len(b) <= len(last) * WRAP_SLACK and word_count(b) >= 3
               and not re.search(r"[?!:]$", last))
    # A question as the title's first part and its subtitle under it, in a paper's front (text wrapped
    # at a page width): "Genossenschaft statt Handelshaus?" / "Die Sennereigenossenschaften des ...".
    # (A subtitle explains: three quarters of the question's words at least. A shorter line under a long
    # question is a column's name or a kicker.)
    question = (page_width and last.endswith("?") and word_count(b) >= max(3, 0.75 * word_count(last))
                and not _ends_sentence(b) and in_capitals(last) == in_capitals(b))
    # The last word alone on the line under a full line ("... in Three English" / "Towns").
    last_word = (page_width and len(last) >= WRAP_MIN and word_count(b) == 1 and b[0].isalpha()
                 and not re.search(r"[?!:.]$", last) and not is_code_or_label(b))
    return starts_lower or both_caps or wrapped or last_word or question or bool(_CONTINUES_RE.search(a))


# A rubric is at most this many words.
RUBRIC_LABEL_WORDS = 3


def is_rubric_over(label: str, line: str) -> bool:
    """Whether ``label`` (one line) is a short label over ``line`` rather than its title's first line:
    at most three words (a one-letter conjunction not counted: "ПРАВО И ЦИФРОВЫЕ РЫНКИ"), and ``line``
    over twice as long.

    ``("ИСТОРИЯ РОССИИ", "ПОЧТОВЫЕ СТАНЦИИ СИБИРСКОГО ТРАКТА В ТОБОЛЬСКОЙ ГУБЕРНИИ")`` -> True;
    ``("ТАМОЖЕННЫЕ КНИГИ ВОЛОГДЫ 1670-х гг.", "КАК ИСТОЧНИК ПО ИСТОРИИ ТОРГОВЛИ")`` -> False
    """
    return ("\n" not in label and sum(len(w) > 1 for w in label.split()) <= RUBRIC_LABEL_WORDS
            and 2 * len(label) < len(line))


# Pictographs a post's headline opens or ends with ("🦩 Перепис лелек 2024: ..."): no part of the title.
_EDGE_PICTOGRAPHS = re.compile(r"^(?:[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D]+\s*)+|"
                               r"(?:\s*[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D]+)+$")


def clean_title(text: str) -> str:
    """Title text with marks removed and whitespace squashed; a trailing full stop is dropped, unless
    it ends a year's abbreviation ("... 1914–1917 гг.").

    ``"# **Experience and\\nEnlightenment**"`` -> ``"Experience and Enlightenment"``
    """
    t = _EDGE_PICTOGRAPHS.sub("", squash(strip_marks(text)).replace("**", ""))
    if t.endswith(".") and not t.endswith("..") and not ends_with_year_abbreviation(t):
        return t[:-1].rstrip()
    return t
