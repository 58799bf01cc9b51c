"""``seedclean explain FILE``: what each stage did to one document, for when a record looks wrong.

The document goes through the very stages a run uses (``Pipeline.steps`` of pipeline/stages.py), one at a
time, and after each the explanation says what changed:

- ingest: the charset found, the size, the text decoded;
- repair: the changes per kind, each text step with before/after snippets, the lines moved out
  (page furniture, web boilerplate, footnotes) and the blocks made;
- languages: the language shares and every segment with its language;
- metadata: each field with the line of the document it came from;
- record: whether the record is valid, or the quarantine reason.

Before/after snippets come from watching the repair package's own helpers while ``repair`` runs: every
public function of its modules that takes the text and returns ``(text, count)`` (or the block layout)
is observed at its outermost call, so the steps, their order and their configuration are exactly the
stage's. Where nothing can be observed, the text before and after the whole stage is compared instead.
"""

from __future__ import annotations

import difflib
import importlib
import inspect
import pkgutil
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from pipeline.config import Config
from pipeline.document import Document, DocumentError

SNIPPET_WORDS = 6  # words of context either side of a change
MAX_ITEMS = 8  # per list, unless --all
MAX_DIFF_TOKENS = 200_000  # beyond this a word diff is too slow to be worth it


# --- word diffs -------------------------------------------------------------------------------------

@dataclass
class Hunk:
    before: str  # the changed words with their context, as shown
    after: str
    removed: str = ""  # the changed words alone
    added: str = ""


_TOKEN = re.compile(r"\S+")


def _show(text: str) -> str:
    """Make invisible and layout characters visible in a snippet: ``"a\\u00ad b\\n"`` -> ``"a<U+00AD> b⏎"``."""
    out = []
    for ch in text:
        if ch == "\n":
            out.append("⏎")
        elif ch == "\t":
            out.append("⇥")
        elif ch == "\f":
            out.append("<FF>")
        elif unicodedata.category(ch) in ("Cc", "Cf", "Zs") and ch != " ":
            out.append(f"<U+{ord(ch):04X}>")
        else:
            out.append(ch)
    return "".join(out)


def word_hunks(before: str, after: str, context: int = SNIPPET_WORDS) -> list[Hunk]:
    """The places where the words of ``before`` and ``after`` differ, each with a few words of context.
    Changes of whitespace alone (unwrapping) are not hunks; they are counted by the stage.

    ``word_hunks("the ко- торые words", "the которые words", 1)`` ->
    ``[Hunk(before="the ко- торые words", after="the которые words", removed="ко- торые", added="которые")]``
    """
    if before == after:
        return []
    a_spans = [(m.start(), m.end()) for m in _TOKEN.finditer(before)]
    b_spans = [(m.start(), m.end()) for m in _TOKEN.finditer(after)]
    if len(a_spans) + len(b_spans) > MAX_DIFF_TOKENS:
        return [Hunk(f"({len(before)} characters)", f"({len(after)} characters; too long to compare word by word)")]
    a = [before[s:e] for s, e in a_spans]
    b = [after[s:e] for s, e in b_spans]

    def cut(text: str, spans: list[tuple[int, int]], lo: int, hi: int) -> str:
        if lo >= hi:
            return ""
        edge = ("…" if lo > 0 else "", "…" if hi < len(spans) else "")
        return edge[0] + _show(text[spans[lo][0]:spans[hi - 1][1]]) + edge[1]

    def gap(text: str, spans: list[tuple[int, int]], k: int) -> str:
        # What separates word k from word k+1, without the plain spaces and line breaks that unwrapping changes.
        return re.sub(r"[ \n]", "", text[spans[k][1]:spans[k + 1][0]])

    found: list[tuple[int, Hunk]] = []
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            # Same words: a hunk only where an invisible separator changed (a no-break space, a tab, a form feed).
            changed = [k for k in range(i2 - i1 - 1) if gap(before, a_spans, i1 + k) != gap(after, b_spans, j1 + k)]
            groups: list[list[int]] = []
            for k in changed:  # changes a few words apart make one hunk
                if groups and k - groups[-1][-1] <= context:
                    groups[-1].append(k)
                else:
                    groups.append([k])
            for g in groups:
                ka, kb, n = i1 + g[0], j1 + g[0], g[-1] - g[0]
                found.append((ka, Hunk(
                    cut(before, a_spans, max(0, ka - context), min(len(a), ka + n + 2 + context)),
                    cut(after, b_spans, max(0, kb - context), min(len(b), kb + n + 2 + context)),
                    _show(before[a_spans[ka][1]:a_spans[ka + n + 1][0]]),
                    _show(after[b_spans[kb][1]:b_spans[kb + n + 1][0]]))))
            continue
        found.append((i1, Hunk(cut(before, a_spans, max(0, i1 - context), min(len(a), i2 + context)),
                               cut(after, b_spans, max(0, j1 - context), min(len(b), j2 + context)),
                               " ".join(a[i1:i2]), " ".join(b[j1:j2]))))
    return [h for _, h in sorted(found, key=lambda kv: kv[0])]


