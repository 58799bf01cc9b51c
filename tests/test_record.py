from __future__ import annotations

import hashlib
from typing import Any

from pipeline.document import Block, Document, Segment, Source
from pipeline.record import build_record, check_record, record_errors
from pipeline.schemas import load_schema


def _doc() -> Document:
    raw = b"Hello world."
    d = Document(source=Source(path="a.txt", sha256=hashlib.sha256(raw).hexdigest(), size_bytes=len(raw),
                               encoding="utf-8"))
    d.set_blocks([Block("paragraph", "Hello world.")])
    d.segments = [Segment("en", "paragraph", "Hello world.", 0.99, block=0)]
    d.languages = {"en": 1.0}
    d.repairs["line_ends"] += 2
    return d


def test_minimal_document_gives_a_valid_record() -> None:
    rec = build_record(_doc())
    check_record(rec)
    assert rec["id"] == "sha256:" + hashlib.sha256(b"Hello world.").hexdigest()
    assert rec["title"] is None and rec["doi"] is None and rec["published"] is None
    assert rec["repairs"] == {"line_ends": 2}


def test_errors_carry_json_paths() -> None:
    rec = build_record(_doc())
    rec["segments"][0]["lang"] = "english"
    rec["doi"] = "https://doi.org/10.1/x"
    rec["extra"] = 1
    errs = record_errors(rec)
    assert any(e.startswith("$.segments[0].lang:") for e in errs)
    assert any(e.startswith("$.doi:") for e in errs)
    assert any(e.startswith("$:") and "extra" in e for e in errs)


def test_published_date_shapes() -> None:
    rec = build_record(_doc())
    for good in ("2024", "2024-05", "2024-05-31"):
        rec["published"] = good
        assert record_errors(rec) == []
    for bad in ("24", "2024-13", "2024-05-32", "5 May 2024"):
        rec["published"] = bad
        assert record_errors(rec), bad


def _walk(node: Any, path: str = "$") -> list[str]:
    missing = []
    if isinstance(node, dict):
        for name, sub in (node.get("properties") or {}).items():
            if "description" not in sub and "$ref" not in sub:
                missing.append(f"{path}.{name}")
            missing += _walk(sub, f"{path}.{name}")
        for key in ("items", "additionalProperties"):
            if isinstance(node.get(key), dict):
                missing += _walk(node[key], path + "[]")
        for key in ("oneOf", "anyOf"):
            for alt in node.get(key) or []:
                missing += _walk(alt, path)
    return missing


def test_every_record_property_is_described() -> None:
    schema = load_schema("record")
    assert schema["additionalProperties"] is False
    assert _walk(schema) == []


def test_messages_come_from_jsonschema_and_agree_with_it() -> None:
    """The compiled fast path only answers "valid?"; an invalid record's messages are jsonschema's own,
    and where the two validators read the schema differently, jsonschema's answer stands."""
    from jsonschema import Draft202012Validator

    rec = build_record(_doc())
    rec["segments"][0]["lang"] = "english"
    rec["title"] = {"text": "", "lang": "en"}
    reference = Draft202012Validator(load_schema("record"))
    assert sorted(e.message for e in reference.iter_errors(rec)) == sorted(
        e.split(": ", 1)[1] for e in record_errors(rec))
    # A pattern's "$" matches before a final newline in Python's re (and so in jsonschema);
    # fastjsonschema reads it as the end of the string. The record stays valid, as it always was.
    rec = build_record(_doc())
    rec["published"] = "2024\n"
    assert list(reference.iter_errors(rec)) == []
    assert record_errors(rec) == []


def test_validating_leaves_the_shared_schema_as_loaded() -> None:
    import json

    from pipeline.schemas import schema_path

    record_errors(build_record(_doc()))
    assert load_schema("record") == json.loads(schema_path("record").read_text(encoding="utf-8"))
