"""What the report counts: one summary per input, and their sum.

A summary is made with the record's line by the document worker process (from the record in memory,
see run/sandbox.py; by the shard from the line when it was not), kept per input by the state store,
and added up by ``Tally`` at the end of a run, so that the report of an incremental run covers every
input, not only those processed this time, and nothing parses records.jsonl again to count it.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from pipeline.letters import per_language

METADATA_FIELDS = ("title", "title_translations", "authors", "doi", "published", "venue", "keywords", "abstract",
                   "footnotes", "references", "urls", "emails")


def summarize(record: dict[str, Any] | None, quarantine: dict[str, Any] | None) -> dict[str, Any]:
    """The summary of one outcome: for a record, its main language, repairs, metadata fields present and
    letters and segments per language; for a quarantine entry, its reason.

    ``summarize(None, {"stage": "ingest", "reason": "empty file"})`` -> ``{"reason": "ingest: empty file"}``
    """
    if record is not None:
        # .get: the record is schema-valid in a real run, but a test's stand-in processor sends any dict.
        langs = record.get("languages") or {}
        letters, segments = per_language(record.get("segments") or [])
        return {
            "lang": max(langs.items(), key=lambda kv: (kv[1], kv[0]))[0] if langs else None,
            "repairs": record.get("repairs") or {},
            "fields": [f for f in METADATA_FIELDS if record.get(f) not in (None, [], {}, "")],
            "letters": letters,
            "segments": segments,
        }
    q = quarantine or {}
    return {"reason": f"{q.get('stage')}: {q.get('reason')}"[:200]}


class Tally:
    """The report's counts, added one summary at a time (nothing per document is kept)."""

    def __init__(self) -> None:
        self.documents = self.records = self.quarantined = 0
        self.languages: Counter[str] = Counter()
        self.repairs: Counter[str] = Counter()
        self.fields: Counter[str] = Counter()
        self.reasons: Counter[str] = Counter()
        self.letters: Counter[str] = Counter()
        self.segments: Counter[str] = Counter()
        # False once a summary without letter counts was added (a state store from an older version):
        # the report then counts segments.jsonl instead.
        self.letters_complete = True

    def add(self, kind: str, summary: dict[str, Any]) -> None:
        self.documents += 1
        if kind == "record":
            self.records += 1
            if summary["lang"]:
                self.languages[summary["lang"]] += 1
            self.repairs.update(summary["repairs"])
            self.fields.update(summary["fields"])
            if "letters" in summary:
                self.letters.update(summary["letters"])
                self.segments.update(summary["segments"])
            else:
                self.letters_complete = False
        else:
            self.quarantined += 1
            self.reasons[summary["reason"]] += 1

    def as_dict(self) -> dict[str, Any]:
        def ranked(c: Counter[str]) -> dict[str, int]:
            return dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))

        return {
            "documents": self.documents,
            "records": self.records,
            "quarantined": self.quarantined,
            "languages": ranked(self.languages),
            "repairs": ranked(self.repairs),
            "fields": ranked(self.fields),
            "quarantine_reasons": ranked(self.reasons),
        }

    def letter_counts(self) -> tuple[dict[str, int], dict[str, int]] | None:
        """(letters, segments) per language over every record, or None when some summary has none."""
        if not self.letters_complete:
            return None
        return dict(sorted(self.letters.items())), dict(sorted(self.segments.items()))
