"""Stand-in processors for the sandbox tests (not collected: no ``test_`` prefix).

``DocumentSandbox(cfg, processor="sandbox_processors:Misbehaving")`` runs this in the child process;
what the document's bytes say decides how it misbehaves.
"""

from __future__ import annotations

import os
import re
import signal
import time

from pipeline.config import Config
from pipeline.document import Document
from pipeline.stages import Outcome


class Misbehaving:
    def __init__(self, cfg: Config) -> None:
        self.cfg = cfg

    def process(self, doc: Document) -> Outcome:
        started = time.monotonic()  # the clock is the machine's: the test compares it with its own
        cmd = doc.raw.decode("utf-8", "replace")
        if cmd == "sleep":
            while True:
                time.sleep(0.05)
        if cmd == "backtrack":
            # Catastrophic backtracking: 2**40 paths, each one step of the C regex engine.
            re.match(r"(a+)+$", "a" * 40 + "b")
        if cmd == "deaf":
            # Neither the soft timer nor anything else in Python can stop this: only SIGKILL can.
            signal.signal(signal.SIGALRM, signal.SIG_IGN)
            while True:
                time.sleep(0.05)
        if cmd == "segfault":
            os.kill(os.getpid(), signal.SIGSEGV)
        if cmd == "exit":
            os._exit(3)
        if cmd == "raise":
            raise RuntimeError("escaped the stages")
        if cmd == "surrogate":
            return Outcome(path=doc.source.path, record={"text": "bad \udc80 char"})
        if cmd == "slow":
            time.sleep(0.3)
        if cmd == "print":
            print("a library that prints to stdout must not break the frames")  # noqa: T201
        return Outcome(path=doc.source.path, record={"path": doc.source.path, "text": cmd, "pid": os.getpid(),
                                                     "started": started})
