"""The per-document time limit: each document runs in a child process with a deadline.

Why a child process. A document can stall its stage in ways no in-process check can stop: a regular
expression backtracking for minutes, a loop inside C code, runaway memory. A signal timer
(``SIGALRM``) interrupts Python code and ``re`` matching, but only in a process's main thread, and
the Dask executor runs shards in worker threads; a timer thread with checkpoints cannot interrupt a
stage in the middle of one ``re`` call at all. So the shard runner (whatever thread it is in) hands
each document to a long-lived child process and waits on a pipe with a deadline:

* Soft limit, in the child: a ``SIGALRM`` timer (the child runs documents in its main thread) raises
  ``DocumentTimeout`` after ``limits.document_seconds``. The traceback says which stage and which
  function were running; the document is quarantined with that reason and the child is replaced, so
  no half-finished state carries over to the next document.
* Hard limit, in the parent: if no answer comes within a grace period after that (C code that never
  checks for signals, a stopped process), the child is killed with SIGKILL, the document quarantined,
  and a fresh child takes the next document.
* A child that dies on its own (segfault, out-of-memory killer) costs the one document it was working on.

The parent reads the file (so read errors are reported as before) and sends the bytes; the child runs
the stages and sends back the outcome as JSON, a record as the very line the output file will hold
(encoded once, in the child; the parent writes it as it came). Nothing is pickled: a frame is an
8-byte length, a JSON header, an 8-byte length and a raw payload. The child is started with
``subprocess`` (not ``multiprocessing``), so it works from pool workers, daemonic Dask workers and
threads alike; it holds no output file and no lock, and exits when its parent closes the pipe or dies.
The child also makes, from the record it has in memory, what the shard writes beside the line: the
report's summary and the record's lines of segments.jsonl and bitext.jsonl (``Extras``; each segment's
text is escaped once for its place in the record and in its segment line). They cross in the same frame,
each block read on its own (the header's ``sizes``), and the parent writes them as they came: it neither
decodes the record again nor encodes its texts a second time. (Only when every CPU has a worker: with
one to spare beside the child, the shard makes them from the line there, off the child's path; see
``DocumentSandbox.extras``.) The cost per document is one pipe round
trip and one JSON encode of the record; the cost per worker is one child start-up (about the time to
import the stages).
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import select
import signal
import struct
import subprocess
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from types import FrameType, TracebackType
from typing import Any, BinaryIO, Generic, TypeVar

from pipeline.atomic import dumps_line
from pipeline.config import Config
from pipeline.derived import bitext_rows, derived_lines, encode_with_segments
from pipeline.document import Document, Source
from pipeline.run.lock import die_with_parent
from pipeline.run.tally import METADATA_FIELDS, summarize
from pipeline.stages import STAGE_NAMES, Extras, Outcome, quarantine_entry

try:
    import fcntl
except ImportError:  # not on Windows
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

DEFAULT_PROCESSOR = "pipeline.stages:Pipeline"
STARTUP_SECONDS = 120.0  # importing the stages and building the Pipeline, before any document
_LEN = struct.Struct(">Q")
_LINE_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))  # json.dumps as dumps_line calls it
_PKG_DIR = Path(__file__).resolve().parent.parent  # .../pipeline


T = TypeVar("T")
_MAX_QUEUED = 64  # jobs pulled ahead of the first unanswered one (passed-through jobs included)
_AHEAD = 8  # documents queued (the child's one included) while together they fit in the pipe


@dataclass
class _Job(Generic[T]):
    doc: Document | None  # None: passed through, nothing to run
    tag: T
    frame: bytes | None  # the document's frame, kept until answered (a new child gets it again)
    sent: bool = False  # in the current child's pipe


class SandboxError(RuntimeError):
    """The child process could not be started at all: a fault of the installation, not of a document."""


class DocumentTimeout(BaseException):
    """Raised in the child by the soft timer. A BaseException, so that no stage's
    ``except Exception`` (nor Pipeline.process's own) can swallow it."""


def hard_deadline(seconds: float) -> float:
    """Seconds the parent waits before killing the child: the soft limit plus a grace period
    for the child to report the timeout itself.

    >>> hard_deadline(120), hard_deadline(1)
    (150.0, 3.0)
    """
    return seconds + min(30.0, max(2.0, 0.25 * seconds))


# --- framing -------------------------------------------------------------------------------------


def _frame(header: dict[str, Any], payload: bytes = b"") -> bytes:
    # Text stays UTF-8; "surrogatepass" keeps a stray lone surrogate from breaking the frame
    # (records holding one are quarantined before they get here, see _run_one).
    head = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
    return _LEN.pack(len(head)) + head + _LEN.pack(len(payload)) + payload


def _write_frame(out: BinaryIO, header: dict[str, Any], blocks: list[bytes]) -> None:
    """``out.write(_frame(header, b"".join(blocks)))`` without joining: a record's blocks (its line, its
    derived lines) are written as they are, not copied into one payload first."""
    head = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
    out.write(_LEN.pack(len(head)) + head + _LEN.pack(sum(map(len, blocks))))
    for block in blocks:
        out.write(block)


def _send_frame(fd: int, header: dict[str, Any], blocks: list[bytes]) -> None:
    """``_write_frame`` to a file descriptor in one ``writev``: the whole answer is in the pipe at
    once, so the reader wakes once for it instead of once per piece.

    A write cut short (a pipe fuller than the frame is large) goes on from where it stopped."""
    head = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
    writev_all(fd, [_LEN.pack(len(head)) + head + _LEN.pack(sum(map(len, blocks))), *blocks])


def writev_all(fd: int, blocks: list[bytes]) -> None:
    """``os.write(fd, b"".join(blocks))`` to the end, without joining: one ``writev`` for the lot, and
    another from where it stopped if one is cut short (a full pipe, a signal).

    ``writev_all(fd, [b"ab", b"", b"c"])`` -> ``b"abc"`` written to ``fd``
    """
    bufs: list[bytes | memoryview] = [b for b in blocks if b]
    while bufs:
        n = os.writev(fd, bufs)
        while bufs and n >= len(bufs[0]):
            n -= len(bufs.pop(0))
        if n:
            bufs[0] = memoryview(bufs[0])[n:]


def _read_exact_blocking(stream: BinaryIO, n: int) -> bytes | None:
    chunks, got = [], 0
    while got < n:
        chunk = stream.read(n - got)
        if not chunk:
            return None
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def _read_frame_blocking(stream: BinaryIO) -> tuple[dict[str, Any], bytes] | None:
    n = _read_exact_blocking(stream, _LEN.size)
    if n is None:
        return None
    head = _read_exact_blocking(stream, _LEN.unpack(n)[0])
    m = _read_exact_blocking(stream, _LEN.size)
    if head is None or m is None:
        return None
    payload = _read_exact_blocking(stream, _LEN.unpack(m)[0])
    if payload is None:
        return None
    return json.loads(head.decode("utf-8", "surrogatepass")), payload


class _Deadline(Exception):
    pass


class _Eof(Exception):
    pass


PIPE_BYTES = 1 << 20
READ_AHEAD = 1 << 16  # asked for when a frame's next piece is smaller: its header and small blocks in one read


class _FrameReader:
    """The frames coming from one child's pipe, each awaited until a deadline.

    The pipe is made non-blocking and read first; it is polled only when it is empty, so a frame that
    is there already costs a read or two instead of a poll and a read for each of its six pieces. A
    piece smaller than READ_AHEAD is asked for with READ_AHEAD bytes, which brings the header and the
    small blocks (often the whole frame) in one read; what belongs to the next frame waits here for it.
    A large block is read to its exact end, so that no read returns more than it needs.
    """

    def __init__(self, fd: int) -> None:
        os.set_blocking(fd, False)
        self.fd = fd
        self._poller = select.poll()
        self._poller.register(fd, select.POLLIN | select.POLLHUP | select.POLLERR)
        self._data = b""  # bytes read and not yet taken: self._data[self._pos:]
        self._pos = 0

    def _read(self, n: int, deadline: float) -> bytes:
        while True:
            try:
                chunk = os.read(self.fd, n)
            except BlockingIOError:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise _Deadline from None
                self._poller.poll(max(1, int(left * 1000)))
                continue
            if not chunk:
                raise _Eof
            return chunk

    def take(self, n: int, deadline: float) -> bytes:
        """The next ``n`` bytes."""
        data, pos = self._data, self._pos
        have = len(data) - pos
        if have >= n:
            self._pos = pos + n
            return data[pos:pos + n] if n != len(data) else data  # the whole read: no copy
        chunks = [data[pos:]] if have else []
        need = n - have
        while True:
            chunk = self._read(READ_AHEAD if need < READ_AHEAD else min(need, PIPE_BYTES), deadline)
            if len(chunk) >= need:
                break
            chunks.append(chunk)
            need -= len(chunk)
        self._data, self._pos = chunk, need  # the rest of the chunk: the next piece's
        if not chunks and need == len(chunk):
            return chunk
        chunks.append(chunk[:need])
        return b"".join(chunks)

    def blocks(self, deadline: float) -> tuple[dict[str, Any], list[bytes]]:
        """A frame's header and its payload, cut into the blocks of the header's ``sizes`` when it has
        them (each read on its own, so that none is copied out of a larger one), else one block."""
        head = json.loads(self.take(_LEN.unpack(self.take(_LEN.size, deadline))[0], deadline)
                          .decode("utf-8", "surrogatepass"))
        n = _LEN.unpack(self.take(_LEN.size, deadline))[0]
        sizes = head.get("sizes")
        if not (isinstance(sizes, list) and all(type(k) is int and k >= 0 for k in sizes) and sum(sizes) == n):
            sizes = [n]
        return head, [self.take(k, deadline) for k in sizes]


def _read_frame_until(fd: int, deadline: float) -> tuple[dict[str, Any], bytes]:
    """The one frame a pipe holds (what follows it in the pipe may be read and lost)."""
    header, blocks = _FrameReader(fd).blocks(deadline)
    return header, b"".join(blocks)


def _read_blocks_until(fd: int, deadline: float) -> tuple[dict[str, Any], list[bytes]]:
    """The header and blocks of the one frame a pipe holds (see _FrameReader.blocks)."""
    return _FrameReader(fd).blocks(deadline)


# --- parent side ---------------------------------------------------------------------------------


def _widen_pipe(fd: int) -> int:
    """Ask for a pipe buffer of PIPE_BYTES (Linux; elsewhere, or over the system's limit, the default
    stays) and return the size the pipe has (a conservative 4096 where it cannot be asked). With the
    default 64 KiB, a document or a record larger than that crosses in many hand-overs, each waiting
    for the other side to be scheduled; while the parent is busy with its own work, the child would
    block on writing its answer instead of being done."""
    setpipe, getpipe = getattr(fcntl, "F_SETPIPE_SZ", None), getattr(fcntl, "F_GETPIPE_SZ", None)
    if setpipe is None or getpipe is None:
        return 4096
    try:
        fcntl.fcntl(fd, setpipe, PIPE_BYTES)
    except OSError:
        pass
    try:
        return int(fcntl.fcntl(fd, getpipe))
    except OSError:
        return 4096


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    # The child imports exactly what the parent imports (an editable install, a source checkout,
    # or a test module given as the processor).
    paths = [str(_PKG_DIR.parent)] + [p or os.getcwd() for p in sys.path]
    env["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))
    env.setdefault("PYTHONHASHSEED", "0")
    return env


class DocumentSandbox:
    """Runs documents one at a time in a child process, each within ``cfg.limits.document_seconds``.

    ``process(doc)`` never raises for a document's sake: every failure (a stage error, a timeout,
    the child dying) comes back as an Outcome with a quarantine entry.
    ``processor`` names ``module:factory``; ``factory(cfg)`` returns an object with
    ``process(Document) -> Outcome`` (the default is the real Pipeline; tests substitute others).
    """

    def __init__(self, cfg: Config, processor: str = DEFAULT_PROCESSOR) -> None:
        self.cfg = cfg
        self.seconds = float(cfg.limits.document_seconds)
        # Whether the child makes a record's Extras (summary, derived lines) with its line. Worth it when
        # every CPU has a worker (they all compete, and the child makes them for less than the shard);
        # with a CPU to spare beside the child, the shard makes them there, off the child's path.
        self.extras = True
        self.processor = processor
        self._proc: subprocess.Popen[bytes] | None = None
        self._reader: _FrameReader | None = None  # of the current child's answers
        self._pipe_bytes = 0  # what the pipe to the child holds without blocking the writer
        self._unanswered = 0  # frames written to this child whose answer was not read yet
        self._last_answer = 0.0  # monotonic time of the child's last answer (it then starts the next frame)
        self._stream: object | None = None  # the stream using the child
        self.restarts = 0

    # lifecycle

    def _start(self) -> subprocess.Popen[bytes]:
        try:
            proc = subprocess.Popen(
                [sys.executable, "-m", "pipeline.run.child"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=None,
                env=_child_env(), close_fds=True,
            )
        except OSError as e:
            raise SandboxError(f"cannot start the document worker process: {e.strerror or e}") from e
        assert proc.stdin is not None and proc.stdout is not None
        self._pipe_bytes = _widen_pipe(proc.stdin.fileno())
        _widen_pipe(proc.stdout.fileno())
        init = {
            "config": json.loads(json.dumps(asdict(self.cfg))),
            "processor": self.processor,
            "log_level": logging.getLogger("pipeline").getEffectiveLevel(),
        }
        reader = _FrameReader(proc.stdout.fileno())
        try:
            proc.stdin.write(_frame(init))
            proc.stdin.flush()
            reply, _ = reader.blocks(time.monotonic() + STARTUP_SECONDS)
        except (OSError, _Deadline, _Eof, ValueError) as e:
            self._kill(proc)
            raise SandboxError(f"the document worker process did not start (exit status {proc.returncode}): "
                               f"{type(e).__name__} {e}") from e
        if not reply.get("ready"):
            self._kill(proc)
            raise SandboxError(f"the document worker process failed to start: {reply.get('error')}")
        self._reader = reader
        return proc

    @staticmethod
    def _kill(proc: subprocess.Popen[bytes]) -> None:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        for s in (proc.stdin, proc.stdout):
            if s is not None:
                try:
                    s.close()
                except OSError:
                    pass

    def _replace(self) -> None:
        if self._proc is not None:
            self._kill(self._proc)
            self._proc = self._reader = None
            self.restarts += 1
        self._unanswered = 0

    def close(self) -> None:
        proc, self._proc, self._reader = self._proc, None, None
        self._unanswered = 0
        if proc is None:
            return
        try:
            assert proc.stdin is not None
            proc.stdin.close()  # EOF: the child finishes and exits
            proc.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            pass
        self._kill(proc)

    def __enter__(self) -> DocumentSandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # documents

    def process(self, doc: Document, parse: bool = True) -> Outcome:
        """Run ``doc`` in the child. The record comes back as its output line (``Outcome.line``);
        ``parse=False`` leaves ``Outcome.record`` None instead of decoding the line again."""
        [(out, _)] = self.stream([(doc, None)], parse)  # one job, one outcome (the stream runs to its end)
        assert out is not None
        return out

    def stream(self, jobs: Iterable[tuple[Document | None, T]], parse: bool = True) -> Iterator[tuple[Outcome | None, T]]:
        """Run each job's document in the child and yield ``(outcome, tag)`` in job order; a job whose
        document is None is passed through in its place (``(None, tag)``).

        The next documents go into the child's pipe while it works on the current one, so it never
        waits for this process: pulling the next jobs (reading inputs) and whatever the caller does
        with an outcome overlap the child's work (see ``_room`` for how many). A document is sent ahead only when its frame fits in
        what the pipe holds beside the frames not yet answered, so that writing it cannot block (a
        blocked writer could not enforce the deadline); larger ones are sent when the child is idle.
        Each answer is awaited for ``hard_deadline`` from when the child could start that document.
        When the child is replaced, the documents it had not started are sent again to the new one."""
        if self._unanswered:  # a stream left early: its answers have no reader
            self._replace()
        me = self._stream = object()
        queue: deque[_Job[T]] = deque()
        pending = iter(jobs)
        more = True
        try:
            while True:
                while more and len(queue) < _MAX_QUEUED and self._room(queue):
                    job = next(pending, None)
                    if job is None:
                        more = False
                        break
                    doc, tag = job
                    queue.append(_Job(doc, tag, None if doc is None else self._frame_of(doc)))
                    self._send_ahead(queue)
                if not queue:
                    return
                head = queue[0]
                out = None if head.doc is None else self._answer(queue, parse)
                queue.popleft()
                yield out, head.tag
        finally:
            # Left early: replace the child, unless a newer stream has it by now (a generator that
            # was not closed is finished whenever it is collected).
            if self._unanswered and self._stream is me:
                self._replace()

    def _room(self, queue: deque[_Job[Any]]) -> bool:
        """Whether to pull another job: while fewer than two documents are queued (the child's one and
        the next), and while fewer than _AHEAD are whose frames together fit in the pipe. With only one
        document ahead, the child waited for this process whenever it did not get a CPU in time (a
        worker on every CPU shares them with the children): 0.3 s per child over the bench corpus,
        0.05 s with up to eight that fit. Memory stays bounded: two documents, or a pipeful and one.

        Queued frames of 10, 20 and 30 bytes, pipe of 100 bytes -> True; of 60 and 50 bytes -> False
        """
        n = size = 0
        for j in queue:
            if j.frame is not None:
                n += 1
                size += len(j.frame)
        return n < 2 or (n < _AHEAD and size < self._pipe_bytes)

    def _frame_of(self, doc: Document) -> bytes:
        header = {"path": doc.source.path, "sha256": doc.source.sha256, "size_bytes": doc.source.size_bytes,
                  "seconds": self.seconds, "extras": self.extras}
        return _frame(header, doc.raw)

    def _write(self, job: _Job[Any]) -> bool:
        """Write the job's frame to the child (started if need be); False if the child cannot be reached."""
        assert job.frame is not None
        if self._proc is None:
            self._proc = self._start()
        assert self._proc.stdin is not None
        try:
            self._proc.stdin.write(job.frame)
            self._proc.stdin.flush()
        except OSError:
            return False
        if not self._unanswered:
            self._last_answer = time.monotonic()  # an idle child starts on it at once
        self._unanswered += 1
        job.sent = True
        return True

    def _send_ahead(self, queue: deque[_Job[Any]]) -> None:
        """Send the queue's unsent documents, in order, while each fits beside the unanswered frames."""
        if self._proc is None:
            return  # the first document starts the child (see _answer)
        in_pipe = sum(len(j.frame) for j in queue if j.sent and j.frame is not None)
        for j in queue:
            if j.frame is None or j.sent:
                continue
            if in_pipe + len(j.frame) > self._pipe_bytes or not self._write(j):
                return  # a write that failed: the child is gone, which reading its answers will show
            in_pipe += len(j.frame)

    def _requeue(self, queue: deque[_Job[Any]]) -> None:
        """The child was replaced: nothing in the queue is in its pipe any more."""
        for j in queue:
            j.sent = False

    def _answer(self, queue: deque[_Job[Any]], parse: bool) -> Outcome:
        """The outcome of the queue's first job (a document), sending it first if it was not sent."""
        job = queue[0]
        doc = job.doc
        assert doc is not None
        if not job.sent:
            # Nothing is in the child's pipe ahead of it (jobs are sent in order), so the write cannot
            # block for long; a child found dead between documents is replaced once.
            if not self._write(job):
                self._replace()
                self._requeue(queue)
                if not self._write(job):
                    dead = self._proc
                    assert dead is not None
                    self._replace()
                    self._requeue(queue)
                    return self._lost(doc, dead, "its worker process could not be reached")
        proc, reader = self._proc, self._reader
        assert proc is not None and reader is not None
        t0 = self._last_answer
        try:
            reply, blocks = reader.blocks(t0 + hard_deadline(self.seconds))
        except _Deadline:
            self._replace()
            self._requeue(queue)
            log.warning("%s: no result after %.0f s; its worker process was killed", doc.source.path,
                        time.monotonic() - t0)
            return Outcome(path=doc.source.path, quarantine=quarantine_entry(
                doc, "limits", f"timed out: not finished within limits.document_seconds={self.seconds:g} s; "
                               "its worker process did not respond and was killed"))
        except (_Eof, OSError, ValueError):
            self._replace()
            self._requeue(queue)
            return self._lost(doc, proc, "its worker process died while working on it")
        self._last_answer = time.monotonic()
        self._unanswered -= 1
        line = blocks[0] or None
        extras = None
        if line is not None and len(blocks) == 3 and "summary" in reply:
            n_segments, fields = reply["derived"]
            extras = Extras(reply["summary"], blocks[1], n_segments, blocks[2], fields)
        out = Outcome(path=doc.source.path, record=json.loads(line) if line and parse else reply.get("record"),
                      quarantine=reply.get("quarantine"), timings=reply.get("timings") or {}, line=line,
                      extras=extras)
        if reply.get("restart"):  # the child exits after this answer, unread frames and all
            self._replace()
            self._requeue(queue)
        return out

    def _lost(self, doc: Document, proc: subprocess.Popen[bytes], what: str) -> Outcome:
        code = proc.returncode
        how = ""
        if code is not None and code < 0:
            try:
                name = signal.Signals(-code).name
            except ValueError:
                name = f"signal {-code}"
            how = f" (killed by {name}" + (", perhaps for lack of memory)" if -code == signal.SIGKILL else ")")
        elif code is not None:
            how = f" (exit status {code})"
        log.warning("%s: %s%s", doc.source.path, what, how)
        return Outcome(path=doc.source.path, quarantine=quarantine_entry(doc, "worker", what + how))


_local = threading.local()


def sandbox_for(cfg: Config) -> DocumentSandbox:
    """The calling thread's sandbox for ``cfg``, started on first use and reused across shards
    (child start-up is paid once per worker, not per shard)."""
    boxes: dict[Config, DocumentSandbox] | None = getattr(_local, "boxes", None)
    if boxes is None:
        boxes = _local.boxes = {}
    box = boxes.get(cfg)
    if box is None:
        for old in boxes.values():  # one configuration at a time per thread is the normal case
            old.close()
        boxes.clear()
        box = boxes[cfg] = DocumentSandbox(cfg)
    return box


# --- child side ----------------------------------------------------------------------------------


def _where(tb: TracebackType | None, stage: str) -> tuple[str, str]:
    """(stage, 'pipeline/x/y.py:line in function') of the innermost stage frame of a traceback;
    ``stage`` when no stage's code is on it."""
    where = ""
    for fs in traceback.extract_tb(tb):
        try:
            rel = Path(fs.filename).resolve().relative_to(_PKG_DIR)
        except ValueError:
            continue
        if rel.parts and rel.parts[0].removesuffix(".py") in STAGE_NAMES:
            stage = rel.parts[0].removesuffix(".py")
            where = f"pipeline/{rel.as_posix()}:{fs.lineno} in {fs.name}()"
    return stage, where


def scrub(obj: Any) -> Any:
    """Lone surrogates (which UTF-8 cannot encode) escaped as ``\\udcff`` text, at any depth.

    >>> scrub({"reason": "bad \\udcff"})
    {'reason': 'bad \\\\udcff'}
    """
    if isinstance(obj, str):
        return obj.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(obj, dict):
        return {scrub(k): scrub(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [scrub(v) for v in obj]
    return obj


def _run_one(processor: Any, doc: Document, seconds: float, with_extras: bool = True) -> dict[str, Any]:
    armed = [True]

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        if armed[0]:
            raise DocumentTimeout

    signal.signal(signal.SIGALRM, on_alarm)
    t0 = time.perf_counter()
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            out: Outcome = processor.process(doc)
        finally:
            armed[0] = False
            signal.setitimer(signal.ITIMER_REAL, 0)
    except Exception as e:  # noqa: BLE001 - Pipeline.process catches stage errors; this is the backstop
        stage, where = _where(e.__traceback__, "record")
        reason = f"internal error: {type(e).__name__}: {e}" + (f" (in {where})" if where else "")
        if isinstance(e, MemoryError):
            return _out_of_memory(quarantine_entry(doc, stage, reason), {})
        return {"record": None, "quarantine": scrub(quarantine_entry(doc, stage, reason)), "timings": {}}
    except DocumentTimeout as e:
        stage, where = _where(e.__traceback__, "limits")
        elapsed = time.perf_counter() - t0
        reason = f"timed out: still running after limits.document_seconds={seconds:g} s"
        if where:
            reason += f" (in {where})"
        log.warning("%s: %s", doc.source.path, reason)
        q = quarantine_entry(doc, stage, reason)
        return {"record": None, "quarantine": scrub(q), "timings": {stage: elapsed}, "restart": True}
    record = out.record
    quarantine = out.quarantine
    if quarantine is not None and "MemoryError" in str(quarantine.get("reason")):
        return _out_of_memory(quarantine, out.timings)
    line = b""
    made: tuple[bytes, bytes, int] | None = None
    if record is not None:
        try:
            # Encoded once, here: the payload is the record's output line (see dumps_line), with the
            # segments' lines of segments.jsonl made from the same escaped text where it can be.
            made = encode_with_segments(record) if with_extras else None
            line = made[0] if made is not None else _LINE_ENCODER.encode(record).encode("utf-8")
        except UnicodeEncodeError as e:
            bad = e.object[e.start:e.end].encode("unicode_escape").decode("ascii")  # type: ignore[union-attr]
            quarantine = quarantine_entry(doc, "record", f"the record holds {bad}, a lone surrogate that "
                                                         "cannot be written as UTF-8")
            record = None
        except (TypeError, ValueError) as e:
            quarantine = quarantine_entry(doc, "record", f"the record cannot be written as JSON: {e}")
            record = None
    quarantine = scrub(quarantine) if quarantine else None
    reply: dict[str, Any] = {"record": None, "quarantine": quarantine, "timings": out.timings}
    if record is None:
        return reply
    extras = _extras(record, line, made) if with_extras else None
    if extras is None:
        reply["payload"] = [line]
        return reply
    reply["summary"] = extras.summary
    reply["derived"] = [extras.n_segments, extras.fields]
    reply["sizes"] = [len(line), len(extras.segments), len(extras.bitext)]
    reply["payload"] = [line, extras.segments, extras.bitext]
    return reply


# The record fields the summary and the bitext lines read. In a record of plain JSON values (as the
# real stages build) they are what the shard would find in the decoded line; a stand-in processor's
# record may hold other types (a tuple decodes as a list), and is then read from its line instead.
_READ_FIELDS = (*METADATA_FIELDS, "languages", "repairs")
_PLAIN = frozenset({type(None), str, int, float, bool, list, dict})


def _extras(record: Any, line: bytes, made: tuple[bytes, bytes, int] | None) -> Extras | None:
    """The summary and derived lines of a record the child encoded as ``line`` (``made``: what
    ``encode_with_segments`` gave, its segment lines with it), exactly as the shard would make them from
    the decoded line; None where they cannot be made (the shard then makes them itself, and meets
    whatever error that is there, as it always did)."""
    try:
        if made is not None and all(type(record.get(f)) in _PLAIN for f in _READ_FIELDS):
            _, segments, n_segments = made
            rows = list(bitext_rows(record))
            bitext, fields = "".join(map(dumps_line, rows)), [row["field"] for row in rows]
        else:
            record = json.loads(line)
            text, n_segments, bitext, fields = derived_lines(record)
            segments = text.encode("utf-8")
        return Extras(summarize(record, None), segments, n_segments, bitext.encode("utf-8"), fields)
    except Exception:  # noqa: BLE001 - not ours to judge: the shard makes them again and fails as it would have
        return None


_memory_mb = 0  # limits.document_memory_mb as applied in this child (0: none)


def limit_memory(mb: int) -> None:
    """Cap this process's heap (RLIMIT_DATA: on Linux every private writable mapping, so every
    allocation Python makes) at ``mb`` MiB. A document that needs more fails with MemoryError and is
    quarantined, instead of growing until the machine swaps or the kernel kills something."""
    global _memory_mb
    if mb <= 0:
        return
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
        limit = mb * 2**20 if hard == resource.RLIM_INFINITY else min(mb * 2**20, hard)
        resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))
    except (ImportError, AttributeError, ValueError, OSError) as e:
        log.warning("limits.document_memory_mb is not enforced here: %s", e)
        return
    _memory_mb = mb


def _out_of_memory(q: dict[str, Any], timings: dict[str, float]) -> dict[str, Any]:
    # The reason says which limit; the child is replaced, as the failed allocation may have left
    # a stage's caches half-built.
    q = dict(q, reason=f"out of memory: needed more than limits.document_memory_mb={_memory_mb} MiB "
                       f"({q.get('reason')})" if _memory_mb else f"out of memory ({q.get('reason')})")
    return {"record": None, "quarantine": scrub(q), "timings": timings, "restart": True}


def _load_processor(spec: str, cfg: Config) -> Any:
    module, _, name = spec.partition(":")
    factory: Callable[[Config], Any] = getattr(importlib.import_module(module), name)
    return factory(cfg)


def child_main() -> int:
    from pipeline.config import from_mapping

    # Frames go out on a private copy of stdout; anything a library prints lands on stderr instead.
    out = os.dup(1)
    os.dup2(2, 1)
    inp = sys.stdin.buffer
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    die_with_parent()  # even in the middle of a document: its result has no reader
    first = _read_frame_blocking(inp)
    if first is None:
        return 0
    init = first[0]
    logging.basicConfig(level=init.get("log_level", logging.WARNING), stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        cfg = from_mapping(init["config"])
        limit_memory(cfg.limits.document_memory_mb)
        processor = _load_processor(init.get("processor") or DEFAULT_PROCESSOR, cfg)
    except Exception as e:  # noqa: BLE001 - reported to the parent, which stops the run
        _send_frame(out, {"ready": False, "error": f"{type(e).__name__}: {e}"}, [])
        return 1
    _send_frame(out, {"ready": True}, [])
    while True:
        frame = _read_frame_blocking(inp)
        if frame is None:
            return 0
        head, raw = frame
        doc = Document(source=Source(path=head["path"], sha256=head["sha256"], size_bytes=head["size_bytes"]),
                       raw=raw)
        reply = _run_one(processor, doc, float(head["seconds"]), bool(head.get("extras", True)))
        _send_frame(out, reply, reply.pop("payload", []))
        if reply.get("restart"):
            return 0

