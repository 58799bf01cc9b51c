"""A thesis's or dissertation summary's title page (GOST style and its kin).

The page names the author on a line of their own (``КОРЕПАНОВА Дарья Сергеевна``), then the title, the
specialty, the document's kind (``АВТОРЕФЕРАТ диссертации на соискание учёной степени ...``) and the
city and year at its foot (``Киров – 2024``). The people on the next page (supervisor, official
opponents, leading organisation) are no authors, and the defence date is no publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.metadata import authors as au
from pipeline.metadata import title as ti
from pipeline.metadata.text import squash, word_count

# The line that says what the document is: a dissertation summary, a dissertation, a thesis.
KIND_RE = re.compile(
    r"^\s*(?:автореферат\b|диссертаци[яи]\s+на\s+соискание|дисертаці[яї]\s+на\s+здобуття|"
    r"(?:a\s+)?(?:thesis|dissertation)\s+(?:submitted|presented)\b|dissertation\s+zur\s+erlangung|"
    r"thèse\s+(?:présentée|de\s+doctorat|pour\s+obtenir)|"
    # An abstract page's heading line, the specialty's code before it: "6D021300 – «Лингвистика»
    # мамандығы бойынша философия докторы (PhD) дәрежесін алу үшін дайындалған диссертацияға".
    r".{0,120}?(?:дәрежесін\s+алу\s+үшін|диссертацияға\b|на\s+соискание\s+(?:учёной\s+|ученой\s+)?степени))",
    re.IGNORECASE,
)
# Lines of the title page that are neither the author nor the title.
_OTHER_RE = re.compile(r"^\s*(?:на\s+правах\s+рукописи|на\s+правах\s+рукопису|специальност[ьи]|спеціальніст[ьі]|"
                       r"speciality|specialty|научн(?:ый|ая)\s+(?:руководитель|консультант)|науков(?:ий|а)\s+керівник|"
                       r"supervisor|advisor)\b", re.IGNORECASE)
# The city and year at the page's foot: "Киров – 2024", "Москва 2023", "Kyiv – 2024".
IMPRINT_RE = re.compile(r"^\s*[^\W\d_][^\d,;:]{1,40}?\s*[–—-]?\s*((?:19|20)\d\d)\s*(?:г\.?|р\.?)?\s*$")
# The title page is this many blocks at most.
PAGE_BLOCKS = 12


@dataclass
class TitlePage:
    """What a thesis's title page says: the title's block, the author and its block, the year."""

    title_block: int
    author_block: int
    author: au.Author
    year: str | None


def read_title_page(texts: list[str]) -> TitlePage | None:
    """The title page among the first blocks (``texts``), found by the line naming the document's kind;
    None when there is none or it does not name one author above a title (above the kind's line, or
    under it on a dissertation's abstract page).

    ``["На правах рукописи", "КОРЕПАНОВА Дарья Сергеевна", "ЗЕМСКИЕ АГРОНОМЫ ВЯТСКОЙ ГУБЕРНИИ",
    "Специальность 5.6.1", "АВТОРЕФЕРАТ диссертации на соискание учёной степени", "Киров – 2024"]`` ->
    ``TitlePage(title_block=2, author_block=1, author=Author("Корепанова Дарья Сергеевна"), year="2024")``
    """
    kind = next((i for i, t in enumerate(texts[:PAGE_BLOCKS]) if KIND_RE.match(t)), None)
    if kind is None:
        return None
    # The author and the title above the kind's line (a title page), or under it (a dissertation's
    # abstract page: "АҢДАТПА" / the kind / the author / the title / the abstract).
    found = _author_and_title(texts, range(kind)) or _author_and_title(texts, range(kind + 1, min(len(texts), PAGE_BLOCKS)))
    if found is None:
        return None
    author, author_block, title_block = found
    year = None
    for t in texts[kind + 1 : PAGE_BLOCKS + 2]:
        m = IMPRINT_RE.match(squash(t))
        if m:
            year = m.group(1)
            break
    return TitlePage(title_block, author_block, author, year)


def _author_and_title(texts: list[str], where: range) -> tuple[au.Author, int, int] | None:
    """The author's line (one name, four words at most) and the title-shaped line after it among
    ``texts[where]``: the author, its block and the title's; None when the two are not there."""
    author_block = title_block = None
    author = None
    for i in where:
        t = squash(texts[i])
        if not t or _OTHER_RE.match(t):
            continue
        if author is None:
            # (A name set in capitals, no initials: on this page an author's, read in title case.)
            found = au.parse_author_line(t) or (t.isupper() and au.parse_author_line(au.title_case_caps(t)))
            if found and len(found) == 1 and word_count(t) <= 4:
                author, author_block = found[0], i
                continue
        if author is not None and ti.is_title_shaped(t):
            title_block = i
            break
    if author is None or title_block is None or author_block is None:
        return None
    return author, author_block, title_block