# --- watching the repair stage ------------------------------------------------------------------------

@dataclass
class Step:
    """One observed helper call: its name, the text before and after it, and what it counted."""

    name: str
    before: str
    after: str
    counts: dict[str, int] = field(default_factory=dict)


def _text_result(result: Any) -> tuple[str, dict[str, int]] | None:
    """``(text, n)`` -> the text; a block layout (``.blocks`` with ``.text``) -> the blocks' text and its counts."""
    if isinstance(result, tuple) and len(result) == 2 and isinstance(result[0], str) and isinstance(result[1], int):
        return result[0], {}
    blocks = getattr(result, "blocks", None)
    if isinstance(blocks, list) and all(hasattr(b, "text") for b in blocks):
        counts = getattr(result, "counts", None) or {}
        return "\n\n".join(b.text for b in blocks), {k: int(v) for k, v in dict(counts).items() if v}
    return None


def _package_modules(package: ModuleType) -> list[ModuleType]:
    mods = [package]
    for info in pkgutil.iter_modules(getattr(package, "__path__", [])):
        mods.append(importlib.import_module(f"{package.__name__}.{info.name}"))
    return mods


@contextmanager
def watch(package: ModuleType) -> Iterator[list[Step]]:
    """While the block runs, record the outermost calls of the package's public functions that turn the
    text into new text. Every module attribute bound to such a function is swapped for an observer and
    put back afterwards (so ``from x import f`` bindings are seen too)."""
    steps: list[Step] = []
    depth = 0
    modules = _package_modules(package)
    functions: dict[int, Callable[..., Any]] = {}
    for mod in modules:
        for name, obj in vars(mod).items():
            if (inspect.isfunction(obj) and not name.startswith("_")
                    and obj.__module__.startswith(package.__name__)):
                functions[id(obj)] = obj

    def observer(fn: Callable[..., Any]) -> Callable[..., Any]:
        def observed(*args: Any, **kwargs: Any) -> Any:
            nonlocal depth
            on_text = bool(args) and isinstance(args[0], str)
            if not on_text:  # e.g. the stage's own entry point, repair(doc, cfg): look inside it
                return fn(*args, **kwargs)
            depth += 1
            try:
                result = fn(*args, **kwargs)
            finally:
                depth -= 1
            if depth == 0:
                got = _text_result(result)
                if got is not None:
                    steps.append(Step(fn.__name__, args[0], got[0], got[1]))
            return result

        return observed

    wrappers = {key: observer(fn) for key, fn in functions.items()}
    swapped: list[tuple[ModuleType, str, Any]] = []
    for mod in modules:
        for name, obj in list(vars(mod).items()):
            if id(obj) in wrappers and functions.get(id(obj)) is obj:
                swapped.append((mod, name, obj))
                setattr(mod, name, wrappers[id(obj)])
    try:
        yield steps
    finally:
        for mod, name, obj in swapped:
            setattr(mod, name, obj)


# --- where a metadata value came from ----------------------------------------------------------------------

def _norm(text: str) -> str:
    """Casefolded, hyphens at line ends rejoined, whitespace collapsed: ``"Ко-\\nторые  A"`` -> ``"которые a"``."""
    text = re.sub(r"(\w)[-\u00ad]\n(\w)", r"\1\2", text)
    return re.sub(r"\s+", " ", text).strip().casefold()


