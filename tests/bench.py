"""Speed and memory benchmark: ``make bench`` (``python -m tests.bench``). Not a test (no timed unit tests).

It builds a corpus from the seeds and damaged variants of them (tests/damaged_corpus.py: cp1251,
KOI8-R and UTF-16 encodings, mojibake of several kinds, CRLF, HTML entities, control characters),
half clean documents and half damaged ones, every file distinct, at least ``--mb`` MB (default 50) in
folders of 100 files, and a corpus ten times smaller built the same way. Then, side by side, with
MB/s, documents/s and peak RSS:

  (a) naive: the pipeline a user would write: read as UTF-8, ``ftfy.fix_text``, ``langdetect.detect``
      on every paragraph, a DOI regex, ``jsonschema.validate`` of a record dict it builds;
  (b) ``ftfy.fix_text`` alone over the same text;
  (c) ``python -m pipeline run`` with 1 and with 2 workers (a fresh output folder each);
  (d) the 2-worker run again with nothing changed (incremental: nothing to do).

Every measured run is a subprocess of its own, timed from the outside (interpreter start included,
as a user would see it), with its CPU time (user + system, every process of the run). Peak RSS: the
largest single process (``getrusage(RUSAGE_CHILDREN)`` of a wrapper process, so each run is measured
alone, and psutil samples every 20 ms) and the largest sum over the whole process tree (sampled; an
upper bound, as pages a fork shares are counted twice). The machine's load average is recorded:
other work on the machine slows the wall-clock figures, not the CPU seconds.

Also: how much faster two CPU-bound processes run than one on this machine (the ceiling of "2 workers
vs 1"; virtual CPUs that share a physical core, or a busy host, give far less than 2), a profile of
the stages in one process over a sample (which functions cost what), the language
stage's own benchmark (tests/bench_languages.py) and the targets of issue 6, each with pass/fail.
Prints a table and writes everything to ``output/bench.json``.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import os
import platform
import pstats
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))  # damaged_corpus, bench_languages

import damaged_corpus  # noqa: E402

MB = 1_000_000
DOI = re.compile(r"\b10\.\d{4,9}/[^\s\"<>]+", re.IGNORECASE)

TARGETS = {
    "pipeline_1w_vs_naive_speedup_min": 20.0,
    "pipeline_1w_vs_ftfy_time_max": 1.5,
    "pipeline_2w_vs_1w_speedup_min": 1.7,
    "rerun_vs_full_time_max": 0.05,
    "peak_rss_mb_max": 300.0,
    "rss_growth_10x_max": 0.20,
}


# --- the corpus ----------------------------------------------------------------------------------


def build_corpus(dest: Path, target_bytes: int) -> dict[str, Any]:
    """Write the corpus into ``dest``; each round: every damaged variant once and as many clean
    documents (the bases cycled), each with its round number so that no two files are the same."""
    bases = damaged_corpus.bases()
    variants = list(damaged_corpus.VARIANTS.items())
    names = list(bases)
    total = files = damaged = 0
    kinds: dict[str, int] = {}
    rnd = 0
    while total < target_bytes:
        items: list[tuple[str, str, bytes]] = []
        for base, text in bases.items():
            marked = f"{text.rstrip()}\n\n(copy {rnd})\n"
            for vname, make in variants:
                raw = make(marked)
                if raw is not None:
                    items.append((base, vname, raw))
        n_damaged = len(items)
        for i in range(n_damaged):
            base = names[i % len(names)]
            items.append((base, "clean", f"{bases[base].rstrip()}\n\n(copy {rnd}.{i})\n".encode()))
        for base, vname, raw in items:
            if total >= target_bytes:
                break
            folder = dest / f"{files // 100:05d}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{files:07d}.{base}.{vname}.txt").write_bytes(raw)
            total += len(raw)
            files += 1
            damaged += vname != "clean"
            kinds[vname] = kinds.get(vname, 0) + 1
        rnd += 1
    return {"files": files, "bytes": total, "damaged_files": damaged, "clean_files": files - damaged,
            "variants": dict(sorted(kinds.items()))}


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(corpus.rglob("*.txt"))


# --- baselines (run in a subprocess: python -m tests.bench _naive|_ftfy CORPUS) -------------------


def naive(corpus: Path) -> dict[str, Any]:
    """The pipeline as a user would first write it."""
    import ftfy
    import jsonschema
    import langdetect
    from langdetect.lang_detect_exception import LangDetectException

    schema = json.loads((ROOT / "schemas" / "record.schema.json").read_text(encoding="utf-8"))
    docs = invalid = 0
    for p in corpus_files(corpus):
        raw = p.read_bytes()
        text = ftfy.fix_text(raw.decode("utf-8", errors="replace"))
        segments = []
        langs: dict[str, int] = {}
        for para in re.split(r"\n\s*\n", text):
            para = para.strip()
            if not para:
                continue
            try:
                lang = langdetect.detect(para)
            except LangDetectException:
                lang = "und"
            lang = lang.split("-")[0] if re.fullmatch(r"[a-z]{2}(-[a-z]+)?", lang) else "und"
            segments.append({"lang": lang, "kind": "paragraph", "text": para, "confidence": 1.0})
            langs[lang] = langs.get(lang, 0) + len(para)
        dois = DOI.findall(text)
        sha = hashlib.sha256(raw).hexdigest()
        letters = sum(langs.values()) or 1
        record = {
            "schema_version": "1.0", "id": f"sha256:{sha}",
            "source": {"path": p.relative_to(corpus).as_posix(), "sha256": sha, "size_bytes": len(raw),
                       "encoding": "utf-8"},
            "title": None, "title_translations": [], "authors": [], "doi": dois[0].lower() if dois else None,
            "published": None, "venue": None, "keywords": {}, "abstract": {},
            "languages": {k: round(v / letters, 4) for k, v in langs.items()},
            "segments": segments, "text": text, "footnotes": [], "references": [], "urls": [], "emails": [],
            "boilerplate": [], "repairs": {}, "warnings": [],
        }
        try:
            jsonschema.validate(record, schema)
        except jsonschema.ValidationError:
            invalid += 1
        docs += 1
    return {"documents": docs, "invalid_records": invalid}


def ftfy_only(corpus: Path) -> dict[str, Any]:
    import ftfy

    docs = 0
    for p in corpus_files(corpus):
        ftfy.fix_text(p.read_bytes().decode("utf-8", errors="replace"))
        docs += 1
    return {"documents": docs}


# --- measuring -----------------------------------------------------------------------------------


def _spin(n: int) -> int:
    """A pure-Python loop: CPU only, no memory traffic to speak of."""
    x = 0
    for i in range(n):
        x += i
    return 0


def two_process_speedup(rounds: int = 5, n: int = 10_000_000) -> dict[str, Any]:
    """How much faster two CPU-bound processes finish two loops than one process finishes one, twice:
    the ceiling of "2 workers vs 1" on this machine (2.0 with two idle, independent cores; less when
    its CPUs share a physical core or the host is busy). One and two at a time alternate, ``rounds``
    times; the median is reported."""
    cmd = [sys.executable, "-m", "tests.bench", "_spin", str(n)]
    ratios, singles = [], []
    for _ in range(rounds):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True)
        one = time.perf_counter() - t0
        t0 = time.perf_counter()
        procs = [subprocess.Popen(cmd) for _ in range(2)]
        for p in procs:
            p.wait()
        two = time.perf_counter() - t0
        ratios.append(2 * one / two)
        singles.append(one)
    ratios.sort()
    return {"median": round(ratios[len(ratios) // 2], 2), "all": [round(r, 2) for r in ratios],
            "one_loop_seconds": [round(t, 2) for t in singles]}


def _wrap(out_file: str, cmd: list[str]) -> int:
    """Run ``cmd``; write its wall time and the peak RSS of its largest process to ``out_file``."""
    t0 = time.perf_counter()
    rc = subprocess.run(cmd).returncode
    wall = time.perf_counter() - t0
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)  # every process of the run, once it was waited for
    Path(out_file).write_text(json.dumps({"rc": rc, "seconds": wall, "cpu_seconds": ru.ru_utime + ru.ru_stime,
                                          "max_process_rss_mb": ru.ru_maxrss / 1024}))  # ru_maxrss: KiB on Linux
    return 0


def measure(cmd: list[str], label: str) -> dict[str, Any]:
    import psutil

    fd, out_file = tempfile.mkstemp(suffix=".json")
    os.close(fd)
    proc = subprocess.Popen([sys.executable, "-m", "tests.bench", "_wrap", out_file, "--", *cmd], cwd=ROOT)
    peak_tree = peak_one = 0
    cpu: dict[tuple[int, float], float] = {}  # (pid, start time) -> user + system seconds, last seen
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak_tree, peak_one
        try:
            me = psutil.Process(proc.pid)
        except psutil.NoSuchProcess:
            return
        while not stop.is_set():
            try:
                procs = me.children(recursive=True)
            except psutil.NoSuchProcess:
                return
            total = 0
            for p in procs:
                try:
                    rss = p.memory_info().rss
                    t = p.cpu_times()
                    cpu[(p.pid, p.create_time())] = t.user + t.system
                except psutil.NoSuchProcess:
                    continue
                total += rss
                peak_one = max(peak_one, rss)
            peak_tree = max(peak_tree, total)
            stop.wait(0.02)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    proc.wait()
    stop.set()
    th.join()
    res = json.loads(Path(out_file).read_text())
    os.unlink(out_file)
    res["tree_rss_mb"] = peak_tree / 2**20
    # getrusage misses processes nobody waited for (a worker's document child may be reaped by init),
    # sampling misses peaks shorter than 20 ms: the larger of the two.
    res["max_process_rss_mb"] = max(res["max_process_rss_mb"], peak_one / 2**20)
    # Likewise CPU time: getrusage counts only the processes that were waited for.
    res["cpu_seconds"] = max(res["cpu_seconds"], sum(cpu.values()))
    res["label"] = label
    print(f"  {label}: {res['seconds']:.2f} s ({res['cpu_seconds']:.2f} s CPU), largest process {res['max_process_rss_mb']:.0f} MB, "
          f"process tree {res['tree_rss_mb']:.0f} MB (exit {res['rc']})", file=sys.stderr, flush=True)
    return res


def rates(m: dict[str, Any], corpus: dict[str, Any]) -> dict[str, Any]:
    s = m["seconds"]
    return {
        "seconds": round(s, 3),
        "cpu_seconds": round(m["cpu_seconds"], 3),
        "mb_per_s": round(corpus["bytes"] / MB / s, 3),
        "docs_per_s": round(corpus["files"] / s, 1),
        "max_process_rss_mb": round(m["max_process_rss_mb"], 1),
        "tree_rss_mb": round(m["tree_rss_mb"], 1),
        "exit_code": m["rc"],
    }


def pipeline_cmd(corpus: Path, out: Path, workers: int, *extra: str) -> list[str]:
    return [sys.executable, "-m", "pipeline", "run", "-q", "--input", str(corpus), "--output", str(out),
            "--workers", str(workers), *extra]


# --- where the time goes -------------------------------------------------------------------------


def profile_stages(corpus: Path, sample: int) -> dict[str, Any]:
    """The stages in this process over every n-th file (``sample`` files in all), under cProfile:
    the functions with the most time of their own, and the stages' share of the time."""
    from pipeline.config import load
    from pipeline.document import Document, Source
    from pipeline.stages import Pipeline

    files = corpus_files(corpus)
    step = max(1, len(files) // sample)
    chosen = files[::step][:sample]
    pipe = Pipeline(load(None))
    pipe.process(Document(source=Source(path="warm-up.txt", sha256="0" * 64), raw=chosen[0].read_bytes()))
    seconds: dict[str, float] = {}
    prof = cProfile.Profile()
    nbytes = 0
    t0 = time.perf_counter()
    for p in chosen:
        raw = p.read_bytes()
        nbytes += len(raw)
        doc = Document(source=Source(path=p.name, sha256=hashlib.sha256(raw).hexdigest(), size_bytes=len(raw)),
                       raw=raw)
        prof.enable()
        out = pipe.process(doc)
        prof.disable()
        for k, v in out.timings.items():
            seconds[k] = seconds.get(k, 0.0) + v
    wall = time.perf_counter() - t0
    st = pstats.Stats(prof)
    rows = []
    for (file, line, func), (_cc, nc, tt, ct, _callers) in st.stats.items():  # type: ignore[attr-defined]
        rows.append({"function": f"{_short(file)}:{line}({func})", "calls": nc, "own_s": round(tt, 3),
                     "cumulative_s": round(ct, 3)})
    total = sum(r["own_s"] for r in rows) or 1.0
    own = sorted(rows, key=lambda r: -r["own_s"])[:25]
    ours = sorted((r for r in rows if r["function"].startswith("pipeline/")), key=lambda r: -r["cumulative_s"])[:30]
    for r in own:
        r["share"] = round(r["own_s"] / total, 3)
    return {"documents": len(chosen), "mb": round(nbytes / MB, 3), "seconds_under_profiler": round(wall, 2),
            "stage_seconds": {k: round(v, 3) for k, v in seconds.items()},
            "top_own_time": own, "pipeline_functions_by_cumulative_time": ours}


def _short(file: str) -> str:
    f = file.replace("\\", "/")
    for marker in ("/site-packages/", "/lib/python"):
        if marker in f:
            return f.split(marker, 1)[1]
    try:
        return Path(f).resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return f


# --- the benchmark -------------------------------------------------------------------------------


def languages_bench() -> dict[str, Any] | None:
    try:
        import bench_languages
    except ImportError:
        return None
    return bench_languages.bench(bench_languages.seed_texts(10))


def run_bench(mb: float, keep: Path | None, sample: int, do_profile: bool, naive_on_large: bool) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="seedclean-bench-")) if keep is None else keep
    work.mkdir(parents=True, exist_ok=True)
    try:
        large, small = work / "corpus", work / "corpus-small"
        for d in (large, small, work / "out1", work / "out2", work / "out1s", work / "out2s"):
            shutil.rmtree(d, ignore_errors=True)
        print(f"building the corpora in {work} ...", file=sys.stderr, flush=True)
        c_large = build_corpus(large, int(mb * MB))
        c_small = build_corpus(small, int(mb * MB / 10))
        # Inputs written less than 2 s before they are read are hashed again on the next run
        # (state.RACY_SECONDS); a real corpus is older than that.
        time.sleep(2.1)
        print(f"corpus: {c_large['files']} files, {c_large['bytes'] / MB:.1f} MB; small: {c_small['files']} files, "
              f"{c_small['bytes'] / MB:.1f} MB", file=sys.stderr)

        load_start = list(os.getloadavg())
        print("two CPU-bound processes against one ...", file=sys.stderr, flush=True)
        scaling = two_process_speedup()
        me = [sys.executable, "-m", "tests.bench"]
        naive_corpus, c_naive = (large, c_large) if naive_on_large else (small, c_small)
        m: dict[str, dict[str, Any]] = {}
        m["naive"] = rates(measure([*me, "_naive", str(naive_corpus)], "naive baseline"), c_naive)
        m["ftfy_only"] = rates(measure([*me, "_ftfy", str(large)], "ftfy.fix_text alone"), c_large)
        m["pipeline_1w"] = rates(measure(pipeline_cmd(large, work / "out1", 1), "pipeline, 1 worker"), c_large)
        m["pipeline_2w"] = rates(measure(pipeline_cmd(large, work / "out2", 2), "pipeline, 2 workers"), c_large)
        m["rerun_unchanged_2w"] = rates(measure(pipeline_cmd(large, work / "out2", 2), "rerun, nothing changed"),
                                        c_large)
        m["small_pipeline_1w"] = rates(measure(pipeline_cmd(small, work / "out1s", 1), "small corpus, 1 worker"),
                                       c_small)
        m["small_pipeline_2w"] = rates(measure(pipeline_cmd(small, work / "out2s", 2), "small corpus, 2 workers"),
                                       c_small)
        if naive_on_large:
            m["small_naive"] = rates(measure([*me, "_naive", str(small)], "small corpus, naive"), c_small)
        identical = (work / "out1" / "records.jsonl").read_bytes() == (work / "out2" / "records.jsonl").read_bytes()
        report1 = json.loads((work / "out1" / "report.json").read_text())
        rerun_report = json.loads((work / "out2" / "report.json").read_text())

        naive_rate = m["naive"]["mb_per_s"]
        p1, p2 = m["pipeline_1w"], m["pipeline_2w"]
        ratios = {
            "pipeline_1w_vs_naive_speedup": round(p1["mb_per_s"] / naive_rate, 2),
            "pipeline_1w_vs_ftfy_time": round(p1["seconds"] / m["ftfy_only"]["seconds"], 2),
            # The same in CPU seconds, which the machine's other load does not inflate.
            "pipeline_1w_vs_naive_speedup_cpu": round(
                (c_large["bytes"] / p1["cpu_seconds"]) / (c_naive["bytes"] / m["naive"]["cpu_seconds"]), 2),
            "pipeline_1w_vs_ftfy_cpu": round(p1["cpu_seconds"] / m["ftfy_only"]["cpu_seconds"], 2),
            "pipeline_2w_vs_1w_speedup": round(p1["seconds"] / p2["seconds"], 2),
            # The same work in both: above 1 (beyond a second worker's start-up) means each CPU ran
            # slower while both were busy, which caps the speed-up below 2 whatever the pipeline does.
            "pipeline_2w_vs_1w_cpu": round(p2["cpu_seconds"] / p1["cpu_seconds"], 2),
            "rerun_vs_full_time": round(m["rerun_unchanged_2w"]["seconds"] / p2["seconds"], 4),
            "peak_rss_mb": max(p1["max_process_rss_mb"], p2["max_process_rss_mb"]),
            "peak_tree_rss_mb": max(p1["tree_rss_mb"], p2["tree_rss_mb"]),
            "rss_growth_10x_1w": round(p1["max_process_rss_mb"] / m["small_pipeline_1w"]["max_process_rss_mb"] - 1, 3),
            "rss_growth_10x_2w": round(p2["max_process_rss_mb"] / m["small_pipeline_2w"]["max_process_rss_mb"] - 1, 3),
            "tree_rss_growth_10x_2w": round(p2["tree_rss_mb"] / m["small_pipeline_2w"]["tree_rss_mb"] - 1, 3),
        }
        met = {
            "pipeline_1w_vs_naive_speedup_min": ratios["pipeline_1w_vs_naive_speedup"] >= 20.0,
            "pipeline_1w_vs_ftfy_time_max": ratios["pipeline_1w_vs_ftfy_time"] <= 1.5,
            "pipeline_2w_vs_1w_speedup_min": ratios["pipeline_2w_vs_1w_speedup"] >= 1.7,
            "rerun_vs_full_time_max": ratios["rerun_vs_full_time"] < 0.05,
            "peak_rss_mb_max": ratios["peak_rss_mb"] < 300.0,
            "rss_growth_10x_max": max(ratios["rss_growth_10x_1w"], ratios["rss_growth_10x_2w"]) < 0.20,
        }
        result: dict[str, Any] = {
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
                        "load_average_at_start": load_start, "load_average_at_end": list(os.getloadavg()),
                        "two_process_speedup": scaling},
            "corpus": c_large, "small_corpus": c_small,
            "naive_measured_on": "large corpus" if naive_on_large else "small corpus (rates compared)",
            "runs": m, "ratios": ratios, "targets": TARGETS, "targets_met": met,
            "records_identical_1w_2w": identical,
            "pipeline_seconds_per_stage_1w": report1.get("seconds_per_stage"),
            "rerun_incremental": rerun_report.get("incremental"),
        }
        if do_profile:
            print(f"profiling the stages over {sample} documents ...", file=sys.stderr, flush=True)
            result["profile"] = profile_stages(large, sample)
        print("language stage benchmark ...", file=sys.stderr, flush=True)
        result["languages_bench"] = languages_bench()
        return result
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)


