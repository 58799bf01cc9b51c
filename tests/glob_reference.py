"""The input glob as pathlib answers it, parsed again for every path: the reference the runner's
``Glob`` (parsed once per walk) is tested against."""

from __future__ import annotations

from pathlib import PurePosixPath


def glob_match(rel: str, pattern: str) -> bool:
    """pathlib-style glob where ``**/`` also matches zero folders (``**/*.txt`` matches ``a.txt``): what
    ``Glob(pattern).match(rel)`` gives, through pathlib itself."""
    p = PurePosixPath(rel)
    if p.match(pattern):
        return True
    while pattern.startswith("**/"):
        pattern = pattern[3:]
        if p.match(pattern) and "/" not in rel:
            return True
    return False
