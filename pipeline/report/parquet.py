"""records.parquet: the same records as records.jsonl, in a typed columnar file.

The Arrow schema is derived from schemas/record.schema.json, so the two never drift apart:
an object with fixed ``properties`` becomes a struct, an object keyed by language or repair kind
(``additionalProperties`` only) becomes a map, an array a list, a nullable value a nullable column.
``read_records`` turns the file back into the very dicts records.jsonl holds.

pyarrow is an optional dependency (the ``parquet`` extra); it is imported only when Parquet is asked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.atomic import atomic_writer
from pipeline.report.schema_nodes import resolve

ROWS_PER_GROUP = 1024  # fixed, so the file's layout (and bytes) never depends on timing or workers


class ParquetUnavailable(RuntimeError):
    """Parquet output was asked for but pyarrow is not installed."""


def require_pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401 - loads the submodule onto the package
    except ImportError as e:
        raise ParquetUnavailable(
            "output.formats lists parquet but pyarrow is not installed: pip install 'seedclean[parquet]'"
        ) from e
    return pyarrow


def _non_null(node: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    """``oneOf: [X, {"type": "null"}]`` -> X; ``type: [T, "null"]`` -> T (nullability is Arrow's default)."""
    node = resolve(node, root)
    for key in ("oneOf", "anyOf"):
        if key in node:
            options = [resolve(o, root) for o in node[key] if resolve(o, root).get("type") != "null"]
            if len(options) != 1:
                raise ValueError(f"cannot map a union of {len(options)} non-null types to Arrow")
            return _non_null(options[0], root)
    t = node.get("type")
    if isinstance(t, list):
        rest = [x for x in t if x != "null"]
        if len(rest) != 1:
            raise ValueError(f"cannot map the type union {t} to Arrow")
        node = {**node, "type": rest[0]}
    return node


def arrow_type(node: dict[str, Any], root: dict[str, Any]) -> Any:
    """The Arrow type for one JSON Schema node of the record schema."""
    pa = require_pyarrow()
    node = _non_null(node, root)
    t = node.get("type")
    if "const" in node or "enum" in node or t == "string":
        return pa.string()
    if t == "integer":
        return pa.int64()
    if t == "number":
        return pa.float64()
    if t == "boolean":
        return pa.bool_()
    if t == "array":
        return pa.list_(arrow_type(node["items"], root))
    if t == "object":
        if "properties" in node:
            return pa.struct([pa.field(k, arrow_type(v, root)) for k, v in node["properties"].items()])
        value = node.get("additionalProperties")
        if isinstance(value, dict):
            return pa.map_(pa.string(), arrow_type(value, root))
    raise ValueError(f"no Arrow type for schema node {node}")


def arrow_schema(record_schema: dict[str, Any]) -> Any:
    pa = require_pyarrow()
    fields = [pa.field(k, arrow_type(v, record_schema)) for k, v in record_schema["properties"].items()]
    return pa.schema(fields, metadata={b"seedclean.version": __version__.encode(),
                                       b"seedclean.record_schema": str(record_schema.get("$id", "")).encode()})


def _to_arrow(value: Any, typ: Any) -> Any:
    """A record value in the form pyarrow builds ``typ`` from (maps as lists of pairs)."""
    pa = require_pyarrow()
    if value is None:
        return None
    if pa.types.is_map(typ):
        return [(k, _to_arrow(v, typ.item_type)) for k, v in value.items()]
    if pa.types.is_struct(typ):
        return {f.name: _to_arrow(value.get(f.name), f.type) for f in typ}
    if pa.types.is_list(typ):
        return [_to_arrow(v, typ.value_type) for v in value]
    return value


def _nullable(node: dict[str, Any], root: dict[str, Any]) -> bool:
    node = resolve(node, root)
    t = node.get("type")
    return (t == "null" or (isinstance(t, list) and "null" in t)
            or any(_nullable(o, root) for key in ("oneOf", "anyOf") for o in node.get(key, ())))


def _from_arrow(value: Any, typ: Any, node: dict[str, Any], root: dict[str, Any]) -> Any:
    """Inverse of ``_to_arrow``. Parquet cannot tell a missing struct member from a null one, so the
    schema decides: a null member that is optional and may not be null was missing (e.g. a footnote's
    ``urls``); one that may be null is kept as null (e.g. a footnote's ``accessed``, which the
    metadata stage always writes)."""
    pa = require_pyarrow()
    if value is None:
        return None
    node = _non_null(node, root)
    if pa.types.is_map(typ):
        return {k: _from_arrow(v, typ.item_type, node["additionalProperties"], root) for k, v in value}
    if pa.types.is_struct(typ):
        required = set(node.get("required", ()))
        out = {}
        for f in typ:
            member = node["properties"][f.name]
            v = _from_arrow(value.get(f.name), f.type, member, root)
            if v is not None or f.name in required or _nullable(member, root):
                out[f.name] = v
        return out
    if pa.types.is_list(typ):
        return [_from_arrow(v, typ.value_type, node["items"], root) for v in value]
    return value


def write_parquet(records: Iterable[dict[str, Any]], path: Path, record_schema: dict[str, Any]) -> int:
    """Write the records to ``path`` atomically (temporary file beside it, then rename); returns the count."""
    pa = require_pyarrow()
    pq = pa.parquet
    schema = arrow_schema(record_schema)
    n = 0
    # pyarrow writes to the open temporary file; atomic_writer fsyncs and renames it (or deletes it).
    with atomic_writer(path, binary=True) as f, pq.ParquetWriter(f, schema, compression="zstd") as writer:
        batch: list[dict[str, Any]] = []
        for rec in records:
            batch.append({f_.name: _to_arrow(rec.get(f_.name), f_.type) for f_ in schema})
            if len(batch) == ROWS_PER_GROUP:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n


def read_records(path: Path, record_schema: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The records of a records.parquet file as the dicts records.jsonl holds, in file order."""
    pa = require_pyarrow()
    props = record_schema["properties"]
    pf = pa.parquet.ParquetFile(path)
    for batch in pf.iter_batches(batch_size=ROWS_PER_GROUP):
        types = {f.name: f.type for f in batch.schema}
        for row in batch.to_pylist():
            yield {k: _from_arrow(v, types[k], props[k], record_schema) for k, v in row.items()}
