"""A markdown file's YAML front matter: taken out of the text by repair, its fields used by metadata."""

from __future__ import annotations

import pytest

from pipeline.config import load
from pipeline.document import Document, Source
from pipeline.metadata.front_matter import read_front_matter
from pipeline.repair.front_matter import split_front_matter
from pipeline.stages import Pipeline

PAPER = """---
title: "Letras do outro lado do mundo: a imprensa em língua japonesa"
title-en: "Letters from the other side of the world: the Japanese-language press"
author:
  - name: Marina Tiemi Okuyama
    affiliation: Universidade Estadual do Vale do Ribeira
    email: marina@uevr.example.br
  - name: Rafael Couto Bettencourt
date: 2022-11-30
date-accepted: 2022-09-21
doi: https://doi.org/10.51289/RHIM.v14i2.4471
lang: pt-BR
keywords: [imprensa étnica, imigração japonesa, nikkei]
keywords-en: [ethnic press, Japanese immigration, nikkei]
abstract: |
  Este artigo analisa a trajetória dos jornais publicados em língua japonesa na cidade de São
  Paulo entre 1932 e 1941.
---

# Introdução

A imprensa em língua japonesa no Brasil nasceu com a própria imigração, e os primeiros jornais circularam
entre os colonos das fazendas de café do interior paulista muito antes de chegarem à capital do estado.
"""


@pytest.mark.parametrize(("text", "has_block"), [
    ("---\ntitle: A study\n---\nBody.\n", True),
    ("\ufeff---\ntitle: A study\n...\nBody.\n", True),  # a BOM before, pandoc's "..." closing
    ("---\nAuthor: Ana Lima\n---\n", True),  # keys in any case
    ("---\n\nSome text after a rule.\n\n---\nMore text.\n", False),  # not a mapping
    ("---\nfoo: bar\n---\nBody.\n", False),  # no known field
    ("---\ntitle: [unclosed\n---\nBody.\n", False),  # not YAML
    ("---\ntitle: A study\nBody without a closing line.\n", False),
    ("Body.\n---\ntitle: A study\n---\n", False),  # not at the top
])
def test_split_front_matter(text: str, has_block: bool) -> None:
    fields, rest, n = split_front_matter(text)
    assert bool(fields) is has_block
    # (A block's title stays in the text as a paragraph, as pandoc renders it.)
    assert (rest == text and n == 0) if not has_block else (rest.strip() in ("A study\n\nBody.", "") and n > 0)


def test_the_blocks_prose_stays_in_the_text_in_each_language() -> None:
    fields, rest, _n = split_front_matter(PAPER)
    paras = rest.split("\n\n")
    assert paras[0] == fields["title"] and paras[1] == fields["title-en"]
    assert paras[2].startswith("Este artigo analisa") and paras[3].startswith("# Introdução")
    assert "# Introdução" in rest and "doi:" not in rest and "keywords" not in rest


def test_read_front_matter_fields() -> None:
    fm = read_front_matter(split_front_matter(PAPER)[0])
    assert fm.title == "Letras do outro lado do mundo: a imprensa em língua japonesa"
    assert fm.translations == [("Letters from the other side of the world: the Japanese-language press", "en")]
    assert [(a.name, a.affiliations, a.email) for a in fm.authors] == [
        ("Marina Tiemi Okuyama", ["Universidade Estadual do Vale do Ribeira"], "marina@uevr.example.br"),
        ("Rafael Couto Bettencourt", [], None)]
    assert (fm.published, fm.doi, fm.lang) == ("2022-11-30", "10.51289/rhim.v14i2.4471", "pt")
    assert fm.keywords == {"": ["imprensa étnica", "imigração japonesa", "nikkei"],
                           "en": ["ethnic press", "Japanese immigration", "nikkei"]}
    assert fm.abstract[""].startswith("Este artigo analisa") and fm.abstract[""].endswith("1941.")