@dataclass
class Place:
    where: str  # "line 12", "footnote 3", "page furniture", ...
    text: str


class Finder:
    """Finds the line of the document a value was read from: first in the file's own lines (with line
    numbers), then in what repair moved out of the text (page furniture, boilerplate, footnotes)."""

    def __init__(self, ingested: str, doc: Document) -> None:
        self.lines = [(f"line {i}", line) for i, line in enumerate(ingested.split("\n"), 1) if line.strip()]
        self.extra = ([("page furniture", t) for t in doc.furniture]
                      + [("boilerplate", t) for t in doc.boilerplate]
                      + [(f"footnote {n.id}", n.text) for n in doc.footnotes])
        self.norm = [(w, t, _norm(t)) for w, t in self.lines + self.extra]
        # The text with line breaks kept, to find values that were wrapped over several lines.
        self.joined = _norm(ingested)

    def find(self, value: str) -> Place | None:
        v = _norm(value)
        if not v:
            return None
        for where, text, n in self.norm:
            if v in n:
                return Place(where, text.strip())
        # A wrapped value: find the line where it starts, by its first words.
        words = v.split(" ")
        for k in (8, 5, 3):
            if len(words) <= k:
                continue
            head = " ".join(words[:k])
            for where, text, n in self.norm:
                if n.endswith(head) or head in n:
                    return Place(where, text.strip() + (" …" if len(v) > len(n) else ""))
        return None

    def find_most(self, values: list[str]) -> Place | None:
        """The first line holding the most of ``values`` (e.g. a keyword list), at least one of them."""
        wanted = [_norm(v) for v in values if _norm(v)]
        best: tuple[int, Place] | None = None
        for where, text, n in self.norm:
            score = sum(v in n for v in wanted)
            if score and (best is None or score > best[0]):
                best = (score, Place(where, text.strip()))
        return best[1] if best else None

    def find_date(self, value: str) -> Place | None:
        """A date is written in many ways: the line that holds its year and most of its other parts."""
        parts = value.split("-")
        year = parts[0]
        best: tuple[int, Place] | None = None
        for where, text in self.lines + self.extra:
            if year not in text:
                continue
            numbers = {x.lstrip("0") for x in re.findall(r"\d+", text)}
            score = sum(p.lstrip("0") in numbers for p in parts[1:])
            if best is None or score > best[0]:
                best = (score, Place(where, text.strip()))
        return best[1] if best else None


# --- the explanation -------------------------------------------------------------------------------------

def _clip(text: str, n: int = 110) -> str:
    text = _show(text.strip())
    return text if len(text) <= n else text[: n - 1] + "…"


def _counts(c: dict[str, int] | Counter[str]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))) or "none"


class Explainer:
    def __init__(self, show_all: bool = False) -> None:
        self.out: list[str] = []
        self.limit = None if show_all else MAX_ITEMS

    def line(self, text: str = "", indent: int = 0) -> None:
        self.out.append("  " * indent + text)

    def items(self, rows: list[str], indent: int, what: str) -> None:
        shown = rows if self.limit is None else rows[: self.limit]
        for r in shown:
            self.line(r, indent)
        if len(rows) > len(shown):
            self.line(f"… and {len(rows) - len(shown)} more {what} (--all shows every one)", indent)

    def hunks(self, hunks: list[Hunk], indent: int) -> None:
        rows = []
        for h in hunks:
            rows.append(f"before: «{h.before}»")
            rows.append(f"after:  «{h.after}»")
        shown = rows if self.limit is None else rows[: 2 * self.limit]
        for r in shown:
            self.line(r, indent)
        if len(rows) > len(shown):
            self.line(f"… and {(len(rows) - len(shown)) // 2} more changes (--all shows every one)", indent)


def _describe_ingest(ex: Explainer, doc: Document) -> None:
    src = doc.source
    ex.line(f"charset: {src.encoding}", 1)
    ex.line(f"bytes: {src.size_bytes}, sha256 {src.sha256[:16]}…", 1)
    ex.line(f"text: {len(doc.text)} characters on {doc.text.count(chr(10)) + 1} lines", 1)


