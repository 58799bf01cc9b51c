"""Every damaged variant of every seed gives the same text, segments and metadata as the clean seed.

The variants come from tests/damaged_corpus.py (cp1251, KOI8-R, UTF-16, cp1252 mojibake,
cp1251 read as latin-1, UTF-8 read as KOI8-R/cp866/mac-cyrillic, codepage swaps, one paragraph
damaged, HTML entities, control characters, CRLF and CR), and go through the whole pipeline
from bytes, so ingest, repair and the later stages are all held to it.
"""

from __future__ import annotations

import hashlib
from functools import cache
from typing import Any

import pytest
from damaged_corpus import VARIANTS, bases, corpus

from pipeline.config import from_mapping
from pipeline.document import Document, Source
from pipeline.stages import Pipeline

# What must not change: everything the document says (provenance and repair counts do change).
SAME = ("text", "segments", "title", "authors", "doi", "published", "venue", "keywords", "abstract",
        "languages", "footnotes", "references", "urls", "boilerplate")

CORPUS = corpus()


@cache
def _pipeline() -> Pipeline:
    return Pipeline(from_mapping({}))


def _record(raw: bytes, name: str) -> dict[str, Any]:
    doc = Document(source=Source(path=name, sha256=hashlib.sha256(raw).hexdigest(), size_bytes=len(raw)), raw=raw)
    out = _pipeline().process(doc)
    assert out.record is not None, out.quarantine
    return out.record


@cache
def _clean(base: str) -> dict[str, Any]:
    return _record(bases()[base].encode("utf-8"), f"{base}.txt")


def test_corpus_covers_every_damage() -> None:
    made = {v for _, v in CORPUS}
    assert made == set(VARIANTS)
    # Every seed in every charset it can be written in, and the Russian excerpt in all of them
    # (but the page layout, which only the whole PDF extraction has).
    assert {v for b, v in CORPUS if b.startswith("003ru")} == set(VARIANTS) - {"pdf-pages"}
    assert ("003", "pdf-pages") in CORPUS


@pytest.mark.parametrize(("base", "variant"), sorted(CORPUS), ids=[f"{b}-{v}" for b, v in sorted(CORPUS)])
def test_damaged_variant_matches_clean(base: str, variant: str) -> None:
    damaged = _record(CORPUS[(base, variant)], f"{base}.{variant}.txt")
    clean = _clean(base)
    for key in SAME:
        assert damaged.get(key) == clean.get(key), key
    if variant not in ("crlf", "cr", "utf-8-bom", "utf-16", "utf-16-be-bom", "cp1251", "koi8-r"):
        assert damaged["repairs"] != clean["repairs"]  # the damage was seen and accounted for


@pytest.mark.parametrize(("variant", "encoding"), [("cp1251", "cp1251"), ("koi8-r", "koi8-r"),
                                                   ("utf-16", "utf-16-le"), ("utf-16-be-bom", "utf-16-be"),
                                                   ("utf-8-bom", "utf-8-sig"), ("crlf", "utf-8")])
def test_source_encoding_is_recorded(variant: str, encoding: str) -> None:
    base = "003ru-koi8" if variant == "koi8-r" else "003ru"
    assert _record(CORPUS[(base, variant)], "x.txt")["source"]["encoding"] == encoding
