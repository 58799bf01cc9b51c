"""The dataset card (output/README.md): what the output folder holds, for whoever builds a dataset from it.

The record's field table is generated from the descriptions in schemas/record.schema.json, so the
card follows the schema; the front matter is the YAML block Hugging Face reads (languages, data files).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from pipeline.report.schema_nodes import resolve


def _type_name(node: dict[str, Any], root: dict[str, Any]) -> str:
    """A short human type: ``string``, ``string or null``, ``list of object``, ``{lang: list of string}``."""
    node = resolve(node, root)
    for key in ("oneOf", "anyOf"):
        if key in node:
            return " or ".join(_type_name(o, root) for o in node[key])
    if "const" in node:
        return f"`{node['const']}`"
    if "enum" in node:
        return "one of " + ", ".join(f"`{v}`" for v in node["enum"])
    t = node.get("type")
    if isinstance(t, list):
        return " or ".join(t)
    if t == "array":
        return "list of " + _type_name(node.get("items", {}), root)
    if t == "object" and "properties" not in node and isinstance(node.get("additionalProperties"), dict):
        key = "lang" if "propertyNames" in node else "key"
        return f"{{{key}: {_type_name(node['additionalProperties'], root)}}}"
    return str(t or "any")


def _object_of(node: dict[str, Any], root: dict[str, Any]) -> dict[str, Any] | None:
    """The object node with fixed properties inside ``node`` (through null unions and arrays), if any."""
    node = resolve(node, root)
    for key in ("oneOf", "anyOf"):
        if key in node:
            for o in node[key]:
                found = _object_of(o, root)
                if found:
                    return found
            return None
    if node.get("type") == "array":
        return _object_of(node.get("items", {}), root)
    if node.get("type") == "object" and "properties" in node:
        return node
    return None


def schema_fields(schema: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    """(dotted name, type, description) for every property of the record, nested ones included.

    ``{"properties": {"source": {"type": "object", "description": "Provenance.", "properties":
    {"path": {"type": "string", "description": "Input path."}}}}}`` ->
    ``("source", "object", "Provenance."), ("source.path", "string", "Input path.")``
    """

    def walk(props: Mapping[str, Any], prefix: str, required: Sequence[str]) -> Iterator[tuple[str, str, str]]:
        for name, node in props.items():
            resolved = resolve(node, schema)
            desc = node.get("description") or resolved.get("description") or ""
            if name not in required:
                desc = (desc + " Optional.").strip()
            yield prefix + name, _type_name(node, schema), desc
            inner = _object_of(node, schema)
            if inner is not None:
                is_list = resolve(node, schema).get("type") == "array"
                yield from walk(inner["properties"], f"{prefix}{name}{'[]' if is_list else ''}.",
                                inner.get("required", ()))

    yield from walk(schema["properties"], "", schema.get("required", ()))


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(str(c)) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def render_card(report: Mapping[str, Any], schema: dict[str, Any], *, letters: Mapping[str, int] | None = None,
                segments: Mapping[str, int] | None = None, bitext: Mapping[str, int] | None = None,
                files: Sequence[str] = ()) -> str:
    """The dataset card for one run, as Markdown with a YAML front matter."""
    letters = dict(letters or {})
    total_letters = sum(letters.values())
    langs = sorted(letters, key=lambda k: (-letters[k], k)) or sorted(report.get("languages") or {})
    card_langs = [lang for lang in langs if lang != "und"]
    records = int(report.get("records_out", 0))

    front = ["---", "pretty_name: seedclean output"]
    if card_langs:
        front += ["language:"] + [f"- {lang}" for lang in card_langs]
    if len(card_langs) > 1:
        front.append("multilinguality: multilingual")
    configs = [("records", "records.jsonl"), ("segments", "segments.jsonl"), ("bitext", "bitext.jsonl")]
    front.append("configs:")
    for i, (name, data) in enumerate(c for c in configs if c[1] in files or not files):
        front += [f"- config_name: {name}", f"  data_files: {data}"] + (["  default: true"] if i == 0 else [])
    front.append("---")

    out = ["\n".join(front), "",
           "# seedclean output", "",
           "Clean, validated, language-separated records made by the seedclean pipeline from messy text "
           "documents (PDF extractions, markdown conversions, scraped web pages). This file is rewritten by "
           "every run; the figures below describe the run that wrote it.", ""]

    out += ["## This run", "",
            _table(("figure", "value"), [
                ("documents in", report.get("documents_in", 0)),
                ("records out", records),
                ("quarantined (see `quarantine.jsonl`)", report.get("quarantined", 0)),
                ("skipped (not documents)", report.get("skipped", 0)),
                ("segments", sum((segments or {}).values())),
                ("bilingual pairs (`bitext.jsonl`)", sum((bitext or {}).values())),
                ("pipeline version", f"`{report.get('pipeline_version', '')}`"),
                ("configuration hash", f"`{report.get('config_hash', '')}`"),
                ("record schema version", f"`{schema['properties']['schema_version'].get('const', '')}`"),
            ]), ""]

    if langs:
        rows = []
        main = report.get("languages") or {}
        for lang in langs:
            share = f"{letters.get(lang, 0) / total_letters:.1%}" if total_letters else "–"
            rows.append((f"`{lang}`", share, (segments or {}).get(lang, 0), main.get(lang, 0)))
        out += ["## Languages", "",
                "ISO 639-1 codes; `und` where the language could not be determined.", "",
                _table(("language", "share of letters", "segments", "records (main language)"), rows), ""]

    fields = report.get("fields_present") or {}
    if fields and records:
        out += ["## Field coverage", "",
                _table(("field", "records", "share"),
                       [(f"`{f}`", n, f"{n / records:.0%}") for f, n in fields.items()]), ""]

    file_rows = [
        ("records.jsonl", "one record per input document (see below), ordered by source path"),
        ("records.parquet", "the same records as a Parquet file (when `output.formats` lists `parquet`)"),
        ("segments.jsonl", "one line per segment: `record_id`, `path`, `index`, `lang`, `kind`, `confidence`, `text`"),
        ("bitext.jsonl", "one line per title, abstract or keyword list a document prints in two or more languages: "
                         "`record_id`, `path`, `field`, `translation` ({lang: text}; keyword lists joined with `; `)"),
        ("quarantine.jsonl", "documents that could not become a valid record, with the stage and reason"),
        ("report.json", "the run's figures as JSON"),
        ("report.html", "the run's figures as charts"),
    ]
    out += ["## Files", "",
            _table(("file", "what it holds"),
                   [(f"`{n}`", d) for n, d in file_rows if not files or n in files]), ""]

    out += ["## What a record holds", "",
            "Generated from `schemas/record.schema.json` (JSON Schema draft 2020-12). A `[]` in a name "
            "means each item of a list.", "",
            _table(("field", "type", "description"),
                   [(f"`{n}`", t, d) for n, t, d in schema_fields(schema)]), ""]
    return "\n".join(out)
