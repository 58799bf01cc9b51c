"""discover(): every entry under the input folder is a document or skipped with its reason."""

from __future__ import annotations

import importlib
import os
import socket
from pathlib import Path

import pytest

from pipeline.run.discover import discover
from tests.glob_reference import glob_match as _glob_match

# The module (pipeline.run re-exports the function under the same name).
discover_mod = importlib.import_module("pipeline.run.discover")


def _reasons(inputs) -> dict[str, str]:
    return {s["path"]: s["reason"] for s in inputs.skipped}


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text("a", encoding="utf-8")
    (root / "notes.md").write_text("n", encoding="utf-8")
    (root / "sub").mkdir()
    (root / "sub" / "b.txt").write_text("b", encoding="utf-8")
    (root / "x.txt").mkdir()  # a folder named like a document
    (root / "x.txt" / "inner.txt").write_text("i", encoding="utf-8")
    (root / "with space.txt").write_text("s", encoding="utf-8")
    (root / "Привет 你好.txt").write_text("p", encoding="utf-8")
    (root / "new\nline.txt").write_text("n", encoding="utf-8")
    (root / ".hidden.txt").write_text("h", encoding="utf-8")
    os.symlink("missing-target.txt", root / "broken.txt")
    os.symlink("loop2.txt", root / "loop1.txt")
    os.symlink("loop1.txt", root / "loop2.txt")
    os.symlink("self.txt", root / "self.txt")
    os.symlink("a.txt", root / "alias.txt")  # a link to a document is read like the document
    os.symlink(".", root / "dirlink")  # a link loop through a folder: never followed
    os.symlink("sub", root / "sublink.txt")
    os.mkfifo(root / "pipe.txt")
    return root


def test_every_entry_is_a_document_or_skipped_with_a_reason(tree: Path) -> None:
    inputs = discover(tree, "**/*.txt")
    assert inputs.files == sorted([
        ".hidden.txt", "a.txt", "alias.txt", "new\nline.txt", "sub/b.txt", "with space.txt", "x.txt/inner.txt",
        "Привет 你好.txt",
    ])
    r = _reasons(inputs)
    assert set(r) == {"notes.md", "x.txt", "broken.txt", "loop1.txt", "loop2.txt", "self.txt", "dirlink",
                      "sublink.txt", "pipe.txt"}
    assert "does not match the input glob '**/*.txt'" in r["notes.md"]
    assert "folder, not a file" in r["x.txt"]
    assert "broken symbolic link" in r["broken.txt"] and "missing-target.txt" in r["broken.txt"]
    for loop in ("loop1.txt", "loop2.txt", "self.txt"):
        assert "symbolic link loop" in r[loop]
    assert "symbolic link to a folder (not followed)" in r["dirlink"]
    assert "symbolic link to a folder" in r["sublink.txt"]
    assert "named pipe" in r["pipe.txt"]
    # Sorted, and each skipped entry is listed once.
    assert [s["path"] for s in inputs.skipped] == sorted(r)


def test_inputs_seen_is_files_plus_skipped_for_every_entry(tree: Path) -> None:
    """Walk the tree independently (without following links) and check nothing is missing."""
    inputs = discover(tree, "**/*.txt")
    accounted = set(inputs.files) | set(_reasons(inputs))
    leaves = set()
    for dirpath, dirnames, filenames in os.walk(tree):
        for name in filenames + [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]:
            leaves.add(os.path.relpath(os.path.join(dirpath, name), tree))
    assert leaves <= accounted
    assert len(inputs.files) + len(inputs.skipped) == len(accounted)


def test_socket_and_other_special_files(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    path = root / "s.txt"
    s = socket.socket(socket.AF_UNIX)
    try:
        s.bind(str(path))
    except OSError as e:  # e.g. a path too long for AF_UNIX
        pytest.skip(f"cannot create a unix socket here: {e}")
    try:
        assert "a socket" in _reasons(discover(root, "*.txt"))["s.txt"]
    finally:
        s.close()


def test_a_name_that_is_not_utf8_is_skipped_with_a_printable_name(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    try:
        (root / os.fsdecode(b"caf\xe9.txt")).write_text("x", encoding="utf-8")
    except (OSError, UnicodeError) as e:
        pytest.skip(f"this file system refuses non-UTF-8 names: {e}")
    inputs = discover(root, "*.txt")
    assert inputs.files == []
    assert inputs.skipped == [{"path": "caf\\xe9.txt",
                               "reason": "the name is not valid UTF-8 (rename it); not read"}]
    "".join(s["path"] for s in inputs.skipped).encode("utf-8")  # writable into the UTF-8 report


def test_the_output_folder_inside_the_input_folder_is_not_read(tmp_path: Path) -> None:
    root = tmp_path / "in"
    (root / "out").mkdir(parents=True)
    (root / "out" / "records.txt").write_text("x", encoding="utf-8")
    (root / "a.txt").write_text("a", encoding="utf-8")
    inputs = discover(root, "**/*.txt", exclude=[root / "out"])
    assert inputs.files == ["a.txt"]
    assert _reasons(inputs) == {"out": "the output folder (never read as input)"}


def test_an_unlistable_folder_is_reported_not_silently_dropped(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """chmod 000 does not stop root, so the permission error is simulated."""
    real = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if Path(path).name == "sub":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(discover_mod.os, "scandir", scandir)
    r = _reasons(discover(tree, "**/*.txt"))
    assert r["sub"] == "cannot list this folder: Permission denied; its contents were not read"


@pytest.mark.skipif(os.geteuid() == 0, reason="running as root: permissions do not stop root "
                    "(the monkeypatched test above covers the same code path)")
def test_an_unlistable_folder_for_real(tree: Path) -> None:
    (tree / "sub").chmod(0)
    try:
        assert "Permission denied" in _reasons(discover(tree, "**/*.txt"))["sub"]
    finally:
        (tree / "sub").chmod(0o755)


def test_an_entry_that_vanishes_while_listing(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.scandir

    class Gone:
        def __init__(self, entry: os.DirEntry[str]) -> None:
            self.name, self.path = entry.name, entry.path

        def stat(self, follow_symlinks: bool = True) -> os.stat_result:
            raise FileNotFoundError(2, "No such file or directory", self.path)

        def is_dir(self, follow_symlinks: bool = True) -> bool:
            return False

    class Scan:
        def __init__(self, path: str) -> None:
            self.it = real(path)

        def __enter__(self):  # type: ignore[no-untyped-def]
            return [Gone(e) if e.name == "a.txt" else e for e in self.it]

        def __exit__(self, *a: object) -> None:
            self.it.close()

    monkeypatch.setattr(discover_mod.os, "scandir", Scan)
    inputs = discover(tree, "**/*.txt")
    assert "a.txt" not in inputs.files
    assert _reasons(inputs)["a.txt"] == "cannot examine this entry: No such file or directory"


@pytest.mark.parametrize(("rel", "pattern", "expected"), [
    ("a.txt", "**/*.txt", True),
    ("d/a.txt", "**/*.txt", True),
    ("d/e/a.txt", "**/*.txt", True),
    ("a.md", "**/*.txt", False),
    ("a.txt", "*.txt", True),
    ("d/a.txt", "d/*.txt", True),
    ("e/a.txt", "d/*.txt", False),
    ("new\nline.txt", "*.txt", True),
])
def test_glob(rel: str, pattern: str, expected: bool) -> None:
    assert _glob_match(rel, pattern) is expected
