"""Document -> record dict, with a fixed key order so that output is byte-stable."""

from __future__ import annotations

from typing import Any

from pipeline.document import Document

SCHEMA_VERSION = "1.0"


def _footnotes(doc: Document) -> list[dict[str, Any]]:
    """Footnotes as metadata enriched them (urls, accessed), else as repair moved them out."""
    enriched = doc.metadata.get("footnotes")
    if enriched is not None:
        return list(enriched)
    return [{"id": n.id, "text": n.text} for n in doc.footnotes]


def build_record(doc: Document) -> dict[str, Any]:
    """Assemble everything the stages learned into the record the schema describes.

    Example: a Document with source path "a.txt" and text "Hello." gives
    ``{"schema_version": "1.0", "id": "sha256:…", "source": {"path": "a.txt", …}, …, "text": "Hello.", …}``.
    """
    md = doc.metadata
    src = doc.source
    return {
        "schema_version": SCHEMA_VERSION,
        "id": f"sha256:{src.sha256}",
        "source": {
            "path": src.path,
            "sha256": src.sha256,
            "size_bytes": src.size_bytes,
            "encoding": src.encoding or "unknown",
        },
        "title": md.get("title"),
        "title_translations": list(md.get("title_translations") or []),
        "authors": list(md.get("authors") or []),
        "doi": md.get("doi"),
        "published": md.get("published"),
        "venue": md.get("venue"),
        "keywords": dict(md.get("keywords") or {}),
        "abstract": dict(md.get("abstract") or {}),
        "languages": {k: round(v, 4) for k, v in sorted(doc.languages.items(), key=lambda kv: (-kv[1], kv[0]))},
        "segments": [{"lang": s.lang, "kind": s.kind, "text": s.text, "confidence": round(float(s.confidence), 4)}
                     for s in doc.segments if s.text],
        "text": doc.text,
        "footnotes": _footnotes(doc),
        "references": list(md.get("references") or []),
        "urls": list(md.get("urls") or []),
        "emails": list(md.get("emails") or []),
        "boilerplate": list(doc.boilerplate),
        "repairs": {k: v for k, v in sorted(doc.repairs.items()) if v > 0},
        "warnings": list(doc.warnings),
    }
