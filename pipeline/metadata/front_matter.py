"""Metadata from a markdown file's front matter block (``Document.front_matter``, read by repair).

The block states what the page shows: where it names a field, its value is taken over what the rules
read from the text. Keys as pandoc and Quarto write them: ``title``, ``subtitle``, ``author``/``authors``
(names, or mappings with ``name``, ``affiliation(s)``, ``email``), ``date``, ``doi``, ``keywords``
(a list or a comma-separated string), ``abstract``, ``lang``; a language suffix gives another
language's copy (``title-en``, ``abstract-en``, ``keywords-en``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pipeline.metadata import dates
from pipeline.metadata.authors import Author
from pipeline.metadata.text import squash
from pipeline.names import split_pandoc_markers

__all__ = ["FrontMatter", "read_front_matter"]

_LANG = re.compile(r"^([a-z]{2})(?:[-_][A-Za-z]{2,4})?$")
_SUFFIXED = re.compile(r"^(title|abstract|keywords)[-_]([a-z]{2})$")
_DOI = re.compile(r"10\.\d{4,9}/\S+")
_ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


@dataclass
class FrontMatter:
    """The fields a front matter block gives; empty ones were not stated."""

    lang: str | None = None
    title: str | None = None
    translations: list[tuple[str, str]] = field(default_factory=list)  # (text, lang)
    authors: list[Author] = field(default_factory=list)
    published: str | None = None
    doi: str | None = None
    keywords: dict[str, list[str]] = field(default_factory=dict)  # "" for the main language
    abstract: dict[str, str] = field(default_factory=dict)  # "" for the main language


def read_front_matter(fm: dict[str, Any], day_first: bool = True) -> FrontMatter:
    """The metadata fields of a parsed front matter block.

    >>> r = read_front_matter({"title": "A study", "author": [{"name": "Ana Lima"}], "date": "2022-11-30",
    ...                        "keywords": "press, migration", "lang": "pt-BR", "title-en": "A study (en)"})
    >>> r.title, [a.name for a in r.authors], r.published, r.keywords, r.lang, r.translations
    ('A study', ['Ana Lima'], '2022-11-30', {'': ['press', 'migration']}, 'pt', [('A study (en)', 'en')])
    """
    out = FrontMatter()
    lang = _text(fm.get("lang") or fm.get("language"))
    if lang and (m := _LANG.match(lang)):
        out.lang = m.group(1).lower()
    # (A dataset card names its dataset under "pretty_name".)
    title = _text(fm.get("title") or fm.get("pretty_name"))
    if title:
        subtitle = _text(fm.get("subtitle"))
        out.title = f"{title}: {subtitle}" if subtitle and not title.endswith((":", "?", "!", ".")) else \
            f"{title} {subtitle}" if subtitle else title
    for key, value in fm.items():
        m = _SUFFIXED.match(key)
        if not m:
            continue
        kind, code = m.groups()
        if kind == "title" and (t := _text(value)):
            out.translations.append((t, code))
        elif kind == "abstract" and (t := _text(value)):
            out.abstract[code] = t
        elif kind == "keywords" and (items := _items(value)):
            out.keywords[code] = items
    out.authors = _authors(fm.get("author", fm.get("authors")))
    # (A web clipper writes the page's date as "published" and its own as "created"; Hugo "publishDate".)
    out.published = _date(next((fm[k] for k in ("date", "published", "publishDate") if k in fm), None), day_first)
    # (Quarto puts the article's own DOI under "citation".)
    citation = fm.get("citation")
    doi = _text(fm.get("doi")) or (_text(citation.get("doi")) if isinstance(citation, dict) else None)
    if doi and (m := _DOI.search(doi)):
        out.doi = m.group(0).rstrip(".,;").lower()
    if items := _items(fm.get("keywords")):
        out.keywords[""] = items
    if abstract := _text(fm.get("abstract")):
        out.abstract[""] = abstract
    return out


def _text(value: Any) -> str | None:
    """A scalar as one line of text; None for an empty value or a container."""
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    t = squash(str(value))
    return t or None


def _items(value: Any) -> list[str]:
    """Keywords from a list or from a string separated by commas or semicolons."""
    if isinstance(value, list):
        raw = [_text(v) for v in value]
    elif (t := _text(value)) is not None:
        raw = [x.strip() for x in re.split(r"[;,]", t)]
    else:
        raw = []
    return [x for x in raw if x]


def _authors(value: Any) -> list[Author]:
    """Authors from a name, a list of names, or a list of mappings with a name."""
    entries = value if isinstance(value, list) else [value] if value is not None else []
    out: list[Author] = []
    for e in entries:
        if isinstance(e, dict):
            name = _person_name(e)
            if not name:
                continue
            affs = e.get("affiliations", e.get("affiliation"))
            aff_list = [a for a in (_text(x.get("name") if isinstance(x, dict) else x)
                                    for x in (affs if isinstance(affs, list) else [affs])) if a]
            out.append(Author(name, affiliations=aff_list, email=_text(e.get("email"))))
        elif (name := _text(e)) is not None:
            name = _WIKI_LINK.sub(lambda m: m.group(2) or m.group(1), name)
            for n in re.split(r"\s+and\s+|;", name):
                # (A pandoc superscript after the name is its affiliation's marker: "Кондратьева^1,2^".)
                n, marks = split_pandoc_markers(n.strip())
                if n:
                    out.append(Author(n, [m for x in marks for m in x.split(",") if m]))
    return out


def _person_name(entry: dict[str, Any]) -> str | None:
    """An author mapping's name: ``name`` as text, or its parts as CSL and Quarto write them (``given``,
    ``family`` and the particles between), under ``name`` or in the entry itself.

    ``{"name": {"given": "Ana", "non-dropping-particle": "de", "family": "Oliveira Prado"}}`` ->
    ``"Ana de Oliveira Prado"``; ``{"name": "Ana Lima"}`` -> ``"Ana Lima"``
    """
    value = entry.get("name")
    if isinstance(value, str) or value is None and not ("family" in entry or "given" in entry):
        return _text(value)
    parts = value if isinstance(value, dict) else entry
    keys = ("given", "dropping-particle", "non-dropping-particle", "family", "suffix")
    name = " ".join(t for k in keys if (t := _text(parts.get(k))))
    return name or _text(parts.get("literal"))


# A wiki link a note-taking app writes around a name: "[[Elena Moschou]]", "[[people/E. Moschou|Elena Moschou]]".
_WIKI_LINK = re.compile(r"\[\[([^\]|]*)(?:\|([^\]]*))?\]\]")


def _date(value: Any, day_first: bool) -> str | None:
    """An ISO date at its precision: ``"2022-11-30"``, ``"2022-11-30T10:00:00"`` -> ``"2022-11-30"``,
    ``"30 November 2022"`` -> ``"2022-11-30"``."""
    t = _text(value)
    if t is None:
        return None
    if _ISO.match(t[:10]) and (len(t) <= 10 or t[10] in "T "):
        return t[:10]
    found = dates.find_dates(t, day_first)
    return found[0].iso if found else None
