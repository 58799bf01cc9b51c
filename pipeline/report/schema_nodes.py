"""Small helpers for walking the record schema (shared by the Parquet writer and the dataset card)."""

from __future__ import annotations

from typing import Any


def resolve(node: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    """Follow a local ``$ref`` and keep the sibling keys (a ``description`` beside a ``$ref`` wins).

    ``{"$ref": "#/$defs/lang", "description": "Language of the text."}`` ->
    ``{"type": "string", "pattern": "…", "description": "Language of the text."}``
    """
    while "$ref" in node:
        target: Any = root
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node
