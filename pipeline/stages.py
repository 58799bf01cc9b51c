"""The stages in their order, and one document through all of them.

Only this module knows the order; each stage is a plain function Document -> Document that can be
tested alone. ``Pipeline.run(docs)`` is the streaming form (documents in, outcomes out, one at a time),
so the same code serves one process, a process pool or a Dask worker.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from pipeline.config import Config
from pipeline.document import Document, DocumentError

STAGE_NAMES = ("ingest", "repair", "languages", "metadata", "record")


class Extras(NamedTuple):
    """What the shard writes beside a record's output line, made by the document worker process from
    the record it has in memory, with the line (see run/sandbox.py): the report's summary
    (pipeline.run.tally.summarize) and the record's lines of the derived files
    (pipeline.derived.derived_lines, in UTF-8)."""

    summary: dict[str, Any]
    segments: bytes
    n_segments: int
    bitext: bytes
    fields: list[str]  # the field of each bitext line


@dataclass
class Outcome:
    """What became of one input: a valid record, or a quarantine entry with the stage and reason."""

    path: str
    record: dict[str, Any] | None = None
    quarantine: dict[str, Any] | None = None
    timings: dict[str, float] = field(default_factory=dict)
    # The record as its output line (JSON in UTF-8, no newline) when it is already encoded: the
    # document worker process sends it so, and the shard writes its bytes as they came instead of
    # decoding and encoding them again.
    line: bytes | None = None
    # Made with the line, when it was: the shard then neither decodes the line nor makes them itself.
    extras: Extras | None = None


def quarantine_entry(doc: Document, stage: str, reason: str, errors: list[str] | None = None) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "path": doc.source.path,
        "sha256": doc.source.sha256,
        "size_bytes": doc.source.size_bytes,
        "stage": stage,
        "reason": reason,
    }
    if errors:
        entry["errors"] = errors
    return entry


class Pipeline:
    """The configured stages. Build once per process (set-up is not per document)."""

    def __init__(self, cfg: Config) -> None:
        # The stage modules (and the patterns they compile) are imported here, not with this module:
        # the runner's own processes use only Outcome and quarantine_entry from it, while the stages
        # run in the document worker process that builds the Pipeline.
        from pipeline.ingest import ingest
        from pipeline.languages import detect_languages
        from pipeline.metadata import extract_metadata
        from pipeline.repair import repair

        self.cfg = cfg
        self.steps: list[tuple[str, Callable[[Document], Document]]] = [
            ("ingest", lambda d: ingest(d, cfg.input)),
            ("repair", lambda d: repair(d, cfg.repair)),
            ("languages", lambda d: detect_languages(d, cfg.languages)),
            ("metadata", lambda d: extract_metadata(d, cfg.metadata)),
        ]

    def process(self, doc: Document) -> Outcome:
        """Run one document through every stage. Document errors become a quarantine entry;
        an unexpected exception in a stage is a document error too (named as such), never a crash."""
        out = Outcome(path=doc.source.path)
        for name, step in self.steps:
            t0 = time.perf_counter()
            try:
                doc = step(doc)
            except DocumentError as e:
                out.quarantine = quarantine_entry(doc, e.stage, e.reason)
                return out
            except Exception as e:  # noqa: BLE001 - one bad document must not stop the batch
                out.quarantine = quarantine_entry(doc, name, f"internal error: {type(e).__name__}: {e}")
                return out
            finally:
                out.timings[name] = time.perf_counter() - t0
        from pipeline.record import RecordInvalid, build_record, check_record

        t0 = time.perf_counter()
        try:
            record = build_record(doc)
            check_record(record)
            out.record = record
        except RecordInvalid as e:
            out.quarantine = quarantine_entry(doc, "record", "record does not match the schema", e.errors)
        finally:
            out.timings["record"] = time.perf_counter() - t0
        return out

    def run(self, docs: Iterable[Document]) -> Iterator[Outcome]:
        for doc in docs:
            yield self.process(doc)
