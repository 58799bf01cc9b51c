"""Find the inputs: every path under the input directory, each either a candidate or skipped with a reason."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath


@dataclass(frozen=True)
class Inputs:
    files: list[str]  # relative POSIX paths of the documents to process, sorted
    skipped: list[dict[str, str]]  # {"path", "reason"} for every other entry met


def discover(root: Path, pattern: str) -> Inputs:
    """Walk ``root`` (without following directory links, so a link loop cannot trap the walk) and
    sort every entry into a document or a skipped entry with its reason."""
    files: list[str] = []
    skipped: list[dict[str, str]] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        base = Path(dirpath)
        for name in list(dirnames):
            p = base / name
            rel = p.relative_to(root).as_posix()
            if p.is_symlink():
                skipped.append({"path": rel, "reason": "symbolic link to a directory (not followed)"})
            elif PurePosixPath(rel).match(pattern) or _glob_match(rel, pattern):
                skipped.append({"path": rel, "reason": "a directory, not a file"})
        for name in sorted(filenames):
            p = base / name
            rel = p.relative_to(root).as_posix()
            if not _glob_match(rel, pattern):
                skipped.append({"path": rel, "reason": f"does not match the input glob {pattern!r}"})
                continue
            if p.is_symlink() and not p.exists():
                skipped.append({"path": rel, "reason": "broken symbolic link (or a link loop)"})
                continue
            if not p.is_file():
                skipped.append({"path": rel, "reason": "not a regular file"})
                continue
            files.append(rel)
    files.sort()
    skipped.sort(key=lambda s: s["path"])
    return Inputs(files=files, skipped=skipped)


def _glob_match(rel: str, pattern: str) -> bool:
    """pathlib-style glob where ``**/`` also matches zero folders (``**/*.txt`` matches ``a.txt``)."""
    p = PurePosixPath(rel)
    if p.match(pattern):
        return True
    while pattern.startswith("**/"):
        pattern = pattern[3:]
        if p.match(pattern) and "/" not in rel:
            return True
    return False
