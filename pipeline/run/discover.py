"""Find the inputs: every entry under the input directory is either a document or skipped with a reason.

Nothing met on the walk goes unaccounted: ``report.json`` counts ``inputs_seen = documents + skipped``
and lists each skipped path with why. The walk never follows a link to a folder (so a link loop or a
link to ``/`` cannot trap or widen it), never raises for one bad entry, and never yields a path that
could not be written into the UTF-8 output files.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from fnmatch import translate
from pathlib import Path, PurePosixPath


@dataclass(frozen=True)
class Inputs:
    files: list[str]  # relative POSIX paths of the documents to process, sorted
    skipped: list[dict[str, str]]  # {"path", "reason"} for every other entry met, sorted by path


_SPECIAL = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def discover(root: Path, pattern: str, exclude: Iterable[Path] = ()) -> Inputs:
    """Walk ``root`` and sort every entry into a document or a skipped entry with its reason.

    ``exclude``: folders never read as input, e.g. the output folder when it lies inside the input
    folder (the run would otherwise read its own files).
    """
    root = Path(root)
    excluded = set()
    for d in exclude:
        try:
            st = os.stat(d)
        except OSError:
            continue
        excluded.add((st.st_dev, st.st_ino))
    w = _Walk(root, pattern, excluded)
    w.walk(root, "")
    w.files.sort()
    w.skipped.sort(key=lambda s: s["path"])
    return Inputs(files=w.files, skipped=w.skipped)


class _Walk:
    def __init__(self, root: Path, pattern: str, excluded: set[tuple[int, int]]) -> None:
        self.root = root
        self.pattern = pattern
        self.glob = Glob(pattern)
        self.excluded = excluded
        self.files: list[str] = []
        self.skipped: list[dict[str, str]] = []

    def skip(self, rel: str, reason: str) -> None:
        self.skipped.append({"path": rel, "reason": reason})

    def walk(self, folder: Path, prefix: str) -> None:
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            # The root itself was checked by the caller; a sub-folder we cannot list is reported.
            self.skip(prefix.rstrip("/") or ".", f"cannot list this folder: {_why(e)}; its contents were not read")
            return
        for entry in entries:
            self.entry(entry, prefix + entry.name)

    def entry(self, entry: os.DirEntry[str], rel: str) -> None:
        if not _utf8_ok(rel):
            # A name with bytes that are not UTF-8 cannot go into the UTF-8 output files as it is.
            shown = os.fsencode(rel).decode("utf-8", "backslashreplace")
            self.skip(shown, "the name is not valid UTF-8 (rename it); not read"
                      + (", nor its contents" if _is_dir(entry) else ""))
            return
        try:
            lst = entry.stat(follow_symlinks=False)
        except OSError as e:
            self.skip(rel, f"cannot examine this entry: {_why(e)}")
            return
        if stat.S_ISDIR(lst.st_mode):
            if (lst.st_dev, lst.st_ino) in self.excluded:
                self.skip(rel, "the output folder (never read as input)")
                return
            if self.glob.match(rel):
                self.skip(rel, "a folder, not a file (its contents are listed on their own)")
            self.walk(Path(entry.path), rel + "/")
            return
        link = stat.S_ISLNK(lst.st_mode)
        if link:
            try:
                st = os.stat(entry.path)
            except OSError as e:
                if not self.glob.match(rel):
                    self.skip(rel, f"does not match the input glob {self.pattern!r}")
                elif e.errno == errno.ELOOP:
                    self.skip(rel, "symbolic link loop (the link leads back to itself)")
                elif e.errno == errno.ENOENT:
                    self.skip(rel, f"broken symbolic link (its target {_target(entry.path)!r} does not exist)")
                else:
                    self.skip(rel, f"cannot follow symbolic link: {_why(e)}")
                return
            if stat.S_ISDIR(st.st_mode):
                self.skip(rel, "symbolic link to a folder (not followed)")
                return
        else:
            st = lst
        if not self.glob.match(rel):
            self.skip(rel, f"does not match the input glob {self.pattern!r}")
            return
        if not stat.S_ISREG(st.st_mode):
            kind = next((k for test, k in _SPECIAL if test(st.st_mode)), "an unknown kind of entry")
            self.skip(rel, f"not a regular file: {kind}" + (" (through a symbolic link)" if link else ""))
            return
        self.files.append(rel)


def _why(e: OSError) -> str:
    return e.strerror or str(e)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _target(path: str) -> str:
    try:
        return os.fsencode(os.readlink(path)).decode("utf-8", "backslashreplace")
    except OSError:
        return "?"


def _utf8_ok(name: str) -> bool:
    """False for a name holding surrogate escapes (bytes that are not UTF-8).

    >>> _utf8_ok("résumé.txt"), _utf8_ok("bad\\udcff.txt")
    (True, False)
    """
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class Glob:
    """The input glob, parsed once for the whole walk: ``match(rel)`` is what
    ``PurePosixPath(rel).match(pattern)`` gives (pathlib's 3.11 rules: the pattern's parts match the
    path's last parts, each with ``fnmatchcase``; an anchored pattern never matches a relative path;
    an empty pattern raises ``ValueError``), and where that fails, each form of the pattern without a
    leading ``**/`` for a path in the top folder, so that ``**/`` also matches zero folders. pathlib
    parses the pattern again for every path it matches (two thirds of a walk's time).

    ``rel`` is a path as the walk makes it: names joined by ``/``, no empty, ``.`` or ``..`` part.

    >>> g = Glob("**/*.txt"); g.match("a.txt"), g.match("d/a.txt"), g.match("d/a.md")
    (True, True, False)
    """

    def __init__(self, pattern: str) -> None:
        forms = [pattern]
        while pattern.startswith("**/"):
            pattern = pattern[3:]
            forms.append(pattern)
        # Each form as pathlib parses it: None when it is anchored (matches no relative path), the
        # ValueError pathlib raises for an empty one, else one matcher per part, last part first.
        self._forms: list[list[Callable[[str], object]] | ValueError | None] = []
        for form in forms:
            pp = PurePosixPath(form)
            if not pp.parts:
                self._forms.append(ValueError("empty pattern"))
            elif pp.root:
                self._forms.append(None)
            else:
                self._forms.append([re.compile(translate(part)).match for part in reversed(pp.parts)])

    def match(self, rel: str) -> bool:
        """Whether the input glob takes ``rel``. ``Glob("*.txt").match("d/a.txt")`` -> ``True``"""
        names = rel.split("/")
        names.reverse()
        for k, form in enumerate(self._forms):
            if isinstance(form, ValueError):
                raise form
            # The first form may match at any depth; the shorter ones only in the top folder.
            if form is not None and len(form) <= len(names) and (k == 0 or len(names) == 1) \
                    and all(m(name) for m, name in zip(form, names, strict=False)):
                return True
        return False