def print_table(r: dict[str, Any]) -> None:
    rows = [("naive baseline" + ("" if r["naive_measured_on"] == "large corpus" else " (small corpus)"), "naive"),
            ("ftfy.fix_text alone", "ftfy_only"), ("pipeline, 1 worker", "pipeline_1w"),
            ("pipeline, 2 workers", "pipeline_2w"), ("rerun, nothing changed", "rerun_unchanged_2w"),
            ("small corpus, 1 worker", "small_pipeline_1w"), ("small corpus, 2 workers", "small_pipeline_2w")]
    c = r["corpus"]
    out = [f"corpus: {c['files']} files, {c['bytes'] / MB:.1f} MB ({c['damaged_files']} damaged variants, "
           f"{c['clean_files']} clean); small corpus: {r['small_corpus']['files']} files, "
           f"{r['small_corpus']['bytes'] / MB:.1f} MB",
           f"{'':28} {'seconds':>9} {'CPU s':>8} {'MB/s':>8} {'docs/s':>8} {'RSS max':>8} {'RSS tree':>9}"]
    for label, key in rows:
        m = r["runs"][key]
        out.append(f"{label:28} {m['seconds']:9.2f} {m['cpu_seconds']:8.2f} {m['mb_per_s']:8.3f} {m['docs_per_s']:8.1f} "
                   f"{m['max_process_rss_mb']:7.0f}M {m['tree_rss_mb']:8.0f}M")
    out.append("")
    for k, v in r["ratios"].items():
        out.append(f"  {k:34} {v}")
    out.append("")
    for k, ok in r["targets_met"].items():
        out.append(f"  target {k:34} {r['targets'][k]:>6}  {'met' if ok else 'NOT met'}")
    out.append(f"  records.jsonl identical for 1 and 2 workers: {r['records_identical_1w_2w']}")
    sc = r["machine"].get("two_process_speedup")
    if sc:
        out.append(f"  this machine runs two CPU-bound processes {sc['median']}x as fast as one (runs: {sc['all']}): "
                   "the ceiling for 2 workers vs 1")
    out.append(f"  load average at start / end: {r['machine']['load_average_at_start']} / "
               f"{r['machine']['load_average_at_end']} ({r['machine']['cpus']} CPUs)")
    if r.get("profile"):
        pr = r["profile"]
        out.append(f"\nprofile: {pr['documents']} documents, {pr['mb']} MB, stage seconds {pr['stage_seconds']}")
        for row in pr["top_own_time"][:15]:
            out.append(f"  {row['own_s']:7.3f} s own {row['share']:6.1%}  {row['calls']:>8} calls  {row['function']}")
    if r.get("languages_bench"):
        lb = r["languages_bench"]
        out.append(f"\nlanguage stage vs langdetect per paragraph: {lb.get('speedup')}x (target {lb.get('target_speedup')})")
    sys.stdout.write("\n".join(out) + "\n")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["_wrap"]:
        return _wrap(argv[1], argv[3:])
    if argv[:1] == ["_spin"]:
        return _spin(int(argv[1]))
    if argv[:1] in (["_naive"], ["_ftfy"]):
        res = (naive if argv[0] == "_naive" else ftfy_only)(Path(argv[1]))
        sys.stderr.write(json.dumps(res) + "\n")
        return 0
    ap = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=50.0, help="corpus size in MB (default 50; the small one is a tenth)")
    ap.add_argument("--keep", type=Path, help="build the corpora and outputs here and keep them (default: a temp dir)")
    ap.add_argument("--sample", type=int, default=120, help="documents in the profile (default 120)")
    ap.add_argument("--no-profile", action="store_true", help="skip the profile of the stages")
    ap.add_argument("--naive-on-large", action="store_true",
                    help="time the naive baseline on the large corpus too (slow); default: on the small one")
    ap.add_argument("--json", type=Path, default=ROOT / "output" / "bench.json", help="where to write the results")
    a = ap.parse_args(argv)
    result = run_bench(a.mb, a.keep, a.sample, not a.no_profile, a.naive_on_large)
    a.json.parent.mkdir(parents=True, exist_ok=True)
    a.json.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print_table(result)
    sys.stdout.write(f"\nwritten to {a.json}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
