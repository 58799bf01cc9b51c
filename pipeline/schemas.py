"""Access to the JSON Schemas in the top-level ``schemas/`` folder (also installed with the package)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

_HERE = Path(__file__).resolve().parent
_CANDIDATES = (_HERE.parent / "schemas", _HERE / "_schemas")


def schema_path(name: str) -> Path:
    for d in _CANDIDATES:
        p = d / f"{name}.schema.json"
        if p.is_file():
            return p
    raise FileNotFoundError(f"schema {name!r} not found in {', '.join(map(str, _CANDIDATES))}")


@cache
def load_schema(name: str) -> dict[str, Any]:
    """Load ``schemas/<name>.schema.json`` once per process."""
    return json.loads(schema_path(name).read_text(encoding="utf-8"))