@pytest.mark.parametrize(("value", "names"), [
    ("Ana Lima and Rui Sá", ["Ana Lima", "Rui Sá"]), (["Ana Lima", "Rui Sá"], ["Ana Lima", "Rui Sá"]),
    ([{"name": "Ana Lima", "affiliations": [{"name": "USP"}]}], ["Ana Lima"]), (None, []), ([{"orcid": "x"}], []),
])
def test_front_matter_authors(value: object, names: list[str]) -> None:
    assert [a.name for a in read_front_matter({"author": value}).authors] == names


@pytest.mark.parametrize(("value", "iso"), [
    ("2022-11-30", "2022-11-30"), ("2022-11-30T10:00:00", "2022-11-30"), (2022, "2022"),
    ("30 November 2022", "2022-11-30"), ("soon", None),
])
def test_front_matter_dates(value: object, iso: str | None) -> None:
    assert read_front_matter({"date": value}).published == iso


def test_a_paper_with_front_matter_through_the_pipeline() -> None:
    doc = Document(source=Source(path="p.md", sha256="0" * 64, size_bytes=len(PAPER), encoding="utf-8"))
    doc.text = PAPER
    for name, step in Pipeline(load(None)).steps:
        if name != "ingest":  # (the text is given: no bytes to decode)
            doc = step(doc)
    md = doc.metadata
    assert md["title"] == {"text": "Letras do outro lado do mundo: a imprensa em língua japonesa", "lang": "pt"}
    assert [a["name"] for a in md["authors"]] == ["Marina Tiemi Okuyama", "Rafael Couto Bettencourt"]
    assert md["published"] == "2022-11-30" and md["doi"] == "10.51289/rhim.v14i2.4471"
    assert md["keywords"]["en"] == ["ethnic press", "Japanese immigration", "nikkei"]
    assert "title:" not in doc.text and "keywords-en" not in doc.text
    # The title and the abstract stay in the text, the block's data goes.
    assert doc.text.startswith("Letras do outro lado do mundo") and "Este artigo analisa" in doc.text


@pytest.mark.parametrize(("fm", "published"), [
    ({"published": "2024-09-18", "created": "2025-02-03"}, "2024-09-18"),  # a web clipper's keys
    ({"publishDate": "2024-09-18"}, "2024-09-18"),
    ({"date": "2024-09-18", "published": "2023-01-01"}, "2024-09-18"),  # "date" first
    ({"created": "2025-02-03"}, None),  # the clip's own date is not the page's
])
def test_the_date_keys_of_other_writers(fm: dict[str, str], published: str | None) -> None:
    from pipeline.metadata.front_matter import read_front_matter
    assert read_front_matter(fm, True).published == published


def test_wiki_links_around_names_are_dropped() -> None:
    from pipeline.metadata.front_matter import read_front_matter
    r = read_front_matter({"author": ["[[Elena Moschou]]", "[[people/jcf|Jordi Casals i Ferrer]]"]}, True)
    assert [a.name for a in r.authors] == ["Elena Moschou", "Jordi Casals i Ferrer"]


def test_csl_and_quarto_name_parts_and_the_doi_under_citation() -> None:
    from pipeline.metadata.front_matter import read_front_matter
    r = read_front_matter({"author": [{"name": {"given": "Ana", "non-dropping-particle": "de", "family": "Oliveira Prado"},
                                       "affiliations": ["Universidade X"]},
                                      {"given": "Jan", "family": "Roth"}, {"name": "Bo Li"}],
                           "citation": {"doi": "10.1234/abc.5", "type": "article"}}, True)
    assert [a.name for a in r.authors] == ["Ana de Oliveira Prado", "Jan Roth", "Bo Li"]
    assert r.doi == "10.1234/abc.5"


