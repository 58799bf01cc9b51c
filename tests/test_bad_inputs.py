"""Bad input costs one quarantine entry (or gives a record), names the file, and the batch goes on.

One corpus holds every kind of bad input next to good ones. It is generated once per session (the
50 MB line and the megabyte pathological texts included) and run once through the real command line;
the tests below read that run's output.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from pipeline.cli import main
from pipeline.ingest import NotText, decode_bytes
from pipeline.record import record_errors

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
MB = 1 << 20
LIMIT = 5  # limits.document_seconds for the corpus run: what is slower is quarantined as timed out

RU = "Современные международные отношения сталкиваются с глубокими изменениями. "
EN = "The quick brown fox jumps over the lazy dog, and the dog does not mind at all. "
ZH = ("这是一个测试文本，用于检查编码是否正确。中国和俄罗斯的全面战略协作伙伴关系进入新时代。"
      "国际关系正在经历百年未有之大变局，各国学者对此进行了深入研究。本文分析了区域合作的历史与现状。")


def _png() -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02" + bytes(range(256)) * 8


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("inner.txt", EN * 50)
    return buf.getvalue()


def _noise(n: int, seed: int = 7) -> bytes:
    """Deterministic high-entropy bytes (a xorshift stream), without importing random state."""
    out, x = bytearray(), seed
    for _ in range(n):
        x ^= (x << 13) & 0xFFFFFFFF
        x ^= x >> 17
        x ^= (x << 5) & 0xFFFFFFFF
        out.append(x & 0xFF)
    return bytes(out)


# name -> bytes. Every one must come out as a record or a quarantine entry, never lost.
@cache
def corpus_files() -> dict[str, bytes]:
    return {
        "empty.txt": b"",
        "blank.txt": b" \n\t\r\n   \n",
        "image.txt": _png(),
        "photo.txt": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + _noise(4000),
        "archive.txt": _zip(),
        "nul-bytes.txt": (EN * 20).encode() + b"\x00\x00\x00" + (EN * 20).encode(),
        "noise.txt": _noise(20000, seed=11),
        "mixed-utf8.txt": (RU * 10).encode() + b" \xff\xfe\xc3\x28 " + (RU * 10).encode() + b"\x80" + (EN * 5).encode(),
        "cut-multibyte.txt": (RU * 10 + "Ж").encode()[:-1],
        "cut-emoji.txt": (EN * 10 + "😀").encode()[:-2],
        "utf16-nobom-ru.txt": (RU * 10).encode("utf-16-le"),
        "utf16-nobom-en-be.txt": (EN * 10).encode("utf-16-be"),
        "utf16-nobom-zh.txt": f"第1章\n\n{ZH}\n\n{ZH[20:]} 2024\n".encode("utf-16-le"),
        "giant-line.txt": (EN.encode() * (50 * MB // len(EN.encode()) + 1))[: 50 * MB],
        "patho-dashes.txt": b"-" * (2 * MB),
        "patho-parens.txt": b"(" * (2 * MB),
        "patho-digits.txt": b"0123456789" * (MB // 10),
        "patho-spaces.txt": b"a" + b" " * MB + b"b\n" + b"\t \t " * (MB // 4),
        "patho-longword.txt": b"Pneumono" + b"ultramicroscopic" * (MB // 16),
        "patho-entities.txt": b"&amp;&#x41;&lt;" * (MB // 15),
        "patho-hyphens.txt": b"word-\n" * (MB // 6),
        "with space.txt": (EN * 5).encode(),
        "Ünïcödé файл 文件.txt": (RU * 5).encode(),
        "new\nline.txt": (EN * 5).encode(),
        "sub/nested.txt": (EN * 5).encode(),
        "x.txt/inside.txt": (EN * 5).encode(),  # a folder named x.txt, with a document in it
        "notes.md": b"# not an input",
    }


SKIPPED = {
    "notes.md": "does not match the input glob",
    "x.txt": "a folder, not a file",
    "broken.txt": "broken symbolic link",
    "loop-a.txt": "symbolic link loop",
    "loop-b.txt": "symbolic link loop",
    "self.txt": "symbolic link loop",
    "linkdir": "symbolic link to a folder",
}

QUARANTINED = {  # name -> (stage, words of the reason)
    "empty.txt": ("ingest", "empty file"),
    "blank.txt": ("ingest", "only whitespace"),
    "image.txt": ("ingest", "PNG image"),
    "photo.txt": ("ingest", "JPEG image"),
    "archive.txt": ("ingest", "ZIP archive"),
    "nul-bytes.txt": ("ingest", "NUL"),
    "noise.txt": ("ingest", "binary file"),
}

RECORDS = {  # name -> (encoding, a warning that must be there, or "")
    "mixed-utf8.txt": ("utf-8", "invalid UTF-8 byte sequence(s) replaced"),
    "cut-multibyte.txt": ("utf-8", "ends in the middle of a UTF-8 character"),
    "cut-emoji.txt": ("utf-8", "ends in the middle of a UTF-8 character"),
    "utf16-nobom-ru.txt": ("utf-16-le", ""),
    "utf16-nobom-en-be.txt": ("utf-16-be", ""),
    "utf16-nobom-zh.txt": ("utf-16-le", ""),
    "with space.txt": ("utf-8", ""),
    "Ünïcödé файл 文件.txt": ("utf-8", ""),
    "new\nline.txt": ("utf-8", ""),
    "sub/nested.txt": ("utf-8", ""),
    "x.txt/inside.txt": ("utf-8", ""),
}

EITHER = [n for n in corpus_files() if n.startswith(("giant-", "patho-"))]  # a record, or timed out


def build_corpus(root: Path) -> None:
    root.mkdir(parents=True)
    for seed in sorted(SEEDS.iterdir())[:2]:
        (root / seed.name).write_bytes(seed.read_bytes())
    for name, data in corpus_files().items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    os.symlink("does-not-exist.txt", root / "broken.txt")
    os.symlink("loop-b.txt", root / "loop-a.txt")
    os.symlink("loop-a.txt", root / "loop-b.txt")
    os.symlink("self.txt", root / "self.txt")
    os.symlink("sub", root / "linkdir")


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    base = tmp_path_factory.mktemp("bad")
    src, out = base / "in", base / "out"
    build_corpus(src)
    cfg = base / "c.yaml"
    cfg.write_text(f"limits:\n  document_seconds: {LIMIT}\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "pipeline", "run", "-q", "--config", str(cfg), "--input", str(src),
                        "--output", str(out), "--workers", "2"], capture_output=True, text=True, cwd=ROOT,
                       timeout=600)
    lines = lambda p: [json.loads(x) for x in p.read_text(encoding="utf-8").splitlines()]  # noqa: E731
    return {
        "code": r.returncode, "stderr": r.stderr, "src": src, "out": out,
        "records": {rec["source"]["path"]: rec for rec in lines(out / "records.jsonl")},
        "quarantine": {q["path"]: q for q in lines(out / "quarantine.jsonl")},
        "report": json.loads((out / "report.json").read_text(encoding="utf-8")),
    }


def test_the_run_finishes_with_exit_1(bad_run: dict[str, Any]) -> None:
    assert bad_run["code"] == 1, bad_run["stderr"][-3000:]


def test_every_input_is_accounted_for(bad_run: dict[str, Any]) -> None:
    rep, recs, quar = bad_run["report"], bad_run["records"], bad_run["quarantine"]
    skipped = {s["path"]: s["reason"] for s in rep["skipped_paths"]}
    assert rep["inputs_seen"] == rep["records_out"] + rep["quarantined"] + rep["skipped"]
    assert rep["records_out"] == len(recs) and rep["quarantined"] == len(quar) and rep["skipped"] == len(skipped)
    assert not set(recs) & set(quar) and not (set(recs) | set(quar)) & set(skipped)
    documents = {n for n in corpus_files() if n != "notes.md"} | {p.name for p in sorted(SEEDS.iterdir())[:2]}
    assert set(recs) | set(quar) == documents
    for name, why in SKIPPED.items():
        assert why in skipped[name], (name, skipped[name])
    assert set(skipped) == set(SKIPPED)


@pytest.mark.parametrize("name", sorted(QUARANTINED))
def test_non_text_is_quarantined_with_its_reason(bad_run: dict[str, Any], name: str) -> None:
    stage, words = QUARANTINED[name]
    q = bad_run["quarantine"][name]
    assert q["stage"] == stage and words in q["reason"], q
    assert q["path"] == name and len(q["sha256"]) == 64
    assert q["size_bytes"] == len(corpus_files()[name])


@pytest.mark.parametrize("name", sorted(RECORDS))
def test_damaged_or_odd_text_still_gives_a_valid_record(bad_run: dict[str, Any], name: str) -> None:
    encoding, warning = RECORDS[name]
    rec = bad_run["records"][name]
    assert record_errors(rec) == []
    assert rec["source"]["encoding"] == encoding
    assert rec["text"].strip()
    if warning:
        assert any(warning in w for w in rec["warnings"]), rec["warnings"]


def test_the_text_survives_the_damage(bad_run: dict[str, Any]) -> None:
    recs = bad_run["records"]
    assert "Современные международные отношения" in recs["mixed-utf8.txt"]["text"]
    assert "глубокими изменениями" in recs["cut-multibyte.txt"]["text"]
    assert "Современные" in recs["utf16-nobom-ru.txt"]["text"]
    assert "测试文本" in recs["utf16-nobom-zh.txt"]["text"]
    assert "lazy dog" in recs["utf16-nobom-en-be.txt"]["text"]


@pytest.mark.parametrize("name", EITHER)
def test_huge_and_pathological_inputs_give_a_record_or_a_named_timeout(bad_run: dict[str, Any], name: str) -> None:
    recs, quar = bad_run["records"], bad_run["quarantine"]
    if name in recs:
        assert record_errors(recs[name]) == []
    else:
        q = quar[name]
        assert q["path"] == name
        assert q["reason"].startswith("timed out"), q
        assert f"limits.document_seconds={LIMIT}" in q["reason"]


def test_output_files_are_utf8_and_valid(bad_run: dict[str, Any]) -> None:
    out = bad_run["out"]
    for name in ("records.jsonl", "quarantine.jsonl", "report.json"):
        (out / name).read_bytes().decode("utf-8")
    r = subprocess.run([sys.executable, "-m", "pipeline", "validate", str(out / "records.jsonl")],
                       capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stdout[-2000:]
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]  # no temporary files, no lock


def test_an_unreadable_file_is_quarantined_and_the_batch_goes_on(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Permission denied. chmod 000 does not stop root (as in CI), so when running as root the
    refusal is simulated at the system call; otherwise the file's permissions are really removed."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "fine.txt").write_text(EN * 5, encoding="utf-8")
    locked = src / "locked.txt"
    locked.write_text(EN * 5, encoding="utf-8")
    if os.geteuid() == 0:
        real_os_open, real_io_open = os.open, io.open

        def refuse(path: Any) -> None:
            if str(path).endswith("locked.txt"):
                raise PermissionError(13, "Permission denied", str(path))

        def os_open(path: Any, *a: Any, **k: Any) -> int:
            refuse(path)
            return real_os_open(path, *a, **k)

        def io_open(path: Any, *a: Any, **k: Any) -> Any:
            refuse(path)
            return real_io_open(path, *a, **k)

        monkeypatch.setattr(os, "open", os_open)
        monkeypatch.setattr(io, "open", io_open)
    else:
        locked.chmod(0)
    try:
        assert main(["run", "-q", "--input", str(src), "--output", str(out), "--workers", "1"]) == 1
    finally:
        locked.chmod(0o644)
    q = [json.loads(x) for x in (out / "quarantine.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["path"], e["stage"]) for e in q] == [("locked.txt", "read")]
    assert "Permission denied" in q[0]["reason"]
    recs = (out / "records.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["source"]["path"] for x in recs] == ["fine.txt"]


# --- decoding, case by case (fast, no run) ---------------------------------------------------------


@pytest.mark.parametrize(("name", "encoding"), [
    ("mixed-utf8.txt", "utf-8"), ("cut-multibyte.txt", "utf-8"), ("cut-emoji.txt", "utf-8"),
    ("utf16-nobom-ru.txt", "utf-16-le"), ("utf16-nobom-en-be.txt", "utf-16-be"), ("utf16-nobom-zh.txt", "utf-16-le"),
])
def test_decode_damaged_text(name: str, encoding: str) -> None:
    notes: list[str] = []
    text, enc = decode_bytes(corpus_files()[name], notes)
    assert enc == encoding
    assert "\x00" not in text
    assert bool(notes) == (encoding == "utf-8")


@pytest.mark.parametrize("raw", [
    ("Café crème. " * 20).encode("cp1252"),  # a single-byte codepage is not "damaged UTF-8"
    (EN * 3 + "café").encode("cp1252"),  # nor is one final high byte after ASCII
])
def test_single_byte_text_is_not_mistaken_for_damaged_utf8(raw: bytes) -> None:
    notes: list[str] = []
    text, enc = decode_bytes(raw, notes)
    assert enc == "cp1252" and "é" in text and notes == []


@pytest.mark.parametrize("name", sorted(QUARANTINED))
def test_decode_refuses_non_text(name: str) -> None:
    with pytest.raises(NotText):
        decode_bytes(corpus_files()[name])
