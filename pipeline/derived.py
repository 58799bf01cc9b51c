"""Files derived from records.jsonl for dataset builders: segments.jsonl and bitext.jsonl.

Both are pure functions of the records (no timestamps, records in their file order), so the same
records.jsonl always gives byte-identical files. A run makes each record's lines where the record is
made (the shard, see run/shard.py) and the merge places them; ``write_derived`` makes them from an
existing records.jsonl. Both go through ``derived_lines``.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from json.encoder import encode_basestring  # the C escaper json.dumps(ensure_ascii=False) uses
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
        yield _segment_row(rid, path, i, seg)


def _segment_row(rid: Any, path: Any, i: int, seg: dict[str, Any]) -> dict[str, Any]:
    return {"record_id": rid, "path": path, "index": i, "lang": seg["lang"], "kind": seg["kind"],
            "confidence": seg.get("confidence", 1.0), "text": seg["text"]}


def _segment_lines(record: dict[str, Any]) -> list[str]:
    """``[dumps_line(row) for row in segment_rows(record)]``, with the rows of plain values (strings, a
    finite float or int confidence: every row of a real record) written by formatting instead of a
    dict and an encoder call each. The record's id and path are escaped once, not once per row.

    ``{"id": "sha256:ab", "source": {"path": "a.txt"}, "segments": [{"lang": "en", "kind": "title",
    "text": "T", "confidence": 1.0}]}`` ->
    ``['{"record_id":"sha256:ab","path":"a.txt","index":0,"lang":"en","kind":"title","confidence":1.0,"text":"T"}\\n']``
    """
    rid, path = record["id"], record["source"]["path"]
    if type(rid) is not str or type(path) is not str:
        return [dumps_line(row) for row in segment_rows(record)]
    head = '{"record_id":' + encode_basestring(rid) + ',"path":' + encode_basestring(path) + ',"index":'
    out = []
    for i, seg in enumerate(record.get("segments") or []):
        lang, kind, text, conf = seg["lang"], seg["kind"], seg["text"], seg.get("confidence", 1.0)
        if (type(lang) is str and type(kind) is str and type(text) is str
                and (type(conf) is int or (type(conf) is float and math.isfinite(conf)))):
            # repr is how json writes an int or a finite float.
            out.append(f'{head}{i},"lang":{encode_basestring(lang)},"kind":{encode_basestring(kind)},'
                       f'"confidence":{conf!r},"text":{encode_basestring(text)}}}\n')
        else:
            out.append(dumps_line(_segment_row(rid, path, i, seg)))
    return out


_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode  # dumps_line without "\n"
_SEGMENT_KEYS = ("lang", "kind", "text", "confidence")  # a record's segment, in build_record's order


def encode_with_segments(record: dict[str, Any]) -> tuple[bytes, bytes, int] | None:
    """``(dumps_line(record)[:-1].encode("utf-8"), "".join(_segment_lines(record)).encode("utf-8"), number
    of segments)``, with each segment's strings escaped once for both, where a segment's text sits in the
    record and again in its line of segments.jsonl. Raises what encoding ``dumps_line(record)`` would
    (a TypeError or ValueError of json, a UnicodeEncodeError at the same characters). None (nothing
    done) unless the record is a dict with a str id and source path and a list of segments of exactly
    build_record's keys, str values and an int or finite float confidence: every record of the real stages.

    ``{"id": "sha256:ab", "source": {"path": "a.txt"}, "segments": [{"lang": "en", "kind": "title",
    "text": "T", "confidence": 1.0}]}`` ->
    ``(b'{"id":"sha256:ab","source":{"path":"a.txt"},"segments":[{"lang":"en","kind":"title","text":"T","confidence":1.0}]}',
    b'{"record_id":"sha256:ab","path":"a.txt","index":0,"lang":"en","kind":"title","confidence":1.0,"text":"T"}\\n', 1)``
    """
    if type(record) is not dict:
        return None
    rid, source, segments = record.get("id"), record.get("source"), record.get("segments")
    if type(rid) is not str or type(source) is not dict or type(segments) is not list:
        return None
    path = source.get("path")
    if type(path) is not str:
        return None
    escape, finite = encode_basestring, math.isfinite
    head = '{"record_id":' + escape(rid) + ',"path":' + escape(path) + ',"index":'
    in_record: list[str] = []
    lines: list[str] = []
    for i, seg in enumerate(segments):
        if type(seg) is not dict or tuple(seg) != _SEGMENT_KEYS:
            return None
        lang, kind, text, conf = seg["lang"], seg["kind"], seg["text"], seg["confidence"]
        if not (type(lang) is str and type(kind) is str and type(text) is str
                and (type(conf) is int or (type(conf) is float and finite(conf)))):
            return None
        lang_kind = f'"lang":{escape(lang)},"kind":{escape(kind)},'
        text, conf = escape(text), repr(conf)  # repr is how json writes an int or a finite float
        in_record.append(f'{{{lang_kind}"text":{text},"confidence":{conf}}}')
        lines.append(f'{head}{i},{lang_kind}"confidence":{conf},"text":{text}}}\n')
    # A dict is written item by item, so the items before and after the segments are written as dicts
    # of their own and the three joined, as UTF-8 (the large rest, the text, is not copied as text first).
    keys = list(record)
    at = keys.index("segments")
    before, after = _ENCODE({k: record[k] for k in keys[:at]}), _ENCODE({k: record[k] for k in keys[at + 1:]})
    segments_item = '"segments":[' + ",".join(in_record) + "]"
    try:
        after_b = after.encode("utf-8")
        line = b"".join([before[:-1].encode("utf-8"), b"," if len(before) > 2 else b"",
                         segments_item.encode("utf-8"), b"," if len(after) > 2 else b"", memoryview(after_b)[1:]])
        return line, "".join(lines).encode("utf-8"), len(lines)
    except UnicodeEncodeError:
        # Raised as encoding the whole line raises it (the same characters).
        bodies = (before[1:-1], segments_item, after[1:-1])
        ("{" + ",".join(b for b in bodies if b) + "}").encode("utf-8")
        raise


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
    seg = _segment_lines(record)
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
