"""A real run over the seeds leaves everything people need: summary, progress, derived files, Parquet,
report page (rendered in headless Chromium, screenshot saved to output/report.png) and dataset card."""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.config import from_mapping
from pipeline.derived import bitext_rows, iter_records, segment_rows
from pipeline.report.html import COLOURS
from pipeline.run import run
from pipeline.schemas import load_schema

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars"]


def find_browser() -> str | None:
    """Chromium or Chrome: $SEEDCLEAN_CHROMIUM, else the usual names on PATH."""
    for cand in (os.environ.get("SEEDCLEAN_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if cand and (found := shutil.which(cand)):
            return found
    return None


def browser(page: Path, tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    exe = find_browser()
    if exe is None:
        pytest.skip("no headless browser found (install Debian's 'chromium' package, or set SEEDCLEAN_CHROMIUM "
                    "to a Chromium/Chrome binary); .ci/run installs it so CI always renders report.html")
    profile = tmp / "chromium-profile"
    profile.mkdir(exist_ok=True)
    return subprocess.run([exe, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args, page.resolve().as_uri()],
                          capture_output=True, text=True, timeout=120, check=False)


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Decode an 8-bit RGB/RGBA, non-interlaced PNG (what Chromium writes) into rows of pixel bytes."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        (length,), kind = struct.unpack(">I", data[pos:pos + 4]), data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line) if bpp == 3 else bytes(v for i, v in enumerate(line) if i % 4 != 3))
        prev = line
    return width, height, rows


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One run over the seeds plus an empty file (so every chart has bars), with Parquet on."""
    base = tmp_path_factory.mktemp("report-run")
    inp = base / "in"
    shutil.copytree(ROOT / "seeds", inp)
    (inp / "empty.txt").write_bytes(b"")
    (base / "cfg.yaml").write_text("output:\n  formats: [jsonl, parquet]\n", encoding="utf-8")
    out = base / "out"
    assert main(["run", "-q", "--config", str(base / "cfg.yaml"), "--input", str(inp), "--output", str(out),
                 "--workers", "1"]) == 1  # the empty file is quarantined
    return out


def _lines(p: Path) -> list[dict]:
    return list(iter_records(p))


def test_run_writes_every_file_for_dataset_builders(seed_run: Path) -> None:
    for name in ("records.jsonl", "quarantine.jsonl", "report.json", "segments.jsonl", "bitext.jsonl",
                 "records.parquet", "report.html", "README.md"):
        assert (seed_run / name).is_file(), name
    records = _lines(seed_run / "records.jsonl")
    assert len(records) == 5
    # segments.jsonl and bitext.jsonl are exactly what the records hold, in record order.
    assert _lines(seed_run / "segments.jsonl") == [row for r in records for row in segment_rows(r)]
    bitext = _lines(seed_run / "bitext.jsonl")
    assert bitext == [row for r in records for row in bitext_rows(r)]
    # The seeds include a paper that prints its abstract and keywords in Russian and in English.
    assert any(set(b["translation"]) >= {"ru", "en"} and b["field"] == "abstract" for b in bitext)


def test_parquet_matches_records_jsonl(seed_run: Path) -> None:
    from pipeline.report.parquet import read_records

    assert list(read_records(seed_run / "records.parquet", load_schema("record"))) == \
        _lines(seed_run / "records.jsonl")


def test_dataset_card_tells_this_runs_figures(seed_run: Path) -> None:
    card = (seed_run / "README.md").read_text(encoding="utf-8")
    report = json.loads((seed_run / "report.json").read_text(encoding="utf-8"))
    assert f"| records out | {report['records_out']} |" in card
    assert f"| quarantined (see `quarantine.jsonl`) | {report['quarantined']} |" in card
    assert f"`{report['config_hash']}`" in card and f"| pipeline version | `{report['pipeline_version']}` |" in card
    front = card.split("---\n")[1]
    langs = re.findall(r"^- (\w\w)$", front, re.M)
    seg_langs = {s["lang"] for s in _lines(seed_run / "segments.jsonl")} - {"und"}
    assert set(langs) == seg_langs and "en" in langs and "ru" in langs
    assert "- config_name: records\n  data_files: records.jsonl\n  default: true" in front
    assert "| `records.parquet` |" in card


def test_report_page_renders_with_readable_charts(seed_run: Path, tmp_path: Path) -> None:
    page = seed_run / "report.html"
    dom = browser(page, tmp_path, "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    report = json.loads((seed_run / "report.json").read_text(encoding="utf-8"))
    for chart, n in (("repairs", min(len(report["repairs"]), 25)), ("fields", len(report["fields_present"])),
                     ("quarantine", 1), ("main_language", len(report["languages"]))):
        svg = re.search(rf'<svg class="chart" data-chart="{chart}".*?</svg>', dom.stdout, re.S)
        assert svg, chart
        assert len(re.findall(r'<rect class="bar"', svg.group(0))) == n, chart
    assert re.search(r'<svg class="chart" data-chart="languages".*?<rect class="bar"', dom.stdout, re.S)

    shot = ROOT / "output" / "report.png"
    shot.parent.mkdir(exist_ok=True)
    done = browser(page, tmp_path, f"--screenshot={shot}", "--window-size=1100,2600")
    assert done.returncode == 0 and shot.is_file(), done.stderr[-2000:]
    width, height, rows = png_pixels(shot.read_bytes())
    assert (width, height) == (1100, 2600)
    # Every chart's bars are on screen in its own colour (a blank or broken page has none of them).
    seen = {name: 0 for name in COLOURS}
    want = {bytes.fromhex(c[1:]): name for name, c in COLOURS.items()}
    for row in rows:
        for x in range(0, len(row), 3):
            name = want.get(row[x:x + 3])
            if name:
                seen[name] += 1
    for name in ("languages", "main_language", "repairs", "fields", "quarantine", "stages"):
        assert seen[name] > 300, (name, seen)


def test_second_run_gives_identical_derived_files_whatever_the_workers(seed_run: Path, tmp_path: Path) -> None:
    inp = tmp_path / "in"
    shutil.copytree(ROOT / "seeds", inp)
    (inp / "empty.txt").write_bytes(b"")
    cfg = from_mapping({"input": {"dir": str(inp)}, "output": {"dir": str(tmp_path / "out"),
                                                               "formats": ["jsonl", "parquet"]},
                        "executor": {"workers": 2}})
    run(cfg)
    for name in ("segments.jsonl", "bitext.jsonl", "records.parquet"):
        assert (tmp_path / "out" / name).read_bytes() == (seed_run / name).read_bytes(), name


def test_unchanged_rerun_leaves_derived_files_alone(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    shutil.copytree(ROOT / "seeds", inp)
    cfg = from_mapping({"input": {"dir": str(inp)}, "output": {"dir": str(tmp_path / "out")},
                        "executor": {"workers": 1}})
    run(cfg)
    derived = [tmp_path / "out" / n for n in ("segments.jsonl", "bitext.jsonl")]
    before = [p.stat().st_mtime_ns for p in derived]
    card = (tmp_path / "out" / "README.md").read_text(encoding="utf-8")
    report = run(cfg).report
    if (report.get("incremental") or {}).get("outputs_rewritten", True):
        pytest.skip("this runner rewrites its outputs on every run")
    assert [p.stat().st_mtime_ns for p in derived] == before
    # The card still counts the segments it did not rewrite.
    assert re.search(r"\| segments \| (\d+) \|", card).group(0) in (tmp_path / "out" / "README.md").read_text()


def test_progress_is_reported_from_zero_to_all(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    shutil.copytree(ROOT / "seeds", inp)
    calls: list[tuple[int, int]] = []
    run(from_mapping({"input": {"dir": str(inp)}, "output": {"dir": str(tmp_path / "out")},
                      "executor": {"workers": 2}}), progress=lambda d, t: calls.append((d, t)))
    assert calls[0] == (0, 5) and calls[-1] == (5, 5)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_cron_mail_gets_plain_progress_lines_and_the_summary(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    shutil.copytree(ROOT / "seeds", inp)
    (inp / "empty.txt").write_bytes(b"")
    done = subprocess.run([sys.executable, "-m", "pipeline", "run", "--input", str(inp), "--output",
                           str(tmp_path / "out"), "--workers", "1"],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path, check=False)
    assert done.returncode == 1, done.stderr
    err = done.stderr
    assert "\r" not in err  # no bar redrawing into a mail
    assert "progress: 6/6 documents (100%)" in err
    assert re.search(r"6 documents -> 5 records, 1 quarantined, \d+ skipped in [\d.]+ s", err)
    assert "quarantined: 1 × ingest: " in err
    assert "languages (records by main language): en " in err
    assert "repairs by kind: " in err and re.search(r"fields found: .*\btitle 5/5", err)
    quiet = subprocess.run([sys.executable, "-m", "pipeline", "run", "-q", "--full", "--input", str(inp),
                            "--output", str(tmp_path / "out"), "--workers", "1"],
                           capture_output=True, text=True, timeout=300, cwd=tmp_path, check=False)
    # --quiet: no progress and no figures, but the quarantine is still worth a warning.
    assert "progress:" not in quiet.stderr and "repairs by kind" not in quiet.stderr
    assert "quarantined: 1 × ingest: " in quiet.stderr


def test_summary_is_logged_at_the_end_of_a_run(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    inp = tmp_path / "in"
    shutil.copytree(ROOT / "seeds", inp)
    with caplog.at_level(logging.INFO, logger="pipeline"):
        assert main(["run", "--input", str(inp), "--output", str(tmp_path / "out"), "--workers", "1"]) == 0
    msgs = [r.getMessage() for r in caplog.records]
    assert any(m.startswith("5 documents -> 5 records, 0 quarantined") for m in msgs)
    assert not any(m.startswith("quarantined:") for m in msgs)


def test_console_script_and_make_help() -> None:
    script = Path(sys.executable).parent / "seedclean"
    if not script.exists():
        pytest.skip(f"the project is not installed into {script.parent} (pip install -e .)")
    done = subprocess.run([str(script), "--help"], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0 and "explain" in done.stdout and "run" in done.stdout
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    helped = subprocess.run(["make", "-s", "help"], capture_output=True, text=True, timeout=60, cwd=ROOT, check=False)
    assert helped.returncode == 0 and "make run" in helped.stdout and "make test" in helped.stdout


def test_worker_counts_match_the_segments_written(seed_run: Path) -> None:
    """The letters and segments per language the workers count (kept in the state store) are what
    segments.jsonl holds: the card's figures are the same as counting the file."""
    from pipeline.letters import per_language
    from pipeline.run.state import StateStore
    from pipeline.run.tally import Tally

    tally = Tally()
    with StateStore(seed_run) as state:
        for kind, summary in state.summaries():
            tally.add(kind, summary)
    letters, segments = per_language(iter_records(seed_run / "segments.jsonl"))
    assert tally.letter_counts() == (letters, segments)
    assert sum(letters.values()) > 10_000


def test_summaries_from_an_older_store_fall_back_to_counting_segments(tmp_path: Path) -> None:
    """A state store whose summaries carry no letter counts (written by an earlier version): the report
    counts segments.jsonl, and the card shows the same figures as a fresh run."""
    import sqlite3

    inp = tmp_path / "in"
    shutil.copytree(ROOT / "seeds", inp)
    out = tmp_path / "out"
    cfg = from_mapping({"input": {"dir": str(inp)}, "output": {"dir": str(out)}, "executor": {"workers": 1}})
    run(cfg)
    card = (out / "README.md").read_text(encoding="utf-8")
    con = sqlite3.connect(out / "state.sqlite")
    for path, summary in con.execute("select path, summary from inputs").fetchall():
        s = json.loads(summary)
        s.pop("letters", None)
        s.pop("segments", None)
        con.execute("update inputs set summary = ? where path = ?", (json.dumps(s), path))
    con.commit()
    con.close()
    (inp / "extra.txt").write_text("Ещё один короткий документ на русском языке для проверки.\n", encoding="utf-8")
    run(cfg)
    (inp / "extra.txt").unlink()
    run(cfg)
    again = (out / "README.md").read_text(encoding="utf-8")
    table_of = lambda text: re.search(r"\| language \| share of letters.*?\n\n", text, re.S).group(0)  # noqa: E731
    assert table_of(again) == table_of(card)
