"""Safe by construction: no code is ever made from input, and nothing escapes the output folder."""

from __future__ import annotations

import ast
import json
import os
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.run.lock import LOCK_NAME, RunLock, RunLocked

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "pipeline"

FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "breakpoint"}
FORBIDDEN_MODULES = {"pickle", "cPickle", "_pickle", "marshal", "shelve", "dill", "cloudpickle", "jsonpickle"}
FORBIDDEN_ATTRS = {("yaml", "load"), ("yaml", "unsafe_load"), ("yaml", "full_load"), ("yaml", "load_all"),
                   ("yaml", "unsafe_load_all"), ("yaml", "Loader"), ("yaml", "UnsafeLoader"), ("yaml", "FullLoader"),
                   ("os", "system"), ("os", "popen"), ("subprocess", "getoutput"), ("subprocess", "getstatusoutput")}


def _violations(source: str, label: str) -> list[str]:
    tree = ast.parse(source, filename=label)
    found = []
    for node in ast.walk(tree):
        where = f"{label}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FORBIDDEN_CALLS:
            found.append(f"{where}: {node.func.id}()")
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            found += [f"{where}: import {n}" for n in names if n.split(".")[0] in FORBIDDEN_MODULES]
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                and (node.value.id, node.attr) in FORBIDDEN_ATTRS):
            found.append(f"{where}: {node.value.id}.{node.attr}")
        if isinstance(node, ast.keyword) and node.arg == "shell" and not (
                isinstance(node.value, ast.Constant) and node.value.value is False):
            found.append(f"{where}: shell=")
    return found


def test_no_eval_exec_pickle_or_unsafe_yaml_in_the_package() -> None:
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 10
    problems = [v for f in files for v in _violations(f.read_text(encoding="utf-8"), str(f.relative_to(ROOT)))]
    assert problems == []


@pytest.mark.parametrize(("source", "bad"), [
    ("eval(x)", True), ("import pickle", True), ("from marshal import loads", True), ("yaml.load(s)", True),
    ("yaml.safe_load(s)", False), ("subprocess.run(a, shell=True)", True), ("subprocess.run(a)", False),
    ("os.system('ls')", True), ("re.compile('x')", False), ("model.eval()", False),
])
def test_the_checker_itself(source: str, bad: bool) -> None:
    assert bool(_violations(source, "probe.py")) is bad


HOSTILE = {
    "..txt": b"dots",
    "...txt": b"three dots",
    "-rf.txt": b"a name like an option",
    "$(touch pwned).txt": b"shell",
    "%s%n.txt": b"format",
    "a'b\"c.txt": b"quotes",
    "записка.txt": b"../../../../tmp/escaped.txt\n/etc/passwd\nrecords.jsonl\n",
    "nl\nname.txt": b"{\"source\": {\"path\": \"../../x\"}}\n",
}


def _run(src: Path, out: Path) -> int:
    return main(["run", "-q", "--input", str(src), "--output", str(out), "--workers", "1"])


def test_output_file_names_never_depend_on_the_input(tmp_path: Path) -> None:
    plain_src, plain_out = tmp_path / "plain", tmp_path / "plain-out"
    plain_src.mkdir()
    (plain_src / "a.txt").write_text("A plain document with a few words in it. " * 5, encoding="utf-8")
    _run(plain_src, plain_out)
    expected = sorted(p.name for p in plain_out.iterdir())

    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for name, data in HOSTILE.items():
        (src / name).write_bytes(data * 10)
    before = {p for p in tmp_path.rglob("*")}
    assert _run(src, out) in (0, 1)
    created = {p for p in tmp_path.rglob("*")} - before
    assert all(p == out or out in p.parents for p in created), sorted(map(str, created))
    assert sorted(p.name for p in out.iterdir()) == expected
    assert not Path("/tmp/escaped.txt").exists()
    paths = [json.loads(x)["source"]["path"] for x in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(paths) == sorted(HOSTILE)


def test_links_planted_in_the_output_folder_are_replaced_not_followed(tmp_path: Path) -> None:
    src, out, outside = tmp_path / "in", tmp_path / "out", tmp_path / "outside"
    src.mkdir()
    out.mkdir()
    outside.mkdir()
    (src / "a.txt").write_text("A plain document with a few words in it. " * 5, encoding="utf-8")
    for name in ("records.jsonl", "quarantine.jsonl", "report.json"):
        (outside / name).write_text("precious", encoding="utf-8")
        os.symlink(outside / name, out / name)
    assert _run(src, out) == 0
    for name in ("records.jsonl", "quarantine.jsonl", "report.json"):
        assert (outside / name).read_text(encoding="utf-8") == "precious"
        assert not (out / name).is_symlink()


def test_a_link_planted_as_the_lock_file_is_refused(tmp_path: Path) -> None:
    out, target = tmp_path / "out", tmp_path / "precious.txt"
    out.mkdir()
    target.write_text("precious", encoding="utf-8")
    os.symlink(target, out / LOCK_NAME)
    with pytest.raises(RunLocked, match="symbolic link"), RunLock(out):
        pass
    assert target.read_text(encoding="utf-8") == "precious"
