"""The Document: one input file and everything the stages learn about it.

Data flows one way: ingest -> repair -> languages -> metadata -> record. Each stage reads what
the earlier ones left on the Document and adds its own fields; none reaches back into another
stage's module. This file is the contract between them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

# Segment and block kinds, as the record schema lists them.
KINDS = (
    "title",
    "heading",
    "byline",
    "abstract",
    "keywords",
    "paragraph",
    "caption",
    "footnote",
    "reference",
    "other",
)


class DocumentError(Exception):
    """A problem with one document: it is quarantined with this reason, and the batch goes on."""

    def __init__(self, stage: str, reason: str) -> None:
        super().__init__(f"{stage}: {reason}")
        self.stage = stage
        self.reason = reason


@dataclass
class Source:
    """Provenance of the input, set by ingest."""

    path: str  # relative to the input directory, POSIX separators
    sha256: str = ""
    size_bytes: int = 0
    encoding: str | None = None  # the charset the bytes were decoded from


@dataclass
class Block:
    """A structural unit of the cleaned text (a paragraph, a heading, a caption, ...).

    Repair produces blocks; ``Document.text`` is their texts joined by blank lines.
    Metadata may refine ``kind`` (title, byline, abstract, keywords) once it knows what a block is.
    """

    kind: str
    text: str


@dataclass
class Footnote:
    id: str
    text: str


@dataclass
class Segment:
    """A run of text in one language. ``block`` is the index of the block it belongs to,
    or -1 for segments of footnotes (``note`` then indexes ``Document.footnotes``)."""

    lang: str
    kind: str
    text: str
    confidence: float = 1.0
    block: int = -1
    note: int = -1


@dataclass
class Document:
    source: Source
    raw: bytes = b""  # the input bytes; ingest reads them, repair on never needs them
    text: str = ""  # ingest: decoded text; after repair: the cleaned main text
    blocks: list[Block] = field(default_factory=list)
    # Page furniture removed by repair (running headers, page numbers, a journal header line):
    # not part of the text, but metadata may read venue, year and DOI from it.
    furniture: list[str] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)  # web furniture removed, kept for audit
    front_matter: dict[str, Any] = field(default_factory=dict)  # repair: a markdown file's metadata block, parsed
    footnotes: list[Footnote] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    languages: dict[str, float] = field(default_factory=dict)
    metadata: dict[str, Any] = field(default_factory=dict)
    repairs: Counter[str] = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage, for the report

    def set_blocks(self, blocks: list[Block]) -> None:
        """Replace the block list and keep ``text`` equal to the blocks joined by blank lines."""
        self.blocks = [b for b in blocks if b.text]
        self.text = "\n\n".join(b.text for b in self.blocks)

    def label_block(self, index: int, kind: str) -> None:
        """Give block ``index`` (and its segments) a more precise kind, e.g. ``title``."""
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}")
        self.blocks[index].kind = kind
        for seg in self.segments:
            if seg.block == index:
                seg.kind = kind
