"""End to end: seeds in, validated records out, deterministic, bad inputs quarantined."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.record import record_errors

ROOT = Path(__file__).resolve().parent.parent


def _run(args: list[str]) -> int:
    return main(["run", "-q", *args])


def _read(p: Path) -> list[dict]:
    return [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines()]


def test_seeds_give_valid_records_in_path_order(seed_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _run(["--input", str(seed_dir), "--output", str(out), "--workers", "1"]) == 0
    recs = _read(out / "records.jsonl")
    paths = sorted(p.name for p in seed_dir.iterdir())
    assert [r["source"]["path"] for r in recs] == paths
    for r in recs:
        assert record_errors(r) == []
        assert r["text"] and r["segments"]
    assert (out / "quarantine.jsonl").read_text() == ""
    rep = json.loads((out / "report.json").read_text())
    assert rep["documents_in"] == rep["records_out"] == len(paths)
    assert rep["quarantined"] == 0
    assert set(rep["seconds_per_stage"]) == {"ingest", "repair", "languages", "metadata", "record"}
    # UTF-8 is written as such, not \u-escaped.
    assert "Цзилиньский" in (out / "records.jsonl").read_text(encoding="utf-8")
    assert not list(out.glob(".*"))  # no temporary or part files left behind


def test_output_is_byte_identical_across_reruns_and_workers(seed_dir: Path, tmp_path: Path) -> None:
    outs = []
    for i, workers in enumerate(["1", "1", "2"]):
        out = tmp_path / f"out{i}"
        assert _run(["--input", str(seed_dir), "--output", str(out), "--workers", workers]) == 0
        outs.append(out)
    for name in ("records.jsonl", "quarantine.jsonl"):
        blobs = {(o / name).read_bytes() for o in outs}
        assert len(blobs) == 1, name


def test_unreadable_inputs_are_quarantined_and_the_batch_goes_on(seed_dir: Path, tmp_path: Path) -> None:
    (seed_dir / "empty.txt").write_bytes(b"")
    (seed_dir / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    out = tmp_path / "out"
    assert _run(["--input", str(seed_dir), "--output", str(out), "--workers", "1"]) == 1
    q = {e["path"]: e for e in _read(out / "quarantine.jsonl")}
    assert set(q) == {"empty.txt", "image.txt"}
    for e in q.values():
        assert e["stage"] == "ingest" and e["reason"]
        assert len(e["sha256"]) == 64
    assert "empty" in q["empty.txt"]["reason"]
    assert len(_read(out / "records.jsonl")) == 5


def test_missing_input_dir_and_bad_config_exit_2(tmp_path: Path) -> None:
    assert _run(["--input", str(tmp_path / "nope"), "--output", str(tmp_path / "o")]) == 2
    cfg = tmp_path / "c.yaml"
    cfg.write_text("repair:\n  unwarp: true\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "pipeline", "run", "--config", str(cfg), "--input", str(tmp_path),
                        "--output", str(tmp_path / "o")], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 2
    assert "repair.unwarp" in r.stderr


def test_validate_command(tmp_path: Path, seed_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    _run(["--input", str(seed_dir), "--output", str(out), "--workers", "1"])
    assert main(["validate", str(out / "records.jsonl")]) == 0
    recs = _read(out / "records.jsonl")
    recs[1]["segments"][0]["kind"] = "banner"
    del recs[2]["text"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs) + "{not json\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["validate", str(bad)]) == 1
    printed = capsys.readouterr().out
    assert f"{bad}:2: $.segments[0].kind:" in printed
    assert f"{bad}:3: $: 'text' is a required property" in printed
    assert f"{bad}:6: $: not valid JSON" in printed


@pytest.mark.parametrize("cmd", [["--help"], ["run", "--help"], ["validate", "--help"]])
def test_help_explains_every_option(cmd: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(cmd) == 0
    text = capsys.readouterr().out
    if cmd[0] == "run":
        for opt in ("--config", "--input", "--output", "--workers", "--quiet", "--verbose"):
            assert opt in text
        assert "exit codes" in text
