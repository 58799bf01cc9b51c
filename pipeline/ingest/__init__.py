"""Ingest: the document's bytes become text; the charset used is recorded in ``source.encoding``."""

from __future__ import annotations

from pipeline.config import InputConfig
from pipeline.document import Document, DocumentError
from pipeline.ingest.decode import NotText, decode_bytes

__all__ = ["ingest", "decode_bytes", "NotText"]


def ingest(doc: Document, cfg: InputConfig) -> Document:
    """Decode ``doc.raw`` into ``doc.text``; raise ``DocumentError("ingest", reason)`` for non-text input."""
    if len(doc.raw) > cfg.max_bytes:
        raise DocumentError("ingest", f"file too large: {len(doc.raw)} bytes > input.max_bytes={cfg.max_bytes}")
    try:
        text, encoding = decode_bytes(doc.raw, notes=doc.warnings)
    except NotText as e:
        raise DocumentError("ingest", str(e)) from e
    doc.text = text
    doc.source.encoding = encoding
    if not doc.source.size_bytes:
        doc.source.size_bytes = len(doc.raw)
    doc.raw = b""
    return doc
