"""A metadata block at the top of a markdown file: YAML between two ``---`` lines, as pandoc, Quarto,
Jekyll and Hugo write it. It is data, not text: read with PyYAML and taken out of the text; the
metadata stage reads its fields (``Document.front_matter``). Its prose (title, subtitle, abstract)
stays in the text as paragraphs, as pandoc renders it, so that no sentence of the document is lost.

A block that does not parse, is not a mapping or names none of the usual fields (``KNOWN_KEYS``)
is left in the text as it is: a page may open with a horizontal rule.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

__all__ = ["KNOWN_KEYS", "split_front_matter", "split_labelled_header"]

# A front matter block names at least one of these (or one of them with a language suffix, "title-en").
KNOWN_KEYS = frozenset(("title", "subtitle", "author", "authors", "date", "doi", "abstract", "keywords", "lang",
                        "language", "description", "tags"))
# The closing line is looked for this far down: a block is a few dozen lines, and a rule near the top
# of a long page with another far below is no block.
MAX_LINES = 300
_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
_LANG_SUFFIX = re.compile(r"^([a-z]+)[-_]([a-z]{2})$")


def split_front_matter(text: str) -> tuple[dict[str, Any], str, int]:
    """The fields of a front matter block at the top of ``text``, the text without it, and the number
    of lines taken; ``({}, text, 0)`` when there is no block.

    Values come back as JSON types (a YAML date as its ISO string), keys in lower case.
    >>> split_front_matter("---\\ntitle: A study\\ndate: 2022-11-30\\n---\\nBody.\\n")
    ({'title': 'A study', 'date': '2022-11-30'}, 'A study\\n\\nBody.\\n', 4)
    >>> split_front_matter("---\\nNot: a block, just a rule\\n")[0]
    {}
    """
    body = text.lstrip("\ufeff")
    if not body.startswith("---"):
        return {}, text, 0
    lines = body.split("\n", MAX_LINES + 1)
    if lines[0].rstrip() != "---":
        return {}, text, 0
    end = next((i for i in range(1, min(len(lines), MAX_LINES)) if _FENCE.match(lines[i])), None)
    if end is None:
        return {}, text, 0
    try:
        data = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError:
        return {}, text, 0
    if not isinstance(data, dict):
        return {}, text, 0
    fields = {str(k).strip().lower(): _plain(v) for k, v in data.items()}
    if not any(_base_key(k) in KNOWN_KEYS for k in fields):
        return {}, text, 0
    rest = "\n".join(lines[end + 1 :])
    prose = rendered_prose(fields)
    if prose:
        rest = "\n\n".join(prose) + "\n\n" + rest.lstrip("\n")
    taken = end + 1
    if "\n---" in rest:
        # Pandoc reads further metadata blocks anywhere in the file (a second language's title and
        # abstract, the DOI and dates at the end): their fields join the first block's (which wins).
        more, rest, n = _later_blocks(rest)
        for k, v in more.items():
            fields.setdefault(k, v)
        taken += n
    return fields, rest, taken


def _later_blocks(text: str) -> tuple[dict[str, Any], str, int]:
    """The fields of the metadata blocks further down ``text`` (``---`` after a blank line, not followed
    by one, YAML naming a usual field, closed by ``---`` or ``...``), the text with each block replaced
    by its prose, and the number of lines taken.

    >>> _later_blocks("Body.\\n\\n---\\ndoi: 10.1/x\\nabstract-en: A study.\\n...\\n")
    ({'doi': '10.1/x', 'abstract-en': 'A study.'}, 'Body.\\n\\nA study.\\n', 4)
    """
    lines = text.split("\n")
    fields: dict[str, Any] = {}
    out: list[str] = []
    taken = 0
    i = 0
    while i < len(lines):
        if lines[i].rstrip() == "---" and (i == 0 or not lines[i - 1].strip()) and i + 1 < len(lines) \
                and lines[i + 1].strip():
            end = next((j for j in range(i + 1, min(len(lines), i + MAX_LINES)) if _FENCE.match(lines[j])), None)
            data = None
            if end is not None:
                try:
                    data = yaml.safe_load("\n".join(lines[i + 1 : end]))
                except yaml.YAMLError:
                    data = None
            if isinstance(data, dict) and any(_base_key(str(k).strip().lower()) in KNOWN_KEYS for k in data):
                block = {str(k).strip().lower(): _plain(v) for k, v in data.items()}
                for k, v in block.items():
                    fields.setdefault(k, v)
                out.extend(rendered_prose(block))
                taken += end + 1 - i
                i = end + 1
                continue
        out.append(lines[i])
        i += 1
    return fields, "\n".join(out), taken


# A labelled header: "key : value" lines at the top of a plain text (an extraction tool's export, a
# scraper's metadata lines, an e-book's header). It is looked for among the first this many lines.
HEADER_SCAN_LINES = 40
# "title        : Road tolls", "author[2] : Anna Berg", "date[type=published] : 2024-02-15",
# "  affiliation: ..." (indented: it belongs to the author above).
_LABELLED = re.compile(r"^(?P<indent>[ \t]*)(?P<key>[A-Za-z][A-Za-z _/.-]{0,30}?)\s*(?:\[(?P<qual>[^\]]{1,30})\])?"
                       r"\s*:\s+(?P<value>\S.*?)\s*$")
# The header's keys, as the fields they give (the others, such as a journal or its pages, are consumed).
_HEADER_KEYS = {"title": "title", "subtitle": "subtitle", "author": "author", "authors": "author",
                "creator": "author", "doi": "doi", "idno": "idno", "keywords": "keywords", "tags": "keywords",
                "language": "lang", "lang": "lang", "abstract": "abstract", "date": "date", "published": "published",
                "publication date": "published", "date published": "published", "release date": "published"}
# What a date's qualifier or an identifier's type may say.
_PUBLISHED_QUALIFIERS = ("published", "publication", "issued", "online")
_KEYWORD_SEPARATORS = re.compile(r"\s*[|;]\s*|,\s+")


def split_labelled_header(text: str) -> tuple[dict[str, Any], str, int]:
    """The fields of a labelled header near the top of ``text`` (a run of ``key : value`` lines that names
    a title and an author or a date), the text without those lines (its title kept as a paragraph), and
    the number of lines taken; ``({}, text, 0)`` when there is none.

    >>> f, rest, n = split_labelled_header("[HEADER]\\ntitle : Road tolls\\nauthor[1] : Anna Berg\\n"
    ...                                    "  affiliation: Ghent\\ndate[type=received] : 2023-06-02\\n"
    ...                                    "date[type=published] : 2024-02-15\\nkeywords : buses | delay\\n\\nBody.")
    >>> f, rest, n
    ({'title': 'Road tolls', 'published': '2024-02-15', 'keywords': ['buses', 'delay'], 'author': [{'name': 'Anna Berg', 'affiliations': ['Ghent']}]}, '[HEADER]\\nRoad tolls\\n\\nBody.', 6)
    """
    head = text[:4000].lower()
    if "title" not in head or ":" not in head:
        return {}, text, 0
    lines = text.split("\n", HEADER_SCAN_LINES + 1)
    matches = [_LABELLED.match(ln) for ln in lines[:HEADER_SCAN_LINES]]
    i = 0
    while i < len(matches):
        if matches[i] is None:
            i += 1
            continue
        j = i
        run: list[re.Match[str]] = []
        while j < len(matches) and (m := matches[j]) is not None:
            run.append(m)
            j += 1
        fields = _header_fields(run)
        if "title" in fields and ("author" in fields or "published" in fields):
            rest = lines[:i] + rendered_prose(fields) + lines[j:]
            return fields, "\n".join(rest), j - i
        i = j
    return {}, text, 0


def _header_fields(matches: list[re.Match[str]]) -> dict[str, Any]:
    """The front matter fields of a labelled header's lines (see ``split_labelled_header``)."""
    fields: dict[str, Any] = {}
    authors: list[dict[str, Any]] = []
    dated: str | None = None
    for m in matches:
        key = " ".join(m.group("key").lower().split())
        qual = (m.group("qual") or "").lower()
        value = m.group("value")
        name = _HEADER_KEYS.get(key)
        if m.group("indent") and authors and key in ("affiliation", "email"):
            if key == "affiliation":
                authors[-1].setdefault("affiliations", []).append(value)
            else:
                authors[-1]["email"] = value
        elif name == "author":
            authors.extend({"name": n} for n in re.split(r"\s*;\s*|\s+and\s+", value) if n)
        elif name == "date":
            # An undated "date" is the document's; a typed one only when it says published.
            if not qual:
                dated = dated or value
            elif any(q in qual for q in _PUBLISHED_QUALIFIERS):
                fields["published"] = value
        elif name == "idno":
            if qual == "doi":
                fields["doi"] = value
        elif name == "keywords":
            fields["keywords"] = [k for k in _KEYWORD_SEPARATORS.split(value) if k]
        elif name:
            fields.setdefault(name, value)
    if authors:
        fields["author"] = authors
    if dated and "published" not in fields:
        fields["published"] = dated
    return fields


