from __future__ import annotations

import hashlib
import json
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


def _rich_record() -> dict[str, Any]:
    """A record with every array and object of the schema non-empty (each item check runs)."""
    rec = build_record(_doc())
    rec.update(
        title={"text": "Title", "lang": "en"},
        title_translations=[{"text": "Заголовок", "lang": "ru"}],
        authors=[{"name": "A. B.", "affiliations": ["Univ"], "email": None}],
        doi="10.1234/x",
        published="2024-05",
        keywords={"en": ["a", "b"]},
        abstract={"en": "Text."},
        footnotes=[{"id": "1", "text": "Note.", "urls": ["http://x.org"], "accessed": "2024-01-02"}],
        references=["Ref."],
        urls=["http://x.org"],
        emails=["a@b.org"],
        boilerplate=["Menu"],
        warnings=["w"],
    )
    rec["segments"].append({"lang": "ru", "kind": "footnote", "text": "Сноска.", "confidence": 0.5})
    return rec


def _broken(node: Any) -> Any:
    """Every record that differs from ``node`` in one place: a value replaced, a key dropped or added."""
    bad_values: list[Any] = [None, "", "x", "english", -1, 2, 0.5, 1.5, True, [], [""], {}, {"x": 1}]
    if isinstance(node, dict):
        for key in list(node):
            for value in [*bad_values, *_broken(node[key])]:
                yield {**node, key: value}
            yield {k: v for k, v in node.items() if k != key}
        yield {**node, "extra": 1}
    elif isinstance(node, list):
        for i, item in enumerate(node):
            for value in [*bad_values, *_broken(item)]:
                yield [*node[:i], value, *node[i + 1 :]]


def test_inline_refs_writes_out_local_definitions_only() -> None:
    from pipeline.record.validate import inline_refs

    defs = {"d": {"type": "string"}, "loop": {"items": {"$ref": "#/$defs/loop"}}}
    schema = {"$defs": defs, "items": {"$ref": "#/$defs/d", "description": "x"},
              "properties": {"a": {"$ref": "#/$defs/loop"}, "b": {"$ref": "other.json"}}}
    out = inline_refs(schema)
    assert out["items"] == {"description": "x", "allOf": [{"type": "string"}]}
    assert out["properties"]["a"] == {"allOf": [{"items": {"$ref": "#/$defs/loop"}}]}
    assert out["properties"]["b"] == {"$ref": "other.json"}
    assert out["$defs"] == defs and schema["items"] == {"$ref": "#/$defs/d", "description": "x"}
    assert "$ref" not in str({k: v for k, v in inline_refs(load_schema("record")).items() if k != "$defs"})


def test_fast_validator_answers_as_fastjsonschema_compiles_the_schema() -> None:
    """The compiled check of the schema with its $refs written out accepts and rejects what
    fastjsonschema's compile of the schema as it stands does, over hundreds of records broken in one
    place."""
    import copy

    import fastjsonschema

    from pipeline.record.validate import _validator

    stock = fastjsonschema.compile(copy.deepcopy(load_schema("record")))
    fast = _validator().fast
    assert fast is not stock

    def verdict(check: Any, rec: Any) -> bool:
        try:
            check(rec)
        except fastjsonschema.JsonSchemaException:
            return False
        return True

    seen = {True: 0, False: 0}
    for rec in [_rich_record(), *_broken(_rich_record())]:
        v = verdict(stock, rec)
        assert verdict(fast, rec) == v, rec
        seen[v] += 1
    assert seen[True] > 50 and seen[False] > 500, seen


def test_nullable_one_ofs_keeps_what_the_schema_allows() -> None:
    from pipeline.record.validate import inline_refs, nullable_one_ofs

    date = {"type": "string", "pattern": "^[0-9]{4}$"}
    assert nullable_one_ofs({"description": "d", "oneOf": [{"allOf": [date]}, {"type": "null"}]}) == {
        **date, "description": "d", "type": ["string", "null"]}
    # Left as they are: a branch that constrains null too, a oneOf beside other keywords, three branches.
    for node in ({"oneOf": [{"type": "null"}, {"enum": ["a"]}]},
                 {"oneOf": [{"type": "null"}, {"type": "string", "not": {"const": "a"}}]},
                 {"oneOf": [{"type": "null"}, {"type": "null"}]},
                 {"minLength": 1, "oneOf": [{"type": "null"}, date]},
                 {"oneOf": [{"type": "null"}, date, {"type": "integer"}]}):
        assert nullable_one_ofs(node) == node
    fast_schema = nullable_one_ofs(inline_refs(load_schema("record")))
    assert "oneOf" not in json.dumps({k: v for k, v in fast_schema.items() if k != "$defs"})


def test_fast_validator_accepts_what_jsonschema_accepts() -> None:
    """The fast path says "valid" only where the reference validator does (and, on these records,
    "invalid" only where it does too)."""
    from pipeline.record.validate import _validator

    validators = _validator()

    def fast_ok(rec: Any) -> bool:
        try:
            validators.fast(rec)
        except Exception:  # noqa: BLE001
            return False
        return True

    seen = {True: 0, False: 0}
    for rec in [_rich_record(), *_broken(_rich_record())]:
        v = validators.full.is_valid(rec)
        assert fast_ok(rec) == v, rec
        seen[v] += 1
    assert seen[True] > 50 and seen[False] > 500, seen


def test_segments_in_the_record() -> None:
    """Each segment with text, its four keys in order, the confidence rounded; empty ones left out."""
    doc = _doc()
    doc.segments = [Segment(lang="en", kind="paragraph", text="Hello.", confidence=0.123456, block=0),
                    Segment(lang="ru", kind="paragraph", text="", confidence=1.0, block=0)]
    segs = build_record(doc)["segments"]
    assert json.dumps(segs) == json.dumps([{"lang": "en", "kind": "paragraph", "text": "Hello.", "confidence": 0.1235}])
