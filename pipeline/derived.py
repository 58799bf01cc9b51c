"""Files derived from records.jsonl for dataset builders: segments.jsonl and bitext.jsonl.

Both are pure functions of the records (no timestamps, records in their file order), so the same
records.jsonl always gives byte-identical files. A run makes each record's lines where the record is
made (the shard, see run/shard.py) and the merge places them; ``write_derived`` makes them from an
existing records.jsonl. Both go through ``derived_lines``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from pipeline.atomic import atomic_writer, dumps_line

# The record fields that can be printed in several languages, in the order bitext.jsonl lists them.
BITEXT_FIELDS = ("title", "abstract", "keywords")
KEYWORD_JOINER = "; "


def iter_records(path: Path) -> Iterator[dict[str, Any]]:
    """Stream the objects of a JSON Lines file, one dict per line (memory does not grow with the file)."""
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def segment_rows(record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """One row per segment of ``record``, numbered in document order.

    ``{"id": "sha256:ab…", "source": {"path": "a.txt", …}, "segments": [{"lang": "ru", "kind": "title",
    "text": "Заголовок", "confidence": 1.0}]}`` ->
    ``{"record_id": "sha256:ab…", "path": "a.txt", "index": 0, "lang": "ru", "kind": "title",
    "confidence": 1.0, "text": "Заголовок"}``
    """
    rid, path = record["id"], record["source"]["path"]
    for i, seg in enumerate(record.get("segments") or []):
        yield {"record_id": rid, "path": path, "index": i, "lang": seg["lang"], "kind": seg["kind"],
               "confidence": seg.get("confidence", 1.0), "text": seg["text"]}


def _versions(record: dict[str, Any], field: str) -> dict[str, str]:
    """The printed versions of one field, by language (the first version of a language wins)."""
    out: dict[str, str] = {}
    if field == "title":
        items = ([record["title"]] if record.get("title") else []) + list(record.get("title_translations") or [])
        for t in items:
            if t.get("lang") and t["lang"] != "und" and t.get("text"):
                out.setdefault(t["lang"], t["text"])
    elif field == "abstract":
        for lang, text in (record.get("abstract") or {}).items():
            if lang != "und" and text:
                out.setdefault(lang, text)
    elif field == "keywords":
        for lang, words in (record.get("keywords") or {}).items():
            if lang != "und" and words:
                out.setdefault(lang, KEYWORD_JOINER.join(words))
    return out


def bitext_rows(record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """One row per field the document prints in two or more languages, e.g. a Russian paper's title
    with its English translation. The ``translation`` mapping (language -> text) is the shape
    Hugging Face ``datasets`` uses for parallel text; keyword lists are joined with ``"; "``.

    ``{"id": "sha256:ab…", "title": {"text": "Заголовок", "lang": "ru"},
    "title_translations": [{"text": "Title", "lang": "en"}], …}`` ->
    ``{"record_id": "sha256:ab…", "path": "a.txt", "field": "title",
    "translation": {"en": "Title", "ru": "Заголовок"}}``
    """
    for field in BITEXT_FIELDS:
        versions = _versions(record, field)
        if len(versions) >= 2:
            yield {"record_id": record["id"], "path": record["source"]["path"], "field": field,
                   "translation": dict(sorted(versions.items()))}


def derived_lines(record: dict[str, Any]) -> tuple[str, int, str, list[str]]:
    """One record's lines of segments.jsonl and bitext.jsonl: (segment lines, how many, bitext lines,
    the field of each bitext line).

    ``{"id": "sha256:ab…", "source": {"path": "a.txt"}, "segments": [{"lang": "en", "kind": "title",
    "text": "T", "confidence": 1.0}]}`` -> ``('{"record_id":"sha256:ab…",…,"text":"T"}\\n', 1, '', [])``
    """
    seg = [dumps_line(row) for row in segment_rows(record)]
    bitext = list(bitext_rows(record))
    return "".join(seg), len(seg), "".join(map(dumps_line, bitext)), [row["field"] for row in bitext]


def write_derived(records: Iterable[dict[str, Any]], segments_path: Path | None,
                  bitext_path: Path | None) -> Counter[str] | None:
    """Write segments.jsonl and bitext.jsonl (each atomically; a None path is skipped) in one pass over
    ``records``. Returns the bitext rows per field (None unless bitext was written)."""
    bitext = Counter[str]() if bitext_path is not None else None
    with ExitStack() as stack:
        seg_out = stack.enter_context(atomic_writer(segments_path)) if segments_path is not None else None
        bi_out = stack.enter_context(atomic_writer(bitext_path)) if bitext_path is not None else None
        for rec in records:
            seg, _, bi, fields = derived_lines(rec)
            if seg_out is not None:
                seg_out.write(seg)
            if bi_out is not None and bitext is not None:
                bitext.update(fields)
                bi_out.write(bi)
    return bitext
