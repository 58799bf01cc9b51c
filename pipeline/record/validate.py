"""Validation against schemas/record.schema.json with readable messages (JSON path + reason)."""

from __future__ import annotations

from functools import cache
from typing import Any

from jsonschema import Draft202012Validator

from pipeline.schemas import load_schema


class RecordInvalid(Exception):
    """A record that does not satisfy the schema; ``errors`` lists "path: message" strings."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors


@cache
def _validator() -> Draft202012Validator:
    # Built once per process: compiling the schema is far dearer than using it.
    schema = load_schema("record")
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _path(err: Any) -> str:
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in err.absolute_path)


def record_errors(record: Any) -> list[str]:
    """Every schema violation as ``"$.json.path: message"``, in a stable order (empty when valid).

    Example: ``record_errors({"id": 1})`` -> ``["$: 'schema_version' is a required property", ...]``.
    """
    errors = sorted(_validator().iter_errors(record), key=lambda e: (list(map(str, e.absolute_path)), e.message))
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
