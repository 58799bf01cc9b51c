"""A processor for the sandbox that reports the per-process caches (not collected: no ``test_`` prefix).

``DocumentSandbox(cfg, processor="scaling_probe:Probe")`` runs the real stages in the child process
and answers, for each document, how often the expensive set-up has happened in that process so far.
"""

from __future__ import annotations

import os

from pipeline.config import Config
from pipeline.document import Document
from pipeline.stages import Outcome, Pipeline

BUILT = 0


class Probe:
    def __init__(self, cfg: Config) -> None:
        global BUILT
        BUILT += 1
        self.pipe = Pipeline(cfg)

    def process(self, doc: Document) -> Outcome:
        from pipeline.languages import detect
        from pipeline.record.validate import _validator

        out = self.pipe.process(doc)
        return Outcome(path=doc.source.path, record={
            "ok": out.record is not None,
            "pid": os.getpid(),
            "pipelines_built": BUILT,
            "validators_built": _validator.cache_info().misses,
            "langdetect_factory": id(detect._factory),
        })


class Hog:
    """Asks for ``doc.raw`` megabytes of memory (as ASCII digits), then answers a record."""

    def __init__(self, cfg: Config) -> None:
        self.cfg = cfg

    def process(self, doc: Document) -> Outcome:
        mb = int(doc.raw.decode("ascii"))
        hoard = [bytes(2**20) for _ in range(mb)]
        return Outcome(path=doc.source.path, record={"held_mb": len(hoard)})
