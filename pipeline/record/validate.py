"""Validation against schemas/record.schema.json with readable messages (JSON path + reason).

Two validators from the one schema: a compiled one (fastjsonschema: the schema turned into plain
Python code, about ten times faster) answers "valid?" for every record, and jsonschema, the
reference implementation, runs only on a record the compiled one rejects, to list every violation
in readable form. jsonschema has the last word: where the two disagree (fastjsonschema reads ``$``
in a pattern as the very end of the string, jsonschema as Python's ``re`` does), its answer stands,
so the fast path changes no outcome, only the time taken. (Records are JSON data: lists, never
tuples, which fastjsonschema would take for arrays where jsonschema would not.)

fastjsonschema gets the schema with its ``$ref``s to ``$defs`` written out in place (``inline_refs``):
the same rules, but checked inline, where a ``$ref`` is a call that first builds the JSON path of the
value it checks (``"data.segments[{i}].lang".format(**locals())``), a ``locals()`` call per segment,
for the message of a rejection the fast path never reads.
Each ``oneOf`` of a schema and null is then written as that schema allowing null (``nullable_one_ofs``),
checked without trying a branch that fails.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from functools import cache
from typing import Any, NamedTuple

import fastjsonschema
from jsonschema import Draft202012Validator

from pipeline.schemas import load_schema


class RecordInvalid(Exception):
    """A record that does not satisfy the schema; ``errors`` lists "path: message" strings."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors


def inline_refs(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with each ``{"$ref": "#/$defs/X", ...}`` replaced by ``{"allOf": [X], ...}`` (X itself
    written out the same way): what the schema allows is unchanged. A ``$ref`` to anything else, or
    back into the definition it is part of, stays as it is.

    ``inline_refs({"$defs": {"d": {"type": "string"}}, "items": {"$ref": "#/$defs/d"}})
    -> {"$defs": {...}, "items": {"allOf": [{"type": "string"}]}}``.
    """
    defs = schema.get("$defs") or {}

    def walk(node: Any, inside: frozenset[str]) -> Any:
        if isinstance(node, list):
            return [walk(x, inside) for x in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        name = ref[len("#/$defs/") :] if isinstance(ref, str) and ref.startswith("#/$defs/") else None
        if name is None or name not in defs or name in inside or "allOf" in node:
            return {k: walk(v, inside) for k, v in node.items()}
        rest = {k: walk(v, inside) for k, v in node.items() if k != "$ref"}
        return {**rest, "allOf": [walk(defs[name], inside | {name})]}

    return {k: (v if k == "$defs" else walk(v, frozenset())) for k, v in schema.items()}


# Keywords that only annotate; keywords that constrain values of one JSON type alone (a null passes them).
_NOTES = frozenset({"description", "title", "$comment"})
_TYPED_KEYWORDS = _NOTES | {
    "properties", "required", "additionalProperties", "propertyNames", "minProperties", "maxProperties",
    "items", "minItems", "maxItems", "uniqueItems", "pattern", "minLength", "maxLength",
    "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
}
_NULL = {"type": "null"}


def nullable_one_ofs(node: Any) -> Any:
    """``node`` with each ``{"oneOf": [X, {"type": "null"}]}`` (either order, beside notes only) written
    as X allowing null too, where X (or the one schema of an ``allOf`` that is all of X) has one ``type``,
    not "null", and otherwise only keywords that a null passes: what the schema allows is unchanged.

    fastjsonschema checks a ``oneOf`` by trying each branch and catching the exception of the one that
    fails, which first builds the failed branch's definition as a dict: a few per record, for nothing.
    ``nullable_one_ofs({"oneOf": [{"type": "null"}, {"type": "string", "pattern": "^a"}]})
    -> {"type": ["string", "null"], "pattern": "^a"}``.
    """
    if isinstance(node, list):
        return [nullable_one_ofs(x) for x in node]
    if not isinstance(node, dict):
        return node
    out = {k: nullable_one_ofs(v) for k, v in node.items()}
    branches = out.get("oneOf")
    if not (isinstance(branches, list) and len(branches) == 2 and _NULL in branches
            and set(out) - {"oneOf"} <= _NOTES):
        return out
    other = branches[1 - branches.index(_NULL)]
    if isinstance(other, dict) and set(other) - _NOTES == {"allOf"} and len(other["allOf"]) == 1:
        other = other["allOf"][0]
    if not isinstance(other, dict):
        return out
    t = other.get("type")
    if not (isinstance(t, str) and t != "null" and set(other) - {"type"} <= _TYPED_KEYWORDS):
        return out
    notes = {k: v for k, v in out.items() if k != "oneOf"}
    return {**other, **notes, "type": [t, "null"]}


class _Validators(NamedTuple):
    fast: Callable[[Any], Any]  # raises on an invalid record
    full: Draft202012Validator


@cache
def _validator() -> _Validators:
    # Built once per process: compiling the schema is far dearer than using it.
    schema = load_schema("record")
    Draft202012Validator.check_schema(schema)
    # fastjsonschema rewrites the $refs of the schema it is given: it gets a copy of its own, the
    # process's cached schema is shared (the dataset card reads it too).
    return _Validators(fastjsonschema.compile(nullable_one_ofs(inline_refs(copy.deepcopy(schema)))), Draft202012Validator(schema))


def _path(err: Any) -> str:
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in err.absolute_path)


def record_errors(record: Any) -> list[str]:
    """Every schema violation as ``"$.json.path: message"``, in a stable order (empty when valid).

    Example: ``record_errors({"id": 1})`` -> ``["$: 'schema_version' is a required property", ...]``.
    """
    validators = _validator()
    try:
        validators.fast(record)
        return []
    except Exception:  # noqa: BLE001 - any doubt goes to the reference validator, which decides
        pass
    errors = sorted(validators.full.iter_errors(record), key=lambda e: (list(map(str, e.absolute_path)), e.message))
    out = []
    for e in errors:
        msg = e.message if len(e.message) <= 300 else e.message[:297] + "..."
        out.append(f"{_path(e)}: {msg}")
    return out


def check_record(record: Any) -> None:
    """Raise RecordInvalid when the record breaks the schema."""
    errors = record_errors(record)
    if errors:
        raise RecordInvalid(errors)