def _describe_repair(ex: Explainer, doc: Document, before: str, steps: list[Step]) -> None:
    ex.line(f"repairs by kind: {_counts(doc.repairs)}", 1)
    changed = [s for s in steps if s.before != s.after]
    if changed:
        for s in changed:
            all_hunks = word_hunks(s.before, s.after)
            hunks = [h for h in all_hunks if h.added or not _moved_out(h.removed, doc)]
            counted = f" ({_counts(s.counts)})" if s.counts else ""
            moved = len(all_hunks) - len(hunks)
            moved_note = f", besides {moved} passage(s) moved out (listed below)" if moved else ""
            ex.line(f"{s.name}{counted}: {len(hunks)} change(s) in the words{moved_note}", 1)
            ex.hunks(hunks, 2)
    else:
        hunks = word_hunks(before, doc.text)
        ex.line(f"text before and after repair: {len(hunks)} change(s) in the words", 1)
        ex.hunks(hunks, 2)
    for title, rows in (("page furniture moved out", doc.furniture), ("boilerplate moved out", doc.boilerplate)):
        if rows:
            ex.line(f"{title} ({len(rows)} lines):", 1)
            ex.items([f"«{_clip(r)}»" for r in rows], 2, "lines")
    if doc.footnotes:
        ex.line(f"footnotes moved out of the text ({len(doc.footnotes)}):", 1)
        ex.items([f"[{n.id}] «{_clip(n.text)}»" for n in doc.footnotes], 2, "footnotes")
    kinds = Counter(b.kind for b in doc.blocks)
    ex.line(f"blocks: {len(doc.blocks)} ({_counts(kinds)})", 1)


def _moved_out(removed: str, doc: Document) -> bool:
    """A deletion made (almost) only of text that repair moved to furniture, boilerplate or footnotes,
    which are listed on their own. Judged by characters, as repair also tidies what it moves
    (footnote markers dropped, CJK spaces removed)."""
    pool = re.sub(r"\s+", "", " ".join(doc.furniture + doc.boilerplate + [n.text for n in doc.footnotes]))
    words = removed.split()
    total = sum(len(w) for w in words)
    found = sum(len(w) for w in words if w in pool)
    return total > 0 and found >= 0.8 * total


def _describe_languages(ex: Explainer, doc: Document) -> None:
    shares = ", ".join(f"{k} {v:.1%}" for k, v in sorted(doc.languages.items(), key=lambda kv: (-kv[1], kv[0])))
    ex.line(f"languages (share of letters): {shares or 'none'}", 1)
    ex.line(f"segments ({len(doc.segments)}):", 1)
    rows = [f"#{i:<3} {s.lang:<3} {s.kind:<9} {s.confidence:.2f}  «{_clip(s.text, 90)}»"
            for i, s in enumerate(doc.segments)]
    ex.items(rows, 2, "segments")


def _values(field_name: str, value: Any) -> Iterator[tuple[str, str, str]]:
    """(label, value shown, text to look for) for each part of a metadata field worth locating."""
    if value in (None, "", [], {}):
        return
    if field_name in ("title",) and isinstance(value, dict):
        yield f"title ({value.get('lang')})", value.get("text", ""), value.get("text", "")
    elif field_name == "title_translations":
        for t in value:
            yield f"title ({t.get('lang')})", t.get("text", ""), t.get("text", "")
    elif field_name == "authors":
        for a in value:
            yield "author", a.get("name", ""), a.get("name", "")
            for aff in a.get("affiliations") or []:
                yield "  affiliation", aff, aff
            if a.get("email"):
                yield "  email", a["email"], a["email"]
    elif field_name == "venue" and isinstance(value, dict):
        for k in ("name", "year", "volume", "issue", "pages"):
            if value.get(k):
                yield f"venue.{k}", str(value[k]), str(value[k]) if k == "name" else ""
        for t in value.get("name_translations") or []:
            yield f"venue.name ({t.get('lang')})", t.get("text", ""), t.get("text", "")
    elif field_name == "keywords":
        for lang, words in value.items():
            # Looked for as a list: the line holding most of the keywords.
            yield f"keywords ({lang})", "; ".join(words), "\n".join(words)
    elif field_name == "abstract":
        for lang, text in value.items():
            yield f"abstract ({lang})", text, text
    elif field_name in ("doi", "published"):
        yield field_name, str(value), str(value)
    elif field_name in ("references", "urls", "emails", "footnotes"):
        shown = [x.get("text", "") if isinstance(x, dict) else str(x) for x in value]
        yield f"{field_name} ({len(value)})", shown[0], shown[0]