# The fields that are the document's own prose, in the order pandoc prints them above the body.
PROSE_KEYS = ("title", "subtitle", "abstract")


def rendered_prose(fields: dict[str, Any]) -> list[str]:
    """The title, subtitle and abstract (each language's copy after it, ``title-en``) as paragraphs:
    the text a reader sees above the body, kept in the text as pandoc renders it (the metadata stage
    reads the fields themselves). Values that are not text are left out.

    >>> rendered_prose({"title": "Letras", "title-en": "Letters", "date": "2022", "abstract": "Um estudo.\\n"})
    ['Letras', 'Letters', 'Um estudo.']
    """
    out = []
    for base in PROSE_KEYS:
        for key, value in fields.items():
            if _base_key(key) == base and isinstance(value, str) and value.strip():
                out.append(value.strip())
    return out


def _base_key(key: str) -> str:
    """A key without its language suffix: ``"title-en"`` -> ``"title"``."""
    m = _LANG_SUFFIX.match(key)
    return m.group(1) if m else key


def _plain(value: Any) -> Any:
    """A YAML value as JSON types: dates as ISO strings, other scalars as they are, containers walked.

    ``[dt.date(2022, 11, 30), {"name": "Ana"}]`` -> ``["2022-11-30", {"name": "Ana"}]``
    """
    if isinstance(value, dict):
        return {str(k).strip().lower(): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)
