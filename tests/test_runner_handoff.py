"""The hand-off between the shard runner and the document worker process: a record crosses the pipe
once, already encoded as its output line, and that line is exactly what dumps_line would write."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pipeline.atomic import dumps_line
from pipeline.config import from_mapping
from pipeline.document import Document, Source
from pipeline.run.sandbox import DocumentSandbox

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _doc(raw: bytes, path: str) -> Document:
    return Document(source=Source(path=path, sha256=hashlib.sha256(raw).hexdigest(), size_bytes=len(raw)), raw=raw)


def test_a_record_comes_back_as_its_output_line() -> None:
    cfg = from_mapping({})
    with DocumentSandbox(cfg) as box:
        for p in sorted(SEEDS.glob("*.txt"))[:2]:
            o = box.process(_doc(p.read_bytes(), p.name))
            assert o.record is not None and o.line is not None
            assert o.line.decode("utf-8") + "\n" == dumps_line(o.record)
            assert json.loads(o.line) == o.record
        # A document that fails has no line, only its quarantine entry.
        o = box.process(_doc(b"\x00\x01\x02" * 100, "binary.bin"))
        assert o.record is None and o.line is None and o.quarantine is not None