def _describe_metadata(ex: Explainer, doc: Document, finder: Finder) -> None:
    md = doc.metadata

    def venue_part(shown: str) -> Place | None:
        # Volume, issue, pages and year are short numbers: look first in the line that names the venue.
        name = (md.get("venue") or {}).get("name")
        place = finder.find(name) if name else None
        return place if place is not None and shown in place.text else finder.find(shown)

    if not md:
        ex.line("no metadata found", 1)
        return
    for name, value in md.items():
        parts = list(_values(name, value))
        if not parts:
            ex.line(f"{name}: (none)", 1)
            continue
        for label, shown, needle in parts:
            ex.line(f"{label}: «{_clip(shown)}»", 1)
            if name == "published":
                place = finder.find_date(needle)
            elif name == "keywords":
                place = finder.find_most(needle.split("\n"))
            elif name == "venue" and not needle:
                place = venue_part(shown)
            else:
                place = finder.find(needle) if needle else None
            if place is not None:
                ex.line(f"from {place.where}: «{_clip(place.text)}»", 3)
            elif needle:
                ex.line("(not printed verbatim: normalised or assembled from several places)", 3)


def explain_document(path: Path, cfg: Config, show_all: bool = False) -> tuple[str, int]:
    """The explanation of one file as text, and the exit code a run would give it (0 record, 1 quarantined)."""
    from pipeline import repair as repair_package
    from pipeline.record import RecordInvalid, build_record, check_record
    from pipeline.run.shard import read_document
    from pipeline.stages import Pipeline

    ex = Explainer(show_all)
    ex.line(f"explain {path}")
    doc, problem = read_document(path.parent, path.name, cfg.input.max_bytes)
    if problem is not None:
        ex.line(f"quarantined at {problem['stage']}: {problem['reason']}")
        return "\n".join(ex.out) + "\n", 1

    pipe = Pipeline(cfg)
    ingested = ""
    for name, step in pipe.steps:
        before_text = doc.text
        n_warnings = len(doc.warnings)
        t0 = time.perf_counter()
        try:
            if name == "repair":
                with watch(repair_package) as steps:
                    doc = step(doc)
            else:
                steps = []
                doc = step(doc)
        except DocumentError as e:
            ex.line(f"== {name}")
            ex.line(f"quarantined at {e.stage}: {e.reason}", 1)
            return "\n".join(ex.out) + "\n", 1
        except Exception as e:  # noqa: BLE001 - the run quarantines these too; say so, do not crash
            ex.line(f"== {name}")
            ex.line(f"quarantined at {name}: internal error: {type(e).__name__}: {e}", 1)
            return "\n".join(ex.out) + "\n", 1
        ex.line(f"== {name} ({time.perf_counter() - t0:.3f} s)")
        if name == "ingest":
            ingested = doc.text
            _describe_ingest(ex, doc)
        elif name == "repair":
            _describe_repair(ex, doc, before_text, steps)
        elif name == "languages":
            _describe_languages(ex, doc)
        elif name == "metadata":
            _describe_metadata(ex, doc, Finder(ingested, doc))
        else:
            ex.line("done", 1)
        for w in doc.warnings[n_warnings:]:
            ex.line(f"warning: {w}", 1)

    ex.line("== record")
    try:
        record = build_record(doc)
        check_record(record)
    except RecordInvalid as e:
        ex.line("quarantined at record: record does not match the schema", 1)
        ex.items([str(x) for x in e.errors], 2, "errors")
        return "\n".join(ex.out) + "\n", 1
    ex.line(f"valid record {record['id'][:23]}…: {len(record['segments'])} segments, "
            f"{len(record['text'])} characters of text", 1)
    return "\n".join(ex.out) + "\n", 0
