"""Fuzz the whole pipeline: ``make fuzz`` (``python -m tests.fuzz``). Not collected by pytest.

Feeds ``--count`` (default 10,000) random and mutated inputs through ``Pipeline.process`` in-process
(in a pool of worker processes), then a few full runs of ``python -m pipeline run`` over a sample of
them. The inputs are the seeds mutated: windows of them, byte flips, truncation (cutting multibyte
characters), other charsets and mojibake, inserted NULs, controls, entities and odd Unicode, giant
lines, repeated and shuffled lines, pathological runs ("-", "(", digits, spaces, long words), plus
pure random text and bytes. Input ``i`` depends only on ``--seed`` and ``i``, so any finding can be
regenerated (``--only I``) and is also saved under ``--save`` for a test.

Reported: records, quarantined (per stage), stage errors (an exception a stage raised, which
``Pipeline.process`` turned into an "internal error" quarantine), schema failures, exceptions that
escaped ``Pipeline.process``, and inputs slower than ``--slow`` seconds (with the function that was
running). Exit 1 when any exception escaped, a stage raised, a record failed the schema or a full
run misbehaved; slowness alone is reported, not failed (the per-document time limit handles it).
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import logging
import multiprocessing
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
log = logging.getLogger("fuzz")

# --- inputs --------------------------------------------------------------------------------------

CHARSETS = ["cp1251", "koi8-r", "cp866", "mac-cyrillic", "cp1252", "latin-1", "utf-16-le", "utf-16-be", "utf-16",
            "utf-32", "utf-8-sig", "iso8859-5", "gb18030", "shift_jis"]
ENTITIES = ["&amp;", "&lt;b&gt;", "&#8212;", "&#1046;", "&#xD800;", "&#0;", "&#x110000;", "&nbsp;", "&quot;", "&",
            "&#", "&#x;", "&amp;amp;", "&lt;script&gt;alert(1)&lt;/script&gt;"]
ODD = ["\u0301", "\u200b", "\u200d", "\u200e", "\u202e", "\u2066", "\ufeff", "\ufffd", "\u00ad", "\u00a0",
       "\u3000", "\uff21", "😀", "👩\u200d💻", "\U0001f1fa\U0001f1f8", "\u0000", "\u001b", "\u0085", "\u2028",
       "\u2029", "\x0c", "\x0b", "\r", "ﬁ", "ǅ", "İ", "ß", "\u0410\u0301", "𝐀", "\ue000", "\uffff"]
PATHOLOGICAL = ["-", "(", ")", "0123456789", " ", "\t", ".", "&", "[1]", "a-\n", "*", "#", "|", "\n", "ab",
                "Ж", "中", "http://", "@", "10.", "I. ", "Keywords: ", "Abstract\n"]


def seeds() -> list[bytes]:
    return [p.read_bytes() for p in sorted(SEEDS.iterdir()) if p.is_file()]


def _window(r: random.Random, data: bytes) -> bytes:
    n = r.choice([64, 256, 1024, 4096, 8192])
    start = r.randrange(max(1, len(data) - n))
    return data[start : start + n]


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def m_flip(r: random.Random, d: bytes) -> bytes:
    b = bytearray(d)
    for _ in range(r.randint(1, 16)):
        if b:
            b[r.randrange(len(b))] ^= 1 << r.randrange(8)
    return bytes(b)


def m_random_bytes(r: random.Random, d: bytes) -> bytes:
    b = bytearray(d)
    for _ in range(r.randint(1, 8)):
        pos = r.randint(0, len(b))
        b[pos:pos] = bytes(r.randrange(256) for _ in range(r.randint(1, 12)))
    return bytes(b)


def m_truncate(r: random.Random, d: bytes) -> bytes:
    return d[: r.randint(0, len(d))] if r.random() < 0.5 else d[r.randint(0, len(d)) :]


def m_delete(r: random.Random, d: bytes) -> bytes:
    if not d:
        return d
    a = r.randrange(len(d))
    return d[:a] + d[a + r.randint(1, 200) :]


def m_charset(r: random.Random, d: bytes) -> bytes:
    return _text(d).encode(r.choice(CHARSETS), "replace")


def m_mojibake(r: random.Random, d: bytes) -> bytes:
    wrong = r.choice(["cp1252", "latin-1", "cp1251", "koi8-r", "mac-roman", "cp866"])
    t = _text(d).encode(r.choice(["utf-8", "cp1251", "koi8-r"]), "replace").decode(wrong, "replace")
    return t.encode("utf-8")


def m_nul_controls(r: random.Random, d: bytes) -> bytes:
    b = bytearray(d)
    for _ in range(r.randint(1, 10)):
        pos = r.randint(0, len(b))
        b[pos:pos] = bytes([r.choice([0, 1, 7, 8, 11, 12, 14, 27, 31, 127])])
    return bytes(b)


def _insert(r: random.Random, d: bytes, pieces: list[str], times: int) -> bytes:
    t = _text(d)
    for _ in range(times):
        pos = r.randint(0, len(t))
        t = t[:pos] + r.choice(pieces) + t[pos:]
    return t.encode("utf-8", "surrogatepass")


def m_entities(r: random.Random, d: bytes) -> bytes:
    return _insert(r, d, ENTITIES, r.randint(1, 20))


def m_unicode(r: random.Random, d: bytes) -> bytes:
    return _insert(r, d, ODD, r.randint(1, 30))


def m_lone_surrogate(r: random.Random, d: bytes) -> bytes:
    return _insert(r, d, ["\ud800", "\udfff", "\udc80x"], 1)  # invalid UTF-8 (CESU-style bytes)


def m_giant_line(r: random.Random, d: bytes) -> bytes:
    if r.random() < 0.5:
        return d.replace(b"\n", b" ")
    lines = d.split(b"\n") or [b""]
    line = max(lines, key=len) or b"word "
    return line * max(1, r.choice([2_000, 20_000, 200_000]) // max(1, len(line)))


def m_repeat_lines(r: random.Random, d: bytes) -> bytes:
    lines = d.split(b"\n")
    if not lines:
        return d
    pick = r.choice(lines)
    out = []
    for ln in lines:
        out.append(ln)
        if r.random() < 0.2:
            out.append(pick)
    return b"\n".join(out)


def m_shuffle_lines(r: random.Random, d: bytes) -> bytes:
    lines = d.split(b"\n")
    r.shuffle(lines)
    return b"\n".join(lines)


def m_line_ends(r: random.Random, d: bytes) -> bytes:
    return d.replace(b"\n", r.choice([b"\r\n", b"\r", b"\n\n", b"\n\x0c\n", "\u2028".encode()]))


def m_pathological(r: random.Random, d: bytes) -> bytes:
    piece = r.choice(PATHOLOGICAL) * r.choice([100, 1_000, 10_000])
    pos = r.randint(0, len(d))
    return d[:pos] + piece.encode() + d[pos:]


MUTATORS: dict[str, Callable[[random.Random, bytes], bytes]] = {
    "flip": m_flip, "random_bytes": m_random_bytes, "truncate": m_truncate, "delete": m_delete,
    "charset": m_charset, "mojibake": m_mojibake, "nul_controls": m_nul_controls, "entities": m_entities,
    "unicode": m_unicode, "lone_surrogate": m_lone_surrogate, "giant_line": m_giant_line,
    "repeat_lines": m_repeat_lines, "shuffle_lines": m_shuffle_lines, "line_ends": m_line_ends,
    "pathological": m_pathological,
}
# Costly ones (inputs of hundreds of kilobytes) are rarer.
WEIGHTS = {name: (0.3 if name in ("giant_line", "pathological") else 1.0) for name in MUTATORS}


def make_input(seed: int, i: int, bases: list[bytes]) -> tuple[bytes, list[str]]:
    """Input number ``i``: its bytes and the recipe that made them."""
    r = random.Random(f"{seed}:{i}")
    kind = r.random()
    if kind < 0.05:
        data, recipe = bytes(r.randrange(256) for _ in range(r.randint(0, 2000))), ["random_bytes_only"]
    elif kind < 0.10:
        alphabet = [chr(r.randrange(0x20, 0x3000)) for _ in range(50)] + [" ", "\n", ".", ","]
        data, recipe = "".join(r.choice(alphabet) for _ in range(r.randint(0, 3000))).encode(), ["random_text"]
    else:
        base = r.randrange(len(bases))
        whole = r.random() < 0.15
        data = bases[base] if whole else _window(r, bases[base])
        recipe = [f"seed{base}" + ("" if whole else "-window")]
        if r.random() < 0.1:
            data += b"\n\n" + _window(r, bases[r.randrange(len(bases))])
            recipe.append("splice")
    names = list(MUTATORS)
    for _ in range(r.choice([0, 1, 1, 2, 2, 3])):
        name = r.choices(names, weights=[WEIGHTS[n] for n in names])[0]
        data = MUTATORS[name](r, data)
        recipe.append(name)
    return data, recipe


# --- in-process ----------------------------------------------------------------------------------

_W: dict[str, Any] = {}


class _Slow(BaseException):
    pass


def _init(seed: int, slow: float) -> None:
    from pipeline.config import from_mapping
    from pipeline.stages import Pipeline

    logging.disable(logging.WARNING)  # stages warn about odd documents: that is expected here
    _W.update(pipe=Pipeline(from_mapping({})), bases=seeds(), seed=seed, slow=slow)

    def on_alarm(signum: int, frame: Any) -> None:
        raise _Slow

    signal.signal(signal.SIGALRM, on_alarm)


def _where(tb: Any) -> str:
    frames = [f for f in traceback.extract_tb(tb) if "/pipeline/" in f.filename]
    if not frames:
        return "?"
    f = frames[-1]
    return f"{f.filename.split('/pipeline/')[-1]}:{f.lineno} {f.name}"


def check_one(i: int) -> dict[str, Any]:
    from pipeline.document import Document, Source
    from pipeline.record import record_errors

    data, recipe = make_input(_W["seed"], i, _W["bases"])
    doc = Document(source=Source(path=f"fuzz-{i}.txt", sha256=hashlib.sha256(data).hexdigest(),
                                 size_bytes=len(data)), raw=data)
    res: dict[str, Any] = {"i": i, "recipe": recipe, "size": len(data)}
    t0 = time.perf_counter()
    signal.setitimer(signal.ITIMER_REAL, _W["slow"])
    try:
        try:
            out = _W["pipe"].process(doc)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _Slow as e:
        res.update(kind="slow", where=_where(e.__traceback__))
        return res
    except BaseException as e:  # noqa: BLE001 - this is what the fuzzer looks for
        res.update(kind="escaped", error=f"{type(e).__name__}: {e}"[:500], where=_where(e.__traceback__),
                   traceback=traceback.format_exc()[-3000:])
        return res
    res["seconds"] = round(time.perf_counter() - t0, 3)
    if out.record is not None:
        errors = record_errors(out.record)
        try:
            json.dumps(out.record, ensure_ascii=False).encode("utf-8")
        except (UnicodeEncodeError, TypeError, ValueError) as e:
            errors.append(f"not writable as UTF-8 JSON: {e}")
        res.update(kind="schema" if errors else "record", errors=errors[:5])
    else:
        q = out.quarantine or {}
        reason = str(q.get("reason", ""))
        if q.get("stage") == "record":
            res.update(kind="schema", errors=q.get("errors", [reason])[:5])
        elif reason.startswith("internal error"):
            res.update(kind="stage_error", stage=q.get("stage"), error=reason[:500])
        else:
            res.update(kind="quarantine", stage=q.get("stage"), reason=reason[:120])
    return res


# --- full runs -----------------------------------------------------------------------------------

ODD_NAMES = ["with space", "ünïcödé", "файл", "文件", "new\nline", "tab\tname", "semi;colon", "quote'\"",
             ".hidden", "-dash", "#hash", "%percent", "back\\slash"]


def full_runs(seed: int, indices: list[int], work: Path) -> list[str]:
    """Write the inputs as files with odd names, run the real command a few ways; return the problems."""
    from pipeline.record import record_errors

    problems: list[str] = []
    src = work / "in"
    src.mkdir(parents=True)
    bases = seeds()
    for n, i in enumerate(indices):
        data, _ = make_input(seed, i, bases)
        name = f"{ODD_NAMES[n % len(ODD_NAMES)]}-{i}.txt"
        sub = src / f"d{n % 7}" if n % 3 == 0 else src
        sub.mkdir(exist_ok=True)
        (sub / name).write_bytes(data)
    os.symlink("nowhere.txt", src / "broken.txt")
    os.symlink("loop.txt", src / "loop.txt")
    (src / "folder.txt").mkdir()
    expected_docs = len(indices)

    outputs: dict[str, dict[str, bytes]] = {}
    for label, out, workers in (("workers=1", work / "out1", 1), ("workers=2", work / "out2", 2),
                                ("rerun workers=2", work / "out1", 2)):
        t0 = time.perf_counter()
        r = subprocess.run([sys.executable, "-m", "pipeline", "run", "-q", "--input", str(src), "--output", str(out),
                            "--workers", str(workers)], capture_output=True, text=True, cwd=ROOT)
        log.info("full run (%s): exit %d in %.1f s", label, r.returncode, time.perf_counter() - t0)
        if r.returncode not in (0, 1):
            problems.append(f"full run ({label}) exited {r.returncode}: {r.stderr[-1500:]}")
            continue
        rep = json.loads((out / "report.json").read_text(encoding="utf-8"))
        if rep["inputs_seen"] != rep["records_out"] + rep["quarantined"] + rep["skipped"]:
            problems.append(f"full run ({label}): inputs_seen != records + quarantined + skipped")
        if rep["documents_in"] != expected_docs:
            problems.append(f"full run ({label}): {rep['documents_in']} documents, expected {expected_docs}")
        if rep["skipped"] != 3:
            problems.append(f"full run ({label}): skipped {rep['skipped_paths']}")
        for n, line in enumerate((out / "records.jsonl").read_text(encoding="utf-8").splitlines(), 1):
            errs = record_errors(json.loads(line))
            if errs:
                problems.append(f"full run ({label}): records.jsonl:{n}: {errs[:2]}")
        outputs[label] = {name: (out / name).read_bytes() for name in ("records.jsonl", "quarantine.jsonl")}
        timed_out = any("timed out" in ln for ln in outputs[label]["quarantine.jsonl"].decode().splitlines())
        if timed_out:
            log.info("full run (%s): some documents timed out; byte comparison across runs skipped", label)
            outputs[label]["timed_out"] = b"1"
    if len(outputs) == 3 and not any("timed_out" in o for o in outputs.values()):
        for name in ("records.jsonl", "quarantine.jsonl"):
            if len({o[name] for o in outputs.values()}) != 1:
                problems.append(f"full runs: {name} differs between runs")
    return problems


# --- main ----------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=10_000, help="inputs through Pipeline.process (default 10000)")
    ap.add_argument("--seed", type=int, default=0, help="random seed; input i is a function of (seed, i)")
    ap.add_argument("--workers", type=int, default=0, help="worker processes (default: one per CPU)")
    ap.add_argument("--slow", type=float, default=20.0, help="seconds after which an input counts as slow")
    ap.add_argument("--full-run-docs", type=int, default=300, help="inputs in each full run (0: no full runs)")
    ap.add_argument("--only", type=int, help="process input number ONLY and print the result")
    ap.add_argument("--save", default=str(ROOT / "output" / "fuzz-findings"),
                    help="folder for the inputs behind each finding (default output/fuzz-findings)")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)

    if args.only is not None:
        _init(args.seed, args.slow)
        logging.disable(logging.NOTSET)
        print(json.dumps(check_one(args.only), ensure_ascii=False, indent=2))
        return 0

    workers = args.workers or len(os.sched_getaffinity(0))
    t0 = time.perf_counter()
    results: list[dict[str, Any]] = []
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(workers, initializer=_init, initargs=(args.seed, args.slow)) as pool:
        for n, res in enumerate(pool.imap_unordered(check_one, range(args.count), chunksize=8), 1):
            results.append(res)
            if n % 1000 == 0:
                log.info("%d/%d inputs, %.0f s", n, args.count, time.perf_counter() - t0)
    results.sort(key=lambda r: r["i"])
    kinds = collections.Counter(r["kind"] for r in results)
    stages = collections.Counter(r.get("stage") for r in results if r["kind"] == "quarantine")
    reasons = collections.Counter(r.get("reason", "")[:60] for r in results if r["kind"] == "quarantine")
    mutations = collections.Counter(m for r in results for m in r["recipe"])
    findings = [r for r in results if r["kind"] in ("escaped", "stage_error", "schema", "slow")]

    save = Path(args.save)
    if findings:
        save.mkdir(parents=True, exist_ok=True)
        bases = seeds()
        for r in findings:
            data, _ = make_input(args.seed, r["i"], bases)
            (save / f"{r['kind']}-{args.seed}-{r['i']}.bin").write_bytes(data)

    problems: list[str] = []
    if args.full_run_docs:
        sample = [r["i"] for r in results if r["kind"] in ("record", "quarantine")]
        random.Random(args.seed).shuffle(sample)
        with tempfile.TemporaryDirectory(prefix="seedclean-fuzz-") as tmp:
            problems = full_runs(args.seed, sorted(sample[: args.full_run_docs]), Path(tmp))

    print(f"\nfuzz: {len(results)} inputs (seed {args.seed}) in {time.perf_counter() - t0:.0f} s")
    print(f"  records            {kinds['record']}")
    print(f"  quarantined        {kinds['quarantine']}  by stage: {dict(stages)}")
    print(f"  stage errors       {kinds['stage_error']}  (an exception in a stage, quarantined as internal error)")
    print(f"  schema failures    {kinds['schema']}")
    print(f"  escaped exceptions {kinds['escaped']}")
    print(f"  slow (> {args.slow:g} s)      {kinds['slow']}")
    print(f"  mutations applied  {dict(sorted(mutations.items()))}")
    print("  top quarantine reasons:")
    for reason, n in reasons.most_common(8):
        print(f"    {n:6}  {reason}")
    by_where = collections.Counter((r["kind"], r.get("where") or r.get("error", "")[:100]) for r in findings)
    if findings:
        print(f"  findings (inputs saved in {save}):")
        for (kind, where), n in by_where.most_common(20):
            example = next(r for r in findings if r["kind"] == kind and (r.get("where") or r.get("error", "")[:100])
                           == where)
            print(f"    {n:5} {kind:11} {where}   e.g. --only {example['i']} ({'+'.join(example['recipe'])}, "
                  f"{example['size']} bytes)")
            if kind == "schema":
                print(f"            {example.get('errors')}")
    for p in problems:
        print(f"  full-run problem: {p}")
    if args.full_run_docs and not problems:
        print(f"  full runs          3 runs of {min(args.full_run_docs, len(results))} inputs: exit 0/1, "
              "every input accounted for, records valid, identical bytes")
    failed = kinds["escaped"] + kinds["stage_error"] + kinds["schema"] + len(problems)
    print("fuzz: FAILED" if failed else "fuzz: OK (no exception escaped, no stage raised, every record valid)")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
