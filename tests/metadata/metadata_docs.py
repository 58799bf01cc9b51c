"""Build Documents the way the earlier stages leave them, for the metadata tests."""

from __future__ import annotations

from collections import Counter

from pipeline.config import MetadataConfig
from pipeline.document import Block, Document, Footnote, Segment, Source
from pipeline.metadata import extract_metadata
from pipeline.metadata.text import main_script

_SCRIPT_LANG = {"cyrillic": "ru", "latin": "en", "han": "zh"}


def make_doc(
    blocks: list[str | tuple[str, str] | tuple[str, list[tuple[str, str]]]],
    furniture: list[str] | None = None,
    boilerplate: list[str] | None = None,
    footnotes: list[tuple[str, str]] | None = None,
) -> Document:
    """A Document after repair and languages.

    Each block is a text (kind paragraph, language by script), a ``(kind, text)`` pair, or a
    ``(kind, [(lang, piece), ...])`` pair whose pieces are the block's segments, joined by a space.
    """
    doc = Document(source=Source(path="t.txt", sha256="0" * 64, size_bytes=1, encoding="utf-8"))
    built: list[Block] = []
    pieces_per_block: list[list[tuple[str, str]]] = []
    for b in blocks:
        if isinstance(b, str):
            kind, content = "paragraph", b
        else:
            kind, content = b
        if isinstance(content, str):
            pieces = [(_SCRIPT_LANG.get(main_script(content) or "", "en"), content)]
        else:
            pieces = list(content)
        built.append(Block(kind, " ".join(p for _l, p in pieces)))
        pieces_per_block.append(pieces)
    doc.set_blocks(built)
    letters: Counter[str] = Counter()
    for i, pieces in enumerate(pieces_per_block):
        for lang, piece in pieces:
            doc.segments.append(Segment(lang, built[i].kind, piece, 0.99, block=i))
            letters[lang] += sum(c.isalpha() for c in piece)
    for n, (fid, text) in enumerate(footnotes or []):
        doc.footnotes.append(Footnote(fid, text))
        lang = _SCRIPT_LANG.get(main_script(text) or "", "en")
        doc.segments.append(Segment(lang, "footnote", text, 0.9, block=-1, note=n))
    total = sum(letters.values()) or 1
    doc.languages = {k: v / total for k, v in letters.items()}
    doc.furniture = list(furniture or [])
    doc.boilerplate = list(boilerplate or [])
    return doc


def run(doc: Document, **cfg: object) -> dict:
    """The metadata the stage extracts from ``doc``."""
    return extract_metadata(doc, MetadataConfig(**cfg)).metadata  # type: ignore[arg-type]


LONG_EN = (
    "The two countries have developed a comprehensive partnership over the past decades, and their "
    "cooperation now covers trade, energy, science and education as well as regional security."
)
LONG_RU = (
    "За последние десятилетия две страны выстроили всеобъемлющее партнёрство, и их сотрудничество "
    "охватывает торговлю, энергетику, науку и образование, а также региональную безопасность."
)