@pytest.mark.parametrize(("text", "taken"), [
    # A second block after the body: its fields join the first block's, its prose stays as a paragraph.
    ("---\ntitle: Сроки цветения сирени\nabstract: >\n  Исследованы сроки цветения.\n---\nТекст статьи.\n\n"
     "---\ndoi: 10.1234/abc\nabstract-en: |\n  We studied the flowering dates.\n...\n", True),
    # A horizontal rule, then a paragraph: no block.
    ("---\ntitle: T\n---\nBody.\n\n---\n\nText after a rule.\n", False),
    # A later block naming none of the usual fields stays in the text.
    ("---\ntitle: T\n---\nBody.\n\n---\nfoo: bar\n---\n", False),
])
def test_later_metadata_blocks(text: str, taken: bool) -> None:
    from pipeline.repair.front_matter import split_front_matter
    fields, rest, _n = split_front_matter(text)
    assert ("doi" in fields) is taken
    if taken:
        assert fields["abstract-en"].strip() == "We studied the flowering dates." and fields["title"] == "Сроки цветения сирени"
        assert "doi:" not in rest and "We studied the flowering dates." in rest
    else:
        assert "---" in rest


_BODY = ("Regional bus operators add slack time to timetables so that buses can recover from delays. "
         "We combine smart-card tap-ins with vehicle location records from thirty-eight regional routes.\n\n"
         "Punctuality is the attribute of public transport that passengers mention most often when they are "
         "asked about their satisfaction, and for regional buses it matters even more.\n")


def _metadata(text: str) -> tuple[dict, str]:
    doc = Document(source=Source(path="p.txt", sha256="0" * 64, size_bytes=len(text), encoding="utf-8"))
    doc.text = text
    for name, step in Pipeline(load(None)).steps:
        if name != "ingest":
            doc = step(doc)
    return doc.metadata, doc.text


@pytest.mark.parametrize("header", [
    # An extraction tool's export, its banner above.
    "=====\nExtractor 0.8 full-text export\ngenerated: 2025-01-12T09:31:44Z\n=====\n\n[HEADER]\n"
    "title        : Timetable Padding on Regional Bus Networks\nauthor[1]    : Lotte Verhaegen\n"
    "  affiliation: Flanders Institute of Mobility, Ghent, Belgium\nauthor[2]    : Samuel Okafor-Brandt\n"
    "journal      : Transport Research Letters\ndate[type=received]  : 2023-06-02\n"
    "date[type=published] : 2024-02-15\nidno[DOI]    : 10.55913/trl.2024.0117\n"
    "keywords     : bus reliability | timetable padding\n",
    # A scraper's metadata lines.
    "title: Timetable Padding on Regional Bus Networks\nauthor: Lotte Verhaegen; Samuel Okafor-Brandt\n"
    "date: 2024-02-15\ndoi: 10.55913/trl.2024.0117\nkeywords: bus reliability, timetable padding\n",
])
def test_a_labelled_header_of_a_plain_text(header: str) -> None:
    md, text = _metadata(header + "\n" + _BODY)
    assert md["title"]["text"] == "Timetable Padding on Regional Bus Networks"
    assert [a["name"] for a in md["authors"]] == ["Lotte Verhaegen", "Samuel Okafor-Brandt"]
    assert md["published"] == "2024-02-15" and md["doi"] == "10.55913/trl.2024.0117"
    assert md["keywords"]["en"] == ["bus reliability", "timetable padding"]
    assert "author" not in text and "Timetable Padding on Regional Bus Networks" in text


@pytest.mark.parametrize("header", [
    "Subject: Bus timetables\nDate: 2024-02-15\nFrom: Lotte Verhaegen\n",  # no title named
    "Title: Timetable Padding on Regional Bus Networks\n",  # a title alone: a line of the text
    "Timetable Padding\n\nNote: the title of the study was changed.\nauthor: see below\n",
])
def test_what_is_no_labelled_header(header: str) -> None:
    md, text = _metadata(header + "\n" + _BODY)
    assert md["published"] != "2024-02-15" or "Date: 2024-02-15" in text
    assert header.split("\n")[0] in text
